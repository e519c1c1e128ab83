/* ms-indicator-row.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-indicator-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-binder.h"
#include "ms-edits.h"
#include "ms-gui-util.h"
#include "ms-indicator-row.h"
#include "ms-l10n.h"
#include "ms-progress-view.h"

/* Edits one indicator in a form: every change goes through the document's
 * history, and changes made elsewhere (undo) come back into the form. */
struct _MsIndicatorRow
{
  GtkListBoxRow  parent_instance;

  MsIndicator   *indicator;
  MsBinder      *binder;

  GtkEntry      *name_entry;
  GtkEntry      *unit_entry;
  GtkEntry      *target_entry;
  GtkEntry      *actual_entry;
  GtkDropDown   *comparison_dropdown;
  GtkLabel      *rate_label;
  GtkLabel      *state_label;
  GtkToggleButton *history_button;
  GtkRevealer   *history_revealer;
  AdwBin        *history_slot;
};

G_DEFINE_FINAL_TYPE (MsIndicatorRow, ms_indicator_row, GTK_TYPE_LIST_BOX_ROW)

/* A figure goes into its entry only when it differs from what is typed, so
 * "113." being typed is not rewritten. */
static gboolean
figure_to_text (GtkEntry *entry,
                gboolean  has_value,
                double    value,
                GValue   *to)
{
  gboolean valid;
  double typed = ms_parse_figure (gtk_editable_get_text (GTK_EDITABLE (entry)), &valid);

  if (!has_value)
    {
      g_value_set_string (to, "");
      return TRUE;
    }
  if (valid && typed == value)
    return FALSE;

  g_value_take_string (to, ms_figure_to_text (value));
  return TRUE;
}

static gboolean
target_to_text (const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  MsIndicatorRow *self = user_data;

  return figure_to_text (self->target_entry, TRUE, g_value_get_double (from), to);
}

static gboolean
text_to_figure (const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  gboolean valid;
  double value = ms_parse_figure (g_value_get_string (from), &valid);

  g_value_set_double (to, value);
  return valid;
}

/* Bound to both "actual" and "has-actual": either may change alone. */
static gboolean
actual_to_text (const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  MsIndicatorRow *self = user_data;

  return figure_to_text (self->actual_entry, ms_indicator_get_has_actual (self->indicator),
                         ms_indicator_get_actual (self->indicator), to);
}

/* Empty means not reported yet, which is no error. */
static gboolean
text_to_actual (const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  if (g_value_get_string (from)[0] == '\0')
    {
      g_value_set_double (to, 0);
      return TRUE;
    }
  return text_to_figure (from, to, user_data);
}

static void
commit_actual (MsHistory    *history,
               const char   *label,
               GObject      *source,
               const GValue *value,
               gpointer      user_data)
{
  MsIndicatorRow *self = user_data;
  gboolean reported = gtk_editable_get_text (GTK_EDITABLE (self->actual_entry))[0] != '\0';

  ms_history_set_actual (history, label, MS_INDICATOR (source), reported, g_value_get_double (value));
}

static gboolean
rate_to_text (const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  MsIndicatorRow *self = user_data;
  double rate;

  if (ms_indicator_get_rate (self->indicator, &rate))
    g_value_take_string (to, ms_l10n_format_percent (NULL, rate));
  else
    g_value_set_string (to, "—");
  return TRUE;
}

static void
update_state_style (MsIndicatorRow *self)
{
  MsIndicatorState state = ms_indicator_get_state (self->indicator);

  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_label), "warning");
  if (state == MS_INDICATOR_MET)
    gtk_widget_add_css_class (GTK_WIDGET (self->rate_label), "success");
  else if (state == MS_INDICATOR_UNMET)
    gtk_widget_add_css_class (GTK_WIDGET (self->rate_label), "warning");
  /* translators: under an indicator's completion rate, beside its colour */
  gtk_label_set_label (self->state_label, state == MS_INDICATOR_MET ? C_("indicator state", "Target met")
                                          : state == MS_INDICATOR_UNMET ? C_("indicator state", "Not met yet")
                                                                        : "");
}

/* The row is read by the indicator's name; its fields by their labels. */
static void
update_name (MsIndicatorRow *self)
{
  const char *name = ms_indicator_get_name (self->indicator);
  /* translators: an indicator's row as a screen reader names it; %s is its name, such as 新增学位 */
  g_autofree char *label = g_strdup_printf (_("Indicator: %s"), name != NULL && *name != '\0' ? name : _("unnamed"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Up and down follow the row's place, which changes as siblings come and go. */
static void
update_move_actions (MsIndicatorRow *self)
{
  MsNode *parent = ms_node_get_parent (MS_NODE (self->indicator));
  guint n;

  if (!MS_IS_PROJECT (parent))
    return;

  n = g_list_model_get_n_items (ms_project_get_indicators (MS_PROJECT (parent)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicator.move-up",
                                 n > 0 && ms_project_get_indicator (MS_PROJECT (parent), 0) != self->indicator);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicator.move-down",
                                 n > 0 && ms_project_get_indicator (MS_PROJECT (parent), n - 1) != self->indicator);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MsIndicatorRow *self = MS_INDICATOR_ROW (widget);

  ms_edits_remove_indicator (ms_binder_get_history (self->binder), self->indicator);
}

static void
move_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  MsIndicatorRow *self = MS_INDICATOR_ROW (widget);

  ms_edits_move_indicator (ms_binder_get_history (self->binder), self->indicator,
                           g_str_equal (action_name, "indicator.move-up") ? -1 : 1);
}

/* The figures by date are made when first shown: a form of many
 * indicators stays as light as before. */
static void
on_history_toggled_cb (MsIndicatorRow *self)
{
  gboolean active = gtk_toggle_button_get_active (self->history_button);

  if (active && adw_bin_get_child (self->history_slot) == NULL)
    adw_bin_set_child (self->history_slot,
                       ms_progress_view_new (self->indicator, ms_binder_get_history (self->binder)));
  gtk_revealer_set_reveal_child (self->history_revealer, active);
}

/* A new field or a pause starts a new undo step; what was not valid is
 * replaced by the figure the model holds. */
static void
on_focus_leave_cb (MsIndicatorRow *self)
{
  ms_binder_sync (self->binder);
}

static void
ms_indicator_row_dispose (GObject *object)
{
  MsIndicatorRow *self = (MsIndicatorRow *)object;

  g_clear_object (&self->binder);
  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_INDICATOR_ROW);
  g_clear_object (&self->indicator);

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
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, history_button);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, history_revealer);
  gtk_widget_class_bind_template_child (widget_class, MsIndicatorRow, history_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_history_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_install_action (widget_class, "indicator.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "indicator.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "indicator.remove", NULL, remove_activated);
}

static void
ms_indicator_row_init (MsIndicatorRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ms_widget_mark_chinese (GTK_WIDGET (self->name_entry));
  ms_widget_mark_chinese (GTK_WIDGET (self->unit_entry));
  ms_choice_prepare (GTK_WIDGET (self->comparison_dropdown), _("Comparison"));
}

static void
bind_fields (MsIndicatorRow *self)
{
  static const MsBinderFuncs target_funcs = { target_to_text, text_to_figure, NULL };
  static const MsBinderFuncs actual_funcs = { actual_to_text, text_to_actual, commit_actual };
  static const MsBinderFuncs rate_funcs = { rate_to_text, NULL, NULL };
  MsBinder *binder = self->binder;

  ms_binder_bind (binder, "name", self->name_entry, "text", N_("Edit Indicator"));
  ms_binder_bind (binder, "unit", self->unit_entry, "text", N_("Edit Unit"));
  ms_binder_bind_full (binder, "target", self->target_entry, "text", N_("Edit Target Figure"),
                       MS_BINDER_DEFAULT, &target_funcs, self);
  ms_binder_bind_full (binder, "actual", self->actual_entry, "text", N_("Edit Actual Figure"),
                       MS_BINDER_DEFAULT, &actual_funcs, self);
  ms_binder_bind_full (binder, "has-actual", self->actual_entry, "text", NULL,
                       MS_BINDER_READ_ONLY, &actual_funcs, self);
  ms_binder_bind_full (binder, "comparison", self->comparison_dropdown, "selected", N_("Edit Comparison"),
                       MS_BINDER_ONE_STEP, &ms_binder_enum_choice, NULL);
  ms_binder_bind_full (binder, "rate", self->rate_label, "label", NULL, MS_BINDER_READ_ONLY, &rate_funcs, self);
  ms_binder_bind_full (binder, "has-rate", self->rate_label, "label", NULL, MS_BINDER_READ_ONLY, &rate_funcs,
                       self);
  ms_binder_connect (binder, "notify::state", G_CALLBACK (update_state_style), self);
  ms_binder_connect (binder, "notify::name", G_CALLBACK (update_name), self);
}

GtkWidget *
ms_indicator_row_new (MsIndicator *indicator,
                      MsHistory   *history)
{
  MsIndicatorRow *self;
  MsNode *parent;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (MS_IS_HISTORY (history), NULL);

  self = g_object_new (MS_TYPE_INDICATOR_ROW, NULL);
  self->indicator = g_object_ref (indicator);
  self->binder = ms_binder_new ();
  ms_binder_set_history (self->binder, history);
  bind_fields (self);
  ms_binder_set_source (self->binder, indicator);
  update_state_style (self);
  update_name (self);

  parent = ms_node_get_parent (MS_NODE (indicator));
  if (MS_IS_PROJECT (parent))
    g_signal_connect_object (ms_project_get_indicators (MS_PROJECT (parent)), "items-changed",
                             G_CALLBACK (update_move_actions), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  update_move_actions (self);

  return GTK_WIDGET (self);
}

/* Puts the cursor in the indicator's name, as after adding it. */
void
ms_indicator_row_focus_name (MsIndicatorRow *self)
{
  g_return_if_fail (MS_IS_INDICATOR_ROW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

MsIndicator *
ms_indicator_row_get_indicator (MsIndicatorRow *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR_ROW (self), NULL);

  return self->indicator;
}
