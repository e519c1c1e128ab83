/* ms-indicator.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-indicator"

#include "config.h"

#include <math.h>

#include "ms-enums.h"
#include "ms-indicator.h"
#include "ms-node-private.h"

/* An "about" target counts as met within this share below it. */
#define ABOUT_TOLERANCE 0.05

struct _MsIndicator
{
  MsNode        parent_instance;

  char         *name;
  char         *unit;
  double        target;
  double        actual;
  gboolean      has_actual;
  MsComparison  comparison;
  /* (nullable): reported figures by date; the last is @actual */
  MsTimeline   *progress;
  /* (nullable): planned figures by date (milestones) */
  MsTimeline   *plan;
};

G_DEFINE_FINAL_TYPE (MsIndicator, ms_indicator, MS_TYPE_NODE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_UNIT,
  PROP_TARGET,
  PROP_ACTUAL,
  PROP_HAS_ACTUAL,
  PROP_COMPARISON,
  PROP_PROGRESS,
  PROP_PLAN,
  PROP_HAS_RATE,
  PROP_RATE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
notify_derived (MsIndicator *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
ms_indicator_finalize (GObject *object)
{
  MsIndicator *self = (MsIndicator *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->progress, ms_timeline_unref);
  g_clear_pointer (&self->plan, ms_timeline_unref);

  G_OBJECT_CLASS (ms_indicator_parent_class)->finalize (object);
}

static void
ms_indicator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MsIndicator *self = MS_INDICATOR (object);
  double rate = 0;

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_TARGET:
      g_value_set_double (value, self->target);
      break;
    case PROP_ACTUAL:
      g_value_set_double (value, self->actual);
      break;
    case PROP_HAS_ACTUAL:
      g_value_set_boolean (value, self->has_actual);
      break;
    case PROP_COMPARISON:
      g_value_set_enum (value, self->comparison);
      break;
    case PROP_PROGRESS:
      g_value_set_boxed (value, self->progress);
      break;
    case PROP_PLAN:
      g_value_set_boxed (value, self->plan);
      break;
    case PROP_HAS_RATE:
      g_value_set_boolean (value, ms_indicator_get_rate (self, NULL));
      break;
    case PROP_RATE:
      ms_indicator_get_rate (self, &rate);
      g_value_set_double (value, rate);
      break;
    case PROP_STATE:
      g_value_set_int (value, ms_indicator_get_state (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_indicator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  MsIndicator *self = MS_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_NAME:
      ms_indicator_set_name (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      ms_indicator_set_unit (self, g_value_get_string (value));
      break;
    case PROP_TARGET:
      ms_indicator_set_target (self, g_value_get_double (value));
      break;
    case PROP_ACTUAL:
      ms_indicator_set_actual (self, g_value_get_double (value));
      break;
    case PROP_HAS_ACTUAL:
      if (!g_value_get_boolean (value))
        ms_indicator_clear_actual (self);
      else
        ms_indicator_set_actual (self, self->actual);
      break;
    case PROP_COMPARISON:
      ms_indicator_set_comparison (self, g_value_get_enum (value));
      break;
    case PROP_PROGRESS:
      ms_indicator_set_progress (self, g_value_get_boxed (value));
      break;
    case PROP_PLAN:
      ms_indicator_set_plan (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_indicator_class_init (MsIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags derived = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | MS_PARAM_NOT_CONTENT;

  object_class->finalize = ms_indicator_finalize;
  object_class->get_property = ms_indicator_get_property;
  object_class->set_property = ms_indicator_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", rw);
  /* GObject refuses values outside the range, NaN included, with a warning,
   * before they reach the setters. */
  properties[PROP_TARGET] = g_param_spec_double ("target", NULL, NULL,
                                                 0, MS_FIGURE_MAX, 0, rw);
  properties[PROP_ACTUAL] = g_param_spec_double ("actual", NULL, NULL,
                                                 0, MS_FIGURE_MAX, 0, rw);
  properties[PROP_HAS_ACTUAL] = g_param_spec_boolean ("has-actual", NULL, NULL, FALSE, rw);
  properties[PROP_COMPARISON] = g_param_spec_enum ("comparison", NULL, NULL,
                                                   MS_TYPE_COMPARISON,
                                                   MS_COMPARISON_AT_LEAST, rw);
  properties[PROP_PROGRESS] = g_param_spec_boxed ("progress", NULL, NULL, MS_TYPE_TIMELINE, rw);
  properties[PROP_PLAN] = g_param_spec_boxed ("plan", NULL, NULL, MS_TYPE_TIMELINE, rw);
  properties[PROP_HAS_RATE] = g_param_spec_boolean ("has-rate", NULL, NULL, FALSE, derived);
  properties[PROP_RATE] = g_param_spec_double ("rate", NULL, NULL,
                                               0, G_MAXDOUBLE, 0, derived);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL,
                                             MS_INDICATOR_UNREPORTED, MS_INDICATOR_UNMET,
                                             MS_INDICATOR_UNREPORTED, derived);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_indicator_init (MsIndicator *self)
{
  self->name = g_strdup ("");
  self->unit = g_strdup ("");
  self->comparison = MS_COMPARISON_AT_LEAST;
}

MsIndicator *
ms_indicator_new (void)
{
  return g_object_new (MS_TYPE_INDICATOR, NULL);
}

const char *
ms_indicator_get_name (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), NULL);

  return self->name;
}

void
ms_indicator_set_name (MsIndicator *self,
                       const char  *name)
{
  g_return_if_fail (MS_IS_INDICATOR (self));

  if (_ms_set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ms_indicator_get_unit (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), NULL);

  return self->unit;
}

void
ms_indicator_set_unit (MsIndicator *self,
                       const char  *unit)
{
  g_return_if_fail (MS_IS_INDICATOR (self));

  if (_ms_set_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

double
ms_indicator_get_target (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), 0);

  return self->target;
}

void
ms_indicator_set_target (MsIndicator *self,
                         double       target)
{
  g_return_if_fail (MS_IS_INDICATOR (self));
  /* Readers and importers check figures first; this is a programming error. */
  g_return_if_fail (ms_figure_is_plausible (target));

  if (target == self->target)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->target = target;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TARGET]);
  notify_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ms_indicator_get_has_actual (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), FALSE);

  return self->has_actual;
}

/* Returns: the reported figure, or 0 when ms_indicator_get_has_actual() is FALSE */
double
ms_indicator_get_actual (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), 0);

  return self->has_actual ? self->actual : 0;
}

void
ms_indicator_set_actual (MsIndicator *self,
                         double       actual)
{
  g_return_if_fail (MS_IS_INDICATOR (self));
  /* Readers and importers check figures first; this is a programming error. */
  g_return_if_fail (ms_figure_is_plausible (actual));

  if (self->has_actual && actual == self->actual)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->actual = actual;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL]);
  if (!self->has_actual)
    {
      self->has_actual = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ACTUAL]);
    }
  notify_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

void
ms_indicator_clear_actual (MsIndicator *self)
{
  g_return_if_fail (MS_IS_INDICATOR (self));

  if (!self->has_actual)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->has_actual = FALSE;
  self->actual = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_ACTUAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTUAL]);
  notify_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

MsComparison
ms_indicator_get_comparison (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), MS_COMPARISON_AT_LEAST);

  return self->comparison;
}

void
ms_indicator_set_comparison (MsIndicator  *self,
                             MsComparison  comparison)
{
  g_return_if_fail (MS_IS_INDICATOR (self));
  g_return_if_fail (comparison < MS_N_COMPARISONS);

  if (comparison == self->comparison)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->comparison = comparison;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
  notify_derived (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ms_indicator_get_rate:
 * @rate: (out) (optional): the completion rate, 1.0 meaning the target is met exactly
 *
 * The rate is actual ÷ target, or target ÷ actual for an upper bound, so that
 * a larger rate is always better.
 *
 * Returns: %FALSE when the rate is unknown (no figure reported, or a zero divisor)
 */
gboolean
ms_indicator_get_rate (MsIndicator *self,
                       double      *rate)
{
  double numerator;
  double denominator;

  g_return_val_if_fail (MS_IS_INDICATOR (self), FALSE);

  if (rate != NULL)
    *rate = 0;

  if (!self->has_actual)
    return FALSE;

  if (self->comparison == MS_COMPARISON_AT_MOST)
    {
      numerator = self->target;
      denominator = self->actual;
    }
  else
    {
      numerator = self->actual;
      denominator = self->target;
    }

  if (denominator <= 0)
    return FALSE;

  if (rate != NULL)
    *rate = numerator / denominator;

  return TRUE;
}

/**
 * ms_indicator_is_met_by:
 * @figure: a reported figure
 *
 * The one rule for a target: ms_indicator_get_state() applies it to the
 * actual, the schedule (ms-schedule.c) to the figure on a date.
 *
 * Returns: whether @figure meets the indicator's target
 */
gboolean
ms_indicator_is_met_by (MsIndicator *self,
                        double       figure)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), FALSE);

  switch (self->comparison)
    {
    case MS_COMPARISON_AT_MOST:
      return figure <= self->target;
    case MS_COMPARISON_ABOUT:
      return figure >= self->target * (1 - ABOUT_TOLERANCE);
    case MS_COMPARISON_AT_LEAST:
    case MS_COMPARISON_EXACTLY:
    default:
      /* A plain number in a pledge ("新建充电桩500个") is a floor, not a cap. */
      return figure >= self->target;
    }
}

MsIndicatorState
ms_indicator_get_state (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), MS_INDICATOR_UNREPORTED);

  if (!self->has_actual)
    return MS_INDICATOR_UNREPORTED;

  return ms_indicator_is_met_by (self, self->actual) ? MS_INDICATOR_MET : MS_INDICATOR_UNMET;
}

static gboolean
set_timeline (MsTimeline **slot,
              MsTimeline  *timeline)
{
  if (ms_timeline_get_n_entries (timeline) == 0)
    timeline = NULL;
  if (timeline == *slot || ms_timeline_equal (timeline, *slot))
    return FALSE;

  g_clear_pointer (slot, ms_timeline_unref);
  if (timeline != NULL)
    *slot = ms_timeline_ref (timeline);
  return TRUE;
}

/**
 * ms_indicator_get_progress:
 *
 * Returns: (transfer none) (nullable): the reported figures by date (进展),
 *   %NULL when there are none; the last is the indicator's actual
 */
MsTimeline *
ms_indicator_get_progress (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), NULL);

  return self->progress;
}

/**
 * ms_indicator_set_progress:
 * @progress: (nullable): figures by date; an empty one is %NULL
 *
 * Sets the history of reported figures. The actual is set on its own
 * (ms_history_record_actual() does both in one step).
 */
void
ms_indicator_set_progress (MsIndicator *self,
                           MsTimeline  *progress)
{
  g_return_if_fail (MS_IS_INDICATOR (self));

  if (set_timeline (&self->progress, progress))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

/* Returns: (transfer none) (nullable): planned figures by date (milestones) */
MsTimeline *
ms_indicator_get_plan (MsIndicator *self)
{
  g_return_val_if_fail (MS_IS_INDICATOR (self), NULL);

  return self->plan;
}

void
ms_indicator_set_plan (MsIndicator *self,
                       MsTimeline  *plan)
{
  g_return_if_fail (MS_IS_INDICATOR (self));

  if (set_timeline (&self->plan, plan))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * ms_figure_is_plausible:
 *
 * Returns: whether @figure can be a target or an actual: finite, not
 *   negative, at most %MS_FIGURE_MAX
 */
gboolean
ms_figure_is_plausible (double figure)
{
  return isfinite (figure) && figure >= 0 && figure <= MS_FIGURE_MAX;
}
