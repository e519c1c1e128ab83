/* test-notice-into.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A published notice of progress read into the open file through the merge
 * (ms_merge_add_notice ()): which project and indicator each figure goes
 * to, at which date; what is left out as a conflict; one undo step; a
 * notice for another year changes nothing.
 */

#include "config.h"

#include <string.h>

#include "ms-category.h"
#include "ms-group.h"
#include "ms-merge.h"
#include "ms-notice.h"
#include "ms-project.h"
#include "test-util.h"

#define NOTICE_DATE  ms_date_from_ymd (2024, 7, 10)
#define NOTICE_NAME  "progress.txt"

static char *
read_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "notices", "luohe-2024-progress.txt",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

/* The text with every @from replaced by @to. */
static char *
replace (const char *text,
         const char *from,
         const char *to)
{
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static MsDocument *
import_text (const char      *text,
             MsNoticeReport **report)
{
  g_autoptr(GError) error = NULL;
  MsDocument *notice = ms_notice_import (text, strlen (text), report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (notice);
  return notice;
}

static MsProject *
find_project (MsDocument *document,
              const char *category_id,
              guint       number)
{
  MsProject *project = ms_test_find_project (document, category_id, number);

  g_assert_nonnull (project);
  return project;
}

static MsIndicator *
find_indicator (MsProject  *project,
                const char *name)
{
  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    {
      if (g_str_equal (ms_indicator_get_name (ms_project_get_indicator (project, i)), name))
        return ms_project_get_indicator (project, i);
    }

  g_assert_not_reached ();
}

typedef struct
{
  const char *category;
  guint       number;
  /* NULL for the completion */
  const char *indicator;
  double      figure;
  /* The completion text, or the file's figure before, as shown */
  const char *text;
  guint       line;
} Expected;

/* What the fixture reports, in its order. Project 3 of the notice's second
 * part is project 1 of the file (same text); 21 fits two, 10 none. */
static const Expected expected_changes[] = {
  { "provincial", 1, "职业技能培训", 2.6, "10", 9 },
  { "provincial", 1, "新增技能人才", 2.1, "5.7", 9 },
  { "provincial", 1, "新增高技能人才", 1.2, "3.8", 9 },
  { "provincial", 1, NULL, 0, "上半年开展各类职业技能培训2.6万人次,新增技能人才2.1万人,新增高技能人才1.2万人。", 9 },
  { "provincial", 4, "新开工改造老旧小区", 1800, "3465", 17 },
  { "provincial", 4, NULL, 0, "全市已新开工改造老旧小区1800户，其余项目正在办理施工手续。", 17 },
  { "provincial", 5, "新建农村公路", 46.5, "113.9", 25 },
  { "provincial", 5, "改造危旧桥梁", 9, "28", 25 },
  { "provincial", 5, NULL, 0, "新建农村公路46.5公里,改造危桥9座。", 25 },
  { "municipal", 1, "城镇新增就业", 1.9, "3.67", 35 },
  { "municipal", 1, NULL, 0, "城镇新增就业1.9万人,零就业家庭保持动态为零。", 35 },
  { "municipal", 9, "打通断头路", 6, "20", 51 },
  { "municipal", 9, NULL, 0, "已打通断头路6条，其余正在施工。", 51 },
};

static void
check_changes (MsDocument *document,
               MsMerge    *merge)
{
  GPtrArray *changes = ms_merge_get_changes (merge);

  g_assert_cmpuint (changes->len, ==, G_N_ELEMENTS (expected_changes));
  for (guint i = 0; i < changes->len; i++)
    {
      const MsMergeChange *change = g_ptr_array_index (changes, i);
      const Expected *expected = &expected_changes[i];
      MsProject *project = find_project (document, expected->category, expected->number);
      g_autofree char *source = g_strdup_printf ("%s:%u", NOTICE_NAME, expected->line);

      g_test_message ("change %u: %s %u %s", i, expected->category, expected->number,
                      expected->indicator != NULL ? expected->indicator : "completion");
      g_assert_true (change->project == project);
      g_assert_cmpuint (change->date, ==, NOTICE_DATE);
      g_assert_cmpstr (change->source, ==, source);
      g_assert_true (change->accepted);
      if (expected->indicator != NULL)
        {
          g_assert_cmpint (change->field, ==, MS_MERGE_FIELD_ACTUAL);
          g_assert_true (change->indicator == find_indicator (project, expected->indicator));
          g_assert_cmpfloat (change->figure, ==, expected->figure);
          g_assert_cmpstr (change->file_value, ==, expected->text);
        }
      else
        {
          g_assert_cmpint (change->field, ==, MS_MERGE_FIELD_COMPLETION);
          g_assert_null (change->indicator);
          g_assert_cmpstr (change->text, ==, expected->text);
          g_assert_cmpstr (change->file_value, ==, ms_project_get_completion (project));
        }
    }
}

static void
check_conflicts (MsMerge *merge)
{
  GPtrArray *conflicts = ms_merge_get_conflicts (merge);
  const MsMergeConflict *ambiguous, *unmatched;

  g_assert_cmpuint (conflicts->len, ==, 2);

  /* Its text is as near to 市重点 2 as to 市重点 4: no guess. */
  ambiguous = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (ambiguous->kind, ==, MS_MERGE_CONFLICT_AMBIGUOUS);
  g_assert_cmpstr (ambiguous->source, ==, NOTICE_NAME ":43");
  g_assert_nonnull (strstr (ambiguous->message, "project 21 “发放创业担保贷款3亿元以上"));
  g_assert_nonnull (strstr (ambiguous->message, "市重点民生实事 2"));
  g_assert_nonnull (strstr (ambiguous->message, "市重点民生实事 4"));

  /* Numbered 10 like 市重点 10, but about something else. */
  unmatched = g_ptr_array_index (conflicts, 1);
  g_assert_cmpint (unmatched->kind, ==, MS_MERGE_CONFLICT_NO_PROJECT);
  g_assert_cmpstr (unmatched->source, ==, NOTICE_NAME ":57");
  g_assert_nonnull (strstr (unmatched->message, "project 10 “新建社区图书角30个。”"));
}

static void
test_progress_notice (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autofree char *text = read_fixture ();
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) notice = import_text (text, &report);
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(MsMerge) again = NULL;
  g_autoptr(GBytes) before = ms_document_serialize (document, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (report->date, ==, NOTICE_DATE);
  g_assert_cmpint (ms_document_get_year (notice), ==, 2024);

  merge = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, MS_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);
  check_changes (document, merge);
  check_conflicts (merge);

  /* Applied: each figure a progress entry at the notice's date, the year's
   * figure kept at the end of the period; each completion text set. */
  g_assert_cmpuint (ms_merge_apply (merge, history), ==, G_N_ELEMENTS (expected_changes));
  for (guint i = 0; i < G_N_ELEMENTS (expected_changes); i++)
    {
      const Expected *expected = &expected_changes[i];
      MsProject *project = find_project (document, expected->category, expected->number);

      if (expected->indicator != NULL)
        {
          MsIndicator *indicator = find_indicator (project, expected->indicator);
          MsTimeline *progress = ms_indicator_get_progress (indicator);
          const MsTimelineEntry *entry = ms_timeline_get_at (progress, NOTICE_DATE);

          g_assert_nonnull (entry);
          g_assert_cmpuint (entry->date, ==, NOTICE_DATE);
          g_assert_cmpfloat (entry->value, ==, expected->figure);
          g_assert_cmpuint (ms_timeline_get_n_entries (progress), ==, 2);
          g_assert_cmpuint (ms_timeline_get_last (progress)->date, ==, ms_date_from_ymd (2024, 12, 31));
          g_assert_cmpfloat (ms_timeline_get_last (progress)->value, ==, g_ascii_strtod (expected->text, NULL));
        }
      else
        g_assert_cmpstr (ms_project_get_completion (project), ==, expected->text);
    }
  /* Nothing else was touched: 市重点 2 and 4 (the tie) keep their figures. */
  g_assert_null (ms_indicator_get_progress (ms_project_get_indicator (find_project (document, "municipal", 2), 0)));
  g_assert_null (ms_indicator_get_progress (ms_project_get_indicator (find_project (document, "municipal", 4), 0)));
  g_assert_null (ms_indicator_get_progress (ms_project_get_indicator (find_project (document, "municipal", 10), 0)));

  /* The same notice again: nothing left to change, the same conflicts. */
  again = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, MS_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ms_merge_get_changes (again)->len, ==, 0);
  g_assert_cmpuint (ms_merge_get_conflicts (again)->len, ==, 2);

  /* One step, named after the notice, undoes it exactly. */
  g_assert_true (ms_history_get_can_undo (history));
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Update From Notice");
  after = ms_document_serialize (document, NULL);
  g_assert_false (g_bytes_equal (before, after));
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_history_get_can_undo (history));
  undone = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (before, undone));
}

/* Rejected changes are left out of the apply. */
static void
test_rejected (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autofree char *text = read_fixture ();
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) notice = import_text (text, &report);
  g_autoptr(MsMerge) merge = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, MS_DATE_NONE, NULL);
  GPtrArray *changes = ms_merge_get_changes (merge);
  MsProject *project = find_project (document, "provincial", 1);
  g_autofree char *completion = g_strdup (ms_project_get_completion (project));

  for (guint i = 0; i < changes->len; i++)
    {
      MsMergeChange *change = g_ptr_array_index (changes, i);

      change->accepted = change->project != project;
    }
  g_assert_cmpuint (ms_merge_apply (merge, history), ==, G_N_ELEMENTS (expected_changes) - 4);
  g_assert_null (ms_indicator_get_progress (find_indicator (project, "职业技能培训")));
  g_assert_cmpstr (ms_project_get_completion (project), ==, completion);
}

static void
test_other_year (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *text = read_fixture ();
  g_autofree char *other = replace (text, "2024年", "2023年");
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) notice = import_text (other, &report);
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  const MsMergeConflict *conflict;

  g_assert_cmpint (ms_document_get_year (notice), ==, 2023);
  g_assert_cmpint (report->year_source, !=, MS_NOTICE_YEAR_ASSUMED);

  merge = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, MS_DATE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ms_merge_get_changes (merge)->len, ==, 0);
  g_assert_cmpuint (ms_merge_get_conflicts (merge)->len, ==, 1);
  conflict = g_ptr_array_index (ms_merge_get_conflicts (merge), 0);
  g_assert_cmpint (conflict->kind, ==, MS_MERGE_CONFLICT_OTHER_FILE);
  g_assert_cmpstr (conflict->source, ==, NOTICE_NAME);
  g_assert_nonnull (strstr (conflict->message, "2023"));

  /* Nothing to apply: the file stays as it was. */
  {
    g_autoptr(MsHistory) history = ms_history_new (document);

    g_assert_cmpuint (ms_merge_apply (merge, history), ==, 0);
    g_assert_false (ms_history_get_can_undo (history));
  }
}

/* A notice that says neither its year nor its date: the year assumed is
 * no reason to refuse it, and the figures need the caller's date. */
static void
test_no_year_no_date (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *text = read_fixture ();
  g_autofree char *undated = replace (text, "2024年", "");
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) notice = import_text (undated, &report);
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  MsDate fallback = ms_date_from_ymd (2024, 6, 30);

  g_assert_cmpint (report->year_source, ==, MS_NOTICE_YEAR_ASSUMED);
  g_assert_cmpuint (report->date, ==, MS_DATE_NONE);

  merge = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, MS_DATE_NONE, &error);
  g_assert_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NO_DATE);
  g_assert_null (merge);
  g_clear_error (&error);

  merge = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, fallback, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ms_merge_get_changes (merge)->len, ==, G_N_ELEMENTS (expected_changes));
  for (guint i = 0; i < ms_merge_get_changes (merge)->len; i++)
    g_assert_cmpuint (((MsMergeChange *)g_ptr_array_index (ms_merge_get_changes (merge), i))->date, ==, fallback);

  /* A date far from the file's year is no date of it. */
  g_clear_pointer (&merge, ms_merge_free);
  merge = ms_merge_new_for_notice (document, notice, report, NOTICE_NAME, ms_date_from_ymd (2019, 6, 30), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ms_merge_get_changes (merge)->len, ==, 0);
  g_assert_cmpuint (ms_merge_get_conflicts (merge)->len, ==, 1);
  g_assert_cmpint (((MsMergeConflict *)g_ptr_array_index (ms_merge_get_conflicts (merge), 0))->kind, ==,
                   MS_MERGE_CONFLICT_OTHER_FILE);
}

/* A copy of the report serves the merge as the report did, after the
 * report itself is gone (dialogs keep copies). */
static void
test_report_copy (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *text = read_fixture ();
  MsNoticeReport *report = NULL;
  g_autoptr(MsDocument) notice = import_text (text, &report);
  g_autoptr(MsNoticeReport) copy = ms_notice_report_copy (report);
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (copy->items->len, ==, report->items->len);
  g_assert_cmpuint (copy->warnings->len, ==, report->warnings->len);
  g_assert_cmpuint (copy->date, ==, report->date);
  g_assert_cmpint (copy->year_source, ==, report->year_source);
  g_assert_cmpstr (copy->location_unit, ==, report->location_unit);
  g_clear_pointer (&report, ms_notice_report_free);

  merge = ms_merge_new_for_notice (document, notice, copy, NOTICE_NAME, MS_DATE_NONE, &error);
  g_assert_no_error (error);
  check_changes (document, merge);
  check_conflicts (merge);
}

/* A notice built by hand, whatever the importer makes of texts. */

static MsProject *
add_project (MsGroup    *group,
             guint       number,
             const char *target)
{
  g_autoptr(MsProject) project = ms_project_new ();

  ms_project_set_number (project, number);
  ms_project_set_target (project, target);
  ms_group_insert_project (group, G_MAXUINT, project);
  return project;
}

static void
add_figure (MsProject  *project,
            const char *name,
            const char *unit,
            double      target,
            double      actual)
{
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();

  ms_indicator_set_name (indicator, name);
  ms_indicator_set_unit (indicator, unit);
  ms_indicator_set_target (indicator, target);
  ms_indicator_set_actual (indicator, actual);
  ms_project_insert_indicator (project, G_MAXUINT, indicator);
}

static void
test_one_category (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsDocument) notice = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();
  MsNoticeReport report = { 0 };
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *changes, *conflicts;
  MsProject *employment, *schools, *screening, *unnumbered;
  const MsMergeChange *change;
  const MsMergeConflict *conflict;

  /* One category named after the notice, as the importer names a notice
   * without 一、 parts: its projects are looked for in every category. */
  ms_document_set_year (notice, 2024);
  ms_category_set_id (category, "section-1");
  ms_category_set_title (category, "漯河市民生实事推进情况");
  ms_document_insert_category (notice, G_MAXUINT, category);
  ms_category_insert_group (category, G_MAXUINT, group);

  /* Number 1 in both categories: the text says 市重点 1; 19 000 人 is 1.9 万人. */
  employment = add_project (group, 1, "全年实现城镇新增就业3.3万人以上,零就业家庭保持动态为零。");
  add_figure (employment, "城镇新增就业", "人", 33000, 19000);
  /* Number 2 in both: 省重点 2 by its text; a figure of no unit the project has. */
  schools = add_project (group, 2, "开工建设一批义务教育学校校舍、运动场等基础设施,大幅改善4所学校办学条件,"
                                   "提升学校办学水平,促进义务教育优质均衡发展。");
  add_figure (schools, "改善办学条件学校", "所", 4, 3);
  add_figure (schools, "新建运动场", "平方米", 0, 5000);
  /* 省重点 10 has two figures in 人 alike for a name that fits both. */
  screening = add_project (group, 10, "对农村适龄妇女、纳入城市低保范围的适龄妇女免费开展一次宫颈癌、乳腺癌筛查,"
                                      "全年宫颈癌、乳腺癌各完成筛查47350人");
  add_figure (screening, "两癌筛查", "人", 0, 30000);
  /* No number, no text: nothing to go by. */
  unnumbered = add_project (group, 0, "");
  add_figure (unnumbered, "某项", "个", 0, 1);

  report.year_source = MS_NOTICE_YEAR_FROM_TITLE;
  report.items = items;

  merge = ms_merge_new_for_notice (document, notice, &report, "by-hand.txt", ms_date_from_ymd (2024, 9, 30), &error);
  g_assert_no_error (error);
  changes = ms_merge_get_changes (merge);
  conflicts = ms_merge_get_conflicts (merge);

  g_assert_cmpuint (changes->len, ==, 2);
  change = g_ptr_array_index (changes, 0);
  g_assert_true (change->project == find_project (document, "municipal", 1));
  g_assert_true (change->indicator == find_indicator (change->project, "城镇新增就业"));
  g_assert_cmpfloat (change->figure, ==, 1.9);
  g_assert_cmpuint (change->date, ==, ms_date_from_ymd (2024, 9, 30));
  g_assert_cmpstr (change->source, ==, "by-hand.txt");
  change = g_ptr_array_index (changes, 1);
  g_assert_true (change->project == find_project (document, "provincial", 2));
  g_assert_cmpfloat (change->figure, ==, 3);

  g_assert_cmpuint (conflicts->len, ==, 3);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpint (conflict->kind, ==, MS_MERGE_CONFLICT_NO_PROJECT);
  g_assert_nonnull (strstr (conflict->message, "“新建运动场” (5000 平方米)"));
  conflict = g_ptr_array_index (conflicts, 1);
  g_assert_cmpint (conflict->kind, ==, MS_MERGE_CONFLICT_AMBIGUOUS);
  g_assert_nonnull (strstr (conflict->message, "宫颈癌筛查"));
  g_assert_nonnull (strstr (conflict->message, "乳腺癌筛查"));
  conflict = g_ptr_array_index (conflicts, 2);
  g_assert_cmpint (conflict->kind, ==, MS_MERGE_CONFLICT_NO_PROJECT);
  g_assert_nonnull (strstr (conflict->message, "project 0"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice-into/progress", test_progress_notice);
  g_test_add_func ("/notice-into/rejected", test_rejected);
  g_test_add_func ("/notice-into/other-year", test_other_year);
  g_test_add_func ("/notice-into/no-year-no-date", test_no_year_no_date);
  g_test_add_func ("/notice-into/one-category", test_one_category);
  g_test_add_func ("/notice-into/report-copy", test_report_copy);

  return g_test_run ();
}
