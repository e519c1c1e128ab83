/* ms-departments-page.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-departments-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-chart-view.h"
#include "ms-departments-page.h"
#include "ms-gui-util.h"
#include "ms-l10n.h"

/* Each responsible department with its projects and how far they are. */
struct _MsDepartmentsPage
{
  GtkWidget    parent_instance;

  MsDocument  *document;
  gulong       changed_handler;
  guint        rebuild_source;
  guint        n_rows;

  MsChartView *chart;
  GtkListBox  *list;
};

G_DEFINE_FINAL_TYPE (MsDepartmentsPage, ms_departments_page, GTK_TYPE_WIDGET)

enum {
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
collect (MsDocument *document,
         GHashTable *by_department,
         GPtrArray  *order)
{
  GListModel *categories = ms_document_get_categories (document);
  const char *none = _("No responsible department");

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);

      for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (category)); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);

          for (guint p = 0; p < g_list_model_get_n_items (ms_group_get_projects (group)); p++)
            {
              MsProject *project = ms_group_get_project (group, p);
              const char * const *departments = ms_project_get_departments (project);
              const char * const fallback[] = { none, NULL };

              if (departments[0] == NULL)
                departments = fallback;
              for (guint d = 0; departments[d] != NULL; d++)
                {
                  GPtrArray *projects = g_hash_table_lookup (by_department, departments[d]);

                  if (projects == NULL)
                    {
                      char *key = g_strdup (departments[d]);

                      projects = g_ptr_array_new ();
                      g_hash_table_insert (by_department, key, projects);
                      g_ptr_array_add (order, key);
                    }
                  g_ptr_array_add (projects, project);
                }
            }
        }
    }
}

static void
on_project_row_activated_cb (AdwActionRow      *row,
                             MsDepartmentsPage *self)
{
  MsProject *project = g_object_get_data (G_OBJECT (row), "ms-project");

  if (project != NULL)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

static gboolean
rebuild (gpointer user_data)
{
  MsDepartmentsPage *self = user_data;
  g_autoptr(GHashTable) by_department = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                               (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GtkWidget *child;

  self->rebuild_source = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;

  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  collect (self->document, by_department, order);

  for (guint i = 0; i < order->len; i++)
    {
      const char *name = g_ptr_array_index (order, i);
      GPtrArray *projects = g_hash_table_lookup (by_department, name);
      GtkWidget *expander = adw_expander_row_new ();
      guint completed = 0;
      g_autofree char *share = NULL;
      g_autofree char *subtitle = NULL;

      for (guint p = 0; p < projects->len; p++)
        completed += ms_project_get_status (g_ptr_array_index (projects, p)) == MS_STATUS_COMPLETED;
      share = ms_l10n_format_percent (NULL, (double)completed / projects->len);
      /* translators: a department's summary: projects, share completed, such as "4 projects · 100% completed" */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project · %s completed",
                                               "%u projects · %s completed", projects->len),
                                  projects->len, share);

      /* File text: never parsed as markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);

      for (guint p = 0; p < projects->len; p++)
        {
          MsProject *project = g_ptr_array_index (projects, p);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *title = ms_project_dup_short_title (project);
          g_autofree char *numbered = g_strdup_printf ("%u. %s", ms_project_get_number (project), title);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), numbered);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ms_status_get_label (ms_project_get_status (project)));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
          g_object_set_data_full (G_OBJECT (row), "ms-project", g_object_ref (project), g_object_unref);
          g_signal_connect (row, "activated", G_CALLBACK (on_project_row_activated_cb), self);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }

      gtk_list_box_append (self->list, expander);
      self->n_rows++;
    }

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (MsDepartmentsPage *self)
{
  /* Edits come in bursts while typing: rebuild once they settle. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_timeout_add (300, rebuild, self);
}

static void
ms_departments_page_dispose (GObject *object)
{
  MsDepartmentsPage *self = (MsDepartmentsPage *)object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_clear_object (&self->document);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_DEPARTMENTS_PAGE);

  G_OBJECT_CLASS (ms_departments_page_parent_class)->dispose (object);
}

static void
ms_departments_page_class_init (MsDepartmentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_departments_page_dispose;

  /**
   * MsDepartmentsPage::project-activated:
   *
   * A project of a department was chosen, to be shown in the detail view.
   */
  signals[PROJECT_ACTIVATED] = g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, MS_TYPE_PROJECT);

  g_type_ensure (MS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-departments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MsDepartmentsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, MsDepartmentsPage, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ms_departments_page_init (MsDepartmentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
ms_departments_page_set_document (MsDepartmentsPage *self,
                                  MsDocument        *document)
{
  g_return_if_fail (MS_IS_DEPARTMENTS_PAGE (self));

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_handler, self->document);
  g_set_object (&self->document, document);
  ms_chart_view_set_node (self->chart, document ? MS_NODE (document) : NULL);

  if (document != NULL)
    self->changed_handler = g_signal_connect_object (document, "changed", G_CALLBACK (queue_rebuild), self,
                                                     G_CONNECT_SWAPPED);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  rebuild (self);
}

/**
 * ms_departments_page_get_chart:
 *
 * Returns: (transfer none): the departments chart
 */
GtkWidget *
ms_departments_page_get_chart (MsDepartmentsPage *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS_PAGE (self), NULL);

  return GTK_WIDGET (self->chart);
}

guint
ms_departments_page_get_n_rows (MsDepartmentsPage *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS_PAGE (self), 0);

  return self->n_rows;
}
