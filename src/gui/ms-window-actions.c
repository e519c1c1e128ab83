/* ms-window-actions.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-chart-view.h"
#include "ms-csv.h"
#include "ms-edits.h"
#include "ms-paths.h"
#include "ms-project-list.h"
#include "ms-import-dialog.h"
#include "ms-ledger-paste-dialog.h"
#include "ms-paste.h"
#include "ms-merge-dialog.h"
#include "ms-print.h"
#include "ms-report.h"
#include "ms-returns-dialog.h"
#include "ms-safe-write.h"
#include "ms-save-changes-dialog.h"
#include "ms-window-private.h"
#include "ms-xlsx-export.h"

/* Continuations: run after a question is answered or a save finished. */
typedef struct
{
  MsWindow         *self;
  MsWindowContinue  then;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Continuation;

static Continuation *
continuation_new (MsWindow         *self,
                  MsWindowContinue  then,
                  gpointer          user_data,
                  GDestroyNotify    destroy)
{
  Continuation *c = g_new0 (Continuation, 1);

  c->self = g_object_ref (self);
  c->then = then;
  c->user_data = user_data;
  c->destroy = destroy;
  return c;
}

static void
continuation_free (Continuation *c)
{
  if (c->destroy != NULL && c->user_data != NULL)
    c->destroy (c->user_data);
  g_object_unref (c->self);
  g_free (c);
}

static void
continuation_run (Continuation *c)
{
  if (c->then != NULL)
    c->then (c->self, c->user_data);
  continuation_free (c);
}

void
_ms_window_toast (MsWindow   *self,
                  const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* A removal says so with a way back, as GNOME applications do. */
static void
toast_with_undo (MsWindow   *self,
                 const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A message in plain words; the body is never parsed as markup. */
void
_ms_window_show_message (MsWindow   *self,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  ms_message_dialog_prepare (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving: the editor saves; the window says how it went and goes on. */

static void save_with_chooser (MsWindow *self, Continuation *after);
static void ask_unsaved (MsWindow *self, Continuation *after);

static void
report_saved (MsWindow *self)
{
  GFile *file = ms_editor_get_file (self->editor);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *path = g_file_get_path (file);
  /* Toasts parse markup: a file name is text. */
  g_autofree char *escaped = g_markup_escape_text (name, -1);
  /* translators: %s is a file name */
  g_autofree char *message = g_strdup_printf (_("Saved “%s”"), escaped);

  _ms_window_toast (self, message);
  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-file", path);
}

static void
report_save_error (MsWindow     *self,
                   const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    _ms_window_show_message (self, _("The File Changed on Disk"),
                             _("Another program changed the file since it was opened here. "
                               "Reload it, or choose “Keep Mine” and save again to overwrite it."));
  else
    _ms_window_show_message (self, _("Could Not Save"), error->message);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Continuation *after = user_data;
  /* Going on may close the window and drop the continuation's reference. */
  g_autoptr(MsWindow) self = g_object_ref (after->self);
  g_autoptr(GError) error = NULL;

  if (!ms_editor_save_finish (MS_EDITOR (object), result, &error))
    {
      /* The document stays modified; what waited on the save does not go on. */
      report_save_error (self, error);
      continuation_free (after);
      return;
    }

  if (MS_EDITOR (object) == self->editor)
    report_saved (self);

  /* Edits typed while the file was written are unsaved: a question answered
   * with Save is asked again rather than going on without them. */
  if (after->then != NULL)
    ask_unsaved (self, after);
  else
    continuation_free (after);
}

static void
save_to (MsWindow     *self,
         GFile        *file,
         Continuation *after)
{
  if (self->editor == NULL)
    {
      continuation_free (after);
      return;
    }

  /* Not the window's cancellable: a save, once begun, is not cut short. */
  ms_editor_save_async (self->editor, file, NULL, save_cb, after);
}

static void
save_chooser_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          gpointer         user_data)
{
  Continuation *after = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_to (after->self, file, after);
    }
  else
    continuation_free (after);

  g_object_unref (dialog);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Yearly files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
save_with_chooser (MsWindow     *self,
                   Continuation *after)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Yearly File"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));
  g_autofree char *name = NULL;

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter ());
  if (ms_editor_get_file (self->editor) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), ms_editor_get_file (self->editor), NULL);
  else
    {
      name = g_strdup_printf ("%s.json", ms_editor_get_title (self->editor));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), after);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_then (MsWindow     *self,
           Continuation *after)
{
  if (self->editor == NULL)
    continuation_free (after);
  else if (ms_editor_get_file (self->editor) == NULL)
    save_with_chooser (self, after);
  else
    save_to (self, NULL, after);
}

/* For tests and scripts: save to @file without a dialog. */
void
ms_window_save_to (MsWindow *self,
                   GFile    *file)
{
  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (self->editor != NULL);

  save_to (self, file, continuation_new (self, NULL, NULL, NULL));
}

/* Unsaved changes */

static gboolean
continue_later (gpointer user_data)
{
  continuation_run (user_data);
  return G_SOURCE_REMOVE;
}

static void
unsaved_response_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Continuation *after = user_data;
  MsWindow *self = after->self;

  self->asking--;
  switch (ms_save_changes_dialog_run_finish (result, NULL))
    {
    case MS_SAVE_CHANGES_SAVE:
      save_then (self, after);
      break;
    case MS_SAVE_CHANGES_DISCARD:
      /* Thrown away on purpose: nothing to offer after a restart either. */
      _ms_window_discard_unsaved (self);
      /* Go on once the dialog has closed: going on may close its parent. */
      g_idle_add (continue_later, after);
      break;
    case MS_SAVE_CHANGES_CANCEL:
    default:
      continuation_free (after);
      break;
    }
}

/**
 * _ms_window_save_ended:
 *
 * The window's editor is not busy (any more): what waited on the save that
 * was running asks now, if there is still something unsaved.
 */
void
_ms_window_save_ended (MsWindow *self)
{
  Continuation *after;

  while ((self->editor == NULL || !ms_editor_get_busy (self->editor)) &&
         (after = g_queue_pop_head (&self->after_save)) != NULL)
    ask_unsaved (self, after);
}

/* Drops what waits on a save: the window is going away. */
void
_ms_window_actions_dispose (MsWindow *self)
{
  Continuation *after;

  g_clear_handle_id (&self->recent_menu_id, g_source_remove);
  while ((after = g_queue_pop_head (&self->after_save)) != NULL)
    continuation_free (after);
}

/**
 * _ms_window_confirm_unsaved:
 *
 * Asks what to do with unsaved changes (Save, Discard, Cancel) and runs
 * @then unless the user cancels or the save fails. A save running now is
 * waited for first.
 */
void
_ms_window_confirm_unsaved (MsWindow         *self,
                            MsWindowContinue  then,
                            gpointer          user_data,
                            GDestroyNotify    destroy)
{
  ask_unsaved (self, continuation_new (self, then, user_data, destroy));
}

static void
ask_unsaved (MsWindow     *self,
             Continuation *after)
{
  if (self->editor == NULL)
    {
      continuation_run (after);
      return;
    }

  /* What the running save leaves decides whether to ask. */
  if (ms_editor_get_busy (self->editor))
    {
      /* The window follows the editor's busy state: see _ms_window_save_ended(). */
      g_queue_push_tail (&self->after_save, after);
      return;
    }

  if (!ms_editor_get_modified (self->editor))
    {
      continuation_run (after);
      return;
    }

  self->asking++;
  ms_save_changes_dialog_run_async (GTK_WINDOW (self), ms_editor_get_title (self->editor), NULL,
                                    unsaved_response_cb, after);
}

/* Actions */

static void
new_after_confirm (MsWindow *self,
                   gpointer  user_data)
{
  g_autoptr(MsDocument) document = ms_edits_new_document ();

  ms_window_set_document (self, document);
}

static void
new_activated (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  MsWindow *self = user_data;

  _ms_window_confirm_unsaved (self, new_after_confirm, NULL, NULL);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  MsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ms_window_open_file (self, file);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MsWindow *self = user_data;
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open Yearly File"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                                               _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json_filter ());
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  ms_window_open_file (self, file);
}

/* The bundled examples, by file name: a year-end report and a year in progress. */
static void
open_example_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autofree char *path = ms_paths_dup_example_named (g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  ms_window_open_file (self, file);
}

void
_ms_window_update_recent_menu (MsWindow *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint added = 0;

  g_menu_remove_all (self->recent_menu);
  for (GList *l = items; l != NULL && added < 10; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autofree char *detailed = NULL;
      g_autofree char *label = NULL;

      if (!gtk_recent_info_has_application (info, g_get_application_name ()) || !g_str_has_suffix (uri, ".json"))
        continue;

      g_autoptr(GVariant) target = g_variant_ref_sink (g_variant_new_string (uri));
      g_auto(GStrv) parts = g_strsplit (gtk_recent_info_get_display_name (info), "_", -1);

      /* Menu labels take "_" as a mnemonic: double it to show it. */
      label = g_strjoinv ("__", parts);
      detailed = g_action_print_detailed_name ("win.open-recent", target);
      g_menu_append (self->recent_menu, label, detailed);
      added++;
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

static void
save_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->editor != NULL)
    save_then (self, continuation_new (self, NULL, NULL, NULL));
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->editor != NULL)
    save_with_chooser (self, continuation_new (self, NULL, NULL, NULL));
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(MsWindow) self = user_data;
  g_autoptr(MsEditor) editor = NULL;
  g_autoptr(GError) error = NULL;

  editor = ms_editor_reload_finish (MS_EDITOR (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (editor == NULL)
    {
      _ms_window_show_message (self, _("Could Not Reload the Yearly File"), error->message);
      return;
    }

  /* Only if the window still shows what was reloaded. */
  if (MS_EDITOR (object) == self->editor)
    ms_window_set_editor (self, editor);
}

static void
reload_after_confirm (MsWindow *self,
                      gpointer  user_data)
{
  if (self->editor != NULL && ms_editor_get_file (self->editor) != NULL)
    ms_editor_reload_async (self->editor, self->cancellable, reload_cb, g_object_ref (self));
}

static void
reload_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->editor != NULL)
    _ms_window_confirm_unsaved (self, reload_after_confirm, NULL, NULL);
}

static void
keep_mine_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  MsWindow *self = user_data;

  /* The next save overwrites what the other program wrote. */
  if (self->editor != NULL)
    ms_editor_keep_mine (self->editor);
}

static void
cancel_loading_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  _ms_window_cancel_loading (user_data);
}

static void
undo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->history != NULL)
    ms_history_undo (self->history);
}

static void
redo_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->history != NULL)
    ms_history_redo (self->history);
}

static void
search_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->document != NULL)
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
}

static void
show_section_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MsWindow *self = user_data;
  const char *section = g_variant_get_string (parameter, NULL);

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  if (g_str_equal (section, "overview"))
    ms_window_select_section (self, 0);
  else
    ms_window_select_section (self, g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_items)) - 1);
}

/* A headline card: the projects it counts, over the whole file. */
static void
show_filtered_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  int filter_by = g_variant_get_int32 (parameter);

  if (filter_by >= 0 && filter_by < MS_N_PROJECT_FILTERS)
    ms_window_show_filtered (user_data, filter_by);
}

/* Where the selected project sits: its group and position. */
static gboolean
locate_selected (MsWindow   *self,
                 MsProject **project,
                 MsGroup   **group,
                 guint      *position)
{
  *project = ms_project_list_get_selected_project (self->project_list);
  *group = *project ? ms_project_get_group (*project) : NULL;

  if (*group == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (ms_group_get_projects (*group)); i++)
    {
      if (ms_group_get_project (*group, i) == *project)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_project_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MsWindow *self = user_data;
  MsCategory *scope = _ms_window_get_selected_category (self);
  MsProject *selected;
  MsProject *added;
  MsGroup *group;
  guint position = 0;

  if (self->history == NULL)
    return;

  if (locate_selected (self, &selected, &group, &position))
    position++;
  else
    {
      GListModel *groups = scope ? ms_category_get_groups (scope) : NULL;

      if (groups == NULL || g_list_model_get_n_items (groups) == 0)
        return;
      group = ms_category_get_group (scope, g_list_model_get_n_items (groups) - 1);
      position = g_list_model_get_n_items (ms_group_get_projects (group));
    }

  /* Numbers run on within the category listed. */
  added = ms_edits_add_project (self->history, group, position, scope);
  if (added != NULL)
    ms_project_list_select_project (self->project_list, added);
}

static void
remove_project_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MsWindow *self = user_data;
  MsProject *project = ms_project_list_get_selected_project (self->project_list);

  if (self->history != NULL && project != NULL && ms_edits_remove_project (self->history, project))
    /* translators: shown after a project was removed, beside an Undo button */
    toast_with_undo (self, _("Project removed"));
}

static void
move_project (MsWindow *self,
              int       delta)
{
  g_autoptr(MsProject) project = NULL;

  if (self->history == NULL || ms_project_list_get_selected_project (self->project_list) == NULL)
    return;

  /* The list may drop its selection while the project is out of the tree. */
  project = g_object_ref (ms_project_list_get_selected_project (self->project_list));
  if (ms_edits_move_project (self->history, project, delta))
    ms_project_list_select_project (self->project_list, project);
}

static void
move_project_up_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  move_project (user_data, -1);
}

static void
move_project_down_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  move_project (user_data, 1);
}

/* The group of the selected project. */
static MsGroup *
selected_group (MsWindow *self)
{
  MsProject *project = ms_project_list_get_selected_project (self->project_list);

  return project ? ms_project_get_group (project) : NULL;
}

static void
add_group_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  MsWindow *self = user_data;
  MsCategory *category = _ms_window_get_selected_category (self);
  MsGroup *group;

  if (category == NULL || self->history == NULL)
    return;

  /* A new group comes with a first project to fill in. */
  group = ms_edits_add_group (self->history, category);
  if (group != NULL)
    ms_project_list_select_project (self->project_list, ms_group_get_project (group, 0));
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MsWindow         *self)
{
  MsGroup *group = g_object_get_data (G_OBJECT (dialog), "ms-group");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ms-entry");

  if (g_strcmp0 (response, "rename") == 0 && group != NULL && self->history != NULL)
    ms_edits_rename_group (self->history, group, gtk_editable_get_text (entry));
}

static void
rename_group_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MsWindow *self = user_data;
  MsGroup *group = selected_group (self);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (group == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Group"), NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), ms_group_get_title (group));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  g_object_set_data_full (G_OBJECT (dialog), "ms-group", g_object_ref (group), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "ms-entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  ms_message_dialog_prepare (ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A new reporting date (截至): the figures typed from then on are its progress. */

static void
reporting_date_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  MsDate date;
  gboolean valid = ms_date_parse (gtk_editable_get_text (entry), &date);

  adw_message_dialog_set_response_enabled (dialog, "set", valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
reporting_date_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            MsWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  MsDate date = MS_DATE_NONE;

  if (self->history == NULL || g_str_equal (response, "cancel"))
    return;
  if (g_str_equal (response, "set") && !ms_date_parse (gtk_editable_get_text (entry), &date))
    return;

  if (!ms_edits_set_reporting_date (self->history, date, &error))
    {
      /* Toasts parse markup: the message quotes a project. */
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      _ms_window_toast (self, escaped);
    }
}

static void
new_reporting_date_activated (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autofree char *today = ms_date_to_string (ms_date_today ());
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->document == NULL)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("New Reporting Date"),
                                                       _("Figures typed from now on are recorded as the "
                                                         "progress of this date (YYYY-MM-DD).")));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reporting date"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "set", _("_Set Date"), NULL);
  /* A year-end report reads every figure as of the end of the year. */
  if (ms_document_get_as_of (self->document) != MS_DATE_NONE)
    adw_message_dialog_add_response (dialog, "clear", _("_Year-End Report"));
  adw_message_dialog_set_response_appearance (dialog, "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "set");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (entry, "changed", G_CALLBACK (reporting_date_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reporting_date_response_cb), self, 0);
  ms_message_dialog_prepare (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_group (MsWindow *self,
            int       delta)
{
  MsGroup *group = selected_group (self);

  if (group != NULL && self->history != NULL)
    ms_edits_move_group (self->history, group, delta);
}

static void
move_group_up_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  move_group (user_data, -1);
}

static void
move_group_down_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  move_group (user_data, 1);
}

static void
remove_group_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MsWindow *self = user_data;
  MsGroup *group = selected_group (self);

  if (group != NULL && self->history != NULL && ms_edits_remove_group (self->history, group))
    /* translators: shown after a group was removed, beside an Undo button */
    toast_with_undo (self, _("Group removed"));
}

static void
import_notice_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ms_import_dialog_choose_file (MS_WINDOW (user_data));
}

/* A save chooser for exports, named after the document. */
static void
present_export_chooser (MsWindow      *self,
                        const char    *title,
                        const char    *suggested,
                        GtkFileFilter *filter,
                        GCallback      response_cb,
                        gpointer       data)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                               _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  if (data != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "ms-chart", data, g_object_unref);
  g_signal_connect (chooser, "response", response_cb, g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static char *
suggested_name (MsWindow   *self,
                const char *fallback,
                const char *extension)
{
  const char *title = ms_document_get_title (self->document);

  return g_strconcat (title[0] ? title : fallback, extension, NULL);
}

/* An export chosen over the yearly file itself would destroy it. */
static gboolean
refuse_document_file (MsWindow   *self,
                      GFile      *file,
                      const char *heading)
{
  GFile *own = self->editor ? ms_editor_get_file (self->editor) : NULL;

  if (own == NULL || file == NULL || !ms_safe_write_is_same_file (file, own))
    return FALSE;

  _ms_window_show_message (self, heading,
                           _("That is the yearly file itself; exporting there would replace it. "
                             "Choose another name."));
  return TRUE;
}

static void
on_report_exported_cb (MsWindow *self,
                       GFile    *file)
{
  _ms_window_toast (self, _("Report exported"));
}

/* Printing and exporting share one dialog; Ctrl+E opens it ready to export. */
static void
present_print_dialog (MsWindow *self,
                      gboolean  export_first)
{
  GtkWidget *dialog;

  if (self->document == NULL)
    return;

  dialog = ms_print_dialog_new (self, self->document, _ms_window_get_selected_category (self),
                                ms_project_view_get_project (ms_window_get_project_view (self)), export_first);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_report_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_pdf_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  present_print_dialog (MS_WINDOW (user_data), TRUE);
}

/* The chart on screen now: the one to export. */
static GtkWidget *
visible_chart (MsWindow *self)
{
  const char *page = ms_window_get_visible_page (self);

  _ms_window_ensure_document_pages (self);
  if (g_strcmp0 (page, "overview") == 0)
    return ms_overview_page_get_chart (self->overview_page);
  if (g_strcmp0 (page, "departments") == 0)
    return ms_departments_page_get_chart (_ms_window_ensure_departments_page (self));
  if (g_strcmp0 (page, "projects") == 0 && ms_project_view_get_project (ms_window_get_project_view (self)) != NULL)
    return ms_project_view_get_chart (ms_window_get_project_view (self));

  return ms_overview_page_get_chart (self->overview_page);
}

static void
export_chart_response_cb (GtkNativeDialog *dialog,
                          int              response,
                          MsWindow        *self)
{
  GtkWidget *chart = g_object_get_data (G_OBJECT (dialog), "ms-chart");

  if (response == GTK_RESPONSE_ACCEPT && chart != NULL && ms_chart_view_get_node (MS_CHART_VIEW (chart)) != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      MsReportFormat format = path && g_str_has_suffix (path, ".svg") ? MS_REPORT_FORMAT_SVG : MS_REPORT_FORMAT_PNG;

      if (refuse_document_file (self, file, _("Could Not Export the Chart")))
        ;
      else if (path == NULL ||
          !ms_chart_export (ms_chart_view_get_kind (MS_CHART_VIEW (chart)), ms_chart_view_get_node (MS_CHART_VIEW (chart)),
                            format, path, format == MS_REPORT_FORMAT_PNG ? 1600 : 800, NULL, &error))
        _ms_window_show_message (self, _("Could Not Export the Chart"),
                                 error ? error->message : _("The file must be on this computer"));
      else
        _ms_window_toast (self, _("Chart exported"));
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_chart_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MsWindow *self = user_data;
  GtkFileFilter *images = gtk_file_filter_new ();

  gtk_file_filter_set_name (images, _("PNG image or SVG drawing"));
  gtk_file_filter_add_suffix (images, "png");
  gtk_file_filter_add_suffix (images, "svg");
  present_export_chooser (self, _("Export Chart"), _("chart.png"), images, G_CALLBACK (export_chart_response_cb),
                          g_object_ref (visible_chart (self)));
}

static void
export_csv_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        MsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GBytes) bytes = ms_csv_export (self->document, NULL, TRUE);
      g_autoptr(GError) error = NULL;

      if (refuse_document_file (self, file, _("Could Not Export CSV")))
        ;
      /* The one safe way files are written: every step checked, mode kept. */
      else if (!ms_safe_write_bytes (file, bytes, NULL, MS_SAFE_WRITE_NONE, NULL, NULL, &error))
        _ms_window_show_message (self, _("Could Not Export CSV"), error->message);
      else
        _ms_window_toast (self, _("CSV exported"));
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_csv_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autofree char *name = suggested_name (self, _("Projects"), ".csv");

  present_export_chooser (self, _("Export CSV"), name, NULL, G_CALLBACK (export_csv_response_cb), NULL);
}

static void
export_ledger_response_cb (GtkNativeDialog *dialog,
                           int              response,
                           MsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (refuse_document_file (self, file, _("Could Not Export the Ledger")))
        ;
      else if (path == NULL || !ms_xlsx_write_ledger (self->document, NULL, path, &error))
        _ms_window_show_message (self, _("Could Not Export the Ledger"),
                                 error ? error->message : _("The file must be on this computer"));
      else
        _ms_window_toast (self, _("Ledger exported"));
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_ledger_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  MsWindow *self = user_data;
  GtkFileFilter *workbooks = gtk_file_filter_new ();
  /* translators: the default file name of the ledger workbook (台账) */
  g_autofree char *name = suggested_name (self, _("Ledger"), ".xlsx");

  gtk_file_filter_set_name (workbooks, _("Excel workbook"));
  gtk_file_filter_add_suffix (workbooks, "xlsx");
  present_export_chooser (self, _("Export Ledger"), name, workbooks, G_CALLBACK (export_ledger_response_cb), NULL);
}

static void
export_returns_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->document != NULL)
    gtk_window_present (GTK_WINDOW (ms_returns_dialog_new (self)));
}

static void
merge_returns_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->document != NULL)
    ms_merge_dialog_choose_files (self);
}

static void
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  present_print_dialog (MS_WINDOW (user_data), FALSE);
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

/* The panes F6 cycles through, in order: the sidebar, then what the page shows. */
static guint
collect_panes (MsWindow   *self,
               GtkWidget **panes)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);
  guint n = 0;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "document") != 0)
    return 0;

  panes[n++] = GTK_WIDGET (self->sidebar);
  if (g_strcmp0 (page, "projects") == 0)
    {
      if (gtk_search_bar_get_search_mode (self->search_bar))
        panes[n++] = GTK_WIDGET (self->search_entry);
      panes[n++] = _ms_window_get_ledger_shown (self) ? GTK_WIDGET (self->ledger_view)
                                                      : GTK_WIDGET (self->project_list);
      panes[n++] = GTK_WIDGET (ms_window_get_project_view (self));
    }
  else if (g_strcmp0 (page, "overview") == 0 && self->overview_page != NULL)
    panes[n++] = GTK_WIDGET (self->overview_page);
  else if (g_strcmp0 (page, "departments") == 0 && self->departments_page != NULL)
    panes[n++] = GTK_WIDGET (self->departments_page);

  return n;
}

static gboolean
focus_pane (MsWindow  *self,
            GtkWidget *pane)
{
  GtkListBoxRow *row;

  if (pane == GTK_WIDGET (self->sidebar) && (row = gtk_list_box_get_selected_row (self->sidebar)) != NULL)
    return gtk_widget_grab_focus (GTK_WIDGET (row));
  if (pane == GTK_WIDGET (self->project_list) || pane == GTK_WIDGET (self->ledger_view) ||
      pane == GTK_WIDGET (self->search_entry))
    return gtk_widget_grab_focus (pane);

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  return gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD);
}

static void
cycle_panes (MsWindow *self,
             int       step)
{
  GtkWidget *panes[5];
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  guint n = collect_panes (self, panes);
  int current = -1;

  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;

  /* From outside every pane, F6 starts at the first, Shift+F6 at the last. */
  if (current < 0)
    current = step > 0 ? -1 : (int)n;

  for (guint tries = 0; tries < n; tries++)
    {
      current = ((current + step) % (int)n + (int)n) % (int)n;
      if (focus_pane (self, panes[current]))
        return;
    }
}

static void
focus_next_pane_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  cycle_panes (MS_WINDOW (user_data), 1);
}

static void
focus_previous_pane_activated (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  cycle_panes (MS_WINDOW (user_data), -1);
}

static void
change_projects_view (GSimpleAction *action,
                      GVariant      *state,
                      gpointer       user_data)
{
  MsWindow *self = MS_WINDOW (user_data);
  gboolean ledger = g_str_equal (g_variant_get_string (state, NULL), "ledger");

  if (!ledger && !g_str_equal (g_variant_get_string (state, NULL), "list"))
    return;

  g_simple_action_set_state (action, state);
  _ms_window_show_ledger (self, ledger);
  _ms_window_update_actions (self);
}

/* Pasting cells copied from WPS or Excel onto the ledger's selected rows:
 * read the clipboard, plan the changes in the core, show them, apply them
 * as one undo step once accepted. */

typedef struct
{
  MsWindow    *self;
  /* The history the plan was made for: another file opened meanwhile
   * must not get the changes. */
  MsHistory   *history;
  MsPastePlan *plan;
} PasteQuestion;

static void
paste_question_free (PasteQuestion *question)
{
  g_clear_object (&question->self);
  g_clear_object (&question->history);
  g_clear_pointer (&question->plan, ms_paste_plan_free);
  g_free (question);
}

static void
paste_answered_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PasteQuestion *question = user_data;
  MsWindow *self = question->self;

  if (ms_ledger_paste_dialog_run_finish (result) && question->history == self->history)
    {
      guint n = ms_paste_plan_get_n_changes (question->plan);
      /* translators: a notice after a paste onto the ledger, %u is how many projects changed */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pasted into %u project",
                                                               "Pasted into %u projects", n), n);

      ms_paste_plan_apply (question->plan, question->history);
      _ms_window_toast (self, message);
    }
  paste_question_free (question);
}

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MsWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(MsPastePlan) plan = NULL;
  MsScheduleContext context;
  PasteQuestion *question;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->history == NULL)
    return;

  projects = ms_ledger_view_dup_selected_projects (self->ledger_view);
  ms_schedule_context_init (&context, self->document, MS_DATE_NONE);
  g_clear_error (&error);
  /* Nothing readable as text (an image, say) is no text to paste. */
  plan = ms_paste_plan_new (text != NULL ? text : "", projects, &context, &error);
  if (plan == NULL)
    {
      /* translators: heading of a refused paste onto the ledger; the body says why */
      _ms_window_show_message (self, _("Cannot Paste These Cells"), error->message);
      return;
    }

  question = g_new0 (PasteQuestion, 1);
  question->self = g_object_ref (self);
  question->history = g_object_ref (self->history);
  question->plan = g_steal_pointer (&plan);
  ms_ledger_paste_dialog_run_async (GTK_WINDOW (self), question->plan, paste_answered_cb, question);
}

static void
paste_into_ledger_activated (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  MsWindow *self = MS_WINDOW (user_data);

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->cancellable,
                                 clipboard_text_cb, g_object_ref (self));
}

static const GActionEntry window_actions[] = {
  { "projects-view", NULL, "s", "'list'", change_projects_view },
  { "paste-into-ledger", paste_into_ledger_activated },
  { "new", new_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "open-example", open_example_activated, "s" },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "reload", reload_activated },
  { "keep-mine", keep_mine_activated },
  { "cancel-loading", cancel_loading_activated },
  { "import-notice", import_notice_activated },
  { "export-pdf", export_pdf_activated },
  { "export-chart", export_chart_activated },
  { "export-csv", export_csv_activated },
  { "export-ledger", export_ledger_activated },
  { "export-returns", export_returns_activated },
  { "merge-returns", merge_returns_activated },
  { "print", print_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "search", search_activated },
  { "show-section", show_section_activated, "s" },
  { "show-filtered", show_filtered_activated, "i" },
  { "add-project", add_project_activated },
  { "remove-project", remove_project_activated },
  { "move-project-up", move_project_up_activated },
  { "move-project-down", move_project_down_activated },
  { "add-group", add_group_activated },
  { "rename-group", rename_group_activated },
  { "move-group-up", move_group_up_activated },
  { "move-group-down", move_group_down_activated },
  { "remove-group", remove_group_activated },
  { "new-reporting-date", new_reporting_date_activated },
  { "close", close_activated },
  { "focus-next-pane", focus_next_pane_activated },
  { "focus-previous-pane", focus_previous_pane_activated },
};

static void
set_enabled (MsWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action != NULL)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/* The one place that decides which actions can run now. */
void
_ms_window_update_actions (MsWindow *self)
{
  gboolean has_document = self->document != NULL;
  gboolean busy = has_document && ms_editor_get_busy (self->editor);
  gboolean has_file = has_document && ms_editor_get_file (self->editor) != NULL;
  gboolean modified = has_document && ms_editor_get_modified (self->editor);
  MsExternalChange change = has_document ? ms_editor_get_external_change (self->editor) : MS_EXTERNAL_CHANGE_NONE;
  gboolean has_project = has_document && ms_project_list_get_selected_project (self->project_list) != NULL;
  gboolean on_projects = g_strcmp0 (ms_window_get_visible_page (self), "projects") == 0;
  gboolean has_category = has_document && _ms_window_get_selected_category (self) != NULL;

  /* One save at a time: the editor would refuse a second. */
  set_enabled (self, "save", has_document && !busy && (modified || !has_file));
  set_enabled (self, "save-as", has_document && !busy);
  set_enabled (self, "reload", has_file && !busy && change != MS_EXTERNAL_CHANGE_DELETED);
  set_enabled (self, "keep-mine", change != MS_EXTERNAL_CHANGE_NONE);
  set_enabled (self, "cancel-loading", _ms_window_get_loading (self));
  set_enabled (self, "export-pdf", has_document);
  set_enabled (self, "export-chart", has_document);
  set_enabled (self, "export-csv", has_document);
  set_enabled (self, "export-ledger", has_document);
  set_enabled (self, "export-returns", has_document);
  set_enabled (self, "merge-returns", has_document);
  set_enabled (self, "print", has_document);
  set_enabled (self, "new-reporting-date", has_document && !busy);
  set_enabled (self, "search", has_document);
  set_enabled (self, "undo", self->history != NULL && ms_history_get_can_undo (self->history));
  set_enabled (self, "redo", self->history != NULL && ms_history_get_can_redo (self->history));
  set_enabled (self, "add-project", on_projects && (has_project || has_category));
  set_enabled (self, "remove-project", on_projects && has_project);
  set_enabled (self, "move-project-up", on_projects && has_project);
  set_enabled (self, "move-project-down", on_projects && has_project);
  set_enabled (self, "add-group", on_projects && has_category);
  set_enabled (self, "rename-group", on_projects && has_project);
  set_enabled (self, "move-group-up", on_projects && has_project);
  set_enabled (self, "move-group-down", on_projects && has_project);
  set_enabled (self, "remove-group", on_projects && has_project);
  set_enabled (self, "paste-into-ledger", on_projects && self->history != NULL && _ms_window_get_ledger_shown (self));
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), has_document);
}

static void
on_recent_changed_cb (MsWindow *self)
{
  _ms_window_update_recent_menu (self);
}

/* Reading the recently used list (every application's, often hundreds of
 * entries) waits until the window has shown its first frame. */
static gboolean
fill_recent_menu_cb (gpointer user_data)
{
  MsWindow *self = user_data;

  self->recent_menu_id = 0;
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (on_recent_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _ms_window_update_recent_menu (self);
  return G_SOURCE_REMOVE;
}

void
_ms_window_actions_init (MsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  self->recent_menu_id = g_idle_add_full (G_PRIORITY_LOW, fill_recent_menu_cb, self, NULL);
}
