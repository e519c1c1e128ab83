/* ms-gsf-quiet.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ms-gsf-quiet-private.h"

/* HACK: libgsf reports a damaged zip member with g_printerr() and
 * g_warning() (some without a log domain, some from GLib) besides the
 * error it returns, which the readers (ms-sheet-reader.c,
 * ms-notice-read-docx.c) turn into one line naming the file: keep those
 * out of the output while it reads. The readers log nothing in that time. */
static const char * const gsf_log_domains[MS_QUIET_GSF_N_DOMAINS] = {
  NULL, "GLib", "GLib-GObject", "libgsf", "libgsf:zip", "libgsf:msole",
};

static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
}

static void
drop_print (const char *text)
{
}

void
_ms_quiet_gsf_begin (MsQuietGsf *quiet)
{
  for (guint i = 0; i < G_N_ELEMENTS (gsf_log_domains); i++)
    quiet->handler_ids[i] = g_log_set_handler (gsf_log_domains[i],
                                               G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_MESSAGE
                                               | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION,
                                               drop_message, NULL);
  quiet->print = g_set_print_handler (drop_print);
  quiet->printerr = g_set_printerr_handler (drop_print);
}

void
_ms_quiet_gsf_end (MsQuietGsf *quiet)
{
  g_set_print_handler (quiet->print);
  g_set_printerr_handler (quiet->printerr);
  for (guint i = 0; i < G_N_ELEMENTS (gsf_log_domains); i++)
    g_log_remove_handler (gsf_log_domains[i], quiet->handler_ids[i]);
}

#define MS_GSF_MAX_PART_DEPTH 16

/* Opens a member of a zip by its path, "xl/worksheets/sheet1.xml" or
 * "word/document.xml"; NULL when there is none. Deeper paths than any
 * Office file has are not followed. */
GsfInput *
_ms_gsf_open_part (GsfInfile  *zip,
                   const char *path)
{
  g_auto(GStrv) names = g_strsplit (path, "/", MS_GSF_MAX_PART_DEPTH + 1);
  g_autoptr(GsfInfile) directory = g_object_ref (zip);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GsfInput) child = NULL;

      if (names[i][0] == '\0')
        continue;
      child = gsf_infile_child_by_name (directory, names[i]);
      if (child == NULL)
        return NULL;
      if (names[i + 1] == NULL)
        return g_steal_pointer (&child);
      if (!GSF_IS_INFILE (child))
        return NULL;
      g_set_object (&directory, GSF_INFILE (child));
    }

  return NULL;
}
