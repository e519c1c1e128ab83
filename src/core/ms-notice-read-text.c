/* ms-notice-read-text.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-read-text"

#include "config.h"

#include <string.h>

#include "ms-notice-blocks.h"

static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}

static char *
trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!is_blank_char (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

MsNoticeBlocks *
ms_notice_read_text (const char *text)
{
  MsNoticeBlocks *blocks = ms_notice_blocks_new ("text");
  g_auto(GStrv) raw = g_regex_split_simple ("\\r\\n|\\r|\\n", text, 0, 0);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *trimmed = trim (raw[i]);

      if (trimmed[0] != '\0')
        ms_notice_blocks_add_paragraph (blocks, i + 1, trimmed);
    }

  return blocks;
}
