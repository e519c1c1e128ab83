/* ms-project.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-date.h"
#include "ms-indicator.h"
#include "ms-node.h"

G_BEGIN_DECLS

#define MS_TYPE_PROJECT (ms_project_get_type ())

G_DECLARE_FINAL_TYPE (MsProject, ms_project, MS, PROJECT, MsNode)

MsProject          *ms_project_new               (void);
guint               ms_project_get_number        (MsProject          *self);
void                ms_project_set_number        (MsProject          *self,
                                                  guint               number);
const char         *ms_project_get_target        (MsProject          *self);
void                ms_project_set_target        (MsProject          *self,
                                                  const char         *target);
const char * const *ms_project_get_departments   (MsProject          *self);
void                ms_project_set_departments   (MsProject          *self,
                                                  const char * const *departments);
const char * const *ms_project_get_partners      (MsProject          *self);
void                ms_project_set_partners      (MsProject          *self,
                                                  const char * const *partners);
const char         *ms_project_get_completion    (MsProject          *self);
void                ms_project_set_completion    (MsProject          *self,
                                                  const char         *completion);
MsStatus            ms_project_get_status        (MsProject          *self);
void                ms_project_set_status        (MsProject          *self,
                                                  MsStatus            status);
const char         *ms_project_get_note          (MsProject          *self);
void                ms_project_set_note          (MsProject          *self,
                                                  const char         *note);
MsDate              ms_project_get_deadline      (MsProject          *self);
void                ms_project_set_deadline      (MsProject          *self,
                                                  MsDate              deadline);
const char         *ms_project_get_lead          (MsProject          *self);
void                ms_project_set_lead          (MsProject          *self,
                                                  const char         *lead);
const char         *ms_project_get_contact       (MsProject          *self);
void                ms_project_set_contact       (MsProject          *self,
                                                  const char         *contact);
GListModel         *ms_project_get_indicators    (MsProject          *self);
MsIndicator        *ms_project_get_indicator     (MsProject          *self,
                                                  guint               position);
guint               ms_project_get_n_indicators  (MsProject          *self);
void                ms_project_insert_indicator  (MsProject          *self,
                                                  guint               position,
                                                  MsIndicator        *indicator);
MsIndicator        *ms_project_remove_indicator  (MsProject          *self,
                                                  guint               position);
MsGroup            *ms_project_get_group         (MsProject          *self);
gboolean            ms_project_get_all_met       (MsProject          *self);
char               *ms_project_dup_short_title   (MsProject          *self);

G_END_DECLS
