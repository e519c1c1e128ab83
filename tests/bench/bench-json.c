/* bench-json.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints how long reading and writing a yearly file takes, for the bundled
 * file and for a generated one of 2 000 projects, and the peak memory.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ms-document.h"
#include "ms-json.h"

static MsDocument *
generate_document (guint n_projects)
{
  MsDocument *document = ms_document_new ();
  guint made = 0;

  ms_document_set_title (document, "基准市2025年民生实事完成情况");
  ms_document_set_region (document, "基准市");
  ms_document_set_year (document, 2025);

  for (guint c = 0; made < n_projects; c++)
    {
      g_autoptr(MsCategory) category = ms_category_new ();
      g_autofree char *id = g_strdup_printf ("category-%u", c);

      ms_category_set_id (category, id);
      ms_category_set_title (category, "市重点民生实事");
      for (guint g = 0; g < 20 && made < n_projects; g++)
        {
          g_autoptr(MsGroup) group = ms_group_new ();

          ms_group_set_number (group, g + 1);
          ms_group_set_title (group, "加快推动“四好农村路”高质量发展");
          for (guint p = 0; p < 10 && made < n_projects; p++, made++)
            {
              g_autoptr(MsProject) project = ms_project_new ();
              static const char * const departments[] = { "市交通运输局", "市公路事业发展中心", NULL };

              ms_project_set_number (project, made + 1);
              ms_project_set_target (project, "全年新、改建农村公路80公里,改造危旧桥梁20座,"
                                              "持续推进城镇老旧小区改造提升,全年新开工改造不少于2529户。");
              ms_project_set_completion (project, "全市新建农村公路113.9公里,改造危桥28座,"
                                                  "新开工改造老旧小区69个3465户。");
              ms_project_set_departments (project, departments);
              ms_project_set_status (project, made % 4);
              for (guint i = 0; i < 3; i++)
                {
                  g_autoptr(MsIndicator) indicator = ms_indicator_new ();

                  ms_indicator_set_name (indicator, "新建农村公路");
                  ms_indicator_set_unit (indicator, "公里");
                  ms_indicator_set_target (indicator, 80 + i * 0.1);
                  ms_indicator_set_actual (indicator, 113.9 + made * 0.01);
                  ms_project_insert_indicator (project, G_MAXUINT, indicator);
                }
              ms_group_insert_project (group, G_MAXUINT, project);
            }
          ms_category_insert_group (category, G_MAXUINT, group);
        }
      ms_document_insert_category (document, G_MAXUINT, category);
    }

  return document;
}

static long
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static void
measure (const char *label,
         GBytes     *bytes,
         guint       rounds)
{
  gsize size = g_bytes_get_size (bytes);
  const char *data = g_bytes_get_data (bytes, NULL);
  gint64 start;
  double read_ms, write_ms;
  MsStats stats;

  start = g_get_monotonic_time ();
  for (guint i = 0; i < rounds; i++)
    {
      g_autoptr(MsDocument) document = ms_json_read_document (data, size, label, NULL, NULL);

      g_assert_nonnull (document);
      if (i == 0)
        ms_document_get_stats (document, &stats);
    }
  read_ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;

  {
    g_autoptr(MsDocument) document = ms_json_read_document (data, size, label, NULL, NULL);

    start = g_get_monotonic_time ();
    for (guint i = 0; i < rounds; i++)
      {
        g_autoptr(GBytes) written = ms_json_write_document (document);

        g_assert_true (g_bytes_equal (written, bytes));
      }
    write_ms = (g_get_monotonic_time () - start) / 1000.0 / rounds;
  }

  printf ("%-24s %6u projects %8.1f KiB   read %8.2f ms   write %7.2f ms\n",
          label, stats.n_projects, size / 1024.0, read_ms, write_ms);
}

int
main (int   argc,
      char *argv[])
{
  const char *example = g_getenv ("MS_EXAMPLE_FILE");
  g_autoptr(MsDocument) generated = generate_document (2000);
  g_autoptr(GBytes) generated_bytes = ms_json_write_document (generated);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (example != NULL && g_file_get_contents (example, &contents, &length, NULL))
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

      measure ("luohe-2024.json", bytes, 200);
    }

  measure ("generated", generated_bytes, 10);
  printf ("peak resident memory: %ld KiB\n", peak_rss_kib ());

  return 0;
}
