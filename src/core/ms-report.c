/* ms-report.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <errno.h>
#include <string.h>

#include "ms-chart-private.h"
#include "ms-check.h"
#include "ms-departments.h"
#include "ms-json.h"
#include "ms-l10n.h"
#include "ms-font-embed.h"
#include "ms-pdf-tags-private.h"
#include "ms-report.h"
#include "ms-report-gongwen.h"
#include "ms-safe-write.h"
#include "ms-schedule.h"

/* The meeting report: pages laid out in points, paginated here from
 * measured text, drawn by the same chart code as the window. */

#define MARGIN         40.0
#define HEADER         24.0
#define FOOTER         24.0
#define CHART_FONT      9.0
#define TABLE_FONT      8.0
#define ATTENTION_FONT  8.5
#define CELL_PADDING    4.0
#define CARD_FONT       8.5
#define CARD_COLUMNS    2
#define CARD_GAP       20.0

#define T(text) ms_l10n_translate (report->language, text)

typedef enum
{
  PAGE_COVER,
  /* The file's introduction where it does not fit the cover */
  PAGE_INTRO,
  PAGE_ATTENTION,
  PAGE_SUMMARY,
  PAGE_OVERVIEW,
  PAGE_RATES,
  PAGE_PROJECTS,
  PAGE_DEPARTMENTS,
  /* Charts one under the other, as many as fit */
  PAGE_CHARTS,
  PAGE_TABLE,
  PAGE_PROJECT,
  /* A page of the 公文 style's 附件 table (ms-report-gongwen.c). */
  PAGE_GONGWEN,
} PageKind;

typedef struct
{
  PageKind  kind;
  gboolean  landscape;
  MsNode   *node;
  guint     first;
  guint     count;
} Page;

typedef struct
{
  /* A category heading when project is NULL. */
  MsCategory *category;
  MsProject  *project;
  double      height;
} TableRow;

/* The parts of a project's card, each drawn in full: a text part may be
 * cut between lines when the card continues in the next column. */
typedef enum
{
  CARD_HEADING,
  CARD_DEPARTMENTS,
  CARD_STATE,
  CARD_INDICATOR,
  CARD_NO_TARGET,
  CARD_COMPLETION,
  /* "12. (continued)" at the top of a column */
  CARD_CONTINUED,
} CardPart;

typedef struct
{
  MsProject *project;
  CardPart   part;
  /* The indicator of CARD_INDICATOR */
  guint      index;
  /* The lines of a text part drawn here */
  int        first_line;
  int        n_lines;
  guint      column;
  double     y;
  double     height;
} CardPiece;

/* A chart, or some of its rows, on a page of charts. */
typedef struct
{
  MsChartKind  kind;
  MsNode      *node;
  guint        first_row;
  guint        n_rows;
  double       y;
  double       height;
} ChartBlock;

#define CHART_GAP 28.0

/* A row of the 汇总表: a category, one of its groups, or the whole file. */
typedef enum
{
  SUMMARY_CATEGORY,
  SUMMARY_GROUP,
  SUMMARY_TOTAL,
} SummaryLevel;

typedef struct
{
  MsNode           *node;
  SummaryLevel      level;
  double            height;
  MsStats           stats;
  MsScheduleCounts  counts;
} SummaryRow;

typedef enum
{
  ATTENTION_TITLE,
  ATTENTION_LAGGING_HEADING,
  ATTENTION_FINDINGS_HEADING,
  ATTENTION_DEPARTMENTS_HEADING,
  /* The one line of an empty list. */
  ATTENTION_NONE,
  ATTENTION_LAGGING,
  ATTENTION_FINDING,
  ATTENTION_DEPARTMENT,
} AttentionKind;

typedef struct
{
  AttentionKind kind;
  /* Into lagging or findings, or which empty list */
  guint         index;
  double        height;
} AttentionRow;

struct _MsReport
{
  MsDocument    *document;
  MsReportScope  scope;
  MsNode        *scope_node;
  MsChartKind    chart;
  MsReportStyle  style;
  char       *language;
  MsPaper     paper;
  GDateTime  *printed;
  GArray     *pages;
  GArray     *table_rows;
  GPtrArray  *projects;
  /* Every figure is read with this, as the summary reads it. */
  MsScheduleContext context;
  GArray     *lagging;
  GPtrArray  *findings;
  /* The departments with a lagging project, most lagging first */
  MsDepartments *departments;
  GPtrArray  *lagging_departments;
  GArray     *attention_rows;
  GArray     *summary_rows;
  GArray     *card_pieces;
  /* Lines of the introduction the cover holds; the rest go on intro pages. */
  int         intro_lines_on_cover;
  GArray     *chart_blocks;
  /* The most lines an attention cell holds: what fits a page. */
  int         attention_max_lines;
  /* The most lines a table cell holds: what fits a page. */
  int         table_max_lines;
  /* (nullable): the faces a PDF being written draws its text with */
  MsEmbedFonts *fonts;
  /* (nullable): the 附件 table of the 公文 style */
  MsGongwenTable *gongwen;
  /* While ms_report_write_pdf() draws: the pages carry structure tags. */
  gboolean    tagged;
  /* (nullable): the alternative text of each Figure tagged, in order,
   * and the chart of the last */
  GPtrArray  *figure_alts;
  MsChartKind figure_kind;
  MsNode     *figure_node;
};

/* Relative widths of the table's columns. */
static const double column_share[] = { 0.05, 0.20, 0.12, 0.18, 0.24, 0.08, 0.13 };
/* The column starting with the status swatch. */
#define STATUS_COLUMN 6
#define N_COLUMNS G_N_ELEMENTS (column_share)

/* The lagging projects: number, project, state, deciding indicator, rate
 * and 序时进度, deadline, departments. */
static const double lagging_share[] = { 0.05, 0.20, 0.13, 0.22, 0.13, 0.12, 0.15 };
#define N_LAGGING_COLUMNS G_N_ELEMENTS (lagging_share)

/* The departments by lag: rank, name, projects, overdue, at risk, behind,
 * not reported, mean gap to 序时进度. */
static const double department_share[] = { 0.06, 0.30, 0.09, 0.09, 0.09, 0.09, 0.10, 0.18 };
#define N_DEPARTMENT_COLUMNS G_N_ELEMENTS (department_share)
static const MsSchedule department_schedules[] = {
  MS_SCHEDULE_OVERDUE, MS_SCHEDULE_AT_RISK, MS_SCHEDULE_BEHIND, MS_SCHEDULE_NOT_REPORTED,
};

/* The 汇总表: name, projects, marked completed, the six states, every
 * target met, targets met of all, share of targets met. */
static const double summary_share[] = {
  0.22, 0.065, 0.08, 0.06, 0.065, 0.065, 0.065, 0.07, 0.075, 0.075, 0.075, 0.085,
};
#define N_SUMMARY_COLUMNS G_N_ELEMENTS (summary_share)
static const MsSchedule summary_schedules[] = {
  MS_SCHEDULE_DONE, MS_SCHEDULE_ON_TRACK, MS_SCHEDULE_BEHIND, MS_SCHEDULE_AT_RISK, MS_SCHEDULE_OVERDUE,
  MS_SCHEDULE_NOT_REPORTED,
};
#define SUMMARY_FONT 8.5

/* The findings of the check: severity, project, message. */
static const double finding_share[] = { 0.10, 0.30, 0.60 };
#define N_FINDING_COLUMNS G_N_ELEMENTS (finding_share)

gboolean
ms_paper_from_string (const char *text,
                      MsPaper    *paper)
{
  static const char * const names[] = { "a4", "a3", "letter" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_ascii_strcasecmp (text ? text : "", names[i]) == 0)
        {
          *paper = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Portrait size in points. */
void
ms_paper_get_size (MsPaper  paper,
                   double  *width,
                   double  *height)
{
  switch (paper)
    {
    case MS_PAPER_A3:
      *width = 841.89;
      *height = 1190.55;
      break;
    case MS_PAPER_LETTER:
      *width = 612;
      *height = 792;
      break;
    case MS_PAPER_A4:
    default:
      *width = 595.28;
      *height = 841.89;
      break;
    }
}

static void
page_size (MsReport   *report,
           const Page *page,
           double     *width,
           double     *height)
{
  double w, h;

  /* The 公文 style is A4 portrait whatever the paper (GB/T 9704). */
  if (page->kind == PAGE_GONGWEN)
    {
      *width = MS_GONGWEN_PAGE_WIDTH;
      *height = MS_GONGWEN_PAGE_HEIGHT;
      return;
    }

  ms_paper_get_size (report->paper, &w, &h);
  *width = page->landscape ? h : w;
  *height = page->landscape ? w : h;
}

static void
content_size (MsReport   *report,
              const Page *page,
              double     *width,
              double     *height)
{
  page_size (report, page, width, height);
  *width -= 2 * MARGIN;
  *height -= 2 * MARGIN + HEADER + FOOTER;
}

static void
chart_options (MsReport       *report,
               MsChartOptions *options,
               double          font_size)
{
  ms_chart_options_init (options, report->language);
  options->font_size = font_size;
  options->fill_background = FALSE;
  options->font_map = report->fonts != NULL ? ms_embed_fonts_get_font_map (report->fonts) : NULL;
}

/* The structure of a tagged PDF: what a screen reader reads and a reader
 * reflows. Only ms_report_write_pdf() tags, drawing every page in order:
 * a table goes on over pages as one Table (cairo keeps an element open
 * across cairo_show_page()), which a print of some pages would leave
 * unbalanced. An element holding content itself (a cell, a paragraph,
 * a figure) ends on its page, or it would take in the next page's running
 * head. What is drawn outside those (running heads and feet, rules, a
 * table's head repeated on a later page) is left out of the structure.
 * On other surfaces cairo ignores tags. */
static void
tag_begin (MsReport   *report,
           cairo_t    *cr,
           const char *tag)
{
  if (report->tagged)
    cairo_tag_begin (cr, tag, NULL);
}

static void
tag_end (MsReport   *report,
         cairo_t    *cr,
         const char *tag)
{
  if (report->tagged)
    cairo_tag_end (cr, tag);
}

/* A chart: a Figure, its alternative text the chart's description as the
 * window gives it, which ms_report_write_pdf() adds to the file (cairo
 * 1.16 writes none). A chart over pages is a Figure on each, described
 * once: a description reads all the chart's rows. */
static void
tag_figure_begin (MsReport    *report,
                  cairo_t     *cr,
                  MsChartKind  kind,
                  MsNode      *node)
{
  const char *last;

  if (!report->tagged)
    return;

  last = report->figure_alts->len > 0 ? g_ptr_array_index (report->figure_alts, report->figure_alts->len - 1) : NULL;
  if (last == NULL || kind != report->figure_kind || node != report->figure_node)
    g_ptr_array_add (report->figure_alts, ms_chart_describe (kind, node, report->language));
  else
    g_ptr_array_add (report->figure_alts, g_strdup (last));
  report->figure_kind = kind;
  report->figure_node = node;
  cairo_tag_begin (cr, "Figure", NULL);
}

static void
add_page (MsReport *report,
          PageKind  kind,
          gboolean  landscape,
          MsNode   *node,
          guint     first,
          guint     count)
{
  Page page = { kind, landscape, node, first, count };

  g_array_append_val (report->pages, page);
}

/* Pages of rows for a long chart: each page repeats the chart's title and axis. */
static void
add_chart_pages (MsReport    *report,
                 PageKind     kind,
                 MsChartKind  chart,
                 MsNode      *node)
{
  Page probe = { kind, TRUE, node, 0, 0 };
  MsChartOptions options;
  double width, height;
  guint rows = ms_chart_count_rows (chart, node);
  guint per_page;

  chart_options (report, &options, CHART_FONT);
  content_size (report, &probe, &width, &height);
  per_page = (guint)MAX (1, floor ((height - (ms_chart_get_natural_height (chart, node, &options) -
                                              rows * ms_chart_get_row_height (chart, &options))) /
                                   ms_chart_get_row_height (chart, &options)));

  /* Spread the rows evenly rather than leave a last page of one row. */
  if (rows > per_page)
    {
      guint n_pages = (rows + per_page - 1) / per_page;

      per_page = (rows + n_pages - 1) / n_pages;
    }

  for (guint first = 0; first < rows; first += per_page)
    add_page (report, kind, TRUE, node, first, MIN (per_page, rows - first));
}

static char *
table_cell_text (MsReport  *report,
                 MsProject *project,
                 guint      column)
{
  switch (column)
    {
    case 0:
      return g_strdup_printf ("%u", ms_project_get_number (project));
    case 1:
      return g_strdup (ms_project_get_target (project));
    case 2:
      return g_strjoinv ("、", (char **)ms_project_get_departments (project));
    case 3:
      {
        GListModel *indicators = ms_project_get_indicators (project);
        GString *text = g_string_new (NULL);

        for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
          {
            MsIndicator *indicator = ms_project_get_indicator (project, i);
            g_autofree char *summary = ms_chart_format_indicator (indicator, report->language);

            if (text->len > 0)
              g_string_append_c (text, '\n');
            g_string_append_printf (text, "%s %s", ms_indicator_get_name (indicator), summary);
          }
        if (text->len == 0)
          g_string_append (text, T (N_("no quantitative target")));
        return g_string_free (text, FALSE);
      }
    case 4:
      return g_strdup (ms_project_get_completion (project));
    case 5:
      {
        GListModel *indicators = ms_project_get_indicators (project);
        gboolean any = FALSE;
        double lowest = G_MAXDOUBLE;

        /* The weakest figure on the reporting date stands for the project. */
        for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
          {
            double rate;

            if (ms_indicator_get_rate_at (ms_project_get_indicator (project, i), report->context.as_of, &rate))
              {
                lowest = MIN (lowest, rate);
                any = TRUE;
              }
          }
        return any ? ms_l10n_format_percent (report->language, lowest) : g_strdup ("—");
      }
    case STATUS_COLUMN:
    default:
      {
        MsSchedule schedule = ms_project_get_schedule (project, &report->context, NULL);

        /* The status the file gives, then where the figures stand. */
        return g_strdup_printf ("%s\n%s", T (ms_status_get_label_untranslated (ms_project_get_status (project))),
                                ms_schedule_get_label_in_language (schedule, report->language));
      }
    }
}

/* The file's texts are printed whole: the meeting reads the pledge and the
 * result as published. Only a text longer than a page is cut. */
static int
table_cell_lines (MsReport *report,
                  guint     column)
{
  return column == 0 ? 1 : column >= 5 ? 3 : report->table_max_lines;
}

static double
measure_table_row (MsReport  *report,
                   MsPainter *p,
                   double     width,
                   MsProject *project)
{
  double height = 0;

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autofree char *text = table_cell_text (report, project, c);
      /* The status column starts with its swatch. */
      double swatch = c == STATUS_COLUMN ? p->size * 0.9 + 3 : 0;
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 1.0, FALSE,
                                                          width * column_share[c] - 2 * CELL_PADDING - swatch,
                                                          table_cell_lines (report, c), PANGO_ALIGN_LEFT);

      height = MAX (height, _ms_layout_height (layout));
    }

  return height + 2 * CELL_PADDING;
}

/* Errors before warnings before notes; a stable sort keeps file order within. */
static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const MsFinding *x = *(const MsFinding * const *)a;
  const MsFinding *y = *(const MsFinding * const *)b;

  return (int)y->severity - (int)x->severity;
}

static const char *
get_category_title (MsProject *project)
{
  return ms_category_get_title (ms_group_get_category (ms_project_get_group (project)));
}

static char *
format_departments (MsReport  *report,
                    MsProject *project)
{
  const char * const *departments = ms_project_get_departments (project);

  if (departments == NULL || departments[0] == NULL)
    return g_strdup (T (N_("No responsible department")));

  return g_strjoinv ("、", (char **)departments);
}

/* The deciding indicator's figure on the reporting date against its target. */
static char *
format_deciding (MsReport      *report,
                 const MsLagging *item)
{
  MsIndicator *indicator = item->deciding;
  const char *unit;
  g_autofree char *target = NULL;
  g_autofree char *figure = NULL;
  double value;

  if (indicator == NULL)
    /* translators: in the list of lagging projects, when no indicator
     * decides the state; %s is the project's status, such as "Delayed" */
    return g_strdup_printf (T (N_("Status: %s")),
                            T (ms_status_get_label_untranslated (ms_project_get_status (item->project))));

  unit = ms_indicator_get_unit (indicator);
  target = ms_l10n_format_figure (report->language, ms_indicator_get_target (indicator), unit);
  if (ms_indicator_get_figure_at (indicator, report->context.as_of, &value))
    figure = ms_l10n_format_figure (report->language, value, unit);
  else
    figure = g_strdup (T (N_("no figure")));

  /* translators: an indicator's name, then its figure on the reporting
   * date and its target, such as "新建学校\n3所 (target 5所)" */
  return g_strdup_printf (T (N_("%s\n%s (target %s)")), ms_indicator_get_name (indicator), figure, target);
}

/* The rate on the reporting date against the 序时进度 for the deadline. */
static char *
format_rates (MsReport      *report,
              const MsLagging *item)
{
  MsIndicator *indicator = item->deciding;
  MsDate deadline = ms_schedule_context_get_deadline (&report->context, item->project);
  g_autofree char *rate_text = NULL;
  g_autofree char *expected_text = NULL;
  double rate, expected;

  if (indicator == NULL)
    return g_strdup ("—");

  if (ms_indicator_get_rate_at (indicator, report->context.as_of, &rate))
    rate_text = ms_l10n_format_percent (report->language, rate);
  else
    rate_text = g_strdup ("—");
  if (ms_indicator_get_expected_rate (indicator, &report->context, deadline, report->context.as_of, &expected))
    expected_text = ms_l10n_format_percent (report->language, expected);
  else
    expected_text = g_strdup ("—");

  /* translators: a completion rate, then the rate the schedule expects
   * (序时进度) on the same date, such as "40% / 75%" */
  return g_strdup_printf (T (N_("%s / %s")), rate_text, expected_text);
}

static char *
format_project (MsProject *project)
{
  g_autofree char *title = ms_project_dup_short_title (project);

  return g_strdup_printf ("%s\n%s", title, get_category_title (project));
}

static char *
lagging_cell_text (MsReport      *report,
                   const MsLagging *item,
                   guint          column)
{
  char date[MS_DATE_BUFSIZE];

  switch (column)
    {
    case 0:
      return g_strdup_printf ("%u", ms_project_get_number (item->project));
    case 1:
      return format_project (item->project);
    case 2:
      return g_strdup (ms_schedule_get_label_in_language (item->schedule, report->language));
    case 3:
      return format_deciding (report, item);
    case 4:
      return format_rates (report, item);
    case 5:
      return g_strdup (ms_date_format (date, sizeof date,
                                       ms_schedule_context_get_deadline (&report->context, item->project)));
    case 6:
    default:
      return format_departments (report, item->project);
    }
}

static char *
finding_cell_text (MsReport        *report,
                   const MsFinding *finding,
                   guint            column)
{
  switch (column)
    {
    case 0:
      return g_strdup (ms_severity_get_label_in_language (finding->severity, report->language));
    case 1:
      {
        g_autofree char *project = format_project (finding->project);

        return g_strdup_printf ("%u  %s", ms_project_get_number (finding->project), project);
      }
    case 2:
    default:
      return g_strdup (finding->message);
    }
}

static char *
department_cell_text (MsReport     *report,
                      MsDepartment *department,
                      guint         rank,
                      guint         column)
{
  double gap;

  if (column == 0)
    return g_strdup_printf ("%u", rank);
  if (column == 1)
    return g_strdup (ms_department_get_name (department));
  if (column == 2)
    return g_strdup_printf ("%u", ms_department_get_n_projects (department));
  if (column < 3 + G_N_ELEMENTS (department_schedules))
    {
      guint count = ms_department_get_n_with_schedule (department, department_schedules[column - 3]);

      /* A dash, not 0, so the counts that matter stand out. */
      return count > 0 ? g_strdup_printf ("%u", count) : g_strdup ("–");
    }
  if (ms_department_get_mean_gap (department, &gap))
    {
      int points = (int)lround (gap);

      /* The words of the departments page. */
      if (points >= 0)
        return g_strdup_printf (ms_l10n_ngettext (report->language, "gap %d point", "gap %d points",
                                                  (gulong)points), points);
      return g_strdup_printf (ms_l10n_ngettext (report->language, "%d point ahead", "%d points ahead",
                                                (gulong)-points), -points);
    }
  return g_strdup ("–");
}

static char *
attention_cell_text (MsReport           *report,
                     const AttentionRow *row,
                     guint               column)
{
  if (row->kind == ATTENTION_DEPARTMENT)
    return department_cell_text (report, g_ptr_array_index (report->lagging_departments, row->index),
                                 row->index + 1, column);
  if (row->kind == ATTENTION_LAGGING)
    return lagging_cell_text (report, &g_array_index (report->lagging, MsLagging, row->index), column);

  return finding_cell_text (report, g_ptr_array_index (report->findings, row->index), column);
}

static const double *
attention_shares (AttentionKind  kind,
                  guint         *n_columns)
{
  if (kind == ATTENTION_LAGGING)
    {
      *n_columns = N_LAGGING_COLUMNS;
      return lagging_share;
    }
  if (kind == ATTENTION_DEPARTMENT)
    {
      *n_columns = N_DEPARTMENT_COLUMNS;
      return department_share;
    }

  *n_columns = N_FINDING_COLUMNS;
  return finding_share;
}

static const char *
attention_text (MsReport           *report,
                const AttentionRow *row)
{
  switch (row->kind)
    {
    case ATTENTION_TITLE:
      return T (N_("Needs attention"));
    case ATTENTION_LAGGING_HEADING:
      return T (N_("Lagging projects, most urgent first"));
    case ATTENTION_FINDINGS_HEADING:
      return T (N_("Findings of the consistency check"));
    case ATTENTION_DEPARTMENTS_HEADING:
      return T (N_("Departments by lagging projects"));
    case ATTENTION_NONE:
      if (row->index == 0)
        return T (N_("No project is behind schedule"));
      if (row->index == 2)
        return T (N_("No department leads a lagging or unreported project"));
      return T (N_("The consistency check found nothing to look into"));
    case ATTENTION_LAGGING:
    case ATTENTION_FINDING:
    default:
      return NULL;
    }
}

/* The lagging table's column heads take two lines, the findings' one. */
static double
attention_header_height (MsPainter     *p,
                         AttentionKind  kind)
{
  return p->size * 1.3 * (kind == ATTENTION_FINDING ? 1 : 2) + 2 * CELL_PADDING + 1;
}

/* Draws one row at @y when @draw, else only measures it; returns its height. */
static double
draw_attention_row (MsReport           *report,
                    MsPainter          *p,
                    const AttentionRow *row,
                    double              y,
                    double              width,
                    gboolean            draw)
{
  const MsColor *color = &p->palette->foreground;
  const double *shares;
  guint n_columns;
  double height = 0;
  double x = 0;

  switch (row->kind)
    {
    case ATTENTION_TITLE:
      {
        g_autoptr(PangoLayout) title = _ms_painter_layout (p, attention_text (report, row), 1.35, TRUE, width, 1,
                                                           PANGO_ALIGN_LEFT);
        g_autoptr(PangoLayout) line = NULL;
        char date[MS_DATE_BUFSIZE];
        g_autofree char *text = NULL;

        /* translators: under "Needs attention" in the report; %s is a date */
        text = g_strdup_printf (T (N_("Read as of %s: the projects behind schedule, then what the "
                                      "consistency check found. These are the items to follow up.")),
                                ms_date_format (date, sizeof date, report->context.as_of));
        line = _ms_painter_layout (p, text, 1.0, FALSE, width, 3, PANGO_ALIGN_LEFT);
        if (draw)
          {
            tag_begin (report, p->cr, "H2");
            _ms_painter_show (p, title, 0, y, color);
            tag_end (report, p->cr, "H2");
            tag_begin (report, p->cr, "P");
            _ms_painter_show (p, line, 0, y + _ms_layout_height (title) + 4, &p->palette->muted);
            tag_end (report, p->cr, "P");
          }
        return _ms_layout_height (title) + 4 + _ms_layout_height (line) + p->size;
      }

    case ATTENTION_LAGGING_HEADING:
    case ATTENTION_FINDINGS_HEADING:
    case ATTENTION_DEPARTMENTS_HEADING:
      {
        guint n = row->kind == ATTENTION_LAGGING_HEADING ? report->lagging->len
                : row->kind == ATTENTION_DEPARTMENTS_HEADING ? report->lagging_departments->len
                : report->findings->len;
        /* translators: a heading and a count, such as "Lagging projects (10)" */
        g_autofree char *text = g_strdup_printf (T (N_("%s (%u)")), attention_text (report, row), n);
        g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 1.1, TRUE, width, 1, PANGO_ALIGN_LEFT);

        if (draw)
          {
            tag_begin (report, p->cr, "H3");
            _ms_painter_show (p, layout, 0, y + p->size * 0.8, color);
            tag_end (report, p->cr, "H3");
          }
        return _ms_layout_height (layout) + p->size * 1.4;
      }

    case ATTENTION_NONE:
      {
        g_autoptr(PangoLayout) layout = _ms_painter_layout (p, attention_text (report, row), 1.0, FALSE, width,
                                                            1, PANGO_ALIGN_LEFT);

        if (draw)
          {
            tag_begin (report, p->cr, "P");
            _ms_painter_show (p, layout, CELL_PADDING, y + CELL_PADDING, color);
            tag_end (report, p->cr, "P");
          }
        return _ms_layout_height (layout) + 2 * CELL_PADDING + p->size;
      }

    case ATTENTION_LAGGING:
    case ATTENTION_FINDING:
    case ATTENTION_DEPARTMENT:
    default:
      break;
    }

  shares = attention_shares (row->kind, &n_columns);
  if (draw)
    tag_begin (report, p->cr, "TR");
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *text = attention_cell_text (report, row, c);
      /* The state and the severity are words, in bold: never colour alone. */
      gboolean bold = c == 0 || (row->kind == ATTENTION_LAGGING && c == 2);
      /* Counts line up on the right. */
      PangoAlignment alignment = row->kind == ATTENTION_DEPARTMENT && c >= 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 1.0, bold, width * shares[c] - 2 * CELL_PADDING,
                                                          report->attention_max_lines, alignment);

      if (draw)
        {
          tag_begin (report, p->cr, "TD");
          _ms_painter_show (p, layout, x + CELL_PADDING, y + CELL_PADDING, color);
          tag_end (report, p->cr, "TD");
        }
      height = MAX (height, _ms_layout_height (layout));
      x += width * shares[c];
    }
  height += 2 * CELL_PADDING;

  if (draw)
    {
      cairo_save (p->cr);
      _ms_set_color (p->cr, &p->palette->grid);
      cairo_set_line_width (p->cr, 0.4);
      cairo_move_to (p->cr, 0, y + height);
      cairo_line_to (p->cr, width, y + height);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
      tag_end (report, p->cr, "TR");
    }

  return height;
}

static gboolean
attention_is_table_row (const AttentionRow *row)
{
  return row->kind == ATTENTION_LAGGING || row->kind == ATTENTION_FINDING || row->kind == ATTENTION_DEPARTMENT;
}

/* A table's rows get their column heads at the top of every page and under
 * their heading. */
static gboolean
attention_needs_header (MsReport *report,
                        guint     index,
                        guint     first_on_page)
{
  const AttentionRow *row = &g_array_index (report->attention_rows, AttentionRow, index);

  if (!attention_is_table_row (row))
    return FALSE;

  return index == first_on_page ||
         !attention_is_table_row (&g_array_index (report->attention_rows, AttentionRow, index - 1));
}

/* @tagged: whether this is the table's first head, the one its
 * structure holds */
static void
draw_attention_header (MsReport      *report,
                       MsPainter     *p,
                       AttentionKind  kind,
                       double         y,
                       double         width,
                       gboolean       tagged)
{
  static const char * const lagging_headings[N_LAGGING_COLUMNS] = {
    N_("No."), N_("Project"), N_("State"), N_("Deciding indicator"),
    /* translators: column of the lagging projects: the completion rate, then 序时进度;
     * a line break (\n) may be put where the heading is to wrap */
    N_("Rate / expected"), N_("Deadline"), N_("Departments"),
  };
  static const char * const finding_headings[N_FINDING_COLUMNS] = {
    N_("Severity"), N_("Project"), N_("What was found"),
  };
  static const char * const department_headings[N_DEPARTMENT_COLUMNS] = {
    /* translators: column of the departments by lag: 1 is the most lagging */
    N_("Rank"), N_("Department"),
    /* translators: column of the departments by lag: the projects it leads or shares */
    N_("Projects"), N_("Overdue"), N_("At risk"), N_("Behind"), N_("Not reported"),
    /* translators: column of the departments by lag: how far behind 序时进度
     * on average; a line break (\n) may be put where the heading is to wrap */
    N_("Mean gap"),
  };
  const char * const *headings = kind == ATTENTION_LAGGING ? lagging_headings
                               : kind == ATTENTION_DEPARTMENT ? department_headings
                               : finding_headings;
  guint n_columns;
  const double *shares = attention_shares (kind, &n_columns);
  double x = 0;

  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->track);
  cairo_rectangle (p->cr, 0, y, width, attention_header_height (p, kind));
  cairo_fill (p->cr);
  cairo_restore (p->cr);

  if (tagged)
    tag_begin (report, p->cr, "TR");
  for (guint c = 0; c < n_columns; c++)
    {
      if (tagged)
        tag_begin (report, p->cr, "TH");
      _ms_painter_text (p, T (headings[c]), x + CELL_PADDING, y + CELL_PADDING + 1,
                        width * shares[c] - 2 * CELL_PADDING, 2, 1.0, TRUE,
                        kind == ATTENTION_DEPARTMENT && c >= 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT,
                        &p->palette->foreground);
      if (tagged)
        tag_end (report, p->cr, "TH");
      x += width * shares[c];
    }
  if (tagged)
    tag_end (report, p->cr, "TR");
}

static void
add_attention_row (MsReport      *report,
                   AttentionKind  kind,
                   guint          index)
{
  AttentionRow row = { kind, index, 0 };

  g_array_append_val (report->attention_rows, row);
}

/* The departments with a project overdue, at risk, behind or not reported,
 * in the order of the departments chart (most lagging first). */
static GPtrArray *
collect_lagging_departments (MsDepartments *departments)
{
  GPtrArray *lagging = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (departments)); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (G_LIST_MODEL (departments), i);

      if (ms_department_get_n_lagging (department) > 0 ||
          ms_department_get_n_with_schedule (department, MS_SCHEDULE_NOT_REPORTED) > 0)
        g_ptr_array_add (lagging, g_steal_pointer (&department));
    }

  return lagging;
}

/* The lagging projects and the findings, measured and cut into pages like
 * the table of all projects. */
static void
add_attention_pages (MsReport  *report,
                     MsPainter *p,
                     MsNode    *scope)
{
  Page probe = { PAGE_ATTENTION, FALSE, NULL, 0, 0 };
  double width, height, used = 0;
  guint first_row = 0;

  report->lagging = ms_schedule_collect_lagging (scope, &report->context);
  report->findings = ms_check_scope_in_language (scope, &report->context, report->language);
  g_ptr_array_sort (report->findings, compare_findings);
  report->departments = ms_departments_new (scope);
  report->lagging_departments = collect_lagging_departments (report->departments);

  add_attention_row (report, ATTENTION_TITLE, 0);
  add_attention_row (report, ATTENTION_LAGGING_HEADING, 0);
  if (report->lagging->len == 0)
    add_attention_row (report, ATTENTION_NONE, 0);
  for (guint i = 0; i < report->lagging->len; i++)
    add_attention_row (report, ATTENTION_LAGGING, i);
  /* Who to call: the departments behind the lagging projects. */
  add_attention_row (report, ATTENTION_DEPARTMENTS_HEADING, 0);
  if (report->lagging_departments->len == 0)
    add_attention_row (report, ATTENTION_NONE, 2);
  for (guint i = 0; i < report->lagging_departments->len; i++)
    add_attention_row (report, ATTENTION_DEPARTMENT, i);
  add_attention_row (report, ATTENTION_FINDINGS_HEADING, 0);
  if (report->findings->len == 0)
    add_attention_row (report, ATTENTION_NONE, 1);
  for (guint i = 0; i < report->findings->len; i++)
    add_attention_row (report, ATTENTION_FINDING, i);

  content_size (report, &probe, &width, &height);
  {
    g_autoptr(PangoLayout) line = _ms_painter_layout (p, "国", 1.0, FALSE, width, 1, PANGO_ALIGN_LEFT);

    /* A cell says everything it has unless it would not fit a page. */
    report->attention_max_lines = MAX (3, (int)floor ((height - 2 * attention_header_height (p, ATTENTION_LAGGING) -
                                                       2 * CELL_PADDING) / _ms_layout_height (line)));
  }
  for (guint i = 0; i < report->attention_rows->len; i++)
    {
      AttentionRow *row = &g_array_index (report->attention_rows, AttentionRow, i);

      row->height = draw_attention_row (report, p, row, 0, width, FALSE);
    }

  for (guint i = 0; i < report->attention_rows->len; i++)
    {
      AttentionRow *row = &g_array_index (report->attention_rows, AttentionRow, i);
      double needed = row->height;

      if (attention_needs_header (report, i, first_row))
        needed += attention_header_height (p, row->kind);
      /* A heading never ends a page on its own. */
      if (!attention_is_table_row (row) && row->kind != ATTENTION_NONE && i + 1 < report->attention_rows->len)
        {
          const AttentionRow *next = &g_array_index (report->attention_rows, AttentionRow, i + 1);

          needed += next->height + attention_header_height (p, next->kind);
        }

      if (used + needed > height && i > first_row)
        {
          add_page (report, PAGE_ATTENTION, FALSE, scope, first_row, i - first_row);
          first_row = i;
          used = 0;
        }
      used += row->height;
      if (attention_needs_header (report, i, first_row))
        used += attention_header_height (p, row->kind);
    }
  add_page (report, PAGE_ATTENTION, FALSE, scope, first_row, report->attention_rows->len - first_row);
}

static void
draw_attention (MsReport   *report,
                MsPainter  *p,
                const Page *page,
                double      width)
{
  double y = 0;

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      const AttentionRow *row = &g_array_index (report->attention_rows, AttentionRow, i);
      gboolean in_table = attention_is_table_row (row);

      if (attention_needs_header (report, i, page->first))
        {
          /* A table starts under its heading; one going on from the page
           * before is the same Table, its head drawn again untagged. */
          gboolean starts = i == 0 ||
                            !attention_is_table_row (&g_array_index (report->attention_rows, AttentionRow, i - 1));

          if (starts)
            tag_begin (report, p->cr, "Table");
          draw_attention_header (report, p, row->kind, y, width, starts);
          y += attention_header_height (p, row->kind);
        }
      y += draw_attention_row (report, p, row, y, width, TRUE);
      if (in_table && (i + 1 == report->attention_rows->len ||
                       !attention_is_table_row (&g_array_index (report->attention_rows, AttentionRow, i + 1))))
        tag_end (report, p->cr, "Table");
    }
}

static char *
summary_cell_text (MsReport         *report,
                   const SummaryRow *row,
                   guint             column)
{
  const MsStats *stats = &row->stats;
  const MsScheduleCounts *counts = &row->counts;

  if (column == 0)
    {
      if (row->level == SUMMARY_TOTAL)
        return g_strdup (T (N_("All categories")));
      if (row->level == SUMMARY_CATEGORY)
        return g_strdup (ms_category_get_title (MS_CATEGORY (row->node)));
      return g_strdup (ms_group_get_title (MS_GROUP (row->node)));
    }

  if (column == 1)
    return g_strdup_printf ("%u", stats->n_projects);
  if (column == 2)
    return g_strdup_printf ("%u", stats->n_by_status[MS_STATUS_COMPLETED]);
  if (column < 3 + G_N_ELEMENTS (summary_schedules))
    return g_strdup_printf ("%u", counts->n_by_schedule[summary_schedules[column - 3]]);
  column -= 3 + G_N_ELEMENTS (summary_schedules);
  if (column == 0)
    return g_strdup_printf ("%u", stats->n_projects_all_met);
  if (column == 1)
    return g_strdup_printf (T (N_("%u / %u")), stats->n_indicators_met, stats->n_indicators);
  if (stats->n_indicators == 0)
    return g_strdup ("–");
  return ms_l10n_format_percent (report->language, (double)stats->n_indicators_met / stats->n_indicators);
}

static const char *
summary_heading (MsReport *report,
                 guint     column)
{
  static const char * const headings[] = {
    N_("Category and group"), N_("Projects"),
    /* translators: a column of the 汇总表: projects whose status is completed */
    N_("Marked completed"),
  };
  static const char * const tail[] = {
    /* translators: a column of the 汇总表: projects that met all their targets */
    N_("Every target met"),
    /* translators: a column of the 汇总表: indicators that met their target, of all */
    N_("Targets met"),
    /* translators: a column of the 汇总表: the share of indicators that met their target */
    N_("Share met"),
  };

  if (column < G_N_ELEMENTS (headings))
    return T (headings[column]);
  column -= G_N_ELEMENTS (headings);
  if (column < G_N_ELEMENTS (summary_schedules))
    return ms_schedule_get_label_in_language (summary_schedules[column], report->language);
  return T (tail[column - G_N_ELEMENTS (summary_schedules)]);
}

static double
summary_header_height (MsPainter *p)
{
  return p->size * 1.3 * 3 + 2 * CELL_PADDING;
}

/* The title over the table: what it is and the date it is read at. */
static double
draw_summary_title (MsReport  *report,
                    MsPainter *p,
                    double     width,
                    gboolean   draw)
{
  g_autoptr(PangoLayout) title = _ms_painter_layout (p, T (N_("Summary table")), 1.35, TRUE, width, 1,
                                                     PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) line = NULL;
  char date[MS_DATE_BUFSIZE];
  g_autofree char *text = NULL;

  /* translators: under "Summary table" in the report; %s is a date */
  text = g_strdup_printf (T (N_("Projects by category and group and by state, read as of %s; targets met "
                                "of all targets (indicators).")),
                          ms_date_format (date, sizeof date, report->context.as_of));
  line = _ms_painter_layout (p, text, 1.0, FALSE, width, 0, PANGO_ALIGN_LEFT);
  if (draw)
    {
      tag_begin (report, p->cr, "H2");
      _ms_painter_show (p, title, 0, 0, &p->palette->foreground);
      tag_end (report, p->cr, "H2");
      tag_begin (report, p->cr, "P");
      _ms_painter_show (p, line, 0, _ms_layout_height (title) + 4, &p->palette->muted);
      tag_end (report, p->cr, "P");
    }
  return _ms_layout_height (title) + 4 + _ms_layout_height (line) + p->size * 1.2;
}

/* @tagged: whether this is the table's first head, the one its
 * structure holds */
static void
draw_summary_header (MsReport  *report,
                     MsPainter *p,
                     double     y,
                     double     width,
                     gboolean   tagged)
{
  double x = 0;

  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->track);
  cairo_rectangle (p->cr, 0, y, width, summary_header_height (p));
  cairo_fill (p->cr);
  cairo_restore (p->cr);

  if (tagged)
    tag_begin (report, p->cr, "TR");
  for (guint c = 0; c < N_SUMMARY_COLUMNS; c++)
    {
      if (tagged)
        tag_begin (report, p->cr, "TH");
      /* Small heads: a word never breaks inside a narrow column. */
      _ms_painter_text (p, summary_heading (report, c), x + CELL_PADDING / 2, y + CELL_PADDING,
                        width * summary_share[c] - CELL_PADDING, 3, 0.8, TRUE,
                        c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, &p->palette->foreground);
      if (tagged)
        tag_end (report, p->cr, "TH");
      x += width * summary_share[c];
    }
  if (tagged)
    tag_end (report, p->cr, "TR");
}

/* Draws one row at @y when @draw, else only measures it; returns its height. */
static double
draw_summary_row (MsReport         *report,
                  MsPainter        *p,
                  const SummaryRow *row,
                  double            y,
                  double            width,
                  gboolean          draw)
{
  gboolean bold = row->level != SUMMARY_GROUP;
  double indent = row->level == SUMMARY_GROUP ? p->size * 1.2 : 0;
  double height = 0;
  double x = 0;

  if (draw)
    tag_begin (report, p->cr, "TR");
  /* The row's name first: it decides the row's height. */
  for (guint c = 0; c < N_SUMMARY_COLUMNS; c++)
    {
      g_autofree char *text = summary_cell_text (report, row, c);
      double cell = width * summary_share[c] - 2 * CELL_PADDING - (c == 0 ? indent : 0);
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 0.95, bold, cell, 0,
                                                          c == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);

      if (draw)
        {
          tag_begin (report, p->cr, "TD");
          if (c == 0 && row->level != SUMMARY_GROUP)
            {
              cairo_save (p->cr);
              _ms_set_color (p->cr, &p->palette->track);
              cairo_rectangle (p->cr, 0, y, width, row->height);
              cairo_fill (p->cr);
              cairo_restore (p->cr);
            }
          _ms_painter_show (p, layout, x + CELL_PADDING + (c == 0 ? indent : 0), y + CELL_PADDING,
                            &p->palette->foreground);
          tag_end (report, p->cr, "TD");
        }
      height = MAX (height, _ms_layout_height (layout));
      x += width * summary_share[c];
    }
  height += 2 * CELL_PADDING;

  if (draw)
    {
      cairo_save (p->cr);
      _ms_set_color (p->cr, &p->palette->grid);
      cairo_set_line_width (p->cr, row->level == SUMMARY_TOTAL ? 1.0 : 0.4);
      cairo_move_to (p->cr, 0, row->level == SUMMARY_TOTAL ? y : y + height);
      cairo_line_to (p->cr, width, row->level == SUMMARY_TOTAL ? y : y + height);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);
      tag_end (report, p->cr, "TR");
    }

  return height;
}

static void
add_summary_row (MsReport     *report,
                 MsNode       *node,
                 SummaryLevel  level)
{
  SummaryRow row = { node, level, 0 };

  /* Counted once, for measuring and drawing alike. */
  ms_stats_add_node (&row.stats, node);
  ms_schedule_count (node, &report->context, &row.counts);
  g_array_append_val (report->summary_rows, row);
}

/* The 汇总表: each category with its groups, then the whole file; on one
 * page when it fits, else its rows continue under the column heads. */
static void
add_summary_pages (MsReport  *report,
                   MsPainter *p)
{
  GListModel *categories = ms_document_get_categories (report->document);
  Page probe = { PAGE_SUMMARY, FALSE, NULL, 0, 0 };
  double width, height, used;
  guint first_row = 0;

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (report->document, c);
      GListModel *groups = ms_category_get_groups (category);

      add_summary_row (report, MS_NODE (category), SUMMARY_CATEGORY);
      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        add_summary_row (report, MS_NODE (ms_category_get_group (category, g)), SUMMARY_GROUP);
    }
  add_summary_row (report, MS_NODE (report->document), SUMMARY_TOTAL);

  content_size (report, &probe, &width, &height);
  used = draw_summary_title (report, p, width, FALSE) + summary_header_height (p);
  for (guint i = 0; i < report->summary_rows->len; i++)
    {
      SummaryRow *row = &g_array_index (report->summary_rows, SummaryRow, i);

      row->height = draw_summary_row (report, p, row, 0, width, FALSE);
      if (used + row->height > height && i > first_row)
        {
          add_page (report, PAGE_SUMMARY, FALSE, MS_NODE (report->document), first_row, i - first_row);
          first_row = i;
          used = summary_header_height (p);
        }
      used += row->height;
    }
  add_page (report, PAGE_SUMMARY, FALSE, MS_NODE (report->document), first_row,
            report->summary_rows->len - first_row);
}

static void
draw_summary (MsReport   *report,
              MsPainter  *p,
              const Page *page,
              double      width)
{
  double y = 0;

  /* One Table over all its pages, its head tagged once. */
  if (page->first == 0)
    {
      y += draw_summary_title (report, p, width, TRUE);
      tag_begin (report, p->cr, "Table");
    }
  draw_summary_header (report, p, y, width, page->first == 0);
  y += summary_header_height (p);
  for (guint i = page->first; i < page->first + page->count; i++)
    {
      const SummaryRow *row = &g_array_index (report->summary_rows, SummaryRow, i);

      draw_summary_row (report, p, row, y, width, TRUE);
      y += row->height;
    }
  if (page->first + page->count == report->summary_rows->len)
    tag_end (report, p->cr, "Table");
}

/* Where the next chart goes on the current page of charts. */
typedef struct
{
  double y;
  double height;
  guint  first_block;
} ChartFlow;

static void
chart_flow_page (MsReport  *report,
                 ChartFlow *flow)
{
  if (report->chart_blocks->len > flow->first_block)
    add_page (report, PAGE_CHARTS, TRUE, MS_NODE (report->document), flow->first_block,
              report->chart_blocks->len - flow->first_block);
  flow->first_block = report->chart_blocks->len;
  flow->y = 0;
}

/* Puts a chart under the one before when it fits, else on a new page; a
 * long chart fills the page and goes on on the next, its title and axis
 * repeated. No page is left half empty while a chart follows. */
static void
chart_flow_add (MsReport    *report,
                ChartFlow   *flow,
                MsChartKind  kind,
                MsNode      *node)
{
  MsChartOptions options;
  guint rows = kind == MS_CHART_OVERVIEW ? 0 : ms_chart_count_rows (kind, node);
  double row_height, whole, fixed;
  guint first = 0;

  chart_options (report, &options, CHART_FONT);
  row_height = ms_chart_get_row_height (kind, &options);
  whole = ms_chart_get_natural_height (kind, node, &options);
  fixed = whole - rows * row_height;

  if (rows == 0)
    {
      ChartBlock block = { kind, node, 0, 0, 0, whole };

      if (flow->y > 0 && flow->y + CHART_GAP + whole > flow->height)
        chart_flow_page (report, flow);
      block.y = flow->y > 0 ? flow->y + CHART_GAP : 0;
      block.height = MIN (whole, flow->height - block.y);
      g_array_append_val (report->chart_blocks, block);
      flow->y = block.y + block.height;
      return;
    }

  while (first < rows)
    {
      double top = flow->y > 0 ? flow->y + CHART_GAP : 0;
      double room = floor ((flow->height - top - fixed) / row_height);
      guint left = rows - first;
      guint fitting = room > 0 ? (guint)room : 0;
      ChartBlock block = { kind, node, first, 0, top, 0 };

      /* A chart starts on a page with at least a few of its rows. */
      if (flow->y > 0 && fitting < MIN (3, left))
        {
          chart_flow_page (report, flow);
          continue;
        }

      block.n_rows = MIN (MAX (fitting, 1), left);
      block.height = fixed + block.n_rows * row_height;
      g_array_append_val (report->chart_blocks, block);
      flow->y = top + block.height;
      first += block.n_rows;
      if (first < rows)
        chart_flow_page (report, flow);
    }
}

static char *
card_text (MsReport        *report,
           const CardPiece *piece)
{
  MsProject *project = piece->project;

  switch (piece->part)
    {
    case CARD_HEADING:
      return g_strdup_printf ("%u. %s", ms_project_get_number (project), ms_project_get_target (project));

    case CARD_CONTINUED:
      /* translators: at the top of a column where a project's card goes on, %u is its number */
      return g_strdup_printf (T (N_("%u. (continued)")), ms_project_get_number (project));

    case CARD_DEPARTMENTS:
      {
        const char * const *partners = ms_project_get_partners (project);
        g_autofree char *departments = format_departments (report, project);

        if (partners == NULL || partners[0] == NULL)
          /* translators: on a project's card in the report, %s are its responsible departments */
          return g_strdup_printf (T (N_("Responsible: %s")), departments);
        {
          g_autofree char *joined = g_strjoinv ("、", (char **)partners);

          /* translators: on a project's card in the report: the responsible departments, then the
           * cooperating units (配合单位) */
          return g_strdup_printf (T (N_("Responsible: %s; cooperating: %s")), departments, joined);
        }
      }

    case CARD_STATE:
      {
        g_autofree char *schedule = ms_project_dup_schedule_text_in_language (project, &report->context, TRUE,
                                                                               report->language);
        const char *status = ms_l10n_translate (report->language,
                                                ms_status_get_label_untranslated (ms_project_get_status (project)));

        /* translators: on a project's card in the report: its status as the file says, then where it
         * stands against 序时进度, such as "Status: in progress · Schedule: behind · …" */
        return g_strdup_printf (T (N_("Status: %s · Schedule: %s")), status, schedule);
      }

    case CARD_NO_TARGET:
      return g_strdup (T (N_("No quantitative target")));

    case CARD_COMPLETION:
      /* translators: on a project's card in the report, %s is the completion report (完成情况) */
      return g_strdup_printf (T (N_("Completion report: %s")), ms_project_get_completion (project));

    case CARD_INDICATOR:
    default:
      return NULL;
    }
}

static PangoLayout *
card_layout (MsReport        *report,
             MsPainter       *p,
             const CardPiece *piece,
             double           width)
{
  g_autofree char *text = card_text (report, piece);
  gboolean bold = piece->part == CARD_HEADING || piece->part == CARD_CONTINUED;
  double scale = piece->part == CARD_HEADING ? 1.1 : piece->part == CARD_COMPLETION ? 1.0 : 0.9;

  return _ms_painter_layout (p, text, scale, bold, width, 0, PANGO_ALIGN_LEFT);
}

static double
card_column_width (MsReport *report)
{
  Page probe = { PAGE_PROJECTS, TRUE, NULL, 0, 0 };
  double width, height;

  content_size (report, &probe, &width, &height);
  return (width - (CARD_COLUMNS - 1) * CARD_GAP) / CARD_COLUMNS;
}

static double
card_name_width (MsPainter *p,
                 double     width)
{
  return MIN (width * 0.34, p->size * 14);
}

/* Where the next piece goes: a column, or the first of a new page. */
typedef struct
{
  guint  column;
  double y;
  guint  first_piece;
  double height;
} CardFlow;

static void
card_flow_next_column (MsReport *report,
                       CardFlow *flow)
{
  flow->y = 0;
  if (++flow->column < CARD_COLUMNS)
    return;

  add_page (report, PAGE_PROJECTS, TRUE, MS_NODE (report->document), flow->first_piece,
            report->card_pieces->len - flow->first_piece);
  flow->first_piece = report->card_pieces->len;
  flow->column = 0;
}

static void
card_flow_add (MsReport  *report,
               CardFlow  *flow,
               CardPiece *piece)
{
  piece->column = flow->column;
  piece->y = flow->y;
  flow->y += piece->height;
  g_array_append_val (report->card_pieces, *piece);
}

/* Starts a new column for a card that goes on: its number heads it. */
static void
card_flow_continue (MsReport  *report,
                    MsPainter *p,
                    CardFlow  *flow,
                    MsProject *project,
                    double     width)
{
  CardPiece continued = { project, CARD_CONTINUED, 0, 0, 1, 0, 0, 0 };
  g_autoptr(PangoLayout) layout = NULL;

  card_flow_next_column (report, flow);
  layout = card_layout (report, p, &continued, width);
  continued.height = _ms_layout_height (layout) + p->size * 0.4;
  card_flow_add (report, flow, &continued);
}

/* Places a text part, line by line where it does not fit whole. */
static void
card_flow_text (MsReport  *report,
                MsPainter *p,
                CardFlow  *flow,
                CardPiece *piece,
                double     width,
                double     space_after)
{
  g_autoptr(PangoLayout) layout = card_layout (report, p, piece, width);
  int n_lines = pango_layout_get_line_count (layout);
  g_autofree int *tops = g_new (int, n_lines);
  g_autofree int *bottoms = g_new (int, n_lines);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int first = 0;

  /* Each line's place, read once: a long report is not measured again
   * for each line that might fit. */
  for (int line = 0; line < n_lines; line++)
    {
      pango_layout_iter_get_line_yrange (iter, &tops[line], &bottoms[line]);
      pango_layout_iter_next_line (iter);
    }
  pango_layout_iter_free (iter);

  while (first < n_lines)
    {
      int fitting = 0;

      while (first + fitting < n_lines &&
             flow->y + (double)(bottoms[first + fitting] - tops[first]) / PANGO_SCALE <= flow->height)
        fitting++;

      if (fitting == 0)
        {
          card_flow_continue (report, p, flow, piece->project, width);
          continue;
        }

      piece->first_line = first;
      piece->n_lines = fitting;
      piece->height = _ms_layout_lines_height (layout, first, fitting);
      if (first + fitting == n_lines)
        piece->height += space_after;
      card_flow_add (report, flow, piece);
      first += fitting;
    }
}

/* The height of a card's head: its pledge, departments and state, and
 * the first indicator or two lines of its completion report. */
static double
card_head_height (MsReport  *report,
                  MsPainter *p,
                  MsProject *project,
                  double     width,
                  double     row_height)
{
  static const CardPart head[] = { CARD_HEADING, CARD_DEPARTMENTS, CARD_STATE };
  double height = p->size * 1.1;

  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    {
      CardPiece piece = { project, head[i], 0, 0, 0, 0, 0, 0 };
      g_autoptr(PangoLayout) layout = card_layout (report, p, &piece, width);

      height += _ms_layout_height (layout);
    }

  if (ms_project_get_n_indicators (project) > 0)
    height += _ms_chart_paint_indicator (p, ms_project_get_indicator (project, 0), 0, 0, width, row_height,
                                         card_name_width (p, width), FALSE);
  else
    height += p->size * 3;

  return height;
}

/* Every project's card in full, flowing down two columns per landscape
 * page: pledge, departments and cooperating units, status and schedule,
 * each indicator, the completion report. */
static void
add_card_pages (MsReport  *report,
                MsPainter *p)
{
  Page probe = { PAGE_PROJECTS, TRUE, NULL, 0, 0 };
  double width = card_column_width (report);
  double page_width;
  double row_height = ms_chart_get_row_height (MS_CHART_PROJECT, p->options);
  CardFlow flow = { 0, 0, 0, 0 };

  content_size (report, &probe, &page_width, &flow.height);
  for (guint i = 0; i < report->projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (report->projects, i);
      guint n_indicators = ms_project_get_n_indicators (project);
      CardPiece heading = { project, CARD_HEADING, 0, 0, 0, 0, 0, 0 };
      g_autoptr(PangoLayout) heading_layout = card_layout (report, p, &heading, width);

      /* A card starts where its head (pledge, departments, state) and its
       * first figure fit, when they fit a column at all; cards are apart
       * by a rule. */
      if (flow.y > 0)
        {
          double start = card_head_height (report, p, project, width, row_height);

          if (start > flow.height * 0.6)
            start = _ms_layout_lines_height (heading_layout, 0, 1) + p->size * 2.6;
          start += p->size * 1.8;
          if (flow.y + start > flow.height)
            card_flow_next_column (report, &flow);
          else
            flow.y += p->size * 1.8;
        }

      card_flow_text (report, p, &flow, &heading, width, p->size * 0.3);
      {
        CardPiece departments = { project, CARD_DEPARTMENTS, 0, 0, 0, 0, 0, 0 };
        CardPiece state = { project, CARD_STATE, 0, 0, 0, 0, 0, 0 };

        card_flow_text (report, p, &flow, &departments, width, p->size * 0.2);
        card_flow_text (report, p, &flow, &state, width, p->size * 0.6);
      }

      for (guint n = 0; n < n_indicators; n++)
        {
          CardPiece indicator = { project, CARD_INDICATOR, n, 0, 0, 0, 0, 0 };

          indicator.height = _ms_chart_paint_indicator (p, ms_project_get_indicator (project, n), 0, 0, width,
                                                        row_height, card_name_width (p, width), FALSE);
          if (flow.y + indicator.height > flow.height && flow.y > 0)
            card_flow_continue (report, p, &flow, project, width);
          card_flow_add (report, &flow, &indicator);
        }
      if (n_indicators == 0)
        {
          CardPiece none = { project, CARD_NO_TARGET, 0, 0, 0, 0, 0, 0 };

          card_flow_text (report, p, &flow, &none, width, p->size * 0.3);
        }

      if (ms_project_get_completion (project)[0] != '\0')
        {
          CardPiece completion = { project, CARD_COMPLETION, 0, 0, 0, 0, 0, 0 };

          flow.y += p->size * 0.3;
          card_flow_text (report, p, &flow, &completion, width, 0);
        }
    }

  if (report->card_pieces->len > flow.first_piece)
    add_page (report, PAGE_PROJECTS, TRUE, MS_NODE (report->document), flow.first_piece,
              report->card_pieces->len - flow.first_piece);
}

static void
draw_cards (MsReport   *report,
            MsPainter  *p,
            const Page *page)
{
  double width = card_column_width (report);
  double row_height = ms_chart_get_row_height (MS_CHART_PROJECT, p->options);

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      const CardPiece *piece = &g_array_index (report->card_pieces, CardPiece, i);
      double x = piece->column * (width + CARD_GAP);

      if (piece->part == CARD_HEADING && piece->first_line == 0 && piece->y > 0)
        {
          cairo_save (p->cr);
          _ms_set_color (p->cr, &p->palette->grid);
          cairo_set_line_width (p->cr, 0.6);
          cairo_move_to (p->cr, x, piece->y - p->size * 0.9);
          cairo_line_to (p->cr, x + width, piece->y - p->size * 0.9);
          cairo_stroke (p->cr);
          cairo_restore (p->cr);
        }

      /* A card is its heading, then a paragraph a part (an indicator's
       * figures are words with their bar); "12. (continued)" repeats the
       * heading and is left out. */
      if (piece->part == CARD_INDICATOR)
        {
          tag_begin (report, p->cr, "P");
          _ms_chart_paint_indicator (p, ms_project_get_indicator (piece->project, piece->index), x, piece->y, width,
                                     row_height, card_name_width (p, width), TRUE);
          tag_end (report, p->cr, "P");
          continue;
        }

      {
        g_autoptr(PangoLayout) layout = card_layout (report, p, piece, width);
        gboolean muted = piece->part == CARD_DEPARTMENTS || piece->part == CARD_CONTINUED ||
                         piece->part == CARD_NO_TARGET;
        const char *tag = piece->part == CARD_HEADING ? "H2" : piece->part == CARD_CONTINUED ? NULL : "P";

        if (tag != NULL)
          tag_begin (report, p->cr, tag);
        _ms_painter_show_lines (p, layout, piece->first_line, piece->n_lines, x, piece->y,
                                muted ? &p->palette->muted : &p->palette->foreground);
        if (tag != NULL)
          tag_end (report, p->cr, tag);
      }
    }
}

/* Drawn after pagination, but laid out during it for the introduction. */
static void draw_cover      (MsReport  *report,
                             MsPainter *p,
                             double     width,
                             double     height);
static void add_intro_pages (MsReport  *report,
                             MsPainter *p);

static void
paginate (MsReport *report)
{
  GListModel *categories = ms_document_get_categories (report->document);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  MsChartOptions options;
  MsChartInfo info;
  MsPainter p;
  Page table_probe = { PAGE_TABLE, FALSE, NULL, 0, 0 };
  double table_width, table_height, header_height, used;
  guint first_row = 0;

  /* One project: its card, in full, over as many columns as it needs. */
  if (report->scope == MS_REPORT_SCOPE_PROJECT)
    {
      chart_options (report, &options, CARD_FONT);
      _ms_painter_init (&p, cr, &options, &info);
      add_card_pages (report, &p);
      _ms_painter_clear (&p);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return;
    }

  if (report->scope == MS_REPORT_SCOPE_CHART)
    {
      if (report->chart == MS_CHART_PROJECT)
        add_page (report, PAGE_PROJECT, TRUE, report->scope_node, 0, 1);
      else if (report->chart == MS_CHART_RATES)
        add_chart_pages (report, PAGE_RATES, MS_CHART_RATES, report->scope_node);
      else if (report->chart == MS_CHART_DEPARTMENTS)
        add_chart_pages (report, PAGE_DEPARTMENTS, MS_CHART_DEPARTMENTS, report->scope_node);
      else
        add_page (report, PAGE_OVERVIEW, TRUE, report->scope_node, 0, 0);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return;
    }

  if (report->scope == MS_REPORT_SCOPE_ALL || report->scope == MS_REPORT_SCOPE_OVERVIEW)
    {
      Page cover = { PAGE_COVER, FALSE, NULL, 0, 0 };
      double width, height;

      add_page (report, PAGE_COVER, FALSE, MS_NODE (report->document), 0, 0);
      /* Laid out once to learn how much of the introduction it holds. */
      content_size (report, &cover, &width, &height);
      chart_options (report, &options, 11);
      _ms_painter_init (&p, cr, &options, &info);
      draw_cover (report, &p, width, height);
      add_intro_pages (report, &p);
      _ms_painter_clear (&p);
    }

  /* What to chase comes right after the summary: the meeting starts there. */
  if (report->scope == MS_REPORT_SCOPE_ALL || report->scope == MS_REPORT_SCOPE_CATEGORY)
    {
      chart_options (report, &options, ATTENTION_FONT);
      _ms_painter_init (&p, cr, &options, &info);
      add_attention_pages (report, &p, report->scope == MS_REPORT_SCOPE_ALL ? MS_NODE (report->document)
                                                                           : report->scope_node);
      _ms_painter_clear (&p);
    }

  /* Then the 汇总表, then the details. */
  if (report->scope == MS_REPORT_SCOPE_ALL || report->scope == MS_REPORT_SCOPE_SUMMARY)
    {
      chart_options (report, &options, SUMMARY_FONT);
      _ms_painter_init (&p, cr, &options, &info);
      add_summary_pages (report, &p);
      _ms_painter_clear (&p);
    }

  if (report->scope == MS_REPORT_SCOPE_OVERVIEW)
    add_page (report, PAGE_OVERVIEW, TRUE, MS_NODE (report->document), 0, 0);

  if (report->scope == MS_REPORT_SCOPE_OVERVIEW || report->scope == MS_REPORT_SCOPE_SUMMARY)
    {
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return;
    }

  /* The charts, as many to a page as fit: the overview, each category's
   * rates under its title, the departments. */
  if (report->scope != MS_REPORT_SCOPE_TABLE)
    {
      Page probe = { PAGE_CHARTS, TRUE, NULL, 0, 0 };
      ChartFlow flow = { 0, 0, 0 };
      double width;

      content_size (report, &probe, &width, &flow.height);
      if (report->scope == MS_REPORT_SCOPE_ALL)
        chart_flow_add (report, &flow, MS_CHART_OVERVIEW, MS_NODE (report->document));
      for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
        {
          MsCategory *category = ms_document_get_category (report->document, c);

          if (report->scope == MS_REPORT_SCOPE_ALL || MS_NODE (category) == report->scope_node)
            chart_flow_add (report, &flow, MS_CHART_RATES, MS_NODE (category));
        }
      if (report->scope == MS_REPORT_SCOPE_ALL)
        chart_flow_add (report, &flow, MS_CHART_DEPARTMENTS, MS_NODE (report->document));
      chart_flow_page (report, &flow);
    }

  if (report->scope != MS_REPORT_SCOPE_TABLE)
    {
      chart_options (report, &options, CARD_FONT);
      _ms_painter_init (&p, cr, &options, &info);
      add_card_pages (report, &p);
      _ms_painter_clear (&p);
    }

  /* The table: rows measured with the fonts they are drawn with. */
  chart_options (report, &options, TABLE_FONT);
  _ms_painter_init (&p, cr, &options, &info);
  content_size (report, &table_probe, &table_width, &table_height);
  /* The column heads take up to two lines. */
  header_height = TABLE_FONT * 3.9 + TABLE_FONT * 2;
  {
    g_autoptr(PangoLayout) line = _ms_painter_layout (&p, "国", 1.0, FALSE, table_width, 1, PANGO_ALIGN_LEFT);

    report->table_max_lines = MAX (3, (int)floor ((table_height - header_height - 2 * CELL_PADDING) /
                                                 _ms_layout_height (line)));
  }

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (report->document, c);
      g_autoptr(GPtrArray) projects = NULL;
      TableRow heading = { category, NULL, TABLE_FONT * 2.4 };

      if (report->scope == MS_REPORT_SCOPE_CATEGORY && MS_NODE (category) != report->scope_node)
        continue;

      g_array_append_val (report->table_rows, heading);
      projects = ms_node_collect_projects (MS_NODE (category));
      for (guint i = 0; i < projects->len; i++)
        {
          TableRow row = { category, g_ptr_array_index (projects, i), 0 };

          row.height = measure_table_row (report, &p, table_width, row.project);
          g_array_append_val (report->table_rows, row);
        }
    }

  used = header_height;
  for (guint i = 0; i < report->table_rows->len; i++)
    {
      TableRow *row = &g_array_index (report->table_rows, TableRow, i);
      /* A category heading never ends a page on its own. */
      double needed = row->height;

      if (row->project == NULL && i + 1 < report->table_rows->len)
        needed += g_array_index (report->table_rows, TableRow, i + 1).height;

      if (used + needed > table_height && i > first_row)
        {
          add_page (report, PAGE_TABLE, FALSE, MS_NODE (report->document), first_row, i - first_row);
          first_row = i;
          used = header_height;
        }
      used += row->height;
    }
  if (report->table_rows->len > first_row)
    add_page (report, PAGE_TABLE, FALSE, MS_NODE (report->document), first_row,
              report->table_rows->len - first_row);

  _ms_painter_clear (&p);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * ms_report_new:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface language
 * @printed: (nullable): the date printed on the cover, or %NULL for today
 *
 * Returns: (transfer full): the paginated report
 */
MsReport *
ms_report_new (MsDocument *document,
               const char *language,
               MsPaper     paper,
               GDateTime  *printed)
{
  return ms_report_new_for_scope (document, MS_REPORT_SCOPE_ALL, NULL, language, paper, printed);
}

/**
 * ms_report_new_for_scope:
 * @node: (nullable): the category or project for those scopes
 *
 * A printout of part of the report: the overview pages, one category
 * (its rates, its projects, its table rows), or one project on a page.
 *
 * Returns: (transfer full): the paginated report
 */
MsReport *
ms_report_new_for_scope (MsDocument    *document,
                         MsReportScope  scope,
                         MsNode        *node,
                         const char    *language,
                         MsPaper        paper,
                         GDateTime     *printed)
{
  MsReportSettings settings;

  ms_report_settings_init (&settings);
  settings.scope = scope;
  settings.node = node;
  settings.language = language;
  settings.paper = paper;
  settings.printed = printed;

  return ms_report_new_with_settings (document, &settings);
}

void
ms_report_settings_init (MsReportSettings *settings)
{
  g_return_if_fail (settings != NULL);

  memset (settings, 0, sizeof *settings);
  settings->scope = MS_REPORT_SCOPE_ALL;
  settings->chart = MS_CHART_OVERVIEW;
  settings->style = MS_REPORT_STYLE_STANDARD;
  settings->paper = MS_PAPER_A4;
}

/**
 * ms_report_new_with_settings:
 *
 * Returns: (transfer full): the paginated report
 */
MsReport *
ms_report_new_with_settings (MsDocument             *document,
                             const MsReportSettings *settings)
{
  MsReportScope scope;
  MsNode *node;
  MsReport *report;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (settings != NULL, NULL);

  scope = settings->scope;
  node = settings->node;
  g_return_val_if_fail (scope != MS_REPORT_SCOPE_CATEGORY || MS_IS_CATEGORY (node), NULL);
  g_return_val_if_fail (scope != MS_REPORT_SCOPE_PROJECT || MS_IS_PROJECT (node), NULL);
  g_return_val_if_fail (node == NULL || MS_IS_NODE (node), NULL);

  /* A whole-file scope has no node; a chart of nothing is the file's. */
  if (scope == MS_REPORT_SCOPE_CHART && node == NULL)
    node = MS_NODE (document);
  if (scope == MS_REPORT_SCOPE_CHART && settings->chart == MS_CHART_PROJECT && !MS_IS_PROJECT (node))
    g_return_val_if_reached (NULL);

  report = g_new0 (MsReport, 1);
  report->document = g_object_ref (document);
  report->scope = scope;
  report->scope_node = node ? g_object_ref (node) : NULL;
  report->chart = settings->chart;
  report->style = settings->style;
  report->language = g_strdup (ms_l10n_normalize_language (settings->language));
  report->paper = settings->paper;
  report->printed = settings->printed ? g_date_time_ref (settings->printed) : g_date_time_new_now_local ();
  report->pages = g_array_new (FALSE, FALSE, sizeof (Page));
  report->table_rows = g_array_new (FALSE, FALSE, sizeof (TableRow));
  report->projects = ms_node_collect_projects (scope == MS_REPORT_SCOPE_CATEGORY || scope == MS_REPORT_SCOPE_PROJECT
                                              ? node : MS_NODE (document));
  report->attention_rows = g_array_new (FALSE, FALSE, sizeof (AttentionRow));
  report->summary_rows = g_array_new (FALSE, FALSE, sizeof (SummaryRow));
  report->card_pieces = g_array_new (FALSE, FALSE, sizeof (CardPiece));
  report->chart_blocks = g_array_new (FALSE, FALSE, sizeof (ChartBlock));
  ms_schedule_context_init (&report->context, document, MS_DATE_NONE);

  /* In the 公文 style every scope but one project or chart is the 附件 table. */
  if (report->style == MS_REPORT_STYLE_GONGWEN && scope != MS_REPORT_SCOPE_PROJECT && scope != MS_REPORT_SCOPE_CHART)
    for (guint i = 0; i < _ms_gongwen_table_get_n_pages (_ms_report_get_gongwen_table (report)); i++)
      add_page (report, PAGE_GONGWEN, FALSE, NULL, i, 1);
  else
    paginate (report);

  return report;
}

gboolean
ms_report_style_from_string (const char    *text,
                             MsReportStyle *style)
{
  g_return_val_if_fail (style != NULL, FALSE);

  if (g_strcmp0 (text, "standard") == 0)
    *style = MS_REPORT_STYLE_STANDARD;
  else if (g_strcmp0 (text, "gongwen") == 0)
    *style = MS_REPORT_STYLE_GONGWEN;
  else
    return FALSE;

  return TRUE;
}

void
ms_report_free (MsReport *report)
{
  if (report == NULL)
    return;

  g_clear_object (&report->document);
  g_clear_object (&report->scope_node);
  g_clear_pointer (&report->gongwen, _ms_gongwen_table_free);
  g_free (report->language);
  g_date_time_unref (report->printed);
  g_array_unref (report->pages);
  g_array_unref (report->table_rows);
  g_ptr_array_unref (report->projects);
  g_clear_pointer (&report->lagging, g_array_unref);
  g_clear_pointer (&report->findings, g_ptr_array_unref);
  g_clear_pointer (&report->lagging_departments, g_ptr_array_unref);
  g_clear_object (&report->departments);
  g_array_unref (report->attention_rows);
  g_array_unref (report->summary_rows);
  g_array_unref (report->card_pieces);
  g_array_unref (report->chart_blocks);
  g_free (report);
}

guint
ms_report_get_n_pages (MsReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->pages->len;
}

void
ms_report_get_page_size (MsReport *report,
                         guint     page,
                         double   *width,
                         double   *height)
{
  g_return_if_fail (report != NULL);
  g_return_if_fail (page < report->pages->len);

  page_size (report, &g_array_index (report->pages, Page, page), width, height);
}

gboolean
ms_report_page_is_landscape (MsReport *report,
                             guint     page)
{
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (page < report->pages->len, FALSE);

  return g_array_index (report->pages, Page, page).landscape;
}

static const char *
section_title (MsReport   *report,
               const Page *page)
{
  switch (page->kind)
    {
    case PAGE_COVER:
      return "";
    case PAGE_INTRO:
      return T (N_("Introduction"));
    case PAGE_ATTENTION:
      return T (N_("Needs attention"));
    case PAGE_SUMMARY:
      return T (N_("Summary table"));
    case PAGE_OVERVIEW:
      return T (N_("Overview"));
    case PAGE_RATES:
      return T (N_("Completion rates"));
    case PAGE_PROJECTS:
    case PAGE_PROJECT:
      return T (N_("Targets and results"));
    case PAGE_DEPARTMENTS:
      return T (N_("Departments"));
    case PAGE_CHARTS:
      {
        const ChartBlock *block = &g_array_index (report->chart_blocks, ChartBlock, page->first);

        if (block->kind == MS_CHART_OVERVIEW)
          return T (N_("Overview"));
        if (block->kind == MS_CHART_DEPARTMENTS)
          return T (N_("Departments"));
        return T (N_("Completion rates"));
      }
    case PAGE_TABLE:
    default:
      return T (N_("All projects"));
    }
}

static void
draw_frame (MsReport   *report,
            MsPainter  *p,
            guint       index,
            double      width,
            double      height)
{
  const Page *page = &g_array_index (report->pages, Page, index);
  g_autofree char *count = NULL;
  g_autofree char *date = ms_l10n_format_date (report->language, report->printed);
  cairo_t *cr = p->cr;

  /* translators: page footer, such as "Page 3 of 12" */
  count = g_strdup_printf (T (N_("Page %u of %u")), index + 1, report->pages->len);

  if (page->kind != PAGE_COVER)
    {
      _ms_painter_text (p, ms_document_get_title (report->document), MARGIN, MARGIN, (width - 2 * MARGIN) * 0.65,
                        1, 0.9, FALSE, PANGO_ALIGN_LEFT, &p->palette->muted);
      _ms_painter_text (p, section_title (report, page), MARGIN + (width - 2 * MARGIN) * 0.65, MARGIN,
                        (width - 2 * MARGIN) * 0.35, 1, 0.9, TRUE, PANGO_ALIGN_RIGHT, &p->palette->muted);
      cairo_save (cr);
      _ms_set_color (cr, &p->palette->grid);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, MARGIN, MARGIN + HEADER - 6);
      cairo_line_to (cr, width - MARGIN, MARGIN + HEADER - 6);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  _ms_painter_text (p, count, MARGIN, height - MARGIN - p->size * 1.3, width - 2 * MARGIN, 1, 0.9, FALSE,
                    PANGO_ALIGN_CENTER, &p->palette->muted);
  _ms_painter_text (p, date, MARGIN + (width - 2 * MARGIN) * 0.6, height - MARGIN - p->size * 1.3,
                    (width - 2 * MARGIN) * 0.4, 1, 0.9, FALSE, PANGO_ALIGN_RIGHT, &p->palette->muted);
}

/* A figure with its caption under it, read as one paragraph; returns the
 * box's height. */
static double
draw_figure_box (MsReport   *report,
                 MsPainter  *p,
                 double      x,
                 double      y,
                 double      width,
                 double      height,
                 double      scale,
                 const char *number,
                 const char *caption)
{
  g_autoptr(PangoLayout) figure = _ms_painter_layout (p, number, scale, TRUE, width - 16, 1, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) words = _ms_painter_layout (p, caption, 0.95, FALSE, width - 16, 2, PANGO_ALIGN_LEFT);

  /* A figure is never cut: a long one ("1 160 / 1 200") gets smaller. */
  while (pango_layout_is_ellipsized (figure) && scale > 1.0)
    {
      scale -= 0.2;
      g_object_unref (figure);
      figure = _ms_painter_layout (p, number, scale, TRUE, width - 16, 1, PANGO_ALIGN_LEFT);
    }

  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->track);
  cairo_rectangle (p->cr, x, y, width, height);
  cairo_fill (p->cr);
  cairo_restore (p->cr);

  tag_begin (report, p->cr, "P");
  _ms_painter_show (p, figure, x + 8, y + 6, &p->palette->foreground);
  _ms_painter_show (p, words, x + 8, y + 6 + _ms_layout_height (figure), &p->palette->muted);
  tag_end (report, p->cr, "P");

  return height;
}

/* The cover's tables per category: the figures of `minsheng-cli summary`. */
typedef enum
{
  COVER_TABLE_STATUS,
  COVER_TABLE_SCHEDULE,
} CoverTable;

#define N_STATUS_COLUMNS 4

static guint
cover_table_columns (CoverTable table)
{
  return table == COVER_TABLE_STATUS ? N_STATUS_COLUMNS : MS_N_SCHEDULES;
}

static double
cover_row_height (MsPainter *p)
{
  return p->size * 0.9 * 1.3 + 2 * CELL_PADDING + 2;
}

static double
cover_header_height (MsPainter *p)
{
  return p->size * 0.9 * 1.3 * 2 + 2 * CELL_PADDING;
}

/* A row is as tall as its title wrapped in full. */
static double
measure_cover_row (MsPainter  *p,
                   double      width,
                   const char *title,
                   gboolean    bold)
{
  g_autoptr(PangoLayout) layout = _ms_painter_layout (p, title, 0.9, bold, width * 0.3 - 2 * CELL_PADDING, 0,
                                                      PANGO_ALIGN_LEFT);

  return MAX (cover_row_height (p), _ms_layout_height (layout) + 2 * CELL_PADDING + 2);
}

/* Returns: the row's height */
static double
draw_cover_row (MsReport   *report,
                MsPainter  *p,
                CoverTable  table,
                double      y,
                double      width,
                const char *title,
                MsNode     *scope,
                gboolean    bold)
{
  guint n_columns = cover_table_columns (table);
  double title_width = width * 0.3;
  double cell_width = (width - title_width) / n_columns;
  double row_height = measure_cover_row (p, width, title, bold);
  MsStats stats = { 0 };
  MsScheduleCounts counts = { 0 };

  if (table == COVER_TABLE_STATUS)
    ms_stats_add_node (&stats, scope);
  else
    ms_schedule_count (scope, &report->context, &counts);

  tag_begin (report, p->cr, "TR");
  tag_begin (report, p->cr, "TD");
  _ms_painter_text (p, title, CELL_PADDING, y + CELL_PADDING, title_width - 2 * CELL_PADDING, 0, 0.9,
                    bold, PANGO_ALIGN_LEFT, &p->palette->foreground);
  tag_end (report, p->cr, "TD");

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *cell = NULL;

      if (table == COVER_TABLE_STATUS)
        {
          if (c == 0)
            cell = g_strdup_printf ("%u", stats.n_projects);
          else if (c == 1)
            cell = g_strdup_printf ("%u", stats.n_by_status[MS_STATUS_COMPLETED]);
          else if (c == 2)
            cell = g_strdup_printf ("%u", stats.n_projects_all_met);
          else
            cell = g_strdup_printf (T (N_("%u / %u")), stats.n_indicators_met, stats.n_indicators);
        }
      else
        cell = g_strdup_printf ("%u", counts.n_by_schedule[c]);

      tag_begin (report, p->cr, "TD");
      _ms_painter_text (p, cell, title_width + c * cell_width + CELL_PADDING, y + CELL_PADDING,
                        cell_width - 2 * CELL_PADDING, 1, 0.9, bold, PANGO_ALIGN_RIGHT, &p->palette->foreground);
      tag_end (report, p->cr, "TD");
    }

  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->grid);
  cairo_set_line_width (p->cr, 0.4);
  cairo_move_to (p->cr, 0, y + row_height);
  cairo_line_to (p->cr, width, y + row_height);
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
  tag_end (report, p->cr, "TR");

  return row_height;
}

/* Returns: the height drawn */
static double
draw_cover_table (MsReport   *report,
                  MsPainter  *p,
                  CoverTable  table,
                  double      y,
                  double      width,
                  guint       n_shown)
{
  static const char * const status_headings[N_STATUS_COLUMNS] = {
    N_("Projects"),
    /* translators: a column of the report's cover: projects whose status is completed */
    N_("Marked completed"),
    /* translators: a column of the report's cover: projects that met all their targets */
    N_("Every target met"),
    /* translators: a column of the report's cover: indicators that met their target, of all */
    N_("Targets met"),
  };
  GListModel *categories = ms_document_get_categories (report->document);
  guint n_categories = g_list_model_get_n_items (categories);
  guint n_columns = cover_table_columns (table);
  double title_width = width * 0.3;
  double cell_width = (width - title_width) / n_columns;
  double row_height = cover_row_height (p);
  double top = y;

  tag_begin (report, p->cr, "Table");
  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->track);
  cairo_rectangle (p->cr, 0, y, width, cover_header_height (p));
  cairo_fill (p->cr);
  cairo_restore (p->cr);
  tag_begin (report, p->cr, "TR");
  tag_begin (report, p->cr, "TH");
  _ms_painter_text (p, T (N_("Category")), CELL_PADDING, y + CELL_PADDING, title_width - 2 * CELL_PADDING, 2,
                    0.9, TRUE, PANGO_ALIGN_LEFT, &p->palette->foreground);
  tag_end (report, p->cr, "TH");
  for (guint c = 0; c < n_columns; c++)
    {
      const char *heading = table == COVER_TABLE_STATUS ? T (status_headings[c])
                                                        : ms_schedule_get_label_in_language (c, report->language);

      tag_begin (report, p->cr, "TH");
      _ms_painter_text (p, heading, title_width + c * cell_width + CELL_PADDING, y + CELL_PADDING,
                        cell_width - 2 * CELL_PADDING, 2, 0.9, TRUE, PANGO_ALIGN_RIGHT, &p->palette->foreground);
      tag_end (report, p->cr, "TH");
    }
  tag_end (report, p->cr, "TR");
  y += cover_header_height (p);

  for (guint c = 0; c < n_shown; c++)
    {
      MsCategory *category = ms_document_get_category (report->document, c);

      y += draw_cover_row (report, p, table, y, width, ms_category_get_title (category), MS_NODE (category),
                           FALSE);
    }
  /* A file of many categories shows the first that fit; the tables at the end have all. */
  if (n_shown < n_categories)
    {
      guint n_more = n_categories - n_shown;
      g_autofree char *more = NULL;

      more = g_strdup_printf (/* translators: the last line of a cut table on the report's
                               * cover; %u is a count of categories */
                              ms_l10n_ngettext (report->language, "… and %u more category",
                                                "… and %u more categories", n_more),
                              n_more);

      tag_begin (report, p->cr, "TR");
      tag_begin (report, p->cr, "TD");
      _ms_painter_text (p, more, CELL_PADDING, y + CELL_PADDING, width - 2 * CELL_PADDING, 1, 0.9, FALSE,
                        PANGO_ALIGN_LEFT, &p->palette->muted);
      tag_end (report, p->cr, "TD");
      tag_end (report, p->cr, "TR");
      y += row_height;
    }
  y += draw_cover_row (report, p, table, y, width, T (N_("All categories")), MS_NODE (report->document), TRUE);
  tag_end (report, p->cr, "Table");

  return y - top;
}

static void
draw_cover (MsReport  *report,
            MsPainter *p,
            double     width,
            double     height)
{
  MsDocument *document = report->document;
  guint n_categories = g_list_model_get_n_items (ms_document_get_categories (document));
  g_autofree char *subtitle = NULL;
  g_autofree char *printed = NULL;
  g_autofree char *reading = NULL;
  g_autofree char *schedule_heading = NULL;
  g_autofree char *lagging = NULL;
  g_autofree char *date = ms_l10n_format_date (report->language, report->printed);
  char as_of[MS_DATE_BUFSIZE];
  double y = height * 0.05;
  double box_width = (width - 3 * 10) / 4;
  double state_width = (width - (MS_N_SCHEDULES - 1) * 6) / MS_N_SCHEDULES;
  double room;
  guint n_lagging = 0;
  guint n_shown;
  MsScheduleCounts counts;
  MsStats stats;

  ms_document_get_stats (document, &stats);
  ms_schedule_count (MS_NODE (document), &report->context, &counts);
  ms_date_format (as_of, sizeof as_of, report->context.as_of);

  tag_begin (report, p->cr, "H1");
  y += _ms_painter_text (p, ms_document_get_title (document), 0, y, width, 3, 2.6, TRUE, PANGO_ALIGN_LEFT,
                         &p->palette->foreground);
  tag_end (report, p->cr, "H1");
  /* translators: region and year of a yearly file, such as "漯河市 · 2024" */
  subtitle = g_strdup_printf (T (N_("%s · %d")), ms_document_get_region (document), ms_document_get_year (document));
  tag_begin (report, p->cr, "P");
  y += 6 + _ms_painter_text (p, subtitle, 0, y + 6, width, 1, 1.4, FALSE, PANGO_ALIGN_LEFT, &p->palette->muted);
  tag_end (report, p->cr, "P");
  /* A file without a reporting date is read at the end of its period. */
  if (ms_document_get_as_of (document) != MS_DATE_NONE)
    /* translators: on the report's cover, %s is the file's reporting date, such as 2025-09-30 */
    reading = g_strdup_printf (T (N_("Figures as of %s")), as_of);
  else
    /* translators: on the report's cover, %s is the last day of the year, such as 2024-12-31 */
    reading = g_strdup_printf (T (N_("Year-end figures, as of %s")), as_of);
  tag_begin (report, p->cr, "P");
  y += 6 + _ms_painter_text (p, reading, 0, y + 6, width, 1, 1.2, TRUE, PANGO_ALIGN_LEFT, &p->palette->foreground);
  tag_end (report, p->cr, "P");
  /* translators: on the report's cover, %s is a date */
  printed = g_strdup_printf (T (N_("Printed on %s")), date);
  tag_begin (report, p->cr, "P");
  y += 4 + _ms_painter_text (p, printed, 0, y + 4, width, 1, 1.0, FALSE, PANGO_ALIGN_LEFT, &p->palette->muted);
  tag_end (report, p->cr, "P");
  y += 20;

  /* Each figure is named for what it counts: a status is what the file
   * says; a target met is a figure that reached its target. */
  {
    g_autofree char *n_projects = g_strdup_printf ("%u", stats.n_projects);
    g_autofree char *n_completed = g_strdup_printf ("%u", stats.n_by_status[MS_STATUS_COMPLETED]);
    g_autofree char *n_all_met = g_strdup_printf ("%u", stats.n_projects_all_met);
    /* translators: indicators met out of all, such as "4 / 17" */
    g_autofree char *n_met = g_strdup_printf (T (N_("%u / %u")), stats.n_indicators_met, stats.n_indicators);

    draw_figure_box (report, p, 0, y, box_width, 72, 2.2, n_projects,
                     ms_l10n_ngettext (report->language, "project", "projects", stats.n_projects));
    draw_figure_box (report, p, box_width + 10, y, box_width, 72, 2.2, n_completed, T (N_("marked completed")));
    draw_figure_box (report, p, 2 * (box_width + 10), y, box_width, 72, 2.2, n_all_met, T (N_("met every target")));
    y += 12 + draw_figure_box (report, p, 3 * (box_width + 10), y, box_width, 72, 2.2, n_met,
                               T (N_("targets (indicators) met")));
  }

  /* Both tables show every category when they fit, else the first that do. */
  room = height - y - 2 * (cover_header_height (p) + cover_row_height (p) + 20) - 140;
  n_shown = 0;
  while (n_shown < n_categories)
    {
      const char *title = ms_category_get_title (ms_document_get_category (document, n_shown));
      double needed = 2 * measure_cover_row (p, width, title, FALSE);

      if (needed > room)
        break;
      room -= needed;
      n_shown++;
    }
  /* Room for the line saying how many more there are. */
  if (n_shown < n_categories && room < 2 * cover_row_height (p) && n_shown > 0)
    n_shown--;

  y += 20 + draw_cover_table (report, p, COVER_TABLE_STATUS, y, width, n_shown);

  /* translators: the heading of the schedule figures, %s is a date such as "2024-12-31" */
  schedule_heading = g_strdup_printf (T (N_("Schedule as of %s")), as_of);
  tag_begin (report, p->cr, "H2");
  y += 6 + _ms_painter_text (p, schedule_heading, 0, y, width, 1, 1.1, TRUE, PANGO_ALIGN_LEFT,
                             &p->palette->foreground);
  tag_end (report, p->cr, "H2");
  for (guint s = 0; s < MS_N_SCHEDULES; s++)
    {
      g_autofree char *number = g_strdup_printf ("%u", counts.n_by_schedule[s]);

      draw_figure_box (report, p, s * (state_width + 6), y, state_width, 54, 1.8, number,
                       ms_schedule_get_label_in_language (s, report->language));
      if (ms_schedule_is_lagging (s))
        n_lagging += counts.n_by_schedule[s];
    }
  y += 54 + 10;
  /* translators: on the report's cover: lagging projects out of all */
  lagging = g_strdup_printf (T (N_("Lagging (overdue, at risk, behind or not reported): %u of %u projects")),
                             n_lagging, counts.n_projects);
  tag_begin (report, p->cr, "P");
  y += 12 + _ms_painter_text (p, lagging, 0, y, width, 2, 1.0, FALSE, PANGO_ALIGN_LEFT, &p->palette->foreground);
  tag_end (report, p->cr, "P");

  y += 18 + draw_cover_table (report, p, COVER_TABLE_SCHEDULE, y, width, n_shown);

  /* The introduction as far as the cover holds it; intro pages carry on. */
  if (ms_document_get_intro (document)[0] != '\0')
    {
      g_autoptr(PangoLayout) intro = _ms_painter_layout (p, ms_document_get_intro (document), 1.0, FALSE, width, 0,
                                                         PANGO_ALIGN_LEFT);
      int n_lines = pango_layout_get_line_count (intro);
      int fitting = 0;

      while (fitting < n_lines && y + _ms_layout_lines_height (intro, 0, fitting + 1) <= height)
        fitting++;
      report->intro_lines_on_cover = fitting;
      /* A paragraph ends on its page: the rest is another on the next. */
      if (fitting > 0)
        {
          tag_begin (report, p->cr, "P");
          _ms_painter_show_lines (p, intro, 0, fitting, 0, y, &p->palette->foreground);
          tag_end (report, p->cr, "P");
        }
    }
}

/* The rest of the introduction: lines from page->first, as many as fit. */
static void
add_intro_pages (MsReport  *report,
                 MsPainter *p)
{
  Page probe = { PAGE_INTRO, FALSE, NULL, 0, 0 };
  const char *text = ms_document_get_intro (report->document);
  g_autoptr(PangoLayout) intro = NULL;
  double width, height;
  int n_lines, first;

  if (text[0] == '\0')
    return;

  content_size (report, &probe, &width, &height);
  intro = _ms_painter_layout (p, text, 1.0, FALSE, width, 0, PANGO_ALIGN_LEFT);
  n_lines = pango_layout_get_line_count (intro);
  first = report->intro_lines_on_cover;
  while (first < n_lines)
    {
      int fitting = 1;

      while (first + fitting < n_lines && _ms_layout_lines_height (intro, first, fitting + 1) <= height)
        fitting++;
      add_page (report, PAGE_INTRO, FALSE, MS_NODE (report->document), first, fitting);
      first += fitting;
    }
}

static void
draw_intro (MsReport   *report,
            MsPainter  *p,
            const Page *page,
            double      width)
{
  g_autoptr(PangoLayout) intro = _ms_painter_layout (p, ms_document_get_intro (report->document), 1.0, FALSE,
                                                     width, 0, PANGO_ALIGN_LEFT);

  tag_begin (report, p->cr, "P");
  _ms_painter_show_lines (p, intro, page->first, page->count, 0, 0, &p->palette->foreground);
  tag_end (report, p->cr, "P");
}

static void
draw_table (MsReport   *report,
            MsPainter  *p,
            const Page *page,
            double      width,
            double      height)
{
  static const char * const headings[N_COLUMNS] = {
    N_("No."), N_("Project"), N_("Departments"), N_("Key figures"),
    /* translators: column of the report's table: the completion report (完成情况) */
    N_("Completion report"),
    /* translators: column of the report's table: the lowest completion rate of a project's indicators */
    N_("Lowest rate"),
    /* translators: column of the report's table: the status, then the schedule state */
    N_("Status / schedule"),
  };
  cairo_t *cr = p->cr;
  double header_height = p->size * 3.9;
  /* The title and the head repeat on every page; the structure holds the
   * first, and one Table over all the pages. */
  gboolean first = page->first == 0;
  double y;
  double x;

  if (first)
    tag_begin (report, cr, "H2");
  _ms_painter_text (p, T (N_("All projects")), 0, 0, width, 1, 1.35, TRUE, PANGO_ALIGN_LEFT,
                    &p->palette->foreground);
  if (first)
    {
      tag_end (report, cr, "H2");
      tag_begin (report, cr, "Table");
    }
  y = p->size * 2;

  /* The header repeats on every page of the table. */
  cairo_save (cr);
  _ms_set_color (cr, &p->palette->track);
  cairo_rectangle (cr, 0, y, width, header_height);
  cairo_fill (cr);
  cairo_restore (cr);
  x = 0;
  if (first)
    tag_begin (report, cr, "TR");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      if (first)
        tag_begin (report, cr, "TH");
      _ms_painter_text (p, T (headings[c]), x + CELL_PADDING, y + CELL_PADDING + 1,
                        width * column_share[c] - 2 * CELL_PADDING, 2, 1.0, TRUE, PANGO_ALIGN_LEFT,
                        &p->palette->foreground);
      if (first)
        tag_end (report, cr, "TH");
      x += width * column_share[c];
    }
  if (first)
    tag_end (report, cr, "TR");
  y += header_height;

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      TableRow *row = &g_array_index (report->table_rows, TableRow, i);

      tag_begin (report, cr, "TR");
      if (row->project == NULL)
        {
          /* A category's row across the table heads the rows under it. */
          tag_begin (report, cr, "TH");
          _ms_painter_text (p, ms_category_get_title (row->category), CELL_PADDING, y + p->size * 0.8,
                            width - 2 * CELL_PADDING, 1, 1.1, TRUE, PANGO_ALIGN_LEFT, &p->palette->foreground);
          tag_end (report, cr, "TH");
        }
      else
        {
          x = 0;
          for (guint c = 0; c < N_COLUMNS; c++)
            {
              g_autofree char *text = table_cell_text (report, row->project, c);
              double cell_width = width * column_share[c] - 2 * CELL_PADDING;

              tag_begin (report, cr, "TD");
              if (c == STATUS_COLUMN)
                {
                  double swatch = p->size * 0.9;

                  _ms_painter_fill_status (p, x + CELL_PADDING, y + CELL_PADDING + 1, swatch, swatch,
                                           ms_project_get_status (row->project));
                  _ms_painter_text (p, text, x + CELL_PADDING + swatch + 3, y + CELL_PADDING,
                                    cell_width - swatch - 3, table_cell_lines (report, c), 1.0, FALSE, PANGO_ALIGN_LEFT,
                                    &p->palette->foreground);
                }
              else
                _ms_painter_text (p, text, x + CELL_PADDING, y + CELL_PADDING, cell_width,
                                  table_cell_lines (report, c), 1.0, c == 0, PANGO_ALIGN_LEFT, &p->palette->foreground);
              tag_end (report, cr, "TD");
              x += width * column_share[c];
            }
        }

      y += row->height;
      cairo_save (cr);
      _ms_set_color (cr, &p->palette->grid);
      cairo_set_line_width (cr, 0.4);
      cairo_move_to (cr, 0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      cairo_restore (cr);
      tag_end (report, cr, "TR");
    }
  if (page->first + page->count == report->table_rows->len)
    tag_end (report, cr, "Table");

  (void)height;
}

static void
merge_info (MsChartInfo       *into,
            const MsChartInfo *from,
            double             dx,
            double             dy)
{
  into->n_texts += from->n_texts;
  into->n_unknown_glyphs += from->n_unknown_glyphs;
  into->n_bars += from->n_bars;
  if (from->text_x2 >= from->text_x1)
    {
      into->text_x1 = MIN (into->text_x1, from->text_x1 + dx);
      into->text_y1 = MIN (into->text_y1, from->text_y1 + dy);
      into->text_x2 = MAX (into->text_x2, from->text_x2 + dx);
      into->text_y2 = MAX (into->text_y2, from->text_y2 + dy);
    }
}

/**
 * ms_report_draw_page:
 * @cr: a context whose user space is the page, in points, origin top left
 * @info: (out) (optional): what was drawn, in page coordinates
 */
void
ms_report_draw_page (MsReport    *report,
                     guint        index,
                     cairo_t     *cr,
                     MsChartInfo *info)
{
  const Page *page;
  MsChartOptions options;
  MsChartInfo frame_info;
  MsChartInfo content_info;
  MsPainter p;
  double width, height, content_width, content_height;

  g_return_if_fail (report != NULL);
  g_return_if_fail (index < report->pages->len);

  page = &g_array_index (report->pages, Page, index);
  if (page->kind == PAGE_GONGWEN)
    {
      _ms_gongwen_table_draw_page (report->gongwen, page->first, cr,
                                   report->fonts != NULL ? ms_embed_fonts_get_font_map (report->fonts) : NULL, info);
      return;
    }
  page_size (report, page, &width, &height);
  content_size (report, page, &content_width, &content_height);

  chart_options (report, &options, CHART_FONT);
  options.fill_background = TRUE;

  cairo_save (cr);
  _ms_set_color (cr, &options.palette.background);
  cairo_paint (cr);
  cairo_restore (cr);

  /* The Document holds every page. It starts after the paint: cairo
   * starts its record of a page afresh, tags and all, on a paint of the
   * whole page. */
  if (index == 0)
    tag_begin (report, cr, "Document");

  _ms_painter_init (&p, cr, &options, &frame_info);
  draw_frame (report, &p, index, width, height);
  _ms_painter_clear (&p);

  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN + HEADER);
  memset (&content_info, 0, sizeof content_info);
  content_info.text_x1 = content_info.text_y1 = G_MAXDOUBLE;
  content_info.text_x2 = content_info.text_y2 = -G_MAXDOUBLE;

  switch (page->kind)
    {
    case PAGE_COVER:
      options.font_size = 11;
      _ms_painter_init (&p, cr, &options, &content_info);
      draw_cover (report, &p, content_width, content_height);
      _ms_painter_clear (&p);
      break;

    case PAGE_INTRO:
      options.font_size = 11;
      _ms_painter_init (&p, cr, &options, &content_info);
      draw_intro (report, &p, page, content_width);
      _ms_painter_clear (&p);
      break;

    case PAGE_ATTENTION:
      options.font_size = ATTENTION_FONT;
      _ms_painter_init (&p, cr, &options, &content_info);
      draw_attention (report, &p, page, content_width);
      _ms_painter_clear (&p);
      break;

    case PAGE_SUMMARY:
      options.font_size = SUMMARY_FONT;
      _ms_painter_init (&p, cr, &options, &content_info);
      draw_summary (report, &p, page, content_width);
      _ms_painter_clear (&p);
      break;

    case PAGE_OVERVIEW:
      options.fill_background = FALSE;
      tag_figure_begin (report, cr, MS_CHART_OVERVIEW, page->node);
      ms_chart_draw (cr, content_width, content_height, MS_CHART_OVERVIEW, page->node, &options, &content_info);
      tag_end (report, cr, "Figure");
      break;

    case PAGE_RATES:
    case PAGE_DEPARTMENTS:
      {
        MsChartKind kind = page->kind == PAGE_RATES ? MS_CHART_RATES : MS_CHART_DEPARTMENTS;

        options.fill_background = FALSE;
        options.first_row = page->first;
        options.n_rows = page->count;
        /* A chart over pages is a Figure on each. */
        tag_figure_begin (report, cr, kind, page->node);
        ms_chart_draw (cr, content_width, content_height, kind, page->node, &options, &content_info);
        tag_end (report, cr, "Figure");
      }
      break;

    case PAGE_CHARTS:
      options.fill_background = FALSE;
      for (guint i = page->first; i < page->first + page->count; i++)
        {
          const ChartBlock *block = &g_array_index (report->chart_blocks, ChartBlock, i);
          MsChartInfo block_info;

          options.first_row = block->first_row;
          options.n_rows = block->n_rows;
          cairo_save (cr);
          cairo_translate (cr, 0, block->y);
          tag_figure_begin (report, cr, block->kind, block->node);
          ms_chart_draw (cr, content_width, block->height, block->kind, block->node, &options, &block_info);
          tag_end (report, cr, "Figure");
          cairo_restore (cr);
          merge_info (&content_info, &block_info, 0, block->y);
          if (block->kind == MS_CHART_RATES && block_info.reference_x >= 0)
            {
              content_info.reference_x = block_info.reference_x;
              content_info.zero_x = block_info.zero_x;
            }
        }
      break;

    case PAGE_PROJECTS:
      options.font_size = CARD_FONT;
      _ms_painter_init (&p, cr, &options, &content_info);
      draw_cards (report, &p, page);
      _ms_painter_clear (&p);
      break;

    case PAGE_PROJECT:
      {
        MsProject *project = MS_PROJECT (page->node);
        MsChartInfo chart_info;
        double chart_height = content_height * 0.62;

        options.fill_background = FALSE;
        options.font_size = 10;
        tag_figure_begin (report, cr, MS_CHART_PROJECT, page->node);
        ms_chart_draw (cr, content_width, chart_height, MS_CHART_PROJECT, page->node, &options, &content_info);
        tag_end (report, cr, "Figure");
        if (g_list_model_get_n_items (ms_project_get_indicators (project)) > 0 &&
            ms_project_get_completion (project)[0] != '\0')
          {
            _ms_painter_init (&p, cr, &options, &chart_info);
            tag_begin (report, cr, "H2");
            _ms_painter_text (&p, T (N_("Completion report")), 0, chart_height + 8, content_width, 1, 1.1, TRUE,
                              PANGO_ALIGN_LEFT, &p.palette->foreground);
            tag_end (report, cr, "H2");
            tag_begin (report, cr, "P");
            _ms_painter_text (&p, ms_project_get_completion (project), 0, chart_height + 8 + p.size * 2,
                              content_width,
                              MAX (1, (int)((content_height - chart_height - 8 - p.size * 2) / (p.size * 1.5))),
                              1.0, FALSE, PANGO_ALIGN_LEFT, &p.palette->foreground);
            tag_end (report, cr, "P");
            _ms_painter_clear (&p);
            merge_info (&content_info, &chart_info, 0, 0);
          }
      }
      break;

    case PAGE_TABLE:
    default:
      options.font_size = TABLE_FONT;
      _ms_painter_init (&p, cr, &options, &content_info);
      draw_table (report, &p, page, content_width, content_height);
      _ms_painter_clear (&p);
      break;
    }

  cairo_restore (cr);

  if (index + 1 == report->pages->len)
    tag_end (report, cr, "Document");

  if (info != NULL)
    {
      *info = frame_info;
      merge_info (info, &content_info, MARGIN, MARGIN + HEADER);
      info->reference_x = content_info.reference_x >= 0 ? content_info.reference_x + MARGIN : -1;
      info->zero_x = content_info.zero_x >= 0 ? content_info.zero_x + MARGIN : -1;
    }
}

static cairo_status_t
append_to_buffer (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
finish_surface (cairo_surface_t  *surface,
                const char       *path,
                GError          **error)
{
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* translators: %s is a file name, then a reason from the drawing library */
                   _("Could not write %s: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_buffer (GByteArray  *buffer,
              const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ms_safe_write (file, buffer->data, buffer->len, NULL, MS_SAFE_WRITE_NONE, NULL, NULL, error);
}

/* Drawn into memory, then written the one safe way files are written: no
 * half-written report, and a plain message when the disk or folder fails. */
static gboolean
finish_file (cairo_surface_t  *surface,
             GByteArray       *buffer,
             const char       *path,
             GError          **error)
{
  return finish_surface (surface, path, error) && write_buffer (buffer, path, error);
}

/* The 附件 table of the report's scope: the pages of the 公文 style, and
 * what the Word document holds whatever the style. */
MsGongwenTable *
_ms_report_get_gongwen_table (MsReport *report)
{
  if (report->gongwen == NULL)
    report->gongwen = _ms_gongwen_table_new (report->document,
                                             report->scope == MS_REPORT_SCOPE_CATEGORY ? report->scope_node : NULL,
                                             report->language, NULL);
  return report->gongwen;
}

/**
 * ms_report_embed_fonts:
 *
 * Draws the report's text, until ms_report_release_fonts(), in faces that
 * cairo embeds in a PDF or a print job without breaking glyphs (see
 * ms-font-embed.c). On failure the system's faces stay in use.
 *
 * Returns: %FALSE with @error when no such faces could be made
 */
gboolean
ms_report_embed_fonts (MsReport  *report,
                       GError   **error)
{
  g_return_val_if_fail (report != NULL, FALSE);

  if (report->fonts == NULL)
    report->fonts = ms_embed_fonts_new_with_faces (report->document,
                                                   report->gongwen != NULL ? MS_EMBED_FACES_SANS | MS_EMBED_FACES_SERIF
                                                                           : MS_EMBED_FACES_SANS,
                                                   error);
  return report->fonts != NULL;
}

void
ms_report_release_fonts (MsReport *report)
{
  g_return_if_fail (report != NULL);

  g_clear_pointer (&report->fonts, ms_embed_fonts_free);
}

gboolean
ms_report_write_pdf (MsReport    *report,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GError) fonts_error = NULL;
  g_autoptr(GError) tags_error = NULL;
  g_autoptr(GPtrArray) figure_alts = NULL;
  g_autofree char *language = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean tagged;
  gboolean written;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!ms_report_embed_fonts (report, &fonts_error))
    g_warning ("PDF text in the system's faces: %s", fonts_error->message);

  ms_report_get_page_size (report, 0, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (append_to_buffer, buffer, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, ms_document_get_title (report->document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Minsheng Tracker " PACKAGE_VERSION);
  cr = cairo_create (surface);

  /* The 公文 style's table is not tagged (see the README): a row cut
   * between pages would need a cell spanning them. */
  tagged = report->pages->len > 0 && g_array_index (report->pages, Page, 0).kind != PAGE_GONGWEN;
  report->tagged = tagged;
  report->figure_alts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < report->pages->len; i++)
    {
      ms_report_get_page_size (report, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      ms_report_draw_page (report, i, cr, NULL);
      cairo_show_page (cr);
    }
  report->tagged = FALSE;
  figure_alts = g_steal_pointer (&report->figure_alts);

  /* A tag out of place stops the drawing, not the surface. */
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write %s: %s"), path, cairo_status_to_string (cairo_status (cr)));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      ms_report_release_fonts (report);
      return FALSE;
    }
  cairo_destroy (cr);
  written = finish_surface (surface, path, error);

  /* "zh-CN" or "en": the language a screen reader reads the text in. */
  language = g_strdelimit (g_strdup (report->language), "_", '-');
  if (written && tagged && !_ms_pdf_add_tag_entries (buffer, language, figure_alts, &tags_error))
    g_message ("PDF without alternative texts for its charts: %s", tags_error->message);

  written = written && write_buffer (buffer, path, error);
  ms_report_release_fonts (report);
  return written;
}

/**
 * ms_chart_export:
 * @width: in points (SVG) or pixels (PNG)
 *
 * Writes one chart to an SVG or PNG file, as tall as its rows need.
 */
gboolean
ms_chart_export (MsChartKind      kind,
                 MsNode          *node,
                 MsReportFormat   format,
                 const char      *path,
                 double           width,
                 const char      *language,
                 GError         **error)
{
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  MsChartOptions options;
  double margin, height;

  g_return_val_if_fail (MS_IS_NODE (node), FALSE);
  g_return_val_if_fail (format != MS_REPORT_FORMAT_PDF, FALSE);

  ms_chart_options_init (&options, language);
  options.font_size = width / 72;
  margin = options.font_size * 2;
  height = ms_chart_get_natural_height (kind, node, &options);
  if (kind == MS_CHART_OVERVIEW)
    height = MAX (height, (width - 2 * margin) * 0.5);
  height += 2 * margin;

  if (format == MS_REPORT_FORMAT_SVG)
    surface = cairo_svg_surface_create_for_stream (append_to_buffer, buffer, width, height);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width), (int)ceil (height));

  cr = cairo_create (surface);
  _ms_set_color (cr, &options.palette.background);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  ms_chart_draw (cr, width - 2 * margin, height - 2 * margin, kind, node, &options, NULL);
  cairo_destroy (cr);

  if (format == MS_REPORT_FORMAT_PNG)
    {
      cairo_status_t status = cairo_surface_write_to_png_stream (surface, append_to_buffer, buffer);

      if (status != CAIRO_STATUS_SUCCESS)
        {
          cairo_surface_destroy (surface);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("Could not write %s: %s"), path, cairo_status_to_string (status));
          return FALSE;
        }
    }

  return finish_file (surface, buffer, path, error);
}
