/* ms-print-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-document.h"
#include "ms-report-preview.h"
#include "ms-window.h"

G_BEGIN_DECLS

#define MS_TYPE_PRINT_DIALOG (ms_print_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsPrintDialog, ms_print_dialog, MS, PRINT_DIALOG, AdwWindow)

GtkWidget       *ms_print_dialog_new          (MsWindow         *window,
                                               MsDocument       *document,
                                               MsCategory       *category,
                                               MsProject        *project,
                                               gboolean          export_first);
MsReportPreview *ms_print_dialog_get_preview  (MsPrintDialog    *self);
void             ms_print_dialog_get_choices  (MsPrintDialog    *self,
                                               MsReportSettings *settings);
char            *ms_print_dialog_dup_file_name (MsPrintDialog   *self);
gboolean         ms_print_dialog_export_to    (MsPrintDialog    *self,
                                               GFile            *file);

G_END_DECLS
