/* test-model.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ms-document.h"
#include "ms-edits.h"
#include "ms-node-private.h"
#include "test-util.h"

static MsIndicator *
make_indicator (double       target,
                double       actual,
                MsComparison comparison)
{
  MsIndicator *indicator = ms_indicator_new ();

  ms_indicator_set_target (indicator, target);
  if (actual >= 0)
    ms_indicator_set_actual (indicator, actual);
  ms_indicator_set_comparison (indicator, comparison);

  return indicator;
}

/* A document of two categories, built in code. */
static MsDocument *
make_document (void)
{
  MsDocument *document = ms_document_new ();
  static const MsStatus statuses[] = {
    MS_STATUS_COMPLETED, MS_STATUS_COMPLETED, MS_STATUS_IN_PROGRESS,
    MS_STATUS_DELAYED, MS_STATUS_NOT_STARTED,
  };

  ms_document_set_title (document, "测试市2025年民生实事");
  ms_document_set_region (document, "测试市");
  ms_document_set_year (document, 2025);

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(MsCategory) category = ms_category_new ();
      g_autoptr(MsGroup) group = ms_group_new ();

      ms_category_set_id (category, c == 0 ? "provincial" : "municipal");
      ms_group_set_number (group, 1);
      ms_group_set_title (group, "改善办学条件");

      for (guint p = 0; p < G_N_ELEMENTS (statuses); p++)
        {
          g_autoptr(MsProject) project = ms_project_new ();
          g_autoptr(MsIndicator) indicator = NULL;

          ms_project_set_number (project, p + 1);
          ms_project_set_status (project, statuses[p]);
          /* Project 1 meets its target, 2 misses it, 3 has no figure yet. */
          if (p == 0)
            indicator = make_indicator (80, 113.9, MS_COMPARISON_AT_LEAST);
          else if (p == 1)
            indicator = make_indicator (20, 18, MS_COMPARISON_AT_LEAST);
          else if (p == 2)
            indicator = make_indicator (500, -1, MS_COMPARISON_AT_LEAST);
          if (indicator != NULL)
            ms_project_insert_indicator (project, 0, indicator);
          ms_group_insert_project (group, G_MAXUINT, project);
        }

      ms_category_insert_group (category, 0, group);
      ms_document_insert_category (document, G_MAXUINT, category);
    }

  ms_document_set_modified (document, FALSE);
  return document;
}

static void
test_rate_at_least (void)
{
  g_autoptr(MsIndicator) indicator = make_indicator (80, 113.9, MS_COMPARISON_AT_LEAST);
  double rate;

  g_assert_true (ms_indicator_get_rate (indicator, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 113.9 / 80, 1e-12);
  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_MET);

  ms_indicator_set_actual (indicator, 40);
  g_assert_true (ms_indicator_get_rate (indicator, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.5, 1e-12);
  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_UNMET);
}

static void
test_rate_at_most (void)
{
  /* 控制在 10 天以内: 8 days is better than the target, 20 is half as good. */
  g_autoptr(MsIndicator) indicator = make_indicator (10, 8, MS_COMPARISON_AT_MOST);
  double rate;

  g_assert_true (ms_indicator_get_rate (indicator, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 1.25, 1e-12);
  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_MET);

  ms_indicator_set_actual (indicator, 20);
  g_assert_true (ms_indicator_get_rate (indicator, &rate));
  g_assert_cmpfloat_with_epsilon (rate, 0.5, 1e-12);
  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_UNMET);
}

static void
test_rate_unknown (void)
{
  g_autoptr(MsIndicator) indicator = make_indicator (80, -1, MS_COMPARISON_AT_LEAST);
  g_autoptr(MsIndicator) zero_target = make_indicator (0, 5, MS_COMPARISON_AT_LEAST);
  g_autoptr(MsIndicator) zero_actual = make_indicator (10, 0, MS_COMPARISON_AT_MOST);
  double rate = 42;

  g_assert_false (ms_indicator_get_has_actual (indicator));
  g_assert_false (ms_indicator_get_rate (indicator, &rate));
  g_assert_cmpfloat (rate, ==, 0);
  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_UNREPORTED);

  g_assert_false (ms_indicator_get_rate (zero_target, NULL));
  g_assert_false (ms_indicator_get_rate (zero_actual, NULL));
  g_assert_cmpint (ms_indicator_get_state (zero_actual), ==, MS_INDICATOR_MET);

  ms_indicator_set_actual (indicator, 80);
  g_assert_true (ms_indicator_get_rate (indicator, &rate));
  g_assert_cmpfloat (rate, ==, 1);
  ms_indicator_clear_actual (indicator);
  g_assert_false (ms_indicator_get_rate (indicator, NULL));
}

static void
test_rate_about (void)
{
  /* 约3500名 → 3491: within the tolerance of an approximate target. */
  g_autoptr(MsIndicator) indicator = make_indicator (3500, 3491, MS_COMPARISON_ABOUT);

  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_MET);
  ms_indicator_set_actual (indicator, 3000);
  g_assert_cmpint (ms_indicator_get_state (indicator), ==, MS_INDICATOR_UNMET);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_rate_notifies (void)
{
  g_autoptr(MsIndicator) indicator = make_indicator (80, -1, MS_COMPARISON_AT_LEAST);
  guint rate_notifies = 0;

  g_signal_connect (indicator, "notify::rate", G_CALLBACK (count_notify), &rate_notifies);
  ms_indicator_set_actual (indicator, 90);
  g_assert_cmpuint (rate_notifies, ==, 1);
  ms_indicator_set_comparison (indicator, MS_COMPARISON_AT_MOST);
  g_assert_cmpuint (rate_notifies, ==, 2);
  /* No change, no notification. */
  ms_indicator_set_actual (indicator, 90);
  g_assert_cmpuint (rate_notifies, ==, 2);
}

static void
count_changed (MsNode *node,
               guint  *count)
{
  (*count)++;
}

static void
test_edits_mark_modified (void)
{
  g_autoptr(MsDocument) document = make_document ();
  MsCategory *category = ms_document_get_category (document, 1);
  MsGroup *group = ms_category_get_group (category, 0);
  MsProject *project = ms_group_get_project (group, 0);
  MsIndicator *indicator = ms_project_get_indicator (project, 0);
  guint changes = 0;
  guint modified_notifies = 0;

  g_signal_connect (document, "changed", G_CALLBACK (count_changed), &changes);
  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &modified_notifies);

  g_assert_false (ms_document_get_modified (document));
  g_assert_true (ms_node_get_document (MS_NODE (indicator)) == document);
  g_assert_true (ms_project_get_group (project) == group);
  g_assert_true (ms_group_get_category (group) == category);

  /* A deep edit reaches the document. */
  ms_indicator_set_actual (indicator, 120);
  g_assert_true (ms_document_get_modified (document));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (modified_notifies, ==, 1);

  ms_document_set_modified (document, FALSE);
  ms_project_set_completion (project, "全市新建农村公路120公里。");
  g_assert_true (ms_document_get_modified (document));

  /* Setting the same value is no edit. */
  ms_document_set_modified (document, FALSE);
  changes = 0;
  ms_project_set_completion (project, "全市新建农村公路120公里。");
  ms_group_set_title (group, ms_group_get_title (group));
  g_assert_false (ms_document_get_modified (document));
  g_assert_cmpuint (changes, ==, 0);

  /* Derived values and the file are not content. */
  ms_document_set_file (document, NULL);
  g_assert_false (ms_document_get_modified (document));
}

static void
test_structure_edits (void)
{
  g_autoptr(MsDocument) document = make_document ();
  MsGroup *group = ms_category_get_group (ms_document_get_category (document, 0), 0);
  g_autoptr(MsProject) removed = NULL;
  guint changes = 0;

  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, 5);

  removed = ms_group_remove_project (group, 1);
  g_assert_nonnull (removed);
  g_assert_true (ms_document_get_modified (document));
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, 4);
  g_assert_null (ms_node_get_parent (MS_NODE (removed)));
  g_assert_null (ms_node_get_document (MS_NODE (removed)));

  /* A removed project no longer reports to the document. */
  ms_document_set_modified (document, FALSE);
  g_signal_connect (document, "changed", G_CALLBACK (count_changed), &changes);
  ms_project_set_note (removed, "已删除");
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (ms_document_get_modified (document));

  /* Put back (an undo) where it was. */
  ms_group_insert_project (group, 1, removed);
  g_assert_true (ms_group_get_project (group, 1) == removed);
  g_assert_true (ms_node_get_document (MS_NODE (removed)) == document);
  g_assert_cmpuint (changes, ==, 1);
}

static void
test_children_outlive_parent (void)
{
  MsDocument *document = make_document ();
  g_autoptr(MsCategory) category = g_object_ref (ms_document_get_category (document, 0));

  g_object_unref (document);
  g_assert_null (ms_node_get_parent (MS_NODE (category)));
  /* Editing an orphan must not touch freed memory. */
  ms_category_set_title (category, "省重点民生实事");
}

static void
test_stats (void)
{
  g_autoptr(MsDocument) document = make_document ();
  MsStats stats;
  double completion;

  ms_document_get_stats (document, &stats);
  g_assert_cmpuint (stats.n_projects, ==, 10);
  g_assert_cmpuint (stats.n_by_status[MS_STATUS_COMPLETED], ==, 4);
  g_assert_cmpuint (stats.n_by_status[MS_STATUS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (stats.n_by_status[MS_STATUS_DELAYED], ==, 2);
  g_assert_cmpuint (stats.n_by_status[MS_STATUS_NOT_STARTED], ==, 2);
  g_assert_cmpuint (stats.n_indicators, ==, 6);
  g_assert_cmpuint (stats.n_indicators_met, ==, 2);
  g_assert_cmpuint (stats.n_indicators_unmet, ==, 2);
  g_assert_cmpuint (stats.n_indicators_unreported, ==, 2);
  g_assert_cmpuint (stats.n_projects_all_met, ==, 2);
  /* 113.9 against 80: beyond the target. */
  g_assert_cmpuint (stats.n_projects_exceeded, ==, 2);
  g_assert_true (ms_stats_get_completion (&stats, &completion));
  g_assert_cmpfloat_with_epsilon (completion, 0.4, 1e-12);

  /* Per category, and it follows edits. */
  memset (&stats, 0, sizeof stats);
  ms_stats_add_node (&stats, MS_NODE (ms_document_get_category (document, 0)));
  g_assert_cmpuint (stats.n_projects, ==, 5);
  ms_project_set_status (ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 4),
                         MS_STATUS_COMPLETED);
  memset (&stats, 0, sizeof stats);
  ms_stats_add_node (&stats, MS_NODE (ms_document_get_category (document, 0)));
  g_assert_cmpuint (stats.n_by_status[MS_STATUS_COMPLETED], ==, 3);

  /* No projects: completion is unknown, not 0%. */
  {
    g_autoptr(MsDocument) empty = ms_document_new ();

    ms_document_get_stats (empty, &stats);
    g_assert_false (ms_stats_get_completion (&stats, &completion));
  }
}

static void
test_enum_strings (void)
{
  for (MsStatus status = 0; status < MS_N_STATUSES; status++)
    {
      MsStatus parsed;

      g_assert_true (ms_status_from_string (ms_status_to_string (status), &parsed));
      g_assert_cmpint (parsed, ==, status);
      g_assert_nonnull (ms_status_get_label (status));
    }

  for (MsComparison comparison = 0; comparison < MS_N_COMPARISONS; comparison++)
    {
      MsComparison parsed;

      g_assert_true (ms_comparison_from_string (ms_comparison_to_string (comparison), &parsed));
      g_assert_cmpint (parsed, ==, comparison);
    }

  {
    MsStatus status = MS_STATUS_DELAYED;

    g_assert_false (ms_status_from_string ("done", &status));
    g_assert_false (ms_status_from_string (NULL, &status));
    g_assert_cmpint (status, ==, MS_STATUS_DELAYED);
  }
}

/* Absurd figures never reach an indicator: the property path refuses them
 * (GObject checks the range, NaN included) and the setters keep their value. */
static void
test_absurd_figures_refused (void)
{
  g_autoptr(MsIndicator) indicator = make_indicator (80, 60, MS_COMPARISON_AT_LEAST);
  const double absurd[] = { NAN, INFINITY, -INFINITY, -1, MS_FIGURE_MAX * 10, 1e300 };

  g_assert_true (ms_figure_is_plausible (0));
  g_assert_true (ms_figure_is_plausible (113.9));
  g_assert_true (ms_figure_is_plausible (MS_FIGURE_MAX));
  for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
    g_assert_false (ms_figure_is_plausible (absurd[i]));

  for (guint i = 0; i < G_N_ELEMENTS (absurd); i++)
    {
      g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*target*");
      g_object_set (indicator, "target", absurd[i], NULL);
      g_test_assert_expected_messages ();
      g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*out of range*actual*");
      g_object_set (indicator, "actual", absurd[i], NULL);
      g_test_assert_expected_messages ();

      /* Called directly, it is a programming error: reported, not stored. */
      g_test_expect_message ("ms-indicator", G_LOG_LEVEL_CRITICAL, "*ms_figure_is_plausible*");
      ms_indicator_set_target (indicator, absurd[i]);
      g_test_assert_expected_messages ();
      g_test_expect_message ("ms-indicator", G_LOG_LEVEL_CRITICAL, "*ms_figure_is_plausible*");
      ms_indicator_set_actual (indicator, absurd[i]);
      g_test_assert_expected_messages ();

      g_assert_cmpfloat (ms_indicator_get_target (indicator), ==, 80);
      g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 60);
    }

  g_object_set (indicator, "target", MS_FIGURE_MAX, "actual", MS_FIGURE_MAX, NULL);
  g_assert_cmpfloat (ms_indicator_get_target (indicator), ==, MS_FIGURE_MAX);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, MS_FIGURE_MAX);
}

/* Counts every project afresh, without the summaries the nodes keep. */
static void
count_afresh (MsNode  *scope,
              MsStats *stats)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (scope);

  memset (stats, 0, sizeof *stats);
  for (guint i = 0; i < projects->len; i++)
    _ms_stats_add_project (stats, g_ptr_array_index (projects, i));
}

static void
assert_stats_current (MsDocument *document)
{
  GListModel *categories = ms_document_get_categories (document);
  MsStats kept, fresh;

  ms_document_get_stats (document, &kept);
  count_afresh (MS_NODE (document), &fresh);
  g_assert_cmpmem (&kept, sizeof kept, &fresh, sizeof fresh);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MsNode) category = g_list_model_get_item (categories, i);

      memset (&kept, 0, sizeof kept);
      ms_stats_add_node (&kept, category);
      count_afresh (category, &fresh);
      g_assert_cmpmem (&kept, sizeof kept, &fresh, sizeof fresh);
    }
}

static void
count_signal (guint *count)
{
  (*count)++;
}

/* The summaries nodes keep follow every kind of edit, undo included; typing
 * free text leaves them (and what listens to summary changes) alone. */
static void
test_stats_follow_edits (void)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (120);
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  guint summary_changes = 0, text_changes = 0;
  MsProject *project;

  assert_stats_current (document);
  g_signal_connect_swapped (document, "changed::summary", G_CALLBACK (count_signal), &summary_changes);
  g_signal_connect_swapped (document, "changed::text", G_CALLBACK (count_signal), &text_changes);

  project = g_ptr_array_index (projects, 7);
  ms_history_set_string (history, "Edit", G_OBJECT (project), "completion", "提前完成");
  ms_history_set_string (history, "Edit", G_OBJECT (project), "note", "备注");
  ms_history_set_string (history, "Edit", G_OBJECT (document), "intro", "引言");
  g_assert_cmpuint (summary_changes, ==, 0);
  g_assert_cmpuint (text_changes, ==, 3);
  assert_stats_current (document);

  for (guint round = 0; round < 200; round++)
    {
      g_autoptr(GPtrArray) now = ms_node_collect_projects (MS_NODE (document));

      project = g_ptr_array_index (now, g_test_rand_int_range (0, (int)now->len));
      switch (round % 7)
        {
        case 0:
          ms_history_set_enum (history, "Status", G_OBJECT (project), "status",
                               g_test_rand_int_range (0, MS_N_STATUSES));
          break;
        case 1:
          if (g_list_model_get_n_items (ms_project_get_indicators (project)) > 0)
            ms_history_set_actual (history, "Actual", ms_project_get_indicator (project, 0),
                                   g_test_rand_bit (), g_test_rand_int_range (0, 300));
          break;
        case 2:
          if (g_list_model_get_n_items (ms_project_get_indicators (project)) > 0)
            ms_history_set_double (history, "Target", G_OBJECT (ms_project_get_indicator (project, 0)), "target",
                                   g_test_rand_int_range (1, 300));
          break;
        case 3:
          ms_edits_add_indicator (history, project);
          break;
        case 4:
          ms_edits_remove_project (history, project);
          break;
        case 5:
          ms_edits_add_project (history, ms_project_get_group (project), 0, NULL);
          break;
        default:
          ms_history_undo (history);
          break;
        }
      assert_stats_current (document);
    }
  g_assert_cmpuint (summary_changes, >, 100);
}

static void
test_collect_projects (void)
{
  /* 245 projects: a first category of 20 groups of 10, then 45 more. */
  g_autoptr(MsDocument) document = ms_test_generate_document (245);
  g_autoptr(GPtrArray) all = ms_node_collect_projects (MS_NODE (document));
  MsCategory *second = ms_document_get_category (document, 1);
  g_autoptr(GPtrArray) in_second = ms_node_collect_projects (MS_NODE (second));
  MsGroup *group = ms_category_get_group (second, 1);
  g_autoptr(GPtrArray) in_group = ms_node_collect_projects (MS_NODE (group));
  MsProject *project = ms_group_get_project (group, 2);
  g_autoptr(GPtrArray) itself = ms_node_collect_projects (MS_NODE (project));

  /* File order: the generator numbers projects from 1 as it goes. */
  g_assert_cmpuint (all->len, ==, 245);
  for (guint i = 0; i < all->len; i++)
    g_assert_cmpuint (ms_project_get_number (g_ptr_array_index (all, i)), ==, i + 1);
  g_assert_cmpuint (in_second->len, ==, 45);
  g_assert_true (g_ptr_array_index (in_second, 0) == g_ptr_array_index (all, 200));
  g_assert_cmpuint (in_group->len, ==, 10);
  g_assert_true (g_ptr_array_index (in_group, 2) == project);
  g_assert_cmpuint (itself->len, ==, 1);
  g_assert_true (g_ptr_array_index (itself, 0) == project);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/rate/at-least", test_rate_at_least);
  g_test_add_func ("/model/rate/at-most", test_rate_at_most);
  g_test_add_func ("/model/rate/unknown", test_rate_unknown);
  g_test_add_func ("/model/rate/about", test_rate_about);
  g_test_add_func ("/model/rate/notifies", test_rate_notifies);
  g_test_add_func ("/model/edits-mark-modified", test_edits_mark_modified);
  g_test_add_func ("/model/structure-edits", test_structure_edits);
  g_test_add_func ("/model/children-outlive-parent", test_children_outlive_parent);
  g_test_add_func ("/model/stats", test_stats);
  g_test_add_func ("/model/collect-projects", test_collect_projects);
  g_test_add_func ("/model/stats-follow-edits", test_stats_follow_edits);
  g_test_add_func ("/model/enum-strings", test_enum_strings);
  g_test_add_func ("/model/absurd-figures-refused", test_absurd_figures_refused);

  return g_test_run ();
}
