/* ms-department.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-department"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-department-private.h"
#include "ms-l10n.h"

/* One responsible department and the projects that name it, as counted by
 * MsDepartments as of one date: each project's schedule state and deciding
 * indicator, the counts per state, and the mean gap to 序时进度. The
 * projects are not referenced: the document holds them, and MsDepartments
 * recounts whenever the document changes. */
struct _MsDepartment
{
  GObject           parent_instance;

  char             *name;
  /* MsDepartmentProject, in file order. */
  GArray           *entries;
  guint             by_status[MS_N_STATUSES];
  guint             by_schedule[MS_N_SCHEDULES];
  double            gap_sum;
  guint             n_gaps;
  MsScheduleContext context;
};

G_DEFINE_FINAL_TYPE (MsDepartment, ms_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_PROJECTS,
  PROP_N_COMPLETED,
  PROP_N_LAGGING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ms_department_finalize (GObject *object)
{
  MsDepartment *self = (MsDepartment *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->entries, g_array_unref);

  G_OBJECT_CLASS (ms_department_parent_class)->finalize (object);
}

static void
ms_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MsDepartment *self = MS_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, ms_department_get_name (self));
      break;

    case PROP_N_PROJECTS:
      g_value_set_uint (value, ms_department_get_n_projects (self));
      break;

    case PROP_N_COMPLETED:
      g_value_set_uint (value, ms_department_get_n_completed (self));
      break;

    case PROP_N_LAGGING:
      g_value_set_uint (value, ms_department_get_n_lagging (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_department_class_init (MsDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ms_department_finalize;
  object_class->get_property = ms_department_get_property;

  /* NULL for the projects that name no department. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROJECTS] =
    g_param_spec_uint ("n-projects", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_COMPLETED] =
    g_param_spec_uint ("n-completed", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LAGGING] =
    g_param_spec_uint ("n-lagging", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_department_init (MsDepartment *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (MsDepartmentProject));
}

MsDepartment *
_ms_department_new (const char *name)
{
  MsDepartment *self = g_object_new (MS_TYPE_DEPARTMENT, NULL);

  self->name = g_strdup (name);

  return self;
}

static gboolean
contexts_equal (const MsScheduleContext *a,
                const MsScheduleContext *b)
{
  return a->as_of == b->as_of && a->period_start == b->period_start && a->period_end == b->period_end &&
         ms_thresholds_equal (&a->thresholds, &b->thresholds);
}

static gboolean
entries_equal (GArray *a,
               GArray *b)
{
  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    {
      const MsDepartmentProject *x = &g_array_index (a, MsDepartmentProject, i);
      const MsDepartmentProject *y = &g_array_index (b, MsDepartmentProject, i);

      if (x->project != y->project || x->schedule != y->schedule || x->deciding != y->deciding ||
          x->has_rate != y->has_rate || x->has_expected != y->has_expected ||
          x->rate != y->rate || x->expected != y->expected)
        return FALSE;
    }

  return TRUE;
}

/* Takes @entries (in file order) as the department's own, with the sum and
 * number of its indicators' gaps, read with @context. Returns whether
 * anything a row shows differs from before. */
gboolean
_ms_department_update (MsDepartment            *self,
                       GArray                  *entries,
                       double                   gap_sum,
                       guint                    n_gaps,
                       const MsScheduleContext *context)
{
  guint by_status[MS_N_STATUSES] = { 0 };
  guint by_schedule[MS_N_SCHEDULES] = { 0 };
  guint old_lagging;
  gboolean same;

  g_return_val_if_fail (MS_IS_DEPARTMENT (self), FALSE);

  for (guint i = 0; i < entries->len; i++)
    {
      const MsDepartmentProject *entry = &g_array_index (entries, MsDepartmentProject, i);

      by_status[ms_project_get_status (entry->project)]++;
      by_schedule[entry->schedule]++;
    }

  /* The statuses are compared through the counts: a project's status may
   * have changed in place since the last count. */
  same = entries_equal (entries, self->entries) &&
         memcmp (by_status, self->by_status, sizeof by_status) == 0 &&
         gap_sum == self->gap_sum && n_gaps == self->n_gaps &&
         contexts_equal (context, &self->context);

  g_array_unref (self->entries);
  self->entries = g_array_ref (entries);
  if (same)
    return FALSE;

  old_lagging = ms_department_get_n_lagging (self);
  memcpy (self->by_status, by_status, sizeof by_status);
  memcpy (self->by_schedule, by_schedule, sizeof by_schedule);
  self->gap_sum = gap_sum;
  self->n_gaps = n_gaps;
  self->context = *context;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROJECTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COMPLETED]);
  if (old_lagging != ms_department_get_n_lagging (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LAGGING]);

  return TRUE;
}

/**
 * ms_department_get_name:
 *
 * Returns: (nullable): the department as the file names it, or %NULL for
 *   the projects that name none (shown as "No responsible department")
 */
const char *
ms_department_get_name (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);

  return self->name;
}

guint
ms_department_get_n_projects (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);

  return self->entries->len;
}

guint
ms_department_get_n_completed (MsDepartment *self)
{
  return ms_department_get_n_with_status (self, MS_STATUS_COMPLETED);
}

guint
ms_department_get_n_with_status (MsDepartment *self,
                                 MsStatus      status)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);
  g_return_val_if_fail (status < MS_N_STATUSES, 0);

  return self->by_status[status];
}

/**
 * ms_department_get_project:
 * @position: from 0, below ms_department_get_n_projects()
 *
 * Returns: (transfer none): the project, in file order
 */
MsProject *
ms_department_get_project (MsDepartment *self,
                           guint         position)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return g_array_index (self->entries, MsDepartmentProject, position).project;
}

/**
 * ms_department_get_entry:
 * @position: from 0, below ms_department_get_n_projects()
 *
 * Returns: (transfer none): the project at @position with its schedule
 *   state, deciding indicator, and that indicator's rate and 序时进度 as of
 *   ms_department_get_context(); valid until the next recount
 */
const MsDepartmentProject *
ms_department_get_entry (MsDepartment *self,
                         guint         position)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);
  g_return_val_if_fail (position < self->entries->len, NULL);

  return &g_array_index (self->entries, MsDepartmentProject, position);
}

/**
 * ms_department_get_context:
 *
 * Returns: (transfer none): the date and rules the figures were read with:
 *   pass it to ms_indicator_get_rate_at() and ms_indicator_get_expected_rate()
 *   for any indicator of the department's projects
 */
const MsScheduleContext *
ms_department_get_context (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);

  return &self->context;
}

guint
ms_department_get_n_with_schedule (MsDepartment *self,
                                   MsSchedule    schedule)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);
  g_return_val_if_fail (schedule < MS_N_SCHEDULES, 0);

  return self->by_schedule[schedule];
}

/**
 * ms_department_get_n_lagging:
 *
 * Returns: the projects that are behind, at risk or overdue: those someone
 *   can be chased for (not reported is a question of data, counted apart)
 */
guint
ms_department_get_n_lagging (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);

  return self->by_schedule[MS_SCHEDULE_OVERDUE] + self->by_schedule[MS_SCHEDULE_AT_RISK] +
         self->by_schedule[MS_SCHEDULE_BEHIND];
}

/* Returns: the indicators whose gap to 序时进度 is known (see ms_indicator_get_gap()) */
guint
ms_department_get_n_gaps (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);

  return self->n_gaps;
}

/**
 * ms_department_get_mean_gap:
 * @points: (out): the mean of ms_indicator_get_gap() over the indicators of
 *   the department's projects where it is known, in percentage points
 *
 * Returns: %FALSE when no indicator has a known gap
 */
gboolean
ms_department_get_mean_gap (MsDepartment *self,
                            double       *points)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), FALSE);
  g_return_val_if_fail (points != NULL, FALSE);

  if (self->n_gaps == 0)
    return FALSE;

  *points = self->gap_sum / self->n_gaps;
  return TRUE;
}

/**
 * ms_department_format_summary:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface language
 *
 * The department's figures in a few words, as the departments page and
 * chart show them: "5 projects · 2 behind schedule · gap 12 points" (or
 * "3 points ahead"). The
 * projects behind schedule are those of ms_department_get_n_lagging(); the
 * gap is ms_department_get_mean_gap() rounded to whole points. Parts with
 * nothing to say are left out.
 *
 * Returns: (transfer full): the summary
 */
char *
ms_department_format_summary (MsDepartment *self,
                              const char   *language)
{
  const char *lang = ms_l10n_normalize_language (language);
  guint n_projects;
  guint n_lagging;
  double gap;
  GString *out;

  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);

  n_projects = ms_department_get_n_projects (self);
  n_lagging = ms_department_get_n_lagging (self);
  out = g_string_new (NULL);

  /* translators: part of a department's summary, such as "5 projects · 2 behind schedule · gap 12 points" */
  g_string_append_printf (out, ms_l10n_ngettext (lang, "%u project", "%u projects", n_projects), n_projects);
  if (n_lagging > 0)
    {
      g_string_append (out, " · ");
      /* translators: part of a department's summary: its projects that are behind, at risk or overdue */
      g_string_append_printf (out, ms_l10n_ngettext (lang, "%u behind schedule", "%u behind schedule", n_lagging),
                              n_lagging);
    }
  if (ms_department_get_mean_gap (self, &gap))
    {
      int points = (int)lround (gap);

      g_string_append (out, " · ");
      if (points >= 0)
        /* translators: part of a department's summary: how far its indicators are, on average, below
         * 序时进度 (the expected rate), in percentage points */
        g_string_append_printf (out, ms_l10n_ngettext (lang, "gap %d point", "gap %d points", (gulong)points),
                                points);
      else
        /* translators: part of a department's summary: how far its indicators are, on average, ahead of
         * 序时进度 (the expected rate), in percentage points */
        g_string_append_printf (out, ms_l10n_ngettext (lang, "%d point ahead", "%d points ahead", (gulong)-points),
                                -points);
    }

  return g_string_free (out, FALSE);
}
