/* ms-autosave.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-autosave"

#include "config.h"

#include "ms-autosave.h"
#include "ms-recovery.h"

/* Keeps an editor's unsaved edits in the recovery folder a few seconds
 * after the last edit, and forgets them once they are saved or discarded:
 * what a crash or kill -9 would lose is at most those few seconds. */

#define DEFAULT_DELAY_MS 3000
/* Typing on and on still gets kept this often. */
#define MAX_POSTPONE_FACTOR 10

struct _MsAutosave
{
  GObject       parent_instance;

  MsEditor     *editor;
  char         *key;
  guint         delay;
  guint         timeout_id;
  /* When the first edit not yet kept was made. */
  gint64        pending_since;
  /* The editor's serial last written, and whether that write is running. */
  guint64       kept_serial;
  /* Bumped when the user throws the edits away: a write begun before
   * removes what it wrote. */
  guint         generation;
  guint         keeping : 1;
  guint         has_kept : 1;
};

G_DEFINE_FINAL_TYPE (MsAutosave, ms_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EDITOR,
  PROP_KEY,
  PROP_DELAY,
  PROP_KEPT_SERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (MsAutosave *self);

static void
forget_kept (MsAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->pending_since = 0;
  if (self->has_kept)
    ms_recovery_discard (self->key);
  self->has_kept = FALSE;
  /* Undoing back to a state kept before must keep it again. */
  self->kept_serial = 0;
}

typedef struct
{
  char   *key;
  GFile  *file;
  char   *title;
  GBytes *bytes;
  guint64 serial;
  guint   generation;
} KeepData;

static void
keep_data_free (KeepData *data)
{
  g_free (data->key);
  g_clear_object (&data->file);
  g_free (data->title);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
keep_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  MsAutosave *self = MS_AUTOSAVE (object);
  KeepData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  guint64 serial = data->serial;

  self->keeping = FALSE;
  /* Discarded while the files were being written: they may be there now. */
  if (data->generation != self->generation)
    {
      ms_recovery_discard (data->key);
      if (ms_editor_get_modified (self->editor) && ms_editor_get_serial (self->editor) != self->kept_serial)
        schedule (self);
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Recovery is a safety net: a full disk here must not stop editing. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not keep unsaved edits for recovery: %s", error->message);
      return;
    }

  self->has_kept = TRUE;
  if (self->kept_serial != serial)
    {
      self->kept_serial = serial;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEPT_SERIAL]);
    }

  /* Saved meanwhile: what was just kept is no longer needed. */
  if (!ms_editor_get_modified (self->editor))
    forget_kept (self);
  else if (ms_editor_get_serial (self->editor) != serial)
    schedule (self);
}

static void
keep_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  KeepData *data = task_data;
  GError *error = NULL;

  if (ms_recovery_keep (data->key, data->file, data->title, data->bytes, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static gboolean
keep_now_cb (gpointer user_data)
{
  MsAutosave *self = user_data;
  MsDocument *document = ms_editor_get_document (self->editor);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  guint64 serial = ms_editor_get_serial (self->editor);
  KeepData *data;
  GBytes *bytes;

  self->timeout_id = 0;
  self->pending_since = 0;

  if (!ms_editor_get_modified (self->editor) || serial == self->kept_serial)
    return G_SOURCE_REMOVE;
  /* One write at a time; the one running schedules the next. */
  if (self->keeping)
    return G_SOURCE_REMOVE;

  /* The bytes are taken here, on the thread that edits. */
  bytes = ms_document_serialize (document, &error);
  if (bytes == NULL)
    {
      g_debug ("Nothing to keep for recovery: %s", error->message);
      return G_SOURCE_REMOVE;
    }

  data = g_new0 (KeepData, 1);
  data->key = g_strdup (self->key);
  data->file = ms_editor_get_file (self->editor) ? g_object_ref (ms_editor_get_file (self->editor)) : NULL;
  data->title = g_strdup (ms_editor_get_title (self->editor));
  data->bytes = bytes;
  data->serial = serial;
  data->generation = self->generation;

  task = g_task_new (self, NULL, keep_cb, NULL);
  g_task_set_source_tag (task, keep_now_cb);
  g_task_set_task_data (task, data, (GDestroyNotify)keep_data_free);
  self->keeping = TRUE;
  g_task_run_in_thread (task, keep_in_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule (MsAutosave *self)
{
  gint64 now = g_get_monotonic_time ();

  if (self->pending_since == 0)
    self->pending_since = now;
  /* Each edit postpones the write, but not for ever. */
  else if (now - self->pending_since > (gint64)self->delay * 1000 * MAX_POSTPONE_FACTOR)
    return;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (self->delay, keep_now_cb, self);
}

static void
on_editor_changed_cb (MsAutosave *self)
{
  if (ms_editor_get_modified (self->editor))
    schedule (self);
  else if (!self->keeping)
    forget_kept (self);
}

static void
ms_autosave_constructed (GObject *object)
{
  MsAutosave *self = MS_AUTOSAVE (object);

  G_OBJECT_CLASS (ms_autosave_parent_class)->constructed (object);

  g_return_if_fail (MS_IS_EDITOR (self->editor));

  if (self->key == NULL)
    self->key = ms_recovery_new_key ();
  else
    {
      /* Restored edits: ours now, until saved; no other window offers them. */
      ms_recovery_claim (self->key);
      self->has_kept = TRUE;
    }
  g_signal_connect_object (self->editor, "notify::serial", G_CALLBACK (on_editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor, "notify::modified", G_CALLBACK (on_editor_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
ms_autosave_dispose (GObject *object)
{
  MsAutosave *self = MS_AUTOSAVE (object);

  /* Not forgotten here: a window torn down without asking keeps them. */
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->editor);

  G_OBJECT_CLASS (ms_autosave_parent_class)->dispose (object);
}

static void
ms_autosave_finalize (GObject *object)
{
  MsAutosave *self = MS_AUTOSAVE (object);

  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (ms_autosave_parent_class)->finalize (object);
}

static void
ms_autosave_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MsAutosave *self = MS_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      g_value_set_object (value, self->editor);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_KEPT_SERIAL:
      g_value_set_uint64 (value, self->kept_serial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_autosave_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MsAutosave *self = MS_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_EDITOR:
      self->editor = g_value_dup_object (value);
      break;
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_DELAY:
      ms_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_autosave_class_init (MsAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ms_autosave_constructed;
  object_class->dispose = ms_autosave_dispose;
  object_class->finalize = ms_autosave_finalize;
  object_class->get_property = ms_autosave_get_property;
  object_class->set_property = ms_autosave_set_property;

  properties[PROP_EDITOR] = g_param_spec_object ("editor", NULL, NULL, MS_TYPE_EDITOR,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                 G_PARAM_STATIC_STRINGS);
  /* The recovery key: restored edits keep theirs; by default a new one. */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL,
                                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                              G_PARAM_STATIC_STRINGS);
  /* Milliseconds from the last edit to keeping it. */
  properties[PROP_DELAY] = g_param_spec_uint ("delay", NULL, NULL, 10, 600000, DEFAULT_DELAY_MS,
                                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  /* The editor's serial whose document was last kept. */
  properties[PROP_KEPT_SERIAL] = g_param_spec_uint64 ("kept-serial", NULL, NULL, 0, G_MAXUINT64, 0,
                                                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_autosave_init (MsAutosave *self)
{
  self->delay = DEFAULT_DELAY_MS;
}

MsAutosave *
ms_autosave_new (MsEditor *editor)
{
  g_return_val_if_fail (MS_IS_EDITOR (editor), NULL);

  return g_object_new (MS_TYPE_AUTOSAVE, "editor", editor, NULL);
}

/**
 * ms_autosave_new_with_key:
 *
 * For edits restored from the recovery folder: they stay kept under the
 * key they were found under until they are saved or discarded.
 */
MsAutosave *
ms_autosave_new_with_key (MsEditor   *editor,
                          const char *key)
{
  g_return_val_if_fail (MS_IS_EDITOR (editor), NULL);

  return g_object_new (MS_TYPE_AUTOSAVE, "editor", editor, "key", key, NULL);
}

MsEditor *
ms_autosave_get_editor (MsAutosave *self)
{
  g_return_val_if_fail (MS_IS_AUTOSAVE (self), NULL);

  return self->editor;
}

guint
ms_autosave_get_delay (MsAutosave *self)
{
  g_return_val_if_fail (MS_IS_AUTOSAVE (self), 0);

  return self->delay;
}

void
ms_autosave_set_delay (MsAutosave *self,
                       guint       delay_ms)
{
  g_return_if_fail (MS_IS_AUTOSAVE (self));

  if (self->delay == delay_ms)
    return;
  self->delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * ms_autosave_get_key:
 *
 * Returns: the recovery key the edits are kept under
 */
const char *
ms_autosave_get_key (MsAutosave *self)
{
  g_return_val_if_fail (MS_IS_AUTOSAVE (self), NULL);

  return self->key;
}

guint64
ms_autosave_get_kept_serial (MsAutosave *self)
{
  g_return_val_if_fail (MS_IS_AUTOSAVE (self), 0);

  return self->kept_serial;
}

/**
 * ms_autosave_discard:
 *
 * The user chose to throw the unsaved edits away: forget what was kept.
 * Edits made after this (say the file meant to replace them failed to
 * open) are kept again as usual.
 */
void
ms_autosave_discard (MsAutosave *self)
{
  g_return_if_fail (MS_IS_AUTOSAVE (self));

  /* A write still running removes its files when it ends (keep_cb). */
  self->generation++;
  self->has_kept = TRUE;
  forget_kept (self);
}
