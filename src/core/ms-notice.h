/* ms-notice.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"
#include "ms-notice-blocks.h"

G_BEGIN_DECLS

/* Notices are a few dozen kilobytes; a text this large is something else. */
#define MS_NOTICE_MAX_SIZE (4 * 1024 * 1024)
/* Saved web pages carry markup, scripts and styles around the text. */
#define MS_NOTICE_MAX_PAGE_SIZE (16 * 1024 * 1024)
/* Word documents and PDFs carry images and fonts: the largest file read. */
#define MS_NOTICE_MAX_FILE_SIZE (64 * 1024 * 1024)

typedef struct
{
  /* 0 when the remark is about the whole text. */
  guint  line;
  char  *message;
} MsNoticeRemark;

typedef enum
{
  /* Nothing says the year: the document has this year's, and asks. */
  MS_NOTICE_YEAR_ASSUMED,
  MS_NOTICE_YEAR_FROM_TITLE,
  MS_NOTICE_YEAR_FROM_TEXT,
  MS_NOTICE_YEAR_FROM_DATE,
} MsNoticeYearSource;

/* One project as the importer found it, and why it took it for one. */
typedef struct
{
  MsProject *project;
  /* Where it starts in the notice, in the reader's unit (see MsNoticeBlocks). */
  guint      line;
  /* "numbered item “3、”", "table row, columns 序号 | 项目 | 责任单位"… */
  char      *basis;
} MsNoticeItem;

typedef struct
{
  /* "UTF-8", "UTF-8 with BOM", "GB18030", "UTF-16" */
  char      *encoding;
  /* Things the reader should check: lines kept in a note, guesses. */
  GPtrArray *warnings;
  /* Page chrome that was left out: 来源, 责任编辑, page footers. */
  GPtrArray *dropped;
  guint      n_categories;
  guint      n_groups;
  guint      n_projects;
  guint      n_indicators;
  guint      n_indicators_reported;
  /* MsNoticeItem, one per project in document order. */
  GPtrArray *items;
  MsNoticeYearSource year_source;
  /* The notice's own date (发布日期, the signature's date), or 0. */
  MsDate     date;
  /* "text", "html", "docx", "pdf" */
  char      *format;
  /* "line" or "paragraph": what the line numbers of remarks count. */
  char      *location_unit;
} MsNoticeReport;

MsDocument *ms_notice_import       (const char      *data,
                                    gsize            length,
                                    MsNoticeReport **report,
                                    GError         **error);
MsNoticeBlocks *ms_notice_read     (const char      *data,
                                    gsize            length,
                                    GError         **error);
MsDocument *ms_notice_interpret    (MsNoticeBlocks  *blocks,
                                    MsNoticeReport **report,
                                    GError         **error);
char       *ms_notice_export       (MsDocument      *document);
void        ms_notice_report_free  (MsNoticeReport  *report);
MsNoticeReport *ms_notice_report_copy (const MsNoticeReport *report);
const MsNoticeItem *ms_notice_report_find_item (MsNoticeReport *report,
                                    MsProject       *project);
GStrv       ms_notice_split_departments (const char *text);
char       *ms_notice_join_lines   (const char * const *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsNoticeReport, ms_notice_report_free)

G_END_DECLS
