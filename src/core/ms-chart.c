/* ms-chart.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "ms-chart-private.h"
#include "ms-departments.h"
#include "ms-l10n.h"

/* Labels are translated into the chart's language at draw time. */
#define T(text) ms_l10n_translate (p->language, text)

/* Rates beyond this are drawn to the edge with their value written. */
#define MAX_SCALE_RATE 2.0


/* A row of the rates chart: a category's heading (no project), a project
 * with no indicator, or one indicator of a project. */
typedef struct
{
  MsCategory  *category;
  MsProject   *project;
  MsIndicator *indicator;
} RateRow;

/* Whether a row from @y, @height tall, shows in the visible part. */
static gboolean
row_is_visible (const MsChartOptions *options,
                double                y,
                double                height)
{
  return y + height >= options->visible_top && y <= options->visible_bottom;
}

const char *
ms_chart_kind_to_string (MsChartKind kind)
{
  switch (kind)
    {
    case MS_CHART_OVERVIEW:
      return "overview";
    case MS_CHART_RATES:
      return "rates";
    case MS_CHART_PROJECT:
      return "project";
    case MS_CHART_DEPARTMENTS:
      return "departments";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
ms_chart_kind_from_string (const char  *text,
                           MsChartKind *kind)
{
  for (MsChartKind k = MS_CHART_OVERVIEW; k <= MS_CHART_DEPARTMENTS; k++)
    {
      if (g_strcmp0 (text, ms_chart_kind_to_string (k)) == 0)
        {
          *kind = k;
          return TRUE;
        }
    }

  return FALSE;
}


static void
append_project_rows (GArray *rows,
                     MsNode *scope)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (scope);

  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      GListModel *indicators = ms_project_get_indicators (project);
      guint n = g_list_model_get_n_items (indicators);
      RateRow row = { NULL, project, NULL };

      if (n == 0)
        g_array_append_val (rows, row);
      for (guint k = 0; k < n; k++)
        {
          row.indicator = ms_project_get_indicator (project, k);
          g_array_append_val (rows, row);
        }
    }
}

/* A document's rows come under a heading per category (numbers restart in
 * each); a category's chart has its title instead. Headings are rows like
 * any other, so paging and the natural height count them. */
static GArray *
collect_rate_rows (MsNode *node)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (RateRow));

  if (MS_IS_DOCUMENT (node))
    {
      MsDocument *document = MS_DOCUMENT (node);
      guint n = g_list_model_get_n_items (ms_document_get_categories (document));

      for (guint c = 0; c < n; c++)
        {
          MsCategory *category = ms_document_get_category (document, c);
          RateRow heading = { category, NULL, NULL };

          g_array_append_val (rows, heading);
          append_project_rows (rows, MS_NODE (category));
        }
    }
  else
    append_project_rows (rows, node);

  return rows;
}

guint
ms_chart_count_rows (MsChartKind  kind,
                     MsNode      *node)
{
  g_return_val_if_fail (MS_IS_NODE (node), 0);

  switch (kind)
    {
    case MS_CHART_RATES:
      {
        g_autoptr(GArray) rows = collect_rate_rows (node);

        return rows->len;
      }
    case MS_CHART_DEPARTMENTS:
      {
        g_autoptr(MsDepartments) departments = ms_departments_new (node);

        return g_list_model_get_n_items (G_LIST_MODEL (departments));
      }
    case MS_CHART_PROJECT:
      return MS_IS_PROJECT (node) ? MAX (1, g_list_model_get_n_items (ms_project_get_indicators (MS_PROJECT (node)))) : 0;
    case MS_CHART_OVERVIEW:
    default:
      return 1;
    }
}

double
ms_chart_get_row_height (MsChartKind           kind,
                         const MsChartOptions *options)
{
  double size = options->font_size > 0 ? options->font_size : 10;

  switch (kind)
    {
    case MS_CHART_RATES:
      return size * 2.0;
    case MS_CHART_DEPARTMENTS:
      return size * 2.4;
    case MS_CHART_PROJECT:
      return size * 3.6;
    case MS_CHART_OVERVIEW:
    default:
      return size * 30;
    }
}

static double
title_height (const MsChartOptions *options)
{
  double size = options->font_size > 0 ? options->font_size : 10;

  return options->show_title ? size * 2.6 : 0;
}

/* The title, the key and, when some projects name no department, a note. */
static double
departments_header_height (const MsChartOptions *options,
                           guint                 n_unassigned)
{
  double size = options->font_size > 0 ? options->font_size : 10;

  return title_height (options) + size * 2.2 + (n_unassigned > 0 ? size * 1.8 : 0);
}

/**
 * ms_chart_get_natural_height:
 *
 * Returns: the height at which every row of the chart fits, for exports
 */
double
ms_chart_get_natural_height (MsChartKind           kind,
                             MsNode               *node,
                             const MsChartOptions *options)
{
  double size = options->font_size > 0 ? options->font_size : 10;
  guint rows = options->n_rows > 0 || kind == MS_CHART_DEPARTMENTS ? options->n_rows
                                                                   : ms_chart_count_rows (kind, node);

  switch (kind)
    {
    case MS_CHART_RATES:
      /* Title, legend, axis, rows (headings included), room under the last. */
      return title_height (options) + size * 4.8 + rows * ms_chart_get_row_height (kind, options);
    case MS_CHART_DEPARTMENTS:
      {
        g_autoptr(MsDepartments) departments = ms_departments_new (node);
        guint n_unassigned = ms_department_get_n_projects (ms_departments_get_unassigned (departments));

        if (options->n_rows == 0)
          rows = g_list_model_get_n_items (G_LIST_MODEL (departments));
        return departments_header_height (options, n_unassigned) + rows * ms_chart_get_row_height (kind, options);
      }
    case MS_CHART_PROJECT:
      return title_height (options) + size * 8 + rows * ms_chart_get_row_height (kind, options);
    case MS_CHART_OVERVIEW:
    default:
      {
        MsDocument *document = MS_IS_DOCUMENT (node) ? MS_DOCUMENT (node) : ms_node_get_document (node);
        guint n_categories = document ? g_list_model_get_n_items (ms_document_get_categories (document)) : 0;

        /* Laid out side by side: the taller of the donut and the category bars. */
        return title_height (options) + size * MAX (14, 2.6 + 5.6 * n_categories);
      }
    }
}

static double
paint_title (MsPainter    *p,
             const char *title,
             double      width)
{
  if (!p->options->show_title)
    return 0;

  _ms_painter_text (p, title, 0, 0, width, 1, 1.35, TRUE, PANGO_ALIGN_LEFT, &p->palette->foreground);
  return title_height (p->options);
}

static void
paint_swatch (MsPainter  *p,
              double    x,
              double    y,
              double    size,
              MsStatus  status)
{
  _ms_painter_fill_status (p, x, y, size, size, status);
}

/* Overview */

static void
paint_donut (MsPainter       *p,
             double         cx,
             double         cy,
             double         radius,
             const MsStats *stats)
{
  cairo_t *cr = p->cr;
  double inner = radius * 0.58;
  double angle = -G_PI / 2;
  g_autofree char *total = g_strdup_printf ("%u", stats->n_projects);
  g_autoptr(PangoLayout) number = _ms_painter_layout (p, total, 2.4, TRUE, -1, 0, PANGO_ALIGN_CENTER);
  g_autoptr(PangoLayout) caption = _ms_painter_layout (p, ms_l10n_ngettext (p->language, "project", "projects",
                                                                            stats->n_projects),
                                                       1.0, FALSE, inner * 1.8, 1,
                                                PANGO_ALIGN_CENTER);
  double number_height = _ms_layout_height (number);

  if (stats->n_projects == 0)
    {
      cairo_save (cr);
      _ms_set_color (cr, &p->palette->track);
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_arc_negative (cr, cx, cy, inner, 2 * G_PI, 0);
      cairo_fill (cr);
      cairo_restore (cr);
    }

  for (MsStatus status = 0; status < MS_N_STATUSES && stats->n_projects > 0; status++)
    {
      guint count = stats->n_by_status[status];
      double sweep = 2 * G_PI * count / stats->n_projects;

      if (count == 0)
        continue;

      /* Clip to the ring segment, then fill with the status pattern. */
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, radius, angle, angle + sweep);
      cairo_arc_negative (cr, cx, cy, inner, angle + sweep, angle);
      cairo_close_path (cr);
      cairo_clip_preserve (cr);
      _ms_painter_fill_status (p, cx - radius - 1, cy - radius - 1, 2 * radius + 2, 2 * radius + 2, status);
      _ms_set_color (cr, &p->palette->background);
      cairo_set_line_width (cr, MAX (1.0, p->size * 0.15));
      cairo_stroke (cr);
      cairo_restore (cr);
      angle += sweep;
    }

  _ms_painter_show (p, number, cx - _ms_layout_width (number) / 2,
                cy - number_height * 0.62, &p->palette->foreground);
  _ms_painter_show (p, caption, cx - inner * 0.9, cy + number_height * 0.38, &p->palette->muted);
}

static void
paint_status_legend (MsPainter       *p,
                     double         x,
                     double         y,
                     double         width,
                     const MsStats *stats)
{
  double swatch = p->size * 1.2;
  double line = p->size * 2.1;

  for (MsStatus status = 0; status < MS_N_STATUSES; status++)
    {
      g_autofree char *share = ms_l10n_format_percent (p->language, stats->n_projects
                                                       ? (double)stats->n_by_status[status] / stats->n_projects
                                                       : 0);
      /* translators: a legend entry: status, count of projects, share, such as "Completed 31 (96.9%)" */
      g_autofree char *text = g_strdup_printf (T (N_("%s %u (%s)")),
                                               ms_l10n_translate (p->language, ms_status_get_label_untranslated (status)),
                                               stats->n_by_status[status], share);

      paint_swatch (p, x, y + (line - swatch) / 2 - p->size * 0.35, swatch, status);
      _ms_painter_text (p, text, x + swatch + p->size * 0.6, y - p->size * 0.35, width - swatch - p->size * 0.6, 1, 1.0,
                  FALSE, PANGO_ALIGN_LEFT, &p->palette->foreground);
      y += line;
    }
}

static void
paint_stacked_bar (MsPainter       *p,
                   double         x,
                   double         y,
                   double         width,
                   double         height,
                   const guint   *by_status,
                   guint          total,
                   double         full_width)
{
  double position = x;

  for (MsStatus status = 0; status < MS_N_STATUSES; status++)
    {
      double segment;

      if (by_status[status] == 0 || total == 0)
        continue;

      segment = full_width * by_status[status] / total;
      _ms_painter_fill_status (p, position, y, segment, height, status);

      /* The count inside the segment when it fits: not by colour alone. */
      if (segment > p->size * 2.2)
        {
          g_autofree char *count = g_strdup_printf ("%u", by_status[status]);
          const MsColor *ink = status == MS_STATUS_COMPLETED ? &p->palette->background
                                                             : &p->palette->foreground;
          g_autoptr(PangoLayout) layout = _ms_painter_layout (p, count, 0.9, TRUE, -1, 0, PANGO_ALIGN_LEFT);
          double lw = _ms_layout_width (layout);
          double lh = _ms_layout_height (layout);

          if (status != MS_STATUS_COMPLETED)
            {
              /* A plate behind the figure keeps it readable on hatching. */
              cairo_save (p->cr);
              _ms_set_color (p->cr, &p->palette->background);
              cairo_rectangle (p->cr, position + (segment - lw) / 2 - 2, y + (height - lh) / 2,
                               lw + 4, lh);
              cairo_fill (p->cr);
              cairo_restore (p->cr);
            }
          _ms_painter_show (p, layout, position + (segment - lw) / 2, y + (height - lh) / 2, ink);
        }

      position += segment;
    }

  (void)width;
}

static void
draw_overview (MsPainter *p,
               double   width,
               double   height,
               MsNode  *node)
{
  MsDocument *document = MS_IS_DOCUMENT (node) ? MS_DOCUMENT (node) : ms_node_get_document (node);
  GListModel *categories = document ? ms_document_get_categories (document) : NULL;
  guint n_categories = categories ? g_list_model_get_n_items (categories) : 0;
  g_autofree char *title = ms_chart_dup_title (MS_CHART_OVERVIEW, node, p->language);
  double top = paint_title (p, title, width);
  gboolean wide = width >= height * 1.1;
  /* Room for the legend's longest line ("Completed 31 (96.9%)") beside the donut. */
  double donut_area_width = wide ? CLAMP (width * 0.42, p->size * 26, width * 0.55) : width;
  double donut_area_height = wide ? height - top : (height - top) * 0.5;
  double legend_width = MIN (donut_area_width * 0.5, p->size * 16);
  double radius;
  double bars_x, bars_y, bars_width, bars_height, row;
  double label_width;
  MsStats stats = { 0 };

  ms_stats_add_node (&stats, node);

  /* Donut with its legend beside it, level with the category bars. */
  radius = MIN ((donut_area_width - legend_width) * 0.42, donut_area_height * 0.42);
  radius = CLAMP (radius, p->size * 3, p->size * 11);
  paint_donut (p, radius + p->size, top + p->size + radius, radius, &stats);
  paint_status_legend (p, 2 * radius + p->size * 2.5, top + p->size + radius - p->size * 4.2,
                       donut_area_width - 2 * radius - p->size * 2.5, &stats);
  if (!wide)
    donut_area_height = 2 * radius + p->size * 2;

  /* One stacked bar per category. */
  bars_x = wide ? donut_area_width + p->size * 2 : 0;
  bars_y = wide ? top : top + donut_area_height + p->size;
  bars_width = wide ? width - bars_x : width;
  bars_height = wide ? height - top : height - bars_y;

  _ms_painter_text (p, T (N_("By category")), bars_x, bars_y, bars_width, 1, 1.1, TRUE, PANGO_ALIGN_LEFT,
              &p->palette->foreground);
  bars_y += p->size * 2.2;
  bars_height -= p->size * 2.2;

  row = n_categories > 0 ? MIN (p->size * 5.6, bars_height / n_categories) : 0;
  label_width = bars_width;

  for (guint c = 0; c < n_categories; c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      MsStats cs = { 0 };
      g_autofree char *detail = NULL;
      double y = bars_y + c * row;
      double bar_height = MIN (p->size * 1.6, row * 0.4);
      double text_height;

      ms_stats_add_node (&cs, MS_NODE (category));
      /* translators: under a category's bar: projects, and how many met every target */
      detail = g_strdup_printf (ms_l10n_ngettext (p->language, "%u project · %u met every target",
                                                  "%u projects · %u met every target", cs.n_projects),
                                cs.n_projects, cs.n_projects_all_met);

      /* Title, bar, then the counts under the bar: each line has the whole width. */
      text_height = _ms_painter_text (p, ms_category_get_title (category), bars_x, y, label_width, 1,
                                      1.0, TRUE, PANGO_ALIGN_LEFT, &p->palette->foreground);
      y += text_height + p->size * 0.3;
      paint_stacked_bar (p, bars_x, y, bars_width, bar_height, cs.n_by_status, cs.n_projects, bars_width);
      _ms_painter_text (p, detail, bars_x, y + bar_height + p->size * 0.25, label_width, 1, 0.9, FALSE,
                        PANGO_ALIGN_LEFT, &p->palette->muted);
    }
}

/* Completion rates */

/* The same words as ms_schedule_get_label (), in the chart's language. */
static const char * const schedule_words[MS_N_SCHEDULES] = {
  N_("Overdue"), N_("At risk"), N_("Behind"), N_("Not reported"), N_("On track"), N_("Done"),
};

/* Where the rates of a chart are read: the document's date and rules. */
typedef struct
{
  gboolean          known;
  gboolean          year_end;
  MsScheduleContext context;
} RatesContext;

static void
rates_context_init (RatesContext *rc,
                    MsNode       *node)
{
  MsDocument *document = MS_IS_DOCUMENT (node) ? MS_DOCUMENT (node) : ms_node_get_document (node);

  memset (rc, 0, sizeof *rc);
  if (document == NULL)
    return;
  rc->known = TRUE;
  rc->year_end = ms_document_get_as_of (document) == MS_DATE_NONE;
  ms_schedule_context_init (&rc->context, document, MS_DATE_NONE);
}

/* The rate drawn: on the document's date when there is one. */
static gboolean
rates_context_get_rate (const RatesContext *rc,
                        MsIndicator        *indicator,
                        double             *rate)
{
  if (rc->known)
    return ms_indicator_get_rate_at (indicator, rc->context.as_of, rate);
  return ms_indicator_get_rate (indicator, rate);
}

static char *
rate_row_label (MsPainter       *p,
                const RateRow *row)
{
  g_autofree char *title = NULL;
  const char *name;

  if (row->project == NULL)
    return g_strdup (row->category ? ms_category_get_title (row->category) : "");

  title = ms_project_dup_short_title (row->project);
  name = row->indicator != NULL ? ms_indicator_get_name (row->indicator) : "";
  (void)p;

  /* The project first, so a reader knows whose bar it is; the indicator's
   * name only when it adds something. */
  if (name[0] == '\0' || g_strcmp0 (name, title) == 0)
    return g_strdup_printf ("%u. %s", ms_project_get_number (row->project), title);
  return g_strdup_printf ("%u. %s · %s", ms_project_get_number (row->project), title, name);
}

/* Where an indicator stands, as its bar is drawn: against the schedule
 * when the chart has a document, else met or not. */
static MsSchedule
indicator_schedule (const RatesContext *rc,
                    MsProject          *project,
                    MsIndicator        *indicator)
{
  if (rc->known)
    return ms_indicator_get_schedule (indicator, &rc->context, ms_schedule_context_get_deadline (&rc->context, project));
  if (!rates_context_get_rate (rc, indicator, NULL))
    return MS_SCHEDULE_NOT_REPORTED;
  return ms_indicator_get_state (indicator) == MS_INDICATOR_MET ? MS_SCHEDULE_DONE : MS_SCHEDULE_AT_RISK;
}

/* Fills a bar the way @schedule is drawn: done and on track solid, behind
 * sparsely hatched, at risk hatched, overdue cross-hatched, so the state
 * does not rest on colour alone (the state's word follows the value too). */
static void
paint_schedule_bar (MsPainter  *p,
                    double      x,
                    double      y,
                    double      width,
                    double      height,
                    MsSchedule  schedule)
{
  cairo_t *cr = p->cr;
  double step;

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  _ms_set_color (cr, &p->palette->schedule[schedule]);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill_preserve (cr);

  if (schedule == MS_SCHEDULE_BEHIND || schedule == MS_SCHEDULE_AT_RISK || schedule == MS_SCHEDULE_OVERDUE)
    {
      step = schedule == MS_SCHEDULE_BEHIND ? p->size * 0.9 : p->size * 0.5;
      cairo_clip (cr);
      _ms_set_color (cr, &p->palette->background);
      cairo_set_line_width (cr, MAX (0.6, p->size * 0.1));
      for (double d = -height; d < width; d += step)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
          if (schedule == MS_SCHEDULE_OVERDUE)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + height, y + height);
            }
        }
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
  cairo_restore (cr);
}

/* The 序时进度 mark: a line across the row, with a notch above and below. */
static void
paint_expected_mark (MsPainter *p,
                     double     x,
                     double     y,
                     double     height)
{
  cairo_t *cr = p->cr;
  double notch = MAX (2.0, p->size * 0.35);

  cairo_save (cr);
  _ms_set_color (cr, &p->palette->foreground);
  cairo_set_line_width (cr, MAX (1.0, p->size * 0.18));
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, y + height);
  cairo_stroke (cr);
  cairo_move_to (cr, x - notch, y);
  cairo_line_to (cr, x + notch, y);
  cairo_line_to (cr, x, y + notch);
  cairo_close_path (cr);
  cairo_move_to (cr, x - notch, y + height);
  cairo_line_to (cr, x + notch, y + height);
  cairo_line_to (cr, x, y + height - notch);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* One line of legend: the states a bar can take, then the 序时进度 mark
 * (or, in a year-end file, that it is 100% for all). Entries that do not
 * fit the width are left out rather than drawn outside the chart. */
static void
paint_rates_legend (MsPainter          *p,
                    const RatesContext *rc,
                    double              y,
                    double              width)
{
  static const MsSchedule shown[] = {
    MS_SCHEDULE_DONE, MS_SCHEDULE_ON_TRACK, MS_SCHEDULE_BEHIND, MS_SCHEDULE_AT_RISK, MS_SCHEDULE_OVERDUE,
  };
  double swatch = p->size * 1.1;
  double x = 0;
  const char *expected_text;

  if (!rc->known)
    return;

  expected_text = rc->year_end ? T (N_("Year-end file: expected by now is the full target"))
                               : T (N_("Expected by now"));

  for (guint i = 0; i <= G_N_ELEMENTS (shown); i++)
    {
      gboolean is_expected = i == G_N_ELEMENTS (shown);
      const char *text = is_expected ? expected_text : T (schedule_words[shown[i]]);
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 0.85, FALSE, -1, 0, PANGO_ALIGN_LEFT);
      double mark = (is_expected && rc->year_end) ? 0 : swatch + p->size * 0.4;
      double needed = mark + _ms_layout_width (layout);

      if (x + needed > width)
        break;

      if (is_expected && !rc->year_end)
        paint_expected_mark (p, x + swatch / 2, y + p->size * 0.1, p->size * 1.2);
      else if (!is_expected)
        paint_schedule_bar (p, x, y + p->size * 0.2, swatch, p->size * 0.9, shown[i]);
      _ms_painter_show (p, layout, x + mark, y + (p->size * 1.3 - _ms_layout_height (layout)) / 2,
                        &p->palette->foreground);
      x += needed + p->size * 1.2;
    }
}

/* "12. 新建农村公路150公里 · 新建农村公路" when it fits; else the
 * project's number and the indicator's name, which tell the bars apart
 * (the project's card and table carry its pledge): a label is never cut
 * inside a text from the file. Only a name too long for two lines is. */
static void
paint_rate_row_label (MsPainter     *p,
                      const RateRow *row,
                      double         y,
                      double         width,
                      double         row_height)
{
  g_autofree char *title = ms_project_dup_short_title (row->project);
  const char *name = row->indicator != NULL ? ms_indicator_get_name (row->indicator) : "";
  gboolean has_name = name[0] != '\0' && g_strcmp0 (name, title) != 0;
  g_autofree char *full = has_name ? g_strdup_printf ("%u. %s · %s", ms_project_get_number (row->project), title, name)
                                   : g_strdup_printf ("%u. %s", ms_project_get_number (row->project), title);
  g_autoptr(PangoLayout) layout = _ms_painter_layout (p, full, 0.9, FALSE, width, 1, PANGO_ALIGN_LEFT);

  if (pango_layout_is_ellipsized (layout) && has_name)
    {
      g_autofree char *shorter = g_strdup_printf ("%u. %s", ms_project_get_number (row->project), name);

      g_object_unref (layout);
      layout = _ms_painter_layout (p, shorter, 0.9, FALSE, width, 1, PANGO_ALIGN_LEFT);
      if (pango_layout_is_ellipsized (layout))
        {
          g_object_unref (layout);
          layout = _ms_painter_layout (p, shorter, 0.75, FALSE, width, 2, PANGO_ALIGN_LEFT);
        }
    }
  else if (pango_layout_is_ellipsized (layout))
    {
      g_object_unref (layout);
      layout = _ms_painter_layout (p, full, 0.75, FALSE, width, 2, PANGO_ALIGN_LEFT);
    }

  _ms_painter_show (p, layout, 0, y + (row_height - _ms_layout_height (layout)) / 2, &p->palette->foreground);
}

static void
draw_rates (MsPainter *p,
            double   width,
            double   height,
            MsNode  *node)
{
  g_autoptr(GArray) rows = collect_rate_rows (node);
  g_autofree char *title = ms_chart_dup_title (MS_CHART_RATES, node, p->language);
  double top;
  double row_height = ms_chart_get_row_height (MS_CHART_RATES, p->options);
  double label_width = MIN (width * 0.36, p->size * 24);
  double value_width = MIN (p->size * 10, width * 0.25);
  double bar_x = label_width + p->size;
  double bar_width = width - bar_x - value_width;
  double scale = 1.2;
  double axis_y;
  guint first = MIN (p->options->first_row, rows->len);
  guint last = p->options->n_rows > 0 ? MIN (rows->len, first + p->options->n_rows) : rows->len;
  cairo_t *cr = p->cr;
  RatesContext rc;

  rates_context_init (&rc, node);

  top = paint_title (p, title, width);

  paint_rates_legend (p, &rc, top, width);
  top += p->size * 1.8;

  /* One scale for every page of the chart: the largest rate, within bounds. */
  for (guint i = 0; i < rows->len; i++)
    {
      RateRow *row = &g_array_index (rows, RateRow, i);
      double rate;

      if (row->indicator != NULL && rates_context_get_rate (&rc, row->indicator, &rate))
        scale = MAX (scale, MIN (rate, MAX_SCALE_RATE) * 1.05);
    }

  if (bar_width < p->size * 4)
    bar_width = p->size * 4;

  /* Axis: ticks every 50%, the 100% line marked. */
  axis_y = top + p->size * 1.6;

  /* Only the rows that fit: the caller pages the rest. */
  last = MIN (last, first + (guint)MAX (0, floor ((height - axis_y) / row_height)));
  p->info->rows_y = axis_y;
  p->info->row_height = row_height;
  p->info->zero_x = bar_x;
  p->info->reference_x = bar_x + bar_width / scale;
  for (double tick = 0; tick <= scale + 1e-9; tick += 0.5)
    {
      double x = bar_x + bar_width * tick / scale;
      g_autofree char *label = ms_l10n_format_percent (p->language, tick);
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, label, 0.8, FALSE, -1, 0, PANGO_ALIGN_LEFT);

      _ms_painter_show (p, layout, x - _ms_layout_width (layout) / 2, top, &p->palette->muted);
    }


  for (guint i = first; i < last; i++)
    {
      RateRow *row = &g_array_index (rows, RateRow, i);
      double y = axis_y + (i - first) * row_height;
      double bar_height = row_height * 0.56;
      double bar_y = y + (row_height - bar_height) / 2;
      double rate;

      if (!row_is_visible (p->options, y, row_height))
        continue;

      if (row->project == NULL)
        {
          g_autoptr(PangoLayout) label_layout = NULL;

          /* A category's heading: its title, and a rule under it. */
          g_autofree char *label = rate_row_label (p, row);

          label_layout = _ms_painter_layout (p, label, 1.0, TRUE, width, 1, PANGO_ALIGN_LEFT);
          cairo_save (cr);
          _ms_set_color (cr, &p->palette->grid);
          cairo_set_line_width (cr, MAX (0.5, p->size * 0.1));
          cairo_move_to (cr, 0, y + row_height - 0.5);
          cairo_line_to (cr, width, y + row_height - 0.5);
          cairo_stroke (cr);
          cairo_restore (cr);
          _ms_painter_show (p, label_layout, 0, y + (row_height - _ms_layout_height (label_layout)) / 2,
                            &p->palette->foreground);
          continue;
        }

      paint_rate_row_label (p, row, y, label_width, row_height);

      /* The grid, and the 100% line under the bar and its value, so that
       * the value stays readable; headings have neither. */
      cairo_save (cr);
      _ms_set_color (cr, &p->palette->grid);
      cairo_set_line_width (cr, 0.5);
      for (double tick = 0; tick <= scale + 1e-9; tick += 0.5)
        {
          cairo_move_to (cr, bar_x + bar_width * tick / scale, y);
          cairo_line_to (cr, bar_x + bar_width * tick / scale, y + row_height);
        }
      cairo_stroke (cr);
      _ms_set_color (cr, &p->palette->reference);
      cairo_set_line_width (cr, MAX (1.0, p->size * 0.15));
      cairo_move_to (cr, p->info->reference_x, y);
      cairo_line_to (cr, p->info->reference_x, y + row_height);
      cairo_stroke (cr);
      cairo_restore (cr);

      if (row->indicator != NULL && rates_context_get_rate (&rc, row->indicator, &rate))
        {
          gboolean met = ms_indicator_get_state (row->indicator) == MS_INDICATOR_MET;
          MsSchedule schedule = MS_SCHEDULE_DONE;
          double length = bar_width * MIN (rate, scale) / scale;
          double expected = -1;
          double value_x;
          g_autofree char *percent = ms_l10n_format_percent (p->language, rate);
          g_autofree char *value = NULL;

          if (rc.known)
            {
              MsDate deadline = ms_schedule_context_get_deadline (&rc.context, row->project);

              schedule = ms_indicator_get_schedule (row->indicator, &rc.context, deadline);
              /* After the bar: its rate and where it stands, "56.0% Behind". */
              value = g_strdup_printf ("%s %s", percent, T (schedule_words[schedule]));
              /* In a year-end file it is 100% for all: the legend says so. */
              if (!rc.year_end &&
                  !ms_indicator_get_expected_rate (row->indicator, &rc.context, deadline,
                                                   rc.context.as_of, &expected))
                expected = -1;
            }
          else
            {
              schedule = met ? MS_SCHEDULE_DONE : MS_SCHEDULE_AT_RISK;
              value = g_strdup (percent);
            }

          paint_schedule_bar (p, bar_x, bar_y, length, bar_height, schedule);

          if (rate > scale)
            {
              /* Cut at the edge: an arrow says the bar goes on. */
              cairo_save (cr);
              _ms_set_color (cr, &p->palette->background);
              cairo_move_to (cr, bar_x + length - bar_height * 0.5, bar_y);
              cairo_line_to (cr, bar_x + length, bar_y + bar_height / 2);
              cairo_line_to (cr, bar_x + length - bar_height * 0.5, bar_y + bar_height);
              cairo_close_path (cr);
              cairo_fill (cr);
              cairo_restore (cr);
            }

          /* The value goes after the bar and the mark, whichever ends later. */
          value_x = bar_x + MIN (length, bar_width);
          if (expected >= 0)
            {
              double mark_x = bar_x + bar_width * MIN (expected, scale) / scale;

              paint_expected_mark (p, mark_x, y + row_height * 0.1, row_height * 0.8);
              value_x = MAX (value_x, mark_x + p->size * 0.35);
            }

          p->info->n_bars++;
          _ms_painter_text (p, value, value_x + p->size * 0.4,
                      y + (row_height - p->size * 1.3) / 2, width - value_x - p->size * 0.4, 1, 0.9,
                      rate >= 1.0, PANGO_ALIGN_LEFT, &p->palette->foreground);
        }
      else
        {
          /* No figure is not 0%: say so in the bar's place. */
          const char *note = row->indicator == NULL ? T (N_("no quantitative target"))
                                                    : T (N_("not reported yet"));

          cairo_save (cr);
          _ms_set_color (cr, &p->palette->track);
          cairo_rectangle (cr, bar_x, bar_y, bar_width, bar_height);
          cairo_fill (cr);
          cairo_restore (cr);
          _ms_painter_text (p, note, bar_x + p->size * 0.5, y + (row_height - p->size * 1.3) / 2,
                      bar_width - p->size, 1, 0.85, FALSE, PANGO_ALIGN_LEFT, &p->palette->muted);
        }
    }

}

/* Target against actual, one project */

static void
paint_bullet (MsPainter     *p,
              MsIndicator *indicator,
              double       x,
              double       y,
              double       width,
              double       height)
{
  cairo_t *cr = p->cr;
  double target = ms_indicator_get_target (indicator);
  gboolean has_actual = ms_indicator_get_has_actual (indicator);
  double actual = ms_indicator_get_actual (indicator);
  double range = MAX (target, has_actual ? actual : 0) * 1.15;
  double band_height = height * 0.7;
  double bar_height = band_height * 0.42;
  double band_y = y + (height - band_height) / 2;
  double target_x;

  if (range <= 0)
    range = 1;

  cairo_save (cr);
  _ms_set_color (cr, &p->palette->track);
  cairo_rectangle (cr, x, band_y, width, band_height);
  cairo_fill (cr);

  if (has_actual)
    {
      gboolean met = ms_indicator_get_state (indicator) == MS_INDICATOR_MET;

      /* Met solid, not met hatched: the colour is not the only sign. */
      paint_schedule_bar (p, x, band_y + (band_height - bar_height) / 2, width * actual / range, bar_height,
                          met ? MS_SCHEDULE_DONE : MS_SCHEDULE_AT_RISK);
      p->info->n_bars++;
    }

  /* The target: a tall mark across the band. */
  target_x = x + width * target / range;
  _ms_set_color (cr, &p->palette->reference);
  cairo_set_line_width (cr, MAX (1.5, p->size * 0.25));
  cairo_move_to (cr, target_x, band_y - band_height * 0.12);
  cairo_line_to (cr, target_x, band_y + band_height * 1.12);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/**
 * ms_chart_format_indicator:
 *
 * Returns: (transfer full): target, actual and rate in words for @language,
 *   such as "80公里 → 113.9公里 (142.4%)"
 */
/* "80公里", or "≤ 5%" for a ceiling. */
static char *
format_target (MsIndicator *indicator,
               const char  *lang)
{
  g_autofree char *target = ms_l10n_format_figure (lang, ms_indicator_get_target (indicator),
                                                   ms_indicator_get_unit (indicator));

  if (ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST)
    return g_strconcat ("≤ ", target, NULL);
  return g_steal_pointer (&target);
}

char *
ms_chart_format_indicator (MsIndicator *indicator,
                           const char  *language)
{
  const char *lang = ms_l10n_normalize_language (language);
  const char *unit = ms_indicator_get_unit (indicator);
  g_autofree char *target = NULL;
  double rate;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), NULL);

  target = format_target (indicator, lang);

  if (!ms_indicator_get_has_actual (indicator))
    /* translators: a target with no reported figure yet, such as "80 公里 → not reported" */
    return g_strdup_printf (ms_l10n_translate (lang, N_("%s → not reported")), target);

  {
    g_autofree char *actual = ms_l10n_format_figure (lang, ms_indicator_get_actual (indicator), unit);

    if (ms_indicator_get_rate (indicator, &rate))
      {
        g_autofree char *percent = ms_l10n_format_percent (lang, rate);

        /* translators: target → actual (rate), such as "80 公里 → 113.9 公里 (142.4%)" */
        return g_strdup_printf (ms_l10n_translate (lang, N_("%s → %s (%s)")), target, actual, percent);
      }

    /* translators: target → actual, such as "80 公里 → 113.9 公里" */
    return g_strdup_printf (ms_l10n_translate (lang, N_("%s → %s")), target, actual);
  }
}

/* One indicator as a report's project card shows it: its name in full at
 * the left, the bar against the target, and the figures in full under the
 * bar. Draws at (@x, @y) when @draw; returns the height it takes. */
double
_ms_chart_paint_indicator (MsPainter   *p,
                           MsIndicator *indicator,
                           double       x,
                           double       y,
                           double       width,
                           double       row_height,
                           double       name_width,
                           gboolean     draw)
{
  g_autofree char *summary = ms_chart_format_indicator (indicator, p->language);
  double track_x = x + name_width + p->size * 0.8;
  double track_width = width - name_width - p->size * 0.8;
  double bar_height = row_height * 0.55;
  g_autoptr(PangoLayout) name = _ms_painter_layout (p, ms_indicator_get_name (indicator), 0.9, FALSE,
                                                    name_width, 0, PANGO_ALIGN_LEFT);
  g_autoptr(PangoLayout) figures = _ms_painter_layout (p, summary, 0.85, FALSE, track_width, 0,
                                                       PANGO_ALIGN_LEFT);

  if (draw)
    {
      _ms_painter_show (p, name, x, y + p->size * 0.2, &p->palette->foreground);
      paint_bullet (p, indicator, track_x, y, track_width, bar_height);
      _ms_painter_show (p, figures, track_x, y + bar_height, &p->palette->muted);
    }

  return MAX (row_height, MAX (_ms_layout_height (name) + p->size * 0.6,
                               bar_height + _ms_layout_height (figures) + p->size * 0.4));
}

static void
draw_project (MsPainter *p,
              double   width,
              double   height,
              MsNode  *node)
{
  MsProject *project;
  GListModel *indicators;
  guint n_indicators;
  double y = 0;
  double row_height = ms_chart_get_row_height (MS_CHART_PROJECT, p->options);
  double name_width;
  g_autofree char *heading = NULL;
  g_autofree char *departments = NULL;
  RatesContext rc;

  g_return_if_fail (MS_IS_PROJECT (node));

  project = MS_PROJECT (node);
  indicators = ms_project_get_indicators (project);
  rates_context_init (&rc, node);
  n_indicators = g_list_model_get_n_items (indicators);

  if (p->options->show_title)
    {
      heading = g_strdup_printf ("%u. %s", ms_project_get_number (project), ms_project_get_target (project));
      y += _ms_painter_text (p, heading, 0, 0, width, 2, 1.15, TRUE, PANGO_ALIGN_LEFT, &p->palette->foreground);
      departments = g_strjoinv ("、", (char **)ms_project_get_departments (project));
      if (departments[0] != '\0')
        y += _ms_painter_text (p, departments, 0, y + p->size * 0.2, width, 1, 0.9, FALSE, PANGO_ALIGN_LEFT,
                         &p->palette->muted);
      y += p->size * 0.8;
    }

  if (n_indicators == 0)
    {
      y += _ms_painter_text (p, T (N_("No quantitative target")), 0, y, width, 1, 1.0, TRUE,
                       PANGO_ALIGN_LEFT, &p->palette->muted);
      if (ms_project_get_completion (project)[0] != '\0')
        _ms_painter_text (p, ms_project_get_completion (project), 0, y + p->size * 0.4, width,
                    MAX (1, (int)((height - y) / (p->size * 1.5)) - 1), 0.9, FALSE,
                    PANGO_ALIGN_LEFT, &p->palette->foreground);
      return;
    }

  /* Rows shrink to fit the space given, down to a readable minimum. */
  row_height = MIN (row_height, MAX (p->size * 2.6, (height - y) / n_indicators));
  name_width = MIN (width * 0.34, p->size * 14);

  for (guint i = 0; i < n_indicators; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      g_autofree char *figures = ms_chart_format_indicator (indicator, p->language);
      /* Where it stands in words, as in the chart's table. */
      g_autofree char *summary = g_strdup_printf ("%s · %s", figures,
                                                  T (schedule_words[indicator_schedule (&rc, project, indicator)]));
      double ry = y + i * row_height;
      double track_x = name_width + p->size * 0.8;
      double track_width = width - track_x;

      if (ry + row_height > height + 0.5)
        break;

      _ms_painter_text (p, ms_indicator_get_name (indicator), 0, ry + p->size * 0.2, name_width, 2, 0.9, FALSE,
                  PANGO_ALIGN_LEFT, &p->palette->foreground);
      paint_bullet (p, indicator, track_x, ry, track_width, row_height * 0.55);
      _ms_painter_text (p, summary, track_x, ry + row_height * 0.55, track_width, 1, 0.85, FALSE,
                  PANGO_ALIGN_LEFT, &p->palette->muted);
    }
}

/* Departments */

/* The lagging states a department's bar shows, most urgent first. */
static const MsSchedule lagging_schedules[] = {
  MS_SCHEDULE_OVERDUE, MS_SCHEDULE_AT_RISK, MS_SCHEDULE_BEHIND,
};

/* The key to the bars: one swatch and label per lagging state, then the
 * track that stands for the department's other projects. */
static void
paint_departments_legend (MsPainter *p,
                          double     y,
                          double     width)
{
  guint n_entries = G_N_ELEMENTS (lagging_schedules) + 1;
  double cell = width / n_entries;
  double swatch = p->size * 1.1;

  for (guint i = 0; i < n_entries; i++)
    {
      double x = i * cell;
      const char *label;

      if (i < G_N_ELEMENTS (lagging_schedules))
        {
          _ms_painter_fill_schedule (p, x, y + p->size * 0.2, swatch, swatch, lagging_schedules[i]);
          label = T (ms_schedule_get_label_untranslated (lagging_schedules[i]));
        }
      else
        {
          cairo_save (p->cr);
          _ms_set_color (p->cr, &p->palette->track);
          cairo_rectangle (p->cr, x, y + p->size * 0.2, swatch, swatch);
          cairo_fill (p->cr);
          cairo_restore (p->cr);
          /* translators: in the departments chart's key: the part of a bar that is not behind schedule */
          label = T (N_("Other projects"));
        }
      _ms_painter_text (p, label, x + swatch + p->size * 0.4, y, cell - swatch - p->size * 1.0, 1, 0.85, FALSE,
                        PANGO_ALIGN_LEFT, &p->palette->foreground);
    }
}

/* A department's bar: its projects as a track, the lagging ones first, one
 * pattern per state, with their count written when it fits. */
static void
paint_department_bar (MsPainter    *p,
                      MsDepartment *department,
                      double        x,
                      double        y,
                      double        unit,
                      double        height)
{
  double length = unit * ms_department_get_n_projects (department);
  double position = x;

  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->track);
  cairo_rectangle (p->cr, x, y, length, height);
  cairo_fill (p->cr);
  cairo_restore (p->cr);

  for (guint i = 0; i < G_N_ELEMENTS (lagging_schedules); i++)
    {
      guint count = ms_department_get_n_with_schedule (department, lagging_schedules[i]);
      double segment = unit * count;

      if (count == 0)
        continue;

      _ms_painter_fill_schedule (p, position, y, segment, height, lagging_schedules[i]);
      if (segment > p->size * 2.2)
        {
          g_autofree char *text = g_strdup_printf ("%u", count);
          gboolean solid = lagging_schedules[i] == MS_SCHEDULE_OVERDUE;
          g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 0.9, TRUE, -1, 0, PANGO_ALIGN_LEFT);
          double lw = _ms_layout_width (layout);
          double lh = _ms_layout_height (layout);

          if (!solid)
            {
              /* A plate behind the figure keeps it readable on hatching. */
              cairo_save (p->cr);
              _ms_set_color (p->cr, &p->palette->background);
              cairo_rectangle (p->cr, position + (segment - lw) / 2 - 2, y + (height - lh) / 2, lw + 4, lh);
              cairo_fill (p->cr);
              cairo_restore (p->cr);
            }
          _ms_painter_show (p, layout, position + (segment - lw) / 2, y + (height - lh) / 2,
                            solid ? &p->palette->background : &p->palette->foreground);
        }
      position += segment;
    }
}

static void
draw_departments (MsPainter *p,
                  double     width,
                  double     height,
                  MsNode    *node)
{
  /* The same model, and so the same order, as the departments page. */
  g_autoptr(MsDepartments) departments = ms_departments_new (node);
  GListModel *list = G_LIST_MODEL (departments);
  guint n_rows = g_list_model_get_n_items (list);
  guint n_unassigned = ms_department_get_n_projects (ms_departments_get_unassigned (departments));
  g_autofree char *title = ms_chart_dup_title (MS_CHART_DEPARTMENTS, node, p->language);
  double top = paint_title (p, title, width);
  double row_height = ms_chart_get_row_height (MS_CHART_DEPARTMENTS, p->options);
  double label_width = MIN (width * 0.3, p->size * 16);
  double detail_width = MIN (width * 0.36, p->size * 20);
  double bar_x = label_width + p->size;
  double bar_width = MAX (p->size * 4, width - bar_x - detail_width - p->size);
  guint first = MIN (p->options->first_row, n_rows);
  guint last = p->options->n_rows > 0 ? MIN (n_rows, first + p->options->n_rows) : n_rows;
  guint most = 1;

  paint_departments_legend (p, top, width);
  if (n_unassigned > 0)
    {
      g_autofree char *note = NULL;

      /* translators: above the departments chart: projects left out of it, as a problem of the data */
      note = g_strdup_printf (ms_l10n_ngettext (p->language, "%u project names no responsible department",
                                                "%u projects name no responsible department", n_unassigned),
                              n_unassigned);

      _ms_painter_text (p, note, 0, top + p->size * 2.0, width, 1, 0.85, FALSE, PANGO_ALIGN_LEFT,
                        &p->palette->unmet);
    }
  top = departments_header_height (p->options, n_unassigned);

  /* One scale for every page: the department with the most projects. */
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(MsDepartment) row = g_list_model_get_item (list, i);

      most = MAX (most, ms_department_get_n_projects (row));
    }

  /* Only the rows that fit: the caller pages the rest. */
  last = MIN (last, first + (guint)MAX (0, floor ((height - top) / row_height)));

  for (guint i = first; i < last; i++)
    {
      g_autoptr(MsDepartment) row = NULL;
      double y = top + (i - first) * row_height;
      double bar_height = row_height * 0.5;
      double length;
      g_autofree char *detail = NULL;
      g_autoptr(PangoLayout) name = NULL;

      /* Rows off screen keep their place but are not laid out. */
      if (!row_is_visible (p->options, y, row_height))
        continue;

      row = g_list_model_get_item (list, i);
      length = bar_width * ms_department_get_n_projects (row) / most;
      detail = ms_department_format_summary (row, p->language);
      name = _ms_painter_layout (p, ms_department_get_name (row), 0.9, FALSE, label_width, 2, PANGO_ALIGN_LEFT);

      _ms_painter_show (p, name, 0, y + (row_height - _ms_layout_height (name)) / 2, &p->palette->foreground);
      paint_department_bar (p, row, bar_x, y + (row_height - bar_height) / 2, bar_width / most, bar_height);
      _ms_painter_text (p, detail, bar_x + length + p->size * 0.5, y + (row_height - p->size * 1.3) / 2,
                        width - (bar_x + length + p->size * 0.5), 1, 0.85, FALSE, PANGO_ALIGN_LEFT,
                        &p->palette->muted);
      p->info->n_bars++;
    }
}

/**
 * ms_chart_draw:
 * @node: the document (overview, departments), a document or category
 *   (rates), or a project (target against actual)
 * @info: (out) (optional): what was drawn
 *
 * Draws a chart in the rectangle (0, 0, @width, @height) of @cr's user space.
 */
void
ms_chart_draw (cairo_t              *cr,
               double                width,
               double                height,
               MsChartKind           kind,
               MsNode               *node,
               const MsChartOptions *options,
               MsChartInfo          *info)
{
  MsChartInfo scratch;
  MsPainter p;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (MS_IS_NODE (node));
  g_return_if_fail (options != NULL);

  _ms_painter_init (&p, cr, options, info ? info : &scratch);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (options->fill_background)
    {
      _ms_set_color (cr, &options->palette.background);
      cairo_paint (cr);
    }

  switch (kind)
    {
    case MS_CHART_OVERVIEW:
      draw_overview (&p, width, height, node);
      break;
    case MS_CHART_RATES:
      draw_rates (&p, width, height, node);
      break;
    case MS_CHART_PROJECT:
      draw_project (&p, width, height, node);
      break;
    case MS_CHART_DEPARTMENTS:
      draw_departments (&p, width, height, node);
      break;
    default:
      g_warn_if_reached ();
    }

  cairo_restore (cr);
  _ms_painter_clear (&p);
}

/**
 * ms_chart_dup_title:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface language
 *
 * The title the chart draws, which is also its accessible name; the
 * project chart, drawn under the project's own heading, is named for what
 * it shows.
 *
 * Returns: (transfer full): the title
 */
char *
ms_chart_dup_title (MsChartKind  kind,
                    MsNode      *node,
                    const char  *language)
{
  const char *lang = ms_l10n_normalize_language (language);

  g_return_val_if_fail (MS_IS_NODE (node), NULL);

  switch (kind)
    {
    case MS_CHART_OVERVIEW:
      return g_strdup (ms_l10n_translate (lang, N_("Projects by status")));
    case MS_CHART_RATES:
      if (MS_IS_CATEGORY (node))
        /* translators: chart title, %s is a category such as 省重点民生实事 */
        return g_strdup_printf (ms_l10n_translate (lang, N_("Completion rates: %s")),
                                ms_category_get_title (MS_CATEGORY (node)));
      return g_strdup (ms_l10n_translate (lang, N_("Completion rates")));
    case MS_CHART_DEPARTMENTS:
      return g_strdup (ms_l10n_translate (lang, N_("Departments by projects behind schedule")));
    case MS_CHART_PROJECT:
    default:
      if (MS_IS_PROJECT (node))
        /* translators: the name of a project's chart of its indicators, %u is the project's number */
        return g_strdup_printf (ms_l10n_translate (lang, N_("Target against actual, project %u")),
                                ms_project_get_number (MS_PROJECT (node)));
      return g_strdup (ms_l10n_translate (lang, N_("Target against actual")));
    }
}

/* The cells every chart shares: the project, the indicator, its figures on
 * the document's date and where it stands, as the rates chart draws them. */
static void
fill_row_cells (MsChartRowCells    *cells,
                const RatesContext *rc,
                const char         *lang,
                MsProject          *project,
                MsIndicator        *indicator)
{
  g_autofree char *title = ms_project_dup_short_title (project);
  double figure;
  double rate;
  gboolean has_figure;
  gboolean has_rate;

  memset (cells, 0, sizeof *cells);
  cells->project = project;
  cells->indicator = indicator;
  cells->project_label = g_strdup_printf ("%u. %s", ms_project_get_number (project), title);
  cells->schedule = MS_SCHEDULE_NOT_REPORTED;

  if (indicator == NULL)
    {
      cells->indicator_name = g_strdup ("");
      cells->target = g_strdup ("—");
      cells->actual = g_strdup ("—");
      cells->rate = g_strdup ("—");
      cells->state = g_strdup (ms_l10n_translate (lang, N_("no quantitative target")));
      return;
    }

  if (rc->known)
    has_figure = ms_indicator_get_figure_at (indicator, rc->context.as_of, &figure);
  else
    {
      has_figure = ms_indicator_get_has_actual (indicator);
      figure = ms_indicator_get_actual (indicator);
    }
  has_rate = rates_context_get_rate (rc, indicator, &rate);

  cells->indicator_name = g_strdup (ms_indicator_get_name (indicator));
  cells->target = format_target (indicator, lang);
  cells->actual = has_figure ? ms_l10n_format_figure (lang, figure, ms_indicator_get_unit (indicator))
                             : g_strdup (ms_l10n_translate (lang, N_("not reported yet")));
  cells->rate = has_rate ? ms_l10n_format_percent (lang, rate) : g_strdup ("—");
  cells->met = ms_indicator_get_state (indicator) == MS_INDICATOR_MET;
  cells->schedule = indicator_schedule (rc, project, indicator);
  cells->state = g_strdup (ms_l10n_translate (lang, schedule_words[cells->schedule]));
}

static void
append_row (GListStore      *store,
            MsChartRowCells *cells)
{
  g_autoptr(MsChartRow) row = _ms_chart_row_new (cells);

  g_list_store_append (store, row);
}

static void
append_department_rows (GListStore         *store,
                        const RatesContext *rc,
                        const char         *lang,
                        MsDepartment       *department,
                        const char         *group)
{
  for (guint i = 0; i < ms_department_get_n_projects (department); i++)
    {
      const MsDepartmentProject *entry = ms_department_get_entry (department, i);
      MsChartRowCells cells;

      /* The project's state, from the indicator that decides it, as the
       * department's bar counts it. */
      fill_row_cells (&cells, rc, lang, entry->project, entry->deciding);
      cells.group = g_strdup (group);
      cells.schedule = entry->schedule;
      g_free (cells.state);
      cells.state = g_strdup (ms_l10n_translate (lang, schedule_words[entry->schedule]));
      append_row (store, &cells);
    }
}

/**
 * ms_chart_collect_rows:
 * @node: the chart's node, as for ms_chart_draw()
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface language
 *
 * The chart's rows as words, in the chart's order: one per indicator (or
 * per project with none; per project of each department in the departments
 * chart, by the indicator that decides its state). The same rows make the
 * chart's table, its description and the report's tagged table.
 *
 * Returns: (transfer full): a list of #MsChartRow
 */
GListModel *
ms_chart_collect_rows (MsChartKind  kind,
                       MsNode      *node,
                       const char  *language)
{
  const char *lang = ms_l10n_normalize_language (language);
  GListStore *store = g_list_store_new (MS_TYPE_CHART_ROW);
  RatesContext rc;

  g_return_val_if_fail (MS_IS_NODE (node), NULL);

  rates_context_init (&rc, node);

  if (kind == MS_CHART_DEPARTMENTS)
    {
      g_autoptr(MsDepartments) departments = ms_departments_new (node);
      MsDepartment *unassigned = ms_departments_get_unassigned (departments);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (departments)); i++)
        {
          g_autoptr(MsDepartment) department = g_list_model_get_item (G_LIST_MODEL (departments), i);

          append_department_rows (store, &rc, lang, department, ms_department_get_name (department));
        }
      append_department_rows (store, &rc, lang, unassigned,
                              ms_l10n_translate (lang, N_("No responsible department")));
    }
  else
    {
      g_autoptr(GArray) rows = collect_rate_rows (node);
      const char *group = NULL;

      for (guint i = 0; i < rows->len; i++)
        {
          RateRow *rate_row = &g_array_index (rows, RateRow, i);
          MsChartRowCells cells;

          /* A heading gives its category to the rows under it. */
          if (rate_row->project == NULL)
            {
              group = ms_category_get_title (rate_row->category);
              continue;
            }
          fill_row_cells (&cells, &rc, lang, rate_row->project, rate_row->indicator);
          cells.group = kind == MS_CHART_PROJECT ? NULL : g_strdup (group);
          if (kind == MS_CHART_OVERVIEW)
            {
              /* The overview counts projects by the status the file gives. */
              g_free (cells.state);
              cells.state = g_strdup (ms_l10n_translate (lang, ms_status_get_label_untranslated (
                                                               ms_project_get_status (rate_row->project))));
            }
          append_row (store, &cells);
        }
    }

  return G_LIST_MODEL (store);
}

/**
 * ms_chart_describe:
 *
 * States in one or two sentences what the chart shows and its headline
 * figure, for screen readers; its rows are in ms_chart_collect_rows().
 *
 * Returns: (transfer full): the description
 */
char *
ms_chart_describe (MsChartKind  kind,
                   MsNode      *node,
                   const char  *language)
{
  const char *lang = ms_l10n_normalize_language (language);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GHashTable) projects = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) lagging_groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  const char *unassigned = ms_l10n_translate (lang, N_("No responsible department"));
  guint by_status[MS_N_STATUSES] = { 0 };
  guint n_indicators = 0;
  guint n_met = 0;
  guint n_lagging = 0;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (MS_IS_NODE (node), NULL);

  rows = ms_chart_collect_rows (kind, node, lang);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(MsChartRow) row = g_list_model_get_item (rows, i);
      MsProject *project = ms_chart_row_get_project (row);
      const char *group = ms_chart_row_get_group (row);
      MsSchedule schedule = ms_chart_row_get_schedule (row);
      /* As the departments chart counts it: not reported is not behind. */
      gboolean lagging = schedule == MS_SCHEDULE_OVERDUE || schedule == MS_SCHEDULE_AT_RISK ||
                         schedule == MS_SCHEDULE_BEHIND;

      if (g_hash_table_add (projects, project))
        by_status[ms_project_get_status (project)]++;
      if (ms_chart_row_get_indicator (row) != NULL)
        {
          n_indicators++;
          n_met += ms_chart_row_get_met (row);
          n_lagging += lagging;
        }
      if (group != NULL && g_strcmp0 (group, unassigned) != 0)
        {
          g_hash_table_add (groups, (char *)group);
          if (lagging)
            g_hash_table_add (lagging_groups, (char *)group);
        }
    }

  switch (kind)
    {
    case MS_CHART_OVERVIEW:
      {
        guint n_projects = g_hash_table_size (projects);

        /* translators: first sentence of the overview chart's description */
        g_string_append_printf (out, ms_l10n_ngettext (lang, "Status of %u project, by category.",
                                                       "Status of %u projects, by category.", n_projects),
                                n_projects);
        for (MsStatus status = 0; status < MS_N_STATUSES; status++)
          {
            g_string_append_c (out, ' ');
            /* translators: one status in a chart description, such as "Completed: 31." */
            g_string_append_printf (out, ms_l10n_translate (lang, N_("%s: %u.")),
                                    ms_l10n_translate (lang, ms_status_get_label_untranslated (status)),
                                    by_status[status]);
          }
      }
      break;

    case MS_CHART_DEPARTMENTS:
      {
        guint n_groups = g_hash_table_size (groups);
        guint n_lagging_groups = g_hash_table_size (lagging_groups);

        /* translators: first sentence of the departments chart's description */
        g_string_append_printf (out, ms_l10n_ngettext (lang, "Projects behind schedule in each of %u department.",
                                                       "Projects behind schedule in each of %u departments.",
                                                       n_groups),
                                n_groups);
        g_string_append_c (out, ' ');
        /* translators: second sentence of the departments chart's description */
        g_string_append_printf (out, ms_l10n_ngettext (lang, "%u department has projects behind schedule.",
                                                       "%u departments have projects behind schedule.",
                                                       n_lagging_groups),
                                n_lagging_groups);
      }
      break;

    case MS_CHART_RATES:
    case MS_CHART_PROJECT:
    default:
      /* translators: first sentence of a chart's description: its indicators */
      g_string_append_printf (out, ms_l10n_ngettext (lang, "Target against actual for %u indicator.",
                                                     "Target against actual for %u indicators.", n_indicators),
                              n_indicators);
      g_string_append_c (out, ' ');
      /* translators: the headline figure of a chart's description: indicators that met their target, then
       * those behind schedule, such as "52 met their targets; behind schedule: 3." */
      g_string_append_printf (out, ms_l10n_ngettext (lang, "%u met its target; behind schedule: %u.",
                                                     "%u met their targets; behind schedule: %u.", n_met),
                              n_met, n_lagging);
      break;
    }

  return g_string_free (out, FALSE);
}

/**
 * ms_chart_get_row_project:
 * @row: a row of the chart, from its first (headings count as rows)
 *
 * What a click on a row of a long chart leads to.
 *
 * Returns: (transfer none) (nullable): the project of @row of the rates
 *   chart of @node, or %NULL for a heading, a row past the end or another kind
 */
MsProject *
ms_chart_get_row_project (MsChartKind  kind,
                          MsNode      *node,
                          guint        row)
{
  g_autoptr(GArray) rows = NULL;

  g_return_val_if_fail (MS_IS_NODE (node), NULL);

  if (kind != MS_CHART_RATES)
    return NULL;

  rows = collect_rate_rows (node);
  return row < rows->len ? g_array_index (rows, RateRow, row).project : NULL;
}
