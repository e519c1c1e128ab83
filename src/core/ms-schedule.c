/* ms-schedule.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-schedule"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ms-schedule.h"

/* One definition of every figure: the window, the CLI, the charts and the
 * report read projects through these functions only. FORMAT.md ("Figures")
 * says the same in words. */

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
