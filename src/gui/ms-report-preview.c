/* ms-report-preview.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages of a report, one under the other, drawn by the same code that
 * prints them: a system preview program may be missing (and is under the
 * Flatpak print portal). It zooms, and scrolls in a GtkScrolledWindow;
 * only the pages in view are drawn, and only their part in view.
 */

#define G_LOG_DOMAIN "ms-report-preview"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ms-report-preview.h"

/* Between pages and around them, in pixels. */
#define PAGE_GAP 16.0
#define ZOOM_STEP 1.25
/* Pixels per point: a page some 40 px high, to 8 times its printed size. */
#define ZOOM_MIN 0.05
#define ZOOM_MAX 8.0

typedef enum
{
  FIT_PAGE,
  FIT_WIDTH,
  FIT_NONE,
} FitMode;

struct _MsReportPreview
{
  GtkWidget            parent_instance;

  MsReport            *report;
  /* graphene_size_t per page, in points */
  GArray              *page_sizes;
  /* double per page, then the end: where pages start, in pixels at zoom */
  GArray              *page_tops;
  double               content_width;
  double               content_height;

  FitMode              fit;
  /* Pixels per point */
  double               zoom;
  double               laid_out_zoom;
  guint                page;
  /* A page to show once there is a size to lay pages out in. */
  gboolean             page_pending;
  /* Our own scrolling to a page, which must not choose the page again. */
  gboolean             moving_to_page;
  guint                n_drawn;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  GtkScrollablePolicy  hscroll_policy;
  GtkScrollablePolicy  vscroll_policy;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (MsReportPreview, ms_report_preview, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

static guint
n_pages (MsReportPreview *self)
{
  return self->page_sizes->len;
}

static graphene_size_t *
page_size (MsReportPreview *self,
           guint            page)
{
  return &g_array_index (self->page_sizes, graphene_size_t, page);
}

static double
page_top (MsReportPreview *self,
          guint            page)
{
  return g_array_index (self->page_tops, double, page);
}

/* The page shown at @y, in pixels from the top of all pages. */
static guint
page_at (MsReportPreview *self,
         double           y)
{
  guint page = 0;

  while (page + 1 < n_pages (self) && page_top (self, page + 1) - PAGE_GAP / 2 <= y)
    page++;
  return page;
}

/* Where @page lies in the widget, scrolled as it is now. */
static void
get_page_area (MsReportPreview *self,
               guint            page,
               graphene_rect_t *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  graphene_size_t *size = page_size (self, page);
  double page_width = size->width * self->zoom;
  double page_height = size->height * self->zoom;
  /* Narrower or shorter than the view, the pages sit in its middle. */
  double left = (MAX (self->content_width, width) - page_width) / 2;
  double top = page_top (self, page) + MAX (0, (height - self->content_height) / 2);

  graphene_rect_init (area, left - gtk_adjustment_get_value (self->hadjustment),
                      top - gtk_adjustment_get_value (self->vadjustment), page_width, page_height);
}

static double
zoom_to_fit (MsReportPreview *self,
             int              width,
             int              height)
{
  double widest = 1, tallest = 1;

  for (guint i = 0; i < n_pages (self); i++)
    {
      widest = MAX (widest, page_size (self, i)->width);
      tallest = MAX (tallest, page_size (self, i)->height);
    }

  /* Pages of both orientations fit whole at one zoom, so it stays put while scrolling. */
  if (self->fit == FIT_PAGE)
    return MIN ((width - 2 * PAGE_GAP) / widest, (height - 2 * PAGE_GAP) / tallest);
  return (width - 2 * PAGE_GAP) / widest;
}

static void
lay_out_pages (MsReportPreview *self,
               int              width,
               int              height)
{
  double widest = 0;
  double y = PAGE_GAP;

  if (self->fit != FIT_NONE && width > 0 && height > 0)
    self->zoom = zoom_to_fit (self, width, height);
  self->zoom = CLAMP (self->zoom, ZOOM_MIN, ZOOM_MAX);

  g_array_set_size (self->page_tops, 0);
  for (guint i = 0; i < n_pages (self); i++)
    {
      g_array_append_val (self->page_tops, y);
      y += page_size (self, i)->height * self->zoom + PAGE_GAP;
      widest = MAX (widest, page_size (self, i)->width);
    }
  g_array_append_val (self->page_tops, y);

  self->content_height = n_pages (self) > 0 ? y : 0;
  self->content_width = n_pages (self) > 0 ? widest * self->zoom + 2 * PAGE_GAP : 0;
}

static void
set_page_internal (MsReportPreview *self,
                   guint            page)
{
  if (self->page == page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
scroll_to_page (MsReportPreview *self)
{
  g_assert (MS_IS_REPORT_PREVIEW (self));

  self->moving_to_page = TRUE;
  gtk_adjustment_set_value (self->vadjustment, page_top (self, self->page) - PAGE_GAP / 2);
  self->moving_to_page = FALSE;
  self->page_pending = FALSE;
}

static void
on_adjustment_value_changed_cb (MsReportPreview *self,
                                GtkAdjustment   *adjustment)
{
  g_assert (MS_IS_REPORT_PREVIEW (self));

  gtk_widget_queue_draw (GTK_WIDGET (self));

  /* Scrolled by hand: the page is the one in the upper part of the view. */
  if (adjustment == self->vadjustment && !self->moving_to_page && n_pages (self) > 0 &&
      self->page_tops->len == n_pages (self) + 1)
    set_page_internal (self, page_at (self, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment) / 3));
}

static void
set_adjustment (MsReportPreview  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
  g_set_object (slot, g_object_ref_sink (adjustment));
  g_object_unref (adjustment);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
ms_report_preview_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (widget);
  double old_content_width = self->content_width;
  double hcenter = gtk_adjustment_get_value (self->hadjustment) + gtk_adjustment_get_page_size (self->hadjustment) / 2;
  double vcenter = gtk_adjustment_get_value (self->vadjustment) + gtk_adjustment_get_page_size (self->vadjustment) / 2;
  gboolean had_layout = self->laid_out_zoom > 0 && self->page_tops->len == n_pages (self) + 1 && n_pages (self) > 0;
  guint anchor_page = had_layout ? page_at (self, vcenter) : 0;
  double anchor_fraction = 0;
  double vvalue, hvalue;

  /* What was in the middle of the view stays there at another zoom. */
  if (had_layout)
    anchor_fraction = (vcenter - page_top (self, anchor_page)) /
                      MAX (1, page_top (self, anchor_page + 1) - page_top (self, anchor_page));

  lay_out_pages (self, width, height);

  if (had_layout && self->zoom != self->laid_out_zoom)
    {
      vvalue = page_top (self, anchor_page) +
               anchor_fraction * (page_top (self, anchor_page + 1) - page_top (self, anchor_page)) - height / 2.0;
      hvalue = old_content_width > 0 ? hcenter / old_content_width * self->content_width - width / 2.0 : 0;
    }
  else
    {
      vvalue = gtk_adjustment_get_value (self->vadjustment);
      hvalue = gtk_adjustment_get_value (self->hadjustment);
    }
  if (self->zoom != self->laid_out_zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  self->laid_out_zoom = self->zoom;

  self->moving_to_page = TRUE;
  gtk_adjustment_configure (self->hadjustment, hvalue, 0, MAX (self->content_width, width),
                            width * 0.1, width * 0.9, width);
  gtk_adjustment_configure (self->vadjustment, vvalue, 0, MAX (self->content_height, height),
                            height * 0.1, height * 0.9, height);
  self->moving_to_page = FALSE;

  if (n_pages (self) > 0 && self->page_pending)
    scroll_to_page (self);
}

static void
ms_report_preview_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (widget);
  graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));

  self->n_drawn = 0;
  if (self->report == NULL || self->page_tops->len != n_pages (self) + 1)
    return;

  for (guint page = 0; page < n_pages (self); page++)
    {
      graphene_rect_t area, shadow, visible;
      cairo_t *cr;

      get_page_area (self, page, &area);
      if (area.origin.y > view.size.height)
        break;
      if (!graphene_rect_intersection (&area, &view, &visible))
        continue;

      /* A sheet of paper with a soft edge. */
      graphene_rect_offset_r (&area, 2, 3, &shadow);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.15 }, &shadow);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &area);

      /* Only the part in view: a page at 8× would be a surface of 4 700 × 6 700 pixels. */
      cr = gtk_snapshot_append_cairo (snapshot, &visible);
      cairo_translate (cr, area.origin.x, area.origin.y);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_rectangle (cr, 0, 0, page_size (self, page)->width, page_size (self, page)->height);
      cairo_clip (cr);
      ms_report_draw_page (self->report, page, cr, NULL);
      cairo_destroy (cr);
      self->n_drawn++;
    }
}

/* The size of all pages at the zoom they will have: the scrolled window
 * decides on scrollbars from it before the pages are laid out. */
static void
ms_report_preview_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (widget);
  double zoom = self->fit == FIT_NONE || self->laid_out_zoom <= 0 ? self->zoom : self->laid_out_zoom;
  double widest = 1, total_height = 0;

  for (guint i = 0; i < n_pages (self); i++)
    {
      widest = MAX (widest, page_size (self, i)->width);
      total_height += page_size (self, i)->height;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Fitted pages fit any width. */
      *minimum = self->fit == FIT_NONE && n_pages (self) > 0 ? (int)ceil (widest * zoom + 2 * PAGE_GAP) : 0;
    }
  else
    {
      if (self->fit == FIT_WIDTH && for_size > 0)
        zoom = CLAMP ((for_size - 2 * PAGE_GAP) / widest, ZOOM_MIN, ZOOM_MAX);
      *minimum = n_pages (self) > 1 || self->fit == FIT_NONE
                 ? (int)floor (total_height * zoom + (n_pages (self) + 1) * PAGE_GAP)
                 : 0;
    }
  *natural = *minimum;
}

static gboolean
scroll_by_key_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (widget);
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  if (dx != 0)
    gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                                                 dx * gtk_adjustment_get_step_increment (self->hadjustment));
  if (dy != 0)
    gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) +
                                                 dy * gtk_adjustment_get_step_increment (self->vadjustment));
  return TRUE;
}

static gboolean
turn_page_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (widget);
  int direction = g_variant_get_int32 (args);

  if (direction < 0 && self->page > 0)
    ms_report_preview_set_page (self, self->page - 1);
  else if (direction > 0)
    ms_report_preview_set_page (self, self->page + 1);
  return TRUE;
}

static void
ms_report_preview_dispose (GObject *object)
{
  MsReportPreview *self = (MsReportPreview *)object;

  g_clear_pointer (&self->report, ms_report_free);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ms_report_preview_parent_class)->dispose (object);
}

static void
ms_report_preview_finalize (GObject *object)
{
  MsReportPreview *self = (MsReportPreview *)object;

  g_clear_pointer (&self->page_sizes, g_array_unref);
  g_clear_pointer (&self->page_tops, g_array_unref);

  G_OBJECT_CLASS (ms_report_preview_parent_class)->finalize (object);
}

static void
ms_report_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_uint (value, ms_report_preview_get_page (self));
      break;

    case PROP_N_PAGES:
      g_value_set_uint (value, ms_report_preview_get_n_pages (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, ms_report_preview_get_zoom (self));
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_report_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MsReportPreview *self = MS_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      ms_report_preview_set_page (self, g_value_get_uint (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_turn_page_binding (GtkWidgetClass *widget_class,
                       guint           key,
                       int             direction)
{
  gtk_widget_class_add_binding (widget_class, key, 0, turn_page_cb, "i", direction);
}

static void
ms_report_preview_class_init (MsReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_report_preview_dispose;
  object_class->finalize = ms_report_preview_finalize;
  object_class->get_property = ms_report_preview_get_property;
  object_class->set_property = ms_report_preview_set_property;
  widget_class->measure = ms_report_preview_measure;
  widget_class->size_allocate = ms_report_preview_size_allocate;
  widget_class->snapshot = ms_report_preview_snapshot;

  /**
   * MsReportPreview:page:
   *
   * The page shown: the one scrolled to, or the one in the upper part of
   * the view.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * MsReportPreview:zoom:
   *
   * Pixels per printed point.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, ZOOM_MAX, 1,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /* In the view, Page Up and Down turn pages, as the buttons do, rather
   * than scroll by a screen; the arrows scroll. */
  add_turn_page_binding (widget_class, GDK_KEY_Page_Up, -1);
  add_turn_page_binding (widget_class, GDK_KEY_KP_Page_Up, -1);
  add_turn_page_binding (widget_class, GDK_KEY_Page_Down, 1);
  add_turn_page_binding (widget_class, GDK_KEY_KP_Page_Down, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Up, 0, scroll_by_key_cb, "(ii)", 0, -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Down, 0, scroll_by_key_cb, "(ii)", 0, 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, 0, scroll_by_key_cb, "(ii)", -1, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, 0, scroll_by_key_cb, "(ii)", 1, 0);

  gtk_widget_class_set_css_name (widget_class, "reportpreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ms_report_preview_init (MsReportPreview *self)
{
  self->page_sizes = g_array_new (FALSE, FALSE, sizeof (graphene_size_t));
  self->page_tops = g_array_new (FALSE, FALSE, sizeof (double));
  self->fit = FIT_PAGE;
  self->zoom = 1;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Print preview"), -1);
}

GtkWidget *
ms_report_preview_new (void)
{
  return g_object_new (MS_TYPE_REPORT_PREVIEW, NULL);
}

/**
 * ms_report_preview_set_report:
 * @report: (transfer full) (nullable): the report to show
 *
 * Shows @report at the same zoom and, as far as it has pages, the same page.
 */
void
ms_report_preview_set_report (MsReportPreview *self,
                              MsReport        *report)
{
  guint old_n_pages;

  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  old_n_pages = n_pages (self);
  g_clear_pointer (&self->report, ms_report_free);
  self->report = report;

  g_array_set_size (self->page_sizes, 0);
  g_array_set_size (self->page_tops, 0);
  for (guint i = 0; report != NULL && i < ms_report_get_n_pages (report); i++)
    {
      double width, height;

      ms_report_get_page_size (report, i, &width, &height);
      g_array_append_val (self->page_sizes, GRAPHENE_SIZE_INIT (width, height));
    }
  /* Laid out anew at the next allocation; the page kept is scrolled to then. */
  self->laid_out_zoom = 0;
  self->page_pending = TRUE;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  set_page_internal (self, MIN (self->page, MAX (n_pages (self), 1) - 1));
  if (old_n_pages != n_pages (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  {
    /* What a screen reader says of the picture; the pages' words are in the file made. */
    g_autofree char *description =
      /* translators: the print preview's description for a screen reader */
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The report as it will print: %u page",
                                    "The report as it will print: %u pages", n_pages (self)),
                       n_pages (self));

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ms_report_preview_set_page:
 *
 * Scrolls to @page, or to the last page if there are fewer.
 */
void
ms_report_preview_set_page (MsReportPreview *self,
                            guint            page)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  if (n_pages (self) == 0)
    return;

  set_page_internal (self, MIN (page, n_pages (self) - 1));
  if (self->page_tops->len == n_pages (self) + 1 && self->laid_out_zoom > 0)
    scroll_to_page (self);
  else
    self->page_pending = TRUE;
}

guint
ms_report_preview_get_page (MsReportPreview *self)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), 0);

  return self->page;
}

/**
 * ms_report_preview_get_n_pages:
 *
 * Returns: the number of pages of the report shown, 0 without one
 */
guint
ms_report_preview_get_n_pages (MsReportPreview *self)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), 0);

  return n_pages (self);
}

static void
set_zoom (MsReportPreview *self,
          FitMode          fit,
          double           zoom)
{
  self->fit = fit;
  self->zoom = CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  /* Fitting needs the size: the zoom is known, and notified, once laid out. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
ms_report_preview_zoom_in (MsReportPreview *self)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  set_zoom (self, FIT_NONE, self->zoom * ZOOM_STEP);
}

void
ms_report_preview_zoom_out (MsReportPreview *self)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  set_zoom (self, FIT_NONE, self->zoom / ZOOM_STEP);
}

void
ms_report_preview_zoom_fit_width (MsReportPreview *self)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  set_zoom (self, FIT_WIDTH, self->zoom);
}

void
ms_report_preview_zoom_fit_page (MsReportPreview *self)
{
  g_return_if_fail (MS_IS_REPORT_PREVIEW (self));

  set_zoom (self, FIT_PAGE, self->zoom);
}

/**
 * ms_report_preview_get_zoom:
 *
 * Returns: the pixels per printed point, as last laid out
 */
double
ms_report_preview_get_zoom (MsReportPreview *self)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), 1);

  return self->zoom;
}

/**
 * ms_report_preview_get_page_area:
 * @area: (out): where @page is drawn, in the widget's coordinates
 *
 * Returns: %FALSE if there is no such page or it is not laid out yet
 */
gboolean
ms_report_preview_get_page_area (MsReportPreview *self,
                                 guint            page,
                                 graphene_rect_t *area)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (page >= n_pages (self) || self->page_tops->len != n_pages (self) + 1)
    return FALSE;

  get_page_area (self, page, area);
  return TRUE;
}

/**
 * ms_report_preview_get_n_drawn:
 *
 * Returns: how many pages the last frame drew (those in view)
 */
guint
ms_report_preview_get_n_drawn (MsReportPreview *self)
{
  g_return_val_if_fail (MS_IS_REPORT_PREVIEW (self), 0);

  return self->n_drawn;
}
