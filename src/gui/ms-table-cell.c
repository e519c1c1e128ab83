/* ms-table-cell.c: a text cell of a table, named for a screen reader
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-table-cell.h"

/* GTK 4.8 reads a column view's cells and rows by their types ("table
 * cell GtkColumnViewCell"). This cell shows its text and names the cell
 * around it after it; the cell of the first column names the row too. */
struct _MsTableCell
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  gboolean   names_row;
};

G_DEFINE_FINAL_TYPE (MsTableCell, ms_table_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_WRAP,
  PROP_NAMES_ROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
name_cell_and_row (MsTableCell *self)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  const char *text = gtk_label_get_text (GTK_LABEL (self->label));

  if (cell == NULL)
    return;
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  if (self->names_row && row != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
ms_table_cell_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ms_table_cell_parent_class)->root (widget);
  name_cell_and_row (MS_TABLE_CELL (widget));
}

static void
ms_table_cell_dispose (GObject *object)
{
  MsTableCell *self = MS_TABLE_CELL (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (ms_table_cell_parent_class)->dispose (object);
}

static void
ms_table_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MsTableCell *self = MS_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->label)));
      break;
    case PROP_WRAP:
      g_value_set_boolean (value, gtk_label_get_wrap (GTK_LABEL (self->label)));
      break;
    case PROP_NAMES_ROW:
      g_value_set_boolean (value, self->names_row);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_table_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MsTableCell *self = MS_TABLE_CELL (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_label_set_text (GTK_LABEL (self->label), g_value_get_string (value));
      name_cell_and_row (self);
      break;
    case PROP_WRAP:
      gtk_label_set_wrap (GTK_LABEL (self->label), g_value_get_boolean (value));
      break;
    case PROP_NAMES_ROW:
      self->names_row = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_table_cell_class_init (MsTableCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_table_cell_dispose;
  object_class->get_property = ms_table_cell_get_property;
  object_class->set_property = ms_table_cell_set_property;
  widget_class->root = ms_table_cell_root;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_WRAP] = g_param_spec_boolean ("wrap", NULL, NULL, FALSE,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAMES_ROW] = g_param_spec_boolean ("names-row", NULL, NULL, FALSE,
                                                     G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
ms_table_cell_init (MsTableCell *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_yalign (GTK_LABEL (self->label), 0);
  gtk_label_set_wrap_mode (GTK_LABEL (self->label), PANGO_WRAP_WORD_CHAR);
  /* Tables show the file's words: Chinese whatever the interface's language. */
  ms_widget_mark_chinese (self->label);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

/**
 * ms_column_view_name_parts:
 * @name: what the table is called
 *
 * GTK 4.8 reads the list of rows inside a column view and its row of
 * headers by their types; they are named after the table.
 */
void
ms_column_view_name_parts (GtkColumnView *view,
                           const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    else if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column headers"), -1);
}
