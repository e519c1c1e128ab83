/* ms-csv.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ms-csv.h"
#include "ms-l10n.h"
#include "ms-number.h"

/**
 * ms_csv_append_field:
 *
 * Appends @field quoted as RFC 4180 asks: in double quotes when it holds a
 * comma, a quote or a line break, with quotes doubled.
 */
void
ms_csv_append_field (GString    *out,
                     const char *field)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *s = field; *s; s++)
    {
      if (*s == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *s);
    }
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[MS_NUMBER_JSON_BUFSIZE];

  /* Plain numbers a spreadsheet reads as numbers, in the file's own unit. */
  g_string_append (out, ms_number_format_json (buffer, sizeof buffer, value));
}

static guint
max_indicators (MsDocument *document)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));
  guint most = 0;

  for (guint i = 0; i < projects->len; i++)
    most = MAX (most, g_list_model_get_n_items (ms_project_get_indicators (g_ptr_array_index (projects, i))));

  return most;
}

/**
 * ms_csv_export:
 * @language: (nullable): the language of the headings
 * @with_bom: start with a UTF-8 byte order mark, which Excel and WPS on
 *   Chinese Windows need to read the file as UTF-8
 *
 * Returns: (transfer full): one row per project, CRLF line ends
 */
GBytes *
ms_csv_export (MsDocument *document,
               const char *language,
               gboolean    with_bom)
{
  static const char * const headings[] = {
    N_("Category"), N_("Group"), N_("Number"), N_("Target"), N_("Departments"),
    N_("Partners"), N_("Completion"), N_("Status"), N_("Note"),
  };
  g_autoptr(GPtrArray) projects = NULL;
  const char *lang = ms_l10n_normalize_language (language);
  guint n_indicators = max_indicators (document);
  GString *out = g_string_new (with_bom ? "\xEF\xBB\xBF" : "");

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      ms_csv_append_field (out, ms_l10n_translate (lang, headings[i]));
    }
  for (guint k = 0; k < n_indicators; k++)
    {
      char *columns[] = {
        /* translators: CSV column headings; %u is the indicator's position (1, 2 …) */
        g_strdup_printf (ms_l10n_translate (lang, N_("Indicator %u")), k + 1),
        /* translators: CSV column heading; %u is the indicator's position */
        g_strdup_printf (ms_l10n_translate (lang, N_("Unit %u")), k + 1),
        /* translators: CSV column heading; %u is the indicator's position */
        g_strdup_printf (ms_l10n_translate (lang, N_("Target %u")), k + 1),
        /* translators: CSV column heading; %u is the indicator's position */
        g_strdup_printf (ms_l10n_translate (lang, N_("Actual %u")), k + 1),
        /* translators: CSV column heading; %u is the indicator's position */
        g_strdup_printf (ms_l10n_translate (lang, N_("Rate %u")), k + 1),
      };

      for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
        {
          g_string_append_c (out, ',');
          ms_csv_append_field (out, columns[i]);
          g_free (columns[i]);
        }
    }
  g_string_append (out, "\r\n");

  projects = ms_node_collect_projects (MS_NODE (document));
  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      MsGroup *group = ms_project_get_group (project);
      MsCategory *category = ms_group_get_category (group);
      GListModel *indicators = ms_project_get_indicators (project);
      g_autofree char *departments = g_strjoinv ("、", (char **)ms_project_get_departments (project));
      g_autofree char *partners = g_strjoinv ("、", (char **)ms_project_get_partners (project));

      ms_csv_append_field (out, ms_category_get_title (category));
      g_string_append_c (out, ',');
      ms_csv_append_field (out, ms_group_get_title (group));
      g_string_append_printf (out, ",%u,", ms_project_get_number (project));
      ms_csv_append_field (out, ms_project_get_target (project));
      g_string_append_c (out, ',');
      ms_csv_append_field (out, departments);
      g_string_append_c (out, ',');
      ms_csv_append_field (out, partners);
      g_string_append_c (out, ',');
      ms_csv_append_field (out, ms_project_get_completion (project));
      g_string_append_c (out, ',');
      ms_csv_append_field (out, ms_l10n_translate (lang, ms_status_get_label_untranslated (
                                                           ms_project_get_status (project))));
      g_string_append_c (out, ',');
      ms_csv_append_field (out, ms_project_get_note (project));

      for (guint k = 0; k < n_indicators; k++)
        {
          MsIndicator *indicator = k < g_list_model_get_n_items (indicators)
                                   ? ms_project_get_indicator (project, k) : NULL;
          const char *unit;
          double target, actual;
          double rate;

          g_string_append_c (out, ',');
          if (indicator == NULL)
            {
              g_string_append (out, ",,,,");
              continue;
            }
          /* Figures in the unit the language reads: 4.7 万人次 in Chinese, 47000
           * person-times in English, as the report writes them. The unit is a
           * heading of both figures, so it takes no singular. */
          unit = ms_l10n_present_figure (lang, 0, ms_indicator_get_unit (indicator), NULL);
          ms_l10n_present_figure (lang, ms_indicator_get_target (indicator),
                                  ms_indicator_get_unit (indicator), &target);
          ms_l10n_present_figure (lang, ms_indicator_get_actual (indicator),
                                  ms_indicator_get_unit (indicator), &actual);

          ms_csv_append_field (out, ms_indicator_get_name (indicator));
          g_string_append_c (out, ',');
          ms_csv_append_field (out, unit);
          g_string_append_c (out, ',');
          append_number (out, target);
          g_string_append_c (out, ',');
          if (ms_indicator_get_has_actual (indicator))
            append_number (out, actual);
          g_string_append_c (out, ',');
          if (ms_indicator_get_rate (indicator, &rate))
            {
              g_autofree char *percent = ms_l10n_format_percent (lang, rate);

              g_string_append (out, percent);
            }
        }
      g_string_append (out, "\r\n");
    }

  return g_string_free_to_bytes (out);
}
