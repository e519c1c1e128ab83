/* ms-ledger-cell.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-project.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

/* The columns of the ledger, left to right. */
typedef enum
{
  MS_LEDGER_NUMBER,
  MS_LEDGER_PROJECT,
  MS_LEDGER_DEPARTMENTS,
  MS_LEDGER_STATE,
  MS_LEDGER_FIGURE,
  MS_LEDGER_RATE,
  MS_LEDGER_DEADLINE,
  MS_LEDGER_LAST_UPDATE,
} MsLedgerColumn;

#define MS_TYPE_LEDGER_CELL (ms_ledger_cell_get_type ())

G_DECLARE_FINAL_TYPE (MsLedgerCell, ms_ledger_cell, MS, LEDGER_CELL, GtkWidget)

GtkWidget      *ms_ledger_cell_new          (MsLedgerColumn  column);
MsLedgerColumn  ms_ledger_cell_get_column   (MsLedgerCell   *self);
MsProject      *ms_ledger_cell_get_project  (MsLedgerCell   *self);
void            ms_ledger_cell_set_project  (MsLedgerCell   *self,
                                             MsProject      *project);
void            ms_ledger_cell_refresh      (MsLedgerCell   *self);
const char     *ms_ledger_cell_get_text     (MsLedgerCell   *self);

gboolean        ms_ledger_get_rate          (MsProject               *project,
                                             const MsScheduleContext *context,
                                             double                  *rate);
MsDate          ms_ledger_get_last_update   (MsProject               *project);

G_END_DECLS
