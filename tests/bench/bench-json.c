/* bench-json.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long reading and writing a yearly file takes, for the bundled
 * file and for generated ones of 2 000 and 10 000 projects; how long a save
 * to disk takes (temp file, fsync, backup, rename, folder sync); and the
 * peak memory.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "ms-document.h"
#include "ms-json.h"
#include "ms-safe-write.h"
#include "test-util.h"

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static void
measure (const char *label,
         GBytes     *bytes,
         guint       rounds)
{
  gsize size = g_bytes_get_size (bytes);
  const char *data = g_bytes_get_data (bytes, NULL);
  gint64 start;
  double read_ms, write_ms;
  MsStats stats;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(MsDocument) document = ms_json_read_document (data, size, label, NULL, NULL);

      g_assert_nonnull (document);
      if (i == 0)
        ms_document_get_stats (document, &stats);
    }
  read_ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;

  {
    g_autoptr(MsDocument) document = ms_json_read_document (data, size, label, NULL, NULL);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < rounds; i++)
      {
        g_autoptr(GBytes) written = ms_json_write_document (document, NULL);

        g_assert_true (g_bytes_equal (written, bytes));
      }
    write_ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;
  }

  printf ("%-24s %6u projects %8.1f KiB   read %8.2f ms   write %7.2f ms\n",
          label, stats.n_projects, size / 1024.0, read_ms, write_ms);
}

/* A whole save as the window and the CLI do it, on the disk the temp
 * folder is on: the fsyncs dominate, not the bytes. */
static void
measure_save (const char *label,
              GBytes     *bytes,
              guint       rounds)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "year.json", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    g_assert_true (ms_safe_write_bytes (file, bytes, NULL, MS_SAFE_WRITE_BACKUP, NULL, NULL, &error));
  printf ("%-24s save to disk with backup %8.2f ms\n", label, (g_get_monotonic_time () - start) / 1000.0 / rounds);

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  g_autoptr(MsDocument) generated = ms_test_generate_document (2000);
  g_autoptr(GBytes) generated_bytes = ms_json_write_document (generated, NULL);
  g_autoptr(MsDocument) large = ms_test_generate_document (10000);
  g_autoptr(GBytes) large_bytes = ms_json_write_document (large, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (example != NULL && g_file_get_contents (example, &contents, &length, NULL))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

      measure ("luohe-2024.json", bytes, 200);
      measure_save ("luohe-2024.json", bytes, 20);
    }

  measure ("generated", generated_bytes, 10);
  measure_save ("generated", generated_bytes, 5);
  measure ("generated (10 000)", large_bytes, 3);
  measure_save ("generated (10 000)", large_bytes, 3);
  printf ("peak resident memory: %ld KiB\n", peak_rss_kib ());

  return 0;
}
