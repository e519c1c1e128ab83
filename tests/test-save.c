/* test-save.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "ms-document.h"
#include "ms-json.h"

typedef struct
{
  char  *dir;
  char  *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("minsheng-save-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->path = g_build_filename (fixture->dir, "yearly.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);

  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_dir_close (dir);
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_clear_object (&fixture->file);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static char *
read_file (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static MsProject *
first_project (MsDocument *document)
{
  return ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
}

static void
test_save_keeps_backup (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autoptr(MsDocument) reread = NULL;
  g_autofree char *before = read_file (fixture->path);
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *backup = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ms_document_get_etag (document));

  ms_project_set_completion (first_project (document), "全市开展各类职业技能培训12万人次。");
  g_assert_true (ms_document_get_modified (document));

  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ms_document_get_modified (document));

  /* The previous version is kept beside the file. */
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, before);

  reread = ms_document_load (fixture->file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_project_get_completion (first_project (reread)), ==,
                   "全市开展各类职业技能培训12万人次。");
}

static void
test_failed_save_keeps_original (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autofree char *before = read_file (fixture->path);
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *blocker = g_build_filename (backup_path, "keep", NULL);
  g_autofree char *after = NULL;

  g_assert_no_error (error);

  /* A folder where the backup must go makes the save fail, even as root. */
  g_assert_cmpint (g_mkdir (backup_path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (blocker, "x", 1, NULL));

  ms_project_set_completion (first_project (document), "改过的文字");
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_true (ms_document_get_modified (document));

  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_save_to_missing_folder_fails (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autofree char *elsewhere = g_build_filename (fixture->dir, "missing", "other.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (elsewhere);

  ms_document_set_year (document, 2025);
  g_assert_false (ms_document_save (document, target, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (ms_document_get_modified (document));
  /* The document still belongs to the file it came from. */
  g_assert_true (g_file_equal (ms_document_get_file (document), fixture->file));
}

static void
test_external_change_detected (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autofree char *theirs = NULL;
  g_autofree char *after = NULL;
  struct utimbuf times;

  g_assert_no_error (error);

  /* Someone else saves the file after we read it. */
  theirs = read_file (fixture->path);
  g_assert_true (g_file_set_contents (fixture->path, theirs, strlen (theirs), NULL));
  times.actime = times.modtime = time (NULL) + 60;
  g_assert_cmpint (utime (fixture->path, &times), ==, 0);

  ms_document_set_intro (document, "我们的修改");
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);
  g_assert_true (ms_document_get_modified (document));
  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, theirs);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  ms_document_save_finish (MS_DOCUMENT (object), result, error);
  if (*error == NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NONE, "done");
}

static void
test_async_save_with_racing_edit (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autoptr(MsDocument) reread = NULL;
  GError *result = NULL;

  ms_project_set_note (first_project (document), "第一处修改");
  ms_document_save_async (document, NULL, NULL, save_done_cb, &result);
  /* An edit after the bytes were taken is not in the file yet. */
  ms_project_set_note (first_project (document), "第二处修改");

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (result, G_IO_ERROR, G_IO_ERROR_NONE);
  g_clear_error (&result);

  g_assert_true (ms_document_get_modified (document));
  reread = ms_document_load (fixture->file, NULL, &error);
  g_assert_cmpstr (ms_project_get_note (first_project (reread)), ==, "第一处修改");
}

static void
test_save_without_file (void)
{
  g_autoptr(MsDocument) document = ms_document_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = ms_document_dup_display_name (document);

  g_assert_cmpstr (name, ==, "Untitled");
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME);
}

static void
test_save_through_symlink (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *before = read_file (fixture->path);
  g_autofree char *after = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;

  g_assert_cmpint (symlink ("yearly.json", link_path), ==, 0);
  document = ms_document_load (link, NULL, &error);
  g_assert_no_error (error);

  ms_document_set_intro (document, "经由链接保存");
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The link stays a link; the file it names has the new text; the old
   * version is kept beside that file. */
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link_path, NULL);
  g_assert_cmpstr (target, ==, "yearly.json");
  after = read_file (fixture->path);
  g_assert_nonnull (strstr (after, "经由链接保存"));
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_EXISTS));
  {
    g_autofree char *backup = read_file (backup_path);

    g_assert_cmpstr (backup, ==, before);
  }
  g_assert_true (g_file_equal (ms_document_get_file (document), link));
}

static void
test_unreadable_document_not_saved (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autofree char *before = read_file (fixture->path);
  g_autofree char *after = NULL;

  /* Saving what could not be read back would lose the file. */
  ms_category_set_id (ms_document_get_category (document, 1), "provincial");
  ms_document_set_year (document, 1850);
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1850"));
  g_assert_nonnull (strstr (error->message, "市重点民生实事"));
  g_assert_true (ms_document_get_modified (document));
  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static void
test_new_document_is_savable (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "new.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(MsDocument) document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();
  g_autoptr(MsProject) project = ms_project_new ();
  g_autoptr(MsDocument) reread = NULL;
  g_autoptr(GError) error = NULL;

  /* Defaults alone make a file that opens again. */
  ms_category_set_id (category, "municipal");
  ms_group_insert_project (group, 0, project);
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (document, 0, category);
  g_assert_true (ms_document_save (document, file, NULL, &error));
  g_assert_no_error (error);
  reread = ms_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ms_document_get_year (reread), ==, ms_document_get_year (document));
}

static void
test_endless_file_refused (void)
{
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;

  /* A device reports no size: reading must stop at the limit, not run on. */
  document = ms_document_load (zero, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "/dev/zero:1:1:"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/save/keeps-backup", test_save_keeps_backup);
  ADD ("/save/failed-save-keeps-original", test_failed_save_keeps_original);
  ADD ("/save/missing-folder-fails", test_save_to_missing_folder_fails);
  ADD ("/save/external-change-detected", test_external_change_detected);
  ADD ("/save/async-with-racing-edit", test_async_save_with_racing_edit);
  ADD ("/save/through-symlink", test_save_through_symlink);
  ADD ("/save/unreadable-document-not-saved", test_unreadable_document_not_saved);
  ADD ("/save/new-document-is-savable", test_new_document_is_savable);
#undef ADD
  g_test_add_func ("/save/without-file", test_save_without_file);
  g_test_add_func ("/save/endless-file-refused", test_endless_file_refused);

  return g_test_run ();
}
