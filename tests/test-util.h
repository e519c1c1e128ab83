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
char       *ms_test_generate_notice   (guint n_projects);
MsProject  *ms_test_find_project      (MsDocument *document,
                                       const char *category_id,
                                       guint       number);

typedef gboolean (*MsTestPredicate) (gpointer data);

/* How long a wait may take before the test fails (sanitizers are slow). */
#define MS_TEST_WAIT_TIMEOUT (60 * G_USEC_PER_SEC)

typedef struct
{
  gint64 deadline;
  guint  waker_id;
} MsTestWait;

void        ms_test_wait_until        (MsTestPredicate  predicate,
                                       gpointer         data);
void        ms_test_wait_for          (const char      *what,
                                       MsTestPredicate  predicate,
                                       gpointer         data);
void        ms_test_wait_begin        (MsTestWait      *wait);
void        ms_test_wait_step         (MsTestWait      *wait,
                                       const char      *what,
                                       const char      *file,
                                       int              line,
                                       const char      *func);
void        ms_test_wait_end          (MsTestWait      *wait);

/**
 * ms_test_wait:
 * @condition: an expression that the main loop will make true
 *
 * Iterates the default main context until @condition holds. After
 * %MS_TEST_WAIT_TIMEOUT the test fails, naming @condition as written.
 */
#define ms_test_wait(condition)                                               \
  G_STMT_START {                                                              \
    MsTestWait ms_wait_;                                                      \
    ms_test_wait_begin (&ms_wait_);                                           \
    while (!(condition))                                                      \
      ms_test_wait_step (&ms_wait_, #condition, __FILE__, __LINE__, G_STRFUNC); \
    ms_test_wait_end (&ms_wait_);                                             \
  } G_STMT_END
void        ms_test_remove_tree       (const char      *path);
void        ms_test_preload_faults    (char            *argv[]);
void        ms_test_orphan_recovery   (const char      *key);

G_END_DECLS
