/* test-history.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ms-document.h"
#include "ms-edits.h"
#include "ms-history.h"
#include "ms-json.h"

/* Two categories of two groups of three projects of two indicators, every
 * node titled after its place ("c1", "c1g0", "c1g0p2", "c1g0p2i1"). */
static MsDocument *
make_document (void)
{
  MsDocument *document = ms_document_new ();

  ms_document_set_title (document, "测试市2025年民生实事");
  ms_document_set_year (document, 2025);

  for (guint c = 0; c < 2; c++)
    {
      g_autoptr(MsCategory) category = ms_category_new ();
      g_autofree char *category_id = g_strdup_printf ("c%u", c);

      ms_category_set_id (category, category_id);
      for (guint g = 0; g < 2; g++)
        {
          g_autoptr(MsGroup) group = ms_group_new ();
          g_autofree char *group_title = g_strdup_printf ("%sg%u", category_id, g);

          ms_group_set_number (group, g + 1);
          ms_group_set_title (group, group_title);
          for (guint p = 0; p < 3; p++)
            {
              g_autoptr(MsProject) project = ms_project_new ();
              g_autofree char *project_target = g_strdup_printf ("%sp%u", group_title, p);

              ms_project_set_number (project, p + 1);
              ms_project_set_target (project, project_target);
              for (guint i = 0; i < 2; i++)
                {
                  g_autoptr(MsIndicator) indicator = ms_indicator_new ();
                  g_autofree char *name = g_strdup_printf ("%si%u", project_target, i);

                  ms_indicator_set_name (indicator, name);
                  ms_indicator_set_target (indicator, 20);
                  /* The first indicator reported 18, the second nothing yet. */
                  if (i == 0)
                    ms_indicator_set_actual (indicator, 18);
                  ms_project_insert_indicator (project, i, indicator);
                }
              ms_group_insert_project (group, p, project);
            }
          ms_category_insert_group (category, g, group);
        }
      ms_document_insert_category (document, c, category);
    }

  ms_document_set_modified (document, FALSE);
  return document;
}

/* The histories' clock: it moves only when a test advances it, so that
 * typing merges or not whatever the speed of the machine. */
static gint64 fake_now = G_USEC_PER_SEC;

static gint64
fake_clock (gpointer user_data)
{
  return *(gint64 *)user_data;
}

static void
advance_clock (gint64 microseconds)
{
  fake_now += microseconds;
}

static MsHistory *
new_history (MsDocument *document)
{
  MsHistory *history = ms_history_new (document);

  ms_history_set_clock (history, fake_clock, &fake_now);
  return history;
}

static MsProject *
get_project (MsDocument *document,
             guint       c,
             guint       g,
             guint       p)
{
  return ms_group_get_project (ms_category_get_group (ms_document_get_category (document, c), g), p);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
count_changed (MsNode *node,
               guint  *count)
{
  (*count)++;
}

static guint
undo_all (MsHistory *history)
{
  guint n = 0;

  while (ms_history_undo (history))
    n++;

  return n;
}

static void
test_set_string (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 0, 1, 2);
  guint notifies = 0;
  guint changes = 0;

  g_assert_true (ms_history_get_document (history) == document);
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_false (ms_history_undo (history));

  g_signal_connect (project, "notify::target", G_CALLBACK (count_notify), &notifies);
  g_signal_connect (document, "changed", G_CALLBACK (count_changed), &changes);

  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "新建农村公路80公里");
  g_assert_cmpstr (ms_project_get_target (project), ==, "新建农村公路80公里");
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_true (ms_document_get_modified (document));
  g_assert_true (ms_history_get_can_undo (history));
  g_assert_false (ms_history_get_can_redo (history));

  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_target (project), ==, "c0g1p2");
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_true (ms_history_get_can_redo (history));
  g_assert_false (ms_history_undo (history));
  g_assert_cmpuint (notifies, ==, 2);

  g_assert_true (ms_history_redo (history));
  g_assert_cmpstr (ms_project_get_target (project), ==, "新建农村公路80公里");
  g_assert_cmpuint (notifies, ==, 3);
  g_assert_cmpuint (changes, ==, 3);
  g_assert_false (ms_history_redo (history));
  g_assert_true (ms_history_get_can_undo (history));
  g_assert_false (ms_history_get_can_redo (history));
}

static void
test_unchanged (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 1, 0, 0);
  MsIndicator *reported = ms_project_get_indicator (project, 0);
  MsIndicator *unreported = ms_project_get_indicator (project, 1);
  g_auto(GStrv) departments = g_strsplit ("市教育局,市财政局", ",", -1);
  g_auto(GStrv) same_departments = g_strdupv (departments);
  guint changes = 0;

  ms_project_set_departments (project, (const char * const *)departments);
  ms_document_set_modified (document, FALSE);
  g_signal_connect (document, "changed", G_CALLBACK (count_changed), &changes);

  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "c1g0p0");
  /* The model stores no text as "": NULL is no change either. */
  ms_history_set_string (history, "Edit Note", G_OBJECT (project), "note", NULL);
  /* A list with the same content at another address. */
  ms_history_set_strv (history, "Edit Departments", G_OBJECT (project), "departments",
                       (const char * const *)same_departments);
  ms_history_set_uint (history, "Edit Number", G_OBJECT (project), "number", 1);
  ms_history_set_enum (history, "Edit Status", G_OBJECT (project), "status", MS_STATUS_NOT_STARTED);
  ms_history_set_double (history, "Edit Target", G_OBJECT (reported), "target", 20);
  ms_history_set_int (history, "Edit Year", G_OBJECT (document), "year", 2025);
  ms_history_set_actual (history, "Edit Figure", reported, TRUE, 18);
  ms_history_set_actual (history, "Edit Figure", unreported, FALSE, 0);

  g_assert_false (ms_history_get_can_undo (history));
  g_assert_null (ms_history_get_undo_label (history));
  g_assert_cmpuint (changes, ==, 0);
  g_assert_false (ms_document_get_modified (document));

  /* The checks above must not pass merely because nothing is ever recorded. */
  ms_history_set_uint (history, "Edit Number", G_OBJECT (project), "number", 2);
  g_assert_true (ms_history_get_can_undo (history));
}

static void
test_typed_values (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsGroup *group = ms_category_get_group (ms_document_get_category (document, 0), 0);
  MsProject *project = ms_group_get_project (group, 1);
  MsIndicator *indicator = ms_project_get_indicator (project, 0);
  static const char * const departments[] = { "市住建局", "市城管局", NULL };
  g_auto(GValue) number = G_VALUE_INIT;
  guint64 opened = ms_history_get_serial (history);

  ms_history_set_uint (history, "Edit Number", G_OBJECT (group), "number", 7);
  ms_history_set_int (history, "Edit Year", G_OBJECT (document), "year", 2026);
  ms_history_set_enum (history, "Edit Status", G_OBJECT (project), "status", MS_STATUS_DELAYED);
  ms_history_set_double (history, "Edit Target", G_OBJECT (indicator), "target", 35.5);
  ms_history_set_strv (history, "Edit Departments", G_OBJECT (project), "departments", departments);
  /* An int for a guint property: transformed to the property's type. */
  g_value_init (&number, G_TYPE_INT);
  g_value_set_int (&number, 9);
  ms_history_set_value (history, "Edit Number", G_OBJECT (project), "number", &number);

  g_assert_cmpuint (ms_group_get_number (group), ==, 7);
  g_assert_cmpint (ms_document_get_year (document), ==, 2026);
  g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_DELAYED);
  g_assert_cmpfloat (ms_indicator_get_target (indicator), ==, 35.5);
  g_assert_true (g_strv_equal (ms_project_get_departments (project), departments));
  g_assert_cmpuint (ms_project_get_number (project), ==, 9);

  g_assert_cmpuint (undo_all (history), ==, 6);
  g_assert_cmpuint (ms_group_get_number (group), ==, 1);
  g_assert_cmpint (ms_document_get_year (document), ==, 2025);
  g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_NOT_STARTED);
  g_assert_cmpfloat (ms_indicator_get_target (indicator), ==, 20);
  g_assert_cmpstrv (ms_project_get_departments (project), ((const char * const []) { NULL }));
  g_assert_cmpuint (ms_project_get_number (project), ==, 2);
  g_assert_cmpuint (ms_history_get_serial (history), ==, opened);

  while (ms_history_redo (history))
    ;
  g_assert_cmpuint (ms_group_get_number (group), ==, 7);
  g_assert_cmpint (ms_document_get_year (document), ==, 2026);
  g_assert_cmpint (ms_project_get_status (project), ==, MS_STATUS_DELAYED);
  g_assert_cmpfloat (ms_indicator_get_target (indicator), ==, 35.5);
  g_assert_true (g_strv_equal (ms_project_get_departments (project), departments));
  g_assert_cmpuint (ms_project_get_number (project), ==, 9);
  g_assert_cmpuint (ms_history_get_serial (history), !=, opened);
}

static void
test_merge (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 0, 0, 0);
  MsProject *other = get_project (document, 0, 0, 1);
  GObject *object = G_OBJECT (project);

  /* Typing: one step, undone at once. */
  ms_history_set_string (history, "Edit Note", object, "note", "已");
  ms_history_set_string (history, "Edit Note", object, "note", "已完");
  ms_history_set_string (history, "Edit Note", object, "note", "已完成");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_true (ms_history_redo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "已完成");
  g_assert_false (ms_history_get_can_redo (history));

  /* After a redo the typing goes on in a new step. */
  ms_history_set_string (history, "Edit Note", object, "note", "已完成。");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "已完成");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
  g_assert_false (ms_history_get_can_undo (history));

  /* The field lost the focus in between. */
  ms_history_set_string (history, "Edit Note", object, "note", "a");
  ms_history_set_string (history, "Edit Note", object, "note", "ab");
  ms_history_break_merge (history);
  ms_history_set_string (history, "Edit Note", object, "note", "abc");
  ms_history_set_string (history, "Edit Note", object, "note", "abcd");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "ab");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
  g_assert_false (ms_history_get_can_undo (history));

  /* After an undo, typing does not extend the step before it. */
  ms_history_set_string (history, "Edit Note", object, "note", "x");
  ms_history_break_merge (history);
  ms_history_set_string (history, "Edit Note", object, "note", "xy");
  g_assert_true (ms_history_undo (history));
  ms_history_set_string (history, "Edit Note", object, "note", "xz");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "x");
  g_assert_cmpuint (undo_all (history), ==, 1);

  /* Another property, or another object, is another step. */
  ms_history_set_string (history, "Edit Note", object, "note", "n");
  ms_history_set_string (history, "Edit Target", object, "target", "t");
  ms_history_set_string (history, "Edit Note", object, "note", "nn");
  ms_history_set_string (history, "Edit Note", G_OBJECT (other), "note", "o");
  g_assert_cmpuint (undo_all (history), ==, 4);
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
  g_assert_cmpstr (ms_project_get_target (project), ==, "c0g0p0");
  g_assert_cmpstr (ms_project_get_note (other), ==, "");

  /* A pause longer than 1.5 s ends the step. */
  ms_history_set_string (history, "Edit Note", object, "note", "p");
  advance_clock (MS_HISTORY_MERGE_TIMEOUT + 1);
  ms_history_set_string (history, "Edit Note", object, "note", "pq");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "p");
}

/* The timeout counts from the last keystroke merged, on the history's clock. */
static void
test_merge_timeout (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 0, 0, 0);
  GObject *object = G_OBJECT (project);

  /* Just under the timeout, each time: one step, however long the typing. */
  ms_history_set_string (history, "Edit Note", object, "note", "a");
  advance_clock (MS_HISTORY_MERGE_TIMEOUT);
  ms_history_set_string (history, "Edit Note", object, "note", "ab");
  advance_clock (MS_HISTORY_MERGE_TIMEOUT - 1);
  ms_history_set_string (history, "Edit Note", object, "note", "abc");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
  g_assert_false (ms_history_get_can_undo (history));

  /* Just past it: the next keystroke starts a step of its own. */
  ms_history_set_string (history, "Edit Note", object, "note", "x");
  ms_history_set_string (history, "Edit Note", object, "note", "xy");
  advance_clock (MS_HISTORY_MERGE_TIMEOUT + 1);
  ms_history_set_string (history, "Edit Note", object, "note", "xyz");
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Edit Note");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "xy");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
  g_assert_false (ms_history_get_can_undo (history));

  /* Figures too. */
  {
    MsIndicator *indicator = ms_project_get_indicator (project, 0);

    ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 1);
    advance_clock (MS_HISTORY_MERGE_TIMEOUT - 1);
    ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 12);
    advance_clock (MS_HISTORY_MERGE_TIMEOUT + 1);
    ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 123);
    g_assert_true (ms_history_undo (history));
    g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 12);
    g_assert_true (ms_history_undo (history));
    g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 18);
    g_assert_false (ms_history_get_can_undo (history));
  }
}

static void
test_group (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsGroup *group = ms_category_get_group (ms_document_get_category (document, 1), 1);
  MsProject *neighbour = ms_group_get_project (group, 0);
  g_autoptr(MsProject) project = ms_project_new ();

  /* Nothing in it: nothing recorded. */
  ms_history_begin (history, "Nothing");
  ms_history_begin (history, "Still Nothing");
  ms_history_end (history);
  ms_history_end (history);
  g_assert_false (ms_history_get_can_undo (history));

  ms_history_begin (history, "Add Project");
  ms_history_insert (history, "Insert", MS_NODE (group), 1, MS_NODE (project));
  ms_history_begin (history, "Fill Fields");
  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "新项目");
  ms_history_set_uint (history, "Edit Number", G_OBJECT (project), "number", 4);
  ms_history_end (history);
  ms_history_set_string (history, "Edit Note", G_OBJECT (neighbour), "note", "顺延");
  /* Still open: the group is not a step yet. */
  g_assert_false (ms_history_get_can_undo (history));
  ms_history_end (history);

  g_assert_true (ms_history_get_can_undo (history));
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Add Project");

  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, 3);
  g_assert_null (ms_node_get_parent (MS_NODE (project)));
  g_assert_cmpstr (ms_project_get_target (project), ==, "");
  g_assert_cmpuint (ms_project_get_number (project), ==, 1);
  g_assert_cmpstr (ms_project_get_note (neighbour), ==, "");
  g_assert_cmpstr (ms_history_get_redo_label (history), ==, "Add Project");

  g_assert_true (ms_history_redo (history));
  g_assert_true (ms_group_get_project (group, 1) == project);
  g_assert_cmpstr (ms_project_get_target (project), ==, "新项目");
  g_assert_cmpuint (ms_project_get_number (project), ==, 4);
  g_assert_cmpstr (ms_project_get_note (neighbour), ==, "顺延");

  /* An outer group without a label takes the first one given inside. */
  ms_history_begin (history, NULL);
  ms_history_set_string (history, "Edit Note", G_OBJECT (neighbour), "note", "再顺延");
  ms_history_set_string (history, "Edit Target", G_OBJECT (neighbour), "target", "改");
  ms_history_end (history);
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Edit Note");
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (neighbour), ==, "顺延");
  g_assert_cmpstr (ms_project_get_target (neighbour), ==, "c1g1p0");
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Add Project");
}

static void
test_actual (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 0, 1, 0);
  MsIndicator *reported = ms_project_get_indicator (project, 0);
  MsIndicator *unreported = ms_project_get_indicator (project, 1);
  guint64 opened = ms_history_get_serial (history);

  ms_history_set_actual (history, "Edit Figure", unreported, TRUE, 0);
  g_assert_true (ms_indicator_get_has_actual (unreported));
  g_assert_cmpfloat (ms_indicator_get_actual (unreported), ==, 0);
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_indicator_get_has_actual (unreported));
  g_assert_cmpint (ms_indicator_get_state (unreported), ==, MS_INDICATOR_UNREPORTED);
  g_assert_true (ms_history_redo (history));
  g_assert_true (ms_indicator_get_has_actual (unreported));
  g_assert_cmpint (ms_indicator_get_state (unreported), ==, MS_INDICATOR_UNMET);

  /* Cleared, then back to the figure it had. */
  ms_history_set_actual (history, "Clear Figure", reported, FALSE, 0);
  g_assert_false (ms_indicator_get_has_actual (reported));
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_indicator_get_has_actual (reported));
  g_assert_cmpfloat (ms_indicator_get_actual (reported), ==, 18);
  g_assert_true (ms_history_redo (history));
  g_assert_false (ms_indicator_get_has_actual (reported));
  g_assert_true (ms_history_undo (history));

  /* Typing a figure merges; undo restores the one before. */
  ms_history_break_merge (history);
  ms_history_set_actual (history, "Edit Figure", reported, TRUE, 2);
  ms_history_set_actual (history, "Edit Figure", reported, TRUE, 21);
  ms_history_set_actual (history, "Edit Figure", reported, TRUE, 21.5);
  g_assert_cmpfloat (ms_indicator_get_actual (reported), ==, 21.5);
  g_assert_cmpint (ms_indicator_get_state (reported), ==, MS_INDICATOR_MET);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_indicator_get_has_actual (reported));
  g_assert_cmpfloat (ms_indicator_get_actual (reported), ==, 18);

  /* Back to the start: the unreported indicator is unreported again. */
  g_assert_cmpuint (undo_all (history), ==, 1);
  g_assert_false (ms_indicator_get_has_actual (unreported));
  g_assert_cmpuint (ms_history_get_serial (history), ==, opened);
}

static MsDate
day (int month,
     int day_of_month)
{
  return ms_date_from_ymd (2025, month, day_of_month);
}

/* While a reporting date is set, a figure is the progress of that date:
 * recorded, merged while typing, undone and cleared with the figure. */
static void
test_record_progress (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  g_autoptr(GError) error = NULL;
  MsProject *project = get_project (document, 1, 0, 2);
  MsIndicator *indicator = ms_project_get_indicator (project, 1);
  MsTimeline *progress;

  /* No reporting date: a year-end file, figures only. */
  ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 4);
  g_assert_null (ms_indicator_get_progress (indicator));
  g_assert_true (ms_history_undo (history));

  g_assert_true (ms_edits_set_reporting_date (history, day (3, 31), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ms_document_get_as_of (document), ==, day (3, 31));

  ms_history_break_merge (history);
  ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 5);
  ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 52);
  progress = ms_indicator_get_progress (indicator);
  g_assert_cmpuint (ms_timeline_get_n_entries (progress), ==, 1);
  g_assert_cmpuint (ms_timeline_get_entry (progress, 0)->date, ==, day (3, 31));
  g_assert_cmpfloat (ms_timeline_get_entry (progress, 0)->value, ==, 52);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 52);

  /* The next reporting date adds an entry; its figure is the actual. */
  g_assert_true (ms_edits_set_reporting_date (history, day (6, 30), &error));
  ms_history_break_merge (history);
  ms_history_set_actual (history, "Edit Figure", indicator, TRUE, 80);
  progress = ms_indicator_get_progress (indicator);
  g_assert_cmpuint (ms_timeline_get_n_entries (progress), ==, 2);
  g_assert_cmpfloat (ms_timeline_get_last (progress)->value, ==, 80);

  /* A reporting date before recorded figures is refused, naming them. */
  g_assert_false (ms_edits_set_reporting_date (history, day (5, 1), &error));
  g_assert_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-06-30"));
  g_clear_error (&error);
  g_assert_cmpuint (ms_document_get_as_of (document), ==, day (6, 30));

  /* Clearing the figure of June, later, leaves that of March. */
  advance_clock (MS_HISTORY_MERGE_TIMEOUT + 1);
  ms_history_set_actual (history, "Clear Figure", indicator, FALSE, 0);
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_progress (indicator)), ==, 1);
  g_assert_true (ms_indicator_get_has_actual (indicator));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 52);

  /* One undo a step: the clearing, June's figure, the date, March's
   * typing as one, the first date. */
  g_assert_true (ms_history_undo (history));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 80);
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_progress (indicator)), ==, 2);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 52);
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_progress (indicator)), ==, 1);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (ms_document_get_as_of (document), ==, day (3, 31));
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_indicator_get_has_actual (indicator));
  g_assert_null (ms_indicator_get_progress (indicator));
  g_assert_true (ms_history_redo (history));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 52);
  g_assert_cmpfloat (ms_timeline_get_last (ms_indicator_get_progress (indicator))->value, ==, 52);
}

/* The history of figures edited as a list: an earlier entry leaves the
 * actual, the latest is the actual, removing it falls back a date. */
static void
test_edit_progress (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsIndicator *indicator = ms_project_get_indicator (get_project (document, 0, 0, 0), 0);
  g_autoptr(MsTimeline) first = ms_timeline_with_entry (NULL, day (3, 31), 6, "一季度");
  g_autoptr(MsTimeline) two = ms_timeline_with_entry (first, day (6, 30), 12, NULL);
  g_autoptr(MsTimeline) corrected = NULL;
  g_autoptr(MsTimeline) one = NULL;

  ms_history_set_progress (history, "Edit Progress", indicator, two);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 12);

  advance_clock (MS_HISTORY_MERGE_TIMEOUT + 1);
  corrected = ms_timeline_with_entry (two, day (3, 31), 7, "一季度");
  ms_history_set_progress (history, "Edit Progress", indicator, corrected);
  g_assert_cmpfloat (ms_timeline_get_entry (ms_indicator_get_progress (indicator), 0)->value, ==, 7);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 12);

  advance_clock (MS_HISTORY_MERGE_TIMEOUT + 1);
  one = ms_timeline_without_entry (corrected, 1);
  ms_history_set_progress (history, "Remove Progress", indicator, one);
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 7);

  g_assert_true (ms_history_undo (history));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 12);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpfloat (ms_timeline_get_entry (ms_indicator_get_progress (indicator), 0)->value, ==, 6);
  g_assert_true (ms_history_undo (history));
  g_assert_null (ms_indicator_get_progress (indicator));
  g_assert_cmpfloat (ms_indicator_get_actual (indicator), ==, 18);
}


/* A progress notice read into the file: one call, one undo step. */
static void
test_record_figures (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_free);
  MsIndicator *first = ms_project_get_indicator (get_project (document, 0, 0, 0), 0);
  MsIndicator *second = ms_project_get_indicator (get_project (document, 1, 1, 2), 1);
  MsRecordedFigure *figure;

  ms_document_set_as_of (document, day (3, 31));
  figure = g_new0 (MsRecordedFigure, 1);
  figure->indicator = first;
  figure->value = 19;
  figure->note = "通报";
  g_ptr_array_add (figures, figure);
  figure = g_new0 (MsRecordedFigure, 1);
  figure->indicator = second;
  figure->value = 7;
  g_ptr_array_add (figures, figure);

  ms_edits_record_figures (history, day (6, 30), figures);
  g_assert_cmpuint (ms_document_get_as_of (document), ==, day (6, 30));
  g_assert_cmpfloat (ms_indicator_get_actual (first), ==, 19);
  g_assert_cmpstr (ms_timeline_get_last (ms_indicator_get_progress (first))->note, ==, "通报");
  g_assert_true (ms_indicator_get_has_actual (second));
  g_assert_cmpfloat (ms_indicator_get_actual (second), ==, 7);

  /* An older notice fills in the past; the latest figure stays the actual. */
  ((MsRecordedFigure *)g_ptr_array_index (figures, 0))->value = 11;
  ms_edits_record_figures (history, day (3, 31), figures);
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_progress (first)), ==, 2);
  g_assert_cmpfloat (ms_indicator_get_actual (first), ==, 19);
  g_assert_cmpuint (ms_document_get_as_of (document), ==, day (6, 30));

  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_progress (first)), ==, 1);
  g_assert_true (ms_history_undo (history));
  g_assert_null (ms_indicator_get_progress (first));
  g_assert_cmpfloat (ms_indicator_get_actual (first), ==, 18);
  g_assert_false (ms_indicator_get_has_actual (second));
  g_assert_cmpuint (ms_document_get_as_of (document), ==, day (3, 31));
  g_assert_false (ms_history_get_can_undo (history));

  /* A year-end figure is kept as the figure of the year's end. */
  ms_document_set_as_of (document, MS_DATE_NONE);
  g_ptr_array_set_size (figures, 1);
  ms_edits_record_figures (history, day (6, 30), figures);
  g_assert_cmpuint (ms_timeline_get_n_entries (ms_indicator_get_progress (first)), ==, 2);
  g_assert_cmpuint (ms_timeline_get_last (ms_indicator_get_progress (first))->date, ==, day (12, 31));
  g_assert_cmpfloat (ms_indicator_get_actual (first), ==, 18);
}

static GListModel *
get_children (MsNode *parent)
{
  if (MS_IS_DOCUMENT (parent))
    return ms_document_get_categories (MS_DOCUMENT (parent));
  if (MS_IS_CATEGORY (parent))
    return ms_category_get_groups (MS_CATEGORY (parent));
  if (MS_IS_GROUP (parent))
    return ms_group_get_projects (MS_GROUP (parent));
  return ms_project_get_indicators (MS_PROJECT (parent));
}

static gpointer
get_child (MsNode *parent,
           guint   position)
{
  g_autoptr(GObject) child = g_list_model_get_item (get_children (parent), position);

  /* The parent holds it: a borrowed pointer stays valid. */
  return child;
}

static guint
n_children (MsNode *parent)
{
  return g_list_model_get_n_items (get_children (parent));
}

/* Inserts, removes and moves a child of @parent, which has at least two. */
static void
check_structure (MsDocument *document,
                 MsNode     *parent,
                 MsNode     *fresh)
{
  g_autoptr(MsHistory) history = new_history (document);
  guint n = n_children (parent);
  MsNode *first = get_child (parent, 0);
  MsNode *second = get_child (parent, 1);
  g_autoptr(MsNode) removed = g_object_ref (second);
  guint64 opened = ms_history_get_serial (history);

  g_assert_cmpuint (n, >=, 2);

  /* Insert */
  ms_history_insert (history, "Add", parent, 1, fresh);
  g_assert_cmpuint (n_children (parent), ==, n + 1);
  g_assert_true (get_child (parent, 1) == fresh);
  g_assert_true (ms_node_get_parent (fresh) == parent);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (n_children (parent), ==, n);
  g_assert_null (ms_node_get_parent (fresh));
  g_assert_true (get_child (parent, 1) == second);
  g_assert_true (ms_history_redo (history));
  g_assert_true (get_child (parent, 1) == fresh);
  g_assert_true (get_child (parent, 2) == second);
  g_assert_true (ms_node_get_parent (fresh) == parent);
  g_assert_true (ms_node_get_document (fresh) == document);

  /* Past the end appends, and undo finds it there. */
  ms_history_remove (history, "Remove", parent, 1);
  g_assert_null (ms_node_get_parent (fresh));
  ms_history_insert (history, "Add", parent, G_MAXUINT, fresh);
  g_assert_true (get_child (parent, n) == fresh);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (n_children (parent), ==, n);
  g_assert_null (ms_node_get_parent (fresh));
  g_assert_true (ms_history_redo (history));
  g_assert_true (get_child (parent, n) == fresh);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_history_undo (history));
  g_assert_true (get_child (parent, 1) == fresh);
  g_assert_true (ms_history_undo (history));
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_cmpuint (n_children (parent), ==, n);

  /* Remove: the same object comes back where it was. */
  ms_history_remove (history, "Remove", parent, 1);
  g_assert_cmpuint (n_children (parent), ==, n - 1);
  g_assert_null (ms_node_get_parent (removed));
  g_assert_null (ms_node_get_document (removed));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (n_children (parent), ==, n);
  g_assert_true (get_child (parent, 1) == removed);
  g_assert_true (ms_node_get_parent (removed) == parent);
  g_assert_true (ms_history_redo (history));
  g_assert_cmpuint (n_children (parent), ==, n - 1);
  g_assert_null (ms_node_get_parent (removed));
  g_assert_true (get_child (parent, 0) == first);
  g_assert_true (ms_history_undo (history));
  g_assert_true (get_child (parent, 1) == removed);

  /* Move: the first child ends up last, and back. */
  ms_history_move (history, "Move", parent, 0, n - 1);
  g_assert_cmpuint (n_children (parent), ==, n);
  g_assert_true (get_child (parent, n - 1) == first);
  g_assert_true (get_child (parent, 0) == second);
  g_assert_true (ms_history_undo (history));
  g_assert_true (get_child (parent, 0) == first);
  g_assert_true (get_child (parent, 1) == second);
  g_assert_true (ms_node_get_parent (first) == parent);
  g_assert_true (ms_history_redo (history));
  g_assert_true (get_child (parent, n - 1) == first);
  g_assert_true (ms_node_get_parent (first) == parent);

  /* A move to the same place is no step. */
  ms_history_move (history, "Move", parent, 1, 1);
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Move");
  g_assert_cmpuint (undo_all (history), ==, 1);
  g_assert_true (get_child (parent, 0) == first);
  g_assert_true (get_child (parent, 1) == second);
  g_assert_cmpuint (n_children (parent), ==, n);
  g_assert_cmpuint (ms_history_get_serial (history), ==, opened);
}

static void
test_structure (void)
{
  g_autoptr(MsDocument) document = make_document ();
  MsCategory *category = ms_document_get_category (document, 1);
  MsGroup *group = ms_category_get_group (category, 0);
  MsProject *project = ms_group_get_project (group, 2);
  g_autoptr(MsCategory) new_category = ms_category_new ();
  g_autoptr(MsGroup) new_group = ms_group_new ();
  g_autoptr(MsProject) new_project = ms_project_new ();
  g_autoptr(MsIndicator) new_indicator = ms_indicator_new ();

  check_structure (document, MS_NODE (document), MS_NODE (new_category));
  check_structure (document, MS_NODE (category), MS_NODE (new_group));
  check_structure (document, MS_NODE (group), MS_NODE (new_project));
  check_structure (document, MS_NODE (project), MS_NODE (new_indicator));
}

/* A step keeps a removed node, and the document, alive; the history frees them. */
static void
test_structure_lifetime (void)
{
  MsDocument *document = make_document ();
  MsHistory *history = new_history (document);
  MsGroup *group = ms_category_get_group (ms_document_get_category (document, 0), 0);
  GWeakRef removed;

  g_weak_ref_init (&removed, ms_group_get_project (group, 0));
  ms_history_remove (history, "Remove", MS_NODE (group), 0);
  g_object_unref (document);
  {
    g_autoptr(MsProject) project = g_weak_ref_get (&removed);

    g_assert_nonnull (project);
    g_assert_cmpstr (ms_project_get_target (project), ==, "c0g0p0");
  }
  /* The history held the document, so undo still works. */
  g_assert_true (ms_history_undo (history));
  g_object_unref (history);
  g_assert_null (g_weak_ref_get (&removed));
  g_weak_ref_clear (&removed);
}

static void
test_redo_dropped (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 1, 1, 1);
  MsGroup *group = ms_project_get_group (project);

  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "a");
  ms_history_remove (history, "Remove Project", MS_NODE (group), 0);
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_history_undo (history));
  g_assert_true (ms_history_get_can_redo (history));

  /* An unchanged value is no edit: redo is still there. */
  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "c1g1p1");
  g_assert_true (ms_history_get_can_redo (history));

  ms_history_set_string (history, "Edit Note", G_OBJECT (project), "note", "b");
  g_assert_false (ms_history_get_can_redo (history));
  g_assert_null (ms_history_get_redo_label (history));
  g_assert_false (ms_history_redo (history));
  g_assert_cmpstr (ms_project_get_target (project), ==, "c1g1p1");
  g_assert_cmpuint (g_list_model_get_n_items (ms_group_get_projects (group)), ==, 3);
  g_assert_cmpuint (undo_all (history), ==, 1);

  /* A group drops them as soon as it edits. */
  ms_history_set_string (history, "Edit Note", G_OBJECT (project), "note", "c");
  g_assert_true (ms_history_undo (history));
  ms_history_begin (history, "Group");
  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "d");
  g_assert_false (ms_history_get_can_redo (history));
  ms_history_end (history);
  g_assert_cmpuint (undo_all (history), ==, 1);
  g_assert_cmpstr (ms_project_get_target (project), ==, "c1g1p1");
  g_assert_cmpstr (ms_project_get_note (project), ==, "");
}

typedef struct
{
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
} Notifies;

static void
test_notify (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 0, 0, 2);
  Notifies n = { 0, };
  g_autofree char *label = NULL;
  gboolean can_undo = FALSE;

  g_signal_connect (history, "notify::can-undo", G_CALLBACK (count_notify), &n.can_undo);
  g_signal_connect (history, "notify::can-redo", G_CALLBACK (count_notify), &n.can_redo);
  g_signal_connect (history, "notify::undo-label", G_CALLBACK (count_notify), &n.undo_label);
  g_signal_connect (history, "notify::redo-label", G_CALLBACK (count_notify), &n.redo_label);

  g_assert_null (ms_history_get_undo_label (history));
  g_assert_null (ms_history_get_redo_label (history));

  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "x");
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 0);
  g_assert_cmpuint (n.redo_label, ==, 0);
  g_object_get (history, "can-undo", &can_undo, "undo-label", &label, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (label, ==, "Edit Target");

  /* Merged typing changes nothing to notify. */
  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "xy");
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 1);

  ms_history_set_string (history, "Edit Note", G_OBJECT (project), "note", "n");
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 2);
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Edit Note");

  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (n.can_undo, ==, 1);
  g_assert_cmpuint (n.can_redo, ==, 1);
  g_assert_cmpuint (n.undo_label, ==, 3);
  g_assert_cmpuint (n.redo_label, ==, 1);
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Edit Target");
  g_assert_cmpstr (ms_history_get_redo_label (history), ==, "Edit Note");

  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (n.can_undo, ==, 2);
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_cmpuint (n.undo_label, ==, 4);
  g_assert_null (ms_history_get_undo_label (history));
  g_assert_cmpuint (n.redo_label, ==, 2);
  g_assert_cmpstr (ms_history_get_redo_label (history), ==, "Edit Target");

  /* Nothing to undo: nothing happens, nothing is notified. */
  g_assert_false (ms_history_undo (history));
  g_assert_cmpuint (n.can_undo, ==, 2);
  g_assert_cmpuint (n.undo_label, ==, 4);

  g_assert_true (ms_history_redo (history));
  g_assert_true (ms_history_redo (history));
  g_assert_cmpuint (n.can_redo, ==, 2);
  g_assert_false (ms_history_get_can_redo (history));
  g_assert_cmpuint (n.redo_label, ==, 4);

  ms_history_clear (history);
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_false (ms_history_get_can_redo (history));
  g_assert_null (ms_history_get_undo_label (history));
  g_assert_cmpuint (n.can_undo, ==, 4);
  g_assert_false (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_target (project), ==, "xy");
}

/* What an editor does: a save remembers the serial whose bytes it took. */
#define MODIFIED(history, saved) (ms_history_get_serial (history) != (saved))

static void
test_serial (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  GObject *project = G_OBJECT (get_project (document, 1, 0, 1));
  guint64 saved = ms_history_get_serial (history);
  guint64 first;
  guint notifies = 0;

  g_assert_cmpuint (saved, !=, 0);
  g_signal_connect (history, "notify::serial", G_CALLBACK (count_notify), &notifies);

  /* The opened state comes back by undo. */
  ms_history_set_string (history, "Edit Note", project, "note", "1");
  g_assert_true (MODIFIED (history, saved));
  g_assert_cmpuint (notifies, ==, 1);
  first = ms_history_get_serial (history);
  g_assert_true (ms_history_undo (history));
  g_assert_false (MODIFIED (history, saved));
  g_assert_true (ms_history_redo (history));
  g_assert_cmpuint (ms_history_get_serial (history), ==, first);

  /* Typing merged into a step gives it a new serial: a save of "1" is not "12". */
  ms_history_set_string (history, "Edit Note", project, "note", "12");
  g_assert_cmpuint (ms_history_get_serial (history), !=, first);
  ms_history_set_string (history, "Edit Note", project, "note", "123");
  saved = ms_history_get_serial (history);
  /* A save breaks the merge: typing on is a new step, even this quickly. */
  ms_history_break_merge (history);
  ms_history_set_string (history, "Edit Note", project, "note", "1234");
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (MS_PROJECT (project)), ==, "123");
  g_assert_false (MODIFIED (history, saved));
  g_assert_true (ms_history_undo (history));
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_redo (history));
  g_assert_false (MODIFIED (history, saved));

  /* Replacing a step after the saved one keeps it. */
  ms_history_set_string (history, "Edit Target", project, "target", "t");
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_undo (history));
  g_assert_false (MODIFIED (history, saved));

  /* Replacing the saved step itself loses it, though as many steps are applied. */
  g_assert_true (ms_history_undo (history));
  ms_history_set_string (history, "Edit Target", project, "target", "u");
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_undo (history));
  g_assert_true (MODIFIED (history, saved));

  /* Clearing keeps the present state's serial. */
  saved = ms_history_get_serial (history);
  ms_history_clear (history);
  g_assert_false (MODIFIED (history, saved));
  ms_history_set_string (history, "Edit Note", project, "note", "v");
  g_assert_true (ms_history_undo (history));
  g_assert_false (MODIFIED (history, saved));
}

static void
test_serial_group_and_outside (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  GObject *project = G_OBJECT (get_project (document, 1, 0, 1));
  guint64 opened = ms_history_get_serial (history);
  guint64 in_group;

  /* An open group changed the document already: its state has a serial. */
  ms_history_begin (history, "Two Notes");
  ms_history_set_string (history, NULL, project, "note", "x");
  in_group = ms_history_get_serial (history);
  g_assert_cmpuint (in_group, !=, opened);
  ms_history_set_string (history, NULL, project, "target", "y");
  ms_history_end (history);
  g_assert_cmpuint (ms_history_get_serial (history), ==, in_group);

  /* An empty group changes nothing. */
  ms_history_begin (history, "Nothing");
  ms_history_end (history);
  g_assert_cmpuint (ms_history_get_serial (history), ==, in_group);

  /* An edit made around the history is a new state too. */
  ms_project_set_note (MS_PROJECT (project), "outside");
  g_assert_cmpuint (ms_history_get_serial (history), !=, in_group);
  g_assert_cmpuint (ms_history_get_serial (history), !=, opened);
  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (ms_history_get_serial (history), ==, opened);
}

static void
test_save_while_editing (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  GObject *project = G_OBJECT (get_project (document, 1, 0, 1));
  guint64 saving;
  guint64 saved;

  ms_history_set_string (history, "Edit Note", project, "note", "a");
  /* A save takes the bytes now; typing goes on while it writes. */
  saving = ms_history_get_serial (history);
  ms_history_break_merge (history);
  ms_history_set_string (history, "Edit Note", project, "note", "ab");
  saved = saving;
  /* The typing is no part of the saved step: undo reaches the saved state. */
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (MS_PROJECT (project)), ==, "a");
  g_assert_false (MODIFIED (history, saved));
  g_assert_true (ms_history_redo (history));
  g_assert_true (MODIFIED (history, saved));

  /* Undoing past the saving point and editing anew: the file holds a state
   * no step leads back to. */
  saving = ms_history_get_serial (history);
  g_assert_true (ms_history_undo (history));
  ms_history_set_string (history, "Edit Target", project, "target", "x");
  saved = saving;
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_undo (history));
  g_assert_cmpstr (ms_project_get_note (MS_PROJECT (project)), ==, "a");
  g_assert_true (MODIFIED (history, saved));
}

static void
test_undo_during_save (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  GObject *project = G_OBJECT (get_project (document, 1, 0, 1));
  guint64 saved = ms_history_get_serial (history);
  guint64 saving;

  /* The file gets "a"; the window undoes back to what was opened. */
  ms_history_set_string (history, "Edit Note", project, "note", "a");
  saving = ms_history_get_serial (history);
  g_assert_true (ms_history_undo (history));
  g_assert_false (MODIFIED (history, saved));
  saved = saving;
  /* What is shown differs from the file now: closing must ask. */
  g_assert_true (MODIFIED (history, saved));
  g_assert_true (ms_history_redo (history));
  g_assert_false (MODIFIED (history, saved));
}

static void
test_limit (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  GObject *project = G_OBJECT (get_project (document, 0, 1, 1));
  guint64 saved = 0;

  /* Saved after the 10th of 1005 edits: 5 steps are dropped, the saved state stays. */
  for (guint i = 1; i <= 1005; i++)
    {
      ms_history_set_uint (history, "Edit Number", project, "number", 100 + i);
      ms_history_break_merge (history);
      if (i == 10)
        saved = ms_history_get_serial (history);
    }

  for (guint i = 0; i < 995; i++)
    g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (ms_project_get_number (MS_PROJECT (project)), ==, 110);
  g_assert_false (MODIFIED (history, saved));

  g_assert_cmpuint (undo_all (history), ==, 5);
  g_assert_cmpuint (ms_project_get_number (MS_PROJECT (project)), ==, 105);
  g_assert_true (MODIFIED (history, saved));
  g_assert_false (ms_history_undo (history));

  /* Saved before a dropped step: that state cannot come back. */
  ms_history_clear (history);
  saved = ms_history_get_serial (history);
  for (guint i = 1; i <= 1001; i++)
    {
      ms_history_set_uint (history, "Edit Number", project, "number", i);
      ms_history_break_merge (history);
    }
  g_assert_cmpuint (undo_all (history), ==, 1000);
  g_assert_cmpuint (ms_project_get_number (MS_PROJECT (project)), ==, 1);
  g_assert_true (MODIFIED (history, saved));
}

typedef struct
{
  MsHistory *history;
  gboolean   active;
  guint      calls;
  gboolean   undo_result;
} Echo;

/* A view writing back what it was shown, and trying to undo meanwhile. */
static void
echo_cb (GObject    *object,
         GParamSpec *pspec,
         Echo       *echo)
{
  if (!echo->active)
    return;

  echo->calls++;
  ms_history_set_string (echo->history, "Echo", object, "note", "echo");
  echo->undo_result = ms_history_undo (echo->history);
}

static void
test_guard (void)
{
  g_autoptr(MsDocument) document = make_document ();
  g_autoptr(MsHistory) history = new_history (document);
  MsProject *project = get_project (document, 1, 1, 2);
  Echo echo = { history, FALSE, 0, TRUE };

  g_signal_connect (project, "notify::target", G_CALLBACK (echo_cb), &echo);
  ms_history_set_string (history, "Edit Target", G_OBJECT (project), "target", "a");
  echo.active = TRUE;

  g_assert_true (ms_history_undo (history));
  g_assert_cmpuint (echo.calls, ==, 1);
  g_assert_false (echo.undo_result);
  g_assert_cmpstr (ms_project_get_target (project), ==, "c1g1p2");
  /* Applied, but no step of its own, and the redo step is intact. */
  g_assert_cmpstr (ms_project_get_note (project), ==, "echo");
  g_assert_false (ms_history_get_can_undo (history));
  g_assert_true (ms_history_get_can_redo (history));
  g_assert_cmpstr (ms_history_get_redo_label (history), ==, "Edit Target");

  g_assert_true (ms_history_redo (history));
  g_assert_cmpuint (echo.calls, ==, 2);
  g_assert_cmpstr (ms_project_get_target (project), ==, "a");
  g_assert_cmpstr (ms_history_get_undo_label (history), ==, "Edit Target");
  g_assert_false (ms_history_get_can_redo (history));
  echo.active = FALSE;
  g_assert_cmpuint (undo_all (history), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/set-string", test_set_string);
  g_test_add_func ("/history/unchanged", test_unchanged);
  g_test_add_func ("/history/typed-values", test_typed_values);
  g_test_add_func ("/history/merge", test_merge);
  g_test_add_func ("/history/merge-timeout", test_merge_timeout);
  g_test_add_func ("/history/group", test_group);
  g_test_add_func ("/history/actual", test_actual);
  g_test_add_func ("/history/record-progress", test_record_progress);
  g_test_add_func ("/history/edit-progress", test_edit_progress);
  g_test_add_func ("/history/record-figures", test_record_figures);
  g_test_add_func ("/history/structure", test_structure);
  g_test_add_func ("/history/structure-lifetime", test_structure_lifetime);
  g_test_add_func ("/history/redo-dropped", test_redo_dropped);
  g_test_add_func ("/history/notify", test_notify);
  g_test_add_func ("/history/serial", test_serial);
  g_test_add_func ("/history/serial-group-and-outside", test_serial_group_and_outside);
  g_test_add_func ("/history/save-while-editing", test_save_while_editing);
  g_test_add_func ("/history/undo-during-save", test_undo_during_save);
  g_test_add_func ("/history/limit", test_limit);
  g_test_add_func ("/history/guard", test_guard);

  return g_test_run ();
}
