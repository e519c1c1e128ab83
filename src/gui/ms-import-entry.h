/* ms-import-entry.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ms-notice.h"

G_BEGIN_DECLS

typedef enum
{
  MS_IMPORT_ENTRY_CATEGORY,
  MS_IMPORT_ENTRY_GROUP,
  MS_IMPORT_ENTRY_PROJECT,
  MS_IMPORT_ENTRY_INDICATOR,
  /* A warning under the project whose lines hold it. */
  MS_IMPORT_ENTRY_WARNING,
  /* A warning in the list of all of them, naming its project. */
  MS_IMPORT_ENTRY_LISTED_WARNING,
  /* A line of page chrome the import left out. */
  MS_IMPORT_ENTRY_DROPPED,
} MsImportEntryKind;

#define MS_TYPE_IMPORT_ENTRY (ms_import_entry_get_type ())

G_DECLARE_FINAL_TYPE (MsImportEntry, ms_import_entry, MS, IMPORT_ENTRY, GObject)

MsImportEntry     *ms_import_entry_new_node        (MsImportEntryKind     kind,
                                                    MsNode               *node,
                                                    guint                 line,
                                                    const char           *basis,
                                                    const char           *location_unit);
MsImportEntry     *ms_import_entry_new_remark      (MsImportEntryKind     kind,
                                                    const MsNoticeRemark *remark,
                                                    MsProject            *project,
                                                    const char           *location_unit);
MsImportEntryKind  ms_import_entry_get_kind        (MsImportEntry        *self);
MsNode            *ms_import_entry_get_node        (MsImportEntry        *self);
MsProject         *ms_import_entry_get_project     (MsImportEntry        *self);
guint              ms_import_entry_get_line        (MsImportEntry        *self);
const char        *ms_import_entry_get_text        (MsImportEntry        *self);
gboolean           ms_import_entry_is_notice_text  (MsImportEntry        *self);
char              *ms_import_entry_dup_title       (MsImportEntry        *self);
char              *ms_import_entry_dup_subtitle    (MsImportEntry        *self);
char              *ms_import_entry_dup_note        (MsImportEntry        *self);
char              *ms_import_entry_dup_detail      (MsImportEntry        *self);
char              *ms_import_entry_dup_description (MsImportEntry        *self);
char              *ms_import_format_location       (const char           *location_unit,
                                                    guint                 line);

G_END_DECLS
