/* test-paste.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cells pasted from WPS or Excel onto the ledger's rows: reading the
 * clipboard's text, numbers as people type them, the plan of changes, the
 * refusals, and the one undo step that applies it. No display.
 */

#include "config.h"

#include <locale.h>

#include "ms-history.h"
#include "ms-paste.h"
#include "test-util.h"

static char **
row_of (GPtrArray *rows,
        guint      i)
{
  return g_ptr_array_index (rows, i);
}

static void
test_table_shapes (void)
{
  g_autoptr(GPtrArray) empty = ms_paste_parse_table ("");
  g_autoptr(GPtrArray) one = ms_paste_parse_table ("3000");
  g_autoptr(GPtrArray) column = ms_paste_parse_table ("1\n2\n3");
  g_autoptr(GPtrArray) block = ms_paste_parse_table ("a\tb\tc\nd\te\tf\n");
  g_autoptr(GPtrArray) blank_cells = ms_paste_parse_table ("\t\n\t\n");

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpstr (row_of (one, 0)[0], ==, "3000");
  g_assert_null (row_of (one, 0)[1]);
  g_assert_cmpuint (column->len, ==, 3);
  g_assert_cmpstr (row_of (column, 2)[0], ==, "3");
  g_assert_cmpuint (block->len, ==, 2);
  g_assert_cmpuint (g_strv_length (row_of (block, 1)), ==, 3);
  g_assert_cmpstr (row_of (block, 1)[2], ==, "f");
  g_assert_cmpuint (blank_cells->len, ==, 2);
  g_assert_cmpuint (g_strv_length (row_of (blank_cells, 0)), ==, 2);
  g_assert_cmpstr (row_of (blank_cells, 0)[0], ==, "");
}

/* Excel and WPS on Windows end every row with CRLF, the last one too. */
static void
test_table_line_ends (void)
{
  g_autoptr(GPtrArray) crlf = ms_paste_parse_table ("56\r\n3,000\r\n12.5\r\n");
  g_autoptr(GPtrArray) cr = ms_paste_parse_table ("1\r2\r");
  g_autoptr(GPtrArray) bom = ms_paste_parse_table ("\xEF\xBB\xBF" "7\r\n");
  g_autoptr(GPtrArray) empty_last = ms_paste_parse_table ("1\r\n\r\n");

  g_assert_cmpuint (crlf->len, ==, 3);
  g_assert_cmpstr (row_of (crlf, 0)[0], ==, "56");
  g_assert_cmpstr (row_of (crlf, 1)[0], ==, "3,000");
  g_assert_cmpstr (row_of (crlf, 2)[0], ==, "12.5");
  g_assert_cmpuint (cr->len, ==, 2);
  g_assert_cmpuint (bom->len, ==, 1);
  g_assert_cmpstr (row_of (bom, 0)[0], ==, "7");
  /* Only the last line end is dropped: an empty last cell is a row. */
  g_assert_cmpuint (empty_last->len, ==, 2);
  g_assert_cmpstr (row_of (empty_last, 1)[0], ==, "");
}

/* A cell holding a tab, a line end or a quote comes in quotes. */
static void
test_table_quoted_cells (void)
{
  g_autoptr(GPtrArray) rows = ms_paste_parse_table ("\"已完成\t验收\"\r\n\"第一行\r\n第二行\"\r\n\"说\"\"好\"\"的\"\r\n");
  g_autoptr(GPtrArray) unclosed = ms_paste_parse_table ("\"约3000\n5");
  g_autoptr(GPtrArray) inner = ms_paste_parse_table ("5\"寸\"\n");

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpuint (g_strv_length (row_of (rows, 0)), ==, 1);
  g_assert_cmpstr (row_of (rows, 0)[0], ==, "已完成\t验收");
  g_assert_cmpstr (row_of (rows, 1)[0], ==, "第一行\r\n第二行");
  g_assert_cmpstr (row_of (rows, 2)[0], ==, "说\"好\"的");
  /* Not closed: the quote is text, and the line end ends the row. */
  g_assert_cmpuint (unclosed->len, ==, 2);
  g_assert_cmpstr (row_of (unclosed, 0)[0], ==, "\"约3000");
  g_assert_cmpstr (row_of (inner, 0)[0], ==, "5\"寸\"");
}

static void
test_figures (void)
{
  static const struct {
    const char *text;
    gboolean    number;
    double      value;
  } cases[] = {
    { "3000", TRUE, 3000 },
    { " 3000 ", TRUE, 3000 },
    { "3,000", TRUE, 3000 },
    { "1,234,567.5", TRUE, 1234567.5 },
    { "12.5", TRUE, 12.5 },
    { "０", TRUE, 0 },
    { "３０００", TRUE, 3000 },
    { "３，０００．５", TRUE, 3000.5 },
    { "\xE3\x80\x80" "42\xC2\xA0", TRUE, 42 },
    { "-5", TRUE, -5 },
    { "约3000", FALSE, 0 },
    { "3000人", FALSE, 0 },
    { "3,00", FALSE, 0 },
    { "30,00,000", FALSE, 0 },
    { ",300", FALSE, 0 },
    { "3.", FALSE, 0 },
    { "", FALSE, 0 },
    { "已完成", FALSE, 0 },
    { "1e5", FALSE, 0 },
    { "85%", FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (ms_paste_parse_figure (cases[i].text, &value), ==, cases[i].number);
      if (cases[i].number)
        g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

typedef struct
{
  MsDocument *document;
  MsHistory  *history;
  GPtrArray  *projects;
  MsScheduleContext context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->document = ms_test_generate_document (5);
  ms_document_set_as_of (fixture->document, ms_date_from_ymd (2025, 6, 30));
  fixture->history = ms_history_new (fixture->document);
  fixture->projects = ms_node_collect_projects (MS_NODE (fixture->document));
  /* The three rows selected: the second, third and fourth project. */
  g_ptr_array_remove_index (fixture->projects, 4);
  g_ptr_array_remove_index (fixture->projects, 0);
  ms_schedule_context_init (&fixture->context, fixture->document, MS_DATE_NONE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->projects, g_ptr_array_unref);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->document);
}

static MsProject *
project_at (Fixture *fixture,
            guint    i)
{
  return g_ptr_array_index (fixture->projects, i);
}

static void
assert_refused (Fixture    *fixture,
                const char *text,
                int         code,
                const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsPastePlan) plan = ms_paste_plan_new (text, fixture->projects, &fixture->context, &error);

  g_assert_null (plan);
  g_assert_error (error, MS_PASTE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MsPastePlan) plan = NULL;

  assert_refused (fixture, "1\n2\n3\n4\n5\n", MS_PASTE_ERROR_SHAPE, "5 values for 3 selected rows");
  assert_refused (fixture, "1\n2\n", MS_PASTE_ERROR_SHAPE, "2 values for 3 selected rows");
  assert_refused (fixture, "1\ta\tx\n2\tb\ty\n3\tc\tz\n", MS_PASTE_ERROR_SHAPE, "3 columns");
  assert_refused (fixture, "1\t4\n2\t5\n3\t6\n", MS_PASTE_ERROR_SHAPE, "same kind");
  assert_refused (fixture, "a\td\nb\te\nc\tf\n", MS_PASTE_ERROR_SHAPE, "same kind");
  assert_refused (fixture, "1\ta\n约2\tb\n3\tc\n", MS_PASTE_ERROR_NOT_A_FIGURE, "Value 2, “约2”");
  assert_refused (fixture, "3000\n约3000\n12\n", MS_PASTE_ERROR_NOT_A_FIGURE, "Value 2, “约3000”, is not a number");
  assert_refused (fixture, "3,00\r\n4\r\n5\r\n", MS_PASTE_ERROR_NOT_A_FIGURE, "Value 1, “3,00”");
  assert_refused (fixture, "1\n-5\n3\n", MS_PASTE_ERROR_NOT_A_FIGURE, "Value 2, “-5”, cannot be a reported figure");
  assert_refused (fixture, "", MS_PASTE_ERROR_EMPTY, "no text");
  assert_refused (fixture, "\r\n\r\n\r\n", MS_PASTE_ERROR_EMPTY, "empty");

  plan = ms_paste_plan_new ("1\n", none, &fixture->context, &error);
  g_assert_null (plan);
  g_assert_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NO_ROWS);
}

/* A figure column with Excel's CRLF and last line end, thousands separators
 * and full-width digits: each row's key indicator, as one undo step. */
static void
test_figure_column (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsPastePlan) plan = NULL;
  MsIndicator *indicators[3];
  gboolean had_actual[3];
  double old_actual[3];
  static const double pasted[3] = { 3000, 12.5, 77 };

  for (guint i = 0; i < 3; i++)
    {
      indicators[i] = ms_project_get_key_indicator (project_at (fixture, i), &fixture->context);
      g_assert_nonnull (indicators[i]);
      had_actual[i] = ms_indicator_get_has_actual (indicators[i]);
      old_actual[i] = ms_indicator_get_actual (indicators[i]);
    }

  plan = ms_paste_plan_new ("3,000\r\n12.5\r\n７７\r\n", fixture->projects, &fixture->context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ms_paste_plan_get_field (plan), ==, MS_PASTE_ACTUAL);
  g_assert_cmpuint (ms_paste_plan_get_n_changes (plan), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const MsPasteChange *change = ms_paste_plan_get_change (plan, i);

      g_assert_true (change->project == project_at (fixture, i));
      g_assert_true (change->indicator == indicators[i]);
      g_assert_cmpint (change->had_actual, ==, had_actual[i]);
      g_assert_cmpfloat (change->old_actual, ==, old_actual[i]);
      g_assert_cmpfloat (change->new_actual, ==, pasted[i]);
    }

  ms_paste_plan_apply (plan, fixture->history);
  for (guint i = 0; i < 3; i++)
    {
      const MsTimelineEntry *last = ms_timeline_get_last (ms_indicator_get_progress (indicators[i]));

      g_assert_true (ms_indicator_get_has_actual (indicators[i]));
      g_assert_cmpfloat (ms_indicator_get_actual (indicators[i]), ==, pasted[i]);
      /* Progress for the reporting date, as the form records it. */
      g_assert_nonnull (last);
      g_assert_cmpuint (last->date, ==, ms_date_from_ymd (2025, 6, 30));
      g_assert_cmpfloat (last->value, ==, pasted[i]);
    }

  /* One step: one undo restores all three, one redo sets them again. */
  g_assert_true (ms_history_undo (fixture->history));
  g_assert_false (ms_history_get_can_undo (fixture->history));
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (ms_indicator_get_has_actual (indicators[i]), ==, had_actual[i]);
      g_assert_cmpfloat (ms_indicator_get_actual (indicators[i]), ==, old_actual[i]);
      g_assert_null (ms_timeline_get_at (ms_indicator_get_progress (indicators[i]), ms_date_from_ymd (2025, 6, 30)));
    }
  g_assert_true (ms_history_redo (fixture->history));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat (ms_indicator_get_actual (indicators[i]), ==, pasted[i]);
}

/* A block of texts beside figures (either order) sets both, row by row;
 * an empty cell leaves its field alone; all of it is one undo step. */
static void
test_figures_beside_texts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsPastePlan) plan = NULL;
  g_autofree char *first_text = g_strdup (ms_project_get_completion (project_at (fixture, 0)));
  g_autofree char *second_text = g_strdup (ms_project_get_completion (project_at (fixture, 1)));
  g_autofree char *third_text = g_strdup (ms_project_get_completion (project_at (fixture, 2)));
  MsIndicator *first = ms_project_get_key_indicator (project_at (fixture, 0), &fixture->context);
  MsIndicator *second = ms_project_get_key_indicator (project_at (fixture, 1), &fixture->context);
  double first_actual = ms_indicator_get_actual (first);
  double second_actual = ms_indicator_get_actual (second);
  const MsPasteChange *change;

  plan = ms_paste_plan_new ("已开工建设\t3,000\r\n\t12.5\r\n已完工\t\r\n", fixture->projects, &fixture->context,
                            &error);
  g_assert_no_error (error);
  g_assert_cmpint (ms_paste_plan_get_field (plan), ==, MS_PASTE_ACTUAL_AND_COMPLETION);
  g_assert_cmpuint (ms_paste_plan_get_n_changes (plan), ==, 3);

  change = ms_paste_plan_get_change (plan, 0);
  g_assert_true (change->indicator == first);
  g_assert_cmpfloat (change->new_actual, ==, 3000);
  g_assert_cmpstr (change->new_text, ==, "已开工建设");
  change = ms_paste_plan_get_change (plan, 1);
  g_assert_true (change->indicator == second);
  g_assert_null (change->new_text);
  change = ms_paste_plan_get_change (plan, 2);
  g_assert_null (change->indicator);
  g_assert_cmpstr (change->new_text, ==, "已完工");

  ms_paste_plan_apply (plan, fixture->history);
  g_assert_cmpfloat (ms_indicator_get_actual (first), ==, 3000);
  g_assert_cmpfloat (ms_indicator_get_actual (second), ==, 12.5);
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 0)), ==, "已开工建设");
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 1)), ==, second_text);
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 2)), ==, "已完工");

  g_assert_true (ms_history_undo (fixture->history));
  g_assert_false (ms_history_get_can_undo (fixture->history));
  g_assert_cmpfloat (ms_indicator_get_actual (first), ==, first_actual);
  g_assert_cmpfloat (ms_indicator_get_actual (second), ==, second_actual);
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 0)), ==, first_text);
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 2)), ==, third_text);

  /* The same block in the other order reads the same. */
  {
    g_autoptr(MsPastePlan) swapped = ms_paste_plan_new ("3,000\t已开工建设\n12.5\t\n\t已完工\n", fixture->projects,
                                                        &fixture->context, &error);

    g_assert_no_error (error);
    g_assert_cmpint (ms_paste_plan_get_field (swapped), ==, MS_PASTE_ACTUAL_AND_COMPLETION);
    g_assert_cmpuint (ms_paste_plan_get_n_changes (swapped), ==, 3);
    g_assert_cmpstr (ms_paste_plan_get_change (swapped, 0)->new_text, ==, "已开工建设");
    g_assert_cmpfloat (ms_paste_plan_get_change (swapped, 1)->new_actual, ==, 12.5);
  }
}

/* Texts set the completion texts; empty cells and equal values change nothing. */
static void
test_text_column (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MsPastePlan) plan = NULL;
  g_autofree char *second_before = g_strdup (ms_project_get_completion (project_at (fixture, 1)));
  g_autofree char *third_before = g_strdup (ms_project_get_completion (project_at (fixture, 2)));

  plan = ms_paste_plan_new ("\"已完工\t待验收\"\r\n\r\n约3000户\r\n", fixture->projects, &fixture->context, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ms_paste_plan_get_field (plan), ==, MS_PASTE_COMPLETION);
  g_assert_cmpuint (ms_paste_plan_get_n_changes (plan), ==, 2);
  g_assert_true (ms_paste_plan_get_change (plan, 0)->project == project_at (fixture, 0));
  g_assert_cmpstr (ms_paste_plan_get_change (plan, 0)->new_text, ==, "已完工\t待验收");
  g_assert_true (ms_paste_plan_get_change (plan, 1)->project == project_at (fixture, 2));
  g_assert_cmpstr (ms_paste_plan_get_change (plan, 1)->old_text, ==, third_before);
  g_assert_cmpstr (ms_paste_plan_get_change (plan, 1)->new_text, ==, "约3000户");

  ms_paste_plan_apply (plan, fixture->history);
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 0)), ==, "已完工\t待验收");
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 1)), ==, second_before);
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 2)), ==, "约3000户");
  g_assert_true (ms_history_undo (fixture->history));
  g_assert_cmpstr (ms_project_get_completion (project_at (fixture, 2)), ==, third_before);
  g_assert_false (ms_history_get_can_undo (fixture->history));

  /* The same texts again would change nothing: said, not an empty step. */
  {
    g_autoptr(MsPastePlan) same = NULL;
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; i < 3; i++)
      g_string_append_printf (text, "%s\n", ms_project_get_completion (project_at (fixture, i)));
    same = ms_paste_plan_new (text->str, fixture->projects, &fixture->context, &error);
    g_assert_null (same);
    g_assert_error (error, MS_PASTE_ERROR, MS_PASTE_ERROR_NOTHING_CHANGES);
  }
}

static void
test_no_indicator (Fixture       *fixture,
                   gconstpointer  data)
{
  MsProject *project = project_at (fixture, 1);

  while (ms_project_get_n_indicators (project) > 0)
    g_object_unref (ms_project_remove_indicator (project, 0));
  assert_refused (fixture, "1\n2\n3\n", MS_PASTE_ERROR_NO_INDICATOR, "has no indicator");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paste/table-shapes", test_table_shapes);
  g_test_add_func ("/paste/table-line-ends", test_table_line_ends);
  g_test_add_func ("/paste/table-quoted-cells", test_table_quoted_cells);
  g_test_add_func ("/paste/figures", test_figures);
  g_test_add ("/paste/refusals", Fixture, NULL, fixture_set_up, test_refusals, fixture_tear_down);
  g_test_add ("/paste/figure-column", Fixture, NULL, fixture_set_up, test_figure_column, fixture_tear_down);
  g_test_add ("/paste/text-column", Fixture, NULL, fixture_set_up, test_text_column, fixture_tear_down);
  g_test_add ("/paste/figures-beside-texts", Fixture, NULL, fixture_set_up, test_figures_beside_texts,
              fixture_tear_down);
  g_test_add ("/paste/no-indicator", Fixture, NULL, fixture_set_up, test_no_indicator, fixture_tear_down);

  return g_test_run ();
}
