/* test-check.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ms-category.h"
#include "ms-check.h"
#include "ms-document.h"
#include "ms-group.h"
#include "ms-l10n.h"
#include "test-util.h"

/* One project in a document of 2025, the way the checks see it: completed,
 * with a completion text and a department, and no indicator yet. */
typedef struct
{
  MsDocument *document;
  MsProject  *project;
  /* The findings of the last check_kind(). */
  GPtrArray  *findings;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const departments[] = { "市住房和城乡建设局", NULL };
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();
  g_autoptr(MsProject) project = ms_project_new ();

  fixture->document = ms_document_new ();
  ms_document_set_year (fixture->document, 2025);
  ms_category_set_id (category, "municipal");
  ms_group_set_number (group, 1);
  ms_project_set_number (project, 1);
  ms_project_set_status (project, MS_STATUS_COMPLETED);
  ms_project_set_completion (project, "全市新开工改造老旧小区69个3465户。");
  ms_project_set_departments (project, departments);
  ms_group_insert_project (group, 0, project);
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (fixture->document, 0, category);
  fixture->project = project;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->findings, g_ptr_array_unref);
  g_clear_object (&fixture->document);
  fixture->project = NULL;
}

static MsIndicator *
add_indicator (Fixture      *fixture,
               const char   *name,
               const char   *unit,
               double        target,
               double        actual,
               MsComparison  comparison)
{
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();
  guint position = g_list_model_get_n_items (ms_project_get_indicators (fixture->project));

  ms_indicator_set_name (indicator, name);
  ms_indicator_set_unit (indicator, unit);
  ms_indicator_set_target (indicator, target);
  /* A negative actual stands for "not reported". */
  if (actual >= 0)
    ms_indicator_set_actual (indicator, actual);
  ms_indicator_set_comparison (indicator, comparison);
  ms_project_insert_indicator (fixture->project, position, indicator);

  return indicator;
}

static GPtrArray *
check_on (MsNode     *scope,
          const char *as_of)
{
  MsScheduleContext context;
  MsDate date = MS_DATE_NONE;

  if (as_of != NULL)
    g_assert_true (ms_date_parse (as_of, &date));
  ms_schedule_context_init (&context, ms_node_get_document (scope), date);

  return ms_check_scope (scope, &context);
}

/* Returns: (transfer none) (nullable): the one finding of @kind, failing the
 * test when there are several */
static MsFinding *
find_kind (GPtrArray   *findings,
           MsCheckKind  kind)
{
  MsFinding *found = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      MsFinding *finding = g_ptr_array_index (findings, i);

      if (finding->kind != kind)
        continue;
      g_assert_null (found);
      found = finding;
    }

  return found;
}

/* Returns: (transfer none) (nullable): the message of the one finding of @kind */
static const char *
check_kind (Fixture     *fixture,
            MsCheckKind  kind,
            const char  *as_of)
{
  MsFinding *finding;

  g_clear_pointer (&fixture->findings, g_ptr_array_unref);
  fixture->findings = check_on (MS_NODE (fixture->project), as_of);
  finding = find_kind (fixture->findings, kind);
  if (finding == NULL)
    return NULL;

  g_assert_true (finding->project == fixture->project);
  g_test_message ("%s: %s", ms_check_kind_to_string (kind), finding->message);
  return finding->message;
}

#define assert_contains(haystack, needle) \
  g_assert_nonnull (strstr ((haystack), (needle)))

static void
test_completed_below_target (Fixture       *fixture,
                             gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新开工改造老旧小区", "户", 2529, 2000,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  message = check_kind (fixture, MS_CHECK_COMPLETED_BELOW_TARGET, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "新开工改造老旧小区");
  assert_contains (message, "2,000 households");
  assert_contains (message, "2,529 households");

  ms_indicator_set_actual (indicator, 3465);
  g_assert_null (check_kind (fixture, MS_CHECK_COMPLETED_BELOW_TARGET, NULL));

  /* Below target is no contradiction while the work goes on. */
  ms_indicator_set_actual (indicator, 2000);
  ms_project_set_status (fixture->project, MS_STATUS_IN_PROGRESS);
  g_assert_null (check_kind (fixture, MS_CHECK_COMPLETED_BELOW_TARGET, NULL));
}

static void
test_completed_not_reported (Fixture       *fixture,
                             gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "行政村老年助餐覆盖率", "%", 10, -1,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  message = check_kind (fixture, MS_CHECK_COMPLETED_NOT_REPORTED, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "行政村老年助餐覆盖率");

  ms_indicator_set_actual (indicator, 12);
  g_assert_null (check_kind (fixture, MS_CHECK_COMPLETED_NOT_REPORTED, NULL));

  ms_indicator_clear_actual (indicator);
  ms_project_set_status (fixture->project, MS_STATUS_IN_PROGRESS);
  g_assert_null (check_kind (fixture, MS_CHECK_COMPLETED_NOT_REPORTED, NULL));
}

static void
test_not_started_with_figures (Fixture       *fixture,
                               gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新建充电桩", "个", 500, 120,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  ms_project_set_status (fixture->project, MS_STATUS_NOT_STARTED);
  message = check_kind (fixture, MS_CHECK_NOT_STARTED_WITH_FIGURES, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "新建充电桩");
  assert_contains (message, "120");

  /* Nothing done yet, and the figure says so. */
  ms_indicator_set_actual (indicator, 0);
  g_assert_null (check_kind (fixture, MS_CHECK_NOT_STARTED_WITH_FIGURES, NULL));

  /* Progress along the year is a figure too. */
  {
    g_autoptr(MsTimeline) progress = ms_timeline_new ();

    ms_indicator_clear_actual (indicator);
    ms_timeline_append (progress, ms_date_from_ymd (2025, 6, 30), 80, NULL);
    ms_indicator_set_progress (indicator, progress);
    message = check_kind (fixture, MS_CHECK_NOT_STARTED_WITH_FIGURES, NULL);
    g_assert_nonnull (message);
    assert_contains (message, "80");
    ms_indicator_set_progress (indicator, NULL);
    g_assert_null (check_kind (fixture, MS_CHECK_NOT_STARTED_WITH_FIGURES, NULL));
  }

  ms_indicator_set_actual (indicator, 120);
  ms_project_set_status (fixture->project, MS_STATUS_IN_PROGRESS);
  g_assert_null (check_kind (fixture, MS_CHECK_NOT_STARTED_WITH_FIGURES, NULL));
}

static void
test_completed_without_text (Fixture       *fixture,
                             gconstpointer  data)
{
  ms_project_set_completion (fixture->project, "");
  g_assert_nonnull (check_kind (fixture, MS_CHECK_COMPLETED_WITHOUT_TEXT, NULL));

  ms_project_set_completion (fixture->project, " \n　");
  g_assert_nonnull (check_kind (fixture, MS_CHECK_COMPLETED_WITHOUT_TEXT, NULL));

  ms_project_set_completion (fixture->project, "已全部完成。");
  g_assert_null (check_kind (fixture, MS_CHECK_COMPLETED_WITHOUT_TEXT, NULL));

  ms_project_set_completion (fixture->project, "");
  ms_project_set_status (fixture->project, MS_STATUS_IN_PROGRESS);
  g_assert_null (check_kind (fixture, MS_CHECK_COMPLETED_WITHOUT_TEXT, NULL));
}

static void
test_text_disagrees (Fixture       *fixture,
                     gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新开工改造老旧小区", "户", 2529, 2000,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  message = check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "3465户");
  assert_contains (message, "新开工改造老旧小区");
  assert_contains (message, "2,000 households");
  /* 69个 counts estates, not households. */
  g_assert_null (strstr (message, "69个"));

  ms_indicator_set_actual (indicator, 3465);
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* "达" reports a figure reached; "以上" leaves room above it. */
  ms_project_set_completion (fixture->project, "全市新开工改造老旧小区达3465户。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_indicator_set_actual (indicator, 5000);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_project_set_completion (fixture->project, "全市新开工改造老旧小区3465户以上。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_indicator_set_actual (indicator, 3000);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* A standard (675元/人/月) is no result. */
  ms_indicator_set_name (indicator, "发放补助资金");
  ms_indicator_set_unit (indicator, "万元");
  ms_indicator_set_target (indicator, 100);
  ms_indicator_set_actual (indicator, 120);
  ms_project_set_completion (fixture->project, "低保标准提高至城市675元/人/月。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_project_set_completion (fixture->project, "发放补助资金150万元。");
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* An upper bound in the text holds every figure below it. */
  ms_indicator_set_name (indicator, "企业开办时间");
  ms_indicator_set_unit (indicator, "天");
  ms_indicator_set_comparison (indicator, MS_COMPARISON_AT_MOST);
  ms_indicator_set_target (indicator, 5);
  ms_indicator_set_actual (indicator, 2);
  ms_project_set_completion (fixture->project, "企业开办时间控制在3天以内。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_indicator_set_actual (indicator, 4);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
}

static void
test_text_repeats_target (Fixture       *fixture,
                          gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新建农村公路", "公里", 80, 113.9,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  ms_project_set_completion (fixture->project, "超额完成80公里的年度目标,新建113.9公里。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* The pledge repeated is no report: the text below states no result. */
  ms_project_set_completion (fixture->project, "全面完成80公里的年度目标。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_project_set_completion (fixture->project, "按年度计划完成80公里。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* Without those words the target's figure is a report like any other. */
  ms_project_set_completion (fixture->project, "全市新建农村公路80公里。");
  message = check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "80公里");

  ms_project_set_completion (fixture->project, "超额完成80公里的年度目标,新建113.9公里。");
  ms_indicator_set_actual (indicator, 90);
  message = check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "113.9公里");
  g_assert_null (strstr (message, "80公里"));

  /* Other units of the same measure: 千米, and 米 with its factor. */
  ms_project_set_completion (fixture->project, "新建农村公路113.9千米。");
  ms_indicator_set_actual (indicator, 113.9);
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_project_set_completion (fixture->project, "新建农村公路113900米。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
}

static void
test_text_rounds (Fixture       *fixture,
                  gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "城镇新增就业", "人", 33000, 36712,
                                          MS_COMPARISON_AT_LEAST);

  /* 3.67万 is 36 712 rounded to the text's two decimals. */
  ms_project_set_completion (fixture->project, "全市城镇新增就业3.67万人。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  ms_indicator_set_actual (indicator, 37000);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* The record may be the rounder figure: 85.4% for 85.37%. */
  ms_indicator_set_unit (indicator, "%");
  ms_indicator_set_target (indicator, 65);
  ms_indicator_set_actual (indicator, 85.4);
  ms_project_set_completion (fixture->project, "开展产前超声筛查12373例,筛查率85.37%。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_indicator_set_actual (indicator, 85.5);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_indicator_set_unit (indicator, "人");
  ms_indicator_set_target (indicator, 33000);
  ms_indicator_set_actual (indicator, 37000);
  ms_project_set_completion (fixture->project, "全市城镇新增就业3.67万人。");

  /* "约" and "余" leave room. */
  ms_project_set_completion (fixture->project, "解决3.6万余名群众用水安全问题。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* The indicator's magnitude counts too: 3.7万人 is 37 000 人. */
  ms_indicator_set_unit (indicator, "万人");
  ms_indicator_set_target (indicator, 3.3);
  ms_indicator_set_actual (indicator, 3.7);
  ms_project_set_completion (fixture->project, "全市城镇新增就业37000人。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
  ms_indicator_set_actual (indicator, 3.8);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
}

static void
test_text_in_parts (Fixture       *fixture,
                    gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新建热交换站", "座", 38, 51,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  ms_project_set_completion (fixture->project,
                             "分批次实施34个居民小区集中供热设施建设,新建热交换站24座;组织社会资本"
                             "建设26个居民小区集中供热设施,新建热交换站27座。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  ms_indicator_set_actual (indicator, 55);
  message = check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "24座, 27座,");
  g_assert_null (strstr (message, "34个"));

  /* Parts counted in different words: 8座 and 4个 toilets. */
  ms_indicator_set_actual (indicator, 12);
  ms_project_set_completion (fixture->project, "城区新建公厕8座,乡镇新建公厕4个。");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));

  /* An indicator without figures in its measure is not judged. */
  ms_indicator_set_unit (indicator, "公里");
  g_assert_null (check_kind (fixture, MS_CHECK_TEXT_DISAGREES, NULL));
}

static void
test_no_department (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char * const blank[] = { "", NULL };
  static const char * const one[] = { "市教育局", NULL };

  g_assert_null (check_kind (fixture, MS_CHECK_NO_DEPARTMENT, NULL));

  ms_project_set_departments (fixture->project, NULL);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_NO_DEPARTMENT, NULL));

  ms_project_set_departments (fixture->project, blank);
  g_assert_nonnull (check_kind (fixture, MS_CHECK_NO_DEPARTMENT, NULL));

  ms_project_set_departments (fixture->project, one);
  g_assert_null (check_kind (fixture, MS_CHECK_NO_DEPARTMENT, NULL));
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新建高水平高中", "所", 1, -1,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  ms_project_set_status (fixture->project, MS_STATUS_IN_PROGRESS);

  /* The deadline is the end of the year, 2025-12-31, and still holds that day. */
  g_assert_null (check_kind (fixture, MS_CHECK_OVERDUE, "2025-12-31"));
  g_assert_null (check_kind (fixture, MS_CHECK_OVERDUE, NULL));
  message = check_kind (fixture, MS_CHECK_OVERDUE, "2026-01-15");
  g_assert_nonnull (message);
  assert_contains (message, "2025-12-31");
  assert_contains (message, "2026-01-15");

  /* A project's own deadline comes first. */
  ms_project_set_deadline (fixture->project, ms_date_from_ymd (2025, 6, 30));
  g_assert_nonnull (check_kind (fixture, MS_CHECK_OVERDUE, "2025-07-01"));
  g_assert_null (check_kind (fixture, MS_CHECK_OVERDUE, "2025-06-30"));

  /* Every target met, or the status completed: not overdue. */
  ms_indicator_set_actual (indicator, 1);
  g_assert_null (check_kind (fixture, MS_CHECK_OVERDUE, "2025-07-01"));
  ms_indicator_clear_actual (indicator);
  ms_project_set_status (fixture->project, MS_STATUS_COMPLETED);
  g_assert_null (check_kind (fixture, MS_CHECK_OVERDUE, "2025-07-01"));
}

static MsTimeline *
make_progress (double june,
               double september)
{
  MsTimeline *progress = ms_timeline_new ();

  ms_timeline_append (progress, ms_date_from_ymd (2025, 3, 31), 10, NULL);
  ms_timeline_append (progress, ms_date_from_ymd (2025, 6, 30), june, NULL);
  ms_timeline_append (progress, ms_date_from_ymd (2025, 9, 30), september, NULL);

  return progress;
}

static void
test_progress_backwards (Fixture       *fixture,
                         gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新开工改造老旧小区", "户", 2529, 3465,
                                          MS_COMPARISON_AT_LEAST);
  g_autoptr(MsTimeline) falling = make_progress (1800, 1500);
  g_autoptr(MsTimeline) rising = make_progress (1500, 1800);
  g_autoptr(MsTimeline) level = make_progress (1500, 1500);
  const char *message;

  ms_indicator_set_progress (indicator, falling);
  message = check_kind (fixture, MS_CHECK_PROGRESS_BACKWARDS, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "新开工改造老旧小区");
  assert_contains (message, "2025-06-30");
  assert_contains (message, "2025-09-30");
  assert_contains (message, "1,800 households");
  assert_contains (message, "1,500 households");

  ms_indicator_set_progress (indicator, rising);
  g_assert_null (check_kind (fixture, MS_CHECK_PROGRESS_BACKWARDS, NULL));
  ms_indicator_set_progress (indicator, level);
  g_assert_null (check_kind (fixture, MS_CHECK_PROGRESS_BACKWARDS, NULL));

  /* For an upper bound (控制在, 降至), falling is the way to the target. */
  ms_indicator_set_progress (indicator, falling);
  ms_indicator_set_comparison (indicator, MS_COMPARISON_AT_MOST);
  g_assert_null (check_kind (fixture, MS_CHECK_PROGRESS_BACKWARDS, NULL));
}

static void
test_far_above_target (Fixture       *fixture,
                       gconstpointer  data)
{
  MsIndicator *indicator = add_indicator (fixture, "新建充电桩", "个", 500, 11030,
                                          MS_COMPARISON_AT_LEAST);
  const char *message;

  message = check_kind (fixture, MS_CHECK_FAR_ABOVE_TARGET, NULL);
  g_assert_nonnull (message);
  assert_contains (message, "新建充电桩");
  assert_contains (message, "11,030 units");
  assert_contains (message, "500 units");

  /* Five times is a lot, but not yet suspicious. */
  ms_indicator_set_actual (indicator, 2500);
  g_assert_null (check_kind (fixture, MS_CHECK_FAR_ABOVE_TARGET, NULL));

  ms_indicator_set_actual (indicator, 11030);
  ms_indicator_set_target (indicator, 0);
  g_assert_null (check_kind (fixture, MS_CHECK_FAR_ABOVE_TARGET, NULL));
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(MsProject) second = ms_project_new ();
  g_autoptr(GPtrArray) findings = NULL;
  MsGroup *group = ms_project_get_group (fixture->project);

  /* Far above target, no department, a completion text without figures of
   * that unit: the findings come by kind, not by the order of the data. */
  add_indicator (fixture, "新建充电桩", "个", 500, 11030, MS_COMPARISON_AT_LEAST);
  add_indicator (fixture, "新建公厕", "座", 10, -1, MS_COMPARISON_AT_LEAST);
  ms_project_set_departments (fixture->project, NULL);
  ms_project_set_completion (fixture->project, "已全部完成。");
  ms_project_set_number (second, 2);
  ms_project_set_status (second, MS_STATUS_COMPLETED);
  ms_group_insert_project (group, 1, second);

  findings = check_on (MS_NODE (fixture->document), NULL);
  g_assert_cmpuint (findings->len, ==, 5);
  for (guint i = 0; i < findings->len; i++)
    {
      MsFinding *finding = g_ptr_array_index (findings, i);

      g_test_message ("%u/%s: %s", ms_project_get_number (finding->project),
                      ms_check_kind_to_string (finding->kind), finding->message);
    }
  g_assert_cmpint (((MsFinding *)findings->pdata[0])->kind, ==, MS_CHECK_COMPLETED_NOT_REPORTED);
  g_assert_cmpint (((MsFinding *)findings->pdata[1])->kind, ==, MS_CHECK_NO_DEPARTMENT);
  g_assert_cmpint (((MsFinding *)findings->pdata[2])->kind, ==, MS_CHECK_FAR_ABOVE_TARGET);
  g_assert_true (((MsFinding *)findings->pdata[2])->project == fixture->project);
  g_assert_cmpint (((MsFinding *)findings->pdata[3])->kind, ==, MS_CHECK_COMPLETED_WITHOUT_TEXT);
  g_assert_true (((MsFinding *)findings->pdata[3])->project == second);
  g_assert_cmpint (((MsFinding *)findings->pdata[4])->kind, ==, MS_CHECK_NO_DEPARTMENT);

  /* Findings hold their project: they outlive the document. */
  g_clear_object (&fixture->document);
  g_assert_cmpuint (ms_project_get_number (((MsFinding *)findings->pdata[4])->project), ==, 2);
}

static void
test_names (void)
{
  g_assert_cmpstr (ms_check_kind_to_string (MS_CHECK_COMPLETED_BELOW_TARGET), ==,
                   "completed-below-target");
  g_assert_cmpstr (ms_check_kind_to_string (MS_CHECK_FAR_ABOVE_TARGET), ==, "far-above-target");
  for (guint kind = 0; kind < MS_N_CHECK_KINDS; kind++)
    g_assert_nonnull (ms_check_kind_to_string (kind));
  g_assert_cmpstr (ms_severity_get_label (MS_SEVERITY_ERROR), ==, "error");
  g_assert_cmpstr (ms_severity_get_label (MS_SEVERITY_WARNING), ==, "warning");
}

/* Every finding in the bundled notice, each read against the notice: 9 gives
 * no coverage rates, 15 names no department, and the high school (3) was
 * not finished by the year's end. Its text figures all agree. */
static void
test_example (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GPtrArray) at_year_end = check_on (MS_NODE (document), NULL);
  g_autoptr(GPtrArray) later = check_on (MS_NODE (document), "2025-01-15");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) found = NULL;
  g_autofree char *found_text = NULL;

  for (guint i = 0; i < later->len; i++)
    {
      MsFinding *finding = g_ptr_array_index (later, i);
      MsCategory *category = ms_group_get_category (ms_project_get_group (finding->project));
      g_autofree char *line = g_strdup_printf ("%s/%u %s%s%s", ms_category_get_id (category),
                                               ms_project_get_number (finding->project),
                                               ms_check_kind_to_string (finding->kind),
                                               finding->indicator != NULL ? " " : "",
                                               finding->indicator != NULL
                                                 ? ms_indicator_get_name (finding->indicator) : "");

      g_test_message ("%s: %s", line, finding->message);
      g_strv_builder_add (builder, line);
    }
  found = g_strv_builder_end (builder);
  found_text = g_strjoinv ("\n", found);
  g_assert_cmpstr (found_text, ==, "provincial/9 completed-not-reported 城镇社区老年助餐覆盖率\n"
                                   "provincial/9 completed-not-reported 行政村老年助餐覆盖率\n"
                                   "municipal/3 overdue\n"
                                   "municipal/15 no-department");

  /* On the last day of the year nothing is late yet. */
  g_assert_cmpuint (at_year_end->len, ==, later->len - 1);
  g_assert_null (find_kind (at_year_end, MS_CHECK_OVERDUE));
}

/* A printed report may be in another language than the interface. */
static void
test_in_language (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsScheduleContext context;
  g_autoptr(GPtrArray) english = NULL;
  g_autoptr(GPtrArray) chinese = NULL;
  MsFinding *finding;

  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  english = ms_check_scope_in_language (MS_NODE (document), &context, "en");
  chinese = ms_check_scope_in_language (MS_NODE (document), &context, "zh_CN");
  g_assert_cmpuint (english->len, ==, chinese->len);

  finding = find_kind (english, MS_CHECK_NO_DEPARTMENT);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->message, ==, "No responsible department is named");
  finding = find_kind (chinese, MS_CHECK_NO_DEPARTMENT);
  g_assert_nonnull (finding);
  g_assert_cmpstr (finding->message, ==, "未明确责任单位");

  g_assert_cmpstr (ms_severity_get_label_in_language (MS_SEVERITY_WARNING, "en"), ==, "warning");
  g_assert_cmpstr (ms_severity_get_label_in_language (MS_SEVERITY_ERROR, "zh_CN"), ==,
                   ms_l10n_translate ("zh_CN", "error"));
  g_assert_cmpstr (ms_severity_get_label_in_language (MS_SEVERITY_ERROR, "zh_CN"), !=, "error");
  g_assert_cmpstr (ms_schedule_get_label_in_language (MS_SCHEDULE_OVERDUE, "en"), ==, "Overdue");
  g_assert_cmpstr (ms_schedule_get_label_in_language (MS_SCHEDULE_OVERDUE, "zh_CN"), !=, "Overdue");
}

/* A large scope is checked in slices on several threads: the findings are
 * the same, in the same order, as checking each project in turn. */
static void
test_large_scope_in_slices (void)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (2500);
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  g_autoptr(GPtrArray) sliced = NULL;
  g_autoptr(GPtrArray) serial = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_finding_free);
  MsScheduleContext context;

  ms_schedule_context_init (&context, document, ms_date_from_ymd (2025, 7, 15));
  for (guint i = 0; i < projects->len; i++)
    {
      g_autoptr(GPtrArray) found = ms_check_project (g_ptr_array_index (projects, i), &context);

      g_ptr_array_set_free_func (found, NULL);
      g_ptr_array_extend_and_steal (serial, g_steal_pointer (&found));
    }

  /* Twice: the second reads the texts the first kept. */
  for (guint round = 0; round < 2; round++)
    {
      g_clear_pointer (&sliced, g_ptr_array_unref);
      sliced = ms_check_scope (MS_NODE (document), &context);
      g_assert_cmpuint (sliced->len, ==, serial->len);
      g_assert_cmpuint (sliced->len, >, 0);
      for (guint i = 0; i < sliced->len; i++)
        {
          MsFinding *a = g_ptr_array_index (sliced, i);
          MsFinding *b = g_ptr_array_index (serial, i);

          g_assert_true (a->project == b->project);
          g_assert_true (a->indicator == b->indicator);
          g_assert_cmpint (a->kind, ==, b->kind);
          g_assert_cmpstr (a->message, ==, b->message);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/check/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("completed-below-target", test_completed_below_target);
  ADD ("completed-not-reported", test_completed_not_reported);
  ADD ("not-started-with-figures", test_not_started_with_figures);
  ADD ("completed-without-text", test_completed_without_text);
  ADD ("text-disagrees", test_text_disagrees);
  ADD ("text-disagrees/repeats-target", test_text_repeats_target);
  ADD ("text-disagrees/rounds", test_text_rounds);
  ADD ("text-disagrees/in-parts", test_text_in_parts);
  ADD ("no-department", test_no_department);
  ADD ("overdue", test_overdue);
  ADD ("progress-backwards", test_progress_backwards);
  ADD ("far-above-target", test_far_above_target);
  ADD ("order", test_order);

#undef ADD

  g_test_add_func ("/check/names", test_names);
  g_test_add_func ("/check/example", test_example);
  g_test_add_func ("/check/in-language", test_in_language);
  g_test_add_func ("/check/large-scope-in-slices", test_large_scope_in_slices);

  return g_test_run ();
}
