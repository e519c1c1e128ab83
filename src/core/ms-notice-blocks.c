/* ms-notice-blocks.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-blocks"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-json.h"
#include "ms-notice.h"
#include "ms-notice-blocks.h"
#include "ms-notice-private.h"
#include "ms-notice-readers-private.h"

/* Spaces a notice pads with: ASCII and Unicode spaces, the ideographic
 * space, no-break and zero-width spaces, a stray BOM. */
gboolean
_ms_notice_is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 || c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}

/* Returns: (transfer full): @text without blanks at either end */
char *
_ms_notice_trim (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start && _ms_notice_is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!_ms_notice_is_blank_char (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

static void
cell_free (MsNoticeCell *cell)
{
  g_free (cell->text);
  g_free (cell);
}

static void
block_free (MsNoticeBlock *block)
{
  g_free (block->text);
  g_free (block->shape);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
dropped_free (MsNoticeRemark *remark)
{
  g_free (remark->message);
  g_free (remark);
}

MsNoticeBlocks *
ms_notice_blocks_new (const char *format)
{
  MsNoticeBlocks *blocks = g_new0 (MsNoticeBlocks, 1);

  blocks->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
  blocks->dropped = g_ptr_array_new_with_free_func ((GDestroyNotify)dropped_free);
  blocks->format = g_strdup (format);
  blocks->location_unit = g_strdup ("line");

  return blocks;
}

void
ms_notice_blocks_free (MsNoticeBlocks *blocks)
{
  if (blocks == NULL)
    return;

  g_ptr_array_unref (blocks->blocks);
  g_ptr_array_unref (blocks->dropped);
  g_free (blocks->format);
  g_free (blocks->encoding);
  g_free (blocks->location_unit);
  g_free (blocks);
}

MsNoticeBlock *
ms_notice_blocks_add_paragraph (MsNoticeBlocks *blocks,
                                guint           line,
                                const char     *text)
{
  MsNoticeBlock *block = g_new0 (MsNoticeBlock, 1);

  block->kind = MS_NOTICE_BLOCK_PARAGRAPH;
  block->line = line;
  block->text = g_strdup (text);
  g_ptr_array_add (blocks->blocks, block);

  return block;
}

MsNoticeBlock *
ms_notice_blocks_add_table (MsNoticeBlocks *blocks,
                            guint           line,
                            const char     *shape)
{
  MsNoticeBlock *block = g_new0 (MsNoticeBlock, 1);

  block->kind = MS_NOTICE_BLOCK_TABLE;
  block->line = line;
  block->shape = g_strdup (shape);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_ptr_array_add (blocks->blocks, block);

  return block;
}

GPtrArray *
ms_notice_block_add_row (MsNoticeBlock *table)
{
  GPtrArray *row = g_ptr_array_new_with_free_func ((GDestroyNotify)cell_free);

  g_return_val_if_fail (table->kind == MS_NOTICE_BLOCK_TABLE, NULL);

  g_ptr_array_add (table->rows, row);

  return row;
}

MsNoticeCell *
ms_notice_row_add_cell (GPtrArray  *row,
                        guint       line,
                        const char *text,
                        guint       row_span,
                        guint       column_span)
{
  MsNoticeCell *cell = g_new0 (MsNoticeCell, 1);

  cell->line = line;
  cell->text = g_strdup (text ? text : "");
  cell->row_span = MAX (row_span, 1);
  cell->column_span = MAX (column_span, 1);
  g_ptr_array_add (row, cell);

  return cell;
}

void
ms_notice_blocks_add_dropped (MsNoticeBlocks *blocks,
                              guint           line,
                              const char     *text)
{
  MsNoticeRemark *remark = g_new0 (MsNoticeRemark, 1);

  remark->line = line;
  remark->message = g_strdup (text);
  g_ptr_array_add (blocks->dropped, remark);
}

static const char ole2_signature[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

typedef enum
{
  FORMAT_DOCX,
  FORMAT_PDF,
  FORMAT_PAGE,
} Format;

static gboolean
too_large (gsize        length,
           Format       format,
           GError     **error)
{
  gsize limit = format == FORMAT_PAGE ? MS_NOTICE_MAX_PAGE_SIZE : MS_NOTICE_MAX_FILE_SIZE;
  g_autofree char *size = NULL;
  g_autofree char *maximum = NULL;

  if (length <= limit)
    return FALSE;

  size = g_format_size (length);
  maximum = g_format_size (limit);
  switch (format)
    {
    case FORMAT_DOCX:
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: the size of a file, then the largest size read, such as "67.1 MB" */
                   _("The Word document is %s, more than the %s a notice can take"), size, maximum);
      break;
    case FORMAT_PDF:
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: the size of a file, then the largest size read, such as "67.1 MB" */
                   _("The PDF is %s, more than the %s a notice can take"), size, maximum);
      break;
    case FORMAT_PAGE:
    default:
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: the size of a file, then the largest size read, such as "16.8 MB" */
                   _("The web page is %s, more than the %s a notice can take"), size, maximum);
      break;
    }

  return TRUE;
}

static gboolean
starts_within (const char *data,
               gsize       length,
               const char *magic,
               gsize       within)
{
  gsize magic_length = strlen (magic);

  for (gsize i = 0; i + magic_length <= length && i < within; i++)
    {
      if (memcmp (data + i, magic, magic_length) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * ms_notice_read:
 *
 * Reads a notice in any format the importer knows, found from its content:
 * a Word document (.docx, a zip), a PDF, a web page, or a text in UTF-8,
 * GB18030 or UTF-16. Word 97–2003 and WPS files and RTF are refused, each
 * with a message that says how to save the notice instead.
 *
 * Returns: (transfer full) (nullable): the blocks, or %NULL with @error set
 */
MsNoticeBlocks *
ms_notice_read (const char  *data,
                gsize        length,
                GError     **error)
{
  g_autofree char *encoding = NULL;
  g_autofree char *text = NULL;
  MsNoticeBlocks *blocks;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 4 && (memcmp (data, "PK\x03\x04", 4) == 0 || memcmp (data, "PK\x05\x06", 4) == 0))
    {
      if (too_large (length, FORMAT_DOCX, error))
        return NULL;
      return _ms_notice_read_docx (data, length, error);
    }

  /* Readers take a PDF whose header comes after some junk, within 1 KiB. */
  if (starts_within (data, length, "%PDF-", 1024))
    {
      if (too_large (length, FORMAT_PDF, error))
        return NULL;
      return _ms_notice_read_pdf (data, length, error);
    }

  if (length >= sizeof ole2_signature - 1 && memcmp (data, ole2_signature, sizeof ole2_signature - 1) == 0)
    {
      _ms_notice_refuse_ole2 (data, length, error);
      return NULL;
    }

  if (length >= 5 && memcmp (data, "{\\rtf", 5) == 0)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                           _("RTF files cannot be read: open the notice in Word or WPS and save it as a "
                             "Word document (.docx), a web page or text"));
      return NULL;
    }

  if (_ms_notice_looks_like_html (data, length))
    {
      if (too_large (length, FORMAT_PAGE, error))
        return NULL;
      return _ms_notice_read_html (data, length, error);
    }

  if (length > MS_NOTICE_MAX_SIZE)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The text is too large to be a notice"));
      return NULL;
    }

  text = _ms_notice_decode (data, length, &encoding);
  if (text == NULL)
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           _("The text is not in UTF-8, GB18030 (GBK) or UTF-16"));
      return NULL;
    }

  blocks = ms_notice_read_text (text);
  blocks->encoding = g_steal_pointer (&encoding);

  return blocks;
}
