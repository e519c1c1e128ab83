/* ms-group.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-group"

#include "config.h"

#include "ms-category.h"
#include "ms-group.h"
#include "ms-node-private.h"

/* A group (件) of the pledge, holding numbered projects (项). */
struct _MsGroup
{
  MsNode      parent_instance;

  guint       number;
  char       *title;
  GListStore *projects;
};

G_DEFINE_FINAL_TYPE (MsGroup, ms_group, MS_TYPE_NODE)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_PROJECTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ms_group_dispose (GObject *object)
{
  MsGroup *self = (MsGroup *)object;

  _ms_node_orphan_children (self->projects);
  g_clear_object (&self->projects);

  G_OBJECT_CLASS (ms_group_parent_class)->dispose (object);
}

static void
ms_group_finalize (GObject *object)
{
  MsGroup *self = (MsGroup *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ms_group_parent_class)->finalize (object);
}

static void
ms_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  MsGroup *self = MS_GROUP (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_PROJECTS:
      g_value_set_object (value, self->projects);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_group_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  MsGroup *self = MS_GROUP (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      ms_group_set_number (self, g_value_get_uint (value));
      break;
    case PROP_TITLE:
      ms_group_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_group_class_init (MsGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ms_group_dispose;
  object_class->finalize = ms_group_finalize;
  object_class->get_property = ms_group_get_property;
  object_class->set_property = ms_group_set_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 1, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);
  properties[PROP_PROJECTS] = g_param_spec_object ("projects", NULL, NULL, G_TYPE_LIST_MODEL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                   MS_PARAM_NOT_CONTENT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_group_init (MsGroup *self)
{
  self->number = 1;
  self->title = g_strdup ("");
  self->projects = _ms_node_new_child_store (MS_TYPE_PROJECT);
}

MsGroup *
ms_group_new (void)
{
  return g_object_new (MS_TYPE_GROUP, NULL);
}

guint
ms_group_get_number (MsGroup *self)
{
  g_return_val_if_fail (MS_IS_GROUP (self), 0);

  return self->number;
}

void
ms_group_set_number (MsGroup *self,
                     guint    number)
{
  g_return_if_fail (MS_IS_GROUP (self));

  if (number == self->number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
ms_group_get_title (MsGroup *self)
{
  g_return_val_if_fail (MS_IS_GROUP (self), NULL);

  return self->title;
}

void
ms_group_set_title (MsGroup    *self,
                    const char *title)
{
  g_return_if_fail (MS_IS_GROUP (self));

  if (_ms_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ms_group_get_projects:
 *
 * Returns: (transfer none): a #GListModel of #MsProject
 */
GListModel *
ms_group_get_projects (MsGroup *self)
{
  g_return_val_if_fail (MS_IS_GROUP (self), NULL);

  return G_LIST_MODEL (self->projects);
}

/**
 * ms_group_get_project:
 *
 * Returns: (transfer none) (nullable): the project at @position
 */
MsProject *
ms_group_get_project (MsGroup *self,
                      guint    position)
{
  g_autoptr(MsProject) project = NULL;

  g_return_val_if_fail (MS_IS_GROUP (self), NULL);

  /* The store keeps its own reference. */
  project = g_list_model_get_item (G_LIST_MODEL (self->projects), position);
  return project;
}

void
ms_group_insert_project (MsGroup   *self,
                         guint      position,
                         MsProject *project)
{
  g_return_if_fail (MS_IS_GROUP (self));
  g_return_if_fail (MS_IS_PROJECT (project));

  _ms_node_insert_child (MS_NODE (self), self->projects, position, MS_NODE (project));
}

/**
 * ms_group_remove_project:
 *
 * Returns: (transfer full): the removed project
 */
MsProject *
ms_group_remove_project (MsGroup *self,
                         guint    position)
{
  g_return_val_if_fail (MS_IS_GROUP (self), NULL);

  return MS_PROJECT (_ms_node_remove_child (MS_NODE (self), self->projects, position));
}

/**
 * ms_group_get_category:
 *
 * Returns: (transfer none) (nullable): the category holding this group
 */
MsCategory *
ms_group_get_category (MsGroup *self)
{
  MsNode *parent;

  g_return_val_if_fail (MS_IS_GROUP (self), NULL);

  parent = ms_node_get_parent (MS_NODE (self));
  return MS_IS_CATEGORY (parent) ? MS_CATEGORY (parent) : NULL;
}
