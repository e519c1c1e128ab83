/* ms-node-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"
#include "ms-node.h"

G_BEGIN_DECLS

GListStore *_ms_node_new_child_store (GType       item_type);
void        _ms_node_insert_child    (MsNode     *self,
                                      GListStore *store,
                                      guint       position,
                                      MsNode     *child);
MsNode     *_ms_node_remove_child    (MsNode     *self,
                                      GListStore *store,
                                      guint       position);
void        _ms_node_orphan_children (GListStore *store);
const MsStats *_ms_node_peek_stats   (MsNode     *self);
void        _ms_stats_add_project    (MsStats    *stats,
                                      MsProject  *project);
gboolean    _ms_set_string           (char      **field,
                                      const char *value);
gboolean    _ms_set_strv             (char     ***field,
                                      const char * const *value);

G_END_DECLS
