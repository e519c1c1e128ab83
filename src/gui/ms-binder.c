/* ms-binder.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-binder"

#include "config.h"

#include "ms-binder.h"

struct _MsBinder
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (MsBinder, ms_binder, G_TYPE_OBJECT)

static void
ms_binder_class_init (MsBinderClass *klass)
{
}

static void
ms_binder_init (MsBinder *self)
{
}

MsBinder *
ms_binder_new (void)
{
  return g_object_new (MS_TYPE_BINDER, NULL);
}
