/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "heed-deadlines.h"
#include "heed-status.h"
#include "heed-validate.h"

/* Deadlines derived from a case's dates, per nation (DOMAIN.md, "Deadlines"), and the moves a
 * case may make between statuses. */

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (heed_date_from_iso (iso, &date));
  return date;
}

static const HeedDeadline *
find (GArray           *deadlines,
      HeedDeadlineKind  kind)
{
  for (guint i = 0; i < deadlines->len; i++)
    if (g_array_index (deadlines, HeedDeadline, i).kind == kind)
      return &g_array_index (deadlines, HeedDeadline, i);
  return NULL;
}

/* Like find (), but the deadline must be there. */
static const HeedDeadline *
get (GArray           *deadlines,
     HeedDeadlineKind  kind)
{
  const HeedDeadline *deadline = find (deadlines, kind);

  if (deadline == NULL)
    g_error ("deadline %d missing", kind);
  return deadline;
}

static void
assert_due (GArray           *deadlines,
            HeedDeadlineKind  kind,
            const char       *expected)
{
  const HeedDeadline *deadline = get (deadlines, kind);
  g_autofree char *due = NULL;

  due = heed_format_date_iso (&deadline->due);
  g_assert_cmpstr (due, ==, expected);
}

static GArray *
compute (HeedNation               nation,
         const HeedDeadlineFacts *facts,
         const char              *today)
{
  g_autoptr(HeedCalendar) calendar = heed_calendar_new (nation);
  GDate now = day (today);

  return heed_deadlines_compute (calendar, facts, &now);
}

static void
test_england (void)
{
  HeedDeadlineFacts facts = { .kind = "complaint", .status = "logged",
                              .received = "2025-12-22T09:30:00" };
  g_autoptr(GArray) deadlines = NULL;
  const HeedDeadline *ack;
  g_autofree char *text = NULL;

  /* Three working days, the day of receipt not counted, across Christmas and Boxing Day. */
  deadlines = compute (HEED_NATION_ENGLAND, &facts, "2025-12-22");
  assert_due (deadlines, HEED_DEADLINE_ACKNOWLEDGE, "2025-12-29");
  assert_due (deadlines, HEED_DEADLINE_SIX_MONTHS, "2026-06-22");
  /* No response deadline until one is agreed. */
  g_assert_null (find (deadlines, HEED_DEADLINE_RESPOND));
  ack = get (deadlines, HEED_DEADLINE_ACKNOWLEDGE);
  g_assert_cmpint (ack->state, ==, HEED_DEADLINE_PENDING);
  text = heed_deadline_describe (ack);
  g_assert_cmpstr (text, ==, "due in 3 working days");
  g_clear_pointer (&deadlines, g_array_unref);

  /* Overdue, counted in working days. */
  deadlines = compute (HEED_NATION_ENGLAND, &facts, "2026-01-02");
  ack = get (deadlines, HEED_DEADLINE_ACKNOWLEDGE);
  g_assert_cmpint (ack->state, ==, HEED_DEADLINE_OVERDUE);
  g_clear_pointer (&text, g_free);
  text = heed_deadline_describe (ack);
  g_assert_cmpstr (text, ==, "overdue by 3 working days");
  g_clear_pointer (&deadlines, g_array_unref);

  /* Met late, and the agreed response date. */
  facts.acknowledged_on = "2025-12-30";
  facts.agreed_response_date = "2026-02-20";
  deadlines = compute (HEED_NATION_ENGLAND, &facts, "2026-01-05");
  ack = get (deadlines, HEED_DEADLINE_ACKNOWLEDGE);
  g_assert_cmpint (ack->state, ==, HEED_DEADLINE_MISSED);
  assert_due (deadlines, HEED_DEADLINE_RESPOND, "2026-02-20");
  {
    const HeedDeadline *next = heed_deadlines_next (deadlines);

    if (next == NULL)
      g_error ("no next deadline");
    g_assert_cmpint (next->kind, ==, HEED_DEADLINE_RESPOND);
  }
}

static void
test_wales (void)
{
  HeedDeadlineFacts facts = { .kind = "complaint", .status = "logged",
                              .received = "2025-06-02T09:00:00" };
  g_autoptr(GArray) deadlines = compute (HEED_NATION_WALES, &facts, "2025-06-02");

  assert_due (deadlines, HEED_DEADLINE_ACKNOWLEDGE, "2025-06-04");
  /* 30 working days; no bank holiday in June or early July 2025. */
  assert_due (deadlines, HEED_DEADLINE_RESPOND, "2025-07-14");
}

static void
test_scotland (void)
{
  HeedDeadlineFacts facts = { .kind = "complaint", .status = "logged",
                              .received = "2025-11-24T09:00:00" };
  g_autoptr(GArray) deadlines = compute (HEED_NATION_SCOTLAND, &facts, "2025-11-24");

  /* Stage 1: five working days, and St Andrew's Day (Sunday 30 Nov → Monday 1 Dec) skipped. */
  assert_due (deadlines, HEED_DEADLINE_RESOLVE, "2025-12-02");
  g_assert_null (find (deadlines, HEED_DEADLINE_ACKNOWLEDGE));
  g_clear_pointer (&deadlines, g_array_unref);

  facts.extended = TRUE;
  deadlines = compute (HEED_NATION_SCOTLAND, &facts, "2025-11-24");
  assert_due (deadlines, HEED_DEADLINE_RESOLVE, "2025-12-09");
  g_clear_pointer (&deadlines, g_array_unref);

  /* Moved to stage 2: its own clock starts then; stage 1 counts as ended that day. */
  facts.extended = FALSE;
  facts.stage2_on = "2025-12-01";
  deadlines = compute (HEED_NATION_SCOTLAND, &facts, "2025-12-01");
  {
    const HeedDeadline *stage1 = get (deadlines, HEED_DEADLINE_RESOLVE);

    g_assert_cmpint (stage1->state, ==, HEED_DEADLINE_MET);
  }
  assert_due (deadlines, HEED_DEADLINE_ACKNOWLEDGE, "2025-12-04");
  /* 20 working days from 1 Dec (itself the St Andrew’s substitute): Christmas and Boxing Day
   * skipped. */
  assert_due (deadlines, HEED_DEADLINE_RESPOND, "2025-12-31");
}

static void
test_northern_ireland (void)
{
  HeedDeadlineFacts facts = { .kind = "complaint", .status = "in-progress",
                              .track = "closer-look", .extended = TRUE,
                              .received = "2026-03-02T09:00:00" };
  g_autoptr(GArray) deadlines = compute (HEED_NATION_NORTHERN_IRELAND, &facts, "2026-03-02");

  /* Straight to stage 2, extended: 40 working days past St Patrick's Day and Easter. */
  g_assert_null (find (deadlines, HEED_DEADLINE_RESOLVE));
  assert_due (deadlines, HEED_DEADLINE_ACKNOWLEDGE, "2026-03-05");
  assert_due (deadlines, HEED_DEADLINE_RESPOND, "2026-04-30");
}

static void
test_none (void)
{
  const HeedDeadlineFacts cases[] = {
    { .kind = "compliment", .status = "logged", .received = "2025-06-02T09:00:00" },
    { .kind = "complaint", .status = "logged", .received = "2025-06-02T09:00:00",
      .oral_resolved = TRUE },
    { .kind = "complaint", .status = "withdrawn", .received = "2025-06-02T09:00:00" },
    { .kind = "complaint", .status = "draft", .received = "2025-06-02T09:00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) deadlines = compute (HEED_NATION_ENGLAND, &cases[i], "2025-06-02");

      g_assert_cmpuint (deadlines->len, ==, 0);
    }
}

static void
test_status_moves (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_status_can_change ("complaint", "logged", "acknowledged", NULL));
  g_assert_true (heed_status_can_change ("complaint", "responded", "closed", NULL));
  g_assert_true (heed_status_can_change ("complaint", "closed", "in-progress", NULL));
  g_assert_false (heed_status_can_change ("complaint", "draft", "responded", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (heed_status_can_change ("compliment", "logged", "closed", NULL));
  g_assert_false (heed_status_can_change ("compliment", "logged", "acknowledged", NULL));
  g_assert_true (heed_status_needs_reason ("closed", "in-progress"));
  g_assert_true (heed_status_needs_reason ("logged", "withdrawn"));
  g_assert_false (heed_status_needs_reason ("logged", "acknowledged"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/deadlines/england", test_england);
  g_test_add_func ("/core/deadlines/wales", test_wales);
  g_test_add_func ("/core/deadlines/scotland", test_scotland);
  g_test_add_func ("/core/deadlines/northern-ireland", test_northern_ireland);
  g_test_add_func ("/core/deadlines/none", test_none);
  g_test_add_func ("/core/status/moves", test_status_moves);

  return g_test_run ();
}
