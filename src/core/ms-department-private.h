/* ms-department-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-department.h"

G_BEGIN_DECLS

MsDepartment *_ms_department_new    (const char              *name);
gboolean      _ms_department_update (MsDepartment            *self,
                                     GArray                  *entries,
                                     double                   gap_sum,
                                     guint                    n_gaps,
                                     const MsScheduleContext *context);

G_END_DECLS
