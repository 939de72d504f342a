/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "heed-language.h"

G_BEGIN_DECLS

/* The languages Heed makes documents in, as offered wherever one is chosen: English, then
 * Welsh, each by its own name. */
GListModel   *heed_language_choice_new_model    (void);
/* The language at @position of the choice (English for anything beyond it). */
HeedLanguage  heed_language_choice_at           (guint        position);
/* Where @language stands in the choice (the interface's language resolved first). */
guint         heed_language_choice_position     (HeedLanguage language);
/* A drop-down of the choice, named "Language" for screen readers and the pointer. */
GtkDropDown  *heed_language_choice_new_dropdown (void);
/* Makes @dropdown (from a template) that drop-down: the choice, its name and its tooltip. */
void          heed_language_choice_set_up       (GtkDropDown *dropdown);

G_END_DECLS
