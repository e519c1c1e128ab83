/* ms-safe-write.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  MS_SAFE_WRITE_NONE   = 0,
  /* Keep the file being replaced as "FILE~". */
  MS_SAFE_WRITE_BACKUP = 1 << 0,
} MsSafeWriteFlags;

gboolean ms_safe_write             (GFile             *file,
                                    const void        *data,
                                    gsize              length,
                                    const char        *expected_etag,
                                    MsSafeWriteFlags   flags,
                                    char             **new_etag,
                                    GCancellable      *cancellable,
                                    GError           **error);
gboolean ms_safe_write_bytes       (GFile             *file,
                                    GBytes            *bytes,
                                    const char        *expected_etag,
                                    MsSafeWriteFlags   flags,
                                    char             **new_etag,
                                    GCancellable      *cancellable,
                                    GError           **error);
guint    ms_safe_write_clean_stale (GFile             *file);
gboolean ms_safe_write_is_same_file (GFile            *a,
                                     GFile            *b);

G_END_DECLS
