/* ms-overview-page.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-overview-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-binder.h"
#include "ms-chart-view.h"
#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-overview-page.h"

#define N_FIGURES 5

/* Headline figures and the overview charts, and the file's own details. */
struct _MsOverviewPage
{
  GtkWidget      parent_instance;

  MsDocument    *document;
  /* The file's own details, bound through the history. */
  MsBinder      *binder;
  gulong         changed_handler;
  GtkLabel      *figure_values[N_FIGURES];
  GtkLabel      *figure_captions[N_FIGURES];

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkFlowBox    *figures_box;
  MsChartView   *overview_chart;
  MsChartView   *rates_chart;
  AdwEntryRow   *title_row;
  AdwEntryRow   *region_row;
  GtkSpinButton *year_spin;
  GtkTextView   *intro_view;
  GtkTextBuffer *intro_buffer;
};

G_DEFINE_FINAL_TYPE (MsOverviewPage, ms_overview_page, GTK_TYPE_WIDGET)

static void
refresh (MsOverviewPage *self)
{
  g_autofree char *subtitle = NULL;
  char *values[N_FIGURES];
  double share;
  MsStats stats;

  if (self->document == NULL)
    return;

  ms_document_get_stats (self->document, &stats);
  if (!ms_stats_get_completion (&stats, &share))
    share = NAN;

  gtk_label_set_label (self->title_label, ms_document_get_title (self->document)[0]
                                          ? ms_document_get_title (self->document) : _("Untitled"));
  /* translators: region and year of a yearly file, such as "漯河市 · 2024" */
  subtitle = g_strdup_printf (_("%s · %d"), ms_document_get_region (self->document),
                              ms_document_get_year (self->document));
  gtk_label_set_label (self->subtitle_label, subtitle);

  values[0] = g_strdup_printf ("%u", stats.n_projects);
  values[1] = g_strdup_printf ("%u", stats.n_by_status[MS_STATUS_COMPLETED]);
  values[2] = g_strdup_printf ("%u", stats.n_projects_exceeded);
  values[3] = g_strdup_printf ("%u", stats.n_by_status[MS_STATUS_IN_PROGRESS]);
  values[4] = ms_l10n_format_percent (NULL, share);
  for (guint i = 0; i < N_FIGURES; i++)
    {
      gtk_label_set_label (self->figure_values[i], values[i]);
      g_free (values[i]);
    }
  gtk_label_set_label (self->figure_captions[0],
                       g_dngettext (GETTEXT_PACKAGE, "project", "projects", stats.n_projects));
}

static void
on_focus_leave_cb (MsOverviewPage *self)
{
  ms_binder_sync (self->binder);
}

static GtkWidget *
make_figure (GtkLabel   **value,
             GtkLabel   **caption_label,
             const char  *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "figure-card");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (text, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  /* Narrow captions wrap, so five cards fit on a line. */
  gtk_label_set_max_width_chars (GTK_LABEL (text), 12);
  gtk_label_set_width_chars (GTK_LABEL (text), 8);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), text);
  *value = GTK_LABEL (number);
  *caption_label = GTK_LABEL (text);

  return box;
}

static void
ms_overview_page_dispose (GObject *object)
{
  MsOverviewPage *self = (MsOverviewPage *)object;

  ms_overview_page_set_document (self, NULL, NULL);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->binder);

  G_OBJECT_CLASS (ms_overview_page_parent_class)->dispose (object);
}

static void
ms_overview_page_class_init (MsOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_overview_page_dispose;

  g_type_ensure (MS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, overview_chart);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, rates_chart);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, intro_view);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, intro_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ms_overview_page_init (MsOverviewPage *self)
{
  const char *captions[N_FIGURES] = {
    _("projects"), _("completed"), _("met every target, at least one exceeded"), _("in progress"),
    _("overall completion"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_FIGURES; i++)
    {
      gtk_flow_box_append (self->figures_box, make_figure (&self->figure_values[i], &self->figure_captions[i],
                                                           captions[i]));
      /* The cards only show figures: no empty stop for Tab. */
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->figures_box, (int)i)), FALSE);
    }

  ms_widget_mark_chinese (GTK_WIDGET (self->title_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->subtitle_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->title_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->region_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->intro_view));

  self->binder = ms_binder_new ();
  ms_binder_bind (self->binder, "title", self->title_row, "text", N_("Edit Title"));
  ms_binder_bind (self->binder, "region", self->region_row, "text", N_("Edit Region"));
  ms_binder_bind (self->binder, "year", self->year_spin, "value", N_("Edit Year"));
  ms_binder_bind (self->binder, "intro", self->intro_buffer, "text", N_("Edit Introduction"));
}

void
ms_overview_page_set_document (MsOverviewPage *self,
                               MsDocument     *document,
                               MsHistory      *history)
{
  g_return_if_fail (MS_IS_OVERVIEW_PAGE (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  if (self->binder != NULL)
    {
      ms_binder_set_history (self->binder, history);
      ms_binder_set_source (self->binder, document);
    }

  ms_chart_view_set_node (self->overview_chart, document ? MS_NODE (document) : NULL);
  ms_chart_view_set_node (self->rates_chart, document ? MS_NODE (document) : NULL);

  if (document != NULL)
    {
      self->changed_handler = g_signal_connect_object (document, "changed", G_CALLBACK (refresh), self,
                                                       G_CONNECT_SWAPPED);
      refresh (self);
    }
}

/**
 * ms_overview_page_get_chart:
 *
 * Returns: (transfer none): the overview chart
 */
GtkWidget *
ms_overview_page_get_chart (MsOverviewPage *self)
{
  g_return_val_if_fail (MS_IS_OVERVIEW_PAGE (self), NULL);

  return GTK_WIDGET (self->overview_chart);
}

/* For tests: the text of headline figure @index (0 projects … 4 completion). */
char *
ms_overview_page_dup_figure (MsOverviewPage *self,
                             guint           index)
{
  g_return_val_if_fail (MS_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (index < N_FIGURES, NULL);

  return g_strdup (gtk_label_get_label (self->figure_values[index]));
}
