/* ms-sidebar-item.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ms-category.h"

G_BEGIN_DECLS

typedef enum
{
  MS_SIDEBAR_OVERVIEW,
  MS_SIDEBAR_CATEGORY,
  MS_SIDEBAR_DEPARTMENTS,
} MsSidebarKind;

#define MS_TYPE_SIDEBAR_ITEM (ms_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (MsSidebarItem, ms_sidebar_item, MS, SIDEBAR_ITEM, GObject)

MsSidebarItem *ms_sidebar_item_new          (MsSidebarKind  kind,
                                             MsCategory    *category);
MsSidebarKind  ms_sidebar_item_get_kind     (MsSidebarItem *self);
MsCategory    *ms_sidebar_item_get_category (MsSidebarItem *self);

G_END_DECLS
