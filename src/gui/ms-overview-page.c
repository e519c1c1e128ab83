/* ms-overview-page.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-overview-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ms-binder.h"
#include "ms-chart-panel.h"
#include "ms-gui-util.h"
#include "ms-l10n.h"
#include "ms-check.h"
#include "ms-overview-page.h"
#include "ms-project-list.h"

/* Projects, then one card a schedule state, most urgent first. */
#define N_FIGURES (1 + MS_N_SCHEDULES)
/* The needs-attention list shows this many; a button lists them all. */
#define ATTENTION_ROWS 10

/* Headline figures and the overview charts, and the file's own details. */
struct _MsOverviewPage
{
  GtkWidget      parent_instance;

  MsDocument    *document;
  /* The file's own details, bound through the history. */
  MsBinder      *binder;
  /* The document's edits, reporting date and thresholds. */
  GSignalGroup  *document_signals;
  guint          attention_idle;
  /* Changed while not shown: counted again when shown. */
  gboolean       stale;
  GtkLabel      *figure_values[N_FIGURES];
  GtkLabel      *figure_captions[N_FIGURES];

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkFlowBox    *figures_box;
  AdwPreferencesGroup *attention_group;
  GtkListBox    *attention_list;
  GtkButton     *attention_more;
  MsChartPanel  *overview_chart;
  MsChartPanel  *rates_chart;
  AdwEntryRow   *title_row;
  AdwEntryRow   *region_row;
  GtkSpinButton *year_spin;
  AdwEntryRow   *period_start_row;
  AdwEntryRow   *period_end_row;
  AdwActionRow  *as_of_row;
  AdwEntryRow   *issuer_row;
  AdwEntryRow   *issued_row;
  GtkTextView   *intro_view;
  GtkTextBuffer *intro_buffer;
};

G_DEFINE_FINAL_TYPE (MsOverviewPage, ms_overview_page, GTK_TYPE_WIDGET)

enum {
  PROJECT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The headline cards: each counts projects one way, the way the project
 * list filters them and `minsheng-cli summary` counts them. */
static void
refresh (MsOverviewPage *self)
{
  g_autofree char *subtitle = NULL;
  MsScheduleContext context;
  MsScheduleCounts counts = { 0 };

  if (self->document == NULL)
    return;

  ms_schedule_context_init (&context, self->document, MS_DATE_NONE);
  ms_schedule_count (MS_NODE (self->document), &context, &counts);

  gtk_label_set_label (self->title_label, ms_document_get_title (self->document)[0]
                                          ? ms_document_get_title (self->document) : _("Untitled"));
  if (ms_document_get_as_of (self->document) != MS_DATE_NONE)
    {
      g_autofree char *as_of = ms_date_to_string (ms_document_get_as_of (self->document));

      /* translators: region, year and reporting date, such as "漯河市 · 2024 · as of 2024-06-30" */
      subtitle = g_strdup_printf (_("%s · %d · as of %s"), ms_document_get_region (self->document),
                                  ms_document_get_year (self->document), as_of);
    }
  else
    /* translators: region and year of a year-end report, such as "漯河市 · 2024 · year-end" */
    subtitle = g_strdup_printf (_("%s · %d · year-end"), ms_document_get_region (self->document),
                                ms_document_get_year (self->document));
  gtk_label_set_label (self->subtitle_label, subtitle);
  if (ms_document_get_as_of (self->document) != MS_DATE_NONE)
    {
      g_autofree char *as_of = ms_date_to_string (ms_document_get_as_of (self->document));

      adw_action_row_set_subtitle (self->as_of_row, as_of);
    }
  else
    adw_action_row_set_subtitle (self->as_of_row, _("None: a year-end report, read as of the end of the period"));

  gtk_label_set_label (self->figure_captions[0],
                       g_dngettext (GETTEXT_PACKAGE, "project", "projects", counts.n_projects));
  for (guint i = 0; i < N_FIGURES; i++)
    {
      guint count = i == 0 ? counts.n_projects : counts.n_by_schedule[i - 1];
      g_autofree char *value = g_strdup_printf ("%u", count);
      GtkWidget *card = gtk_widget_get_ancestor (GTK_WIDGET (self->figure_values[i]), GTK_TYPE_BUTTON);
      g_autofree char *name = NULL;

      gtk_label_set_label (self->figure_values[i], value);
      /* translators: what a screen reader reads for a headline card: its count, then what it
       * counts, such as "3 overdue" or "43 projects" */
      name = g_strdup_printf (_("%s %s"), value, gtk_label_get_label (self->figure_captions[i]));
      /* The card and the cell around it are named by what they show. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (card)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

typedef struct
{
  MsProject *project;
  MsSchedule schedule;
  /* (owned): where it stands, in words */
  char      *state;
  /* (nullable) (owned): the first finding's message */
  char      *finding;
  guint      n_findings;
  guint      rank;
} Attention;

static void
attention_clear (gpointer data)
{
  Attention *item = data;

  g_free (item->finding);
  g_free (item->state);
}

/* Overdue, at risk, behind, then inconsistent figures, then not reported. */
static guint
attention_rank (MsSchedule schedule,
                guint      n_findings)
{
  switch (schedule)
    {
    case MS_SCHEDULE_OVERDUE:
      return 0;
    case MS_SCHEDULE_AT_RISK:
      return 1;
    case MS_SCHEDULE_BEHIND:
      return 2;
    case MS_SCHEDULE_NOT_REPORTED:
      return n_findings > 0 ? 3 : 4;
    case MS_SCHEDULE_ON_TRACK:
    case MS_SCHEDULE_DONE:
    default:
      return n_findings > 0 ? 3 : G_MAXUINT;
    }
}

static int
compare_attention (gconstpointer a,
                   gconstpointer b)
{
  const Attention *x = a;
  const Attention *y = b;

  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static GtkWidget *
create_attention_row (Attention *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (ms_schedule_get_icon_name (item->schedule));
  MsGroup *group = ms_project_get_group (item->project);
  MsCategory *category = group != NULL ? MS_CATEGORY (ms_node_get_parent (MS_NODE (group))) : NULL;
  g_autofree char *short_title = ms_project_dup_short_title (item->project);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  /* translators: a project in a list: category, number and title, such as "市重点民生实事 3 · 新建…" */
  title = g_strdup_printf (_("%s %u · %s"), category != NULL ? ms_category_get_title (category) : "",
                           ms_project_get_number (item->project), short_title);
  if (item->finding != NULL && item->n_findings > 1)
    /* translators: where a project stands, its first finding and how many more, such as
     * "Behind · 职业技能培训 57.5%, expected by now 74.7% · No responsible department is named (and 2 more)" */
    subtitle = g_strdup_printf (_("%s · %s (and %u more)"), item->state, item->finding, item->n_findings - 1);
  else if (item->finding != NULL)
    /* translators: where a project stands and a finding, such as "On track · No responsible department is named" */
    subtitle = g_strdup_printf (_("%s · %s"), item->state, item->finding);
  else
    subtitle = g_strdup (item->state);

  /* File text: never parsed as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  ms_widget_set_schedule_class (icon, item->schedule);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  ms_widget_mark_chinese (row);
  g_object_set_data_full (G_OBJECT (row), "ms-project", g_object_ref (item->project), g_object_unref);
  return row;
}

/* The lagging and inconsistent projects, most urgent first. */
static gboolean
update_attention (gpointer user_data)
{
  MsOverviewPage *self = user_data;
  g_autoptr(GArray) items = g_array_new (FALSE, TRUE, sizeof (Attention));
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autofree char *more = NULL;
  MsScheduleContext context;
  GtkWidget *child;
  guint n_lagging = 0;

  self->attention_idle = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);
  if (self->document == NULL)
    return G_SOURCE_REMOVE;

  g_array_set_clear_func (items, attention_clear);
  ms_schedule_context_init (&context, self->document, MS_DATE_NONE);
  projects = ms_node_collect_projects (MS_NODE (self->document));
  /* In file order, as the projects: each project's findings follow on. */
  findings = ms_check_scope (MS_NODE (self->document), &context);
  for (guint i = 0, f = 0; i < projects->len; i++)
    {
      MsProject *project = g_ptr_array_index (projects, i);
      guint first_finding = f;
      Attention item = { project, ms_project_get_schedule (project, &context, NULL), NULL, NULL, 0, 0 };

      while (f < findings->len && ((MsFinding *)g_ptr_array_index (findings, f))->project == project)
        f++;
      item.n_findings = f - first_finding;
      item.rank = attention_rank (item.schedule, item.n_findings);
      if (item.rank == G_MAXUINT)
        continue;
      item.state = ms_project_dup_schedule_text (project, &context, FALSE);
      if (item.n_findings > 0)
        item.finding = g_strdup (((MsFinding *)g_ptr_array_index (findings, first_finding))->message);
      if (ms_schedule_is_lagging (item.schedule))
        n_lagging++;
      g_array_append_val (items, item);
    }
  /* Stable: projects keep file order within a rank. */
  g_array_sort (items, compare_attention);

  for (guint i = 0; i < items->len && i < ATTENTION_ROWS; i++)
    gtk_list_box_append (self->attention_list, create_attention_row (&g_array_index (items, Attention, i)));

  if (items->len == 0)
    adw_preferences_group_set_description (self->attention_group,
                                           _("Every project is on track or done, and its figures agree."));
  else
    adw_preferences_group_set_description (self->attention_group, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_list), items->len > 0);

  /* translators: the button under the needs-attention list */
  more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "List the %u lagging project",
                                       "List all %u lagging projects", n_lagging), n_lagging);
  gtk_button_set_label (self->attention_more, more);
  gtk_widget_set_visible (GTK_WIDGET (self->attention_more), n_lagging > 0);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (typing, an undo, a paste): the list is made once
 * they pause, and only while the page is shown. */
static void
queue_attention (MsOverviewPage *self)
{
  g_clear_handle_id (&self->attention_idle, g_source_remove);
  self->attention_idle = g_timeout_add_full (G_PRIORITY_LOW, 300, update_attention, self, NULL);
}

static void
on_document_changed_cb (MsOverviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  refresh (self);
  queue_attention (self);
}

static void
ms_overview_page_map (GtkWidget *widget)
{
  MsOverviewPage *self = MS_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (ms_overview_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
      queue_attention (self);
    }
}

static void
on_chart_project_activated_cb (MsOverviewPage *self,
                               MsProject      *project)
{
  g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

static void
on_attention_row_activated_cb (MsOverviewPage *self,
                               GtkListBoxRow  *row)
{
  MsProject *project = g_object_get_data (G_OBJECT (row), "ms-project");

  if (project != NULL)
    g_signal_emit (self, signals[PROJECT_ACTIVATED], 0, project);
}

static void
on_focus_leave_cb (MsOverviewPage *self)
{
  ms_binder_sync (self->binder);
}

/* A card shows a count and lists what it counts when clicked. */
static GtkWidget *
make_figure (GtkLabel   **value,
             GtkLabel   **caption_label,
             const char  *caption,
             const char  *icon_name,
             const char  *style_class,
             int          filter_by)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (caption);

  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "figure-card");
  gtk_widget_add_css_class (number, "title-1");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (text, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  /* Narrow captions wrap, so the cards fit on a line or two. */
  gtk_label_set_max_width_chars (GTK_LABEL (text), 12);
  gtk_label_set_width_chars (GTK_LABEL (text), 8);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (icon, style_class);
      gtk_box_append (GTK_BOX (top), icon);
    }
  gtk_box_append (GTK_BOX (top), number);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), text);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-filtered");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", filter_by);
  *value = GTK_LABEL (number);
  *caption_label = GTK_LABEL (text);

  return button;
}

static void
ms_overview_page_dispose (GObject *object)
{
  MsOverviewPage *self = (MsOverviewPage *)object;

  ms_overview_page_set_document (self, NULL, NULL);
  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->binder);
  g_clear_object (&self->document_signals);

  G_OBJECT_CLASS (ms_overview_page_parent_class)->dispose (object);
}

static void
ms_overview_page_class_init (MsOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_overview_page_dispose;
  widget_class->map = ms_overview_page_map;

  g_type_ensure (MS_TYPE_CHART_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, attention_group);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, attention_list);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, attention_more);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, overview_chart);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, rates_chart);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, region_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, period_start_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, period_end_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, issued_row);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, intro_view);
  gtk_widget_class_bind_template_child (widget_class, MsOverviewPage, intro_buffer);
  gtk_widget_class_bind_template_callback (widget_class, on_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attention_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_project_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * MsOverviewPage::project-activated:
   * @project: the project chosen in the needs-attention list
   */
  signals[PROJECT_ACTIVATED] = g_signal_new ("project-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 1, MS_TYPE_PROJECT);
}

static void
ms_overview_page_init (MsOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ms_widget_drop_label_relations (GTK_WIDGET (self));

  for (guint i = 0; i < N_FIGURES; i++)
    {
      const char *caption = i == 0 ? _("projects") : ms_schedule_get_label (i - 1);
      const char *icon_name = i == 0 ? NULL : ms_schedule_get_icon_name (i - 1);
      const char *style_class = i == 0 ? NULL : ms_schedule_get_style_class (i - 1);
      int filter_by = i == 0 ? MS_PROJECT_FILTER_ALL : MS_PROJECT_FILTER_SCHEDULE (i - 1);

      gtk_flow_box_append (self->figures_box, make_figure (&self->figure_values[i], &self->figure_captions[i],
                                                           caption, icon_name, style_class, filter_by));
      /* The card's button takes the focus, not the box around it. */
      gtk_widget_set_focusable (GTK_WIDGET (gtk_flow_box_get_child_at_index (self->figures_box, (int)i)), FALSE);
    }
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->attention_more), "i", MS_PROJECT_FILTER_LAGGING);

  ms_widget_mark_chinese (GTK_WIDGET (self->title_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->subtitle_label));
  ms_widget_mark_chinese (GTK_WIDGET (self->title_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->region_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->issuer_row));
  ms_widget_mark_chinese (GTK_WIDGET (self->intro_view));

  self->document_signals = g_signal_group_new (MS_TYPE_DOCUMENT);
  g_signal_group_connect_swapped (self->document_signals, "changed", G_CALLBACK (on_document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::as-of", G_CALLBACK (on_document_changed_cb), self);
  g_signal_group_connect_swapped (self->document_signals, "notify::thresholds", G_CALLBACK (on_document_changed_cb),
                                  self);

  self->binder = ms_binder_new ();
  ms_binder_bind (self->binder, "title", self->title_row, "text", N_("Edit Title"));
  ms_binder_bind (self->binder, "region", self->region_row, "text", N_("Edit Region"));
  ms_binder_bind (self->binder, "year", self->year_spin, "value", N_("Edit Year"));
  ms_binder_bind_full (self->binder, "period-start", self->period_start_row, "text", N_("Edit Period"),
                       MS_BINDER_DEFAULT, &ms_binder_date, NULL);
  ms_binder_bind_full (self->binder, "period-end", self->period_end_row, "text", N_("Edit Period"),
                       MS_BINDER_DEFAULT, &ms_binder_date, NULL);
  ms_binder_bind (self->binder, "intro", self->intro_buffer, "text", N_("Edit Introduction"));
  ms_binder_bind (self->binder, "issuer", self->issuer_row, "text", N_("Edit Issuing Office"));
  ms_binder_bind_full (self->binder, "issued", self->issued_row, "text", N_("Edit Date Issued"),
                       MS_BINDER_DEFAULT, &ms_binder_date, NULL);
}

void
ms_overview_page_set_document (MsOverviewPage *self,
                               MsDocument     *document,
                               MsHistory      *history)
{
  g_return_if_fail (MS_IS_OVERVIEW_PAGE (self));

  if (self->document_signals != NULL)
    g_signal_group_set_target (self->document_signals, document);
  g_clear_handle_id (&self->attention_idle, g_source_remove);
  self->stale = FALSE;
  g_set_object (&self->document, document);
  if (self->binder != NULL)
    {
      ms_binder_set_history (self->binder, history);
      ms_binder_set_source (self->binder, document);
    }

  ms_chart_panel_set_node (self->overview_chart, document ? MS_NODE (document) : NULL);
  ms_chart_panel_set_node (self->rates_chart, document ? MS_NODE (document) : NULL);

  if (document != NULL)
    {
      refresh (self);
      /* The list of lagging projects comes just after the page shows. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        queue_attention (self);
      else
        self->stale = TRUE;
    }
}

/**
 * ms_overview_page_get_chart:
 *
 * Returns: (transfer none): the overview chart
 */
GtkWidget *
ms_overview_page_get_chart (MsOverviewPage *self)
{
  g_return_val_if_fail (MS_IS_OVERVIEW_PAGE (self), NULL);

  return GTK_WIDGET (ms_chart_panel_get_view (self->overview_chart));
}

/* For tests: the text of headline figure @index (0 projects, then each MsSchedule + 1). */
char *
ms_overview_page_dup_figure (MsOverviewPage *self,
                             guint           index)
{
  g_return_val_if_fail (MS_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (index < N_FIGURES, NULL);

  return g_strdup (gtk_label_get_label (self->figure_values[index]));
}
