/* ms-print-operation.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Printing draws the core's report pages on the print context, one report
 * page per sheet, turned landscape where the page is. The paper is the
 * report's, chosen in our dialog; the system's dialog is left with the
 * printer and copies, and the printer chosen is kept between runs.
 */

#define G_LOG_DOMAIN "ms-print-operation"

#include "config.h"

#include <math.h>

#include "ms-print-operation.h"

struct _MsPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Borrowed: the operation runs synchronously (allow-async is never set),
   * so the caller's report outlives it. */
  MsReport          *report;
};

G_DEFINE_FINAL_TYPE (MsPrintOperation, ms_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
settings_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "minsheng", name, NULL);
}

/* The paper of the report's first page, upright. */
static GtkPaperSize *
new_report_paper_size (MsReport *report)
{
  static const struct
  {
    MsPaper     paper;
    const char *name;
  } papers[] = {
    { MS_PAPER_A4, GTK_PAPER_NAME_A4 },
    { MS_PAPER_A3, GTK_PAPER_NAME_A3 },
    { MS_PAPER_LETTER, GTK_PAPER_NAME_LETTER },
  };
  double width, height;

  ms_report_get_page_size (report, 0, &width, &height);
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      double paper_width, paper_height;

      ms_paper_get_size (papers[i].paper, &paper_width, &paper_height);
      if (fabs (MIN (width, height) - MIN (paper_width, paper_height)) < 1 &&
          fabs (MAX (width, height) - MAX (paper_width, paper_height)) < 1)
        return gtk_paper_size_new (papers[i].name);
    }

  return gtk_paper_size_new_custom ("minsheng-report", "Report", MIN (width, height), MAX (width, height),
                                    GTK_UNIT_POINTS);
}

static void
load_settings (MsPrintOperation *self)
{
  g_autofree char *settings_file = settings_path ("print-settings.ini");
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new_from_file (settings_file, NULL);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = new_report_paper_size (self->report);

  g_assert (MS_IS_PRINT_OPERATION (self));

  /* The printer is remembered; what to print, how many and on what paper
   * were chosen just now, and a range left from last time would cut pages. */
  if (settings == NULL)
    settings = gtk_print_settings_new ();
  gtk_print_settings_set_print_pages (settings, GTK_PRINT_PAGES_ALL);
  gtk_print_settings_set_page_ranges (settings, NULL, 0);
  gtk_print_settings_set_n_copies (settings, 1);
  gtk_print_settings_set_paper_size (settings, paper);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, ms_report_page_is_landscape (self->report, 0)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

static void
save_settings (MsPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autofree char *settings_file = settings_path ("print-settings.ini");
  g_autofree char *folder = g_path_get_dirname (settings_file);

  g_assert (MS_IS_PRINT_OPERATION (self));

  g_mkdir_with_parents (folder, 0700);
  gtk_print_settings_to_file (gtk_print_operation_get_print_settings (operation), settings_file, NULL);
}

static void
ms_print_operation_request_page_setup (GtkPrintOperation *operation,
                                       GtkPrintContext   *context,
                                       int                page,
                                       GtkPageSetup      *setup)
{
  MsPrintOperation *self = MS_PRINT_OPERATION (operation);

  gtk_page_setup_set_orientation (setup, ms_report_page_is_landscape (self->report, page)
                                         ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
ms_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page)
{
  MsPrintOperation *self = MS_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height;
  double scale;

  /* The report is laid out in points for its paper; fit another paper. */
  ms_report_get_page_size (self->report, page, &width, &height);
  scale = MIN (gtk_print_context_get_width (context) / width, gtk_print_context_get_height (context) / height);
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  ms_report_draw_page (self->report, page, cr, NULL);
  cairo_restore (cr);
}

/* A print job is a PDF or PostScript file made by cairo: its text is drawn
 * in the faces cairo embeds without breaking glyphs, as the PDF export. */
static void
ms_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  MsPrintOperation *self = MS_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  if (!ms_report_embed_fonts (self->report, &error))
    g_warning ("Printing in the system's faces: %s", error->message);
}

static void
ms_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  ms_report_release_fonts (MS_PRINT_OPERATION (operation)->report);
}

static void
ms_print_operation_class_init (MsPrintOperationClass *klass)
{
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  operation_class->begin_print = ms_print_operation_begin_print;
  operation_class->end_print = ms_print_operation_end_print;
  operation_class->request_page_setup = ms_print_operation_request_page_setup;
  operation_class->draw_page = ms_print_operation_draw_page;
}

static void
ms_print_operation_init (MsPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  /* Paper and what to print were chosen in our dialog: the system's shows
   * no page setup of its own, no selection and no custom tab. */
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  gtk_print_operation_set_has_selection (operation, FALSE);
  gtk_print_operation_set_support_selection (operation, FALSE);
}

/**
 * ms_print_operation_new:
 * @report: (transfer none): the report to print; it must stay alive while
 *   the operation runs
 *
 * Returns: (transfer full): an operation printing every page of @report
 */
MsPrintOperation *
ms_print_operation_new (MsReport *report)
{
  MsPrintOperation *self;

  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (MS_TYPE_PRINT_OPERATION, NULL);
  self->report = report;
  gtk_print_operation_set_n_pages (GTK_PRINT_OPERATION (self), ms_report_get_n_pages (report));
  load_settings (self);

  return self;
}

/**
 * ms_print_operation_run:
 *
 * Runs the operation as gtk_print_operation_run() does, then keeps the
 * print settings and page setup chosen for the next run.
 */
GtkPrintOperationResult
ms_print_operation_run (MsPrintOperation         *self,
                        GtkPrintOperationAction   action,
                        GtkWindow                *parent,
                        GError                  **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (MS_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, error);
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    save_settings (self);

  return result;
}

/**
 * ms_print_run:
 * @export_path: (nullable): for %GTK_PRINT_OPERATION_ACTION_EXPORT, the PDF to write
 *
 * Prints @report with an #MsPrintOperation.
 */
GtkPrintOperationResult
ms_print_run (GtkWindow                *parent,
              MsReport                 *report,
              GtkPrintOperationAction   action,
              const char               *export_path,
              GError                  **error)
{
  g_autoptr(MsPrintOperation) operation = NULL;

  g_return_val_if_fail (report != NULL, GTK_PRINT_OPERATION_RESULT_ERROR);

  operation = ms_print_operation_new (report);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), export_path);

  return ms_print_operation_run (operation, action, parent, error);
}
