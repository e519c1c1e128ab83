/* bench-xlsx.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long writing the Excel workbooks takes — the ledger
 * (export-xlsx) and the departments' returns (export-returns) — for the
 * bundled file and a generated file of 2 000 projects. Target: under 1 s each.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>

#include "ms-xlsx-export.h"
#include "test-util.h"

static goffset
folder_size (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  goffset size = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      GStatBuf info;

      if (g_stat (child, &info) == 0)
        size += info.st_size;
    }
  return size;
}

static void
measure (const char *label,
         MsDocument *document)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-bench-xlsx-XXXXXX", NULL);
  g_autofree char *ledger_dir = g_build_filename (dir, "ledger", NULL);
  g_autofree char *returns_dir = g_build_filename (dir, "returns", NULL);
  g_autofree char *ledger = g_build_filename (ledger_dir, "ledger.xlsx", NULL);
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start, ledger_done, returns_done;
  clock_t cpu_start, cpu_ledger, cpu_returns;

  g_mkdir (ledger_dir, 0700);
  g_mkdir (returns_dir, 0700);

  /* Wall time waits for fsync (every workbook is saved safely); CPU time
   * shows the work itself on a busy machine. */
  cpu_start = clock ();
  start = g_get_monotonic_time ();
  if (!ms_xlsx_write_ledger (document, "zh_CN", ledger, &error))
    g_error ("%s", error->message);
  ledger_done = g_get_monotonic_time ();
  cpu_ledger = clock ();
  if (!ms_xlsx_write_returns (document, MS_DATE_NONE, returns_dir, NULL, &written, &error))
    g_error ("%s", error->message);
  returns_done = g_get_monotonic_time ();
  cpu_returns = clock ();

  printf ("%-16s export-xlsx %7.1f ms (cpu %6.1f) %7.1f KiB   "
          "export-returns %7.1f ms (cpu %6.1f) %3u workbooks %7.1f KiB\n",
          label, (ledger_done - start) / 1000.0, (cpu_ledger - cpu_start) * 1000.0 / CLOCKS_PER_SEC,
          folder_size (ledger_dir) / 1024.0, (returns_done - ledger_done) / 1000.0,
          (cpu_returns - cpu_ledger) * 1000.0 / CLOCKS_PER_SEC, written->len, folder_size (returns_dir) / 1024.0);

  ms_test_remove_tree (dir);
}

/* A city has some 50–150 responsible departments; the generated file names two. */
static MsDocument *
generate_with_departments (guint n_projects,
                           guint n_departments)
{
  MsDocument *document = ms_test_generate_document (n_projects);
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));

  for (guint i = 0; i < projects->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("示例市第%u责任单位", i % n_departments + 1);
      const char *names[] = { name, "市财政局", NULL };

      ms_project_set_departments (g_ptr_array_index (projects, i), names);
    }
  return document;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsDocument) example = NULL;
  g_autoptr(MsDocument) generated = ms_test_generate_document (2000);
  g_autoptr(MsDocument) spread = generate_with_departments (2000, 150);

  if (g_getenv ("MS_EXAMPLE_FILE") != NULL)
    {
      example = ms_test_load_example ();
      measure ("luohe-2024.json", example);
    }

  measure ("generated 2000", generated);
  measure ("2000, 151 depts", spread);

  return 0;
}
