/* ms-save-changes-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Save Changes?" with Save, Discard and Cancel. It only asks: what the
 * answer leads to (saving through the editor, closing) is the caller's.
 */

#define G_LOG_DOMAIN "ms-save-changes-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-save-changes-dialog.h"

struct _MsSaveChangesDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;
  gulong            cancelled_handler;
};

G_DEFINE_FINAL_TYPE (MsSaveChangesDialog, ms_save_changes_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
answer (MsSaveChangesDialog   *self,
        MsSaveChangesResponse  response)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  /* One answer per question, whatever the dialog emits later. */
  if (task == NULL)
    return;

  if (self->cancelled_handler != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), self->cancelled_handler);
  self->cancelled_handler = 0;
  g_task_return_int (task, response);
}

static void
ms_save_changes_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  MsSaveChangesDialog *self = MS_SAVE_CHANGES_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0)
    answer (self, MS_SAVE_CHANGES_SAVE);
  else if (g_strcmp0 (response, "discard") == 0)
    answer (self, MS_SAVE_CHANGES_DISCARD);
  else
    answer (self, MS_SAVE_CHANGES_CANCEL);

  if (ADW_MESSAGE_DIALOG_CLASS (ms_save_changes_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (ms_save_changes_dialog_parent_class)->response (dialog, response);
}

static void
ms_save_changes_dialog_dispose (GObject *object)
{
  MsSaveChangesDialog *self = (MsSaveChangesDialog *)object;

  /* Closed without an answer (its parent went away): that is Cancel. */
  answer (self, MS_SAVE_CHANGES_CANCEL);

  G_OBJECT_CLASS (ms_save_changes_dialog_parent_class)->dispose (object);
}

static void
ms_save_changes_dialog_class_init (MsSaveChangesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ms_save_changes_dialog_dispose;
  dialog_class->response = ms_save_changes_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-save-changes-dialog.ui");
}

static void
ms_save_changes_dialog_init (MsSaveChangesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_message_dialog_prepare (ADW_MESSAGE_DIALOG (self));
}

static gboolean
cancel_later_cb (gpointer user_data)
{
  MsSaveChangesDialog *self = user_data;

  if (self->task != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "cancel");
      gtk_window_close (GTK_WINDOW (self));
    }
  return G_SOURCE_REMOVE;
}

static void
on_cancelled_cb (GCancellable        *cancellable,
                 MsSaveChangesDialog *self)
{
  /* Cancelled fires once, and a handler must not disconnect itself: answer
   * from the main loop, where the answer may close windows. */
  self->cancelled_handler = 0;
  g_idle_add_full (G_PRIORITY_DEFAULT, cancel_later_cb, g_object_ref (self), g_object_unref);
}

/**
 * ms_save_changes_dialog_run_async:
 * @parent: the window whose document has unsaved changes
 * @title: the document's title, as text
 * @cancellable: (nullable): cancelling answers Cancel and closes the dialog
 *
 * Asks whether to save the unsaved changes of @title.
 */
void
ms_save_changes_dialog_run_async (GtkWindow           *parent,
                                  const char          *title,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  MsSaveChangesDialog *self;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (title != NULL);

  self = g_object_new (MS_TYPE_SAVE_CHANGES_DIALOG, "transient-for", parent, NULL);
  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, ms_save_changes_dialog_run_async);
  /* The answer is the answer, even to a question cancelled meanwhile. */
  g_task_set_check_cancellable (self->task, FALSE);

  /* translators: %s is the title of the yearly file */
  body = g_strdup_printf (_("“%s” has changes that are not saved. Unsaved changes are lost if you "
                            "discard them."), title);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  if (cancellable != NULL)
    self->cancelled_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled_cb), self, NULL);

  gtk_window_present (GTK_WINDOW (self));
}

MsSaveChangesResponse
ms_save_changes_dialog_run_finish (GAsyncResult  *result,
                                   GError       **error)
{
  gssize response;

  g_return_val_if_fail (G_IS_TASK (result), MS_SAVE_CHANGES_CANCEL);

  response = g_task_propagate_int (G_TASK (result), error);
  return response < 0 ? MS_SAVE_CHANGES_CANCEL : (MsSaveChangesResponse)response;
}
