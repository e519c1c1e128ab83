/* test-departments.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ms-chart.h"
#include "ms-departments.h"
#include "ms-document.h"
#include "ms-history.h"
#include "test-util.h"

/* Departments of each project, in file order; NULL for none. */
static const char * const *const small_departments[] = {
  (const char * const []) { "乙局", "甲局", NULL },
  (const char * const []) { "乙局", NULL },
  (const char * const []) { NULL },
  (const char * const []) { "丙局", NULL },
  (const char * const []) { "丙局", "乙局", NULL },
};

static MsDocument *
make_document (void)
{
  MsDocument *document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();

  ms_category_set_id (category, "one");
  ms_group_set_number (group, 1);
  for (guint i = 0; i < G_N_ELEMENTS (small_departments); i++)
    {
      g_autoptr(MsProject) project = ms_project_new ();

      ms_project_set_number (project, i + 1);
      ms_project_set_target (project, "目标");
      ms_project_set_departments (project, small_departments[i]);
      ms_project_set_status (project, i % 2 == 0 ? MS_STATUS_COMPLETED : MS_STATUS_IN_PROGRESS);
      ms_group_insert_project (group, G_MAXUINT, project);
    }
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (document, 0, category);

  return document;
}

static MsDepartment *
department_at (MsDepartments *departments,
               guint          position)
{
  MsDepartment *department = g_list_model_get_item (G_LIST_MODEL (departments), position);

  /* The model holds it: a borrowed pointer is enough for the test. */
  g_object_unref (department);

  return department;
}

static void
assert_department (MsDepartments *departments,
                   guint          position,
                   const char    *name,
                   guint          n_projects,
                   guint          n_completed)
{
  MsDepartment *department = department_at (departments, position);

  g_assert_cmpstr (ms_department_get_name (department), ==, name);
  g_assert_cmpuint (ms_department_get_n_projects (department), ==, n_projects);
  g_assert_cmpuint (ms_department_get_n_completed (department), ==, n_completed);
}

static void
test_counts_and_order (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  MsDepartment *second;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (departments)) == MS_TYPE_DEPARTMENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 4);
  /* Most projects first; equal counts by name, with "no department" last. */
  assert_department (departments, 0, "乙局", 3, 2);
  assert_department (departments, 1, "丙局", 2, 1);
  assert_department (departments, 2, "甲局", 1, 1);
  assert_department (departments, 3, NULL, 1, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (departments), 4));

  /* A department's projects keep file order. */
  second = department_at (departments, 1);
  g_assert_cmpuint (ms_project_get_number (ms_department_get_project (second, 0)), ==, 4);
  g_assert_cmpuint (ms_project_get_number (ms_department_get_project (second, 1)), ==, 5);
  g_assert_cmpuint (ms_department_get_n_with_status (second, MS_STATUS_IN_PROGRESS), ==, 1);
}

static void
test_example_agrees_with_chart (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (departments));
  cairo_surface_t *surface;
  cairo_t *cr;
  MsChartOptions options;
  MsChartInfo info = { 0 };
  double height;
  guint previous = G_MAXUINT;

  /* The departments page shows 20 rows for the bundled file. */
  g_assert_cmpuint (n, ==, 20);
  for (guint i = 0; i < n; i++)
    {
      guint count = ms_department_get_n_projects (department_at (departments, i));

      g_assert_cmpuint (count, <=, previous);
      previous = count;
    }

  /* The chart draws one bar per department of the same model. */
  g_assert_cmpuint (ms_chart_count_rows (MS_CHART_DEPARTMENTS, MS_NODE (document)), ==, n);
  ms_chart_options_init (&options, "en");
  height = ms_chart_get_natural_height (MS_CHART_DEPARTMENTS, MS_NODE (document), &options);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, (int)ceil (height));
  cr = cairo_create (surface);
  ms_chart_draw (cr, 900, ceil (height), MS_CHART_DEPARTMENTS, MS_NODE (document), &options, &info);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (info.n_bars, ==, n);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Change;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
test_follows_edits_and_undo (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  MsProject *third = ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 2);
  MsDepartment *first = department_at (departments, 0);
  static const char * const to_jia[] = { "甲局", NULL };
  Change change = { 0 };

  g_signal_connect (departments, "items-changed", G_CALLBACK (on_items_changed_cb), &change);

  /* Text that no department depends on changes no row. */
  ms_history_set_string (history, "Edit Completion", G_OBJECT (third), "completion", "已完成");
  g_assert_cmpuint (change.n_signals, ==, 0);

  /* The project without a department now names 甲局, which ties with 丙局
   * at two and sorts after it by name; the "no department" row goes away. */
  ms_history_set_strv (history, "Edit Departments", G_OBJECT (third), "departments", to_jia);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 3);
  assert_department (departments, 0, "乙局", 3, 2);
  assert_department (departments, 1, "丙局", 2, 1);
  assert_department (departments, 2, "甲局", 2, 2);
  /* Only the rows below the unchanged ones: 乙局 and 丙局 keep theirs. */
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_true (department_at (departments, 0) == first);

  /* A status counts towards every department the project names. */
  ms_history_set_enum (history, "Edit Status", G_OBJECT (third), "status", MS_STATUS_DELAYED);
  assert_department (departments, 2, "甲局", 2, 1);
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, 2);

  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 4);
  assert_department (departments, 2, "甲局", 1, 1);
  assert_department (departments, 3, NULL, 1, 1);
  g_assert_true (department_at (departments, 0) == first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/departments/counts-and-order", test_counts_and_order);
  g_test_add_func ("/departments/example-agrees-with-chart", test_example_agrees_with_chart);
  g_test_add_func ("/departments/follows-edits-and-undo", test_follows_edits_and_undo);

  return g_test_run ();
}
