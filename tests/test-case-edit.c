/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-case-edit.h"
#include "heed-test-location.h"
#include "heed-test-util.h"

/* A case page's save, without a window: the people and the case together or not at all, and
 * when another seat saved the case first, nothing of either side lost. On a practice file and
 * (HEED_TEST_ENGINE=postgres) on a server, where the other seat is a connection of its own. */

typedef struct {
  HeedTestPlace place;
  HeedStore    *store;
  HeedStore    *office;  /* the other seat: on a file, the same store (one writer) */
  gint64        case_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GError) error = NULL;

  if (!heed_test_place_init (&fixture->place, "p.heed"))
    return;
  fixture->store = heed_store_create (fixture->place.where, "Page Surgery", HEED_NATION_ENGLAND,
                                      &error);
  g_assert_no_error (error);
  if (heed_test_on_server ())
    {
      fixture->office = heed_store_open (fixture->place.where, HEED_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  else
    fixture->office = g_object_ref (fixture->store);
  g_object_set (kase, "channel", "phone", "received-at", "2026-03-02T10:15:00", "status",
                "logged", "summary", "Rude at the desk", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
  fixture->case_id = heed_record_get_id (HEED_RECORD (kase));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->office);
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static gint64
count_people (HeedStore *store)
{
  g_autoptr(GPtrArray) people = heed_store_list (store, HEED_TYPE_PERSON, 0, NULL);

  return people != NULL ? (gint64) people->len : -1;
}

/* The person complaining is typed in and saved with the case. */
static void
test_saves_people_with_case (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedCase) stored = NULL;
  g_autoptr(HeedPerson) complainant = heed_person_new ();
  g_autoptr(HeedPerson) affected = heed_person_new ();
  g_autoptr(GError) error = NULL;

  kase = heed_store_load (fixture->store, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_object_set (complainant, "first-name", "Ann", "last-name", "Jones", NULL);
  g_object_set (kase, "description", "Spoken to rudely at the desk", NULL);
  g_assert_true (heed_case_edit_save (fixture->store, kase, complainant, affected, 0, &error));
  g_assert_no_error (error);
  /* The empty person affected is not saved. */
  g_assert_cmpint (count_people (fixture->store), ==, 1);
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (affected)), ==, 0);
  stored = heed_store_load (fixture->store, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heed_record_get_int (HEED_RECORD (stored), HEED_CASE_COMPLAINANT), ==,
                   heed_record_get_id (HEED_RECORD (complainant)));
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_DESCRIPTION), ==,
                   "Spoken to rudely at the desk");
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (stored)), ==, 2);
}

/* The office saved the case first: the page's save is refused and leaves nothing behind (no
 * person saved on its own), its records as they were, typing and all; read again, it saves. */
static void
test_changed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeedCase) on_page = NULL;
  g_autoptr(HeedCase) in_office = NULL;
  g_autoptr(HeedCase) again = NULL;
  g_autoptr(HeedCase) stored = NULL;
  g_autoptr(HeedPerson) complainant = heed_person_new ();
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  gint64 draft_id = 0;

  on_page = heed_store_load (fixture->store, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  in_office = heed_store_load (fixture->office, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  heed_store_set_staff_name (fixture->office, "Morgan Manager");
  g_object_set (in_office, "outcome-wanted", "An apology", NULL);
  g_assert_true (heed_store_save (fixture->office, HEED_RECORD (in_office), &error));
  g_assert_no_error (error);

  heed_store_set_staff_name (fixture->store, "Rhian Reception");
  g_object_set (complainant, "first-name", "Ann", "last-name", "Jones", NULL);
  g_object_set (on_page, "description", "Typed on the page", NULL);
  g_assert_true (heed_store_keep_form_draft (fixture->store, &draft_id, "case", fixture->case_id,
                                             "C", "[case]\ndescription=Typed on the page\n",
                                             &error));
  g_assert_false (heed_case_edit_save (fixture->store, on_page, complainant, NULL, draft_id,
                                       &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE);
  g_assert_nonnull (strstr (error->message, "Morgan Manager"));
  g_clear_error (&error);

  /* Nothing saved: no person, the office's case, the draft still there. */
  g_assert_cmpint (count_people (fixture->store), ==, 0);
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (complainant)), ==, 0);
  g_assert_false (heed_record_is_set (HEED_RECORD (on_page), HEED_CASE_COMPLAINANT));
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (on_page)), ==, 1);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (on_page), HEED_CASE_DESCRIPTION), ==,
                   "Typed on the page");
  stored = heed_store_load (fixture->store, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_assert_null (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_DESCRIPTION));
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_OUTCOME_WANTED), ==,
                   "An apology");
  drafts = heed_store_list_form_drafts (fixture->store, "case", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* The same person saved again, over the case read again: both sides' changes kept. */
  again = heed_store_load (fixture->store, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_object_set (again, "description", "Typed on the page", NULL);
  g_assert_true (heed_case_edit_save (fixture->store, again, complainant, NULL, draft_id,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_people (fixture->store), ==, 1);
  g_clear_object (&stored);
  stored = heed_store_load (fixture->office, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_DESCRIPTION), ==,
                   "Typed on the page");
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_OUTCOME_WANTED), ==,
                   "An apology");
  drafts = heed_store_list_form_drafts (fixture->store, "case", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 0);
}

/* A value refused: the person saved first inside the transaction is not left behind, and
 * keeps no id of a row that does not exist. */
static void
test_invalid_rolls_back_people (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedPerson) complainant = heed_person_new ();
  g_autoptr(GError) error = NULL;

  kase = heed_store_load (fixture->store, HEED_TYPE_CASE, fixture->case_id, &error);
  g_assert_no_error (error);
  g_object_set (complainant, "first-name", "Ann", NULL);
  heed_record_set_text (HEED_RECORD (kase), HEED_CASE_SUMMARY, "");
  g_assert_false (heed_case_edit_save (fixture->store, kase, complainant, NULL, 0, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_assert_cmpint (heed_record_get_id (HEED_RECORD (complainant)), ==, 0);
  g_assert_cmpint (count_people (fixture->store), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/case-edit/on-a-server"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/core/case-edit/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("saves-people-with-case", test_saves_people_with_case);
  ADD ("changed-elsewhere", test_changed_elsewhere);
  ADD ("invalid-rolls-back-people", test_invalid_rolls_back_people);
  return g_test_run ();
}
