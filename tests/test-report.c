/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "heed-action-plan.h"
#include "heed-report-figures.h"
#include "heed-review-figures.h"
#include "heed-test-report.h"
#include "heed-test-location.h"
#include "heed-validate.h"

/* The report's figures, checked against a hand-made practice whose every figure is known
 * (see heed-test-report.h). */

typedef struct {
  HeedTestPlace place;
  HeedStore    *store;
  GDate         from;
  GDate         to;
  GDate         today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  if (!heed_test_place_init (&fixture->place, "report.heed"))
    return;
  fixture->store = report_test_practice (fixture->place.where);
  g_date_clear (&fixture->from, 1);
  g_date_set_dmy (&fixture->from, 1, G_DATE_APRIL, 2025);
  g_date_clear (&fixture->to, 1);
  g_date_set_dmy (&fixture->to, 31, G_DATE_MARCH, 2026);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 1, G_DATE_JUNE, 2026);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static HeedReportFigures *
annual (Fixture  *fixture,
        gboolean  suppress)
{
  g_autoptr(GError) error = NULL;
  HeedReportFigures *figures = heed_report_figures_compute (fixture->store, &fixture->from,
                                                            &fixture->to, &fixture->today,
                                                            &error);

  g_assert_no_error (error);
  g_assert_nonnull (figures);
  heed_report_figures_set_suppress_small (figures, suppress);
  return figures;
}

/* A figure as the report prints it. */
static char *
shown (HeedReportFigures *figures,
       const char        *table_id,
       const char        *row_id,
       const char        *column_id)
{
  const HeedReportTable *table = heed_report_figures_find_table (figures, table_id);
  int row, column;

  g_assert_nonnull (table);
  row = heed_report_table_find_row (table, row_id);
  column = heed_report_table_find_column (table, column_id);
  if (row < 0 || column < 0)
    g_error ("no cell %s/%s/%s", table_id, row_id, column_id);
  return heed_report_figures_format_cell (figures, table, (guint) row, (guint) column);
}

#define assert_shown(figures, table, row, column, expected) \
  G_STMT_START { \
    g_autofree char *shown_text = shown (figures, table, row, column); \
    g_assert_cmpstr (shown_text, ==, expected); \
  } G_STMT_END

static void
test_received (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, FALSE);

  /* C1, C2, C3, C5: the oral complaint resolved next day and the draft are not among them. */
  assert_shown (figures, "received-by-kind", "complaint", "this-period", "4");
  assert_shown (figures, "received-by-kind", "oral-resolved", "this-period", "1");
  assert_shown (figures, "received-by-kind", "concern", "this-period", "1");
  assert_shown (figures, "received-by-kind", "comment", "this-period", "1");
  assert_shown (figures, "received-by-kind", "compliment", "this-period", "6");
  assert_shown (figures, "complaints-by-channel", "letter", "this-period", "1");
  assert_shown (figures, "complaints-by-channel", "email", "this-period", "1");
  /* The oral complaint came by phone but is not a complaint in the counts. */
  assert_shown (figures, "complaints-by-channel", "phone", "this-period", "1");
  assert_shown (figures, "complaints-by-channel", "online-form", "this-period", "1");
  assert_shown (figures, "complaints-by-channel", "mp", "this-period", "0");
}

static void
test_previous_period (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, FALSE);
  g_autofree char *from = NULL, *to = NULL;
  GDate previous_from, previous_to;

  heed_report_figures_get_previous (figures, &previous_from, &previous_to);
  from = heed_format_date_iso (&previous_from);
  to = heed_format_date_iso (&previous_to);
  g_assert_cmpstr (from, ==, "2024-04-01");
  g_assert_cmpstr (to, ==, "2025-03-31");

  /* C9, C10, C11. */
  assert_shown (figures, "received-by-kind", "complaint", "previous-period", "3");
  assert_shown (figures, "received-by-kind", "compliment", "previous-period", "0");
  assert_shown (figures, "complaints-by-channel", "letter", "previous-period", "2");
  assert_shown (figures, "outcomes", "upheld", "previous-period", "1");
  assert_shown (figures, "outcomes", "not-upheld", "previous-period", "1");

  /* Months line up: April with April. */
  assert_shown (figures, "monthly", "2025-04", "this-period", "2");
  assert_shown (figures, "monthly", "2025-05", "this-period", "1");
  assert_shown (figures, "monthly", "2025-06", "this-period", "0");
  assert_shown (figures, "monthly", "2026-03", "this-period", "1");
  assert_shown (figures, "monthly", "2025-05", "previous-period", "1");
  assert_shown (figures, "monthly", "2025-11", "previous-period", "1");
  assert_shown (figures, "monthly", "2026-01", "previous-period", "1");
  g_assert_cmpuint (heed_report_figures_find_table (figures, "monthly")->rows->len, ==, 12);
}

static void
test_previous_period_lengths (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "Lengths", HEED_NATION_ENGLAND, NULL);
  struct {
    const char *from, *to, *previous_from, *previous_to;
  } cases[] = {
    /* A financial year with 29 February in it still compares with the year before. */
    { "2024-04-01", "2025-03-31", "2023-04-01", "2024-03-31" },
    { "2025-01-01", "2025-03-31", "2024-10-01", "2024-12-31" },
    { "2025-06-10", "2025-06-19", "2025-05-31", "2025-06-09" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HeedReportFigures) figures = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *previous_from = NULL, *previous_to = NULL;
      GDate from, to, pf, pt;

      heed_date_from_iso (cases[i].from, &from);
      heed_date_from_iso (cases[i].to, &to);
      figures = heed_report_figures_compute (store, &from, &to, NULL, &error);
      g_assert_no_error (error);
      heed_report_figures_get_previous (figures, &pf, &pt);
      previous_from = heed_format_date_iso (&pf);
      previous_to = heed_format_date_iso (&pt);
      g_assert_cmpstr (previous_from, ==, cases[i].previous_from);
      g_assert_cmpstr (previous_to, ==, cases[i].previous_to);
    }
}

static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, FALSE);

  /* Answered in the period: C1 upheld, C3 partly, C2 and C9 (received last year) not. */
  assert_shown (figures, "outcomes", "upheld", "this-period", "1");
  assert_shown (figures, "outcomes", "partly-upheld", "this-period", "1");
  assert_shown (figures, "outcomes", "not-upheld", "this-period", "2");
  assert_shown (figures, "outcomes", "resolved", "this-period", "4");
  assert_shown (figures, "outcomes", "no-finding", "this-period", "0");

  assert_shown (figures, "ombudsman", "referred", "this-period", "1");
  assert_shown (figures, "ombudsman", "accepted", "this-period", "1");
  assert_shown (figures, "ombudsman", "partly-upheld", "this-period", "1");
  assert_shown (figures, "ombudsman", "upheld", "this-period", "0");
  assert_shown (figures, "ombudsman", "complied", "this-period", "1");
  assert_shown (figures, "ombudsman", "not-complied", "this-period", "0");
}

static void
test_subjects (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, FALSE);
  const HeedReportTable *subjects = heed_report_figures_find_table (figures, "subjects");

  /* C1's two aspects, C3 by its own subject; C2 prescribing; C5 access. */
  assert_shown (figures, "subjects", "appointments", "this-period", "2");
  assert_shown (figures, "subjects", "communications", "this-period", "1");
  assert_shown (figures, "subjects", "prescribing", "this-period", "1");
  assert_shown (figures, "subjects", "access", "this-period", "1");
  assert_shown (figures, "subjects", "clinical", "previous-period", "2");
  assert_shown (figures, "subjects", "communications", "previous-period", "1");
  /* Subjects with nothing in either period are left out of the report. */
  g_assert_cmpint (heed_report_table_find_row (subjects, "end-of-life"), ==, -1);

  assert_shown (figures, "staff-groups", "admin-reception", "this-period", "1");
  assert_shown (figures, "staff-groups", "gp-dentist", "this-period", "1");
  assert_shown (figures, "staff-groups", "other", "this-period", "3");
}

static void
test_timeliness (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, FALSE);
  HeedCalendar *calendar = heed_store_get_calendar (fixture->store);
  const HeedReportTable *tracks = heed_report_figures_find_table (figures, "tracks");
  const HeedReportCell *average;
  GDate a, b;
  int closer_days = 0;
  const char *closer[][2] = {
    { "2025-04-07", "2025-05-01" }, { "2025-04-14", "2025-06-10" },
    { "2025-01-10", "2025-04-15" },
  };

  /* C2 acknowledged after Easter, when it was due on 17 April. */
  assert_shown (figures, "timeliness", "acknowledged", "within", "3");
  assert_shown (figures, "timeliness", "acknowledged", "of", "4");
  assert_shown (figures, "timeliness", "acknowledged", "percent", "75%");
  /* C1 and C3 by their agreed dates, C2 after; C9 had no agreed date. */
  assert_shown (figures, "timeliness", "responded", "within", "2");
  assert_shown (figures, "timeliness", "responded", "of", "3");
  assert_shown (figures, "timeliness", "responded", "percent", "67%");

  assert_shown (figures, "tracks", "early-resolution", "count", "1");
  assert_shown (figures, "tracks", "early-resolution", "average-days", "3.0 working days");
  assert_shown (figures, "tracks", "closer-look", "count", "3");
  for (guint i = 0; i < G_N_ELEMENTS (closer); i++)
    {
      heed_date_from_iso (closer[i][0], &a);
      heed_date_from_iso (closer[i][1], &b);
      closer_days += heed_calendar_working_days_between (calendar, &a, &b);
    }
  average = heed_report_table_get_cell (tracks, (guint) heed_report_table_find_row (tracks,
                                                                                  "closer-look"),
                                        1);
  g_assert_true (average->known);
  g_assert_cmpfloat_with_epsilon (average->value, closer_days / 3.0, 1e-9);
  /* 7 April to 1 May 2025: Good Friday and Easter Monday are not working days. */
  heed_date_from_iso ("2025-04-07", &a);
  heed_date_from_iso ("2025-05-01", &b);
  g_assert_cmpint (heed_calendar_working_days_between (calendar, &a, &b), ==, 16);

  assert_shown (figures, "open-at-end", "complaint", "count", "1");
  assert_shown (figures, "open-at-end", "concern", "count", "0");
  assert_shown (figures, "general-importance", "cases", "count", "1");
}

static void
test_small_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(HeedReportFigures) shown_all = NULL;

  /* A new practice hides small counts unless it says otherwise. */
  figures = heed_report_figures_compute (fixture->store, &fixture->from, &fixture->to,
                                         &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_true (heed_report_figures_get_suppress_small (figures));
  assert_shown (figures, "received-by-kind", "complaint", "this-period", "fewer than 5");
  assert_shown (figures, "received-by-kind", "oral-resolved", "this-period", "fewer than 5");
  assert_shown (figures, "received-by-kind", "compliment", "this-period", "6");
  assert_shown (figures, "received-by-kind", "compliment", "previous-period", "0");
  /* Percentages and averages are not counts of people. */
  assert_shown (figures, "timeliness", "acknowledged", "percent", "75%");

  g_assert_true (heed_store_set_setting (fixture->store, "small-counts", "show", &error));
  g_assert_no_error (error);
  shown_all = heed_report_figures_compute (fixture->store, &fixture->from, &fixture->to,
                                           &fixture->today, &error);
  g_assert_no_error (error);
  g_assert_false (heed_report_figures_get_suppress_small (shown_all));
  assert_shown (shown_all, "received-by-kind", "complaint", "this-period", "4");
}

static void
test_experience_and_learning (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, FALSE);
  GPtrArray *items;
  HeedReportItem *item;

  /* Two responses in the period; the one from 2024 is not counted; answers out of range are
   * left out. */
  assert_shown (figures, "experience", "statement-1", "agree", "1");
  assert_shown (figures, "experience", "statement-1", "strongly-agree", "1");
  assert_shown (figures, "experience", "statement-1", "strongly-disagree", "0");
  assert_shown (figures, "experience", "statement-1", "average", "4.5");
  assert_shown (figures, "experience", "statement-1", "agree-percent", "100%");
  assert_shown (figures, "experience", "statement-2", "average", "3.0");
  assert_shown (figures, "experience", "statement-2", "agree-percent", "50%");
  assert_shown (figures, "experience", "statement-12", "strongly-disagree", "1");
  assert_shown (figures, "experience", "statement-5", "average", "—");
  g_assert_cmpuint (heed_survey_get_n_statements (), ==, 12);

  /* Only C1's approved wording; C2's is not approved. */
  items = heed_report_figures_get_items (figures, HEED_REPORT_ITEMS_YOU_SAID_WE_DID);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->heading, ==, "The phone queue in the morning was too long");
  g_assert_cmpstr (item->text, ==, "We added a call-back option to the phone system");
  items = heed_report_figures_get_items (figures, HEED_REPORT_ITEMS_LEARNING);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((HeedReportItem *) g_ptr_array_index (items, 0))->text, ==,
                   "Reception needed a way to call patients back");
  items = heed_report_figures_get_items (figures, HEED_REPORT_ITEMS_GENERAL_IMPORTANCE);
  g_assert_cmpuint (items->len, ==, 1);

  /* The practice-wide action, with the owner's role and not their name. */
  items = heed_report_figures_get_items (figures, HEED_REPORT_ITEMS_ACTIONS);
  g_assert_cmpuint (items->len, ==, 1);
  item = g_ptr_array_index (items, 0);
  g_assert_cmpstr (item->text, ==, "Add a call-back option to the phone system");
  g_assert_cmpstr (item->detail, ==, "Done 20 June 2025; owner: Practice manager");
  g_assert_cmpstr (item->measure, ==, "Fewer calls abandoned in the morning queue");
  assert_shown (figures, "actions", "done", "count", "1");
  assert_shown (figures, "actions", "open", "count", "1");
  assert_shown (figures, "actions", "overdue", "count", "1");
}

static void
test_no_personal_data_in_csv (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(HeedReportFigures) figures = annual (fixture, TRUE);
  g_autoptr(HeedReportFigures) ko41b = NULL;
  g_autofree char *csv = heed_report_figures_to_csv (figures);
  g_autofree char *ko41b_csv = NULL;
  g_autoptr(GError) error = NULL;

  ko41b = heed_report_figures_compute_ko41b (fixture->store, &fixture->from, &fixture->to,
                                             &error);
  g_assert_no_error (error);
  ko41b_csv = heed_report_figures_to_csv (ko41b);
  for (guint i = 0; report_test_personal[i] != NULL; i++)
    {
      g_assert_null (strstr (csv, report_test_personal[i]));
      g_assert_null (strstr (ko41b_csv, report_test_personal[i]));
    }
  g_assert_true (g_str_has_prefix (csv, "section,row,column,value,label\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nreport,practice,,Quayside Test Surgery,"));
  g_assert_nonnull (strstr (csv, "\r\nreceived-by-kind,complaint,this-period,fewer than 5,"));
  g_assert_nonnull (strstr (csv, "\r\nreceived-by-kind,compliment,this-period,6,"));
  g_assert_nonnull (strstr (csv, "\r\ntimeliness,responded,percent,67%,"));
}

static void
test_csv_quoting (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "=Smith, \"Jones\" & Co", HEED_NATION_WALES,
                                                  NULL);
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autofree char *csv = NULL;
  GDate from, to;

  heed_date_from_iso ("2025-04-01", &from);
  heed_date_from_iso ("2026-03-31", &to);
  figures = heed_report_figures_compute (store, &from, &to, NULL, NULL);
  csv = heed_report_figures_to_csv (figures);
  /* Quoted, quotes doubled, and kept from being read as a formula. */
  g_assert_nonnull (strstr (csv, "report,practice,,\"'=Smith, \"\"Jones\"\" & Co\",Practice"));
}

static void
test_ko41b (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(HeedReportFigures) year = NULL;
  g_autoptr(HeedReportFigures) quarter = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  year = heed_report_figures_compute_ko41b (fixture->store, &fixture->from, &fixture->to,
                                            &error);
  g_assert_no_error (error);
  /* Exact numbers for NHS England, whatever the publication setting. */
  g_assert_false (heed_report_figures_get_suppress_small (year));
  assert_shown (year, "summary", "brought-forward", "count", "1");
  assert_shown (year, "summary", "new", "count", "4");
  assert_shown (year, "summary", "upheld", "count", "1");
  assert_shown (year, "summary", "partly-upheld", "count", "1");
  assert_shown (year, "summary", "not-upheld", "count", "2");
  assert_shown (year, "summary", "resolved", "count", "4");
  assert_shown (year, "summary", "carried-forward", "count", "1");
  assert_shown (year, "age", "75-84", "this-period", "1");
  assert_shown (year, "age", "0-15", "this-period", "1");
  assert_shown (year, "age", "unknown", "this-period", "2");
  assert_shown (year, "age", "25-34", "this-period", "0");
  assert_shown (year, "complainant-status", "patient", "this-period", "3");
  assert_shown (year, "complainant-status", "on-behalf", "this-period", "1");
  assert_shown (year, "subject-area", "appointments", "this-period", "2");
  assert_shown (year, "subject-area", "end-of-life", "this-period", "0");
  assert_shown (year, "staff-group", "other", "this-period", "3");

  /* April to June 2025: C9 brought forward; C1, C2, C3 new; all four answered. */
  heed_date_from_iso ("2025-04-01", &from);
  heed_date_from_iso ("2025-06-30", &to);
  quarter = heed_report_figures_compute_ko41b (fixture->store, &from, &to, &error);
  g_assert_no_error (error);
  assert_shown (quarter, "summary", "brought-forward", "count", "1");
  assert_shown (quarter, "summary", "new", "count", "3");
  assert_shown (quarter, "summary", "resolved", "count", "4");
  assert_shown (quarter, "summary", "carried-forward", "count", "0");
}

static void
test_ko41b_out_of_scope (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "Scope", HEED_NATION_ENGLAND, NULL);
  g_autoptr(HeedReportFigures) ko41b = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  report_test_case (store, "complaint", "letter", "2025-05-01", "status", "out-of-scope",
                    "out-of-scope-reason", "An employment matter", NULL);
  report_test_case (store, "complaint", "letter", "2025-05-02", "status", "logged", NULL);
  g_assert_true (heed_store_set_setting (store, "small-counts", "show", &error));
  heed_date_from_iso ("2025-04-01", &from);
  heed_date_from_iso ("2026-03-31", &to);
  ko41b = heed_report_figures_compute_ko41b (store, &from, &to, &error);
  g_assert_no_error (error);
  /* Not an NHS complaint for the return, though the practice logged and reports it. */
  assert_shown (ko41b, "summary", "new", "count", "1");
  assert_shown (ko41b, "summary", "carried-forward", "count", "1");
  figures = heed_report_figures_compute (store, &from, &to, NULL, &error);
  g_assert_no_error (error);
  assert_shown (figures, "received-by-kind", "complaint", "this-period", "2");
}

static void
test_scotland_stage1 (void)
{
  const char *path = heed_test_place_for_test ("p.heed")->where;
  g_autoptr(HeedStore) store = heed_store_create (path, "North", HEED_NATION_SCOTLAND, NULL);
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;

  /* Stage 1 has 5 working days: 2 June 2025 is a Monday, so 9 June is the last. */
  report_test_case (store, "complaint", "phone", "2025-06-02", "status", "closed",
                    "track", "early-resolution", "responded-on", "2025-06-05",
                    "closed-on", "2025-06-05", "outcome", "upheld", NULL);
  report_test_case (store, "complaint", "phone", "2025-06-02", "status", "closed",
                    "track", "early-resolution", "responded-on", "2025-06-20",
                    "closed-on", "2025-06-20", "outcome", "not-upheld", NULL);
  g_assert_true (heed_store_set_setting (store, "small-counts", "show", &error));
  heed_date_from_iso ("2025-04-01", &from);
  heed_date_from_iso ("2026-03-31", &to);
  figures = heed_report_figures_compute (store, &from, &to, NULL, &error);
  g_assert_no_error (error);
  assert_shown (figures, "timeliness", "resolved-stage1", "within", "1");
  assert_shown (figures, "timeliness", "resolved-stage1", "of", "2");
  assert_shown (figures, "timeliness", "resolved-stage1", "percent", "50%");
}

static void
test_bad_period (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedReportFigures) figures = NULL;
  GDate bad;

  figures = heed_report_figures_compute (fixture->store, &fixture->to, &fixture->from, NULL,
                                         &error);
  g_assert_null (figures);
  g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_date_clear (&bad, 1);
  figures = heed_report_figures_compute_ko41b (fixture->store, &bad, &fixture->to, &error);
  g_assert_null (figures);
  g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID);
}

static void
test_action_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  struct {
    const char     *today;
    HeedActionState private_state;
  } days[] = {
    { "2025-07-01", HEED_ACTION_STATE_NOT_DUE },
    { "2025-07-20", HEED_ACTION_STATE_DUE_SOON },
    { "2025-08-02", HEED_ACTION_STATE_OVERDUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GPtrArray) actions = NULL;
      g_autoptr(GError) error = NULL;
      HeedActionPlanItem *first, *last;
      GDate today;

      heed_date_from_iso (days[i].today, &today);
      actions = heed_report_list_actions (fixture->store, &today, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (actions->len, ==, 2);
      first = g_ptr_array_index (actions, 0);
      last = g_ptr_array_index (actions, 1);
      /* Still to do comes first; done last. The window's list names the owner. */
      g_assert_cmpint (first->state, ==, days[i].private_state);
      g_assert_cmpstr (first->case_reference, !=, NULL);
      g_assert_cmpint (last->state, ==, HEED_ACTION_STATE_DONE);
      g_assert_cmpint (last->case_id, ==, 0);
      g_assert_cmpstr (last->owner, ==, "Dr Hortensia Vole");
    }
}

/* The quarterly review */

static HeedReviewFigures *
review_quarter (Fixture          *fixture,
                ReviewTestCases  *cases,
                const char       *today_iso)
{
  g_autoptr(GError) error = NULL;
  HeedReviewFigures *review;
  GDate from, to, today;

  review_test_add_cases (fixture->store, cases);
  g_assert_true (heed_review_parse_quarter ("2025-Q1", &from, &to));
  g_assert_true (heed_date_from_iso (today_iso, &today));
  review = heed_review_figures_compute (fixture->store, &from, &to, &today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
  return review;
}

static void
assert_trend (HeedReviewFigures *review,
              const char        *table_id,
              const char        *row_id,
              gint64             expected_now,
              gint64             expected_before)
{
  gint64 now = -1, before = -1;

  g_assert_true (heed_review_figures_get_trend (review, table_id, row_id, &now, &before));
  g_assert_cmpint (now, ==, expected_now);
  g_assert_cmpint (before, ==, expected_before);
}

static void
test_review_trends (Fixture       *fixture,
                    gconstpointer  data)
{
  ReviewTestCases cases = { { NULL } };
  g_autoptr(HeedReviewFigures) review = review_quarter (fixture, &cases, "2025-09-01");
  HeedReportFigures *figures = heed_review_figures_get_figures (review);
  GDate from, to;

  heed_report_figures_get_period (figures, &from, &to);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_APRIL);
  g_assert_cmpint (g_date_get_day (&to), ==, 30);
  g_assert_cmpint (g_date_get_month (&to), ==, G_DATE_JUNE);
  heed_report_figures_get_previous (figures, &from, &to);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_year (&from), ==, 2025);
  g_assert_cmpint (g_date_get_month (&to), ==, G_DATE_MARCH);
  g_assert_cmpint (g_date_get_day (&to), ==, 31);

  /* By kind: C1–C3 against C9 and R1, R3, R4, R5 (withdrawn, but received). */
  assert_trend (review, "received-by-kind", "complaint", 3, 5);
  assert_trend (review, "received-by-kind", "concern", 0, 1);
  assert_trend (review, "received-by-kind", "oral-resolved", 1, 0);
  /* By subject, each aspect counted. */
  assert_trend (review, "subjects", "appointments", 2, 1);
  assert_trend (review, "subjects", "communications", 1, 0);
  assert_trend (review, "subjects", "prescribing", 1, 1);
  assert_trend (review, "subjects", "clinical", 0, 2);
  assert_trend (review, "subjects", "access", 0, 1);
  g_assert_false (heed_review_figures_get_trend (review, "subjects", "no-such-subject", NULL,
                                                 NULL));
  g_assert_false (heed_review_figures_get_trend (review, "no-such-table", "access", NULL, NULL));

  /* The meeting sees the real numbers: small counts are not hidden. */
  g_assert_false (heed_report_figures_get_suppress_small (figures));
  review_test_cases_clear (&cases);
}

static void
test_review_overdue_and_long_open (Fixture       *fixture,
                                   gconstpointer  data)
{
  ReviewTestCases cases = { { NULL } };
  g_autoptr(HeedReviewFigures) review = review_quarter (fixture, &cases, "2025-09-01");
  GPtrArray *actions = heed_review_figures_get_overdue_actions (review);
  GPtrArray *open = heed_review_figures_get_long_open_cases (review);
  HeedActionPlanItem *action;
  HeedReviewCase *item;

  /* C2's action (due 1 August) before the practice-wide one (due 15 August); the done one
   * is not listed. */
  g_assert_cmpuint (actions->len, ==, 2);
  action = g_ptr_array_index (actions, 0);
  g_assert_cmpint (action->state, ==, HEED_ACTION_STATE_OVERDUE);
  g_assert_nonnull (action->case_reference);
  g_assert_cmpint (g_date_get_day (&action->due), ==, 1);
  action = g_ptr_array_index (actions, 1);
  g_assert_cmpint (action->case_id, ==, 0);
  g_assert_cmpstr (action->description, ==, "Review the call-back list every Friday");

  /* R1 (seven months) and R2 (six months to the day), oldest first; not R3 (five and a half
   * months), R4 (answered) or R5 (withdrawn), nor any closed case. */
  g_assert_cmpuint (open->len, ==, 2);
  item = g_ptr_array_index (open, 0);
  g_assert_cmpstr (item->reference, ==, cases.long_open[0]);
  g_assert_cmpstr (item->kind, ==, "complaint");
  g_assert_cmpstr (item->status, ==, "in-progress");
  g_assert_cmpstr (item->handler, ==, "Dr Ambrose Lark");
  g_assert_cmpint (item->months_open, ==, 7);
  item = g_ptr_array_index (open, 1);
  g_assert_cmpstr (item->reference, ==, cases.long_open[1]);
  g_assert_cmpstr (item->kind, ==, "concern");
  g_assert_null (item->handler);
  g_assert_cmpint (item->months_open, ==, 6);
  review_test_cases_clear (&cases);
}

static void
test_review_as_of (Fixture       *fixture,
                   gconstpointer  data)
{
  ReviewTestCases cases = { { NULL } };
  /* A day earlier R2 is not yet six months old; on 15 March 2026 R3 has joined R1 and R2,
   * but not the draft of 1 September 2025: a draft is not yet feedback. */
  g_autoptr(HeedReviewFigures) early = review_quarter (fixture, &cases, "2025-08-31");
  g_autoptr(HeedReviewFigures) late = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *open;
  GDate from, to, today;

  g_assert_cmpuint (heed_review_figures_get_long_open_cases (early)->len, ==, 1);
  g_assert_cmpuint (heed_review_figures_get_overdue_actions (early)->len, ==, 2);

  heed_review_parse_quarter ("2025-Q3", &from, &to);
  heed_date_from_iso ("2026-03-15", &today);
  late = heed_review_figures_compute (fixture->store, &from, &to, &today, &error);
  g_assert_no_error (error);
  open = heed_review_figures_get_long_open_cases (late);
  g_assert_cmpuint (open->len, ==, 3);
  g_assert_cmpstr (((HeedReviewCase *) g_ptr_array_index (open, 2))->reference, ==,
                   cases.recent);
  g_assert_cmpint (((HeedReviewCase *) g_ptr_array_index (open, 0))->months_open, ==, 13);
  review_test_cases_clear (&cases);
}

static void
test_review_quarters (void)
{
  struct {
    const char *text;
    const char *from;
    const char *to;
  } good[] = {
    { "2025-Q1", "2025-04-01", "2025-06-30" },
    { "2025-q2", "2025-07-01", "2025-09-30" },
    { "2025-Q3", "2025-10-01", "2025-12-31" },
    { "2025-Q4", "2026-01-01", "2026-03-31" },
  };
  struct {
    const char *today;
    const char *from;
    const char *to;
  } previous[] = {
    { "2025-09-01", "2025-04-01", "2025-06-30" },
    { "2026-01-15", "2025-10-01", "2025-12-31" },
    { "2025-04-01", "2025-01-01", "2025-03-31" },
    { "2025-03-31", "2024-10-01", "2024-12-31" },
  };
  const char *const bad[] = { "2025-Q0", "2025-Q5", "25-Q1", "2025Q1", "2025-1", "2025-Qx",
                              "Q1-2025", "", "2025-Q1-", NULL };
  GDate from, to, today;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *from_iso = NULL, *to_iso = NULL;

      g_assert_true (heed_review_parse_quarter (good[i].text, &from, &to));
      from_iso = heed_format_date_iso (&from);
      to_iso = heed_format_date_iso (&to);
      g_assert_cmpstr (from_iso, ==, good[i].from);
      g_assert_cmpstr (to_iso, ==, good[i].to);
    }
  for (guint i = 0; i < G_N_ELEMENTS (previous); i++)
    {
      g_autofree char *from_iso = NULL, *to_iso = NULL;

      heed_date_from_iso (previous[i].today, &today);
      heed_review_previous_quarter (&today, &from, &to);
      from_iso = heed_format_date_iso (&from);
      to_iso = heed_format_date_iso (&to);
      g_assert_cmpstr (from_iso, ==, previous[i].from);
      g_assert_cmpstr (to_iso, ==, previous[i].to);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    g_assert_false (heed_review_parse_quarter (bad[i], &from, &to));
  g_assert_false (heed_review_parse_quarter (NULL, &from, &to));
}

static void
test_review_bad_period (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedReviewFigures) review = NULL;

  review = heed_review_figures_compute (fixture->store, &fixture->to, &fixture->from,
                                        &fixture->today, &error);
  g_assert_null (review);
  g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/report/on-a-server"))
    return g_test_run ();

#define ADD(name, func) \
  g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/report/annual/received", test_received);
  ADD ("/core/report/annual/previous-period", test_previous_period);
  ADD ("/core/report/annual/outcomes-and-ombudsman", test_outcomes);
  ADD ("/core/report/annual/subjects-and-staff-groups", test_subjects);
  ADD ("/core/report/annual/timeliness-and-tracks", test_timeliness);
  ADD ("/core/report/annual/small-counts", test_small_counts);
  ADD ("/core/report/annual/experience-and-learning", test_experience_and_learning);
  ADD ("/core/report/csv/no-personal-data", test_no_personal_data_in_csv);
  ADD ("/core/report/ko41b", test_ko41b);
  ADD ("/core/report/bad-period", test_bad_period);
  ADD ("/core/report/action-plan", test_action_plan);
  ADD ("/core/report/review/trends", test_review_trends);
  ADD ("/core/report/review/overdue-and-long-open", test_review_overdue_and_long_open);
  ADD ("/core/report/review/as-of", test_review_as_of);
  ADD ("/core/report/review/bad-period", test_review_bad_period);
#undef ADD
  g_test_add_func ("/core/report/previous-period-lengths", test_previous_period_lengths);
  g_test_add_func ("/core/report/review/quarters", test_review_quarters);
  g_test_add_func ("/core/report/csv/quoting", test_csv_quoting);
  g_test_add_func ("/core/report/ko41b/out-of-scope", test_ko41b_out_of_scope);
  g_test_add_func ("/core/report/annual/scotland-stage-1", test_scotland_stage1);

  return g_test_run ();
}
