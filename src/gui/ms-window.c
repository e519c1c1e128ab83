/* ms-window.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-window"

#include "config.h"

#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "ms-chart-view.h"
#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-merge-dialog.h"
#include "ms-recovery.h"
#include "ms-restore-dialog.h"
#include "ms-settings.h"
#include "ms-sidebar-item.h"
#include "ms-window-private.h"

G_DEFINE_FINAL_TYPE (MsWindow, ms_window, ADW_TYPE_APPLICATION_WINDOW)

static void sync_ledger (MsWindow *self);

static void
update_category_detail (GtkLabel   *label,
                        MsCategory *category)
{
  g_autofree char *text = NULL;
  MsDocument *document = ms_node_get_document (MS_NODE (category));
  MsScheduleContext context;
  MsScheduleCounts counts = { 0 };
  guint lagging = 0;

  if (document == NULL)
    return;
  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  ms_schedule_count (MS_NODE (category), &context, &counts);
  for (guint s = 0; s < MS_N_SCHEDULES; s++)
    if (ms_schedule_is_lagging (s))
      lagging += counts.n_by_schedule[s];
  if (lagging > 0)
    /* translators: in the narrow sidebar beside a category: how many of its projects need
     * attention (overdue, at risk, behind or not reported), such as "3 lagging" */
    text = g_strdup_printf (_("%u lagging"), lagging);
  else
    /* translators: in the narrow sidebar beside a category whose projects are all on track or done */
    text = g_strdup (_("on track"));
  gtk_label_set_label (label, text);
  {
    /* translators: the tooltip of a category's count: its projects and those needing attention */
    g_autofree char *tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project, %u needing attention",
                                                             "%u projects, %u needing attention",
                                                             counts.n_projects),
                                                counts.n_projects, lagging);

    gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
  }
}

static GtkWidget *
create_sidebar_row (gpointer item,
                    gpointer user_data)
{
  MsSidebarItem *entry = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = NULL;
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);

  switch (ms_sidebar_item_get_kind (entry))
    {
    case MS_SIDEBAR_OVERVIEW:
      icon = gtk_image_new_from_icon_name ("view-grid-symbolic");
      gtk_label_set_label (GTK_LABEL (title), _("Overview"));
      break;
    case MS_SIDEBAR_DEPARTMENTS:
      icon = gtk_image_new_from_icon_name ("system-users-symbolic");
      gtk_label_set_label (GTK_LABEL (title), _("Departments"));
      break;
    case MS_SIDEBAR_CATEGORY:
    default:
      {
        GtkWidget *detail = gtk_label_new (NULL);

        icon = gtk_image_new_from_icon_name ("view-list-bullet-symbolic");
        ms_widget_mark_chinese (title);
        g_object_bind_property (ms_sidebar_item_get_category (entry), "title", title, "label", G_BINDING_SYNC_CREATE);
        gtk_widget_add_css_class (detail, "dim-label");
        gtk_widget_add_css_class (detail, "numeric");
        update_category_detail (GTK_LABEL (detail), ms_sidebar_item_get_category (entry));
        g_signal_connect_object (ms_sidebar_item_get_category (entry), "changed::summary",
                                 G_CALLBACK (update_category_detail), detail,
                                 G_CONNECT_SWAPPED);
        gtk_box_append (GTK_BOX (box), icon);
        gtk_box_append (GTK_BOX (box), title);
        gtk_box_append (GTK_BOX (box), detail);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
        /* The row is read as its title and counts, which follow the file. */
        gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        title, detail, NULL, -1);
        return row;
      }
    }

  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  return row;
}

static void
rebuild_sidebar (MsWindow *self)
{
  g_autoptr(MsSidebarItem) overview = NULL;
  g_autoptr(MsSidebarItem) departments = NULL;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar);
  int selected_index = selected ? gtk_list_box_row_get_index (selected) : 0;
  GListModel *categories;

  g_list_store_remove_all (self->sidebar_items);
  if (self->document == NULL)
    return;

  overview = ms_sidebar_item_new (MS_SIDEBAR_OVERVIEW, NULL);
  g_list_store_append (self->sidebar_items, overview);
  categories = ms_document_get_categories (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(MsSidebarItem) item = ms_sidebar_item_new (MS_SIDEBAR_CATEGORY, ms_document_get_category (self->document, i));

      g_list_store_append (self->sidebar_items, item);
    }
  departments = ms_sidebar_item_new (MS_SIDEBAR_DEPARTMENTS, NULL);
  g_list_store_append (self->sidebar_items, departments);

  selected_index = MIN (selected_index, (int)g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_items)) - 1);
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, selected_index));
}

/**
 * _ms_window_get_selected_category:
 *
 * Returns: (transfer none) (nullable): the category chosen in the sidebar
 */
MsCategory *
_ms_window_get_selected_category (MsWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  g_autoptr(MsSidebarItem) item = NULL;

  if (row == NULL)
    return NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_items), gtk_list_box_row_get_index (row));
  if (item == NULL || ms_sidebar_item_get_kind (item) != MS_SIDEBAR_CATEGORY)
    return NULL;
  return ms_sidebar_item_get_category (item);
}

static void
show_selected_section (MsWindow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  g_autoptr(MsSidebarItem) item = NULL;

  if (row == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_items), gtk_list_box_row_get_index (row));
  if (item == NULL)
    return;

  /* While searching, the list covers the whole file. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  switch (ms_sidebar_item_get_kind (item))
    {
    case MS_SIDEBAR_OVERVIEW:
      gtk_stack_set_visible_child_name (self->content_stack, "overview");
      break;
    case MS_SIDEBAR_DEPARTMENTS:
      _ms_window_ensure_departments_page (self);
      gtk_stack_set_visible_child_name (self->content_stack, "departments");
      break;
    case MS_SIDEBAR_CATEGORY:
    default:
      ms_project_list_set_scope (self->project_list, MS_NODE (ms_sidebar_item_get_category (item)));
      sync_ledger (self);
      gtk_stack_set_visible_child_name (self->content_stack, "projects");
      break;
    }

  _ms_window_update_actions (self);
}

static void
on_sidebar_row_selected_cb (MsWindow *self)
{
  show_selected_section (self);
  /* Folded, the sections cover the content: a choice puts them away. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static gboolean
focus_is_in (MsWindow  *self,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

gboolean
_ms_window_get_ledger_shown (MsWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->projects_stack), "ledger") == 0;
}

/* The ledger lists what the project list lists: same scope, search and
 * filter. Hidden, it lists nothing and costs nothing. */
static void
sync_ledger (MsWindow *self)
{
  if (!_ms_window_get_ledger_shown (self))
    {
      ms_ledger_view_set_scope (self->ledger_view, NULL);
      return;
    }

  ms_ledger_view_set_search (self->ledger_view, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  ms_ledger_view_set_filter (self->ledger_view, ms_project_list_get_filter (self->project_list));
  ms_ledger_view_set_scope (self->ledger_view, ms_project_list_get_scope (self->project_list));
}

/**
 * _ms_window_show_ledger:
 * @ledger: %TRUE for the ledger's table above the form, %FALSE for the
 *   list beside it
 */
void
_ms_window_show_ledger (MsWindow *self,
                        gboolean  ledger)
{
  MsProject *project = ms_project_list_get_selected_project (self->project_list);
  gboolean had_focus = focus_is_in (self, GTK_WIDGET (self->projects_stack));

  if (ledger == _ms_window_get_ledger_shown (self))
    return;

  if (ledger)
    {
      int height = gtk_widget_get_height (GTK_WIDGET (self->inner_paned));

      self->list_position = gtk_paned_get_position (self->inner_paned);
      gtk_stack_set_visible_child_name (self->projects_stack, "ledger");
      /* A table wants the window's width: the form goes below it. */
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->inner_paned), GTK_ORIENTATION_VERTICAL);
      gtk_paned_set_position (self->inner_paned, height > 0 ? height / 2 : 320);
      gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->ledger_view));
    }
  else
    {
      gtk_stack_set_visible_child_name (self->projects_stack, "list");
      gtk_orientable_set_orientation (GTK_ORIENTABLE (self->inner_paned), GTK_ORIENTATION_HORIZONTAL);
      gtk_paned_set_position (self->inner_paned, self->list_position);
      gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->project_list));
    }

  sync_ledger (self);
  if (ledger && project != NULL)
    ms_ledger_view_select_project (self->ledger_view, project);
  if (had_focus)
    gtk_widget_grab_focus (ledger ? GTK_WIDGET (self->ledger_view) : GTK_WIDGET (self->project_list));
}

/* A row chosen in the ledger is the project shown, as in the list. */
static void
on_ledger_selected_cb (MsWindow *self)
{
  MsProject *project = ms_ledger_view_get_selected_project (self->ledger_view);

  if (project == NULL || project == ms_project_list_get_selected_project (self->project_list))
    return;

  ms_project_list_select_project (self->project_list, project);
  /* Before the list has filtered its way to it, the form shows it already. */
  if (ms_project_list_get_selected_project (self->project_list) != project)
    ms_project_view_set_project (ms_window_get_project_view (self), project);
}

/* Enter on a row: on to the form, where the project is edited. */
static void
on_ledger_activated_cb (MsWindow  *self,
                        MsProject *project)
{
  GtkWidget *view = GTK_WIDGET (ms_window_get_project_view (self));

  on_ledger_selected_cb (self);
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_child_focus (view, GTK_DIR_TAB_FORWARD);
}

static void
on_selected_project_cb (MsWindow *self)
{
  MsProject *project = ms_project_list_get_selected_project (self->project_list);

  ms_project_view_set_project (ms_window_get_project_view (self), project);
  if (_ms_window_get_ledger_shown (self))
    ms_ledger_view_select_project (self->ledger_view, project);
  /* A result picked in the list (by click or arrow keys, which put the focus
   * there), not one selected because the filter changed. */
  if (gtk_search_bar_get_search_mode (self->search_bar) && project != NULL &&
      (focus_is_in (self, GTK_WIDGET (self->project_list)) || focus_is_in (self, GTK_WIDGET (self->ledger_view))))
    g_set_object (&self->project_chosen, project);
  _ms_window_update_actions (self);
}

static void
update_search_count (MsWindow *self)
{
  guint n = ms_project_list_get_n_shown (self->project_list);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);

  gtk_label_set_label (self->search_count, count);
}

static void
on_search_mode_cb (MsWindow *self)
{
  if (self->document == NULL)
    return;

  if (gtk_search_bar_get_search_mode (self->search_bar))
    {
      gboolean on_projects = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "projects") == 0;

      MsProject *before = on_projects ? ms_project_list_get_selected_project (self->project_list) : NULL;

      g_set_object (&self->project_before_search, before);
      g_clear_object (&self->project_chosen);
      ms_project_list_set_scope (self->project_list, MS_NODE (self->document));
      sync_ledger (self);
      gtk_stack_set_visible_child_name (self->content_stack, "projects");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }
  else
    {
      g_autoptr(MsProject) before = g_steal_pointer (&self->project_before_search);
      g_autoptr(MsProject) chosen = g_steal_pointer (&self->project_chosen);
      MsProject *target = chosen ? chosen : before;

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->status_filter, 0);
      ms_project_list_set_search (self->project_list, NULL);
      ms_project_list_set_filter (self->project_list, MS_PROJECT_FILTER_ALL);
      sync_ledger (self);
      /* Back to the project chosen in the results, or to the one shown before. */
      show_selected_section (self);
      if (target != NULL && ms_project_get_group (target) != NULL)
        ms_window_select_project (self, target);
    }
}

/* Escape closes the search from the results too, not only from the entry. */
static gboolean
stop_search_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  MsWindow *self = MS_WINDOW (user_data);

  MsProject *shown;

  if (!gtk_search_bar_get_search_mode (self->search_bar))
    return FALSE;

  /* Closed from the results: the result shown is the choice. The search bar
   * empties the entry before it notifies, so take it now. */
  shown = ms_project_list_get_selected_project (self->project_list);
  if (shown != NULL)
    g_set_object (&self->project_chosen, shown);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* The row that had the focus went with the results: keep it in the list. */
  gtk_widget_grab_focus (_ms_window_get_ledger_shown (self) ? GTK_WIDGET (self->ledger_view)
                                                            : GTK_WIDGET (self->project_list));
  return TRUE;
}

static void
on_search_changed_cb (MsWindow *self)
{
  ms_project_list_set_search (self->project_list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  sync_ledger (self);
}

static void
on_status_filter_cb (MsWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_filter);

  /* The menu lists the filters in their order. */
  ms_project_list_set_filter (self->project_list, selected < MS_N_PROJECT_FILTERS ? (int)selected
                                                                                  : MS_PROJECT_FILTER_ALL);
  sync_ledger (self);
}

/* A new reporting date, period or thresholds: every state is read again. */
static void
on_schedule_rules_cb (MsWindow *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_items));

  ms_project_list_refresh (self->project_list);
  ms_ledger_view_refresh (self->ledger_view);
  if (self->project_view != NULL)
    ms_project_view_refresh (self->project_view);
  /* A category row is its icon, title and counts: the counts are read again. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(MsSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_items), i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, (int)i);
      GtkWidget *box = row != NULL ? gtk_list_box_row_get_child (row) : NULL;

      if (ms_sidebar_item_get_kind (item) == MS_SIDEBAR_CATEGORY && box != NULL &&
          GTK_IS_LABEL (gtk_widget_get_last_child (box)))
        update_category_detail (GTK_LABEL (gtk_widget_get_last_child (box)), ms_sidebar_item_get_category (item));
    }
}

/**
 * ms_window_show_filtered:
 * @filter_by: a filter of MsProjectList (MS_PROJECT_FILTER_*)
 *
 * Lists the projects of the whole file the filter takes, such as those
 * behind schedule: what a headline card counts.
 */
void
ms_window_show_filtered (MsWindow *self,
                         int       filter_by)
{
  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (filter_by >= 0 && filter_by < MS_N_PROJECT_FILTERS);

  if (self->document == NULL)
    return;
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_drop_down_set_selected (self->status_filter, (guint)filter_by);
}

static void
on_department_project_cb (MsWindow  *self,
                          MsProject *project)
{
  ms_window_select_project (self, project);
}

/* The overview and departments pages exist once a file is shown: a window
 * opened with a file paints its first frame without building them. */
void
_ms_window_ensure_document_pages (MsWindow *self)
{
  if (self->overview_page != NULL)
    return;

  self->overview_page = MS_OVERVIEW_PAGE (g_object_new (MS_TYPE_OVERVIEW_PAGE, NULL));
  g_signal_connect_object (self->overview_page, "project-activated", G_CALLBACK (on_department_project_cb), self,
                           G_CONNECT_SWAPPED);
  adw_bin_set_child (self->overview_slot, GTK_WIDGET (self->overview_page));
}

/* The departments page is made when first wanted: most sessions never
 * visit it, and its rows cost fonts and icons the rest does not load. */
MsDepartmentsPage *
_ms_window_ensure_departments_page (MsWindow *self)
{
  if (self->departments_page != NULL)
    return self->departments_page;

  self->departments_page = MS_DEPARTMENTS_PAGE (g_object_new (MS_TYPE_DEPARTMENTS_PAGE, NULL));
  g_signal_connect_object (self->departments_page, "project-activated", G_CALLBACK (on_department_project_cb), self,
                           G_CONNECT_SWAPPED);
  ms_departments_page_set_document (self->departments_page, self->document);
  adw_bin_set_child (self->departments_slot, GTK_WIDGET (self->departments_page));
  return self->departments_page;
}

/* The title follows the editor: its name for the file, a bullet when unsaved. */
void
_ms_window_update_title (MsWindow *self)
{
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (self->editor == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Minsheng Tracker"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Minsheng Tracker"));
      return;
    }

  /* An unsaved document says so in its title, as GNOME applications do. */
  title = g_strdup_printf ("%s%s", ms_editor_get_modified (self->editor) ? "• " : "",
                           ms_editor_get_title (self->editor));
  adw_window_title_set_title (self->window_title, title);

  if (ms_document_get_as_of (self->document) != MS_DATE_NONE)
    {
      g_autofree char *as_of = ms_date_to_string (ms_document_get_as_of (self->document));

      /* translators: region, year and reporting date of a yearly file, such as
       * "漯河市 · 2024 · as of 2024-06-30" */
      subtitle = g_strdup_printf (_("%s · %d · as of %s"), ms_document_get_region (self->document),
                                  ms_document_get_year (self->document), as_of);
    }
  else
    /* translators: region and year of a yearly file, such as "漯河市 · 2024" */
    subtitle = g_strdup_printf (_("%s · %d"), ms_document_get_region (self->document),
                                ms_document_get_year (self->document));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The bar for a file changed or deleted by another program. */
void
_ms_window_update_banner (MsWindow *self)
{
  MsExternalChange change = self->editor ? ms_editor_get_external_change (self->editor) : MS_EXTERNAL_CHANGE_NONE;

  if (change == MS_EXTERNAL_CHANGE_DELETED)
    gtk_label_set_label (self->changed_label,
                         _("The file was deleted or moved away by another program. Save to write it again."));
  else if (change == MS_EXTERNAL_CHANGE_CHANGED)
    gtk_label_set_label (self->changed_label,
                         _("The file was changed by another program since it was opened here."));
  /* Nothing to reload from a deleted file. */
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), change != MS_EXTERNAL_CHANGE_DELETED);
  gtk_revealer_set_reveal_child (self->changed_revealer, change != MS_EXTERNAL_CHANGE_NONE);
}

static void
on_editor_state_cb (MsWindow *self)
{
  _ms_window_update_title (self);
  _ms_window_update_actions (self);
}

static void
on_editor_busy_cb (MsWindow *self)
{
  _ms_window_update_actions (self);
  _ms_window_save_ended (self);

  /* A close asked for during a save goes on now, asking if still needed. */
  if (self->close_after_save && self->editor != NULL && !ms_editor_get_busy (self->editor))
    {
      self->close_after_save = FALSE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
on_editor_external_change_cb (MsWindow *self)
{
  _ms_window_update_banner (self);
  _ms_window_update_actions (self);
}

static void
on_history_notify_cb (MsWindow *self)
{
  _ms_window_update_actions (self);
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

static void
save_window_state (MsWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
}

static void
close_after_confirm (MsWindow *self,
                     gpointer  user_data)
{
  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
ms_window_close_request (GtkWindow *window)
{
  MsWindow *self = MS_WINDOW (window);

  if (!self->closing_confirmed && self->editor != NULL)
    {
      /* A save is writing: close when it is done, asking then if needed. */
      if (ms_editor_get_busy (self->editor))
        {
          self->close_after_save = TRUE;
          return TRUE;
        }

      /* Unsaved changes are never dropped silently: ask first (once). */
      if (ms_editor_get_modified (self->editor))
        {
          if (self->asking == 0)
            _ms_window_confirm_unsaved (self, close_after_confirm, NULL, NULL);
          return TRUE;
        }
    }

  save_window_state (self);
  g_cancellable_cancel (self->cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);

  return GTK_WINDOW_CLASS (ms_window_parent_class)->close_request (window);
}

static gboolean
drop_is_returns (GSList *files)
{
  for (GSList *l = files; l != NULL; l = l->next)
    if (!G_IS_FILE (l->data) || !ms_merge_dialog_accepts_file (l->data))
      return FALSE;
  return TRUE;
}

static gboolean
on_drop_cb (MsWindow      *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL || !G_IS_FILE (files->data))
    return FALSE;

  /* Returned sheets dropped on an open file go to the merge review; anything else is opened. */
  if (self->document != NULL && drop_is_returns (files))
    {
      g_autoptr(GListStore) returns = g_list_store_new (G_TYPE_FILE);

      for (GSList *l = files; l != NULL; l = l->next)
        g_list_store_append (returns, l->data);
      gtk_window_present (GTK_WINDOW (ms_merge_dialog_new_for_files (self, G_LIST_MODEL (returns))));
      return TRUE;
    }

  ms_window_open_file (self, files->data);
  return TRUE;
}

static void
drop_pending_editor (MsWindow *self)
{
  if (self->pending_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->pending_tick);
  self->pending_tick = 0;
  g_clear_object (&self->pending_editor);
}

static void
ms_window_dispose (GObject *object)
{
  MsWindow *self = (MsWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  drop_pending_editor (self);
  g_clear_handle_id (&self->project_view_id, g_source_remove);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  g_clear_pointer (&self->loading_name, g_free);
  g_clear_pointer (&self->page_before_loading, g_free);
  _ms_window_actions_dispose (self);
  if (self->sidebar != NULL)
    g_signal_handlers_disconnect_by_data (self->sidebar, self);
  if (self->project_list != NULL)
    g_signal_handlers_disconnect_by_data (self->project_list, self);
  if (self->ledger_view != NULL)
    g_signal_handlers_disconnect_by_data (self->ledger_view, self);
  if (self->editor_signals != NULL)
    g_signal_group_set_target (self->editor_signals, NULL);
  if (self->history_signals != NULL)
    g_signal_group_set_target (self->history_signals, NULL);
  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, NULL);
  if (self->categories_signals != NULL)
    g_signal_group_set_target (self->categories_signals, NULL);
  /* Not discarded: edits of a window torn down without asking stay kept. */
  g_clear_object (&self->autosave);
  g_clear_object (&self->editor_signals);
  g_clear_object (&self->history_signals);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->categories_signals);
  g_clear_object (&self->history);
  g_clear_object (&self->document);
  g_clear_object (&self->editor);
  g_clear_object (&self->settings);

  g_clear_object (&self->project_before_search);
  g_clear_object (&self->project_chosen);
  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_WINDOW);
  g_clear_object (&self->sidebar_items);

  G_OBJECT_CLASS (ms_window_parent_class)->dispose (object);
}

static void
ms_window_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  MS_WINDOW (widget)->drawn = TRUE;

  GTK_WIDGET_CLASS (ms_window_parent_class)->snapshot (widget, snapshot);
}

static void
ms_window_class_init (MsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ms_window_dispose;
  window_class->close_request = ms_window_close_request;
  widget_class->snapshot = ms_window_snapshot;

  g_type_ensure (MS_TYPE_OVERVIEW_PAGE);
  g_type_ensure (MS_TYPE_PROJECT_LIST);
  g_type_ensure (MS_TYPE_LEDGER_VIEW);
  g_type_ensure (MS_TYPE_PROJECT_VIEW);
  g_type_ensure (MS_TYPE_DEPARTMENTS_PAGE);
  g_type_ensure (MS_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, reload_button);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, flap);
  /* GNOME's key for a sidebar, also when it is folded away. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.show-sidebar", NULL);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, overview_slot);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, search_count);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, status_filter);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, project_list);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, projects_stack);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, ledger_view);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, project_view_slot);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, departments_slot);
  gtk_widget_class_bind_template_child (widget_class, MsWindow, recent_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_project_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_search_count);
  gtk_widget_class_bind_template_callback (widget_class, on_search_mode_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_filter_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_drop_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ledger_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_ledger_activated_cb);
}

static gboolean
make_project_view_cb (gpointer user_data)
{
  MsWindow *self = user_data;

  self->project_view_id = 0;
  ms_window_get_project_view (self);
  return G_SOURCE_REMOVE;
}

static void
ms_window_init (MsWindow *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  ms_widget_drop_label_relations (GTK_WIDGET (self));
  ms_choice_prepare (GTK_WIDGET (self->status_filter), _("Show projects by status or schedule"));
  ms_widget_mark_chinese (GTK_WIDGET (self->window_title));
  /* Searches are for file text. */
  ms_widget_mark_chinese (GTK_WIDGET (self->search_entry));

  self->cancellable = g_cancellable_new ();
  self->settings = ms_settings_new ();
  /* Quick opens show nothing; slow ones show a sign of life soon. */
  self->loading_delay = 300;
  self->autosave_delay = 3000;

  self->editor_signals = g_signal_group_new (MS_TYPE_EDITOR);
  g_signal_group_connect_swapped (self->editor_signals, "notify::modified", G_CALLBACK (on_editor_state_cb), self);
  g_signal_group_connect_swapped (self->editor_signals, "notify::title", G_CALLBACK (on_editor_state_cb), self);
  g_signal_group_connect_swapped (self->editor_signals, "notify::file", G_CALLBACK (on_editor_state_cb), self);
  g_signal_group_connect_swapped (self->editor_signals, "notify::busy", G_CALLBACK (on_editor_busy_cb), self);
  g_signal_group_connect_swapped (self->editor_signals, "notify::external-change",
                                  G_CALLBACK (on_editor_external_change_cb), self);
  self->history_signals = g_signal_group_new (MS_TYPE_HISTORY);
  g_signal_group_connect_swapped (self->history_signals, "notify", G_CALLBACK (on_history_notify_cb), self);
  self->document_signals = g_signal_group_new (MS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "notify::region", G_CALLBACK (_ms_window_update_title),
                                  self);
  g_signal_group_connect_swapped (self->document_signals, "notify::year", G_CALLBACK (_ms_window_update_title),
                                  self);
  g_signal_group_connect_swapped (self->document_signals, "notify::as-of", G_CALLBACK (_ms_window_update_title),
                                  self);
  g_signal_group_connect_swapped (self->document_signals, "notify::as-of", G_CALLBACK (on_schedule_rules_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::thresholds", G_CALLBACK (on_schedule_rules_cb),
                                  self);
  g_signal_group_connect_swapped (self->document_signals, "notify::period-start", G_CALLBACK (on_schedule_rules_cb),
                                  self);
  g_signal_group_connect_swapped (self->document_signals, "notify::period-end", G_CALLBACK (on_schedule_rules_cb),
                                  self);
  self->categories_signals = g_signal_group_new (G_TYPE_LIST_MODEL);
  g_signal_group_connect_swapped (self->categories_signals, "items-changed", G_CALLBACK (rebuild_sidebar), self);
  self->sidebar_items = g_list_store_new (MS_TYPE_SIDEBAR_ITEM);
  gtk_list_box_bind_model (self->sidebar, G_LIST_MODEL (self->sidebar_items), create_sidebar_row, self, NULL);

  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->project_list));
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (stop_search_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->project_list), shortcuts);
  /* The same from the ledger's rows. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_callback_action_new (stop_search_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->ledger_view), shortcuts);

  _ms_window_actions_init (self);
  /* Ready before the user picks a project, but after the first frames. */
  self->project_view_id = g_idle_add_full (G_PRIORITY_LOW, make_project_view_cb, self, NULL);
  {
    g_autoptr(GPropertyAction) show_sidebar = g_property_action_new ("show-sidebar", self->flap, "reveal-flap");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (show_sidebar));
  }
  restore_window_state (self);
  _ms_window_update_title (self);
  _ms_window_update_banner (self);
  _ms_window_update_actions (self);
}

MsWindow *
ms_window_new (MsApplication *application)
{
  return g_object_new (MS_TYPE_WINDOW, "application", application, NULL);
}

/**
 * ms_window_get_project_view:
 *
 * The project form is made when first needed rather than with the window,
 * so that it costs nothing before the window's first frame.
 *
 * Returns: (transfer none): the form of the selected project
 */
MsProjectView *
ms_window_get_project_view (MsWindow *self)
{
  g_return_val_if_fail (MS_IS_WINDOW (self), NULL);

  if (self->project_view == NULL)
    {
      g_clear_handle_id (&self->project_view_id, g_source_remove);
      self->project_view = MS_PROJECT_VIEW (ms_project_view_new ());
      ms_project_view_set_history (self->project_view, self->history);
      adw_bin_set_child (self->project_view_slot, GTK_WIDGET (self->project_view));
    }
  return self->project_view;
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

/**
 * ms_window_get_history:
 *
 * Returns: (transfer none) (nullable): the undo history of the document
 */
MsHistory *
ms_window_get_history (MsWindow *self)
{
  g_return_val_if_fail (MS_IS_WINDOW (self), NULL);

  return self->history;
}

static void set_editor_with_key (MsWindow   *self,
                                 MsEditor   *editor,
                                 const char *recovery_key);

/**
 * _ms_window_discard_unsaved:
 *
 * The user chose to throw the unsaved edits away: forget those kept for
 * recovery too.
 */
void
_ms_window_discard_unsaved (MsWindow *self)
{
  if (self->autosave != NULL)
    ms_autosave_discard (self->autosave);
}

/**
 * ms_window_set_loading_delay:
 * @delay_ms: milliseconds
 *
 * How long a file may take to open before the window shows that it is
 * loading (300 ms by default, so that quick opens show nothing). Tests set 0.
 */
void
ms_window_set_loading_delay (MsWindow *self,
                             guint     delay_ms)
{
  g_return_if_fail (MS_IS_WINDOW (self));

  self->loading_delay = delay_ms;
}

/* For tests: how long after an edit it is kept for recovery. */
void
ms_window_set_autosave_delay (MsWindow *self,
                              guint     delay_ms)
{
  g_return_if_fail (MS_IS_WINDOW (self));

  self->autosave_delay = delay_ms;
  if (self->autosave != NULL)
    ms_autosave_set_delay (self->autosave, delay_ms);
}

/**
 * ms_window_get_autosave:
 *
 * Returns: (transfer none) (nullable): what keeps the unsaved edits
 */
MsAutosave *
ms_window_get_autosave (MsWindow *self)
{
  g_return_val_if_fail (MS_IS_WINDOW (self), NULL);

  return self->autosave;
}

/**
 * ms_window_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the file shown
 */
MsEditor *
ms_window_get_editor (MsWindow *self)
{
  g_return_val_if_fail (MS_IS_WINDOW (self), NULL);

  return self->editor;
}

/**
 * ms_window_set_editor:
 * @editor: (nullable): the file to show, or %NULL for the welcome page
 *
 * Shows @editor's document, without asking about unsaved changes of the one
 * shown before.
 */
void
ms_window_set_editor (MsWindow *self,
                      MsEditor *editor)
{
  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (!editor || MS_IS_EDITOR (editor));

  set_editor_with_key (self, editor, NULL);
}

/* @recovery_key: (nullable): edits restored from recovery stay kept under
 * the key they were found under */
static void
set_editor_with_key (MsWindow   *self,
                     MsEditor   *editor,
                     const char *recovery_key)
{
  MsDocument *document;
  MsHistory *history;

  if (editor == self->editor)
    return;

  g_set_object (&self->editor, editor);
  g_clear_object (&self->autosave);
  if (editor != NULL)
    {
      self->autosave = recovery_key ? ms_autosave_new_with_key (editor, recovery_key) : ms_autosave_new (editor);
      ms_autosave_set_delay (self->autosave, self->autosave_delay);
    }
  document = editor ? ms_editor_get_document (editor) : NULL;
  g_set_object (&self->document, document);
  history = editor ? ms_editor_get_history (editor) : NULL;
  g_set_object (&self->history, history);
  self->close_after_save = FALSE;

  g_signal_group_set_target (self->editor_signals, editor);
  g_signal_group_set_target (self->history_signals, self->history);
  g_signal_group_set_target (self->document_signals, document);
  g_signal_group_set_target (self->categories_signals, document ? ms_document_get_categories (document) : NULL);
  g_clear_object (&self->project_before_search);
  g_clear_object (&self->project_chosen);
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  if (self->project_view != NULL)
    ms_project_view_set_history (self->project_view, self->history);
  ms_project_list_set_scope (self->project_list, NULL);
  sync_ledger (self);
  if (document != NULL)
    _ms_window_ensure_document_pages (self);
  if (self->overview_page != NULL)
    ms_overview_page_set_document (self->overview_page, document, self->history);
  if (self->departments_page != NULL)
    ms_departments_page_set_document (self->departments_page, document);
  rebuild_sidebar (self);
  /* Questions that waited on the last editor's save ask about this one. */
  _ms_window_save_ended (self);

  if (document != NULL)
    {
      gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, 0));
      gtk_stack_set_visible_child_name (self->main_stack, "document");
    }
  else
    gtk_stack_set_visible_child_name (self->main_stack, "message");

  _ms_window_update_title (self);
  _ms_window_update_banner (self);
  _ms_window_update_actions (self);
}

/**
 * ms_window_set_document:
 * @document: (nullable): a document to edit; an unmodified one counts as saved
 *
 * Shows @document in a new editor; see ms_window_set_editor().
 */
void
ms_window_set_document (MsWindow   *self,
                        MsDocument *document)
{
  g_autoptr(MsEditor) editor = NULL;

  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (!document || MS_IS_DOCUMENT (document));

  if (document != NULL && document == self->document)
    return;

  editor = document ? ms_editor_new (document) : NULL;
  ms_window_set_editor (self, editor);
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
  gtk_stack_set_visible_child_name (self->main_stack, "message");
}

static void
remember_file (MsWindow *self,
               GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { 0 };

  if (self->settings != NULL && path != NULL)
    g_settings_set_string (self->settings, "last-file", path);

  data.display_name = NULL;
  data.mime_type = (char *)"application/json";
  data.app_name = (char *)g_get_application_name ();
  data.app_exec = (char *)"minsheng %u";
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
hide_loading (MsWindow *self)
{
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->loading_name, g_free);
  /* Back to what was shown: the previous document or the welcome page. */
  if (self->page_before_loading != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, self->page_before_loading);
  g_clear_pointer (&self->page_before_loading, g_free);
  _ms_window_update_actions (self);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  MsWindow *self = user_data;
  g_autofree char *title = NULL;

  self->loading_timeout_id = 0;
  /* The page to go back to, unless the blank first frame already noted it. */
  if (self->page_before_loading == NULL)
    self->page_before_loading = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
  /* translators: shown while a file opens; %s is its name */
  title = g_strdup_printf (_("Loading “%s”…"), self->loading_name);
  adw_status_page_set_title (self->loading_page, title);
  gtk_stack_set_visible_child_name (self->main_stack, "loading");
  _ms_window_update_actions (self);

  return G_SOURCE_REMOVE;
}

typedef struct
{
  MsWindow        *self;
  /* The file as saved, shown when the edits are not restored. */
  MsEditor        *opened;
  /* Or the file to open then. */
  GFile           *otherwise;
  MsRecoveryEntry *entry;
} RestoreQuestion;

static void
restore_question_free (RestoreQuestion *question)
{
  g_clear_object (&question->self);
  g_clear_object (&question->opened);
  g_clear_object (&question->otherwise);
  ms_recovery_entry_free (question->entry);
  g_free (question);
}

static void
show_unrestored (RestoreQuestion *question)
{
  if (question->opened != NULL)
    ms_window_set_editor (question->self, question->opened);
  else if (question->otherwise != NULL)
    ms_window_load_file (question->self, question->otherwise);
}

static void
restore_answered_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RestoreQuestion *question = user_data;
  MsWindow *self = question->self;
  g_autoptr(MsDocument) restored = NULL;
  g_autoptr(MsEditor) editor = NULL;
  g_autoptr(GError) error = NULL;

  self->asking--;
  switch (ms_restore_dialog_run_finish (result))
    {
    case MS_RESTORE_RESTORE:
      restored = ms_recovery_restore (question->entry, &error);
      if (restored != NULL)
        {
          editor = ms_editor_new (restored);
          set_editor_with_key (self, editor, question->entry->key);
          if (question->entry->file != NULL)
            remember_file (self, question->entry->file);
          _ms_window_toast (self, _("Unsaved changes restored"));
          break;
        }
      /* Unreadable: say so and keep the files for whoever can look at them. */
      _ms_window_show_message (self, _("Could Not Restore the Changes"), error->message);
      show_unrestored (question);
      break;

    case MS_RESTORE_DISCARD:
      ms_recovery_discard (question->entry->key);
      show_unrestored (question);
      break;

    case MS_RESTORE_LATER:
    default:
      show_unrestored (question);
      break;
    }

  restore_question_free (question);
}

/**
 * ms_window_offer_recovery:
 * @opened: (nullable): the entry's file as read from disk, shown unless
 *   the edits are restored
 * @otherwise: (nullable): without @opened, the file to open unless the
 *   edits are restored
 *
 * Asks whether to restore unsaved edits kept when the app last stopped.
 */
void
ms_window_offer_recovery (MsWindow              *self,
                          MsEditor              *opened,
                          GFile                 *otherwise,
                          const MsRecoveryEntry *entry)
{
  RestoreQuestion *question;

  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (entry != NULL);

  question = g_new0 (RestoreQuestion, 1);
  question->self = g_object_ref (self);
  question->opened = opened ? g_object_ref (opened) : NULL;
  question->otherwise = otherwise ? g_object_ref (otherwise) : NULL;
  question->entry = ms_recovery_entry_copy (entry);
  self->asking++;
  ms_restore_dialog_run_async (GTK_WINDOW (self), entry, restore_answered_cb, question);
}

/* The one place an opened file is shown: a question about it (such as
 * restoring unsaved edits) belongs here, before the window takes it. */
/* Reading a file in a thread leaves that thread's freed memory resident:
 * hand it back once the file is shown. */
static gboolean
release_load_memory_cb (gpointer user_data)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

static void
show_opened_editor (MsWindow *self,
                    MsEditor *editor)
{
  GFile *file = ms_editor_get_file (editor);
  g_autoptr(MsRecoveryEntry) entry = file ? ms_recovery_find (file, MS_RECOVERY_ORPHANED) : NULL;

  remember_file (self, file);
  /* Low priority: after the file's content is drawn. */
  g_idle_add_full (G_PRIORITY_LOW, release_load_memory_cb, NULL, NULL);
  if (entry != NULL)
    {
      /* The file as saved stays in view behind the question. */
      ms_window_set_editor (self, editor);
      ms_window_offer_recovery (self, editor, NULL, entry);
      return;
    }
  ms_window_set_editor (self, editor);
}

static gboolean
show_pending_editor_cb (GtkWidget     *widget,
                        GdkFrameClock *clock,
                        gpointer       user_data)
{
  MsWindow *self = MS_WINDOW (widget);
  g_autoptr(MsEditor) editor = NULL;

  if (!self->drawn)
    return G_SOURCE_CONTINUE;

  self->pending_tick = 0;
  editor = g_steal_pointer (&self->pending_editor);
  if (editor != NULL)
    show_opened_editor (self, editor);
  return G_SOURCE_REMOVE;
}


static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(MsWindow) self = user_data;
  g_autoptr(MsEditor) editor = NULL;
  g_autoptr(GError) error = NULL;

  editor = ms_editor_load_finish (result, &error);

  /* Cancelled, or superseded by a newer open: that one owns the page. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  hide_loading (self);
  if (editor == NULL)
    {
      /* A window already showing a file keeps it; the error is said in a dialog. */
      if (self->editor != NULL)
        _ms_window_show_message (self, _("Could Not Open the Yearly File"), error->message);
      else
        ms_window_show_error (self, _("Could Not Open the Yearly File"), error->message);
      return;
    }

  /* A window opened with a file shows its first frame at once and the
   * file on the next one, rather than nothing until the file is laid out. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->drawn)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "blank");
      drop_pending_editor (self);
      self->pending_editor = g_steal_pointer (&editor);
      self->pending_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_pending_editor_cb, NULL, NULL);
      return;
    }

  show_opened_editor (self, editor);
}

/**
 * _ms_window_cancel_loading:
 *
 * Stops opening a file; what was shown before stays.
 */
void
_ms_window_cancel_loading (MsWindow *self)
{
  if (self->load_cancellable == NULL)
    return;

  g_cancellable_cancel (self->load_cancellable);
  hide_loading (self);
}

gboolean
_ms_window_get_loading (MsWindow *self)
{
  return self->load_cancellable != NULL;
}

/* Loads @file into this window, without asking about unsaved changes. */
void
ms_window_load_file (MsWindow *self,
                     GFile    *file)
{
  g_autofree char *page = NULL;

  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One open at a time: the newer one wins, showing what was there before it. */
  drop_pending_editor (self);
  if (self->page_before_loading != NULL)
    page = g_strdup (self->page_before_loading);
  _ms_window_cancel_loading (self);
  if (page != NULL)
    gtk_stack_set_visible_child_name (self->main_stack, page);

  /* Opened with the window, the file replaces nothing: no welcome page first. */
  if (!self->drawn && self->editor == NULL && self->page_before_loading == NULL)
    {
      self->page_before_loading = g_strdup (gtk_stack_get_visible_child_name (self->main_stack));
      gtk_stack_set_visible_child_name (self->main_stack, "blank");
    }

  self->load_cancellable = g_cancellable_new ();
  self->loading_name = g_file_get_basename (file);
  self->loading_timeout_id = g_timeout_add (self->loading_delay, show_loading_cb, self);
  ms_editor_load_async (file, self->load_cancellable, load_cb, g_object_ref (self));
  _ms_window_update_actions (self);
}

static void
load_after_confirm (MsWindow *self,
                    gpointer  user_data)
{
  ms_window_load_file (self, user_data);
}

/**
 * ms_window_open_file:
 *
 * Opens @file in this window, asking first when the current document has
 * unsaved changes.
 */
void
ms_window_open_file (MsWindow *self,
                     GFile    *file)
{
  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  _ms_window_confirm_unsaved (self, load_after_confirm, g_object_ref (file), g_object_unref);
}

/* Shows @project: its category in the sidebar, selected in the list. */
void
ms_window_select_project (MsWindow  *self,
                          MsProject *project)
{
  MsGroup *group;
  MsCategory *category;

  g_return_if_fail (MS_IS_WINDOW (self));
  g_return_if_fail (MS_IS_PROJECT (project));

  group = ms_project_get_group (project);
  category = group ? ms_group_get_category (group) : NULL;
  if (category == NULL)
    return;

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->sidebar_items)); i++)
    {
      g_autoptr(MsSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->sidebar_items), i);

      if (ms_sidebar_item_get_category (item) == category)
        {
          gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, i));
          break;
        }
    }
  ms_project_list_select_project (self->project_list, project);
}

/* For keyboard shortcuts and tests: 0 is the overview, then the categories,
 * then the departments. */
void
ms_window_select_section (MsWindow *self,
                          guint     index)
{
  GtkListBoxRow *row;

  g_return_if_fail (MS_IS_WINDOW (self));

  row = gtk_list_box_get_row_at_index (self->sidebar, index);
  if (row != NULL)
    gtk_list_box_select_row (self->sidebar, row);
}

const char *
ms_window_get_visible_page (MsWindow *self)
{
  g_return_val_if_fail (MS_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "document") != 0)
    return gtk_stack_get_visible_child_name (self->main_stack);

  return gtk_stack_get_visible_child_name (self->content_stack);
}
