/* ms-paths.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean    ms_paths_running_from_build_tree (void);
const char *ms_paths_get_locale_dir          (void);
const char *ms_paths_get_schema_dir          (void);
char       *ms_paths_dup_example_path        (void);
char       *ms_paths_dup_example_named       (const char *name);
void        ms_paths_init_gettext            (void);

G_END_DECLS
