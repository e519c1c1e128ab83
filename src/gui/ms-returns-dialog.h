/* ms-returns-dialog.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-window.h"

G_BEGIN_DECLS

#define MS_TYPE_RETURNS_DIALOG (ms_returns_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MsReturnsDialog, ms_returns_dialog, MS, RETURNS_DIALOG, AdwWindow)

GtkWidget *ms_returns_dialog_new                  (MsWindow         *window);
guint      ms_returns_dialog_get_n_departments    (MsReturnsDialog  *self);
void       ms_returns_dialog_set_department_chosen (MsReturnsDialog *self,
                                                   guint             position,
                                                   gboolean          chosen);
gboolean   ms_returns_dialog_export_to            (MsReturnsDialog  *self,
                                                   const char       *directory,
                                                   GError          **error);

G_END_DECLS
