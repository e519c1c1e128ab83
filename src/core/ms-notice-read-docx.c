/* ms-notice-read-docx.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-read-docx"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "ms-gsf-quiet-private.h"
#include "ms-json.h"
#include "ms-notice-private.h"
#include "ms-notice-readers-private.h"
#include "ms-number.h"

/* Word documents: the zip through libgsf, the parts through libxml2 (no
 * network, no huge-document mode, no DOCTYPE at all). word/document.xml's
 * paragraphs become paragraphs, with the numbers Word would show before
 * list items (word/numbering.xml); its tables become table blocks, with
 * w:gridSpan and w:vMerge as spans. A location is a paragraph's number,
 * counting the paragraphs in tables too. */

/* libgsf never inflates a member past the size the zip declares: parts
 * that declare more are refused before anything is decompressed. */
#define MAX_PART_SIZE    (32 * 1024 * 1024)
#define MAX_ENTRIES      10000
#define MAX_PART_DEPTH   16
/* Tables in tables, text boxes in text boxes: past this, text only. */
#define MAX_DEPTH        48
#define MAX_LEVELS       9
#define MAX_GRID_SPAN    64
#define MAX_STYLE_CHAIN  16

#define W_NS        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS       "http://schemas.openxmlformats.org/markup-compatibility/2006"

static const guint8 ole2_signature[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* List numbering */

typedef struct
{
  gboolean defined;
  int      start;
  char    *format;
  char    *text;
  /* w:lvlRestart: restart after a level above this one (1-based); -1 unset. */
  int      restart;
  gboolean legal;
  /* w:suff: a tab (the default) or a space after the number, or nothing. */
  gboolean no_suffix;
} Level;

typedef struct
{
  Level levels[MAX_LEVELS];
} AbstractNum;

typedef struct
{
  char        *abstract_id;
  gboolean     has_start_override[MAX_LEVELS];
  int          start_override[MAX_LEVELS];
  Level        override_levels[MAX_LEVELS];
} Num;

typedef struct
{
  int      values[MAX_LEVELS];
  gboolean started[MAX_LEVELS];
} Counter;

typedef struct
{
  char *num_id;
  int   level;
  char *based_on;
} Style;

typedef struct
{
  MsNoticeBlocks *blocks;
  GHashTable     *abstracts;
  GHashTable     *nums;
  GHashTable     *counters;
  GHashTable     *styles;
  /* word/styles.xml is read when a paragraph's list may come from its
   * style: it is large, and most notices number by hand. */
  GsfInfile      *zip;
  char           *styles_path;
  gboolean        styles_read;
  /* The number of the last paragraph read. */
  guint           paragraph;
} Reader;

static void read_container (Reader    *reader,
                            xmlNode   *container,
                            guint      depth,
                            GPtrArray *sink);
static xmlDoc *read_part   (GsfInfile   *zip,
                            const char  *path,
                            GError     **error);

static void
level_clear (Level *level)
{
  g_clear_pointer (&level->format, g_free);
  g_clear_pointer (&level->text, g_free);
}

static void
abstract_num_free (AbstractNum *abstract)
{
  for (guint i = 0; i < MAX_LEVELS; i++)
    level_clear (&abstract->levels[i]);
  g_free (abstract);
}

static void
num_free (Num *num)
{
  g_free (num->abstract_id);
  for (guint i = 0; i < MAX_LEVELS; i++)
    level_clear (&num->override_levels[i]);
  g_free (num);
}

static void
style_free (Style *style)
{
  g_free (style->num_id);
  g_free (style->based_on);
  g_free (style);
}

static gboolean
is_w (const xmlNode *node,
      const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         (strcmp ((const char *)node->ns->href, W_NS) == 0 ||
          strcmp ((const char *)node->ns->href, W_STRICT_NS) == 0) &&
         strcmp ((const char *)node->name, name) == 0;
}

static gboolean
is_mc (const xmlNode *node,
       const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL &&
         strcmp ((const char *)node->ns->href, MC_NS) == 0 && strcmp ((const char *)node->name, name) == 0;
}

static xmlNode *
w_child (const xmlNode *node,
         const char    *name)
{
  for (xmlNode *child = node != NULL ? node->children : NULL; child != NULL; child = child->next)
    {
      if (is_w (child, name))
        return child;
    }

  return NULL;
}

/* w:val and the like; Word always prefixes them with w:. */
static char *
attribute (const xmlNode *node,
           const char    *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL)
    return NULL;
  value = xmlGetProp (node, (const xmlChar *)name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);

  return copy;
}

static int
int_attribute (const xmlNode *node,
               const char    *name,
               int            fallback)
{
  g_autofree char *value = attribute (node, name);
  gint64 number;
  char *end = NULL;

  if (value == NULL)
    return fallback;
  number = g_ascii_strtoll (value, &end, 10);
  if (end == value)
    return fallback;

  return (int)CLAMP (number, -1000000, 1000000);
}

/* Formats */

static char *
to_roman (guint number)
{
  static const struct { guint value; const char *digits; } numerals[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *out = g_string_new (NULL);

  if (number == 0 || number >= 4000)
    {
      g_string_printf (out, "%u", number);
      return g_string_free (out, FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numerals); i++)
    {
      while (number >= numerals[i].value)
        {
          g_string_append (out, numerals[i].digits);
          number -= numerals[i].value;
        }
    }

  return g_string_free (out, FALSE);
}

static char *
chinese_legal (guint number)
{
  static const char * const plain[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千" };
  static const char * const legal[] = { "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾", "佰", "仟" };
  g_autofree char *numeral = ms_number_to_chinese_numeral (number);
  GString *out = g_string_new (NULL);

  for (const char *s = numeral; *s; s = g_utf8_next_char (s))
    {
      gsize length = g_utf8_next_char (s) - s;
      gboolean mapped = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (plain) && !mapped; i++)
        {
          if (strncmp (s, plain[i], length) == 0 && strlen (plain[i]) == length)
            {
              g_string_append (out, legal[i]);
              mapped = TRUE;
            }
        }
      if (!mapped)
        g_string_append_len (out, s, length);
    }

  return g_string_free (out, FALSE);
}

/**
 * _ms_notice_format_list_number:
 * @format: a w:numFmt value
 *
 * Returns: (transfer full): @number as Word shows it in @format; decimal
 *   for the formats it does not know
 */
char *
_ms_notice_format_list_number (guint       number,
                               const char *format)
{
  static const char * const stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
  static const char * const branches[] = {
    "子", "丑", "寅", "卯", "辰", "巳", "午", "未", "申", "酉", "戌", "亥",
  };
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  if (format == NULL)
    format = "decimal";

  if (g_str_equal (format, "none"))
    return g_strdup ("");
  if (g_str_equal (format, "decimalZero"))
    return g_strdup_printf ("%02u", number);
  if (g_str_equal (format, "upperRoman") || g_str_equal (format, "lowerRoman"))
    {
      char *roman = to_roman (number);

      if (g_str_equal (format, "lowerRoman"))
        {
          char *lower = g_ascii_strdown (roman, -1);

          g_free (roman);
          return lower;
        }
      return roman;
    }
  if ((g_str_equal (format, "upperLetter") || g_str_equal (format, "lowerLetter")) && number > 0 && number <= 780)
    {
      /* Word's letters repeat past Z: 27 is AA, 53 is AAA. */
      char letter = (g_str_equal (format, "upperLetter") ? 'A' : 'a') + (number - 1) % 26;
      guint repeat = (number - 1) / 26 + 1;
      char *out = g_malloc (repeat + 1);

      memset (out, letter, repeat);
      out[repeat] = '\0';
      return out;
    }
  if ((g_str_equal (format, "chineseCounting") || g_str_equal (format, "chineseCountingThousand") ||
       g_str_equal (format, "japaneseCounting") || g_str_equal (format, "taiwaneseCounting") ||
       g_str_equal (format, "taiwaneseCountingThousand") || g_str_equal (format, "japaneseLegal") ||
       g_str_equal (format, "koreanCounting")) && number > 0)
    return ms_number_to_chinese_numeral (number);
  if ((g_str_equal (format, "chineseLegalSimplified") || g_str_equal (format, "ideographLegalTraditional")) &&
      number > 0 && number < 10000)
    return chinese_legal (number);
  /* The heavenly stems and the earthly branches, as ECMA-376 has them. */
  if (g_str_equal (format, "ideographTraditional") && number >= 1 && number <= G_N_ELEMENTS (stems))
    return g_strdup (stems[number - 1]);
  if (g_str_equal (format, "ideographZodiac") && number >= 1 && number <= G_N_ELEMENTS (branches))
    return g_strdup (branches[number - 1]);
  if (g_str_equal (format, "ideographDigital") || g_str_equal (format, "taiwaneseDigital") ||
      g_str_equal (format, "japaneseDigitalTenThousand"))
    {
      g_autofree char *decimal = g_strdup_printf ("%u", number);
      GString *out = g_string_new (NULL);

      for (const char *s = decimal; *s; s++)
        g_string_append (out, digits[*s - '0']);
      return g_string_free (out, FALSE);
    }
  if ((g_str_equal (format, "decimalEnclosedCircle") || g_str_equal (format, "decimalEnclosedCircleChinese")) &&
      number >= 1 && number <= 20)
    return g_ucs4_to_utf8 ((gunichar[]) { 0x2460 + number - 1, 0 }, 1, NULL, NULL, NULL);
  if (g_str_equal (format, "decimalEnclosedParen") && number >= 1 && number <= 20)
    return g_ucs4_to_utf8 ((gunichar[]) { 0x2474 + number - 1, 0 }, 1, NULL, NULL, NULL);
  if (g_str_equal (format, "decimalEnclosedFullstop") && number >= 1 && number <= 20)
    return g_ucs4_to_utf8 ((gunichar[]) { 0x2488 + number - 1, 0 }, 1, NULL, NULL, NULL);
  if (g_str_equal (format, "decimalFullWidth") || g_str_equal (format, "decimalFullWidth2"))
    {
      g_autofree char *decimal = g_strdup_printf ("%u", number);
      GString *out = g_string_new (NULL);

      for (const char *s = decimal; *s; s++)
        g_string_append_unichar (out, 0xFF10 + (*s - '0'));
      return g_string_free (out, FALSE);
    }

  return g_strdup_printf ("%u", number);
}

static void
read_level (Level   *level,
            xmlNode *node)
{
  xmlNode *child;

  level_clear (level);
  level->defined = TRUE;
  level->start = int_attribute (w_child (node, "start"), "val", 0);
  level->restart = (child = w_child (node, "lvlRestart")) != NULL ? int_attribute (child, "val", -1) : -1;
  level->legal = w_child (node, "isLgl") != NULL &&
                 int_attribute (w_child (node, "isLgl"), "val", 1) != 0;
  level->format = attribute (w_child (node, "numFmt"), "val");
  {
    g_autofree char *suffix = attribute (w_child (node, "suff"), "val");

    level->no_suffix = suffix != NULL && g_str_equal (suffix, "nothing");
  }
  level->text = attribute (w_child (node, "lvlText"), "val");
}

static void
read_numbering (Reader  *reader,
                xmlDoc  *document)
{
  xmlNode *root = xmlDocGetRootElement (document);

  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    {
      if (is_w (child, "abstractNum"))
        {
          AbstractNum *abstract = g_new0 (AbstractNum, 1);
          char *id = attribute (child, "abstractNumId");

          for (xmlNode *lvl = child->children; lvl != NULL; lvl = lvl->next)
            {
              int index = int_attribute (lvl, "ilvl", -1);

              if (is_w (lvl, "lvl") && index >= 0 && index < MAX_LEVELS)
                read_level (&abstract->levels[index], lvl);
            }
          if (id != NULL)
            g_hash_table_replace (reader->abstracts, id, abstract);
          else
            abstract_num_free (abstract);
        }
      else if (is_w (child, "num"))
        {
          Num *num = g_new0 (Num, 1);
          char *id = attribute (child, "numId");

          num->abstract_id = attribute (w_child (child, "abstractNumId"), "val");
          for (xmlNode *override = child->children; override != NULL; override = override->next)
            {
              int index = int_attribute (override, "ilvl", -1);
              xmlNode *start;
              xmlNode *lvl;

              if (!is_w (override, "lvlOverride") || index < 0 || index >= MAX_LEVELS)
                continue;
              if ((start = w_child (override, "startOverride")) != NULL)
                {
                  num->has_start_override[index] = TRUE;
                  num->start_override[index] = int_attribute (start, "val", 0);
                }
              if ((lvl = w_child (override, "lvl")) != NULL)
                read_level (&num->override_levels[index], lvl);
            }
          if (id != NULL)
            g_hash_table_replace (reader->nums, id, num);
          else
            num_free (num);
        }
    }
}

static void
read_styles (Reader *reader,
             xmlDoc *document)
{
  xmlNode *root = xmlDocGetRootElement (document);

  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL; child = child->next)
    {
      xmlNode *num_pr;
      Style *style;
      char *id;

      if (!is_w (child, "style") || (id = attribute (child, "styleId")) == NULL)
        continue;

      style = g_new0 (Style, 1);
      style->level = -1;
      style->based_on = attribute (w_child (child, "basedOn"), "val");
      num_pr = w_child (w_child (child, "pPr"), "numPr");
      if (num_pr != NULL)
        {
          style->num_id = attribute (w_child (num_pr, "numId"), "val");
          style->level = int_attribute (w_child (num_pr, "ilvl"), "val", -1);
        }
      g_hash_table_replace (reader->styles, id, style);
    }
}

static const Level *
find_level (Reader     *reader,
            const Num  *num,
            int         index)
{
  AbstractNum *abstract;

  if (num->override_levels[index].defined)
    return &num->override_levels[index];
  abstract = num->abstract_id != NULL ? g_hash_table_lookup (reader->abstracts, num->abstract_id) : NULL;
  if (abstract == NULL || !abstract->levels[index].defined)
    return NULL;

  return &abstract->levels[index];
}

static int
level_start (const Num   *num,
             const Level *level,
             int          index)
{
  if (num->has_start_override[index])
    return num->start_override[index];

  return level != NULL ? level->start : 0;
}

/* The number Word shows before the next paragraph of list @num_id at
 * @index, counting it; NULL for bullets and lists it does not know. */
static char *
next_list_number (Reader     *reader,
                  const char *num_id,
                  int         index,
                  gboolean   *no_suffix)
{
  Num *num = g_hash_table_lookup (reader->nums, num_id);
  const Level *level;
  Counter *counter;
  GString *out;

  if (num == NULL || index < 0 || index >= MAX_LEVELS)
    return NULL;
  level = find_level (reader, num, index);
  if (level == NULL)
    return NULL;

  counter = g_hash_table_lookup (reader->counters, num_id);
  if (counter == NULL)
    {
      counter = g_new0 (Counter, 1);
      g_hash_table_insert (reader->counters, g_strdup (num_id), counter);
    }

  if (!counter->started[index])
    {
      counter->values[index] = level_start (num, level, index);
      counter->started[index] = TRUE;
    }
  else if (counter->values[index] < 1000000)
    counter->values[index]++;

  /* Lower levels start again after this one, unless they say otherwise. */
  for (int lower = index + 1; lower < MAX_LEVELS; lower++)
    {
      const Level *lower_level = find_level (reader, num, lower);
      int restart = lower_level != NULL ? lower_level->restart : -1;

      if (restart == 0)
        continue;
      if (restart < 0 || index < restart)
        counter->started[lower] = FALSE;
    }

  if (level->format != NULL && g_str_equal (level->format, "bullet"))
    return NULL;

  *no_suffix = level->no_suffix;
  out = g_string_new (NULL);
  for (const char *s = level->text != NULL ? level->text : ""; *s; s++)
    {
      if (s[0] == '%' && s[1] >= '1' && s[1] <= '9')
        {
          int other = s[1] - '1';
          const Level *other_level = other == index ? level : find_level (reader, num, other);
          int value = counter->started[other] ? counter->values[other] : level_start (num, other_level, other);
          const char *format = other_level != NULL ? other_level->format : NULL;
          g_autofree char *formatted = NULL;

          /* Legal numbering writes the levels above in decimals. */
          if (level->legal && other != index)
            format = "decimal";
          formatted = _ms_notice_format_list_number ((guint)MAX (value, 0), format);
          g_string_append (out, formatted);
          s++;
          continue;
        }
      g_string_append_c (out, *s);
    }

  if (!g_utf8_validate (out->str, -1, NULL))
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/* A paragraph's list: its own w:numPr, or its style's. */
static char *
paragraph_number (Reader   *reader,
                  xmlNode  *paragraph,
                  gboolean *no_suffix)
{
  xmlNode *properties = w_child (paragraph, "pPr");
  xmlNode *num_pr = w_child (properties, "numPr");
  g_autofree char *num_id = NULL;
  g_autofree char *style_id = NULL;
  int level = -1;

  if (num_pr != NULL)
    {
      num_id = attribute (w_child (num_pr, "numId"), "val");
      level = int_attribute (w_child (num_pr, "ilvl"), "val", -1);
    }

  style_id = attribute (w_child (properties, "pStyle"), "val");
  if (style_id != NULL && (num_id == NULL || level < 0) && !reader->styles_read &&
      g_hash_table_size (reader->nums) > 0)
    {
      xmlDoc *styles = read_part (reader->zip, reader->styles_path, NULL);

      reader->styles_read = TRUE;
      if (styles != NULL)
        read_styles (reader, styles);
      g_clear_pointer (&styles, xmlFreeDoc);
    }
  for (guint i = 0; style_id != NULL && i < MAX_STYLE_CHAIN && (num_id == NULL || level < 0); i++)
    {
      Style *style = g_hash_table_lookup (reader->styles, style_id);

      if (style == NULL)
        break;
      if (num_id == NULL && style->num_id != NULL)
        num_id = g_strdup (style->num_id);
      if (level < 0 && style->level >= 0)
        level = style->level;
      g_free (style_id);
      style_id = g_strdup (style->based_on);
    }

  if (num_id == NULL || g_str_equal (num_id, "0"))
    return NULL;

  return next_list_number (reader, num_id, MAX (level, 0), no_suffix);
}

/* Paragraphs */

/* Text boxes are read after their paragraph, as paragraphs of their own. */
static void
read_runs (Reader    *reader,
           xmlNode   *node,
           GString   *text,
           GPtrArray *boxes,
           guint      depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;

      if (is_w (child, "t"))
        {
          for (xmlNode *part = child->children; part != NULL; part = part->next)
            {
              if ((part->type == XML_TEXT_NODE || part->type == XML_CDATA_SECTION_NODE) && part->content != NULL)
                g_string_append (text, (const char *)part->content);
            }
        }
      else if (is_w (child, "tab") || is_w (child, "ptab"))
        g_string_append_c (text, '\t');
      else if (is_w (child, "br") || is_w (child, "cr"))
        g_string_append_c (text, '\n');
      else if (is_w (child, "noBreakHyphen"))
        g_string_append_c (text, '-');
      else if (is_w (child, "txbxContent"))
        g_ptr_array_add (boxes, child);
      /* Properties, deleted text, field codes, notes, and the fallback of
       * what the first choice already holds. */
      else if (is_w (child, "pPr") || is_w (child, "rPr") || is_w (child, "delText") ||
               is_w (child, "del") || is_w (child, "moveFrom") || is_w (child, "instrText") ||
               is_w (child, "delInstrText") || is_w (child, "footnoteReference") ||
               is_w (child, "endnoteReference") || is_w (child, "commentReference") ||
               is_w (child, "sectPr") || is_w (child, "sym") || is_mc (child, "Fallback"))
        continue;
      else if (is_mc (child, "AlternateContent"))
        {
          for (xmlNode *choice = child->children; choice != NULL; choice = choice->next)
            {
              if (is_mc (choice, "Choice"))
                {
                  if (depth < MAX_DEPTH)
                    read_runs (reader, choice, text, boxes, depth + 1);
                  break;
                }
            }
        }
      /* w:r, w:hyperlink, w:ins, w:smartTag, w:sdt, w:fldSimple, drawings… */
      else if (depth < MAX_DEPTH)
        read_runs (reader, child, text, boxes, depth + 1);
    }
}

static void
add_text (Reader    *reader,
          GPtrArray *sink,
          guint      line,
          const char *text)
{
  g_autofree char *trimmed = _ms_notice_trim (text);

  if (trimmed[0] == '\0')
    return;
  if (sink != NULL)
    g_ptr_array_add (sink, g_steal_pointer (&trimmed));
  else
    ms_notice_blocks_add_paragraph (reader->blocks, line, trimmed);
}

/* Word's heading styles: "Heading1", "heading 2", "标题 1", or the bare
 * "1", "2" Chinese Word and WPS give them as ids. */
static guint
heading_level (xmlNode *paragraph)
{
  g_autofree char *style_id = attribute (w_child (w_child (paragraph, "pPr"), "pStyle"), "val");
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:[Hh]eading\\s*|标题\\s*)?([1-6])$", G_REGEX_OPTIMIZE, 0, NULL));

  if (style_id == NULL)
    return 0;
  if (g_str_equal (style_id, "Title"))
    return 1;
  if (!g_regex_match (regex, style_id, 0, &match))
    return 0;
  {
    g_autofree char *digit = g_match_info_fetch (match, 1);

    return (guint)(digit[0] - '0');
  }
}

static void
read_paragraph (Reader    *reader,
                xmlNode   *paragraph,
                guint      depth,
                GPtrArray *sink)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  g_autofree char *number = NULL;
  gboolean no_suffix = FALSE;
  guint line = ++reader->paragraph;

  number = paragraph_number (reader, paragraph, &no_suffix);
  read_runs (reader, paragraph, text, boxes, depth + 1);
  if (!g_utf8_validate (text->str, text->len, NULL))
    return;

  if (number != NULL && number[0] != '\0')
    {
      g_autofree char *trimmed = _ms_notice_trim (text->str);
      gunichar last = g_utf8_get_char (g_utf8_prev_char (number + strlen (number)));
      /* Word puts a tab after the number: "1." and "一、" run into the
       * text, "1" and "第一条" are kept apart by a space. */
      gboolean space = !no_suffix && trimmed[0] != '\0' && !g_unichar_ispunct (last) &&
                       !(last >= 0x2460 && last <= 0x24FF);

      g_string_assign (text, number);
      if (space)
        g_string_append_c (text, ' ');
      g_string_append (text, trimmed);
    }
  {
    guint before = reader->blocks->blocks->len;

    add_text (reader, sink, line, text->str);
    if (sink == NULL && reader->blocks->blocks->len > before)
      {
        MsNoticeBlock *block = g_ptr_array_index (reader->blocks->blocks, before);

        block->heading_level = heading_level (paragraph);
      }
  }

  for (guint i = 0; i < boxes->len; i++)
    read_container (reader, g_ptr_array_index (boxes, i), depth + 1, sink);
}

/* Tables */

/* The cells of a row, also those inside content controls. */
static void
collect_children (xmlNode    *node,
                  const char *name,
                  GPtrArray  *out,
                  guint       depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (is_w (child, name))
        g_ptr_array_add (out, child);
      else if ((is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "customXml")) && depth < 4)
        collect_children (child, name, out, depth + 1);
    }
}

static gboolean
holds_table (xmlNode *cell)
{
  for (xmlNode *node = cell->children; node != NULL;)
    {
      if (is_w (node, "tbl"))
        return TRUE;
      if (node->children != NULL && node->type == XML_ELEMENT_NODE)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != cell && node->next == NULL)
        node = node->parent;
      node = node != NULL && node != cell ? node->next : NULL;
    }

  return FALSE;
}

static void
read_table (Reader    *reader,
            xmlNode   *table,
            guint      depth,
            GPtrArray *sink)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) row_cells = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) active = g_ptr_array_new ();
  gboolean layout = sink != NULL || depth >= MAX_DEPTH;
  guint columns = 0;
  MsNoticeBlock *block = NULL;

  collect_children (table, "tr", rows, 0);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_new ();
      xmlNode *row_properties = w_child (g_ptr_array_index (rows, r), "trPr");
      guint width = (guint)CLAMP (int_attribute (w_child (row_properties, "gridBefore"), "val", 0), 0, MAX_GRID_SPAN);

      collect_children (g_ptr_array_index (rows, r), "tc", cells, 0);
      g_ptr_array_add (row_cells, cells);
      for (guint c = 0; c < cells->len; c++)
        {
          xmlNode *cell = g_ptr_array_index (cells, c);

          width += (guint)CLAMP (int_attribute (w_child (w_child (cell, "tcPr"), "gridSpan"), "val", 1), 1, MAX_GRID_SPAN);
          if (!layout && holds_table (cell))
            layout = TRUE;
        }
      columns = MAX (columns, width);
    }

  /* A table that holds tables, or one column or one row, lays the page out. */
  if (layout || columns <= 1 || rows->len <= 1)
    {
      for (guint r = 0; r < row_cells->len; r++)
        {
          GPtrArray *cells = g_ptr_array_index (row_cells, r);

          for (guint c = 0; c < cells->len; c++)
            read_container (reader, g_ptr_array_index (cells, c), depth + 1, sink);
        }
      return;
    }

  block = ms_notice_blocks_add_table (reader->blocks, reader->paragraph + 1, "w:tbl");
  g_ptr_array_set_size (active, columns + 1);
  for (guint r = 0; r < row_cells->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (row_cells, r);
      GPtrArray *row = ms_notice_block_add_row (block);
      xmlNode *row_properties = w_child (g_ptr_array_index (rows, r), "trPr");
      guint column = (guint)CLAMP (int_attribute (w_child (row_properties, "gridBefore"), "val", 0), 0, MAX_GRID_SPAN);
      g_autofree gboolean *touched = g_new0 (gboolean, columns + 1);
      MsNoticeCell *previous = NULL;

      for (guint c = 0; c < cells->len; c++)
        {
          xmlNode *cell = g_ptr_array_index (cells, c);
          xmlNode *properties = w_child (cell, "tcPr");
          xmlNode *vertical = w_child (properties, "vMerge");
          xmlNode *horizontal = w_child (properties, "hMerge");
          g_autofree char *vertical_value = attribute (vertical, "val");
          g_autofree char *horizontal_value = attribute (horizontal, "val");
          guint span = (guint)CLAMP (int_attribute (w_child (properties, "gridSpan"), "val", 1), 1, MAX_GRID_SPAN);
          gboolean continues = vertical != NULL && (vertical_value == NULL || g_str_equal (vertical_value, "continue"));
          gboolean restarts = vertical != NULL && !continues;
          g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
          guint line = reader->paragraph + 1;
          MsNoticeCell *above = column < active->len ? g_ptr_array_index (active, column) : NULL;
          g_autofree char *text = NULL;

          /* The paragraphs of a covered cell are counted all the same. */
          read_container (reader, cell, depth + 1, lines);

          /* Word 97's horizontal merge: the cell widens the one before it. */
          if (horizontal != NULL && (horizontal_value == NULL || g_str_equal (horizontal_value, "continue")) &&
              previous != NULL)
            {
              previous->column_span += span;
              column += span;
              continue;
            }

          if (continues && above != NULL)
            {
              above->row_span++;
              for (guint k = column; k < column + span && k <= columns; k++)
                touched[k] = TRUE;
              column += span;
              previous = NULL;
              continue;
            }

          g_ptr_array_add (lines, NULL);
          text = g_strjoinv ("\n", (char **)lines->pdata);
          previous = ms_notice_row_add_cell (row, line, text, 1, span);
          for (guint k = column; k < column + span && k <= columns; k++)
            {
              g_ptr_array_index (active, k) = restarts ? previous : NULL;
              touched[k] = TRUE;
            }
          column += span;
        }

      /* A merge ends where a row has no cell below it. */
      for (guint k = 0; k <= columns; k++)
        {
          if (!touched[k])
            g_ptr_array_index (active, k) = NULL;
        }
    }

  for (guint r = 0; r < block->rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (block->rows, r);

      if (row->len > 0)
        {
          block->line = ((MsNoticeCell *)g_ptr_array_index (row, 0))->line;
          break;
        }
    }
}

/* The body, a cell, a text box: paragraphs and tables. */
/* Past any reasonable nesting: the text of each paragraph, without structure
 * and without recursion. */
static void
read_flat (Reader    *reader,
           xmlNode   *root,
           GPtrArray *sink)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint line = reader->paragraph + 1;

  for (xmlNode *node = root->children; node != NULL;)
    {
      if (is_w (node, "p"))
        {
          reader->paragraph++;
          if (text->len > 0)
            g_string_append_c (text, '\n');
        }
      else if (is_w (node, "t"))
        {
          for (xmlNode *part = node->children; part != NULL; part = part->next)
            {
              if (part->type == XML_TEXT_NODE && part->content != NULL)
                g_string_append (text, (const char *)part->content);
            }
        }
      if (node->children != NULL && node->type == XML_ELEMENT_NODE && !is_w (node, "t"))
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node != root && node->next == NULL)
        node = node->parent;
      node = node != NULL && node != root ? node->next : NULL;
    }

  add_text (reader, sink, line, text->str);
}

static void
read_container (Reader    *reader,
                xmlNode   *container,
                guint      depth,
                GPtrArray *sink)
{
  if (depth >= 2 * MAX_DEPTH)
    {
      read_flat (reader, container, sink);
      return;
    }

  for (xmlNode *child = container->children; child != NULL; child = child->next)
    {
      if (is_w (child, "p"))
        read_paragraph (reader, child, depth, sink);
      else if (is_w (child, "tbl"))
        read_table (reader, child, depth + 1, sink);
      else if ((is_w (child, "sdt") || is_w (child, "sdtContent") || is_w (child, "customXml") ||
                is_w (child, "ins") || is_w (child, "moveTo") || is_mc (child, "Choice")) && depth < MAX_DEPTH)
        read_container (reader, child, depth + 1, sink);
      else if (is_mc (child, "AlternateContent") && depth < MAX_DEPTH)
        {
          for (xmlNode *choice = child->children; choice != NULL; choice = choice->next)
            {
              if (is_mc (choice, "Choice"))
                {
                  read_container (reader, choice, depth + 1, sink);
                  break;
                }
            }
        }
    }
}

/* The zip */

static gboolean
count_entries (GsfInfile  *directory,
               guint       depth,
               guint      *n_entries,
               GError    **error)
{
  int n_children = gsf_infile_num_children (directory);

  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(GsfInput) child = gsf_infile_child_by_index (directory, i);

      if (++*n_entries > MAX_ENTRIES)
        {
          g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                       /* translators: %u is a count */
                       _("The Word document's zip archive has more than %u members; refused"), MAX_ENTRIES);
          return FALSE;
        }
      if (child != NULL && GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          if (depth >= MAX_PART_DEPTH)
            {
              g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                                   _("The Word document is damaged: its folders are nested too deeply"));
              return FALSE;
            }
          if (!count_entries (GSF_INFILE (child), depth + 1, n_entries, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A part's XML, or NULL: missing (no error), too large, damaged or with a
 * DOCTYPE (Word never writes one; entities are refused with it). */
static xmlDoc *
read_part (GsfInfile   *zip,
           const char  *path,
           GError     **error)
{
  g_autoptr(GsfInput) input = _ms_gsf_open_part (zip, path);
  g_autofree guint8 *bytes = NULL;
  xmlParserCtxt *context;
  xmlDoc *document;
  gsf_off_t size;

  if (input == NULL || (GSF_IS_INFILE (input) && gsf_infile_num_children (GSF_INFILE (input)) >= 0))
    return NULL;

  size = gsf_input_size (input);
  if (size < 0 || size > MAX_PART_SIZE)
    {
      g_autofree char *declared = g_format_size (MAX (size, 0));
      g_autofree char *limit = g_format_size (MAX_PART_SIZE);

      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: a part of a Word document such as word/document.xml, its size
                    * ("1.2 GB") and the largest size read ("33.6 MB") */
                   _("The Word document's %s inflates to %s, more than the %s a notice can take; refused"),
                   path, declared, limit);
      return NULL;
    }

  bytes = g_malloc (size + 1);
  if (size > 0 && gsf_input_read (input, size, bytes) == NULL)
    {
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: %s is a part of a Word document such as word/document.xml */
                   _("The Word document is damaged: %s cannot be decompressed"), path);
      return NULL;
    }
  bytes[size] = '\0';

  /* As markup, never as text (that is "&lt;!DOCTYPE"): anywhere in the part,
   * after a prolog of any length too. */
  {
    gboolean doctype = FALSE;

    for (const guint8 *p = bytes; !doctype && (p = memchr (p, '<', size - (p - bytes))) != NULL; p++)
      doctype = (gsize)(size - (p - bytes)) >= 9 && memcmp (p, "<!DOCTYPE", 9) == 0;

    if (doctype)
      {
        g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                     /* translators: %s is a part of a Word document such as word/document.xml */
                     _("The Word document's %s declares a DOCTYPE, which Word never writes; refused"), path);
        return NULL;
      }
  }

  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The Word document cannot be read: out of memory"));
      return NULL;
    }
  document = xmlCtxtReadMemory (context, (const char *)bytes, (int)size, path, NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (document == NULL || document->intSubset != NULL)
    {
      const xmlError *last = xmlCtxtGetLastError (context);
      g_autofree char *reason = g_strdup (last != NULL && last->message != NULL ? last->message : "?");

      g_strstrip (reason);
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: a part of a Word document such as word/document.xml, then what
                    * the XML parser found wrong, in English */
                   _("The Word document is damaged: %s is not valid XML (%s)"), path, reason);
      g_clear_pointer (&document, xmlFreeDoc);
    }
  xmlFreeParserCtxt (context);

  return document;
}

/* The target of the first relationship of @type in a .rels part, made a
 * path from the zip's root; NULL when there is none. */
static char *
find_relationship (GsfInfile   *zip,
                   const char  *rels_path,
                   const char  *folder,
                   const char  *type_suffix,
                   GError     **error)
{
  xmlDoc *document = read_part (zip, rels_path, error);
  xmlNode *root;
  char *path = NULL;

  if (document == NULL)
    return NULL;

  root = xmlDocGetRootElement (document);
  for (xmlNode *child = root != NULL ? root->children : NULL; child != NULL && path == NULL; child = child->next)
    {
      g_autofree char *type = NULL;
      g_autofree char *target = NULL;
      g_autofree char *mode = NULL;

      if (child->type != XML_ELEMENT_NODE || strcmp ((const char *)child->name, "Relationship") != 0)
        continue;
      type = attribute (child, "Type");
      target = attribute (child, "Target");
      mode = attribute (child, "TargetMode");
      if (type == NULL || target == NULL || !g_str_has_suffix (type, type_suffix) ||
          (mode != NULL && g_str_equal (mode, "External")))
        continue;
      if (target[0] == '/')
        path = g_strdup (target + 1);
      else
        path = g_strconcat (folder, target, NULL);
    }
  xmlFreeDoc (document);

  /* "word/../word/numbering.xml" and the like. */
  if (path != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (path, "/", -1);
      g_autoptr(GPtrArray) kept = g_ptr_array_new ();

      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (g_str_equal (parts[i], "..") && kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          else if (parts[i][0] != '\0' && !g_str_equal (parts[i], ".") && !g_str_equal (parts[i], ".."))
            g_ptr_array_add (kept, parts[i]);
        }
      g_ptr_array_add (kept, NULL);
      g_free (path);
      path = g_strjoinv ("/", (char **)kept->pdata);
    }

  return path;
}

static gboolean
has_part (GsfInfile  *zip,
          const char *path)
{
  g_autoptr(GsfInput) input = _ms_gsf_open_part (zip, path);

  return input != NULL;
}

static void
refuse_other_zip (GsfInfile  *zip,
                  GError    **error)
{
  if (has_part (zip, "xl/workbook.xml"))
    g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                         _("This is an Excel workbook, not a notice: open the notice itself, saved as a "
                           "Word document (.docx), a web page, a PDF or text"));
  else if (has_part (zip, "ppt/presentation.xml"))
    g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                         _("This is a PowerPoint presentation, not a notice: open the notice itself, saved "
                           "as a Word document (.docx), a web page, a PDF or text"));
  else if (has_part (zip, "content.xml") && has_part (zip, "mimetype"))
    g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                         _("OpenDocument files (.odt) cannot be read: save the notice as a Word document "
                           "(.docx), a web page or text"));
  else
    g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                         _("The file is a zip archive but not a Word document (.docx); save the notice as "
                           ".docx, a web page, a PDF or text"));
}

static MsNoticeBlocks *
read_docx (const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new ((const guint8 *)data, length, FALSE);
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(MsNoticeBlocks) blocks = NULL;
  g_autofree char *main_path = NULL;
  g_autofree char *main_folder = NULL;
  g_autofree char *main_rels = NULL;
  g_autofree char *numbering_path = NULL;
  g_autofree char *styles_path = NULL;
  xmlDoc *document;
  xmlNode *root;
  xmlNode *body;
  guint n_entries = 0;
  Reader reader = { 0 };

  zip = gsf_infile_zip_new (input, &zip_error);
  if (zip == NULL)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The file looks like a Word document (.docx) but its zip archive is damaged"));
      return NULL;
    }
  if (!count_entries (zip, 0, &n_entries, error))
    return NULL;

  main_path = find_relationship (zip, "_rels/.rels", "", "/officeDocument", error);
  if (main_path == NULL)
    {
      if (error != NULL && *error != NULL)
        return NULL;
      main_path = g_strdup ("word/document.xml");
    }
  if (!has_part (zip, main_path))
    {
      refuse_other_zip (zip, error);
      return NULL;
    }

  {
    const char *slash = strrchr (main_path, '/');

    main_folder = slash != NULL ? g_strndup (main_path, slash - main_path + 1) : g_strdup ("");
    main_rels = g_strdup_printf ("%s_rels/%s.rels", main_folder, slash != NULL ? slash + 1 : main_path);
  }

  document = read_part (zip, main_path, error);
  if (document == NULL)
    return NULL;
  root = xmlDocGetRootElement (document);
  if (!is_w (root, "document"))
    {
      xmlFreeDoc (document);
      refuse_other_zip (zip, error);
      return NULL;
    }

  reader.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)abstract_num_free);
  reader.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)num_free);
  reader.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)style_free);

  /* Numbering and styles only add list numbers: a damaged one is skipped. */
  numbering_path = find_relationship (zip, main_rels, main_folder, "/numbering", NULL);
  styles_path = find_relationship (zip, main_rels, main_folder, "/styles", NULL);
  {
    xmlDoc *numbering = read_part (zip, numbering_path != NULL ? numbering_path : "word/numbering.xml", NULL);

    if (numbering != NULL)
      read_numbering (&reader, numbering);
    g_clear_pointer (&numbering, xmlFreeDoc);
  }
  reader.zip = zip;
  reader.styles_path = styles_path != NULL ? styles_path : (char *)"word/styles.xml";

  blocks = ms_notice_blocks_new ("docx");
  blocks->encoding = g_strdup (document->encoding != NULL ? (const char *)document->encoding : "UTF-8");
  g_free (blocks->location_unit);
  blocks->location_unit = g_strdup ("paragraph");
  reader.blocks = blocks;

  body = w_child (root, "body");
  if (body != NULL)
    read_container (&reader, body, 0, NULL);

  xmlFreeDoc (document);
  g_hash_table_unref (reader.abstracts);
  g_hash_table_unref (reader.nums);
  g_hash_table_unref (reader.counters);
  g_hash_table_unref (reader.styles);

  if (blocks->blocks->len == 0)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The Word document holds no text"));
      return NULL;
    }

  return g_steal_pointer (&blocks);
}

/**
 * _ms_notice_read_docx:
 *
 * Reads a Word document into paragraphs and tables.
 *
 * Returns: (transfer full) (nullable): the blocks, or %NULL with @error set
 */
MsNoticeBlocks *
_ms_notice_read_docx (const char  *data,
                      gsize        length,
                      GError     **error)
{
  MsNoticeBlocks *blocks;
  MsQuietGsf quiet;

  _ms_quiet_gsf_begin (&quiet);
  blocks = read_docx (data, length, error);
  _ms_quiet_gsf_end (&quiet);

  /* Part names in a damaged zip can hold any byte, and libxml2's reasons
   * run over lines: the message stays one line of valid UTF-8. */
  if (error != NULL && *error != NULL)
    {
      char *valid = g_utf8_make_valid ((*error)->message, -1);

      for (char *p = valid; *p; p++)
        {
          if ((guchar)*p < 0x20 || *p == 0x7F)
            *p = ' ';
        }
      g_free ((*error)->message);
      (*error)->message = valid;
    }

  return blocks;
}

/**
 * _ms_notice_refuse_ole2:
 *
 * Sets @error for an OLE2 compound file: a Word 97–2003 or WPS document,
 * or a password-protected Word document, which Word writes as one.
 */
void
_ms_notice_refuse_ole2 (const char  *data,
                        gsize        length,
                        GError     **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new ((const guint8 *)data, length, FALSE);
  g_autoptr(GsfInfile) ole = NULL;
  g_autoptr(GsfInput) encrypted = NULL;
  MsQuietGsf quiet;

  g_return_if_fail (length >= sizeof ole2_signature && memcmp (data, ole2_signature, sizeof ole2_signature) == 0);

  _ms_quiet_gsf_begin (&quiet);
  ole = gsf_infile_msole_new (input, NULL);
  if (ole != NULL)
    encrypted = gsf_infile_child_by_name (ole, "EncryptedPackage");
  _ms_quiet_gsf_end (&quiet);

  if (encrypted != NULL)
    g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                         _("The document is protected by a password: remove the password in Word or WPS, "
                           "save it again and import that"));
  else
    g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                         _("Word 97–2003 (.doc) and WPS (.wps) files cannot be read: open the notice in "
                           "Word or WPS and save it as a Word document (.docx), a web page or text"));
}
