/* ms-cli.h
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit codes, as documented in --help. */
#define MS_CLI_EXIT_OK     0
#define MS_CLI_EXIT_FAILED 1
#define MS_CLI_EXIT_USAGE  2

int ms_cli_run (int   argc,
                char *argv[]);

G_END_DECLS
