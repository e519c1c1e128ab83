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

typedef struct
{
  /* 0 when the remark is about the whole text. */
  guint  line;
  char  *message;
} MsNoticeRemark;

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
GStrv       ms_notice_split_departments (const char *text);
char       *ms_notice_join_lines   (const char * const *lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsNoticeReport, ms_notice_report_free)

G_END_DECLS
