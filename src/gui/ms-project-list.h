/* ms-project-list.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-document.h"

G_BEGIN_DECLS

#define MS_TYPE_PROJECT_LIST (ms_project_list_get_type ())

G_DECLARE_FINAL_TYPE (MsProjectList, ms_project_list, MS, PROJECT_LIST, GtkWidget)

GtkWidget  *ms_project_list_new                  (void);
MsNode     *ms_project_list_get_scope            (MsProjectList *self);
void        ms_project_list_set_scope            (MsProjectList *self,
                                                  MsNode        *scope);
void        ms_project_list_set_search           (MsProjectList *self,
                                                  const char    *search);
void        ms_project_list_set_status_filter    (MsProjectList *self,
                                                  int            status);
MsProject  *ms_project_list_get_selected_project (MsProjectList *self);
void        ms_project_list_select_project       (MsProjectList *self,
                                                  MsProject     *project);
guint       ms_project_list_get_n_shown          (MsProjectList *self);
MsProject  *ms_project_list_get_shown_project    (MsProjectList *self,
                                                  guint          position);
gboolean    ms_project_matches                   (MsProject     *project,
                                                  const char    *needle,
                                                  int            status);

G_END_DECLS
