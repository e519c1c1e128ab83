/* ms-chart-progress.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-chart-progress"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ms-chart-private.h"
#include "ms-l10n.h"

/* An indicator's figures by date (进展) as a line over the period, against
 * its target and its 序时进度. Every expected figure comes from
 * ms_indicator_get_expected_rate (): this file only draws it. */

#define T(text) ms_l10n_translate (p->language, text)

/* Values are written beside the points up to this many. */
#define MAX_LABELLED_POINTS 8

typedef struct
{
  MsPainter   *p;
  double       x;
  double       y;
  double       width;
  double       height;
  MsDate       first;
  MsDate       last;
  double       max_value;
  /* The indicator's unit as the file writes it: figures are in it. */
  const char  *unit;
} Plot;

static double
plot_x (const Plot *plot,
        MsDate      date)
{
  return plot->x + plot->width * ((double)date - plot->first) / MAX (1.0, (double)plot->last - plot->first);
}

static double
plot_y (const Plot *plot,
        double      value)
{
  return plot->y + plot->height - plot->height * value / plot->max_value;
}

static void
date_get_ymd (MsDate  date,
              int    *year,
              int    *month,
              int    *day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, date);
  *year = g_date_get_year (&d);
  *month = g_date_get_month (&d);
  *day = g_date_get_day (&d);
}

/* "9月30日", "30 Sep": short, and not from the process locale. */
static char *
format_short_date (MsPainter *p,
                   MsDate     date)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };
  int year, month, day;

  date_get_ymd (date, &year, &month, &day);
  if (ms_l10n_is_chinese (p->language))
    return g_strdup_printf ("%d月%d日", month, day);
  return g_strdup_printf ("%d %s", day, months[month - 1]);
}

static char *
format_month (MsPainter *p,
              int        month)
{
  static const char * const months[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  };

  if (ms_l10n_is_chinese (p->language))
    return g_strdup_printf ("%d月", month);
  return g_strdup (months[month - 1]);
}

/* 1, 2 or 5 times a power of ten, so that about four steps reach @max. */
static double
nice_step (double max)
{
  double raw = max / 4;
  double magnitude = pow (10, floor (log10 (raw)));
  double fraction = raw / magnitude;

  if (fraction <= 1)
    return magnitude;
  if (fraction <= 2)
    return 2 * magnitude;
  if (fraction <= 5)
    return 5 * magnitude;
  return 10 * magnitude;
}

static void
set_dash (MsPainter *p,
          gboolean   dashed)
{
  double dashes[] = { p->size * 0.6, p->size * 0.4 };

  cairo_set_dash (p->cr, dashes, dashed ? 2 : 0, 0);
}

/* One legend entry: a short line as drawn in the plot, then its words.
 * Returns the x after it, or @x when it did not fit. */
static double
paint_legend_entry (MsPainter     *p,
                    double         x,
                    double         y,
                    double         width,
                    const char    *text,
                    const MsColor *color,
                    gboolean       dashed,
                    gboolean       vertical)
{
  g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 0.85, FALSE, -1, 0, PANGO_ALIGN_LEFT);
  double sample = p->size * 1.8;
  double needed = sample + p->size * 0.4 + _ms_layout_width (layout);
  double mid = y + p->size * 0.65;

  if (x + needed > width)
    return x;

  cairo_save (p->cr);
  _ms_set_color (p->cr, color);
  cairo_set_line_width (p->cr, MAX (1.0, p->size * 0.2));
  set_dash (p, dashed);
  if (vertical)
    {
      cairo_move_to (p->cr, x + sample / 2, y);
      cairo_line_to (p->cr, x + sample / 2, y + p->size * 1.3);
    }
  else
    {
      cairo_move_to (p->cr, x, mid);
      cairo_line_to (p->cr, x + sample, mid);
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);

  _ms_painter_show (p, layout, x + sample + p->size * 0.4, mid - _ms_layout_height (layout) / 2,
                    &p->palette->foreground);
  return x + needed + p->size * 1.2;
}

/* Month ticks along the bottom, labelled as often as there is room. */
static void
paint_date_axis (const Plot *plot)
{
  MsPainter *p = plot->p;
  int year, month, day;
  int n_months;
  int every = 1;
  double month_width;

  date_get_ymd (plot->first, &year, &month, &day);
  n_months = (int)(((double)plot->last - plot->first) / 30.4) + 1;
  month_width = plot->width / MAX (1, n_months);
  while (every < 12 && month_width * every < p->size * 3.4)
    every = every < 3 ? every + 1 : every * 2;

  /* From the first month that starts in the plot. */
  if (day != 1)
    {
      month++;
      if (month > 12)
        {
          month = 1;
          year++;
        }
    }

  for (int i = 0;; i++)
    {
      MsDate date = ms_date_from_ymd (year, month, 1);
      double x;

      if (date == MS_DATE_NONE || date > plot->last)
        break;

      x = plot_x (plot, date);
      cairo_save (p->cr);
      _ms_set_color (p->cr, &p->palette->grid);
      cairo_set_line_width (p->cr, 0.5);
      cairo_move_to (p->cr, x, plot->y + plot->height);
      cairo_line_to (p->cr, x, plot->y + plot->height + p->size * 0.4);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);

      if (i % every == 0)
        {
          g_autofree char *label = format_month (p, month);
          g_autoptr(PangoLayout) layout = _ms_painter_layout (p, label, 0.8, FALSE, -1, 0, PANGO_ALIGN_LEFT);
          double lx = x - _ms_layout_width (layout) / 2;

          if (lx >= 0 && lx + _ms_layout_width (layout) <= plot->x + plot->width + p->size)
            _ms_painter_show (p, layout, lx, plot->y + plot->height + p->size * 0.45, &p->palette->muted);
        }

      month++;
      if (month > 12)
        {
          month = 1;
          year++;
        }
    }
}

/* Horizontal grid lines with their figures on the left. */
static void
paint_value_axis (const Plot *plot,
                  double      step)
{
  MsPainter *p = plot->p;

  for (double value = 0; value <= plot->max_value + 1e-9; value += step)
    {
      double y = plot_y (plot, value);
      g_autofree char *label = ms_l10n_format_figure_value (p->language, value, plot->unit);
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, label, 0.8, FALSE, -1, 0, PANGO_ALIGN_LEFT);

      cairo_save (p->cr);
      _ms_set_color (p->cr, &p->palette->grid);
      cairo_set_line_width (p->cr, 0.5);
      cairo_move_to (p->cr, plot->x, y);
      cairo_line_to (p->cr, plot->x + plot->width, y);
      cairo_stroke (p->cr);
      cairo_restore (p->cr);

      _ms_painter_show (p, layout, plot->x - p->size * 0.4 - _ms_layout_width (layout),
                        y - _ms_layout_height (layout) / 2, &p->palette->muted);
    }
}

/* The 序时进度 as figures: straight between the dates where the schedule
 * bends (period start, milestones, deadline), read from the schedule. */
static void
paint_expected (const Plot              *plot,
                MsIndicator             *indicator,
                const MsScheduleContext *context,
                MsDate                   deadline)
{
  MsPainter *p = plot->p;
  MsTimeline *plan = ms_indicator_get_plan (indicator);
  guint n_milestones = ms_timeline_get_n_entries (plan);
  double target = ms_indicator_get_target (indicator);
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (MsDate));
  gboolean started = FALSE;
  MsDate date;

  date = context->period_start;
  g_array_append_val (dates, date);
  for (guint i = 0; i < n_milestones; i++)
    {
      date = ms_timeline_get_entry (plan, i)->date;
      g_array_append_val (dates, date);
    }
  g_array_append_val (dates, deadline);
  g_array_append_val (dates, plot->last);

  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->foreground);
  cairo_set_line_width (p->cr, MAX (1.0, p->size * 0.18));
  set_dash (p, TRUE);
  for (guint i = 0; i < dates->len; i++)
    {
      double expected;

      date = g_array_index (dates, MsDate, i);
      if (date < plot->first || date > plot->last ||
          (i > 0 && date <= g_array_index (dates, MsDate, i - 1)))
        continue;
      if (!ms_indicator_get_expected_rate (indicator, context, deadline, date, &expected))
        break;
      if (!started)
        cairo_move_to (p->cr, plot_x (plot, date), plot_y (plot, expected * target));
      else
        cairo_line_to (p->cr, plot_x (plot, date), plot_y (plot, expected * target));
      started = TRUE;
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);

  /* The planned milestones, as open squares on the line. */
  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->foreground);
  cairo_set_line_width (p->cr, MAX (1.0, p->size * 0.12));
  for (guint i = 0; i < n_milestones; i++)
    {
      const MsTimelineEntry *milestone = ms_timeline_get_entry (plan, i);
      double half = p->size * 0.3;

      if (milestone->date < plot->first || milestone->date > plot->last)
        continue;
      cairo_rectangle (p->cr, plot_x (plot, milestone->date) - half, plot_y (plot, milestone->value) - half,
                       2 * half, 2 * half);
    }
  cairo_stroke (p->cr);
  cairo_restore (p->cr);
}

/* Writes @text centred above (x, y), inside the plot. */
static void
paint_point_label (const Plot *plot,
                   const char *text,
                   double      x,
                   double      y)
{
  MsPainter *p = plot->p;
  g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, 0.8, TRUE, -1, 0, PANGO_ALIGN_LEFT);
  double w = _ms_layout_width (layout);
  double h = _ms_layout_height (layout);
  double lx = CLAMP (x - w / 2, plot->x, plot->x + plot->width - w);
  double ly = MAX (plot->y, y - h - p->size * 0.35);

  /* A plate keeps the figure readable over grid and lines. */
  cairo_save (p->cr);
  _ms_set_color (p->cr, &p->palette->background);
  cairo_rectangle (p->cr, lx - 1, ly, w + 2, h);
  cairo_fill (p->cr);
  cairo_restore (p->cr);
  _ms_painter_show (p, layout, lx, ly, &p->palette->foreground);
}

/**
 * ms_chart_draw_progress:
 * @indicator: the indicator whose figures by date are drawn
 * @context: the document's date and period (ms_schedule_context_init ())
 * @deadline: when the target is due (ms_schedule_context_get_deadline ())
 * @info: (out) (optional): what was drawn
 *
 * Draws the progress history of @indicator in (0, 0, @width, @height): the
 * reported figures as a line with points (their values written when there
 * are few), the target as a level line, the 序时进度 as a dashed line from
 * the start of the period through the planned milestones to @deadline, and
 * the date the figures are read on. Without progress entries, the actual
 * is one point on that date. For an upper bound ("at most") there is no
 * 序时进度 line: the cap holds all year.
 */
void
ms_chart_draw_progress (cairo_t                 *cr,
                        double                   width,
                        double                   height,
                        MsIndicator             *indicator,
                        const MsScheduleContext *context,
                        MsDate                   deadline,
                        const MsChartOptions    *options,
                        MsChartInfo             *info)
{
  MsChartInfo scratch;
  MsPainter painter;
  MsPainter *p = &painter;
  MsTimeline *progress;
  MsTimeline *plan;
  guint n_entries;
  gboolean at_most;
  double target;
  double top = 0;
  double left;
  double step;
  double legend_x = 0;
  Plot plot = { 0 };
  g_autofree char *target_text = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *as_of_legend = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (MS_IS_INDICATOR (indicator));
  g_return_if_fail (context != NULL);
  g_return_if_fail (options != NULL);

  _ms_painter_init (p, cr, options, info ? info : &scratch);
  progress = ms_indicator_get_progress (indicator);
  plan = ms_indicator_get_plan (indicator);
  n_entries = ms_timeline_get_n_entries (progress);
  at_most = ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST;
  target = ms_indicator_get_target (indicator);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);

  if (options->fill_background)
    {
      _ms_set_color (cr, &options->palette.background);
      cairo_paint (cr);
    }

  if (options->show_title)
    {
      /* The unit as the axis figures are written: 万人次 in Chinese, person-times in English. */
      const char *unit = ms_l10n_present_figure (p->language, 0, ms_indicator_get_unit (indicator), NULL);
      g_autofree char *title = unit[0] != '\0'
                               ? g_strdup_printf ("%s (%s)", ms_indicator_get_name (indicator), unit)
                               : g_strdup (ms_indicator_get_name (indicator));

      top += _ms_painter_text (p, title, 0, 0, width, 1, 1.15, TRUE, PANGO_ALIGN_LEFT,
                               &p->palette->foreground) + p->size * 0.4;
    }

  /* The dates: the whole period, and any figure or deadline beyond it. */
  plot.p = p;
  plot.unit = ms_indicator_get_unit (indicator);
  plot.first = context->period_start;
  plot.last = MAX (context->period_end, deadline);
  plot.last = MAX (plot.last, context->as_of);
  plot.max_value = target;
  for (guint i = 0; i < n_entries; i++)
    {
      const MsTimelineEntry *entry = ms_timeline_get_entry (progress, i);

      plot.first = MIN (plot.first, entry->date);
      plot.last = MAX (plot.last, entry->date);
      plot.max_value = MAX (plot.max_value, entry->value);
    }
  for (guint i = 0; i < ms_timeline_get_n_entries (plan); i++)
    plot.max_value = MAX (plot.max_value, ms_timeline_get_entry (plan, i)->value);
  if (n_entries == 0 && ms_indicator_get_has_actual (indicator))
    plot.max_value = MAX (plot.max_value, ms_indicator_get_actual (indicator));
  if (plot.last <= plot.first)
    plot.last = plot.first + 1;
  if (!(plot.max_value > 0))
    plot.max_value = 1;
  step = nice_step (plot.max_value * 1.1);
  plot.max_value = ceil (plot.max_value * 1.1 / step) * step;

  /* Legend: one line, entries that do not fit are left out. */
  as_of_text = format_short_date (p, context->as_of);
  /* translators: legend of the progress chart: the date the figures are read on, such as "As of 30 Sep" */
  as_of_legend = g_strdup_printf (T (N_("As of %s")), as_of_text);
  legend_x = paint_legend_entry (p, legend_x, top, width, T (N_("Reported")), &p->palette->met, FALSE, FALSE);
  legend_x = paint_legend_entry (p, legend_x, top, width, T (N_("Target")), &p->palette->reference, FALSE, FALSE);
  if (!at_most)
    legend_x = paint_legend_entry (p, legend_x, top, width, T (N_("Expected by now")), &p->palette->foreground,
                                   TRUE, FALSE);
  paint_legend_entry (p, legend_x, top, width, as_of_legend, &p->palette->muted, FALSE, TRUE);
  top += p->size * 2.0;

  /* Room on the left for the widest figure. */
  {
    g_autofree char *widest = ms_l10n_format_figure_value (p->language, plot.max_value, plot.unit);
    g_autoptr(PangoLayout) layout = _ms_painter_layout (p, widest, 0.8, FALSE, -1, 0, PANGO_ALIGN_LEFT);

    left = _ms_layout_width (layout) + p->size * 0.8;
  }
  plot.x = left;
  plot.y = top + p->size * 0.6;
  plot.width = MAX (p->size * 4, width - left - p->size * 0.8);
  plot.height = MAX (p->size * 2, height - plot.y - p->size * 1.9);

  p->info->plot_x = plot.x;
  p->info->plot_y = plot.y;
  p->info->plot_width = plot.width;
  p->info->plot_height = plot.height;
  p->info->first_date = plot.first;
  p->info->last_date = plot.last;
  p->info->max_value = plot.max_value;

  paint_value_axis (&plot, step);
  paint_date_axis (&plot);

  /* The date the figures are read on. */
  cairo_save (cr);
  _ms_set_color (cr, &p->palette->muted);
  cairo_set_line_width (cr, MAX (1.0, p->size * 0.2));
  cairo_move_to (cr, plot_x (&plot, context->as_of), plot.y);
  cairo_line_to (cr, plot_x (&plot, context->as_of), plot.y + plot.height);
  cairo_stroke (cr);
  cairo_restore (cr);

  /* The target, level across the period, and its figure. */
  cairo_save (cr);
  _ms_set_color (cr, &p->palette->reference);
  cairo_set_line_width (cr, MAX (1.5, p->size * 0.2));
  cairo_move_to (cr, plot.x, plot_y (&plot, target));
  cairo_line_to (cr, plot.x + plot.width, plot_y (&plot, target));
  cairo_stroke (cr);
  cairo_restore (cr);
  {
    g_autofree char *figure = ms_l10n_format_figure (p->language, target, ms_indicator_get_unit (indicator));
    g_autoptr(PangoLayout) layout = NULL;

    if (at_most)
      /* translators: beside the target line of an upper bound, such as "Target ≤ 60人" */
      target_text = g_strdup_printf (T (N_("Target ≤ %s")), figure);
    else
      /* translators: beside the target line, such as "Target 150 公里" */
      target_text = g_strdup_printf (T (N_("Target %s")), figure);
    layout = _ms_painter_layout (p, target_text, 0.8, FALSE, -1, 0, PANGO_ALIGN_LEFT);
    /* At the left: on the right the 序时进度 line meets the target. */
    _ms_painter_show (p, layout, plot.x + p->size * 0.4,
                      plot_y (&plot, target) - _ms_layout_height (layout) - p->size * 0.15,
                      &p->palette->reference);
  }

  if (!at_most && target > 0)
    paint_expected (&plot, indicator, context, deadline);

  /* The reported figures: a line through the points. */
  if (n_entries > 0 || ms_indicator_get_has_actual (indicator))
    {
      guint n_points = MAX (1, n_entries);
      double radius = MAX (2.0, p->size * 0.35);

      cairo_save (cr);
      _ms_set_color (cr, &p->palette->met);
      cairo_set_line_width (cr, MAX (1.5, p->size * 0.25));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint i = 0; i < n_entries; i++)
        {
          const MsTimelineEntry *entry = ms_timeline_get_entry (progress, i);

          if (i == 0)
            cairo_move_to (cr, plot_x (&plot, entry->date), plot_y (&plot, entry->value));
          else
            cairo_line_to (cr, plot_x (&plot, entry->date), plot_y (&plot, entry->value));
        }
      cairo_stroke (cr);

      for (guint i = 0; i < n_points; i++)
        {
          MsDate date = n_entries > 0 ? ms_timeline_get_entry (progress, i)->date : context->as_of;
          double value = n_entries > 0 ? ms_timeline_get_entry (progress, i)->value
                                       : ms_indicator_get_actual (indicator);

          _ms_set_color (cr, &p->palette->met);
          cairo_arc (cr, plot_x (&plot, date), plot_y (&plot, value), radius, 0, 2 * G_PI);
          cairo_fill_preserve (cr);
          _ms_set_color (cr, &p->palette->background);
          cairo_set_line_width (cr, MAX (0.8, p->size * 0.1));
          cairo_stroke (cr);
          p->info->n_points++;
        }
      cairo_restore (cr);

      if (n_points <= MAX_LABELLED_POINTS)
        for (guint i = 0; i < n_points; i++)
          {
            MsDate date = n_entries > 0 ? ms_timeline_get_entry (progress, i)->date : context->as_of;
            double value = n_entries > 0 ? ms_timeline_get_entry (progress, i)->value
                                         : ms_indicator_get_actual (indicator);
            g_autofree char *label = ms_l10n_format_figure_value (p->language, value, plot.unit);

            paint_point_label (&plot, label, plot_x (&plot, date), plot_y (&plot, value) - radius);
          }
    }
  else
    {
      g_autoptr(PangoLayout) layout = _ms_painter_layout (p, T (N_("not reported yet")), 0.9, FALSE, -1, 0,
                                                          PANGO_ALIGN_LEFT);

      double lx = plot.x + (plot.width - _ms_layout_width (layout)) / 2;
      double ly = plot.y + (plot.height - _ms_layout_height (layout)) / 2;

      cairo_save (cr);
      _ms_set_color (cr, &p->palette->background);
      cairo_rectangle (cr, lx - p->size * 0.4, ly, _ms_layout_width (layout) + p->size * 0.8,
                       _ms_layout_height (layout));
      cairo_fill (cr);
      cairo_restore (cr);
      _ms_painter_show (p, layout, lx, ly, &p->palette->muted);
    }

  cairo_restore (cr);
  _ms_painter_clear (p);
}

/**
 * ms_chart_describe_progress:
 *
 * The progress chart in words, for screen readers: "Progress of
 * 新建农村公路: 56 of 150 公里, expected by now 75%".
 *
 * Returns: (transfer full): the description
 */
char *
ms_chart_describe_progress (MsIndicator             *indicator,
                            const MsScheduleContext *context,
                            MsDate                   deadline,
                            const char              *language)
{
  const char *lang = ms_l10n_normalize_language (language);
  g_autofree char *target = NULL;
  g_autofree char *figure = NULL;
  g_autofree char *expected_text = NULL;
  double expected;
  double value;

  g_return_val_if_fail (MS_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  target = ms_l10n_format_figure (lang, ms_indicator_get_target (indicator), ms_indicator_get_unit (indicator));

  /* The figure on the date, as every other figure reads it. */
  if (ms_indicator_get_figure_at (indicator, context->as_of, &value))
    figure = ms_l10n_format_figure_value (lang, value, ms_indicator_get_unit (indicator));

  if (ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST)
    {
      if (figure == NULL)
        /* translators: a progress chart's description: indicator, upper bound */
        return g_strdup_printf (ms_l10n_translate (lang, N_("Progress of %s: not reported yet, at most %s")),
                                ms_indicator_get_name (indicator), target);
      /* translators: a progress chart's description: indicator, figure, upper bound */
      return g_strdup_printf (ms_l10n_translate (lang, N_("Progress of %s: %s, at most %s")),
                              ms_indicator_get_name (indicator), figure, target);
    }

  if (!ms_indicator_get_expected_rate (indicator, context, deadline, context->as_of, &expected))
    expected = 1;
  expected_text = ms_l10n_format_percent (lang, expected);

  if (figure == NULL)
    /* translators: a progress chart's description: indicator, target, expected share by now (序时进度) */
    return g_strdup_printf (ms_l10n_translate (lang, N_("Progress of %s: not reported yet of %s, expected by now %s")),
                            ms_indicator_get_name (indicator), target, expected_text);
  /* translators: a progress chart's description: indicator, figure, target, expected share by now (序时进度),
   * such as "Progress of 新建农村公路: 56 of 150 公里, expected by now 75%" */
  return g_strdup_printf (ms_l10n_translate (lang, N_("Progress of %s: %s of %s, expected by now %s")),
                          ms_indicator_get_name (indicator), figure, target, expected_text);
}
