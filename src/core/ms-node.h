/* ms-node.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ms-types.h"

G_BEGIN_DECLS

/* Properties flagged with this do not describe the file's content (derived
 * values, the document's file and modified state): changing them is no edit. */
#define MS_PARAM_NOT_CONTENT (1 << G_PARAM_USER_SHIFT)

/* Properties flagged with this are free text that no figure, count or chart
 * of the document's summary depends on (a project's pledge and completion
 * text, notes, the introduction): changing them emits "changed::text", every
 * other content change "changed::summary". */
#define MS_PARAM_FREE_TEXT (1 << (G_PARAM_USER_SHIFT + 1))

#define MS_TYPE_NODE (ms_node_get_type ())

G_DECLARE_DERIVABLE_TYPE (MsNode, ms_node, MS, NODE, GObject)

struct _MsNodeClass
{
  GObjectClass parent_class;

  void (*changed) (MsNode *self);

  gpointer padding[4];
};

MsNode     *ms_node_get_parent       (MsNode     *self);
MsDocument *ms_node_get_document     (MsNode     *self);
JsonObject *ms_node_get_extra        (MsNode     *self);
void        ms_node_set_extra        (MsNode     *self,
                                      JsonObject *extra);
void        ms_node_changed          (MsNode     *self);
GPtrArray  *ms_node_collect_projects (MsNode     *scope);

G_END_DECLS
