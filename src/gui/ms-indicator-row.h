/* ms-indicator-row.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-document.h"
#include "ms-history.h"

G_BEGIN_DECLS

#define MS_TYPE_INDICATOR_ROW (ms_indicator_row_get_type ())

G_DECLARE_FINAL_TYPE (MsIndicatorRow, ms_indicator_row, MS, INDICATOR_ROW, GtkListBoxRow)

GtkWidget   *ms_indicator_row_new           (MsIndicator    *indicator,
                                             MsHistory      *history);
MsIndicator *ms_indicator_row_get_indicator (MsIndicatorRow *self);
void         ms_indicator_row_focus_name    (MsIndicatorRow *self);

G_END_DECLS
