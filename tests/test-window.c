/* test-window.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ms-window.h"

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 const char *css_class,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (css_class == NULL || gtk_widget_has_css_class (widget, css_class)) &&
      gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, css_class, found);
}

static GPtrArray *
find_widgets (gpointer    root,
              GType       type,
              const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (root), type, css_class, found);
  return found;
}

static void
spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static guint
count_project_rows (MsWindow *window)
{
  g_autoptr(GPtrArray) lists = find_widgets (window, GTK_TYPE_LIST_BOX, "boxed-list");
  guint n = 0;

  for (guint i = 0; i < lists->len; i++)
    n += count_rows (g_ptr_array_index (lists, i));
  return n;
}

static gboolean
has_label (gpointer    root,
           const char *text)
{
  g_autoptr(GPtrArray) labels = find_widgets (root, GTK_TYPE_LABEL, NULL);

  for (guint i = 0; i < labels->len; i++)
    {
      if (g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), text) == 0)
        return TRUE;
    }
  return FALSE;
}

static MsDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("MS_EXAMPLE_FILE"));
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
test_window_shows_document (void)
{
  g_autoptr(MsDocument) document = load_example ();
  MsWindow *window = ms_window_new (NULL);
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) sidebars = NULL;
  g_autoptr(GPtrArray) lists = NULL;
  GtkListBox *sidebar;
  AdwWindowTitle *title;
  MsProject *project;

  ms_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  spin (200);

  titles = find_widgets (window, ADW_TYPE_WINDOW_TITLE, NULL);
  g_assert_cmpuint (titles->len, ==, 1);
  title = g_ptr_array_index (titles, 0);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "漯河市2024年民生实事完成情况");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "漯河市 · 2024");

  sidebars = find_widgets (window, GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_cmpuint (sidebars->len, ==, 1);
  sidebar = g_ptr_array_index (sidebars, 0);
  g_assert_cmpuint (count_rows (sidebar), ==, 2);
  g_assert_true (has_label (sidebar, "省重点民生实事"));
  g_assert_true (has_label (sidebar, "12"));

  /* The first category is selected: 10 groups, 12 projects. */
  lists = find_widgets (window, GTK_TYPE_LIST_BOX, "boxed-list");
  g_assert_cmpuint (lists->len, ==, 10);
  g_assert_cmpuint (count_project_rows (window), ==, 12);
  g_assert_true (has_label (window, "（一）开展职业技能培训和评价取证"));

  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, 1));
  spin (100);
  g_assert_cmpuint (count_project_rows (window), ==, 20);
  g_assert_true (has_label (window, "（十）建设平安和谐漯河"));
  g_assert_true (has_label (window, "No responsible department"));

  /* Rows follow the model: an edit shows at once. */
  project = ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 1), 0), 0);
  ms_project_set_target (project, "全年实现城镇新增就业3.5万人以上。");
  spin (50);
  g_assert_true (has_label (window, "全年实现城镇新增就业3.5万人以上。"));
  g_assert_true (ms_document_get_modified (document));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_file_text_is_literal (void)
{
  g_autoptr(MsDocument) document = load_example ();
  MsWindow *window = ms_window_new (NULL);
  MsCategory *category = ms_document_get_category (document, 0);
  const char *markup = "<b>加粗</b> & <span foreground='red'>红</span>";
  g_autoptr(GPtrArray) labels = NULL;
  gboolean found = FALSE;

  ms_category_set_title (category, markup);
  ms_project_set_target (ms_group_get_project (ms_category_get_group (category, 0), 0), markup);
  ms_window_set_document (window, document);
  gtk_window_present (GTK_WINDOW (window));
  spin (100);

  labels = find_widgets (window, GTK_TYPE_LABEL, NULL);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_label (label), markup) == 0)
        {
          found = TRUE;
          g_assert_false (gtk_label_get_use_markup (label));
          /* Shown as written, tags and all. */
          g_assert_nonnull (strstr (gtk_label_get_text (label), "<b>"));
        }
    }
  g_assert_true (found);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_error_is_escaped (void)
{
  MsWindow *window = ms_window_new (NULL);
  g_autoptr(GPtrArray) pages = NULL;
  AdwStatusPage *page;

  ms_window_show_error (window, "Could Not Open", "a.json:1:2: <b>bad</b> & worse");
  gtk_window_present (GTK_WINDOW (window));
  spin (50);

  pages = find_widgets (window, ADW_TYPE_STATUS_PAGE, NULL);
  g_assert_cmpuint (pages->len, ==, 1);
  page = g_ptr_array_index (pages, 0);
  g_assert_cmpstr (adw_status_page_get_description (page), ==,
                   "a.json:1:2: &lt;b&gt;bad&lt;/b&gt; &amp; worse");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_bad_file_shows_error (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "invalid",
                                                 "unknown-status.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) pages = NULL;
  MsWindow *window = ms_window_new (NULL);
  AdwStatusPage *page = NULL;
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  ms_window_open_file (window, file);

  while (g_get_monotonic_time () < deadline)
    {
      spin (20);
      g_clear_pointer (&pages, g_ptr_array_unref);
      pages = find_widgets (window, ADW_TYPE_STATUS_PAGE, NULL);
      page = pages->len ? g_ptr_array_index (pages, 0) : NULL;
      if (page && adw_status_page_get_description (page) != NULL)
        break;
    }

  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "unknown-status.json:21:25:"));
  g_assert_null (ms_window_get_document (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_open_good_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("MS_EXAMPLE_FILE"));
  MsWindow *window = ms_window_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  ms_window_open_file (window, file);
  while (ms_window_get_document (window) == NULL && g_get_monotonic_time () < deadline)
    spin (20);

  g_assert_nonnull (ms_window_get_document (window));
  g_assert_false (ms_document_get_modified (ms_window_get_document (window)));
  spin (50);
  g_assert_cmpuint (count_project_rows (window), ==, 12);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_test_message ("no display");
      g_test_skip ("no display: run under xvfb-run");
      return g_test_run ();
    }
  adw_init ();

  g_test_add_func ("/window/shows-document", test_window_shows_document);
  g_test_add_func ("/window/file-text-is-literal", test_file_text_is_literal);
  g_test_add_func ("/window/error-is-escaped", test_error_is_escaped);
  g_test_add_func ("/window/open-bad-file-shows-error", test_open_bad_file_shows_error);
  g_test_add_func ("/window/open-good-file", test_open_good_file);

  return g_test_run ();
}
