/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-store.h"

G_BEGIN_DECLS

/* What reception writes down during a call, in the order of seed 000's first-contact
 * checklist. A plain struct: the dialog fills it, this file checks it and saves it as a person
 * (and the person affected, when someone calls on their behalf) and a logged case. */
typedef struct {
  char     *kind;             /* "complaint" (default) or "concern" */
  char     *title;
  char     *first_name;
  char     *last_name;
  char     *known_as;         /* how they would like to be addressed */
  char     *phone;
  char     *contact_method;   /* phone, email, post… */
  char     *contact_times;
  gboolean  answerphone_ok;
  gboolean  on_behalf;
  char     *affected_name;    /* "First Last" of the person affected */
  char     *relationship;
  char     *what_happened;
  char     *summary;          /* one line, as letters quote it; NULL: its first sentence */
  char     *outcome_wanted;
  gboolean  callback_offered;
  gboolean  meeting_offered;
  gboolean  advocacy_offered;
  char     *needs;
} HeedPhoneLog;

HeedPhoneLog *heed_phone_log_new       (void);
void          heed_phone_log_free      (HeedPhoneLog *log);
/* The one-line summary offered for @what_happened: its first sentence, whole (a letter quotes
 * it, so it is never cut short); NULL when there is nothing yet. */
char         *heed_phone_log_suggest_summary (const char *what_happened);
/* Everything wrong with the log, as HeedProblem*; empty when it can be saved. */
GPtrArray    *heed_phone_log_validate  (const HeedPhoneLog *log);
/* Saves it whole or not at all; returns the new case. */
HeedCase     *heed_phone_log_save      (const HeedPhoneLog  *log,
                                        HeedStore           *store,
                                        GError             **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedPhoneLog, heed_phone_log_free)

G_END_DECLS
