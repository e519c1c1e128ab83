/* ms-json-writer.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-json-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-document.h"
#include "ms-json.h"
#include "ms-json-private.h"
#include "ms-number.h"

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
emit_date (Writer *w,
           MsDate  date)
{
  char buffer[MS_DATE_BUFSIZE];

  emit_string (w, ms_date_format (buffer, sizeof buffer, date));
}

/* A list of dated figures, each entry on one line: {"date", figure, "note"}. */
static void
write_timeline (Writer           *w,
                guint             level,
                const MsTimeline *timeline,
                const char       *figure_name)
{
  Block block;

  block_open (&block, w, level, FALSE, '[');
  for (guint i = 0; i < ms_timeline_get_n_entries (timeline); i++)
    {
      const MsTimelineEntry *entry = ms_timeline_get_entry (timeline, i);
      Block inner;

      block_next (&block);
      block_open (&inner, w, level + 1, TRUE, '{');
      block_key (&inner, "date");
      emit_date (w, entry->date);
      block_key (&inner, figure_name);
      emit_number (w, entry->value);
      if (entry->note[0] != '\0')
        {
          block_key (&inner, "note");
          emit_string (w, entry->note);
        }
      block_close (&inner, '}');
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
  /* Written only when used: a year-end file stays as it was. */
  if (ms_indicator_get_plan (indicator) != NULL)
    {
      block_key (&block, "plan");
      write_timeline (w, level + 1, ms_indicator_get_plan (indicator), "target");
    }
  if (ms_indicator_get_progress (indicator) != NULL)
    {
      block_key (&block, "progress");
      write_timeline (w, level + 1, ms_indicator_get_progress (indicator), "actual");
    }
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
  if (ms_project_get_lead (project)[0] != '\0')
    {
      block_key (&block, "lead");
      emit_string (w, ms_project_get_lead (project));
    }
  if (ms_project_get_contact (project)[0] != '\0')
    {
      block_key (&block, "contact");
      emit_string (w, ms_project_get_contact (project));
    }
  block_key (&block, "completion");
  emit_string (w, ms_project_get_completion (project));
  block_key (&block, "status");
  emit_string (w, ms_status_to_string (ms_project_get_status (project)));
  if (ms_project_get_deadline (project) != MS_DATE_NONE)
    {
      block_key (&block, "deadline");
      emit_date (w, ms_project_get_deadline (project));
    }
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
  if (ms_document_get_as_of (document) != MS_DATE_NONE)
    {
      block_key (&block, "as_of");
      emit_date (w, ms_document_get_as_of (document));
    }
  if (ms_document_get_has_period (document))
    {
      Block period;
      MsDate start, end;

      ms_document_get_period (document, &start, &end);
      block_key (&block, "period");
      block_open (&period, w, 1, TRUE, '{');
      block_key (&period, "start");
      emit_date (w, start);
      block_key (&period, "end");
      emit_date (w, end);
      block_close (&period, '}');
    }
  if (!ms_thresholds_is_default (ms_document_get_thresholds (document)))
    {
      const MsThresholds *thresholds = ms_document_get_thresholds (document);
      Block inner;

      block_key (&block, "thresholds");
      block_open (&inner, w, 1, TRUE, '{');
      block_key (&inner, "behind");
      emit_number (w, thresholds->behind_points);
      block_key (&inner, "at_risk");
      emit_number (w, thresholds->at_risk_points);
      block_key (&inner, "due_days");
      emit_integer (w, thresholds->due_days);
      block_key (&inner, "due_rate");
      emit_number (w, thresholds->due_percent);
      block_close (&inner, '}');
    }
  /* The 落款 only when set: files without it stay as they were. */
  if (ms_document_get_issuer (document)[0] != '\0')
    {
      block_key (&block, "issuer");
      emit_string (w, ms_document_get_issuer (document));
    }
  if (ms_document_get_issued (document) != MS_DATE_NONE)
    {
      block_key (&block, "issued");
      emit_date (w, ms_document_get_issued (document));
    }
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
