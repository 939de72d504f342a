/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-feedback-save.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-test-location.h"

/* The full feedback form's save, without a window: the people, the case, its staff and the
 * form's draft together, or nothing at all. */

typedef struct {
  HeedTestPlace place;
  HeedStore    *store;
  gint64        staff_id;
  gint64        draft_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeedStaff) staff = heed_staff_new ();
  g_autoptr(GError) error = NULL;

  if (!heed_test_place_init (&fixture->place, "p.heed"))
    return;
  fixture->store = heed_store_create (fixture->place.where, "Form Surgery", HEED_NATION_ENGLAND,
                                      &error);
  g_assert_no_error (error);
  heed_record_set_text (HEED_RECORD (staff), HEED_STAFF_NAME, "Tom Fletcher");
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (staff), &error));
  fixture->staff_id = heed_record_get_id (HEED_RECORD (staff));
  g_assert_true (heed_store_keep_form_draft (fixture->store, &fixture->draft_id, "feedback", 0,
                                             "Complaint", "summary=Rude at the desk", &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture->draft_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static HeedCase *
typed_complaint (void)
{
  HeedCase *kase = heed_case_new ("complaint");

  g_object_set (kase, "channel", "in-person", "received-at", "2026-03-02T10:15:00",
                "summary", "Rude at the desk", NULL);
  return kase;
}

static HeedPerson *
typed_person (const char *first,
              const char *last)
{
  HeedPerson *person = heed_person_new ();

  heed_record_set_text (HEED_RECORD (person), HEED_PERSON_FIRST_NAME, first);
  heed_record_set_text (HEED_RECORD (person), HEED_PERSON_LAST_NAME, last);
  return person;
}

static guint
count_people (HeedStore *store)
{
  g_autoptr(GPtrArray) people = heed_store_list (store, HEED_TYPE_PERSON, 0, NULL);

  return people->len;
}

static guint
count_drafts (HeedStore *store)
{
  g_autoptr(GPtrArray) drafts = heed_store_list_form_drafts (store, "feedback", NULL);

  return drafts->len;
}

static void
test_saves_everything (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HeedCase) kase = typed_complaint ();
  g_autoptr(HeedPerson) caller = typed_person ("Ada", "Quennell");
  g_autoptr(HeedPerson) affected = typed_person ("Ivy", "Quennell");
  g_autoptr(HeedCase) stored = NULL;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  heed_record_set_text (HEED_RECORD (caller), HEED_PERSON_POSTCODE, "cf10 1aa");
  g_assert_true (heed_feedback_save (fixture->store, kase, caller, affected,
                                     &fixture->staff_id, 1, NULL, fixture->draft_id, &error));
  g_assert_no_error (error);

  stored = heed_store_load (fixture->store, HEED_TYPE_CASE,
                            heed_record_get_id (HEED_RECORD (kase)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_case_get_status (stored), ==, "logged");
  g_assert_cmpint (heed_record_get_int (HEED_RECORD (stored), HEED_CASE_COMPLAINANT), ==,
                   heed_record_get_id (HEED_RECORD (caller)));
  g_assert_cmpint (heed_record_get_int (HEED_RECORD (stored), HEED_CASE_AFFECTED), ==,
                   heed_record_get_id (HEED_RECORD (affected)));
  /* Tidied as the form saves it. */
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (caller), HEED_PERSON_POSTCODE), ==,
                   "CF10 1AA");
  g_assert_cmpuint (count_people (fixture->store), ==, 2);
  staff = heed_store_list_case_staff (fixture->store, heed_record_get_id (HEED_RECORD (kase)),
                                      &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 1);
  g_assert_cmpint (g_array_index (staff, gint64, 0), ==, fixture->staff_id);
  /* The form's draft goes with the save. */
  g_assert_cmpuint (count_drafts (fixture->store), ==, 0);
}

static void
test_empty_people_are_not_saved (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HeedCase) kase = typed_complaint ();
  g_autoptr(HeedPerson) nobody = heed_person_new ();
  g_autoptr(GError) error = NULL;

  /* A switch left on is not something typed. */
  heed_record_set_bool (HEED_RECORD (nobody), HEED_PERSON_ANSWERPHONE_OK, TRUE);
  g_assert_true (heed_feedback_person_is_empty (nobody));
  g_assert_true (heed_feedback_needs_complainant (kase, nobody));
  heed_record_set_bool (HEED_RECORD (kase), HEED_CASE_ANONYMOUS, TRUE);
  g_assert_false (heed_feedback_needs_complainant (kase, nobody));

  g_assert_true (heed_feedback_save (fixture->store, kase, nobody, NULL, NULL, 0, NULL, 0,
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_people (fixture->store), ==, 0);
  g_assert_false (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_COMPLAINANT));
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 1);
  /* No draft was given: the one kept is still there. */
  g_assert_cmpuint (count_drafts (fixture->store), ==, 1);
}

static void
test_who_must_be_named (void)
{
  g_autoptr(HeedCase) complaint = typed_complaint ();
  g_autoptr(HeedCase) concern = heed_case_new ("concern");
  g_autoptr(HeedPerson) named = typed_person ("Ada", "Quennell");

  g_assert_true (heed_feedback_needs_complainant (complaint, NULL));
  g_assert_false (heed_feedback_needs_complainant (complaint, named));
  g_assert_false (heed_feedback_needs_complainant (concern, NULL));
}

static void
test_failure_saves_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(HeedCase) kase = typed_complaint ();
  g_autoptr(HeedPerson) caller = typed_person ("Ada", "Quennell");
  g_autoptr(HeedPerson) affected = typed_person ("Ivy", "Quennell");
  gint64 no_such_staff = fixture->staff_id + 1000;
  g_autoptr(GError) error = NULL;

  /* The staff it names has gone (deleted at another seat, say): the last step fails. */
  g_assert_false (heed_feedback_save (fixture->store, kase, caller, affected, &no_such_staff, 1,
                                      NULL, fixture->draft_id, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 0);
  g_assert_cmpuint (count_people (fixture->store), ==, 0);
  g_assert_cmpuint (count_drafts (fixture->store), ==, 1);
  /* The records are as the form gave them, so it can save them again. */
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (kase)), ==, 0);
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (caller)), ==, 0);
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (affected)), ==, 0);
  g_assert_cmpstr (heed_case_get_status (kase), ==, "draft");
  g_assert_false (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_COMPLAINANT));
  g_assert_false (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_AFFECTED));

  g_clear_error (&error);
  g_assert_true (heed_feedback_save (fixture->store, kase, caller, affected, &fixture->staff_id,
                                     1, NULL, fixture->draft_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_people (fixture->store), ==, 2);
  g_assert_cmpuint (count_drafts (fixture->store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/feedback-save/on-a-server"))
    return g_test_run ();
  g_test_add ("/core/feedback-save/everything", Fixture, NULL, fixture_set_up,
              test_saves_everything, fixture_tear_down);
  g_test_add ("/core/feedback-save/empty-people", Fixture, NULL, fixture_set_up,
              test_empty_people_are_not_saved, fixture_tear_down);
  g_test_add_func ("/core/feedback-save/who-must-be-named", test_who_must_be_named);
  g_test_add ("/core/feedback-save/failure-saves-nothing", Fixture, NULL, fixture_set_up,
              test_failure_saves_nothing, fixture_tear_down);
  return g_test_run ();
}
