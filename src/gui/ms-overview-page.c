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
  MsHistory     *history;
  gulong         changed_handler;
  gboolean       updating;
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
};

G_DEFINE_FINAL_TYPE (MsOverviewPage, ms_overview_page, GTK_TYPE_WIDGET)

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

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

  self->updating = TRUE;
  set_row_text (self->title_row, ms_document_get_title (self->document));
  set_row_text (self->region_row, ms_document_get_region (self->document));
  if (gtk_spin_button_get_value_as_int (self->year_spin) != ms_document_get_year (self->document))
    gtk_spin_button_set_value (self->year_spin, ms_document_get_year (self->document));
  ms_text_view_set_text_quietly (self->intro_view, ms_document_get_intro (self->document));
  self->updating = FALSE;
}

static void
on_title_changed_cb (MsOverviewPage *self)
{
  if (!self->updating && self->history != NULL)
    ms_history_set_string (self->history, N_("Edit Title"), G_OBJECT (self->document), "title",
                           gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
}

static void
on_region_changed_cb (MsOverviewPage *self)
{
  if (!self->updating && self->history != NULL)
    ms_history_set_string (self->history, N_("Edit Region"), G_OBJECT (self->document), "region",
                           gtk_editable_get_text (GTK_EDITABLE (self->region_row)));
}

static void
on_year_changed_cb (MsOverviewPage *self)
{
  if (!self->updating && self->history != NULL)
    ms_history_set_int (self->history, N_("Edit Year"), G_OBJECT (self->document), "year",
                        gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
on_intro_changed_cb (MsOverviewPage *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->history == NULL)
    return;

  text = ms_text_view_dup_text (self->intro_view);
  ms_history_set_string (self->history, N_("Edit Introduction"), G_OBJECT (self->document), "intro", text);
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
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_row, "changed", G_CALLBACK (on_region_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (on_year_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->intro_view), "changed",
                           G_CALLBACK (on_intro_changed_cb), self, G_CONNECT_SWAPPED);
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
  g_set_object (&self->history, history);

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
