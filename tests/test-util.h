/* test-util.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ms-document.h"

G_BEGIN_DECLS

MsDocument *ms_test_generate_document (guint n_projects);
MsDocument *ms_test_load_example      (void);

typedef gboolean (*MsTestPredicate) (gpointer data);

void        ms_test_wait_until        (MsTestPredicate  predicate,
                                       gpointer         data);
void        ms_test_remove_tree       (const char      *path);
void        ms_test_preload_faults    (char            *argv[]);
void        ms_test_orphan_recovery   (const char      *key);

G_END_DECLS
