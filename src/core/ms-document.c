/* ms-document.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-document.h"
#include "ms-file.h"
#include "ms-json.h"
#include "ms-node-private.h"
#include "ms-safe-write.h"

/* One yearly file: the pledges of a region for a year. */
struct _MsDocument
{
  MsNode      parent_instance;

  GFile      *file;
  char       *etag;
  char       *region;
  int         year;
  char       *title;
  char       *intro;
  char       *note;
  MsDate      as_of;
  MsDate      period_start;
  MsDate      period_end;
  MsThresholds thresholds;
  /* The 落款 of the 公文-style table: who issues it and when (成文日期). */
  char       *issuer;
  MsDate      issued;
  GListStore *categories;
  guint       modified : 1;
};

G_DEFINE_FINAL_TYPE (MsDocument, ms_document, MS_TYPE_NODE)

static MsThresholds *
thresholds_copy (const MsThresholds *thresholds)
{
  return g_memdup2 (thresholds, sizeof *thresholds);
}

G_DEFINE_BOXED_TYPE (MsThresholds, ms_thresholds, thresholds_copy, g_free)

enum {
  PROP_0,
  PROP_FILE,
  PROP_MODIFIED,
  PROP_REGION,
  PROP_YEAR,
  PROP_TITLE,
  PROP_INTRO,
  PROP_NOTE,
  PROP_AS_OF,
  PROP_PERIOD_START,
  PROP_PERIOD_END,
  PROP_THRESHOLDS,
  PROP_ISSUER,
  PROP_ISSUED,
  PROP_CATEGORIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ms_document_changed (MsNode *node)
{
  MsDocument *self = MS_DOCUMENT (node);

  ms_document_set_modified (self, TRUE);
}

static void
ms_document_dispose (GObject *object)
{
  MsDocument *self = (MsDocument *)object;

  _ms_node_orphan_children (self->categories);
  g_clear_object (&self->categories);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ms_document_parent_class)->dispose (object);
}

static void
ms_document_finalize (GObject *object)
{
  MsDocument *self = (MsDocument *)object;

  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->issuer, g_free);

  G_OBJECT_CLASS (ms_document_parent_class)->finalize (object);
}

static void
ms_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  MsDocument *self = MS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_INTRO:
      g_value_set_string (value, self->intro);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_AS_OF:
      g_value_set_uint (value, self->as_of);
      break;
    case PROP_PERIOD_START:
      g_value_set_uint (value, self->period_start);
      break;
    case PROP_PERIOD_END:
      g_value_set_uint (value, self->period_end);
      break;
    case PROP_THRESHOLDS:
      g_value_set_boxed (value, &self->thresholds);
      break;
    case PROP_ISSUER:
      g_value_set_string (value, self->issuer);
      break;
    case PROP_ISSUED:
      g_value_set_uint (value, self->issued);
      break;
    case PROP_CATEGORIES:
      g_value_set_object (value, self->categories);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  MsDocument *self = MS_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      ms_document_set_file (self, g_value_get_object (value));
      break;
    case PROP_MODIFIED:
      ms_document_set_modified (self, g_value_get_boolean (value));
      break;
    case PROP_REGION:
      ms_document_set_region (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      ms_document_set_year (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      ms_document_set_title (self, g_value_get_string (value));
      break;
    case PROP_INTRO:
      ms_document_set_intro (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      ms_document_set_note (self, g_value_get_string (value));
      break;
    case PROP_AS_OF:
      ms_document_set_as_of (self, g_value_get_uint (value));
      break;
    case PROP_PERIOD_START:
      ms_document_set_period (self, g_value_get_uint (value), self->period_end);
      break;
    case PROP_PERIOD_END:
      ms_document_set_period (self, self->period_start, g_value_get_uint (value));
      break;
    case PROP_THRESHOLDS:
      if (g_value_get_boxed (value) != NULL)
        ms_document_set_thresholds (self, g_value_get_boxed (value));
      break;
    case PROP_ISSUER:
      ms_document_set_issuer (self, g_value_get_string (value));
      break;
    case PROP_ISSUED:
      ms_document_set_issued (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_document_class_init (MsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MsNodeClass *node_class = MS_NODE_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = ms_document_dispose;
  object_class->finalize = ms_document_finalize;
  object_class->get_property = ms_document_get_property;
  object_class->set_property = ms_document_set_property;

  node_class->changed = ms_document_changed;

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                                               rw | MS_PARAM_NOT_CONTENT);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    rw | MS_PARAM_NOT_CONTENT);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 2000, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_INTRO] = g_param_spec_string ("intro", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  /* MsDate values; 0 is "not set". */
  properties[PROP_AS_OF] = g_param_spec_uint ("as-of", NULL, NULL, 0, G_MAXUINT32, 0, rw);
  properties[PROP_PERIOD_START] = g_param_spec_uint ("period-start", NULL, NULL, 0, G_MAXUINT32, 0, rw);
  properties[PROP_PERIOD_END] = g_param_spec_uint ("period-end", NULL, NULL, 0, G_MAXUINT32, 0, rw);
  properties[PROP_THRESHOLDS] = g_param_spec_boxed ("thresholds", NULL, NULL, MS_TYPE_THRESHOLDS, rw);
  /* The 落款 is printed under the table only: no figure or chart depends on
   * either member, so both count as free text. */
  properties[PROP_ISSUER] = g_param_spec_string ("issuer", NULL, NULL, "", rw | MS_PARAM_FREE_TEXT);
  properties[PROP_ISSUED] = g_param_spec_uint ("issued", NULL, NULL, 0, G_MAXUINT32, 0, rw | MS_PARAM_FREE_TEXT);
  properties[PROP_CATEGORIES] = g_param_spec_object ("categories", NULL, NULL, G_TYPE_LIST_MODEL,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                     MS_PARAM_NOT_CONTENT);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_document_init (MsDocument *self)
{
  self->region = g_strdup ("");
  self->title = g_strdup ("");
  self->intro = g_strdup ("");
  self->note = g_strdup ("");
  self->issuer = g_strdup ("");
  ms_thresholds_init_default (&self->thresholds);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    /* A new document is for this year until told otherwise. */
    self->year = g_date_time_get_year (now);
  }
  self->categories = _ms_node_new_child_store (MS_TYPE_CATEGORY);
}

MsDocument *
ms_document_new (void)
{
  return g_object_new (MS_TYPE_DOCUMENT, NULL);
}

/**
 * ms_document_new_from_data:
 * @filename: (nullable): the name used in messages
 * @faults: (out) (optional) (element-type MsFault): every fault found
 *
 * Returns: (transfer full) (nullable): an unmodified document without a file
 */
MsDocument *
ms_document_new_from_data (const char  *data,
                           gsize        length,
                           const char  *filename,
                           GPtrArray  **faults,
                           GError     **error)
{
  return ms_json_read_document (data, length, filename, faults, error);
}

static char *
dup_file_display_name (GFile *file)
{
  /* Messages name the path the user gave, not a URI. */
  return g_file_get_parse_name (file);
}

/**
 * ms_document_load:
 *
 * Returns: (transfer full) (nullable): the document read from @file
 */
MsDocument *
ms_document_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(MsDocument) document = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  display_name = dup_file_display_name (file);
  /* Temp files of a save killed in an earlier session go when the file is opened. */
  ms_safe_write_clean_stale (file);

  if (!ms_file_load_contents (file, MS_JSON_MAX_SIZE, cancellable, &contents, &length, &etag, error))
    return NULL;

  document = ms_json_read_document (contents, length, display_name, NULL, error);
  if (document == NULL)
    return NULL;

  ms_document_set_file (document, file);
  document->etag = g_steal_pointer (&etag);

  return g_steal_pointer (&document);
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;
  MsDocument *document = ms_document_load (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

void
ms_document_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ms_document_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

/**
 * ms_document_load_finish:
 *
 * Returns: (transfer full) (nullable): the loaded document
 */
MsDocument *
ms_document_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ms_document_serialize:
 *
 * Returns: (transfer full) (nullable): the document as written to its file,
 *   or %NULL when it cannot be written within the reader's limits
 */
GBytes *
ms_document_serialize (MsDocument  *self,
                       GError     **error)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return ms_json_write_document (self, error);
}

/* Whether @date (set) lies where the reader takes dates: a year either
 * side of the file's year. */
static gboolean
date_is_plausible (MsDocument *self,
                   MsDate      date)
{
  return date == MS_DATE_NONE ||
         (date >= ms_date_from_ymd (MAX (self->year - 1, MS_DATE_MIN_YEAR), 1, 1) &&
          date <= ms_date_from_ymd (MIN (self->year + 1, MS_DATE_MAX_YEAR), 12, 31));
}

static void
add_problem (GString    *problems,
             const char *problem)
{
  if (problems->len > 0)
    g_string_append_c (problems, ' ');
  g_string_append (problems, problem);
}

/* The dates the reader would refuse: the period's order, and dates far
 * from the year (after the year was changed) or progress after as_of. */
static void
check_dates (MsDocument *self,
             GString    *problems)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (self));
  gboolean far = !date_is_plausible (self, self->as_of) || !date_is_plausible (self, self->period_start) ||
                 !date_is_plausible (self, self->period_end) || !date_is_plausible (self, self->issued);
  gboolean late = FALSE;

  if (self->period_start != MS_DATE_NONE && self->period_end != MS_DATE_NONE &&
      self->period_start > self->period_end)
    add_problem (problems, _("The period ends before it starts."));

  for (guint p = 0; p < projects->len && !(far && late); p++)
    {
      MsProject *project = g_ptr_array_index (projects, p);

      far = far || !date_is_plausible (self, ms_project_get_deadline (project));
      for (guint i = 0, n = ms_project_get_n_indicators (project); i < n; i++)
        {
          MsIndicator *indicator = ms_project_get_indicator (project, i);
          MsTimeline *timelines[] = { ms_indicator_get_progress (indicator), ms_indicator_get_plan (indicator) };

          for (guint t = 0; t < G_N_ELEMENTS (timelines); t++)
            for (guint e = 0; e < ms_timeline_get_n_entries (timelines[t]); e++)
              {
                MsDate date = ms_timeline_get_entry (timelines[t], e)->date;

                far = far || !date_is_plausible (self, date);
                late = late || (t == 0 && self->as_of != MS_DATE_NONE && date > self->as_of);
              }
        }
    }

  if (far)
    add_problem (problems, _("Some dates are more than a year away from the year of the file; correct "
                             "them or the year first."));
  if (late)
    add_problem (problems, _("Some figures are dated after the reporting date."));
}

static gboolean
check_savable (MsDocument  *self,
               GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_categories = g_list_model_get_n_items (G_LIST_MODEL (self->categories));

  /* What the reader would refuse is not written: the file must open again. */
  if (self->year < 1900 || self->year > 2200)
    /* translators: %d is a year */
    g_string_append_printf (problems, _("The year %d is not between 1900 and 2200."), self->year);
  else
    check_dates (self, problems);

  for (guint c = 0; c < n_categories; c++)
    {
      MsCategory *category = ms_document_get_category (self, c);
      const char *id = ms_category_get_id (category);
      GListModel *groups = ms_category_get_groups (category);

      if (id[0] == '\0' || g_hash_table_contains (ids, id))
        {
          if (problems->len > 0)
            g_string_append_c (problems, ' ');
          /* translators: %s is the title of a category */
          g_string_append_printf (problems, _("The category “%s” needs an id of its own."),
                                  ms_category_get_title (category));
        }
      g_hash_table_add (ids, (gpointer)id);

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);
          GListModel *projects = ms_group_get_projects (group);
          gboolean numbered = ms_group_get_number (group) > 0;

          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            numbered = numbered && ms_project_get_number (ms_group_get_project (group, p)) > 0;

          if (!numbered)
            {
              if (problems->len > 0)
                g_string_append_c (problems, ' ');
              /* translators: %s is the title of a group of projects */
              g_string_append_printf (problems, _("The group “%s” or one of its projects has no number."),
                                      ms_group_get_title (group));
            }
        }
    }

  if (problems->len == 0)
    return TRUE;

  g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
               /* translators: %s lists what must be corrected first */
               _("The document cannot be saved yet: %s"), problems->str);
  return FALSE;
}

static GFile *
choose_save_target (MsDocument  *self,
                    GFile       *file,
                    const char **etag,
                    GError     **error)
{
  if (file == NULL)
    file = self->file;

  if (file == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The document has no file yet; choose where to save it"));
      return NULL;
    }

  if (!check_savable (self, error))
    return NULL;

  /* Guard against overwriting changes made on disk since we read the file. */
  *etag = (self->file != NULL && g_file_equal (file, self->file)) ? self->etag : NULL;

  return file;
}

static void
finish_save (MsDocument *self,
             GFile      *file,
             char       *new_etag)
{
  ms_document_set_file (self, file);
  g_free (self->etag);
  self->etag = new_etag;
}

/**
 * ms_document_save:
 * @file: (nullable): where to save, or %NULL for the document's own file
 *
 * Replaces the file atomically and keeps the previous version as a backup
 * ("FILE~"). On failure the file and its backup are left as they were.
 * Whether the document counts as modified is its editor's business.
 */
gboolean
ms_document_save (MsDocument    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) target = NULL;
  const char *etag = NULL;
  char *new_etag = NULL;

  g_return_val_if_fail (MS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!file || G_IS_FILE (file), FALSE);

  file = choose_save_target (self, file, &etag, error);
  if (file == NULL)
    return FALSE;
  target = g_object_ref (file);

  bytes = ms_document_serialize (self, error);
  if (bytes == NULL)
    return FALSE;

  if (!ms_safe_write_bytes (target, bytes, etag, MS_SAFE_WRITE_BACKUP, &new_etag, cancellable, error))
    return FALSE;

  finish_save (self, target, new_etag);
  return TRUE;
}

typedef struct
{
  GFile  *file;
  GBytes *bytes;
  char   *etag;
  char   *new_etag;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data->etag);
  g_free (data->new_etag);
  g_free (data);
}

static void
save_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (!ms_safe_write_bytes (data->file, data->bytes, data->etag, MS_SAFE_WRITE_BACKUP, &data->new_etag,
                            cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Serialises now, on the calling thread, and writes in the background. */
void
ms_document_save_async (MsDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  const char *etag = NULL;
  SaveData *data;

  g_return_if_fail (MS_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ms_document_save_async);
  /* A cancelled save may have written: the result must still be told. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);

  file = choose_save_target (self, file, &etag, &error);
  if (file == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->etag = g_strdup (etag);
  data->bytes = ms_document_serialize (self, &error);
  g_task_set_task_data (task, data, (GDestroyNotify)save_data_free);
  if (data->bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_run_in_thread (task, save_in_thread);
}

gboolean
ms_document_save_finish (MsDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (MS_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  finish_save (self, data->file, g_steal_pointer (&data->new_etag));
  return TRUE;
}

/**
 * ms_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file the document was read from or saved to
 */
GFile *
ms_document_get_file (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
ms_document_set_file (MsDocument *self,
                      GFile      *file)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (self->file == file || (self->file && file && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_clear_pointer (&self->etag, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * ms_document_get_etag:
 *
 * Returns: (nullable): the entity tag of the file as last read or written
 */
const char *
ms_document_get_etag (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->etag;
}

/**
 * ms_document_forget_etag:
 *
 * The next save overwrites the file even if it changed on disk: for when the
 * user chose to keep their version.
 */
void
ms_document_forget_etag (MsDocument *self)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  g_clear_pointer (&self->etag, g_free);
}

/**
 * ms_document_dup_display_name:
 *
 * Returns: (transfer full): the file's name for a window title, or "Untitled"
 */
char *
ms_document_dup_display_name (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled"));

  return g_file_get_basename (self->file);
}

gboolean
ms_document_get_modified (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), FALSE);

  return self->modified;
}

void
ms_document_set_modified (MsDocument *self,
                          gboolean    modified)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  modified = !!modified;
  if (modified == self->modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

const char *
ms_document_get_region (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->region;
}

void
ms_document_set_region (MsDocument *self,
                        const char *region)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (_ms_set_string (&self->region, region))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

int
ms_document_get_year (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), 0);

  return self->year;
}

void
ms_document_set_year (MsDocument *self,
                      int         year)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (year == self->year)
    return;

  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

const char *
ms_document_get_title (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->title;
}

void
ms_document_set_title (MsDocument *self,
                       const char *title)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (_ms_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ms_document_get_intro (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->intro;
}

void
ms_document_set_intro (MsDocument *self,
                       const char *intro)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (_ms_set_string (&self->intro, intro))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTRO]);
}

const char *
ms_document_get_note (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->note;
}

void
ms_document_set_note (MsDocument *self,
                      const char *note)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (_ms_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * ms_document_get_as_of:
 *
 * Returns: the date of the latest figures (截至), or %MS_DATE_NONE when the
 *   file does not say: a year-end report, read as of the end of its period
 */
MsDate
ms_document_get_as_of (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), MS_DATE_NONE);

  return self->as_of;
}

void
ms_document_set_as_of (MsDocument *self,
                       MsDate      as_of)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (as_of == self->as_of)
    return;

  self->as_of = as_of;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

/* Returns: the office that issues the 公文-style table (its 落款), or "" */
const char *
ms_document_get_issuer (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return self->issuer;
}

void
ms_document_set_issuer (MsDocument *self,
                        const char *issuer)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (_ms_set_string (&self->issuer, issuer))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUER]);
}

/**
 * ms_document_get_issued:
 *
 * Returns: the date the 公文-style table is issued (成文日期), printed in its
 *   落款, or %MS_DATE_NONE
 */
MsDate
ms_document_get_issued (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), MS_DATE_NONE);

  return self->issued;
}

void
ms_document_set_issued (MsDocument *self,
                        MsDate      issued)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (issued == self->issued)
    return;

  self->issued = issued;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ISSUED]);
}

/**
 * ms_document_get_period:
 * @start: (out) (optional): the first day the pledges run
 * @end: (out) (optional): the last day, the deadline of every project without its own
 *
 * The period the file sets, or else the calendar year of its year.
 */
void
ms_document_get_period (MsDocument *self,
                        MsDate     *start,
                        MsDate     *end)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  if (start != NULL)
    *start = self->period_start != MS_DATE_NONE ? self->period_start
                                                : ms_date_from_ymd (self->year, 1, 1);
  if (end != NULL)
    *end = self->period_end != MS_DATE_NONE ? self->period_end
                                            : ms_date_from_ymd (self->year, 12, 31);
}

/* Returns: whether the file sets a period of its own, not the calendar year */
gboolean
ms_document_get_has_period (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), FALSE);

  return self->period_start != MS_DATE_NONE || self->period_end != MS_DATE_NONE;
}

/**
 * ms_document_set_period:
 * @start: the first day, or %MS_DATE_NONE for 1 January of the year
 * @end: the last day, or %MS_DATE_NONE for 31 December of the year
 */
void
ms_document_set_period (MsDocument *self,
                        MsDate      start,
                        MsDate      end)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->period_start)
    {
      self->period_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_START]);
    }
  if (end != self->period_end)
    {
      self->period_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* Returns: (transfer none): when a project counts as behind or at risk */
const MsThresholds *
ms_document_get_thresholds (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return &self->thresholds;
}

void
ms_document_set_thresholds (MsDocument         *self,
                            const MsThresholds *thresholds)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));
  g_return_if_fail (thresholds != NULL);

  if (ms_thresholds_equal (thresholds, &self->thresholds))
    return;

  self->thresholds = *thresholds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THRESHOLDS]);
}

/* The defaults written down in FORMAT.md. */
void
ms_thresholds_init_default (MsThresholds *thresholds)
{
  thresholds->behind_points = 10;
  thresholds->at_risk_points = 25;
  thresholds->due_days = 30;
  thresholds->due_percent = 80;
}

gboolean
ms_thresholds_equal (const MsThresholds *a,
                     const MsThresholds *b)
{
  return a->behind_points == b->behind_points && a->at_risk_points == b->at_risk_points &&
         a->due_days == b->due_days && a->due_percent == b->due_percent;
}

gboolean
ms_thresholds_is_default (const MsThresholds *thresholds)
{
  MsThresholds defaults;

  ms_thresholds_init_default (&defaults);
  return ms_thresholds_equal (thresholds, &defaults);
}

/**
 * ms_document_get_categories:
 *
 * Returns: (transfer none): a #GListModel of #MsCategory
 */
GListModel *
ms_document_get_categories (MsDocument *self)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->categories);
}

/**
 * ms_document_get_category:
 *
 * Returns: (transfer none) (nullable): the category at @position
 */
MsCategory *
ms_document_get_category (MsDocument *self,
                          guint       position)
{
  g_autoptr(MsCategory) category = NULL;

  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  /* The store keeps its own reference. */
  category = g_list_model_get_item (G_LIST_MODEL (self->categories), position);
  return category;
}

void
ms_document_insert_category (MsDocument *self,
                             guint       position,
                             MsCategory *category)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));
  g_return_if_fail (MS_IS_CATEGORY (category));

  _ms_node_insert_child (MS_NODE (self), self->categories, position, MS_NODE (category));
}

/**
 * ms_document_remove_category:
 *
 * Returns: (transfer full): the removed category
 */
MsCategory *
ms_document_remove_category (MsDocument *self,
                             guint       position)
{
  g_return_val_if_fail (MS_IS_DOCUMENT (self), NULL);

  return MS_CATEGORY (_ms_node_remove_child (MS_NODE (self), self->categories, position));
}

void
ms_document_get_stats (MsDocument *self,
                       MsStats    *stats)
{
  g_return_if_fail (MS_IS_DOCUMENT (self));
  g_return_if_fail (stats != NULL);

  memset (stats, 0, sizeof *stats);
  ms_stats_add_node (stats, MS_NODE (self));
}

/**
 * ms_stats_add_node:
 *
 * Adds the projects of @node (a document, category, group or project) to
 * @stats. Each node keeps its own summary until something below it changes,
 * so asking again after an edit counts only the edited path.
 */
void
ms_stats_add_node (MsStats *stats,
                   MsNode  *node)
{
  g_return_if_fail (stats != NULL);
  g_return_if_fail (MS_IS_NODE (node));

  ms_stats_add (stats, _ms_node_peek_stats (node));
}

/**
 * ms_stats_add:
 *
 * Adds the counts of @other to @stats.
 */
void
ms_stats_add (MsStats       *stats,
              const MsStats *other)
{
  g_return_if_fail (stats != NULL);
  g_return_if_fail (other != NULL);

  stats->n_projects += other->n_projects;
  for (guint i = 0; i < MS_N_STATUSES; i++)
    stats->n_by_status[i] += other->n_by_status[i];
  stats->n_projects_all_met += other->n_projects_all_met;
  stats->n_projects_exceeded += other->n_projects_exceeded;
  stats->n_indicators += other->n_indicators;
  stats->n_indicators_met += other->n_indicators_met;
  stats->n_indicators_unmet += other->n_indicators_unmet;
  stats->n_indicators_unreported += other->n_indicators_unreported;
}

/* Counts one project, the only place the counting rules live. */
void
_ms_stats_add_project (MsStats   *stats,
                       MsProject *project)
{
  GListModel *indicators = ms_project_get_indicators (project);
  guint n_indicators = g_list_model_get_n_items (indicators);

  stats->n_projects++;
  stats->n_by_status[ms_project_get_status (project)]++;
  if (ms_project_get_all_met (project))
    {
      gboolean beyond = FALSE;

      stats->n_projects_all_met++;
      for (guint i = 0; i < n_indicators; i++)
        {
          double rate;

          if (ms_indicator_get_rate (ms_project_get_indicator (project, i), &rate) && rate > 1.0)
            beyond = TRUE;
        }
      stats->n_projects_exceeded += beyond;
    }

  for (guint i = 0; i < n_indicators; i++)
    {
      stats->n_indicators++;
      switch (ms_indicator_get_state (ms_project_get_indicator (project, i)))
        {
        case MS_INDICATOR_MET:
          stats->n_indicators_met++;
          break;
        case MS_INDICATOR_UNMET:
          stats->n_indicators_unmet++;
          break;
        case MS_INDICATOR_UNREPORTED:
        default:
          stats->n_indicators_unreported++;
          break;
        }
    }
}

/**
 * ms_stats_get_completion:
 * @completion: (out): the share of projects completed, from 0 to 1
 *
 * Returns: %FALSE when there are no projects
 */
gboolean
ms_stats_get_completion (const MsStats *stats,
                         double        *completion)
{
  g_return_val_if_fail (stats != NULL, FALSE);
  g_return_val_if_fail (completion != NULL, FALSE);

  *completion = 0;
  if (stats->n_projects == 0)
    return FALSE;

  *completion = (double)stats->n_by_status[MS_STATUS_COMPLETED] / stats->n_projects;
  return TRUE;
}
