/* ms-report-gongwen.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of all projects as the 附件 (attachment) of an official document,
 * laid out after GB/T 9704-2012 as far as free fonts allow: A4 portrait, the
 * standard's type area, "附件" at the top left of the first page in 黑体
 * (Noto Sans CJK SC), the title centred in a bold serif standing in for 小标宋
 * (Noto Serif CJK SC Bold), the table in the serif face, column heads
 * repeated on every page, and page numbers "— N —" at the outer corner.
 * Every text is printed whole: a row taller than the room left on a page
 * continues on the next. The file's issuer and date of issue, when it has
 * them, end the table as its 落款 (§7.3.5).
 */

#define G_LOG_DOMAIN "ms-report-gongwen"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ms-font-embed.h"
#include "ms-l10n.h"
#include "ms-report-gongwen.h"

#define T(text) ms_l10n_translate (language, text)

/* Sizes in points: 3号 for the 附件 label, 2号 for the title, 4号 for page
 * numbers, 五号 for the table (the standard's 3号 leaves too few characters
 * a line for six columns). */
#define LABEL_SIZE        16.0
#define TITLE_SIZE        22.0
#define PAGE_NUMBER_SIZE  14.0
#define TABLE_SIZE        10.5
/* The standard's line: 22 lines in the type area. */
#define LINE_PITCH        (MS_GONGWEN_AREA_HEIGHT / 22)
#define CELL_PADDING_X    3.0
#define CELL_PADDING_Y    3.0
#define RULE_WIDTH        0.5
/* The page number's dashes sit 7 mm under the type area, and the number one
 * character in from its outer edge. */
#define PAGE_NUMBER_GAP   (7 * MS_GONGWEN_MM)
/* The 落款 in the body's 3号, two characters in from the right (右空二字). */
#define SIGNATURE_SIZE    16.0
#define SIGNATURE_INDENT  (2 * SIGNATURE_SIZE)

/* To the end of the cell's text. */
#define ALL_LINES G_MAXUINT
/* A row that does not fit the room left on a page moves to the next page
 * when that room is under this share of a page, else it is split there. */
#define SPLIT_ROOM_SHARE 0.2

/* Relative widths: the pledge and the result get the room; the others are
 * as wide as their English heads ("Departments", "Completed") need. */
static const double column_share[MS_GONGWEN_N_COLUMNS] = { 0.065, 0.125, 0.245, 0.17, 0.245, 0.15 };

typedef struct
{
  /* The bottom of each line of a cell's text, from the text's top. A
   * heading row keeps its one cell in column 0. */
  GArray *line_bottoms[MS_GONGWEN_N_COLUMNS];
} RowLines;

/* The part of a row on one page. */
typedef struct
{
  guint    row;
  guint    first_line[MS_GONGWEN_N_COLUMNS];
  guint    n_lines[MS_GONGWEN_N_COLUMNS];
  double   height;
  /* Not the row's first part. */
  gboolean continued;
} Slice;

typedef struct
{
  guint first_slice;
  guint n_slices;
} TablePage;

struct _MsGongwenTable
{
  MsDocument        *document;
  char              *language;
  MsScheduleContext  context;
  GArray            *rows;
  GArray            *row_lines;
  GArray            *slices;
  GArray            *pages;
  double             header_height;
  /* Where the table starts on the first page, from the type area's top. */
  double             table_top;
  /* (nullable): the 落款's lines; both NULL when the file has none */
  char              *issuer_line;
  char              *date_line;
  /* The page and the top of the blank line above the 落款. */
  guint              signature_page;
  double             signature_top;
  /* How far each line ends from the type area's right edge, for Word. */
  double             issuer_right_indent;
  double             date_right_indent;
};

static void
clear_row_lines (gpointer data)
{
  RowLines *lines = data;

  for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
    g_clear_pointer (&lines->line_bottoms[c], g_array_unref);
}

/**
 * _ms_gongwen_collect_rows:
 * @scope: (nullable): a category, or %NULL for the whole file
 *
 * Returns: (transfer full): the rows of the table: per category a heading,
 *   then its projects in file order
 */
GArray *
_ms_gongwen_collect_rows (MsDocument *document,
                          MsNode     *scope)
{
  GListModel *categories = ms_document_get_categories (document);
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (MsGongwenRow));

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      GListModel *groups = ms_category_get_groups (category);
      MsGongwenRow heading = { category, NULL, NULL, FALSE };

      if (MS_IS_CATEGORY (scope) && MS_NODE (category) != scope)
        continue;

      g_array_append_val (rows, heading);
      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);
          GListModel *projects = ms_group_get_projects (group);

          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              MsGongwenRow row = { category, group, ms_group_get_project (group, p), p == 0 };

              g_array_append_val (rows, row);
            }
        }
    }

  return rows;
}

double
_ms_gongwen_get_column_share (MsGongwenColumn column)
{
  g_return_val_if_fail (column < MS_GONGWEN_N_COLUMNS, 0);

  return column_share[column];
}

const char *
_ms_gongwen_get_heading (MsGongwenColumn  column,
                         const char      *language)
{
  switch (column)
    {
    case MS_GONGWEN_COLUMN_NUMBER:
      return T (N_("No."));
    case MS_GONGWEN_COLUMN_GROUP:
      return T (N_("Project"));
    case MS_GONGWEN_COLUMN_TARGET:
      /* translators: column of the 公文 table: the pledge as written (目标任务) */
      return T (N_("Target and tasks"));
    case MS_GONGWEN_COLUMN_DEPARTMENTS:
      return T (N_("Departments"));
    case MS_GONGWEN_COLUMN_COMPLETION:
      return T (N_("Completion report"));
    case MS_GONGWEN_COLUMN_PROGRESS:
    case MS_GONGWEN_N_COLUMNS:
    default:
      /* translators: column of the 公文 table: status, schedule state and lowest rate (进度) */
      return T (N_("Progress"));
    }
}

/* The label at the top left of an attachment's first page. */
const char *
_ms_gongwen_get_label (const char *language)
{
  /* translators: the label at the top left of the attachment to an official
   * document (附件) */
  return T (N_("Attachment"));
}

/**
 * _ms_gongwen_dup_title:
 *
 * Returns: (transfer full): the attachment's title, such as
 *   "漯河市2024年民生实事项目完成情况表"
 */
char *
_ms_gongwen_dup_title (MsDocument *document,
                       const char *language)
{
  const char *region = ms_document_get_region (document);
  int year = ms_document_get_year (document);

  if (region[0] == '\0')
    /* translators: title of the 公文 table of a file without a region; %d is
     * the year, such as "2024年民生实事项目完成情况表" */
    return g_strdup_printf (T (N_("Livelihood projects of %d: completion table")), year);

  /* translators: title of the 公文 table; %1$s is the region, %2$d the year,
   * such as "漯河市2024年民生实事项目完成情况表" */
  return g_strdup_printf (T (N_("Livelihood projects of %1$s in %2$d: completion table")), region, year);
}

/**
 * _ms_gongwen_dup_signature:
 * @issuer_line: (out) (transfer full) (nullable): the issuing office, or %NULL
 * @date_line: (out) (transfer full) (nullable): the date of issue, or %NULL
 *
 * The 落款 under the table: in Chinese the office as the file names it and
 * the date written "2025年1月10日"; in English "Issued by …" and "10 January
 * 2025".
 *
 * Returns: whether the file has either
 */
gboolean
_ms_gongwen_dup_signature (MsDocument  *document,
                           const char  *language,
                           char       **issuer_line,
                           char       **date_line)
{
  const char *issuer = ms_document_get_issuer (document);
  MsDate issued = ms_document_get_issued (document);

  *issuer_line = NULL;
  *date_line = NULL;
  if (issuer[0] != '\0' && ms_l10n_is_chinese (language))
    *issuer_line = g_strdup (issuer);
  else if (issuer[0] != '\0')
    /* translators: the office that issues the 公文 table, under it, in an
     * English report; a Chinese report prints the office's name alone */
    *issuer_line = g_strdup_printf (T (N_("Issued by %s")), issuer);

  if (issued != MS_DATE_NONE)
    {
      g_autoptr(GDateTime) date = NULL;
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, issued);
      date = g_date_time_new_utc (g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day), 0, 0, 0);
      *date_line = ms_l10n_format_date (language, date);
    }

  return *issuer_line != NULL || *date_line != NULL;
}

/* The status the file gives, where the figures stand if that says more, and
 * the lowest rate of the project's indicators: what the standard table
 * shows in its last two columns. */
static char *
dup_progress_text (MsProject               *project,
                   const MsScheduleContext *context,
                   const char              *language)
{
  GListModel *indicators = ms_project_get_indicators (project);
  MsSchedule schedule = ms_project_get_schedule (project, context, NULL);
  MsStatus project_status = ms_project_get_status (project);
  const char *status = T (ms_status_get_label_untranslated (project_status));
  const char *state = ms_schedule_get_label_in_language (schedule, language);
  GString *text = g_string_new (status);
  gboolean any = FALSE;
  double lowest = G_MAXDOUBLE;

  /* "Completed" and "Done" say the same (已完成 both in Chinese). */
  if (!(project_status == MS_STATUS_COMPLETED && schedule == MS_SCHEDULE_DONE) && g_strcmp0 (state, status) != 0)
    g_string_append_printf (text, "\n%s", state);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      double rate;

      if (ms_indicator_get_rate_at (ms_project_get_indicator (project, i), context->as_of, &rate))
        {
          lowest = MIN (lowest, rate);
          any = TRUE;
        }
    }
  if (any)
    {
      g_autofree char *percent = ms_l10n_format_percent (language, lowest);

      g_string_append_printf (text, "\n%s", percent);
    }

  return g_string_free (text, FALSE);
}

/**
 * _ms_gongwen_dup_cell_text:
 * @row: a project row
 *
 * Returns: (transfer full): the text of a cell, whole
 */
char *
_ms_gongwen_dup_cell_text (const MsGongwenRow      *row,
                           MsGongwenColumn          column,
                           const MsScheduleContext *context,
                           const char              *language)
{
  const char * const *departments;

  g_return_val_if_fail (row->project != NULL, NULL);

  switch (column)
    {
    case MS_GONGWEN_COLUMN_NUMBER:
      return g_strdup_printf ("%u", ms_project_get_number (row->project));
    case MS_GONGWEN_COLUMN_GROUP:
      return g_strdup (ms_group_get_title (row->group));
    case MS_GONGWEN_COLUMN_TARGET:
      return g_strdup (ms_project_get_target (row->project));
    case MS_GONGWEN_COLUMN_DEPARTMENTS:
      departments = ms_project_get_departments (row->project);
      return departments != NULL ? g_strjoinv ("、", (char **)departments) : g_strdup ("");
    case MS_GONGWEN_COLUMN_COMPLETION:
      return g_strdup (ms_project_get_completion (row->project));
    case MS_GONGWEN_COLUMN_PROGRESS:
    case MS_GONGWEN_N_COLUMNS:
    default:
      return dup_progress_text (row->project, context, language);
    }
}

static PangoContext *
create_pango_context (cairo_t      *cr,
                      PangoFontMap *font_map)
{
  PangoContext *context = pango_font_map_create_context (font_map != NULL ? font_map
                                                                          : pango_cairo_font_map_get_default ());
  cairo_font_options_t *font_options = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same on the probe and on paper. */
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_update_context (cr, context);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  /* Chinese data in the Simplified Chinese faces whatever the language. */
  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/* A layout of the whole of @text, wrapped within @width (0: one line). */
static PangoLayout *
create_layout (PangoContext   *context,
               const char     *family,
               double          size,
               gboolean        bold,
               const char     *text,
               double          width,
               PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  pango_layout_set_alignment (layout, alignment);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

/* To the right end of the text: a wrapped, right-aligned layout's lines
 * end at its width, wherever its shortest line starts. */
static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double)(logical.x + logical.width) / PANGO_SCALE;
}

static double
column_x (guint column)
{
  double x = 0;

  for (guint c = 0; c < column; c++)
    x += column_share[c] * MS_GONGWEN_AREA_WIDTH;
  return x;
}

static double
column_width (guint column)
{
  return column_share[column] * MS_GONGWEN_AREA_WIDTH;
}

/* A cell's text, laid out; a heading row has one cell across the table. */
static PangoLayout *
create_cell_layout (MsGongwenTable *table,
                    PangoContext   *context,
                    guint           row_index,
                    guint           column)
{
  const MsGongwenRow *row = &g_array_index (table->rows, MsGongwenRow, row_index);
  g_autofree char *text = NULL;

  if (row->project == NULL)
    return create_layout (context, MS_CHART_FONT_FAMILY, TABLE_SIZE, TRUE, ms_category_get_title (row->category),
                          MS_GONGWEN_AREA_WIDTH - 2 * CELL_PADDING_X, PANGO_ALIGN_LEFT);

  text = _ms_gongwen_dup_cell_text (row, column, &table->context, table->language);
  return create_layout (context, MS_SERIF_FONT_FAMILY, TABLE_SIZE, FALSE, text,
                        column_width (column) - 2 * CELL_PADDING_X,
                        column == MS_GONGWEN_COLUMN_NUMBER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
}

/* Column heads in 黑体, a face of regular weight: Noto Sans CJK SC. */
static PangoLayout *
create_heading_layout (MsGongwenTable *table,
                       PangoContext   *context,
                       guint           column)
{
  return create_layout (context, MS_CHART_FONT_FAMILY, TABLE_SIZE, FALSE,
                        _ms_gongwen_get_heading (column, table->language),
                        column_width (column) - 2 * CELL_PADDING_X, PANGO_ALIGN_CENTER);
}

static guint
row_n_cells (const MsGongwenRow *row)
{
  return row->project != NULL ? MS_GONGWEN_N_COLUMNS : 1;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      double bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      bottom = (double)(logical.y + logical.height) / PANGO_SCALE;
      g_array_append_val (bottoms, bottom);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return bottoms;
}

/* The height of lines [first, first + n) of a cell. */
static double
lines_height (GArray *bottoms,
              guint   first,
              guint   n)
{
  double top, bottom;

  if (first >= bottoms->len || n == 0)
    return 0;
  if (n == ALL_LINES || first + n > bottoms->len)
    n = bottoms->len - first;

  top = first > 0 ? g_array_index (bottoms, double, first - 1) : 0;
  bottom = g_array_index (bottoms, double, first + n - 1);
  return bottom - top;
}

/* The height of the rest of a row from the given lines on. */
static double
rest_height (MsGongwenTable *table,
             guint           row_index,
             const guint    *first_line)
{
  const MsGongwenRow *row = &g_array_index (table->rows, MsGongwenRow, row_index);
  const RowLines *lines = &g_array_index (table->row_lines, RowLines, row_index);
  double height = 0;

  for (guint c = 0; c < row_n_cells (row); c++)
    height = MAX (height, lines_height (lines->line_bottoms[c], first_line[c], ALL_LINES));
  return height + 2 * CELL_PADDING_Y;
}

static double
page_table_top (MsGongwenTable *table,
                guint           page)
{
  return page == 0 ? table->table_top : 0;
}

/* The 落款's lines, laid out (NULL for a line the file does not have); an
 * office too long for a line wraps, leaving room for the date's shift. */
static void
create_signature_layouts (MsGongwenTable  *table,
                          PangoContext    *context,
                          PangoLayout    **issuer,
                          PangoLayout    **date)
{
  double widest = MS_GONGWEN_AREA_WIDTH - 2 * SIGNATURE_INDENT;

  *issuer = NULL;
  *date = NULL;
  if (table->issuer_line != NULL)
    {
      *issuer = create_layout (context, MS_SERIF_FONT_FAMILY, SIGNATURE_SIZE, FALSE, table->issuer_line, 0,
                               PANGO_ALIGN_RIGHT);
      if (layout_width (*issuer) > widest)
        {
          pango_layout_set_width (*issuer, (int)(widest * PANGO_SCALE));
          pango_layout_set_wrap (*issuer, PANGO_WRAP_WORD_CHAR);
        }
    }
  if (table->date_line != NULL)
    *date = create_layout (context, MS_SERIF_FONT_FAMILY, SIGNATURE_SIZE, FALSE, table->date_line, 0,
                           PANGO_ALIGN_LEFT);
}

/* Where the 落款's lines start, from the type area's left. GB/T 9704
 * §7.3.5.2: the office two characters in from the right, and the date
 * under it starting two characters right of the office's first; a date
 * longer than the office is two characters in from the right, and the
 * office moves left to keep the two characters. English lines simply end
 * two characters in. */
static void
place_signature (MsGongwenTable *table,
                 PangoLayout    *issuer,
                 PangoLayout    *date,
                 double         *issuer_x,
                 double         *date_x)
{
  double right = MS_GONGWEN_AREA_WIDTH - SIGNATURE_INDENT;
  double issuer_width = issuer != NULL ? layout_width (issuer) : 0;
  double date_width = date != NULL ? layout_width (date) : 0;

  *issuer_x = right - issuer_width;
  *date_x = right - date_width;
  if (issuer == NULL || date == NULL || !ms_l10n_is_chinese (table->language))
    return;

  if (date_width <= issuer_width)
    *date_x = *issuer_x + SIGNATURE_INDENT;
  else
    *issuer_x = *date_x - SIGNATURE_INDENT;
}

/* A blank line, then a line of the standard's pitch for each line of the
 * 落款. */
static double
signature_height (MsGongwenTable *table,
                  PangoContext   *context)
{
  g_autoptr(PangoLayout) issuer = NULL;
  g_autoptr(PangoLayout) date = NULL;
  guint n_lines = 1;

  create_signature_layouts (table, context, &issuer, &date);
  if (issuer == NULL && date == NULL)
    return 0;
  n_lines += issuer != NULL ? (guint)pango_layout_get_line_count (issuer) : 0;
  n_lines += date != NULL ? 1 : 0;
  return n_lines * LINE_PITCH;
}

static void
start_page (MsGongwenTable *table,
            double         *y)
{
  TablePage page = { table->slices->len, 0 };

  g_array_append_val (table->pages, page);
  *y = page_table_top (table, table->pages->len - 1) + table->header_height;
}

static void
add_slice (MsGongwenTable *table,
           const Slice    *slice,
           double         *y)
{
  g_array_append_val (table->slices, *slice);
  g_array_index (table->pages, TablePage, table->pages->len - 1).n_slices++;
  *y += slice->height;
}

static gboolean
page_is_empty (MsGongwenTable *table)
{
  return g_array_index (table->pages, TablePage, table->pages->len - 1).n_slices == 0;
}

/* Rows go whole onto a page when they fit; a row that does not fit the room
 * left is moved to the next page when that room is small, and split
 * otherwise (so no page is left half empty), a row taller than a page
 * always. A category heading never ends a page. */
static void
paginate (MsGongwenTable *table)
{
  double body = MS_GONGWEN_AREA_HEIGHT - table->header_height;
  double y;

  start_page (table, &y);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const MsGongwenRow *row = &g_array_index (table->rows, MsGongwenRow, i);
      Slice slice = { i, { 0 }, { 0 }, 0, FALSE };

      if (row->project == NULL)
        {
          guint none[MS_GONGWEN_N_COLUMNS] = { 0 };
          double needed;

          slice.height = rest_height (table, i, none);
          slice.n_lines[0] = ALL_LINES;
          needed = slice.height;
          if (i + 1 < table->rows->len)
            needed += MIN (rest_height (table, i + 1, none), body * SPLIT_ROOM_SHARE);
          if (y + needed > MS_GONGWEN_AREA_HEIGHT && !page_is_empty (table))
            start_page (table, &y);
          add_slice (table, &slice, &y);
          continue;
        }

      for (;;)
        {
          double rest = rest_height (table, i, slice.first_line);
          double room = MS_GONGWEN_AREA_HEIGHT - y;
          const RowLines *lines = &g_array_index (table->row_lines, RowLines, i);
          gboolean any = FALSE;

          if (rest <= room)
            {
              for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
                slice.n_lines[c] = ALL_LINES;
              slice.height = rest;
              add_slice (table, &slice, &y);
              break;
            }

          if (!page_is_empty (table) && rest <= body && room < body * SPLIT_ROOM_SHARE)
            {
              start_page (table, &y);
              continue;
            }

          /* Split: each cell takes the lines that fit the room. */
          slice.height = 0;
          for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
            {
              GArray *bottoms = lines->line_bottoms[c];
              guint n = 0;

              while (slice.first_line[c] + n < bottoms->len &&
                     lines_height (bottoms, slice.first_line[c], n + 1) + 2 * CELL_PADDING_Y <= room)
                n++;
              /* No line alone at the top of the next page. */
              if (n >= 2 && slice.first_line[c] + n + 1 == bottoms->len)
                n--;
              slice.n_lines[c] = n;
              any = any || n > 0;
              slice.height = MAX (slice.height, lines_height (bottoms, slice.first_line[c], n));
            }
          slice.height += 2 * CELL_PADDING_Y;

          if (!any && !page_is_empty (table))
            {
              start_page (table, &y);
              continue;
            }
          if (!any)
            {
              /* A line taller than a page: print it anyway. */
              for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
                slice.n_lines[c] = MIN (1, lines->line_bottoms[c]->len - slice.first_line[c]);
            }

          add_slice (table, &slice, &y);
          for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
            slice.first_line[c] += slice.n_lines[c];
          /* The group's title again at the top of the page the group runs
           * on to, unless it is itself cut there. */
          if (!row->first_in_group || slice.first_line[MS_GONGWEN_COLUMN_GROUP] >=
                                        lines->line_bottoms[MS_GONGWEN_COLUMN_GROUP]->len)
            slice.first_line[MS_GONGWEN_COLUMN_GROUP] = 0;
          slice.continued = TRUE;
          start_page (table, &y);
        }
    }
}

static gboolean
slice_is_heading (MsGongwenTable *table,
                  guint           slice_index)
{
  const Slice *slice = &g_array_index (table->slices, Slice, slice_index);

  return g_array_index (table->rows, MsGongwenRow, slice->row).project == NULL;
}

static double
page_bottom (MsGongwenTable *table,
             guint           page_index)
{
  const TablePage *page = &g_array_index (table->pages, TablePage, page_index);
  double y = page_table_top (table, page_index) + table->header_height;

  for (guint i = 0; i < page->n_slices; i++)
    y += g_array_index (table->slices, Slice, page->first_slice + i).height;
  return y;
}

/* The 落款 goes under the table when it fits on the last page. Else it is
 * not left alone on a page, as offices lay out 公文: the table's last row
 * moves along with it, and a category heading just above that row too. A
 * last page holding nothing else to move (one row as tall as a page) is the
 * one case where the 落款 starts a page of its own. */
static void
paginate_signature (MsGongwenTable *table,
                    double          height)
{
  TablePage *last = &g_array_index (table->pages, TablePage, table->pages->len - 1);
  guint n_moved = 1;
  double moved_height = 0;
  TablePage page;

  table->signature_page = table->pages->len - 1;
  table->signature_top = page_bottom (table, table->signature_page);
  if (table->signature_top + height <= MS_GONGWEN_AREA_HEIGHT)
    return;

  /* The last slice, and the headings above it; the page keeps the rest. A
   * slice that continues a row is the first of its page, so is never moved. */
  while (n_moved < last->n_slices && slice_is_heading (table, last->first_slice + last->n_slices - n_moved - 1))
    n_moved++;
  for (guint i = 0; i < n_moved && i < last->n_slices; i++)
    moved_height += g_array_index (table->slices, Slice, last->first_slice + last->n_slices - 1 - i).height;

  if (n_moved < last->n_slices && table->header_height + moved_height + height <= MS_GONGWEN_AREA_HEIGHT)
    {
      page.first_slice = last->first_slice + last->n_slices - n_moved;
      page.n_slices = n_moved;
      last->n_slices -= n_moved;
      table->signature_top = table->header_height + moved_height;
    }
  else
    {
      page.first_slice = table->slices->len;
      page.n_slices = 0;
      table->signature_top = 0;
    }
  g_array_append_val (table->pages, page);
  table->signature_page = table->pages->len - 1;
}

/**
 * _ms_gongwen_table_new:
 * @scope: (nullable): a category, or %NULL for the whole file
 * @font_map: (nullable): the fonts to measure text with, or %NULL for the
 *   default ones
 *
 * Returns: (transfer full): the table, paginated
 */
MsGongwenTable *
_ms_gongwen_table_new (MsDocument   *document,
                       MsNode       *scope,
                       const char   *language,
                       PangoFontMap *font_map)
{
  MsGongwenTable *table;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoContext *context;
  g_autofree char *title = NULL;
  double header = 0;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  table = g_new0 (MsGongwenTable, 1);
  table->document = g_object_ref (document);
  table->language = g_strdup (ms_l10n_normalize_language (language));
  ms_schedule_context_init (&table->context, document, MS_DATE_NONE);
  table->rows = _ms_gongwen_collect_rows (document, scope);
  table->row_lines = g_array_new (FALSE, TRUE, sizeof (RowLines));
  g_array_set_clear_func (table->row_lines, clear_row_lines);
  table->slices = g_array_new (FALSE, TRUE, sizeof (Slice));
  table->pages = g_array_new (FALSE, TRUE, sizeof (TablePage));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  context = create_pango_context (cr, font_map);

  for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = create_heading_layout (table, context, c);

      header = MAX (header, layout_height (layout));
    }
  table->header_height = header + 2 * CELL_PADDING_Y;

  /* The title on the third line of the first page, a blank line under it. */
  {
    g_autoptr(PangoLayout) layout = NULL;

    title = _ms_gongwen_dup_title (document, table->language);
    layout = create_layout (context, MS_SERIF_FONT_FAMILY, TITLE_SIZE, TRUE, title, MS_GONGWEN_AREA_WIDTH,
                            PANGO_ALIGN_CENTER);
    table->table_top = 2 * LINE_PITCH + layout_height (layout) + LINE_PITCH * 0.6;
  }

  for (guint i = 0; i < table->rows->len; i++)
    {
      const MsGongwenRow *row = &g_array_index (table->rows, MsGongwenRow, i);
      RowLines lines = { { NULL } };

      for (guint c = 0; c < row_n_cells (row); c++)
        {
          g_autoptr(PangoLayout) layout = create_cell_layout (table, context, i, c);

          lines.line_bottoms[c] = measure_lines (layout);
        }
      g_array_append_val (table->row_lines, lines);
    }

  paginate (table);
  if (_ms_gongwen_dup_signature (document, table->language, &table->issuer_line, &table->date_line))
    {
      g_autoptr(PangoLayout) issuer = NULL;
      g_autoptr(PangoLayout) date = NULL;
      double issuer_x, date_x;

      create_signature_layouts (table, context, &issuer, &date);
      place_signature (table, issuer, date, &issuer_x, &date_x);
      table->issuer_right_indent = issuer != NULL ? MS_GONGWEN_AREA_WIDTH - issuer_x - layout_width (issuer) : 0;
      table->date_right_indent = date != NULL ? MS_GONGWEN_AREA_WIDTH - date_x - layout_width (date) : 0;
      paginate_signature (table, signature_height (table, context));
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return table;
}

void
_ms_gongwen_table_free (MsGongwenTable *table)
{
  if (table == NULL)
    return;

  g_clear_object (&table->document);
  g_free (table->language);
  g_free (table->issuer_line);
  g_free (table->date_line);
  g_array_unref (table->rows);
  g_array_unref (table->row_lines);
  g_array_unref (table->slices);
  g_array_unref (table->pages);
  g_free (table);
}

guint
_ms_gongwen_table_get_n_pages (MsGongwenTable *table)
{
  g_return_val_if_fail (table != NULL, 0);

  return table->pages->len;
}

/* What a page's drawing did, for tests and accessibility. */
static void
note_text (MsChartInfo *info,
           PangoLayout *layout,
           double       x,
           double       y)
{
  PangoRectangle ink;

  info->n_texts++;
  info->n_unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
  pango_layout_get_pixel_extents (layout, &ink, NULL);
  if (ink.width > 0 && ink.height > 0)
    {
      info->text_x1 = MIN (info->text_x1, x + ink.x);
      info->text_y1 = MIN (info->text_y1, y + ink.y);
      info->text_x2 = MAX (info->text_x2, x + ink.x + ink.width);
      info->text_y2 = MAX (info->text_y2, y + ink.y + ink.height);
    }
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y,
             MsChartInfo *info)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  note_text (info, layout, x, y);
}

/* Draws lines [first, first + n) of @layout with the first one's top at @y. */
static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            guint        first,
            guint        n,
            double       x,
            double       y,
            MsChartInfo *info)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double top = 0;
  guint line = 0;

  if (n == 0)
    {
      pango_layout_iter_free (iter);
      return;
    }

  do
    {
      PangoRectangle ink, logical;
      double baseline;

      pango_layout_iter_get_line_extents (iter, &ink, &logical);
      if (line == first)
        top = (double)logical.y / PANGO_SCALE;
      if (line >= first && (n == ALL_LINES || line < first + n))
        {
          baseline = (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE - top;
          cairo_move_to (cr, x + (double)logical.x / PANGO_SCALE, y + baseline);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
          if (ink.width > 0 && ink.height > 0)
            {
              info->text_x1 = MIN (info->text_x1, x + (double)ink.x / PANGO_SCALE);
              info->text_y1 = MIN (info->text_y1, y + (double)ink.y / PANGO_SCALE - top);
              info->text_x2 = MAX (info->text_x2, x + (double)(ink.x + ink.width) / PANGO_SCALE);
              info->text_y2 = MAX (info->text_y2, y + (double)(ink.y + ink.height) / PANGO_SCALE - top);
            }
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  info->n_texts++;
  info->n_unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
}

static void
stroke_line (cairo_t *cr,
             double   x1,
             double   y1,
             double   x2,
             double   y2)
{
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
}

static void
draw_header (MsGongwenTable *table,
             cairo_t        *cr,
             PangoContext   *context,
             double          y,
             MsChartInfo    *info)
{
  for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = create_heading_layout (table, context, c);
      /* Heads of one line sit in the middle of the header. */
      double top = y + (table->header_height - layout_height (layout)) / 2;

      show_layout (cr, layout, column_x (c) + CELL_PADDING_X, top, info);
    }

  stroke_line (cr, 0, y, MS_GONGWEN_AREA_WIDTH, y);
  stroke_line (cr, 0, y + table->header_height, MS_GONGWEN_AREA_WIDTH, y + table->header_height);
  for (guint c = 0; c <= MS_GONGWEN_N_COLUMNS; c++)
    stroke_line (cr, column_x (c), y, column_x (c), y + table->header_height);
}

/* The group's cell spans its projects: no rule across it between them. */
static gboolean
continues_group (MsGongwenTable *table,
                 const Slice    *slice,
                 const Slice    *next)
{
  const MsGongwenRow *row = &g_array_index (table->rows, MsGongwenRow, slice->row);
  const MsGongwenRow *next_row;

  if (next == NULL || next->row == slice->row)
    return FALSE;
  next_row = &g_array_index (table->rows, MsGongwenRow, next->row);
  return row->project != NULL && next_row->project != NULL && next_row->group == row->group &&
         !next_row->first_in_group;
}

static void
draw_slice (MsGongwenTable *table,
            cairo_t        *cr,
            PangoContext   *context,
            const Slice    *slice,
            const Slice    *next,
            gboolean        first_on_page,
            double          y,
            MsChartInfo    *info)
{
  const MsGongwenRow *row = &g_array_index (table->rows, MsGongwenRow, slice->row);
  double bottom = y + slice->height;

  if (row->project == NULL)
    {
      g_autoptr(PangoLayout) layout = create_cell_layout (table, context, slice->row, 0);

      show_layout (cr, layout, CELL_PADDING_X, y + CELL_PADDING_Y, info);
      stroke_line (cr, 0, y, 0, bottom);
      stroke_line (cr, MS_GONGWEN_AREA_WIDTH, y, MS_GONGWEN_AREA_WIDTH, bottom);
      stroke_line (cr, 0, bottom, MS_GONGWEN_AREA_WIDTH, bottom);
      return;
    }

  for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      guint n = slice->n_lines[c];

      /* A group's title starts its cell, and starts it again at the top of
       * a page the group runs on to. */
      if (c == MS_GONGWEN_COLUMN_GROUP && !row->first_in_group && !first_on_page)
        n = 0;
      if (n == 0)
        continue;

      layout = create_cell_layout (table, context, slice->row, c);
      show_lines (cr, layout, slice->first_line[c], n, column_x (c) + CELL_PADDING_X, y + CELL_PADDING_Y, info);
    }

  for (guint c = 0; c <= MS_GONGWEN_N_COLUMNS; c++)
    stroke_line (cr, column_x (c), y, column_x (c), bottom);
  if (continues_group (table, slice, next))
    {
      stroke_line (cr, 0, bottom, column_x (MS_GONGWEN_COLUMN_GROUP), bottom);
      stroke_line (cr, column_x (MS_GONGWEN_COLUMN_GROUP + 1), bottom, MS_GONGWEN_AREA_WIDTH, bottom);
    }
  else
    stroke_line (cr, 0, bottom, MS_GONGWEN_AREA_WIDTH, bottom);
}

/* "— N —" in 4号 half-width numerals: on odd pages at the right, on even
 * pages at the left, one character in from the type area's edge. */
static void
draw_page_number (cairo_t      *cr,
                  PangoContext *context,
                  guint         page,
                  MsChartInfo  *info)
{
  g_autofree char *text = g_strdup_printf ("— %u —", page + 1);
  g_autoptr(PangoLayout) layout = create_layout (context, MS_SERIF_FONT_FAMILY, PAGE_NUMBER_SIZE, FALSE, text, 0,
                                                 PANGO_ALIGN_LEFT);
  double baseline = (double)pango_layout_get_baseline (layout) / PANGO_SCALE;
  double x, y;
  int width;

  pango_layout_get_size (layout, &width, NULL);
  if ((page + 1) % 2 == 1)
    x = MS_GONGWEN_AREA_LEFT + MS_GONGWEN_AREA_WIDTH - PAGE_NUMBER_SIZE - (double)width / PANGO_SCALE;
  else
    x = MS_GONGWEN_AREA_LEFT + PAGE_NUMBER_SIZE;
  /* The dashes are drawn about 0.35 em above the baseline. */
  y = MS_GONGWEN_AREA_TOP + MS_GONGWEN_AREA_HEIGHT + PAGE_NUMBER_GAP + 0.35 * PAGE_NUMBER_SIZE - baseline;

  show_layout (cr, layout, x, y, info);
}

/* Each line of the 落款 in the middle of its line of the standard's pitch. */
static void
draw_signature (MsGongwenTable *table,
                cairo_t        *cr,
                PangoContext   *context,
                MsChartInfo    *info)
{
  g_autoptr(PangoLayout) issuer = NULL;
  g_autoptr(PangoLayout) date = NULL;
  double issuer_x, date_x;
  double y = table->signature_top + LINE_PITCH;

  create_signature_layouts (table, context, &issuer, &date);
  place_signature (table, issuer, date, &issuer_x, &date_x);
  if (issuer != NULL)
    {
      guint n_lines = (guint)pango_layout_get_line_count (issuer);
      g_autoptr(GArray) bottoms = measure_lines (issuer);

      for (guint i = 0; i < n_lines; i++, y += LINE_PITCH)
        show_lines (cr, issuer, i, 1, issuer_x, y + (LINE_PITCH - lines_height (bottoms, i, 1)) / 2, info);
    }
  if (date != NULL)
    show_layout (cr, date, date_x, y + (LINE_PITCH - layout_height (date)) / 2, info);
}

static void
init_info (MsChartInfo *info)
{
  memset (info, 0, sizeof *info);
  info->text_x1 = info->text_y1 = G_MAXDOUBLE;
  info->text_x2 = info->text_y2 = -G_MAXDOUBLE;
  info->reference_x = info->zero_x = -1;
}

/**
 * _ms_gongwen_table_draw_page:
 * @cr: a context whose user space is the A4 page, in points, origin top left
 * @font_map: (nullable): the fonts to draw with, such as those a PDF
 *   embeds; the default ones when %NULL
 * @info: (out) (optional): what was drawn, in page coordinates
 */
void
_ms_gongwen_table_draw_page (MsGongwenTable *table,
                             guint           page_index,
                             cairo_t        *cr,
                             PangoFontMap   *font_map,
                             MsChartInfo    *info)
{
  const TablePage *page;
  PangoContext *context;
  MsChartInfo page_info;
  MsChartInfo area_info;
  double y;

  g_return_if_fail (table != NULL);
  g_return_if_fail (page_index < table->pages->len);

  page = &g_array_index (table->pages, TablePage, page_index);
  context = create_pango_context (cr, font_map);
  init_info (&page_info);
  init_info (&area_info);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);

  draw_page_number (cr, context, page_index, &page_info);

  /* The rest in the type area's coordinates. */
  cairo_translate (cr, MS_GONGWEN_AREA_LEFT, MS_GONGWEN_AREA_TOP);
  if (page_index == 0)
    {
      g_autofree char *title = _ms_gongwen_dup_title (table->document, table->language);
      g_autoptr(PangoLayout) label = create_layout (context, MS_CHART_FONT_FAMILY, LABEL_SIZE, TRUE,
                                                    _ms_gongwen_get_label (table->language), 0, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) heading = create_layout (context, MS_SERIF_FONT_FAMILY, TITLE_SIZE, TRUE, title,
                                                      MS_GONGWEN_AREA_WIDTH, PANGO_ALIGN_CENTER);

      show_layout (cr, label, 0, 0, &area_info);
      show_layout (cr, heading, 0, 2 * LINE_PITCH, &area_info);
    }

  y = page_table_top (table, page_index);
  /* A page of the 落款 alone has no table on it. */
  if (page->n_slices > 0 || page_index == 0)
    draw_header (table, cr, context, y, &area_info);
  y += table->header_height;
  for (guint i = 0; i < page->n_slices; i++)
    {
      const Slice *slice = &g_array_index (table->slices, Slice, page->first_slice + i);
      const Slice *next = i + 1 < page->n_slices ? slice + 1 : NULL;

      draw_slice (table, cr, context, slice, next, i == 0, y, &area_info);
      y += slice->height;
    }
  if ((table->issuer_line != NULL || table->date_line != NULL) && page_index == table->signature_page)
    draw_signature (table, cr, context, &area_info);
  cairo_restore (cr);
  g_object_unref (context);

  if (info == NULL)
    return;

  *info = page_info;
  info->n_texts += area_info.n_texts;
  info->n_unknown_glyphs += area_info.n_unknown_glyphs;
  if (area_info.text_x2 >= area_info.text_x1)
    {
      info->text_x1 = MIN (info->text_x1, area_info.text_x1 + MS_GONGWEN_AREA_LEFT);
      info->text_y1 = MIN (info->text_y1, area_info.text_y1 + MS_GONGWEN_AREA_TOP);
      info->text_x2 = MAX (info->text_x2, area_info.text_x2 + MS_GONGWEN_AREA_LEFT);
      info->text_y2 = MAX (info->text_y2, area_info.text_y2 + MS_GONGWEN_AREA_TOP);
    }
}

/* For the Word document: the same rows and texts. */
MsDocument *
_ms_gongwen_table_get_document (MsGongwenTable *table)
{
  return table->document;
}

const char *
_ms_gongwen_table_get_language (MsGongwenTable *table)
{
  return table->language;
}

const MsScheduleContext *
_ms_gongwen_table_get_context (MsGongwenTable *table)
{
  return &table->context;
}

GArray *
_ms_gongwen_table_get_rows (MsGongwenTable *table)
{
  return table->rows;
}

/**
 * _ms_gongwen_table_get_signature:
 * @issuer_line: (out) (transfer none) (nullable): the office's line, or %NULL
 * @date_line: (out) (transfer none) (nullable): the date's line, or %NULL
 * @issuer_right_indent: (out): how far the office's line ends from the right
 *   of the type area, in points, as the PDF places it
 * @date_right_indent: (out): the same for the date
 *
 * Returns: whether the table has a 落款
 */
gboolean
_ms_gongwen_table_get_signature (MsGongwenTable  *table,
                                 const char     **issuer_line,
                                 const char     **date_line,
                                 double          *issuer_right_indent,
                                 double          *date_right_indent)
{
  *issuer_line = table->issuer_line;
  *date_line = table->date_line;
  *issuer_right_indent = table->issuer_right_indent;
  *date_right_indent = table->date_right_indent;
  return table->issuer_line != NULL || table->date_line != NULL;
}
