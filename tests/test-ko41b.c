/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "heed-demo.h"
#include "heed-report-figures.h"
#include "heed-case.h"
#include "heed-test-location.h"
#include "heed-validate.h"

/* The annual report's remedies and the practice's own words on matters of general
 * importance, per period; and the KO41(b) return: England's only, one collection for GP practices and one for dental
 * practices with their own lists, private care left out, and its summary balancing as the form
 * works it out: carried forward = brought forward + new − resolved. */

static double
value (HeedReportFigures *figures,
       const char        *table_id,
       const char        *row_id)
{
  const HeedReportTable *table = heed_report_figures_find_table (figures, table_id);
  int row;

  g_assert_nonnull (table);
  row = heed_report_table_find_row (table, row_id);
  if (row < 0)
    g_error ("no row %s/%s", table_id, row_id);
  return heed_report_table_get_cell (table, (guint) row, 0)->value;
}

static gboolean
has_row (HeedReportFigures *figures,
         const char        *table_id,
         const char        *row_id)
{
  const HeedReportTable *table = heed_report_figures_find_table (figures, table_id);

  g_assert_nonnull (table);
  return heed_report_table_find_row (table, row_id) >= 0;
}

static void
add_complaint (HeedStore  *store,
               const char *received,
               const char *care)
{
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strconcat (received, "T10:00:00", NULL);

  g_object_set (kase, "channel", "letter", "received-at", at, "status", "logged",
                "summary", "A crown came loose", NULL);
  if (care != NULL)
    g_object_set (kase, "care", care, NULL);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
}

static void
financial_year (int    year,
                GDate *from,
                GDate *to)
{
  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, G_DATE_APRIL, (GDateYear) year);
  g_date_clear (to, 1);
  g_date_set_dmy (to, 31, G_DATE_MARCH, (GDateYear) (year + 1));
}

static void
test_refused_outside_england (void)
{
  static const HeedNation others[] = {
    HEED_NATION_WALES, HEED_NATION_SCOTLAND, HEED_NATION_NORTHERN_IRELAND,
  };
  GDate from, to;

  financial_year (2025, &from, &to);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.heed", heed_nation_to_id (others[i]));
      const char *path = heed_test_place_for_test (name)->where;
      g_autoptr(GError) error = NULL;
      g_autoptr(HeedStore) store = heed_store_create (path, "Elsewhere", others[i], &error);
      g_autoptr(HeedReportFigures) figures = NULL;

      g_assert_no_error (error);
      figures = heed_report_figures_compute_ko41b (store, &from, &to, &error);
      g_assert_null (figures);
      g_assert_error (error, HEED_REPORT_ERROR, HEED_REPORT_ERROR_NOT_ENGLAND);
      g_assert_nonnull (strstr (error->message, "for practices in England"));
      g_assert_nonnull (strstr (error->message, heed_nation_get_name (others[i])));
    }
}

/* A demo practice of each type, over three financial years. */
static void
test_balances (gconstpointer data)
{
  const char *type = data;
  gboolean dental = strcmp (type, "dental") == 0;
  const char *path = heed_test_place_for_test ("demo.heed")->where;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = heed_store_create (path, "Demo", HEED_NATION_ENGLAND, &error);
  HeedDemoOptions options;
  double carried_before = -1;

  g_assert_no_error (error);
  g_assert_true (heed_store_set_setting (store, "practice-type", type, &error));
  heed_demo_options_init (&options);
  g_date_clear (&options.today, 1);
  g_date_set_dmy (&options.today, 30, G_DATE_JUNE, 2026);
  options.n_cases = 500;
  options.seed = 7;
  g_assert_true (heed_demo_fill (store, &options, &error));
  g_assert_no_error (error);

  for (int year = 2023; year <= 2025; year++)
    {
      g_autoptr(HeedReportFigures) figures = NULL;
      g_autoptr(HeedReportFigures) annual = NULL;
      double brought, received, resolved, carried;
      GDate from, to;

      financial_year (year, &from, &to);
      figures = heed_report_figures_compute_ko41b (store, &from, &to, &error);
      g_assert_no_error (error);
      g_assert_cmpint (heed_report_figures_is_dental_collection (figures), ==, dental);
      brought = value (figures, "summary", "brought-forward");
      received = value (figures, "summary", "new");
      resolved = value (figures, "summary", "resolved");
      carried = value (figures, "summary", "carried-forward");
      g_assert_cmpfloat (resolved, ==, value (figures, "summary", "upheld")
                                       + value (figures, "summary", "partly-upheld")
                                       + value (figures, "summary", "not-upheld"));
      g_assert_cmpfloat (carried, ==, brought + received - resolved);
      g_assert_cmpfloat (carried, >=, 0);
      g_assert_cmpfloat (received, >, 0);
      /* What was carried forward and not withdrawn is brought forward the next year. */
      if (carried_before >= 0)
        g_assert_cmpfloat (brought, <=, carried_before);
      carried_before = carried;

      /* The collection's own lists. */
      g_assert_cmpint (has_row (figures, "staff-group", "dental-nurse"), ==, dental);
      g_assert_cmpint (has_row (figures, "staff-group", "hygienist-therapist"), ==, dental);
      g_assert_cmpint (has_row (figures, "staff-group", "nursing"), ==, !dental);
      g_assert_cmpint (has_row (figures, "subject-area", "charges"), ==, dental);

      /* A dental practice's private patients are counted apart in the annual report and
       * left out of the return. */
      annual = heed_report_figures_compute (store, &from, &to, &options.today, &error);
      g_assert_no_error (error);
      heed_report_figures_set_suppress_small (annual, FALSE);
      if (dental)
        g_assert_cmpfloat (value (annual, "complaints-by-care", "private"), >, 0);
      else
        g_assert_cmpfloat (value (annual, "complaints-by-care", "private"), ==, 0);
      g_assert_cmpfloat (received, <=, value (annual, "complaints-by-care", "nhs"));
    }
}

/* Hand-made: two NHS complaints and one about private care in a dental practice. */
static void
test_private_left_out (void)
{
  const char *path = heed_test_place_for_test ("dental.heed")->where;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = heed_store_create (path, "Smiles", HEED_NATION_ENGLAND, &error);
  g_autoptr(HeedReportFigures) ko41b = NULL;
  g_autoptr(HeedReportFigures) annual = NULL;
  GDate from, to;

  g_assert_true (heed_store_set_setting (store, "practice-type", "dental", &error));
  add_complaint (store, "2025-05-01", "nhs");
  add_complaint (store, "2025-05-02", NULL);
  add_complaint (store, "2025-05-03", "private");
  financial_year (2025, &from, &to);
  ko41b = heed_report_figures_compute_ko41b (store, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value (ko41b, "summary", "new"), ==, 2);
  g_assert_cmpfloat (value (ko41b, "summary", "carried-forward"), ==, 2);
  annual = heed_report_figures_compute (store, &from, &to, NULL, &error);
  g_assert_no_error (error);
  heed_report_figures_set_suppress_small (annual, FALSE);
  g_assert_cmpfloat (value (annual, "complaints-by-care", "nhs"), ==, 2);
  g_assert_cmpfloat (value (annual, "complaints-by-care", "private"), ==, 1);
  g_assert_cmpfloat (value (annual, "received-by-kind", "complaint"), ==, 3);
}

static gint64
add_answered (HeedStore  *store,
              const char *received,
              const char *responded,
              const char *first_property,
              ...)
{
  g_autoptr(HeedCase) kase = heed_case_new ("complaint");
  g_autoptr(GError) error = NULL;
  g_autofree char *at = g_strconcat (received, "T10:00:00", NULL);
  va_list args;

  g_object_set (kase, "channel", "letter", "received-at", at, "summary", "Answered",
                "status", "closed", "responded-on", responded, "closed-on", responded,
                "outcome", "upheld", "subject", "appointments", NULL);
  va_start (args, first_property);
  if (first_property != NULL)
    g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  g_assert_true (heed_store_save (store, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
  return heed_record_get_id (HEED_RECORD (kase));
}

static void
test_remedies_and_importance (void)
{
  const char *path = heed_test_place_for_test ("remedies.heed")->where;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = heed_store_create (path, "Remedies", HEED_NATION_ENGLAND, &error);
  g_autoptr(HeedReportFigures) figures = NULL;
  g_autoptr(HeedReportFigures) again = NULL;
  g_autoptr(HeedReportFigures) other_year = NULL;
  g_autofree char *draft = NULL;
  g_autofree char *total = NULL;
  const HeedReportTable *table;
  GDate from, to, from2, to2;

  g_assert_no_error (error);
  add_answered (store, "2025-05-01", "2025-05-20", "remedy-apology", TRUE,
                "remedy-explanation", TRUE, "remedy-financial", (gint64) 12550, NULL);
  add_answered (store, "2025-06-01", "2025-06-20", "remedy-apology", TRUE,
                "remedy-financial", (gint64) 2450, NULL);
  add_answered (store, "2025-07-01", "2025-07-20", "remedy-explanation", TRUE,
                "remedy-action", TRUE, NULL);
  /* Answered the year before: not this year's remedies. */
  add_answered (store, "2025-02-01", "2025-02-20", "remedy-apology", TRUE,
                "remedy-financial", (gint64) 99900, NULL);
  g_assert_true (heed_store_set_setting (store, "small-counts", "show", &error));

  financial_year (2025, &from, &to);
  figures = heed_report_figures_compute (store, &from, &to, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (value (figures, "remedies", "apology"), ==, 2);
  g_assert_cmpfloat (value (figures, "remedies", "explanation"), ==, 2);
  g_assert_cmpfloat (value (figures, "remedies", "action"), ==, 1);
  g_assert_cmpfloat (value (figures, "remedies", "financial"), ==, 2);
  table = heed_report_figures_find_table (figures, "redress-total");
  g_assert_nonnull (table);
  total = heed_report_figures_format_cell (figures, table, 0, 0);
  g_assert_cmpstr (total, ==, "£150.00");
  {
    g_autofree char *before = heed_report_figures_format_cell (figures, table, 0, 1);

    g_assert_cmpstr (before, ==, "£999.00");
  }

  /* Nothing written yet: the draft comes from the themes, and the report has none. */
  g_assert_null (heed_report_figures_get_general_importance (figures));
  draft = heed_report_figures_dup_general_importance_draft (figures);
  g_assert_nonnull (strstr (draft, "most often about appointments"));

  /* Written for this year only, and kept. */
  g_assert_true (heed_store_set_report_summary (store, &from, &to,
                                                "  Getting an appointment by phone was the "
                                                "theme of the year.\n\nWe changed the phone "
                                                "system.  ", &error));
  g_assert_no_error (error);
  again = heed_report_figures_compute (store, &from, &to, NULL, &error);
  g_assert_cmpstr (heed_report_figures_get_general_importance (again), ==,
                   "Getting an appointment by phone was the theme of the year.\n\n"
                   "We changed the phone system.");
  financial_year (2024, &from2, &to2);
  other_year = heed_report_figures_compute (store, &from2, &to2, NULL, &error);
  g_assert_null (heed_report_figures_get_general_importance (other_year));

  /* Emptied, it is gone; a period backwards is refused. */
  g_assert_true (heed_store_set_report_summary (store, &from, &to, " \n ", &error));
  g_assert_null (heed_store_dup_report_summary (store, &from, &to));
  g_assert_false (heed_store_set_report_summary (store, &to, &from, "x", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/ko41b/on-a-server"))
    return g_test_run ();

  g_test_add_func ("/core/ko41b/refused-outside-england", test_refused_outside_england);
  g_test_add_data_func ("/core/ko41b/balances/gp", "gp", test_balances);
  g_test_add_data_func ("/core/ko41b/balances/dental", "dental", test_balances);
  g_test_add_func ("/core/ko41b/private-left-out", test_private_left_out);
  g_test_add_func ("/core/annual/remedies-and-importance", test_remedies_and_importance);

  return g_test_run ();
}
