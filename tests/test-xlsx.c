/* test-xlsx.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The returns workbooks' file names (FORMAT.md, "Returned sheets"), the
 * file identity, and what a failed export leaves behind. The workbooks'
 * contents are read by check-xlsx.py with openpyxl.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ms-xlsx-export.h"
#include "test-util.h"

static void
assert_stem (const char *name,
             const char *expected)
{
  g_autofree char *stem = ms_xlsx_make_file_stem (name);

  g_assert_cmpstr (stem, ==, expected);
}

/* Nothing a file system refuses or reads specially survives. */
static void
assert_safe (const char *stem)
{
  gsize prefix = strcspn (stem, ".");

  g_assert_true (g_utf8_validate (stem, -1, NULL));
  g_assert_cmpuint (strlen (stem), >, 0);
  g_assert_cmpuint (strlen (stem), <=, MS_XLSX_FILE_STEM_MAX);
  g_assert_null (strpbrk (stem, "/\\:*?\"<>|"));
  for (const char *p = stem; *p != '\0'; p++)
    g_assert_true ((guchar)*p >= 0x20 && *p != 0x7F);
  g_assert_true (stem[0] != '.' && stem[0] != ' ');
  g_assert_true (stem[strlen (stem) - 1] != '.' && stem[strlen (stem) - 1] != ' ');
  g_assert_false (prefix == 3 && (g_ascii_strncasecmp (stem, "CON", 3) == 0 ||
                                  g_ascii_strncasecmp (stem, "NUL", 3) == 0 ||
                                  g_ascii_strncasecmp (stem, "PRN", 3) == 0 ||
                                  g_ascii_strncasecmp (stem, "AUX", 3) == 0));
}

static void
test_stem_hostile (void)
{
  static const char * const hostile[] = {
    "../x", "..", ".", "", "   ", "CON", "con", "Con.txt", "NUL.", "aux . x", "COM1", "lpt9.a.b", "a/b:c",
    "a\\b*c?d\"e<f>g|h", "\x01\x1f\x7f", "tab\there", "line\nbreak", "...hidden", "trailing. . .",
    "\xff\xfe bad bytes \xc3", "市交通运输局", "/etc/passwd", "C:\\Windows\\System32",
  };

  assert_stem ("../x", "_x");
  assert_stem ("..", "_");
  assert_stem ("", "_");
  assert_stem ("   ", "_");
  assert_stem ("CON", "CON_");
  assert_stem ("con", "con_");
  assert_stem ("Con.txt", "Con_.txt");
  assert_stem ("NUL.", "NUL_");
  assert_stem ("COM1", "COM1_");
  assert_stem ("lpt9.a.b", "lpt9_.a.b");
  /* Not device names: COM0, CONSOLE, a device name inside a longer word. */
  assert_stem ("COM0", "COM0");
  assert_stem ("CONSOLE", "CONSOLE");
  assert_stem ("a/b:c", "a_b_c");
  assert_stem ("a\\b*c?d\"e<f>g|h", "a_b_c_d_e_f_g_h");
  assert_stem ("tab\there", "tab_here");
  assert_stem ("line\nbreak", "line_break");
  assert_stem ("...hidden", "hidden");
  assert_stem ("trailing. . .", "trailing");
  assert_stem ("\xff\xfe x", "__ x");
  assert_stem ("市交通运输局", "市交通运输局");
  assert_stem ("/etc/passwd", "_etc_passwd");

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *stem = ms_xlsx_make_file_stem (hostile[i]);

      assert_safe (stem);
    }
}

static void
test_stem_long (void)
{
  GString *ascii = g_string_new (NULL);
  GString *han = g_string_new (NULL);
  g_autofree char *ascii_stem = NULL;
  g_autofree char *han_stem = NULL;
  g_autofree char *dotted_stem = NULL;
  g_autofree char *device_stem = NULL;
  g_autofree char *dotted = NULL;
  g_autofree char *device = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_c (ascii, 'a');
  /* 3 bytes a character: 100 bytes cut inside the 34th. */
  for (guint i = 0; i < 100; i++)
    g_string_append (han, "局");

  ascii_stem = ms_xlsx_make_file_stem (ascii->str);
  g_assert_cmpuint (strlen (ascii_stem), ==, 100);
  han_stem = ms_xlsx_make_file_stem (han->str);
  g_assert_cmpuint (strlen (han_stem), ==, 99);
  g_assert_cmpuint (g_utf8_strlen (han_stem, -1), ==, 33);
  g_assert_true (g_utf8_validate (han_stem, -1, NULL));

  /* The cut lands among dots: they are trimmed again. */
  dotted = g_strdup_printf ("%.*s.....x", 97, ascii->str);
  dotted_stem = ms_xlsx_make_file_stem (dotted);
  g_assert_cmpuint (strlen (dotted_stem), ==, 97);

  /* A device name before 97 dots and spaces: the cut leaves "CON" again. */
  {
    GString *text = g_string_new ("CON");

    while (text->len < 101)
      g_string_append (text, ". ");
    g_string_append_c (text, 'x');
    device = g_string_free (text, FALSE);
  }
  device_stem = ms_xlsx_make_file_stem (device);
  assert_safe (device_stem);
  g_assert_true (g_str_has_prefix (device_stem, "CON_"));

  g_string_free (ascii, TRUE);
  g_string_free (han, TRUE);
}

static void
test_names_unique (void)
{
  g_autoptr(GPtrArray) departments = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GString *long_a = g_string_new (NULL);
  GString *long_b = g_string_new (NULL);

  /* Equal but for a character that is replaced, or for letter case, or past the cut. */
  for (guint i = 0; i < 120; i++)
    {
      g_string_append_c (long_a, 'x');
      g_string_append_c (long_b, 'x');
    }
  g_string_append_c (long_a, 'a');
  g_string_append_c (long_b, 'b');

  g_ptr_array_add (departments, "a/b");
  g_ptr_array_add (departments, "a:b");
  g_ptr_array_add (departments, "a_b");
  g_ptr_array_add (departments, "A|B");
  g_ptr_array_add (departments, "局");
  g_ptr_array_add (departments, long_a->str);
  g_ptr_array_add (departments, long_b->str);
  names = ms_xlsx_name_return_files (departments);

  g_assert_cmpuint (names->len, ==, departments->len);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "a_b.xlsx");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "a_b (2).xlsx");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "a_b (3).xlsx");
  g_assert_cmpstr (g_ptr_array_index (names, 3), ==, "A_B (4).xlsx");
  g_assert_cmpstr (g_ptr_array_index (names, 4), ==, "局.xlsx");
  g_assert_true (g_str_has_suffix (g_ptr_array_index (names, 6), " (2).xlsx"));

  for (guint i = 0; i < names->len; i++)
    g_assert_true (g_hash_table_add (seen, g_utf8_casefold (g_ptr_array_index (names, i), -1)));

  g_string_free (long_a, TRUE);
  g_string_free (long_b, TRUE);
}

static void
test_identity (void)
{
  g_autoptr(MsDocument) document = ms_document_new ();
  g_autofree char *identity = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "漯河市\n2024\n漯河市2024年民生实事完成情况",
                                                             -1);

  ms_document_set_region (document, "漯河市");
  ms_document_set_year (document, 2024);
  ms_document_set_title (document, "漯河市2024年民生实事完成情况");
  identity = ms_xlsx_compute_file_identity (document);
  g_assert_cmpstr (identity, ==, expected);
  g_assert_cmpuint (strlen (identity), ==, 64);

  ms_document_set_year (document, 2025);
  changed = ms_xlsx_compute_file_identity (document);
  g_assert_cmpstr (changed, !=, identity);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_returns_written (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *dir = g_dir_make_tmp ("minsheng-test-xlsx-XXXXXX", NULL);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ms_xlsx_write_returns (document, MS_DATE_NONE, dir, NULL, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, count_entries (dir));
  g_assert_cmpuint (written->len, >, 10);
  g_clear_pointer (&written, g_ptr_array_unref);

  /* An unknown department is refused before anything is written. */
  ms_test_remove_tree (dir);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  g_ptr_array_add (wanted, "市交通运输局");
  g_ptr_array_add (wanted, "没有这个单位");
  g_assert_false (ms_xlsx_write_returns (document, MS_DATE_NONE, dir, wanted, &written, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "没有这个单位"));
  g_assert_cmpuint (count_entries (dir), ==, 0);
  g_clear_error (&error);
  g_clear_pointer (&written, g_ptr_array_unref);

  /* The same department twice: one workbook. */
  g_ptr_array_set_size (wanted, 1);
  g_ptr_array_add (wanted, "市交通运输局");
  g_assert_true (ms_xlsx_write_returns (document, MS_DATE_NONE, dir, wanted, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, 1);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (written, 0), "/市交通运输局.xlsx"));
  g_assert_cmpuint (count_entries (dir), ==, 1);

  ms_test_remove_tree (dir);
}

/* Failures in the folder written to (tests/faults/ms-faults.c, preloaded by
 * main): the error names the workbook, a workbook there stays as it was,
 * no partial workbook or temp file is left. */
static void
test_failure_leaves_nothing (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *dir = g_dir_make_tmp ("minsheng-test-xlsx-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "ledger.xlsx", NULL);
  g_autofree char *ledger = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (ms_xlsx_write_ledger (document, "en", missing, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "ledger.xlsx"));
  g_clear_error (&error);

  if (g_getenv ("MS_FAULTS_LIB") == NULL)
    {
      ms_test_remove_tree (dir);
      g_test_skip ("the fault double is not built");
      return;
    }

  /* A full disk while writing over an older ledger. */
  g_assert_true (g_file_set_contents (ledger, "older", -1, NULL));
  g_setenv ("MS_FAULTS_MATCH", dir, TRUE);
  g_setenv ("MS_FAULTS", "write-limit=2048", TRUE);
  g_assert_false (ms_xlsx_write_ledger (document, "en", ledger, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "ledger.xlsx"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (ledger, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "older");
  g_assert_cmpuint (count_entries (dir), ==, 1);
  g_assert_cmpint (g_unlink (ledger), ==, 0);

  /* The third workbook cannot be renamed into place: two are whole, reported as written. */
  g_setenv ("MS_FAULTS", "rename=EPERM@3", TRUE);
  g_assert_false (ms_xlsx_write_returns (document, MS_DATE_NONE, dir, NULL, &written, &error));
  g_unsetenv ("MS_FAULTS");
  g_unsetenv ("MS_FAULTS_MATCH");
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, ".xlsx"));
  g_assert_cmpuint (written->len, ==, 2);
  g_assert_cmpuint (count_entries (dir), ==, 2);
  for (guint i = 0; i < written->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (written, i), G_FILE_TEST_IS_REGULAR));

  ms_test_remove_tree (dir);
}

/* A workbook already there is replaced whole. */
static void
test_ledger_replaces (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *dir = g_dir_make_tmp ("minsheng-test-xlsx-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (ms_xlsx_write_ledger (document, "zh_CN", path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* A zip archive, and nothing else in the folder. */
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  ms_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  ms_test_preload_faults (argv);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xlsx/stem/hostile", test_stem_hostile);
  g_test_add_func ("/xlsx/stem/long", test_stem_long);
  g_test_add_func ("/xlsx/names/unique", test_names_unique);
  g_test_add_func ("/xlsx/identity", test_identity);
  g_test_add_func ("/xlsx/returns/written", test_returns_written);
  g_test_add_func ("/xlsx/failure-leaves-nothing", test_failure_leaves_nothing);
  g_test_add_func ("/xlsx/ledger/replaces", test_ledger_replaces);

  return g_test_run ();
}
