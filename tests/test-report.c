/* test-report.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

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

  g_assert_cmpuint (n_pages, >=, 8);
  /* A4: the cover portrait, chart pages landscape, the table portrait. */
  ms_report_get_page_size (report, 0, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  g_assert_false (ms_report_page_is_landscape (report, 0));
  g_assert_true (ms_report_page_is_landscape (report, 1));
  ms_report_get_page_size (report, 1, &width, &height);
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

  if (g_str_equal (tool, "pdffonts"))
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/pages-of-bundled-file", test_pages_of_bundled_file);
  g_test_add_func ("/report/both-languages-and-papers", test_both_languages_and_papers);
  g_test_add_func ("/report/two-hundred-projects", test_two_hundred_projects);
  g_test_add_func ("/report/scopes", test_scopes);
  g_test_add_func ("/report/pdf-text-and-fonts", test_pdf_text_and_fonts);
  g_test_add_func ("/report/failed-write", test_failed_write);
  g_test_add_func ("/report/chart-exports", test_chart_exports);

  return g_test_run ();
}
