/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-document.h"
#include "heed-letter.h"
#include "heed-letter-template.h"
#include "heed-person.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* A template filled in for one case: the body as a HeedDocument, and what goes around it on
 * the page (letterhead, the recipient's address, reference, date). Data the practice file
 * does not have is shown as a plain placeholder such as "[complainant’s address]" and listed
 * by heed_merged_letter_get_missing(), so a letter never goes out with a silent gap. */
#define HEED_TYPE_MERGED_LETTER (heed_merged_letter_get_type ())
G_DECLARE_FINAL_TYPE (HeedMergedLetter, heed_merged_letter, HEED, MERGED_LETTER, GObject)

/* free_texts maps a template's free-text names to what the person wrote (may be NULL);
 * date is the letter's date (NULL for today). */
HeedMergedLetter   *heed_merged_letter_new                (HeedStore          *store,
                                                           HeedLetterTemplate *template,
                                                           gint64              case_id,
                                                           GHashTable         *free_texts,
                                                           const GDate        *date,
                                                           GError            **error);

/* Who a letter from @template about the case would go to (NULL for a notice, or when nobody
 * is recorded), so that it can be written in the language and print they asked for. */
HeedPerson         *heed_merged_letter_find_recipient     (HeedStore          *store,
                                                           HeedLetterTemplate *template,
                                                           gint64              case_id,
                                                           GError            **error);

HeedDocument       *heed_merged_letter_get_document       (HeedMergedLetter   *self);
HeedLetterTemplate *heed_merged_letter_get_template       (HeedMergedLetter   *self);
/* The template's: what the letter is written in. */
HeedLanguage        heed_merged_letter_get_language       (HeedMergedLetter   *self);
const char         *heed_merged_letter_get_title          (HeedMergedLetter   *self);
const char         *heed_merged_letter_get_reference      (HeedMergedLetter   *self);
gint64              heed_merged_letter_get_case_id        (HeedMergedLetter   *self);
/* "3 June 2025" */
const char         *heed_merged_letter_get_date_text      (HeedMergedLetter   *self);
/* The person written to (0 for a notice or when unknown), their name and address lines. */
gint64              heed_merged_letter_get_recipient_id   (HeedMergedLetter   *self);
const char *const  *heed_merged_letter_get_address_block  (HeedMergedLetter   *self);

const char         *heed_merged_letter_get_practice_name  (HeedMergedLetter   *self);
const char *const  *heed_merged_letter_get_practice_address (HeedMergedLetter *self);
const char         *heed_merged_letter_get_practice_phone (HeedMergedLetter   *self);
const char         *heed_merged_letter_get_practice_email (HeedMergedLetter   *self);
/* The practice's logo as PNG bytes, or NULL when it has none. */
GBytes             *heed_merged_letter_get_logo           (HeedMergedLetter   *self);

/* What was missing, in words ("complainant’s address"), each once; empty when complete. */
const char *const  *heed_merged_letter_get_missing        (HeedMergedLetter   *self);
/* The whole letter as plain text, as kept with a sent letter. */
char               *heed_merged_letter_dup_text           (HeedMergedLetter   *self);
/* A new, unsaved letter record for this merge (case, template, recipient, title, the free
 * texts as written and the merged text), ready for heed_store_send_letter() with its PDF. */
HeedLetter         *heed_merged_letter_create_record      (HeedMergedLetter   *self,
                                                           gboolean            large_print);

G_END_DECLS
