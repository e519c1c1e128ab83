/* ms-edits.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-history.h"

G_BEGIN_DECLS

MsDocument  *ms_edits_new_document        (void);
guint        ms_edits_next_project_number (MsDocument  *document,
                                           MsCategory  *scope);
MsProject   *ms_edits_add_project         (MsHistory   *history,
                                           MsGroup     *group,
                                           guint        position,
                                           MsCategory  *scope);
gboolean     ms_edits_remove_project      (MsHistory   *history,
                                           MsProject   *project);
gboolean     ms_edits_move_project        (MsHistory   *history,
                                           MsProject   *project,
                                           int          delta);
MsGroup     *ms_edits_add_group           (MsHistory   *history,
                                           MsCategory  *category);
gboolean     ms_edits_rename_group        (MsHistory   *history,
                                           MsGroup     *group,
                                           const char  *title);
gboolean     ms_edits_move_group          (MsHistory   *history,
                                           MsGroup     *group,
                                           int          delta);
gboolean     ms_edits_remove_group        (MsHistory   *history,
                                           MsGroup     *group);
MsIndicator *ms_edits_add_indicator       (MsHistory   *history,
                                           MsProject   *project);
gboolean     ms_edits_remove_indicator    (MsHistory   *history,
                                           MsIndicator *indicator);
gboolean     ms_edits_move_indicator      (MsHistory   *history,
                                           MsIndicator *indicator,
                                           int          delta);

gboolean     ms_edits_set_reporting_date  (MsHistory   *history,
                                           MsDate       date,
                                           GError     **error);

/* A figure read for an indicator, such as from a progress notice. */
typedef struct
{
  MsIndicator *indicator;
  double       value;
  /* (nullable): what the notice says of it */
  const char  *note;
} MsRecordedFigure;

void         ms_edits_record_figures      (MsHistory       *history,
                                           MsDate           date,
                                           const GPtrArray *figures);

G_END_DECLS
