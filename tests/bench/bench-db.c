/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "heed-db.h"
#include "heed-db-migrations.h"
#include "heed-location.h"
#include "heed-store.h"

/* Figures, never a pass or fail: the storage seam's two drivers on the same practice-like
 * rows. Run by tests/bench/bench-db.sh, which times psql and sqlite3 on the same reads.
 *
 *   bench-db load LOCATION N     migrates, loads N cases (and their people) in one transaction
 *   bench-db read LOCATION       times each read, best of 5, every column of every row read
 *   bench-db sql sqlite|postgres prints each read as NAME<TAB>SQL, for the shells */

typedef struct {
  const char *name;
  const char *sqlite;
  const char *postgres;   /* NULL: the same as on a file */
} Read;

#define LIST_COLUMNS \
  "c.id, c.reference, c.kind, c.status, c.received_at, " \
  "trim (coalesce (p.first_name, '') || ' ' || coalesce (p.last_name, '')) AS name, c.summary "

static const Read reads[] = {
  { "count", "SELECT count(*) FROM cases", NULL },
  { "list-newest-100",
    "SELECT " LIST_COLUMNS "FROM cases c LEFT JOIN people p ON p.id = c.complainant "
    "ORDER BY c.received_at DESC, c.id DESC LIMIT 100", NULL },
  { "list-all",
    "SELECT " LIST_COLUMNS "FROM cases c LEFT JOIN people p ON p.id = c.complainant "
    "ORDER BY c.received_at DESC, c.id DESC", NULL },
  { "open-by-date",
    "SELECT c.id, c.kind, c.status, c.track, c.received_at, c.acknowledged_on, "
    "c.agreed_response_date, c.responded_on, c.closed_on, c.stage2_on, c.extended "
    "FROM cases c WHERE c.status NOT IN ('closed', 'withdrawn', 'out-of-scope') "
    "ORDER BY c.received_at DESC, c.id DESC", NULL },
  { "search-rare",
    "SELECT c.reference FROM case_search s JOIN cases c ON c.id = s.rowid "
    "WHERE case_search MATCH '\"parking\"*' ORDER BY c.received_at DESC, c.id DESC",
    "SELECT c.reference FROM case_search s JOIN cases c ON c.id = s.case_id "
    "WHERE s.document @@ to_tsquery ('heed_search', 'parking:*') "
    "ORDER BY c.received_at DESC, c.id DESC" },
  { "search-common-20",
    "SELECT c.reference FROM case_search s JOIN cases c ON c.id = s.rowid "
    "WHERE case_search MATCH '\"appoint\"*' ORDER BY c.received_at DESC, c.id DESC LIMIT 20",
    "SELECT c.reference FROM case_search s JOIN cases c ON c.id = s.case_id "
    "WHERE s.document @@ to_tsquery ('heed_search', 'appoint:*') "
    "ORDER BY c.received_at DESC, c.id DESC LIMIT 20" },
  { "report-by-kind-status",
    "SELECT kind, status, count(*), count(*) FILTER (WHERE extended) "
    "FROM cases WHERE received_at >= '2024-04-01' AND received_at < '2025-04-01' "
    "GROUP BY kind, status ORDER BY kind, status", NULL },
  { "one-case",
    "SELECT * FROM cases WHERE id = 4321", NULL },
};

static const char *first_names[] = {
  "Ann", "Siân", "Mohammed", "Olivia", "Dafydd", "Émile", "Grace", "Priya", "Tomasz", "Aisha",
  "George", "Niamh", "Rhys", "Chloe", "Oluwaseun", "Zoë",
};
static const char *last_names[] = {
  "Jones", "Williams", "O’Brien", "Khan", "Nowak", "Evans", "Smith", "Patel", "Roberts",
  "Davies", "Okafor", "Hughes", "Murphy", "Lewis",
};
static const char *summaries[] = {
  "Appointment cancelled at short notice", "Receptionist was rude on the phone",
  "Prescription not ready at the pharmacy", "Waited too long for a call back",
  "Could not get an appointment for a child", "Thank you for the care given",
  "Test results not passed on", "Disagreed with the treatment offered",
  "Parking at the surgery", "Repeat prescription lost",
};
static const char *phrases[] = {
  "The patient rang the surgery three times before anyone answered. ",
  "Their daughter says the letter was sent to the wrong address. ",
  "The practice manager spoke to the team about the booking system. ",
  "They would like an apology and an explanation of what went wrong. ",
  "The GP reviewed the notes and found the referral had not been made. ",
  "A meeting was offered so the family could ask their questions. ",
  "The dentist explained the treatment plan again, with its costs. ",
  "Staff will be reminded how to record messages for the clinicians. ",
};
static const char *kinds[] = { "complaint", "complaint", "concern", "comment", "compliment" };
static const char *statuses[] = {
  "open", "acknowledged", "investigating", "responded", "closed", "closed", "closed", "withdrawn",
};

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static HeedDb *
open_location (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLocation) location = heed_location_parse (text, &error);
  HeedDb *db;

  if (location == NULL)
    g_error ("%s", error->message);
  db = heed_db_open (location,
                     heed_location_is_server (location) ? HEED_DB_OPEN_DEFAULT
                     : g_file_test (text, G_FILE_TEST_EXISTS) ? HEED_DB_OPEN_DEFAULT
                                                              : HEED_DB_OPEN_CREATE,
                     &error);
  if (db == NULL)
    g_error ("%s", error->message);
  return db;
}

static void
check (gboolean  ok,
       GError   *error)
{
  if (!ok)
    g_error ("%s", error != NULL ? error->message : "failed");
}

static int
load (const char *text,
      guint       count)
{
  g_autoptr(HeedDb) db = open_location (text);
  g_autoptr(HeedDbStatement) person = NULL;
  g_autoptr(HeedDbStatement) add = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  GError *error = NULL;
  gint64 start;

  check (heed_db_migrate (db, NULL, &error), error);
  start = now_us ();
  check (heed_db_begin (db, HEED_DB_BEGIN_WRITE, &error), error);
  person = heed_db_prepare (db, "INSERT INTO people (first_name, last_name, phone, email) "
                                "VALUES (:first, :last, :phone, :email)", &error);
  check (person != NULL, error);
  add = heed_db_prepare (db, "INSERT INTO cases (reference, kind, channel, status, received_at, "
                             "complainant, summary, description, outcome_wanted, extended, "
                             "acknowledged_on, created_at, updated_at) "
                             "VALUES (:reference, :kind, :channel, :status, :received, "
                             ":complainant, :summary, :description, :wanted, :extended, "
                             ":acknowledged, :received, :received)", &error);
  check (add != NULL, error);

  for (guint i = 0; i < count; i++)
    {
      g_autofree char *phone = g_strdup_printf ("01632 %06u", g_rand_int_range (rand, 0, 999999));
      g_autofree char *email = g_strdup_printf ("person%u@example.org", i);
      g_autofree char *reference = NULL;
      g_autofree char *received = NULL;
      g_autofree char *acknowledged = NULL;
      g_autoptr(GString) description = g_string_new (NULL);
      int year = 2021 + (int) (i * 5 / MAX (count, 1));
      int month = g_rand_int_range (rand, 1, 13), day = g_rand_int_range (rand, 1, 29);
      gint64 person_id = 0, case_id = 0;

      heed_db_statement_bind_text (person, ":first",
                                   first_names[g_rand_int_range (rand, 0,
                                                                 G_N_ELEMENTS (first_names))]);
      heed_db_statement_bind_text (person, ":last",
                                   last_names[g_rand_int_range (rand, 0,
                                                                G_N_ELEMENTS (last_names))]);
      heed_db_statement_bind_text (person, ":phone", phone);
      heed_db_statement_bind_text (person, ":email", email);
      check (heed_db_statement_insert (person, &person_id, &error), error);

      reference = g_strdup_printf ("C-%d-%05u", year, i);
      received = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00", year, month, day,
                                  g_rand_int_range (rand, 8, 18), g_rand_int_range (rand, 0, 60));
      acknowledged = g_strdup_printf ("%04d-%02d-%02d", year, month, MIN (day + 2, 28));
      for (int n = 0; n < 5; n++)
        g_string_append (description,
                         phrases[g_rand_int_range (rand, 0, G_N_ELEMENTS (phrases))]);

      heed_db_statement_bind_text (add, ":reference", reference);
      heed_db_statement_bind_text (add, ":kind",
                                   kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))]);
      heed_db_statement_bind_text (add, ":channel", "phone");
      heed_db_statement_bind_text (add, ":status",
                                   statuses[g_rand_int_range (rand, 0, G_N_ELEMENTS (statuses))]);
      heed_db_statement_bind_text (add, ":received", received);
      heed_db_statement_bind_int64 (add, ":complainant", person_id);
      heed_db_statement_bind_text (add, ":summary",
                                   summaries[g_rand_int_range (rand, 0,
                                                               G_N_ELEMENTS (summaries))]);
      heed_db_statement_bind_text (add, ":description", description->str);
      heed_db_statement_bind_text (add, ":wanted", "An apology and an explanation.");
      heed_db_statement_bind_int64 (add, ":extended", g_rand_int_range (rand, 0, 10) == 0);
      heed_db_statement_bind_text (add, ":acknowledged", acknowledged);
      check (heed_db_statement_insert (add, &case_id, &error), error);
    }
  check (heed_db_commit (db, &error), error);
  check (heed_db_exec (db, "ANALYZE", &error), error);
  printf ("load\t%u\t%.0f\n", count, (now_us () - start) / 1000.0);
  return 0;
}

static const char *
read_sql (const Read   *read,
          HeedDbEngine  engine)
{
  return engine == HEED_DB_ENGINE_POSTGRES && read->postgres != NULL ? read->postgres
                                                                     : read->sqlite;
}

static int
time_reads (const char *text)
{
  g_autoptr(HeedDb) db = open_location (text);
  HeedDbEngine engine = heed_db_get_engine (db);

  for (guint r = 0; r < G_N_ELEMENTS (reads); r++)
    {
      double best = G_MAXDOUBLE;
      guint rows = 0;

      for (int attempt = 0; attempt < 6; attempt++)
        {
          GError *error = NULL;
          g_autoptr(HeedDbStatement) stmt = NULL;
          gint64 start = now_us ();
          gsize bytes = 0;

          rows = 0;
          stmt = heed_db_prepare (db, read_sql (&reads[r], engine), &error);
          check (stmt != NULL, error);
          while (heed_db_statement_step (stmt, &error) == HEED_DB_STEP_ROW)
            {
              int columns = heed_db_statement_get_column_count (stmt);

              for (int c = 0; c < columns; c++)
                {
                  const char *value = heed_db_statement_column_text (stmt, c);

                  bytes += value != NULL ? strlen (value) : 0;
                }
              rows++;
            }
          check (error == NULL, error);
          /* The first run warms the caches and prepares; it is not counted. */
          if (attempt > 0)
            best = MIN (best, (now_us () - start) / 1000.0);
          (void) bytes;
        }
      printf ("%s\t%u\t%.2f\n", reads[r].name, rows, best);
    }
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && strcmp (argv[1], "load") == 0)
    return load (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  if (argc == 3 && strcmp (argv[1], "read") == 0)
    return time_reads (argv[2]);
  if (argc == 3 && strcmp (argv[1], "sql") == 0)
    {
      HeedDbEngine engine = strcmp (argv[2], "postgres") == 0 ? HEED_DB_ENGINE_POSTGRES
                                                              : HEED_DB_ENGINE_SQLITE;

      for (guint r = 0; r < G_N_ELEMENTS (reads); r++)
        printf ("%s\t%s\n", reads[r].name, read_sql (&reads[r], engine));
      return 0;
    }
  fprintf (stderr, "usage: bench-db load LOCATION N | read LOCATION | sql sqlite|postgres\n");
  return 2;
}
