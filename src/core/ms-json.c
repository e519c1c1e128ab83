/* ms-json.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-document.h"
#include "ms-json.h"
#include "ms-json-private.h"
#include "ms-number.h"

/* json-glib 1.6's own parser is lenient (comments, `var x =`, single quotes),
 * keeps no position per node, drops duplicate keys silently and overflows the
 * stack on deep input. This strict parser builds json-glib nodes itself and
 * remembers where each one started, so every fault can name its line. */

typedef struct
{
  guint line;
  guint column;
} Location;

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

/* 2^53: whole numbers above it do not survive a double. */
#define MAX_EXACT_INTEGER (G_GINT64_CONSTANT (1) << 53)

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

static void
add_fault (GPtrArray  *faults,
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
  add_fault (p->faults, line, column, p->path->str, g_strdup_vprintf (format, args));
  va_end (args);
}

static void
parser_remember (Parser   *p,
                 JsonNode *node,
                 guint     line,
                 guint     column)
{
  Location *location = g_new (Location, 1);

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

      add_fault (faults, 1, 1, NULL,
                 /* translators: %s is a size such as "33.6 MB" */
                 g_strdup_printf (_("the file is larger than %s, too large for a yearly file"),
                                  limit));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &invalid))
    {
      guint line, column;

      locate_byte (data, invalid - data, &line, &column);
      add_fault (faults, line, column, NULL,
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

/* Reading a document: every fault is collected, not just the first, so that
 * `minsheng-cli validate` can list them all. */

typedef struct
{
  GHashTable *locations;
  GPtrArray  *faults;
  GString    *path;
  gboolean    unsupported;
} Reader;

G_GNUC_PRINTF (3, 4)
static void
reader_fault (Reader     *r,
              JsonNode   *at,
              const char *format,
              ...)
{
  const Location *location = at ? g_hash_table_lookup (r->locations, at) : NULL;
  va_list args;

  va_start (args, format);
  add_fault (r->faults,
             location ? location->line : 1,
             location ? location->column : 1,
             r->path->str,
             g_strdup_vprintf (format, args));
  va_end (args);
}

static gsize
path_push_member (Reader     *r,
                  const char *name)
{
  gsize saved = r->path->len;

  if (r->path->len > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, name);

  return saved;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize saved = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);

  return saved;
}

static void
path_pop (Reader *r,
          gsize   saved)
{
  g_string_truncate (r->path, saved);
}

static JsonObject *
collect_extra (JsonObject         *object,
               const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);
  JsonObject *extra = NULL;

  for (const GList *iter = members; iter != NULL; iter = iter->next)
    {
      const char *name = iter->data;

      if (g_strv_contains (known, name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_ref (json_object_get_member (object, name)));
    }

  return extra;
}

static void
take_extra (MsNode     *node,
            JsonObject *object,
            const char * const *known)
{
  g_autoptr(JsonObject) extra = collect_extra (object, known);

  ms_node_set_extra (node, extra);
}

/* Returns: (transfer none) (nullable): the member, or %NULL with a fault when
 * it is required and missing */
static JsonNode *
find_member (Reader     *r,
             JsonNode   *object_node,
             const char *name,
             gboolean    required)
{
  JsonObject *object = json_node_get_object (object_node);
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL && required)
    /* translators: %s is a member name of the JSON file, such as "title" */
    reader_fault (r, object_node, _("missing required member “%s”"), name);

  return member;
}

static char *
read_string (Reader     *r,
             JsonNode   *object_node,
             const char *name,
             gboolean    required)
{
  JsonNode *member = find_member (r, object_node, name, required);
  char *value = NULL;
  gsize saved;

  if (member == NULL)
    return g_strdup ("");

  saved = path_push_member (r, name);
  if (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING)
    value = g_strdup (json_node_get_string (member));
  else
    reader_fault (r, member, _("must be a string in double quotes"));
  path_pop (r, saved);

  return value ? value : g_strdup ("");
}

static gboolean
node_get_number (JsonNode *node,
                 double   *value)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = (double)json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    *value = json_node_get_double (node);
  else
    return FALSE;

  return TRUE;
}

static gboolean
read_whole_number (Reader     *r,
                   JsonNode   *object_node,
                   const char *name,
                   int         minimum,
                   int         maximum,
                   gint64     *out)
{
  JsonNode *member = find_member (r, object_node, name, TRUE);
  gboolean ok = FALSE;
  double value;
  gsize saved;

  *out = minimum;
  if (member == NULL)
    return FALSE;

  saved = path_push_member (r, name);
  if (!node_get_number (member, &value) || value != floor (value))
    reader_fault (r, member, _("must be a whole number"));
  else if (value < (double)minimum || value > (double)maximum)
    /* translators: the range of allowed values, such as "must be from 1900 to 2200" */
    reader_fault (r, member, _("must be from %d to %d"), (int)minimum, (int)maximum);
  else
    {
      *out = (gint64)value;
      ok = TRUE;
    }
  path_pop (r, saved);

  return ok;
}

/* Returns: FALSE when missing or invalid (a fault is added unless it is null and @nullable) */
static gboolean
read_figure (Reader     *r,
             JsonNode   *object_node,
             const char *name,
             gboolean    required,
             gboolean    nullable,
             double     *out)
{
  JsonNode *member = find_member (r, object_node, name, required);
  gboolean ok = FALSE;
  gsize saved;

  *out = 0;
  if (member == NULL)
    return FALSE;

  saved = path_push_member (r, name);
  if (nullable && JSON_NODE_HOLDS_NULL (member))
    ok = FALSE;
  else if (!node_get_number (member, out))
    reader_fault (r, member, nullable ? _("must be a number, or null when not reported yet")
                                      : _("must be a number"));
  else if (*out < 0)
    reader_fault (r, member, _("must not be negative"));
  else if (json_node_get_value_type (member) == G_TYPE_INT64 &&
           json_node_get_int (member) > MAX_EXACT_INTEGER)
    /* A double holds whole numbers exactly only up to 2^53. */
    reader_fault (r, member, _("is too large to be kept exactly"));
  else if (!ms_figure_is_plausible (*out))
    reader_fault (r, member, _("is larger than 10^15, too large for a figure; check it for a "
                               "typing error"));
  else
    ok = TRUE;
  path_pop (r, saved);

  return ok;
}

static char **
read_string_list (Reader     *r,
                  JsonNode   *object_node,
                  const char *name)
{
  JsonNode *member = find_member (r, object_node, name, FALSE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize saved;

  if (member == NULL)
    return g_strv_builder_end (builder);

  saved = path_push_member (r, name);
  if (!JSON_NODE_HOLDS_ARRAY (member))
    reader_fault (r, member, _("must be a list of strings, such as [\"市教育局\"]"));
  else
    {
      JsonArray *array = json_node_get_array (member);
      guint length = json_array_get_length (array);

      for (guint i = 0; i < length; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          gsize saved_index = path_push_index (r, i);

          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
          else
            reader_fault (r, element, _("must be a string in double quotes"));
          path_pop (r, saved_index);
        }
    }
  path_pop (r, saved);

  return g_strv_builder_end (builder);
}

/* Returns: (transfer none) (nullable): the array member */
static JsonArray *
read_array (Reader     *r,
            JsonNode   *object_node,
            const char *name,
            gboolean    required)
{
  JsonNode *member = find_member (r, object_node, name, required);
  gsize saved;

  if (member == NULL)
    return NULL;

  if (JSON_NODE_HOLDS_ARRAY (member))
    return json_node_get_array (member);

  saved = path_push_member (r, name);
  reader_fault (r, member, _("must be a list in square brackets"));
  path_pop (r, saved);

  return NULL;
}

static gboolean
check_object (Reader   *r,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;

  reader_fault (r, node, _("must be an object in curly braces"));
  return FALSE;
}

static MsIndicator *
read_indicator (Reader   *r,
                JsonNode *node)
{
  static const char * const known[] = { "name", "unit", "target", "actual", "comparison", NULL };
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  JsonNode *comparison_node;
  double figure;

  if (!check_object (r, node))
    return NULL;

  name = read_string (r, node, "name", TRUE);
  unit = read_string (r, node, "unit", FALSE);
  ms_indicator_set_name (indicator, name);
  ms_indicator_set_unit (indicator, unit);

  if (read_figure (r, node, "target", TRUE, FALSE, &figure))
    ms_indicator_set_target (indicator, figure);
  if (read_figure (r, node, "actual", FALSE, TRUE, &figure))
    ms_indicator_set_actual (indicator, figure);

  comparison_node = find_member (r, node, "comparison", FALSE);
  if (comparison_node != NULL)
    {
      g_autofree char *text = read_string (r, node, "comparison", FALSE);
      MsComparison comparison;

      if (ms_comparison_from_string (text, &comparison))
        ms_indicator_set_comparison (indicator, comparison);
      else if (JSON_NODE_HOLDS_VALUE (comparison_node) &&
               json_node_get_value_type (comparison_node) == G_TYPE_STRING)
        {
          gsize saved = path_push_member (r, "comparison");

          reader_fault (r, comparison_node,
                        /* translators: %s is the value found in the file; the listed words are
                         * file keywords and must stay in English */
                        _("unknown comparison “%s” (expected at-least, at-most, exactly or about)"),
                        text);
          path_pop (r, saved);
        }
    }

  take_extra (MS_NODE (indicator), json_node_get_object (node), known);
  return g_steal_pointer (&indicator);
}

static MsProject *
read_project (Reader   *r,
              JsonNode *node)
{
  static const char * const known[] = {
    "number", "target", "departments", "partners", "completion", "status", "note",
    "indicators", NULL
  };
  g_autoptr(MsProject) project = ms_project_new ();
  g_autofree char *target = NULL;
  g_autofree char *completion = NULL;
  g_autofree char *note = NULL;
  g_auto(GStrv) departments = NULL;
  g_auto(GStrv) partners = NULL;
  JsonNode *status_node;
  JsonArray *indicators;
  gint64 number;

  if (!check_object (r, node))
    return NULL;

  if (read_whole_number (r, node, "number", 1, G_MAXINT32, &number))
    ms_project_set_number (project, (guint)number);

  target = read_string (r, node, "target", TRUE);
  ms_project_set_target (project, target);
  departments = read_string_list (r, node, "departments");
  ms_project_set_departments (project, (const char * const *)departments);
  partners = read_string_list (r, node, "partners");
  ms_project_set_partners (project, (const char * const *)partners);
  completion = read_string (r, node, "completion", FALSE);
  ms_project_set_completion (project, completion);
  note = read_string (r, node, "note", FALSE);
  ms_project_set_note (project, note);

  status_node = find_member (r, node, "status", FALSE);
  if (status_node != NULL)
    {
      g_autofree char *text = read_string (r, node, "status", FALSE);
      MsStatus status;

      if (ms_status_from_string (text, &status))
        ms_project_set_status (project, status);
      else if (JSON_NODE_HOLDS_VALUE (status_node) &&
               json_node_get_value_type (status_node) == G_TYPE_STRING)
        {
          gsize saved = path_push_member (r, "status");

          reader_fault (r, status_node,
                        /* translators: %s is the value found in the file; the listed words are
                         * file keywords and must stay in English */
                        _("unknown status “%s” (expected not-started, in-progress, completed or delayed)"),
                        text);
          path_pop (r, saved);
        }
    }

  indicators = read_array (r, node, "indicators", FALSE);
  for (guint i = 0; indicators != NULL && i < json_array_get_length (indicators); i++)
    {
      gsize saved = path_push_member (r, "indicators");
      g_autoptr(MsIndicator) indicator = NULL;

      path_push_index (r, i);
      indicator = read_indicator (r, json_array_get_element (indicators, i));
      if (indicator != NULL)
        ms_project_insert_indicator (project, G_MAXUINT, indicator);
      path_pop (r, saved);
    }

  take_extra (MS_NODE (project), json_node_get_object (node), known);
  return g_steal_pointer (&project);
}

static MsGroup *
read_group (Reader   *r,
            JsonNode *node)
{
  static const char * const known[] = { "number", "title", "projects", NULL };
  g_autoptr(MsGroup) group = ms_group_new ();
  g_autofree char *title = NULL;
  JsonArray *projects;
  gint64 number;

  if (!check_object (r, node))
    return NULL;

  if (read_whole_number (r, node, "number", 1, G_MAXINT32, &number))
    ms_group_set_number (group, (guint)number);
  title = read_string (r, node, "title", TRUE);
  ms_group_set_title (group, title);

  projects = read_array (r, node, "projects", TRUE);
  for (guint i = 0; projects != NULL && i < json_array_get_length (projects); i++)
    {
      gsize saved = path_push_member (r, "projects");
      g_autoptr(MsProject) project = NULL;

      path_push_index (r, i);
      project = read_project (r, json_array_get_element (projects, i));
      if (project != NULL)
        ms_group_insert_project (group, G_MAXUINT, project);
      path_pop (r, saved);
    }

  take_extra (MS_NODE (group), json_node_get_object (node), known);
  return g_steal_pointer (&group);
}

static MsCategory *
read_category (Reader     *r,
               JsonNode   *node,
               GHashTable *seen_ids)
{
  static const char * const known[] = { "id", "title", "groups", NULL };
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  JsonArray *groups;

  if (!check_object (r, node))
    return NULL;

  id = read_string (r, node, "id", TRUE);
  if (find_member (r, node, "id", FALSE) != NULL &&
      JSON_NODE_HOLDS_VALUE (find_member (r, node, "id", FALSE)) &&
      json_node_get_value_type (find_member (r, node, "id", FALSE)) == G_TYPE_STRING)
    {
      JsonNode *id_node = find_member (r, node, "id", FALSE);
      gsize saved = path_push_member (r, "id");

      if (id[0] == '\0')
        reader_fault (r, id_node, _("must not be empty"));
      else if (g_hash_table_contains (seen_ids, id))
        /* translators: %s is a category id such as "provincial" */
        reader_fault (r, id_node, _("another category already has the id “%s”"), id);
      else
        g_hash_table_add (seen_ids, g_strdup (id));
      path_pop (r, saved);
    }
  ms_category_set_id (category, id);

  title = read_string (r, node, "title", TRUE);
  ms_category_set_title (category, title);

  groups = read_array (r, node, "groups", TRUE);
  for (guint i = 0; groups != NULL && i < json_array_get_length (groups); i++)
    {
      gsize saved = path_push_member (r, "groups");
      g_autoptr(MsGroup) group = NULL;

      path_push_index (r, i);
      group = read_group (r, json_array_get_element (groups, i));
      if (group != NULL)
        ms_category_insert_group (category, G_MAXUINT, group);
      path_pop (r, saved);
    }

  take_extra (MS_NODE (category), json_node_get_object (node), known);
  return g_steal_pointer (&category);
}

/* Returns: FALSE when the rest of the file cannot be read as our format */
static gboolean
read_format_and_version (Reader   *r,
                         JsonNode *root)
{
  JsonNode *format = find_member (r, root, "format", FALSE);
  JsonNode *version;
  gsize saved;
  double number;

  if (format == NULL)
    {
      reader_fault (r, root, _("not a Minsheng Tracker yearly file: the member “format” is missing"));
      r->unsupported = TRUE;
      return FALSE;
    }

  saved = path_push_member (r, "format");
  if (!JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (format), "minsheng"))
    {
      reader_fault (r, format, _("not a Minsheng Tracker yearly file: “format” must be “minsheng”"));
      r->unsupported = TRUE;
      path_pop (r, saved);
      return FALSE;
    }
  path_pop (r, saved);

  version = find_member (r, root, "version", TRUE);
  if (version == NULL)
    return FALSE;

  saved = path_push_member (r, "version");
  if (!node_get_number (version, &number) || number != floor (number))
    reader_fault (r, version, _("must be a whole number"));
  else if (number > MS_FORMAT_VERSION)
    {
      char buffer[MS_NUMBER_JSON_BUFSIZE];

      /* translators: both are file format version numbers, such as 2 and 1 */
      reader_fault (r, version, _("the file is in format version %s, but this version of "
                                  "Minsheng Tracker reads only up to version %d; "
                                  "please update the application"),
                    ms_number_format_json (buffer, sizeof buffer, number), MS_FORMAT_VERSION);
      r->unsupported = TRUE;
    }
  else if (number < 1)
    reader_fault (r, version, _("must be 1 or more"));
  path_pop (r, saved);

  return !r->unsupported;
}

static MsDocument *
read_document (Reader   *r,
               JsonNode *root)
{
  static const char * const known[] = {
    "format", "version", "region", "year", "title", "intro", "note", "categories", NULL
  };
  g_autoptr(GHashTable) seen_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(MsDocument) document = ms_document_new ();
  g_autofree char *region = NULL;
  g_autofree char *title = NULL;
  g_autofree char *intro = NULL;
  g_autofree char *note = NULL;
  JsonArray *categories;
  gint64 year;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      reader_fault (r, root, _("not a Minsheng Tracker yearly file: the document must be an "
                               "object in curly braces"));
      r->unsupported = TRUE;
      return NULL;
    }

  if (!read_format_and_version (r, root))
    return NULL;

  region = read_string (r, root, "region", FALSE);
  ms_document_set_region (document, region);
  if (read_whole_number (r, root, "year", 1900, 2200, &year))
    ms_document_set_year (document, (int)year);
  title = read_string (r, root, "title", TRUE);
  ms_document_set_title (document, title);
  intro = read_string (r, root, "intro", FALSE);
  ms_document_set_intro (document, intro);
  note = read_string (r, root, "note", FALSE);
  ms_document_set_note (document, note);

  categories = read_array (r, root, "categories", TRUE);
  for (guint i = 0; categories != NULL && i < json_array_get_length (categories); i++)
    {
      gsize saved = path_push_member (r, "categories");
      g_autoptr(MsCategory) category = NULL;

      path_push_index (r, i);
      category = read_category (r, json_array_get_element (categories, i), seen_ids);
      if (category != NULL)
        ms_document_insert_category (document, G_MAXUINT, category);
      path_pop (r, saved);
    }

  take_extra (MS_NODE (document), json_node_get_object (root), known);
  ms_document_set_modified (document, FALSE);

  return g_steal_pointer (&document);
}

/**
 * ms_json_read_document:
 * @filename: (nullable): the name used in messages
 * @faults: (out) (optional) (element-type MsFault): every fault found
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when the data
 *   has any fault; @error then lists them one per line
 */
MsDocument *
ms_json_read_document (const char  *data,
                       gsize        length,
                       const char  *filename,
                       GPtrArray  **faults,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_fault_free);
  g_autoptr(GHashTable) locations = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  Reader r = { 0 };

  if (faults != NULL)
    *faults = NULL;

  root = ms_json_parse (data, length, &locations, found);
  if (root != NULL)
    {
      r.locations = locations;
      r.faults = found;
      r.path = path;
      document = read_document (&r, root);
    }

  if (found->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < found->len; i++)
        {
          g_autofree char *line = ms_fault_to_string (g_ptr_array_index (found, i), filename);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, line);
        }

      g_set_error_literal (error, MS_DOCUMENT_ERROR,
                           r.unsupported ? MS_DOCUMENT_ERROR_UNSUPPORTED : MS_DOCUMENT_ERROR_INVALID,
                           message->str);
      if (faults != NULL)
        *faults = g_steal_pointer (&found);
      return NULL;
    }

  return g_steal_pointer (&document);
}

/* Writing: by hand, so that numbers keep their shortest form and the output
 * is canonical (saving a file we saved changes no byte). The writer counts
 * values and depth exactly as parse_value() does, so that it can refuse a
 * document the reader would refuse, before anything is written. */

/* Unknown members keep their indentation this many levels down; below that
 * they go on one line, or 200 nested lists would be indented into megabytes. */
#define EXTRA_INDENTED_LEVELS 4

typedef struct
{
  GString    *out;
  /* No whitespace at all: for a document too large in the canonical form. */
  gboolean    compact;
  /* Deep unknown members on one line; not for ms_json_write_node(). */
  gboolean    document;
  guint       n_values;
  guint       max_depth;
  /* The unknown member being written, and the first one nested too deep. */
  const char *extra_name;
  char       *too_deep_name;
} Writer;

typedef struct
{
  Writer   *w;
  guint     level;
  gboolean  first;
  gboolean  one_line;
} Block;

static void write_node (Writer *w, JsonNode *node, guint level, guint below);

static void
writer_init (Writer   *w,
             gboolean  compact)
{
  memset (w, 0, sizeof *w);
  w->out = g_string_sized_new (64 * 1024);
  w->compact = compact;
  w->document = TRUE;
}

static void
writer_clear (Writer *w)
{
  if (w->out != NULL)
    g_string_free (g_steal_pointer (&w->out), TRUE);
  g_clear_pointer (&w->too_deep_name, g_free);
}

/* Every value counts once, containers included, member names not. */
static void
writer_count (Writer *w)
{
  w->n_values++;
}

/* A container at @level (the root is 0) is at depth @level + 1. */
static void
writer_enter (Writer *w,
              guint   level)
{
  writer_count (w);
  w->max_depth = MAX (w->max_depth, level + 1);
  if (level + 1 > MS_JSON_MAX_DEPTH && w->too_deep_name == NULL && w->extra_name != NULL)
    w->too_deep_name = g_strdup (w->extra_name);
}

static void
write_indent (GString *out,
              guint    level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

/* A string as JSON text, not counted: member names use it directly. */
static void
write_string (GString    *out,
              const char *str)
{
  g_string_append_c (out, '"');
  for (const char *s = str; *s; s++)
    {
      guchar c = (guchar)*s;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

static void
emit_string (Writer     *w,
             const char *str)
{
  writer_count (w);
  write_string (w->out, str);
}

static void
emit_number (Writer *w,
             double  value)
{
  char buffer[MS_NUMBER_JSON_BUFSIZE];

  writer_count (w);
  g_string_append (w->out, ms_number_format_json (buffer, sizeof buffer, value));
}

static void
emit_integer (Writer *w,
              gint64  value)
{
  writer_count (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

/* true, false, null */
static void
emit_literal (Writer     *w,
              const char *literal)
{
  writer_count (w);
  g_string_append (w->out, literal);
}

/* ", " between the items of a one-line list, "," when compact. */
static void
write_separator (Writer *w)
{
  g_string_append (w->out, w->compact ? "," : ", ");
}

static void
block_open (Block    *block,
            Writer   *w,
            guint     level,
            gboolean  one_line,
            char      bracket)
{
  block->w = w;
  block->level = level;
  block->first = TRUE;
  block->one_line = one_line || w->compact;
  writer_enter (w, level);
  g_string_append_c (w->out, bracket);
}

static void
block_next (Block *block)
{
  if (block->one_line)
    {
      if (!block->first)
        write_separator (block->w);
    }
  else
    {
      g_string_append (block->w->out, block->first ? "\n" : ",\n");
      write_indent (block->w->out, block->level + 1);
    }
  block->first = FALSE;
}

static void
block_key (Block      *block,
           const char *name)
{
  block_next (block);
  write_string (block->w->out, name);
  g_string_append (block->w->out, block->w->compact ? ":" : ": ");
}

static void
block_close (Block *block,
             char   bracket)
{
  if (!block->first && !block->one_line)
    {
      g_string_append_c (block->w->out, '\n');
      write_indent (block->w->out, block->level);
    }
  g_string_append_c (block->w->out, bracket);
}

static void
block_extra (Block  *block,
             MsNode *node)
{
  JsonObject *extra = ms_node_get_extra (node);
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;

  members = json_object_get_members (extra);
  for (const GList *iter = members; iter != NULL; iter = iter->next)
    {
      block_key (block, iter->data);
      block->w->extra_name = iter->data;
      write_node (block->w, json_object_get_member (extra, iter->data), block->level + 1, 0);
      block->w->extra_name = NULL;
    }
}

static gboolean
is_container (JsonNode *node)
{
  return JSON_NODE_HOLDS_OBJECT (node) || JSON_NODE_HOLDS_ARRAY (node);
}

/* @below: how many containers down from the member this value belongs to */
static void
write_node (Writer   *w,
            JsonNode *node,
            guint     level,
            guint     below)
{
  gboolean one_line = w->document && below >= EXTRA_INDENTED_LEVELS;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);
        Block block;

        block_open (&block, w, level, one_line, '{');
        for (const GList *iter = members; iter != NULL; iter = iter->next)
          {
            block_key (&block, iter->data);
            write_node (w, json_object_get_member (object, iter->data), level + 1, below + 1);
          }
        block_close (&block, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);
        gboolean flat = TRUE;
        Block block;

        for (guint i = 0; i < length && flat; i++)
          flat = !is_container (json_array_get_element (array, i));

        /* Short lists of scalars stay on one line: ["市教育局", "市财政局"]. */
        block_open (&block, w, level, one_line || flat, '[');
        for (guint i = 0; i < length; i++)
          {
            block_next (&block);
            write_node (w, json_array_get_element (array, i), level + 1, below + 1);
          }
        block_close (&block, ']');
      }
      break;

    case JSON_NODE_VALUE:
      {
        GType type = json_node_get_value_type (node);

        if (type == G_TYPE_STRING)
          emit_string (w, json_node_get_string (node));
        else if (type == G_TYPE_INT64)
          emit_integer (w, json_node_get_int (node));
        else if (type == G_TYPE_DOUBLE)
          emit_number (w, json_node_get_double (node));
        else if (type == G_TYPE_BOOLEAN)
          emit_literal (w, json_node_get_boolean (node) ? "true" : "false");
        else
          emit_literal (w, "null");
      }
      break;

    case JSON_NODE_NULL:
    default:
      emit_literal (w, "null");
      break;
    }
}

static void
write_string_list (Writer             *w,
                   guint               level,
                   const char * const *strings)
{
  Block block;

  block_open (&block, w, level, TRUE, '[');
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      block_next (&block);
      emit_string (w, strings[i]);
    }
  block_close (&block, ']');
}

static void
write_indicator (Writer   *w,
                 gpointer  item,
                 guint     level)
{
  MsIndicator *indicator = item;
  Block block;

  block_open (&block, w, level, FALSE, '{');
  block_key (&block, "name");
  emit_string (w, ms_indicator_get_name (indicator));
  block_key (&block, "unit");
  emit_string (w, ms_indicator_get_unit (indicator));
  block_key (&block, "target");
  emit_number (w, ms_indicator_get_target (indicator));
  block_key (&block, "actual");
  if (ms_indicator_get_has_actual (indicator))
    emit_number (w, ms_indicator_get_actual (indicator));
  else
    emit_literal (w, "null");
  block_key (&block, "comparison");
  emit_string (w, ms_comparison_to_string (ms_indicator_get_comparison (indicator)));
  block_extra (&block, MS_NODE (indicator));
  block_close (&block, '}');
}

static void
write_children (Writer      *w,
                GListModel  *children,
                guint        level,
                void       (*write_child) (Writer *, gpointer, guint))
{
  guint n_items = g_list_model_get_n_items (children);
  Block block;

  block_open (&block, w, level, FALSE, '[');
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) child = g_list_model_get_item (children, i);

      block_next (&block);
      write_child (w, child, level + 1);
    }
  block_close (&block, ']');
}

static void
write_project (Writer   *w,
               gpointer  item,
               guint     level)
{
  MsProject *project = item;
  Block block;

  block_open (&block, w, level, FALSE, '{');
  block_key (&block, "number");
  emit_integer (w, ms_project_get_number (project));
  block_key (&block, "target");
  emit_string (w, ms_project_get_target (project));
  block_key (&block, "departments");
  write_string_list (w, level + 1, ms_project_get_departments (project));
  block_key (&block, "partners");
  write_string_list (w, level + 1, ms_project_get_partners (project));
  block_key (&block, "completion");
  emit_string (w, ms_project_get_completion (project));
  block_key (&block, "status");
  emit_string (w, ms_status_to_string (ms_project_get_status (project)));
  block_key (&block, "note");
  emit_string (w, ms_project_get_note (project));
  block_key (&block, "indicators");
  write_children (w, ms_project_get_indicators (project), level + 1, write_indicator);
  block_extra (&block, MS_NODE (project));
  block_close (&block, '}');
}

static void
write_group (Writer   *w,
             gpointer  item,
             guint     level)
{
  MsGroup *group = item;
  Block block;

  block_open (&block, w, level, FALSE, '{');
  block_key (&block, "number");
  emit_integer (w, ms_group_get_number (group));
  block_key (&block, "title");
  emit_string (w, ms_group_get_title (group));
  block_key (&block, "projects");
  write_children (w, ms_group_get_projects (group), level + 1, write_project);
  block_extra (&block, MS_NODE (group));
  block_close (&block, '}');
}

static void
write_category (Writer   *w,
                gpointer  item,
                guint     level)
{
  MsCategory *category = item;
  Block block;

  block_open (&block, w, level, FALSE, '{');
  block_key (&block, "id");
  emit_string (w, ms_category_get_id (category));
  block_key (&block, "title");
  emit_string (w, ms_category_get_title (category));
  block_key (&block, "groups");
  write_children (w, ms_category_get_groups (category), level + 1, write_group);
  block_extra (&block, MS_NODE (category));
  block_close (&block, '}');
}

static void
write_document (Writer     *w,
                MsDocument *document)
{
  Block block;

  block_open (&block, w, 0, FALSE, '{');
  block_key (&block, "format");
  emit_string (w, "minsheng");
  block_key (&block, "version");
  emit_integer (w, MS_FORMAT_VERSION);
  block_key (&block, "region");
  emit_string (w, ms_document_get_region (document));
  block_key (&block, "year");
  emit_integer (w, ms_document_get_year (document));
  block_key (&block, "title");
  emit_string (w, ms_document_get_title (document));
  block_key (&block, "intro");
  emit_string (w, ms_document_get_intro (document));
  block_key (&block, "note");
  emit_string (w, ms_document_get_note (document));
  block_key (&block, "categories");
  write_children (w, ms_document_get_categories (document), 1, write_category);
  block_extra (&block, MS_NODE (document));
  block_close (&block, '}');
  g_string_append_c (w->out, '\n');
}

/**
 * _ms_json_write_document_unchecked:
 * @compact: %TRUE for the form without whitespace
 *
 * For tests: what the writer would produce, whether or not it could be read.
 *
 * Returns: (transfer full): the document as JSON text
 */
GBytes *
_ms_json_write_document_unchecked (MsDocument *document,
                                   gboolean    compact)
{
  Writer w;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  writer_init (&w, compact);
  write_document (&w, document);
  g_clear_pointer (&w.too_deep_name, g_free);

  return g_string_free_to_bytes (g_steal_pointer (&w.out));
}

/* Returns: FALSE with @error when the reader would refuse what @w wrote */
static gboolean
check_counts (Writer  *w,
              GError **error)
{
  if (w->n_values > MS_JSON_MAX_VALUES)
    {
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: both are numbers of values, such as 504012 and 500000 */
                   _("The yearly file would hold %u values, more than the %d this program can "
                     "open again. Split the year into several files, or remove data that other "
                     "programs added."),
                   w->n_values, MS_JSON_MAX_VALUES);
      return FALSE;
    }

  if (w->max_depth > MS_JSON_MAX_DEPTH)
    {
      if (w->too_deep_name != NULL)
        g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                     /* translators: %u and %d are numbers of levels, such as 300 and 256; %s is
                      * the name of a member this program does not know, kept from the file */
                     _("The yearly file would nest %u levels deep, more than the %d this program "
                       "can open again. Remove the unknown member “%s”, or nest it less deeply."),
                     w->max_depth, MS_JSON_MAX_DEPTH, w->too_deep_name);
      else
        g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                     /* translators: numbers of levels, such as 300 and 256 */
                     _("The yearly file would nest %u levels deep, more than the %d this program "
                       "can open again."),
                     w->max_depth, MS_JSON_MAX_DEPTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * ms_json_write_document:
 *
 * Writes the canonical form; when that would be larger than the reader
 * accepts, the form without whitespace. Refuses a document the reader could
 * not open again (too large, too many values, too deep), so that a save
 * never replaces a file with one that cannot be opened.
 *
 * Returns: (transfer full) (nullable): the document in format version
 *   %MS_FORMAT_VERSION, UTF-8 with a final newline; %NULL with @error when
 *   it would not open again within the reader's limits
 */
GBytes *
ms_json_write_document (MsDocument  *document,
                        GError     **error)
{
  Writer w;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  writer_init (&w, FALSE);
  write_document (&w, document);

  /* Counts and depth are the same in either form. */
  if (!check_counts (&w, error))
    {
      writer_clear (&w);
      return NULL;
    }

  if (w.out->len > MS_JSON_MAX_SIZE)
    {
      writer_clear (&w);
      writer_init (&w, TRUE);
      write_document (&w, document);
    }

  if (w.out->len > MS_JSON_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (w.out->len);
      g_autofree char *limit = g_format_size (MS_JSON_MAX_SIZE);

      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: both are sizes, such as "17.7 MB" and "16.8 MB" */
                   _("The yearly file would be %s even without spaces, more than the %s this "
                     "program can open again. Split the year into several files, or remove data "
                     "that other programs added."),
                   size, limit);
      writer_clear (&w);
      return NULL;
    }

  g_clear_pointer (&w.too_deep_name, g_free);
  return g_string_free_to_bytes (g_steal_pointer (&w.out));
}

/**
 * ms_json_write_node:
 *
 * Returns: (transfer full): @node written the way documents are written,
 *   indented at every level
 */
char *
ms_json_write_node (JsonNode *node)
{
  Writer w;

  g_return_val_if_fail (node != NULL, NULL);

  writer_init (&w, FALSE);
  w.document = FALSE;
  write_node (&w, node, 0, 0);
  g_clear_pointer (&w.too_deep_name, g_free);

  return g_string_free (g_steal_pointer (&w.out), FALSE);
}
