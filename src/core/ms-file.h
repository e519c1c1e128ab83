/* ms-file.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean ms_file_load_contents (GFile         *file,
                                gsize          max_size,
                                GCancellable  *cancellable,
                                char         **contents,
                                gsize         *length,
                                char         **etag,
                                GError       **error);

G_END_DECLS
