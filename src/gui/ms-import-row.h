/* ms-import-row.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-import-entry.h"

G_BEGIN_DECLS

#define MS_TYPE_IMPORT_ROW (ms_import_row_get_type ())

G_DECLARE_FINAL_TYPE (MsImportRow, ms_import_row, MS, IMPORT_ROW, GtkWidget)

MsImportEntry *ms_import_row_get_entry (MsImportRow   *self);
void           ms_import_row_set_entry (MsImportRow   *self,
                                        MsImportEntry *entry);

G_END_DECLS
