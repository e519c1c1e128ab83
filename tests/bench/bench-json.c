/* bench-json.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long reading and writing a yearly file takes, for the bundled
 * file and for a generated one of 2 000 projects, and the peak memory.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ms-document.h"
#include "ms-json.h"
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

int
main (int   argc,
      char *argv[])
{
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  g_autoptr(MsDocument) generated = ms_test_generate_document (2000);
  g_autoptr(GBytes) generated_bytes = ms_json_write_document (generated, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (example != NULL && g_file_get_contents (example, &contents, &length, NULL))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

      measure ("luohe-2024.json", bytes, 200);
    }

  measure ("generated", generated_bytes, 10);
  printf ("peak resident memory: %ld KiB\n", peak_rss_kib ());

  return 0;
}
