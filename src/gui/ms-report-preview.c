/* ms-report-preview.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page of a report, drawn by the same code that prints it: a system
 * preview program may be missing (and is under the Flatpak print portal).
 */

#define G_LOG_DOMAIN "ms-report-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-report-preview.h"

struct _MsReportPreview
{
  GtkWidget  parent_instance;

  MsReport  *report;
  guint      page;
};

G_DEFINE_FINAL_TYPE (MsReportPreview, ms_report_preview, GTK_TYPE_WIDGET)

static void
ms_report_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double page_width, page_height, scale, x, y;
  cairo_t *cr;

  if (self->report == NULL || ms_report_get_n_pages (self->report) == 0)
    return;

  ms_report_get_page_size (self->report, self->page, &page_width, &page_height);
  scale = MIN ((width - 24) / page_width, (height - 24) / page_height);
  if (scale <= 0)
    return;

  x = (width - page_width * scale) / 2;
  y = (height - page_height * scale) / 2;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* A sheet of paper with a soft edge. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_rectangle (cr, x + 2, y + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, page_width, page_height);
  cairo_clip (cr);
  ms_report_draw_page (self->report, self->page, cr, NULL);
  cairo_destroy (cr);
}

static void
ms_report_preview_dispose (GObject *object)
{
  MsReportPreview *self = (MsReportPreview *)object;

  g_clear_pointer (&self->report, ms_report_free);

  G_OBJECT_CLASS (ms_report_preview_parent_class)->dispose (object);
}

static void
ms_report_preview_class_init (MsReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_report_preview_dispose;
  widget_class->snapshot = ms_report_preview_snapshot;

  gtk_widget_class_set_css_name (widget_class, "reportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ms_report_preview_init (MsReportPreview *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 240, 240);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print preview"), -1);
}

GtkWidget *
ms_report_preview_new (void)
{
  return g_object_new (MS_TYPE_REPORT_PREVIEW, NULL);
}

/**
 * ms_report_preview_set_report:
 * @report: (transfer full) (nullable): the report to show, from its first page
 */
void
ms_report_preview_set_report (MsReportPreview *self,
                              MsReport        *report)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  g_clear_pointer (&self->report, ms_report_free);
  self->report = report;
  self->page = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ms_report_preview_set_page (MsReportPreview *self,
                            guint            page)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  if (self->report == NULL)
    return;

  self->page = MIN (page, ms_report_get_n_pages (self->report) - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
ms_report_preview_get_page (MsReportPreview *self)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), 0);

  return self->page;
}

/**
 * ms_report_preview_get_n_pages:
 *
 * Returns: the number of pages of the report shown, 0 without one
 */
guint
ms_report_preview_get_n_pages (MsReportPreview *self)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), 0);

  return self->report != NULL ? ms_report_get_n_pages (self->report) : 0;
}
