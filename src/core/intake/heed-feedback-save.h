/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-case.h"
#include "heed-email.h"
#include "heed-person.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* Logging a piece of feedback typed into the full form: the people, the case, the staff it
 * names, the email it came in and the form's draft, saved together or not at all. */

/* Whether nothing has been typed about @person (a switch left off is not something typed). */
gboolean heed_feedback_person_is_empty (HeedPerson *person);

/* Whether @kase still needs to say who is complaining: a complaint that is not anonymous. */
gboolean heed_feedback_needs_complainant (HeedCase   *kase,
                                          HeedPerson *complainant);

/* Saves @kase as logged, with @complainant and @affected (either may be NULL or empty: then
 * it is not saved), the staff it names, @email (or NULL) kept with it, and the form draft
 * @draft_id (or 0) dropped, in one transaction. On failure nothing is saved and the records
 * are as they were given (no ids, the case a draft), so the form can save them again. */
gboolean heed_feedback_save (HeedStore     *store,
                             HeedCase      *kase,
                             HeedPerson    *complainant,
                             HeedPerson    *affected,
                             const gint64  *staff,
                             guint          n_staff,
                             HeedEmail     *email,
                             gint64         draft_id,
                             GError       **error);

/* For heed-case-edit.c, the other save of people with a case: a person is saved (unless
 * empty) and named in @field of @kase; a field of the case kept, to put back on failure. */
typedef struct {
  gboolean set;
  gint64   value;
} HeedKeptField;

gboolean      _heed_feedback_save_person   (HeedStore   *store,
                                            HeedCase    *kase,
                                            HeedPerson  *person,
                                            guint        field,
                                            GError     **error);
HeedKeptField _heed_feedback_keep_field    (HeedRecord  *record,
                                            guint        field);
void          _heed_feedback_restore_field (HeedRecord   *record,
                                            guint         field,
                                            HeedKeptField kept);

G_END_DECLS
