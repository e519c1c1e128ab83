/* test-json.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ms-document.h"
#include "ms-file.h"
#include "ms-history.h"
#include "ms-json.h"
#include "ms-json-private.h"
#include "test-util.h"

static char *
fixture_path (const char *kind,
              const char *name)
{
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_test_build_filename (G_TEST_DIST, "fixtures", kind, file, NULL);
}

static MsDocument *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return ms_document_load (file, NULL, error);
}

static MsDocument *
load_fixture (const char *kind,
              const char *name)
{
  g_autofree char *path = fixture_path (kind, name);
  g_autoptr(GError) error = NULL;
  MsDocument *document = load_path (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static MsProject *
find_project (MsDocument *document,
              const char *category_id,
              guint       number)
{
  return ms_test_find_project (document, category_id, number);
}

static MsIndicator *
find_indicator (MsProject  *project,
                const char *name)
{
  GListModel *indicators = ms_project_get_indicators (project);

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);

      if (g_str_equal (ms_indicator_get_name (indicator), name))
        return indicator;
    }

  return NULL;
}

static void
assert_figures (MsProject  *project,
                const char *name,
                const char *unit,
                double      target,
                double      actual)
{
  MsIndicator *indicator = find_indicator (project, name);

  g_assert_nonnull (indicator);
  g_assert_cmpstr (ms_indicator_get_unit (indicator), ==, unit);
  g_assert_cmpfloat (ms_indicator_get_target (indicator), ==, target);
  g_assert_true (ms_indicator_get_has_actual (indicator));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, actual);
}

static void
test_bundled_example (void)
{
  const char *path = g_getenv ("MS_EXAMPLE_FILE");
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  MsStats stats;
  MsProject *project;
  guint n_groups = 0;

  g_assert_nonnull (path);
  document = load_path (path, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (ms_document_get_title (document), ==, "漯河市2024年民生实事完成情况");
  g_assert_cmpstr (ms_document_get_region (document), ==, "漯河市");
  g_assert_cmpint (ms_document_get_year (document), ==, 2024);
  g_assert_false (ms_document_get_modified (document));

  g_assert_cmpuint (g_list_model_get_n_items (ms_document_get_categories (document)), ==, 2);
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (document, 0)), ==, "省重点民生实事");
  g_assert_cmpstr (ms_category_get_title (ms_document_get_category (document, 1)), ==, "市重点民生实事");
  for (guint c = 0; c < 2; c++)
    {
      GListModel *groups = ms_category_get_groups (ms_document_get_category (document, c));

      g_assert_cmpuint (g_list_model_get_n_items (groups), ==, 10);
      n_groups += g_list_model_get_n_items (groups);
    }
  g_assert_cmpuint (n_groups, ==, 20);

  ms_document_get_stats (document, &stats);
  g_assert_cmpuint (stats.n_projects, ==, 32);
  memset (&stats, 0, sizeof stats);
  ms_stats_add_node (&stats, MS_NODE (ms_document_get_category (document, 0)));
  g_assert_cmpuint (stats.n_projects, ==, 12);

  /* 农村公路 80 公里 → 113.9 公里, 危桥 20 → 28 座 */
  project = find_project (document, "provincial", 5);
  g_assert_nonnull (project);
  assert_figures (project, "新建农村公路", "公里", 80, 113.9);
  g_assert_cmpuint (g_strv_length ((char **)ms_project_get_departments (project)), ==, 2);
  g_assert_cmpstr (ms_project_get_departments (project)[1], ==, "市公路事业发展中心");

  /* One target shared by two screenings. */
  project = find_project (document, "provincial", 10);
  assert_figures (project, "宫颈癌筛查", "人", 47350, 47528);
  assert_figures (project, "乳腺癌筛查", "人", 47350, 48340);

  /* Joined across the page break of the seed, without the footer. */
  project = find_project (document, "provincial", 3);
  g_assert_nonnull (strstr (ms_project_get_completion (project), "全市完成31个团队124名人员"));
  g_assert_null (strstr (ms_project_get_completion (project), "节约粮食"));

  /* Municipal project 15 names no department. */
  project = find_project (document, "municipal", 15);
  g_assert_nonnull (project);
  g_assert_cmpuint (g_strv_length ((char **)ms_project_get_departments (project)), ==, 0);

  /* A target in 万人次 with an actual converted from 36573人. */
  project = find_project (document, "municipal", 6);
  assert_figures (project, "近视防控及视力筛查", "万人次", 3.5, 3.6573);
}

static void
test_bundled_example_is_canonical (gconstpointer data)
{
  const char *name = data;
  g_autofree char *examples = g_path_get_dirname (g_getenv ("MS_EXAMPLE_FILE"));
  g_autofree char *path = g_build_filename (examples, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  document = load_path (path, NULL);
  written = ms_document_serialize (document, NULL);

  /* Saving a file that we saved changes no byte. */
  g_assert_cmpmem (g_bytes_get_data (written, NULL), g_bytes_get_size (written), contents, length);
}

/* Compares two JSON trees, numbers by value (1.5e3 and 1500 are the same). */
static gboolean
json_same (JsonNode *a,
           JsonNode *b)
{
  if (json_node_get_node_type (a) != json_node_get_node_type (b))
    return FALSE;

  switch (json_node_get_node_type (a))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *oa = json_node_get_object (a);
        JsonObject *ob = json_node_get_object (b);
        g_autoptr(GList) members = json_object_get_members (oa);

        if (json_object_get_size (oa) != json_object_get_size (ob))
          return FALSE;
        for (const GList *l = members; l; l = l->next)
          {
            if (!json_object_has_member (ob, l->data) ||
                !json_same (json_object_get_member (oa, l->data), json_object_get_member (ob, l->data)))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *aa = json_node_get_array (a);
        JsonArray *ab = json_node_get_array (b);

        if (json_array_get_length (aa) != json_array_get_length (ab))
          return FALSE;
        for (guint i = 0; i < json_array_get_length (aa); i++)
          {
            if (!json_same (json_array_get_element (aa, i), json_array_get_element (ab, i)))
              return FALSE;
          }
        return TRUE;
      }
    case JSON_NODE_VALUE:
      {
        GType ta = json_node_get_value_type (a);
        GType tb = json_node_get_value_type (b);
        gboolean na = ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE;
        gboolean nb = tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE;

        if (na && nb)
          return json_node_get_double (a) == json_node_get_double (b);
        if (ta != tb)
          return FALSE;
        if (ta == G_TYPE_STRING)
          return g_str_equal (json_node_get_string (a), json_node_get_string (b));
        if (ta == G_TYPE_BOOLEAN)
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        return FALSE;
      }
    case JSON_NODE_NULL:
    default:
      return TRUE;
    }
}

static JsonNode *
parse_strict (const char *data,
              gsize       length)
{
  g_autoptr(GPtrArray) faults = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_fault_free);
  JsonNode *node = ms_json_parse (data, length, NULL, faults);

  g_assert_cmpuint (faults->len, ==, 0);
  g_assert_nonnull (node);

  return node;
}

static void
test_unknown_members_kept (void)
{
  g_autofree char *path = fixture_path ("valid", "unknown-members");
  g_autofree char *original = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(MsDocument) reread = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(JsonNode) original_tree = NULL;
  g_autoptr(JsonNode) written_tree = NULL;
  gsize length;
  const char *text;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));
  document = load_fixture ("valid", "unknown-members");
  written = ms_document_serialize (document, NULL);
  text = g_bytes_get_data (written, NULL);

  /* Every member comes back, with the same values, at every level. */
  original_tree = parse_strict (original, length);
  written_tree = parse_strict (text, g_bytes_get_size (written));
  /* The writer adds the members that had defaults. */
  json_object_set_string_member (json_node_get_object (original_tree), "intro",
                                 json_object_get_string_member (json_node_get_object (original_tree), "intro"));
  g_assert_nonnull (strstr (text, "\"generator\": {"));
  g_assert_nonnull (strstr (text, "\"z-last\": {"));
  g_assert_nonnull (strstr (text, "\"color\": \"#3584e4\""));
  g_assert_nonnull (strstr (text, "\"budget\": 1500"));
  g_assert_nonnull (strstr (text, "\"tags\": [\"交通\", 2024]"));
  g_assert_nonnull (strstr (text, "\"source\": {"));
  g_assert_nonnull (strstr (text, "\"version\": [1, 2, 3]"));

  {
    JsonObject *root = json_node_get_object (written_tree);
    JsonObject *generator = json_object_get_object_member (root, "generator");
    JsonObject *last = json_object_get_object_member (root, "z-last");
    JsonObject *project = json_array_get_object_element (
      json_object_get_array_member (
        json_array_get_object_element (
          json_object_get_array_member (
            json_array_get_object_element (json_object_get_array_member (root, "categories"), 0),
            "groups"), 0),
        "projects"), 0);
    JsonArray *indicators = json_object_get_array_member (project, "indicators");

    g_assert_true (json_same (json_object_get_member (json_node_get_object (original_tree), "generator"),
                              json_object_get_member (root, "generator")));
    g_assert_true (json_object_get_boolean_member (generator, "ok"));
    g_assert_true (json_object_get_null_member (generator, "none"));
    g_assert_true (json_same (json_object_get_member (json_node_get_object (original_tree), "z-last"),
                              json_object_get_member (root, "z-last")));
    g_assert_nonnull (json_object_get_object_member (last, "nested"));
    g_assert_cmpuint (json_array_get_length (indicators), ==, 4);
    g_assert_cmpint (json_object_get_int_member (
                       json_array_get_object_element (indicators, 0), "target"), ==, 80);
  }

  /* Reading what we wrote and writing it again changes no byte. */
  reread = ms_document_new_from_data (text, g_bytes_get_size (written), "written", NULL, NULL);
  g_assert_nonnull (reread);
  rewritten = ms_document_serialize (reread, NULL);
  g_assert_true (g_bytes_equal (written, rewritten));
}

static void
test_numbers_survive (void)
{
  g_autoptr(MsDocument) document = load_fixture ("valid", "unknown-members");
  MsProject *project = find_project (document, "municipal", 1);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  MsIndicator *big = find_indicator (project, "大数");
  MsIndicator *share = find_indicator (project, "比例");
  MsIndicator *defaults = find_indicator (project, "默认");
  const char *text;

  /* The largest figures the reader takes. */
  g_assert_cmpfloat (ms_indicator_get_target (big), ==, MS_FIGURE_MAX);
  g_assert_cmpfloat (ms_indicator_get_actual (big), ==, 999999999999999);
  g_assert_cmpfloat (ms_indicator_get_target (share), ==, 0.1);
  g_assert_false (ms_indicator_get_has_actual (share));
  g_assert_cmpint (ms_indicator_get_comparison (share), ==, MS_COMPARISON_ABOUT);
  g_assert_cmpint (ms_indicator_get_comparison (defaults), ==, MS_COMPARISON_AT_LEAST);
  g_assert_cmpstr (ms_indicator_get_unit (defaults), ==, "");

  written = ms_document_serialize (document, NULL);
  text = g_bytes_get_data (written, NULL);
  g_assert_nonnull (strstr (text, "\"actual\": 113.9,"));
  g_assert_nonnull (strstr (text, "\"target\": 0.1,"));
  g_assert_nonnull (strstr (text, "\"actual\": null,"));
  g_assert_nonnull (strstr (text, "\"target\": 1e+15,"));
  g_assert_nonnull (strstr (text, "\"actual\": 999999999999999,"));
  /* 100000000000000000000 overflows int64: json-glib would read -1. */
  g_assert_nonnull (strstr (text, "\"raw\": [1e+20, 1e+20]"));
  g_assert_null (strstr (text, "113.90000000000001"));

  /* json-glib itself reads our numbers back exactly. */
  g_assert_true (json_parser_load_from_data (parser, text, g_bytes_get_size (written), &error));
  g_assert_no_error (error);
  {
    JsonObject *root = json_node_get_object (json_parser_get_root (parser));
    JsonArray *indicators = json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (
          json_array_get_object_element (
            json_object_get_array_member (
              json_array_get_object_element (json_object_get_array_member (root, "categories"), 0),
              "groups"), 0),
          "projects"), 0),
      "indicators");

    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (indicators, 0), "actual"), ==, 113.9);
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (indicators, 1), "target"), ==, 0.1);
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (indicators, 2), "target"), ==, 1e15);
  }
}

static void
test_string_escapes (void)
{
  g_autoptr(MsDocument) document = load_fixture ("valid", "unknown-members");
  g_autoptr(GBytes) written = ms_document_serialize (document, NULL);
  g_autoptr(MsDocument) reread = NULL;

  g_assert_cmpstr (ms_document_get_intro (document), ==,
                   "第一行\n第二行 \"引号\" \\ \t é 😀 \u2028");
  reread = ms_document_new_from_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                      "written", NULL, NULL);
  g_assert_cmpstr (ms_document_get_intro (reread), ==, ms_document_get_intro (document));
}

static void
test_document_note (void)
{
  g_autoptr(MsDocument) document = load_fixture ("valid", "minimal");
  g_autoptr(GBytes) written = NULL;
  g_autoptr(MsDocument) reread = NULL;

  g_assert_cmpstr (ms_document_get_note (document), ==, "");
  ms_document_set_note (document, "第40行：特此公示。");
  g_assert_true (ms_document_get_modified (document));
  written = ms_document_serialize (document, NULL);
  reread = ms_document_new_from_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                      "written", NULL, NULL);
  g_assert_cmpstr (ms_document_get_note (reread), ==, "第40行：特此公示。");
}

static void
test_bom_and_crlf (void)
{
  g_autoptr(MsDocument) document = load_fixture ("valid", "bom-crlf");
  g_autoptr(MsDocument) plain = load_fixture ("valid", "minimal");
  g_autoptr(GBytes) a = ms_document_serialize (document, NULL);
  g_autoptr(GBytes) b = ms_document_serialize (plain, NULL);

  g_assert_true (g_bytes_equal (a, b));
}

typedef struct
{
  const char *name;
  guint       line;
  guint       column;
  const char *path;
  const char *message;
  int         code;
} BadFile;

static const BadFile bad_files[] = {
  { "syntax-missing-comma", 6, 3, "", "expected “,” or “}” after an object member", MS_DOCUMENT_ERROR_INVALID },
  { "wrong-type", 6, 12, "title", "must be a string", MS_DOCUMENT_ERROR_INVALID },
  { "string-number", 23, 75, "categories[0].groups[0].projects[0].indicators[0].actual", "must be a number", MS_DOCUMENT_ERROR_INVALID },
  { "fraction-number", 18, 25, "categories[0].groups[0].projects[0].number", "must be a whole number", MS_DOCUMENT_ERROR_INVALID },
  { "unknown-status", 21, 25, "categories[0].groups[0].projects[0].status", "unknown status “done”", MS_DOCUMENT_ERROR_INVALID },
  { "unknown-comparison", 23, 96, "categories[0].groups[0].projects[0].indicators[0].comparison", "unknown comparison “more-than”", MS_DOCUMENT_ERROR_INVALID },
  { "missing-key", 17, 13, "categories[0].groups[0].projects[0]", "missing required member “target”", MS_DOCUMENT_ERROR_INVALID },
  { "non-finite", 23, 75, "categories[0].groups[0].projects[0].indicators[0].actual", "the number 1e400 is too large", MS_DOCUMENT_ERROR_INVALID },
  { "year-range", 5, 11, "year", "must be from 1900 to 2200", MS_DOCUMENT_ERROR_INVALID },
  { "negative", 23, 61, "categories[0].groups[0].projects[0].indicators[0].target", "must not be negative", MS_DOCUMENT_ERROR_INVALID },
  { "duplicate-key", 16, 11, "categories[0].groups[0].title", "duplicate member “title”", MS_DOCUMENT_ERROR_INVALID },
  { "duplicate-category-id", 11, 13, "categories[1].id", "already has the id “municipal”", MS_DOCUMENT_ERROR_INVALID },
  { "newer-version", 3, 14, "version", "format version 2", MS_DOCUMENT_ERROR_UNSUPPORTED },
  { "wrong-format", 2, 13, "format", "not a Minsheng Tracker yearly file", MS_DOCUMENT_ERROR_UNSUPPORTED },
  { "not-object", 1, 1, "", "must be an object", MS_DOCUMENT_ERROR_UNSUPPORTED },
  { "comment", 5, 17, "", "comments are not allowed", MS_DOCUMENT_ERROR_INVALID },
  { "var-assignment", 1, 1, "", "“var” is not a JSON value", MS_DOCUMENT_ERROR_INVALID },
  { "single-quotes", 4, 3, "", "double quotes", MS_DOCUMENT_ERROR_INVALID },
  { "trailing-comma", 23, 108, "categories[0].groups[0].projects[0].indicators[0]", "a comma must not follow", MS_DOCUMENT_ERROR_INVALID },
  { "trailing-text", 32, 1, "", "unexpected text after the end", MS_DOCUMENT_ERROR_INVALID },
  { "invalid-utf8", 7, 13, "", "not valid UTF-8", MS_DOCUMENT_ERROR_INVALID },
  { "empty", 1, 1, "", "the file is empty", MS_DOCUMENT_ERROR_INVALID },
};

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *path = fixture_path ("invalid", bad->name);
  g_autofree char *contents = NULL;
  g_autofree char *expected_prefix = NULL;
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(MsDocument) document = NULL;
  MsFault *fault;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  document = ms_json_read_document (contents, length, path, &faults, &error);
  g_assert_null (document);
  g_assert_error (error, MS_DOCUMENT_ERROR, bad->code);
  g_assert_nonnull (faults);
  g_assert_cmpuint (faults->len, ==, 1);

  fault = g_ptr_array_index (faults, 0);
  g_assert_cmpuint (fault->line, ==, bad->line);
  g_assert_cmpuint (fault->column, ==, bad->column);
  g_assert_cmpstr (fault->path, ==, bad->path);
  if (strstr (fault->message, bad->message) == NULL)
    g_error ("%s: “%s” does not contain “%s”", bad->name, fault->message, bad->message);

  /* Loading the file names it, the line and the column. */
  document = load_path (path, &load_error);
  g_assert_null (document);
  expected_prefix = g_strdup_printf ("%s:%u:%u: ", path, bad->line, bad->column);
  g_assert_true (g_str_has_prefix (load_error->message, expected_prefix));
}

/* The members of the year: a version 1 file with one fault in them. */
typedef struct
{
  const char *name;
  const char *document_members;
  const char *project_members;
  const char *indicator_members;
  const char *path;
  const char *message;
  /* Where the fault points: the first place this text starts. */
  const char *at;
} YearFault;

#define IN_INDICATOR "categories[0].groups[0].projects[0].indicators[0]."

static const YearFault year_faults[] = {
  { "not-a-date", "\"as_of\": \"2024-02-30\",", "", "", "as_of", "must be a real date", "\"2024-02-30\"" },
  { "slashes", "\"as_of\": \"2024/6/30\",", "", "", "as_of", "must be a real date", "\"2024/6/30\"" },
  { "too-early", "\"as_of\": \"1850-01-01\",", "", "", "as_of", "must be a real date", "\"1850-01-01\"" },
  { "number-date", "\"as_of\": 20240630,", "", "", "as_of", "must be a real date", "20240630" },
  { "far-year", "\"as_of\": \"2021-06-30\",", "", "", "as_of", "more than a year away from the file's year 2024",
    "\"2021-06-30\"" },
  { "issued-not-a-date", "\"issued\": \"2025-02-29\",", "", "", "issued", "must be a real date", "\"2025-02-29\"" },
  { "issued-slashes", "\"issued\": \"2025/1/10\",", "", "", "issued", "must be a real date", "\"2025/1/10\"" },
  { "issued-far-year", "\"issued\": \"2026-01-10\",", "", "", "issued",
    "more than a year away from the file's year 2024", "\"2026-01-10\"" },
  { "issuer-not-text", "\"issuer\": 5,", "", "", "issuer", "must be a string", "5," },
  { "far-deadline", "", "\"deadline\": \"2042-06-30\",", "", "categories[0].groups[0].projects[0].deadline",
    "more than a year away", "\"2042-06-30\"" },
  { "bad-deadline", "", "\"deadline\": \"2024-13-01\",", "", "categories[0].groups[0].projects[0].deadline",
    "must be a real date", "\"2024-13-01\"" },
  { "period-reversed", "\"period\": {\"start\": \"2024-12-31\", \"end\": \"2024-01-01\"},", "", "", "period",
    "ends before it starts", "{\"start\"" },
  { "period-without-end", "\"period\": {\"start\": \"2024-01-01\"},", "", "", "period",
    "missing required member “end”", "{\"start\"" },
  { "period-stray", "\"period\": {\"start\": \"2024-01-01\", \"end\": \"2024-12-31\", \"ende\": 1},", "", "",
    "period", "unknown member “ende”", "{\"start\"" },
  { "threshold-range", "\"thresholds\": {\"behind\": 150},", "", "", "thresholds.behind",
    "must be from 0 to 100", "150" },
  { "threshold-order", "\"thresholds\": {\"behind\": 30, \"at_risk\": 20},", "", "", "thresholds",
    "must not be below", "{\"behind\"" },
  { "progress-twice", "", "", ", \"progress\": [{\"date\": \"2024-03-31\", \"actual\": 20}, {\"date\": \"2024-03-31\", \"actual\": 50}]",
    IN_INDICATOR "progress[1].date", "another entry already has the date 2024-03-31 (progress[0])",
    "\"2024-03-31\", \"actual\": 50" },
  { "progress-order", "", "", ", \"progress\": [{\"date\": \"2024-06-30\", \"actual\": 20}, {\"date\": \"2024-03-31\", \"actual\": 50}]",
    IN_INDICATOR "progress[1].date", "2024-03-31 comes after 2024-06-30", "\"2024-03-31\"" },
  { "progress-after-as-of", "\"as_of\": \"2024-06-30\",", "", ", \"progress\": [{\"date\": \"2024-09-30\", \"actual\": 50}]",
    IN_INDICATOR "progress[0].date", "after the file's reporting date (as_of) 2024-06-30", "\"2024-09-30\"" },
  { "progress-disagrees", "", "", ", \"progress\": [{\"date\": \"2024-03-31\", \"actual\": 40}]",
    IN_INDICATOR "actual", "is 50, but the latest progress entry (2024-03-31) says 40", "50" },
  { "progress-stray", "", "", ", \"progress\": [{\"date\": \"2024-03-31\", \"actual\": 50, \"value\": 2}]",
    IN_INDICATOR "progress[0]", "unknown member “value”", "{\"date\"" },
  { "progress-negative", "", "", ", \"progress\": [{\"date\": \"2024-03-31\", \"actual\": -5}]",
    IN_INDICATOR "progress[0].actual", "must not be negative", "-5" },
  { "plan-without-target", "", "", ", \"plan\": [{\"date\": \"2024-06-30\"}]",
    IN_INDICATOR "plan[0]", "missing required member “target”", "{\"date\"" },
};

static char *
year_text (const YearFault *fault)
{
  return g_strdup_printf ("{\"format\": \"minsheng\", \"version\": 1, \"year\": 2024, \"title\": \"标题\",\n"
                          " %s\n"
                          " \"categories\": [{\"id\": \"a\", \"title\": \"甲\", \"groups\": [{\"number\": 1, \"title\": \"乙\", \"projects\": [\n"
                          "  {\"number\": 1, \"target\": \"丙\", %s\n"
                          "   \"indicators\": [{\"name\": \"公路\", \"unit\": \"公里\", \"target\": 80, \"actual\": 50%s}]}]}]}]}\n",
                          fault->document_members, fault->project_members, fault->indicator_members);
}

static void
test_year_fault (gconstpointer data)
{
  const YearFault *fault = data;
  g_autofree char *text = year_text (fault);
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  /* The marker is looked for where its member is: the header or the tree. */
  gboolean in_header = strstr (fault->document_members, fault->at) != NULL;
  const char *at = strstr (in_header ? text : strstr (text, "\"categories\""), fault->at);
  guint line = 1, column = 1;
  MsFault *found;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        line++, column = 1;
      else
        column++;
    }

  document = ms_json_read_document (text, strlen (text), "year.json", &faults, &error);
  g_assert_null (document);
  g_assert_nonnull (faults);
  g_assert_cmpuint (faults->len, ==, 1);
  found = g_ptr_array_index (faults, 0);
  g_assert_cmpstr (found->path, ==, fault->path);
  if (strstr (found->message, fault->message) == NULL)
    g_error ("%s: “%s” does not contain “%s”", fault->name, found->message, fault->message);
  g_assert_cmpuint (found->line, ==, line);
  g_assert_cmpuint (found->column, ==, column);
}

/* Every member of the year reads back as written, and is written back
 * byte for byte; a file without them gains none. */
static void
test_year_members (void)
{
  static const YearFault valid = {
    "valid",
    "\"as_of\": \"2024-06-30\", \"period\": {\"start\": \"2023-12-01\", \"end\": \"2024-11-30\"},"
    " \"thresholds\": {\"behind\": 5, \"at_risk\": 20, \"due_days\": 45, \"due_rate\": 90},"
    " \"issuer\": \"某市人民政府办公室\", \"issued\": \"2025-01-10\",",
    "\"lead\": \"王副市长\", \"contact\": \"刘科长 0395-1234567\", \"deadline\": \"2024-10-31\",",
    ", \"plan\": [{\"date\": \"2024-06-30\", \"target\": 40}],"
    " \"progress\": [{\"date\": \"2024-03-31\", \"actual\": 20, \"note\": \"一季度\"}, {\"date\": \"2024-06-30\", \"actual\": 50}]",
    NULL, NULL, NULL
  };
  g_autofree char *text = year_text (&valid);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_json_read_document (text, strlen (text), "year.json", NULL, &error);
  g_autoptr(MsDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  MsProject *project;
  MsIndicator *indicator;
  MsTimeline *progress;
  MsDate start, end;

  g_assert_no_error (error);
  g_assert_cmpuint (ms_document_get_as_of (document), ==, ms_date_from_ymd (2024, 6, 30));
  ms_document_get_period (document, &start, &end);
  g_assert_cmpuint (start, ==, ms_date_from_ymd (2023, 12, 1));
  g_assert_cmpuint (end, ==, ms_date_from_ymd (2024, 11, 30));
  g_assert_cmpfloat (ms_document_get_thresholds (document)->behind_points, ==, 5);
  g_assert_cmpfloat (ms_document_get_thresholds (document)->at_risk_points, ==, 20);
  g_assert_cmpuint (ms_document_get_thresholds (document)->due_days, ==, 45);
  g_assert_cmpfloat (ms_document_get_thresholds (document)->due_percent, ==, 90);
  g_assert_cmpstr (ms_document_get_issuer (document), ==, "某市人民政府办公室");
  g_assert_cmpuint (ms_document_get_issued (document), ==, ms_date_from_ymd (2025, 1, 10));

  project = find_project (document, "a", 1);
  g_assert_cmpstr (ms_project_get_lead (project), ==, "王副市长");
  g_assert_cmpstr (ms_project_get_contact (project), ==, "刘科长 0395-1234567");
  g_assert_cmpuint (ms_project_get_deadline (project), ==, ms_date_from_ymd (2024, 10, 31));

  indicator = ms_project_get_indicator (project, 0);
  progress = ms_indicator_get_progress (indicator);
  g_assert_cmpuint (ms_timeline_get_n_entries (progress), ==, 2);
  g_assert_cmpuint (ms_timeline_get_entry (progress, 0)->date, ==, ms_date_from_ymd (2024, 3, 31));
  g_assert_cmpfloat (ms_timeline_get_entry (progress, 0)->value, ==, 20);
  g_assert_cmpstr (ms_timeline_get_entry (progress, 0)->note, ==, "一季度");
  g_assert_cmpstr (ms_timeline_get_entry (progress, 1)->note, ==, "");
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_plan (indicator)), ==, 1);
  g_assert_cmpfloat (ms_timeline_get_entry (ms_indicator_get_plan (indicator), 0)->value, ==, 40);

  /* Canonical once written, and the same document when read again. */
  written = ms_document_serialize (document, &error);
  g_assert_no_error (error);
  again = ms_json_read_document (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "again.json", NULL, &error);
  g_assert_no_error (error);
  rewritten = ms_document_serialize (again, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (written, rewritten));
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), "\"progress\": [\n"));
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL),
                            "\"issuer\": \"某市人民政府办公室\",\n  \"issued\": \"2025-01-10\",\n"));
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL),
                            "{\"date\": \"2024-03-31\", \"actual\": 20, \"note\": \"一季度\"}"));

  /* Without progress the actual stays what the file says; an actual left
   * out is the latest progress. */
  ms_indicator_set_progress (ms_project_get_indicator (find_project (again, "a", 1), 0), NULL);
  g_clear_pointer (&rewritten, g_bytes_unref);
  rewritten = ms_document_serialize (again, &error);
  g_assert_null (strstr (g_bytes_get_data (rewritten, NULL), "progress"));
}

/* The 落款 is edited as a step of the history like the other members of
 * the file: written when set, gone again after undo, and a date the reader
 * would refuse is not saved. */
static void
test_year_issuer_edits (void)
{
  g_autoptr(MsDocument) document = load_fixture ("valid", "minimal");
  g_autoptr(MsHistory) history = ms_history_new (document);
  g_autoptr(GBytes) before = ms_document_serialize (document, NULL);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(MsDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ms-issuer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "far.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  int year = ms_document_get_year (document);

  g_assert_null (strstr (g_bytes_get_data (before, NULL), "\"issue"));
  ms_history_set_string (history, "Edit Issuing Office", G_OBJECT (document), "issuer", "某市人民政府办公室");
  ms_history_break_merge (history);
  ms_history_set_uint (history, "Edit Date Issued", G_OBJECT (document), "issued", ms_date_from_ymd (year + 1, 1, 10));
  g_assert_true (ms_document_get_modified (document));

  written = ms_document_serialize (document, &error);
  g_assert_no_error (error);
  reread = ms_document_new_from_data (g_bytes_get_data (written, NULL), g_bytes_get_size (written), "written",
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ms_document_get_issuer (reread), ==, "某市人民政府办公室");
  g_assert_cmpuint (ms_document_get_issued (reread), ==, ms_date_from_ymd (year + 1, 1, 10));

  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (ms_document_get_issued (document), ==, MS_DATE_NONE);
  g_assert_cmpstr (ms_document_get_issuer (document), ==, "某市人民政府办公室");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_document_get_issuer (document), ==, "");
  undone = ms_document_serialize (document, NULL);
  g_assert_true (g_bytes_equal (before, undone));

  ms_document_set_issued (document, ms_date_from_ymd (year + 2, 1, 10));
  g_assert_false (ms_document_save (document, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "more than a year away"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_year_actual_from_progress (void)
{
  static const char text[] =
    "{\"format\": \"minsheng\", \"version\": 1, \"year\": 2024, \"title\": \"t\", \"categories\": [{\"id\": \"a\", \"title\": \"甲\","
    " \"groups\": [{\"number\": 1, \"title\": \"乙\", \"projects\": [{\"number\": 1, \"target\": \"丙\", \"indicators\":"
    " [{\"name\": \"公路\", \"target\": 80, \"progress\": [{\"date\": \"2024-03-31\", \"actual\": 12.5}]}]}]}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_json_read_document (text, strlen (text), "t.json", NULL, &error);
  MsIndicator *indicator;

  g_assert_no_error (error);
  indicator = ms_project_get_indicator (find_project (document, "a", 1), 0);
  g_assert_true (ms_indicator_get_has_actual (indicator));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 12.5);
}

static void
test_every_fault_listed (void)
{
  /* Several faults in one file are all reported, in file order. */
  static const char text[] =
    "{\"format\": \"minsheng\", \"version\": 1, \"year\": 3000, \"title\": 5,\n"
    " \"categories\": [{\"id\": \"a\", \"title\": \"甲\", \"groups\": [\n"
    "  {\"number\": 0, \"title\": \"乙\", \"projects\": [{\"number\": 1, \"target\": \"丙\", \"status\": \"late\"}]}]}]}";
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_auto(GStrv) lines = NULL;

  document = ms_json_read_document (text, strlen (text), "many.json", &faults, &error);
  g_assert_null (document);
  g_assert_cmpuint (faults->len, ==, 4);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "many.json:1:46: year: must be from 1900 to 2200");
  g_assert_cmpstr (lines[1], ==, "many.json:1:61: title: must be a string in double quotes");
  g_assert_true (g_str_has_prefix (lines[2], "many.json:3:14: categories[0].groups[0].number: "));
  g_assert_true (g_str_has_prefix (lines[3], "many.json:3:83: categories[0].groups[0].projects[0].status: "));
}

static void
test_deep_nesting_refused (void)
{
  /* 100 000 levels overflow json-glib 1.6's stack; we must refuse them. */
  const gsize depth = 100000;
  g_autofree char *text = g_malloc (depth * 2 + 1);
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  MsFault *fault;

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  text[depth * 2] = '\0';

  document = ms_json_read_document (text, depth * 2, "deep.json", &faults, &error);
  g_assert_null (document);
  g_assert_cmpuint (faults->len, ==, 1);
  fault = g_ptr_array_index (faults, 0);
  g_assert_nonnull (strstr (fault->message, "nesting deeper than"));
  g_assert_cmpuint (fault->line, ==, 1);
  g_assert_cmpuint (fault->column, ==, MS_JSON_MAX_DEPTH + 1);

  /* An unclosed deep document is refused the same way. */
  g_clear_pointer (&faults, g_ptr_array_unref);
  g_clear_error (&error);
  memset (text, '{', depth);
  document = ms_json_read_document (text, depth, "deep.json", &faults, &error);
  g_assert_null (document);
  g_assert_cmpuint (faults->len, ==, 1);
}

static void
test_large_file_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GPtrArray) faults = NULL;
  gsize size = MS_JSON_MAX_SIZE + 1;
  g_autofree char *text = g_malloc (size);

  memset (text, ' ', size);
  text[0] = '{';
  text[size - 1] = '}';

  /* Refused before parsing, from memory and from a file. */
  document = ms_json_read_document (text, size, "huge.json", &faults, &error);
  g_assert_null (document);
  g_assert_nonnull (strstr (error->message, "too large"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, text, size, NULL));
  document = ms_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge.json"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_syntax_edge_cases (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"a\": 01}", "leading zeros" },
    { "{\"a\": 1.}", "invalid number" },
    { "{\"a\": .5}", "unexpected character “.”" },
    { "{\"a\": -}", "invalid number" },
    { "{\"a\": NaN}", "“NaN” is not a JSON value" },
    { "{\"a\": Infinity}", "“Infinity” is not a JSON value" },
    { "{\"a\": \"x\ty\"}", "control character 9" },
    { "{\"a\": \"\\x\"}", "invalid escape" },
    { "{\"a\": \"\\ud800\"}", "unpaired surrogate" },
    { "{\"a\": \"\\udc00x\"}", "unpaired surrogate" },
    { "{\"a\": \"\\u0000\"}", "NUL" },
    { "{\"a\": \"abc", "unterminated string" },
    { "{\"a\" 1}", "expected “:”" },
    { "{a: 1}", "member name in double quotes" },
    { "[1, 2,]", "a comma must not follow the last element" },
    { "{\"a\": [1 2]}", "expected “,” or “]”" },
    { "{\"a\": truex}", "“truex” is not a JSON value" },
    { "{\"a\": 1} /* x */", "comments are not allowed" },
    { "{\"a\": 1};", "unexpected character “;”" },
    { "{", "unexpected end of file" },
    { "   \n\t ", "the file is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) faults = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_fault_free);
      g_autoptr(JsonNode) node = ms_json_parse (cases[i].text, strlen (cases[i].text), NULL, faults);
      MsFault *fault;

      g_assert_null (node);
      g_assert_cmpuint (faults->len, ==, 1);
      fault = g_ptr_array_index (faults, 0);
      if (strstr (fault->message, cases[i].message) == NULL)
        g_error ("%s: “%s” does not contain “%s”", cases[i].text, fault->message, cases[i].message);
    }
}

/* An object of many members finds a duplicate as one of a few does. */
static void
test_duplicate_in_large_object (void)
{
  for (guint n = 2; n <= 40; n += 19)
    {
      g_autoptr(GString) text = g_string_new ("{\"a\": {");
      g_autoptr(GPtrArray) faults = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_fault_free);
      g_autoptr(JsonNode) node = NULL;
      MsFault *fault;
      gsize column;

      for (guint i = 0; i < n; i++)
        g_string_append_printf (text, "\"m%u\": %u, ", i, i);
      column = g_utf8_strlen (text->str, -1) + 1;
      g_string_append (text, "\"m1\": 0}}");

      node = ms_json_parse (text->str, text->len, NULL, faults);
      g_assert_null (node);
      g_assert_cmpuint (faults->len, ==, 1);
      fault = g_ptr_array_index (faults, 0);
      g_assert_cmpuint (fault->line, ==, 1);
      g_assert_cmpuint (fault->column, ==, column);
      g_assert_cmpstr (fault->path, ==, "a.m1");
      g_assert_nonnull (strstr (fault->message, "duplicate member “m1”"));
    }
}

/* Faults on one long line of Chinese text are placed by characters, also
 * when the reader names a place before the one it named last: it reads a
 * project's note before its status, which the file has first. */
static void
test_fault_columns_on_long_line (void)
{
  static const char * const members[] = { "\"note\":7", "\"status\":\"x" };
  g_autoptr(MsDocument) document = ms_test_generate_document (60);
  g_autoptr(GBytes) compact = _ms_json_write_document_unchecked (document, TRUE);
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (compact, NULL), g_bytes_get_size (compact));
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) refused = NULL;
  char *at;

  /* In the last project, far into the line. */
  at = g_strrstr (text->str, "\"note\":\"\"");
  g_assert_nonnull (at);
  g_string_erase (text, at - text->str, strlen ("\"note\":\"\""));
  g_string_insert (text, at - text->str, members[0]);
  at = g_strrstr (text->str, "\"status\":\"");
  g_string_insert (text, at - text->str + strlen ("\"status\":\""), "x");

  refused = ms_json_read_document (text->str, text->len, "long.json", &faults, &error);
  g_assert_null (refused);
  g_assert_cmpuint (faults->len, ==, 2);
  for (guint i = 0; i < faults->len; i++)
    {
      MsFault *fault = g_ptr_array_index (faults, i);
      const char *value = strchr (g_strrstr (text->str, members[i]), ':') + 1;

      g_assert_cmpuint (fault->line, ==, 1);
      g_assert_cmpuint (fault->column, ==, g_utf8_strlen (text->str, value - text->str) + 1);
    }
}

static void
test_valid_json_accepted (void)
{
  static const char text[] = "{\"s\": \"\\u4e2d\\/\", \"n\": [-0, 0.5, 1E+2, -3e-2, 9223372036854775807, "
                             "9223372036854775808], \"t\": true, \"f\": false, \"z\": null, \"o\": {}}";
  g_autoptr(GPtrArray) faults = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_fault_free);
  g_autoptr(JsonNode) node = ms_json_parse (text, strlen (text), NULL, faults);
  JsonObject *object;
  JsonArray *numbers;

  g_assert_nonnull (node);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "s"), ==, "中/");
  numbers = json_object_get_array_member (object, "n");
  g_assert_cmpfloat (json_array_get_double_element (numbers, 2), ==, 100);
  g_assert_cmpint (json_array_get_int_element (numbers, 4), ==, G_MAXINT64);
  /* One past int64: kept as a double, not wrapped. */
  g_assert_cmpfloat (json_array_get_double_element (numbers, 5), ==, 9223372036854775808.0);
}

/* Random damage to a real file never crashes or hangs the reader, and every
 * refusal says where. */
static void
test_mutations_never_crash (void)
{
  const char *path = g_getenv ("MS_EXAMPLE_FILE");
  static const char alphabet[] = "{}[]\",:-+.0123456789eEtrufalsn \n\\/u'";
  g_autofree char *original = NULL;
  GRand *rand = g_rand_new_with_seed (488136);
  guint n_valid = 0;
  gsize length;

  g_assert_true (g_file_get_contents (path, &original, &length, NULL));

  for (guint i = 0; i < 1500; i++)
    {
      g_autoptr(GByteArray) data = g_byte_array_sized_new (length + 16);
      g_autoptr(GPtrArray) faults = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(MsDocument) document = NULL;
      guint n_edits = g_rand_int_range (rand, 1, 5);

      g_byte_array_append (data, (const guint8 *)original, length);
      for (guint e = 0; e < n_edits && data->len > 2; e++)
        {
          guint at = g_rand_int_range (rand, 0, data->len);

          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0:
              data->data[at] = (guint8)g_rand_int_range (rand, 0, 256);
              break;
            case 1:
              g_byte_array_remove_range (data, at, MIN (data->len - at, (guint)g_rand_int_range (rand, 1, 40)));
              break;
            case 2:
              {
                guint8 c = (guint8)alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];

                g_byte_array_append (data, &c, 1);
                memmove (data->data + at + 1, data->data + at, data->len - at - 1);
                data->data[at] = c;
              }
              break;
            default:
              g_byte_array_set_size (data, at);
              break;
            }
        }

      document = ms_json_read_document ((const char *)data->data, data->len, "mutant.json",
                                        &faults, &error);
      if (document != NULL)
        {
          g_autoptr(GBytes) written = ms_document_serialize (document, NULL);
          g_autoptr(MsDocument) reread = ms_document_new_from_data (g_bytes_get_data (written, NULL),
                                                                    g_bytes_get_size (written),
                                                                    "written", NULL, NULL);

          g_assert_null (faults);
          g_assert_nonnull (reread);
          n_valid++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpuint (faults->len, >=, 1);
          for (guint f = 0; f < faults->len; f++)
            {
              MsFault *fault = g_ptr_array_index (faults, f);

              g_assert_cmpuint (fault->line, >=, 1);
              g_assert_cmpuint (fault->column, >=, 1);
              g_assert_true (g_utf8_validate (fault->message, -1, NULL));
            }
        }
    }

  /* Some edits land inside strings and leave the file valid. */
  g_assert_cmpuint (n_valid, >, 0);
  g_rand_free (rand);
}

static void
test_limits (void)
{
  static const char exact[] = "{\"format\": \"minsheng\", \"version\": 1, \"year\": 2024, \"title\": \"t\", "
    "\"categories\": [{\"id\": \"a\", \"title\": \"甲\", \"groups\": [{\"number\": 1, \"title\": \"乙\", "
    "\"projects\": [{\"number\": 1, \"target\": \"丙\", \"indicators\": [{\"name\": \"n\", "
    "\"target\": 9007199254740993}]}]}]}]}";
  g_autoptr(GPtrArray) faults = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GString) many = g_string_new ("[");
  MsFault *fault;

  /* Above 2^53 a figure would change on save: refused, not altered. */
  document = ms_json_read_document (exact, strlen (exact), "big.json", &faults, &error);
  g_assert_null (document);
  fault = g_ptr_array_index (faults, 0);
  g_assert_cmpstr (fault->path, ==, "categories[0].groups[0].projects[0].indicators[0].target");
  g_assert_nonnull (strstr (fault->message, "too large to be kept exactly"));

  /* Figures beyond 10^15 are refused where they stand, and a number too
   * large for a double is quoted by its start only. */
  {
    static const struct {
      const char *figure;
      const char *message;
    } huge[] = {
      { "1000000000000001", "is larger than 10^15" },
      { "1e300", "is larger than 10^15" },
      { "-0.5", "must not be negative" },
      { "1e400", "the number 1e400 is too large" },
    };

    for (guint i = 0; i <= G_N_ELEMENTS (huge); i++)
      {
        g_autofree char *digits = g_strnfill (400, '7');
        const char *figure = i < G_N_ELEMENTS (huge) ? huge[i].figure : digits;
        g_autofree char *text = g_strdup_printf ("{\"format\": \"minsheng\", \"version\": 1, "
          "\"year\": 2024, \"title\": \"t\", \"categories\": [{\"id\": \"a\", \"title\": \"甲\", "
          "\"groups\": [{\"number\": 1, \"title\": \"乙\", \"projects\": [{\"number\": 1, "
          "\"target\": \"丙\", \"indicators\": [{\"name\": \"n\", \"target\": 1,\n"
          "\"actual\": %s}]}]}]}]}", figure);

        g_clear_pointer (&faults, g_ptr_array_unref);
        g_clear_error (&error);
        document = ms_json_read_document (text, strlen (text), "huge.json", &faults, &error);
        g_assert_null (document);
        g_assert_cmpuint (faults->len, ==, 1);
        fault = g_ptr_array_index (faults, 0);
        g_assert_cmpuint (fault->line, ==, 2);
        g_assert_cmpuint (fault->column, ==, 11);
        g_assert_cmpstr (fault->path, ==, "categories[0].groups[0].projects[0].indicators[0].actual");
        if (i < G_N_ELEMENTS (huge))
          g_assert_nonnull (strstr (fault->message, huge[i].message));
        else
          g_assert_cmpstr (fault->message, ==, "the number 77777777777777777777… is too large");
      }
  }

  /* Too many values is refused early, whatever the file size. */
  for (guint i = 0; i <= MS_JSON_MAX_VALUES; i++)
    g_string_append (many, "0,");
  g_string_append (many, "0]");
  g_clear_pointer (&faults, g_ptr_array_unref);
  g_clear_error (&error);
  document = ms_json_read_document (many->str, many->len, "many.json", &faults, &error);
  g_assert_null (document);
  g_assert_nonnull (strstr (error->message, "too many for a yearly file"));
}

/* The start of a yearly file with one group, for projects to be appended. */
#define DOCUMENT_HEAD "{\"format\":\"minsheng\",\"version\":1,\"year\":2024,\"title\":\"t\"," \
  "\"categories\":[{\"id\":\"a\",\"title\":\"甲\",\"groups\":[{\"number\":1,\"title\":\"乙\",\"projects\":["

static MsDocument *
read_text (const char *text,
           gssize      length)
{
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_json_read_document (text, length < 0 ? strlen (text) : (gsize)length,
                                                "test.json", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Opens @written again and checks that it holds the same document: written
 * again in the same form, it gives the same bytes. */
static void
assert_reopens (GBytes   *written,
                gboolean  compact)
{
  g_autoptr(MsDocument) reread = read_text (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  g_autoptr(GBytes) again = _ms_json_write_document_unchecked (reread, compact);

  g_assert_true (g_bytes_equal (written, again));
}

/* The number of values ms_json_parse() counts in @node. */
static guint
count_values (JsonNode *node)
{
  guint n = 1;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

      for (const GList *iter = members; iter != NULL; iter = iter->next)
        n += count_values (iter->data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        n += count_values (json_array_get_element (array, i));
    }

  return n;
}

static void
assert_read_refused (GBytes     *bytes,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = ms_json_read_document (g_bytes_get_data (bytes, NULL),
                                                          g_bytes_get_size (bytes), "test.json",
                                                          NULL, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
}

/* A valid file with an unknown member 200 lists deep used to be saved with
 * each level indented further: 29 MB that would not open again. */
static void
test_write_deep_unknown_member (void)
{
  const guint levels = 200;
  const guint n_leaves = 60000;
  g_autoptr(GString) text = g_string_new (DOCUMENT_HEAD "{\"number\":1,\"target\":\"t\"}]}]}],\"x\":");
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < n_leaves; i++)
    g_string_append (text, i > 0 ? ",[]" : "[]");
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  document = read_text (text->str, text->len);
  written = ms_json_write_document (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_test_message ("%u levels, %" G_GSIZE_FORMAT " bytes read, %" G_GSIZE_FORMAT " written",
                  levels, text->len, g_bytes_get_size (written));

  /* Deep down, one line: no larger than the file read, with room for ", ". */
  g_assert_cmpuint (g_bytes_get_size (written), <, text->len * 2);
  data = g_bytes_get_data (written, NULL);
  g_assert_nonnull (strstr (data, "\n  \"x\": [\n    [\n      [\n        [\n          [[[[[[["));
  g_assert_nonnull (strstr (data, "[[], [], []"));
  assert_reopens (written, FALSE);
}

static void
append_project (GString *text,
                guint    number)
{
  g_string_append_printf (text,
    "%s{\"number\":%u,\"target\":\"全年新、改建农村公路80公里,改造危旧桥梁20座,新增城镇就业岗位5000个,"
    "完成老旧小区改造30个。\",\"departments\":[\"市交通运输局\",\"市公路事业发展中心\"],"
    "\"partners\":[\"市财政局\"],\"completion\":\"全市新建农村公路113.9公里,改造危桥28座,"
    "新增就业5210人。\",\"status\":\"completed\",\"note\":\"\",\"indicators\":["
    "{\"name\":\"新建农村公路\",\"unit\":\"公里\",\"target\":80,\"actual\":113.9,\"comparison\":\"exactly\"},"
    "{\"name\":\"改造危旧桥梁\",\"unit\":\"座\",\"target\":20,\"actual\":28,\"comparison\":\"at-least\"},"
    "{\"name\":\"新增城镇就业\",\"unit\":\"人\",\"target\":5000,\"actual\":5210,\"comparison\":\"at-least\"}]}",
    number > 1 ? "," : "", number);
}

/* A file that fits the limit minified, but would not indented (a minified
 * file of 15 000 projects, 10.1 MB, is 18.6 MB indented): it is written
 * without whitespace instead, and opens again. A long note fills the file
 * up to near the limit, so that few values keep the test fast. */
static void
test_write_compact_when_large (void)
{
  const guint n_projects = 1000;
  g_autoptr(GString) text = g_string_new (DOCUMENT_HEAD);
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GBytes) compact = NULL;
  g_autoptr(GBytes) indented = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  gsize note_length;

  for (guint i = 1; i <= n_projects; i++)
    append_project (text, i);
  g_string_append (text, "]}]}]}");

  document = read_text (text->str, text->len);
  compact = _ms_json_write_document_unchecked (document, TRUE);
  note_length = MS_JSON_MAX_SIZE - g_bytes_get_size (compact) - 4096;
  note = g_malloc (note_length + 1);
  memset (note, 'x', note_length);
  note[note_length] = '\0';
  ms_document_set_note (document, note);

  indented = _ms_json_write_document_unchecked (document, FALSE);
  g_assert_cmpuint (g_bytes_get_size (indented), >, MS_JSON_MAX_SIZE);
  assert_read_refused (indented, "too large for a yearly file");

  written = ms_json_write_document (document, &error);
  g_assert_no_error (error);
  g_assert_nonnull (written);
  g_test_message ("%" G_GSIZE_FORMAT " bytes indented, %" G_GSIZE_FORMAT " written",
                  g_bytes_get_size (indented), g_bytes_get_size (written));
  g_assert_cmpuint (g_bytes_get_size (written), ==, MS_JSON_MAX_SIZE - 4096);
  g_assert_null (memchr (g_bytes_get_data (written, NULL), '\n', g_bytes_get_size (written) - 1));
  assert_reopens (written, TRUE);
}

/* Too large even without whitespace: refused, saying by how much. */
static void
test_write_too_large_refused (void)
{
  g_autoptr(MsDocument) document = ms_document_new ();
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) unchecked = NULL;
  g_autoptr(GError) error = NULL;
  const gsize length = MS_JSON_MAX_SIZE + 1024 * 1024;
  g_autofree char *note = g_malloc (length + 1);

  memset (note, 'x', length);
  note[length] = '\0';
  ms_document_set_year (document, 2024);
  ms_document_set_title (document, "t");
  ms_document_set_note (document, note);

  written = ms_json_write_document (document, &error);
  g_assert_null (written);
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_test_message ("%s", error->message);
  /* g_format_size() puts a no-break space before the unit. */
  g_assert_nonnull (strstr (error->message, "more than the 16.8"));
  g_assert_nonnull (strstr (error->message, "MB this program can open again"));
  g_assert_nonnull (strstr (error->message, "Split the year"));

  unchecked = _ms_json_write_document_unchecked (document, TRUE);
  assert_read_refused (unchecked, "too large for a yearly file");
}

/* 56 000 small projects read fine, but each gains its default members on
 * save: more values than the reader takes, so the save is refused. */
static void
test_write_too_many_values_refused (void)
{
  const guint n_projects = 56000;
  g_autoptr(GString) text = g_string_new (DOCUMENT_HEAD);
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= n_projects; i++)
    g_string_append_printf (text, "%s{\"number\":%u,\"target\":\"t\"}", i > 1 ? "," : "", i);
  g_string_append (text, "]}]}]}");

  document = read_text (text->str, text->len);
  written = ms_json_write_document (document, &error);
  g_assert_null (written);
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  /* 3 values read per project, 9 written; the boundary itself is checked
   * by counts-like-reader. */
  g_assert_nonnull (strstr (error->message, "would hold 504017 values, more than the 500000 this "
                                            "program can open again"));
}

/* The writer counts values as the reader does: a document of exactly
 * MS_JSON_MAX_VALUES values is written, one more is refused. */
static void
test_write_counts_like_reader (void)
{
  g_autoptr(MsDocument) document = read_text (DOCUMENT_HEAD "{\"number\":1,\"target\":\"t\","
                                              "\"departments\":[\"甲\",\"乙\"]}]}]}]}", -1);
  g_autoptr(GBytes) base = _ms_json_write_document_unchecked (document, FALSE);
  g_autoptr(JsonNode) tree = parse_strict (g_bytes_get_data (base, NULL), g_bytes_get_size (base));
  /* The padding list itself is one value. */
  guint n_nulls = MS_JSON_MAX_VALUES - count_values (tree) - 1;

  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(JsonObject) members = json_object_new ();
      g_autoptr(JsonArray) pad = json_array_sized_new (n_nulls + extra);
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < n_nulls + extra; i++)
        json_array_add_null_element (pad);
      json_object_set_array_member (members, "pad", json_array_ref (pad));
      ms_node_set_extra (MS_NODE (document), members);

      written = ms_json_write_document (document, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          assert_reopens (written, FALSE);
        }
      else
        {
          /* The reader refuses MS_JSON_MAX_VALUES + 1 (see /json/limits). */
          g_assert_null (written);
          g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "would hold 500001 values"));
        }
    }
}

/* And depth as the reader does: MS_JSON_MAX_DEPTH levels are written, one
 * more is refused, naming the member. */
static void
test_write_depth_like_reader (void)
{
  for (guint extra = 0; extra <= 1; extra++)
    {
      g_autoptr(MsDocument) document = read_text (DOCUMENT_HEAD "]}]}]}", -1);
      g_autoptr(JsonObject) members = json_object_new ();
      g_autoptr(JsonNode) nested = json_node_init_int (json_node_alloc (), 7);
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;

      /* The root object is level 1; the member's lists start at level 2. */
      for (guint i = 0; i < MS_JSON_MAX_DEPTH - 1 + extra; i++)
        {
          JsonArray *array = json_array_new ();
          JsonNode *node = json_node_alloc ();

          json_array_add_element (array, g_steal_pointer (&nested));
          nested = json_node_init_array (node, array);
          json_array_unref (array);
        }
      json_object_set_member (members, "deep", g_steal_pointer (&nested));
      ms_node_set_extra (MS_NODE (document), members);

      written = ms_json_write_document (document, &error);
      if (extra == 0)
        {
          g_assert_no_error (error);
          assert_reopens (written, FALSE);
        }
      else
        {
          g_autoptr(GBytes) unchecked = _ms_json_write_document_unchecked (document, FALSE);

          g_assert_null (written);
          g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
          g_assert_nonnull (strstr (error->message, "nest 257 levels deep, more than the 256"));
          g_assert_nonnull (strstr (error->message, "“deep”"));
          assert_read_refused (unchecked, "nesting deeper than 256 levels");
        }
    }
}

static void
assert_not_regular (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_false (ms_file_load_contents (file, MS_JSON_MAX_SIZE, NULL, &contents, &length, NULL,
                                         &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_str_has_suffix (error->message, ":1:1: is not a regular file (a pipe or device); "
                                   "choose a file saved on disk"));
  g_clear_error (&error);

  document = ms_document_load (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
}

/* A pipe with no writer would block the open forever, a device never ends:
 * both are refused before they are opened. */
static void
test_special_files_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("minsheng-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  g_autofree char *link = g_build_filename (dir, "link.json", NULL);
  g_autofree char *good_link = g_build_filename (dir, "good.json", NULL);
  g_autoptr(GFile) good = g_file_new_for_path (good_link);
  g_autoptr(GError) error = NULL;
  g_autoptr(MsDocument) document = NULL;

  /* A hang fails the test (SIGALRM) instead of stalling the suite. */
  alarm (20);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  assert_not_regular (fifo);
  g_assert_cmpint (symlink (fifo, link), ==, 0);
  assert_not_regular (link);
  assert_not_regular ("/dev/null");
  assert_not_regular ("/dev/zero");

  /* A link to a regular file is fine. */
  g_assert_cmpint (symlink (g_getenv ("MS_EXAMPLE_FILE"), good_link), ==, 0);
  document = ms_document_load (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  alarm (0);
  g_unlink (good_link);
  g_unlink (link);
  g_unlink (fifo);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json/bundled-example", test_bundled_example);
  g_test_add_data_func ("/json/bundled-example-is-canonical/year-end", "luohe-2024.json",
                        test_bundled_example_is_canonical);
  g_test_add_data_func ("/json/bundled-example-is-canonical/in-progress", "example-city-2025.json",
                        test_bundled_example_is_canonical);
  g_test_add_func ("/json/unknown-members-kept", test_unknown_members_kept);
  g_test_add_func ("/json/numbers-survive", test_numbers_survive);
  g_test_add_func ("/json/string-escapes", test_string_escapes);
  g_test_add_func ("/json/bom-and-crlf", test_bom_and_crlf);
  g_test_add_func ("/json/document-note", test_document_note);
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/json/invalid/%s", bad_files[i].name);

      g_test_add_data_func (test_path, &bad_files[i], test_bad_file);
    }
  for (guint i = 0; i < G_N_ELEMENTS (year_faults); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/json/year/%s", year_faults[i].name);

      g_test_add_data_func (test_path, &year_faults[i], test_year_fault);
    }
  g_test_add_func ("/json/year/members", test_year_members);
  g_test_add_func ("/json/year/issuer-edits", test_year_issuer_edits);
  g_test_add_func ("/json/year/actual-from-progress", test_year_actual_from_progress);
  g_test_add_func ("/json/every-fault-listed", test_every_fault_listed);
  g_test_add_func ("/json/deep-nesting-refused", test_deep_nesting_refused);
  g_test_add_func ("/json/large-file-refused", test_large_file_refused);
  g_test_add_func ("/json/special-files-refused", test_special_files_refused);
  g_test_add_func ("/json/limits", test_limits);
  g_test_add_func ("/json/syntax-edge-cases", test_syntax_edge_cases);
  g_test_add_func ("/json/valid-json-accepted", test_valid_json_accepted);
  g_test_add_func ("/json/duplicate-in-large-object", test_duplicate_in_large_object);
  g_test_add_func ("/json/fault-columns-on-long-line", test_fault_columns_on_long_line);
  g_test_add_func ("/json/mutations-never-crash", test_mutations_never_crash);
  g_test_add_func ("/json/write/deep-unknown-member", test_write_deep_unknown_member);
  g_test_add_func ("/json/write/compact-when-large", test_write_compact_when_large);
  g_test_add_func ("/json/write/too-large-refused", test_write_too_large_refused);
  g_test_add_func ("/json/write/too-many-values-refused", test_write_too_many_values_refused);
  g_test_add_func ("/json/write/counts-like-reader", test_write_counts_like_reader);
  g_test_add_func ("/json/write/depth-like-reader", test_write_depth_like_reader);

  return g_test_run ();
}
