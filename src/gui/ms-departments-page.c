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
#include "ms-departments.h"
#include "ms-gui-util.h"
#include "ms-l10n.h"

/* Each responsible department with its projects and how far they are. The
 * list is bound to an MsDepartments model, which recounts when the document
 * changes and reports only the departments that changed: their rows are
 * made again, the others stay. */
struct _MsDepartmentsPage
{
  GtkWidget      parent_instance;

  MsDocument    *document;
  MsDepartments *departments;

  MsChartView   *chart;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (MsDepartmentsPage, ms_departments_page, GTK_TYPE_WIDGET)

enum {
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_project_row_activated_cb (AdwActionRow      *row,
                             MsDepartmentsPage *self)
{
  MsProject *project = g_object_get_data (G_OBJECT (row), "ms-project");

  g_assert (MS_IS_DEPARTMENTS_PAGE (self));

  if (project != NULL)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

/* Number and short title follow the project: editing its target does not
 * change its department, so the row is not made again for it. */
static gboolean
transform_project_title (GBinding     *binding,
                         const GValue *from_value,
                         GValue       *to_value,
                         gpointer      user_data)
{
  g_autoptr(MsProject) project = MS_PROJECT (g_binding_dup_source (binding));
  g_autofree char *title = NULL;

  if (project == NULL)
    return FALSE;

  title = ms_project_dup_short_title (project);
  g_value_take_string (to_value, g_strdup_printf ("%u. %s", ms_project_get_number (project), title));

  return TRUE;
}

static GtkWidget *
create_project_row (MsDepartmentsPage *self,
                    MsProject         *project)
{
  GtkWidget *row = adw_action_row_new ();

  g_assert (MS_IS_DEPARTMENTS_PAGE (self));

  /* File text: never parsed as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property_full (project, "target", row, "title", G_BINDING_SYNC_CREATE,
                               transform_project_title, NULL, NULL, NULL);
  g_object_bind_property_full (project, "number", row, "title", G_BINDING_DEFAULT,
                               transform_project_title, NULL, NULL, NULL);
  /* A change of status changes the department's counts: the row is made again. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ms_status_get_label (ms_project_get_status (project)));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  ms_widget_mark_chinese (row);
  g_object_set_data_full (G_OBJECT (row), "ms-project", g_object_ref (project), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_project_row_activated_cb), self, 0);

  return row;
}

/* A department's project rows are made when it is first opened: at
 * 10 000 projects, making them all up front cost most of opening a file. */
static void
on_department_expanded_cb (AdwExpanderRow    *expander,
                           GParamSpec        *pspec,
                           MsDepartmentsPage *self)
{
  MsDepartment *department = g_object_get_data (G_OBJECT (expander), "ms-department");
  guint n_projects;

  if (!adw_expander_row_get_expanded (expander) || department == NULL ||
      g_object_get_data (G_OBJECT (expander), "ms-filled") != NULL)
    return;

  g_object_set_data (G_OBJECT (expander), "ms-filled", GINT_TO_POINTER (TRUE));
  n_projects = ms_department_get_n_projects (department);
  for (guint p = 0; p < n_projects; p++)
    adw_expander_row_add_row (expander, create_project_row (self, ms_department_get_project (department, p)));
}

static GtkWidget *
create_department_row (gpointer item,
                       gpointer user_data)
{
  MsDepartment *department = item;
  MsDepartmentsPage *self = user_data;
  GtkWidget *expander = adw_expander_row_new ();
  const char *name = ms_department_get_name (department);
  guint n_projects = ms_department_get_n_projects (department);
  g_autofree char *share = NULL;
  g_autofree char *subtitle = NULL;

  g_assert (MS_IS_DEPARTMENT (department));
  g_assert (MS_IS_DEPARTMENTS_PAGE (self));

  share = ms_l10n_format_percent (NULL, (double)ms_department_get_n_completed (department) / MAX (1, n_projects));
  /* translators: a department's summary: projects, share completed, such as "4 projects · 100% completed" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project · %s completed",
                                           "%u projects · %s completed", n_projects),
                              n_projects, share);

  /* File text: never parsed as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 name != NULL ? name : _("No responsible department"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  ms_widget_mark_chinese (expander);

  g_object_set_data_full (G_OBJECT (expander), "ms-department", g_object_ref (department), g_object_unref);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_department_expanded_cb), self, 0);

  return expander;
}

static void
ms_departments_page_dispose (GObject *object)
{
  MsDepartmentsPage *self = (MsDepartmentsPage *)object;

  g_clear_object (&self->departments);
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
  g_return_if_fail (!document || MS_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  g_clear_object (&self->departments);
  if (document != NULL)
    self->departments = ms_departments_new (MS_NODE (document));
  ms_chart_view_set_node (self->chart, document ? MS_NODE (document) : NULL);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->departments), create_department_row, self, NULL);
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

  return self->departments != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->departments)) : 0;
}
