/* ms-xlsx-export.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-xlsx-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "ms-category.h"
#include "ms-department.h"
#include "ms-departments.h"
#include "ms-group.h"
#include "ms-indicator.h"
#include "ms-l10n.h"
#include "ms-project.h"
#include "ms-safe-write.h"
#include "ms-schedule.h"
#include "ms-timeline.h"
#include "ms-xlsx-export.h"

/* Excel refuses a cell of more characters, and a sheet name of more. */
#define CELL_TEXT_MAX  32767
#define SHEET_NAME_MAX 31

/* The returns sheet's columns, A–J (FORMAT.md, "Returned sheets"). */
enum
{
  RETURN_CATEGORY,
  RETURN_NUMBER,
  RETURN_PROJECT,
  RETURN_INDICATOR,
  RETURN_TARGET,
  RETURN_UNIT,
  RETURN_ACTUAL,
  RETURN_PROGRESS,
  RETURN_STATUS,
  RETURN_REMARKS,
  N_RETURN_COLUMNS
};

/* The ledger sheets' columns: the project's, then the indicator's. */
enum
{
  LEDGER_NUMBER,
  LEDGER_PROJECT,
  LEDGER_DEPARTMENTS,
  LEDGER_STATE,
  LEDGER_DEADLINE,
  LEDGER_LAST_UPDATE,
  LEDGER_INDICATOR,
  LEDGER_TARGET,
  LEDGER_ACTUAL,
  LEDGER_UNIT,
  LEDGER_RATE,
  LEDGER_INDICATOR_STATE,
  N_LEDGER_COLUMNS
};

/* The summary sheet's columns around the six states, as the report's 汇总表. */
static const MsSchedule summary_schedules[] = {
  MS_SCHEDULE_DONE, MS_SCHEDULE_ON_TRACK, MS_SCHEDULE_BEHIND, MS_SCHEDULE_AT_RISK, MS_SCHEDULE_OVERDUE,
  MS_SCHEDULE_NOT_REPORTED,
};

/* Part of the returns layout, in Chinese whatever the interface language:
 * the offices that fill them in read Chinese, and a merge matches these
 * words. They are ms_status_get_label()'s words in zh_CN.po. */
static const char * const return_status_words[MS_N_STATUSES] = {
  "未开工", "推进中", "已完成", "延期",
};

static const char * const return_headings[N_RETURN_COLUMNS] = {
  "类别", "序号", "项目（目标任务）", "指标", "目标值",
  "单位", "本期完成值", "进展情况", "状态", "备注",
};

static const char return_instructions[] =
  "填写说明：只填写黄色单元格——G 列“本期完成值”填数字"
  "（单位与 F 列相同，不加单位和文字），H 列“进展情况”填文字，"
  "I 列“状态”从下拉列表中选择，J 列“备注”可写需要说明的情况。"
  "灰色单元格不要修改；不要插入、删除或移动行，不要改动工作表名称。"
  "填好后以 .xlsx 格式保存并报回。";

static const char * const hidden_headings[] = {
  "row", "category_id", "project_number", "indicator_index", "target", "unit", "actual", "status",
  "completion_sha256",
};

/* Light grey for what the department must not change, light yellow for what it fills in. */
#define LOCKED_FILL   0xEDEDED
#define UNLOCKED_FILL 0xFFF2CC
#define HEADER_FILL   0xD9D9D9
#define BORDER_COLOR  0xBFBFBF

/* A workbook being filled: libxlsxwriter reports failures per call, the
 * first one is kept and decides the outcome at the end. */
typedef struct
{
  lxw_workbook *workbook;
  lxw_error     status;
} Book;

static void
book_check (Book      *book,
            lxw_error  result)
{
  if (book->status == LXW_NO_ERROR)
    book->status = result;
}

static gboolean
is_escape_at (const char *p)
{
  return p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
         g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_';
}

/* Cell text is stored with "_xHHHH_" escapes (ECMA-376 Part 1, 22.9.2.19):
 * libxlsxwriter 1.1.4 writes control characters so, but leaves text that
 * looks like an escape as it is, which Excel would then decode ("_x0041_"
 * read as "A"). Such text gets its "_" escaped as "_x005F_". */
static char *
dup_cell_text (const char *text)
{
  GString *out;

  if (strstr (text, "_x") == NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (is_escape_at (p))
        g_string_append (out, "_x005F");
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Cuts @text to what a cell holds, on a character boundary. */
static void
write_text (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            const char    *text,
            lxw_format    *format)
{
  g_autofree char *escaped = NULL;
  glong keep = CELL_TEXT_MAX;

  if (text == NULL)
    text = "";

  /* The limit counts the text as stored, escapes included. */
  for (;;)
    {
      g_autofree char *cut = g_utf8_strlen (text, -1) > keep ? g_utf8_substring (text, 0, keep) : NULL;
      glong length;

      g_free (escaped);
      escaped = dup_cell_text (cut != NULL ? cut : text);
      length = g_utf8_strlen (escaped, -1);
      if (length <= CELL_TEXT_MAX)
        break;
      keep -= length - CELL_TEXT_MAX;
    }
  text = escaped;

  if (text[0] == '\0')
    book_check (book, worksheet_write_blank (sheet, row, column, format));
  else
    book_check (book, worksheet_write_string (sheet, row, column, text, format));
}

static void
write_number (Book          *book,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              lxw_col_t      column,
              double         value,
              lxw_format    *format)
{
  book_check (book, worksheet_write_number (sheet, row, column, value, format));
}

static void
write_date (Book          *book,
            lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      column,
            MsDate         date,
            lxw_format    *format)
{
  lxw_datetime when = { 0 };
  GDate day;

  if (date == MS_DATE_NONE || !g_date_valid_julian (date))
    {
      book_check (book, worksheet_write_blank (sheet, row, column, format));
      return;
    }

  /* An MsDate is a Julian day number (ms-date.c). */
  g_date_clear (&day, 1);
  g_date_set_julian (&day, date);
  when.year = g_date_get_year (&day);
  when.month = g_date_get_month (&day);
  when.day = g_date_get_day (&day);
  book_check (book, worksheet_write_datetime (sheet, row, column, &when, format));
}

static lxw_format *
add_format (lxw_workbook *workbook,
            gboolean      bold,
            gboolean      wrap,
            guint32       fill)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (bold)
    format_set_bold (format);
  if (wrap)
    format_set_text_wrap (format);
  if (fill != 0)
    {
      format_set_bg_color (format, fill);
      format_set_border (format, LXW_BORDER_THIN);
      format_set_border_color (format, BORDER_COLOR);
    }
  return format;
}

/* libxlsxwriter escapes control characters in cells but not in the
 * document properties, where XML forbids them: they become spaces. */
static char *
dup_property_text (const char *text)
{
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    {
      if ((guchar)*p < 0x20 || *p == 0x7F)
        *p = ' ';
    }
  return copy;
}

static void
set_title_property (Book       *book,
                    const char *title)
{
  g_autofree char *text = dup_property_text (title);
  lxw_doc_properties properties = { 0 };

  properties.title = text;
  book_check (book, workbook_set_properties (book->workbook, &properties));
}

/**
 * ms_xlsx_compute_file_identity:
 *
 * The identity a return carries to tell which file it belongs to: the
 * SHA-256 of region, year and title, one a line (FORMAT.md, "Returned
 * sheets"). It changes when any of the three does.
 *
 * Returns: (transfer full): 64 lowercase hexadecimal digits
 */
char *
ms_xlsx_compute_file_identity (MsDocument *document)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  text = g_strdup_printf ("%s\n%d\n%s", ms_document_get_region (document), ms_document_get_year (document),
                          ms_document_get_title (document));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static void
trim_dots_and_spaces (GString *name)
{
  gsize start = 0;
  gsize end = name->len;

  while (start < end && (name->str[start] == '.' || name->str[start] == ' '))
    start++;
  while (end > start && (name->str[end - 1] == '.' || name->str[end - 1] == ' '))
    end--;
  g_string_truncate (name, end);
  g_string_erase (name, 0, start);
}

/* The length of the device name @name starts with (before the end or the
 * first dot) when Windows reserves it, else 0: "CON.xlsx" cannot be made. */
static gsize
reserved_prefix_length (const char *name)
{
  static const char * const devices[] = { "CON", "PRN", "AUX", "NUL" };
  gsize length = strcspn (name, ".");

  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    {
      if (length == 3 && g_ascii_strncasecmp (name, devices[i], 3) == 0)
        return length;
    }
  if (length == 4 && (g_ascii_strncasecmp (name, "COM", 3) == 0 || g_ascii_strncasecmp (name, "LPT", 3) == 0) &&
      name[3] >= '1' && name[3] <= '9')
    return length;

  return 0;
}

/* Cuts @name to @max bytes without splitting a character. */
static void
truncate_on_character (GString *name,
                       gsize    max)
{
  gsize end = max;

  if (name->len <= max)
    return;
  while (end > 0 && ((guchar)name->str[end] & 0xC0) == 0x80)
    end--;
  g_string_truncate (name, end);
}

/**
 * ms_xlsx_make_file_stem:
 * @name: a department's name, as the file writes it
 *
 * Makes @name a file name (without extension) that every common file system
 * takes: Windows' forbidden characters and control characters become "_",
 * no leading or trailing dot or space, at most %MS_XLSX_FILE_STEM_MAX bytes,
 * never a Windows device name (FORMAT.md, "Returned sheets").
 *
 * Returns: (transfer full): the file name's stem, never empty
 */
char *
ms_xlsx_make_file_stem (const char *name)
{
  GString *stem = g_string_new (NULL);
  const char *end;
  gsize prefix;

  g_return_val_if_fail (name != NULL, NULL);

  end = name + strlen (name);
  for (const char *p = name; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar)-1 || c == (gunichar)-2)
        {
          /* A byte that is not UTF-8 has no name on Windows or macOS. */
          g_string_append_c (stem, '_');
          p++;
          continue;
        }
      if (c < 0x20 || c == 0x7F || (c < 0x80 && strchr ("/\\:*?\"<>|", (int)c) != NULL))
        g_string_append_c (stem, '_');
      else
        g_string_append_len (stem, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }

  /* Twice at most: "_" after a device name is neither cut nor trimmed. */
  for (;;)
    {
      trim_dots_and_spaces (stem);
      truncate_on_character (stem, MS_XLSX_FILE_STEM_MAX);
      trim_dots_and_spaces (stem);
      if (stem->len == 0)
        g_string_append_c (stem, '_');

      prefix = reserved_prefix_length (stem->str);
      if (prefix == 0)
        break;
      g_string_insert_c (stem, prefix, '_');
    }

  return g_string_free (stem, FALSE);
}

/* Names a case-insensitive file system takes for the same file. */
static char *
dup_folded_name (const char *name)
{
  g_autofree char *normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);

  return g_utf8_casefold (normalized != NULL ? normalized : name, -1);
}

/**
 * ms_xlsx_name_return_files:
 * @departments: (element-type utf8): department names
 *
 * Gives each department its workbook's file name, in the same order:
 * "STEM.xlsx" (see ms_xlsx_make_file_stem()), "STEM (2).xlsx" for the
 * second name that comes out the same, also when only letter case differs.
 *
 * Returns: (transfer full) (element-type utf8): the file names
 */
GPtrArray *
ms_xlsx_name_return_files (GPtrArray *departments)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *names;

  g_return_val_if_fail (departments != NULL, NULL);

  names = g_ptr_array_new_full (departments->len, g_free);
  for (guint i = 0; i < departments->len; i++)
    {
      g_autofree char *stem = ms_xlsx_make_file_stem (g_ptr_array_index (departments, i));
      char *name = g_strdup_printf ("%s.xlsx", stem);

      for (guint n = 2; ; n++)
        {
          char *folded = dup_folded_name (name);

          if (!g_hash_table_contains (taken, folded))
            {
              g_hash_table_add (taken, folded);
              break;
            }
          g_free (folded);
          g_free (name);
          name = g_strdup_printf ("%s (%u).xlsx", stem, n);
        }
      g_ptr_array_add (names, name);
    }

  return names;
}

typedef void (*FillFunc) (Book     *book,
                          gpointer  data);

/* libxlsxwriter writes only to a path: it writes into a private folder,
 * then the bytes go through ms_safe_write(), which puts them in place
 * atomically, so a failure leaves no partial workbook at @path. */
static gboolean
write_workbook (const char  *path,
                const char  *work_folder,
                FillFunc     fill,
                gpointer     data,
                GError     **error)
{
  g_autofree char *temp_path = g_build_filename (work_folder, "workbook.xlsx", NULL);
  g_autofree char *display_name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GError) write_error = NULL;
  lxw_workbook_options options = { 0 };
  lxw_error closed;
  gsize length = 0;
  Book book = { NULL, LXW_NO_ERROR };

  options.tmpdir = (char *)work_folder;
  book.workbook = workbook_new_opt (temp_path, &options);
  if (book.workbook == NULL)
    {
      /* translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook “%s”: out of memory"),
                   display_name);
      return FALSE;
    }

  fill (&book, data);
  /* Closing writes the file and frees the workbook, also after a failure. */
  closed = workbook_close (book.workbook);
  book_check (&book, closed);
  if (book.status != LXW_NO_ERROR)
    {
      g_unlink (temp_path);
      /* translators: %s is a file name, then the reason from the spreadsheet library (in English) */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook “%s”: %s"),
                   display_name, lxw_strerror (book.status));
      return FALSE;
    }

  if (!g_file_get_contents (temp_path, &contents, &length, &read_error))
    {
      g_unlink (temp_path);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook “%s”: %s"),
                   display_name, read_error->message);
      return FALSE;
    }
  g_unlink (temp_path);

  file = g_file_new_for_path (path);
  if (!ms_safe_write (file, contents, length, NULL, MS_SAFE_WRITE_NONE, NULL, NULL, &write_error))
    {
      /* Some of its messages name only the folder: one export writes many workbooks. */
      if (strstr (write_error->message, display_name) != NULL)
        g_propagate_error (error, g_steal_pointer (&write_error));
      else
        g_set_error (error, write_error->domain, write_error->code, _("Could not write the workbook “%s”: %s"),
                     display_name, write_error->message);
      return FALSE;
    }

  return TRUE;
}

/* Runs write_workbook() in a fresh private folder, removed afterwards. */
static gboolean
write_workbooks (GPtrArray  *paths,
                 FillFunc    fill,
                 gpointer   *data,
                 GPtrArray  *written,
                 GError    **error)
{
  g_autoptr(GError) folder_error = NULL;
  g_autofree char *work_folder = g_dir_make_tmp ("minsheng-xlsx-XXXXXX", &folder_error);
  gboolean ok = TRUE;

  if (work_folder == NULL)
    {
      g_autofree char *display_name = g_filename_display_name (g_ptr_array_index (paths, 0));

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write the workbook “%s”: %s"),
                   display_name, folder_error->message);
      return FALSE;
    }

  for (guint i = 0; ok && i < paths->len; i++)
    {
      ok = write_workbook (g_ptr_array_index (paths, i), work_folder, fill, data[i], error);
      if (ok && written != NULL)
        g_ptr_array_add (written, g_strdup (g_ptr_array_index (paths, i)));
    }

  g_rmdir (work_folder);
  return ok;
}

/* The ledger. */

typedef struct
{
  MsDocument        *document;
  const char        *language;
  MsScheduleContext  context;
  lxw_format        *title;
  lxw_format        *header;
  lxw_format        *text;
  lxw_format        *wrapped;
  lxw_format        *number;
  lxw_format        *percent;
  lxw_format        *date;
  lxw_format        *group_text;
  lxw_format        *total_text;
  lxw_format        *total_number;
  lxw_format        *total_percent;
} Ledger;

#define T(msgid) ms_l10n_translate (ledger->language, (msgid))

/* A sheet name Excel takes: none of []:*?/\, at most 31 characters (UTF-16
 * units), no apostrophe at either end, unique without regard to case. */
static char *
dup_sheet_name (const char *title,
                GHashTable *taken)
{
  GString *name = g_string_new (NULL);

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c < 0x80 && strchr ("[]:*?/\\", (int)c) != NULL))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }

  for (guint n = 1; ; n++)
    {
      g_autofree char *suffix = n > 1 ? g_strdup_printf (" (%u)", n) : g_strdup ("");
      GString *candidate = g_string_new (NULL);
      guint units = strlen (suffix);
      char *folded;

      for (const char *p = name->str; *p != '\0'; p = g_utf8_next_char (p))
        {
          guint width = g_utf8_get_char (p) > 0xFFFF ? 2 : 1;

          if (units + width > SHEET_NAME_MAX)
            break;
          units += width;
          g_string_append_len (candidate, p, g_utf8_next_char (p) - p);
        }
      while (candidate->len > 0 && candidate->str[0] == '\'')
        g_string_erase (candidate, 0, 1);
      while (candidate->len > 0 && candidate->str[candidate->len - 1] == '\'')
        g_string_truncate (candidate, candidate->len - 1);
      if (candidate->len == 0)
        g_string_append_c (candidate, '_');
      g_string_append (candidate, suffix);

      folded = dup_folded_name (candidate->str);
      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, folded);
          g_string_free (name, TRUE);
          return g_string_free (candidate, FALSE);
        }
      g_free (folded);
      g_string_free (candidate, TRUE);
    }
}

static void
ledger_add_formats (Ledger       *ledger,
                    lxw_workbook *workbook)
{
  ledger->title = add_format (workbook, TRUE, FALSE, 0);
  format_set_font_size (ledger->title, 14);
  ledger->header = add_format (workbook, TRUE, TRUE, HEADER_FILL);
  ledger->text = add_format (workbook, FALSE, FALSE, 0);
  ledger->wrapped = add_format (workbook, FALSE, TRUE, 0);
  ledger->number = add_format (workbook, FALSE, FALSE, 0);
  ledger->percent = add_format (workbook, FALSE, FALSE, 0);
  format_set_num_format (ledger->percent, "0.0%");
  ledger->date = add_format (workbook, FALSE, FALSE, 0);
  format_set_num_format (ledger->date, "yyyy-mm-dd");
  ledger->group_text = add_format (workbook, FALSE, TRUE, 0);
  format_set_indent (ledger->group_text, 1);
  ledger->total_text = add_format (workbook, TRUE, FALSE, 0);
  ledger->total_number = add_format (workbook, TRUE, FALSE, 0);
  ledger->total_percent = add_format (workbook, TRUE, FALSE, 0);
  format_set_num_format (ledger->total_percent, "0.0%");
}

static void
write_summary_row (Ledger        *ledger,
                   Book          *book,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   MsNode        *node,
                   const char    *name,
                   lxw_format    *name_format,
                   gboolean       total)
{
  MsStats stats = { 0 };
  MsScheduleCounts counts = { 0 };
  lxw_format *number = total ? ledger->total_number : ledger->number;
  lxw_col_t column = 0;

  ms_stats_add_node (&stats, node);
  ms_schedule_count (node, &ledger->context, &counts);

  write_text (book, sheet, row, column++, name, name_format);
  write_number (book, sheet, row, column++, stats.n_projects, number);
  write_number (book, sheet, row, column++, stats.n_by_status[MS_STATUS_COMPLETED], number);
  for (guint s = 0; s < G_N_ELEMENTS (summary_schedules); s++)
    write_number (book, sheet, row, column++, counts.n_by_schedule[summary_schedules[s]], number);
  write_number (book, sheet, row, column++, stats.n_projects_all_met, number);
  write_number (book, sheet, row, column++, stats.n_indicators_met, number);
  write_number (book, sheet, row, column++, stats.n_indicators, number);
  if (stats.n_indicators > 0)
    write_number (book, sheet, row, column, (double)stats.n_indicators_met / stats.n_indicators,
                  total ? ledger->total_percent : ledger->percent);
}

/* The 汇总表: each category with its groups, then the whole file. */
static void
write_summary_sheet (Ledger        *ledger,
                     Book          *book,
                     lxw_worksheet *sheet)
{
  GListModel *categories = ms_document_get_categories (ledger->document);
  const char *headings[] = {
    T (N_("Category and group")), T (N_("Projects")), T (N_("Marked completed")),
  };
  const char *tail[] = {
    T (N_("Every target met")), T (N_("Targets met")), T (N_("Indicators")), T (N_("Share met")),
  };
  char date[MS_DATE_BUFSIZE];
  g_autofree char *as_of = NULL;
  lxw_col_t column = 0;
  lxw_row_t row = 3;

  write_text (book, sheet, 0, 0, ms_document_get_title (ledger->document), ledger->title);
  /* translators: %s is a date */
  as_of = g_strdup_printf (T (N_("Figures as of %s")), ms_date_format (date, sizeof date, ledger->context.as_of));
  write_text (book, sheet, 1, 0, as_of, ledger->text);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    write_text (book, sheet, 2, column++, headings[i], ledger->header);
  for (guint s = 0; s < G_N_ELEMENTS (summary_schedules); s++)
    write_text (book, sheet, 2, column++,
                ms_schedule_get_label_in_language (summary_schedules[s], ledger->language), ledger->header);
  for (guint i = 0; i < G_N_ELEMENTS (tail); i++)
    write_text (book, sheet, 2, column++, tail[i], ledger->header);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (ledger->document, c);
      GListModel *groups = ms_category_get_groups (category);

      write_summary_row (ledger, book, sheet, row++, MS_NODE (category), ms_category_get_title (category),
                         ledger->wrapped, FALSE);
      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);

          write_summary_row (ledger, book, sheet, row++, MS_NODE (group), ms_group_get_title (group),
                             ledger->group_text, FALSE);
        }
    }
  write_summary_row (ledger, book, sheet, row, MS_NODE (ledger->document), T (N_("All categories")),
                     ledger->total_text, TRUE);

  book_check (book, worksheet_set_column (sheet, 0, 0, 40, NULL));
  book_check (book, worksheet_set_column (sheet, 1, column - 1, 11, NULL));
  worksheet_freeze_panes (sheet, 3, 1);
}

/* The date of the latest figure reported on or before the reading date. */
static MsDate
get_last_update (MsProject *project,
                 MsDate     as_of)
{
  MsDate last = MS_DATE_NONE;

  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    {
      MsTimeline *progress = ms_indicator_get_progress (ms_project_get_indicator (project, i));
      const MsTimelineEntry *entry = progress != NULL ? ms_timeline_get_at (progress, as_of) : NULL;

      if (entry != NULL && entry->date > last)
        last = entry->date;
    }

  return last;
}

static void
write_project_columns (Ledger        *ledger,
                       Book          *book,
                       lxw_worksheet *sheet,
                       lxw_row_t      row,
                       MsProject     *project)
{
  g_autofree char *departments = g_strjoinv ("、", (char **)ms_project_get_departments (project));
  MsSchedule schedule = ms_project_get_schedule (project, &ledger->context, NULL);

  write_number (book, sheet, row, LEDGER_NUMBER, ms_project_get_number (project), ledger->number);
  write_text (book, sheet, row, LEDGER_PROJECT, ms_project_get_target (project), ledger->wrapped);
  write_text (book, sheet, row, LEDGER_DEPARTMENTS, departments, ledger->wrapped);
  write_text (book, sheet, row, LEDGER_STATE, ms_schedule_get_label_in_language (schedule, ledger->language),
              ledger->text);
  write_date (book, sheet, row, LEDGER_DEADLINE, ms_schedule_context_get_deadline (&ledger->context, project),
              ledger->date);
  write_date (book, sheet, row, LEDGER_LAST_UPDATE, get_last_update (project, ledger->context.as_of), ledger->date);
}

static void
write_indicator_columns (Ledger        *ledger,
                         Book          *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         MsProject     *project,
                         MsIndicator   *indicator)
{
  MsDate deadline = ms_schedule_context_get_deadline (&ledger->context, project);
  MsSchedule schedule = ms_indicator_get_schedule (indicator, &ledger->context, deadline);
  double figure, rate;

  /* Figures stay as the file has them, in its unit, in either language. */
  write_text (book, sheet, row, LEDGER_INDICATOR, ms_indicator_get_name (indicator), ledger->wrapped);
  write_number (book, sheet, row, LEDGER_TARGET, ms_indicator_get_target (indicator), ledger->number);
  if (ms_indicator_get_figure_at (indicator, ledger->context.as_of, &figure))
    write_number (book, sheet, row, LEDGER_ACTUAL, figure, ledger->number);
  write_text (book, sheet, row, LEDGER_UNIT, ms_indicator_get_unit (indicator), ledger->text);
  if (ms_indicator_get_rate_at (indicator, ledger->context.as_of, &rate))
    write_number (book, sheet, row, LEDGER_RATE, rate, ledger->percent);
  write_text (book, sheet, row, LEDGER_INDICATOR_STATE,
              ms_schedule_get_label_in_language (schedule, ledger->language), ledger->text);
}

/* One row per indicator, the project's columns on its first row only, so
 * that sums and filters over the indicator columns count each once. */
static void
write_category_sheet (Ledger        *ledger,
                      Book          *book,
                      lxw_worksheet *sheet,
                      MsCategory    *category)
{
  static const double widths[N_LEDGER_COLUMNS] = { 6, 45, 22, 10, 11, 11, 24, 11, 11, 9, 9, 10 };
  const char *headings[N_LEDGER_COLUMNS] = {
    T (N_("No.")), T (N_("Target and tasks")), T (N_("Departments")), T (N_("State")), T (N_("Deadline")),
    /* translators: a ledger column: the date of the project's latest reported figure */
    T (N_("Last update")),
    /* translators: a ledger column: what an indicator measures */
    T (N_("Indicator")), T (N_("Target")), T (N_("Actual")), T (N_("Unit")), T (N_("Rate")),
    /* translators: a ledger column: the schedule state of one indicator */
    T (N_("Indicator state")),
  };
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (category));
  lxw_row_t row = 1;

  for (guint c = 0; c < N_LEDGER_COLUMNS; c++)
    {
      write_text (book, sheet, 0, c, headings[c], ledger->header);
      book_check (book, worksheet_set_column (sheet, c, c, widths[c], NULL));
    }

  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      guint n_indicators = ms_project_get_n_indicators (project);

      write_project_columns (ledger, book, sheet, row, project);
      if (n_indicators == 0)
        row++;
      for (guint k = 0; k < n_indicators; k++)
        write_indicator_columns (ledger, book, sheet, row++, project, ms_project_get_indicator (project, k));
    }

  worksheet_freeze_panes (sheet, 1, 0);
  book_check (book, worksheet_autofilter (sheet, 0, 0, MAX (row - 1, 1), N_LEDGER_COLUMNS - 1));
}

static void
fill_ledger (Book     *book,
             gpointer  data)
{
  Ledger *ledger = data;
  GListModel *categories = ms_document_get_categories (ledger->document);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *summary_name = dup_sheet_name (T (N_("Summary table")), taken);
  lxw_worksheet *summary;

  ledger_add_formats (ledger, book->workbook);
  set_title_property (book, ms_document_get_title (ledger->document));

  summary = workbook_add_worksheet (book->workbook, summary_name);
  if (summary == NULL)
    {
      book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }
  write_summary_sheet (ledger, book, summary);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (ledger->document, c);
      const char *title = ms_category_get_title (category);
      g_autofree char *name = dup_sheet_name (title[0] != '\0' ? title : ms_category_get_id (category), taken);
      lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, name);

      if (sheet == NULL)
        {
          book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return;
        }
      write_category_sheet (ledger, book, sheet, category);
    }
}

#undef T

/**
 * ms_xlsx_write_ledger:
 * @language: (nullable): the language of headings and states ("zh_CN", "en")
 * @path: the workbook to write, replaced atomically
 *
 * Writes the ledger (台账) as an Excel workbook: a summary sheet, then one
 * sheet per category with one row per indicator. Figures are numbers in the
 * file's own unit, rates percentage cells, dates date cells.
 */
gboolean
ms_xlsx_write_ledger (MsDocument  *document,
                      const char  *language,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  Ledger ledger = { 0 };
  gpointer data[] = { &ledger };

  g_return_val_if_fail (MS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ledger.document = document;
  ledger.language = ms_l10n_normalize_language (language);
  ms_schedule_context_init (&ledger.context, document, MS_DATE_NONE);

  g_ptr_array_add (paths, (gpointer)path);
  return write_workbooks (paths, fill_ledger, data, NULL, error);
}

/* The returns. */

typedef struct
{
  MsProject *project;
  /* -1 for the one row of a project without indicators */
  int        indicator;
} ReturnRow;

typedef struct
{
  MsDocument *document;
  const char *department;
  MsDate      reporting_date;
  const char *identity;
  const char *exported_at;
  GArray     *rows;
} Return;

static void
return_clear (Return *ret)
{
  g_clear_pointer (&ret->rows, g_array_unref);
}

/* The department's rows, in file order: each project once, also when it
 * names the department twice. */
static GArray *
collect_return_rows (MsDepartment *department)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (ReturnRow));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < ms_department_get_n_projects (department); i++)
    {
      MsProject *project = ms_department_get_project (department, i);
      guint n_indicators = ms_project_get_n_indicators (project);

      if (!g_hash_table_add (seen, project))
        continue;
      if (n_indicators == 0)
        g_array_append_val (rows, ((ReturnRow) { project, -1 }));
      for (guint k = 0; k < n_indicators; k++)
        g_array_append_val (rows, ((ReturnRow) { project, (int)k }));
    }

  return rows;
}

static void
write_return_sheet (Return        *ret,
                    Book          *book,
                    lxw_worksheet *sheet)
{
  static const double widths[N_RETURN_COLUMNS] = { 16, 6, 42, 22, 10, 9, 12, 42, 10, 22 };
  const char *status_list[MS_N_STATUSES + 1] = { NULL };
  lxw_workbook *workbook = book->workbook;
  lxw_format *title = add_format (workbook, TRUE, TRUE, 0);
  lxw_format *instructions = add_format (workbook, FALSE, TRUE, 0);
  lxw_format *header = add_format (workbook, TRUE, TRUE, HEADER_FILL);
  lxw_format *locked = add_format (workbook, FALSE, TRUE, LOCKED_FILL);
  lxw_format *unlocked = add_format (workbook, FALSE, TRUE, UNLOCKED_FILL);
  lxw_data_validation validation = { 0 };
  lxw_data_validation figure_validation;
  char date[MS_DATE_BUFSIZE];
  g_autofree char *heading = NULL;
  lxw_row_t first = MS_XLSX_RETURNS_FIRST_ROW - 1;
  lxw_row_t last = first + ret->rows->len - 1;

  format_set_font_size (title, 14);
  format_set_align (title, LXW_ALIGN_VERTICAL_CENTER);
  format_set_font_color (instructions, 0x404040);
  format_set_unlocked (unlocked);

  heading = g_strdup_printf ("%s · %s · 截至 %s", ms_document_get_title (ret->document), ret->department,
                             ms_date_format (date, sizeof date, ret->reporting_date));
  book_check (book, worksheet_merge_range (sheet, 0, 0, 0, N_RETURN_COLUMNS - 1, heading, title));
  book_check (book, worksheet_set_row (sheet, 0, 30, NULL));
  /* Merged cells do not grow with their text: the row is made tall enough. */
  book_check (book, worksheet_merge_range (sheet, 1, 0, 1, N_RETURN_COLUMNS - 1, return_instructions,
                                           instructions));
  book_check (book, worksheet_set_row (sheet, 1, 48, NULL));

  for (guint c = 0; c < N_RETURN_COLUMNS; c++)
    {
      write_text (book, sheet, 2, c, return_headings[c], header);
      book_check (book, worksheet_set_column (sheet, c, c, widths[c], NULL));
    }

  for (guint i = 0; i < ret->rows->len; i++)
    {
      const ReturnRow *r = &g_array_index (ret->rows, ReturnRow, i);
      MsIndicator *indicator = r->indicator >= 0 ? ms_project_get_indicator (r->project, r->indicator) : NULL;
      MsCategory *category = ms_group_get_category (ms_project_get_group (r->project));
      lxw_row_t row = first + i;

      write_text (book, sheet, row, RETURN_CATEGORY, ms_category_get_title (category), locked);
      write_number (book, sheet, row, RETURN_NUMBER, ms_project_get_number (r->project), locked);
      write_text (book, sheet, row, RETURN_PROJECT, ms_project_get_target (r->project), locked);
      write_text (book, sheet, row, RETURN_INDICATOR, indicator ? ms_indicator_get_name (indicator) : NULL, locked);
      if (indicator != NULL)
        write_number (book, sheet, row, RETURN_TARGET, ms_indicator_get_target (indicator), locked);
      else
        write_text (book, sheet, row, RETURN_TARGET, NULL, locked);
      write_text (book, sheet, row, RETURN_UNIT, indicator ? ms_indicator_get_unit (indicator) : NULL, locked);

      if (indicator != NULL && ms_indicator_get_has_actual (indicator))
        write_number (book, sheet, row, RETURN_ACTUAL, ms_indicator_get_actual (indicator), unlocked);
      else
        write_text (book, sheet, row, RETURN_ACTUAL, NULL, unlocked);
      write_text (book, sheet, row, RETURN_PROGRESS, ms_project_get_completion (r->project), unlocked);
      write_text (book, sheet, row, RETURN_STATUS, return_status_words[ms_project_get_status (r->project)],
                  unlocked);
      write_text (book, sheet, row, RETURN_REMARKS, NULL, unlocked);
    }

  for (guint s = 0; s < MS_N_STATUSES; s++)
    status_list[s] = return_status_words[s];
  validation.validate = LXW_VALIDATION_TYPE_LIST;
  validation.value_list = (char **)status_list;
  validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  validation.error_title = (char *)"状态";
  validation.error_message = (char *)"请从下拉列表中选择：未开工、推进中、已完成或延期。";
  if (ret->rows->len > 0)
    book_check (book, worksheet_data_validation_range (sheet, first, RETURN_STATUS, last, RETURN_STATUS,
                                                       &validation));

  /* "约3000" or "3000人" cannot be merged as a figure: Excel stops it here
   * (WPS may not, so the merge checks again). */
  memset (&figure_validation, 0, sizeof figure_validation);
  figure_validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
  figure_validation.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
  figure_validation.value_number = 0;
  figure_validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  figure_validation.error_title = (char *)"本期完成值";
  figure_validation.error_message = (char *)"请只填写数字（单位与 F 列相同），不加单位或文字。";
  if (ret->rows->len > 0)
    book_check (book, worksheet_data_validation_range (sheet, first, RETURN_ACTUAL, last, RETURN_ACTUAL,
                                                       &figure_validation));

  worksheet_freeze_panes (sheet, first, 0);
  /* No password: the point is to keep the grey cells from slips, not to lock anyone out. */
  worksheet_protect (sheet, NULL, NULL);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9 /* A4 */);
  book_check (book, worksheet_repeat_rows (sheet, 2, 2));
  worksheet_fit_to_pages (sheet, 1, 0);
}

static void
write_key (Book          *book,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           const char    *key,
           const char    *value)
{
  write_text (book, sheet, row, 0, key, NULL);
  write_text (book, sheet, row, 1, value, NULL);
}

/* What a merge needs to match the return to the file and to see what the
 * department changed and what changed in the file since (FORMAT.md). */
static void
write_hidden_sheet (Return        *ret,
                    Book          *book,
                    lxw_worksheet *sheet)
{
  char date[MS_DATE_BUFSIZE];
  lxw_row_t row = MS_XLSX_RETURNS_HIDDEN_FIRST_ROW - 2;

  write_text (book, sheet, 0, 0, MS_XLSX_RETURNS_MARK, NULL);
  write_number (book, sheet, 0, 1, MS_XLSX_RETURNS_VERSION, NULL);
  write_key (book, sheet, 1, "file_title", ms_document_get_title (ret->document));
  write_key (book, sheet, 2, "file_region", ms_document_get_region (ret->document));
  write_text (book, sheet, 3, 0, "file_year", NULL);
  write_number (book, sheet, 3, 1, ms_document_get_year (ret->document), NULL);
  write_key (book, sheet, 4, "file_identity", ret->identity);
  write_key (book, sheet, 5, "department", ret->department);
  write_key (book, sheet, 6, "reporting_date", ms_date_format (date, sizeof date, ret->reporting_date));
  write_key (book, sheet, 7, "exported_at", ret->exported_at);

  for (guint c = 0; c < G_N_ELEMENTS (hidden_headings); c++)
    write_text (book, sheet, row, c, hidden_headings[c], NULL);

  for (guint i = 0; i < ret->rows->len; i++)
    {
      const ReturnRow *r = &g_array_index (ret->rows, ReturnRow, i);
      MsIndicator *indicator = r->indicator >= 0 ? ms_project_get_indicator (r->project, r->indicator) : NULL;
      MsCategory *category = ms_group_get_category (ms_project_get_group (r->project));
      g_autofree char *completion_sha256 =
        g_compute_checksum_for_string (G_CHECKSUM_SHA256, ms_project_get_completion (r->project), -1);

      row++;
      write_number (book, sheet, row, 0, MS_XLSX_RETURNS_FIRST_ROW + i, NULL);
      write_text (book, sheet, row, 1, ms_category_get_id (category), NULL);
      write_number (book, sheet, row, 2, ms_project_get_number (r->project), NULL);
      write_number (book, sheet, row, 3, r->indicator, NULL);
      if (indicator != NULL)
        {
          write_number (book, sheet, row, 4, ms_indicator_get_target (indicator), NULL);
          write_text (book, sheet, row, 5, ms_indicator_get_unit (indicator), NULL);
          if (ms_indicator_get_has_actual (indicator))
            write_number (book, sheet, row, 6, ms_indicator_get_actual (indicator), NULL);
        }
      write_text (book, sheet, row, 7, ms_status_to_string (ms_project_get_status (r->project)), NULL);
      write_text (book, sheet, row, 8, completion_sha256, NULL);
    }

  book_check (book, worksheet_set_column (sheet, 0, 0, 18, NULL));
  book_check (book, worksheet_set_column (sheet, 1, 1, 30, NULL));
  worksheet_protect (sheet, NULL, NULL);
  worksheet_hide (sheet);
}

static void
fill_return (Book     *book,
             gpointer  data)
{
  Return *ret = data;
  lxw_worksheet *sheet = workbook_add_worksheet (book->workbook, MS_XLSX_RETURNS_SHEET);
  lxw_worksheet *hidden = workbook_add_worksheet (book->workbook, MS_XLSX_RETURNS_HIDDEN_SHEET);
  g_autofree char *title = g_strdup_printf ("%s · %s", ms_document_get_title (ret->document), ret->department);

  if (sheet == NULL || hidden == NULL)
    {
      book_check (book, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return;
    }

  set_title_property (book, title);
  write_return_sheet (ret, book, sheet);
  write_hidden_sheet (ret, book, hidden);
  worksheet_activate (sheet);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * ms_xlsx_write_returns:
 * @reporting_date: the date the figures are asked for, or %MS_DATE_NONE for
 *   the file's own date (else today)
 * @directory: the folder to write into; it must exist
 * @departments: (nullable) (element-type utf8): the departments to write
 *   for, or %NULL for every department the file names
 * @written_paths: (out) (optional) (transfer full) (element-type filename):
 *   the workbooks written, also those written before a failure
 *
 * Writes one returns workbook per department (FORMAT.md, "Returned sheets"),
 * each replaced atomically. A department that no project names is refused
 * before anything is written.
 */
gboolean
ms_xlsx_write_returns (MsDocument  *document,
                       MsDate       reporting_date,
                       const char  *directory,
                       GPtrArray   *departments,
                       GPtrArray  **written_paths,
                       GError     **error)
{
  g_autoptr(MsDepartments) model = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) file_names = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  g_autofree char *identity = NULL;
  g_autofree Return *returns = NULL;
  g_autofree gpointer *data = NULL;
  gboolean ok;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (written_paths != NULL)
    *written_paths = NULL;

  if (reporting_date == MS_DATE_NONE)
    reporting_date = ms_document_get_as_of (document);
  if (reporting_date == MS_DATE_NONE)
    reporting_date = ms_date_today ();

  model = ms_departments_new (MS_NODE (document));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(MsDepartment) department = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_hash_table_insert (by_name, (gpointer)ms_department_get_name (department), department);
    }

  if (departments == NULL)
    {
      GHashTableIter iter;
      gpointer name;

      g_hash_table_iter_init (&iter, by_name);
      while (g_hash_table_iter_next (&iter, &name, NULL))
        g_ptr_array_add (names, name);
    }
  else
    {
      for (guint i = 0; i < departments->len; i++)
        {
          const char *name = g_ptr_array_index (departments, i);

          if (!g_hash_table_contains (by_name, name))
            {
              /* translators: %s is a department name given for an export */
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No project names the department “%s”"),
                           name);
              return FALSE;
            }
          if (!g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL))
            g_ptr_array_add (names, (gpointer)name);
        }
    }

  if (names->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No project names a responsible department: there is no workbook to write"));
      return FALSE;
    }

  /* A fixed order, so that "(2)" goes to the same department every time. */
  g_ptr_array_sort (names, compare_names);
  file_names = ms_xlsx_name_return_files (names);
  identity = ms_xlsx_compute_file_identity (document);
  returns = g_new0 (Return, names->len);
  data = g_new0 (gpointer, names->len);

  for (guint i = 0; i < names->len; i++)
    {
      returns[i].document = document;
      returns[i].department = g_ptr_array_index (names, i);
      returns[i].reporting_date = reporting_date;
      returns[i].identity = identity;
      returns[i].exported_at = exported_at;
      returns[i].rows = collect_return_rows (g_hash_table_lookup (by_name, returns[i].department));
      data[i] = &returns[i];
      g_ptr_array_add (paths, g_build_filename (directory, g_ptr_array_index (file_names, i), NULL));
    }

  ok = write_workbooks (paths, fill_return, data, written, error);

  for (guint i = 0; i < names->len; i++)
    return_clear (&returns[i]);
  if (written_paths != NULL)
    *written_paths = g_steal_pointer (&written);

  return ok;
}
