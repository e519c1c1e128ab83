/* ms-category.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-category"

#include "config.h"

#include "ms-category.h"
#include "ms-node-private.h"

/* A top-level section of the pledge, such as 省重点民生实事. */
struct _MsCategory
{
  MsNode      parent_instance;

  char       *id;
  char       *title;
  GListStore *groups;
};

G_DEFINE_FINAL_TYPE (MsCategory, ms_category, MS_TYPE_NODE)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_GROUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ms_category_dispose (GObject *object)
{
  MsCategory *self = (MsCategory *)object;

  _ms_node_orphan_children (self->groups);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (ms_category_parent_class)->dispose (object);
}

static void
ms_category_finalize (GObject *object)
{
  MsCategory *self = (MsCategory *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ms_category_parent_class)->finalize (object);
}

static void
ms_category_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MsCategory *self = MS_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_GROUPS:
      g_value_set_object (value, self->groups);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_category_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MsCategory *self = MS_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      ms_category_set_id (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      ms_category_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_category_class_init (MsCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ms_category_dispose;
  object_class->finalize = ms_category_finalize;
  object_class->get_property = ms_category_get_property;
  object_class->set_property = ms_category_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, "", rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_GROUPS] = g_param_spec_object ("groups", NULL, NULL, G_TYPE_LIST_MODEL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                 MS_PARAM_NOT_CONTENT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_category_init (MsCategory *self)
{
  self->id = g_strdup ("");
  self->title = g_strdup ("");
  self->groups = _ms_node_new_child_store (MS_TYPE_GROUP);
}

MsCategory *
ms_category_new (void)
{
  return g_object_new (MS_TYPE_CATEGORY, NULL);
}

const char *
ms_category_get_id (MsCategory *self)
{
  g_return_val_if_fail (MS_IS_CATEGORY (self), NULL);

  return self->id;
}

void
ms_category_set_id (MsCategory *self,
                    const char *id)
{
  g_return_if_fail (MS_IS_CATEGORY (self));

  if (_ms_set_string (&self->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
ms_category_get_title (MsCategory *self)
{
  g_return_val_if_fail (MS_IS_CATEGORY (self), NULL);

  return self->title;
}

void
ms_category_set_title (MsCategory *self,
                       const char *title)
{
  g_return_if_fail (MS_IS_CATEGORY (self));

  if (_ms_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ms_category_get_groups:
 *
 * Returns: (transfer none): a #GListModel of #MsGroup
 */
GListModel *
ms_category_get_groups (MsCategory *self)
{
  g_return_val_if_fail (MS_IS_CATEGORY (self), NULL);

  return G_LIST_MODEL (self->groups);
}

/**
 * ms_category_get_group:
 *
 * Returns: (transfer none) (nullable): the group at @position
 */
MsGroup *
ms_category_get_group (MsCategory *self,
                       guint       position)
{
  g_autoptr(MsGroup) group = NULL;

  g_return_val_if_fail (MS_IS_CATEGORY (self), NULL);

  /* The store keeps its own reference. */
  group = g_list_model_get_item (G_LIST_MODEL (self->groups), position);
  return group;
}

void
ms_category_insert_group (MsCategory *self,
                          guint       position,
                          MsGroup    *group)
{
  g_return_if_fail (MS_IS_CATEGORY (self));
  g_return_if_fail (MS_IS_GROUP (group));

  _ms_node_insert_child (MS_NODE (self), self->groups, position, MS_NODE (group));
}

/**
 * ms_category_remove_group:
 *
 * Returns: (transfer full): the removed group
 */
MsGroup *
ms_category_remove_group (MsCategory *self,
                          guint       position)
{
  g_return_val_if_fail (MS_IS_CATEGORY (self), NULL);

  return MS_GROUP (_ms_node_remove_child (MS_NODE (self), self->groups, position));
}
