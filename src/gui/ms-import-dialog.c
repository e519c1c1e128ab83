/* ms-import-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-file.h"
#include "ms-gui-util.h"
#include "ms-import-dialog.h"
#include "ms-window-private.h"

/* Importing a notice: what was recognised is shown before it becomes a
 * document, with every warning and every line left out. */

struct _MsImportDialog
{
  AdwWindow             parent_instance;

  MsDocument           *document;

  /* Template widgets */
  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  GtkListBox           *structure_list;
  GtkWidget            *warnings_group;
  GtkListBox           *warnings_list;
  GtkWidget            *dropped_group;
  GtkListBox           *dropped_list;
};

G_DEFINE_FINAL_TYPE (MsImportDialog, ms_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
fill_structure (MsImportDialog *self)
{
  GListModel *categories = ms_document_get_categories (self->document);

  g_assert (MS_IS_IMPORT_DIALOG (self));

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (self->document, c);
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
      gtk_list_box_append (self->structure_list, expander);
    }
}

/* What the import found, and what it warns about or left out. */
static void
show_report (MsImportDialog *self,
             const char     *name,
             MsNoticeReport *report)
{
  g_autofree char *summary = NULL;

  g_assert (MS_IS_IMPORT_DIALOG (self));

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
  gtk_label_set_label (self->summary_label, summary);

  fill_remarks (self->warnings_list, report->warnings);
  fill_remarks (self->dropped_list, report->dropped);
  gtk_widget_set_visible (self->warnings_group, report->warnings->len > 0);
  gtk_widget_set_visible (self->dropped_group, report->dropped->len > 0);
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
on_accept_clicked_cb (MsImportDialog *self)
{
  MsWindow *window = MS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)));

  g_assert (MS_IS_IMPORT_DIALOG (self));

  _ms_window_confirm_unsaved (window, accept_after_confirm, g_object_ref (self->document), g_object_unref);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_cancel_clicked_cb (MsImportDialog *self)
{
  g_assert (MS_IS_IMPORT_DIALOG (self));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ms_import_dialog_constructed (GObject *object)
{
  MsImportDialog *self = (MsImportDialog *)object;

  G_OBJECT_CLASS (ms_import_dialog_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, ms_document_get_title (self->document));
  ms_widget_mark_chinese (GTK_WIDGET (self->title_label));
  fill_structure (self);
}

static void
ms_import_dialog_dispose (GObject *object)
{
  MsImportDialog *self = (MsImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ms_import_dialog_parent_class)->dispose (object);
}

static void
ms_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MsImportDialog *self = MS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, ms_import_dialog_get_document (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MsImportDialog *self = MS_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_import_dialog_class_init (MsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ms_import_dialog_constructed;
  object_class->dispose = ms_import_dialog_dispose;
  object_class->get_property = ms_import_dialog_get_property;
  object_class->set_property = ms_import_dialog_set_property;

  /**
   * MsImportDialog:document:
   *
   * The document read from the notice, opened when the import is accepted.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         MS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, structure_list);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, dropped_group);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, dropped_list);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked_cb);
}

static void
ms_import_dialog_init (MsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ms_import_dialog_present:
 * @name: the notice's file name, as the summary names it
 * @document: the document read from the notice
 * @report: what the import found
 *
 * Returns: (transfer none): the dialog shown
 */
GtkWindow *
ms_import_dialog_present (MsWindow       *window,
                          const char     *name,
                          MsDocument     *document,
                          MsNoticeReport *report)
{
  MsImportDialog *self;

  g_return_val_if_fail (MS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (MS_TYPE_IMPORT_DIALOG,
                       "transient-for", window,
                       "destroy-with-parent", TRUE,
                       "document", document,
                       NULL);
  show_report (self, name, report);

  gtk_window_present (GTK_WINDOW (self));
  return GTK_WINDOW (self);
}

/**
 * ms_import_dialog_get_document:
 *
 * Returns: (transfer none): the document read from the notice
 */
MsDocument *
ms_import_dialog_get_document (MsImportDialog *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_DIALOG (self), NULL);

  return self->document;
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

      /* Each format is held to its own limit by ms_notice_read(). */
      if (!ms_file_load_contents (file, MS_NOTICE_MAX_FILE_SIZE, NULL, &contents, &length, NULL, &error))
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

  gtk_file_filter_set_name (filter, _("Notices (text, web pages, Word documents, PDFs)"));
  gtk_file_filter_add_mime_type (filter, "text/plain");
  gtk_file_filter_add_mime_type (filter, "text/html");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_filter_add_suffix (filter, "htm");
  gtk_file_filter_add_suffix (filter, "docx");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
