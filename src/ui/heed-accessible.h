/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a screen reader hears. GTK 4.8 names a button with a mnemonic by joining its raw and
 * its shown label ("_Save Save"), and libadwaita 1.2 leaves the rows of a preference-style list
 * unnamed list items: these give them the name a person sees, and keep it so when the label
 * or title changes. */

/* The text @label shows: its mnemonic underscores gone, a doubled one kept as one. */
char *heed_accessible_strip_mnemonic (const char *label);
/* Names @button (a GtkButton or GtkMenuButton) by its shown label. */
void heed_accessible_name_button (GtkWidget *button);
/* gtk_button_new_with_mnemonic(), named by its shown label. */
GtkWidget *heed_accessible_button_new (const char *mnemonic);
/* Names @row (an AdwPreferencesRow) by its title, described by its subtitle if it has one. */
void heed_accessible_name_row (GtkWidget *row);
/* Names every button with a mnemonic and every preference row under @root: for what a
 * template builds. Rows and buttons made later are named where they are made. */
void heed_accessible_name_all (GtkWidget *root);

G_END_DECLS
