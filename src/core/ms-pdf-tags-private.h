/* ms-pdf-tags-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean _ms_pdf_add_tag_entries (GByteArray  *pdf,
                                  const char  *language,
                                  GPtrArray   *figure_alts,
                                  GError     **error);

G_END_DECLS
