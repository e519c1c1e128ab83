/* ms-application.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-application.h"
#include "ms-paths.h"
#include "ms-preferences-window.h"
#include "ms-recovery.h"
#include "ms-settings.h"
#include "ms-window.h"

struct _MsApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (MsApplication, ms_application, ADW_TYPE_APPLICATION)

static GFile *
choose_startup_file (MsApplication *self)
{
  g_autofree char *last = NULL;
  g_autofree char *example = NULL;

  if (self->settings != NULL)
    last = g_settings_get_string (self->settings, "last-file");

  if (last != NULL && last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR))
    return g_file_new_for_path (last);

  example = ms_paths_dup_example_path ();
  return g_file_new_for_path (example);
}

static void
ms_application_activate (GApplication *application)
{
  MsApplication *self = MS_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_autoptr(GFile) file = choose_startup_file (self);
      g_autoptr(GPtrArray) kept = ms_recovery_list (MS_RECOVERY_ORPHANED);
      MsRecoveryEntry *newest = kept->len > 0 ? g_ptr_array_index (kept, 0) : NULL;

      window = GTK_WINDOW (ms_window_new (self));
      /* Edits the last session could not save come first: a file's edits
       * are offered when it opens; those of a document never saved, or of
       * a file gone since, right away. */
      if (newest != NULL && newest->file != NULL && g_file_query_exists (newest->file, NULL))
        ms_window_open_file (MS_WINDOW (window), newest->file);
      else if (newest != NULL)
        ms_window_offer_recovery (MS_WINDOW (window), NULL, file, newest);
      else
        ms_window_open_file (MS_WINDOW (window), file);
    }

  gtk_window_present (window);
}

static void
ms_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  MsApplication *self = MS_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      MsWindow *window = ms_window_new (self);

      ms_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  MsApplication *self = user_data;

  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing through close-request lets each window keep its own state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  MsApplication *self = user_data;
  static const char *developers[] = { "Minsheng Tracker developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Minsheng Tracker"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Track the livelihood projects a city pledges each year, "
                                       "their targets and what was achieved"),
                         "developers", developers,
                         "copyright", "© 2026 Minsheng Tracker developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* translators: put your names here, one per line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MsApplication *self = user_data;
  GtkWidget *window = ms_preferences_window_new (self->settings);

  gtk_window_set_transient_for (GTK_WINDOW (window), gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} accelerators[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.import-notice", { "<Control>i", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.export-pdf", { "<Control>e", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.search", { "<Control>f", NULL } },
  { "win.add-project", { "<Control><Shift>n", NULL } },
  { "win.remove-project", { "<Control>Delete", NULL } },
  { "win.move-project-up", { "<Alt>Up", NULL } },
  { "win.move-project-down", { "<Alt>Down", NULL } },
  { "win.show-section::overview", { "<Alt>Home", NULL } },
  { "win.focus-next-pane", { "F6", NULL } },
  { "win.focus-previous-pane", { "<Shift>F6", NULL } },
};

static void
ms_application_startup (GApplication *application)
{
  MsApplication *self = MS_APPLICATION (application);

  G_APPLICATION_CLASS (ms_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);

  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/minsheng/Tracker/icons");
  gtk_window_set_default_icon_name (APP_ID);
}

static void
ms_application_finalize (GObject *object)
{
  MsApplication *self = (MsApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ms_application_parent_class)->finalize (object);
}

static void
ms_application_class_init (MsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ms_application_finalize;

  app_class->activate = ms_application_activate;
  app_class->open = ms_application_open;
  app_class->startup = ms_application_startup;
}

static void
ms_application_init (MsApplication *self)
{
  self->settings = ms_settings_new ();
  g_set_application_name (_("Minsheng Tracker"));
}

MsApplication *
ms_application_new (void)
{
  return g_object_new (MS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/minsheng/Tracker",
                       NULL);
}

/**
 * ms_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
ms_application_get_settings (MsApplication *self)
{
  g_return_val_if_fail (MS_IS_APPLICATION (self), NULL);

  return self->settings;
}
