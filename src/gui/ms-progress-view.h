/* ms-progress-view.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-chart.h"
#include "ms-history.h"

G_BEGIN_DECLS

#define MS_TYPE_PROGRESS_VIEW (ms_progress_view_get_type ())

G_DECLARE_FINAL_TYPE (MsProgressView, ms_progress_view, MS, PROGRESS_VIEW, GtkWidget)

GtkWidget *ms_progress_view_new          (MsIndicator *indicator,
                                          MsHistory   *history);
guint      ms_progress_view_get_n_rows   (MsProgressView *self);
GtkWidget *ms_progress_view_get_chart    (MsProgressView *self);
char      *ms_progress_view_dup_description (MsProgressView *self);
void       ms_progress_view_get_chart_info  (MsProgressView *self,
                                             MsChartInfo    *info);

G_END_DECLS
