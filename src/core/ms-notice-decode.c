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

/* The share of the Han characters of @text (its first 2 000) that are
 * common ones in @charset: those whose lead byte lies in @first..@last
 * (GB2312's first level, Big5's frequent characters). */
static double
common_share (const char *text,
              const char *charset,
              guchar      first,
              guchar      last)
{
  guint han = 0, common = 0;

  for (const char *p = text; *p && han < 2000; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_autofree char *encoded = NULL;
      gsize written = 0;

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
        continue;
      han++;
      encoded = g_convert (p, g_utf8_next_char (p) - p, charset, "UTF-8", NULL, &written, NULL);
      if (encoded != NULL && written == 2 && (guchar)encoded[0] >= first && (guchar)encoded[0] <= last)
        common++;
    }

  return han > 0 ? (double)common / han : 0;
}

/* The bytes of a notice as text: UTF-8 with or without BOM, UTF-16 with BOM,
 * GB18030 (which reads GBK too), or Big5. @encoding is set to the name of the one found.
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
          char *big5 = g_convert (data, length, "UTF-8", "BIG5-HKSCS", NULL, NULL, NULL);

          /* Big5 bytes read as GBK too, into rare characters: the reading
           * with more of the common characters of its own set wins. */
          if (big5 != NULL && common_share (big5, "BIG5", 0xA4, 0xC6) >
                              common_share (converted, "GB2312", 0xB0, 0xD7) + 0.25)
            {
              g_free (converted);
              *encoding = g_strdup ("Big5");
              return big5;
            }
          g_free (big5);
          *encoding = g_strdup ("GB18030");
          return converted;
        }
    }

  return NULL;
}
