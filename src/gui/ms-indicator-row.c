/* ms-indicator-row.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-indicator-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-edits.h"
#include "ms-gui-util.h"
#include "ms-indicator-row.h"
#include "ms-l10n.h"

/* Edits one indicator in a form: every change goes through the document's
 * history, and changes made elsewhere (undo) come back into the form. */
struct _MsIndicatorRow
{
  GtkListBoxRow  parent_instance;

  MsIndicator   *indicator;
  MsHistory     *history;
  /* Set while the form is filled from the model: no edits then. */
  gboolean       updating;

  GtkEntry      *name_entry;
  GtkEntry      *unit_entry;
  GtkEntry      *target_entry;
  GtkEntry      *actual_entry;
  GtkDropDown   *comparison_dropdown;
  GtkLabel      *rate_label;
  GtkButton     *up_button;
  GtkButton     *down_button;
  GtkButton     *remove_button;
};

G_DEFINE_FINAL_TYPE (MsIndicatorRow, ms_indicator_row, GTK_TYPE_LIST_BOX_ROW)

static void
set_entry_text (GtkEntry   *entry,
                const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

/* A figure goes into its entry only when it differs from what is typed, so
 * "113." being typed is not rewritten. */
static void
set_figure_text (GtkEntry *entry,
                 gboolean  has_value,
                 double    value)
{
  gboolean valid;
  double typed = ms_parse_figure (gtk_editable_get_text (GTK_EDITABLE (entry)), &valid);

  if (!has_value)
    {
      if (valid)
        gtk_editable_set_text (GTK_EDITABLE (entry), "");
      return;
    }

  if (!valid || typed != value)
    {
      g_autofree char *text = ms_figure_to_text (value);

      gtk_editable_set_text (GTK_EDITABLE (entry), text);
    }
}

/* Up and down follow the row's place, which changes as siblings come and go. */
static void
update_move_buttons (MsIndicatorRow *self)
{
  MsNode *parent;
  GListModel *siblings;
  guint n;

  if (self->indicator == NULL)
    return;

  parent = ms_node_get_parent (MS_NODE (self->indicator));
  if (!MS_IS_PROJECT (parent))
    return;

  siblings = ms_project_get_indicators (MS_PROJECT (parent));
  n = g_list_model_get_n_items (siblings);
  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button),
                            n > 0 && ms_project_get_indicator (MS_PROJECT (parent), 0) != self->indicator);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button),
                            n > 0 && ms_project_get_indicator (MS_PROJECT (parent), n - 1) != self->indicator);
}

static void
refresh (MsIndicatorRow *self)
{
  double rate;

  if (self->indicator == NULL)
    return;

  self->updating = TRUE;
  set_entry_text (self->name_entry, ms_indicator_get_name (self->indicator));
  set_entry_text (self->unit_entry, ms_indicator_get_unit (self->indicator));
  set_figure_text (self->target_entry, TRUE, ms_indicator_get_target (self->indicator));
  set_figure_text (self->actual_entry, ms_indicator_get_has_actual (self->indicator),
                   ms_indicator_get_actual (self->indicator));
  gtk_drop_down_set_selected (self->comparison_dropdown, ms_indicator_get_comparison (self->indicator));
  self->updating = FALSE;

  if (ms_indicator_get_rate (self->indicator, &rate))
    {
      g_autofree char *percent = ms_l10n_format_percent (NULL, rate);

      gtk_label_set_label (self->rate_label, percent);
    }
  else
    gtk_label_set_label (self->rate_label, "—");

  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_label), "warning");
  if (ms_indicator_get_state (self->indicator) == MS_INDICATOR_MET)
    gtk_widget_add_css_class (GTK_WIDGET (self->rate_label), "success");
  else if (ms_indicator_get_state (self->indicator) == MS_INDICATOR_UNMET)
    gtk_widget_add_css_class (GTK_WIDGET (self->rate_label), "warning");

  update_move_buttons (self);
}

static void
on_name_changed_cb (MsIndicatorRow *self)
{
  if (!self->updating)
    ms_history_set_string (self->history, N_("Edit Indicator"), G_OBJECT (self->indicator), "name",
                           gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
on_unit_changed_cb (MsIndicatorRow *self)
{
  if (!self->updating)
    ms_history_set_string (self->history, N_("Edit Unit"), G_OBJECT (self->indicator), "unit",
                           gtk_editable_get_text (GTK_EDITABLE (self->unit_entry)));
}

static void
mark_valid (GtkEntry *entry,
            gboolean  valid)
{
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
on_target_changed_cb (MsIndicatorRow *self)
{
  gboolean valid;
  double value;

  if (self->updating)
    return;

  value = ms_parse_figure (gtk_editable_get_text (GTK_EDITABLE (self->target_entry)), &valid);
  mark_valid (self->target_entry, valid);
  if (valid)
    ms_history_set_double (self->history, N_("Edit Target Figure"), G_OBJECT (self->indicator), "target",
                           value);
}

static void
on_actual_changed_cb (MsIndicatorRow *self)
{
  const char *text;
  gboolean valid;
  double value;

  if (self->updating)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->actual_entry));
  value = ms_parse_figure (text, &valid);

  /* Empty means not reported yet, which is no error. */
  if (text[0] == '\0')
    {
      mark_valid (self->actual_entry, TRUE);
      ms_history_set_actual (self->history, N_("Edit Actual Figure"), self->indicator, FALSE, 0);
      return;
    }

  mark_valid (self->actual_entry, valid);
  if (valid)
    ms_history_set_actual (self->history, N_("Edit Actual Figure"), self->indicator, TRUE, value);
}

static void
on_comparison_changed_cb (MsIndicatorRow *self)
{
  guint selected;

  if (self->updating)
    return;

  selected = gtk_drop_down_get_selected (self->comparison_dropdown);
  if (selected < MS_N_COMPARISONS)
    ms_history_set_enum (self->history, N_("Edit Comparison"), G_OBJECT (self->indicator), "comparison",
                         (int)selected);
}

static void
on_remove_clicked_cb (MsIndicatorRow *self)
{
  if (self->history != NULL)
    ms_edits_remove_indicator (self->history, self->indicator);
}

static void
move_by (MsIndicatorRow *self,
         int             delta)
{
  if (self->history != NULL)
    ms_edits_move_indicator (self->history, self->indicator, delta);
}

static void
on_up_clicked_cb (MsIndicatorRow *self)
{
  move_by (self, -1);
}

static void
on_down_clicked_cb (MsIndicatorRow *self)
{
  move_by (self, 1);
}

static void
on_focus_leave_cb (MsIndicatorRow *self)
{
  /* A new field or a pause starts a new undo step. */
  if (self->history != NULL)
    ms_history_break_merge (self->history);
  refresh (self);
}

static void
ms_indicator_row_dispose (GObject *object)
{
  MsIndicatorRow *self = (MsIndicatorRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_INDICATOR_ROW);
  g_clear_object (&self->indicator);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ms_indicator_row_parent_class)->dispose (object);
}

static void
ms_indicator_row_class_init (MsIndicatorRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_indicator_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-indicator-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, target_entry);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, actual_entry);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, comparison_dropdown);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, rate_label);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, remove_button);
}

static void
ms_indicator_row_init (MsIndicatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ms_widget_mark_chinese (GTK_WIDGET (self->name_entry));
  ms_widget_mark_chinese (GTK_WIDGET (self->unit_entry));

  g_signal_connect_object (self->name_entry, "changed", G_CALLBACK (on_name_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_entry, "changed", G_CALLBACK (on_unit_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->target_entry, "changed", G_CALLBACK (on_target_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->actual_entry, "changed", G_CALLBACK (on_actual_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->comparison_dropdown, "notify::selected", G_CALLBACK (on_comparison_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->up_button, "clicked", G_CALLBACK (on_up_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->down_button, "clicked", G_CALLBACK (on_down_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  ms_widget_on_focus_leave (GTK_WIDGET (self->name_entry), G_CALLBACK (on_focus_leave_cb), self);
  ms_widget_on_focus_leave (GTK_WIDGET (self->unit_entry), G_CALLBACK (on_focus_leave_cb), self);
  ms_widget_on_focus_leave (GTK_WIDGET (self->target_entry), G_CALLBACK (on_focus_leave_cb), self);
  ms_widget_on_focus_leave (GTK_WIDGET (self->actual_entry), G_CALLBACK (on_focus_leave_cb), self);
}

GtkWidget *
ms_indicator_row_new (MsIndicator *indicator,
                      MsHistory   *history)
{
  MsIndicatorRow *self;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (MS_IS_HISTORY (history), NULL);

  self = g_object_new (MS_TYPE_INDICATOR_ROW, NULL);
  self->indicator = g_object_ref (indicator);
  self->history = g_object_ref (history);
  g_signal_connect_object (indicator, "changed", G_CALLBACK (refresh), self, G_CONNECT_SWAPPED);
  if (MS_IS_PROJECT (ms_node_get_parent (MS_NODE (indicator))))
    g_signal_connect_object (ms_project_get_indicators (MS_PROJECT (ms_node_get_parent (MS_NODE (indicator)))),
                             "items-changed", G_CALLBACK (update_move_buttons), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  refresh (self);

  return GTK_WIDGET (self);
}

MsIndicator *
ms_indicator_row_get_indicator (MsIndicatorRow *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR_ROW (self), NULL);

  return self->indicator;
}
