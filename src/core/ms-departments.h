/* ms-departments.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-department.h"
#include "ms-node.h"

G_BEGIN_DECLS

#define MS_TYPE_DEPARTMENTS (ms_departments_get_type ())

G_DECLARE_FINAL_TYPE (MsDepartments, ms_departments, MS, DEPARTMENTS, GObject)

MsDepartments *ms_departments_new            (MsNode        *scope);
MsNode        *ms_departments_get_scope      (MsDepartments *self);
MsDate         ms_departments_get_as_of      (MsDepartments *self);
void           ms_departments_set_as_of      (MsDepartments *self,
                                              MsDate         as_of);
MsDepartment  *ms_departments_get_unassigned (MsDepartments *self);

G_END_DECLS
