/* ms-report-gongwen.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ms-chart.h"
#include "ms-document.h"
#include "ms-report.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

/* The table of all projects laid out as the 附件 of an official document
 * (GB/T 9704-2012), shared by the PDF pages and the Word document. */

/* A4 portrait, in points; the 版心 (type area) 156 × 225 mm, 37 mm from the
 * top (天头) and 28 mm from the left (订口). */
#define MS_GONGWEN_MM             (72.0 / 25.4)
#define MS_GONGWEN_PAGE_WIDTH     595.28
#define MS_GONGWEN_PAGE_HEIGHT    841.89
#define MS_GONGWEN_AREA_LEFT      (28 * MS_GONGWEN_MM)
#define MS_GONGWEN_AREA_TOP       (37 * MS_GONGWEN_MM)
#define MS_GONGWEN_AREA_WIDTH     (156 * MS_GONGWEN_MM)
#define MS_GONGWEN_AREA_HEIGHT    (225 * MS_GONGWEN_MM)

typedef enum
{
  MS_GONGWEN_COLUMN_NUMBER,
  /* The matter (件), the group's title: one cell for its projects. */
  MS_GONGWEN_COLUMN_GROUP,
  MS_GONGWEN_COLUMN_TARGET,
  MS_GONGWEN_COLUMN_DEPARTMENTS,
  MS_GONGWEN_COLUMN_COMPLETION,
  MS_GONGWEN_COLUMN_PROGRESS,
  MS_GONGWEN_N_COLUMNS,
} MsGongwenColumn;

/* A row of the table: a category heading across it when project is NULL. */
typedef struct
{
  MsCategory *category;
  MsGroup    *group;
  MsProject  *project;
  /* The first project of its group: where the group's cell starts. */
  gboolean    first_in_group;
} MsGongwenRow;

typedef struct _MsGongwenTable MsGongwenTable;

GArray         *_ms_gongwen_collect_rows     (MsDocument              *document,
                                              MsNode                  *scope);
double          _ms_gongwen_get_column_share (MsGongwenColumn          column);
const char     *_ms_gongwen_get_heading      (MsGongwenColumn          column,
                                              const char              *language);
const char     *_ms_gongwen_get_label        (const char              *language);
char           *_ms_gongwen_dup_title        (MsDocument              *document,
                                              const char              *language);
gboolean        _ms_gongwen_dup_signature    (MsDocument              *document,
                                              const char              *language,
                                              char                   **issuer_line,
                                              char                   **date_line);
char           *_ms_gongwen_dup_cell_text    (const MsGongwenRow      *row,
                                              MsGongwenColumn          column,
                                              const MsScheduleContext *context,
                                              const char              *language);

MsGongwenTable *_ms_gongwen_table_new        (MsDocument              *document,
                                              MsNode                  *scope,
                                              const char              *language,
                                              PangoFontMap            *font_map);
void            _ms_gongwen_table_free       (MsGongwenTable          *table);
guint           _ms_gongwen_table_get_n_pages (MsGongwenTable         *table);
void            _ms_gongwen_table_draw_page  (MsGongwenTable          *table,
                                              guint                    page,
                                              cairo_t                 *cr,
                                              PangoFontMap            *font_map,
                                              MsChartInfo             *info);
MsDocument     *_ms_gongwen_table_get_document (MsGongwenTable       *table);
const char     *_ms_gongwen_table_get_language (MsGongwenTable       *table);
const MsScheduleContext *_ms_gongwen_table_get_context (MsGongwenTable *table);
GArray         *_ms_gongwen_table_get_rows   (MsGongwenTable          *table);
gboolean        _ms_gongwen_table_get_signature (MsGongwenTable       *table,
                                              const char             **issuer_line,
                                              const char             **date_line,
                                              double                  *issuer_right_indent,
                                              double                  *date_right_indent);

/* In ms-report.c: the report's 附件 table, made on first use. */
MsGongwenTable *_ms_report_get_gongwen_table (MsReport                *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsGongwenTable, _ms_gongwen_table_free)

G_END_DECLS
