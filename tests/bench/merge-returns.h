/* merge-returns.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"
#include "ms-sheet-reader.h"

G_BEGIN_DECLS

/* Data rows of 填报表 start on its row 4 (3 from 0). */
#define MS_RETURN_FIRST_ROW 3

MsWorkbook *ms_bench_make_return       (MsDocument *document,
                                        const char *department,
                                        MsDate      date);
GBytes     *ms_bench_workbook_to_xlsx  (MsWorkbook *workbook);

G_END_DECLS
