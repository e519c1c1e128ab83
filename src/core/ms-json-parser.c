/* ms-json-parser.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-json-parser"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-json.h"
#include "ms-json-private.h"

/* json-glib 1.6's own parser is lenient (comments, `var x =`, single quotes),
 * keeps no position per node, drops duplicate keys silently and overflows the
 * stack on deep input. This strict parser reads the file into a flat table of
 * values (MsJsonTree) that remembers where each one started, so every fault
 * can name its line. The reader walks that table directly: a json-glib node
 * per value, with its GSlice and member hash table, cost more than the rest of
 * reading a large file together. ms_json_parse() gives json-glib nodes. */

/* Counting lines and columns goes back to one of these, taken every few KiB,
 * when a fault lies before the place counted last. */
#define MARK_SPACING 4096

typedef struct
{
  gsize offset;
  guint line;
  guint column;
} Mark;

struct _MsJsonTree
{
  const char *data;
  gsize       length;
  GArray     *values;
  /* Every string, unescaped and NUL-terminated. They never need more bytes
   * than the file: an escape is longer than what it stands for, and the
   * quotes make room for the NUL. */
  char       *strings;

  /* Where lines and columns were counted to: a column counts the characters
   * before it on its line. */
  gsize       counted;
  guint       line;
  guint       column;
  GArray     *marks;
  gsize       next_mark;
};

/* A step of the path a fault names: a member, or an element when @name is NULL. */
typedef struct
{
  const char *name;
  guint       index;
} PathStep;

typedef struct
{
  MsJsonTree *tree;
  const char *data;
  gsize       length;
  gsize       pos;
  char       *strings_end;
  guint       depth;
  guint       n_values;
  PathStep    path[MS_JSON_MAX_DEPTH + 1];
  guint       path_length;
  GPtrArray  *faults;
  gboolean    failed;
} Parser;

G_DEFINE_BOXED_TYPE (MsFault, ms_fault, ms_fault_copy, ms_fault_free)

G_DEFINE_QUARK (ms-document-error-quark, ms_document_error)

static gboolean parse_value (Parser     *p,
                             const char *name);

MsFault *
ms_fault_copy (const MsFault *fault)
{
  MsFault *copy;

  g_return_val_if_fail (fault != NULL, NULL);

  copy = g_new0 (MsFault, 1);
  copy->line = fault->line;
  copy->column = fault->column;
  copy->path = g_strdup (fault->path);
  copy->message = g_strdup (fault->message);

  return copy;
}

void
ms_fault_free (MsFault *fault)
{
  if (fault == NULL)
    return;

  g_free (fault->path);
  g_free (fault->message);
  g_free (fault);
}

/**
 * ms_fault_to_string:
 *
 * Returns: (transfer full): "FILE:LINE:COLUMN: PATH: message", the form
 *   compilers use, so that editors can jump to the place
 */
char *
ms_fault_to_string (const MsFault *fault,
                    const char    *filename)
{
  g_return_val_if_fail (fault != NULL, NULL);

  if (filename == NULL)
    filename = "-";

  if (fault->path != NULL && fault->path[0] != '\0')
    return g_strdup_printf ("%s:%u:%u: %s: %s", filename, fault->line, fault->column,
                            fault->path, fault->message);

  return g_strdup_printf ("%s:%u:%u: %s", filename, fault->line, fault->column, fault->message);
}

/* Adds a fault at @line, @column; takes @message. */
void
_ms_json_add_fault (GPtrArray  *faults,
                    guint       line,
                    guint       column,
                    const char *path,
                    char       *message)
{
  MsFault *fault = g_new0 (MsFault, 1);

  fault->line = line;
  fault->column = column;
  fault->path = g_strdup (path ? path : "");
  fault->message = message;
  g_ptr_array_add (faults, fault);
}

static void
locate_byte (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  gsize line_start = 0;

  *line = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          line_start = i + 1;
        }
    }

  /* The bytes before @offset on this line are valid UTF-8. */
  *column = g_utf8_strlen (data + line_start, offset - line_start) + 1;
}

/* Columns count characters, not bytes, so that they match what an editor
 * shows on a line of Chinese text. The count moves forward from where it
 * stopped, and goes back to a mark for an earlier place: faults are found in
 * about file order, and a long single-line file stays linear. */
static void
tree_locate_byte (MsJsonTree *tree,
                  gsize       offset,
                  guint      *line,
                  guint      *column)
{
  offset = CLAMP (offset, g_array_index (tree->marks, Mark, 0).offset, tree->length);

  if (offset < tree->counted)
    {
      guint low = 0;
      guint high = tree->marks->len;
      const Mark *mark;

      /* The last mark at or before @offset; the first one is at the start. */
      while (high - low > 1)
        {
          guint middle = low + (high - low) / 2;

          if (g_array_index (tree->marks, Mark, middle).offset <= offset)
            low = middle;
          else
            high = middle;
        }

      mark = &g_array_index (tree->marks, Mark, low);
      tree->counted = mark->offset;
      tree->line = mark->line;
      tree->column = mark->column;
    }

  for (gsize i = tree->counted; i < offset; i++)
    {
      guchar c = (guchar)tree->data[i];

      /* The text is valid UTF-8: a byte 10xxxxxx continues a character. */
      if ((c & 0xC0) == 0x80)
        continue;

      if (i >= tree->next_mark)
        {
          Mark mark = { i, tree->line, tree->column };

          g_array_append_val (tree->marks, mark);
          tree->next_mark = i + MARK_SPACING;
        }

      if (c == '\n')
        {
          tree->line++;
          tree->column = 0;
        }
      else
        tree->column++;
    }

  tree->counted = offset;
  *line = tree->line;
  *column = tree->column + 1;
}

static void
append_path (GString        *path,
             const PathStep *steps,
             guint           n_steps)
{
  for (guint i = 0; i < n_steps; i++)
    {
      if (steps[i].name != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, steps[i].name);
        }
      else
        g_string_append_printf (path, "[%u]", steps[i].index);
    }
}

G_GNUC_PRINTF (2, 3)
static void
parser_fail (Parser     *p,
             const char *format,
             ...)
{
  g_autoptr(GString) path = g_string_new (NULL);
  va_list args;
  guint line, column;

  if (p->failed)
    return;

  p->failed = TRUE;
  tree_locate_byte (p->tree, p->pos, &line, &column);
  append_path (path, p->path, p->path_length);

  va_start (args, format);
  _ms_json_add_fault (p->faults, line, column, path->str, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
path_push (Parser     *p,
           const char *name,
           guint       index)
{
  /* Each container adds one step at a time, and containers nest no deeper
   * than the limit. */
  g_assert (p->path_length < G_N_ELEMENTS (p->path));

  p->path[p->path_length].name = name;
  p->path[p->path_length].index = index;
  p->path_length++;
}

static inline MsJsonValue *
parser_value (Parser *p,
              guint   index)
{
  return &g_array_index (p->tree->values, MsJsonValue, index);
}

static guint
add_value (Parser     *p,
           MsJsonKind  kind,
           gsize       offset,
           const char *name)
{
  MsJsonValue value = { .kind = kind, .offset = offset, .size = 1, .name = name };

  g_array_append_val (p->tree->values, value);
  return p->tree->values->len - 1;
}

static void
skip_whitespace (Parser *p)
{
  while (p->pos < p->length)
    {
      char c = p->data[p->pos];

      if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
        p->pos++;
      else
        break;
    }
}

static gboolean
at_end (Parser *p)
{
  return p->pos >= p->length;
}

static void
fail_unexpected (Parser *p)
{
  const char *here = p->data + p->pos;
  gsize left = p->length - p->pos;

  if (at_end (p))
    {
      parser_fail (p, _("unexpected end of file"));
    }
  else if (left >= 2 && here[0] == '/' && (here[1] == '/' || here[1] == '*'))
    {
      parser_fail (p, _("comments are not allowed in a yearly file"));
    }
  else if (here[0] == '\'')
    {
      parser_fail (p, _("strings must be in double quotes"));
    }
  else
    {
      char character[8] = { 0 };
      gunichar c = g_utf8_get_char (here);

      if (c < 0x20 || c == 0x7f)
        /* translators: %u is a character code such as 9 */
        parser_fail (p, _("unexpected control character %u"), c);
      else
        {
          g_unichar_to_utf8 (c, character);
          /* translators: %s is the character found where JSON syntax was expected */
          parser_fail (p, _("unexpected character “%s”"), character);
        }
    }
}

static gboolean
parse_hex4 (Parser  *p,
            guint32 *value)
{
  *value = 0;

  if (p->length - p->pos < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p->data[p->pos + i]);

      if (digit < 0)
        return FALSE;
      *value = (*value << 4) | (guint32)digit;
    }

  p->pos += 4;
  return TRUE;
}

/* Returns: (transfer none) (nullable): the unescaped string, kept by the tree */
static const char *
parse_string_literal (Parser *p)
{
  char *out = p->strings_end;
  const char *str = out;

  g_assert (p->data[p->pos] == '"');
  p->pos++;

  for (;;)
    {
      gsize run_start = p->pos;
      guchar c;

      while (p->pos < p->length)
        {
          c = (guchar)p->data[p->pos];
          if (c == '"' || c == '\\' || c < 0x20)
            break;
          p->pos++;
        }
      memcpy (out, p->data + run_start, p->pos - run_start);
      out += p->pos - run_start;

      if (at_end (p))
        {
          parser_fail (p, _("unterminated string"));
          return NULL;
        }

      c = (guchar)p->data[p->pos];
      if (c == '"')
        {
          p->pos++;
          *out++ = '\0';
          p->strings_end = out;
          return str;
        }

      if (c < 0x20)
        {
          if (c == '\n')
            parser_fail (p, _("unterminated string (line break inside a string)"));
          else
            /* translators: %u is a character code such as 9 */
            parser_fail (p, _("control character %u inside a string must be escaped"), c);
          return NULL;
        }

      /* A backslash escape. */
      p->pos++;
      if (at_end (p))
        {
          parser_fail (p, _("unterminated string"));
          return NULL;
        }

      switch (p->data[p->pos++])
        {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '/': *out++ = '/'; break;
        case 'b': *out++ = '\b'; break;
        case 'f': *out++ = '\f'; break;
        case 'n': *out++ = '\n'; break;
        case 'r': *out++ = '\r'; break;
        case 't': *out++ = '\t'; break;
        case 'u':
          {
            guint32 unit;
            gunichar ch;

            if (!parse_hex4 (p, &unit))
              {
                parser_fail (p, _("invalid \\u escape in a string"));
                return NULL;
              }

            if (unit >= 0xD800 && unit <= 0xDBFF)
              {
                guint32 low;

                if (p->length - p->pos < 2 || p->data[p->pos] != '\\' || p->data[p->pos + 1] != 'u')
                  {
                    parser_fail (p, _("unpaired surrogate in a \\u escape"));
                    return NULL;
                  }
                p->pos += 2;
                if (!parse_hex4 (p, &low) || low < 0xDC00 || low > 0xDFFF)
                  {
                    parser_fail (p, _("unpaired surrogate in a \\u escape"));
                    return NULL;
                  }
                ch = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (unit >= 0xDC00 && unit <= 0xDFFF)
              {
                parser_fail (p, _("unpaired surrogate in a \\u escape"));
                return NULL;
              }
            else
              ch = unit;

            if (ch == 0)
              {
                parser_fail (p, _("a string must not contain the NUL character"));
                return NULL;
              }

            out += g_unichar_to_utf8 (ch, out);
          }
          break;
        default:
          p->pos--;
          parser_fail (p, _("invalid escape sequence in a string"));
          return NULL;
        }
    }
}

/* A number of 400 digits is quoted by its start, not in full. */
static char *
shorten_number (const char *text)
{
  const gsize max_chars = 20;

  if (strlen (text) <= max_chars)
    return g_strdup (text);

  return g_strdup_printf ("%.*s…", (int)max_chars, text);
}

static gboolean
parse_number (Parser     *p,
              const char *name)
{
  gsize start = p->pos;
  gboolean is_integer = TRUE;
  g_autofree char *long_text = NULL;
  char short_text[64];
  const char *text;
  guint index;

  if (p->data[p->pos] == '-')
    p->pos++;

  if (at_end (p) || !g_ascii_isdigit (p->data[p->pos]))
    goto invalid;

  if (p->data[p->pos] == '0')
    {
      p->pos++;
      if (!at_end (p) && g_ascii_isdigit (p->data[p->pos]))
        {
          parser_fail (p, _("numbers must not have leading zeros"));
          return FALSE;
        }
    }
  else
    {
      while (!at_end (p) && g_ascii_isdigit (p->data[p->pos]))
        p->pos++;
    }

  if (!at_end (p) && p->data[p->pos] == '.')
    {
      is_integer = FALSE;
      p->pos++;
      if (at_end (p) || !g_ascii_isdigit (p->data[p->pos]))
        goto invalid;
      while (!at_end (p) && g_ascii_isdigit (p->data[p->pos]))
        p->pos++;
    }

  if (!at_end (p) && (p->data[p->pos] == 'e' || p->data[p->pos] == 'E'))
    {
      is_integer = FALSE;
      p->pos++;
      if (!at_end (p) && (p->data[p->pos] == '+' || p->data[p->pos] == '-'))
        p->pos++;
      if (at_end (p) || !g_ascii_isdigit (p->data[p->pos]))
        goto invalid;
      while (!at_end (p) && g_ascii_isdigit (p->data[p->pos]))
        p->pos++;
    }

  /* Most numbers are short: copied to the stack rather than allocated. */
  if (p->pos - start < sizeof short_text)
    {
      memcpy (short_text, p->data + start, p->pos - start);
      short_text[p->pos - start] = '\0';
      text = short_text;
    }
  else
    text = long_text = g_strndup (p->data + start, p->pos - start);

  if (is_integer)
    {
      gint64 integer;

      /* Beyond the int64 range json-glib would read -1; keep it as a double. */
      if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &integer, NULL))
        {
          index = add_value (p, MS_JSON_INTEGER, start, name);
          parser_value (p, index)->integer = integer;
          return TRUE;
        }
    }

  {
    double value = g_ascii_strtod (text, NULL);

    if (!isfinite (value))
      {
        g_autofree char *shown = shorten_number (text);

        p->pos = start;
        /* translators: %s is a number as written in the file, such as 1e400 */
        parser_fail (p, _("the number %s is too large"), shown);
        return FALSE;
      }

    index = add_value (p, MS_JSON_DOUBLE, start, name);
    parser_value (p, index)->number = value;
    return TRUE;
  }

invalid:
  p->pos = start;
  parser_fail (p, _("invalid number"));
  return FALSE;
}

static gboolean
match_word (Parser     *p,
            const char *word)
{
  gsize len = strlen (word);

  if (p->length - p->pos < len || memcmp (p->data + p->pos, word, len) != 0)
    return FALSE;

  /* "nullx" or "trueish" is not a literal followed by garbage we skip. */
  if (p->pos + len < p->length && g_ascii_isalnum (p->data[p->pos + len]))
    return FALSE;

  p->pos += len;
  return TRUE;
}

typedef enum
{
  SEPARATOR_FAILED,
  SEPARATOR_COMMA,
  SEPARATOR_CLOSED,
} Separator;

/* After a member or element: a comma, or the closing bracket. */
static Separator
after_item (Parser     *p,
            char        closing,
            const char *message)
{
  skip_whitespace (p);
  if (at_end (p) || p->data[p->pos] == '/')
    {
      fail_unexpected (p);
      return SEPARATOR_FAILED;
    }

  if (p->data[p->pos] == closing)
    {
      p->pos++;
      return SEPARATOR_CLOSED;
    }

  if (p->data[p->pos] != ',')
    {
      parser_fail (p, "%s", message);
      return SEPARATOR_FAILED;
    }

  p->pos++;
  return SEPARATOR_COMMA;
}

/* Objects of the format have at most 8 members: among a few, looking for a
 * duplicate through the members read so far is quicker than hashing. */
#define FEW_MEMBERS 16

static gboolean
has_member (Parser     *p,
            guint       object,
            guint       n_members,
            const char *name)
{
  guint index = object + 1;

  for (guint i = 0; i < n_members; i++)
    {
      const MsJsonValue *member = parser_value (p, index);

      if (strcmp (member->name, name) == 0)
        return TRUE;
      index += member->size;
    }

  return FALSE;
}

static gboolean
parse_object (Parser *p,
              guint   object)
{
  g_autoptr(GHashTable) names = NULL;
  guint n_members = 0;

  p->pos++;
  skip_whitespace (p);

  if (!at_end (p) && p->data[p->pos] == '}')
    {
      p->pos++;
      return TRUE;
    }

  for (;;)
    {
      const char *name;
      gsize name_start;
      gboolean duplicate;
      Separator separator;

      skip_whitespace (p);
      if (at_end (p) || p->data[p->pos] != '"')
        {
          if (!at_end (p) && p->data[p->pos] == '}')
            parser_fail (p, _("a comma must not follow the last member of an object"));
          else if (!at_end (p) && p->data[p->pos] == '\'')
            parser_fail (p, _("strings must be in double quotes"));
          else if (at_end (p) || (p->data[p->pos] == '/'))
            fail_unexpected (p);
          else
            parser_fail (p, _("expected a member name in double quotes"));
          return FALSE;
        }

      name_start = p->pos;
      name = parse_string_literal (p);
      if (name == NULL)
        return FALSE;

      path_push (p, name, 0);

      if (names == NULL && n_members >= FEW_MEMBERS)
        {
          guint index = object + 1;

          names = g_hash_table_new (g_str_hash, g_str_equal);
          for (guint i = 0; i < n_members; i++)
            {
              g_hash_table_add (names, (char *)parser_value (p, index)->name);
              index += parser_value (p, index)->size;
            }
        }

      if (names != NULL)
        duplicate = !g_hash_table_add (names, (char *)name);
      else
        duplicate = has_member (p, object, n_members, name);

      if (duplicate)
        {
          /* Point at the name, not past it. */
          p->pos = name_start;
          /* translators: %s is a member name of the JSON file, such as "title" */
          parser_fail (p, _("duplicate member “%s”"), name);
          return FALSE;
        }

      skip_whitespace (p);
      if (at_end (p) || p->data[p->pos] != ':')
        {
          if (at_end (p))
            fail_unexpected (p);
          else
            parser_fail (p, _("expected “:” after a member name"));
          return FALSE;
        }
      p->pos++;

      if (!parse_value (p, name))
        return FALSE;
      n_members++;
      p->path_length--;

      separator = after_item (p, '}', _("expected “,” or “}” after an object member"));
      if (separator == SEPARATOR_FAILED)
        return FALSE;
      if (separator == SEPARATOR_CLOSED)
        break;
    }

  parser_value (p, object)->n_items = n_members;
  return TRUE;
}

static gboolean
parse_array (Parser *p,
             guint   array)
{
  guint index;

  p->pos++;
  skip_whitespace (p);

  if (!at_end (p) && p->data[p->pos] == ']')
    {
      p->pos++;
      return TRUE;
    }

  for (index = 0;; index++)
    {
      Separator separator;

      path_push (p, NULL, index);

      skip_whitespace (p);
      if (!at_end (p) && p->data[p->pos] == ']' && index > 0)
        {
          parser_fail (p, _("a comma must not follow the last element of an array"));
          return FALSE;
        }

      if (!parse_value (p, NULL))
        return FALSE;
      p->path_length--;

      separator = after_item (p, ']', _("expected “,” or “]” after an array element"));
      if (separator == SEPARATOR_FAILED)
        return FALSE;
      if (separator == SEPARATOR_CLOSED)
        break;
    }

  parser_value (p, array)->n_items = index + 1;
  return TRUE;
}

/* Adds the value at the current position, named @name inside an object. */
static gboolean
parse_value (Parser     *p,
             const char *name)
{
  gsize start;
  guint index;
  char c;

  skip_whitespace (p);
  if (at_end (p))
    {
      fail_unexpected (p);
      return FALSE;
    }

  start = p->pos;
  c = p->data[p->pos];

  if (++p->n_values > MS_JSON_MAX_VALUES)
    {
      /* translators: %d is a number of values, such as 500000 */
      parser_fail (p, _("more than %d values, too many for a yearly file"), MS_JSON_MAX_VALUES);
      return FALSE;
    }

  if (c == '{' || c == '[')
    {
      gboolean ok;

      if (++p->depth > MS_JSON_MAX_DEPTH)
        {
          /* translators: %d is a number of levels, such as 256 */
          parser_fail (p, _("nesting deeper than %d levels"), MS_JSON_MAX_DEPTH);
          return FALSE;
        }

      index = add_value (p, c == '{' ? MS_JSON_OBJECT : MS_JSON_ARRAY, start, name);
      ok = c == '{' ? parse_object (p, index) : parse_array (p, index);
      p->depth--;
      if (ok)
        parser_value (p, index)->size = p->tree->values->len - index;
      return ok;
    }
  else if (c == '"')
    {
      const char *str = parse_string_literal (p);

      if (str == NULL)
        return FALSE;
      index = add_value (p, MS_JSON_STRING, start, name);
      parser_value (p, index)->string = str;
    }
  else if (c == '-' || g_ascii_isdigit (c))
    return parse_number (p, name);
  else if (match_word (p, "true"))
    {
      index = add_value (p, MS_JSON_BOOLEAN, start, name);
      parser_value (p, index)->boolean = TRUE;
    }
  else if (match_word (p, "false"))
    add_value (p, MS_JSON_BOOLEAN, start, name);
  else if (match_word (p, "null"))
    add_value (p, MS_JSON_NULL, start, name);
  else if (g_ascii_isalpha (c))
    {
      gsize end = p->pos;
      g_autofree char *word = NULL;

      while (end < p->length && (g_ascii_isalnum (p->data[end]) || p->data[end] == '_'))
        end++;
      word = g_strndup (p->data + p->pos, MIN (end - p->pos, 40));
      /* translators: %s is a bare word found where a JSON value was expected, e.g. var or NaN */
      parser_fail (p, _("“%s” is not a JSON value"), word);
      return FALSE;
    }
  else
    {
      fail_unexpected (p);
      return FALSE;
    }

  return TRUE;
}

void
_ms_json_tree_free (MsJsonTree *tree)
{
  if (tree == NULL)
    return;

  g_clear_pointer (&tree->values, g_array_unref);
  g_clear_pointer (&tree->marks, g_array_unref);
  g_free (tree->strings);
  g_free (tree);
}

static MsJsonTree *
tree_new (const char *data,
          gsize       length,
          gsize       start)
{
  MsJsonTree *tree = g_new0 (MsJsonTree, 1);
  Mark first = { start, 1, 0 };

  tree->data = data;
  tree->length = length;
  /* A guess that spares most regrowing: a value of a yearly file takes about
   * 50 bytes of text. */
  tree->values = g_array_sized_new (FALSE, FALSE, sizeof (MsJsonValue), length / 64 + 16);
  tree->strings = g_malloc (length + 1);
  tree->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_array_append_val (tree->marks, first);
  tree->counted = start;
  tree->line = 1;
  tree->next_mark = start + MARK_SPACING;

  return tree;
}

/*
 * _ms_json_tree_parse:
 * @faults: where a syntax fault is added, as #MsFault
 *
 * Parses strict JSON (RFC 8259) after checking the size and UTF-8. The tree
 * points into @data, which must outlive it.
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with a fault added
 */
MsJsonTree *
_ms_json_tree_parse (const char *data,
                     gsize       length,
                     GPtrArray  *faults)
{
  g_autoptr(MsJsonTree) tree = NULL;
  const char *invalid = NULL;
  gsize start = 0;
  Parser p = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (faults != NULL, NULL);

  if (length > MS_JSON_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (MS_JSON_MAX_SIZE);

      _ms_json_add_fault (faults, 1, 1, NULL,
                          /* translators: %s is a size such as "33.6 MB" */
                          g_strdup_printf (_("the file is larger than %s, too large for a yearly file"),
                                           limit));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;

      locate_byte (data, invalid - data, &line, &column);
      _ms_json_add_fault (faults, line, column, NULL,
                          g_strdup (_("the file is not valid UTF-8 text; save it as UTF-8")));
      return NULL;
    }

  /* Editors on Windows may start the file with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    start = 3;

  tree = tree_new (data, length, start);
  p.tree = tree;
  p.data = data;
  p.length = length;
  p.pos = start;
  p.strings_end = tree->strings;
  p.faults = faults;

  skip_whitespace (&p);
  if (at_end (&p))
    {
      parser_fail (&p, _("the file is empty"));
      return NULL;
    }

  if (!parse_value (&p, NULL))
    return NULL;

  skip_whitespace (&p);
  if (!at_end (&p))
    {
      if (p.data[p.pos] == ';' || p.data[p.pos] == '/')
        fail_unexpected (&p);
      else
        parser_fail (&p, _("unexpected text after the end of the document"));
      return NULL;
    }

  return g_steal_pointer (&tree);
}

const MsJsonValue *
_ms_json_tree_get_root (MsJsonTree *tree)
{
  return &g_array_index (tree->values, MsJsonValue, 0);
}

/* Where @value starts, as line and column (characters) from 1. */
void
_ms_json_tree_locate (MsJsonTree        *tree,
                      const MsJsonValue *value,
                      guint             *line,
                      guint             *column)
{
  tree_locate_byte (tree, value->offset, line, column);
}

/*
 * _ms_json_tree_to_node:
 * @locations: (nullable): a #JsonNode → #MsJsonLocation table to fill
 *
 * Returns: (transfer full): @value and everything inside it as json-glib nodes
 */
JsonNode *
_ms_json_tree_to_node (MsJsonTree        *tree,
                       const MsJsonValue *value,
                       GHashTable        *locations)
{
  JsonNode *node = json_node_alloc ();

  /* Located before the values inside, so that counting only moves forward. */
  if (locations != NULL)
    {
      MsJsonLocation *location = g_new (MsJsonLocation, 1);

      _ms_json_tree_locate (tree, value, &location->line, &location->column);
      g_hash_table_insert (locations, node, location);
    }

  switch (value->kind)
    {
    case MS_JSON_NULL:
      return json_node_init_null (node);
    case MS_JSON_BOOLEAN:
      return json_node_init_boolean (node, value->boolean);
    case MS_JSON_INTEGER:
      return json_node_init_int (node, value->integer);
    case MS_JSON_DOUBLE:
      return json_node_init_double (node, value->number);
    case MS_JSON_STRING:
      return json_node_init_string (node, value->string);
    case MS_JSON_ARRAY:
      {
        g_autoptr(JsonArray) array = json_array_sized_new (value->n_items);
        const MsJsonValue *item = _ms_json_value_first (value);

        for (guint i = 0; i < value->n_items; i++, item = _ms_json_value_next (item))
          json_array_add_element (array, _ms_json_tree_to_node (tree, item, locations));
        return json_node_init_array (node, array);
      }
    case MS_JSON_OBJECT:
      {
        g_autoptr(JsonObject) object = json_object_new ();
        const MsJsonValue *item = _ms_json_value_first (value);

        for (guint i = 0; i < value->n_items; i++, item = _ms_json_value_next (item))
          json_object_set_member (object, item->name, _ms_json_tree_to_node (tree, item, locations));
        return json_node_init_object (node, object);
      }
    default:
      g_assert_not_reached ();
    }
}

/**
 * ms_json_parse:
 * @locations: (out) (optional): a #JsonNode → location table, for faults later
 * @faults: where a syntax fault is added, as #MsFault
 *
 * Parses strict JSON (RFC 8259) after checking the size and UTF-8.
 *
 * Returns: (transfer full) (nullable): the root node, or %NULL with a fault added
 */
JsonNode *
ms_json_parse (const char  *data,
               gsize        length,
               GHashTable **locations,
               GPtrArray   *faults)
{
  g_autoptr(MsJsonTree) tree = NULL;
  g_autoptr(GHashTable) table = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (faults != NULL, NULL);

  if (locations != NULL)
    *locations = NULL;

  tree = _ms_json_tree_parse (data, length, faults);
  if (tree == NULL)
    return NULL;

  if (locations != NULL)
    table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  root = _ms_json_tree_to_node (tree, _ms_json_tree_get_root (tree), table);

  if (locations != NULL)
    *locations = g_steal_pointer (&table);

  return root;
}
