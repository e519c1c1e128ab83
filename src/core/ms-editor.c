/* ms-editor.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One object owns the open file: the document, its history, the file and its
 * entity tag (kept by the document, set by its save), the monitor and whether
 * a save or reload runs. Windows follow its properties; they never sequence
 * saves themselves.
 */

#define G_LOG_DOMAIN "ms-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-editor.h"

/* "No state": history serials start at 1. */
#define NO_SERIAL 0

struct _MsEditor
{
  GObject           parent_instance;

  MsDocument       *document;
  MsHistory        *history;
  GFile            *file;
  GFileMonitor     *monitor;
  char             *title;

  /* The serial of the state the file holds, NO_SERIAL when none does. */
  guint64           saved_serial;
  /* As last notified. */
  guint64           serial;
  MsExternalChange  external_change;

  guint             modified : 1;
  guint             busy : 1;
  /* The file changed while we were busy: look once we are done. */
  guint             check_pending : 1;
};

G_DEFINE_ENUM_TYPE (MsExternalChange, ms_external_change,
                    G_DEFINE_ENUM_VALUE (MS_EXTERNAL_CHANGE_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (MS_EXTERNAL_CHANGE_CHANGED, "changed"),
                    G_DEFINE_ENUM_VALUE (MS_EXTERNAL_CHANGE_DELETED, "deleted"))

G_DEFINE_FINAL_TYPE (MsEditor, ms_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_HISTORY,
  PROP_FILE,
  PROP_TITLE,
  PROP_MODIFIED,
  PROP_BUSY,
  PROP_EXTERNAL_CHANGE,
  PROP_SERIAL,
  PROP_SAVED_SERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (MsEditor *self,
          gboolean  busy)
{
  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_modified (MsEditor *self)
{
  guint64 serial = ms_history_get_serial (self->history);
  /* A deleted file holds nothing of ours: closing must ask. */
  gboolean modified = serial != self->saved_serial || self->external_change == MS_EXTERNAL_CHANGE_DELETED;

  if (serial != self->serial)
    {
      self->serial = serial;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  /* The document marks itself modified on every change; the editor knows better. */
  ms_document_set_modified (self->document, modified);
}

static void
set_saved_serial (MsEditor *self,
                  guint64   serial)
{
  if (self->saved_serial == serial)
    return;

  self->saved_serial = serial;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED_SERIAL]);
}

static void
set_external_change (MsEditor         *self,
                     MsExternalChange  change)
{
  if (self->external_change == change)
    return;

  self->external_change = change;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_CHANGE]);
}

static void
update_title (MsEditor *self)
{
  const char *document_title = ms_document_get_title (self->document);
  g_autofree char *title = NULL;

  if (document_title != NULL && document_title[0] != '\0')
    title = g_strdup (document_title);
  else if (self->file != NULL)
    title = ms_document_dup_display_name (self->document);
  else
    title = g_strdup (_("Untitled"));

  if (g_strcmp0 (title, self->title) == 0)
    return;

  g_free (self->title);
  self->title = g_steal_pointer (&title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Compares the file on disk with what we read or wrote last. */
void
ms_editor_check_file (MsEditor *self)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  const char *known;

  g_return_if_fail (MS_IS_EDITOR (self));

  if (self->file == NULL)
    return;

  /* Our own save changes the file: look again once it is done. */
  if (self->busy)
    {
      self->check_pending = TRUE;
      return;
    }
  self->check_pending = FALSE;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_external_change (self, MS_EXTERNAL_CHANGE_DELETED);
      update_modified (self);
      return;
    }

  known = ms_document_get_etag (self->document);
  if (known != NULL && g_strcmp0 (g_file_info_get_etag (info), known) == 0)
    set_external_change (self, MS_EXTERNAL_CHANGE_NONE);
  else if (known != NULL || self->external_change == MS_EXTERNAL_CHANGE_DELETED)
    /* Without a known tag (after Keep Mine) the next save overwrites anyway;
     * a deleted file that comes back is another program's. */
    set_external_change (self, MS_EXTERNAL_CHANGE_CHANGED);
  update_modified (self);
}

static void
on_file_changed_cb (MsEditor          *self,
                    GFile             *file,
                    GFile             *other,
                    GFileMonitorEvent  event)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* Whatever the event says, the state on disk decides. */
      ms_editor_check_file (self);
      break;
    default:
      break;
    }
}

static void
watch_file (MsEditor *self)
{
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    {
      g_file_monitor_set_rate_limit (self->monitor, 250);
      g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
on_document_file_cb (MsEditor *self)
{
  GFile *file = ms_document_get_file (self->document);

  if (file == self->file || (file != NULL && self->file != NULL && g_file_equal (file, self->file)))
    {
      g_set_object (&self->file, file);
      return;
    }

  g_set_object (&self->file, file);
  watch_file (self);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
ms_editor_constructed (GObject *object)
{
  MsEditor *self = (MsEditor *)object;

  G_OBJECT_CLASS (ms_editor_parent_class)->constructed (object);

  g_return_if_fail (MS_IS_DOCUMENT (self->document));

  self->history = ms_history_new (self->document);
  self->serial = ms_history_get_serial (self->history);
  /* An unmodified document is what its file holds (or a fresh one, as good as saved). */
  self->saved_serial = ms_document_get_modified (self->document) ? NO_SERIAL : self->serial;
  self->file = ms_document_get_file (self->document) ? g_object_ref (ms_document_get_file (self->document)) : NULL;

  g_signal_connect_object (self->history, "notify::serial", G_CALLBACK (update_modified), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::title", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (on_document_file_cb), self,
                           G_CONNECT_SWAPPED);

  watch_file (self);
  update_title (self);
  self->modified = self->serial != self->saved_serial;
  ms_document_set_modified (self->document, self->modified);
}

static void
ms_editor_dispose (GObject *object)
{
  MsEditor *self = (MsEditor *)object;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ms_editor_parent_class)->dispose (object);
}

static void
ms_editor_finalize (GObject *object)
{
  MsEditor *self = (MsEditor *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (ms_editor_parent_class)->finalize (object);
}

static void
ms_editor_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MsEditor *self = MS_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_EXTERNAL_CHANGE:
      g_value_set_enum (value, self->external_change);
      break;
    case PROP_SERIAL:
      g_value_set_uint64 (value, self->serial);
      break;
    case PROP_SAVED_SERIAL:
      g_value_set_uint64 (value, self->saved_serial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_editor_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MsEditor *self = MS_EDITOR (object);

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
ms_editor_class_init (MsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = ms_editor_constructed;
  object_class->dispose = ms_editor_dispose;
  object_class->finalize = ms_editor_finalize;
  object_class->get_property = ms_editor_get_property;
  object_class->set_property = ms_editor_set_property;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, MS_TYPE_DOCUMENT,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                   G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HISTORY] = g_param_spec_object ("history", NULL, NULL, MS_TYPE_HISTORY, ro);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  /**
   * MsEditor:title:
   *
   * For a window title: the document's title, else the file's name, else
   * "Untitled".
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  /**
   * MsEditor:modified:
   *
   * The document differs from what its file holds: its state is not the
   * saved one, or the file was deleted.
   */
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  /**
   * MsEditor:busy:
   *
   * A save or a reload runs; another is refused until it is done.
   */
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_EXTERNAL_CHANGE] = g_param_spec_enum ("external-change", NULL, NULL, MS_TYPE_EXTERNAL_CHANGE,
                                                        MS_EXTERNAL_CHANGE_NONE, ro);
  /**
   * MsEditor:serial:
   *
   * Names the document's present state (#MsHistory:serial) and notifies on
   * every edit, undo and redo: follow it to act on edits, e.g. to autosave.
   */
  properties[PROP_SERIAL] = g_param_spec_uint64 ("serial", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  /**
   * MsEditor:saved-serial:
   *
   * The serial of the state the file holds, 0 when no state of the history
   * is known to be in the file.
   */
  properties[PROP_SAVED_SERIAL] = g_param_spec_uint64 ("saved-serial", NULL, NULL, 0, G_MAXUINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_editor_init (MsEditor *self)
{
}

/**
 * ms_editor_new:
 * @document: the document to edit; an unmodified one counts as saved
 *
 * Returns: (transfer full): an editor with an empty history
 */
MsEditor *
ms_editor_new (MsDocument *document)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  return g_object_new (MS_TYPE_EDITOR, "document", document, NULL);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(MsDocument) document = NULL;
  GError *error = NULL;

  document = ms_document_load_finish (result, &error);
  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ms_editor_new (document), g_object_unref);
}

/**
 * ms_editor_load_async:
 *
 * Reads @file in a thread. Once @cancellable is cancelled the result is
 * %G_IO_ERROR_CANCELLED, even if the file was read already.
 */
void
ms_editor_load_async (GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ms_editor_load_async);
  ms_document_load_async (file, cancellable, load_cb, task);
}

/**
 * ms_editor_load_finish:
 *
 * Returns: (transfer full) (nullable): an editor for the file read
 */
MsEditor *
ms_editor_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

MsDocument *
ms_editor_get_document (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), NULL);

  return self->document;
}

MsHistory *
ms_editor_get_history (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), NULL);

  return self->history;
}

/**
 * ms_editor_get_file:
 *
 * Returns: (transfer none) (nullable): the file, %NULL before a first save
 */
GFile *
ms_editor_get_file (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), NULL);

  return self->file;
}

const char *
ms_editor_get_title (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), NULL);

  return self->title;
}

gboolean
ms_editor_get_modified (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
ms_editor_get_busy (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), FALSE);

  return self->busy;
}

MsExternalChange
ms_editor_get_external_change (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), MS_EXTERNAL_CHANGE_NONE);

  return self->external_change;
}

guint64
ms_editor_get_serial (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), 0);

  return self->serial;
}

guint64
ms_editor_get_saved_serial (MsEditor *self)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), 0);

  return self->saved_serial;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MsEditor *self = g_task_get_source_object (task);
  guint64 serial = GPOINTER_TO_SIZE (g_task_get_task_data (task));
  GError *error = NULL;
  gboolean saved;

  saved = ms_document_save_finish (MS_DOCUMENT (object), result, &error);

  g_object_freeze_notify (G_OBJECT (self));
  if (saved)
    {
      /* The state whose bytes were taken is saved, not edits made since. */
      set_saved_serial (self, serial);
      set_external_change (self, MS_EXTERNAL_CHANGE_NONE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    set_external_change (self, MS_EXTERNAL_CHANGE_CHANGED);
  update_modified (self);
  set_busy (self, FALSE);
  g_object_thaw_notify (G_OBJECT (self));

  if (self->check_pending)
    ms_editor_check_file (self);

  if (saved)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ms_editor_save_async:
 * @file: (nullable): where to save (Save As), or %NULL for the editor's file
 *
 * Takes the document's bytes now and writes them in the background. Edits
 * may go on meanwhile; when the save succeeds, the state it took counts as
 * saved, so the document stays modified if it changed since.
 *
 * One save at a time: while the editor is busy, another save (or a reload)
 * fails at once with %G_IO_ERROR_BUSY and touches nothing. A file changed
 * by another program fails with %G_IO_ERROR_WRONG_ETAG until
 * ms_editor_keep_mine(); a deleted file is written anew.
 */
void
ms_editor_save_async (MsEditor            *self,
                      GFile               *file,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  guint64 serial;

  g_return_if_fail (MS_IS_EDITOR (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ms_editor_save_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The file is being saved; try again when that is done"));
      return;
    }
  if (file == NULL && self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "%s",
                               _("The document has no file yet; choose where to save it"));
      return;
    }

  /* Nothing on disk to protect: the tag of the deleted file would only stand in the way. */
  if ((file == NULL || (self->file != NULL && g_file_equal (file, self->file))) &&
      self->external_change == MS_EXTERNAL_CHANGE_DELETED && !g_file_query_exists (self->file, NULL))
    ms_document_forget_etag (self->document);

  serial = ms_history_get_serial (self->history);
  g_task_set_task_data (task, GSIZE_TO_POINTER (serial), NULL);
  /* Typing from now on must not merge into the state being saved. */
  ms_history_break_merge (self->history);

  set_busy (self, TRUE);
  ms_document_save_async (self->document, file, cancellable, save_cb, g_steal_pointer (&task));
}

gboolean
ms_editor_save_finish (MsEditor      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
reload_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MsEditor *self = g_task_get_source_object (task);
  GError *error = NULL;
  MsEditor *editor;

  editor = ms_editor_load_finish (result, &error);
  set_busy (self, FALSE);
  if (self->check_pending)
    ms_editor_check_file (self);

  if (editor == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, editor, g_object_unref);
}

/**
 * ms_editor_reload_async:
 *
 * Reads the editor's file again. The editor stays busy meanwhile, so no
 * save races the read. Whoever shows the document replaces this editor by
 * the one ms_editor_reload_finish() returns.
 */
void
ms_editor_reload_async (MsEditor            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MS_IS_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ms_editor_reload_async);

  if (self->busy)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY, "%s",
                               _("The file is being saved; try again when that is done"));
      return;
    }
  if (self->file == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s",
                               _("The document has no file to reload"));
      return;
    }

  set_busy (self, TRUE);
  ms_editor_load_async (self->file, cancellable, reload_cb, g_steal_pointer (&task));
}

/**
 * ms_editor_reload_finish:
 *
 * Returns: (transfer full) (nullable): a new editor for the file as it is now
 */
MsEditor *
ms_editor_reload_finish (MsEditor      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (MS_IS_EDITOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ms_editor_keep_mine:
 *
 * The user keeps their version over the file another program changed (or
 * deleted): the next save overwrites it, and since no state of the history
 * is in the file now, no undo can make the document look saved.
 */
void
ms_editor_keep_mine (MsEditor *self)
{
  g_return_if_fail (MS_IS_EDITOR (self));

  g_object_freeze_notify (G_OBJECT (self));
  ms_document_forget_etag (self->document);
  set_saved_serial (self, NO_SERIAL);
  set_external_change (self, MS_EXTERNAL_CHANGE_NONE);
  update_modified (self);
  g_object_thaw_notify (G_OBJECT (self));
}
