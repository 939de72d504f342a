/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_CASE_PAGE (heed_case_page_get_type ())
G_DECLARE_FINAL_TYPE (HeedCasePage, heed_case_page, HEED, CASE_PAGE, AdwBin)

/* What the page asks of the window it is in goes through the window's actions:
 * win.show-problem (what went wrong), win.open-attachment (an attachment's id),
 * win.delete-draft (the draft's case id) and win.add-entry. ::status-changed (from, to) says
 * the case moved to another status, already saved and audited. */

/* Shows the case, with any unsaved typing of a crashed session brought back. */
gboolean  heed_case_page_set_case    (HeedCasePage  *self,
                                      HeedStore     *store,
                                      gint64         case_id);
HeedCase *heed_case_page_get_case    (HeedCasePage  *self);
gboolean  heed_case_page_get_changed (HeedCasePage  *self);
/* Saves the people and the case in one transaction, or says what to put right first. */
gboolean  heed_case_page_save        (HeedCasePage  *self,
                                      GError       **error);

/* Keeps what is typed on the page as its draft now, not in a moment: before signing out. */
void      heed_case_page_keep_typing (HeedCasePage  *self);

/* Keeps @file with the case, tied to the entry @event_id (0 for the case itself). */
gboolean  heed_case_page_attach_file  (HeedCasePage  *self,
                                       gint64         event_id,
                                       GFile         *file,
                                       GError       **error);
/* Adds the email in @file (.eml) as an entry of What Happened, the message kept unaltered
 * with its attachments as documents of the entry. */
gboolean  heed_case_page_add_email    (HeedCasePage  *self,
                                       GFile         *file,
                                       GError       **error);
/* Undoes the last status change made on this page. */
gboolean  heed_case_page_undo_status_change (HeedCasePage  *self,
                                            GError       **error);

G_END_DECLS
