/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-calendar.h"
#include "heed-case.h"
#include "heed-letter-template.h"
#include "heed-store-figures.h"
#include "heed-store.h"
#include "heed-test-location.h"

/* The public API's guards: a NULL or wrong argument is a programmer's mistake, reported as a
 * CRITICAL naming what was wrong, and the call returns its safe answer instead of crashing or
 * touching the practice. Each case expects exactly the message named. */

#define EXPECT_GUARD(assertion)                                                                    \
  g_test_expect_message ("heed-core", G_LOG_LEVEL_CRITICAL, "*assertion*" assertion "*failed*")

typedef struct {
  HeedTestPlace place;
  HeedStore    *store;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!heed_test_place_init (&fixture->place, "guards.heed"))
    return;
  fixture->store =
    heed_store_create (fixture->place.where, "Guard Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static void
test_store_open_null_path (void)
{
  g_autoptr(GError) error = NULL;
  HeedStore *store;

  EXPECT_GUARD ("where != NULL");
  store = heed_store_open (NULL, HEED_STORE_OPEN_DEFAULT, &error);
  g_test_assert_expected_messages ();
  g_assert_null (store);
  g_assert_no_error (error);
}

static void
test_store_calls_without_store (void)
{
  EXPECT_GUARD ("HEED_IS_STORE (self)");
  g_assert_cmpint (heed_store_count_cases (NULL, NULL, NULL), ==, -1);
  g_test_assert_expected_messages ();

  /* Not knowing, a practice is read-only rather than writable. */
  EXPECT_GUARD ("HEED_IS_STORE (self)");
  g_assert_true (heed_store_is_read_only (NULL));
  g_test_assert_expected_messages ();

  EXPECT_GUARD ("HEED_IS_STORE (self)");
  g_assert_null (heed_store_find_case (NULL, "C-2025-001", NULL));
  g_test_assert_expected_messages ();
}

static void
test_store_save_not_a_record (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);

  EXPECT_GUARD ("HEED_IS_RECORD (record)");
  g_assert_false (heed_store_save (fixture->store, (HeedRecord *) other, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_GUARD ("HEED_IS_RECORD (record)");
  g_assert_false (heed_store_save (fixture->store, NULL, &error));
  g_test_assert_expected_messages ();

  /* Nothing reached the practice. */
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 0);
}

static void
test_store_commit_without_begin (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  EXPECT_GUARD ("self->depth > 0");
  g_assert_false (heed_store_commit (fixture->store, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  /* The store still works afterwards. */
  g_assert_true (heed_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (heed_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_store_error_already_set (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "earlier");
  GError *kept = error;

  EXPECT_GUARD ("error == NULL || *error == NULL");
  g_assert_null (heed_store_open (fixture->place.where, HEED_STORE_OPEN_READ_ONLY, &error));
  g_test_assert_expected_messages ();
  /* The caller's error is left as it was. */
  g_assert_true (error == kept);
  g_assert_cmpstr (error->message, ==, "earlier");
}

static void
test_store_figures_without_dates (Fixture *fixture, gconstpointer data)
{
  EXPECT_GUARD ("start != NULL && end != NULL");
  g_assert_null (heed_store_list_complaint_aspects (fixture->store, NULL, "2026-04-01", NULL));
  g_test_assert_expected_messages ();

  EXPECT_GUARD ("HEED_IS_STORE (self)");
  g_assert_null (heed_store_list_plan_actions (NULL, NULL));
  g_test_assert_expected_messages ();
}

static void
test_case_unknown_kind (void)
{
  HeedCase *kase;

  EXPECT_GUARD ("kind == NULL || g_strv_contains (heed_case_kinds, kind)");
  kase = heed_case_new ("grumble");
  g_test_assert_expected_messages ();
  g_assert_null (kase);
}

static void
test_case_is_late_without_case (void)
{
  EXPECT_GUARD ("HEED_IS_CASE (self)");
  g_assert_false (heed_case_is_late (NULL));
  g_test_assert_expected_messages ();
}

static void
test_calendar_bad_nation (void)
{
  HeedCalendar *calendar;

  EXPECT_GUARD ("NATION_IS_VALID (nation)");
  calendar = heed_calendar_new ((HeedNation) 42);
  g_test_assert_expected_messages ();
  g_assert_null (calendar);

  EXPECT_GUARD ("NATION_IS_VALID (nation)");
  g_assert_null (heed_nation_to_id ((HeedNation) -1));
  g_test_assert_expected_messages ();
}

static void
test_calendar_invalid_date (void)
{
  g_autoptr(HeedCalendar) calendar = heed_calendar_new (HEED_NATION_WALES);
  GDate invalid, result;

  g_date_clear (&invalid, 1);
  g_date_clear (&result, 1);
  g_date_set_dmy (&result, 1, G_DATE_JUNE, 2025);

  EXPECT_GUARD ("date != NULL && g_date_valid (date)");
  g_assert_false (heed_calendar_is_working_day (calendar, &invalid));
  g_test_assert_expected_messages ();

  /* The result is left untouched. */
  EXPECT_GUARD ("from != NULL && g_date_valid (from)");
  heed_calendar_add_working_days (calendar, &invalid, 5, &result);
  g_test_assert_expected_messages ();
  g_assert_true (g_date_valid (&result));
  g_assert_cmpuint (g_date_get_day (&result), ==, 1);

  EXPECT_GUARD ("HEED_IS_CALENDAR (self)");
  heed_calendar_add_working_days (NULL, &result, 5, &result);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_date_get_day (&result), ==, 1);
}

static void
test_letter_template_guards (void)
{
  g_autoptr(GError) error = NULL;

  EXPECT_GUARD ("data != NULL");
  g_assert_null (heed_letter_template_new_from_data (NULL, -1, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_GUARD ("id != NULL");
  g_assert_null (heed_letter_template_new_builtin_in (NULL, HEED_LANGUAGE_ENGLISH, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);

  EXPECT_GUARD ("HEED_IS_LETTER_TEMPLATE (self)");
  g_assert_null (heed_letter_template_get_name (NULL));
  g_test_assert_expected_messages ();

  EXPECT_GUARD ("HEED_IS_STORE (store)");
  g_assert_null (
    heed_letter_template_load_in (NULL, "acknowledgement", HEED_LANGUAGE_ENGLISH, &error));
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
}

/* Every kind and status Heed stores reads back as its value and goes back to the same id;
 * an id it does not know (a typo, a newer Heed's) is UNKNOWN, never a neighbour's value. */
static void
test_case_kind_and_status_ids (void)
{
  for (guint i = 0; heed_case_kinds[i] != NULL; i++)
    {
      HeedCaseKind kind = heed_case_kind_from_id (heed_case_kinds[i]);

      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (heed_case_kind_to_id (kind), ==, heed_case_kinds[i]);
    }
  for (guint i = 0; heed_case_statuses[i] != NULL; i++)
    {
      HeedCaseStatus status = heed_case_status_from_id (heed_case_statuses[i]);

      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (heed_case_status_to_id (status), ==, heed_case_statuses[i]);
    }
  g_assert_cmpint (heed_case_status_from_id ("in-progress"), ==, HEED_STATUS_IN_PROGRESS);
  g_assert_cmpint (heed_case_kind_from_id ("Complaint"), ==, HEED_KIND_UNKNOWN);
  g_assert_cmpint (heed_case_kind_from_id (""), ==, HEED_KIND_UNKNOWN);
  g_assert_cmpint (heed_case_kind_from_id (NULL), ==, HEED_KIND_UNKNOWN);
  g_assert_cmpint (heed_case_status_from_id ("closed "), ==, HEED_STATUS_UNKNOWN);
  g_assert_false (heed_case_status_is_open (NULL));
  g_assert_false (heed_case_status_is_open ("reopened"));
  g_assert_true (heed_case_status_is_open ("responded"));

  EXPECT_GUARD ("kind < HEED_KIND_UNKNOWN");
  g_assert_null (heed_case_kind_to_id (HEED_KIND_UNKNOWN));
  g_test_assert_expected_messages ();
  EXPECT_GUARD ("status < HEED_STATUS_UNKNOWN");
  g_assert_null (heed_case_status_to_id (HEED_STATUS_UNKNOWN));
  g_test_assert_expected_messages ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/guards/on-a-server"))
    return g_test_run ();

  g_test_add_func ("/core/guards/store/open-null-path", test_store_open_null_path);
  g_test_add_func ("/core/guards/store/without-store", test_store_calls_without_store);
  g_test_add ("/core/guards/store/save-not-a-record", Fixture, NULL, fixture_set_up,
              test_store_save_not_a_record, fixture_tear_down);
  g_test_add ("/core/guards/store/commit-without-begin", Fixture, NULL, fixture_set_up,
              test_store_commit_without_begin, fixture_tear_down);
  g_test_add ("/core/guards/store/error-already-set", Fixture, NULL, fixture_set_up,
              test_store_error_already_set, fixture_tear_down);
  g_test_add ("/core/guards/store/figures-without-dates", Fixture, NULL, fixture_set_up,
              test_store_figures_without_dates, fixture_tear_down);
  g_test_add_func ("/core/guards/case/unknown-kind", test_case_unknown_kind);
  g_test_add_func ("/core/guards/case/kind-and-status-ids", test_case_kind_and_status_ids);
  g_test_add_func ("/core/guards/case/is-late-without-case", test_case_is_late_without_case);
  g_test_add_func ("/core/guards/calendar/bad-nation", test_calendar_bad_nation);
  g_test_add_func ("/core/guards/calendar/invalid-date", test_calendar_invalid_date);
  g_test_add_func ("/core/guards/letter-template/guards", test_letter_template_guards);

  return g_test_run ();
}
