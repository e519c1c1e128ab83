/* ms-edits.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Structure edits as the user asks for them (add, remove, move, rename),
 * each one undoable step of the history. Views only pick the node.
 */

#define G_LOG_DOMAIN "ms-edits"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-edits.h"
#include "ms-json.h"

/* Returns: (transfer none) (nullable): the children of @parent */
static GListModel *
children_of (MsNode *parent)
{
  if (MS_IS_DOCUMENT (parent))
    return ms_document_get_categories (MS_DOCUMENT (parent));
  if (MS_IS_CATEGORY (parent))
    return ms_category_get_groups (MS_CATEGORY (parent));
  if (MS_IS_GROUP (parent))
    return ms_group_get_projects (MS_GROUP (parent));
  if (MS_IS_PROJECT (parent))
    return ms_project_get_indicators (MS_PROJECT (parent));
  return NULL;
}

/* Where @node sits under its parent. */
static gboolean
locate (MsNode  *node,
        MsNode **parent,
        guint   *position)
{
  GListModel *children;

  *parent = ms_node_get_parent (node);
  children = *parent ? children_of (*parent) : NULL;
  if (children == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(MsNode) item = g_list_model_get_item (children, i);

      if (item == node)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
remove_node (MsHistory  *history,
             const char *label,
             MsNode     *node)
{
  MsNode *parent;
  guint position;

  if (!locate (node, &parent, &position) || ms_node_get_document (parent) != ms_history_get_document (history))
    return FALSE;

  ms_history_remove (history, label, parent, position);
  return TRUE;
}

static gboolean
move_node (MsHistory  *history,
           const char *label,
           MsNode     *node,
           int         delta)
{
  g_autoptr(MsNode) hold = NULL;
  MsNode *parent;
  guint position;
  guint n;

  if (!locate (node, &parent, &position) || ms_node_get_document (parent) != ms_history_get_document (history))
    return FALSE;

  n = g_list_model_get_n_items (children_of (parent));
  if (delta == 0 || (delta < 0 && (guint)-delta > position) || (delta > 0 && position + delta >= n))
    return FALSE;

  /* The node is out of the tree for a moment: views may drop their reference. */
  hold = g_object_ref (node);
  ms_history_move (history, label, parent, position, position + delta);
  return TRUE;
}

/**
 * ms_edits_new_document:
 *
 * Returns: (transfer full): an unmodified document without a file, with one
 *   category and one group, ready for projects
 */
MsDocument *
ms_edits_new_document (void)
{
  MsDocument *document = ms_document_new ();
  g_autoptr(MsCategory) category = ms_category_new ();
  g_autoptr(MsGroup) group = ms_group_new ();

  ms_category_set_id (category, "municipal");
  ms_category_set_title (category, _("Projects"));
  ms_category_insert_group (category, 0, group);
  ms_document_insert_category (document, 0, category);
  ms_document_set_modified (document, FALSE);
  return document;
}

/**
 * ms_edits_next_project_number:
 * @scope: (nullable): the category numbers run on in, %NULL for the whole file
 *
 * Returns: one past the highest project number in @scope
 */
guint
ms_edits_next_project_number (MsDocument *document,
                              MsCategory *scope)
{
  g_autoptr(GPtrArray) projects = NULL;
  guint highest = 0;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), 1);
  g_return_val_if_fail (!scope || MS_IS_CATEGORY (scope), 1);
  g_return_val_if_fail (!scope || ms_node_get_document (MS_NODE (scope)) == document, 1);

  projects = ms_node_collect_projects (scope != NULL ? MS_NODE (scope) : MS_NODE (document));
  for (guint i = 0; i < projects->len; i++)
    highest = MAX (highest, ms_project_get_number (g_ptr_array_index (projects, i)));

  return highest + 1;
}

/**
 * ms_edits_add_project:
 * @position: where in @group; past the end appends
 * @scope: (nullable): the category its number runs on in (see
 *   ms_edits_next_project_number())
 *
 * Returns: (transfer none): the new project, numbered
 */
MsProject *
ms_edits_add_project (MsHistory  *history,
                      MsGroup    *group,
                      guint       position,
                      MsCategory *scope)
{
  g_autoptr(MsProject) project = NULL;

  g_return_val_if_fail (MS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (MS_IS_GROUP (group), NULL);

  project = ms_project_new ();
  ms_project_set_number (project, ms_edits_next_project_number (ms_history_get_document (history), scope));
  ms_history_insert (history, N_("Add Project"), MS_NODE (group), position, MS_NODE (project));
  return ms_node_get_parent (MS_NODE (project)) == MS_NODE (group) ? project : NULL;
}

gboolean
ms_edits_remove_project (MsHistory *history,
                         MsProject *project)
{
  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_PROJECT (project), FALSE);

  return remove_node (history, N_("Remove Project"), MS_NODE (project));
}

/**
 * ms_edits_move_project:
 * @delta: places to move, negative for up
 *
 * Returns: %FALSE when the project cannot move that far within its group
 */
gboolean
ms_edits_move_project (MsHistory *history,
                       MsProject *project,
                       int        delta)
{
  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_PROJECT (project), FALSE);

  return move_node (history, N_("Move Project"), MS_NODE (project), delta);
}

/**
 * ms_edits_add_group:
 *
 * Appends a group to @category, with a first project to fill in, as one step.
 *
 * Returns: (transfer none): the new group
 */
MsGroup *
ms_edits_add_group (MsHistory  *history,
                    MsCategory *category)
{
  g_autoptr(MsGroup) group = NULL;
  g_autoptr(MsProject) project = NULL;
  guint n;

  g_return_val_if_fail (MS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (MS_IS_CATEGORY (category), NULL);

  group = ms_group_new ();
  project = ms_project_new ();
  n = g_list_model_get_n_items (ms_category_get_groups (category));
  ms_group_set_number (group, n + 1);
  ms_group_set_title (group, _("New group"));
  ms_project_set_number (project, ms_edits_next_project_number (ms_history_get_document (history), category));
  ms_group_insert_project (group, 0, project);
  ms_history_insert (history, N_("Add Group"), MS_NODE (category), n, MS_NODE (group));
  return ms_node_get_parent (MS_NODE (group)) == MS_NODE (category) ? group : NULL;
}

/**
 * ms_edits_rename_group:
 *
 * Returns: %FALSE when the title did not change
 */
gboolean
ms_edits_rename_group (MsHistory  *history,
                       MsGroup    *group,
                       const char *title)
{
  g_autofree char *before = NULL;

  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_GROUP (group), FALSE);

  before = g_strdup (ms_group_get_title (group));
  ms_history_set_string (history, N_("Rename Group"), G_OBJECT (group), "title", title);
  /* A rename is a step of its own, not typing to merge into. */
  ms_history_break_merge (history);
  return g_strcmp0 (before, ms_group_get_title (group)) != 0;
}

gboolean
ms_edits_move_group (MsHistory *history,
                     MsGroup   *group,
                     int        delta)
{
  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_GROUP (group), FALSE);

  return move_node (history, N_("Move Group"), MS_NODE (group), delta);
}

gboolean
ms_edits_remove_group (MsHistory *history,
                       MsGroup   *group)
{
  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_GROUP (group), FALSE);

  return remove_node (history, N_("Remove Group"), MS_NODE (group));
}

/**
 * ms_edits_add_indicator:
 *
 * Returns: (transfer none): a new indicator, appended to @project
 */
MsIndicator *
ms_edits_add_indicator (MsHistory *history,
                        MsProject *project)
{
  g_autoptr(MsIndicator) indicator = NULL;

  g_return_val_if_fail (MS_IS_HISTORY (history), NULL);
  g_return_val_if_fail (MS_IS_PROJECT (project), NULL);

  indicator = ms_indicator_new ();
  ms_history_insert (history, N_("Add Indicator"), MS_NODE (project),
                     g_list_model_get_n_items (ms_project_get_indicators (project)), MS_NODE (indicator));
  return ms_node_get_parent (MS_NODE (indicator)) == MS_NODE (project) ? indicator : NULL;
}

gboolean
ms_edits_remove_indicator (MsHistory   *history,
                           MsIndicator *indicator)
{
  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_INDICATOR (indicator), FALSE);

  return remove_node (history, N_("Remove Indicator"), MS_NODE (indicator));
}

gboolean
ms_edits_move_indicator (MsHistory   *history,
                         MsIndicator *indicator,
                         int          delta)
{
  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);
  g_return_val_if_fail (MS_IS_INDICATOR (indicator), FALSE);

  return move_node (history, N_("Move Indicator"), MS_NODE (indicator), delta);
}

/**
 * ms_edits_set_reporting_date:
 * @date: the date of the figures about to be recorded, or %MS_DATE_NONE to
 *   stop recording progress (a year-end report)
 *
 * Starts a new reporting date (截至): from now on, editing a figure records
 * the progress of @date. A date earlier than progress already recorded is
 * refused, since the latest progress is each indicator's figure.
 *
 * Returns: %FALSE with @error (%MS_DOCUMENT_ERROR_INVALID) when refused
 */
gboolean
ms_edits_set_reporting_date (MsHistory  *history,
                             MsDate      date,
                             GError    **error)
{
  MsDocument *document;
  g_autoptr(GPtrArray) projects = NULL;

  g_return_val_if_fail (MS_IS_HISTORY (history), FALSE);

  document = ms_history_get_document (history);
  projects = ms_node_collect_projects (MS_NODE (document));
  for (guint p = 0; date != MS_DATE_NONE && p < projects->len; p++)
    {
      MsProject *project = g_ptr_array_index (projects, p);
      GListModel *indicators = ms_project_get_indicators (project);

      for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
        {
          MsIndicator *indicator = ms_project_get_indicator (project, i);
          const MsTimelineEntry *last = ms_timeline_get_last (ms_indicator_get_progress (indicator));

          if (last != NULL && last->date > date)
            {
              char shown[MS_DATE_BUFSIZE];
              char later[MS_DATE_BUFSIZE];
              g_autofree char *title = ms_project_dup_short_title (project);

              g_set_error (error, MS_DOCUMENT_ERROR, MS_DOCUMENT_ERROR_INVALID,
                           /* translators: a date, the project's title and number, the later date */
                           _("The reporting date cannot be %s: “%s” (No. %u) already has figures of %s"),
                           ms_date_format (shown, sizeof shown, date), title,
                           ms_project_get_number (project), ms_date_format (later, sizeof later, last->date));
              return FALSE;
            }
        }
    }

  ms_history_set_uint (history, N_("Set Reporting Date"), G_OBJECT (document), "as-of", date);
  return TRUE;
}

/**
 * ms_edits_record_figures:
 * @date: the date the figures are of, such as the date of a progress notice
 * @figures: (element-type MsRecordedFigure): the figures, each for an
 *   indicator of the history's document
 *
 * Records @figures as the progress of @date, in one undo step: a progress
 * notice read into the open file is this one call. Each entry for @date is
 * set (its note kept when the figure has none); an indicator's actual is
 * its latest figure; the reporting date moves on to @date when it is later.
 */
void
ms_edits_record_figures (MsHistory       *history,
                         MsDate           date,
                         const GPtrArray *figures)
{
  MsDocument *document;

  g_return_if_fail (MS_IS_HISTORY (history));
  g_return_if_fail (date != MS_DATE_NONE);
  g_return_if_fail (figures != NULL);

  document = ms_history_get_document (history);
  ms_history_begin (history, N_("Record Figures"));
  if (ms_document_get_as_of (document) != MS_DATE_NONE && ms_document_get_as_of (document) < date)
    ms_history_set_uint (history, NULL, G_OBJECT (document), "as-of", date);
  for (guint i = 0; i < figures->len; i++)
    {
      const MsRecordedFigure *figure = g_ptr_array_index ((GPtrArray *)figures, i);
      MsTimeline *progress = ms_indicator_get_progress (figure->indicator);
      const MsTimelineEntry *entry = ms_timeline_get_at (progress, date);
      const char *note = figure->note;
      g_autoptr(MsTimeline) seeded = NULL;
      g_autoptr(MsTimeline) recorded = NULL;

      g_return_if_fail (ms_figure_is_plausible (figure->value));
      /* A figure without a date is the one of the file's date: kept as such,
       * so that an older notice does not replace it. */
      if (progress == NULL && ms_indicator_get_has_actual (figure->indicator))
        {
          MsDate known = ms_document_get_as_of (document);

          if (known == MS_DATE_NONE)
            ms_document_get_period (document, NULL, &known);
          if (known > date)
            {
              seeded = ms_timeline_with_entry (NULL, known, ms_indicator_get_actual (figure->indicator), NULL);
              progress = seeded;
              entry = NULL;
            }
        }
      if (note == NULL && entry != NULL && entry->date == date)
        note = entry->note;
      recorded = ms_timeline_with_entry (progress, date, figure->value, note);
      ms_history_set_progress (history, NULL, figure->indicator, recorded);
    }
  ms_history_end (history);
}
