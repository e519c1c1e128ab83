/* bench-schedule.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long the schedule state of every project of a generated file
 * of 10 000 projects takes, as the window's list and the CLI ask for it:
 * one state per project, then the counts of the whole document, then every
 * check (ms_check_scope), then the departments ranked as the departments page
 * and chart show them. The aim is under 50 ms for states and checks
 * together, so that a change can recount everything at once.
 */

#include "config.h"

#include <stdio.h>

#include "ms-check.h"
#include "ms-departments.h"
#include "ms-document.h"
#include "ms-schedule.h"
#include "test-util.h"

#define N_PROJECTS 10000
#define ROUNDS 20

/* Monthly progress for every other project, and a plan for every fifth, so
 * that timeline lookups and milestones are part of the figure. */
static void
add_timelines (MsDocument *document)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));

  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      MsIndicator *indicator = ms_project_get_indicator (project, 0);
      double target = ms_indicator_get_target (indicator);

      if (i % 2 == 0)
        {
          g_autoptr(MsTimeline) progress = ms_timeline_new ();

          for (int month = 1; month <= 12; month++)
            ms_timeline_append (progress, ms_date_from_ymd (2025, month, 28),
                                target * month / 12 * (i % 7) / 5, NULL);
          ms_indicator_set_progress (indicator, progress);
        }
      if (i % 5 == 0)
        {
          g_autoptr(MsTimeline) plan = ms_timeline_new ();

          ms_timeline_append (plan, ms_date_from_ymd (2025, 3, 31), target * 0.2, NULL);
          ms_timeline_append (plan, ms_date_from_ymd (2025, 6, 30), target * 0.6, NULL);
          ms_timeline_append (plan, ms_date_from_ymd (2025, 9, 30), target * 0.9, NULL);
          ms_indicator_set_plan (indicator, plan);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsDocument) document = ms_test_generate_document (N_PROJECTS);
  g_autoptr(GPtrArray) projects = NULL;
  MsScheduleContext context;
  MsScheduleCounts counts;
  guint by_schedule[MS_N_SCHEDULES] = { 0 };
  double states_ms = G_MAXDOUBLE;
  double count_ms = G_MAXDOUBLE;
  double check_ms = G_MAXDOUBLE;
  double first_check_ms = 0;
  guint n_findings = 0;
  double departments_ms = G_MAXDOUBLE;
  guint n_departments = 0;

  add_timelines (document);
  projects = ms_node_collect_projects (MS_NODE (document));
  ms_schedule_context_init (&context, document, ms_date_from_ymd (2025, 7, 15));

  /* The best of several rounds: the machine's noise is not the code's cost. */
  for (guint round = 0; round < ROUNDS; round++)
    {
      gint64 start = g_get_monotonic_time ();

      for (guint i = 0; i < projects->len; i++)
        by_schedule[ms_project_get_schedule (g_ptr_array_index (projects, i), &context, NULL)]++;
      states_ms = MIN (states_ms, (g_get_monotonic_time () - start) / 1000.0);

      start = g_get_monotonic_time ();
      ms_schedule_count (MS_NODE (document), &context, &counts);
      count_ms = MIN (count_ms, (g_get_monotonic_time () - start) / 1000.0);

      if (round < ROUNDS / 4)
        {
          g_autoptr(GPtrArray) findings = NULL;

          start = g_get_monotonic_time ();
          findings = ms_check_scope (MS_NODE (document), &context);
          /* The first reads every completion text; later ones, as after an
           * edit in the window, read again only what changed. */
          if (round == 0)
            first_check_ms = (g_get_monotonic_time () - start) / 1000.0;
          else
            check_ms = MIN (check_ms, (g_get_monotonic_time () - start) / 1000.0);
          n_findings = findings->len;
        }

      /* The departments, as the page, the chart and the CLI count them. */
      {
        g_autoptr(MsDepartments) departments = NULL;

        start = g_get_monotonic_time ();
        departments = ms_departments_new (MS_NODE (document));
        departments_ms = MIN (departments_ms, (g_get_monotonic_time () - start) / 1000.0);
        n_departments = g_list_model_get_n_items (G_LIST_MODEL (departments));
      }
    }

  for (guint i = 0; i < MS_N_SCHEDULES; i++)
    g_assert_cmpuint (by_schedule[i], ==, counts.n_by_schedule[i] * ROUNDS);

  printf ("schedule states of %u projects (%u indicators): %.2f ms\n",
          counts.n_projects, counts.n_indicators, states_ms);
  printf ("schedule counts of the document:                 %.2f ms\n", count_ms);
  printf ("every check, first time (%u findings):           %.2f ms (reads every completion text)\n",
          n_findings, first_check_ms);
  printf ("every check again (texts already read):          %.2f ms\n", check_ms);
  printf ("states and checks together, again:               %.2f ms (target < 50 ms)\n", states_ms + check_ms);
  printf ("states and checks together, first time:          %.2f ms\n", states_ms + first_check_ms);
  printf ("departments ranked (%u):                          %.2f ms\n", n_departments, departments_ms);
  for (guint i = 0; i < MS_N_SCHEDULES; i++)
    printf ("  %-13s %5u projects %6u indicators\n", ms_schedule_to_string (i),
            counts.n_by_schedule[i], counts.n_indicators_by_schedule[i]);

  return 0;
}
