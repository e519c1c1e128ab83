/* ms-check.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  MS_SEVERITY_NOTE,
  MS_SEVERITY_WARNING,
  MS_SEVERITY_ERROR,
} MsSeverity;

/* What a finding is about; the order is the order findings are listed in
 * for one project. Errors contradict the file's own figures or dates;
 * warnings are worth a look and may be right. */
typedef enum
{
  MS_CHECK_COMPLETED_BELOW_TARGET,
  MS_CHECK_COMPLETED_NOT_REPORTED,
  MS_CHECK_NOT_STARTED_WITH_FIGURES,
  MS_CHECK_COMPLETED_WITHOUT_TEXT,
  MS_CHECK_TEXT_DISAGREES,
  MS_CHECK_NO_DEPARTMENT,
  MS_CHECK_OVERDUE,
  MS_CHECK_PROGRESS_BACKWARDS,
  MS_CHECK_FAR_ABOVE_TARGET,
} MsCheckKind;

#define MS_N_CHECK_KINDS 9

/* One finding; it holds references to its project and indicator, so a list
 * of findings may outlive the document. */
typedef struct
{
  MsCheckKind  kind;
  MsSeverity   severity;
  MsProject   *project;
  /* (nullable): the indicator it is about */
  MsIndicator *indicator;
  /* Translated, one sentence, no trailing full stop. */
  char        *message;
} MsFinding;

void        ms_finding_free            (MsFinding               *finding);
const char *ms_check_kind_to_string    (MsCheckKind              kind);
const char *ms_severity_get_label      (MsSeverity               severity);
const char *ms_severity_get_label_in_language (MsSeverity        severity,
                                        const char              *language);

GPtrArray  *ms_check_project           (MsProject               *project,
                                        const MsScheduleContext *context);
GPtrArray  *ms_check_scope             (MsNode                  *scope,
                                        const MsScheduleContext *context);
GPtrArray  *ms_check_project_in_language (MsProject             *project,
                                        const MsScheduleContext *context,
                                        const char              *language);
GPtrArray  *ms_check_scope_in_language (MsNode                  *scope,
                                        const MsScheduleContext *context,
                                        const char              *language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsFinding, ms_finding_free)

G_END_DECLS
