/* ms-gui-util.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-schedule.h"

#include "ms-document.h"

G_BEGIN_DECLS

PangoAttrList *ms_chinese_attributes_new (void);
void   ms_widget_mark_chinese       (GtkWidget  *widget);
void   ms_widget_drop_label_relations (GtkWidget *root);
char  *ms_group_dup_heading         (MsGroup    *group);
double ms_parse_figure              (const char *text,
                                     gboolean   *valid);
char  *ms_figure_to_text            (double      value);
void   ms_choice_prepare            (GtkWidget  *choice,
                                     const char *name);
char  *ms_label_strip_mnemonic      (const char *label);
void   ms_widget_name_inner_list    (GtkWidget  *widget,
                                     const char *name);
void   ms_widget_name_mnemonic_buttons (GtkWidget *root);
void   ms_message_dialog_prepare    (AdwMessageDialog *dialog);
void   ms_widget_dispose_bin_template (GtkWidget *widget,
                                       GType      type);

const char *ms_schedule_get_style_class (MsSchedule schedule);
void   ms_widget_set_schedule_class (GtkWidget  *widget,
                                     MsSchedule  schedule);

G_END_DECLS
