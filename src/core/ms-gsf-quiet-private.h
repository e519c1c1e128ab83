/* ms-gsf-quiet-private.h: what the readers of zips (Word, Excel) share
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gsf/gsf.h>

G_BEGIN_DECLS

/* libgsf 1.14 defines none. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

#define MS_QUIET_GSF_N_DOMAINS 6

typedef struct
{
  guint      handler_ids[MS_QUIET_GSF_N_DOMAINS];
  GPrintFunc print;
  GPrintFunc printerr;
} MsQuietGsf;

void _ms_quiet_gsf_begin (MsQuietGsf *quiet);
void _ms_quiet_gsf_end   (MsQuietGsf *quiet);

GsfInput *_ms_gsf_open_part (GsfInfile  *zip,
                             const char *path);

G_END_DECLS
