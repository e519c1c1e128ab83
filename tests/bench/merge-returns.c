/* merge-returns.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Returned sheets for the merge tests and benchmark, in the layout of
 * FORMAT.md ("Returned sheets", version 1), built as tables and written as
 * .xlsx (inline strings) so that the reader is part of what is measured.
 */

#include "config.h"

#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>
#include <string.h>

#include "merge-returns.h"
#include "ms-category.h"
#include "ms-group.h"
#include "ms-l10n.h"
#include "ms-merge.h"
#include "ms-project.h"
#include "ms-xlsx-export.h"

static const char * const headings[] = {
  "类别", "序号", "项目（目标任务）", "指标", "目标值", "单位", "本期完成值", "进展情况", "状态", "备注",
};

/**
 * ms_bench_make_return:
 * @department: (nullable): the department whose projects it lists; %NULL for all
 *
 * Returns: (transfer full): the workbook export-returns writes, as it is
 *   before the department fills it
 */
MsWorkbook *
ms_bench_make_return (MsDocument *document,
                      const char *department,
                      MsDate      date)
{
  MsWorkbook *workbook = ms_workbook_new (department != NULL ? department : "all.xlsx");
  MsSheet *sheet = ms_workbook_add_sheet (workbook, "填报表", MS_SHEET_VISIBLE);
  MsSheet *hidden = ms_workbook_add_sheet (workbook, "_minsheng", MS_SHEET_HIDDEN);
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  g_autofree char *identity = ms_xlsx_compute_file_identity (document);
  g_autofree char *date_text = ms_date_to_string (date);
  g_autofree char *title = g_strdup_printf ("%s · %s · 截至 %s", ms_document_get_title (document),
                                            department != NULL ? department : "", date_text);
  guint row = MS_RETURN_FIRST_ROW;
  guint hidden_row = 9;

  ms_sheet_set_text (sheet, 0, 0, title);
  ms_sheet_set_text (sheet, 1, 0, "请只填写黄色单元格。");
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    ms_sheet_set_text (sheet, 2, i, headings[i]);

  ms_sheet_set_text (hidden, 0, 0, "minsheng-return");
  ms_sheet_set_number (hidden, 0, 1, 1);
  ms_sheet_set_text (hidden, 1, 0, "file_title");
  ms_sheet_set_text (hidden, 1, 1, ms_document_get_title (document));
  ms_sheet_set_text (hidden, 2, 0, "file_region");
  ms_sheet_set_text (hidden, 2, 1, ms_document_get_region (document) ? ms_document_get_region (document) : "");
  ms_sheet_set_text (hidden, 3, 0, "file_year");
  ms_sheet_set_number (hidden, 3, 1, ms_document_get_year (document));
  ms_sheet_set_text (hidden, 4, 0, "file_identity");
  ms_sheet_set_text (hidden, 4, 1, identity);
  ms_sheet_set_text (hidden, 5, 0, "department");
  ms_sheet_set_text (hidden, 5, 1, department != NULL ? department : "all");
  ms_sheet_set_text (hidden, 6, 0, "reporting_date");
  ms_sheet_set_text (hidden, 6, 1, date_text);
  ms_sheet_set_text (hidden, 7, 0, "exported_at");
  ms_sheet_set_text (hidden, 7, 1, "2024-06-20T10:00:00+08:00");
  {
    static const char * const keys[] = {
      "row", "category_id", "project_number", "indicator_index", "target", "unit", "actual", "status",
      "completion_sha256",
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      ms_sheet_set_text (hidden, 8, i, keys[i]);
  }

  for (guint p = 0; p < projects->len; p++)
    {
      MsProject *project = g_ptr_array_index (projects, p);
      MsCategory *category = ms_group_get_category (ms_project_get_group (project));
      guint n_indicators = ms_project_get_n_indicators (project);
      g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ms_project_get_completion (project), -1);
      const char *status = ms_l10n_translate ("zh_CN", ms_status_get_label_untranslated (ms_project_get_status (project)));

      if (department != NULL && !g_strv_contains ((const char * const *)ms_project_get_departments (project), department))
        continue;

      for (guint k = 0; k < MAX (n_indicators, 1); k++, row++, hidden_row++)
        {
          MsIndicator *indicator = k < n_indicators ? ms_project_get_indicator (project, k) : NULL;

          ms_sheet_set_text (sheet, row, 0, ms_category_get_title (category));
          ms_sheet_set_number (sheet, row, 1, ms_project_get_number (project));
          ms_sheet_set_text (sheet, row, 2, ms_project_get_target (project));
          ms_sheet_set_text (sheet, row, 7, ms_project_get_completion (project));
          ms_sheet_set_text (sheet, row, 8, status);

          ms_sheet_set_number (hidden, hidden_row, 0, row + 1);
          ms_sheet_set_text (hidden, hidden_row, 1, ms_category_get_id (category));
          ms_sheet_set_number (hidden, hidden_row, 2, ms_project_get_number (project));
          ms_sheet_set_number (hidden, hidden_row, 3, indicator != NULL ? (double)k : -1);
          ms_sheet_set_text (hidden, hidden_row, 7, ms_status_to_string (ms_project_get_status (project)));
          ms_sheet_set_text (hidden, hidden_row, 8, sha);
          if (indicator == NULL)
            continue;

          ms_sheet_set_text (sheet, row, 3, ms_indicator_get_name (indicator));
          ms_sheet_set_number (sheet, row, 4, ms_indicator_get_target (indicator));
          ms_sheet_set_text (sheet, row, 5, ms_indicator_get_unit (indicator));
          ms_sheet_set_number (hidden, hidden_row, 4, ms_indicator_get_target (indicator));
          ms_sheet_set_text (hidden, hidden_row, 5, ms_indicator_get_unit (indicator));
          if (ms_indicator_get_has_actual (indicator))
            {
              ms_sheet_set_number (sheet, row, 6, ms_indicator_get_actual (indicator));
              ms_sheet_set_number (hidden, hidden_row, 6, ms_indicator_get_actual (indicator));
            }
        }
    }

  return workbook;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static char *
sheet_xml (MsSheet *sheet)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                               "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                               "<sheetData>");

  for (guint row = 0; row < ms_sheet_get_n_rows (sheet); row++)
    {
      g_string_append_printf (out, "<row r=\"%u\">", row + 1);
      for (guint column = 0; column < 16; column++)
        {
          const MsCell *cell = ms_sheet_get_cell (sheet, row, column);
          g_autofree char *name = ms_sheet_cell_name (row, column);

          if (cell->kind == MS_CELL_NUMBER)
            g_string_append_printf (out, "<c r=\"%s\"><v>%s</v></c>", name, cell->text);
          else if (cell->kind == MS_CELL_TEXT)
            {
              g_string_append_printf (out, "<c r=\"%s\" t=\"inlineStr\"><is><t xml:space=\"preserve\">", name);
              append_escaped (out, cell->text);
              g_string_append (out, "</t></is></c>");
            }
        }
      g_string_append (out, "</row>");
    }
  g_string_append (out, "</sheetData></worksheet>");
  return g_string_free (out, FALSE);
}

static void
add_member (GsfOutfile *folder,
            const char *name,
            const char *text)
{
  GsfOutput *member = gsf_outfile_new_child (folder, name, FALSE);

  g_assert_true (gsf_output_write (member, strlen (text), (const guint8 *)text));
  g_assert_true (gsf_output_close (member));
  g_object_unref (member);
}

/**
 * ms_bench_workbook_to_xlsx:
 *
 * Returns: (transfer full): @workbook as an .xlsx file, its sheets in
 *   order with their hidden states, every text inline
 */
GBytes *
ms_bench_workbook_to_xlsx (MsWorkbook *workbook)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  GsfOutfile *rels = GSF_OUTFILE (gsf_outfile_new_child (zip, "_rels", TRUE));
  GsfOutfile *xl = GSF_OUTFILE (gsf_outfile_new_child (zip, "xl", TRUE));
  GsfOutfile *xl_rels = GSF_OUTFILE (gsf_outfile_new_child (xl, "_rels", TRUE));
  GsfOutfile *worksheets = GSF_OUTFILE (gsf_outfile_new_child (xl, "worksheets", TRUE));
  GString *book = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                                "<sheets>");
  GString *book_rels = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
  GBytes *bytes;

  add_member (zip, "[Content_Types].xml",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
  add_member (rels, ".rels",
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
              "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
              "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");

  for (guint i = 0; i < ms_workbook_get_n_sheets (workbook); i++)
    {
      MsSheet *sheet = ms_workbook_get_sheet (workbook, i);
      g_autofree char *name = g_strdup_printf ("sheet%u.xml", i + 1);
      g_autofree char *xml = sheet_xml (sheet);

      g_string_append (book, "<sheet name=\"");
      append_escaped (book, ms_sheet_get_name (sheet));
      g_string_append_printf (book, "\" sheetId=\"%u\"%s r:id=\"rId%u\"/>", i + 1,
                              ms_sheet_get_state (sheet) == MS_SHEET_HIDDEN ? " state=\"hidden\"" : "", i + 1);
      g_string_append_printf (book_rels,
                              "<Relationship Id=\"rId%u\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                              "2006/relationships/worksheet\" Target=\"worksheets/%s\"/>", i + 1, name);
      add_member (worksheets, name, xml);
    }
  g_string_append (book, "</sheets></workbook>");
  g_string_append (book_rels, "</Relationships>");
  add_member (xl, "workbook.xml", book->str);
  add_member (xl_rels, "workbook.xml.rels", book_rels->str);

  g_assert_true (gsf_output_close (GSF_OUTPUT (worksheets)));
  g_assert_true (gsf_output_close (GSF_OUTPUT (xl_rels)));
  g_assert_true (gsf_output_close (GSF_OUTPUT (xl)));
  g_assert_true (gsf_output_close (GSF_OUTPUT (rels)));
  g_assert_true (gsf_output_close (GSF_OUTPUT (zip)));
  g_assert_true (gsf_output_close (sink));
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));

  g_string_free (book, TRUE);
  g_string_free (book_rels, TRUE);
  g_object_unref (worksheets);
  g_object_unref (xl_rels);
  g_object_unref (xl);
  g_object_unref (rels);
  g_object_unref (zip);
  g_object_unref (sink);
  return bytes;
}
