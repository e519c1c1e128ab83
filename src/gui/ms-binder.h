/* ms-binder.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ms-history.h"

G_BEGIN_DECLS

#define MS_TYPE_BINDER (ms_binder_get_type ())

G_DECLARE_FINAL_TYPE (MsBinder, ms_binder, MS, BINDER, GObject)

/**
 * MsBinderFlags:
 * @MS_BINDER_DEFAULT: both ways; typing merges into one undo step
 * @MS_BINDER_ONE_STEP: each change of the widget is its own undo step (choices)
 * @MS_BINDER_READ_ONLY: the widget only shows the model
 */
typedef enum
{
  MS_BINDER_DEFAULT   = 0,
  MS_BINDER_ONE_STEP  = 1 << 0,
  MS_BINDER_READ_ONLY = 1 << 1,
} MsBinderFlags;

/* Converts between the model's and the widget's value, both initialised to
 * their property's type. Returning FALSE leaves the other side alone: to the
 * widget, when it already shows that value; to the model, when what is typed
 * is not valid (the widget is then marked as an error). */
typedef gboolean (*MsBinderTransform) (const GValue *from,
                                       GValue       *to,
                                       gpointer      user_data);

/* Records a value the widget holds when a plain property set won't do,
 * such as a figure that is also a "reported" flag. */
typedef void (*MsBinderCommit) (MsHistory    *history,
                                const char   *label,
                                GObject      *source,
                                const GValue *value,
                                gpointer      user_data);

typedef struct
{
  MsBinderTransform to_widget;
  MsBinderTransform to_model;
  MsBinderCommit    commit;
} MsBinderFuncs;

/* An enum property shown by a choice list ("selected" of an AdwComboRow or
 * GtkDropDown) whose items follow the enum's values in order. */
extern const MsBinderFuncs ms_binder_enum_choice;
extern const MsBinderFuncs ms_binder_date;

MsBinder *ms_binder_new          (void);
void      ms_binder_set_history  (MsBinder            *self,
                                  MsHistory           *history);
MsHistory *ms_binder_get_history (MsBinder            *self);
void      ms_binder_set_source   (MsBinder            *self,
                                  gpointer             source);
gpointer  ms_binder_get_source   (MsBinder            *self);
void      ms_binder_bind         (MsBinder            *self,
                                  const char          *source_property,
                                  gpointer             target,
                                  const char          *target_property,
                                  const char          *label);
void      ms_binder_bind_full    (MsBinder            *self,
                                  const char          *source_property,
                                  gpointer             target,
                                  const char          *target_property,
                                  const char          *label,
                                  MsBinderFlags        flags,
                                  const MsBinderFuncs *funcs,
                                  gpointer             user_data);
void      ms_binder_connect      (MsBinder            *self,
                                  const char          *detailed_signal,
                                  GCallback            callback,
                                  gpointer             instance);
void      ms_binder_sync         (MsBinder            *self);

G_END_DECLS
