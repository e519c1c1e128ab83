/* ms-merge-notice.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-merge"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-category.h"
#include "ms-group.h"
#include "ms-l10n.h"
#include "ms-merge-private.h"
#include "ms-quantity.h"

/* A published notice of progress or completion (进展情况, 完成情况) read
 * into the open file of the same year: its projects are found among the
 * file's by category and number, or by their text when the numbers differ,
 * their indicators by unit and name; each reported figure becomes a
 * progress entry at the notice's date and each completion text a change,
 * reviewed and applied like the changes of a returned sheet. What cannot be
 * matched with confidence is a conflict, never a guess. The rules are the
 * ones FORMAT.md gives ("Notices into the open file"). */

/* Similarity of two texts, from 0 to 1: a project found by its text alone
 * needs SIMILAR_TEXT; the project of the same number needs less, for the
 * number says as much. Unrelated pledges of one notice stay below 0.25. */
#define SIMILAR_TEXT       0.5
#define SIMILAR_NUMBERED   0.3
#define NUMBER_WEIGHT      0.25
/* The best candidate must lead the second by this much, or it is a tie. */
#define CLEAR_LEAD         0.1
#define SIMILAR_CATEGORY   0.5
#define SIMILAR_INDICATOR  0.4
/* An indicator whose target is the file's is very likely the same one. */
#define SAME_TARGET_WEIGHT 0.5
/* A text of a notice that the file's text contains counts nearly as much
 * as an equal one ("职业技能培训" in "全年开展职业技能培训4.7万人次以上"). */
#define CONTAINED_WEIGHT   0.8
#define SHOWN_TEXT_LENGTH  40

typedef struct
{
  MsMerge        *self;
  MsDocument     *document;
  MsDocument     *notice;
  MsNoticeReport *report;
  const char     *source_name;
  MsDate          date;
  /* MsProject of the notice → MsNoticeItem */
  GHashTable     *items;
} NoticeMerge;

static gint
compare_bigrams (gconstpointer a,
                 gconstpointer b)
{
  guint64 first = *(const guint64 *)a;
  guint64 second = *(const guint64 *)b;

  return first < second ? -1 : first > second;
}

/* The character bigrams of the characters that carry meaning, full-width
 * forms folded, sorted: no blanks, punctuation or symbols. */
static GArray *
new_bigrams (const char *text)
{
  g_autofree char *folded = ms_text_normalize (text != NULL ? text : "");
  GArray *bigrams = g_array_new (FALSE, FALSE, sizeof (guint64));
  gunichar previous = 0;

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (g_unichar_isspace (c) || g_unichar_ispunct (c))
        continue;
      if (previous != 0)
        {
          guint64 bigram = ((guint64)previous << 32) | c;

          g_array_append_val (bigrams, bigram);
        }
      previous = c;
    }

  /* One character alone is its own bigram. */
  if (bigrams->len == 0 && previous != 0)
    {
      guint64 bigram = (guint64)previous << 32;

      g_array_append_val (bigrams, bigram);
    }

  g_array_sort (bigrams, compare_bigrams);
  return bigrams;
}

/* The bigrams two sorted lists share, counted as a multiset. */
static guint
count_common (GArray *a,
              GArray *b)
{
  guint i = 0, j = 0, common = 0;

  while (i < a->len && j < b->len)
    {
      guint64 x = g_array_index (a, guint64, i);
      guint64 y = g_array_index (b, guint64, j);

      if (x == y)
        {
          common++;
          i++;
          j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }

  return common;
}

/* Dice's coefficient of the character bigrams; or, when the notice's text
 * is contained in the file's, nearly the same. @contained_in_either lets
 * the file's text be the shorter one too (names of indicators). */
static double
similarity (GArray   *notice,
            GArray   *file,
            gboolean  contained_in_either)
{
  guint common, shorter;
  double dice;

  if (notice->len == 0 || file->len == 0)
    return 0;

  common = count_common (notice, file);
  dice = 2.0 * common / (notice->len + file->len);
  shorter = contained_in_either ? MIN (notice->len, file->len) : notice->len;
  /* Two or three characters are contained anywhere: no evidence. */
  if (shorter < 3)
    return dice;
  return MAX (dice, CONTAINED_WEIGHT * common / shorter);
}

static double
text_similarity (const char *notice,
                 const char *file,
                 gboolean    contained_in_either)
{
  g_autoptr(GArray) a = new_bigrams (notice);
  g_autoptr(GArray) b = new_bigrams (file);

  return similarity (a, b, contained_in_either);
}

static char *
dup_shortened (const char *text)
{
  g_autofree char *line = ms_merge_normalize_text (text);

  g_strdelimit (line, "\r\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= SHOWN_TEXT_LENGTH)
    return g_steal_pointer (&line);
  {
    g_autofree char *start = g_utf8_substring (line, 0, SHOWN_TEXT_LENGTH - 1);

    return g_strconcat (start, "…", NULL);
  }
}

static char *
dup_source (NoticeMerge *nm,
            MsProject   *project)
{
  const MsNoticeItem *item = g_hash_table_lookup (nm->items, project);

  if (item == NULL || item->line == 0)
    return g_strdup (nm->source_name);
  return g_strdup_printf ("%s:%u", nm->source_name, item->line);
}

/* A project of the file as a message names it: “市重点民生实事 2”. */
static char *
dup_place (MsProject *project)
{
  MsCategory *category = ms_group_get_category (ms_project_get_group (project));

  return g_strdup_printf ("%s %u", ms_category_get_title (category), ms_project_get_number (project));
}

/* Who reported it: the project's departments, else the notice. */
static char *
dup_department (NoticeMerge *nm,
                MsProject   *project)
{
  const char * const *departments = ms_project_get_departments (project);

  if (departments != NULL && departments[0] != NULL)
    return g_strjoinv ("、", (char **)departments);
  return g_path_get_basename (nm->source_name);
}

/* Category titles as notices write them: "省重点民生实事完成情况". */
static char *
dup_category_words (MsCategory *category)
{
  static const char * const endings[] = { "完成情况", "进展情况", "推进情况", "情况" };
  char *title = ms_merge_normalize_text (ms_category_get_title (category));

  for (guint i = 0; i < G_N_ELEMENTS (endings); i++)
    {
      if (g_str_has_suffix (title, endings[i]) && strlen (title) > strlen (endings[i]))
        {
          title[strlen (title) - strlen (endings[i])] = '\0';
          break;
        }
    }

  return title;
}

static gboolean
is_section_id (const char *id)
{
  return id == NULL || id[0] == '\0' || g_str_has_prefix (id, "section-");
}

/* The file's categories where the projects of @category are looked for:
 * the one it names, else (a notice of one category, which the importer
 * names after the notice) all of them, numbers counting; else all of
 * them, by text alone. */
static GPtrArray *
match_category (NoticeMerge *nm,
                MsCategory  *category,
                gboolean    *numbers_count)
{
  GListModel *file_categories = ms_document_get_categories (nm->document);
  guint n_file = g_list_model_get_n_items (file_categories);
  guint n_notice = g_list_model_get_n_items (ms_document_get_categories (nm->notice));
  g_autofree char *words = dup_category_words (category);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  MsCategory *best = NULL;
  double best_score = 0, second_score = 0;

  *numbers_count = TRUE;
  if (n_file == 1 && n_notice == 1)
    {
      g_ptr_array_add (found, g_list_model_get_item (file_categories, 0));
      return found;
    }

  for (guint i = 0; i < n_file; i++)
    {
      g_autoptr(MsCategory) candidate = g_list_model_get_item (file_categories, i);
      g_autofree char *candidate_words = dup_category_words (candidate);
      double score = text_similarity (words, candidate_words, FALSE);

      if (!is_section_id (ms_category_get_id (category))
          && g_strcmp0 (ms_category_get_id (category), ms_category_get_id (candidate)) == 0)
        score = MAX (score, 1);
      if (score > best_score)
        {
          second_score = best_score;
          best_score = score;
          best = candidate;
        }
      else if (score > second_score)
        second_score = score;
    }

  if (best != NULL && best_score >= SIMILAR_CATEGORY && best_score - second_score >= CLEAR_LEAD)
    {
      g_ptr_array_add (found, g_object_ref (best));
      return found;
    }

  *numbers_count = n_notice == 1;
  for (guint i = 0; i < n_file; i++)
    g_ptr_array_add (found, g_list_model_get_item (file_categories, i));
  return found;
}

typedef struct
{
  MsProject *project;
  double     score;
} Candidate;

static void
project_conflict (NoticeMerge         *nm,
                  MsProject           *project,
                  MsMergeConflictKind  kind,
                  char                *message)
{
  ms_merge_take_conflict (nm->self, kind, dup_source (nm, project), message);
}

/* The file's project for @project of the notice, or NULL after a conflict. */
static MsProject *
match_project (NoticeMerge *nm,
               MsProject   *project,
               GPtrArray   *categories,
               gboolean     numbers_count)
{
  g_autoptr(GArray) text = new_bigrams (ms_project_get_target (project));
  guint number = ms_project_get_number (project);
  Candidate best = { NULL, 0 }, second = { NULL, 0 };
  g_autofree char *shown = dup_shortened (ms_project_get_target (project));

  for (guint c = 0; c < categories->len; c++)
    {
      g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (g_ptr_array_index (categories, c)));

      for (guint i = 0; i < projects->len; i++)
        {
          MsProject *candidate = g_ptr_array_index (projects, i);
          g_autoptr(GArray) candidate_text = new_bigrams (ms_project_get_target (candidate));
          double score = similarity (text, candidate_text, FALSE);
          gboolean same_number = numbers_count && number != 0 && ms_project_get_number (candidate) == number;

          if (score < (same_number ? SIMILAR_NUMBERED : SIMILAR_TEXT))
            continue;
          if (same_number)
            score += NUMBER_WEIGHT;
          if (score > best.score)
            {
              second = best;
              best = (Candidate) { candidate, score };
            }
          else if (score > second.score)
            second = (Candidate) { candidate, score };
        }
    }

  if (best.project == NULL)
    {
      project_conflict (nm, project, MS_MERGE_CONFLICT_NO_PROJECT,
                        /* translators: a project number and the start of its text in an imported notice */
                        g_strdup_printf (_("project %u “%s” of the notice matches no project of the file; it "
                                           "is left out"), number, shown));
      return NULL;
    }
  if (second.project != NULL && best.score - second.score < CLEAR_LEAD)
    {
      g_autofree char *first_place = dup_place (best.project);
      g_autofree char *second_place = dup_place (second.project);

      project_conflict (nm, project, MS_MERGE_CONFLICT_AMBIGUOUS,
                        /* translators: a project number and the start of its text in an imported
                         * notice, then two projects of the file, such as “市重点民生实事 2” */
                        g_strdup_printf (_("project %u “%s” of the notice matches %s and %s of the file "
                                           "alike; it is left out"),
                                         number, shown, first_place, second_place));
      return NULL;
    }

  return best.project;
}

/* How many of @to one of @from is: 10 000 from 万人 to 人, 1 000 from 公里
 * to 米. FALSE when they measure different things. */
static gboolean
units_convert (const char *from,
               const char *to,
               double     *factor)
{
  double scale_from = 1, scale_to = 1, unit_from = 1, unit_to = 1;
  const char *base_from = ms_l10n_split_unit (from, &scale_from);
  const char *base_to = ms_l10n_split_unit (to, &scale_to);
  const char *family_from, *family_to;

  if (g_str_equal (base_from, base_to))
    {
      *factor = scale_from / scale_to;
      return TRUE;
    }

  family_from = ms_quantity_get_unit_family (base_from, &unit_from);
  family_to = ms_quantity_get_unit_family (base_to, &unit_to);
  if (family_from == NULL || family_to == NULL || !g_str_equal (family_from, family_to))
    return FALSE;
  *factor = scale_from * unit_from / (scale_to * unit_to);
  return TRUE;
}

/* Converted figures read as typed: 2.6万 is 26000, not 26000.000000000004. */
static double
convert (double value,
         double factor)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (factor == 1)
    return value;
  return g_ascii_strtod (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value * factor), NULL);
}

static guint
count_convertible (MsProject  *project,
                   const char *unit)
{
  guint n = 0;
  double factor;

  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    n += units_convert (unit, ms_indicator_get_unit (ms_project_get_indicator (project, i)), &factor);
  return n;
}

static void
merge_figure (NoticeMerge *nm,
              MsProject   *notice_project,
              MsProject   *project,
              MsIndicator *reported)
{
  g_autoptr(GArray) name = new_bigrams (ms_indicator_get_name (reported));
  const char *unit = ms_indicator_get_unit (reported);
  guint n_same_unit = count_convertible (project, unit);
  MsIndicator *best = NULL, *second = NULL;
  double best_score = 0, second_score = 0, best_factor = 1;
  g_autofree char *shown = ms_merge_format_figure (TRUE, ms_indicator_get_actual (reported));
  g_autofree char *place = dup_place (project);
  MsMergeChange *change;
  double figure, current = 0;
  gboolean has_current;
  char key[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint i = 0; i < ms_project_get_n_indicators (project); i++)
    {
      MsIndicator *candidate = ms_project_get_indicator (project, i);
      g_autoptr(GArray) candidate_name = new_bigrams (ms_indicator_get_name (candidate));
      double factor, score;

      if (!units_convert (unit, ms_indicator_get_unit (candidate), &factor))
        continue;
      score = similarity (name, candidate_name, TRUE);
      if (ms_merge_figures_equal (convert (ms_indicator_get_target (reported), factor),
                                  ms_indicator_get_target (candidate)))
        score += SAME_TARGET_WEIGHT;
      /* The one figure of its unit in both: the unit says which it is. */
      if (n_same_unit == 1 && count_convertible (notice_project, unit) == 1)
        score = MAX (score, SIMILAR_INDICATOR);
      if (score < SIMILAR_INDICATOR)
        continue;
      if (score > best_score)
        {
          second = best;
          second_score = best_score;
          best = candidate;
          best_score = score;
          best_factor = factor;
        }
      else if (score > second_score)
        {
          second = candidate;
          second_score = score;
        }
    }

  if (best == NULL)
    {
      project_conflict (nm, notice_project, MS_MERGE_CONFLICT_NO_PROJECT,
                        /* translators: an indicator of an imported notice, its figure and unit,
                         * then a project of the file such as “市重点民生实事 2” */
                        g_strdup_printf (_("“%s” (%s %s) matches no indicator of %s; the figure is not used"),
                                         ms_indicator_get_name (reported), shown, unit, place));
      return;
    }
  if (second != NULL && best_score - second_score < CLEAR_LEAD)
    {
      project_conflict (nm, notice_project, MS_MERGE_CONFLICT_AMBIGUOUS,
                        /* translators: an indicator of an imported notice, its figure and unit, two
                         * indicators of the file, then their project such as “市重点民生实事 2” */
                        g_strdup_printf (_("“%s” (%s %s) matches “%s” and “%s” of %s alike; the figure is "
                                           "not used"),
                                         ms_indicator_get_name (reported), shown, unit,
                                         ms_indicator_get_name (best), ms_indicator_get_name (second), place));
      return;
    }

  figure = convert (ms_indicator_get_actual (reported), best_factor);
  if (!ms_figure_is_plausible (figure))
    {
      project_conflict (nm, notice_project, MS_MERGE_CONFLICT_BAD_VALUE,
                        /* translators: a figure, its unit and the indicator's name */
                        g_strdup_printf (_("%s %s of “%s” is not a plausible figure; not applied"),
                                         shown, unit, ms_indicator_get_name (reported)));
      return;
    }

  has_current = ms_merge_get_file_figure (best, nm->date, &current);
  if (has_current && ms_merge_figures_equal (current, figure))
    return;

  change = g_new0 (MsMergeChange, 1);
  change->project = project;
  change->indicator = best;
  change->field = MS_MERGE_FIELD_ACTUAL;
  change->date = nm->date;
  change->figure = figure;
  change->file_value = ms_merge_format_figure (has_current, current);
  change->return_value = ms_merge_format_figure (TRUE, figure);
  change->source = dup_source (nm, notice_project);
  change->department = dup_department (nm, notice_project);
  change->accepted = TRUE;
  g_ascii_dtostr (key, sizeof key, figure);
  ms_merge_propose (nm->self, change->department, change, key);
}

static void
merge_completion (NoticeMerge *nm,
                  MsProject   *notice_project,
                  MsProject   *project)
{
  g_autofree char *text = ms_merge_normalize_text (ms_project_get_completion (notice_project));
  g_autofree char *current = ms_merge_normalize_text (ms_project_get_completion (project));
  MsMergeChange *change;

  /* A notice without a completion text says nothing of it. */
  if (text[0] == '\0' || g_str_equal (text, current))
    return;

  change = g_new0 (MsMergeChange, 1);
  change->project = project;
  change->field = MS_MERGE_FIELD_COMPLETION;
  change->date = nm->date;
  change->text = g_strdup (text);
  change->file_value = g_strdup (current);
  change->return_value = g_strdup (text);
  change->source = dup_source (nm, notice_project);
  change->department = dup_department (nm, notice_project);
  change->accepted = TRUE;
  ms_merge_propose (nm->self, change->department, change, text);
}

/* Returns: FALSE when nothing of the notice may be used (a conflict says why) */
static gboolean
check_year (NoticeMerge *nm)
{
  int year = ms_document_get_year (nm->document);
  int notice_year = ms_document_get_year (nm->notice);
  MsDate date = nm->report->date;

  if (nm->report->year_source != MS_NOTICE_YEAR_ASSUMED && notice_year != year)
    {
      ms_merge_take_conflict (nm->self, MS_MERGE_CONFLICT_OTHER_FILE, g_strdup (nm->source_name),
                              /* translators: the year an imported notice is for, then the file's year */
                              g_strdup_printf (_("the notice is for the year %d, the file for %d; nothing of "
                                                 "it is used"), notice_year, year));
      return FALSE;
    }

  /* The file keeps no date further than a year from its own. */
  if (date == MS_DATE_NONE)
    date = ms_merge_get_fallback_date (nm->self);
  if (date != MS_DATE_NONE && (ms_date_get_year (date) < year - 1 || ms_date_get_year (date) > year + 1))
    {
      g_autofree char *text = ms_date_to_string (date);

      ms_merge_take_conflict (nm->self, MS_MERGE_CONFLICT_OTHER_FILE, g_strdup (nm->source_name),
                              /* translators: the date of an imported notice, then the file's year */
                              g_strdup_printf (_("the notice is dated %s, more than a year away from the file’s "
                                                 "year %d; nothing of it is used"), text, year));
      return FALSE;
    }

  return TRUE;
}

/**
 * ms_merge_add_notice:
 * @notice: a document read from a published notice (ms_notice_import())
 * @report: what the import found: where each project was, the year's
 *   source, the notice's date
 * @source_name: the notice's file name, as changes and conflicts name it
 *   ("NOTICE:LINE")
 *
 * Reads the changes and conflicts of a notice of progress or completion
 * for the file's year: each figure it reports for a project of the file
 * becomes a progress entry at the notice's date (else the merge's fallback
 * date), its completion texts changes of the projects' completion. A
 * notice for another year is a conflict and nothing of it is used.
 *
 * Returns: %FALSE (%MS_MERGE_ERROR_NO_DATE) when neither the notice nor the
 *   merge gives a date
 */
gboolean
ms_merge_add_notice (MsMerge         *self,
                     MsDocument      *notice,
                     MsNoticeReport  *report,
                     const char      *source_name,
                     GError         **error)
{
  g_autoptr(GHashTable) items = g_hash_table_new (NULL, NULL);
  GListModel *categories;
  NoticeMerge nm = { 0 };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MS_IS_DOCUMENT (notice), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  nm.self = self;
  nm.document = ms_merge_get_document (self);
  nm.notice = notice;
  nm.report = report;
  nm.source_name = source_name;
  nm.items = items;
  ms_merge_set_from_notice (self);

  if (!check_year (&nm))
    return TRUE;

  nm.date = report->date != MS_DATE_NONE ? report->date : ms_merge_get_fallback_date (self);
  if (nm.date == MS_DATE_NONE)
    {
      g_set_error (error, MS_MERGE_ERROR, MS_MERGE_ERROR_NO_DATE,
                   /* translators: %s is a file name; --date is a command-line option, keep it */
                   _("%s: the notice gives no date; give the date of its figures with --date"), source_name);
      return FALSE;
    }

  for (guint i = 0; report->items != NULL && i < report->items->len; i++)
    {
      MsNoticeItem *item = g_ptr_array_index (report->items, i);

      g_hash_table_insert (items, item->project, item);
    }

  categories = ms_document_get_categories (notice);
  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      g_autoptr(MsCategory) category = g_list_model_get_item (categories, c);
      g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (category));
      g_autoptr(GPtrArray) file_categories = NULL;
      gboolean numbers_count = TRUE;

      file_categories = match_category (&nm, category, &numbers_count);
      for (guint i = 0; i < projects->len; i++)
        {
          MsProject *notice_project = g_ptr_array_index (projects, i);
          MsProject *project = match_project (&nm, notice_project, file_categories, numbers_count);

          if (project == NULL)
            continue;
          for (guint k = 0; k < ms_project_get_n_indicators (notice_project); k++)
            {
              MsIndicator *reported = ms_project_get_indicator (notice_project, k);

              if (ms_indicator_get_has_actual (reported))
                merge_figure (&nm, notice_project, project, reported);
            }
          merge_completion (&nm, notice_project, project);
        }
    }

  return TRUE;
}

/**
 * ms_merge_new_for_notice:
 * @document: the open file
 * @fallback_date: the date of the figures when the notice gives none, or
 *   %MS_DATE_NONE
 *
 * A merge of one notice into @document, ready for review and
 * ms_merge_apply(): ms_merge_new() then ms_merge_add_notice().
 *
 * Returns: (transfer full) (nullable): the merge, or %NULL when no date
 *   is known (%MS_MERGE_ERROR_NO_DATE)
 */
MsMerge *
ms_merge_new_for_notice (MsDocument      *document,
                         MsDocument      *notice,
                         MsNoticeReport  *report,
                         const char      *source_name,
                         MsDate           fallback_date,
                         GError         **error)
{
  g_autoptr(MsMerge) self = ms_merge_new (document, fallback_date);

  if (self == NULL || !ms_merge_add_notice (self, notice, report, source_name, error))
    return NULL;
  return g_steal_pointer (&self);
}
