/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-language.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_LETTER_TEMPLATE_ERROR (heed_letter_template_error_quark ())
GQuark heed_letter_template_error_quark (void);

typedef enum {
  HEED_LETTER_TEMPLATE_ERROR_INVALID,   /* not a valid template; the message names the line */
  HEED_LETTER_TEMPLATE_ERROR_TOO_LARGE, /* over HEED_LETTER_TEMPLATE_MAX_SIZE */
  HEED_LETTER_TEMPLATE_ERROR_UNKNOWN,   /* no template with that id */
} HeedLetterTemplateError;

/* Far more than any letter needs, and little enough to refuse a hostile file at once. */
#define HEED_LETTER_TEMPLATE_MAX_SIZE (256 * 1024)

/* A letter template: XML checked against data/heed-letter-template.rng and then for its merge
 * fields and conditions. Built-in templates ship in the resource; a practice's own copy of one
 * (same id) lives in the practice file and is used in its place. */
#define HEED_TYPE_LETTER_TEMPLATE (heed_letter_template_get_type ())
G_DECLARE_FINAL_TYPE (HeedLetterTemplate, heed_letter_template, HEED, LETTER_TEMPLATE, GObject)

HeedLetterTemplate *heed_letter_template_new_from_data   (const char          *data,
                                                          gssize               length,
                                                          GError             **error);
HeedLetterTemplate *heed_letter_template_new_builtin     (const char          *id,
                                                          GError             **error);
/* The Welsh version of a built-in template, or the English one. */
HeedLetterTemplate *heed_letter_template_new_builtin_in  (const char          *id,
                                                          HeedLanguage         language,
                                                          GError             **error);
const char *const  *heed_letter_template_get_builtin_ids (void);

const char         *heed_letter_template_get_id          (HeedLetterTemplate  *self);
const char         *heed_letter_template_get_name        (HeedLetterTemplate  *self);
const char         *heed_letter_template_get_description (HeedLetterTemplate  *self);
/* "complainant", "affected" or "none" (a notice with no address). */
const char         *heed_letter_template_get_recipient   (HeedLetterTemplate  *self);
const char         *heed_letter_template_get_source      (HeedLetterTemplate  *self);
/* From the template's language attribute ("cy"); English when it has none. */
HeedLanguage        heed_letter_template_get_language    (HeedLetterTemplate  *self);
gboolean            heed_letter_template_is_builtin      (HeedLetterTemplate  *self);
/* The parts a person fills in before sending, by name, in the order they appear. */
const char *const  *heed_letter_template_get_free_texts  (HeedLetterTemplate  *self);
const char         *heed_letter_template_get_free_text_label (HeedLetterTemplate *self,
                                                          const char          *name);

/* The practice's own copy when it has one, else the built-in template; in the language of
 * the interface when Heed has the template in it. */
HeedLetterTemplate *heed_letter_template_load            (HeedStore           *store,
                                                          const char          *id,
                                                          GError             **error);
HeedLetterTemplate *heed_letter_template_load_in         (HeedStore           *store,
                                                          const char          *id,
                                                          HeedLanguage         language,
                                                          GError             **error);
/* Ids of every template the practice can use: the built-ins, then its own additions. */
GStrv               heed_letter_template_list_ids        (HeedStore           *store,
                                                          GError             **error);
/* Checks the XML, then keeps it as the practice's copy of the template with its id. */
HeedLetterTemplate *heed_letter_template_save_copy       (HeedStore           *store,
                                                          const char          *xml,
                                                          GError             **error);
/* Drops the practice's copy, so the built-in is used again. */
gboolean            heed_letter_template_remove_copy     (HeedStore           *store,
                                                          const char          *id,
                                                          HeedLanguage         language,
                                                          GError             **error);

G_END_DECLS
