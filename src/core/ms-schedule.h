/* ms-schedule.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"
#include "ms-project.h"

G_BEGIN_DECLS

/* Where a project or indicator stands against its schedule on a date. The
 * order is the order of urgency: a project takes the most urgent state of
 * its indicators, and lists of lagging items sort by it. */
typedef enum
{
  MS_SCHEDULE_OVERDUE,
  MS_SCHEDULE_AT_RISK,
  MS_SCHEDULE_BEHIND,
  MS_SCHEDULE_NOT_REPORTED,
  MS_SCHEDULE_ON_TRACK,
  MS_SCHEDULE_DONE,
} MsSchedule;

#define MS_N_SCHEDULES 6

/* The date and rules every figure of a document is read with. */
typedef struct
{
  MsDate       as_of;
  MsDate       period_start;
  MsDate       period_end;
  MsThresholds thresholds;
} MsScheduleContext;

/* Counts over a set of projects; every headline figure comes from here. */
typedef struct
{
  guint n_projects;
  guint n_by_schedule[MS_N_SCHEDULES];
  guint n_indicators;
  guint n_indicators_by_schedule[MS_N_SCHEDULES];
} MsScheduleCounts;

const char *ms_schedule_to_string      (MsSchedule          schedule);
gboolean    ms_schedule_from_string    (const char         *text,
                                        MsSchedule         *schedule);
const char *ms_schedule_get_label      (MsSchedule          schedule);
const char *ms_schedule_get_label_untranslated (MsSchedule   schedule);
const char *ms_schedule_get_label_in_language (MsSchedule   schedule,
                                        const char         *language);
const char *ms_schedule_get_icon_name  (MsSchedule          schedule);
gboolean    ms_schedule_is_lagging     (MsSchedule          schedule);

void        ms_schedule_context_init   (MsScheduleContext  *context,
                                        MsDocument         *document,
                                        MsDate              as_of);
MsDate      ms_schedule_context_get_deadline (const MsScheduleContext *context,
                                        MsProject          *project);

gboolean    ms_indicator_get_expected_rate (MsIndicator             *indicator,
                                        const MsScheduleContext *context,
                                        MsDate                   deadline,
                                        MsDate                   date,
                                        double                  *expected);
gboolean    ms_indicator_get_figure_at (MsIndicator             *indicator,
                                        MsDate                   date,
                                        double                  *figure);
gboolean    ms_indicator_get_rate_at   (MsIndicator             *indicator,
                                        MsDate                   date,
                                        double                  *rate);
gboolean    ms_indicator_get_gap       (MsIndicator             *indicator,
                                        const MsScheduleContext *context,
                                        MsDate                   deadline,
                                        double                  *points);
MsSchedule  ms_indicator_get_schedule  (MsIndicator             *indicator,
                                        const MsScheduleContext *context,
                                        MsDate                   deadline);
MsSchedule  ms_project_get_schedule    (MsProject               *project,
                                        const MsScheduleContext *context,
                                        MsIndicator            **deciding);

/* A project behind its schedule, as every list of lagging projects shows it. */
typedef struct
{
  MsProject   *project;
  /* (nullable): the indicator that decides its state */
  MsIndicator *deciding;
  MsSchedule   schedule;
  /* Its place in file order within the scope. */
  guint        position;
} MsLagging;

MsIndicator *ms_project_get_key_indicator (MsProject             *project,
                                        const MsScheduleContext *context);
char       *ms_project_dup_schedule_text (MsProject           *project,
                                        const MsScheduleContext *context,
                                        gboolean                 with_deadline);
char       *ms_project_dup_schedule_text_in_language (MsProject               *project,
                                        const MsScheduleContext *context,
                                        gboolean                 with_deadline,
                                        const char              *language);
GArray     *ms_schedule_collect_lagging (MsNode                  *scope,
                                        const MsScheduleContext *context);
void        ms_schedule_counts_add     (MsScheduleCounts        *counts,
                                        MsProject               *project,
                                        const MsScheduleContext *context);
void        ms_schedule_count          (MsNode                  *scope,
                                        const MsScheduleContext *context,
                                        MsScheduleCounts        *counts);

G_END_DECLS
