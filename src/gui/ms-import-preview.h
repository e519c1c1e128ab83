/* ms-import-preview.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-import-entry.h"
#include "ms-notice.h"

G_BEGIN_DECLS

#define MS_TYPE_IMPORT_PREVIEW (ms_import_preview_get_type ())

G_DECLARE_FINAL_TYPE (MsImportPreview, ms_import_preview, MS, IMPORT_PREVIEW, GObject)

MsImportPreview *ms_import_preview_new          (MsDocument      *document,
                                                 MsNoticeReport  *report);
GtkTreeListModel *ms_import_preview_create_tree (MsImportPreview *self);
GListModel      *ms_import_preview_get_warnings (MsImportPreview *self);
GListModel      *ms_import_preview_get_dropped  (MsImportPreview *self);
MsProject       *ms_import_preview_find_project (MsImportPreview *self,
                                                 guint            line);

G_END_DECLS
