/* main.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ms-cli.h"
#include "ms-paths.h"

int
main (int   argc,
      char *argv[])
{
  ms_paths_init_gettext ();

  return ms_cli_run (argc, argv);
}
