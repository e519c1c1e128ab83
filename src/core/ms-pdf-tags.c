/* ms-pdf-tags.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-pdf-tags"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "ms-pdf-tags-private.h"

/* HACK: cairo 1.16 writes a structure element without entries of its own
 * (cairo_tag_begin() reads attributes for links only), so a Figure has no
 * alternative text (/Alt), and the document no language (/Lang) for a
 * screen reader's voice. These are added to the PDF cairo wrote as an
 * incremental update (ISO 32000-1, 7.5.6): new versions of those objects
 * and a cross-reference section for them, appended; the bytes before stay
 * as they are. Only what cairo writes is read: one cross-reference table,
 * and objects laid out "N 0 obj\n<< /Type /StructElem\n   /S /Figure\n…
 * >>\nendobj". cairo numbers structure elements in the order they begin,
 * so the Figures come in the order the report began them. */

#define XREF_ENTRY_SIZE 20

static gboolean
unexpected (GError    **error,
            const char *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Not a PDF as cairo writes it: %s", what);
  return FALSE;
}

static gssize
find_bytes (const char *data,
            gsize       length,
            gsize       from,
            const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= length; i++)
    {
      if (memcmp (data + i, needle, n) == 0)
        return i;
    }

  return -1;
}

static gssize
find_last_bytes (const char *data,
                 gsize       length,
                 const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = length >= n ? length - n + 1 : 0; i-- > 0;)
    {
      if (memcmp (data + i, needle, n) == 0)
        return i;
    }

  return -1;
}

/* Reads a decimal number at *@at, after white space, and moves past it. */
static gboolean
read_number (const char *data,
             gsize       length,
             gsize      *at,
             guint64    *value)
{
  gsize i = *at;
  guint64 number = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i >= length || !g_ascii_isdigit (data[i]))
    return FALSE;
  for (; i < length && g_ascii_isdigit (data[i]); i++)
    {
      number = number * 10 + (guint64)(data[i] - '0');
      if (number > G_MAXUINT32 * (guint64)1000)
        return FALSE;
    }

  *at = i;
  *value = number;
  return TRUE;
}

/* The number after @key in the trailer's dictionary, from @start to @end. */
static gboolean
read_trailer_number (const char *data,
                     gsize       start,
                     gsize       end,
                     const char *key,
                     guint64    *value)
{
  gssize found = find_bytes (data, end, start, key);
  gsize at;

  if (found < 0)
    return FALSE;
  at = found + strlen (key);
  return read_number (data, end, &at, value);
}

/* A text string in UTF-16BE with its byte order mark, as hexadecimal. */
static void
append_text_string (GString    *out,
                    const char *text)
{
  glong n_units = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n_units, NULL);

  g_string_append (out, "<FEFF");
  for (glong i = 0; units != NULL && i < n_units; i++)
    g_string_append_printf (out, "%04X", units[i]);
  g_string_append_c (out, '>');
}

/* A new version of object @number, its dictionary at @offset, with
 * @entries added. */
static gboolean
append_object (GString     *out,
               const char  *data,
               gsize        length,
               guint64      number,
               gsize        offset,
               const char  *entries,
               GError     **error)
{
  g_autofree char *header = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj\n", number);
  gssize end = find_bytes (data, length, offset, "\nendobj");
  gsize start = offset + strlen (header);
  gsize close;

  if (end < 0 || (gsize)end < start + 4)
    return unexpected (error, "an object without its end");
  close = end;
  while (close > start && g_ascii_isspace (data[close - 1]))
    close--;
  if (close < start + 2 || memcmp (data + close - 2, ">>", 2) != 0)
    return unexpected (error, "an object that is no dictionary");

  g_string_append (out, header);
  g_string_append_len (out, data + start, close - 2 - start);
  g_string_append (out, entries);
  g_string_append (out, ">>\nendobj\n");
  return TRUE;
}

/**
 * _ms_pdf_add_tag_entries:
 * @pdf: a tagged PDF cairo wrote, completed in place
 * @language: (nullable): the document's language, such as "zh-CN"
 * @figure_alts: the alternative text of each Figure, in the order they began
 *
 * Returns: %FALSE with @error, @pdf unchanged, when @pdf is not laid out as
 *   cairo 1.16 writes or its Figures are not those of @figure_alts
 */
gboolean
_ms_pdf_add_tag_entries (GByteArray  *pdf,
                         const char  *language,
                         GPtrArray   *figure_alts,
                         GError     **error)
{
  const char *data = (const char *)pdf->data;
  gsize length = pdf->len;
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 previous, first, count, size, root, info = 0;
  gssize startxref, trailer;
  gsize at, entries;
  guint n_figures = 0;
  gsize base;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (figure_alts != NULL, FALSE);

  if (language != NULL)
    {
      for (const char *c = language; *c != '\0'; c++)
        g_return_val_if_fail (g_ascii_isalnum (*c) || *c == '-', FALSE);
    }

  /* The last cross-reference table, and the trailer after it. */
  startxref = find_last_bytes (data, length, "startxref");
  if (startxref < 0)
    return unexpected (error, "no cross-reference table");
  at = startxref + strlen ("startxref");
  if (!read_number (data, length, &at, &previous) || previous + 5 > length ||
      memcmp (data + previous, "xref\n", 5) != 0)
    return unexpected (error, "no cross-reference table");
  at = previous + 5;
  if (!read_number (data, length, &at, &first) || !read_number (data, length, &at, &count) || first != 0 ||
      at >= length || data[at] != '\n')
    return unexpected (error, "a cross-reference table in parts");
  entries = at + 1;
  if (entries + count * XREF_ENTRY_SIZE > length)
    return unexpected (error, "a cross-reference table cut short");
  trailer = find_bytes (data, startxref, entries + count * XREF_ENTRY_SIZE, "trailer");
  if (trailer < 0 || !read_trailer_number (data, trailer, startxref, "/Size", &size) ||
      !read_trailer_number (data, trailer, startxref, "/Root", &root) || size != count || root >= count)
    return unexpected (error, "no trailer");
  read_trailer_number (data, trailer, startxref, "/Info", &info);

  /* The objects to complete, by number: the Figures, then the catalog. */
  base = length + (data[length - 1] == '\n' ? 0 : 1);
  for (guint64 number = 1; number < count; number++)
    {
      const char *entry = data + entries + number * XREF_ENTRY_SIZE;
      g_autofree char *figure = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj\n"
                                                 "<< /Type /StructElem\n   /S /Figure\n", number);
      g_autofree char *catalog = g_strdup_printf ("%" G_GUINT64_FORMAT " 0 obj\n<< /Type /Catalog\n", number);
      g_autoptr(GString) added = g_string_new (NULL);
      gsize object_at = 0;
      guint64 offset;

      if (entry[17] != 'n')
        continue;
      if (!read_number (entry, 10, &object_at, &offset) || offset >= length)
        return unexpected (error, "an object out of the file");

      if (offset + strlen (figure) <= length && memcmp (data + offset, figure, strlen (figure)) == 0)
        {
          if (n_figures >= figure_alts->len)
            return unexpected (error, "more Figures than were drawn");
          g_string_append (added, "   /Alt ");
          append_text_string (added, g_ptr_array_index (figure_alts, n_figures++));
          g_string_append_c (added, '\n');
        }
      else if (number == root && language != NULL)
        {
          if (offset + strlen (catalog) > length || memcmp (data + offset, catalog, strlen (catalog)) != 0)
            return unexpected (error, "no catalog");
          g_string_append_printf (added, "   /Lang (%s)\n", language);
        }
      else
        continue;

      {
        guint64 new_offset = base + tail->len;

        if (!append_object (tail, data, length, number, offset, added->str, error))
          return FALSE;
        g_array_append_val (numbers, number);
        g_array_append_val (offsets, new_offset);
      }
    }
  if (n_figures != figure_alts->len)
    return unexpected (error, "fewer Figures than were drawn");
  if (numbers->len == 0)
    return TRUE;

  /* Their places, and a trailer pointing back to the table before. */
  {
    guint64 xref = base + tail->len;

    g_string_append (tail, "xref\n");
    for (guint i = 0; i < numbers->len; i++)
      g_string_append_printf (tail, "%" G_GUINT64_FORMAT " 1\n%010" G_GUINT64_FORMAT " 00000 n \n",
                              g_array_index (numbers, guint64, i), g_array_index (offsets, guint64, i));
    g_string_append_printf (tail, "trailer\n<< /Size %" G_GUINT64_FORMAT "\n   /Root %" G_GUINT64_FORMAT " 0 R\n",
                            size, root);
    if (info != 0)
      g_string_append_printf (tail, "   /Info %" G_GUINT64_FORMAT " 0 R\n", info);
    g_string_append_printf (tail, "   /Prev %" G_GUINT64_FORMAT "\n>>\nstartxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                            previous, xref);
  }

  if (base > length)
    g_byte_array_append (pdf, (const guint8 *)"\n", 1);
  g_byte_array_append (pdf, (const guint8 *)tail->str, tail->len);
  return TRUE;
}
