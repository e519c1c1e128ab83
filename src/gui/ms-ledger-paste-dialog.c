/* ms-ledger-paste-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-ledger-paste-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-ledger-paste-dialog.h"

/* Before cells pasted onto the ledger change anything: what each project
 * holds now and what it would hold. File text shows literally. */
struct _MsLedgerPasteDialog
{
  AdwMessageDialog  parent_instance;

  GTask            *task;

  GtkListBox       *changes_list;
};

G_DEFINE_FINAL_TYPE (MsLedgerPasteDialog, ms_ledger_paste_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A dialog of thousands of rows helps no one: the first ones, and a count. */
#define MAX_ROWS_SHOWN 200

static void
answer (MsLedgerPasteDialog *self,
        gboolean             paste)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  /* One answer per question, whatever the dialog emits later. */
  if (task != NULL)
    g_task_return_boolean (task, paste);
}

static void
ms_ledger_paste_dialog_response (AdwMessageDialog *dialog,
                                 const char       *response)
{
  answer (MS_LEDGER_PASTE_DIALOG (dialog), g_strcmp0 (response, "paste") == 0);

  if (ADW_MESSAGE_DIALOG_CLASS (ms_ledger_paste_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (ms_ledger_paste_dialog_parent_class)->response (dialog, response);
}

static void
ms_ledger_paste_dialog_dispose (GObject *object)
{
  MsLedgerPasteDialog *self = (MsLedgerPasteDialog *)object;

  /* Closed without an answer (its parent went away): nothing is pasted. */
  answer (self, FALSE);

  G_OBJECT_CLASS (ms_ledger_paste_dialog_parent_class)->dispose (object);
}

static void
ms_ledger_paste_dialog_class_init (MsLedgerPasteDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = ms_ledger_paste_dialog_dispose;
  dialog_class->response = ms_ledger_paste_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-ledger-paste-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MsLedgerPasteDialog, changes_list);
}

static void
ms_ledger_paste_dialog_init (MsLedgerPasteDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_message_dialog_prepare (ADW_MESSAGE_DIALOG (self));
}

static GtkWidget *
text_label (const char *text,
            int         lines)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  ms_widget_mark_chinese (label);
  return label;
}

static void
add_row (MsLedgerPasteDialog *self,
         const char          *title,
         const char          *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title_label = text_label (title, 1);
  GtkWidget *detail_label = text_label (detail, 3);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_widget_add_css_class (title_label, "heading");
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), title_label);
  gtk_box_append (GTK_BOX (box), detail_label);
  gtk_widget_set_visible (detail_label, detail[0] != '\0');
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->changes_list, row);
}

static char *
dup_actual_text (const MsPasteChange *change,
                 gboolean             has_actual,
                 double               actual)
{
  if (!has_actual)
    /* translators: in the paste preview, an indicator without a reported figure */
    return g_strdup (_("not reported"));
  return ms_l10n_format_figure (ms_l10n_get_system_language (), actual, ms_indicator_get_unit (change->indicator));
}

static void
fill_changes (MsLedgerPasteDialog *self,
              MsPastePlan         *plan)
{
  guint n = ms_paste_plan_get_n_changes (plan);

  for (guint i = 0; i < MIN (n, MAX_ROWS_SHOWN); i++)
    {
      const MsPasteChange *change = ms_paste_plan_get_change (plan, i);
      g_autofree char *title = ms_project_dup_short_title (change->project);
      /* translators: a project in the paste preview: its number and short title */
      g_autofree char *project = g_strdup_printf (_("%u · %s"), ms_project_get_number (change->project), title);
      g_autoptr(GString) detail = g_string_new (NULL);

      /* A block of figures beside texts changes both: one line each. */
      if (change->indicator != NULL)
        {
          g_autofree char *old_value = dup_actual_text (change, change->had_actual, change->old_actual);
          g_autofree char *new_value = dup_actual_text (change, TRUE, change->new_actual);

          /* translators: a change in the paste preview: the field, its value now and the
           * value pasted, such as "城镇新增就业: 31,000 people → 36,000 people" */
          g_string_append_printf (detail, _("%s: %s → %s"), ms_indicator_get_name (change->indicator),
                                  old_value, new_value);
        }
      if (change->new_text != NULL)
        {
          if (detail->len > 0)
            g_string_append_c (detail, '\n');
          g_string_append_printf (detail, _("%s: %s → %s"),
                                  /* translators: in the paste preview, the field a pasted text replaces */
                                  _("Completion"),
                                  change->old_text[0] != '\0' ? change->old_text : "—", change->new_text);
        }
      add_row (self, project, detail->str);
    }

  if (n > MAX_ROWS_SHOWN)
    {
      /* translators: the last line of the paste preview, %u is how many changes are not listed */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more change",
                                                            "and %u more changes", n - MAX_ROWS_SHOWN),
                                               n - MAX_ROWS_SHOWN);

      add_row (self, more, "");
    }
}

/**
 * ms_ledger_paste_dialog_run_async:
 * @plan: (transfer none): the changes to show; the caller keeps it
 *
 * Shows what a paste would change and asks whether to paste.
 */
void
ms_ledger_paste_dialog_run_async (GtkWindow           *parent,
                                  MsPastePlan         *plan,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  MsLedgerPasteDialog *self;
  guint n;
  g_autofree char *body = NULL;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (plan != NULL);

  self = g_object_new (MS_TYPE_LEDGER_PASTE_DIALOG, "transient-for", parent, NULL);
  self->task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (self->task, ms_ledger_paste_dialog_run_async);

  n = ms_paste_plan_get_n_changes (plan);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self),
                                  ms_paste_plan_get_field (plan) == MS_PASTE_ACTUAL ? _("Paste Figures?")
                                  : ms_paste_plan_get_field (plan) == MS_PASTE_COMPLETION ? _("Paste Completion Texts?")
                                  : _("Paste Figures and Completion Texts?"));
  if (ms_paste_plan_get_field (plan) == MS_PASTE_ACTUAL_AND_COMPLETION)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* translators: the paste preview's text, %u is how many projects change */
                                         "%u project changes: figures recorded as progress of the reporting date, "
                                         "completion texts replaced. Undo takes the whole paste back.",
                                         "%u projects change: figures recorded as progress of the reporting date, "
                                         "completion texts replaced. Undo takes the whole paste back.", n), n);
  else if (ms_paste_plan_get_field (plan) == MS_PASTE_ACTUAL)
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* translators: the paste preview's text, %u is how many projects change */
                                         "%u project gets a new figure, recorded as progress of the reporting "
                                         "date. Undo takes the whole paste back.",
                                         "%u projects get a new figure, recorded as progress of the reporting "
                                         "date. Undo takes the whole paste back.", n), n);
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* translators: the paste preview's text, %u is how many projects change */
                                         "%u project gets a new completion text. Undo takes the whole paste back.",
                                         "%u projects get a new completion text. Undo takes the whole paste back.",
                                         n), n);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  fill_changes (self, plan);

  gtk_window_present (GTK_WINDOW (self));
}

gboolean
ms_ledger_paste_dialog_run_finish (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}
