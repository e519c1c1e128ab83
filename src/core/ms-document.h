/* ms-document.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ms-category.h"
#include "ms-date.h"
#include "ms-node.h"

G_BEGIN_DECLS

/* Derived counts for a view: computed from the model on demand. */
typedef struct
{
  guint n_projects;
  guint n_by_status[MS_N_STATUSES];
  /* Projects with indicators, every one met. */
  guint n_projects_all_met;
  /* Of those, projects with at least one figure beyond its target. */
  guint n_projects_exceeded;
  guint n_indicators;
  guint n_indicators_met;
  guint n_indicators_unmet;
  guint n_indicators_unreported;
} MsStats;

/* When a project counts as behind or at risk (see FORMAT.md, "Figures"). */
typedef struct
{
  /* Behind: the rate is more than this many points under 序时进度. */
  double behind_points;
  /* At risk: more than this many points under it ... */
  double at_risk_points;
  /* ... or the deadline within this many days and the rate under due_percent. */
  guint  due_days;
  double due_percent;
} MsThresholds;

#define MS_TYPE_THRESHOLDS (ms_thresholds_get_type ())
GType       ms_thresholds_get_type      (void) G_GNUC_CONST;
void        ms_thresholds_init_default  (MsThresholds         *thresholds);
gboolean    ms_thresholds_equal         (const MsThresholds   *a,
                                         const MsThresholds   *b);
gboolean    ms_thresholds_is_default    (const MsThresholds   *thresholds);

#define MS_TYPE_DOCUMENT (ms_document_get_type ())

G_DECLARE_FINAL_TYPE (MsDocument, ms_document, MS, DOCUMENT, MsNode)

MsDocument *ms_document_new             (void);
MsDocument *ms_document_new_from_data   (const char           *data,
                                         gsize                 length,
                                         const char           *filename,
                                         GPtrArray           **faults,
                                         GError              **error);
MsDocument *ms_document_load            (GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        ms_document_load_async      (GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
MsDocument *ms_document_load_finish     (GAsyncResult         *result,
                                         GError              **error);
GBytes     *ms_document_serialize       (MsDocument           *self,
                                         GError              **error);
gboolean    ms_document_save            (MsDocument           *self,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GError              **error);
void        ms_document_save_async      (MsDocument           *self,
                                         GFile                *file,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean    ms_document_save_finish     (MsDocument           *self,
                                         GAsyncResult         *result,
                                         GError              **error);
GFile      *ms_document_get_file        (MsDocument           *self);
void        ms_document_set_file        (MsDocument           *self,
                                         GFile                *file);
const char *ms_document_get_etag        (MsDocument           *self);
void        ms_document_forget_etag     (MsDocument           *self);
char       *ms_document_dup_display_name (MsDocument          *self);
gboolean    ms_document_get_modified    (MsDocument           *self);
void        ms_document_set_modified    (MsDocument           *self,
                                         gboolean              modified);
const char *ms_document_get_region      (MsDocument           *self);
void        ms_document_set_region      (MsDocument           *self,
                                         const char           *region);
int         ms_document_get_year        (MsDocument           *self);
void        ms_document_set_year        (MsDocument           *self,
                                         int                   year);
const char *ms_document_get_title       (MsDocument           *self);
void        ms_document_set_title       (MsDocument           *self,
                                         const char           *title);
const char *ms_document_get_intro       (MsDocument           *self);
void        ms_document_set_intro       (MsDocument           *self,
                                         const char           *intro);
const char *ms_document_get_note        (MsDocument           *self);
void        ms_document_set_note        (MsDocument           *self,
                                         const char           *note);
MsDate      ms_document_get_as_of       (MsDocument           *self);
void        ms_document_set_as_of       (MsDocument           *self,
                                         MsDate                as_of);
const char *ms_document_get_issuer      (MsDocument           *self);
void        ms_document_set_issuer      (MsDocument           *self,
                                         const char           *issuer);
MsDate      ms_document_get_issued      (MsDocument           *self);
void        ms_document_set_issued      (MsDocument           *self,
                                         MsDate                issued);
void        ms_document_get_period      (MsDocument           *self,
                                         MsDate               *start,
                                         MsDate               *end);
gboolean    ms_document_get_has_period  (MsDocument           *self);
void        ms_document_set_period      (MsDocument           *self,
                                         MsDate                start,
                                         MsDate                end);
const MsThresholds *ms_document_get_thresholds (MsDocument    *self);
void        ms_document_set_thresholds  (MsDocument           *self,
                                         const MsThresholds   *thresholds);
GListModel *ms_document_get_categories  (MsDocument           *self);
MsCategory *ms_document_get_category    (MsDocument           *self,
                                         guint                 position);
void        ms_document_insert_category (MsDocument           *self,
                                         guint                 position,
                                         MsCategory           *category);
MsCategory *ms_document_remove_category (MsDocument           *self,
                                         guint                 position);
void        ms_document_get_stats       (MsDocument           *self,
                                         MsStats              *stats);

void        ms_stats_add_node           (MsStats              *stats,
                                         MsNode               *node);
void        ms_stats_add                (MsStats              *stats,
                                         const MsStats        *other);
gboolean    ms_stats_get_completion     (const MsStats        *stats,
                                         double               *completion);

G_END_DECLS
