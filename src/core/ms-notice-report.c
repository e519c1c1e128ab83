/* ms-notice-report.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-notice"

#include "config.h"

#include "ms-notice.h"

/* A report outlives the call that made it when a dialog keeps it (the
 * import preview, the review of a notice read into the open file): each
 * keeper takes its own copy, freed by ms_notice_report_free(). */

static void
copy_remark_free (MsNoticeRemark *remark)
{
  g_free (remark->message);
  g_free (remark);
}

static void
copy_item_free (MsNoticeItem *item)
{
  g_clear_object (&item->project);
  g_free (item->basis);
  g_free (item);
}

static GPtrArray *
copy_remarks (GPtrArray *remarks)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify)copy_remark_free);

  for (guint i = 0; remarks != NULL && i < remarks->len; i++)
    {
      const MsNoticeRemark *from = g_ptr_array_index (remarks, i);
      MsNoticeRemark *remark = g_new0 (MsNoticeRemark, 1);

      remark->line = from->line;
      remark->message = g_strdup (from->message);
      g_ptr_array_add (copy, remark);
    }
  return copy;
}

/**
 * ms_notice_report_copy:
 *
 * Returns: (transfer full): a copy of @report; its items hold the same
 *   projects (of the document the import made), with references of their own
 */
MsNoticeReport *
ms_notice_report_copy (const MsNoticeReport *report)
{
  MsNoticeReport *copy;

  g_return_val_if_fail (report != NULL, NULL);

  /* Field by field: a pointer added to the struct later is not shared by accident. */
  copy = g_new0 (MsNoticeReport, 1);
  copy->n_categories = report->n_categories;
  copy->n_groups = report->n_groups;
  copy->n_projects = report->n_projects;
  copy->n_indicators = report->n_indicators;
  copy->n_indicators_reported = report->n_indicators_reported;
  copy->year_source = report->year_source;
  copy->date = report->date;
  copy->encoding = g_strdup (report->encoding);
  copy->format = g_strdup (report->format);
  copy->location_unit = g_strdup (report->location_unit);
  copy->warnings = copy_remarks (report->warnings);
  copy->dropped = copy_remarks (report->dropped);
  copy->items = g_ptr_array_new_with_free_func ((GDestroyNotify)copy_item_free);
  for (guint i = 0; report->items != NULL && i < report->items->len; i++)
    {
      const MsNoticeItem *from = g_ptr_array_index (report->items, i);
      MsNoticeItem *item = g_new0 (MsNoticeItem, 1);

      item->project = from->project != NULL ? g_object_ref (from->project) : NULL;
      item->line = from->line;
      item->basis = g_strdup (from->basis);
      g_ptr_array_add (copy->items, item);
    }

  return copy;
}
