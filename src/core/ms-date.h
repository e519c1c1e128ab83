/* ms-date.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar day as a GDate Julian day number (0001-01-01 is 1); 0 is "no date". */
typedef guint32 MsDate;

#define MS_DATE_NONE 0
/* Dates in a yearly file lie in the years a file may have. */
#define MS_DATE_MIN_YEAR 1900
#define MS_DATE_MAX_YEAR 2200
/* "YYYY-MM-DD" and its terminator. */
#define MS_DATE_BUFSIZE 11

MsDate      ms_date_from_ymd (int          year,
                              int          month,
                              int          day);
gboolean    ms_date_parse    (const char  *text,
                              MsDate      *date);
const char *ms_date_format   (char        *buffer,
                              gsize        size,
                              MsDate       date);
char       *ms_date_to_string (MsDate      date);
int         ms_date_get_year (MsDate       date);
MsDate      ms_date_today    (void);

G_END_DECLS
