/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdarg.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-person.h"
#include "heed-staff.h"
#include "heed-store.h"

/* A small practice whose cases cover what letters must handle: a complaint by the person
 * affected with two elements and two actions, one by a representative, an anonymous one, a
 * late one, and a compliment. Values are set as a person would type them. */

typedef struct {
  HeedStore *store;
  gint64     own;           /* Mrs Ada Okafor, for herself; elements, actions, apology */
  gint64     representative;/* Mr Tom Reid for his mother Mrs Mary Reid; consent requested */
  gint64     anonymous;
  gint64     late;          /* about events 18 months before it was made */
  gint64     compliment;
} HeedLetterPractice;

static inline void
heed_test_set (gpointer    record,
               const char *first_name,
               ...)
{
  va_list args;

  va_start (args, first_name);
  for (const char *name = first_name; name != NULL; name = va_arg (args, const char *))
    {
      const char *value = va_arg (args, const char *);
      int field = heed_record_find_field (HEED_RECORD (record), name);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (field, >=, 0);
      g_assert_true (heed_record_set_from_string (HEED_RECORD (record), field, value, &error));
      g_assert_no_error (error);
    }
  va_end (args);
}

static inline gint64
heed_test_save (HeedStore *store,
                gpointer   record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_store_save (store, HEED_RECORD (record), &error));
  g_assert_no_error (error);
  return heed_record_get_id (HEED_RECORD (record));
}

static inline char *
heed_test_id (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

/* Made at @where: a path, or a server's empty database. */
static inline HeedStore *
heed_test_letter_practice (const char         *where,
                           HeedNation          nation,
                           HeedLetterPractice *practice)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStaff) handler = heed_staff_new ();
  g_autoptr(HeedStaff) partner = heed_staff_new ();
  g_autoptr(HeedPerson) ada = heed_person_new ();
  g_autoptr(HeedPerson) tom = heed_person_new ();
  g_autoptr(HeedPerson) mary = heed_person_new ();
  g_autoptr(HeedPerson) lena = heed_person_new ();
  g_autoptr(HeedCase) own = heed_case_new ("complaint");
  g_autoptr(HeedCase) representative = heed_case_new ("complaint");
  g_autoptr(HeedCase) anonymous = heed_case_new ("complaint");
  g_autoptr(HeedCase) late = heed_case_new ("complaint");
  g_autoptr(HeedCase) compliment = heed_case_new ("compliment");
  g_autofree char *handler_id = NULL, *partner_id = NULL, *own_id = NULL;
  g_autofree char *ada_id = NULL, *tom_id = NULL, *mary_id = NULL, *lena_id = NULL;
  HeedStore *store;

  store = heed_store_create (where, "Riverside Medical Centre", nation, &error);
  g_assert_no_error (error);
  g_assert_true (heed_store_set_setting (store, "address",
                                         "14 Mill Lane\nRiverton\nRV2 4QT", &error));
  g_assert_true (heed_store_set_setting (store, "phone", "01632 960123", &error));
  g_assert_true (heed_store_set_setting (store, "email", "practice@example.org", &error));
  g_assert_true (heed_store_set_setting (store, "complaints-manager", "Priya Shah", &error));
  g_assert_true (heed_store_set_setting (store, "responsible-person", "Dr Owen Price", &error));
  g_assert_no_error (error);

  heed_test_set (handler, "name", "Priya Shah", "role", "Practice Manager",
                 "phone", "01632 960124", "email", "priya.shah@example.org", NULL);
  handler_id = heed_test_id (heed_test_save (store, handler));
  heed_test_set (partner, "name", "Dr Owen Price", "role", "Senior Partner", NULL);
  partner_id = heed_test_id (heed_test_save (store, partner));

  heed_test_set (ada, "title", "Mrs", "first-name", "Ada", "last-name", "Okafor",
                 "house", "7", "street", "Orchard Close", "town", "Riverton",
                 "postcode", "RV3 8LP", NULL);
  ada_id = heed_test_id (heed_test_save (store, ada));
  heed_test_set (tom, "title", "Mr", "first-name", "Tom", "last-name", "Reid",
                 "house", "Flat 2, Eden House", "street", "High Street", "town", "Riverton",
                 "postcode", "RV1 1AA", NULL);
  tom_id = heed_test_id (heed_test_save (store, tom));
  heed_test_set (mary, "title", "Mrs", "first-name", "Mary", "last-name", "Reid",
                 "house", "3", "street", "Church Row", "town", "Riverton",
                 "postcode", "RV1 2BB", NULL);
  mary_id = heed_test_id (heed_test_save (store, mary));
  heed_test_set (lena, "first-name", "Lena", "last-name", "Novak", "house", "21",
                 "street", "Weir Road", "town", "Riverton", "postcode", "RV4 6DD", NULL);
  lena_id = heed_test_id (heed_test_save (store, lena));

  heed_test_set (own, "channel", "letter", "received-at", "2025-06-02T10:00:00",
                 "summary", "Repeat prescription for insulin not ready three times",
                 "complainant", ada_id, "handler", handler_id,
                 "outcome-wanted", "An apology and a prescription that is ready on time",
                 "agreed-response-date", "2025-07-04",
                 "update-arrangements", "a phone call every Friday afternoon",
                 "plan", "We read your prescription records and spoke to the pharmacy team.",
                 "outcome", "partly-upheld", "remedy-apology", "true",
                 "lessons", "Repeat requests now have a named owner every day.", NULL);
  practice->own = heed_test_save (store, own);
  own_id = heed_test_id (practice->own);
  {
    g_autoptr(HeedCaseElement) first = heed_case_element_new ();
    g_autoptr(HeedCaseElement) second = heed_case_element_new ();
    g_autoptr(HeedAction) training = heed_action_new ();
    g_autoptr(HeedAction) audit = heed_action_new ();

    heed_test_set (first, "case", own_id, "position", "1",
                   "description", "Insulin prescription not ready when promised",
                   "finding", "Requests made on a Friday were not processed until Tuesday.",
                   "outcome", "upheld", "apology", "true", NULL);
    heed_test_save (store, first);
    heed_test_set (second, "case", own_id, "position", "2",
                   "description", "Reception staff were dismissive on the phone",
                   "finding", "The call recording shows staff were polite and helpful.",
                   "outcome", "not-upheld", NULL);
    heed_test_save (store, second);
    heed_test_set (training, "case", own_id, "description",
                   "Train all reception staff on the repeat prescription process",
                   "owner", handler_id, "due-date", "2025-08-29", NULL);
    heed_test_save (store, training);
    heed_test_set (audit, "case", own_id, "description",
                   "Audit repeat prescription turnaround each month for six months",
                   "owner", partner_id, "due-date", "2025-12-19", NULL);
    heed_test_save (store, audit);
  }

  heed_test_set (representative, "channel", "email", "received-at", "2025-06-09T09:30:00",
                 "summary", "Mother’s home visit was cancelled without notice",
                 "complainant", tom_id, "affected", mary_id, "on-behalf", "true",
                 "relationship", "child", "behalf-reason", "not-well",
                 "consent-status", "requested", "handler", handler_id, NULL);
  practice->representative = heed_test_save (store, representative);

  heed_test_set (anonymous, "channel", "online-form", "received-at", "2025-06-10T12:00:00",
                 "summary", "Waiting room was not clean", "anonymous", "true", NULL);
  practice->anonymous = heed_test_save (store, anonymous);

  heed_test_set (late, "channel", "letter", "received-at", "2025-06-11T12:00:00",
                 "summary", "Test results were never explained",
                 "incident-date", "2023-12-01", "complainant", lena_id,
                 "late-reason", "She was in hospital for most of last year.", NULL);
  practice->late = heed_test_save (store, late);

  heed_test_set (compliment, "channel", "letter", "received-at", "2025-06-12T12:00:00",
                 "summary", "Nurse Jones was wonderfully kind during my smear test",
                 "complainant", ada_id,
                 "you-said", "It was hard to know when the nurse was free.",
                 "we-did", "We now show the nurse’s clinic times on the screen.", NULL);
  practice->compliment = heed_test_save (store, compliment);

  practice->store = store;
  return store;
}
