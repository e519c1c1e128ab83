/* ms-notice-interpret-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"
#include "ms-notice.h"

G_BEGIN_DECLS

/* The interpreter's state, shared by the paragraph reading
 * (ms-notice-import.c) and the table reading (ms-notice-tables.c). */

typedef enum
{
  LINE_TEXT,
  LINE_SECTION,
  LINE_GROUP,
  LINE_PROJECT,
  LINE_CHROME,
  LINE_CLOSING,
  /* A table with a header: interpreted row by row. */
  LINE_TABLE,
} LineKind;

typedef struct
{
  guint     number;
  char     *text;
  char     *folded;
  LineKind  kind;
  /* For headings: the number and the text after the marker. */
  guint     heading_number;
  char     *rest;
  /* How an item was marked when not by "1." at a line's start. */
  guint     bare : 1;
  guint     bullet : 1;
  guint     inline_item : 1;
  guint     positional : 1;
  /* "1.2": the item's part number (1) before its own (2). */
  guint     parent_number;
  /* "(1)" rather than "1." or "1、": a second level when both are used. */
  guint     parenthesised : 1;
  /* A heading of a Word file or web page (1–6), 0 for body text. */
  guint     heading_level;
  /* Items cut from one paragraph: the run they belong to (0 for none);
   * the first item of a run decides whether the run is items at all. */
  guint     run;
  MsNoticeBlock *block;
} Line;

typedef enum
{
  FIELD_TARGET,
  FIELD_DEPARTMENTS,
  FIELD_PARTNERS,
  FIELD_COMPLETION,
  FIELD_NOTE,
  /* People, not departments: 牵头领导 and 项目责任人 name a person. */
  FIELD_LEAD,
  FIELD_CONTACT,
  /* 完成时限: kept in the note. */
  FIELD_DEADLINE,
  N_FIELDS
} Field;

typedef struct
{
  MsDocument     *document;
  MsNoticeReport *report;
  MsCategory     *category;
  MsGroup        *group;
  MsProject      *project;
  GString        *fields[N_FIELDS];
  Field           field;
  guint           project_line;
  GString        *document_note;
  GHashTable     *category_ids;
  /* The notice is in 繁体: matched in 简体, kept as written. */
  gboolean        traditional;
  /* A project from a table's rows: indicators read from the figure
   * columns, and the texts in which figures are still to be found. */
  gboolean        from_table;
  GPtrArray      *table_indicators;
  GString        *quantity_target;
  GString        *quantity_completion;
  /* Projects read from paragraphs, by number: an attached table that
   * lists them again fills in what they lack instead of repeating them. */
  GHashTable     *paragraph_projects;
  gboolean        filling_in;
  /* The item's text said both the pledge and the report: figures are
   * found in the two parts (quantity_target, quantity_completion). */
  gboolean        split_report;
  /* The table being read made projects of its own: its rows never fill
   * in the text's. */
  gboolean        table_starts_own;
  /* A label was just read: the next piece starts its field's entry. */
  gboolean        label_started;
} Builder;

/* Shared by the two readings. */
gboolean        _ms_notice_starts_with_any (const char *text,
                                            const char * const *prefixes,
                                            guint n_prefixes);
Line *          _ms_notice_line_new (guint number,
                                     const char *text,
                                     gboolean traditional);
void            _ms_notice_keep_text_in_note (Builder *b,
                                              guint number,
                                              const char *text);
gboolean        _ms_notice_has_digit (const char *text);
gboolean        _ms_notice_has_any_punctuation (const char *text);
char *          _ms_notice_fold_text (const char *text,
                                      gboolean traditional);
void            _ms_notice_finish_project (Builder *b);
void            _ms_notice_ensure_group (Builder *b,
                                         guint line);
void            _ms_notice_ensure_category (Builder *b,
                                            guint line);
char *          _ms_notice_category_title_from_heading (const char *heading);
char *          _ms_notice_category_id_for (Builder *builder,
                                            const char *title,
                                            guint number);
void            _ms_notice_append_piece (GString *field,
                                         const char *piece);
void            _ms_notice_append_line (GString *text,
                                        const char *line);
void            _ms_notice_add_remark (GPtrArray *remarks,
                                       guint line,
                                       const char *format,
                                       ...) G_GNUC_PRINTF (3, 4);
void            _ms_notice_add_item (MsNoticeReport *report,
                                     MsProject *project,
                                     guint line,
                                     const char *basis);
void            _ms_notice_interpret_table (Builder *b,
                                            MsNoticeBlock *block,
                                            guint *last_project_number);
void            _ms_notice_add_table_lines (GPtrArray *lines,
                                            MsNoticeBlock *block,
                                            gboolean traditional);
gboolean        _ms_notice_is_department_text (const char *folded);

G_END_DECLS
