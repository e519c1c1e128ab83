/* ms-faults.c — an LD_PRELOAD test double that makes file calls fail
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saves must survive a full disk, EPERM and EIO at every step, but those
 * cannot be had on demand (and root ignores permissions). Preloaded into a
 * test or a program, this fails the calls that touch a path containing
 * $MS_FAULTS_MATCH, as $MS_FAULTS says:
 *
 *   MS_FAULTS="rename=EPERM"         every rename fails with EPERM
 *   MS_FAULTS="write=EIO@2"          only the second write fails
 *   MS_FAULTS="write-limit=20480"    writes stop with ENOSPC after 20 480 bytes
 *   MS_FAULTS="slow-write=200"       each write sleeps 200 ms (to kill -9 mid-save)
 *   MS_FAULTS="slow-read=100"        each read sleeps 100 ms (a file still opening)
 *
 * Calls: open (with O_CREAT), read, write, fsync, close, rename, link, fchmod.
 * The variables are read at every call, so a test can change them.
 */

#define _GNU_SOURCE
/* Define open and open64 themselves, not open redirected to open64. */
#undef _FILE_OFFSET_BITS

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { OP_OPEN, OP_WRITE, OP_FSYNC, OP_CLOSE, OP_RENAME, OP_LINK, OP_FCHMOD, N_OPS };

static const char *op_names[N_OPS] = { "open", "write", "fsync", "close", "rename", "link", "fchmod" };

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char last_spec[512];
static unsigned long counts[N_OPS];
static unsigned long long written_total;

static int
errno_from_name (const char *name)
{
  static const struct { const char *name; int value; } table[] = {
    { "ENOSPC", ENOSPC }, { "EPERM", EPERM }, { "EACCES", EACCES }, { "EIO", EIO },
    { "EROFS", EROFS }, { "EDQUOT", EDQUOT }, { "EXDEV", EXDEV }, { "ENOENT", ENOENT },
  };

  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (strncmp (name, table[i].name, strlen (table[i].name)) == 0)
      return table[i].value;
  return EIO;
}

/* Resets the counters whenever the test changes the spec. */
static const char *
current_spec (void)
{
  const char *spec = getenv ("MS_FAULTS");

  if (spec == NULL)
    spec = "";
  if (strncmp (spec, last_spec, sizeof last_spec) != 0)
    {
      snprintf (last_spec, sizeof last_spec, "%s", spec);
      memset (counts, 0, sizeof counts);
      written_total = 0;
    }
  return last_spec;
}

static int
path_matches (const char *path)
{
  const char *match = getenv ("MS_FAULTS_MATCH");

  return match != NULL && match[0] != '\0' && path != NULL && strstr (path, match) != NULL;
}

static int
fd_matches (int fd)
{
  char link[64];
  char path[4096];
  ssize_t length;
  const char *match = getenv ("MS_FAULTS_MATCH");

  /* Most calls of a preloaded program are not ours to fail: be quick. */
  if (match == NULL || match[0] == '\0')
    return 0;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  length = readlink (link, path, sizeof path - 1);
  if (length <= 0)
    return 0;
  path[length] = '\0';
  return path_matches (path);
}

/* Returns the errno to fail this call with, or 0. */
static int
should_fail (int op)
{
  const char *spec;
  const char *entry;
  int result = 0;
  size_t name_length = strlen (op_names[op]);

  pthread_mutex_lock (&lock);
  spec = current_spec ();
  counts[op]++;
  for (entry = spec; entry != NULL && *entry; entry = strchr (entry, ','), entry = entry ? entry + 1 : NULL)
    {
      const char *at;

      if (strncmp (entry, op_names[op], name_length) != 0 || entry[name_length] != '=')
        continue;
      at = strchr (entry, '@');
      if (at != NULL && (strchr (entry, ',') == NULL || at < strchr (entry, ',')))
        {
          if ((unsigned long)strtoul (at + 1, NULL, 10) != counts[op])
            continue;
        }
      result = errno_from_name (entry + name_length + 1);
      break;
    }
  pthread_mutex_unlock (&lock);
  return result;
}

static long
spec_number (const char *key)
{
  const char *spec = getenv ("MS_FAULTS");
  const char *found;

  if (spec == NULL || (found = strstr (spec, key)) == NULL)
    return -1;
  return strtol (found + strlen (key), NULL, 10);
}

#define REAL(name) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *)dlsym (RTLD_NEXT, #name)

static int
open_common (int (*real) (const char *, int, ...), const char *path, int flags, mode_t mode)
{
  if ((flags & O_CREAT) && path_matches (path))
    {
      int fail = should_fail (OP_OPEN);

      if (fail)
        {
          errno = fail;
          return -1;
        }
    }
  return real (path, flags, mode);
}

int
open (const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;
  REAL (open);

  va_start (args, flags);
  if (flags & O_CREAT)
    mode = va_arg (args, mode_t);
  va_end (args);
  return open_common (real_open, path, flags, mode);
}

int
open64 (const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;
  REAL (open64);

  va_start (args, flags);
  if (flags & O_CREAT)
    mode = va_arg (args, mode_t);
  va_end (args);
  return open_common (real_open64, path, flags, mode);
}

ssize_t
read (int fd, void *buffer, size_t count)
{
  REAL (read);

  if (fd > 2 && fd_matches (fd))
    {
      long slow = spec_number ("slow-read=");

      if (slow > 0)
        {
          struct timespec pause = { slow / 1000, (slow % 1000) * 1000000L };

          nanosleep (&pause, NULL);
        }
    }
  return real_read (fd, buffer, count);
}

ssize_t
write (int fd, const void *buffer, size_t count)
{
  REAL (write);

  if (fd > 2 && fd_matches (fd))
    {
      long slow = spec_number ("slow-write=");
      long limit = spec_number ("write-limit=");
      int fail = should_fail (OP_WRITE);

      if (slow > 0)
        {
          struct timespec pause = { slow / 1000, (slow % 1000) * 1000000L };

          nanosleep (&pause, NULL);
        }
      if (fail)
        {
          errno = fail;
          return -1;
        }
      if (limit >= 0)
        {
          unsigned long long room;

          pthread_mutex_lock (&lock);
          room = written_total < (unsigned long long)limit ? (unsigned long long)limit - written_total : 0;
          if (room == 0)
            {
              pthread_mutex_unlock (&lock);
              errno = ENOSPC;
              return -1;
            }
          if (count > room)
            count = room;
          written_total += count;
          pthread_mutex_unlock (&lock);
        }
    }
  return real_write (fd, buffer, count);
}

int
fsync (int fd)
{
  REAL (fsync);

  if (fd_matches (fd))
    {
      int fail = should_fail (OP_FSYNC);

      if (fail)
        {
          errno = fail;
          return -1;
        }
    }
  return real_fsync (fd);
}

int
close (int fd)
{
  int fail = 0;
  int result;
  REAL (close);

  if (fd > 2 && fd_matches (fd))
    fail = should_fail (OP_CLOSE);
  /* Like a real failing close: the descriptor is gone all the same. */
  result = real_close (fd);
  if (fail)
    {
      errno = fail;
      return -1;
    }
  return result;
}

int
rename (const char *from, const char *to)
{
  REAL (rename);

  if (path_matches (from) || path_matches (to))
    {
      int fail = should_fail (OP_RENAME);

      if (fail)
        {
          errno = fail;
          return -1;
        }
    }
  return real_rename (from, to);
}

int
link (const char *from, const char *to)
{
  REAL (link);

  if (path_matches (from) || path_matches (to))
    {
      int fail = should_fail (OP_LINK);

      if (fail)
        {
          errno = fail;
          return -1;
        }
    }
  return real_link (from, to);
}

int
fchmod (int fd, mode_t mode)
{
  REAL (fchmod);

  if (fd_matches (fd))
    {
      int fail = should_fail (OP_FCHMOD);

      if (fail)
        {
          errno = fail;
          return -1;
        }
    }
  return real_fchmod (fd, mode);
}
