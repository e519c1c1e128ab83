/* ms-print-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one way to paper: what to print, its style, language and paper,
 * with a zoomable preview drawn by the code that prints; then either the
 * system's print dialog, for the printer and copies only, or a file in
 * PDF or Word. Our own dialog comes first: the print portal cannot show a
 * custom tab.
 */

#define G_LOG_DOMAIN "ms-print-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ms-gui-util.h"
#include "ms-editor.h"
#include "ms-print-dialog.h"
#include "ms-print-operation.h"
#include "ms-report-preview.h"
#include "ms-safe-write.h"
#include "ms-settings.h"

/* Choices come in bursts (a row, then another): one report for them all.
 * The bundled file paginates in about 20 ms. */
#define REBUILD_DELAY_MS 60

struct _MsPrintDialog
{
  AdwWindow             parent_instance;

  MsDocument           *document;
  MsCategory           *category;
  MsProject            *project;
  gboolean              export_first;
  /* One of scope_names */
  char                 *scope;
  GSettings            *settings;
  GtkFileChooserNative *export_chooser;
  guint                 rebuild_id;
  gboolean              constructed;

  /* Template widgets */
  GtkButton            *default_button;
  GtkButton            *other_button;
  AdwActionRow         *category_row;
  AdwActionRow         *project_row;
  AdwComboRow          *chart_row;
  AdwComboRow          *style_row;
  AdwComboRow          *language_row;
  AdwComboRow          *paper_row;
  AdwComboRow          *format_row;
  MsReportPreview      *preview;
  GtkLabel             *page_label;
  GtkLabel             *zoom_label;
};

G_DEFINE_FINAL_TYPE (MsPrintDialog, ms_print_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CATEGORY,
  PROP_PROJECT,
  PROP_EXPORT_FIRST,
  PROP_SCOPE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The settings' values in the order of the rows' items; the paper row's
 * positions are the MsPaper values, the style row's the MsReportStyle ones. */
static const char * const language_keys[] = { "", "zh_CN", "en", NULL };
static const char * const paper_keys[] = { "a4", "a3", "letter", NULL };
static const char * const style_keys[] = { "standard", "gongwen", NULL };
static const char * const chart_keys[] = { "overview", "rates", "departments", NULL };
static const MsChartKind chart_kinds[] = { MS_CHART_OVERVIEW, MS_CHART_RATES, MS_CHART_DEPARTMENTS };

typedef enum
{
  EXPORT_PDF,
  EXPORT_DOCX,
} ExportFormat;

static const char * const format_keys[] = { "pdf", "docx", NULL };
static const char * const format_extensions[] = { ".pdf", ".docx" };

/* The "scope" property's values, which are the report-scope key's. */
static const struct
{
  const char    *name;
  MsReportScope  scope;
} scope_names[] = {
  { "all", MS_REPORT_SCOPE_ALL },
  { "summary", MS_REPORT_SCOPE_SUMMARY },
  { "table", MS_REPORT_SCOPE_TABLE },
  { "category", MS_REPORT_SCOPE_CATEGORY },
  { "project", MS_REPORT_SCOPE_PROJECT },
  { "chart", MS_REPORT_SCOPE_CHART },
};

static gboolean
lookup_scope (const char    *name,
              MsReportScope *scope)
{
  for (guint i = 0; i < G_N_ELEMENTS (scope_names); i++)
    {
      if (g_strcmp0 (scope_names[i].name, name) == 0)
        {
          *scope = scope_names[i].scope;
          return TRUE;
        }
    }
  return FALSE;
}

/* The category and project choices exist only when the window shows one. */
static gboolean
scope_is_offered (MsPrintDialog *self,
                  const char    *name)
{
  MsReportScope scope;

  if (!lookup_scope (name, &scope))
    return FALSE;
  if (scope == MS_REPORT_SCOPE_CATEGORY)
    return self->category != NULL;
  if (scope == MS_REPORT_SCOPE_PROJECT)
    return self->project != NULL;
  return TRUE;
}

static MsReport *
build_report (MsPrintDialog *self)
{
  MsReportSettings settings;

  g_assert (MS_IS_PRINT_DIALOG (self));

  ms_print_dialog_get_choices (self, &settings);
  return ms_report_new_with_settings (self->document, &settings);
}

static void
update_page_controls (MsPrintDialog *self)
{
  guint page = ms_report_preview_get_page (self->preview);
  guint n_pages = ms_report_preview_get_n_pages (self->preview);
  g_autofree char *text = NULL;

  g_assert (MS_IS_PRINT_DIALOG (self));

  if (n_pages > 0)
    /* translators: in the print preview, such as "Page 3 of 17" */
    text = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);
  gtk_label_set_label (self->page_label, text != NULL ? text : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous-page", page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next-page", page + 1 < n_pages);
}

static void
rebuild_preview (MsPrintDialog *self)
{
  gint64 start = g_get_monotonic_time ();

  g_assert (MS_IS_PRINT_DIALOG (self));

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  ms_report_preview_set_report (self->preview, build_report (self));
  g_debug ("Preview report made in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
  update_page_controls (self);
}

static gboolean
rebuild_preview_cb (gpointer user_data)
{
  MsPrintDialog *self = user_data;

  self->rebuild_id = 0;
  rebuild_preview (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_rebuild (MsPrintDialog *self)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  /* The template and the settings set the rows before there is a document. */
  if (!self->constructed)
    return;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_preview_cb, self);
}

static void
set_scope (MsPrintDialog *self,
           const char    *scope)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  if (g_strcmp0 (self->scope, scope) == 0 || !scope_is_offered (self, scope))
    return;

  g_free (self->scope);
  self->scope = g_strdup (scope);
  /* Kept only when chosen: a choice not offered this time (no category
   * shown) is still the one offered next time. */
  if (self->constructed && self->settings != NULL)
    g_settings_set_string (self->settings, "report-scope", scope);
  gtk_widget_set_sensitive (GTK_WIDGET (self->chart_row), g_str_equal (scope, "chart"));
  schedule_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *body)
{
  GtkWidget *message = adw_message_dialog_new (parent, heading, NULL);

  /* Heading and body are plain text (no markup): file names and reasons show as they are. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (message), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  ms_message_dialog_prepare (ADW_MESSAGE_DIALOG (message));
  gtk_window_present (GTK_WINDOW (message));
}

/* What is printed, in words for a file name. */
static char *
dup_scope_words (MsPrintDialog *self)
{
  MsReportSettings settings;
  guint chart = adw_combo_row_get_selected (self->chart_row);

  g_assert (MS_IS_PRINT_DIALOG (self));

  ms_print_dialog_get_choices (self, &settings);
  switch (settings.scope)
    {
    case MS_REPORT_SCOPE_SUMMARY:
      /* translators: part of a file name: what is printed */
      return g_strdup (_("summary table"));

    case MS_REPORT_SCOPE_TABLE:
      /* translators: part of a file name: what is printed */
      return g_strdup (_("table of projects"));

    case MS_REPORT_SCOPE_CATEGORY:
      return g_strdup (ms_category_get_title (self->category));

    case MS_REPORT_SCOPE_PROJECT:
      /* translators: part of a file name: what is printed; %u is the project's number */
      return g_strdup_printf (_("project %u"), ms_project_get_number (self->project));

    case MS_REPORT_SCOPE_CHART:
      if (chart == 1 && self->category != NULL)
        /* translators: part of a file name: what is printed; %s is a category */
        return g_strdup_printf (_("completion rates, %s"), ms_category_get_title (self->category));
      if (chart == 1)
        /* translators: part of a file name: what is printed */
        return g_strdup (_("completion rates"));
      if (chart == 2)
        /* translators: part of a file name: what is printed */
        return g_strdup (_("departments chart"));
      /* translators: part of a file name: what is printed */
      return g_strdup (_("overview chart"));

    case MS_REPORT_SCOPE_ALL:
    case MS_REPORT_SCOPE_OVERVIEW:
    default:
      return NULL;
    }
}

static ExportFormat
format_of_file (MsPrintDialog *self,
                GFile         *file)
{
  g_autofree char *name = file != NULL ? g_file_get_basename (file) : NULL;
  g_autofree char *folded = name != NULL ? g_utf8_casefold (name, -1) : NULL;

  g_assert (MS_IS_PRINT_DIALOG (self));

  /* A name typed with the other extension means the other format. */
  for (guint i = 0; folded != NULL && i < G_N_ELEMENTS (format_extensions); i++)
    {
      if (g_str_has_suffix (folded, format_extensions[i]))
        return i;
    }
  return MIN (adw_combo_row_get_selected (self->format_row), EXPORT_DOCX);
}

/* An export chosen over the yearly file itself would destroy it. */
static gboolean
is_document_file (MsPrintDialog *self,
                  GFile         *file)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  MsEditor *editor = MS_IS_WINDOW (parent) ? ms_window_get_editor (MS_WINDOW (parent)) : NULL;
  GFile *own = editor != NULL ? ms_editor_get_file (editor) : NULL;

  return own != NULL && ms_safe_write_is_same_file (file, own);
}

static void
on_export_response_cb (MsPrintDialog   *self,
                       int              response,
                       GtkNativeDialog *chooser)
{
  g_autoptr(GtkFileChooserNative) done = g_steal_pointer (&self->export_chooser);
  g_autoptr(GFile) file = NULL;

  g_assert (MS_IS_PRINT_DIALOG (self));

  if (response != GTK_RESPONSE_ACCEPT)
    return;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  {
    g_autofree char *name = g_file_get_basename (file);
    GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
    const char *filter_format = filter != NULL ? g_object_get_data (G_OBJECT (filter), "ms-format") : NULL;

    /* Without an extension typed, the filter chosen says the format. */
    for (guint i = 0; filter_format != NULL && name != NULL && strchr (name, '.') == NULL && format_keys[i]; i++)
      {
        if (g_str_equal (format_keys[i], filter_format))
          adw_combo_row_set_selected (self->format_row, i);
      }
  }
  ms_print_dialog_export_to (self, file);
}

static GtkFileFilter *
new_format_filter (ExportFormat  format,
                   const char   *name)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_suffix (filter, format_extensions[format] + 1);
  g_object_set_data (G_OBJECT (filter), "ms-format", (gpointer)format_keys[format]);
  return filter;
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MsPrintDialog *self = MS_PRINT_DIALOG (widget);
  g_autoptr(GtkFileFilter) pdf = new_format_filter (EXPORT_PDF, _("PDF document"));
  g_autoptr(GtkFileFilter) docx = new_format_filter (EXPORT_DOCX, _("Word document"));
  g_autofree char *name = ms_print_dialog_dup_file_name (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  MsEditor *editor = MS_IS_WINDOW (parent) ? ms_window_get_editor (MS_WINDOW (parent)) : NULL;
  GFile *own = editor != NULL ? ms_editor_get_file (editor) : NULL;

  if (self->export_chooser != NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), docx);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->export_chooser),
                               format_of_file (self, NULL) == EXPORT_DOCX ? docx : pdf);
  /* Next to the yearly file, where the office keeps its papers. */
  if (own != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (own);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->export_chooser), folder, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  g_signal_connect_object (self->export_chooser, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void
print_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MsPrintDialog *self = MS_PRINT_DIALOG (widget);
  /* Printing runs a main loop of its own: the windows may be closed meanwhile. */
  g_autoptr(MsPrintDialog) hold = g_object_ref (self);
  g_autoptr(GtkWindow) parent = NULL;
  g_autoptr(MsReport) report = build_report (self);
  g_autoptr(MsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (report == NULL)
    return;

  g_set_object (&parent, gtk_window_get_transient_for (GTK_WINDOW (self)));
  operation = ms_print_operation_new (report);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (operation), ms_document_get_title (self->document));
  gtk_print_operation_set_current_page (GTK_PRINT_OPERATION (operation), ms_report_preview_get_page (self->preview));

  /* The system's dialog is only for the printer and copies; ours waits hidden. */
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  result = ms_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);

  /* Closed meanwhile with the window (dispose drops the document). */
  if (self->document == NULL)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (parent, _("Could Not Print"), error->message);
  /* Cancelled at the printer: back to the choices, which may be what was wrong. */
  if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    gtk_window_present (GTK_WINDOW (self));
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
preview_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  MsPrintDialog *self = MS_PRINT_DIALOG (widget);
  guint page = ms_report_preview_get_page (self->preview);

  /* A choice may be waiting: turn the pages of what will be printed. */
  if (self->rebuild_id != 0)
    rebuild_preview (self);

  if (g_str_equal (action_name, "preview.zoom-in"))
    ms_report_preview_zoom_in (self->preview);
  else if (g_str_equal (action_name, "preview.zoom-out"))
    ms_report_preview_zoom_out (self->preview);
  else if (g_str_equal (action_name, "preview.zoom-fit-width"))
    ms_report_preview_zoom_fit_width (self->preview);
  else if (g_str_equal (action_name, "preview.zoom-fit-page"))
    ms_report_preview_zoom_fit_page (self->preview);
  else if (g_str_equal (action_name, "preview.previous-page") && page > 0)
    ms_report_preview_set_page (self->preview, page - 1);
  else if (g_str_equal (action_name, "preview.next-page"))
    ms_report_preview_set_page (self->preview, page + 1);
}

static void
on_choice_notify_cb (MsPrintDialog *self,
                     GParamSpec    *pspec,
                     AdwComboRow   *row)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  schedule_rebuild (self);
}

static void
on_preview_page_notify_cb (MsPrintDialog   *self,
                           GParamSpec      *pspec,
                           MsReportPreview *preview)
{
  g_assert (MS_IS_PRINT_DIALOG (self));

  update_page_controls (self);
}

static void
on_preview_zoom_notify_cb (MsPrintDialog   *self,
                           GParamSpec      *pspec,
                           MsReportPreview *preview)
{
  /* 100% is the printed size on a screen of 96 pixels an inch, 72 points. */
  double percent = ms_report_preview_get_zoom (preview) * 72.0 / 96.0 * 100.0;
  /* translators: the preview's zoom, such as "85%" */
  g_autofree char *text = g_strdup_printf (_("%.0f%%"), percent);

  g_assert (MS_IS_PRINT_DIALOG (self));

  gtk_label_set_label (self->zoom_label, text);
}

static gboolean
on_preview_scroll_cb (MsPrintDialog            *self,
                      double                    dx,
                      double                    dy,
                      GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  g_assert (MS_IS_PRINT_DIALOG (self));

  /* Without Ctrl the wheel scrolls, as anywhere else. */
  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;

  if (dy < 0)
    ms_report_preview_zoom_in (self->preview);
  else if (dy > 0)
    ms_report_preview_zoom_out (self->preview);
  return TRUE;
}

static void
set_up_buttons (MsPrintDialog *self)
{
  GtkButton *print_button = self->export_first ? self->other_button : self->default_button;
  GtkButton *export_button = self->export_first ? self->default_button : self->other_button;

  g_assert (MS_IS_PRINT_DIALOG (self));

  gtk_window_set_title (GTK_WINDOW (self), self->export_first ? _("Export") : _("Print"));
  gtk_button_set_label (print_button, _("_Print…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print_button), "print.print");
  gtk_button_set_label (export_button, _("_Export…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (export_button), "print.export");
  ms_widget_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->default_button));
  /* Enter prints (or exports) what the dialog opens with; Tab leads to the choices. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->default_button));
}

static void
ms_print_dialog_constructed (GObject *object)
{
  MsPrintDialog *self = (MsPrintDialog *)object;
  g_autofree char *rates_title = NULL;
  g_autoptr(GtkStringList) charts = NULL;
  g_autofree char *scope = NULL;

  G_OBJECT_CLASS (ms_print_dialog_parent_class)->constructed (object);

  set_up_buttons (self);

  if (self->category != NULL)
    {
      /* translators: a print choice; %s is a category such as 省重点民生实事 */
      g_autofree char *title = g_strdup_printf (_("The category “%s”"), ms_category_get_title (self->category));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), title);
      /* translators: a chart to print; %s is a category such as 省重点民生实事 */
      rates_title = g_strdup_printf (_("Completion rates: %s"), ms_category_get_title (self->category));
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->category_row), FALSE);
      rates_title = g_strdup (_("Completion rates of all projects"));
    }

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

  /* The rates chart is of the category shown, so the list is made here. */
  charts = gtk_string_list_new (NULL);
  gtk_string_list_append (charts, _("Overview of all projects"));
  gtk_string_list_append (charts, rates_title);
  gtk_string_list_append (charts, _("Departments"));
  adw_combo_row_set_model (self->chart_row, G_LIST_MODEL (charts));

  /* Every choice is remembered; language and paper follow the preferences. */
  self->settings = ms_settings_new ();
  if (self->settings != NULL)
    {
      ms_settings_bind_choice (self->settings, "report-language", self->language_row, "selected", language_keys);
      ms_settings_bind_choice (self->settings, "report-paper", self->paper_row, "selected", paper_keys);
      ms_settings_bind_choice (self->settings, "report-style", self->style_row, "selected", style_keys);
      ms_settings_bind_choice (self->settings, "report-chart", self->chart_row, "selected", chart_keys);
      ms_settings_bind_choice (self->settings, "export-format", self->format_row, "selected", format_keys);
      scope = g_settings_get_string (self->settings, "report-scope");
    }
  set_scope (self, scope != NULL && scope_is_offered (self, scope) ? scope : "all");
  /* The chart row counts only for one chart ("all" was already the scope). */
  gtk_widget_set_sensitive (GTK_WIDGET (self->chart_row), g_str_equal (self->scope, "chart"));

  self->constructed = TRUE;
  rebuild_preview (self);
}

static void
ms_print_dialog_dispose (GObject *object)
{
  MsPrintDialog *self = (MsPrintDialog *)object;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->export_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
      g_clear_object (&self->export_chooser);
    }
  if (self->settings != NULL)
    {
      g_settings_unbind (self->language_row, "selected");
      g_settings_unbind (self->paper_row, "selected");
      g_settings_unbind (self->style_row, "selected");
      g_settings_unbind (self->chart_row, "selected");
      g_settings_unbind (self->format_row, "selected");
      g_clear_object (&self->settings);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_PRINT_DIALOG);
  g_clear_object (&self->document);
  g_clear_object (&self->category);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (ms_print_dialog_parent_class)->dispose (object);
}

static void
ms_print_dialog_finalize (GObject *object)
{
  MsPrintDialog *self = (MsPrintDialog *)object;

  g_clear_pointer (&self->scope, g_free);

  G_OBJECT_CLASS (ms_print_dialog_parent_class)->finalize (object);
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

    case PROP_EXPORT_FIRST:
      g_value_set_boolean (value, self->export_first);
      break;

    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
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

    case PROP_EXPORT_FIRST:
      self->export_first = g_value_get_boolean (value);
      break;

    case PROP_SCOPE:
      set_scope (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_preview_key (GtkWidgetClass  *widget_class,
                 guint            key,
                 GdkModifierType  modifiers,
                 const char      *action)
{
  gtk_widget_class_add_binding_action (widget_class, key, modifiers, action, NULL);
}

static void
ms_print_dialog_class_init (MsPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const preview_actions[] = {
    "preview.zoom-in", "preview.zoom-out", "preview.zoom-fit-width", "preview.zoom-fit-page",
    "preview.previous-page", "preview.next-page",
  };

  object_class->constructed = ms_print_dialog_constructed;
  object_class->dispose = ms_print_dialog_dispose;
  object_class->finalize = ms_print_dialog_finalize;
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

  /**
   * MsPrintDialog:export-first:
   *
   * Whether Export, rather than Print, is the default action.
   */
  properties[PROP_EXPORT_FIRST] =
    g_param_spec_boolean ("export-first", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * MsPrintDialog:scope:
   *
   * What is printed: "all", "summary", "table", "category", "project" or
   * "chart"; the "print.scope" action's state.
   */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, "all",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MsPrintDialog::exported:
   * @file: the file written
   *
   * A report was written to @file; the dialog closes next.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-print-dialog.ui");
  /* A window of its own for a task, read as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, default_button);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, other_button);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, project_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, chart_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, style_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, MsPrintDialog, zoom_label);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_page_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_zoom_notify_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_scroll_cb);

  gtk_widget_class_install_property_action (widget_class, "print.scope", "scope");
  gtk_widget_class_install_action (widget_class, "print.print", NULL, print_activated);
  gtk_widget_class_install_action (widget_class, "print.export", NULL, export_activated);
  for (guint i = 0; i < G_N_ELEMENTS (preview_actions); i++)
    gtk_widget_class_install_action (widget_class, preview_actions[i], NULL, preview_activated);

  add_preview_key (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "preview.zoom-in");
  add_preview_key (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "preview.zoom-in");
  add_preview_key (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "preview.zoom-in");
  add_preview_key (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "preview.zoom-out");
  add_preview_key (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "preview.zoom-out");
  add_preview_key (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "preview.zoom-fit-page");
  add_preview_key (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "preview.zoom-fit-page");
  add_preview_key (widget_class, GDK_KEY_Page_Up, 0, "preview.previous-page");
  add_preview_key (widget_class, GDK_KEY_Page_Down, 0, "preview.next-page");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "print.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "print.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (MS_TYPE_REPORT_PREVIEW);
}

static void
ms_print_dialog_init (MsPrintDialog *self)
{
  self->scope = g_strdup ("all");
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_choice_prepare (GTK_WIDGET (self->chart_row), NULL);
  ms_choice_prepare (GTK_WIDGET (self->style_row), NULL);
  ms_choice_prepare (GTK_WIDGET (self->language_row), NULL);
  ms_choice_prepare (GTK_WIDGET (self->paper_row), NULL);
  ms_choice_prepare (GTK_WIDGET (self->format_row), NULL);
}

/**
 * ms_print_dialog_new:
 * @category: (nullable): the category shown in @window
 * @project: (nullable): the project shown in @window
 * @export_first: whether Export, rather than Print, is the default action
 *
 * Returns: (transfer none): a new dialog printing or exporting @document,
 *   over @window
 */
GtkWidget *
ms_print_dialog_new (MsWindow   *window,
                     MsDocument *document,
                     MsCategory *category,
                     MsProject  *project,
                     gboolean    export_first)
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
                       "export-first", export_first,
                       NULL);
}

/**
 * ms_print_dialog_get_preview:
 *
 * Returns: (transfer none): the preview of what the dialog prints
 */
MsReportPreview *
ms_print_dialog_get_preview (MsPrintDialog *self)
{
  g_return_val_if_fail (MS_IS_PRINT_DIALOG (self), NULL);

  return self->preview;
}

/**
 * ms_print_dialog_get_choices:
 * @settings: (out caller-allocates): what the report is made from; its
 *   node belongs to the dialog
 *
 * Reads what is chosen in the dialog now.
 */
void
ms_print_dialog_get_choices (MsPrintDialog    *self,
                             MsReportSettings *settings)
{
  static const char * const languages[] = { NULL, "zh_CN", "en" };
  MsReportScope scope = MS_REPORT_SCOPE_ALL;

  g_return_if_fail (MS_IS_PRINT_DIALOG (self));
  g_return_if_fail (settings != NULL);

  ms_report_settings_init (settings);
  lookup_scope (self->scope, &scope);
  settings->scope = scope;
  if (scope == MS_REPORT_SCOPE_CATEGORY)
    settings->node = MS_NODE (self->category);
  else if (scope == MS_REPORT_SCOPE_PROJECT)
    settings->node = MS_NODE (self->project);
  else if (scope == MS_REPORT_SCOPE_CHART)
    {
      settings->chart = chart_kinds[MIN (adw_combo_row_get_selected (self->chart_row), G_N_ELEMENTS (chart_kinds) - 1)];
      /* Rates are the category's shown; without one, every project's. */
      if (settings->chart == MS_CHART_RATES && self->category != NULL)
        settings->node = MS_NODE (self->category);
    }

  settings->style = MIN (adw_combo_row_get_selected (self->style_row), MS_REPORT_STYLE_GONGWEN);
  settings->language = languages[MIN (adw_combo_row_get_selected (self->language_row), G_N_ELEMENTS (languages) - 1)];
  settings->paper = MIN (adw_combo_row_get_selected (self->paper_row), MS_PAPER_LETTER);
}

/**
 * ms_print_dialog_dup_file_name:
 *
 * Returns: (transfer full): the name suggested for the export: the
 *   file's title, what is printed and the extension of the format chosen
 */
char *
ms_print_dialog_dup_file_name (MsPrintDialog *self)
{
  const char *title;
  g_autofree char *what = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (MS_IS_PRINT_DIALOG (self), NULL);

  title = ms_document_get_title (self->document);
  if (title == NULL || title[0] == '\0')
    title = _("Report");
  what = dup_scope_words (self);
  /* translators: a file name: the yearly file's title, then what is printed */
  name = what != NULL ? g_strdup_printf (_("%s - %s"), title, what) : g_strdup (title);
  /* A title may hold a slash, which is no part of a file name. */
  g_strdelimit (name, "/\\", '-');

  return g_strconcat (name, format_extensions[format_of_file (self, NULL)], NULL);
}

/**
 * ms_print_dialog_export_to:
 * @file: where to write; its extension (.pdf, .docx) chooses the format,
 *   or else the format row does
 *
 * Writes what is chosen to @file. On success the dialog emits
 * #MsPrintDialog::exported and closes; on failure it says why, naming the
 * file, and stays open.
 *
 * Returns: whether @file was written
 */
gboolean
ms_print_dialog_export_to (MsPrintDialog *self,
                           GFile         *file)
{
  g_autoptr(MsPrintDialog) hold = NULL;
  g_autoptr(MsReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  gboolean written = FALSE;

  g_return_val_if_fail (MS_IS_PRINT_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  hold = g_object_ref (self);
  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  /* translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Export “%s”"), name);

  if (path == NULL)
    show_error (GTK_WINDOW (self), heading, _("The file must be on this computer"));
  else if (is_document_file (self, file))
    show_error (GTK_WINDOW (self), heading,
                _("That is the yearly file itself; exporting there would replace it. "
                  "Choose another name."));
  else if ((report = build_report (self)) == NULL)
    g_return_val_if_reached (FALSE);
  else if (format_of_file (self, file) == EXPORT_DOCX ? !ms_report_write_docx (report, path, &error)
                                                      : !ms_report_write_pdf (report, path, &error))
    show_error (GTK_WINDOW (self), heading, error->message);
  else
    written = TRUE;

  if (written)
    {
      g_signal_emit (self, signals[EXPORTED], 0, file);
      gtk_window_destroy (GTK_WINDOW (self));
    }
  return written;
}
