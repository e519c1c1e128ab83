/* ms-project-list.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-project-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-check.h"
#include "ms-gui-util.h"
#include "ms-project-list.h"
#include "ms-project-row.h"

/* The projects of a category, or of the whole file while searching:
 * groups flattened by list models (updated as projects are added, removed
 * or moved), filtered incrementally, shown in a virtualised list. */
struct _MsProjectList
{
  GtkWidget           parent_instance;

  MsNode             *scope;
  char               *needle;
  int                 filter_by;
  /* The date and rules of the schedule filters, taken when the filter is set. */
  MsScheduleContext   context;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  /* Selected once incremental filtering has listed it. */
  MsProject          *pending_selection;

  GtkStack           *stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
};

G_DEFINE_FINAL_TYPE (MsProjectList, ms_project_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_SELECTED_PROJECT,
  PROP_N_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  return G_LIST_MODEL (g_list_store_new (MS_TYPE_PROJECT));
}

/* Whether @project is one the list's filter shows (MS_PROJECT_FILTER_*). */
static gboolean
matches_filter (MsProject               *project,
                int                      filter_by,
                const MsScheduleContext *context)
{
  if (filter_by == MS_PROJECT_FILTER_ALL)
    return TRUE;
  if (filter_by < MS_PROJECT_FILTER_SCHEDULE (0))
    return (int)ms_project_get_status (project) == filter_by - MS_PROJECT_FILTER_STATUS (0);
  if (filter_by < MS_PROJECT_FILTER_LAGGING)
    return (int)ms_project_get_schedule (project, context, NULL) == filter_by - MS_PROJECT_FILTER_SCHEDULE (0);
  if (filter_by == MS_PROJECT_FILTER_LAGGING)
    return ms_schedule_is_lagging (ms_project_get_schedule (project, context, NULL));

  {
    g_autoptr(GPtrArray) findings = ms_check_project (project, context);

    return findings->len > 0;
  }
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

/**
 * ms_project_matches:
 * @needle: (nullable): case-folded search text
 * @status: a #MsStatus, or -1 for any
 *
 * Whether a project shows for a search: its number, texts, departments,
 * partners and indicator names.
 */
gboolean
ms_project_matches (MsProject               *project,
                    const char              *needle,
                    int                      filter_by,
                    const MsScheduleContext *context)
{
  GListModel *indicators;

  if (!matches_filter (project, filter_by, context))
    return FALSE;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;

  if (contains_folded (ms_project_get_target (project), needle) ||
      contains_folded (ms_project_get_completion (project), needle) ||
      contains_folded (ms_project_get_note (project), needle))
    return TRUE;

  for (const char * const *d = ms_project_get_departments (project); *d; d++)
    if (contains_folded (*d, needle))
      return TRUE;
  for (const char * const *d = ms_project_get_partners (project); *d; d++)
    if (contains_folded (*d, needle))
      return TRUE;

  indicators = ms_project_get_indicators (project);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    if (contains_folded (ms_indicator_get_name (ms_project_get_indicator (project, i)), needle))
      return TRUE;

  return FALSE;
}

static gboolean
filter_project (gpointer item,
                gpointer user_data)
{
  MsProjectList *self = user_data;

  return ms_project_matches (item, self->needle, self->filter_by, &self->context);
}

static void
update_empty (MsProjectList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

/* The group to name above the project at @position: the first of its group. */
static MsGroup *
header_group_for (MsProjectList *self,
                  guint          position,
                  MsProject     *project)
{
  MsGroup *group = ms_project_get_group (project);
  g_autoptr(MsProject) previous = NULL;

  if (group == NULL)
    return NULL;

  if (position > 0)
    {
      previous = g_list_model_get_item (G_LIST_MODEL (self->filtered), position - 1);
      if (previous != NULL && ms_project_get_group (previous) == group)
        return NULL;
    }

  return group;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, ms_project_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  MsProjectList *self = user_data;
  MsProjectRow *row = MS_PROJECT_ROW (gtk_list_item_get_child (item));
  MsProject *project = gtk_list_item_get_item (item);
  MsGroup *group = header_group_for (self, gtk_list_item_get_position (item), project);

  ms_project_row_set_project (row, project);
  ms_project_row_set_highlight (row, self->needle);
  /* Search results span categories: say which. */
  ms_project_row_set_header (row, group, MS_IS_DOCUMENT (self->scope));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  ms_project_row_set_project (MS_PROJECT_ROW (gtk_list_item_get_child (item)), NULL);
  ms_project_row_set_header (MS_PROJECT_ROW (gtk_list_item_get_child (item)), NULL, FALSE);
}

static void
on_selected_cb (MsProjectList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
}

static gboolean
select_now (MsProjectList *self,
            MsProject     *project)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MsProject) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (item == project)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Rows already bound follow a new search text; only the visible ones exist. */
static void
highlight_rows (GtkWidget  *widget,
                const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (MS_IS_PROJECT_ROW (child))
        ms_project_row_set_highlight (MS_PROJECT_ROW (child), needle);
      else
        highlight_rows (child, needle);
    }
}

static void
on_items_changed_cb (MsProjectList *self)
{
  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SHOWN]);

  if (self->pending_selection != NULL && select_now (self, self->pending_selection))
    g_clear_object (&self->pending_selection);
}

static gboolean
ms_project_list_grab_focus (GtkWidget *widget)
{
  MsProjectList *self = MS_PROJECT_LIST (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
ms_project_list_dispose (GObject *object)
{
  MsProjectList *self = (MsProjectList *)object;

  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_PROJECT_LIST);
  g_clear_object (&self->pending_selection);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->scope);

  G_OBJECT_CLASS (ms_project_list_parent_class)->dispose (object);
}

static void
ms_project_list_finalize (GObject *object)
{
  MsProjectList *self = (MsProjectList *)object;

  g_free (self->needle);

  G_OBJECT_CLASS (ms_project_list_parent_class)->finalize (object);
}

static void
ms_project_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MsProjectList *self = MS_PROJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_object (value, self->scope);
      break;
    case PROP_SELECTED_PROJECT:
      g_value_set_object (value, ms_project_list_get_selected_project (self));
      break;
    case PROP_N_SHOWN:
      g_value_set_uint (value, ms_project_list_get_n_shown (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_project_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MsProjectList *self = MS_PROJECT_LIST (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      ms_project_list_set_scope (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_project_list_class_init (MsProjectListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_project_list_dispose;
  object_class->finalize = ms_project_list_finalize;
  object_class->get_property = ms_project_list_get_property;
  object_class->set_property = ms_project_list_set_property;
  widget_class->grab_focus = ms_project_list_grab_focus;

  properties[PROP_SCOPE] = g_param_spec_object ("scope", NULL, NULL, MS_TYPE_NODE,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PROJECT] = g_param_spec_object ("selected-project", NULL, NULL, MS_TYPE_PROJECT,
                                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SHOWN] = g_param_spec_uint ("n-shown", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-project-list.ui");
  gtk_widget_class_bind_template_child (widget_class, MsProjectList, stack);
  gtk_widget_class_bind_template_child (widget_class, MsProjectList, list_view);
  gtk_widget_class_bind_template_child (widget_class, MsProjectList, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ms_project_list_init (MsProjectList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter_by = MS_PROJECT_FILTER_ALL;
  self->filter = gtk_custom_filter_new (filter_project, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  /* Filtering 2 000 projects runs in slices, not in one stall. */
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);

  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_empty (self);
}

GtkWidget *
ms_project_list_new (void)
{
  return g_object_new (MS_TYPE_PROJECT_LIST, NULL);
}

/**
 * ms_project_list_get_scope:
 *
 * Returns: (transfer none) (nullable): the category listed, or the document when searching
 */
MsNode *
ms_project_list_get_scope (MsProjectList *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_LIST (self), NULL);

  return self->scope;
}

void
ms_project_list_set_scope (MsProjectList *self,
                           MsNode        *scope)
{
  g_autoptr(GListModel) projects = NULL;
  MsProject *previous;

  g_return_if_fail (MS_IS_PROJECT_LIST (self));

  if (scope == self->scope)
    return;

  previous = ms_project_list_get_selected_project (self);
  if (previous != NULL)
    g_object_ref (previous);

  g_set_object (&self->scope, scope);
  if (scope != NULL && ms_node_get_document (scope) != NULL)
    ms_schedule_context_init (&self->context, ms_node_get_document (scope), MS_DATE_NONE);
  projects = scope ? projects_of (scope) : NULL;
  gtk_filter_list_model_set_model (self->filtered, projects);

  /* Keep the selected project when it is still listed. */
  if (previous != NULL)
    {
      ms_project_list_select_project (self, previous);
      g_object_unref (previous);
    }

  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PROJECT]);
}

void
ms_project_list_set_search (MsProjectList *self,
                            const char    *search)
{
  g_autofree char *needle = NULL;

  g_return_if_fail (MS_IS_PROJECT_LIST (self));

  if (search != NULL && search[0] != '\0')
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (search));

      needle = g_utf8_casefold (trimmed, -1);
    }

  if (g_strcmp0 (needle, self->needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_steal_pointer (&needle);
  highlight_rows (GTK_WIDGET (self->list_view), self->needle);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

/**
 * ms_project_list_set_filter:
 * @filter_by: MS_PROJECT_FILTER_ALL, a status (MS_PROJECT_FILTER_STATUS), a
 *   schedule state (MS_PROJECT_FILTER_SCHEDULE), lagging or inconsistent
 *
 * Shows only the projects the filter takes, read as of the document's date.
 */
void
ms_project_list_set_filter (MsProjectList *self,
                            int            filter_by)
{
  g_return_if_fail (MS_IS_PROJECT_LIST (self));
  g_return_if_fail (filter_by >= MS_PROJECT_FILTER_ALL && filter_by < MS_N_PROJECT_FILTERS);

  self->filter_by = filter_by;
  ms_project_list_refresh (self);
}

int
ms_project_list_get_filter (MsProjectList *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_LIST (self), MS_PROJECT_FILTER_ALL);

  return self->filter_by;
}

/* Rows bound now show new figures: a new reporting date or thresholds. */
static void
refresh_rows (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (MS_IS_PROJECT_ROW (child))
        ms_project_row_refresh (MS_PROJECT_ROW (child));
      else
        refresh_rows (child);
    }
}

/**
 * ms_project_list_refresh:
 *
 * Reads the schedule again: the document's date or thresholds changed.
 */
void
ms_project_list_refresh (MsProjectList *self)
{
  MsDocument *document;

  g_return_if_fail (MS_IS_PROJECT_LIST (self));

  document = self->scope != NULL ? ms_node_get_document (self->scope) : NULL;
  if (document != NULL)
    ms_schedule_context_init (&self->context, document, MS_DATE_NONE);
  refresh_rows (GTK_WIDGET (self->list_view));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

/**
 * ms_project_list_get_selected_project:
 *
 * Returns: (transfer none) (nullable): the selected project
 */
MsProject *
ms_project_list_get_selected_project (MsProjectList *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
ms_project_list_select_project (MsProjectList *self,
                                MsProject     *project)
{
  g_return_if_fail (MS_IS_PROJECT_LIST (self));

  g_clear_object (&self->pending_selection);
  if (project != NULL && !select_now (self, project) &&
      gtk_filter_list_model_get_pending (self->filtered) > 0)
    self->pending_selection = g_object_ref (project);
}

guint
ms_project_list_get_n_shown (MsProjectList *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_LIST (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

/**
 * ms_project_list_get_shown_project:
 *
 * Returns: (transfer none) (nullable): the project shown at @position
 */
MsProject *
ms_project_list_get_shown_project (MsProjectList *self,
                                   guint          position)
{
  g_autoptr(MsProject) project = NULL;

  g_return_val_if_fail (MS_IS_PROJECT_LIST (self), NULL);

  project = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  /* The underlying group keeps the project alive. */
  return project;
}
