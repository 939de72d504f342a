/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_LETTER_CASE,
  HEED_LETTER_TEMPLATE_ID,   /* the template's id; HEED_LETTER_TEMPLATE is the HeedLetterTemplate cast */
  HEED_LETTER_RECIPIENT,
  HEED_LETTER_TITLE,
  HEED_LETTER_CREATED_AT,
  HEED_LETTER_SENT_AT,
  HEED_LETTER_SENT_BY,
  HEED_LETTER_LARGE_PRINT,
  HEED_LETTER_LANGUAGE,
  HEED_LETTER_FREE_TEXT,
  HEED_LETTER_MERGED_TEXT,
  HEED_LETTER_N_FIELDS
} HeedLetterField;

#define HEED_TYPE_LETTER (heed_letter_get_type ())
G_DECLARE_FINAL_TYPE (HeedLetter, heed_letter, HEED, LETTER, HeedRecord)

HeedLetter *heed_letter_new (void);

G_END_DECLS
