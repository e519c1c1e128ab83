/* ms-check.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ms-check.h"
#include "ms-l10n.h"
#include "ms-quantity.h"

/* An actual this many times its target is more often a unit or a typing
 * error (万 left out, a decimal point lost) than a real result. */
#define FAR_ABOVE_FACTOR 5.0

/* A figure the text gives "about" (约, 余, 多, 左右) agrees with an actual
 * this close to it. */
#define ABOUT_TEXT_TOLERANCE 0.1

/* At most this many figures of the text are quoted in a message. */
#define MAX_QUOTED_FIGURES 3

/* Messages are in @language, or in the interface's when it is NULL. */
#define T(msgid) translate (language, msgid)

static const char * const kind_keys[] = {
  [MS_CHECK_COMPLETED_BELOW_TARGET] = "completed-below-target",
  [MS_CHECK_COMPLETED_NOT_REPORTED] = "completed-not-reported",
  [MS_CHECK_NOT_STARTED_WITH_FIGURES] = "not-started-with-figures",
  [MS_CHECK_COMPLETED_WITHOUT_TEXT] = "completed-without-text",
  [MS_CHECK_TEXT_DISAGREES] = "text-disagrees",
  [MS_CHECK_NO_DEPARTMENT] = "no-department",
  [MS_CHECK_OVERDUE] = "overdue",
  [MS_CHECK_PROGRESS_BACKWARDS] = "progress-backwards",
  [MS_CHECK_FAR_ABOVE_TARGET] = "far-above-target",
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_keys) == MS_N_CHECK_KINDS);

void
ms_finding_free (MsFinding *finding)
{
  if (finding == NULL)
    return;

  g_clear_object (&finding->project);
  g_clear_object (&finding->indicator);
  g_free (finding->message);
  g_free (finding);
}

/* Returns: the stable key of @kind, for scripts and files: "overdue" */
const char *
ms_check_kind_to_string (MsCheckKind kind)
{
  g_return_val_if_fail ((guint)kind < MS_N_CHECK_KINDS, NULL);

  return kind_keys[kind];
}

static const char *
translate (const char *language,
           const char *msgid) G_GNUC_FORMAT (2);

static const char *
translate (const char *language,
           const char *msgid)
{
  if (language == NULL)
    return g_dgettext (GETTEXT_PACKAGE, msgid);

  return ms_l10n_translate (language, msgid);
}

static const char *
get_severity_word (MsSeverity severity)
{
  switch (severity)
    {
    case MS_SEVERITY_NOTE:
      /* translators: the severity of a finding of the consistency check */
      return N_("note");
    case MS_SEVERITY_WARNING:
      /* translators: the severity of a finding of the consistency check */
      return N_("warning");
    case MS_SEVERITY_ERROR:
      /* translators: the severity of a finding of the consistency check */
      return N_("error");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Returns: (transfer none): the translated word for @severity */
const char *
ms_severity_get_label (MsSeverity severity)
{
  return ms_severity_get_label_in_language (severity, NULL);
}

/**
 * ms_severity_get_label_in_language:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface's
 *
 * Returns: (transfer none): the word for @severity in @language
 */
const char *
ms_severity_get_label_in_language (MsSeverity  severity,
                                   const char *language)
{
  const char *word = get_severity_word (severity);

  return word != NULL ? T (word) : NULL;
}

static void
add_finding (GPtrArray   *findings,
             MsCheckKind  kind,
             MsSeverity   severity,
             MsProject   *project,
             MsIndicator *indicator,
             char        *message)
{
  MsFinding *finding = g_new0 (MsFinding, 1);

  finding->kind = kind;
  finding->severity = severity;
  finding->project = g_object_ref (project);
  finding->indicator = indicator != NULL ? g_object_ref (indicator) : NULL;
  finding->message = message;
  g_ptr_array_add (findings, finding);
}

static guint
get_n_indicators (MsProject *project)
{
  return ms_project_get_n_indicators (project);
}

/* Returns: (transfer full): the figure with its unit, as @language (or the
 * interface's when NULL) writes it: "3.3万人", "2,529 户" */
static char *
format_figure (MsIndicator *indicator,
               const char  *language,
               double       value)
{
  return ms_l10n_format_figure (language, value, ms_indicator_get_unit (indicator));
}

static void
check_completed_below_target (GPtrArray  *findings,
                              MsProject  *project,
                              const char *language)
{
  if (ms_project_get_status (project) != MS_STATUS_COMPLETED)
    return;

  for (guint i = 0, n = get_n_indicators (project); i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      g_autofree char *actual = NULL;
      g_autofree char *target = NULL;

      if (ms_indicator_get_state (indicator) != MS_INDICATOR_UNMET)
        continue;

      actual = format_figure (indicator, language, ms_indicator_get_actual (indicator));
      target = format_figure (indicator, language, ms_indicator_get_target (indicator));
      add_finding (findings, MS_CHECK_COMPLETED_BELOW_TARGET, MS_SEVERITY_ERROR, project, indicator,
                   /* translators: the first %s is an indicator's name, then its
                    * reported figure and its target, each with a unit */
                   g_strdup_printf (T (N_("The status is completed, but indicator “%s” has not "
                                          "met its target: %s reported, %s pledged")),
                                    ms_indicator_get_name (indicator), actual, target));
    }
}

static void
check_completed_not_reported (GPtrArray  *findings,
                              MsProject  *project,
                              const char *language)
{
  if (ms_project_get_status (project) != MS_STATUS_COMPLETED)
    return;

  for (guint i = 0, n = get_n_indicators (project); i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);

      if (ms_indicator_get_has_actual (indicator))
        continue;

      add_finding (findings, MS_CHECK_COMPLETED_NOT_REPORTED, MS_SEVERITY_WARNING,
                   project, indicator,
                   /* translators: %s is an indicator's name */
                   g_strdup_printf (T (N_("The status is completed, but indicator “%s” has no "
                                          "reported figure")),
                                    ms_indicator_get_name (indicator)));
    }
}

static void
check_not_started_with_figures (GPtrArray  *findings,
                                MsProject  *project,
                                const char *language)
{
  if (ms_project_get_status (project) != MS_STATUS_NOT_STARTED)
    return;

  for (guint i = 0, n = get_n_indicators (project); i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      MsTimeline *progress = ms_indicator_get_progress (indicator);
      g_autofree char *actual = NULL;
      double figure = 0;

      if (ms_indicator_get_has_actual (indicator))
        figure = ms_indicator_get_actual (indicator);
      /* Progress reported along the year counts too, the latest first. */
      for (guint e = progress != NULL ? ms_timeline_get_n_entries (progress) : 0;
           figure == 0 && e > 0; e--)
        figure = ms_timeline_get_entry (progress, e - 1)->value;

      /* A zero reported for a project not begun is what one expects. */
      if (figure == 0)
        continue;

      actual = format_figure (indicator, language, figure);
      add_finding (findings, MS_CHECK_NOT_STARTED_WITH_FIGURES, MS_SEVERITY_WARNING,
                   project, indicator,
                   /* translators: the first %s is an indicator's name, the
                    * second its reported figure with a unit */
                   g_strdup_printf (T (N_("The status is not started, but indicator “%s” "
                                          "reports %s")),
                                    ms_indicator_get_name (indicator), actual));
    }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

static void
check_completed_without_text (GPtrArray  *findings,
                              MsProject  *project,
                              const char *language)
{
  if (ms_project_get_status (project) != MS_STATUS_COMPLETED ||
      !is_blank (ms_project_get_completion (project)))
    return;

  add_finding (findings, MS_CHECK_COMPLETED_WITHOUT_TEXT, MS_SEVERITY_WARNING, project, NULL,
               g_strdup (T (N_("The status is completed, but the completion text is empty"))));
}

/* How a unit measures: figures of one family compare once multiplied by
 * their base, the magnitude times the unit's factor (公里 is 1000 米). */
typedef struct
{
  const char *family;
  const char *unit;
  double      base;
} Measure;

/* Reads an indicator's unit ("万人次") with the text's own figure finder,
 * so that both sides of the comparison are read alike. */
static gboolean
read_measure (const char *unit,
              Measure    *measure,
              char      **unit_out)
{
  g_autofree char *probe = NULL;
  g_autoptr(GPtrArray) quantities = NULL;
  const MsQuantity *quantity;
  double factor;

  if (is_blank (unit))
    return FALSE;

  probe = g_strconcat ("1", unit, NULL);
  quantities = ms_quantity_scan (probe);
  if (quantities->len != 1)
    return FALSE;

  /* Words after the unit ("个家庭") would mean the finder read another unit. */
  quantity = g_ptr_array_index (quantities, 0);
  if (quantity->end != g_utf8_strlen (probe, -1))
    return FALSE;

  measure->family = ms_quantity_get_unit_family (quantity->unit, &factor);
  if (measure->family == NULL)
    return FALSE;

  measure->base = quantity->scale * factor;
  *unit_out = g_strdup (quantity->unit);
  measure->unit = *unit_out;

  return TRUE;
}

/* What a unit reads as, kept for the whole check: a file has few units and
 * many indicators. */
typedef struct
{
  gboolean readable;
  Measure  measure;
  char    *unit;
} KnownMeasure;

static void
known_measure_free (gpointer data)
{
  KnownMeasure *known = data;

  g_free (known->unit);
  g_free (known);
}

static GHashTable *
measures_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, known_measure_free);
}

/* Returns: (nullable): the measure of @unit, owned by @measures */
static const Measure *
lookup_measure (GHashTable *measures,
                const char *unit)
{
  KnownMeasure *known = g_hash_table_lookup (measures, unit);

  if (known == NULL)
    {
      known = g_new0 (KnownMeasure, 1);
      known->readable = read_measure (unit, &known->measure, &known->unit);
      g_hash_table_insert (measures, g_strdup (unit), known);
    }
  return known->readable ? &known->measure : NULL;
}

/* The figures of a completion text, kept on the project until its text
 * changes: the window checks every project again after each edit, and
 * reading the text is most of a check. */
typedef struct
{
  char      *text;
  GPtrArray *quantities;
} ScannedText;

static void
scanned_text_free (gpointer data)
{
  ScannedText *scanned = data;

  g_free (scanned->text);
  g_ptr_array_unref (scanned->quantities);
  g_free (scanned);
}

static GQuark
scanned_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("ms-check-scanned-completion"));
  return (GQuark)quark;
}

static GPtrArray *
scan_completion (MsProject  *project,
                 const char *text)
{
  GQuark quark = scanned_quark ();
  ScannedText *scanned;

  scanned = g_object_get_qdata (G_OBJECT (project), quark);
  if (scanned == NULL || !g_str_equal (scanned->text, text))
    {
      scanned = g_new0 (ScannedText, 1);
      scanned->text = g_strdup (text);
      scanned->quantities = ms_quantity_scan_figures (text);
      g_object_set_qdata_full (G_OBJECT (project), quark, scanned, scanned_text_free);
    }
  return g_ptr_array_ref (scanned->quantities);
}

/* "超额完成80公里的年度目标" restates the pledge; "80公里已建成" reports.
 * The words around a figure are read only for those that equal the target. */
static gboolean
restates_pledge (const char *text,
                 GPtrArray  *quantities,
                 guint       index)
{
  static const char * const pledge_words[] = { "目标", "任务", "计划" };
  const MsQuantity *quantity = g_ptr_array_index (quantities, index);

  if (quantity->before == NULL)
    ms_quantity_describe (text, quantities, index);

  for (guint i = 0; i < G_N_ELEMENTS (pledge_words); i++)
    {
      if (strstr (quantity->before, pledge_words[i]) != NULL ||
          strstr (quantity->after, pledge_words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* The smallest step the text writes @value in: 3.67 is to 0.01. */
static double
written_step (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot;

  g_ascii_formatd (buffer, sizeof buffer, "%.10g", value);
  dot = strchr (buffer, '.');
  if (dot == NULL || strchr (buffer, 'e') != NULL)
    return 1;

  return pow (10, -(double)strlen (dot + 1));
}

typedef struct
{
  const MsQuantity *quantity;
  MsComparison      comparison;
  /* In the family's common measure. */
  double            value;
  double            tolerance;
  gboolean          same_unit;
} TextFigure;

static gboolean
text_figure_agrees (const TextFigure *figure,
                    double            actual)
{
  switch (figure->comparison)
    {
    case MS_COMPARISON_AT_LEAST:
      /* "10万人次以上" agrees with any larger result. */
      return actual >= figure->value - figure->tolerance;
    case MS_COMPARISON_AT_MOST:
      return actual <= figure->value + figure->tolerance;
    case MS_COMPARISON_ABOUT:
    case MS_COMPARISON_EXACTLY:
    default:
      return fabs (actual - figure->value) <= figure->tolerance;
    }
}

static gboolean
sum_agrees (GArray   *figures,
            gboolean  same_unit_only,
            double    actual)
{
  double sum = 0;
  double tolerance = 0;
  guint n = 0;

  for (guint i = 0; i < figures->len; i++)
    {
      const TextFigure *figure = &g_array_index (figures, TextFigure, i);

      if (same_unit_only && !figure->same_unit)
        continue;
      sum += figure->value;
      tolerance += figure->tolerance;
      n++;
    }

  return n > 1 && fabs (actual - sum) <= tolerance;
}

/* Returns: (transfer full): the first figures of @figures as @text writes them */
static char *
quote_figures (const char *text,
               GArray     *figures,
               const char *language)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  gboolean same_unit_only = FALSE;
  guint n_quoted = 0;

  /* 24座 and 27座 answer for 座 better than 34个 beside them. */
  for (guint i = 0; i < figures->len; i++)
    same_unit_only |= g_array_index (figures, TextFigure, i).same_unit;

  for (guint i = 0; i < figures->len; i++)
    {
      const TextFigure *figure = &g_array_index (figures, TextFigure, i);
      g_autofree char *written = NULL;

      if (same_unit_only && !figure->same_unit)
        continue;
      if (n_quoted == MAX_QUOTED_FIGURES)
        {
          g_string_append (quoted, "…");
          break;
        }

      written = g_utf8_substring (text, figure->quantity->start, figure->quantity->end);
      if (n_quoted > 0)
        /* translators: between figures quoted from a text: "3465户、2000户" */
        g_string_append (quoted, T (N_(", ")));
      g_string_append (quoted, written);
      n_quoted++;
    }

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* The completion text and the recorded figure disagree when the text states
 * figures in the indicator's unit and none of them, nor their sum, is the
 * actual. Texts repeat the pledge ("超额完成80公里的年度目标,新建113.9公里"):
 * the target's figure next to 目标, 任务 or 计划 says nothing about the result. */
static void
check_text_disagrees (GPtrArray  *findings,
                      MsProject  *project,
                      GHashTable *measures,
                      const char *language)
{
  const char *text = ms_project_get_completion (project);
  g_autoptr(GPtrArray) quantities = NULL;

  if (is_blank (text))
    return;

  quantities = scan_completion (project, text);

  for (guint i = 0, n = get_n_indicators (project); i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      g_autoptr(GArray) figures = NULL;
      g_autofree char *quoted = NULL;
      g_autofree char *recorded = NULL;
      gboolean agrees = FALSE;
      const Measure *found_measure;
      Measure measure;
      double actual;
      double actual_tolerance;
      double target;

      if (!ms_indicator_get_has_actual (indicator) ||
          (found_measure = lookup_measure (measures, ms_indicator_get_unit (indicator))) == NULL)
        continue;
      measure = *found_measure;
      figures = g_array_new (FALSE, FALSE, sizeof (TextFigure));

      actual = ms_indicator_get_actual (indicator) * measure.base;
      target = ms_indicator_get_target (indicator) * measure.base;
      /* The record may be the rounder one: 3.7万人 for 36573人. */
      actual_tolerance = written_step (ms_indicator_get_actual (indicator)) * measure.base / 2;

      for (guint q = 0; q < quantities->len; q++)
        {
          const MsQuantity *quantity = g_ptr_array_index (quantities, q);
          const char *family;
          double factor;
          TextFigure figure;

          if (quantity->descriptive)
            continue;
          family = ms_quantity_get_unit_family (quantity->unit, &factor);
          if (g_strcmp0 (family, measure.family) != 0)
            continue;

          figure.quantity = quantity;
          figure.comparison = quantity->comparison;
          /* A report that a figure "reached" (达, 达到) 3465户 states it. */
          if (g_str_has_prefix (g_utf8_offset_to_pointer (text, quantity->start), "达"))
            figure.comparison = MS_COMPARISON_EXACTLY;
          figure.value = quantity->value * quantity->scale * factor;
          /* Rounded as written: 3.67万人 stands for 36 650 to 36 749. */
          figure.tolerance = written_step (quantity->value) * quantity->scale * factor / 2;
          if (quantity->comparison == MS_COMPARISON_ABOUT)
            figure.tolerance = MAX (figure.tolerance, fabs (figure.value) * ABOUT_TEXT_TOLERANCE);
          figure.tolerance = MAX (figure.tolerance, actual_tolerance);
          figure.tolerance = MAX (figure.tolerance, fabs (figure.value) * 1e-9);
          figure.same_unit = g_str_equal (quantity->unit, measure.unit);

          if (text_figure_agrees (&figure, actual))
            {
              agrees = TRUE;
              break;
            }
          if (fabs (figure.value - target) <= figure.tolerance && restates_pledge (text, quantities, q))
            continue;

          g_array_append_val (figures, figure);
        }

      /* Reports give one total in parts: 新建热交换站24座 … 新建热交换站27座. */
      if (agrees || figures->len == 0 || sum_agrees (figures, TRUE, actual) ||
          sum_agrees (figures, FALSE, actual))
        continue;

      quoted = quote_figures (text, figures, language);
      recorded = format_figure (indicator, language, ms_indicator_get_actual (indicator));
      add_finding (findings, MS_CHECK_TEXT_DISAGREES, MS_SEVERITY_WARNING, project, indicator,
                   /* translators: the first %s are figures quoted from the
                    * completion text, then an indicator's name and its
                    * reported figure with a unit */
                   g_strdup_printf (T (N_("The completion text gives %s, but indicator “%s” "
                                          "records %s")),
                                    quoted, ms_indicator_get_name (indicator), recorded));
    }
}

static void
check_no_department (GPtrArray  *findings,
                     MsProject  *project,
                     const char *language)
{
  const char * const *departments = ms_project_get_departments (project);

  if (departments != NULL)
    {
      for (guint i = 0; departments[i] != NULL; i++)
        {
          if (!is_blank (departments[i]))
            return;
        }
    }

  add_finding (findings, MS_CHECK_NO_DEPARTMENT, MS_SEVERITY_WARNING, project, NULL,
               g_strdup (T (N_("No responsible department is named"))));
}

static void
check_overdue (GPtrArray               *findings,
               MsProject               *project,
               const MsScheduleContext *context,
               const char              *language)
{
  MsDate deadline = ms_schedule_context_get_deadline (context, project);
  char as_of_text[MS_DATE_BUFSIZE];
  char deadline_text[MS_DATE_BUFSIZE];

  if (deadline == MS_DATE_NONE || context->as_of == MS_DATE_NONE || context->as_of <= deadline)
    return;
  if (ms_project_get_status (project) == MS_STATUS_COMPLETED || ms_project_get_all_met (project))
    return;

  ms_date_format (as_of_text, sizeof as_of_text, context->as_of);
  ms_date_format (deadline_text, sizeof deadline_text, deadline);
  add_finding (findings, MS_CHECK_OVERDUE, MS_SEVERITY_ERROR, project, NULL,
               /* translators: the first %s is a deadline, the second the
                * date the figures are read on, both as 2024-12-31 */
               g_strdup_printf (T (N_("The deadline %s has passed on %s, and the project is "
                                      "neither completed nor has it met every target")),
                                deadline_text, as_of_text));
}

static void
check_progress_backwards (GPtrArray  *findings,
                          MsProject  *project,
                          const char *language)
{
  for (guint i = 0, n = get_n_indicators (project); i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      MsTimeline *progress = ms_indicator_get_progress (indicator);

      /* Falling figures are progress for an upper bound (降至, 控制在). */
      if (progress == NULL || ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST)
        continue;

      for (guint e = 1; e < ms_timeline_get_n_entries (progress); e++)
        {
          const MsTimelineEntry *before = ms_timeline_get_entry (progress, e - 1);
          const MsTimelineEntry *after = ms_timeline_get_entry (progress, e);
          char before_date[MS_DATE_BUFSIZE];
          char after_date[MS_DATE_BUFSIZE];
          g_autofree char *before_value = NULL;
          g_autofree char *after_value = NULL;

          if (after->value >= before->value)
            continue;

          ms_date_format (before_date, sizeof before_date, before->date);
          ms_date_format (after_date, sizeof after_date, after->date);
          before_value = format_figure (indicator, language, before->value);
          after_value = format_figure (indicator, language, after->value);
          add_finding (findings, MS_CHECK_PROGRESS_BACKWARDS, MS_SEVERITY_WARNING,
                       project, indicator,
                       /* translators: an indicator's name, then a figure and its
                        * date (2024-06-30), then a smaller figure and a later date */
                       g_strdup_printf (T (N_("The progress of indicator “%s” falls from %s on "
                                              "%s to %s on %s")),
                                        ms_indicator_get_name (indicator), before_value,
                                        before_date, after_value, after_date));
          /* The first fall names the fault; later ones usually follow from it. */
          break;
        }
    }
}

static void
check_far_above_target (GPtrArray  *findings,
                        MsProject  *project,
                        const char *language)
{
  for (guint i = 0, n = get_n_indicators (project); i < n; i++)
    {
      MsIndicator *indicator = ms_project_get_indicator (project, i);
      double target = ms_indicator_get_target (indicator);
      double actual = ms_indicator_get_actual (indicator);
      g_autofree char *actual_text = NULL;
      g_autofree char *target_text = NULL;

      /* Above an upper bound is a shortfall, reported as such elsewhere. */
      if (!ms_indicator_get_has_actual (indicator) || target <= 0 ||
          ms_indicator_get_comparison (indicator) == MS_COMPARISON_AT_MOST ||
          actual <= target * FAR_ABOVE_FACTOR)
        continue;

      actual_text = format_figure (indicator, language, actual);
      target_text = format_figure (indicator, language, target);
      add_finding (findings, MS_CHECK_FAR_ABOVE_TARGET, MS_SEVERITY_WARNING, project, indicator,
                   /* translators: an indicator's name, then its reported figure
                    * and its target, each with a unit */
                   g_strdup_printf (T (N_("Indicator “%s” reports %s, more than five times its "
                                          "target of %s: check the unit and the figure")),
                                    ms_indicator_get_name (indicator), actual_text, target_text));
    }
}

static void
check_project (GPtrArray               *findings,
               MsProject               *project,
               const MsScheduleContext *context,
               GHashTable              *measures,
               const char              *language)
{
  /* In the order of MsCheckKind, which is the order findings are listed in. */
  check_completed_below_target (findings, project, language);
  check_completed_not_reported (findings, project, language);
  check_not_started_with_figures (findings, project, language);
  check_completed_without_text (findings, project, language);
  check_text_disagrees (findings, project, measures, language);
  check_no_department (findings, project, language);
  check_overdue (findings, project, context, language);
  check_progress_backwards (findings, project, language);
  check_far_above_target (findings, project, language);
}

/**
 * ms_check_project:
 * @context: the date and period to check on
 *
 * Looks for contradictions in @project: a status its figures do not bear
 * out, a completion text that gives other figures than the ones recorded,
 * missing answers and figures that are likely typing errors.
 *
 * Returns: (transfer full) (element-type MsFinding): the findings, in the
 *   order of #MsCheckKind
 */
GPtrArray *
ms_check_project (MsProject               *project,
                  const MsScheduleContext *context)
{
  return ms_check_project_in_language (project, context, NULL);
}

/**
 * ms_check_project_in_language:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface's
 *
 * Like ms_check_project(), with the messages in @language: a printed
 * report may be in another language than the interface.
 *
 * Returns: (transfer full) (element-type MsFinding): the findings
 */
GPtrArray *
ms_check_project_in_language (MsProject               *project,
                              const MsScheduleContext *context,
                              const char              *language)
{
  g_autoptr(GHashTable) measures = NULL;
  GPtrArray *findings;

  g_return_val_if_fail (MS_IS_PROJECT (project), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_finding_free);
  measures = measures_new ();
  check_project (findings, project, context, measures, language);

  return findings;
}

/**
 * ms_check_scope:
 * @scope: a document, category, group or project
 * @context: the date and period to check on
 *
 * Returns: (transfer full) (element-type MsFinding): the findings of every
 *   project in @scope, in file order, each project's in the order of
 *   #MsCheckKind
 */
GPtrArray *
ms_check_scope (MsNode                  *scope,
                const MsScheduleContext *context)
{
  return ms_check_scope_in_language (scope, context, NULL);
}

/**
 * ms_check_scope_in_language:
 * @language: (nullable): "zh_CN", "en", or %NULL for the interface's
 *
 * Like ms_check_scope(), with the messages in @language.
 *
 * Returns: (transfer full) (element-type MsFinding): the findings
 */
/* A scope of many projects is checked in slices, one a processor: each
 * project is read by one thread only, and the findings come back in file
 * order. */
#define SLICE_MIN_PROJECTS 1000
#define MAX_SLICES 4

typedef struct
{
  GPtrArray               *projects;
  guint                    first;
  guint                    end;
  const MsScheduleContext *context;
  const char              *language;
  GPtrArray               *findings;
} Slice;

static gpointer
check_slice (gpointer data)
{
  Slice *slice = data;
  g_autoptr(GHashTable) measures = measures_new ();

  for (guint i = slice->first; i < slice->end; i++)
    check_project (slice->findings, g_ptr_array_index (slice->projects, i), slice->context, measures,
                   slice->language);
  return NULL;
}

GPtrArray *
ms_check_scope_in_language (MsNode                  *scope,
                            const MsScheduleContext *context,
                            const char              *language)
{
  g_autoptr(GPtrArray) projects = NULL;
  GPtrArray *findings;
  Slice slices[MAX_SLICES];
  GThread *threads[MAX_SLICES] = { NULL };
  guint n_slices;

  g_return_val_if_fail (MS_IS_NODE (scope), NULL);
  g_return_val_if_fail (context != NULL, NULL);

  findings = g_ptr_array_new_with_free_func ((GDestroyNotify)ms_finding_free);
  projects = ms_node_collect_projects (scope);
  n_slices = projects->len >= SLICE_MIN_PROJECTS ? CLAMP (g_get_num_processors (), 1, MAX_SLICES) : 1;
  /* What the threads share is made before them. */
  scanned_quark ();
  ms_l10n_get_system_language ();

  for (guint s = 0; s < n_slices; s++)
    {
      slices[s].projects = projects;
      slices[s].first = projects->len * s / n_slices;
      slices[s].end = projects->len * (s + 1) / n_slices;
      slices[s].context = context;
      slices[s].language = language;
      slices[s].findings = s == 0 ? findings : g_ptr_array_new_with_free_func ((GDestroyNotify)ms_finding_free);
      if (s > 0)
        threads[s] = g_thread_new ("ms-check", check_slice, &slices[s]);
    }
  check_slice (&slices[0]);

  for (guint s = 1; s < n_slices; s++)
    {
      g_thread_join (threads[s]);
      /* Moved, not copied: the findings now belong to @findings. */
      g_ptr_array_set_free_func (slices[s].findings, NULL);
      g_ptr_array_extend_and_steal (findings, slices[s].findings);
    }

  return findings;
}
