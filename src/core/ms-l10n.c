/* ms-l10n.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-l10n"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-l10n.h"
#include "ms-paths.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

G_LOCK_DEFINE_STATIC (catalogs);
static GHashTable *catalogs;

static guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads a compiled gettext catalogue (.mo): a table of original strings and
 * a table of translations, each entry a length and an offset. Only the
 * singular form is kept: report labels use no plurals. */
static GHashTable *
load_catalog (const char *path)
{
  g_autofree guint8 *data = NULL;
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gsize length = 0;
  guint32 magic, count, originals, translations;
  gboolean swapped;

  if (!g_file_get_contents (path, (char **)&data, &length, NULL) || length < 28)
    return table;

  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return table;
  swapped = magic == MO_MAGIC_SWAPPED;

  count = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);

  for (guint32 i = 0; i < count; i++)
    {
      gsize entry = (gsize)i * 8;
      guint32 original_length, original_offset, translation_length, translation_offset;

      if (originals + entry + 8 > length || translations + entry + 8 > length)
        break;

      original_length = read_u32 (data, originals + entry, swapped);
      original_offset = read_u32 (data, originals + entry + 4, swapped);
      translation_length = read_u32 (data, translations + entry, swapped);
      translation_offset = read_u32 (data, translations + entry + 4, swapped);

      if ((gsize)original_offset + original_length >= length ||
          (gsize)translation_offset + translation_length >= length ||
          original_length == 0)
        continue;

      /* Plural entries hold "singular\0plural": the key is the singular. */
      g_hash_table_insert (table,
                           g_strdup ((const char *)data + original_offset),
                           g_strdup ((const char *)data + translation_offset));
    }

  return table;
}

static GHashTable *
get_catalog (const char *language)
{
  GHashTable *catalog;

  G_LOCK (catalogs);

  if (catalogs == NULL)
    catalogs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_hash_table_unref);

  catalog = g_hash_table_lookup (catalogs, language);
  if (catalog == NULL)
    {
      g_autofree char *path = g_build_filename (ms_paths_get_locale_dir (), language,
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      catalog = load_catalog (path);
      g_hash_table_insert (catalogs, g_strdup (language), catalog);
    }

  G_UNLOCK (catalogs);

  return catalog;
}

/**
 * ms_l10n_get_system_language:
 *
 * Returns: "zh_CN" when the interface is in Chinese, else "en"
 */
const char *
ms_l10n_get_system_language (void)
{
  /* GLib gives the same array of names until the environment changes: the
   * answer is kept for it, as figures are formatted by the thousand. The
   * array and the answer go together in one atomic word (names are aligned,
   * the low bit says Chinese), as checks format figures on several threads. */
  static gpointer known;
  const char * const *names = g_get_language_names ();
  guintptr cached = (guintptr)g_atomic_pointer_get (&known);
  gboolean chinese = FALSE;

  if (cached != 0 && (const char * const *)(cached & ~(guintptr)1) == names)
    return (cached & 1) ? "zh_CN" : "en";

  /* The interface follows gettext; formats follow the interface. */
  if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, "Completed"), "Completed") != 0)
    chinese = TRUE;
  else
    for (guint i = 0; names[i] != NULL; i++)
      {
        if (g_str_has_prefix (names[i], "zh"))
          {
            chinese = TRUE;
            break;
          }
        if (!g_str_equal (names[i], "C") && !g_str_equal (names[i], "POSIX"))
          break;
      }

  g_atomic_pointer_set (&known, (gpointer)((guintptr)names | (chinese ? 1 : 0)));
  return chinese ? "zh_CN" : "en";
}

/**
 * ms_l10n_normalize_language:
 * @language: (nullable): "zh_CN", "zh", "en", "en_US" …, or %NULL for the interface's
 *
 * Returns: "zh_CN" or "en"
 */
const char *
ms_l10n_normalize_language (const char *language)
{
  if (language == NULL || language[0] == '\0')
    return ms_l10n_get_system_language ();

  return g_str_has_prefix (language, "zh") ? "zh_CN" : "en";
}

gboolean
ms_l10n_is_chinese (const char *language)
{
  return g_str_equal (ms_l10n_normalize_language (language), "zh_CN");
}

/**
 * ms_l10n_translate:
 *
 * Translates @msgid (marked with N_() in the sources) into @language,
 * whatever the language of the interface.
 *
 * Returns: (transfer none): the translation, or @msgid
 */
const char *
ms_l10n_translate (const char *language,
                   const char *msgid)
{
  const char *translation;

  language = ms_l10n_normalize_language (language);
  if (g_str_equal (language, "en"))
    return msgid;

  translation = g_hash_table_lookup (get_catalog (language), msgid);
  return translation != NULL && translation[0] != '\0' ? translation : msgid;
}

/**
 * ms_l10n_ngettext:
 *
 * The singular or plural form for @n in @language. Chinese has one form;
 * English uses the singular for 1.
 *
 * Returns: (transfer none): the form to use
 */
const char *
ms_l10n_ngettext (const char *language,
                  const char *singular,
                  const char *plural,
                  gulong      n)
{
  const char *translation;

  language = ms_l10n_normalize_language (language);
  if (g_str_equal (language, "en"))
    return n == 1 ? singular : plural;

  /* Catalogue entries with plurals are found by their singular. */
  translation = g_hash_table_lookup (get_catalog (language), singular);
  if (translation != NULL && translation[0] != '\0')
    return translation;

  return n == 1 ? singular : plural;
}

/**
 * ms_l10n_split_unit:
 * @scale: (out): 10 000 for 万, 100 000 000 for 亿, else 1
 *
 * Returns: (transfer none): the unit without its magnitude: "人次" for "万人次"
 */
const char *
ms_l10n_split_unit (const char *unit,
                    double     *scale)
{
  *scale = 1;

  if (unit == NULL)
    return "";

  if (g_str_has_prefix (unit, "万亿") && unit[strlen ("万亿")] != '\0')
    {
      *scale = 1e12;
      return unit + strlen ("万亿");
    }
  if (g_str_has_prefix (unit, "亿") && unit[strlen ("亿")] != '\0')
    {
      *scale = 1e8;
      return unit + strlen ("亿");
    }
  /* 万平方米, 万人次: but not 万元 alone? 万元 is 10 000 元 too. */
  if (g_str_has_prefix (unit, "万") && unit[strlen ("万")] != '\0')
    {
      *scale = 1e4;
      return unit + strlen ("万");
    }

  return unit;
}

/* Up to @decimals decimals, trailing zeros dropped, "." as in both languages. */
static char *
format_plain (double value,
              int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];
  char *dot;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  dot = strchr (buffer, '.');
  if (dot != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (end > dot && *end == '0')
        *end-- = '\0';
      if (end == dot)
        *end = '\0';
    }

  if (g_str_equal (buffer, "-0"))
    return g_strdup ("0");

  return g_strdup (buffer);
}

static char *
group_thousands (const char *plain)
{
  const char *dot = strchr (plain, '.');
  gsize integer_length = dot ? (gsize)(dot - plain) : strlen (plain);
  GString *out = g_string_new (NULL);
  gsize start = plain[0] == '-' ? 1 : 0;

  g_string_append_len (out, plain, start);
  for (gsize i = start; i < integer_length; i++)
    {
      if (i > start && (integer_length - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
  if (dot != NULL)
    g_string_append (out, dot);

  return g_string_free (out, FALSE);
}

/* Significant digits that stay readable: 1.18亿, 11.3万, 47,350. */
static int
decimals_for (double value,
              int    significant)
{
  double magnitude = fabs (value);
  int digits = magnitude >= 1 ? (int)floor (log10 (magnitude)) + 1 : 1;

  return MAX (0, significant - digits);
}

/**
 * ms_l10n_format_number:
 *
 * A count or amount for the reader: in Chinese 4.7万, 1.18亿, 47350; in
 * English 47,000, 118 million.
 *
 * Returns: (transfer full): the text
 */
char *
ms_l10n_format_number (const char *language,
                       double      value)
{
  double magnitude = fabs (value);

  if (!isfinite (value))
    return g_strdup ("—");

  if (ms_l10n_is_chinese (language))
    {
      if (magnitude >= 1e8)
        {
          g_autofree char *plain = format_plain (value / 1e8, decimals_for (value / 1e8, 3));

          return g_strconcat (plain, "亿", NULL);
        }
      if (magnitude >= 1e5)
        {
          g_autofree char *plain = format_plain (value / 1e4, decimals_for (value / 1e4, 3));

          return g_strconcat (plain, "万", NULL);
        }
      return format_plain (value, magnitude >= 100 ? 1 : 2);
    }

  if (magnitude >= 1e9)
    {
      g_autofree char *plain = format_plain (value / 1e9, decimals_for (value / 1e9, 3));

      return g_strconcat (plain, " billion", NULL);
    }
  if (magnitude >= 1e6)
    {
      g_autofree char *plain = format_plain (value / 1e6, decimals_for (value / 1e6, 3));

      return g_strconcat (plain, " million", NULL);
    }

  {
    g_autofree char *plain = format_plain (value, magnitude >= 100 ? 1 : 2);

    return group_thousands (plain);
  }
}

/**
 * ms_l10n_format_figure:
 * @value: the figure in @unit, as the file holds it (4.7 with 万人次)
 *
 * Returns: (transfer full): "4.7万人次" in Chinese, "47,000 人次" in English
 */
char *
ms_l10n_format_figure (const char *language,
                       double      value,
                       const char *unit)
{
  double scale;
  const char *base = ms_l10n_split_unit (unit, &scale);
  g_autofree char *number = NULL;

  if (g_str_equal (base, "%") || g_str_equal (base, "‰"))
    {
      number = format_plain (value, 2);
      return g_strconcat (number, base, NULL);
    }

  /* Chinese keeps a magnitude the notice wrote: 3.3万人, not 33000人. */
  if (ms_l10n_is_chinese (language) && scale > 1)
    {
      /* Three significant digits read well: 1.1778亿元 → 1.18亿元. */
      number = format_plain (value, decimals_for (value, 3));
      return g_strconcat (number, unit, NULL);
    }

  number = ms_l10n_format_number (language, value * scale);

  if (base[0] == '\0')
    return g_steal_pointer (&number);

  /* Units are Chinese text from the file; English puts a space before them. */
  if (ms_l10n_is_chinese (language))
    return g_strconcat (number, base, NULL);

  return g_strconcat (number, " ", base, NULL);
}

/**
 * ms_l10n_format_percent:
 * @share: 1.0 for 100%
 *
 * Returns: (transfer full): "85.37%", "187.5%", "100%"
 */
char *
ms_l10n_format_percent (const char *language,
                        double      share)
{
  g_autofree char *plain = NULL;

  if (!isfinite (share))
    return g_strdup ("—");

  plain = format_plain (share * 100, fabs (share) >= 10 ? 0 : 1);
  return g_strconcat (plain, "%", NULL);
}

/**
 * ms_l10n_format_date:
 *
 * Returns: (transfer full): "2024年11月29日" or "29 November 2024"
 */
char *
ms_l10n_format_date (const char *language,
                     GDateTime  *date)
{
  /* English month names do not depend on the process locale. */
  static const char * const months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
  };

  if (ms_l10n_is_chinese (language))
    return g_strdup_printf ("%d年%d月%d日", g_date_time_get_year (date),
                            g_date_time_get_month (date), g_date_time_get_day_of_month (date));

  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1], g_date_time_get_year (date));
}

/**
 * ms_l10n_dup_catalog_text:
 * @language: "zh_CN" or "en"
 *
 * Every message of the interface in @language and its original, run
 * together: what a report in that language may write besides the file's text.
 *
 * Returns: (transfer full): the text
 */
char *
ms_l10n_dup_catalog_text (const char *language)
{
  GString *text = g_string_new (NULL);
  GHashTable *catalog;
  GHashTableIter iter;
  gpointer original, translation;

  language = ms_l10n_normalize_language (language);
  if (g_str_equal (language, "en"))
    return g_string_free (text, FALSE);

  catalog = get_catalog (language);
  G_LOCK (catalogs);
  g_hash_table_iter_init (&iter, catalog);
  while (g_hash_table_iter_next (&iter, &original, &translation))
    {
      g_string_append (text, original);
      g_string_append (text, translation);
    }
  G_UNLOCK (catalogs);

  return g_string_free (text, FALSE);
}
