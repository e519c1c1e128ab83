/* ms-notice-read-text.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-read-text"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-notice-blocks.h"
#include "ms-notice-private.h"
#include "ms-quantity.h"

/* A text copied from a web page or a Word file holds its tables in one of
 * a few shapes: one cell per line after a header, cells separated by |,
 * by tabs (what a browser puts on the clipboard) or by spaces. Lines that
 * are not in a table are paragraphs. */

typedef struct
{
  guint  number;
  char  *text;
  /* Folded, in 简体, for matching. */
  char  *folded;
} RawLine;

static void
raw_line_free (RawLine *line)
{
  g_free (line->text);
  g_free (line->folded);
  g_free (line);
}

static char *
trim_range (const char *start,
            const char *end)
{
  g_autofree char *piece = g_strndup (start, end - start);

  return _ms_notice_trim (piece);
}

static char *
fold (const char *text)
{
  g_autofree char *simplified = _ms_notice_to_simplified (text);

  return ms_text_normalize (simplified);
}

/**
 * _ms_notice_is_header_word:
 *
 * Whether @cell (folded) is a word of a table's header: 序号, 责任单位…
 */
gboolean
_ms_notice_is_header_word (const char *cell)
{
  static GRegex *regex;
  g_autofree char *compact = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:序号|编号|项目|项目名称|名称|实事|民生实事|工作任务|任务|事项|"
                                            ".{0,10}(?:项目名称|实事项目|民生实事)|工程|工程名称|类别|领域|"
                                            "目标任务|目标|建设内容|.{0,6}目标(?:任务)?|.{0,4}任务|主要内容|建设规模|任务目标|.{0,4}内容|"
                                            "责任单位|牵头单位|牵头部门|责任部门|主责单位|[省市县区]级牵头|牵头|配合单位|协办单位|完成数|完成值|实际完成.{0,6}|"
                                            "完成时限|时限|完成时间|进度|进展情况.*|完成情况|.{0,10}完成情况|.{0,8}完成.{0,3}|累计.{0,4}|"
                                            ".{0,10}完成率.*|形象进度|完成目标|备注|序时进度|责任领导|牵头领导|"
                                            "项\\s*目\\s*内\\s*容|\\(%\\))$",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  compact = _ms_notice_trim (cell);
  return compact[0] != '\0' && g_utf8_strlen (compact, -1) <= 24 &&
         g_regex_match (regex, compact, 0, NULL);
}

static guint
count_header_words (GStrv cells)
{
  guint count = 0;

  for (guint i = 0; cells[i] != NULL; i++)
    count += _ms_notice_is_header_word (cells[i]);

  return count;
}

static guint
count_char (const char *text,
            gunichar    wanted,
            gunichar    also)
{
  guint count = 0;

  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      count += c == wanted || (also != 0 && c == also);
    }

  return count;
}

static gboolean
is_separator (gunichar c,
              gunichar separator)
{
  return c == separator || (separator == '|' && c == 0xFF5C);
}

/* "| a | b |" → a, b: the outer bars only close the row. */
static GStrv
split_cells (const char *text,
             gunichar    separator)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = text;
  guint first = 0, last;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || is_separator (g_utf8_get_char (p), separator))
        {
          g_ptr_array_add (parts, trim_range (start, p));
          if (*p == '\0')
            break;
          start = g_utf8_next_char (p);
        }
    }

  last = parts->len;
  if (parts->len > 1 && ((char *)g_ptr_array_index (parts, 0))[0] == '\0')
    first = 1;
  if (parts->len > 1 && ((char *)g_ptr_array_index (parts, parts->len - 1))[0] == '\0')
    last = parts->len - 1;
  for (guint i = first; i < last; i++)
    {
      const char *cell = g_ptr_array_index (parts, i);
      gsize length = strlen (cell);

      /* "a ""b"" c" as a spreadsheet quotes it. */
      if (length >= 2 && cell[0] == '"' && cell[length - 1] == '"')
        {
          g_autoptr(GString) plain = g_string_new (NULL);

          for (gsize k = 1; k + 1 < length; k++)
            {
              g_string_append_c (plain, cell[k]);
              if (cell[k] == '"' && cell[k + 1] == '"' && k + 2 < length)
                k++;
            }
          g_strv_builder_add (builder, plain->str);
        }
      else
        g_strv_builder_add (builder, cell);
    }

  return g_strv_builder_end (builder);
}

static void
add_one_row (MsNoticeBlock *table,
             guint          line,
             GStrv          cells)
{
  GPtrArray *row = ms_notice_block_add_row (table);

  for (guint i = 0; cells[i] != NULL; i++)
    ms_notice_row_add_cell (row, line, cells[i], 1, 1);
}

/* Two rows merged in one by a paste ("3\n4", "公厕\n小巷", …): as many
 * numbers in the first cell as lines in the others make that many rows. */
static void
add_row (MsNoticeBlock *table,
         guint          line,
         GStrv          cells)
{
  g_auto(GStrv) numbers = cells[0] != NULL ? g_strsplit (cells[0], "\n", -1) : NULL;
  guint k = numbers != NULL ? g_strv_length (numbers) : 0;
  gboolean split = k > 1;

  for (guint i = 0; split && i < k; i++)
    {
      g_autofree char *number = _ms_notice_trim (numbers[i]);

      split = number[0] != '\0' && strspn (number, "0123456789") == strlen (number);
    }
  for (guint c = 1; split && cells[c] != NULL; c++)
    {
      g_auto(GStrv) parts = g_strsplit (cells[c], "\n", -1);
      guint n = g_strv_length (parts);

      split = n == k || n <= 1;
    }
  if (!split)
    {
      add_one_row (table, line, cells);
      return;
    }

  for (guint i = 0; i < k; i++)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) row = NULL;

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_auto(GStrv) parts = g_strsplit (cells[c], "\n", -1);
          guint n = g_strv_length (parts);
          g_autofree char *piece = _ms_notice_trim (n == k ? parts[i] : cells[c]);

          g_strv_builder_add (builder, piece);
        }
      row = g_strv_builder_end (builder);
      add_one_row (table, line + i, row);
    }
}

static gboolean
ends_table (const RawLine *line)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:分享到|附件|特此|现予|现将|来源|发布|责任编辑|编辑|打印|关闭|上一篇|下一篇|"
                                            "[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\))",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  return g_regex_match (regex, line->folded, 0, NULL);
}

static gboolean
is_heading_row (const RawLine *line)
{
  return g_regex_match_simple ("^(?:[一二三四五六七八九十]+、|\\([一二三四五六七八九十]+\\))", line->folded, 0, 0) &&
         g_utf8_strlen (line->folded, -1) <= 30;
}

/* Rows whose cells are separated by | or tabs: a run of such lines. */
static guint
read_separated_table (MsNoticeBlocks *blocks,
                      GPtrArray      *lines,
                      guint           start,
                      gunichar        separator,
                      gunichar        also,
                      const char     *shape)
{
  guint end = start;
  MsNoticeBlock *table;

  while (end < lines->len)
    {
      RawLine *line = g_ptr_array_index (lines, end);

      if (count_char (line->text, separator, also) < 2)
        {
          /* A cell broken over two lines: the row goes on, then the table. */
          RawLine *next = end + 1 < lines->len ? g_ptr_array_index (lines, end + 1) : NULL;

          if (end == start || next == NULL || count_char (next->text, separator, also) < 2 ||
              g_utf8_strlen (line->text, -1) > 60 || (ends_table (line) && !is_heading_row (line)))
            break;
        }
      end++;
    }

  if (end - start < 2)
    {
      /* A single row is a table only as a header or a line of metadata. */
      RawLine *line = g_ptr_array_index (lines, start);
      g_auto(GStrv) cells = split_cells (line->folded, separator);

      if (end == start || count_header_words (cells) < 2)
        return start;
    }

  table = ms_notice_blocks_add_table (blocks, ((RawLine *)g_ptr_array_index (lines, start))->number, shape);
  for (guint i = start; i < end; i++)
    {
      RawLine *line = g_ptr_array_index (lines, i);
      g_auto(GStrv) cells = split_cells (line->text, separator);

      /* "一、教育类（3项）" between rows heads the rows under it. */
      if (count_char (line->text, separator, also) < 2 && is_heading_row (line))
        {
          g_auto(GStrv) heading = g_strsplit (line->text, "\x01", -1);

          add_one_row (table, line->number, heading);
          continue;
        }
      if (count_char (line->text, separator, also) < 2 && table->rows->len > 0)
        {
          GPtrArray *row = g_ptr_array_index (table->rows, table->rows->len - 1);
          MsNoticeCell *last = row->len > 0 ? g_ptr_array_index (row, row->len - 1) : NULL;
          g_autofree char *joined = g_strjoinv ("", cells);

          if (last != NULL)
            {
              char *text = g_strconcat (last->text, joined, NULL);

              g_free (last->text);
              last->text = text;
              continue;
            }
        }
      add_row (table, line->number, cells);
    }

  return end;
}

static GStrv
split_on_spaces (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) pending = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *start;
      g_autofree char *part = NULL;

      while (*p && _ms_notice_is_blank_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p && !_ms_notice_is_blank_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      part = g_strndup (start, p - start);

      g_string_append (pending, part);
      /* "1- 8月实际完成情况": a range broken by a space stays one cell. */
      if (g_str_has_suffix (part, "-") || g_str_has_suffix (part, "—") || g_str_has_suffix (part, "－"))
        continue;
      g_strv_builder_add (builder, pending->str);
      g_string_truncate (pending, 0);
    }
  if (pending->len > 0)
    g_strv_builder_add (builder, pending->str);

  return g_strv_builder_end (builder);
}

/* A header of words separated by spaces, then rows the same way. */
static guint
read_space_table (MsNoticeBlocks *blocks,
                  GPtrArray      *lines,
                  guint           start)
{
  RawLine *header = g_ptr_array_index (lines, start);
  g_auto(GStrv) header_cells = split_on_spaces (header->text);
  g_auto(GStrv) folded_cells = split_on_spaces (header->folded);
  MsNoticeBlock *table;
  guint end = start + 1;

  if (g_strv_length (folded_cells) < 3 || count_header_words (folded_cells) * 2 < g_strv_length (folded_cells))
    return start;

  while (end < lines->len)
    {
      RawLine *line = g_ptr_array_index (lines, end);
      g_auto(GStrv) cells = split_on_spaces (line->text);

      if (ends_table (line))
        break;
      /* A sub-row may be one cell ("送电影下乡20场"), never a paragraph. */
      if (g_strv_length (cells) < 2 && g_utf8_strlen (line->text, -1) > 30)
        break;
      end++;
    }
  if (end == start + 1)
    return start;

  table = ms_notice_blocks_add_table (blocks, header->number, N_("cells separated by spaces"));
  add_row (table, header->number, header_cells);
  for (guint i = start + 1; i < end; i++)
    {
      RawLine *line = g_ptr_array_index (lines, i);
      g_auto(GStrv) cells = split_on_spaces (line->text);

      add_row (table, line->number, cells);
    }

  return end;
}

static gboolean
is_row_number (const char *folded,
               guint       expected)
{
  g_autofree char *compact = _ms_notice_trim (folded);
  char *end = NULL;
  guint64 value;

  if (!g_ascii_isdigit (compact[0]))
    return FALSE;
  value = g_ascii_strtoull (compact, &end, 10);
  /* "9*": a number marked with a note. */
  return value == expected && (end[0] == '\0' || g_str_equal (end, "*"));
}

static gboolean
looks_like_group_cell (const char *folded,
                       GHashTable *seen)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[^\\d\\s]{2,12}(?:工程|行动|计划|类|方面|领域|板块|专项)$",
                                            G_REGEX_OPTIMIZE, 0, NULL));

  return g_hash_table_contains (seen, folded) || g_regex_match (regex, folded, 0, NULL);
}

#define MAX_HEADER_LINES 40
#define MAX_LINES_BEFORE_FIRST_ROW 40

/* After a header word, the pieces that finish its cell ("年度目标" "任务"). */
static GRegex *
rest_of_cell_regex (void)
{
  static GRegex *regex;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^(?:任务|情况|单位|名称|内容|\\(%\\)|%)$", G_REGEX_OPTIMIZE, 0, NULL));
  return regex;
}

/* One cell per line: a header of short lines with 序号 among them, then
 * rows, each starting at its number. Cells before 序号 in the header
 * (工程, 类别) come before the number and only when they change. */
static guint
read_cell_per_line_table (MsNoticeBlocks *blocks,
                          GPtrArray      *lines,
                          guint           start)
{
  g_autoptr(GPtrArray) starts = g_ptr_array_new ();
  g_autoptr(GHashTable) leading_seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint header_end = start;
  guint columns_before_number = 0;
  gboolean have_number = FALSE;
  guint header_words = 0;
  guint end;
  guint expected = 1;
  MsNoticeBlock *table;
  GPtrArray *row;

  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) header_lines = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A header has a few dozen cells at most: a run of header words longer
   * than that is no table, and each line of it is not tried again at length. */
  while (header_end < lines->len && header_end - start < MAX_HEADER_LINES)
    {
      RawLine *line = g_ptr_array_index (lines, header_end);
      gboolean word = _ms_notice_is_header_word (line->folded);
      guint taken = 1;
      g_autofree char *cell = NULL;
      g_autoptr(GString) folded_cell = g_string_new (line->folded);

      /* A header cell wrapped over lines in a narrow column: "序" "号",
       * "责任" "单位". Up to three pieces joined make one word. */
      /* The longest join wins: "年度目标" "任务" is one cell. */
      if (g_utf8_strlen (line->folded, -1) <= 8)
        {
          g_autoptr(GString) joined = g_string_new (line->folded);

          for (guint more = 1; more < 4 && header_end + more < lines->len; more++)
            {
              RawLine *next = g_ptr_array_index (lines, header_end + more);

              if (g_utf8_strlen (next->folded, -1) > 8 || is_row_number (next->folded, 1))
                break;
              /* A whole word goes on only with the rest of its cell. */
              if (word && !g_regex_match (rest_of_cell_regex (), next->folded, 0, NULL))
                break;
              g_string_append (joined, next->folded);
              if (_ms_notice_is_header_word (joined->str))
                {
                  word = TRUE;
                  taken = more + 1;
                }
            }
        }
      if (!word)
        {
          if (!word && header_words >= 2 && g_utf8_strlen (line->folded, -1) <= 4 && header_end + 1 < lines->len &&
              !is_row_number (line->folded, 1))
            {
              /* A stray piece inside the header ("情况"): part of a cell. */
              header_end++;
              continue;
            }
          if (!word)
            break;
        }

      cell = g_strdup (line->text);
      for (guint k = 1; k < taken; k++)
        {
          RawLine *piece = g_ptr_array_index (lines, header_end + k);
          char *longer = g_strconcat (cell, piece->text, NULL);

          g_free (cell);
          cell = longer;
          g_string_append (folded_cell, piece->folded);
        }
      if (g_str_equal (folded_cell->str, "序号") || g_str_equal (folded_cell->str, "编号"))
        have_number = TRUE;
      else if (!have_number)
        columns_before_number++;
      g_ptr_array_add (header, g_steal_pointer (&cell));
      g_array_append_val (header_lines, line->number);
      header_words++;
      header_end += taken;
    }
  if (header_words < 3 || !have_number)
    return start;

  /* Rows start at 1, 2, 3…, the first soon after the header. */
  end = header_end;
  while (end < lines->len)
    {
      RawLine *line = g_ptr_array_index (lines, end);

      if (ends_table (line) || (starts->len == 0 && end - header_end > MAX_LINES_BEFORE_FIRST_ROW))
        break;
      if (is_row_number (line->folded, expected))
        {
          g_ptr_array_add (starts, GUINT_TO_POINTER (end));
          expected++;
        }
      end++;
    }
  if (starts->len == 0)
    return start;

  table = ms_notice_blocks_add_table (blocks, ((RawLine *)g_ptr_array_index (lines, start))->number,
                                      N_("one cell per line"));
  row = ms_notice_block_add_row (table);
  for (guint i = 0; i < header->len; i++)
    ms_notice_row_add_cell (row, g_array_index (header_lines, guint, i), g_ptr_array_index (header, i), 1, 1);

  for (guint r = 0; r < starts->len; r++)
    {
      guint first = GPOINTER_TO_UINT (g_ptr_array_index (starts, r));
      guint next = r + 1 < starts->len ? GPOINTER_TO_UINT (g_ptr_array_index (starts, r + 1)) : end;
      guint lead_from = first;

      /* Leading cells: right after the header for the first row; for the
       * others the line before the number, if it names a group. */
      if (r == 0)
        lead_from = header_end;
      else if (columns_before_number > 0 && first > 0)
        {
          RawLine *before = g_ptr_array_index (lines, first - 1);

          if (looks_like_group_cell (before->folded, leading_seen))
            lead_from = first - 1;
        }

      row = ms_notice_block_add_row (table);
      for (guint i = lead_from; i < first; i++)
        {
          RawLine *line = g_ptr_array_index (lines, i);

          g_hash_table_add (leading_seen, line->folded);
          ms_notice_row_add_cell (row, line->number, line->text, 1, 1);
        }
      for (guint i = first; i < next; i++)
        {
          RawLine *line = g_ptr_array_index (lines, i);

          /* The next row's leading cell is not this row's last. */
          if (r + 1 < starts->len && i + 1 == next && columns_before_number > 0 &&
              looks_like_group_cell (line->folded, leading_seen))
            break;
          ms_notice_row_add_cell (row, line->number, line->text, 1, 1);
        }
    }

  return end;
}

static gboolean
quotes_open (const char *text)
{
  guint quotes = 0;

  for (const char *p = text; *p; p++)
    quotes += *p == '"';

  return quotes % 2 == 1;
}

/* The open quote starts a cell (after a tab or at the row's start): a
 * quote inside a sentence ("实施"一事一议"…) opens nothing. */
static gboolean
opens_cell (const char *text)
{
  const char *last = strrchr (text, '"');

  return last != NULL && (last == text || last[-1] == '\t');
}

/* Lines end in \n, \r\n or \r. By hand: a regular expression split
 * checks the whole text again at each line. */
static GStrv
split_lines (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *start = text;
  const char *p = text;

  for (;; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\0')
        {
          g_autofree char *line = g_strndup (start, p - start);

          g_strv_builder_add (builder, line);
          if (*p == '\0')
            break;
          if (*p == '\r' && p[1] == '\n')
            p++;
          start = p + 1;
        }
    }

  return g_strv_builder_end (builder);
}

MsNoticeBlocks *
ms_notice_read_text (const char *text)
{
  MsNoticeBlocks *blocks = ms_notice_blocks_new ("text");
  g_auto(GStrv) raw = split_lines (text);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify)raw_line_free);
  gboolean traditional = _ms_notice_is_traditional (text);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      g_autofree char *trimmed = NULL;
      RawLine *line;

      /* A spreadsheet's cell pasted with its line breaks comes quoted:
       * "3\n4"<tab>"公厕建设\n背街小巷改造". The row goes on to the closing quote. */
      if (strchr (raw[i], '\t') != NULL || (raw[i][0] == '"' && raw[i + 1] != NULL && strchr (raw[i + 1], '\t') != NULL))
        {
          guint first = i;
          g_autoptr(GString) row = g_string_new (raw[i]);

          while (quotes_open (row->str) && opens_cell (row->str) && raw[i + 1] != NULL && i - first < 50)
            {
              g_string_append_c (row, '\n');
              g_string_append (row, raw[++i]);
            }
          if (i > first && !quotes_open (row->str))
            {
              line = g_new0 (RawLine, 1);
              line->number = first + 1;
              line->text = g_string_free (g_steal_pointer (&row), FALSE);
              line->folded = traditional ? fold (line->text) : ms_text_normalize (line->text);
              g_ptr_array_add (lines, line);
              continue;
            }
          i = first;
        }

      trimmed = _ms_notice_trim (raw[i]);
      if (trimmed[0] == '\0')
        continue;
      line = g_new0 (RawLine, 1);
      line->number = i + 1;
      line->folded = traditional ? fold (trimmed) : ms_text_normalize (trimmed);
      line->text = g_steal_pointer (&trimmed);
      g_ptr_array_add (lines, line);
    }

  for (guint i = 0; i < lines->len;)
    {
      RawLine *line = g_ptr_array_index (lines, i);
      guint next = i;

      if (count_char (line->text, '|', 0xFF5C) >= 2)
        next = read_separated_table (blocks, lines, i, '|', 0xFF5C, N_("cells separated by |"));
      else if (count_char (line->text, '\t', 0) >= 2)
        next = read_separated_table (blocks, lines, i, '\t', 0, N_("cells separated by tabs"));
      else if (_ms_notice_is_header_word (line->folded) || g_utf8_strlen (line->folded, -1) <= 2)
        next = read_cell_per_line_table (blocks, lines, i);
      else if (count_char (line->folded, ' ', 0) >= 2)
        next = read_space_table (blocks, lines, i);

      if (next > i)
        {
          i = next;
          continue;
        }
      ms_notice_blocks_add_paragraph (blocks, line->number, line->text);
      i++;
    }

  return blocks;
}
