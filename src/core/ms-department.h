/* ms-department.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-project.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

#define MS_TYPE_DEPARTMENT (ms_department_get_type ())

G_DECLARE_FINAL_TYPE (MsDepartment, ms_department, MS, DEPARTMENT, GObject)

/* One project of a department as of the department's date. */
typedef struct
{
  MsProject   *project;
  MsSchedule   schedule;
  /* The indicator the state comes from, or NULL (see ms_project_get_schedule()). */
  MsIndicator *deciding;
  /* The deciding indicator's rate and 序时进度, when known. */
  gboolean     has_rate;
  gboolean     has_expected;
  double       rate;
  double       expected;
} MsDepartmentProject;

const char                *ms_department_get_name            (MsDepartment *self);
guint                      ms_department_get_n_projects      (MsDepartment *self);
guint                      ms_department_get_n_completed     (MsDepartment *self);
guint                      ms_department_get_n_with_status   (MsDepartment *self,
                                                              MsStatus      status);
MsProject                 *ms_department_get_project         (MsDepartment *self,
                                                              guint         position);
const MsDepartmentProject *ms_department_get_entry           (MsDepartment *self,
                                                              guint         position);
const MsScheduleContext   *ms_department_get_context         (MsDepartment *self);
guint                      ms_department_get_n_with_schedule (MsDepartment *self,
                                                              MsSchedule    schedule);
guint                      ms_department_get_n_lagging       (MsDepartment *self);
guint                      ms_department_get_n_gaps          (MsDepartment *self);
gboolean                   ms_department_get_mean_gap        (MsDepartment *self,
                                                              double       *points);
char                      *ms_department_format_summary      (MsDepartment *self,
                                                              const char   *language);

G_END_DECLS
