/* ms-chart-row.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ms-indicator.h"
#include "ms-project.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

#define MS_TYPE_CHART_ROW (ms_chart_row_get_type ())

G_DECLARE_FINAL_TYPE (MsChartRow, ms_chart_row, MS, CHART_ROW, GObject)

/* One row of a chart as words: what its table shows, what its description
 * counts and what a tagged report follows (see ms_chart_collect_rows()). */

const char  *ms_chart_row_get_group          (MsChartRow *self);
const char  *ms_chart_row_get_project_label  (MsChartRow *self);
const char  *ms_chart_row_get_indicator_name (MsChartRow *self);
const char  *ms_chart_row_get_target         (MsChartRow *self);
const char  *ms_chart_row_get_actual         (MsChartRow *self);
const char  *ms_chart_row_get_rate           (MsChartRow *self);
const char  *ms_chart_row_get_state          (MsChartRow *self);
MsProject   *ms_chart_row_get_project        (MsChartRow *self);
MsIndicator *ms_chart_row_get_indicator      (MsChartRow *self);
gboolean     ms_chart_row_get_met            (MsChartRow *self);
MsSchedule   ms_chart_row_get_schedule       (MsChartRow *self);

G_END_DECLS
