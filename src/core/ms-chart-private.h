/* ms-chart-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "ms-chart.h"
#include "ms-chart-row.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

/* Text and fills shared by the charts and the report pages around them. */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *font;
  const MsChartOptions *options;
  const MsChartPalette *palette;
  const char           *language;
  MsChartInfo          *info;
  double                size;
} MsPainter;

void         _ms_set_color           (cairo_t              *cr,
                                      const MsColor        *color);
void         _ms_painter_init        (MsPainter            *p,
                                      cairo_t              *cr,
                                      const MsChartOptions *options,
                                      MsChartInfo          *info);
void         _ms_painter_clear       (MsPainter            *p);
PangoLayout *_ms_painter_layout      (MsPainter            *p,
                                      const char           *text,
                                      double                scale,
                                      gboolean              bold,
                                      double                width,
                                      int                   max_lines,
                                      PangoAlignment        alignment);
double       _ms_layout_height       (PangoLayout          *layout);
double       _ms_layout_width        (PangoLayout          *layout);
void         _ms_painter_show        (MsPainter            *p,
                                      PangoLayout          *layout,
                                      double                x,
                                      double                y,
                                      const MsColor        *color);
double       _ms_layout_lines_height (PangoLayout          *layout,
                                      int                   first,
                                      int                   n_lines);
void         _ms_painter_show_lines  (MsPainter            *p,
                                      PangoLayout          *layout,
                                      int                   first,
                                      int                   n_lines,
                                      double                x,
                                      double                y,
                                      const MsColor        *color);
double       _ms_painter_text        (MsPainter            *p,
                                      const char           *text,
                                      double                x,
                                      double                y,
                                      double                width,
                                      int                   max_lines,
                                      double                scale,
                                      gboolean              bold,
                                      PangoAlignment        alignment,
                                      const MsColor        *color);
void         _ms_painter_fill_status (MsPainter            *p,
                                      double                x,
                                      double                y,
                                      double                width,
                                      double                height,
                                      MsStatus              status);
void         _ms_painter_fill_schedule (MsPainter          *p,
                                      double                x,
                                      double                y,
                                      double                width,
                                      double                height,
                                      MsSchedule            schedule);

double       _ms_chart_paint_indicator (MsPainter          *p,
                                      MsIndicator          *indicator,
                                      double                x,
                                      double                y,
                                      double                width,
                                      double                row_height,
                                      double                name_width,
                                      gboolean              draw);

/* The cells of a chart row; the strings are taken by _ms_chart_row_new(). */
typedef struct
{
  MsProject   *project;
  MsIndicator *indicator;
  char        *group;
  char        *project_label;
  char        *indicator_name;
  char        *target;
  char        *actual;
  char        *rate;
  char        *state;
  gboolean     met;
  MsSchedule   schedule;
} MsChartRowCells;

MsChartRow  *_ms_chart_row_new       (const MsChartRowCells *cells);

G_END_DECLS
