/* ms-report.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "ms-chart.h"
#include "ms-document.h"

G_BEGIN_DECLS

typedef enum
{
  MS_PAPER_A4,
  MS_PAPER_A3,
  MS_PAPER_LETTER,
} MsPaper;

typedef enum
{
  MS_REPORT_FORMAT_PDF,
  MS_REPORT_FORMAT_SVG,
  MS_REPORT_FORMAT_PNG,
} MsReportFormat;

/* What a printout covers. */
typedef enum
{
  MS_REPORT_SCOPE_ALL,
  MS_REPORT_SCOPE_OVERVIEW,
  MS_REPORT_SCOPE_CATEGORY,
  MS_REPORT_SCOPE_PROJECT,
  /* The one-page 汇总表: category × state counts. */
  MS_REPORT_SCOPE_SUMMARY,
  /* The table of all projects (in the 公文 style: the 附件). */
  MS_REPORT_SCOPE_TABLE,
  /* One chart of a node, on as many pages as its rows need. */
  MS_REPORT_SCOPE_CHART,
} MsReportScope;

typedef enum
{
  MS_REPORT_STYLE_STANDARD,
  /* The table laid out as the 附件 of an official document (GB/T 9704-2012). */
  MS_REPORT_STYLE_GONGWEN,
} MsReportStyle;

/* Everything a printout is made from; start from ms_report_settings_init(). */
typedef struct
{
  MsReportScope  scope;
  /* (nullable): the category or project of those scopes, the chart's node */
  MsNode        *node;
  /* For MS_REPORT_SCOPE_CHART */
  MsChartKind    chart;
  MsReportStyle  style;
  /* (nullable): "zh_CN", "en", or NULL for the interface language */
  const char    *language;
  MsPaper        paper;
  /* (nullable): the date printed, or NULL for today */
  GDateTime     *printed;
} MsReportSettings;

typedef struct _MsReport MsReport;

void        ms_report_settings_init  (MsReportSettings *settings);
MsReport   *ms_report_new_with_settings (MsDocument   *document,
                                      const MsReportSettings *settings);
MsReport   *ms_report_new            (MsDocument     *document,
                                      const char     *language,
                                      MsPaper         paper,
                                      GDateTime      *printed);
MsReport   *ms_report_new_for_scope  (MsDocument     *document,
                                      MsReportScope   scope,
                                      MsNode         *node,
                                      const char     *language,
                                      MsPaper         paper,
                                      GDateTime      *printed);
void        ms_report_free           (MsReport       *report);
guint       ms_report_get_n_pages    (MsReport       *report);
void        ms_report_get_page_size  (MsReport       *report,
                                      guint           page,
                                      double         *width,
                                      double         *height);
gboolean    ms_report_page_is_landscape (MsReport    *report,
                                      guint           page);
void        ms_report_draw_page      (MsReport       *report,
                                      guint           page,
                                      cairo_t        *cr,
                                      MsChartInfo    *info);
gboolean    ms_report_embed_fonts    (MsReport       *report,
                                      GError        **error);
void        ms_report_release_fonts  (MsReport       *report);
gboolean    ms_report_write_pdf      (MsReport       *report,
                                      const char     *path,
                                      GError        **error);
gboolean    ms_report_write_docx     (MsReport       *report,
                                      const char     *path,
                                      GError        **error);
gboolean    ms_report_style_from_string (const char  *text,
                                      MsReportStyle  *style);
gboolean    ms_chart_export          (MsChartKind     kind,
                                      MsNode         *node,
                                      MsReportFormat  format,
                                      const char     *path,
                                      double          width,
                                      const char     *language,
                                      GError        **error);
gboolean    ms_paper_from_string     (const char     *text,
                                      MsPaper        *paper);
void        ms_paper_get_size        (MsPaper         paper,
                                      double         *width,
                                      double         *height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsReport, ms_report_free)

G_END_DECLS
