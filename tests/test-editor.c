/* test-editor.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor session without a display: saves racing edits, undo and a
 * second save; changes and deletion on disk; reload; structure edits. Tests
 * wait for a condition by iterating the main context, never for a time.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "ms-editor.h"
#include "ms-edits.h"
#include "test-util.h"

static char *work_dir;

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return ((Wait *)data)->result != NULL;
}

static gboolean
is_idle (gpointer data)
{
  return !ms_editor_get_busy (data);
}

static gboolean
is_changed_on_disk (gpointer data)
{
  return ms_editor_get_external_change (data) == MS_EXTERNAL_CHANGE_CHANGED;
}

static gboolean
is_deleted_on_disk (gpointer data)
{
  return ms_editor_get_external_change (data) == MS_EXTERNAL_CHANGE_DELETED;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static GFile *
write_example (const char *name)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GBytes) bytes = ms_document_serialize (document, NULL);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

static MsEditor *
load_editor (GFile *file)
{
  Wait wait = { NULL };
  g_autoptr(GError) error = NULL;
  MsEditor *editor;

  ms_editor_load_async (file, NULL, store_result_cb, &wait);
  ms_test_wait_until (has_result, &wait);
  editor = ms_editor_load_finish (wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_nonnull (editor);
  return editor;
}

static MsEditor *
open_example (const char *name)
{
  g_autoptr(GFile) file = write_example (name);

  return load_editor (file);
}

/* Saves and waits; returns the error, if any. */
static GError *
save_and_wait (MsEditor *editor,
               GFile    *file)
{
  Wait wait = { NULL };
  GError *error = NULL;

  ms_editor_save_async (editor, file, NULL, store_result_cb, &wait);
  ms_test_wait_until (has_result, &wait);
  ms_editor_save_finish (editor, wait.result, &error);
  g_clear_object (&wait.result);
  return error;
}

static MsProject *
first_project (MsEditor *editor)
{
  MsDocument *document = ms_editor_get_document (editor);

  return ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
}

static void
set_note (MsEditor   *editor,
          const char *note)
{
  ms_history_set_string (ms_editor_get_history (editor), "Edit Note", G_OBJECT (first_project (editor)),
                         "note", note);
}

static char *
note_on_disk (MsEditor *editor)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ms_document_load (ms_editor_get_file (editor), NULL, &error);
  g_assert_no_error (error);
  return g_strdup (ms_project_get_note (ms_group_get_project (ms_category_get_group (
                                          ms_document_get_category (document, 0), 0), 0)));
}

/* Another program rewrites the file, with a later time. */
static void
rewrite_on_disk (MsEditor   *editor,
                 const char *note)
{
  g_autofree char *path = g_file_get_path (ms_editor_get_file (editor));
  g_autoptr(MsDocument) document = ms_document_load (ms_editor_get_file (editor), NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  struct utimbuf times;

  g_assert_nonnull (document);
  ms_project_set_note (ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0),
                       note);
  bytes = ms_document_serialize (document, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  times.actime = times.modtime = time (NULL) + 60;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_open (void)
{
  g_autoptr(MsEditor) editor = open_example ("open.json");
  g_autoptr(MsDocument) fresh = ms_edits_new_document ();
  g_autoptr(MsEditor) untitled = ms_editor_new (fresh);

  g_assert_false (ms_editor_get_modified (editor));
  g_assert_false (ms_editor_get_busy (editor));
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_NONE);
  g_assert_nonnull (ms_editor_get_file (editor));
  g_assert_cmpstr (ms_editor_get_title (editor), ==, ms_document_get_title (ms_editor_get_document (editor)));
  g_assert_cmpuint (ms_editor_get_serial (editor), ==, ms_editor_get_saved_serial (editor));

  /* A new document is as good as saved, and has no file yet. */
  g_assert_false (ms_editor_get_modified (untitled));
  g_assert_null (ms_editor_get_file (untitled));
  g_assert_cmpstr (ms_editor_get_title (untitled), ==, "Untitled");
  {
    g_autoptr(GError) error = save_and_wait (untitled, NULL);

    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
  }
  ms_document_set_title (fresh, "新文件");
  g_assert_cmpstr (ms_editor_get_title (untitled), ==, "新文件");
  /* Not through the history: still an edit. */
  g_assert_true (ms_editor_get_modified (untitled));
}

static void
test_edit_and_undo (void)
{
  g_autoptr(MsEditor) editor = open_example ("undo.json");
  MsHistory *history = ms_editor_get_history (editor);
  guint notifies = 0;

  g_signal_connect_swapped (editor, "notify::serial", G_CALLBACK (count_cb), &notifies);

  set_note (editor, "a");
  g_assert_true (ms_editor_get_modified (editor));
  g_assert_true (ms_document_get_modified (ms_editor_get_document (editor)));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_editor_get_modified (editor));
  g_assert_false (ms_document_get_modified (ms_editor_get_document (editor)));
  g_assert_cmpuint (notifies, ==, 2);
}

static void
test_typing_during_save (void)
{
  g_autoptr(MsEditor) editor = open_example ("typing.json");
  MsHistory *history = ms_editor_get_history (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *on_disk = NULL;
  Wait wait = { NULL };

  set_note (editor, "a");
  ms_editor_save_async (editor, NULL, NULL, store_result_cb, &wait);
  g_assert_true (ms_editor_get_busy (editor));
  /* Typing on at once, as fast as the merge would take it. */
  set_note (editor, "ab");
  ms_test_wait_until (has_result, &wait);
  g_assert_true (ms_editor_save_finish (editor, wait.result, &error));
  g_clear_object (&wait.result);
  g_assert_no_error (error);

  g_assert_false (ms_editor_get_busy (editor));
  g_assert_true (ms_editor_get_modified (editor));
  on_disk = note_on_disk (editor);
  g_assert_cmpstr (on_disk, ==, "a");
  /* Undoing the typing is back at the saved state. */
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_editor_get_modified (editor));
  g_assert_true (ms_history_redo (history));
  g_assert_true (ms_editor_get_modified (editor));
}

static void
test_undo_during_save (void)
{
  g_autoptr(MsEditor) editor = open_example ("undo-save.json");
  MsHistory *history = ms_editor_get_history (editor);
  Wait wait = { NULL };

  set_note (editor, "a");
  ms_editor_save_async (editor, NULL, NULL, store_result_cb, &wait);
  g_assert_true (ms_history_undo (history));
  /* Back at what was opened, which the file still holds for now. */
  g_assert_false (ms_editor_get_modified (editor));
  ms_test_wait_until (has_result, &wait);
  g_assert_true (ms_editor_save_finish (editor, wait.result, NULL));
  g_clear_object (&wait.result);
  /* The file holds "a" now: what is shown differs from it. */
  g_assert_true (ms_editor_get_modified (editor));
  g_assert_true (ms_history_redo (history));
  g_assert_false (ms_editor_get_modified (editor));
}

static void
test_two_saves (void)
{
  g_autoptr(MsEditor) editor = open_example ("two-saves.json");
  g_autofree char *other_path = g_build_filename (work_dir, "two-saves-other.json", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  g_autoptr(GError) error = NULL;
  Wait first = { NULL };
  Wait second = { NULL };
  Wait reload = { NULL };

  set_note (editor, "a");
  ms_editor_save_async (editor, NULL, NULL, store_result_cb, &first);
  /* A second save, even elsewhere, is refused while the first writes, and
   * so is a reload. Both are asked before the main loop runs: waiting for
   * one answer may let the first save finish. */
  ms_editor_save_async (editor, other, NULL, store_result_cb, &second);
  ms_editor_reload_async (editor, NULL, store_result_cb, &reload);
  ms_test_wait_until (has_result, &second);
  g_assert_false (ms_editor_save_finish (editor, second.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_false (g_file_query_exists (other, NULL));
  g_clear_error (&error);
  g_clear_object (&second.result);
  ms_test_wait_until (has_result, &reload);
  g_assert_null (ms_editor_reload_finish (editor, reload.result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_clear_object (&reload.result);

  ms_test_wait_until (has_result, &first);
  g_assert_true (ms_editor_save_finish (editor, first.result, NULL));
  g_clear_object (&first.result);
  g_assert_false (ms_editor_get_modified (editor));
  g_assert_false (ms_editor_get_busy (editor));
}

static void
test_save_then_close (void)
{
  g_autoptr(MsEditor) editor = open_example ("close.json");
  g_autofree char *on_disk = NULL;
  Wait wait = { NULL };

  /* What a window does for "Save" in the close question. */
  set_note (editor, "先写的");
  ms_editor_save_async (editor, NULL, NULL, store_result_cb, &wait);
  set_note (editor, "先写的，后写的");
  ms_test_wait_until (has_result, &wait);
  g_assert_true (ms_editor_save_finish (editor, wait.result, NULL));
  g_clear_object (&wait.result);
  /* Saved, but not what is shown: the window must ask again, not close. */
  g_assert_true (ms_editor_get_modified (editor));

  g_assert_no_error (save_and_wait (editor, NULL));
  g_assert_false (ms_editor_get_modified (editor));
  on_disk = note_on_disk (editor);
  g_assert_cmpstr (on_disk, ==, "先写的，后写的");
}

static void
test_own_save_is_no_change (void)
{
  g_autoptr(MsEditor) editor = open_example ("own.json");

  set_note (editor, "a");
  g_assert_no_error (save_and_wait (editor, NULL));
  ms_editor_check_file (editor);
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_NONE);
  g_assert_false (ms_editor_get_modified (editor));
}

static void
test_changed_on_disk (void)
{
  g_autoptr(MsEditor) editor = open_example ("changed.json");
  MsHistory *history = ms_editor_get_history (editor);
  g_autoptr(GError) error = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *mine = NULL;

  set_note (editor, "mine");
  rewrite_on_disk (editor, "theirs");
  /* The monitor notices. */
  ms_test_wait_until (is_changed_on_disk, editor);
  g_assert_true (ms_editor_get_modified (editor));

  /* Saving would overwrite their version: refused. */
  error = save_and_wait (editor, NULL);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_true (ms_editor_get_modified (editor));
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_CHANGED);
  theirs = note_on_disk (editor);
  g_assert_cmpstr (theirs, ==, "theirs");

  /* Keep Mine: no undo makes it look saved; the next save overwrites. */
  ms_editor_keep_mine (editor);
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_NONE);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_editor_get_modified (editor));
  g_assert_true (ms_history_redo (history));
  g_assert_no_error (save_and_wait (editor, NULL));
  g_assert_false (ms_editor_get_modified (editor));
  mine = note_on_disk (editor);
  g_assert_cmpstr (mine, ==, "mine");
  ms_editor_check_file (editor);
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_NONE);
}

static void
test_deleted_on_disk (void)
{
  g_autoptr(MsEditor) editor = open_example ("deleted.json");
  g_autoptr(MsEditor) clean = open_example ("deleted-clean.json");
  g_autofree char *path = g_file_get_path (ms_editor_get_file (editor));
  g_autofree char *clean_path = g_file_get_path (ms_editor_get_file (clean));
  g_autofree char *on_disk = NULL;

  set_note (editor, "mine");
  g_assert_cmpint (g_unlink (path), ==, 0);
  ms_test_wait_until (is_deleted_on_disk, editor);
  g_assert_true (ms_editor_get_modified (editor));

  /* Saving writes the file anew. */
  g_assert_no_error (save_and_wait (editor, NULL));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_NONE);
  g_assert_false (ms_editor_get_modified (editor));
  on_disk = note_on_disk (editor);
  g_assert_cmpstr (on_disk, ==, "mine");

  /* An unmodified document whose file is moved away holds unsaved content now. */
  {
    g_autofree char *moved = g_strconcat (clean_path, ".moved", NULL);

    g_assert_cmpint (g_rename (clean_path, moved), ==, 0);
    ms_test_wait_until (is_deleted_on_disk, clean);
    g_assert_true (ms_editor_get_modified (clean));
    g_unlink (moved);
  }
}

static void
test_reload (void)
{
  g_autoptr(MsEditor) editor = open_example ("reload.json");
  g_autoptr(MsEditor) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  rewrite_on_disk (editor, "theirs");
  ms_editor_check_file (editor);
  g_assert_cmpint (ms_editor_get_external_change (editor), ==, MS_EXTERNAL_CHANGE_CHANGED);

  ms_editor_reload_async (editor, NULL, store_result_cb, &wait);
  g_assert_true (ms_editor_get_busy (editor));
  ms_test_wait_until (has_result, &wait);
  reloaded = ms_editor_reload_finish (editor, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  g_assert_false (ms_editor_get_busy (editor));
  g_assert_cmpstr (ms_project_get_note (first_project (reloaded)), ==, "theirs");
  g_assert_false (ms_editor_get_modified (reloaded));
  g_assert_cmpint (ms_editor_get_external_change (reloaded), ==, MS_EXTERNAL_CHANGE_NONE);
  g_assert_true (g_file_equal (ms_editor_get_file (reloaded), ms_editor_get_file (editor)));
}

static void
test_load_cancelled (void)
{
  g_autoptr(GFile) file = write_example ("cancel.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MsEditor) editor = NULL;
  Wait wait = { NULL };

  ms_editor_load_async (file, cancellable, store_result_cb, &wait);
  g_cancellable_cancel (cancellable);
  ms_test_wait_until (has_result, &wait);
  editor = ms_editor_load_finish (wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (editor);
}

static void
test_save_as (void)
{
  g_autoptr(MsEditor) editor = open_example ("save-as.json");
  g_autofree char *path = g_build_filename (work_dir, "save-as-copy.json", NULL);
  g_autoptr(GFile) copy = g_file_new_for_path (path);
  guint file_notifies = 0;

  g_signal_connect_swapped (editor, "notify::file", G_CALLBACK (count_cb), &file_notifies);
  set_note (editor, "copy");
  g_assert_no_error (save_and_wait (editor, copy));
  g_assert_true (g_file_equal (ms_editor_get_file (editor), copy));
  g_assert_cmpuint (file_notifies, ==, 1);
  g_assert_false (ms_editor_get_modified (editor));
  /* The copy is watched now. */
  rewrite_on_disk (editor, "theirs");
  ms_test_wait_until (is_changed_on_disk, editor);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (is_idle (editor));
}

/* Structure edits */

static MsHistory *
example_history (MsDocument **document)
{
  *document = ms_test_load_example ();
  return ms_history_new (*document);
}

static void
test_edits_projects (void)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsHistory) history = example_history (&document);
  MsCategory *category = ms_document_get_category (document, 0);
  MsGroup *group = ms_category_get_group (category, 0);
  guint n = g_list_model_get_n_items (ms_group_get_projects (group));
  guint next = ms_edits_next_project_number (document, category);
  MsProject *first = ms_group_get_project (group, 0);
  MsProject *added;

  g_assert_cmpuint (next, >, 1);
  g_assert_cmpuint (ms_edits_next_project_number (document, NULL), >=, next);

  added = ms_edits_add_project (history, group, 1, category);
  g_assert_nonnull (added);
  g_assert_true (ms_group_get_project (group, 1) == added);
  g_assert_cmpuint (ms_project_get_number (added), ==, next);
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Add Project");

  /* Moving past either end is refused. */
  g_assert_false (ms_edits_move_project (history, first, -1));
  g_assert_true (ms_edits_move_project (history, first, 1));
  g_assert_true (ms_group_get_project (group, 1) == first);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_group_get_project (group, 0) == first);

  g_assert_true (ms_edits_remove_project (history, added));
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, n);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_group_get_project (group, 1) == added);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, n);

  /* A project out of the tree cannot be removed again. */
  g_assert_false (ms_edits_remove_project (history, added));
}

static void
test_edits_groups (void)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsHistory) history = example_history (&document);
  MsCategory *category = ms_document_get_category (document, 0);
  guint n = g_list_model_get_n_items (ms_category_get_groups (category));
  guint next = ms_edits_next_project_number (document, category);
  MsGroup *group;
  MsGroup *first = ms_category_get_group (category, 0);

  /* A new group comes with a first project, in one step. */
  group = ms_edits_add_group (history, category);
  g_assert_nonnull (group);
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (category)), ==, n + 1);
  g_assert_cmpuint (ms_group_get_number (group), ==, n + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, 1);
  g_assert_cmpuint (ms_project_get_number (ms_group_get_project (group, 0)), ==, next);

  g_assert_true (ms_edits_rename_group (history, group, "新分组"));
  g_assert_cmpstr (ms_group_get_title (group), ==, "新分组");
  g_assert_false (ms_edits_rename_group (history, group, "新分组"));
  /* Renames do not merge into each other. */
  g_assert_true (ms_edits_rename_group (history, group, "又一个"));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_group_get_title (group), ==, "新分组");

  g_assert_false (ms_edits_move_group (history, group, 1));
  g_assert_true (ms_edits_move_group (history, first, 1));
  g_assert_true (ms_category_get_group (category, 1) == first);
  g_assert_true (ms_history_undo (history));

  g_assert_true (ms_edits_remove_group (history, group));
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (category)), ==, n);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_category_get_group (category, n) == group);
}

static void
test_edits_indicators (void)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsHistory) history = example_history (&document);
  MsProject *project = ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
  guint n = g_list_model_get_n_items (ms_project_get_indicators (project));
  MsIndicator *added;

  added = ms_edits_add_indicator (history, project);
  g_assert_nonnull (added);
  g_assert_true (ms_project_get_indicator (project, n) == added);
  g_assert_false (ms_edits_move_indicator (history, added, 1));
  if (n > 0)
    {
      g_assert_true (ms_edits_move_indicator (history, added, -1));
      g_assert_true (ms_project_get_indicator (project, n - 1) == added);
      g_assert_true (ms_history_undo (history));
    }
  g_assert_true (ms_edits_remove_indicator (history, added));
  g_assert_cmpuint (g_list_model_get_n_items (ms_project_get_indicators (project)), ==, n);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_project_get_indicator (project, n) == added);
}

static void
test_edits_new_document (void)
{
  g_autoptr(MsDocument) document = ms_edits_new_document ();

  g_assert_false (ms_document_get_modified (document));
  g_assert_null (ms_document_get_file (document));
  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (ms_document_get_category (document, 0))), ==, 1);
  g_assert_cmpuint (ms_edits_next_project_number (document, NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  g_test_init (&argc, &argv, NULL);
  work_dir = g_dir_make_tmp ("minsheng-editor-XXXXXX", NULL);

  g_test_add_func ("/editor/open", test_open);
  g_test_add_func ("/editor/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/editor/typing-during-save", test_typing_during_save);
  g_test_add_func ("/editor/undo-during-save", test_undo_during_save);
  g_test_add_func ("/editor/two-saves", test_two_saves);
  g_test_add_func ("/editor/save-then-close", test_save_then_close);
  g_test_add_func ("/editor/own-save-is-no-change", test_own_save_is_no_change);
  g_test_add_func ("/editor/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/editor/deleted-on-disk", test_deleted_on_disk);
  g_test_add_func ("/editor/reload", test_reload);
  g_test_add_func ("/editor/load-cancelled", test_load_cancelled);
  g_test_add_func ("/editor/save-as", test_save_as);
  g_test_add_func ("/edits/projects", test_edits_projects);
  g_test_add_func ("/edits/groups", test_edits_groups);
  g_test_add_func ("/edits/indicators", test_edits_indicators);
  g_test_add_func ("/edits/new-document", test_edits_new_document);

  result = g_test_run ();

  ms_test_remove_tree (work_dir);
  g_free (work_dir);

  return result;
}
