/* test-binder.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "ms-binder.h"
#include "ms-document.h"

/* One category, one group, two projects. */
typedef struct
{
  MsDocument *document;
  MsHistory  *history;
  MsProject  *first;
  MsProject  *second;
  MsBinder   *binder;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();

  fixture->document = ms_document_new ();
  fixture->first = ms_project_new ();
  fixture->second = ms_project_new ();
  ms_project_set_number (fixture->first, 1);
  ms_project_set_target (fixture->first, "新建农村公路80公里");
  ms_project_set_number (fixture->second, 2);
  ms_project_set_target (fixture->second, "改造老旧小区30个");
  ms_group_insert_project (group, 0, fixture->first);
  ms_group_insert_project (group, 1, fixture->second);
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (fixture->document, 0, category);
  ms_document_set_modified (fixture->document, FALSE);

  fixture->history = ms_history_new (fixture->document);
  fixture->binder = ms_binder_new ();
  ms_binder_set_history (fixture->binder, fixture->history);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->binder);
  g_clear_object (&fixture->history);
  g_clear_object (&fixture->first);
  g_clear_object (&fixture->second);
  g_clear_object (&fixture->document);
}

static GtkEditable *
new_entry (void)
{
  return GTK_EDITABLE (g_object_ref_sink (gtk_entry_new ()));
}

/* Typing goes to the model as one undo step; undo comes back into the widget. */
static void
test_typing_is_one_step (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GtkEditable) entry = new_entry ();

  ms_binder_bind (fixture->binder, "target", entry, "text", "Edit Target");
  ms_binder_set_source (fixture->binder, fixture->first);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "新建农村公路80公里");
  g_assert_false (ms_history_get_can_undo (fixture->history));
  g_assert_false (ms_document_get_modified (fixture->document));

  gtk_editable_set_text (entry, "新建农村公路90公里");
  gtk_editable_set_text (entry, "新建农村公路95公里");
  g_assert_cmpstr (ms_project_get_target (fixture->first), ==, "新建农村公路95公里");
  g_assert_true (ms_history_get_can_undo (fixture->history));
  g_assert_cmpstr (ms_history_get_undo_label (fixture->history), ==, "Edit Target");

  g_assert_true (ms_history_undo (fixture->history));
  g_assert_cmpstr (ms_project_get_target (fixture->first), ==, "新建农村公路80公里");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "新建农村公路80公里");
  g_assert_false (ms_history_get_can_undo (fixture->history));

  g_assert_true (ms_history_redo (fixture->history));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "新建农村公路95公里");
}

/* The model's echo of what was typed does not rewrite the text under the
 * cursor: typing in the middle of a long text keeps the cursor there. */
static void
test_echo_keeps_cursor (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (NULL);
  GtkTextIter iter;

  ms_binder_bind (fixture->binder, "completion", buffer, "text", "Edit Completion Report");
  ms_project_set_completion (fixture->first, "新建农村公路113.9公里");
  ms_binder_set_source (fixture->binder, fixture->first);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 6);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_text_buffer_insert_at_cursor (buffer, "共", -1);
  g_assert_cmpstr (ms_project_get_completion (fixture->first), ==, "新建农村公路共113.9公里");

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_cmpint (gtk_text_iter_get_offset (&iter), ==, 7);
}

static gboolean
text_to_uint (const GValue *from,
              GValue       *to,
              gpointer      user_data)
{
  const char *text = g_value_get_string (from);
  guint64 number;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 9999, &number, NULL))
    return FALSE;
  g_value_set_uint (to, (guint)number);
  return TRUE;
}

/* What cannot be a value marks the widget and leaves the model alone; leaving
 * the field shows the model's value again. */
static void
test_invalid_marks_error (Fixture       *fixture,
                          gconstpointer  data)
{
  static const MsBinderFuncs funcs = { NULL, text_to_uint, NULL };
  g_autoptr(GtkEditable) entry = new_entry ();

  ms_binder_bind_full (fixture->binder, "number", entry, "text", "Edit Number", MS_BINDER_DEFAULT, &funcs, NULL);
  ms_binder_set_source (fixture->binder, fixture->first);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "1");

  gtk_editable_set_text (entry, "x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (ms_project_get_number (fixture->first), ==, 1);
  g_assert_false (ms_history_get_can_undo (fixture->history));

  ms_binder_sync (fixture->binder);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "1");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));

  gtk_editable_set_text (entry, "12");
  g_assert_cmpuint (ms_project_get_number (fixture->first), ==, 12);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
}

/* Choices are one step each; typing merges. */
static void
test_date_field (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GtkEditable) entry = new_entry ();

  ms_project_set_deadline (fixture->first, ms_date_from_ymd (2024, 11, 30));
  ms_binder_bind_full (fixture->binder, "deadline", entry, "text", "Edit Deadline", MS_BINDER_DEFAULT,
                       &ms_binder_date, NULL);
  ms_binder_set_source (fixture->binder, fixture->first);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "2024-11-30");

  /* Half typed or not a day: marked, the model keeps its date. */
  gtk_editable_set_text (entry, "2024-11-3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_editable_set_text (entry, "2024-02-30");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (ms_project_get_deadline (fixture->first), ==, ms_date_from_ymd (2024, 11, 30));

  gtk_editable_set_text (entry, "2024-10-31");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  g_assert_cmpuint (ms_project_get_deadline (fixture->first), ==, ms_date_from_ymd (2024, 10, 31));

  /* Empty is the end of the period. */
  gtk_editable_set_text (entry, "");
  g_assert_cmpuint (ms_project_get_deadline (fixture->first), ==, MS_DATE_NONE);
  g_assert_true (ms_history_undo (fixture->history));
  g_assert_cmpuint (ms_project_get_deadline (fixture->first), ==, ms_date_from_ymd (2024, 11, 30));
}

static void
test_one_step (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GtkEditable) entry = new_entry ();

  ms_binder_bind_full (fixture->binder, "note", entry, "text", "Edit Note", MS_BINDER_ONE_STEP, NULL, NULL);
  ms_binder_set_source (fixture->binder, fixture->first);

  gtk_editable_set_text (entry, "a");
  gtk_editable_set_text (entry, "b");
  g_assert_true (ms_history_undo (fixture->history));
  g_assert_cmpstr (ms_project_get_note (fixture->first), ==, "a");
  g_assert_true (ms_history_undo (fixture->history));
  g_assert_cmpstr (ms_project_get_note (fixture->first), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
}

static void
count_call (GObject *counter)
{
  guint calls = GPOINTER_TO_UINT (g_object_get_data (counter, "calls"));

  g_object_set_data (counter, "calls", GUINT_TO_POINTER (calls + 1));
}

static guint
get_calls (GObject *counter)
{
  return GPOINTER_TO_UINT (g_object_get_data (counter, "calls"));
}

/* Switching the source shows the other project without recording anything,
 * and edits and signals follow the source. */
static void
test_switch_source (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtkEditable) entry = new_entry ();
  g_autoptr(GObject) counter = g_object_new (G_TYPE_OBJECT, NULL);

  ms_binder_bind (fixture->binder, "target", entry, "text", "Edit Target");
  ms_binder_connect (fixture->binder, "notify::number", G_CALLBACK (count_call), counter);
  ms_binder_set_source (fixture->binder, fixture->first);
  ms_binder_set_source (fixture->binder, fixture->second);
  g_assert_true (ms_binder_get_source (fixture->binder) == fixture->second);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "改造老旧小区30个");
  g_assert_false (ms_history_get_can_undo (fixture->history));
  g_assert_false (ms_document_get_modified (fixture->document));

  gtk_editable_set_text (entry, "改造老旧小区40个");
  g_assert_cmpstr (ms_project_get_target (fixture->second), ==, "改造老旧小区40个");
  g_assert_cmpstr (ms_project_get_target (fixture->first), ==, "新建农村公路80公里");

  ms_project_set_number (fixture->first, 7);
  g_assert_cmpuint (get_calls (counter), ==, 0);
  ms_project_set_number (fixture->second, 8);
  g_assert_cmpuint (get_calls (counter), ==, 1);

  /* No source: the widget keeps its text and nothing is written. */
  ms_binder_set_source (fixture->binder, NULL);
  gtk_editable_set_text (entry, "x");
  g_assert_cmpstr (ms_project_get_target (fixture->second), ==, "改造老旧小区40个");
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GtkEditable) entry = new_entry ();

  ms_binder_bind_full (fixture->binder, "target", entry, "text", NULL, MS_BINDER_READ_ONLY, NULL, NULL);
  ms_binder_set_source (fixture->binder, fixture->first);
  gtk_editable_set_text (entry, "x");
  g_assert_cmpstr (ms_project_get_target (fixture->first), ==, "新建农村公路80公里");

  ms_project_set_target (fixture->first, "新建农村公路85公里");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "新建农村公路85公里");
}

/* A widget that goes away before the binder leaves nothing dangling. */
static void
test_widget_goes_first (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkEditable *entry = new_entry ();

  ms_binder_bind (fixture->binder, "target", entry, "text", "Edit Target");
  ms_binder_set_source (fixture->binder, fixture->first);
  g_object_unref (entry);

  ms_project_set_target (fixture->first, "新建农村公路85公里");
  ms_binder_sync (fixture->binder);
  ms_binder_set_source (fixture->binder, fixture->second);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/binder/typing-is-one-step", test_typing_is_one_step);
  ADD ("/binder/echo-keeps-cursor", test_echo_keeps_cursor);
  ADD ("/binder/invalid-marks-error", test_invalid_marks_error);
  ADD ("/binder/date-field", test_date_field);
  ADD ("/binder/one-step", test_one_step);
  ADD ("/binder/switch-source", test_switch_source);
  ADD ("/binder/read-only", test_read_only);
  ADD ("/binder/widget-goes-first", test_widget_goes_first);
#undef ADD

  return g_test_run ();
}
