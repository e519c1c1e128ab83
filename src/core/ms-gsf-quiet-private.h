/* ms-gsf-quiet-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MS_QUIET_GSF_N_DOMAINS 6

typedef struct
{
  guint      handler_ids[MS_QUIET_GSF_N_DOMAINS];
  GPrintFunc print;
  GPrintFunc printerr;
} MsQuietGsf;

void _ms_quiet_gsf_begin (MsQuietGsf *quiet);
void _ms_quiet_gsf_end   (MsQuietGsf *quiet);

G_END_DECLS
