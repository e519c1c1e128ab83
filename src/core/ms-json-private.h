/* ms-json-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-json.h"

G_BEGIN_DECLS

GBytes *_ms_json_write_document_unchecked (MsDocument *document,
                                           gboolean    compact);

G_END_DECLS
