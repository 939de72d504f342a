/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-action.h"
#include "heed-event.h"
#include "heed-store.h"

/* A small practice whose timelines are known by heart, shared by the core, render and ui tests.
 * "Today" is 10 July 2025 (a Thursday) in England.
 *
 * C-2025-001, complaint, received Tue 3 June 2025, in progress, high x likely = extreme risk.
 *   Acknowledge due Fri 6 June, acknowledged Thu 5 June: met.
 *   Respond due 1 July (agreed), not responded: overdue.
 *   Six-month review due 3 December: pending.
 *   Events: received 3 June 09:30, call 4 June 14:10 (with detail and call-notes.txt
 *   attached), acknowledgement letter 5 June, meeting 10 June, interview 12 June. Action "Retrain reception on urgent requests" due 20 June,
 *   not done: overdue. Seven entries: the five events, the action, and the acknowledged-on
 *   date as a milestone (no "acknowledged" event covers it; the received event covers the
 *   received date).
 * C-2025-002, complaint, received Fri 20 June, acknowledged Mon 23 June, low x rare = low risk.
 *   Acknowledge due Wed 25 June: met. Six-month review due 20 December: pending. No events.
 * CP-2025-001, compliment, received and closed 15 June 2025: only with closed cases. */

#define HEED_TEST_TIMELINE_TODAY_DAY 10
#define HEED_TEST_TIMELINE_TODAY_MONTH G_DATE_JULY
#define HEED_TEST_TIMELINE_TODAY_YEAR 2025

static const char *const heed_test_timeline_events[][3] = {
  { "received", "2025-06-03T09:30:00", "Complaint received at the front desk" },
  { "call", "2025-06-04T14:10:00", "Spoke to Mrs Patel about the missed call-back" },
  { "letter-out", "2025-06-05T11:00:00", "Acknowledgement letter posted" },
  { "meeting", "2025-06-10T16:00:00", "Met Mrs Patel and her son at the surgery" },
  { "interview", "2025-06-12T10:00:00", "Interviewed the duty receptionist" },
};

static inline void
heed_test_timeline_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, HEED_TEST_TIMELINE_TODAY_DAY, HEED_TEST_TIMELINE_TODAY_MONTH,
                  HEED_TEST_TIMELINE_TODAY_YEAR);
}

static inline gint64
heed_test_timeline_add_case (HeedStore  *store,
                             const char *kind,
                             const char *status,
                             const char *received,
                             const char *summary,
                             const char *first_property,
                             ...)
{
  g_autoptr(HeedCase) kase = heed_case_new (kind);
  g_autoptr(GError) error = NULL;
  va_list args;

  g_object_set (kase, "channel", "in-person", "received-at", received, "summary", summary,
                "status", status, NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  heed_store_save (store, HEED_RECORD (kase), &error);
  g_assert_no_error (error);
  return heed_record_get_id (HEED_RECORD (kase));
}

static inline gint64
heed_test_timeline_add_event (HeedStore  *store,
                              gint64      case_id,
                              const char *kind,
                              const char *when,
                              const char *summary)
{
  g_autoptr(HeedEvent) event = heed_event_new ();
  g_autoptr(GError) error = NULL;

  heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE, case_id);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND, kind);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, when);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_SUMMARY, summary);
  heed_store_save (store, HEED_RECORD (event), &error);
  g_assert_no_error (error);
  return heed_record_get_id (HEED_RECORD (event));
}

/* Makes the practice at @where (a path, or a server's empty database) and closes it. */
static inline void
heed_test_timeline_make_practice (const char *where)
{
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(HeedAction) action = heed_action_new ();
  g_autoptr(GError) error = NULL;
  gint64 first;

  store = heed_store_create (where, "Timeline Test Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);

  first = heed_test_timeline_add_case (store, "complaint", "in-progress", "2025-06-03T09:30:00",
                                       "Call-back promised but never made",
                                       "acknowledged-on", "2025-06-05",
                                       "agreed-response-date", "2025-07-01",
                                       "seriousness", "high", "likelihood", "likely", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (heed_test_timeline_events); i++)
    {
      gint64 id = heed_test_timeline_add_event (store, first, heed_test_timeline_events[i][0],
                                                heed_test_timeline_events[i][1],
                                                heed_test_timeline_events[i][2]);

      /* The call has its notes written up and attached. */
      if (g_str_equal (heed_test_timeline_events[i][0], "call"))
        {
          g_autoptr(HeedEvent) call = heed_store_load (store, HEED_TYPE_EVENT, id, &error);
          g_autoptr(GBytes) notes = g_bytes_new_static ("Call-back by Friday.", 20);

          g_assert_no_error (error);
          heed_record_set_text (HEED_RECORD (call), HEED_EVENT_DETAIL,
                                "She asked for a call-back by Friday at the latest.");
          heed_store_save (store, HEED_RECORD (call), &error);
          g_assert_no_error (error);
          heed_store_add_attachment (store, first, id, "call-notes.txt", "text/plain", notes,
                                     NULL, &error);
          g_assert_no_error (error);
        }
    }
  heed_record_set_int (HEED_RECORD (action), HEED_ACTION_CASE, first);
  g_object_set (action, "description", "Retrain reception on urgent requests",
                "start-date", "2025-06-13", "due-date", "2025-06-20", NULL);
  heed_store_save (store, HEED_RECORD (action), &error);
  g_assert_no_error (error);

  heed_test_timeline_add_case (store, "complaint", "acknowledged", "2025-06-20T12:00:00",
                               "Parking bay for disabled patients blocked",
                               "acknowledged-on", "2025-06-23",
                               "seriousness", "low", "likelihood", "rare", NULL);
  heed_test_timeline_add_case (store, "compliment", "closed", "2025-06-15T10:00:00",
                               "Thank you to the practice nurse", "closed-on", "2025-06-15",
                               NULL);
}
