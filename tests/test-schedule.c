/* test-schedule.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ms-category.h"
#include "ms-document.h"
#include "ms-group.h"
#include "ms-project.h"
#include "ms-schedule.h"
#include "test-util.h"

/* Every case is read in 2025 (calendar year), as of 2 July unless it says
 * otherwise: half way from 1 January to 31 December. */
#define YEAR 2025
#define MIDYEAR "2025-07-02"

static MsDate
date_of (const char *text)
{
  MsDate date = MS_DATE_NONE;

  if (text != NULL)
    g_assert_true (ms_date_parse (text, &date));
  return date;
}

static MsIndicator *
make_indicator (MsComparison comparison,
                double       target,
                double       figure)
{
  MsIndicator *indicator = ms_indicator_new ();

  ms_indicator_set_comparison (indicator, comparison);
  ms_indicator_set_target (indicator, target);
  if (!isnan (figure))
    ms_indicator_set_actual (indicator, figure);
  return indicator;
}

/* A plan of one milestone. */
static void
plan_milestone (MsIndicator *indicator,
                const char  *date,
                double       value)
{
  g_autoptr(MsTimeline) plan = ms_timeline_with_entry (ms_indicator_get_plan (indicator),
                                                       date_of (date), value, NULL);

  ms_indicator_set_plan (indicator, plan);
}

static void
report_progress (MsIndicator *indicator,
                 const char  *date,
                 double       value)
{
  g_autoptr(MsTimeline) progress = ms_timeline_with_entry (ms_indicator_get_progress (indicator),
                                                           date_of (date), value, NULL);

  ms_indicator_set_progress (indicator, progress);
  ms_indicator_set_actual (indicator, ms_timeline_get_last (progress)->value);
}

/* A document of one category, one group and the given projects. */
static MsDocument *
make_document (MsProject *first,
               ...)
{
  MsDocument *document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();
  va_list args;

  ms_document_set_year (document, YEAR);
  ms_category_set_id (category, "municipal");
  va_start (args, first);
  for (MsProject *project = first; project != NULL; project = va_arg (args, MsProject *))
    ms_group_insert_project (group, G_MAXUINT, project);
  va_end (args);
  ms_category_insert_group (category, G_MAXUINT, group);
  ms_document_insert_category (document, G_MAXUINT, category);
  return document;
}

static MsProject *
make_project (MsStatus    status,
              const char *deadline)
{
  MsProject *project = ms_project_new ();

  ms_project_set_status (project, status);
  ms_project_set_deadline (project, date_of (deadline));
  return project;
}

typedef struct
{
  const char   *name;
  MsComparison  comparison;
  double        target;
  /* NAN: nothing reported */
  double        figure;
  /* NULL: no plan; else one milestone on this date, of plan_value */
  const char   *plan_date;
  double        plan_value;
  /* NULL: the end of the period */
  const char   *deadline;
  const char   *as_of;
  MsSchedule    schedule;
  /* NAN: unknown */
  double        rate;
  double        expected;
} IndicatorCase;

#define AT_LEAST MS_COMPARISON_AT_LEAST
#define AT_MOST MS_COMPARISON_AT_MOST
#define EXACTLY MS_COMPARISON_EXACTLY
#define ABOUT MS_COMPARISON_ABOUT

static const IndicatorCase indicator_cases[] = {
  /* Half way through the year, no plan: 序时进度 is 50%. */
  { "at-least, on track", AT_LEAST, 100, 45, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.45, 0.5 },
  { "at-least, 10 points under is still on track", AT_LEAST, 100, 40, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.40, 0.5 },
  { "at-least, behind", AT_LEAST, 100, 35, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 0.35, 0.5 },
  { "at-least, 25 points under is behind", AT_LEAST, 100, 25, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 0.25, 0.5 },
  { "at-least, at risk", AT_LEAST, 100, 20, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_AT_RISK, 0.20, 0.5 },
  { "at-least, met early", AT_LEAST, 100, 100, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_DONE, 1.0, 0.5 },
  { "at-least, plan ahead of the line", AT_LEAST, 100, 60, "2025-07-02", 80, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 0.60, 0.8 },
  { "at-least, plan met", AT_LEAST, 100, 75, "2025-07-02", 80, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.75, 0.8 },
  { "at-least, plan behind the line", AT_LEAST, 100, 30, "2025-07-02", 20, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.30, 0.2 },
  { "at-least, after the deadline", AT_LEAST, 100, 90, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 0.90, 1.0 },
  { "at-least, after the deadline, plan", AT_LEAST, 100, 90, "2025-03-31", 50, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 0.90, 1.0 },
  { "at-least, met after the deadline", AT_LEAST, 100, 120, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_DONE, 1.2, 1.0 },
  { "at-least, on the deadline is not overdue", AT_LEAST, 100, 95, NULL, 0, MIDYEAR, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.95, 1.0 },
  /* 18 days before a deadline of 20 July: 序时进度 182/200 = 91%. */
  { "at-least, due soon under 80%", AT_LEAST, 100, 79, NULL, 0, "2025-07-20", MIDYEAR, MS_SCHEDULE_AT_RISK, 0.79, 0.91 },
  { "at-least, due soon at 80%", AT_LEAST, 100, 80, NULL, 0, "2025-07-20", MIDYEAR, MS_SCHEDULE_BEHIND, 0.80, 0.91 },
  { "at-least, due soon at 85%", AT_LEAST, 100, 85, NULL, 0, "2025-07-20", MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.85, 0.91 },
  /* 30 days before the deadline is soon (序时进度 182/212), 31 days is not (182/213). */
  { "at-least, due in 30 days under 80%", AT_LEAST, 100, 79, NULL, 0, "2025-08-01", MIDYEAR, MS_SCHEDULE_AT_RISK, 0.79, 182.0 / 212 },
  { "at-least, due in 31 days under 80%", AT_LEAST, 100, 79, NULL, 0, "2025-08-02", MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.79, 182.0 / 213 },
  { "at-least, not due soon under 80%", AT_LEAST, 100, 45, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.45, 0.5 },
  { "at-least, not reported", AT_LEAST, 100, NAN, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_NOT_REPORTED, NAN, 0.5 },
  { "at-least, not reported after the deadline", AT_LEAST, 100, NAN, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_NOT_REPORTED, NAN, 1.0 },
  { "at-least, zero target", AT_LEAST, 0, 0, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_DONE, NAN, NAN },

  /* A cap holds all year: 序时进度 is 100% from the first day. */
  { "at-most, kept so far", AT_MOST, 100, 90, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 100.0 / 90, 1.0 },
  { "at-most, kept on the deadline", AT_MOST, 100, 90, NULL, 0, MIDYEAR, MIDYEAR, MS_SCHEDULE_DONE, 100.0 / 90, 1.0 },
  { "at-most, kept after the deadline", AT_MOST, 100, 90, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_DONE, 100.0 / 90, 1.0 },
  { "at-most, a little over", AT_MOST, 100, 105, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 100.0 / 105, 1.0 },
  { "at-most, over", AT_MOST, 100, 120, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 100.0 / 120, 1.0 },
  { "at-most, far over", AT_MOST, 100, 150, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_AT_RISK, 100.0 / 150, 1.0 },
  { "at-most, over after the deadline", AT_MOST, 100, 105, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 100.0 / 105, 1.0 },
  { "at-most, plan does not matter", AT_MOST, 100, 120, "2025-07-02", 10, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 100.0 / 120, 1.0 },
  { "at-most, kept with a plan", AT_MOST, 100, 50, "2025-07-02", 10, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 2.0, 1.0 },
  { "at-most, zero figure", AT_MOST, 100, 0, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_DONE, NAN, 1.0 },
  { "at-most, not reported", AT_MOST, 100, NAN, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_NOT_REPORTED, NAN, 1.0 },

  /* "Exactly" in a pledge is a floor. */
  { "exactly, met", EXACTLY, 500, 500, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_DONE, 1.0, 0.5 },
  { "exactly, beyond", EXACTLY, 500, 1103, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_DONE, 1103.0 / 500, 0.5 },
  { "exactly, on track", EXACTLY, 500, 250, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.5, 0.5 },
  { "exactly, behind", EXACTLY, 500, 150, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 0.3, 0.5 },
  { "exactly, plan behind", EXACTLY, 500, 250, "2025-07-02", 450, NULL, MIDYEAR, MS_SCHEDULE_AT_RISK, 0.5, 0.9 },
  { "exactly, after the deadline", EXACTLY, 500, 499, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 0.998, 1.0 },
  { "exactly, after the deadline, plan", EXACTLY, 500, 499, "2025-05-01", 450, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 0.998, 1.0 },

  /* "About" is met within 5% below. */
  { "about, within 5%", ABOUT, 100, 96, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_DONE, 0.96, 1.0 },
  { "about, exactly 5% below", ABOUT, 100, 95, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_DONE, 0.95, 0.5 },
  { "about, short before the deadline", ABOUT, 100, 94, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK, 0.94, 0.5 },
  { "about, short after the deadline", ABOUT, 100, 94, NULL, 0, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 0.94, 1.0 },
  { "about, behind", ABOUT, 100, 30, NULL, 0, NULL, MIDYEAR, MS_SCHEDULE_BEHIND, 0.3, 0.5 },
  { "about, plan", ABOUT, 100, 30, "2025-07-02", 70, NULL, MIDYEAR, MS_SCHEDULE_AT_RISK, 0.3, 0.7 },
  { "about, short after the deadline, plan", ABOUT, 100, 94, "2025-03-01", 40, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE, 0.94, 1.0 },
};

static void
test_indicator_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (indicator_cases); i++)
    {
      const IndicatorCase *c = &indicator_cases[i];
      g_autoptr(MsProject) project = make_project (MS_STATUS_IN_PROGRESS, c->deadline);
      g_autoptr(MsIndicator) indicator = make_indicator (c->comparison, c->target, c->figure);
      g_autoptr(MsDocument) document = make_document (project, NULL);
      MsScheduleContext context;
      MsDate deadline;
      double rate = -1;
      double expected = -1;

      g_test_message ("case: %s", c->name);
      if (c->plan_date != NULL)
        plan_milestone (indicator, c->plan_date, c->plan_value);
      ms_project_insert_indicator (project, 0, indicator);
      ms_schedule_context_init (&context, document, date_of (c->as_of));
      deadline = ms_schedule_context_get_deadline (&context, project);

      g_assert_cmpstr (ms_schedule_to_string (ms_indicator_get_schedule (indicator, &context, deadline)),
                       ==, ms_schedule_to_string (c->schedule));
      g_assert_cmpint (ms_project_get_schedule (project, &context, NULL), ==, c->schedule);

      if (isnan (c->rate))
        {
          g_assert_false (ms_indicator_get_rate_at (indicator, context.as_of, &rate));
        }
      else
        {
          g_assert_true (ms_indicator_get_rate_at (indicator, context.as_of, &rate));
          g_assert_cmpfloat_with_epsilon (rate, c->rate, 1e-9);
        }

      if (isnan (c->expected))
        {
          g_assert_false (ms_indicator_get_expected_rate (indicator, &context, deadline,
                                                          context.as_of, &expected));
        }
      else
        {
          g_assert_true (ms_indicator_get_expected_rate (indicator, &context, deadline,
                                                         context.as_of, &expected));
          g_assert_cmpfloat_with_epsilon (expected, c->expected, 1e-9);
        }
    }
}

typedef struct
{
  const char *date;
  double      expected;
} ExpectedPoint;

/* 序时进度 along the year: the straight line, then a plan of two milestones. */
static void
test_expected_rate (void)
{
  static const ExpectedPoint line[] = {
    { "2024-12-31", 0 }, { "2025-01-01", 0 }, { "2025-07-02", 0.5 },
    { "2025-12-31", 1 }, { "2026-03-01", 1 },
  };
  /* (1 Jan, 0) → (1 Mar, 60%) → (1 May, 60%) → (30 Jun, 100%); the deadline is 30 Jun. */
  static const ExpectedPoint planned[] = {
    { "2024-12-01", 0 }, { "2025-01-01", 0 }, { "2025-01-30", 0.6 * 29 / 59 }, { "2025-03-01", 0.6 },
    { "2025-04-01", 0.6 }, { "2025-05-01", 0.6 }, { "2025-05-31", 0.8 }, { "2025-06-30", 1 },
    { "2025-12-31", 1 },
  };
  g_autoptr(MsProject) project = make_project (MS_STATUS_IN_PROGRESS, NULL);
  g_autoptr(MsIndicator) indicator = make_indicator (AT_LEAST, 200, 10);
  g_autoptr(MsDocument) document = make_document (project, NULL);
  MsScheduleContext context;
  double expected;

  ms_project_insert_indicator (project, 0, indicator);
  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  g_assert_cmpuint (context.as_of, ==, date_of ("2025-12-31"));
  g_assert_cmpuint (context.period_start, ==, date_of ("2025-01-01"));

  for (guint i = 0; i < G_N_ELEMENTS (line); i++)
    {
      g_test_message ("line on %s", line[i].date);
      g_assert_true (ms_indicator_get_expected_rate (indicator, &context, context.period_end,
                                                     date_of (line[i].date), &expected));
      g_assert_cmpfloat_with_epsilon (expected, line[i].expected, 1e-9);
    }

  plan_milestone (indicator, "2025-03-01", 120);
  plan_milestone (indicator, "2025-05-01", 120);
  for (guint i = 0; i < G_N_ELEMENTS (planned); i++)
    {
      g_test_message ("plan on %s", planned[i].date);
      g_assert_true (ms_indicator_get_expected_rate (indicator, &context, date_of ("2025-06-30"),
                                                     date_of (planned[i].date), &expected));
      g_assert_cmpfloat_with_epsilon (expected, planned[i].expected, 1e-9);
    }

  /* A plan past the deadline holds its last share; a plan over the target is capped. */
  plan_milestone (indicator, "2025-09-01", 160);
  g_assert_true (ms_indicator_get_expected_rate (indicator, &context, date_of ("2025-06-30"),
                                                 date_of ("2025-10-01"), &expected));
  g_assert_cmpfloat_with_epsilon (expected, 0.8, 1e-9);
  plan_milestone (indicator, "2025-11-01", 300);
  g_assert_true (ms_indicator_get_expected_rate (indicator, &context, date_of ("2025-06-30"),
                                                 date_of ("2025-11-01"), &expected));
  g_assert_cmpfloat_with_epsilon (expected, 1, 1e-9);

  /* A deadline on or before the start of the period: due from the deadline on. */
  ms_indicator_set_plan (indicator, NULL);
  g_assert_true (ms_indicator_get_expected_rate (indicator, &context, date_of ("2025-01-01"),
                                                 date_of ("2025-01-01"), &expected));
  g_assert_cmpfloat_with_epsilon (expected, 1, 1e-9);
  g_assert_true (ms_indicator_get_expected_rate (indicator, &context, date_of ("2024-12-01"),
                                                 date_of ("2024-12-15"), &expected));
  g_assert_cmpfloat_with_epsilon (expected, 1, 1e-9);
  g_assert_true (ms_indicator_get_expected_rate (indicator, &context, date_of ("2024-12-01"),
                                                 date_of ("2024-11-30"), &expected));
  g_assert_cmpfloat_with_epsilon (expected, 0, 1e-9);

  /* A milestone dated before the period does not count before the period starts. */
  plan_milestone (indicator, "2024-12-15", 20);
  g_assert_true (ms_indicator_get_expected_rate (indicator, &context, context.period_end,
                                                 date_of ("2024-12-20"), &expected));
  g_assert_cmpfloat_with_epsilon (expected, 0, 1e-9);

  ms_indicator_set_target (indicator, 0);
  g_assert_false (ms_indicator_get_expected_rate (indicator, &context, context.period_end,
                                                  date_of (MIDYEAR), &expected));
}

/* The figure on a date is the latest progress entry up to it, not the actual. */
static void
test_progress (void)
{
  g_autoptr(MsProject) project = make_project (MS_STATUS_IN_PROGRESS, NULL);
  g_autoptr(MsIndicator) indicator = make_indicator (AT_LEAST, 100, NAN);
  g_autoptr(MsDocument) document = make_document (project, NULL);
  MsScheduleContext context;
  double rate;

  ms_project_insert_indicator (project, 0, indicator);
  report_progress (indicator, "2025-03-01", 20);
  report_progress (indicator, "2025-08-01", 70);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 70);

  g_assert_false (ms_indicator_get_rate_at (indicator, date_of ("2025-02-28"), &rate));
  g_assert_true (ms_indicator_get_rate_at (indicator, date_of ("2025-03-01"), &rate));
  g_assert_cmpfloat (rate, ==, 0.2);
  g_assert_true (ms_indicator_get_rate_at (indicator, date_of ("2025-07-31"), &rate));
  g_assert_cmpfloat (rate, ==, 0.2);
  g_assert_true (ms_indicator_get_rate_at (indicator, date_of ("2025-08-01"), &rate));
  g_assert_cmpfloat (rate, ==, 0.7);

  ms_schedule_context_init (&context, document, date_of ("2025-02-01"));
  g_assert_cmpint (ms_indicator_get_schedule (indicator, &context, context.period_end), ==,
                   MS_SCHEDULE_NOT_REPORTED);
  ms_schedule_context_init (&context, document, date_of (MIDYEAR));
  g_assert_cmpint (ms_indicator_get_schedule (indicator, &context, context.period_end), ==,
                   MS_SCHEDULE_AT_RISK);
  ms_schedule_context_init (&context, document, date_of ("2025-08-15"));
  g_assert_cmpint (ms_indicator_get_schedule (indicator, &context, context.period_end), ==,
                   MS_SCHEDULE_ON_TRACK);

  /* The document's own date is used when none is asked for. */
  ms_document_set_as_of (document, date_of ("2025-02-01"));
  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  g_assert_cmpuint (context.as_of, ==, date_of ("2025-02-01"));
  g_assert_cmpint (ms_project_get_schedule (project, &context, NULL), ==, MS_SCHEDULE_NOT_REPORTED);
}

typedef struct
{
  const char *name;
  MsStatus    status;
  const char *deadline;
  const char *as_of;
  MsSchedule  schedule;
} StatusCase;

/* Projects without indicators: the status and the dates decide. On 20
 * January 序时进度 is 19/364 = 5%, on 2 July 50%. */
static const StatusCase status_cases[] = {
  { "completed", MS_STATUS_COMPLETED, NULL, MIDYEAR, MS_SCHEDULE_DONE },
  { "completed after the deadline", MS_STATUS_COMPLETED, "2025-06-30", MIDYEAR, MS_SCHEDULE_DONE },
  { "in progress after the deadline", MS_STATUS_IN_PROGRESS, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE },
  { "delayed after the deadline", MS_STATUS_DELAYED, "2025-06-30", MIDYEAR, MS_SCHEDULE_OVERDUE },
  { "in progress on the deadline", MS_STATUS_IN_PROGRESS, MIDYEAR, MIDYEAR, MS_SCHEDULE_ON_TRACK },
  { "in progress", MS_STATUS_IN_PROGRESS, NULL, MIDYEAR, MS_SCHEDULE_ON_TRACK },
  { "delayed", MS_STATUS_DELAYED, NULL, "2025-01-20", MS_SCHEDULE_BEHIND },
  { "not started early", MS_STATUS_NOT_STARTED, NULL, "2025-01-20", MS_SCHEDULE_ON_TRACK },
  { "not started at mid-year", MS_STATUS_NOT_STARTED, NULL, MIDYEAR, MS_SCHEDULE_BEHIND },
  /* 序时进度 is 10% on 7 February (37/364 ≈ 10.2%), 9.9% on 6 February. */
  { "not started at 9.9%", MS_STATUS_NOT_STARTED, NULL, "2025-02-06", MS_SCHEDULE_ON_TRACK },
  { "not started at 10.2%", MS_STATUS_NOT_STARTED, NULL, "2025-02-07", MS_SCHEDULE_BEHIND },
};

static void
test_without_indicators (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_cases); i++)
    {
      const StatusCase *c = &status_cases[i];
      g_autoptr(MsProject) project = make_project (c->status, c->deadline);
      g_autoptr(MsDocument) document = make_document (project, NULL);
      MsIndicator *deciding = (MsIndicator *)project;
      MsScheduleContext context;

      g_test_message ("case: %s", c->name);
      ms_schedule_context_init (&context, document, date_of (c->as_of));
      g_assert_cmpstr (ms_schedule_to_string (ms_project_get_schedule (project, &context, &deciding)),
                       ==, ms_schedule_to_string (c->schedule));
      g_assert_null (deciding);
    }
}

/* The most urgent indicator decides; of equals, the lowest rate; then the first. */
static void
test_deciding_indicator (void)
{
  g_autoptr(MsProject) project = make_project (MS_STATUS_IN_PROGRESS, NULL);
  g_autoptr(MsIndicator) met = make_indicator (AT_LEAST, 100, 100);
  g_autoptr(MsIndicator) unreported = make_indicator (AT_LEAST, 100, NAN);
  g_autoptr(MsIndicator) behind = make_indicator (AT_LEAST, 100, 38);
  g_autoptr(MsIndicator) further_behind = make_indicator (AT_LEAST, 100, 35);
  g_autoptr(MsIndicator) as_far_behind = make_indicator (EXACTLY, 10, 3.5);
  g_autoptr(MsIndicator) at_risk = make_indicator (AT_MOST, 100, 200);
  g_autoptr(MsDocument) document = make_document (project, NULL);
  MsScheduleContext context;
  MsIndicator *deciding = NULL;

  ms_schedule_context_init (&context, document, date_of (MIDYEAR));

  ms_project_insert_indicator (project, G_MAXUINT, met);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_DONE);
  g_assert_true (deciding == met);

  ms_project_insert_indicator (project, G_MAXUINT, unreported);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_NOT_REPORTED);
  g_assert_true (deciding == unreported);

  ms_project_insert_indicator (project, G_MAXUINT, behind);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_BEHIND);
  g_assert_true (deciding == behind);

  ms_project_insert_indicator (project, G_MAXUINT, further_behind);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_BEHIND);
  g_assert_true (deciding == further_behind);

  /* Same state, same rate: the first stays. */
  ms_project_insert_indicator (project, G_MAXUINT, as_far_behind);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_BEHIND);
  g_assert_true (deciding == further_behind);

  ms_project_insert_indicator (project, 0, at_risk);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_AT_RISK);
  g_assert_true (deciding == at_risk);
}

/* Of equal states, an unknown rate counts as the lowest. */
static void
test_deciding_unknown_rate (void)
{
  g_autoptr(MsProject) project = make_project (MS_STATUS_IN_PROGRESS, NULL);
  g_autoptr(MsIndicator) beyond = make_indicator (AT_LEAST, 100, 120);
  g_autoptr(MsIndicator) zero_target = make_indicator (AT_LEAST, 0, 5);
  g_autoptr(MsDocument) document = make_document (project, NULL);
  MsScheduleContext context;
  MsIndicator *deciding = NULL;

  ms_project_insert_indicator (project, G_MAXUINT, beyond);
  ms_project_insert_indicator (project, G_MAXUINT, zero_target);
  ms_schedule_context_init (&context, document, date_of (MIDYEAR));
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_DONE);
  g_assert_true (deciding == zero_target);
}

/* A hand-set "delayed" makes a project at least behind, whatever its figures. */
static void
test_delayed_status (void)
{
  g_autoptr(MsProject) project = make_project (MS_STATUS_DELAYED, NULL);
  g_autoptr(MsIndicator) indicator = make_indicator (AT_LEAST, 100, 100);
  g_autoptr(MsDocument) document = make_document (project, NULL);
  MsScheduleContext context;
  MsIndicator *deciding = NULL;

  ms_project_insert_indicator (project, 0, indicator);
  ms_schedule_context_init (&context, document, date_of (MIDYEAR));

  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_BEHIND);
  g_assert_null (deciding);

  ms_indicator_clear_actual (indicator);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_BEHIND);
  g_assert_null (deciding);

  /* More urgent figures still show. */
  ms_indicator_set_actual (indicator, 10);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_AT_RISK);
  g_assert_true (deciding == indicator);

  ms_project_set_status (project, MS_STATUS_IN_PROGRESS);
  ms_indicator_set_actual (indicator, 45);
  g_assert_cmpint (ms_project_get_schedule (project, &context, &deciding), ==, MS_SCHEDULE_ON_TRACK);
  g_assert_true (deciding == indicator);
}

static void
test_counts (void)
{
  g_autoptr(MsProject) done = make_project (MS_STATUS_COMPLETED, NULL);
  g_autoptr(MsProject) mixed = make_project (MS_STATUS_IN_PROGRESS, NULL);
  g_autoptr(MsProject) overdue = make_project (MS_STATUS_IN_PROGRESS, "2025-06-30");
  g_autoptr(MsProject) bare = make_project (MS_STATUS_NOT_STARTED, NULL);
  g_autoptr(MsIndicator) a = make_indicator (AT_LEAST, 100, 100);
  g_autoptr(MsIndicator) b = make_indicator (AT_LEAST, 100, 45);
  g_autoptr(MsIndicator) c = make_indicator (AT_LEAST, 100, 20);
  g_autoptr(MsIndicator) d = make_indicator (AT_LEAST, 100, NAN);
  g_autoptr(MsIndicator) e = make_indicator (AT_MOST, 5, 6);
  g_autoptr(MsDocument) document = make_document (done, mixed, overdue, bare, NULL);
  MsScheduleContext context;
  MsScheduleCounts counts;
  MsScheduleCounts one = { 0 };
  static const guint projects[MS_N_SCHEDULES] = { 1, 1, 1, 0, 0, 1 };
  static const guint indicators[MS_N_SCHEDULES] = { 1, 1, 0, 1, 1, 1 };

  ms_project_insert_indicator (done, 0, a);
  ms_project_insert_indicator (mixed, G_MAXUINT, b);
  ms_project_insert_indicator (mixed, G_MAXUINT, c);
  ms_project_insert_indicator (mixed, G_MAXUINT, d);
  ms_project_insert_indicator (overdue, 0, e);
  ms_schedule_context_init (&context, document, date_of (MIDYEAR));

  memset (&counts, 0xff, sizeof counts);
  ms_schedule_count (MS_NODE (document), &context, &counts);
  g_assert_cmpuint (counts.n_projects, ==, 4);
  g_assert_cmpuint (counts.n_indicators, ==, 5);
  for (guint i = 0; i < MS_N_SCHEDULES; i++)
    {
      g_test_message ("state %s", ms_schedule_to_string (i));
      g_assert_cmpuint (counts.n_by_schedule[i], ==, projects[i]);
      g_assert_cmpuint (counts.n_indicators_by_schedule[i], ==, indicators[i]);
    }

  /* A project is a scope of its own; adding accumulates. */
  ms_schedule_counts_add (&one, mixed, &context);
  ms_schedule_counts_add (&one, mixed, &context);
  g_assert_cmpuint (one.n_projects, ==, 2);
  g_assert_cmpuint (one.n_by_schedule[MS_SCHEDULE_AT_RISK], ==, 2);
  g_assert_cmpuint (one.n_indicators, ==, 6);
  g_assert_cmpuint (one.n_indicators_by_schedule[MS_SCHEDULE_ON_TRACK], ==, 2);
  ms_schedule_count (MS_NODE (bare), &context, &counts);
  g_assert_cmpuint (counts.n_projects, ==, 1);
  g_assert_cmpuint (counts.n_by_schedule[MS_SCHEDULE_BEHIND], ==, 1);
  g_assert_cmpuint (counts.n_indicators, ==, 0);
}

/* A year-end file has no date of its own: read as of the end of its period,
 * every pledge of the bundled file was kept or has no figure. */
static void
test_luohe_year_end (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  MsScheduleContext context;
  MsScheduleCounts counts;

  g_assert_cmpuint (ms_document_get_as_of (document), ==, MS_DATE_NONE);
  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  g_assert_cmpuint (context.as_of, ==, date_of ("2024-12-31"));

  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      MsSchedule schedule = ms_project_get_schedule (project, &context, NULL);

      g_test_message ("project %u: %s", ms_project_get_number (project), ms_schedule_to_string (schedule));
      g_assert_true (schedule == MS_SCHEDULE_DONE || schedule == MS_SCHEDULE_NOT_REPORTED);
    }

  ms_schedule_count (MS_NODE (document), &context, &counts);
  g_assert_cmpuint (counts.n_projects, ==, 32);
  g_assert_cmpuint (counts.n_by_schedule[MS_SCHEDULE_DONE], ==, 30);
  g_assert_cmpuint (counts.n_by_schedule[MS_SCHEDULE_NOT_REPORTED], ==, 2);
  g_assert_cmpuint (counts.n_indicators_by_schedule[MS_SCHEDULE_NOT_REPORTED], ==, 3);
  g_assert_cmpuint (counts.n_indicators_by_schedule[MS_SCHEDULE_DONE], ==, counts.n_indicators - 3);
}

static void
test_strings (void)
{
  static const char * const keys[MS_N_SCHEDULES] = {
    "overdue", "at-risk", "behind", "not-reported", "on-track", "done",
  };
  static const char * const labels[MS_N_SCHEDULES] = {
    "Overdue", "At risk", "Behind", "Not reported", "On track", "Done",
  };
  MsSchedule schedule;

  for (guint i = 0; i < MS_N_SCHEDULES; i++)
    {
      const char *icon = ms_schedule_get_icon_name (i);

      g_assert_cmpstr (ms_schedule_to_string (i), ==, keys[i]);
      g_assert_true (ms_schedule_from_string (keys[i], &schedule));
      g_assert_cmpint (schedule, ==, i);
      g_assert_cmpstr (ms_schedule_get_label (i), ==, labels[i]);
      g_assert_cmpint (ms_schedule_is_lagging (i), ==, i <= MS_SCHEDULE_NOT_REPORTED);

      /* Each state has a shape of its own, drawn from the Adwaita theme. */
      g_assert_true (g_str_has_suffix (icon, "-symbolic"));
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (ms_schedule_get_icon_name (j), !=, icon);
      if (g_file_test ("/usr/share/icons/Adwaita/index.theme", G_FILE_TEST_EXISTS))
        {
          g_autofree char *file = g_strconcat (icon, ".svg", NULL);
          g_autofree char *status = g_build_filename ("/usr/share/icons/Adwaita/scalable/status", file, NULL);
          g_autofree char *actions = g_build_filename ("/usr/share/icons/Adwaita/scalable/actions", file, NULL);

          g_test_message ("icon %s", icon);
          g_assert_true (g_file_test (status, G_FILE_TEST_EXISTS) ||
                         g_file_test (actions, G_FILE_TEST_EXISTS));
        }
    }

  g_assert_false (ms_schedule_from_string ("late", &schedule));
  g_assert_false (ms_schedule_from_string ("Done", &schedule));
  g_assert_false (ms_schedule_from_string (NULL, &schedule));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schedule/indicator-table", test_indicator_table);
  g_test_add_func ("/schedule/expected-rate", test_expected_rate);
  g_test_add_func ("/schedule/progress", test_progress);
  g_test_add_func ("/schedule/without-indicators", test_without_indicators);
  g_test_add_func ("/schedule/deciding-indicator", test_deciding_indicator);
  g_test_add_func ("/schedule/deciding-unknown-rate", test_deciding_unknown_rate);
  g_test_add_func ("/schedule/delayed-status", test_delayed_status);
  g_test_add_func ("/schedule/counts", test_counts);
  g_test_add_func ("/schedule/luohe-year-end", test_luohe_year_end);
  g_test_add_func ("/schedule/strings", test_strings);

  return g_test_run ();
}
