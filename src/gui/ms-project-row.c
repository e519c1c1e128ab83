/* ms-project-row.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-project-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-project-row.h"

/* One project in a list: number, short title, departments, key figure,
 * rate and status. File text is shown literally (labels parse no markup). */
struct _MsProjectRow
{
  GtkWidget  parent_instance;

  MsProject *project;
  gulong     changed_handler;

  /* The group named above this row, followed so that renames show at once. */
  MsGroup    *header_group;
  MsCategory *header_category;
  gulong      group_handler;
  gulong      category_handler;

  GtkLabel  *header;
  GtkLabel  *number;
  GtkLabel  *title;
  /* Case-folded search text to highlight, or NULL. */
  char      *needle;
  GtkLabel  *departments;
  GtkLabel  *figure;
  GtkImage  *state_icon;
  GtkLabel  *status;
  GtkLabel  *rate;
};

G_DEFINE_FINAL_TYPE (MsProjectRow, ms_project_row, GTK_TYPE_WIDGET)

/**
 * ms_project_dup_key_figure:
 * @context: the date and rules the figures are read with
 * @rate: (out) (optional): the rate of the indicator shown
 * @has_rate: (out) (optional): whether that rate is known
 * @schedule: (out) (optional): the project's schedule state
 *
 * The figure that decides the project's state, named: the indicator that
 * is most behind, or else the weakest one, such as "新建农村公路: 56 of 150公里".
 *
 * Returns: (transfer full): the figure, or "" for a project without indicators
 */
char *
ms_project_dup_key_figure (MsProject               *project,
                           const MsScheduleContext *context,
                           double                  *rate,
                           gboolean                *has_rate,
                           MsSchedule              *schedule)
{
  /* The ledger and a paste onto it name the same indicator. */
  MsIndicator *shown = ms_project_get_key_indicator (project, context);
  const char *language = ms_l10n_get_system_language ();
  g_autofree char *target = NULL;
  double shown_rate = 0;
  gboolean known;

  if (schedule != NULL)
    *schedule = ms_project_get_schedule (project, context, NULL);

  known = shown != NULL && ms_indicator_get_rate_at (shown, context->as_of, &shown_rate);
  if (rate != NULL)
    *rate = known ? shown_rate : 0;
  if (has_rate != NULL)
    *has_rate = known;
  if (shown == NULL)
    return g_strdup ("");

  target = ms_l10n_format_figure (language, ms_indicator_get_target (shown), ms_indicator_get_unit (shown));
  if (ms_indicator_get_has_actual (shown))
    {
      const char *unit = ms_indicator_get_unit (shown);
      const char *shown_unit = ms_l10n_present_figure (language, 0, unit, NULL);
      g_autofree char *actual = NULL;

      /* English names a unit word once, after the target, so the row keeps
       * the target in view: "36,700 of 33,000 people". Chinese writes it
       * with both figures, as notices do, and a share keeps its sign. */
      if (ms_l10n_is_chinese (language) || g_str_equal (shown_unit, "%") || g_str_equal (shown_unit, "‰"))
        actual = ms_l10n_format_figure (language, ms_indicator_get_actual (shown), unit);
      else
        actual = ms_l10n_format_figure_value (language, ms_indicator_get_actual (shown), unit);

      /* translators: the figure that decides a project's state: indicator, actual and
       * target, such as "新建农村公路: 56 of 150 km" (English writes the unit once) */
      return g_strdup_printf (_("%s: %s of %s"), ms_indicator_get_name (shown), actual, target);
    }
  /* translators: that figure when nothing is reported, such as "新建农村公路: target 150公里" */
  return g_strdup_printf (_("%s: target %s"), ms_indicator_get_name (shown), target);
}

/* Marks every case-insensitive occurrence of @needle in the label's text
 * with attributes: the text itself stays literal, never parsed as markup.
 * The attributes keep the label's text Chinese. */
static void
highlight_label (GtkLabel   *label,
                 const char *needle)
{
  const char *text = gtk_label_get_label (label);
  PangoAttrList *attrs = ms_chinese_attributes_new ();
  gsize needle_len;

  if (needle == NULL || needle[0] == '\0')
    {
      gtk_label_set_attributes (label, attrs);
      pango_attr_list_unref (attrs);
      return;
    }

  needle_len = strlen (needle);
  for (const char *p = text; *p != '\0';)
    {
      g_autoptr(GString) folded = g_string_new (NULL);
      const char *q = p;

      while (folded->len < needle_len && *q != '\0')
        {
          const char *next = g_utf8_next_char (q);
          g_autofree char *one = g_utf8_casefold (q, next - q);

          g_string_append (folded, one);
          q = next;
        }

      if (g_str_has_prefix (folded->str, needle))
        {
          PangoAttribute *attr;

          attr = pango_attr_weight_new (PANGO_WEIGHT_HEAVY);
          attr->start_index = p - text;
          attr->end_index = q - text;
          pango_attr_list_insert (attrs, attr);
          attr = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);
          attr->start_index = p - text;
          attr->end_index = q - text;
          pango_attr_list_insert (attrs, attr);
          p = q;
        }
      else
        p = g_utf8_next_char (p);
    }

  gtk_label_set_attributes (label, attrs);
  pango_attr_list_unref (attrs);
}

static void
update_highlight (MsProjectRow *self)
{
  highlight_label (self->title, self->needle);
  highlight_label (self->departments, self->needle);
}

static void
update (MsProjectRow *self)
{
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *departments = NULL;
  g_autofree char *names = NULL;
  g_autofree char *figure = NULL;
  MsDocument *document;
  MsScheduleContext context;
  MsSchedule schedule;
  double rate;
  gboolean has_rate;

  if (self->project == NULL)
    return;
  document = ms_node_get_document (MS_NODE (self->project));
  if (document == NULL)
    return;

  ms_schedule_context_init (&context, document, MS_DATE_NONE);
  number = g_strdup_printf ("%u", ms_project_get_number (self->project));
  title = ms_project_dup_short_title (self->project);
  names = g_strjoinv ("、", (char **)ms_project_get_departments (self->project));
  /* translators: a project's departments and the status they report, such as
   * "市交通运输局 · In progress" */
  departments = g_strdup_printf (_("%s · %s"), names[0] ? names : _("No responsible department"),
                                 ms_status_get_label (ms_project_get_status (self->project)));
  figure = ms_project_dup_key_figure (self->project, &context, &rate, &has_rate, &schedule);

  gtk_label_set_label (self->number, number);
  gtk_label_set_label (self->title, title);
  gtk_label_set_label (self->departments, departments);
  gtk_label_set_label (self->figure, figure);
  gtk_widget_set_visible (GTK_WIDGET (self->figure), figure[0] != '\0');
  /* The state is a word and an icon, not a colour alone. */
  gtk_label_set_label (self->status, ms_schedule_get_label (schedule));
  gtk_image_set_from_icon_name (self->state_icon, ms_schedule_get_icon_name (schedule));
  ms_widget_set_schedule_class (GTK_WIDGET (self->status), schedule);
  ms_widget_set_schedule_class (GTK_WIDGET (self->state_icon), schedule);

  if (has_rate)
    {
      g_autofree char *percent = ms_l10n_format_percent (NULL, rate);

      gtk_label_set_label (self->rate, percent);
    }
  else
    gtk_label_set_label (self->rate, "—");

  {
    /* translators: what a screen reader reads for a project in the list: its number, short
     * title and state, such as "No. 9 建成160个以上老年助餐场所, behind" */
    g_autofree char *name = g_strdup_printf (_("No. %s %s, %s"), number, title, ms_schedule_get_label (schedule));
    GtkWidget *item = gtk_widget_get_parent (GTK_WIDGET (self));

    /* The list's item around the row is what takes the focus: both are named. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    if (item != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }

  update_highlight (self);
}

static void
ms_project_row_dispose (GObject *object)
{
  MsProjectRow *self = (MsProjectRow *)object;

  ms_project_row_set_project (self, NULL);
  ms_project_row_set_header (self, NULL, FALSE);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_PROJECT_ROW);

  G_OBJECT_CLASS (ms_project_row_parent_class)->dispose (object);
}

static void
ms_project_row_finalize (GObject *object)
{
  MsProjectRow *self = (MsProjectRow *)object;

  g_free (self->needle);

  G_OBJECT_CLASS (ms_project_row_parent_class)->finalize (object);
}

static void
ms_project_row_class_init (MsProjectRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_project_row_dispose;
  object_class->finalize = ms_project_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-project-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, header);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, number);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, title);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, departments);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, figure);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, status);
  gtk_widget_class_bind_template_child (widget_class, MsProjectRow, rate);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "projectrow");
}

static void
ms_project_row_init (MsProjectRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ms_widget_mark_chinese (GTK_WIDGET (self->header));
  ms_widget_mark_chinese (GTK_WIDGET (self->title));
  ms_widget_mark_chinese (GTK_WIDGET (self->departments));
  ms_widget_mark_chinese (GTK_WIDGET (self->figure));
}

GtkWidget *
ms_project_row_new (void)
{
  return g_object_new (MS_TYPE_PROJECT_ROW, NULL);
}

MsProject *
ms_project_row_get_project (MsProjectRow *self)
{
  g_return_val_if_fail (MS_IS_PROJECT_ROW (self), NULL);

  return self->project;
}

/**
 * ms_project_row_set_highlight:
 * @needle: (nullable): case-folded search text
 *
 * Marks where @needle occurs in the title and departments.
 */
void
ms_project_row_set_highlight (MsProjectRow *self,
                              const char   *needle)
{
  g_return_if_fail (MS_IS_PROJECT_ROW (self));

  if (g_strcmp0 (self->needle, needle) == 0)
    return;

  g_free (self->needle);
  self->needle = g_strdup (needle);
  update_highlight (self);
}

void
ms_project_row_set_project (MsProjectRow *self,
                            MsProject    *project)
{
  g_return_if_fail (MS_IS_PROJECT_ROW (self));

  if (self->project == project)
    return;

  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_handler = g_signal_connect_object (project, "changed", G_CALLBACK (update), self,
                                                     G_CONNECT_SWAPPED);
  update (self);
}

static void
update_header (MsProjectRow *self)
{
  g_autofree char *heading = NULL;

  if (self->header_group == NULL)
    {
      gtk_label_set_label (self->header, "");
      gtk_widget_set_visible (GTK_WIDGET (self->header), FALSE);
      return;
    }

  heading = ms_group_dup_heading (self->header_group);
  if (self->header_category != NULL)
    {
      g_autofree char *with_category = g_strdup_printf ("%s · %s", ms_category_get_title (self->header_category),
                                                        heading);

      gtk_label_set_label (self->header, with_category);
    }
  else
    gtk_label_set_label (self->header, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->header), TRUE);
}

/**
 * ms_project_row_set_header:
 * @group: (nullable): the group to name above this row, or %NULL for none
 * @with_category: whether to name the group's category too, as search
 *   results spanning categories need
 *
 * The heading follows renames of the group and its category.
 */
void
ms_project_row_set_header (MsProjectRow *self,
                           MsGroup      *group,
                           gboolean      with_category)
{
  MsCategory *category;

  g_return_if_fail (MS_IS_PROJECT_ROW (self));
  g_return_if_fail (group == NULL || MS_IS_GROUP (group));

  category = group != NULL && with_category ? ms_group_get_category (group) : NULL;

  if (self->header_group != group)
    {
      if (self->header_group != NULL)
        g_clear_signal_handler (&self->group_handler, self->header_group);
      g_set_object (&self->header_group, group);
      if (group != NULL)
        self->group_handler = g_signal_connect_object (group, "notify", G_CALLBACK (update_header), self,
                                                       G_CONNECT_SWAPPED);
    }
  if (self->header_category != category)
    {
      if (self->header_category != NULL)
        g_clear_signal_handler (&self->category_handler, self->header_category);
      g_set_object (&self->header_category, category);
      if (category != NULL)
        self->category_handler = g_signal_connect_object (category, "notify::title", G_CALLBACK (update_header),
                                                          self, G_CONNECT_SWAPPED);
    }

  update_header (self);
}

/* Figures are read as of the document's date: a new date or new
 * thresholds change the state of a row whose project did not change. */
void
ms_project_row_refresh (MsProjectRow *self)
{
  g_return_if_fail (MS_IS_PROJECT_ROW (self));

  update (self);
}
