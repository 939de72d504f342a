/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "heed-language-choice.h"

static const HeedLanguage languages[] = { HEED_LANGUAGE_ENGLISH, HEED_LANGUAGE_WELSH };

GListModel *
heed_language_choice_new_model (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  /* Each language by its own name, as language choosers show them. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (names, heed_language_get_autonym (languages[i]));
  return G_LIST_MODEL (names);
}

HeedLanguage
heed_language_choice_at (guint position)
{
  return position < G_N_ELEMENTS (languages) ? languages[position] : HEED_LANGUAGE_ENGLISH;
}

guint
heed_language_choice_position (HeedLanguage language)
{
  language = heed_language_resolve (language);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (languages[i] == language)
      return i;
  return 0;
}

void
heed_language_choice_set_up (GtkDropDown *dropdown)
{
  g_autoptr(GListModel) names = heed_language_choice_new_model ();

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_model (dropdown, names);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Language"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), _("Language"));
}

GtkDropDown *
heed_language_choice_new_dropdown (void)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));

  heed_language_choice_set_up (dropdown);
  return dropdown;
}
