/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-person.h"
#include "heed-store.h"

G_BEGIN_DECLS

/* One piece of feedback that comes in from outside the window's forms: a script
 * (heed-cli add), an email, or a row of a practice's old spreadsheet log. A plain struct: the
 * caller fills it, this file checks it the way the feedback form does (the record field tables
 * and their validation) and saves it as a person and a case, whole or not at all.
 *
 * Values are as typed: dates any way heed_parse_date() reads, phone numbers and email
 * addresses as people write them; they are normalised when saved. */

/* A file kept with the case (an email message, an attachment inside it). */
typedef struct {
  char   *filename;
  char   *mime;
  GBytes *data;
} HeedIntakeDocument;

HeedIntakeDocument *heed_intake_document_new  (const char *filename,
                                               const char *mime,
                                               GBytes     *data);
void                heed_intake_document_free (HeedIntakeDocument *document);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedIntakeDocument, heed_intake_document_free)

typedef struct {
  char      *reference;      /* kept when given and free (an imported case); else a new one */
  char      *kind;           /* complaint, concern, comment, compliment */
  char      *channel;        /* one of heed_case_channels */
  char      *received;       /* "YYYY-MM-DDTHH:MM", "YYYY-MM-DD" or any date; NULL is now */
  char      *summary;
  char      *title;
  char      *first_name;
  char      *last_name;
  char      *phone;
  char      *email;
  char      *what_happened;
  char      *outcome_wanted;
  /* Further case and person fields as (field name, value in its stored form) pairs: what an
   * old log says about the outcome, the dates it was acknowledged and closed, and the like.
   * The case's status is one of them ("closed"); without it a case is "logged". */
  GPtrArray *case_values;    /* of char*, name and value in turn */
  GPtrArray *person_values;
  /* Where it came from, for the trail: "log.xlsx, row 12" or "message.eml". A case with a
   * source is an imported one: being past the time limit is then expected, and noted. */
  char      *source;
  /* Kept with the case as documents; the first is the original message of an email. */
  GPtrArray *documents;      /* of HeedIntakeDocument* */
  /* The digest of the original message, recorded in the trail (SHA-256, hex). */
  char      *message_digest;
} HeedIntake;

HeedIntake *heed_intake_new              (void);
void        heed_intake_free             (HeedIntake  *intake);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedIntake, heed_intake_free)

void        heed_intake_add_case_value   (HeedIntake  *intake,
                                          const char  *field,
                                          const char  *value);
void        heed_intake_add_person_value (HeedIntake  *intake,
                                          const char  *field,
                                          const char  *value);

/* A reference as Heed keeps them, capitals, digits and single hyphens ("2024/017" becomes
 * "2024-017", "c 12" "C-12"); NULL when nothing usable is left or it is over 40 long. */
char       *heed_intake_normalise_reference (const char *text);

/* Reads "2025-04-03T09:30", "2025-04-03 09:30" or a date alone (09:00 is then assumed) into
 * the stored form "2025-04-03T09:30:00". */
gboolean    heed_intake_parse_received   (const char  *text,
                                          char       **stored,
                                          GError     **error);

/* Everything wrong with it, as HeedProblem*, the field named as the intake's own
 * ("phone", "received", "summary", "kind"…); empty when it can be saved. @today may be NULL
 * for the real today. */
GPtrArray  *heed_intake_validate         (const HeedIntake *intake,
                                          const GDate      *today);

/* Builds the case and its complainant (NULL when no one is named) without saving; what is
 * wrong goes into @problems when not NULL. */
HeedCase   *heed_intake_build            (const HeedIntake  *intake,
                                          HeedPerson       **complainant,
                                          GPtrArray         *problems);

/* Saves it whole or not at all (inside the caller's transaction when there is one); returns
 * the new case, logged, with its reference. */
HeedCase   *heed_intake_save             (const HeedIntake  *intake,
                                          HeedStore         *store,
                                          GError           **error);

G_END_DECLS
