/* test-a11y-tree.c: the window as a screen reader reads it
 *
 * Copyright 2026 Minsheng Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs under dbus-run-session with the AT-SPI bus. The test drives the
 * window from page to page and, on each, asks a walker (tests/a11y-walk.py)
 * that reads the tree over AT-SPI, as Orca does, for controls without a
 * name, named by their type, with a mnemonic underscore or saying their name
 * twice; and checks that every chart has a name, a short description and a
 * toggle that shows it as a table named after it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-chart.h"
#include "ms-chart-panel.h"
#include "ms-l10n.h"
#include "ms-notice.h"
#include "ms-paths.h"
#include "ms-import-dialog.h"
#include "ms-indicator-row.h"
#include "ms-merge-dialog.h"
#include "ms-returns-dialog.h"
#include "ms-preferences-window.h"
#include "ms-print.h"
#include "ms-print-dialog.h"
#include "ms-window.h"
#include "test-gui-util.h"
#include "test-util.h"

typedef struct
{
  GSubprocess      *process;
  GOutputStream    *input;
  GDataInputStream *output;
  /* What the walker found wrong on the last page. */
  GPtrArray        *problems;
} Walker;

static Walker walker;
static GString *reading;
static GPtrArray *all_problems;
static char *work_dir;

typedef struct
{
  gboolean done;
  char    *line;
} LineRead;

static void
line_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LineRead *read = user_data;

  read->line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source), result, NULL, NULL);
  read->done = TRUE;
}

/* The main loop runs while the walker reads: it is this process that
 * answers its questions over the bus. */
static char *
walker_read_line (void)
{
  LineRead read = { FALSE, NULL };

  g_data_input_stream_read_line_async (walker.output, G_PRIORITY_DEFAULT, NULL, line_read_cb, &read);
  ms_test_wait (read.done);
  return read.line;
}

static void
walker_start (void)
{
  const char *python = g_getenv ("MS_A11Y_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "a11y-walk.py", NULL);
  g_autoptr(GError) error = NULL;

  walker.process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                     python ? python : "/usr/bin/python3", script, NULL);
  g_assert_no_error (error);
  walker.input = g_subprocess_get_stdin_pipe (walker.process);
  walker.output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (walker.process));
  walker.problems = g_ptr_array_new_with_free_func (g_free);
}

static void
walker_stop (void)
{
  g_output_stream_close (walker.input, NULL, NULL);
  g_subprocess_wait (walker.process, NULL, NULL);
  g_clear_object (&walker.output);
  g_clear_object (&walker.process);
  g_clear_pointer (&walker.problems, g_ptr_array_unref);
}

static void
walker_ask (const char *command,
            const char *page)
{
  g_autofree char *question = g_strdup_printf ("%s %s\n", command, page);
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (walker.problems, 0);
  g_output_stream_write_all (walker.input, question, strlen (question), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (walker.input, NULL, &error);
  g_assert_no_error (error);

  for (;;)
    {
      g_autofree char *line = walker_read_line ();

      g_assert_nonnull (line);
      if (g_str_equal (line, "end"))
        break;
      if (g_str_has_prefix (line, "problem "))
        g_ptr_array_add (walker.problems, g_strdup (line + strlen ("problem ")));
      else if (g_str_has_prefix (line, "read "))
        g_string_append_printf (reading, "%s\n", line + strlen ("read "));
    }
}

static void
keep_problems (void)
{
  for (guint i = 0; i < walker.problems->len; i++)
    g_ptr_array_add (all_problems, g_strdup (g_ptr_array_index (walker.problems, i)));
}

static void
find_chart_panels (GtkWidget *widget,
                   GPtrArray *panels)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (MS_IS_CHART_PANEL (child))
      g_ptr_array_add (panels, child);
    else
      find_chart_panels (child, panels);
}

/* Until @widget is drawn and what that queued has run: names follow
 * bindings a moment after a frame. */
static void
wait_settled (gpointer widget)
{
  ms_test_wait_drawn (widget);
  ms_test_wait_idle ();
}

/* Whether the rows of a shown table are made: a list makes them as it is
 * laid out, which may take more than a frame. */
static gboolean
table_has_rows (MsChartPanel *panel)
{
  GtkColumnView *table = ms_chart_panel_get_table (panel);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));

  if (g_list_model_get_n_items (model) == 0)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (table)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return gtk_widget_get_first_child (child) != NULL && gtk_widget_get_mapped (gtk_widget_get_first_child (child));
  return FALSE;
}

/* Shows every chart on screen in @window as a table, as the toggle beside
 * it does when pressed from the keyboard, or shows them as charts again.
 * Returns the charts' titles, each after a tab. */
static char *
show_tables (MsWindow *window,
             gboolean  shown)
{
  g_autoptr(GPtrArray) panels = g_ptr_array_new ();
  GString *titles = g_string_new (NULL);

  find_chart_panels (GTK_WIDGET (window), panels);
  for (guint i = 0; i < panels->len; i++)
    {
      MsChartPanel *panel = g_ptr_array_index (panels, i);
      MsChartView *chart = ms_chart_panel_get_view (panel);
      GtkWidget *toggle = ms_chart_panel_get_toggle (panel);

      if (!gtk_widget_get_mapped (GTK_WIDGET (panel)) || ms_chart_view_get_node (chart) == NULL)
        continue;
      g_assert_true (gtk_widget_get_focusable (toggle));
      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)) != shown)
        gtk_widget_activate (toggle);
      if (shown)
        ms_test_wait (table_has_rows (panel));
      {
        g_autofree char *title = ms_chart_dup_title (ms_chart_view_get_kind (chart), ms_chart_view_get_node (chart), NULL);

        g_string_append_printf (titles, "\t%s", title);
      }
    }
  wait_settled (window);
  return g_string_free (titles, FALSE);
}

/* Reads the tree as it is now; what is wrong is kept for the end, and what
 * a screen reader says is written down when asked for. Each chart must
 * have a name, a short description, a toggle to show it as a table and,
 * toggled, a table named after it. */
static void
visit (MsWindow   *window,
       const char *page)
{
  walker_ask ("walk", page);
  keep_problems ();
  if (reading != NULL)
    {
      g_string_append_printf (reading, "\n## %s\n", page);
      walker_ask (window != NULL ? "show" : "show-dialog", page);
    }

  if (window == NULL)
    return;
  {
    g_autofree char *charts = show_tables (window, TRUE);
    g_autofree char *question = g_strconcat (page, charts, NULL);

    g_assert_cmpstr (charts, !=, "");
    walker_ask ("walk-tables", question);
    keep_problems ();
    g_free (show_tables (window, FALSE));
  }
}

static MsWindow *
open_example (const char *name)
{
  g_autoptr(GFile) file = ms_test_copy_example (work_dir, name, NULL);
  MsWindow *window = ms_test_open_window (file, 1200, 820);

  ms_test_wait_idle ();
  return window;
}

static void
visit_dialog (GtkWindow  *dialog,
              const char *page)
{
  gtk_window_present (dialog);
  wait_settled (dialog);
  visit (NULL, page);
  gtk_window_destroy (dialog);
  ms_test_wait_idle ();
}

static void
visit_pages (MsWindow *window)
{
  MsDocument *document = ms_window_get_document (window);
  guint n_categories = g_list_model_get_n_items (ms_document_get_categories (document));

  ms_window_select_section (window, 0);
  wait_settled (window);
  visit (window, "Overview");

  for (guint i = 0; i < n_categories; i++)
    {
      MsCategory *category = ms_document_get_category (document, i);
      MsGroup *group = ms_category_get_group (category, 0);
      g_autofree char *page = NULL;

      ms_window_select_section (window, 1 + i);
      wait_settled (window);
      if (group != NULL && g_list_model_get_n_items (ms_group_get_projects (group)) > 0)
        {
          ms_window_select_project (window, ms_group_get_project (group, 0));
          wait_settled (window);
        }
      page = g_strdup (ms_category_get_title (category));
      visit (window, page);

      /* The first indicator's figures by date, with their chart. */
      if (i == 0)
        {
          g_autoptr(GPtrArray) rows = ms_test_find_widgets (window, MS_TYPE_INDICATOR_ROW);
          GtkWidget *history;

          g_assert_cmpuint (rows->len, >, 0);
          history = ms_test_part (g_ptr_array_index (rows, 0), "history_button");
          gtk_widget_activate (history);
          wait_settled (window);
          g_free (page);
          page = g_strdup_printf ("%s, figures by date", ms_category_get_title (category));
          visit (window, page);
          gtk_widget_activate (history);
          wait_settled (window);
        }

      g_action_group_activate_action (G_ACTION_GROUP (window), "projects-view", g_variant_new_string ("ledger"));
      wait_settled (window);
      g_free (page);
      page = g_strdup_printf ("%s, ledger", ms_category_get_title (category));
      visit (window, page);
      g_action_group_activate_action (G_ACTION_GROUP (window), "projects-view", g_variant_new_string ("list"));
      wait_settled (window);
    }

  ms_window_select_section (window, 1 + n_categories);
  wait_settled (window);
  visit (window, "Departments");
}

static void
visit_dialogs (MsWindow *window)
{
  MsDocument *document = ms_window_get_document (window);
  g_autoptr(GSettings) settings = g_settings_new ("io.minsheng.Tracker");
  AdwMessageDialog *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (window), "new-reporting-date", NULL);
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  visit_dialog (GTK_WINDOW (dialog), "New Reporting Date");

  visit_dialog (GTK_WINDOW (ms_print_dialog_new (window, document, NULL, NULL, FALSE)), "Print");
  visit_dialog (GTK_WINDOW (ms_preferences_window_new (settings)), "Preferences");

  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "notices", "plan.txt", NULL);
    g_autofree char *text = NULL;
    g_autoptr(MsDocument) imported = NULL;
    g_autoptr(MsNoticeReport) report = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &text, &length, NULL));
    imported = ms_notice_import (text, length, &report, NULL);
    g_assert_nonnull (imported);
    visit_dialog (ms_import_dialog_present (window, "plan.txt", imported, report), "Import");
  }

  visit_dialog (GTK_WINDOW (ms_returns_dialog_new (window)), "Department Returns");
  {
    /* A notice of another year: the review lists what it cannot match. */
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "notices", "luohe-2024-progress.txt", NULL);
    g_autofree char *text = NULL;
    g_autoptr(MsDocument) notice = NULL;
    g_autoptr(MsNoticeReport) report = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &text, &length, NULL));
    notice = ms_notice_import (text, length, &report, NULL);
    g_assert_nonnull (notice);
    visit_dialog (GTK_WINDOW (ms_merge_dialog_new_for_notice (window, "luohe-2024-progress.txt", notice, report)),
                  "Review");
  }

  /* Closing with unsaved changes asks. */
  ms_document_set_year (document, ms_document_get_year (document) + 1);
  gtk_window_close (GTK_WINDOW (window));
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  wait_settled (dialog);
  visit (NULL, "Save Changes?");
  adw_message_dialog_response (dialog, "discard");
}

static void
test_tree (void)
{
  MsWindow *window;
  g_autoptr(GString) problems = g_string_new (NULL);

  all_problems = g_ptr_array_new_with_free_func (g_free);
  if (g_getenv ("MS_A11Y_READING") != NULL)
    reading = g_string_new (NULL);

  window = open_example ("example-city-2025.json");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  walker_start ();
  visit_pages (window);
  visit_dialogs (window);
  ms_test_wait (window == NULL);
  walker_stop ();

  if (reading != NULL)
    {
      g_autoptr(GError) error = NULL;

      g_file_set_contents (g_getenv ("MS_A11Y_READING"), reading->str, -1, &error);
      g_assert_no_error (error);
      g_string_free (reading, TRUE);
      reading = NULL;
    }

  for (guint i = 0; i < all_problems->len; i++)
    g_string_append_printf (problems, "\n  %s", (char *)g_ptr_array_index (all_problems, i));
  if (all_problems->len > 0)
    g_test_message ("%u problems in the accessibility tree:%s", all_problems->len, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
  g_ptr_array_unref (all_problems);
}

int
main (int   argc,
      char *argv[])
{
  ms_paths_init_gettext ();
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  work_dir = g_dir_make_tmp ("minsheng-a11y-XXXXXX", NULL);

  g_test_add_func ("/a11y/tree", test_tree);

  {
    int result = g_test_run ();

    ms_test_remove_tree (work_dir);
    g_free (work_dir);
    return result;
  }
}
