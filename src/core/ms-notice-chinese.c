/* ms-notice-chinese.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-chinese"

#include "config.h"

#include <opencc.h>
#include <string.h>

#include "ms-notice-private.h"

/* Notices from mirrors and big5 gateways come in 繁体. Labels, units and
 * numerals are matched in 简体; the text itself is kept as written. */

static GMutex converter_lock;

static opencc_t
converter (void)
{
  static opencc_t od = (opencc_t)-1;
  static gboolean tried;

  if (!tried)
    {
      tried = TRUE;
      /* Characters only: phrase tables may change a text's length, and
       * matching maps positions back into the original one to one. */
      od = opencc_open ("t2s.json");
      if (od == (opencc_t)-1)
        g_warning ("OpenCC could not open t2s.json: %s", opencc_error ());
    }

  return od;
}

/* One character at a time where a phrase changed the length. */
static char *
convert_by_character (opencc_t    od,
                      const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      const char *next = g_utf8_next_char (s);
      char *one = opencc_convert_utf8 (od, s, next - s);

      if (one != NULL && g_utf8_strlen (one, -1) == 1)
        g_string_append (result, one);
      else
        g_string_append_len (result, s, next - s);
      if (one != NULL)
        opencc_convert_utf8_free (one);
    }

  return g_string_free (result, FALSE);
}

/**
 * _ms_notice_to_simplified:
 *
 * Returns: (transfer full): @text in 简体, with as many characters as @text
 */
char *
_ms_notice_to_simplified (const char *text)
{
  opencc_t od;
  char *converted;
  char *result;

  g_mutex_lock (&converter_lock);
  od = converter ();
  if (od == (opencc_t)-1 || text == NULL)
    {
      g_mutex_unlock (&converter_lock);
      return g_strdup (text ? text : "");
    }

  converted = opencc_convert_utf8 (od, text, strlen (text));
  if (converted != NULL && g_utf8_strlen (converted, -1) == g_utf8_strlen (text, -1))
    result = g_strdup (converted);
  else
    result = convert_by_character (od, text);
  if (converted != NULL)
    opencc_convert_utf8_free (converted);
  g_mutex_unlock (&converter_lock);

  return result;
}

/**
 * _ms_notice_is_traditional:
 *
 * Whether @text is written in 繁体: enough of its Han characters change
 * when converted. A few always do in 简体 texts too (乾, 著).
 */
gboolean
_ms_notice_is_traditional (const char *text)
{
  g_autofree char *simplified = _ms_notice_to_simplified (text);
  guint han = 0, changed = 0;
  const char *a = text, *b = simplified;

  for (; *a && *b; a = g_utf8_next_char (a), b = g_utf8_next_char (b))
    {
      gunichar c = g_utf8_get_char (a);

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
        continue;
      han++;
      if (c != g_utf8_get_char (b))
        changed++;
    }

  return changed >= 5 && changed * 50 >= han;
}
