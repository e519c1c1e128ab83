/* ms-json.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "ms-types.h"

G_BEGIN_DECLS

/* Files larger than this are refused before parsing: a yearly file of
 * 2 000 projects is about 2.5 MB. */
#define MS_JSON_MAX_SIZE   (16 * 1024 * 1024)
/* A yearly file of 2 000 projects holds about 60 000 values; more than this
 * is no yearly file, and would cost memory for nothing. */
#define MS_JSON_MAX_VALUES 500000
/* The format nests 8 levels; unknown members get room, deep input does not. */
#define MS_JSON_MAX_DEPTH 256
/* The file format version this program reads and writes. */
#define MS_FORMAT_VERSION 1

#define MS_DOCUMENT_ERROR (ms_document_error_quark ())

typedef enum
{
  MS_DOCUMENT_ERROR_INVALID,
  MS_DOCUMENT_ERROR_UNSUPPORTED,
} MsDocumentError;

typedef struct
{
  guint  line;
  guint  column;
  char  *path;
  char  *message;
} MsFault;

#define MS_TYPE_FAULT (ms_fault_get_type ())

GQuark      ms_document_error_quark (void);
GType       ms_fault_get_type       (void) G_GNUC_CONST;
MsFault    *ms_fault_copy           (const MsFault *fault);
void        ms_fault_free           (MsFault       *fault);
char       *ms_fault_to_string      (const MsFault *fault,
                                     const char    *filename);

JsonNode   *ms_json_parse           (const char    *data,
                                     gsize          length,
                                     GHashTable   **locations,
                                     GPtrArray     *faults);
MsDocument *ms_json_read_document   (const char    *data,
                                     gsize          length,
                                     const char    *filename,
                                     GPtrArray    **faults,
                                     GError       **error);
GBytes     *ms_json_write_document  (MsDocument    *document,
                                     GError       **error);
char       *ms_json_write_node      (JsonNode      *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsFault, ms_fault_free)

G_END_DECLS
