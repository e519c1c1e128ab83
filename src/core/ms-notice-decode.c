/* ms-notice-decode.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-decode"

#include "config.h"

#include <string.h>

#include "ms-notice-private.h"

/* The bytes of a notice as text: UTF-8 with or without BOM, UTF-16 with BOM,
 * or GB18030 (which reads GBK too). @encoding is set to the name of the one found.
 *
 * Returns: (transfer full) (nullable): the text as UTF-8 */
char *
_ms_notice_decode (const char  *data,
                   gsize        length,
                   char       **encoding)
{
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 &&
      g_utf8_validate_len (data + 3, length - 3, NULL))
    {
      *encoding = g_strdup ("UTF-8 with BOM");
      return g_strndup (data + 3, length - 3);
    }

  if (length >= 2 && ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE))
    {
      *encoding = g_strdup ("UTF-16");
      return g_convert (data + 2, length - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
    }

  if (length >= 2 && ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))
    {
      *encoding = g_strdup ("UTF-16");
      return g_convert (data + 2, length - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
    }

  if (g_utf8_validate_len (data, length, NULL))
    {
      *encoding = g_strdup ("UTF-8");
      return g_strndup (data, length);
    }

  /* Chinese government files are often GBK; GB18030 reads GBK and more. */
  if (memchr (data, '\0', length) == NULL)
    {
      gsize written = 0;
      char *converted = g_convert (data, length, "UTF-8", "GB18030", NULL, &written, NULL);

      if (converted != NULL)
        {
          *encoding = g_strdup ("GB18030");
          return converted;
        }
    }

  return NULL;
}
