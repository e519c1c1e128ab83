/* ms-types.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ms-types.h"

/* Keys as written in the file: never translated. */
static const char * const status_keys[MS_N_STATUSES] = {
  "not-started", "in-progress", "completed", "delayed",
};

static const char * const comparison_keys[MS_N_COMPARISONS] = {
  "at-least", "at-most", "exactly", "about",
};

const char *
ms_status_to_string (MsStatus status)
{
  g_return_val_if_fail (status < MS_N_STATUSES, NULL);

  return status_keys[status];
}

gboolean
ms_status_from_string (const char *text,
                       MsStatus   *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; text != NULL && i < MS_N_STATUSES; i++)
    {
      if (g_str_equal (text, status_keys[i]))
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Labels in English, marked for translation; translated by the caller
 * into the language it draws in. */
static const char * const status_labels[MS_N_STATUSES] = {
  N_("Not started"), N_("In progress"), N_("Completed"), N_("Delayed"),
};

const char *
ms_status_get_label_untranslated (MsStatus status)
{
  g_return_val_if_fail (status < MS_N_STATUSES, NULL);

  return status_labels[status];
}

const char *
ms_status_get_label (MsStatus status)
{
  g_return_val_if_fail (status < MS_N_STATUSES, NULL);

  return _(status_labels[status]);
}

const char *
ms_comparison_to_string (MsComparison comparison)
{
  g_return_val_if_fail (comparison < MS_N_COMPARISONS, NULL);

  return comparison_keys[comparison];
}

gboolean
ms_comparison_from_string (const char   *text,
                           MsComparison *comparison)
{
  g_return_val_if_fail (comparison != NULL, FALSE);

  for (guint i = 0; text != NULL && i < MS_N_COMPARISONS; i++)
    {
      if (g_str_equal (text, comparison_keys[i]))
        {
          *comparison = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
ms_comparison_get_label (MsComparison comparison)
{
  switch (comparison)
    {
    case MS_COMPARISON_AT_LEAST:
      /* translators: a target that must be reached or exceeded (以上, 不少于) */
      return _("At least");
    case MS_COMPARISON_AT_MOST:
      /* translators: a target that must not be exceeded (以内, 不超过) */
      return _("At most");
    case MS_COMPARISON_EXACTLY:
      return _("Exactly");
    case MS_COMPARISON_ABOUT:
      /* translators: an approximate target (约, 左右) */
      return _("About");
    default:
      g_return_val_if_reached (NULL);
    }
}
