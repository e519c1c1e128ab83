/* ms-text-view.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-text-view"

#include "config.h"

#include "ms-text-view.h"

/* A text view that is as tall as its text, in a form rather than in a
 * scrolled window. GTK 4.8's text view lays its lines out after it was
 * sized, and does not ask for a new size when the wrapped text turns out
 * taller: a pledge of two lines showed one and a half. When what it drew
 * does not match its height, it asks once, on the next frame. */
struct _MsTextView
{
  GtkTextView parent_instance;

  guint       resize_tick;
};

G_DEFINE_FINAL_TYPE (MsTextView, ms_text_view, GTK_TYPE_TEXT_VIEW)

static gboolean
resize_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  MsTextView *self = MS_TEXT_VIEW (widget);

  self->resize_tick = 0;
  gtk_widget_queue_resize (widget);
  return G_SOURCE_REMOVE;
}

static void
ms_text_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  MsTextView *self = MS_TEXT_VIEW (widget);
  int wanted;

  GTK_WIDGET_CLASS (ms_text_view_parent_class)->snapshot (widget, snapshot);

  /* The measure is the layout's height as validated so far: cheap. */
  gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (widget), &wanted, NULL, NULL, NULL);
  if (wanted != gtk_widget_get_height (widget) && self->resize_tick == 0)
    self->resize_tick = gtk_widget_add_tick_callback (widget, resize_tick_cb, NULL, NULL);
}

static void
ms_text_view_dispose (GObject *object)
{
  MsTextView *self = MS_TEXT_VIEW (object);

  if (self->resize_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->resize_tick);
      self->resize_tick = 0;
    }

  G_OBJECT_CLASS (ms_text_view_parent_class)->dispose (object);
}

static void
ms_text_view_class_init (MsTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_text_view_dispose;
  widget_class->snapshot = ms_text_view_snapshot;
}

static void
ms_text_view_init (MsTextView *self)
{
}

GtkWidget *
ms_text_view_new (void)
{
  return g_object_new (MS_TYPE_TEXT_VIEW, NULL);
}
