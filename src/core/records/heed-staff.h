/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_STAFF_NAME,
  HEED_STAFF_ROLE,
  HEED_STAFF_STAFF_GROUP,
  HEED_STAFF_EMAIL,
  HEED_STAFF_PHONE,
  HEED_STAFF_ACTIVE,
  HEED_STAFF_N_FIELDS
} HeedStaffField;

#define HEED_TYPE_STAFF (heed_staff_get_type ())
G_DECLARE_FINAL_TYPE (HeedStaff, heed_staff, HEED, STAFF, HeedRecord)

HeedStaff *heed_staff_new (void);

G_END_DECLS
