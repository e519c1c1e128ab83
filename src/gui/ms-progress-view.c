/* ms-progress-view.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-progress-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-chart-view.h"
#include "ms-gui-util.h"
#include "ms-progress-view.h"
#include "ms-schedule.h"

/* An indicator's figures by date (进展), each editable: the figure and a
 * note, or removed. Every edit is one step of the document's history; the
 * latest figure is the indicator's actual. Rows are made again only when
 * the dates change, so typing keeps its entry and cursor. Above them, the
 * same figures as a line against the target and the 序时进度. */
struct _MsProgressView
{
  GtkWidget       parent_instance;

  MsIndicator    *indicator;
  MsHistory      *history;
  /* The indicator, its project and its document, followed while shown:
   * the figures, the target and the dates that move the 序时进度. */
  GSignalGroup   *indicator_signals;
  GSignalGroup   *project_signals;
  GSignalGroup   *document_signals;

  GtkDrawingArea *chart;
  /* What the chart's last drawing did, colours included. */
  MsChartInfo     chart_info;
  GtkLabel       *empty_label;
  GtkListBox     *entries;
  /* Of EntryRow, in date order. */
  GPtrArray      *rows;
};

G_DEFINE_FINAL_TYPE (MsProgressView, ms_progress_view, GTK_TYPE_WIDGET)

typedef struct
{
  MsProgressView *view;
  MsDate          date;
  GtkWidget      *row;
  GtkEditable    *value;
  GtkLabel       *unit;
  GtkEditable    *note;
} EntryRow;

static const MsTimelineEntry *
entry_of (EntryRow *row)
{
  MsTimeline *progress = ms_indicator_get_progress (row->view->indicator);
  guint position;

  if (!ms_timeline_find (progress, row->date, &position))
    return NULL;
  return ms_timeline_get_entry (progress, position);
}

static void
commit_entry (EntryRow   *row,
              double      value,
              const char *note)
{
  g_autoptr(MsTimeline) progress = ms_timeline_with_entry (ms_indicator_get_progress (row->view->indicator),
                                                           row->date, value, note);

  ms_history_set_progress (row->view->history, N_("Edit Progress"), row->view->indicator, progress);
}

static void
on_value_changed_cb (GtkEditable *editable,
                     EntryRow    *row)
{
  const MsTimelineEntry *entry = entry_of (row);
  gboolean valid;
  double value = ms_parse_figure (gtk_editable_get_text (editable), &valid);

  if (!valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
  if (entry != NULL && entry->value != value)
    commit_entry (row, value, entry->note);
}

static void
on_note_changed_cb (GtkEditable *editable,
                    EntryRow    *row)
{
  const MsTimelineEntry *entry = entry_of (row);

  if (entry != NULL && g_strcmp0 (entry->note, gtk_editable_get_text (editable)) != 0)
    commit_entry (row, entry->value, gtk_editable_get_text (editable));
}

static void
on_remove_clicked_cb (GtkButton *button,
                      EntryRow  *row)
{
  MsTimeline *progress = ms_indicator_get_progress (row->view->indicator);
  g_autoptr(MsTimeline) without = NULL;
  guint position;

  if (!ms_timeline_find (progress, row->date, &position))
    return;
  without = ms_timeline_without_entry (progress, position);
  ms_history_set_progress (row->view->history, N_("Remove Progress"), row->view->indicator, without);
}

/* Shows @entry, leaving a field alone that already says it (being typed). */
static void
show_entry (EntryRow              *row,
            const MsTimelineEntry *entry)
{
  gboolean valid;
  double typed = ms_parse_figure (gtk_editable_get_text (row->value), &valid);

  if (!valid || typed != entry->value)
    {
      g_autofree char *text = ms_figure_to_text (entry->value);

      gtk_editable_set_text (row->value, text);
    }
  if (g_strcmp0 (gtk_editable_get_text (row->note), entry->note) != 0)
    gtk_editable_set_text (row->note, entry->note);
  gtk_label_set_label (row->unit, ms_indicator_get_unit (row->view->indicator));
}

/* Leaving a field ends its typing: the next field is a step of its own. */
static void
on_focus_leave_cb (EntryRow *row)
{
  ms_history_break_merge (row->view->history);
}

static void
watch_focus (EntryRow    *row,
             GtkEditable *editable)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), row);
  gtk_widget_add_controller (GTK_WIDGET (editable), focus);
}

static EntryRow *
entry_row_new (MsProgressView        *self,
               const MsTimelineEntry *entry)
{
  EntryRow *row = g_new0 (EntryRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *date_text = ms_date_to_string (entry->date);
  /* translators: %s is a date, such as 2025-06-30 */
  g_autofree char *value_name = g_strdup_printf (_("Figure of %s"), date_text);
  /* translators: %s is a date, such as 2025-06-30 */
  g_autofree char *note_name = g_strdup_printf (_("Note of %s"), date_text);
  /* translators: %s is a date, such as 2025-06-30 */
  g_autofree char *remove_name = g_strdup_printf (_("Remove the figure of %s"), date_text);

  row->view = self;
  row->date = entry->date;
  row->value = GTK_EDITABLE (gtk_entry_new ());
  row->note = GTK_EDITABLE (gtk_entry_new ());
  row->unit = GTK_LABEL (gtk_label_new (NULL));

  gtk_label_set_label (GTK_LABEL (date), date_text);
  gtk_widget_add_css_class (date, "numeric");
  gtk_editable_set_width_chars (row->value, 8);
  gtk_entry_set_input_purpose (GTK_ENTRY (row->value), GTK_INPUT_PURPOSE_NUMBER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->value), GTK_ACCESSIBLE_PROPERTY_LABEL, value_name, -1);
  gtk_widget_set_hexpand (GTK_WIDGET (row->note), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (row->note), _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_name, -1);
  ms_widget_mark_chinese (GTK_WIDGET (row->note));
  ms_widget_mark_chinese (GTK_WIDGET (row->unit));
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_add_css_class (remove, "flat");

  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->unit));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->note));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 4);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
  /* A row is read by its date, its fields by what they hold. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL, date_text, -1);

  show_entry (row, entry);
  g_signal_connect (row->value, "changed", G_CALLBACK (on_value_changed_cb), row);
  g_signal_connect (row->note, "changed", G_CALLBACK (on_note_changed_cb), row);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), row);
  watch_focus (row, row->value);
  watch_focus (row, row->note);
  return row;
}

static gboolean
same_dates (MsProgressView *self,
            MsTimeline     *progress)
{
  if (self->rows->len != ms_timeline_get_n_entries (progress))
    return FALSE;
  for (guint i = 0; i < self->rows->len; i++)
    if (((EntryRow *)g_ptr_array_index (self->rows, i))->date != ms_timeline_get_entry (progress, i)->date)
      return FALSE;
  return TRUE;
}

/* The document's date and period, and the project's deadline: FALSE when
 * the indicator is not in a document (being removed). */
static gboolean
get_schedule (MsProgressView    *self,
              MsScheduleContext *context,
              MsDate            *deadline)
{
  MsDocument *document = ms_node_get_document (MS_NODE (self->indicator));
  MsNode *project = ms_node_get_parent (MS_NODE (self->indicator));

  if (document == NULL)
    return FALSE;
  ms_schedule_context_init (context, document, MS_DATE_NONE);
  *deadline = MS_IS_PROJECT (project) ? ms_schedule_context_get_deadline (context, MS_PROJECT (project))
                                      : context->period_end;
  return TRUE;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  MsProgressView *self = user_data;
  MsScheduleContext context;
  MsChartOptions options;
  MsDate deadline;

  g_assert (MS_IS_PROGRESS_VIEW (self));

  if (self->indicator == NULL || !get_schedule (self, &context, &deadline))
    return;

  ms_chart_options_init_for_widget (&options, GTK_WIDGET (area));
  /* The row above already names the indicator. */
  options.show_title = FALSE;
  ms_chart_draw_progress (cr, width, height, self->indicator, &context, deadline, &options, &self->chart_info);
}

/* The chart shows once there is a figure by date; a screen reader hears
 * what it shows. */
static void
update_chart (MsProgressView *self)
{
  gboolean shown;

  g_assert (MS_IS_PROGRESS_VIEW (self));

  /* Disposed: the document may still say something until it lets go. */
  if (self->indicator == NULL)
    return;

  shown = ms_timeline_get_n_entries (ms_indicator_get_progress (self->indicator)) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->chart), shown);
  if (shown)
    {
      /* translators: the accessible name of the chart of an indicator's figures by date, %s is the indicator */
      g_autofree char *label = g_strdup_printf (_("Progress of %s"), ms_indicator_get_name (self->indicator));
      g_autofree char *description = ms_progress_view_dup_description (self);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
update_rows (MsProgressView *self)
{
  MsTimeline *progress = ms_indicator_get_progress (self->indicator);
  guint n_entries = ms_timeline_get_n_entries (progress);

  if (same_dates (self, progress))
    {
      for (guint i = 0; i < n_entries; i++)
        show_entry (g_ptr_array_index (self->rows, i), ms_timeline_get_entry (progress, i));
    }
  else
    {
      for (guint i = 0; i < self->rows->len; i++)
        gtk_list_box_remove (self->entries, ((EntryRow *)g_ptr_array_index (self->rows, i))->row);
      g_ptr_array_set_size (self->rows, 0);
      for (guint i = 0; i < n_entries; i++)
        {
          EntryRow *row = entry_row_new (self, ms_timeline_get_entry (progress, i));

          g_ptr_array_add (self->rows, row);
          gtk_list_box_append (self->entries, row->row);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->entries), n_entries > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_entries == 0);
  update_chart (self);
}

static void
ms_progress_view_dispose (GObject *object)
{
  MsProgressView *self = (MsProgressView *)object;

  g_clear_object (&self->indicator_signals);
  g_clear_object (&self->project_signals);
  g_clear_object (&self->document_signals);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_PROGRESS_VIEW);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->indicator);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ms_progress_view_parent_class)->dispose (object);
}

static void
ms_progress_view_class_init (MsProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_progress_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MsProgressView, chart);
  gtk_widget_class_bind_template_child (widget_class, MsProgressView, empty_label);
  gtk_widget_class_bind_template_child (widget_class, MsProgressView, entries);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ms_progress_view_init (MsProgressView *self)
{
  static const char * const chart_notifies[] = { "notify::plan", "notify::target", "notify::comparison" };
  static const char * const period_notifies[] = { "notify::as-of", "notify::period-start", "notify::period-end" };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (g_free);

  self->indicator_signals = g_signal_group_new (MS_TYPE_INDICATOR);
  g_signal_group_connect_swapped (self->indicator_signals, "notify::progress", G_CALLBACK (update_rows), self);
  g_signal_group_connect_swapped (self->indicator_signals, "notify::unit", G_CALLBACK (update_rows), self);
  for (guint i = 0; i < G_N_ELEMENTS (chart_notifies); i++)
    g_signal_group_connect_swapped (self->indicator_signals, chart_notifies[i], G_CALLBACK (update_chart), self);
  self->project_signals = g_signal_group_new (MS_TYPE_PROJECT);
  g_signal_group_connect_swapped (self->project_signals, "notify::deadline", G_CALLBACK (update_chart), self);
  /* The chart takes its colours from the style: dark, high contrast. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify", G_CALLBACK (gtk_widget_queue_draw),
                           self->chart, G_CONNECT_SWAPPED);
  self->document_signals = g_signal_group_new (MS_TYPE_DOCUMENT);
  for (guint i = 0; i < G_N_ELEMENTS (period_notifies); i++)
    g_signal_group_connect_swapped (self->document_signals, period_notifies[i], G_CALLBACK (update_chart), self);
}

/**
 * ms_progress_view_new:
 *
 * Returns: a view of @indicator's figures by date, edited through @history
 */
GtkWidget *
ms_progress_view_new (MsIndicator *indicator,
                      MsHistory   *history)
{
  MsProgressView *self;
  MsNode *project;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (MS_IS_HISTORY (history), NULL);

  self = g_object_new (MS_TYPE_PROGRESS_VIEW, NULL);
  self->indicator = g_object_ref (indicator);
  self->history = g_object_ref (history);
  project = ms_node_get_parent (MS_NODE (indicator));
  g_signal_group_set_target (self->indicator_signals, indicator);
  g_signal_group_set_target (self->project_signals, MS_IS_PROJECT (project) ? project : NULL);
  g_signal_group_set_target (self->document_signals, ms_node_get_document (MS_NODE (indicator)));

  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  update_rows (self);
  return GTK_WIDGET (self);
}

guint
ms_progress_view_get_n_rows (MsProgressView *self)
{
  g_return_val_if_fail (MS_IS_PROGRESS_VIEW (self), 0);

  return self->rows->len;
}

GtkWidget *
ms_progress_view_get_chart (MsProgressView *self)
{
  g_return_val_if_fail (MS_IS_PROGRESS_VIEW (self), NULL);

  return GTK_WIDGET (self->chart);
}

/**
 * ms_progress_view_get_chart_info:
 *
 * What the chart's last drawing did, and in which colours.
 */
void
ms_progress_view_get_chart_info (MsProgressView *self,
                                 MsChartInfo    *info)
{
  g_return_if_fail (MS_IS_PROGRESS_VIEW (self));

  *info = self->chart_info;
}

/**
 * ms_progress_view_dup_description:
 *
 * Returns: (transfer full): what the chart shows, in words, as a screen
 *   reader hears it; "" when the indicator is not in a document
 */
char *
ms_progress_view_dup_description (MsProgressView *self)
{
  MsScheduleContext context;
  MsDate deadline;

  g_return_val_if_fail (MS_IS_PROGRESS_VIEW (self), NULL);

  if (self->indicator == NULL || !get_schedule (self, &context, &deadline))
    return g_strdup ("");
  return ms_chart_describe_progress (self->indicator, &context, deadline, NULL);
}
