/* test-cli.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

static const char *cli_language;

/* Runs minsheng-cli with the given arguments (NULL-terminated), in
 * cli_language when set. */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("MS_CLI");
  va_list args;
  int wait_status;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  run_clear (run);
  if (cli_language != NULL)
    envp = g_environ_setenv (envp, "LANGUAGE", cli_language, TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

static char *
fixture_path (const char *kind,
              const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", kind, file, NULL);
}

static void
test_validate (void)
{
  g_autofree char *bad = fixture_path ("invalid", "unknown-status");
  g_autofree char *expected = NULL;
  Run run = { 0 };

  run_cli (&run, "validate", g_getenv ("MS_EXAMPLE_FILE"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  run_cli (&run, "validate", bad, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:21:25: categories[0].groups[0].projects[0].status: unknown status “done”", bad);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_cmpuint (strlen (run.err) - 1, ==, strcspn (run.err, "\n"));

  run_cli (&run, "validate", "/nonexistent/file.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "/nonexistent/file.json"));

  run_clear (&run);
}

static void
test_usage_errors (void)
{
  Run run = { 0 };

  run_cli (&run, NULL, NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "validate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "No file given"));

  run_cli (&run, "validate", "a.json", "b.json", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "summary", "--bogus", "a.json", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_cli (&run, "frobnicate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Unknown command “frobnicate”"));

  run_clear (&run);
}

static void
test_help (void)
{
  static const char * const commands[] = {
    "validate", "format", "summary", "import", "export-notice", "report", "export-csv",
  };
  Run run = { 0 };

  run_cli (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (run.out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      run_cli (&run, commands[i], "--help", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, commands[i]));
    }

  run_cli (&run, "format", "--help", NULL);
  g_assert_nonnull (strstr (run.out, "--output"));

  run_clear (&run);
}

static void
test_format (void)
{
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *unknown = fixture_path ("valid", "unknown-members");
  Run run = { 0 };

  g_assert_true (g_file_get_contents (example, &contents, NULL, NULL));

  run_cli (&run, "format", example, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, contents);

  run_cli (&run, "format", unknown, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "\"z-last\""));
  g_assert_nonnull (strstr (written, "1e+20"));

  run_cli (&run, "format", "/nonexistent.json", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  g_remove (output);
  g_rmdir (dir);
  run_clear (&run);
}

static void
test_summary (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *total;
  JsonArray *categories;
  Run run = { 0 };

  run_cli (&run, "summary", "--json", g_getenv ("MS_EXAMPLE_FILE"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "year"), ==, 2024);
  categories = json_object_get_array_member (root, "categories");
  g_assert_cmpuint (json_array_get_length (categories), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (categories, 0), "projects"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (categories, 1), "projects"), ==, 20);
  total = json_object_get_object_member (root, "total");
  g_assert_cmpint (json_object_get_int_member (total, "projects"), ==, 32);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (total, "status"), "completed") +
                   json_object_get_int_member (json_object_get_object_member (total, "status"), "in-progress") +
                   json_object_get_int_member (json_object_get_object_member (total, "status"), "not-started") +
                   json_object_get_int_member (json_object_get_object_member (total, "status"), "delayed"), ==, 32);

  run_cli (&run, "summary", g_getenv ("MS_EXAMPLE_FILE"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "省重点民生实事"));
  g_assert_nonnull (strstr (run.out, "All categories"));

  run_clear (&run);
}

static char *
notice_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "notices", name, NULL);
}

static void
test_import (void)
{
  g_autofree char *seed = notice_path ("luohe-2024.txt");
  g_autofree char *gbk = notice_path ("qingchuan-gb18030.txt");
  g_autofree char *dir = g_dir_make_tmp ("minsheng-import-XXXXXX", NULL);
  g_autofree char *prose = g_build_filename (dir, "prose.txt", NULL);
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  Run run = { 0 };

  run_cli (&run, "import", seed, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "region"),
                   ==, "漯河市");
  g_assert_nonnull (strstr (run.err, "projects: 32"));
  /* The footer slogan is reported as left out, with its line. */
  expected = g_strdup_printf ("%s:249: left out as page chrome: 节约粮食 从我做起", seed);
  g_assert_nonnull (strstr (run.err, expected));

  /* The output is a yearly file that validates. */
  run_cli (&run, "import", gbk, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "encoding: GB18030"));
  g_assert_cmpstr (run.out, ==, "");
  run_cli (&run, "validate", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, "青川市"));

  /* Nothing usable: exit 1, said on stderr. */
  g_assert_true (g_file_set_contents (prose, "只有一段文字，没有编号的项目。\n", -1, NULL));
  run_cli (&run, "import", prose, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No numbered projects"));
  g_assert_cmpstr (run.out, ==, "");

  run_cli (&run, "import", NULL);
  g_assert_cmpint (run.status, ==, 2);

  g_remove (prose);
  g_remove (output);
  g_rmdir (dir);
  run_clear (&run);
}

static void
test_export_notice (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-export-XXXXXX", NULL);
  g_autofree char *notice = g_build_filename (dir, "notice.txt", NULL);
  g_autofree char *json = g_build_filename (dir, "again.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *again = NULL;
  Run run = { 0 };

  run_cli (&run, "export-notice", g_getenv ("MS_EXAMPLE_FILE"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "漯河市2024年民生实事完成情况\n"));
  g_assert_nonnull (strstr (run.out, "\n二、市重点民生实事完成情况\n"));

  /* export-notice then import gives the bundled projects back. */
  run_cli (&run, "export-notice", g_getenv ("MS_EXAMPLE_FILE"), "-o", notice, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "import", notice, "-o", json, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_cli (&run, "summary", "--json", json, NULL);
  g_assert_nonnull (strstr (run.out, "\"projects\": 32"));

  g_assert_true (g_file_get_contents (g_getenv ("MS_EXAMPLE_FILE"), &original, NULL, NULL));
  g_assert_true (g_file_get_contents (json, &again, NULL, NULL));
  /* Same texts: every target of the original is in the re-imported file. */
  g_assert_nonnull (strstr (again, "\"target\": \"全年新、改建农村公路80公里,改造危旧桥梁20座。\""));

  run_cli (&run, "export-notice", "/nonexistent.json", NULL);
  g_assert_cmpint (run.status, ==, 1);

  g_remove (notice);
  g_remove (json);
  g_rmdir (dir);
  run_clear (&run);
}

static void
test_report (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-report-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "project.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "rates.svg", NULL);
  g_autofree char *txt = g_build_filename (dir, "report.txt", NULL);
  g_autofree char *head = NULL;
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  Run run = { 0 };

  run_cli (&run, "report", example, "-o", pdf, "--paper", "letter", "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (pdf, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "%PDF-"));

  run_cli (&run, "report", example, "-o", png, "--chart", "project:municipal/10", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  run_cli (&run, "report", example, "-o", svg, "--chart", "rates", "--lang", "zh_CN", NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* Usage errors: exit 2, nothing written. */
  run_cli (&run, "report", example, NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "report", example, "-o", txt, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  run_cli (&run, "report", example, "-o", pdf, "--paper", "b5", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "report", example, "-o", png, "--chart", "pie", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "report", example, "-o", pdf, "--lang", "fr", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "report", example, "-o", png, "--chart", "project:municipal/99", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "project:municipal/99"));
  run_cli (&run, "report", example, "-o", "/nonexistent/dir/r.pdf", NULL);
  g_assert_cmpint (run.status, ==, 1);

  g_remove (pdf);
  g_remove (png);
  g_remove (svg);
  g_rmdir (dir);
  run_clear (&run);
}

static void
test_export_csv (void)
{
  Run run = { 0 };

  run_cli (&run, "export-csv", g_getenv ("MS_EXAMPLE_FILE"), "--lang", "en", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "\xEF\xBB\xBF" "Category,Group,Number,Target,"));

  run_cli (&run, "export-csv", g_getenv ("MS_EXAMPLE_FILE"), "--no-bom", "--lang", "zh_CN", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "类别,组,编号,目标,"));

  run_clear (&run);
}

static void
test_languages (void)
{
  Run run = { 0 };

  cli_language = "zh_CN";
  run_cli (&run, "--help", NULL);
  g_assert_nonnull (strstr (run.out, "用法："));
  g_assert_nonnull (strstr (run.out, "检查年度文件"));
  run_cli (&run, "validate", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "未指定文件"));
  run_cli (&run, "summary", g_getenv ("MS_EXAMPLE_FILE"), NULL);
  g_assert_nonnull (strstr (run.out, "已完成"));

  cli_language = "en";
  run_cli (&run, "--help", NULL);
  g_assert_nonnull (strstr (run.out, "Usage:"));
  run_cli (&run, "validate", NULL);
  g_assert_nonnull (strstr (run.err, "No file given"));

  cli_language = NULL;
  run_clear (&run);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/validate", test_validate);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/format", test_format);
  g_test_add_func ("/cli/summary", test_summary);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/export-notice", test_export_notice);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/export-csv", test_export_csv);
  g_test_add_func ("/cli/languages", test_languages);

  return g_test_run ();
}
