/* ms-import-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-notice.h"
#include "ms-window.h"

G_BEGIN_DECLS

#define MS_TYPE_IMPORT_DIALOG (ms_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsImportDialog, ms_import_dialog, MS, IMPORT_DIALOG, AdwWindow)

void        ms_import_dialog_choose_file  (MsWindow       *window);
GtkWindow  *ms_import_dialog_present      (MsWindow       *window,
                                           const char     *name,
                                           MsDocument     *document,
                                           MsNoticeReport *report);
MsDocument *ms_import_dialog_get_document (MsImportDialog *self);

G_END_DECLS
