/* ms-project.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-project"

#include "config.h"

#include "ms-enums.h"
#include "ms-group.h"
#include "ms-node-private.h"
#include "ms-project.h"

struct _MsProject
{
  MsNode      parent_instance;

  guint       number;
  char       *target;
  char      **departments;
  char      **partners;
  char       *completion;
  MsStatus    status;
  char       *note;
  MsDate      deadline;
  char       *lead;
  char       *contact;
  GListStore *indicators;
  /* (nullable): the indicators in order, not referenced: figures read every
   * indicator of every project, and the store's lookups were most of it.
   * Dropped whenever the store changes. */
  GPtrArray  *indicator_cache;
};

G_DEFINE_FINAL_TYPE (MsProject, ms_project, MS_TYPE_NODE)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_TARGET,
  PROP_DEPARTMENTS,
  PROP_PARTNERS,
  PROP_COMPLETION,
  PROP_STATUS,
  PROP_NOTE,
  PROP_DEADLINE,
  PROP_LEAD,
  PROP_CONTACT,
  PROP_INDICATORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forget_indicators (MsProject *self)
{
  g_clear_pointer (&self->indicator_cache, g_ptr_array_unref);
}

static GPtrArray *
indicators_in_order (MsProject *self)
{
  if (self->indicator_cache == NULL)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));

      self->indicator_cache = g_ptr_array_sized_new (n_items);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(MsIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->indicators), i);

          /* The store keeps its own reference. */
          g_ptr_array_add (self->indicator_cache, indicator);
        }
    }
  return self->indicator_cache;
}

static void
ms_project_dispose (GObject *object)
{
  MsProject *self = (MsProject *)object;

  g_clear_pointer (&self->indicator_cache, g_ptr_array_unref);
  if (self->indicators != NULL)
    g_signal_handlers_disconnect_by_data (self->indicators, self);
  _ms_node_orphan_children (self->indicators);
  g_clear_object (&self->indicators);

  G_OBJECT_CLASS (ms_project_parent_class)->dispose (object);
}

static void
ms_project_finalize (GObject *object)
{
  MsProject *self = (MsProject *)object;

  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->departments, g_strfreev);
  g_clear_pointer (&self->partners, g_strfreev);
  g_clear_pointer (&self->completion, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->lead, g_free);
  g_clear_pointer (&self->contact, g_free);

  G_OBJECT_CLASS (ms_project_parent_class)->finalize (object);
}

static void
ms_project_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MsProject *self = MS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_DEPARTMENTS:
      g_value_set_boxed (value, self->departments);
      break;
    case PROP_PARTNERS:
      g_value_set_boxed (value, self->partners);
      break;
    case PROP_COMPLETION:
      g_value_set_string (value, self->completion);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_DEADLINE:
      g_value_set_uint (value, self->deadline);
      break;
    case PROP_LEAD:
      g_value_set_string (value, self->lead);
      break;
    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;
    case PROP_INDICATORS:
      g_value_set_object (value, self->indicators);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_project_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MsProject *self = MS_PROJECT (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      ms_project_set_number (self, g_value_get_uint (value));
      break;
    case PROP_TARGET:
      ms_project_set_target (self, g_value_get_string (value));
      break;
    case PROP_DEPARTMENTS:
      ms_project_set_departments (self, g_value_get_boxed (value));
      break;
    case PROP_PARTNERS:
      ms_project_set_partners (self, g_value_get_boxed (value));
      break;
    case PROP_COMPLETION:
      ms_project_set_completion (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      ms_project_set_status (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      ms_project_set_note (self, g_value_get_string (value));
      break;
    case PROP_DEADLINE:
      ms_project_set_deadline (self, g_value_get_uint (value));
      break;
    case PROP_LEAD:
      ms_project_set_lead (self, g_value_get_string (value));
      break;
    case PROP_CONTACT:
      ms_project_set_contact (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_project_class_init (MsProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ms_project_dispose;
  object_class->finalize = ms_project_finalize;
  object_class->get_property = ms_project_get_property;
  object_class->set_property = ms_project_set_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 1, rw);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_DEPARTMENTS] = g_param_spec_boxed ("departments", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_PARTNERS] = g_param_spec_boxed ("partners", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_COMPLETION] = g_param_spec_string ("completion", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               MS_TYPE_STATUS, MS_STATUS_NOT_STARTED, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  /* An MsDate; 0 means the end of the document's period. */
  properties[PROP_DEADLINE] = g_param_spec_uint ("deadline", NULL, NULL, 0, G_MAXUINT32, 0, rw);
  properties[PROP_LEAD] = g_param_spec_string ("lead", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_CONTACT] = g_param_spec_string ("contact", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_INDICATORS] = g_param_spec_object ("indicators", NULL, NULL, G_TYPE_LIST_MODEL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                     MS_PARAM_NOT_CONTENT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_project_init (MsProject *self)
{
  self->number = 1;
  self->target = g_strdup ("");
  self->departments = g_new0 (char *, 1);
  self->partners = g_new0 (char *, 1);
  self->completion = g_strdup ("");
  self->note = g_strdup ("");
  self->lead = g_strdup ("");
  self->contact = g_strdup ("");
  self->status = MS_STATUS_NOT_STARTED;
  self->indicators = _ms_node_new_child_store (MS_TYPE_INDICATOR);
  g_signal_connect_swapped (self->indicators, "items-changed", G_CALLBACK (forget_indicators), self);
}

MsProject *
ms_project_new (void)
{
  return g_object_new (MS_TYPE_PROJECT, NULL);
}

guint
ms_project_get_number (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), 0);

  return self->number;
}

void
ms_project_set_number (MsProject *self,
                       guint      number)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (number == self->number)
    return;

  self->number = number;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
ms_project_get_target (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return self->target;
}

void
ms_project_set_target (MsProject  *self,
                       const char *target)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_string (&self->target, target))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
}

const char * const *
ms_project_get_departments (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return (const char * const *)self->departments;
}

void
ms_project_set_departments (MsProject          *self,
                            const char * const *departments)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_strv (&self->departments, departments))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENTS]);
}

const char * const *
ms_project_get_partners (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return (const char * const *)self->partners;
}

void
ms_project_set_partners (MsProject          *self,
                         const char * const *partners)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_strv (&self->partners, partners))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

const char *
ms_project_get_completion (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return self->completion;
}

void
ms_project_set_completion (MsProject  *self,
                           const char *completion)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_string (&self->completion, completion))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETION]);
}

MsStatus
ms_project_get_status (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), MS_STATUS_NOT_STARTED);

  return self->status;
}

void
ms_project_set_status (MsProject *self,
                       MsStatus   status)
{
  g_return_if_fail (MS_IS_PROJECT (self));
  g_return_if_fail (status < MS_N_STATUSES);

  if (status == self->status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
ms_project_get_note (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return self->note;
}

void
ms_project_set_note (MsProject  *self,
                     const char *note)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * ms_project_get_indicators:
 *
 * Returns: (transfer none): a #GListModel of #MsIndicator
 */
GListModel *
ms_project_get_indicators (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return G_LIST_MODEL (self->indicators);
}

/**
 * ms_project_get_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator at @position
 */
MsIndicator *
ms_project_get_indicator (MsProject *self,
                          guint      position)
{
  GPtrArray *indicators;

  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  indicators = indicators_in_order (self);
  return position < indicators->len ? g_ptr_array_index (indicators, position) : NULL;
}

/* The number of indicators, without a lookup in the store. */
guint
ms_project_get_n_indicators (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), 0);

  return indicators_in_order (self)->len;
}

void
ms_project_insert_indicator (MsProject   *self,
                             guint        position,
                             MsIndicator *indicator)
{
  g_return_if_fail (MS_IS_PROJECT (self));
  g_return_if_fail (MS_IS_INDICATOR (indicator));

  _ms_node_insert_child (MS_NODE (self), self->indicators, position, MS_NODE (indicator));
}

/**
 * ms_project_remove_indicator:
 *
 * Returns: (transfer full): the removed indicator
 */
MsIndicator *
ms_project_remove_indicator (MsProject *self,
                             guint      position)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return MS_INDICATOR (_ms_node_remove_child (MS_NODE (self), self->indicators, position));
}

/**
 * ms_project_get_group:
 *
 * Returns: (transfer none) (nullable): the group holding this project
 */
MsGroup *
ms_project_get_group (MsProject *self)
{
  MsNode *parent;

  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  parent = ms_node_get_parent (MS_NODE (self));
  return MS_IS_GROUP (parent) ? MS_GROUP (parent) : NULL;
}

/**
 * ms_project_get_all_met:
 *
 * Returns: %TRUE when the project has indicators and every one is met
 */
gboolean
ms_project_get_all_met (MsProject *self)
{
  guint n_items;

  g_return_val_if_fail (MS_IS_PROJECT (self), FALSE);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->indicators));
  if (n_items == 0)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      if (ms_indicator_get_state (ms_project_get_indicator (self, i)) != MS_INDICATOR_MET)
        return FALSE;
    }

  return TRUE;
}

/**
 * ms_project_dup_short_title:
 *
 * A title for lists and charts, from the target text: its first clause
 * ("全年新、改建农村公路80公里"), without a leading "全年", at most 24 characters.
 *
 * Returns: (transfer full): the short title
 */
char *
ms_project_dup_short_title (MsProject *self)
{
  static const char * const leading[] = { "全年", "年内", "年底前" };
  const char *text;
  const char *end;
  glong length;

  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  text = self->target;
  for (guint i = 0; i < G_N_ELEMENTS (leading); i++)
    {
      if (g_str_has_prefix (text, leading[i]) && text[strlen (leading[i])] != '\0')
        text += strlen (leading[i]);
    }

  for (end = text; *end; end = g_utf8_next_char (end))
    {
      gunichar c = g_utf8_get_char (end);

      /* The first clause ends at a comma, stop, semicolon or colon. */
      if (c == 0xFF0C || c == ',' || c == 0x3002 || c == 0xFF1B || c == ';' || c == 0xFF1A ||
          c == ':' || c == '\n')
        break;
    }

  length = g_utf8_pointer_to_offset (text, end);
  if (length > 24)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 23);

      return g_strconcat (head, "…", NULL);
    }

  return g_strndup (text, end - text);
}

/* Returns: the deadline (完成时限), or %MS_DATE_NONE for the end of the period */
MsDate
ms_project_get_deadline (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), MS_DATE_NONE);

  return self->deadline;
}

void
ms_project_set_deadline (MsProject *self,
                         MsDate     deadline)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (deadline == self->deadline)
    return;

  self->deadline = deadline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
}

/* The leader in charge (牵头领导). */
const char *
ms_project_get_lead (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return self->lead;
}

void
ms_project_set_lead (MsProject  *self,
                     const char *lead)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_string (&self->lead, lead))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD]);
}

/* The person to ask (联系人). */
const char *
ms_project_get_contact (MsProject *self)
{
  g_return_val_if_fail (MS_IS_PROJECT (self), NULL);

  return self->contact;
}

void
ms_project_set_contact (MsProject  *self,
                        const char *contact)
{
  g_return_if_fail (MS_IS_PROJECT (self));

  if (_ms_set_string (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}
