/* ms-json-private.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-json.h"

G_BEGIN_DECLS

/* Where a node starts: the values of the table ms_json_parse() returns. */
typedef struct
{
  guint line;
  guint column;
} MsJsonLocation;

typedef enum
{
  MS_JSON_NULL,
  MS_JSON_BOOLEAN,
  MS_JSON_INTEGER,
  MS_JSON_DOUBLE,
  MS_JSON_STRING,
  MS_JSON_ARRAY,
  MS_JSON_OBJECT,
} MsJsonKind;

/* One value of a parsed file. A tree stores its values in file order, each
 * container followed by everything inside it, so that reading a file costs
 * no allocation per value: the first item of a container is the value right
 * after it, and each item is followed by its next sibling @size values on. */
typedef struct
{
  MsJsonKind  kind;
  /* The byte where the value starts: lines and columns are counted only
   * for the values a fault names. */
  guint32     offset;
  /* This value and every value inside it. */
  guint32     size;
  /* The elements or members of a container. */
  guint32     n_items;
  /* The member name, for a member of an object. */
  const char *name;
  union
  {
    gboolean    boolean;
    gint64      integer;
    double      number;
    const char *string;
  };
} MsJsonValue;

typedef struct _MsJsonTree MsJsonTree;

static inline const MsJsonValue *
_ms_json_value_first (const MsJsonValue *container)
{
  return container + 1;
}

static inline const MsJsonValue *
_ms_json_value_next (const MsJsonValue *item)
{
  return item + item->size;
}

void    _ms_json_add_fault                (GPtrArray  *faults,
                                           guint       line,
                                           guint       column,
                                           const char *path,
                                           char       *message);
GBytes *_ms_json_write_document_unchecked (MsDocument *document,
                                           gboolean    compact);

MsJsonTree        *_ms_json_tree_parse    (const char        *data,
                                           gsize              length,
                                           GPtrArray         *faults);
void               _ms_json_tree_free     (MsJsonTree        *tree);
const MsJsonValue *_ms_json_tree_get_root (MsJsonTree        *tree);
void               _ms_json_tree_locate   (MsJsonTree        *tree,
                                           const MsJsonValue *value,
                                           guint             *line,
                                           guint             *column);
JsonNode          *_ms_json_tree_to_node  (MsJsonTree        *tree,
                                           const MsJsonValue *value,
                                           GHashTable        *locations);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsJsonTree, _ms_json_tree_free)

G_END_DECLS
