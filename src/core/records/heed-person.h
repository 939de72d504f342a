/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-language.h"
#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_PERSON_TITLE,
  HEED_PERSON_FIRST_NAME,
  HEED_PERSON_LAST_NAME,
  HEED_PERSON_KNOWN_AS,
  HEED_PERSON_HOUSE,
  HEED_PERSON_STREET,
  HEED_PERSON_TOWN,
  HEED_PERSON_COUNTRY,
  HEED_PERSON_POSTCODE,
  HEED_PERSON_PHONE,
  HEED_PERSON_PHONE_ALT,
  HEED_PERSON_EMAIL,
  HEED_PERSON_NHS_NUMBER,
  HEED_PERSON_DATE_OF_BIRTH,
  HEED_PERSON_CONTACT_METHOD,
  HEED_PERSON_CONTACT_TIMES,
  HEED_PERSON_ANSWERPHONE_OK,
  HEED_PERSON_ACCESS_FORMAT,
  HEED_PERSON_LANGUAGE,
  HEED_PERSON_ADVOCATE,
  HEED_PERSON_DECEASED,
  HEED_PERSON_NOTES,
  HEED_PERSON_N_FIELDS
} HeedPersonField;

#define HEED_TYPE_PERSON (heed_person_get_type ())
G_DECLARE_FINAL_TYPE (HeedPerson, heed_person, HEED, PERSON, HeedRecord)

HeedPerson *heed_person_new                (void);
char       *heed_person_dup_full_name      (HeedPerson *self);
GStrv       heed_person_dup_address_lines  (HeedPerson *self);
/* Writes NHS number, postcode, email and phone numbers the one way they are kept
 * ("943 476 5919", "CF10 1AB"), where they are valid. */
void        heed_person_tidy               (HeedPerson *self);

/* The language letters to them are written in: Welsh or English when their language says
 * so, else HEED_LANGUAGE_INTERFACE. */
HeedLanguage heed_person_get_letter_language (HeedPerson *self);
gboolean    heed_person_needs_large_print  (HeedPerson *self);
/* Their recorded communication needs in words ("Braille · Letters in Polish"), or NULL. */
char       *heed_person_dup_needs          (HeedPerson *self);

G_END_DECLS
