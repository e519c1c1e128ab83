/* ms-paste.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-history.h"
#include "ms-project.h"
#include "ms-schedule.h"

G_BEGIN_DECLS

#define MS_PASTE_ERROR (ms_paste_error_quark ())

typedef enum
{
  MS_PASTE_ERROR_EMPTY,
  MS_PASTE_ERROR_NO_ROWS,
  MS_PASTE_ERROR_SHAPE,
  MS_PASTE_ERROR_NOT_A_FIGURE,
  MS_PASTE_ERROR_NO_INDICATOR,
  MS_PASTE_ERROR_NOTHING_CHANGES,
} MsPasteError;

/* What a pasted column sets on each row's project. */
typedef enum
{
  MS_PASTE_ACTUAL,
  MS_PASTE_COMPLETION,
  /* Two columns: figures beside texts, in either order */
  MS_PASTE_ACTUAL_AND_COMPLETION,
} MsPasteField;

/* One row's change, with the value it replaces. */
typedef struct
{
  MsProject   *project;
  /* The indicator whose actual a figure sets; NULL when no figure changes. */
  MsIndicator *indicator;
  gboolean     had_actual;
  double       old_actual;
  double       new_actual;
  /* NULL when the completion text does not change */
  char        *old_text;
  char        *new_text;
} MsPasteChange;

typedef struct _MsPastePlan MsPastePlan;

GQuark        ms_paste_error_quark        (void);

GPtrArray    *ms_paste_parse_table        (const char              *text);
gboolean      ms_paste_parse_figure       (const char              *cell,
                                           double                  *figure);

MsPastePlan  *ms_paste_plan_new           (const char              *text,
                                           GPtrArray               *projects,
                                           const MsScheduleContext *context,
                                           GError                 **error);
void          ms_paste_plan_free          (MsPastePlan             *self);
MsPasteField  ms_paste_plan_get_field     (MsPastePlan             *self);
guint         ms_paste_plan_get_n_changes (MsPastePlan             *self);
const MsPasteChange *
              ms_paste_plan_get_change    (MsPastePlan             *self,
                                           guint                    position);
void          ms_paste_plan_apply         (MsPastePlan             *self,
                                           MsHistory               *history);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsPastePlan, ms_paste_plan_free)

G_END_DECLS
