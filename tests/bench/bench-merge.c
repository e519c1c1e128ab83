/* bench-merge.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long merging returned sheets takes for a generated file of
 * 2 000 projects (6 000 indicator rows, every one with a new figure, text,
 * status and remark): reading the .xlsx, finding the changes, applying them
 * as one undo step, and a second merge that finds nothing. Target: under 1 s.
 */

#include "config.h"

#include <stdio.h>

#include "merge-returns.h"
#include "ms-history.h"
#include "ms-merge.h"
#include "test-util.h"

#define N_PROJECTS 2000
#define TARGET_MS  1000.0

static void
fill_return (MsWorkbook *workbook)
{
  MsSheet *sheet = ms_workbook_get_sheet (workbook, 0);

  for (guint row = MS_RETURN_FIRST_ROW; row < ms_sheet_get_n_rows (sheet); row++)
    {
      const MsCell *actual = ms_sheet_get_cell (sheet, row, 6);
      /* One text a project: its rows repeat it. */
      g_autofree char *text = g_strdup_printf ("截至六月底%s第%s项进展顺利，已完成年度任务的一半。",
                                               ms_sheet_get_cell (sheet, row, 0)->text,
                                               ms_sheet_get_cell (sheet, row, 1)->text);

      ms_sheet_set_number (sheet, row, 6, (actual->kind == MS_CELL_NUMBER ? actual->number : 0) + 1.5);
      ms_sheet_set_text (sheet, row, 7, text);
      ms_sheet_set_text (sheet, row, 8, "推进中");
      ms_sheet_set_text (sheet, row, 9, "备注");
    }
}

static double
merge_once (MsDocument *document,
            GBytes     *xlsx,
            guint      *n_changes)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MsWorkbook) workbook = ms_workbook_new_from_xlsx (g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx),
                                                              "bench.xlsx", &error);
  g_autoptr(MsMerge) merge = ms_merge_new (document, MS_DATE_NONE);
  g_autoptr(MsHistory) history = ms_history_new (document);

  g_assert_no_error (error);
  g_assert_true (ms_merge_add_return (merge, workbook, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ms_merge_get_conflicts (merge)->len, ==, 0);
  *n_changes = ms_merge_get_changes (merge)->len;
  ms_merge_apply (merge, history);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsDocument) document = ms_test_generate_document (N_PROJECTS);
  g_autoptr(MsWorkbook) workbook = ms_bench_make_return (document, NULL, ms_date_from_ymd (2024, 6, 30));
  g_autoptr(GBytes) xlsx = NULL;
  gint64 start;
  double read_ms, first_ms, second_ms;
  guint n_changes = 0, n_again = 0;

  fill_return (workbook);
  xlsx = ms_bench_workbook_to_xlsx (workbook);

  start = g_get_monotonic_time ();
  {
    g_autoptr(MsWorkbook) read = ms_workbook_new_from_xlsx (g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx),
                                                            "bench.xlsx", NULL);
    g_assert_nonnull (read);
  }
  read_ms = (g_get_monotonic_time () - start) / 1000.0;

  first_ms = merge_once (document, xlsx, &n_changes);
  second_ms = merge_once (document, xlsx, &n_again);
  g_assert_cmpuint (n_again, ==, 0);

  printf ("merge, %u projects, %u rows, %.1f KB .xlsx:\n", N_PROJECTS,
          ms_sheet_get_n_rows (ms_workbook_get_sheet (workbook, 0)) - MS_RETURN_FIRST_ROW,
          g_bytes_get_size (xlsx) / 1000.0);
  printf ("  read the .xlsx           %8.1f ms\n", read_ms);
  printf ("  read, compare, apply     %8.1f ms  (%u changes, one undo step)  %s\n", first_ms, n_changes,
          first_ms < TARGET_MS ? "under 1 s" : "OVER 1 s");
  printf ("  second merge (no change) %8.1f ms  %s\n", second_ms, second_ms < TARGET_MS ? "under 1 s" : "OVER 1 s");
  return 0;
}
