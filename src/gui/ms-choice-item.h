/* ms-choice-item.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MS_TYPE_CHOICE_ITEM (ms_choice_item_get_type ())

G_DECLARE_FINAL_TYPE (MsChoiceItem, ms_choice_item, MS, CHOICE_ITEM, GtkWidget)

GtkListItemFactory *ms_choice_item_factory_new (void);

G_END_DECLS
