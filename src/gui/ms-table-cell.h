/* ms-table-cell.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MS_TYPE_TABLE_CELL (ms_table_cell_get_type ())

G_DECLARE_FINAL_TYPE (MsTableCell, ms_table_cell, MS, TABLE_CELL, GtkWidget)

void ms_column_view_name_parts (GtkColumnView *view,
                                const char    *name);

G_END_DECLS
