/* test-report.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "ms-pdf-tags-private.h"
#include "ms-report.h"
#include "test-util.h"

static void
check_pages (MsReport   *report,
             const char *what)
{
  for (guint i = 0; i < ms_report_get_n_pages (report); i++)
    {
      double width, height;
      cairo_surface_t *surface;
      cairo_t *cr;
      MsChartInfo info;

      ms_report_get_page_size (report, i, &width, &height);
      surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cr = cairo_create (surface);
      ms_report_draw_page (report, i, cr, &info);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);

      if (info.n_unknown_glyphs != 0 || info.text_x1 < 0 || info.text_y1 < 0 ||
          info.text_x2 > width || info.text_y2 > height)
        g_error ("%s page %u: %u unknown glyphs, text from (%g, %g) to (%g, %g) on %g × %g",
                 what, i + 1, info.n_unknown_glyphs, info.text_x1, info.text_y1,
                 info.text_x2, info.text_y2, width, height);
    }
}

static void
test_pages_of_bundled_file (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsReport) report = ms_report_new (document, "zh_CN", MS_PAPER_A4, NULL);
  guint n_pages = ms_report_get_n_pages (report);
  double width, height;

  g_assert_cmpuint (n_pages, >=, 9);
  /* A4: the cover, what needs attention and the 汇总表 portrait, chart
   * pages landscape, the table portrait. */
  ms_report_get_page_size (report, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_false (ms_report_page_is_landscape (report, 0));
  g_assert_false (ms_report_page_is_landscape (report, 1));
  g_assert_false (ms_report_page_is_landscape (report, 2));
  g_assert_true (ms_report_page_is_landscape (report, 3));
  ms_report_get_page_size (report, 3, &width, &height);
  g_assert_cmpfloat (width, >, height);
  g_assert_false (ms_report_page_is_landscape (report, n_pages - 1));

  check_pages (report, "luohe zh_CN A4");
}

static void
test_both_languages_and_papers (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  static const MsPaper papers[] = { MS_PAPER_A4, MS_PAPER_A3, MS_PAPER_LETTER };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autoptr(MsReport) chinese = ms_report_new (document, "zh_CN", papers[i], NULL);
      g_autoptr(MsReport) english = ms_report_new (document, "en", papers[i], NULL);

      check_pages (chinese, "luohe zh_CN");
      check_pages (english, "luohe en");
    }
}

static void
test_scopes (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsCategory *municipal = ms_document_get_category (document, 1);
  MsProject *project = ms_group_get_project (ms_category_get_group (municipal, 4), 1);
  g_autoptr(MsReport) all = ms_report_new (document, "zh_CN", MS_PAPER_A4, NULL);
  g_autoptr(MsReport) overview = ms_report_new_for_scope (document, MS_REPORT_SCOPE_OVERVIEW, NULL, "zh_CN",
                                                          MS_PAPER_A4, NULL);
  g_autoptr(MsReport) category = ms_report_new_for_scope (document, MS_REPORT_SCOPE_CATEGORY, MS_NODE (municipal),
                                                          "en", MS_PAPER_A4, NULL);
  g_autoptr(MsReport) single = ms_report_new_for_scope (document, MS_REPORT_SCOPE_PROJECT, MS_NODE (project),
                                                        "en", MS_PAPER_A4, NULL);

  g_assert_cmpuint (ms_report_get_n_pages (overview), ==, 2);
  g_assert_cmpuint (ms_report_get_n_pages (single), ==, 1);
  g_assert_true (ms_report_page_is_landscape (single, 0));
  g_assert_cmpuint (ms_report_get_n_pages (category), >, 2);
  g_assert_cmpuint (ms_report_get_n_pages (category), <, ms_report_get_n_pages (all));
  check_pages (overview, "overview");
  check_pages (category, "category");
  check_pages (single, "project");
}

/* The print dialog's parts: the table alone and one chart alone are the
 * pages the whole report has for them. */
static void
test_table_and_chart_scopes (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsCategory *municipal = ms_document_get_category (document, 1);
  g_autoptr(MsReport) all = ms_report_new (document, "zh_CN", MS_PAPER_A4, NULL);
  g_autoptr(MsReport) table = NULL;
  g_autoptr(MsReport) rates = NULL;
  g_autoptr(MsReport) overview = NULL;
  MsReportSettings settings;
  guint n_all = ms_report_get_n_pages (all);
  guint n_table;

  ms_report_settings_init (&settings);
  settings.scope = MS_REPORT_SCOPE_TABLE;
  settings.language = "zh_CN";
  table = ms_report_new_with_settings (document, &settings);
  n_table = ms_report_get_n_pages (table);
  g_assert_cmpuint (n_table, >=, 2);
  g_assert_cmpuint (n_table, <, n_all);
  for (guint i = 0; i < n_table; i++)
    g_assert_false (ms_report_page_is_landscape (table, i));
  /* The same pages as the end of the whole report. */
  for (guint i = 0; i < n_table; i++)
    g_assert_false (ms_report_page_is_landscape (all, n_all - n_table + i));
  g_assert_true (ms_report_page_is_landscape (all, n_all - n_table - 1));

  settings.scope = MS_REPORT_SCOPE_CHART;
  settings.chart = MS_CHART_RATES;
  settings.node = MS_NODE (municipal);
  rates = ms_report_new_with_settings (document, &settings);
  g_assert_cmpuint (ms_report_get_n_pages (rates), >=, 1);
  g_assert_true (ms_report_page_is_landscape (rates, 0));

  settings.chart = MS_CHART_OVERVIEW;
  settings.node = NULL;
  overview = ms_report_new_with_settings (document, &settings);
  g_assert_cmpuint (ms_report_get_n_pages (overview), ==, 1);

  check_pages (table, "table");
  check_pages (rates, "rates chart");
  check_pages (overview, "overview chart");
}

static void
test_two_hundred_projects (void)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (200);
  g_autoptr(MsReport) report = ms_report_new (document, "en", MS_PAPER_A4, NULL);

  /* Long tables and charts continue over pages; nothing runs off any. */
  g_assert_cmpuint (ms_report_get_n_pages (report), >, 40);
  check_pages (report, "200 projects");
}

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdffonts") || g_str_equal (tool, "pdfinfo"))
    argv[2] = NULL;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s: %s", tool, error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_pdf_text_and_fonts (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);

  for (guint l = 0; l < 2; l++)
    {
      const char *language = l == 0 ? "zh_CN" : "en";
      g_autofree char *path = g_build_filename (dir, l == 0 ? "zh.pdf" : "en.pdf", NULL);
      g_autoptr(MsReport) report = ms_report_new (document, language, MS_PAPER_A4, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *fonts = NULL;
      g_autofree char *part = g_strconcat (path, ".part", NULL);

      g_assert_true (ms_report_write_pdf (report, path, &error));
      g_assert_no_error (error);
      g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));

      /* Chinese text is text, not pictures of text. */
      text = run_tool ("pdftotext", path);
      g_assert_nonnull (strstr (text, "漯河市2024年民生实事完成情况"));
      g_assert_nonnull (strstr (text, "市人力资源和社会保障部门"));
      if (l == 0)
        g_assert_nonnull (strstr (text, "第 1 页，共"));
      else
        g_assert_nonnull (strstr (text, "Page 1 of"));

      /* Embedded Simplified Chinese faces, even for the English report. */
      fonts = run_tool ("pdffonts", path);
      g_assert_nonnull (strstr (fonts, "NotoSansCJKsc"));
      g_assert_null (strstr (fonts, "NotoSansCJKjp"));
      g_assert_null (strstr (fonts, " no  "));

      g_unlink (path);
    }

  g_rmdir (dir);
}

static MsDocument *
load_example (const char *name)
{
  g_autofree char *examples = g_path_get_dirname (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *path = g_build_filename (examples, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Returns: (transfer full): the report's text, laid out as on the page, one
 * table row a line */
static char *
report_text_of (MsReport *report)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (ms_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, &error))
    g_error ("pdftotext: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_unlink (path);
  g_rmdir (dir);
  return out;
}

static char *
report_text (MsDocument *document,
             const char *language)
{
  g_autoptr(MsReport) report = ms_report_new (document, language, MS_PAPER_A4, NULL);

  return report_text_of (report);
}

/* Returns: (transfer full): the lines from the one starting with @from
 * (after blanks) up to the one starting with @to (or the end when %NULL),
 * both left out */
static char **
section_lines (const char *text,
               const char *from,
               const char *to)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean inside = FALSE;
  gboolean found = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i] + strspn (lines[i], " ");

      if (inside && to != NULL && g_str_has_prefix (line, to))
        break;
      if (inside && line[0] != '\0')
        g_strv_builder_add (builder, line);
      if (!found && g_str_has_prefix (line, from))
        inside = found = TRUE;
    }
  if (!found)
    g_error ("no line starts with “%s” in:\n%s", from, text);

  return g_strv_builder_end (builder);
}

/* Returns: (transfer none): the first line of the first table row: it starts
 * with the project's number */
static const char *
first_row (char **lines)
{
  for (guint l = 0; lines[l] != NULL; l++)
    {
      if (g_ascii_isdigit (lines[l][0]))
        return lines[l];
    }

  g_error ("no table row");
}

static gboolean
line_has (const char *line,
          const char *a,
          const char *b)
{
  return strstr (line, a) != NULL && (b == NULL || strstr (line, b) != NULL);
}

/* The 常务会 gets what to chase right after the summary: lagging projects
 * most urgent first, then the findings of the check. */
static void
test_needs_attention (void)
{
  g_autoptr(MsDocument) document = load_example ("example-city-2025.json");
  static const struct {
    const char *language;
    const char *as_of;
    const char *lagging_heading;
    const char *findings_heading;
    const char *overdue;
    const char *no_department;
    const char *n_lagging;
    const char *departments_heading;
  } cases[] = {
    { "en", "Figures as of 2025-09-30", "Lagging projects, most urgent first (10)",
      "Findings of the consistency check (7)", "Overdue", "No responsible department is named",
      "Lagging (overdue, at risk, behind or not reported): 10 of 17 projects",
      "Departments by lagging projects (9)" },
    { "zh_CN", "数据截至 2025-09-30", "进度滞后的项目（按紧急程度排列）（10）", "一致性检查发现的问题（7）",
      "逾期", "未明确责任单位", "进度滞后（逾期、有风险、滞后或未报送）：10 个项目，共 17 个",
      "滞后项目的责任单位（按滞后程度排列）（9）" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = report_text (document, cases[i].language);
      g_auto(GStrv) lagging = section_lines (text, cases[i].lagging_heading, cases[i].departments_heading);
      g_auto(GStrv) departments = section_lines (text, cases[i].departments_heading, cases[i].findings_heading);
      /* The findings run on to the next page; nothing after them names the fault. */
      g_auto(GStrv) findings = section_lines (text, cases[i].findings_heading, NULL);
      gboolean found = FALSE;

      g_test_message ("%s", text);
      /* The summary's figures, read as of the file's date. */
      g_assert_nonnull (strstr (text, cases[i].as_of));
      g_assert_nonnull (strstr (text, cases[i].n_lagging));

      /* After the column heads, municipal/1 comes first: overdue since 31 August. */
      g_assert_true (line_has (first_row (lagging), "新建、改扩建", cases[i].overdue));
      g_assert_true (line_has (first_row (lagging), "40% / 100%", "2025-08-31"));

      /* The education bureau leads three lagging projects: one overdue,
       * one at risk, one behind; it is called first. */
      {
        g_autofree char *row = g_strstrip (g_strdup (first_row (departments)));
        g_auto(GStrv) words = g_regex_split_simple ("\\s+", row, 0, 0);
        const char *expected[] = { "1", "市教育局", "3", "1", "1", "1" };

        g_assert_cmpuint (g_strv_length (words), >=, G_N_ELEMENTS (expected));
        for (guint w = 0; w < G_N_ELEMENTS (expected); w++)
          g_assert_cmpstr (words[w], ==, expected[w]);
      }

      for (guint l = 0; findings[l] != NULL; l++)
        found |= line_has (findings[l], "为环卫工人提供免费爱心早餐", cases[i].no_department);
      g_assert_true (found);
    }
}

/* A year-end file says so; only the projects without a figure lag. */
static void
test_needs_attention_year_end (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  static const struct {
    const char *language;
    const char *year_end;
    const char *lagging_heading;
    const char *findings_heading;
    const char *not_reported;
  } cases[] = {
    { "en", "Year-end figures, as of 2024-12-31", "Lagging projects, most urgent first (2)",
      "Departments by lagging projects", "Not reported" },
    { "zh_CN", "年终数据，截至 2024-12-31", "进度滞后的项目（按紧急程度排列）（2）", "滞后项目的责任单位",
      "未报送" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = report_text (document, cases[i].language);
      g_auto(GStrv) lagging = section_lines (text, cases[i].lagging_heading, cases[i].findings_heading);
      guint n_rows = 0;

      g_assert_nonnull (strstr (text, cases[i].year_end));
      for (guint l = 0; lagging[l] != NULL; l++)
        {
          /* The first line of a row starts with the project's number. */
          if (!g_ascii_isdigit (lagging[l][0]))
            continue;
          g_assert_true (line_has (lagging[l], cases[i].not_reported, NULL));
          n_rows++;
        }
      g_assert_cmpuint (n_rows, ==, 2);
      g_assert_true (line_has (first_row (lagging), "9", "建成160个以上"));
      g_assert_nonnull (strstr (text, "新建高水平高中1所"));
    }
}

/* The 汇总表 on its own: one page, each category with its groups, and the
 * file's row holding the counts the summary command gives. */
static void
test_summary_table (void)
{
  static const char * const files[] = { "luohe-2024.json", "example-city-2025.json" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autoptr(MsDocument) document = load_example (files[f]);
      g_autoptr(MsReport) report = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *expected = NULL;
      MsReportSettings settings;
      MsScheduleContext context;
      MsScheduleCounts counts;
      MsStats stats;
      gboolean found = FALSE;

      ms_report_settings_init (&settings);
      settings.scope = MS_REPORT_SCOPE_SUMMARY;
      settings.language = "zh_CN";
      report = ms_report_new_with_settings (document, &settings);
      g_assert_cmpuint (ms_report_get_n_pages (report), ==, 1);
      check_pages (report, "summary table");

      ms_document_get_stats (document, &stats);
      ms_schedule_context_init (&context, document, MS_DATE_NONE);
      ms_schedule_count (MS_NODE (document), &context, &counts);
      expected = g_strdup_printf ("全部类别 %u %u %u %u %u %u %u %u %u %u / %u", stats.n_projects,
                                  stats.n_by_status[MS_STATUS_COMPLETED],
                                  counts.n_by_schedule[MS_SCHEDULE_DONE], counts.n_by_schedule[MS_SCHEDULE_ON_TRACK],
                                  counts.n_by_schedule[MS_SCHEDULE_BEHIND], counts.n_by_schedule[MS_SCHEDULE_AT_RISK],
                                  counts.n_by_schedule[MS_SCHEDULE_OVERDUE],
                                  counts.n_by_schedule[MS_SCHEDULE_NOT_REPORTED], stats.n_projects_all_met,
                                  stats.n_indicators_met, stats.n_indicators);

      text = report_text_of (report);
      lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
          g_autofree char *squeezed = g_regex_replace_literal (spaces, g_strstrip (lines[l]), -1, 0, " ", 0, NULL);

          found |= g_str_has_prefix (squeezed, expected);
        }
      if (!found)
        g_error ("no row “%s” in %s", expected, text);

      /* Every category and group is a row. */
      for (guint c = 0; c < g_list_model_get_n_items (ms_document_get_categories (document)); c++)
        {
          MsCategory *category = ms_document_get_category (document, c);

          g_assert_nonnull (strstr (text, ms_category_get_title (category)));
          for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (category)); g++)
            {
              g_autofree char *title = g_strdup (ms_group_get_title (ms_category_get_group (category, g)));

              /* A long group title wraps; its first characters start the row. */
              if (g_utf8_strlen (title, -1) > 6)
                *g_utf8_offset_to_pointer (title, 6) = '\0';
              g_assert_nonnull (strstr (text, title));
            }
        }
    }
}

/* Text without any space or line break: how a wrapped cell reads back. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Every pledge and every completion report of the bundled file is in the
 * PDF in full, never cut with "…", in both languages. */
static void
test_texts_in_full (void)
{
  g_autoptr(MsDocument) document = load_example ("luohe-2024.json");
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  static const char * const languages[] = { "zh_CN", "en" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
      g_autoptr(MsReport) report = ms_report_new (document, languages[l], MS_PAPER_A4, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
      int status = 0;

      g_assert_true (ms_report_write_pdf (report, path, &error));
      g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, &raw, NULL, &status, &error));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      text = squeeze (raw);

      for (guint i = 0; i < projects->len; i++)
        {
          MsProject *project = g_ptr_array_index (projects, i);
          const char *texts[] = { ms_project_get_target (project), ms_project_get_completion (project) };

          for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
            {
              g_autofree char *whole = squeeze (texts[t]);

              if (whole[0] != '\0' && strstr (text, whole) == NULL)
                g_error ("%s report: project %u's text is not there in full: %s", languages[l],
                         ms_project_get_number (project), texts[t]);
              /* The file has no ellipsis, so none may appear in what is printed. */
              g_assert_null (strstr (texts[t], "…"));
            }
        }
      if (strstr (text, "…") != NULL)
        g_error ("%s report: a text is cut: …%.60s", languages[l], strstr (text, "…"));
      g_unlink (path);
      g_rmdir (dir);
    }
}

/* A project with a dozen indicators and a completion report longer than a
 * column: its card shows every indicator and every part of the report,
 * going on in the next column under "(continued)". */
static void
test_cards_in_full (void)
{
  g_autoptr(MsDocument) document = load_example ("luohe-2024.json");
  MsProject *project = ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
  g_autoptr(GString) completion = g_string_new (NULL);
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(MsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) cards = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *continued = NULL;
  const char *argv[] = { "pdftotext", "-raw", path, "-", NULL };
  int status = 0;

  for (guint i = 1; i <= 12; i++)
    {
      g_autoptr(MsIndicator) indicator = ms_indicator_new ();
      g_autofree char *name = g_strdup_printf ("附加指标第%02u项", i);

      ms_indicator_set_name (indicator, name);
      ms_indicator_set_unit (indicator, "个");
      ms_indicator_set_target (indicator, 10 * i);
      ms_project_insert_indicator (project, ms_project_get_n_indicators (project), indicator);
    }
  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (completion, "Part%03u：全年完成改造任务并通过验收。", i);
  ms_project_set_completion (project, completion->str);

  report = ms_report_new (document, "zh_CN", MS_PAPER_A4, NULL);
  check_pages (report, "long card");
  g_assert_true (ms_report_write_pdf (report, path, &error));
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &raw, NULL, &status, &error));
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* The card pages are those headed "目标与完成情况". */
  pages = g_strsplit (raw, "\f", -1);
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], "目标与完成情况") != NULL)
      {
        g_autofree char *page = squeeze (pages[i]);

        g_string_append (cards, page);
      }

  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    g_assert_nonnull (strstr (cards->str, ms_indicator_get_name (ms_project_get_indicator (project, i))));
  for (guint i = 1; i <= 150; i++)
    {
      /* A part may break between columns; its Latin label does not. */
      g_autofree char *part = g_strdup_printf ("Part%03u", i);

      if (strstr (cards->str, part) == NULL)
        g_error ("part %u of the completion report is not on the card", i);
    }
  continued = g_strdup_printf ("%u.（续）", ms_project_get_number (project));
  g_assert_nonnull (strstr (cards->str, continued));
  g_assert_null (strstr (cards->str, "…"));

  g_unlink (path);
  g_rmdir (dir);
}

/* An introduction longer than the cover goes on over the next pages,
 * every part of it printed, none cut. */
static void
test_intro_in_full (void)
{
  g_autoptr(MsDocument) document = load_example ("luohe-2024.json");
  g_autoptr(GString) intro = g_string_new (NULL);
  g_autoptr(MsReport) report = NULL;
  g_autoptr(MsReport) short_report = NULL;
  g_autofree char *text = NULL;

  for (guint i = 1; i <= 120; i++)
    g_string_append_printf (intro, "Part%03u：市委、市政府始终坚持以人民为中心的发展思想。", i);
  short_report = ms_report_new (document, "zh_CN", MS_PAPER_A4, NULL);
  ms_document_set_intro (document, intro->str);
  report = ms_report_new (document, "zh_CN", MS_PAPER_A4, NULL);
  check_pages (report, "long introduction");
  /* The cover and at least one more page hold it. */
  g_assert_cmpuint (ms_report_get_n_pages (report), >, ms_report_get_n_pages (short_report));

  text = report_text_of (report);
  for (guint i = 1; i <= 120; i++)
    {
      g_autofree char *part = g_strdup_printf ("Part%03u", i);

      if (strstr (text, part) == NULL)
        g_error ("part %u of the introduction is not in the report", i);
    }
  g_assert_null (strstr (text, "…"));
}

static void
test_failed_write (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsReport) report = ms_report_new (document, "en", MS_PAPER_A4, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ms_report_write_pdf (report, "/nonexistent/folder/report.pdf", &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/report.pdf"));
}

static void
test_chart_exports (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *dir = g_dir_make_tmp ("minsheng-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "overview.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "rates.svg", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;

  g_assert_true (ms_chart_export (MS_CHART_OVERVIEW, MS_NODE (document), MS_REPORT_FORMAT_PNG, png, 1200,
                                  "en", &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1200);
  cairo_surface_destroy (image);

  g_assert_true (ms_chart_export (MS_CHART_RATES, MS_NODE (document), MS_REPORT_FORMAT_SVG, svg, 800,
                                  "zh_CN", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));

  g_unlink (png);
  g_unlink (svg);
  g_rmdir (dir);
}

/* A structure element of a tagged PDF, as poppler reads it. */
typedef struct
{
  PopplerStructureElementKind  kind;
  /* Its text and its children's, without white space (poppler joins the
   * lines of a cell without one) */
  char                        *text;
  char                        *alt;
  int                          page;
  GPtrArray                   *children;
} TagNode;

static void
tag_node_free (gpointer data)
{
  TagNode *node = data;

  g_free (node->text);
  g_free (node->alt);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *c = text != NULL ? text : ""; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (!g_unichar_isspace (ch))
        g_string_append_unichar (out, ch);
    }

  return g_string_free (out, FALSE);
}

/* Returns: (transfer full): the structure tree as `pdfinfo @option` prints
 * it (-struct, or -struct-text with the text, which takes poppler long) */
static char *
read_structure (const char *path,
                const char *option)
{
  const char *argv[] = { "pdfinfo", option, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("pdfinfo: %s", error->message);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  /* Not a word about a syntax error in the structure. */
  g_assert_cmpstr (err, ==, "");

  return out;
}

/* Returns: (transfer full): the text of each node of the tree in order, as
 * `pdfinfo -struct-text` prints it: an element has none, a run of content
 * under it its text. poppler-glib 22.12 gives non-ASCII text in the wrong
 * encoding (it reads poppler's UTF-8 as PDFDocEncoding). */
static GPtrArray *
read_tag_texts (const char *path)
{
  g_autofree char *out = read_structure (path, "-struct-text");
  g_auto(GStrv) lines = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i] + strspn (lines[i], " ");

      if (line[0] == '\0')
        continue;
      /* An element, then its content's text, quoted, a line a run. */
      if (line[0] != '"')
        g_ptr_array_add (texts, g_strdup (""));
      else
        {
          g_assert_true (g_str_has_suffix (line, "\""));
          g_ptr_array_add (texts, g_strndup (line + 1, strlen (line) - 2));
        }
    }

  return texts;
}

/* Returns: (transfer full): the elements at @iter's level, with theirs;
 * each takes its text from @texts, from *@next on */
static GPtrArray *
read_tags (PopplerStructureElementIter *iter,
           GPtrArray                   *texts,
           guint                       *next)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func (tag_node_free);

  do
    {
      PopplerStructureElement *element = poppler_structure_element_iter_get_element (iter);
      PopplerStructureElementIter *children = poppler_structure_element_iter_get_child (iter);
      GString *text = g_string_new (NULL);
      TagNode *node = g_new0 (TagNode, 1);

      g_assert_cmpuint (*next, <, texts->len);
      g_string_append (text, g_ptr_array_index (texts, (*next)++));
      node->kind = poppler_structure_element_get_kind (element);
      node->alt = poppler_structure_element_get_alt_text (element);
      node->page = poppler_structure_element_get_page (element);
      if (children != NULL)
        {
          node->children = read_tags (children, texts, next);
          poppler_structure_element_iter_free (children);
        }
      else
        node->children = g_ptr_array_new_with_free_func (tag_node_free);
      for (guint i = 0; i < node->children->len; i++)
        g_string_append (text, ((TagNode *)g_ptr_array_index (node->children, i))->text);
      node->text = strip_spaces (text->str);
      g_string_free (text, TRUE);
      g_ptr_array_add (nodes, node);
      g_object_unref (element);
    }
  while (poppler_structure_element_iter_next (iter));

  return nodes;
}

static TagNode *
child_tag (TagNode *node,
           guint    index)
{
  g_assert_cmpuint (index, <, node->children->len);
  return g_ptr_array_index (node->children, index);
}

/* Its text and its children's, white space aside, is @expected's. */
static void
assert_tag_text (TagNode    *node,
                 const char *expected)
{
  g_autofree char *wanted = strip_spaces (expected);

  g_assert_cmpstr (node->text, ==, wanted);
}

/* Returns: (transfer none): the element after the heading saying @heading
 * (white space aside) among @parent's children */
static TagNode *
tag_after_heading (TagNode                     *parent,
                   PopplerStructureElementKind  level,
                   const char                  *heading,
                   guint                        skip)
{
  g_autofree char *wanted = strip_spaces (heading);

  for (guint i = 0; i + 1 + skip < parent->children->len; i++)
    {
      TagNode *node = child_tag (parent, i);

      if (node->kind == level && g_strcmp0 (node->text, wanted) == 0)
        return child_tag (parent, i + 1 + skip);
    }

  g_error ("no heading “%s” of kind %d", heading, level);
}

/* A PDF made by ms_report_write_pdf() is tagged: its structure follows the
 * pages as drawn, so a screen reader reads the tables row by row. */
static void
test_tagged_pdf (void)
{
  g_autoptr(MsDocument) document = load_example ("example-city-2025.json");
  static const struct {
    const char *language;
    const char *attention;
    const char *summary;
    const char *all_projects;
    const char *headings[3];
    const char *all_categories;
    const char *departments_heading;
    const char *lang;
  } cases[] = {
    { "en", "Needs attention", "Summary table", "All projects", { "No.", "Project", "Departments" },
      "All categories", "Departments by lagging projects (9)", "(en)\n" },
    { "zh_CN", "需要关注", "汇总表", "全部项目", { "序号", "项目", "责任单位" }, "全部类别",
      "滞后项目的责任单位（按滞后程度排列）（9）", "(zh-CN)\n" },
  };
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GListModel *categories = ms_document_get_categories (document);

  for (guint l = 0; l < G_N_ELEMENTS (cases); l++)
    {
      g_autoptr(MsReport) report = ms_report_new (document, cases[l].language, MS_PAPER_A4, NULL);
      g_autoptr(GError) error = NULL;
      PopplerDocument *pdf;
      g_autoptr(GPtrArray) roots = NULL;
      g_autoptr(GPtrArray) texts = NULL;
      g_autoptr(GPtrArray) alts = g_ptr_array_new ();
      g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *lang = NULL;
      const char *mutool[] = { "mutool", "show", path, "trailer/Root/Lang", NULL };
      guint next = 0;
      PopplerStructureElementIter *iter;
      TagNode *root, *heading, *table;
      guint row = 0;
      guint n_figures = 0;
      guint n_titles = 0;
      int first_page, last_page;

      g_assert_true (ms_report_write_pdf (report, path, &error));
      g_assert_no_error (error);
      pdf = poppler_document_new_from_file (uri, NULL, &error);
      g_assert_no_error (error);

      /* One Document holds it all; the file's title is its first heading. */
      iter = poppler_structure_element_iter_new (pdf);
      g_assert_nonnull (iter);
      texts = read_tag_texts (path);
      roots = read_tags (iter, texts, &next);
      g_assert_cmpuint (next, ==, texts->len);
      poppler_structure_element_iter_free (iter);
      g_object_unref (pdf);
      g_assert_cmpuint (roots->len, ==, 1);
      root = g_ptr_array_index (roots, 0);
      g_assert_cmpint (root->kind, ==, POPPLER_STRUCTURE_ELEMENT_DOCUMENT);
      heading = child_tag (root, 0);
      g_assert_cmpint (heading->kind, ==, POPPLER_STRUCTURE_ELEMENT_HEADING_1);
      assert_tag_text (heading, ms_document_get_title (document));
      g_assert_cmpint (tag_after_heading (root, POPPLER_STRUCTURE_ELEMENT_HEADING_2, cases[l].attention, 1)->kind,
                       ==, POPPLER_STRUCTURE_ELEMENT_HEADING_3);
      for (guint i = 0; i < root->children->len; i++)
        {
          TagNode *node = child_tag (root, i);

          n_titles += node->kind == POPPLER_STRUCTURE_ELEMENT_HEADING_1;
          if (node->kind != POPPLER_STRUCTURE_ELEMENT_FIGURE)
            continue;
          n_figures++;
          /* A chart over pages is a Figure on each, described alike. */
          g_assert_nonnull (node->alt);
          if (alts->len == 0 || g_strcmp0 (g_ptr_array_index (alts, alts->len - 1), node->alt) != 0)
            g_ptr_array_add (alts, node->alt);
        }
      g_assert_cmpuint (n_titles, ==, 1);

      /* The charts say what they say in the window: the overview, each
       * category's rates, the departments. */
      g_ptr_array_add (charts, ms_chart_describe (MS_CHART_OVERVIEW, MS_NODE (document), cases[l].language));
      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        g_ptr_array_add (charts, ms_chart_describe (MS_CHART_RATES, MS_NODE (ms_document_get_category (document, c)),
                                                    cases[l].language));
      g_ptr_array_add (charts, ms_chart_describe (MS_CHART_DEPARTMENTS, MS_NODE (document), cases[l].language));
      g_assert_cmpuint (n_figures, >=, charts->len);
      g_assert_cmpuint (alts->len, ==, charts->len);
      for (guint i = 0; i < charts->len; i++)
        g_assert_cmpstr (g_ptr_array_index (alts, i), ==, g_ptr_array_index (charts, i));

      /* The language a screen reader reads in, as another reader finds it. */
      if (!g_spawn_sync (NULL, (char **)mutool, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                         &lang, NULL, NULL, &error))
        g_error ("mutool: %s", error->message);
      g_assert_cmpstr (lang, ==, cases[l].lang);

      /* A table going on over a page is one Table: its head, drawn again
       * on the next page, is tagged once. */
      table = tag_after_heading (root, POPPLER_STRUCTURE_ELEMENT_HEADING_3, cases[l].departments_heading, 0);
      g_assert_cmpint (table->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE);
      g_assert_cmpuint (table->children->len, ==, 1 + 9);
      g_assert_cmpint (child_tag (child_tag (table, 0), 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING);
      for (guint i = 1; i < table->children->len; i++)
        {
          g_autofree char *rank = g_strdup_printf ("%u", i);

          g_assert_cmpint (child_tag (child_tag (table, i), 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_DATA);
          assert_tag_text (child_tag (child_tag (table, i), 0), rank);
        }
      first_page = child_tag (child_tag (table, 0), 0)->page;
      last_page = child_tag (child_tag (table, 9), 0)->page;
      g_assert_cmpint (first_page, >=, 0);
      g_assert_cmpint (first_page, <, last_page);

      /* The table of all projects: its heads, then each category's row and
       * its projects' rows, as drawn; one Table over its pages. */
      table = tag_after_heading (root, POPPLER_STRUCTURE_ELEMENT_HEADING_2, cases[l].all_projects, 0);
      g_assert_cmpint (table->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE);
      for (guint c = 0; c < G_N_ELEMENTS (cases[l].headings); c++)
        {
          TagNode *cell = child_tag (child_tag (table, 0), c);

          g_assert_cmpint (cell->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING);
          assert_tag_text (cell, cases[l].headings[c]);
        }
      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          MsCategory *category = ms_document_get_category (document, c);
          g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (category));
          TagNode *tr = child_tag (table, ++row);

          g_assert_cmpint (tr->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_ROW);
          g_assert_cmpuint (tr->children->len, ==, 1);
          g_assert_cmpint (child_tag (tr, 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING);
          assert_tag_text (child_tag (tr, 0), ms_category_get_title (category));
          for (guint i = 0; i < projects->len; i++)
            {
              MsProject *project = g_ptr_array_index (projects, i);
              g_autofree char *number = g_strdup_printf ("%u", ms_project_get_number (project));

              tr = child_tag (table, ++row);
              g_assert_cmpint (tr->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_ROW);
              g_assert_cmpuint (tr->children->len, ==, 7);
              g_assert_cmpint (child_tag (tr, 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_DATA);
              assert_tag_text (child_tag (tr, 0), number);
              assert_tag_text (child_tag (tr, 1), ms_project_get_target (project));
            }
        }
      g_assert_cmpuint (table->children->len, ==, row + 1);
      first_page = child_tag (child_tag (table, 0), 0)->page;
      last_page = child_tag (child_tag (table, row), 0)->page;
      g_assert_cmpint (first_page, >=, 0);
      g_assert_cmpint (first_page, <, last_page);

      /* The 汇总表: its heads, each category with its groups, the total. */
      table = tag_after_heading (root, POPPLER_STRUCTURE_ELEMENT_HEADING_2, cases[l].summary, 1);
      g_assert_cmpint (table->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE);
      g_assert_cmpint (child_tag (child_tag (table, 0), 0)->kind, ==, POPPLER_STRUCTURE_ELEMENT_TABLE_HEADING);
      row = 0;
      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          MsCategory *category = ms_document_get_category (document, c);

          assert_tag_text (child_tag (child_tag (table, ++row), 0), ms_category_get_title (category));
          for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (category)); g++)
            {
              MsGroup *group = ms_category_get_group (category, g);

              assert_tag_text (child_tag (child_tag (table, ++row), 0), ms_group_get_title (group));
            }
        }
      assert_tag_text (child_tag (child_tag (table, ++row), 0), cases[l].all_categories);
      g_assert_cmpuint (table->children->len, ==, row + 1);

      g_unlink (path);
    }

  g_rmdir (dir);
}

static cairo_status_t
append_to_array (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The alternative texts go in only where cairo's file is as expected, and
 * one for each Figure; else the file stays as it was. */
static void
test_pdf_tag_entries (void)
{
  g_autoptr(GByteArray) pdf = g_byte_array_new ();
  g_autoptr(GByteArray) garbage = g_byte_array_new ();
  g_autoptr(GPtrArray) alts = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *document;
  PopplerStructureElementIter *iter, *child;
  PopplerStructureElement *figure;
  g_autofree char *alt = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_to_array, pdf, 200, 200);
  cairo_t *cr = cairo_create (surface);
  guint length;

  cairo_tag_begin (cr, "Document", NULL);
  cairo_tag_begin (cr, "Figure", NULL);
  cairo_rectangle (cr, 10, 10, 50, 50);
  cairo_fill (cr);
  cairo_tag_end (cr, "Figure");
  cairo_tag_end (cr, "Document");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  length = pdf->len;

  g_byte_array_append (garbage, (const guint8 *)"%PDF-1.5\nnot really\n", 21);
  g_assert_false (_ms_pdf_add_tag_entries (garbage, "en", alts, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (garbage->len, ==, 21);
  g_clear_error (&error);

  /* No text for the Figure, then one too many. */
  g_assert_false (_ms_pdf_add_tag_entries (pdf, "en", alts, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_ptr_array_add (alts, "柱状图：3 个项目");
  g_ptr_array_add (alts, "more");
  g_assert_false (_ms_pdf_add_tag_entries (pdf, "en", alts, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_cmpuint (pdf->len, ==, length);

  g_ptr_array_set_size (alts, 1);
  g_assert_true (_ms_pdf_add_tag_entries (pdf, "zh-CN", alts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf->len, >, length);

  bytes = g_bytes_new (pdf->data, pdf->len);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  iter = poppler_structure_element_iter_new (document);
  g_assert_nonnull (iter);
  child = poppler_structure_element_iter_get_child (iter);
  g_assert_nonnull (child);
  figure = poppler_structure_element_iter_get_element (child);
  g_assert_cmpint (poppler_structure_element_get_kind (figure), ==, POPPLER_STRUCTURE_ELEMENT_FIGURE);
  alt = poppler_structure_element_get_alt_text (figure);
  g_assert_cmpstr (alt, ==, "柱状图：3 个项目");
  g_object_unref (figure);
  poppler_structure_element_iter_free (child);
  poppler_structure_element_iter_free (iter);
  g_object_unref (document);
}

/* Every part the print dialog exports is tagged, its tags balanced over
 * its pages (cairo would refuse the file, or poppler complain, if not);
 * the 公文 style is not. Each kind of page is in one of these. */
static void
test_tagged_pdf_scopes (void)
{
  g_autoptr(MsDocument) example = load_example ("example-city-2025.json");
  g_autoptr(MsDocument) generated = ms_test_generate_document (200);
  MsDocument *documents[] = { example, generated };
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "part.pdf", NULL);

  for (guint d = 0; d < G_N_ELEMENTS (documents); d++)
    {
      MsDocument *document = documents[d];
      GListModel *categories = ms_document_get_categories (document);
      MsCategory *category = ms_document_get_category (document, g_list_model_get_n_items (categories) - 1);
      g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (category));
      MsProject *project = g_ptr_array_index (projects, 0);
      struct {
        MsReportScope scope;
        MsNode *node;
        MsChartKind chart;
        MsReportStyle style;
      } parts[] = {
        { MS_REPORT_SCOPE_ALL, NULL, 0, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_OVERVIEW, NULL, 0, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_CATEGORY, MS_NODE (category), 0, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_PROJECT, MS_NODE (project), 0, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_SUMMARY, NULL, 0, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_TABLE, NULL, 0, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_CHART, MS_NODE (category), MS_CHART_RATES, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_CHART, NULL, MS_CHART_DEPARTMENTS, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_CHART, MS_NODE (project), MS_CHART_PROJECT, MS_REPORT_STYLE_STANDARD },
        { MS_REPORT_SCOPE_TABLE, NULL, 0, MS_REPORT_STYLE_GONGWEN },
      };

      /* The generated file's whole report has the long tables and charts;
       * the example's is read in full by /report/tagged-pdf. */
      for (guint i = document == generated ? 0 : 1; i < (document == generated ? 1 : G_N_ELEMENTS (parts)); i++)
        {
          g_autoptr(MsReport) report = NULL;
          g_autoptr(GError) error = NULL;
          g_autofree char *structure = NULL;
          g_autofree char *info = NULL;
          MsReportSettings settings;

          ms_report_settings_init (&settings);
          settings.scope = parts[i].scope;
          settings.node = parts[i].node;
          settings.chart = parts[i].chart;
          settings.style = parts[i].style;
          settings.language = i % 2 == 0 ? "zh_CN" : "en";
          report = ms_report_new_with_settings (document, &settings);
          g_assert_true (ms_report_write_pdf (report, path, &error));
          g_assert_no_error (error);

          info = run_tool ("pdfinfo", path);
          if (parts[i].style == MS_REPORT_STYLE_GONGWEN)
            {
              g_assert_nonnull (strstr (info, "Tagged:          no"));
              continue;
            }
          g_assert_nonnull (strstr (info, "Tagged:          yes"));
          /* One Document, and not a word from poppler against the tree. */
          structure = read_structure (path, "-struct");
          g_assert_true (g_str_has_prefix (structure, "Document\n  "));
          g_assert_null (strstr (structure, "\nDocument"));
          g_unlink (path);
        }
    }

  g_unlink (path);
  g_rmdir (dir);
}

/* Printing draws some pages, in any order: nothing is tagged then, and
 * the PDF a print to a file makes is sound. */
static void
test_pages_untagged (void)
{
  g_autoptr(MsDocument) document = load_example ("example-city-2025.json");
  g_autoptr(MsReport) report = ms_report_new (document, "en", MS_PAPER_A4, NULL);
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pages.pdf", NULL);
  guint n_pages = ms_report_get_n_pages (report);
  guint pages[] = { n_pages - 1, 1, 0 };
  g_autofree char *info = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cr = cairo_create (surface);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      double width, height;

      ms_report_get_page_size (report, pages[i], &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      ms_report_draw_page (report, pages[i], cr, NULL);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  info = run_tool ("pdfinfo", path);
  g_assert_nonnull (strstr (info, "Tagged:          no"));
  g_assert_nonnull (strstr (info, "Pages:           3"));

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pages-of-bundled-file", test_pages_of_bundled_file);
  g_test_add_func ("/report/both-languages-and-papers", test_both_languages_and_papers);
  g_test_add_func ("/report/two-hundred-projects", test_two_hundred_projects);
  g_test_add_func ("/report/scopes", test_scopes);
  g_test_add_func ("/report/scopes/table-and-chart", test_table_and_chart_scopes);
  g_test_add_func ("/report/pdf-text-and-fonts", test_pdf_text_and_fonts);
  g_test_add_func ("/report/needs-attention", test_needs_attention);
  g_test_add_func ("/report/needs-attention/year-end", test_needs_attention_year_end);
  g_test_add_func ("/report/texts-in-full", test_texts_in_full);
  g_test_add_func ("/report/summary-table", test_summary_table);
  g_test_add_func ("/report/cards-in-full", test_cards_in_full);
  g_test_add_func ("/report/intro-in-full", test_intro_in_full);
  g_test_add_func ("/report/failed-write", test_failed_write);
  g_test_add_func ("/report/tagged-pdf", test_tagged_pdf);
  g_test_add_func ("/report/tagged-pdf/scopes", test_tagged_pdf_scopes);
  g_test_add_func ("/report/pages-untagged", test_pages_untagged);
  g_test_add_func ("/report/pdf-tag-entries", test_pdf_tag_entries);
  g_test_add_func ("/report/chart-exports", test_chart_exports);

  return g_test_run ();
}
