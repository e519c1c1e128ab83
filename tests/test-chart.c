/* test-chart.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ms-chart.h"
#include "ms-csv.h"
#include "ms-l10n.h"
#include "ms-schedule.h"
#include "test-util.h"

#define WIDTH  842
#define HEIGHT 595

static const char * const languages[] = { "zh_CN", "en" };

static cairo_surface_t *
render (MsChartKind  kind,
        MsNode      *node,
        const char  *language,
        double       width,
        double       height,
        guint        first_row,
        guint        n_rows,
        MsChartInfo *info)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)width, (int)height);
  cairo_t *cr = cairo_create (surface);
  MsChartOptions options;

  ms_chart_options_init (&options, language);
  options.font_size = 9;
  options.first_row = first_row;
  options.n_rows = n_rows;
  ms_chart_draw (cr, width, height, kind, node, &options, info);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       double           x,
       double           y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint32 *row = (const guint32 *)(data + (int)y * stride);

  return row[(int)x] & 0xffffff;
}

/* Does the colour appear in a few pixels around (x, y)? Hatching and
 * antialiasing make a single pixel unreliable. */
static gboolean
near_color (cairo_surface_t *surface,
            double           x,
            double           y,
            guint32          color)
{
  for (int dx = -2; dx <= 2; dx++)
    for (int dy = -2; dy <= 2; dy++)
      {
        if (pixel (surface, x + dx, y + dy) == color)
          return TRUE;
      }

  return FALSE;
}

/* The 100% line is the only dark ink between the rows. */
static gboolean
near_dark (cairo_surface_t *surface,
           double           x,
           double           y)
{
  for (int dx = -2; dx <= 2; dx++)
    {
      guint32 p = pixel (surface, x + dx, y);

      if (((p >> 16) & 0xff) < 0x70 && ((p >> 8) & 0xff) < 0x70 && (p & 0xff) < 0x70)
        return TRUE;
    }

  return FALSE;
}

static guint32
color_hex (const MsColor *color)
{
  return ((guint32)lround (color->red * 255) << 16) | ((guint32)lround (color->green * 255) << 8) |
         (guint32)lround (color->blue * 255);
}

static void
assert_text_inside (const MsChartInfo *info,
                    double             width,
                    double             height)
{
  g_assert_cmpuint (info->n_texts, >, 0);
  g_assert_cmpuint (info->n_unknown_glyphs, ==, 0);
  g_assert_cmpfloat (info->text_x1, >=, -0.5);
  g_assert_cmpfloat (info->text_y1, >=, -0.5);
  g_assert_cmpfloat (info->text_x2, <=, width + 0.5);
  g_assert_cmpfloat (info->text_y2, <=, height + 0.5);
}

static void
test_every_chart_renders (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsCategory *category = ms_document_get_category (document, 0);
  MsProject *project = ms_group_get_project (ms_category_get_group (category, 9), 0);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      struct {
        MsChartKind  kind;
        MsNode      *node;
      } charts[] = {
        { MS_CHART_OVERVIEW, MS_NODE (document) },
        { MS_CHART_RATES, MS_NODE (category) },
        { MS_CHART_PROJECT, MS_NODE (project) },
        { MS_CHART_DEPARTMENTS, MS_NODE (document) },
      };

      for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
        {
          MsChartInfo info;
          cairo_surface_t *surface = render (charts[c].kind, charts[c].node, languages[l],
                                             WIDTH, HEIGHT, 0, 0, &info);

          g_test_message ("%s %s: %u texts", languages[l], ms_chart_kind_to_string (charts[c].kind), info.n_texts);
          assert_text_inside (&info, WIDTH, HEIGHT);
          cairo_surface_destroy (surface);
        }
    }
}

/* A document whose rates are known: 50%, 100%, 150% and 300%, one figure not
 * reported, one project without a quantitative target. */
static MsDocument *
make_rates_document (void)
{
  static const double actuals[] = { 50, 100, 150, 300, -1 };
  MsDocument *document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();

  ms_category_set_id (category, "municipal");
  ms_category_set_title (category, "市重点民生实事");
  for (guint i = 0; i <= G_N_ELEMENTS (actuals); i++)
    {
      g_autoptr(MsProject) project = ms_project_new ();

      ms_project_set_number (project, i + 1);
      ms_project_set_target (project, "新建农村公路100公里。");
      if (i < G_N_ELEMENTS (actuals))
        {
          g_autoptr(MsIndicator) indicator = ms_indicator_new ();

          ms_indicator_set_name (indicator, "新建农村公路");
          ms_indicator_set_unit (indicator, "公里");
          ms_indicator_set_target (indicator, 100);
          if (actuals[i] >= 0)
            ms_indicator_set_actual (indicator, actuals[i]);
          ms_project_insert_indicator (project, 0, indicator);
        }
      ms_group_insert_project (group, G_MAXUINT, project);
    }
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (document, 0, category);

  return document;
}

static void
test_rates_land_where_numbers_say (void)
{
  g_autoptr(MsDocument) document = make_rates_document ();
  MsChartOptions options;
  MsChartInfo info;
  cairo_surface_t *surface = render (MS_CHART_RATES, MS_NODE (document), "en", WIDTH, HEIGHT, 0, 0, &info);
  guint32 met, unmet, track, reference;
  double unit, y;

  ms_chart_options_init (&options, "en");
  met = color_hex (&options.palette.met);
  unmet = color_hex (&options.palette.unmet);
  track = color_hex (&options.palette.track);
  reference = color_hex (&options.palette.reference);

  assert_text_inside (&info, WIDTH, HEIGHT);
  g_assert_cmpuint (info.n_bars, ==, 4);
  g_assert_cmpfloat (info.zero_x, >, 0);
  g_assert_cmpfloat (info.reference_x, >, info.zero_x);
  unit = info.reference_x - info.zero_x;

  /* Row 0 is the category's heading; the bars follow. */
  g_assert_cmphex (pixel (surface, info.zero_x + unit * 0.5, info.rows_y + info.row_height * 0.5), ==,
                   color_hex (&options.palette.background));

  /* 50%: an unmet bar ends halfway to the 100% line. */
  y = info.rows_y + info.row_height * 1.5;
  g_assert_true (near_color (surface, info.zero_x + unit * 0.5 - 4, y, unmet));
  g_assert_false (near_color (surface, info.zero_x + unit * 0.5 + 4, y, unmet));

  /* 100%: a met bar up to the line. */
  y = info.rows_y + info.row_height * 2.5;
  g_assert_cmphex (pixel (surface, info.zero_x + unit - 4, y), ==, met);
  g_assert_false (near_color (surface, info.zero_x + unit + 4, y, met));

  /* 150% reaches past the line by half. */
  y = info.rows_y + info.row_height * 3.5;
  g_assert_cmphex (pixel (surface, info.zero_x + unit * 1.5 - 4, y), ==, met);
  g_assert_false (near_color (surface, info.zero_x + unit * 1.5 + 4, y, met));

  /* 300% runs off the scale: drawn to the end of the bar area. */
  y = info.rows_y + info.row_height * 4.5;
  g_assert_cmphex (pixel (surface, info.zero_x + unit * 1.9, y), ==, met);

  /* Not reported and no target: no bar, the track instead of 0%. */
  y = info.rows_y + info.row_height * 5.5;
  g_assert_cmphex (pixel (surface, info.zero_x + unit * 1.5, y), ==, track);
  y = info.rows_y + info.row_height * 6.5;
  g_assert_cmphex (pixel (surface, info.zero_x + unit * 1.5, y), ==, track);

  /* The 100% line crosses the rows between bars. */
  y = info.rows_y + info.row_height * 5.05;
  g_assert_true (near_dark (surface, info.reference_x, y));
  g_assert_false (near_dark (surface, info.reference_x + 8, y));
  g_assert_false (near_dark (surface, info.reference_x - 8, y));
  (void)reference;

  cairo_surface_destroy (surface);
}

/* The document's rows come under one heading per category, headings count
 * as rows, and the natural height holds them all. */
static void
test_rates_grouped_by_category (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  guint n_categories = g_list_model_get_n_items (ms_document_get_categories (document));
  guint expected_rows = n_categories;
  g_autoptr(GListModel) rows = ms_chart_collect_rows (MS_CHART_RATES, MS_NODE (document), "zh_CN");
  g_autoptr(MsChartRow) first = NULL;
  g_autoptr(MsChartRow) first_of_second = NULL;
  MsChartRow *bridges = NULL;
  MsChartOptions options;
  MsChartInfo info;
  cairo_surface_t *surface;
  double height;
  guint heading = 0;

  g_assert_cmpuint (n_categories, ==, 2);
  for (guint c = 0; c < n_categories; c++)
    expected_rows += ms_chart_count_rows (MS_CHART_RATES, MS_NODE (ms_document_get_category (document, c)));
  /* 12 + 20 projects, 58 indicators, 3 projects without one. */
  g_assert_cmpuint (ms_chart_count_rows (MS_CHART_RATES, MS_NODE (document)), ==, expected_rows);
  /* The table has the rows without the headings: each row carries its category. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, expected_rows - n_categories);
  heading = 1 + ms_chart_count_rows (MS_CHART_RATES, MS_NODE (ms_document_get_category (document, 0)));
  first = g_list_model_get_item (rows, 0);
  first_of_second = g_list_model_get_item (rows, heading - 1);
  g_assert_cmpstr (ms_chart_row_get_group (first), ==, ms_category_get_title (ms_document_get_category (document, 0)));
  g_assert_cmpstr (ms_chart_row_get_group (first_of_second), ==,
                   ms_category_get_title (ms_document_get_category (document, 1)));
  g_assert_true (g_str_has_prefix (ms_chart_row_get_project_label (first), "1. "));
  g_assert_true (g_str_has_prefix (ms_chart_row_get_project_label (first_of_second), "1. "));
  /* A row names its project and the indicator, its figures, and where it
   * stands in words as well as colour. */
  for (guint i = 0; i < heading - 1; i++)
    {
      g_autoptr(MsChartRow) row = g_list_model_get_item (rows, i);

      if (g_strcmp0 (ms_chart_row_get_indicator_name (row), "改造危旧桥梁") == 0)
        bridges = row;
    }
  g_assert_nonnull (bridges);
  g_assert_cmpstr (ms_chart_row_get_project_label (bridges), ==, "5. 新、改建农村公路80公里");
  g_assert_cmpstr (ms_chart_row_get_target (bridges), ==, "20座");
  g_assert_cmpstr (ms_chart_row_get_actual (bridges), ==, "28座");
  g_assert_cmpstr (ms_chart_row_get_rate (bridges), ==, "140%");
  g_assert_cmpstr (ms_chart_row_get_state (bridges), ==, "已完成");

  /* A category's own chart has its title, and no heading row. */
  g_assert_cmpuint (ms_chart_count_rows (MS_CHART_RATES, MS_NODE (ms_document_get_category (document, 0))), ==,
                    heading - 1);

  /* At the natural height, every row is drawn and nothing runs off. */
  ms_chart_options_init (&options, "zh_CN");
  options.font_size = 9;
  height = ceil (ms_chart_get_natural_height (MS_CHART_RATES, MS_NODE (document), &options));
  surface = render (MS_CHART_RATES, MS_NODE (document), "zh_CN", WIDTH, height, 0, 0, &info);
  assert_text_inside (&info, WIDTH, height);
  g_assert_cmpfloat (info.rows_y + expected_rows * info.row_height, <=, height);
  g_assert_cmpfloat (info.rows_y + (expected_rows + 1) * info.row_height, >, height);
  /* Headings are not bars: 58 indicators, 4 of them not reported. */
  g_assert_cmpuint (info.n_bars, <, expected_rows - n_categories);
  cairo_surface_destroy (surface);
}

/* 序时进度 on the rates chart: a mark where the schedule says, none in a
 * year-end file (the legend says it is 100% for all). */
static void
test_rates_expected_mark (void)
{
  for (guint year_end = 0; year_end < 2; year_end++)
    {
      g_autoptr(MsDocument) document = ms_document_new ();
      g_autoptr(MsCategory) category = ms_category_new ();
      g_autoptr(MsGroup) group = ms_group_new ();
      g_autoptr(MsProject) project = ms_project_new ();
      g_autoptr(MsIndicator) indicator = ms_indicator_new ();
      MsDate start = ms_date_from_ymd (2025, 1, 1);
      MsDate end = ms_date_from_ymd (2025, 12, 31);
      MsDate as_of = start + (end - start) / 2;
      cairo_surface_t *surface;
      MsChartInfo info;
      double unit, mark_x, y;

      ms_category_set_id (category, "municipal");
      ms_category_set_title (category, "市重点民生实事");
      ms_project_set_number (project, 1);
      ms_project_set_target (project, "新建农村公路100公里。");
      ms_indicator_set_name (indicator, "新建农村公路");
      ms_indicator_set_unit (indicator, "公里");
      ms_indicator_set_target (indicator, 100);
      ms_indicator_set_actual (indicator, 20);
      ms_project_insert_indicator (project, 0, indicator);
      ms_group_insert_project (group, 0, project);
      ms_category_insert_group (category, 0, group);
      ms_document_insert_category (document, 0, category);
      ms_document_set_period (document, start, end);
      if (!year_end)
        ms_document_set_as_of (document, as_of);

      surface = render (MS_CHART_RATES, MS_NODE (document), "en", WIDTH, HEIGHT, 0, 0, &info);
      assert_text_inside (&info, WIDTH, HEIGHT);
      unit = info.reference_x - info.zero_x;
      mark_x = info.zero_x + unit * 0.5;
      /* Row 1, past the 20% bar: the mark's stem is the only ink here. */
      y = info.rows_y + info.row_height * 1.5;
      g_assert_cmpuint (near_dark (surface, mark_x, y), ==, !year_end);
      /* (The value is written just after the mark.) */
      g_assert_false (near_dark (surface, mark_x - 8, y));
      cairo_surface_destroy (surface);
    }
}

static gboolean
is_dark (guint32 p)
{
  return ((p >> 16) & 0xff) < 0x70 && ((p >> 8) & 0xff) < 0x70 && (p & 0xff) < 0x70;
}

/* The share of points on the segment from (x1, y1) to (x2, y2) that have
 * dark ink within a pixel above or below. */
static double
dark_share (cairo_surface_t *surface,
            double           x1,
            double           y1,
            double           x2,
            double           y2)
{
  guint n_dark = 0;
  const guint n = 200;

  for (guint i = 0; i < n; i++)
    {
      double x = x1 + (x2 - x1) * (i + 0.5) / n;
      double y = y1 + (y2 - y1) * (i + 0.5) / n;

      if (is_dark (pixel (surface, x, y - 1)) || is_dark (pixel (surface, x, y)) ||
          is_dark (pixel (surface, x, y + 1)))
        n_dark++;
    }

  return (double)n_dark / n;
}

static double
progress_x (const MsChartInfo *info,
            MsDate             date)
{
  return info->plot_x + info->plot_width * ((double)date - info->first_date) /
                        ((double)info->last_date - info->first_date);
}

static double
progress_y (const MsChartInfo *info,
            double             value)
{
  return info->plot_y + info->plot_height * (1 - value / info->max_value);
}

/* An indicator's figures by date: 0, 1 and many entries, and an upper bound. */
static void
test_progress_chart (void)
{
  static const double values[] = { 12, 38, 56, 70, 81, 90, 99, 104, 120, 133 };
  MsDate start = ms_date_from_ymd (2025, 1, 1);
  MsDate end = ms_date_from_ymd (2025, 12, 31);
  MsScheduleContext context;

  context.period_start = start;
  context.period_end = end;
  context.as_of = ms_date_from_ymd (2025, 9, 30);
  ms_thresholds_init_default (&context.thresholds);

  for (guint at_most = 0; at_most < 2; at_most++)
    for (guint n = 0; n <= G_N_ELEMENTS (values); n += (n == 0 ? 1 : n == 1 ? 2 : 7))
      for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
        {
          g_autoptr(MsIndicator) indicator = ms_indicator_new ();
          g_autoptr(MsTimeline) progress = ms_timeline_new ();
          g_autofree char *description = NULL;
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 260);
          cairo_t *cr = cairo_create (surface);
          MsChartOptions options;
          MsChartInfo info;
          double target_y, share;

          ms_indicator_set_name (indicator, "新建农村公路");
          ms_indicator_set_unit (indicator, "公里");
          ms_indicator_set_target (indicator, 150);
          if (at_most)
            ms_indicator_set_comparison (indicator, MS_COMPARISON_AT_MOST);
          for (guint i = 0; i < n; i++)
            ms_timeline_append (progress, start + 20 + i * 25, values[i], "");
          ms_indicator_set_progress (indicator, progress);

          ms_chart_options_init (&options, languages[l]);
          options.font_size = 9;
          ms_chart_draw_progress (cr, 640, 260, indicator, &context, end, &options, &info);
          cairo_destroy (cr);
          cairo_surface_flush (surface);
          g_test_message ("%s, %u entries%s: %u texts", languages[l], n, at_most ? ", at most" : "", info.n_texts);

          assert_text_inside (&info, 640, 260);
          g_assert_cmpuint (info.n_points, ==, n);
          g_assert_cmpuint (info.first_date, ==, start);
          g_assert_cmpuint (info.last_date, ==, end);
          g_assert_cmpfloat (info.max_value, >=, 150);

          /* The target: a level line at 150, and nothing just above or below. */
          target_y = progress_y (&info, 150);
          g_assert_cmpfloat (dark_share (surface, info.plot_x + info.plot_width * 0.3, target_y,
                                         info.plot_x + info.plot_width * 0.6, target_y), >, 0.95);
          g_assert_cmpfloat (dark_share (surface, info.plot_x + info.plot_width * 0.3, target_y - 5,
                                         info.plot_x + info.plot_width * 0.6, target_y - 5), <, 0.1);

          /* 序时进度: dashed from (start, 0) to (deadline, 150), half ink and half
           * gaps; an upper bound holds all year and has none. */
          share = dark_share (surface, progress_x (&info, start + 15), progress_y (&info, 150.0 * 15 / (end - start)),
                              progress_x (&info, end - 15), progress_y (&info, 150.0 * (end - start - 15) / (end - start)));
          if (at_most)
            g_assert_cmpfloat (share, <, 0.15);
          else
            {
              g_assert_cmpfloat (share, >, 0.35);
              g_assert_cmpfloat (share, <, 0.9);
            }

          /* The points sit on their figures. */
          if (n > 0)
            {
              guint32 met = color_hex (&options.palette.met);
              const MsTimelineEntry *first = ms_timeline_get_entry (progress, 0);

              g_assert_true (near_color (surface, progress_x (&info, first->date), progress_y (&info, first->value), met));
            }

          description = ms_chart_describe_progress (indicator, &context, end, languages[l]);
          g_assert_nonnull (strstr (description, "新建农村公路"));
          cairo_surface_destroy (surface);
        }

  /* No figures by date, only an actual (a year-end file): one point on the
   * date the figures are read on. */
  {
    g_autoptr(MsIndicator) indicator = ms_indicator_new ();
    g_autofree char *description = NULL;
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 640, 260);
    cairo_t *cr = cairo_create (surface);
    MsChartOptions options;
    MsChartInfo info;

    ms_indicator_set_name (indicator, "新建农村公路");
    ms_indicator_set_unit (indicator, "公里");
    ms_indicator_set_target (indicator, 150);
    ms_indicator_set_actual (indicator, 56);
    ms_chart_options_init (&options, "zh_CN");
    options.font_size = 9;
    ms_chart_draw_progress (cr, 640, 260, indicator, &context, end, &options, &info);
    cairo_destroy (cr);
    cairo_surface_flush (surface);

    assert_text_inside (&info, 640, 260);
    g_assert_cmpuint (info.n_points, ==, 1);
    g_assert_true (near_color (surface, progress_x (&info, context.as_of), progress_y (&info, 56),
                               color_hex (&options.palette.met)));
    description = ms_chart_describe_progress (indicator, &context, end, "en");
    g_assert_nonnull (strstr (description, "56 of 150"));
    cairo_surface_destroy (surface);
  }
}

static void
test_screen_palettes (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();

  /* Dark and high contrast: same layout, every glyph found, ink on the page. */
  for (guint variant = 0; variant < 3; variant++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
      cairo_t *cr = cairo_create (surface);
      MsChartOptions options;
      MsChartInfo info;

      ms_chart_options_init (&options, "zh_CN");
      if (variant == 0)
        ms_chart_palette_init_dark (&options.palette, FALSE);
      else if (variant == 1)
        ms_chart_palette_init_dark (&options.palette, TRUE);
      else
        ms_chart_palette_init_high_contrast (&options.palette);
      ms_chart_draw (cr, WIDTH, HEIGHT, MS_CHART_RATES, MS_NODE (document), &options, &info);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      assert_text_inside (&info, WIDTH, HEIGHT);
      /* The background is the palette's, not white paper. */
      g_assert_cmphex (pixel (surface, WIDTH - 2, HEIGHT - 2), ==, color_hex (&options.palette.background));
      cairo_surface_destroy (surface);
    }
}

static void
test_at_most_rates (void)
{
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();
  g_autofree char *summary = NULL;

  /* 控制在60人以内, 52: better than the target. */
  ms_indicator_set_target (indicator, 60);
  ms_indicator_set_actual (indicator, 52);
  ms_indicator_set_unit (indicator, "人");
  ms_indicator_set_comparison (indicator, MS_COMPARISON_AT_MOST);
  summary = ms_chart_format_indicator (indicator, "zh_CN");
  g_assert_cmpstr (summary, ==, "≤ 60人 → 52人（115.4%）");
}

/* The height a chart asks for on screen holds all of it, at any width the
 * window gives it. */
static void
test_natural_height_holds_chart (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsCategory *category = ms_document_get_category (document, 0);
  MsProject *project = ms_group_get_project (ms_category_get_group (category, 9), 0);
  const double widths[] = { 300, 560, 730, 1100 };
  struct {
    MsChartKind  kind;
    MsNode      *node;
  } charts[] = {
    { MS_CHART_OVERVIEW, MS_NODE (document) },
    { MS_CHART_RATES, MS_NODE (category) },
    { MS_CHART_PROJECT, MS_NODE (project) },
    { MS_CHART_DEPARTMENTS, MS_NODE (document) },
  };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          MsChartOptions options;
          MsChartInfo info;
          cairo_surface_t *surface;
          double height;

          ms_chart_options_init (&options, languages[l]);
          options.font_size = 9;
          height = ceil (ms_chart_get_natural_height (charts[c].kind, charts[c].node, &options));
          surface = render (charts[c].kind, charts[c].node, languages[l], widths[w], height, 0, 0, &info);
          g_test_message ("%s %s at %g: %g high", languages[l], ms_chart_kind_to_string (charts[c].kind),
                          widths[w], height);
          assert_text_inside (&info, widths[w], height);
          cairo_surface_destroy (surface);
        }
}

static void
test_many_projects_fit (void)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (200);
  MsChartOptions options;
  guint rows;
  guint per_page;

  ms_chart_options_init (&options, "zh_CN");
  options.font_size = 9;
  rows = ms_chart_count_rows (MS_CHART_RATES, MS_NODE (document));
  /* 200 projects of 3 indicators under one category heading. */
  g_assert_cmpuint (rows, ==, 601);
  per_page = (guint)((HEIGHT - 60) / ms_chart_get_row_height (MS_CHART_RATES, &options));

  /* Page by page, nothing runs off, long names are cut, not overlapping. */
  for (guint first = 0; first < rows; first += per_page * 7)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        MsChartInfo info;
        cairo_surface_t *surface = render (MS_CHART_RATES, MS_NODE (document), languages[l],
                                           WIDTH, HEIGHT, first, per_page, &info);

        assert_text_inside (&info, WIDTH, HEIGHT);
        g_assert_cmpfloat (info.rows_y + per_page * info.row_height, <=, HEIGHT);
        cairo_surface_destroy (surface);
      }

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      MsChartInfo info;
      cairo_surface_t *surface = render (MS_CHART_OVERVIEW, MS_NODE (document), languages[l],
                                         WIDTH, HEIGHT, 0, 0, &info);

      assert_text_inside (&info, WIDTH, HEIGHT);
      cairo_surface_destroy (surface);
    }
}

/* The rows of a chart as words are the rows it draws: the same projects in
 * the same order, a bar for each row with a rate, the state it keys. */
static void
test_rows_follow_chart (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsNode *category = MS_NODE (ms_document_get_category (document, 1));
  g_autoptr(GListModel) rates = ms_chart_collect_rows (MS_CHART_RATES, category, "en");
  g_autoptr(GListModel) overview = ms_chart_collect_rows (MS_CHART_OVERVIEW, MS_NODE (document), "en");
  guint n_rates = g_list_model_get_n_items (rates);
  guint n_with_rate = 0;
  MsProject *project = NULL;
  g_autoptr(GListModel) project_rows = NULL;
  MsChartOptions options;
  MsChartInfo info;
  cairo_surface_t *surface;

  ms_chart_options_init (&options, "en");
  options.font_size = 9;
  g_assert_cmpuint (n_rates, ==, ms_chart_count_rows (MS_CHART_RATES, category));
  for (guint i = 0; i < n_rates; i++)
    {
      g_autoptr(MsChartRow) row = g_list_model_get_item (rates, i);
      MsIndicator *indicator = ms_chart_row_get_indicator (row);

      /* A category's own chart: its title says the group. */
      g_assert_null (ms_chart_row_get_group (row));
      g_assert_true (ms_chart_row_get_project (row) == ms_chart_get_row_project (MS_CHART_RATES, category, i));
      g_assert_cmpstr (ms_chart_row_get_indicator_name (row), ==, indicator ? ms_indicator_get_name (indicator) : "");
      g_assert_cmpstr (ms_chart_row_get_state (row), !=, "");
      if (g_strcmp0 (ms_chart_row_get_rate (row), "—") != 0)
        n_with_rate++;
      if (indicator != NULL && project == NULL)
        project = ms_chart_row_get_project (row);
    }

  surface = render (MS_CHART_RATES, category, "en", 900, ms_chart_get_natural_height (MS_CHART_RATES, category, &options),
                    0, 0, &info);
  g_assert_cmpuint (info.n_bars, ==, n_with_rate);
  cairo_surface_destroy (surface);

  /* One project's chart: its indicators, no group. */
  project_rows = ms_chart_collect_rows (MS_CHART_PROJECT, MS_NODE (project), "en");
  g_assert_cmpuint (g_list_model_get_n_items (project_rows), ==,
                    g_list_model_get_n_items (ms_project_get_indicators (project)));

  /* The overview keys projects by the status the file gives. */
  for (guint i = 0; i < g_list_model_get_n_items (overview); i++)
    {
      g_autoptr(MsChartRow) row = g_list_model_get_item (overview, i);

      g_assert_cmpstr (ms_chart_row_get_state (row), ==,
                       ms_status_get_label_untranslated (ms_project_get_status (ms_chart_row_get_project (row))));
      g_assert_nonnull (ms_chart_row_get_group (row));
    }
}

static void
test_describe (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autofree char *overview = ms_chart_describe (MS_CHART_OVERVIEW, MS_NODE (document), "en");
  g_autofree char *overview_zh = ms_chart_describe (MS_CHART_OVERVIEW, MS_NODE (document), "zh_CN");
  g_autofree char *rates = ms_chart_describe (MS_CHART_RATES, MS_NODE (document), "en");
  g_autofree char *rates_zh = ms_chart_describe (MS_CHART_RATES, MS_NODE (ms_document_get_category (document, 0)),
                                                 "zh_CN");
  g_autofree char *title = ms_chart_dup_title (MS_CHART_RATES, MS_NODE (ms_document_get_category (document, 0)), "en");

  /* A sentence or two: what it shows and the headline figure, not every row. */
  g_assert_cmpstr (overview, ==, "Status of 32 projects, by category. Not started: 0. In progress: 1. "
                                 "Completed: 31. Delayed: 0.");
  g_assert_nonnull (strstr (overview_zh, "已完成"));
  g_assert_cmpstr (rates, ==, "Target against actual for 58 indicators. 55 met their targets; behind schedule: 0.");
  g_test_message ("%s", rates_zh);
  g_assert_null (strchr (rates_zh, '\n'));
  g_assert_nonnull (strstr (rates_zh, "27项指标的目标与完成情况。"));
  g_assert_cmpuint (g_utf8_strlen (rates_zh, -1), <, 100);
  g_assert_true (g_str_has_prefix (title, "Completion rates: "));
}

static void
test_number_formats (void)
{
  static const struct {
    const char *language;
    double      value;
    const char *unit;
    const char *expected;
  } figures[] = {
    { "zh_CN", 4.7, "万人次", "4.7万人次" },
    { "en", 4.7, "万人次", "47,000 person-times" },
    { "zh_CN", 1.1778, "亿元", "1.18亿元" },
    { "en", 1.1778, "亿元", "117,780,000 yuan" },
    { "zh_CN", 85.37, "%", "85.37%" },
    { "en", 85.37, "%", "85.37%" },
    { "zh_CN", 113.9, "公里", "113.9公里" },
    { "en", 113.9, "公里", "113.9 km" },
    { "zh_CN", 47350, "人", "47350人" },
    { "en", 47350, "人", "47,350 people" },
    { "zh_CN", 113000, "人", "11.3万人" },
    { "zh_CN", 250000000, "元", "2.5亿元" },
    { "en", 2500000000.0, "元", "2,500,000,000 yuan" },
    { "en", 0, "", "0" },
  };
  g_autoptr(GDateTime) date = g_date_time_new_utc (2024, 11, 29, 9, 0, 0);
  g_autofree char *zh_date = ms_l10n_format_date ("zh_CN", date);
  g_autofree char *en_date = ms_l10n_format_date ("en", date);
  g_autofree char *rate = ms_l10n_format_percent ("en", 1.875);
  g_autofree char *big_rate = ms_l10n_format_percent ("en", 30.15);

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *text = ms_l10n_format_figure (figures[i].language, figures[i].value, figures[i].unit);

      g_assert_cmpstr (text, ==, figures[i].expected);
    }

  g_assert_cmpstr (zh_date, ==, "2024年11月29日");
  g_assert_cmpstr (en_date, ==, "29 November 2024");
  g_assert_cmpstr (rate, ==, "187.5%");
  g_assert_cmpstr (big_rate, ==, "3015%");
}

static void
test_translate_any_language (void)
{
  /* Whatever the interface language, a report can be in either. */
  g_assert_cmpstr (ms_l10n_translate ("en", "Completed"), ==, "Completed");
  g_assert_cmpstr (ms_l10n_translate ("zh_CN", "Completed"), ==, "已完成");
  g_assert_cmpstr (ms_l10n_translate ("zh", "Page %u of %u"), !=, "Page %u of %u");
  g_assert_cmpstr (ms_l10n_translate ("zh_CN", "a string nobody translated"), ==, "a string nobody translated");
  g_assert_true (ms_l10n_is_chinese ("zh_CN"));
  g_assert_false (ms_l10n_is_chinese ("en_GB"));
}

static void
test_csv (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  MsProject *project = ms_group_get_project (ms_category_get_group (ms_document_get_category (document, 0), 0), 0);
  gsize size;
  const char *data;

  /* A field with a comma, a quote and a line break is quoted, quotes doubled. */
  ms_project_set_note (project, "备注,含逗号 \"引号\"\n第二行");

  bytes = ms_csv_export (document, "zh_CN", TRUE);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  text = g_strndup (data + 3, size - 3);
  g_assert_true (g_str_has_prefix (text, "类别,"));
  g_assert_nonnull (strstr (text, "\"备注,含逗号 \"\"引号\"\"\n第二行\""));
  g_assert_true (g_str_has_suffix (text, "\r\n"));

  /* 32 projects, one heading; rows end with CRLF (the note's LF stays inside quotes). */
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 32 + 1);
  g_assert_nonnull (strstr (lines[5], "新建农村公路,公里,80,113.9,142.4%"));

  plain = ms_csv_export (document, "en", FALSE);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (plain, NULL), "Category,Group,Number,Target"));
}

/* A click on a row of the rates chart leads to the row's project; a
 * category's heading and what lies past the end lead nowhere. */
static void
test_row_project (void)
{
  g_autoptr(MsDocument) document = make_rates_document ();
  MsCategory *category = ms_document_get_category (document, 0);
  MsProject *first = ms_group_get_project (ms_category_get_group (category, 0), 0);
  MsProject *second = ms_group_get_project (ms_category_get_group (category, 0), 1);

  /* On the document, row 0 is the category's heading. */
  g_assert_null (ms_chart_get_row_project (MS_CHART_RATES, MS_NODE (document), 0));
  g_assert_true (ms_chart_get_row_project (MS_CHART_RATES, MS_NODE (document), 1) == first);
  g_assert_true (ms_chart_get_row_project (MS_CHART_RATES, MS_NODE (document), 2) == second);
  /* A category's own chart has no heading. */
  g_assert_true (ms_chart_get_row_project (MS_CHART_RATES, MS_NODE (category), 0) == first);
  g_assert_null (ms_chart_get_row_project (MS_CHART_RATES, MS_NODE (document), 1000));
  g_assert_null (ms_chart_get_row_project (MS_CHART_OVERVIEW, MS_NODE (document), 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/every-chart-renders", test_every_chart_renders);
  g_test_add_func ("/chart/row-project", test_row_project);
  g_test_add_func ("/chart/rates-land-where-numbers-say", test_rates_land_where_numbers_say);
  g_test_add_func ("/chart/at-most-rates", test_at_most_rates);
  g_test_add_func ("/chart/screen-palettes", test_screen_palettes);
  g_test_add_func ("/chart/natural-height-holds-chart", test_natural_height_holds_chart);
  g_test_add_func ("/chart/many-projects-fit", test_many_projects_fit);
  g_test_add_func ("/chart/describe", test_describe);
  g_test_add_func ("/chart/rows-follow-chart", test_rows_follow_chart);
  g_test_add_func ("/chart/number-formats", test_number_formats);
  g_test_add_func ("/chart/translate-any-language", test_translate_any_language);
  g_test_add_func ("/chart/csv", test_csv);
  g_test_add_func ("/chart/rates-grouped-by-category", test_rates_grouped_by_category);
  g_test_add_func ("/chart/rates-expected-mark", test_rates_expected_mark);
  g_test_add_func ("/chart/progress", test_progress_chart);

  return g_test_run ();
}
