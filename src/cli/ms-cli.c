/* ms-cli.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "minsheng-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ms-category.h"
#include "ms-check.h"
#include "ms-cli.h"
#include "ms-document.h"
#include "ms-file.h"
#include "ms-group.h"
#include "ms-json.h"
#include "ms-merge.h"
#include "ms-notice.h"
#include "ms-csv.h"
#include "ms-departments.h"
#include "ms-report.h"
#include "ms-safe-write.h"
#include "ms-schedule.h"
#include "ms-xlsx-export.h"

typedef struct
{
  const char *name;
  /* Untranslated here; shown through _(). */
  const char *parameters;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static int run_validate (int argc, char **argv);
static int run_format   (int argc, char **argv);
static int run_summary  (int argc, char **argv);
static int run_import   (int argc, char **argv);
static int run_export_notice (int argc, char **argv);
static int run_report   (int argc, char **argv);
static int run_export_csv (int argc, char **argv);
static int run_check    (int argc, char **argv);
static int run_export_xlsx (int argc, char **argv);
static int run_export_returns (int argc, char **argv);
static int run_merge    (int argc, char **argv);

static const Command commands[] = {
  /* translators: the parameter of a command in --help output */
  { "validate", N_("FILE"), N_("Check a yearly file and list every fault with its line"), run_validate },
  { "format", N_("FILE"), N_("Rewrite a yearly file in the canonical form"), run_format },
  { "check", N_("FILE"), N_("List contradictions between statuses, figures and completion texts"), run_check },
  { "summary", N_("FILE"), N_("Count projects per category, status and schedule state, and targets met"), run_summary },
  { "import", N_("NOTICE"), N_("Read a published notice (text, web page, .docx or PDF) into a yearly file"), run_import },
  { "export-notice", N_("FILE"), N_("Write a yearly file as the text of a notice"), run_export_notice },
  { "report", N_("FILE"), N_("Write the meeting report (PDF) or one chart (SVG, PNG)"), run_report },
  { "export-csv", N_("FILE"), N_("Write one row per project as CSV for spreadsheets"), run_export_csv },
  { "export-xlsx", N_("FILE"), N_("Write the ledger as an Excel workbook: a summary, then a sheet per category"),
    run_export_xlsx },
  { "export-returns", N_("FILE"), N_("Write one Excel workbook per department to fill in and send back"),
    run_export_returns },
  { "merge", N_("FILE RETURN…"), N_("Merge departments’ returned sheets (.xlsx or CSV) into a yearly file"), run_merge },
};

static void
print_usage_error (const char *command,
                   const char *message)
{
  /* translators: %s is a command such as "minsheng-cli validate" */
  g_autofree char *hint = g_strdup_printf (_("Run “%s --help” for usage."), command);

  g_printerr ("%s: %s\n%s\n", command, message, hint);
}

/* Parses the options of one command; returns FALSE after printing a usage error. */
static gboolean
parse_command_line (const char    *name,
                    const char    *parameter,
                    const char    *summary,
                    GOptionEntry  *entries,
                    int           *argc,
                    char        ***argv,
                    guint          n_files)
{
  g_autofree char *program = g_strdup_printf ("minsheng-cli %s", name);
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_set_prgname (program);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_usage_error (program, error->message);
      return FALSE;
    }

  /* argv[0] is the command name itself. */
  if ((guint)*argc - 1 != n_files)
    {
      print_usage_error (program, *argc - 1 < (int)n_files ? _("No file given")
                                                           : _("Too many arguments"));
      return FALSE;
    }

  return TRUE;
}

static MsDocument *
load_document (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_document_load (file, NULL, &error);

  /* Faults come as FILE:LINE:COLUMN: lines, one per fault. */
  if (document == NULL)
    g_printerr ("%s\n", error->message);

  return document;
}

static int
run_validate (int    argc,
              char **argv)
{
  g_autoptr(MsDocument) document = NULL;

  if (!parse_command_line ("validate", _("FILE"),
                           _("Checks FILE and prints one “FILE:LINE:COLUMN: message” line per "
                             "fault.\nExits with 0 when the file is valid, 1 when it is not, "
                             "2 on a usage error."),
                           NULL, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  return MS_CLI_EXIT_OK;
}

static gboolean
write_stdout (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  return fwrite (data, 1, size, stdout) == size && fflush (stdout) == 0;
}

static int
run_format (int    argc,
            char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT (atomically, keeping a backup) instead of standard output"), N_("OUT") },
    { NULL }
  };

  if (!parse_command_line ("format", _("FILE"),
                           _("Reads FILE and writes it in the canonical form of the current "
                             "format version: unknown members are kept, numbers are written "
                             "in their shortest exact form."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  if (output == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ms_document_serialize (document, &error);

      if (bytes == NULL)
        {
          g_printerr ("minsheng-cli format: %s\n", error->message);
          return MS_CLI_EXIT_FAILED;
        }
      if (!write_stdout (bytes))
        {
          g_printerr ("minsheng-cli format: %s\n", _("Could not write to standard output"));
          return MS_CLI_EXIT_FAILED;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GError) error = NULL;

      /* Rewriting the input in place is what format is for: it keeps a backup. */
      if (!ms_document_save (document, file, NULL, &error))
        {
          g_printerr ("minsheng-cli format: %s\n", error->message);
          return MS_CLI_EXIT_FAILED;
        }
    }

  return MS_CLI_EXIT_OK;
}

/* Display width in terminal cells: Chinese characters take two. */
static guint
display_width (const char *text)
{
  guint width = 0;

  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      width += g_unichar_iswide (c) ? 2 : g_unichar_iszerowidth (c) ? 0 : 1;
    }

  return width;
}

static void
print_row (const char *label,
           guint       label_width,
           const char *value)
{
  guint width = display_width (label);

  g_print ("  %s", label);
  for (guint i = width; i < label_width + 2; i++)
    g_print (" ");
  g_print ("%s\n", value);
}

static char *
format_share (guint part,
              guint whole)
{
  if (whole == 0)
    return g_strdup_printf ("%u", part);

  /* translators: a count and its share, such as "31 (96.9%)" */
  return g_strdup_printf (_("%u (%.1f%%)"), part, 100.0 * part / whole);
}

static void
print_stats (const char    *heading,
             const MsStats *stats)
{
  struct {
    const char *label;
    char       *value;
  } rows[8];
  guint n_rows = 0;
  guint label_width = 0;

  rows[n_rows].label = _("Projects");
  rows[n_rows++].value = g_strdup_printf ("%u", stats->n_projects);
  for (guint status = 0; status < MS_N_STATUSES; status++)
    {
      rows[n_rows].label = ms_status_get_label (status);
      rows[n_rows++].value = format_share (stats->n_by_status[status], stats->n_projects);
    }
  rows[n_rows].label = _("Every target met");
  rows[n_rows++].value = format_share (stats->n_projects_all_met, stats->n_projects);
  rows[n_rows].label = _("Targets met");
  /* translators: indicator counts, such as "55 of 58 (0 not met, 3 not reported)" */
  rows[n_rows++].value = g_strdup_printf (_("%u of %u (%u not met, %u not reported)"),
                                          stats->n_indicators_met, stats->n_indicators,
                                          stats->n_indicators_unmet,
                                          stats->n_indicators_unreported);

  for (guint i = 0; i < n_rows; i++)
    label_width = MAX (label_width, display_width (rows[i].label));

  g_print ("%s\n", heading);
  for (guint i = 0; i < n_rows; i++)
    {
      print_row (rows[i].label, label_width, rows[i].value);
      g_free (rows[i].value);
    }
}

static void
add_stats_json (JsonBuilder   *builder,
                const MsStats *stats)
{
  double completion;

  json_builder_set_member_name (builder, "projects");
  json_builder_add_int_value (builder, stats->n_projects);
  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);
  for (guint status = 0; status < MS_N_STATUSES; status++)
    {
      json_builder_set_member_name (builder, ms_status_to_string (status));
      json_builder_add_int_value (builder, stats->n_by_status[status]);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "projects-all-met");
  json_builder_add_int_value (builder, stats->n_projects_all_met);
  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, stats->n_indicators);
  json_builder_set_member_name (builder, "met");
  json_builder_add_int_value (builder, stats->n_indicators_met);
  json_builder_set_member_name (builder, "unmet");
  json_builder_add_int_value (builder, stats->n_indicators_unmet);
  json_builder_set_member_name (builder, "unreported");
  json_builder_add_int_value (builder, stats->n_indicators_unreported);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "completion");
  if (ms_stats_get_completion (stats, &completion))
    json_builder_add_double_value (builder, completion);
  else
    json_builder_add_null_value (builder);
}

static const char *
get_category_id (MsProject *project)
{
  return ms_category_get_id (ms_group_get_category (ms_project_get_group (project)));
}

static void
add_schedule_counts_json (JsonBuilder *builder,
                          const char  *name,
                          const guint *by_schedule)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint schedule = 0; schedule < MS_N_SCHEDULES; schedule++)
    {
      json_builder_set_member_name (builder, ms_schedule_to_string (schedule));
      json_builder_add_int_value (builder, by_schedule[schedule]);
    }
  json_builder_end_object (builder);
}

static void
add_schedule_json (JsonBuilder             *builder,
                   MsNode                  *scope,
                   const MsScheduleContext *context)
{
  MsScheduleCounts counts;

  ms_schedule_count (scope, context, &counts);
  json_builder_set_member_name (builder, "schedule");
  json_builder_begin_object (builder);
  add_schedule_counts_json (builder, "projects", counts.n_by_schedule);
  add_schedule_counts_json (builder, "indicators", counts.n_indicators_by_schedule);
  json_builder_end_object (builder);
}

static void
add_lagging_json (JsonBuilder             *builder,
                  MsDocument              *document,
                  const MsScheduleContext *context)
{
  g_autoptr(GArray) lagging = ms_schedule_collect_lagging (MS_NODE (document), context);

  json_builder_set_member_name (builder, "lagging");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lagging->len; i++)
    {
      const MsLagging *item = &g_array_index (lagging, MsLagging, i);
      g_autofree char *title = ms_project_dup_short_title (item->project);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, get_category_id (item->project));
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, ms_project_get_number (item->project));
      json_builder_set_member_name (builder, "schedule");
      json_builder_add_string_value (builder, ms_schedule_to_string (item->schedule));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, title);
      json_builder_set_member_name (builder, "indicator");
      if (item->deciding != NULL)
        json_builder_add_string_value (builder, ms_indicator_get_name (item->deciding));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_schedule_counts (const char              *heading,
                       MsNode                  *scope,
                       const MsScheduleContext *context)
{
  MsScheduleCounts counts;
  guint label_width = 0;

  ms_schedule_count (scope, context, &counts);
  for (guint schedule = 0; schedule < MS_N_SCHEDULES; schedule++)
    label_width = MAX (label_width, display_width (ms_schedule_get_label (schedule)));

  g_print ("%s\n", heading);
  for (guint schedule = 0; schedule < MS_N_SCHEDULES; schedule++)
    {
      g_autofree char *value = format_share (counts.n_by_schedule[schedule], counts.n_projects);

      print_row (ms_schedule_get_label (schedule), label_width, value);
    }
}

static void
print_schedule_text (MsDocument              *document,
                     const MsScheduleContext *context)
{
  GListModel *categories = ms_document_get_categories (document);
  g_autoptr(GArray) lagging = ms_schedule_collect_lagging (MS_NODE (document), context);
  char date[MS_DATE_BUFSIZE];
  guint label_width = 0;
  guint key_width = 0;

  /* translators: the heading of the schedule figures, %s is a date such as "2024-12-31" */
  g_print (_("Schedule as of %s"), ms_date_format (date, sizeof date, context->as_of));
  g_print ("\n\n");
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      MsCategory *category = ms_document_get_category (document, i);

      print_schedule_counts (ms_category_get_title (category), MS_NODE (category), context);
      g_print ("\n");
    }
  print_schedule_counts (_("All categories"), MS_NODE (document), context);
  g_print ("\n");

  g_print ("%s\n", _("Lagging projects"));
  /* translators: in place of an empty list of lagging projects */
  if (lagging->len == 0)
    g_print ("  %s\n", _("None"));

  for (guint i = 0; i < lagging->len; i++)
    {
      const MsLagging *item = &g_array_index (lagging, MsLagging, i);
      g_autofree char *key = g_strdup_printf ("%s/%u", get_category_id (item->project),
                                              ms_project_get_number (item->project));

      key_width = MAX (key_width, display_width (key));
      label_width = MAX (label_width, display_width (ms_schedule_get_label (item->schedule)));
    }
  for (guint i = 0; i < lagging->len; i++)
    {
      const MsLagging *item = &g_array_index (lagging, MsLagging, i);
      const char *label = ms_schedule_get_label (item->schedule);
      g_autofree char *key = g_strdup_printf ("%s/%u", get_category_id (item->project),
                                              ms_project_get_number (item->project));
      g_autofree char *title = ms_project_dup_short_title (item->project);

      g_print ("  %s%*s  %s%*s  %s\n",
               key, (int)(key_width - display_width (key)), "",
               label, (int)(label_width - display_width (label)), "",
               title);
    }
}

static MsDepartments *
new_departments (MsDocument              *document,
                 const MsScheduleContext *context)
{
  MsDepartments *departments = ms_departments_new (MS_NODE (document));

  ms_departments_set_as_of (departments, context->as_of);
  return departments;
}

static void
add_department_figures_json (JsonBuilder  *builder,
                             MsDepartment *department)
{
  guint by_schedule[MS_N_SCHEDULES];
  double gap;

  json_builder_set_member_name (builder, "projects");
  json_builder_add_int_value (builder, ms_department_get_n_projects (department));
  json_builder_set_member_name (builder, "completed");
  json_builder_add_int_value (builder, ms_department_get_n_completed (department));
  json_builder_set_member_name (builder, "behind-schedule");
  json_builder_add_int_value (builder, ms_department_get_n_lagging (department));
  for (guint schedule = 0; schedule < MS_N_SCHEDULES; schedule++)
    by_schedule[schedule] = ms_department_get_n_with_schedule (department, schedule);
  add_schedule_counts_json (builder, "schedule", by_schedule);
  json_builder_set_member_name (builder, "gap");
  if (ms_department_get_mean_gap (department, &gap))
    json_builder_add_double_value (builder, round (gap * 100) / 100);
  else
    json_builder_add_null_value (builder);
}

/* The same departments, in the same order, as the window's page and chart:
 * most projects behind schedule first; those without a department apart. */
static void
add_departments_json (JsonBuilder             *builder,
                      MsDocument              *document,
                      const MsScheduleContext *context)
{
  g_autoptr(MsDepartments) departments = new_departments (document, context);
  GListModel *list = G_LIST_MODEL (departments);
  MsDepartment *unassigned = ms_departments_get_unassigned (departments);

  json_builder_set_member_name (builder, "departments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (list, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, ms_department_get_name (department));
      add_department_figures_json (builder, department);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "no-department");
  json_builder_begin_object (builder);
  add_department_figures_json (builder, unassigned);
  json_builder_set_member_name (builder, "keys");
  json_builder_begin_array (builder);
  for (guint i = 0; i < ms_department_get_n_projects (unassigned); i++)
    {
      MsProject *project = ms_department_get_project (unassigned, i);
      g_autofree char *key = g_strdup_printf ("%s/%u", get_category_id (project), ms_project_get_number (project));

      json_builder_add_string_value (builder, key);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_departments_text (MsDocument              *document,
                        const MsScheduleContext *context)
{
  g_autoptr(MsDepartments) departments = new_departments (document, context);
  GListModel *list = G_LIST_MODEL (departments);
  MsDepartment *unassigned = ms_departments_get_unassigned (departments);
  guint label_width = 0;

  g_print ("%s\n", _("Departments"));
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (list, i);

      label_width = MAX (label_width, display_width (ms_department_get_name (department)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (list, i);
      g_autofree char *value = ms_department_format_summary (department, NULL);

      print_row (ms_department_get_name (department), label_width, value);
    }

  /* Not a department but a gap in the data: said apart, with the projects to fix. */
  if (ms_department_get_n_projects (unassigned) > 0)
    {
      g_autoptr(GString) keys = g_string_new (NULL);
      g_autofree char *value = NULL;
      g_autofree char *summary = ms_department_format_summary (unassigned, NULL);

      for (guint i = 0; i < ms_department_get_n_projects (unassigned); i++)
        {
          MsProject *project = ms_department_get_project (unassigned, i);

          g_string_append_printf (keys, "%s%s/%u", i > 0 ? ", " : "", get_category_id (project),
                                  ms_project_get_number (project));
        }
      /* translators: a summary and the projects it counts, such as "1 project (municipal/15)" */
      value = g_strdup_printf (_("%s (%s)"), summary, keys->str);
      g_print ("\n");
      print_row (_("No responsible department"), display_width (_("No responsible department")), value);
    }
}

static void
print_summary_json (MsDocument              *document,
                    const MsScheduleContext *context)
{
  char date[MS_DATE_BUFSIZE];
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  GListModel *categories = ms_document_get_categories (document);
  MsStats stats;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, ms_document_get_title (document));
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, ms_document_get_region (document));
  json_builder_set_member_name (builder, "year");
  json_builder_add_int_value (builder, ms_document_get_year (document));
  json_builder_set_member_name (builder, "as-of");
  json_builder_add_string_value (builder, ms_date_format (date, sizeof date, context->as_of));
  json_builder_set_member_name (builder, "categories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      MsCategory *category = ms_document_get_category (document, i);

      memset (&stats, 0, sizeof stats);
      ms_stats_add_node (&stats, MS_NODE (category));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, ms_category_get_id (category));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, ms_category_get_title (category));
      add_stats_json (builder, &stats);
      add_schedule_json (builder, MS_NODE (category), context);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_begin_object (builder);
  ms_document_get_stats (document, &stats);
  add_stats_json (builder, &stats);
  add_schedule_json (builder, MS_NODE (document), context);
  json_builder_end_object (builder);
  add_departments_json (builder, document, context);
  add_lagging_json (builder, document, context);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = ms_json_write_node (root);
  g_print ("%s\n", text);
}

static void
print_summary_text (MsDocument              *document,
                    const MsScheduleContext *context)
{
  GListModel *categories = ms_document_get_categories (document);
  MsStats stats;

  g_print ("%s\n", ms_document_get_title (document));
  /* translators: region and year of a yearly file, such as "漯河市 · 2024" */
  g_print (_("%s · %d"), ms_document_get_region (document), ms_document_get_year (document));
  g_print ("\n\n");

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      MsCategory *category = ms_document_get_category (document, i);

      memset (&stats, 0, sizeof stats);
      ms_stats_add_node (&stats, MS_NODE (category));
      print_stats (ms_category_get_title (category), &stats);
      g_print ("\n");
    }

  ms_document_get_stats (document, &stats);
  print_stats (_("All categories"), &stats);
  g_print ("\n");
  print_departments_text (document, context);
  g_print ("\n");
  print_schedule_text (document, context);
}

static int
run_summary (int    argc,
             char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autofree char *as_of_text = NULL;
  MsDate as_of = MS_DATE_NONE;
  MsScheduleContext context;
  gboolean as_json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the figures as JSON"), NULL },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Read the schedule as of DATE instead of the file’s own date or the end of its year"),
      /* translators: the parameter of --as-of; keep YYYY-MM-DD as it is typed */
      N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!parse_command_line ("summary", _("FILE"),
                           _("Prints, per category and in all, the projects per status, the "
                             "projects that met every target, and the targets met; then the "
                             "responsible departments, most projects behind schedule first, with "
                             "the projects that name none apart; then the "
                             "projects per schedule state and the lagging projects, most urgent "
                             "first."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  /* A wrong date is a usage error: found before the file is read. */
  if (as_of_text != NULL && !ms_date_parse (as_of_text, &as_of))
    {
      /* translators: %s is what was given to --as-of */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, "
                                                    "such as 2024-06-30"), as_of_text);

      print_usage_error ("minsheng-cli summary", message);
      return MS_CLI_EXIT_USAGE;
    }

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  ms_schedule_context_init (&context, document, as_of);
  if (as_json)
    print_summary_json (document, &context);
  else
    print_summary_text (document, &context);

  return MS_CLI_EXIT_OK;
}

/* An output that names the input (through a link or another name) would
 * destroy the file being read: refuse it. */
static gboolean
output_is_input (const char *command,
                 const char *input,
                 const char *output)
{
  g_autoptr(GFile) input_file = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autofree char *message = NULL;

  if (output == NULL || g_str_equal (output, "-"))
    return FALSE;

  input_file = g_file_new_for_commandline_arg (input);
  output_file = g_file_new_for_commandline_arg (output);
  if (!ms_safe_write_is_same_file (input_file, output_file))
    return FALSE;

  /* translators: %s is a file name given on the command line */
  message = g_strdup_printf (_("The output %s is the input file; it was not overwritten. Choose another "
                               "output."), output);
  g_printerr ("minsheng-cli %s: %s\n", command, message);
  return TRUE;
}

static gboolean
write_output (const char  *command,
              const char  *output,
              GBytes      *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  /* "-" and /dev/stdout name standard output, not a file to replace. */
  if (output == NULL || g_str_equal (output, "-") || g_str_equal (output, "/dev/stdout"))
    {
      if (!write_stdout (bytes))
        {
          g_printerr ("minsheng-cli %s: %s\n", command, _("Could not write to standard output"));
          return FALSE;
        }
      return TRUE;
    }

  /* Atomic, links followed, mode kept; leftovers of a killed run removed. */
  file = g_file_new_for_commandline_arg (output);
  if (!ms_safe_write_bytes (file, bytes, NULL, MS_SAFE_WRITE_NONE, NULL, NULL, &error))
    {
      g_printerr ("minsheng-cli %s: %s\n", command, error->message);
      return FALSE;
    }

  return TRUE;
}

static void
print_import_report (const char           *path,
                     const MsNoticeReport *report)
{
  /* Word files are counted in paragraphs, texts and pages in lines. */
  gboolean by_paragraph = g_strcmp0 (report->location_unit, "paragraph") == 0;

  /* translators: %s is the notice's file name, then its text encoding, such as GB18030 */
  g_printerr (_("%s: encoding: %s\n"), path, report->encoding);
  /* translators: %s is the notice's file name, then counts of what the import found */
  g_printerr (_("%s: categories: %u, groups: %u, projects: %u\n"), path,
              report->n_categories, report->n_groups, report->n_projects);
  /* translators: %s is the notice's file name; the second count is of indicators with a figure */
  g_printerr (_("%s: indicators: %u, with a reported figure: %u\n"), path,
              report->n_indicators, report->n_indicators_reported);

  for (guint i = 0; i < report->warnings->len; i++)
    {
      const MsNoticeRemark *remark = g_ptr_array_index (report->warnings, i);

      if (by_paragraph)
        /* translators: a warning about a paragraph of an imported Word file: file name, paragraph number, message */
        g_printerr (_("%s: paragraph %u: warning: %s\n"), path, remark->line, remark->message);
      else
        /* translators: a warning about a line of an imported notice, in the FILE:LINE: form */
        g_printerr (_("%s:%u: warning: %s\n"), path, remark->line, remark->message);
    }

  for (guint i = 0; i < report->dropped->len; i++)
    {
      const MsNoticeRemark *remark = g_ptr_array_index (report->dropped, i);

      if (by_paragraph)
        /* translators: a paragraph of a Word file left out of an import: file name, paragraph number, its text */
        g_printerr (_("%s: paragraph %u: left out as page chrome: %s\n"), path, remark->line, remark->message);
      else
        /* translators: a line of web page or PDF chrome left out of an import */
        g_printerr (_("%s:%u: left out as page chrome: %s\n"), path, remark->line, remark->message);
    }
}

/* "municipal/15": the category's id, or its position when it has none. */
static char *
dup_project_place (MsDocument *document,
                   MsProject  *project)
{
  MsCategory *category = ms_group_get_category (ms_project_get_group (project));
  GListModel *categories = ms_document_get_categories (document);
  const char *id = ms_category_get_id (category);

  if (id != NULL && id[0] != '\0')
    return g_strdup_printf ("%s/%u", id, ms_project_get_number (project));

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      if (ms_document_get_category (document, c) == category)
        return g_strdup_printf ("%u/%u", c + 1, ms_project_get_number (project));
    }

  return g_strdup_printf ("%u", ms_project_get_number (project));
}

/* One line per value: texts cut short, their line breaks as spaces. */
static char *
dup_value_for_line (const char *value)
{
  g_autofree char *line = g_strdup (value != NULL && value[0] != '\0' ? value : _("(none)"));
  glong length;

  g_strdelimit (line, "\r\n\t", ' ');
  length = g_utf8_strlen (line, -1);
  if (length <= 40)
    return g_steal_pointer (&line);
  {
    g_autofree char *start = g_utf8_substring (line, 0, 39);

    return g_strconcat (start, "…", NULL);
  }
}

/* Each change on standard output, each conflict on standard error. */
static void
print_merge (MsDocument *document,
             MsMerge    *merge)
{
  GPtrArray *changes = ms_merge_get_changes (merge);
  GPtrArray *conflicts = ms_merge_get_conflicts (merge);

  for (guint i = 0; i < changes->len; i++)
    {
      const MsMergeChange *change = g_ptr_array_index (changes, i);
      g_autofree char *place = dup_project_place (document, change->project);
      g_autofree char *title = ms_project_dup_short_title (change->project);
      g_autofree char *field = ms_merge_change_dup_field_label (change);
      g_autofree char *before = dup_value_for_line (change->file_value);
      g_autofree char *after = dup_value_for_line (change->return_value);

      /* translators: one change of "minsheng-cli merge": where it was read, the project
       * ("municipal/3"), its short title, the field, the file's value → the return's value */
      g_print (_("%s: %s %s: %s: %s → %s\n"), change->source, place, title, field, before, after);
    }
  for (guint i = 0; i < conflicts->len; i++)
    {
      const MsMergeConflict *conflict = g_ptr_array_index (conflicts, i);

      /* translators: one conflict of "minsheng-cli merge": where, the kind ("locked column
       * edited"), then what it is */
      g_printerr (_("%s: conflict: %s: %s\n"), conflict->source, ms_merge_conflict_kind_get_label (conflict->kind),
                  conflict->message);
    }
}

static void
print_merge_summary (const char *command,
                     MsMerge    *merge,
                     gboolean    dry_run)
{
  guint n_changes = ms_merge_get_changes (merge)->len;
  guint n_conflicts = ms_merge_get_conflicts (merge)->len;
  /* translators: the summary of "minsheng-cli merge", with the count of conflicts after it */
  g_autofree char *changes = g_strdup_printf (ngettext ("%u change", "%u changes", n_changes), n_changes);
  /* translators: the summary of "minsheng-cli merge", after the count of changes */
  g_autofree char *conflicts = g_strdup_printf (ngettext ("%u conflict", "%u conflicts", n_conflicts),
                                                n_conflicts);

  g_printerr ("minsheng-cli %s: %s, %s; %s\n", command, changes, conflicts,
              n_changes == 0 ? _("nothing to write")
              : dry_run ? _("nothing written (--dry-run)") : _("file written"));
}

/* "import NOTICE --into FILE": the notice as a merge into FILE, applied as
 * "merge" applies returns. */
static int
import_into (const char     *notice_path,
             MsDocument     *notice,
             MsNoticeReport *report,
             const char     *path,
             const char     *output,
             MsDate          date,
             gboolean        dry_run)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(GError) error = NULL;

  document = load_document (path);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  merge = ms_merge_new_for_notice (document, notice, report, notice_path, date, &error);
  if (merge == NULL)
    {
      g_printerr ("%s\n", error->message);
      g_printerr ("minsheng-cli import: %s\n", _("The notice was refused; nothing was written."));
      return MS_CLI_EXIT_FAILED;
    }

  print_merge (document, merge);

  if (!dry_run && ms_merge_get_changes (merge)->len > 0)
    {
      g_autoptr(MsHistory) history = ms_history_new (document);
      g_autoptr(GFile) target = output != NULL ? g_file_new_for_commandline_arg (output) : NULL;

      ms_merge_apply (merge, history);
      /* Without OUT the file read is replaced, unless another program wrote it meanwhile. */
      if (!ms_document_save (document, target, NULL, &error))
        {
          g_printerr ("minsheng-cli import: %s\n", error->message);
          return MS_CLI_EXIT_FAILED;
        }
    }

  print_merge_summary ("import", merge, dry_run);

  return ms_merge_get_conflicts (merge)->len > 0 ? MS_CLI_EXIT_FAILED : MS_CLI_EXIT_OK;
}

static int
run_import (int    argc,
            char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *into = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *contents = NULL;
  gboolean dry_run = FALSE;
  MsDate date = MS_DATE_NONE;
  gsize length = 0;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the yearly file to OUT instead of standard output (with --into: instead of FILE)"), N_("OUT") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("Update FILE, a yearly file of the notice’s year, with the notice’s figures and completion texts"),
      N_("FILE") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("With --into: print the changes; write nothing"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("With --into: the date (YYYY-MM-DD) of the figures when the notice gives none"), N_("DATE") },
    { NULL }
  };

  if (!parse_command_line ("import", _("NOTICE"),
                           _("Reads a published notice — a text (UTF-8, GB18030 or UTF-16), a saved "
                             "web page, a Word document (.docx) or a PDF with text — and "
                             "writes a yearly file: categories, groups, numbered projects, "
                             "departments, completion reports, and the targets with their "
                             "reported figures. What was recognised and every warning go to "
                             "standard error. Exits with 1 when no project was found.\n"
                             "With --into FILE, a notice of progress or completion for FILE’s year "
                             "updates FILE instead: its projects are found among FILE’s by category "
                             "and number or by their text, their indicators by unit and name; each "
                             "figure becomes a progress entry at the notice’s date and each "
                             "completion text a change. Changes and conflicts are printed as "
                             "“merge” prints them, and FILE (or OUT) is written unless --dry-run. "
                             "Exits with 1 when a conflict was found or nothing could be read."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (into == NULL && (dry_run || date_text != NULL))
    {
      print_usage_error ("minsheng-cli import", _("--dry-run and --date go with --into FILE"));
      return MS_CLI_EXIT_USAGE;
    }
  if (date_text != NULL && !ms_date_parse (date_text, &date))
    {
      /* translators: %s is what the user gave as a date */
      g_autofree char *message = g_strdup_printf (_("Invalid date “%s”: write it as YYYY-MM-DD, "
                                                    "for example 2024-12-31"), date_text);

      print_usage_error ("minsheng-cli import", message);
      return MS_CLI_EXIT_USAGE;
    }

  if (output_is_input ("import", argv[1], output))
    return MS_CLI_EXIT_FAILED;
  if (into != NULL && output_is_input ("import", argv[1], into))
    return MS_CLI_EXIT_FAILED;

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);

    /* Word documents and PDFs may be larger than texts; ms_notice_read()
     * holds each format to its own limit. */
    if (!ms_file_load_contents (file, MS_NOTICE_MAX_FILE_SIZE, NULL, &contents, &length, NULL, &error))
      {
        g_printerr ("%s\n", error->message);
        return MS_CLI_EXIT_FAILED;
      }
  }

  document = ms_notice_import (contents, length, &report, &error);
  if (report != NULL)
    print_import_report (argv[1], report);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return MS_CLI_EXIT_FAILED;
    }

  if (into != NULL)
    return import_into (argv[1], document, report, into, output, date, dry_run);

  bytes = ms_document_serialize (document, &error);
  if (bytes == NULL)
    {
      g_printerr ("minsheng-cli import: %s\n", error->message);
      return MS_CLI_EXIT_FAILED;
    }
  return write_output ("import", output, bytes) ? MS_CLI_EXIT_OK : MS_CLI_EXIT_FAILED;
}

static int
run_export_notice (int    argc,
                   char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the notice to OUT instead of standard output"), N_("OUT") },
    { NULL }
  };

  if (!parse_command_line ("export-notice", _("FILE"),
                           _("Writes FILE as the text of a notice: title, introduction, 一、 "
                             "sections, （一） groups, numbered projects with 责任单位 and 完成情况. "
                             "Importing that text gives the same projects back."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (output_is_input ("export-notice", argv[1], output))
    return MS_CLI_EXIT_FAILED;

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  {
    char *text = ms_notice_export (document);

    bytes = g_bytes_new_take (text, strlen (text));
  }

  return write_output ("export-notice", output, bytes) ? MS_CLI_EXIT_OK : MS_CLI_EXIT_FAILED;
}

/* "project:C/N": category id or position (from 1), project number. */
static MsProject *
find_project (MsDocument *document,
              const char *spec)
{
  g_auto(GStrv) parts = g_strsplit (spec, "/", 2);
  GListModel *categories = ms_document_get_categories (document);
  guint64 number = 0;

  if (g_strv_length (parts) != 2 || !g_ascii_string_to_unsigned (parts[1], 10, 1, G_MAXUINT, &number, NULL))
    return NULL;

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      g_autofree char *position = g_strdup_printf ("%u", c + 1);
      g_autoptr(GPtrArray) projects = NULL;

      if (!g_str_equal (parts[0], ms_category_get_id (category)) && !g_str_equal (parts[0], position))
        continue;

      projects = ms_node_collect_projects (MS_NODE (category));
      for (guint i = 0; i < projects->len; i++)
        {
          MsProject *project = g_ptr_array_index (projects, i);

          if (ms_project_get_number (project) == number)
            return project;
        }
    }

  return NULL;
}

static int
run_report (int    argc,
            char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *chart = NULL;
  g_autofree char *paper_name = NULL;
  g_autofree char *language = NULL;
  g_autofree char *style_name = NULL;
  MsReportFormat format;
  MsReportStyle style = MS_REPORT_STYLE_STANDARD;
  gboolean docx = FALSE;
  MsPaper paper = MS_PAPER_A4;
  MsChartKind kind = MS_CHART_OVERVIEW;
  MsNode *node;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT: .pdf for the whole report, .docx for the table of all projects as an editable "
         "attachment (附件), .svg or .png for one chart"), N_("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart,
      N_("The chart for SVG and PNG: overview, rates, departments or project:CATEGORY/NUMBER"),
      N_("CHART") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("Paper size of the PDF: a4, a3 or letter"),
      N_("PAPER") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the report: zh_CN or en (default: the interface language)"), N_("LANG") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name,
      N_("Style of the PDF: standard, or gongwen for the table of all projects laid out as the "
         "attachment (附件) of an official document (GB/T 9704-2012, A4)"), N_("STYLE") },
    { NULL }
  };

  if (!parse_command_line ("report", _("FILE"),
                           _("Draws the completion charts of FILE. A PDF holds the whole meeting "
                             "report: a cover with the figures of the summary, what needs "
                             "attention (lagging projects, the departments behind them, the "
                             "findings of the check), the summary table, the charts, every "
                             "project's card in full and a table of all projects; with --style "
                             "gongwen, only that table, as the attachment of an official document. "
                             "A .docx holds that table as an editable Word document. An SVG or PNG "
                             "holds one chart."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (output == NULL)
    {
      print_usage_error ("minsheng-cli report", _("No output file given (-o OUT.pdf)"));
      return MS_CLI_EXIT_USAGE;
    }

  if (g_str_has_suffix (output, ".pdf") || g_str_has_suffix (output, ".PDF"))
    format = MS_REPORT_FORMAT_PDF;
  else if (g_str_has_suffix (output, ".svg") || g_str_has_suffix (output, ".SVG"))
    format = MS_REPORT_FORMAT_SVG;
  else if (g_str_has_suffix (output, ".png") || g_str_has_suffix (output, ".PNG"))
    format = MS_REPORT_FORMAT_PNG;
  else if (g_str_has_suffix (output, ".docx") || g_str_has_suffix (output, ".DOCX"))
    {
      /* The Word document is the 附件 table, whatever the style. */
      format = MS_REPORT_FORMAT_PDF;
      docx = TRUE;
    }
  else
    {
      print_usage_error ("minsheng-cli report", _("The output must end in .pdf, .docx, .svg or .png"));
      return MS_CLI_EXIT_USAGE;
    }

  if (style_name != NULL && !ms_report_style_from_string (style_name, &style))
    {
      /* translators: %s is what the user gave as a report style */
      g_autofree char *message = g_strdup_printf (_("Unknown style “%s” (standard or gongwen)"), style_name);

      print_usage_error ("minsheng-cli report", message);
      return MS_CLI_EXIT_USAGE;
    }

  if (paper_name != NULL && !ms_paper_from_string (paper_name, &paper))
    {
      /* translators: %s is what the user gave as a paper size */
      g_autofree char *message = g_strdup_printf (_("Unknown paper size “%s”"), paper_name);

      print_usage_error ("minsheng-cli report", message);
      return MS_CLI_EXIT_USAGE;
    }

  if (language != NULL && !g_str_has_prefix (language, "zh") && !g_str_has_prefix (language, "en"))
    {
      /* translators: %s is what the user gave as a language */
      g_autofree char *message = g_strdup_printf (_("Unknown language “%s” (zh_CN or en)"), language);

      print_usage_error ("minsheng-cli report", message);
      return MS_CLI_EXIT_USAGE;
    }

  if (output_is_input ("report", argv[1], output))
    return MS_CLI_EXIT_FAILED;

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  node = MS_NODE (document);
  if (chart != NULL && g_str_has_prefix (chart, "project:"))
    {
      MsProject *project = find_project (document, chart + strlen ("project:"));

      if (project == NULL)
        {
          /* translators: %s is what the user gave, such as project:municipal/5 */
          g_autofree char *message = g_strdup_printf (_("No project “%s” in the file"), chart);

          print_usage_error ("minsheng-cli report", message);
          return MS_CLI_EXIT_FAILED;
        }
      kind = MS_CHART_PROJECT;
      node = MS_NODE (project);
    }
  else if (chart != NULL && !ms_chart_kind_from_string (chart, &kind))
    {
      /* translators: %s is what the user gave as a chart */
      g_autofree char *message = g_strdup_printf (_("Unknown chart “%s”"), chart);

      print_usage_error ("minsheng-cli report", message);
      return MS_CLI_EXIT_USAGE;
    }

  if (format == MS_REPORT_FORMAT_PDF)
    {
      g_autoptr(MsReport) report = NULL;
      MsReportSettings settings;
      gboolean written;

      ms_report_settings_init (&settings);
      settings.language = language;
      settings.paper = paper;
      settings.style = docx ? MS_REPORT_STYLE_GONGWEN : style;
      if (settings.style == MS_REPORT_STYLE_GONGWEN)
        settings.scope = MS_REPORT_SCOPE_TABLE;
      report = ms_report_new_with_settings (document, &settings);

      if (docx)
        written = ms_report_write_docx (report, output, &error);
      else
        written = ms_report_write_pdf (report, output, &error);
      if (!written)
        {
          g_printerr ("minsheng-cli report: %s\n", error->message);
          return MS_CLI_EXIT_FAILED;
        }
      return MS_CLI_EXIT_OK;
    }

  if (!ms_chart_export (kind, node, format, output, format == MS_REPORT_FORMAT_PNG ? 1200 : 800,
                        language, &error))
    {
      g_printerr ("minsheng-cli report: %s\n", error->message);
      return MS_CLI_EXIT_FAILED;
    }

  return MS_CLI_EXIT_OK;
}

static int
run_export_csv (int    argc,
                char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  gboolean no_bom = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to OUT instead of standard output"), N_("OUT") },
    { "no-bom", 0, 0, G_OPTION_ARG_NONE, &no_bom,
      N_("Leave out the byte order mark that Excel and WPS need to read UTF-8"), NULL },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the column headings, figures and units: zh_CN or en"), N_("LANG") },
    { NULL }
  };

  if (!parse_command_line ("export-csv", _("FILE"),
                           _("Writes one row per project: category, group, number, target, "
                             "departments, completion, status, and each indicator with its "
                             "target, actual, unit and rate. UTF-8 with a byte order mark, "
                             "quoted as RFC 4180 says."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (output_is_input ("export-csv", argv[1], output))
    return MS_CLI_EXIT_FAILED;

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  bytes = ms_csv_export (document, language, !no_bom);
  return write_output ("export-csv", output, bytes) ? MS_CLI_EXIT_OK : MS_CLI_EXIT_FAILED;
}

static gboolean
check_language (const char *command,
                const char *language)
{
  if (language == NULL || g_str_has_prefix (language, "zh") || g_str_has_prefix (language, "en"))
    return TRUE;

  {
    /* translators: %s is what the user gave as a language */
    g_autofree char *message = g_strdup_printf (_("Unknown language “%s” (zh_CN or en)"), language);

    print_usage_error (command, message);
  }
  return FALSE;
}

static int
run_export_xlsx (int    argc,
                 char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *language = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the workbook to OUT.xlsx"), N_("OUT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Language of the headings and states: zh_CN or en (default: the interface language)"), N_("LANG") },
    { NULL }
  };

  if (!parse_command_line ("export-xlsx", _("FILE"),
                           _("Writes the ledger (台账) of FILE as an Excel workbook: a summary sheet "
                             "of projects per category and schedule state, then one sheet per "
                             "category with one row per indicator — number, target and tasks, "
                             "departments, state, deadline and last update on the project’s first "
                             "row; indicator, target, actual, unit, rate and state on each. Figures "
                             "are numbers in the file’s own unit."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (output == NULL)
    {
      print_usage_error ("minsheng-cli export-xlsx", _("No output file given (-o OUT.xlsx)"));
      return MS_CLI_EXIT_USAGE;
    }
  if (!g_str_has_suffix (output, ".xlsx") && !g_str_has_suffix (output, ".XLSX"))
    {
      print_usage_error ("minsheng-cli export-xlsx", _("The output must end in .xlsx"));
      return MS_CLI_EXIT_USAGE;
    }
  if (!check_language ("minsheng-cli export-xlsx", language))
    return MS_CLI_EXIT_USAGE;

  if (output_is_input ("export-xlsx", argv[1], output))
    return MS_CLI_EXIT_FAILED;

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  if (!ms_xlsx_write_ledger (document, language, output, &error))
    {
      g_printerr ("minsheng-cli export-xlsx: %s\n", error->message);
      return MS_CLI_EXIT_FAILED;
    }

  return MS_CLI_EXIT_OK;
}

static int
run_export_returns (int    argc,
                    char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date_text = NULL;
  g_auto(GStrv) department_names = NULL;
  MsDate reporting_date = MS_DATE_NONE;
  gboolean ok;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the workbooks into the folder DIR, which must exist"), N_("DIR") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The reporting date the figures are asked for (default: the file’s own date, else today)"),
      /* translators: the parameter of --date; keep YYYY-MM-DD as it is typed */
      N_("YYYY-MM-DD") },
    { "department", 0, 0, G_OPTION_ARG_STRING_ARRAY, &department_names,
      N_("Write only the workbook of department NAME; may be given more than once"), N_("NAME") },
    { NULL }
  };

  if (!parse_command_line ("export-returns", _("FILE"),
                           _("Writes one Excel workbook per responsible department of FILE, named "
                             "after the department, listing only its projects and indicators: the "
                             "department fills in the figures, progress, status and remarks and sends "
                             "it back. A hidden sheet holds what is needed to match the return to "
                             "the file. Prints the path of each workbook written."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (output == NULL)
    {
      print_usage_error ("minsheng-cli export-returns", _("No output folder given (-o DIR)"));
      return MS_CLI_EXIT_USAGE;
    }

  /* A wrong date is a usage error: found before the file is read. */
  if (date_text != NULL && !ms_date_parse (date_text, &reporting_date))
    {
      /* translators: %s is what was given to --date */
      g_autofree char *message = g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, "
                                                    "such as 2024-06-30"), date_text);

      print_usage_error ("minsheng-cli export-returns", message);
      return MS_CLI_EXIT_USAGE;
    }

  if (!g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      /* translators: %s is the folder given with -o */
      g_autofree char *message = g_strdup_printf (_("The output folder %s does not exist"), output);

      print_usage_error ("minsheng-cli export-returns", message);
      return MS_CLI_EXIT_USAGE;
    }

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  if (department_names != NULL)
    {
      departments = g_ptr_array_new ();
      for (guint i = 0; department_names[i] != NULL; i++)
        g_ptr_array_add (departments, department_names[i]);
    }

  ok = ms_xlsx_write_returns (document, reporting_date, output, departments, &written, &error);
  for (guint i = 0; written != NULL && i < written->len; i++)
    g_print ("%s\n", (const char *)g_ptr_array_index (written, i));
  if (!ok)
    {
      g_printerr ("minsheng-cli export-returns: %s\n", error->message);
      return MS_CLI_EXIT_FAILED;
    }

  return MS_CLI_EXIT_OK;
}

static int
run_check (int    argc,
           char **argv)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *as_of_text = NULL;
  MsScheduleContext context;
  MsDate as_of = MS_DATE_NONE;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text,
      N_("Read the figures on DATE (YYYY-MM-DD) instead of the file’s own date"), N_("DATE") },
    { NULL }
  };

  if (!parse_command_line ("check", _("FILE"),
                           _("Looks for contradictions in FILE: completed projects below their "
                             "targets or without figures, completion texts that give other "
                             "figures than the recorded ones, missing departments, overdue "
                             "projects, falling progress and figures far above their targets. "
                             "Prints one “FILE: CATEGORY/NUMBER: message” line per finding.\n"
                             "Exits with 0 when nothing is found, 1 when something is, 2 on a "
                             "usage error or when FILE cannot be read."),
                           entries, &argc, &argv, 1))
    return MS_CLI_EXIT_USAGE;

  if (as_of_text != NULL && !ms_date_parse (as_of_text, &as_of))
    {
      /* translators: %s is what the user gave as a date */
      g_autofree char *message = g_strdup_printf (_("Invalid date “%s”: write it as YYYY-MM-DD, "
                                                    "for example 2024-12-31"), as_of_text);

      print_usage_error ("minsheng-cli check", message);
      return MS_CLI_EXIT_USAGE;
    }

  /* 1 says that something was found, so a file that cannot be read is 2. */
  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_USAGE;

  ms_schedule_context_init (&context, document, as_of);
  findings = ms_check_scope (MS_NODE (document), &context);

  for (guint i = 0; i < findings->len; i++)
    {
      const MsFinding *finding = g_ptr_array_index (findings, i);
      g_autofree char *place = dup_project_place (document, finding->project);

      /* translators: one line of "minsheng-cli check": the file, the project
       * ("municipal/15"), the severity ("warning") and the finding */
      g_print (_("%s: %s: %s: %s\n"), argv[1], place, ms_severity_get_label (finding->severity),
               finding->message);
    }

  return findings->len > 0 ? MS_CLI_EXIT_FAILED : MS_CLI_EXIT_OK;
}

static int
run_merge (int    argc,
           char **argv)
{
  g_autoptr(GOptionContext) option_context = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsMerge) merge = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *date_text = NULL;
  gboolean dry_run = FALSE;
  gboolean refused = FALSE;
  MsDate date = MS_DATE_NONE;
  GPtrArray *changes;
  GPtrArray *conflicts;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the merged file to OUT (atomically, keeping a backup) instead of FILE"), N_("OUT") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the changes; write nothing"), NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The reporting date (YYYY-MM-DD) of returns that give none, such as a CSV"), N_("DATE") },
    { NULL }
  };

  g_set_prgname ("minsheng-cli merge");
  option_context = g_option_context_new (_("FILE RETURN…"));
  g_option_context_set_summary (option_context,
                                _("Reads the sheets departments returned (.xlsx from “export-returns”, the "
                                  "same saved as CSV in UTF-8 or GB18030, or a CSV of “export-csv”) and "
                                  "prints each change — project, field, value in the file → value in the "
                                  "return — and each conflict. Figures become progress entries at the "
                                  "return’s reporting date; completion texts and statuses are set. Rows "
                                  "with a conflict are left out and the rest is applied.\n"
                                  "Without --dry-run, FILE (or OUT) is written when there is a change, "
                                  "keeping a backup. A sheet that cannot be read is refused and nothing "
                                  "is written.\n"
                                  "Exits with 0 when everything was applied or there was nothing to do, "
                                  "1 when a sheet was refused or a conflict was found, 2 on a usage error."));
  g_option_context_set_translation_domain (option_context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (option_context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (option_context, &argc, &argv, &error))
    {
      print_usage_error ("minsheng-cli merge", error->message);
      return MS_CLI_EXIT_USAGE;
    }
  if (argc < 3)
    {
      print_usage_error ("minsheng-cli merge", argc < 2 ? _("No file given") : _("No returned sheet given"));
      return MS_CLI_EXIT_USAGE;
    }
  if (date_text != NULL && !ms_date_parse (date_text, &date))
    {
      /* translators: %s is what the user gave as a date */
      g_autofree char *message = g_strdup_printf (_("Invalid date “%s”: write it as YYYY-MM-DD, "
                                                    "for example 2024-12-31"), date_text);

      print_usage_error ("minsheng-cli merge", message);
      return MS_CLI_EXIT_USAGE;
    }

  document = load_document (argv[1]);
  if (document == NULL)
    return MS_CLI_EXIT_FAILED;

  merge = ms_merge_new (document, date);
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autoptr(MsWorkbook) workbook = NULL;
      g_autoptr(GError) read_error = NULL;

      /* Every sheet is read, so that every refusal is reported at once. */
      workbook = ms_workbook_load (file, NULL, &read_error);
      if (workbook == NULL || !ms_merge_add_return (merge, workbook, &read_error))
        {
          g_printerr ("%s\n", read_error->message);
          refused = TRUE;
        }
    }

  changes = ms_merge_get_changes (merge);
  conflicts = ms_merge_get_conflicts (merge);
  print_merge (document, merge);

  if (refused)
    {
      g_printerr ("minsheng-cli merge: %s\n", _("A sheet was refused; nothing was written."));
      return MS_CLI_EXIT_FAILED;
    }

  if (!dry_run && changes->len > 0)
    {
      g_autoptr(MsHistory) history = ms_history_new (document);
      g_autoptr(GFile) target = output != NULL ? g_file_new_for_commandline_arg (output) : NULL;

      ms_merge_apply (merge, history);
      /* Without OUT the file read is replaced, unless another program wrote it meanwhile. */
      if (!ms_document_save (document, target, NULL, &error))
        {
          g_printerr ("minsheng-cli merge: %s\n", error->message);
          return MS_CLI_EXIT_FAILED;
        }
    }

  print_merge_summary ("merge", merge, dry_run);

  return conflicts->len > 0 ? MS_CLI_EXIT_FAILED : MS_CLI_EXIT_OK;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  minsheng-cli %s\n\n%s\n",
           _("Usage:"), _("COMMAND [OPTION…] FILE"),
           _("Work with the yearly files of Minsheng Tracker (民生实事) without a window."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *call = g_strdup_printf ("%s %s", commands[i].name,
                                               _(commands[i].parameters));

      guint width = display_width (call);

      fprintf (stream, "  %s%*s %s\n", call, (int)(width < 20 ? 20 - width : 0), "",
               _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n",
           _("Run “minsheng-cli COMMAND --help” for the options of a command."));
  fprintf (stream, "%s\n",
           _("Exit status: 0 on success, 1 when a file is invalid or cannot be written, "
             "2 on a usage error."));
  fprintf (stream, "%s\n",
           _("“check” exits with 1 when it finds something, and with 2 when the file cannot be "
             "read."));
}

int
ms_cli_run (int   argc,
            char *argv[])
{
  const char *name;

  if (argc < 2)
    {
      print_help (stderr);
      return MS_CLI_EXIT_USAGE;
    }

  name = argv[1];
  if (g_str_equal (name, "--help") || g_str_equal (name, "-h") || g_str_equal (name, "help"))
    {
      print_help (stdout);
      return MS_CLI_EXIT_OK;
    }

  if (g_str_equal (name, "--version"))
    {
      g_print ("minsheng-cli %s\n", PACKAGE_VERSION);
      return MS_CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (name, commands[i].name))
        return commands[i].run (argc - 1, argv + 1);
    }

  {
    /* translators: %s is what the user typed as a command */
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), name);

    print_usage_error ("minsheng-cli", message);
  }

  return MS_CLI_EXIT_USAGE;
}
