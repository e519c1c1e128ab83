/* ms-report-docx.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of all projects as an editable Word document.
 */

#define G_LOG_DOMAIN "ms-report-docx"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "ms-report.h"

/* Not written yet: the writer lands with the 公文 table. */
gboolean
ms_report_write_docx (MsReport    *report,
                      const char  *path,
                      GError     **error)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Word documents cannot be written yet"));
  return FALSE;
}
