/* test-gui-util.h: waiting for the window, shared by the GUI tests
 *
 * Copyright 2026 Minsheng Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-window.h"

G_BEGIN_DECLS

void              ms_test_wait_drawn          (gpointer          widget);
void              ms_test_wait_idle           (void);
AdwMessageDialog *ms_test_find_message_dialog (AdwMessageDialog *not_this);
GPtrArray        *ms_test_find_widgets        (gpointer          root,
                                               GType             type);
GtkWidget        *ms_test_find_by_id          (gpointer          root,
                                               const char       *id);
GtkWidget        *ms_test_part                (gpointer          root,
                                               const char       *id);
GFile            *ms_test_copy_example        (const char       *dir,
                                               const char       *name,
                                               const char       *example);
MsWindow         *ms_test_open_window         (GFile            *file,
                                               int               width,
                                               int               height);

G_END_DECLS
