/* ms-history.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"

G_BEGIN_DECLS

#define MS_TYPE_HISTORY (ms_history_get_type ())

G_DECLARE_FINAL_TYPE (MsHistory, ms_history, MS, HISTORY, GObject)

/* Edits of the same field closer together than this are one step of typing. */
#define MS_HISTORY_MERGE_TIMEOUT (1500 * G_TIME_SPAN_MILLISECOND)

/**
 * MsHistoryClock:
 * @user_data: the data given with the clock
 *
 * Returns: the present time in microseconds, on a clock that never goes back
 */
typedef gint64 (*MsHistoryClock) (gpointer user_data);

MsHistory  *ms_history_new            (MsDocument          *document);
MsDocument *ms_history_get_document   (MsHistory           *self);
void        ms_history_set_clock      (MsHistory           *self,
                                       MsHistoryClock       clock,
                                       gpointer             user_data);

/* Property edits */
void        ms_history_set_value      (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       const GValue        *value);
void        ms_history_set_string     (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       const char          *value);
void        ms_history_set_strv       (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       const char * const  *value);
void        ms_history_set_uint       (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       guint                value);
void        ms_history_set_int        (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       int                  value);
void        ms_history_set_enum       (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       int                  value);
void        ms_history_set_double     (MsHistory           *self,
                                       const char          *label,
                                       GObject             *object,
                                       const char          *property,
                                       double               value);
void        ms_history_set_actual     (MsHistory           *self,
                                       const char          *label,
                                       MsIndicator         *indicator,
                                       gboolean             has_actual,
                                       double               actual);

/* Structure edits */
void        ms_history_set_progress   (MsHistory           *self,
                                       const char          *label,
                                       MsIndicator         *indicator,
                                       MsTimeline          *progress);
void        ms_history_insert         (MsHistory           *self,
                                       const char          *label,
                                       MsNode              *parent,
                                       guint                position,
                                       MsNode              *child);
void        ms_history_remove         (MsHistory           *self,
                                       const char          *label,
                                       MsNode              *parent,
                                       guint                position);
void        ms_history_move           (MsHistory           *self,
                                       const char          *label,
                                       MsNode              *parent,
                                       guint                from,
                                       guint                to);

/* Steps */
void        ms_history_begin          (MsHistory           *self,
                                       const char          *label);
void        ms_history_end            (MsHistory           *self);
void        ms_history_break_merge    (MsHistory           *self);
gboolean    ms_history_get_can_undo   (MsHistory           *self);
gboolean    ms_history_get_can_redo   (MsHistory           *self);
const char *ms_history_get_undo_label (MsHistory           *self);
const char *ms_history_get_redo_label (MsHistory           *self);
gboolean    ms_history_undo           (MsHistory           *self);
gboolean    ms_history_redo           (MsHistory           *self);
guint64     ms_history_get_serial     (MsHistory           *self);
void        ms_history_clear          (MsHistory           *self);

G_END_DECLS
