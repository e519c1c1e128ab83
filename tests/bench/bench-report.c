/* bench-report.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long laying out and drawing the whole meeting report takes,
 * for the bundled file and for a generated file of 2 000 projects.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "ms-report.h"
#include "test-util.h"

static void
measure (const char *label,
         MsDocument *document,
         const char *language)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsReport) report = NULL;
  GStatBuf info;
  gint64 start, laid_out, written;

  start = g_get_monotonic_time ();
  report = ms_report_new (document, language, MS_PAPER_A4, NULL);
  laid_out = g_get_monotonic_time ();
  if (!ms_report_write_pdf (report, path, &error))
    g_error ("%s", error->message);
  written = g_get_monotonic_time ();
  g_stat (path, &info);

  printf ("%-22s %-5s %4u pages  layout %8.1f ms  draw+write %9.1f ms  %8.1f KiB\n",
          label, language, ms_report_get_n_pages (report), (laid_out - start) / 1000.0,
          (written - laid_out) / 1000.0, info.st_size / 1024.0);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsDocument) example = NULL;
  g_autoptr(MsDocument) generated = ms_test_generate_document (2000);

  if (g_getenv ("MS_EXAMPLE_FILE") != NULL)
    {
      example = ms_test_load_example ();
      measure ("luohe-2024.json", example, "zh_CN");
      measure ("luohe-2024.json", example, "en");
    }

  measure ("generated 2000", generated, "zh_CN");

  return 0;
}
