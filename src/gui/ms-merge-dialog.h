/* ms-merge-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-merge.h"
#include "ms-window.h"

G_BEGIN_DECLS

#define MS_TYPE_MERGE_DIALOG (ms_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsMergeDialog, ms_merge_dialog, MS, MERGE_DIALOG, AdwWindow)

void                 ms_merge_dialog_choose_files      (MsWindow      *window);
GtkFileChooserNative *ms_merge_dialog_new_chooser      (MsWindow      *window);
gboolean             ms_merge_dialog_accepts_file      (GFile         *file);
GtkWidget           *ms_merge_dialog_new_for_files     (MsWindow      *window,
                                                        GListModel    *files);
GtkWidget           *ms_merge_dialog_new_for_notice    (MsWindow       *window,
                                                        const char     *name,
                                                        MsDocument     *notice,
                                                        MsNoticeReport *report);
void                 ms_merge_dialog_set_origin        (MsMergeDialog *self,
                                                        GtkWindow     *origin);
MsMerge             *ms_merge_dialog_get_merge         (MsMergeDialog *self);
guint                ms_merge_dialog_get_n_change_rows (MsMergeDialog *self);
const MsMergeChange *ms_merge_dialog_get_row_change    (MsMergeDialog *self,
                                                        guint          row);
guint                ms_merge_dialog_get_n_refused     (MsMergeDialog *self);
gboolean             ms_merge_dialog_get_needs_date    (MsMergeDialog *self);

G_END_DECLS
