/* ms-window-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ms-autosave.h"
#include "ms-departments-page.h"
#include "ms-editor.h"
#include "ms-history.h"
#include "ms-ledger-view.h"
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

  /* The open file; the window follows it and never sequences saves itself. */
  MsEditor             *editor;
  /* The editor's, for the views. */
  MsDocument           *document;
  MsHistory            *history;
  /* Keeps the editor's unsaved edits for recovery after a crash. */
  MsAutosave           *autosave;
  guint                 autosave_delay;
  GSignalGroup         *editor_signals;
  GSignalGroup         *history_signals;
  GSignalGroup         *document_signals;
  GSignalGroup         *categories_signals;
  GSettings            *settings;
  GCancellable         *cancellable;
  GListStore           *sidebar_items;

  /* Opening a file: progress shows after loading_delay milliseconds. */
  GCancellable         *load_cancellable;
  /* Opened before the window's first frame: shown on the frame after it. */
  MsEditor             *pending_editor;
  guint                 pending_tick;
  gboolean              drawn;
  guint                 loading_timeout_id;
  guint                 loading_delay;
  char                 *loading_name;
  char                 *page_before_loading;

  /* A question about unsaved changes is open. */
  guint                 asking;
  /* Close when the running save is done (it decides whether to ask). */
  gboolean              close_after_save;
  /* Questions about unsaved changes waiting for the running save to end. */
  GQueue                after_save;
  gboolean              closing_confirmed;

  /* Searching: the project to return to, unless one is chosen in the results. */
  MsProject            *project_before_search;
  MsProject            *project_chosen;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  GtkToggleButton      *search_button;
  GtkRevealer          *changed_revealer;
  GtkLabel             *changed_label;
  GtkButton            *reload_button;
  AdwStatusPage        *loading_page;
  GtkStack             *main_stack;
  AdwStatusPage        *status_page;
  GtkListBox           *sidebar;
  GtkStack             *content_stack;
  AdwFlap              *flap;
  AdwBin               *overview_slot;
  /* Made when a file is first shown, not before the first frame. */
  MsOverviewPage       *overview_page;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_filter;
  GtkLabel             *search_count;
  MsProjectList        *project_list;
  /* The list beside the form, or the ledger's table above it. */
  GtkStack             *projects_stack;
  MsLedgerView         *ledger_view;
  GtkPaned             *inner_paned;
  /* Where the list and the form divide, kept while the ledger shows. */
  int                   list_position;
  AdwBin               *project_view_slot;
  /* Made on first use: see ms_window_get_project_view(). */
  MsProjectView        *project_view;
  guint                 project_view_id;
  AdwBin               *departments_slot;
  MsDepartmentsPage    *departments_page;
  GMenu                *recent_menu;
  guint                 recent_menu_id;
};

void        _ms_window_actions_init       (MsWindow         *self);
void        _ms_window_update_actions     (MsWindow         *self);
void        _ms_window_discard_unsaved    (MsWindow         *self);
void        _ms_window_confirm_unsaved    (MsWindow         *self,
                                           MsWindowContinue  then,
                                           gpointer          user_data,
                                           GDestroyNotify    destroy);
void        _ms_window_toast              (MsWindow         *self,
                                           const char       *message);
void        _ms_window_show_message       (MsWindow         *self,
                                           const char       *heading,
                                           const char       *body);
void        _ms_window_update_title       (MsWindow         *self);
void        _ms_window_cancel_loading     (MsWindow         *self);
gboolean    _ms_window_get_loading        (MsWindow         *self);
void        _ms_window_update_banner      (MsWindow         *self);
MsCategory *_ms_window_get_selected_category (MsWindow      *self);
void        _ms_window_update_recent_menu (MsWindow         *self);
void        _ms_window_ensure_document_pages (MsWindow      *self);
MsDepartmentsPage *
            _ms_window_ensure_departments_page (MsWindow    *self);
void        _ms_window_save_ended         (MsWindow         *self);
gboolean    _ms_window_get_ledger_shown   (MsWindow         *self);
void        _ms_window_show_ledger        (MsWindow         *self,
                                           gboolean          ledger);
void        _ms_window_actions_dispose    (MsWindow         *self);

G_END_DECLS
