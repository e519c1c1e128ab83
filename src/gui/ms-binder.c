/* ms-binder.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-binder"

#include "config.h"

#include "ms-binder.h"
#include "ms-date.h"

/* Binds a view's widgets to one model object, the source, which the view
 * swaps as the user moves between projects. Model to widget is a GBinding
 * per field (one GBindingGroup), skipped when the widget already shows the
 * value, so the cursor stays put while typing. Widget to model goes through
 * the history: one undo step per field, merged while typing. */
struct _MsBinder
{
  GObject        parent_instance;

  GBindingGroup *bindings;
  GSignalGroup  *signals;
  /* Held here: the binding group holds it weakly. */
  GObject       *source;
  MsHistory     *history;
  GPtrArray     *fields;
};

G_DEFINE_FINAL_TYPE (MsBinder, ms_binder, G_TYPE_OBJECT)

typedef struct
{
  MsBinder      *binder;
  GObject       *target;
  GParamSpec    *target_pspec;
  char          *source_property;
  const char    *label;
  MsBinderFlags  flags;
  MsBinderFuncs  funcs;
  gpointer       user_data;
} Field;

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_weak_pointer (&field->target);
  g_free (field->source_property);
  g_free (field);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *x = g_value_get_boxed (a);
      const char * const *y = g_value_get_boxed (b);

      if (x == NULL || y == NULL)
        return x == y;
      return g_strv_equal (x, y);
    }
  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
mark_valid (Field    *field,
            gboolean  valid)
{
  if (!GTK_IS_WIDGET (field->target))
    return;

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (field->target), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (field->target), "error");
}

/* Model to widget; FALSE when the widget already shows @from. */
static gboolean
convert_to_widget (Field        *field,
                   const GValue *from,
                   GValue       *to)
{
  g_auto(GValue) shown = G_VALUE_INIT;

  if (field->target == NULL)
    return FALSE;

  if (field->funcs.to_widget != NULL)
    {
      if (!field->funcs.to_widget (from, to, field->user_data))
        return FALSE;
    }
  else if (!g_value_transform (from, to))
    return FALSE;

  g_value_init (&shown, field->target_pspec->value_type);
  g_object_get_property (field->target, field->target_pspec->name, &shown);
  if (values_equal (field->target_pspec, &shown, to))
    return FALSE;

  /* What the model says is valid, whatever was typed before. */
  mark_valid (field, TRUE);
  return TRUE;
}

static gboolean
transform_to_widget_cb (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  return convert_to_widget (user_data, from, to);
}

static void
on_target_notify_cb (GObject    *target,
                     GParamSpec *pspec,
                     Field      *field)
{
  MsBinder *self = field->binder;
  GObject *source = self->source;
  g_auto(GValue) shown = G_VALUE_INIT;
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *source_pspec;
  gboolean valid;

  if (source == NULL || self->history == NULL)
    return;

  source_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (source), field->source_property);
  g_value_init (&shown, pspec->value_type);
  g_object_get_property (target, pspec->name, &shown);
  g_value_init (&value, source_pspec->value_type);
  if (field->funcs.to_model != NULL)
    valid = field->funcs.to_model (&shown, &value, field->user_data);
  else
    valid = g_value_transform (&shown, &value);
  mark_valid (field, valid);
  if (!valid)
    return;

  if (field->funcs.commit != NULL)
    field->funcs.commit (self->history, field->label, source, &value, field->user_data);
  else
    ms_history_set_value (self->history, field->label, source, field->source_property, &value);

  if (field->flags & MS_BINDER_ONE_STEP)
    ms_history_break_merge (self->history);
}

static gboolean
enum_to_selected (const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_uint (to, (guint)g_value_get_enum (from));
  return TRUE;
}

/* A position outside the enum (nothing selected) is no value. */
static gboolean
selected_to_enum (const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (G_VALUE_TYPE (to));
  guint selected = g_value_get_uint (from);

  if (selected > G_MAXINT || g_enum_get_value (enum_class, (int)selected) == NULL)
    return FALSE;
  g_value_set_enum (to, (int)selected);
  return TRUE;
}

const MsBinderFuncs ms_binder_enum_choice = { enum_to_selected, selected_to_enum, NULL };

static gboolean
date_to_text (const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_value_take_string (to, ms_date_to_string (g_value_get_uint (from)));
  return TRUE;
}

/* Empty is no date; anything else must be a real YYYY-MM-DD date. */
static gboolean
text_to_date (const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  g_autofree char *text = g_strstrip (g_strdup (g_value_get_string (from)));
  MsDate date = MS_DATE_NONE;

  if (text[0] != '\0' && !ms_date_parse (text, &date))
    return FALSE;
  g_value_set_uint (to, date);
  return TRUE;
}

/* An MsDate property shown as YYYY-MM-DD text. */
const MsBinderFuncs ms_binder_date = { date_to_text, text_to_date, NULL };

static void
ms_binder_dispose (GObject *object)
{
  MsBinder *self = (MsBinder *)object;

  if (self->bindings != NULL)
    g_binding_group_set_source (self->bindings, NULL);
  if (self->signals != NULL)
    g_signal_group_set_target (self->signals, NULL);
  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  g_clear_object (&self->source);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (ms_binder_parent_class)->dispose (object);
}

static void
ms_binder_finalize (GObject *object)
{
  MsBinder *self = (MsBinder *)object;

  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (ms_binder_parent_class)->finalize (object);
}

static void
ms_binder_class_init (MsBinderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ms_binder_dispose;
  object_class->finalize = ms_binder_finalize;
}

static void
ms_binder_init (MsBinder *self)
{
  self->bindings = g_binding_group_new ();
  self->signals = g_signal_group_new (G_TYPE_OBJECT);
  self->fields = g_ptr_array_new_with_free_func (field_free);
}

MsBinder *
ms_binder_new (void)
{
  return g_object_new (MS_TYPE_BINDER, NULL);
}

void
ms_binder_set_history (MsBinder  *self,
                       MsHistory *history)
{
  g_return_if_fail (MS_IS_BINDER (self));
  g_return_if_fail (history == NULL || MS_IS_HISTORY (history));

  g_set_object (&self->history, history);
}

/**
 * ms_binder_get_history:
 *
 * Returns: (transfer none) (nullable): the history edits go through
 */
MsHistory *
ms_binder_get_history (MsBinder *self)
{
  g_return_val_if_fail (MS_IS_BINDER (self), NULL);

  return self->history;
}

/**
 * ms_binder_set_source:
 * @source: (type GObject) (nullable): the model object the widgets show
 *
 * Shows @source in every bound widget and moves the connected handlers to it.
 */
void
ms_binder_set_source (MsBinder *self,
                      gpointer  source)
{
  g_return_if_fail (MS_IS_BINDER (self));
  g_return_if_fail (source == NULL || G_IS_OBJECT (source));

  /* Typing into the next object is a new step. */
  if (self->history != NULL)
    ms_history_break_merge (self->history);
  g_set_object (&self->source, source);
  g_binding_group_set_source (self->bindings, source);
  g_signal_group_set_target (self->signals, source);
}

/**
 * ms_binder_get_source:
 *
 * Returns: (transfer none) (type GObject) (nullable): the object shown
 */
gpointer
ms_binder_get_source (MsBinder *self)
{
  g_return_val_if_fail (MS_IS_BINDER (self), NULL);

  return self->source;
}

void
ms_binder_bind (MsBinder   *self,
                const char *source_property,
                gpointer    target,
                const char *target_property,
                const char *label)
{
  ms_binder_bind_full (self, source_property, target, target_property, label, MS_BINDER_DEFAULT, NULL, NULL);
}

/**
 * ms_binder_bind_full:
 * @source_property: a property of every source this binder will show
 * @target: (type GObject): a widget, or an object inside one (a text buffer)
 * @label: (nullable): the undo step's name, untranslated (N_("Edit Target"))
 * @funcs: (nullable): conversions; a copy is kept
 * @user_data: passed to @funcs; must outlive the binder
 *
 * Shows @source_property in @target_property and records the user's changes
 * of @target_property in the history.
 */
void
ms_binder_bind_full (MsBinder            *self,
                     const char          *source_property,
                     gpointer             target,
                     const char          *target_property,
                     const char          *label,
                     MsBinderFlags        flags,
                     const MsBinderFuncs *funcs,
                     gpointer             user_data)
{
  g_autofree char *detailed = NULL;
  GClosure *closure;
  Field *field;

  g_return_if_fail (MS_IS_BINDER (self));
  g_return_if_fail (source_property != NULL);
  g_return_if_fail (G_IS_OBJECT (target));
  g_return_if_fail (target_property != NULL);

  field = g_new0 (Field, 1);
  field->binder = self;
  g_set_weak_pointer (&field->target, target);
  field->target_pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target), target_property);
  g_return_if_fail (field->target_pspec != NULL);
  field->source_property = g_strdup (source_property);
  field->label = label;
  field->flags = flags;
  if (funcs != NULL)
    field->funcs = *funcs;
  field->user_data = user_data;
  g_ptr_array_add (self->fields, field);

  g_binding_group_bind_full (self->bindings, source_property, target, target_property, G_BINDING_SYNC_CREATE,
                             transform_to_widget_cb, NULL, field, NULL);

  if (flags & MS_BINDER_READ_ONLY)
    return;

  /* The closure dies with the binder, so the field it points to never dangles. */
  detailed = g_strconcat ("notify::", target_property, NULL);
  closure = g_cclosure_new (G_CALLBACK (on_target_notify_cb), field, NULL);
  g_object_watch_closure (G_OBJECT (self), closure);
  g_signal_connect_closure (target, detailed, closure, FALSE);
}

/**
 * ms_binder_connect:
 * @callback: called swapped, with @instance first
 * @instance: (type GObject): the handler goes when it goes
 *
 * Connects @callback to a signal of whichever source is shown.
 */
void
ms_binder_connect (MsBinder   *self,
                   const char *detailed_signal,
                   GCallback   callback,
                   gpointer    instance)
{
  g_return_if_fail (MS_IS_BINDER (self));

  g_signal_group_connect_object (self->signals, detailed_signal, callback, instance, G_CONNECT_SWAPPED);
}

/**
 * ms_binder_sync:
 *
 * Shows the model's values again where a widget holds something else, such
 * as a figure that was not valid, once the user leaves the field.
 */
void
ms_binder_sync (MsBinder *self)
{
  GObject *source;

  g_return_if_fail (MS_IS_BINDER (self));

  if (self->history != NULL)
    ms_history_break_merge (self->history);

  source = self->source;
  if (source == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_auto(GValue) model = G_VALUE_INIT;
      g_auto(GValue) shown = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (source), field->source_property);

      if (field->target == NULL || pspec == NULL)
        continue;
      g_value_init (&model, pspec->value_type);
      g_object_get_property (source, pspec->name, &model);
      g_value_init (&shown, field->target_pspec->value_type);
      if (convert_to_widget (field, &model, &shown))
        g_object_set_property (field->target, field->target_pspec->name, &shown);
    }
}
