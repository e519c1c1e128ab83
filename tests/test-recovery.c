/* test-recovery.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ms-recovery.h"
#include "test-util.h"

static char *state_dir;

static void
clear_folder (void)
{
  g_autoptr(GPtrArray) entries = ms_recovery_list ();

  for (guint i = 0; i < entries->len; i++)
    ms_recovery_discard (((MsRecoveryEntry *)g_ptr_array_index (entries, i))->key);
}

static void
test_keep_and_restore (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  GFile *file = ms_document_get_file (document);
  g_autofree char *key = ms_recovery_key_for_file (file);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsRecoveryEntry) entry = NULL;
  g_autoptr(MsDocument) restored = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GFile) folder = ms_recovery_get_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  struct stat st;

  clear_folder ();
  g_assert_null (ms_recovery_find (file));

  ms_document_set_intro (document, "崩溃前未保存的修改");
  bytes = ms_document_serialize (document, &error);
  g_assert_no_error (error);
  g_assert_true (ms_recovery_keep (key, file, ms_document_get_title (document), bytes, NULL, &error));
  g_assert_no_error (error);

  /* Under the user's state folder, private to the user. */
  g_assert_true (g_str_has_prefix (folder_path, state_dir));
  g_assert_cmpint (g_stat (folder_path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0700);

  /* The same file in a later session finds its edits, with their time. */
  entry = ms_recovery_find (file);
  g_assert_nonnull (entry);
  g_assert_true (g_file_equal (entry->file, file));
  g_assert_cmpstr (entry->title, ==, ms_document_get_title (document));
  g_assert_cmpint (g_date_time_difference (now, entry->time), <, 60 * G_TIME_SPAN_SECOND);

  entries = ms_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 1);

  restored = ms_recovery_restore (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_document_get_intro (restored), ==, "崩溃前未保存的修改");
  g_assert_true (ms_document_get_modified (restored));
  /* Saving the restored edits goes to the file they belong to. */
  g_assert_true (g_file_equal (ms_document_get_file (restored), file));

  ms_recovery_discard (key);
  g_assert_null (ms_recovery_find (file));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ms_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
}

static void
test_untitled_documents (void)
{
  g_autoptr(MsDocument) first = ms_test_generate_document (3);
  g_autoptr(MsDocument) second = ms_test_generate_document (5);
  g_autofree char *first_key = ms_recovery_new_key ();
  g_autofree char *second_key = ms_recovery_new_key ();
  g_autoptr(GBytes) first_bytes = ms_document_serialize (first, NULL);
  g_autoptr(GBytes) second_bytes = ms_document_serialize (second, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  clear_folder ();
  g_assert_cmpstr (first_key, !=, second_key);
  g_assert_true (ms_recovery_keep (first_key, NULL, "一", first_bytes, NULL, &error));
  g_usleep (1100 * 1000);
  g_assert_true (ms_recovery_keep (second_key, NULL, "二", second_bytes, NULL, &error));
  g_assert_no_error (error);

  /* Newest first; a document never saved has no file. */
  entries = ms_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_cmpstr (((MsRecoveryEntry *)g_ptr_array_index (entries, 0))->title, ==, "二");
  g_assert_null (((MsRecoveryEntry *)g_ptr_array_index (entries, 0))->file);

  {
    g_autoptr(MsDocument) restored = ms_recovery_restore (g_ptr_array_index (entries, 0), &error);

    g_assert_no_error (error);
    g_assert_null (ms_document_get_file (restored));
    g_assert_true (ms_document_get_modified (restored));
  }
  clear_folder ();
}

static void
test_incomplete_entries_ignored (void)
{
  g_autoptr(GFile) folder = ms_recovery_get_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *orphan = g_build_filename (folder_path, "untitled-orphan.json", NULL);
  g_autofree char *broken = g_build_filename (folder_path, "deadbeef.ini", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  clear_folder ();
  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  /* Killed between the two files, or a stray name: nothing to offer. */
  g_assert_true (g_file_set_contents (orphan, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "[Recovery]\ntitle=x\n", -1, NULL));
  entries = ms_recovery_list ();
  g_assert_cmpuint (entries->len, ==, 0);
  g_unlink (orphan);
  g_unlink (broken);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GLib reads it: keep the tests out of the real state folder. */
  state_dir = g_dir_make_tmp ("minsheng-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recovery/keep-and-restore", test_keep_and_restore);
  g_test_add_func ("/recovery/untitled-documents", test_untitled_documents);
  g_test_add_func ("/recovery/incomplete-entries-ignored", test_incomplete_entries_ignored);

  status = g_test_run ();
  {
    g_autofree char *recovery = g_build_filename (state_dir, "minsheng", "recovery", NULL);
    g_autofree char *app = g_build_filename (state_dir, "minsheng", NULL);

    g_rmdir (recovery);
    g_rmdir (app);
    g_rmdir (state_dir);
  }
  g_free (state_dir);
  return status;
}
