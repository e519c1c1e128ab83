/* ms-category.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-group.h"
#include "ms-node.h"

G_BEGIN_DECLS

#define MS_TYPE_CATEGORY (ms_category_get_type ())

G_DECLARE_FINAL_TYPE (MsCategory, ms_category, MS, CATEGORY, MsNode)

MsCategory *ms_category_new          (void);
const char *ms_category_get_id       (MsCategory *self);
void        ms_category_set_id       (MsCategory *self,
                                      const char *id);
const char *ms_category_get_title    (MsCategory *self);
void        ms_category_set_title    (MsCategory *self,
                                      const char *title);
GListModel *ms_category_get_groups   (MsCategory *self);
MsGroup    *ms_category_get_group    (MsCategory *self,
                                      guint       position);
void        ms_category_insert_group (MsCategory *self,
                                      guint       position,
                                      MsGroup    *group);
MsGroup    *ms_category_remove_group (MsCategory *self,
                                      guint       position);

G_END_DECLS
