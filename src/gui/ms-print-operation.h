/* ms-print-operation.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-report.h"

G_BEGIN_DECLS

#define MS_TYPE_PRINT_OPERATION (ms_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (MsPrintOperation, ms_print_operation, MS, PRINT_OPERATION, GtkPrintOperation)

MsPrintOperation        *ms_print_operation_new (MsReport                 *report);
GtkPrintOperationResult  ms_print_operation_run (MsPrintOperation         *self,
                                                 GtkPrintOperationAction   action,
                                                 GtkWindow                *parent,
                                                 GError                  **error);
GtkPrintOperationResult  ms_print_run           (GtkWindow                *parent,
                                                 MsReport                 *report,
                                                 GtkPrintOperationAction   action,
                                                 const char               *export_path,
                                                 GError                  **error);

G_END_DECLS
