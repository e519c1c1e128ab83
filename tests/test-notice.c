/* test-notice.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ms-json.h"
#include "ms-notice.h"
#include "ms-number.h"
#include "ms-quantity.h"

static char *
notice_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "notices", name, NULL);
}

static MsDocument *
import_fixture (const char      *name,
                MsNoticeReport **report)
{
  g_autofree char *path = notice_path (name);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  MsDocument *document;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  document = ms_notice_import (contents, length, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static MsDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("MS_EXAMPLE_FILE"));
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

typedef void (*ProjectFunc) (MsCategory *category, MsGroup *group, MsProject *project, gpointer data);

static void
for_each_project (MsDocument  *document,
                  ProjectFunc  func,
                  gpointer     data)
{
  GListModel *categories = ms_document_get_categories (document);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);

      for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (category)); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);

          for (guint p = 0; p < g_list_model_get_n_items (ms_group_get_projects (group)); p++)
            func (category, group, ms_group_get_project (group, p), data);
        }
    }
}

static void
collect_project (MsCategory *category,
                 MsGroup    *group,
                 MsProject  *project,
                 gpointer    data)
{
  g_ptr_array_add (data, project);
}

static GPtrArray *
all_projects (MsDocument *document)
{
  GPtrArray *projects = g_ptr_array_new ();

  for_each_project (document, collect_project, projects);
  return projects;
}

static MsIndicator *
find_indicator (MsProject *project,
                double     target,
                const char *unit)
{
  GListModel *indicators = ms_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);

      if (ms_indicator_get_target (indicator) == target &&
          g_str_equal (ms_indicator_get_unit (indicator), unit))
        return indicator;
    }

  return NULL;
}

static void
assert_pair (MsProject  *project,
             double      target,
             const char *unit,
             double      actual)
{
  MsIndicator *indicator = find_indicator (project, target, unit);

  if (indicator == NULL)
    g_error ("project %u: no indicator %g %s", ms_project_get_number (project), target, unit);
  if (actual < 0)
    g_assert_false (ms_indicator_get_has_actual (indicator));
  else
    {
      g_assert_true (ms_indicator_get_has_actual (indicator));
      g_assert_cmpfloat_with_epsilon (ms_indicator_get_actual (indicator), actual, 1e-9);
    }
}

/* Quantity parsing */

static void
test_quantity_parsing (void)
{
  static const struct {
    const char   *text;
    double        value;
    const char   *unit;
    MsComparison  comparison;
    gboolean      descriptive;
  } cases[] = {
    { "全年开展职业技能培训4.7万人次以上", 4.7, "万人次", MS_COMPARISON_AT_LEAST, FALSE },
    { "发放创业担保贷款3亿元", 3, "亿元", MS_COMPARISON_EXACTLY, FALSE },
    { "落实各类学生资助补助资金1.1778亿元", 1.1778, "亿元", MS_COMPARISON_EXACTLY, FALSE },
    { "全市新建农村公路113.9公里", 113.9, "公里", MS_COMPARISON_EXACTLY, FALSE },
    { "筛查率85.37%", 85.37, "%", MS_COMPARISON_EXACTLY, FALSE },
    { "解决7000户2万余名群众用水安全问题", 7000, "户", MS_COMPARISON_EXACTLY, FALSE },
    { "全年救助不少于800人", 800, "人", MS_COMPARISON_AT_LEAST, FALSE },
    { "死亡人数控制在60人以内", 60, "人", MS_COMPARISON_AT_MOST, FALSE },
    { "为约3500名早班环卫工人", 3500, "名", MS_COMPARISON_ABOUT, FALSE },
    { "新增供热面积700万平方米左右", 700, "万平方米", MS_COMPARISON_ABOUT, FALSE },
    { "超过600人次线下青少年个案咨询", 600, "人次", MS_COMPARISON_AT_LEAST, FALSE },
    { "覆盖率达到65%", 65, "%", MS_COMPARISON_AT_LEAST, FALSE },
    { "惠及１２００户", 1200, "户", MS_COMPARISON_EXACTLY, FALSE },
    { "资助10,000人", 10000, "人", MS_COMPARISON_EXACTLY, FALSE },
    { "2024年全市", 2024, "年", MS_COMPARISON_EXACTLY, TRUE },
    { "补助至6000元", 6000, "元", MS_COMPARISON_EXACTLY, TRUE },
    { "市区6岁儿童", 6, "岁", MS_COMPARISON_EXACTLY, TRUE },
    { "低保标准提高至城市675元/人/月", 675, "元", MS_COMPARISON_EXACTLY, TRUE },
    { "第11届东亚空手道锦标赛", 11, "届", MS_COMPARISON_EXACTLY, TRUE },
    { "每个乡镇均有1个老年食堂", 1, "个", MS_COMPARISON_EXACTLY, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) quantities = ms_quantity_scan (cases[i].text);
      MsQuantity *quantity;
      g_autofree char *unit = NULL;

      if (quantities->len < 1)
        g_error ("%s: no figure found", cases[i].text);
      quantity = g_ptr_array_index (quantities, 0);
      unit = ms_quantity_dup_unit (quantity);
      g_assert_cmpfloat (quantity->value, ==, cases[i].value);
      g_assert_cmpstr (unit, ==, cases[i].unit);
      if (quantity->comparison != cases[i].comparison || quantity->descriptive != cases[i].descriptive)
        g_error ("%s: comparison %d descriptive %d", cases[i].text, quantity->comparison, quantity->descriptive);
    }

  /* "2万余名" is approximate; a bare number or "1.5万" without a unit is no figure. */
  {
    g_autoptr(GPtrArray) quantities = ms_quantity_scan ("解决7000户2万余名群众用水安全问题");
    MsQuantity *second = g_ptr_array_index (quantities, 1);

    g_assert_cmpuint (quantities->len, ==, 2);
    g_assert_cmpfloat (second->value, ==, 2);
    g_assert_cmpfloat (second->scale, ==, 1e4);
    g_assert_cmpint (second->comparison, ==, MS_COMPARISON_ABOUT);
  }
  {
    g_autoptr(GPtrArray) quantities = ms_quantity_scan ("编号1.5万 5A级景区 G107国道 2024.12.31");

    g_assert_cmpuint (quantities->len, ==, 0);
  }
}

static GPtrArray *
extract (const char *target,
         const char *completion)
{
  return ms_quantity_extract_indicators (target, completion, NULL);
}

static MsIndicator *
indicator_at (GPtrArray *indicators,
              guint      index)
{
  g_assert_cmpuint (index, <, indicators->len);
  return g_ptr_array_index (indicators, index);
}

static void
test_pairing (void)
{
  /* Across magnitudes: 3.5万人次 against 36573人. */
  {
    g_autoptr(GPtrArray) found = extract ("开展近视防控及视力筛查3.5万人次以上",
                                          "开展免费视力筛查36573人");

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (ms_indicator_get_unit (indicator_at (found, 0)), ==, "万人次");
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 0)), ==, 3.6573);
    g_assert_cmpint (ms_indicator_get_comparison (indicator_at (found, 0)), ==, MS_COMPARISON_AT_LEAST);
  }

  /* One target for several items. */
  {
    g_autoptr(GPtrArray) found = extract ("全年宫颈癌、乳腺癌各完成筛查47350人",
                                          "全市完成宫颈癌筛查47528人、乳腺癌筛查48340人");

    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpstr (ms_indicator_get_name (indicator_at (found, 0)), ==, "宫颈癌筛查");
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 0)), ==, 47528);
    g_assert_cmpstr (ms_indicator_get_name (indicator_at (found, 1)), ==, "乳腺癌筛查");
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 1)), ==, 48340);
    g_assert_cmpfloat (ms_indicator_get_target (indicator_at (found, 1)), ==, 47350);
  }

  /* A total reported in parts. */
  {
    g_autoptr(GPtrArray) found = extract ("新建供热管网20公里、热交换站38座",
                                          "铺设供热管网25公里。实施34个小区供热设施建设,新建热交换站24座;"
                                          "组织社会资本建设26个小区供热设施,新建热交换站27座。");

    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 0)), ==, 25);
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 1)), ==, 51);
  }

  /* Percentages with percentages, in order; never summed. */
  {
    g_autoptr(GPtrArray) found = extract ("产前筛查覆盖率达到65%,新生儿听力筛查率达到95%",
                                          "产前筛查率85.37%;新生儿听力筛查14485例,筛查率99.94%");

    g_assert_cmpuint (found->len, ==, 2);
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 0)), ==, 85.37);
    g_assert_cmpfloat (ms_indicator_get_actual (indicator_at (found, 1)), ==, 99.94);
  }

  /* No invented pairs: other units, descriptions and dates are not figures. */
  {
    g_autoptr(GPtrArray) found = extract ("新建高水平高中1所,力争年底前具备交付使用条件",
                                          "实验楼、图书馆、教学楼等17栋建筑已封顶");

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_false (ms_indicator_get_has_actual (indicator_at (found, 0)));
  }
  {
    g_autoptr(GPtrArray) found = extract ("提高行政村卫生室基本运行经费补助至6000元,2024年实现全覆盖", "已全部拨付");

    g_assert_cmpuint (found->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) found = extract ("全年新建公共服务领域充电桩500个", NULL);

    g_assert_cmpuint (found->len, ==, 1);
    g_assert_false (ms_indicator_get_has_actual (indicator_at (found, 0)));
    g_assert_cmpstr (ms_indicator_get_name (indicator_at (found, 0)), ==, "新建公共服务领域充电桩");
  }
}

/* Lines and labels */

static void
test_join_lines (void)
{
  const char *broken[] = { "开展家庭医生团队签约服务技能培训,全市", "完成31个团队124名人员的培训任务。", NULL };
  const char *paragraphs[] = { "第一段完成。", "第二段开始", "  接着写完。 ", NULL };
  const char *latin[] = { "the road", "was built", NULL };
  g_autofree char *joined = ms_notice_join_lines (broken);
  g_autofree char *two = ms_notice_join_lines (paragraphs);
  g_autofree char *words = ms_notice_join_lines (latin);

  g_assert_cmpstr (joined, ==, "开展家庭医生团队签约服务技能培训,全市完成31个团队124名人员的培训任务。");
  g_assert_cmpstr (two, ==, "第一段完成。\n第二段开始接着写完。");
  g_assert_cmpstr (words, ==, "the road was built");
}

static void
test_split_departments (void)
{
  static const struct {
    const char *text;
    const char *joined;
  } cases[] = {
    { "市交通运输局、市公路事业发展中心", "市交通运输局|市公路事业发展中心" },
    { "市教育局，市财政局,市人力资源和社会保障局", "市教育局|市财政局|市人力资源和社会保障局" },
    { " 市民政局；市残联。", "市民政局|市残联" },
    { "市人力资源和社会保障部门", "市人力资源和社会保障部门" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) departments = ms_notice_split_departments (cases[i].text);
      g_autofree char *joined = g_strjoinv ("|", departments);

      g_assert_cmpstr (joined, ==, cases[i].joined);
    }
}

static void
test_labels_inline_and_bracketed (void)
{
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_fixture ("labels.txt", &report);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  g_assert_cmpuint (projects->len, ==, 5);
  g_assert_cmpstr (ms_category_get_id (ms_document_get_category (document, 0)), ==, "county");
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (document, 0)), ==, "县级民生实事");

  /* （牵头单位：…；配合单位：…） after the target, 进展情况 on its own line. */
  project = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (ms_project_get_target (project), ==,
                   "新建村卫生室25个，为65岁以上老年人免费健康体检1.2万人次。");
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县卫生健康局");
  g_assert_null (ms_project_get_departments (project)[1]);
  g_assert_cmpstr (ms_project_get_partners (project)[0], ==, "县财政局");
  g_assert_cmpstr (ms_project_get_partners (project)[1], ==, "县医保局");
  g_assert_cmpstr (ms_project_get_completion (project), ==, "新建村卫生室27个，完成老年人健康体检1.35万人次。");
  assert_pair (project, 1.2, "万人次", 1.35);

  /* (…按职责分工负责) names the departments; 实际完成情况 is the result. */
  project = g_ptr_array_index (projects, 1);
  g_assert_cmpstr (ms_project_get_target (project), ==,
                   "为城乡困难群众代缴城乡居民医疗保险费，资助参保不少于8000人。");
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县医保局");
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "县民政局");
  g_assert_cmpstr (ms_project_get_completion (project), ==, "资助困难群众参保8216人，资助资金已全部到位。");

  /* Both labels on the target's line. */
  project = g_ptr_array_index (projects, 2);
  g_assert_cmpstr (ms_project_get_target (project), ==, "新增城乡公交线路6条。");
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县交通运输局");
  g_assert_cmpstr (ms_project_get_completion (project), ==, "新开通城乡公交线路6条，覆盖行政村42个。");

  /* A label alone on its line, the value on the next; 落实情况. */
  project = g_ptr_array_index (projects, 3);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县住房和城乡建设局");
  g_assert_cmpstr (ms_project_get_completion (project), ==, "12条背街小巷改造已全部完工。");

  /* No department at all. */
  project = g_ptr_array_index (projects, 4);
  g_assert_null (ms_project_get_departments (project)[0]);
  assert_pair (project, 100, "场", 118);
  g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_COMPLETED);
}

/* Whole notices */

typedef struct
{
  MsDocument *expected;
  guint       n_projects;
  guint       n_clear_pairs;
  guint       n_found_pairs;
} SeedCheck;

static void
check_seed_project (MsCategory *category,
                    MsGroup    *group,
                    MsProject  *project,
                    gpointer    data)
{
  SeedCheck *check = data;
  MsCategory *expected_category = NULL;
  MsGroup *expected_group = NULL;
  MsProject *expected = NULL;
  GListModel *expected_categories = ms_document_get_categories (check->expected);

  /* Find the same project in the hand-checked file, by category id and number. */
  for (guint c = 0; c < g_list_model_get_n_items (expected_categories) && expected == NULL; c++)
    {
      MsCategory *candidate = ms_document_get_category (check->expected, c);

      if (!g_str_equal (ms_category_get_id (candidate), ms_category_get_id (category)))
        continue;
      for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (candidate)) && expected == NULL; g++)
        {
          MsGroup *candidate_group = ms_category_get_group (candidate, g);

          for (guint p = 0; p < g_list_model_get_n_items (ms_group_get_projects (candidate_group)); p++)
            {
              MsProject *candidate_project = ms_group_get_project (candidate_group, p);

              if (ms_project_get_number (candidate_project) == ms_project_get_number (project))
                {
                  expected_category = candidate;
                  expected_group = candidate_group;
                  expected = candidate_project;
                  break;
                }
            }
        }
    }

  g_assert_nonnull (expected);
  check->n_projects++;
  g_assert_cmpstr (ms_category_get_title (category), ==, ms_category_get_title (expected_category));
  g_assert_cmpuint (ms_group_get_number (group), ==, ms_group_get_number (expected_group));
  g_assert_cmpstr (ms_group_get_title (group), ==, ms_group_get_title (expected_group));
  g_assert_cmpstr (ms_project_get_target (project), ==, ms_project_get_target (expected));
  g_assert_cmpstr (ms_project_get_completion (project), ==, ms_project_get_completion (expected));
  g_assert_true (g_strv_equal (ms_project_get_departments (project), ms_project_get_departments (expected)));

  for (guint i = 0; i < g_list_model_get_n_items (ms_project_get_indicators (expected)); i++)
    {
      MsIndicator *pair = ms_project_get_indicator (expected, i);
      MsIndicator *found;

      if (!ms_indicator_get_has_actual (pair))
        continue;
      check->n_clear_pairs++;
      found = find_indicator (project, ms_indicator_get_target (pair), ms_indicator_get_unit (pair));
      if (found != NULL && ms_indicator_get_has_actual (found) &&
          fabs (ms_indicator_get_actual (found) - ms_indicator_get_actual (pair)) < 1e-9)
        check->n_found_pairs++;
      else
        g_test_message ("not found: %s %g %s → %g", ms_indicator_get_name (pair),
                        ms_indicator_get_target (pair), ms_indicator_get_unit (pair),
                        ms_indicator_get_actual (pair));
    }
}

static void
test_seed (void)
{
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_fixture ("luohe-2024.txt", &report);
  g_autoptr(MsDocument) expected = load_example ();
  SeedCheck check = { expected, 0, 0, 0 };

  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpuint (report->n_categories, ==, 2);
  g_assert_cmpuint (report->n_groups, ==, 20);
  g_assert_cmpuint (report->n_projects, ==, 32);
  g_assert_cmpuint (report->warnings->len, ==, 0);
  /* The slogan at the end is page chrome, reported as left out. */
  g_assert_cmpuint (report->dropped->len, ==, 2);

  g_assert_cmpstr (ms_document_get_title (document), ==, ms_document_get_title (expected));
  g_assert_cmpstr (ms_document_get_region (document), ==, "漯河市");
  g_assert_cmpint (ms_document_get_year (document), ==, 2024);
  g_assert_cmpstr (ms_document_get_intro (document), ==, ms_document_get_intro (expected));
  g_assert_true (ms_document_get_modified (document));

  for_each_project (document, check_seed_project, &check);
  g_assert_cmpuint (check.n_projects, ==, 32);
  g_test_message ("pairs found: %u of %u", check.n_found_pairs, check.n_clear_pairs);
  g_assert_cmpuint (check.n_clear_pairs, >=, 50);
  g_assert_cmpuint (check.n_found_pairs * 10, >=, check.n_clear_pairs * 9);
}

static void
fold_compare (const char *a,
              const char *b)
{
  g_autofree char *fa = ms_text_normalize (a);
  g_autofree char *fb = ms_text_normalize (b);

  g_assert_cmpstr (fa, ==, fb);
}

/* Full-width, ASCII with CRLF and no blank lines, GB18030, BOM: one notice. */
static void
test_encodings_and_punctuation (void)
{
  static const struct {
    const char *name;
    const char *encoding;
  } variants[] = {
    { "qingchuan-ascii-crlf.txt", "UTF-8" },
    { "qingchuan-gb18030.txt", "GB18030" },
    { "qingchuan-bom.txt", "UTF-8 with BOM" },
  };
  g_autoptr(MsNoticeReport) reference_report = NULL;
  g_autoptr(MsDocument) reference = import_fixture ("qingchuan-fullwidth.txt", &reference_report);
  g_autoptr(GPtrArray) reference_projects = all_projects (reference);
  MsProject *project;

  g_assert_cmpstr (ms_document_get_region (reference), ==, "青川市");
  g_assert_cmpint (ms_document_get_year (reference), ==, 2025);
  g_assert_cmpuint (reference_projects->len, ==, 7);
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (reference, 0)), ==, "省定民生实事");

  /* Full-width digits, bounds, magnitudes, 各, sums of parts, upper bounds. */
  project = g_ptr_array_index (reference_projects, 0);
  assert_pair (project, 1200, "户", 1356);
  project = g_ptr_array_index (reference_projects, 1);
  assert_pair (project, 60, "公里", 48.5);
  assert_pair (project, 3, "万名", 2.6);
  g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_IN_PROGRESS);
  project = g_ptr_array_index (reference_projects, 2);
  assert_pair (project, 2, "万人", 2.153);
  g_assert_cmpuint (g_list_model_get_n_items (ms_project_get_indicators (project)), ==, 2);
  project = g_ptr_array_index (reference_projects, 4);
  assert_pair (project, 300, "个", 326);
  project = g_ptr_array_index (reference_projects, 5);
  assert_pair (project, 60, "人", 52);
  g_assert_cmpint (ms_indicator_get_comparison (find_indicator (project, 60, "人")), ==, MS_COMPARISON_AT_MOST);
  g_assert_cmpint (ms_indicator_get_state (find_indicator (project, 60, "人")), ==, MS_INDICATOR_MET);

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      g_autoptr(MsNoticeReport) report = NULL;
      g_autoptr(MsDocument) document = import_fixture (variants[v].name, &report);
      g_autoptr(GPtrArray) projects = all_projects (document);

      g_assert_cmpstr (report->encoding, ==, variants[v].encoding);
      g_assert_cmpuint (projects->len, ==, reference_projects->len);
      fold_compare (ms_document_get_title (document), ms_document_get_title (reference));
      fold_compare (ms_document_get_intro (document), ms_document_get_intro (reference));

      for (guint i = 0; i < projects->len; i++)
        {
          MsProject *a = g_ptr_array_index (projects, i);
          MsProject *b = g_ptr_array_index (reference_projects, i);

          g_assert_cmpuint (ms_project_get_number (a), ==, ms_project_get_number (b));
          fold_compare (ms_project_get_target (a), ms_project_get_target (b));
          fold_compare (ms_project_get_completion (a), ms_project_get_completion (b));
          g_assert_true (g_strv_equal (ms_project_get_departments (a), ms_project_get_departments (b)));
          g_assert_cmpint (ms_project_get_status (a), ==, ms_project_get_status (b));
          g_assert_cmpuint (g_list_model_get_n_items (ms_project_get_indicators (a)), ==,
                            g_list_model_get_n_items (ms_project_get_indicators (b)));
          for (guint k = 0; k < g_list_model_get_n_items (ms_project_get_indicators (a)); k++)
            {
              MsIndicator *x = ms_project_get_indicator (a, k);
              MsIndicator *y = ms_project_get_indicator (b, k);

              g_assert_cmpfloat (ms_indicator_get_target (x), ==, ms_indicator_get_target (y));
              g_assert_cmpfloat (ms_indicator_get_actual (x), ==, ms_indicator_get_actual (y));
            }
        }
    }
}

static void
test_no_sections (void)
{
  g_autoptr(MsDocument) document = import_fixture ("no-sections.txt", NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsCategory *category;

  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 1);
  category = ms_document_get_category (document, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (category)), ==, 2);
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (category, 1)), ==, "提升教育水平");
  g_assert_cmpuint (projects->len, ==, 2);
  assert_pair (g_ptr_array_index (projects, 0), 5000, "人", 5862);
  assert_pair (g_ptr_array_index (projects, 1), 540, "个", 540);
}

static void
test_no_groups (void)
{
  g_autoptr(MsDocument) document = import_fixture ("no-groups.txt", NULL);
  MsCategory *municipal;
  MsProject *project;

  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  municipal = ms_document_get_category (document, 1);
  g_assert_cmpstr (ms_category_get_id (municipal), ==, "municipal");
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (municipal)), ==, 1);
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (municipal, 0)), ==, "");

  /* Numbering restarts in the second section. */
  project = ms_group_get_project (ms_category_get_group (municipal, 0), 0);
  g_assert_cmpuint (ms_project_get_number (project), ==, 1);
  assert_pair (project, 2000, "个", 2350);
}

static void
test_plan_without_completion (void)
{
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_fixture ("plan.txt", &report);
  g_autoptr(GPtrArray) projects = all_projects (document);

  g_assert_cmpint (ms_document_get_year (document), ==, 2026);
  g_assert_cmpuint (projects->len, ==, 3);
  g_assert_cmpuint (report->n_indicators, ==, 5);
  g_assert_cmpuint (report->n_indicators_reported, ==, 0);
  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);

      g_assert_cmpstr (ms_project_get_completion (project), ==, "");
      g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_NOT_STARTED);
    }
  assert_pair (g_ptr_array_index (projects, 1), 18, "万人次", -1);
  /* "改造老旧小区40个、3200户": the second figure names the same thing. */
  g_assert_cmpstr (ms_indicator_get_name (find_indicator (g_ptr_array_index (projects, 2), 3200, "户")), ==,
                   "改造老旧小区");
}

static gboolean
remarks_contain (GPtrArray  *remarks,
                 guint       line,
                 const char *text)
{
  for (guint i = 0; i < remarks->len; i++)
    {
      MsNoticeRemark *remark = g_ptr_array_index (remarks, i);

      if (remark->line == line && strstr (remark->message, text) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_page_chrome (void)
{
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_fixture ("page-chrome.txt", &report);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  g_assert_cmpstr (ms_document_get_title (document), ==, "桐林市2025年民生实事完成情况");
  g_assert_cmpstr (ms_document_get_intro (document), ==,
                   "2025年，我市认真落实民生实事工作，全年各项任务顺利完成。现将完成情况公示如下：");
  g_assert_cmpuint (projects->len, ==, 2);

  /* Broken across a page: the page number and repeated footer are left out,
   * the "(" that continues the sentence is no group heading. */
  project = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (ms_project_get_target (project), ==,
                   "改造城市燃气老旧管网85公里，完成老旧小区加装电梯120部。");
  g_assert_cmpstr (ms_project_get_completion (project), ==,
                   "改造燃气老旧管网91.6公里，加装电梯126部（其中住宅小区103部、公共建筑23部）。");
  assert_pair (project, 120, "部", 126);
  project = g_ptr_array_index (projects, 1);
  g_assert_cmpstr (ms_project_get_target (project), ==, "新建城市书房10个，举办全民阅读活动200场以上。");

  g_assert_true (remarks_contain (report->dropped, 1, "当前位置"));
  g_assert_true (remarks_contain (report->dropped, 3, "发布日期"));
  g_assert_true (remarks_contain (report->dropped, 11, "- 2 -"));
  g_assert_true (remarks_contain (report->dropped, 12, "桐林市人民政府网"));
  g_assert_true (remarks_contain (report->dropped, 16, "桐林市人民政府网"));
  g_assert_true (remarks_contain (report->dropped, 23, "责任编辑"));
  g_assert_true (remarks_contain (report->dropped, 24, "扫一扫"));
  g_assert_true (remarks_contain (report->dropped, 25, "打印本页"));

  /* The closing lines are kept, with warnings naming their lines. */
  g_assert_true (remarks_contain (report->warnings, 20, "特此公示"));
  g_assert_true (remarks_contain (report->warnings, 22, "2026年1月8日"));
  g_assert_nonnull (strstr (ms_document_get_note (document), "桐林市人民政府办公室"));
  g_assert_null (strstr (ms_project_get_completion (project), "特此"));
}

static void
test_stray_text_kept (void)
{
  static const char text[] =
    "某市2025年民生实事完成情况\n"
    "一、市重点民生实事\n"
    "本部分由市政府督查室汇总\n"
    "（一）改善交通\n"
    "1.新建公交站台50个。\n"
    "完成情况:新建公交站台52个。\n"
    "3.新增公交车辆20辆。\n";
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_notice_import (text, strlen (text), &report, &error);

  g_assert_no_error (error);
  /* Nothing lost: the stray line is in the note, with a warning on line 3. */
  g_assert_nonnull (strstr (ms_document_get_note (document), "本部分由市政府督查室汇总"));
  g_assert_true (remarks_contain (report->warnings, 3, "本部分由市政府督查室汇总"));
  /* A gap in the numbering is pointed out. */
  g_assert_true (remarks_contain (report->warnings, 7, "3"));
}

/* Labels for people and notes about lists */

static MsDocument *
import_text (const char      *text,
             MsNoticeReport **report)
{
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_notice_import (text, strlen (text), report, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static gboolean
has_warning_containing (MsNoticeReport *report,
                        const char     *part)
{
  for (guint i = 0; i < report->warnings->len; i++)
    {
      MsNoticeRemark *remark = g_ptr_array_index (report->warnings, i);

      if (strstr (remark->message, part) != NULL)
        return TRUE;
    }

  return FALSE;
}

static void
test_people_and_lead_department_labels (void)
{
  static const char text[] =
    "松溪县2024年民生实事项目\n"
    "1、乡村道路提升，牵头部门：县交通局。进度较慢的乡镇为东岭镇。\n"
    "2.新建公园3个（列第一位者为牵头单位，下同）。\n"
    "责任单位：县住建局(列第一位者为牵头单位,下同)、县财政局\n"
    "牵头领导：王某某\n"
    "项目责任人:李某。\n"
    "3.新建学校2所，牵头部门:县教育局 责任领导:赵某 联系人：陈某\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  g_assert_cmpuint (projects->len, ==, 3);

  /* 牵头部门 inline, the sentence after the name stays with the project. */
  project = g_ptr_array_index (projects, 0);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县交通局");
  g_assert_null (ms_project_get_departments (project)[1]);
  g_assert_null (strstr (ms_project_get_target (project), "牵头部门"));
  g_assert_nonnull (strstr (ms_project_get_target (project), "东岭镇"));

  /* The note is neither a department nor target text; people are not departments. */
  project = g_ptr_array_index (projects, 1);
  g_assert_cmpstr (ms_project_get_target (project), ==, "新建公园3个。");
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县住建局");
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "县财政局");
  g_assert_null (ms_project_get_departments (project)[2]);
  g_assert_cmpstr (ms_project_get_lead (project), ==, "王某某");
  g_assert_cmpstr (ms_project_get_contact (project), ==, "李某");

  /* ASCII colons, several labels on one line. */
  project = g_ptr_array_index (projects, 2);
  g_assert_cmpstr (ms_project_get_target (project), ==, "新建学校2所");
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县教育局");
  g_assert_null (ms_project_get_departments (project)[1]);
  g_assert_cmpstr (ms_project_get_lead (project), ==, "赵某");
  g_assert_cmpstr (ms_project_get_contact (project), ==, "陈某");
}

static void
test_attachments_and_closing (void)
{
  static const char text[] =
    "松溪县2024年民生实事项目公告\n"
    "1.新建公园3个。\n"
    "2.新建学校2所。\n"
    "现予公告。\n"
    "附件：1.项目清单\n"
    "2.进度安排表\n"
    "松溪县第五届人民代表大会\n"
    "2024年3月1日\n";
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (text, &report);
  g_autoptr(GPtrArray) projects = all_projects (document);

  g_assert_cmpuint (projects->len, ==, 2);
  g_assert_cmpuint (report->n_projects, ==, 2);
  g_assert_cmpstr (ms_project_get_target (g_ptr_array_index (projects, 1)), ==, "新建学校2所。");
  g_assert_nonnull (strstr (ms_document_get_note (document), "进度安排表"));
}

static void
test_year_and_title_elsewhere (void)
{
  static const char slogan_first[] =
    "节约粮食 人人有责\n"
    "松溪县民生实事项目进展情况\n"
    "2023年，县政府确定了民生实事，现通报如下：\n"
    "1.新建公园3个。\n";
  static const char date_only[] =
    "松溪县民生实事项目\n"
    "1.新建公园3个。\n"
    "松溪县人民政府\n"
    "2022年12月30日\n";
  static const char no_year[] =
    "为做好民生工作，现通报如下：\n"
    "1.新建公园3个。\n";
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (slogan_first, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_assert_cmpint (ms_document_get_year (document), ==, 2023);
  g_assert_cmpstr (ms_document_get_title (document), ==, "松溪县民生实事项目进展情况");
  g_clear_object (&document);

  document = import_text (date_only, NULL);
  g_assert_cmpint (ms_document_get_year (document), ==, 2022);
  g_clear_object (&document);

  /* Nothing says the year: this one, and the reader is told. */
  document = import_text (no_year, &report);
  g_assert_cmpint (ms_document_get_year (document), ==, g_date_time_get_year (now));
  g_assert_true (has_warning_containing (report, "no year found"));
  g_assert_true (has_warning_containing (report, "no title found"));
}


/* Layouts other cities publish */

static void
assert_numbers (MsDocument *document,
                const guint *numbers,
                guint        n_numbers)
{
  g_autoptr(GPtrArray) projects = all_projects (document);

  g_assert_cmpuint (projects->len, ==, n_numbers);
  for (guint i = 0; i < n_numbers; i++)
    g_assert_cmpuint (ms_project_get_number (g_ptr_array_index (projects, i)), ==, numbers[i]);
}

static void
test_inline_items (void)
{
  static const char text[] =
    "青石县2025年民生实事\n"
    "会议确定今年办好8件民生实事，分别是：（1）新建城东公园1个。 （2）改造老旧小区12个，"
    "涉及2、3号楼。 (3)新增停车位600个以上。 (4)为3000名老人免费体检。\n";
  static const guint numbers[] = { 1, 2, 3, 4 };
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (text, &report);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  assert_numbers (document, numbers, G_N_ELEMENTS (numbers));
  /* "2、3号楼" inside an item is not a list: no space or stop before it. */
  project = g_ptr_array_index (projects, 1);
  g_assert_nonnull (strstr (ms_project_get_target (project), "涉及2、3号楼"));
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 2), 600, "个"));
  g_assert_nonnull (strstr (ms_document_get_intro (document), "分别是"));
  g_assert_nonnull (strstr (ms_notice_report_find_item (report, project)->basis, "（2）"));
}

static void
test_whole_notice_on_one_line (void)
{
  static const char text[] =
    "青石县人民政府关于2025年重点民生任务分工的通知 现将任务分工如下。 一、办好教育民生 （一）扩大学位供给。 "
    "1.新建小学2所。（县教育局牵头，县财政局配合） 2.改扩建幼儿园5所。（县教育局、县住建局按职责分工负责） "
    "二、改善出行条件 3.新建公交站台40个。（县交通局负责）\n";
  static const guint numbers[] = { 1, 2, 3 };
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsCategory *category;

  assert_numbers (document, numbers, G_N_ELEMENTS (numbers));
  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  category = ms_document_get_category (document, 0);
  g_assert_cmpstr (ms_category_get_title (category), ==, "办好教育民生");
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (category, 0)), ==, "扩大学位供给。");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 0))[0], ==, "县教育局");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 1))[1], ==, "县住建局");
  g_assert_cmpint (ms_document_get_year (document), ==, 2025);
}

static void
test_bare_numerals_and_bullets (void)
{
  static const char bare[] =
    "2024年青石县十件民生实事\n"
    "按得票多少，确定以下项目：\n"
    "1 新建口袋公园15个；\n"
    "2 实施老旧管网改造30公里；\n"
    "3 建设社区食堂8处。\n"
    "记者 王某\n";
  static const char bullets[] =
    "一季度青石县民生实事进展\n"
    "2024-04-12\n"
    "今年一季度，各项民生实事进展顺利。\n"
    "●推进老旧小区改造方面：完成改造1200户，完成年度目标任务的30%。\n"
    "●扩大就业方面：新增城镇就业5600人。\n"
    "●建设社区食堂方面：已开工3处。\n";
  static const guint three[] = { 1, 2, 3 };
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (bare, NULL);
  g_autoptr(GPtrArray) projects = NULL;
  MsProject *project;

  assert_numbers (document, three, G_N_ELEMENTS (three));
  projects = all_projects (document);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 1), 30, "公里"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* A lone "1 …" is no list: "3 月" below is text. */
  document = import_text ("青石县民生实事\n1.新建公园3个。\n3 月底前完成。\n", NULL);
  projects = all_projects (document);
  g_assert_cmpuint (projects->len, ==, 1);
  g_assert_nonnull (strstr (ms_project_get_target (g_ptr_array_index (projects, 0)), "3 月底前完成"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* Circled numbers, folded one character for one. */
  document = import_text ("青石县2024年民生实事\n①新建公园3个。\n②改造管网20公里。\n⑶新增车位500个。\n", NULL);
  projects = all_projects (document);
  g_assert_cmpuint (projects->len, ==, 3);
  g_assert_cmpuint (ms_project_get_number (g_ptr_array_index (projects, 2)), ==, 3);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 1), 20, "公里"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  document = import_text (bullets, &report);
  assert_numbers (document, three, G_N_ELEMENTS (three));
  projects = all_projects (document);
  project = g_ptr_array_index (projects, 0);
  /* What is pledged before the colon, what was done after it. */
  g_assert_cmpstr (ms_project_get_target (project), ==, "推进老旧小区改造");
  g_assert_nonnull (strstr (ms_project_get_completion (project), "完成改造1200户"));
  g_assert_nonnull (strstr (ms_notice_report_find_item (report, project)->basis, "●"));
  g_assert_cmpuint (report->date, ==, ms_date_from_ymd (2024, 4, 12));
}

static void
test_unnumbered_paragraphs (void)
{
  static const char text[] =
    "青石县2023年民生实事上半年进展\n"
    "今年的民生实事总投资12亿元，上半年进展顺利。主要进度如下：\n"
    "新建农村公路300公里。上半年已建成120公里，占年度任务的40%。\n"
    "改造农村危房800户。上半年已改造800户，提前完成全年任务。\n"
    "新增养老床位500张。目前正在推进，已完成选址。\n";
  static const guint numbers[] = { 1, 2, 3 };
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsIndicator *indicator;

  assert_numbers (document, numbers, G_N_ELEMENTS (numbers));
  indicator = find_indicator (g_ptr_array_index (projects, 1), 800, "户");
  g_assert_nonnull (indicator);
  g_assert_true (ms_indicator_get_has_actual (indicator));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 800);
  g_assert_cmpstr (ms_project_get_target (g_ptr_array_index (projects, 2)), ==, "新增养老床位500张。");
}

static void
test_headings_as_items (void)
{
  static const char text[] =
    "青石县人民政府关于2025年民生实事的通知\n"
    "一、纳入管理的民生实事\n"
    "（一）新建城市书房10个。\n"
    "（二）改造农村公路200公里。\n"
    "（三）新增公办学位3000个。\n"
    "二、工作要求\n";
  static const guint numbers[] = { 1, 2, 3 };
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);

  assert_numbers (document, numbers, G_N_ELEMENTS (numbers));
  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 1), 200, "公里"));
}

static void
test_traditional (void)
{
  static const char text[] =
    "青石縣2025年民生實事項目\n"
    "一、納入管理的民生實事\n"
    "1.新建城市書房10個，改造農村公路1.5萬公裏。\n"
    "責任單位：縣交通運輸局\n"
    "完成情況：已改造農村公路1.6萬公裏。\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;
  MsIndicator *indicator;

  g_assert_cmpuint (projects->len, ==, 1);
  project = g_ptr_array_index (projects, 0);
  /* Labels found in 繁体; the texts kept as written. */
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "縣交通運輸局");
  g_assert_cmpstr (ms_project_get_target (project), ==, "新建城市書房10個，改造農村公路1.5萬公裏。");
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (document, 0)), ==, "納入管理的民生實事");
  /* Units known in 简体. */
  indicator = find_indicator (project, 1.5, "万公里");
  g_assert_nonnull (indicator);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 1.6);
  g_assert_nonnull (find_indicator (project, 10, "个"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* The same notice in Big5 bytes: not read as GBK gibberish. */
  {
    gsize written = 0;
    g_autofree char *big5 = g_convert (text, -1, "BIG5", "UTF-8", NULL, &written, NULL);
    g_autoptr(MsNoticeReport) report = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_nonnull (big5);
    document = ms_notice_import (big5, written, &report, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (report->encoding, ==, "Big5");
    projects = all_projects (document);
    g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 0))[0], ==, "縣交通運輸局");
  }
}


/* Tables as texts carry them */

static MsProject *
project_numbered (MsDocument *document,
                  guint       number)
{
  g_autoptr(GPtrArray) projects = all_projects (document);

  for (guint i = 0; i < projects->len; i++)
    if (ms_project_get_number (g_ptr_array_index (projects, i)) == number)
      return g_ptr_array_index (projects, i);

  g_error ("no project %u", number);
}

static void
test_table_cell_per_line (void)
{
  static const char text[] =
    "青石县2024年1-9月民生工程进度表\n"
    "\n类别\n\n名称\n\n序号\n\n项目内容\n\n目标任务\n\n县级牵头\n\n责任单位\n\n完成数\n\n完成率(%)\n\n备注\n\n"
    "教育提升工程\n\n1\n\n改善办学条件\n\n新建学校(所)\n\n4\n\n县教育\n\n体育局\n\n3\n\n75\n\n加快推进\n\n"
    "2\n\n新增学位(个)\n\n2000\n\n2400\n\n120\n\n超额完成\n\n"
    "3*\n\n资助困难学生\n\n资助人数(人)\n\n1500\n\n县教育体育局、\n\n团县委\n\n1500\n\n100\n\n已完成\n\n"
    "健康服务工程\n\n4\n\n家庭医生签约\n\n签约率(%)\n\n60\n\n县卫健局\n\n52\n\n86.7\n\n序时推进\n\n"
    "分享到：\n";
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (text, &report);
  MsCategory *category = ms_document_get_category (document, 0);
  MsProject *project;

  /* The 类别 column makes the groups. */
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (category)), ==, 2);
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (category, 0)), ==, "教育提升工程");
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (category, 1)), ==, "健康服务工程");
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (ms_category_get_group (category, 0))), ==, 3);

  project = project_numbered (document, 1);
  /* A name broken over two lines is one department. */
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县教育体育局");
  assert_pair (project, 4, "所", 3);
  g_assert_nonnull (strstr (ms_notice_report_find_item (report, project)->basis, "one cell per line"));

  /* The row under a spanning department inherits it. */
  project = project_numbered (document, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县教育体育局");
  assert_pair (project, 2000, "个", 2400);

  project = project_numbered (document, 3);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县教育体育局");
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "团县委");
  assert_pair (project, 1500, "人", 1500);

  project = project_numbered (document, 4);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县卫健局");
  assert_pair (project, 60, "%", 52);
  g_assert_nonnull (strstr (ms_project_get_note (project), "86.7"));
}

static void
test_table_separated_rows (void)
{
  static const char pipes[] =
    "青石县2024年省民生实事二季度进展情况\n"
    "序号 | 工作任务 | 责任单位 | 二季度目标 | 进展情况 | 目标完成情况 |\n"
    "1 | 新建城市书房3个 | 县文广局 | 完成选址 | 已建成2个，第三个完成装修50%。 | 顺利推进 |\n"
    "新增阅览座位500个 | |||||\n"
    "2 | 改造农村公路80公里 | 县交通局 | 完成40公里 | 已完成45公里。 | 超序时 |\n";
  static const char tabs[] =
    "青石县2024年民生实事完成情况\n"
    "序号\t项目名称\t责任单位\t目标任务\t完成情况\t完成率\n"
    "1\t城区新增停车位\t县住建局\t1200个\t1350\t112.5%\n"
    "2\t农村饮水提升\t县水利局\t30000人\t28000\t93.3%\n";
  static const char spaces[] =
    "青石县2024年1-6月重点民生实事完成情况表\n"
    "序号 项目名称 责任单位 目标任务 1- 6月完成情况 完成率% 备注\n"
    "1 新增城镇就业 县人社局 5000人 2600 52%\n"
    "2 社会保障提标 落实养老金发放9000人 县人社局 9000人 9100 101%\n"
    "落实医疗救助资金2000万元 县医保局 2000万 1500 75%\n"
    "开展送戏下乡120场\n"
    "3 残疾儿童康复 残联 60人 60 100% 已完成\n";
  g_autoptr(MsDocument) document = import_text (pipes, NULL);
  MsProject *project = project_numbered (document, 1);

  /* The row continuing project 1 under its spanned number adds a target. */
  g_assert_nonnull (strstr (ms_project_get_target (project), "新增阅览座位500个"));
  g_assert_nonnull (find_indicator (project, 3, "个"));
  g_assert_nonnull (find_indicator (project, 500, "个"));
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县文广局");
  assert_pair (project_numbered (document, 2), 80, "公里", 45);
  g_clear_object (&document);

  document = import_text (tabs, NULL);
  project = project_numbered (document, 1);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县住建局");
  assert_pair (project, 1200, "个", 1350);
  assert_pair (project_numbered (document, 2), 30000, "人", 28000);
  g_clear_object (&document);

  document = import_text (spaces, NULL);
  assert_pair (project_numbered (document, 1), 5000, "人", 2600);
  project = project_numbered (document, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县人社局");
  assert_pair (project, 9000, "人", 9100);
  /* A bare figure under "2000万" counts in 万. */
  assert_pair (project, 2000, "万", 1500);
  g_assert_nonnull (find_indicator (project, 120, "场"));
  g_assert_cmpstr (ms_project_get_departments (project_numbered (document, 3))[0], ==, "残联");
}

static void
test_table_spans_and_metadata (void)
{
  static const char * const header[] = { "序号", "项目", "目标任务", "责任单位", "进展情况" };
  g_autoptr(MsNoticeBlocks) blocks = ms_notice_blocks_new ("html");
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsNoticeReport) report = NULL;
  MsNoticeBlock *table;
  GPtrArray *row;
  MsProject *project;

  ms_notice_blocks_add_paragraph (blocks, 1, "青石县2024年民生实事进展");
  table = ms_notice_blocks_add_table (blocks, 2, "<table>");
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 2, "索引号:", 1, 1);
  ms_notice_row_add_cell (row, 2, "11-22/2024", 1, 1);
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 3, "发布日期:", 1, 1);
  ms_notice_row_add_cell (row, 3, "2024-07-05", 1, 1);

  table = ms_notice_blocks_add_table (blocks, 10, "<table>");
  row = ms_notice_block_add_row (table);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ms_notice_row_add_cell (row, 10, header[i], 1, 1);
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 11, "1", 1, 1);
  ms_notice_row_add_cell (row, 11, "新建公园", 1, 1);
  ms_notice_row_add_cell (row, 11, "新建公园3个", 1, 1);
  /* One department for two rows. */
  ms_notice_row_add_cell (row, 11, "县住建局", 2, 1);
  ms_notice_row_add_cell (row, 11, "已建成2个", 1, 1);
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 12, "2", 1, 1);
  ms_notice_row_add_cell (row, 12, "改造管网", 1, 1);
  ms_notice_row_add_cell (row, 12, "改造管网20公里", 1, 1);
  ms_notice_row_add_cell (row, 12, "已完成12公里", 1, 1);

  /* A note across the table's foot is no group. */
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 13, "注：完成率为完成数除以年度目标。", 1, 5);

  document = ms_notice_interpret (blocks, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (ms_document_get_category (document, 0))), ==, 1);
  g_assert_nonnull (strstr (ms_document_get_note (document), "注：完成率"));
  project = project_numbered (document, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县住建局");
  assert_pair (project, 20, "公里", 12);
  assert_pair (project_numbered (document, 1), 3, "个", 2);
  /* Page metadata is chrome, and gives the notice's date. */
  g_assert_true (remarks_contain (report->dropped, 2, "11-22/2024"));
  g_assert_cmpuint (report->date, ==, ms_date_from_ymd (2024, 7, 5));

  /* A progress notice of the year: its figures are progress of its date. */
  g_assert_cmpuint (ms_document_get_as_of (document), ==, ms_date_from_ymd (2024, 7, 5));
  {
    MsIndicator *indicator = find_indicator (project, 20, "公里");
    MsTimeline *progress = ms_indicator_get_progress (indicator);

    g_assert_nonnull (progress);
    g_assert_cmpuint (ms_timeline_get_n_entries (progress), ==, 1);
    g_assert_cmpuint (ms_timeline_get_entry (progress, 0)->date, ==, ms_date_from_ymd (2024, 7, 5));
    g_assert_cmpfloat (ms_timeline_get_entry (progress, 0)->value, ==, 12);
  }
}


static void
test_ordinal_items_and_parts (void)
{
  static const char items[] =
    "青石县2025年民生实事安排\n"
    "今年重点办好以下实事：一是新建城市书房6个；二是改造老旧小区15个；三是新增托育位400个。\n";
  static const char parts[] =
    "青石县2024年民生实事完成情况\n"
    "1.改造老旧小区15个。\n"
    "完成情况：一是完成改造16个；二是加装电梯30部。 (1)东区8个；(2)西区8个。\n"
    "2.新增托育位400个。\n"
    "完成情况：已新增420个。\n";
  static const guint three[] = { 1, 2, 3 };
  static const guint two[] = { 1, 2 };
  g_autoptr(MsDocument) document = import_text (items, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  assert_numbers (document, three, G_N_ELEMENTS (three));
  g_assert_cmpstr (ms_project_get_target (g_ptr_array_index (projects, 1)), ==, "改造老旧小区15个；");
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 2), 400, "个"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* Within a project, 一是 and (1) list its parts. */
  document = import_text (parts, NULL);
  assert_numbers (document, two, G_N_ELEMENTS (two));
  projects = all_projects (document);
  project = g_ptr_array_index (projects, 0);
  g_assert_nonnull (strstr (ms_project_get_completion (project), "二是加装电梯30部"));
  g_assert_nonnull (strstr (ms_project_get_completion (project), "(2)西区8个"));
  assert_pair (project, 15, "个", 16);
}


static const char *
indicator_name_for (MsProject *project,
                    double     target)
{
  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);

      if (ms_indicator_get_target (indicator) == target)
        return ms_indicator_get_name (indicator);
    }

  g_error ("no indicator with target %g", target);
}

static void
test_indicator_names_and_totals (void)
{
  static const char text[] =
    "青石县2024年民生实事上半年进展\n"
    "1.新建改造公共厕所80座（其中城区公厕30座）。\n"
    "2.开展社区养老护理员技能提升培训，全年培训1200人以上。\n"
    "3.建设615个村（社区）公共文化场地WIFI设施，实现全覆盖。\n"
    "4.新增农村公路通达300个自然村。\n"
    "完成情况：上半年新增通达90个自然村，累计新增通达240个自然村。\n"
    "5.解决饮水困难人口3000人。\n"
    "完成情况：本季度新解决饮水困难人口200人，累计解决饮水困难人口2585人覆盖山区。\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsIndicator *indicator;

  /* Never a name ending in a bracket it does not close, or in half a word. */
  g_assert_cmpstr (indicator_name_for (g_ptr_array_index (projects, 0), 80), ==, "新建改造公共厕所");
  g_assert_cmpstr (indicator_name_for (g_ptr_array_index (projects, 0), 30), ==, "城区公厕");
  /* "全年培训" says only the verb: the clause before it says what. */
  g_assert_cmpstr (indicator_name_for (g_ptr_array_index (projects, 1), 1200), ==, "开展社区养老护理员技能提升培训");
  g_assert_null (strstr (indicator_name_for (g_ptr_array_index (projects, 2), 615), "WIF"));
  g_assert_nonnull (strstr (indicator_name_for (g_ptr_array_index (projects, 2), 615), "公共文化场地"));
  /* The running total is reported, not the period's part nor their sum. */
  indicator = find_indicator (g_ptr_array_index (projects, 3), 300, "个");
  g_assert_nonnull (indicator);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 240);
  /* Words after the total do not hide its 累计. */
  assert_pair (g_ptr_array_index (projects, 4), 3000, "人", 2585);
}


/* Damaged and outsized texts end in a document or a clear error. */

static void
import_any (const char *text,
            gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = ms_notice_import (text, length, &report, &error);

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
  else
    g_assert_no_error (error);
}

static char *
tables_sample (void)
{
  return g_strconcat ("青石县2024年民生实事进展\n"
                      "序号 | 工作任务 | 责任单位 | 进展情况 |\n"
                      "1 | 新建城市书房3个 | 县文广局 | 已建成2个 |\n"
                      "新增阅览座位500个 | | |\n"
                      "序号\t项目名称\t责任单位\t目标任务\t完成情况\n"
                      "2\t农村饮水提升\t县水利局\t30000人\t28000\n",
                      "\n类别\n\n序号\n\n项目内容\n\n目标任务\n\n责任单位\n\n完成数\n\n"
                      "民生工程\n\n3\n\n新建学校(所)\n\n4\n\n县教育\n\n体育局\n\n3\n\n",
                      "序号 项目名称 责任单位 目标任务 完成情况 完成率%\n"
                      "4 新增城镇就业 县人社局 5000人 2600 52%\n"
                      "开展送戏下乡120场\n"
                      "分别是：（1）新建公园1个。 （2）改造小区12个。一是新建；二是改造。\n"
                      "●扩大就业方面：新增城镇就业5600人。\n", NULL);
}

static void
test_damaged_and_huge_texts (void)
{
  g_autofree char *sample = tables_sample ();
  gsize length = strlen (sample);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261130);
  static const char noise[] = "|\t\n 1.、（）(一)●序号责任单位%万";
  g_autoptr(GString) huge = g_string_new ("青石县2024年民生实事\n序号 | 项目名称 | 责任单位 | 目标任务 | 完成情况 |\n");

  /* Every cut: a table broken off anywhere, even inside a character. */
  for (gsize cut = 0; cut <= length; cut += 7)
    import_any (sample, cut);

  /* Bytes flipped and separators thrown in. */
  for (guint round = 0; round < 100; round++)
    {
      g_autofree char *damaged = g_strdup (sample);

      for (guint n = 0; n < 8; n++)
        {
          gsize at = g_rand_int_range (rand, 0, (gint32)length);

          damaged[at] = g_rand_boolean (rand) ? (char)g_rand_int_range (rand, 1, 256)
                                              : noise[g_rand_int_range (rand, 0, sizeof noise - 1)];
        }
      import_any (damaged, length);
    }

  /* A long table, a line of nothing but separators, a run of markers
   * (sized for the sanitizer run; bench-import measures speed). */
  for (guint i = 1; i <= 4000; i++)
    g_string_append_printf (huge, "%u | 新建公园%u号 | 县住建局 | %u个 | %u |\n", i, i, i % 97 + 1, i % 50);
  for (guint i = 0; i < 50000; i++)
    g_string_append (huge, "|\t");
  g_string_append_c (huge, '\n');
  for (guint i = 1; i <= 1000; i++)
    g_string_append_printf (huge, " (%u)新建%u个。", i, i);
  g_string_append_c (huge, '\n');
  /* Thousands of header words and no rows: no table, tried in bounded time. */
  for (guint i = 0; i < 3000; i++)
    g_string_append (huge, i % 2 ? "序号\n" : "责任\n单位\n");
  g_assert_cmpuint (huge->len, <, MS_NOTICE_MAX_SIZE);
  import_any (huge->str, huge->len);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(MsDocument) document = ms_notice_import (huge->str, huge->len, NULL, &error);
    g_autoptr(GPtrArray) projects = all_projects (document);

    g_assert_no_error (error);
    g_assert_cmpuint (projects->len, >=, 4000);
  }
}


static void
test_attached_table_fills_in (void)
{
  static const char text[] =
    "青石县2024年民生实事\n"
    "1.新建公园3个。\n"
    "2.改造管网20公里。\n"
    "附件：任务分解表\n"
    "序号 | 项目 | 责任单位 | 完成情况 |\n"
    "1 | 新建公园 | 县住建局 | 已建成2个 |\n"
    "2 | 改造管网 | 县水务局、县住建局 | 已完成12公里 |\n";
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (text, &report);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  g_assert_cmpuint (projects->len, ==, 2);
  g_assert_cmpuint (report->n_projects, ==, 2);
  project = g_ptr_array_index (projects, 1);
  /* The paragraph's pledge stays; the table adds who and how far. */
  g_assert_cmpstr (ms_project_get_target (project), ==, "改造管网20公里。");
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县水务局");
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "县住建局");
  g_assert_cmpstr (ms_project_get_completion (project), ==, "已完成12公里");
  assert_pair (project, 20, "公里", 12);
  assert_pair (g_ptr_array_index (projects, 0), 3, "个", 2);
}


static void
test_more_labels_and_markers (void)
{
  static const char brackets[] =
    "青石县2025年民生实事项目\n"
    "1.新建农村公路60公里。（县交通局）\n"
    "2.新建幼儿园3所。（县教育局、县住建局）\n"
    "3.改造危桥5座。（县交通局负责）\n"
    "4.新增停车位800个。（牵头：县城管局）\n"
    "5.新建公厕20座。【责任单位：县城管局】\n"
    "6.新建口袋公园4个。责任单位：县住建局\n"
    "下一步，县政府将加强调度，确保按期完成。\n"
    "第一项：实施学校扩容。新增学位900个。\n"
    "第二项：畅通农村出行。新改建农村公路30公里。\n";
  static const char columns[] =
    "青石县2024年1-9月民生实事进展\n"
    "序号\t项目内容\t年度目标\t责任单位\t1-9月完成\t完成率\n"
    "1\t新建农村公路\t140公里\t县交通局\t102\t72.9%\n"
    "2\t新增城镇就业\t5000人\t县人社局\t4100\t82%\n";
  g_autoptr(MsDocument) document = import_text (brackets, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  const char * const *departments;

  departments = ms_project_get_departments (g_ptr_array_index (projects, 0));
  g_assert_cmpstr (departments[0], ==, "县交通局");
  g_assert_cmpstr (ms_project_get_target (g_ptr_array_index (projects, 0)), ==, "新建农村公路60公里。");
  departments = ms_project_get_departments (g_ptr_array_index (projects, 1));
  g_assert_cmpstr (departments[1], ==, "县住建局");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 2))[0], ==, "县交通局");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 3))[0], ==, "县城管局");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 4))[0], ==, "县城管局");
  g_assert_null (strstr (ms_project_get_target (g_ptr_array_index (projects, 4)), "【"));
  /* The sentence after the department is not a department. */
  departments = ms_project_get_departments (g_ptr_array_index (projects, 5));
  g_assert_cmpstr (departments[0], ==, "县住建局");
  g_assert_null (departments[1]);
  g_assert_nonnull (strstr (ms_project_get_target (g_ptr_array_index (projects, 5)), "加强调度"));
  /* 第一项, 第二项 number items after 1.–6. */
  g_assert_cmpuint (projects->len, ==, 8);
  g_assert_cmpuint (ms_project_get_number (g_ptr_array_index (projects, 7)), ==, 2);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 6), 900, "个"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* "1-9月完成" is the column of what was done. */
  document = import_text (columns, NULL);
  projects = all_projects (document);
  assert_pair (g_ptr_array_index (projects, 0), 140, "公里", 102);
  assert_pair (g_ptr_array_index (projects, 1), 5000, "人", 4100);
}

static void
test_running_heads (void)
{
  static const char text[] =
    "青石县2024年民生实事完成情况\n"
    "1.新建农村公路60公里。\n"
    "青政办〔2024〕8号\n"
    "·1·\n"
    "责任单位：县交通局\n"
    "2.新建幼儿园3所。\n"
    "青政办〔2024〕8号\n"
    "- 2 -\n"
    "责任单位：县教育局\n";
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) document = import_text (text, &report);
  g_autoptr(GPtrArray) projects = all_projects (document);

  g_assert_cmpuint (projects->len, ==, 2);
  g_assert_null (strstr (ms_project_get_target (g_ptr_array_index (projects, 0)), "8号"));
  g_assert_true (remarks_contain (report->dropped, 3, "青政办"));
  g_assert_true (remarks_contain (report->dropped, 4, "1"));
}


static void
test_table_shapes_without_number (void)
{
  static const char broken[] =
    "青石县2024年民生实事进展\n"
    "序号 | 项目 | 目标任务 | 责任单位 | 进展情况 |\n"
    "1 | 公交改造 | 开通线路8条 | 县交通局 | 已开通5条 |\n"
    "2 | 城乡公交 | 新增公交站台60个 | 县交通局 | 已建成40个，其余\n"
    "待验收 |\n"
    "3 | 全民健身 | 新建步道30公里 | 县体育中心 | 建成18.6公里 |\n";
  static const char unnumbered[] =
    "青石县2024年民生实事\n"
    "项目名称 | 主要内容 | 责任单位 |\n"
    "幸福食堂建设 | 新建社区幸福食堂12家 | 县民政局 |\n"
    "口袋公园建设 | 新建口袋公园15个 | 县城管局 |\n";
  static const char units[] =
    "青石县2024年民生实事完成情况\n"
    "序号\t项目名称\t单位\t年度目标\t实际完成\t责任单位\n"
    "1\t新增城镇就业\t万人\t1.2\t1.31\t县人社局\n"
    "2\t新建农村公路\t公里\t80\t86.5\t县交通局\n";
  g_autoptr(MsDocument) document = import_text (broken, NULL);
  MsProject *project;

  /* The broken cell joins its row; the rows after it are still the table's. */
  project = project_numbered (document, 2);
  g_assert_nonnull (strstr (ms_project_get_completion (project), "其余待验收"));
  project = project_numbered (document, 3);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县体育中心");
  g_clear_object (&document);

  /* Without 序号, each row naming a project is the next. */
  document = import_text (unnumbered, NULL);
  project = project_numbered (document, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县城管局");
  g_assert_nonnull (find_indicator (project, 15, "个"));
  g_clear_object (&document);

  /* Cells pasted from a spreadsheet with their line breaks, quoted; one
   * row holding two numbered rows. */
  document = import_text ("青石县2024年民生实事\n"
                          "序号\t项目名称\t主要内容\t责任单位\n"
                          "1\t农贸市场提升\t改造提升农贸市场1个\t镇市场监管所\n"
                          "\"2\n3\"\t\"公厕建设\n背街小巷改造\"\t\"新建改建公厕12座\n改造背街小巷9条\"\t\"镇城建办\n镇城建办、各村\"\n"
                          "4\t敬老服务\t建成村级居家养老点6个\t镇社会事务办\n", NULL);
  g_assert_cmpstr (ms_project_get_departments (project_numbered (document, 1))[0], ==, "镇市场监管所");
  g_assert_nonnull (find_indicator (project_numbered (document, 2), 12, "座"));
  project = project_numbered (document, 3);
  g_assert_nonnull (find_indicator (project, 9, "条"));
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "各村");
  g_assert_cmpstr (ms_project_get_departments (project_numbered (document, 4))[0], ==, "镇社会事务办");
  g_clear_object (&document);

  /* The 单位 column is the figures' unit. */
  document = import_text (units, NULL);
  assert_pair (project_numbered (document, 1), 1.2, "万人", 1.31);
  assert_pair (project_numbered (document, 2), 80, "公里", 86.5);
}

static void
test_table_number_over_two_rows (void)
{
  static const char * const header[] = { "序号", "项目", "目标任务", "责任单位", "完成情况" };
  g_autoptr(MsNoticeBlocks) blocks = ms_notice_blocks_new ("html");
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MsNoticeBlock *table;
  GPtrArray *row;
  g_autoptr(GPtrArray) projects = NULL;

  ms_notice_blocks_add_paragraph (blocks, 1, "青石县2024年民生实事");
  table = ms_notice_blocks_add_table (blocks, 2, "<table>");
  row = ms_notice_block_add_row (table);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    ms_notice_row_add_cell (row, 2, header[i], 1, 1);
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 3, "1", 2, 1);
  ms_notice_row_add_cell (row, 3, "公园建设", 2, 1);
  ms_notice_row_add_cell (row, 3, "新建公园3个", 1, 1);
  ms_notice_row_add_cell (row, 3, "县住建局", 2, 1);
  ms_notice_row_add_cell (row, 3, "已建成2个", 1, 1);
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 4, "新增绿地20公顷", 1, 1);
  ms_notice_row_add_cell (row, 4, "已新增12公顷", 1, 1);

  document = ms_notice_interpret (blocks, NULL, &error);
  g_assert_no_error (error);
  projects = all_projects (document);
  /* One project, two indicators: the number spans both rows. */
  g_assert_cmpuint (projects->len, ==, 1);
  assert_pair (g_ptr_array_index (projects, 0), 3, "个", 2);
  assert_pair (g_ptr_array_index (projects, 0), 20, "公顷", 12);
}


static void
test_plan_and_report_in_one_sentence (void)
{
  static const char year_end[] =
    "青石县2024年民生实事完成情况\n"
    "1.计划新建改造农村供水工程30处，实际完成33处，完成率110%；计划新增供水人口8万人，实际惠及8.4万人。（县水利局）\n"
    "2.新建农村公路65公里。截至8月底，完成年度任务的72%。责任单位：县交通局\n";
  static const char lights[] =
    "青石县2024年民生实事三季度推进情况\n"
    "1.新建农村供水管网60公里。【绿灯·进展顺利】完成管网铺设48公里。责任单位：县水利局\n"
    "2.建设村级幸福院15个。【红灯·进展滞后】受选址影响，仅建成6个。责任单位：县民政局\n";
  static const char one_line[] =
    "青石县2025年民生实事\n"
    "今年县政府将办好4件民生实事：新建农村公路50公里；新增公办幼儿园学位600个；改造老旧小区8个；新建社区食堂12家。\n";
  g_autoptr(MsDocument) document = import_text (year_end, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project = g_ptr_array_index (projects, 0);
  static const guint four[] = { 1, 2, 3, 4 };

  assert_pair (project, 30, "处", 33);
  assert_pair (project, 8, "万人", 8.4);
  /* A rate is neither a target nor a figure. */
  g_assert_null (find_indicator (project, 110, "%"));
  g_assert_cmpuint (ms_project_get_n_indicators (project), ==, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县水利局");
  g_assert_nonnull (strstr (ms_project_get_completion (project), "实际惠及8.4万人"));
  /* Progress in percent only: no figure, and no target of 72%. */
  project = g_ptr_array_index (projects, 1);
  assert_pair (project, 65, "公里", -1);
  g_assert_null (find_indicator (project, 72, "%"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* A traffic-light tag starts the report; 滞后 says the project is late. */
  document = import_text (lights, NULL);
  projects = all_projects (document);
  assert_pair (g_ptr_array_index (projects, 0), 60, "公里", 48);
  assert_pair (g_ptr_array_index (projects, 1), 15, "个", 6);
  g_assert_cmpint (ms_project_get_status (g_ptr_array_index (projects, 1)), ==, MS_STATUS_DELAYED);
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 1))[0], ==, "县民政局");
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  document = import_text (one_line, NULL);
  assert_numbers (document, four, G_N_ELEMENTS (four));
  projects = all_projects (document);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 3), 12, "家"));
}


static void
test_levels_and_order (void)
{
  static const char three_levels[] =
    "青石县2025年民生实事项目实施方案\n"
    "一、教育类\n"
    "（一）学前教育\n"
    "1.学前教育扩容工程\n"
    "（1）新建公办幼儿园2所；\n"
    "（2）新增普惠性学位720个。\n"
    "责任单位：县教育局\n"
    "2.学校改薄工程\n"
    "（1）改造学校食堂9个。\n"
    "二、保障措施\n"
    "（一）加强组织领导。县政府成立推进工作领导小组，由县长任组长。\n";
  static const char sections_as_items[] =
    "青石县人民政府关于2025年民生实事的通知\n"
    "一、实施城乡学校扩容工程。新建小学1所，新增学位1620个。责任单位：县教育局\n"
    "二、实施农村饮水提质工程。新建改造供水管网64公里。责任单位：县水利局\n"
    "三、实施养老服务提升工程。新增养老床位300张。责任单位：县民政局\n";
  static const char department_first[] =
    "青石县2025年民生实事\n"
    "1．县教育局：新建城东学校1所，新增学位2160个。\n"
    "2．县住建局（牵头）、县城管局：改造老旧燃气管网26公里。\n";
  static const char wrapped_header[] =
    "青石县2024年民生实事1-9月完成情况\n"
    "序\n号\n项目\n名称\n年度目标\n任务\n截至9月底\n完成\n情况\n责任\n单位\n"
    "1\n城区排水防涝\n改造雨污管网18公里\n完成改造15.6公里\n县住建局\n"
    "2\n普惠托育\n新增普惠托位420个\n新增托位388个\n县卫健局\n";
  static const guint two[] = { 1, 2 };
  static const guint three[] = { 1, 2, 3 };
  g_autoptr(MsDocument) document = import_text (three_levels, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);
  MsProject *project;

  /* （1）（2） under 1. are its parts; （一） before a paragraph is no group. */
  assert_numbers (document, two, G_N_ELEMENTS (two));
  project = g_ptr_array_index (projects, 0);
  g_assert_nonnull (find_indicator (project, 720, "个"));
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县教育局");
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (ms_document_get_category (document, 1))), ==, 0);
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  document = import_text (sections_as_items, NULL);
  assert_numbers (document, three, G_N_ELEMENTS (three));
  projects = all_projects (document);
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 1))[0], ==, "县水利局");
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 2), 300, "张"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  document = import_text (department_first, NULL);
  projects = all_projects (document);
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 0))[0], ==, "县教育局");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 1))[0], ==, "县住建局");
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 1))[1], ==, "县城管局");
  g_assert_null (strstr (ms_project_get_target (g_ptr_array_index (projects, 0)), "县教育局"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  document = import_text (wrapped_header, NULL);
  assert_pair (project_numbered (document, 1), 18, "公里", 15.6);
  g_assert_cmpstr (ms_project_get_departments (project_numbered (document, 2))[0], ==, "县卫健局");
}


static void
test_parts_after_the_items (void)
{
  static const char text[] =
    "青石县2025年民生实事\n"
    "一、市级\n"
    "1.新增停车泊位4000个。（责任单位：县城管局）\n"
    "2.新建口袋公园20个。（责任单位：县园林局）\n"
    "二、省级\n"
    "序号\t项目\t年度目标\t责任单位\n"
    "1\t农村公路\t新改建农村公路320公里\t县交通局\n"
    "2\t饮水安全\t改造供水管网60公里\t县水利局\n"
    "三、工作要求\n"
    "1.各责任单位要细化实施方案，每月5日前报送进展。\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  MsCategory *category;
  MsProject *project;

  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 3);
  /* The table under 二、 starts its own projects. */
  category = ms_document_get_category (document, 1);
  project = ms_group_get_project (ms_category_get_group (category, 0), 1);
  g_assert_cmpuint (ms_project_get_number (project), ==, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "县水利局");
  g_assert_nonnull (find_indicator (project, 60, "公里"));
  /* 工作要求 pledges nothing. */
  category = ms_document_get_category (document, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (category)), ==, 0);
}


static void
test_vote_and_report_lists (void)
{
  static const char vote[] =
    "青石县第十届人民代表大会第三次会议票决民生实事项目的公告\n"
    "1.新建城东学校1所。得票160票，当选。\n"
    "2.改造地下停车场1处。得票70票，未当选。\n"
    "3.新增公交线路5条。得票150票，当选。\n";
  static const char report[] =
    "青石县2025年政府工作报告（摘编）\n"
    "过去一年主要做了以下工作：\n"
    "1．经济运行稳中有进。地区生产总值达到218亿元。\n"
    "2．项目建设提速增效。实施重点项目41个。\n"
    "市政府拟定了2025年三件民生实事，提请大会票决：\n"
    "1．新建公办幼儿园6所。\n"
    "2．新增停车泊位500个。\n"
    "3．新建口袋公园25个。\n"
    "注：1.数据为快报数；\n"
    "2.停车泊位含路内泊位。\n";
  static const guint elected[] = { 1, 3 };
  static const guint three[] = { 1, 2, 3 };
  g_autoptr(MsNoticeReport) notice_report = NULL;
  g_autoptr(MsDocument) document = import_text (vote, &notice_report);
  g_autoptr(GPtrArray) projects = NULL;

  assert_numbers (document, elected, G_N_ELEMENTS (elected));
  g_assert_true (has_warning_containing (notice_report, "not elected"));
  g_clear_object (&document);

  /* The run the 民生实事 lead-in introduces; a note's numbers are the note's. */
  document = import_text (report, NULL);
  assert_numbers (document, three, G_N_ELEMENTS (three));
  projects = all_projects (document);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 0), 6, "所"));
}


static void
test_region (void)
{
  static const struct { const char *text; const char *region; } cases[] = {
    { "大竹山县人民政府办公室关于对2016年民生实事进行督办的通知\n1.新建公园3个。\n", "大竹山县" },
    { "2025年桐乡镇民生实事项目清单\n1.新建公园3个。\n", "桐乡镇" },
    { "2023年度省政府民生实事涉我区任务进展\n1.新建公园3个。\n", "" },
    { "沙河县人民政府\n关于2024年十件民生实事的公告\n1.新建公园3个。\n", "沙河县" },
    { "区人大代表票决出区本级2025年十大民生实事项目\n1.新建公园3个。\n", "" },
    { "【转载】 青禾县2026年民生实事进展情况\n1.新建公园3个。\n", "青禾县" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MsDocument) document = import_text (cases[i].text, NULL);

      g_assert_cmpstr (ms_document_get_region (document), ==, cases[i].region);
    }
}


static void
test_group_and_item_on_one_line (void)
{
  static const char text[] =
    "青石县人民政府关于印发2025年民生实事项目的通知\n"
    "一、优化公共服务\n"
    "（一）1.新建第二中学，新增学位1800个。（责任单位：县教育局）\n"
    "2.改造中小学食堂12所。（责任单位：县教育局）\n"
    "（二）城市更新。3.改造老旧小区30个。（责任单位：县住建局）\n"
    "项目四：新增停车泊位600个。\n";
  static const char totals[] =
    "青石县2024年民生实事1-11月进展\n"
    "序号|项目名称|年度目标|1-11月完成|计划投资（万元）|完成投资（万元）|责任单位\n"
    "1|农村公路|新改建农村公路90公里|82|8000|7400|县交通局\n"
    "2|老旧小区|改造老旧小区30个|30|12000|11500|县住建局\n"
    "合计|—|—|—|20000|18900|—\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  MsCategory *category = ms_document_get_category (document, 0);
  g_autoptr(GPtrArray) projects = all_projects (document);

  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (category)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (ms_category_get_group (category, 0))), ==, 2);
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (category, 1)), ==, "城市更新。");
  g_assert_cmpuint (projects->len, ==, 4);
  g_assert_cmpuint (ms_project_get_number (g_ptr_array_index (projects, 3)), ==, 4);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 2), 30, "个"));
  g_clear_object (&document);
  g_clear_pointer (&projects, g_ptr_array_unref);

  /* Money columns stay notes; the totals row is no project. */
  document = import_text (totals, NULL);
  projects = all_projects (document);
  g_assert_cmpuint (projects->len, ==, 2);
  assert_pair (g_ptr_array_index (projects, 0), 90, "公里", 82);
  g_assert_nonnull (strstr (ms_document_get_note (document), "合计"));
}


static void
test_headings_from_styles (void)
{
  g_autoptr(MsNoticeBlocks) blocks = ms_notice_blocks_new ("docx");
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MsCategory *category;

  ms_notice_blocks_add_paragraph (blocks, 1, "青石县2025年民生实事项目")->heading_level = 1;
  ms_notice_blocks_add_paragraph (blocks, 2, "教育民生")->heading_level = 1;
  ms_notice_blocks_add_paragraph (blocks, 3, "学前教育")->heading_level = 2;
  ms_notice_blocks_add_paragraph (blocks, 4, "1.新建幼儿园2所。");
  ms_notice_blocks_add_paragraph (blocks, 5, "健康民生")->heading_level = 1;
  ms_notice_blocks_add_paragraph (blocks, 6, "2.免费体检2万人次。");

  document = ms_notice_interpret (blocks, NULL, &error);
  g_assert_no_error (error);
  /* The first heading is the title; the Heading 1 paragraphs after it are
   * the parts, Heading 2 the groups. */
  g_assert_cmpstr (ms_document_get_title (document), ==, "青石县2025年民生实事项目");
  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  category = ms_document_get_category (document, 0);
  g_assert_cmpstr (ms_category_get_title (category), ==, "教育民生");
  g_assert_cmpstr (ms_group_get_title (ms_category_get_group (category, 0)), ==, "学前教育");
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (document, 1)), ==, "健康民生");
}


static void
test_chinese_numerals (void)
{
  static const char text[] =
    "青石县2024年民生实事\n"
    "1．新建三所学校，新增学位一千八百个。责任单位：县教育局\n"
    "2．为两万名老年人免费体检，建成一批口袋公园。\n"
    "3．实施“四好农村路”建设，新建第二中学，培训十二期。\n"
    "4．实施二次供水改造，新建七人制足球场3个。\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  g_autoptr(GPtrArray) projects = all_projects (document);

  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 0), 3, "所"));
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 0), 1800, "个"));
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 1), 2, "万名"));
  /* "一批", "四好", "第二" count nothing; nor "二次供水" and "七人制" (kinds, not counts). */
  g_assert_cmpuint (ms_project_get_n_indicators (g_ptr_array_index (projects, 1)), ==, 1);
  g_assert_cmpuint (ms_project_get_n_indicators (g_ptr_array_index (projects, 2)), ==, 0);
  g_assert_cmpuint (ms_project_get_n_indicators (g_ptr_array_index (projects, 3)), ==, 1);
  g_assert_nonnull (find_indicator (g_ptr_array_index (projects, 3), 3, "个"));
}


static void
test_dotted_numbers (void)
{
  static const char text[] =
    "青石区2025年民生实事项目责任分解\n"
    "1 教育文化\n"
    "1.1 新建实验小学，新增学位1080个。牵头单位：区教育局\n"
    "1.2 新建城市书房5家。牵头单位：区文旅局\n"
    "2 医疗健康\n"
    "2.1 为1.2万名老年人免费体检。牵头单位：区卫健局\n";
  g_autoptr(MsDocument) document = import_text (text, NULL);
  MsCategory *category;
  MsProject *project;

  /* "1 教育文化" heads the part "1.1" and "1.2" belong to. */
  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  category = ms_document_get_category (document, 1);
  g_assert_cmpstr (ms_category_get_title (category), ==, "医疗健康");
  project = ms_group_get_project (ms_category_get_group (category, 0), 0);
  g_assert_cmpuint (ms_project_get_number (project), ==, 1);
  g_assert_cmpstr (ms_project_get_departments (project)[0], ==, "区卫健局");
  g_assert_nonnull (find_indicator (project, 1.2, "万名"));
}


static void
test_table_header_over_two_rows (void)
{
  g_autoptr(MsNoticeBlocks) blocks = ms_notice_blocks_new ("docx");
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) projects = NULL;
  MsNoticeBlock *table;
  GPtrArray *row;

  ms_notice_blocks_add_paragraph (blocks, 1, "青石县2024年民生实事完成情况");
  table = ms_notice_blocks_add_table (blocks, 2, "<table>");
  /* 序号 and 项目 span both header rows; 年度目标 and 完成情况 span two columns. */
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 2, "序号", 2, 1);
  ms_notice_row_add_cell (row, 2, "项目", 2, 1);
  ms_notice_row_add_cell (row, 2, "年度目标", 1, 2);
  ms_notice_row_add_cell (row, 2, "完成情况", 1, 2);
  ms_notice_row_add_cell (row, 2, "责任单位", 2, 1);
  row = ms_notice_block_add_row (table);
  ms_notice_row_add_cell (row, 3, "数量", 1, 1);
  ms_notice_row_add_cell (row, 3, "单位", 1, 1);
  ms_notice_row_add_cell (row, 3, "完成数", 1, 1);
  ms_notice_row_add_cell (row, 3, "完成率", 1, 1);
  row = ms_notice_block_add_row (table);
  for (guint i = 0; i < 7; i++)
    ms_notice_row_add_cell (row, 4, (const char *[]){ "1", "新增城镇就业", "1.2", "万人", "1.31", "109%", "县人社局" }[i], 1, 1);
  row = ms_notice_block_add_row (table);
  for (guint i = 0; i < 7; i++)
    ms_notice_row_add_cell (row, 5, (const char *[]){ "2", "农村公路", "80", "公里", "86.5", "108%", "县交通局" }[i], 1, 1);

  document = ms_notice_interpret (blocks, NULL, &error);
  g_assert_no_error (error);
  projects = all_projects (document);
  g_assert_cmpuint (projects->len, ==, 2);
  assert_pair (g_ptr_array_index (projects, 0), 1.2, "万人", 1.31);
  assert_pair (g_ptr_array_index (projects, 1), 80, "公里", 86.5);
  g_assert_cmpstr (ms_project_get_departments (g_ptr_array_index (projects, 1))[0], ==, "县交通局");
}


static void
test_four_digit_numbers (void)
{
  g_autoptr(GString) text = g_string_new ("青石市2025年民生实事\n");
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GPtrArray) projects = NULL;

  /* Files of thousands of projects number them past 999. */
  for (guint i = 1; i <= 1205; i++)
    g_string_append_printf (text, "%u.新建公园%u个。\n", i, i % 9 + 1);
  document = import_text (text->str, NULL);
  projects = all_projects (document);
  g_assert_cmpuint (projects->len, ==, 1205);
  g_assert_cmpuint (ms_project_get_number (g_ptr_array_index (projects, 1204)), ==, 1205);
}

static void
test_nothing_usable (void)
{
  static const char prose[] = "这是一段没有编号项目的文字。\n第二行。\n";
  static const guint8 binary[] = { 0x00, 0xff, 0x00, 0xfe, 0x81, 0x00 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_notice_import (prose, strlen (prose), NULL, &error);

  g_assert_null (document);
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_clear_error (&error);

  document = ms_notice_import ((const char *)binary, sizeof binary, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_clear_error (&error);

  document = ms_notice_import ("", 0, NULL, &error);
  g_assert_null (document);
  g_assert_nonnull (error);
}

static void
compare_round_trip (MsCategory *category,
                    MsGroup    *group,
                    MsProject  *project,
                    gpointer    data)
{
  GPtrArray *originals = data;
  MsProject *original = g_ptr_array_steal_index (originals, 0);
  MsGroup *original_group = ms_project_get_group (original);

  g_assert_cmpstr (ms_category_get_title (category), ==,
                   ms_category_get_title (ms_group_get_category (original_group)));
  g_assert_cmpstr (ms_category_get_id (category), ==,
                   ms_category_get_id (ms_group_get_category (original_group)));
  g_assert_cmpuint (ms_group_get_number (group), ==, ms_group_get_number (original_group));
  g_assert_cmpstr (ms_group_get_title (group), ==, ms_group_get_title (original_group));
  g_assert_cmpuint (ms_project_get_number (project), ==, ms_project_get_number (original));
  g_assert_cmpstr (ms_project_get_target (project), ==, ms_project_get_target (original));
  g_assert_cmpstr (ms_project_get_completion (project), ==, ms_project_get_completion (original));
  g_assert_cmpstr (ms_project_get_note (project), ==, ms_project_get_note (original));
  g_assert_true (g_strv_equal (ms_project_get_departments (project), ms_project_get_departments (original)));
  g_assert_true (g_strv_equal (ms_project_get_partners (project), ms_project_get_partners (original)));
}

static void
test_export_import_round_trip (void)
{
  g_autoptr(MsDocument) original = load_example ();
  g_autoptr(GPtrArray) originals = all_projects (original);
  g_autoptr(MsDocument) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;
  MsProject *project = ms_group_get_project (ms_category_get_group (ms_document_get_category (original, 0), 0), 0);
  static const char *partners[] = { "市财政局", NULL };

  /* Partners and notes travel too. */
  ms_project_set_partners (project, partners);
  ms_project_set_note (project, "按季度调度。");

  notice = ms_notice_export (original);
  g_assert_true (g_str_has_prefix (notice, "漯河市2024年民生实事完成情况\n\n"));
  g_assert_nonnull (strstr (notice, "\n一、省重点民生实事完成情况\n"));
  g_assert_nonnull (strstr (notice, "\n（五）加快推动“四好农村路”高质量发展\n"));
  g_assert_nonnull (strstr (notice, "\n责任单位：市交通运输局、市公路事业发展中心\n"));

  again = ms_notice_import (notice, strlen (notice), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_document_get_title (again), ==, ms_document_get_title (original));
  g_assert_cmpstr (ms_document_get_intro (again), ==, ms_document_get_intro (original));
  g_assert_cmpuint (originals->len, ==, 32);
  for_each_project (again, compare_round_trip, originals);
  g_assert_cmpuint (originals->len, ==, 0);
}

/* A figure of 400 digits is no figure: it is left out with a warning naming
 * the line, never passed to the indicator (criticals are fatal here). */
static void
test_absurd_figures (void)
{
  g_autofree char *digits = g_strnfill (400, '9');
  g_autofree char *text = g_strdup_printf (
    "石桥县2025年民生实事落实情况\n"
    "\n"
    "一、县级民生实事\n"
    "（一）方便群众出行\n"
    "1.新建道路%s公里，改造桥梁20座。\n"
    "完成情况：新建道路12公里，改造桥梁22座。\n"
    "2.新增公交线路6条，新建站台40个。\n"
    "完成情况：新增公交线路%s条，新建站台1e5个，新建站台2000000000000000个。\n",
    digits, digits);
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_notice_import (text, strlen (text), &report, &error);
  MsCategory *category;
  MsGroup *group;
  MsProject *project;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  category = ms_document_get_category (document, 0);
  group = ms_category_get_group (category, 0);

  /* Project 1: no indicator for the road, the bridges kept. */
  project = ms_group_get_project (group, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ms_project_get_indicators (project)), ==, 1);
  g_assert_cmpfloat (ms_indicator_get_target (ms_project_get_indicator (project, 0)), ==, 20);
  g_assert_cmpfloat (ms_indicator_get_actual (ms_project_get_indicator (project, 0)), ==, 22);
  g_assert_true (remarks_contain (report->warnings, 5,
                                  "project 1: the target “99999999999999999999…” is larger than 10^15"));

  /* Project 2: the targets stay, the absurd reports are left out. */
  project = ms_group_get_project (group, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ms_project_get_indicators (project)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);

      g_assert_true (ms_figure_is_plausible (ms_indicator_get_target (indicator)));
      g_assert_true (!ms_indicator_get_has_actual (indicator) ||
                     ms_figure_is_plausible (ms_indicator_get_actual (indicator)));
    }
  g_assert_false (ms_indicator_get_has_actual (ms_project_get_indicator (project, 0)));
  g_assert_true (remarks_contain (report->warnings, 7,
                                  "project 2: the reported figure “99999999999999999999…” is larger"));
  g_assert_true (remarks_contain (report->warnings, 7,
                                  "the reported figure “2000000000000000个”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notice/quantity-parsing", test_quantity_parsing);
  g_test_add_func ("/notice/pairing", test_pairing);
  g_test_add_func ("/notice/join-lines", test_join_lines);
  g_test_add_func ("/notice/split-departments", test_split_departments);
  g_test_add_func ("/notice/labels", test_labels_inline_and_bracketed);
  g_test_add_func ("/notice/people-and-lead-department-labels", test_people_and_lead_department_labels);
  g_test_add_func ("/notice/attachments-and-closing", test_attachments_and_closing);
  g_test_add_func ("/notice/year-and-title-elsewhere", test_year_and_title_elsewhere);
  g_test_add_func ("/notice/inline-items", test_inline_items);
  g_test_add_func ("/notice/whole-notice-on-one-line", test_whole_notice_on_one_line);
  g_test_add_func ("/notice/bare-numerals-and-bullets", test_bare_numerals_and_bullets);
  g_test_add_func ("/notice/unnumbered-paragraphs", test_unnumbered_paragraphs);
  g_test_add_func ("/notice/headings-as-items", test_headings_as_items);
  g_test_add_func ("/notice/traditional", test_traditional);
  g_test_add_func ("/notice/table-cell-per-line", test_table_cell_per_line);
  g_test_add_func ("/notice/table-separated-rows", test_table_separated_rows);
  g_test_add_func ("/notice/table-spans-and-metadata", test_table_spans_and_metadata);
  g_test_add_func ("/notice/ordinal-items-and-parts", test_ordinal_items_and_parts);
  g_test_add_func ("/notice/indicator-names-and-totals", test_indicator_names_and_totals);
  g_test_add_func ("/notice/damaged-and-huge-texts", test_damaged_and_huge_texts);
  g_test_add_func ("/notice/attached-table-fills-in", test_attached_table_fills_in);
  g_test_add_func ("/notice/more-labels-and-markers", test_more_labels_and_markers);
  g_test_add_func ("/notice/running-heads", test_running_heads);
  g_test_add_func ("/notice/table-shapes-without-number", test_table_shapes_without_number);
  g_test_add_func ("/notice/table-number-over-two-rows", test_table_number_over_two_rows);
  g_test_add_func ("/notice/plan-and-report-in-one-sentence", test_plan_and_report_in_one_sentence);
  g_test_add_func ("/notice/levels-and-order", test_levels_and_order);
  g_test_add_func ("/notice/parts-after-the-items", test_parts_after_the_items);
  g_test_add_func ("/notice/vote-and-report-lists", test_vote_and_report_lists);
  g_test_add_func ("/notice/region", test_region);
  g_test_add_func ("/notice/group-and-item-on-one-line", test_group_and_item_on_one_line);
  g_test_add_func ("/notice/headings-from-styles", test_headings_from_styles);
  g_test_add_func ("/notice/chinese-numerals", test_chinese_numerals);
  g_test_add_func ("/notice/dotted-numbers", test_dotted_numbers);
  g_test_add_func ("/notice/table-header-over-two-rows", test_table_header_over_two_rows);
  g_test_add_func ("/notice/four-digit-numbers", test_four_digit_numbers);
  g_test_add_func ("/notice/seed", test_seed);
  g_test_add_func ("/notice/encodings-and-punctuation", test_encodings_and_punctuation);
  g_test_add_func ("/notice/no-sections", test_no_sections);
  g_test_add_func ("/notice/no-groups", test_no_groups);
  g_test_add_func ("/notice/plan", test_plan_without_completion);
  g_test_add_func ("/notice/page-chrome", test_page_chrome);
  g_test_add_func ("/notice/stray-text-kept", test_stray_text_kept);
  g_test_add_func ("/notice/nothing-usable", test_nothing_usable);
  g_test_add_func ("/notice/export-import-round-trip", test_export_import_round_trip);
  g_test_add_func ("/notice/absurd-figures", test_absurd_figures);

  return g_test_run ();
}
