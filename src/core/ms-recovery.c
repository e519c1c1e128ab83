/* ms-recovery.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-recovery"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "ms-recovery.h"
#include "ms-safe-write.h"

/* Each document kept has two files in the folder: KEY.json, the document as
 * it would be saved, and KEY.ini, what it belongs to and when it was kept.
 * The .ini is written last: an entry that is listed is complete. */

#define GROUP "Recovery"

/* Which boot of this machine a process id belongs to: after a restart no
 * process of the old one is running, whatever the number. */
static char *
dup_boot_id (void)
{
  g_autofree char *contents = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &contents, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (g_steal_pointer (&contents));
}

/* Edits kept by a session still running are that session's, not to offer. */
static gboolean
owner_is_running (GKeyFile *keyfile)
{
  g_autofree char *host = g_key_file_get_string (keyfile, GROUP, "host", NULL);
  g_autofree char *boot = g_key_file_get_string (keyfile, GROUP, "boot", NULL);
  g_autofree char *this_boot = dup_boot_id ();
  gint64 pid = g_key_file_get_int64 (keyfile, GROUP, "pid", NULL);

  if (pid <= 0 || g_strcmp0 (host, g_get_host_name ()) != 0 || g_strcmp0 (boot, this_boot) != 0)
    return FALSE;
  return pid == getpid () || kill ((pid_t)pid, 0) == 0 || errno == EPERM;
}

G_DEFINE_BOXED_TYPE (MsRecoveryEntry, ms_recovery_entry, ms_recovery_entry_copy, ms_recovery_entry_free)

MsRecoveryEntry *
ms_recovery_entry_copy (const MsRecoveryEntry *entry)
{
  MsRecoveryEntry *copy = g_new0 (MsRecoveryEntry, 1);

  copy->key = g_strdup (entry->key);
  copy->file = entry->file ? g_object_ref (entry->file) : NULL;
  copy->title = g_strdup (entry->title);
  copy->time = entry->time ? g_date_time_ref (entry->time) : NULL;
  copy->contents = entry->contents ? g_object_ref (entry->contents) : NULL;
  return copy;
}

void
ms_recovery_entry_free (MsRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->key);
  g_clear_object (&entry->file);
  g_free (entry->title);
  g_clear_pointer (&entry->time, g_date_time_unref);
  g_clear_object (&entry->contents);
  g_free (entry);
}

/**
 * ms_recovery_get_folder:
 *
 * Returns: (transfer full): where unsaved edits are kept
 */
GFile *
ms_recovery_get_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "minsheng", "recovery", NULL);

  return g_file_new_for_path (path);
}

static char *
child_path (const char *key,
            const char *extension)
{
  g_autoptr(GFile) folder = ms_recovery_get_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *name = g_strconcat (key, extension, NULL);

  return g_build_filename (folder_path, name, NULL);
}

/**
 * ms_recovery_new_key:
 *
 * Returns: (transfer full): a key of its own for the edits of one editor:
 *   two windows on one file keep theirs apart
 */
char *
ms_recovery_new_key (void)
{
  return g_uuid_string_random ();
}

static gboolean
key_is_valid (const char *key)
{
  /* Keys become file names: nothing that leaves the folder. */
  if (key == NULL || key[0] == '\0' || strlen (key) > 64)
    return FALSE;
  for (const char *s = key; *s; s++)
    if (!g_ascii_isalnum (*s) && *s != '-')
      return FALSE;
  return TRUE;
}

/**
 * ms_recovery_keep:
 * @file: (nullable): the file the edits belong to
 * @bytes: the document as it would be saved
 *
 * Keeps @bytes as the unsaved edits of @key, through the same safe path
 * as saving: a crash while keeping them leaves the previous ones.
 */
gboolean
ms_recovery_keep (const char    *key,
                  GFile         *file,
                  const char    *title,
                  GBytes        *bytes,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) folder = ms_recovery_get_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *json_path = NULL;
  g_autofree char *ini_path = NULL;
  g_autoptr(GFile) json_file = NULL;
  g_autoptr(GFile) ini_file = NULL;
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format_iso8601 (now);
  g_autofree char *ini = NULL;
  gsize ini_length = 0;

  g_return_val_if_fail (key_is_valid (key), FALSE);
  g_return_val_if_fail (!file || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  /* Private: the edits may be of an unpublished plan. */
  if (g_mkdir_with_parents (folder_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* translators: %s is a folder, then the system's reason */
                   _("Could not create the recovery folder %s: %s"), folder_path, g_strerror (saved));
      return FALSE;
    }

  json_path = child_path (key, ".json");
  json_file = g_file_new_for_path (json_path);
  if (!ms_safe_write_bytes (json_file, bytes, NULL, MS_SAFE_WRITE_NONE, NULL, cancellable, error))
    return FALSE;

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (keyfile, GROUP, "file", uri);
    }
  g_key_file_set_string (keyfile, GROUP, "title", title ? title : "");
  g_key_file_set_string (keyfile, GROUP, "time", time);
  /* Whose they are: a second window on the same file keeps its own. */
  {
    g_autofree char *boot = dup_boot_id ();

    g_key_file_set_string (keyfile, GROUP, "host", g_get_host_name ());
    g_key_file_set_string (keyfile, GROUP, "boot", boot);
    g_key_file_set_int64 (keyfile, GROUP, "pid", getpid ());
  }
  ini = g_key_file_to_data (keyfile, &ini_length, NULL);

  ini_path = child_path (key, ".ini");
  ini_file = g_file_new_for_path (ini_path);
  return ms_safe_write (ini_file, ini, ini_length, NULL, MS_SAFE_WRITE_NONE, NULL, cancellable, error);
}

/**
 * ms_recovery_discard:
 *
 * Forgets the unsaved edits of @key: they were saved or thrown away.
 */
void
ms_recovery_discard (const char *key)
{
  g_autofree char *json_path = NULL;
  g_autofree char *ini_path = NULL;

  if (!key_is_valid (key))
    return;

  ini_path = child_path (key, ".ini");
  json_path = child_path (key, ".json");
  g_unlink (ini_path);
  g_unlink (json_path);
}

static MsRecoveryEntry *
read_entry (const char      *key,
            MsRecoveryOwner  owner)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *ini_path = child_path (key, ".ini");
  g_autofree char *json_path = child_path (key, ".json");
  g_autofree char *uri = NULL;
  g_autofree char *time = NULL;
  MsRecoveryEntry *entry;

  if (!g_key_file_load_from_file (keyfile, ini_path, G_KEY_FILE_NONE, NULL) ||
      !g_file_test (json_path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  if (owner == MS_RECOVERY_ORPHANED && owner_is_running (keyfile))
    return NULL;

  time = g_key_file_get_string (keyfile, GROUP, "time", NULL);
  uri = g_key_file_get_string (keyfile, GROUP, "file", NULL);

  entry = g_new0 (MsRecoveryEntry, 1);
  entry->key = g_strdup (key);
  entry->file = uri ? g_file_new_for_uri (uri) : NULL;
  entry->title = g_key_file_get_string (keyfile, GROUP, "title", NULL);
  entry->time = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  entry->contents = g_file_new_for_path (json_path);
  if (entry->time == NULL)
    entry->time = g_date_time_new_now_utc ();
  return entry;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const MsRecoveryEntry *x = *(MsRecoveryEntry * const *)a;
  const MsRecoveryEntry *y = *(MsRecoveryEntry * const *)b;

  return g_date_time_compare (y->time, x->time);
}

/**
 * ms_recovery_list:
 *
 * @owner: %MS_RECOVERY_ORPHANED for the edits of sessions that stopped
 *   without saving them, the ones to offer
 *
 * Returns: (transfer full) (element-type MsRecoveryEntry): every document
 *   with unsaved edits kept, newest first
 */
GPtrArray *
ms_recovery_list (MsRecoveryOwner owner)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_recovery_entry_free);
  g_autoptr(GFile) folder = ms_recovery_get_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autoptr(GDir) dir = g_dir_open (folder_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = NULL;
      MsRecoveryEntry *entry;

      if (!g_str_has_suffix (name, ".ini"))
        continue;
      key = g_strndup (name, strlen (name) - strlen (".ini"));
      if (key_is_valid (key) && (entry = read_entry (key, owner)) != NULL)
        g_ptr_array_add (entries, entry);
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

/**
 * ms_recovery_find:
 *
 * Returns: (transfer full) (nullable): the newest unsaved edits kept for
 *   @file
 */
MsRecoveryEntry *
ms_recovery_find (GFile           *file,
                  MsRecoveryOwner  owner)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  entries = ms_recovery_list (owner);
  for (guint i = 0; i < entries->len; i++)
    {
      MsRecoveryEntry *entry = g_ptr_array_index (entries, i);

      if (entry->file != NULL && g_file_equal (entry->file, file))
        return ms_recovery_entry_copy (entry);
    }
  return NULL;
}

/**
 * ms_recovery_claim:
 *
 * This session takes over the edits of @key (they were restored here): no
 * other window offers them while it runs.
 */
void
ms_recovery_claim (const char *key)
{
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *ini_path = NULL;
  g_autofree char *boot = dup_boot_id ();
  g_autofree char *ini = NULL;
  g_autoptr(GFile) ini_file = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!key_is_valid (key))
    return;

  ini_path = child_path (key, ".ini");
  if (!g_key_file_load_from_file (keyfile, ini_path, G_KEY_FILE_KEEP_COMMENTS, NULL))
    return;
  g_key_file_set_string (keyfile, GROUP, "host", g_get_host_name ());
  g_key_file_set_string (keyfile, GROUP, "boot", boot);
  g_key_file_set_int64 (keyfile, GROUP, "pid", getpid ());
  ini = g_key_file_to_data (keyfile, &length, NULL);
  ini_file = g_file_new_for_path (ini_path);
  if (!ms_safe_write (ini_file, ini, length, NULL, MS_SAFE_WRITE_NONE, NULL, NULL, &error))
    g_warning ("Could not claim the kept edits %s: %s", key, error->message);
}

/**
 * ms_recovery_restore:
 *
 * Returns: (transfer full) (nullable): the document with the kept edits,
 *   modified, belonging to the entry's file
 */
MsDocument *
ms_recovery_restore (const MsRecoveryEntry  *entry,
                     GError                **error)
{
  g_autoptr(MsDocument) document = NULL;

  g_return_val_if_fail (entry != NULL, NULL);

  document = ms_document_load (entry->contents, NULL, error);
  if (document == NULL)
    return NULL;

  /* Saving writes to the file the edits belong to, over what it holds now:
   * the user chose these edits. */
  ms_document_set_file (document, entry->file);
  ms_document_set_modified (document, TRUE);
  return g_steal_pointer (&document);
}
