/* ms-merge-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-merge.h"

G_BEGIN_DECLS

/* What the sources of a merge other than returned sheets (ms-merge-notice.c)
 * share with ms-merge.c: one list of changes, one list of conflicts, one rule
 * for two sources that disagree. */

MsDocument *ms_merge_get_document      (MsMerge             *self);
MsDate      ms_merge_get_fallback_date (MsMerge             *self);
/* The undo step is then named after a notice. */
void        ms_merge_set_from_notice   (MsMerge             *self);
/* Takes @change (allocated with g_new0, its strings with g_malloc). */
void        ms_merge_propose           (MsMerge             *self,
                                        const char          *department,
                                        MsMergeChange       *change,
                                        const char          *value_key);
/* Takes @source and @message. */
void        ms_merge_take_conflict     (MsMerge             *self,
                                        MsMergeConflictKind  kind,
                                        char                *source,
                                        char                *message);
char       *ms_merge_format_figure     (gboolean             has_value,
                                        double               value);
gboolean    ms_merge_figures_equal     (double               a,
                                        double               b);
char       *ms_merge_normalize_text    (const char          *text);
gboolean    ms_merge_get_file_figure   (MsIndicator         *indicator,
                                        MsDate               date,
                                        double              *figure);

G_END_DECLS
