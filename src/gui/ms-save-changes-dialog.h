/* ms-save-changes-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  MS_SAVE_CHANGES_CANCEL,
  MS_SAVE_CHANGES_DISCARD,
  MS_SAVE_CHANGES_SAVE,
} MsSaveChangesResponse;

#define MS_TYPE_SAVE_CHANGES_DIALOG (ms_save_changes_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsSaveChangesDialog, ms_save_changes_dialog, MS, SAVE_CHANGES_DIALOG, AdwMessageDialog)

void                  ms_save_changes_dialog_run_async  (GtkWindow            *parent,
                                                         const char           *title,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
MsSaveChangesResponse ms_save_changes_dialog_run_finish (GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
