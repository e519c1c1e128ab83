/* ms-chart-painter.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-chart-painter"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "ms-chart-private.h"
#include "ms-l10n.h"

/* Colours, palettes and the painter: text and status fills shared by the
 * charts (ms-chart.c) and the report pages around them (ms-report.c). */

void
_ms_set_color (cairo_t       *cr,
           const MsColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static MsColor
rgb (guint32 hex)
{
  MsColor color = {
    ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0, (hex & 0xff) / 255.0, 1.0
  };

  return color;
}

/**
 * ms_chart_palette_init_print:
 *
 * The light palette for paper and exported files. The status colours differ
 * in lightness too, and each status also has its own fill pattern, so a
 * greyscale copy still tells them apart.
 */
void
ms_chart_palette_init_print (MsChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  palette->background = rgb (0xffffff);
  palette->foreground = rgb (0x1e1e1e);
  palette->muted = rgb (0x5e5c64);
  palette->grid = rgb (0xc0bfbc);
  palette->track = rgb (0xebebeb);
  palette->met = rgb (0x1c71d8);
  palette->unmet = rgb (0xc64600);
  palette->reference = rgb (0x241f31);
  palette->status[MS_STATUS_NOT_STARTED] = rgb (0x9a9996);
  palette->status[MS_STATUS_IN_PROGRESS] = rgb (0x62a0ea);
  palette->status[MS_STATUS_COMPLETED] = rgb (0x1a5fb4);
  palette->status[MS_STATUS_DELAYED] = rgb (0xc01c28);
  palette->schedule[MS_SCHEDULE_OVERDUE] = rgb (0xa51d2d);
  palette->schedule[MS_SCHEDULE_AT_RISK] = palette->unmet;
  palette->schedule[MS_SCHEDULE_BEHIND] = rgb (0xc88800);
  palette->schedule[MS_SCHEDULE_NOT_REPORTED] = rgb (0x9a9996);
  palette->schedule[MS_SCHEDULE_ON_TRACK] = rgb (0x26a269);
  palette->schedule[MS_SCHEDULE_DONE] = palette->met;
}

/**
 * ms_chart_palette_init_dark:
 *
 * For a dark screen; @high_contrast makes lines and text full strength.
 */
void
ms_chart_palette_init_dark (MsChartPalette *palette,
                            gboolean        high_contrast)
{
  g_return_if_fail (palette != NULL);

  palette->background = rgb (0x242424);
  palette->foreground = rgb (0xffffff);
  palette->muted = high_contrast ? rgb (0xffffff) : rgb (0xc0bfbc);
  palette->grid = high_contrast ? rgb (0x9a9996) : rgb (0x5e5c64);
  palette->track = rgb (0x3d3846);
  palette->met = rgb (0x62a0ea);
  palette->unmet = rgb (0xffa348);
  palette->reference = rgb (0xffffff);
  palette->status[MS_STATUS_NOT_STARTED] = rgb (0x9a9996);
  palette->status[MS_STATUS_IN_PROGRESS] = rgb (0x99c1f1);
  palette->status[MS_STATUS_COMPLETED] = rgb (0x3584e4);
  palette->status[MS_STATUS_DELAYED] = rgb (0xf66151);
  palette->schedule[MS_SCHEDULE_OVERDUE] = rgb (0xf66151);
  palette->schedule[MS_SCHEDULE_AT_RISK] = palette->unmet;
  palette->schedule[MS_SCHEDULE_BEHIND] = rgb (0xf8e45c);
  palette->schedule[MS_SCHEDULE_NOT_REPORTED] = rgb (0x9a9996);
  palette->schedule[MS_SCHEDULE_ON_TRACK] = rgb (0x8ff0a4);
  palette->schedule[MS_SCHEDULE_DONE] = palette->met;
}

/**
 * ms_chart_palette_init_high_contrast:
 *
 * For a light screen in high contrast: black ink, strong status colours.
 */
void
ms_chart_palette_init_high_contrast (MsChartPalette *palette)
{
  g_return_if_fail (palette != NULL);

  ms_chart_palette_init_print (palette);
  palette->muted = rgb (0x000000);
  palette->foreground = rgb (0x000000);
  palette->grid = rgb (0x5e5c64);
  palette->track = rgb (0xdeddda);
  palette->met = rgb (0x0b4fa0);
  palette->unmet = rgb (0xa51d2d);
  palette->reference = rgb (0x000000);
  palette->schedule[MS_SCHEDULE_OVERDUE] = rgb (0x7a0010);
  palette->schedule[MS_SCHEDULE_AT_RISK] = palette->unmet;
  palette->schedule[MS_SCHEDULE_BEHIND] = rgb (0x865e00);
  palette->schedule[MS_SCHEDULE_NOT_REPORTED] = rgb (0x5e5c64);
  palette->schedule[MS_SCHEDULE_ON_TRACK] = rgb (0x0d6b3a);
  palette->schedule[MS_SCHEDULE_DONE] = palette->met;
}

void
ms_chart_options_init (MsChartOptions *options,
                       const char     *language)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->language = language;
  options->font_size = 10;
  options->show_title = TRUE;
  options->fill_background = TRUE;
  options->visible_top = -G_MAXDOUBLE;
  options->visible_bottom = G_MAXDOUBLE;
  ms_chart_palette_init_print (&options->palette);
}

static PangoContext *
create_pango_context (cairo_t      *cr,
                      PangoFontMap *font_map)
{
  PangoContext *context;
  cairo_font_options_t *font_options = cairo_font_options_create ();

  if (font_map != NULL)
    {
      context = pango_font_map_create_context (font_map);
      pango_cairo_update_context (cr, context);
    }
  else
    context = pango_cairo_create_context (cr);

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);

  pango_context_set_language (context, pango_language_from_string ("zh-cn"));
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

/**
 * ms_chart_create_pango_context:
 *
 * A Pango context for chart and report text: Chinese data is shaped with a
 * Simplified Chinese face whatever the interface language (without the
 * language, Pango picks the Japanese face under an English locale), and
 * metrics are not hinted, so text measures the same on screen and paper.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
ms_chart_create_pango_context (cairo_t *cr)
{
  return create_pango_context (cr, NULL);
}

void
_ms_painter_init (MsPainter              *p,
              cairo_t              *cr,
              const MsChartOptions *options,
              MsChartInfo          *info)
{
  memset (p, 0, sizeof *p);
  p->cr = cr;
  p->options = options;
  p->palette = &options->palette;
  p->language = ms_l10n_normalize_language (options->language);
  p->info = info;
  p->size = options->font_size > 0 ? options->font_size : 10;
  p->context = create_pango_context (cr, options->font_map);
  p->font = pango_font_description_from_string (MS_CHART_FONT_FAMILY);

  memset (info, 0, sizeof *info);
  info->text_x1 = info->text_y1 = G_MAXDOUBLE;
  info->text_x2 = info->text_y2 = -G_MAXDOUBLE;
  info->reference_x = info->zero_x = -1;
  info->palette = options->palette;
}

void
_ms_painter_clear (MsPainter *p)
{
  g_clear_object (&p->context);
  g_clear_pointer (&p->font, pango_font_description_free);
}

/* A layout of @text at @scale times the base size, wrapped within @width and
 * cut to @max_lines with an ellipsis (0: no limit). */
PangoLayout *
_ms_painter_layout (MsPainter        *p,
             const char     *text,
             double          scale,
             gboolean        bold,
             double          width,
             int             max_lines,
             PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (p->context);
  PangoFontDescription *font = pango_font_description_copy (p->font);

  pango_font_description_set_absolute_size (font, p->size * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_alignment (layout, alignment);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, max_lines > 0 ? -max_lines : -1000);
    }

  return layout;
}

double
_ms_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

double
_ms_layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_size (layout, &width, NULL);
  return (double)width / PANGO_SCALE;
}

void
_ms_painter_show (MsPainter       *p,
              PangoLayout   *layout,
              double         x,
              double         y,
              const MsColor *color)
{
  PangoRectangle ink;
  double ux1, uy1, ux2, uy2;

  pango_cairo_update_context (p->cr, p->context);
  pango_layout_context_changed (layout);

  cairo_save (p->cr);
  _ms_set_color (p->cr, color);
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
  cairo_restore (p->cr);

  pango_layout_get_pixel_extents (layout, &ink, NULL);
  p->info->n_texts++;
  p->info->n_unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
  if (ink.width > 0 && ink.height > 0)
    {
      ux1 = x + ink.x;
      uy1 = y + ink.y;
      ux2 = ux1 + ink.width;
      uy2 = uy1 + ink.height;
      p->info->text_x1 = MIN (p->info->text_x1, ux1);
      p->info->text_y1 = MIN (p->info->text_y1, uy1);
      p->info->text_x2 = MAX (p->info->text_x2, ux2);
      p->info->text_y2 = MAX (p->info->text_y2, uy2);
    }
}

/* The height of lines [@first, @first + @n_lines) of @layout, from the top
 * of the first to the bottom of the last. */
double
_ms_layout_lines_height (PangoLayout *layout,
                         int          first,
                         int          n_lines)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int line = 0;
  int top = 0;
  int bottom = 0;

  do
    {
      int y0, y1;

      if (line >= first + n_lines)
        break;
      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (line == first)
        top = y0;
      if (line >= first)
        bottom = y1;
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  return (double)(bottom - top) / PANGO_SCALE;
}

/* Draws lines [@first, @first + @n_lines) of @layout with the top of the
 * first at @y: a paragraph continued on the next column or page. Only the
 * lines drawn go into the PDF's text. */
void
_ms_painter_show_lines (MsPainter     *p,
                        PangoLayout   *layout,
                        int            first,
                        int            n_lines,
                        double         x,
                        double         y,
                        const MsColor *color)
{
  PangoLayoutIter *iter;
  int line = 0;
  int top = 0;

  pango_cairo_update_context (p->cr, p->context);
  pango_layout_context_changed (layout);
  iter = pango_layout_get_iter (layout);

  cairo_save (p->cr);
  _ms_set_color (p->cr, color);
  do
    {
      PangoRectangle ink, logical;
      int y0, y1;

      if (line >= first + n_lines)
        break;
      if (line < first)
        {
          line++;
          continue;
        }

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      if (line == first)
        top = y0;
      pango_layout_iter_get_line_extents (iter, &ink, &logical);
      cairo_move_to (p->cr, x + (double)logical.x / PANGO_SCALE,
                     y + (double)(pango_layout_iter_get_baseline (iter) - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (p->cr, pango_layout_iter_get_line_readonly (iter));

      if (ink.width > 0 && ink.height > 0)
        {
          p->info->text_x1 = MIN (p->info->text_x1, x + (double)ink.x / PANGO_SCALE);
          p->info->text_y1 = MIN (p->info->text_y1, y + (double)(ink.y - top) / PANGO_SCALE);
          p->info->text_x2 = MAX (p->info->text_x2, x + (double)(ink.x + ink.width) / PANGO_SCALE);
          p->info->text_y2 = MAX (p->info->text_y2, y + (double)(ink.y + ink.height - top) / PANGO_SCALE);
        }
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  cairo_restore (p->cr);
  pango_layout_iter_free (iter);

  p->info->n_texts++;
  /* A paragraph's unknown glyphs count once, with its first lines. */
  if (first == 0)
    p->info->n_unknown_glyphs += pango_layout_get_unknown_glyphs_count (layout);
}

/* Draws @text and returns the height it took. */
double
_ms_painter_text (MsPainter        *p,
            const char     *text,
            double          x,
            double          y,
            double          width,
            int             max_lines,
            double          scale,
            gboolean        bold,
            PangoAlignment  alignment,
            const MsColor  *color)
{
  g_autoptr(PangoLayout) layout = _ms_painter_layout (p, text, scale, bold, width, max_lines, alignment);
  double height = _ms_layout_height (layout);

  _ms_painter_show (p, layout, x, y, color);
  return height;
}

/* Fills a rectangle the way @status is drawn everywhere: completed solid,
 * in progress hatched, not started outlined, delayed cross-hatched. */
void
_ms_painter_fill_status (MsPainter  *p,
             double    x,
             double    y,
             double    width,
             double    height,
             MsStatus  status)
{
  cairo_t *cr = p->cr;
  const MsColor *color = &p->palette->status[status];
  double step = MAX (3.0, p->size * 0.45);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  switch (status)
    {
    case MS_STATUS_COMPLETED:
      _ms_set_color (cr, color);
      cairo_paint (cr);
      break;

    case MS_STATUS_IN_PROGRESS:
    case MS_STATUS_DELAYED:
      cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.35);
      cairo_paint (cr);
      _ms_set_color (cr, color);
      cairo_set_line_width (cr, MAX (0.8, p->size * 0.12));
      for (double d = -height; d < width + height; d += step)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
          if (status == MS_STATUS_DELAYED)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + height, y + height);
            }
        }
      cairo_stroke (cr);
      break;

    case MS_STATUS_NOT_STARTED:
    default:
      _ms_set_color (cr, &p->palette->background);
      cairo_paint (cr);
      _ms_set_color (cr, color);
      for (double dx = x + step / 2; dx < x + width; dx += step)
        for (double dy = y + step / 2; dy < y + height; dy += step)
          cairo_rectangle (cr, dx - 0.5, dy - 0.5, 1.0, 1.0);
      cairo_fill (cr);
      break;
    }

  cairo_restore (cr);

  /* An outline keeps light fills visible on white paper. */
  cairo_save (cr);
  _ms_set_color (cr, color);
  cairo_set_line_width (cr, MAX (0.5, p->size * 0.08));
  cairo_rectangle (cr, x + 0.25, y + 0.25, MAX (0, width - 0.5), MAX (0, height - 0.5));
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Fills a rectangle the way a lagging @schedule is drawn: overdue solid,
 * at risk cross-hatched, behind hatched one way, so that the three differ
 * in greyscale too. The colours are the palette's "delayed" and "unmet". */
void
_ms_painter_fill_schedule (MsPainter  *p,
                           double      x,
                           double      y,
                           double      width,
                           double      height,
                           MsSchedule  schedule)
{
  cairo_t *cr = p->cr;
  const MsColor *color = schedule == MS_SCHEDULE_OVERDUE ? &p->palette->status[MS_STATUS_DELAYED]
                                                         : &p->palette->unmet;
  double step = MAX (3.0, p->size * 0.45);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  if (schedule == MS_SCHEDULE_OVERDUE)
    {
      _ms_set_color (cr, color);
      cairo_paint (cr);
    }
  else
    {
      cairo_set_source_rgba (cr, color->red, color->green, color->blue,
                             schedule == MS_SCHEDULE_AT_RISK ? 0.35 : 0.15);
      cairo_paint (cr);
      _ms_set_color (cr, color);
      cairo_set_line_width (cr, MAX (0.8, p->size * 0.12));
      for (double d = -height; d < width + height; d += step)
        {
          cairo_move_to (cr, x + d, y + height);
          cairo_line_to (cr, x + d + height, y);
          if (schedule == MS_SCHEDULE_AT_RISK)
            {
              cairo_move_to (cr, x + d, y);
              cairo_line_to (cr, x + d + height, y + height);
            }
        }
      cairo_stroke (cr);
    }

  cairo_restore (cr);

  cairo_save (cr);
  _ms_set_color (cr, color);
  cairo_set_line_width (cr, MAX (0.5, p->size * 0.08));
  cairo_rectangle (cr, x + 0.25, y + 0.25, MAX (0, width - 0.5), MAX (0, height - 0.5));
  cairo_stroke (cr);
  cairo_restore (cr);
}
