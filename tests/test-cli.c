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

/* Runs minsheng-cli with the given arguments (NULL-terminated). */
static void
run_cli (Run        *run,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
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
  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
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
  static const char * const commands[] = { "validate", "format", "summary" };
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

  return g_test_run ();
}
