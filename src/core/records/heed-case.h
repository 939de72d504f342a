/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-record.h"

G_BEGIN_DECLS

/* The fields of a case, in the order of its field table. */
typedef enum {
  HEED_CASE_REFERENCE,
  HEED_CASE_KIND,
  HEED_CASE_CHANNEL,
  HEED_CASE_STATUS,
  HEED_CASE_TRACK,
  HEED_CASE_RECEIVED_AT,
  HEED_CASE_RECEIVED_BY,
  HEED_CASE_HANDLER,
  HEED_CASE_COMPLAINANT,
  HEED_CASE_AFFECTED,
  HEED_CASE_ON_BEHALF,
  HEED_CASE_RELATIONSHIP,
  HEED_CASE_RELATIONSHIP_OTHER,
  HEED_CASE_BEHALF_REASON,
  HEED_CASE_BEHALF_REASON_OTHER,
  HEED_CASE_ANONYMOUS,
  HEED_CASE_CONFIDENTIAL,
  HEED_CASE_SUMMARY,
  HEED_CASE_INCIDENT_DATE,
  HEED_CASE_AWARE_DATE,
  HEED_CASE_DESCRIPTION,
  HEED_CASE_PEOPLE_INVOLVED,
  HEED_CASE_HOW_AFFECTED,
  HEED_CASE_OUTCOME_WANTED,
  HEED_CASE_OUTCOME_NOTES,
  HEED_CASE_LATE_REASON,
  HEED_CASE_LATE_DECISION,
  HEED_CASE_SUBJECT,
  HEED_CASE_SERVICE_AREA,
  HEED_CASE_CALLBACK_OFFERED,
  HEED_CASE_MEETING_OFFERED,
  HEED_CASE_ADVOCACY_OFFERED,
  HEED_CASE_COPY_OFFERED,
  HEED_CASE_NEEDS,
  HEED_CASE_CONSENT_STATUS,
  HEED_CASE_CONSENT_REQUESTED,
  HEED_CASE_CONSENT_RECEIVED,
  HEED_CASE_AUTHORISED_ON,
  HEED_CASE_SERIOUSNESS,
  HEED_CASE_LIKELIHOOD,
  HEED_CASE_SERIOUSNESS_AFTER,
  HEED_CASE_LIKELIHOOD_AFTER,
  HEED_CASE_SAFEGUARDING,
  HEED_CASE_SAFEGUARDING_NOTE,
  HEED_CASE_SAFEGUARDING_REFERRED,
  HEED_CASE_OUT_OF_SCOPE_REASON,
  HEED_CASE_OTHER_ORGANISATIONS,
  HEED_CASE_LEAD_ORGANISATION,
  HEED_CASE_CONSENT_TO_SHARE,
  HEED_CASE_PLAN,
  HEED_CASE_UPDATE_ARRANGEMENTS,
  HEED_CASE_AGREED_RESPONSE_DATE,
  HEED_CASE_ACKNOWLEDGED_ON,
  HEED_CASE_STAGE2_ON,
  HEED_CASE_EXTENDED,
  HEED_CASE_RESPONDED_ON,
  HEED_CASE_CLOSED_ON,
  HEED_CASE_ORAL_RESOLVED,
  HEED_CASE_OUTCOME,
  HEED_CASE_REMEDY_APOLOGY,
  HEED_CASE_REMEDY_EXPLANATION,
  HEED_CASE_REMEDY_ACTION,
  HEED_CASE_REMEDY_FINANCIAL,
  HEED_CASE_OMBUDSMAN_REFERRED,
  HEED_CASE_OMBUDSMAN_REFERENCE,
  HEED_CASE_OMBUDSMAN_STATUS,
  HEED_CASE_OMBUDSMAN_DECISION,
  HEED_CASE_OMBUDSMAN_DECIDED,
  HEED_CASE_OMBUDSMAN_RECOMMENDATIONS,
  HEED_CASE_OMBUDSMAN_COMPLIED,
  HEED_CASE_GENERAL_IMPORTANCE,
  HEED_CASE_LESSONS,
  HEED_CASE_IN_REPORT,
  HEED_CASE_YOU_SAID,
  HEED_CASE_WE_DID,
  HEED_CASE_PUBLICATION_APPROVED,
  HEED_CASE_CARE,
  HEED_CASE_BEST_INTERESTS,
  HEED_CASE_BEST_INTERESTS_NOTE,
  HEED_CASE_CREATED_AT,
  HEED_CASE_UPDATED_AT,
  HEED_CASE_N_FIELDS
} HeedCaseField;

extern const char *const heed_case_kinds[];
extern const char *const heed_case_channels[];
extern const char *const heed_case_statuses[];
extern const char *const heed_case_outcomes[];
extern const char *const heed_case_cares[];
extern const char *const heed_seriousness_levels[];
extern const char *const heed_likelihood_levels[];

/* The kinds and statuses, in the order of heed_case_kinds[] and heed_case_statuses[]: those
 * tables hold the ids a practice stores for them, the one place each is spelt. */
typedef enum {
  HEED_KIND_COMPLAINT,
  HEED_KIND_CONCERN,
  HEED_KIND_COMMENT,
  HEED_KIND_COMPLIMENT,
  HEED_KIND_UNKNOWN,   /* not a kind Heed knows (nothing stored is: the schema checks) */
} HeedCaseKind;

typedef enum {
  HEED_STATUS_DRAFT,
  HEED_STATUS_LOGGED,
  HEED_STATUS_ACKNOWLEDGED,
  HEED_STATUS_IN_PROGRESS,
  HEED_STATUS_RESPONDED,
  HEED_STATUS_CLOSED,
  HEED_STATUS_WITHDRAWN,
  HEED_STATUS_OUT_OF_SCOPE,
  HEED_STATUS_UNKNOWN,
} HeedCaseStatus;

HeedCaseKind   heed_case_kind_from_id     (const char     *id);
const char    *heed_case_kind_to_id       (HeedCaseKind    kind);
HeedCaseStatus heed_case_status_from_id   (const char     *id);
const char    *heed_case_status_to_id     (HeedCaseStatus  status);

#define HEED_TYPE_CASE (heed_case_get_type ())
G_DECLARE_FINAL_TYPE (HeedCase, heed_case, HEED, CASE, HeedRecord)

HeedCase   *heed_case_new              (const char *kind);
const char *heed_case_get_reference    (HeedCase *self);
const char *heed_case_get_kind         (HeedCase *self);
const char *heed_case_get_status       (HeedCase *self);
HeedCaseKind   heed_case_get_kind_value   (HeedCase *self);
HeedCaseStatus heed_case_get_status_value (HeedCase *self);
const char *heed_case_get_summary      (HeedCase *self);
gboolean    heed_case_get_received     (HeedCase *self,
                                        GDate    *date);
gboolean    heed_case_is_open          (HeedCase *self);
gboolean    heed_case_is_late          (HeedCase *self);
/* The time limit the late check applies (DOMAIN.md, "Time limit"): within @months of the event,
 * or @aware_months of learning of it and then (when not 0) within @outer_months of the event.
 * A new case has England's 12 months until the store gives it its nation's. */
void        heed_case_set_time_limit   (HeedCase *self,
                                        guint     months,
                                        guint     aware_months,
                                        guint     outer_months);
guint       heed_case_get_time_limit   (HeedCase *self);
/* "private" or "nhs" (the default). */
gboolean    heed_case_is_private       (HeedCase *self);

const char *heed_case_kind_get_label    (const char *kind);
const char *heed_case_channel_get_label (const char *channel);
const char *heed_case_status_get_label  (const char *status);
const char *heed_case_outcome_get_label (const char *outcome);
const char *heed_case_kind_get_prefix   (const char *kind);
gboolean    heed_case_status_is_open    (const char *status);

G_END_DECLS
