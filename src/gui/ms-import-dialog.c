/* ms-import-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-import-dialog"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-file.h"
#include "ms-gui-util.h"
#include "ms-import-dialog.h"
#include "ms-window-private.h"

/* Importing a notice: what was recognised is shown before it becomes a
 * document, with every warning and every line left out. */

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Text from the notice: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill_remarks (GtkListBox *list,
              GPtrArray  *remarks)
{
  for (guint i = 0; i < remarks->len; i++)
    {
      MsNoticeRemark *remark = g_ptr_array_index (remarks, i);
      /* translators: where a remark about an imported notice applies, such as "Line 12" */
      g_autofree char *where = remark->line ? g_strdup_printf (_("Line %u"), remark->line) : g_strdup (_("Whole text"));

      gtk_list_box_append (list, plain_row (remark->message, where));
    }
}

static void
accept_after_confirm (MsWindow *window,
                      gpointer  user_data)
{
  /* A document from a notice is unsaved work until saved: the editor takes it so. */
  ms_document_set_modified (user_data, TRUE);
  ms_window_set_document (window, user_data);
}

static void
on_accept_cb (GtkWindow *dialog)
{
  MsWindow *window = MS_WINDOW (gtk_window_get_transient_for (dialog));
  MsDocument *document = g_object_get_data (G_OBJECT (dialog), "ms-document");

  _ms_window_confirm_unsaved (window, accept_after_confirm, g_object_ref (document), g_object_unref);
  gtk_window_destroy (dialog);
}

/**
 * ms_import_dialog_present:
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWindow *
ms_import_dialog_present (MsWindow       *window,
                          const char     *name,
                          MsDocument     *document,
                          MsNoticeReport *report)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/minsheng/Tracker/ui/ms-import-dialog.ui");
  GtkWindow *dialog = GTK_WINDOW (gtk_builder_get_object (builder, "dialog"));
  GtkListBox *structure = GTK_LIST_BOX (gtk_builder_get_object (builder, "structure_list"));
  GListModel *categories = ms_document_get_categories (document);
  g_autofree char *summary = NULL;

  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  gtk_window_set_destroy_with_parent (dialog, TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "ms-document", g_object_ref (document), g_object_unref);

  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "title_label")), ms_document_get_title (document));
  ms_widget_mark_chinese (GTK_WIDGET (gtk_builder_get_object (builder, "title_label")));
  {
    /* translators: %s is the notice's file name, then its text encoding, such as GB18030 */
    g_autofree char *read_as = g_strdup_printf (_("%s: encoding: %s\n"), name, report->encoding);
    /* translators: %s is the notice's file name, then counts of what the import found */
    g_autofree char *counts = g_strdup_printf (_("%s: categories: %u, groups: %u, projects: %u\n"), name,
                                               report->n_categories, report->n_groups, report->n_projects);
    /* translators: %s is the notice's file name; the second count is of indicators with a figure */
    g_autofree char *indicators = g_strdup_printf (_("%s: indicators: %u, with a reported figure: %u\n"), name,
                                                   report->n_indicators, report->n_indicators_reported);

    summary = g_strstrip (g_strconcat (read_as, counts, indicators, NULL));
  }
  gtk_label_set_label (GTK_LABEL (gtk_builder_get_object (builder, "summary_label")), summary);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      GListModel *groups = ms_category_get_groups (category);
      GtkWidget *expander = adw_expander_row_new ();
      MsStats stats = { 0 };
      g_autofree char *detail = NULL;

      ms_stats_add_node (&stats, MS_NODE (category));
      /* translators: under a category in the import preview */
      detail = g_strdup_printf (_("groups: %u, projects: %u"), g_list_model_get_n_items (groups), stats.n_projects);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), ms_category_get_title (category));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), detail);

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);
          g_autofree char *heading = ms_group_dup_heading (group);
          guint n = g_list_model_get_n_items (ms_group_get_projects (group));
          /* translators: under a group in the import preview */
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), plain_row (heading, count));
        }
      gtk_list_box_append (structure, expander);
    }

  fill_remarks (GTK_LIST_BOX (gtk_builder_get_object (builder, "warnings_list")), report->warnings);
  fill_remarks (GTK_LIST_BOX (gtk_builder_get_object (builder, "dropped_list")), report->dropped);
  gtk_widget_set_visible (GTK_WIDGET (gtk_builder_get_object (builder, "warnings_group")), report->warnings->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (gtk_builder_get_object (builder, "dropped_group")), report->dropped->len > 0);

  g_signal_connect_swapped (gtk_builder_get_object (builder, "cancel_button"), "clicked",
                            G_CALLBACK (gtk_window_destroy), dialog);
  g_signal_connect_swapped (gtk_builder_get_object (builder, "accept_button"), "clicked",
                            G_CALLBACK (on_accept_cb), dialog);

  gtk_window_present (dialog);
  return dialog;
}

static void
choose_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    MsWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *contents = NULL;
      g_autoptr(MsNoticeReport) report = NULL;
      g_autoptr(MsDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      gsize length;

      if (!ms_file_load_contents (file, MS_NOTICE_MAX_SIZE, NULL, &contents, &length, NULL, &error))
        _ms_window_show_message (window, _("Could Not Read the Notice"), error->message);
      else if ((document = ms_notice_import (contents, length, &report, &error)) == NULL)
        _ms_window_show_message (window, _("Nothing to Import"), error->message);
      else
        ms_import_dialog_present (window, name, document, report);
    }

  g_object_unref (chooser);
  g_object_unref (window);
}

void
ms_import_dialog_choose_file (MsWindow *window)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import Notice"), GTK_WINDOW (window),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                                               _("_Cancel"));
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Text files"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
