/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

typedef enum {
  HEED_EVENT_CASE,
  HEED_EVENT_KIND,
  HEED_EVENT_OCCURRED_AT,
  HEED_EVENT_STAFF,
  HEED_EVENT_SUMMARY,
  HEED_EVENT_DETAIL,
  HEED_EVENT_N_FIELDS
} HeedEventField;

extern const char *const heed_event_kinds[];

#define HEED_TYPE_EVENT (heed_event_get_type ())
G_DECLARE_FINAL_TYPE (HeedEvent, heed_event, HEED, EVENT, HeedRecord)

HeedEvent  *heed_event_new             (void);
const char *heed_event_kind_get_label  (const char *kind);

G_END_DECLS
