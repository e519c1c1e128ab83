/* ms-returns-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which departments get a workbook to fill in, for which reporting date,
 * then the folder to write them into.
 */

#define G_LOG_DOMAIN "ms-returns-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-departments.h"
#include "ms-gui-util.h"
#include "ms-returns-dialog.h"
#include "ms-window-private.h"
#include "ms-xlsx-export.h"

struct _MsReturnsDialog
{
  AdwWindow       parent_instance;

  MsWindow       *window;
  MsDocument     *document;
  /* The departments' names, in the departments page's order */
  GPtrArray      *names;
  /* One check button per name */
  GPtrArray      *checks;

  /* Template widgets */
  AdwEntryRow    *date_row;
  GtkListBox     *departments_list;
  GtkWidget      *date_group;
};

G_DEFINE_FINAL_TYPE (MsReturnsDialog, ms_returns_dialog, ADW_TYPE_WINDOW)

static gboolean
read_date (MsReturnsDialog *self,
           MsDate          *date)
{
  return ms_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date);
}

static guint
count_chosen (MsReturnsDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

/* Export needs a real date and at least one department. */
static void
update_export (MsReturnsDialog *self)
{
  MsDate date;
  gboolean valid = read_date (self, &date);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "returns.export", valid && count_chosen (self) > 0);
}

static void
date_changed_cb (MsReturnsDialog *self)
{
  update_export (self);
}

static void
department_activated_cb (MsReturnsDialog *self,
                         GtkListBoxRow   *row)
{
  int position = gtk_list_box_row_get_index (row);
  GtkCheckButton *check;

  if (position < 0 || (guint)position >= self->checks->len)
    return;

  check = g_ptr_array_index (self->checks, position);
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
  update_export (self);
}

static void
choose_all (MsReturnsDialog *self,
            gboolean         chosen)
{
  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), chosen);
  update_export (self);
}

static void
choose_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  choose_all (MS_RETURNS_DIALOG (widget), TRUE);
}

static void
choose_none_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_all (MS_RETURNS_DIALOG (widget), FALSE);
}

/**
 * ms_returns_dialog_export_to:
 * @directory: an existing folder
 *
 * Writes the workbooks of the chosen departments into @directory, as the
 * Export button does once a folder is chosen.
 *
 * Returns: %TRUE when every workbook was written
 */
gboolean
ms_returns_dialog_export_to (MsReturnsDialog  *self,
                             const char       *directory,
                             GError          **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GPtrArray) written = NULL;
  MsDate date;

  g_return_val_if_fail (MS_IS_RETURNS_DIALOG (self), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);

  if (!read_date (self, &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* translators: %s is what was typed as the reporting date */
                   _("“%s” is not a date (YYYY-MM-DD)"), gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
      return FALSE;
    }
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (chosen, g_ptr_array_index (self->names, i));
  if (chosen->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Choose at least one department"));
      return FALSE;
    }

  if (!ms_xlsx_write_returns (self->document, date, directory, chosen, &written, error))
    return FALSE;

  {
    /* translators: after exporting return sheets, %u is how many workbooks were written */
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u workbook written",
                                                             "%u workbooks written", written->len),
                                                written->len);

    _ms_window_toast (self->window, message);
  }
  return TRUE;
}

static void
folder_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    MsReturnsDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("The folder must be on this computer"));
      if (error == NULL && ms_returns_dialog_export_to (self, path, &error))
        gtk_window_close (GTK_WINDOW (self));
      else
        _ms_window_show_message (self->window, _("Could Not Export the Return Sheets"), error->message);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MsReturnsDialog *self = MS_RETURNS_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Folder for the Return Sheets"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (folder_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
add_department_rows (MsReturnsDialog *self)
{
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (self->document));
  GListModel *model = G_LIST_MODEL (departments);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (model, i);
      guint n_projects = ms_department_get_n_projects (department);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n_projects),
                                                   n_projects);

      /* Names come from the file: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ms_department_get_name (department));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      ms_department_get_name (department), -1);
      /* The row takes the click, so the whole row toggles and is one stop for the keyboard. */
      gtk_widget_set_can_target (check, FALSE);
      gtk_widget_set_can_focus (check, FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_list_box_append (self->departments_list, row);

      g_ptr_array_add (self->names, g_strdup (ms_department_get_name (department)));
      g_ptr_array_add (self->checks, check);
    }
}

static void
ms_returns_dialog_dispose (GObject *object)
{
  MsReturnsDialog *self = MS_RETURNS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_RETURNS_DIALOG);
  g_clear_object (&self->document);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);

  G_OBJECT_CLASS (ms_returns_dialog_parent_class)->dispose (object);
}

static void
ms_returns_dialog_class_init (MsReturnsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_returns_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-returns-dialog.ui");
  /* A window of its own for a task, read as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, MsReturnsDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, MsReturnsDialog, departments_list);
  gtk_widget_class_bind_template_child (widget_class, MsReturnsDialog, date_group);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, department_activated_cb);

  gtk_widget_class_install_action (widget_class, "returns.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "returns.choose-all", NULL, choose_all_action);
  gtk_widget_class_install_action (widget_class, "returns.choose-none", NULL, choose_none_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ms_returns_dialog_init (MsReturnsDialog *self)
{
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_widget_name_mnemonic_buttons (GTK_WIDGET (self));
  ms_widget_name_inner_list (self->date_group, _("Date of the figures"));
}

/**
 * ms_returns_dialog_new:
 *
 * Returns: (transfer floating): the dialog for @window's document, every
 *   department chosen, the reporting date the file's (else today)
 */
GtkWidget *
ms_returns_dialog_new (MsWindow *window)
{
  MsReturnsDialog *self;
  MsDocument *document = ms_window_get_document (window);
  MsDate as_of;
  g_autofree char *date = NULL;

  g_return_val_if_fail (MS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (MS_TYPE_RETURNS_DIALOG, "transient-for", window, NULL);
  self->window = window;
  self->document = g_object_ref (document);
  as_of = ms_document_get_as_of (document);
  date = ms_date_to_string (as_of != MS_DATE_NONE ? as_of : ms_date_today ());
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  add_department_rows (self);
  update_export (self);

  return GTK_WIDGET (self);
}

guint
ms_returns_dialog_get_n_departments (MsReturnsDialog *self)
{
  g_return_val_if_fail (MS_IS_RETURNS_DIALOG (self), 0);

  return self->names->len;
}

void
ms_returns_dialog_set_department_chosen (MsReturnsDialog *self,
                                         guint            position,
                                         gboolean         chosen)
{
  g_return_if_fail (MS_IS_RETURNS_DIALOG (self));
  g_return_if_fail (position < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, position), chosen);
  update_export (self);
}
