/* ms-print.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-print-operation.h"
#include "ms-report-preview.h"
#include "ms-window.h"

G_BEGIN_DECLS

void       ms_print_dialog_present      (MsWindow   *window,
                                         MsDocument *document,
                                         MsCategory *category,
                                         MsProject  *project);

G_END_DECLS
