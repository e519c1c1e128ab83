/* ms-notice-read-html.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-read-html"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "ms-json.h"
#include "ms-notice-private.h"
#include "ms-notice-readers-private.h"

/* Saved web pages. The page is decoded to UTF-8 first (its charset, or the
 * bytes when it names none), parsed by libxml2's HTML parser, and <body> is
 * walked: block elements and <br> end paragraphs, real tables become table
 * blocks, and the page's chrome (menus, breadcrumbs, share bars, footers) is
 * left out by structure, each piece recorded as dropped. Tables that only
 * lay the page out are read as paragraphs. */

/* Deeper than this, an element's text is taken as it comes, without
 * structure: no recursion grows with the input. */
#define MAX_DEPTH         160
/* A dropped piece of chrome is recorded with at most this many characters. */
#define MAX_DROPPED_CHARS 200
/* HTML's own limits for colspan and rowspan. */
#define MAX_COLUMN_SPAN   1000
#define MAX_ROW_SPAN      65534
/* Where a page declares its charset: in <head>, early. */
#define CHARSET_SCAN_SIZE (64 * 1024)
/* More cells in one cell's worth of paragraphs than a table of figures holds. */
#define MAX_CELL_BLOCKS   6

typedef struct
{
  MsNoticeBlocks *blocks;
  /* The paragraph being gathered, and the line where it starts. */
  GString        *text;
  guint           line;
  gboolean        pending_space;
  gboolean        pending_newline;
  guint           pre_depth;
  /* While a data table's cell is read: its lines, instead of paragraphs. */
  GPtrArray      *sink;
} Reader;

static void walk_children (Reader  *reader,
                           xmlNode *node,
                           guint    depth);
static void read_element  (Reader  *reader,
                           xmlNode *node,
                           guint    depth);

static gboolean
is_html_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Han characters and full-width punctuation: a line break between two of
 * them is the page's source formatting, not a space in the sentence. */
static gboolean
is_wide (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

static gboolean
name_is (const xmlNode *node,
         const char    *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

static gboolean
name_is_any (const xmlNode      *node,
             const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (name_is (node, names[i]))
        return TRUE;
    }

  return FALSE;
}

static char *
get_attribute (const xmlNode *node,
               const char    *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *)value);
  xmlFree (value);

  return copy;
}

/* The next node of @root's subtree in document order, without recursion. */
static xmlNode *
next_in_subtree (xmlNode *node,
                 xmlNode *root,
                 gboolean skip_children)
{
  if (!skip_children && node->children != NULL &&
      (node->type == XML_ELEMENT_NODE || node->type == XML_DOCUMENT_NODE ||
       node->type == XML_HTML_DOCUMENT_NODE))
    return node->children;

  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }

  return NULL;
}

/* All the text under @root, spaces collapsed; script and style left out. */
static char *
subtree_text (xmlNode *root,
              gsize    max_bytes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean space = FALSE;

  for (xmlNode *node = root; node != NULL && text->len < max_bytes;)
    {
      gboolean skip = name_is (node, "script") || name_is (node, "style");

      if ((node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) && node->content != NULL)
        {
          for (const char *s = (const char *)node->content; *s && text->len < max_bytes; s++)
            {
              if (is_html_space (*s))
                space = TRUE;
              else
                {
                  if (space && text->len > 0)
                    g_string_append_c (text, ' ');
                  space = FALSE;
                  g_string_append_c (text, *s);
                }
            }
        }
      else if (node->type == XML_ELEMENT_NODE && !skip)
        space = TRUE;
      node = next_in_subtree (node, root, skip);
    }

  /* The cut may fall inside a character. */
  {
    const char *end = NULL;

    if (!g_utf8_validate_len (text->str, text->len, &end))
      g_string_truncate (text, end - text->str);
  }

  return _ms_notice_trim (text->str);
}

/* Where the text of a text node starts: libxml2 gives the line where the
 * node was made, after its first chunk was read. */
static guint
text_start_line (xmlNode    *node,
                 const char *first_visible)
{
  long line = xmlGetLineNo (node);
  const char *content = (const char *)node->content;
  long newlines_after = 0;

  if (line <= 0)
    return node->parent != NULL && xmlGetLineNo (node->parent) > 0 ? (guint)xmlGetLineNo (node->parent) : 0;

  /* Long texts are made in chunks: beyond one, the count is only a guess. */
  if (strlen (content) <= 1000)
    for (const char *s = first_visible; *s; s++)
      {
        if (*s == '\n')
          newlines_after++;
      }
  line -= newlines_after;
  if (node->parent != NULL && xmlGetLineNo (node->parent) > line)
    line = xmlGetLineNo (node->parent);

  return line > 0 ? (guint)line : 1;
}

static void
flush (Reader *reader)
{
  g_autofree char *trimmed = NULL;

  reader->pending_space = FALSE;
  reader->pending_newline = FALSE;
  if (reader->text->len == 0)
    return;

  trimmed = _ms_notice_trim (reader->text->str);
  g_string_truncate (reader->text, 0);
  if (trimmed[0] == '\0')
    return;

  if (reader->sink != NULL)
    g_ptr_array_add (reader->sink, g_steal_pointer (&trimmed));
  else
    ms_notice_blocks_add_paragraph (reader->blocks, reader->line, trimmed);
}

static void
append_char (Reader     *reader,
             const char *at,
             xmlNode    *node)
{
  gunichar c = g_utf8_get_char (at);

  if (reader->text->len == 0)
    reader->line = text_start_line (node, at);
  else if (reader->pending_space)
    {
      const char *last = g_utf8_find_prev_char (reader->text->str, reader->text->str + reader->text->len);
      gunichar previous = last != NULL ? g_utf8_get_char (last) : 0;

      if (!(reader->pending_newline && is_wide (previous) && is_wide (c)) &&
          reader->text->str[reader->text->len - 1] != ' ')
        g_string_append_c (reader->text, ' ');
    }
  reader->pending_space = FALSE;
  reader->pending_newline = FALSE;
  g_string_append_unichar (reader->text, c);
}

static void
append_text (Reader  *reader,
             xmlNode *node)
{
  const char *content = (const char *)node->content;

  if (content == NULL || !g_utf8_validate (content, -1, NULL))
    return;

  for (const char *s = content; *s; s = g_utf8_next_char (s))
    {
      if (reader->pre_depth > 0 && (*s == '\n' || *s == '\r'))
        {
          flush (reader);
          continue;
        }
      if (reader->pre_depth == 0 && is_html_space (*s))
        {
          reader->pending_space = TRUE;
          if (*s == '\n' || *s == '\r')
            reader->pending_newline = TRUE;
          continue;
        }
      append_char (reader, s, node);
    }
}

/* Text that must start a paragraph as it is: a list item's number. */
static void
append_marker (Reader     *reader,
               xmlNode    *node,
               const char *marker)
{
  if (reader->text->len == 0)
    reader->line = xmlGetLineNo (node) > 0 ? (guint)xmlGetLineNo (node) : 1;
  g_string_append (reader->text, marker);
}

/* Page chrome */

static const char * const chrome_elements[] = {
  "nav", "aside", "select", "iframe", "button", "noscript", "object", "embed",
  "textarea", "dialog", "menu", "frameset", "frame", NULL,
};

/* Never text: not even chrome to report. */
static const char * const silent_elements[] = {
  "script", "style", "template", "head", "title", "meta", "link", "base", "svg", "math",
  "canvas", "video", "audio", "map", "input", "img", "area", "param", "source", "track", NULL,
};

static const char * const chrome_words[] = {
  "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
  "share", "sharing", "bdshare", "footer", "foot", "header", "topbar", "sidebar", "side",
  "search", "searchbox", "toolbar", "copyright", "login", "skip", "banner", NULL,
};

/* Id and class words that say the element holds the article. */
static const char * const content_words[] = {
  "content", "article", "main", "zoom", "detail", "details", "trs", "editor", "zw", "body", "text",
  "con", "post", "news", NULL,
};

static const char * const chrome_roles[] = {
  "navigation", "banner", "contentinfo", "search", "menu", "menubar", "toolbar", "complementary", NULL,
};

static gboolean
word_matches (const char         *word,
              const char * const *words,
              gboolean            affixes)
{
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (g_str_equal (word, words[i]))
        return TRUE;
      /* "topnav", "navlist", "submenu", "sitefooter"; only long words as
       * affixes and never inside a word ("canvas"). */
      if (affixes && strlen (words[i]) >= 3 && strlen (word) > strlen (words[i]) &&
          (g_str_has_prefix (word, words[i]) || g_str_has_suffix (word, words[i])) &&
          !g_str_equal (words[i], "side") && !g_str_equal (words[i], "foot") &&
          !g_str_equal (words[i], "con") && !g_str_equal (words[i], "zw") &&
          !g_str_equal (words[i], "trs") && !g_str_equal (words[i], "text"))
        return TRUE;
    }

  return FALSE;
}

/* The words of an element's id and class: "top-nav clearfix" → top, nav, clearfix. */
static gboolean
names_match (const xmlNode      *node,
             const char * const *words,
             gboolean            affixes)
{
  static const char * const attributes[] = { "id", "class", NULL };

  for (guint a = 0; attributes[a] != NULL; a++)
    {
      g_autofree char *value = get_attribute (node, attributes[a]);
      g_autofree char *lower = NULL;
      g_auto(GStrv) parts = NULL;

      if (value == NULL)
        continue;
      lower = g_ascii_strdown (value, -1);
      for (char *p = lower; *p; p++)
        {
          if (!g_ascii_isalnum (*p))
            *p = ' ';
        }
      parts = g_strsplit (lower, " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          if (parts[i][0] != '\0' && word_matches (parts[i], words, affixes))
            return TRUE;
        }
      /* The whole name once more: "mainNav" is "mainnav". */
      if (g_strv_length (parts) > 1)
        {
          g_autofree char *joined = g_strjoinv ("", parts);

          if (word_matches (joined, words, affixes))
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether the article itself is somewhere under @root: then @root is no
 * chrome, whatever its name says ("article-header", a page wrapped in a
 * <div id="header-and-content">). */
static gboolean
holds_article (xmlNode *root)
{
  for (xmlNode *node = root->children ? root->children : NULL; node != NULL;
       node = next_in_subtree (node, root, FALSE))
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (name_is (node, "h1") || name_is (node, "article") || name_is (node, "main") ||
          names_match (node, content_words, FALSE))
        return TRUE;
    }

  return FALSE;
}

static gboolean
inside_article (const xmlNode *node)
{
  for (const xmlNode *parent = node->parent; parent != NULL; parent = parent->parent)
    {
      if (name_is (parent, "article") || name_is (parent, "main") || name_is (parent, "section"))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_hidden (const xmlNode *node)
{
  g_autofree char *style = NULL;
  g_autofree char *compact = NULL;
  char *out;

  if (xmlHasProp (node, (const xmlChar *)"hidden") != NULL)
    return TRUE;

  style = get_attribute (node, "style");
  if (style == NULL)
    return FALSE;
  compact = g_ascii_strdown (style, -1);
  out = compact;
  for (const char *in = compact; *in; in++)
    {
      if (!g_ascii_isspace (*in))
        *out++ = *in;
    }
  *out = '\0';

  return strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL;
}

/* Characters of @node's text outside links, ignoring spaces. */
static gsize
unlinked_chars (xmlNode *node)
{
  gsize count = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (name_is (child, "a"))
        continue;
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) && child->content != NULL)
        {
          for (const char *s = (const char *)child->content; *s; s++)
            count += !is_html_space (*s);
        }
      else if (child->type == XML_ELEMENT_NODE)
        count += unlinked_chars (child);
    }

  return count;
}

/* "相关链接": a list whose items are links only, to other pages. */
static gboolean
is_link_list (xmlNode *node)
{
  guint items = 0;

  if (!name_is (node, "ul") && !name_is (node, "ol"))
    return FALSE;
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (!name_is (child, "li"))
        continue;
      /* A list number or a date beside the link is allowed. */
      if (unlinked_chars (child) > 12)
        return FALSE;
      {
        g_autofree char *text = subtree_text (child, 4096);

        if (text[0] == '\0')
          continue;
      }
      items++;
      {
        gboolean has_link = FALSE;

        for (xmlNode *inner = child->children; inner != NULL && !has_link; inner = inner->next)
          has_link = name_is (inner, "a");
        if (!has_link)
          return FALSE;
      }
    }

  return items > 0;
}

static gboolean
is_chrome (xmlNode *node)
{
  g_autofree char *role = NULL;

  if (name_is_any (node, chrome_elements) || is_hidden (node) || is_link_list (node))
    return TRUE;

  /* <header> and <footer> of the page, not those of the article. */
  if ((name_is (node, "header") || name_is (node, "footer")) && !inside_article (node))
    return !holds_article (node);

  /* A search box or a login is a small form; some sites wrap the whole
   * page in one <form>. */
  if (name_is (node, "form"))
    {
      g_autofree char *text = subtree_text (node, 4096);

      return g_utf8_strlen (text, -1) < 500 && !holds_article (node);
    }

  role = get_attribute (node, "role");
  if (role != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (role, -1);

      for (guint i = 0; chrome_roles[i] != NULL; i++)
        {
          if (g_str_equal (lower, chrome_roles[i]))
            return !holds_article (node);
        }
    }

  if (names_match (node, chrome_words, TRUE) && !names_match (node, content_words, FALSE))
    return !holds_article (node);

  return FALSE;
}

static void
drop (Reader  *reader,
      xmlNode *node)
{
  g_autofree char *text = subtree_text (node, MAX_DROPPED_CHARS * 4 + 4);
  long line = xmlGetLineNo (node);

  if (text[0] == '\0')
    return;

  if (g_utf8_strlen (text, -1) > MAX_DROPPED_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, MAX_DROPPED_CHARS);

      g_free (text);
      text = g_strconcat (cut, "…", NULL);
    }
  ms_notice_blocks_add_dropped (reader->blocks, line > 0 ? (guint)line : 0, text);
}

/* Tables */

static const char * const block_elements[] = {
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dl", "dt", "dd", "blockquote",
  "pre", "section", "article", "main", "center", "address", "figure", "figcaption", "hr",
  "fieldset", "legend", "details", "summary", "caption", "tr", "td", "th", "thead", "tbody",
  "tfoot", "body", "html", "header", "footer", "form", "ul", "ol", "listing", "xmp",
  "plaintext", NULL,
};

/* What a cell of a table of figures never holds. */
static const char * const layout_signals[] = {
  "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "form", "nav",
  "header", "footer", "article", "section", "aside", "main", "iframe", NULL,
};

typedef struct
{
  xmlNode *node;
  /* Of xmlNode *: its <td> and <th>. */
  GPtrArray *cells;
} Row;

static void
row_free (Row *row)
{
  g_ptr_array_unref (row->cells);
  g_free (row);
}

static void
collect_rows (xmlNode   *table,
              GPtrArray *rows,
              GPtrArray *others,
              guint      depth)
{
  for (xmlNode *child = table->children; child != NULL; child = child->next)
    {
      if ((name_is (child, "thead") || name_is (child, "tbody") || name_is (child, "tfoot")) && depth < 4)
        {
          collect_rows (child, rows, others, depth + 1);
          continue;
        }
      if (name_is (child, "tr"))
        {
          Row *row = g_new0 (Row, 1);

          row->node = child;
          row->cells = g_ptr_array_new ();
          for (xmlNode *cell = child->children; cell != NULL; cell = cell->next)
            {
              if (name_is (cell, "td") || name_is (cell, "th"))
                g_ptr_array_add (row->cells, cell);
              else if (cell->type == XML_ELEMENT_NODE || cell->type == XML_TEXT_NODE)
                g_ptr_array_add (others, cell);
            }
          if (row->cells->len > 0)
            g_ptr_array_add (rows, row);
          else
            row_free (row);
          continue;
        }
      /* <caption>, and what a page misplaced inside the table. */
      g_ptr_array_add (others, child);
    }
}

static guint
span_attribute (xmlNode    *cell,
                const char *name,
                guint       maximum,
                guint       when_zero)
{
  g_autofree char *value = get_attribute (cell, name);
  guint64 number;

  if (value == NULL)
    return 1;
  g_strstrip (value);
  if (!g_ascii_isdigit (value[0]))
    return 1;
  number = g_ascii_strtoull (value, NULL, 10);
  if (number == 0)
    return when_zero;

  return (guint)MIN (number, (guint64)maximum);
}

static gboolean
is_layout_table (xmlNode   *table,
                 GPtrArray *rows)
{
  g_autofree char *role = get_attribute (table, "role");
  guint columns = 0;
  guint cells = 0;

  if (role != NULL && (g_ascii_strcasecmp (role, "presentation") == 0 || g_ascii_strcasecmp (role, "none") == 0))
    return TRUE;

  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      guint row_columns = 0;

      for (guint c = 0; c < row->cells->len; c++)
        {
          xmlNode *cell = g_ptr_array_index (row->cells, c);
          guint blocks = 0;

          row_columns += span_attribute (cell, "colspan", MAX_COLUMN_SPAN, 1);
          cells++;
          for (xmlNode *node = cell->children; node != NULL; node = next_in_subtree (node, cell, FALSE))
            {
              if (name_is_any (node, layout_signals))
                return TRUE;
              if ((name_is (node, "p") || name_is (node, "div")) && ++blocks > MAX_CELL_BLOCKS)
                return TRUE;
            }
        }
      columns = MAX (columns, row_columns);
    }

  /* A table of figures has a heading row and a row of figures, side by side. */
  return cells <= 1 || columns <= 1 || rows->len <= 1;
}

static void
read_table (Reader  *reader,
            xmlNode *table,
            guint    depth)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  MsNoticeBlock *block;

  collect_rows (table, rows, others, 0);

  flush (reader);
  for (guint i = 0; i < others->len; i++)
    {
      xmlNode *other = g_ptr_array_index (others, i);

      if (other->type == XML_TEXT_NODE)
        append_text (reader, other);
      else
        {
          flush (reader);
          read_element (reader, other, depth + 1);
          flush (reader);
        }
    }
  flush (reader);

  /* Inside a cell of a table of figures, a table is the cell's text. */
  if (reader->sink != NULL || is_layout_table (table, rows))
    {
      for (guint r = 0; r < rows->len; r++)
        {
          Row *row = g_ptr_array_index (rows, r);

          for (guint c = 0; c < row->cells->len; c++)
            {
              flush (reader);
              walk_children (reader, g_ptr_array_index (row->cells, c), depth + 1);
              flush (reader);
            }
        }
      return;
    }

  block = ms_notice_blocks_add_table (reader->blocks, MAX (xmlGetLineNo (table), 0), "<table>");
  for (guint r = 0; r < rows->len; r++)
    {
      Row *row = g_ptr_array_index (rows, r);
      GPtrArray *cells = ms_notice_block_add_row (block);

      for (guint c = 0; c < row->cells->len; c++)
        {
          xmlNode *cell = g_ptr_array_index (row->cells, c);
          g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *text = NULL;
          guint remaining = rows->len - r;
          guint row_span = span_attribute (cell, "rowspan", MAX_ROW_SPAN, remaining);
          guint column_span = span_attribute (cell, "colspan", MAX_COLUMN_SPAN, 1);
          long line = xmlGetLineNo (cell);

          reader->sink = lines;
          walk_children (reader, cell, depth + 1);
          flush (reader);
          reader->sink = NULL;

          g_ptr_array_add (lines, NULL);
          text = g_strjoinv ("\n", (char **)lines->pdata);
          ms_notice_row_add_cell (cells, line > 0 ? (guint)line : block->line, text,
                                  MIN (row_span, remaining), column_span);
        }
    }
}

/* Walking the body */

static void
read_list (Reader  *reader,
           xmlNode *list,
           guint    depth)
{
  gboolean ordered = name_is (list, "ol");
  g_autofree char *start = get_attribute (list, "start");
  gint64 number = start != NULL ? g_ascii_strtoll (start, NULL, 10) : 1;

  number = CLAMP (number, 0, 100000);
  flush (reader);
  for (xmlNode *child = list->children; child != NULL; child = child->next)
    {
      if (!name_is (child, "li"))
        {
          if (child->type == XML_TEXT_NODE)
            append_text (reader, child);
          else if (child->type == XML_ELEMENT_NODE)
            read_element (reader, child, depth + 1);
          continue;
        }

      flush (reader);
      if (ordered)
        {
          g_autofree char *value = get_attribute (child, "value");
          g_autofree char *marker = NULL;

          if (value != NULL && g_ascii_isdigit (value[0]))
            number = CLAMP (g_ascii_strtoll (value, NULL, 10), 0, 100000);
          marker = g_strdup_printf ("%" G_GINT64_FORMAT ".", number++);
          append_marker (reader, child, marker);
        }
      if (is_chrome (child))
        {
          g_string_truncate (reader->text, 0);
          drop (reader, child);
          continue;
        }
      walk_children (reader, child, depth + 1);
      flush (reader);
    }
  flush (reader);
}

static guint
heading_level_of (xmlNode *node)
{
  static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6" };

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (name_is (node, headings[i]))
      return i + 1;

  return 0;
}

static void
read_element (Reader  *reader,
              xmlNode *node,
              guint    depth)
{
  if (name_is_any (node, silent_elements))
    return;

  if (depth >= MAX_DEPTH)
    {
      /* Nested past reason: the text, without its structure. */
      g_autofree char *text = subtree_text (node, G_MAXSIZE);

      if (text[0] != '\0')
        {
          flush (reader);
          reader->line = MAX (xmlGetLineNo (node), 1);
          g_string_append (reader->text, text);
          flush (reader);
        }
      return;
    }

  if (is_chrome (node))
    {
      flush (reader);
      drop (reader, node);
      return;
    }

  if (name_is (node, "br"))
    {
      flush (reader);
      return;
    }

  if (name_is (node, "table"))
    {
      read_table (reader, node, depth);
      return;
    }

  if (name_is (node, "ol") || name_is (node, "ul"))
    {
      read_list (reader, node, depth);
      return;
    }

  if (name_is_any (node, block_elements))
    {
      gboolean pre = name_is (node, "pre") || name_is (node, "listing") || name_is (node, "xmp") ||
                     name_is (node, "plaintext");

      guint heading = heading_level_of (node);
      guint before;

      flush (reader);
      before = reader->blocks->blocks->len;
      reader->pre_depth += pre;
      walk_children (reader, node, depth);
      reader->pre_depth -= pre;
      flush (reader);
      /* <h2>教育民生</h2>: the interpreter makes parts of headings. */
      if (heading > 0 && reader->sink == NULL)
        for (guint i = before; i < reader->blocks->blocks->len; i++)
          {
            MsNoticeBlock *block = g_ptr_array_index (reader->blocks->blocks, i);

            if (block->kind == MS_NOTICE_BLOCK_PARAGRAPH)
              block->heading_level = heading;
          }
      return;
    }

  /* Inline: <span>, <a>, <font>, <strong>… */
  walk_children (reader, node, depth);
}

static void
walk_children (Reader  *reader,
               xmlNode *node,
               guint    depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          append_text (reader, child);
          break;

        case XML_ELEMENT_NODE:
          read_element (reader, child, depth + 1);
          break;

        default:
          break;
        }
    }
}

/* Decoding */

static char *
find_declared_charset (const char *data,
                       gsize       length)
{
  static GRegex *regex;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("<meta[^>]{0,1024}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})"
                                            "|<\\?xml[^>]{0,200}?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]{1,40})",
                                            G_REGEX_RAW | G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match_full (regex, data, MIN (length, CHARSET_SCAN_SIZE), 0, 0, &match, NULL))
    {
      g_autofree char *meta = g_match_info_fetch (match, 1);
      g_autofree char *xml = g_match_info_fetch (match, 2);

      return g_ascii_strdown (meta != NULL && meta[0] != '\0' ? meta : xml, -1);
    }

  return NULL;
}

/* gb2312, GBK, cp936… are all read as GB18030, which holds them all: pages
 * that say gb2312 often hold GBK characters. */
static const char *
canonical_charset (const char *declared)
{
  static const char * const gb[] = {
    "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936", "windows-936", "euc-cn", "csgb2312",
    "gb_2312-80", "chinese", "iso-ir-58", NULL,
  };

  if (declared == NULL)
    return NULL;
  for (guint i = 0; gb[i] != NULL; i++)
    {
      if (g_str_equal (declared, gb[i]))
        return "GB18030";
    }
  if (g_str_equal (declared, "utf-8") || g_str_equal (declared, "utf8") || g_str_equal (declared, "unicode"))
    return "UTF-8";
  if (g_str_equal (declared, "big5") || g_str_equal (declared, "big5-hkscs") || g_str_equal (declared, "x-x-big5"))
    return "BIG5-HKSCS";
  /* Browsers read Latin-1 pages as windows-1252. */
  if (g_str_equal (declared, "iso-8859-1") || g_str_equal (declared, "latin1") ||
      g_str_equal (declared, "us-ascii") || g_str_equal (declared, "ascii"))
    return "WINDOWS-1252";

  return declared;
}

/* Converts as much as can be: a byte that does not decode becomes U+FFFD. */
static char *
convert_lenient (const char *data,
                 gsize       length,
                 const char *charset,
                 guint      *n_replaced)
{
  GIConv converter = g_iconv_open ("UTF-8", charset);
  g_autoptr(GString) out = NULL;
  char *in = (char *)data;
  gsize in_left = length;

  *n_replaced = 0;
  if (converter == (GIConv)-1)
    return NULL;

  out = g_string_sized_new (length + length / 2 + 16);
  while (in_left > 0)
    {
      char buffer[4096];
      char *out_pointer = buffer;
      gsize out_left = sizeof buffer;
      gsize result = g_iconv (converter, &in, &in_left, &out_pointer, &out_left);

      g_string_append_len (out, buffer, out_pointer - buffer);
      if (result != (gsize)-1)
        continue;
      if (errno == E2BIG)
        continue;
      /* EILSEQ, EINVAL (cut at the end) and anything else: skip a byte. */
      g_string_append (out, "\xEF\xBF\xBD");
      (*n_replaced)++;
      in++;
      in_left--;
      g_iconv (converter, NULL, NULL, NULL, NULL);
    }
  g_iconv_close (converter);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
decode_page (const char  *data,
             gsize        length,
             char       **encoding,
             GError     **error)
{
  g_autofree char *declared = NULL;
  const char *charset;
  char *text;
  guint n_replaced = 0;

  /* A byte-order mark, or valid UTF-8: nothing else matters. */
  if ((length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0) ||
      (length >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                       ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))) ||
      g_utf8_validate_len (data, length, NULL))
    {
      text = _ms_notice_decode (data, length, encoding);
      if (text != NULL)
        return text;
    }

  declared = find_declared_charset (data, length);
  charset = canonical_charset (declared);

  if (charset != NULL && !g_str_equal (charset, "UTF-8"))
    {
      text = g_convert (data, length, "UTF-8", charset, NULL, NULL, NULL);
      if (text != NULL)
        {
          *encoding = g_strdup (charset);
          return text;
        }
    }
  else if (charset == NULL)
    {
      text = _ms_notice_decode (data, length, encoding);
      if (text != NULL)
        return text;
    }

  /* Damaged bytes: keep what decodes, in the declared charset or the likelier one. */
  if (charset == NULL || g_str_equal (charset, "UTF-8"))
    {
      guint n_gb = 0;
      g_autofree char *gb = convert_lenient (data, length, "GB18030", &n_gb);
      const char *end = NULL;
      guint n_utf8 = 0;

      for (const char *s = data; !g_utf8_validate_len (s, length - (s - data), &end); s = end + 1)
        n_utf8++;
      if (gb != NULL && n_gb < n_utf8 && charset == NULL)
        {
          charset = "GB18030";
          text = g_steal_pointer (&gb);
          n_replaced = n_gb;
        }
      else
        {
          charset = "UTF-8";
          text = g_utf8_make_valid (data, length);
          n_replaced = n_utf8;
        }
    }
  else
    text = convert_lenient (data, length, charset, &n_replaced);

  if (text == NULL)
    {
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                   /* translators: %s is a character set a web page declares, such as "koi8-r" */
                   _("The web page is in a character set that cannot be read (%s); save it as UTF-8"),
                   declared);
      return NULL;
    }

  /* translators: %s is a text encoding such as GB18030; %u a count of bytes */
  *encoding = g_strdup_printf (ngettext ("%s, %u damaged byte replaced", "%s, %u damaged bytes replaced",
                                         n_replaced), charset, n_replaced);
  return text;
}

/* Sniffing */

/**
 * _ms_notice_looks_like_html:
 *
 * Whether the data is a web page: after a byte-order mark, blanks and
 * comments ("<!-- saved from url=… -->"), it opens with <!DOCTYPE html>,
 * <html> or a tag of a page's body, or such a tag is in its first kilobyte.
 */
gboolean
_ms_notice_looks_like_html (const char *data,
                            gsize       length)
{
  static GRegex *opening;
  static GRegex *early;
  g_autofree char *prefix = NULL;
  const char *s;

  if (g_once_init_enter (&opening))
    {
      early = g_regex_new ("<(?:body|table|p|div|br|head|meta|title|h[1-6]|span|font|center|tr|td)[\\s>/]",
                           G_REGEX_CASELESS | G_REGEX_RAW | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&opening,
                         g_regex_new ("^<(?:!doctype\\s+html|html|head|body|table|p|div|meta|title|h[1-6]|\\?xml[^>]*>\\s*<(?:!doctype\\s+html|html))[\\s>/]?",
                                      G_REGEX_CASELESS | G_REGEX_RAW, 0, NULL));
    }

  length = MIN (length, 1024);
  if (length >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                      ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      guint n_replaced;

      prefix = convert_lenient (data + 2, (length - 2) & ~(gsize)1,
                                (guchar)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", &n_replaced);
      if (prefix == NULL)
        return FALSE;
    }
  else
    prefix = g_strndup (data, length);
  length = strlen (prefix);

  s = prefix;
  if (length >= 3 && memcmp (s, "\xEF\xBB\xBF", 3) == 0)
    s += 3;
  for (;;)
    {
      while (*s && (g_ascii_isspace (*s)))
        s++;
      if (g_str_has_prefix (s, "<!--"))
        {
          const char *end = strstr (s + 4, "-->");

          if (end == NULL)
            break;
          s = end + 3;
          continue;
        }
      break;
    }

  return g_regex_match_full (opening, s, strlen (s), 0, 0, NULL, NULL) ||
         g_regex_match_full (early, prefix, length, 0, 0, NULL, NULL);
}

/**
 * _ms_notice_read_html:
 *
 * Reads a saved web page into paragraphs and tables.
 *
 * Returns: (transfer full) (nullable): the blocks, or %NULL with @error set
 */
MsNoticeBlocks *
_ms_notice_read_html (const char  *data,
                      gsize        length,
                      GError     **error)
{
  g_autofree char *without_nuls = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  g_autoptr(MsNoticeBlocks) blocks = NULL;
  htmlParserCtxtPtr context;
  htmlDocPtr document;
  xmlNode *root;
  xmlNode *body = NULL;
  Reader reader = { 0 };

  /* The parser stops at a NUL byte, and only UTF-16 has them. */
  if (memchr (data, '\0', length) != NULL &&
      !(length >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                        ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))))
    {
      char *copy = g_memdup2 (data, length);

      for (gsize i = 0; i < length; i++)
        {
          if (copy[i] == '\0')
            copy[i] = ' ';
        }
      data = without_nuls = copy;
    }

  text = decode_page (data, length, &encoding, error);
  if (text == NULL)
    return NULL;

  context = htmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The web page cannot be read: out of memory"));
      return NULL;
    }
  /* Decoded above: the parser is told UTF-8, and a <meta charset> in the
   * page no longer applies. */
  document = htmlCtxtReadMemory (context, text, strlen (text), NULL, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET);
  htmlFreeParserCtxt (context);

  root = document != NULL ? xmlDocGetRootElement (document) : NULL;
  if (root == NULL)
    {
      if (document != NULL)
        xmlFreeDoc (document);
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The web page holds no text"));
      return NULL;
    }

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (name_is (child, "body"))
        body = child;
    }

  blocks = ms_notice_blocks_new ("html");
  blocks->encoding = g_steal_pointer (&encoding);
  reader.blocks = blocks;
  reader.text = g_string_new (NULL);
  /* Some pages have frames, or text outside <body>: then all of <html>. */
  walk_children (&reader, body != NULL ? body : root, 0);
  flush (&reader);
  g_string_free (reader.text, TRUE);
  xmlFreeDoc (document);

  if (blocks->blocks->len == 0)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The web page holds no text"));
      return NULL;
    }

  return g_steal_pointer (&blocks);
}
