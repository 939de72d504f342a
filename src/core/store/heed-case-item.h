/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* One line of the case list, as the list shows it. */
#define HEED_TYPE_CASE_ITEM (heed_case_item_get_type ())
G_DECLARE_FINAL_TYPE (HeedCaseItem, heed_case_item, HEED, CASE_ITEM, GObject)

HeedCaseItem *heed_case_item_new                (const HeedCaseRow *row,
                                                 HeedCalendar      *calendar,
                                                 const GDate       *today);
gint64        heed_case_item_get_id             (HeedCaseItem *self);
const char   *heed_case_item_get_reference      (HeedCaseItem *self);
const char   *heed_case_item_get_received       (HeedCaseItem *self);
const char   *heed_case_item_get_name           (HeedCaseItem *self);
const char   *heed_case_item_get_summary        (HeedCaseItem *self);
const char   *heed_case_item_get_kind           (HeedCaseItem *self);
const char   *heed_case_item_get_risk           (HeedCaseItem *self);
const char   *heed_case_item_get_status         (HeedCaseItem *self);
const char   *heed_case_item_get_next_deadline  (HeedCaseItem *self);
gboolean      heed_case_item_get_overdue        (HeedCaseItem *self);

G_END_DECLS
