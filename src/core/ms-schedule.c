/* ms-schedule.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-l10n.h"
#include "ms-schedule.h"

/* One definition of every figure: the window, the CLI, the charts and the
 * report read projects through these functions only. FORMAT.md ("Figures")
 * says the same in words. */

/* Keys as written in files and JSON output: never translated. */
static const char * const schedule_keys[MS_N_SCHEDULES] = {
  "overdue", "at-risk", "behind", "not-reported", "on-track", "done",
};

static const char * const schedule_labels[MS_N_SCHEDULES] = {
  /* translators: where a project stands against its schedule (序时进度) */
  N_("Overdue"), N_("At risk"), N_("Behind"), N_("Not reported"), N_("On track"), N_("Done"),
};

/* One distinct shape per state, so that the state never rests on colour alone. */
static const char * const schedule_icons[MS_N_SCHEDULES] = {
  "appointment-missed-symbolic",
  "dialog-warning-symbolic",
  "appointment-soon-symbolic",
  "dialog-question-symbolic",
  "media-playback-start-symbolic",
  "object-select-symbolic",
};

/* Figures that sit exactly on a threshold on paper stay on its good side
 * even when floating point lands a hair beyond it. */
#define POINTS_EPSILON 1e-9

/* The share of the way from @start to @deadline on @date, in [0, 1]; 1 from
 * the deadline on, even when it is not after @start. */
static double
get_linear_share (MsDate start,
                  MsDate deadline,
                  MsDate date)
{
  if (date >= deadline)
    return 1;
  if (date <= start)
    return 0;
  return (double)(date - start) / (double)(deadline - start);
}

static gboolean
get_figure_at (MsIndicator *indicator,
               MsDate       date,
               double      *figure)
{
  MsTimeline *progress = ms_indicator_get_progress (indicator);

  if (ms_timeline_get_n_entries (progress) > 0)
    {
      const MsTimelineEntry *entry = ms_timeline_get_at (progress, date);

      if (entry == NULL)
        return FALSE;
      *figure = entry->value;
      return TRUE;
    }

  if (!ms_indicator_get_has_actual (indicator))
    return FALSE;
  *figure = ms_indicator_get_actual (indicator);
  return TRUE;
}

static gboolean
get_rate_of_figure (MsIndicator *indicator,
                    double       figure,
                    double      *rate)
{
  double target = ms_indicator_get_target (indicator);
  double numerator = figure;
  double denominator = target;

  if (ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST)
    {
      numerator = target;
      denominator = figure;
    }

  if (denominator <= 0)
    return FALSE;

  *rate = numerator / denominator;
  return TRUE;
}

/* Projects with no indicators: their status and dates are all there is. */
static MsSchedule
get_schedule_from_status (MsProject               *project,
                          const MsScheduleContext *context,
                          MsDate                   deadline)
{
  MsStatus status = ms_project_get_status (project);
  double share;

  if (status == MS_STATUS_COMPLETED)
    return MS_SCHEDULE_DONE;
  if (context->as_of > deadline)
    return MS_SCHEDULE_OVERDUE;
  if (status == MS_STATUS_DELAYED)
    return MS_SCHEDULE_BEHIND;

  share = get_linear_share (context->period_start, deadline, context->as_of);
  if (status == MS_STATUS_NOT_STARTED && share * 100 > context->thresholds.behind_points + POINTS_EPSILON)
    return MS_SCHEDULE_BEHIND;
  return MS_SCHEDULE_ON_TRACK;
}

/* The project's state; each indicator's state is added to @counts when given. */
static MsSchedule
get_project_schedule (MsProject               *project,
                      const MsScheduleContext *context,
                      MsIndicator            **deciding,
                      MsScheduleCounts        *counts)
{
  guint n_indicators = ms_project_get_n_indicators (project);
  MsDate deadline = ms_schedule_context_get_deadline (context, project);
  MsIndicator *most_urgent = NULL;
  MsSchedule schedule = MS_SCHEDULE_DONE;
  double lowest_rate = G_MAXDOUBLE;

  if (n_indicators == 0)
    schedule = get_schedule_from_status (project, context, deadline);

  for (guint i = 0; i < n_indicators; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      MsSchedule indicator_schedule = ms_indicator_get_schedule (indicator, context, deadline);
      double rate;

      /* An unknown rate is the lowest of all. */
      if (!ms_indicator_get_rate_at (indicator, context->as_of, &rate))
        rate = -G_MAXDOUBLE;

      if (most_urgent == NULL || indicator_schedule < schedule ||
          (indicator_schedule == schedule && rate < lowest_rate))
        {
          most_urgent = indicator;
          schedule = indicator_schedule;
          lowest_rate = rate;
        }

      if (counts != NULL)
        {
          counts->n_indicators++;
          counts->n_indicators_by_schedule[indicator_schedule]++;
        }
    }

  /* A hand-set "delayed" is someone's judgement: figures cannot overrule it. */
  if (n_indicators > 0 && ms_project_get_status (project) == MS_STATUS_DELAYED &&
      schedule > MS_SCHEDULE_BEHIND)
    {
      schedule = MS_SCHEDULE_BEHIND;
      most_urgent = NULL;
    }

  if (deciding != NULL)
    *deciding = most_urgent;
  return schedule;
}

const char *
ms_schedule_to_string (MsSchedule schedule)
{
  g_return_val_if_fail (schedule < MS_N_SCHEDULES, NULL);

  return schedule_keys[schedule];
}

gboolean
ms_schedule_from_string (const char *text,
                         MsSchedule *schedule)
{
  g_return_val_if_fail (schedule != NULL, FALSE);

  for (guint i = 0; text != NULL && i < MS_N_SCHEDULES; i++)
    {
      if (g_str_equal (text, schedule_keys[i]))
        {
          *schedule = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ms_schedule_get_label (MsSchedule schedule)
{
  g_return_val_if_fail (schedule < MS_N_SCHEDULES, NULL);

  return _(schedule_labels[schedule]);
}

/* Returns: the label's msgid, for text in another language than the interface's */
const char *
ms_schedule_get_label_untranslated (MsSchedule schedule)
{
  g_return_val_if_fail (schedule < MS_N_SCHEDULES, NULL);

  return schedule_labels[schedule];
}

/**
 * ms_schedule_get_label_in_language:
 * @language: "zh_CN" or "en": a printed report may be in another language
 *   than the interface
 *
 * Returns: (transfer none): the word for @schedule in @language
 */
const char *
ms_schedule_get_label_in_language (MsSchedule  schedule,
                                   const char *language)
{
  g_return_val_if_fail (schedule < MS_N_SCHEDULES, NULL);

  return ms_l10n_translate (language, schedule_labels[schedule]);
}

const char *
ms_schedule_get_icon_name (MsSchedule schedule)
{
  g_return_val_if_fail (schedule < MS_N_SCHEDULES, NULL);

  return schedule_icons[schedule];
}

/* Returns: whether @schedule needs someone's attention */
gboolean
ms_schedule_is_lagging (MsSchedule schedule)
{
  return schedule <= MS_SCHEDULE_NOT_REPORTED;
}

/**
 * ms_schedule_context_init:
 * @as_of: the date to read the figures on, or %MS_DATE_NONE for the
 *   document's own date, or else the end of its period (a year-end report)
 */
void
ms_schedule_context_init (MsScheduleContext *context,
                          MsDocument        *document,
                          MsDate             as_of)
{
  g_return_if_fail (context != NULL);
  g_return_if_fail (MS_IS_DOCUMENT (document));

  ms_document_get_period (document, &context->period_start, &context->period_end);
  context->thresholds = *ms_document_get_thresholds (document);
  if (as_of == MS_DATE_NONE)
    as_of = ms_document_get_as_of (document);
  if (as_of == MS_DATE_NONE)
    as_of = context->period_end;
  context->as_of = as_of;
}

/* Returns: the project's deadline, or the end of the period when it has none */
MsDate
ms_schedule_context_get_deadline (const MsScheduleContext *context,
                                  MsProject               *project)
{
  MsDate deadline = ms_project_get_deadline (project);

  return deadline != MS_DATE_NONE ? deadline : context->period_end;
}

/**
 * ms_indicator_get_figure_at:
 * @figure: (out) (optional): the figure on @date, in the indicator's unit
 *
 * The latest progress entry on or before @date, or the actual when the
 * indicator has no progress entries.
 *
 * Returns: %FALSE when there is no figure on @date
 */
gboolean
ms_indicator_get_figure_at (MsIndicator *indicator,
                            MsDate       date,
                            double      *figure)
{
  double value = 0;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), FALSE);

  if (!get_figure_at (indicator, date, &value))
    return FALSE;
  if (figure != NULL)
    *figure = value;
  return TRUE;
}

/**
 * ms_indicator_get_rate_at:
 * @rate: (out) (optional): the completion rate on @date, 1.0 meaning the
 *   target is met exactly
 *
 * The figure on @date is the latest progress entry on or before it, or the
 * actual when the indicator has no progress entries. The rate is figure ÷
 * target, or target ÷ figure for an upper bound, so that more is better.
 *
 * Returns: %FALSE when the rate is unknown (no figure, or a zero divisor)
 */
gboolean
ms_indicator_get_rate_at (MsIndicator *indicator,
                          MsDate       date,
                          double      *rate)
{
  double figure;
  double value = 0;
  gboolean known;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), FALSE);

  known = get_figure_at (indicator, date, &figure) &&
          get_rate_of_figure (indicator, figure, &value);
  if (rate != NULL)
    *rate = value;
  return known;
}

/**
 * ms_indicator_get_expected_rate:
 * @deadline: when the target is due
 * @expected: (out): the rate the indicator should have reached on @date (序时进度)
 *
 * An upper bound holds all year: 1. Otherwise the planned milestones, as
 * shares of the target, joined by straight lines from (period start, 0) and
 * on to (@deadline, 1) after the last one; without a plan, one straight line
 * from the start of the period to @deadline. Clamped to [0, 1].
 *
 * Returns: %FALSE when the target is zero
 */
gboolean
ms_indicator_get_expected_rate (MsIndicator             *indicator,
                                const MsScheduleContext *context,
                                MsDate                   deadline,
                                MsDate                   date,
                                double                  *expected)
{
  double target;
  MsTimeline *plan;
  guint n_milestones;
  MsDate previous_date;
  double previous_share = 0;
  double share;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (expected != NULL, FALSE);

  if (ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST)
    {
      *expected = 1;
      return TRUE;
    }

  target = ms_indicator_get_target (indicator);
  if (target <= 0)
    return FALSE;

  previous_date = context->period_start;
  plan = ms_indicator_get_plan (indicator);
  n_milestones = ms_timeline_get_n_entries (plan);
  if (n_milestones == 0)
    {
      *expected = get_linear_share (previous_date, deadline, date);
      return TRUE;
    }

  if (date < previous_date)
    {
      *expected = 0;
      return TRUE;
    }

  for (guint i = 0; i < n_milestones; i++)
    {
      const MsTimelineEntry *milestone = ms_timeline_get_entry (plan, i);
      double milestone_share = milestone->value / target;

      if (date <= milestone->date)
        {
          share = date <= previous_date
                  ? previous_share
                  : previous_share + (milestone_share - previous_share) *
                                     get_linear_share (previous_date, milestone->date, date);
          *expected = CLAMP (share, 0, 1);
          return TRUE;
        }
      previous_date = milestone->date;
      previous_share = milestone_share;
    }

  /* After the last milestone: on to the full target by the deadline, or
   * hold the last planned share when the plan reaches past the deadline. */
  if (previous_date < deadline)
    share = previous_share + (1 - previous_share) * get_linear_share (previous_date, deadline, date);
  else
    share = previous_share;
  *expected = CLAMP (share, 0, 1);
  return TRUE;
}

/**
 * ms_indicator_get_gap:
 * @deadline: when the target is due
 * @points: (out): how far the rate is below 序时进度 as of the context's
 *   date, in percentage points: (expected − rate) × 100, the rate counted at
 *   most 100%; negative when ahead
 *
 * Returns: %FALSE when the rate or the expected rate is unknown
 */
gboolean
ms_indicator_get_gap (MsIndicator             *indicator,
                      const MsScheduleContext *context,
                      MsDate                   deadline,
                      double                  *points)
{
  double rate;
  double expected;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (context != NULL, FALSE);
  g_return_val_if_fail (points != NULL, FALSE);

  if (!ms_indicator_get_rate_at (indicator, context->as_of, &rate) ||
      !ms_indicator_get_expected_rate (indicator, context, deadline, context->as_of, &expected))
    return FALSE;

  /* Going beyond a target does not make up for another running late: an
   * indicator at 650% would outweigh five behind in a department's mean. */
  *points = (expected - MIN (rate, 1)) * 100;
  return TRUE;
}

MsSchedule
ms_indicator_get_schedule (MsIndicator             *indicator,
                           const MsScheduleContext *context,
                           MsDate                   deadline)
{
  const MsThresholds *thresholds;
  MsDate as_of;
  double figure;
  double rate = 0;
  double expected = 0;
  double gap;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), MS_SCHEDULE_NOT_REPORTED);
  g_return_val_if_fail (context != NULL, MS_SCHEDULE_NOT_REPORTED);

  as_of = context->as_of;
  thresholds = &context->thresholds;

  if (!get_figure_at (indicator, as_of, &figure))
    return MS_SCHEDULE_NOT_REPORTED;

  if (ms_indicator_is_met_by (indicator, figure))
    {
      /* A cap kept so far can still be broken before the deadline. */
      if (ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST && as_of < deadline)
        return MS_SCHEDULE_ON_TRACK;
      return MS_SCHEDULE_DONE;
    }

  if (as_of > deadline)
    return MS_SCHEDULE_OVERDUE;

  /* An unmet target always has a divisor and a non-zero target; unknown
   * figures would count as no progress against the full target. */
  if (!get_rate_of_figure (indicator, figure, &rate))
    rate = 0;
  if (!ms_indicator_get_expected_rate (indicator, context, deadline, as_of, &expected))
    expected = 1;

  gap = (expected - rate) * 100;
  if (gap > thresholds->at_risk_points + POINTS_EPSILON)
    return MS_SCHEDULE_AT_RISK;
  if ((gint64)deadline - (gint64)as_of <= (gint64)thresholds->due_days &&
      rate * 100 < thresholds->due_percent - POINTS_EPSILON)
    return MS_SCHEDULE_AT_RISK;
  if (gap > thresholds->behind_points + POINTS_EPSILON)
    return MS_SCHEDULE_BEHIND;
  return MS_SCHEDULE_ON_TRACK;
}

/**
 * ms_project_get_schedule:
 * @deciding: (out) (optional) (transfer none) (nullable): the indicator the
 *   state comes from: the most urgent one, of those the one with the lowest
 *   rate, of those the first; %NULL when the project's status or dates decide
 *
 * A project with indicators takes the most urgent state of its indicators;
 * a hand-set "delayed" makes it at least behind. Without indicators, its
 * status and deadline decide.
 */
MsSchedule
ms_project_get_schedule (MsProject               *project,
                         const MsScheduleContext *context,
                         MsIndicator            **deciding)
{
  g_return_val_if_fail (MS_IS_PROJECT (project), MS_SCHEDULE_NOT_REPORTED);
  g_return_val_if_fail (context != NULL, MS_SCHEDULE_NOT_REPORTED);

  return get_project_schedule (project, context, deciding, NULL);
}

/* Adds @project and its indicators to @counts. */
void
ms_schedule_counts_add (MsScheduleCounts        *counts,
                        MsProject               *project,
                        const MsScheduleContext *context)
{
  MsSchedule schedule;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (MS_IS_PROJECT (project));
  g_return_if_fail (context != NULL);

  schedule = get_project_schedule (project, context, NULL, counts);
  counts->n_projects++;
  counts->n_by_schedule[schedule]++;
}

/**
 * ms_schedule_count:
 * @scope: a document, category, group or project
 * @counts: (out caller-allocates): the counts of every project below @scope
 */
void
ms_schedule_count (MsNode                  *scope,
                   const MsScheduleContext *context,
                   MsScheduleCounts        *counts)
{
  g_autoptr(GPtrArray) projects = NULL;

  g_return_if_fail (MS_IS_NODE (scope));
  g_return_if_fail (context != NULL);
  g_return_if_fail (counts != NULL);

  memset (counts, 0, sizeof *counts);
  projects = ms_node_collect_projects (scope);
  for (guint i = 0; i < projects->len; i++)
    ms_schedule_counts_add (counts, g_ptr_array_index (projects, i), context);
}

static int
compare_lagging (gconstpointer a,
                 gconstpointer b)
{
  const MsLagging *x = a;
  const MsLagging *y = b;

  if (x->schedule != y->schedule)
    return x->schedule < y->schedule ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/**
 * ms_schedule_collect_lagging:
 * @scope: a document, category, group or project
 *
 * The projects overdue, at risk, behind or not reported, most urgent first,
 * then in file order: the one order of the CLI, the report and the window.
 *
 * Returns: (transfer full) (element-type MsLagging): the lagging projects,
 *   not referenced: valid while @scope is unchanged
 */
GArray *
ms_schedule_collect_lagging (MsNode                  *scope,
                             const MsScheduleContext *context)
{
  g_autoptr(GPtrArray) projects = NULL;
  GArray *lagging;

  g_return_val_if_fail (MS_IS_NODE (scope), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  projects = ms_node_collect_projects (scope);
  lagging = g_array_new (FALSE, FALSE, sizeof (MsLagging));
  for (guint i = 0; i < projects->len; i++)
    {
      MsLagging item = { g_ptr_array_index (projects, i), NULL, 0, i };

      item.schedule = ms_project_get_schedule (item.project, context, &item.deciding);
      if (ms_schedule_is_lagging (item.schedule))
        g_array_append_val (lagging, item);
    }
  g_array_sort (lagging, compare_lagging);

  return lagging;
}

/**
 * ms_project_dup_schedule_text:
 * @with_deadline: whether to end with the project's deadline
 *
 * Where a project stands, in words: its state, the indicator that decides
 * it against 序时进度, and its deadline, such as "Behind · 职业技能培训
 * 57.5%, expected by now 74.7% · deadline 2025-12-31".
 *
 * Returns: (transfer full): the text, in the interface's language
 */
char *
ms_project_dup_schedule_text (MsProject               *project,
                              const MsScheduleContext *context,
                              gboolean                 with_deadline)
{
  return ms_project_dup_schedule_text_in_language (project, context, with_deadline, NULL);
}

/**
 * ms_project_dup_schedule_text_in_language:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface language
 *
 * ms_project_dup_schedule_text() in @language, as a report prints it.
 *
 * Returns: (transfer full): the text
 */
char *
ms_project_dup_schedule_text_in_language (MsProject               *project,
                                          const MsScheduleContext *context,
                                          gboolean                 with_deadline,
                                          const char              *language)
{
  GString *text = g_string_new (NULL);
  MsDate deadline = ms_schedule_context_get_deadline (context, project);
  MsIndicator *deciding = NULL;
  MsSchedule schedule = ms_project_get_schedule (project, context, &deciding);
  double rate, expected;

  g_string_append (text, ms_schedule_get_label_in_language (schedule, language));
  if (deciding != NULL && ms_indicator_get_rate_at (deciding, context->as_of, &rate) &&
      ms_indicator_get_expected_rate (deciding, context, deadline, context->as_of, &expected))
    {
      g_autofree char *shown = ms_l10n_format_percent (language, rate);
      g_autofree char *due = ms_l10n_format_percent (language, expected);

      /* translators: after a schedule state: the indicator that decides it, its rate and the
       * rate expected by now (序时进度), such as " · 职业技能培训 57.5%, expected by now 74.7%" */
      g_string_append_printf (text, ms_l10n_translate (language, N_(" · %s %s, expected by now %s")),
                              ms_indicator_get_name (deciding), shown, due);
    }
  if (with_deadline)
    {
      g_autofree char *date = ms_date_to_string (deadline);

      /* translators: after a schedule state: the project's deadline, such as " · deadline 2025-12-31" */
      g_string_append_printf (text, ms_l10n_translate (language, N_(" · deadline %s")), date);
    }
  return g_string_free (text, FALSE);
}

/**
 * ms_project_get_key_indicator:
 *
 * The indicator the ledger shows for @project and a pasted figure sets:
 * the one that decides its state, or else the weakest, or else the first,
 * as the project list shows it.
 *
 * Returns: (transfer none) (nullable): the indicator, or %NULL when the
 *   project has none
 */
MsIndicator *
ms_project_get_key_indicator (MsProject               *project,
                              const MsScheduleContext *context)
{
  MsIndicator *deciding = NULL;
  MsIndicator *weakest = NULL;
  double weakest_rate = 0;
  guint n;

  g_return_val_if_fail (MS_IS_PROJECT (project), NULL);

  ms_project_get_schedule (project, context, &deciding);
  if (deciding != NULL)
    return deciding;

  n = ms_project_get_n_indicators (project);
  for (guint i = 0; i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      double rate;

      if (ms_indicator_get_rate_at (indicator, context->as_of, &rate) && (weakest == NULL || rate < weakest_rate))
        {
          weakest = indicator;
          weakest_rate = rate;
        }
    }
  if (weakest != NULL)
    return weakest;

  return n > 0 ? ms_project_get_indicator (project, 0) : NULL;
}
