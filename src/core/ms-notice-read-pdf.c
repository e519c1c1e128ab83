/* ms-notice-read-pdf.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-read-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <string.h>

#include "ms-json.h"
#include "ms-notice.h"
#include "ms-notice-readers-private.h"

/* PDFs: the text layer of each page through poppler-glib, the pages joined
 * and read as a text (ms_notice_read_text()). A scan has no text layer and
 * is refused: reading it would need OCR. */

/* Notices run to a few pages; a report of thousands is something else. */
#define MAX_PAGES 2000

static gboolean
has_visible_text (const char *text)
{
  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0x00A0 && c != 0xFFFD && g_unichar_isprint (c))
        return TRUE;
    }

  return FALSE;
}

/* Poppler reports damage through GLib's log as well as its errors. */
static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
}

/**
 * _ms_notice_read_pdf:
 *
 * Reads the text layer of a PDF as a text.
 *
 * Returns: (transfer full) (nullable): the blocks, or %NULL with @error set
 */
MsNoticeBlocks *
_ms_notice_read_pdf (const char  *data,
                     gsize        length,
                     GError     **error)
{
  /* The document is gone before this returns: no copy of the data. */
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, length);
  /* Unreferenced by hand: not every poppler-glib declares cleanup functions. */
  g_autoptr(GObject) document = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) text = NULL;
  MsNoticeBlocks *blocks;
  guint handler;
  int n_pages;

  handler = g_log_set_handler ("Poppler", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE |
                               G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG |
                               G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, drop_message, NULL);
  document = (GObject *)poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      g_log_remove_handler ("Poppler", handler);
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                             _("The PDF is protected by a password; save the notice again without one, "
                               "or as a web page or text"));
      else
        g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                             _("The PDF is damaged and cannot be read"));
      return NULL;
    }

  n_pages = poppler_document_get_n_pages (POPPLER_DOCUMENT (document));
  if (n_pages > MAX_PAGES)
    {
      g_log_remove_handler ("Poppler", handler);
      g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                   /* translators: %d is a count of pages */
                   ngettext ("The PDF has %d page, more than a notice has; refused",
                             "The PDF has %d pages, more than a notice has; refused", n_pages),
                   n_pages);
      return NULL;
    }

  text = g_string_new (NULL);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(GObject) page = (GObject *)poppler_document_get_page (POPPLER_DOCUMENT (document), i);
      g_autofree char *page_text = page != NULL ? poppler_page_get_text (POPPLER_PAGE (page)) : NULL;

      if (page_text == NULL || !g_utf8_validate (page_text, -1, NULL))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, page_text);
      if (text->len > MS_NOTICE_MAX_SIZE)
        {
          g_log_remove_handler ("Poppler", handler);
          g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                               _("The PDF holds more text than a notice; refused"));
          return NULL;
        }
    }
  g_log_remove_handler ("Poppler", handler);

  if (!has_visible_text (text->str))
    {
      g_set_error_literal (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_UNSUPPORTED,
                           _("The PDF has no text, only images of pages (a scan): save the notice as text "
                             "or as a web page, or run OCR on the PDF first"));
      return NULL;
    }

  blocks = ms_notice_read_text (text->str);
  g_free (blocks->format);
  blocks->format = g_strdup ("pdf");
  g_free (blocks->encoding);
  blocks->encoding = g_strdup ("Unicode");

  return blocks;
}
