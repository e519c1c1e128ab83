/* ms-safe-write.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-safe-write"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ms-safe-write.h"

/* Every file we write goes through here: a temp file in the target's folder,
 * each write, fsync, close and rename checked, then renamed over the target.
 * GLib's g_file_replace_contents_async() loses errors of its last steps
 * (GLib 2.74), renames a truncated temp file over the target on a full disk,
 * resets the mode, and leaves ".goutputstream-*" behind after a crash. */

/* Temp files are ".NAME.ms-save-HOST-PID-XXXXXX": the host and PID tell a
 * crashed writer's leftovers from a save running now. A folder shared with
 * other machines holds theirs too: those are left a day before removal. */
#define TEMP_MARK ".ms-save-"
/* Room for the mark, host, PID and suffix within NAME_MAX (255). */
#define MAX_NAME_IN_TEMP 150
#define FOREIGN_TEMP_AGE (24 * G_TIME_SPAN_HOUR)

static guint
host_tag (void)
{
  return g_str_hash (g_get_host_name ());
}

typedef enum
{
  STEP_CREATE,
  STEP_WRITE,
  STEP_SYNC,
  STEP_CLOSE,
  STEP_MODE,
  STEP_BACKUP,
  STEP_RENAME,
} Step;

static char *
temp_prefix (const char *basename)
{
  gsize length = strlen (basename);

  return g_strdup_printf (".%.*s" TEMP_MARK, (int)MIN (length, MAX_NAME_IN_TEMP), basename);
}

static void
set_error_for_errno (GError     **error,
                     int          errsv,
                     Step         step,
                     const char  *display_name,
                     const char  *folder,
                     gboolean     existed)
{
  g_autofree char *message = NULL;
  g_autofree char *folder_name = g_filename_display_name (folder);

  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
      /* translators: %s is a file name */
      message = g_strdup_printf (_("There is not enough space on the disk to save “%s”. Free some space, "
                                   "or save to another disk."), display_name);
      break;
    case EACCES:
    case EPERM:
      if (step == STEP_CREATE || step == STEP_RENAME || step == STEP_BACKUP)
        /* translators: %s is a folder */
        message = g_strdup_printf (_("You do not have permission to replace files in the folder “%s”. "
                                     "Save to another folder."), folder_name);
      break;
    case EROFS:
      /* translators: %s is a folder */
      message = g_strdup_printf (_("The folder “%s” is on a read-only file system. "
                                   "Save to another place."), folder_name);
      break;
    case EIO:
      /* translators: %s is a file name */
      message = g_strdup_printf (_("The disk reported an input/output error while saving “%s”. "
                                   "Check the disk, or save to another place."), display_name);
      break;
    case ENOENT:
    case ENOTDIR:
      if (step == STEP_CREATE)
        /* translators: the first %s is a file name, the second its folder */
        message = g_strdup_printf (_("Could not save “%s”: the folder “%s” does not exist. "
                                     "Save to another place."), display_name, folder_name);
      break;
    default:
      break;
    }

  if (message == NULL)
    /* translators: the first %s is a file name, the second the system's reason */
    message = g_strdup_printf (_("Could not save “%s”: %s."), display_name, g_strerror (errsv));

  if (existed)
    g_set_error (error, G_IO_ERROR, errsv == EDQUOT ? G_IO_ERROR_NO_SPACE : g_io_error_from_errno (errsv),
                 /* translators: the first %s says what failed; then we reassure */
                 _("%s The file on disk was left as it was."), message);
  else
    g_set_error (error, G_IO_ERROR, errsv == EDQUOT ? G_IO_ERROR_NO_SPACE : g_io_error_from_errno (errsv),
                 /* translators: %s says what failed */
                 _("%s Nothing was written."), message);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length,
           int          *errsv)
{
  while (length > 0)
    {
      gssize written = write (fd, data, MIN (length, (gsize)G_MAXSSIZE));

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          return FALSE;
        }
      if (written == 0)
        {
          *errsv = ENOSPC;
          return FALSE;
        }
      data += written;
      length -= (gsize)written;
    }

  return TRUE;
}

/* Opens a new temp file for @basename in @folder, with the given mode. */
static int
open_temp (const char  *folder,
           const char  *basename,
           int          mode,
           char       **temp_path)
{
  g_autofree char *prefix = temp_prefix (basename);
  g_autofree char *name = g_strdup_printf ("%s%08x-%d-XXXXXX", prefix, host_tag (), (int)getpid ());
  char *path = g_build_filename (folder, name, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, mode);

  if (fd < 0)
    {
      int errsv = errno;

      g_free (path);
      errno = errsv;
      return -1;
    }

  *temp_path = path;
  return fd;
}

/* Gives the temp file the target's mode, and its owner and group where the
 * system lets us: a private file must not come back world-readable. */
static gboolean
copy_attributes (int                fd,
                 const struct stat *original,
                 int               *errsv)
{
  if (original->st_uid != geteuid () || original->st_gid != getegid ())
    {
      if (fchown (fd, original->st_uid, original->st_gid) != 0)
        {
          /* Only the owner's group may be possible; either way go on. */
          if (fchown (fd, (uid_t)-1, original->st_gid) != 0)
            g_debug ("Could not keep the group: %s", g_strerror (errno));
        }
    }

  /* After fchown, which clears the set-id bits. */
  if (fchmod (fd, original->st_mode & 07777) != 0)
    {
      struct stat now;
      int saved = errno;

      /* Some network and FUSE file systems refuse modes: go on only if the
       * new file is no more open than the old one was. */
      if (fstat (fd, &now) != 0 || (now.st_mode & 0777 & ~(original->st_mode & 0777)) != 0)
        {
          *errsv = saved;
          return FALSE;
        }
    }

  return TRUE;
}

/* Writes @length bytes to a complete, synced and closed temp file. */
static gboolean
write_temp_file (const char         *folder,
                 const char         *basename,
                 const struct stat  *original,
                 const void         *data,
                 gsize               length,
                 char              **temp_path,
                 Step               *step,
                 int                *errsv)
{
  int fd;

  *step = STEP_CREATE;
  fd = open_temp (folder, basename, 0666, temp_path);
  if (fd < 0)
    {
      *errsv = errno;
      return FALSE;
    }

  *step = STEP_MODE;
  if (original != NULL && !copy_attributes (fd, original, errsv))
    goto failed;

  *step = STEP_WRITE;
  if (!write_all (fd, data, length, errsv))
    goto failed;

  *step = STEP_SYNC;
  if (fsync (fd) != 0)
    {
      *errsv = errno;
      goto failed;
    }

  *step = STEP_CLOSE;
  if (close (fd) != 0)
    {
      /* The descriptor is gone whatever close() says. */
      fd = -1;
      *errsv = errno;
      goto failed;
    }

  return TRUE;

failed:
  if (fd >= 0)
    close (fd);
  g_unlink (*temp_path);
  g_clear_pointer (temp_path, g_free);
  return FALSE;
}

/* A second name for the file being replaced, to become "FILE~" once the
 * new file is in place: a hard link where possible, else a complete copy. */
static gboolean
prepare_backup (const char         *folder,
                const char         *target,
                const struct stat  *original,
                char              **backup_temp,
                int                *errsv)
{
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *backup_name = g_strconcat (basename, "~", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) read_error = NULL;
  gsize length = 0;
  Step step;

  /* A link to another user's file in a sticky folder (/tmp, a shared
   * folder) could not be removed again if the save then fails: copy. */
  for (guint attempt = 0; original->st_uid == geteuid () && attempt < 10; attempt++)
    {
      g_autofree char *prefix = temp_prefix (backup_name);
      g_autofree char *random = g_strdup_printf ("%s%08x-%d-%08x", prefix, host_tag (), (int)getpid (),
                                                 g_random_int ());
      g_autofree char *path = g_build_filename (folder, random, NULL);

      if (link (target, path) == 0)
        {
          *backup_temp = g_steal_pointer (&path);
          return TRUE;
        }
      if (errno != EEXIST)
        break;
    }

  /* No hard links here (some file systems, or a file of another user with
   * protected hard links): copy what is there now. */
  if (!g_file_get_contents (target, &contents, &length, &read_error))
    {
      *errsv = read_error->code == G_FILE_ERROR_ACCES ? EACCES
               : read_error->code == G_FILE_ERROR_NOSPC ? ENOSPC
               : read_error->code == G_FILE_ERROR_NOMEM ? ENOMEM : EIO;
      return FALSE;
    }

  return write_temp_file (folder, backup_name, original, contents, length, backup_temp, &step, errsv);
}

static void
sync_folder (const char *folder)
{
  int fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* The renames are done; a folder that cannot be synced only risks them
   * after a power cut, which is no reason to call the save failed. */
  if (fd < 0)
    return;
  if (fsync (fd) != 0)
    g_debug ("Could not sync %s: %s", folder, g_strerror (errno));
  close (fd);
}

/* Follows symbolic links to the file they lead to, even when it does not
 * exist yet: the link stays a link, its target gets the new contents. */
static char *
resolve_links (const char  *path,
               GError     **error)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 40; depth++)
    {
      g_autofree char *link = NULL;
      struct stat st;

      if (lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        {
          g_autofree char *folder = g_path_get_dirname (current);
          g_autofree char *basename = g_path_get_basename (current);
          char *real_folder = realpath (folder, NULL);
          char *resolved;

          if (real_folder == NULL)
            return g_steal_pointer (&current);
          resolved = g_build_filename (real_folder, basename, NULL);
          free (real_folder);
          return resolved;
        }

      link = g_file_read_link (current, error);
      if (link == NULL)
        return NULL;
      if (!g_path_is_absolute (link))
        {
          g_autofree char *folder = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (folder, link, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&link);
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS,
               /* translators: %s is a file name */
               _("“%s” is a chain of links too long to follow."), path);
  return NULL;
}

static char *
query_etag (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                                 NULL, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static gboolean
write_native (const char        *path,
              const char        *display_name,
              const void        *data,
              gsize              length,
              const char        *expected_etag,
              MsSafeWriteFlags   flags,
              char             **new_etag,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autofree char *target = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *backup_temp = NULL;
  struct stat original;
  gboolean exists;
  Step step = STEP_CREATE;
  int errsv = 0;

  target = resolve_links (path, error);
  if (target == NULL)
    return FALSE;
  folder = g_path_get_dirname (target);
  basename = g_path_get_basename (target);

  /* A writer killed earlier may have left its temp file here. */
  {
    g_autoptr(GFile) target_file = g_file_new_for_path (target);

    ms_safe_write_clean_stale (target_file);
  }

  exists = stat (target, &original) == 0;
  if (!exists && errno != ENOENT)
    {
      set_error_for_errno (error, errno, STEP_CREATE, display_name, folder, FALSE);
      return FALSE;
    }
  if (exists && !S_ISREG (original.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* translators: %s is a file name */
                   _("“%s” is not a regular file (a folder, pipe or device); nothing was written."),
                   display_name);
      return FALSE;
    }

  /* A file its owner made read-only is not replaced behind their back,
   * though the folder would let us (root is let through, as by the shell). */
  if (exists && access (target, W_OK) != 0 && (errno == EACCES || errno == EPERM))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* translators: %s is a file name */
                   _("“%s” is read-only. Make it writable, or save to another file. The file on disk was left "
                     "as it was."), display_name);
      return FALSE;
    }

  /* Guard against overwriting what another program wrote since we read it;
   * a file deleted meanwhile is simply written again. */
  if (exists && expected_etag != NULL)
    {
      g_autofree char *current = query_etag (target);

      if (g_strcmp0 (current, expected_etag) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       /* translators: %s is a file name */
                       _("Another program changed “%s” since it was opened here; it was left as it was."),
                       display_name);
          return FALSE;
        }
    }

  if ((flags & MS_SAFE_WRITE_BACKUP) && exists)
    {
      g_autofree char *backup = g_strconcat (target, "~", NULL);
      struct stat st;

      /* Found out before anything is written, not after the file was replaced. */
      if (lstat (backup, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISLNK (st.st_mode))
        {
          g_autofree char *backup_name = g_filename_display_basename (backup);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       /* translators: both %s are file names */
                       _("The backup “%s” cannot be kept because a folder or other non-file has that name. "
                         "Rename or remove it, then save “%s” again. The file on disk was left as it was."),
                       backup_name, display_name);
          return FALSE;
        }
    }

  if (!write_temp_file (folder, basename, exists ? &original : NULL, data, length, &temp_path, &step, &errsv))
    {
      set_error_for_errno (error, errsv, step, display_name, folder, exists);
      return FALSE;
    }

  if ((flags & MS_SAFE_WRITE_BACKUP) && exists &&
      !prepare_backup (folder, target, &original, &backup_temp, &errsv))
    {
      g_unlink (temp_path);
      set_error_for_errno (error, errsv, STEP_BACKUP, display_name, folder, exists);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (temp_path);
      if (backup_temp != NULL)
        g_unlink (backup_temp);
      return FALSE;
    }

  if (rename (temp_path, target) != 0)
    {
      errsv = errno;
      g_unlink (temp_path);
      if (backup_temp != NULL)
        g_unlink (backup_temp);
      set_error_for_errno (error, errsv, STEP_RENAME, display_name, folder, exists);
      return FALSE;
    }

  if (backup_temp != NULL)
    {
      g_autofree char *backup = g_strconcat (target, "~", NULL);

      /* The new file is in place: an old backup is only worse than none. */
      if (rename (backup_temp, backup) != 0)
        {
          g_message ("Could not keep the backup %s: %s", backup, g_strerror (errno));
          g_unlink (backup_temp);
        }
    }

  sync_folder (folder);

  if (new_etag != NULL)
    *new_etag = query_etag (target);

  return TRUE;
}

/**
 * ms_safe_write:
 * @expected_etag: (nullable): refuse with %G_IO_ERROR_WRONG_ETAG when the
 *   file exists with another entity tag
 * @new_etag: (out) (optional) (nullable): the entity tag of the written file
 *
 * Replaces @file with @data atomically. Symbolic links are followed and
 * stay links; the mode, and the owner and group where permitted, are kept.
 * On failure the file, its backup and the folder are as they were, and
 * @error says in plain words what went wrong and what to do.
 */
gboolean
ms_safe_write (GFile             *file,
               const void        *data,
               gsize              length,
               const char        *expected_etag,
               MsSafeWriteFlags   flags,
               char             **new_etag,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (new_etag != NULL)
    *new_etag = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The path the user gave, so that the message says which file it was. */
  display_name = g_file_get_parse_name (file);
  path = g_file_get_path (file);

  if (path == NULL)
    /* Not on this computer (a GVfs location): the blocking GLib call
     * reports its errors, unlike the asynchronous one. */
    return g_file_replace_contents (file, data, length, expected_etag, (flags & MS_SAFE_WRITE_BACKUP) != 0,
                                    G_FILE_CREATE_NONE, new_etag, cancellable, error);

  return write_native (path, display_name, data, length, expected_etag, flags, new_etag, cancellable, error);
}

gboolean
ms_safe_write_bytes (GFile             *file,
                     GBytes            *bytes,
                     const char        *expected_etag,
                     MsSafeWriteFlags   flags,
                     char             **new_etag,
                     GCancellable      *cancellable,
                     GError           **error)
{
  gsize length = 0;
  const void *data;

  g_return_val_if_fail (bytes != NULL, FALSE);

  data = g_bytes_get_data (bytes, &length);
  return ms_safe_write (file, data ? data : "", length, expected_etag, flags, new_etag, cancellable, error);
}

static gboolean
process_is_running (int pid)
{
  return pid > 0 && (kill (pid, 0) == 0 || errno == EPERM);
}

/**
 * ms_safe_write_clean_stale:
 *
 * Removes temp files that a writer of ours left beside @file when it was
 * killed in the middle of a save. Those of saves running now are kept.
 *
 * Returns: how many were removed
 */
guint
ms_safe_write_clean_stale (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *backup_name = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *backup_prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (G_IS_FILE (file), 0);

  path = g_file_get_path (file);
  if (path == NULL)
    return 0;
  {
    g_autofree char *resolved = resolve_links (path, NULL);

    if (resolved != NULL)
      {
        g_free (path);
        path = g_steal_pointer (&resolved);
      }
  }
  folder = g_path_get_dirname (path);
  basename = g_path_get_basename (path);
  backup_name = g_strconcat (basename, "~", NULL);
  prefix = temp_prefix (basename);
  backup_prefix = temp_prefix (backup_name);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *rest;
      g_autofree char *stale = NULL;
      char *end = NULL;
      guint64 host;
      long pid;

      if (g_str_has_prefix (name, prefix))
        rest = name + strlen (prefix);
      else if (g_str_has_prefix (name, backup_prefix))
        rest = name + strlen (backup_prefix);
      else
        continue;

      host = g_ascii_strtoull (rest, &end, 16);
      if (end != rest + 8 || *end != '-')
        continue;
      rest = end + 1;
      pid = strtol (rest, &end, 10);
      if (end == rest || *end != '-')
        continue;

      stale = g_build_filename (folder, name, NULL);
      if (host == host_tag ())
        {
          if (pid == getpid () || process_is_running ((int)pid))
            continue;
        }
      else
        {
          struct stat st;

          /* Another machine's: its process cannot be asked; only its age tells. */
          if (g_lstat (stale, &st) != 0 ||
              (g_get_real_time () - (gint64)st.st_mtime * G_USEC_PER_SEC) < FOREIGN_TEMP_AGE)
            continue;
        }

      if (g_unlink (stale) == 0)
        removed++;
    }

  return removed;
}

/**
 * ms_safe_write_is_same_file:
 *
 * Returns: %TRUE when @a and @b name the same file on disk, through links
 *   or other names
 */
gboolean
ms_safe_write_is_same_file (GFile *a,
                            GFile *b)
{
  g_autofree char *path_a = NULL;
  g_autofree char *path_b = NULL;
  struct stat st_a, st_b;

  g_return_val_if_fail (G_IS_FILE (a), FALSE);
  g_return_val_if_fail (G_IS_FILE (b), FALSE);

  if (g_file_equal (a, b))
    return TRUE;

  path_a = g_file_get_path (a);
  path_b = g_file_get_path (b);
  if (path_a == NULL || path_b == NULL)
    return FALSE;
  if (stat (path_a, &st_a) != 0 || stat (path_b, &st_b) != 0)
    return FALSE;

  return st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;
}
