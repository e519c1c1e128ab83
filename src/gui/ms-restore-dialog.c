/* ms-restore-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Restore Unsaved Changes?" after a crash, with Discard and Restore. It
 * only asks; restoring or forgetting the edits is the caller's.
 */

#define G_LOG_DOMAIN "ms-restore-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-restore-dialog.h"

struct _MsRestoreDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;
};

G_DEFINE_FINAL_TYPE (MsRestoreDialog, ms_restore_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
answer (MsRestoreDialog   *self,
        MsRestoreResponse  response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (task != NULL)
    g_task_return_int (task, response);
}

static void
ms_restore_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  MsRestoreDialog *self = MS_RESTORE_DIALOG (dialog);

  if (g_strcmp0 (response, "restore") == 0)
    answer (self, MS_RESTORE_RESTORE);
  else if (g_strcmp0 (response, "discard") == 0)
    answer (self, MS_RESTORE_DISCARD);
  else
    answer (self, MS_RESTORE_LATER);

  if (ADW_MESSAGE_DIALOG_CLASS (ms_restore_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (ms_restore_dialog_parent_class)->response (dialog, response);
}

static void
ms_restore_dialog_dispose (GObject *object)
{
  /* Gone without an answer: nothing is decided, the edits stay kept. */
  answer (MS_RESTORE_DIALOG (object), MS_RESTORE_LATER);

  G_OBJECT_CLASS (ms_restore_dialog_parent_class)->dispose (object);
}

static void
ms_restore_dialog_class_init (MsRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ms_restore_dialog_dispose;
  dialog_class->response = ms_restore_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-restore-dialog.ui");
}

static void
ms_restore_dialog_init (MsRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_message_dialog_prepare (ADW_MESSAGE_DIALOG (self));
}

/**
 * ms_restore_dialog_run_async:
 * @entry: the unsaved edits found
 *
 * Asks whether to restore the unsaved edits of @entry, saying when they
 * were made.
 */
void
ms_restore_dialog_run_async (GtkWindow             *parent,
                             const MsRecoveryEntry *entry,
                             GAsyncReadyCallback    callback,
                             gpointer               user_data)
{
  MsRestoreDialog *self;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (entry != NULL);

  self = g_object_new (MS_TYPE_RESTORE_DIALOG, "transient-for", parent, NULL);
  self->task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (self->task, ms_restore_dialog_run_async);

  local = g_date_time_to_local (entry->time);
  /* translators: a date and time in strftime format, such as 2026-11-30 14:05 */
  when = g_date_time_format (local, _("%Y-%m-%d %H:%M"));
  if (entry->title != NULL && entry->title[0] != '\0')
    name = g_strdup (entry->title);
  else if (entry->file != NULL)
    name = g_file_get_basename (entry->file);
  else
    name = g_strdup (_("Untitled"));

  if (entry->file != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (entry->file);

      /* translators: the first %s is a title, the second a time, the third a file */
      body = g_strdup_printf (_("Changes to “%s” made at %s were not saved when Minsheng Tracker last "
                                "stopped. Restore them, or discard them and open %s as it was saved."),
                              name, when, path);
    }
  else
    /* translators: the first %s is a title, the second a time */
    body = g_strdup_printf (_("Changes to the unsaved document “%s” made at %s were kept when Minsheng "
                              "Tracker last stopped. Restore them, or discard them."),
                            name, when);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_window_present (GTK_WINDOW (self));
}

MsRestoreResponse
ms_restore_dialog_run_finish (GAsyncResult *result)
{
  gssize response;

  g_return_val_if_fail (G_IS_TASK (result), MS_RESTORE_LATER);

  response = g_task_propagate_int (G_TASK (result), NULL);
  return response < 0 ? MS_RESTORE_LATER : (MsRestoreResponse)response;
}
