/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-test-timeline.h"
#include "heed-test-location.h"
#include "heed-store-exchange.h"
#include "heed-timeline-data.h"

/* The timelines' data, read from a practice whose story is known (heed-test-timeline.h). */

typedef struct {
  HeedTestPlace place;
  HeedStore    *store;
  GDate         today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!heed_test_place_init (&fixture->place, "timeline.heed"))
    return;
  heed_test_timeline_make_practice (fixture->place.where);
  fixture->store = heed_store_open (fixture->place.where, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  heed_test_timeline_today (&fixture->today);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static gint64
case_id (Fixture    *fixture,
         const char *reference)
{
  g_autoptr(HeedCase) kase = heed_store_find_case (fixture->store, reference, NULL);

  g_assert_nonnull (kase);
  return heed_record_get_id (HEED_RECORD (kase));
}

static void
assert_date (const GDate *date,
             int          day,
             GDateMonth   month,
             int          year)
{
  g_assert_true (g_date_valid (date));
  g_assert_cmpint (g_date_get_day (date), ==, day);
  g_assert_cmpint (g_date_get_month (date), ==, month);
  g_assert_cmpint (g_date_get_year (date), ==, year);
}

static void
test_case (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(HeedTimelineData) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const HeedTimelineLane *lane;
  const HeedTimelineEntry *entry;
  const HeedDeadline *deadline;
  static const char *const kinds[] = { "received", "call", "letter-out", "acknowledged",
                                       "meeting", "interview", "action" };

  timeline = heed_timeline_data_load_case (fixture->store, case_id (fixture, "C-2025-001"),
                                           &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (heed_timeline_data_is_case (timeline));
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (timeline), ==, 1);
  g_assert_cmpstr (heed_timeline_data_get_practice_name (timeline), ==, "Timeline Test Surgery");
  lane = heed_timeline_data_get_lane (timeline, 0);
  g_assert_cmpstr (lane->reference, ==, "C-2025-001");
  g_assert_cmpstr (lane->risk, ==, "extreme");
  assert_date (&lane->start, 3, G_DATE_JUNE, 2025);
  g_assert_false (g_date_valid (&lane->end));
  g_assert_true (lane->overdue);

  /* Every dated thing, in order, each once. */
  g_assert_cmpuint (lane->entries->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      entry = &g_array_index (lane->entries, HeedTimelineEntry, i);
      g_assert_cmpstr (entry->kind, ==, kinds[i]);
      if (i > 0)
        g_assert_cmpint (g_date_compare (&g_array_index (lane->entries, HeedTimelineEntry,
                                                         i - 1).date, &entry->date), <=, 0);
    }
  entry = &g_array_index (lane->entries, HeedTimelineEntry, 1);
  g_assert_cmpint (entry->source, ==, HEED_TIMELINE_SOURCE_EVENT);
  g_assert_cmpint (entry->group, ==, HEED_TIMELINE_GROUP_CONTACT);
  g_assert_cmpint (entry->minute, ==, 14 * 60 + 10);
  g_assert_cmpstr (entry->summary, ==, "Spoke to Mrs Patel about the missed call-back");
  entry = &g_array_index (lane->entries, HeedTimelineEntry, 3);
  g_assert_cmpint (entry->source, ==, HEED_TIMELINE_SOURCE_MILESTONE);
  assert_date (&entry->date, 5, G_DATE_JUNE, 2025);
  entry = &g_array_index (lane->entries, HeedTimelineEntry, 5);
  g_assert_cmpint (entry->group, ==, HEED_TIMELINE_GROUP_INVESTIGATION);
  entry = &g_array_index (lane->entries, HeedTimelineEntry, 6);
  g_assert_cmpint (entry->source, ==, HEED_TIMELINE_SOURCE_ACTION);
  g_assert_cmpint (entry->group, ==, HEED_TIMELINE_GROUP_ACTIONS);
  assert_date (&entry->date, 20, G_DATE_JUNE, 2025);
  g_assert_true (entry->overdue);
  g_assert_false (g_date_valid (&entry->done));

  /* Deadlines where they fall: acknowledged in time, the agreed response date missed. */
  g_assert_cmpuint (lane->deadlines->len, ==, 3);
  deadline = &g_array_index (lane->deadlines, HeedDeadline, 0);
  g_assert_cmpint (deadline->kind, ==, HEED_DEADLINE_ACKNOWLEDGE);
  assert_date (&deadline->due, 6, G_DATE_JUNE, 2025);
  g_assert_cmpint (deadline->state, ==, HEED_DEADLINE_MET);
  deadline = &g_array_index (lane->deadlines, HeedDeadline, 1);
  g_assert_cmpint (deadline->kind, ==, HEED_DEADLINE_RESPOND);
  assert_date (&deadline->due, 1, G_DATE_JULY, 2025);
  g_assert_cmpint (deadline->state, ==, HEED_DEADLINE_OVERDUE);
  deadline = &g_array_index (lane->deadlines, HeedDeadline, 2);
  g_assert_cmpint (deadline->kind, ==, HEED_DEADLINE_SIX_MONTHS);
  assert_date (&deadline->due, 3, G_DATE_DECEMBER, 2025);
  g_assert_cmpint (deadline->state, ==, HEED_DEADLINE_PENDING);
}

static void
test_case_before_deadline (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeedTimelineData) timeline = NULL;
  const HeedTimelineLane *lane;
  GDate early;

  /* On 18 June nothing was late yet: the same file, seen on another day. */
  g_date_clear (&early, 1);
  g_date_set_dmy (&early, 18, G_DATE_JUNE, 2025);
  timeline = heed_timeline_data_load_case (fixture->store, case_id (fixture, "C-2025-001"),
                                           &early, NULL);
  lane = heed_timeline_data_get_lane (timeline, 0);
  g_assert_false (lane->overdue);
  g_assert_cmpint (g_array_index (lane->deadlines, HeedDeadline, 1).state, ==,
                   HEED_DEADLINE_PENDING);
  g_assert_false (g_array_index (lane->entries, HeedTimelineEntry, 6).overdue);
}

static void
test_practice (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HeedTimelineData) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const HeedTimelineLane *lane;
  GDate first, last;

  timeline = heed_timeline_data_load_practice (fixture->store, NULL, NULL, NULL,
                                               &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_false (heed_timeline_data_is_case (timeline));
  /* Open cases only, oldest first; the closed compliment is not there. */
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (timeline), ==, 2);
  lane = heed_timeline_data_get_lane (timeline, 0);
  g_assert_cmpstr (lane->reference, ==, "C-2025-001");
  g_assert_true (lane->overdue);
  g_assert_cmpuint (lane->entries->len, ==, 7);
  g_assert_cmpuint (lane->deadlines->len, ==, 3);
  lane = heed_timeline_data_get_lane (timeline, 1);
  g_assert_cmpstr (lane->reference, ==, "C-2025-002");
  g_assert_cmpstr (lane->risk, ==, "low");
  g_assert_false (lane->overdue);
  /* No events logged: its received and acknowledged dates still show. */
  g_assert_cmpuint (lane->entries->len, ==, 2);
  g_assert_cmpint (g_array_index (lane->deadlines, HeedDeadline, 0).state, ==,
                   HEED_DEADLINE_MET);
  g_assert_cmpint (heed_timeline_data_find_case (timeline, lane->case_id), ==, 1);
  g_assert_cmpint (heed_timeline_data_find_case (timeline, 424242), ==, -1);
  g_assert_cmpuint (heed_timeline_data_count_entries (timeline), ==, 9);

  heed_timeline_data_get_extent (timeline, &first, &last);
  assert_date (&first, 3, G_DATE_JUNE, 2025);
  assert_date (&last, 20, G_DATE_DECEMBER, 2025);
}

static void
test_practice_closed_and_filter (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(HeedTimelineData) june = NULL;
  g_autoptr(HeedTimelineData) july = NULL;
  g_autoptr(HeedTimelineData) parking = NULL;
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 1, G_DATE_JUNE, 2025);
  g_date_set_dmy (&to, 30, G_DATE_JUNE, 2025);
  june = heed_timeline_data_load_practice (fixture->store, NULL, &from, &to, &fixture->today,
                                           NULL);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (june), ==, 3);
  g_assert_cmpint (heed_timeline_data_find_case (june, case_id (fixture, "CP-2025-001")), >=, 0);
  g_assert_true (g_date_valid (&heed_timeline_data_get_lane (
    june, heed_timeline_data_find_case (june, case_id (fixture, "CP-2025-001")))->end));

  g_date_set_dmy (&from, 1, G_DATE_JULY, 2025);
  g_date_set_dmy (&to, 31, G_DATE_JULY, 2025);
  july = heed_timeline_data_load_practice (fixture->store, NULL, &from, &to, &fixture->today,
                                           NULL);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (july), ==, 2);

  /* Filtered like the case list. */
  query->search = g_strdup ("parking");
  parking = heed_timeline_data_load_practice (fixture->store, query, NULL, NULL,
                                              &fixture->today, NULL);
  g_assert_cmpuint (heed_timeline_data_get_n_lanes (parking), ==, 1);
  g_assert_cmpstr (heed_timeline_data_get_lane (parking, 0)->reference, ==, "C-2025-002");
}

static void
test_no_such_case (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeedTimelineData) timeline = NULL;
  g_autoptr(GError) error = NULL;

  timeline = heed_timeline_data_load_case (fixture->store, 424242, &fixture->today, &error);
  g_assert_null (timeline);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD);
}

static void
test_entry_detail (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeedTimelineData) timeline = NULL;
  g_autoptr(HeedTimelineEntryDetail) call = NULL;
  g_autoptr(HeedTimelineEntryDetail) action = NULL;
  g_autoptr(HeedTimelineEntryDetail) milestone = NULL;
  g_autoptr(GError) error = NULL;
  const HeedTimelineLane *lane;
  HeedAttachmentInfo *attachment;

  timeline = heed_timeline_data_load_case (fixture->store, case_id (fixture, "C-2025-001"),
                                           &fixture->today, &error);
  lane = heed_timeline_data_get_lane (timeline, 0);

  /* The call: its words in full and the notes attached to it. */
  call = heed_timeline_entry_load_detail (fixture->store, lane,
                                          &g_array_index (lane->entries, HeedTimelineEntry, 1),
                                          &error);
  g_assert_no_error (error);
  g_assert_cmpstr (call->title, ==, "Phone call");
  g_assert_cmpstr (call->when, ==, "4 June 2025, 14:10");
  g_assert_cmpstr (call->summary, ==, "Spoke to Mrs Patel about the missed call-back");
  g_assert_cmpstr (call->detail, ==, "She asked for a call-back by Friday at the latest.");
  g_assert_cmpuint (call->attachments->len, ==, 1);
  attachment = g_ptr_array_index (call->attachments, 0);
  g_assert_cmpstr (attachment->filename, ==, "call-notes.txt");

  action = heed_timeline_entry_load_detail (fixture->store, lane,
                                            &g_array_index (lane->entries, HeedTimelineEntry, 6),
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (action->title, ==, "Action");
  g_assert_cmpstr (action->when, ==, "Due 20 June 2025; overdue");
  g_assert_cmpuint (action->attachments->len, ==, 0);

  milestone = heed_timeline_entry_load_detail (fixture->store, lane,
                                               &g_array_index (lane->entries, HeedTimelineEntry,
                                                               3),
                                               &error);
  g_assert_no_error (error);
  g_assert_cmpstr (milestone->title, ==, "Acknowledged");
  g_assert_cmpstr (milestone->when, ==, "5 June 2025");
}

static void
test_groups (void)
{
  g_assert_cmpint (heed_timeline_group_for_kind ("email-in"), ==, HEED_TIMELINE_GROUP_CONTACT);
  g_assert_cmpint (heed_timeline_group_for_kind ("expert-advice"), ==,
                   HEED_TIMELINE_GROUP_INVESTIGATION);
  g_assert_cmpint (heed_timeline_group_for_kind ("ombudsman"), ==, HEED_TIMELINE_GROUP_PROGRESS);
  g_assert_cmpint (heed_timeline_group_for_kind ("action"), ==, HEED_TIMELINE_GROUP_ACTIONS);
  g_assert_cmpstr (heed_timeline_risk_get_label (NULL), ==, "Not graded");
  g_assert_cmpstr (heed_timeline_risk_get_label ("extreme"), ==, "Extreme risk");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/timeline-data/on-a-server"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/timeline/case", test_case);
  ADD ("/core/timeline/case-before-deadline", test_case_before_deadline);
  ADD ("/core/timeline/practice", test_practice);
  ADD ("/core/timeline/practice-closed-and-filter", test_practice_closed_and_filter);
  ADD ("/core/timeline/no-such-case", test_no_such_case);
  ADD ("/core/timeline/entry-detail", test_entry_detail);
#undef ADD
  g_test_add_func ("/core/timeline/groups", test_groups);
  return g_test_run ();
}
