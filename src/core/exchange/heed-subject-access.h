/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "heed-case.h"
#include "heed-person.h"
#include "heed-store.h"
#include "heed-store-exchange.h"

G_BEGIN_DECLS

/* A subject access export: everything the practice file holds about one person (UK GDPR,
 * answerable within one month), collected once and then written as XML here and as a PDF by
 * src/render.  Nothing about a case the person is not part of is collected. */

/* One row of the audit trail. */
typedef struct {
  gint64  id;
  char   *at;       /* ISO 8601, UTC */
  char   *os_user;
  char   *staff;
  char   *action;
  char   *table;
  gint64  row_id;
  char   *detail;
} HeedAuditEntry;

void  heed_audit_entry_free     (HeedAuditEntry       *entry);
/* In words a practice manager reads: "Changed case 21: Status, Outcome". */
char *heed_audit_entry_describe (const HeedAuditEntry *entry);
/* "Jo Marsh (jmarsh)", or the computer login alone. */
char *heed_audit_entry_dup_who  (const HeedAuditEntry *entry);
/* "3 June 2025 at 14:05", in local time. */
char *heed_audit_entry_dup_when (const HeedAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedAuditEntry, heed_audit_entry_free)

/* How the person is part of a case. */
typedef enum {
  HEED_SUBJECT_ROLE_COMPLAINANT,     /* made it about themselves */
  HEED_SUBJECT_ROLE_REPRESENTATIVE,  /* made it on behalf of the person affected */
  HEED_SUBJECT_ROLE_AFFECTED,        /* the patient someone else complained for */
} HeedSubjectRole;

/* One attachment of a case, with its contents. */
typedef struct {
  HeedAttachmentInfo *info;
  GBytes             *data;
} HeedSubjectAttachment;

/* One case the person is part of, with everything that hangs from it. Arrays hold records of
 * the named type, oldest first; audit holds HeedAuditEntry about any of them. */
typedef struct {
  HeedCase        *kase;
  HeedSubjectRole  role;
  HeedPerson      *other_person;    /* the other party named on the case, or NULL */
  HeedSubjectRole  other_role;
  GPtrArray       *elements;        /* HeedCaseElement */
  GPtrArray       *events;          /* HeedEvent */
  GPtrArray       *attachments;     /* HeedSubjectAttachment */
  GPtrArray       *letters;         /* HeedLetter */
  GPtrArray       *letter_pdfs;     /* GBytes of each letter as sent, or NULL; as letters */
  GPtrArray       *actions;         /* HeedAction */
  GPtrArray       *survey_responses; /* HeedSurveyResponse */
  GPtrArray       *restrictions;    /* HeedRestriction */
  GPtrArray       *audit;           /* HeedAuditEntry */
} HeedSubjectCase;

/* Practice file queries (heed-store-subject-access.c). */
GArray     *heed_store_list_cases_of_person          (HeedStore   *self,
                                                      gint64       person_id,
                                                      GError     **error);
GPtrArray  *heed_store_list_audit_entries            (HeedStore   *self,
                                                      const char  *table,
                                                      gint64       row_id,
                                                      GError     **error);
/* FALSE, with the reason, when an export could not be recorded (the file is read-only). */
gboolean    heed_store_check_can_record_export       (HeedStore   *self,
                                                      GError     **error);
/* Adds "subject access export made for person N" to the audit trail. */
gboolean    heed_store_record_subject_access_export  (HeedStore   *self,
                                                      gint64       person_id,
                                                      GError     **error);

#define HEED_TYPE_SUBJECT_ACCESS (heed_subject_access_get_type ())
G_DECLARE_FINAL_TYPE (HeedSubjectAccess, heed_subject_access, HEED, SUBJECT_ACCESS, GObject)

/* Collects everything about person @person_id; HEED_STORE_ERROR_NO_RECORD when there is no
 * such person. */
HeedSubjectAccess     *heed_subject_access_collect          (HeedStore          *store,
                                                             gint64              person_id,
                                                             GError            **error);
HeedPerson            *heed_subject_access_get_person       (HeedSubjectAccess  *self);
/* The person's name as the export is titled ("Mrs Ann Lee"). */
const char            *heed_subject_access_get_name         (HeedSubjectAccess  *self);
const char            *heed_subject_access_get_practice     (HeedSubjectAccess  *self);
GDateTime             *heed_subject_access_get_made_at      (HeedSubjectAccess  *self);
/* Audit entries about the person's own record. */
GPtrArray             *heed_subject_access_get_person_audit (HeedSubjectAccess  *self);
guint                  heed_subject_access_get_n_cases      (HeedSubjectAccess  *self);
const HeedSubjectCase *heed_subject_access_get_case         (HeedSubjectAccess  *self,
                                                             guint               index);
/* The staff member's name, or NULL. */
const char            *heed_subject_access_get_staff_name   (HeedSubjectAccess  *self,
                                                             gint64              staff_id);
/* Field @field of @record (any record of the export) as a person reads it: dates as "3 June
 * 2025", choices in words, staff and people by name, cases by reference; NULL when unset. */
char                  *heed_subject_access_dup_value        (HeedSubjectAccess  *self,
                                                             HeedRecord         *record,
                                                             guint               field);
/* "complainant", "representative", "person-affected": the id used in XML. */
const char            *heed_subject_role_to_id              (HeedSubjectRole     role);
/* Translated, for people to read. */
const char            *heed_subject_role_to_label           (HeedSubjectRole     role);

/* The export as a UTF-8 XML document. */
GBytes                *heed_subject_access_to_xml           (HeedSubjectAccess  *self,
                                                             GError            **error);
/* Writes the XML to @xml_path and, when @pdf is given, @pdf to @pdf_path, each only once it is
 * complete (a temporary file renamed into place, readable by this user only), then records
 * the export in the audit trail.  On any failure nothing new is left behind. */
gboolean               heed_subject_access_save             (HeedSubjectAccess  *self,
                                                             const char         *xml_path,
                                                             GBytes             *pdf,
                                                             const char         *pdf_path,
                                                             GError            **error);

G_END_DECLS
