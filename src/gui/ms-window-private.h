/* ms-window-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-departments-page.h"
#include "ms-history.h"
#include "ms-overview-page.h"
#include "ms-project-list.h"
#include "ms-project-view.h"
#include "ms-window.h"

G_BEGIN_DECLS

typedef void (*MsWindowContinue) (MsWindow *self,
                                  gpointer  user_data);

struct _MsWindow
{
  AdwApplicationWindow  parent_instance;

  MsDocument           *document;
  MsHistory            *history;
  GSettings            *settings;
  GCancellable         *cancellable;
  GFileMonitor         *monitor;
  GListStore           *sidebar_items;
  gulong                document_notify_handler;
  gulong                categories_handler;
  gboolean              saving;
  gboolean              close_after_save;
  gboolean              closing_confirmed;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkToggleButton      *search_button;
  GtkRevealer          *changed_revealer;
  GtkStack             *main_stack;
  AdwStatusPage        *status_page;
  GtkListBox           *sidebar;
  GtkStack             *content_stack;
  MsOverviewPage       *overview_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_filter;
  MsProjectList        *project_list;
  MsProjectView        *project_view;
  MsDepartmentsPage    *departments_page;
  GMenu                *recent_menu;
};

void        _ms_window_actions_init       (MsWindow         *self);
void        _ms_window_update_actions     (MsWindow         *self);
void        _ms_window_confirm_unsaved    (MsWindow         *self,
                                           MsWindowContinue  then,
                                           gpointer          user_data,
                                           GDestroyNotify    destroy);
void        _ms_window_toast              (MsWindow         *self,
                                           const char       *message);
void        _ms_window_show_message       (MsWindow         *self,
                                           const char       *heading,
                                           const char       *body);
void        _ms_window_watch_file         (MsWindow         *self);
MsCategory *_ms_window_get_selected_category (MsWindow      *self);
void        _ms_window_update_recent_menu (MsWindow         *self);

G_END_DECLS
