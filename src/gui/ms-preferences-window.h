/* ms-preferences-window.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MS_TYPE_PREFERENCES_WINDOW (ms_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MsPreferencesWindow, ms_preferences_window, MS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *ms_preferences_window_new          (GSettings           *settings);
GSettings *ms_preferences_window_get_settings (MsPreferencesWindow *self);

G_END_DECLS
