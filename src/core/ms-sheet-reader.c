/* ms-sheet-reader.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-sheet-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile-msole.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <string.h>

#include "ms-gsf-quiet-private.h"
#include "ms-file.h"
#include "ms-sheet-reader.h"

/* Reads spreadsheets into plain tables of cells: an .xlsx workbook through
 * libgsf's zip reader and GMarkup (which never expands entities), or a CSV
 * text. Every cap is checked before the memory it guards is spent. */

#define READ_CHUNK_SIZE (64 * 1024)
#define MAX_PART_DEPTH  16

static const guint8 ole2_signature[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

typedef struct
{
  guint  column;
  MsCell cell;
} CellEntry;

struct _MsSheet
{
  MsWorkbook   *workbook;
  char         *name;
  MsSheetState  state;
  /* Of GArray of CellEntry sorted by column, or NULL for an empty row. */
  GPtrArray    *rows;
  /* Of guint quadruples: first row, first column, last row, last column. */
  GArray       *merged;
};

struct _MsWorkbook
{
  char         *display_name;
  GPtrArray    *sheets;
  /* Every text of every cell: shared strings are stored once. */
  GStringChunk *texts;
  guint         n_cells;
  gboolean      is_csv;
  gboolean      date1904;
};

static const MsCell empty_cell = { MS_CELL_EMPTY, "", 0 };

G_DEFINE_QUARK (ms-sheet-error-quark, ms_sheet_error)

static void
sheet_free (MsSheet *sheet)
{
  g_free (sheet->name);
  g_ptr_array_unref (sheet->rows);
  g_array_unref (sheet->merged);
  g_free (sheet);
}

MsWorkbook *
ms_workbook_new (const char *display_name)
{
  MsWorkbook *self = g_new0 (MsWorkbook, 1);

  self->display_name = g_strdup (display_name != NULL ? display_name : "");
  self->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify)sheet_free);
  self->texts = g_string_chunk_new (64 * 1024);
  return self;
}

void
ms_workbook_free (MsWorkbook *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->sheets);
  g_string_chunk_free (self->texts);
  g_free (self->display_name);
  g_free (self);
}

const char *
ms_workbook_get_display_name (MsWorkbook *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->display_name;
}

gboolean
ms_workbook_get_is_csv (MsWorkbook *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->is_csv;
}

gboolean
ms_workbook_get_date1904 (MsWorkbook *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->date1904;
}

guint
ms_workbook_get_n_sheets (MsWorkbook *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->sheets->len;
}

MsSheet *
ms_workbook_get_sheet (MsWorkbook *self,
                       guint       position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->sheets->len, NULL);

  return g_ptr_array_index (self->sheets, position);
}

MsSheet *
ms_workbook_find_sheet (MsWorkbook *self,
                        const char *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < self->sheets->len; i++)
    {
      MsSheet *sheet = g_ptr_array_index (self->sheets, i);

      if (g_str_equal (sheet->name, name))
        return sheet;
    }

  return NULL;
}

static void
free_row (gpointer row)
{
  if (row != NULL)
    g_array_unref (row);
}

MsSheet *
ms_workbook_add_sheet (MsWorkbook   *self,
                       const char   *name,
                       MsSheetState  state)
{
  MsSheet *sheet;

  g_return_val_if_fail (self != NULL, NULL);

  sheet = g_new0 (MsSheet, 1);
  sheet->workbook = self;
  sheet->name = g_strdup (name != NULL ? name : "");
  sheet->state = state;
  sheet->rows = g_ptr_array_new_with_free_func (free_row);
  sheet->merged = g_array_new (FALSE, FALSE, sizeof (guint));
  g_ptr_array_add (self->sheets, sheet);
  return sheet;
}

const char *
ms_sheet_get_name (MsSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

MsSheetState
ms_sheet_get_state (MsSheet *self)
{
  g_return_val_if_fail (self != NULL, MS_SHEET_VISIBLE);

  return self->state;
}

guint
ms_sheet_get_n_rows (MsSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->rows->len;
}

static CellEntry *
find_entry (GArray *row,
            guint   column,
            guint  *insert_at)
{
  guint low = 0;
  guint high = row->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      CellEntry *entry = &g_array_index (row, CellEntry, middle);

      if (entry->column == column)
        return entry;
      if (entry->column < column)
        low = middle + 1;
      else
        high = middle;
    }

  if (insert_at != NULL)
    *insert_at = low;
  return NULL;
}

/**
 * ms_sheet_get_cell:
 * @row: from 0 (the sheet's row 1)
 * @column: from 0 (column A)
 *
 * Returns: (transfer none): the cell; an empty cell outside the data
 */
const MsCell *
ms_sheet_get_cell (MsSheet *self,
                   guint    row,
                   guint    column)
{
  GArray *cells;
  CellEntry *entry;

  g_return_val_if_fail (self != NULL, &empty_cell);

  if (row >= self->rows->len)
    return &empty_cell;
  cells = g_ptr_array_index (self->rows, row);
  if (cells == NULL)
    return &empty_cell;
  entry = find_entry (cells, column, NULL);
  if (entry == NULL)
    return &empty_cell;

  return &entry->cell;
}

static void
set_cell (MsSheet    *self,
          guint       row,
          guint       column,
          MsCellKind  kind,
          const char *stored_text,
          double      number)
{
  GArray *cells;
  CellEntry *entry;
  CellEntry added = { column, { kind, stored_text, number } };
  guint insert_at = 0;

  if (row >= self->rows->len)
    g_ptr_array_set_size (self->rows, row + 1);
  cells = g_ptr_array_index (self->rows, row);
  if (cells == NULL)
    {
      cells = g_array_sized_new (FALSE, FALSE, sizeof (CellEntry), 10);
      g_ptr_array_index (self->rows, row) = cells;
    }

  /* Cells come in column order from a sheet: append without a search. */
  if (cells->len == 0 || g_array_index (cells, CellEntry, cells->len - 1).column < column)
    {
      g_array_append_val (cells, added);
      self->workbook->n_cells++;
      return;
    }

  entry = find_entry (cells, column, &insert_at);
  if (entry != NULL)
    *entry = added;
  else
    {
      g_array_insert_val (cells, insert_at, added);
      self->workbook->n_cells++;
    }
}

void
ms_sheet_set_text (MsSheet    *self,
                   guint       row,
                   guint       column,
                   const char *text)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (text != NULL);

  set_cell (self, row, column, MS_CELL_TEXT, g_string_chunk_insert_const (self->workbook->texts, text), 0);
}

void
ms_sheet_set_number (MsSheet *self,
                     guint    row,
                     guint    column,
                     double   number)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (self != NULL);

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", number);
  set_cell (self, row, column, MS_CELL_NUMBER, g_string_chunk_insert_const (self->workbook->texts, buffer),
            number);
}

guint
ms_sheet_get_n_merged (MsSheet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->merged->len / 4;
}

void
ms_sheet_get_merged (MsSheet *self,
                     guint    position,
                     guint   *first_row,
                     guint   *first_column,
                     guint   *last_row,
                     guint   *last_column)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (position < self->merged->len / 4);

  *first_row = g_array_index (self->merged, guint, position * 4);
  *first_column = g_array_index (self->merged, guint, position * 4 + 1);
  *last_row = g_array_index (self->merged, guint, position * 4 + 2);
  *last_column = g_array_index (self->merged, guint, position * 4 + 3);
}

/**
 * ms_sheet_cell_name:
 * @row: from 0
 * @column: from 0
 *
 * Returns: (transfer full): the cell's name as a spreadsheet shows it, "G5"
 */
char *
ms_sheet_cell_name (guint row,
                    guint column)
{
  char letters[8];
  guint n = 0;
  GString *name = g_string_new (NULL);

  column++;
  while (column > 0 && n < sizeof letters)
    {
      letters[n++] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (name, letters[--n]);
  g_string_append_printf (name, "%u", row + 1);
  return g_string_free (name, FALSE);
}

/**
 * ms_sheet_serial_to_date:
 * @serial: a spreadsheet date: days since 1899-12-30, or since 1904-01-01
 *   in a workbook of the 1904 system
 *
 * Returns: %TRUE when @serial is a date between the years 1900 and 9999
 */
gboolean
ms_sheet_serial_to_date (double    serial,
                         gboolean  date1904,
                         int      *year,
                         int      *month,
                         int      *day)
{
  g_autoptr(GDate) date = NULL;
  guint days;

  if (!(serial >= 1 && serial < 2958466))
    return FALSE;

  days = (guint)serial;
  if (date1904)
    date = g_date_new_dmy (1, G_DATE_JANUARY, 1904);
  else
    {
      /* Serial 60 is 1900-02-29, a day that never was (a Lotus 1-2-3 habit). */
      if (days == 60)
        return FALSE;
      date = g_date_new_dmy (31, G_DATE_DECEMBER, 1899);
      if (days < 60)
        days++;
      days--;
    }

  g_date_add_days (date, days);
  *year = g_date_get_year (date);
  *month = g_date_get_month (date);
  *day = g_date_get_day (date);
  return TRUE;
}

/* ---- XML parts ----------------------------------------------------------- */

static const char *
local_name (const char *name)
{
  const char *colon = strrchr (name, ':');

  return colon != NULL ? colon + 1 : name;
}

static const char *
find_attribute (const char **names,
                const char **values,
                const char  *wanted)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], wanted))
        return values[i];
    }

  return NULL;
}

/* "r:id" is bound to the relationships namespace under any prefix. */
static const char *
find_relationship_id (const char **names,
                      const char **values)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (strchr (names[i], ':') != NULL && g_str_equal (local_name (names[i]), "id"))
        return values[i];
    }

  return NULL;
}

typedef struct
{
  const char *display_name;
  const char *part_name;
} PartContext;

static void
refuse_doctype (GMarkupParseContext  *context,
                const char           *passthrough_text,
                gsize                 text_len,
                gpointer              user_data,
                GError              **error)
{
  const PartContext *part = *(const PartContext **)user_data;

  /* A DOCTYPE can declare entities (billion laughs, external files):
   * such XML is never part of a workbook a spreadsheet program saves. */
  if (text_len >= 2 && strncmp (passthrough_text, "<!", 2) == 0
      && strncmp (passthrough_text, "<!--", 4) != 0 && strncmp (passthrough_text, "<![CDATA[", 9) != 0)
    g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_ENTITIES,
                 /* translators: the first %s is a file name, the second a part inside the
                  * workbook such as xl/worksheets/sheet1.xml */
                 _("%s: %s declares a DOCTYPE or entities, which a workbook never does; refused"),
                 part->display_name, part->part_name);
}

static void
set_damaged_error (GError     **error,
                   const char  *display_name,
                   const char  *part_name,
                   const char  *reason)
{
  g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_INVALID,
               /* translators: the first %s is a file name, the second a part inside the workbook,
                * the third what is wrong with it */
               _("%s: %s is damaged: %s"), display_name, part_name, reason);
}

/* Streams one part through @parser: a sheet is never held whole in memory,
 * and a parser that stops (at the row cap) stops the reading. */
static gboolean
parse_part (GsfInfile           *zip,
            const char          *display_name,
            const char          *path,
            const GMarkupParser *parser,
            gpointer             user_data,
            gboolean             required,
            GError             **error)
{
  g_autoptr(GsfInput) input = _ms_gsf_open_part (zip, path);
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) local_error = NULL;
  PartContext part = { display_name, path };
  gboolean first = TRUE;
  gsf_off_t remaining;

  if (input == NULL)
    {
      if (!required)
        return TRUE;
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_INVALID,
                   /* translators: the first %s is a file name, the second a part inside the workbook */
                   _("%s: %s is missing; the workbook is damaged"), display_name, path);
      return FALSE;
    }

  /* user_data's first member is where the parser finds the part's names. */
  *(const PartContext **)user_data = &part;
  context = g_markup_parse_context_new (parser, G_MARKUP_TREAT_CDATA_AS_TEXT, user_data, NULL);

  remaining = gsf_input_size (input);
  while (remaining > 0)
    {
      guint8 buffer[READ_CHUNK_SIZE];
      gsize length = MIN ((gsf_off_t)sizeof buffer, remaining);
      const char *text = (const char *)buffer;

      if (gsf_input_read (input, length, buffer) == NULL)
        {
          set_damaged_error (error, display_name, path, _("it cannot be decompressed"));
          return FALSE;
        }
      remaining -= length;

      /* GMarkup takes no byte-order mark. */
      if (first && length >= 3 && memcmp (buffer, "\xEF\xBB\xBF", 3) == 0)
        {
          text += 3;
          length -= 3;
        }
      first = FALSE;

      if (!g_markup_parse_context_parse (context, text, length, &local_error))
        break;
    }

  if (local_error == NULL)
    g_markup_parse_context_end_parse (context, &local_error);

  if (local_error != NULL)
    {
      if (local_error->domain == MS_SHEET_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_damaged_error (error, display_name, path, local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Resolves a relationship's target against the folder of its source part. */
static char *
resolve_target (const char *source_folder,
                const char *target)
{
  g_autofree char *joined = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else
    joined = g_strconcat (source_folder, target, NULL);

  names = g_strsplit (joined, "/", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (names[i][0] == '\0' || g_str_equal (names[i], "."))
        continue;
      if (g_str_equal (names[i], ".."))
        {
          if (kept->len > 0)
            g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, names[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **)kept->pdata);
}

/* Relationships: the Id, Type and Target of each, as parsed. */
typedef struct
{
  const PartContext *part;
  GPtrArray         *ids;
  GPtrArray         *types;
  GPtrArray         *targets;
} Relationships;

static void
relationships_start (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  Relationships *rels = user_data;
  const char *id, *type, *target;

  if (!g_str_equal (local_name (element_name), "Relationship"))
    return;

  id = find_attribute (attribute_names, attribute_values, "Id");
  type = find_attribute (attribute_names, attribute_values, "Type");
  target = find_attribute (attribute_names, attribute_values, "Target");
  if (id == NULL || type == NULL || target == NULL)
    return;

  g_ptr_array_add (rels->ids, g_strdup (id));
  g_ptr_array_add (rels->types, g_strdup (type));
  g_ptr_array_add (rels->targets, g_strdup (target));
}

static void
relationships_clear (Relationships *rels)
{
  g_clear_pointer (&rels->ids, g_ptr_array_unref);
  g_clear_pointer (&rels->types, g_ptr_array_unref);
  g_clear_pointer (&rels->targets, g_ptr_array_unref);
}

static gboolean
read_relationships (GsfInfile     *zip,
                    const char    *display_name,
                    const char    *path,
                    Relationships *rels,
                    GError       **error)
{
  static const GMarkupParser parser = { relationships_start, NULL, NULL, refuse_doctype, NULL };

  rels->ids = g_ptr_array_new_with_free_func (g_free);
  rels->types = g_ptr_array_new_with_free_func (g_free);
  rels->targets = g_ptr_array_new_with_free_func (g_free);
  return parse_part (zip, display_name, path, &parser, rels, FALSE, error);
}

static const char *
find_relationship (Relationships *rels,
                   const char    *id,
                   const char    *type_suffix)
{
  for (guint i = 0; i < rels->ids->len; i++)
    {
      if (id != NULL && !g_str_equal (g_ptr_array_index (rels->ids, i), id))
        continue;
      if (type_suffix != NULL && !g_str_has_suffix (g_ptr_array_index (rels->types, i), type_suffix))
        continue;
      return g_ptr_array_index (rels->targets, i);
    }

  return NULL;
}

/* The workbook part: sheet names, states and relationship ids, in order. */
typedef struct
{
  const PartContext *part;
  GPtrArray         *names;
  GPtrArray         *ids;
  GArray            *states;
  gboolean           date1904;
} WorkbookPart;

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element_name,
                const char          **attribute_names,
                const char          **attribute_values,
                gpointer              user_data,
                GError              **error)
{
  WorkbookPart *workbook = user_data;
  const char *element = local_name (element_name);

  if (g_str_equal (element, "workbookPr"))
    {
      const char *date1904 = find_attribute (attribute_names, attribute_values, "date1904");

      workbook->date1904 = date1904 != NULL && (g_str_equal (date1904, "1") || g_str_equal (date1904, "true"));
    }
  else if (g_str_equal (element, "sheet"))
    {
      const char *name = find_attribute (attribute_names, attribute_values, "name");
      const char *state = find_attribute (attribute_names, attribute_values, "state");
      const char *id = find_relationship_id (attribute_names, attribute_values);
      MsSheetState sheet_state = MS_SHEET_VISIBLE;

      if (workbook->names->len >= MS_SHEET_MAX_ENTRIES)
        {
          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                       /* translators: %s is a file name, %u a count */
                       _("%s: the workbook has more than %u sheets; refused"),
                       workbook->part->display_name, MS_SHEET_MAX_ENTRIES);
          return;
        }

      if (state != NULL && g_str_equal (state, "hidden"))
        sheet_state = MS_SHEET_HIDDEN;
      else if (state != NULL && g_str_equal (state, "veryHidden"))
        sheet_state = MS_SHEET_VERY_HIDDEN;

      g_ptr_array_add (workbook->names, g_strdup (name != NULL ? name : ""));
      g_ptr_array_add (workbook->ids, g_strdup (id));
      g_array_append_val (workbook->states, sheet_state);
    }
}

/* Excel writes a control character in a text as _xHHHH_ and a literal
 * "_x" that would read as such as _x005F_x (ECMA-376 Part 1, 22.9.2.19):
 * every escape is decoded once, left to right. */
static void
decode_escapes (GString *text)
{
  gsize out = 0;

  if (strstr (text->str, "_x") == NULL)
    return;

  for (gsize in = 0; in < text->len;)
    {
      const char *p = text->str + in;

      if (in + 7 <= text->len && p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (g_ascii_xdigit_value (p[2]) << 12) | (g_ascii_xdigit_value (p[3]) << 8)
                       | (g_ascii_xdigit_value (p[4]) << 4) | g_ascii_xdigit_value (p[5]);

          if (c != 0 && g_unichar_validate (c))
            {
              char utf8[6];
              int n = g_unichar_to_utf8 (c, utf8);

              /* Never longer than the seven bytes it replaces. */
              memcpy (text->str + out, utf8, n);
              out += n;
              in += 7;
              continue;
            }
        }
      text->str[out++] = text->str[in++];
    }
  g_string_truncate (text, out);
}

/* Shared strings: each <si> is the text of its <t>s, phonetic runs left out. */
typedef struct
{
  const PartContext *part;
  MsWorkbook        *workbook;
  GPtrArray         *strings;
  GString           *text;
  gboolean           in_item;
  gboolean           in_text;
  guint              phonetic_depth;
} SharedStrings;

static void
shared_strings_start (GMarkupParseContext  *context,
                      const char           *element_name,
                      const char          **attribute_names,
                      const char          **attribute_values,
                      gpointer              user_data,
                      GError              **error)
{
  SharedStrings *shared = user_data;
  const char *element = local_name (element_name);

  if (g_str_equal (element, "si"))
    {
      if (shared->strings->len >= MS_SHEET_MAX_CELLS)
        {
          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                       /* translators: %s is a file name, %u a count */
                       _("%s: the workbook has more than %u texts; refused"),
                       shared->part->display_name, MS_SHEET_MAX_CELLS);
          return;
        }
      shared->in_item = TRUE;
      g_string_truncate (shared->text, 0);
    }
  else if (g_str_equal (element, "rPh"))
    shared->phonetic_depth++;
  else if (g_str_equal (element, "t"))
    shared->in_text = TRUE;
}

static void
shared_strings_end (GMarkupParseContext  *context,
                    const char           *element_name,
                    gpointer              user_data,
                    GError              **error)
{
  SharedStrings *shared = user_data;
  const char *element = local_name (element_name);

  if (g_str_equal (element, "si") && shared->in_item)
    {
      decode_escapes (shared->text);
      g_ptr_array_add (shared->strings, g_string_chunk_insert_len (shared->workbook->texts, shared->text->str,
                                                                   shared->text->len));
      shared->in_item = FALSE;
    }
  else if (g_str_equal (element, "rPh") && shared->phonetic_depth > 0)
    shared->phonetic_depth--;
  else if (g_str_equal (element, "t"))
    shared->in_text = FALSE;
}

static void
shared_strings_text (GMarkupParseContext  *context,
                     const char           *text,
                     gsize                 text_len,
                     gpointer              user_data,
                     GError              **error)
{
  SharedStrings *shared = user_data;

  if (shared->in_item && shared->in_text && shared->phonetic_depth == 0)
    g_string_append_len (shared->text, text, text_len);
}

/* A worksheet: cells by reference, merged ranges. */
typedef struct
{
  const PartContext *part;
  MsSheet           *sheet;
  GPtrArray         *shared_strings;
  GString           *value;
  char              *type;
  guint              n_rows;
  guint              row;
  guint              column;
  gboolean           in_data;
  gboolean           in_cell;
  gboolean           in_value;
  gboolean           in_inline;
  gboolean           in_text;
  guint              phonetic_depth;
} Worksheet;

/* "G12" → column 6, row 11; FALSE on anything else. */
static gboolean
parse_reference (const char *reference,
                 guint      *row,
                 guint      *column)
{
  guint64 letters = 0;
  guint64 digits = 0;
  const char *p = reference;

  for (; g_ascii_isalpha (*p) && p - reference < 4; p++)
    letters = letters * 26 + (g_ascii_toupper (*p) - 'A' + 1);
  if (letters == 0 || letters > MS_SHEET_MAX_COLUMNS)
    return FALSE;
  for (; g_ascii_isdigit (*p) && digits <= G_MAXUINT32; p++)
    digits = digits * 10 + (*p - '0');
  if (*p != '\0' || digits == 0 || digits > G_MAXUINT32)
    return FALSE;

  *column = letters - 1;
  *row = digits - 1;
  return TRUE;
}

static void
set_cell_error (GError         **error,
                const Worksheet *worksheet,
                const char      *reason)
{
  g_autofree char *cell = ms_sheet_cell_name (worksheet->row, worksheet->column);

  g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_INVALID,
               /* translators: a file name, a sheet name, a cell such as G12, then what is wrong */
               _("%s: sheet “%s”, cell %s: %s"), worksheet->part->display_name,
               worksheet->sheet->name, cell, reason);
}

static gboolean
check_row (Worksheet  *worksheet,
           guint       row,
           GError    **error)
{
  /* Refused at the first row over the cap: the rest is never read. */
  if (row >= MS_SHEET_MAX_ROWS || ++worksheet->n_rows > MS_SHEET_MAX_ROWS)
    {
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                   /* translators: a file name, a sheet name, then the most rows a sheet may have */
                   _("%s: sheet “%s” has more than %u rows; refused"),
                   worksheet->part->display_name, worksheet->sheet->name, MS_SHEET_MAX_ROWS);
      return FALSE;
    }

  return TRUE;
}

static void
worksheet_start (GMarkupParseContext  *context,
                 const char           *element_name,
                 const char          **attribute_names,
                 const char          **attribute_values,
                 gpointer              user_data,
                 GError              **error)
{
  Worksheet *worksheet = user_data;
  const char *element = local_name (element_name);

  if (g_str_equal (element, "sheetData"))
    {
      worksheet->in_data = TRUE;
      worksheet->row = G_MAXUINT;
    }
  else if (worksheet->in_data && g_str_equal (element, "row"))
    {
      const char *reference = find_attribute (attribute_names, attribute_values, "r");
      guint64 row = worksheet->row == G_MAXUINT ? 0 : (guint64)worksheet->row + 1;

      if (reference != NULL)
        {
          char *end = NULL;

          row = g_ascii_strtoull (reference, &end, 10);
          if (end == reference || *end != '\0' || row == 0)
            {
              set_cell_error (error, worksheet, _("the row number is not valid"));
              return;
            }
          row--;
        }
      if (!check_row (worksheet, MIN (row, G_MAXUINT - 1), error))
        return;
      worksheet->row = row;
      worksheet->column = G_MAXUINT;
    }
  else if (worksheet->in_data && g_str_equal (element, "c"))
    {
      const char *reference = find_attribute (attribute_names, attribute_values, "r");
      const char *type = find_attribute (attribute_names, attribute_values, "t");
      guint row = 0, column = 0;

      if (worksheet->row == G_MAXUINT)
        {
          set_cell_error (error, worksheet, _("a cell outside a row"));
          return;
        }
      if (reference != NULL)
        {
          if (!parse_reference (reference, &row, &column) || row != worksheet->row)
            {
              set_cell_error (error, worksheet, _("the cell reference is not valid"));
              return;
            }
        }
      else
        column = worksheet->column == G_MAXUINT ? 0 : worksheet->column + 1;
      if (column >= MS_SHEET_MAX_COLUMNS)
        {
          set_cell_error (error, worksheet, _("the cell reference is not valid"));
          return;
        }
      if (worksheet->sheet->workbook->n_cells >= MS_SHEET_MAX_CELLS)
        {
          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                       /* translators: a file name, a sheet name, then the most cells a workbook may have */
                       _("%s: sheet “%s”: the workbook has more than %u cells; refused"),
                       worksheet->part->display_name, worksheet->sheet->name, MS_SHEET_MAX_CELLS);
          return;
        }

      worksheet->column = column;
      worksheet->in_cell = TRUE;
      g_free (worksheet->type);
      worksheet->type = g_strdup (type != NULL ? type : "n");
      g_string_truncate (worksheet->value, 0);
    }
  else if (worksheet->in_cell && g_str_equal (element, "v"))
    worksheet->in_value = TRUE;
  else if (worksheet->in_cell && g_str_equal (element, "is"))
    worksheet->in_inline = TRUE;
  else if (worksheet->in_inline && g_str_equal (element, "rPh"))
    worksheet->phonetic_depth++;
  else if (worksheet->in_inline && g_str_equal (element, "t"))
    worksheet->in_text = TRUE;
  else if (g_str_equal (element, "mergeCell"))
    {
      const char *reference = find_attribute (attribute_names, attribute_values, "ref");
      g_auto(GStrv) corners = reference != NULL ? g_strsplit (reference, ":", 3) : NULL;
      guint range[4];

      if (corners == NULL || corners[0] == NULL || corners[1] == NULL || corners[2] != NULL
          || !parse_reference (corners[0], &range[0], &range[1])
          || !parse_reference (corners[1], &range[2], &range[3])
          || range[0] > range[2] || range[1] > range[3])
        return;
      if (worksheet->sheet->merged->len / 4 >= MS_SHEET_MAX_CELLS)
        return;
      g_array_append_vals (worksheet->sheet->merged, range, 4);
    }
}

static void
store_cell (Worksheet  *worksheet,
            GError    **error)
{
  MsWorkbook *workbook = worksheet->sheet->workbook;
  const char *type = worksheet->type;
  const char *value = worksheet->value->str;

  if (g_str_equal (type, "s"))
    {
      char *end = NULL;
      guint64 index;

      if (*value == '\0')
        return;
      index = g_ascii_strtoull (value, &end, 10);
      if (end == value || *end != '\0' || index >= worksheet->shared_strings->len)
        {
          set_cell_error (error, worksheet, _("it refers to a text the workbook does not have"));
          return;
        }
      set_cell (worksheet->sheet, worksheet->row, worksheet->column, MS_CELL_TEXT,
                g_ptr_array_index (worksheet->shared_strings, index), 0);
    }
  else if (g_str_equal (type, "inlineStr") || g_str_equal (type, "str") || g_str_equal (type, "d"))
    {
      decode_escapes (worksheet->value);
      set_cell (worksheet->sheet, worksheet->row, worksheet->column, MS_CELL_TEXT,
                g_string_chunk_insert_len (workbook->texts, value, worksheet->value->len), 0);
    }
  else if (g_str_equal (type, "b"))
    {
      gboolean truth = g_str_equal (g_strstrip (worksheet->value->str), "1");

      set_cell (worksheet->sheet, worksheet->row, worksheet->column, MS_CELL_BOOLEAN,
                truth ? "TRUE" : "FALSE", truth);
    }
  else if (g_str_equal (type, "e"))
    {
      set_cell (worksheet->sheet, worksheet->row, worksheet->column, MS_CELL_ERROR,
                g_string_chunk_insert_len (workbook->texts, value, worksheet->value->len), 0);
    }
  else
    {
      char *end = NULL;
      double number;

      g_strstrip (worksheet->value->str);
      value = worksheet->value->str;
      if (*value == '\0')
        return;
      number = g_ascii_strtod (value, &end);
      if (end == value || *end != '\0')
        {
          set_cell_error (error, worksheet, _("the number is not valid"));
          return;
        }
      set_cell (worksheet->sheet, worksheet->row, worksheet->column, MS_CELL_NUMBER,
                g_string_chunk_insert_const (workbook->texts, value), number);
    }
}

static void
worksheet_end (GMarkupParseContext  *context,
               const char           *element_name,
               gpointer              user_data,
               GError              **error)
{
  Worksheet *worksheet = user_data;
  const char *element = local_name (element_name);

  if (g_str_equal (element, "sheetData"))
    worksheet->in_data = FALSE;
  else if (worksheet->in_cell && g_str_equal (element, "c"))
    {
      worksheet->in_cell = FALSE;
      worksheet->in_inline = FALSE;
      worksheet->in_value = FALSE;
      store_cell (worksheet, error);
    }
  else if (g_str_equal (element, "v"))
    worksheet->in_value = FALSE;
  else if (g_str_equal (element, "is"))
    worksheet->in_inline = FALSE;
  else if (g_str_equal (element, "rPh") && worksheet->phonetic_depth > 0)
    worksheet->phonetic_depth--;
  else if (g_str_equal (element, "t"))
    worksheet->in_text = FALSE;
}

static void
worksheet_text (GMarkupParseContext  *context,
                const char           *text,
                gsize                 text_len,
                gpointer              user_data,
                GError              **error)
{
  Worksheet *worksheet = user_data;

  if (!worksheet->in_cell)
    return;
  if (worksheet->in_value
      || (worksheet->in_inline && worksheet->in_text && worksheet->phonetic_depth == 0))
    g_string_append_len (worksheet->value, text, text_len);
}

/* Sums the sizes the zip declares before anything is decompressed: libgsf
 * never inflates a member past its declared size, so these bound the work. */
static gboolean
check_zip_sizes (GsfInfile   *directory,
                 const char  *display_name,
                 gsize        archive_size,
                 guint        depth,
                 guint       *n_entries,
                 guint64     *total,
                 GError     **error)
{
  int n_children = gsf_infile_num_children (directory);

  for (int i = 0; i < n_children; i++)
    {
      g_autoptr(GsfInput) child = gsf_infile_child_by_index (directory, i);
      const char *name = gsf_infile_name_by_index (directory, i);
      guint64 size;

      if (child == NULL)
        {
          set_damaged_error (error, display_name, name != NULL ? name : "?", _("it cannot be opened"));
          return FALSE;
        }

      if (++*n_entries > MS_SHEET_MAX_ENTRIES)
        {
          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                       /* translators: %s is a file name, %u a count */
                       _("%s: the zip archive has more than %u members (a zip bomb?); refused"),
                       display_name, MS_SHEET_MAX_ENTRIES);
          return FALSE;
        }

      if (GSF_IS_INFILE (child) && gsf_infile_num_children (GSF_INFILE (child)) >= 0)
        {
          if (depth >= MAX_PART_DEPTH)
            {
              set_damaged_error (error, display_name, name, _("its folders are nested too deeply"));
              return FALSE;
            }
          if (!check_zip_sizes (GSF_INFILE (child), display_name, archive_size, depth + 1,
                                n_entries, total, error))
            return FALSE;
          continue;
        }

      size = gsf_input_size (child);
      *total += size;
      if (size > MS_SHEET_MAX_ENTRY_SIZE || *total > MS_SHEET_MAX_TOTAL_SIZE
          || (*total > 1024 * 1024 && *total / MAX (archive_size, 1) > MS_SHEET_MAX_RATIO))
        {
          g_autofree char *limit = g_format_size (MS_SHEET_MAX_ENTRY_SIZE);
          g_autofree char *declared = g_format_size (size);

          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                       /* translators: a file name, a member of the zip, its size, the largest
                        * size allowed ("128 MB"), and the largest compression ratio */
                       _("%s: %s inflates to %s (over %s, or compressed more than %u to 1): a zip bomb; refused"),
                       display_name, name, declared, limit, MS_SHEET_MAX_RATIO);
          return FALSE;
        }
    }

  return TRUE;
}

static MsWorkbook *
refuse_ole2 (const void  *data,
             gsize        length,
             const char  *display_name,
             GError     **error)
{
  g_autoptr(GsfInput) input = gsf_input_memory_new (data, length, FALSE);
  g_autoptr(GsfInfile) ole = NULL;
  g_autoptr(GsfInput) encrypted = NULL;
  MsQuietGsf quiet;

  _ms_quiet_gsf_begin (&quiet);
  ole = gsf_infile_msole_new (input, NULL);

  /* Excel writes a password-protected .xlsx as an OLE2 file holding the
   * encrypted package; a legacy .xls is an OLE2 file holding a Workbook. */
  if (ole != NULL)
    encrypted = gsf_infile_child_by_name (ole, "EncryptedPackage");
  _ms_quiet_gsf_end (&quiet);

  if (encrypted != NULL)
    g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_ENCRYPTED,
                 /* translators: %s is a file name */
                 _("%s: the workbook is password-protected; remove the password in Excel or WPS and "
                   "send it again"), display_name);
  else
    g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_LEGACY,
                 /* translators: %s is a file name */
                 _("%s: .xls (Excel 97–2003) is not supported: save it as .xlsx"), display_name);
  return NULL;
}

static gboolean
is_ole2 (const void *data,
         gsize       length)
{
  return length >= sizeof ole2_signature && memcmp (data, ole2_signature, sizeof ole2_signature) == 0;
}

/* Names in a damaged zip or sheet can hold any byte: an error stays one
 * line of valid UTF-8 whatever they hold. */
static void
make_one_line (GError **error)
{
  g_autofree char *valid = NULL;

  if (error == NULL || *error == NULL)
    return;

  valid = g_utf8_make_valid ((*error)->message, -1);
  for (char *p = valid; *p; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7F)
        *p = ' ';
    }
  g_free ((*error)->message);
  (*error)->message = g_steal_pointer (&valid);
}

static MsWorkbook *read_xlsx (const void  *data,
                              gsize        length,
                              const char  *display_name,
                              GError     **error);

/**
 * ms_workbook_new_from_xlsx:
 * @display_name: the file's name, for messages
 *
 * Reads every sheet of an .xlsx workbook. Refuses, each with a one-line
 * message naming the file: what is not a zip, a zip bomb, XML with a
 * DOCTYPE, a sheet of more than %MS_SHEET_MAX_ROWS rows, a password-protected
 * workbook and an .xls.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
MsWorkbook *
ms_workbook_new_from_xlsx (const void  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  MsWorkbook *workbook;
  MsQuietGsf quiet;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (is_ole2 (data, length))
    return refuse_ole2 (data, length, display_name, error);

  _ms_quiet_gsf_begin (&quiet);
  workbook = read_xlsx (data, length, display_name, error);
  _ms_quiet_gsf_end (&quiet);
  make_one_line (error);
  return workbook;
}

static MsWorkbook *
read_xlsx (const void  *data,
           gsize        length,
           const char  *display_name,
           GError     **error)
{
  static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, refuse_doctype, NULL };
  static const GMarkupParser shared_strings_parser = {
    shared_strings_start, shared_strings_end, shared_strings_text, refuse_doctype, NULL
  };
  static const GMarkupParser worksheet_parser = {
    worksheet_start, worksheet_end, worksheet_text, refuse_doctype, NULL
  };
  g_autoptr(MsWorkbook) self = NULL;
  g_autoptr(GsfInput) input = NULL;
  g_autoptr(GsfInfile) zip = NULL;
  g_autoptr(GError) zip_error = NULL;
  g_autoptr(GPtrArray) shared_strings = g_ptr_array_new ();
  g_autofree char *workbook_path = NULL;
  g_autofree char *workbook_folder = NULL;
  g_autofree char *workbook_rels_path = NULL;
  Relationships package_rels = { 0 };
  Relationships workbook_rels = { 0 };
  WorkbookPart workbook = { 0 };
  const char *target;
  guint n_entries = 0;
  guint64 total = 0;
  gboolean ok = FALSE;

  if (length > MS_SHEET_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (MS_SHEET_MAX_FILE_SIZE);

      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                   /* translators: a file name, then a size such as "67.1 MB" */
                   _("%s: the workbook is larger than %s; refused"), display_name, limit);
      return NULL;
    }

  input = gsf_input_memory_new (data, length, FALSE);
  zip = gsf_infile_zip_new (input, &zip_error);
  if (zip == NULL)
    {
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_NOT_A_WORKBOOK,
                   /* translators: %s is a file name */
                   _("%s: not an .xlsx workbook (not a zip archive)"), display_name);
      return NULL;
    }

  if (!check_zip_sizes (zip, display_name, length, 0, &n_entries, &total, error))
    return NULL;

  self = ms_workbook_new (display_name);

  if (!read_relationships (zip, display_name, "_rels/.rels", &package_rels, error))
    goto out;
  target = find_relationship (&package_rels, NULL, "/officeDocument");
  workbook_path = resolve_target ("", target != NULL ? target : "xl/workbook.xml");
  {
    const char *slash = strrchr (workbook_path, '/');

    workbook_folder = slash != NULL ? g_strndup (workbook_path, slash - workbook_path + 1) : g_strdup ("");
    workbook_rels_path = g_strdup_printf ("%s_rels/%s.rels", workbook_folder,
                                          slash != NULL ? slash + 1 : workbook_path);
  }

  workbook.names = g_ptr_array_new_with_free_func (g_free);
  workbook.ids = g_ptr_array_new_with_free_func (g_free);
  workbook.states = g_array_new (FALSE, FALSE, sizeof (MsSheetState));
  {
    g_autoptr(GsfInput) workbook_part = _ms_gsf_open_part (zip, workbook_path);
    g_autoptr(GsfInput) content_types = _ms_gsf_open_part (zip, "[Content_Types].xml");

    /* A zip, but no workbook in it: say so rather than "damaged". */
    if (workbook_part == NULL && content_types == NULL)
        {
          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_NOT_A_WORKBOOK,
                       /* translators: %s is a file name */
                       _("%s: a zip archive, but not an .xlsx workbook"), display_name);
        goto out;
      }
  }
  if (!parse_part (zip, display_name, workbook_path, &workbook_parser, &workbook, TRUE, error))
    goto out;
  self->date1904 = workbook.date1904;

  if (!read_relationships (zip, display_name, workbook_rels_path, &workbook_rels, error))
    goto out;

  target = find_relationship (&workbook_rels, NULL, "/sharedStrings");
  if (target != NULL)
    {
      g_autofree char *path = resolve_target (workbook_folder, target);
      SharedStrings shared = { NULL, self, shared_strings, g_string_new (NULL), FALSE, FALSE, 0 };
      gboolean parsed = parse_part (zip, display_name, path, &shared_strings_parser, &shared, FALSE, error);

      g_string_free (shared.text, TRUE);
      if (!parsed)
        goto out;
    }

  for (guint i = 0; i < workbook.names->len; i++)
    {
      const char *id = g_ptr_array_index (workbook.ids, i);
      MsSheet *sheet = ms_workbook_add_sheet (self, g_ptr_array_index (workbook.names, i),
                                              g_array_index (workbook.states, MsSheetState, i));
      g_autofree char *path = NULL;
      Worksheet worksheet = { 0 };
      gboolean parsed;

      /* Chart sheets and the like hold no cells: an empty sheet. */
      target = id != NULL ? find_relationship (&workbook_rels, id, "/worksheet") : NULL;
      if (target == NULL)
        continue;

      path = resolve_target (workbook_folder, target);
      worksheet.sheet = sheet;
      worksheet.shared_strings = shared_strings;
      worksheet.value = g_string_new (NULL);
      worksheet.row = G_MAXUINT;
      parsed = parse_part (zip, display_name, path, &worksheet_parser, &worksheet, TRUE, error);
      g_string_free (worksheet.value, TRUE);
      g_free (worksheet.type);
      if (!parsed)
        goto out;
    }

  ok = TRUE;

out:
  relationships_clear (&package_rels);
  relationships_clear (&workbook_rels);
  g_clear_pointer (&workbook.names, g_ptr_array_unref);
  g_clear_pointer (&workbook.ids, g_ptr_array_unref);
  g_clear_pointer (&workbook.states, g_array_unref);

  return ok ? g_steal_pointer (&self) : NULL;
}

/* ---- CSV ------------------------------------------------------------------ */

/* UTF-8 with or without its mark, else GB18030 as WPS saves on Chinese Windows. */
static char *
decode_text (const char  *data,
             gsize        length,
             const char  *display_name,
             GError     **error)
{
  g_autofree char *converted = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      converted = g_convert (data, length, "UTF-8", "UTF-16", NULL, NULL, NULL);
      if (converted != NULL && g_str_has_prefix (converted, "\xEF\xBB\xBF"))
        return g_strdup (converted + 3);
    }

  if (converted == NULL && g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  if (converted == NULL && memchr (data, '\0', length) == NULL)
    converted = g_convert (data, length, "UTF-8", "GB18030", NULL, NULL, NULL);

  if (converted == NULL || !g_utf8_validate (converted, -1, NULL))
    {
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_INVALID,
                   /* translators: %s is a file name */
                   _("%s: the text is neither UTF-8 nor GB18030; save the sheet as CSV (UTF-8)"),
                   display_name);
      return NULL;
    }

  return g_steal_pointer (&converted);
}

/**
 * ms_workbook_new_from_csv:
 *
 * Reads a CSV text (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks) into a workbook of one visible sheet of text cells. A text
 * whose first line has tabs and no commas is read as tab-separated.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
MsWorkbook *
ms_workbook_new_from_csv (const char  *data,
                          gsize        length,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(MsWorkbook) self = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  MsSheet *sheet;
  const char *p;
  const char *first_line_end;
  char separator = ',';
  guint row = 0;
  guint column = 0;
  gboolean quoted = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > MS_SHEET_MAX_FILE_SIZE)
    {
      g_autofree char *limit = g_format_size (MS_SHEET_MAX_FILE_SIZE);

      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                   _("%s: the workbook is larger than %s; refused"), display_name, limit);
      return NULL;
    }

  text = decode_text (data, length, display_name, error);
  if (text == NULL)
    return NULL;

  first_line_end = strpbrk (text, "\r\n");
  if (first_line_end == NULL)
    first_line_end = text + strlen (text);
  if (memchr (text, '\t', first_line_end - text) != NULL && memchr (text, ',', first_line_end - text) == NULL)
    separator = '\t';

  self = ms_workbook_new (display_name);
  self->is_csv = TRUE;
  sheet = ms_workbook_add_sheet (self, "", MS_SHEET_VISIBLE);

  for (p = text;; p++)
    {
      gboolean end_of_text = *p == '\0';
      gboolean end_of_field = end_of_text || (!quoted && (*p == separator || *p == '\n' || *p == '\r'));

      if (!end_of_field)
        {
          if (*p == '"')
            {
              if (quoted && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                quoted = !quoted;
            }
          else
            g_string_append_c (field, *p);
          continue;
        }

      if (field->len > 0)
        {
          if (row >= MS_SHEET_MAX_ROWS || self->n_cells >= MS_SHEET_MAX_CELLS)
            {
              g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                           _("%s: sheet “%s” has more than %u rows; refused"), display_name,
                           "CSV", MS_SHEET_MAX_ROWS);
              return NULL;
            }
          if (column < MS_SHEET_MAX_COLUMNS)
            ms_sheet_set_text (sheet, row, column, field->str);
        }
      g_string_truncate (field, 0);

      if (end_of_text)
        break;
      if (*p == separator)
        {
          column++;
          continue;
        }

      /* A line break: \r\n is one. */
      if (*p == '\r' && p[1] == '\n')
        p++;
      row++;
      column = 0;
      if (row > MS_SHEET_MAX_ROWS)
        {
          g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_TOO_LARGE,
                       _("%s: sheet “%s” has more than %u rows; refused"), display_name,
                       "CSV", MS_SHEET_MAX_ROWS);
          return NULL;
        }
    }

  if (quoted)
    {
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_INVALID,
                   /* translators: %s is a file name */
                   _("%s: a quoted field of the CSV text has no closing quote"), display_name);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * ms_workbook_load:
 *
 * Reads @file as an .xlsx workbook or a CSV text: by its name's extension,
 * else by its first bytes.
 *
 * Returns: (transfer full) (nullable): the workbook
 */
MsWorkbook *
ms_workbook_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *lower = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = g_file_get_parse_name (file);
  /* Its messages name the file already. */
  if (!ms_file_load_contents (file, MS_SHEET_MAX_FILE_SIZE, cancellable, &contents, &length, NULL, error))
    return NULL;

  lower = g_utf8_strdown (display_name, -1);
  if (is_ole2 (contents, length))
    return refuse_ole2 (contents, length, display_name, error);
  if (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".xlsm")
      || (length >= 2 && memcmp (contents, "PK", 2) == 0))
    return ms_workbook_new_from_xlsx (contents, length, display_name, error);
  if (g_str_has_suffix (lower, ".xls"))
    {
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_LEGACY,
                   _("%s: .xls (Excel 97–2003) is not supported: save it as .xlsx"), display_name);
      return NULL;
    }
  if (memchr (contents, '\0', length) != NULL
      && !(length >= 2 && (memcmp (contents, "\xFF\xFE", 2) == 0 || memcmp (contents, "\xFE\xFF", 2) == 0)))
    {
      g_set_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_NOT_A_WORKBOOK,
                   /* translators: %s is a file name */
                   _("%s: neither an .xlsx workbook nor a CSV text"), display_name);
      return NULL;
    }

  return ms_workbook_new_from_csv (contents, length, display_name, error);
}
