/* test-cli.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ms-category.h"
#include "ms-document.h"
#include "ms-group.h"
#include "ms-project.h"
#include "test-util.h"

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
/* Faults to inject into the next runs (tests/faults/ms-faults.c). */
static const char *cli_faults;
static const char *cli_faults_match;

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
  if (cli_faults != NULL)
    {
      g_autofree char *asan = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS") ?: "",
                                           ":verify_asan_link_order=0", NULL);

      g_assert_nonnull (g_getenv ("MS_FAULTS_LIB"));
      envp = g_environ_setenv (envp, "LD_PRELOAD", g_getenv ("MS_FAULTS_LIB"), TRUE);
      envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan, TRUE);
      envp = g_environ_setenv (envp, "MS_FAULTS", cli_faults, TRUE);
      envp = g_environ_setenv (envp, "MS_FAULTS_MATCH", cli_faults_match, TRUE);
    }
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
    "check",
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

/* Two projects of 2024 with nothing done by mid-year: one not started and
 * without indicators, one with a fifth of its target. */
static const char schedule_file[] =
  "{\"format\": \"minsheng\", \"version\": 1, \"year\": 2024, \"title\": \"进度\",\n"
  " \"categories\": [{\"id\": \"town\", \"title\": \"镇\", \"groups\": [{\"number\": 1, \"title\": \"组\",\n"
  "  \"projects\": [{\"number\": 1, \"target\": \"新建公园1座\", \"status\": \"not-started\"},\n"
  "   {\"number\": 2, \"target\": \"新建农村公路100公里\", \"status\": \"in-progress\",\n"
  "    \"indicators\": [{\"name\": \"农村公路\", \"unit\": \"公里\", \"target\": 100, \"actual\": 20}]}]}]}]}\n";

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
get_schedule_count (JsonObject *scope,
                    const char *kind,
                    const char *schedule)
{
  JsonObject *counts = json_object_get_object_member (json_object_get_object_member (scope, "schedule"), kind);

  return json_object_get_int_member (counts, schedule);
}

static void
test_summary_schedule (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-schedule-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "year.json", NULL);
  static const char * const bad_dates[] = { "2024-13-01", "2024-02-30", "30.06.2024", "mid-year", "" };
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, schedule_file, -1, NULL));

  /* Half way through the year: 20% done is at risk, not started is behind. */
  run_cli (&run, "summary", "--json", "--as-of", "2024-07-02", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonObject *root = parse_object (parser, run.out);
    JsonObject *total = json_object_get_object_member (root, "total");
    JsonObject *category = json_array_get_object_element (json_object_get_array_member (root, "categories"), 0);
    JsonArray *lagging = json_object_get_array_member (root, "lagging");
    JsonObject *first;
    JsonObject *second;

    g_assert_cmpstr (json_object_get_string_member (root, "as-of"), ==, "2024-07-02");
    g_assert_cmpint (get_schedule_count (total, "projects", "at-risk"), ==, 1);
    g_assert_cmpint (get_schedule_count (total, "projects", "behind"), ==, 1);
    g_assert_cmpint (get_schedule_count (total, "projects", "on-track"), ==, 0);
    g_assert_cmpint (get_schedule_count (total, "indicators", "at-risk"), ==, 1);
    g_assert_cmpint (get_schedule_count (category, "projects", "behind"), ==, 1);

    /* Most urgent first, whatever the file order. */
    g_assert_cmpuint (json_array_get_length (lagging), ==, 2);
    first = json_array_get_object_element (lagging, 0);
    second = json_array_get_object_element (lagging, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "category"), ==, "town");
    g_assert_cmpint (json_object_get_int_member (first, "number"), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (first, "schedule"), ==, "at-risk");
    g_assert_cmpstr (json_object_get_string_member (first, "indicator"), ==, "农村公路");
    g_assert_cmpint (json_object_get_int_member (second, "number"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (second, "schedule"), ==, "behind");
    g_assert_true (json_object_get_null_member (second, "indicator"));
  }

  /* Early in the year nothing lags. */
  run_cli (&run, "summary", "--as-of", "2024-01-10", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nSchedule as of 2024-01-10\n"));
  g_assert_nonnull (strstr (run.out, "\n  On track      2 (100.0%)\n"));
  g_assert_nonnull (strstr (run.out, "\nLagging projects\n  None\n"));

  /* After the year both are overdue; without --as-of, the year's last day. */
  run_cli (&run, "summary", "--as-of", "2025-01-05", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n  town/1  Overdue  新建公园1座\n  town/2  Overdue  新建农村公路100公里\n"));
  run_cli (&run, "summary", "--json", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"as-of\": \"2024-12-31\""));

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autofree char *expected = g_strdup_printf ("“%s” is not a date: write it as YYYY-MM-DD", bad_dates[i]);

      g_test_message ("--as-of %s", bad_dates[i]);
      run_cli (&run, "summary", "--as-of", bad_dates[i], path, NULL);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, expected));
      g_assert_cmpstr (run.out, ==, "");
    }
  run_cli (&run, "summary", path, "--as-of", NULL);
  g_assert_cmpint (run.status, ==, 2);

  g_remove (path);
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
  g_assert_cmpstr (json_object_get_string_member (root, "as-of"), ==, "2024-12-31");
  g_assert_cmpint (get_schedule_count (total, "projects", "done"), ==, 30);
  g_assert_cmpint (get_schedule_count (total, "projects", "not-reported"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "lagging")), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (total, "status"), "completed") +
                   json_object_get_int_member (json_object_get_object_member (total, "status"), "in-progress") +
                   json_object_get_int_member (json_object_get_object_member (total, "status"), "not-started") +
                   json_object_get_int_member (json_object_get_object_member (total, "status"), "delayed"), ==, 32);

  /* The departments as the window counts and orders them: most projects
   * behind schedule first; the project naming none is kept apart. */
  {
    JsonArray *departments = json_object_get_array_member (root, "departments");
    JsonObject *none = json_object_get_object_member (root, "no-department");
    gint64 previous = G_MAXINT64;

    g_assert_cmpuint (json_array_get_length (departments), ==, 19);
    for (guint i = 0; i < json_array_get_length (departments); i++)
      {
        JsonObject *department = json_array_get_object_element (departments, i);
        gint64 projects = json_object_get_int_member (department, "projects");
        gint64 behind = json_object_get_int_member (department, "behind-schedule");

        g_assert_nonnull (json_object_get_string_member (department, "name"));
        g_assert_cmpint (behind, <=, previous);
        g_assert_cmpint (json_object_get_int_member (department, "completed"), <=, projects);
        previous = behind;
      }
    g_assert_cmpint (json_object_get_int_member (none, "projects"), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (none, "keys"), 0), ==,
                     "municipal/15");
  }

  run_cli (&run, "summary", g_getenv ("MS_EXAMPLE_FILE"), NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "省重点民生实事"));
  g_assert_nonnull (strstr (run.out, "All categories"));
  g_assert_nonnull (strstr (run.out, "\nDepartments\n"));
  g_assert_nonnull (strstr (run.out, "\n\n  No responsible department  1 project · "));
  /* Each department with the same words as the window's page and chart. */
  g_assert_nonnull (strstr (run.out, "  市卫生健康委                4 projects · gap 0 points\n"));
  /* A year-end file: every pledge kept or without a figure. */
  g_assert_nonnull (strstr (run.out, "\nSchedule as of 2024-12-31\n"));
  g_assert_nonnull (strstr (run.out, "\nLagging projects\n  provincial/9  Not reported  "));
  g_assert_nonnull (strstr (run.out, "\n  municipal/3   Not reported  "));

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

static MsProject *
find_example_project (MsDocument *document,
                      guint       category,
                      guint       number)
{
  g_autoptr(GPtrArray) projects =
    ms_node_collect_projects (MS_NODE (ms_document_get_category (document, category)));

  for (guint i = 0; i < projects->len; i++)
    {
      if (ms_project_get_number (g_ptr_array_index (projects, i)) == number)
        return g_ptr_array_index (projects, i);
    }
  g_assert_not_reached ();
}

/* Writes the example with its three faults mended: a file check finds clean. */
static void
write_mended_example (const char *path)
{
  static const char * const departments[] = { "国网漯河供电公司", NULL };
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MsProject *rates = find_example_project (document, 0, 9);

  /* Item 9 of the provincial list reports no coverage rates. */
  g_object_unref (ms_project_remove_indicator (rates, 2));
  g_object_unref (ms_project_remove_indicator (rates, 1));
  ms_project_set_departments (find_example_project (document, 1, 15), departments);

  bytes = ms_document_serialize (document, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static void
test_check (void)
{
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-XXXXXX", NULL);
  g_autofree char *mended = g_build_filename (dir, "mended.json", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *overdue = NULL;
  Run run = { 0 };

  run_cli (&run, "check", example, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  expected = g_strdup_printf (
    "%1$s: provincial/9: warning: The status is completed, but indicator “城镇社区老年助餐覆盖率” has no reported figure\n"
    "%1$s: provincial/9: warning: The status is completed, but indicator “行政村老年助餐覆盖率” has no reported figure\n"
    "%1$s: municipal/15: warning: No responsible department is named\n",
    example);
  g_assert_cmpstr (run.out, ==, expected);

  /* After the year's end the unfinished high school is late. */
  run_cli (&run, "check", example, "--as-of", "2025-01-15", NULL);
  g_assert_cmpint (run.status, ==, 1);
  overdue = g_strdup_printf ("%s: municipal/3: error: The deadline 2024-12-31 has passed on "
                             "2025-01-15, and the project is neither completed nor has it met "
                             "every target\n", example);
  g_assert_nonnull (strstr (run.out, overdue));

  write_mended_example (mended);
  run_cli (&run, "check", mended, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  run_cli (&run, "check", "--as-of=2025-01-15", mended, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpuint (strlen (run.out) - 1, ==, strcspn (run.out, "\n"));

  /* 1 means findings, so every other failure is 2. */
  run_cli (&run, "check", example, "--as-of", "2024-02-30", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "Invalid date “2024-02-30”"));
  run_cli (&run, "check", example, "--as-of", "15.1.2025", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "check", "/nonexistent/file.json", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "/nonexistent/file.json"));
  run_cli (&run, "check", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "No file given"));

  cli_language = "zh_CN";
  run_cli (&run, "check", example, "--as-of", "2025-01-15", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "provincial/9: 警告: 状态为已完成，但指标“行政村老年助餐覆盖率”没有填报实际完成数\n"));
  g_assert_nonnull (strstr (run.out, "municipal/3: 错误: "));
  g_assert_nonnull (strstr (run.out, "municipal/15: 警告: 未明确责任单位\n"));
  run_cli (&run, "check", example, "--as-of", "2024-02-30", NULL);
  g_assert_nonnull (strstr (run.err, "日期“2024-02-30”无效"));
  cli_language = NULL;

  g_remove (mended);
  g_rmdir (dir);
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

static char *
read_all (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Every command that writes a file: its arguments, with OUT for the output. */
typedef struct
{
  const char *name;
  const char *args[8];
} Writer;

static const Writer writers[] = {
  { "format", { "format", "IN", "-o", "OUT", NULL } },
  { "import", { "import", "NOTICE", "-o", "OUT", NULL } },
  { "export-notice", { "export-notice", "IN", "-o", "OUT", NULL } },
  { "export-csv", { "export-csv", "IN", "-o", "OUT", NULL } },
  { "report-pdf", { "report", "IN", "-o", "OUT.pdf", "--lang", "en", NULL } },
  { "report-svg", { "report", "IN", "-o", "OUT.svg", NULL } },
  { "report-png", { "report", "IN", "-o", "OUT.png", NULL } },
};

static int
run_writer (Run          *run,
            const Writer *writer,
            const char   *input,
            const char   *notice,
            const char   *output)
{
  const char *argv[8] = { NULL };

  for (guint i = 0; writer->args[i] != NULL; i++)
    {
      if (g_str_equal (writer->args[i], "IN"))
        argv[i] = input;
      else if (g_str_equal (writer->args[i], "NOTICE"))
        argv[i] = notice;
      else if (g_str_has_prefix (writer->args[i], "OUT"))
        argv[i] = output;
      else
        argv[i] = writer->args[i];
    }
  run_cli (run, argv[0], argv[1], argv[2], argv[3], argv[4], argv[5], argv[6], NULL);
  return run->status;
}

static const char *
writer_suffix (const Writer *writer)
{
  for (guint i = 0; writer->args[i] != NULL; i++)
    if (g_str_has_prefix (writer->args[i], "OUT"))
      return writer->args[i] + 3;
  return "";
}

static void
test_writers_survive_faults (void)
{
  static const struct { const char *faults; const char *cause; } faults[] = {
    { "rename=EPERM", "permission to replace files in the folder" },
    { "write-limit=1000", "not enough space on the disk" },
    { "close=EIO", "input/output error" },
    { "fsync=EIO", "input/output error" },
    { "open=EROFS", "read-only file system" },
  };
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-faults-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "in.json", NULL);
  /* Faults hit only this folder, not the input. */
  g_autofree char *out_dir = g_build_filename (dir, "out", NULL);
  g_autofree char *notice = notice_path ("luohe-2024.txt");
  g_autofree char *example = read_all (g_getenv ("MS_EXAMPLE_FILE"));
  Run run = { 0 };

  g_assert_true (g_file_set_contents (input, example, -1, NULL));
  g_assert_cmpint (g_mkdir (out_dir, 0755), ==, 0);

  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
      {
        g_autofree char *name = g_strconcat ("out", writer_suffix (&writers[w]), NULL);
        g_autofree char *output = g_build_filename (out_dir, name, NULL);
        const char *old = "the output as it was before";
        g_autofree char *after = NULL;
        g_autofree char *input_after = NULL;

        g_assert_true (g_file_set_contents (output, old, -1, NULL));
        cli_faults = faults[f].faults;
        cli_faults_match = out_dir;
        run_writer (&run, &writers[w], input, notice, output);
        cli_faults = NULL;

        g_test_message ("%s with %s: %s", writers[w].name, faults[f].faults, run.err);
        g_assert_cmpint (run.status, ==, 1);
        g_assert_nonnull (strstr (run.err, faults[f].cause));
        after = read_all (output);
        g_assert_cmpstr (after, ==, old);
        input_after = read_all (input);
        g_assert_cmpstr (input_after, ==, example);
        /* The output alone: no temp file, no backup. */
        g_assert_cmpuint (count_files (out_dir), ==, 1);
        g_unlink (output);
      }

  run_clear (&run);
  ms_test_remove_tree (out_dir);
  ms_test_remove_tree (dir);
}

static MsIndicator *
load_indicator (const char *path,
                const char *category_id,
                guint       number,
                guint       index)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (file, NULL, &error);
  g_autoptr(GPtrArray) projects = NULL;

  g_assert_no_error (error);
  projects = ms_node_collect_projects (MS_NODE (document));
  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      MsCategory *category = ms_group_get_category (ms_project_get_group (project));

      if (g_str_equal (ms_category_get_id (category), category_id) && ms_project_get_number (project) == number)
        return g_object_ref (ms_project_get_indicator (project, index));
    }
  g_assert_not_reached ();
}

/* The figure of @indicator's progress entry at @date, or -1 without one. */
static double
entry_at (MsIndicator *indicator,
          MsDate       date)
{
  const MsTimelineEntry *entry = ms_timeline_get_at (ms_indicator_get_progress (indicator), date);

  return entry != NULL && entry->date == date ? entry->value : -1;
}

static void
test_import_into (void)
{
  g_autofree char *progress = notice_path ("luohe-2024-progress.txt");
  g_autofree char *dir = g_dir_make_tmp ("minsheng-import-into-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "in.json", NULL);
  g_autofree char *output = g_build_filename (dir, "out.json", NULL);
  g_autofree char *small = g_build_filename (dir, "september.txt", NULL);
  g_autofree char *undated = g_build_filename (dir, "undated.txt", NULL);
  g_autofree char *example = read_all (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *expected = NULL;
  g_autofree char *after = NULL;
  MsDate july = ms_date_from_ymd (2024, 7, 10);
  MsDate september = ms_date_from_ymd (2024, 9, 30);
  Run run = { 0 };
  static const char september_notice[] =
    "漯河市2024年民生实事推进情况\n\n"
    "一、省重点民生实事\n\n"
    "（一）开展城镇老旧小区改造\n\n"
    "4.持续推进城镇老旧小区改造提升,全年新开工改造不少于2529户。\n\n"
    "完成情况：全市已新开工改造老旧小区2000户。\n\n"
    "2024年9月30日\n";

  g_assert_true (g_file_set_contents (input, example, -1, NULL));

  /* --dry-run: the changes as "merge" prints them, the conflicts, nothing written. */
  run_cli (&run, "import", progress, "--into", input, "-o", output, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:9: provincial/1 ", progress);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_nonnull (strstr (run.out, ": actual of “职业技能培训”: 10 → 2.6\n"));
  g_assert_nonnull (strstr (run.out, "municipal/1 实现城镇新增就业3.3万人以上: actual of “城镇新增就业”: 3.67 → 1.9\n"));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:43: conflict: ambiguous match: project 21 ", progress);
  g_assert_nonnull (strstr (run.err, expected));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("%s:57: conflict: no such project: project 10 ", progress);
  g_assert_nonnull (strstr (run.err, expected));
  g_assert_nonnull (strstr (run.err, "minsheng-cli import: 13 changes, 2 conflicts; nothing written (--dry-run)"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  /* A real run writes OUT: the figures are progress entries at the notice's date. */
  run_cli (&run, "import", progress, "--into", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "13 changes, 2 conflicts; file written"));
  {
    g_autoptr(MsIndicator) training = load_indicator (output, "provincial", 1, 0);
    g_autoptr(MsIndicator) roads = load_indicator (output, "provincial", 5, 0);
    g_autoptr(MsIndicator) employment = load_indicator (output, "municipal", 1, 0);
    g_autoptr(MsIndicator) loans = load_indicator (output, "municipal", 2, 0);

    g_assert_cmpfloat (entry_at (training, july), ==, 2.6);
    g_assert_cmpfloat (entry_at (roads, july), ==, 46.5);
    g_assert_cmpfloat (entry_at (employment, july), ==, 1.9);
    g_assert_null (ms_indicator_get_progress (loans));
  }
  run_cli (&run, "validate", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  after = read_all (input);
  g_assert_cmpstr (after, ==, example);

  /* OUT may not be the notice; it may be FILE, as with "merge". */
  run_cli (&run, "import", progress, "--into", input, "-o", progress, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "is the input file"));
  g_assert_true (g_file_set_contents (small, september_notice, -1, NULL));
  run_cli (&run, "import", small, "--into", input, "-o", input, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "2 changes, 0 conflicts; file written"));
  {
    g_autoptr(MsIndicator) homes = load_indicator (input, "provincial", 4, 0);

    g_assert_cmpfloat (entry_at (homes, september), ==, 2000);
  }
  /* Again: nothing left to do. */
  run_cli (&run, "import", small, "--into", input, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.err, "0 changes, 0 conflicts; nothing to write"));

  /* A notice without a date needs --date. */
  {
    g_autofree char *text = g_strndup (september_notice, strstr (september_notice, "2024年9月30日") - september_notice);

    g_assert_true (g_file_set_contents (undated, text, -1, NULL));
  }
  g_unlink (output);
  run_cli (&run, "import", undated, "--into", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the notice gives no date"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  run_cli (&run, "import", undated, "--into", input, "-o", output, "--date", "2024-08-31", NULL);
  g_assert_cmpint (run.status, ==, 0);
  {
    g_autoptr(MsIndicator) homes = load_indicator (output, "provincial", 4, 0);

    g_assert_cmpfloat (entry_at (homes, ms_date_from_ymd (2024, 8, 31)), ==, 2000);
  }

  /* Usage errors. */
  run_cli (&run, "import", small, "--dry-run", NULL);
  g_assert_cmpint (run.status, ==, 2);
  run_cli (&run, "import", small, "--into", input, "--date", "2024-13-01", NULL);
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  ms_test_remove_tree (dir);
}

static void
test_writers_keep_their_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-input-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "in.json", NULL);
  g_autofree char *link_path = g_build_filename (dir, "link.json", NULL);
  g_autofree char *notice = g_build_filename (dir, "notice.txt", NULL);
  g_autofree char *notice_text = NULL;
  g_autofree char *example = read_all (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *seed = notice_path ("luohe-2024.txt");
  Run run = { 0 };

  g_assert_true (g_file_set_contents (input, example, -1, NULL));
  g_assert_cmpint (symlink ("in.json", link_path), ==, 0);
  notice_text = read_all (seed);
  g_assert_true (g_file_set_contents (notice, notice_text, -1, NULL));

  /* The output names the input, directly or through a link: refused. */
  for (guint w = 1; w < G_N_ELEMENTS (writers); w++)
    {
      const char *outputs[] = { input, link_path };
      gboolean from_notice = g_str_equal (writers[w].name, "import");

      if (g_str_has_prefix (writers[w].name, "report"))
        continue;
      for (guint o = 0; o < G_N_ELEMENTS (outputs); o++)
        {
          g_autofree char *after = NULL;
          const char *out = from_notice ? notice : outputs[o];

          run_writer (&run, &writers[w], input, notice, out);
          g_assert_cmpint (run.status, ==, 1);
          g_assert_nonnull (strstr (run.err, "is the input file"));
          after = read_all (from_notice ? notice : input);
          g_assert_cmpstr (after, ==, from_notice ? notice_text : example);
        }
    }

  /* A report named like its input, through a link, too. */
  {
    g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
    g_autofree char *pdf_link = g_build_filename (dir, "link.pdf", NULL);

    g_assert_true (g_file_set_contents (pdf, example, -1, NULL));
    g_assert_cmpint (symlink ("report.pdf", pdf_link), ==, 0);
    run_cli (&run, "report", pdf_link, "-o", pdf, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "is the input file"));
    g_unlink (pdf);
    g_unlink (pdf_link);
  }

  /* format may rewrite its input in place: that is what it is for. */
  run_cli (&run, "format", input, "-o", input, NULL);
  g_assert_cmpint (run.status, ==, 0);

  /* A link given as the output stays a link; its target gets the text. */
  {
    g_autofree char *csv = g_build_filename (dir, "projects.csv", NULL);
    g_autofree char *csv_link = g_build_filename (dir, "latest.csv", NULL);
    g_autofree char *written = NULL;

    g_assert_true (g_file_set_contents (csv, "old", -1, NULL));
    g_assert_cmpint (symlink ("projects.csv", csv_link), ==, 0);
    run_cli (&run, "export-csv", input, "-o", csv_link, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (csv_link, G_FILE_TEST_IS_SYMLINK));
    written = read_all (csv);
    g_assert_nonnull (strstr (written, "漯河"));
  }

  run_clear (&run);
  ms_test_remove_tree (dir);
}

/* Waits, a bounded number of times, for a temp file of ours to appear. */
static gboolean
wait_for_temp_file (const char *dir)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
      const char *name;

      while ((name = g_dir_read_name (folder)) != NULL)
        if (strstr (name, ".ms-save-") != NULL)
          return TRUE;
      g_usleep (5000);
    }
  return FALSE;
}

static void
test_killed_during_save (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-kill-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "year.json", NULL);
  g_autofree char *example = read_all (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *after = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *asan = g_strconcat (g_environ_getenv (envp, "ASAN_OPTIONS") ?: "", ":verify_asan_link_order=0",
                                       NULL);
  const char *argv[] = { g_getenv ("MS_CLI"), "format", path, "-o", path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status;
  Run run = { 0 };

  g_assert_true (g_file_set_contents (path, example, -1, NULL));

  /* Each write sleeps: the save is caught half way and killed. */
  envp = g_environ_setenv (envp, "LD_PRELOAD", g_getenv ("MS_FAULTS_LIB"), TRUE);
  envp = g_environ_setenv (envp, "ASAN_OPTIONS", asan, TRUE);
  envp = g_environ_setenv (envp, "MS_FAULTS", "slow-write=60000", TRUE);
  envp = g_environ_setenv (envp, "MS_FAULTS_MATCH", dir, TRUE);
  g_assert_true (g_spawn_async (NULL, (char **)argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_assert_true (wait_for_temp_file (dir));
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status));

  /* The file is untouched; the next run removes the dead run's temp file. */
  after = read_all (path);
  g_assert_cmpstr (after, ==, example);
  g_assert_cmpuint (count_files (dir), ==, 2);
  run_cli (&run, "format", path, "-o", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpuint (count_files (dir), ==, 2);
  {
    g_autofree char *backup = g_strconcat (path, "~", NULL);

    g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  }

  run_clear (&run);
  ms_test_remove_tree (dir);
}

static void
test_full_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-disk-XXXXXX", NULL);
  g_autofree char *script = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  /* A real small file system, filled up, where the machine lets us mount
   * one (root in its own mount namespace); the double covers the rest. */
  if (!g_spawn_command_line_sync ("unshare -m true", NULL, NULL, &status, NULL) || status != 0)
    {
      g_test_skip ("No mount namespace here for a small tmpfs");
      ms_test_remove_tree (dir);
      return;
    }

  script = g_strdup_printf (
    "set -e\n"
    "mount -t tmpfs -o size=256k tmpfs '%1$s'\n"
    "cp '%2$s' '%1$s/year.json'\n"
    "sed 's/\"note\": \"\"/\"note\": \"%3$s\"/' '%2$s' > '%1$s/bigger.json'\n"
    /* Leave room for about half of the new file. */
    "avail=$(df --output=avail -B1 '%1$s' | tail -n 1)\n"
    "head -c $((avail - 20480)) /dev/zero > '%1$s/filler'\n"
    "cp '%1$s/year.json' /tmp/before-$$\n"
    "set +e\n"
    "'%4$s' format '%1$s/bigger.json' -o '%1$s/year.json'\n"
    "echo status=$?\n"
    "cmp '%1$s/year.json' /tmp/before-$$ && echo unchanged\n"
    "ls -A '%1$s' | tr '\\n' ' '\n"
    "rm -f /tmp/before-$$\n",
    dir, g_getenv ("MS_EXAMPLE_FILE"),
    "这是一段很长的备注，用来让文件变大，直到磁盘放不下为止。这是一段很长的备注，用来让文件变大，直到磁盘放不下为止。",
    g_getenv ("MS_CLI"));
  {
    const char *argv[] = { "unshare", "-m", "sh", "-c", script, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                                 &error));
  }
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);
  if (strstr (err, "mount:") != NULL)
    {
      g_test_skip ("Mounting a tmpfs is not allowed here");
      ms_test_remove_tree (dir);
      return;
    }
  g_assert_nonnull (strstr (out, "status=1"));
  g_assert_nonnull (strstr (err, "not enough space on the disk"));
  g_assert_nonnull (strstr (out, "unchanged"));
  /* Only the files put there: no temp file, no truncated backup. */
  g_assert_nonnull (strstr (out, "bigger.json filler year.json "));
  g_assert_null (strstr (out, "year.json~"));
  ms_test_remove_tree (dir);
}

/* Permission faults need a user other than root: nobody, through setpriv. */
static gboolean
can_act_as_another_user (void)
{
  int status = 0;

  if (geteuid () == 0 && g_spawn_command_line_sync ("setpriv --reuid=65534 true", NULL, NULL, &status, NULL) &&
      status == 0)
    return TRUE;
  g_test_skip ("Needs root and setpriv to act as another user");
  return FALSE;
}

static void
test_sticky_shared_folder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-sticky-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "shared.json", NULL);
  g_autofree char *example = read_all (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                         g_getenv ("MS_CLI"), "format", path, "-o", path, NULL };

  /* A colleague's file in a shared folder: writable by all, but only its
   * owner may replace it. Needs root to set up and another user to try. */
  if (!can_act_as_another_user ())
    {
      ms_test_remove_tree (dir);
      return;
    }
  g_assert_cmpint (g_chmod (dir, 01777), ==, 0);
  g_assert_true (g_file_set_contents (path, example, -1, NULL));
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                               &error));
  g_assert_no_error (error);
  g_test_message ("%s", err);
  /* Refused in plain words, the file as it was, nothing left behind. */
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_nonnull (strstr (err, "permission to replace files in the folder"));
  after = read_all (path);
  g_assert_cmpstr (after, ==, example);
  g_assert_cmpuint (count_files (dir), ==, 1);
  ms_test_remove_tree (dir);
}

static void
test_read_only_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-cli-readonly-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "locked.json", NULL);
  g_autofree char *example = read_all (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *after = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                         g_getenv ("MS_CLI"), "export-csv", g_getenv ("MS_EXAMPLE_FILE"), "-o", path, NULL };

  /* Root may write anything: act as a user whose own file is read-only. */
  if (!can_act_as_another_user ())
    {
      ms_test_remove_tree (dir);
      return;
    }
  g_assert_true (g_file_set_contents (path, example, -1, NULL));
  g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
  g_assert_cmpint (chown (path, 65534, 65534), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  /* The folder would allow replacing it; the file's mode says no. */
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_nonnull (strstr (err, "is read-only"));
  after = read_all (path);
  g_assert_cmpstr (after, ==, example);
  g_assert_cmpuint (count_files (dir), ==, 1);
  ms_test_remove_tree (dir);
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
  g_test_add_func ("/cli/summary-schedule", test_summary_schedule);
  g_test_add_func ("/cli/import", test_import);
  g_test_add_func ("/cli/import-into", test_import_into);
  g_test_add_func ("/cli/export-notice", test_export_notice);
  g_test_add_func ("/cli/report", test_report);
  g_test_add_func ("/cli/export-csv", test_export_csv);
  g_test_add_func ("/cli/check", test_check);
  g_test_add_func ("/cli/languages", test_languages);
  g_test_add_func ("/cli/writers-survive-faults", test_writers_survive_faults);
  g_test_add_func ("/cli/writers-keep-their-input", test_writers_keep_their_input);
  g_test_add_func ("/cli/killed-during-save", test_killed_during_save);
  g_test_add_func ("/cli/full-disk", test_full_disk);
  g_test_add_func ("/cli/sticky-shared-folder", test_sticky_shared_folder);
  g_test_add_func ("/cli/read-only-file", test_read_only_file);

  return g_test_run ();
}
