/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "heed-deadlines.h"
#include "heed-letter-test-util.h"
#include "heed-procedure.h"
#include "heed-test-location.h"
#include "heed-validate.h"

/* The complaints procedures as rule sets with the date each took effect (data/procedures.ini):
 * a complaint follows the rule set in force on the day it was received, on both sides of each
 * change date, and a practice can change them with its own file. */

static GDate
day (const char *iso)
{
  GDate date;

  g_assert_true (heed_date_from_iso (iso, &date));
  return date;
}

static const HeedProcedure *
procedure_on (HeedNation  nation,
              const char *iso)
{
  GDate date = day (iso);

  return heed_procedure_for (nation, &date);
}

static void
test_rule_sets_by_date (void)
{
  const HeedProcedure *p;

  /* Wales: Putting Things Right to 31 March 2026, Listening to People from 1 April. */
  p = procedure_on (HEED_NATION_WALES, "2026-03-31");
  g_assert_cmpstr (p->name, ==, "Putting Things Right");
  g_assert_cmpstr (heed_procedure_get_name (p, TRUE), ==, "Gweithio i Wella");
  g_assert_false (p->listening_discussion);
  g_assert_false (p->early_resolution);
  g_assert_cmpuint (p->redress_limit, ==, 25000);
  p = procedure_on (HEED_NATION_WALES, "2026-04-01");
  g_assert_cmpstr (p->name, ==, "Listening to People");
  g_assert_true (p->listening_discussion);
  g_assert_true (p->early_resolution);
  g_assert_cmpuint (p->redress_limit, ==, 50000);
  /* Its working days could not be confirmed: they keep the earlier figures, marked so. */
  g_assert_cmpuint (p->acknowledge, ==, 2);
  g_assert_cmpuint (p->respond, ==, 30);
  g_assert_true (heed_procedure_is_unconfirmed (p, "respond"));
  g_assert_false (heed_procedure_is_unconfirmed (p, "redress-limit"));

  /* Northern Ireland: one stage to 31 December 2025, the model procedure from 1 January. */
  p = procedure_on (HEED_NATION_NORTHERN_IRELAND, "2025-12-31");
  g_assert_cmpuint (p->stages, ==, 1);
  g_assert_cmpuint (p->acknowledge, ==, 3);
  g_assert_cmpuint (p->respond, ==, 10);
  g_assert_cmpstr (p->services, ==, "HSC");
  p = procedure_on (HEED_NATION_NORTHERN_IRELAND, "2026-01-01");
  g_assert_cmpuint (p->stages, ==, 2);
  g_assert_cmpuint (p->resolve, ==, 5);
  g_assert_cmpuint (p->resolve_extended, ==, 10);
  g_assert_cmpuint (p->respond, ==, 20);
  g_assert_cmpuint (p->respond_extended, ==, 40);
  g_assert_true (p->ombudsman_from_procedure_end);
  g_assert_cmpuint (p->ombudsman_limit_months, ==, 6);

  /* The time limits of each nation. */
  p = procedure_on (HEED_NATION_ENGLAND, "2026-06-01");
  g_assert_cmpuint (p->time_limit_months, ==, 12);
  g_assert_cmpuint (p->time_limit_outer_months, ==, 0);
  g_assert_true (p->commissioner);
  p = procedure_on (HEED_NATION_SCOTLAND, "2026-06-01");
  g_assert_cmpuint (p->time_limit_months, ==, 6);
  g_assert_cmpuint (p->time_limit_aware_months, ==, 6);
  g_assert_cmpuint (p->time_limit_outer_months, ==, 12);
  g_assert_false (p->commissioner);
  g_assert_cmpuint (p->ombudsman_limit_months, ==, 12);

  /* Before the first rule set, the first one. */
  p = procedure_on (HEED_NATION_WALES, "2001-01-01");
  g_assert_cmpstr (p->name, ==, "Putting Things Right");
}

static GArray *
compute (HeedNation  nation,
         const char *received,
         const char *track)
{
  g_autoptr(HeedCalendar) calendar = heed_calendar_new (nation);
  HeedDeadlineFacts facts = { 0 };
  GDate today = day ("2026-01-02");

  facts.kind = "complaint";
  facts.status = "logged";
  facts.received = received;
  facts.track = track;
  return heed_deadlines_compute (calendar, &facts, &today);
}

static char *
due_of (GArray           *deadlines,
        HeedDeadlineKind  kind)
{
  for (guint i = 0; i < deadlines->len; i++)
    if (g_array_index (deadlines, HeedDeadline, i).kind == kind)
      return heed_format_date_iso (&g_array_index (deadlines, HeedDeadline, i).due);
  return NULL;
}

static void
assert_due (GArray           *deadlines,
            HeedDeadlineKind  kind,
            const char       *expected)
{
  g_autofree char *due = due_of (deadlines, kind);

  g_assert_cmpstr (due, ==, expected);
}

static void
test_deadlines_both_sides (void)
{
  g_autoptr(GArray) ni_before = compute (HEED_NATION_NORTHERN_IRELAND, "2025-12-31", NULL);
  g_autoptr(GArray) ni_after = compute (HEED_NATION_NORTHERN_IRELAND, "2026-01-01", NULL);
  g_autoptr(GArray) ni_after_closer = compute (HEED_NATION_NORTHERN_IRELAND, "2026-01-01",
                                               "closer-look");
  g_autoptr(GArray) wales_before = compute (HEED_NATION_WALES, "2026-03-31", NULL);
  g_autoptr(GArray) wales_after = compute (HEED_NATION_WALES, "2026-04-01", NULL);

  /* 31 December 2025: acknowledge in 3 working days and respond in 10 (1 January is a bank
   * holiday); no stage 1. */
  assert_due (ni_before, HEED_DEADLINE_ACKNOWLEDGE, "2026-01-06");
  assert_due (ni_before, HEED_DEADLINE_RESPOND, "2026-01-15");
  assert_due (ni_before, HEED_DEADLINE_RESOLVE, NULL);
  /* 1 January 2026: stage 1 in 5 working days; stage 2 acknowledged in 3, answered in 20. */
  assert_due (ni_after, HEED_DEADLINE_RESOLVE, "2026-01-08");
  assert_due (ni_after, HEED_DEADLINE_ACKNOWLEDGE, NULL);
  assert_due (ni_after_closer, HEED_DEADLINE_ACKNOWLEDGE, "2026-01-06");
  assert_due (ni_after_closer, HEED_DEADLINE_RESPOND, "2026-01-29");

  /* Wales keeps its 2 and 30 working days (unconfirmed for Listening to People), counted over
   * Easter 2026 (3 and 6 April) and the early May bank holiday (4 May). */
  assert_due (wales_before, HEED_DEADLINE_ACKNOWLEDGE, "2026-04-02");
  assert_due (wales_before, HEED_DEADLINE_RESPOND, "2026-05-15");
  assert_due (wales_after, HEED_DEADLINE_ACKNOWLEDGE, "2026-04-07");
  assert_due (wales_after, HEED_DEADLINE_RESPOND, "2026-05-18");
}

/* The practice's own file changes one figure and leaves the rest; a spoilt file is refused and
 * the built-in rules kept. */
static void
test_practice_file (void)
{
  g_autofree char *path = heed_procedures_dup_user_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;
  const HeedProcedure *p;

  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "[wales 2026-04-01]\nacknowledge=1\n"
                                      "unconfirmed=respond\n", -1, &error));
  g_assert_no_error (error);
  heed_procedures_reload ();
  p = procedure_on (HEED_NATION_WALES, "2026-04-01");
  g_assert_cmpuint (p->acknowledge, ==, 1);
  g_assert_cmpuint (p->respond, ==, 30);
  g_assert_cmpstr (p->name, ==, "Listening to People");
  g_assert_false (heed_procedure_is_unconfirmed (p, "acknowledge"));
  p = procedure_on (HEED_NATION_WALES, "2026-03-31");
  g_assert_cmpuint (p->acknowledge, ==, 2);

  /* A new rule set of its own. */
  g_assert_true (g_file_set_contents (path, "[scotland 2027-04-01]\nname=New Scottish rules\n"
                                      "stages=2\nresolve=4\nacknowledge=3\nrespond=15\n",
                                      -1, &error));
  heed_procedures_reload ();
  g_assert_cmpuint (procedure_on (HEED_NATION_SCOTLAND, "2027-04-01")->respond, ==, 15);
  g_assert_cmpuint (procedure_on (HEED_NATION_SCOTLAND, "2027-03-31")->respond, ==, 20);

  g_assert_true (g_file_set_contents (path, "[wales 2026-04-01]\nacknowledge=two\n", -1,
                                      &error));
  g_test_expect_message ("heed-core", G_LOG_LEVEL_WARNING, "*acknowledge must be a whole "
                         "number*“two”*");
  heed_procedures_reload ();
  g_test_assert_expected_messages ();
  g_assert_cmpuint (procedure_on (HEED_NATION_WALES, "2026-04-01")->acknowledge, ==, 2);

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  heed_procedures_reload ();
  g_assert_cmpuint (procedure_on (HEED_NATION_WALES, "2026-04-01")->acknowledge, ==, 2);
}

#define ALL_NATIONS \
  "[england 2009-04-01]\nname=E\n[wales 2011-04-01]\nname=W\n" \
  "[scotland 2017-04-01]\nname=S\n"

static void
test_bad_data (void)
{
  static const struct {
    const char *data;
    const char *words;
  } cases[] = {
    { ALL_NATIONS, "no rule set for Northern Ireland" },
    { ALL_NATIONS "[northern-ireland]\nname=N\n", "is not a nation and a date" },
    { ALL_NATIONS "[ulster 2009-04-01]\nname=N\n", "is not a nation and a date" },
    { ALL_NATIONS "[northern-ireland 2009-02-30]\nname=N\n", "is not a nation and a date" },
    { ALL_NATIONS "[northern-ireland 2009-04-01]\nrespond=10\n", "has no name" },
    { ALL_NATIONS "[northern-ireland 2009-04-01]\nname=N\nrespond=-1\n",
      "respond must be a whole number from 0 to 365" },
    { ALL_NATIONS "[northern-ireland 2009-04-01]\nname=N\nstages=3\n",
      "stages must be a whole number from 0 to 2" },
    { ALL_NATIONS "[northern-ireland 2009-04-01]\nname=N\ncommissioner=yes\n",
      "commissioner must be true or false" },
    { ALL_NATIONS "[northern-ireland 2009-04-01]\nname=N\nombudsman-limit-from=later\n",
      "aware or procedure-end" },
    { "this is not a key file", NULL },
  };
  const HeedProcedure *before = procedure_on (HEED_NATION_WALES, "2026-04-01");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (heed_procedures_load_data (cases[i].data, -1, &error));
      g_assert_nonnull (error);
      if (cases[i].words != NULL && strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].words, error->message);
    }
  /* Nothing was replaced. */
  g_assert_true (procedure_on (HEED_NATION_WALES, "2026-04-01") == before);

  {
    g_autoptr(GError) error = NULL;

    g_assert_true (heed_procedures_load_data (ALL_NATIONS "[northern-ireland 2009-04-01]\n"
                                              "name=N\nrespond=7\n", -1, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (procedure_on (HEED_NATION_NORTHERN_IRELAND, "2026-06-01")->respond, ==, 7);
    heed_procedures_reload ();
  }
}

/* The late check follows the nation's time limit, as the store gives it to each case. */
static void
test_time_limits (void)
{
  static const struct {
    HeedNation  nation;
    const char *incident;
    const char *aware;
    const char *received;
    gboolean    late;
    const char *says;
  } cases[] = {
    /* England and Wales: 12 months of the event or of learning of it. */
    { HEED_NATION_ENGLAND, "2025-01-10", NULL, "2026-01-10", FALSE, NULL },
    { HEED_NATION_ENGLAND, "2025-01-10", NULL, "2026-01-11", TRUE, "more than 12 months" },
    { HEED_NATION_ENGLAND, "2024-01-10", "2025-06-01", "2026-05-30", FALSE, NULL },
    { HEED_NATION_WALES, "2025-01-10", NULL, "2026-01-12", TRUE, "more than 12 months" },
    /* Scotland: 6 months of the event, or of learning of it within 12 months of the event. */
    { HEED_NATION_SCOTLAND, "2025-01-10", NULL, "2025-07-10", FALSE, NULL },
    { HEED_NATION_SCOTLAND, "2025-01-10", NULL, "2025-07-11", TRUE, "more than 6 months" },
    { HEED_NATION_SCOTLAND, "2025-01-10", "2025-09-01", "2025-12-20", FALSE, NULL },
    { HEED_NATION_SCOTLAND, "2025-01-10", "2025-09-01", "2026-01-12", TRUE, NULL },
    { HEED_NATION_SCOTLAND, "2025-01-10", "2025-03-01", "2025-09-02", TRUE, NULL },
    /* Northern Ireland: the same, before and after 1 January 2026. */
    { HEED_NATION_NORTHERN_IRELAND, "2025-05-01", NULL, "2025-12-31", TRUE,
      "more than 6 months" },
    { HEED_NATION_NORTHERN_IRELAND, "2025-08-01", NULL, "2026-01-01", FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *where = heed_test_place_for_test ("limits.heed")->where;
      g_autofree char *received = g_strdup_printf ("%sT10:00:00", cases[i].received);
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedStore) store = heed_store_create (where, "Practice", cases[i].nation, &error);
      g_autoptr(HeedCase) kase = heed_case_new ("complaint");
      g_autoptr(HeedRecord) loaded = NULL;
      gboolean saved;

      g_assert_no_error (error);
      heed_test_set (kase, "channel", "letter", "received-at", received, "summary", "Late?",
                     "incident-date", cases[i].incident, NULL);
      if (cases[i].aware != NULL)
        heed_test_set (kase, "aware-date", cases[i].aware, NULL);
      saved = heed_store_save (store, HEED_RECORD (kase), &error);
      if (cases[i].late)
        {
          /* Saved only with the reason for the delay written down. */
          g_assert_false (saved);
          g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
          if (cases[i].says != NULL && strstr (error->message, cases[i].says) == NULL)
            g_error ("case %u: “%s” not in “%s”", i, cases[i].says, error->message);
          g_clear_error (&error);
          heed_test_set (kase, "late-reason", "I was in hospital", NULL);
          saved = heed_store_save (store, HEED_RECORD (kase), &error);
        }
      g_assert_no_error (error);
      g_assert_true (saved);
      loaded = heed_store_load (store, HEED_TYPE_CASE, heed_record_get_id (HEED_RECORD (kase)),
                                &error);
      g_assert_no_error (error);
      if (heed_case_is_late (HEED_CASE (loaded)) != cases[i].late)
        g_error ("case %u (%s, %s → %s): late should be %d", i,
                 heed_nation_to_id (cases[i].nation), cases[i].incident, cases[i].received,
                 cases[i].late);
    }
}

int
main (int argc, char **argv)
{
  /* A configuration folder of the test's own, so the practice's file is this test's alone. */
  g_autofree char *config = heed_test_make_dir ();
  int status;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/procedure/on-a-server"))
    {
      status = g_test_run ();
      heed_test_remove_dir (config);
      return status;
    }

  g_test_add_func ("/core/procedure/rule-sets-by-date", test_rule_sets_by_date);
  g_test_add_func ("/core/procedure/deadlines-both-sides", test_deadlines_both_sides);
  g_test_add_func ("/core/procedure/practice-file", test_practice_file);
  g_test_add_func ("/core/procedure/bad-data", test_bad_data);
  g_test_add_func ("/core/procedure/time-limits", test_time_limits);

  status = g_test_run ();
  heed_test_remove_dir (config);
  return status;
}
