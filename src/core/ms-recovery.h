/* ms-recovery.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "ms-document.h"

G_BEGIN_DECLS

/* Unsaved edits kept under the user's state folder, so that a crash or a
 * killed session does not lose them. */
typedef struct
{
  /* Names the recovery files; one per document. */
  char      *key;
  /* The file the edits belong to; %NULL for a document never saved. */
  GFile     *file;
  char      *title;
  GDateTime *time;
  /* The document as it was when last kept. */
  GFile     *contents;
} MsRecoveryEntry;

typedef enum
{
  /* Kept by a session that stopped without saving them: to offer. */
  MS_RECOVERY_ORPHANED,
  /* Also those of sessions still running. */
  MS_RECOVERY_ANY,
} MsRecoveryOwner;

#define MS_TYPE_RECOVERY_ENTRY (ms_recovery_entry_get_type ())

GType            ms_recovery_entry_get_type (void) G_GNUC_CONST;
MsRecoveryEntry *ms_recovery_entry_copy     (const MsRecoveryEntry  *entry);
void             ms_recovery_entry_free     (MsRecoveryEntry        *entry);

GFile           *ms_recovery_get_folder     (void);
char            *ms_recovery_new_key        (void);
gboolean         ms_recovery_keep           (const char             *key,
                                             GFile                  *file,
                                             const char             *title,
                                             GBytes                 *bytes,
                                             GCancellable           *cancellable,
                                             GError                **error);
void             ms_recovery_discard        (const char             *key);
void             ms_recovery_claim          (const char             *key);
GPtrArray       *ms_recovery_list           (MsRecoveryOwner         owner);
MsRecoveryEntry *ms_recovery_find           (GFile                  *file,
                                             MsRecoveryOwner         owner);
MsDocument      *ms_recovery_restore        (const MsRecoveryEntry  *entry,
                                             GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MsRecoveryEntry, ms_recovery_entry_free)

G_END_DECLS
