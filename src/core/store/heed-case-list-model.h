/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-case-item.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* The cases a query selects, as a GListModel of HeedCaseItem. Only the ids are read up front;
 * each row is read when a view asks for it, so 100,000 cases cost 800 KB until shown. */
#define HEED_TYPE_CASE_LIST_MODEL (heed_case_list_model_get_type ())
G_DECLARE_FINAL_TYPE (HeedCaseListModel, heed_case_list_model, HEED, CASE_LIST_MODEL, GObject)

HeedCaseListModel *heed_case_list_model_new        (HeedStore         *store);
/* Runs @query (it is copied by reference) and replaces the items. */
gboolean           heed_case_list_model_set_query  (HeedCaseListModel  *self,
                                                    HeedCaseQuery      *query,
                                                    GError            **error);
HeedCaseQuery     *heed_case_list_model_get_query  (HeedCaseListModel  *self);
/* Reads the query again, e.g. after the store changed. */
gboolean           heed_case_list_model_refresh    (HeedCaseListModel  *self,
                                                    GError            **error);

G_END_DECLS
