/* ms-notice-readers-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-notice-blocks.h"

G_BEGIN_DECLS

/* The readers behind ms_notice_read(), one per format it recognises. Each
 * returns blocks, or NULL with a one-line MS_DOCUMENT_ERROR that says what
 * to do with the file. */

/* Saved web pages: libxml2's HTML parser; the page's charset or, when it
 * declares none, UTF-8 / GB18030 / UTF-16 found from the bytes. */
MsNoticeBlocks *_ms_notice_read_html     (const char  *data,
                                          gsize        length,
                                          GError     **error);
gboolean        _ms_notice_looks_like_html (const char *data,
                                          gsize        length);

/* Word .docx through libgsf's zip reader and libxml2. */
MsNoticeBlocks *_ms_notice_read_docx     (const char  *data,
                                          gsize        length,
                                          GError     **error);
/* Word 97–2003, WPS and other OLE2 compound files: always an error. */
void            _ms_notice_refuse_ole2   (const char  *data,
                                          gsize        length,
                                          GError     **error);
/* A list number as Word writes it for @format (w:numFmt): "decimal" 3 → "3",
 * "chineseCounting" 12 → "十二", "decimalEnclosedParen" 2 → "⑵"… */
char           *_ms_notice_format_list_number (guint       number,
                                          const char *format);

/* PDF through poppler-glib: the text layer, read as a text. */
MsNoticeBlocks *_ms_notice_read_pdf      (const char  *data,
                                          gsize        length,
                                          GError     **error);

G_END_DECLS
