/* ms-group.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-node.h"
#include "ms-project.h"

G_BEGIN_DECLS

#define MS_TYPE_GROUP (ms_group_get_type ())

G_DECLARE_FINAL_TYPE (MsGroup, ms_group, MS, GROUP, MsNode)

MsGroup    *ms_group_new            (void);
guint       ms_group_get_number     (MsGroup    *self);
void        ms_group_set_number     (MsGroup    *self,
                                     guint       number);
const char *ms_group_get_title      (MsGroup    *self);
void        ms_group_set_title      (MsGroup    *self,
                                     const char *title);
GListModel *ms_group_get_projects   (MsGroup    *self);
MsProject  *ms_group_get_project    (MsGroup    *self,
                                     guint       position);
void        ms_group_insert_project (MsGroup    *self,
                                     guint       position,
                                     MsProject  *project);
MsProject  *ms_group_remove_project (MsGroup    *self,
                                     guint       position);
MsCategory *ms_group_get_category   (MsGroup    *self);

G_END_DECLS
