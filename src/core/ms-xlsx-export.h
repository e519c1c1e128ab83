/* ms-xlsx-export.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"

G_BEGIN_DECLS

/* The returns workbook's layout (FORMAT.md, "Returned sheets"): what a
 * merge reads back. Change them only with a new layout version. */
#define MS_XLSX_RETURNS_VERSION      1
#define MS_XLSX_RETURNS_MARK         "minsheng-return"
#define MS_XLSX_RETURNS_SHEET        "填报表"
#define MS_XLSX_RETURNS_HIDDEN_SHEET "_minsheng"
/* The first data row of both sheets, 1-based as a spreadsheet shows it. */
#define MS_XLSX_RETURNS_FIRST_ROW        4
#define MS_XLSX_RETURNS_HIDDEN_FIRST_ROW 10
/* The longest file name made from a department, before " (2)" and ".xlsx". */
#define MS_XLSX_FILE_STEM_MAX 100

char      *ms_xlsx_compute_file_identity (MsDocument  *document);
char      *ms_xlsx_make_file_stem        (const char  *name);
GPtrArray *ms_xlsx_name_return_files     (GPtrArray   *departments);

gboolean   ms_xlsx_write_ledger          (MsDocument  *document,
                                          const char  *language,
                                          const char  *path,
                                          GError     **error);
gboolean   ms_xlsx_write_returns         (MsDocument  *document,
                                          MsDate       reporting_date,
                                          const char  *directory,
                                          GPtrArray   *departments,
                                          GPtrArray  **written_paths,
                                          GError     **error);

G_END_DECLS
