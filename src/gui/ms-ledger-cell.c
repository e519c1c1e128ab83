/* ms-ledger-cell.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-ledger-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-ledger-cell.h"
#include "ms-paste.h"

/* One cell of the ledger: a label, and for the state an icon before it.
 * The column view recycles cells as it scrolls; a bound cell follows its
 * project's "changed", so an edit redraws only that project's cells.
 * File text is shown literally: labels parse no markup. */
struct _MsLedgerCell
{
  GtkWidget       parent_instance;

  MsLedgerColumn  column;
  MsProject      *project;
  gulong          changed_handler;

  GtkImage       *icon;
  GtkLabel       *label;
};

G_DEFINE_FINAL_TYPE (MsLedgerCell, ms_ledger_cell, GTK_TYPE_WIDGET)

/**
 * ms_ledger_get_rate:
 * @rate: (out): the rate of the project's key indicator on the date read
 *
 * Returns: whether the rate is known (a figure is reported)
 */
gboolean
ms_ledger_get_rate (MsProject               *project,
                    const MsScheduleContext *context,
                    double                  *rate)
{
  MsIndicator *indicator = ms_project_get_key_indicator (project, context);

  *rate = 0;
  return indicator != NULL && ms_indicator_get_rate_at (indicator, context->as_of, rate);
}

/**
 * ms_ledger_get_last_update:
 *
 * Returns: the date of the latest progress entry of any of the project's
 *   indicators, or %MS_DATE_NONE
 */
MsDate
ms_ledger_get_last_update (MsProject *project)
{
  MsDate latest = MS_DATE_NONE;
  guint n = ms_project_get_n_indicators (project);

  for (guint i = 0; i < n; i++)
    {
      const MsTimelineEntry *last = ms_timeline_get_last (ms_indicator_get_progress (ms_project_get_indicator (project, i)));

      if (last != NULL && last->date > latest)
        latest = last->date;
    }

  return latest;
}

static void
show_date (MsLedgerCell *self,
           MsDate        date)
{
  char buffer[MS_DATE_BUFSIZE];

  gtk_label_set_label (self->label, date != MS_DATE_NONE ? ms_date_format (buffer, sizeof buffer, date) : "—");
}

static void
show_figure (MsLedgerCell            *self,
             const MsScheduleContext *context)
{
  MsIndicator *indicator = ms_project_get_key_indicator (self->project, context);
  const char *language = ms_l10n_get_system_language ();
  g_autofree char *target = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *text = NULL;

  if (indicator == NULL)
    {
      gtk_label_set_label (self->label, "—");
      return;
    }

  target = ms_l10n_format_figure (language, ms_indicator_get_target (indicator), ms_indicator_get_unit (indicator));
  actual = ms_indicator_get_has_actual (indicator)
             ? ms_l10n_format_figure_value (language, ms_indicator_get_actual (indicator),
                                            ms_indicator_get_unit (indicator))
             : g_strdup ("—");
  /* translators: the ledger's deciding figure: actual and target, such as "56 / 150公里" */
  text = g_strdup_printf (_("%s / %s"), actual, target);
  gtk_label_set_label (self->label, text);
}

/* GTK 4.8 names a column view's cells and rows by their types: the cell
 * is named by what it shows, the row by the project's number and title. */
static void
name_cell_and_row (MsLedgerCell *self)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;

  if (cell == NULL || !g_str_equal (G_OBJECT_TYPE_NAME (cell), "GtkColumnViewCell"))
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  gtk_label_get_text (self->label), -1);
  if (self->column == MS_LEDGER_PROJECT && row != NULL)
    {
      /* translators: a ledger row as a screen reader names it: the project's number and title */
      g_autofree char *name = g_strdup_printf (_("%u · %s"), ms_project_get_number (self->project),
                                               gtk_label_get_text (self->label));

      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
update_text (MsLedgerCell *self)
{
  MsDocument *document;
  MsScheduleContext context;

  if (self->project == NULL)
    return;
  document = ms_node_get_document (MS_NODE (self->project));
  if (document == NULL)
    return;
  ms_schedule_context_init (&context, document, MS_DATE_NONE);

  switch (self->column)
    {
    case MS_LEDGER_NUMBER:
      {
        char number[16];

        g_snprintf (number, sizeof number, "%u", ms_project_get_number (self->project));
        gtk_label_set_label (self->label, number);
      }
      break;

    case MS_LEDGER_PROJECT:
      {
        g_autofree char *title = ms_project_dup_short_title (self->project);

        gtk_label_set_label (self->label, title);
      }
      break;

    case MS_LEDGER_DEPARTMENTS:
      {
        g_autofree char *names = g_strjoinv ("、", (char **)ms_project_get_departments (self->project));

        gtk_label_set_label (self->label, names);
      }
      break;

    case MS_LEDGER_STATE:
      {
        MsSchedule schedule = ms_project_get_schedule (self->project, &context, NULL);

        /* A word and an icon, not a colour alone. */
        gtk_label_set_label (self->label, ms_schedule_get_label (schedule));
        gtk_image_set_from_icon_name (self->icon, ms_schedule_get_icon_name (schedule));
        ms_widget_set_schedule_class (GTK_WIDGET (self->label), schedule);
        ms_widget_set_schedule_class (GTK_WIDGET (self->icon), schedule);
      }
      break;

    case MS_LEDGER_FIGURE:
      show_figure (self, &context);
      break;

    case MS_LEDGER_RATE:
      {
        double rate;

        if (ms_ledger_get_rate (self->project, &context, &rate))
          {
            g_autofree char *percent = ms_l10n_format_percent (NULL, rate);

            gtk_label_set_label (self->label, percent);
          }
        else
          gtk_label_set_label (self->label, "—");
      }
      break;

    case MS_LEDGER_DEADLINE:
      show_date (self, ms_schedule_context_get_deadline (&context, self->project));
      break;

    case MS_LEDGER_LAST_UPDATE:
    default:
      show_date (self, ms_ledger_get_last_update (self->project));
      break;
    }
}

static void
update (MsLedgerCell *self)
{
  update_text (self);
  if (self->project != NULL)
    name_cell_and_row (self);
}

/* Cells are narrow: the whole text is in a tooltip, made only when asked
 * for. (Setting tooltips on binding made every bound cell look for the
 * widget under the pointer, which cost most of a scroll.) */
static gboolean
ms_ledger_cell_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  MsLedgerCell *self = MS_LEDGER_CELL (widget);
  g_autofree char *text = NULL;

  if (self->project == NULL)
    return FALSE;

  switch (self->column)
    {
    case MS_LEDGER_PROJECT:
      text = g_strdup (ms_project_get_target (self->project));
      break;
    case MS_LEDGER_DEPARTMENTS:
      text = g_strdup (gtk_label_get_label (self->label));
      break;
    case MS_LEDGER_FIGURE:
      {
        MsDocument *document = ms_node_get_document (MS_NODE (self->project));
        MsScheduleContext context;
        MsIndicator *indicator;

        if (document == NULL)
          return FALSE;
        ms_schedule_context_init (&context, document, MS_DATE_NONE);
        indicator = ms_project_get_key_indicator (self->project, &context);
        if (indicator == NULL)
          return FALSE;
        /* translators: the tooltip of the ledger's figure: the indicator, then actual / target */
        text = g_strdup_printf (_("%s: %s"), ms_indicator_get_name (indicator), gtk_label_get_label (self->label));
      }
      break;
    default:
      return FALSE;
    }

  if (text == NULL || text[0] == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
ms_ledger_cell_dispose (GObject *object)
{
  MsLedgerCell *self = (MsLedgerCell *)object;

  ms_ledger_cell_set_project (self, NULL);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
    self->icon = NULL;
    self->label = NULL;
  }

  G_OBJECT_CLASS (ms_ledger_cell_parent_class)->dispose (object);
}

static void
ms_ledger_cell_class_init (MsLedgerCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_ledger_cell_dispose;
  widget_class->query_tooltip = ms_ledger_cell_query_tooltip;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledgercell");
}

static void
ms_ledger_cell_init (MsLedgerCell *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
}

GtkWidget *
ms_ledger_cell_new (MsLedgerColumn column)
{
  MsLedgerCell *self = g_object_new (MS_TYPE_LEDGER_CELL, NULL);

  self->column = column;
  if (column == MS_LEDGER_STATE)
    {
      self->icon = GTK_IMAGE (gtk_image_new ());
      gtk_widget_set_parent (GTK_WIDGET (self->icon), GTK_WIDGET (self));
    }
  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->label, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (self->label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->label), GTK_WIDGET (self));

  /* Set before the cell is in a window, where setting it looks for the
   * widget under the pointer. */
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), column == MS_LEDGER_PROJECT || column == MS_LEDGER_DEPARTMENTS ||
                                                 column == MS_LEDGER_FIGURE);

  switch (column)
    {
    case MS_LEDGER_NUMBER:
    case MS_LEDGER_RATE:
      gtk_label_set_xalign (self->label, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
      break;
    case MS_LEDGER_FIGURE:
      gtk_label_set_xalign (self->label, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
      /* Units are file text. */
      ms_widget_mark_chinese (GTK_WIDGET (self->label));
      break;
    case MS_LEDGER_DEADLINE:
    case MS_LEDGER_LAST_UPDATE:
      gtk_label_set_xalign (self->label, 0);
      gtk_widget_add_css_class (GTK_WIDGET (self->label), "numeric");
      break;
    case MS_LEDGER_PROJECT:
    case MS_LEDGER_DEPARTMENTS:
      gtk_label_set_xalign (self->label, 0);
      ms_widget_mark_chinese (GTK_WIDGET (self->label));
      break;
    case MS_LEDGER_STATE:
    default:
      gtk_label_set_xalign (self->label, 0);
      break;
    }

  return GTK_WIDGET (self);
}

MsLedgerColumn
ms_ledger_cell_get_column (MsLedgerCell *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_CELL (self), MS_LEDGER_NUMBER);

  return self->column;
}

MsProject *
ms_ledger_cell_get_project (MsLedgerCell *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_CELL (self), NULL);

  return self->project;
}

/* What the cell shows, for tests and screen readers. */
const char *
ms_ledger_cell_get_text (MsLedgerCell *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_CELL (self), NULL);

  return gtk_label_get_label (self->label);
}

/**
 * ms_ledger_cell_set_project:
 * @project: (nullable): the project of the row the cell is bound to
 */
void
ms_ledger_cell_set_project (MsLedgerCell *self,
                            MsProject    *project)
{
  g_return_if_fail (MS_IS_LEDGER_CELL (self));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_handler = g_signal_connect_object (project, "changed", G_CALLBACK (update), self,
                                                     G_CONNECT_SWAPPED);
  update (self);
}

/* Figures are read as of the document's date, which may change under a
 * project that did not. */
void
ms_ledger_cell_refresh (MsLedgerCell *self)
{
  g_return_if_fail (MS_IS_LEDGER_CELL (self));

  update (self);
}
