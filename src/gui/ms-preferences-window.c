/* ms-preferences-window.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The preferences: every row is bound to its setting both ways, so the
 * window also shows changes made elsewhere while it is open.
 */

#define G_LOG_DOMAIN "ms-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-preferences-window.h"
#include "ms-settings.h"

struct _MsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  AdwComboRow          *interface_language_row;
  AdwComboRow          *report_language_row;
  AdwComboRow          *paper_row;
};

G_DEFINE_FINAL_TYPE (MsPreferencesWindow, ms_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The keys' values in the order of the rows' items. */
static const char * const languages[] = { "", "zh_CN", "en", NULL };
static const char * const papers[] = { "a4", "a3", "letter", NULL };

static void
ms_preferences_window_constructed (GObject *object)
{
  MsPreferencesWindow *self = (MsPreferencesWindow *)object;

  G_OBJECT_CLASS (ms_preferences_window_parent_class)->constructed (object);

  /* Without a schema the rows show the defaults and keep nothing. */
  if (self->settings == NULL)
    return;

  ms_settings_bind_choice (self->settings, "interface-language", self->interface_language_row, "selected", languages);
  ms_settings_bind_choice (self->settings, "report-language", self->report_language_row, "selected", languages);
  ms_settings_bind_choice (self->settings, "report-paper", self->paper_row, "selected", papers);
}

static void
ms_preferences_window_dispose (GObject *object)
{
  MsPreferencesWindow *self = (MsPreferencesWindow *)object;

  if (self->settings != NULL)
    {
      g_settings_unbind (self->interface_language_row, "selected");
      g_settings_unbind (self->report_language_row, "selected");
      g_settings_unbind (self->paper_row, "selected");
      g_clear_object (&self->settings);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), MS_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (ms_preferences_window_parent_class)->dispose (object);
}

static void
ms_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MsPreferencesWindow *self = MS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, ms_preferences_window_get_settings (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  MsPreferencesWindow *self = MS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* libadwaita 1.2 leaves its search entry and its list of results nameless
 * (read as their types). Search is off here, but they are in the tree. */
static void
name_search_parts (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The groups with a title are ours; the one without lists results. */
      if (ADW_IS_PREFERENCES_GROUP (child) && *adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (child)))
        continue;
      if (GTK_IS_SEARCH_ENTRY (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Search preferences"), -1);
      else if (GTK_IS_LIST_BOX (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Preferences found"), -1);
      else
        name_search_parts (child);
    }
}

static void
ms_preferences_window_class_init (MsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ms_preferences_window_constructed;
  object_class->dispose = ms_preferences_window_dispose;
  object_class->get_property = ms_preferences_window_get_property;
  object_class->set_property = ms_preferences_window_set_property;

  /**
   * MsPreferencesWindow:settings: (nullable)
   *
   * The application's settings; %NULL when the schema is not installed.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-preferences-window.ui");
  /* A window of its own for a task, read as a dialog. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DIALOG);
  gtk_widget_class_bind_template_child (widget_class, MsPreferencesWindow, interface_language_row);
  gtk_widget_class_bind_template_child (widget_class, MsPreferencesWindow, report_language_row);
  gtk_widget_class_bind_template_child (widget_class, MsPreferencesWindow, paper_row);
}

static void
ms_preferences_window_init (MsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_choice_prepare (GTK_WIDGET (self->interface_language_row), NULL);
  ms_choice_prepare (GTK_WIDGET (self->report_language_row), NULL);
  ms_choice_prepare (GTK_WIDGET (self->paper_row), NULL);
  name_search_parts (GTK_WIDGET (self));
}

/**
 * ms_preferences_window_new:
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWidget *
ms_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (MS_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

/**
 * ms_preferences_window_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings the window shows
 */
GSettings *
ms_preferences_window_get_settings (MsPreferencesWindow *self)
{
  g_return_val_if_fail (MS_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
