/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_CASE_LOG (heed_case_log_get_type ())
G_DECLARE_FINAL_TYPE (HeedCaseLog, heed_case_log, HEED, CASE_LOG, AdwPreferencesGroup)

/* What has happened on a case, newest first: each entry of its log with the documents kept
 * with it, a button to open each (win.open-attachment, with its id) and one to attach a file
 * to the entry ("attach-file", with the file chosen). Add (win.add-entry) is on its header. */
GtkWidget *heed_case_log_new (void);
/* Lists the case's entries and documents from @store. */
void heed_case_log_load (HeedCaseLog *self, HeedStore *store, gint64 case_id);

G_END_DECLS
