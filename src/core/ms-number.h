/* ms-number.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Large enough for any double written by ms_number_format_json(). */
#define MS_NUMBER_JSON_BUFSIZE 32

char *ms_number_format_json (char   *buffer,
                             gsize   buffer_size,
                             double  value);

char     *ms_number_to_chinese_numeral   (guint       number);
gboolean  ms_number_from_chinese_numeral (const char *text,
                                          guint      *number);


G_END_DECLS
