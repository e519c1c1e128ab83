/* ms-departments-page.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-departments.h"
#include "ms-document.h"

G_BEGIN_DECLS

#define MS_TYPE_DEPARTMENTS_PAGE (ms_departments_page_get_type ())

G_DECLARE_FINAL_TYPE (MsDepartmentsPage, ms_departments_page, MS, DEPARTMENTS_PAGE, GtkWidget)

void           ms_departments_page_set_document    (MsDepartmentsPage *self,
                                                    MsDocument        *document);
GtkWidget     *ms_departments_page_get_chart       (MsDepartmentsPage *self);
guint          ms_departments_page_get_n_rows      (MsDepartmentsPage *self);
MsDepartments *ms_departments_page_get_departments (MsDepartmentsPage *self);

G_END_DECLS
