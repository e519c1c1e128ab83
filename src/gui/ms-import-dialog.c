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
#include "ms-import-preview.h"
#include "ms-import-row.h"
#include "ms-l10n.h"
#include "ms-merge-dialog.h"
#include "ms-window-private.h"

/* Importing a notice: the whole tree that was recognised is shown before
 * it becomes a document, with every warning beside its project and every
 * line left out. What web pages often get wrong (title, region) and a
 * year the notice does not say are settled here. It becomes a new
 * document, or updates the open file through the merge review. */

struct _MsImportDialog
{
  AdwWindow             parent_instance;

  MsDocument           *document;
  MsImportPreview      *preview;
  /* The notice's file name and what its import found, for updating the open file. */
  char                 *name;
  MsNoticeReport       *report;
  /* Nothing in the notice says the year: Open waits until it is confirmed. */
  gboolean              year_assumed;
  /* The dialog is filling its fields: not the user's doing. */
  gboolean              filling;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  /* The ways to take the import: open it, or update the open file. */
  GtkBox               *action_box;
  GtkWidget            *update_button;
  GtkLabel             *summary_label;
  AdwEntryRow          *title_row;
  AdwEntryRow          *region_row;
  AdwActionRow         *year_row;
  GtkWidget            *year_warning;
  GtkSpinButton        *year_spin;
  GtkCheckButton       *year_check;
  GtkStackPage         *warnings_page;
  GtkStackPage         *dropped_page;
  GtkListView          *tree_view;
  GtkListView          *warnings_view;
  GtkListView          *dropped_view;
};

G_DEFINE_FINAL_TYPE (MsImportDialog, ms_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
year_settled (MsImportDialog *self)
{
  return !self->year_assumed || gtk_check_button_get_active (self->year_check);
}

/* The window's file the notice can update: open, and with projects to
 * find the notice's in. Returns: (nullable): that file */
static MsDocument *
get_updatable_document (MsImportDialog *self,
                        const char    **why_not)
{
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (self));
  MsDocument *document = MS_IS_WINDOW (window) ? ms_window_get_document (MS_WINDOW (window)) : NULL;
  g_autoptr(GPtrArray) projects = NULL;

  if (document == NULL)
    {
      *why_not = _("No file is open to update: open the yearly file of the notice’s year first");
      return NULL;
    }
  projects = ms_node_collect_projects (MS_NODE (document));
  if (projects->len == 0)
    {
      *why_not = _("The open file has no projects to find the notice’s in");
      return NULL;
    }
  *why_not = NULL;
  return document;
}

static void
update_actions (MsImportDialog *self)
{
  const char *why_not;
  gboolean updatable;

  g_assert (MS_IS_IMPORT_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.open", year_settled (self));
  /* The merge takes a year the notice does not say as the file's: no need to settle it. */
  updatable = get_updatable_document (self, &why_not) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.update", updatable);
  gtk_widget_set_tooltip_text (self->update_button,
                               updatable ? _("Add the notice’s figures to the open file as progress at the "
                                             "notice’s date, and its completion texts, after a review")
                                         : why_not);
}

static const char *
format_name (const char *format)
{
  if (g_strcmp0 (format, "text") == 0)
    return _("Plain text");
  if (g_strcmp0 (format, "html") == 0)
    return _("Web page");
  if (g_strcmp0 (format, "docx") == 0)
    return _("Word document");
  if (g_strcmp0 (format, "pdf") == 0)
    return _("PDF");
  return format != NULL ? format : "";
}

static char *
append_count (char       *list,
              const char *count)
{
  char *joined;

  if (list == NULL)
    return g_strdup (count);
  /* translators: two counts side by side, such as "2 groups, 9 projects" */
  joined = g_strdup_printf (_("%s, %s"), list, count);
  g_free (list);
  return joined;
}

/* "Plain text, UTF-8 · dated …" and "2 categories, 3 groups, …". */
static char *
format_summary (MsNoticeReport *report)
{
  const char *language = ms_l10n_get_system_language ();
  g_autofree char *source = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *indicators = NULL;
  g_autofree char *reported = NULL;

  /* translators: an imported notice's format and its text encoding, such as "Plain text, UTF-8" */
  source = g_strdup_printf (_("%s, %s"), format_name (report->format), report->encoding);
  if (report->date != MS_DATE_NONE)
    {
      GDate day;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *date = NULL;
      char *dated;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, report->date);
      when = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0, 0, 0);
      date = ms_l10n_format_date (language, when);
      /* translators: %s is what the notice was read from (format, encoding), then its own date */
      dated = g_strdup_printf (_("%s · dated %s"), source, date);
      g_free (source);
      source = dated;
    }

  /* translators: how many categories an imported notice has */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u category", "%u categories", report->n_categories),
                            report->n_categories);
  {
    /* translators: how many groups an imported notice has */
    g_autofree char *groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", report->n_groups),
                                               report->n_groups);
    /* translators: how many projects a category or group of an imported notice has */
    g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects",
                                                              report->n_projects), report->n_projects);

    counts = append_count (counts, groups);
    counts = append_count (counts, projects);
  }
  /* translators: how many indicators (figures pledged) an imported notice has */
  indicators = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", report->n_indicators),
                                report->n_indicators);
  /* translators: how many of the indicators of an imported notice have an actual figure */
  reported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with an actual figure", "%u with actual figures",
                                           report->n_indicators_reported), report->n_indicators_reported);
  {
    /* translators: the indicators of an imported notice, then how many have an actual figure */
    g_autofree char *both = g_strdup_printf (_("%s (%s)"), indicators, reported);

    counts = append_count (counts, both);
  }

  return g_strconcat (source, "\n", counts, NULL);
}

static const char *
year_source_text (MsNoticeYearSource source)
{
  switch (source)
    {
    case MS_NOTICE_YEAR_ASSUMED:
      return _("The notice does not say which year: set it, or confirm this one");
    case MS_NOTICE_YEAR_FROM_TITLE:
      return _("From the title");
    case MS_NOTICE_YEAR_FROM_DATE:
      return _("From the date the notice was signed");
    case MS_NOTICE_YEAR_FROM_TEXT:
    default:
      return _("From the text of the notice");
    }
}

static void
set_page_title (GtkStackPage *page,
                const char   *title,
                guint         n)
{
  /* translators: a page of the import preview and how many rows it has, such as "Warnings (3)" */
  g_autofree char *label = g_strdup_printf (_("%s (%u)"), title, n);

  gtk_stack_page_set_title (page, label);
  gtk_stack_page_set_visible (page, n > 0);
}

/* What the import found: the summary, the fields to settle, the lists. */
static void
show_report (MsImportDialog *self,
             const char     *name,
             MsNoticeReport *report)
{
  g_autofree char *summary = format_summary (report);
  g_autoptr(GtkTreeListModel) tree = NULL;
  g_autoptr(GtkNoSelection) tree_selection = NULL;
  g_autoptr(GtkNoSelection) warnings_selection = NULL;
  g_autoptr(GtkNoSelection) dropped_selection = NULL;
  GListModel *warnings;
  GListModel *dropped;

  g_assert (MS_IS_IMPORT_DIALOG (self));

  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_text (self->summary_label, summary);
  self->name = g_strdup (name);
  self->report = ms_notice_report_copy (report);

  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), ms_document_get_title (self->document));
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), ms_document_get_region (self->document));
  gtk_spin_button_set_value (self->year_spin, ms_document_get_year (self->document));
  self->year_assumed = report->year_source == MS_NOTICE_YEAR_ASSUMED;
  gtk_widget_set_visible (GTK_WIDGET (self->year_check), self->year_assumed);
  gtk_check_button_set_active (self->year_check, FALSE);
  adw_action_row_set_subtitle (self->year_row, year_source_text (report->year_source));
  gtk_widget_set_visible (self->year_warning, self->year_assumed);
  self->filling = FALSE;

  self->preview = ms_import_preview_new (self->document, report);
  tree = ms_import_preview_create_tree (self->preview);
  tree_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (tree)));
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (tree_selection));

  warnings = ms_import_preview_get_warnings (self->preview);
  warnings_selection = gtk_no_selection_new (g_object_ref (warnings));
  gtk_list_view_set_model (self->warnings_view, GTK_SELECTION_MODEL (warnings_selection));
  set_page_title (self->warnings_page, _("Warnings"), g_list_model_get_n_items (warnings));

  dropped = ms_import_preview_get_dropped (self->preview);
  dropped_selection = gtk_no_selection_new (g_object_ref (dropped));
  gtk_list_view_set_model (self->dropped_view, GTK_SELECTION_MODEL (dropped_selection));
  set_page_title (self->dropped_page, _("Left Out"), g_list_model_get_n_items (dropped));

  update_actions (self);
}

static void
on_year_confirmed_cb (MsImportDialog *self)
{
  g_assert (MS_IS_IMPORT_DIALOG (self));

  update_actions (self);
}

/* Typing a year is setting it: no need to confirm it as well. */
static void
on_year_typed_cb (MsImportDialog *self)
{
  const char *text;
  guint64 year;

  g_assert (MS_IS_IMPORT_DIALOG (self));

  if (self->filling || !self->year_assumed)
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (self->year_spin));
  if (g_ascii_string_to_unsigned (text, 10, MS_DATE_MIN_YEAR, MS_DATE_MAX_YEAR, &year, NULL))
    gtk_check_button_set_active (self->year_check, TRUE);
}

/* Opening waits for the answer about the open file's unsaved changes. */
typedef struct
{
  GWeakRef    dialog;
  MsDocument *document;
  gboolean    opened;
} Opening;

static void
opening_free (gpointer data)
{
  Opening *opening = data;
  g_autoptr(GtkWindow) dialog = g_weak_ref_get (&opening->dialog);

  if (dialog != NULL)
    {
      if (opening->opened)
        gtk_window_destroy (dialog);
      else
        /* Cancelled, or the save failed: the preview comes back as it was left. */
        gtk_window_present (dialog);
    }
  g_weak_ref_clear (&opening->dialog);
  g_object_unref (opening->document);
  g_free (opening);
}

static void
open_after_confirm (MsWindow *window,
                    gpointer  user_data)
{
  Opening *opening = user_data;

  opening->opened = TRUE;
  /* A document from a notice is unsaved work until saved: the editor takes it so. */
  ms_document_set_modified (opening->document, TRUE);
  ms_window_set_document (window, opening->document);
}

/* The fields of the dialog into the document. */
static void
apply_fields (MsImportDialog *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *region = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->region_row))));

  g_assert (MS_IS_IMPORT_DIALOG (self));

  /* A year typed without Enter is in the text, not yet in the value. */
  gtk_spin_button_update (self->year_spin);
  ms_document_set_title (self->document, title);
  ms_document_set_region (self->document, region);
  ms_document_set_year (self->document, gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MsImportDialog *self = MS_IMPORT_DIALOG (widget);
  MsWindow *window = MS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)));
  Opening *opening;

  if (!year_settled (self))
    return;

  apply_fields (self);
  opening = g_new0 (Opening, 1);
  g_weak_ref_init (&opening->dialog, self);
  opening->document = g_object_ref (self->document);
  /* Out of the way of the question about the open file, not gone. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  _ms_window_confirm_unsaved (window, open_after_confirm, opening, opening_free);
}

/* The notice into the open file: its review, where the user accepts
 * changes and applies them; this dialog waits, out of the way. */
static void
update_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MsImportDialog *self = MS_IMPORT_DIALOG (widget);
  MsWindow *window = MS_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr(MsNoticeReport) report = NULL;
  const char *why_not;
  GtkWidget *review;

  if (get_updatable_document (self, &why_not) == NULL)
    return;

  apply_fields (self);
  report = ms_notice_report_copy (self->report);
  /* A year the user set or confirmed is the notice's, held against the file's. */
  if (self->year_assumed && gtk_check_button_get_active (self->year_check))
    report->year_source = MS_NOTICE_YEAR_FROM_TEXT;

  review = ms_merge_dialog_new_for_notice (window, self->name, self->document, report);
  ms_merge_dialog_set_origin (MS_MERGE_DIALOG (review), GTK_WINDOW (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_window_present (GTK_WINDOW (review));
}

static void
ms_import_dialog_dispose (GObject *object)
{
  MsImportDialog *self = (MsImportDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->preview);
  g_clear_object (&self->document);
  g_clear_pointer (&self->report, ms_notice_report_free);
  g_clear_pointer (&self->name, g_free);

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

  g_type_ensure (MS_TYPE_IMPORT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-import-dialog.ui");
  /* A window of its own for a task, read as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, action_box);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, update_button);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, year_warning);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, year_check);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, warnings_page);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, dropped_page);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, tree_view);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, warnings_view);
  gtk_widget_class_bind_template_child (widget_class, MsImportDialog, dropped_view);
  gtk_widget_class_bind_template_callback (widget_class, on_year_confirmed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_year_typed_cb);

  gtk_widget_class_install_action (widget_class, "import.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "import.update", NULL, update_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ms_import_dialog_init (MsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_widget_name_mnemonic_buttons (GTK_WIDGET (self));

  /* The notice's words are Chinese whatever the interface's language. */
  ms_widget_mark_chinese (GTK_WIDGET (self->title_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->region_row));
}

/**
 * ms_import_dialog_present:
 * @name: the notice's file name, as the header names it
 * @document: the document read from the notice
 * @report: what the import found; copied
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
