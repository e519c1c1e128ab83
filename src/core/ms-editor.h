/* ms-editor.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ms-document.h"
#include "ms-history.h"

G_BEGIN_DECLS

/**
 * MsExternalChange:
 * @MS_EXTERNAL_CHANGE_NONE: the file holds what we last read or wrote
 * @MS_EXTERNAL_CHANGE_CHANGED: another program wrote the file
 * @MS_EXTERNAL_CHANGE_DELETED: the file was deleted or moved away
 */
typedef enum
{
  MS_EXTERNAL_CHANGE_NONE,
  MS_EXTERNAL_CHANGE_CHANGED,
  MS_EXTERNAL_CHANGE_DELETED,
} MsExternalChange;

#define MS_TYPE_EXTERNAL_CHANGE (ms_external_change_get_type ())
GType ms_external_change_get_type (void);

#define MS_TYPE_EDITOR (ms_editor_get_type ())

G_DECLARE_FINAL_TYPE (MsEditor, ms_editor, MS, EDITOR, GObject)

MsEditor         *ms_editor_new                 (MsDocument           *document);
void              ms_editor_load_async          (GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
MsEditor         *ms_editor_load_finish         (GAsyncResult         *result,
                                                 GError              **error);
MsDocument       *ms_editor_get_document        (MsEditor             *self);
MsHistory        *ms_editor_get_history         (MsEditor             *self);
GFile            *ms_editor_get_file            (MsEditor             *self);
const char       *ms_editor_get_title           (MsEditor             *self);
gboolean          ms_editor_get_modified        (MsEditor             *self);
gboolean          ms_editor_get_busy            (MsEditor             *self);
MsExternalChange  ms_editor_get_external_change (MsEditor             *self);
guint64           ms_editor_get_serial          (MsEditor             *self);
guint64           ms_editor_get_saved_serial    (MsEditor             *self);
void              ms_editor_save_async          (MsEditor             *self,
                                                 GFile                *file,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          ms_editor_save_finish         (MsEditor             *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void              ms_editor_reload_async        (MsEditor             *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
MsEditor         *ms_editor_reload_finish       (MsEditor             *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
void              ms_editor_keep_mine           (MsEditor             *self);
void              ms_editor_check_file          (MsEditor             *self);

G_END_DECLS
