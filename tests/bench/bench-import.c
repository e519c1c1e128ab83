/* bench-import.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how the notice import preview performs with generated notices of
 * 200 and 2 000 projects (ms_notice_export() of a generated document): the
 * import itself, the dialog from being asked for to its first painted frame,
 * a jump to the end of the tree to the frame that shows it, and how many row
 * widgets the tree made. Median of a few runs, in one process, under Xvfb
 * (meson runs it through xvfb-run). Figures, not verdicts.
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "ms-import-dialog.h"
#include "ms-import-row.h"
#include "ms-paths.h"
#include "test-util.h"

#define N_RUNS 5

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

/* Iterates until @widget's surface has painted a frame begun after now. */
static void
wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gulong handler;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (widget);
  painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_children (GtkWidget *widget,
                GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_children (child, type);
  return n;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

static void
run_case (MsWindow *window,
          guint     n_projects)
{
  g_autofree char *notice = ms_test_generate_notice (n_projects);
  double import_ms[N_RUNS], open_ms[N_RUNS], end_ms[N_RUNS];
  guint rows_at_start = 0, rows_at_end = 0, tree_rows = 0;

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(MsNoticeReport) report = NULL;
      g_autoptr(MsDocument) document = NULL;
      GtkWidget *dialog;
      GtkWidget *tree_view;
      GtkAdjustment *adjustment;
      gint64 start;

      start = g_get_monotonic_time ();
      document = ms_notice_import (notice, strlen (notice), &report, NULL);
      import_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_nonnull (document);

      start = g_get_monotonic_time ();
      dialog = GTK_WIDGET (ms_import_dialog_present (window, "bench.txt", document, report));
      wait_painted (dialog);
      open_ms[run] = (g_get_monotonic_time () - start) / 1000.0;

      tree_view = find_child (dialog, GTK_TYPE_LIST_VIEW);
      tree_rows = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (tree_view))));
      rows_at_start = count_children (tree_view, MS_TYPE_IMPORT_ROW);

      adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tree_view));
      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      wait_painted (dialog);
      end_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      rows_at_end = count_children (tree_view, MS_TYPE_IMPORT_ROW);

      gtk_window_destroy (GTK_WINDOW (dialog));
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }

  printf ("%6u projects, %7zu bytes: import %7.1f ms | dialog to first frame %6.1f ms | "
          "to the end %6.1f ms | tree rows %5u, row widgets %3u then %3u\n",
          n_projects, strlen (notice), median (import_ms, N_RUNS), median (open_ms, N_RUNS),
          median (end_ms, N_RUNS), tree_rows, rows_at_start, rows_at_end);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsDocument) document = NULL;
  MsWindow *window;

  g_set_prgname ("bench-import");
  ms_paths_init_gettext ();
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run under xvfb-run\n");
      return 77;
    }
  adw_init ();

  document = ms_test_generate_document (10);
  window = ms_window_new (NULL);
  ms_window_set_document (window, document);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 820);
  gtk_window_present (GTK_WINDOW (window));
  wait_painted (GTK_WIDGET (window));

  printf ("Import preview, median of %d runs (cairo renderer)\n", N_RUNS);
  run_case (window, 200);
  run_case (window, 2000);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
