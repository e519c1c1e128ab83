/* ms-window-actions.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-chart-view.h"
#include "ms-csv.h"
#include "ms-import-dialog.h"
#include "ms-print.h"
#include "ms-report.h"
#include "ms-window-private.h"

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

/* A message in plain words; the body is never parsed as markup. */
void
_ms_window_show_message (MsWindow   *self,
                         const char *heading,
                         const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving */

static void save_with_chooser (MsWindow *self, Continuation *after);
static void ask_unsaved (MsWindow *self, Continuation *after);

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Continuation *after = user_data;
  /* Going on may close the window and drop the continuation's reference. */
  g_autoptr(MsWindow) self = g_object_ref (after->self);
  g_autoptr(GError) error = NULL;

  self->saving = FALSE;

  if (!ms_document_save_finish (MS_DOCUMENT (object), result, &error))
    {
      if (self->history != NULL && MS_DOCUMENT (object) == self->document)
        ms_history_end_save (self->history, FALSE);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        {
          gtk_revealer_set_reveal_child (self->changed_revealer, TRUE);
          _ms_window_show_message (self, _("The File Changed on Disk"),
                                   _("Another program changed the file since it was opened here. "
                                     "Reload it, or choose “Keep Mine” and save again to overwrite it."));
        }
      else
        _ms_window_show_message (self, _("Could Not Save"), error->message);
      /* The document stays modified; the caller does not go on. */
      self->close_after_save = FALSE;
      continuation_free (after);
      _ms_window_update_actions (self);
      return;
    }

  /* The state whose bytes were written is saved, not edits made since. */
  if (self->history != NULL && MS_DOCUMENT (object) == self->document)
    ms_history_end_save (self->history, TRUE);
  {
    g_autofree char *name = ms_document_dup_display_name (MS_DOCUMENT (object));
    /* Toasts parse markup: a file name is text. */
    g_autofree char *escaped = g_markup_escape_text (name, -1);
    /* translators: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), escaped);

    _ms_window_toast (self, message);
  }
  /* After Save As, or a first save, watch the file now written. */
  _ms_window_watch_file (self);
  {
    g_autofree char *path = g_file_get_path (ms_document_get_file (MS_DOCUMENT (object)));

    if (self->settings != NULL && path != NULL)
      g_settings_set_string (self->settings, "last-file", path);
  }
  _ms_window_update_actions (self);

  /* Edits typed while the file was written are unsaved: a question answered
   * with Save is asked again rather than going on without them. */
  if (after->then != NULL && ms_document_get_modified (MS_DOCUMENT (object)))
    ask_unsaved (self, after);
  else
    continuation_run (after);

  if (self->close_after_save)
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_to (MsWindow     *self,
         GFile        *file,
         Continuation *after)
{
  self->saving = TRUE;
  if (self->history != NULL)
    ms_history_begin_save (self->history);
  ms_document_save_async (self->document, file, self->cancellable, save_cb, after);
  /* One save at a time: a second would race the first for the file. */
  _ms_window_update_actions (self);
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
  if (ms_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), ms_document_get_file (self->document), NULL);
  else
    {
      name = g_strdup_printf ("%s.json", ms_document_get_title (self->document)[0]
                                         ? ms_document_get_title (self->document) : _("Untitled"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (save_chooser_response_cb), after);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_then (MsWindow     *self,
           Continuation *after)
{
  /* A save is already writing: what waits on this one does not go on. */
  if (self->saving)
    {
      continuation_free (after);
      return;
    }

  if (ms_document_get_file (self->document) == NULL)
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
  g_return_if_fail (self->document != NULL);

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
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Continuation *after = user_data;

  /* One answer per question, whatever the dialog emits later. */
  g_signal_handlers_disconnect_by_func (dialog, unsaved_response_cb, user_data);

  /* Go on once the dialog has closed: going on may close its parent. */
  if (g_strcmp0 (response, "save") == 0)
    save_then (after->self, after);
  else if (g_strcmp0 (response, "discard") == 0)
    g_idle_add (continue_later, after);
  else
    continuation_free (after);
}

/**
 * _ms_window_confirm_unsaved:
 *
 * Asks what to do with unsaved changes (Save, Discard, Cancel) and runs
 * @then unless the user cancels or the save fails.
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
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->document == NULL || !ms_document_get_modified (self->document))
    {
      continuation_run (after);
      return;
    }

  name = ms_document_get_title (self->document)[0] ? g_strdup (ms_document_get_title (self->document))
                                                    : ms_document_dup_display_name (self->document);
  /* translators: %s is the title of the yearly file */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Unsaved changes are lost if you "
                            "discard them."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (unsaved_response_cb), after);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Watching the file on disk */

static void
on_file_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event,
                    MsWindow          *self)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *known;

  if (self->saving || self->document == NULL)
    return;
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_CREATED &&
      event != G_FILE_MONITOR_EVENT_DELETED && event != G_FILE_MONITOR_EVENT_RENAMED)
    return;

  /* Our own saves leave the entity tag we know. */
  known = ms_document_get_etag (self->document);
  info = g_file_query_info (ms_document_get_file (self->document), G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && known != NULL && g_strcmp0 (g_file_info_get_etag (info), known) == 0)
    return;

  gtk_revealer_set_reveal_child (self->changed_revealer, TRUE);
}

void
_ms_window_watch_file (MsWindow *self)
{
  GFile *file = self->document ? ms_document_get_file (self->document) : NULL;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    {
      g_file_monitor_set_rate_limit (self->monitor, 500);
      g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed_cb), self, 0);
    }
}

/* Actions */

static void
new_after_confirm (MsWindow *self,
                   gpointer  user_data)
{
  g_autoptr(MsDocument) document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();

  /* A new file starts with one category and one group, ready for projects. */
  ms_category_set_id (category, "municipal");
  ms_category_set_title (category, _("Projects"));
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (document, 0, category);
  ms_document_set_modified (document, FALSE);
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

  if (self->document != NULL)
    save_then (self, continuation_new (self, NULL, NULL, NULL));
}

static void
save_as_activated (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->document != NULL)
    save_with_chooser (self, continuation_new (self, NULL, NULL, NULL));
}

static void
reload_after_confirm (MsWindow *self,
                      gpointer  user_data)
{
  GFile *file = ms_document_get_file (self->document);

  gtk_revealer_set_reveal_child (self->changed_revealer, FALSE);
  if (file != NULL)
    ms_window_load_file (self, file);
}

static void
reload_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->document != NULL)
    _ms_window_confirm_unsaved (self, reload_after_confirm, NULL, NULL);
}

static void
keep_mine_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  MsWindow *self = user_data;

  /* The next save overwrites what the other program wrote. */
  gtk_revealer_set_reveal_child (self->changed_revealer, FALSE);
  if (self->document != NULL)
    {
      ms_document_forget_etag (self->document);
      ms_document_set_modified (self->document, TRUE);
      /* No undo brings back what is on disk now. */
      if (self->history != NULL)
        ms_history_forget_saved (self->history);
    }
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

static guint
next_project_number (MsWindow *self)
{
  GListModel *categories = ms_document_get_categories (self->document);
  MsCategory *category = _ms_window_get_selected_category (self);
  guint highest = 0;

  /* Numbers run on within the category listed. */
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *candidate = ms_document_get_category (self->document, c);

      if (category != NULL && candidate != category)
        continue;
      for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (candidate)); g++)
        {
          MsGroup *group = ms_category_get_group (candidate, g);

          for (guint p = 0; p < g_list_model_get_n_items (ms_group_get_projects (group)); p++)
            highest = MAX (highest, ms_project_get_number (ms_group_get_project (group, p)));
        }
    }

  return highest + 1;
}

static void
add_project_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autoptr(MsProject) project = ms_project_new ();
  MsProject *selected;
  MsGroup *group;
  guint position = 0;

  if (self->document == NULL)
    return;

  if (locate_selected (self, &selected, &group, &position))
    position++;
  else
    {
      MsCategory *category = _ms_window_get_selected_category (self);
      GListModel *groups = category ? ms_category_get_groups (category) : NULL;

      if (groups == NULL || g_list_model_get_n_items (groups) == 0)
        return;
      group = ms_category_get_group (category, g_list_model_get_n_items (groups) - 1);
      position = g_list_model_get_n_items (ms_group_get_projects (group));
    }

  ms_project_set_number (project, next_project_number (self));
  ms_history_insert (self->history, N_("Add Project"), MS_NODE (group), position, MS_NODE (project));
  ms_project_list_select_project (self->project_list, project);
}

static void
remove_project_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  MsWindow *self = user_data;
  MsProject *project;
  MsGroup *group;
  guint position;

  if (locate_selected (self, &project, &group, &position))
    {
      ms_history_remove (self->history, N_("Remove Project"), MS_NODE (group), position);
      /* translators: shown after a project was removed */
      _ms_window_toast (self, _("Project removed. Undo with Ctrl+Z."));
    }
}

static void
move_project (MsWindow *self,
              int       delta)
{
  MsProject *project;
  MsGroup *group;
  guint position;
  guint n;

  if (!locate_selected (self, &project, &group, &position))
    return;

  n = g_list_model_get_n_items (ms_group_get_projects (group));
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  g_object_ref (project);
  ms_history_move (self->history, N_("Move Project"), MS_NODE (group), position, position + delta);
  ms_project_list_select_project (self->project_list, project);
  g_object_unref (project);
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

static gboolean
locate_group (MsWindow    *self,
              MsCategory **category,
              MsGroup    **group,
              guint       *position)
{
  MsProject *project;
  guint ignored;

  if (!locate_selected (self, &project, group, &ignored))
    return FALSE;

  *category = ms_group_get_category (*group);
  for (guint i = 0; *category && i < g_list_model_get_n_items (ms_category_get_groups (*category)); i++)
    {
      if (ms_category_get_group (*category, i) == *group)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_group_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autoptr(MsGroup) group = ms_group_new ();
  g_autoptr(MsProject) project = ms_project_new ();
  MsCategory *category = _ms_window_get_selected_category (self);
  guint n;

  if (category == NULL)
    return;

  /* A new group comes with a first project to fill in. */
  n = g_list_model_get_n_items (ms_category_get_groups (category));
  ms_group_set_number (group, n + 1);
  ms_group_set_title (group, _("New group"));
  ms_project_set_number (project, next_project_number (self));
  ms_group_insert_project (group, 0, project);
  ms_history_insert (self->history, N_("Add Group"), MS_NODE (category), n, MS_NODE (group));
  ms_project_list_select_project (self->project_list, project);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    MsWindow         *self)
{
  MsGroup *group = g_object_get_data (G_OBJECT (dialog), "ms-group");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "ms-entry");

  if (g_strcmp0 (response, "rename") == 0 && group != NULL && self->history != NULL)
    {
      ms_history_set_string (self->history, N_("Rename Group"), G_OBJECT (group), "title",
                             gtk_editable_get_text (entry));
      ms_history_break_merge (self->history);
    }
}

static void
rename_group_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  MsWindow *self = user_data;
  MsCategory *category;
  MsGroup *group;
  guint position;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (!locate_group (self, &category, &group, &position))
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
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_group (MsWindow *self,
            int       delta)
{
  MsCategory *category;
  MsGroup *group;
  guint position;
  guint n;

  if (!locate_group (self, &category, &group, &position))
    return;

  n = g_list_model_get_n_items (ms_category_get_groups (category));
  if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;

  ms_history_move (self->history, N_("Move Group"), MS_NODE (category), position, position + delta);
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
  MsCategory *category;
  MsGroup *group;
  guint position;

  if (locate_group (self, &category, &group, &position))
    {
      ms_history_remove (self->history, N_("Remove Group"), MS_NODE (category), position);
      _ms_window_toast (self, _("Group removed. Undo with Ctrl+Z."));
    }
}

static void
import_notice_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  ms_import_dialog_choose_file (MS_WINDOW (user_data));
}

static char *
report_language (MsWindow *self)
{
  return self->settings ? g_settings_get_string (self->settings, "report-language") : g_strdup ("");
}

static MsPaper
report_paper (MsWindow *self)
{
  g_autofree char *name = self->settings ? g_settings_get_string (self->settings, "report-paper") : NULL;
  MsPaper paper = MS_PAPER_A4;

  if (name != NULL)
    ms_paper_from_string (name, &paper);
  return paper;
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

static void
export_pdf_response_cb (GtkNativeDialog *dialog,
                        int              response,
                        MsWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *language = report_language (self);
      g_autoptr(MsReport) report = ms_report_new (self->document, language[0] ? language : NULL,
                                                  report_paper (self), NULL);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !ms_report_write_pdf (report, path, &error))
        _ms_window_show_message (self, _("Could Not Export the Report"),
                                 error ? error->message : _("The file must be on this computer"));
      else
        _ms_window_toast (self, _("Report exported"));
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_pdf_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  MsWindow *self = user_data;
  g_autofree char *name = suggested_name (self, _("Report"), ".pdf");

  present_export_chooser (self, _("Export Report as PDF"), name, NULL, G_CALLBACK (export_pdf_response_cb), NULL);
}

/* The chart on screen now: the one to export. */
static GtkWidget *
visible_chart (MsWindow *self)
{
  const char *page = ms_window_get_visible_page (self);

  if (g_strcmp0 (page, "overview") == 0)
    return ms_overview_page_get_chart (self->overview_page);
  if (g_strcmp0 (page, "departments") == 0)
    return ms_departments_page_get_chart (self->departments_page);
  if (g_strcmp0 (page, "projects") == 0 && ms_project_view_get_project (self->project_view) != NULL)
    return ms_project_view_get_chart (self->project_view);

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

      if (path == NULL ||
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

      if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, NULL, &error))
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
print_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MsWindow *self = user_data;

  if (self->document != NULL)
    ms_print_dialog_present (self, self->document, _ms_window_get_selected_category (self),
                             ms_project_view_get_project (self->project_view));
}

static void
close_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
}

static const GActionEntry window_actions[] = {
  { "new", new_activated },
  { "open", open_activated },
  { "open-recent", open_recent_activated, "s" },
  { "save", save_activated },
  { "save-as", save_as_activated },
  { "reload", reload_activated },
  { "keep-mine", keep_mine_activated },
  { "import-notice", import_notice_activated },
  { "export-pdf", export_pdf_activated },
  { "export-chart", export_chart_activated },
  { "export-csv", export_csv_activated },
  { "print", print_activated },
  { "undo", undo_activated },
  { "redo", redo_activated },
  { "search", search_activated },
  { "show-section", show_section_activated, "s" },
  { "add-project", add_project_activated },
  { "remove-project", remove_project_activated },
  { "move-project-up", move_project_up_activated },
  { "move-project-down", move_project_down_activated },
  { "add-group", add_group_activated },
  { "rename-group", rename_group_activated },
  { "move-group-up", move_group_up_activated },
  { "move-group-down", move_group_down_activated },
  { "remove-group", remove_group_activated },
  { "close", close_activated },
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
  gboolean modified = has_document && ms_document_get_modified (self->document);
  gboolean has_project = has_document && ms_project_list_get_selected_project (self->project_list) != NULL;
  gboolean on_projects = g_strcmp0 (ms_window_get_visible_page (self), "projects") == 0;
  gboolean has_category = has_document && _ms_window_get_selected_category (self) != NULL;

  set_enabled (self, "save",
               !self->saving && (modified || (has_document && ms_document_get_file (self->document) == NULL)));
  set_enabled (self, "save-as", has_document && !self->saving);
  set_enabled (self, "reload", has_document && ms_document_get_file (self->document) != NULL);
  set_enabled (self, "export-pdf", has_document);
  set_enabled (self, "export-chart", has_document);
  set_enabled (self, "export-csv", has_document);
  set_enabled (self, "print", has_document);
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
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), has_document);
}

static void
on_recent_changed_cb (MsWindow *self)
{
  _ms_window_update_recent_menu (self);
}

void
_ms_window_actions_init (MsWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions, G_N_ELEMENTS (window_actions), self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (on_recent_changed_cb), self,
                           G_CONNECT_SWAPPED);
  _ms_window_update_recent_menu (self);
}
