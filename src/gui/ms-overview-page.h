/* ms-overview-page.h
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

#define MS_TYPE_OVERVIEW_PAGE (ms_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (MsOverviewPage, ms_overview_page, MS, OVERVIEW_PAGE, GtkWidget)

void       ms_overview_page_set_document (MsOverviewPage *self,
                                          MsDocument     *document,
                                          MsHistory      *history);
GtkWidget *ms_overview_page_get_chart    (MsOverviewPage *self);
char      *ms_overview_page_dup_figure   (MsOverviewPage *self,
                                          guint           index);

G_END_DECLS
