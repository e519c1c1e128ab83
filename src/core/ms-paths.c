/* ms-paths.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-paths"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "ms-paths.h"

#define EXAMPLE_NAME "luohe-2024.json"

/* Binaries started from the build tree (./dev.sh run, the tests) use the
 * catalogues, schema and example there, so nothing needs installing. */
gboolean
ms_paths_running_from_build_tree (void)
{
  static gsize initialized;
  static gboolean from_build_tree;

  if (g_once_init_enter (&initialized))
    {
      g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);

      from_build_tree = exe != NULL && g_str_has_prefix (exe, MS_BUILD_ROOT G_DIR_SEPARATOR_S);
      g_once_init_leave (&initialized, 1);
    }

  return from_build_tree;
}

const char *
ms_paths_get_locale_dir (void)
{
  if (ms_paths_running_from_build_tree ())
    return MS_BUILD_ROOT G_DIR_SEPARATOR_S "po";

  return LOCALEDIR;
}

/**
 * ms_paths_get_schema_dir:
 *
 * Returns: (nullable): the folder with the compiled schema in the build tree,
 *   or %NULL when the installed schema is to be used
 */
const char *
ms_paths_get_schema_dir (void)
{
  if (ms_paths_running_from_build_tree ())
    return MS_BUILD_ROOT G_DIR_SEPARATOR_S "data";

  return NULL;
}

/**
 * ms_paths_dup_example_path:
 *
 * Returns: (transfer full): the path of the bundled yearly file
 */
char *
ms_paths_dup_example_path (void)
{
  return ms_paths_dup_example_named (EXAMPLE_NAME);
}

/**
 * ms_paths_dup_example_named:
 * @name: the file name of a bundled example, such as "example-city-2025.json"
 *
 * Returns: (transfer full): its path
 */
char *
ms_paths_dup_example_named (const char *name)
{
  g_return_val_if_fail (name != NULL && strchr (name, G_DIR_SEPARATOR) == NULL, NULL);

  if (ms_paths_running_from_build_tree ())
    return g_build_filename (MS_SOURCE_ROOT, "data", "examples", name, NULL);

  return g_build_filename (PKGDATADIR, "examples", name, NULL);
}

void
ms_paths_init_gettext (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, ms_paths_get_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
