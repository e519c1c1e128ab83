/* ms-departments.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-departments"

#include "config.h"

#include <string.h>

#include "ms-department-private.h"
#include "ms-departments.h"

/* The responsible departments of a document (or of a part of it), as one
 * list model of MsDepartment, so that the departments chart, the departments
 * page and the CLI count the same way and show the same order.
 *
 * Order: most projects first; among equal counts, by name in byte order,
 * with the projects that name no department after the named ones. A project
 * naming several departments counts once in each.
 *
 * The model follows the scope's "changed::summary" signal (typing free text
 * does not emit it) and recounts at once: one
 * walk over the projects and a hash lookup per department named. Departments
 * keep their objects across recounts, and only the rows whose department,
 * projects or statuses changed are reported as changed, so a bound list
 * rebuilds those rows and no others. */
struct _MsDepartments
{
  GObject    parent_instance;

  MsNode    *scope;
  /* MsDepartment, in the documented order. */
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MsDepartments, ms_departments, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  MsDepartment *department;
  GPtrArray    *projects;
  gboolean      changed;
} Count;

static void
count_clear (gpointer data)
{
  Count *count = data;

  g_clear_object (&count->department);
  g_clear_pointer (&count->projects, g_ptr_array_unref);
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const Count *ca = a;
  const Count *cb = b;
  const char *na = ms_department_get_name (ca->department);
  const char *nb = ms_department_get_name (cb->department);

  if (ca->projects->len != cb->projects->len)
    return ca->projects->len > cb->projects->len ? -1 : 1;
  if (na == NULL || nb == NULL)
    return (na == NULL) - (nb == NULL);
  return strcmp (na, nb);
}

static void
recount (MsDepartments *self)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (Count));
  MsDepartment *old_none = NULL;
  guint none = G_MAXUINT;
  guint n_old = self->items->len;
  guint prefix = 0;
  guint suffix = 0;

  g_assert (MS_IS_DEPARTMENTS (self));

  g_array_set_clear_func (counts, count_clear);

  for (guint i = 0; i < self->items->len; i++)
    {
      MsDepartment *department = g_ptr_array_index (self->items, i);
      const char *name = ms_department_get_name (department);

      if (name != NULL)
        g_hash_table_insert (old, (gpointer)name, department);
      else
        old_none = department;
    }

  projects = ms_node_collect_projects (self->scope);
  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      const char * const *departments = ms_project_get_departments (project);
      const char * const no_department[] = { NULL };
      guint n = departments[0] != NULL ? g_strv_length ((char **)departments) : 1;

      if (departments[0] == NULL)
        departments = no_department;

      for (guint d = 0; d < n; d++)
        {
          const char *name = departments[d];
          gpointer position = NULL;
          Count *count;

          if (name == NULL ? none != G_MAXUINT : g_hash_table_lookup_extended (index, name, NULL, &position))
            count = &g_array_index (counts, Count, name == NULL ? none : GPOINTER_TO_UINT (position));
          else
            {
              MsDepartment *known = name == NULL ? old_none : g_hash_table_lookup (old, name);
              Count fresh = {
                known != NULL ? g_object_ref (known) : _ms_department_new (name),
                g_ptr_array_new (),
                known == NULL,
              };

              g_array_append_val (counts, fresh);
              if (name == NULL)
                none = counts->len - 1;
              else
                g_hash_table_insert (index, (gpointer)ms_department_get_name (fresh.department),
                                     GUINT_TO_POINTER (counts->len - 1));
              count = &g_array_index (counts, Count, counts->len - 1);
            }
          g_ptr_array_add (count->projects, project);
        }
    }

  /* Sorting moves the counts; the index is no longer needed. */
  g_hash_table_remove_all (index);
  g_array_sort (counts, compare_counts);

  for (guint i = 0; i < counts->len; i++)
    {
      Count *count = &g_array_index (counts, Count, i);

      count->changed |= _ms_department_update (count->department, count->projects);
    }

  /* Report only the span between the rows that stayed as they were. */
  while (prefix < counts->len && prefix < n_old)
    {
      Count *count = &g_array_index (counts, Count, prefix);

      if (count->changed || count->department != g_ptr_array_index (self->items, prefix))
        break;
      prefix++;
    }
  while (suffix < counts->len - prefix && suffix < n_old - prefix)
    {
      Count *count = &g_array_index (counts, Count, counts->len - 1 - suffix);

      if (count->changed || count->department != g_ptr_array_index (self->items, n_old - 1 - suffix))
        break;
      suffix++;
    }

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < counts->len; i++)
    g_ptr_array_add (self->items, g_object_ref (g_array_index (counts, Count, i).department));

  if (prefix + suffix < MAX (n_old, counts->len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix,
                                counts->len - prefix - suffix);
  if (n_old != counts->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static GType
ms_departments_get_item_type (GListModel *model)
{
  return MS_TYPE_DEPARTMENT;
}

static guint
ms_departments_get_n_items (GListModel *model)
{
  return MS_DEPARTMENTS (model)->items->len;
}

static gpointer
ms_departments_get_item (GListModel *model,
                         guint       position)
{
  MsDepartments *self = MS_DEPARTMENTS (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ms_departments_get_item_type;
  iface->get_n_items = ms_departments_get_n_items;
  iface->get_item = ms_departments_get_item;
}

static void
ms_departments_constructed (GObject *object)
{
  MsDepartments *self = (MsDepartments *)object;

  G_OBJECT_CLASS (ms_departments_parent_class)->constructed (object);

  g_return_if_fail (MS_IS_NODE (self->scope));

  g_signal_connect_object (self->scope, "changed::summary", G_CALLBACK (recount), self, G_CONNECT_SWAPPED);
  recount (self);
}

static void
ms_departments_dispose (GObject *object)
{
  MsDepartments *self = (MsDepartments *)object;

  g_clear_object (&self->scope);

  G_OBJECT_CLASS (ms_departments_parent_class)->dispose (object);
}

static void
ms_departments_finalize (GObject *object)
{
  MsDepartments *self = (MsDepartments *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (ms_departments_parent_class)->finalize (object);
}

static void
ms_departments_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MsDepartments *self = MS_DEPARTMENTS (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_object (value, ms_departments_get_scope (self));
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_departments_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MsDepartments *self = MS_DEPARTMENTS (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      self->scope = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_departments_class_init (MsDepartmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ms_departments_constructed;
  object_class->dispose = ms_departments_dispose;
  object_class->finalize = ms_departments_finalize;
  object_class->get_property = ms_departments_get_property;
  object_class->set_property = ms_departments_set_property;

  properties[PROP_SCOPE] =
    g_param_spec_object ("scope", NULL, NULL, MS_TYPE_NODE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_departments_init (MsDepartments *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * ms_departments_new:
 * @scope: the document, or a category or group of it
 *
 * Returns: (transfer full): the departments of @scope, kept up to date
 */
MsDepartments *
ms_departments_new (MsNode *scope)
{
  g_return_val_if_fail (MS_IS_NODE (scope), NULL);

  return g_object_new (MS_TYPE_DEPARTMENTS, "scope", scope, NULL);
}

/**
 * ms_departments_get_scope:
 *
 * Returns: (transfer none): the node whose projects are counted
 */
MsNode *
ms_departments_get_scope (MsDepartments *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS (self), NULL);

  return self->scope;
}
