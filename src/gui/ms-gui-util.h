/* ms-gui-util.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-document.h"

G_BEGIN_DECLS

void   ms_widget_mark_chinese       (GtkWidget  *widget);
char  *ms_group_dup_heading         (MsGroup    *group);
double ms_parse_figure              (const char *text,
                                     gboolean   *valid);
char  *ms_figure_to_text            (double      value);
void   ms_text_view_set_text_quietly (GtkTextView *view,
                                      const char  *text);
char  *ms_text_view_dup_text        (GtkTextView *view);
void   ms_widget_on_focus_leave     (GtkWidget  *widget,
                                     GCallback   callback,
                                     gpointer    instance);
void   ms_text_buffer_tag_inserted  (GtkTextBuffer *buffer,
                                     GtkTextIter   *end,
                                     const char    *text,
                                     int            length);
void   ms_widget_dispose_bin_template (GtkWidget *widget,
                                       GType      type);

G_END_DECLS
