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
#include "ms-number.h"
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
 * English plain digits with thousands separators, 47,000 and 118,000,000,
 * as English readers do not count in 万.
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

  {
    g_autofree char *plain = format_plain (value, magnitude >= 100 ? 1 : 2);

    return group_thousands (plain);
  }
}

typedef struct
{
  const char *chinese;
  /* English, marked for translation: the singular for exactly one. */
  const char *singular;
  const char *plural;
} UnitName;

/* The glossary of units an English text writes in words or symbols; any
 * other unit is written as the file has it. Counting words (个, 座, 所 …)
 * have no English equal: each gets a neutral noun that stays true for the
 * things notices count with it, as the indicator's name says what they are. */
static const UnitName unit_names[] = {
  /* translators: English names of Chinese units, used only in English
   * figures such as "47,000 person-times"; a Chinese translation is the
   * Chinese unit itself (人次) */
  { "人次", N_("person-time"), N_("person-times") },
  { "人", N_("person"), N_("people") },
  { "名", N_("person"), N_("people") },
  { "位", N_("person"), N_("people") },
  { "户", N_("household"), N_("households") },
  /* translators: unit symbols: kilometre, metre, square and cubic metre,
   * square kilometre, hectare, tonne, kilowatt, kilovolt */
  { "公里", N_("km"), N_("km") },
  { "千米", N_("km"), N_("km") },
  { "米", N_("m"), N_("m") },
  { "平方公里", N_("km²"), N_("km²") },
  { "平方米", N_("m²"), N_("m²") },
  { "立方米", N_("m³"), N_("m³") },
  { "公顷", N_("ha"), N_("ha") },
  /* translators: 亩, the Chinese land measure (1/15 ha), in English */
  { "亩", N_("mu"), N_("mu") },
  { "吨", N_("t"), N_("t") },
  { "千瓦", N_("kW"), N_("kW") },
  { "千伏", N_("kV"), N_("kV") },
  /* translators: micrograms per cubic metre, as air quality is measured */
  { "微克/立方米", N_("µg/m³"), N_("µg/m³") },
  /* translators: 元, the Chinese currency, in English */
  { "元", N_("yuan"), N_("yuan") },
  { "小时", N_("hour"), N_("hours") },
  { "天", N_("day"), N_("days") },
  { "年", N_("year"), N_("years") },
  { "个月", N_("month"), N_("months") },
  /* Generic counting words: things made, machines, sets and dwellings,
   * roads and lines, beds and cards. */
  { "个", N_("unit"), N_("units") },
  { "台", N_("unit"), N_("units") },
  { "套", N_("unit"), N_("units") },
  { "条", N_("unit"), N_("units") },
  { "张", N_("unit"), N_("units") },
  /* Bridges, stations, parks, public toilets. */
  { "座", N_("facility"), N_("facilities") },
  { "处", N_("site"), N_("sites") },
  /* Schools, hospitals, kindergartens. */
  { "所", N_("institution"), N_("institutions") },
  /* Shops, businesses, hospitals, care homes. */
  { "家", N_("establishment"), N_("establishments") },
  { "辆", N_("vehicle"), N_("vehicles") },
  { "间", N_("room"), N_("rooms") },
  { "栋", N_("building"), N_("buildings") },
  { "床", N_("bed"), N_("beds") },
  { "项", N_("item"), N_("items") },
  { "件", N_("item"), N_("items") },
  { "批", N_("batch"), N_("batches") },
  { "批次", N_("batch"), N_("batches") },
  { "次", N_("time"), N_("times") },
  { "场", N_("event"), N_("events") },
  { "场次", N_("session"), N_("sessions") },
  { "例", N_("case"), N_("cases") },
  { "份", N_("copy"), N_("copies") },
  { "组", N_("team"), N_("teams") },
  { "支", N_("team"), N_("teams") },
  /* Teeth sealed, seedlings, small things counted one by one. */
  { "颗", N_("piece"), N_("pieces") },
  { "棵", N_("tree"), N_("trees") },
  { "株", N_("plant"), N_("plants") },
};

static const UnitName *
find_unit_name (const char *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (unit_names); i++)
    {
      if (g_str_equal (unit_names[i].chinese, unit))
        return &unit_names[i];
    }

  return NULL;
}

/* @value times @scale, kept to the digits the file wrote: 4.7 × 10 000 is
 * 47 000, not 47 000.000000000007, and 3.6573 × 10 000 keeps no decimal. */
static double
fold_magnitude (double value,
                double scale)
{
  char written[MS_NUMBER_JSON_BUFSIZE];
  g_autofree char *folded = NULL;
  const char *dot;
  int decimals = 0;

  if (scale == 1 || !isfinite (value))
    return value;

  ms_number_format_json (written, sizeof written, value);
  /* An exponent means the figure is beyond any count: leave it as it is. */
  if (strpbrk (written, "eE") != NULL)
    return value * scale;

  dot = strchr (written, '.');
  if (dot != NULL)
    decimals = (int)strlen (dot + 1);
  decimals = MAX (0, decimals - (int)lround (log10 (scale)));

  folded = format_plain (value * scale, decimals);
  return g_ascii_strtod (folded, NULL);
}

/**
 * ms_l10n_present_figure:
 * @value: the figure in @unit, as the file holds it (4.7 with 万人次)
 * @unit: (nullable): the unit as the file writes it
 * @shown_value: (out) (optional): the figure to write before the unit;
 *   when %NULL, the unit is given as a heading writes it (plural)
 *
 * The one rule for figures in a language. Chinese writes the figure and
 * unit as the file does. English folds 万 and 亿 into the figure and names
 * the unit from a glossary: 4.7 万人次 is 47 000 person-times, 30 000 万元
 * 300 000 000 yuan; a unit not in the glossary stays as written after the
 * folded figure (12 盏), so no English multiplier sits next to a Chinese unit.
 *
 * Returns: (transfer none): the unit to write after the figure
 */
const char *
ms_l10n_present_figure (const char *language,
                        double      value,
                        const char *unit,
                        double     *shown_value)
{
  const UnitName *name;
  const char *base;
  double scale;
  double shown;

  if (unit == NULL)
    unit = "";

  if (ms_l10n_is_chinese (language))
    {
      if (shown_value != NULL)
        *shown_value = value;
      return unit;
    }

  base = ms_l10n_split_unit (unit, &scale);
  shown = fold_magnitude (value, scale);
  if (shown_value != NULL)
    *shown_value = shown;

  name = find_unit_name (base);
  if (name == NULL)
    return base;

  /* "1 person", as the figure is written, so 1.001 is no person either. */
  if (shown_value != NULL)
    {
      g_autofree char *number = ms_l10n_format_number (language, shown);

      if (g_str_equal (number, "1"))
        return ms_l10n_translate (language, name->singular);
    }

  return ms_l10n_translate (language, name->plural);
}

/**
 * ms_l10n_format_figure_value:
 * @value: the figure in @unit, as the file holds it
 *
 * The figure without its unit, in the unit ms_l10n_present_figure() names:
 * for axes and labels under a heading that gives the unit. Chinese writes
 * it as ms_l10n_format_number() does.
 *
 * Returns: (transfer full): "47,000" for 4.7 万人次 in English
 */
char *
ms_l10n_format_figure_value (const char *language,
                             double      value,
                             const char *unit)
{
  double shown;

  ms_l10n_present_figure (language, value, unit, &shown);
  return ms_l10n_format_number (language, shown);
}

/**
 * ms_l10n_format_figure:
 * @value: the figure in @unit, as the file holds it (4.7 with 万人次)
 *
 * Returns: (transfer full): "4.7万人次" in Chinese, "47,000 person-times"
 *   in English (see ms_l10n_present_figure())
 */
char *
ms_l10n_format_figure (const char *language,
                       double      value,
                       const char *unit)
{
  double scale;
  const char *base = ms_l10n_split_unit (unit, &scale);
  const char *shown_unit;
  g_autofree char *number = NULL;
  double shown;

  if (g_str_equal (base, "%") || g_str_equal (base, "‰"))
    {
      number = format_plain (value, 2);
      return g_strconcat (number, base, NULL);
    }

  if (ms_l10n_is_chinese (language))
    {
      /* Chinese keeps a magnitude the notice wrote: 3.3万人, not 33000人. */
      if (scale > 1)
        {
          /* Three significant digits read well: 1.1778亿元 → 1.18亿元. */
          number = format_plain (value, decimals_for (value, 3));
          return g_strconcat (number, unit, NULL);
        }

      number = ms_l10n_format_number (language, value);
      return g_strconcat (number, base, NULL);
    }

  shown_unit = ms_l10n_present_figure (language, value, unit, &shown);
  number = ms_l10n_format_number (language, shown);

  if (shown_unit[0] == '\0')
    return g_steal_pointer (&number);

  return g_strconcat (number, " ", shown_unit, NULL);
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
