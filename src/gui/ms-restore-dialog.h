/* ms-restore-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-recovery.h"

G_BEGIN_DECLS

typedef enum
{
  /* Closed without an answer: ask again next time. */
  MS_RESTORE_LATER,
  MS_RESTORE_DISCARD,
  MS_RESTORE_RESTORE,
} MsRestoreResponse;

#define MS_TYPE_RESTORE_DIALOG (ms_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsRestoreDialog, ms_restore_dialog, MS, RESTORE_DIALOG, AdwMessageDialog)

void              ms_restore_dialog_run_async  (GtkWindow              *parent,
                                                const MsRecoveryEntry  *entry,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
MsRestoreResponse ms_restore_dialog_run_finish (GAsyncResult           *result);

G_END_DECLS
