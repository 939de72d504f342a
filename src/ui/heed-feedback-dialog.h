/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "heed-email.h"
#include "heed-store.h"

G_BEGIN_DECLS

#define HEED_TYPE_FEEDBACK_DIALOG (heed_feedback_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HeedFeedbackDialog, heed_feedback_dialog, HEED, FEEDBACK_DIALOG, AdwWindow)

/* The full form for a complaint, concern, comment or compliment (@kind), or the form of a
 * kept @draft (then @kind may be NULL). */
HeedFeedbackDialog *heed_feedback_dialog_new      (GtkWindow          *parent,
                                                   HeedStore          *store,
                                                   const char         *kind,
                                                   HeedFormDraft      *draft);
/* A new complaint filled from @email (taken) for reception to check and save; saving keeps the
 * message and its attachments as documents of the case. */
HeedFeedbackDialog *heed_feedback_dialog_new_for_email (GtkWindow          *parent,
                                                        HeedStore          *store,
                                                        HeedEmail          *email);
/* Checks and saves, as the Save button does; FALSE leaves the form open with the problems
 * shown beside their fields. */
gboolean            heed_feedback_dialog_save     (HeedFeedbackDialog *self);
/* The row editing @field of @part ("case", "complainant" or "affected"), for tests. */
GtkWidget          *heed_feedback_dialog_get_row  (HeedFeedbackDialog *self,
                                                   const char         *part,
                                                   const char         *field);
/* Writes what is typed to the practice file's drafts now rather than after the pause. */
void                heed_feedback_dialog_keep_draft (HeedFeedbackDialog *self);

G_END_DECLS
