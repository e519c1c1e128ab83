/* ms-department.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-project.h"

G_BEGIN_DECLS

#define MS_TYPE_DEPARTMENT (ms_department_get_type ())

G_DECLARE_FINAL_TYPE (MsDepartment, ms_department, MS, DEPARTMENT, GObject)

const char *ms_department_get_name          (MsDepartment *self);
guint       ms_department_get_n_projects    (MsDepartment *self);
guint       ms_department_get_n_completed   (MsDepartment *self);
guint       ms_department_get_n_with_status (MsDepartment *self,
                                             MsStatus      status);
MsProject  *ms_department_get_project       (MsDepartment *self,
                                             guint         position);

G_END_DECLS
