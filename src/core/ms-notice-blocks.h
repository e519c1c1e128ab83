/* ms-notice-blocks.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A notice as its reader found it: paragraphs and tables, in order. Every
 * reader (text, web page, Word, PDF) produces this; the interpreter turns
 * it into categories, groups and projects (ms-notice-import.c). */

typedef enum
{
  MS_NOTICE_BLOCK_PARAGRAPH,
  MS_NOTICE_BLOCK_TABLE,
} MsNoticeBlockKind;

typedef struct
{
  /* As written, trimmed; the lines of a cell joined with '\n'. */
  char  *text;
  /* Where the cell starts: a line of a text, a paragraph of a Word file. */
  guint  line;
  /* 1 unless the cell spans several rows or columns. */
  guint  row_span;
  guint  column_span;
} MsNoticeCell;

typedef struct
{
  MsNoticeBlockKind  kind;
  guint              line;
  /* Paragraph: its text as written, trimmed. */
  char              *text;
  /* 1–6 for a heading (Word's 标题 1 style, <h1>), 0 for body text. */
  guint              heading_level;
  /* Table: a GPtrArray of rows, each a GPtrArray of MsNoticeCell. A cell
   * covered by a span above or to the left is not repeated. */
  GPtrArray         *rows;
  /* How the reader recognised the table, for the import preview:
   * "one cell per line", "cells separated by |", "<table>"… */
  char              *shape;
} MsNoticeBlock;

typedef struct
{
  GPtrArray *blocks;
  /* "text", "html", "docx", "pdf" */
  char      *format;
  /* "UTF-8", "GB18030"… for texts; the format's own otherwise. */
  char      *encoding;
  /* Page chrome the reader left out (MsNoticeRemark). */
  GPtrArray *dropped;
  /* What a location number means: "line" for texts, "paragraph"… */
  char      *location_unit;
} MsNoticeBlocks;

MsNoticeBlocks *ms_notice_blocks_new        (const char     *format);
void            ms_notice_blocks_free       (MsNoticeBlocks *blocks);
MsNoticeBlock  *ms_notice_blocks_add_paragraph (MsNoticeBlocks *blocks,
                                             guint           line,
                                             const char     *text);
MsNoticeBlock  *ms_notice_blocks_add_table  (MsNoticeBlocks *blocks,
                                             guint           line,
                                             const char     *shape);
GPtrArray      *ms_notice_block_add_row     (MsNoticeBlock  *table);
MsNoticeCell   *ms_notice_row_add_cell      (GPtrArray      *row,
                                             guint           line,
                                             const char     *text,
                                             guint           row_span,
                                             guint           column_span);
void            ms_notice_blocks_add_dropped (MsNoticeBlocks *blocks,
                                             guint           line,
                                             const char     *text);

/* Plain text, already decoded to UTF-8: lines become paragraphs; runs of
 * lines that form a table (one cell per line after a header, cells
 * separated by |, tabs or aligned spaces) become tables. */
MsNoticeBlocks *ms_notice_read_text         (const char     *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsNoticeBlocks, ms_notice_blocks_free)

G_END_DECLS
