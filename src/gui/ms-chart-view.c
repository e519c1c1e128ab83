/* ms-chart-view.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-chart-view.h"
#include "ms-enums.h"

/* Shows a chart of the core renderer on screen: the same drawing as paper,
 * with colours from the theme. */
struct _MsChartView
{
  GtkWidget     parent_instance;

  MsChartKind   kind;
  MsNode       *node;
  gulong        changed_handler;
  MsChartInfo   info;
  /* The scrolled window the chart scrolls in: scrolling draws the rows
   * that come into view. */
  GtkAdjustment *vadjustment;
  gulong         scroll_handler;
  /* The spoken description follows edits a moment later, not at each
   * keystroke: it counts every row. */
  guint          description_id;
};

G_DEFINE_FINAL_TYPE (MsChartView, ms_chart_view, GTK_TYPE_WIDGET)

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

/* Screen text is a little larger than print. */
#define SCREEN_FONT_SIZE 12.0
#define DESCRIPTION_DELAY_MS 400

static void
update_description (MsChartView *self)
{
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  if (self->node == NULL)
    return;

  /* A screen reader hears the chart's title, then what it shows and its
   * headline figure; the rows are in the chart's table. */
  title = ms_chart_dup_title (self->kind, self->node, NULL);
  description = ms_chart_describe (self->kind, self->node, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static gboolean
update_description_cb (gpointer user_data)
{
  MsChartView *self = user_data;

  self->description_id = 0;
  update_description (self);
  return G_SOURCE_REMOVE;
}

static void
on_node_changed_cb (MsChartView *self)
{
  g_assert (MS_IS_CHART_VIEW (self));

  g_clear_handle_id (&self->description_id, g_source_remove);
  self->description_id = g_timeout_add (DESCRIPTION_DELAY_MS, update_description_cb, self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fill_options (MsChartView    *self,
              MsChartOptions *options)
{
  ms_chart_options_init_for_widget (options, GTK_WIDGET (self));
  options->show_title = self->kind != MS_CHART_PROJECT;
}

/* Only what the scrolled window shows (and a screen above and below, so
 * that scrolling does not show blanks) is laid out: at 10 000 projects the
 * rates chart is far taller than any screen. */
static void
limit_to_visible (MsChartView    *self,
                  MsChartOptions *options)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t origin = GRAPHENE_POINT_INIT (0, 0);
  graphene_point_t in_scrolled;
  double shown;

  if (scrolled == NULL || !gtk_widget_compute_point (GTK_WIDGET (self), scrolled, &origin, &in_scrolled))
    return;

  shown = gtk_widget_get_height (scrolled);
  options->visible_top = -in_scrolled.y - shown;
  options->visible_bottom = -in_scrolled.y + 2 * shown;
}

static void
on_scrolled_cb (MsChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ms_chart_view_root (GtkWidget *widget)
{
  MsChartView *self = MS_CHART_VIEW (widget);
  GtkWidget *scrolled;

  GTK_WIDGET_CLASS (ms_chart_view_parent_class)->root (widget);

  scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled == NULL)
    return;
  g_set_object (&self->vadjustment, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)));
  self->scroll_handler = g_signal_connect_object (self->vadjustment, "value-changed", G_CALLBACK (on_scrolled_cb),
                                                  self, G_CONNECT_SWAPPED);
}

static void
ms_chart_view_unroot (GtkWidget *widget)
{
  MsChartView *self = MS_CHART_VIEW (widget);

  if (self->vadjustment != NULL)
    g_clear_signal_handler (&self->scroll_handler, self->vadjustment);
  g_clear_object (&self->vadjustment);

  GTK_WIDGET_CLASS (ms_chart_view_parent_class)->unroot (widget);
}

/* A row of the rates chart leads to its project. */
static void
on_released_cb (MsChartView *self,
                int          n_press,
                double       x,
                double       y)
{
  MsProject *project;

  if (self->node == NULL || self->kind != MS_CHART_RATES || self->info.row_height <= 0 ||
      y < self->info.rows_y)
    return;

  project = ms_chart_get_row_project (self->kind, self->node, (guint)((y - self->info.rows_y) / self->info.row_height));
  if (project != NULL)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

static void
ms_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  MsChartView *self = MS_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  MsChartOptions options;
  cairo_t *cr;

  if (self->node == NULL || width <= 0 || height <= 0)
    return;

  fill_options (self, &options);
  limit_to_visible (self, &options);
  /* The drawing covers the visible part only, not a node as tall as
   * thousands of rows. */
  {
    double top = CLAMP (options.visible_top, 0, height);
    double bottom = CLAMP (options.visible_bottom, top, height);

    if (bottom <= top)
      return;
    cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, top, width, bottom - top));
  }
  ms_chart_draw (cr, width, height, self->kind, self->node, &options, &self->info);
  cairo_destroy (cr);
}

static void
ms_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  MsChartView *self = MS_CHART_VIEW (widget);
  MsChartOptions options;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 640;
      return;
    }

  if (self->node == NULL)
    {
      *minimum = *natural = 0;
      return;
    }

  /* Tall enough for every row: the page scrolls. */
  ms_chart_options_init (&options, NULL);
  options.font_size = SCREEN_FONT_SIZE;
  options.show_title = self->kind != MS_CHART_PROJECT;
  *minimum = *natural = (int)ceil (ms_chart_get_natural_height (self->kind, self->node, &options));
}

static GtkSizeRequestMode
ms_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
ms_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (ms_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
ms_chart_view_dispose (GObject *object)
{
  MsChartView *self = (MsChartView *)object;

  ms_chart_view_set_node (self, NULL);
  g_clear_handle_id (&self->description_id, g_source_remove);

  G_OBJECT_CLASS (ms_chart_view_parent_class)->dispose (object);
}

static void
ms_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MsChartView *self = MS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MsChartView *self = MS_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      ms_chart_view_set_kind (self, g_value_get_int (value));
      break;
    case PROP_NODE:
      ms_chart_view_set_node (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_chart_view_class_init (MsChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_chart_view_dispose;
  object_class->get_property = ms_chart_view_get_property;
  object_class->set_property = ms_chart_view_set_property;

  widget_class->snapshot = ms_chart_view_snapshot;
  widget_class->root = ms_chart_view_root;
  widget_class->unroot = ms_chart_view_unroot;
  widget_class->measure = ms_chart_view_measure;
  widget_class->get_request_mode = ms_chart_view_get_request_mode;
  widget_class->css_changed = ms_chart_view_css_changed;

  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL,
                                            MS_CHART_OVERVIEW, MS_CHART_DEPARTMENTS, MS_CHART_OVERVIEW,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  properties[PROP_NODE] = g_param_spec_object ("node", NULL, NULL, MS_TYPE_NODE,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MsChartView::project-activated:
   * @project: the project of the row clicked
   */
  signals[PROJECT_ACTIVATED] = g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, MS_TYPE_PROJECT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ms_chart_view_init (MsChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect_object (click, "released", G_CALLBACK (on_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
ms_chart_view_new (MsChartKind kind)
{
  return g_object_new (MS_TYPE_CHART_VIEW, "kind", kind, NULL);
}

MsChartKind
ms_chart_view_get_kind (MsChartView *self)
{
  g_return_val_if_fail (MS_IS_CHART_VIEW (self), MS_CHART_OVERVIEW);

  return self->kind;
}

void
ms_chart_view_set_kind (MsChartView *self,
                        MsChartKind  kind)
{
  g_return_if_fail (MS_IS_CHART_VIEW (self));

  if (kind == self->kind)
    return;

  self->kind = kind;
  /* A bar of the rates chart leads to its project. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), kind == MS_CHART_RATES ? "pointer" : NULL);
  on_node_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * ms_chart_view_get_node:
 *
 * Returns: (transfer none) (nullable): the node charted
 */
MsNode *
ms_chart_view_get_node (MsChartView *self)
{
  g_return_val_if_fail (MS_IS_CHART_VIEW (self), NULL);

  return self->node;
}

void
ms_chart_view_set_node (MsChartView *self,
                        MsNode      *node)
{
  g_return_if_fail (MS_IS_CHART_VIEW (self));
  g_return_if_fail (!node || MS_IS_NODE (node));

  if (node == self->node)
    return;

  if (self->node != NULL)
    g_clear_signal_handler (&self->changed_handler, self->node);
  g_set_object (&self->node, node);
  if (node != NULL)
    /* A project's own chart shows its texts; the summary charts only what counts. */
    self->changed_handler = g_signal_connect_object (node, MS_IS_PROJECT (node) ? "changed" : "changed::summary",
                                                     G_CALLBACK (on_node_changed_cb),
                                                     self, G_CONNECT_SWAPPED);

  on_node_changed_cb (self);
  /* A chart newly shown is described at once. */
  g_clear_handle_id (&self->description_id, g_source_remove);
  update_description (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

/**
 * ms_chart_view_get_info:
 *
 * What the last drawing did: texts, unknown glyphs, bars.
 */
void
ms_chart_view_get_info (MsChartView *self,
                        MsChartInfo *info)
{
  g_return_if_fail (MS_IS_CHART_VIEW (self));

  *info = self->info;
}

char *
ms_chart_view_dup_description (MsChartView *self)
{
  g_return_val_if_fail (MS_IS_CHART_VIEW (self), NULL);

  return self->node ? ms_chart_describe (self->kind, self->node, NULL) : g_strdup ("");
}

/**
 * ms_chart_options_init_for_widget:
 *
 * Options for a chart drawn on screen in @widget: the interface language,
 * screen text size, the palette of the style (dark, high contrast) and text
 * in the theme's own colour, on the widget's own background.
 */
void
ms_chart_options_init_for_widget (MsChartOptions *options,
                                  GtkWidget      *widget)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GdkRGBA foreground;

  g_return_if_fail (options != NULL);
  g_return_if_fail (GTK_IS_WIDGET (widget));

  ms_chart_options_init (options, NULL);
  options->font_size = SCREEN_FONT_SIZE;
  options->fill_background = FALSE;

  if (adw_style_manager_get_dark (style))
    ms_chart_palette_init_dark (&options->palette, adw_style_manager_get_high_contrast (style));
  else if (adw_style_manager_get_high_contrast (style))
    ms_chart_palette_init_high_contrast (&options->palette);

  /* Text in the theme's own colour. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &foreground);
  G_GNUC_END_IGNORE_DEPRECATIONS
  options->palette.foreground.red = foreground.red;
  options->palette.foreground.green = foreground.green;
  options->palette.foreground.blue = foreground.blue;
  options->palette.foreground.alpha = foreground.alpha;
}
