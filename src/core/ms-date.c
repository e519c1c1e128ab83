/* ms-date.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-date"

#include "config.h"

#include "ms-date.h"

/**
 * ms_date_from_ymd:
 *
 * Returns: the day, or %MS_DATE_NONE when it is not a real calendar date
 *   between %MS_DATE_MIN_YEAR and %MS_DATE_MAX_YEAR
 */
MsDate
ms_date_from_ymd (int year,
                  int month,
                  int day)
{
  GDate date;

  if (year < MS_DATE_MIN_YEAR || year > MS_DATE_MAX_YEAR ||
      month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay)day, (GDateMonth)month, (GDateYear)year))
    return MS_DATE_NONE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay)day, (GDateMonth)month, (GDateYear)year);
  return g_date_get_julian (&date);
}

/**
 * ms_date_parse:
 * @text: a date written `YYYY-MM-DD`, nothing before or after
 *
 * Returns: whether @text is a real calendar date in the years a file may have
 */
gboolean
ms_date_parse (const char *text,
               MsDate     *date)
{
  int fields[3] = { 0, 0, 0 };
  static const int widths[3] = { 4, 2, 2 };
  const char *p = text;

  *date = MS_DATE_NONE;
  if (text == NULL)
    return FALSE;

  for (guint f = 0; f < 3; f++)
    {
      for (int i = 0; i < widths[f]; i++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return FALSE;
          fields[f] = fields[f] * 10 + (*p - '0');
        }
      if (f < 2 && *p++ != '-')
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  *date = ms_date_from_ymd (fields[0], fields[1], fields[2]);
  return *date != MS_DATE_NONE;
}

/* Returns: @buffer, holding the date as `YYYY-MM-DD` ("" for no date) */
const char *
ms_date_format (char   *buffer,
                gsize   size,
                MsDate  date)
{
  GDate day;

  g_return_val_if_fail (size >= MS_DATE_BUFSIZE, buffer);

  if (date == MS_DATE_NONE || !g_date_valid_julian (date))
    {
      buffer[0] = '\0';
      return buffer;
    }

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  g_snprintf (buffer, size, "%04d-%02d-%02d",
              g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));
  return buffer;
}

char *
ms_date_to_string (MsDate date)
{
  char buffer[MS_DATE_BUFSIZE];

  return g_strdup (ms_date_format (buffer, sizeof buffer, date));
}

int
ms_date_get_year (MsDate date)
{
  GDate day;

  if (date == MS_DATE_NONE || !g_date_valid_julian (date))
    return 0;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  return g_date_get_year (&day);
}

/* Today in local time; tests and the CLI's --as-of give a date of their own. */
MsDate
ms_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return ms_date_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                           g_date_time_get_day_of_month (now));
}
