/* ms-autosave.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-editor.h"

G_BEGIN_DECLS

#define MS_TYPE_AUTOSAVE (ms_autosave_get_type ())

G_DECLARE_FINAL_TYPE (MsAutosave, ms_autosave, MS, AUTOSAVE, GObject)

MsAutosave *ms_autosave_new        (MsEditor   *editor);
MsAutosave *ms_autosave_new_with_key (MsEditor *editor,
                                      const char *key);
MsEditor   *ms_autosave_get_editor (MsAutosave *self);
guint       ms_autosave_get_delay  (MsAutosave *self);
void        ms_autosave_set_delay  (MsAutosave *self,
                                    guint       delay_ms);
const char *ms_autosave_get_key    (MsAutosave *self);
guint64     ms_autosave_get_kept_serial (MsAutosave *self);
void        ms_autosave_discard    (MsAutosave *self);

G_END_DECLS
