/* ms-indicator.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-node.h"
#include "ms-timeline.h"

G_BEGIN_DECLS

typedef enum
{
  MS_INDICATOR_UNREPORTED,
  MS_INDICATOR_MET,
  MS_INDICATOR_UNMET,
} MsIndicatorState;

/* The largest figure a file or a notice may give: 10^15 yuan is more than
 * the world's yearly output, and up to here a double keeps every whole
 * number exactly. Larger figures are typing or OCR faults, refused. */
#define MS_FIGURE_MAX 1e15

#define MS_TYPE_INDICATOR (ms_indicator_get_type ())

G_DECLARE_FINAL_TYPE (MsIndicator, ms_indicator, MS, INDICATOR, MsNode)

MsIndicator      *ms_indicator_new            (void);
const char       *ms_indicator_get_name       (MsIndicator  *self);
void              ms_indicator_set_name       (MsIndicator  *self,
                                               const char   *name);
const char       *ms_indicator_get_unit       (MsIndicator  *self);
void              ms_indicator_set_unit       (MsIndicator  *self,
                                               const char   *unit);
double            ms_indicator_get_target     (MsIndicator  *self);
void              ms_indicator_set_target     (MsIndicator  *self,
                                               double        target);
gboolean          ms_indicator_get_has_actual (MsIndicator  *self);
double            ms_indicator_get_actual     (MsIndicator  *self);
void              ms_indicator_set_actual     (MsIndicator  *self,
                                               double        actual);
void              ms_indicator_clear_actual   (MsIndicator  *self);
MsComparison      ms_indicator_get_comparison (MsIndicator  *self);
void              ms_indicator_set_comparison (MsIndicator  *self,
                                               MsComparison  comparison);
MsTimeline       *ms_indicator_get_progress   (MsIndicator  *self);
void              ms_indicator_set_progress   (MsIndicator  *self,
                                               MsTimeline   *progress);
MsTimeline       *ms_indicator_get_plan       (MsIndicator  *self);
void              ms_indicator_set_plan       (MsIndicator  *self,
                                               MsTimeline   *plan);
gboolean          ms_indicator_get_rate       (MsIndicator  *self,
                                               double       *rate);
MsIndicatorState  ms_indicator_get_state      (MsIndicator  *self);
gboolean          ms_indicator_is_met_by      (MsIndicator  *self,
                                               double        figure);

gboolean          ms_figure_is_plausible      (double        figure);

G_END_DECLS
