/* test-window.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drives the real window under Xvfb: sections, editing, undo and redo,
 * structure, search, saving, closing with unsaved changes, every template.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "ms-chart-panel.h"
#include "ms-chart-view.h"
#include "ms-choice-item.h"
#include "ms-departments-page.h"
#include "ms-edits.h"
#include "ms-gui-util.h"
#include "ms-import-dialog.h"
#include "ms-import-preview.h"
#include "ms-import-row.h"
#include "ms-indicator-row.h"
#include "ms-l10n.h"
#include "ms-ledger-paste-dialog.h"
#include "ms-ledger-view.h"
#include "ms-merge-dialog.h"
#include "ms-notice.h"
#include "ms-paste.h"
#include "ms-paths.h"
#include "ms-overview-page.h"
#include "ms-preferences-window.h"
#include "ms-print.h"
#include "ms-project-list.h"
#include "ms-project-row.h"
#include "ms-project-view.h"
#include "ms-recovery.h"
#include "ms-restore-dialog.h"
#include "ms-returns-dialog.h"
#include "ms-departments.h"
#include "ms-save-changes-dialog.h"
#include "ms-check.h"
#include "ms-progress-view.h"
#include "ms-settings.h"
#include "ms-window.h"
#include "ms-xlsx-export.h"
#include "test-gui-util.h"
#include "test-util.h"

static char *work_dir;

static GPtrArray *
find_widgets (gpointer root,
              GType    type)
{
  return ms_test_find_widgets (root, type);
}

static guint
find_widgets_count (gpointer root,
                    GType    type)
{
  g_autoptr(GPtrArray) found = find_widgets (root, type);

  return found->len;
}

static GtkWidget *
find_by_id (gpointer    root,
            const char *id)
{
  return ms_test_find_by_id (root, id);
}

static GtkWidget *
part (MsWindow   *window,
      const char *id)
{
  return ms_test_part (window, id);
}

#define WINDOW_PART(name, TYPE, CAST) \
  static TYPE * \
  name (MsWindow *window) \
  { \
    return CAST (part (window, #name)); \
  }

WINDOW_PART (sidebar, GtkListBox, GTK_LIST_BOX)
WINDOW_PART (project_list, MsProjectList, MS_PROJECT_LIST)
WINDOW_PART (search_bar, GtkSearchBar, GTK_SEARCH_BAR)
WINDOW_PART (search_entry, GtkSearchEntry, GTK_SEARCH_ENTRY)
WINDOW_PART (status_filter, GtkDropDown, GTK_DROP_DOWN)
WINDOW_PART (search_count, GtkLabel, GTK_LABEL)
WINDOW_PART (toast_overlay, AdwToastOverlay, ADW_TOAST_OVERLAY)
WINDOW_PART (window_title, AdwWindowTitle, ADW_WINDOW_TITLE)
WINDOW_PART (changed_revealer, GtkRevealer, GTK_REVEALER)
WINDOW_PART (changed_label, GtkLabel, GTK_LABEL)
WINDOW_PART (reload_button, GtkButton, GTK_BUTTON)
WINDOW_PART (save_button, GtkButton, GTK_BUTTON)
WINDOW_PART (loading_page, AdwStatusPage, ADW_STATUS_PAGE)
WINDOW_PART (status_page, AdwStatusPage, ADW_STATUS_PAGE)

/* A part made when a file is shown: the one widget of its type. */
static GtkWidget *
only_part (MsWindow *window,
           GType     type)
{
  g_autoptr(GPtrArray) found = find_widgets (window, type);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static MsOverviewPage *
overview_page (MsWindow *window)
{
  return MS_OVERVIEW_PAGE (only_part (window, MS_TYPE_OVERVIEW_PAGE));
}

static MsDepartmentsPage *
departments_page (MsWindow *window)
{
  return MS_DEPARTMENTS_PAGE (only_part (window, MS_TYPE_DEPARTMENTS_PAGE));
}

static MsProjectView *
project_view (MsWindow *window)
{
  return ms_window_get_project_view (window);
}

/* Waiting: never for a time, always for what the test needs next. */

/* The project list's filter model, which filters in slices. */
static GtkFilterListModel *
shown_model (MsWindow *window)
{
  g_autoptr(GPtrArray) views = find_widgets (project_list (window), GTK_TYPE_LIST_VIEW);
  GListModel *model;

  g_assert_cmpuint (views->len, ==, 1);
  model = G_LIST_MODEL (gtk_list_view_get_model (g_ptr_array_index (views, 0)));
  while (GTK_IS_SINGLE_SELECTION (model))
    model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model));
  g_assert_true (GTK_IS_FILTER_LIST_MODEL (model));
  return GTK_FILTER_LIST_MODEL (model);
}

static guint
shown_projects (MsWindow *window)
{
  /* Filtering is incremental: wait until it is done. */
  ms_test_wait (gtk_filter_list_model_get_pending (shown_model (window)) == 0);
  return ms_project_list_get_n_shown (project_list (window));
}

typedef struct
{
  const char *text;
  gboolean    done;
} SearchWait;

static void
search_changed_cb (GtkEditable *entry,
                   SearchWait  *wait)
{
  /* Replacing the text empties the entry first, which searches at once. */
  if (g_strcmp0 (gtk_editable_get_text (entry), wait->text) == 0)
    wait->done = TRUE;
}

/* Types @text in the search entry and waits for the search it starts. */
static void
search_for (MsWindow   *window,
            const char *text)
{
  GtkEditable *entry = GTK_EDITABLE (search_entry (window));
  SearchWait wait = { text, FALSE };
  gulong id;

  if (g_strcmp0 (gtk_editable_get_text (entry), text) == 0)
    return;
  id = g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed_cb), &wait);
  gtk_editable_set_text (entry, text);
  ms_test_wait (wait.done);
  g_signal_handler_disconnect (entry, id);
  shown_projects (window);
}

/* Resizes a shown window and waits until it has its new size and is drawn
 * at it. What the window draws around its content (CSD) stays the same. */
static void
resize_window (MsWindow *window,
               int       width,
               int       height)
{
  int default_width, default_height;
  int outside_width, outside_height;

  gtk_window_get_default_size (GTK_WINDOW (window), &default_width, &default_height);
  outside_width = default_width - gtk_widget_get_width (GTK_WIDGET (window));
  outside_height = default_height - gtk_widget_get_height (GTK_WIDGET (window));
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ms_test_wait (gtk_widget_get_width (GTK_WIDGET (window)) == width - outside_width &&
                gtk_widget_get_height (GTK_WIDGET (window)) == height - outside_height);
  ms_test_wait_drawn (window);
}

/* The page shown in the main area is @name. */
static void
wait_page (MsWindow   *window,
           const char *name)
{
  ms_test_wait (g_strcmp0 (ms_window_get_visible_page (window), name) == 0);
}

static gboolean
has_label (gpointer    root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A copy of a bundled example: the year-end one, or another by its name. */
static GFile *
copy_bundled (const char *name,
              const char *example)
{
  return ms_test_copy_example (work_dir, name, example);
}

static GFile *
copy_example (const char *name)
{
  return copy_bundled (name, NULL);
}

static MsWindow *
open_bundled (const char *name,
              const char *example)
{
  g_autoptr(GFile) file = copy_bundled (name, example);

  return ms_test_open_window (file, 1200, 820);
}

static MsWindow *
open_window (const char *name)
{
  return open_bundled (name, NULL);
}

/* The other bundled file: a year in progress, with lagging projects. */
static MsWindow *
open_example_city (void)
{
  return open_bundled ("example-city.json", "example-city-2025.json");
}

static void
activate (MsWindow   *window,
          const char *action)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), action));
  g_action_group_activate_action (G_ACTION_GROUP (window), action, NULL);
  ms_test_wait_idle ();
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("MS_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderNode *node;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (dir == NULL)
    return;

  /* A dialog just presented has no size, nor anything drawn, yet. */
  if (!gtk_widget_get_mapped (widget) || width == 0)
    {
      ms_test_wait (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0);
      ms_test_wait_drawn (widget);
      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
    }

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (node);
  path = g_strdup_printf ("%s/%s-%s.png", dir, g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C", name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_sections (void)
{
  MsWindow *window = open_window ("sections.json");
  guint n_rows = 0;

  while (gtk_list_box_get_row_at_index (sidebar (window), n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 4);

  g_assert_cmpstr (adw_window_title_get_title (window_title (window)), ==, "漯河市2024年民生实事完成情况");
  {
    g_autofree char *subtitle = g_strdup_printf (_("%s · %d"), "漯河市", 2024);

    g_assert_cmpstr (adw_window_title_get_subtitle (window_title (window)), ==, subtitle);
  }
  g_assert_cmpstr (ms_window_get_visible_page (window), ==, "overview");
  {
    /* The headline cards are buttons, not the empty boxes around them. */
    g_autoptr(GPtrArray) cards = find_widgets (overview_page (window), GTK_TYPE_FLOW_BOX_CHILD);

    g_assert_cmpuint (cards->len, ==, 1 + MS_N_SCHEDULES);
    for (guint i = 0; i < cards->len; i++)
      {
        g_assert_false (gtk_widget_get_focusable (g_ptr_array_index (cards, i)));
        g_assert_true (GTK_IS_BUTTON (gtk_flow_box_child_get_child (g_ptr_array_index (cards, i))));
      }
  }
  {
    /* A year-end file: every project done or not reported, as `summary` counts. */
    g_autofree char *projects = ms_overview_page_dup_figure (overview_page (window), 0);
    g_autofree char *done = ms_overview_page_dup_figure (overview_page (window), 1 + MS_SCHEDULE_DONE);
    g_autofree char *not_reported = ms_overview_page_dup_figure (overview_page (window), 1 + MS_SCHEDULE_NOT_REPORTED);
    g_autofree char *behind = ms_overview_page_dup_figure (overview_page (window), 1 + MS_SCHEDULE_BEHIND);

    g_assert_cmpstr (projects, ==, "32");
    g_assert_cmpstr (done, ==, "30");
    g_assert_cmpstr (not_reported, ==, "2");
    g_assert_cmpstr (behind, ==, "0");
  }
  save_screenshot (GTK_WIDGET (window), "overview");

  ms_window_select_section (window, 1);
  wait_page (window, "projects");
  g_assert_cmpuint (shown_projects (window), ==, 12);

  ms_window_select_section (window, 2);
  g_assert_cmpuint (shown_projects (window), ==, 20);
  /* A project is selected and shown in the detail view. */
  g_assert_nonnull (ms_project_view_get_project (project_view (window)));
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "category");

  ms_window_select_section (window, 3);
  wait_page (window, "departments");
  ms_test_wait_drawn (window);
  /* 19 departments; the project naming none is not one of them. */
  g_assert_cmpuint (ms_departments_page_get_n_rows (departments_page (window)), ==, 19);
  save_screenshot (GTK_WIDGET (window), "departments");
  {
    /* A department's projects are listed when it is opened, and lead to the project. */
    g_autoptr(GPtrArray) departments = find_widgets (find_by_id (departments_page (window), "department_list"),
                                                     ADW_TYPE_EXPANDER_ROW);
    g_autoptr(GPtrArray) rows = NULL;
    GtkWidget *department;
    guint closed;

    g_assert_cmpuint (departments->len, ==, 19);
    /* The project that names none is shown apart, above. */
    g_assert_true (gtk_widget_get_visible (find_by_id (departments_page (window), "unassigned_list")));
    department = g_ptr_array_index (departments, 0);
    /* Closed, it holds only its own header row. */
    rows = find_widgets (department, ADW_TYPE_ACTION_ROW);
    closed = rows->len;
    g_clear_pointer (&rows, g_ptr_array_unref);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (department), TRUE);
    rows = find_widgets (department, ADW_TYPE_ACTION_ROW);
    /* Nothing lags at the end of the bundled year: the department that
     * leads, by gap and then by name, has one project. */
    g_assert_cmpuint (rows->len, ==, closed + 1);
    g_signal_emit_by_name (g_ptr_array_index (rows, rows->len - 1), "activated");
    wait_page (window, "projects");
    g_assert_nonnull (ms_project_view_get_project (project_view (window)));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The page lists the departments as its model (and so the chart) orders them. */
static void
assert_page_follows_model (MsDepartmentsPage *page)
{
  GListModel *model = G_LIST_MODEL (ms_departments_page_get_departments (page));
  g_autoptr(GPtrArray) rows = find_widgets (find_by_id (page, "department_list"), ADW_TYPE_EXPANDER_ROW);

  g_assert_cmpuint (rows->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (model, i);
      g_autofree char *summary = ms_department_format_summary (department, NULL);
      AdwExpanderRow *row = g_ptr_array_index (rows, i);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                       ms_department_get_name (department));
      g_assert_cmpstr (adw_expander_row_get_subtitle (row), ==, summary);
    }
}

static void
test_departments_to_chase (void)
{
  MsWindow *window = open_example_city ();
  MsDocument *document = ms_window_get_document (window);
  MsDepartmentsPage *page;
  GtkWidget *unassigned_list;
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) icons = NULL;
  g_autofree char *unassigned_title = NULL;
  const MsDepartmentProject *entry;
  guint closed;

  /* Screenshots of open rows without their opening half-way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  ms_window_select_section (window, 3);
  wait_page (window, "departments");
  page = departments_page (window);
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "departments-city");

  /* Most projects behind schedule first, as in the chart and the CLI. */
  assert_page_follows_model (page);
  departments = find_widgets (find_by_id (page, "department_list"), ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (departments->len, ==, 14);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (departments, 0)), ==, "市教育局");
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "en") == 0)
    g_assert_cmpstr (adw_expander_row_get_subtitle (g_ptr_array_index (departments, 0)), ==,
                     "3 projects · 3 behind schedule · gap 43 points");

  /* The project without a department: a problem of the data, at the top,
   * that opens on the project. */
  unassigned_list = find_by_id (page, "unassigned_list");
  g_assert_true (gtk_widget_get_visible (unassigned_list));
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_widgets (unassigned_list, ADW_TYPE_EXPANDER_ROW);
  g_assert_cmpuint (rows->len, ==, 1);
  unassigned_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project has no responsible department",
                                                   "%u projects have no responsible department", 1), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, unassigned_title);
  adw_expander_row_set_expanded (g_ptr_array_index (rows, 0), TRUE);
  {
    g_autoptr(GPtrArray) projects = find_widgets (g_ptr_array_index (rows, 0), ADW_TYPE_ACTION_ROW);
    AdwPreferencesRow *project_row = g_ptr_array_index (projects, projects->len - 1);

    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (project_row), "7. "));
  }

  /* Opened, a department lists its projects with their state in a shape
   * and in words, and the deciding figure against 序时进度. */
  {
    GListModel *model = G_LIST_MODEL (ms_departments_page_get_departments (page));
    g_autoptr(MsDepartment) first = g_list_model_get_item (model, 0);

    /* The most urgent project comes first. */
    entry = ms_department_get_entry (first, 0);
    for (guint i = 1; i < ms_department_get_n_projects (first); i++)
      if (ms_department_get_entry (first, i)->schedule < entry->schedule)
        entry = ms_department_get_entry (first, i);
    g_assert_cmpint (entry->schedule, ==, MS_SCHEDULE_OVERDUE);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = find_widgets (g_ptr_array_index (departments, 0), ADW_TYPE_ACTION_ROW);
    closed = rows->len;
    adw_expander_row_set_expanded (g_ptr_array_index (departments, 0), TRUE);
    g_clear_pointer (&rows, g_ptr_array_unref);
    rows = find_widgets (g_ptr_array_index (departments, 0), ADW_TYPE_ACTION_ROW);
    g_assert_cmpuint (rows->len, ==, closed + 3);
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, closed)),
                                     ms_schedule_get_label (entry->schedule)));
    icons = find_widgets (g_ptr_array_index (rows, closed), GTK_TYPE_IMAGE);
    g_assert_cmpstr (gtk_image_get_icon_name (g_ptr_array_index (icons, 0)), ==,
                     ms_schedule_get_icon_name (entry->schedule));
  }
  ms_test_wait_drawn (window);
  {
    /* Scrolled to the opened department, for the screenshot. */
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_first_child (GTK_WIDGET (page)));
    GtkWidget *content = gtk_scrolled_window_get_child (scrolled);
    graphene_point_t point;

    g_assert_true (gtk_widget_compute_point (g_ptr_array_index (departments, 0), content,
                                             &GRAPHENE_POINT_INIT (0, 0), &point));
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scrolled), point.y - 24);
    ms_test_wait_drawn (window);
  }
  save_screenshot (GTK_WIDGET (window), "departments-city-open");

  /* Another date: the figures, and so the order, change; page and model agree. */
  ms_document_set_as_of (document, ms_date_from_ymd (2025, 3, 31));
  ms_test_wait_idle ();
  assert_page_follows_model (page);

  /* A project still leads to its detail view. */
  g_clear_pointer (&departments, g_ptr_array_unref);
  departments = find_widgets (find_by_id (page, "department_list"), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_expanded (g_ptr_array_index (departments, 0), TRUE);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = find_widgets (g_ptr_array_index (departments, 0), ADW_TYPE_ACTION_ROW);
  g_signal_emit_by_name (g_ptr_array_index (rows, rows->len - 1), "activated");
  wait_page (window, "projects");
  /* The detail view is made when the window is first idle. */
  ms_test_wait (project_view (window) != NULL && ms_project_view_get_project (project_view (window)) != NULL);

  ms_document_set_modified (document, FALSE);
  gtk_window_destroy (GTK_WINDOW (window));
  gtk_settings_reset_property (gtk_settings_get_default (), "gtk-enable-animations");
}

static GtkTextView *
text_view_at (MsWindow *window,
              guint     index)
{
  g_autoptr(GPtrArray) views = find_widgets (project_view (window), GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, 3);
  return g_ptr_array_index (views, index);
}

static GtkEntry *
indicator_entry (MsWindow *window,
                 guint     row,
                 guint     index)
{
  g_autoptr(GPtrArray) rows = find_widgets (project_view (window), MS_TYPE_INDICATOR_ROW);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpuint (row, <, rows->len);
  entries = find_widgets (g_ptr_array_index (rows, row), GTK_TYPE_ENTRY);
  g_assert_cmpuint (entries->len, ==, 4);
  return g_ptr_array_index (entries, index);
}

static void
test_edit_undo_redo (void)
{
  MsWindow *window = open_window ("edit.json");
  MsProject *project;
  MsIndicator *indicator;
  const char *original;
  g_autofree char *original_copy = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean rate_shown = FALSE;

  ms_window_select_section (window, 2);
  shown_projects (window);
  project = ms_project_view_get_project (project_view (window));
  g_assert_cmpuint (ms_project_get_number (project), ==, 1);
  indicator = ms_project_get_indicator (project, 0);
  original = ms_project_get_completion (project);
  original_copy = g_strdup (original);
  g_assert_false (ms_document_get_modified (ms_window_get_document (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));

  /* Type a completion report. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_at (window, 1)), "全市城镇新增就业3.96万人。", -1);
  ms_test_wait (g_strcmp0 (ms_project_get_completion (project), "全市城镇新增就业3.96万人。") == 0);
  g_assert_true (ms_document_get_modified (ms_window_get_document (window)));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));

  /* A figure: the rate and the chart follow. */
  ms_history_break_merge (ms_window_get_history (window));
  gtk_editable_set_text (GTK_EDITABLE (indicator_entry (window, 0, 2)), "3.96");
  ms_test_wait (ms_indicator_get_actual (indicator) == 3.96);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 3.96);
  labels = find_widgets (project_view (window), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    rate_shown |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), "120%") == 0;
  g_assert_true (rate_shown);
  description = ms_chart_view_dup_description (MS_CHART_VIEW (ms_project_view_get_chart (project_view (window))));
  {
    MsChartView *chart = MS_CHART_VIEW (ms_project_view_get_chart (project_view (window)));
    g_autoptr(GListModel) rows = ms_chart_collect_rows (MS_CHART_PROJECT, ms_chart_view_get_node (chart), NULL);
    g_autoptr(MsChartRow) row = g_list_model_get_item (rows, 0);
    g_autofree char *expected = ms_chart_describe (MS_CHART_PROJECT, MS_NODE (project), NULL);

    /* The chart's rows state the new figure, in the interface language;
     * its description is the headline. */
    g_assert_true (ms_chart_row_get_indicator (row) == indicator);
    g_assert_cmpstr (ms_chart_row_get_actual (row), ==, ms_l10n_is_chinese (NULL) ? "3.96万人" : "39,600 people");
    g_assert_cmpstr (description, ==, expected);
  }

  /* Undo the figure, then the text; redo both. */
  activate (window, "undo");
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 3.67);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (indicator_entry (window, 0, 2))), ==, "3.67");
  activate (window, "undo");
  g_assert_cmpstr (ms_project_get_completion (project), ==, original_copy);
  g_assert_false (ms_document_get_modified (ms_window_get_document (window)));
  activate (window, "redo");
  g_assert_cmpstr (ms_project_get_completion (project), ==, "全市城镇新增就业3.96万人。");
  activate (window, "redo");
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 3.96);
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "redo"));

  /* Clearing the figure means "not reported", and undoes too. */
  gtk_editable_set_text (GTK_EDITABLE (indicator_entry (window, 0, 2)), "");
  ms_test_wait (!ms_indicator_get_has_actual (indicator));
  activate (window, "undo");
  g_assert_true (ms_indicator_get_has_actual (indicator));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The 落款 rows of the file's details edit the document, one undo step each;
 * a date that is not one is marked and not taken. */
static void
test_issuer_rows (void)
{
  MsWindow *window = open_window ("sections.json");
  MsDocument *document = ms_window_get_document (window);
  GtkEditable *issuer = GTK_EDITABLE (part (window, "issuer_row"));
  GtkEditable *issued = GTK_EDITABLE (part (window, "issued_row"));

  gtk_editable_set_text (issuer, "漯河市人民政府办公室");
  ms_test_wait (g_strcmp0 (ms_document_get_issuer (document), "漯河市人民政府办公室") == 0);
  ms_history_break_merge (ms_window_get_history (window));
  gtk_editable_set_text (issued, "2025-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (issued), "error"));
  g_assert_cmpuint (ms_document_get_issued (document), ==, MS_DATE_NONE);
  gtk_editable_set_text (issued, "2025-01-10");
  ms_test_wait (ms_document_get_issued (document) == ms_date_from_ymd (2025, 1, 10));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (issued), "error"));
  {
    /* Scrolled down to the rows, for the screenshot. */
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (issuer), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
    graphene_point_t in_scrolled;

    ms_test_wait_drawn (window);
    g_assert_true (gtk_widget_compute_point (GTK_WIDGET (issuer), scrolled, &origin, &in_scrolled));
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + in_scrolled.y - 300);
    ms_test_wait_drawn (window);
    save_screenshot (GTK_WIDGET (window), "overview-issuer");
  }

  activate (window, "undo");
  g_assert_cmpuint (ms_document_get_issued (document), ==, MS_DATE_NONE);
  g_assert_cmpstr (gtk_editable_get_text (issued), ==, "");
  g_assert_cmpstr (ms_document_get_issuer (document), ==, "漯河市人民政府办公室");
  activate (window, "undo");
  g_assert_cmpstr (gtk_editable_get_text (issuer), ==, "");
  g_assert_false (ms_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_shows (gpointer    root,
             const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_is_drawable (g_ptr_array_index (labels, i)) &&
        strstr (gtk_label_get_label (g_ptr_array_index (labels, i)), text) != NULL)
      return TRUE;
  return FALSE;
}

static GtkButton *
indicator_button (MsWindow   *window,
                  guint       row,
                  const char *icon_name)
{
  g_autoptr(GPtrArray) rows = find_widgets (project_view (window), MS_TYPE_INDICATOR_ROW);
  g_autoptr(GPtrArray) buttons = NULL;

  g_assert_cmpuint (row, <, rows->len);
  buttons = find_widgets (g_ptr_array_index (rows, row), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (buttons, i)), icon_name) == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

static guint
n_indicator_rows (MsWindow *window)
{
  g_autoptr(GPtrArray) rows = find_widgets (project_view (window), MS_TYPE_INDICATOR_ROW);

  return rows->len;
}

/* A clock that stands still: all typing in a test is one step of typing. */
static gint64
frozen_clock (gpointer user_data)
{
  return G_USEC_PER_SEC;
}

static void
test_names_and_headings (void)
{
  MsWindow *window = open_window ("names.json");
  g_autoptr(GPtrArray) entry_rows = NULL;
  g_auto(GStrv) original = NULL;
  GtkEditable *departments;
  MsProject *project;
  MsGroup *group;
  guint n_indicators;

  /* Typing merges into one step however slow the machine. */
  ms_history_set_clock (ms_window_get_history (window), frozen_clock, NULL);
  ms_window_select_section (window, 2);
  shown_projects (window);
  project = ms_project_view_get_project (project_view (window));
  group = ms_project_get_group (project);
  original = g_strdupv ((char **)ms_project_get_departments (project));
  entry_rows = find_widgets (project_view (window), ADW_TYPE_ENTRY_ROW);
  /* Departments, cooperating units, leader in charge, contact, deadline. */
  g_assert_cmpuint (entry_rows->len, ==, 5);
  departments = GTK_EDITABLE (g_ptr_array_index (entry_rows, 0));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entry_rows, 4)), "2024-10-31");
  ms_test_wait (ms_project_get_deadline (project) == ms_date_from_ymd (2024, 10, 31));
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entry_rows, 2)), "王副市长");
  ms_test_wait (g_str_equal (ms_project_get_lead (project), "王副市长"));
  activate (window, "undo");
  activate (window, "undo");
  g_assert_cmpuint (ms_project_get_deadline (project), ==, MS_DATE_NONE);
  g_assert_cmpstr (ms_project_get_lead (project), ==, "");

  /* Names count as typed, with no apply step to forget before saving. */
  gtk_editable_set_text (departments, "市交通局、市财政局");
  ms_test_wait (g_strv_length ((char **)ms_project_get_departments (project)) == 2);
  g_assert_cmpuint (g_strv_length ((char **)ms_project_get_departments (project)), ==, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "市财政局");
  g_assert_true (ms_document_get_modified (ms_window_get_document (window)));
  /* A separator just typed stays under the cursor. */
  gtk_editable_set_text (departments, "市交通局、");
  ms_test_wait (g_strv_length ((char **)ms_project_get_departments (project)) == 1);
  g_assert_cmpuint (g_strv_length ((char **)ms_project_get_departments (project)), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (departments), ==, "市交通局、");
  /* Undoing the typing, one step, shows the names from the file. */
  activate (window, "undo");
  g_assert_true (g_strv_equal ((const char * const *)original, ms_project_get_departments (project)));
  {
    g_autofree char *joined = g_strjoinv ("、", original);

    g_assert_cmpstr (gtk_editable_get_text (departments), ==, joined);
  }
  g_assert_false (ms_document_get_modified (ms_window_get_document (window)));

  /* Renaming the group, and undoing it, shows in the list and the detail heading. */
  ms_history_set_string (ms_window_get_history (window), "Rename", G_OBJECT (group), "title", "改名后的分组");
  ms_test_wait (label_shows (project_list (window), "改名后的分组"));
  ms_test_wait (label_shows (project_view (window), "改名后的分组"));
  activate (window, "undo");
  ms_test_wait (!label_shows (project_list (window), "改名后的分组"));
  ms_test_wait (!label_shows (project_view (window), "改名后的分组"));

  /* The last indicator can move down once another follows it. */
  n_indicators = g_list_model_get_n_items (ms_project_get_indicators (project));
  g_assert_cmpuint (n_indicators, >, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (indicator_button (window, n_indicators - 1,
                                                                          "go-down-symbolic"))));
  {
    g_autoptr(MsIndicator) added = ms_indicator_new ();

    ms_history_insert (ms_window_get_history (window), "Add Indicator", MS_NODE (project), n_indicators, MS_NODE (added));
  }
  ms_test_wait (n_indicator_rows (window) == n_indicators + 1);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (indicator_button (window, n_indicators - 1,
                                                                         "go-down-symbolic"))));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (indicator_button (window, n_indicators,
                                                                          "go-down-symbolic"))));
  activate (window, "undo");
  ms_test_wait (n_indicator_rows (window) == n_indicators);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (indicator_button (window, n_indicators - 1,
                                                                          "go-down-symbolic"))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_structure (void)
{
  MsWindow *window = open_window ("structure.json");
  MsProject *first;
  MsGroup *group;
  guint before;

  ms_window_select_section (window, 1);
  before = shown_projects (window);
  first = ms_project_list_get_selected_project (project_list (window));
  group = ms_project_get_group (first);

  activate (window, "add-project");
  g_assert_cmpuint (shown_projects (window), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, 2);
  g_assert_cmpuint (ms_project_get_number (ms_project_list_get_selected_project (project_list (window))), ==, 13);
  activate (window, "undo");
  g_assert_cmpuint (shown_projects (window), ==, before);

  ms_project_list_select_project (project_list (window), first);
  activate (window, "remove-project");
  g_assert_cmpuint (shown_projects (window), ==, before - 1);
  {
    /* The toast that says so offers Undo, which brings it back. */
    g_autoptr(GPtrArray) buttons = find_widgets (toast_overlay (window), GTK_TYPE_BUTTON);
    GtkButton *undo = NULL;

    for (guint i = 0; i < buttons->len; i++)
      if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), _("_Undo")) == 0)
        undo = g_ptr_array_index (buttons, i);
    g_assert_nonnull (undo);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==, "win.undo");
  }
  activate (window, "undo");
  g_assert_cmpuint (shown_projects (window), ==, before);
  /* The same project comes back, in its group. */
  g_assert_true (ms_group_get_project (group, 0) == first);

  activate (window, "add-group");
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (ms_document_get_category (ms_window_get_document (window), 0))),
                    ==, 11);
  activate (window, "undo");
  g_assert_cmpuint (g_list_model_get_n_items (ms_category_get_groups (ms_document_get_category (ms_window_get_document (window), 0))),
                    ==, 10);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  MsWindow *window = open_window ("search.json");

  activate (window, "search");
  g_assert_true (gtk_search_bar_get_search_mode (search_bar (window)));
  g_assert_cmpstr (ms_window_get_visible_page (window), ==, "projects");
  g_assert_cmpuint (shown_projects (window), ==, 32);

  /* Across categories, by department and by text. */
  search_for (window, "市公安局");
  g_assert_cmpuint (shown_projects (window), ==, 1);
  g_assert_cmpuint (ms_project_get_number (ms_project_list_get_shown_project (project_list (window), 0)), ==, 8);
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "search");

  search_for (window, "供热");
  g_assert_cmpuint (shown_projects (window), ==, 1);

  /* By status alone. */
  search_for (window, "");
  gtk_drop_down_set_selected (status_filter (window), 1 + MS_STATUS_IN_PROGRESS);
  g_assert_cmpuint (shown_projects (window), ==, 1);

  gtk_search_bar_set_search_mode (search_bar (window), FALSE);
  wait_page (window, "overview");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Runs the first shortcut for @accelerator that a shortcut controller of
 * @widget or of an ancestor activates, as a key press there would (GTK 4
 * tests cannot make key events). */
static gboolean
press_shortcut_in (GtkWidget  *widget,
                   const char *accelerator)
{
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (w);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

              if (g_strcmp0 (trigger, accelerator) == 0 &&
                  gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, w, NULL))
                {
                  ms_test_wait_idle ();
                  return TRUE;
                }
            }
        }
    }
  return FALSE;
}

static GtkLabel *
highlighted_label (MsWindow   *window,
                   const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (project_list (window), GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (labels->pdata[i]) && gtk_label_get_attributes (labels->pdata[i]) != NULL &&
        strstr (gtk_label_get_label (labels->pdata[i]), text) != NULL)
      return labels->pdata[i];
  return NULL;
}

static void
test_search_return_and_escape (void)
{
  MsWindow *window = open_window ("search-return.json");
  MsProject *before;
  MsProject *found;
  g_autofree char *one = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", 1), 1);
  g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", 32), 32);
  GtkLabel *label;

  /* A project is shown; searching and closing returns to it. */
  activate (window, "search");
  before = ms_project_list_get_shown_project (project_list (window), 5);
  gtk_search_bar_set_search_mode (search_bar (window), FALSE);
  ms_window_select_project (window, before);
  ms_test_wait (ms_project_list_get_selected_project (project_list (window)) == before);
  g_assert_true (ms_project_list_get_selected_project (project_list (window)) == before);

  activate (window, "search");
  g_assert_cmpuint (shown_projects (window), ==, 32);
  g_assert_cmpstr (gtk_label_get_label (search_count (window)), ==, all);
  search_for (window, "市公安局");
  g_assert_cmpuint (shown_projects (window), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (search_count (window)), ==, one);
  found = ms_project_list_get_shown_project (project_list (window), 0);
  g_assert_true (found != before);

  /* The match is marked with attributes, the text stays as it is. */
  ms_test_wait_drawn (window);
  label = highlighted_label (window, "市公安局");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));

  /* Escape from the entry: back to the project shown before. */
  gtk_search_bar_set_search_mode (search_bar (window), FALSE);
  g_assert_cmpstr (ms_window_get_visible_page (window), ==, "projects");
  g_assert_cmpuint (shown_projects (window), <, 32);
  g_assert_true (ms_project_list_get_selected_project (project_list (window)) == before);

  /* A result chosen in the list, then Escape with the focus in the list:
   * the search closes and the chosen project stays shown. */
  activate (window, "search");
  search_for (window, "市公安局");
  g_assert_cmpuint (shown_projects (window), ==, 1);
  ms_test_wait_drawn (window);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (project_list (window))) ||
                 gtk_widget_child_focus (GTK_WIDGET (project_list (window)), GTK_DIR_TAB_FORWARD));
  g_assert_true (ms_project_list_get_selected_project (project_list (window)) == found);
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "search-highlight");
  g_assert_true (press_shortcut_in (gtk_root_get_focus (GTK_ROOT (window)), "Escape"));
  g_assert_false (gtk_search_bar_get_search_mode (search_bar (window)));
  g_assert_cmpstr (ms_window_get_visible_page (window), ==, "projects");
  g_assert_cmpuint (shown_projects (window), <, 32);
  g_assert_true (ms_project_list_get_selected_project (project_list (window)) == found);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (project_list (window))));

  /* Escape in the list with no search open is left to others. */
  g_assert_false (press_shortcut_in (GTK_WIDGET (project_list (window)), "Escape"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
focus_within (MsWindow *window,
              gpointer  pane)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == pane || gtk_widget_is_ancestor (focus, pane));
}

static void
test_focus_panes (void)
{
  MsWindow *window = open_window ("panes.json");
  g_autoptr(GtkBuilder) overlay = gtk_builder_new_from_resource ("/io/minsheng/Tracker/gtk/help-overlay.ui");
  g_autoptr(GPtrArray) shortcuts = NULL;

  /* Every action the shortcuts window lists exists. */
  shortcuts = find_widgets (gtk_builder_get_object (overlay, "help_overlay"), GTK_TYPE_SHORTCUTS_SHORTCUT);
  g_assert_cmpuint (shortcuts->len, >, 0);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *action = NULL;

      g_object_get (shortcuts->pdata[i], "action-name", &action, NULL);
      /* show-help-overlay comes with the application, which tests do not run. */
      if (action != NULL && g_str_has_prefix (action, "win.") && g_strcmp0 (action, "win.show-help-overlay") != 0)
        g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), action + 4));
    }

  /* F6 goes sidebar, project list, project form, and round again. */
  ms_window_select_section (window, 1);
  wait_page (window, "projects");
  shown_projects (window);
  ms_test_wait_drawn (window);
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, sidebar (window)));
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, project_list (window)));
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, project_view (window)));
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, sidebar (window)));
  activate (window, "focus-previous-pane");
  g_assert_true (focus_within (window, project_view (window)));

  /* With the search open, its entry is a pane too. */
  activate (window, "search");
  g_assert_true (focus_within (window, search_entry (window)));
  shown_projects (window);
  ms_test_wait_drawn (window);
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, project_list (window)));
  activate (window, "focus-previous-pane");
  g_assert_true (focus_within (window, search_entry (window)));
  activate (window, "focus-previous-pane");
  g_assert_true (focus_within (window, sidebar (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_and_reload (void)
{
  MsWindow *window = open_window ("save.json");
  g_autofree char *path = g_build_filename (work_dir, "saved.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  g_autoptr(MsDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  MsProject *project;

  ms_window_select_section (window, 1);
  shown_projects (window);
  project = ms_project_view_get_project (project_view (window));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_at (window, 2)), "<b>备注</b> & 测试", -1);
  ms_test_wait (g_strcmp0 (ms_project_get_note (project), "<b>备注</b> & 测试") == 0);
  g_assert_true (ms_document_get_modified (ms_window_get_document (window)));

  ms_window_save_to (window, target);
  /* Typing on while the file is written: the typing is not saved, nor lost. */
  g_assert_true (ms_editor_get_busy (ms_window_get_editor (window)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view_at (window, 2)), "<b>备注</b> & 测试，续", -1);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)));
  g_assert_true (ms_document_get_modified (ms_window_get_document (window)));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));
  /* Undoing the typing is back at the saved state. */
  activate (window, "undo");
  g_assert_cmpstr (ms_project_get_note (project), ==, "<b>备注</b> & 测试");
  g_assert_false (ms_document_get_modified (ms_window_get_document (window)));
  g_assert_false (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));

  reloaded = ms_document_load (target, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_project_get_note (ms_group_get_project (ms_category_get_group (
                     ms_document_get_category (reloaded, 0), 0), 0)), ==, "<b>备注</b> & 测试");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reporting date: set from the menu, shown in the title, and the figure
 * typed afterwards is that date's progress, undone as one step. */
static void
test_reporting_date (void)
{
  MsWindow *window = open_window ("reporting.json");
  g_autofree char *state_before = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *date_entry;
  MsIndicator *indicator;
  MsTimeline *progress;

  g_assert_null (ms_test_find_message_dialog (NULL));
  activate (window, "new-reporting-date");
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  date_entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  /* Today is offered; a date that is no day cannot be set. */
  {
    g_autofree char *today = ms_date_to_string (ms_date_today ());

    g_assert_cmpstr (gtk_editable_get_text (date_entry), ==, today);
  }
  gtk_editable_set_text (date_entry, "2024-06-31");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "set"));
  gtk_editable_set_text (date_entry, "2024-06-30");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "set"));
  adw_message_dialog_response (dialog, "set");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (ms_document_get_as_of (ms_window_get_document (window)), ==, ms_date_from_ymd (2024, 6, 30));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window_title (window)), "2024-06-30"));

  ms_window_select_section (window, 1);
  shown_projects (window);
  indicator = ms_project_get_indicator (ms_project_view_get_project (project_view (window)), 0);
  /* Showing figures records nothing. */
  g_assert_null (ms_indicator_get_progress (indicator));
  state_before = g_strdup (gtk_label_get_label (GTK_LABEL (find_by_id (project_view (window), "schedule_label"))));
  gtk_editable_set_text (GTK_EDITABLE (indicator_entry (window, 0, 2)), "3.5");
  ms_test_wait (ms_indicator_get_progress (indicator) != NULL);
  /* The state follows the figure: done with 10, not done with 3.5. */
  g_assert_nonnull (strstr (state_before, ms_schedule_get_label (MS_SCHEDULE_DONE)));
  g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (find_by_id (project_view (window), "schedule_label"))),
                         ms_schedule_get_label (MS_SCHEDULE_DONE)));
  progress = ms_indicator_get_progress (indicator);
  g_assert_cmpuint (ms_timeline_get_n_entries (progress), ==, 1);
  g_assert_cmpuint (ms_timeline_get_last (progress)->date, ==, ms_date_from_ymd (2024, 6, 30));
  g_assert_cmpfloat (ms_timeline_get_last (progress)->value, ==, 3.5);
  /* The figures by date open under the indicator, and edit the history. */
  {
    g_autoptr(GPtrArray) rows = find_widgets (project_view (window), MS_TYPE_INDICATOR_ROW);
    GtkButton *history = indicator_button (window, 0, "document-open-recent-symbolic");
    g_autoptr(GPtrArray) views = NULL;
    g_autoptr(GPtrArray) entries = NULL;
    MsProgressView *view;

    g_assert_cmpuint (find_widgets_count (g_ptr_array_index (rows, 0), MS_TYPE_PROGRESS_VIEW), ==, 0);
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (history), TRUE);
    views = find_widgets (g_ptr_array_index (rows, 0), MS_TYPE_PROGRESS_VIEW);
    g_assert_cmpuint (views->len, ==, 1);
    view = g_ptr_array_index (views, 0);
    g_assert_cmpuint (ms_progress_view_get_n_rows (view), ==, 1);
    ms_test_wait_drawn (window);
    save_screenshot (GTK_WIDGET (window), "progress-history");

    /* Above the entries, the figures as a chart, described in words. */
    {
      GtkWidget *chart = ms_progress_view_get_chart (view);
      g_autofree char *description = ms_progress_view_dup_description (view);

      g_assert_true (gtk_widget_get_visible (chart));
      g_assert_cmpint (gtk_widget_get_height (chart), >=, 200);
      g_assert_nonnull (strstr (description, ms_indicator_get_name (indicator)));
      /* 3.5 万人次 reads 35,000 person-times in English. */
      g_assert_nonnull (strstr (description, ms_l10n_is_chinese (NULL) ? "3.5" : "35,000"));
    }

    /* Value, then note, each a field of its own (focus moved on). */
    entries = find_widgets (view, GTK_TYPE_TEXT);
    g_assert_cmpuint (entries->len, ==, 2);
    ms_history_break_merge (ms_window_get_history (window));
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 0)), "3.8");
    ms_test_wait (ms_indicator_get_actual (indicator) == 3.8);
    ms_history_break_merge (ms_window_get_history (window));
    gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (entries, 1)), "半年");
    ms_test_wait (g_str_equal (ms_timeline_get_last (ms_indicator_get_progress (indicator))->note, "半年"));
    /* Typing kept its rows: the same entries, still in the view. */
    g_assert_true (gtk_widget_is_ancestor (g_ptr_array_index (entries, 0), GTK_WIDGET (view)));
    activate (window, "undo");
    activate (window, "undo");
    g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 3.5);
  }

  activate (window, "undo");
  g_assert_null (ms_indicator_get_progress (indicator));
  activate (window, "undo");
  g_assert_cmpuint (ms_document_get_as_of (ms_window_get_document (window)), ==, MS_DATE_NONE);
  g_assert_null (strstr (adw_window_title_get_subtitle (window_title (window)), "2024-06-30"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The welcome page opens either bundled example; the one of a year in
 * progress reads with its reporting date. */
static void
test_open_example (void)
{
  MsWindow *window = ms_window_new (NULL);
  g_autoptr(GPtrArray) buttons = NULL;

  gtk_window_present (GTK_WINDOW (window));
  ms_test_wait_drawn (window);
  buttons = find_widgets (status_page (window), GTK_TYPE_MENU_BUTTON);
  g_assert_cmpuint (buttons->len, ==, 1);
  save_screenshot (GTK_WIDGET (window), "welcome");

  g_action_group_activate_action (G_ACTION_GROUP (window), "open-example",
                                  g_variant_new_string ("example-city-2025.json"));
  ms_test_wait (ms_window_get_document (window) != NULL);
  g_assert_cmpuint (ms_document_get_as_of (ms_window_get_document (window)), ==, ms_date_from_ymd (2025, 9, 30));
  g_assert_nonnull (strstr (adw_window_title_get_subtitle (window_title (window)), "2025-09-30"));
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "example-overview");

  /* A project's figures by date, drawn against the target and 序时进度. */
  ms_window_select_section (window, 1);
  shown_projects (window);
  {
    GtkButton *history = indicator_button (window, 0, "document-open-recent-symbolic");
    g_autoptr(GPtrArray) views = NULL;
    MsProgressView *view;

    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (history), TRUE);
    views = find_widgets (project_view (window), MS_TYPE_PROGRESS_VIEW);
    g_assert_cmpuint (views->len, ==, 1);
    view = g_ptr_array_index (views, 0);
    g_assert_cmpuint (ms_progress_view_get_n_rows (view), ==, 3);
    g_assert_true (gtk_widget_get_visible (ms_progress_view_get_chart (view)));
    ms_test_wait (gtk_revealer_get_child_revealed (GTK_REVEALER (gtk_widget_get_ancestor (GTK_WIDGET (view),
                                                                                          GTK_TYPE_REVEALER))));
    ms_test_wait_drawn (window);
    {
      /* Scrolled down to the figures, for the screenshot. */
      GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
      graphene_point_t in_scrolled;

      g_assert_true (gtk_widget_compute_point (GTK_WIDGET (view), scrolled, &origin, &in_scrolled));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + in_scrolled.y - 120);
    }
    ms_test_wait_drawn (window);
    save_screenshot (GTK_WIDGET (window), "example-progress");
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkListBoxRow *
attention_row (MsWindow *window,
               int       index)
{
  g_autoptr(GPtrArray) lists = find_widgets (overview_page (window), GTK_TYPE_LIST_BOX);

  for (guint i = 0; i < lists->len; i++)
    if (g_strcmp0 (gtk_buildable_get_buildable_id (g_ptr_array_index (lists, i)), "attention_list") == 0)
      return gtk_list_box_get_row_at_index (g_ptr_array_index (lists, i), index);
  g_assert_not_reached ();
}

/* A year in progress: lagging projects first, each row and card leading to
 * what it names. */
static void
test_needs_attention (void)
{
  MsWindow *window = open_bundled ("attention.json", "example-city-2025.json");
  g_autofree char *overdue = NULL;
  GtkListBoxRow *first;
  MsProject *shown;

  overdue = ms_overview_page_dup_figure (overview_page (window), 1 + MS_SCHEDULE_OVERDUE);
  g_assert_cmpstr (overdue, ==, "1");
  ms_test_wait (attention_row (window, 0) != NULL);
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "needs-attention");

  /* The overdue project comes first and leads to itself. */
  first = attention_row (window, 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), "新建、改扩建中小学校5所"));
  g_signal_emit_by_name (gtk_widget_get_parent (GTK_WIDGET (first)), "row-activated", first);
  wait_page (window, "projects");
  ms_test_wait (ms_project_view_get_project (project_view (window)) != NULL);
  shown = ms_project_view_get_project (project_view (window));
  g_assert_cmpuint (ms_project_get_number (shown), ==, 1);
  /* The project says where it stands and what does not agree in it. */
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_by_id (project_view (window), "schedule_label"))),
                            ms_schedule_get_label (MS_SCHEDULE_OVERDUE)));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_by_id (project_view (window), "schedule_label"))),
                            "2025-08-31"));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_by_id (project_view (window), "findings_label"))),
                            ms_severity_get_label (MS_SEVERITY_ERROR)));
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "overdue-project");
  g_assert_cmpstr (ms_category_get_id (MS_CATEGORY (ms_node_get_parent (MS_NODE (ms_project_get_group (shown))))),
                   ==, "municipal");

  /* A row of the rates chart leads to its project too: the first row
   * under the first heading is the first project of the first category. */
  ms_window_select_section (window, 0);
  wait_page (window, "overview");
  ms_test_wait_drawn (window);
  {
    g_autoptr(GPtrArray) charts = find_widgets (overview_page (window), MS_TYPE_CHART_VIEW);
    MsChartView *rates = NULL;
    g_autoptr(GListModel) controllers = NULL;
    MsChartInfo info;

    for (guint i = 0; i < charts->len; i++)
      if (ms_chart_view_get_kind (g_ptr_array_index (charts, i)) == MS_CHART_RATES)
        rates = g_ptr_array_index (charts, i);
    g_assert_nonnull (rates);
    ms_chart_view_get_info (rates, &info);
    g_assert_cmpfloat (info.row_height, >, 0);
    controllers = gtk_widget_observe_controllers (GTK_WIDGET (rates));
    for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          g_signal_emit_by_name (controller, "released", 1, 100.0, info.rows_y + info.row_height * 1.5);
      }
    wait_page (window, "projects");
    ms_test_wait (ms_project_view_get_project (project_view (window)) != NULL);
    shown = ms_project_view_get_project (project_view (window));
    g_assert_cmpuint (ms_project_get_number (shown), ==, 1);
    g_assert_cmpstr (ms_category_get_id (MS_CATEGORY (ms_node_get_parent (MS_NODE (ms_project_get_group (shown))))),
                     ==, "provincial");
  }

  /* A card lists what it counts, over the whole file. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "show-filtered",
                                  g_variant_new_int32 (MS_PROJECT_FILTER_SCHEDULE (MS_SCHEDULE_AT_RISK)));
  g_assert_true (gtk_search_bar_get_search_mode (search_bar (window)));
  g_assert_cmpuint (shown_projects (window), ==, 6);
  gtk_drop_down_set_selected (status_filter (window), MS_PROJECT_FILTER_INCONSISTENT);
  g_assert_cmpuint (shown_projects (window), ==, 7);
  gtk_drop_down_set_selected (status_filter (window), MS_PROJECT_FILTER_LAGGING);
  g_assert_cmpuint (shown_projects (window), ==, 10);
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "lagging");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_close_with_unsaved_changes (void)
{
  MsWindow *window = open_window ("close.json");
  AdwMessageDialog *dialog;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  ms_document_set_year (ms_window_get_document (window), 2025);
  g_assert_true (ms_document_get_modified (ms_window_get_document (window)));

  /* Closing asks; Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  g_assert_nonnull (dialog);
  g_assert_true (MS_IS_SAVE_CHANGES_DIALOG (dialog));
  g_assert_nonnull (weak);
  /* Closing again while it asks does not ask twice. */
  gtk_window_close (GTK_WINDOW (window));
  ms_test_wait_idle ();
  g_assert_null (ms_test_find_message_dialog (dialog));
  ms_test_wait_drawn (dialog);
  save_screenshot (GTK_WIDGET (dialog), "save-changes");
  adw_message_dialog_response (dialog, "cancel");
  ms_test_wait_idle ();
  g_assert_nonnull (weak);
  g_assert_true (ms_document_get_modified (ms_window_get_document (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Discard closes it. */
  gtk_window_close (GTK_WINDOW (window));
  ms_test_wait ((dialog = ms_test_find_message_dialog (dialog)) != NULL);
  adw_message_dialog_response (dialog, "discard");
  ms_test_wait (weak == NULL);
}

static void
test_close_with_save (void)
{
  MsWindow *window = open_window ("close-save.json");
  g_autoptr(GFile) file = g_object_ref (ms_document_get_file (ms_window_get_document (window)));
  g_autoptr(MsDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  AdwMessageDialog *again;
  GtkTextBuffer *note;
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  ms_window_select_section (window, 1);
  shown_projects (window);
  note = gtk_text_view_get_buffer (text_view_at (window, 2));
  gtk_text_buffer_set_text (note, "先写的", -1);
  ms_test_wait (ms_document_get_modified (ms_window_get_document (window)));

  /* Save from the question, and type while the file is written. */
  gtk_window_close (GTK_WINDOW (window));
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  adw_message_dialog_response (dialog, "save");
  /* The answer comes in the next iteration; the save ends in a later one. */
  ms_test_wait (ms_editor_get_busy (ms_window_get_editor (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  gtk_text_buffer_set_text (note, "先写的，后写的", -1);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)) && ms_test_find_message_dialog (dialog) != NULL);

  /* The late typing is not dropped: the question comes again. */
  g_assert_nonnull (weak);
  g_assert_false (ms_editor_get_busy (ms_window_get_editor (window)));
  again = ms_test_find_message_dialog (dialog);
  g_assert_nonnull (again);
  adw_message_dialog_response (again, "save");
  ms_test_wait (weak == NULL);

  reloaded = ms_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_project_get_note (ms_group_get_project (ms_category_get_group (
                     ms_document_get_category (reloaded, 0), 0), 0)), ==, "先写的，后写的");
}

/* A question asked while a save runs waits for it, then asks about what
 * is still unsaved. */
static void
test_new_during_save (void)
{
  MsWindow *window = open_window ("new-during-save.json");
  MsEditor *saving;
  AdwMessageDialog *dialog;

  ms_document_set_year (ms_window_get_document (window), 2026);
  ms_window_save_to (window, NULL);
  saving = ms_window_get_editor (window);
  g_assert_true (ms_editor_get_busy (saving));
  /* Typed while the file is written: not in it. */
  ms_document_set_year (ms_window_get_document (window), 2027);

  /* Asked at once, in the same iteration: the save is still running. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "new", NULL);
  g_assert_true (ms_editor_get_busy (saving));
  g_assert_null (ms_test_find_message_dialog (NULL));
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  g_assert_false (ms_editor_get_busy (saving));
  g_assert_true (MS_IS_SAVE_CHANGES_DIALOG (dialog));
  g_assert_true (ms_window_get_editor (window) == saving);

  adw_message_dialog_response (dialog, "discard");
  ms_test_wait (ms_window_get_editor (window) != saving);
  g_assert_null (ms_editor_get_file (ms_window_get_editor (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_file_text_is_literal (void)
{
  MsWindow *window = open_window ("literal.json");
  const char *markup = "<b>加粗</b> & <span foreground='red'>红</span>";
  g_autoptr(GPtrArray) labels = NULL;
  gboolean found = FALSE;

  ms_category_set_title (ms_document_get_category (ms_window_get_document (window), 0), markup);
  ms_test_wait (has_label (window, markup));

  labels = find_widgets (window, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_label (label), markup) == 0)
        {
          found = TRUE;
          g_assert_false (gtk_label_get_use_markup (label));
        }
    }
  g_assert_true (found);

  ms_window_show_error (window, "Could Not Open", "a.json:1:2: <b>bad</b> & worse");
  g_assert_cmpstr (adw_status_page_get_description (status_page (window)), ==,
                   "a.json:1:2: &lt;b&gt;bad&lt;/b&gt; &amp; worse");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

static gboolean
attributes_say_chinese (PangoAttrList *attributes)
{
  g_autoptr(GSList) found = NULL;
  gboolean chinese = FALSE;

  if (attributes != NULL)
    found = pango_attr_list_get_attributes (attributes);
  for (GSList *l = found; l != NULL; l = l->next)
    {
      PangoAttribute *attribute = l->data;

      if (attribute->klass->type == PANGO_ATTR_LANGUAGE &&
          g_str_equal (pango_language_to_string (((PangoAttrLanguage *)attribute)->value), "zh-cn"))
        chinese = TRUE;
      pango_attribute_destroy (attribute);
    }
  return chinese;
}

/* Every Han character on screen is laid out as Simplified Chinese: the
 * language picks the CJK face, and without it Pango takes the Japanese
 * one under an English or C locale (other glyph forms, a second font). */
static void
assert_han_is_chinese (GtkWidget *root)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL);
  g_autoptr(GPtrArray) texts = find_widgets (root, GTK_TYPE_TEXT);
  g_autoptr(GPtrArray) views = find_widgets (root, GTK_TYPE_TEXT_VIEW);
  guint checked = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);
      const char *text = gtk_label_get_text (label);
      PangoLayoutIter *iter;

      if (!has_han (text))
        continue;
      iter = pango_layout_get_iter (gtk_label_get_layout (label));
      do
        {
          PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

          if (run != NULL && g_unichar_get_script (g_utf8_get_char (text + run->item->offset)) == G_UNICODE_SCRIPT_HAN)
            {
              if (!g_str_equal (pango_language_to_string (run->item->analysis.language), "zh-cn"))
                g_error ("“%s” is laid out as “%s”", text, pango_language_to_string (run->item->analysis.language));
              checked++;
            }
        }
      while (pango_layout_iter_next_run (iter));
      pango_layout_iter_free (iter);
    }
  for (guint i = 0; i < texts->len; i++)
    {
      GtkText *text = g_ptr_array_index (texts, i);

      if (!has_han (gtk_editable_get_text (GTK_EDITABLE (text))))
        continue;
      if (!attributes_say_chinese (gtk_text_get_attributes (text)))
        g_error ("the field holding “%s” is not marked Chinese", gtk_editable_get_text (GTK_EDITABLE (text)));
      checked++;
    }
  for (guint i = 0; i < views->len; i++)
    {
      GtkTextView *view = g_ptr_array_index (views, i);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (!has_han (text))
        continue;
      g_assert_cmpstr (pango_language_to_string (pango_context_get_language (gtk_text_view_get_ltr_context (view))), ==, "zh-cn");
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

/* In the English interface every Han character shown comes from the file. */
static void
test_file_text_uses_chinese_face (void)
{
  MsWindow *window;

  if (g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh"))
    {
      g_test_skip ("only in the English interface is every Han character file text");
      return;
    }

  window = open_window ("faces.json");
  assert_han_is_chinese (GTK_WIDGET (window));

  ms_window_select_section (window, 1);
  shown_projects (window);
  ms_test_wait_drawn (window);
  assert_han_is_chinese (GTK_WIDGET (window));

  ms_window_select_section (window, 3);
  wait_page (window, "departments");
  {
    g_autoptr(GPtrArray) departments = find_widgets (departments_page (window), ADW_TYPE_EXPANDER_ROW);

    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (g_ptr_array_index (departments, 0)), TRUE);
  }
  ms_test_wait_drawn (window);
  assert_han_is_chinese (GTK_WIDGET (window));

  activate (window, "search");
  search_for (window, "市");
  ms_test_wait_drawn (window);
  assert_han_is_chinese (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_bad_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "invalid", "unknown-status.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MsWindow *window = ms_window_new (NULL);

  gtk_window_present (GTK_WINDOW (window));
  ms_window_open_file (window, file);
  ms_test_wait (adw_status_page_get_description (status_page (window)) != NULL &&
                adw_status_page_get_description (status_page (window))[0] != '\0');

  g_assert_nonnull (strstr (adw_status_page_get_description (status_page (window)), "unknown-status.json:21:25:"));
  g_assert_null (ms_window_get_document (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_minimum_size (void)
{
  MsWindow *window = open_window ("small.json");
  int minimum_width, minimum_height;

  /* 800 × 600 holds everything: nothing asks for more. */
  ms_window_select_section (window, 1);
  shown_projects (window);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum_width, NULL, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &minimum_height, NULL, NULL, NULL);
  g_assert_cmpint (minimum_width, <=, 800);
  g_assert_cmpint (minimum_height, <=, 600);

  resize_window (window, 800, 600);
  save_screenshot (GTK_WIDGET (window), "minimum");

  /* Every pane gets at least what it needs: nothing is cut off. */
  {
    GtkWidget *panes[] = {
      GTK_WIDGET (sidebar (window)), GTK_WIDGET (project_list (window)), GTK_WIDGET (project_view (window)),
    };

    for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
      {
        int minimum;

        gtk_widget_measure (panes[i], GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        g_test_message ("pane %u: minimum %d, allocated %d", i, minimum, gtk_widget_get_width (panes[i]));
        g_assert_cmpint (gtk_widget_get_width (panes[i]), >=, minimum);
      }
    g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Project titles in the list stay readable and the form is not cut, at the smallest
 * size and on large screens. */
/* Every text view below @root is as tall as its wrapped text. */
static gboolean
text_views_fit (GtkWidget *root)
{
  g_autoptr(GPtrArray) views = find_widgets (root, GTK_TYPE_TEXT_VIEW);

  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);
      int wanted;

      gtk_widget_measure (view, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (view), &wanted, NULL, NULL, NULL);
      if (gtk_widget_get_height (view) != wanted)
        return FALSE;
    }
  return views->len > 0;
}

static void
test_fit_sizes (void)
{
  static const struct { int width, height; const char *name; } sizes[] = {
    { 800, 600, "fit-800" }, { 1400, 900, "fit-1400" }, { 1920, 1080, "fit-1920" },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      MsWindow *window = open_window ("fit.json");

      ms_window_select_section (window, 2);
      shown_projects (window);
      resize_window (window, sizes[s].width, sizes[s].height);
      {
        g_autoptr(GPtrArray) flaps = find_widgets (GTK_WIDGET (window), ADW_TYPE_FLAP);
        AdwFlap *flap = g_ptr_array_index (flaps, 0);

        /* Folding slides the sections away: wait until they are gone. */
        ms_test_wait (adw_flap_get_reveal_progress (flap) == (adw_flap_get_folded (flap) ? 0.0 : 1.0));
        ms_test_wait_drawn (window);
      }
      save_screenshot (GTK_WIDGET (window), sizes[s].name);

      {
        g_autoptr(GPtrArray) labels = find_widgets (project_list (window), GTK_TYPE_LABEL);
        guint n_titles = 0;

        for (guint i = 0; i < labels->len; i++)
          {
            GtkLabel *label = g_ptr_array_index (labels, i);
            const char *text = gtk_label_get_text (label);

            /* Project titles are the headings of rows, not group headers. */
            if (!gtk_widget_has_css_class (GTK_WIDGET (label), "heading") ||
                gtk_widget_has_css_class (GTK_WIDGET (label), "group-header") ||
                !gtk_widget_get_mapped (GTK_WIDGET (label)))
              continue;
            n_titles++;
            g_test_message ("%s: title \"%s\" %d px wide", sizes[s].name, text, gtk_widget_get_width (GTK_WIDGET (label)));
            /* Even at 800 px a title line holds a readable phrase (the
             * sections fold away to make room)... */
            g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, 8 * 14);
            /* ...and on large screens whole titles: over 20 characters a line. */
            if (sizes[s].width >= 1400)
              {
                g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (label)), >=, 20 * 14);
                g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
              }
          }
        g_assert_cmpuint (n_titles, >=, 3);
      }

      {
        g_autoptr(GPtrArray) flaps = find_widgets (GTK_WIDGET (window), ADW_TYPE_FLAP);

        /* The sections fold away on a small screen only. */
        g_assert_cmpuint (flaps->len, ==, 1);
        g_assert_true (adw_flap_get_folded (g_ptr_array_index (flaps, 0)) == (sizes[s].width < 1000));
      }

      /* The pledge and the report show every line they wrap to. */
      ms_test_wait (text_views_fit (GTK_WIDGET (project_view (window))));

      {
          /* The form's field titles are whole, in either language. */
          g_autoptr(GPtrArray) labels = find_widgets (project_view (window), GTK_TYPE_LABEL);

          for (guint i = 0; i < labels->len; i++)
            {
              GtkLabel *label = g_ptr_array_index (labels, i);

              if (gtk_widget_get_mapped (GTK_WIDGET (label)) && gtk_label_get_ellipsize (label) != PANGO_ELLIPSIZE_NONE)
                {
                  g_test_message ("%s: form label \"%s\"", sizes[s].name, gtk_label_get_text (label));
                  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
                }
            }
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

static void
test_changed_on_disk (void)
{
  MsWindow *window = open_window ("disk.json");
  g_autofree char *path = g_file_get_path (ms_document_get_file (ms_window_get_document (window)));
  g_autofree char *contents = NULL;
  struct utimbuf times;

  g_assert_false (gtk_revealer_get_reveal_child (changed_revealer (window)));

  /* Another program rewrites the file. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  times.actime = times.modtime = time (NULL) + 60;
  g_assert_cmpint (utime (path, &times), ==, 0);

  ms_test_wait (gtk_revealer_get_reveal_child (changed_revealer (window)));

  /* Reload reads it again and hides the bar. */
  activate (window, "reload");
  ms_test_wait (!gtk_revealer_get_reveal_child (changed_revealer (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static void
test_save_changes_dialog (void)
{
  MsWindow *window = open_window ("dialog.json");
  static const char * const responses[] = { "cancel", "discard", "save" };
  static const MsSaveChangesResponse expected[] = {
    MS_SAVE_CHANGES_CANCEL, MS_SAVE_CHANGES_DISCARD, MS_SAVE_CHANGES_SAVE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (responses); i++)
    {
      GAsyncResult *result = NULL;
      AdwMessageDialog *dialog;

      ms_save_changes_dialog_run_async (GTK_WINDOW (window), "漯河市", NULL, store_result_cb, &result);
      ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
      g_assert_true (MS_IS_SAVE_CHANGES_DIALOG (dialog));
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "漯河市"));
      adw_message_dialog_response (dialog, responses[i]);
      ms_test_wait (result != NULL);
      g_assert_cmpint (ms_save_changes_dialog_run_finish (result, NULL), ==, expected[i]);
      g_object_unref (result);
      /* A response given by code leaves closing to the caller. */
      gtk_window_destroy (GTK_WINDOW (dialog));
      g_assert_null (ms_test_find_message_dialog (NULL));
    }

  /* Cancelling the question answers Cancel. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    GAsyncResult *result = NULL;

    ms_save_changes_dialog_run_async (GTK_WINDOW (window), "漯河市", cancellable, store_result_cb, &result);
    ms_test_wait (ms_test_find_message_dialog (NULL) != NULL);
    g_cancellable_cancel (cancellable);
    ms_test_wait (result != NULL);
    g_assert_cmpint (ms_save_changes_dialog_run_finish (result, NULL), ==, MS_SAVE_CHANGES_CANCEL);
    g_object_unref (result);
    /* Cancelled, it closes itself. */
    ms_test_wait (ms_test_find_message_dialog (NULL) == NULL);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_failed_save (void)
{
  MsWindow *window = open_window ("fail.json");
  g_autofree char *path = g_build_filename (work_dir, "no-such-folder", "fail.json", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  GFile *before = ms_editor_get_file (ms_window_get_editor (window));

  ms_document_set_year (ms_window_get_document (window), 2030);
  g_assert_true (ms_editor_get_modified (ms_window_get_editor (window)));
  ms_window_save_to (window, target);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)) && ms_test_find_message_dialog (NULL) != NULL);

  /* The message names the cause; the document stays unsaved, in its file. */
  dialog = ms_test_find_message_dialog (NULL);
  g_assert_nonnull (dialog);
  g_assert_false (MS_IS_SAVE_CHANGES_DIALOG (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could Not Save"));
  g_assert_nonnull (adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_true (ms_editor_get_modified (ms_window_get_editor (window)));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));
  g_assert_true (ms_editor_get_file (ms_window_get_editor (window)) == before);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "save"));
  save_screenshot (GTK_WIDGET (dialog), "save-failed");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GFile *
write_big_file (const char *name)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (1500);
  g_autoptr(GBytes) bytes = ms_document_serialize (document, NULL);
  g_autofree char *path = g_build_filename (work_dir, name, NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return g_file_new_for_path (path);
}

static void
test_loading (void)
{
  g_autoptr(GFile) big = write_big_file ("big.json");
  MsWindow *window = open_window ("loading.json");
  MsEditor *before = ms_window_get_editor (window);
  MsWindow *empty;
  g_autofree char *title = NULL;
  int refs;

  /* Show the sign of life at once, and keep the file opening for as long as
   * the test looks at it, however fast reading is: each read is slowed. */
  ms_window_set_loading_delay (window, 0);
  g_setenv ("MS_FAULTS_MATCH", "big.json", TRUE);
  g_setenv ("MS_FAULTS", "slow-read=100", TRUE);
  /* A load holds the window until it ends, even cancelled. */
  refs = g_atomic_int_get (&G_OBJECT (window)->ref_count);
  ms_window_load_file (window, big);
  wait_page (window, "loading");
  /* translators: shown while a file opens; %s is its name */
  title = g_strdup_printf (_("Loading “%s”…"), "big.json");
  g_assert_cmpstr (adw_status_page_get_title (loading_page (window)), ==, title);
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "loading");

  /* Cancel: the document shown before stays, as it was. */
  activate (window, "cancel-loading");
  g_assert_true (ms_window_get_editor (window) == before);
  g_assert_cmpstr (ms_window_get_visible_page (window), ==, "overview");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "cancel-loading"));
  /* The cancelled load has ended, and shows nothing. */
  g_unsetenv ("MS_FAULTS");
  g_unsetenv ("MS_FAULTS_MATCH");
  ms_test_wait (g_atomic_int_get (&G_OBJECT (window)->ref_count) == refs);
  g_assert_true (ms_window_get_editor (window) == before);

  /* Not cancelled, the file opens and the sign of life goes. */
  ms_window_load_file (window, big);
  ms_test_wait (ms_window_get_editor (window) != before);
  g_assert_cmpstr (ms_window_get_visible_page (window), ==, "overview");
  g_assert_cmpstr (ms_editor_get_title (ms_window_get_editor (window)), ==, "基准市2025年民生实事完成情况");
  gtk_window_destroy (GTK_WINDOW (window));

  /* From the welcome page, a cancelled open goes back to it. */
  empty = ms_window_new (NULL);
  gtk_window_present (GTK_WINDOW (empty));
  ms_window_set_loading_delay (empty, 0);
  refs = g_atomic_int_get (&G_OBJECT (empty)->ref_count);
  g_setenv ("MS_FAULTS_MATCH", "big.json", TRUE);
  g_setenv ("MS_FAULTS", "slow-read=100", TRUE);
  ms_window_load_file (empty, big);
  wait_page (empty, "loading");
  activate (empty, "cancel-loading");
  g_assert_cmpstr (ms_window_get_visible_page (empty), ==, "message");
  g_unsetenv ("MS_FAULTS");
  g_unsetenv ("MS_FAULTS_MATCH");
  ms_test_wait (g_atomic_int_get (&G_OBJECT (empty)->ref_count) == refs);
  g_assert_null (ms_window_get_document (empty));
  gtk_window_destroy (GTK_WINDOW (empty));
}

static void
test_deleted_on_disk (void)
{
  MsWindow *window = open_window ("deleted.json");
  g_autofree char *path = g_file_get_path (ms_editor_get_file (ms_window_get_editor (window)));

  g_assert_cmpint (g_unlink (path), ==, 0);
  ms_test_wait (gtk_revealer_get_reveal_child (changed_revealer (window)));
  /* Told apart from a change: nothing to reload, saving writes it again. */
  g_assert_cmpstr (gtk_label_get_label (changed_label (window)), ==,
                   _("The file was deleted or moved away by another program. Save to write it again."));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (reload_button (window))));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "reload"));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));
  /* The bar has slid in. */
  ms_test_wait (gtk_revealer_get_child_revealed (changed_revealer (window)));
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "deleted");

  activate (window, "save");
  ms_test_wait (!gtk_revealer_get_reveal_child (changed_revealer (window)) &&
                !ms_editor_get_busy (ms_window_get_editor (window)));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Run once with LANGUAGE=en and once with LANGUAGE=zh_CN. */
static void
test_labels_follow_language (void)
{
  MsWindow *window = open_window ("labels.json");
  gboolean chinese = g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh");

  g_assert_true (has_label (sidebar (window), chinese ? "总览" : "Overview"));
  g_assert_true (has_label (sidebar (window), chinese ? "责任单位" : "Departments"));
  g_assert_cmpstr (gtk_button_get_label (save_button (window)), ==, chinese ? "保存(_S)" : "_Save");

  ms_window_select_section (window, 1);
  shown_projects (window);
  g_assert_true (has_label (project_view (window), chinese ? "完成情况" : "Completion report"));
  g_assert_true (has_label (project_view (window), chinese ? "指标" : "Indicators"));
  /* The data stays as written. */
  g_assert_true (has_label (sidebar (window), "省重点民生实事"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_every_template (void)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsHistory) history = NULL;
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) imported = NULL;
  g_autofree char *notice_path = g_test_build_filename (G_TEST_DIST, "fixtures", "notices", "page-chrome.txt", NULL);
  g_autofree char *notice = NULL;
  /* Templates are checked by making their class; these are plain builder files. */
  static const char * const builder_files[] = {
    "/io/minsheng/Tracker/gtk/help-overlay.ui",
  };
  g_autoptr(GSettings) settings = ms_settings_new ();
  MsWindow *window = open_window ("templates.json");
  GtkWidget *widgets[7];
  gsize length;

  document = g_object_ref (ms_window_get_document (window));
  history = ms_history_new (document);

  widgets[0] = ms_project_row_new ();
  widgets[1] = ms_project_list_new ();
  widgets[2] = ms_project_view_new ();
  widgets[3] = ms_indicator_row_new (indicator, history);
  widgets[4] = g_object_new (MS_TYPE_OVERVIEW_PAGE, NULL);
  widgets[5] = g_object_new (MS_TYPE_DEPARTMENTS_PAGE, NULL);
  widgets[6] = ms_report_preview_new ();
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_assert_true (GTK_IS_WIDGET (widgets[i]));
      g_object_ref_sink (widgets[i]);
      g_object_unref (widgets[i]);
    }

  g_type_ensure (MS_TYPE_REPORT_PREVIEW);
  for (guint i = 0; i < G_N_ELEMENTS (builder_files); i++)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (builder_files[i]);
      GSList *objects = gtk_builder_get_objects (builder);

      g_assert_nonnull (objects);
      for (GSList *l = objects; l; l = l->next)
        if (GTK_IS_WINDOW (l->data) && gtk_widget_get_parent (l->data) == NULL)
          gtk_window_destroy (l->data);
      g_slist_free (objects);
    }

  gtk_window_destroy (GTK_WINDOW (ms_preferences_window_new (settings)));

  /* The dialogs as the window opens them. */
  gtk_window_present (GTK_WINDOW (ms_print_dialog_new (window, document, ms_document_get_category (document, 0), NULL, FALSE)));
  g_assert_true (g_file_get_contents (notice_path, &notice, &length, NULL));
  imported = ms_notice_import (notice, length, &report, NULL);
  g_assert_nonnull (imported);
  gtk_window_destroy (ms_import_dialog_present (window, "page-chrome.txt", imported, report));
  ms_test_wait_idle ();

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_figure_limits (void)
{
  gboolean valid = FALSE;

  /* What the model refuses is refused where it is typed, not sent on. */
  g_assert_cmpfloat (ms_parse_figure ("1,000,000,000,000,000", &valid), ==, 1e15);
  g_assert_true (valid);
  ms_parse_figure ("10000000000000000", &valid);
  g_assert_false (valid);
  ms_parse_figure ("1e400", &valid);
  g_assert_false (valid);
  ms_parse_figure ("-3", &valid);
  g_assert_false (valid);
}

/* The focused widget of @window shows @text (a row of a choice's list). */
static gboolean
focus_shows (MsWindow   *window,
             const char *text)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) labels = NULL;

  if (focus == NULL)
    return FALSE;
  labels = find_widgets (focus, GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    if (g_strcmp0 (gtk_label_get_text (g_ptr_array_index (labels, i)), text) == 0)
      return TRUE;
  return FALSE;
}

/* The status list opens on the project's status, and a new indicator takes
 * the cursor into its name. */
static void
test_keyboard_focus (void)
{
  MsWindow *window = open_window ("focus.json");
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (ms_window_get_document (window)));
  MsProject *project = g_ptr_array_index (projects, 4);
  g_autoptr(GPtrArray) combos = NULL;
  guint n_indicators;

  ms_window_select_project (window, project);
  ms_test_wait (ms_project_view_get_project (project_view (window)) == project);
  ms_test_wait_drawn (window);

  /* Not the first status, so that opening on the first would show. */
  ms_project_set_status (project, MS_STATUS_COMPLETED);
  combos = find_widgets (project_view (window), ADW_TYPE_COMBO_ROW);
  g_assert_cmpuint (combos->len, ==, 1);
  gtk_widget_grab_focus (g_ptr_array_index (combos, 0));
  g_assert_true (gtk_widget_activate (g_ptr_array_index (combos, 0)));
  ms_test_wait (focus_shows (window, _("Completed")));
  gtk_widget_activate (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_COMPLETED);

  n_indicators = g_list_model_get_n_items (ms_project_get_indicators (project));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (project_view (window)), "project.add-indicator", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (ms_project_get_indicators (project)), ==, n_indicators + 1);
  {
    g_autoptr(GPtrArray) rows = find_widgets (project_view (window), MS_TYPE_INDICATOR_ROW);
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
    MsIndicator *added = ms_project_get_indicator (project, n_indicators);
    gboolean in_new_row = FALSE;

    for (guint i = 0; i < rows->len; i++)
      if (ms_indicator_row_get_indicator (g_ptr_array_index (rows, i)) == added)
        in_new_row = focus != NULL && gtk_widget_is_ancestor (focus, g_ptr_array_index (rows, i));
    g_assert_true (in_new_row);
    /* Typing goes into the new indicator's name. */
    g_assert_true (GTK_IS_TEXT (focus));
    gtk_editable_set_text (GTK_EDITABLE (focus), "新增指标");
    g_assert_cmpstr (ms_indicator_get_name (added), ==, "新增指标");
  }

  /* Tab from a category in the sections goes to its projects. */
  {
    g_autoptr(GPtrArray) lists = find_widgets (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
    GtkListBox *sections = NULL;
    GtkWidget *focus;

    for (guint i = 0; i < lists->len && sections == NULL; i++)
      if (gtk_widget_has_css_class (g_ptr_array_index (lists, i), "navigation-sidebar"))
        sections = g_ptr_array_index (lists, i);
    g_assert_nonnull (sections);
    ms_window_select_section (window, 1);
    ms_test_wait_drawn (window);
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (sections, 1)));
    g_assert_true (press_shortcut_in (GTK_WIDGET (sections), "Tab"));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_test_message ("after Tab: %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (project_list (window))));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* libadwaita's own switch for high contrast, from its private
 * adw-settings-private.h: under Xvfb there is no desktop setting to change. */
typedef struct _AdwSettings AdwSettings;
AdwSettings *adw_settings_get_default            (void);
void         adw_settings_start_override         (AdwSettings *self);
void         adw_settings_override_high_contrast (AdwSettings *self,
                                                  gboolean     high_contrast);
void         adw_settings_end_override           (AdwSettings *self);

static MsChartPanel *
chart_panel_of_kind (gpointer    root,
                     MsChartKind kind)
{
  g_autoptr(GPtrArray) panels = find_widgets (root, MS_TYPE_CHART_PANEL);

  for (guint i = 0; i < panels->len; i++)
    if (ms_chart_view_get_kind (ms_chart_panel_get_view (g_ptr_array_index (panels, i))) == kind)
      return g_ptr_array_index (panels, i);
  g_error ("No chart of kind %d", kind);
}

/* The page scrolled so that @widget is at its top, for the screenshot. */
static void
scroll_to_top_of (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (widget, scrolled,
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + point.y - 12);
}

static GListModel *
table_rows (MsChartPanel *panel)
{
  return gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (ms_chart_panel_get_table (panel))));
}

/* The chart is named by its title and described in a sentence or two; the
 * keyboard shows its rows as a table named for it, Tab goes into the table,
 * and the table has the chart's rows under the six headings. */
static void
assert_chart_has_table (MsWindow     *window,
                        MsChartPanel *panel,
                        guint         expected_rows,
                        const char   *screenshot)
{
  MsChartView *view = ms_chart_panel_get_view (panel);
  GtkColumnView *table = ms_chart_panel_get_table (panel);
  GtkWidget *toggle = ms_chart_panel_get_toggle (panel);
  MsChartKind kind = ms_chart_view_get_kind (view);
  MsNode *node = ms_chart_view_get_node (view);
  g_autofree char *title = ms_chart_dup_title (kind, node, NULL);
  g_autofree char *description = ms_chart_describe (kind, node, NULL);
  g_autofree char *table_name = g_strdup_printf (_("%s as a table"), title);
  g_autoptr(GListModel) rows = ms_chart_collect_rows (kind, node, NULL);
  g_autoptr(MsChartRow) first_row = g_list_model_get_item (rows, 0);
  GListModel *columns = gtk_column_view_get_columns (table);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  const char *expected_titles[] = {
    kind == MS_CHART_DEPARTMENTS ? C_("chart table column", "Department") : C_("chart table column", "Category"),
    _("Project"), _("Indicator"), _("Target"), _("Actual"), _("Rate"), _("State"),
  };
  guint first_title = ms_chart_row_get_group (first_row) != NULL ? 0 : 1;
  GtkWidget *focus;

  g_test_message ("%s: %s", title, description);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_LABEL, title);
  gtk_test_accessible_assert_property (view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (strchr (description, '\n'));
  g_assert_cmpuint (g_utf8_strlen (description, -1), <, 160);
  g_assert_null (table_rows (panel));

  /* Space on the focused toggle, as a keyboard user does. */
  gtk_widget_grab_focus (toggle);
  g_assert_true (gtk_widget_has_focus (toggle));
  g_assert_true (press_shortcut_in (toggle, "space"));
  ms_test_wait (gtk_widget_get_mapped (GTK_WIDGET (table)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (view)));
  gtk_test_accessible_assert_state (toggle, GTK_ACCESSIBLE_STATE_PRESSED, GTK_ACCESSIBLE_TRISTATE_TRUE);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (table)), ==, GTK_ACCESSIBLE_ROLE_TABLE);
  gtk_test_accessible_assert_property (table, GTK_ACCESSIBLE_PROPERTY_LABEL, table_name);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        g_ptr_array_add (titles, (gpointer)gtk_column_view_column_get_title (column));
    }
  g_assert_cmpuint (titles->len, ==, G_N_ELEMENTS (expected_titles) - first_title);
  for (guint i = 0; i < titles->len; i++)
    g_assert_cmpstr (g_ptr_array_index (titles, i), ==, expected_titles[first_title + i]);

  /* The chart's rows, in its order. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected_rows);
  g_assert_cmpuint (g_list_model_get_n_items (table_rows (panel)), ==, expected_rows);
  for (guint i = 0; i < expected_rows; i++)
    {
      g_autoptr(MsChartRow) want = g_list_model_get_item (rows, i);
      g_autoptr(MsChartRow) shown = g_list_model_get_item (table_rows (panel), i);

      g_assert_true (ms_chart_row_get_project (shown) == ms_chart_row_get_project (want));
      g_assert_true (ms_chart_row_get_indicator (shown) == ms_chart_row_get_indicator (want));
      g_assert_cmpstr (ms_chart_row_get_group (shown), ==, ms_chart_row_get_group (want));
      g_assert_cmpstr (ms_chart_row_get_target (shown), ==, ms_chart_row_get_target (want));
      g_assert_cmpstr (ms_chart_row_get_actual (shown), ==, ms_chart_row_get_actual (want));
      g_assert_cmpstr (ms_chart_row_get_rate (shown), ==, ms_chart_row_get_rate (want));
      g_assert_cmpstr (ms_chart_row_get_state (shown), ==, ms_chart_row_get_state (want));
    }

  /* Tab from the toggle goes into the table: what the window's Tab binding does. */
  g_assert_true (gtk_widget_has_focus (toggle));
  g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_test_message ("after Tab: %s", focus ? G_OBJECT_TYPE_NAME (focus) : "nothing");
  g_assert_true (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (table)));

  scroll_to_top_of (GTK_WIDGET (panel));
  ms_test_wait_drawn (window);
  /* File text in the table is laid out as Chinese. */
  if (!g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh"))
    assert_han_is_chinese (GTK_WIDGET (table));
  save_screenshot (GTK_WIDGET (window), screenshot);

  /* The same toggle shows the chart again; the rows go. */
  gtk_widget_grab_focus (toggle);
  g_assert_true (press_shortcut_in (toggle, "space"));
  ms_test_wait (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_null (table_rows (panel));
}

/* A drop-down's open list: each value is a row that names its list item
 * (GTK 4.8 leaves them nameless) and marks the chosen one. */
static void
test_choice_list (void)
{
  MsWindow *window = open_window ("choice-list.json");
  GtkDropDown *filter = status_filter (window);
  GListModel *values = gtk_drop_down_get_model (filter);
  g_autoptr(GPtrArray) popovers = ms_test_find_widgets (filter, GTK_TYPE_POPOVER);
  GtkWidget *popover = g_ptr_array_index (popovers, 0);
  g_autoptr(GPtrArray) items = NULL;
  guint n_checked = 0;

  gtk_drop_down_set_selected (filter, 2);
  gtk_popover_popup (GTK_POPOVER (popover));
  ms_test_wait_drawn (popover);
  items = ms_test_find_widgets (popover, MS_TYPE_CHOICE_ITEM);
  g_assert_cmpuint (items->len, ==, g_list_model_get_n_items (values));
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (items, i);
      g_autofree char *label = NULL;
      gboolean selected = FALSE;

      g_object_get (item, "label", &label, "selected", &selected, NULL);
      g_assert_cmpstr (label, ==, gtk_string_list_get_string (GTK_STRING_LIST (values), i));
      gtk_test_accessible_assert_property (gtk_widget_get_parent (item), GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_true (selected == (i == 2));
      n_checked += selected;
    }
  g_assert_cmpuint (n_checked, ==, 1);
  save_screenshot (popover, "choice-list");
  gtk_popover_popdown (GTK_POPOVER (popover));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chart_tables (void)
{
  MsWindow *window = open_example_city ();
  MsDocument *document = ms_window_get_document (window);
  guint n_categories = g_list_model_get_n_items (ms_document_get_categories (document));
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  guint n_indicator_rows = 0;
  guint n_department_rows = ms_department_get_n_projects (ms_departments_get_unassigned (departments));
  MsProject *project;
  MsChartPanel *rates;

  for (guint i = 0; i < projects->len; i++)
    n_indicator_rows += MAX (1, g_list_model_get_n_items (ms_project_get_indicators (g_ptr_array_index (projects, i))));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (departments)); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (G_LIST_MODEL (departments), i);

      n_department_rows += ms_department_get_n_projects (department);
    }

  ms_test_wait_drawn (window);
  assert_chart_has_table (window, chart_panel_of_kind (overview_page (window), MS_CHART_OVERVIEW),
                          n_indicator_rows, "chart-table-overview");
  /* The rates chart's rows less its headings. */
  rates = chart_panel_of_kind (overview_page (window), MS_CHART_RATES);
  g_assert_cmpuint (ms_chart_count_rows (MS_CHART_RATES, MS_NODE (document)) - n_categories, ==, n_indicator_rows);
  assert_chart_has_table (window, rates, n_indicator_rows, "chart-table-rates");

  /* Activating a row of the rates table opens its project. */
  gtk_widget_activate (ms_chart_panel_get_toggle (rates));
  ms_test_wait (table_rows (rates) != NULL);
  {
    g_autoptr(MsChartRow) row = g_list_model_get_item (table_rows (rates), 4);

    project = ms_chart_row_get_project (row);
  }
  g_assert_true (project != ms_project_view_get_project (project_view (window)));
  g_signal_emit_by_name (ms_chart_panel_get_table (rates), "activate", 4);
  ms_test_wait (ms_project_view_get_project (project_view (window)) == project);
  g_assert_true (gtk_widget_activate (ms_chart_panel_get_toggle (rates)));

  ms_window_select_section (window, 3);
  wait_page (window, "departments");
  assert_chart_has_table (window, chart_panel_of_kind (departments_page (window), MS_CHART_DEPARTMENTS),
                          n_department_rows, "chart-table-departments");

  ms_window_select_project (window, project);
  ms_test_wait (ms_project_view_get_project (project_view (window)) == project);
  assert_chart_has_table (window, chart_panel_of_kind (project_view (window), MS_CHART_PROJECT),
                          MAX (1, g_list_model_get_n_items (ms_project_get_indicators (project))),
                          "chart-table-project");

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
first_target_is (MsChartPanel *panel,
                 const char   *expected)
{
  g_autoptr(MsChartRow) row = g_list_model_get_item (table_rows (panel), 0);

  return row != NULL && g_strcmp0 (ms_chart_row_get_target (row), expected) == 0;
}

/* The table follows edits while it is shown. */
static void
test_chart_table_follows_edits (void)
{
  MsWindow *window = open_example_city ();
  MsChartPanel *panel;
  MsProject *project;
  MsIndicator *indicator;
  g_autofree char *expected = NULL;

  ms_window_select_section (window, 1);
  shown_projects (window);
  project = ms_project_view_get_project (project_view (window));
  indicator = ms_project_get_indicator (project, 0);
  panel = chart_panel_of_kind (project_view (window), MS_CHART_PROJECT);
  g_assert_true (gtk_widget_activate (ms_chart_panel_get_toggle (panel)));
  ms_test_wait (table_rows (panel) != NULL);

  ms_indicator_set_target (indicator, 1234567);
  expected = ms_l10n_format_figure (NULL, 1234567, ms_indicator_get_unit (indicator));
  ms_test_wait (first_target_is (panel, expected));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
palette_is (const MsChartInfo    *info,
            const MsChartPalette *palette)
{
  return memcmp (&info->palette.met, &palette->met, sizeof palette->met) == 0 &&
         memcmp (info->palette.schedule, palette->schedule, sizeof palette->schedule) == 0 &&
         memcmp (info->palette.status, palette->status, sizeof palette->status) == 0;
}

static gboolean
charts_drawn_with (MsWindow             *window,
                   const MsChartPalette *palette)
{
  g_autoptr(GPtrArray) charts = find_widgets (window, MS_TYPE_CHART_VIEW);
  g_autoptr(GPtrArray) progress = find_widgets (window, MS_TYPE_PROGRESS_VIEW);
  guint n_drawn = 0;

  for (guint i = 0; i < charts->len; i++)
    {
      MsChartInfo info;

      if (!gtk_widget_get_mapped (g_ptr_array_index (charts, i)))
        continue;
      ms_chart_view_get_info (g_ptr_array_index (charts, i), &info);
      if (!palette_is (&info, palette))
        return FALSE;
      n_drawn++;
    }
  for (guint i = 0; i < progress->len; i++)
    {
      MsChartInfo info;

      if (!gtk_widget_get_mapped (ms_progress_view_get_chart (g_ptr_array_index (progress, i))))
        continue;
      ms_progress_view_get_chart_info (g_ptr_array_index (progress, i), &info);
      if (!palette_is (&info, palette))
        return FALSE;
      n_drawn++;
    }
  return n_drawn > 0;
}

/* Every chart on screen, the figures by date too, switches to the high
 * contrast colours with the desktop, and back. */
static void
test_charts_follow_high_contrast (void)
{
  MsWindow *window = open_example_city ();
  AdwSettings *settings = adw_settings_get_default ();
  MsChartPalette normal;
  MsChartPalette high_contrast;
  g_autoptr(GPtrArray) progress = NULL;

  ms_chart_palette_init_print (&normal);
  ms_chart_palette_init_high_contrast (&high_contrast);
  g_assert_false (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  /* The overview's two charts. */
  ms_test_wait_drawn (window);
  ms_test_wait (charts_drawn_with (window, &normal));
  adw_settings_start_override (settings);
  adw_settings_override_high_contrast (settings, TRUE);
  ms_test_wait (charts_drawn_with (window, &high_contrast));
  save_screenshot (GTK_WIDGET (window), "chart-high-contrast");
  adw_settings_override_high_contrast (settings, FALSE);
  ms_test_wait (charts_drawn_with (window, &normal));

  /* A project's chart and an indicator's figures by date. */
  ms_window_select_section (window, 1);
  shown_projects (window);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (indicator_button (window, 0, "document-open-recent-symbolic")),
                                TRUE);
  progress = find_widgets (project_view (window), MS_TYPE_PROGRESS_VIEW);
  g_assert_cmpuint (progress->len, ==, 1);
  ms_test_wait_drawn (window);
  ms_test_wait (charts_drawn_with (window, &normal));
  adw_settings_override_high_contrast (settings, TRUE);
  ms_test_wait (charts_drawn_with (window, &high_contrast));
  save_screenshot (GTK_WIDGET (window), "progress-high-contrast");

  /* The departments chart. */
  ms_window_select_section (window, 3);
  wait_page (window, "departments");
  g_clear_pointer (&progress, g_ptr_array_unref);
  ms_test_wait (charts_drawn_with (window, &high_contrast));
  adw_settings_override_high_contrast (settings, FALSE);
  ms_test_wait (charts_drawn_with (window, &normal));
  adw_settings_end_override (settings);

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct
{
  MsWindow *window;
  GPtrArray *pages;
} PaintLog;

static void
log_paint_cb (GdkFrameClock *clock,
              PaintLog      *log)
{
  const char *page = ms_window_get_visible_page (log->window);

  g_ptr_array_add (log->pages, g_strdup (page ? page : "-"));
}

/* A window opened with a file paints its first frame before it lays the
 * file out, and shows neither the welcome page nor the loading page then. */
static void
test_first_frame_before_content (void)
{
  g_autoptr(GFile) file = copy_example ("first-frame.json");
  MsWindow *window = ms_window_new (NULL);
  PaintLog log = { window, g_ptr_array_new_with_free_func (g_free) };
  gulong handler;

  ms_window_load_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                              G_CALLBACK (log_paint_cb), &log);
  ms_test_wait (ms_window_get_document (window) != NULL);
  ms_test_wait_drawn (window);
  g_signal_handler_disconnect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), handler);

  g_assert_cmpuint (log.pages->len, >=, 2);
  for (guint i = 0; i < log.pages->len; i++)
    {
      const char *page = g_ptr_array_index (log.pages, i);

      g_test_message ("frame %u: %s", i, page);
      g_assert_cmpstr (page, !=, "message");
    }
  /* The first frame is the blank page; the file's overview comes after. */
  g_assert_cmpstr (g_ptr_array_index (log.pages, 0), ==, "blank");
  g_assert_cmpstr (g_ptr_array_index (log.pages, log.pages->len - 1), ==, "overview");

  g_ptr_array_unref (log.pages);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_project_opens_at_top (void)
{
  MsWindow *window = open_window ("scroll.json");
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (ms_document_get_category (ms_window_get_document (window), 1)));
  g_autoptr(GPtrArray) scrollers = NULL;
  GtkAdjustment *adjustment;

  /* Short enough that a project's form scrolls. */
  resize_window (window, 1000, 600);
  ms_window_select_project (window, g_ptr_array_index (projects, 0));
  ms_test_wait (ms_project_view_get_project (project_view (window)) == g_ptr_array_index (projects, 0));
  ms_test_wait_drawn (window);
  scrollers = find_widgets (project_view (window), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpuint (scrollers->len, >=, 1);
  /* The form's own scroller: the tallest of them. */
  adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, 0));
  for (guint i = 1; i < scrollers->len; i++)
    {
      GtkAdjustment *other = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrollers, i));

      if (gtk_adjustment_get_upper (other) > gtk_adjustment_get_upper (adjustment))
        adjustment = other;
    }
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment) + 200);

  /* Scrolled down in one project, the next one still opens at its top. */
  gtk_adjustment_set_value (adjustment, 200);
  ms_test_wait_drawn (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  ms_window_select_project (window, g_ptr_array_index (projects, 1));
  ms_test_wait (ms_project_view_get_project (project_view (window)) == g_ptr_array_index (projects, 1));
  ms_test_wait_drawn (window);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_long_chart_draws_what_is_shown (void)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (1500);
  MsWindow *window = ms_window_new (NULL);
  g_autoptr(GPtrArray) charts = NULL;
  MsChartView *rates = NULL;
  GtkWidget *scrolled;
  GtkAdjustment *adjustment;
  MsChartInfo info;
  int height;

  ms_document_set_modified (document, FALSE);
  ms_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 820);
  gtk_window_present (GTK_WINDOW (window));
  ms_test_wait_drawn (window);

  charts = find_widgets (overview_page (window), MS_TYPE_CHART_VIEW);
  for (guint i = 0; i < charts->len; i++)
    if (ms_chart_view_get_kind (g_ptr_array_index (charts, i)) == MS_CHART_RATES)
      rates = g_ptr_array_index (charts, i);
  g_assert_nonnull (rates);
  height = gtk_widget_get_height (GTK_WIDGET (rates));

  /* Thousands of rows: only those near the screen are laid out. */
  ms_chart_view_get_info (rates, &info);
  g_assert_cmpint (height, >, 20000);
  g_assert_cmpfloat (info.text_y2, <, height / 4.0);

  /* Scrolled to the end, the last rows are drawn. */
  scrolled = gtk_widget_get_ancestor (GTK_WIDGET (rates), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  ms_test_wait_drawn (window);
  ms_chart_view_get_info (rates, &info);
  g_assert_cmpfloat (info.text_y2, >, height - 200.0);
  save_screenshot (GTK_WIDGET (window), "rates-scrolled");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Crash recovery: a child process edits, is killed, and this one restores. */

/* Whether edits of @file are kept for recovery. */
static gboolean
has_kept_edits (GFile *file)
{
  g_autoptr(MsRecoveryEntry) entry = ms_recovery_find (file, MS_RECOVERY_ANY);

  return entry != NULL;
}

static MsProject *
editor_first_project (MsEditor *editor)
{
  MsDocument *document = ms_editor_get_document (editor);

  return ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
}

/* Runs in the child: opens @path, edits, waits until the edit is kept for
 * recovery, says so, and waits to be killed. */
static int
run_recovery_child (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MsWindow *window;

  g_set_application_name ("minsheng");
  gtk_init ();
  adw_init ();
  window = ms_window_new (NULL);
  ms_window_set_autosave_delay (window, 100);
  gtk_window_present (GTK_WINDOW (window));
  ms_window_load_file (window, file);
  ms_test_wait (ms_window_get_editor (window) != NULL);

  ms_history_set_string (ms_window_get_history (window), "Edit Completion", G_OBJECT (editor_first_project (ms_window_get_editor (window))),
                         "completion", "崩溃前输入、尚未保存的完成情况");
  ms_test_wait (ms_autosave_get_kept_serial (ms_window_get_autosave (window)) ==
                ms_editor_get_serial (ms_window_get_editor (window)));

  g_print ("kept\n");
  fflush (stdout);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static MsRestoreDialog *
find_restore_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MS_IS_RESTORE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MS_RESTORE_DIALOG (window);
    }
  return NULL;
}

static MsRestoreDialog *
wait_for_restore_dialog (void)
{
  MsRestoreDialog *dialog = NULL;

  ms_test_wait ((dialog = find_restore_dialog ()) != NULL);
  return dialog;
}

/* Opens @file in a new window and waits for the offer of its kept edits. */
static MsRestoreDialog *
open_with_restore_offer (GFile     *file,
                         MsWindow **window)
{
  MsRestoreDialog *dialog;

  *window = ms_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (*window), 1200, 820);
  gtk_window_present (GTK_WINDOW (*window));
  ms_window_load_file (*window, file);
  dialog = wait_for_restore_dialog ();
  g_assert_nonnull (dialog);
  return dialog;
}

static void
test_recovery_after_kill (void)
{
  g_autoptr(GFile) file = copy_example ("crash.json");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  /* This very program, even if its file was replaced since it started. */
  const char *argv[] = { "/proc/self/exe", "--recovery-child", path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  MsRestoreDialog *dialog;
  MsWindow *window;
  GPid pid;
  int out_fd;
  int status;

  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  g_assert_false (has_kept_edits (file));

  /* Another process edits the file and is killed before saving. */
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                           NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  channel = g_io_channel_unix_new (out_fd);
  g_io_channel_set_close_on_unref (channel, TRUE);
  g_assert_cmpint (g_io_channel_read_line (channel, &line, NULL, NULL, &error), ==, G_IO_STATUS_NORMAL);
  g_assert_cmpstr (line, ==, "kept\n");
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

  /* The file is as it was; the edits wait in the recovery folder. */
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, before);

  /* Opening the file again offers them, saying when they were made. */
  dialog = open_with_restore_offer (file, &window);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));
  ms_test_wait_drawn (dialog);
  save_screenshot (GTK_WIDGET (dialog), "restore");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  gtk_window_close (GTK_WINDOW (dialog));
  ms_test_wait (find_restore_dialog () == NULL && ms_editor_get_modified (ms_window_get_editor (window)));

  g_assert_cmpstr (ms_project_get_completion (editor_first_project (ms_window_get_editor (window))), ==,
                   "崩溃前输入、尚未保存的完成情况");
  g_assert_true (ms_editor_get_modified (ms_window_get_editor (window)));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));
  g_assert_true (g_file_equal (ms_editor_get_file (ms_window_get_editor (window)), file));

  /* Saving writes them to the file and forgets the kept copy. */
  ms_window_save_to (window, file);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)) &&
                !ms_editor_get_modified (ms_window_get_editor (window)));
  g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));
  g_assert_false (has_kept_edits (file));
  g_free (after);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_nonnull (strstr (after, "崩溃前输入、尚未保存的完成情况"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Edits of @file as a session that stopped would have left them. */
static char *
keep_orphan_edits (GFile      *file,
                   const char *intro)
{
  g_autoptr(MsDocument) edited = ms_document_load (file, NULL, NULL);
  g_autoptr(GBytes) bytes = NULL;
  char *key = ms_recovery_new_key ();

  ms_document_set_intro (edited, intro);
  bytes = ms_document_serialize (edited, NULL);
  g_assert_true (ms_recovery_keep (key, file, "kept", bytes, NULL, NULL));
  ms_test_orphan_recovery (key);
  return key;
}

static void
test_recovery_later (void)
{
  g_autoptr(GFile) file = copy_example ("later.json");
  g_autofree char *key = keep_orphan_edits (file, "稍后再决定的修改");
  MsRestoreDialog *dialog;
  MsWindow *window;

  dialog = open_with_restore_offer (file, &window);
  /* Escape: nothing decided. */
  gtk_window_close (GTK_WINDOW (dialog));
  ms_test_wait (find_restore_dialog () == NULL);
  ms_test_wait_idle ();
  g_assert_nonnull (ms_window_get_editor (window));
  g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));

  /* New edits of the file as saved are kept apart: the old ones stay offered. */
  ms_window_set_autosave_delay (window, 20);
  ms_history_set_string (ms_window_get_history (window), "Edit Note", G_OBJECT (editor_first_project (ms_window_get_editor (window))), "note",
                         "新的修改");
  ms_test_wait (ms_autosave_get_kept_serial (ms_window_get_autosave (window)) ==
                ms_editor_get_serial (ms_window_get_editor (window)));
  g_assert_cmpstr (ms_autosave_get_key (ms_window_get_autosave (window)), !=, key);
  {
    g_autoptr(MsRecoveryEntry) offered = ms_recovery_find (file, MS_RECOVERY_ORPHANED);
    g_autoptr(MsDocument) restored = NULL;

    g_assert_nonnull (offered);
    g_assert_cmpstr (offered->key, ==, key);
    restored = ms_recovery_restore (offered, NULL);
    g_assert_cmpstr (ms_document_get_intro (restored), ==, "稍后再决定的修改");
  }
  ms_autosave_discard (ms_window_get_autosave (window));
  ms_recovery_discard (key);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_recovery_discarded (void)
{
  g_autoptr(GFile) file = copy_example ("discard.json");
  g_autofree char *key = keep_orphan_edits (file, "不要的修改");
  MsRestoreDialog *dialog;
  MsWindow *window;

  dialog = open_with_restore_offer (file, &window);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  gtk_window_close (GTK_WINDOW (dialog));
  ms_test_wait (find_restore_dialog () == NULL && !has_kept_edits (file));

  /* The file as saved, unmodified, and nothing offered again. */
  g_assert_nonnull (ms_window_get_editor (window));
  g_assert_cmpstr (ms_document_get_intro (ms_window_get_document (window)), !=, "不要的修改");
  g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));
  g_assert_false (has_kept_edits (file));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Edits discarded in the close question are not kept either. */
  window = open_window ("discard-close.json");
  ms_window_set_autosave_delay (window, 20);
  ms_history_set_string (ms_window_get_history (window), "Edit Note", G_OBJECT (editor_first_project (ms_window_get_editor (window))), "note",
                         "关闭时丢弃");
  ms_test_wait (ms_autosave_get_kept_serial (ms_window_get_autosave (window)) ==
                ms_editor_get_serial (ms_window_get_editor (window)));
  g_assert_true (has_kept_edits (ms_editor_get_file (ms_window_get_editor (window))));
  {
    g_autoptr(GFile) closed = g_object_ref (ms_editor_get_file (ms_window_get_editor (window)));
    AdwMessageDialog *question;

    gpointer weak = window;

    g_object_add_weak_pointer (G_OBJECT (window), &weak);
    gtk_window_close (GTK_WINDOW (window));
    ms_test_wait ((question = ms_test_find_message_dialog (NULL)) != NULL);
    g_assert_true (MS_IS_SAVE_CHANGES_DIALOG (question));
    adw_message_dialog_response (question, "discard");
    gtk_window_close (GTK_WINDOW (question));
    ms_test_wait (weak == NULL);
    g_assert_false (has_kept_edits (closed));
  }
}

/* Printing and exporting: one dialog. */

static MsPrintDialog *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MS_IS_PRINT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MS_PRINT_DIALOG (window);
    }

  return NULL;
}

#ifdef __SANITIZE_ADDRESS__
#define RUNS_UNDER_ASAN TRUE
#else
#define RUNS_UNDER_ASAN FALSE
#endif

static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}

/* The choices start from the defaults in every case. */
static void
reset_print_choices (void)
{
  g_autoptr(GSettings) settings = ms_settings_new ();
  static const char * const keys[] = {
    "report-scope", "report-chart", "report-style", "report-language", "report-paper", "export-format",
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
}

static guint
expected_pages (MsDocument    *document,
                MsReportScope  scope,
                MsChartKind    chart,
                MsNode        *node)
{
  MsReportSettings settings;
  g_autoptr(MsReport) report = NULL;

  ms_report_settings_init (&settings);
  settings.scope = scope;
  settings.chart = chart;
  settings.node = node;
  report = ms_report_new_with_settings (document, &settings);
  return ms_report_get_n_pages (report);
}

/* A choice made as the user makes it, then the preview made again for it:
 * its page count is what the report of those settings has. */
static void
choose_scope (MsPrintDialog *dialog,
              const char    *scope,
              guint          expected)
{
  MsReportPreview *preview = ms_print_dialog_get_preview (dialog);

  /* A count that did not change would prove nothing. */
  g_assert_cmpuint (ms_report_preview_get_n_pages (preview), !=, expected);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "print.scope", "s", scope);
  ms_test_wait (ms_report_preview_get_n_pages (preview) == expected);
  g_test_message ("%s: %u pages", scope, expected);
}

static double
adjustment_upper (GtkAdjustment *adjustment)
{
  return gtk_adjustment_get_upper (adjustment);
}

/* The action a key of @widget's class runs, or NULL. */
static char *
dup_key_action (GtkWidget  *widget,
                const char *key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (key);

  g_assert_nonnull (wanted);
  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (action))
            return g_strdup (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)));
        }
    }
  return NULL;
}

static void
test_print_dialog (void)
{
  g_autoptr(GSettings) settings = ms_settings_new ();
  MsWindow *window;
  MsDocument *document;
  MsCategory *category;
  MsPrintDialog *dialog;
  MsReportPreview *preview;
  GtkScrollable *scrollable;
  GtkWidget *default_widget;
  graphene_rect_t before, after;
  double upper_before, hupper_before, zoom_before;
  guint all_pages;

  reset_print_choices ();
  window = open_window ("print.json");
  document = ms_window_get_document (window);
  category = ms_document_get_category (document, 0);
  /* The first category shown: the dialog offers it, and its rates chart. */
  ms_window_select_section (window, 1);
  wait_page (window, "projects");

  /* What Ctrl+P activates: our dialog, Print the default, on the right. */
  activate (window, "print");
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Print"));
  default_widget = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (default_widget)), ==, "print.print");
  g_assert_null (gtk_widget_get_next_sibling (default_widget));
  preview = ms_print_dialog_get_preview (dialog);
  scrollable = GTK_SCROLLABLE (preview);
  g_assert_false (gtk_widget_get_sensitive (find_by_id (dialog, "chart_row")));
  ms_test_wait_drawn (dialog);

  /* Keys: zoom, turn pages, close. */
  {
    static const char * const keys[][2] = {
      { "<Control>plus", "preview.zoom-in" },
      { "<Control>equal", "preview.zoom-in" },
      { "<Control>minus", "preview.zoom-out" },
      { "<Control>0", "preview.zoom-fit-page" },
      { "Page_Up", "preview.previous-page" },
      { "Page_Down", "preview.next-page" },
      { "Escape", "window.close" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree char *action = dup_key_action (GTK_WIDGET (dialog), keys[i][0]);

        g_assert_cmpstr (action, ==, keys[i][1]);
      }
  }

  /* The whole report first, drawn page by page: only those in view. */
  all_pages = expected_pages (document, MS_REPORT_SCOPE_ALL, MS_CHART_OVERVIEW, NULL);
  g_assert_cmpuint (ms_report_preview_get_n_pages (preview), ==, all_pages);
  g_assert_cmpuint (all_pages, >, 3);
  g_assert_cmpuint (ms_report_preview_get_n_drawn (preview), >=, 1);
  g_assert_cmpuint (ms_report_preview_get_n_drawn (preview), <=, 2);

  /* Page Down and the button turn pages; the label follows. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.next-page", NULL);
  g_assert_cmpuint (ms_report_preview_get_page (preview), ==, 1);
  {
    g_autofree char *label = g_strdup_printf (_("Page %u of %u"), 2, all_pages);

    g_assert_true (has_label (dialog, label));
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.previous-page", NULL);
  g_assert_cmpuint (ms_report_preview_get_page (preview), ==, 0);

  /* Zoomed in, the page is drawn larger and the view scrolls further. */
  g_assert_true (ms_report_preview_get_page_area (preview, 0, &before));
  upper_before = adjustment_upper (gtk_scrollable_get_vadjustment (scrollable));
  hupper_before = adjustment_upper (gtk_scrollable_get_hadjustment (scrollable));
  zoom_before = ms_report_preview_get_zoom (preview);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.zoom-in", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.zoom-in", NULL);
  ms_test_wait (adjustment_upper (gtk_scrollable_get_vadjustment (scrollable)) > upper_before * 1.5);
  ms_test_wait_drawn (preview);
  g_assert_cmpfloat_with_epsilon (ms_report_preview_get_zoom (preview), zoom_before * 1.25 * 1.25 * 1.25, 1e-6);
  g_assert_true (ms_report_preview_get_page_area (preview, 0, &after));
  g_assert_cmpfloat_with_epsilon (after.size.width / before.size.width, 1.25 * 1.25 * 1.25, 0.01);
  g_assert_cmpfloat (adjustment_upper (gtk_scrollable_get_hadjustment (scrollable)), >, hupper_before);
  g_assert_cmpfloat (adjustment_upper (gtk_scrollable_get_hadjustment (scrollable)), >,
                     gtk_adjustment_get_page_size (gtk_scrollable_get_hadjustment (scrollable)));
  g_assert_cmpuint (ms_report_preview_get_n_drawn (preview), >=, 1);
  g_assert_cmpuint (ms_report_preview_get_n_drawn (preview), <=, 2);
  save_screenshot (GTK_WIDGET (dialog), "print-dialog-zoomed");

  /* Ctrl+0: whole pages again. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "preview.zoom-fit-page", NULL);
  ms_test_wait (fabs (ms_report_preview_get_zoom (preview) - zoom_before) < 1e-6);

  /* What to print: each choice previews the pages the report of it has. */
  choose_scope (dialog, "table", expected_pages (document, MS_REPORT_SCOPE_TABLE, MS_CHART_OVERVIEW, NULL));
  {
    g_autofree char *remembered = g_settings_get_string (settings, "report-scope");

    g_assert_cmpstr (remembered, ==, "table");
  }
  choose_scope (dialog, "summary", expected_pages (document, MS_REPORT_SCOPE_SUMMARY, MS_CHART_OVERVIEW, NULL));
  choose_scope (dialog, "category", expected_pages (document, MS_REPORT_SCOPE_CATEGORY, MS_CHART_OVERVIEW,
                                                     MS_NODE (category)));
  /* One chart: the departments, then the rates of the category shown. */
  g_settings_set_string (settings, "report-chart", "departments");
  choose_scope (dialog, "chart", expected_pages (document, MS_REPORT_SCOPE_CHART, MS_CHART_DEPARTMENTS, NULL));
  {
    AdwComboRow *chart_row = ADW_COMBO_ROW (find_by_id (dialog, "chart_row"));
    guint rates_pages = expected_pages (document, MS_REPORT_SCOPE_CHART, MS_CHART_RATES, MS_NODE (category));

    g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (chart_row)));
    g_assert_cmpuint (rates_pages, !=, expected_pages (document, MS_REPORT_SCOPE_CHART, MS_CHART_OVERVIEW, NULL));
    /* The overview chart is one page; between two counts alike it proves the change. */
    adw_combo_row_set_selected (chart_row, 0);
    ms_test_wait (ms_report_preview_get_n_pages (preview) ==
                  expected_pages (document, MS_REPORT_SCOPE_CHART, MS_CHART_OVERVIEW, NULL));
    adw_combo_row_set_selected (chart_row, 1);
    ms_test_wait (ms_report_preview_get_n_pages (preview) == rates_pages);
  }

  /* Escape closes it, as Cancel does. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ms_test_wait (find_print_dialog () == NULL);

  /* Opened again, it remembers what was chosen. */
  activate (window, "print");
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  {
    g_autofree char *scope = NULL;

    g_object_get (dialog, "scope", &scope, NULL);
    g_assert_cmpstr (scope, ==, "chart");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  reset_print_choices ();
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Pages of a PDF, as poppler reads them. */
static guint
count_pdf_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  line = strstr (output, "\nPages:");
  g_assert_nonnull (line);
  return (guint)g_ascii_strtoull (line + strlen ("\nPages:") + strspn (line + strlen ("\nPages:"), " "), NULL, 10);
}

static void
assert_pdf_pages (const char *path,
                  guint       expected)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 5);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (count_pdf_pages (path), ==, expected);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
test_export_dialog (void)
{
  g_autofree char *folder = g_build_filename (work_dir, "exports", NULL);
  g_autofree char *locked = g_build_filename (work_dir, "locked", NULL);
  /* A name that would be markup, shown as it is. */
  g_autofree char *locked_path = g_build_filename (locked, "<i>report & co.pdf", NULL);
  g_autofree char *word_path = g_build_filename (locked, "table.docx", NULL);
  g_autofree char *pdf_path = NULL;
  g_autofree char *suggested = NULL;
  g_autoptr(GFile) locked_file = g_file_new_for_path (locked_path);
  g_autoptr(GFile) word_file = g_file_new_for_path (word_path);
  MsWindow *window;
  MsDocument *document;
  MsPrintDialog *dialog;
  AdwMessageDialog *message;
  g_autofree char *heading = NULL;
  guint summary_pages;

  reset_print_choices ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (locked, 0755), ==, 0);
  window = open_window ("export.json");
  document = ms_window_get_document (window);
  summary_pages = expected_pages (document, MS_REPORT_SCOPE_SUMMARY, MS_CHART_OVERVIEW, NULL);

  /* What Ctrl+E activates: the same dialog, Export the default. */
  activate (window, "export-pdf");
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, _("Export"));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (gtk_window_get_default_widget (GTK_WINDOW (dialog)))),
                   ==, "print.export");
  choose_scope (dialog, "summary", summary_pages);

  /* The name offered says the file and what is printed. */
  suggested = ms_print_dialog_dup_file_name (dialog);
  g_assert_true (g_str_has_prefix (suggested, ms_document_get_title (document)));
  g_assert_nonnull (strstr (suggested, _("summary table")));
  g_assert_true (g_str_has_suffix (suggested, ".pdf"));

  /* Export… asks where, with that name, for PDF first; cancelled, the dialog stays.
   * Not under AddressSanitizer: GTK's own file chooser leaks there, in
   * libcloudproviders and in its folder-loading threads (no code of ours). */
  if (!RUNS_UNDER_ASAN)
    {
      GtkFileChooser *chooser;
      g_autofree char *name = NULL;
      GtkFileFilter *filter;

      gtk_widget_activate_action (GTK_WIDGET (dialog), "print.export", NULL);
      ms_test_wait ((chooser = find_file_chooser ()) != NULL);
      name = gtk_file_chooser_get_current_name (chooser);
      filter = gtk_file_chooser_get_filter (chooser);
      g_assert_cmpstr (name, ==, suggested);
      g_assert_nonnull (filter);
      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, _("PDF document"));
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      G_GNUC_END_IGNORE_DEPRECATIONS
      ms_test_wait (find_file_chooser () == NULL);
      g_assert_true (find_print_dialog () == dialog);
    }

  /* The answer, as the chooser gives it, writes the PDF and closes the dialog. */
  pdf_path = g_build_filename (folder, suggested, NULL);
  {
    g_autoptr(GFile) target = g_file_new_for_path (pdf_path);

    g_assert_true (ms_print_dialog_export_to (dialog, target));
  }
  ms_test_wait (find_print_dialog () == NULL);
  assert_pdf_pages (pdf_path, summary_pages);

  /* A folder that cannot be written to: said, naming the file, and nothing left there. */
  activate (window, "export-pdf");
  dialog = find_print_dialog ();
  g_assert_nonnull (dialog);
  g_setenv ("MS_FAULTS_MATCH", locked, TRUE);
  g_setenv ("MS_FAULTS", "open=EACCES", TRUE);
  g_assert_false (ms_print_dialog_export_to (dialog, locked_file));
  g_unsetenv ("MS_FAULTS");
  g_unsetenv ("MS_FAULTS_MATCH");
  ms_test_wait ((message = ms_test_find_message_dialog (NULL)) != NULL);
  heading = g_strdup_printf (_("Could Not Export “%s”"), "<i>report & co.pdf");
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, heading);
  g_assert_false (adw_message_dialog_get_heading_use_markup (message));
  g_assert_false (adw_message_dialog_get_body_use_markup (message));
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  g_test_message ("%s", adw_message_dialog_get_body (message));
  save_screenshot (GTK_WIDGET (message), "export-failed");
  g_assert_cmpuint (count_files (locked), ==, 0);
  g_assert_true (find_print_dialog () == dialog);
  gtk_window_destroy (GTK_WINDOW (message));

  /* Word: written where the writer exists, else its reason shown as it is. */
  {
    g_autoptr(MsReport) report = ms_report_new (document, NULL, MS_PAPER_A4, NULL);
    g_autofree char *probe = g_build_filename (work_dir, "probe.docx", NULL);
    g_autoptr(GError) error = NULL;
    gboolean writes_word = ms_report_write_docx (report, probe, &error);

    g_unlink (probe);
    g_test_message ("Word writer: %s", writes_word ? "writes" : error->message);
    if (writes_word)
      {
        g_assert_true (ms_print_dialog_export_to (dialog, word_file));
        g_assert_true (g_file_test (word_path, G_FILE_TEST_IS_REGULAR));
        g_unlink (word_path);
      }
    else
      {
        g_autofree char *word_heading = g_strdup_printf (_("Could Not Export “%s”"), "table.docx");

        g_assert_false (ms_print_dialog_export_to (dialog, word_file));
        ms_test_wait ((message = ms_test_find_message_dialog (NULL)) != NULL);
        g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, word_heading);
        g_assert_cmpstr (adw_message_dialog_get_body (message), ==, error->message);
        g_assert_cmpuint (count_files (locked), ==, 0);
        gtk_window_destroy (GTK_WINDOW (message));
        gtk_window_destroy (GTK_WINDOW (dialog));
      }
  }

  g_unlink (pdf_path);
  g_rmdir (folder);
  g_rmdir (locked);
  reset_print_choices ();
  gtk_window_destroy (GTK_WINDOW (window));
}

static MsReturnsDialog *
find_returns_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MS_IS_RETURNS_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MS_RETURNS_DIALOG (window);
    }

  return NULL;
}

/* Return sheets from the window: every department listed and chosen, the
 * file's reporting date offered; the workbooks of the chosen ones written. */
static void
test_returns_dialog (void)
{
  g_autofree char *folder = g_build_filename (work_dir, "returns", NULL);
  g_autoptr(MsDepartments) departments = NULL;
  g_autoptr(GError) error = NULL;
  MsReturnsDialog *dialog;
  MsWindow *window;
  GtkWidget *date_row;
  g_autofree char *as_of = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  window = open_window ("returns.json");
  departments = ms_departments_new (MS_NODE (ms_window_get_document (window)));

  activate (window, "export-returns");
  ms_test_wait ((dialog = find_returns_dialog ()) != NULL);
  g_assert_cmpuint (ms_returns_dialog_get_n_departments (dialog), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (departments)));
  g_assert_cmpuint (ms_returns_dialog_get_n_departments (dialog), >, 2);
  date_row = find_by_id (dialog, "date_row");
  g_assert_nonnull (date_row);
  /* A year-end file has no reporting date of its own: today is offered. */
  as_of = ms_date_to_string (ms_date_today ());
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, as_of);
  save_screenshot (GTK_WIDGET (dialog), "returns-dialog");

  /* Nothing chosen, or no real date: refused, nothing written. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "returns.choose-none", NULL);
  g_assert_false (ms_returns_dialog_export_to (dialog, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  ms_returns_dialog_set_department_chosen (dialog, 0, TRUE);
  ms_returns_dialog_set_department_chosen (dialog, 2, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-02-30");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (ms_returns_dialog_export_to (dialog, folder, &error));
  g_assert_nonnull (strstr (error->message, "2025-02-30"));
  g_clear_error (&error);
  g_assert_cmpuint (count_files (folder), ==, 0);

  /* Two chosen, a real date: two workbooks. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2025-06-30");
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (ms_returns_dialog_export_to (dialog, folder, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (folder), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ms_test_remove_tree (folder);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The system's dialog gets our paper and pages, and nothing to choose twice. */
static void
test_print_operation (void)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GFile) file = copy_example ("print-operation.json");
  g_autofree char *path = g_build_filename (work_dir, "print-operation.pdf", NULL);
  g_autoptr(MsReport) report = NULL;
  g_autoptr(MsPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  MsReportSettings settings;
  GtkPageSetup *setup;

  document = ms_document_load (file, NULL, &error);
  g_assert_no_error (error);
  ms_report_settings_init (&settings);
  settings.scope = MS_REPORT_SCOPE_TABLE;
  settings.paper = MS_PAPER_A3;
  report = ms_report_new_with_settings (document, &settings);
  operation = ms_print_operation_new (report);

  g_assert_false (gtk_print_operation_get_embed_page_setup (GTK_PRINT_OPERATION (operation)));
  g_assert_false (gtk_print_operation_get_support_selection (GTK_PRINT_OPERATION (operation)));
  setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_nonnull (setup);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)), ==, GTK_PAPER_NAME_A3);
  g_assert_cmpint (gtk_print_settings_get_n_copies (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation))),
                   ==, 1);
  g_assert_cmpint (gtk_print_settings_get_print_pages (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation))),
                   ==, GTK_PRINT_PAGES_ALL);

  g_assert_cmpint (ms_print_run (NULL, report, GTK_PRINT_OPERATION_ACTION_EXPORT, path, &error), ==,
                   GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  assert_pdf_pages (path, ms_report_get_n_pages (report));
  g_unlink (path);
}

/* Injected faults (tests/faults/ms-faults.c, preloaded by main). */
static void
test_save_faults (void)
{
  static const char * const faults[] = { "rename=EPERM", "write-limit=4096", "close=EIO", "fsync=EIO" };
  g_autofree char *folder = g_build_filename (work_dir, "faults", NULL);
  g_autofree char *path = g_build_filename (folder, "year.json", NULL);
  g_autofree char *backup_path = g_build_filename (folder, "year.json~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  MsWindow *window = open_window ("faults-source.json");

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  /* A first save, so that there is a file and a backup to keep. */
  ms_window_save_to (window, file);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)));
  ms_document_set_year (ms_window_get_document (window), 2031);
  ms_window_save_to (window, file);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)));
  g_assert_true (g_file_test (backup_path, G_FILE_TEST_EXISTS));

  for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
    {
      g_autofree char *before = NULL;
      g_autofree char *backup_before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *backup_after = NULL;
      g_autofree char *cause = NULL;
      g_autofree char *expected = NULL;
      AdwMessageDialog *dialog;
      guint n_files = 0;

      g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
      g_assert_true (g_file_get_contents (backup_path, &backup_before, NULL, NULL));
      ms_document_set_year (ms_window_get_document (window), 2032 + f);

      g_setenv ("MS_FAULTS_MATCH", folder, TRUE);
      g_setenv ("MS_FAULTS", faults[f], TRUE);
      ms_window_save_to (window, NULL);
      ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)) && ms_test_find_message_dialog (NULL) != NULL);
      g_unsetenv ("MS_FAULTS");
      g_unsetenv ("MS_FAULTS_MATCH");

      /* Said in plain words; the title keeps its bullet; nothing changed on disk. */
      dialog = ms_test_find_message_dialog (NULL);
      g_assert_nonnull (dialog);
      g_test_message ("%s: %s", faults[f], adw_message_dialog_get_body (dialog));
      /* The message as the user reads it, in the language of the run. */
      if (f == 0)
        cause = g_strdup_printf (_("You do not have permission to replace files in the folder “%s”. "
                                   "Save to another folder."), folder);
      else if (f == 1)
        cause = g_strdup_printf (_("There is not enough space on the disk to save “%s”. Free some space, "
                                   "or save to another disk."), path);
      else
        cause = g_strdup_printf (_("The disk reported an input/output error while saving “%s”. "
                                   "Check the disk, or save to another place."), path);
      expected = g_strdup_printf (_("%s The file on disk was left as it was."), cause);
      g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, expected);
      g_assert_true (ms_editor_get_modified (ms_window_get_editor (window)));
      g_assert_true (g_str_has_prefix (adw_window_title_get_title (window_title (window)), "• "));
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_true (g_file_get_contents (backup_path, &backup_after, NULL, NULL));
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpstr (backup_after, ==, backup_before);
      {
        g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);

        while (g_dir_read_name (dir) != NULL)
          n_files++;
      }
      g_assert_cmpuint (n_files, ==, 2);
      if (f == 0)
        save_screenshot (GTK_WIDGET (dialog), "save-fault");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  /* The fault gone, the same Save works and clears the bullet. */
  ms_window_save_to (window, NULL);
  ms_test_wait (!ms_editor_get_busy (ms_window_get_editor (window)));
  g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));
  g_unlink (path);
  g_unlink (backup_path);
  g_rmdir (folder);
  ms_autosave_discard (ms_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The ledger: the projects as a table, sortable, filtered as the list is,
 * selection shared with the form, cells pasted from a spreadsheet. */

static MsLedgerView *
ledger_view (MsWindow *window)
{
  return MS_LEDGER_VIEW (part (window, "ledger_view"));
}

static GtkColumnView *
ledger_table (MsWindow *window)
{
  g_autoptr(GPtrArray) views = find_widgets (ledger_view (window), GTK_TYPE_COLUMN_VIEW);

  g_assert_cmpuint (views->len, ==, 1);
  return g_ptr_array_index (views, 0);
}

/* Until the ledger has filtered and sorted every project, and drawn them. */
static void
wait_ledger (MsWindow *window)
{
  ms_test_wait (!ms_ledger_view_get_pending (ledger_view (window)));
  ms_test_wait_drawn (window);
}

static void
show_projects_view (MsWindow   *window,
                    const char *view)
{
  g_action_group_activate_action (G_ACTION_GROUP (window), "projects-view", g_variant_new_string (view));
  ms_test_wait_idle ();
  if (g_str_equal (view, "ledger"))
    wait_ledger (window);
}

/* The cell of @column bound to @project's row, if the row is shown. */
static MsLedgerCell *
ledger_cell (MsWindow       *window,
             MsProject      *project,
             MsLedgerColumn  column)
{
  g_autoptr(GPtrArray) cells = find_widgets (ledger_view (window), MS_TYPE_LEDGER_CELL);

  for (guint i = 0; i < cells->len; i++)
    {
      MsLedgerCell *cell = g_ptr_array_index (cells, i);

      if (ms_ledger_cell_get_project (cell) == project && ms_ledger_cell_get_column (cell) == column)
        return cell;
    }
  return NULL;
}

typedef double (*LedgerKey) (MsProject *project, const MsScheduleContext *context);

static double
number_of (MsProject               *project,
           const MsScheduleContext *context)
{
  return ms_project_get_number (project);
}

static double
rate_of (MsProject               *project,
         const MsScheduleContext *context)
{
  double rate;

  return ms_ledger_get_rate (project, context, &rate) ? rate : -1;
}

static double
deadline_of (MsProject               *project,
             const MsScheduleContext *context)
{
  return ms_schedule_context_get_deadline (context, project);
}

/* Sorted by @column, the rows' keys go up (or down), and not all are equal. */
static void
assert_sorted (MsWindow       *window,
               MsLedgerColumn  column,
               GtkSortType     direction,
               LedgerKey       key)
{
  MsLedgerView *ledger = ledger_view (window);
  MsScheduleContext context;
  guint n;
  gboolean differ = FALSE;

  ms_schedule_context_init (&context, ms_window_get_document (window), MS_DATE_NONE);
  ms_ledger_view_sort_by (ledger, column, direction);
  wait_ledger (window);
  n = ms_ledger_view_get_n_shown (ledger);
  g_assert_cmpuint (n, >, 2);
  for (guint i = 1; i < n; i++)
    {
      double before = key (ms_ledger_view_get_shown_project (ledger, i - 1), &context);
      double after = key (ms_ledger_view_get_shown_project (ledger, i), &context);

      if (direction == GTK_SORT_ASCENDING)
        g_assert_cmpfloat (before, <=, after);
      else
        g_assert_cmpfloat (before, >=, after);
      differ |= before != after;
    }
  g_assert_true (differ);
}

static void
test_ledger_sort_and_filter (void)
{
  MsWindow *window = open_example_city ();
  MsLedgerView *ledger = ledger_view (window);
  MsScheduleContext context;
  guint n_all;
  guint n_lagging = 0;

  ms_window_select_section (window, 1);
  wait_page (window, "projects");
  show_projects_view (window, "ledger");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (ledger)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (project_list (window))));
  n_all = ms_ledger_view_get_n_shown (ledger);
  g_assert_cmpuint (n_all, ==, shown_projects (window));

  /* A row says the project's number, and its state in a word (with an icon). */
  {
    MsProject *first = ms_ledger_view_get_shown_project (ledger, 0);
    g_autofree char *number = g_strdup_printf ("%u", ms_project_get_number (first));
    MsLedgerCell *state = ledger_cell (window, first, MS_LEDGER_STATE);

    ms_schedule_context_init (&context, ms_window_get_document (window), MS_DATE_NONE);
    g_assert_cmpstr (ms_ledger_cell_get_text (ledger_cell (window, first, MS_LEDGER_NUMBER)), ==, number);
    g_assert_cmpstr (ms_ledger_cell_get_text (state), ==,
                     ms_schedule_get_label (ms_project_get_schedule (first, &context, NULL)));
    g_assert_cmpuint (find_widgets_count (state, GTK_TYPE_IMAGE), ==, 1);
  }

  assert_sorted (window, MS_LEDGER_NUMBER, GTK_SORT_DESCENDING, number_of);
  assert_sorted (window, MS_LEDGER_NUMBER, GTK_SORT_ASCENDING, number_of);
  assert_sorted (window, MS_LEDGER_RATE, GTK_SORT_ASCENDING, rate_of);
  assert_sorted (window, MS_LEDGER_RATE, GTK_SORT_DESCENDING, rate_of);
  assert_sorted (window, MS_LEDGER_DEADLINE, GTK_SORT_ASCENDING, deadline_of);
  save_screenshot (GTK_WIDGET (window), "ledger");

  resize_window (window, 1400, 900);
  ms_ledger_view_sort_by (ledger, MS_LEDGER_STATE, GTK_SORT_ASCENDING);
  wait_ledger (window);
  save_screenshot (GTK_WIDGET (window), "ledger-1400");
  resize_window (window, 800, 600);
  /* Folded, the sections slide away before the table has the width. */
  ms_test_wait (adw_flap_get_reveal_progress (ADW_FLAP (part (window, "flap"))) == 0);
  wait_ledger (window);
  save_screenshot (GTK_WIDGET (window), "ledger-800");
  resize_window (window, 1200, 820);
  ms_test_wait (adw_flap_get_reveal_progress (ADW_FLAP (part (window, "flap"))) == 1);

  /* The search's state filter: only the projects needing attention, the
   * same ones the list would show. */
  activate (window, "search");
  gtk_drop_down_set_selected (status_filter (window), MS_PROJECT_FILTER_LAGGING);
  {
    g_autoptr(GPtrArray) revealers = find_widgets (search_bar (window), GTK_TYPE_REVEALER);

    /* For the screenshot: the search bar slid in. */
    ms_test_wait (gtk_revealer_get_child_revealed (g_ptr_array_index (revealers, 0)));
  }
  wait_ledger (window);
  for (guint i = 0; i < ms_ledger_view_get_n_shown (ledger); i++, n_lagging++)
    g_assert_true (ms_schedule_is_lagging (ms_project_get_schedule (ms_ledger_view_get_shown_project (ledger, i),
                                                                    &context, NULL)));
  g_assert_cmpuint (n_lagging, >, 0);
  g_assert_cmpuint (n_lagging, ==, shown_projects (window));
  {
    g_autoptr(GPtrArray) every = ms_node_collect_projects (MS_NODE (ms_window_get_document (window)));

    g_assert_cmpuint (n_lagging, <, every->len);
  }
  save_screenshot (GTK_WIDGET (window), "ledger-lagging");

  /* And the search text. */
  search_for (window, "zzz-no-such-project");
  wait_ledger (window);
  g_assert_cmpuint (ms_ledger_view_get_n_shown (ledger), ==, 0);
  g_assert_cmpuint (shown_projects (window), ==, 0);

  /* Back to the list: the ledger lets go of the file. */
  gtk_search_bar_set_search_mode (search_bar (window), FALSE);
  show_projects_view (window, "list");
  g_assert_null (ms_ledger_view_get_scope (ledger));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (project_list (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static MsIndicator *
key_indicator (MsWindow  *window,
               MsProject *project)
{
  MsScheduleContext context;

  ms_schedule_context_init (&context, ms_window_get_document (window), MS_DATE_NONE);
  return ms_project_get_key_indicator (project, &context);
}

/* Puts @text on the clipboard, pastes it onto the ledger's selected rows,
 * and returns the dialog that answers: the preview or a refusal. */
static AdwMessageDialog *
paste_text (MsWindow   *window,
            const char *text)
{
  AdwMessageDialog *dialog = NULL;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), text);
  activate (window, "paste-into-ledger");
  ms_test_wait ((dialog = ms_test_find_message_dialog (NULL)) != NULL);
  /* Drawn once, for screenshots. */
  ms_test_wait_drawn (dialog);
  return dialog;
}

static void
close_dialog (AdwMessageDialog *dialog,
              const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  ms_test_wait_idle ();
}

static gboolean
body_says (AdwMessageDialog *dialog,
           const char       *text)
{
  return strstr (adw_message_dialog_get_body (dialog), text) != NULL;
}

static void
test_ledger_selection_and_paste (void)
{
  MsWindow *window = open_example_city ();
  MsLedgerView *ledger = ledger_view (window);
  GtkSelectionModel *selection = ms_ledger_view_get_selection (ledger);
  MsHistory *history = ms_window_get_history (window);
  gboolean english = g_str_has_prefix (g_getenv ("LANGUAGE"), "en");
  AdwMessageDialog *dialog;
  MsProject *projects[3];
  MsIndicator *indicators[3];
  gboolean had_actual[3];
  double old_actual[3];
  static const double pasted[3] = { 1234, 56, 78 };
  MsProject *chosen;

  ms_window_select_section (window, 1);
  wait_page (window, "projects");
  show_projects_view (window, "ledger");
  ms_ledger_view_sort_by (ledger, MS_LEDGER_NUMBER, GTK_SORT_ASCENDING);
  wait_ledger (window);

  /* A row chosen in the ledger is the project in the form and the list. */
  chosen = ms_ledger_view_get_shown_project (ledger, 2);
  gtk_selection_model_select_item (selection, 2, TRUE);
  ms_test_wait_idle ();
  g_assert_true (ms_ledger_view_get_selected_project (ledger) == chosen);
  g_assert_true (ms_project_view_get_project (project_view (window)) == chosen);
  g_assert_true (ms_project_list_get_selected_project (project_list (window)) == chosen);

  /* F6 goes sidebar, ledger, form; Enter on a row opens the form. */
  gtk_window_set_focus (GTK_WINDOW (window), NULL);
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, sidebar (window)));
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, ledger));
  activate (window, "focus-next-pane");
  g_assert_true (focus_within (window, project_view (window)));
  gtk_widget_grab_focus (GTK_WIDGET (ledger));
  g_signal_emit_by_name (ledger_table (window), "activate", 4);
  ms_test_wait_idle ();
  g_assert_true (ms_project_view_get_project (project_view (window)) == ms_ledger_view_get_shown_project (ledger, 4));
  g_assert_true (focus_within (window, project_view (window)));

  /* Three rows, and a column of figures as Excel copies it: CRLF, a last
   * line end, thousands separated, full-width digits. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  ms_test_wait_idle ();
  /* The form shows one of them: the first. */
  g_assert_true (ms_project_view_get_project (project_view (window)) == ms_ledger_view_get_shown_project (ledger, 0));
  for (guint i = 0; i < 3; i++)
    {
      projects[i] = ms_ledger_view_get_shown_project (ledger, i);
      indicators[i] = key_indicator (window, projects[i]);
      had_actual[i] = ms_indicator_get_has_actual (indicators[i]);
      old_actual[i] = ms_indicator_get_actual (indicators[i]);
    }

  /* Refused, naming the counts: two values for three rows. */
  dialog = paste_text (window, "1\r\n2\r\n");
  g_assert_false (MS_IS_LEDGER_PASTE_DIALOG (dialog));
  if (english)
    g_assert_true (body_says (dialog, "2 values for 3 selected rows"));
  save_screenshot (GTK_WIDGET (dialog), "ledger-paste-refused");
  close_dialog (dialog, "close");
  /* And a word in a column of figures, named as it is. */
  dialog = paste_text (window, "3000\r\n约3000\r\n12\r\n");
  g_assert_false (MS_IS_LEDGER_PASTE_DIALOG (dialog));
  g_assert_true (body_says (dialog, "约3000"));
  close_dialog (dialog, "close");
  g_assert_false (ms_history_get_can_undo (history));

  /* The preview, then cancelled: nothing changes. */
  dialog = paste_text (window, "1,234\r\n56\r\n７８\r\n");
  g_assert_true (MS_IS_LEDGER_PASTE_DIALOG (dialog));
  save_screenshot (GTK_WIDGET (dialog), "ledger-paste-preview");
  close_dialog (dialog, "cancel");
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_cmpfloat (ms_indicator_get_actual (indicators[0]), ==, old_actual[0]);

  /* Accepted: three actuals, recorded as progress of the reporting date. */
  dialog = paste_text (window, "1,234\r\n56\r\n７８\r\n");
  close_dialog (dialog, "paste");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (ms_indicator_get_has_actual (indicators[i]));
      g_assert_cmpfloat (ms_indicator_get_actual (indicators[i]), ==, pasted[i]);
      g_assert_nonnull (ms_timeline_get_at (ms_indicator_get_progress (indicators[i]),
                                            ms_document_get_as_of (ms_window_get_document (window))));
    }
  /* The rows show the new rates at once. */
  {
    MsScheduleContext context;
    double rate;
    g_autofree char *percent = NULL;

    ms_schedule_context_init (&context, ms_window_get_document (window), MS_DATE_NONE);
    g_assert_true (ms_ledger_get_rate (projects[0], &context, &rate));
    percent = ms_l10n_format_percent (NULL, rate);
    g_assert_cmpstr (ms_ledger_cell_get_text (ledger_cell (window, projects[0], MS_LEDGER_RATE)), ==, percent);
  }
  ms_test_wait_drawn (window);
  save_screenshot (GTK_WIDGET (window), "ledger-pasted");

  /* One undo takes the whole paste back. */
  activate (window, "undo");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (ms_indicator_get_has_actual (indicators[i]), ==, had_actual[i]);
      g_assert_cmpfloat (ms_indicator_get_actual (indicators[i]), ==, old_actual[i]);
    }
  g_assert_false (ms_history_get_can_undo (history));

  /* A block of texts beside figures, as copied from a department's sheet:
   * both fields of each row, one step. */
  dialog = paste_text (window, "已开工建设\t1,234\r\n施工中\t56\r\n\t７８\r\n");
  g_assert_true (MS_IS_LEDGER_PASTE_DIALOG (dialog));
  save_screenshot (GTK_WIDGET (dialog), "ledger-paste-block");
  close_dialog (dialog, "paste");
  g_assert_cmpfloat (ms_indicator_get_actual (indicators[2]), ==, pasted[2]);
  g_assert_cmpstr (ms_project_get_completion (projects[0]), ==, "已开工建设");
  g_assert_cmpstr (ms_project_get_completion (projects[1]), ==, "施工中");
  activate (window, "undo");
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_cmpfloat (ms_indicator_get_actual (indicators[2]), ==, old_actual[2]);

  ms_autosave_discard (ms_window_get_autosave (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The merge review: returned sheets exported by the core, filled in with
 * openpyxl as a department would, read back through the review. */

#define MERGE_REPORTING_DATE "2024-06-30"

/* fill: a new figure in each indicator row (its row number + 0.5); bad: the
 * same, and text in the first figure cell; csv: the filled sheet saved as
 * CSV without its title row, so with no reporting date. */
static const char fill_return_script[] =
  "import csv, sys, openpyxl\n"
  "mode, path = sys.argv[1], sys.argv[2]\n"
  "book = openpyxl.load_workbook(path)\n"
  "sheet = book['填报表']\n"
  "rows = [row for row in range(4, sheet.max_row + 1) if sheet.cell(row, 4).value]\n"
  "for row in rows:\n"
  "    sheet.cell(row, 7).value = row + 0.5\n"
  "if mode == 'bad':\n"
  "    sheet.cell(rows[0], 7).value = '约3000'\n"
  "if mode == 'csv':\n"
  "    with open(path[:-len('.xlsx')] + '.csv', 'w', newline='', encoding='utf-8') as out:\n"
  "        writer = csv.writer(out)\n"
  "        for values in sheet.iter_rows(min_row=2, values_only=True):\n"
  "            writer.writerow(['' if value is None else value for value in values])\n"
  "else:\n"
  "    book.save(path)\n";

static void
fill_return (const char *path,
             const char *mode)
{
  const char *argv[] = { "/usr/bin/python3", "-c", fill_return_script, mode, path, NULL };
  g_autofree char *errors = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &errors,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("filling %s with openpyxl failed: %s", path, errors);
}

/* The return workbooks of the document's first @n_departments departments,
 * exported into @folder by the core; their paths. */
static GPtrArray *
export_returns (MsDocument *document,
                const char *folder,
                guint       n_departments)
{
  g_autoptr(MsDepartments) departments = ms_departments_new (MS_NODE (document));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GPtrArray *written = NULL;
  MsDate date;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (departments)), >=, n_departments);
  for (guint i = 0; i < n_departments; i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (G_LIST_MODEL (departments), i);

      g_ptr_array_add (names, g_strdup (ms_department_get_name (department)));
    }
  g_assert_true (ms_date_parse (MERGE_REPORTING_DATE, &date));
  g_assert_true (ms_xlsx_write_returns (document, date, folder, names, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (written->len, ==, n_departments);
  return written;
}

static GListModel *
files_of_paths (const char *first,
                ...)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_list_store_append (files, file);
    }
  va_end (args);
  return G_LIST_MODEL (files);
}

static MsMergeDialog *
find_merge_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MS_IS_MERGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MS_MERGE_DIALOG (window);
    }

  return NULL;
}

static guint
count_list_rows (gpointer    dialog,
                 const char *id)
{
  GtkListBox *list = GTK_LIST_BOX (find_by_id (dialog, id));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
check_of_row_active (MsMergeDialog *dialog,
                     guint          row)
{
  GtkListBoxRow *list_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_id (dialog, "changes_list")), row);
  g_autoptr(GPtrArray) checks = find_widgets (list_row, GTK_TYPE_CHECK_BUTTON);

  g_assert_cmpuint (checks->len, ==, 1);
  return gtk_check_button_get_active (g_ptr_array_index (checks, 0));
}

/* A figure change as the review showed it, and the file's entry before. */
typedef struct
{
  MsIndicator *indicator;
  MsDate       date;
  double       figure;
  gboolean     accepted;
  gboolean     had_entry;
  MsTimelineEntry before;
} ExpectedFigure;

/* Two departments' returns and a text file named .xlsx: every change a row,
 * the conflict and the refused file listed; two rows rejected, the rest
 * applied as progress entries at the reporting date, in one undo step. */
static void
test_merge_review (void)
{
  g_autofree char *folder = g_build_filename (work_dir, "merge-review", NULL);
  g_autofree char *not_a_workbook = g_build_filename (folder, "not-a-workbook.xlsx", NULL);
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GArray) expected = g_array_new (FALSE, TRUE, sizeof (ExpectedFigure));
  GPtrArray *changes;
  GPtrArray *conflicts;
  MsMergeDialog *dialog;
  MsDocument *document;
  MsHistory *history;
  MsWindow *window;
  GtkListBox *changes_list;
  MsDate date;
  guint n_rows;
  guint n_accepted = 0;
  gboolean bad_value_listed = FALSE;

  window = open_window ("merge-review.json");
  document = ms_window_get_document (window);
  history = ms_window_get_history (window);
  g_assert_true (ms_date_parse (MERGE_REPORTING_DATE, &date));
  returns = export_returns (document, folder, 2);
  fill_return (g_ptr_array_index (returns, 0), "fill");
  fill_return (g_ptr_array_index (returns, 1), "bad");
  g_assert_true (g_file_set_contents (not_a_workbook, "Just some text, not a workbook.\n", -1, NULL));
  before = ms_document_serialize (document, NULL);

  /* The menu item asks for several sheets at once. GTK's chooser starts
   * libcloudproviders, whose allocations LeakSanitizer reports (lsan.supp
   * has no entry for it): under ASan only the action is checked. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "merge-returns"));
  if (g_getenv ("ASAN_OPTIONS") == NULL)
    {
      g_autoptr(GtkFileChooserNative) chooser = ms_merge_dialog_new_chooser (window);
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));

      g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
      g_assert_true (gtk_file_chooser_get_select_multiple (GTK_FILE_CHOOSER (chooser)));
      g_assert_nonnull (filter);
      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, _(".xlsx and .csv"));
    }

  files = files_of_paths (g_ptr_array_index (returns, 0), g_ptr_array_index (returns, 1), not_a_workbook, NULL);
  dialog = MS_MERGE_DIALOG (ms_merge_dialog_new_for_files (window, files));
  gtk_window_present (GTK_WINDOW (dialog));
  ms_test_wait (find_merge_dialog () == dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  /* Reading changed nothing. */
  {
    g_autoptr(GBytes) read = ms_document_serialize (document, NULL);

    g_assert_true (g_bytes_equal (before, read));
    g_assert_false (ms_history_get_can_undo (history));
  }

  changes = ms_merge_get_changes (ms_merge_dialog_get_merge (dialog));
  conflicts = ms_merge_get_conflicts (ms_merge_dialog_get_merge (dialog));
  n_rows = ms_merge_dialog_get_n_change_rows (dialog);
  g_assert_cmpuint (changes->len, >, 4);
  g_assert_cmpuint (n_rows, ==, changes->len);
  g_assert_cmpuint (count_list_rows (dialog, "changes_list"), ==, changes->len);
  g_assert_false (ms_merge_dialog_get_needs_date (dialog));
  g_assert_false (gtk_widget_get_visible (find_by_id (dialog, "date_group")));

  /* The text in a figure cell is a conflict, listed and not to be accepted. */
  g_assert_cmpuint (conflicts->len, >=, 1);
  g_assert_cmpuint (count_list_rows (dialog, "conflicts_list"), ==, conflicts->len);
  for (guint i = 0; i < conflicts->len; i++)
    bad_value_listed |= ((MsMergeConflict *)g_ptr_array_index (conflicts, i))->kind == MS_MERGE_CONFLICT_BAD_VALUE;
  g_assert_true (bad_value_listed);
  g_assert_false (gtk_list_box_row_get_activatable (
    gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_id (dialog, "conflicts_list")), 0)));

  /* The text file is refused with its reason, under its name. */
  g_assert_cmpuint (ms_merge_dialog_get_n_refused (dialog), ==, 1);
  g_assert_cmpuint (count_list_rows (dialog, "refused_list"), ==, 1);
  {
    AdwActionRow *refused = ADW_ACTION_ROW (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_id (dialog, "refused_list")), 0));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (refused)), ==, "not-a-workbook.xlsx");
    g_assert_cmpuint (strlen (adw_action_row_get_subtitle (refused)), >, 10);
    g_assert_null (strchr (adw_action_row_get_subtitle (refused), '\n'));
    g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (refused)));
  }

  /* Text from the files is never read as markup. */
  {
    static const char * const lists[] = { "changes_list", "conflicts_list", "refused_list" };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        g_autoptr(GPtrArray) labels = find_widgets (find_by_id (dialog, lists[i]), GTK_TYPE_LABEL);

        g_assert_cmpuint (labels->len, >, 0);
        for (guint j = 0; j < labels->len; j++)
          g_assert_false (gtk_label_get_use_markup (g_ptr_array_index (labels, j)));
      }
  }

  /* The count line. */
  if (g_str_equal (g_getenv ("LANGUAGE"), "en"))
    {
      g_autofree char *summary = g_strdup_printf ("%u changes from 2 sheets, %u conflict%s", changes->len,
                                                  conflicts->len, conflicts->len == 1 ? "" : "s");

      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_by_id (dialog, "summary_label"))), ==, summary);
    }

  /* Rows of one project together, every change accepted to begin with. */
  for (guint i = 0; i < n_rows; i++)
    {
      const MsMergeChange *change = ms_merge_dialog_get_row_change (dialog, i);

      g_assert_true (change->accepted);
      g_assert_true (check_of_row_active (dialog, i));
      for (guint j = i + 2; j < n_rows; j++)
        if (ms_merge_dialog_get_row_change (dialog, j)->project == change->project)
          g_assert_true (ms_merge_dialog_get_row_change (dialog, j - 1)->project == change->project);
    }
  save_screenshot (GTK_WIDGET (dialog), "merge-review");
  if (g_getenv ("MS_SCREENSHOT_DIR") != NULL)
    {
      /* Scrolled to the end: the conflict and the refused file. */
      g_autoptr(GPtrArray) scrolled = find_widgets (dialog, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment;

      g_assert_cmpuint (scrolled->len, >=, 1);
      adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      ms_test_wait_drawn (dialog);
      save_screenshot (GTK_WIDGET (dialog), "merge-review-end");
    }

  /* Reject all, accept all: through the buttons' actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.reject-all", NULL));
  g_assert_false (check_of_row_active (dialog, 0));
  g_assert_false (gtk_widget_is_sensitive (find_by_id (dialog, "apply_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.accept-all", NULL));
  g_assert_true (check_of_row_active (dialog, n_rows - 1));

  /* Two rows rejected by activating them, as a click or Space does. */
  changes_list = GTK_LIST_BOX (find_by_id (dialog, "changes_list"));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (gtk_list_box_get_row_at_index (changes_list, 1))));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (changes_list, 1)));
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (changes_list, 3)));
  g_assert_false (check_of_row_active (dialog, 1));
  g_assert_false (check_of_row_active (dialog, 3));
  g_assert_true (check_of_row_active (dialog, 2));

  for (guint i = 0; i < n_rows; i++)
    {
      const MsMergeChange *change = ms_merge_dialog_get_row_change (dialog, i);
      const MsTimelineEntry *entry;
      ExpectedFigure figure = { 0 };

      g_assert_cmpint (change->accepted, ==, i != 1 && i != 3);
      n_accepted += change->accepted;
      /* Only figures were filled in. */
      g_assert_cmpint (change->field, ==, MS_MERGE_FIELD_ACTUAL);
      g_assert_cmpuint (change->date, ==, date);
      figure.indicator = change->indicator;
      figure.date = change->date;
      figure.figure = change->figure;
      figure.accepted = change->accepted;
      entry = ms_timeline_get_at (ms_indicator_get_progress (change->indicator), date);
      figure.had_entry = entry != NULL;
      if (entry != NULL)
        figure.before = (MsTimelineEntry) { entry->date, entry->value, NULL };
      g_array_append_val (expected, figure);
    }

  g_assert_true (gtk_widget_is_sensitive (find_by_id (dialog, "apply_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.apply", NULL));
  ms_test_wait (find_merge_dialog () == NULL);

  /* Exactly the accepted figures, as entries at the reporting date. */
  for (guint i = 0; i < expected->len; i++)
    {
      ExpectedFigure *figure = &g_array_index (expected, ExpectedFigure, i);
      const MsTimelineEntry *entry = ms_timeline_get_at (ms_indicator_get_progress (figure->indicator), date);

      if (figure->accepted)
        {
          g_assert_nonnull (entry);
          g_assert_cmpuint (entry->date, ==, date);
          g_assert_cmpfloat (entry->value, ==, figure->figure);
        }
      else if (!figure->had_entry)
        g_assert_null (entry);
      else
        {
          g_assert_nonnull (entry);
          g_assert_cmpuint (entry->date, ==, figure->before.date);
          g_assert_cmpfloat (entry->value, ==, figure->before.value);
        }
    }
  g_assert_cmpuint (n_accepted, ==, expected->len - 2);

  /* One undo step takes it all back. */
  g_assert_true (ms_history_get_can_undo (history));
  activate (window, "undo");
  g_assert_false (ms_history_get_can_undo (history));
  undone = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (before, undone));

  ms_test_remove_tree (folder);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Returns that change nothing say so; Cancel and a refused file change
 * nothing; a CSV without a reporting date gets the date row. */
static void
test_merge_nothing_and_dates (void)
{
  g_autofree char *folder = g_build_filename (work_dir, "merge-nothing", NULL);
  g_autofree char *not_a_workbook = g_build_filename (folder, "notes.xlsx", NULL);
  g_autofree char *csv_path = NULL;
  g_autoptr(GPtrArray) returns = NULL;
  g_autoptr(GBytes) before = NULL;
  MsMergeDialog *dialog;
  MsDocument *document;
  MsWindow *window;
  GtkWidget *date_row;
  MsDate as_of;
  MsDate september;

  window = open_window ("merge-nothing.json");
  document = ms_window_get_document (window);
  returns = export_returns (document, folder, 1);
  g_assert_true (g_file_set_contents (not_a_workbook, "PK but no zip at all", -1, NULL));
  before = ms_document_serialize (document, NULL);

  /* A sheet sent back as it was: nothing to merge, nothing to apply. */
  {
    g_autoptr(GListModel) files = files_of_paths (g_ptr_array_index (returns, 0), NULL);

    dialog = MS_MERGE_DIALOG (ms_merge_dialog_new_for_files (window, files));
    gtk_window_present (GTK_WINDOW (dialog));
    g_assert_cmpuint (ms_merge_dialog_get_n_change_rows (dialog), ==, 0);
    g_assert_cmpuint (ms_merge_get_conflicts (ms_merge_dialog_get_merge (dialog))->len, ==, 0);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_by_id (dialog, "summary_label"))), ==,
                     _("Nothing to merge: the sheets hold what the file holds"));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (dialog, "review_stack"))), ==,
                     "nothing");
    g_assert_false (gtk_widget_get_visible (find_by_id (dialog, "changes_group")));
    g_assert_false (gtk_widget_get_visible (find_by_id (dialog, "conflicts_group")));
    g_assert_false (gtk_widget_get_visible (find_by_id (dialog, "refused_group")));
    g_assert_false (gtk_widget_is_sensitive (find_by_id (dialog, "apply_button")));
    save_screenshot (GTK_WIDGET (dialog), "merge-nothing");
    gtk_window_close (GTK_WINDOW (dialog));
    ms_test_wait (find_merge_dialog () == NULL);
  }

  /* Only a file that is no workbook: listed, nothing else. */
  {
    g_autoptr(GListModel) files = files_of_paths (not_a_workbook, NULL);

    dialog = MS_MERGE_DIALOG (ms_merge_dialog_new_for_files (window, files));
    gtk_window_present (GTK_WINDOW (dialog));
    g_assert_cmpuint (ms_merge_dialog_get_n_refused (dialog), ==, 1);
    g_assert_true (gtk_widget_get_visible (find_by_id (dialog, "refused_group")));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (dialog, "review_stack"))), ==,
                     "review");
    g_assert_false (gtk_widget_is_sensitive (find_by_id (dialog, "apply_button")));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_by_id (dialog, "summary_label"))), ==,
                     _("None of the files could be read as a returned sheet"));
    gtk_window_close (GTK_WINDOW (dialog));
    ms_test_wait (find_merge_dialog () == NULL);
  }

  /* A CSV of the filled sheet without its title has no date: dropped on the
   * window, its review asks for one, the file's own date else today. */
  fill_return (g_ptr_array_index (returns, 0), "csv");
  csv_path = g_strdup (g_ptr_array_index (returns, 0));
  strcpy (csv_path + strlen (csv_path) - strlen (".xlsx"), ".csv");
  {
    GtkDropTarget *target = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
    g_autoptr(GFile) file = g_file_new_for_path (csv_path);
    GSList *list = g_slist_append (NULL, file);
    GValue value = G_VALUE_INIT;
    gboolean dropped = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_DROP_TARGET (controller))
          target = GTK_DROP_TARGET (controller);
      }
    g_assert_nonnull (target);
    g_value_init (&value, GDK_TYPE_FILE_LIST);
    g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
    g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &dropped);
    g_value_unset (&value);
    g_slist_free (list);
    g_assert_true (dropped);
  }
  ms_test_wait ((dialog = find_merge_dialog ()) != NULL);
  g_assert_true (ms_merge_dialog_get_needs_date (dialog));
  date_row = find_by_id (dialog, "date_row");
  g_assert_true (gtk_widget_get_visible (find_by_id (dialog, "date_group")));
  as_of = ms_document_get_as_of (document);
  {
    g_autofree char *offered = ms_date_to_string (as_of != MS_DATE_NONE ? as_of : ms_date_today ());

    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, offered);
  }
  g_assert_cmpuint (ms_merge_dialog_get_n_change_rows (dialog), >, 0);
  g_assert_cmpuint (ms_merge_dialog_get_row_change (dialog, 0)->date, ==,
                    as_of != MS_DATE_NONE ? as_of : ms_date_today ());
  save_screenshot (GTK_WIDGET (dialog), "merge-date");

  /* Another date: the same changes, at that date; no date: nothing to apply. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-09-30");
  g_assert_true (ms_date_parse ("2024-09-30", &september));
  g_assert_cmpuint (ms_merge_dialog_get_row_change (dialog, 0)->date, ==, september);
  g_assert_true (gtk_widget_is_sensitive (find_by_id (dialog, "apply_button")));
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (find_by_id (dialog, "apply_button")));

  /* Cancel: nothing written. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  ms_test_wait (find_merge_dialog () == NULL);
  {
    g_autoptr(GBytes) after = ms_document_serialize (document, NULL);

    g_assert_true (g_bytes_equal (before, after));
    g_assert_false (ms_history_get_can_undo (ms_window_get_history (window)));
  }

  ms_test_remove_tree (folder);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The import preview */

/* Invented: two categories, markup-looking text, a date line that is left
 * out, and project 5 after project 3, which the importer warns about on
 * project 5's line. */
static const char preview_notice[] =
  "<b>x</b> & 公园 青禾县2026年民生实事进展情况\n"
  "\n"
  "发布日期：2026-03-01\n"
  "一、县级民生实事\n"
  "\n"
  "（一）便民出行\n"
  "\n"
  "1.新建城乡公交候车亭40个。（责任单位：县交通运输局、县财政局）\n"
  "完成情况：已建成候车亭36个。\n"
  "\n"
  "2.改造县城人行道8公里。责任单位：县住房和城乡建设局\n"
  "完成情况：完成改造9.5公里。\n"
  "\n"
  "（二）健康服务 <i>试点</i> & 公园\n"
  "\n"
  "3.为65岁以上老年人免费体检1.5万人次。（责任单位：县卫生健康局）\n"
  "进展情况：已体检1.62万人次。\n"
  "\n"
  "二、乡镇民生实事\n"
  "\n"
  "（一）饮水安全\n"
  "\n"
  "5.新建农村供水管网120公里，新建蓄水池6座。（责任单位：县水利局）\n"
  "完成情况：完成管网铺设98公里，建成蓄水池6座。\n";

/* Invented too, and no line of it says the year. */
static const char yearless_notice[] =
  "青禾县民生实事进展情况\n"
  "\n"
  "一、县级民生实事\n"
  "\n"
  "（一）便民出行\n"
  "\n"
  "1.新建城乡公交候车亭40个。（责任单位：县交通运输局）\n"
  "完成情况：已建成候车亭36个。\n";

typedef struct
{
  MsImportEntry *entry;
  /* The entry of the row it is under, in the tree. */
  MsImportEntry *parent;
  char          *title;
  char          *subtitle;
  char          *note;
  char          *detail;
  char          *tooltip;
  gboolean       focusable;
} ShownRow;

static void
shown_row_free (gpointer data)
{
  ShownRow *row = data;

  g_clear_object (&row->entry);
  g_clear_object (&row->parent);
  g_free (row->title);
  g_free (row->subtitle);
  g_free (row->note);
  g_free (row->detail);
  g_free (row->tooltip);
  g_free (row);
}

/* What a label of the row shows, if it shows anything; never markup. */
static char *
shown_text (MsImportRow *row,
            const char  *id)
{
  GtkLabel *label = GTK_LABEL (find_by_id (row, id));

  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  if (!gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  /* The text as laid out: markup would have lost its tags here. */
  g_assert_cmpstr (gtk_label_get_text (label), ==, gtk_label_get_label (label));
  return g_strdup (gtk_label_get_text (label));
}

/* Every row @view shows, scrolled from top to bottom: entry → ShownRow. */
static GHashTable *
collect_import_rows (GtkListView *view)
{
  GHashTable *shown = g_hash_table_new_full (NULL, NULL, NULL, shown_row_free);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double value = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) rows = NULL;
      double last;

      gtk_adjustment_set_value (adjustment, value);
      ms_test_wait_drawn (view);
      rows = find_widgets (view, MS_TYPE_IMPORT_ROW);
      for (guint i = 0; i < rows->len; i++)
        {
          MsImportRow *widget = g_ptr_array_index (rows, i);
          MsImportEntry *entry = ms_import_row_get_entry (widget);
          GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (widget));
          GtkWidget *item = GTK_WIDGET (widget);
          ShownRow *row;

          if (entry == NULL || !gtk_widget_get_child_visible (item) || g_hash_table_contains (shown, entry))
            continue;
          while (gtk_widget_get_parent (item) != GTK_WIDGET (view))
            item = gtk_widget_get_parent (item);
          if (!gtk_widget_get_child_visible (item))
            continue;

          row = g_new0 (ShownRow, 1);
          row->entry = g_object_ref (entry);
          if (GTK_IS_TREE_EXPANDER (parent))
            {
              GtkTreeListRow *list_row = gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (parent));
              g_autoptr(GtkTreeListRow) parent_row = gtk_tree_list_row_get_parent (list_row);

              if (parent_row != NULL)
                row->parent = gtk_tree_list_row_get_item (parent_row);
            }
          row->title = shown_text (widget, "title_label");
          row->subtitle = shown_text (widget, "subtitle_label");
          row->note = shown_text (widget, "note_label");
          row->detail = shown_text (widget, "detail_label");
          row->tooltip = g_strdup (gtk_widget_get_tooltip_text (GTK_WIDGET (widget)));
          row->focusable = gtk_widget_get_focusable (item);
          g_hash_table_insert (shown, entry, row);
        }

      last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      if (value >= last)
        break;
      value = MIN (value + gtk_adjustment_get_page_size (adjustment) / 2, last);
    }
  return shown;
}

static ShownRow *
shown_node (GHashTable *shown,
            gpointer    node)
{
  GHashTableIter iter;
  ShownRow *row;

  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&row))
    if (ms_import_entry_get_node (row->entry) == node)
      return row;
  return NULL;
}

static guint
count_shown (GHashTable        *shown,
             MsImportEntryKind  kind)
{
  GHashTableIter iter;
  ShownRow *row;
  guint n = 0;

  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&row))
    n += ms_import_entry_get_kind (row->entry) == kind;
  return n;
}

/* The project whose lines hold @line, by the report: the last one starting at or before it. */
static const MsNoticeItem *
item_holding_line (MsNoticeReport *report,
                   guint           line)
{
  const MsNoticeItem *found = NULL;

  for (guint i = 0; i < report->items->len; i++)
    {
      const MsNoticeItem *item = g_ptr_array_index (report->items, i);

      if (item->line <= line && (found == NULL || item->line >= found->line))
        found = item;
    }
  return found;
}

static MsImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MS_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MS_IMPORT_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
dialog_part (gpointer    dialog,
             const char *id)
{
  GtkWidget *found = find_by_id (dialog, id);

  if (found == NULL)
    g_error ("The import dialog has no “%s”", id);
  return found;
}

static void
test_import_preview (void)
{
  MsWindow *window = open_window ("import-preview.json");
  MsDocument *before = ms_window_get_document (window);
  const char *language = ms_l10n_get_system_language ();
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) imported = NULL;
  g_autoptr(GHashTable) shown = NULL;
  g_autoptr(GError) error = NULL;
  const MsNoticeRemark *numbering = NULL;
  GtkWindow *dialog;
  GtkListView *tree_view;

  imported = ms_notice_import (preview_notice, strlen (preview_notice), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_categories, ==, 2);
  g_assert_cmpuint (report->n_projects, ==, 4);
  g_assert_cmpuint (report->n_indicators, ==, 5);
  g_assert_cmpint (report->year_source, !=, MS_NOTICE_YEAR_ASSUMED);
  for (guint i = 0; i < report->warnings->len; i++)
    {
      const MsNoticeRemark *remark = g_ptr_array_index (report->warnings, i);

      if (remark->line > 0)
        numbering = remark;
    }
  g_assert_nonnull (numbering);
  {
    const MsNoticeItem *holding = item_holding_line (report, numbering->line);

    g_assert_nonnull (holding);
    g_assert_cmpuint (ms_project_get_number (holding->project), ==, 5);
  }

  dialog = ms_import_dialog_present (window, "青禾县.txt", imported, report);
  ms_test_wait_drawn (dialog);

  /* Keys: Escape closes, Enter opens, and the title, region and year are settled. */
  {
    g_autofree char *escape = dup_key_action (GTK_WIDGET (dialog), "Escape");

    g_assert_cmpstr (escape, ==, "window.close");
  }
  g_assert_true (gtk_window_get_default_widget (dialog) == dialog_part (dialog, "open_button"));
  g_assert_true (gtk_widget_get_sensitive (dialog_part (dialog, "open_button")));
  g_assert_false (gtk_widget_get_visible (dialog_part (dialog, "year_check")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dialog_part (dialog, "year_spin"))), ==, 2026);
  /* Literal, as the notice writes it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_part (dialog, "title_row"))), ==,
                   "<b>x</b> & 公园 青禾县2026年民生实事进展情况");
  /* The region is the place the title names, not what a page put before it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_part (dialog, "region_row"))), ==, "青禾县");
  {
    const char *summary = gtk_label_get_text (GTK_LABEL (dialog_part (dialog, "summary_label")));
    g_autofree char *projects = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", 4), 4);
    g_autofree char *reported = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u with an actual figure",
                                                              "%u with actual figures", 5), 5);

    g_autoptr(GDateTime) dated = g_date_time_new_utc (2026, 3, 1, 0, 0, 0);
    g_autofree char *date = ms_l10n_format_date (language, dated);

    g_assert_nonnull (strstr (summary, projects));
    g_assert_nonnull (strstr (summary, reported));
    g_assert_nonnull (strstr (summary, "UTF-8"));
    g_assert_nonnull (strstr (summary, date));
  }

  /* The whole tree: every category, group, project and indicator. */
  tree_view = GTK_LIST_VIEW (dialog_part (dialog, "tree_view"));
  shown = collect_import_rows (tree_view);
  g_assert_cmpuint (count_shown (shown, MS_IMPORT_ENTRY_CATEGORY), ==, 2);
  g_assert_cmpuint (count_shown (shown, MS_IMPORT_ENTRY_GROUP), ==, 3);
  g_assert_cmpuint (count_shown (shown, MS_IMPORT_ENTRY_PROJECT), ==, 4);
  g_assert_cmpuint (count_shown (shown, MS_IMPORT_ENTRY_INDICATOR), ==, 5);
  g_assert_cmpuint (count_shown (shown, MS_IMPORT_ENTRY_WARNING), ==, 1);
  {
    MsCategory *county = ms_document_get_category (imported, 0);
    ShownRow *group = shown_node (shown, ms_category_get_group (county, 1));

    ShownRow *first = shown_node (shown, county);
    ShownRow *second = shown_node (shown, ms_document_get_category (imported, 1));

    g_assert_nonnull (first);
    g_assert_nonnull (second);
    g_assert_nonnull (group);
    g_assert_cmpstr (first->title, ==, "县级民生实事");
    g_assert_cmpstr (second->title, ==, "乡镇民生实事");
    /* Markup-looking text stays as it is. */
    g_assert_cmpstr (group->title, ==, "（二）健康服务 <i>试点</i> & 公园");
    g_assert_true (ms_import_entry_get_node (group->parent) == MS_NODE (county));
  }
  for (guint i = 0; i < report->items->len; i++)
    {
      const MsNoticeItem *item = g_ptr_array_index (report->items, i);
      ShownRow *row = shown_node (shown, item->project);
      g_autofree char *number = g_strdup_printf ("%u", ms_project_get_number (item->project));
      g_autofree char *target_start = g_utf8_substring (ms_project_get_target (item->project), 0,
                                                        MIN (g_utf8_strlen (ms_project_get_target (item->project), -1), 8));
      g_autofree char *where = ms_import_format_location (report->location_unit, item->line);
      const char * const *departments = ms_project_get_departments (item->project);

      g_assert_nonnull (row);
      g_assert_true (row->focusable);
      g_assert_true (g_str_has_prefix (row->title, number));
      g_assert_nonnull (strstr (row->title, target_start));
      g_assert_nonnull (departments[0]);
      for (guint d = 0; departments[d] != NULL; d++)
        g_assert_nonnull (strstr (row->subtitle, departments[d]));
      g_assert_cmpstr (row->detail, ==, ms_status_get_label (ms_project_get_status (item->project)));
      /* Where and why it was taken for a project, on the row and in its tooltip. */
      g_assert_nonnull (strstr (row->note, where));
      g_assert_nonnull (strstr (row->note, item->basis));
      g_assert_nonnull (strstr (row->tooltip, item->basis));

      for (guint n = 0; n < ms_project_get_n_indicators (item->project); n++)
        {
          MsIndicator *indicator = ms_project_get_indicator (item->project, n);
          ShownRow *shown_indicator = shown_node (shown, indicator);
          const char *unit = ms_indicator_get_unit (indicator);
          g_autofree char *target = ms_l10n_format_figure (language, ms_indicator_get_target (indicator), unit);
          g_autofree char *actual = ms_l10n_format_figure (language, ms_indicator_get_actual (indicator), unit);

          g_assert_nonnull (shown_indicator);
          g_assert_true (ms_indicator_get_has_actual (indicator));
          g_assert_true (ms_import_entry_get_node (shown_indicator->parent) == MS_NODE (item->project));
          g_assert_cmpstr (shown_indicator->title, ==, ms_indicator_get_name (indicator));
          /* The target, then the actual figure. */
          g_assert_nonnull (strstr (shown_indicator->detail, target));
          g_assert_nonnull (strstr (strstr (shown_indicator->detail, target) + strlen (target), actual));
        }
    }
  {
    /* The warning under the project whose lines hold it. */
    GHashTableIter iter;
    ShownRow *row;
    ShownRow *warning = NULL;

    g_hash_table_iter_init (&iter, shown);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&row))
      if (ms_import_entry_get_kind (row->entry) == MS_IMPORT_ENTRY_WARNING)
        warning = row;
    g_assert_nonnull (warning);
    g_assert_cmpstr (warning->title, ==, numbering->message);
    g_assert_true (ms_import_entry_get_kind (warning->parent) == MS_IMPORT_ENTRY_PROJECT);
    g_assert_cmpuint (ms_project_get_number (ms_import_entry_get_project (warning->parent)), ==, 5);
  }
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree_view)), 0);
  ms_test_wait_drawn (dialog);
  save_screenshot (GTK_WIDGET (dialog), "import-preview");
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree_view));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    ms_test_wait_drawn (dialog);
    save_screenshot (GTK_WIDGET (dialog), "import-preview-end");
  }

  /* And in the list of every warning, naming its project. */
  gtk_stack_set_visible_child_name (GTK_STACK (dialog_part (dialog, "view_stack")), "warnings");
  {
    g_autoptr(GHashTable) listed = collect_import_rows (GTK_LIST_VIEW (dialog_part (dialog, "warnings_view")));
    g_autofree char *where = ms_import_format_location (report->location_unit, numbering->line);
    g_autofree char *subtitle = g_strdup_printf (_("%s · project %u"), where, 5);
    GHashTableIter iter;
    ShownRow *row;
    gboolean found = FALSE;

    g_assert_cmpuint (g_hash_table_size (listed), ==, report->warnings->len);
    g_hash_table_iter_init (&iter, listed);
    while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&row))
      if (g_strcmp0 (row->title, numbering->message) == 0)
        {
          g_assert_cmpstr (row->subtitle, ==, subtitle);
          found = TRUE;
        }
    g_assert_true (found);
  }
  ms_test_wait_drawn (dialog);
  save_screenshot (GTK_WIDGET (dialog), "import-warnings");

  /* The date line, left out, with where it was. */
  gtk_stack_set_visible_child_name (GTK_STACK (dialog_part (dialog, "view_stack")), "dropped");
  {
    g_autoptr(GHashTable) dropped = collect_import_rows (GTK_LIST_VIEW (dialog_part (dialog, "dropped_view")));
    const MsNoticeRemark *date_line = g_ptr_array_index (report->dropped, 0);
    g_autofree char *where = ms_import_format_location (report->location_unit, date_line->line);
    GHashTableIter iter;
    ShownRow *row;

    g_assert_cmpuint (report->dropped->len, ==, 1);
    g_assert_cmpuint (g_hash_table_size (dropped), ==, 1);
    g_hash_table_iter_init (&iter, dropped);
    g_assert_true (g_hash_table_iter_next (&iter, NULL, (gpointer *)&row));
    g_assert_cmpstr (row->title, ==, "发布日期：2026-03-01");
    g_assert_cmpstr (row->subtitle, ==, where);
  }

  /* What web pages get wrong is corrected before opening. */
  gtk_editable_set_text (GTK_EDITABLE (dialog_part (dialog, "title_row")), "青禾县2026年民生实事进展情况");
  gtk_editable_set_text (GTK_EDITABLE (dialog_part (dialog, "region_row")), "青禾县");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.open", NULL));
  ms_test_wait (ms_window_get_document (window) == imported);
  g_assert_null (find_import_dialog ());
  g_assert_true (before != imported);
  g_assert_cmpstr (ms_document_get_title (imported), ==, "青禾县2026年民生实事进展情况");
  g_assert_cmpstr (ms_document_get_region (imported), ==, "青禾县");
  g_assert_cmpint (ms_document_get_year (imported), ==, 2026);
  g_assert_true (ms_editor_get_modified (ms_window_get_editor (window)));

  /* Escape closes the dialog and opens nothing. */
  {
    g_autoptr(MsNoticeReport) again_report = NULL;
    g_autoptr(MsDocument) again = ms_notice_import (preview_notice, strlen (preview_notice), &again_report, NULL);

    dialog = ms_import_dialog_present (window, "青禾县.txt", again, again_report);
    ms_test_wait_drawn (dialog);
    g_assert_true (press_shortcut_in (dialog_part (dialog, "tree_view"), "Escape"));
    ms_test_wait (find_import_dialog () == NULL);
    g_assert_true (ms_window_get_document (window) == imported);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A notice that does not say its year: Open waits for it. Unsaved changes
 * of the open file are asked about, as before. */
static void
test_import_asks_year (void)
{
  MsWindow *window = open_window ("import-year.json");
  MsDocument *before = ms_window_get_document (window);
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) imported = NULL;
  AdwMessageDialog *question;
  GtkWindow *dialog;
  GtkWidget *open_button;
  GtkCheckButton *confirmed;
  GtkSpinButton *year;
  int this_year;

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    this_year = g_date_time_get_year (now);
  }
  ms_document_set_year (before, 2025);
  g_assert_true (ms_document_get_modified (before));

  imported = ms_notice_import (yearless_notice, strlen (yearless_notice), &report, NULL);
  g_assert_nonnull (imported);
  g_assert_cmpint (report->year_source, ==, MS_NOTICE_YEAR_ASSUMED);

  dialog = ms_import_dialog_present (window, "青禾县.txt", imported, report);
  open_button = dialog_part (dialog, "open_button");
  confirmed = GTK_CHECK_BUTTON (dialog_part (dialog, "year_check"));
  year = GTK_SPIN_BUTTON (dialog_part (dialog, "year_spin"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, this_year);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (confirmed)));
  g_assert_false (gtk_check_button_get_active (confirmed));
  save_screenshot (GTK_WIDGET (dialog), "import-year");

  /* The assumed year is not taken silently. */
  g_assert_false (gtk_widget_get_sensitive (open_button));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.open", NULL);
  ms_test_wait_idle ();
  g_assert_true (find_import_dialog () == MS_IMPORT_DIALOG (dialog));
  g_assert_true (ms_window_get_document (window) == before);

  /* Confirmed as it is, or not. */
  gtk_check_button_set_active (confirmed, TRUE);
  g_assert_true (gtk_widget_get_sensitive (open_button));
  gtk_check_button_set_active (confirmed, FALSE);
  g_assert_false (gtk_widget_get_sensitive (open_button));

  /* A year typed is a year set, even before Enter. */
  gtk_editable_set_text (GTK_EDITABLE (year), "2023");
  g_assert_true (gtk_check_button_get_active (confirmed));
  g_assert_true (gtk_widget_get_sensitive (open_button));

  /* The open file has unsaved changes: asked first; Cancel keeps it, and
   * brings the preview back as it was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.open", NULL));
  ms_test_wait ((question = ms_test_find_message_dialog (NULL)) != NULL);
  g_assert_true (MS_IS_SAVE_CHANGES_DIALOG (question));
  g_assert_null (find_import_dialog ());
  adw_message_dialog_response (question, "cancel");
  ms_test_wait (find_import_dialog () == MS_IMPORT_DIALOG (dialog));
  /* A response given by a test does not close the question, as a click does. */
  gtk_window_destroy (GTK_WINDOW (question));
  g_assert_true (ms_window_get_document (window) == before);
  g_assert_true (ms_document_get_modified (before));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (year), ==, 2023);
  g_assert_true (gtk_widget_get_sensitive (open_button));

  /* Again, and Discard: the import is open, with the year set. */
  gtk_editable_set_text (GTK_EDITABLE (year), "2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.open", NULL));
  ms_test_wait ((question = ms_test_find_message_dialog (NULL)) != NULL);
  adw_message_dialog_response (question, "discard");
  ms_test_wait (ms_window_get_document (window) == imported);
  ms_test_wait (find_import_dialog () == NULL);
  g_assert_cmpint (ms_document_get_year (imported), ==, 2024);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Warnings go to the project whose lines hold them: from its first line
 * to the line before the next project's. */
static void
test_import_preview_lines (void)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (3);
  g_autoptr(MsImportPreview) preview = NULL;
  g_autoptr(GtkTreeListModel) tree = NULL;
  MsNoticeReport report = { 0 };
  MsProject *projects[3];
  static const guint starts[] = { 5, 9, 14 };
  static const struct { guint line; int project; } remarks[] = {
    { 0, -1 }, { 3, -1 }, { 5, 0 }, { 8, 0 }, { 9, 1 }, { 13, 1 }, { 40, 2 },
  };
  MsNoticeItem items[3];
  MsNoticeRemark warnings[G_N_ELEMENTS (remarks)];
  guint under[3] = { 0 };

  report.items = g_ptr_array_new ();
  report.warnings = g_ptr_array_new ();
  report.dropped = g_ptr_array_new ();
  report.location_unit = (char *)"paragraph";
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MsProject) project = NULL;
      GListModel *in_group = ms_group_get_projects (ms_category_get_group (ms_document_get_category (document, 0), 0));

      project = g_list_model_get_item (in_group, i);
      projects[i] = project;
      items[i] = (MsNoticeItem) { project, starts[i], (char *)"table row" };
      /* Out of line order: the preview sorts them. */
      g_ptr_array_insert (report.items, 0, &items[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (remarks); i++)
    {
      warnings[i] = (MsNoticeRemark) { remarks[i].line, (char *)"check this" };
      g_ptr_array_add (report.warnings, &warnings[i]);
    }

  preview = ms_import_preview_new (document, &report);
  for (guint i = 0; i < G_N_ELEMENTS (remarks); i++)
    g_assert_true (ms_import_preview_find_project (preview, remarks[i].line) ==
                   (remarks[i].project < 0 ? NULL : projects[remarks[i].project]));
  g_assert_cmpuint (g_list_model_get_n_items (ms_import_preview_get_warnings (preview)), ==, G_N_ELEMENTS (remarks));

  /* In the tree: under each project, its warnings, then its indicators. */
  tree = ms_import_preview_create_tree (preview);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (tree)); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (tree), i);
      MsImportEntry *entry = gtk_tree_list_row_get_item (row);

      if (ms_import_entry_get_kind (entry) == MS_IMPORT_ENTRY_PROJECT)
        {
          g_autofree char *note = ms_import_entry_dup_note (entry);
          g_autofree char *where = g_strdup_printf (_("Paragraph %u"), ms_import_entry_get_line (entry));

          g_assert_true (g_str_has_prefix (note, where));
        }
      if (ms_import_entry_get_kind (entry) == MS_IMPORT_ENTRY_WARNING)
        {
          g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
          g_autoptr(MsImportEntry) project = gtk_tree_list_row_get_item (parent);
          g_autoptr(GtkTreeListRow) previous = g_list_model_get_item (G_LIST_MODEL (tree), i - 1);
          g_autoptr(MsImportEntry) before = gtk_tree_list_row_get_item (previous);

          for (guint p = 0; p < 3; p++)
            under[p] += ms_import_entry_get_project (project) == projects[p];
          /* Right under the project, or under another warning. */
          g_assert_true (before == project || ms_import_entry_get_kind (before) == MS_IMPORT_ENTRY_WARNING);
        }
      g_object_unref (entry);
    }
  g_assert_cmpuint (under[0], ==, 2);
  g_assert_cmpuint (under[1], ==, 2);
  g_assert_cmpuint (under[2], ==, 1);

  g_ptr_array_unref (report.items);
  g_ptr_array_unref (report.warnings);
  g_ptr_array_unref (report.dropped);
}

/* 2 000 projects: the dialog makes rows only for what is on screen. */
static void
test_import_preview_large (void)
{
  MsWindow *window = open_window ("import-large.json");
  g_autofree char *notice = ms_test_generate_notice (2000);
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) imported = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GtkWindow *dialog;
  GtkListView *tree_view;
  GtkAdjustment *adjustment;
  MsProject *last;
  MsIndicator *last_indicator;
  gint64 start;

  imported = ms_notice_import (notice, strlen (notice), &report, NULL);
  g_assert_nonnull (imported);
  g_assert_cmpuint (report->n_projects, ==, 2000);
  last = ((MsNoticeItem *)g_ptr_array_index (report->items, report->items->len - 1))->project;
  last_indicator = ms_project_get_indicator (last, ms_project_get_n_indicators (last) - 1);

  start = g_get_monotonic_time ();
  dialog = ms_import_dialog_present (window, "large.txt", imported, report);
  ms_test_wait_drawn (dialog);
  g_test_message ("import preview of 2 000 projects drawn in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  tree_view = GTK_LIST_VIEW (dialog_part (dialog, "tree_view"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (tree_view))), >=,
                    report->n_categories + report->n_groups + report->n_projects + report->n_indicators);
  /* GTK 4.8 keeps up to 200 rows around what is shown; the tree has over 8 000. */
  rows = find_widgets (tree_view, MS_TYPE_IMPORT_ROW);
  g_assert_cmpuint (rows->len, <=, 250);
  g_clear_pointer (&rows, g_ptr_array_unref);

  /* The end is there too. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree_view));
  ms_test_wait ((gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)), ms_test_wait_drawn (tree_view),
                 gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) >=
                 gtk_adjustment_get_upper (adjustment)));
  rows = find_widgets (tree_view, MS_TYPE_IMPORT_ROW);
  g_assert_cmpuint (rows->len, <=, 250);
  {
    gboolean found = FALSE;

    for (guint i = 0; i < rows->len; i++)
      {
        MsImportEntry *entry = ms_import_row_get_entry (g_ptr_array_index (rows, i));

        found |= entry != NULL && ms_import_entry_get_node (entry) == MS_NODE (last_indicator);
      }
    g_assert_true (found);
  }

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A notice of progress into the open file */

#define PROGRESS_NOTICE "luohe-2024-progress.txt"

static char *
read_progress_notice (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "notices", PROGRESS_NOTICE, NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The notice with every @from replaced by @to. */
static char *
progress_notice_with (const char *from,
                      const char *to)
{
  g_autofree char *text = read_progress_notice ();
  g_auto(GStrv) parts = g_strsplit (text, from, -1);

  return g_strjoinv (to, parts);
}

static GtkWindow *
present_notice (MsWindow        *window,
                const char      *text,
                MsDocument     **imported,
                MsNoticeReport **report)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  *imported = ms_notice_import (text, strlen (text), report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*imported);
  dialog = ms_import_dialog_present (window, PROGRESS_NOTICE, *imported, *report);
  ms_test_wait_drawn (dialog);
  return dialog;
}

static gboolean
is_toplevel (gpointer window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (item == window)
        return TRUE;
    }
  return FALSE;
}

static MsProject *
project_numbered (MsDocument *document,
                  const char *category_id,
                  guint       number)
{
  MsProject *project = ms_test_find_project (document, category_id, number);

  if (project == NULL)
    g_error ("No project %s %u", category_id, number);
  return project;
}

static MsIndicator *
indicator_named (MsProject  *project,
                 const char *name)
{
  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    if (g_str_equal (ms_indicator_get_name (ms_project_get_indicator (project, i)), name))
      return ms_project_get_indicator (project, i);
  g_error ("No indicator %s", name);
}

/* What the fixture reports into the Luohe file, as tests/test-notice-into.c
 * expects it: each figure (or, without an indicator, the completion text)
 * and its line in the notice. */
static const struct
{
  const char *category;
  guint       number;
  const char *indicator;
  double      figure;
  const char *completion;
  guint       line;
} notice_changes[] = {
  { "provincial", 1, "职业技能培训", 2.6, NULL, 9 },
  { "provincial", 1, "新增技能人才", 2.1, NULL, 9 },
  { "provincial", 1, "新增高技能人才", 1.2, NULL, 9 },
  { "provincial", 1, NULL, 0, "上半年开展各类职业技能培训2.6万人次,新增技能人才2.1万人,新增高技能人才1.2万人。", 9 },
  { "provincial", 4, "新开工改造老旧小区", 1800, NULL, 17 },
  { "provincial", 4, NULL, 0, "全市已新开工改造老旧小区1800户，其余项目正在办理施工手续。", 17 },
  { "provincial", 5, "新建农村公路", 46.5, NULL, 25 },
  { "provincial", 5, "改造危旧桥梁", 9, NULL, 25 },
  { "provincial", 5, NULL, 0, "新建农村公路46.5公里,改造危桥9座。", 25 },
  { "municipal", 1, "城镇新增就业", 1.9, NULL, 35 },
  { "municipal", 1, NULL, 0, "城镇新增就业1.9万人,零就业家庭保持动态为零。", 35 },
  { "municipal", 9, "打通断头路", 6, NULL, 51 },
  { "municipal", 9, NULL, 0, "已打通断头路6条，其余正在施工。", 51 },
};

/* The row of the review showing the expected change @i, or -1. */
static int
find_notice_change_row (MsMergeDialog *dialog,
                        MsDocument    *document,
                        guint          i)
{
  MsProject *project = project_numbered (document, notice_changes[i].category, notice_changes[i].number);
  MsIndicator *indicator = notice_changes[i].indicator != NULL
                         ? indicator_named (project, notice_changes[i].indicator) : NULL;

  for (guint row = 0; row < ms_merge_dialog_get_n_change_rows (dialog); row++)
    {
      const MsMergeChange *change = ms_merge_dialog_get_row_change (dialog, row);

      if (change->project == project && change->indicator == indicator)
        return row;
    }
  return -1;
}

static void
scroll_to_end_screenshot (GtkWindow  *dialog,
                          const char *name)
{
  g_autoptr(GPtrArray) scrolled = NULL;
  GtkAdjustment *adjustment;

  if (g_getenv ("MS_SCREENSHOT_DIR") == NULL)
    return;
  scrolled = find_widgets (dialog, GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpuint (scrolled->len, >=, 1);
  adjustment = gtk_scrolled_window_get_vadjustment (g_ptr_array_index (scrolled, 0));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ms_test_wait_drawn (dialog);
  save_screenshot (GTK_WIDGET (dialog), name);
}

/* Update Open File: the notice's figures reviewed in the merge review,
 * applied as progress at the notice's date in one undo step. */
static void
test_import_update (void)
{
  MsWindow *window = open_window ("import-update.json");
  MsDocument *document = ms_window_get_document (window);
  MsHistory *history = ms_window_get_history (window);
  MsDate notice_date = ms_date_from_ymd (2024, 7, 10);
  g_autofree char *text = read_progress_notice ();
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) imported = NULL;
  g_autoptr(GBytes) before = ms_document_serialize (document, NULL);
  g_autoptr(GBytes) undone = NULL;
  g_autofree char *title_before = g_strdup (gtk_window_get_title (GTK_WINDOW (window)));
  GPtrArray *conflicts;
  MsMergeDialog *review;
  GtkWindow *dialog;
  GtkWidget *update_button;

  g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));
  dialog = present_notice (window, text, &imported, &report);
  g_assert_cmpuint (report->date, ==, notice_date);

  /* Both ways to take the notice, each saying what it does. */
  update_button = dialog_part (dialog, "update_button");
  g_assert_true (gtk_widget_get_visible (update_button));
  g_assert_true (gtk_widget_is_sensitive (update_button));
  g_assert_true (gtk_widget_is_sensitive (dialog_part (dialog, "open_button")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (update_button)), ==, _("_Update Open File"));
  g_assert_true (gtk_button_get_use_underline (GTK_BUTTON (update_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (update_button), ==,
                   _("Add the notice’s figures to the open file as progress at the notice’s date, and its "
                     "completion texts, after a review"));
  save_screenshot (GTK_WIDGET (dialog), "import-update");

  /* Pressed: the review of the open file opens, the preview waits out of the way. */
  gtk_widget_activate (update_button);
  ms_test_wait ((review = find_merge_dialog ()) != NULL);
  g_assert_null (find_import_dialog ());
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (review)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (review)), ==, _("Update From Notice"));
  g_assert_false (ms_merge_dialog_get_needs_date (review));
  g_assert_false (gtk_widget_get_visible (find_by_id (review, "date_group")));
  {
    g_autoptr(GBytes) read = ms_document_serialize (document, NULL);

    g_assert_true (g_bytes_equal (before, read));
    g_assert_false (ms_history_get_can_undo (history));
  }

  /* Every figure and completion text of the notice's matched projects, at its date. */
  g_assert_cmpuint (ms_merge_dialog_get_n_change_rows (review), ==, G_N_ELEMENTS (notice_changes));
  g_assert_cmpuint (count_list_rows (review, "changes_list"), ==, G_N_ELEMENTS (notice_changes));
  for (guint i = 0; i < G_N_ELEMENTS (notice_changes); i++)
    {
      int row = find_notice_change_row (review, document, i);
      const MsMergeChange *change;
      g_autofree char *source = g_strdup_printf ("%s:%u", PROGRESS_NOTICE, notice_changes[i].line);

      g_test_message ("change %u: %s %u %s", i, notice_changes[i].category, notice_changes[i].number,
                      notice_changes[i].indicator != NULL ? notice_changes[i].indicator : "completion");
      g_assert_cmpint (row, >=, 0);
      change = ms_merge_dialog_get_row_change (review, row);
      g_assert_true (change->accepted);
      g_assert_true (check_of_row_active (review, row));
      g_assert_cmpuint (change->date, ==, notice_date);
      g_assert_cmpstr (change->source, ==, source);
      if (notice_changes[i].indicator != NULL)
        {
          g_assert_cmpint (change->field, ==, MS_MERGE_FIELD_ACTUAL);
          g_assert_cmpfloat (change->figure, ==, notice_changes[i].figure);
        }
      else
        {
          g_assert_cmpint (change->field, ==, MS_MERGE_FIELD_COMPLETION);
          g_assert_cmpstr (change->text, ==, notice_changes[i].completion);
        }
    }

  /* Project 21 fits two of the file's, project 10 none: listed, not applied. */
  conflicts = ms_merge_get_conflicts (ms_merge_dialog_get_merge (review));
  g_assert_cmpuint (conflicts->len, ==, 2);
  g_assert_cmpuint (count_list_rows (review, "conflicts_list"), ==, 2);
  g_assert_cmpint (((MsMergeConflict *)g_ptr_array_index (conflicts, 0))->kind, ==, MS_MERGE_CONFLICT_AMBIGUOUS);
  g_assert_cmpstr (((MsMergeConflict *)g_ptr_array_index (conflicts, 0))->source, ==, PROGRESS_NOTICE ":43");
  g_assert_cmpint (((MsMergeConflict *)g_ptr_array_index (conflicts, 1))->kind, ==, MS_MERGE_CONFLICT_NO_PROJECT);
  g_assert_cmpstr (((MsMergeConflict *)g_ptr_array_index (conflicts, 1))->source, ==, PROGRESS_NOTICE ":57");
  {
    AdwActionRow *row = ADW_ACTION_ROW (
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_id (review, "conflicts_list")), 0));

    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                     ms_merge_conflict_kind_get_label (MS_MERGE_CONFLICT_AMBIGUOUS));
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (row), PROGRESS_NOTICE ":43"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "发放创业担保贷款3亿元以上"));
  }
  if (g_str_equal (g_getenv ("LANGUAGE"), "en"))
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_by_id (review, "summary_label"))), ==,
                     "13 changes from " PROGRESS_NOTICE ", 2 conflicts");
  save_screenshot (GTK_WIDGET (review), "notice-review");
  scroll_to_end_screenshot (GTK_WINDOW (review), "notice-review-end");

  /* Applied: one step, the preview gone with the review. */
  g_assert_true (gtk_widget_is_sensitive (find_by_id (review, "apply_button")));
  gtk_widget_activate (find_by_id (review, "apply_button"));
  ms_test_wait (find_merge_dialog () == NULL);
  ms_test_wait (!is_toplevel (dialog));

  for (guint i = 0; i < G_N_ELEMENTS (notice_changes); i++)
    {
      MsProject *project = project_numbered (document, notice_changes[i].category, notice_changes[i].number);

      if (notice_changes[i].indicator != NULL)
        {
          MsIndicator *indicator = indicator_named (project, notice_changes[i].indicator);
          const MsTimelineEntry *entry = ms_timeline_get_at (ms_indicator_get_progress (indicator), notice_date);

          g_assert_nonnull (entry);
          g_assert_cmpuint (entry->date, ==, notice_date);
          g_assert_cmpfloat (entry->value, ==, notice_changes[i].figure);
        }
      else
        g_assert_cmpstr (ms_project_get_completion (project), ==, notice_changes[i].completion);
    }
  /* The tie and the unmatched project are left as they were. */
  g_assert_null (ms_indicator_get_progress (ms_project_get_indicator (project_numbered (document, "municipal", 2), 0)));
  g_assert_null (ms_indicator_get_progress (ms_project_get_indicator (project_numbered (document, "municipal", 10),
                                                                      0)));
  g_assert_true (ms_editor_get_modified (ms_window_get_editor (window)));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)) + strlen ("• "), ==, title_before);
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Update From Notice");

  /* One undo gives the file back exactly. */
  activate (window, "undo");
  g_assert_false (ms_history_get_can_undo (history));
  undone = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (before, undone));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cancel in the review changes nothing and gives the preview back; a
 * notice of another year is shown as a conflict with nothing to apply; a
 * notice without a date gets the date row. */
static void
test_import_update_cancel (void)
{
  MsWindow *window = open_window ("import-update-cancel.json");
  MsDocument *document = ms_window_get_document (window);
  g_autoptr(GBytes) before = ms_document_serialize (document, NULL);
  g_autofree char *text = read_progress_notice ();
  g_autoptr(MsNoticeReport) report = NULL;
  g_autoptr(MsDocument) imported = NULL;
  MsMergeDialog *review;
  GtkWindow *dialog;

  dialog = present_notice (window, text, &imported, &report);
  gtk_editable_set_text (GTK_EDITABLE (dialog_part (dialog, "title_row")), "left as typed");
  gtk_widget_activate (dialog_part (dialog, "update_button"));
  ms_test_wait ((review = find_merge_dialog ()) != NULL);
  g_assert_cmpuint (ms_merge_dialog_get_n_change_rows (review), ==, G_N_ELEMENTS (notice_changes));
  gtk_widget_activate_action (GTK_WIDGET (review), "window.close", NULL);
  ms_test_wait (find_merge_dialog () == NULL);
  /* The preview comes back as it was left; the file is untouched. */
  ms_test_wait (find_import_dialog () == MS_IMPORT_DIALOG (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_part (dialog, "title_row"))), ==, "left as typed");
  {
    g_autoptr(GBytes) after = ms_document_serialize (document, NULL);

    g_assert_true (g_bytes_equal (before, after));
    g_assert_false (ms_history_get_can_undo (ms_window_get_history (window)));
    g_assert_false (ms_editor_get_modified (ms_window_get_editor (window)));
    g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  }
  gtk_window_destroy (dialog);
  g_clear_object (&imported);
  g_clear_pointer (&report, ms_notice_report_free);

  /* For 2023: the conflict says so, and there is nothing to apply. */
  {
    g_autofree char *other = progress_notice_with ("2024年", "2023年");
    AdwActionRow *row;

    dialog = present_notice (window, other, &imported, &report);
    gtk_widget_activate (dialog_part (dialog, "update_button"));
    ms_test_wait ((review = find_merge_dialog ()) != NULL);
    g_assert_cmpuint (ms_merge_dialog_get_n_change_rows (review), ==, 0);
    g_assert_cmpuint (count_list_rows (review, "conflicts_list"), ==, 1);
    g_assert_false (gtk_widget_get_visible (find_by_id (review, "changes_group")));
    g_assert_true (gtk_widget_get_visible (find_by_id (review, "conflicts_group")));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_by_id (review, "review_stack"))), ==,
                     "review");
    row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (find_by_id (review, "conflicts_list")), 0));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, _("notice for another year"));
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (find_by_id (review, "summary_label"))), ==,
                     _("Nothing to apply: the notice is not for the open file’s year"));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "2023"));
    g_assert_false (gtk_widget_is_sensitive (find_by_id (review, "apply_button")));
    save_screenshot (GTK_WIDGET (review), "notice-other-year");
    gtk_widget_activate_action (GTK_WIDGET (review), "merge.apply", NULL);
    gtk_widget_activate_action (GTK_WIDGET (review), "window.close", NULL);
    ms_test_wait (find_import_dialog () == MS_IMPORT_DIALOG (dialog));
    gtk_window_destroy (dialog);
    g_clear_object (&imported);
    g_clear_pointer (&report, ms_notice_report_free);
  }

  /* No year and no date: the review asks for the date of the figures. */
  {
    g_autofree char *undated = progress_notice_with ("2024年", "");
    GtkWidget *date_row;
    MsDate june = ms_date_from_ymd (2024, 6, 30);

    dialog = present_notice (window, undated, &imported, &report);
    g_assert_cmpint (report->year_source, ==, MS_NOTICE_YEAR_ASSUMED);
    g_assert_cmpuint (report->date, ==, MS_DATE_NONE);
    /* Unlike Open, the update takes the file's year without asking. */
    g_assert_false (gtk_widget_is_sensitive (dialog_part (dialog, "open_button")));
    g_assert_true (gtk_widget_is_sensitive (dialog_part (dialog, "update_button")));
    gtk_widget_activate (dialog_part (dialog, "update_button"));
    ms_test_wait ((review = find_merge_dialog ()) != NULL);
    g_assert_true (ms_merge_dialog_get_needs_date (review));
    date_row = find_by_id (review, "date_row");
    g_assert_true (gtk_widget_get_visible (find_by_id (review, "date_group")));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (date_row)), ==,
                     _("Date of the notice’s figures (YYYY-MM-DD)"));
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-06-30");
    g_assert_cmpuint (ms_merge_dialog_get_n_change_rows (review), ==, G_N_ELEMENTS (notice_changes));
    for (guint i = 0; i < G_N_ELEMENTS (notice_changes); i++)
      g_assert_cmpuint (ms_merge_dialog_get_row_change (review, i)->date, ==, june);
    g_assert_true (gtk_widget_is_sensitive (find_by_id (review, "apply_button")));
    save_screenshot (GTK_WIDGET (review), "notice-date");
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2024-06-31");
    g_assert_false (gtk_widget_is_sensitive (find_by_id (review, "apply_button")));
    gtk_widget_activate_action (GTK_WIDGET (review), "window.close", NULL);
    ms_test_wait (find_import_dialog () == MS_IMPORT_DIALOG (dialog));
    gtk_window_destroy (dialog);
  }

  {
    g_autoptr(GBytes) after = ms_document_serialize (document, NULL);

    g_assert_true (g_bytes_equal (before, after));
    g_assert_false (ms_history_get_can_undo (ms_window_get_history (window)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Nothing to update: no file open, or a new empty one. */
static void
test_import_update_needs_file (void)
{
  MsWindow *window = ms_window_new (NULL);
  g_autofree char *text = read_progress_notice ();
  GtkWindow *dialog;
  GtkWidget *update_button;

  gtk_window_present (GTK_WINDOW (window));
  ms_test_wait_drawn (window);
  g_assert_null (ms_window_get_document (window));

  {
    g_autoptr(MsNoticeReport) report = NULL;
    g_autoptr(MsDocument) imported = NULL;

    dialog = present_notice (window, text, &imported, &report);
    update_button = dialog_part (dialog, "update_button");
    g_assert_true (gtk_widget_get_visible (update_button));
    g_assert_false (gtk_widget_is_sensitive (update_button));
    g_assert_true (gtk_widget_is_sensitive (dialog_part (dialog, "open_button")));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (update_button), ==,
                     _("No file is open to update: open the yearly file of the notice’s year first"));
    gtk_widget_activate_action (GTK_WIDGET (dialog), "import.update", NULL);
    ms_test_wait_idle ();
    g_assert_null (find_merge_dialog ());
    g_assert_true (find_import_dialog () == MS_IMPORT_DIALOG (dialog));
    gtk_window_destroy (dialog);
  }

  {
    g_autoptr(MsDocument) empty = ms_edits_new_document ();
    g_autoptr(MsNoticeReport) report = NULL;
    g_autoptr(MsDocument) imported = NULL;

    ms_window_set_document (window, empty);
    dialog = present_notice (window, text, &imported, &report);
    update_button = dialog_part (dialog, "update_button");
    g_assert_false (gtk_widget_is_sensitive (update_button));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (update_button), ==,
                     _("The open file has no projects to find the notice’s in"));
    gtk_window_destroy (dialog);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int result;
  g_autofree char *state_dir = NULL;

  /* The window in the language the test runs in, as the app would be. */
  ms_paths_init_gettext ();

  if (argc == 3 && g_str_equal (argv[1], "--recovery-child"))
    return run_recovery_child (argv[2]);

  /* Saves are tested with faults injected: start again with the double. */
  ms_test_preload_faults (argv);

  /* Unsaved edits kept for recovery go to a folder of this run only. */
  state_dir = g_dir_make_tmp ("minsheng-window-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  g_test_init (&argc, &argv, NULL);
  /* Accessible names and states are read through GTK's test backend, which
   * needs no bus (the environment turns accessibility off). */
  g_setenv ("GTK_A11Y", "test", TRUE);

  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();
  {
    /* The application loads its style sheet; tests do it by hand. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/minsheng/Tracker/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  work_dir = g_dir_make_tmp ("minsheng-window-XXXXXX", NULL);

  g_test_add_func ("/window/sections", test_sections);
  g_test_add_func ("/window/departments-to-chase", test_departments_to_chase);
  g_test_add_func ("/window/edit-undo-redo", test_edit_undo_redo);
  g_test_add_func ("/window/issuer-rows", test_issuer_rows);
  g_test_add_func ("/window/names-and-headings", test_names_and_headings);
  g_test_add_func ("/window/structure", test_structure);
  g_test_add_func ("/window/search", test_search);
  g_test_add_func ("/window/search-return-and-escape", test_search_return_and_escape);
  g_test_add_func ("/window/focus-panes", test_focus_panes);
  g_test_add_func ("/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/window/reporting-date", test_reporting_date);
  g_test_add_func ("/window/open-example", test_open_example);
  g_test_add_func ("/window/needs-attention", test_needs_attention);
  g_test_add_func ("/window/close-with-unsaved-changes", test_close_with_unsaved_changes);
  g_test_add_func ("/window/close-with-save", test_close_with_save);
  g_test_add_func ("/window/new-during-save", test_new_during_save);
  g_test_add_func ("/window/file-text-is-literal", test_file_text_is_literal);
  g_test_add_func ("/window/file-text-uses-chinese-face", test_file_text_uses_chinese_face);
  g_test_add_func ("/window/open-bad-file", test_open_bad_file);
  g_test_add_func ("/window/minimum-size", test_minimum_size);
  g_test_add_func ("/window/fit-sizes", test_fit_sizes);
  g_test_add_func ("/window/every-template", test_every_template);
  g_test_add_func ("/window/labels-follow-language", test_labels_follow_language);
  g_test_add_func ("/window/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/window/deleted-on-disk", test_deleted_on_disk);
  g_test_add_func ("/window/save-changes-dialog", test_save_changes_dialog);
  g_test_add_func ("/window/failed-save", test_failed_save);
  g_test_add_func ("/window/loading", test_loading);
  g_test_add_func ("/window/figure-limits", test_figure_limits);
  g_test_add_func ("/window/long-chart-draws-what-is-shown", test_long_chart_draws_what_is_shown);
  g_test_add_func ("/window/project-opens-at-top", test_project_opens_at_top);
  g_test_add_func ("/window/keyboard-focus", test_keyboard_focus);
  g_test_add_func ("/window/chart-tables", test_chart_tables);
  g_test_add_func ("/window/choice-list", test_choice_list);
  g_test_add_func ("/window/chart-table-follows-edits", test_chart_table_follows_edits);
  g_test_add_func ("/window/charts-follow-high-contrast", test_charts_follow_high_contrast);
  g_test_add_func ("/window/first-frame-before-content", test_first_frame_before_content);
  g_test_add_func ("/window/recovery-after-kill", test_recovery_after_kill);
  g_test_add_func ("/window/recovery-discarded", test_recovery_discarded);
  g_test_add_func ("/window/recovery-later", test_recovery_later);
  g_test_add_func ("/window/save-faults", test_save_faults);
  g_test_add_func ("/window/print-dialog", test_print_dialog);
  g_test_add_func ("/window/export-dialog", test_export_dialog);
  g_test_add_func ("/window/returns-dialog", test_returns_dialog);
  g_test_add_func ("/window/print-operation", test_print_operation);
  g_test_add_func ("/window/ledger-sort-and-filter", test_ledger_sort_and_filter);
  g_test_add_func ("/window/ledger-selection-and-paste", test_ledger_selection_and_paste);
  g_test_add_func ("/window/merge-review", test_merge_review);
  g_test_add_func ("/window/merge-nothing-and-dates", test_merge_nothing_and_dates);
  g_test_add_func ("/window/import-preview", test_import_preview);
  g_test_add_func ("/window/import-asks-year", test_import_asks_year);
  g_test_add_func ("/window/import-preview-lines", test_import_preview_lines);
  g_test_add_func ("/window/import-preview-large", test_import_preview_large);
  g_test_add_func ("/window/import-update", test_import_update);
  g_test_add_func ("/window/import-update-cancel", test_import_update_cancel);
  g_test_add_func ("/window/import-update-needs-file", test_import_update_needs_file);

  result = g_test_run ();

  ms_test_remove_tree (work_dir);
  g_free (work_dir);
  /* Whatever windows left kept, in a folder made for this run. */
  ms_test_remove_tree (state_dir);

  return result;
}
