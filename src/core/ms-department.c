/* ms-department.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-department"

#include "config.h"

#include <string.h>

#include "ms-department-private.h"

/* One responsible department and the projects that name it, as counted by
 * MsDepartments. The projects are not referenced: the document holds them,
 * and MsDepartments recounts whenever the document changes. */
struct _MsDepartment
{
  GObject    parent_instance;

  char      *name;
  GPtrArray *projects;
  guint      by_status[MS_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (MsDepartment, ms_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_N_PROJECTS,
  PROP_N_COMPLETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ms_department_finalize (GObject *object)
{
  MsDepartment *self = (MsDepartment *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->projects, g_ptr_array_unref);

  G_OBJECT_CLASS (ms_department_parent_class)->finalize (object);
}

static void
ms_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MsDepartment *self = MS_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, ms_department_get_name (self));
      break;

    case PROP_N_PROJECTS:
      g_value_set_uint (value, ms_department_get_n_projects (self));
      break;

    case PROP_N_COMPLETED:
      g_value_set_uint (value, ms_department_get_n_completed (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_department_class_init (MsDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ms_department_finalize;
  object_class->get_property = ms_department_get_property;

  /* NULL for the projects that name no department. */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROJECTS] =
    g_param_spec_uint ("n-projects", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_COMPLETED] =
    g_param_spec_uint ("n-completed", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ms_department_init (MsDepartment *self)
{
  self->projects = g_ptr_array_new ();
}

MsDepartment *
_ms_department_new (const char *name)
{
  MsDepartment *self = g_object_new (MS_TYPE_DEPARTMENT, NULL);

  self->name = g_strdup (name);

  return self;
}

/* Takes @projects (in file order) as the department's own and recounts.
 * Returns whether the projects or their statuses differ from before. */
gboolean
_ms_department_update (MsDepartment *self,
                       GPtrArray    *projects)
{
  guint by_status[MS_N_STATUSES] = { 0 };
  gboolean same;

  g_return_val_if_fail (MS_IS_DEPARTMENT (self), FALSE);

  for (guint i = 0; i < projects->len; i++)
    by_status[ms_project_get_status (g_ptr_array_index (projects, i))]++;

  same = projects->len == self->projects->len &&
         memcmp (projects->pdata, self->projects->pdata, projects->len * sizeof (gpointer)) == 0 &&
         memcmp (by_status, self->by_status, sizeof by_status) == 0;

  g_ptr_array_unref (self->projects);
  self->projects = g_ptr_array_ref (projects);
  if (same)
    return FALSE;

  memcpy (self->by_status, by_status, sizeof by_status);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROJECTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_COMPLETED]);

  return TRUE;
}

/**
 * ms_department_get_name:
 *
 * Returns: (nullable): the department as the file names it, or %NULL for
 *   the projects that name none (shown as "No responsible department")
 */
const char *
ms_department_get_name (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);

  return self->name;
}

guint
ms_department_get_n_projects (MsDepartment *self)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);

  return self->projects->len;
}

guint
ms_department_get_n_completed (MsDepartment *self)
{
  return ms_department_get_n_with_status (self, MS_STATUS_COMPLETED);
}

guint
ms_department_get_n_with_status (MsDepartment *self,
                                 MsStatus      status)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), 0);
  g_return_val_if_fail (status < MS_N_STATUSES, 0);

  return self->by_status[status];
}

/**
 * ms_department_get_project:
 * @position: from 0, below ms_department_get_n_projects()
 *
 * Returns: (transfer none): the project, in file order
 */
MsProject *
ms_department_get_project (MsDepartment *self,
                           guint         position)
{
  g_return_val_if_fail (MS_IS_DEPARTMENT (self), NULL);
  g_return_val_if_fail (position < self->projects->len, NULL);

  return g_ptr_array_index (self->projects, position);
}
