/* ms-project-view.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-project-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-binder.h"
#include "ms-l10n.h"
#include "ms-check.h"
#include "ms-chart-panel.h"
#include "ms-edits.h"
#include "ms-gui-util.h"
#include "ms-indicator-row.h"
#include "ms-notice.h"
#include "ms-project-view.h"
#include "ms-text-view.h"

/* The detail view: every field of a project, editable, each edit a step of
 * the document's history; the target-against-actual chart follows live. */
struct _MsProjectView
{
  GtkWidget      parent_instance;

  /* Binds every field to the project shown, through the history. */
  MsBinder      *binder;
  /* The project's group, whose renames change the heading. */
  GSignalGroup  *group_signals;
  /* The project shown: any edit in it may change its state or findings. */
  GSignalGroup  *project_signals;

  GtkStack      *stack;
  GtkScrolledWindow *scroller;
  GtkLabel      *heading_label;
  GtkSpinButton *number_spin;
  AdwComboRow   *status_row;
  AdwPreferencesGroup *details_group;
  AdwEntryRow   *departments_row;
  AdwEntryRow   *partners_row;
  GtkImage      *schedule_icon;
  GtkLabel      *schedule_label;
  GtkLabel      *findings_label;
  AdwEntryRow   *lead_row;
  AdwEntryRow   *contact_row;
  AdwEntryRow   *deadline_row;
  GtkTextView   *target_view;
  GtkTextView   *completion_view;
  GtkTextView   *note_view;
  GtkTextBuffer *target_buffer;
  GtkTextBuffer *completion_buffer;
  GtkTextBuffer *note_buffer;
  GtkListBox    *indicator_list;
  MsChartPanel  *chart_panel;
};

G_DEFINE_FINAL_TYPE (MsProjectView, ms_project_view, GTK_TYPE_WIDGET)

static MsProject *
current_project (MsProjectView *self)
{
  return ms_binder_get_source (self->binder);
}

static gboolean
names_to_text (const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char * const *names = g_value_get_boxed (from);
  GtkEditable *row = user_data;
  g_auto(GStrv) shown = ms_notice_split_departments (gtk_editable_get_text (row));

  /* While "市交通局、" is typed, the entry says what the model holds. */
  if (names != NULL && g_strv_equal ((const char * const *)shown, names))
    return FALSE;

  g_value_take_string (to, g_strjoinv ("、", (char **)names));
  return TRUE;
}

static gboolean
text_to_names (const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  g_value_take_boxed (to, ms_notice_split_departments (g_value_get_string (from)));
  return TRUE;
}

/* Where the project stands, and what does not agree in it: the same words
 * as the project list, the overview and `minsheng-cli check`. */
static void
update_schedule (MsProjectView *self)
{
  MsProject *project = current_project (self);
  MsDocument *document = project != NULL ? ms_node_get_document (MS_NODE (project)) : NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autofree char *state = NULL;
  MsScheduleContext context;
  MsSchedule schedule;

  if (document == NULL)
    return;

  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  schedule = ms_project_get_schedule (project, &context, NULL);
  state = ms_project_dup_schedule_text (project, &context, TRUE);
  gtk_label_set_label (self->schedule_label, state);
  gtk_widget_set_visible (GTK_WIDGET (self->schedule_label), TRUE);
  gtk_image_set_from_icon_name (self->schedule_icon, ms_schedule_get_icon_name (schedule));
  ms_widget_set_schedule_class (GTK_WIDGET (self->schedule_icon), schedule);

  findings = ms_check_project (project, &context);
  for (guint i = 0; i < findings->len; i++)
    {
      MsFinding *finding = g_ptr_array_index (findings, i);

      if (found->len > 0)
        g_string_append_c (found, '\n');
      /* translators: one finding on a project: its severity and message, such as "Warning: …" */
      g_string_append_printf (found, _("%s: %s"), ms_severity_get_label (finding->severity), finding->message);
    }
  gtk_label_set_label (self->findings_label, found->str);
  gtk_widget_set_visible (GTK_WIDGET (self->findings_label), findings->len > 0);
}

/**
 * ms_project_view_refresh:
 *
 * Reads the project's schedule again: the document's date or rules changed.
 */
void
ms_project_view_refresh (MsProjectView *self)
{
  g_return_if_fail (MS_IS_PROJECT_VIEW (self));

  update_schedule (self);
}

static void
update_heading (MsProjectView *self)
{
  MsProject *project = current_project (self);
  g_autofree char *heading = NULL;
  MsGroup *group;

  if (project == NULL)
    return;

  group = ms_project_get_group (project);
  if (group != NULL)
    {
      g_autofree char *group_heading = ms_group_dup_heading (group);

      /* translators: the detail view's heading: project number, then its group such as （五）加快推动… */
      heading = g_strdup_printf (_("Project %u · %s"), ms_project_get_number (project), group_heading);
    }
  else
    /* translators: the detail view's heading for a project outside any group: its number */
    heading = g_strdup_printf (_("Project %u"), ms_project_get_number (project));
  gtk_label_set_label (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), TRUE);
}

/* Shows the names the way they are saved, once the user is done typing. */
static void
on_names_done_cb (MsProjectView *self)
{
  MsProject *project = current_project (self);
  AdwEntryRow *rows[] = { self->departments_row, self->partners_row };
  const char * const *names[2];

  if (project == NULL)
    return;

  names[0] = ms_project_get_departments (project);
  names[1] = ms_project_get_partners (project);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = g_strjoinv ("、", (char **)names[i]);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (rows[i])), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (rows[i]), text);
    }
  ms_binder_sync (self->binder);
}

static void
on_focus_leave_cb (MsProjectView *self)
{
  ms_binder_sync (self->binder);
}

/* The new indicator's name is what the user types next. */
static void
add_indicator_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MsProjectView *self = MS_PROJECT_VIEW (widget);
  MsHistory *history = ms_binder_get_history (self->binder);
  MsIndicator *indicator;
  GtkListBoxRow *row;

  if (current_project (self) == NULL || history == NULL)
    return;

  indicator = ms_edits_add_indicator (history, current_project (self));
  if (indicator == NULL)
    return;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->indicator_list, (int)i)) != NULL; i++)
    if (ms_indicator_row_get_indicator (MS_INDICATOR_ROW (row)) == indicator)
      {
        ms_indicator_row_focus_name (MS_INDICATOR_ROW (row));
        break;
      }
}

static GtkWidget *
create_indicator_row (gpointer item,
                      gpointer user_data)
{
  MsProjectView *self = user_data;

  return ms_indicator_row_new (item, ms_binder_get_history (self->binder));
}

static void
ms_project_view_dispose (GObject *object)
{
  MsProjectView *self = (MsProjectView *)object;

  ms_project_view_set_project (self, NULL);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_PROJECT_VIEW);
  g_clear_object (&self->binder);
  g_clear_object (&self->group_signals);
  g_clear_object (&self->project_signals);

  G_OBJECT_CLASS (ms_project_view_parent_class)->dispose (object);
}

static void
ms_project_view_class_init (MsProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_project_view_dispose;

  g_type_ensure (MS_TYPE_CHART_PANEL);
  g_type_ensure (MS_TYPE_TEXT_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, number_spin);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, status_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, details_group);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, departments_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, partners_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, schedule_icon);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, findings_label);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, lead_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, contact_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, target_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, completion_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, note_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, target_buffer);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, completion_buffer);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, note_buffer);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, chart_panel);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_names_done_cb);
  gtk_widget_class_install_action (widget_class, "project.add-indicator", NULL, add_indicator_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ms_project_view_init (MsProjectView *self)
{
  static const MsBinderFuncs names_funcs = { names_to_text, text_to_names, NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  ms_widget_mark_chinese (GTK_WIDGET (self->heading_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->schedule_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->findings_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->departments_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->partners_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->lead_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->contact_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->target_view));
  ms_widget_mark_chinese (GTK_WIDGET (self->completion_view));
  ms_widget_mark_chinese (GTK_WIDGET (self->note_view));
  ms_choice_prepare (GTK_WIDGET (self->status_row), NULL);
  ms_widget_name_inner_list (GTK_WIDGET (self->details_group), _("Project details"));

  /* Adding a field: one line in the template, one binding here. */
  self->binder = ms_binder_new ();
  ms_binder_bind (self->binder, "number", self->number_spin, "value", N_("Edit Number"));
  ms_binder_bind_full (self->binder, "status", self->status_row, "selected", N_("Edit Status"),
                       MS_BINDER_ONE_STEP, &ms_binder_enum_choice, NULL);
  ms_binder_bind_full (self->binder, "departments", self->departments_row, "text", N_("Edit Departments"),
                       MS_BINDER_DEFAULT, &names_funcs, self->departments_row);
  ms_binder_bind_full (self->binder, "partners", self->partners_row, "text", N_("Edit Cooperating Units"),
                       MS_BINDER_DEFAULT, &names_funcs, self->partners_row);
  ms_binder_bind (self->binder, "lead", self->lead_row, "text", N_("Edit Leader in Charge"));
  ms_binder_bind (self->binder, "contact", self->contact_row, "text", N_("Edit Contact"));
  ms_binder_bind_full (self->binder, "deadline", self->deadline_row, "text", N_("Edit Deadline"),
                       MS_BINDER_DEFAULT, &ms_binder_date, NULL);
  ms_binder_bind (self->binder, "target", self->target_buffer, "text", N_("Edit Target"));
  ms_binder_bind (self->binder, "completion", self->completion_buffer, "text", N_("Edit Completion Report"));
  ms_binder_bind (self->binder, "note", self->note_buffer, "text", N_("Edit Note"));
  ms_binder_connect (self->binder, "notify::number", G_CALLBACK (update_heading), self);

  self->project_signals = g_signal_group_new (MS_TYPE_PROJECT);
  g_signal_group_connect_object (self->project_signals, "changed", G_CALLBACK (update_schedule), self,
                                 G_CONNECT_SWAPPED);
  self->group_signals = g_signal_group_new (MS_TYPE_GROUP);
  g_signal_group_connect_object (self->group_signals, "notify", G_CALLBACK (update_heading), self,
                                 G_CONNECT_SWAPPED);
}

GtkWidget *
ms_project_view_new (void)
{
  return g_object_new (MS_TYPE_PROJECT_VIEW, NULL);
}

/**
 * ms_project_view_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
MsProject *
ms_project_view_get_project (MsProjectView *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_VIEW (self), NULL);

  return current_project (self);
}

void
ms_project_view_set_project (MsProjectView *self,
                             MsProject     *project)
{
  g_return_if_fail (MS_IS_PROJECT_VIEW (self));

  if (self->binder == NULL || project == current_project (self))
    return;

  if (project == NULL || ms_binder_get_history (self->binder) == NULL)
    {
      ms_binder_set_source (self->binder, NULL);
      g_signal_group_set_target (self->group_signals, NULL);
      g_signal_group_set_target (self->project_signals, NULL);
      gtk_list_box_bind_model (self->indicator_list, NULL, NULL, NULL, NULL);
      ms_chart_panel_set_node (self->chart_panel, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ms_binder_set_source (self->binder, project);
  g_signal_group_set_target (self->group_signals, ms_project_get_group (project));
  g_signal_group_set_target (self->project_signals, project);
  update_heading (self);
  update_schedule (self);
  gtk_list_box_bind_model (self->indicator_list, ms_project_get_indicators (project),
                           create_indicator_row, self, NULL);
  ms_chart_panel_set_node (self->chart_panel, MS_NODE (project));
  gtk_stack_set_visible_child_name (self->stack, "project");
  /* Each project opens at its top: its number, status and target first. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
ms_project_view_set_history (MsProjectView *self,
                             MsHistory     *history)
{
  g_autoptr(MsProject) project = NULL;

  g_return_if_fail (MS_IS_PROJECT_VIEW (self));

  if (history == ms_binder_get_history (self->binder))
    return;

  /* Rows hold the history: rebuild them with the new one. */
  g_set_object (&project, current_project (self));
  ms_project_view_set_project (self, NULL);
  ms_binder_set_history (self->binder, history);
  ms_project_view_set_project (self, project);
}

/**
 * ms_project_view_get_chart:
 *
 * Returns: (transfer none): the target-against-actual chart
 */
GtkWidget *
ms_project_view_get_chart (MsProjectView *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_VIEW (self), NULL);

  return GTK_WIDGET (ms_chart_panel_get_view (self->chart_panel));
}
