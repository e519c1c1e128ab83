/* ms-report-preview.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-report.h"

G_BEGIN_DECLS

#define MS_TYPE_REPORT_PREVIEW (ms_report_preview_get_type ())

G_DECLARE_FINAL_TYPE (MsReportPreview, ms_report_preview, MS, REPORT_PREVIEW, GtkWidget)

GtkWidget *ms_report_preview_new            (void);
void       ms_report_preview_set_report     (MsReportPreview  *self,
                                             MsReport         *report);
void       ms_report_preview_set_page       (MsReportPreview  *self,
                                             guint             page);
guint      ms_report_preview_get_page       (MsReportPreview  *self);
guint      ms_report_preview_get_n_pages    (MsReportPreview  *self);
void       ms_report_preview_zoom_in        (MsReportPreview  *self);
void       ms_report_preview_zoom_out       (MsReportPreview  *self);
void       ms_report_preview_zoom_fit_width (MsReportPreview  *self);
void       ms_report_preview_zoom_fit_page  (MsReportPreview  *self);
double     ms_report_preview_get_zoom       (MsReportPreview  *self);
gboolean   ms_report_preview_get_page_area  (MsReportPreview  *self,
                                             guint             page,
                                             graphene_rect_t  *area);
guint      ms_report_preview_get_n_drawn    (MsReportPreview  *self);

G_END_DECLS
