/* ms-application.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MS_TYPE_APPLICATION (ms_application_get_type ())

G_DECLARE_FINAL_TYPE (MsApplication, ms_application, MS, APPLICATION, AdwApplication)

MsApplication *ms_application_new          (void);
GSettings     *ms_application_get_settings (MsApplication *self);

G_END_DECLS
