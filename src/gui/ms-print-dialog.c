/* ms-print-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What to print, in which language and on which paper, with a preview
 * drawn by the code that prints. Our own dialog comes first: the print
 * portal cannot show a custom tab.
 */

#define G_LOG_DOMAIN "ms-print-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-print-dialog.h"
#include "ms-print-operation.h"
#include "ms-report-preview.h"
#include "ms-settings.h"

struct _MsPrintDialog
{
  AdwWindow             parent_instance;

  MsDocument           *document;
  MsCategory           *category;
  MsProject            *project;
  GSettings            *settings;
  GtkFileChooserNative *pdf_chooser;

  /* Template widgets */
  GtkCheckButton       *scope_overview;
  GtkCheckButton       *scope_category;
  GtkCheckButton       *scope_project;
  AdwActionRow         *category_row;
  AdwActionRow         *project_row;
  AdwComboRow          *language_row;
  AdwComboRow          *paper_row;
  MsReportPreview      *preview;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
  GtkLabel             *page_label;
};

G_DEFINE_FINAL_TYPE (MsPrintDialog, ms_print_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CATEGORY,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The settings' values in the order of the rows' items; the paper row's
 * positions are the MsPaper values. */
static const char * const language_keys[] = { "", "zh_CN", "en", NULL };
static const char * const paper_keys[] = { "a4", "a3", "letter", NULL };

static MsReport *
build_report (MsPrintDialog *self)
{
  static const char * const languages[] = { NULL, "zh_CN", "en" };
  guint language = MIN (adw_combo_row_get_selected (self->language_row), 2);
  MsPaper paper = adw_combo_row_get_selected (self->paper_row);

  g_assert (MS_IS_PRINT_DIALOG (self));

  if (gtk_check_button_get_active (self->scope_overview))
    return ms_report_new_for_scope (self->document, MS_REPORT_SCOPE_OVERVIEW, NULL, languages[language], paper, NULL);
  if (gtk_check_button_get_active (self->scope_category) && self->category != NULL)
    return ms_report_new_for_scope (self->document, MS_REPORT_SCOPE_CATEGORY, MS_NODE (self->category),
                                    languages[language], paper, NULL);
  if (gtk_check_button_get_active (self->scope_project) && self->project != NULL)
    return ms_report_new_for_scope (self->document, MS_REPORT_SCOPE_PROJECT, MS_NODE (self->project),
                                    languages[language], paper, NULL);

  return ms_report_new (self->document, languages[language], paper, NULL);
}

static void
update_page_label (MsPrintDialog *self)
{
  guint page = ms_report_preview_get_page (self->preview);
  guint n_pages = ms_report_preview_get_n_pages (self->preview);
  /* translators: in the print preview, such as "Page 3 of 17" */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

  g_assert (MS_IS_PRINT_DIALOG (self));

  gtk_label_set_label (self->page_label, text);
  gtk_widget_set_sensitive (self->previous_button, page > 0);
  gtk_widget_set_sensitive (self->next_button, page + 1 < n_pages);
}

static void
refresh_preview (MsPrintDialog *self)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  /* The template and the settings set the rows before there is a document. */
  if (self->document == NULL)
    return;

  ms_report_preview_set_report (self->preview, build_report (self));
  update_page_label (self);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *message = adw_message_dialog_new (parent, heading, NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (message), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

static void
on_scope_toggled_cb (MsPrintDialog  *self,
                     GtkCheckButton *button)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  /* The group turns the other choice off first: one report per change. */
  if (gtk_check_button_get_active (button))
    refresh_preview (self);
}

static void
on_choice_notify_cb (MsPrintDialog *self,
                     GParamSpec    *pspec,
                     AdwComboRow   *row)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  refresh_preview (self);
}

static void
on_previous_clicked_cb (MsPrintDialog *self)
{
  guint page = ms_report_preview_get_page (self->preview);

  g_assert (MS_IS_PRINT_DIALOG (self));

  if (page > 0)
    ms_report_preview_set_page (self->preview, page - 1);
  update_page_label (self);
}

static void
on_next_clicked_cb (MsPrintDialog *self)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  ms_report_preview_set_page (self->preview, ms_report_preview_get_page (self->preview) + 1);
  update_page_label (self);
}

static void
on_print_clicked_cb (MsPrintDialog *self)
{
  /* Printing runs a main loop of its own: the windows may be closed meanwhile. */
  g_autoptr(MsPrintDialog) hold = g_object_ref (self);
  g_autoptr(GtkWindow) parent = NULL;
  g_autoptr(MsReport) report = build_report (self);
  g_autoptr(GError) error = NULL;

  g_assert (MS_IS_PRINT_DIALOG (self));

  g_set_object (&parent, gtk_window_get_transient_for (GTK_WINDOW (self)));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  if (ms_print_run (parent, report, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print"), error->message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_pdf_response_cb (MsPrintDialog   *self,
                    int              response,
                    GtkNativeDialog *chooser)
{
  g_autoptr(GtkFileChooserNative) done = g_steal_pointer (&self->pdf_chooser);

  g_assert (MS_IS_PRINT_DIALOG (self));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(MsReport) report = build_report (self);
      g_autoptr(GError) error = NULL;

      if (path == NULL || !ms_report_write_pdf (report, path, &error))
        show_error (GTK_WINDOW (self), _("Could Not Export the Report"),
                    error ? error->message : _("The file must be on this computer"));
      else
        gtk_window_destroy (GTK_WINDOW (self));
    }
}

static void
on_pdf_clicked_cb (MsPrintDialog *self)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  if (self->pdf_chooser != NULL)
    return;

  self->pdf_chooser = gtk_file_chooser_native_new (_("Save Report as PDF"), GTK_WINDOW (self),
                                                   GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->pdf_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->pdf_chooser), _("report.pdf"));
  g_signal_connect_object (self->pdf_chooser, "response", G_CALLBACK (on_pdf_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->pdf_chooser));
}

static void
on_cancel_clicked_cb (MsPrintDialog *self)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ms_print_dialog_constructed (GObject *object)
{
  MsPrintDialog *self = (MsPrintDialog *)object;

  G_OBJECT_CLASS (ms_print_dialog_parent_class)->constructed (object);

  if (self->category != NULL)
    {
      /* translators: a print choice; %s is a category such as 省重点民生实事 */
      g_autofree char *title = g_strdup_printf (_("The category “%s”"), ms_category_get_title (self->category));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), title);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), FALSE);

  if (self->project != NULL)
    {
      g_autofree char *short_title = ms_project_dup_short_title (self->project);
      /* translators: a print choice; %u is a project number, %s its short title */
      g_autofree char *title = g_strdup_printf (_("Project %u: %s"), ms_project_get_number (self->project),
                                                short_title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->project_row), title);
    }
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->project_row), FALSE);

  refresh_preview (self);
}

static void
ms_print_dialog_dispose (GObject *object)
{
  MsPrintDialog *self = (MsPrintDialog *)object;

  if (self->pdf_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->pdf_chooser));
      g_clear_object (&self->pdf_chooser);
    }
  if (self->settings != NULL)
    {
      g_settings_unbind (self->language_row, "selected");
      g_settings_unbind (self->paper_row, "selected");
      g_clear_object (&self->settings);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_PRINT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->category);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (ms_print_dialog_parent_class)->dispose (object);
}

static void
ms_print_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MsPrintDialog *self = MS_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;

    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_print_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MsPrintDialog *self = MS_PRINT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_object (value);
      break;

    case PROP_PROJECT:
      self->project = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_print_dialog_class_init (MsPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ms_print_dialog_constructed;
  object_class->dispose = ms_print_dialog_dispose;
  object_class->get_property = ms_print_dialog_get_property;
  object_class->set_property = ms_print_dialog_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * MsPrintDialog:category: (nullable)
   *
   * The category shown in the window, offered as a choice.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL,
                         MS_TYPE_CATEGORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * MsPrintDialog:project: (nullable)
   *
   * The project shown in the window, offered as a choice.
   */
  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         MS_TYPE_PROJECT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, scope_overview);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, scope_category);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, scope_project);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, previous_button);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, page_label);
  gtk_widget_class_bind_template_callback (widget_class, on_scope_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pdf_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);

  g_type_ensure (MS_TYPE_REPORT_PREVIEW);
}

static void
ms_print_dialog_init (MsPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Paper and language are remembered, and follow the preferences. */
  self->settings = ms_settings_new ();
  if (self->settings != NULL)
    {
      ms_settings_bind_choice (self->settings, "report-language", self->language_row, "selected", language_keys);
      ms_settings_bind_choice (self->settings, "report-paper", self->paper_row, "selected", paper_keys);
    }
}

/**
 * ms_print_dialog_new:
 * @category: (nullable): the category shown in @window
 * @project: (nullable): the project shown in @window
 *
 * Returns: (transfer none): a new dialog printing @document, over @window
 */
GtkWidget *
ms_print_dialog_new (MsWindow   *window,
                     MsDocument *document,
                     MsCategory *category,
                     MsProject  *project)
{
  g_return_val_if_fail (MS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (category == NULL || MS_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (project == NULL || MS_IS_PROJECT (project), NULL);

  return g_object_new (MS_TYPE_PRINT_DIALOG,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       "document", document,
                       "category", category,
                       "project", project,
                       NULL);
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
  gtk_window_present (GTK_WINDOW (ms_print_dialog_new (window, document, category, project)));
}
