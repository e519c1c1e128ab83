/* ms-csv.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"

G_BEGIN_DECLS

GBytes *ms_csv_export      (MsDocument *document,
                            const char *language,
                            gboolean    with_bom);
void    ms_csv_append_field (GString   *out,
                            const char *field);

G_END_DECLS
