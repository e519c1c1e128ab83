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

/* File text is Chinese whatever the interface language. Where a text does
 * not say its language (an English interface, a dialog quoting a title),
 * Pango gives Han characters the first preferred language that writes them;
 * without this it is none, and the Japanese CJK face draws Chinese text. */
static void
prefer_chinese_for_han (void)
{
  const char *preferred = g_getenv ("PANGO_LANGUAGE");
  g_autofree char *value = NULL;

  if (preferred == NULL)
    preferred = g_getenv ("LANGUAGE");
  value = preferred != NULL && preferred[0] != '\0' ? g_strconcat ("zh-cn:", preferred, NULL) : g_strdup ("zh-cn");
  g_setenv ("PANGO_LANGUAGE", value, TRUE);
}

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

  prefer_chinese_for_han ();
  ms_paths_init_gettext ();

  app = ms_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
