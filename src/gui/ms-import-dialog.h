/* ms-import-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-notice.h"
#include "ms-window.h"

G_BEGIN_DECLS

void       ms_import_dialog_choose_file (MsWindow       *window);
GtkWindow *ms_import_dialog_present     (MsWindow       *window,
                                         const char     *name,
                                         MsDocument     *document,
                                         MsNoticeReport *report);

G_END_DECLS
