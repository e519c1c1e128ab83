/* ms-timeline.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-timeline"

#include "config.h"

#include "ms-timeline.h"

struct _MsTimeline
{
  /* Of MsTimelineEntry, each note owned. */
  GArray *entries;
};

G_DEFINE_BOXED_TYPE (MsTimeline, ms_timeline, ms_timeline_ref, ms_timeline_unref)

static void
clear_entry (gpointer data)
{
  MsTimelineEntry *entry = data;

  g_free ((char *)entry->note);
}

static void
free_timeline (gpointer data)
{
  MsTimeline *self = data;

  g_array_unref (self->entries);
}

MsTimeline *
ms_timeline_new (void)
{
  MsTimeline *self = g_atomic_rc_box_new0 (MsTimeline);

  self->entries = g_array_new (FALSE, FALSE, sizeof (MsTimelineEntry));
  g_array_set_clear_func (self->entries, clear_entry);
  return self;
}

MsTimeline *
ms_timeline_ref (MsTimeline *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
ms_timeline_unref (MsTimeline *self)
{
  g_atomic_rc_box_release_full (self, free_timeline);
}

/* A %NULL timeline is an empty one. */
guint
ms_timeline_get_n_entries (const MsTimeline *self)
{
  return self != NULL ? self->entries->len : 0;
}

const MsTimelineEntry *
ms_timeline_get_entry (const MsTimeline *self,
                       guint             position)
{
  g_return_val_if_fail (position < ms_timeline_get_n_entries (self), NULL);

  return &g_array_index (self->entries, MsTimelineEntry, position);
}

/* Returns: (nullable): the latest entry */
const MsTimelineEntry *
ms_timeline_get_last (const MsTimeline *self)
{
  guint n_entries = ms_timeline_get_n_entries (self);

  return n_entries > 0 ? ms_timeline_get_entry (self, n_entries - 1) : NULL;
}

/**
 * ms_timeline_find:
 * @position: (out): where the entry for @date is, or would be inserted
 *
 * Returns: whether there is an entry for @date
 */
gboolean
ms_timeline_find (const MsTimeline *self,
                  MsDate            date,
                  guint            *position)
{
  guint low = 0;
  guint high = ms_timeline_get_n_entries (self);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (ms_timeline_get_entry (self, middle)->date < date)
        low = middle + 1;
      else
        high = middle;
    }

  *position = low;
  return low < ms_timeline_get_n_entries (self) && ms_timeline_get_entry (self, low)->date == date;
}

/* Returns: (nullable): the latest entry on or before @date */
const MsTimelineEntry *
ms_timeline_get_at (const MsTimeline *self,
                    MsDate            date)
{
  guint position;

  if (ms_timeline_find (self, date, &position))
    return ms_timeline_get_entry (self, position);
  return position > 0 ? ms_timeline_get_entry (self, position - 1) : NULL;
}

gboolean
ms_timeline_equal (const MsTimeline *a,
                   const MsTimeline *b)
{
  guint n_entries = ms_timeline_get_n_entries (a);

  if (n_entries != ms_timeline_get_n_entries (b))
    return FALSE;

  for (guint i = 0; i < n_entries; i++)
    {
      const MsTimelineEntry *x = ms_timeline_get_entry (a, i);
      const MsTimelineEntry *y = ms_timeline_get_entry (b, i);

      if (x->date != y->date || x->value != y->value || g_strcmp0 (x->note, y->note) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * ms_timeline_append:
 *
 * Adds an entry at the end of a timeline that is being built and not yet
 * shared. The reader checks the order first.
 */
void
ms_timeline_append (MsTimeline *self,
                    MsDate      date,
                    double      value,
                    const char *note)
{
  MsTimelineEntry entry = { date, value, g_strdup (note != NULL ? note : "") };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->entries, entry);
}

static MsTimeline *
copy_range (const MsTimeline *self,
            guint             skip)
{
  MsTimeline *copy = ms_timeline_new ();

  for (guint i = 0; i < ms_timeline_get_n_entries (self); i++)
    {
      const MsTimelineEntry *entry = ms_timeline_get_entry (self, i);

      if (i != skip)
        ms_timeline_append (copy, entry->date, entry->value, entry->note);
    }
  return copy;
}

/**
 * ms_timeline_with_entry:
 * @self: (nullable): a timeline
 * @note: (nullable): the entry's note
 *
 * Returns: (transfer full): a new timeline with the entry for @date set
 */
MsTimeline *
ms_timeline_with_entry (const MsTimeline *self,
                        MsDate            date,
                        double            value,
                        const char       *note)
{
  MsTimeline *copy;
  MsTimelineEntry entry = { date, value, g_strdup (note != NULL ? note : "") };
  guint position;

  g_return_val_if_fail (date != MS_DATE_NONE, NULL);

  if (ms_timeline_find (self, date, &position))
    {
      copy = copy_range (self, position);
      g_array_insert_val (copy->entries, position, entry);
    }
  else
    {
      copy = copy_range (self, G_MAXUINT);
      g_array_insert_val (copy->entries, position, entry);
    }
  return copy;
}

/* Returns: (transfer full): a new timeline without the entry at @position */
MsTimeline *
ms_timeline_without_entry (const MsTimeline *self,
                           guint             position)
{
  g_return_val_if_fail (position < ms_timeline_get_n_entries (self), NULL);

  return copy_range (self, position);
}
