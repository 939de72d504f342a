/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-validate.h"

struct _HeedCase
{
  HeedRecord parent_instance;
  guint      limit_months;
  guint      limit_aware_months;
  guint      limit_outer_months;
};

G_DEFINE_FINAL_TYPE (HeedCase, heed_case, HEED_TYPE_RECORD)

const char *const heed_case_kinds[] = { "complaint", "concern", "comment", "compliment", NULL };
const char *const heed_case_channels[] = {
  "in-person", "phone", "letter", "email", "online-form", "video-call", "advocate",
  "commissioner", "mp", NULL
};
const char *const heed_case_statuses[] = {
  "draft", "logged", "acknowledged", "in-progress", "responded", "closed", "withdrawn",
  "out-of-scope", NULL
};
static const char *const tracks[] = { "early-resolution", "closer-look", NULL };
static const char *const relationships[] = {
  "spouse-partner", "parent-guardian", "child", "carer", "other", NULL
};
static const char *const behalf_reasons[] = {
  "child", "not-well", "lacks-capacity", "prefers", "died", "other", NULL
};
static const char *const late_decisions[] = { "investigate", "cannot-investigate", NULL };
static const char *const consent_statuses[] = {
  "not-needed", "requested", "received", "refused", "cannot-be-given", NULL
};
const char *const heed_seriousness_levels[] = { "low", "medium", "high", "extreme", NULL };
const char *const heed_likelihood_levels[] = {
  "rare", "unlikely", "possible", "likely", "almost-certain", NULL
};
const char *const heed_case_outcomes[] = {
  "upheld", "partly-upheld", "not-upheld", "withdrawn", "out-of-scope", NULL
};
static const char *const ombudsman_statuses[] = {
  "enquiry", "accepted", "declined", "reported", NULL
};
static const char *const ombudsman_decisions[] = {
  "upheld", "partly-upheld", "not-upheld", NULL
};
const char *const heed_case_cares[] = { "nhs", "private", NULL };
static const char *const best_interests[] = { "yes", "no", NULL };
static const char *const complied[] = { "pending", "complied", "partly-complied", "not-complied", NULL };

#define TEXT(n, c, f, l) { n, c, HEED_VALUE_TEXT, f, l, NULL }
#define CHOICE(n, c, f, l, ch) { n, c, HEED_VALUE_CHOICE, f, l, ch }

static const HeedFieldSpec case_fields[HEED_CASE_N_FIELDS] = {
  TEXT ("reference", "reference", HEED_FIELD_SYSTEM, N_("Reference")),
  CHOICE ("kind", "kind", HEED_FIELD_REQUIRED, N_("Kind"), heed_case_kinds),
  CHOICE ("channel", "channel", HEED_FIELD_REQUIRED, N_("How it came in"), heed_case_channels),
  CHOICE ("status", "status", HEED_FIELD_REQUIRED, N_("Status"), heed_case_statuses),
  CHOICE ("track", "track", 0, N_("Track"), tracks),
  { "received-at", "received_at", HEED_VALUE_DATETIME, HEED_FIELD_REQUIRED, N_("Received"), NULL },
  { "received-by", "received_by", HEED_VALUE_ID, 0, N_("Taken by"), NULL },
  { "handler", "handler", HEED_VALUE_ID, 0, N_("Handled by"), NULL },
  { "complainant", "complainant", HEED_VALUE_ID, 0, N_("From"), NULL },
  { "affected", "affected", HEED_VALUE_ID, 0, N_("Person affected"), NULL },
  { "on-behalf", "on_behalf", HEED_VALUE_BOOL, 0, N_("On behalf of someone else"), NULL },
  CHOICE ("relationship", "relationship", 0, N_("Relationship to the person"), relationships),
  TEXT ("relationship-other", "relationship_other", HEED_FIELD_PERSONAL,
        N_("Relationship, other")),
  CHOICE ("behalf-reason", "behalf_reason", 0, N_("Why they cannot complain themselves"),
          behalf_reasons),
  TEXT ("behalf-reason-other", "behalf_reason_other", HEED_FIELD_PERSONAL, N_("Reason, other")),
  { "anonymous", "anonymous", HEED_VALUE_BOOL, 0, N_("Anonymous"), NULL },
  { "confidential", "confidential", HEED_VALUE_BOOL, 0, N_("Confidential"), NULL },
  TEXT ("summary", "summary", HEED_FIELD_REQUIRED | HEED_FIELD_PERSONAL, N_("Summary")),
  { "incident-date", "incident_date", HEED_VALUE_DATE, 0, N_("When it happened"), NULL },
  { "aware-date", "aware_date", HEED_VALUE_DATE, 0, N_("When they became aware"), NULL },
  TEXT ("description", "description", HEED_FIELD_LONG | HEED_FIELD_PERSONAL, N_("What happened")),
  TEXT ("people-involved", "people_involved", HEED_FIELD_PERSONAL, N_("Who was involved")),
  TEXT ("how-affected", "how_affected", HEED_FIELD_LONG | HEED_FIELD_PERSONAL,
        N_("How they were affected")),
  TEXT ("outcome-wanted", "outcome_wanted", HEED_FIELD_LONG | HEED_FIELD_PERSONAL,
        N_("What they would like to happen")),
  TEXT ("outcome-notes", "outcome_notes", HEED_FIELD_LONG | HEED_FIELD_PERSONAL,
        N_("Is that outcome realistic?")),
  TEXT ("late-reason", "late_reason", HEED_FIELD_LONG | HEED_FIELD_PERSONAL,
        N_("Reason for the delay")),
  CHOICE ("late-decision", "late_decision", 0, N_("Decision on a late complaint"),
          late_decisions),
  TEXT ("subject", "subject", 0, N_("Subject")),
  TEXT ("service-area", "service_area", 0, N_("Service area")),
  { "callback-offered", "callback_offered", HEED_VALUE_BOOL, 0, N_("Call-back offered"), NULL },
  { "meeting-offered", "meeting_offered", HEED_VALUE_BOOL, 0, N_("Meeting offered"), NULL },
  { "advocacy-offered", "advocacy_offered", HEED_VALUE_BOOL, 0, N_("Advocacy offered"), NULL },
  { "copy-offered", "copy_offered", HEED_VALUE_BOOL, 0, N_("Copy of the written record offered"),
    NULL },
  TEXT ("needs", "needs", HEED_FIELD_LONG | HEED_FIELD_PERSONAL,
        N_("Needs to take into account")),
  CHOICE ("consent-status", "consent_status", 0, N_("Consent"), consent_statuses),
  { "consent-requested", "consent_requested", HEED_VALUE_DATE, 0, N_("Consent requested"), NULL },
  { "consent-received", "consent_received", HEED_VALUE_DATE, 0, N_("Consent answered"), NULL },
  { "authorised-on", "authorised_on", HEED_VALUE_DATE, 0, N_("Authorisation signed"), NULL },
  CHOICE ("seriousness", "seriousness", 0, N_("Seriousness"), heed_seriousness_levels),
  CHOICE ("likelihood", "likelihood", 0, N_("Likelihood of recurrence"), heed_likelihood_levels),
  CHOICE ("seriousness-after", "seriousness_after", 0, N_("Seriousness after investigation"),
          heed_seriousness_levels),
  CHOICE ("likelihood-after", "likelihood_after", 0, N_("Likelihood after investigation"),
          heed_likelihood_levels),
  { "safeguarding", "safeguarding", HEED_VALUE_BOOL, 0, N_("Safeguarding concern"), NULL },
  TEXT ("safeguarding-note", "safeguarding_note", HEED_FIELD_LONG | HEED_FIELD_PERSONAL,
        N_("Safeguarding note")),
  { "safeguarding-referred", "safeguarding_referred", HEED_VALUE_DATE, 0,
    N_("Safeguarding referral made"), NULL },
  TEXT ("out-of-scope-reason", "out_of_scope_reason", HEED_FIELD_LONG,
        N_("Why it is out of scope")),
  TEXT ("other-organisations", "other_organisations", 0, N_("Other organisations involved")),
  TEXT ("lead-organisation", "lead_organisation", 0, N_("Organisation leading the response")),
  { "consent-to-share", "consent_to_share", HEED_VALUE_BOOL, 0,
    N_("Consent to share with them"), NULL },
  TEXT ("plan", "plan", HEED_FIELD_LONG, N_("Plan agreed with the complainant")),
  TEXT ("update-arrangements", "update_arrangements", 0, N_("How and when they are updated")),
  { "agreed-response-date", "agreed_response_date", HEED_VALUE_DATE, 0,
    N_("Response date agreed"), NULL },
  { "acknowledged-on", "acknowledged_on", HEED_VALUE_DATE, 0, N_("Acknowledged"), NULL },
  { "stage2-on", "stage2_on", HEED_VALUE_DATE, 0, N_("Moved to a closer look"), NULL },
  { "extended", "extended", HEED_VALUE_BOOL, 0, N_("Early resolution extended"), NULL },
  { "responded-on", "responded_on", HEED_VALUE_DATE, 0, N_("Responded"), NULL },
  { "closed-on", "closed_on", HEED_VALUE_DATE, 0, N_("Closed"), NULL },
  { "oral-resolved", "oral_resolved", HEED_VALUE_BOOL, 0,
    N_("Oral complaint resolved by the next working day"), NULL },
  CHOICE ("outcome", "outcome", 0, N_("Outcome"), heed_case_outcomes),
  { "remedy-apology", "remedy_apology", HEED_VALUE_BOOL, 0, N_("Apology given"), NULL },
  { "remedy-explanation", "remedy_explanation", HEED_VALUE_BOOL, 0, N_("Explanation given"),
    NULL },
  { "remedy-action", "remedy_action", HEED_VALUE_BOOL, 0, N_("Action taken"), NULL },
  { "remedy-financial", "remedy_financial", HEED_VALUE_MONEY, 0, N_("Financial redress"), NULL },
  { "ombudsman-referred", "ombudsman_referred", HEED_VALUE_DATE, 0,
    N_("Referred to the Ombudsman"), NULL },
  TEXT ("ombudsman-reference", "ombudsman_reference", 0, N_("Ombudsman’s reference")),
  CHOICE ("ombudsman-status", "ombudsman_status", 0, N_("Ombudsman’s progress"),
          ombudsman_statuses),
  CHOICE ("ombudsman-decision", "ombudsman_decision", 0, N_("Ombudsman’s decision"),
          ombudsman_decisions),
  { "ombudsman-decided", "ombudsman_decided", HEED_VALUE_DATE, 0, N_("Ombudsman decided"), NULL },
  TEXT ("ombudsman-recommendations", "ombudsman_recommendations", HEED_FIELD_LONG,
        N_("Ombudsman’s recommendations")),
  CHOICE ("ombudsman-complied", "ombudsman_complied", 0, N_("Recommendations complied with"),
          complied),
  { "general-importance", "general_importance", HEED_VALUE_BOOL, 0,
    N_("A matter of general importance"), NULL },
  TEXT ("lessons", "lessons", HEED_FIELD_LONG, N_("Lessons learned")),
  { "in-report", "in_report", HEED_VALUE_BOOL, 0, N_("Include in the annual report"), NULL },
  TEXT ("you-said", "you_said", HEED_FIELD_LONG, N_("You said (anonymised)")),
  TEXT ("we-did", "we_did", HEED_FIELD_LONG, N_("We did")),
  { "publication-approved", "publication_approved", HEED_VALUE_BOOL, 0,
    N_("Wording approved for publication"), NULL },
  CHOICE ("care", "care", 0, N_("NHS or private care"), heed_case_cares),
  CHOICE ("best-interests", "best_interests", 0,
          N_("Representative acts in the patient’s best interests"), best_interests),
  TEXT ("best-interests-note", "best_interests_note", HEED_FIELD_LONG,
        N_("Why, for the best-interests decision")),
  { "created-at", "created_at", HEED_VALUE_DATETIME, HEED_FIELD_SYSTEM, N_("Created"), NULL },
  { "updated-at", "updated_at", HEED_VALUE_DATETIME, HEED_FIELD_SYSTEM, N_("Last changed"), NULL },
};

#undef TEXT
#undef CHOICE

static void
add_problem (GPtrArray  *problems,
             const char *field,
             const char *message)
{
  g_ptr_array_add (problems, heed_problem_new (field, message));
}

static void
heed_case_validate (HeedRecord *record,
                    GDate      *today,
                    GPtrArray  *problems)
{
  GDate received, incident, aware, date;
  gboolean has_received, has_incident, has_aware;
  const char *kind = heed_record_get_text (record, HEED_CASE_KIND);

  has_received = heed_record_get_date (record, HEED_CASE_RECEIVED_AT, &received);
  has_incident = heed_record_get_date (record, HEED_CASE_INCIDENT_DATE, &incident);
  has_aware = heed_record_get_date (record, HEED_CASE_AWARE_DATE, &aware);

  if (has_received && today != NULL && g_date_valid (today) && g_date_compare (&received, today) > 0)
    add_problem (problems, "received-at", _("The received date cannot be in the future."));

  if (has_incident && has_received && g_date_compare (&incident, &received) > 0)
    add_problem (problems, "incident-date",
                 _("It cannot have happened after the day it was received."));
  if (has_aware && has_received && g_date_compare (&aware, &received) > 0)
    add_problem (problems, "aware-date",
                 _("They cannot have become aware of it after the day it was received."));
  if (has_aware && has_incident && g_date_compare (&aware, &incident) < 0)
    add_problem (problems, "aware-date",
                 _("They cannot have become aware of it before it happened."));

  if (heed_case_kind_from_id (kind) == HEED_KIND_COMPLAINT
      && heed_case_is_late (HEED_CASE (record))
      && !heed_record_is_set (record, HEED_CASE_LATE_REASON))
    {
      guint months = HEED_CASE (record)->limit_months;
      g_autofree char *message = NULL;

      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "This complaint was made more than %u month after "
                                              "the event or learning of it. Write down the "
                                              "reason for the delay, so you can decide whether it "
                                              "can still be looked into fairly.",
                                              "This complaint was made more than %u months after "
                                              "the event or learning of it. Write down the "
                                              "reason for the delay, so you can decide whether it "
                                              "can still be looked into fairly.", months),
                                 months);
      add_problem (problems, "late-reason", message);
    }

  if (heed_record_get_bool (record, HEED_CASE_ON_BEHALF))
    {
      if (!heed_record_is_set (record, HEED_CASE_RELATIONSHIP))
        add_problem (problems, "relationship",
                     _("Say how the complainant is related to the person affected."));
      else if (g_strcmp0 (heed_record_get_text (record, HEED_CASE_RELATIONSHIP), "other") == 0
               && !heed_record_is_set (record, HEED_CASE_RELATIONSHIP_OTHER))
        add_problem (problems, "relationship-other", _("Describe the relationship."));
      if (!heed_record_is_set (record, HEED_CASE_BEHALF_REASON))
        add_problem (problems, "behalf-reason",
                     _("Say why the person affected is not complaining themselves."));
      else if (g_strcmp0 (heed_record_get_text (record, HEED_CASE_BEHALF_REASON), "other") == 0
               && !heed_record_is_set (record, HEED_CASE_BEHALF_REASON_OTHER))
        add_problem (problems, "behalf-reason-other", _("Describe the reason."));
    }

  /* A representative who does not act in the patient's best interests: the decision needs its
   * reason (the complaint can then be declined for that person, and the complainant told). */
  if (heed_record_get_bool (record, HEED_CASE_ON_BEHALF)
      && g_strcmp0 (heed_record_get_text (record, HEED_CASE_BEST_INTERESTS), "no") == 0
      && !heed_record_is_set (record, HEED_CASE_BEST_INTERESTS_NOTE))
    add_problem (problems, "best-interests-note",
                 _("Say why you decided they do not act in the patient’s best interests."));

  if (heed_record_get_date (record, HEED_CASE_CONSENT_RECEIVED, &date))
    {
      GDate requested;

      if (heed_record_get_date (record, HEED_CASE_CONSENT_REQUESTED, &requested)
          && g_date_compare (&date, &requested) < 0)
        add_problem (problems, "consent-received",
                     _("Consent cannot have been answered before it was asked for."));
    }

  if (has_received)
    {
      static const HeedCaseField after_received[] = {
        HEED_CASE_ACKNOWLEDGED_ON, HEED_CASE_RESPONDED_ON, HEED_CASE_CLOSED_ON,
        HEED_CASE_AGREED_RESPONSE_DATE, HEED_CASE_STAGE2_ON,
      };

      for (guint i = 0; i < G_N_ELEMENTS (after_received); i++)
        {
          if (heed_record_get_date (record, after_received[i], &date)
              && g_date_compare (&date, &received) < 0)
            {
              guint n;
              const HeedFieldSpec *fields = heed_record_get_fields (record, &n);

              add_problem (problems, fields[after_received[i]].name,
                           _("This date is before the day it was received."));
            }
        }
    }

  if (heed_case_status_from_id (heed_record_get_text (record, HEED_CASE_STATUS))
      == HEED_STATUS_OUT_OF_SCOPE
      && !heed_record_is_set (record, HEED_CASE_OUT_OF_SCOPE_REASON))
    add_problem (problems, "out-of-scope-reason",
                 _("Write down why it is out of scope, so the person can be told."));

  if (heed_record_get_int (record, HEED_CASE_REMEDY_FINANCIAL) < 0)
    add_problem (problems, "remedy-financial", _("An amount of money cannot be negative."));
}

static void
heed_case_class_init (HeedCaseClass *klass)
{
  HeedRecordClass *record_class = HEED_RECORD_CLASS (klass);

  heed_record_class_set_fields (record_class, "cases", case_fields, HEED_CASE_N_FIELDS);
  record_class->validate = heed_case_validate;
}

static void
heed_case_init (HeedCase *self)
{
  self->limit_months = self->limit_aware_months = 12;
}

HeedCase *
heed_case_new (const char *kind)
{
  g_return_val_if_fail (kind == NULL || g_strv_contains (heed_case_kinds, kind), NULL);

  return g_object_new (HEED_TYPE_CASE, "kind", kind, "status", "draft", NULL);
}

const char *
heed_case_get_reference (HeedCase *self)
{
  return heed_record_get_text (HEED_RECORD (self), HEED_CASE_REFERENCE);
}

const char *
heed_case_get_kind (HeedCase *self)
{
  return heed_record_get_text (HEED_RECORD (self), HEED_CASE_KIND);
}

const char *
heed_case_get_status (HeedCase *self)
{
  return heed_record_get_text (HEED_RECORD (self), HEED_CASE_STATUS);
}

const char *
heed_case_get_summary (HeedCase *self)
{
  return heed_record_get_text (HEED_RECORD (self), HEED_CASE_SUMMARY);
}

gboolean
heed_case_get_received (HeedCase *self,
                        GDate    *date)
{
  return heed_record_get_date (HEED_RECORD (self), HEED_CASE_RECEIVED_AT, date);
}

gboolean
heed_case_is_open (HeedCase *self)
{
  return heed_case_status_is_open (heed_case_get_status (self));
}

/* Made after the time limit: by default 12 months after the event, or after they became aware
 * of it; the store sets its nation's (heed_case_set_time_limit()). */
gboolean
heed_case_is_late (HeedCase *self)
{
  GDate received, incident, aware, limit;
  gboolean has_incident, has_aware;

  g_return_val_if_fail (HEED_IS_CASE (self), FALSE);

  if (!heed_case_get_received (self, &received))
    return FALSE;
  has_aware = heed_record_get_date (HEED_RECORD (self), HEED_CASE_AWARE_DATE, &aware);
  has_incident = heed_record_get_date (HEED_RECORD (self), HEED_CASE_INCIDENT_DATE, &incident);
  if (!has_aware && !has_incident)
    return FALSE;

  if (has_aware && (!has_incident || g_date_compare (&aware, &incident) > 0))
    {
      limit = aware;
      g_date_add_months (&limit, self->limit_aware_months);
      if (g_date_compare (&received, &limit) > 0)
        return TRUE;
      if (!has_incident || self->limit_outer_months == 0)
        return FALSE;
      limit = incident;
      g_date_add_months (&limit, self->limit_outer_months);
      return g_date_compare (&received, &limit) > 0;
    }
  limit = has_incident ? incident : aware;
  g_date_add_months (&limit, self->limit_months);
  return g_date_compare (&received, &limit) > 0;
}

void
heed_case_set_time_limit (HeedCase *self,
                          guint     months,
                          guint     aware_months,
                          guint     outer_months)
{
  g_return_if_fail (HEED_IS_CASE (self));
  g_return_if_fail (months > 0);

  self->limit_months = months;
  self->limit_aware_months = aware_months > 0 ? aware_months : months;
  self->limit_outer_months = outer_months;
}

guint
heed_case_get_time_limit (HeedCase *self)
{
  g_return_val_if_fail (HEED_IS_CASE (self), 12);

  return self->limit_months;
}

gboolean
heed_case_is_private (HeedCase *self)
{
  g_return_val_if_fail (HEED_IS_CASE (self), FALSE);

  return g_strcmp0 (heed_record_get_text (HEED_RECORD (self), HEED_CASE_CARE), "private") == 0;
}

G_STATIC_ASSERT (HEED_KIND_UNKNOWN == 4);
G_STATIC_ASSERT (HEED_STATUS_UNKNOWN == 8);

static guint
index_of (const char *const *ids,
          guint              n_ids,
          const char        *id)
{
  for (guint i = 0; id != NULL && i < n_ids; i++)
    if (strcmp (ids[i], id) == 0)
      return i;
  return n_ids;
}

HeedCaseKind
heed_case_kind_from_id (const char *id)
{
  return (HeedCaseKind) index_of (heed_case_kinds, HEED_KIND_UNKNOWN, id);
}

const char *
heed_case_kind_to_id (HeedCaseKind kind)
{
  g_return_val_if_fail (kind < HEED_KIND_UNKNOWN, NULL);
  return heed_case_kinds[kind];
}

HeedCaseStatus
heed_case_status_from_id (const char *id)
{
  return (HeedCaseStatus) index_of (heed_case_statuses, HEED_STATUS_UNKNOWN, id);
}

const char *
heed_case_status_to_id (HeedCaseStatus status)
{
  g_return_val_if_fail (status < HEED_STATUS_UNKNOWN, NULL);
  return heed_case_statuses[status];
}

HeedCaseKind
heed_case_get_kind_value (HeedCase *self)
{
  g_return_val_if_fail (HEED_IS_CASE (self), HEED_KIND_UNKNOWN);
  return heed_case_kind_from_id (heed_case_get_kind (self));
}

HeedCaseStatus
heed_case_get_status_value (HeedCase *self)
{
  g_return_val_if_fail (HEED_IS_CASE (self), HEED_STATUS_UNKNOWN);
  return heed_case_status_from_id (heed_case_get_status (self));
}

gboolean
heed_case_status_is_open (const char *status)
{
  switch (heed_case_status_from_id (status))
    {
    case HEED_STATUS_CLOSED:
    case HEED_STATUS_WITHDRAWN:
    case HEED_STATUS_OUT_OF_SCOPE:
    case HEED_STATUS_UNKNOWN:
      return FALSE;
    case HEED_STATUS_DRAFT:
    case HEED_STATUS_LOGGED:
    case HEED_STATUS_ACKNOWLEDGED:
    case HEED_STATUS_IN_PROGRESS:
    case HEED_STATUS_RESPONDED:
    default:
      return TRUE;
    }
}

const char *
heed_case_kind_get_label (const char *kind)
{
  switch (heed_case_kind_from_id (kind))
    {
    case HEED_KIND_COMPLAINT:
      return _("Complaint");
    case HEED_KIND_CONCERN:
      return _("Concern");
    case HEED_KIND_COMMENT:
      return _("Comment");
    case HEED_KIND_COMPLIMENT:
      return _("Compliment");
    case HEED_KIND_UNKNOWN:
    default:
      return kind;
    }
}

const char *
heed_case_kind_get_prefix (const char *kind)
{
  switch (heed_case_kind_from_id (kind))
    {
    case HEED_KIND_CONCERN:
      return "CN";
    case HEED_KIND_COMMENT:
      return "CM";
    case HEED_KIND_COMPLIMENT:
      return "CP";
    case HEED_KIND_COMPLAINT:
    case HEED_KIND_UNKNOWN:
    default:
      return "C";
    }
}

const char *
heed_case_channel_get_label (const char *channel)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "in-person", N_("In person") },
    { "phone", N_("Phone") },
    { "letter", N_("Letter") },
    { "email", N_("Email") },
    { "online-form", N_("Online form") },
    { "video-call", N_("Text or video call") },
    { "advocate", N_("Through an advocate") },
    { "commissioner", N_("Through the commissioner") },
    { "mp", N_("Through an MP") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, channel) == 0)
      return _(labels[i].label);
  return channel;
}

const char *
heed_case_status_get_label (const char *status)
{
  /* In the order of HeedCaseStatus. */
  static const char *const labels[] = {
    N_("Draft"), N_("Logged"), N_("Acknowledged"), N_("In progress"), N_("Responded"),
    N_("Closed"), N_("Withdrawn"), N_("Out of scope"),
  };
  HeedCaseStatus value = heed_case_status_from_id (status);

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == HEED_STATUS_UNKNOWN);
  return value < HEED_STATUS_UNKNOWN ? _(labels[value]) : status;
}

const char *
heed_case_outcome_get_label (const char *outcome)
{
  static const struct { const char *id; const char *label; } labels[] = {
    { "upheld", N_("Upheld") },
    { "partly-upheld", N_("Partly upheld") },
    { "not-upheld", N_("Not upheld") },
    { "withdrawn", N_("Withdrawn") },
    { "out-of-scope", N_("Out of scope") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].id, outcome) == 0)
      return _(labels[i].label);
  return outcome;
}
