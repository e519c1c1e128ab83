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

/* The serif family of the 公文 table: Noto Serif CJK SC stands in for the
 * 小标宋 of titles and the 仿宋/宋体 of text, which are not free. */
#define MS_SERIF_FONT_FAMILY "Noto Serif CJK SC, Source Han Serif SC, serif"

typedef enum
{
  MS_EMBED_FACES_SANS  = 1 << 0,
  MS_EMBED_FACES_SERIF = 1 << 1,
} MsEmbedFaces;

typedef struct _MsEmbedFonts MsEmbedFonts;

MsEmbedFonts *ms_embed_fonts_new          (MsDocument   *document,
                                           GError      **error);
MsEmbedFonts *ms_embed_fonts_new_with_faces (MsDocument *document,
                                           MsEmbedFaces  faces,
                                           GError      **error);
PangoFontMap *ms_embed_fonts_get_font_map (MsEmbedFonts *self);
void          ms_embed_fonts_free         (MsEmbedFonts *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsEmbedFonts, ms_embed_fonts_free)

G_END_DECLS
