/* ms-import-entry.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-import-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-import-entry.h"
#include "ms-l10n.h"

/* One row of the import preview: a part of the imported document, or a
 * remark of the report. Its texts are made when a row shows it, so a
 * preview of thousands of projects formats only what is on screen. */

/* The start of a project's target text: the row ellipsizes the rest. */
#define TARGET_PREVIEW_CHARS 120

struct _MsImportEntry
{
  GObject            parent_instance;

  MsImportEntryKind  kind;
  /* The category, group, project or indicator; NULL for remarks. */
  MsNode            *node;
  /* A remark's project, or the project itself. */
  MsProject         *project;
  guint              line;
  /* A project's basis, a remark's message. */
  char              *text;
  /* Interned: "line" or "paragraph". */
  const char        *location_unit;
};

G_DEFINE_FINAL_TYPE (MsImportEntry, ms_import_entry, G_TYPE_OBJECT)

static void
ms_import_entry_finalize (GObject *object)
{
  MsImportEntry *self = MS_IMPORT_ENTRY (object);

  g_clear_object (&self->node);
  g_clear_object (&self->project);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (ms_import_entry_parent_class)->finalize (object);
}

static void
ms_import_entry_class_init (MsImportEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ms_import_entry_finalize;
}

static void
ms_import_entry_init (MsImportEntry *self)
{
}

/**
 * ms_import_entry_new_node:
 * @line: where a project starts in the notice (0 for other parts)
 * @basis: (nullable): why the importer took a project for one
 * @location_unit: (nullable): "line" or "paragraph", as the report says
 */
MsImportEntry *
ms_import_entry_new_node (MsImportEntryKind  kind,
                          MsNode            *node,
                          guint              line,
                          const char        *basis,
                          const char        *location_unit)
{
  MsImportEntry *self;

  g_return_val_if_fail (kind <= MS_IMPORT_ENTRY_INDICATOR, NULL);
  g_return_val_if_fail (MS_IS_NODE (node), NULL);

  self = g_object_new (MS_TYPE_IMPORT_ENTRY, NULL);
  self->kind = kind;
  self->node = g_object_ref (node);
  if (MS_IS_PROJECT (node))
    self->project = g_object_ref (MS_PROJECT (node));
  self->line = line;
  self->text = g_strdup (basis);
  self->location_unit = g_intern_string (location_unit);
  return self;
}

/**
 * ms_import_entry_new_remark:
 * @project: (nullable): the project whose lines hold the remark
 */
MsImportEntry *
ms_import_entry_new_remark (MsImportEntryKind     kind,
                            const MsNoticeRemark *remark,
                            MsProject            *project,
                            const char           *location_unit)
{
  MsImportEntry *self;

  g_return_val_if_fail (kind >= MS_IMPORT_ENTRY_WARNING, NULL);
  g_return_val_if_fail (remark != NULL, NULL);
  g_return_val_if_fail (project == NULL || MS_IS_PROJECT (project), NULL);

  self = g_object_new (MS_TYPE_IMPORT_ENTRY, NULL);
  self->kind = kind;
  self->project = project ? g_object_ref (project) : NULL;
  self->line = remark->line;
  self->text = g_strdup (remark->message);
  self->location_unit = g_intern_string (location_unit);
  return self;
}

MsImportEntryKind
ms_import_entry_get_kind (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), MS_IMPORT_ENTRY_CATEGORY);

  return self->kind;
}

/**
 * ms_import_entry_get_node:
 *
 * Returns: (transfer none) (nullable): the part of the document shown
 */
MsNode *
ms_import_entry_get_node (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  return self->node;
}

/**
 * ms_import_entry_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown, or the one a
 *   remark is about
 */
MsProject *
ms_import_entry_get_project (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  return self->project;
}

guint
ms_import_entry_get_line (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), 0);

  return self->line;
}

/* Returns: (nullable): a project's basis or a remark's message */
const char *
ms_import_entry_get_text (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  return self->text;
}

/* Whether the title is the notice's own text (Chinese), not the interface's. */
gboolean
ms_import_entry_is_notice_text (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), FALSE);

  return self->kind <= MS_IMPORT_ENTRY_INDICATOR || self->kind == MS_IMPORT_ENTRY_DROPPED;
}

/**
 * ms_import_format_location:
 * @location_unit: (nullable): "line" or "paragraph"
 *
 * Returns: (transfer full): "Line 12", "Paragraph 12", or "Whole text" for 0
 */
char *
ms_import_format_location (const char *location_unit,
                           guint       line)
{
  if (line == 0)
    return g_strdup (_("Whole text"));
  if (g_strcmp0 (location_unit, "paragraph") == 0)
    /* translators: where something is in an imported Word or web document */
    return g_strdup_printf (_("Paragraph %u"), line);
  /* translators: where something is in an imported notice, such as "Line 12" */
  return g_strdup_printf (_("Line %u"), line);
}

static char *
join_counts (const char *first,
             const char *second)
{
  /* translators: two counts side by side, such as "2 groups, 9 projects" */
  return g_strdup_printf (_("%s, %s"), first, second);
}

static char *
format_projects (guint n)
{
  /* translators: how many projects a category or group of an imported notice has */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u project", "%u projects", n), n);
}

static char *
project_title (MsProject *project)
{
  const char *target = ms_project_get_target (project);
  g_autofree char *start = NULL;
  char *newline;

  if (target[0] == '\0')
    /* translators: a project of an imported notice with no text, %u is its number */
    return g_strdup_printf (_("%u. (no target text)"), ms_project_get_number (project));

  /* GLib 2.74 reads past the end of a string shorter than the end given. */
  start = g_utf8_substring (target, 0, MIN (g_utf8_strlen (target, -1), TARGET_PREVIEW_CHARS));
  newline = strchr (start, '\n');
  if (newline != NULL)
    *newline = '\0';
  /* translators: a project of an imported notice: its number, then the start of its target */
  return g_strdup_printf (_("%u. %s"), ms_project_get_number (project), start);
}

static char *
indicator_figures (MsIndicator *indicator)
{
  const char *language = ms_l10n_get_system_language ();
  const char *unit = ms_indicator_get_unit (indicator);
  g_autofree char *target = ms_l10n_format_figure (language, ms_indicator_get_target (indicator), unit);
  g_autofree char *actual = NULL;

  if (!ms_indicator_get_has_actual (indicator))
    /* translators: an indicator of an imported notice with no actual figure: its target */
    return g_strdup_printf (_("target %s → not reported"), target);

  actual = ms_l10n_format_figure (language, ms_indicator_get_actual (indicator), unit);
  /* translators: an indicator of an imported notice: its target, then its actual figure */
  return g_strdup_printf (_("target %s → actual %s"), target, actual);
}

/* Returns: (transfer full): the first line of the row */
char *
ms_import_entry_dup_title (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  switch (self->kind)
    {
    case MS_IMPORT_ENTRY_CATEGORY:
      return g_strdup (ms_category_get_title (MS_CATEGORY (self->node)));

    case MS_IMPORT_ENTRY_GROUP:
      return ms_group_dup_heading (MS_GROUP (self->node));

    case MS_IMPORT_ENTRY_PROJECT:
      return project_title (self->project);

    case MS_IMPORT_ENTRY_INDICATOR:
      {
        const char *name = ms_indicator_get_name (MS_INDICATOR (self->node));

        return g_strdup (name[0] != '\0' ? name : _("Unnamed indicator"));
      }

    case MS_IMPORT_ENTRY_WARNING:
    case MS_IMPORT_ENTRY_LISTED_WARNING:
    case MS_IMPORT_ENTRY_DROPPED:
    default:
      return g_strdup (self->text);
    }
}

/* Returns: (transfer full) (nullable): the line under the title */
char *
ms_import_entry_dup_subtitle (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  switch (self->kind)
    {
    case MS_IMPORT_ENTRY_CATEGORY:
      {
        MsStats stats = { 0 };
        guint n_groups = g_list_model_get_n_items (ms_category_get_groups (MS_CATEGORY (self->node)));
        /* translators: how many groups a category of an imported notice has */
        g_autofree char *groups = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group", "%u groups", n_groups),
                                                   n_groups);
        g_autofree char *projects = NULL;

        ms_stats_add_node (&stats, self->node);
        projects = format_projects (stats.n_projects);
        return join_counts (groups, projects);
      }

    case MS_IMPORT_ENTRY_GROUP:
      return format_projects (g_list_model_get_n_items (ms_group_get_projects (MS_GROUP (self->node))));

    case MS_IMPORT_ENTRY_PROJECT:
      {
        const char * const *departments = ms_project_get_departments (self->project);

        if (departments == NULL || departments[0] == NULL)
          return g_strdup (_("No responsible department"));
        /* The notice's own separator: the names are Chinese. */
        return g_strjoinv ("、", (char **)departments);
      }

    case MS_IMPORT_ENTRY_LISTED_WARNING:
      {
        g_autofree char *where = ms_import_format_location (self->location_unit, self->line);

        if (self->project == NULL)
          return g_steal_pointer (&where);
        /* translators: where a warning about an imported notice is: "Line 12 · project 3" */
        return g_strdup_printf (_("%s · project %u"), where, ms_project_get_number (self->project));
      }

    case MS_IMPORT_ENTRY_WARNING:
    case MS_IMPORT_ENTRY_DROPPED:
      return ms_import_format_location (self->location_unit, self->line);

    case MS_IMPORT_ENTRY_INDICATOR:
    default:
      return NULL;
    }
}

/* Returns: (transfer full) (nullable): a project's line and basis */
char *
ms_import_entry_dup_note (MsImportEntry *self)
{
  g_autofree char *where = NULL;

  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  if (self->kind != MS_IMPORT_ENTRY_PROJECT)
    return NULL;

  where = ms_import_format_location (self->location_unit, self->line);
  if (self->text == NULL || self->text[0] == '\0')
    return g_steal_pointer (&where);
  return g_strconcat (where, " · ", self->text, NULL);
}

/* Returns: (transfer full) (nullable): what the row shows at its end */
char *
ms_import_entry_dup_detail (MsImportEntry *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  switch (self->kind)
    {
    case MS_IMPORT_ENTRY_PROJECT:
      return g_strdup (ms_status_get_label (ms_project_get_status (self->project)));

    case MS_IMPORT_ENTRY_INDICATOR:
      return indicator_figures (MS_INDICATOR (self->node));

    case MS_IMPORT_ENTRY_CATEGORY:
    case MS_IMPORT_ENTRY_GROUP:
    case MS_IMPORT_ENTRY_WARNING:
    case MS_IMPORT_ENTRY_LISTED_WARNING:
    case MS_IMPORT_ENTRY_DROPPED:
    default:
      return NULL;
    }
}

/* Returns: (transfer full) (nullable): for the tooltip and screen readers */
char *
ms_import_entry_dup_description (MsImportEntry *self)
{
  g_autofree char *where = NULL;
  const char *status;

  g_return_val_if_fail (MS_IS_IMPORT_ENTRY (self), NULL);

  if (self->kind != MS_IMPORT_ENTRY_PROJECT)
    return NULL;

  where = ms_import_format_location (self->location_unit, self->line);
  status = ms_status_get_label (ms_project_get_status (self->project));
  if (self->text == NULL || self->text[0] == '\0')
    /* translators: a project of an imported notice: where it starts, then the state the import suggests */
    return g_strdup_printf (_("%s; suggested state: %s"), where, status);
  /* translators: a project of an imported notice: where it starts, why it was taken for
   * a project (such as "numbered item “3、”"), then the state the import suggests */
  return g_strdup_printf (_("%s, recognised as %s; suggested state: %s"), where, self->text, status);
}
