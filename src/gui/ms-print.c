/* ms-print.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-print.h"
#include "ms-settings.h"

/* The dialog: what to print, in which language, with a preview. */

typedef struct
{
  MsWindow        *window;
  MsDocument      *document;
  MsCategory      *category;
  MsProject       *project;
  GSettings       *settings;
  GtkBuilder      *builder;
  GtkWindow       *dialog;
  MsReportPreview *preview;
} PrintDialog;

static void
print_dialog_free (PrintDialog *pd)
{
  g_clear_object (&pd->window);
  g_clear_object (&pd->document);
  g_clear_object (&pd->category);
  g_clear_object (&pd->project);
  g_clear_object (&pd->settings);
  g_clear_object (&pd->builder);
  g_free (pd);
}

static GObject *
get (PrintDialog *pd,
     const char  *name)
{
  return gtk_builder_get_object (pd->builder, name);
}

static MsReport *
build_report (PrintDialog *pd)
{
  static const char * const languages[] = { NULL, "zh_CN", "en" };
  guint language = adw_combo_row_get_selected (ADW_COMBO_ROW (get (pd, "language_row")));
  MsPaper paper = adw_combo_row_get_selected (ADW_COMBO_ROW (get (pd, "paper_row")));

  language = MIN (language, 2);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (get (pd, "scope_overview"))))
    return ms_report_new_for_scope (pd->document, MS_REPORT_SCOPE_OVERVIEW, NULL, languages[language], paper, NULL);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (get (pd, "scope_category"))) && pd->category != NULL)
    return ms_report_new_for_scope (pd->document, MS_REPORT_SCOPE_CATEGORY, MS_NODE (pd->category),
                                    languages[language], paper, NULL);
  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (get (pd, "scope_project"))) && pd->project != NULL)
    return ms_report_new_for_scope (pd->document, MS_REPORT_SCOPE_PROJECT, MS_NODE (pd->project),
                                    languages[language], paper, NULL);

  return ms_report_new (pd->document, languages[language], paper, NULL);
}

static void
update_page_label (PrintDialog *pd,
                   guint        n_pages)
{
  guint page = ms_report_preview_get_page (pd->preview);
  /* translators: in the print preview, such as "Page 3 of 17" */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

  gtk_label_set_label (GTK_LABEL (get (pd, "page_label")), text);
  gtk_widget_set_sensitive (GTK_WIDGET (get (pd, "previous_button")), page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (get (pd, "next_button")), page + 1 < n_pages);
}

static void
refresh_preview (PrintDialog *pd)
{
  MsReport *report = build_report (pd);
  guint n_pages = ms_report_get_n_pages (report);

  ms_report_preview_set_report (pd->preview, report);
  update_page_label (pd, n_pages);

  if (pd->settings != NULL)
    {
      static const char * const papers[] = { "a4", "a3", "letter" };
      static const char * const languages[] = { "", "zh_CN", "en" };
      guint paper = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (get (pd, "paper_row"))), 2);
      guint language = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (get (pd, "language_row"))), 2);

      g_settings_set_string (pd->settings, "report-paper", papers[paper]);
      g_settings_set_string (pd->settings, "report-language", languages[language]);
    }
}

static void
on_previous_cb (PrintDialog *pd)
{
  guint page = ms_report_preview_get_page (pd->preview);

  if (page > 0)
    ms_report_preview_set_page (pd->preview, page - 1);
  update_page_label (pd, ms_report_preview_get_n_pages (pd->preview));
}

static void
on_next_cb (PrintDialog *pd)
{
  ms_report_preview_set_page (pd->preview, ms_report_preview_get_page (pd->preview) + 1);
  update_page_label (pd, ms_report_preview_get_n_pages (pd->preview));
}

static void
on_print_cb (PrintDialog *pd)
{
  g_autoptr(MsReport) report = build_report (pd);
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (pd->dialog), FALSE);
  if (ms_print_run (GTK_WINDOW (pd->window), report, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (pd->window), _("Could Not Print"), NULL);

      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (message), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
  gtk_window_destroy (pd->dialog);
}

static void
pdf_response_cb (GtkNativeDialog *chooser,
                 int              response,
                 PrintDialog     *pd)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(MsReport) report = build_report (pd);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !ms_report_write_pdf (report, path, &error))
        {
          GtkWidget *message = adw_message_dialog_new (GTK_WINDOW (pd->dialog), _("Could Not Export the Report"), NULL);

          adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (message),
                                       error ? error->message : _("The file must be on this computer"));
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
      else
        gtk_window_destroy (pd->dialog);
    }

  g_object_unref (chooser);
}

static void
on_pdf_cb (PrintDialog *pd)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Save Report as PDF"), pd->dialog,
                                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                                               _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("report.pdf"));
  g_signal_connect (chooser, "response", G_CALLBACK (pdf_response_cb), pd);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * ms_print_dialog_present:
 * @category: (nullable): the category shown in the window
 * @project: (nullable): the project shown in the window
 *
 * Our own dialog comes first: the print portal cannot show a custom tab.
 */
void
ms_print_dialog_present (MsWindow   *window,
                         MsDocument *document,
                         MsCategory *category,
                         MsProject  *project)
{
  PrintDialog *pd = g_new0 (PrintDialog, 1);
  g_autofree char *paper = NULL;
  g_autofree char *language = NULL;

  g_type_ensure (MS_TYPE_REPORT_PREVIEW);

  pd->window = g_object_ref (window);
  pd->document = g_object_ref (document);
  pd->category = category ? g_object_ref (category) : NULL;
  pd->project = project ? g_object_ref (project) : NULL;
  pd->settings = ms_settings_new ();
  pd->builder = gtk_builder_new_from_resource ("/io/minsheng/Tracker/ui/ms-print-dialog.ui");
  pd->dialog = GTK_WINDOW (get (pd, "dialog"));
  pd->preview = MS_REPORT_PREVIEW (get (pd, "preview"));
  g_object_set_data_full (G_OBJECT (pd->dialog), "ms-print-dialog", pd, (GDestroyNotify)print_dialog_free);

  gtk_window_set_transient_for (pd->dialog, GTK_WINDOW (window));
  gtk_window_set_destroy_with_parent (pd->dialog, TRUE);

  if (category != NULL)
    {
      /* translators: a print choice; %s is a category such as 省重点民生实事 */
      g_autofree char *title = g_strdup_printf (_("The category “%s”"), ms_category_get_title (category));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (get (pd, "category_row")), title);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (get (pd, "category_row")), FALSE);

  if (project != NULL)
    {
      g_autofree char *short_title = ms_project_dup_short_title (project);
      /* translators: a print choice; %u is a project number, %s its short title */
      g_autofree char *title = g_strdup_printf (_("Project %u: %s"), ms_project_get_number (project), short_title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (get (pd, "project_row")), title);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (get (pd, "project_row")), FALSE);

  if (pd->settings != NULL)
    {
      MsPaper chosen = MS_PAPER_A4;

      paper = g_settings_get_string (pd->settings, "report-paper");
      language = g_settings_get_string (pd->settings, "report-language");
      ms_paper_from_string (paper, &chosen);
      adw_combo_row_set_selected (ADW_COMBO_ROW (get (pd, "paper_row")), chosen);
      adw_combo_row_set_selected (ADW_COMBO_ROW (get (pd, "language_row")),
                                  g_str_equal (language, "zh_CN") ? 1 : g_str_equal (language, "en") ? 2 : 0);
    }

  refresh_preview (pd);

  g_signal_connect_swapped (get (pd, "scope_all"), "toggled", G_CALLBACK (refresh_preview), pd);
  g_signal_connect_swapped (get (pd, "scope_overview"), "toggled", G_CALLBACK (refresh_preview), pd);
  g_signal_connect_swapped (get (pd, "scope_category"), "toggled", G_CALLBACK (refresh_preview), pd);
  g_signal_connect_swapped (get (pd, "scope_project"), "toggled", G_CALLBACK (refresh_preview), pd);
  g_signal_connect_swapped (get (pd, "language_row"), "notify::selected", G_CALLBACK (refresh_preview), pd);
  g_signal_connect_swapped (get (pd, "paper_row"), "notify::selected", G_CALLBACK (refresh_preview), pd);
  g_signal_connect_swapped (get (pd, "previous_button"), "clicked", G_CALLBACK (on_previous_cb), pd);
  g_signal_connect_swapped (get (pd, "next_button"), "clicked", G_CALLBACK (on_next_cb), pd);
  g_signal_connect_swapped (get (pd, "print_button"), "clicked", G_CALLBACK (on_print_cb), pd);
  g_signal_connect_swapped (get (pd, "pdf_button"), "clicked", G_CALLBACK (on_pdf_cb), pd);
  g_signal_connect_swapped (get (pd, "cancel_button"), "clicked", G_CALLBACK (gtk_window_destroy), pd->dialog);

  gtk_window_present (pd->dialog);
}
