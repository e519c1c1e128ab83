/* ms-text-view.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MS_TYPE_TEXT_VIEW (ms_text_view_get_type ())

G_DECLARE_FINAL_TYPE (MsTextView, ms_text_view, MS, TEXT_VIEW, GtkTextView)

GtkWidget *ms_text_view_new (void);

G_END_DECLS
