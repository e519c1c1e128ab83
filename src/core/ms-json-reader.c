/* ms-json-reader.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-json-reader"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-document.h"
#include "ms-json.h"
#include "ms-json-private.h"
#include "ms-number.h"

/* 2^53: whole numbers above it do not survive a double. */
#define MAX_EXACT_INTEGER (G_GINT64_CONSTANT (1) << 53)

/* Reading a document: every fault is collected, not just the first, so that
 * `minsheng-cli validate` can list them all. */

typedef struct
{
  MsJsonTree *tree;
  GPtrArray  *faults;
  GString    *path;
  gboolean    unsupported;
  /* Category ids met so far: each must be unique in the file. */
  GHashTable *category_ids;
  /* The file's reporting date: no progress is dated after it. */
  MsDate      as_of;
  /* Dates further from the file's year than this are typing errors. */
  MsDate      earliest;
  MsDate      latest;
  int         year;
} Reader;

G_GNUC_PRINTF (3, 4)
static void
reader_fault (Reader            *r,
              const MsJsonValue *at,
              const char        *format,
              ...)
{
  guint line, column;
  va_list args;

  _ms_json_tree_locate (r->tree, at, &line, &column);

  va_start (args, format);
  _ms_json_add_fault (r->faults, line, column,
                      r->path->str,
                      g_strdup_vprintf (format, args));
  va_end (args);
}

static gsize
path_push_member (Reader     *r,
                  const char *name)
{
  gsize saved = r->path->len;

  if (r->path->len > 0)
    g_string_append_c (r->path, '.');
  g_string_append (r->path, name);

  return saved;
}

static gsize
path_push_index (Reader *r,
                 guint   index)
{
  gsize saved = r->path->len;

  g_string_append_printf (r->path, "[%u]", index);

  return saved;
}

static void
path_pop (Reader *r,
          gsize   saved)
{
  g_string_truncate (r->path, saved);
}

/* Members this version does not know, in file order, as json-glib nodes:
 * the writer gives them back unchanged. */
static JsonObject *
collect_extra (Reader             *r,
               const MsJsonValue  *object,
               const char * const *known)
{
  const MsJsonValue *member = _ms_json_value_first (object);
  JsonObject *extra = NULL;

  for (guint i = 0; i < object->n_items; i++, member = _ms_json_value_next (member))
    {
      if (g_strv_contains (known, member->name))
        continue;

      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, member->name, _ms_json_tree_to_node (r->tree, member, NULL));
    }

  return extra;
}

/* The small objects of dated entries, the period and the thresholds keep no
 * members of their own beyond the known ones: a stray one is a typing error.
 * Returns: (nullable): the first member of @object not in @known */
static const char *
first_unknown_member (const MsJsonValue  *object,
                      const char * const *known)
{
  const MsJsonValue *member = _ms_json_value_first (object);

  for (guint i = 0; i < object->n_items; i++, member = _ms_json_value_next (member))
    if (!g_strv_contains (known, member->name))
      return member->name;
  return NULL;
}

static void
take_extra (Reader             *r,
            MsNode             *node,
            const MsJsonValue  *object,
            const char * const *known)
{
  g_autoptr(JsonObject) extra = collect_extra (r, object, known);

  ms_node_set_extra (node, extra);
}

/* Returns: (transfer none) (nullable): the member, or %NULL with a fault when
 * it is required and missing */
static const MsJsonValue *
find_member (Reader            *r,
             const MsJsonValue *object_node,
             const char        *name,
             gboolean           required)
{
  const MsJsonValue *member = _ms_json_value_first (object_node);

  for (guint i = 0; i < object_node->n_items; i++, member = _ms_json_value_next (member))
    {
      if (strcmp (member->name, name) == 0)
        return member;
    }
  member = NULL;

  if (required)
    /* translators: %s is a member name of the JSON file, such as "title" */
    reader_fault (r, object_node, _("missing required member “%s”"), name);

  return member;
}

/* Returns: (transfer none): the string, kept by the tree, or "" */
static const char *
read_string (Reader            *r,
             const MsJsonValue *object_node,
             const char        *name,
             gboolean           required)
{
  const MsJsonValue *member = find_member (r, object_node, name, required);
  gsize saved;

  if (member == NULL)
    return "";

  if (member->kind == MS_JSON_STRING)
    return member->string;

  saved = path_push_member (r, name);
  reader_fault (r, member, _("must be a string in double quotes"));
  path_pop (r, saved);

  return "";
}

static gboolean
node_get_number (const MsJsonValue *node,
                 double            *value)
{
  if (node->kind == MS_JSON_INTEGER)
    *value = (double)node->integer;
  else if (node->kind == MS_JSON_DOUBLE)
    *value = node->number;
  else
    return FALSE;

  return TRUE;
}

static gboolean
read_whole_number (Reader     *r,
                   const MsJsonValue *object_node,
                   const char *name,
                   int         minimum,
                   int         maximum,
                   gint64     *out)
{
  const MsJsonValue *member = find_member (r, object_node, name, TRUE);
  gboolean ok = FALSE;
  double value;
  gsize saved;

  *out = minimum;
  if (member == NULL)
    return FALSE;

  saved = path_push_member (r, name);
  if (!node_get_number (member, &value) || value != floor (value))
    reader_fault (r, member, _("must be a whole number"));
  else if (value < (double)minimum || value > (double)maximum)
    /* translators: the range of allowed values, such as "must be from 1900 to 2200" */
    reader_fault (r, member, _("must be from %d to %d"), (int)minimum, (int)maximum);
  else
    {
      *out = (gint64)value;
      ok = TRUE;
    }
  path_pop (r, saved);

  return ok;
}

/* Returns: FALSE when missing or invalid (a fault is added unless it is null and @nullable) */
static gboolean
read_figure (Reader     *r,
             const MsJsonValue *object_node,
             const char *name,
             gboolean    required,
             gboolean    nullable,
             double     *out)
{
  const MsJsonValue *member = find_member (r, object_node, name, required);
  gboolean ok = FALSE;
  gsize saved;

  *out = 0;
  if (member == NULL)
    return FALSE;

  saved = path_push_member (r, name);
  if (nullable && member->kind == MS_JSON_NULL)
    ok = FALSE;
  else if (!node_get_number (member, out))
    reader_fault (r, member, nullable ? _("must be a number, or null when not reported yet")
                                      : _("must be a number"));
  else if (*out < 0)
    reader_fault (r, member, _("must not be negative"));
  else if (member->kind == MS_JSON_INTEGER && member->integer > MAX_EXACT_INTEGER)
    /* A double holds whole numbers exactly only up to 2^53. */
    reader_fault (r, member, _("is too large to be kept exactly"));
  else if (!ms_figure_is_plausible (*out))
    reader_fault (r, member, _("is larger than 10^15, too large for a figure; check it for a "
                               "typing error"));
  else
    ok = TRUE;
  path_pop (r, saved);

  return ok;
}

/* Returns: FALSE when @member is not a date (a fault is added) */
static gboolean
member_get_date (Reader            *r,
                 const MsJsonValue *member,
                 MsDate            *date)
{
  if (member->kind == MS_JSON_STRING && ms_date_parse (member->string, date))
    {
      if (r->earliest == MS_DATE_NONE || (*date >= r->earliest && *date <= r->latest))
        return TRUE;

      /* translators: %d is the year of the file, such as 2025 */
      reader_fault (r, member, _("is more than a year away from the file's year %d: check it for a "
                                 "typing error"), r->year);
      *date = MS_DATE_NONE;
      return FALSE;
    }

  *date = MS_DATE_NONE;
  /* translators: the format of dates in the file; keep YYYY-MM-DD and the example as they are */
  reader_fault (r, member, _("must be a real date written YYYY-MM-DD from 1900 to 2200, such as "
                             "“2024-06-30”"));
  return FALSE;
}

/* Returns: the date of the member @name, or %MS_DATE_NONE when it is missing or invalid */
static MsDate
read_date (Reader            *r,
           const MsJsonValue *object_node,
           const char        *name,
           gboolean           required)
{
  const MsJsonValue *member = find_member (r, object_node, name, required);
  MsDate date = MS_DATE_NONE;
  gsize saved;

  if (member == NULL)
    return MS_DATE_NONE;

  saved = path_push_member (r, name);
  member_get_date (r, member, &date);
  path_pop (r, saved);

  return date;
}

static char **
read_string_list (Reader     *r,
                  const MsJsonValue *object_node,
                  const char *name)
{
  const MsJsonValue *member = find_member (r, object_node, name, FALSE);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gsize saved;

  if (member == NULL)
    return g_strv_builder_end (builder);

  saved = path_push_member (r, name);
  if (member->kind != MS_JSON_ARRAY)
    reader_fault (r, member, _("must be a list of strings, such as [\"市教育局\"]"));
  else
    {
      const MsJsonValue *element = _ms_json_value_first (member);

      for (guint i = 0; i < member->n_items; i++, element = _ms_json_value_next (element))
        {
          if (element->kind == MS_JSON_STRING)
            g_strv_builder_add (builder, element->string);
          else
            {
              gsize saved_index = path_push_index (r, i);

              reader_fault (r, element, _("must be a string in double quotes"));
              path_pop (r, saved_index);
            }
        }
    }
  path_pop (r, saved);

  return g_strv_builder_end (builder);
}

/* Returns: (transfer none) (nullable): the array member */
static const MsJsonValue *
read_array (Reader            *r,
            const MsJsonValue *object_node,
            const char        *name,
            gboolean           required)
{
  const MsJsonValue *member = find_member (r, object_node, name, required);
  gsize saved;

  if (member == NULL)
    return NULL;

  if (member->kind == MS_JSON_ARRAY)
    return member;

  saved = path_push_member (r, name);
  reader_fault (r, member, _("must be a list in square brackets"));
  path_pop (r, saved);

  return NULL;
}

static gboolean
check_object (Reader            *r,
              const MsJsonValue *node)
{
  if (node->kind == MS_JSON_OBJECT)
    return TRUE;

  reader_fault (r, node, _("must be an object in curly braces"));
  return FALSE;
}

typedef void (*ReadElement) (Reader            *r,
                             const MsJsonValue *element,
                             gpointer           parent);

/* Reads each element of the array @member of @node into @parent, with the
 * element's place in the path of any fault. */
static void
read_each (Reader            *r,
           const MsJsonValue *node,
           const char        *member,
           gboolean           required,
           ReadElement        read_element,
           gpointer           parent)
{
  const MsJsonValue *array = read_array (r, node, member, required);
  const MsJsonValue *element = array != NULL ? _ms_json_value_first (array) : NULL;

  for (guint i = 0; array != NULL && i < array->n_items; i++, element = _ms_json_value_next (element))
    {
      gsize saved = path_push_member (r, member);

      path_push_index (r, i);
      read_element (r, element, parent);
      path_pop (r, saved);
    }
}

/* Reads a list of dated figures ("progress" with "actual", "plan" with
 * "target"): sorted by date, one entry a date, none after the reporting date.
 * Returns: (transfer full) (nullable): the timeline, %NULL when absent or empty */
static MsTimeline *
read_timeline (Reader            *r,
               const MsJsonValue *node,
               const char        *name,
               const char        *figure_name)
{
  static const char * const known_progress[] = { "date", "actual", "note", NULL };
  static const char * const known_plan[] = { "date", "target", "note", NULL };
  const char * const *known = g_str_equal (figure_name, "actual") ? known_progress : known_plan;
  const MsJsonValue *array = read_array (r, node, name, FALSE);
  const MsJsonValue *element;
  g_autoptr(MsTimeline) timeline = NULL;
  MsDate previous = MS_DATE_NONE;
  guint previous_index = 0;

  if (array == NULL || array->n_items == 0)
    return NULL;

  timeline = ms_timeline_new ();
  element = _ms_json_value_first (array);
  for (guint i = 0; i < array->n_items; i++, element = _ms_json_value_next (element))
    {
      gsize saved = path_push_member (r, name);
      const MsJsonValue *date_member;
      MsDate date;
      double figure;
      gboolean valid;

      path_push_index (r, i);
      if (!check_object (r, element))
        {
          path_pop (r, saved);
          continue;
        }

      date = read_date (r, element, "date", TRUE);
      valid = read_figure (r, element, figure_name, TRUE, FALSE, &figure);
      date_member = find_member (r, element, "date", FALSE);
      if (date != MS_DATE_NONE)
        {
          gsize saved_date = path_push_member (r, "date");
          char shown[MS_DATE_BUFSIZE];

          ms_date_format (shown, sizeof shown, date);
          if (previous != MS_DATE_NONE && date == previous)
            {
              /* translators: %s is a date; %s[%u] says where the other entry is, such as progress[2] */
              reader_fault (r, date_member, _("another entry already has the date %s (%s[%u])"),
                            shown, name, previous_index);
              valid = FALSE;
            }
          else if (previous != MS_DATE_NONE && date < previous)
            {
              char earlier[MS_DATE_BUFSIZE];

              /* translators: both are dates; entries must be listed oldest first */
              reader_fault (r, date_member, _("%s comes after %s: entries must be in date order"),
                            shown, ms_date_format (earlier, sizeof earlier, previous));
              valid = FALSE;
            }
          else if (g_str_equal (figure_name, "actual") && r->as_of != MS_DATE_NONE && date > r->as_of)
            {
              char as_of[MS_DATE_BUFSIZE];

              /* translators: both are dates; "as_of" is a file keyword and stays in English */
              reader_fault (r, date_member, _("%s is after the file's reporting date (as_of) %s"),
                            shown, ms_date_format (as_of, sizeof as_of, r->as_of));
              valid = FALSE;
            }
          if (previous == MS_DATE_NONE || date > previous)
            {
              previous = date;
              previous_index = i;
            }
          path_pop (r, saved_date);
        }
      if (date != MS_DATE_NONE && valid)
        ms_timeline_append (timeline, date, figure, read_string (r, element, "note", FALSE));
      else
        read_string (r, element, "note", FALSE);

      if (first_unknown_member (element, known) != NULL)
        /* translators: %s is a member name found in the file */
        reader_fault (r, element, _("unknown member “%s” in a dated entry"),
                      first_unknown_member (element, known));
      path_pop (r, saved);
    }

  return g_steal_pointer (&timeline);
}

static MsIndicator *
read_indicator (Reader            *r,
                const MsJsonValue *node)
{
  static const char * const known[] = {
    "name", "unit", "target", "actual", "comparison", "plan", "progress", NULL
  };
  g_autoptr(MsIndicator) indicator = ms_indicator_new ();
  g_autoptr(MsTimeline) progress = NULL;
  g_autoptr(MsTimeline) plan = NULL;
  const MsJsonValue *comparison_node;
  double figure;
  guint n_faults;

  if (!check_object (r, node))
    return NULL;

  ms_indicator_set_name (indicator, read_string (r, node, "name", TRUE));
  ms_indicator_set_unit (indicator, read_string (r, node, "unit", FALSE));

  if (read_figure (r, node, "target", TRUE, FALSE, &figure))
    ms_indicator_set_target (indicator, figure);
  if (read_figure (r, node, "actual", FALSE, TRUE, &figure))
    ms_indicator_set_actual (indicator, figure);

  comparison_node = find_member (r, node, "comparison", FALSE);
  if (comparison_node != NULL)
    {
      const char *text = read_string (r, node, "comparison", FALSE);
      MsComparison comparison;

      if (ms_comparison_from_string (text, &comparison))
        ms_indicator_set_comparison (indicator, comparison);
      else if (comparison_node->kind == MS_JSON_STRING)
        {
          gsize saved = path_push_member (r, "comparison");

          reader_fault (r, comparison_node,
                        /* translators: %s is the value found in the file; the listed words are
                         * file keywords and must stay in English */
                        _("unknown comparison “%s” (expected at-least, at-most, exactly or about)"),
                        text);
          path_pop (r, saved);
        }
    }

  plan = read_timeline (r, node, "plan", "target");
  ms_indicator_set_plan (indicator, plan);
  n_faults = r->faults->len;
  progress = read_timeline (r, node, "progress", "actual");
  ms_indicator_set_progress (indicator, progress);
  /* A fault in the list is said once, not again as a disagreement. */
  if (ms_timeline_get_last (progress) != NULL && r->faults->len == n_faults)
    {
      const MsTimelineEntry *last = ms_timeline_get_last (progress);

      /* The latest progress is the actual; a file may leave the actual out. */
      if (!ms_indicator_get_has_actual (indicator))
        ms_indicator_set_actual (indicator, last->value);
      else if (ms_indicator_get_actual (indicator) != last->value)
        {
          gsize saved = path_push_member (r, "actual");
          char actual[MS_NUMBER_JSON_BUFSIZE];
          char latest[MS_NUMBER_JSON_BUFSIZE];
          char date[MS_DATE_BUFSIZE];

          reader_fault (r, find_member (r, node, "actual", FALSE),
                        /* translators: the actual figure, then the date and figure of the latest
                         * progress entry */
                        _("is %s, but the latest progress entry (%s) says %s"),
                        ms_number_format_json (actual, sizeof actual, ms_indicator_get_actual (indicator)),
                        ms_date_format (date, sizeof date, last->date),
                        ms_number_format_json (latest, sizeof latest, last->value));
          path_pop (r, saved);
        }
    }

  take_extra (r, MS_NODE (indicator), node, known);
  return g_steal_pointer (&indicator);
}

static void
read_indicator_into (Reader            *r,
                     const MsJsonValue *element,
                     gpointer           project)
{
  g_autoptr(MsIndicator) indicator = read_indicator (r, element);

  if (indicator != NULL)
    ms_project_insert_indicator (project, G_MAXUINT, indicator);
}

static MsProject *
read_project (Reader            *r,
              const MsJsonValue *node)
{
  static const char * const known[] = {
    "number", "target", "departments", "partners", "lead", "contact", "completion", "status",
    "deadline", "note", "indicators", NULL
  };
  g_autoptr(MsProject) project = ms_project_new ();
  g_auto(GStrv) departments = NULL;
  g_auto(GStrv) partners = NULL;
  const MsJsonValue *status_node;
  gint64 number;

  if (!check_object (r, node))
    return NULL;

  if (read_whole_number (r, node, "number", 1, G_MAXINT32, &number))
    ms_project_set_number (project, (guint)number);

  ms_project_set_target (project, read_string (r, node, "target", TRUE));
  departments = read_string_list (r, node, "departments");
  ms_project_set_departments (project, (const char * const *)departments);
  partners = read_string_list (r, node, "partners");
  ms_project_set_partners (project, (const char * const *)partners);
  ms_project_set_lead (project, read_string (r, node, "lead", FALSE));
  ms_project_set_contact (project, read_string (r, node, "contact", FALSE));
  ms_project_set_completion (project, read_string (r, node, "completion", FALSE));
  ms_project_set_deadline (project, read_date (r, node, "deadline", FALSE));
  ms_project_set_note (project, read_string (r, node, "note", FALSE));

  status_node = find_member (r, node, "status", FALSE);
  if (status_node != NULL)
    {
      const char *text = read_string (r, node, "status", FALSE);
      MsStatus status;

      if (ms_status_from_string (text, &status))
        ms_project_set_status (project, status);
      else if (status_node->kind == MS_JSON_STRING)
        {
          gsize saved = path_push_member (r, "status");

          reader_fault (r, status_node,
                        /* translators: %s is the value found in the file; the listed words are
                         * file keywords and must stay in English */
                        _("unknown status “%s” (expected not-started, in-progress, completed or delayed)"),
                        text);
          path_pop (r, saved);
        }
    }

  read_each (r, node, "indicators", FALSE, read_indicator_into, project);

  take_extra (r, MS_NODE (project), node, known);
  return g_steal_pointer (&project);
}

static void
read_project_into (Reader            *r,
                   const MsJsonValue *element,
                   gpointer           group)
{
  g_autoptr(MsProject) project = read_project (r, element);

  if (project != NULL)
    ms_group_insert_project (group, G_MAXUINT, project);
}

static MsGroup *
read_group (Reader            *r,
            const MsJsonValue *node)
{
  static const char * const known[] = { "number", "title", "projects", NULL };
  g_autoptr(MsGroup) group = ms_group_new ();
  gint64 number;

  if (!check_object (r, node))
    return NULL;

  if (read_whole_number (r, node, "number", 1, G_MAXINT32, &number))
    ms_group_set_number (group, (guint)number);
  ms_group_set_title (group, read_string (r, node, "title", TRUE));

  read_each (r, node, "projects", TRUE, read_project_into, group);

  take_extra (r, MS_NODE (group), node, known);
  return g_steal_pointer (&group);
}

static void
read_group_into (Reader            *r,
                 const MsJsonValue *element,
                 gpointer           category)
{
  g_autoptr(MsGroup) group = read_group (r, element);

  if (group != NULL)
    ms_category_insert_group (category, G_MAXUINT, group);
}

static MsCategory *
read_category (Reader            *r,
               const MsJsonValue *node)
{
  static const char * const known[] = { "id", "title", "groups", NULL };
  g_autoptr(MsCategory) category = ms_category_new ();
  const MsJsonValue *id_node;
  const char *id;

  if (!check_object (r, node))
    return NULL;

  id = read_string (r, node, "id", TRUE);
  id_node = find_member (r, node, "id", FALSE);
  if (id_node != NULL && id_node->kind == MS_JSON_STRING)
    {
      gsize saved = path_push_member (r, "id");

      if (id[0] == '\0')
        reader_fault (r, id_node, _("must not be empty"));
      else if (g_hash_table_contains (r->category_ids, id))
        /* translators: %s is a category id such as "provincial" */
        reader_fault (r, id_node, _("another category already has the id “%s”"), id);
      else
        g_hash_table_add (r->category_ids, (char *)id);
      path_pop (r, saved);
    }
  ms_category_set_id (category, id);

  ms_category_set_title (category, read_string (r, node, "title", TRUE));

  read_each (r, node, "groups", TRUE, read_group_into, category);

  take_extra (r, MS_NODE (category), node, known);
  return g_steal_pointer (&category);
}

static void
read_category_into (Reader            *r,
                    const MsJsonValue *element,
                    gpointer           document)
{
  g_autoptr(MsCategory) category = read_category (r, element);

  if (category != NULL)
    ms_document_insert_category (document, G_MAXUINT, category);
}

/* Returns: FALSE when the rest of the file cannot be read as our format */
static gboolean
read_format_and_version (Reader            *r,
                         const MsJsonValue *root)
{
  const MsJsonValue *format = find_member (r, root, "format", FALSE);
  const MsJsonValue *version;
  gsize saved;
  double number;

  if (format == NULL)
    {
      reader_fault (r, root, _("not a Minsheng Tracker yearly file: the member “format” is missing"));
      r->unsupported = TRUE;
      return FALSE;
    }

  saved = path_push_member (r, "format");
  if (format->kind != MS_JSON_STRING || !g_str_equal (format->string, "minsheng"))
    {
      reader_fault (r, format, _("not a Minsheng Tracker yearly file: “format” must be “minsheng”"));
      r->unsupported = TRUE;
      path_pop (r, saved);
      return FALSE;
    }
  path_pop (r, saved);

  version = find_member (r, root, "version", TRUE);
  if (version == NULL)
    return FALSE;

  saved = path_push_member (r, "version");
  if (!node_get_number (version, &number) || number != floor (number))
    reader_fault (r, version, _("must be a whole number"));
  else if (number > MS_FORMAT_VERSION)
    {
      char buffer[MS_NUMBER_JSON_BUFSIZE];

      /* translators: both are file format version numbers, such as 2 and 1 */
      reader_fault (r, version, _("the file is in format version %s, but this version of "
                                  "Minsheng Tracker reads only up to version %d; "
                                  "please update the application"),
                    ms_number_format_json (buffer, sizeof buffer, number), MS_FORMAT_VERSION);
      r->unsupported = TRUE;
    }
  else if (number < 1)
    reader_fault (r, version, _("must be 1 or more"));
  path_pop (r, saved);

  return !r->unsupported;
}

/* "period": {"start", "end"}, both dates, the start not after the end. */
static void
read_period (Reader            *r,
             const MsJsonValue *root,
             MsDocument        *document)
{
  static const char * const known[] = { "start", "end", NULL };
  const MsJsonValue *period = find_member (r, root, "period", FALSE);
  MsDate start, end;
  gsize saved;

  if (period == NULL)
    return;

  saved = path_push_member (r, "period");
  if (check_object (r, period))
    {
      start = read_date (r, period, "start", TRUE);
      end = read_date (r, period, "end", TRUE);
      if (start != MS_DATE_NONE && end != MS_DATE_NONE && start > end)
        reader_fault (r, period, _("the period ends before it starts"));
      else
        ms_document_set_period (document, start, end);

      if (first_unknown_member (period, known) != NULL)
        /* translators: %s is a member name found in the file */
        reader_fault (r, period, _("unknown member “%s” in the period"),
                      first_unknown_member (period, known));
    }
  path_pop (r, saved);
}

static void
read_threshold (Reader            *r,
                const MsJsonValue *object,
                const char        *name,
                double             maximum,
                double            *value)
{
  const MsJsonValue *member = find_member (r, object, name, FALSE);
  gsize saved;
  double number;

  if (member == NULL)
    return;

  saved = path_push_member (r, name);
  if (!node_get_number (member, &number))
    reader_fault (r, member, _("must be a number"));
  else if (number < 0 || number > maximum)
    /* translators: the range of allowed values, such as "must be from 0 to 100" */
    reader_fault (r, member, _("must be from %d to %d"), 0, (int)maximum);
  else
    *value = number;
  path_pop (r, saved);
}

/* "thresholds": when a project counts as behind or at risk. */
static void
read_thresholds (Reader            *r,
                 const MsJsonValue *root,
                 MsDocument        *document)
{
  static const char * const known[] = { "behind", "at_risk", "due_days", "due_rate", NULL };
  const MsJsonValue *object = find_member (r, root, "thresholds", FALSE);
  MsThresholds thresholds;
  double due_days;
  gsize saved;

  if (object == NULL)
    return;

  ms_thresholds_init_default (&thresholds);
  due_days = thresholds.due_days;
  saved = path_push_member (r, "thresholds");
  if (check_object (r, object))
    {
      read_threshold (r, object, "behind", 100, &thresholds.behind_points);
      read_threshold (r, object, "at_risk", 100, &thresholds.at_risk_points);
      read_threshold (r, object, "due_days", 366, &due_days);
      read_threshold (r, object, "due_rate", 100, &thresholds.due_percent);
      thresholds.due_days = (guint)due_days;
      if (thresholds.at_risk_points < thresholds.behind_points)
        reader_fault (r, object, _("“at_risk” must not be below “behind”"));
      ms_document_set_thresholds (document, &thresholds);

      if (first_unknown_member (object, known) != NULL)
        /* translators: %s is a member name found in the file */
        reader_fault (r, object, _("unknown member “%s” in the thresholds"),
                      first_unknown_member (object, known));
    }
  path_pop (r, saved);
}

static MsDocument *
read_document (Reader            *r,
               const MsJsonValue *root)
{
  static const char * const known[] = {
    "format", "version", "region", "year", "title", "intro", "note", "as_of", "period",
    "thresholds", "issuer", "issued", "categories", NULL
  };
  g_autoptr(MsDocument) document = ms_document_new ();
  gint64 year;

  if (root->kind != MS_JSON_OBJECT)
    {
      reader_fault (r, root, _("not a Minsheng Tracker yearly file: the document must be an "
                               "object in curly braces"));
      r->unsupported = TRUE;
      return NULL;
    }

  if (!read_format_and_version (r, root))
    return NULL;

  ms_document_set_region (document, read_string (r, root, "region", FALSE));
  if (read_whole_number (r, root, "year", 1900, 2200, &year))
    {
      ms_document_set_year (document, (int)year);
      r->year = (int)year;
      /* Deadlines may run into the next year and reports be written then;
       * a date further away is a slip of the keyboard. */
      r->earliest = ms_date_from_ymd (MAX ((int)year - 1, MS_DATE_MIN_YEAR), 1, 1);
      r->latest = ms_date_from_ymd (MIN ((int)year + 1, MS_DATE_MAX_YEAR), 12, 31);
    }
  ms_document_set_title (document, read_string (r, root, "title", TRUE));
  ms_document_set_intro (document, read_string (r, root, "intro", FALSE));
  ms_document_set_note (document, read_string (r, root, "note", FALSE));
  read_period (r, root, document);
  r->as_of = read_date (r, root, "as_of", FALSE);
  ms_document_set_as_of (document, r->as_of);
  read_thresholds (r, root, document);
  ms_document_set_issuer (document, read_string (r, root, "issuer", FALSE));
  ms_document_set_issued (document, read_date (r, root, "issued", FALSE));

  read_each (r, root, "categories", TRUE, read_category_into, document);

  take_extra (r, MS_NODE (document), root, known);
  ms_document_set_modified (document, FALSE);

  return g_steal_pointer (&document);
}

/**
 * ms_json_read_document:
 * @filename: (nullable): the name used in messages
 * @faults: (out) (optional) (element-type MsFault): every fault found
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when the data
 *   has any fault; @error then lists them one per line
 */
MsDocument *
ms_json_read_document (const char  *data,
                       gsize        length,
                       const char  *filename,
                       GPtrArray  **faults,
                       GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_fault_free);
  g_autoptr(MsJsonTree) tree = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GString) path = g_string_new (NULL);
  /* The ids are kept by the tree. */
  g_autoptr(GHashTable) category_ids = g_hash_table_new (g_str_hash, g_str_equal);
  Reader r = { 0 };

  if (faults != NULL)
    *faults = NULL;

  tree = _ms_json_tree_parse (data, length, found);
  if (tree != NULL)
    {
      r.tree = tree;
      r.faults = found;
      r.path = path;
      r.category_ids = category_ids;
      document = read_document (&r, _ms_json_tree_get_root (tree));
    }

  if (found->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      for (guint i = 0; i < found->len; i++)
        {
          g_autofree char *line = ms_fault_to_string (g_ptr_array_index (found, i), filename);

          if (i > 0)
            g_string_append_c (message, '\n');
          g_string_append (message, line);
        }

      g_set_error_literal (error, MS_DOCUMENT_ERROR,
                           r.unsupported ? MS_DOCUMENT_ERROR_UNSUPPORTED : MS_DOCUMENT_ERROR_INVALID,
                           message->str);
      if (faults != NULL)
        *faults = g_steal_pointer (&found);
      return NULL;
    }

  return g_steal_pointer (&document);
}
