/* main.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ms-application.h"
#include "ms-paths.h"
#include "ms-settings.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MsApplication) app = NULL;
  g_autoptr(GSettings) settings = ms_settings_new ();

  /* The interface language chosen in Preferences applies from the start. */
  if (settings != NULL)
    {
      g_autofree char *language = g_settings_get_string (settings, "interface-language");

      if (language[0] != '\0')
        g_setenv ("LANGUAGE", language, TRUE);
    }

  ms_paths_init_gettext ();

  app = ms_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
