/* ms-project-view.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-document.h"
#include "ms-history.h"

G_BEGIN_DECLS

#define MS_TYPE_PROJECT_VIEW (ms_project_view_get_type ())

G_DECLARE_FINAL_TYPE (MsProjectView, ms_project_view, MS, PROJECT_VIEW, GtkWidget)

GtkWidget *ms_project_view_new         (void);
MsProject *ms_project_view_get_project (MsProjectView *self);
void       ms_project_view_set_project (MsProjectView *self,
                                        MsProject     *project);
void       ms_project_view_set_history (MsProjectView *self,
                                        MsHistory     *history);
GtkWidget *ms_project_view_get_chart   (MsProjectView *self);

void           ms_project_view_refresh     (MsProjectView *self);

G_END_DECLS
