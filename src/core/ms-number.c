/* ms-number.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-number"

#include "config.h"

#include <math.h>

#include "ms-number.h"

/* Whole numbers below this are written without an exponent; above it a
 * double no longer holds every integer exactly. */
#define PLAIN_INTEGER_LIMIT 1e15

/**
 * ms_number_format_json:
 * @buffer: at least %MS_NUMBER_JSON_BUFSIZE bytes
 *
 * Writes @value in the shortest form that reads back as the same double,
 * independent of the locale: 113.9 stays "113.9", 1e20 becomes "1e+20".
 * json-glib 1.6 would write "113.90000000000001" and an unreadable form of 1e20.
 *
 * Returns: @buffer
 */
char *
ms_number_format_json (char   *buffer,
                       gsize   buffer_size,
                       double  value)
{
  g_return_val_if_fail (buffer != NULL, NULL);
  g_return_val_if_fail (buffer_size >= MS_NUMBER_JSON_BUFSIZE, NULL);
  g_return_val_if_fail (isfinite (value), NULL);

  if (value == 0)
    {
      /* Also turns -0 into 0: JSON readers differ on negative zero. */
      g_strlcpy (buffer, "0", buffer_size);
      return buffer;
    }

  if (value == floor (value) && fabs (value) < PLAIN_INTEGER_LIMIT)
    {
      g_snprintf (buffer, buffer_size, "%" G_GINT64_FORMAT, (gint64)value);
      return buffer;
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, buffer_size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return buffer;
}

/**
 * ms_number_to_chinese_numeral:
 *
 * Writes @number as notices number their sections and groups: 1 → 一,
 * 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五.
 *
 * Returns: (transfer full): the numeral
 */
char *
ms_number_to_chinese_numeral (guint number)
{
  static const char * const digits[] = {
    "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
  };
  static const char * const powers[] = { "", "十", "百", "千" };
  GString *out;
  gboolean pending_zero = FALSE;
  guint divisor = 1000;
  int power = 3;

  if (number == 0)
    return g_strdup (digits[0]);

  if (number >= 10000)
    return g_strdup_printf ("%u", number);

  out = g_string_new (NULL);
  while (divisor > 0)
    {
      guint digit = (number / divisor) % 10;

      if (digit == 0)
        {
          if (out->len > 0)
            pending_zero = TRUE;
        }
      else
        {
          if (pending_zero)
            g_string_append (out, digits[0]);
          pending_zero = FALSE;
          /* 十二, not 一十二, when the tens lead. */
          if (!(digit == 1 && power == 1 && out->len == 0))
            g_string_append (out, digits[digit]);
          g_string_append (out, powers[power]);
        }

      divisor /= 10;
      power--;
    }

  return g_string_free (out, FALSE);
}
