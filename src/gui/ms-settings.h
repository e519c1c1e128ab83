/* ms-settings.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *ms_settings_new         (void);
void       ms_settings_bind_choice (GSettings          *settings,
                                    const char         *key,
                                    gpointer            object,
                                    const char         *property,
                                    const char * const *values);

G_END_DECLS
