/* test-units.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ms-category.h"
#include "ms-chart.h"
#include "ms-csv.h"
#include "ms-group.h"
#include "ms-indicator.h"
#include "ms-l10n.h"
#include "ms-project.h"
#include "ms-schedule.h"
#include "test-util.h"

/* Figures as each language writes them: one rule, ms_l10n_present_figure(). */
static void
test_figures (void)
{
  static const struct {
    const char *language;
    double      value;
    const char *unit;
    const char *expected;
  } figures[] = {
    /* English folds 万 and 亿 into the figure and names the unit. */
    { "en", 4.7, "万人次", "47,000 person-times" },
    { "en", 30000, "万元", "300,000,000 yuan" },
    { "en", 70, "万平方米", "700,000 m²" },
    { "en", 1.5, "亿元", "150,000,000 yuan" },
    { "en", 1.1778, "亿元", "117,780,000 yuan" },
    { "en", 2, "万亿元", "2,000,000,000,000 yuan" },
    { "en", 2, "万名", "20,000 people" },
    { "en", 113.9, "公里", "113.9 km" },
    { "en", 83.37, "千米", "83.37 km" },
    { "en", 1139.5, "米", "1,139.5 m" },
    { "en", 20, "立方米", "20 m³" },
    { "en", 12.5, "公顷", "12.5 ha" },
    { "en", 300, "亩", "300 mu" },
    { "en", 5, "吨", "5 t" },
    { "en", 2529, "户", "2,529 households" },
    { "en", 47350, "人", "47,350 people" },
    { "en", 3500, "名", "3,500 people" },
    { "en", 150, "场次", "150 sessions" },
    { "en", 39, "场", "39 events" },
    { "en", 20, "座", "20 facilities" },
    { "en", 72, "处", "72 sites" },
    { "en", 200, "家", "200 establishments" },
    { "en", 356, "台", "356 units" },
    { "en", 500, "个", "500 units" },
    /* One takes the singular. */
    { "en", 1, "所", "1 institution" },
    { "en", 4, "所", "4 institutions" },
    { "en", 1, "人", "1 person" },
    { "en", 1, "人次", "1 person-time" },
    { "en", 1, "公里", "1 km" },
    { "en", 0, "人", "0 people" },
    /* A unit outside the glossary stays as written, after plain digits. */
    { "en", 12, "盏", "12 盏" },
    { "en", 1.2, "万盏", "12,000 盏" },
    { "en", 3, "千万元", "3 千万元" },
    /* Shares and bare numbers. */
    { "en", 85.37, "%", "85.37%" },
    { "en", 5, "‰", "5‰" },
    { "en", 0, "", "0" },
    { "en", 2500000000.0, "元", "2,500,000,000 yuan" },
    { "en", 1234567, "", "1,234,567" },
    /* No digits the file did not write, and none lost. */
    { "en", 4.35, "万人", "43,500 people" },
    { "en", 3.6573, "万人次", "36,573 person-times" },
    { "en", 3.65734, "万人", "36,573.4 people" },
    { "en", 32.98, "公里", "32.98 km" },
    /* Chinese stays exactly as the data writes it. */
    { "zh_CN", 4.7, "万人次", "4.7万人次" },
    { "zh_CN", 30000, "万元", "30000万元" },
    { "zh_CN", 70, "万平方米", "70万平方米" },
    { "zh_CN", 1.1778, "亿元", "1.18亿元" },
    { "zh_CN", 113.9, "公里", "113.9公里" },
    { "zh_CN", 47350, "人", "47350人" },
    { "zh_CN", 113000, "人", "11.3万人" },
    { "zh_CN", 250000000, "元", "2.5亿元" },
    { "zh_CN", 4, "所", "4所" },
    { "zh_CN", 12, "盏", "12盏" },
    { "zh_CN", 85.37, "%", "85.37%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *text = ms_l10n_format_figure (figures[i].language, figures[i].value, figures[i].unit);

      g_test_message ("%s %g %s → %s", figures[i].language, figures[i].value, figures[i].unit, text);
      g_assert_cmpstr (text, ==, figures[i].expected);
    }
}

static void
test_numbers (void)
{
  static const struct {
    const char *language;
    double      value;
    const char *expected;
  } numbers[] = {
    { "en", 47000, "47,000" },
    { "en", 300000000, "300,000,000" },
    { "en", 2500000000.0, "2,500,000,000" },
    { "en", 1139.5, "1,139.5" },
    { "en", 999.95, "1,000" },
    { "en", 12.346, "12.35" },
    { "en", -47000, "-47,000" },
    { "en", 0, "0" },
    { "en", NAN, "—" },
    { "zh_CN", 47000, "47000" },
    { "zh_CN", 300000000, "3亿" },
    { "zh_CN", 113000, "11.3万" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *text = ms_l10n_format_number (numbers[i].language, numbers[i].value);

      g_assert_cmpstr (text, ==, numbers[i].expected);
      g_assert_null (strstr (text, "million"));
      g_assert_null (strstr (text, "billion"));
    }
}

/* The figure and unit apart, for a CSV's columns and a chart's axis. */
static void
test_present_apart (void)
{
  double shown = 0;
  g_autofree char *axis_en = ms_l10n_format_figure_value ("en", 4.7, "万人次");
  g_autofree char *axis_zh = ms_l10n_format_figure_value ("zh_CN", 4.7, "万人次");

  g_assert_cmpstr (ms_l10n_present_figure ("en", 4.7, "万人次", &shown), ==, "person-times");
  g_assert_cmpfloat (shown, ==, 47000);
  g_assert_cmpstr (ms_l10n_present_figure ("en", 1.1778, "亿元", &shown), ==, "yuan");
  g_assert_cmpfloat (shown, ==, 117780000);
  g_assert_cmpstr (ms_l10n_present_figure ("en", 4.35, "万人", &shown), ==, "people");
  g_assert_cmpfloat (shown, ==, 43500);
  g_assert_cmpstr (ms_l10n_present_figure ("en", 1.2, "万盏", &shown), ==, "盏");
  g_assert_cmpfloat (shown, ==, 12000);
  /* A heading has no figure, so no singular. */
  g_assert_cmpstr (ms_l10n_present_figure ("en", 1, "所", NULL), ==, "institutions");
  g_assert_cmpstr (ms_l10n_present_figure ("en", 0, NULL, NULL), ==, "");

  g_assert_cmpstr (ms_l10n_present_figure ("zh_CN", 4.7, "万人次", &shown), ==, "万人次");
  g_assert_cmpfloat (shown, ==, 4.7);

  g_assert_cmpstr (axis_en, ==, "47,000");
  g_assert_cmpstr (axis_zh, ==, "4.7");
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static gboolean
has_han (const char *text)
{
  for (const char *s = text; *s; s = g_utf8_next_char (s))
    {
      if (is_han (g_utf8_get_char (s)))
        return TRUE;
    }
  return FALSE;
}

/* Every text of the file but its units: what English output may quote. An
 * array of names is also taken whole, as lists write it (市教育局、市民政局). */
static void
collect_free_texts (JsonNode   *node,
                    const char *member,
                    GPtrArray  *texts)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        collect_free_texts (json_object_get_member (object, l->data), l->data, texts);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) joined = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          collect_free_texts (element, member, texts);
          if (JSON_NODE_HOLDS_VALUE (element) && json_node_get_value_type (element) == G_TYPE_STRING)
            g_string_append_printf (joined, "%s%s", i > 0 ? "、" : "", json_node_get_string (element));
        }
      if (joined->len > 0)
        g_ptr_array_add (texts, g_string_free (g_steal_pointer (&joined), FALSE));
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
           g_strcmp0 (member, "unit") != 0)
    g_ptr_array_add (texts, g_strdup (json_node_get_string (node)));
}

static GPtrArray *
load_free_texts (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  json_parser_load_from_file (parser, g_getenv ("MS_EXAMPLE_FILE"), &error);
  g_assert_no_error (error);
  collect_free_texts (json_parser_get_root (parser), NULL, texts);
  return texts;
}

static gboolean
quotes_free_text (GPtrArray  *texts,
                  const char *piece,
                  gboolean    whole_or_long)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (!whole_or_long && strstr (text, piece) != NULL)
        return TRUE;
      /* A short piece could be a unit found inside a text ("人次"): only a
       * whole text (团市委) or a longer part of one is quoted text. */
      if (whole_or_long && (g_str_equal (text, piece) ||
                            (g_utf8_strlen (piece, -1) >= 5 && strstr (text, piece) != NULL)))
        return TRUE;
    }
  return FALSE;
}

/* English output never writes a Chinese word next to a figure, except in
 * text quoted from the file: "47,000 人次", "4 所" and "300 million 元"
 * fail; "9 建成160个以上老年助餐" (a number, then a pledge) passes. The
 * file's texts write no space between a figure and its unit, and the
 * English figures always do, so a space tells our figures apart. A line
 * break ends the figure: pdftotext breaks lines where the page wraps. */
static void
assert_english_figures (const char *what,
                        const char *output,
                        GPtrArray  *texts)
{
  g_assert_null (strstr (output, "million"));
  g_assert_null (strstr (output, "billion"));

  for (const char *s = output; *s; s = g_utf8_next_char (s))
    {
      g_autoptr(GString) digits = g_string_new (NULL);
      const char *end = s;
      const char *after;
      gboolean spaced;

      if (!g_ascii_isdigit (*s) || (s > output && (g_ascii_isdigit (s[-1]) || s[-1] == ',' || s[-1] == '.')))
        continue;

      while (g_ascii_isdigit (*end) || ((*end == ',' || *end == '.') && g_ascii_isdigit (end[1])))
        {
          if (*end != ',')
            g_string_append_c (digits, *end);
          end++;
        }

      after = end;
      while (*after == ' ')
        after++;
      spaced = after > end;
      if (!is_han (g_utf8_get_char (after)))
        continue;

      if (spaced)
        {
          const char *word_end = after;
          g_autofree char *word = NULL;

          while (*word_end && !g_ascii_isspace (*word_end))
            word_end = g_utf8_next_char (word_end);
          word = g_strndup (after, word_end - after);
          if (!quotes_free_text (texts, word, TRUE))
            g_error ("%s: a figure with a Chinese word: “%.*s”", what, (int)(word_end - s), s);
        }
      else
        {
          g_autofree char *figure = g_strdup_printf ("%s%.*s", digits->str,
                                                     (int)(g_utf8_next_char (after) - after), after);

          if (!quotes_free_text (texts, figure, FALSE))
            g_error ("%s: a figure with a Chinese word: “%s”", what, figure);
        }
    }
}

/* Every indicator of the bundled file in words, as the window's rows, the
 * report's cards and the screen reader give it: figures only. */
static void
test_example_indicators (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  MsScheduleContext context;
  guint n_indicators = 0;

  ms_schedule_context_init (&context, document, MS_DATE_NONE);

  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      GListModel *indicators = ms_project_get_indicators (project);

      for (guint k = 0; k < g_list_model_get_n_items (indicators); k++)
        {
          MsIndicator *indicator = ms_project_get_indicator (project, k);
          g_autofree char *line = ms_chart_format_indicator (indicator, "en");
          g_autofree char *described = ms_chart_describe_progress (indicator, &context,
                                                                   ms_schedule_context_get_deadline (&context, project),
                                                                   "en");
          g_autofree char *figures = NULL;
          g_auto(GStrv) around_name = NULL;

          g_test_message ("%s", line);
          g_assert_false (has_han (line));
          g_assert_null (strstr (line, "million"));

          /* The description names the indicator (the file's text); the rest is figures. */
          around_name = g_strsplit (described, ms_indicator_get_name (indicator), -1);
          figures = g_strjoinv ("", around_name);
          g_assert_false (has_han (figures));
          n_indicators++;
        }
    }

  g_assert_cmpuint (n_indicators, ==, 58);
}

static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The English CSV: units from the glossary, figures as plain numbers. */
static void
test_example_csv (void)
{
  g_autoptr(MsDocument) document = ms_test_load_example ();
  g_autoptr(GBytes) bytes = ms_csv_export (document, "en", FALSE);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) texts = load_free_texts ();
  g_auto(GStrv) lines = g_strsplit (text, "\r\n", -1);
  g_auto(GStrv) headings = g_strsplit (lines[0], ",", -1);
  guint first_unit = 0;
  guint n_figures = 0;

  while (headings[first_unit] != NULL && !g_str_equal (headings[first_unit], "Unit 1"))
    first_unit++;
  g_assert_nonnull (headings[first_unit]);

  /* No field of the example holds a line break; quoted fields with commas
   * are read by their quotes. */
  for (guint row = 1; lines[row] != NULL && lines[row][0] != '\0'; row++)
    {
      g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
      const char *s = lines[row];

      while (TRUE)
        {
          g_autoptr(GString) field = g_string_new (NULL);

          if (*s == '"')
            {
              for (s++; *s && !(*s == '"' && s[1] != '"'); s++)
                {
                  if (*s == '"')
                    s++;
                  g_string_append_c (field, *s);
                }
              if (*s == '"')
                s++;
            }
          else
            while (*s && *s != ',')
              g_string_append_c (field, *s++);
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          if (*s != ',')
            break;
          s++;
        }

      /* Name, unit, target, actual, rate, for each indicator. */
      for (guint column = first_unit; column + 3 < fields->len; column += 5)
        {
          const char *unit = g_ptr_array_index (fields, column);

          g_assert_false (has_han (unit));
          for (guint figure = column + 1; figure <= column + 3; figure++)
            {
              const char *value = g_ptr_array_index (fields, figure);
              char *end = NULL;

              g_assert_false (has_han (value));
              if (value[0] == '\0' || figure == column + 3)
                continue;
              g_ascii_strtod (value, &end);
              g_assert_cmpstr (end, ==, "");
              n_figures++;
            }
        }
    }

  /* 58 targets and 55 reported figures. */
  g_assert_cmpuint (n_figures, ==, 58 + 55);
  /* 4.7 万人次 and 3 亿元 of the example, folded. */
  g_assert_nonnull (strstr (text, ",person-times,47000,100000,212.8%"));
  g_assert_nonnull (strstr (text, ",yuan,300000000,475000000,158.3%"));
  assert_english_figures ("export-csv", text, texts);
}

/* The CLI's English summary and CSV, and the English report as pdftotext
 * reads it: no Chinese word next to a figure outside the file's texts. */
static void
test_example_outputs (void)
{
  g_autoptr(GPtrArray) texts = load_free_texts ();
  g_autofree char *dir = g_dir_make_tmp ("ms-units-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  const char *cli = g_getenv ("MS_CLI");
  const char * const summary_argv[] = { cli, "summary", example, NULL };
  const char * const csv_argv[] = { cli, "export-csv", example, "--lang", "en", NULL };
  const char * const report_argv[] = { cli, "report", example, "-o", pdf, "--lang", "en", NULL };
  const char * const text_argv[] = { "pdftotext", "-raw", pdf, "-", NULL };
  g_autofree char *summary = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *report = NULL;
  g_autofree char *report_text = NULL;

  g_assert_nonnull (cli);
  /* The summary follows the interface: the tests run it in English. */
  g_assert_false (ms_l10n_is_chinese (NULL));

  summary = run_tool (summary_argv);
  assert_english_figures ("summary", summary, texts);

  csv = run_tool (csv_argv);
  assert_english_figures ("export-csv", csv, texts);

  report = run_tool (report_argv);
  report_text = run_tool (text_argv);
  g_assert_nonnull (strstr (report_text, "47,000 person-times → 100,000 person-times (212.8%)"));
  g_assert_nonnull (strstr (report_text, "7,000,000 m² → 7,200,000 m² (102.9%)"));
  assert_english_figures ("report", report_text, texts);

  g_remove (pdf);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/units/figures", test_figures);
  g_test_add_func ("/units/numbers", test_numbers);
  g_test_add_func ("/units/present-apart", test_present_apart);
  g_test_add_func ("/units/example-indicators", test_example_indicators);
  g_test_add_func ("/units/example-csv", test_example_csv);
  g_test_add_func ("/units/example-outputs", test_example_outputs);

  return g_test_run ();
}
