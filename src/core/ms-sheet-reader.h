/* ms-sheet-reader.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MS_SHEET_ERROR (ms_sheet_error_quark ())

/**
 * MsSheetError:
 * @MS_SHEET_ERROR_NOT_A_WORKBOOK: neither an .xlsx workbook nor a CSV text
 * @MS_SHEET_ERROR_TOO_LARGE: a size, count or compression ratio over its cap
 *   (a zip bomb, a sheet of a million rows)
 * @MS_SHEET_ERROR_ENTITIES: XML with a DOCTYPE or entity declarations
 * @MS_SHEET_ERROR_ENCRYPTED: a password-protected workbook
 * @MS_SHEET_ERROR_LEGACY: an Excel 97–2003 (.xls) workbook
 * @MS_SHEET_ERROR_INVALID: a damaged workbook or text that is not UTF-8/GB18030
 */
typedef enum
{
  MS_SHEET_ERROR_NOT_A_WORKBOOK,
  MS_SHEET_ERROR_TOO_LARGE,
  MS_SHEET_ERROR_ENTITIES,
  MS_SHEET_ERROR_ENCRYPTED,
  MS_SHEET_ERROR_LEGACY,
  MS_SHEET_ERROR_INVALID,
} MsSheetError;

/* Caps on what a workbook may hold: returns are a few thousand rows. */
#define MS_SHEET_MAX_FILE_SIZE     (64 * 1024 * 1024)
#define MS_SHEET_MAX_ENTRIES       1000
#define MS_SHEET_MAX_ENTRY_SIZE    (128 * 1024 * 1024)
#define MS_SHEET_MAX_TOTAL_SIZE    (256 * 1024 * 1024)
#define MS_SHEET_MAX_RATIO         200
#define MS_SHEET_MAX_ROWS          100000
#define MS_SHEET_MAX_COLUMNS       16384
#define MS_SHEET_MAX_CELLS         2000000

typedef enum
{
  MS_CELL_EMPTY,
  MS_CELL_TEXT,
  MS_CELL_NUMBER,
  MS_CELL_BOOLEAN,
  MS_CELL_ERROR,
} MsCellKind;

typedef struct
{
  MsCellKind  kind;
  /* Never NULL: the text, or the number as the file writes it ("3000"). */
  const char *text;
  /* For numbers and booleans. */
  double      number;
} MsCell;

typedef enum
{
  MS_SHEET_VISIBLE,
  MS_SHEET_HIDDEN,
  MS_SHEET_VERY_HIDDEN,
} MsSheetState;

typedef struct _MsSheet    MsSheet;
typedef struct _MsWorkbook MsWorkbook;

GQuark        ms_sheet_error_quark         (void);

MsWorkbook   *ms_workbook_new              (const char    *display_name);
void          ms_workbook_free             (MsWorkbook    *self);
MsWorkbook   *ms_workbook_load             (GFile         *file,
                                            GCancellable  *cancellable,
                                            GError       **error);
MsWorkbook   *ms_workbook_new_from_xlsx    (const void    *data,
                                            gsize          length,
                                            const char    *display_name,
                                            GError       **error);
MsWorkbook   *ms_workbook_new_from_csv     (const char    *data,
                                            gsize          length,
                                            const char    *display_name,
                                            GError       **error);
const char   *ms_workbook_get_display_name (MsWorkbook    *self);
gboolean      ms_workbook_get_is_csv       (MsWorkbook    *self);
gboolean      ms_workbook_get_date1904     (MsWorkbook    *self);
guint         ms_workbook_get_n_sheets     (MsWorkbook    *self);
MsSheet      *ms_workbook_get_sheet        (MsWorkbook    *self,
                                            guint          position);
MsSheet      *ms_workbook_find_sheet       (MsWorkbook    *self,
                                            const char    *name);
MsSheet      *ms_workbook_add_sheet        (MsWorkbook    *self,
                                            const char    *name,
                                            MsSheetState   state);

const char   *ms_sheet_get_name            (MsSheet       *self);
MsSheetState  ms_sheet_get_state           (MsSheet       *self);
guint         ms_sheet_get_n_rows          (MsSheet       *self);
const MsCell *ms_sheet_get_cell            (MsSheet       *self,
                                            guint          row,
                                            guint          column);
void          ms_sheet_set_text            (MsSheet       *self,
                                            guint          row,
                                            guint          column,
                                            const char    *text);
void          ms_sheet_set_number          (MsSheet       *self,
                                            guint          row,
                                            guint          column,
                                            double         number);
guint         ms_sheet_get_n_merged        (MsSheet       *self);
void          ms_sheet_get_merged          (MsSheet       *self,
                                            guint          position,
                                            guint         *first_row,
                                            guint         *first_column,
                                            guint         *last_row,
                                            guint         *last_column);

char         *ms_sheet_cell_name           (guint          row,
                                            guint          column);
gboolean      ms_sheet_serial_to_date      (double         serial,
                                            gboolean       date1904,
                                            int           *year,
                                            int           *month,
                                            int           *day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsWorkbook, ms_workbook_free)

G_END_DECLS
