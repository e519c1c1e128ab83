/* ms-import-row.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-import-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ms-gui-util.h"
#include "ms-import-row.h"

/* A row of the import preview. Everything it shows is plain text: the
 * notice's words are never read as markup. */

struct _MsImportRow
{
  GtkWidget      parent_instance;

  MsImportEntry *entry;

  /* Template widgets */
  GtkImage      *icon;
  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *note_label;
  GtkLabel      *detail_label;
};

G_DEFINE_FINAL_TYPE (MsImportRow, ms_import_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ENTRY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_text (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && text[0] != '\0');
}

/* The row and the list item around it are read by what the row shows;
 * GTK 4.8 would read them as their types. */
static void
set_name (MsImportRow *self,
          const char  *name)
{
  GtkWidget *list_item = GTK_WIDGET (self);

  while (list_item != NULL && !g_str_equal (G_OBJECT_TYPE_NAME (list_item), "GtkListItemWidget"))
    list_item = gtk_widget_get_parent (list_item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  if (list_item != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (list_item), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
update (MsImportRow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *description = NULL;
  MsImportEntryKind kind;
  PangoAttrList *chinese = NULL;

  g_assert (MS_IS_IMPORT_ROW (self));

  if (self->entry == NULL)
    {
      show_text (self->title_label, NULL);
      show_text (self->subtitle_label, NULL);
      show_text (self->note_label, NULL);
      show_text (self->detail_label, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->icon), FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      set_name (self, "");
      return;
    }

  kind = ms_import_entry_get_kind (self->entry);
  title = ms_import_entry_dup_title (self->entry);
  subtitle = ms_import_entry_dup_subtitle (self->entry);
  note = ms_import_entry_dup_note (self->entry);
  detail = ms_import_entry_dup_detail (self->entry);
  description = ms_import_entry_dup_description (self->entry);

  show_text (self->title_label, title);
  show_text (self->subtitle_label, subtitle);
  show_text (self->note_label, note);
  show_text (self->detail_label, detail);
  {
    g_autofree char *name = subtitle != NULL && *subtitle != '\0'
                              /* translators: an imported row as a screen reader names it: its title, then its details */
                              ? g_strdup_printf (_("%s, %s"), title, subtitle)
                              : g_strdup (title);

    set_name (self, name);
  }

  /* The notice's words are Chinese whatever the interface's language. */
  if (ms_import_entry_is_notice_text (self->entry))
    chinese = ms_chinese_attributes_new ();
  gtk_label_set_attributes (self->title_label, chinese);
  gtk_label_set_attributes (self->subtitle_label, kind == MS_IMPORT_ENTRY_PROJECT ? chinese : NULL);
  g_clear_pointer (&chinese, pango_attr_list_unref);

  if (kind == MS_IMPORT_ENTRY_CATEGORY || kind == MS_IMPORT_ENTRY_GROUP)
    gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "heading");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "heading");
  gtk_widget_set_visible (GTK_WIDGET (self->icon),
                          kind == MS_IMPORT_ENTRY_WARNING || kind == MS_IMPORT_ENTRY_LISTED_WARNING);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
ms_import_row_dispose (GObject *object)
{
  MsImportRow *self = MS_IMPORT_ROW (object);

  ms_widget_dispose_bin_template (GTK_WIDGET (self), MS_TYPE_IMPORT_ROW);
  g_clear_object (&self->entry);

  G_OBJECT_CLASS (ms_import_row_parent_class)->dispose (object);
}

static void
ms_import_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MsImportRow *self = MS_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      g_value_set_object (value, ms_import_row_get_entry (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_import_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  MsImportRow *self = MS_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_ENTRY:
      ms_import_row_set_entry (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ms_import_row_class_init (MsImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ms_import_row_dispose;
  object_class->get_property = ms_import_row_get_property;
  object_class->set_property = ms_import_row_set_property;

  /**
   * MsImportRow:entry:
   *
   * What the row shows; list item factories bind it.
   */
  properties[PROP_ENTRY] =
    g_param_spec_object ("entry", NULL, NULL,
                         MS_TYPE_IMPORT_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/minsheng/Tracker/ui/ms-import-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MsImportRow, icon);
  gtk_widget_class_bind_template_child (widget_class, MsImportRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, MsImportRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, MsImportRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, MsImportRow, detail_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "importrow");
}

static void
ms_import_row_init (MsImportRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ms_import_row_get_entry:
 *
 * Returns: (transfer none) (nullable): what the row shows
 */
MsImportEntry *
ms_import_row_get_entry (MsImportRow *self)
{
  g_return_val_if_fail (MS_IS_IMPORT_ROW (self), NULL);

  return self->entry;
}

void
ms_import_row_set_entry (MsImportRow   *self,
                         MsImportEntry *entry)
{
  g_return_if_fail (MS_IS_IMPORT_ROW (self));
  g_return_if_fail (entry == NULL || MS_IS_IMPORT_ENTRY (entry));

  if (!g_set_object (&self->entry, entry))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTRY]);
}
