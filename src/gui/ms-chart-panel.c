/* ms-chart-panel.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-chart-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-chart-panel.h"
#include "ms-gui-util.h"
#include "ms-table-cell.h"

/* A chart and, a toggle away, the same rows as a table: what a screen
 * reader or the keyboard reads instead of the picture. The table's rows
 * are made only while it is shown. */
struct _MsChartPanel
{
  GtkWidget        parent_instance;

  GtkToggleButton *table_toggle;
  GtkStack        *stack;
  MsChartView     *chart_view;
  GtkScrolledWindow *table_window;
  GtkColumnView   *table;
  GtkNoSelection  *selection;
  GtkColumnViewColumn *group_column;

  /* The node's edits, to make the shown table again a moment later. */
  GSignalGroup    *node_signals;
  guint            refresh_id;
};

G_DEFINE_FINAL_TYPE (MsChartPanel, ms_chart_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_NODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define REFRESH_DELAY_MS 400
#define TABLE_ROW_HEIGHT 44
#define TABLE_MAX_HEIGHT 400

static gboolean
table_is_shown (MsChartPanel *self)
{
  return gtk_toggle_button_get_active (self->table_toggle);
}

/* The names follow the chart's title: on a page of several charts each
 * toggle and table says whose it is. */
static void
update_names (MsChartPanel *self)
{
  MsNode *node = ms_chart_view_get_node (self->chart_view);
  g_autofree char *title = NULL;
  g_autofree char *table_name = NULL;
  g_autofree char *toggle_name = NULL;

  if (node == NULL)
    return;

  title = ms_chart_dup_title (ms_chart_view_get_kind (self->chart_view), node, NULL);
  /* translators: the accessible name of a chart's table, %s is the chart's title */
  table_name = g_strdup_printf (_("%s as a table"), title);
  /* translators: the accessible name of the toggle that shows a chart as a table, %s is the chart's title */
  toggle_name = g_strdup_printf (_("Show %s as a table"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, table_name, -1);
  ms_column_view_name_parts (self->table, table_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, toggle_name,
                                  -1);
}

static void
refresh_rows (MsChartPanel *self)
{
  MsNode *node = ms_chart_view_get_node (self->chart_view);
  MsChartKind kind = ms_chart_view_get_kind (self->chart_view);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(MsChartRow) first = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (node == NULL || !table_is_shown (self))
    {
      gtk_no_selection_set_model (self->selection, NULL);
      return;
    }

  rows = ms_chart_collect_rows (kind, node, NULL);
  first = g_list_model_get_n_items (rows) > 0 ? g_list_model_get_item (rows, 0) : NULL;
  /* The category or department column, when the chart has groups. */
  gtk_column_view_column_set_title (self->group_column,
                                    kind == MS_CHART_DEPARTMENTS ? C_("chart table column", "Department")
                                                                 : C_("chart table column", "Category"));
  gtk_column_view_column_set_visible (self->group_column, first != NULL && ms_chart_row_get_group (first) != NULL);
  /* A list view asks for little height: a few rows are shown whole, a
   * long table scrolls in a window of about ten. */
  gtk_scrolled_window_set_min_content_height (self->table_window,
                                              MIN (TABLE_MAX_HEIGHT,
                                                   TABLE_ROW_HEIGHT * (g_list_model_get_n_items (rows) + 1)));
  gtk_no_selection_set_model (self->selection, rows);
}

static gboolean
refresh_rows_cb (gpointer user_data)
{
  MsChartPanel *self = user_data;

  self->refresh_id = 0;
  refresh_rows (self);
  return G_SOURCE_REMOVE;
}

static void
on_node_changed_cb (MsChartPanel *self)
{
  g_assert (MS_IS_CHART_PANEL (self));

  update_names (self);
  if (!table_is_shown (self))
    return;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_rows_cb, self);
}

static void
on_table_toggled_cb (MsChartPanel *self)
{
  g_assert (MS_IS_CHART_PANEL (self));

  gtk_stack_set_visible_child_name (self->stack, table_is_shown (self) ? "table" : "chart");
  refresh_rows (self);
}

static void
on_chart_project_activated_cb (MsChartPanel *self,
                               MsProject    *project)
{
  g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

/* A row of the table leads to its project, as a click on its bar does. */
static void
on_table_activate_cb (MsChartPanel *self,
                      guint         position)
{
  g_autoptr(MsChartRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL && ms_chart_view_get_kind (self->chart_view) != MS_CHART_PROJECT)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, ms_chart_row_get_project (row));
}

static void
ms_chart_panel_dispose (GObject *object)
{
  MsChartPanel *self = (MsChartPanel *)object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->node_signals != NULL)
    g_signal_group_set_target (self->node_signals, NULL);
  g_clear_object (&self->node_signals);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_CHART_PANEL);

  G_OBJECT_CLASS (ms_chart_panel_parent_class)->dispose (object);
}

static void
ms_chart_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MsChartPanel *self = MS_CHART_PANEL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, ms_chart_view_get_kind (self->chart_view));
      break;
    case PROP_NODE:
      g_value_set_object (value, ms_chart_view_get_node (self->chart_view));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_chart_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MsChartPanel *self = MS_CHART_PANEL (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ms_chart_view_set_kind (self->chart_view, g_value_get_int (value));
      update_names (self);
      refresh_rows (self);
      break;
    case PROP_NODE:
      ms_chart_panel_set_node (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_chart_panel_class_init (MsChartPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_chart_panel_dispose;
  object_class->get_property = ms_chart_panel_get_property;
  object_class->set_property = ms_chart_panel_set_property;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL,
                                            MS_CHART_OVERVIEW, MS_CHART_DEPARTMENTS, MS_CHART_OVERVIEW,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE] = g_param_spec_object ("node", NULL, NULL, MS_TYPE_NODE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MsChartPanel::project-activated:
   * @project: the project of the bar clicked or the table row activated
   */
  signals[PROJECT_ACTIVATED] = g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, MS_TYPE_PROJECT);

  g_type_ensure (MS_TYPE_CHART_VIEW);
  g_type_ensure (MS_TYPE_CHART_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-chart-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, chart_view);
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, table_window);
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, table);
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, selection);
  gtk_widget_class_bind_template_child (widget_class, MsChartPanel, group_column);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_project_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_table_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chartpanel");
}

static void
ms_chart_panel_init (MsChartPanel *self)
{
  g_type_ensure (MS_TYPE_TABLE_CELL);
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Named for what they are until a chart is shown; then after its title. */
  ms_widget_name_mnemonic_buttons (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The chart as a table"), -1);
  ms_column_view_name_parts (self->table, _("The chart as a table"));

  self->node_signals = g_signal_group_new (MS_TYPE_NODE);
  g_signal_group_connect_swapped (self->node_signals, "changed", G_CALLBACK (on_node_changed_cb), self);
}

/**
 * ms_chart_panel_get_view:
 *
 * Returns: (transfer none): the chart
 */
MsChartView *
ms_chart_panel_get_view (MsChartPanel *self)
{
  g_return_val_if_fail (MS_IS_CHART_PANEL (self), NULL);

  return self->chart_view;
}

/**
 * ms_chart_panel_get_table:
 *
 * Returns: (transfer none): the chart's rows as a table, with a model only
 *   while shown
 */
GtkColumnView *
ms_chart_panel_get_table (MsChartPanel *self)
{
  g_return_val_if_fail (MS_IS_CHART_PANEL (self), NULL);

  return self->table;
}

/**
 * ms_chart_panel_get_toggle:
 *
 * Returns: (transfer none): the toggle between the chart and its table
 */
GtkWidget *
ms_chart_panel_get_toggle (MsChartPanel *self)
{
  g_return_val_if_fail (MS_IS_CHART_PANEL (self), NULL);

  return GTK_WIDGET (self->table_toggle);
}

void
ms_chart_panel_set_node (MsChartPanel *self,
                         MsNode       *node)
{
  g_return_if_fail (MS_IS_CHART_PANEL (self));
  g_return_if_fail (!node || MS_IS_NODE (node));

  if (node == ms_chart_view_get_node (self->chart_view))
    return;

  ms_chart_view_set_node (self->chart_view, node);
  g_signal_group_set_target (self->node_signals, node);
  update_names (self);
  refresh_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}
