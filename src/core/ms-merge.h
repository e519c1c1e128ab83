/* ms-merge.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"
#include "ms-history.h"
#include "ms-notice.h"
#include "ms-project.h"
#include "ms-sheet-reader.h"

G_BEGIN_DECLS

#define MS_MERGE_ERROR (ms_merge_error_quark ())

typedef enum
{
  /* Neither a returned sheet nor a CSV of the file's rows. */
  MS_MERGE_ERROR_NOT_A_RETURN,
  /* A CSV or sheet without a reporting date, and none given. */
  MS_MERGE_ERROR_NO_DATE,
  /* A layout version this program does not know. */
  MS_MERGE_ERROR_NEWER_LAYOUT,
} MsMergeError;

/* The layout of returned sheets this program writes and reads (FORMAT.md). */
#define MS_MERGE_LAYOUT_VERSION 1

typedef enum
{
  /* The indicator's figure at the reporting date: a progress entry. */
  MS_MERGE_FIELD_ACTUAL,
  MS_MERGE_FIELD_COMPLETION,
  MS_MERGE_FIELD_STATUS,
  /* The remark: the note of the indicator's progress entry at the date. */
  MS_MERGE_FIELD_PROGRESS_NOTE,
} MsMergeField;

typedef struct
{
  MsProject    *project;
  /* (nullable): for the actual and the progress note */
  MsIndicator  *indicator;
  MsMergeField  field;
  MsDate        date;
  /* As shown: the value in the file now, and in the return. */
  char         *file_value;
  char         *return_value;
  /* The value to set: figure for the actual, status, or text. */
  double        figure;
  MsStatus      status;
  char         *text;
  /* "FILE: SHEET!G5", where the value was read; "NOTICE:LINE" for a notice. */
  char         *source;
  char         *department;
  /* Applied by ms_merge_apply(); TRUE until the review rejects it. */
  gboolean      accepted;
} MsMergeChange;

typedef enum
{
  /* A return (or notice) for another file or year: nothing of it is used. */
  MS_MERGE_CONFLICT_OTHER_FILE,
  /* The file's value changed since the sheet was exported, and so did the return's. */
  MS_MERGE_CONFLICT_FILE_CHANGED,
  /* A locked column (A–F) no longer says what the file says: the row is skipped. */
  MS_MERGE_CONFLICT_LOCKED_EDITED,
  /* A row (or a project or figure of a notice) matching no project or indicator of the file: skipped. */
  MS_MERGE_CONFLICT_NO_PROJECT,
  /* Two returns, or two rows of a project, give different values: neither is used. */
  MS_MERGE_CONFLICT_DISAGREEMENT,
  /* Text in a number cell ("约3000"), a word that is no status: not used. */
  MS_MERGE_CONFLICT_BAD_VALUE,
  /* A remark on a row with no figure to note: not used. */
  MS_MERGE_CONFLICT_REMARK_WITHOUT_FIGURE,
  /* A project or figure of a notice that fits two of the file's alike: not used. */
  MS_MERGE_CONFLICT_AMBIGUOUS,
} MsMergeConflictKind;

#define MS_MERGE_N_CONFLICT_KINDS 8

typedef struct
{
  MsMergeConflictKind  kind;
  char                *source;
  char                *message;
} MsMergeConflict;

typedef struct _MsMerge MsMerge;

GQuark      ms_merge_error_quark              (void);
MsMerge    *ms_merge_new                      (MsDocument          *document,
                                               MsDate               fallback_date);
void        ms_merge_free                     (MsMerge             *self);
gboolean    ms_merge_add_return               (MsMerge             *self,
                                               MsWorkbook          *workbook,
                                               GError             **error);
gboolean    ms_merge_add_notice               (MsMerge             *self,
                                               MsDocument          *notice,
                                               MsNoticeReport      *report,
                                               const char          *source_name,
                                               GError             **error);
MsMerge    *ms_merge_new_for_notice           (MsDocument          *document,
                                               MsDocument          *notice,
                                               MsNoticeReport      *report,
                                               const char          *source_name,
                                               MsDate               fallback_date,
                                               GError             **error);
GPtrArray  *ms_merge_get_changes              (MsMerge             *self);
GPtrArray  *ms_merge_get_conflicts            (MsMerge             *self);
guint       ms_merge_apply                    (MsMerge             *self,
                                               MsHistory           *history);
char       *ms_merge_change_dup_field_label   (const MsMergeChange *change);
const char *ms_merge_conflict_kind_get_label  (MsMergeConflictKind  kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsMerge, ms_merge_free)

G_END_DECLS
