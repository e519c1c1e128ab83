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
 * Every figure is read as of the document's date (or the date set with
 * ms_departments_set_as_of()), through ms-schedule.h. Order, so that the
 * departments to chase come first: most lagging projects (behind, at risk,
 * overdue); then the larger mean gap to 序时进度, departments without a
 * known gap after those with one; then more projects; then by name in byte
 * order. A project naming several departments counts once in each.
 *
 * The projects that name no department are not a department: they are kept
 * apart, as ms_departments_get_unassigned(), a problem of the data to fix.
 *
 * The model follows the scope's "changed::summary" signal (typing free text
 * does not emit it; the document's date, period and thresholds do) and
 * recounts at once: one walk over the projects, each project's state read
 * once however many departments it names, and a hash lookup per department
 * named. Departments keep their objects across recounts, and only the rows
 * whose department or figures changed are reported as changed, so a bound
 * list rebuilds those rows and no others. */
struct _MsDepartments
{
  GObject       parent_instance;

  MsNode       *scope;
  MsDate        as_of;
  /* MsDepartment, in the documented order. */
  GPtrArray    *items;
  /* The projects that name no department. */
  MsDepartment *unassigned;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MsDepartments, ms_departments, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_N_ITEMS,
  PROP_AS_OF,
  PROP_UNASSIGNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  MsDepartment *department;
  /* MsDepartmentProject */
  GArray       *entries;
  double        gap_sum;
  guint         n_gaps;
  guint         n_lagging;
  gboolean      changed;
} Count;

static void
count_clear (gpointer data)
{
  Count *count = data;

  g_clear_object (&count->department);
  g_clear_pointer (&count->entries, g_array_unref);
}

static void
count_add (Count                     *count,
           const MsDepartmentProject *entry,
           double                     gap_sum,
           guint                      n_gaps)
{
  g_array_append_val (count->entries, *entry);
  count->gap_sum += gap_sum;
  count->n_gaps += n_gaps;
  if (entry->schedule < MS_SCHEDULE_NOT_REPORTED)
    count->n_lagging++;
}

static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const Count *ca = a;
  const Count *cb = b;

  if (ca->n_lagging != cb->n_lagging)
    return ca->n_lagging > cb->n_lagging ? -1 : 1;
  if ((ca->n_gaps > 0) != (cb->n_gaps > 0))
    return ca->n_gaps > 0 ? -1 : 1;
  if (ca->n_gaps > 0)
    {
      double ga = ca->gap_sum / ca->n_gaps;
      double gb = cb->gap_sum / cb->n_gaps;

      if (ga != gb)
        return ga > gb ? -1 : 1;
    }
  if (ca->entries->len != cb->entries->len)
    return ca->entries->len > cb->entries->len ? -1 : 1;
  return strcmp (ms_department_get_name (ca->department), ms_department_get_name (cb->department));
}

static void
init_context (MsDepartments     *self,
              MsScheduleContext *context)
{
  MsDocument *document = ms_node_get_document (self->scope);

  if (document != NULL)
    ms_schedule_context_init (context, document, self->as_of);
  else
    {
      /* A part not (or no longer) in a document: the defaults of a new one. */
      g_autoptr(MsDocument) scratch = ms_document_new ();

      ms_schedule_context_init (context, scratch, self->as_of);
    }
}

/* Reads @project as of @context: its entry, and the sum and number of its
 * indicators' known gaps. */
static void
read_project (MsProject               *project,
              const MsScheduleContext *context,
              MsDepartmentProject     *entry,
              double                  *gap_sum,
              guint                   *n_gaps)
{
  MsDate deadline = ms_schedule_context_get_deadline (context, project);
  GListModel *indicators = ms_project_get_indicators (project);
  guint n_indicators = g_list_model_get_n_items (indicators);

  memset (entry, 0, sizeof *entry);
  entry->project = project;
  entry->schedule = ms_project_get_schedule (project, context, &entry->deciding);
  if (entry->deciding != NULL)
    {
      entry->has_rate = ms_indicator_get_rate_at (entry->deciding, context->as_of, &entry->rate);
      entry->has_expected = ms_indicator_get_expected_rate (entry->deciding, context, deadline, context->as_of,
                                                            &entry->expected);
    }

  *gap_sum = 0;
  *n_gaps = 0;
  for (guint i = 0; i < n_indicators; i++)
    {
      double points;

      if (ms_indicator_get_gap (ms_project_get_indicator (project, i), context, deadline, &points))
        {
          *gap_sum += points;
          (*n_gaps)++;
        }
    }
}

static void
recount (MsDepartments *self)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GHashTable) old = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (Count));
  g_autoptr(GArray) unassigned = g_array_new (FALSE, TRUE, sizeof (MsDepartmentProject));
  MsScheduleContext context;
  double unassigned_gap_sum = 0;
  guint unassigned_n_gaps = 0;
  guint n_old = self->items->len;
  guint prefix = 0;
  guint suffix = 0;

  g_assert (MS_IS_DEPARTMENTS (self));

  g_array_set_clear_func (counts, count_clear);
  init_context (self, &context);

  for (guint i = 0; i < self->items->len; i++)
    {
      MsDepartment *department = g_ptr_array_index (self->items, i);

      g_hash_table_insert (old, (gpointer)ms_department_get_name (department), department);
    }

  projects = ms_node_collect_projects (self->scope);
  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      const char * const *departments = ms_project_get_departments (project);
      MsDepartmentProject entry;
      double gap_sum;
      guint n_gaps;

      read_project (project, &context, &entry, &gap_sum, &n_gaps);

      if (departments[0] == NULL)
        {
          g_array_append_val (unassigned, entry);
          unassigned_gap_sum += gap_sum;
          unassigned_n_gaps += n_gaps;
          continue;
        }

      for (guint d = 0; departments[d] != NULL; d++)
        {
          const char *name = departments[d];
          gpointer position = NULL;
          Count *count;

          if (g_hash_table_lookup_extended (index, name, NULL, &position))
            count = &g_array_index (counts, Count, GPOINTER_TO_UINT (position));
          else
            {
              MsDepartment *known = g_hash_table_lookup (old, name);
              Count fresh = {
                known != NULL ? g_object_ref (known) : _ms_department_new (name),
                g_array_new (FALSE, TRUE, sizeof (MsDepartmentProject)),
                0, 0, 0,
                known == NULL,
              };

              g_array_append_val (counts, fresh);
              g_hash_table_insert (index, (gpointer)ms_department_get_name (fresh.department),
                                   GUINT_TO_POINTER (counts->len - 1));
              count = &g_array_index (counts, Count, counts->len - 1);
            }
          count_add (count, &entry, gap_sum, n_gaps);
        }
    }

  /* Sorting moves the counts; the index is no longer needed. */
  g_hash_table_remove_all (index);
  g_array_sort (counts, compare_counts);

  for (guint i = 0; i < counts->len; i++)
    {
      Count *count = &g_array_index (counts, Count, i);

      count->changed |= _ms_department_update (count->department, count->entries, count->gap_sum,
                                               count->n_gaps, &context);
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

  if (_ms_department_update (self->unassigned, unassigned, unassigned_gap_sum, unassigned_n_gaps, &context))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNASSIGNED]);
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
  /* The document's date, period and thresholds change every figure; they
   * reach a part of it only through these. */
  if (!MS_IS_DOCUMENT (self->scope) && ms_node_get_document (self->scope) != NULL)
    {
      MsDocument *document = ms_node_get_document (self->scope);
      static const char * const signals[] = {
        "notify::as-of", "notify::period-start", "notify::period-end", "notify::thresholds", "notify::year",
      };

      for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
        g_signal_connect_object (document, signals[i], G_CALLBACK (recount), self, G_CONNECT_SWAPPED);
    }
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
  g_clear_object (&self->unassigned);

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

    case PROP_AS_OF:
      g_value_set_uint (value, self->as_of);
      break;

    case PROP_UNASSIGNED:
      g_value_set_object (value, self->unassigned);
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

    case PROP_AS_OF:
      ms_departments_set_as_of (self, g_value_get_uint (value));
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
  /* An MsDate; 0 (MS_DATE_NONE) for the document's own date. */
  properties[PROP_AS_OF] =
    g_param_spec_uint ("as-of", NULL, NULL, 0, G_MAXUINT32, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Notified whenever its projects or their figures change. */
  properties[PROP_UNASSIGNED] =
    g_param_spec_object ("unassigned", NULL, NULL, MS_TYPE_DEPARTMENT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_departments_init (MsDepartments *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->unassigned = _ms_department_new (NULL);
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

/**
 * ms_departments_get_as_of:
 *
 * Returns: the date set with ms_departments_set_as_of(), or %MS_DATE_NONE
 *   when the figures are read as of the document's own date
 */
MsDate
ms_departments_get_as_of (MsDepartments *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS (self), MS_DATE_NONE);

  return self->as_of;
}

/**
 * ms_departments_set_as_of:
 * @as_of: the date to read the figures on, or %MS_DATE_NONE for the
 *   document's own (see ms_schedule_context_init())
 */
void
ms_departments_set_as_of (MsDepartments *self,
                          MsDate         as_of)
{
  g_return_if_fail (MS_IS_DEPARTMENTS (self));

  if (self->as_of == as_of)
    return;

  self->as_of = as_of;
  if (self->scope != NULL)
    recount (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

/**
 * ms_departments_get_unassigned:
 *
 * The projects that name no responsible department: not a department, and
 * so not in the list, but a problem of the data to show apart. Its name is
 * %NULL; it has no projects when every project names a department.
 *
 * Returns: (transfer none): the projects without a department, with their
 *   figures as for a department
 */
MsDepartment *
ms_departments_get_unassigned (MsDepartments *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS (self), NULL);

  return self->unassigned;
}
