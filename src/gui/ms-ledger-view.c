/* ms-ledger-view.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-ledger-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-ledger-view.h"
#include "ms-table-cell.h"
#include "ms-paste.h"
#include "ms-project-list.h"

/* The ledger (台账): one row per project of a category, or of the whole
 * file while searching, in a table sortable by each column. The filter is
 * the project list's (ms_project_matches), so both show the same projects;
 * the window keeps their scope, search and filter alike. Several rows can
 * be selected, for pasting cells copied from a spreadsheet onto them. */
struct _MsLedgerView
{
  GtkWidget            parent_instance;

  MsNode              *scope;
  char                *needle;
  int                  filter_by;
  /* The date and rules of the filter, the state and the rate columns. */
  MsScheduleContext    context;
  /* The project the detail form shows: one of the selected rows. */
  MsProject           *selected;
  /* Selected once incremental filtering and sorting have listed it. */
  MsProject           *pending_selection;

  GtkStack            *stack;
  GtkColumnView       *column_view;
  GtkMultiSelection   *selection;
  GtkSortListModel    *sorted;
  GtkFilterListModel  *filtered;
  GtkCustomFilter     *filter;
  GtkColumnViewColumn *columns[MS_LEDGER_LAST_UPDATE + 1];
};

G_DEFINE_FINAL_TYPE (MsLedgerView, ms_ledger_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_PROJECT,
  N_PROPS
};

enum {
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The projects of a scope as list models, so that projects added, removed
 * or moved show at once: as the project list gathers them. */
static gpointer
map_group_to_projects (gpointer item,
                       gpointer user_data)
{
  g_autoptr(MsGroup) group = item;

  return g_object_ref (ms_group_get_projects (group));
}

static gpointer
map_category_to_projects (gpointer item,
                          gpointer user_data)
{
  g_autoptr(MsCategory) category = item;
  GtkMapListModel *groups = gtk_map_list_model_new (g_object_ref (ms_category_get_groups (category)),
                                                    map_group_to_projects, NULL, NULL);

  return gtk_flatten_list_model_new (G_LIST_MODEL (groups));
}

static GListModel *
projects_of (MsNode *scope)
{
  if (MS_IS_DOCUMENT (scope))
    return G_LIST_MODEL (gtk_flatten_list_model_new (
      G_LIST_MODEL (gtk_map_list_model_new (g_object_ref (ms_document_get_categories (MS_DOCUMENT (scope))),
                                            map_category_to_projects, NULL, NULL))));
  if (MS_IS_CATEGORY (scope))
    return map_category_to_projects (g_object_ref (scope), NULL);

  return NULL;
}

static gboolean
filter_project (gpointer item,
                gpointer user_data)
{
  MsLedgerView *self = user_data;

  return ms_project_matches (item, self->needle, self->filter_by, &self->context);
}

/* Sort keys, read once per project by the sort model. */

static guint
number_key (MsProject *project,
            gpointer   user_data)
{
  return ms_project_get_number (project);
}

static char *
title_key (MsProject *project,
           gpointer   user_data)
{
  return ms_project_dup_short_title (project);
}

static char *
departments_key (MsProject *project,
                 gpointer   user_data)
{
  return g_strjoinv ("、", (char **)ms_project_get_departments (project));
}

static int
state_key (MsProject    *project,
           MsLedgerView *self)
{
  /* Most urgent first: overdue, at risk, behind, not reported, on track, done. */
  return ms_project_get_schedule (project, &self->context, NULL);
}

static double
figure_key (MsProject    *project,
            MsLedgerView *self)
{
  MsIndicator *indicator = ms_project_get_key_indicator (project, &self->context);

  /* Nothing reported sorts before every figure. */
  return indicator != NULL && ms_indicator_get_has_actual (indicator) ? ms_indicator_get_actual (indicator) : -1;
}

static double
rate_key (MsProject    *project,
          MsLedgerView *self)
{
  double rate;

  return ms_ledger_get_rate (project, &self->context, &rate) ? rate : -1;
}

static guint
deadline_key (MsProject    *project,
              MsLedgerView *self)
{
  return ms_schedule_context_get_deadline (&self->context, project);
}

static guint
last_update_key (MsProject *project,
                 gpointer   user_data)
{
  return ms_ledger_get_last_update (project);
}

static GtkSorter *
sorter_new (MsLedgerView *self,
            GType         key_type,
            GCallback     key)
{
  GtkExpression *expression = gtk_cclosure_expression_new (key_type, NULL, 0, NULL, key, self, NULL);

  if (key_type == G_TYPE_STRING)
    return GTK_SORTER (gtk_string_sorter_new (expression));
  return GTK_SORTER (gtk_numeric_sorter_new (expression));
}

static void
update_empty (MsLedgerView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sorted)) == 0 &&
                   gtk_filter_list_model_get_pending (self->filtered) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "ledger");
}

static void
set_selected (MsLedgerView *self,
              MsProject    *project)
{
  if (g_set_object (&self->selected, project))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
}

static void
setup_cell (GtkListItem    *item,
            MsLedgerColumn  column)
{
  gtk_list_item_set_child (item, ms_ledger_cell_new (column));
}

static void
setup_number_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_NUMBER);
}

static void
setup_project_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_PROJECT);
}

static void
setup_departments_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_DEPARTMENTS);
}

static void
setup_state_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_STATE);
}

static void
setup_figure_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_FIGURE);
}

static void
setup_rate_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_RATE);
}

static void
setup_deadline_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_DEADLINE);
}

static void
setup_last_update_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  setup_cell (item, MS_LEDGER_LAST_UPDATE);
}


static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  ms_ledger_cell_set_project (MS_LEDGER_CELL (gtk_list_item_get_child (item)), gtk_list_item_get_item (item));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  ms_ledger_cell_set_project (MS_LEDGER_CELL (gtk_list_item_get_child (item)), NULL);
}

static gboolean
find_position (MsLedgerView *self,
               MsProject    *project,
               guint        *position)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MsProject) item = g_list_model_get_item (model, i);

      if (item == project)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static void
scroll_to (MsLedgerView *self,
           guint         position)
{
  /* HACK: GtkColumnView has no scroll_to before GTK 4.12; the list view
   * inside it has the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
}

static gboolean
select_now (MsLedgerView *self,
            MsProject    *project)
{
  guint position;

  if (!find_position (self, project, &position))
    return FALSE;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  scroll_to (self, position);
  return TRUE;
}

/* The project the detail form shows: the only row selected, or else the
 * one shown before while it stays selected, or else the first selected. */
static void
on_selection_changed_cb (MsLedgerView      *self,
                         guint              position,
                         guint              n_items,
                         GtkSelectionModel *model)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  gboolean keep = self->selected != NULL && gtk_bitset_get_size (selected) > 1;
  g_autoptr(MsProject) first = NULL;

  if (gtk_bitset_is_empty (selected))
    return;

  for (guint i = position; keep && i < position + n_items; i++)
    {
      g_autoptr(MsProject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item == self->selected && !gtk_selection_model_is_selected (model, i))
        keep = FALSE;
    }
  if (keep)
    return;

  first = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_minimum (selected));
  set_selected (self, first);
}

static void
on_items_changed_cb (MsLedgerView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  /* Rows filtered away leave the selection without saying so: then the
   * project shown is no longer a selected row. */
  if (gtk_bitset_is_empty (selected))
    set_selected (self, NULL);
  update_empty (self);
  if (self->pending_selection != NULL && select_now (self, self->pending_selection))
    g_clear_object (&self->pending_selection);
}

static void
on_activate_cb (MsLedgerView  *self,
                guint          position,
                GtkColumnView *column_view)
{
  g_autoptr(MsProject) project = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (project == NULL)
    return;
  /* The row activated is the one shown, and a selected one. */
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  set_selected (self, project);
  g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

/* Rows bound now show new figures: a new reporting date or thresholds. */
static void
refresh_cells (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (MS_IS_LEDGER_CELL (child))
        ms_ledger_cell_refresh (MS_LEDGER_CELL (child));
      else
        refresh_cells (child);
    }
}

static gboolean
ms_ledger_view_grab_focus (GtkWidget *widget)
{
  MsLedgerView *self = MS_LEDGER_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
ms_ledger_view_dispose (GObject *object)
{
  MsLedgerView *self = (MsLedgerView *)object;

  /* The models go with the template; the filter must not call back first. */
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_LEDGER_VIEW);
  g_clear_object (&self->selected);
  g_clear_object (&self->pending_selection);
  g_clear_object (&self->scope);

  G_OBJECT_CLASS (ms_ledger_view_parent_class)->dispose (object);
}

static void
ms_ledger_view_finalize (GObject *object)
{
  MsLedgerView *self = (MsLedgerView *)object;

  g_free (self->needle);

  G_OBJECT_CLASS (ms_ledger_view_parent_class)->finalize (object);
}

static void
ms_ledger_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MsLedgerView *self = MS_LEDGER_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELECTED_PROJECT:
      g_value_set_object (value, self->selected);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_ledger_view_class_init (MsLedgerViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_ledger_view_dispose;
  object_class->finalize = ms_ledger_view_finalize;
  object_class->get_property = ms_ledger_view_get_property;
  widget_class->grab_focus = ms_ledger_view_grab_focus;

  properties[PROP_SELECTED_PROJECT] = g_param_spec_object ("selected-project", NULL, NULL, MS_TYPE_PROJECT,
                                                           G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                           G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MsLedgerView::project-activated:
   *
   * A row was activated (Enter or a double click): open the project's form.
   */
  signals[PROJECT_ACTIVATED] = g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, MS_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-ledger-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MsLedgerView, stack);
  gtk_widget_class_bind_template_child (widget_class, MsLedgerView, column_view);
  gtk_widget_class_bind_template_child (widget_class, MsLedgerView, selection);
  gtk_widget_class_bind_template_child (widget_class, MsLedgerView, sorted);
  gtk_widget_class_bind_template_child (widget_class, MsLedgerView, filtered);
  gtk_widget_class_bind_template_child (widget_class, MsLedgerView, filter);
  gtk_widget_class_bind_template_child_full (widget_class, "number_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_NUMBER]));
  gtk_widget_class_bind_template_child_full (widget_class, "project_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_PROJECT]));
  gtk_widget_class_bind_template_child_full (widget_class, "departments_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_DEPARTMENTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "state_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_STATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "figure_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_FIGURE]));
  gtk_widget_class_bind_template_child_full (widget_class, "rate_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_RATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "deadline_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_DEADLINE]));
  gtk_widget_class_bind_template_child_full (widget_class, "last_update_column", FALSE,
                                             G_STRUCT_OFFSET (MsLedgerView, columns[MS_LEDGER_LAST_UPDATE]));
  gtk_widget_class_bind_template_callback (widget_class, setup_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_departments_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_state_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_figure_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_rate_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_deadline_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_last_update_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_cell_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_items_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledger");
}

static void
ms_ledger_view_init (MsLedgerView *self)
{
  static const struct {
    GType     key_type;
    GCallback key;
  } keys[] = {
    [MS_LEDGER_NUMBER] = { G_TYPE_UINT, G_CALLBACK (number_key) },
    [MS_LEDGER_PROJECT] = { G_TYPE_STRING, G_CALLBACK (title_key) },
    [MS_LEDGER_DEPARTMENTS] = { G_TYPE_STRING, G_CALLBACK (departments_key) },
    [MS_LEDGER_STATE] = { G_TYPE_INT, G_CALLBACK (state_key) },
    [MS_LEDGER_FIGURE] = { G_TYPE_DOUBLE, G_CALLBACK (figure_key) },
    [MS_LEDGER_RATE] = { G_TYPE_DOUBLE, G_CALLBACK (rate_key) },
    [MS_LEDGER_DEADLINE] = { G_TYPE_UINT, G_CALLBACK (deadline_key) },
    [MS_LEDGER_LAST_UPDATE] = { G_TYPE_UINT, G_CALLBACK (last_update_key) },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  ms_column_view_name_parts (self->column_view, _("Ledger of Projects"));

  self->filter_by = MS_PROJECT_FILTER_ALL;
  gtk_custom_filter_set_filter_func (self->filter, filter_project, self, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GtkSorter) sorter = sorter_new (self, keys[i].key_type, keys[i].key);

      gtk_column_view_column_set_sorter (self->columns[i], sorter);
    }
  /* Clicking a column's header sorts by it. */
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  update_empty (self);
}

GtkWidget *
ms_ledger_view_new (void)
{
  return g_object_new (MS_TYPE_LEDGER_VIEW, NULL);
}

/**
 * ms_ledger_view_set_scope:
 * @scope: (nullable): a category, or the document while searching
 */
void
ms_ledger_view_set_scope (MsLedgerView *self,
                          MsNode       *scope)
{
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(MsProject) previous = NULL;

  g_return_if_fail (MS_IS_LEDGER_VIEW (self));

  if (scope == self->scope)
    return;

  previous = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  g_set_object (&self->scope, scope);
  if (scope != NULL && ms_node_get_document (scope) != NULL)
    ms_schedule_context_init (&self->context, ms_node_get_document (scope), MS_DATE_NONE);
  projects = scope != NULL ? projects_of (scope) : NULL;
  gtk_filter_list_model_set_model (self->filtered, projects);
  set_selected (self, NULL);
  /* Keep the project shown when it is still listed. */
  if (previous != NULL)
    ms_ledger_view_select_project (self, previous);
  update_empty (self);
}

/**
 * ms_ledger_view_get_scope:
 *
 * Returns: (transfer none) (nullable): the category listed, or the document
 */
MsNode *
ms_ledger_view_get_scope (MsLedgerView *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), NULL);

  return self->scope;
}

void
ms_ledger_view_set_search (MsLedgerView *self,
                           const char   *search)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (MS_IS_LEDGER_VIEW (self));

  /* Folded as the project list folds it, for the same matches. */
  if (search != NULL && search[0] != '\0')
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (search));

      needle = g_utf8_casefold (trimmed, -1);
    }

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

/**
 * ms_ledger_view_set_filter:
 * @filter_by: one of MS_PROJECT_FILTER_*
 */
void
ms_ledger_view_set_filter (MsLedgerView *self,
                           int           filter_by)
{
  g_return_if_fail (MS_IS_LEDGER_VIEW (self));
  g_return_if_fail (filter_by >= MS_PROJECT_FILTER_ALL && filter_by < MS_N_PROJECT_FILTERS);

  if (filter_by == self->filter_by)
    return;

  self->filter_by = filter_by;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

/**
 * ms_ledger_view_refresh:
 *
 * Reads the figures again: the document's date or thresholds changed.
 */
void
ms_ledger_view_refresh (MsLedgerView *self)
{
  MsDocument *document;

  g_return_if_fail (MS_IS_LEDGER_VIEW (self));

  document = self->scope != NULL ? ms_node_get_document (self->scope) : NULL;
  if (document != NULL)
    ms_schedule_context_init (&self->context, document, MS_DATE_NONE);
  refresh_cells (GTK_WIDGET (self->column_view));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* The state, rate and deadline keys depend on the date: sort again. */
  gtk_sort_list_model_set_sorter (self->sorted, NULL);
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
  update_empty (self);
}

/**
 * ms_ledger_view_get_selected_project:
 *
 * Returns: (transfer none) (nullable): the project the detail form shows
 */
MsProject *
ms_ledger_view_get_selected_project (MsLedgerView *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), NULL);

  return self->selected;
}

/**
 * ms_ledger_view_select_project:
 *
 * Selects @project's row alone, unless it is the one shown already (a
 * selection of several rows stays).
 */
void
ms_ledger_view_select_project (MsLedgerView *self,
                               MsProject    *project)
{
  g_return_if_fail (MS_IS_LEDGER_VIEW (self));
  g_return_if_fail (project == NULL || MS_IS_PROJECT (project));

  g_clear_object (&self->pending_selection);
  if (project == NULL || project == self->selected)
    return;

  if (!select_now (self, project) && ms_ledger_view_get_pending (self))
    self->pending_selection = g_object_ref (project);
}

/**
 * ms_ledger_view_dup_selected_projects:
 *
 * Returns: (transfer container) (element-type MsProject): the selected
 *   rows' projects, top to bottom
 */
GPtrArray *
ms_ledger_view_dup_selected_projects (MsLedgerView *self)
{
  GPtrArray *projects;
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), NULL);

  projects = g_ptr_array_new_with_free_func (g_object_unref);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (projects, g_list_model_get_item (G_LIST_MODEL (self->sorted), position));

  return projects;
}

/**
 * ms_ledger_view_get_selection:
 *
 * Returns: (transfer none): the rows' selection, in the order shown
 */
GtkSelectionModel *
ms_ledger_view_get_selection (MsLedgerView *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

/* Whether filtering or sorting is still running in slices. */
gboolean
ms_ledger_view_get_pending (MsLedgerView *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), FALSE);

  return gtk_filter_list_model_get_pending (self->filtered) > 0 ||
         gtk_sort_list_model_get_pending (self->sorted) > 0;
}

guint
ms_ledger_view_get_n_shown (MsLedgerView *self)
{
  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

/**
 * ms_ledger_view_get_shown_project:
 *
 * Returns: (transfer none) (nullable): the project in row @position, as sorted
 */
MsProject *
ms_ledger_view_get_shown_project (MsLedgerView *self,
                                  guint         position)
{
  g_autoptr(MsProject) project = NULL;

  g_return_val_if_fail (MS_IS_LEDGER_VIEW (self), NULL);

  project = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  /* Its group keeps it alive. */
  return project;
}

/* As clicking the column's header does. */
void
ms_ledger_view_sort_by (MsLedgerView   *self,
                        MsLedgerColumn  column,
                        GtkSortType     direction)
{
  g_return_if_fail (MS_IS_LEDGER_VIEW (self));
  g_return_if_fail (column < G_N_ELEMENTS (self->columns));

  /* Alone: the columns sorted by before would stay as ties' keys. */
  gtk_column_view_sort_by_column (self->column_view, NULL, direction);
  gtk_column_view_sort_by_column (self->column_view, self->columns[column], direction);
}
