/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small practice made by hand for the report tests, where every figure is known.  The
 * financial year 2025 (1 April 2025 – 31 March 2026) is the period; 2024 the previous one.
 *
 *   C1  complaint, letter, 7 Apr 2025; acknowledged in time; closer look; responded 1 May
 *       (agreed 7 May): upheld; two aspects; approved for publication; general importance;
 *       Zebedee Quarrington, born 3 Feb 1950 (75: band 75 to 84).
 *   C2  complaint, email, 14 Apr 2025; acknowledged late (22 Apr, due 17 Apr); closer look;
 *       responded 10 Jun (agreed 30 May): not upheld; made by a carer on behalf of a child
 *       born 1 Jun 2015; not approved for publication; an open action overdue.
 *   C3  complaint, phone, 6 May 2025; early resolution; responded 9 May (agreed 12 May):
 *       partly upheld; no date of birth.
 *   C4  complaint, phone, 2 Jun 2025, oral and resolved next day: outside the statutory counts.
 *   C5  complaint, online form, 20 Mar 2026, anonymous, acknowledged, still open at the end.
 *   C6  concern; C7 six compliments; C8 a comment; a draft complaint (never counted).
 *   C9  complaint, letter, 10 Jan 2025 (previous period), responded 15 Apr 2025: not upheld;
 *       referred to the Ombudsman 1 Jun 2025, reported 1 Dec 2025: partly upheld, complied.
 *   C10 complaint, letter, 15 May 2024: upheld 10 Jun 2024.  C11 complaint, email,
 *       4 Nov 2024: not upheld 20 Nov 2024. */

#include "heed-action.h"
#include "heed-case.h"
#include "heed-case-element.h"
#include "heed-person.h"
#include "heed-staff.h"
#include "heed-store.h"
#include "heed-survey-response.h"

/* Personal details planted in the file that must never reach a published report. */
static const char *const report_test_personal[] = {
  "Zebedee", "Quarrington", "Ottoline", "Peregrine", "Fenwick-Brabazon", "943 476 5919",
  "9434765919", "Wisteria Crescent", "KW7 9QX", "1950-02-03", "3 February 1950", "2015-06-01",
  "Xylophone", "Quokka", "PRIVATE ACTION", "SECRET WORDING", "Dr Hortensia Vole", NULL
};

static gint64
report_test_person (HeedStore  *store,
                    const char *first,
                    const char *last,
                    const char *birth,
                    const char *nhs)
{
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (person, "first-name", first, "last-name", last, "house", "17",
                "street", "Wisteria Crescent", "town", "Exampleton", "postcode", "KW7 9QX", NULL);
  if (birth != NULL)
    g_object_set (person, "date-of-birth", birth, NULL);
  if (nhs != NULL)
    g_object_set (person, "nhs-number", nhs, NULL);
  heed_store_save (store, HEED_RECORD (person), &error);
  g_assert_no_error (error);
  return heed_record_get_id (HEED_RECORD (person));
}

static gint64
report_test_case (HeedStore  *store,
                  const char *kind,
                  const char *channel,
                  const char *received,
                  const char *first_property,
                  ...)
{
  g_autoptr(HeedCase) kase = heed_case_new (kind);
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strconcat (received, "T10:00:00", NULL);
  va_list args;

  g_object_set (kase, "channel", channel, "received-at", at,
                "summary", "Quokka summary of what happened",
                "description", "Xylophone lessons were mentioned by Zebedee Quarrington", NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  heed_store_save (store, HEED_RECORD (kase), &error);
  g_assert_no_error (error);
  return heed_record_get_id (HEED_RECORD (kase));
}

static void
report_test_aspect (HeedStore  *store,
                    gint64      case_id,
                    const char *subject,
                    const char *staff_group)
{
  g_autoptr(HeedCaseElement) element = heed_case_element_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (element, "case", case_id, "description", "Xylophone aspect", "subject", subject,
                "staff-group", staff_group, NULL);
  heed_store_save (store, HEED_RECORD (element), &error);
  g_assert_no_error (error);
}

static void
report_test_survey (HeedStore  *store,
                    const char *date,
                    const char *answers)
{
  g_autoptr(HeedSurveyResponse) survey = heed_survey_response_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (survey, "responded-on", date, "answers", answers,
                "comment", "Quokka comment from Zebedee", NULL);
  heed_store_save (store, HEED_RECORD (survey), &error);
  g_assert_no_error (error);
}

static HeedStore *
report_test_practice (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStaff) staff = heed_staff_new ();
  g_autoptr(HeedAction) wide = heed_action_new ();
  g_autoptr(HeedAction) private_action = heed_action_new ();
  HeedStore *store;
  gint64 zebedee, ottoline, peregrine, c1, c2;

  store = heed_store_create (path, "Quayside Test Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);

  g_object_set (staff, "name", "Dr Hortensia Vole", "role", "Practice manager", NULL);
  heed_store_save (store, HEED_RECORD (staff), &error);
  g_assert_no_error (error);

  zebedee = report_test_person (store, "Zebedee", "Quarrington", "1950-02-03", "943 476 5919");
  ottoline = report_test_person (store, "Ottoline", "Fenwick-Brabazon", "2015-06-01", NULL);
  peregrine = report_test_person (store, "Peregrine", "Fenwick-Brabazon", NULL, NULL);

  c1 = report_test_case (store, "complaint", "letter", "2025-04-07",
                         "complainant", zebedee, "status", "closed", "track", "closer-look",
                         "acknowledged-on", "2025-04-09", "agreed-response-date", "2025-05-07",
                         "responded-on", "2025-05-01", "closed-on", "2025-05-02",
                         "outcome", "upheld", "subject", "appointments",
                         "general-importance", TRUE, "in-report", TRUE,
                         "publication-approved", TRUE,
                         "lessons", "Reception needed a way to call patients back",
                         "you-said", "The phone queue in the morning was too long",
                         "we-did", "We added a call-back option to the phone system", NULL);
  report_test_aspect (store, c1, "appointments", "admin-reception");
  report_test_aspect (store, c1, "communications", "gp-dentist");

  c2 = report_test_case (store, "complaint", "email", "2025-04-14",
                         "complainant", peregrine, "affected", ottoline, "on-behalf", TRUE,
                         "relationship", "carer", "behalf-reason", "child",
                         "status", "closed", "track", "closer-look",
                         "acknowledged-on", "2025-04-22", "agreed-response-date", "2025-05-30",
                         "responded-on", "2025-06-10", "closed-on", "2025-06-11",
                         "outcome", "not-upheld", "subject", "prescribing", "in-report", TRUE,
                         "lessons", "SECRET WORDING about Ottoline",
                         "you-said", "SECRET WORDING you said", "we-did", "SECRET WORDING we did",
                         NULL);
  report_test_case (store, "complaint", "phone", "2025-05-06",
                    "status", "closed", "track", "early-resolution",
                    "acknowledged-on", "2025-05-07", "agreed-response-date", "2025-05-12",
                    "responded-on", "2025-05-09", "closed-on", "2025-05-09",
                    "outcome", "partly-upheld", "subject", "appointments", NULL);
  report_test_case (store, "complaint", "phone", "2025-06-02",
                    "status", "closed", "oral-resolved", TRUE, "closed-on", "2025-06-03",
                    "outcome", "upheld", "subject", "appointments", NULL);
  report_test_case (store, "complaint", "online-form", "2026-03-20",
                    "anonymous", TRUE, "status", "acknowledged",
                    "acknowledged-on", "2026-03-23", "agreed-response-date", "2026-04-30",
                    "subject", "access", NULL);
  report_test_case (store, "concern", "phone", "2025-07-01",
                    "status", "closed", "closed-on", "2025-07-04", NULL);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *day = g_strdup_printf ("2025-07-%02d", 7 + i);

      report_test_case (store, "compliment", "in-person", day,
                        "status", "closed", "closed-on", day, NULL);
    }
  report_test_case (store, "comment", "email", "2025-08-01", "status", "closed",
                    "closed-on", "2025-08-01", NULL);
  report_test_case (store, "complaint", "letter", "2025-09-01", "status", "draft", NULL);
  report_test_case (store, "complaint", "letter", "2025-01-10",
                    "status", "closed", "track", "closer-look", "acknowledged-on", "2025-01-13",
                    "responded-on", "2025-04-15", "closed-on", "2025-04-16",
                    "outcome", "not-upheld", "subject", "clinical",
                    "ombudsman-referred", "2025-06-01", "ombudsman-status", "reported",
                    "ombudsman-decision", "partly-upheld", "ombudsman-decided", "2025-12-01",
                    "ombudsman-complied", "complied", NULL);
  report_test_case (store, "complaint", "letter", "2024-05-15",
                    "status", "closed", "acknowledged-on", "2024-05-16",
                    "responded-on", "2024-06-10", "closed-on", "2024-06-10",
                    "outcome", "upheld", "subject", "clinical", NULL);
  report_test_case (store, "complaint", "email", "2024-11-04",
                    "status", "closed", "acknowledged-on", "2024-11-05",
                    "responded-on", "2024-11-20", "closed-on", "2024-11-20",
                    "outcome", "not-upheld", "subject", "communications", NULL);

  report_test_survey (store, "2025-06-20", "1=5;2=4;3=3");
  report_test_survey (store, "2025-07-20", "1=4;2=2;12=1;13=5;x=2");
  report_test_survey (store, "2024-07-20", "1=1;2=1");

  g_object_set (wide, "description", "Add a call-back option to the phone system",
                "owner", heed_record_get_id (HEED_RECORD (staff)), "start-date", "2025-05-01",
                "due-date", "2025-06-30", "completed-on", "2025-06-20",
                "impact", "Fewer calls abandoned in the morning queue", NULL);
  heed_store_save (store, HEED_RECORD (wide), &error);
  g_assert_no_error (error);
  g_object_set (private_action, "case", c2, "description", "PRIVATE ACTION for Ottoline",
                "start-date", "2025-06-15", "due-date", "2025-08-01", NULL);
  heed_store_save (store, HEED_RECORD (private_action), &error);
  g_assert_no_error (error);
  return store;
}

/* For the quarterly review, added to report_test_practice(): the quarter April to June 2025
 * seen on 1 September 2025, against January to March 2025.
 *
 *   R1  complaint, 20 Jan 2025, in progress, handled by Dr Ambrose Lark, appointments:
 *       7 months open on 1 September, listed.
 *   R2  concern, 1 Mar 2025, acknowledged: exactly six months on 1 September, listed.
 *   R3  complaint, 15 Mar 2025, acknowledged, prescribing: not yet six months.
 *   R4  complaint, 5 Feb 2025, responded 1 Aug 2025 (not closed), clinical: answered.
 *   R5  complaint, 10 Feb 2025, withdrawn, access: ended.
 *   A practice-wide action due 15 Aug 2025 and not done: 17 days late on 1 September, after
 *   C2's action (due 1 Aug, 31 days late).
 *
 * With C9 the previous quarter has 5 complaints (clinical 2, appointments, prescribing,
 * access) and 1 concern; this quarter 3 complaints (appointments 2, communications,
 * prescribing) and the oral one resolved. */
typedef struct {
  char *long_open[2];  /* R1 and R2's references, oldest first */
  char *recent;        /* R3's */
  char *answered;      /* R4's */
} ReviewTestCases;

static void
review_test_cases_clear (ReviewTestCases *cases)
{
  g_free (cases->long_open[0]);
  g_free (cases->long_open[1]);
  g_free (cases->recent);
  g_free (cases->answered);
}

static char *
review_test_reference (HeedStore *store,
                       gint64     id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedRecord) record = heed_store_load (store, HEED_TYPE_CASE, id, &error);

  g_assert_no_error (error);
  return g_strdup (heed_case_get_reference (HEED_CASE (record)));
}

static void
review_test_add_cases (HeedStore       *store,
                       ReviewTestCases *cases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStaff) handler = heed_staff_new ();
  g_autoptr(HeedAction) action = heed_action_new ();
  gint64 id;

  g_object_set (handler, "name", "Dr Ambrose Lark", "role", "GP partner", NULL);
  heed_store_save (store, HEED_RECORD (handler), &error);
  g_assert_no_error (error);

  id = report_test_case (store, "complaint", "letter", "2025-01-20", "status", "in-progress",
                         "track", "closer-look", "acknowledged-on", "2025-01-21",
                         "handler", heed_record_get_id (HEED_RECORD (handler)),
                         "subject", "appointments", NULL);
  cases->long_open[0] = review_test_reference (store, id);
  id = report_test_case (store, "concern", "phone", "2025-03-01", "status", "acknowledged",
                         NULL);
  cases->long_open[1] = review_test_reference (store, id);
  id = report_test_case (store, "complaint", "email", "2025-03-15", "status", "acknowledged",
                         "acknowledged-on", "2025-03-17", "subject", "prescribing", NULL);
  cases->recent = review_test_reference (store, id);
  id = report_test_case (store, "complaint", "letter", "2025-02-05", "status", "responded",
                         "acknowledged-on", "2025-02-06", "responded-on", "2025-08-01",
                         "subject", "clinical", NULL);
  cases->answered = review_test_reference (store, id);
  report_test_case (store, "complaint", "letter", "2025-02-10", "status", "withdrawn",
                    "closed-on", "2025-02-20", "subject", "access", NULL);

  g_object_set (action, "description", "Review the call-back list every Friday",
                "start-date", "2025-07-01", "due-date", "2025-08-15", NULL);
  heed_store_save (store, HEED_RECORD (action), &error);
  g_assert_no_error (error);
}

