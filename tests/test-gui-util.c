/* test-gui-util.c: waiting for the window, shared by the GUI tests
 *
 * Copyright 2026 Minsheng Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests wait never for a time, always for what they need next.
 */

#include "config.h"

#include "test-gui-util.h"
#include "test-util.h"

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  (*(guint *)user_data)++;
  return G_SOURCE_CONTINUE;
}

/* Until @widget is shown and its frame clock has begun a second frame:
 * tick callbacks run before layout, so the first frame after now is laid
 * out and drawn. For screenshots and sizes. */
void
ms_test_wait_drawn (gpointer widget)
{
  guint ticks = 0;
  guint id;

  ms_test_wait (gtk_widget_get_mapped (widget));
  id = gtk_widget_add_tick_callback (widget, count_tick_cb, &ticks, NULL);
  ms_test_wait (ticks >= 2);
  gtk_widget_remove_tick_callback (widget, id);
}

static gboolean
mark_done_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Until what was queued before now (answers, idles, redraws) has run. */
void
ms_test_wait_idle (void)
{
  gboolean done = FALSE;

  g_idle_add_full (G_PRIORITY_LOW, mark_done_cb, &done, NULL);
  ms_test_wait (done);
}

/* A message dialog on screen, other than @not_this. */
AdwMessageDialog *
ms_test_find_message_dialog (AdwMessageDialog *not_this)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          ADW_MESSAGE_DIALOG (window) != not_this)
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* Every widget of @type under @root, @root too, in tree order. */
GPtrArray *
ms_test_find_widgets (gpointer root,
                      GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (root), type, found);
  return found;
}

/* A part of a window, found by its id in a template. */
GtkWidget *
ms_test_find_by_id (gpointer    root,
                    const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (root)), id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ms_test_find_by_id (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ms_test_part (gpointer    root,
              const char *id)
{
  GtkWidget *found = ms_test_find_by_id (root, id);

  if (found == NULL)
    g_error ("The window has no “%s”", id);
  return found;
}

/* A copy in @dir, named @name, of a bundled example: the one
 * MS_EXAMPLE_FILE names, or another beside it. */
GFile *
ms_test_copy_example (const char *dir,
                      const char *name,
                      const char *example)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *examples = g_path_get_dirname (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *source = example != NULL ? g_build_filename (examples, example, NULL)
                                            : g_strdup (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

/* A window on @file, of @width × @height at first, shown and drawn. */
MsWindow *
ms_test_open_window (GFile *file,
                     int    width,
                     int    height)
{
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  MsWindow *window = ms_window_new (NULL);

  document = ms_document_load (file, NULL, &error);
  g_assert_no_error (error);
  ms_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  ms_test_wait_drawn (window);
  return window;
}
