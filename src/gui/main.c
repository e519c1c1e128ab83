/* main.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ms-application.h"
#include "ms-paths.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsApplication) app = NULL;

  ms_paths_init_gettext ();

  app = ms_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
