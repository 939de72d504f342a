/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include "heed-button-names.h"

void
heed_button_names_settle (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  /* gtk_button_set_label() labels the button by the label it shows, as well as by its own
   * accessible label; the first goes. */
  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root))
      && gtk_button_get_label (GTK_BUTTON (root)) != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    heed_button_names_settle (child);
}
