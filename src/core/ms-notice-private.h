/* ms-notice-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-notice.h"

G_BEGIN_DECLS

char *_ms_notice_decode (const char  *data,
                         gsize        length,
                         char       **encoding);

char     *_ms_notice_to_simplified  (const char *text);
gboolean  _ms_notice_is_traditional (const char *text);

gboolean  _ms_notice_is_header_word (const char *cell);

gboolean  _ms_notice_is_blank_char  (gunichar    c);
char     *_ms_notice_trim           (const char *text);

G_END_DECLS
