/* ms-check.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-check"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ms-check.h"

void
ms_finding_free (MsFinding *finding)
{
  if (finding == NULL)
    return;

  g_clear_object (&finding->project);
  g_clear_object (&finding->indicator);
  g_free (finding->message);
  g_free (finding);
}
