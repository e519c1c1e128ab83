/* ms-types.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _MsNode      MsNode;
typedef struct _MsDocument  MsDocument;
typedef struct _MsCategory  MsCategory;
typedef struct _MsGroup     MsGroup;
typedef struct _MsProject   MsProject;
typedef struct _MsIndicator MsIndicator;

/* The order is the order of the file format's documentation and of charts. */
typedef enum
{
  MS_STATUS_NOT_STARTED,
  MS_STATUS_IN_PROGRESS,
  MS_STATUS_COMPLETED,
  MS_STATUS_DELAYED,
} MsStatus;

#define MS_N_STATUSES 4

typedef enum
{
  MS_COMPARISON_AT_LEAST,
  MS_COMPARISON_AT_MOST,
  MS_COMPARISON_EXACTLY,
  MS_COMPARISON_ABOUT,
} MsComparison;

#define MS_N_COMPARISONS 4

const char *ms_status_to_string       (MsStatus      status);
gboolean    ms_status_from_string     (const char   *text,
                                       MsStatus     *status);
const char *ms_status_get_label       (MsStatus      status);
const char *ms_status_get_label_untranslated (MsStatus status);
const char *ms_comparison_to_string   (MsComparison  comparison);
gboolean    ms_comparison_from_string (const char   *text,
                                       MsComparison *comparison);
const char *ms_comparison_get_label   (MsComparison  comparison);

G_END_DECLS
