/* ms-choice-item.c: one value in the open list of a choice
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ms-choice-item.h"

/* The rows GTK 4.8 and libadwaita 1.2 make for a drop-down's list have no
 * accessible name: a screen reader says "list item" for each value. This
 * row shows the value and, in the open list, a check mark on the chosen
 * one, as theirs do; it names the list item it sits in after its value. */
struct _MsChoiceItem
{
  GtkWidget  parent_instance;

  GtkWidget *label;
  GtkWidget *check;
};

G_DEFINE_FINAL_TYPE (MsChoiceItem, ms_choice_item, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The list item is this row's parent; its name is what is read. */
static void
name_list_item (MsChoiceItem *self)
{
  GtkWidget *list_item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (list_item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_item),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (GTK_LABEL (self->label)),
                                    -1);
}

static void
ms_choice_item_root (GtkWidget *widget)
{
  MsChoiceItem *self = MS_CHOICE_ITEM (widget);

  GTK_WIDGET_CLASS (ms_choice_item_parent_class)->root (widget);
  /* The check mark is for the open list, not for the value shown closed. */
  gtk_widget_set_visible (self->check, gtk_widget_get_ancestor (widget, GTK_TYPE_POPOVER) != NULL);
  name_list_item (self);
}

static void
ms_choice_item_dispose (GObject *object)
{
  MsChoiceItem *self = MS_CHOICE_ITEM (object);

  g_clear_pointer (&self->label, gtk_widget_unparent);
  g_clear_pointer (&self->check, gtk_widget_unparent);

  G_OBJECT_CLASS (ms_choice_item_parent_class)->dispose (object);
}

static void
ms_choice_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MsChoiceItem *self = MS_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, gtk_label_get_text (GTK_LABEL (self->label)));
      break;
    case PROP_SELECTED:
      g_value_set_boolean (value, gtk_widget_get_opacity (self->check) > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_choice_item_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  MsChoiceItem *self = MS_CHOICE_ITEM (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      gtk_label_set_text (GTK_LABEL (self->label), g_value_get_string (value));
      name_list_item (self);
      break;
    case PROP_SELECTED:
      /* Hidden by opacity, so the width does not change with the choice. */
      gtk_widget_set_opacity (self->check, g_value_get_boolean (value) ? 1 : 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_choice_item_class_init (MsChoiceItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_choice_item_dispose;
  object_class->get_property = ms_choice_item_get_property;
  object_class->set_property = ms_choice_item_set_property;
  widget_class->root = ms_choice_item_root;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] = g_param_spec_boolean ("selected", NULL, NULL, FALSE,
                                                    G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  /* The list item carries the name; this row is only what it shows. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
ms_choice_item_init (MsChoiceItem *self)
{
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  self->check = gtk_image_new_from_icon_name ("object-select-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_opacity (self->check, 0);
  gtk_widget_set_parent (self->check, GTK_WIDGET (self));
}

/**
 * ms_choice_item_factory_new:
 *
 * Returns: (transfer full): rows for a choice's open list of strings
 * (a #GtkStringList), each naming its list item after its value.
 */
GtkListItemFactory *
ms_choice_item_factory_new (void)
{
  g_type_ensure (MS_TYPE_CHOICE_ITEM);
  return gtk_builder_list_item_factory_new_from_resource (NULL, "/io/minsheng/Tracker/ui/ms-choice-item.ui");
}
