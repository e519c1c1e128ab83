/* ms-merge.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-category.h"
#include "ms-edits.h"
#include "ms-group.h"
#include "ms-l10n.h"
#include "ms-merge.h"
#include "ms-merge-private.h"
#include "ms-number.h"
#include "ms-xlsx-export.h"

/* Departments' returned sheets back into the file: each value a department
 * changed becomes a change to review; whatever cannot be applied safely is a
 * conflict, reported and left out, never resolved silently. The layout is
 * the one FORMAT.md gives ("Returned sheets"). */

#define RETURN_SHEET_NAME "填报表"
#define HIDDEN_SHEET_NAME "_minsheng"
#define HIDDEN_MAGIC      "minsheng-return"
#define MAX_HEADER_ROW    20
/* Excel's limit on the text of one cell. */
#define MAX_CELL_CHARACTERS 32767

/* Columns of a row, by what they hold; -1 when the sheet has none. */
typedef enum
{
  COLUMN_CATEGORY,
  COLUMN_NUMBER,
  COLUMN_PROJECT,
  COLUMN_INDICATOR,
  COLUMN_TARGET,
  COLUMN_UNIT,
  COLUMN_ACTUAL,
  COLUMN_COMPLETION,
  COLUMN_STATUS,
  COLUMN_REMARK,
  N_COLUMNS
} Column;

/* Headings of the returned sheet's row 3: written in Chinese whatever the
 * language of the program, so never translated. */
static const char * const return_headings[N_COLUMNS] = {
  "类别", "序号", "项目（目标任务）", "指标", "目标值", "单位", "本期完成值", "进展情况", "状态", "备注",
};

/* What the sheet held at export time, from the hidden sheet. */
typedef struct
{
  gboolean    has_actual;
  double      actual;
  gboolean    has_target;
  double      target;
  const char *unit;
  gboolean    has_status;
  MsStatus    status;
  const char *completion_sha256;
} Exported;

typedef struct
{
  MsMerge     *self;
  MsWorkbook  *workbook;
  MsSheet     *sheet;
  const char  *department;
  MsDate       date;
  /* The language of a CSV from "export-csv": figures in its units. */
  const char  *language;
  int          columns[N_COLUMNS];
} Return;

typedef struct
{
  /* The value proposed first, as a key; NULL once two disagree. */
  char          *value;
  char          *department;
  char          *source;
  MsMergeChange *change;
} Proposal;

struct _MsMerge
{
  MsDocument *document;
  MsDate      fallback_date;
  /* "category id\037number" and "category title\037number" → MsProject. */
  GHashTable *by_id;
  GHashTable *by_title;
  /* "project pointer:indicator pointer:field" → Proposal. */
  GHashTable *proposals;
  GPtrArray  *changes;
  GPtrArray  *conflicts;
  /* What was read: the undo step is named after it. */
  gboolean    has_return;
  gboolean    has_notice;
};

G_DEFINE_QUARK (ms-merge-error-quark, ms_merge_error)

static void
change_free (MsMergeChange *change)
{
  g_free (change->file_value);
  g_free (change->return_value);
  g_free (change->text);
  g_free (change->source);
  g_free (change->department);
  g_free (change);
}

static void
conflict_free (MsMergeConflict *conflict)
{
  g_free (conflict->source);
  g_free (conflict->message);
  g_free (conflict);
}

static void
proposal_free (Proposal *proposal)
{
  g_free (proposal->value);
  g_free (proposal->department);
  g_free (proposal->source);
  g_free (proposal);
}

static char *
project_key (const char *category,
             guint       number)
{
  return g_strdup_printf ("%s\037%u", category != NULL ? category : "", number);
}

MsMerge *
ms_merge_new (MsDocument *document,
              MsDate      fallback_date)
{
  g_autoptr(GPtrArray) projects = NULL;
  MsMerge *self;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  self = g_new0 (MsMerge, 1);
  self->document = g_object_ref (document);
  self->fallback_date = fallback_date;
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->proposals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)proposal_free);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);
  self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify)conflict_free);

  projects = ms_node_collect_projects (MS_NODE (document));
  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      MsCategory *category = ms_group_get_category (ms_project_get_group (project));
      guint number = ms_project_get_number (project);

      /* The first of two projects with one number wins; validation reports them. */
      g_hash_table_insert (self->by_id, project_key (ms_category_get_id (category), number), project);
      g_hash_table_insert (self->by_title, project_key (ms_category_get_title (category), number), project);
    }

  return self;
}

void
ms_merge_free (MsMerge *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->proposals);
  g_ptr_array_unref (self->changes);
  g_ptr_array_unref (self->conflicts);
  g_hash_table_unref (self->by_id);
  g_hash_table_unref (self->by_title);
  g_object_unref (self->document);
  g_free (self);
}

/**
 * ms_merge_get_changes:
 *
 * Returns: (transfer none) (element-type MsMergeChange): the changes found,
 *   in the order of the returns and their rows
 */
GPtrArray *
ms_merge_get_changes (MsMerge *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->changes;
}

/**
 * ms_merge_get_conflicts:
 *
 * Returns: (transfer none) (element-type MsMergeConflict): what is left out
 */
GPtrArray *
ms_merge_get_conflicts (MsMerge *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->conflicts;
}

const char *
ms_merge_conflict_kind_get_label (MsMergeConflictKind kind)
{
  switch (kind)
    {
    case MS_MERGE_CONFLICT_OTHER_FILE:
      return _("return for another file");
    case MS_MERGE_CONFLICT_FILE_CHANGED:
      return _("file changed since export");
    case MS_MERGE_CONFLICT_LOCKED_EDITED:
      return _("locked column edited");
    case MS_MERGE_CONFLICT_NO_PROJECT:
      return _("no such project");
    case MS_MERGE_CONFLICT_DISAGREEMENT:
      return _("returns disagree");
    case MS_MERGE_CONFLICT_BAD_VALUE:
      return _("not a valid value");
    case MS_MERGE_CONFLICT_REMARK_WITHOUT_FIGURE:
      return _("remark without a figure");
    case MS_MERGE_CONFLICT_AMBIGUOUS:
      return _("ambiguous match");
    default:
      g_return_val_if_reached (NULL);
    }
}

char *
ms_merge_change_dup_field_label (const MsMergeChange *change)
{
  const char *name = change->indicator != NULL ? ms_indicator_get_name (change->indicator) : "";

  g_return_val_if_fail (change != NULL, NULL);

  switch (change->field)
    {
    case MS_MERGE_FIELD_ACTUAL:
      /* translators: %s is an indicator's name, such as 新增城镇就业 */
      return g_strdup_printf (_("actual of “%s”"), name);
    case MS_MERGE_FIELD_COMPLETION:
      return g_strdup (_("completion"));
    case MS_MERGE_FIELD_STATUS:
      return g_strdup (_("status"));
    case MS_MERGE_FIELD_PROGRESS_NOTE:
      /* translators: %s is an indicator's name; the note of its figure at the reporting date */
      return g_strdup_printf (_("progress note of “%s”"), name);
    default:
      g_return_val_if_reached (NULL);
    }
}

static char *
dup_source (Return *ret,
            guint   row,
            int     column)
{
  g_autofree char *cell = ms_sheet_cell_name (row, MAX (column, 0));

  if (ms_workbook_get_is_csv (ret->workbook))
    return g_strdup_printf ("%s: %s", ms_workbook_get_display_name (ret->workbook), cell);
  return g_strdup_printf ("%s: %s!%s", ms_workbook_get_display_name (ret->workbook),
                          ms_sheet_get_name (ret->sheet), cell);
}

static void add_conflict (MsMerge             *self,
                          MsMergeConflictKind  kind,
                          char                *source,
                          const char          *format,
                          ...) G_GNUC_PRINTF (4, 5);

static void
add_conflict (MsMerge             *self,
              MsMergeConflictKind  kind,
              char                *source,
              const char          *format,
              ...)
{
  MsMergeConflict *conflict = g_new0 (MsMergeConflict, 1);
  va_list args;

  va_start (args, format);
  conflict->kind = kind;
  conflict->source = source;
  conflict->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (self->conflicts, conflict);
}

static char *
format_figure (gboolean has_value,
               double   value)
{
  char buffer[MS_NUMBER_JSON_BUFSIZE];

  if (!has_value)
    return g_strdup (_("(none)"));
  return g_strdup (ms_number_format_json (buffer, sizeof buffer, value));
}

/* To 15 significant digits, as the export writes figures (FORMAT.md). */
static gboolean
figures_equal (double a,
               double b)
{
  char first[G_ASCII_DTOSTR_BUF_SIZE];
  char second[G_ASCII_DTOSTR_BUF_SIZE];

  if (a == b)
    return TRUE;
  g_ascii_formatd (first, sizeof first, "%.15g", a);
  g_ascii_formatd (second, sizeof second, "%.15g", b);
  return g_str_equal (first, second);
}

/* Text as a spreadsheet gives it back: line ends made \n, outer blanks off. */
static char *
normalize_text (const char *text)
{
  g_autoptr(GString) normalized = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (normalized, '\n');
          continue;
        }
      g_string_append_c (normalized, *p);
    }

  return g_strstrip (g_string_free (g_steal_pointer (&normalized), FALSE));
}

static const MsCell *
get_cell (Return *ret,
          guint   row,
          Column  column)
{
  static const MsCell absent = { MS_CELL_EMPTY, "", 0 };

  if (ret->columns[column] < 0)
    return &absent;
  return ms_sheet_get_cell (ret->sheet, row, ret->columns[column]);
}

static char *
get_text (Return *ret,
          guint   row,
          Column  column)
{
  return normalize_text (get_cell (ret, row, column)->text);
}

typedef enum
{
  READ_EMPTY,
  READ_NUMBER,
  READ_NOT_A_NUMBER,
} NumberRead;

/* A figure as WPS or Excel may keep it: a number, or text "3000", "3,000". */
static NumberRead
read_number (const MsCell *cell,
             double       *number)
{
  g_autofree char *text = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  char *end = NULL;

  if (cell->kind == MS_CELL_NUMBER)
    {
      *number = cell->number;
      return isfinite (*number) ? READ_NUMBER : READ_NOT_A_NUMBER;
    }
  if (cell->kind == MS_CELL_EMPTY)
    return READ_EMPTY;
  if (cell->kind != MS_CELL_TEXT)
    return READ_NOT_A_NUMBER;

  text = normalize_text (cell->text);
  if (text[0] == '\0')
    return READ_EMPTY;
  for (const char *p = text; *p; p++)
    {
      if (*p != ',' && *p != ' ')
        g_string_append_c (digits, *p);
    }
  *number = g_ascii_strtod (digits->str, &end);
  if (end == digits->str || *end != '\0' || !isfinite (*number) || strpbrk (digits->str, "xXnN") != NULL)
    return READ_NOT_A_NUMBER;
  return READ_NUMBER;
}

/* The status as the sheet writes it: the Chinese word, the English label or
 * the file's keyword. */
static gboolean
read_status (const char *text,
             MsStatus   *status)
{
  g_autofree char *keyword = g_strdelimit (g_ascii_strdown (text, -1), "_ ", '-');

  if (ms_status_from_string (keyword, status))
    return TRUE;

  for (guint i = 0; i < MS_N_STATUSES; i++)
    {
      const char *label = ms_status_get_label_untranslated (i);

      if (g_str_equal (text, ms_l10n_translate ("zh_CN", label)) || g_ascii_strcasecmp (text, label) == 0
          || g_str_equal (text, ms_status_get_label (i)))
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Records a change unless another return, or another row, proposed a
 * different value for the same field: then neither is used. */
void
ms_merge_propose (MsMerge       *self,
                  const char    *department,
                  MsMergeChange *change,
                  const char    *value_key)
{
  g_autofree char *key = g_strdup_printf ("%p:%p:%d", (gpointer)change->project, (gpointer)change->indicator,
                                          change->field);
  Proposal *proposal = g_hash_table_lookup (self->proposals, key);

  if (proposal == NULL)
    {
      proposal = g_new0 (Proposal, 1);
      proposal->value = g_strdup (value_key);
      proposal->department = g_strdup (department);
      proposal->source = g_strdup (change->source);
      proposal->change = change;
      g_hash_table_insert (self->proposals, g_steal_pointer (&key), proposal);
      g_ptr_array_add (self->changes, change);
      return;
    }

  if (proposal->value != NULL && g_str_equal (proposal->value, value_key))
    {
      change_free (change);
      return;
    }

  if (proposal->value != NULL)
    {
      g_autofree char *field = ms_merge_change_dup_field_label (change);
      g_autofree char *first = g_strdup (proposal->change->return_value);

      if (g_strcmp0 (proposal->department, department) != 0)
        add_conflict (self, MS_MERGE_CONFLICT_DISAGREEMENT, g_strdup (change->source),
                      /* translators: a field, a department and its value, another department and its value */
                      _("%s: %s returned “%s”, %s returned “%s”; neither is applied"),
                      field, proposal->department, first, department, change->return_value);
      else
        add_conflict (self, MS_MERGE_CONFLICT_DISAGREEMENT, g_strdup (change->source),
                      /* translators: a field, the place of a row and its value, then this row's value */
                      _("%s: the row at %s says “%s”, this row says “%s”; neither is applied"),
                      field, proposal->source, first, change->return_value);
      g_ptr_array_remove (self->changes, proposal->change);
      proposal->change = NULL;
      g_clear_pointer (&proposal->value, g_free);
    }

  change_free (change);
}

static void
propose (Return        *ret,
         MsMergeChange *change,
         const char    *value_key)
{
  ms_merge_propose (ret->self, ret->department, change, value_key);
}

static MsMergeChange *
new_change (Return       *ret,
            MsProject    *project,
            MsIndicator  *indicator,
            MsMergeField  field,
            guint         row,
            Column        column)
{
  MsMergeChange *change = g_new0 (MsMergeChange, 1);

  change->project = project;
  change->indicator = indicator;
  change->field = field;
  change->date = ret->date;
  change->source = dup_source (ret, row, ret->columns[column]);
  change->department = g_strdup (ret->department);
  change->accepted = TRUE;
  return change;
}

/* The figure as the file holds it at the return’s date. */
static gboolean
get_file_figure (MsIndicator *indicator,
                 MsDate       date,
                 double      *figure)
{
  const MsTimelineEntry *entry = ms_timeline_get_at (ms_indicator_get_progress (indicator), date);

  if (entry != NULL && entry->date == date)
    {
      *figure = entry->value;
      return TRUE;
    }
  *figure = ms_indicator_get_actual (indicator);
  return ms_indicator_get_has_actual (indicator);
}

static const char *
column_heading (Column column)
{
  return return_headings[column];
}

static gboolean
check_locked_text (Return     *ret,
                   guint       row,
                   Column      column,
                   const char *expected)
{
  g_autofree char *found = get_text (ret, row, column);
  g_autofree char *wanted = normalize_text (expected);

  if (ret->columns[column] < 0 || g_str_equal (found, wanted))
    return TRUE;

  add_conflict (ret->self, MS_MERGE_CONFLICT_LOCKED_EDITED, dup_source (ret, row, ret->columns[column]),
                /* translators: a column heading such as 目标值, what the sheet says, what the file
                 * says; the row is left out */
                _("the locked column %s says “%s”, the file says “%s”; the row is skipped"),
                column_heading (column), found, wanted);
  return FALSE;
}

static gboolean
check_locked_number (Return   *ret,
                     guint     row,
                     Column    column,
                     gboolean  has_expected,
                     double    expected)
{
  const MsCell *cell = get_cell (ret, row, column);
  double found = 0;
  NumberRead read = read_number (cell, &found);
  g_autofree char *wanted = NULL;

  if (ret->columns[column] < 0)
    return TRUE;
  if (!has_expected ? read == READ_EMPTY : read == READ_NUMBER && figures_equal (found, expected))
    return TRUE;

  wanted = format_figure (has_expected, expected);
  add_conflict (ret->self, MS_MERGE_CONFLICT_LOCKED_EDITED, dup_source (ret, row, ret->columns[column]),
                _("the locked column %s says “%s”, the file says “%s”; the row is skipped"),
                column_heading (column), cell->text, wanted);
  return FALSE;
}

/* The unit and scale a CSV of "export-csv" in @language writes figures in. */
static const char *
present_unit (Return      *ret,
              MsIndicator *indicator,
              double      *scale)
{
  const char *unit = ms_indicator_get_unit (indicator);

  *scale = 1;
  if (ret->language == NULL || ms_l10n_is_chinese (ret->language))
    return unit;
  ms_l10n_split_unit (unit, scale);
  return ms_l10n_present_figure (ret->language, 0, unit, NULL);
}

static void
merge_actual (Return         *ret,
              guint           row,
              MsProject      *project,
              MsIndicator    *indicator,
              const Exported *exported,
              double          scale,
              gboolean       *has_figure)
{
  const MsCell *cell = get_cell (ret, row, COLUMN_ACTUAL);
  MsMergeChange *change;
  double figure = 0, current = 0;
  gboolean has_current;
  char key[G_ASCII_DTOSTR_BUF_SIZE];

  switch (read_number (cell, &figure))
    {
    case READ_EMPTY:
      return;
    case READ_NOT_A_NUMBER:
      add_conflict (ret->self, MS_MERGE_CONFLICT_BAD_VALUE, dup_source (ret, row, ret->columns[COLUMN_ACTUAL]),
                    /* translators: %s is what a cell for a figure holds, such as 约3000 */
                    _("“%s” is not a number; the figure is not applied"), cell->text);
      return;
    case READ_NUMBER:
    default:
      break;
    }

  if (indicator == NULL)
    {
      add_conflict (ret->self, MS_MERGE_CONFLICT_BAD_VALUE, dup_source (ret, row, ret->columns[COLUMN_ACTUAL]),
                    /* translators: %s is a figure */
                    _("“%s”: the project has no indicator to hold a figure; not applied"), cell->text);
      return;
    }

  figure /= scale;
  if (!ms_figure_is_plausible (figure))
    {
      add_conflict (ret->self, MS_MERGE_CONFLICT_BAD_VALUE, dup_source (ret, row, ret->columns[COLUMN_ACTUAL]),
                    /* translators: %s is a figure */
                    _("“%s” is not a plausible figure; not applied"), cell->text);
      return;
    }
  *has_figure = TRUE;

  has_current = get_file_figure (indicator, ret->date, &current);
  if (has_current && figures_equal (current, figure))
    return;

  if (exported != NULL)
    {
      /* Left as exported: the department did not touch it. */
      if (exported->has_actual && figures_equal (exported->actual, figure))
        return;
      if (exported->has_actual != ms_indicator_get_has_actual (indicator)
          || (exported->has_actual && !figures_equal (exported->actual, ms_indicator_get_actual (indicator))))
        {
          g_autofree char *then = format_figure (exported->has_actual, exported->actual);
          g_autofree char *now = format_figure (ms_indicator_get_has_actual (indicator),
                                                ms_indicator_get_actual (indicator));

          add_conflict (ret->self, MS_MERGE_CONFLICT_FILE_CHANGED,
                        dup_source (ret, row, ret->columns[COLUMN_ACTUAL]),
                        /* translators: an indicator's name, its figure at export, its figure now,
                         * then the figure the return gives */
                        _("the actual of “%s” was %s at export and is %s in the file now; the return’s "
                          "%s is not applied"),
                        ms_indicator_get_name (indicator), then, now, cell->text);
          return;
        }
    }

  change = new_change (ret, project, indicator, MS_MERGE_FIELD_ACTUAL, row, COLUMN_ACTUAL);
  change->figure = figure;
  change->file_value = format_figure (has_current, current);
  change->return_value = format_figure (TRUE, figure);
  g_ascii_dtostr (key, sizeof key, figure);
  propose (ret, change, key);
}

static void
merge_completion (Return         *ret,
                  guint           row,
                  MsProject      *project,
                  const Exported *exported)
{
  g_autofree char *text = get_text (ret, row, COLUMN_COMPLETION);
  g_autofree char *current = normalize_text (ms_project_get_completion (project));
  MsMergeChange *change;

  /* An empty cell reports nothing; it never erases the file's text. */
  if (ret->columns[COLUMN_COMPLETION] < 0 || text[0] == '\0' || g_str_equal (text, current))
    return;
  /* A cell holds at most 32 767 characters: the export cut a longer text. */
  if (g_utf8_strlen (text, -1) >= MAX_CELL_CHARACTERS - 64 && g_str_has_prefix (current, text))
    return;

  if (exported != NULL && exported->completion_sha256 != NULL)
    {
      g_autofree char *raw = g_strdup (get_cell (ret, row, COLUMN_COMPLETION)->text);
      g_autofree char *sent = g_compute_checksum_for_string (G_CHECKSUM_SHA256, raw, -1);
      g_autofree char *sent_normalized = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      g_autofree char *now = g_compute_checksum_for_string (G_CHECKSUM_SHA256,
                                                            ms_project_get_completion (project), -1);

      if (g_ascii_strcasecmp (sent, exported->completion_sha256) == 0
          || g_ascii_strcasecmp (sent_normalized, exported->completion_sha256) == 0)
        return;
      if (g_ascii_strcasecmp (now, exported->completion_sha256) != 0)
        {
          add_conflict (ret->self, MS_MERGE_CONFLICT_FILE_CHANGED,
                        dup_source (ret, row, ret->columns[COLUMN_COMPLETION]),
                        "%s", _("the completion text changed in the file since the sheet was exported; "
                                "the return’s text is not applied"));
          return;
        }
    }

  change = new_change (ret, project, NULL, MS_MERGE_FIELD_COMPLETION, row, COLUMN_COMPLETION);
  change->text = g_strdup (text);
  change->file_value = g_strdup (current);
  change->return_value = g_strdup (text);
  propose (ret, change, text);
}

static void
merge_status (Return         *ret,
              guint           row,
              MsProject      *project,
              const Exported *exported)
{
  g_autofree char *text = get_text (ret, row, COLUMN_STATUS);
  MsStatus status, current = ms_project_get_status (project);
  MsMergeChange *change;

  if (ret->columns[COLUMN_STATUS] < 0 || text[0] == '\0')
    return;
  if (!read_status (text, &status))
    {
      add_conflict (ret->self, MS_MERGE_CONFLICT_BAD_VALUE, dup_source (ret, row, ret->columns[COLUMN_STATUS]),
                    /* translators: %s is what the status cell holds */
                    _("“%s” is not a status (未开工, 推进中, 已完成 or 延期); not applied"), text);
      return;
    }
  if (status == current)
    return;

  if (exported != NULL && exported->has_status)
    {
      if (status == exported->status)
        return;
      if (current != exported->status)
        {
          add_conflict (ret->self, MS_MERGE_CONFLICT_FILE_CHANGED,
                        dup_source (ret, row, ret->columns[COLUMN_STATUS]),
                        /* translators: the status at export, the status in the file now, the returned one */
                        _("the status was “%s” at export and is “%s” in the file now; the return’s “%s” "
                          "is not applied"),
                        ms_status_get_label (exported->status), ms_status_get_label (current),
                        ms_status_get_label (status));
          return;
        }
    }

  change = new_change (ret, project, NULL, MS_MERGE_FIELD_STATUS, row, COLUMN_STATUS);
  change->status = status;
  change->file_value = g_strdup (ms_status_get_label (current));
  change->return_value = g_strdup (ms_status_get_label (status));
  propose (ret, change, ms_status_to_string (status));
}

static void
merge_remark (Return      *ret,
              guint        row,
              MsProject   *project,
              MsIndicator *indicator,
              gboolean     has_figure)
{
  g_autofree char *text = get_text (ret, row, COLUMN_REMARK);
  const MsTimelineEntry *entry;
  MsMergeChange *change;
  const char *current = "";

  if (ret->columns[COLUMN_REMARK] < 0 || text[0] == '\0')
    return;

  entry = indicator != NULL ? ms_timeline_get_at (ms_indicator_get_progress (indicator), ret->date) : NULL;
  if (entry != NULL && entry->date != ret->date)
    entry = NULL;
  if (indicator == NULL || (entry == NULL && !has_figure && !ms_indicator_get_has_actual (indicator)))
    {
      add_conflict (ret->self, MS_MERGE_CONFLICT_REMARK_WITHOUT_FIGURE,
                    dup_source (ret, row, ret->columns[COLUMN_REMARK]),
                    /* translators: %s is the remark a department wrote */
                    _("the remark “%s” has no figure at the reporting date to go with; not applied"), text);
      return;
    }
  if (entry != NULL)
    current = entry->note;
  if (g_str_equal (current, text))
    return;

  change = new_change (ret, project, indicator, MS_MERGE_FIELD_PROGRESS_NOTE, row, COLUMN_REMARK);
  change->text = g_strdup (text);
  change->file_value = g_strdup (current);
  change->return_value = g_strdup (text);
  propose (ret, change, text);
}

/* One row matched to its project (and indicator): locked columns first,
 * then each value the department fills. */
static void
merge_row (Return         *ret,
           guint           row,
           MsProject      *project,
           MsIndicator    *indicator,
           const Exported *exported,
           gboolean        with_project_texts)
{
  MsCategory *category = ms_group_get_category (ms_project_get_group (project));
  gboolean has_figure = FALSE;
  double scale = 1;
  const char *unit = indicator != NULL ? present_unit (ret, indicator, &scale) : "";

  if (!check_locked_text (ret, row, COLUMN_CATEGORY, ms_category_get_title (category))
      || !check_locked_number (ret, row, COLUMN_NUMBER, TRUE, ms_project_get_number (project))
      || !check_locked_text (ret, row, COLUMN_PROJECT, ms_project_get_target (project))
      || !check_locked_text (ret, row, COLUMN_INDICATOR, indicator != NULL ? ms_indicator_get_name (indicator) : ""))
    return;

  if (exported != NULL)
    {
      if (!check_locked_number (ret, row, COLUMN_TARGET, exported->has_target, exported->target)
          || !check_locked_text (ret, row, COLUMN_UNIT, exported->unit != NULL ? exported->unit : ""))
        return;
    }
  else if (indicator != NULL)
    {
      double shown_target;

      if (ret->language != NULL)
        ms_l10n_present_figure (ret->language, ms_indicator_get_target (indicator),
                                ms_indicator_get_unit (indicator), &shown_target);
      else
        shown_target = ms_indicator_get_target (indicator);
      if (!check_locked_number (ret, row, COLUMN_TARGET, TRUE, shown_target)
          || !check_locked_text (ret, row, COLUMN_UNIT, unit))
        return;
    }

  merge_actual (ret, row, project, indicator, exported, scale, &has_figure);
  if (with_project_texts)
    {
      merge_completion (ret, row, project, exported);
      merge_status (ret, row, project, exported);
    }
  merge_remark (ret, row, project, indicator, has_figure);
}

static gboolean
row_is_empty (MsSheet *sheet,
              guint    row,
              guint    n_columns)
{
  for (guint column = 0; column < n_columns; column++)
    {
      if (ms_sheet_get_cell (sheet, row, column)->kind != MS_CELL_EMPTY)
        return FALSE;
    }

  return TRUE;
}

static gboolean
cell_is (MsSheet    *sheet,
         guint       row,
         guint       column,
         const char *text)
{
  g_autofree char *found = normalize_text (ms_sheet_get_cell (sheet, row, column)->text);

  return g_str_equal (found, text);
}

/* The header row of a returned sheet (row 3 as written, but a CSV saved
 * without the title rows is read too): columns by their headings. */
static gboolean
find_return_header (Return *ret,
                    guint  *header_row)
{
  guint n_rows = MIN (ms_sheet_get_n_rows (ret->sheet), MAX_HEADER_ROW);

  for (guint row = 0; row < n_rows; row++)
    {
      guint found = 0;

      for (guint i = 0; i < N_COLUMNS; i++)
        ret->columns[i] = -1;
      for (guint column = 0; column < 64; column++)
        {
          g_autofree char *text = normalize_text (ms_sheet_get_cell (ret->sheet, row, column)->text);

          for (guint i = 0; i < N_COLUMNS; i++)
            {
              if (ret->columns[i] < 0 && g_str_equal (text, return_headings[i]))
                {
                  ret->columns[i] = column;
                  found++;
                  break;
                }
            }
        }

      if (ret->columns[COLUMN_CATEGORY] >= 0 && ret->columns[COLUMN_NUMBER] >= 0
          && ret->columns[COLUMN_INDICATOR] >= 0 && found >= 4)
        {
          *header_row = row;
          return TRUE;
        }
    }

  return FALSE;
}

/* "截至 2024-06-30" or "截至2024年6月30日" in the rows above the header. */
static MsDate
find_title_date (MsSheet *sheet,
                 guint    header_row)
{
  g_autoptr(GRegex) regex = g_regex_new ("截至\\s*(\\d{4})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})",
                                         G_REGEX_OPTIMIZE, 0, NULL);

  for (guint row = 0; row < header_row; row++)
    {
      for (guint column = 0; column < 16; column++)
        {
          g_autoptr(GMatchInfo) match = NULL;

          if (g_regex_match (regex, ms_sheet_get_cell (sheet, row, column)->text, 0, &match))
            {
              g_autofree char *year = g_match_info_fetch (match, 1);
              g_autofree char *month = g_match_info_fetch (match, 2);
              g_autofree char *day = g_match_info_fetch (match, 3);

              return ms_date_from_ymd (atoi (year), atoi (month), atoi (day));
            }
        }
    }

  return MS_DATE_NONE;
}

static MsDate
read_date (MsWorkbook   *workbook,
           const MsCell *cell)
{
  MsDate date = MS_DATE_NONE;
  int year, month, day;

  if (cell->kind == MS_CELL_NUMBER)
    {
      if (ms_sheet_serial_to_date (cell->number, ms_workbook_get_date1904 (workbook), &year, &month, &day))
        return ms_date_from_ymd (year, month, day);
      return MS_DATE_NONE;
    }
  {
    g_autofree char *text = normalize_text (cell->text);

    if (!ms_date_parse (text, &date))
      return MS_DATE_NONE;
  }
  return date;
}

static gboolean
read_index (const MsCell *cell,
            gint64       *value)
{
  double number;

  if (read_number (cell, &number) != READ_NUMBER || number != floor (number) || fabs (number) > 1e9)
    return FALSE;
  *value = (gint64)number;
  return TRUE;
}

static gboolean
set_date (Return      *ret,
          MsDate       date,
          GError     **error)
{
  ret->date = date != MS_DATE_NONE ? date : ret->self->fallback_date;
  if (ret->date != MS_DATE_NONE)
    return TRUE;

  g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NO_DATE,
               /* translators: %s is a file name; --date is a command-line option, keep it */
               _("%s: the sheet gives no reporting date (截至 YYYY-MM-DD); give one with --date"),
               ms_workbook_get_display_name (ret->workbook));
  return FALSE;
}

static MsProject *
find_project (MsMerge    *self,
              GHashTable *table,
              const char *category,
              gint64      number)
{
  g_autofree char *key = NULL;

  if (number < 0 || number > G_MAXUINT)
    return NULL;
  key = project_key (category, number);
  return g_hash_table_lookup (table, key);
}

static void
report_unmatched_row (Return     *ret,
                      guint       row,
                      const char *category,
                      const char *number)
{
  add_conflict (ret->self, MS_MERGE_CONFLICT_NO_PROJECT, dup_source (ret, row, 0),
                /* translators: a category and a project number as the row gives them */
                _("the row matches no project of the file (类别 “%s”, 序号 “%s”); the row is skipped"),
                category, number);
}

/* A returned sheet with its hidden sheet: rows matched by what it recorded. */
static gboolean
add_exported_return (Return   *ret,
                     MsSheet  *hidden,
                     GError  **error)
{
  MsMerge *self = ret->self;
  const char *display_name = ms_workbook_get_display_name (ret->workbook);
  g_autofree char *identity = ms_xlsx_compute_file_identity (self->document);
  g_autoptr(GHashTable) visited = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) texts_seen = g_hash_table_new (NULL, NULL);
  const char *returned_identity = NULL;
  const MsCell *year_cell = NULL;
  MsDate date = MS_DATE_NONE;
  guint header_row = 0, hidden_header = 0;
  double version = 0;
  guint n_hidden = ms_sheet_get_n_rows (hidden);

  if (!cell_is (hidden, 0, 0, HIDDEN_MAGIC) || read_number (ms_sheet_get_cell (hidden, 0, 1), &version) != READ_NUMBER)
    {
      g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NOT_A_RETURN,
                   /* translators: %s is a file name; _minsheng is the name of a sheet, keep it */
                   _("%s: the hidden sheet _minsheng is damaged; export the returns again"), display_name);
      return FALSE;
    }
  if (version > MS_MERGE_LAYOUT_VERSION)
    {
      g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NEWER_LAYOUT,
                   /* translators: %s is a file name, %g a version number */
                   _("%s: the sheet was exported by a newer version (layout %g); update Minsheng Tracker"),
                   display_name, version);
      return FALSE;
    }

  for (guint row = 1; row < n_hidden; row++)
    {
      const MsCell *value = ms_sheet_get_cell (hidden, row, 1);

      if (cell_is (hidden, row, 0, "row"))
        {
          hidden_header = row;
          break;
        }
      if (cell_is (hidden, row, 0, "file_identity"))
        returned_identity = value->text;
      else if (cell_is (hidden, row, 0, "file_year"))
        year_cell = value;
      else if (cell_is (hidden, row, 0, "department") && value->text[0] != '\0')
        ret->department = value->text;
      else if (cell_is (hidden, row, 0, "reporting_date"))
        date = read_date (ret->workbook, value);
    }

  if (hidden_header == 0 || !find_return_header (ret, &header_row))
    {
      g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NOT_A_RETURN,
                   /* translators: %s is a file name */
                   _("%s: the sheet 填报表 or its header row is missing; export the returns again"), display_name);
      return FALSE;
    }

  if (date == MS_DATE_NONE)
    date = find_title_date (ret->sheet, header_row);
  if (!set_date (ret, date, error))
    return FALSE;

  {
    gint64 year = 0;
    g_autofree char *identity_text = returned_identity != NULL ? normalize_text (returned_identity) : NULL;

    if (year_cell != NULL && read_index (year_cell, &year) && year != ms_document_get_year (self->document))
      {
        add_conflict (self, MS_MERGE_CONFLICT_OTHER_FILE, g_strdup (display_name),
                      /* translators: the year a return is for, then the file's year */
                      _("the return is for the year %d, the file for %d; the return is refused"),
                      (int)year, ms_document_get_year (self->document));
        return TRUE;
      }
    if (identity_text != NULL && g_ascii_strcasecmp (identity_text, identity) != 0)
      {
        add_conflict (self, MS_MERGE_CONFLICT_OTHER_FILE, g_strdup (display_name), "%s",
                      _("the return was exported from another file (its file identity differs); the return is "
                        "refused"));
        return TRUE;
      }
  }

  for (guint row = hidden_header + 1; row < n_hidden; row++)
    {
      gint64 sheet_row = 0, number = 0, index = 0;
      const char *category_id = ms_sheet_get_cell (hidden, row, 1)->text;
      MsProject *project;
      MsIndicator *indicator = NULL;
      Exported exported = { 0 };
      const MsCell *status_cell = ms_sheet_get_cell (hidden, row, 7);
      g_autofree char *status_text = NULL;

      if (row_is_empty (hidden, row, 9))
        continue;
      if (!read_index (ms_sheet_get_cell (hidden, row, 0), &sheet_row) || sheet_row <= (gint64)header_row + 1
          || sheet_row > MS_SHEET_MAX_ROWS || !read_index (ms_sheet_get_cell (hidden, row, 2), &number)
          || !read_index (ms_sheet_get_cell (hidden, row, 3), &index))
        {
          g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NOT_A_RETURN,
                       /* translators: %s is a file name, %u a row of the hidden sheet */
                       _("%s: row %u of the hidden sheet _minsheng is damaged; export the returns again"),
                       display_name, row + 1);
          return FALSE;
        }
      sheet_row--;
      g_hash_table_add (visited, GUINT_TO_POINTER ((guint)sheet_row));

      project = find_project (self, self->by_id, category_id, number);
      if (project != NULL && index >= 0)
        indicator = index < ms_project_get_n_indicators (project) ? ms_project_get_indicator (project, index) : NULL;
      if (project == NULL || (index >= 0 && indicator == NULL) || index < -1
          || (index == -1 && ms_project_get_n_indicators (project) > 0))
        {
          g_autofree char *title = get_text (ret, sheet_row, COLUMN_CATEGORY);
          g_autofree char *number_text = get_text (ret, sheet_row, COLUMN_NUMBER);

          report_unmatched_row (ret, sheet_row, title, number_text);
          continue;
        }

      exported.has_actual = read_number (ms_sheet_get_cell (hidden, row, 6), &exported.actual) == READ_NUMBER;
      exported.has_target = read_number (ms_sheet_get_cell (hidden, row, 4), &exported.target) == READ_NUMBER;
      exported.unit = ms_sheet_get_cell (hidden, row, 5)->text;
      status_text = normalize_text (status_cell->text);
      exported.has_status = read_status (status_text, &exported.status);
      exported.completion_sha256 = ms_sheet_get_cell (hidden, row, 8)->text[0] != '\0'
                                   ? ms_sheet_get_cell (hidden, row, 8)->text : NULL;

      merge_row (ret, sheet_row, project, indicator, &exported, TRUE);
      g_hash_table_add (texts_seen, project);
    }

  /* Rows a department added: nothing in the file to put them in. */
  for (guint row = header_row + 1; row < ms_sheet_get_n_rows (ret->sheet); row++)
    {
      g_autofree char *title = NULL;
      g_autofree char *number_text = NULL;

      if (g_hash_table_contains (visited, GUINT_TO_POINTER (row)) || row_is_empty (ret->sheet, row, N_COLUMNS))
        continue;
      title = get_text (ret, row, COLUMN_CATEGORY);
      number_text = get_text (ret, row, COLUMN_NUMBER);
      report_unmatched_row (ret, row, title, number_text);
    }

  return TRUE;
}

/* A sheet without its hidden sheet (a CSV saved from it): rows matched by
 * category title, number and indicator name. */
static gboolean
add_plain_return (Return   *ret,
                  guint     header_row,
                  GError  **error)
{
  MsMerge *self = ret->self;

  if (!set_date (ret, find_title_date (ret->sheet, header_row), error))
    return FALSE;

  for (guint row = header_row + 1; row < ms_sheet_get_n_rows (ret->sheet); row++)
    {
      g_autofree char *title = get_text (ret, row, COLUMN_CATEGORY);
      g_autofree char *number_text = get_text (ret, row, COLUMN_NUMBER);
      g_autofree char *name = get_text (ret, row, COLUMN_INDICATOR);
      MsIndicator *indicator = NULL;
      MsProject *project;
      gint64 number = -1;

      if (row_is_empty (ret->sheet, row, 64))
        continue;
      read_index (get_cell (ret, row, COLUMN_NUMBER), &number);
      project = find_project (self, self->by_title, title, number);
      if (project != NULL && name[0] != '\0')
        {
          for (guint i = 0; i < ms_project_get_n_indicators (project) && indicator == NULL; i++)
            {
              g_autofree char *known = normalize_text (ms_indicator_get_name (ms_project_get_indicator (project, i)));

              if (g_str_equal (known, name))
                indicator = ms_project_get_indicator (project, i);
            }
        }
      if (project == NULL || (name[0] != '\0' && indicator == NULL)
          || (name[0] == '\0' && ms_project_get_n_indicators (project) > 0))
        {
          report_unmatched_row (ret, row, title, number_text);
          continue;
        }

      merge_row (ret, row, project, indicator, NULL, TRUE);
    }

  return TRUE;
}

/* A CSV written by "minsheng-cli export-csv": one row per project, its
 * indicators side by side, headings in the language it was written in. */
static gboolean
find_export_csv_header (Return      *ret,
                        const char **language)
{
  static const char * const languages[] = { "zh_CN", "en" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *lang = languages[i];

      if (cell_is (ret->sheet, 0, 0, ms_l10n_translate (lang, N_("Category")))
          && cell_is (ret->sheet, 0, 2, ms_l10n_translate (lang, N_("Number")))
          && cell_is (ret->sheet, 0, 6, ms_l10n_translate (lang, N_("Completion")))
          && cell_is (ret->sheet, 0, 7, ms_l10n_translate (lang, N_("Status"))))
        {
          *language = lang;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
add_export_csv (Return   *ret,
                GError  **error)
{
  MsMerge *self = ret->self;

  if (!set_date (ret, MS_DATE_NONE, error))
    return FALSE;

  for (guint row = 1; row < ms_sheet_get_n_rows (ret->sheet); row++)
    {
      g_autofree char *title = normalize_text (ms_sheet_get_cell (ret->sheet, row, 0)->text);
      g_autofree char *number_text = normalize_text (ms_sheet_get_cell (ret->sheet, row, 2)->text);
      MsProject *project;
      gint64 number = -1;
      guint n_indicators;

      if (row_is_empty (ret->sheet, row, 64))
        continue;
      read_index (ms_sheet_get_cell (ret->sheet, row, 2), &number);
      project = find_project (self, self->by_title, title, number);
      if (project == NULL)
        {
          ret->columns[COLUMN_CATEGORY] = 0;
          report_unmatched_row (ret, row, title, number_text);
          continue;
        }

      /* Category, Group, Number, Target, Departments, Partners, Completion,
       * Status, Note, then Indicator, Unit, Target, Actual, Rate for each. */
      n_indicators = ms_project_get_n_indicators (project);
      for (guint k = 0; k < MAX (n_indicators, 1); k++)
        {
          MsIndicator *indicator = k < n_indicators ? ms_project_get_indicator (project, k) : NULL;
          int base = 9 + 5 * k;

          ret->columns[COLUMN_CATEGORY] = 0;
          ret->columns[COLUMN_NUMBER] = 2;
          ret->columns[COLUMN_PROJECT] = 3;
          ret->columns[COLUMN_INDICATOR] = indicator != NULL ? base : -1;
          ret->columns[COLUMN_UNIT] = indicator != NULL ? base + 1 : -1;
          ret->columns[COLUMN_TARGET] = indicator != NULL ? base + 2 : -1;
          ret->columns[COLUMN_ACTUAL] = indicator != NULL ? base + 3 : -1;
          ret->columns[COLUMN_COMPLETION] = 6;
          ret->columns[COLUMN_STATUS] = 7;
          /* The Note column is the project's standing note, not a remark on the figures. */
          ret->columns[COLUMN_REMARK] = -1;
          merge_row (ret, row, project, indicator, NULL, k == 0);
        }
    }

  return TRUE;
}

/**
 * ms_merge_add_return:
 * @workbook: a returned sheet (.xlsx with its hidden sheet, or saved as
 *   CSV), or a CSV of "minsheng-cli export-csv"
 *
 * Reads the changes and conflicts of one return. A return for another file
 * or year is a conflict, not an error: the others can still be merged.
 *
 * Returns: %FALSE when @workbook is no return at all, or has no date
 */
gboolean
ms_merge_add_return (MsMerge     *self,
                     MsWorkbook  *workbook,
                     GError     **error)
{
  g_autofree char *basename = NULL;
  MsSheet *hidden;
  Return ret = { 0 };
  guint header_row = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (workbook != NULL, FALSE);

  self->has_return = TRUE;
  ret.self = self;
  ret.workbook = workbook;
  ret.sheet = ms_workbook_find_sheet (workbook, RETURN_SHEET_NAME);
  for (guint i = 0; ret.sheet == NULL && i < ms_workbook_get_n_sheets (workbook); i++)
    {
      MsSheet *sheet = ms_workbook_get_sheet (workbook, i);

      if (ms_sheet_get_state (sheet) == MS_SHEET_VISIBLE)
        ret.sheet = sheet;
    }
  if (ret.sheet == NULL)
    {
      g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NOT_A_RETURN,
                   /* translators: %s is a file name */
                   _("%s: the workbook has no visible sheet"), ms_workbook_get_display_name (workbook));
      return FALSE;
    }

  /* A CSV is named after its department, as the export names workbooks. */
  basename = g_path_get_basename (ms_workbook_get_display_name (workbook));
  if (strrchr (basename, '.') != NULL)
    *strrchr (basename, '.') = '\0';
  ret.department = basename;

  hidden = ms_workbook_find_sheet (workbook, HIDDEN_SHEET_NAME);
  if (hidden != NULL)
    return add_exported_return (&ret, hidden, error);

  if (find_return_header (&ret, &header_row))
    return add_plain_return (&ret, header_row, error);

  if (find_export_csv_header (&ret, &ret.language))
    return add_export_csv (&ret, error);

  g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NOT_A_RETURN,
               /* translators: %s is a file name; the words in quotes are column headings, keep them */
               _("%s: not a returned sheet: no header row with 类别, 序号 and 指标"),
               ms_workbook_get_display_name (workbook));
  return FALSE;
}

static gint
compare_dates (gconstpointer a,
               gconstpointer b)
{
  MsDate first = GPOINTER_TO_UINT (*(gpointer *)a);
  MsDate second = GPOINTER_TO_UINT (*(gpointer *)b);

  return first < second ? -1 : first > second;
}

/**
 * ms_merge_apply:
 * @history: the history of the merge's document
 *
 * Applies the accepted changes in one undo step: figures become progress
 * entries at their return's reporting date (ms_edits_record_figures()),
 * remarks the notes of those entries, texts and statuses are set.
 *
 * Returns: the number of changes applied
 */
guint
ms_merge_apply (MsMerge   *self,
                MsHistory *history)
{
  g_autoptr(GPtrArray) dates = g_ptr_array_new ();
  guint n_applied = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (MS_IS_HISTORY (history), 0);
  g_return_val_if_fail (ms_history_get_document (history) == self->document, 0);

  for (guint i = 0; i < self->changes->len; i++)
    {
      MsMergeChange *change = g_ptr_array_index (self->changes, i);

      if (change->accepted && (change->field == MS_MERGE_FIELD_ACTUAL || change->field == MS_MERGE_FIELD_PROGRESS_NOTE)
          && !g_ptr_array_find (dates, GUINT_TO_POINTER (change->date), NULL))
        g_ptr_array_add (dates, GUINT_TO_POINTER (change->date));
      if (change->accepted)
        n_applied++;
    }
  if (n_applied == 0)
    return 0;
  g_ptr_array_sort (dates, compare_dates);

  if (self->has_notice && !self->has_return)
    /* translators: the undo step of a notice read into the open file ("Undo Update From Notice") */
    ms_history_begin (history, N_("Update From Notice"));
  else
    /* translators: the undo step of a merge ("Undo Merge Returned Sheets") */
    ms_history_begin (history, N_("Merge Returned Sheets"));

  for (guint d = 0; d < dates->len; d++)
    {
      MsDate date = GPOINTER_TO_UINT (g_ptr_array_index (dates, d));
      g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GHashTable) by_indicator = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < self->changes->len; i++)
        {
          MsMergeChange *change = g_ptr_array_index (self->changes, i);
          MsRecordedFigure *figure;

          if (!change->accepted || change->date != date || change->field != MS_MERGE_FIELD_ACTUAL)
            continue;
          figure = g_new0 (MsRecordedFigure, 1);
          figure->indicator = change->indicator;
          figure->value = change->figure;
          g_ptr_array_add (figures, figure);
          g_hash_table_insert (by_indicator, change->indicator, figure);
        }

      for (guint i = 0; i < self->changes->len; i++)
        {
          MsMergeChange *change = g_ptr_array_index (self->changes, i);
          MsRecordedFigure *figure;
          const MsTimelineEntry *entry;

          if (!change->accepted || change->date != date || change->field != MS_MERGE_FIELD_PROGRESS_NOTE)
            continue;

          /* The note goes with the figure of that date: recorded now, already
           * there, or else the indicator's figure as the file holds it. */
          figure = g_hash_table_lookup (by_indicator, change->indicator);
          entry = ms_timeline_get_at (ms_indicator_get_progress (change->indicator), date);
          if (figure == NULL && entry != NULL && entry->date == date)
            {
              g_autoptr(MsTimeline) noted = ms_timeline_with_entry (ms_indicator_get_progress (change->indicator),
                                                                     date, entry->value, change->text);

              ms_history_set_progress (history, NULL, change->indicator, noted);
              continue;
            }
          if (figure == NULL)
            {
              if (!ms_indicator_get_has_actual (change->indicator))
                continue;
              figure = g_new0 (MsRecordedFigure, 1);
              figure->indicator = change->indicator;
              figure->value = ms_indicator_get_actual (change->indicator);
              g_ptr_array_add (figures, figure);
              g_hash_table_insert (by_indicator, change->indicator, figure);
            }
          figure->note = change->text;
        }

      if (figures->len > 0)
        ms_edits_record_figures (history, date, figures);
    }

  for (guint i = 0; i < self->changes->len; i++)
    {
      MsMergeChange *change = g_ptr_array_index (self->changes, i);

      if (!change->accepted)
        continue;
      if (change->field == MS_MERGE_FIELD_COMPLETION)
        ms_history_set_string (history, NULL, G_OBJECT (change->project), "completion", change->text);
      else if (change->field == MS_MERGE_FIELD_STATUS)
        ms_history_set_enum (history, NULL, G_OBJECT (change->project), "status", change->status);
    }

  ms_history_end (history);
  return n_applied;
}

/* For the other sources of a merge (ms-merge-notice.c). */

MsDocument *
ms_merge_get_document (MsMerge *self)
{
  return self->document;
}

MsDate
ms_merge_get_fallback_date (MsMerge *self)
{
  return self->fallback_date;
}

void
ms_merge_set_from_notice (MsMerge *self)
{
  self->has_notice = TRUE;
}

void
ms_merge_take_conflict (MsMerge             *self,
                        MsMergeConflictKind  kind,
                        char                *source,
                        char                *message)
{
  add_conflict (self, kind, source, "%s", message);
  g_free (message);
}

char *
ms_merge_format_figure (gboolean has_value,
                        double   value)
{
  return format_figure (has_value, value);
}

gboolean
ms_merge_figures_equal (double a,
                        double b)
{
  return figures_equal (a, b);
}

char *
ms_merge_normalize_text (const char *text)
{
  return normalize_text (text);
}

gboolean
ms_merge_get_file_figure (MsIndicator *indicator,
                          MsDate       date,
                          double      *figure)
{
  return get_file_figure (indicator, date, figure);
}
