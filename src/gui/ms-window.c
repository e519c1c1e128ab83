/* ms-window.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-number.h"
#include "ms-settings.h"
#include "ms-window.h"

struct _MsWindow
{
  AdwApplicationWindow  parent_instance;

  MsDocument           *document;
  MsCategory           *category;
  GSettings            *settings;
  GCancellable         *cancellable;
  GBindingGroup        *document_bindings;

  /* Template children */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkListBox           *sidebar;
  GtkBox               *groups_box;
};

G_DEFINE_FINAL_TYPE (MsWindow, ms_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* File text is Chinese whatever the interface language: without this, Pango
 * picks the Japanese CJK face under an English locale (Han unification). */
static void
mark_as_chinese (GtkWidget *label)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  gtk_label_set_attributes (GTK_LABEL (label), attributes);
  pango_attr_list_unref (attributes);
}

static char *
join_departments (const char * const *departments)
{
  /* Chinese lists use the enumeration comma, as the notices do. */
  return g_strjoinv ("、", (char **)departments);
}

static gboolean
departments_to_label (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  const char * const *departments = g_value_get_boxed (from);

  if (departments == NULL || departments[0] == NULL)
    g_value_set_string (to, _("No responsible department"));
  else
    g_value_take_string (to, join_departments (departments));

  return TRUE;
}

static gboolean
status_to_label (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  g_value_set_string (to, ms_status_get_label (g_value_get_enum (from)));
  return TRUE;
}

static GtkWidget *
create_project_row (gpointer item,
                    gpointer user_data)
{
  MsProject *project = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *target = gtk_label_new (NULL);
  GtkWidget *departments = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_set_valign (number, GTK_ALIGN_START);
  gtk_widget_add_css_class (number, "project-number");
  gtk_widget_add_css_class (number, "dim-label");
  g_object_bind_property (project, "number", number, "label", G_BINDING_SYNC_CREATE);

  /* Labels show file text literally: no markup is parsed. */
  gtk_label_set_wrap (GTK_LABEL (target), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (target), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (target), 3);
  gtk_label_set_ellipsize (GTK_LABEL (target), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (target), 0);
  mark_as_chinese (target);
  g_object_bind_property (project, "target", target, "label", G_BINDING_SYNC_CREATE);

  gtk_label_set_xalign (GTK_LABEL (departments), 0);
  gtk_label_set_wrap (GTK_LABEL (departments), TRUE);
  gtk_widget_add_css_class (departments, "caption");
  gtk_widget_add_css_class (departments, "dim-label");
  mark_as_chinese (departments);
  g_object_bind_property_full (project, "departments", departments, "label",
                               G_BINDING_SYNC_CREATE, departments_to_label, NULL, NULL, NULL);

  gtk_widget_set_valign (status, GTK_ALIGN_START);
  gtk_widget_add_css_class (status, "caption-heading");
  g_object_bind_property_full (project, "status", status, "label",
                               G_BINDING_SYNC_CREATE, status_to_label, NULL, NULL, NULL);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), target);
  gtk_box_append (GTK_BOX (texts), departments);
  gtk_box_append (GTK_BOX (box), number);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), status);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
show_category (MsWindow   *self,
               MsCategory *category)
{
  GListModel *groups;
  GtkWidget *child;

  g_assert (MS_IS_WINDOW (self));

  g_set_object (&self->category, category);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);

  if (category == NULL)
    return;

  groups = ms_category_get_groups (category);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      MsGroup *group = ms_category_get_group (category, i);
      g_autofree char *numeral = ms_number_to_chinese_numeral (ms_group_get_number (group));
      g_autofree char *heading = g_strdup_printf ("（%s）%s", numeral, ms_group_get_title (group));
      GtkWidget *label = gtk_label_new (heading);
      GtkWidget *list = gtk_list_box_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      mark_as_chinese (label);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_add_css_class (label, "group-header");
      gtk_box_append (self->groups_box, label);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_bind_model (GTK_LIST_BOX (list), ms_group_get_projects (group),
                               create_project_row, NULL, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                      -1);
      gtk_box_append (self->groups_box, list);
    }
}

static void
update_category_count (GtkLabel   *label,
                       MsCategory *category)
{
  MsStats stats = { 0 };
  g_autofree char *text = NULL;

  ms_stats_add_node (&stats, MS_NODE (category));
  text = g_strdup_printf ("%u", stats.n_projects);
  gtk_label_set_label (label, text);
}

static GtkWidget *
create_category_row (gpointer item,
                     gpointer user_data)
{
  MsCategory *category = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  mark_as_chinese (title);
  g_object_bind_property (category, "title", title, "label", G_BINDING_SYNC_CREATE);

  gtk_widget_add_css_class (count, "dim-label");
  update_category_count (GTK_LABEL (count), category);
  g_signal_connect_object (category, "changed", G_CALLBACK (update_category_count), count,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), count);

  return box;
}

static void
on_sidebar_row_selected_cb (MsWindow      *self,
                            GtkListBoxRow *row,
                            GtkListBox    *list_box)
{
  g_assert (MS_IS_WINDOW (self));

  if (row == NULL || self->document == NULL)
    {
      show_category (self, NULL);
      return;
    }

  show_category (self, ms_document_get_category (self->document,
                                                 gtk_list_box_row_get_index (row)));
}

static gboolean
region_year_to_subtitle (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  MsWindow *self = user_data;

  if (self->document == NULL)
    return FALSE;

  /* translators: region and year of a yearly file, such as "漯河市 · 2024" */
  g_value_take_string (to, g_strdup_printf (_("%s · %d"),
                                            ms_document_get_region (self->document),
                                            ms_document_get_year (self->document)));
  return TRUE;
}

static void
restore_window_state (MsWindow *self)
{
  if (self->settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
ms_window_close_request (GtkWindow *window)
{
  MsWindow *self = MS_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
      g_settings_set_boolean (self->settings, "window-maximized",
                              gtk_window_is_maximized (window));
    }

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (ms_window_parent_class)->close_request (window);
}

static void
ms_window_dispose (GObject *object)
{
  MsWindow *self = (MsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->document_bindings != NULL)
    g_binding_group_set_source (self->document_bindings, NULL);
  g_clear_object (&self->document_bindings);
  g_clear_object (&self->category);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);

  /* Rows go away with the template; nothing is left to show them in. */
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_WINDOW);

  G_OBJECT_CLASS (ms_window_parent_class)->dispose (object);
}

static void
ms_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  MsWindow *self = MS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  MsWindow *self = MS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      ms_window_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_window_class_init (MsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ms_window_dispose;
  object_class->get_property = ms_window_get_property;
  object_class->set_property = ms_window_set_property;

  window_class->close_request = ms_window_close_request;

  properties[PROP_DOCUMENT] = g_param_spec_object ("document", NULL, NULL, MS_TYPE_DOCUMENT,
                                                   G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, groups_box);
}

static void
ms_window_init (MsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = ms_settings_new ();

  self->document_bindings = g_binding_group_new ();
  g_binding_group_bind (self->document_bindings, "title",
                        self->window_title, "title", G_BINDING_SYNC_CREATE);
  g_binding_group_bind_full (self->document_bindings, "region",
                             self->window_title, "subtitle", G_BINDING_SYNC_CREATE,
                             region_year_to_subtitle, NULL, self, NULL);
  g_binding_group_bind_full (self->document_bindings, "year",
                             self->window_title, "subtitle", G_BINDING_SYNC_CREATE,
                             region_year_to_subtitle, NULL, self, NULL);

  g_signal_connect_object (self->sidebar, "row-selected",
                           G_CALLBACK (on_sidebar_row_selected_cb), self, G_CONNECT_SWAPPED);

  restore_window_state (self);
}

MsWindow *
ms_window_new (MsApplication *application)
{
  return g_object_new (MS_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * ms_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
MsDocument *
ms_window_get_document (MsWindow *self)
{
  g_return_val_if_fail (MS_IS_WINDOW (self), NULL);

  return self->document;
}

void
ms_window_set_document (MsWindow   *self,
                        MsDocument *document)
{
  GtkListBoxRow *first_row;

  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (!document || MS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  show_category (self, NULL);
  g_binding_group_set_source (self->document_bindings, document);

  if (document == NULL)
    {
      gtk_list_box_bind_model (self->sidebar, NULL, NULL, NULL, NULL);
      adw_window_title_set_title (self->window_title, _("Minsheng Tracker"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "message");
    }
  else
    {
      gtk_list_box_bind_model (self->sidebar, ms_document_get_categories (document),
                               create_category_row, NULL, NULL);
      gtk_stack_set_visible_child_name (self->stack, "document");

      first_row = gtk_list_box_get_row_at_index (self->sidebar, 0);
      if (first_row != NULL)
        gtk_list_box_select_row (self->sidebar, first_row);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
ms_window_show_error (MsWindow   *self,
                      const char *title,
                      const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (MS_IS_WINDOW (self));

  /* The status page parses markup; file text must show literally. */
  escaped = g_markup_escape_text (message ? message : "", -1);

  ms_window_set_document (self, NULL);
  adw_status_page_set_icon_name (self->status_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->status_page, title);
  adw_status_page_set_description (self->status_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MsWindow) self = user_data;
  g_autoptr(MsDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ms_document_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (document == NULL)
    {
      ms_window_show_error (self, _("Could Not Open the Yearly File"), error->message);
      return;
    }

  ms_window_set_document (self, document);

  if (self->settings != NULL)
    {
      g_autofree char *path = g_file_get_path (ms_document_get_file (document));

      if (path != NULL)
        g_settings_set_string (self->settings, "last-file", path);
    }
}

void
ms_window_open_file (MsWindow *self,
                     GFile    *file)
{
  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  ms_document_load_async (file, self->cancellable, load_cb, g_object_ref (self));
}
