/* ms-chart-panel.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-chart-view.h"

G_BEGIN_DECLS

#define MS_TYPE_CHART_PANEL (ms_chart_panel_get_type ())

G_DECLARE_FINAL_TYPE (MsChartPanel, ms_chart_panel, MS, CHART_PANEL, GtkWidget)

MsChartView   *ms_chart_panel_get_view   (MsChartPanel *self);
GtkColumnView *ms_chart_panel_get_table  (MsChartPanel *self);
GtkWidget     *ms_chart_panel_get_toggle (MsChartPanel *self);
void           ms_chart_panel_set_node   (MsChartPanel *self,
                                          MsNode       *node);

G_END_DECLS
