/* ms-quantity.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-quantity"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ms-indicator.h"
#include "ms-number.h"
#include "ms-quantity.h"

/* Text is scanned as an array of characters with full-width forms folded to
 * ASCII (１２．５％ → 12.5%), one character for one, so offsets found in the
 * folded text also cut the text as written. */
typedef struct
{
  gunichar *original;
  gunichar *folded;
  glong     length;
} Text;

typedef struct
{
  const char *unit;
  const char *family;
  /* Factor to the family's common measure, so 1 公里 equals 1000 米. */
  double      factor;
  gboolean    descriptive;
} UnitInfo;

/* Longest first, so that 人次 wins over 人 and 平方米 over 米. */
static const UnitInfo units[] = {
  { "平方公里", "area-km", 1, FALSE },
  { "平方千米", "area-km", 1, FALSE },
  { "平方米", "area", 1, FALSE },
  { "立方米", "volume", 1, FALSE },
  { "公里", "length", 1000, FALSE },
  { "km", "length", 1000, FALSE },
  { "㎡", "area", 1, FALSE },
  { "m²", "area", 1, FALSE },
  { "千米", "length", 1000, FALSE },
  { "公顷", "hectare", 1, FALSE },
  { "千瓦", "power", 1, FALSE },
  { "千伏", "voltage", 1, TRUE },
  { "人次", "person", 1, FALSE },
  { "场次", "event", 1, FALSE },
  { "台次", "machine", 1, FALSE },
  { "户次", "household", 1, FALSE },
  { "小时", "hour", 1, FALSE },
  { "周岁", "age", 1, TRUE },
  { "个", "count", 1, FALSE },
  { "人", "person", 1, FALSE },
  { "名", "person", 1, FALSE },
  { "户", "household", 1, FALSE },
  { "家", "count", 1, FALSE },
  { "所", "count", 1, FALSE },
  { "座", "count", 1, FALSE },
  { "处", "count", 1, FALSE },
  { "项", "count", 1, FALSE },
  { "条", "count", 1, FALSE },
  { "台", "machine", 1, FALSE },
  { "颗", "piece", 1, FALSE },
  { "片", "count", 1, FALSE },
  { "册", "book", 1, FALSE },
  { "场", "event", 1, FALSE },
  { "次", "event", 1, FALSE },
  { "米", "length", 1, FALSE },
  { "亩", "mu", 1, FALSE },
  { "吨", "ton", 1, FALSE },
  { "套", "set", 1, FALSE },
  { "间", "room", 1, FALSE },
  { "张", "sheet", 1, FALSE },
  { "辆", "vehicle", 1, FALSE },
  { "批", "batch", 1, FALSE },
  { "天", "day", 1, FALSE },
  { "件", "item", 1, FALSE },
  { "例", "case", 1, FALSE },
  { "份", "copy", 1, FALSE },
  { "盏", "lamp", 1, FALSE },
  { "组", "team", 1, FALSE },
  { "支", "team", 1, FALSE },
  { "栋", "building", 1, FALSE },
  { "床", "bed", 1, FALSE },
  { "张", "sheet", 1, FALSE },
  { "位", "person", 1, FALSE },
  { "只", "piece", 1, FALSE },
  { "棵", "tree", 1, FALSE },
  { "株", "tree", 1, FALSE },
  { "块", "piece", 1, FALSE },
  { "部", "piece", 1, FALSE },
  { "根", "piece", 1, FALSE },
  { "口", "well", 1, FALSE },
  { "元", "money", 1, FALSE },
  { "%", "percent", 1, FALSE },
  { "‰", "permille", 1, FALSE },
  { "倍", "times", 1, TRUE },
  { "届", "ordinal", 1, TRUE },
  { "年", "year", 1, TRUE },
  { "月", "month", 1, TRUE },
  { "日", "day-of-month", 1, TRUE },
  { "号", "ordinal", 1, TRUE },
  { "岁", "age", 1, TRUE },
  { "级", "grade", 1, TRUE },
  { "点", "point", 1, TRUE },
};

typedef struct
{
  const char   *word;
  MsComparison  comparison;
  /* Raising something "to" a money figure states a standard, not a pledge. */
  gboolean      standard_for_money;
} BoundWord;

/* Words before a figure; longest first. */
static const BoundWord bound_prefixes[] = {
  { "不少于", MS_COMPARISON_AT_LEAST, FALSE },
  { "不低于", MS_COMPARISON_AT_LEAST, FALSE },
  { "提高至", MS_COMPARISON_AT_LEAST, TRUE },
  { "提高到", MS_COMPARISON_AT_LEAST, TRUE },
  { "提升至", MS_COMPARISON_AT_LEAST, TRUE },
  { "提升到", MS_COMPARISON_AT_LEAST, TRUE },
  { "增加至", MS_COMPARISON_AT_LEAST, TRUE },
  { "增加到", MS_COMPARISON_AT_LEAST, TRUE },
  { "不超过", MS_COMPARISON_AT_MOST, FALSE },
  { "不高于", MS_COMPARISON_AT_MOST, FALSE },
  { "控制在", MS_COMPARISON_AT_MOST, FALSE },
  { "压缩至", MS_COMPARISON_AT_MOST, FALSE },
  { "压缩到", MS_COMPARISON_AT_MOST, FALSE },
  { "缩短至", MS_COMPARISON_AT_MOST, FALSE },
  { "缩短到", MS_COMPARISON_AT_MOST, FALSE },
  { "降低至", MS_COMPARISON_AT_MOST, FALSE },
  { "降低到", MS_COMPARISON_AT_MOST, FALSE },
  { "降至", MS_COMPARISON_AT_MOST, FALSE },
  { "达到", MS_COMPARISON_AT_LEAST, FALSE },
  { "超过", MS_COMPARISON_AT_LEAST, FALSE },
  { "至少", MS_COMPARISON_AT_LEAST, FALSE },
  { "突破", MS_COMPARISON_AT_LEAST, FALSE },
  { "大约", MS_COMPARISON_ABOUT, FALSE },
  { "约", MS_COMPARISON_ABOUT, FALSE },
  { "近", MS_COMPARISON_ABOUT, FALSE },
  { "达", MS_COMPARISON_AT_LEAST, FALSE },
  { "至", MS_COMPARISON_AT_LEAST, TRUE },
  { "到", MS_COMPARISON_AT_LEAST, TRUE },
};

/* Words after a figure. */
static const BoundWord bound_suffixes[] = {
  { "以上", MS_COMPARISON_AT_LEAST, FALSE },
  { "以内", MS_COMPARISON_AT_MOST, FALSE },
  { "以下", MS_COMPARISON_AT_MOST, FALSE },
  { "左右", MS_COMPARISON_ABOUT, FALSE },
};

/* Words that lead a clause without naming what is counted. */
static const char * const filler_words[] = {
  "全年", "年内", "年底前", "今年", "全市", "累计", "力争", "确保", "共计", "共",
  "实现", "完成", "其中", "并", "再", "和", "及", "与", "的", "对", "为",
};

void
ms_quantity_free (MsQuantity *quantity)
{
  if (quantity == NULL)
    return;

  g_free (quantity->magnitude);
  g_free (quantity->unit);
  g_free (quantity->before);
  g_free (quantity->after);
  g_free (quantity->context);
  g_free (quantity);
}

static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF01 && c <= 0xFF5E)
    return c - 0xFEE0;
  if (c == 0x3000 || c == 0x00A0)
    return ' ';
  /* NFKC where it keeps one character for one: ① → 1, ㎞ stays (two). */
  if ((c >= 0x2070 && c < 0x2E00) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c < 0xFF00))
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

      if (g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed)) == 1)
        return decomposed[0];
    }
  return c;
}

/**
 * ms_text_normalize:
 *
 * Returns: (transfer full): @text with full-width letters, digits and
 *   punctuation folded to ASCII, character for character
 */
char *
ms_text_normalize (const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong length = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &length);
  for (glong i = 0; i < length; i++)
    chars[i] = fold_char (chars[i]);

  return g_ucs4_to_utf8 (chars, length, NULL, NULL, NULL);
}

static void
text_init (Text       *text,
           const char *utf8)
{
  text->original = g_utf8_to_ucs4_fast (utf8 ? utf8 : "", -1, &text->length);
  text->folded = g_new (gunichar, text->length + 1);
  for (glong i = 0; i < text->length; i++)
    text->folded[i] = fold_char (text->original[i]);
  text->folded[text->length] = 0;
}

static void
text_clear (Text *text)
{
  g_clear_pointer (&text->original, g_free);
  g_clear_pointer (&text->folded, g_free);
}

static char *
text_slice (const Text *text,
            glong       start,
            glong       end)
{
  start = CLAMP (start, 0, text->length);
  end = CLAMP (end, start, text->length);

  return g_ucs4_to_utf8 (text->original + start, end - start, NULL, NULL, NULL);
}

/* Does the folded text have @word (UTF-8) at @pos? */
static gboolean
text_has_at (const Text *text,
             glong       pos,
             const char *word)
{
  for (const char *w = word; *w; w = g_utf8_next_char (w), pos++)
    {
      if (pos < 0 || pos >= text->length || text->folded[pos] != g_utf8_get_char (w))
        return FALSE;
    }

  return TRUE;
}

static gboolean
text_has_before (const Text *text,
                 glong       end,
                 const char *word)
{
  return text_has_at (text, end - g_utf8_strlen (word, -1), word);
}

static gboolean
is_ascii_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

/* Clauses end at commas, stops, semicolons, colons and line ends. */
static gboolean
is_clause_break (gunichar c)
{
  return c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n' ||
         c == 0x3002 /* 。 */;
}

static gboolean
is_sentence_break (gunichar c)
{
  return c == ';' || c == '!' || c == '?' || c == '\n' || c == 0x3002;
}

/* Each unit's first character, read once: matching a unit after each
 * figure compares against every unit, and most differ at once. */
static const gunichar *
unit_first_chars (void)
{
  static gunichar first[G_N_ELEMENTS (units)];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        first[i] = g_utf8_get_char (units[i].unit);
      g_once_init_leave (&initialized, 1);
    }
  return first;
}

static const UnitInfo *
match_unit (const Text *text,
            glong       pos)
{
  const gunichar *first = unit_first_chars ();

  if (pos < 0 || pos >= text->length)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (first[i] == text->folded[pos] && text_has_at (text, pos, units[i].unit))
        return &units[i];
    }

  return NULL;
}

static const UnitInfo *
lookup_unit (const char *unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (units[i].unit, unit))
        return &units[i];
    }

  return NULL;
}

static const char * const trailing_fillers[] = { "和", "及", "与", "、", "等", "的", "约" };

static char *
strip_fillers (char *text)
{
  gboolean again = TRUE;

  while (again)
    {
      again = FALSE;
      g_strstrip (text);
      for (guint i = 0; i < G_N_ELEMENTS (filler_words); i++)
        {
          gsize len = strlen (filler_words[i]);

          if (g_str_has_prefix (text, filler_words[i]) && text[len] != '\0')
            {
              memmove (text, text + len, strlen (text + len) + 1);
              again = TRUE;
            }
        }
      for (guint i = 0; i < G_N_ELEMENTS (trailing_fillers); i++)
        {
          if (g_str_has_suffix (text, trailing_fillers[i]) && strlen (text) > strlen (trailing_fillers[i]))
            {
              text[strlen (text) - strlen (trailing_fillers[i])] = '\0';
              again = TRUE;
            }
        }
      /* Leading list punctuation left by a figure before this one. */
      while (g_str_has_prefix (text, "、") || g_str_has_prefix (text, "和") ||
             g_str_has_prefix (text, ",") || g_str_has_prefix (text, "，"))
        {
          gsize len = g_utf8_next_char (text) - text;

          memmove (text, text + len, strlen (text + len) + 1);
          again = TRUE;
        }
    }

  return text;
}

/* Parses one figure starting at @pos; returns NULL when it is not followed
 * by a unit (a bare number, a year in "2024年" is found but descriptive). */
static MsQuantity *parse_unit_after (const Text *text,
                                     glong       pos,
                                     glong       number_end,
                                     double      value,
                                     glong      *next);

/* "三所", "一千八百个", "两万人": a number in Chinese numerals before a unit.
 * A lone 一 ("一批", "一个") and 第/每/周 before the number are no figure. */
static MsQuantity *
parse_chinese_figure (const Text *text,
                      glong       pos,
                      glong      *next)
{
  g_autoptr(GString) numeral = g_string_new (NULL);
  glong end = pos;
  guint value = 0;
  gunichar previous = pos > 0 ? text->folded[pos - 1] : 0;
  MsQuantity *quantity;

  while (end < text->length && end - pos < 8 &&
         (g_utf8_strchr ("零〇一二两三四五六七八九十百千", -1, text->folded[end]) != NULL))
    {
      g_string_append_unichar (numeral, text->folded[end]);
      end++;
    }
  *next = end;

  if ((previous != 0 && g_utf8_strchr ("第每周初之其唯统逐星万亿", -1, previous) != NULL) ||
      g_str_equal (numeral->str, "一") || g_str_has_prefix (numeral->str, "千") ||
      g_str_has_prefix (numeral->str, "百") || g_str_has_prefix (numeral->str, "零") ||
      !ms_number_from_chinese_numeral (numeral->str, &value) || value == 0)
    return NULL;

  quantity = parse_unit_after (text, pos, end, value, next);
  /* "二次供水", "七人制足球场", "三级医院": a kind of thing, not a count. */
  if (quantity != NULL && quantity->end < text->length &&
      g_utf8_strchr ("制供性级型式类", -1, text->folded[quantity->end]) != NULL)
    {
      ms_quantity_free (quantity);
      return NULL;
    }
  if (quantity != NULL && quantity->descriptive)
    {
      ms_quantity_free (quantity);
      return NULL;
    }

  return quantity;
}

static MsQuantity *
parse_figure (const Text *text,
              glong       pos,
              glong      *next)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  glong end = pos;
  glong number_end;

  while (end < text->length)
    {
      gunichar c = text->folded[end];

      if (is_ascii_digit (c))
        g_string_append_c (digits, (char)c);
      else if (c == '.' && end + 1 < text->length && is_ascii_digit (text->folded[end + 1]) &&
               strchr (digits->str, '.') == NULL)
        g_string_append_c (digits, '.');
      /* Thousands separators, written in ASCII: 10,000人. */
      else if (c == ',' && text->original[end] == ',' && end + 3 < text->length &&
               is_ascii_digit (text->folded[end + 1]) && is_ascii_digit (text->folded[end + 2]) &&
               is_ascii_digit (text->folded[end + 3]) &&
               (end + 4 >= text->length || !is_ascii_digit (text->folded[end + 4])))
        ;
      else
        break;
      end++;
    }
  *next = end;
  number_end = end;

  /* Dotted dates and versions: 2024.12.31 */
  if (end < text->length && text->folded[end] == '.' && end + 1 < text->length &&
      is_ascii_digit (text->folded[end + 1]))
    {
      while (*next < text->length && (is_ascii_digit (text->folded[*next]) || text->folded[*next] == '.'))
        (*next)++;
      return NULL;
    }

  return parse_unit_after (text, pos, number_end, g_ascii_strtod (digits->str, NULL), next);
}

/* What follows a number: 万/亿, 余/多, the unit, 以上/以下. */
static MsQuantity *
parse_unit_after (const Text *text,
                  glong       pos,
                  glong       number_end,
                  double      value,
                  glong      *next)
{
  const UnitInfo *unit;
  MsQuantity *quantity;
  glong end = number_end;
  gboolean about = FALSE;

  quantity = g_new0 (MsQuantity, 1);
  quantity->value = value;
  quantity->scale = 1;
  quantity->comparison = MS_COMPARISON_EXACTLY;
  quantity->start = pos;

  while (end < text->length && text->folded[end] == ' ')
    end++;

  if (text_has_at (text, end, "万亿"))
    {
      quantity->magnitude = g_strdup ("万亿");
      quantity->scale = 1e12;
      end += 2;
    }
  else if (text_has_at (text, end, "亿"))
    {
      quantity->magnitude = g_strdup ("亿");
      quantity->scale = 1e8;
      end += 1;
    }
  else if (text_has_at (text, end, "万"))
    {
      quantity->magnitude = g_strdup ("万");
      quantity->scale = 1e4;
      end += 1;
    }
  else
    quantity->magnitude = g_strdup ("");

  if (text_has_at (text, end, "余") || text_has_at (text, end, "多"))
    {
      about = TRUE;
      end++;
    }

  unit = match_unit (text, end);
  if (unit == NULL)
    {
      ms_quantity_free (quantity);
      *next = MAX (number_end, pos + 1);
      return NULL;
    }

  quantity->unit = g_strdup (unit->unit);
  quantity->descriptive = unit->descriptive;
  end += g_utf8_strlen (unit->unit, -1);

  if (about)
    quantity->comparison = MS_COMPARISON_ABOUT;

  for (guint i = 0; i < G_N_ELEMENTS (bound_suffixes); i++)
    {
      if (text_has_at (text, end, bound_suffixes[i].word))
        {
          quantity->comparison = bound_suffixes[i].comparison;
          end += g_utf8_strlen (bound_suffixes[i].word, -1);
          break;
        }
    }

  /* 675元/人/月 is a rate, 6岁~9岁 a range of ages. */
  if (end < text->length && text->folded[end] == '/')
    quantity->descriptive = TRUE;

  quantity->end = end;
  *next = end;

  return quantity;
}

static void
apply_prefix (const Text *text,
              MsQuantity *quantity,
              glong       clause_start)
{
  glong pos = quantity->start;

  while (pos > clause_start && text->folded[pos - 1] == ' ')
    pos--;

  if (text_has_before (text, pos, "第"))
    {
      quantity->descriptive = TRUE;
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (bound_prefixes); i++)
    {
      const BoundWord *bound = &bound_prefixes[i];

      if (!text_has_before (text, pos, bound->word))
        continue;

      if (bound->standard_for_money && g_str_equal (quantity->unit, "元"))
        quantity->descriptive = TRUE;
      else if (quantity->comparison == MS_COMPARISON_EXACTLY)
        quantity->comparison = bound->comparison;

      quantity->start = pos - g_utf8_strlen (bound->word, -1);
      return;
    }
}

/* A figure ends the words of its neighbour, unless it is part of a name
 * ("10千伏及以下线路", "15年以上老旧电梯"). Dates still end a name. */
static gboolean
bounds_names (const MsQuantity *quantity)
{
  return !quantity->descriptive || g_str_equal (quantity->unit, "年") ||
         g_str_equal (quantity->unit, "月") || g_str_equal (quantity->unit, "日");
}

static glong
clause_start_of (const Text *text,
                 glong       pos)
{
  while (pos > 0 && !is_clause_break (text->folded[pos - 1]))
    pos--;
  return pos;
}

/* The words around @quantity that name and qualify it: what the importer
 * pairs targets and results by. */
static void
describe (const Text *text,
          GPtrArray  *quantities,
          guint       index)
{
  MsQuantity *quantity = g_ptr_array_index (quantities, index);
  MsQuantity *previous = index > 0 ? g_ptr_array_index (quantities, index - 1) : NULL;
  MsQuantity *following = index + 1 < quantities->len ? g_ptr_array_index (quantities, index + 1) : NULL;
  glong clause_start = quantity->start;
  glong clause_end = quantity->end;
  glong sentence_start = quantity->start;
  g_autofree char *wide_before = NULL;
  g_autofree char *wide_after = NULL;

  while (clause_start > 0 && !is_clause_break (text->folded[clause_start - 1]))
    clause_start--;
  while (clause_end < text->length && !is_clause_break (text->folded[clause_end]))
    clause_end++;
  while (sentence_start > 0 && !is_sentence_break (text->folded[sentence_start - 1]) &&
         quantity->start - sentence_start < 24)
    sentence_start--;

  if (previous != NULL && bounds_names (previous) && previous->end > clause_start)
    clause_start = previous->end;
  if (following != NULL && bounds_names (following) && following->start < clause_end)
    clause_end = following->start;
  /* After a figure, an enumeration comma starts the next item. */
  for (glong p = quantity->end; p < clause_end; p++)
    {
      if (text->folded[p] == 0x3001 /* 、 */)
        {
          clause_end = p;
          break;
        }
    }

  g_free (quantity->before);
  g_free (quantity->after);
  g_free (quantity->context);
  quantity->before = strip_fillers (text_slice (text, clause_start, quantity->start));
  quantity->after = strip_fillers (text_slice (text, quantity->end, MIN (clause_end, quantity->end + 16)));

  wide_before = text_slice (text, sentence_start, quantity->start);
  wide_after = text_slice (text, quantity->end, MIN (clause_end, quantity->end + 10));
  quantity->context = g_strconcat (wide_before, wide_after, NULL);
  quantity->context_before = g_utf8_strlen (wide_before, -1);
}

static void
fill_context (const Text *text,
              GPtrArray  *quantities,
              gboolean    with_words)
{
  /* Bound words first: they move where each figure starts. */
  for (guint i = 0; i < quantities->len; i++)
    {
      MsQuantity *quantity = g_ptr_array_index (quantities, i);

      apply_prefix (text, quantity, clause_start_of (text, quantity->start));
    }

  for (guint i = 0; i < quantities->len; i++)
    {
      MsQuantity *quantity = g_ptr_array_index (quantities, i);
      glong clause_start = quantity->start;

      while (clause_start > 0 && !is_clause_break (text->folded[clause_start - 1]))
        clause_start--;
      /* Everything in a clause before a figure (per person, each township)
       * describes a standard when it says 每. */
      for (glong p = clause_start; p < quantity->start; p++)
        {
          if (text->folded[p] == 0x6BCF /* 每 */)
            quantity->descriptive = TRUE;
        }

      if (with_words)
        describe (text, quantities, i);
    }
}

static GPtrArray *
scan (const char *utf8,
      gboolean    with_words)
{
  GPtrArray *quantities = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_quantity_free);
  Text text;
  glong pos = 0;

  text_init (&text, utf8);

  while (pos < text.length)
    {
      gunichar c = text.folded[pos];
      gunichar previous = pos > 0 ? text.folded[pos - 1] : 0;

      /* A digit after a Latin letter is part of a name: 5A, G107. */
      if (is_ascii_digit (c) && !is_ascii_digit (previous) && previous != '.' &&
          !(previous < 0x80 && g_ascii_isalpha (previous)))
        {
          glong next = pos + 1;
          MsQuantity *quantity = parse_figure (&text, pos, &next);

          if (quantity != NULL)
            g_ptr_array_add (quantities, quantity);
          pos = MAX (next, pos + 1);
        }
      /* Not at the very start: "两个次中心主体工程已完工" tells how far, it counts nothing done. */
      else if (previous != 0 && g_utf8_strchr ("一二两三四五六七八九十", -1, c) != NULL &&
               g_utf8_strchr ("零〇一二两三四五六七八九十百千", -1, previous) == NULL)
        {
          glong next = pos + 1;
          MsQuantity *quantity = parse_chinese_figure (&text, pos, &next);

          if (quantity != NULL)
            g_ptr_array_add (quantities, quantity);
          pos = MAX (next, pos + 1);
        }
      else
        pos++;
    }

  fill_context (&text, quantities, with_words);
  text_clear (&text);

  return quantities;
}

/**
 * ms_quantity_scan:
 *
 * Finds every figure with a unit in @text, in order.
 *
 * Returns: (transfer full) (element-type MsQuantity): the figures
 */
GPtrArray *
ms_quantity_scan (const char *utf8)
{
  return scan (utf8, TRUE);
}

/**
 * ms_quantity_scan_figures:
 *
 * Like ms_quantity_scan(), without the words around each figure (before,
 * after and context are %NULL until ms_quantity_describe() fills them): a
 * check of many texts asks for them rarely.
 *
 * Returns: (transfer full) (element-type MsQuantity): the quantities
 */
GPtrArray *
ms_quantity_scan_figures (const char *utf8)
{
  return scan (utf8, FALSE);
}

/**
 * ms_quantity_describe:
 * @utf8: the text @quantities were found in by ms_quantity_scan_figures()
 *
 * Fills the words around the quantity at @index, as ms_quantity_scan() does.
 */
void
ms_quantity_describe (const char *utf8,
                      GPtrArray  *quantities,
                      guint       index)
{
  Text text;

  g_return_if_fail (index < quantities->len);

  text_init (&text, utf8);
  describe (&text, quantities, index);
  text_clear (&text);
}

/**
 * ms_quantity_dup_unit:
 *
 * Returns: (transfer full): the unit as the text writes it, with its magnitude ("万人次")
 */
char *
ms_quantity_dup_unit (const MsQuantity *quantity)
{
  return g_strconcat (quantity->magnitude, quantity->unit, NULL);
}

/**
 * ms_quantity_get_unit_family:
 * @unit: a unit without magnitude, as #MsQuantity gives it ("公里", "人次")
 * @factor: (out) (optional): what one @unit is in the family's common
 *   measure: 1000 for 公里, whose family counts in 米
 *
 * Figures in units of one family can be compared: 124名 and 124人 count the
 * same people, 83.37千米 and 83.37公里 the same length.
 *
 * Returns: (nullable): the family, or %NULL when the finder does not know @unit
 */
const char *
ms_quantity_get_unit_family (const char *unit,
                             double     *factor)
{
  const UnitInfo *info = unit != NULL ? lookup_unit (unit) : NULL;

  if (factor != NULL)
    *factor = info != NULL ? info->factor : 1;

  return info != NULL ? info->family : NULL;
}

/* Pairing targets with reported figures. */

typedef struct
{
  char         *name;
  char         *context;
  double        value;
  double        scale;
  char         *magnitude;
  char         *unit;
  MsComparison  comparison;
  guint         rank;
  /* The figure as written, shortened, for messages. */
  char         *text;
  /* For actuals: a sum of several parts, or one of those parts. */
  gboolean      is_sum;
  gboolean      in_sum;
  gboolean      used;
  /* "累计解决2585个": the total so far, not this period's part. */
  gboolean      cumulative;
} Figure;

static void
figure_free (Figure *figure)
{
  g_free (figure->name);
  g_free (figure->context);
  g_free (figure->magnitude);
  g_free (figure->unit);
  g_free (figure->text);
  g_free (figure);
}

/* Whether the clause of @quantity says @word before the figure. */
static gboolean
clause_says (const MsQuantity *quantity,
             const char       *word)
{
  glong before_length;
  g_autofree char *before = NULL;
  const char *clause;

  if (quantity->context == NULL)
    return FALSE;
  before_length = quantity->context_before;
  if (before_length <= 0)
    return FALSE;
  before = g_utf8_substring (quantity->context, 0, before_length);
  clause = before;
  for (const char *p = before; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == 0xFF0C || c == ';' || c == 0xFF1B || c == 0x3002)
        clause = g_utf8_next_char (p);
    }

  return strstr (clause, word) != NULL;
}

static Figure *
figure_new (const MsQuantity *quantity,
            const char       *name)
{
  Figure *figure = g_new0 (Figure, 1);

  figure->name = g_strdup (name);
  figure->context = g_strdup (quantity->context);
  figure->value = quantity->value;
  figure->scale = quantity->scale;
  figure->magnitude = g_strdup (quantity->magnitude);
  figure->unit = g_strdup (quantity->unit);
  figure->comparison = quantity->comparison;
  figure->cumulative = clause_says (quantity, "累计") || clause_says (quantity, "累积");

  return figure;
}

/* The words before a figure, at most @max_chars of them, starting at a
 * word: "在全市出租房及工棚等场所安装…" is cut after 及, not inside 出租房. */
static char *
limit_before (const char *text,
              glong       max_chars)
{
  static const gunichar boundaries[] = { 0x7684 /* 的 */, 0x5728 /* 在 */, 0x5BF9 /* 对 */, 0x4E3A /* 为 */,
                                         0x5C06 /* 将 */, 0x548C /* 和 */, 0x53CA /* 及 */, 0x4E0E /* 与 */,
                                         0x3001 /* 、 */ };
  glong length = g_utf8_strlen (text, -1);
  glong cut;

  if (length <= max_chars)
    return g_strdup (text);

  cut = length - max_chars;
  for (glong i = cut; i < MIN (cut + 6, length - 2); i++)
    {
      gunichar c = g_utf8_get_char (g_utf8_offset_to_pointer (text, i));

      for (guint b = 0; b < G_N_ELEMENTS (boundaries); b++)
        if (c == boundaries[b])
          return g_strdup (g_utf8_offset_to_pointer (text, i + 1));
    }

  return g_strdup (g_utf8_offset_to_pointer (text, cut));
}

/* The words after a figure, not ending inside a Latin word ("WIF"). */
static char *
limit_after (const char *text,
             glong       max_chars)
{
  glong length = g_utf8_strlen (text, -1);
  char *cut;
  gsize end;

  if (length <= max_chars)
    return g_strdup (text);

  cut = g_utf8_substring (text, 0, max_chars);
  end = strlen (cut);
  if (g_ascii_isalnum (*g_utf8_offset_to_pointer (text, max_chars)))
    while (end > 0 && g_ascii_isalnum (cut[end - 1]))
      cut[--end] = '\0';

  return cut;
}

static gboolean
is_opening (gunichar c)
{
  return c == '(' || c == 0xFF08 || c == 0x201C /* “ */ || c == 0x300A /* 《 */ || c == 0x3010 /* 【 */ ||
         c == '[';
}

static gunichar
closing_of (gunichar c)
{
  switch (c)
    {
    case '(': return ')';
    case 0xFF08: return 0xFF09;
    case 0x201C: return 0x201D;
    case 0x300A: return 0x300B;
    case 0x3010: return 0x3011;
    case '[': return ']';
    default: return 0;
    }
}

static gboolean
is_closing (gunichar c)
{
  return c == ')' || c == 0xFF09 || c == 0x201D || c == 0x300B || c == 0x3011 || c == ']';
}

/* A name ends before a bracket it does not close ("公路(2013—") and
 * drops a closing one it did not open ("农村公厕)"). */
static char *
balance_brackets (char *name)
{
  g_autofree gunichar *chars = NULL;
  g_autofree gboolean *keep = NULL;
  gunichar stack[16];
  glong stack_at[16];
  guint depth = 0;
  glong length = 0;
  glong end;
  GString *result;

  chars = g_utf8_to_ucs4_fast (name, -1, &length);
  keep = g_new0 (gboolean, length + 1);
  end = length;
  for (glong i = 0; i < length; i++)
    {
      keep[i] = TRUE;
      if (is_opening (chars[i]) && depth < G_N_ELEMENTS (stack))
        {
          stack[depth] = chars[i];
          stack_at[depth++] = i;
        }
      else if (is_closing (chars[i]))
        {
          if (depth > 0 && closing_of (stack[depth - 1]) == chars[i])
            depth--;
          else
            keep[i] = FALSE;
        }
    }
  if (depth > 0)
    end = stack_at[0];

  /* "（其中城区公厕）": a name wholly in brackets is what they hold. */
  {
    glong first = 0;

    if (end >= 2 && is_opening (chars[0]) && closing_of (chars[0]) == chars[end - 1])
      {
        guint open = 0;
        gboolean whole = TRUE;

        for (glong i = 0; i < end - 1 && whole; i++)
          {
            open += is_opening (chars[i]);
            if (is_closing (chars[i]) && --open == 0)
              whole = FALSE;
          }
        if (whole)
          {
            first = 1;
            end--;
          }
      }

    result = g_string_new (NULL);
    for (glong i = first; i < end; i++)
      if (keep[i])
        g_string_append_unichar (result, chars[i]);
  }

  g_free (name);
  return strip_fillers (g_string_free (result, FALSE));
}

/* "全年培训3900人" names the figure by one verb: the clause before says what
 * is trained ("开展基层卫生技术人员在线培训"). */
static char *
clause_before (const MsQuantity *quantity)
{
  g_autofree gunichar *chars = NULL;
  glong length = 0;
  glong before_length = quantity->context_before;
  glong clause_end = -1, clause_start = 0;

  chars = g_utf8_to_ucs4_fast (quantity->context, -1, &length);
  before_length = MIN (before_length, length);
  for (glong i = before_length - 1; i >= 0; i--)
    {
      if (chars[i] == ',' || chars[i] == 0xFF0C || chars[i] == ';' || chars[i] == 0xFF1B)
        {
          if (clause_end < 0)
            clause_end = i;
          else
            {
              clause_start = i + 1;
              break;
            }
        }
    }
  if (clause_end <= clause_start)
    return NULL;

  return strip_fillers (g_ucs4_to_utf8 (chars + clause_start, clause_end - clause_start, NULL, NULL, NULL));
}

static char *
name_for (const MsQuantity *quantity)
{
  g_autofree char *before = limit_before (quantity->before, 18);
  g_autofree char *after = limit_after (quantity->after, 14);
  char *name = balance_brackets (strip_fillers (g_strconcat (before, after, NULL)));

  if (g_utf8_strlen (name, -1) <= 2 && quantity->context != NULL)
    {
      g_autofree char *previous = clause_before (quantity);

      if (previous != NULL && g_utf8_strlen (previous, -1) >= 4 && g_utf8_strlen (previous, -1) <= 24)
        {
          g_free (name);
          name = balance_brackets (g_steal_pointer (&previous));
        }
    }

  return name;
}

/* "宫颈癌、乳腺癌各完成筛查47350人" pledges the same figure for each item:
 * returns the items with the words between 各 and the figure ("筛查"). */
static GStrv
split_each (const MsQuantity *quantity)
{
  const char *each = strstr (quantity->before, "各");
  g_autofree char *items_text = NULL;
  g_autofree char *tail = NULL;
  g_auto(GStrv) items = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;

  if (each == NULL)
    return NULL;

  items_text = strip_fillers (g_strndup (quantity->before, each - quantity->before));
  tail = strip_fillers (g_strdup (each + strlen ("各")));
  items = g_regex_split_simple ("[、和及与]", items_text, 0, 0);
  if (g_strv_length (items) < 2)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = strip_fillers (g_strdup (items[i]));

      if (item[0] != '\0')
        {
          g_autofree char *name = g_strconcat (item, tail, quantity->after, NULL);

          g_strv_builder_add (builder, name);
        }
    }

  return g_strv_builder_end (builder);
}

/* Returns: (transfer full): the figure as @text writes it, cut after a few
 * characters: a 400-digit figure is quoted by its start */
static char *
figure_text (const gunichar    *chars,
             const MsQuantity *quantity)
{
  const glong max_chars = 20;
  glong length = quantity->end - quantity->start;
  g_autofree char *start = g_ucs4_to_utf8 (chars + quantity->start, MIN (length, max_chars), NULL, NULL, NULL);

  if (length <= max_chars)
    return g_steal_pointer (&start);

  return g_strconcat (start, "…", NULL);
}

static void
refuse_figure (GPtrArray  *refused,
               gboolean    actual,
               const char *text)
{
  MsRefusedFigure *figure;

  if (refused == NULL)
    return;

  figure = g_new0 (MsRefusedFigure, 1);
  figure->actual = actual;
  figure->text = g_strdup (text);
  g_ptr_array_add (refused, figure);
}

/* @refused: where figures too large to be real are added, as #MsRefusedFigure */
static GPtrArray *
collect_figures (const char *text,
                 gboolean    actual,
                 GPtrArray  *refused)
{
  g_autoptr(GPtrArray) quantities = ms_quantity_scan (text);
  GPtrArray *figures = g_ptr_array_new_with_free_func ((GDestroyNotify)figure_free);
  /* Offsets are in characters: one conversion, not one walk per figure. */
  g_autofree gunichar *chars = g_utf8_to_ucs4_fast (text, -1, NULL);

  for (guint i = 0; i < quantities->len; i++)
    {
      MsQuantity *quantity = g_ptr_array_index (quantities, i);
      g_autofree char *written = NULL;
      g_auto(GStrv) items = NULL;

      if (quantity->descriptive)
        continue;

      written = figure_text (chars, quantity);
      /* 400 digits read as infinity: a typing or OCR fault, not a figure. */
      if (!ms_figure_is_plausible (quantity->value))
        {
          refuse_figure (refused, actual, written);
          continue;
        }

      items = split_each (quantity);
      if (items != NULL)
        {
          for (guint j = 0; items[j] != NULL; j++)
            {
              Figure *figure = figure_new (quantity, items[j]);

              figure->text = g_strdup (written);
              /* Each item is matched by its own words. */
              g_free (figure->context);
              figure->context = g_strdup (items[j]);
              g_ptr_array_add (figures, figure);
            }
        }
      else
        {
          g_autofree char *name = name_for (quantity);

          /* "改造老旧小区40个、3200户": the second figure counts the same thing. */
          if (name[0] == '\0' && figures->len > 0)
            {
              Figure *previous = g_ptr_array_index (figures, figures->len - 1);

              g_free (name);
              name = g_strdup (previous->name);
            }

          Figure *figure = figure_new (quantity, name);

          figure->text = g_strdup (written);
          g_ptr_array_add (figures, figure);
        }
    }

  return figures;
}

static const char *
unit_family (const char *unit)
{
  const UnitInfo *info = lookup_unit (unit);

  return info ? info->family : unit;
}

static double
unit_factor (const char *unit)
{
  const UnitInfo *info = lookup_unit (unit);

  return info ? info->factor : 1;
}

static double
unit_compatibility (const Figure *target,
                    const Figure *actual)
{
  const char *target_family = unit_family (target->unit);
  const char *actual_family = unit_family (actual->unit);

  if (g_str_equal (target->unit, actual->unit))
    return 1.0;
  if (g_str_equal (target_family, actual_family))
    return 0.8;
  /* 个 counts anything countable: 4所学校 reported as 4个项目. */
  if ((g_str_equal (target->unit, "个") && g_str_equal (actual_family, "count")) ||
      (g_str_equal (actual->unit, "个") && g_str_equal (target_family, "count")))
    return 0.5;

  return 0;
}

static void
add_bigrams (GHashTable *set,
             const char *text)
{
  g_autofree gunichar *chars = NULL;
  glong length = 0;

  chars = g_utf8_to_ucs4_fast (text, -1, &length);
  for (glong i = 0; i + 1 < length; i++)
    {
      if (g_unichar_isalnum (chars[i]) && g_unichar_isalnum (chars[i + 1]) &&
          !is_ascii_digit (chars[i]) && !is_ascii_digit (chars[i + 1]))
        g_hash_table_add (set, GSIZE_TO_POINTER (((gsize)chars[i] << 21) | chars[i + 1]));
    }
}

/* Dice coefficient over the character pairs of two phrases. */
static double
similarity (const char *a,
            const char *b)
{
  g_autoptr(GHashTable) set_a = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) set_b = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;
  guint shared = 0;
  guint total;

  add_bigrams (set_a, a);
  add_bigrams (set_b, b);
  total = g_hash_table_size (set_a) + g_hash_table_size (set_b);
  if (total == 0)
    return 0;

  g_hash_table_iter_init (&iter, set_a);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (set_b, key))
        shared++;
    }

  return 2.0 * shared / total;
}

static gboolean
is_additive (const char *unit)
{
  const char *family = unit_family (unit);

  return !g_str_equal (family, "percent") && !g_str_equal (family, "permille");
}

/* Characters two names share at their end: 城区新建充电桩 and 县域新建充电桩
 * share 新建充电桩, the thing counted. */
static glong
common_ending (const char *a,
               const char *b)
{
  const char *end_a = a + strlen (a);
  const char *end_b = b + strlen (b);
  glong shared = 0;

  while (end_a > a && end_b > b)
    {
      const char *prev_a = g_utf8_prev_char (end_a);
      const char *prev_b = g_utf8_prev_char (end_b);

      if (g_utf8_get_char (prev_a) != g_utf8_get_char (prev_b))
        break;
      end_a = prev_a;
      end_b = prev_b;
      shared++;
    }

  return shared;
}

static gboolean
same_thing (const char *a,
            const char *b)
{
  glong shared = common_ending (a, b);
  glong shorter = MIN (g_utf8_strlen (a, -1), g_utf8_strlen (b, -1));

  return shorter > 0 && (g_str_equal (a, b) || (shared >= 4 && shared * 10 >= shorter * 6));
}

static guint
count_targets_like (GPtrArray    *targets,
                    const Figure *actual)
{
  guint count = 0;

  for (guint i = 0; i < targets->len; i++)
    {
      const Figure *target = g_ptr_array_index (targets, i);

      if (g_str_equal (unit_family (target->unit), unit_family (actual->unit)) &&
          common_ending (target->name, actual->name) >= 2)
        count++;
    }

  return count;
}

/* Whether @a and @b have @min_chars characters in a row in common:
 * "新解决饮水困难人口" and "解决饮水困难人口覆盖山区" name one thing. */
static gboolean
share_words (const char *a,
             const char *b,
             glong       min_chars)
{
  glong length = g_utf8_strlen (a, -1);

  for (glong i = 0; i + min_chars <= length; i++)
    {
      g_autofree char *piece = g_utf8_substring (a, i, i + min_chars);

      if (strstr (b, piece) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* "上半年新解决1075个…累计解决2585个": the running total is the figure to
 * report, the period's part is not added to it. */
static void
prefer_cumulative (GPtrArray *actuals)
{
  for (guint i = 0; i < actuals->len; i++)
    {
      Figure *total = g_ptr_array_index (actuals, i);

      if (!total->cumulative)
        continue;
      for (guint j = 0; j < actuals->len; j++)
        {
          Figure *part = g_ptr_array_index (actuals, j);

          if (part->cumulative || !g_str_equal (unit_family (part->unit), unit_family (total->unit)) ||
              (common_ending (part->name, total->name) < 2 && !share_words (part->name, total->name, 4)))
            continue;
          g_ptr_array_remove_index (actuals, j);
          if (j < i)
            i--;
          j--;
        }
    }
}

/* Reports often give one total in parts: 新建热交换站24座 … 新建热交换站27座,
 * when the pledge has one target for that thing. */
static void
add_sums_of_parts (GPtrArray *actuals,
                   GPtrArray *targets)
{
  guint n_parts = actuals->len;

  for (guint i = 0; i < n_parts; i++)
    {
      Figure *first = g_ptr_array_index (actuals, i);
      Figure *sum = NULL;

      /* Shares and rates do not add up. */
      if (first->in_sum || first->name[0] == '\0' || !is_additive (first->unit))
        continue;

      for (guint j = i + 1; j < n_parts; j++)
        {
          Figure *other = g_ptr_array_index (actuals, j);

          if (!same_thing (first->name, other->name) || !g_str_equal (first->unit, other->unit) ||
              !g_str_equal (first->magnitude, other->magnitude) ||
              count_targets_like (targets, first) != 1)
            continue;

          if (sum == NULL)
            {
              sum = g_new0 (Figure, 1);
              sum->name = g_strdup (first->name);
              sum->context = g_strdup (first->context);
              sum->value = first->value;
              sum->scale = first->scale;
              sum->magnitude = g_strdup (first->magnitude);
              sum->unit = g_strdup (first->unit);
              sum->text = g_strdup (first->text);
              sum->comparison = first->comparison;
              sum->is_sum = TRUE;
            }
          sum->value += other->value;
          /* Counted once: a later part does not start a sum of its own. */
          other->in_sum = TRUE;
        }

      if (sum != NULL)
        {
          first->in_sum = TRUE;
          g_ptr_array_add (actuals, sum);
        }
    }
}

static void
assign_ranks (GPtrArray *figures)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < figures->len; i++)
    {
      Figure *figure = g_ptr_array_index (figures, i);
      const char *family = unit_family (figure->unit);
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (counts, family));

      figure->rank = rank;
      g_hash_table_insert (counts, (gpointer)family, GUINT_TO_POINTER (rank + 1));
    }
}

static double
round_figure (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* 36573人 in 万人次 is 3.6573, not 3.6573000000000002. */
  g_ascii_formatd (buffer, sizeof buffer, "%.12g", value);
  return g_ascii_strtod (buffer, NULL);
}

/* The actual figure in the target's unit: 36573人 against 万人次 is 3.6573. */
static double
converted_value (const Figure *target,
                 const Figure *actual)
{
  return round_figure (actual->value * actual->scale * unit_factor (actual->unit) /
                       (target->scale * unit_factor (target->unit)));
}

typedef struct
{
  guint  target;
  guint  actual;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  if (ca->target != cb->target)
    return ca->target < cb->target ? -1 : 1;
  return ca->actual < cb->actual ? -1 : (ca->actual > cb->actual);
}

/* Below this a pair is not trusted: the target keeps no figure. */
#define MIN_PAIR_SCORE 0.3


/**
 * ms_quantity_extract_indicators:
 * @target: the pledge, as the notice writes it
 * @completion: (nullable): the completion report
 * @refused: (nullable) (element-type MsRefusedFigure): where figures beyond
 *   %MS_FIGURE_MAX are added; they make no indicator, or no actual
 *
 * Finds the quantitative targets in @target and, in @completion, the figure
 * reported for each, converted into the target's unit.
 *
 * Returns: (transfer full) (element-type MsIndicator): the indicators
 */
GPtrArray *
ms_quantity_extract_indicators (const char *target,
                                const char *completion,
                                GPtrArray  *refused)
{
  g_autoptr(GPtrArray) targets = collect_figures (target, FALSE, refused);
  g_autoptr(GPtrArray) actuals = collect_figures (completion ? completion : "", TRUE, refused);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autofree int *chosen = g_new (int, targets->len + 1);
  GPtrArray *indicators = g_ptr_array_new_with_free_func (g_object_unref);

  assign_ranks (targets);
  assign_ranks (actuals);
  prefer_cumulative (actuals);
  add_sums_of_parts (actuals, targets);

  for (guint t = 0; t < targets->len; t++)
    {
      Figure *tf = g_ptr_array_index (targets, t);

      chosen[t] = -1;
      for (guint a = 0; a < actuals->len; a++)
        {
          Figure *af = g_ptr_array_index (actuals, a);
          double compatibility = unit_compatibility (tf, af);
          Candidate candidate;
          double words;

          if (compatibility == 0)
            continue;

          words = MAX (similarity (tf->name, af->context), similarity (tf->context, af->context));
          candidate.target = t;
          candidate.actual = a;
          candidate.score = compatibility * (0.3 + 0.7 * words);
          /* The n-th target of a kind is often reported n-th. */
          if (!af->is_sum && tf->rank == af->rank && compatibility >= 0.8)
            candidate.score += 0.1;
          /* A total reported in parts answers the target better than a part. */
          if (af->is_sum && compatibility >= 0.8)
            candidate.score += 0.15;
          /* "4所学校" reported as "4个项目已全部竣工". */
          if (converted_value (tf, af) == tf->value)
            candidate.score += 0.1;
          g_array_append_val (candidates, candidate);
        }
    }

  g_array_sort (candidates, compare_candidates);

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      Figure *af = g_ptr_array_index (actuals, candidate->actual);

      if (candidate->score < MIN_PAIR_SCORE)
        break;
      if (chosen[candidate->target] >= 0 || af->used)
        continue;

      chosen[candidate->target] = candidate->actual;
      af->used = TRUE;
    }

  for (guint t = 0; t < targets->len; t++)
    {
      Figure *tf = g_ptr_array_index (targets, t);
      MsIndicator *indicator = ms_indicator_new ();
      g_autofree char *unit = g_strconcat (tf->magnitude, tf->unit, NULL);

      ms_indicator_set_name (indicator, tf->name);
      ms_indicator_set_unit (indicator, unit);
      ms_indicator_set_target (indicator, tf->value);
      ms_indicator_set_comparison (indicator, tf->comparison);

      if (chosen[t] >= 0)
        {
          Figure *af = g_ptr_array_index (actuals, chosen[t]);
          double actual = converted_value (tf, af);

          /* Plausible as written, but not in the target's unit, or summed. */
          if (ms_figure_is_plausible (actual))
            ms_indicator_set_actual (indicator, actual);
          else
            refuse_figure (refused, TRUE, af->text);
        }

      g_ptr_array_add (indicators, indicator);
    }

  return indicators;
}

void
ms_refused_figure_free (MsRefusedFigure *figure)
{
  if (figure == NULL)
    return;

  g_free (figure->text);
  g_free (figure);
}
