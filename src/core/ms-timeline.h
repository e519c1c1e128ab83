/* ms-timeline.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ms-date.h"

G_BEGIN_DECLS

/* One dated figure: a reported actual (progress) or a planned target (plan). */
typedef struct
{
  MsDate      date;
  double      value;
  /* Never NULL; "" when there is none. */
  const char *note;
} MsTimelineEntry;

/* Dated figures sorted by date, one per date. A timeline is not changed once
 * it is shared: edits make a new one, so that the history can keep both. */
typedef struct _MsTimeline MsTimeline;

#define MS_TYPE_TIMELINE (ms_timeline_get_type ())

GType                  ms_timeline_get_type       (void) G_GNUC_CONST;
MsTimeline            *ms_timeline_new            (void);
MsTimeline            *ms_timeline_ref            (MsTimeline       *self);
void                   ms_timeline_unref          (MsTimeline       *self);
guint                  ms_timeline_get_n_entries  (const MsTimeline *self);
const MsTimelineEntry *ms_timeline_get_entry      (const MsTimeline *self,
                                                   guint             position);
const MsTimelineEntry *ms_timeline_get_last       (const MsTimeline *self);
gboolean               ms_timeline_find           (const MsTimeline *self,
                                                   MsDate            date,
                                                   guint            *position);
const MsTimelineEntry *ms_timeline_get_at         (const MsTimeline *self,
                                                   MsDate            date);
gboolean               ms_timeline_equal          (const MsTimeline *a,
                                                   const MsTimeline *b);
void                   ms_timeline_append         (MsTimeline       *self,
                                                   MsDate            date,
                                                   double            value,
                                                   const char       *note);
MsTimeline            *ms_timeline_with_entry     (const MsTimeline *self,
                                                   MsDate            date,
                                                   double            value,
                                                   const char       *note);
MsTimeline            *ms_timeline_without_entry  (const MsTimeline *self,
                                                   guint             position);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsTimeline, ms_timeline_unref)

G_END_DECLS
