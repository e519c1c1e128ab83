/* ms-project-list.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-document.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

/* What the list's filter takes, in the order of the window's filter menu:
 * all, each status, each schedule state, lagging, inconsistent. */
#define MS_PROJECT_FILTER_ALL           0
#define MS_PROJECT_FILTER_STATUS(s)     (1 + (int)(s))
#define MS_PROJECT_FILTER_SCHEDULE(s)   (1 + MS_N_STATUSES + (int)(s))
#define MS_PROJECT_FILTER_LAGGING       (1 + MS_N_STATUSES + MS_N_SCHEDULES)
#define MS_PROJECT_FILTER_INCONSISTENT  (MS_PROJECT_FILTER_LAGGING + 1)
#define MS_N_PROJECT_FILTERS            (MS_PROJECT_FILTER_INCONSISTENT + 1)

#define MS_TYPE_PROJECT_LIST (ms_project_list_get_type ())

G_DECLARE_FINAL_TYPE (MsProjectList, ms_project_list, MS, PROJECT_LIST, GtkWidget)

GtkWidget  *ms_project_list_new                  (void);
MsNode     *ms_project_list_get_scope            (MsProjectList *self);
void        ms_project_list_set_scope            (MsProjectList *self,
                                                  MsNode        *scope);
void        ms_project_list_set_search           (MsProjectList *self,
                                                  const char    *search);
void        ms_project_list_set_filter           (MsProjectList *self,
                                                  int            filter_by);
int         ms_project_list_get_filter           (MsProjectList *self);
void        ms_project_list_refresh              (MsProjectList *self);
MsProject  *ms_project_list_get_selected_project (MsProjectList *self);
void        ms_project_list_select_project       (MsProjectList *self,
                                                  MsProject     *project);
guint       ms_project_list_get_n_shown          (MsProjectList *self);
MsProject  *ms_project_list_get_shown_project    (MsProjectList *self,
                                                  guint          position);
gboolean    ms_project_matches                   (MsProject     *project,
                                                  const char    *needle,
                                                  int            filter_by,
                                                  const MsScheduleContext *context);

G_END_DECLS
