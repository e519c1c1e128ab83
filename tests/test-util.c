/* test-util.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ms-notice.h"
#include "ms-recovery.h"
#include "test-util.h"

/**
 * ms_test_generate_document:
 *
 * A yearly file of @n_projects projects for tests and benchmarks: 20 groups
 * of 10 projects per category, long Chinese texts, every status, three
 * indicators each with met, unmet and unreported figures.
 *
 * Returns: (transfer full): the document
 */
MsDocument *
ms_test_generate_document (guint n_projects)
{
  static const char * const departments[] = { "市交通运输局", "市公路事业发展中心", NULL };
  MsDocument *document = ms_document_new ();
  guint made = 0;

  ms_document_set_title (document, "基准市2025年民生实事完成情况");
  ms_document_set_region (document, "基准市");
  ms_document_set_year (document, 2025);

  for (guint c = 0; made < n_projects; c++)
    {
      g_autoptr(MsCategory) category = ms_category_new ();
      g_autofree char *id = g_strdup_printf ("category-%u", c + 1);
      g_autofree char *title = g_strdup_printf ("第%u类市重点民生实事（按照职责分工由各县区和市直部门共同负责推进）", c + 1);

      ms_category_set_id (category, id);
      ms_category_set_title (category, title);
      for (guint g = 0; g < 20 && made < n_projects; g++)
        {
          g_autoptr(MsGroup) group = ms_group_new ();

          ms_group_set_number (group, g + 1);
          ms_group_set_title (group, "加快推动“四好农村路”高质量发展和城乡公共服务设施提档升级");
          for (guint p = 0; p < 10 && made < n_projects; p++, made++)
            {
              g_autoptr(MsProject) project = ms_project_new ();

              ms_project_set_number (project, made + 1);
              ms_project_set_target (project, "全年新、改建农村公路80公里,改造危旧桥梁20座,"
                                              "持续推进城镇老旧小区改造提升,全年新开工改造不少于2529户。");
              ms_project_set_completion (project, "全市新建农村公路113.9公里,改造危桥28座,"
                                                  "新开工改造老旧小区69个3465户。");
              ms_project_set_departments (project, departments);
              ms_project_set_status (project, made % MS_N_STATUSES);
              for (guint i = 0; i < 3; i++)
                {
                  g_autoptr(MsIndicator) indicator = ms_indicator_new ();

                  ms_indicator_set_name (indicator, "新、改建农村公路和城乡公共服务设施提档升级工程");
                  ms_indicator_set_unit (indicator, i == 0 ? "公里" : "万人次");
                  ms_indicator_set_target (indicator, 80 + i * 0.1);
                  if (i < 2)
                    ms_indicator_set_actual (indicator, (made % 5) * 30 + 10.5 * i);
                  ms_project_insert_indicator (project, G_MAXUINT, indicator);
                }
              ms_group_insert_project (group, G_MAXUINT, project);
            }
          ms_category_insert_group (category, G_MAXUINT, group);
        }
      ms_document_insert_category (document, G_MAXUINT, category);
    }

  ms_document_set_modified (document, FALSE);
  return document;
}

/* A notice of @n_projects projects, as ms_notice_export() writes the
 * generated document. Projects are numbered again from 1 in each category,
 * as notices do, so that no number runs past what the importer reads. */
char *
ms_test_generate_notice (guint n_projects)
{
  g_autoptr(MsDocument) document = ms_test_generate_document (n_projects);
  GListModel *categories = ms_document_get_categories (document);

  for (guint c = 0; c < g_list_model_get_n_items (categories); c++)
    {
      MsCategory *category = ms_document_get_category (document, c);
      guint number = 1;

      for (guint g = 0; g < g_list_model_get_n_items (ms_category_get_groups (category)); g++)
        {
          GListModel *projects = ms_group_get_projects (ms_category_get_group (category, g));

          for (guint p = 0; p < g_list_model_get_n_items (projects); p++)
            {
              g_autoptr(MsProject) project = g_list_model_get_item (projects, p);

              ms_project_set_number (project, number++);
            }
        }
    }
  return ms_notice_export (document);
}

MsDocument *
ms_test_load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("MS_EXAMPLE_FILE"));
  g_autoptr(GError) error = NULL;
  MsDocument *document = ms_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Wakes the waiting loop now and then, so that a condition that nothing
 * will ever make true fails at the deadline instead of blocking for good. */
static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

void
ms_test_wait_begin (MsTestWait *wait)
{
  wait->deadline = g_get_monotonic_time () + MS_TEST_WAIT_TIMEOUT;
  wait->waker_id = g_timeout_add (250, wake_cb, NULL);
}

/* One blocking iteration of the default main context; fails the test,
 * naming @what, once the deadline has passed. */
void
ms_test_wait_step (MsTestWait *wait,
                   const char *what,
                   const char *file,
                   int         line,
                   const char *func)
{
  if (g_get_monotonic_time () >= wait->deadline)
    {
      g_autofree char *message = g_strdup_printf ("timed out after %d s waiting for: %s",
                                                  (int)(MS_TEST_WAIT_TIMEOUT / G_USEC_PER_SEC), what);

      ms_test_wait_end (wait);
      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      /* Non-fatal assertions: stop waiting all the same. */
      wait->deadline = G_MAXINT64;
      return;
    }
  g_main_context_iteration (NULL, TRUE);
}

void
ms_test_wait_end (MsTestWait *wait)
{
  g_clear_handle_id (&wait->waker_id, g_source_remove);
}

/* Spins the default main context until @predicate holds: tests wait for a
 * condition, never for a time. The test fails after MS_TEST_WAIT_TIMEOUT,
 * saying that it waited for @what. */
void
ms_test_wait_for (const char      *what,
                  MsTestPredicate  predicate,
                  gpointer         data)
{
  MsTestWait wait;

  ms_test_wait_begin (&wait);
  while (!predicate (data))
    ms_test_wait_step (&wait, what, __FILE__, __LINE__, G_STRFUNC);
  ms_test_wait_end (&wait);
}

void
ms_test_wait_until (MsTestPredicate predicate,
                    gpointer        data)
{
  ms_test_wait_for ("a condition", predicate, data);
}

/* Removes a folder a test made, with everything in it. */
void
ms_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ms_test_remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

/* The fault double (tests/faults/ms-faults.c, $MS_FAULTS_LIB) must be
 * loaded before the program starts: start again with it preloaded. */
void
ms_test_preload_faults (char *argv[])
{
  const char *module = g_getenv ("MS_FAULTS_LIB");
  const char *preload = g_getenv ("LD_PRELOAD");
  g_autofree char *asan = NULL;

  if (module == NULL || (preload != NULL && strstr (preload, module) != NULL))
    return;

  g_setenv ("LD_PRELOAD", module, TRUE);
  /* Under AddressSanitizer the double comes ahead of its runtime. */
  asan = g_strconcat (g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                      ":verify_asan_link_order=0", NULL);
  g_setenv ("ASAN_OPTIONS", asan, TRUE);
  execv ("/proc/self/exe", argv);
  g_error ("Could not start again with %s: %s", module, g_strerror (errno));
}

/* Makes the edits kept under @key look kept by a session that stopped. */
void
ms_test_orphan_recovery (const char *key)
{
  g_autoptr(GFile) folder = ms_recovery_get_folder ();
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *name = g_strconcat (key, ".ini", NULL);
  g_autofree char *path = g_build_filename (folder_path, name, NULL);
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_int64 (keyfile, "Recovery", "pid", 2147483646);
  g_assert_true (g_key_file_save_to_file (keyfile, path, NULL));
}

/* The project numbered @number in the category @category_id, or NULL. */
MsProject *
ms_test_find_project (MsDocument *document,
                      const char *category_id,
                      guint       number)
{
  g_autoptr(GPtrArray) projects = ms_node_collect_projects (MS_NODE (document));

  for (guint i = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      MsCategory *category = ms_group_get_category (ms_project_get_group (project));

      if (ms_project_get_number (project) == number && g_str_equal (ms_category_get_id (category), category_id))
        return project;
    }
  return NULL;
}
