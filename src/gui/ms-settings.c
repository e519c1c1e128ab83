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
