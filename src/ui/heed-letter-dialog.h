/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-language.h"
#include "heed-page-preview.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_LETTER_DIALOG (heed_letter_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedLetterDialog, heed_letter_dialog, HEED, LETTER_DIALOG, AdwWindow)

/* A letter for case @case_id, from @template_id (NULL: the first template). */
HeedLetterDialog *heed_letter_dialog_new           (GtkWindow         *parent,
                                                    HeedStore         *store,
                                                    gint64             case_id,
                                                    const char        *template_id);
gboolean          heed_letter_dialog_set_template  (HeedLetterDialog  *self,
                                                    const char        *id);
/* Fills one of the template's free-text parts, as typing in its box does. */
/* Rewrites the letter in @language (the template's Welsh version, or the English). */
gboolean          heed_letter_dialog_set_language  (HeedLetterDialog  *self,
                                                    HeedLanguage       language);
HeedLanguage      heed_letter_dialog_get_language  (HeedLetterDialog  *self);
gboolean          heed_letter_dialog_get_large_print (HeedLetterDialog *self);
void              heed_letter_dialog_set_free_text (HeedLetterDialog  *self,
                                                    const char        *name,
                                                    const char        *text);
HeedPagePreview  *heed_letter_dialog_get_preview   (HeedLetterDialog  *self);
gboolean          heed_letter_dialog_save_pdf      (HeedLetterDialog  *self,
                                                    const char        *path,
                                                    GError           **error);
/* Keeps the letter, exactly as previewed, with the case as sent @how ("post", "email",
 * "by-hand"), and closes. */
gboolean          heed_letter_dialog_mark_sent     (HeedLetterDialog  *self,
                                                    const char        *how,
                                                    GError           **error);

G_END_DECLS
