/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HEED_TYPE_LONG_TEXT_ROW (heed_long_text_row_get_type ())
G_DECLARE_FINAL_TYPE (HeedLongTextRow, heed_long_text_row, HEED, LONG_TEXT_ROW,
                      AdwPreferencesRow)

/* A row for a paragraph or more: its title above a framed text box, and room under it for
 * a problem. */
GtkWidget   *heed_long_text_row_new         (const char      *title);
GtkTextView *heed_long_text_row_get_view    (HeedLongTextRow *self);
char        *heed_long_text_row_dup_text    (HeedLongTextRow *self);
void         heed_long_text_row_set_text    (HeedLongTextRow *self,
                                             const char      *text);
/* Shows @problem under the box (NULL hides it). */
void         heed_long_text_row_set_problem (HeedLongTextRow *self,
                                             const char      *problem);
GtkLabel    *heed_long_text_row_get_problem_label (HeedLongTextRow *self);

G_END_DECLS
