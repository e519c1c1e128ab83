/* ms-json-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-json.h"

G_BEGIN_DECLS

/* Where a node starts: the values of the table ms_json_parse() returns. */
typedef struct
{
  guint line;
  guint column;
} MsJsonLocation;

void    _ms_json_add_fault                (GPtrArray  *faults,
                                           guint       line,
                                           guint       column,
                                           const char *path,
                                           char       *message);
GBytes *_ms_json_write_document_unchecked (MsDocument *document,
                                           gboolean    compact);

G_END_DECLS
