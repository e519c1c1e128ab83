/* ms-merge-dialog.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review of departments' returned sheets before they are merged, or of
 * a published notice read into the open file: each change with a check to
 * accept it, the conflicts the merge leaves out and the files it could not
 * read. Nothing touches the document until Apply.
 */

#define G_LOG_DOMAIN "ms-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-merge-dialog.h"
#include "ms-sheet-reader.h"
#include "ms-window-private.h"

/* Values longer than this are cut in the rows; the tooltip has them whole. */
#define SHOWN_VALUE_LENGTH 60

struct _MsMergeDialog
{
  AdwWindow       parent_instance;

  MsWindow       *window;
  MsDocument     *document;
  /* The returns read, in the order chosen: merged again when the date changes. */
  GPtrArray      *workbooks;
  guint           n_refused;
  /* Or a notice and what its import found, merged again in the same way. */
  MsDocument     *notice;
  MsNoticeReport *notice_report;
  char           *notice_name;
  /* Some return (or the notice) gives no date: the date row supplies one. */
  gboolean        needs_date;
  /* The dialog the review was opened from: back if cancelled, closed if applied. */
  GtkWindow      *origin;
  gboolean        applied;
  MsMerge        *merge;
  /* The merge's changes in the order of the rows (by project), and their checks. */
  GPtrArray      *shown;
  GPtrArray      *checks;

  /* Template widgets */
  GtkStack       *review_stack;
  GtkLabel       *summary_label;
  AdwPreferencesGroup *date_group;
  AdwEntryRow    *date_row;
  AdwPreferencesGroup *changes_group;
  GtkListBox     *changes_list;
  GtkWidget      *apply_button;
  AdwStatusPage  *nothing_page;
  AdwPreferencesGroup *conflicts_group;
  GtkListBox     *conflicts_list;
  AdwPreferencesGroup *refused_group;
  GtkListBox     *refused_list;
};

G_DEFINE_FINAL_TYPE (MsMergeDialog, ms_merge_dialog, ADW_TYPE_WINDOW)

/* One line of at most @max characters: file texts can be long paragraphs. */
static char *
shorten_text (const char *text,
              glong       max)
{
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean space = FALSE;
  glong length = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = line->len > 0;
          continue;
        }
      if (length + space >= max)
        {
          g_string_append (line, "…");
          break;
        }
      if (space)
        {
          g_string_append_c (line, ' ');
          length++;
          space = FALSE;
        }
      g_string_append_unichar (line, c);
      length++;
    }

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/* Sources name the file by its whole path; the rows need only its name. */
static char *
dup_short_source (MsMergeDialog *self,
                  const char    *source)
{
  for (guint i = 0; i < self->workbooks->len; i++)
    {
      const char *path = ms_workbook_get_display_name (g_ptr_array_index (self->workbooks, i));
      gsize length = strlen (path);

      if (strncmp (source, path, length) == 0 && source[length] == ':')
        {
          g_autofree char *name = g_path_get_basename (path);

          return g_strconcat (name, source + length, NULL);
        }
    }

  return g_strdup (source);
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* File text in a row: plain text, in the Chinese face. */
static GtkWidget *
new_text_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  ms_widget_mark_chinese (row);
  return row;
}

static guint
count_accepted (MsMergeDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->shown->len; i++)
    n += ((MsMergeChange *)g_ptr_array_index (self->shown, i))->accepted;
  return n;
}

static gboolean
read_date (MsMergeDialog *self,
           MsDate        *date)
{
  return ms_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), date);
}

/* Apply needs something accepted, and a real date where a return gives none. */
static void
update_apply (MsMergeDialog *self)
{
  MsDate date;
  gboolean date_valid = !self->needs_date || read_date (self, &date);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.apply",
                                 self->merge != NULL && date_valid && count_accepted (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.accept-all", self->shown->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.reject-all", self->shown->len > 0);
}

/* A notice for another year, or dated far from it: nothing of it is used. */
static gboolean
refused_whole (MsMergeDialog *self)
{
  GPtrArray *conflicts = ms_merge_get_conflicts (self->merge);

  for (guint i = 0; i < conflicts->len; i++)
    if (((MsMergeConflict *)g_ptr_array_index (conflicts, i))->kind == MS_MERGE_CONFLICT_OTHER_FILE)
      return TRUE;
  return FALSE;
}

static void
update_summary (MsMergeDialog *self)
{
  guint n_changes = self->merge != NULL ? ms_merge_get_changes (self->merge)->len : 0;
  guint n_conflicts = self->merge != NULL ? ms_merge_get_conflicts (self->merge)->len : 0;
  guint n_sheets = self->workbooks->len;
  g_autofree char *summary = NULL;

  if (self->notice != NULL && n_changes == 0 && n_conflicts == 0)
    summary = g_strdup (_("Nothing to update: the file holds what the notice reports"));
  else if (self->notice != NULL && n_changes == 0 && refused_whole (self))
    summary = g_strdup (_("Nothing to apply: the notice is not for the open file’s year"));
  else if (self->notice != NULL)
    {
      /* translators: the first part of "12 changes from notice.txt, 2 conflicts" */
      g_autofree char *changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                                                  n_changes);
      /* translators: the last part of "12 changes from notice.txt, 2 conflicts" */
      g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                                 n_conflicts),
                                                    n_conflicts);

      /* translators: "12 changes", the notice's file name, "2 conflicts"; reorder with %2$s and the like */
      summary = g_strdup_printf (_("%1$s from %2$s, %3$s"), changes, self->notice_name, conflicts);
    }
  else if (n_sheets == 0)
    summary = g_strdup (_("None of the files could be read as a returned sheet"));
  else if (n_changes == 0 && n_conflicts == 0)
    summary = g_strdup (_("Nothing to merge: the sheets hold what the file holds"));
  else
    {
      /* translators: the first part of "12 changes from 3 sheets, 2 conflicts" */
      g_autofree char *changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n_changes),
                                                  n_changes);
      /* translators: the second part of "12 changes from 3 sheets, 2 conflicts" */
      g_autofree char *sheets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u sheet", "from %u sheets",
                                                              n_sheets),
                                                 n_sheets);
      /* translators: the third part of "12 changes from 3 sheets, 2 conflicts" */
      g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                                 n_conflicts),
                                                    n_conflicts);

      /* translators: "12 changes" "from 3 sheets" "2 conflicts"; reorder with %2$s and the like */
      summary = g_strdup_printf (_("%1$s %2$s, %3$s"), changes, sheets, conflicts);
    }

  gtk_label_set_label (self->summary_label, summary);
}

typedef struct
{
  guint project_position;
  guint change_position;
} RowOrder;

static int
compare_row_order (gconstpointer a,
                   gconstpointer b)
{
  const RowOrder *first = a;
  const RowOrder *second = b;

  if (first->project_position != second->project_position)
    return first->project_position < second->project_position ? -1 : 1;
  return first->change_position < second->change_position ? -1 : first->change_position > second->change_position;
}

/* Rows of one project together, in the file's order of projects. */
static void
sort_changes (MsMergeDialog *self)
{
  GPtrArray *changes = ms_merge_get_changes (self->merge);
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (self->document));
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (RowOrder), changes->len);

  for (guint i = 0; i < projects->len; i++)
    g_hash_table_insert (positions, g_ptr_array_index (projects, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < changes->len; i++)
    {
      MsMergeChange *change = g_ptr_array_index (changes, i);
      RowOrder row = { GPOINTER_TO_UINT (g_hash_table_lookup (positions, change->project)), i };

      g_array_append_val (order, row);
    }
  g_array_sort (order, compare_row_order);

  g_ptr_array_set_size (self->shown, 0);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (self->shown, g_ptr_array_index (changes, g_array_index (order, RowOrder, i).change_position));
}

static void
add_change_row (MsMergeDialog *self,
                MsMergeChange *change)
{
  g_autofree char *field = ms_merge_change_dup_field_label (change);
  g_autofree char *file_value = NULL;
  g_autofree char *return_value = NULL;

  /* A figure reads as the window writes figures: with its unit, in the
   * interface's language; the file's value is the one it holds now. */
  if (change->field == MS_MERGE_FIELD_ACTUAL && change->indicator != NULL)
    {
      const char *language = ms_l10n_get_system_language ();
      const char *unit = ms_indicator_get_unit (change->indicator);

      file_value = ms_indicator_get_has_actual (change->indicator)
                 ? ms_l10n_format_figure (language, ms_indicator_get_actual (change->indicator), unit)
                 : g_strdup (change->file_value);
      return_value = ms_l10n_format_figure (language, change->figure, unit);
    }
  else
    {
      file_value = shorten_text (change->file_value, SHOWN_VALUE_LENGTH);
      return_value = shorten_text (change->return_value, SHOWN_VALUE_LENGTH);
    }
  g_autofree char *source = dup_short_source (self, change->source);
  /* translators: a change in the merge review: the field, the value in the file → the value returned */
  g_autofree char *title = g_strdup_printf (_("%s: %s → %s"), field, file_value, return_value);
  /* translators: under a change in the merge review: the department, where the value was read */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), change->department, source);
  g_autofree char *tooltip = NULL;
  GtkWidget *row = new_text_row (title, subtitle);
  GtkWidget *check = gtk_check_button_new ();

  if (self->notice != NULL)
    /* translators: the tooltip of a change read from a notice, with the values whole */
    tooltip = g_strdup_printf (_("In the file: %s\nIn the notice: %s"), change->file_value, change->return_value);
  else
    /* translators: the tooltip of a change in the merge review, with the values whole */
    tooltip = g_strdup_printf (_("In the file: %s\nReturned: %s"), change->file_value, change->return_value);
  gtk_widget_set_tooltip_text (row, tooltip);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), change->accepted);
  /* The row takes the click and the keys, so the whole row toggles and is one stop. */
  gtk_widget_set_can_target (check, FALSE);
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_list_box_append (self->changes_list, row);
  g_ptr_array_add (self->checks, check);
}

/* A heading over the first change of each project: its number and pledge. */
static void
update_project_header (GtkListBoxRow *row,
                       GtkListBoxRow *before,
                       gpointer       user_data)
{
  MsMergeDialog *self = user_data;
  int position = gtk_list_box_row_get_index (row);
  MsMergeChange *change;
  MsMergeChange *previous = NULL;
  g_autofree char *pledge = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *label;

  if (position < 0 || (guint)position >= self->shown->len)
    return;
  change = g_ptr_array_index (self->shown, position);
  if (before != NULL && gtk_list_box_row_get_index (before) >= 0)
    previous = g_ptr_array_index (self->shown, gtk_list_box_row_get_index (before));
  if (previous != NULL && previous->project == change->project)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (gtk_list_box_row_get_header (row) != NULL)
    return;

  pledge = ms_project_dup_short_title (change->project);
  /* translators: a project's heading in the merge review: its number and short pledge */
  heading = g_strdup_printf (_("No. %u · %s"), ms_project_get_number (change->project), pledge);
  label = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  ms_widget_mark_chinese (label);
  gtk_list_box_row_set_header (row, label);
}

static void
fill_rows (MsMergeDialog *self)
{
  GPtrArray *conflicts;

  clear_list (self->changes_list);
  clear_list (self->conflicts_list);
  g_ptr_array_set_size (self->checks, 0);
  g_ptr_array_set_size (self->shown, 0);

  if (self->merge != NULL)
    {
      sort_changes (self);
      for (guint i = 0; i < self->shown->len; i++)
        add_change_row (self, g_ptr_array_index (self->shown, i));

      conflicts = ms_merge_get_conflicts (self->merge);
      for (guint i = 0; i < conflicts->len; i++)
        {
          MsMergeConflict *conflict = g_ptr_array_index (conflicts, i);
          g_autofree char *source = dup_short_source (self, conflict->source);
          /* translators: under a conflict in the merge review: where it was read, what is wrong */
          g_autofree char *subtitle = g_strdup_printf (_("%s: %s"), source, conflict->message);
          const char *kind = ms_merge_conflict_kind_get_label (conflict->kind);
          GtkWidget *row;

          /* The core's word is for returns; a notice is for another year (or date). */
          if (self->notice != NULL && conflict->kind == MS_MERGE_CONFLICT_OTHER_FILE)
            kind = _("notice for another year");
          row = new_text_row (kind, subtitle);

          /* Conflicts are left out by the merge: nothing here to accept. */
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
          gtk_list_box_append (self->conflicts_list, row);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->changes_group), self->shown->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_group),
                          self->merge != NULL && ms_merge_get_conflicts (self->merge)->len > 0);
  update_summary (self);
  update_apply (self);
  /* Sheets that hold what the file holds leave nothing to review; refused files are still listed. */
  gtk_stack_set_visible_child_name (self->review_stack,
                                    self->merge != NULL
                                    && (self->notice != NULL || (self->workbooks->len > 0 && self->n_refused == 0))
                                    && ms_merge_get_changes (self->merge)->len == 0
                                    && ms_merge_get_conflicts (self->merge)->len == 0 ? "nothing" : "review");
}

/* Merges the returns read again, with @date for those that give none;
 * what was accepted or rejected stays so where the changes are the same. */
static void
merge_again (MsMergeDialog *self,
             MsDate         date)
{
  g_autoptr(GArray) accepted = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GPtrArray *changes;

  if (self->merge != NULL)
    {
      changes = ms_merge_get_changes (self->merge);
      for (guint i = 0; i < changes->len; i++)
        g_array_append_val (accepted, ((MsMergeChange *)g_ptr_array_index (changes, i))->accepted);
    }
  /* The rows point into the merge: forget them first (removing rows asks for headers). */
  g_ptr_array_set_size (self->shown, 0);
  g_clear_pointer (&self->merge, ms_merge_free);

  /* Each was read once already: only the date can have failed. */
  if (self->notice != NULL && (date != MS_DATE_NONE || !self->needs_date))
    {
      g_autoptr(GError) error = NULL;

      self->merge = ms_merge_new_for_notice (self->document, self->notice, self->notice_report,
                                             self->notice_name, date, &error);
      if (self->merge == NULL)
        g_warning ("%s", error->message);
    }
  else if (date != MS_DATE_NONE || !self->needs_date)
    {
      self->merge = ms_merge_new (self->document, date);
      for (guint i = 0; i < self->workbooks->len; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!ms_merge_add_return (self->merge, g_ptr_array_index (self->workbooks, i), &error))
            g_warning ("%s", error->message);
        }
    }
  if (self->merge != NULL)
    {
      changes = ms_merge_get_changes (self->merge);
      if (changes->len == accepted->len)
        for (guint i = 0; i < changes->len; i++)
          ((MsMergeChange *)g_ptr_array_index (changes, i))->accepted = g_array_index (accepted, gboolean, i);
    }

  fill_rows (self);
}

static void
add_refused_row (MsMergeDialog *self,
                 GFile         *file,
                 const char    *message)
{
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *name = g_path_get_basename (path);
  gsize length = strlen (path);
  GtkWidget *row;

  /* The message names the file by its path; the row's title names it
   * already. The colon after it is the translation's (": " or "："). */
  if (strncmp (message, path, length) == 0)
    {
      const char *rest = message + length;

      if (g_str_has_prefix (rest, ":"))
        rest += strlen (":");
      else if (g_str_has_prefix (rest, "："))
        rest += strlen ("：");
      else
        rest = message;
      while (rest != message && *rest == ' ')
        rest++;
      message = rest;
    }
  row = new_text_row (name, message);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_append (self->refused_list, row);
  self->n_refused++;
  gtk_widget_set_visible (GTK_WIDGET (self->refused_group), TRUE);
}

/* Reads each file; one that is no return at all is listed with the reason. */
static void
read_files (MsMergeDialog *self,
            GListModel    *files)
{
  g_autoptr(MsMerge) probe = ms_merge_new (self->document, MS_DATE_NONE);

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(MsWorkbook) workbook = NULL;
      g_autoptr(GError) error = NULL;

      workbook = ms_workbook_load (file, NULL, &error);
      if (workbook != NULL && !ms_merge_add_return (probe, workbook, &error)
          && g_error_matches (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NO_DATE))
        {
          self->needs_date = TRUE;
          g_clear_error (&error);
        }
      if (error != NULL)
        add_refused_row (self, file, error->message);
      else
        g_ptr_array_add (self->workbooks, g_steal_pointer (&workbook));
    }
}

static void
date_changed_cb (MsMergeDialog *self)
{
  MsDate date;

  g_assert (MS_IS_MERGE_DIALOG (self));

  if (read_date (self, &date))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      merge_again (self, date);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      update_apply (self);
    }
}

static void
change_activated_cb (MsMergeDialog *self,
                     GtkListBoxRow *row)
{
  int position = gtk_list_box_row_get_index (row);
  MsMergeChange *change;

  g_assert (MS_IS_MERGE_DIALOG (self));

  if (position < 0 || (guint)position >= self->shown->len)
    return;

  change = g_ptr_array_index (self->shown, position);
  change->accepted = !change->accepted;
  gtk_check_button_set_active (g_ptr_array_index (self->checks, position), change->accepted);
  update_apply (self);
}

static void
accept_all (MsMergeDialog *self,
            gboolean       accepted)
{
  for (guint i = 0; i < self->shown->len; i++)
    {
      ((MsMergeChange *)g_ptr_array_index (self->shown, i))->accepted = accepted;
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), accepted);
    }
  update_apply (self);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  accept_all (MS_MERGE_DIALOG (widget), TRUE);
}

static void
reject_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  accept_all (MS_MERGE_DIALOG (widget), FALSE);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MsMergeDialog *self = MS_MERGE_DIALOG (widget);
  g_autofree char *message = NULL;
  guint n_applied;

  if (self->merge == NULL || self->window == NULL)
    return;
  /* The review is of one document: if another was opened meanwhile, nothing is merged. */
  if (ms_window_get_document (self->window) != self->document)
    {
      if (self->notice != NULL)
        _ms_window_show_message (self->window, _("Could Not Update the File"),
                                 _("Another file was opened in the window since the notice was read."));
      else
        _ms_window_show_message (self->window, _("Could Not Merge the Returned Sheets"),
                                 _("Another file was opened in the window since the sheets were read."));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  n_applied = ms_merge_apply (self->merge, ms_window_get_history (self->window));
  self->applied = n_applied > 0;
  if (self->notice != NULL)
    /* translators: a notice after a published notice was read into the open file */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change from the notice applied",
                                            "%u changes from the notice applied", n_applied),
                               n_applied);
  else
    /* translators: a notice after merging returned sheets */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change merged", "%u changes merged", n_applied),
                               n_applied);
  _ms_window_toast (self->window, message);
  gtk_window_close (GTK_WINDOW (self));
}

/* The dialog it was opened from comes back as the user left it, unless
 * the review was applied: then that is done with too. */
static gboolean
ms_merge_dialog_close_request (GtkWindow *window)
{
  MsMergeDialog *self = MS_MERGE_DIALOG (window);

  if (self->origin != NULL)
    {
      if (self->applied)
        gtk_window_destroy (self->origin);
      else
        gtk_window_present (self->origin);
      g_clear_weak_pointer (&self->origin);
    }

  return GTK_WINDOW_CLASS (ms_merge_dialog_parent_class)->close_request (window);
}

static void
ms_merge_dialog_dispose (GObject *object)
{
  MsMergeDialog *self = MS_MERGE_DIALOG (object);

  /* The rows outlive the template's references while the window takes its children apart. */
  if (self->changes_list != NULL)
    gtk_list_box_set_header_func (self->changes_list, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_MERGE_DIALOG);
  g_clear_weak_pointer (&self->window);
  g_clear_weak_pointer (&self->origin);
  g_clear_pointer (&self->merge, ms_merge_free);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->workbooks, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->notice);
  g_clear_pointer (&self->notice_report, ms_notice_report_free);
  g_clear_pointer (&self->notice_name, g_free);

  G_OBJECT_CLASS (ms_merge_dialog_parent_class)->dispose (object);
}

static void
ms_merge_dialog_class_init (MsMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ms_merge_dialog_dispose;
  window_class->close_request = ms_merge_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-merge-dialog.ui");
  /* A window of its own for a task, read as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, review_stack);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, date_group);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, changes_list);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, refused_group);
  gtk_widget_class_bind_template_child (widget_class, MsMergeDialog, refused_list);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, change_activated_cb);

  gtk_widget_class_install_action (widget_class, "merge.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "merge.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "merge.reject-all", NULL, reject_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ms_merge_dialog_init (MsMergeDialog *self)
{
  self->workbooks = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_workbook_free);
  self->shown = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_widget_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->changes_list, update_project_header, self, NULL);
}

/* The date row, for returns (or a notice) that give no date: the file's
 * reporting date, else today. Returns: the date offered */
static MsDate
offer_date (MsMergeDialog *self)
{
  MsDate as_of = ms_document_get_as_of (self->document);
  MsDate date = as_of != MS_DATE_NONE ? as_of : ms_date_today ();
  g_autofree char *text = ms_date_to_string (date);

  gtk_widget_set_visible (GTK_WIDGET (self->date_group), TRUE);
  /* Setting the text merges, through date_changed_cb. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  return date;
}

/**
 * ms_merge_dialog_new_for_files:
 * @files: (element-type GFile): the returned sheets, .xlsx or CSV
 *
 * Reads @files and merges them into a review of @window's document; the
 * document changes only when the review is applied.
 *
 * Returns: (transfer floating): the review, to present
 */
GtkWidget *
ms_merge_dialog_new_for_files (MsWindow   *window,
                               GListModel *files)
{
  MsMergeDialog *self;
  MsDocument *document;
  MsDate date = MS_DATE_NONE;

  g_return_val_if_fail (MS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (files), NULL);
  document = ms_window_get_document (window);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (MS_TYPE_MERGE_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (document);
  read_files (self, files);

  if (self->needs_date)
    date = offer_date (self);
  if (self->merge == NULL)
    merge_again (self, date);

  return GTK_WIDGET (self);
}

/**
 * ms_merge_dialog_new_for_notice:
 * @name: the notice's file name, as the review names it
 * @notice: the document ms_notice_import() read from the notice, with
 *   its year as the import preview settled it
 * @report: what the import found; copied
 *
 * The review of a published notice read into @window's document (as
 * `minsheng-cli import NOTICE --into FILE` does): each figure a progress
 * entry at the notice's date, asked for here when the notice gives none.
 * The document changes only when the review is applied.
 *
 * Returns: (transfer floating): the review, to present
 */
GtkWidget *
ms_merge_dialog_new_for_notice (MsWindow       *window,
                                const char     *name,
                                MsDocument     *notice,
                                MsNoticeReport *report)
{
  MsMergeDialog *self;
  MsDocument *document;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MS_IS_WINDOW (window), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (MS_IS_DOCUMENT (notice), NULL);
  g_return_val_if_fail (report != NULL, NULL);
  document = ms_window_get_document (window);
  g_return_val_if_fail (document != NULL, NULL);

  self = g_object_new (MS_TYPE_MERGE_DIALOG, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  self->document = g_object_ref (document);
  self->notice = g_object_ref (notice);
  self->notice_report = ms_notice_report_copy (report);
  self->notice_name = g_strdup (name);

  gtk_window_set_title (GTK_WINDOW (self), _("Update From Notice"));
  /* translators: the button that applies the changes a notice brings to the open file */
  gtk_button_set_label (GTK_BUTTON (self->apply_button), C_("update from notice", "_Apply"));
  ms_widget_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_widget_set_tooltip_text (self->apply_button, _("Apply the accepted changes to the open file"));
  adw_status_page_set_title (self->nothing_page, _("Nothing to update: the file holds what the notice reports"));
  adw_preferences_group_set_description (self->conflicts_group,
                                         _("Left out of the update: check these against the notice by hand."));
  adw_preferences_group_set_description (self->date_group, _("The notice does not say the date of its figures."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Date of the notice’s figures (YYYY-MM-DD)"));
  if (report->date != MS_DATE_NONE)
    {
      g_autofree char *date = ms_date_to_string (report->date);
      /* translators: %s is the notice's date, such as 2024-07-10 */
      g_autofree char *description = g_strdup_printf (_("Only the checked changes are applied, as one step you can "
                                                        "undo. Each figure becomes a progress entry at the "
                                                        "notice’s date, %s."), date);

      adw_preferences_group_set_description (self->changes_group, description);
    }
  else
    adw_preferences_group_set_description (self->changes_group,
                                           _("Only the checked changes are applied, as one step you can undo. "
                                             "Each figure becomes a progress entry at the date above."));

  /* Without the date of its figures the notice cannot be read in: ask. */
  self->merge = ms_merge_new_for_notice (document, notice, self->notice_report, name, MS_DATE_NONE, &error);
  if (self->merge == NULL && g_error_matches (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NO_DATE))
    {
      self->needs_date = TRUE;
      offer_date (self);
    }
  else
    {
      if (self->merge == NULL)
        g_warning ("%s", error->message);
      fill_rows (self);
    }

  return GTK_WIDGET (self);
}

/**
 * ms_merge_dialog_set_origin:
 * @origin: (nullable): the dialog the review was opened from, hidden meanwhile
 *
 * @origin is shown again when the review is cancelled, and destroyed
 * when it is applied.
 */
void
ms_merge_dialog_set_origin (MsMergeDialog *self,
                            GtkWindow     *origin)
{
  g_return_if_fail (MS_IS_MERGE_DIALOG (self));
  g_return_if_fail (origin == NULL || GTK_IS_WINDOW (origin));

  g_set_weak_pointer (&self->origin, origin);
}

/* Files a drop hands to the review rather than opening them. */
gboolean
ms_merge_dialog_accepts_file (GFile *file)
{
  g_autofree char *name = NULL;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  lower = name != NULL ? g_utf8_strdown (name, -1) : NULL;
  return lower != NULL && (g_str_has_suffix (lower, ".xlsx") || g_str_has_suffix (lower, ".csv"));
}

static void
choose_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    MsWindow        *window)
{
  if (response == GTK_RESPONSE_ACCEPT && ms_window_get_document (window) != NULL)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      gtk_window_present (GTK_WINDOW (ms_merge_dialog_new_for_files (window, files)));
    }

  g_object_unref (chooser);
  g_object_unref (window);
}

/**
 * ms_merge_dialog_new_chooser:
 *
 * Returns: (transfer full): the chooser of the sheets to merge, several at once
 */
GtkFileChooserNative *
ms_merge_dialog_new_chooser (MsWindow *window)
{
  GtkFileChooserNative *chooser;
  /* The chooser keeps its own reference. */
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_val_if_fail (MS_IS_WINDOW (window), NULL);

  chooser = gtk_file_chooser_native_new (_("Merge Returned Sheets"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Review"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _(".xlsx and .csv"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  return chooser;
}

/* The sheets to merge, then their review. */
void
ms_merge_dialog_choose_files (MsWindow *window)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (MS_IS_WINDOW (window));

  chooser = ms_merge_dialog_new_chooser (window);
  g_signal_connect (chooser, "response", G_CALLBACK (choose_response_cb), g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

MsMerge *
ms_merge_dialog_get_merge (MsMergeDialog *self)
{
  g_return_val_if_fail (MS_IS_MERGE_DIALOG (self), NULL);

  return self->merge;
}

/* Counted from the list itself, not from the merge. */
guint
ms_merge_dialog_get_n_change_rows (MsMergeDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (MS_IS_MERGE_DIALOG (self), 0);

  while (gtk_list_box_get_row_at_index (self->changes_list, n) != NULL)
    n++;
  return n;
}

/**
 * ms_merge_dialog_get_row_change:
 * @row: a row of the list of changes, from 0
 *
 * Returns: (transfer none): the change the row shows
 */
const MsMergeChange *
ms_merge_dialog_get_row_change (MsMergeDialog *self,
                                guint          row)
{
  g_return_val_if_fail (MS_IS_MERGE_DIALOG (self), NULL);
  g_return_val_if_fail (row < self->shown->len, NULL);

  return g_ptr_array_index (self->shown, row);
}

guint
ms_merge_dialog_get_n_refused (MsMergeDialog *self)
{
  g_return_val_if_fail (MS_IS_MERGE_DIALOG (self), 0);

  return self->n_refused;
}

gboolean
ms_merge_dialog_get_needs_date (MsMergeDialog *self)
{
  g_return_val_if_fail (MS_IS_MERGE_DIALOG (self), FALSE);

  return self->needs_date;
}
