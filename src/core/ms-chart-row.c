/* ms-chart-row.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-chart-row"

#include "config.h"

#include "ms-chart-private.h"
#include "ms-chart-row.h"

/* Texts are made once, in the chart's language, when the rows are
 * collected: a table of 10 000 rows binds strings, it formats nothing. */
struct _MsChartRow
{
  GObject         parent_instance;

  MsChartRowCells cells;
};

G_DEFINE_FINAL_TYPE (MsChartRow, ms_chart_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_GROUP,
  PROP_PROJECT_LABEL,
  PROP_INDICATOR_NAME,
  PROP_TARGET,
  PROP_ACTUAL,
  PROP_RATE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ms_chart_row_finalize (GObject *object)
{
  MsChartRow *self = (MsChartRow *)object;

  g_clear_object (&self->cells.project);
  g_clear_object (&self->cells.indicator);
  g_free (self->cells.group);
  g_free (self->cells.project_label);
  g_free (self->cells.indicator_name);
  g_free (self->cells.target);
  g_free (self->cells.actual);
  g_free (self->cells.rate);
  g_free (self->cells.state);

  G_OBJECT_CLASS (ms_chart_row_parent_class)->finalize (object);
}

static void
ms_chart_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  MsChartRow *self = MS_CHART_ROW (object);

  switch (prop_id)
    {
    case PROP_GROUP:
      g_value_set_string (value, self->cells.group);
      break;
    case PROP_PROJECT_LABEL:
      g_value_set_string (value, self->cells.project_label);
      break;
    case PROP_INDICATOR_NAME:
      g_value_set_string (value, self->cells.indicator_name);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->cells.target);
      break;
    case PROP_ACTUAL:
      g_value_set_string (value, self->cells.actual);
      break;
    case PROP_RATE:
      g_value_set_string (value, self->cells.rate);
      break;
    case PROP_STATE:
      g_value_set_string (value, self->cells.state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_chart_row_class_init (MsChartRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ms_chart_row_finalize;
  object_class->get_property = ms_chart_row_get_property;

  /* Read-only strings, for the table's expressions. */
  properties[PROP_GROUP] = g_param_spec_string ("group", NULL, NULL, NULL, flags);
  properties[PROP_PROJECT_LABEL] = g_param_spec_string ("project-label", NULL, NULL, NULL, flags);
  properties[PROP_INDICATOR_NAME] = g_param_spec_string ("indicator-name", NULL, NULL, NULL, flags);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, flags);
  properties[PROP_ACTUAL] = g_param_spec_string ("actual", NULL, NULL, NULL, flags);
  properties[PROP_RATE] = g_param_spec_string ("rate", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_string ("state", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_chart_row_init (MsChartRow *self)
{
}

/* Takes the strings. */
MsChartRow *
_ms_chart_row_new (const MsChartRowCells *cells)
{
  MsChartRow *self = g_object_new (MS_TYPE_CHART_ROW, NULL);

  /* The strings are taken; the objects are held. */
  self->cells = *cells;
  g_object_ref (self->cells.project);
  if (self->cells.indicator != NULL)
    g_object_ref (self->cells.indicator);
  return self;
}

/**
 * ms_chart_row_get_group:
 *
 * Returns: (nullable): the category or department the row comes under in
 *   the chart, or %NULL when the chart has no groups (one project)
 */
const char *
ms_chart_row_get_group (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.group;
}

const char *
ms_chart_row_get_project_label (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.project_label;
}

/**
 * ms_chart_row_get_indicator_name:
 *
 * Returns: the indicator's name, or "" for a project with no indicator
 */
const char *
ms_chart_row_get_indicator_name (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.indicator_name;
}

const char *
ms_chart_row_get_target (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.target;
}

const char *
ms_chart_row_get_actual (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.actual;
}

const char *
ms_chart_row_get_rate (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.rate;
}

/**
 * ms_chart_row_get_state:
 *
 * Returns: the state in words, as the chart writes or keys it: the
 *   schedule state (Done, Behind…), or the project's status in the
 *   overview chart
 */
const char *
ms_chart_row_get_state (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.state;
}

MsProject *
ms_chart_row_get_project (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.project;
}

/**
 * ms_chart_row_get_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator, or %NULL for a
 *   project with no quantitative target
 */
MsIndicator *
ms_chart_row_get_indicator (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), NULL);

  return self->cells.indicator;
}

gboolean
ms_chart_row_get_met (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), FALSE);

  return self->cells.met;
}

MsSchedule
ms_chart_row_get_schedule (MsChartRow *self)
{
  g_return_val_if_fail (MS_IS_CHART_ROW (self), MS_SCHEDULE_NOT_REPORTED);

  return self->cells.schedule;
}
