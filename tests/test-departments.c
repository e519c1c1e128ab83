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
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 3);
  /* Nothing lags and nothing has figures: most projects first, equal
   * counts by name. */
  assert_department (departments, 0, "乙局", 3, 2);
  assert_department (departments, 1, "丙局", 2, 1);
  assert_department (departments, 2, "甲局", 1, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (departments), 3));
  /* "No department" is not a department: it is kept apart. */
  g_assert_null (ms_department_get_name (ms_departments_get_unassigned (departments)));
  g_assert_cmpuint (ms_department_get_n_projects (ms_departments_get_unassigned (departments)), ==, 1);
  g_assert_cmpuint (ms_project_get_number (ms_department_get_project (ms_departments_get_unassigned (departments), 0)),
                    ==, 3);

  /* A department's projects keep file order. */
  second = department_at (departments, 1);
  g_assert_cmpuint (ms_project_get_number (ms_department_get_project (second, 0)), ==, 4);
  g_assert_cmpuint (ms_project_get_number (ms_department_get_project (second, 1)), ==, 5);
  g_assert_cmpuint (ms_department_get_n_with_status (second, MS_STATUS_IN_PROGRESS), ==, 1);
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

static MsDocument *
load_example_city (void)
{
  g_autofree char *dir = g_path_get_dirname (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *path = g_build_filename (dir, "example-city-2025.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static const char *
name_at (MsDepartments *departments,
         guint          position)
{
  return ms_department_get_name (department_at (departments, position));
}

static void
test_ranked_by_lag (void)
{
  g_autoptr(MsDocument) document = load_example_city ();
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (departments));
  MsDepartment *unassigned = ms_departments_get_unassigned (departments);
  MsDepartment *first;
  double gap;

  /* As of 2025-09-30: 市教育局 has three lagging projects (its own two and
   * the training it shares); then one each, the larger gap first. */
  g_assert_cmpuint (n, ==, 14);
  g_assert_cmpstr (name_at (departments, 0), ==, "市教育局");
  g_assert_cmpstr (name_at (departments, 1), ==, "市交通运输局");
  g_assert_cmpstr (name_at (departments, 2), ==, "市城市管理局");
  g_assert_cmpstr (name_at (departments, 3), ==, "市住房和城乡建设局");
  g_assert_cmpstr (name_at (departments, 4), ==, "市民政局");
  g_assert_cmpstr (name_at (departments, 5), ==, "市卫生健康委员会");
  g_assert_cmpstr (name_at (departments, 6), ==, "市人力资源和社会保障局");
  /* One lagging project but no figure to measure a gap by: after those with one. */
  g_assert_cmpstr (name_at (departments, 7), ==, "市公安局");
  g_assert_false (ms_department_get_mean_gap (department_at (departments, 7), &gap));
  g_assert_cmpuint (ms_department_get_n_lagging (department_at (departments, 7)), ==, 1);

  first = department_at (departments, 0);
  g_assert_cmpuint (ms_department_get_n_projects (first), ==, 3);
  g_assert_cmpuint (ms_department_get_n_lagging (first), ==, 3);
  g_assert_cmpuint (ms_department_get_n_with_schedule (first, MS_SCHEDULE_OVERDUE), ==, 1);
  g_assert_cmpuint (ms_department_get_n_with_schedule (first, MS_SCHEDULE_AT_RISK), ==, 1);
  g_assert_cmpuint (ms_department_get_n_with_schedule (first, MS_SCHEDULE_BEHIND), ==, 1);
  g_assert_cmpuint (ms_department_get_context (first)->as_of, ==, ms_date_from_ymd (2025, 9, 30));

  for (guint i = 0; i < n; i++)
    {
      MsDepartment *department = department_at (departments, i);

      /* "No department" is not ranked among the departments. */
      g_assert_nonnull (ms_department_get_name (department));
      if (i > 0)
        g_assert_cmpuint (ms_department_get_n_lagging (department), <=,
                          ms_department_get_n_lagging (department_at (departments, i - 1)));
    }

  /* The project without a department is kept apart, with its figures. */
  g_assert_null (ms_department_get_name (unassigned));
  g_assert_cmpuint (ms_department_get_n_projects (unassigned), ==, 1);
  g_assert_cmpuint (ms_project_get_number (ms_department_get_project (unassigned, 0)), ==, 7);
  g_assert_cmpint (ms_department_get_entry (unassigned, 0)->schedule, ==, MS_SCHEDULE_ON_TRACK);

  /* The chart draws the departments only, in the same order; its rows are
   * each department's projects by the state its bar counts, and its
   * description gives the headline. */
  {
    g_autofree char *description = ms_chart_describe (MS_CHART_DEPARTMENTS, MS_NODE (document), "en");
    g_autoptr(GListModel) rows = ms_chart_collect_rows (MS_CHART_DEPARTMENTS, MS_NODE (document), "en");
    guint n_rows = g_list_model_get_n_items (rows);
    g_autoptr(MsChartRow) last = g_list_model_get_item (rows, n_rows - 1);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 700);
    cairo_t *cr = cairo_create (surface);
    MsChartOptions options;
    MsChartInfo info = { 0 };
    guint expected_rows = ms_department_get_n_projects (unassigned);
    guint n_lagging = 0;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < n; i++)
      {
        expected_rows += ms_department_get_n_projects (department_at (departments, i));
        n_lagging += ms_department_get_n_lagging (department_at (departments, i)) > 0;
      }
    g_assert_cmpuint (n_rows, ==, expected_rows);
    for (guint i = 0; i < ms_department_get_n_projects (first); i++)
      {
        g_autoptr(MsChartRow) row = g_list_model_get_item (rows, i);

        g_assert_cmpstr (ms_chart_row_get_group (row), ==, "市教育局");
        g_assert_true (ms_chart_row_get_project (row) == ms_department_get_project (first, i));
        g_assert_cmpint (ms_chart_row_get_schedule (row), ==, ms_department_get_entry (first, i)->schedule);
        g_assert_true (ms_schedule_is_lagging (ms_chart_row_get_schedule (row)));
      }
    g_assert_cmpstr (ms_chart_row_get_group (last), ==, "No responsible department");
    g_assert_cmpuint (ms_project_get_number (ms_chart_row_get_project (last)), ==, 7);
    g_assert_cmpstr (ms_chart_row_get_state (last), ==, "On track");
    expected = g_strdup_printf ("Projects behind schedule in each of 14 departments. "
                                "%u departments have projects behind schedule.", n_lagging);
    g_assert_cmpuint (n_lagging, >, 1);
    g_assert_cmpstr (description, ==, expected);

    ms_chart_options_init (&options, "en");
    ms_chart_draw (cr, 900, ms_chart_get_natural_height (MS_CHART_DEPARTMENTS, MS_NODE (document), &options),
                   MS_CHART_DEPARTMENTS, MS_NODE (document), &options, &info);
    g_assert_cmpuint (info.n_bars, ==, n);
    g_assert_cmpuint (info.n_unknown_glyphs, ==, 0);
    g_assert_cmpfloat (info.text_x2, <=, 900.5);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

static MsIndicator *
add_indicator (MsProject    *project,
               double        target,
               double        actual,
               MsComparison  comparison)
{
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();

  ms_indicator_set_target (indicator, target);
  if (actual >= 0)
    ms_indicator_set_actual (indicator, actual);
  ms_indicator_set_comparison (indicator, comparison);
  ms_project_insert_indicator (project, G_MAXUINT, indicator);
  return indicator;
}

/* 甲局 and 乙局, each with one project due 100 days into 2025, read as of
 * day 50, so that 序时进度 is exactly 50%. */
static MsDocument *
make_gap_document (MsIndicator **yi_indicator)
{
  MsDocument *document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();
  g_autoptr(MsProject) jia = ms_project_new ();
  g_autoptr(MsProject) yi = ms_project_new ();
  MsDate start = ms_date_from_ymd (2025, 1, 1);

  ms_document_set_year (document, 2025);
  ms_document_set_as_of (document, start + 50);
  ms_category_set_id (category, "one");
  ms_group_set_number (group, 1);

  ms_project_set_number (jia, 1);
  ms_project_set_departments (jia, (const char * const []) { "甲局", NULL });
  ms_project_set_deadline (jia, start + 100);
  /* 30% against 50%: 20 points behind. */
  add_indicator (jia, 100, 30, MS_COMPARISON_AT_LEAST);
  /* 60%: 10 points ahead. */
  add_indicator (jia, 10, 6, MS_COMPARISON_AT_LEAST);
  /* No figure: no gap. */
  add_indicator (jia, 5, -1, MS_COMPARISON_AT_LEAST);
  /* A cap of 40 at 50: rate 80% against 100% all year: 20 points. */
  add_indicator (jia, 40, 50, MS_COMPARISON_AT_MOST);
  ms_group_insert_project (group, G_MAXUINT, jia);

  ms_project_set_number (yi, 2);
  ms_project_set_departments (yi, (const char * const []) { "乙局", NULL });
  ms_project_set_deadline (yi, start + 100);
  /* 50% against 50%: on track, no gap. */
  *yi_indicator = add_indicator (yi, 10, 5, MS_COMPARISON_AT_LEAST);
  ms_group_insert_project (group, G_MAXUINT, yi);

  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (document, 0, category);

  return document;
}

static void
assert_gap (MsDepartment *department,
            double        expected,
            guint         n_gaps)
{
  double gap = G_MAXDOUBLE;

  g_assert_true (ms_department_get_mean_gap (department, &gap));
  g_assert_cmpfloat_with_epsilon (gap, expected, 1e-9);
  g_assert_cmpuint (ms_department_get_n_gaps (department), ==, n_gaps);
}

static void
test_mean_gap (void)
{
  MsIndicator *yi_indicator = NULL;
  g_autoptr(MsDocument) document = make_gap_document (&yi_indicator);
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  MsDepartment *jia;
  const MsDepartmentProject *entry;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 2);
  g_assert_cmpstr (name_at (departments, 0), ==, "甲局");
  jia = department_at (departments, 0);
  /* (20 − 10 + 20) ÷ 3: the indicator without a figure does not count. */
  assert_gap (jia, 10, 3);
  assert_gap (department_at (departments, 1), 0, 1);

  /* The project is behind, decided by its lowest rate among the behind. */
  g_assert_cmpuint (ms_department_get_n_lagging (jia), ==, 1);
  entry = ms_department_get_entry (jia, 0);
  g_assert_cmpint (entry->schedule, ==, MS_SCHEDULE_BEHIND);
  g_assert_true (entry->deciding == ms_project_get_indicator (entry->project, 0));
  g_assert_true (entry->has_rate && entry->has_expected);
  g_assert_cmpfloat_with_epsilon (entry->rate, 0.3, 1e-9);
  g_assert_cmpfloat_with_epsilon (entry->expected, 0.5, 1e-9);

  /* No projects without a department here. */
  g_assert_cmpuint (ms_department_get_n_projects (ms_departments_get_unassigned (departments)), ==, 0);
}

static void
test_follows_figures_and_date (void)
{
  MsIndicator *yi_indicator = NULL;
  g_autoptr(MsDocument) document = make_gap_document (&yi_indicator);
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  MsThresholds thresholds = *ms_document_get_thresholds (document);
  Change change = { 0 };

  g_signal_connect (departments, "items-changed", G_CALLBACK (on_items_changed_cb), &change);
  g_assert_cmpstr (name_at (departments, 0), ==, "甲局");

  /* A figure: 乙局 falls to 10% against 50%, 40 points: at risk, and first. */
  ms_indicator_set_actual (yi_indicator, 1);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpstr (name_at (departments, 0), ==, "乙局");
  g_assert_cmpuint (ms_department_get_n_with_schedule (department_at (departments, 0), MS_SCHEDULE_AT_RISK), ==, 1);
  assert_gap (department_at (departments, 0), 40, 1);

  /* The date: on the first day 序时进度 is 0 but a cap's stays 100%:
   * 甲局 (−30 − 60 + 20) ÷ 3, still behind on its cap; 乙局 on track. */
  ms_document_set_as_of (document, ms_date_from_ymd (2025, 1, 1));
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpstr (name_at (departments, 0), ==, "甲局");
  assert_gap (department_at (departments, 0), -70.0 / 3, 3);
  g_assert_cmpuint (ms_department_get_n_lagging (department_at (departments, 0)), ==, 1);
  g_assert_cmpuint (ms_department_get_n_lagging (department_at (departments, 1)), ==, 0);
  assert_gap (department_at (departments, 1), -10, 1);

  /* The thresholds: 20 points is no longer behind; nobody lags, and the
   * larger gap (乙局, −10) comes first. */
  thresholds.behind_points = 30;
  thresholds.at_risk_points = 40;
  ms_document_set_thresholds (document, &thresholds);
  g_assert_cmpuint (change.n_signals, ==, 3);
  g_assert_cmpstr (name_at (departments, 0), ==, "乙局");
  g_assert_cmpuint (ms_department_get_n_lagging (department_at (departments, 1)), ==, 0);

  /* A date of its own (the CLI's --as-of) overrides the document's. */
  ms_departments_set_as_of (departments, ms_date_from_ymd (2025, 2, 20));
  g_assert_cmpuint (ms_department_get_context (department_at (departments, 0))->as_of, ==,
                    ms_date_from_ymd (2025, 2, 20));
  g_assert_cmpstr (name_at (departments, 0), ==, "乙局");
  assert_gap (department_at (departments, 0), 40, 1);
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

  /* The bundled file names 19 departments; one project names none. */
  g_assert_cmpuint (n, ==, 19);
  g_assert_cmpuint (ms_department_get_n_projects (ms_departments_get_unassigned (departments)), ==, 1);
  for (guint i = 0; i < n; i++)
    {
      guint count = ms_department_get_n_lagging (department_at (departments, i));

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
   * at two and sorts after it by name; none is left without a department. */
  ms_history_set_strv (history, "Edit Departments", G_OBJECT (third), "departments", to_jia);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 3);
  assert_department (departments, 0, "乙局", 3, 2);
  assert_department (departments, 1, "丙局", 2, 1);
  assert_department (departments, 2, "甲局", 2, 2);
  g_assert_cmpuint (ms_department_get_n_projects (ms_departments_get_unassigned (departments)), ==, 0);
  /* Only the rows below the unchanged ones: 乙局 and 丙局 keep theirs. */
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_true (department_at (departments, 0) == first);

  /* A status counts towards every department the project names: delayed,
   * the project is behind, and 甲局 has the one lagging project: first. */
  ms_history_set_enum (history, "Edit Status", G_OBJECT (third), "status", MS_STATUS_DELAYED);
  assert_department (departments, 0, "甲局", 2, 1);
  g_assert_cmpuint (ms_department_get_n_lagging (department_at (departments, 0)), ==, 1);
  g_assert_cmpuint (ms_department_get_n_with_schedule (department_at (departments, 0), MS_SCHEDULE_BEHIND), ==, 1);
  g_assert_cmpuint (change.n_signals, ==, 2);
  g_assert_cmpuint (change.position, ==, 0);

  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), ==, 3);
  assert_department (departments, 2, "甲局", 1, 1);
  g_assert_cmpuint (ms_department_get_n_projects (ms_departments_get_unassigned (departments)), ==, 1);
  g_assert_true (department_at (departments, 0) == first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/departments/counts-and-order", test_counts_and_order);
  g_test_add_func ("/departments/ranked-by-lag", test_ranked_by_lag);
  g_test_add_func ("/departments/mean-gap", test_mean_gap);
  g_test_add_func ("/departments/follows-figures-and-date", test_follows_figures_and_date);
  g_test_add_func ("/departments/example-agrees-with-chart", test_example_agrees_with_chart);
  g_test_add_func ("/departments/follows-edits-and-undo", test_follows_edits_and_undo);

  return g_test_run ();
}
