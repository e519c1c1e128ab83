/* paint-probe.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Preloaded into another GTK 4 application (GNOME Text Editor) by
 * bench-window, to time it the way the benchmark times our window: from
 * MS_PROBE_START (monotonic µs, taken before exec) to its first painted
 * frame, and until a text view holds the whole file (MS_PROBE_CHARS
 * characters): the file is open. Its syntax highlighting, which goes on for
 * seconds on large files, is not waited for. Prints "first-frame MS" and
 * "loaded MS", then exits. */

#define _GNU_SOURCE

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <gtk/gtk.h>

#define GIVE_UP_US (120 * G_USEC_PER_SEC)

static gint64     start_time;
static gint64     first_paint;
static gint64     loaded;
static int        expected_chars;
static GtkWidget *watched;

static gboolean
holds_text (GtkWidget *widget)
{
  /* Less one: an editor may keep a file's last newline implicit. */
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget))) >= expected_chars - 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (holds_text (child))
      return TRUE;
  return FALSE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  if (first_paint == 0)
    first_paint = g_get_monotonic_time ();
}

static gboolean
check_settled_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (now - start_time > GIVE_UP_US)
    _exit (1);
  if (loaded == 0 && holds_text (watched))
    loaded = now;
  if (first_paint == 0 || loaded == 0)
    return G_SOURCE_CONTINUE;

  printf ("first-frame %.2f\n", (first_paint - start_time) / 1000.0);
  printf ("loaded %.2f\n", (loaded - start_time) / 1000.0);
  fflush (stdout);
  /* Leave at once: no session or settings written by the probed program. */
  _exit (0);
}

static void
watch (GtkWindow *window)
{
  GdkFrameClock *clock;

  if (watched != NULL)
    return;

  start_time = g_ascii_strtoll (g_getenv ("MS_PROBE_START") ? g_getenv ("MS_PROBE_START") : "0", NULL, 10);
  expected_chars = MAX (1, atoi (g_getenv ("MS_PROBE_CHARS") ? g_getenv ("MS_PROBE_CHARS") : "1"));
  watched = GTK_WIDGET (window);
  clock = gtk_widget_get_frame_clock (watched);
  if (clock == NULL)
    _exit (2);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  g_timeout_add (5, check_settled_cb, NULL);
}

/* Interposed: the first window presented is the one watched. */
void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *) = NULL;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  real_present (window);
  watch (window);
}

void
gtk_window_present_with_time (GtkWindow *window,
                              guint32    timestamp)
{
  static void (*real_present) (GtkWindow *, guint32) = NULL;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *, guint32)) dlsym (RTLD_NEXT, "gtk_window_present_with_time");
  real_present (window, timestamp);
  watch (window);
}
