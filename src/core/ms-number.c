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

static int
chinese_digit_value (gunichar c)
{
  static const gunichar digits[] = {
    0x96F6 /* 零 */, 0x4E00 /* 一 */, 0x4E8C /* 二 */, 0x4E09 /* 三 */, 0x56DB /* 四 */,
    0x4E94 /* 五 */, 0x516D /* 六 */, 0x4E03 /* 七 */, 0x516B /* 八 */, 0x4E5D /* 九 */,
  };

  if (c == 0x3007 /* 〇 */)
    return 0;
  if (c == 0x4E24 /* 两 */)
    return 2;
  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    {
      if (digits[i] == c)
        return (int)i;
    }

  return -1;
}

/**
 * ms_number_from_chinese_numeral:
 *
 * Reads a numeral as notices number their groups: 一 → 1, 十二 → 12,
 * 二十 → 20, 一百零五 → 105.
 *
 * Returns: %FALSE when @text is not a whole numeral
 */
gboolean
ms_number_from_chinese_numeral (const char *text,
                                guint      *number)
{
  guint total = 0;
  guint section = 0;
  int digit = -1;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (number != NULL, FALSE);

  if (*text == '\0')
    return FALSE;

  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);
      guint unit = 0;
      int value = chinese_digit_value (c);

      if (value >= 0)
        {
          digit = value;
          continue;
        }

      if (c == 0x5341 /* 十 */)
        unit = 10;
      else if (c == 0x767E /* 百 */)
        unit = 100;
      else if (c == 0x5343 /* 千 */)
        unit = 1000;
      else
        return FALSE;

      /* 十 alone at the start means 一十. */
      section += (digit < 0 ? 1 : (guint)digit) * unit;
      digit = -1;
    }

  total = section + (digit > 0 ? (guint)digit : 0);
  if (total == 0)
    return FALSE;

  *number = total;
  return TRUE;
}
