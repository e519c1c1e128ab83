/* ms-window.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-application.h"
#include "ms-autosave.h"
#include "ms-document.h"
#include "ms-recovery.h"
#include "ms-editor.h"
#include "ms-history.h"
#include "ms-project-view.h"

G_BEGIN_DECLS

#define MS_TYPE_WINDOW (ms_window_get_type ())

G_DECLARE_FINAL_TYPE (MsWindow, ms_window, MS, WINDOW, AdwApplicationWindow)

MsWindow   *ms_window_new              (MsApplication *application);
void        ms_window_open_file        (MsWindow      *self,
                                        GFile         *file);
void        ms_window_load_file        (MsWindow      *self,
                                        GFile         *file);
MsDocument *ms_window_get_document     (MsWindow      *self);
MsHistory  *ms_window_get_history      (MsWindow      *self);
MsProjectView *ms_window_get_project_view (MsWindow   *self);
MsEditor   *ms_window_get_editor       (MsWindow      *self);
void        ms_window_set_editor       (MsWindow      *self,
                                        MsEditor      *editor);
void        ms_window_set_document     (MsWindow      *self,
                                        MsDocument    *document);
void        ms_window_show_error       (MsWindow      *self,
                                        const char    *title,
                                        const char    *message);
void        ms_window_select_project   (MsWindow      *self,
                                        MsProject     *project);
void        ms_window_select_section   (MsWindow      *self,
                                        guint          index);
void        ms_window_save_to          (MsWindow      *self,
                                        GFile         *file);
const char *ms_window_get_visible_page (MsWindow      *self);
MsAutosave *ms_window_get_autosave     (MsWindow      *self);
void        ms_window_set_autosave_delay (MsWindow    *self,
                                        guint          delay_ms);
void        ms_window_set_loading_delay (MsWindow     *self,
                                        guint          delay_ms);
void        ms_window_offer_recovery   (MsWindow              *self,
                                        MsEditor              *opened,
                                        GFile                 *otherwise,
                                        const MsRecoveryEntry *entry);

void        ms_window_show_filtered    (MsWindow      *self,
                                        int            filter_by);

G_END_DECLS
