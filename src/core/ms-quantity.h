/* ms-quantity.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ms-types.h"

G_BEGIN_DECLS

/* A figure found in Chinese text: "4.7万人次以上" reads as value 4.7,
 * magnitude "万" (scale 10 000), unit "人次", comparison at-least. */
typedef struct
{
  double        value;
  double        scale;
  char         *magnitude;
  char         *unit;
  MsComparison  comparison;
  /* Describes rather than pledges: a date, an age, a standard such as
   * "补助至6000元", an ordinal, a rate per person. */
  gboolean      descriptive;
  /* Offsets in characters of the figure in the scanned text. */
  glong         start;
  glong         end;
  /* The words of the clause around the figure, for a name and for matching. */
  char         *before;
  char         *after;
  char         *context;
  /* Characters of @context before the figure. */
  glong         context_before;
} MsQuantity;

/* A figure left out of an import because no real figure is that large. */
typedef struct
{
  /* TRUE for a reported figure, FALSE for a target. */
  gboolean  actual;
  /* The figure as written, its start only when it is long. */
  char     *text;
} MsRefusedFigure;

void        ms_quantity_free              (MsQuantity  *quantity);
void        ms_refused_figure_free        (MsRefusedFigure *figure);
GPtrArray  *ms_quantity_scan              (const char  *text);
GPtrArray  *ms_quantity_scan_figures      (const char  *text);
void        ms_quantity_describe          (const char  *text,
                                           GPtrArray   *quantities,
                                           guint        index);
char       *ms_quantity_dup_unit          (const MsQuantity *quantity);
const char *ms_quantity_get_unit_family   (const char  *unit,
                                           double      *factor);
char       *ms_text_normalize             (const char  *text);
GPtrArray  *ms_quantity_extract_indicators (const char *target,
                                            const char *completion,
                                            GPtrArray  *refused);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsQuantity, ms_quantity_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsRefusedFigure, ms_refused_figure_free)

G_END_DECLS
