/* ms-notice-export.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice-export"

#include "config.h"

#include "ms-notice.h"
#include "ms-number.h"

/* Writing a yearly file back in the layout of a published notice. */

static void
append_paragraphs (GString    *out,
                   const char *prefix,
                   const char *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      if (paragraphs[i][0] == '\0')
        continue;
      g_string_append_printf (out, "%s%s\n\n", i == 0 ? prefix : "", paragraphs[i]);
    }
}

static gboolean
category_has_completion (MsCategory *category)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (category));

  for (guint i = 0; i < projects->len; i++)
    {
      if (ms_project_get_completion (g_ptr_array_index (projects, i))[0] != '\0')
        return TRUE;
    }

  return FALSE;
}

/**
 * ms_notice_export:
 *
 * Writes @document in the layout of a published notice: title, introduction,
 * 一、 sections, （一） groups, numbered projects with 责任单位, 配合单位 and
 * 完成情况. The labels stay Chinese whatever the interface language: they are
 * part of the document.
 *
 * Returns: (transfer full): the notice text, UTF-8
 */
char *
ms_notice_export (MsDocument *document)
{
  GString *out = g_string_new (NULL);
  GListModel *categories;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);

  categories = ms_document_get_categories (document);
  g_string_append_printf (out, "%s\n\n", ms_document_get_title (document));
  append_paragraphs (out, "", ms_document_get_intro (document));

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      GListModel *groups = ms_category_get_groups (category);
      g_autofree char *section = ms_number_to_chinese_numeral (c + 1);

      g_string_append_printf (out, "%s、%s%s\n\n", section, ms_category_get_title (category),
                              category_has_completion (category) ? "完成情况" : "");

      for (guint g = 0; g < g_list_model_get_n_items (groups); g++)
        {
          MsGroup *group = ms_category_get_group (category, g);
          GListModel *projects = ms_group_get_projects (group);

          if (ms_group_get_title (group)[0] != '\0')
            {
              g_autofree char *numeral = ms_number_to_chinese_numeral (ms_group_get_number (group));

              g_string_append_printf (out, "（%s）%s\n\n", numeral, ms_group_get_title (group));
            }

          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              MsProject *project = ms_group_get_project (group, p);
              g_autofree char *number = g_strdup_printf ("%u.", ms_project_get_number (project));
              const char * const *departments = ms_project_get_departments (project);
              const char * const *partners = ms_project_get_partners (project);

              append_paragraphs (out, number, ms_project_get_target (project));
              if (departments[0] != NULL)
                {
                  g_autofree char *joined = g_strjoinv ("、", (char **)departments);

                  g_string_append_printf (out, "责任单位：%s\n\n", joined);
                }
              if (partners[0] != NULL)
                {
                  g_autofree char *joined = g_strjoinv ("、", (char **)partners);

                  g_string_append_printf (out, "配合单位：%s\n\n", joined);
                }
              if (ms_project_get_completion (project)[0] != '\0')
                append_paragraphs (out, "完成情况：", ms_project_get_completion (project));
              if (ms_project_get_note (project)[0] != '\0')
                append_paragraphs (out, "备注：", ms_project_get_note (project));
            }
        }
    }

  /* One final newline, not a blank line. */
  while (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}
