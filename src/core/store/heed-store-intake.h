/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* Feedback that comes in from outside the window's forms (a script, an email, a row of an old
 * spreadsheet log; see heed-intake.h). */

/* Adds @kase, which must be new: with its own reference when it has one (refused, with the
 * reference named, when that reference is already used or was used by a destroyed case), else
 * with the next reference of its kind and year. When @source is not NULL the trail records it
 * ("log.xlsx, row 12") against the case. Runs in its own nested transaction. */
gboolean heed_store_add_intake_case (HeedStore   *self,
                                     HeedCase    *kase,
                                     const char  *source,
                                     GError     **error);

/* Records in the trail, against case @case_id, where something on it came from: @action is a
 * short word ("import", "email") and @detail what a person reading the trail needs (a file
 * name and row, a message's SHA-256). */
gboolean heed_store_note_intake     (HeedStore   *self,
                                     gint64       case_id,
                                     const char  *action,
                                     const char  *detail,
                                     GError     **error);

/* Makes room in memory for a transaction of thousands of rows (an import), or gives it back. */
void     heed_store_set_bulk        (HeedStore   *self,
                                     gboolean     bulk);

G_END_DECLS
