/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* GTK 4.8 names a button with a mnemonic by joining its own accessible label with that of the
 * label it shows: "_Save Save" with none given, "Save Save" with one. Every button with a
 * mnemonic under @root is named by its own accessible label alone (from its template, or
 * given), so a screen reader says "Save". Call it after the buttons' labels are set. */
void heed_button_names_settle (GtkWidget *root);

G_END_DECLS
