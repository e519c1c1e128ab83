/* ms-report-docx.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table of all projects as an editable Word document: the same 附件 as
 * the PDF of the 公文 style (ms-report-gongwen.c), so an office can adjust
 * it in WPS or Word before sending. The package (Office Open XML) is a zip
 * written by libgsf.
 */

#define G_LOG_DOMAIN "ms-report-docx"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <string.h>

#include "ms-report-gongwen.h"
#include "ms-report.h"
#include "ms-safe-write.h"

#define W_NAMESPACE "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define R_NAMESPACE "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define RELATIONSHIP_TYPE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

/* Word's units: twentieths of a point. A4 and the margins of GB/T 9704:
 * 37 mm top, 28 mm left, a 156 × 225 mm type area (so 26 mm right, 35 mm
 * bottom); the footer's page number about 7 mm under the type area. */
#define TWIPS_PER_MM     (1440.0 / 25.4)
#define PAGE_WIDTH       11906
#define PAGE_HEIGHT      16838
#define MARGIN_TOP       2098
#define MARGIN_LEFT      1587
#define MARGIN_RIGHT     1474
#define MARGIN_BOTTOM    1984
#define FOOTER_DISTANCE  1304
#define AREA_WIDTH       8844
/* One 4号 character, the page number's distance from the type area's edge. */
#define PAGE_NUMBER_INDENT 280

/* Fonts are named as offices have them installed (WPS and Windows in China
 * ship them): 方正小标宋简体 for the title, 黑体 for 附件 and the column heads,
 * 仿宋_GB2312 for the text, and Times New Roman for Latin letters and
 * figures. The PDF uses free faces in their place. */
#define FONT_TITLE   "方正小标宋简体"
#define FONT_HEITI   "黑体"
#define FONT_BODY    "仿宋_GB2312"
#define FONT_SONGTI  "宋体"
#define FONT_LATIN   "Times New Roman"

static void
append_escaped (GString    *xml,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (xml, escaped);
}

/* A run of text: preserved spaces, a line break for each newline. */
static void
append_run (GString    *xml,
            const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  g_string_append (xml, "<w:r>");
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (xml, "<w:br/>");
      g_string_append (xml, "<w:t xml:space=\"preserve\">");
      append_escaped (xml, lines[i]);
      g_string_append (xml, "</w:t>");
    }
  g_string_append (xml, "</w:r>");
}

/* @properties: (nullable): paragraph properties after the style, such as
 * alignment */
static void
append_paragraph_full (GString    *xml,
                       const char *style,
                       const char *properties,
                       const char *text)
{
  g_string_append_printf (xml, "<w:p><w:pPr><w:pStyle w:val=\"%s\"/>%s</w:pPr>", style,
                          properties != NULL ? properties : "");
  if (text != NULL && text[0] != '\0')
    append_run (xml, text);
  g_string_append (xml, "</w:p>");
}

static void
append_paragraph (GString    *xml,
                  const char *style,
                  const char *text)
{
  append_paragraph_full (xml, style, NULL, text);
}

static int
column_twips (MsGongwenColumn column)
{
  return (int)(AREA_WIDTH * _ms_gongwen_get_column_share (column) + 0.5);
}

/* A cell; @merge is NULL, "restart" or "continue" for the group's cell;
 * @keep_with_next keeps its row on the page of what follows the table. */
static void
append_cell (GString    *xml,
             int         width,
             guint       span,
             const char *merge,
             gboolean    keep_with_next,
             const char *style,
             const char *text)
{
  g_string_append_printf (xml, "<w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", width);
  if (span > 1)
    g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", span);
  if (g_strcmp0 (merge, "restart") == 0)
    g_string_append (xml, "<w:vMerge w:val=\"restart\"/>");
  else if (merge != NULL)
    g_string_append (xml, "<w:vMerge/>");
  g_string_append (xml, "</w:tcPr>");
  append_paragraph_full (xml, style, keep_with_next ? "<w:keepNext/>" : NULL,
                         merge != NULL && g_strcmp0 (merge, "restart") != 0 ? NULL : text);
  g_string_append (xml, "</w:tc>");
}

/* @keep_last_row: keep the last row on the page of what follows. */
static void
append_table (GString        *xml,
              MsGongwenTable *table,
              gboolean        keep_last_row)
{
  const char *language = _ms_gongwen_table_get_language (table);
  const MsScheduleContext *context = _ms_gongwen_table_get_context (table);
  GArray *rows = _ms_gongwen_table_get_rows (table);

  g_string_append (xml,
                   "<w:tbl><w:tblPr>"
                   "<w:tblW w:w=\"" G_STRINGIFY (AREA_WIDTH) "\" w:type=\"dxa\"/>"
                   "<w:jc w:val=\"center\"/>"
                   "<w:tblBorders>"
                   "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                   "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                   "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                   "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                   "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                   "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
                   "</w:tblBorders>"
                   "<w:tblLayout w:type=\"fixed\"/>"
                   "<w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar>"
                   "</w:tblPr><w:tblGrid>");
  for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
    g_string_append_printf (xml, "<w:gridCol w:w=\"%d\"/>", column_twips (c));
  g_string_append (xml, "</w:tblGrid>");

  /* The column heads repeat at the top of every page. */
  g_string_append (xml, "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
  for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
    append_cell (xml, column_twips (c), 1, NULL, FALSE, "TableHead", _ms_gongwen_get_heading (c, language));
  g_string_append (xml, "</w:tr>");

  for (guint i = 0; i < rows->len; i++)
    {
      const MsGongwenRow *row = &g_array_index (rows, MsGongwenRow, i);
      gboolean keep = keep_last_row && i + 1 == rows->len;

      g_string_append (xml, "<w:tr>");
      if (row->project == NULL)
        append_cell (xml, AREA_WIDTH, MS_GONGWEN_N_COLUMNS, NULL, keep, "CategoryHeading",
                     ms_category_get_title (row->category));
      else
        for (guint c = 0; c < MS_GONGWEN_N_COLUMNS; c++)
          {
            g_autofree char *text = _ms_gongwen_dup_cell_text (row, c, context, language);
            const char *merge = NULL;

            /* The group's title in one cell over its projects. */
            if (c == MS_GONGWEN_COLUMN_GROUP)
              merge = row->first_in_group ? "restart" : "continue";
            append_cell (xml, column_twips (c), 1, merge, keep,
                         c == MS_GONGWEN_COLUMN_NUMBER ? "TableNumber" : "TableText", text);
          }
      g_string_append (xml, "</w:tr>");
    }

  g_string_append (xml, "</w:tbl>");
}

/* A line of the 落款 in the body's style, right-aligned, ending
 * @right_indent points in from the right margin. */
static void
append_signature_line (GString    *xml,
                       const char *text,
                       double      right_indent,
                       gboolean    keep_with_next)
{
  g_autofree char *properties = NULL;

  if (text == NULL)
    return;
  properties = g_strdup_printf ("%s<w:ind w:right=\"%d\"/><w:jc w:val=\"right\"/>",
                                keep_with_next ? "<w:keepNext/>" : "", (int)(right_indent * 20 + 0.5));
  append_paragraph_full (xml, "Normal", properties, text);
}

static char *
build_document (MsGongwenTable *table)
{
  MsDocument *document = _ms_gongwen_table_get_document (table);
  const char *language = _ms_gongwen_table_get_language (table);
  g_autofree char *title = _ms_gongwen_dup_title (document, language);
  GString *xml = g_string_new (XML_DECLARATION);
  const char *issuer_line, *date_line;
  double issuer_indent, date_indent;

  g_string_append (xml, "<w:document xmlns:w=\"" W_NAMESPACE "\" xmlns:r=\"" R_NAMESPACE "\"><w:body>");
  /* 附件 on the first line, the title on the third, a blank line under it. */
  append_paragraph (xml, "AttachmentLabel", _ms_gongwen_get_label (language));
  append_paragraph (xml, "Normal", NULL);
  append_paragraph (xml, "Title", title);
  append_paragraph (xml, "Normal", NULL);
  if (_ms_gongwen_table_get_signature (table, &issuer_line, &date_line, &issuer_indent, &date_indent))
    {
      /* The 落款 as the PDF places it, after a blank line, and kept on one
       * page with the table's last row. */
      append_table (xml, table, TRUE);
      append_paragraph_full (xml, "Normal", "<w:keepNext/>", NULL);
      append_signature_line (xml, issuer_line, issuer_indent, date_line != NULL);
      append_signature_line (xml, date_line, date_indent, FALSE);
    }
  else
    {
      append_table (xml, table, FALSE);
      /* Word wants a paragraph after a table that ends the body. */
      append_paragraph (xml, "Normal", NULL);
    }
  g_string_append (xml,
                   "<w:sectPr>"
                   "<w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
                   "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
                   "<w:pgSz w:w=\"" G_STRINGIFY (PAGE_WIDTH) "\" w:h=\"" G_STRINGIFY (PAGE_HEIGHT) "\"/>"
                   "<w:pgMar w:top=\"" G_STRINGIFY (MARGIN_TOP) "\" w:right=\"" G_STRINGIFY (MARGIN_RIGHT) "\""
                   " w:bottom=\"" G_STRINGIFY (MARGIN_BOTTOM) "\" w:left=\"" G_STRINGIFY (MARGIN_LEFT) "\""
                   " w:header=\"851\" w:footer=\"" G_STRINGIFY (FOOTER_DISTANCE) "\" w:gutter=\"0\"/>"
                   "</w:sectPr></w:body></w:document>");

  return g_string_free (xml, FALSE);
}

/* "— N —" with Word's PAGE field: odd pages at the right, even pages at the
 * left, one character in from the type area's edge. */
static char *
build_footer (gboolean odd)
{
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append (xml, "<w:ftr xmlns:w=\"" W_NAMESPACE "\" xmlns:r=\"" R_NAMESPACE "\">");
  g_string_append (xml, "<w:p><w:pPr><w:pStyle w:val=\"Footer\"/>");
  if (odd)
    g_string_append (xml, "<w:ind w:right=\"" G_STRINGIFY (PAGE_NUMBER_INDENT) "\"/><w:jc w:val=\"right\"/>");
  else
    g_string_append (xml, "<w:ind w:left=\"" G_STRINGIFY (PAGE_NUMBER_INDENT) "\"/><w:jc w:val=\"left\"/>");
  g_string_append (xml,
                   "</w:pPr>"
                   "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                   "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                   "<w:r><w:t>1</w:t></w:r>"
                   "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                   "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>"
                   "</w:p></w:ftr>");

  return g_string_free (xml, FALSE);
}

static void
append_style (GString    *xml,
              const char *type,
              const char *id,
              const char *east_asian_font,
              int         half_points,
              gboolean    bold,
              const char *justification)
{
  g_string_append_printf (xml, "<w:style w:type=\"%s\" w:styleId=\"%s\"><w:name w:val=\"%s\"/>", type, id, id);
  if (g_strcmp0 (id, "Normal") != 0)
    g_string_append (xml, "<w:basedOn w:val=\"Normal\"/>");
  g_string_append (xml, "<w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>");
  if (justification != NULL)
    g_string_append_printf (xml, "<w:jc w:val=\"%s\"/>", justification);
  g_string_append_printf (xml,
                          "</w:pPr><w:rPr><w:rFonts w:ascii=\"%s\" w:hAnsi=\"%s\" w:eastAsia=\"%s\"/>%s"
                          "<w:sz w:val=\"%d\"/><w:szCs w:val=\"%d\"/></w:rPr></w:style>",
                          FONT_LATIN, FONT_LATIN, east_asian_font, bold ? "<w:b/><w:bCs/>" : "", half_points,
                          half_points);
}

static char *
build_styles (void)
{
  GString *xml = g_string_new (XML_DECLARATION);

  g_string_append (xml,
                   "<w:styles xmlns:w=\"" W_NAMESPACE "\"><w:docDefaults><w:rPrDefault><w:rPr>"
                   "<w:rFonts w:ascii=\"" FONT_LATIN "\" w:hAnsi=\"" FONT_LATIN "\" w:eastAsia=\"" FONT_BODY "\"/>"
                   "<w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/>"
                   "</w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>");
  /* Sizes in half points: 3号 16 pt, 2号 22 pt, 4号 14 pt, 五号 10.5 pt. */
  append_style (xml, "paragraph", "Normal", FONT_BODY, 32, FALSE, NULL);
  append_style (xml, "paragraph", "AttachmentLabel", FONT_HEITI, 32, FALSE, NULL);
  append_style (xml, "paragraph", "Title", FONT_TITLE, 44, FALSE, "center");
  append_style (xml, "paragraph", "TableHead", FONT_HEITI, 21, FALSE, "center");
  append_style (xml, "paragraph", "CategoryHeading", FONT_HEITI, 21, FALSE, NULL);
  append_style (xml, "paragraph", "TableText", FONT_BODY, 21, FALSE, "both");
  append_style (xml, "paragraph", "TableNumber", FONT_BODY, 21, FALSE, "center");
  append_style (xml, "paragraph", "Footer", FONT_SONGTI, 28, FALSE, NULL);
  g_string_append (xml, "</w:styles>");

  return g_string_free (xml, FALSE);
}

static char *
build_core_properties (MsDocument *document,
                       const char *title)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  GString *xml = g_string_new (XML_DECLARATION);

  (void)document;
  g_string_append (xml,
                   "<cp:coreProperties"
                   " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
                   " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                   " xmlns:dcterms=\"http://purl.org/dc/terms/\""
                   " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>");
  append_escaped (xml, title);
  g_string_append_printf (xml,
                          "</dc:title><dc:creator>Minsheng Tracker</dc:creator>"
                          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%s</dcterms:created>"
                          "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%s</dcterms:modified>"
                          "</cp:coreProperties>",
                          created, created);

  return g_string_free (xml, FALSE);
}

static const char content_types[] =
  XML_DECLARATION
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/word/document.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
  "<Override PartName=\"/word/styles.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
  "<Override PartName=\"/word/settings.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
  "<Override PartName=\"/word/footer1.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/word/footer2.xml\""
  " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
  "<Override PartName=\"/docProps/core.xml\""
  " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
  "</Types>";

static const char package_relationships[] =
  XML_DECLARATION
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"" RELATIONSHIP_TYPE "officeDocument\" Target=\"word/document.xml\"/>"
  "<Relationship Id=\"rId2\""
  " Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\""
  " Target=\"docProps/core.xml\"/>"
  "</Relationships>";

static const char document_relationships[] =
  XML_DECLARATION
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rIdStyles\" Type=\"" RELATIONSHIP_TYPE "styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rIdSettings\" Type=\"" RELATIONSHIP_TYPE "settings\" Target=\"settings.xml\"/>"
  "<Relationship Id=\"rIdFooterOdd\" Type=\"" RELATIONSHIP_TYPE "footer\" Target=\"footer1.xml\"/>"
  "<Relationship Id=\"rIdFooterEven\" Type=\"" RELATIONSHIP_TYPE "footer\" Target=\"footer2.xml\"/>"
  "</Relationships>";

/* Odd and even pages have their own footers: the page number at the outer
 * corner. */
static const char settings[] =
  XML_DECLARATION
  "<w:settings xmlns:w=\"" W_NAMESPACE "\"><w:defaultTabStop w:val=\"420\"/><w:evenAndOddHeaders/>"
  "<w:characterSpacingControl w:val=\"compressPunctuation\"/>"
  "</w:settings>";

/* A member of the package, in the folder @dir of the zip (NULL: its root). */
static gboolean
add_member (GsfOutfile  *dir,
            const char  *name,
            const char  *data,
            GError     **error)
{
  GsfOutput *member = gsf_outfile_new_child (dir, name, FALSE);
  gboolean written;

  if (member == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", name, g_strerror (ENOMEM));
      return FALSE;
    }

  written = gsf_output_write (member, strlen (data), (const guint8 *)data);
  written = gsf_output_close (member) && written;
  if (!written && error != NULL && *error == NULL)
    {
      const GError *reason = gsf_output_error (member);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", name,
                   reason != NULL ? reason->message : g_strerror (EIO));
    }
  g_object_unref (member);
  return written;
}

/* libgsf 1.14.50 declares no g_autoptr() cleanups: folders are closed and
 * released here. */
static gboolean
close_dir (GsfOutfile *dir)
{
  gboolean closed = gsf_output_close (GSF_OUTPUT (dir));

  g_object_unref (dir);
  return closed;
}

/* The whole package, in memory. */
static GBytes *
build_package (MsGongwenTable  *table,
               GError         **error)
{
  MsDocument *document = _ms_gongwen_table_get_document (table);
  g_autofree char *title = _ms_gongwen_dup_title (document, _ms_gongwen_table_get_language (table));
  g_autofree char *document_xml = build_document (table);
  g_autofree char *styles_xml = build_styles ();
  g_autofree char *odd_footer = build_footer (TRUE);
  g_autofree char *even_footer = build_footer (FALSE);
  g_autofree char *core_xml = build_core_properties (document, title);
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip;
  GsfOutfile *rels;
  GsfOutfile *word;
  GsfOutfile *word_rels;
  GsfOutfile *props;
  GBytes *package = NULL;
  gboolean ok;

  zip = gsf_outfile_zip_new (sink, error);
  if (zip == NULL)
    {
      g_object_unref (sink);
      return NULL;
    }

  /* [Content_Types].xml first, as Office writes it. */
  ok = add_member (zip, "[Content_Types].xml", content_types, error);

  rels = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels", TRUE));
  ok = ok && add_member (rels, ".rels", package_relationships, error);
  ok = close_dir (rels) && ok;

  word = GSF_OUTFILE (gsf_outfile_new_child (zip, "word", TRUE));
  ok = ok && add_member (word, "document.xml", document_xml, error);
  ok = ok && add_member (word, "styles.xml", styles_xml, error);
  ok = ok && add_member (word, "settings.xml", settings, error);
  ok = ok && add_member (word, "footer1.xml", odd_footer, error);
  ok = ok && add_member (word, "footer2.xml", even_footer, error);
  word_rels = GSF_OUTFILE (gsf_outfile_new_child (word, "_rels", TRUE));
  ok = ok && add_member (word_rels, "document.xml.rels", document_relationships, error);
  ok = close_dir (word_rels) && ok;
  ok = close_dir (word) && ok;

  props = GSF_OUTFILE (gsf_outfile_new_child (zip, "docProps", TRUE));
  ok = ok && add_member (props, "core.xml", core_xml, error);
  ok = close_dir (props) && ok;

  ok = close_dir (zip) && ok;
  if (ok)
    package = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), (gsize)gsf_output_size (sink));
  else if (error != NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, g_strerror (EIO));
  g_object_unref (sink);
  return package;
}

/**
 * ms_report_write_docx:
 * @path: the Word document to write
 *
 * Writes the report's table of all projects (of its category, for a
 * category's report) as an editable Word document laid out as the 附件 of
 * an official document, like the PDF of the 公文 style. The file is
 * replaced only once the whole document is written.
 *
 * Returns: %FALSE with @error, which names @path, on failure
 */
gboolean
ms_report_write_docx (MsReport    *report,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  package = build_package (_ms_report_get_gongwen_table (report), &local_error);
  if (package == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* translators: %s is a file name, then a reason */
                   _("Could not write %s: %s"), path, local_error->message);
      return FALSE;
    }

  file = g_file_new_for_path (path);
  return ms_safe_write_bytes (file, package, NULL, MS_SAFE_WRITE_NONE, NULL, NULL, error);
}
