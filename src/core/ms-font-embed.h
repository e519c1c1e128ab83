/* ms-font-embed.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "ms-document.h"

G_BEGIN_DECLS

typedef struct _MsEmbedFonts MsEmbedFonts;

MsEmbedFonts *ms_embed_fonts_new          (MsDocument   *document,
                                           GError      **error);
PangoFontMap *ms_embed_fonts_get_font_map (MsEmbedFonts *self);
void          ms_embed_fonts_free         (MsEmbedFonts *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsEmbedFonts, ms_embed_fonts_free)

G_END_DECLS
