/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "heed-case.h"
#include "heed-demo.h"
#include "heed-status.h"
#include "heed-store.h"
#include "heed-test-location.h"

/* A fixed "today", so the same seed gives the same cases whenever the test runs. */
#define DEMO_YEAR 2025
#define DEMO_MONTH G_DATE_JUNE
#define DEMO_DAY 30

/* A practice file, or (HEED_TEST_ENGINE=postgres) a database of the run's server, for the
 * running test. */
static char *
new_path (void)
{
  return g_strdup (heed_test_place_for_test ("demo.heed")->where);
}

static void
options_for (HeedDemoOptions *options,
             guint            n_cases,
             guint32          seed)
{
  heed_demo_options_init (options);
  options->n_cases = n_cases;
  options->seed = seed;
  g_date_clear (&options->today, 1);
  g_date_set_dmy (&options->today, DEMO_DAY, DEMO_MONTH, DEMO_YEAR);
}

static HeedStore *
make_demo (guint       n_cases,
           guint32     seed,
           HeedNation  nation,
           gboolean    dental)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ();
  g_autoptr(HeedStore) store = NULL;
  HeedDemoOptions options;

  store = heed_store_create (path, "Example Road Surgery", nation, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (dental)
    {
      heed_store_set_setting (store, "practice-type", "dental", &error);
      g_assert_no_error (error);
    }
  options_for (&options, n_cases, seed);
  heed_demo_fill (store, &options, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

/* Every status a case of @kind can reach from a draft. */
static gboolean
status_allowed (const char *kind,
                const char *status)
{
  g_autoptr(GHashTable) reachable = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean grew = TRUE;

  g_hash_table_add (reachable, (gpointer) "draft");
  while (grew)
    {
      g_autofree gpointer *known = NULL;
      guint n;

      grew = FALSE;
      known = g_hash_table_get_keys_as_array (reachable, &n);
      for (guint i = 0; i < n; i++)
        for (const char *const *next = heed_status_next (kind, known[i]); *next != NULL; next++)
          grew = g_hash_table_add (reachable, (gpointer) *next) || grew;
    }
  return g_hash_table_contains (reachable, status);
}

typedef struct {
  GString    *lines;
  GHashTable *kinds;
  GHashTable *channels;
  GHashTable *statuses;
  HeedCalendar *calendar;
  GDate       today;
  guint       ack_met;
  guint       ack_missed;
  guint       bad_status;
  guint       unexpanded;
  guint       rows;
} Collected;

static gboolean
collect_row (const HeedCaseRow *row,
             gpointer           user_data)
{
  Collected *c = user_data;

  g_string_append_printf (c->lines, "%s|%s|%s|%s|%s|%s\n", row->reference, row->kind,
                          row->status, row->received, row->summary,
                          row->name != NULL ? row->name : "");
  g_hash_table_add (c->kinds, g_strdup (row->kind));
  g_hash_table_add (c->channels, g_strdup (row->channel));
  g_hash_table_add (c->statuses, g_strdup (row->status));
  if (!status_allowed (row->kind, row->status))
    {
      g_test_message ("%s: a %s cannot be %s", row->reference, row->kind, row->status);
      c->bad_status++;
    }
  if (strchr (row->summary, '{') != NULL || strchr (row->summary, '}') != NULL)
    {
      g_test_message ("%s: placeholder left in “%s”", row->reference, row->summary);
      c->unexpanded++;
    }
  if (c->calendar != NULL && strcmp (row->kind, "complaint") == 0)
    {
      g_autoptr(GArray) deadlines = NULL;
      HeedDeadlineFacts facts;

      heed_case_row_get_facts (row, &facts);
      deadlines = heed_deadlines_compute (c->calendar, &facts, &c->today);
      for (guint i = 0; i < deadlines->len; i++)
        {
          const HeedDeadline *deadline = &g_array_index (deadlines, HeedDeadline, i);

          if (deadline->kind != HEED_DEADLINE_ACKNOWLEDGE)
            continue;
          if (deadline->state == HEED_DEADLINE_MET)
            c->ack_met++;
          else if (deadline->state == HEED_DEADLINE_MISSED)
            c->ack_missed++;
        }
    }
  c->rows++;
  return TRUE;
}

static void
collected_init (Collected *c)
{
  c->lines = g_string_new (NULL);
  c->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->channels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  c->statuses = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
collected_clear (Collected *c)
{
  g_string_free (c->lines, TRUE);
  g_hash_table_unref (c->kinds);
  g_hash_table_unref (c->channels);
  g_hash_table_unref (c->statuses);
}

static void
collect (HeedStore *store,
         Collected *c)
{
  g_autoptr(GError) error = NULL;

  collected_init (c);
  c->calendar = heed_store_get_calendar (store);
  g_date_clear (&c->today, 1);
  g_date_set_dmy (&c->today, DEMO_DAY, DEMO_MONTH, DEMO_YEAR);
  heed_store_foreach_case_row (store, NULL, collect_row, c, &error);
  g_assert_no_error (error);
}

static void
assert_check_passes (HeedStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  gboolean ok;

  ok = heed_store_check (store, report, &error);
  g_assert_no_error (error);
  if (!ok)
    g_test_message ("%s", report->str);
  g_assert_true (ok);
}

static void
test_demo_kinds (void)
{
  g_autoptr(HeedStore) store = make_demo (200, 7, HEED_NATION_ENGLAND, FALSE);
  g_autoptr(GError) error = NULL;
  Collected c = { 0 };

  collect (store, &c);
  g_assert_cmpuint (c.rows, ==, 200);
  for (guint i = 0; heed_case_kinds[i] != NULL; i++)
    {
      g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
      gint64 count;

      query->kind = g_strdup (heed_case_kinds[i]);
      count = heed_store_count_cases (store, query, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %" G_GINT64_FORMAT, heed_case_kinds[i], count);
      g_assert_cmpint (count, >, 0);
    }
  g_assert_cmpuint (c.bad_status, ==, 0);
  g_assert_cmpuint (c.unexpanded, ==, 0);
  g_assert_true (g_hash_table_contains (c.statuses, "closed"));
  collected_clear (&c);

  assert_check_passes (store);
}

static void
test_demo_channels (void)
{
  g_autoptr(HeedStore) store = make_demo (1000, 11, HEED_NATION_ENGLAND, FALSE);
  Collected c = { 0 };

  collect (store, &c);
  g_assert_cmpuint (c.rows, ==, 1000);
  for (guint i = 0; heed_case_channels[i] != NULL; i++)
    {
      if (!g_hash_table_contains (c.channels, heed_case_channels[i]))
        g_test_message ("channel %s never used", heed_case_channels[i]);
      g_assert_true (g_hash_table_contains (c.channels, heed_case_channels[i]));
    }
  /* Drafts, logged and acknowledged cases are only what came in during the last few days, so
   * there may be none of those; the later steps last weeks. */
  for (guint i = 0; heed_case_statuses[i] != NULL; i++)
    if (!g_hash_table_contains (c.statuses, heed_case_statuses[i]))
      g_test_message ("status %s not used", heed_case_statuses[i]);
  g_assert_true (g_hash_table_contains (c.statuses, "in-progress"));
  g_assert_true (g_hash_table_contains (c.statuses, "responded"));
  g_assert_true (g_hash_table_contains (c.statuses, "closed"));
  g_assert_true (g_hash_table_contains (c.statuses, "withdrawn"));
  g_assert_true (g_hash_table_contains (c.statuses, "out-of-scope"));
  g_assert_cmpuint (c.bad_status, ==, 0);
  g_assert_cmpuint (c.unexpanded, ==, 0);
  /* Acknowledged on time mostly, by the practice's own calendar; late now and then. */
  g_test_message ("acknowledgements: %u on time, %u late", c.ack_met, c.ack_missed);
  g_assert_cmpuint (c.ack_missed, >, 0);
  g_assert_cmpuint (c.ack_met, >, 8 * c.ack_missed);
  collected_clear (&c);

  assert_check_passes (store);
}

static void
test_demo_same_seed (void)
{
  g_autoptr(HeedStore) a = make_demo (200, 42, HEED_NATION_ENGLAND, FALSE);
  g_autoptr(HeedStore) b = make_demo (200, 42, HEED_NATION_ENGLAND, FALSE);
  g_autoptr(HeedStore) other = make_demo (200, 43, HEED_NATION_ENGLAND, FALSE);
  Collected ca = { 0 }, cb = { 0 }, cother = { 0 };

  collect (a, &ca);
  collect (b, &cb);
  collect (other, &cother);
  g_assert_cmpuint (ca.rows, ==, 200);
  g_assert_cmpstr (ca.lines->str, ==, cb.lines->str);
  g_assert_cmpstr (ca.lines->str, !=, cother.lines->str);
  collected_clear (&ca);
  collected_clear (&cb);
  collected_clear (&cother);
}

/* The other nations' deadlines and a dental practice's texts are valid too. */
static void
test_demo_nations (void)
{
  for (HeedNation nation = HEED_NATION_ENGLAND; nation <= HEED_NATION_NORTHERN_IRELAND; nation++)
    {
      g_autoptr(HeedStore) store = make_demo (300, 5 + nation, nation, nation == HEED_NATION_WALES);
      Collected c = { 0 };

      collect (store, &c);
      g_assert_cmpuint (c.rows, ==, 300);
      g_assert_cmpuint (c.bad_status, ==, 0);
      g_assert_cmpuint (c.unexpanded, ==, 0);
      collected_clear (&c);
      assert_check_passes (store);
    }
}

static void
test_demo_practice (void)
{
  g_autoptr(HeedStore) store = make_demo (20, 3, HEED_NATION_ENGLAND, FALSE);
  g_autofree char *address = heed_store_dup_setting (store, "address");
  g_autofree char *manager = heed_store_dup_setting (store, "complaints-manager");
  g_autofree char *responsible = heed_store_dup_setting (store, "responsible-person");
  g_autofree char *phone = heed_store_dup_setting (store, "phone");
  g_autofree char *email = heed_store_dup_setting (store, "email");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  g_assert_nonnull (address);
  g_assert_nonnull (strchr (address, '\n'));
  g_assert_nonnull (manager);
  g_assert_nonnull (responsible);
  g_assert_nonnull (phone);
  g_assert_nonnull (email);

  staff = heed_store_list (store, g_type_from_name ("HeedStaff"), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, >=, 10);
}

static void
test_demo_future (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = new_path ();
  g_autoptr(HeedStore) store = NULL;
  HeedDemoOptions options;

  store = heed_store_create (path, "Example Road Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  heed_demo_options_init (&options);
  g_date_add_days (&options.today, 2);
  g_assert_false (heed_demo_fill (store, &options, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
}

/* Run with -m perf: how long the demo takes, as heed-cli demo --cases N does it. */
static void
test_demo_speed (void)
{
  const guint sizes[] = { 1000, 10000, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = new_path ();
      g_autoptr(HeedStore) store = NULL;
      HeedDemoOptions options;
      double seconds;

      store = heed_store_create (path, "Example Road Surgery", HEED_NATION_ENGLAND, &error);
      g_assert_no_error (error);
      heed_demo_options_init (&options);
      options.n_cases = sizes[i];
      g_test_timer_start ();
      heed_demo_fill (store, &options, &error);
      g_assert_no_error (error);
      heed_store_close (store);
      seconds = g_test_timer_elapsed ();
      if (!heed_test_on_server ())
        {
          GStatBuf buf;

          g_assert_cmpint (g_stat (path, &buf), ==, 0);
          g_test_message ("%u cases: %.2f s, %.1f MB", sizes[i], seconds,
                          buf.st_size / (1024.0 * 1024.0));
        }
      g_test_minimized_result (seconds, "%u cases in %.2f s", sizes[i], seconds);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/demo/on-a-server"))
    return g_test_run ();

  g_test_add_func ("/core/demo/kinds", test_demo_kinds);
  g_test_add_func ("/core/demo/channels", test_demo_channels);
  g_test_add_func ("/core/demo/same-seed", test_demo_same_seed);
  g_test_add_func ("/core/demo/nations", test_demo_nations);
  g_test_add_func ("/core/demo/practice", test_demo_practice);
  g_test_add_func ("/core/demo/future", test_demo_future);
  if (g_test_perf ())
    g_test_add_func ("/core/demo/speed", test_demo_speed);

  return g_test_run ();
}
