/* ms-node.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-node"

#include "config.h"

#include <string.h>

#include "ms-document.h"
#include "ms-node-private.h"

typedef struct
{
  /* Not a reference: the parent owns us through its child store and clears
   * this pointer when it lets go of us. */
  MsNode     *parent;
  /* Members the file had that this version does not know, in file order. */
  JsonObject *extra;
  /* The summary of everything below, kept until a summary change below:
   * after an edit only the path up from the edited node is counted again. */
  MsStats     stats;
  gboolean    stats_valid;
} MsNodePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MsNode, ms_node, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark summary_quark;
static GQuark text_quark;

static void
emit_changed (MsNode *self,
              GQuark  detail)
{
  /* Every summary on the way up is stale before any handler runs. */
  if (detail == summary_quark)
    for (MsNode *node = self; node != NULL; node = ms_node_get_parent (node))
      {
        MsNodePrivate *priv = ms_node_get_instance_private (node);

        priv->stats_valid = FALSE;
      }

  for (MsNode *node = self; node != NULL; node = ms_node_get_parent (node))
    g_signal_emit (node, signals[CHANGED], detail);
}

static void
ms_node_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  gboolean text_changed = FALSE;
  gboolean summary_changed = FALSE;

  G_OBJECT_CLASS (ms_node_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);

  for (guint i = 0; i < n_pspecs; i++)
    {
      if (pspecs[i]->flags & MS_PARAM_NOT_CONTENT)
        continue;
      if (pspecs[i]->flags & MS_PARAM_FREE_TEXT)
        text_changed = TRUE;
      else
        summary_changed = TRUE;
    }

  if (summary_changed)
    ms_node_changed (MS_NODE (object));
  else if (text_changed)
    emit_changed (MS_NODE (object), text_quark);
}

/* The levels above projects; projects and indicators have none here. */
static GListModel *
get_container_children (MsNode *node)
{
  if (MS_IS_DOCUMENT (node))
    return ms_document_get_categories (MS_DOCUMENT (node));
  if (MS_IS_CATEGORY (node))
    return ms_category_get_groups (MS_CATEGORY (node));
  if (MS_IS_GROUP (node))
    return ms_group_get_projects (MS_GROUP (node));
  return NULL;
}

static void
append_projects (MsNode    *node,
                 GPtrArray *projects)
{
  GListModel *children;
  guint n_children;

  if (MS_IS_PROJECT (node))
    {
      g_ptr_array_add (projects, node);
      return;
    }

  children = get_container_children (node);
  n_children = children != NULL ? g_list_model_get_n_items (children) : 0;
  for (guint i = 0; i < n_children; i++)
    {
      g_autoptr(MsNode) child = g_list_model_get_item (children, i);

      append_projects (child, projects);
    }
}

static void
ms_node_finalize (GObject *object)
{
  MsNode *self = (MsNode *)object;
  MsNodePrivate *priv = ms_node_get_instance_private (self);

  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (ms_node_parent_class)->finalize (object);
}

static void
ms_node_class_init (MsNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispatch_properties_changed = ms_node_dispatch_properties_changed;
  object_class->finalize = ms_node_finalize;

  /**
   * MsNode::changed:
   *
   * Emitted when the content of this node or of any node below it changed,
   * with the detail "text" when only free text changed (see
   * %MS_PARAM_FREE_TEXT) and "summary" otherwise: charts and counts connect
   * to "changed::summary" and leave typing alone.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  G_STRUCT_OFFSET (MsNodeClass, changed),
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
  summary_quark = g_quark_from_static_string ("summary");
  text_quark = g_quark_from_static_string ("text");
}

static void
ms_node_init (MsNode *self)
{
}

MsNode *
ms_node_get_parent (MsNode *self)
{
  MsNodePrivate *priv = ms_node_get_instance_private (self);

  g_return_val_if_fail (MS_IS_NODE (self), NULL);

  return priv->parent;
}

/**
 * ms_node_get_document:
 *
 * Returns: (transfer none) (nullable): the document this node belongs to
 */
MsDocument *
ms_node_get_document (MsNode *self)
{
  g_return_val_if_fail (MS_IS_NODE (self), NULL);

  while (self != NULL && !MS_IS_DOCUMENT (self))
    self = ms_node_get_parent (self);

  return self ? MS_DOCUMENT (self) : NULL;
}

/**
 * ms_node_get_extra:
 *
 * Returns: (transfer none) (nullable): the members this version does not know
 */
JsonObject *
ms_node_get_extra (MsNode *self)
{
  MsNodePrivate *priv = ms_node_get_instance_private (self);

  g_return_val_if_fail (MS_IS_NODE (self), NULL);

  return priv->extra;
}

void
ms_node_set_extra (MsNode     *self,
                   JsonObject *extra)
{
  MsNodePrivate *priv = ms_node_get_instance_private (self);

  g_return_if_fail (MS_IS_NODE (self));

  if (extra == priv->extra)
    return;

  if (extra != NULL)
    json_object_ref (extra);
  g_clear_pointer (&priv->extra, json_object_unref);
  priv->extra = extra;
}

/**
 * ms_node_changed:
 *
 * Tells this node and every ancestor that content changed, in a way that
 * may change their summaries ("changed::summary").
 */
/**
 * ms_node_collect_projects:
 * @scope: a document, category, group or project
 *
 * Walks @scope in file order (categories, then groups, then projects) and
 * gathers every project below it; a project gathers itself. This is the one
 * walk over the tree: callers that need each project use it rather than
 * nesting loops over categories and groups.
 *
 * Returns: (transfer container) (element-type MsProject): the projects, not
 *   referenced: they live as long as @scope holds them
 */
GPtrArray *
ms_node_collect_projects (MsNode *scope)
{
  GPtrArray *projects;

  g_return_val_if_fail (MS_IS_NODE (scope), NULL);

  projects = g_ptr_array_new ();
  append_projects (scope, projects);

  return projects;
}

void
ms_node_changed (MsNode *self)
{
  g_return_if_fail (MS_IS_NODE (self));

  emit_changed (self, summary_quark);
}

/*
 * _ms_node_peek_stats:
 * @self: a document, category, group or project
 *
 * Returns: (transfer none): the summary of the projects below @self, counted
 *   again only where something changed since it was last asked for
 */
const MsStats *
_ms_node_peek_stats (MsNode *self)
{
  MsNodePrivate *priv = ms_node_get_instance_private (self);

  if (!priv->stats_valid)
    {
      memset (&priv->stats, 0, sizeof priv->stats);
      if (MS_IS_PROJECT (self))
        _ms_stats_add_project (&priv->stats, MS_PROJECT (self));
      else
        {
          GListModel *children = get_container_children (self);
          guint n_children = children != NULL ? g_list_model_get_n_items (children) : 0;

          for (guint i = 0; i < n_children; i++)
            {
              g_autoptr(MsNode) child = g_list_model_get_item (children, i);

              ms_stats_add (&priv->stats, _ms_node_peek_stats (child));
            }
        }
      priv->stats_valid = TRUE;
    }

  return &priv->stats;
}

GListStore *
_ms_node_new_child_store (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, MS_TYPE_NODE), NULL);

  return g_list_store_new (item_type);
}

void
_ms_node_insert_child (MsNode     *self,
                       GListStore *store,
                       guint       position,
                       MsNode     *child)
{
  MsNodePrivate *child_priv;

  g_return_if_fail (MS_IS_NODE (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (MS_IS_NODE (child));

  child_priv = ms_node_get_instance_private (child);
  g_return_if_fail (child_priv->parent == NULL);

  position = MIN (position, g_list_model_get_n_items (G_LIST_MODEL (store)));
  child_priv->parent = self;
  g_list_store_insert (store, position, child);
  ms_node_changed (self);
}

/* Returns: (transfer full): the removed child, now without a parent */
MsNode *
_ms_node_remove_child (MsNode     *self,
                       GListStore *store,
                       guint       position)
{
  g_autoptr(MsNode) child = NULL;
  MsNodePrivate *child_priv;

  g_return_val_if_fail (MS_IS_NODE (self), NULL);
  g_return_val_if_fail (G_IS_LIST_STORE (store), NULL);

  child = g_list_model_get_item (G_LIST_MODEL (store), position);
  g_return_val_if_fail (child != NULL, NULL);

  child_priv = ms_node_get_instance_private (child);
  child_priv->parent = NULL;
  g_list_store_remove (store, position);
  ms_node_changed (self);

  return g_steal_pointer (&child);
}

void
_ms_node_orphan_children (GListStore *store)
{
  guint n_items;

  if (store == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MsNode) child = g_list_model_get_item (G_LIST_MODEL (store), i);
      MsNodePrivate *child_priv = ms_node_get_instance_private (child);

      child_priv->parent = NULL;
    }
}

/* GLib 2.74 has no g_set_str: replace only on a real change. */
gboolean
_ms_set_string (char      **field,
                const char *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

gboolean
_ms_set_strv (char             ***field,
              const char * const *value)
{
  static const char * const empty[] = { NULL };

  if (value == NULL)
    value = empty;

  if (*field != NULL && g_strv_equal ((const char * const *)*field, value))
    return FALSE;

  g_strfreev (*field);
  *field = g_strdupv ((char **)value);
  return TRUE;
}
