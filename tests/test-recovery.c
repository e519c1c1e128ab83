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

#include "ms-autosave.h"
#include "ms-editor.h"
#include "ms-recovery.h"
#include "test-util.h"

static char *state_dir;

/* Whether edits of @file are kept for recovery. */
static gboolean
has_kept_edits (GFile *file)
{
  g_autoptr(MsRecoveryEntry) entry = ms_recovery_find (file, MS_RECOVERY_ANY);

  return entry != NULL;
}

static void
clear_folder (void)
{
  g_autoptr(GPtrArray) entries = ms_recovery_list (MS_RECOVERY_ANY);

  for (guint i = 0; i < entries->len; i++)
    ms_recovery_discard (((MsRecoveryEntry *)g_ptr_array_index (entries, i))->key);
}

static void
test_keep_and_restore (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  GFile *file = ms_document_get_file (document);
  g_autofree char *key = ms_recovery_new_key ();
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
  g_assert_false (has_kept_edits (file));

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
  entry = ms_recovery_find (file, MS_RECOVERY_ANY);
  g_assert_nonnull (entry);
  g_assert_true (g_file_equal (entry->file, file));
  g_assert_cmpstr (entry->title, ==, ms_document_get_title (document));
  g_assert_cmpint (g_date_time_difference (now, entry->time), <, 60 * G_TIME_SPAN_SECOND);

  entries = ms_recovery_list (MS_RECOVERY_ANY);
  g_assert_cmpuint (entries->len, ==, 1);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Edits of a session still running are not offered; once it stopped, they are. */
  entries = ms_recovery_list (MS_RECOVERY_ORPHANED);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  ms_test_orphan_recovery (key);
  entries = ms_recovery_list (MS_RECOVERY_ORPHANED);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    g_autoptr(MsRecoveryEntry) found = ms_recovery_find (file, MS_RECOVERY_ORPHANED);

    g_assert_nonnull (found);
    g_assert_cmpstr (found->key, ==, key);
  }
  /* Claimed by the session that restores them, they are not offered again. */
  ms_recovery_claim (key);
  {
    g_autoptr(MsRecoveryEntry) found = ms_recovery_find (file, MS_RECOVERY_ORPHANED);

    g_assert_null (found);
  }

  restored = ms_recovery_restore (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_document_get_intro (restored), ==, "崩溃前未保存的修改");
  g_assert_true (ms_document_get_modified (restored));
  /* Saving the restored edits goes to the file they belong to. */
  g_assert_true (g_file_equal (ms_document_get_file (restored), file));

  ms_recovery_discard (key);
  g_assert_false (has_kept_edits (file));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ms_recovery_list (MS_RECOVERY_ANY);
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
  entries = ms_recovery_list (MS_RECOVERY_ANY);
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
  g_autofree char *orphan = g_build_filename (folder_path, "0123-orphan.json", NULL);
  g_autofree char *broken = g_build_filename (folder_path, "deadbeef.ini", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  clear_folder ();
  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  /* Killed between the two files, or a stray name: nothing to offer. */
  g_assert_true (g_file_set_contents (orphan, "{}", -1, NULL));
  g_assert_true (g_file_set_contents (broken, "[Recovery]\ntitle=x\n", -1, NULL));
  entries = ms_recovery_list (MS_RECOVERY_ANY);
  g_assert_cmpuint (entries->len, ==, 0);
  g_unlink (orphan);
  g_unlink (broken);
}

static gboolean
is_kept (gpointer data)
{
  MsAutosave *autosave = data;

  return ms_autosave_get_kept_serial (autosave) == ms_editor_get_serial (ms_autosave_get_editor (autosave));
}

static gboolean
is_idle (gpointer data)
{
  return !ms_editor_get_busy (data);
}

static MsProject *
first_project (MsEditor *editor)
{
  MsDocument *document = ms_editor_get_document (editor);

  return ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
}

static void
edit_note (MsEditor   *editor,
           const char *note)
{
  ms_history_set_string (ms_editor_get_history (editor), "Edit Note", G_OBJECT (first_project (editor)), "note",
                         note);
  ms_history_break_merge (ms_editor_get_history (editor));
}

static MsEditor *
editor_for_copy (const char *dir)
{
  g_autoptr(MsDocument) example = ms_test_load_example ();
  g_autoptr(GBytes) bytes = ms_document_serialize (example, NULL);
  g_autofree char *path = g_build_filename (dir, "year.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  document = ms_document_load (file, NULL, &error);
  g_assert_no_error (error);
  return ms_editor_new (document);
}

static void
save_and_wait (MsEditor *editor,
               GFile    *file)
{
  ms_editor_save_async (editor, file, NULL, NULL, NULL);
  ms_test_wait_until (is_idle, editor);
}

static void
test_autosave_keeps_and_forgets (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-autosave-XXXXXX", NULL);
  g_autoptr(MsEditor) editor = editor_for_copy (dir);
  g_autoptr(MsAutosave) autosave = ms_autosave_new (editor);
  GFile *file = ms_editor_get_file (editor);
  g_autoptr(GError) error = NULL;

  clear_folder ();
  ms_autosave_set_delay (autosave, 20);

  /* Nothing is kept for a document without unsaved edits. */
  g_assert_false (has_kept_edits (file));

  edit_note (editor, "第一次修改");
  ms_test_wait_until (is_kept, autosave);
  {
    g_autoptr(MsRecoveryEntry) entry = ms_recovery_find (file, MS_RECOVERY_ANY);
    g_autoptr(MsDocument) restored = NULL;

    g_assert_nonnull (entry);
    g_assert_cmpstr (entry->key, ==, ms_autosave_get_key (autosave));
    restored = ms_recovery_restore (entry, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (ms_project_get_note (ms_group_get_project (
                       ms_category_get_group (ms_document_get_category (restored, 0), 0), 0)), ==, "第一次修改");
  }

  /* Later edits replace what was kept. */
  edit_note (editor, "第二次修改");
  ms_test_wait_until (is_kept, autosave);
  {
    g_autoptr(MsRecoveryEntry) entry = ms_recovery_find (file, MS_RECOVERY_ANY);
    g_autoptr(MsDocument) restored = ms_recovery_restore (entry, &error);

    g_assert_cmpstr (ms_project_get_note (ms_group_get_project (
                       ms_category_get_group (ms_document_get_category (restored, 0), 0), 0)), ==, "第二次修改");
  }

  /* A save makes them needless; undo back to the file's state too. */
  save_and_wait (editor, NULL);
  g_assert_false (ms_editor_get_modified (editor));
  g_assert_false (has_kept_edits (file));

  edit_note (editor, "第三次修改");
  ms_test_wait_until (is_kept, autosave);
  g_assert_true (has_kept_edits (file));
  g_assert_true (ms_history_undo (ms_editor_get_history (editor)));
  g_assert_false (ms_editor_get_modified (editor));
  g_assert_false (has_kept_edits (file));

  /* Discarding forgets them. */
  edit_note (editor, "被丢弃的修改");
  ms_test_wait_until (is_kept, autosave);
  ms_autosave_discard (autosave);
  g_assert_false (has_kept_edits (file));

  g_clear_object (&autosave);
  g_clear_object (&editor);
  {
    g_autofree char *path = g_build_filename (dir, "year.json", NULL);
    g_autofree char *backup = g_build_filename (dir, "year.json~", NULL);

    g_unlink (path);
    g_unlink (backup);
    g_rmdir (dir);
  }
}

static void
test_autosave_follows_save_as (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-autosave-XXXXXX", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(MsDocument) fresh = ms_test_generate_document (2);
  g_autoptr(MsEditor) editor = NULL;
  g_autoptr(MsAutosave) autosave = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  clear_folder ();
  ms_document_set_modified (fresh, FALSE);
  editor = ms_editor_new (fresh);
  autosave = ms_autosave_new (editor);
  ms_autosave_set_delay (autosave, 20);

  /* A document never saved is kept under a key of its own. */
  edit_note (editor, "新文件的修改");
  ms_test_wait_until (is_kept, autosave);
  entries = ms_recovery_list (MS_RECOVERY_ANY);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_null (((MsRecoveryEntry *)g_ptr_array_index (entries, 0))->file);

  /* Saved under a name, the untitled edits are gone. */
  save_and_wait (editor, other);
  g_assert_false (ms_editor_get_modified (editor));
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ms_recovery_list (MS_RECOVERY_ANY);
  g_assert_cmpuint (entries->len, ==, 0);

  /* Further edits are kept for the new file. */
  edit_note (editor, "另存之后的修改");
  ms_test_wait_until (is_kept, autosave);
  {
    g_autoptr(MsRecoveryEntry) entry = ms_recovery_find (other, MS_RECOVERY_ANY);

    g_assert_nonnull (entry);
  }
  ms_autosave_discard (autosave);
  g_clear_object (&autosave);
  g_clear_object (&editor);
  g_unlink (other_path);
  g_rmdir (dir);
}

static gboolean
has_pending_keep (gpointer data)
{
  return !is_kept (data);
}

static void
test_autosave_after_discard_and_undo (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-autosave-XXXXXX", NULL);
  g_autoptr(MsEditor) editor = editor_for_copy (dir);
  g_autoptr(MsAutosave) autosave = ms_autosave_new (editor);
  GFile *file = ms_editor_get_file (editor);

  clear_folder ();
  ms_autosave_set_delay (autosave, 20);

  /* Discarded, then the file meant to replace them did not open: what is
   * typed after that is kept again. */
  edit_note (editor, "将被丢弃");
  ms_test_wait_until (is_kept, autosave);
  ms_autosave_discard (autosave);
  g_assert_false (has_kept_edits (file));
  edit_note (editor, "丢弃之后又输入");
  g_assert_true (has_pending_keep (autosave));
  ms_test_wait_until (is_kept, autosave);
  g_assert_true (has_kept_edits (file));

  /* Back to a state kept before a save: kept again, not taken as kept. */
  edit_note (editor, "保存前");
  ms_test_wait_until (is_kept, autosave);
  edit_note (editor, "保存的状态");
  save_and_wait (editor, NULL);
  g_assert_false (has_kept_edits (file));
  g_assert_true (ms_history_undo (ms_editor_get_history (editor)));
  g_assert_true (ms_editor_get_modified (editor));
  ms_test_wait_until (is_kept, autosave);
  g_assert_true (has_kept_edits (file));

  ms_autosave_discard (autosave);
  g_clear_object (&autosave);
  g_clear_object (&editor);
  ms_test_remove_tree (dir);
}

static void
test_two_editors_one_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-autosave-XXXXXX", NULL);
  g_autoptr(MsEditor) first = editor_for_copy (dir);
  g_autoptr(MsDocument) second_document = ms_document_load (ms_editor_get_file (first), NULL, NULL);
  g_autoptr(MsEditor) second = ms_editor_new (second_document);
  g_autoptr(MsAutosave) first_autosave = ms_autosave_new (first);
  g_autoptr(MsAutosave) second_autosave = ms_autosave_new (second);
  g_autoptr(GPtrArray) entries = NULL;

  clear_folder ();
  ms_autosave_set_delay (first_autosave, 20);
  ms_autosave_set_delay (second_autosave, 20);

  /* Two windows on one file keep their edits apart. */
  g_assert_cmpstr (ms_autosave_get_key (first_autosave), !=, ms_autosave_get_key (second_autosave));
  edit_note (first, "第一个窗口");
  edit_note (second, "第二个窗口");
  ms_test_wait_until (is_kept, first_autosave);
  ms_test_wait_until (is_kept, second_autosave);
  entries = ms_recovery_list (MS_RECOVERY_ANY);
  g_assert_cmpuint (entries->len, ==, 2);

  /* One saving leaves the other's kept. */
  save_and_wait (second, NULL);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = ms_recovery_list (MS_RECOVERY_ANY);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((MsRecoveryEntry *)g_ptr_array_index (entries, 0))->key, ==,
                   ms_autosave_get_key (first_autosave));

  ms_autosave_discard (first_autosave);
  g_clear_object (&first_autosave);
  g_clear_object (&second_autosave);
  g_clear_object (&first);
  g_clear_object (&second);
  ms_test_remove_tree (dir);
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
  g_test_add_func ("/recovery/autosave-keeps-and-forgets", test_autosave_keeps_and_forgets);
  g_test_add_func ("/recovery/autosave-follows-save-as", test_autosave_follows_save_as);
  g_test_add_func ("/recovery/autosave-after-discard-and-undo", test_autosave_after_discard_and_undo);
  g_test_add_func ("/recovery/two-editors-one-file", test_two_editors_one_file);

  status = g_test_run ();
  ms_test_remove_tree (state_dir);
  g_free (state_dir);
  return status;
}
