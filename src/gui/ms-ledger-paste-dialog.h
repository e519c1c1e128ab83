/* ms-ledger-paste-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-paste.h"

G_BEGIN_DECLS

#define MS_TYPE_LEDGER_PASTE_DIALOG (ms_ledger_paste_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsLedgerPasteDialog, ms_ledger_paste_dialog, MS, LEDGER_PASTE_DIALOG, AdwMessageDialog)

void      ms_ledger_paste_dialog_run_async  (GtkWindow            *parent,
                                             MsPastePlan          *plan,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  ms_ledger_paste_dialog_run_finish (GAsyncResult         *result);

G_END_DECLS
