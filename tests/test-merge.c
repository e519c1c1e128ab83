/* test-merge.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sheet reader (.xlsx parts as WPS and Excel write them, CSV, every
 * refusal) and the merge of returned sheets: changes, conflicts, one undo
 * step, a second merge that changes nothing; and the reader under mutated
 * input, which must never crash.
 */

#include "config.h"

#include <gsf/gsf-outfile-msole.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>
#include <math.h>
#include <string.h>

#include "merge-returns.h"
#include "ms-category.h"
#include "ms-edits.h"
#include "ms-group.h"
#include "ms-merge.h"
#include "ms-project.h"
#include "test-util.h"

#define REPORTING_DATE ms_date_from_ymd (2024, 6, 30)
#define DEPARTMENT     "市人力资源和社会保障部门"

/* A zip of members given as name, text, name, text …, NULL. */
static GBytes *
make_zip (const char *first_name,
          ...)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  /* One folder object per folder path, closed after all of its members. */
  g_autoptr(GHashTable) folders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) folder_order = g_ptr_array_new_with_free_func (g_object_unref);
  GBytes *bytes;
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *text = va_arg (args, const char *);
      g_auto(GStrv) parts = g_strsplit (name, "/", -1);
      g_autoptr(GString) path = g_string_new (NULL);
      GsfOutfile *folder = zip;
      GsfOutput *member;

      for (guint i = 0; parts[i + 1] != NULL; i++)
        {
          GsfOutfile *child;

          g_string_append_printf (path, "%s/", parts[i]);
          child = g_hash_table_lookup (folders, path->str);
          if (child == NULL)
            {
              child = GSF_OUTFILE (gsf_outfile_new_child (folder, parts[i], TRUE));
              g_hash_table_insert (folders, g_strdup (path->str), child);
              g_ptr_array_add (folder_order, child);
            }
          folder = child;
        }
      member = gsf_outfile_new_child (folder, parts[g_strv_length (parts) - 1], FALSE);
      g_assert_true (gsf_output_write (member, strlen (text), (const guint8 *)text));
      g_assert_true (gsf_output_close (member));
      g_object_unref (member);
    }
  va_end (args);

  for (guint i = folder_order->len; i > 0; i--)
    g_assert_true (gsf_output_close (g_ptr_array_index (folder_order, i - 1)));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_clear_pointer (&folder_order, g_ptr_array_unref);
  g_object_unref (zip);
  g_object_unref (sink);
  return bytes;
}

#define CONTENT_TYPES "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
#define PACKAGE_RELS \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
  "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
#define WORKBOOK_RELS \
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" \
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
  "worksheet\" Target=\"/xl/worksheets/sheet1.xml\"/>" \
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
  "worksheet\" Target=\"worksheets/../worksheets/sheet2.xml\"/>" \
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/" \
  "sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"

/* As Excel and WPS write them: a namespace prefix, shared strings with rich
 * runs and phonetic guides, the 1904 date system, merged title rows. */
static GBytes *
make_wps_workbook (const char *sheet1)
{
  return make_zip ("[Content_Types].xml", CONTENT_TYPES,
                   "_rels/.rels", PACKAGE_RELS,
                   "xl/workbook.xml",
                   "\xEF\xBB\xBF<?xml version=\"1.0\"?><x:workbook xmlns:x=\"http://schemas.openxmlformats.org/"
                   "spreadsheetml/2006/main\" xmlns:rel=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                   "relationships\"><x:workbookPr date1904=\"true\"/><x:sheets>"
                   "<x:sheet name=\"填报表\" sheetId=\"1\" rel:id=\"rId1\"/>"
                   "<x:sheet name=\"_minsheng\" sheetId=\"2\" state=\"hidden\" rel:id=\"rId2\"/>"
                   "</x:sheets></x:workbook>",
                   "xl/_rels/workbook.xml.rels", WORKBOOK_RELS,
                   "xl/sharedStrings.xml",
                   "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\">"
                   "<si><t>标题 · 截至 2024-06-30</t></si>"
                   "<si><r><rPr><b/></rPr><t>进展</t></r><r><t xml:space=\"preserve\"> 顺利 &amp; 好</t></r>"
                   "<rPh sb=\"0\" eb=\"2\"><t>ジン</t></rPh></si></sst>",
                   "xl/worksheets/sheet1.xml", sheet1,
                   "xl/worksheets/sheet2.xml",
                   "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                   "<row><c t=\"inlineStr\"><is><t>minsheng-return</t></is></c><c><v>1</v></c></row>"
                   "</sheetData></worksheet>",
                   NULL);
}

static MsWorkbook *
read_xlsx (GBytes  *bytes,
           GError **error)
{
  return ms_workbook_new_from_xlsx (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "test.xlsx", error);
}

static void
test_reader_xlsx (void)
{
  g_autoptr(GBytes) bytes = make_wps_workbook (
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>"
    "<row r=\"4\"><c r=\"B4\"><v>3000</v></c><c r=\"C4\" t=\"s\"><v>1</v></c><c t=\"b\"><v>1</v></c>"
    "<c r=\"E4\" t=\"e\"><v>#DIV/0!</v></c><c r=\"F4\" t=\"str\"><f>A1</f><v>公式</v></c>"
    "<c r=\"G4\" t=\"inlineStr\"><is><r><t>约</t></r><r><t>3000</t></r></is></c>"
    "<c r=\"H4\" s=\"3\"/><c r=\"I4\" t=\"inlineStr\"><is><t>a_x0009_b _x005F_x0041_ _x00_</t></is></c>"
    "<c r=\"AA4\"><v>1.5E3</v></c></row></sheetData>"
    "<mergeCells count=\"1\"><mergeCell ref=\"A1:J1\"/></mergeCells></worksheet>");
  g_autoptr(GError) error = NULL;
  g_autoptr(MsWorkbook) workbook = read_xlsx (bytes, &error);
  MsSheet *sheet, *hidden;
  guint first_row, first_column, last_row, last_column;
  int year, month, day;

  g_assert_no_error (error);
  g_assert_cmpuint (ms_workbook_get_n_sheets (workbook), ==, 2);
  g_assert_true (ms_workbook_get_date1904 (workbook));
  sheet = ms_workbook_find_sheet (workbook, "填报表");
  hidden = ms_workbook_find_sheet (workbook, "_minsheng");
  g_assert_cmpint (ms_sheet_get_state (sheet), ==, MS_SHEET_VISIBLE);
  g_assert_cmpint (ms_sheet_get_state (hidden), ==, MS_SHEET_HIDDEN);

  g_assert_cmpstr (ms_sheet_get_cell (sheet, 0, 0)->text, ==, "标题 · 截至 2024-06-30");
  g_assert_cmpint (ms_sheet_get_cell (sheet, 3, 1)->kind, ==, MS_CELL_NUMBER);
  g_assert_cmpfloat (ms_sheet_get_cell (sheet, 3, 1)->number, ==, 3000);
  /* Rich runs joined, the phonetic guide left out. */
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 3, 2)->text, ==, "进展 顺利 & 好");
  g_assert_cmpint (ms_sheet_get_cell (sheet, 3, 3)->kind, ==, MS_CELL_BOOLEAN);
  g_assert_cmpint (ms_sheet_get_cell (sheet, 3, 4)->kind, ==, MS_CELL_ERROR);
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 3, 5)->text, ==, "公式");
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 3, 6)->text, ==, "约3000");
  g_assert_cmpint (ms_sheet_get_cell (sheet, 3, 7)->kind, ==, MS_CELL_EMPTY);
  /* Excel's escapes, each decoded once. */
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 3, 8)->text, ==, "a\tb _x0041_ _x00_");
  g_assert_cmpfloat (ms_sheet_get_cell (sheet, 3, 26)->number, ==, 1500);
  g_assert_cmpint (ms_sheet_get_cell (sheet, 99, 99)->kind, ==, MS_CELL_EMPTY);

  g_assert_cmpuint (ms_sheet_get_n_merged (sheet), ==, 1);
  ms_sheet_get_merged (sheet, 0, &first_row, &first_column, &last_row, &last_column);
  g_assert_cmpuint (first_row, ==, 0);
  g_assert_cmpuint (last_column, ==, 9);

  /* Rows and cells without references follow the ones before. */
  g_assert_cmpstr (ms_sheet_get_cell (hidden, 0, 0)->text, ==, "minsheng-return");
  g_assert_cmpfloat (ms_sheet_get_cell (hidden, 0, 1)->number, ==, 1);

  g_assert_true (ms_sheet_serial_to_date (45473, FALSE, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20240630);
  g_assert_true (ms_sheet_serial_to_date (45473 - 1462, TRUE, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 20240630);
  g_assert_true (ms_sheet_serial_to_date (59, FALSE, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 19000228);
  g_assert_false (ms_sheet_serial_to_date (60, FALSE, &year, &month, &day));
  g_assert_true (ms_sheet_serial_to_date (61, FALSE, &year, &month, &day));
  g_assert_cmpint (year * 10000 + month * 100 + day, ==, 19000301);
}

static void
assert_refused (MsWorkbook   *workbook,
                const GError *error,
                MsSheetError  code,
                const char   *phrase)
{
  g_assert_null (workbook);
  g_assert_error (error, MS_SHEET_ERROR, (int)code);
  g_assert_true (g_str_has_prefix (error->message, "test.xlsx: "));
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, phrase) == NULL)
    g_error ("“%s” not in “%s”", phrase, error->message);
}

static GBytes *
make_ole2 (const char *stream_name)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *ole = gsf_outfile_msole_new (sink);
  GsfOutput *stream = gsf_outfile_new_child (ole, stream_name, FALSE);
  guint8 data[5000] = { 0 };
  GBytes *bytes;

  g_assert_true (gsf_output_write (stream, sizeof data, data));
  g_assert_true (gsf_output_close (stream));
  g_assert_true (gsf_output_close (GSF_OUTPUT (ole)));
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (stream);
  g_object_unref (ole);
  g_object_unref (sink);
  return bytes;
}

static void
test_reader_refusals (void)
{
  g_autoptr(GError) error = NULL;
  MsWorkbook *workbook;

  {
    static const char text[] = "类别,序号\n";

    workbook = ms_workbook_new_from_xlsx (text, strlen (text), "test.xlsx", &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_NOT_A_WORKBOOK, "not a zip archive");
    g_clear_error (&error);
  }

  {
    g_autoptr(GBytes) bytes = make_wps_workbook (
      "<?xml version=\"1.0\"?><!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&b;</t></is></c></row>"
      "</sheetData></worksheet>");

    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_ENTITIES, "xl/worksheets/sheet1.xml declares a DOCTYPE");
    g_clear_error (&error);
  }

  {
    g_autoptr(GBytes) encrypted = make_ole2 ("EncryptedPackage");
    g_autoptr(GBytes) legacy = make_ole2 ("Workbook");

    workbook = read_xlsx (encrypted, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_ENCRYPTED, "password-protected");
    g_clear_error (&error);
    workbook = read_xlsx (legacy, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_LEGACY, ".xls (Excel 97–2003) is not supported");
    g_clear_error (&error);
  }

  {
    /* One row over the cap; the reading stops there. */
    GString *xml = g_string_new ("<worksheet><sheetData>");
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *phrase = g_strdup_printf ("sheet “填报表” has more than %u rows", MS_SHEET_MAX_ROWS);

    for (guint row = 1; row <= MS_SHEET_MAX_ROWS + 1; row++)
      g_string_append_printf (xml, "<row r=\"%u\"><c r=\"A%u\"><v>%u</v></c></row>", row, row, row);
    g_string_append (xml, "</sheetData></worksheet>");
    bytes = make_wps_workbook (xml->str);
    g_string_free (xml, TRUE);
    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_TOO_LARGE, phrase);
    g_clear_error (&error);
  }

  {
    /* A single row numbered past the cap is refused as well, without room made for it. */
    g_autoptr(GBytes) bytes = make_wps_workbook ("<worksheet><sheetData><row r=\"1000000\"/></sheetData></worksheet>");

    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_TOO_LARGE, "rows");
    g_clear_error (&error);
  }

  {
    /* 8 MB of zeros deflate to a few kilobytes: over the ratio cap. */
    g_autofree char *zeros = g_malloc (8 * 1024 * 1024 + 1);
    g_autoptr(GBytes) bytes = NULL;

    memset (zeros, ' ', 8 * 1024 * 1024);
    zeros[8 * 1024 * 1024] = '\0';
    bytes = make_zip ("[Content_Types].xml", CONTENT_TYPES, "xl/worksheets/sheet1.xml", zeros, NULL);
    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_TOO_LARGE, "zip bomb");
    g_clear_error (&error);
  }

  {
    g_autoptr(GBytes) bytes = make_wps_workbook (
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row></sheetData></worksheet>");

    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_INVALID, "sheet “填报表”, cell A1");
    g_clear_error (&error);
  }

  {
    g_autoptr(GBytes) bytes = make_wps_workbook (
      "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>");

    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_INVALID, "the cell reference is not valid");
    g_clear_error (&error);
  }

  {
    g_autoptr(GBytes) bytes = make_wps_workbook ("<worksheet><sheetData><row r=\"1\"><c r=\"A1\">");

    workbook = read_xlsx (bytes, &error);
    assert_refused (workbook, error, MS_SHEET_ERROR_INVALID, "xl/worksheets/sheet1.xml is damaged");
    g_clear_error (&error);
  }
}

static void
test_reader_csv (void)
{
  static const char utf8[] = "\xEF\xBB\xBF类别,序号,\"进展,\"\"引号\"\"\n第二行\"\r\n民生,3,\r\n\r\n,,末尾";
  g_autoptr(GError) error = NULL;
  g_autoptr(MsWorkbook) workbook = ms_workbook_new_from_csv (utf8, strlen (utf8), "test.csv", &error);
  g_autofree char *gb = NULL;
  MsSheet *sheet;
  gsize gb_length = 0;

  g_assert_no_error (error);
  g_assert_true (ms_workbook_get_is_csv (workbook));
  sheet = ms_workbook_get_sheet (workbook, 0);
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 0, 0)->text, ==, "类别");
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 0, 2)->text, ==, "进展,\"引号\"\n第二行");
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 1, 1)->text, ==, "3");
  g_assert_cmpint (ms_sheet_get_cell (sheet, 1, 2)->kind, ==, MS_CELL_EMPTY);
  g_assert_cmpint (ms_sheet_get_cell (sheet, 2, 0)->kind, ==, MS_CELL_EMPTY);
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 3, 2)->text, ==, "末尾");
  g_clear_pointer (&workbook, ms_workbook_free);

  gb = g_convert ("类别\t序号\n民生实事\t5\n", -1, "GB18030", "UTF-8", NULL, &gb_length, NULL);
  workbook = ms_workbook_new_from_csv (gb, gb_length, "test.csv", &error);
  g_assert_no_error (error);
  sheet = ms_workbook_get_sheet (workbook, 0);
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 1, 0)->text, ==, "民生实事");
  g_assert_cmpstr (ms_sheet_get_cell (sheet, 1, 1)->text, ==, "5");
  g_clear_pointer (&workbook, ms_workbook_free);

  workbook = ms_workbook_new_from_csv ("a,\"open", 7, "test.csv", &error);
  g_assert_null (workbook);
  g_assert_error (error, MS_SHEET_ERROR, MS_SHEET_ERROR_INVALID);
}

/* The example's returns for one department, filled with new figures, texts,
 * a status and remarks; read back from .xlsx bytes like a real return. */
static MsWorkbook *
make_filled_return (MsDocument *document,
                    const char *department,
                    double      offset)
{
  g_autoptr(MsWorkbook) built = ms_bench_make_return (document, department, REPORTING_DATE);
  MsSheet *sheet = ms_workbook_get_sheet (built, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  MsWorkbook *workbook;

  for (guint row = MS_RETURN_FIRST_ROW; row < ms_sheet_get_n_rows (sheet); row++)
    {
      g_autofree char *text = g_strdup_printf ("项目%s六月底进展", ms_sheet_get_cell (sheet, row, 1)->text);
      g_autofree char *remark = g_strdup_printf ("第%u行备注", row + 1);

      if (ms_sheet_get_cell (sheet, row, 3)->kind != MS_CELL_EMPTY)
        {
          /* Figures as text, as WPS keeps them when typed into a text cell. */
          g_autofree char *figure = g_strdup_printf ("%g", row + offset);

          ms_sheet_set_text (sheet, row, 6, figure);
          ms_sheet_set_text (sheet, row, 9, remark);
        }
      ms_sheet_set_text (sheet, row, 7, text);
      ms_sheet_set_text (sheet, row, 8, "推进中");
    }

  bytes = ms_bench_workbook_to_xlsx (built);
  workbook = ms_workbook_new_from_xlsx (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        department, &error);
  g_assert_no_error (error);
  return workbook;
}

static MsProject *
find_project (MsDocument *document,
              const char *category_id,
              guint       number)
{
  return ms_test_find_project (document, category_id, number);
}

static MsMerge *
merge_returns (MsDocument *document,
               MsWorkbook *first,
               MsWorkbook *second)
{
  MsMerge *merge = ms_merge_new (document, MS_DATE_NONE);
  g_autoptr(GError) error = NULL;

  g_assert_true (ms_merge_add_return (merge, first, &error));
  g_assert_no_error (error);
  if (second != NULL)
    {
      g_assert_true (ms_merge_add_return (merge, second, &error));
      g_assert_no_error (error);
    }
  return merge;
}

static void
test_merge_apply_undo (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
  g_autoptr(MsMerge) merge = merge_returns (document, workbook, NULL);
  g_autoptr(MsMerge) again = NULL;
  g_autoptr(GBytes) before = ms_document_serialize (document, NULL);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  MsSheet *sheet = ms_workbook_get_sheet (workbook, 0);
  guint n_figures = 0;

  g_assert_cmpuint (ms_merge_get_conflicts (merge)->len, ==, 0);
  g_assert_cmpuint (ms_merge_apply (merge, history), ==, ms_merge_get_changes (merge)->len);

  /* Each row's figure is the progress entry at the reporting date, with its remark. */
  for (guint row = MS_RETURN_FIRST_ROW; row < ms_sheet_get_n_rows (sheet); row++)
    {
      MsSheet *hidden = ms_workbook_get_sheet (workbook, 1);
      guint hidden_row = row - MS_RETURN_FIRST_ROW + 9;
      MsProject *project = find_project (document, ms_sheet_get_cell (hidden, hidden_row, 1)->text,
                                         ms_sheet_get_cell (hidden, hidden_row, 2)->number);
      int index = ms_sheet_get_cell (hidden, hidden_row, 3)->number;
      g_autofree char *text = g_strdup_printf ("项目%u六月底进展", ms_project_get_number (project));
      const MsTimelineEntry *entry;
      g_autofree char *remark = g_strdup_printf ("第%u行备注", row + 1);

      g_assert_cmpstr (ms_project_get_completion (project), ==, text);
      g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_IN_PROGRESS);
      if (index < 0)
        continue;
      entry = ms_timeline_get_at (ms_indicator_get_progress (ms_project_get_indicator (project, index)),
                                  REPORTING_DATE);
      g_assert_nonnull (entry);
      g_assert_cmpuint (entry->date, ==, REPORTING_DATE);
      g_assert_cmpfloat_with_epsilon (entry->value, row + 0.5, 1e-9);
      g_assert_cmpstr (entry->note, ==, remark);
      n_figures++;
    }
  g_assert_cmpuint (n_figures, >, 3);

  /* One step undoes it all, exactly. */
  g_assert_true (ms_history_get_can_undo (history));
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Merge Returned Sheets");
  after = ms_document_serialize (document, NULL);
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_history_get_can_undo (history));
  undone = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_true (ms_history_redo (history));
  redone = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (after, redone));

  /* The same return again: nothing left to change. */
  again = merge_returns (document, workbook, NULL);
  g_assert_cmpuint (ms_merge_get_changes (again)->len, ==, 0);
  g_assert_cmpuint (ms_merge_get_conflicts (again)->len, ==, 0);
  g_assert_cmpuint (ms_merge_apply (again, history), ==, 0);
  g_assert_cmpuint (ms_history_get_serial (history), >, 0);
}

static void
test_merge_rejected (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
  g_autoptr(MsMerge) merge = merge_returns (document, workbook, NULL);
  g_autoptr(GBytes) before = ms_document_serialize (document, NULL);
  g_autoptr(GBytes) after = NULL;
  GPtrArray *changes = ms_merge_get_changes (merge);

  /* Nothing accepted: nothing applied, no undo step. */
  for (guint i = 0; i < changes->len; i++)
    ((MsMergeChange *)g_ptr_array_index (changes, i))->accepted = FALSE;
  g_assert_cmpuint (ms_merge_apply (merge, history), ==, 0);
  g_assert_false (ms_history_get_can_undo (history));
  after = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (before, after));
}

static guint
count_conflicts (MsMerge             *merge,
                 MsMergeConflictKind  kind)
{
  GPtrArray *conflicts = ms_merge_get_conflicts (merge);
  guint n = 0;

  for (guint i = 0; i < conflicts->len; i++)
    {
      const MsMergeConflict *conflict = g_ptr_array_index (conflicts, i);

      g_assert_null (strchr (conflict->message, '\n'));
      g_assert_true (g_str_has_prefix (conflict->source, DEPARTMENT) || g_str_has_prefix (conflict->source, "other"));
      if (conflict->kind == kind)
        n++;
    }

  return n;
}

static void
test_merge_conflicts (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  MsSheet *sheet, *hidden;

  /* The file changed since export: the hidden actual no longer is the file's. */
  {
    g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsMerge) merge = NULL;

    hidden = ms_workbook_get_sheet (workbook, 1);
    ms_sheet_set_number (hidden, 9, 6, 1.25);
    merge = merge_returns (document, workbook, NULL);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_FILE_CHANGED), ==, 1);
  }

  /* A locked column edited: the whole row is left out. */
  {
    g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsMerge) merge = NULL;

    sheet = ms_workbook_get_sheet (workbook, 0);
    ms_sheet_set_text (sheet, MS_RETURN_FIRST_ROW, 5, "公里");
    ms_sheet_set_text (sheet, MS_RETURN_FIRST_ROW + 1, 2, "改过的项目名称");
    merge = merge_returns (document, workbook, NULL);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_LOCKED_EDITED), ==, 2);
    for (guint i = 0; i < ms_merge_get_changes (merge)->len; i++)
      {
        const MsMergeChange *change = g_ptr_array_index (ms_merge_get_changes (merge), i);

        g_assert_false (g_str_has_suffix (change->source, "!G4") || g_str_has_suffix (change->source, "!J4"));
      }
  }

  /* A row added by the department; a hidden row pointing at no project. */
  {
    g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsMerge) merge = NULL;
    guint last;

    sheet = ms_workbook_get_sheet (workbook, 0);
    hidden = ms_workbook_get_sheet (workbook, 1);
    last = ms_sheet_get_n_rows (sheet);
    ms_sheet_set_text (sheet, last, 0, "新类别");
    ms_sheet_set_number (sheet, last, 1, 99);
    ms_sheet_set_number (hidden, 9, 2, 999);
    merge = merge_returns (document, workbook, NULL);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_NO_PROJECT), ==, 2);
  }

  /* Text in a number cell; a word that is no status. */
  {
    g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsMerge) merge = NULL;

    sheet = ms_workbook_get_sheet (workbook, 0);
    ms_sheet_set_text (sheet, MS_RETURN_FIRST_ROW, 6, "约3000");
    ms_sheet_set_text (sheet, MS_RETURN_FIRST_ROW + 1, 6, "已完成");
    ms_sheet_set_text (sheet, MS_RETURN_FIRST_ROW + 3, 8, "快完成了");
    merge = merge_returns (document, workbook, NULL);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_BAD_VALUE), ==, 3);
  }

  /* Two departments, two values for the same figure: neither applied. */
  {
    g_autoptr(MsWorkbook) first = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsWorkbook) second = make_filled_return (document, DEPARTMENT, 0.75);
    g_autoptr(MsMerge) merge = NULL;
    GPtrArray *changes;

    ms_sheet_set_text (ms_workbook_get_sheet (second, 1), 5, 1, "other department");
    merge = merge_returns (document, first, second);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_DISAGREEMENT), >=, 3);
    changes = ms_merge_get_changes (merge);
    for (guint i = 0; i < changes->len; i++)
      g_assert_cmpint (((MsMergeChange *)g_ptr_array_index (changes, i))->field, !=, MS_MERGE_FIELD_ACTUAL);
  }

  /* Another file, another year: the return is refused whole. */
  {
    g_autoptr(MsWorkbook) workbook = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsWorkbook) other_year = make_filled_return (document, DEPARTMENT, 0.5);
    g_autoptr(MsMerge) merge = NULL;
    g_autoptr(MsMerge) year_merge = NULL;

    ms_sheet_set_text (ms_workbook_get_sheet (workbook, 1), 4, 1, "0000");
    merge = merge_returns (document, workbook, NULL);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_OTHER_FILE), ==, 1);
    g_assert_cmpuint (ms_merge_get_changes (merge)->len, ==, 0);

    ms_sheet_set_number (ms_workbook_get_sheet (other_year, 1), 3, 1, 2023);
    year_merge = merge_returns (document, other_year, NULL);
    g_assert_cmpuint (count_conflicts (year_merge, MS_MERGE_CONFLICT_OTHER_FILE), ==, 1);
    g_assert_cmpuint (ms_merge_get_changes (year_merge)->len, ==, 0);
  }

  /* A remark with no figure to go with. */
  {
    g_autoptr(MsDocument) bare = ms_test_load_example ();
    g_autoptr(MsWorkbook) workbook = NULL;
    g_autoptr(MsMerge) merge = NULL;
    MsProject *project = find_project (bare, "provincial", 1);

    ms_indicator_clear_actual (ms_project_get_indicator (project, 0));
    workbook = ms_bench_make_return (bare, DEPARTMENT, REPORTING_DATE);
    sheet = ms_workbook_get_sheet (workbook, 0);
    ms_sheet_set_text (sheet, MS_RETURN_FIRST_ROW, 9, "只有备注");
    merge = merge_returns (bare, workbook, NULL);
    g_assert_cmpuint (count_conflicts (merge, MS_MERGE_CONFLICT_REMARK_WITHOUT_FIGURE), ==, 1);
  }
}

static void
test_merge_not_a_return (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsMerge) merge = ms_merge_new (document, MS_DATE_NONE);
  g_autoptr(GError) error = NULL;
  static const char no_date[] = "类别,序号,指标,本期完成值\n省重点民生实事,1,职业技能培训,12\n";
  static const char unrelated[] = "a,b,c\n1,2,3\n";
  g_autoptr(MsWorkbook) undated = ms_workbook_new_from_csv (no_date, strlen (no_date), "undated.csv", NULL);
  g_autoptr(MsWorkbook) other = ms_workbook_new_from_csv (unrelated, strlen (unrelated), "other.csv", NULL);
  g_autoptr(MsMerge) dated = ms_merge_new (document, REPORTING_DATE);

  g_assert_false (ms_merge_add_return (merge, undated, &error));
  g_assert_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NO_DATE);
  g_clear_error (&error);
  g_assert_false (ms_merge_add_return (merge, other, &error));
  g_assert_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NOT_A_RETURN);
  g_clear_error (&error);

  g_assert_true (ms_merge_add_return (dated, undated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ms_merge_get_changes (dated)->len, ==, 1);
}

/* Whatever a damaged return holds, the merge reports it or refuses it. */
static void
merge_anything (MsDocument *document,
                MsWorkbook *workbook)
{
  g_autoptr(MsMerge) merge = ms_merge_new (document, REPORTING_DATE);
  g_autoptr(GError) error = NULL;
  GPtrArray *conflicts;

  if (!ms_merge_add_return (merge, workbook, &error))
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_no_error (error);
  conflicts = ms_merge_get_conflicts (merge);
  for (guint i = 0; i < conflicts->len; i++)
    g_assert_nonnull (((MsMergeConflict *)g_ptr_array_index (conflicts, i))->message);
}

/* Bad input must never crash the reader: random bytes changed in a valid
 * workbook, and damaged XML inside a valid zip. */
static void
test_reader_fuzz (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(MsWorkbook) built = ms_bench_make_return (document, DEPARTMENT, REPORTING_DATE);
  g_autoptr(GBytes) valid = ms_bench_workbook_to_xlsx (built);
  static const char * const pieces[] = {
    "<", ">", "&", "&amp;", "&#0;", "&#xD800;", "\"", "</c>", "<c r=\"A1\" t=\"s\"><v>99", "<row r=\"0\">",
    "<row r=\"4294967297\">", "<!DOCTYPE x>", "<![CDATA[x]]>", "\xFF", "<is><t>", "<mergeCell ref=\"B2:A1\"/>",
  };
  guint n_runs = g_test_slow () ? 20000 : 3000;
  guint n_read = 0;

  g_test_message ("fuzzing: %u mutated workbooks, %u damaged sheets", n_runs, n_runs / 3);
  /* libgsf warns about the damaged zips made here, and GLib criticises its
   * dates (the reader keeps both out of the output, but the test setup makes
   * them fatal); the reader's own warnings and criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_fatal_mask ("ms-sheet-reader", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("ms-merge", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);

  for (guint run = 0; run < n_runs; run++)
    {
      gsize size = g_bytes_get_size (valid);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (valid, NULL), size);
      guint n_changes = g_test_rand_int_range (1, 9);
      g_autoptr(GError) error = NULL;
      g_autoptr(MsWorkbook) workbook = NULL;

      for (guint i = 0; i < n_changes; i++)
        data[g_test_rand_int_range (0, size)] = g_test_rand_int_range (0, 256);
      if (run % 17 == 0)
        size = g_test_rand_int_range (0, size);

      workbook = ms_workbook_new_from_xlsx (data, size, "fuzz.xlsx", &error);
      g_assert_true ((workbook == NULL) == (error != NULL));
      if (error != NULL && strchr (error->message, '\n') != NULL)
        g_error ("not one line: %s", error->message);
      if (workbook != NULL)
        {
          n_read++;
          merge_anything (document, workbook);
        }
    }

  for (guint run = 0; run < n_runs / 3; run++)
    {
      g_autofree char *xml = g_strdup ("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                                       "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>类别</t></is></c>"
                                       "<c r=\"B1\"><v>3</v></c></row><row r=\"2\"><c r=\"C2\" t=\"s\"><v>0</v></c>"
                                       "</row></sheetData><mergeCells><mergeCell ref=\"A1:J1\"/></mergeCells>"
                                       "</worksheet>");
      GString *damaged = g_string_new (xml);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MsWorkbook) workbook = NULL;

      for (guint i = 0, n = g_test_rand_int_range (1, 5); i < n; i++)
        {
          guint at = g_test_rand_int_range (0, damaged->len);
          guint length = g_test_rand_int_range (1, 12);

          if (g_test_rand_bit ())
            g_string_erase (damaged, at, MIN (length, damaged->len - at));
          else
            g_string_insert (damaged, at, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }
      bytes = make_wps_workbook (damaged->str);
      g_string_free (damaged, TRUE);
      workbook = read_xlsx (bytes, &error);
      g_assert_true ((workbook == NULL) == (error != NULL));
      if (error != NULL && strchr (error->message, '\n') != NULL)
        g_error ("not one line: %s", error->message);
      if (workbook != NULL)
        merge_anything (document, workbook);
    }

  /* CSV: quotes, line ends, NULs and bytes that are no UTF-8 anywhere. */
  for (guint run = 0; run < n_runs / 3; run++)
    {
      static const char * const csv_pieces[] = { "\"", ",", "\r", "\n", "\r\n", "\t", "\xFF", "\xEF\xBB\xBF", "类别",
                                                 "序号", "指标", "截至 2024-06-30", "\"\"", "约3000" };
      GString *text = g_string_new ("类别,序号,项目（目标任务）,指标,目标值,单位,本期完成值,进展情况,状态,备注\r\n"
                                    "省重点民生实事,1,\"持续深入推进\",职业技能培训,4.7,万人次,12,\"进展\n顺利\",推进中,好\r\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(MsWorkbook) workbook = NULL;

      for (guint i = 0, n = g_test_rand_int_range (1, 8); i < n; i++)
        {
          guint at = g_test_rand_int_range (0, text->len);

          if (g_test_rand_bit ())
            g_string_insert (text, at, csv_pieces[g_test_rand_int_range (0, G_N_ELEMENTS (csv_pieces))]);
          else
            text->str[at] = g_test_rand_int_range (0, 256);
        }
      workbook = ms_workbook_new_from_csv (text->str, text->len, "fuzz.csv", &error);
      g_string_free (text, TRUE);
      g_assert_true ((workbook == NULL) == (error != NULL));
      if (workbook != NULL)
        merge_anything (document, workbook);
    }

  g_test_message ("%u of the mutated workbooks could still be read", n_read);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-reader/xlsx", test_reader_xlsx);
  g_test_add_func ("/sheet-reader/csv", test_reader_csv);
  g_test_add_func ("/sheet-reader/refusals", test_reader_refusals);
  g_test_add_func ("/sheet-reader/fuzz", test_reader_fuzz);
  g_test_add_func ("/merge/apply-undo", test_merge_apply_undo);
  g_test_add_func ("/merge/rejected", test_merge_rejected);
  g_test_add_func ("/merge/conflicts", test_merge_conflicts);
  g_test_add_func ("/merge/not-a-return", test_merge_not_a_return);

  return g_test_run ();
}
