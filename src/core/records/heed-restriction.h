/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_RESTRICTION_CASE,
  HEED_RESTRICTION_MEASURE,
  HEED_RESTRICTION_DETAIL,
  HEED_RESTRICTION_REASON,
  HEED_RESTRICTION_START_DATE,
  HEED_RESTRICTION_REVIEW_DATE,
  HEED_RESTRICTION_TOLD_ON,
  HEED_RESTRICTION_N_FIELDS
} HeedRestrictionField;

#define HEED_TYPE_RESTRICTION (heed_restriction_get_type ())
G_DECLARE_FINAL_TYPE (HeedRestriction, heed_restriction, HEED, RESTRICTION, HeedRecord)

HeedRestriction *heed_restriction_new (void);

G_END_DECLS
