/* ms-sidebar-item.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-sidebar-item"

#include "config.h"

#include "ms-sidebar-item.h"

/* A sidebar entry: the overview, a category, or the departments. */
struct _MsSidebarItem
{
  GObject        parent_instance;

  MsSidebarKind  kind;
  MsCategory    *category;
};

G_DEFINE_FINAL_TYPE (MsSidebarItem, ms_sidebar_item, G_TYPE_OBJECT)

static void
ms_sidebar_item_finalize (GObject *object)
{
  g_clear_object (&MS_SIDEBAR_ITEM (object)->category);

  G_OBJECT_CLASS (ms_sidebar_item_parent_class)->finalize (object);
}

static void
ms_sidebar_item_class_init (MsSidebarItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ms_sidebar_item_finalize;
}

static void
ms_sidebar_item_init (MsSidebarItem *self)
{
}

/**
 * ms_sidebar_item_new:
 * @category: (nullable): for %MS_SIDEBAR_CATEGORY, the category shown
 */
MsSidebarItem *
ms_sidebar_item_new (MsSidebarKind  kind,
                     MsCategory    *category)
{
  MsSidebarItem *self;

  g_return_val_if_fail ((kind == MS_SIDEBAR_CATEGORY) == (category != NULL), NULL);

  self = g_object_new (MS_TYPE_SIDEBAR_ITEM, NULL);
  self->kind = kind;
  self->category = category ? g_object_ref (category) : NULL;
  return self;
}

MsSidebarKind
ms_sidebar_item_get_kind (MsSidebarItem *self)
{
  g_return_val_if_fail (MS_IS_SIDEBAR_ITEM (self), MS_SIDEBAR_OVERVIEW);

  return self->kind;
}

/**
 * ms_sidebar_item_get_category:
 *
 * Returns: (transfer none) (nullable): the category of a category entry
 */
MsCategory *
ms_sidebar_item_get_category (MsSidebarItem *self)
{
  g_return_val_if_fail (MS_IS_SIDEBAR_ITEM (self), NULL);

  return self->category;
}
