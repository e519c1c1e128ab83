/* ms-gui-util.c
 *
 * Copyright 2026 Minsheng Tracker developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ms-gui-util"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "ms-choice-item.h"
#include "ms-gui-util.h"
#include "ms-indicator.h"
#include "ms-number.h"
#include "ms-quantity.h"

/**
 * ms_chinese_attributes_new:
 *
 * Returns: (transfer full): attributes that mark a text as Simplified Chinese
 */
PangoAttrList *
ms_chinese_attributes_new (void)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_language_new (pango_language_from_string ("zh-cn")));
  return attributes;
}

/**
 * ms_widget_drop_label_relations:
 * @root: a widget whose template gave its text buttons an accessible label
 *
 * A button with a text label is also labelled by that label, so its
 * accessible name repeats itself after the template's label ("Save the
 * yearly file Save"), and without one it is the raw mnemonic ("_Save
 * Save"). Under @root, every button with a mnemonic label is named by its
 * template's accessible label alone. Call after gtk_widget_init_template().
 */
void
ms_widget_drop_label_relations (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)) &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      else
        ms_widget_drop_label_relations (child);
    }
}

/**
 * ms_widget_mark_chinese:
 *
 * File text is Chinese whatever the interface language: without this,
 * Pango picks the Japanese CJK face under an English or C locale. Rows
 * that edit text (AdwEntryRow) are marked through their text delegate;
 * composite widgets that only show file text (AdwWindowTitle) through
 * every label inside. A text view ignores a tag's language when it picks
 * fonts in GTK 4.8, so its layout contexts carry the language instead.
 */
void
ms_widget_mark_chinese (GtkWidget *widget)
{
  PangoAttrList *attributes = ms_chinese_attributes_new ();

  if (GTK_IS_EDITABLE (widget) && !GTK_IS_TEXT (widget) && gtk_editable_get_delegate (GTK_EDITABLE (widget)) != NULL)
    widget = GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (widget)));

  if (GTK_IS_LABEL (widget))
    gtk_label_set_attributes (GTK_LABEL (widget), attributes);
  else if (GTK_IS_ENTRY (widget))
    gtk_entry_set_attributes (GTK_ENTRY (widget), attributes);
  else if (GTK_IS_TEXT (widget))
    gtk_text_set_attributes (GTK_TEXT (widget), attributes);
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      PangoLanguage *chinese = pango_language_from_string ("zh-cn");

      pango_context_set_language (gtk_text_view_get_ltr_context (GTK_TEXT_VIEW (widget)), chinese);
      pango_context_set_language (gtk_text_view_get_rtl_context (GTK_TEXT_VIEW (widget)), chinese);
      gtk_widget_queue_resize (widget);
    }
  else
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      ms_widget_mark_chinese (child);
  pango_attr_list_unref (attributes);
}

/**
 * ms_group_dup_heading:
 *
 * Returns: (transfer full): "（一）开展职业技能培训和评价取证", as the notice writes it
 */
char *
ms_group_dup_heading (MsGroup *group)
{
  g_autofree char *numeral = ms_number_to_chinese_numeral (ms_group_get_number (group));

  if (ms_group_get_title (group)[0] == '\0')
    return g_strdup_printf ("（%s）", numeral);

  return g_strdup_printf ("（%s）%s", numeral, ms_group_get_title (group));
}

/**
 * ms_parse_figure:
 * @valid: (out): whether @text is a figure (an empty text is not)
 *
 * Reads what a user typed as a figure: "113.9", "１１３．９", "1,200".
 */
double
ms_parse_figure (const char *text,
                 gboolean   *valid)
{
  g_autofree char *folded = ms_text_normalize (text ? text : "");
  g_autoptr(GString) digits = g_string_new (NULL);
  char *end = NULL;
  double value;

  for (const char *s = folded; *s; s++)
    {
      if (*s == ',' || *s == ' ')
        continue;
      g_string_append_c (digits, *s);
    }

  *valid = FALSE;
  if (digits->len == 0)
    return 0;

  value = g_ascii_strtod (digits->str, &end);
  /* Beyond 10^15 is a typing error, and the model refuses it. */
  if (end == digits->str || *end != '\0' || !ms_figure_is_plausible (value))
    return 0;

  *valid = TRUE;
  return value;
}

/* The shortest exact text of a figure: 113.9, not 113.90000000000001. */
char *
ms_figure_to_text (double value)
{
  char buffer[MS_NUMBER_JSON_BUFSIZE];

  return g_strdup (ms_number_format_json (buffer, sizeof buffer, value));
}

/**
 * ms_widget_dispose_bin_template:
 *
 * Disposes the template of a widget with a bin layout. The template's root
 * child is parented to the widget itself, so the widget unparents it.
 */
void
ms_widget_dispose_bin_template (GtkWidget *widget,
                                GType      type)
{
  GtkWidget *child;

  gtk_widget_dispose_template (widget, type);
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* Rows appear as the list is laid out, a frame or two after the popover is
 * mapped, and the popover focuses its first row when mapped: wait for the
 * row of the current value, then focus it. */
static gboolean
focus_selected_item_tick (GtkWidget     *list,
                          GdkFrameClock *clock,
                          gpointer       data)
{
  GtkWidget *choice = data;
  guint selected = GTK_INVALID_LIST_POSITION;
  guint position = 0;

  g_object_get (choice, "selected", &selected, NULL);
  if (selected == GTK_INVALID_LIST_POSITION || !gtk_widget_get_mapped (list))
    return G_SOURCE_REMOVE;

  /* The list's children are its rows, in order; a short list shows them all. */
  for (GtkWidget *item = gtk_widget_get_first_child (list); item != NULL; item = gtk_widget_get_next_sibling (item))
    if (position++ == selected)
      {
        gtk_widget_grab_focus (item);
        return G_SOURCE_REMOVE;
      }
  return G_SOURCE_CONTINUE;
}

static void
on_choice_popup_mapped_cb (GtkWidget *choice)
{
  /* The popover's list, not the one-row list that shows the current value. */
  GtkWidget *popover = find_descendant (choice, GTK_TYPE_POPOVER);
  GtkWidget *list = popover != NULL ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;

  if (list != NULL)
    gtk_widget_add_tick_callback (list, focus_selected_item_tick, choice, NULL);
}

/* A one-row list shows the current value (inside a drop-down's button);
 * its row takes the focus in GTK 4.8 though the button already has it. */
static void
name_choice_parts (GtkWidget  *widget,
                   const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;
      if (GTK_IS_TOGGLE_BUTTON (child) || GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      else if (g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
        gtk_widget_set_focusable (child, FALSE);
      name_choice_parts (child, name);
    }
}

/**
 * ms_choice_prepare:
 * @choice: an #AdwComboRow or a #GtkDropDown of a #GtkStringList
 * @name: (nullable): what the choice is for, if it is not a row's title
 *
 * Makes a choice usable from the keyboard and by a screen reader: its list
 * opens on the current value, so that arrow keys move from it (GTK 4.8
 * and libadwaita 1.2 focus the first item); the list, its values and the
 * drop-down's button are named, where GTK names them by their types.
 */
void
ms_choice_prepare (GtkWidget  *choice,
                   const char *name)
{
  GtkWidget *popover = find_descendant (choice, GTK_TYPE_POPOVER);
  GtkWidget *list = popover != NULL ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;
  g_autoptr(GtkListItemFactory) factory = ms_choice_item_factory_new ();

  g_return_if_fail (popover != NULL && list != NULL);

  if (name == NULL)
    name = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (choice));
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  name_choice_parts (choice, name);
  g_object_set (choice, "factory", factory, "list-factory", factory, NULL);

  g_signal_connect_swapped (popover, "map", G_CALLBACK (on_choice_popup_mapped_cb), choice);
}

/* GTK 4.8 reads no description from a described-by relation: the body is
 * copied, and again when it changes. */
static void
describe_by_body (AdwMessageDialog *dialog)
{
  const char *body = adw_message_dialog_get_body (dialog);

  if (body != NULL && *body != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, body, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (dialog), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/* The answers Enter and Escape give are said with their buttons: GTK 4.8
 * has no "default" state to tell a screen reader. */
static void
describe_responses (AdwMessageDialog *dialog,
                    GtkWidget        *widget)
{
  const char *default_response = adw_message_dialog_get_default_response (dialog);
  const char *close_response = adw_message_dialog_get_close_response (dialog);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *label = GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;

      if (label == NULL)
        {
          describe_responses (dialog, child);
          continue;
        }
      if (default_response != NULL &&
          g_strcmp0 (label, adw_message_dialog_get_response_label (dialog, default_response)) == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        /* translators: said after the name of a dialog's default button */
                                        _("Default, Enter"), -1);
      else if (close_response != NULL && adw_message_dialog_has_response (dialog, close_response) &&
               g_strcmp0 (label, adw_message_dialog_get_response_label (dialog, close_response)) == 0)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        /* translators: said after the name of the button that Escape presses */
                                        _("Escape"), -1);
    }
}

/**
 * ms_message_dialog_prepare:
 *
 * Makes a message dialog read well: it is described by its body, its
 * buttons are named without mnemonics, and the default and cancelling
 * answers say their keys. Call once its responses are added.
 */
void
ms_message_dialog_prepare (AdwMessageDialog *dialog)
{
  g_return_if_fail (ADW_IS_MESSAGE_DIALOG (dialog));

  ms_widget_name_mnemonic_buttons (GTK_WIDGET (dialog));
  describe_responses (dialog, GTK_WIDGET (dialog));
  describe_by_body (dialog);
  g_signal_connect (dialog, "notify::body", G_CALLBACK (describe_by_body), NULL);
}

/**
 * ms_widget_name_inner_list:
 * @widget: an #AdwPreferencesGroup, or another widget holding one list
 *
 * Names the first #GtkListBox inside @widget: a group's own list is made
 * by libadwaita, out of reach of the template, and GTK 4.8 names it by
 * its type.
 */
void
ms_widget_name_inner_list (GtkWidget  *widget,
                           const char *name)
{
  GtkWidget *list = find_descendant (widget, GTK_TYPE_LIST_BOX);

  g_return_if_fail (list != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* "_Save" is read "Save", and "保存(_S)" "保存": the key in brackets is for
 * the eye, and a screen reader announces the mnemonic on its own. */
char *
ms_label_strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      const char *after = NULL;

      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        after = p + 3;
      else if (g_str_has_prefix (p, "（_") && p[4] != '\0' && g_str_has_prefix (p + 5, "）"))
        after = p + 5 + strlen ("）") - 1;
      if (after != NULL)
        {
          p = after;
          continue;
        }
      if (p[0] == '_' && p[1] == '_')
        p++;
      else if (p[0] == '_')
        continue;
      g_string_append_c (text, *p);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

/**
 * ms_widget_name_mnemonic_buttons:
 * @root: a dialog, or a part of one
 *
 * GTK 4.8 names a button with a mnemonic label by the raw label and its
 * text ("_Save Save"). Every such button under @root is named by its label
 * without the mnemonic. Call once the buttons exist: for a message dialog,
 * after its responses are added.
 */
void
ms_widget_name_mnemonic_buttons (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)) &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL)
        {
          g_autofree char *name = ms_label_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (child)));

          gtk_accessible_reset_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
        }
      else
        ms_widget_name_mnemonic_buttons (child);
    }
}

/* The style class of a schedule state, such as "schedule-behind": it only
 * repeats in colour what an icon and a word say. */
const char *
ms_schedule_get_style_class (MsSchedule schedule)
{
  static const char * const classes[MS_N_SCHEDULES] = {
    "schedule-overdue", "schedule-at-risk", "schedule-behind", "schedule-not-reported", "schedule-on-track",
    "schedule-done",
  };

  g_return_val_if_fail (schedule < MS_N_SCHEDULES, "");

  return classes[schedule];
}

/* Shows @schedule's style class on @widget, and no other state's. */
void
ms_widget_set_schedule_class (GtkWidget  *widget,
                              MsSchedule  schedule)
{
  for (guint i = 0; i < MS_N_SCHEDULES; i++)
    gtk_widget_remove_css_class (widget, ms_schedule_get_style_class (i));
  gtk_widget_add_css_class (widget, ms_schedule_get_style_class (schedule));
}
