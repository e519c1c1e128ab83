/* ms-binder.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ms-history.h"

G_BEGIN_DECLS

#define MS_TYPE_BINDER (ms_binder_get_type ())

G_DECLARE_FINAL_TYPE (MsBinder, ms_binder, MS, BINDER, GObject)

MsBinder *ms_binder_new (void);

G_END_DECLS
