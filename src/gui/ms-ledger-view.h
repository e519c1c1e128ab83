/* ms-ledger-view.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-document.h"
#include "ms-ledger-cell.h"

G_BEGIN_DECLS

#define MS_TYPE_LEDGER_VIEW (ms_ledger_view_get_type ())

G_DECLARE_FINAL_TYPE (MsLedgerView, ms_ledger_view, MS, LEDGER_VIEW, GtkWidget)

GtkWidget         *ms_ledger_view_new                  (void);
void               ms_ledger_view_set_scope            (MsLedgerView   *self,
                                                        MsNode         *scope);
MsNode            *ms_ledger_view_get_scope            (MsLedgerView   *self);
void               ms_ledger_view_set_search           (MsLedgerView   *self,
                                                        const char     *search);
void               ms_ledger_view_set_filter           (MsLedgerView   *self,
                                                        int             filter_by);
void               ms_ledger_view_refresh              (MsLedgerView   *self);
MsProject         *ms_ledger_view_get_selected_project (MsLedgerView   *self);
void               ms_ledger_view_select_project       (MsLedgerView   *self,
                                                        MsProject      *project);
GPtrArray         *ms_ledger_view_dup_selected_projects (MsLedgerView  *self);
GtkSelectionModel *ms_ledger_view_get_selection        (MsLedgerView   *self);
gboolean           ms_ledger_view_get_pending          (MsLedgerView   *self);
guint              ms_ledger_view_get_n_shown          (MsLedgerView   *self);
MsProject         *ms_ledger_view_get_shown_project    (MsLedgerView   *self,
                                                        guint           position);
void               ms_ledger_view_sort_by              (MsLedgerView   *self,
                                                        MsLedgerColumn  column,
                                                        GtkSortType     direction);

G_END_DECLS
