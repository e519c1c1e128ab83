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
 * stack on deep input. This strict parser builds json-glib nodes itself and
 * remembers where each one started, so every fault can name its line. */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;
  gsize       line_start;
  gsize       column_pos;
  guint       column_chars;
  guint       depth;
  guint       n_values;
  GString    *path;
  GHashTable *locations;
  GPtrArray  *faults;
  gboolean    failed;
} Parser;

G_DEFINE_BOXED_TYPE (MsFault, ms_fault, ms_fault_copy, ms_fault_free)

G_DEFINE_QUARK (ms-document-error-quark, ms_document_error)

static JsonNode *parse_value (Parser *p);

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
 * shows on a line of Chinese text. Counted incrementally to stay linear on
 * long single-line files. */
static void
parser_here (Parser *p,
             guint  *line,
             guint  *column)
{
  gsize pos = MIN (p->pos, p->length);

  if (p->column_pos < p->line_start || p->column_pos > pos)
    {
      p->column_pos = p->line_start;
      p->column_chars = 0;
    }

  p->column_chars += g_utf8_strlen (p->data + p->column_pos, pos - p->column_pos);
  p->column_pos = pos;

  *line = p->line;
  *column = p->column_chars + 1;
}

G_GNUC_PRINTF (2, 3)
static void
parser_fail (Parser     *p,
             const char *format,
             ...)
{
  va_list args;
  guint line, column;

  if (p->failed)
    return;

  p->failed = TRUE;
  parser_here (p, &line, &column);

  va_start (args, format);
  _ms_json_add_fault (p->faults, line, column, p->path->str, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
parser_remember (Parser   *p,
                 JsonNode *node,
                 guint     line,
                 guint     column)
{
  MsJsonLocation *location = g_new (MsJsonLocation, 1);

  location->line = line;
  location->column = column;
  g_hash_table_insert (p->locations, node, location);
}

static void
skip_whitespace (Parser *p)
{
  while (p->pos < p->length)
    {
      char c = p->data[p->pos];

      if (c == '\n')
        {
          p->pos++;
          p->line++;
          p->line_start = p->pos;
        }
      else if (c == ' ' || c == '\t' || c == '\r')
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

/* Returns: (transfer full) (nullable): the unescaped string */
static char *
parse_string_literal (Parser *p)
{
  g_autoptr(GString) str = g_string_new (NULL);

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
      g_string_append_len (str, p->data + run_start, p->pos - run_start);

      if (at_end (p))
        {
          parser_fail (p, _("unterminated string"));
          return NULL;
        }

      c = (guchar)p->data[p->pos];
      if (c == '"')
        {
          p->pos++;
          return g_string_free (g_steal_pointer (&str), FALSE);
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
        case '"': g_string_append_c (str, '"'); break;
        case '\\': g_string_append_c (str, '\\'); break;
        case '/': g_string_append_c (str, '/'); break;
        case 'b': g_string_append_c (str, '\b'); break;
        case 'f': g_string_append_c (str, '\f'); break;
        case 'n': g_string_append_c (str, '\n'); break;
        case 'r': g_string_append_c (str, '\r'); break;
        case 't': g_string_append_c (str, '\t'); break;
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

            g_string_append_unichar (str, ch);
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

static JsonNode *
parse_number (Parser *p)
{
  gsize start = p->pos;
  gboolean is_integer = TRUE;
  g_autofree char *text = NULL;
  JsonNode *node;

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
          return NULL;
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

  text = g_strndup (p->data + start, p->pos - start);
  node = json_node_alloc ();

  if (is_integer)
    {
      gint64 integer;

      /* Beyond the int64 range json-glib would read -1; keep it as a double. */
      if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &integer, NULL))
        return json_node_init_int (node, integer);
    }

  {
    double value = g_ascii_strtod (text, NULL);

    if (!isfinite (value))
      {
        g_autofree char *shown = shorten_number (text);

        json_node_unref (node);
        p->pos = start;
        /* translators: %s is a number as written in the file, such as 1e400 */
        parser_fail (p, _("the number %s is too large"), shown);
        return NULL;
      }

    return json_node_init_double (node, value);
  }

invalid:
  p->pos = start;
  parser_fail (p, _("invalid number"));
  return NULL;
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

static JsonNode *
parse_object (Parser *p)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();
  gsize path_length = p->path->len;

  p->pos++;
  skip_whitespace (p);

  if (!at_end (p) && p->data[p->pos] == '}')
    {
      p->pos++;
      json_node_take_object (node, g_steal_pointer (&object));
      return g_steal_pointer (&node);
    }

  for (;;)
    {
      g_autofree char *name = NULL;
      JsonNode *value;
      gsize name_start;
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
          return NULL;
        }

      name_start = p->pos;
      name = parse_string_literal (p);
      if (name == NULL)
        return NULL;

      if (p->path->len > 0)
        g_string_append_c (p->path, '.');
      g_string_append (p->path, name);

      if (json_object_has_member (object, name))
        {
          /* Point at the name, not past it. */
          p->pos = name_start;
          /* translators: %s is a member name of the JSON file, such as "title" */
          parser_fail (p, _("duplicate member “%s”"), name);
          return NULL;
        }

      skip_whitespace (p);
      if (at_end (p) || p->data[p->pos] != ':')
        {
          if (at_end (p))
            fail_unexpected (p);
          else
            parser_fail (p, _("expected “:” after a member name"));
          return NULL;
        }
      p->pos++;

      value = parse_value (p);
      if (value == NULL)
        return NULL;
      json_object_set_member (object, name, value);
      g_string_truncate (p->path, path_length);

      separator = after_item (p, '}', _("expected “,” or “}” after an object member"));
      if (separator == SEPARATOR_FAILED)
        return NULL;
      if (separator == SEPARATOR_CLOSED)
        break;
    }

  json_node_take_object (node, g_steal_pointer (&object));
  return g_steal_pointer (&node);
}

static JsonNode *
parse_array (Parser *p)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(JsonArray) array = json_array_new ();
  gsize path_length = p->path->len;

  p->pos++;
  skip_whitespace (p);

  if (!at_end (p) && p->data[p->pos] == ']')
    {
      p->pos++;
      json_node_take_array (node, g_steal_pointer (&array));
      return g_steal_pointer (&node);
    }

  for (guint index = 0;; index++)
    {
      JsonNode *element;
      Separator separator;

      g_string_append_printf (p->path, "[%u]", index);

      skip_whitespace (p);
      if (!at_end (p) && p->data[p->pos] == ']' && index > 0)
        {
          parser_fail (p, _("a comma must not follow the last element of an array"));
          return NULL;
        }

      element = parse_value (p);
      if (element == NULL)
        return NULL;
      json_array_add_element (array, element);
      g_string_truncate (p->path, path_length);

      separator = after_item (p, ']', _("expected “,” or “]” after an array element"));
      if (separator == SEPARATOR_FAILED)
        return NULL;
      if (separator == SEPARATOR_CLOSED)
        break;
    }

  json_node_take_array (node, g_steal_pointer (&array));
  return g_steal_pointer (&node);
}

static JsonNode *
parse_value (Parser *p)
{
  JsonNode *node = NULL;
  guint line, column;
  char c;

  skip_whitespace (p);
  if (at_end (p))
    {
      fail_unexpected (p);
      return NULL;
    }

  parser_here (p, &line, &column);
  c = p->data[p->pos];

  if (++p->n_values > MS_JSON_MAX_VALUES)
    {
      /* translators: %d is a number of values, such as 500000 */
      parser_fail (p, _("more than %d values, too many for a yearly file"), MS_JSON_MAX_VALUES);
      return NULL;
    }

  if (c == '{' || c == '[')
    {
      if (++p->depth > MS_JSON_MAX_DEPTH)
        {
          /* translators: %d is a number of levels, such as 256 */
          parser_fail (p, _("nesting deeper than %d levels"), MS_JSON_MAX_DEPTH);
          return NULL;
        }
      node = c == '{' ? parse_object (p) : parse_array (p);
      p->depth--;
    }
  else if (c == '"')
    {
      g_autofree char *str = parse_string_literal (p);

      if (str != NULL)
        node = json_node_init_string (json_node_alloc (), str);
    }
  else if (c == '-' || g_ascii_isdigit (c))
    node = parse_number (p);
  else if (match_word (p, "true"))
    node = json_node_init_boolean (json_node_alloc (), TRUE);
  else if (match_word (p, "false"))
    node = json_node_init_boolean (json_node_alloc (), FALSE);
  else if (match_word (p, "null"))
    node = json_node_init_null (json_node_alloc ());
  else if (g_ascii_isalpha (c))
    {
      gsize end = p->pos;
      g_autofree char *word = NULL;

      while (end < p->length && (g_ascii_isalnum (p->data[end]) || p->data[end] == '_'))
        end++;
      word = g_strndup (p->data + p->pos, MIN (end - p->pos, 40));
      /* translators: %s is a bare word found where a JSON value was expected, e.g. var or NaN */
      parser_fail (p, _("“%s” is not a JSON value"), word);
    }
  else
    fail_unexpected (p);

  if (node != NULL)
    parser_remember (p, node, line, column);

  return node;
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
  g_autoptr(GString) path = g_string_new (NULL);
  g_autoptr(GHashTable) table = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(JsonNode) root = NULL;
  const char *invalid = NULL;
  Parser p = { 0 };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (faults != NULL, NULL);

  if (locations != NULL)
    *locations = NULL;

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

  p.data = data;
  p.length = length;
  p.line = 1;
  p.path = path;
  p.locations = table;
  p.faults = faults;

  /* Editors on Windows may start the file with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      p.pos = p.line_start = p.column_pos = 3;
    }

  skip_whitespace (&p);
  if (at_end (&p))
    {
      parser_fail (&p, _("the file is empty"));
      return NULL;
    }

  root = parse_value (&p);
  if (root == NULL)
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

  if (locations != NULL)
    *locations = g_steal_pointer (&table);

  return g_steal_pointer (&root);
}
