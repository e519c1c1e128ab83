/* ms-history.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-history"

#include "config.h"

#include <math.h>

#include "ms-history.h"

/* Enough for a day of editing; older steps are dropped. */
#define MAX_STEPS 1000

typedef enum
{
  CHANGE_VALUE,
  CHANGE_ACTUAL,
  CHANGE_INSERT,
  CHANGE_REMOVE,
  CHANGE_MOVE,
} ChangeKind;

/* An indicator's reported figure: a property alone cannot say "not reported".
 * With it, the figures by date, whose latest is the actual. */
typedef struct
{
  gboolean    has_actual;
  double      actual;
  /* (nullable) (owned) */
  MsTimeline *progress;
} ActualState;

/* One edit, with what it takes to revert it and to apply it again. */
typedef struct
{
  ChangeKind   kind;
  /* The edited object; for structure changes, the parent. */
  GObject     *object;
  /* CHANGE_VALUE, CHANGE_ACTUAL: the edited property, to merge typing. */
  GParamSpec  *pspec;
  /* CHANGE_VALUE */
  GValue       old_value;
  GValue       new_value;
  /* CHANGE_ACTUAL */
  ActualState  old_actual;
  ActualState  new_actual;
  /* Structure changes: the child, kept alive while it is out of the tree. */
  MsNode      *child;
  /* Where the child was inserted or removed, or moved from. */
  guint        position;
  /* CHANGE_MOVE: where the child ended up. */
  guint        to;
} Change;

/* What one undo reverts: a single edit or a group of them. */
typedef struct
{
  char      *label;
  GPtrArray *changes;
  /* When the last edit was merged into this step. */
  gint64     time;
  /* Names the state this step leads to; typing merged in gives a new one. */
  guint64    serial;
} Step;

struct _MsHistory
{
  GObject     parent_instance;

  MsDocument *document;
  /* Tells the time for merging typing; tests give their own. */
  MsHistoryClock clock;
  gpointer    clock_data;
  /* Oldest first: the first @position steps are applied, the rest can be redone. */
  GPtrArray  *steps;
  guint       position;
  /* The state before the first step kept, and the next serial to give out. */
  guint64     base_serial;
  guint64     next_serial;
  /* As last notified. */
  guint64     serial;
  /* The step collected between begin and end, and how deeply nested. */
  Step       *pending;
  guint       depth;

  /* As last notified, so that only real changes are notified. */
  char       *undo_label;
  char       *redo_label;
  guint       can_undo : 1;
  guint       can_redo : 1;

  /* The last step is typing that the next edit of the same field extends. */
  guint       can_merge : 1;
  /* Undo or redo is applying changes: they are no new edits. */
  guint       applying : 1;
  /* The history itself is changing the document (not an edit around it). */
  guint       editing : 1;
};

G_DEFINE_FINAL_TYPE (MsHistory, ms_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_SERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
system_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
now (MsHistory *self)
{
  return self->clock (self->clock_data);
}

static Change *
change_new (ChangeKind kind,
            gpointer   object)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->object = g_object_ref (object);

  return change;
}

static void
change_free (Change *change)
{
  g_clear_object (&change->object);
  g_clear_pointer (&change->pspec, g_param_spec_unref);
  if (G_IS_VALUE (&change->old_value))
    g_value_unset (&change->old_value);
  if (G_IS_VALUE (&change->new_value))
    g_value_unset (&change->new_value);
  g_clear_object (&change->child);
  g_clear_pointer (&change->old_actual.progress, ms_timeline_unref);
  g_clear_pointer (&change->new_actual.progress, ms_timeline_unref);
  g_free (change);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)change_free);

  return step;
}

static void
step_free (Step *step)
{
  g_clear_pointer (&step->label, g_free);
  g_clear_pointer (&step->changes, g_ptr_array_unref);
  g_free (step);
}

/* Returns: (transfer none) (nullable): the children of @node, NULL for an indicator */
static GListModel *
node_get_children (MsNode *node)
{
  if (MS_IS_DOCUMENT (node))
    return ms_document_get_categories (MS_DOCUMENT (node));
  if (MS_IS_CATEGORY (node))
    return ms_category_get_groups (MS_CATEGORY (node));
  if (MS_IS_GROUP (node))
    return ms_group_get_projects (MS_GROUP (node));
  if (MS_IS_PROJECT (node))
    return ms_project_get_indicators (MS_PROJECT (node));

  return NULL;
}

/* Through the public functions, so that signals fire as for any edit. */
static void
node_insert_child (MsNode *parent,
                   guint   position,
                   MsNode *child)
{
  if (MS_IS_DOCUMENT (parent))
    ms_document_insert_category (MS_DOCUMENT (parent), position, MS_CATEGORY (child));
  else if (MS_IS_CATEGORY (parent))
    ms_category_insert_group (MS_CATEGORY (parent), position, MS_GROUP (child));
  else if (MS_IS_GROUP (parent))
    ms_group_insert_project (MS_GROUP (parent), position, MS_PROJECT (child));
  else if (MS_IS_PROJECT (parent))
    ms_project_insert_indicator (MS_PROJECT (parent), position, MS_INDICATOR (child));
  else
    g_return_if_reached ();
}

/* Returns: (transfer full): the removed child */
static MsNode *
node_remove_child (MsNode *parent,
                   guint   position)
{
  if (MS_IS_DOCUMENT (parent))
    return MS_NODE (ms_document_remove_category (MS_DOCUMENT (parent), position));
  if (MS_IS_CATEGORY (parent))
    return MS_NODE (ms_category_remove_group (MS_CATEGORY (parent), position));
  if (MS_IS_GROUP (parent))
    return MS_NODE (ms_group_remove_project (MS_GROUP (parent), position));
  if (MS_IS_PROJECT (parent))
    return MS_NODE (ms_project_remove_indicator (MS_PROJECT (parent), position));

  g_return_val_if_reached (NULL);
}

/* The child is normally still where the history put it; look further only
 * when the document was edited around the history. */
static gboolean
node_find_child (MsNode *parent,
                 MsNode *child,
                 guint   hint,
                 guint  *position)
{
  GListModel *children = node_get_children (parent);
  guint n_items = g_list_model_get_n_items (children);

  if (ms_node_get_parent (child) != parent || n_items == 0)
    return FALSE;

  hint = MIN (hint, n_items - 1);
  for (guint i = 0; i < n_items; i++)
    {
      guint j = (hint + i) % n_items;
      g_autoptr(MsNode) item = g_list_model_get_item (children, j);

      if (item == child)
        {
          *position = j;
          return TRUE;
        }
    }

  return FALSE;
}

static void
warn_out_of_step (MsNode *child)
{
  g_warning ("A %s was moved without the history: the step skips it",
             G_OBJECT_TYPE_NAME (child));
}

static void
put_child (MsNode *parent,
           guint   position,
           MsNode *child)
{
  if (ms_node_get_parent (child) != NULL)
    {
      warn_out_of_step (child);
      return;
    }

  node_insert_child (parent, position, child);
}

static void
take_child (MsNode *parent,
            guint   position,
            MsNode *child)
{
  g_autoptr(MsNode) removed = NULL;

  if (!node_find_child (parent, child, position, &position))
    {
      warn_out_of_step (child);
      return;
    }

  removed = node_remove_child (parent, position);
}

static void
move_child (MsNode *parent,
            MsNode *child,
            guint   from,
            guint   to)
{
  g_autoptr(MsNode) removed = NULL;

  if (!node_find_child (parent, child, from, &from))
    {
      warn_out_of_step (child);
      return;
    }

  removed = node_remove_child (parent, from);
  node_insert_child (parent, to, removed);
}

static void
get_actual_state (MsIndicator *indicator,
                  ActualState *state)
{
  MsTimeline *progress = ms_indicator_get_progress (indicator);

  state->has_actual = ms_indicator_get_has_actual (indicator);
  state->actual = ms_indicator_get_actual (indicator);
  state->progress = progress != NULL ? ms_timeline_ref (progress) : NULL;
}

static void
set_actual_state (MsIndicator       *indicator,
                  const ActualState *state)
{
  g_object_freeze_notify (G_OBJECT (indicator));
  ms_indicator_set_progress (indicator, state->progress);
  if (state->has_actual)
    ms_indicator_set_actual (indicator, state->actual);
  else
    ms_indicator_clear_actual (indicator);
  g_object_thaw_notify (G_OBJECT (indicator));
}

static gboolean
actual_state_equal (const ActualState *a,
                    const ActualState *b)
{
  if (a->has_actual != b->has_actual || !ms_timeline_equal (a->progress, b->progress))
    return FALSE;

  return !a->has_actual || a->actual == b->actual;
}

/* The state an edit of the figure leads to. While the document has a
 * reporting date, the figure is the one for that date: its progress entry is
 * set, or removed when the figure is cleared (the latest earlier one, if any,
 * is the figure again). */
static void
edited_actual_state (MsIndicator *indicator,
                     gboolean     has_actual,
                     double       actual,
                     ActualState *state)
{
  MsDocument *document = ms_node_get_document (MS_NODE (indicator));
  MsDate as_of = document != NULL ? ms_document_get_as_of (document) : MS_DATE_NONE;
  MsTimeline *progress = ms_indicator_get_progress (indicator);
  const MsTimelineEntry *last;
  guint position;

  state->has_actual = !!has_actual;
  state->actual = has_actual ? actual : 0;
  state->progress = progress != NULL ? ms_timeline_ref (progress) : NULL;
  if (as_of == MS_DATE_NONE)
    return;

  g_clear_pointer (&state->progress, ms_timeline_unref);
  if (has_actual)
    {
      const MsTimelineEntry *entry = ms_timeline_get_at (progress, as_of);
      const char *note = entry != NULL && entry->date == as_of ? entry->note : NULL;

      state->progress = ms_timeline_with_entry (progress, as_of, actual, note);
      return;
    }

  if (ms_timeline_find (progress, as_of, &position))
    state->progress = ms_timeline_without_entry (progress, position);
  else if (progress != NULL)
    state->progress = ms_timeline_ref (progress);
  last = ms_timeline_get_last (state->progress);
  if (last != NULL)
    {
      state->has_actual = TRUE;
      state->actual = last->value;
    }
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  static const char * const empty[] = { NULL };

  /* Boxed values compare by address: compare string lists by content. */
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *strv_a = g_value_get_boxed (a);
      const char * const *strv_b = g_value_get_boxed (b);

      return g_strv_equal (strv_a ? strv_a : empty, strv_b ? strv_b : empty);
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

static void
change_apply (Change   *change,
              gboolean  forward)
{
  MsNode *parent = MS_IS_NODE (change->object) ? MS_NODE (change->object) : NULL;

  switch (change->kind)
    {
    case CHANGE_VALUE:
      g_object_set_property (change->object, change->pspec->name,
                             forward ? &change->new_value : &change->old_value);
      break;
    case CHANGE_ACTUAL:
      set_actual_state (MS_INDICATOR (change->object),
                        forward ? &change->new_actual : &change->old_actual);
      break;
    case CHANGE_INSERT:
      if (forward)
        put_child (parent, change->position, change->child);
      else
        take_child (parent, change->position, change->child);
      break;
    case CHANGE_REMOVE:
      if (forward)
        take_child (parent, change->position, change->child);
      else
        put_child (parent, change->position, change->child);
      break;
    case CHANGE_MOVE:
      if (forward)
        move_child (parent, change->child, change->position, change->to);
      else
        move_child (parent, change->child, change->to, change->position);
      break;
    default:
      g_assert_not_reached ();
    }
}

static guint64
current_serial (MsHistory *self)
{
  /* Edits of an open group already changed the document. */
  if (self->pending != NULL && self->pending->changes->len > 0)
    return self->pending->serial;
  if (self->position > 0)
    return ((Step *)g_ptr_array_index (self->steps, self->position - 1))->serial;
  return self->base_serial;
}

static guint64
take_serial (MsHistory *self)
{
  return self->next_serial++;
}

static void
update_state (MsHistory *self)
{
  guint64 serial = current_serial (self);
  gboolean can_undo = self->position > 0;
  gboolean can_redo = self->position < self->steps->len;
  const char *undo_label = NULL;
  const char *redo_label = NULL;

  if (can_undo)
    undo_label = ((Step *)g_ptr_array_index (self->steps, self->position - 1))->label;
  if (can_redo)
    redo_label = ((Step *)g_ptr_array_index (self->steps, self->position))->label;

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (g_strcmp0 (undo_label, self->undo_label) != 0)
    {
      g_free (self->undo_label);
      self->undo_label = g_strdup (undo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
    }
  if (g_strcmp0 (redo_label, self->redo_label) != 0)
    {
      g_free (self->redo_label);
      self->redo_label = g_strdup (redo_label);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
    }
  if (serial != self->serial)
    {
      self->serial = serial;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* A new edit: what was undone cannot be redone on top of it. */
static void
drop_redo (MsHistory *self)
{
  if (self->position == self->steps->len)
    return;

  g_ptr_array_remove_range (self->steps, self->position, self->steps->len - self->position);
}

static void
push_step (MsHistory *self,
           Step      *step)
{
  drop_redo (self);
  g_ptr_array_add (self->steps, step);
  self->position++;

  if (self->steps->len > MAX_STEPS)
    {
      /* The oldest state kept is the one the dropped step led to; states
       * before it cannot come back, whatever serial a save holds for them. */
      self->base_serial = ((Step *)g_ptr_array_index (self->steps, 0))->serial;
      g_ptr_array_remove_index (self->steps, 0);
      self->position--;
    }

  update_state (self);
}

/* Takes @change, already applied to the document. */
static void
record_change (MsHistory  *self,
               const char *label,
               Change     *change,
               gboolean    mergeable)
{
  Step *step;

  if (self->pending != NULL)
    {
      drop_redo (self);
      update_state (self);
      /* A group begun without a label takes the first one given inside. */
      if (self->pending->label == NULL)
        self->pending->label = g_strdup (label);
      if (self->pending->changes->len == 0)
        self->pending->serial = take_serial (self);
      g_ptr_array_add (self->pending->changes, change);
      self->can_merge = FALSE;
      update_state (self);
      return;
    }

  step = step_new (label);
  step->time = now (self);
  step->serial = take_serial (self);
  g_ptr_array_add (step->changes, change);
  push_step (self, step);
  self->can_merge = mergeable;
}

/* Returns: (nullable): the change the typing of @pspec on @object extends */
static Change *
find_merge_target (MsHistory  *self,
                   ChangeKind  kind,
                   GObject    *object,
                   GParamSpec *pspec)
{
  gint64 present = now (self);
  Change *change;
  Step *step;

  if (!self->can_merge || self->pending != NULL ||
      self->position == 0 || self->position != self->steps->len)
    return NULL;

  step = g_ptr_array_index (self->steps, self->position - 1);
  if (step->changes->len != 1 || present - step->time > MS_HISTORY_MERGE_TIMEOUT)
    return NULL;

  change = g_ptr_array_index (step->changes, 0);
  if (change->kind != kind || change->object != object || change->pspec != pspec)
    return NULL;

  step->time = present;
  /* The step now leads to another state: a save of the earlier one is not it. */
  step->serial = take_serial (self);
  return change;
}

/* Merged typing changed the last step's state. */
static void
merged (MsHistory *self)
{
  update_state (self);
}

static void
on_document_changed_cb (MsHistory *self)
{
  Step *step;

  if (self->editing || self->applying)
    return;

  /* An edit made around the history: the present state is a new one. No
   * step can undo it, so earlier states keep their serials. */
  if (self->pending != NULL && self->pending->changes->len > 0)
    self->pending->serial = take_serial (self);
  else if (self->position > 0)
    {
      step = g_ptr_array_index (self->steps, self->position - 1);
      step->serial = take_serial (self);
    }
  else
    self->base_serial = take_serial (self);
  self->can_merge = FALSE;
  update_state (self);
}

static void
ms_history_constructed (GObject *object)
{
  MsHistory *self = (MsHistory *)object;

  G_OBJECT_CLASS (ms_history_parent_class)->constructed (object);

  g_return_if_fail (MS_IS_DOCUMENT (self->document));

  self->base_serial = take_serial (self);
  self->serial = self->base_serial;
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_document_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
ms_history_dispose (GObject *object)
{
  MsHistory *self = (MsHistory *)object;

  /* Steps hold nodes that may hold the document. */
  if (self->steps != NULL)
    g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  g_clear_pointer (&self->pending, step_free);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ms_history_parent_class)->dispose (object);
}

static void
ms_history_finalize (GObject *object)
{
  MsHistory *self = (MsHistory *)object;

  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->undo_label, g_free);
  g_clear_pointer (&self->redo_label, g_free);

  G_OBJECT_CLASS (ms_history_parent_class)->finalize (object);
}

static void
ms_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  MsHistory *self = MS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, self->undo_label);
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, self->redo_label);
      break;
    case PROP_SERIAL:
      g_value_set_uint64 (value, self->serial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_history_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  MsHistory *self = MS_HISTORY (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_history_class_init (MsHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ms_history_constructed;
  object_class->dispose = ms_history_dispose;
  object_class->finalize = ms_history_finalize;
  object_class->get_property = ms_history_get_property;
  object_class->set_property = ms_history_set_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, MS_TYPE_DOCUMENT,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, NULL, NULL, ro);
  properties[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, NULL, NULL, ro);
  /**
   * MsHistory:serial:
   *
   * Names the document's present state: equal serials mean equal content.
   * Every step gets its own when recorded, and a new one when typing merges
   * into it; an edit made around the history gives the state a new one.
   */
  properties[PROP_SERIAL] = g_param_spec_uint64 ("serial", NULL, NULL, 0, G_MAXUINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_history_init (MsHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify)step_free);
  self->clock = system_clock;
  /* 0 is never a state: "no state" for those who keep one. */
  self->next_serial = 1;
}

/**
 * ms_history_new:
 * @document: the document whose edits are recorded; the history keeps a reference
 *
 * Returns: (transfer full): an empty history
 */
MsHistory *
ms_history_new (MsDocument *document)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  return g_object_new (MS_TYPE_HISTORY, "document", document, NULL);
}

/**
 * ms_history_get_document:
 *
 * Returns: (transfer none): the document
 */
MsDocument *
ms_history_get_document (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), NULL);

  return self->document;
}

/**
 * ms_history_set_clock:
 * @clock: (nullable): tells the present time, or %NULL for g_get_monotonic_time()
 * @user_data: passed to @clock
 *
 * Sets where the history reads the time when it decides whether an edit
 * extends the typing before it (see %MS_HISTORY_MERGE_TIMEOUT). Tests give
 * a clock they advance by hand, so that no result depends on elapsed time.
 */
void
ms_history_set_clock (MsHistory      *self,
                      MsHistoryClock  clock,
                      gpointer        user_data)
{
  g_return_if_fail (MS_IS_HISTORY (self));

  self->clock = clock != NULL ? clock : system_clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

/**
 * ms_history_set_value:
 * @label: (nullable): what undo would revert, untranslated (N_("Edit Completion"))
 * @object: the object to edit, usually a node of the document
 * @property: the name of a readable and writable property of @object
 * @value: the new value, of the property's type or one that transforms to it
 *
 * Sets the property and records the step. Nothing is recorded when the value
 * does not change, or when the object refuses it. Consecutive edits of the
 * same property of the same object merge into one step (see
 * ms_history_break_merge()).
 */
void
ms_history_set_value (MsHistory    *self,
                      const char   *label,
                      GObject      *object,
                      const char   *property,
                      const GValue *value)
{
  g_auto(GValue) new_value = G_VALUE_INIT;
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) applied = G_VALUE_INIT;
  GParamSpec *pspec;
  Change *change;

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);
  g_return_if_fail (G_IS_VALUE (value));

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (pspec != NULL);
  g_return_if_fail ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
  g_return_if_fail (!(pspec->flags & G_PARAM_CONSTRUCT_ONLY));
  g_return_if_fail (g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type));

  g_value_init (&new_value, pspec->value_type);
  g_value_transform (value, &new_value);
  g_value_init (&old_value, pspec->value_type);
  g_object_get_property (object, pspec->name, &old_value);
  if (values_equal (pspec, &old_value, &new_value))
    return;

  self->editing = TRUE;
  g_object_set_property (object, pspec->name, &new_value);
  self->editing = FALSE;

  /* Record what the object made of the value: a setter may normalise or refuse it. */
  g_value_init (&applied, pspec->value_type);
  g_object_get_property (object, pspec->name, &applied);
  if (self->applying || values_equal (pspec, &old_value, &applied))
    return;

  change = find_merge_target (self, CHANGE_VALUE, object, pspec);
  if (change != NULL)
    {
      g_value_copy (&applied, &change->new_value);
      merged (self);
      return;
    }

  change = change_new (CHANGE_VALUE, object);
  change->pspec = g_param_spec_ref (pspec);
  g_value_init (&change->old_value, pspec->value_type);
  g_value_copy (&old_value, &change->old_value);
  g_value_init (&change->new_value, pspec->value_type);
  g_value_copy (&applied, &change->new_value);
  record_change (self, label, change, TRUE);
}

/**
 * ms_history_set_string:
 * @value: (nullable): the new text
 *
 * Like ms_history_set_value(), for a string property.
 */
void
ms_history_set_string (MsHistory  *self,
                       const char *label,
                       GObject    *object,
                       const char *property,
                       const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  ms_history_set_value (self, label, object, property, &gvalue);
}

/**
 * ms_history_set_strv:
 * @value: (nullable) (array zero-terminated=1): the new list
 *
 * Like ms_history_set_value(), for a string list property.
 */
void
ms_history_set_strv (MsHistory          *self,
                     const char         *label,
                     GObject            *object,
                     const char         *property,
                     const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);
  ms_history_set_value (self, label, object, property, &gvalue);
}

/**
 * ms_history_set_uint:
 *
 * Like ms_history_set_value(), for an unsigned integer property.
 */
void
ms_history_set_uint (MsHistory  *self,
                     const char *label,
                     GObject    *object,
                     const char *property,
                     guint       value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_UINT);
  g_value_set_uint (&gvalue, value);
  ms_history_set_value (self, label, object, property, &gvalue);
}

/**
 * ms_history_set_int:
 *
 * Like ms_history_set_value(), for an integer property.
 */
void
ms_history_set_int (MsHistory  *self,
                    const char *label,
                    GObject    *object,
                    const char *property,
                    int         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  ms_history_set_value (self, label, object, property, &gvalue);
}

/**
 * ms_history_set_enum:
 *
 * Like ms_history_set_value(), for an enumeration property (#MsStatus,
 * #MsComparison).
 */
void
ms_history_set_enum (MsHistory  *self,
                     const char *label,
                     GObject    *object,
                     const char *property,
                     int         value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;
  GParamSpec *pspec;

  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  /* Integers do not transform to enumerations: use the property's own type. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_if_fail (G_IS_PARAM_SPEC_ENUM (pspec));

  g_value_init (&gvalue, pspec->value_type);
  g_value_set_enum (&gvalue, value);
  ms_history_set_value (self, label, object, property, &gvalue);
}

/**
 * ms_history_set_double:
 *
 * Like ms_history_set_value(), for a floating-point property.
 */
void
ms_history_set_double (MsHistory  *self,
                       const char *label,
                       GObject    *object,
                       const char *property,
                       double      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);
  ms_history_set_value (self, label, object, property, &gvalue);
}

/* Applies @new_state and records it, taking both states. */
static void
record_actual_state (MsHistory   *self,
                     const char  *label,
                     MsIndicator *indicator,
                     ActualState *old_state,
                     ActualState *new_state)
{
  GParamSpec *pspec;
  Change *change;

  if (actual_state_equal (old_state, new_state))
    {
      g_clear_pointer (&old_state->progress, ms_timeline_unref);
      g_clear_pointer (&new_state->progress, ms_timeline_unref);
      return;
    }

  self->editing = TRUE;
  set_actual_state (indicator, new_state);
  self->editing = FALSE;
  if (self->applying)
    {
      g_clear_pointer (&old_state->progress, ms_timeline_unref);
      g_clear_pointer (&new_state->progress, ms_timeline_unref);
      return;
    }

  /* The "actual" property stands for the figure and its progress, to merge typing. */
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (indicator), "actual");
  change = find_merge_target (self, CHANGE_ACTUAL, G_OBJECT (indicator), pspec);
  if (change != NULL)
    {
      g_clear_pointer (&change->new_actual.progress, ms_timeline_unref);
      change->new_actual = *new_state;
      g_clear_pointer (&old_state->progress, ms_timeline_unref);
      merged (self);
      return;
    }

  change = change_new (CHANGE_ACTUAL, indicator);
  change->pspec = g_param_spec_ref (pspec);
  change->old_actual = *old_state;
  change->new_actual = *new_state;
  record_change (self, label, change, TRUE);
}

/**
 * ms_history_set_actual:
 * @label: (nullable): what undo would revert, untranslated
 * @has_actual: %FALSE to clear the figure ("not reported")
 * @actual: the reported figure, finite and not negative; ignored without @has_actual
 *
 * Sets or clears the figure reported for @indicator, as one step that undo
 * reverts exactly, back to "not reported" if need be. Merges like typing.
 * While the document has a reporting date (as_of), the figure is recorded as
 * the progress of that date in the same step.
 */
void
ms_history_set_actual (MsHistory   *self,
                       const char  *label,
                       MsIndicator *indicator,
                       gboolean     has_actual,
                       double       actual)
{
  ActualState old_state;
  ActualState new_state;

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (MS_IS_INDICATOR (indicator));
  g_return_if_fail (!has_actual || ms_figure_is_plausible (actual));

  get_actual_state (indicator, &old_state);
  /* The same figure is no edit: views echo what they show (a project
   * opened, an undo), and that must not record progress for the date. */
  if (old_state.has_actual == !!has_actual && (!has_actual || old_state.actual == actual))
    {
      g_clear_pointer (&old_state.progress, ms_timeline_unref);
      return;
    }
  edited_actual_state (indicator, has_actual, actual, &new_state);
  record_actual_state (self, label, indicator, &old_state, &new_state);
}

/**
 * ms_history_set_progress:
 * @label: (nullable): what undo would revert, untranslated
 * @progress: (nullable): the figures by date; %NULL or empty for none
 *
 * Replaces the figures reported by date, as one step that merges like
 * typing. The latest is the actual; with none left, the actual stays.
 */
void
ms_history_set_progress (MsHistory   *self,
                         const char  *label,
                         MsIndicator *indicator,
                         MsTimeline  *progress)
{
  ActualState old_state;
  ActualState new_state;
  const MsTimelineEntry *last = ms_timeline_get_last (progress);

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (MS_IS_INDICATOR (indicator));

  get_actual_state (indicator, &old_state);
  new_state.has_actual = last != NULL ? TRUE : old_state.has_actual;
  new_state.actual = last != NULL ? last->value : old_state.actual;
  new_state.progress = ms_timeline_get_n_entries (progress) > 0 ? ms_timeline_ref (progress) : NULL;
  record_actual_state (self, label, indicator, &old_state, &new_state);
}

/**
 * ms_history_insert:
 * @label: (nullable): what undo would revert, untranslated (N_("Add Project"))
 * @parent: a node of the document: a document, category, group or project
 * @position: where to insert; past the end appends
 * @child: a node without a parent, of the type @parent holds
 *
 * Inserts @child and records the step. Undo removes this very object and
 * redo puts it back, so views can keep it selected.
 */
void
ms_history_insert (MsHistory  *self,
                   const char *label,
                   MsNode     *parent,
                   guint       position,
                   MsNode     *child)
{
  GListModel *children;
  Change *change;

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (MS_IS_NODE (parent));
  g_return_if_fail (MS_IS_NODE (child));
  g_return_if_fail (ms_node_get_document (parent) == self->document);
  g_return_if_fail (ms_node_get_parent (child) == NULL);

  children = node_get_children (parent);
  g_return_if_fail (children != NULL);
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (child, g_list_model_get_item_type (children)));

  /* The model appends past the end: record where the child really went. */
  position = MIN (position, g_list_model_get_n_items (children));
  self->editing = TRUE;
  node_insert_child (parent, position, child);
  self->editing = FALSE;
  if (self->applying)
    return;

  change = change_new (CHANGE_INSERT, parent);
  change->child = g_object_ref (child);
  change->position = position;
  record_change (self, label, change, FALSE);
}

/**
 * ms_history_remove:
 * @label: (nullable): what undo would revert, untranslated
 * @parent: a node of the document: a document, category, group or project
 * @position: the position of the child to remove
 *
 * Removes a child of @parent and records the step. The history keeps the
 * child, so that undo puts the same object back at @position.
 */
void
ms_history_remove (MsHistory  *self,
                   const char *label,
                   MsNode     *parent,
                   guint       position)
{
  g_autoptr(MsNode) child = NULL;
  GListModel *children;
  Change *change;

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (MS_IS_NODE (parent));
  g_return_if_fail (ms_node_get_document (parent) == self->document);

  children = node_get_children (parent);
  g_return_if_fail (children != NULL);
  g_return_if_fail (position < g_list_model_get_n_items (children));

  self->editing = TRUE;
  child = node_remove_child (parent, position);
  self->editing = FALSE;
  if (self->applying)
    return;

  change = change_new (CHANGE_REMOVE, parent);
  change->child = g_steal_pointer (&child);
  change->position = position;
  record_change (self, label, change, FALSE);
}

/**
 * ms_history_move:
 * @label: (nullable): what undo would revert, untranslated
 * @parent: a node of the document: a document, category, group or project
 * @from: the position of the child to move
 * @to: the position the child ends up at
 *
 * Moves a child of @parent (by removing and inserting the same object) and
 * records the step.
 */
void
ms_history_move (MsHistory  *self,
                 const char *label,
                 MsNode     *parent,
                 guint       from,
                 guint       to)
{
  g_autoptr(MsNode) child = NULL;
  GListModel *children;
  guint n_items;
  Change *change;

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (MS_IS_NODE (parent));
  g_return_if_fail (ms_node_get_document (parent) == self->document);

  children = node_get_children (parent);
  g_return_if_fail (children != NULL);
  n_items = g_list_model_get_n_items (children);
  g_return_if_fail (from < n_items);
  g_return_if_fail (to < n_items);

  if (from == to)
    return;

  child = g_list_model_get_item (children, from);
  self->editing = TRUE;
  move_child (parent, child, from, to);
  self->editing = FALSE;
  if (self->applying)
    return;

  change = change_new (CHANGE_MOVE, parent);
  change->child = g_steal_pointer (&child);
  change->position = from;
  change->to = to;
  record_change (self, label, change, FALSE);
}

/**
 * ms_history_begin:
 * @label: (nullable): what undo would revert, untranslated (N_("Add Project"))
 *
 * Starts collecting edits into one step, until the matching
 * ms_history_end(). Groups nest: the outermost label wins, and a group
 * without edits records nothing.
 */
void
ms_history_begin (MsHistory  *self,
                  const char *label)
{
  g_return_if_fail (MS_IS_HISTORY (self));

  if (self->depth++ == 0)
    self->pending = step_new (label);
  else if (self->pending->label == NULL)
    self->pending->label = g_strdup (label);

  self->can_merge = FALSE;
}

/**
 * ms_history_end:
 *
 * Ends the group begun by ms_history_begin().
 */
void
ms_history_end (MsHistory *self)
{
  Step *step;

  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  self->can_merge = FALSE;
  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->pending);
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }

  step->time = now (self);
  push_step (self, step);
}

/**
 * ms_history_break_merge:
 *
 * Makes the next edit a step of its own, even of the field just typed in.
 * Views call this when a field loses the focus.
 */
void
ms_history_break_merge (MsHistory *self)
{
  g_return_if_fail (MS_IS_HISTORY (self));

  self->can_merge = FALSE;
}

/**
 * ms_history_get_can_undo:
 *
 * Returns: %TRUE when there is a step to undo
 */
gboolean
ms_history_get_can_undo (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), FALSE);

  return self->can_undo;
}

/**
 * ms_history_get_can_redo:
 *
 * Returns: %TRUE when there is an undone step to redo
 */
gboolean
ms_history_get_can_redo (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), FALSE);

  return self->can_redo;
}

/**
 * ms_history_get_undo_label:
 *
 * Returns: (nullable): the label of the step undo would revert, untranslated
 *   as given; %NULL when there is none or it has no label
 */
const char *
ms_history_get_undo_label (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), NULL);

  return self->undo_label;
}

/**
 * ms_history_get_redo_label:
 *
 * Returns: (nullable): the label of the step redo would apply, untranslated
 *   as given; %NULL when there is none or it has no label
 */
const char *
ms_history_get_redo_label (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), NULL);

  return self->redo_label;
}

static gboolean
step_through (MsHistory *self,
              gboolean   forward)
{
  g_autoptr(MsHistory) hold = NULL;
  Step *step;

  /* A handler reacting to the changes must not undo in the middle of them. */
  if (self->applying || (forward ? self->position == self->steps->len : self->position == 0))
    return FALSE;

  /* Handlers of the changes may drop the last other reference. */
  hold = g_object_ref (self);
  step = g_ptr_array_index (self->steps, forward ? self->position : self->position - 1);

  self->applying = TRUE;
  if (forward)
    {
      for (guint i = 0; i < step->changes->len; i++)
        change_apply (g_ptr_array_index (step->changes, i), TRUE);
      self->position++;
    }
  else
    {
      for (guint i = step->changes->len; i > 0; i--)
        change_apply (g_ptr_array_index (step->changes, i - 1), FALSE);
      self->position--;
    }
  self->applying = FALSE;

  self->can_merge = FALSE;
  update_state (self);

  return TRUE;
}

/**
 * ms_history_undo:
 *
 * Reverts the last step, through the model's setters so that every signal
 * fires as for any edit.
 *
 * Returns: %FALSE when there was nothing to undo
 */
gboolean
ms_history_undo (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  return step_through (self, FALSE);
}

/**
 * ms_history_redo:
 *
 * Applies again the last step undone.
 *
 * Returns: %FALSE when there was nothing to redo
 */
gboolean
ms_history_redo (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  return step_through (self, TRUE);
}

/**
 * ms_history_get_serial:
 *
 * Returns: the serial of the document's present state (see #MsHistory:serial);
 *   never 0
 */
guint64
ms_history_get_serial (MsHistory *self)
{
  g_return_val_if_fail (MS_IS_HISTORY (self), 0);

  return current_serial (self);
}

/**
 * ms_history_clear:
 *
 * Forgets every step, for example after the document was reverted. The
 * present state keeps its serial.
 */
void
ms_history_clear (MsHistory *self)
{
  g_return_if_fail (MS_IS_HISTORY (self));
  g_return_if_fail (!self->applying);

  self->base_serial = current_serial (self);
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->can_merge = FALSE;
  /* Edits of an open group so far are forgotten too; its end stays balanced. */
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending->changes, 0);

  update_state (self);
}
