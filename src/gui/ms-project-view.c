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

#include "ms-chart-view.h"
#include "ms-edits.h"
#include "ms-gui-util.h"
#include "ms-indicator-row.h"
#include "ms-notice.h"
#include "ms-project-view.h"

/* The detail view: every field of a project, editable, each edit a step of
 * the document's history; the target-against-actual chart follows live. */
struct _MsProjectView
{
  GtkWidget      parent_instance;

  MsProject     *project;
  /* The project's group: its renames change the heading. */
  MsGroup       *group;
  gulong         group_handler;
  MsHistory     *history;
  gulong         changed_handler;
  gboolean       updating;

  GtkStack      *stack;
  GtkScrolledWindow *scroller;
  GtkLabel      *heading_label;
  GtkSpinButton *number_spin;
  AdwComboRow   *status_row;
  AdwEntryRow   *departments_row;
  AdwEntryRow   *partners_row;
  GtkTextView   *target_view;
  GtkTextView   *completion_view;
  GtkTextView   *note_view;
  GtkListBox    *indicator_list;
  GtkButton     *add_indicator_button;
  MsChartView   *chart_view;
};

G_DEFINE_FINAL_TYPE (MsProjectView, ms_project_view, GTK_TYPE_WIDGET)

static char *
join_names (const char * const *names)
{
  return g_strjoinv ("、", (char **)names);
}

/* Leaves the row alone while it already says the same names, so that typing
 * "市交通局、" is not cut back to "市交通局" under the cursor. */
static void
set_row_names (AdwEntryRow        *row,
               const char * const *names)
{
  g_auto(GStrv) shown = ms_notice_split_departments (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autofree char *text = NULL;

  if (g_strv_equal ((const char * const *)shown, names))
    return;

  text = join_names (names);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* Shows the names the way they are saved, once the user is done typing. */
static void
tidy_row_names (AdwEntryRow        *row,
                const char * const *names)
{
  g_autofree char *text = join_names (names);

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
update_heading (MsProjectView *self)
{
  g_autofree char *heading = NULL;
  MsGroup *group;

  if (self->project == NULL)
    return;

  group = ms_project_get_group (self->project);
  if (group != NULL)
    {
      g_autofree char *group_heading = ms_group_dup_heading (group);

      /* translators: the detail view's heading: project number, then its group such as （五）加快推动… */
      heading = g_strdup_printf (_("Project %u · %s"), ms_project_get_number (self->project), group_heading);
    }
  else
    /* translators: the detail view's heading for a project outside any group: its number */
    heading = g_strdup_printf (_("Project %u"), ms_project_get_number (self->project));
  gtk_label_set_label (self->heading_label, heading);
}

static void
refresh (MsProjectView *self)
{
  if (self->project == NULL)
    return;

  self->updating = TRUE;

  update_heading (self);

  if ((guint)gtk_spin_button_get_value_as_int (self->number_spin) != ms_project_get_number (self->project))
    gtk_spin_button_set_value (self->number_spin, ms_project_get_number (self->project));
  adw_combo_row_set_selected (self->status_row, ms_project_get_status (self->project));

  set_row_names (self->departments_row, ms_project_get_departments (self->project));
  set_row_names (self->partners_row, ms_project_get_partners (self->project));

  ms_text_view_set_text_quietly (self->target_view, ms_project_get_target (self->project));
  ms_text_view_set_text_quietly (self->completion_view, ms_project_get_completion (self->project));
  ms_text_view_set_text_quietly (self->note_view, ms_project_get_note (self->project));

  self->updating = FALSE;
}

static void
commit_text (MsProjectView *self,
             GtkTextView   *view,
             const char    *property,
             const char    *label)
{
  g_autofree char *text = NULL;

  if (self->updating || self->project == NULL || self->history == NULL)
    return;

  text = ms_text_view_dup_text (view);
  ms_history_set_string (self->history, label, G_OBJECT (self->project), property, text);
}

static void
on_target_changed_cb (MsProjectView *self)
{
  commit_text (self, self->target_view, "target", N_("Edit Target"));
}

static void
on_completion_changed_cb (MsProjectView *self)
{
  commit_text (self, self->completion_view, "completion", N_("Edit Completion Report"));
}

static void
on_note_changed_cb (MsProjectView *self)
{
  commit_text (self, self->note_view, "note", N_("Edit Note"));
}

static void
commit_names (MsProjectView *self,
              AdwEntryRow   *row,
              const char    *property,
              const char    *label)
{
  g_auto(GStrv) names = NULL;

  if (self->updating || self->project == NULL || self->history == NULL)
    return;

  /* Committed as typed, like the text fields: a save or a switch to another
   * project never leaves names behind in the entry. Typing merges into one step. */
  names = ms_notice_split_departments (gtk_editable_get_text (GTK_EDITABLE (row)));
  ms_history_set_strv (self->history, label, G_OBJECT (self->project), property,
                       (const char * const *)names);
}

static void
on_departments_changed_cb (MsProjectView *self)
{
  commit_names (self, self->departments_row, "departments", N_("Edit Departments"));
}

static void
on_partners_changed_cb (MsProjectView *self)
{
  commit_names (self, self->partners_row, "partners", N_("Edit Cooperating Units"));
}

static void
on_names_done_cb (MsProjectView *self)
{
  if (self->project == NULL)
    return;

  if (self->history != NULL)
    ms_history_break_merge (self->history);
  self->updating = TRUE;
  tidy_row_names (self->departments_row, ms_project_get_departments (self->project));
  tidy_row_names (self->partners_row, ms_project_get_partners (self->project));
  self->updating = FALSE;
}

static void
on_status_changed_cb (MsProjectView *self)
{
  guint selected;

  if (self->updating || self->project == NULL || self->history == NULL)
    return;

  selected = adw_combo_row_get_selected (self->status_row);
  if (selected < MS_N_STATUSES)
    {
      ms_history_set_enum (self->history, N_("Edit Status"), G_OBJECT (self->project), "status", (int)selected);
      ms_history_break_merge (self->history);
    }
}

static void
on_number_changed_cb (MsProjectView *self)
{
  if (self->updating || self->project == NULL || self->history == NULL)
    return;

  ms_history_set_uint (self->history, N_("Edit Number"), G_OBJECT (self->project), "number",
                       (guint)gtk_spin_button_get_value_as_int (self->number_spin));
}

static void
on_add_indicator_clicked_cb (MsProjectView *self)
{
  if (self->project == NULL || self->history == NULL)
    return;

  ms_edits_add_indicator (self->history, self->project);
}

static GtkWidget *
create_indicator_row (gpointer item,
                      gpointer user_data)
{
  MsProjectView *self = user_data;

  return ms_indicator_row_new (item, self->history);
}

static void
on_focus_leave_cb (MsProjectView *self)
{
  if (self->history != NULL)
    ms_history_break_merge (self->history);
}

static void
ms_project_view_dispose (GObject *object)
{
  MsProjectView *self = (MsProjectView *)object;

  ms_project_view_set_project (self, NULL);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_PROJECT_VIEW);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ms_project_view_parent_class)->dispose (object);
}

static void
ms_project_view_class_init (MsProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_project_view_dispose;

  g_type_ensure (MS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, number_spin);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, status_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, departments_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, partners_row);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, target_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, completion_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, note_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, indicator_list);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, add_indicator_button);
  gtk_widget_class_bind_template_child (widget_class, MsProjectView, chart_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
apply_language_tag (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_apply_tag_by_name (buffer, "zh", &start, &end);
}

static void
ms_project_view_init (MsProjectView *self)
{
  GtkTextView *views[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  views[0] = self->target_view;
  views[1] = self->completion_view;
  views[2] = self->note_view;

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      gtk_text_buffer_create_tag (gtk_text_view_get_buffer (views[i]), "zh", "language", "zh-cn", NULL);
      g_signal_connect (gtk_text_view_get_buffer (views[i]), "changed", G_CALLBACK (apply_language_tag), NULL);
      ms_widget_on_focus_leave (GTK_WIDGET (views[i]), G_CALLBACK (on_focus_leave_cb), self);
    }
  ms_widget_mark_chinese (GTK_WIDGET (self->heading_label));

  g_signal_connect_object (gtk_text_view_get_buffer (self->target_view), "changed",
                           G_CALLBACK (on_target_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->completion_view), "changed",
                           G_CALLBACK (on_completion_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (on_note_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->departments_row, "changed", G_CALLBACK (on_departments_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->partners_row, "changed", G_CALLBACK (on_partners_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->departments_row, "entry-activated", G_CALLBACK (on_names_done_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->partners_row, "entry-activated", G_CALLBACK (on_names_done_cb), self,
                           G_CONNECT_SWAPPED);
  ms_widget_on_focus_leave (GTK_WIDGET (self->departments_row), G_CALLBACK (on_names_done_cb), self);
  ms_widget_on_focus_leave (GTK_WIDGET (self->partners_row), G_CALLBACK (on_names_done_cb), self);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->number_spin, "value-changed", G_CALLBACK (on_number_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->add_indicator_button, "clicked", G_CALLBACK (on_add_indicator_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  ms_widget_on_focus_leave (GTK_WIDGET (self->number_spin), G_CALLBACK (on_focus_leave_cb), self);
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

  return self->project;
}

void
ms_project_view_set_project (MsProjectView *self,
                             MsProject     *project)
{
  g_return_if_fail (MS_IS_PROJECT_VIEW (self));

  if (project == self->project)
    return;

  if (self->history != NULL)
    ms_history_break_merge (self->history);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  if (self->group != NULL)
    g_clear_signal_handler (&self->group_handler, self->group);
  g_clear_object (&self->group);
  g_set_object (&self->project, project);

  if (project == NULL || self->history == NULL)
    {
      gtk_list_box_bind_model (self->indicator_list, NULL, NULL, NULL, NULL);
      ms_chart_view_set_node (self->chart_view, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->changed_handler = g_signal_connect_object (project, "changed", G_CALLBACK (refresh), self,
                                                   G_CONNECT_SWAPPED);
  if (ms_project_get_group (project) != NULL)
    {
      self->group = g_object_ref (ms_project_get_group (project));
      self->group_handler = g_signal_connect_object (self->group, "notify", G_CALLBACK (update_heading), self,
                                                     G_CONNECT_SWAPPED);
    }
  gtk_list_box_bind_model (self->indicator_list, ms_project_get_indicators (project),
                           create_indicator_row, self, NULL);
  ms_chart_view_set_node (self->chart_view, MS_NODE (project));
  refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "project");
  /* Each project opens at its top: its number, status and target first. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
ms_project_view_set_history (MsProjectView *self,
                             MsHistory     *history)
{
  g_return_if_fail (MS_IS_PROJECT_VIEW (self));

  if (g_set_object (&self->history, history))
    {
      g_autoptr(MsProject) project = self->project ? g_object_ref (self->project) : NULL;

      /* Rows hold the history: rebuild them with the new one. */
      ms_project_view_set_project (self, NULL);
      ms_project_view_set_project (self, project);
    }
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

  return GTK_WIDGET (self->chart_view);
}
