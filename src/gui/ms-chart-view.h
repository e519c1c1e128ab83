/* ms-chart-view.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-chart.h"

G_BEGIN_DECLS

#define MS_TYPE_CHART_VIEW (ms_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (MsChartView, ms_chart_view, MS, CHART_VIEW, GtkWidget)

GtkWidget   *ms_chart_view_new        (MsChartKind  kind);
MsChartKind  ms_chart_view_get_kind   (MsChartView *self);
void         ms_chart_view_set_kind   (MsChartView *self,
                                       MsChartKind  kind);
MsNode      *ms_chart_view_get_node   (MsChartView *self);
void         ms_chart_view_set_node   (MsChartView *self,
                                       MsNode      *node);
void         ms_chart_view_get_info   (MsChartView *self,
                                       MsChartInfo *info);
char        *ms_chart_view_dup_description (MsChartView *self);
void         ms_chart_options_init_for_widget (MsChartOptions *options,
                                               GtkWidget      *widget);

G_END_DECLS
