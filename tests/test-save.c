/* test-save.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>

#include "ms-document.h"
#include "ms-json.h"
#include "ms-safe-write.h"
#include "test-util.h"

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
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ms_test_remove_tree (fixture->dir);
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

/* Dates the reader would refuse are not saved: a period that ends before
 * it starts, dates far from a changed year, figures after as_of. */
static void
test_unreadable_dates_not_saved (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  g_autofree char *before = read_file (fixture->path);
  g_autofree char *after = NULL;
  MsIndicator *indicator = ms_project_get_indicator (ms_group_get_project (ms_category_get_group (
                                                       ms_document_get_category (document, 0), 0), 0), 0);
  g_autoptr(MsTimeline) progress = ms_timeline_with_entry (NULL, ms_date_from_ymd (2024, 9, 30), 1, NULL);

  ms_document_set_period (document, ms_date_from_ymd (2024, 12, 31), ms_date_from_ymd (2024, 1, 1));
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "period ends before it starts"));
  g_clear_error (&error);
  ms_document_set_period (document, MS_DATE_NONE, MS_DATE_NONE);

  ms_indicator_set_progress (indicator, progress);
  ms_document_set_year (document, 2021);
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "more than a year away"));
  g_clear_error (&error);
  ms_document_set_year (document, 2024);

  ms_document_set_as_of (document, ms_date_from_ymd (2024, 6, 30));
  g_assert_false (ms_document_save (document, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "dated after the reporting date"));
  g_clear_error (&error);

  after = read_file (fixture->path);
  g_assert_cmpstr (after, ==, before);
  ms_document_set_as_of (document, ms_date_from_ymd (2024, 9, 30));
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);
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

  /* A device never ends: it is refused before it is read. */
  document = ms_document_load (zero, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "/dev/zero:1:1:"));
}

/* Injected faults (tests/faults/ms-faults.c, preloaded by main). */

static void
set_faults (Fixture    *fixture,
            const char *spec)
{
  if (spec == NULL)
    {
      g_unsetenv ("MS_FAULTS");
      g_unsetenv ("MS_FAULTS_MATCH");
      return;
    }
  g_setenv ("MS_FAULTS_MATCH", fixture->dir, TRUE);
  g_setenv ("MS_FAULTS", spec, TRUE);
}

/* Names in the folder other than the file and its backup: temp files. */
static char *
stray_files (const char *dir)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  GString *names = g_string_new (NULL);
  const char *name;

  while ((name = g_dir_read_name (folder)) != NULL)
    if (!g_str_equal (name, "yearly.json") && !g_str_equal (name, "yearly.json~"))
      g_string_append_printf (names, "%s ", name);

  return g_string_free (names, FALSE);
}

static void
test_faults_are_injected (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.json", NULL);

  /* Without the double every fault test below would pass for nothing. */
  set_faults (fixture, "rename=EIO");
  g_assert_cmpint (g_rename (fixture->path, moved), ==, -1);
  g_assert_cmpint (errno, ==, EIO);
  set_faults (fixture, NULL);
  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
}

typedef struct
{
  const char *faults;
  int code;
  const char *cause;
} Fault;

static const Fault save_faults[] = {
  /* Creating the temp file in the folder. */
  { "open=EACCES", G_IO_ERROR_PERMISSION_DENIED, "permission to replace files in the folder" },
  { "open=ENOSPC", G_IO_ERROR_NO_SPACE, "not enough space on the disk" },
  { "open=EROFS", G_IO_ERROR_READ_ONLY, "read-only file system" },
  /* Writing: an outright error, and a disk that fills up part way. */
  { "write=ENOSPC", G_IO_ERROR_NO_SPACE, "not enough space on the disk" },
  { "write-limit=2048", G_IO_ERROR_NO_SPACE, "not enough space on the disk" },
  { "write=EIO", G_IO_ERROR_FAILED, "input/output error" },
  { "write=EDQUOT", G_IO_ERROR_NO_SPACE, "not enough space on the disk" },
  /* The last steps, which GLib's asynchronous replace loses. */
  { "fsync=EIO", G_IO_ERROR_FAILED, "input/output error" },
  { "close=EIO", G_IO_ERROR_FAILED, "input/output error" },
  { "close=ENOSPC", G_IO_ERROR_NO_SPACE, "not enough space on the disk" },
  { "fchmod=EPERM", G_IO_ERROR_PERMISSION_DENIED, "/yearly.json”: Operation not permitted" },
  { "rename=EPERM", G_IO_ERROR_PERMISSION_DENIED, "permission to replace files in the folder" },
  { "rename=EIO", G_IO_ERROR_FAILED, "input/output error" },
  /* No hard link for the backup, and no room for its copy either. */
  { "link=EPERM,write=ENOSPC@2", G_IO_ERROR_NO_SPACE, "not enough space on the disk" },
};

static void
check_fault (Fixture     *fixture,
             const Fault *fault,
             gboolean     async)
{
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *before = NULL;
  g_autofree char *backup_before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *backup_after = NULL;
  g_autofree char *strays = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);

  g_assert_no_error (error);
  /* A mode that cannot be kept matters only when the file was more private. */
  if (strstr (fault->faults, "fchmod") != NULL)
    g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  /* A first save makes the backup whose bytes must survive. */
  ms_document_set_intro (document, "第一次保存");
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  before = read_file (fixture->path);
  backup_before = read_file (backup_path);

  ms_document_set_intro (document, "这次保存会失败");
  set_faults (fixture, fault->faults);
  if (async)
    {
      GError *result = NULL;

      ms_document_save_async (document, NULL, NULL, save_done_cb, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      error = result;
    }
  else
    g_assert_false (ms_document_save (document, NULL, NULL, &error));
  set_faults (fixture, NULL);

  g_test_message ("%s: %s", fault->faults, error ? error->message : "(no error)");
  g_assert_error (error, G_IO_ERROR, fault->code);
  g_assert_nonnull (strstr (error->message, fault->cause));
  g_assert_nonnull (strstr (error->message, "left as it was"));

  /* The file and its backup are byte for byte as they were; no temp file. */
  after = read_file (fixture->path);
  backup_after = read_file (backup_path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (backup_after, ==, backup_before);
  strays = stray_files (fixture->dir);
  g_assert_cmpstr (strays, ==, "");

  /* The document still holds the edit, and a later save succeeds. */
  g_assert_true (ms_document_get_modified (document));
  g_clear_error (&error);
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);
  g_free (after);
  after = read_file (fixture->path);
  g_assert_nonnull (strstr (after, "这次保存会失败"));
}

static void
test_faults_leave_files_as_they_were (Fixture       *fixture,
                                      gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (save_faults); i++)
    {
      g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);

      check_fault (fixture, &save_faults[i], GPOINTER_TO_INT (data));
      g_unlink (backup_path);
    }
}

static void
test_backup_without_hard_links (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);
  g_autofree char *before = read_file (fixture->path);
  g_autofree char *backup = NULL;
  g_autofree char *strays = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);

  /* Some file systems (and another user's file) refuse hard links: the
   * backup is then a complete copy. */
  set_faults (fixture, "link=EPERM");
  ms_document_set_intro (document, "无硬链接");
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  set_faults (fixture, NULL);
  g_assert_no_error (error);
  backup = read_file (backup_path);
  g_assert_cmpstr (backup, ==, before);
  strays = stray_files (fixture->dir);
  g_assert_cmpstr (strays, ==, "");
}

static void
test_mode_refused_but_no_wider (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, &error);
  struct stat st;

  /* A file system that refuses chmod (some network mounts) can still be
   * saved to when the new file is no more open than the old one. */
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  ms_document_set_year (document, 2033);
  set_faults (fixture, "fchmod=EPERM");
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  set_faults (fixture, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777 & ~0666, ==, 0);
}

static void
test_mode_kept (Fixture       *fixture,
                gconstpointer  data)
{
  static const guint modes[] = { 0600, 0664, 0755, 0640 };
  g_autofree char *backup_path = g_strconcat (fixture->path, "~", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MsDocument) document = NULL;
      struct stat st;

      g_assert_cmpint (g_chmod (fixture->path, modes[i]), ==, 0);
      document = ms_document_load (fixture->file, NULL, &error);
      g_assert_no_error (error);
      ms_document_set_year (document, 2000 + i);
      g_assert_true (ms_document_save (document, NULL, NULL, &error));
      g_assert_no_error (error);

      g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 07777, ==, modes[i]);
      /* The backup is the old file itself, mode and all. */
      g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 07777, ==, modes[i]);
    }
}

static void
test_owner_kept (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  struct stat st;

  if (geteuid () != 0)
    {
      g_test_skip ("Giving a file to another user needs root");
      return;
    }

  /* A file shared by a colleague stays theirs after we save it. */
  g_assert_cmpint (chown (fixture->path, 65534, 65534), ==, 0);
  document = ms_document_load (fixture->file, NULL, &error);
  ms_document_set_year (document, 2031);
  g_assert_true (ms_document_save (document, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 65534);
  g_assert_cmpuint (st.st_gid, ==, 65534);
}

static void
test_stale_temp_files_removed (Fixture       *fixture,
                               gconstpointer  data)
{
  guint host = g_str_hash (g_get_host_name ());
  g_autofree char *dead_name = g_strdup_printf (".yearly.json.ms-save-%08x-2147483646-AbCdEf", host);
  g_autofree char *dead = g_build_filename (fixture->dir, dead_name, NULL);
  g_autofree char *dead_backup_name = g_strdup_printf (".yearly.json~.ms-save-%08x-2147483646-12345678", host);
  g_autofree char *dead_backup = g_build_filename (fixture->dir, dead_backup_name, NULL);
  g_autofree char *live_name = g_strdup_printf (".yearly.json.ms-save-%08x-%d-XyZxYz", host, (int)getppid ());
  g_autofree char *live = g_build_filename (fixture->dir, live_name, NULL);
  g_autofree char *other_name = g_strdup_printf (".other.json.ms-save-%08x-2147483646-AbCdEf", host);
  g_autofree char *other = g_build_filename (fixture->dir, other_name, NULL);
  /* Another machine's, on a shared folder: its process cannot be asked. */
  g_autofree char *foreign_name = g_strdup_printf (".yearly.json.ms-save-%08x-12-AbCdEf", host + 1);
  g_autofree char *foreign = g_build_filename (fixture->dir, foreign_name, NULL);
  g_autofree char *old_foreign_name = g_strdup_printf (".yearly.json.ms-save-%08x-13-AbCdEf", host + 1);
  g_autofree char *old_foreign = g_build_filename (fixture->dir, old_foreign_name, NULL);
  struct utimbuf two_days_ago;

  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  g_assert_true (g_file_set_contents (dead_backup, "half", -1, NULL));
  g_assert_true (g_file_set_contents (live, "writing", -1, NULL));
  g_assert_true (g_file_set_contents (other, "not ours to judge", -1, NULL));
  g_assert_true (g_file_set_contents (foreign, "writing elsewhere", -1, NULL));
  g_assert_true (g_file_set_contents (old_foreign, "left long ago", -1, NULL));
  two_days_ago.actime = two_days_ago.modtime = time (NULL) - 2 * 24 * 3600;
  g_assert_cmpint (utime (old_foreign, &two_days_ago), ==, 0);

  /* Left by a writer that is gone: removed; a running one's: kept; another
   * machine's only once it is old. */
  g_assert_cmpuint (ms_safe_write_clean_stale (fixture->file), ==, 3);
  g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (dead_backup, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (old_foreign, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (foreign, G_FILE_TEST_EXISTS));

  /* Opening the file in a new session clears them too. */
  g_assert_true (g_file_set_contents (dead, "half", -1, NULL));
  {
    g_autoptr(MsDocument) document = ms_document_load (fixture->file, NULL, NULL);

    g_assert_nonnull (document);
    g_assert_false (g_file_test (dead, G_FILE_TEST_EXISTS));
  }
}

static void
test_same_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *hard_path = g_build_filename (fixture->dir, "hard.json", NULL);
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.json", NULL);
  g_autoptr(GFile) link_file = g_file_new_for_path (link_path);
  g_autoptr(GFile) hard = g_file_new_for_path (hard_path);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);

  g_assert_cmpint (symlink ("yearly.json", link_path), ==, 0);
  g_assert_cmpint (link (fixture->path, hard_path), ==, 0);
  g_assert_true (g_file_set_contents (other_path, "{}", -1, NULL));
  g_assert_true (ms_safe_write_is_same_file (fixture->file, link_file));
  g_assert_true (ms_safe_write_is_same_file (fixture->file, hard));
  g_assert_false (ms_safe_write_is_same_file (fixture->file, other));
}

static void
test_special_file_not_replaced (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fifo);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_false (ms_safe_write (file, "{}", 2, NULL, MS_SAFE_WRITE_BACKUP, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_cmpint (g_lstat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

int
main (int   argc,
      char *argv[])
{
  ms_test_preload_faults (argv);
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
  ADD ("/save/unreadable-dates-not-saved", test_unreadable_dates_not_saved);
  ADD ("/save/new-document-is-savable", test_new_document_is_savable);
  ADD ("/save/faults-are-injected", test_faults_are_injected);
  ADD ("/save/backup-without-hard-links", test_backup_without_hard_links);
  ADD ("/save/mode-kept", test_mode_kept);
  ADD ("/save/mode-refused-but-no-wider", test_mode_refused_but_no_wider);
  ADD ("/save/owner-kept", test_owner_kept);
  ADD ("/save/stale-temp-files-removed", test_stale_temp_files_removed);
  ADD ("/save/same-file", test_same_file);
  ADD ("/save/special-file-not-replaced", test_special_file_not_replaced);
#undef ADD
  g_test_add ("/save/faults-leave-files-as-they-were", Fixture, GINT_TO_POINTER (FALSE), fixture_set_up,
              test_faults_leave_files_as_they_were, fixture_tear_down);
  g_test_add ("/save/faults-leave-files-as-they-were-async", Fixture, GINT_TO_POINTER (TRUE), fixture_set_up,
              test_faults_leave_files_as_they_were, fixture_tear_down);
  g_test_add_func ("/save/without-file", test_save_without_file);
  g_test_add_func ("/save/endless-file-refused", test_endless_file_refused);

  return g_test_run ();
}
