/* ms-file.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-file"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ms-file.h"
#include "ms-json.h"

#define CHUNK_SIZE (64 * 1024)

/**
 * ms_file_load_contents:
 * @max_size: files longer than this are refused
 * @contents: (out): the bytes read, NUL-terminated
 * @etag: (out) (optional) (nullable): the entity tag, for detecting later changes
 *
 * Reads @file, refusing it as soon as it grows past @max_size: the size is
 * counted while reading, as the file may grow meanwhile. Pipes, devices and
 * sockets are refused before they are opened.
 */
gboolean
ms_file_load_contents (GFile         *file,
                       gsize          max_size,
                       GCancellable  *cancellable,
                       char         **contents,
                       gsize         *length,
                       char         **etag,
                       GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *display_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (length != NULL, FALSE);

  display_name = g_file_get_parse_name (file);
  if (etag != NULL)
    *etag = NULL;

  /* Links are followed: a link to a yearly file is a yearly file. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   /* translators: %s is a file name; 1:1 is line and column, kept for editors */
                   _("%s:1:1: is a folder, not a file"), display_name);
      return FALSE;
    }

  /* Opening a pipe waits for a writer, forever; a device never ends. */
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_SPECIAL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* translators: %s is a file name; 1:1 is line and column, kept for editors */
                   _("%s:1:1: is not a regular file (a pipe or device); choose a file saved on disk"),
                   display_name);
      return FALSE;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (etag != NULL)
    {
      g_autoptr(GFileInfo) stream_info = g_file_input_stream_query_info (stream,
                                                                         G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                                         cancellable, NULL);

      if (stream_info != NULL)
        *etag = g_strdup (g_file_info_get_etag (stream_info));
    }

  buffer = g_byte_array_new ();
  for (;;)
    {
      gsize old_length = buffer->len;
      gsize n_read = 0;

      g_byte_array_set_size (buffer, old_length + CHUNK_SIZE);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + old_length, CHUNK_SIZE,
                                    &n_read, cancellable, error))
        {
          if (etag != NULL)
            g_clear_pointer (etag, g_free);
          return FALSE;
        }
      g_byte_array_set_size (buffer, old_length + n_read);

      if (buffer->len > max_size)
        {
          g_autofree char *limit = g_format_size (max_size);

          if (etag != NULL)
            g_clear_pointer (etag, g_free);
          g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                       /* translators: the first %s is a file name, the second a size such as "8.4 MB" */
                       _("%s:1:1: the file is larger than %s, too large to open"),
                       display_name, limit);
          return FALSE;
        }

      if (n_read < CHUNK_SIZE)
        break;
    }

  *length = buffer->len;
  g_byte_array_append (buffer, (const guint8 *)"", 1);
  *contents = (char *)g_byte_array_free (g_steal_pointer (&buffer), FALSE);

  return TRUE;
}
