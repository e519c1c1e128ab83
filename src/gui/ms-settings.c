/* ms-settings.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-settings"

#include "config.h"

#include "ms-paths.h"
#include "ms-settings.h"

/**
 * ms_settings_new:
 *
 * Finds the schema in the build tree when run from there, so the app
 * needs no installation.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL when the schema
 *   is not installed (the app then runs with defaults and remembers nothing)
 */
GSettings *
ms_settings_new (void)
{
  GSettingsSchemaSource *default_source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_source = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *build_dir = ms_paths_get_schema_dir ();

  if (build_dir != NULL)
    build_source = g_settings_schema_source_new_from_directory (build_dir, default_source,
                                                                FALSE, NULL);

  if (build_source != NULL)
    schema = g_settings_schema_source_lookup (build_source, APP_ID, TRUE);
  else if (default_source != NULL)
    schema = g_settings_schema_source_lookup (default_source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed; settings will not be kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *values = user_data;
  const char *chosen = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_str_equal (chosen, values[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *values = user_data;
  guint chosen = g_value_get_uint (value);

  /* Nothing chosen (GTK_INVALID_LIST_POSITION) writes nothing. */
  if (chosen >= g_strv_length ((char **)values))
    return NULL;

  return g_variant_new_string (values[chosen]);
}

/**
 * ms_settings_bind_choice:
 * @key: a string key with choices
 * @object: the object whose @property, a #guint position, shows the key
 *   (such as an #AdwComboRow's "selected")
 * @values: (array zero-terminated=1): the key's value at each position;
 *   static, as the binding keeps it
 *
 * Binds @key both ways to a position in a list of choices, so the widget
 * also follows changes made elsewhere (another window, `gsettings set`).
 */
void
ms_settings_bind_choice (GSettings          *settings,
                         const char         *key,
                         gpointer            object,
                         const char         *property,
                         const char * const *values)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (values != NULL);

  g_settings_bind_with_mapping (settings, key, object, property, G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping, (gpointer)values, NULL);
}
