/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "heed-accessible.h"

char *
heed_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  g_return_val_if_fail (label != NULL, NULL);

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (text, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static const char *
button_label (GtkWidget *button)
{
  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (button));
  return gtk_button_get_label (GTK_BUTTON (button));
}

static gboolean
button_uses_underline (GtkWidget *button)
{
  if (GTK_IS_MENU_BUTTON (button))
    return gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (button));
  return gtk_button_get_use_underline (GTK_BUTTON (button));
}

static void
update_button_name (GtkWidget *button)
{
  const char      *label = button_label (button);
  g_autofree char *name = NULL;

  if (label == NULL)
    return;
  name = button_uses_underline (button) ? heed_accessible_strip_mnemonic (label) : g_strdup (label);
  /* GTK 4.8 reads out the label property and then what the button is labelled by (its label
   * child): with the one, not the other, the words are said once. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
heed_accessible_name_button (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button) || GTK_IS_MENU_BUTTON (button));

  update_button_name (button);
  if (g_object_get_data (G_OBJECT (button), "heed-accessible-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (button), "heed-accessible-named", GINT_TO_POINTER (1));
  g_signal_connect (button, "notify::label", G_CALLBACK (update_button_name), NULL);
  g_signal_connect (button, "notify::use-underline", G_CALLBACK (update_button_name), NULL);
}

GtkWidget *
heed_accessible_button_new (const char *mnemonic)
{
  GtkWidget *button;

  g_return_val_if_fail (mnemonic != NULL, NULL);

  button = gtk_button_new_with_mnemonic (mnemonic);
  heed_accessible_name_button (button);
  return button;
}

static void
update_row_name (GtkWidget *row)
{
  const char      *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  const char      *subtitle = NULL;
  g_autofree char *name = NULL;

  if (ADW_IS_ACTION_ROW (row))
    subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
  else if (ADW_IS_EXPANDER_ROW (row))
    subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
  if (title == NULL || *title == '\0')
    return;
  /* A title in markup is read as the words it shows. */
  if (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)))
    pango_parse_markup (title, -1, 0, NULL, &name, NULL, NULL);
  if (name == NULL)
    name = adw_preferences_row_get_use_underline (ADW_PREFERENCES_ROW (row))
             ? heed_accessible_strip_mnemonic (title)
             : g_strdup (title);
  /* As for buttons: the label property alone, or GTK 4.8 says the title twice. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (subtitle != NULL && *subtitle != '\0')
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      subtitle, -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
heed_accessible_name_row (GtkWidget *row)
{
  g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

  update_row_name (row);
  if (g_object_get_data (G_OBJECT (row), "heed-accessible-named") != NULL)
    return;
  g_object_set_data (G_OBJECT (row), "heed-accessible-named", GINT_TO_POINTER (1));
  g_signal_connect (row, "notify::title", G_CALLBACK (update_row_name), NULL);
  g_signal_connect (row, "notify::subtitle", G_CALLBACK (update_row_name), NULL);
}

static void
find_switches (GtkWidget *root, GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The expander's own switch in its header, not one on a row it reveals. */
      if (GTK_IS_REVEALER (child))
        continue;
      if (GTK_IS_SWITCH (child))
        g_ptr_array_add (found, child);
      else
        find_switches (child, found);
    }
}

/* GTK 4.8's drop-down opens on a toggle button of its own, which takes the focus and is named
 * by nothing but its type ("GtkToggleButton"): it is labelled by the drop-down. */
static void
name_drop_down_button (GtkWidget *drop_down)
{
  /* By the label that names the drop-down where there is one (GTK 4.8 reads one step of
   * labelling only), else by the drop-down's own accessible label. */
  GList   *labels = gtk_widget_list_mnemonic_labels (drop_down);
  gpointer by = labels != NULL ? labels->data : drop_down;

  for (GtkWidget *child = gtk_widget_get_first_child (drop_down); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      by, NULL, -1);
  g_list_free (labels);
}

/* A button showing only an icon (libadwaita's and GTK's own search and close buttons among
 * them) is named by its tooltip, or GTK 4.8 names it "GtkImage". */
static void
name_icon_button (GtkWidget *button)
{
  GtkWidget  *child = gtk_widget_get_first_child (button);
  const char *tooltip = gtk_widget_get_tooltip_text (button);
  const char *icon;

  if (child == NULL || !GTK_IS_IMAGE (child) || gtk_widget_get_next_sibling (child) != NULL)
    return;
  icon = gtk_image_get_icon_name (GTK_IMAGE (child));
  if (tooltip != NULL && tooltip[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
  /* The keyboard shortcuts' search button has no tooltip to be named by. */
  else if (g_strcmp0 (icon, "edit-find-symbolic") == 0)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Search"), -1);
  /* Nor has a password row's button that shows what was typed ("view-reveal-symbolic"). */
  else if (g_str_has_prefix (icon != NULL ? icon : "", "view-"))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Show or Hide the Password"), -1);
}

/* The switch that opens an expander row says what the row is. */
static void
name_expander_switch (GtkWidget *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_autoptr(GPtrArray) switches = g_ptr_array_new ();

  if (title == NULL || title[0] == '\0'
      || !adw_expander_row_get_show_enable_switch (ADW_EXPANDER_ROW (row)))
    return;
  find_switches (row, switches);
  for (guint i = 0; i < switches->len; i++)
    {
      gtk_accessible_update_property (g_ptr_array_index (switches, i),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_accessible_reset_relation (g_ptr_array_index (switches, i),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

void
heed_accessible_name_all (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* A drop-down row and an entry row are named by libadwaita already (by their title). */
  if (ADW_IS_PREFERENCES_ROW (root) && !ADW_IS_COMBO_ROW (root) && !ADW_IS_ENTRY_ROW (root))
    heed_accessible_name_row (root);
  else if ((GTK_IS_BUTTON (root) || GTK_IS_MENU_BUTTON (root)) && button_label (root) != NULL
           && button_uses_underline (root))
    heed_accessible_name_button (root);
  else if (GTK_IS_DROP_DOWN (root))
    name_drop_down_button (root);
  else if (GTK_IS_BUTTON (root))
    name_icon_button (root);
  if (ADW_IS_EXPANDER_ROW (root))
    name_expander_switch (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    heed_accessible_name_all (child);
}
