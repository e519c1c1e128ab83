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

#include "ms-chart-panel.h"
#include "ms-departments-page.h"
#include "ms-departments.h"
#include "ms-gui-util.h"
#include "ms-l10n.h"

/* Each responsible department with its projects and where they stand
 * against 序时进度, the departments to chase first, in the order of the chart
 * above them (both read one MsDepartments model). The model recounts when
 * the document changes and reports only the departments that changed: their
 * rows are made again, the others stay. The projects that name no
 * department are a problem of the data, shown apart at the top. */
struct _MsDepartmentsPage
{
  GtkWidget      parent_instance;

  MsDocument    *document;
  MsDepartments *departments;

  GtkListBox    *unassigned_list;
  MsChartPanel  *chart;
  GtkListBox    *department_list;
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

/* The project's state in words, with the figure that decides it against
 * 序时进度 when there is one: "Behind · 新增学位: 42.0%, expected 75.0%". */
static char *
describe_entry (const MsDepartmentProject *entry)
{
  const char *label = ms_schedule_get_label (entry->schedule);
  g_autofree char *rate = NULL;
  g_autofree char *expected = NULL;

  if (entry->deciding == NULL || !entry->has_rate)
    return g_strdup (label);

  rate = ms_l10n_format_percent (NULL, entry->rate);
  if (!entry->has_expected)
    /* translators: a project's schedule state, its deciding indicator and that indicator's rate,
     * such as "Behind · 新增学位: 42.0%" */
    return g_strdup_printf (_("%s · %s: %s"), label, ms_indicator_get_name (entry->deciding), rate);

  expected = ms_l10n_format_percent (NULL, entry->expected);
  /* translators: a project's schedule state, its deciding indicator, that indicator's rate and the
   * rate expected by now (序时进度), such as "Behind · 新增学位: 42.0%, expected 75.0%" */
  return g_strdup_printf (_("%s · %s: %s, expected %s"), label, ms_indicator_get_name (entry->deciding), rate,
                          expected);
}

static GtkWidget *
create_project_row (MsDepartmentsPage         *self,
                    const MsDepartmentProject *entry)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (ms_schedule_get_icon_name (entry->schedule));
  MsProject *project = entry->project;
  g_autofree char *subtitle = describe_entry (entry);

  g_assert (MS_IS_DEPARTMENTS_PAGE (self));

  /* File text: never parsed as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property_full (project, "target", row, "title", G_BINDING_SYNC_CREATE,
                               transform_project_title, NULL, NULL, NULL);
  g_object_bind_property_full (project, "number", row, "title", G_BINDING_DEFAULT,
                               transform_project_title, NULL, NULL, NULL);
  /* A change of state or figures changes the department: the row is made
   * again. The state is a shape and words, never a colour alone. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (icon, ms_schedule_get_label (entry->schedule));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ms_schedule_get_label (entry->schedule), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  ms_widget_mark_chinese (row);
  g_object_set_data_full (G_OBJECT (row), "ms-project", g_object_ref (project), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_project_row_activated_cb), self, 0);

  return row;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const MsDepartmentProject *x = *(const MsDepartmentProject * const *)a;
  const MsDepartmentProject *y = *(const MsDepartmentProject * const *)b;

  if (x->schedule != y->schedule)
    return x->schedule < y->schedule ? -1 : 1;
  /* The entries lie in one array, in file order. */
  return x < y ? -1 : x > y;
}

/* A department's project rows are made when it is first opened: at
 * 10 000 projects, making them all up front cost most of opening a file. */
static void
on_department_expanded_cb (AdwExpanderRow    *expander,
                           GParamSpec        *pspec,
                           MsDepartmentsPage *self)
{
  MsDepartment *department = g_object_get_data (G_OBJECT (expander), "ms-department");
  g_autoptr(GPtrArray) entries = NULL;
  guint n_projects;

  if (!adw_expander_row_get_expanded (expander) || department == NULL ||
      g_object_get_data (G_OBJECT (expander), "ms-filled") != NULL)
    return;

  g_object_set_data (G_OBJECT (expander), "ms-filled", GINT_TO_POINTER (TRUE));
  n_projects = ms_department_get_n_projects (department);
  entries = g_ptr_array_sized_new (n_projects);
  for (guint p = 0; p < n_projects; p++)
    g_ptr_array_add (entries, (gpointer)ms_department_get_entry (department, p));
  /* The project to chase first on top: most urgent state, then file order. */
  g_ptr_array_sort_with_data (entries, compare_entries, department);
  for (guint p = 0; p < n_projects; p++)
    adw_expander_row_add_row (expander, create_project_row (self, g_ptr_array_index (entries, p)));
}

/* libadwaita 1.2 leaves an expander row and the lists inside it nameless:
 * a screen reader would say "list item" for each department. */
static void
name_expander_parts (GtkWidget  *widget,
                     const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      if (!ADW_IS_PREFERENCES_ROW (child))
        name_expander_parts (child, title);
    }
}

static GtkWidget *
create_expander (MsDepartmentsPage *self,
                 MsDepartment      *department,
                 const char        *title)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *subtitle = ms_department_format_summary (department, NULL);

  /* File text: never parsed as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  name_expander_parts (expander, title);
  ms_widget_mark_chinese (expander);

  g_object_set_data_full (G_OBJECT (expander), "ms-department", g_object_ref (department), g_object_unref);
  g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (on_department_expanded_cb), self, 0);

  return expander;
}

static GtkWidget *
create_department_row (gpointer item,
                       gpointer user_data)
{
  MsDepartment *department = item;
  MsDepartmentsPage *self = user_data;

  g_assert (MS_IS_DEPARTMENT (department));
  g_assert (MS_IS_DEPARTMENTS_PAGE (self));

  return create_expander (self, department, ms_department_get_name (department));
}

/* The projects without a department: one row at the top, said as a
 * problem to fix, that opens on the projects. */
static void
update_unassigned (MsDepartmentsPage *self)
{
  MsDepartment *unassigned = self->departments ? ms_departments_get_unassigned (self->departments) : NULL;
  guint n_projects = unassigned ? ms_department_get_n_projects (unassigned) : 0;
  GtkWidget *child;
  GtkWidget *expander;
  g_autofree char *title = NULL;

  g_assert (MS_IS_DEPARTMENTS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->unassigned_list))) != NULL)
    gtk_list_box_remove (self->unassigned_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->unassigned_list), n_projects > 0);
  if (n_projects == 0)
    return;

  /* translators: at the top of the departments page, a problem of the data */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project has no responsible department",
                                        "%u projects have no responsible department", n_projects),
                           n_projects);
  expander = create_expander (self, unassigned, title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                 _("Not counted for any department: name one in each project"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Not counted for any department: name one in each project"), -1);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_list_box_append (self->unassigned_list, expander);
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

  g_type_ensure (MS_TYPE_CHART_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-departments-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MsDepartmentsPage, unassigned_list);
  gtk_widget_class_bind_template_child (widget_class, MsDepartmentsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, MsDepartmentsPage, department_list);
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
    {
      self->departments = ms_departments_new (MS_NODE (document));
      g_signal_connect_object (self->departments, "notify::unassigned", G_CALLBACK (update_unassigned), self,
                               G_CONNECT_SWAPPED);
    }
  ms_chart_panel_set_node (self->chart, document ? MS_NODE (document) : NULL);
  gtk_list_box_bind_model (self->department_list, G_LIST_MODEL (self->departments), create_department_row, self, NULL);
  update_unassigned (self);
}

/**
 * ms_departments_page_get_departments:
 *
 * Returns: (transfer none) (nullable): the departments the page lists, in
 *   its order, or %NULL without a document
 */
MsDepartments *
ms_departments_page_get_departments (MsDepartmentsPage *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS_PAGE (self), NULL);

  return self->departments;
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

  return GTK_WIDGET (ms_chart_panel_get_view (self->chart));
}

guint
ms_departments_page_get_n_rows (MsDepartmentsPage *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENTS_PAGE (self), 0);

  return self->departments != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->departments)) : 0;
}
