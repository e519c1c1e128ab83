/* ms-project-row.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-schedule.h"

#include "ms-document.h"

G_BEGIN_DECLS

#define MS_TYPE_PROJECT_ROW (ms_project_row_get_type ())

G_DECLARE_FINAL_TYPE (MsProjectRow, ms_project_row, MS, PROJECT_ROW, GtkWidget)

GtkWidget *ms_project_row_new        (void);
MsProject *ms_project_row_get_project (MsProjectRow *self);
void       ms_project_row_set_project (MsProjectRow *self,
                                       MsProject    *project);
void       ms_project_row_set_highlight (MsProjectRow *self,
                                         const char   *needle);
void       ms_project_row_set_header  (MsProjectRow *self,
                                       MsGroup      *group,
                                       gboolean      with_category);
void       ms_project_row_refresh     (MsProjectRow *self);
char      *ms_project_dup_key_figure  (MsProject               *project,
                                       const MsScheduleContext *context,
                                       double                  *rate,
                                       gboolean                *has_rate,
                                       MsSchedule              *schedule);

G_END_DECLS
