/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_CASE_ELEMENT_CASE,
  HEED_CASE_ELEMENT_POSITION,
  HEED_CASE_ELEMENT_DESCRIPTION,
  HEED_CASE_ELEMENT_SUBJECT,
  HEED_CASE_ELEMENT_STAFF_GROUP,
  HEED_CASE_ELEMENT_FINDING,
  HEED_CASE_ELEMENT_OUTCOME,
  HEED_CASE_ELEMENT_RESPONSE,
  HEED_CASE_ELEMENT_APOLOGY,
  HEED_CASE_ELEMENT_N_FIELDS
} HeedCaseElementField;

#define HEED_TYPE_CASE_ELEMENT (heed_case_element_get_type ())
G_DECLARE_FINAL_TYPE (HeedCaseElement, heed_case_element, HEED, CASE_ELEMENT, HeedRecord)

HeedCaseElement *heed_case_element_new (void);

G_END_DECLS
