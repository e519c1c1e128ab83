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

/**
 * ms_notice_read:
 *
 * Reads a notice in any format the importer knows, found from its content.
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
