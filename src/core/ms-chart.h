/* ms-chart.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ms-chart-row.h"
#include "ms-document.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

/* One renderer for screen, print and export: every chart draws on a cairo_t
 * of a given size in user units (pixels on screen, points on paper). */

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} MsColor;

typedef struct
{
  MsColor background;
  MsColor foreground;
  MsColor muted;
  MsColor grid;
  MsColor track;
  MsColor met;
  MsColor unmet;
  MsColor reference;
  MsColor status[MS_N_STATUSES];
  /* Bars of the rates chart, by where each indicator stands (序时进度). */
  MsColor schedule[MS_N_SCHEDULES];
} MsChartPalette;

typedef enum
{
  MS_CHART_OVERVIEW,
  MS_CHART_RATES,
  MS_CHART_PROJECT,
  MS_CHART_DEPARTMENTS,
} MsChartKind;

typedef struct
{
  /* "zh_CN", "en", or NULL for the interface language. */
  const char     *language;
  MsChartPalette  palette;
  /* Base text size in user units. */
  double          font_size;
  gboolean        show_title;
  gboolean        fill_background;
  /* Rows of a long chart (rates, departments) for one page; 0 rows: all. */
  guint           first_row;
  guint           n_rows;
  /* The part of the chart on screen, in chart coordinates: rows outside it
   * keep their place but are not laid out (a list of 10 000 rows scrolls). */
  double          visible_top;
  double          visible_bottom;
  /* (nullable): the fonts to draw text with, such as those a PDF embeds;
   * the default font map when unset. */
  PangoFontMap   *font_map;
} MsChartOptions;

/* What a draw did, for tests and accessibility. */
typedef struct
{
  guint  n_texts;
  guint  n_unknown_glyphs;
  /* Union of the ink of all text, in chart coordinates. */
  double text_x1;
  double text_y1;
  double text_x2;
  double text_y2;
  /* Rates: where 100% and 0% fall, and the bars drawn. */
  double reference_x;
  double zero_x;
  /* Rates: the top of the first row drawn, and the height of a row. */
  double rows_y;
  double row_height;
  guint  n_bars;
  /* Progress: the plot area, the dates at its left and right edges and the
   * figure at its top (0 at the bottom), and the points drawn. */
  double plot_x;
  double plot_y;
  double plot_width;
  double plot_height;
  MsDate first_date;
  MsDate last_date;
  double max_value;
  guint  n_points;
  /* The colours drawn with, to tell which style a screen chart follows. */
  MsChartPalette palette;
} MsChartInfo;

#define MS_CHART_FONT_FAMILY "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, sans-serif"

void        ms_chart_palette_init_print (MsChartPalette       *palette);
void        ms_chart_palette_init_dark  (MsChartPalette       *palette,
                                         gboolean              high_contrast);
void        ms_chart_palette_init_high_contrast (MsChartPalette *palette);
void        ms_chart_options_init       (MsChartOptions       *options,
                                         const char           *language);
void        ms_chart_draw               (cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         MsChartKind           kind,
                                         MsNode               *node,
                                         const MsChartOptions *options,
                                         MsChartInfo          *info);
guint       ms_chart_count_rows         (MsChartKind           kind,
                                         MsNode               *node);
double      ms_chart_get_row_height     (MsChartKind           kind,
                                         const MsChartOptions *options);
double      ms_chart_get_natural_height (MsChartKind           kind,
                                         MsNode               *node,
                                         const MsChartOptions *options);
char       *ms_chart_describe           (MsChartKind           kind,
                                         MsNode               *node,
                                         const char           *language);
char       *ms_chart_dup_title          (MsChartKind           kind,
                                         MsNode               *node,
                                         const char           *language);
GListModel *ms_chart_collect_rows       (MsChartKind           kind,
                                         MsNode               *node,
                                         const char           *language);
const char *ms_chart_kind_to_string     (MsChartKind           kind);
gboolean    ms_chart_kind_from_string   (const char           *text,
                                         MsChartKind          *kind);
MsProject  *ms_chart_get_row_project (MsChartKind           kind,
                                      MsNode               *node,
                                      guint                 row);
PangoContext *ms_chart_create_pango_context (cairo_t          *cr);
char       *ms_chart_format_indicator   (MsIndicator          *indicator,
                                         const char           *language);
void        ms_chart_draw_progress      (cairo_t              *cr,
                                         double                width,
                                         double                height,
                                         MsIndicator          *indicator,
                                         const MsScheduleContext *context,
                                         MsDate                deadline,
                                         const MsChartOptions *options,
                                         MsChartInfo          *info);
char       *ms_chart_describe_progress  (MsIndicator          *indicator,
                                         const MsScheduleContext *context,
                                         MsDate                deadline,
                                         const char           *language);

G_END_DECLS
