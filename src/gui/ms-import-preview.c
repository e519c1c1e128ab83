/* ms-import-preview.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-import-preview"

#include "config.h"

#include "ms-import-preview.h"

/* What an import found, as models for list views: the document as a tree
 * (categories, groups, projects, and under each project the warnings
 * about its lines and its indicators), every warning, every line left
 * out. The report is copied: the preview outlives it. */

typedef struct
{
  MsProject *project;
  guint      line;
  char      *basis;
  /* MsImportEntry (warnings), in the report's order. */
  GPtrArray *warnings;
} Item;

struct _MsImportPreview
{
  GObject           parent_instance;

  MsDocument       *document;
  const char       *location_unit;
  /* Item, in document order. */
  GArray           *items;
  /* Indices into items, by their line: to find the one a line falls in. */
  GArray           *by_line;
  /* MsProject → index + 1 into items. */
  GHashTable       *item_of_project;
  GListStore       *warnings;
  GListStore       *dropped;
};

G_DEFINE_FINAL_TYPE (MsImportPreview, ms_import_preview, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->project);
  g_clear_pointer (&item->basis, g_free);
  g_clear_pointer (&item->warnings, g_ptr_array_unref);
}

static Item *
find_item_for_line (MsImportPreview *self,
                    guint            line)
{
  guint low = 0;
  guint high = self->by_line->len;

  if (line == 0)
    return NULL;

  /* The last item starting at or before @line: its lines run to the next one's. */
  while (low < high)
    {
      guint mid = low + (high - low) / 2;
      Item *item = &g_array_index (self->items, Item, g_array_index (self->by_line, guint, mid));

      if (item->line <= line)
        low = mid + 1;
      else
        high = mid;
    }
  if (low == 0)
    return NULL;
  return &g_array_index (self->items, Item, g_array_index (self->by_line, guint, low - 1));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GArray *items = user_data;
  guint line_a = g_array_index (items, Item, *(const guint *)a).line;
  guint line_b = g_array_index (items, Item, *(const guint *)b).line;

  if (line_a != line_b)
    return line_a < line_b ? -1 : 1;
  /* Same line (a table row of two projects): keep document order. */
  return *(const guint *)a < *(const guint *)b ? -1 : *(const guint *)a > *(const guint *)b;
}

static GListModel *
entries_of_list (GListModel        *parts,
                 MsImportEntryKind  kind)
{
  GListStore *store = g_list_store_new (MS_TYPE_IMPORT_ENTRY);
  guint n = g_list_model_get_n_items (parts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MsNode) node = g_list_model_get_item (parts, i);
      g_autoptr(MsImportEntry) entry = ms_import_entry_new_node (kind, node, 0, NULL, NULL);

      g_list_store_append (store, entry);
    }
  return G_LIST_MODEL (store);
}

static GListModel *
project_entries (MsImportPreview *self,
                 GListModel      *projects)
{
  GListStore *store = g_list_store_new (MS_TYPE_IMPORT_ENTRY);
  guint n = g_list_model_get_n_items (projects);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MsProject) project = g_list_model_get_item (projects, i);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_of_project, project));
      Item *item = index > 0 ? &g_array_index (self->items, Item, index - 1) : NULL;
      g_autoptr(MsImportEntry) entry = ms_import_entry_new_node (MS_IMPORT_ENTRY_PROJECT, MS_NODE (project),
                                                                 item ? item->line : 0, item ? item->basis : NULL,
                                                                 self->location_unit);

      g_list_store_append (store, entry);
    }
  return G_LIST_MODEL (store);
}

/* Under a project: what to check first (its warnings), then its indicators. */
static GListModel *
project_children (MsImportPreview *self,
                  MsProject       *project)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->item_of_project, project));
  GPtrArray *warnings = index > 0 ? g_array_index (self->items, Item, index - 1).warnings : NULL;
  GListModel *indicators = ms_project_get_indicators (project);
  guint n_indicators = g_list_model_get_n_items (indicators);
  GListStore *store;

  if (n_indicators == 0 && (warnings == NULL || warnings->len == 0))
    return NULL;

  store = g_list_store_new (MS_TYPE_IMPORT_ENTRY);
  if (warnings != NULL)
    g_list_store_splice (store, 0, 0, warnings->pdata, warnings->len);
  for (guint i = 0; i < n_indicators; i++)
    {
      g_autoptr(MsNode) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(MsImportEntry) entry = ms_import_entry_new_node (MS_IMPORT_ENTRY_INDICATOR, indicator, 0, NULL,
                                                                 self->location_unit);

      g_list_store_append (store, entry);
    }
  return G_LIST_MODEL (store);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  MsImportPreview *self = user_data;
  MsImportEntry *entry = item;
  MsNode *node = ms_import_entry_get_node (entry);

  switch (ms_import_entry_get_kind (entry))
    {
    case MS_IMPORT_ENTRY_CATEGORY:
      return entries_of_list (ms_category_get_groups (MS_CATEGORY (node)), MS_IMPORT_ENTRY_GROUP);

    case MS_IMPORT_ENTRY_GROUP:
      return project_entries (self, ms_group_get_projects (MS_GROUP (node)));

    case MS_IMPORT_ENTRY_PROJECT:
      return project_children (self, MS_PROJECT (node));

    case MS_IMPORT_ENTRY_INDICATOR:
    case MS_IMPORT_ENTRY_WARNING:
    case MS_IMPORT_ENTRY_LISTED_WARNING:
    case MS_IMPORT_ENTRY_DROPPED:
    default:
      return NULL;
    }
}

static void
ms_import_preview_finalize (GObject *object)
{
  MsImportPreview *self = MS_IMPORT_PREVIEW (object);

  g_clear_object (&self->warnings);
  g_clear_object (&self->dropped);
  g_clear_pointer (&self->item_of_project, g_hash_table_unref);
  g_clear_pointer (&self->by_line, g_array_unref);
  g_clear_pointer (&self->items, g_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ms_import_preview_parent_class)->finalize (object);
}

static void
ms_import_preview_class_init (MsImportPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ms_import_preview_finalize;
}

static void
ms_import_preview_init (MsImportPreview *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->by_line = g_array_new (FALSE, FALSE, sizeof (guint));
  self->item_of_project = g_hash_table_new (NULL, NULL);
  self->warnings = g_list_store_new (MS_TYPE_IMPORT_ENTRY);
  self->dropped = g_list_store_new (MS_TYPE_IMPORT_ENTRY);
}

static void
copy_report (MsImportPreview *self,
             MsNoticeReport  *report)
{
  g_array_set_size (self->items, report->items->len);
  g_array_set_size (self->by_line, report->items->len);
  for (guint i = 0; i < report->items->len; i++)
    {
      const MsNoticeItem *from = g_ptr_array_index (report->items, i);
      Item *item = &g_array_index (self->items, Item, i);

      item->project = g_object_ref (from->project);
      item->line = from->line;
      item->basis = g_strdup (from->basis);
      item->warnings = g_ptr_array_new_with_free_func (g_object_unref);
      g_array_index (self->by_line, guint, i) = i;
      g_hash_table_insert (self->item_of_project, item->project, GUINT_TO_POINTER (i + 1));
    }
  g_array_sort_with_data (self->by_line, compare_lines, self->items);

  for (guint i = 0; i < report->warnings->len; i++)
    {
      const MsNoticeRemark *remark = g_ptr_array_index (report->warnings, i);
      Item *item = find_item_for_line (self, remark->line);
      g_autoptr(MsImportEntry) listed = ms_import_entry_new_remark (MS_IMPORT_ENTRY_LISTED_WARNING, remark,
                                                                    item ? item->project : NULL,
                                                                    self->location_unit);

      g_list_store_append (self->warnings, listed);
      if (item != NULL)
        g_ptr_array_add (item->warnings, ms_import_entry_new_remark (MS_IMPORT_ENTRY_WARNING, remark, item->project,
                                                                     self->location_unit));
    }

  for (guint i = 0; i < report->dropped->len; i++)
    {
      g_autoptr(MsImportEntry) entry = ms_import_entry_new_remark (MS_IMPORT_ENTRY_DROPPED,
                                                                   g_ptr_array_index (report->dropped, i), NULL,
                                                                   self->location_unit);

      g_list_store_append (self->dropped, entry);
    }
}

/**
 * ms_import_preview_new:
 * @report: what ms_notice_import() found in making @document
 */
MsImportPreview *
ms_import_preview_new (MsDocument     *document,
                       MsNoticeReport *report)
{
  MsImportPreview *self;

  g_return_val_if_fail (MS_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  self = g_object_new (MS_TYPE_IMPORT_PREVIEW, NULL);
  self->document = g_object_ref (document);
  self->location_unit = g_intern_string (report->location_unit);
  copy_report (self, report);
  return self;
}

/**
 * ms_import_preview_create_tree:
 *
 * Every row is expanded: the user checks the whole tree. The model is
 * cheap; a list view makes widgets only for the rows on screen.
 *
 * Returns: (transfer full): the document as rows of #GtkTreeListRow
 *   holding #MsImportEntry; it keeps the preview
 */
GtkTreeListModel *
ms_import_preview_create_tree (MsImportPreview *self)
{
  GListModel *categories;

  g_return_val_if_fail (MS_IS_IMPORT_PREVIEW (self), NULL);

  categories = entries_of_list (ms_document_get_categories (self->document), MS_IMPORT_ENTRY_CATEGORY);
  return gtk_tree_list_model_new (categories, FALSE, TRUE, create_children, g_object_ref (self), g_object_unref);
}

/**
 * ms_import_preview_get_warnings:
 *
 * Returns: (transfer none): every warning (#MsImportEntry), in the report's order
 */
GListModel *
ms_import_preview_get_warnings (MsImportPreview *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->warnings);
}

/**
 * ms_import_preview_get_dropped:
 *
 * Returns: (transfer none): every line left out (#MsImportEntry)
 */
GListModel *
ms_import_preview_get_dropped (MsImportPreview *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_PREVIEW (self), NULL);

  return G_LIST_MODEL (self->dropped);
}

/**
 * ms_import_preview_find_project:
 * @line: a line (or paragraph) of the notice
 *
 * Returns: (transfer none) (nullable): the project whose lines hold @line:
 *   the last one starting at or before it
 */
MsProject *
ms_import_preview_find_project (MsImportPreview *self,
                                guint            line)
{
  Item *item;

  g_return_val_if_fail (MS_IS_IMPORT_PREVIEW (self), NULL);

  item = find_item_for_line (self, line);
  return item ? item->project : NULL;
}
