/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <unistd.h>

#include "heed-case-query.h"
#include "heed-db.h"
#include "heed-db-migrations.h"
#include "heed-location.h"
#include "heed-store.h"
#include "heed-test-util.h"

/* The storage seam on both engines: every test below /core/db/ENGINE/ is one function run
 * once on a practice file and once on a fresh database of the test run's PostgreSQL cluster
 * (build-aux/heed-dev test starts one and exports HEED_TEST_PG_HOST and HEED_TEST_PG_USER;
 * without them the server half is skipped). */

typedef struct {
  HeedDbEngine engine;
} Engine;

static const Engine sqlite_engine = { HEED_DB_ENGINE_SQLITE };
static const Engine postgres_engine = { HEED_DB_ENGINE_POSTGRES };

typedef struct {
  HeedDbEngine  engine;
  char         *dir;        /* a file: its folder */
  char         *database;   /* a server: the test's own database */
  HeedLocation *location;
  HeedDb       *db;
} Fixture;

static guint database_counter;

/* The cluster's maintenance database, from which each test's database is made. */
static HeedLocation *
maintenance_location (void)
{
  const char *host = g_getenv ("HEED_TEST_PG_HOST");
  const char *user = g_getenv ("HEED_TEST_PG_USER");
  g_autofree char *escaped_host = NULL;
  g_autofree char *escaped_user = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  HeedLocation *location;

  if (host == NULL || *host == '\0')
    return NULL;
  escaped_host = g_uri_escape_string (host, "/", FALSE);
  escaped_user = g_uri_escape_string (user != NULL ? user : "heed", NULL, FALSE);
  uri = g_strdup_printf ("postgresql:///postgres?host=%s&user=%s", escaped_host, escaped_user);
  location = heed_location_parse (uri, &error);
  g_assert_no_error (error);
  return location;
}

static void
maintenance_exec (const char *sql)
{
  g_autoptr(HeedLocation) location = maintenance_location ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDb) db = heed_db_open (location, HEED_DB_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  heed_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const Engine *engine = data;
  g_autoptr(GError) error = NULL;

  memset (f, 0, sizeof *f);
  f->engine = engine->engine;

  if (f->engine == HEED_DB_ENGINE_SQLITE)
    {
      g_autofree char *path = NULL;

      f->dir = heed_test_make_dir ();
      path = g_build_filename (f->dir, "practice.heed", NULL);
      f->location = heed_location_new_for_path (path);
      f->db = heed_db_open (f->location, HEED_DB_OPEN_CREATE, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_autoptr(HeedLocation) maintenance = maintenance_location ();
      g_autofree char *sql = NULL;

      if (maintenance == NULL)
        {
          g_test_skip ("No PostgreSQL for this run: build-aux/heed-dev test starts one when "
                       "/usr/lib/postgresql/15/bin is there and exports HEED_TEST_PG_HOST");
          return;
        }
      /* Names of our own making (pid and counter), not values: formatted, in a test only. */
      f->database = g_strdup_printf ("heed_test_%d_%u", (int) getpid (), ++database_counter);
      sql = g_strdup_printf ("CREATE DATABASE %s", f->database);
      maintenance_exec (sql);
      f->location = heed_location_dup_for_database (maintenance, f->database);
      f->db = heed_db_open (f->location, HEED_DB_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  g_assert_true (heed_db_get_engine (f->db) == f->engine);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  if (f->db != NULL)
    heed_db_close (f->db);
  g_clear_object (&f->db);
  if (f->dir != NULL)
    heed_test_remove_dir (f->dir);
  if (f->database != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", f->database);

      maintenance_exec (sql);
    }
  g_clear_pointer (&f->location, heed_location_unref);
  g_free (f->dir);
  g_free (f->database);
}

#define SKIP_WITHOUT_DB(f) \
  G_STMT_START { if ((f)->db == NULL) return; } G_STMT_END

static HeedDb *
open_again (Fixture         *f,
            HeedDbOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  HeedDb *db = heed_db_open (f->location, flags, &error);

  g_assert_no_error (error);
  return db;
}

static void
migrate (HeedDb *db)
{
  g_autoptr(GError) error = NULL;
  int applied = -1;

  heed_db_migrate (db, &applied, &error);
  g_assert_no_error (error);
}

static void
exec_ok (HeedDb     *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;

  heed_db_exec (db, sql, &error);
  g_assert_no_error (error);
}

static HeedDbStatement *
prepare_ok (HeedDb     *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  HeedDbStatement *stmt = heed_db_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stmt);
  return stmt;
}

static gint64
query_int (HeedDb     *db,
           const char *sql)
{
  g_autoptr(HeedDbStatement) stmt = prepare_ok (db, sql);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_ROW);
  g_assert_no_error (error);
  return heed_db_statement_column_int64 (stmt, 0);
}

/* An error message is for a person: none of the SQL or the engine's own words in it. */
static void
assert_readable (const GError *error)
{
  const char *engine_words[] = {
    "INSERT", "UPDATE", "SELECT", "SELEC", "constraint failed", "violates", "duplicate key",
    "syntax", "sqlite", "SQLSTATE", "relation", "cases.reference", "ERROR:", "$1",
  };

  g_assert_nonnull (error);
  for (guint i = 0; i < G_N_ELEMENTS (engine_words); i++)
    if (strstr (error->message, engine_words[i]) != NULL)
      g_error ("The message “%s” holds “%s”", error->message, engine_words[i]);
}

static void
set_setting (HeedDb     *db,
             const char *key,
             const char *value,
             GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = prepare_ok (db, "INSERT INTO settings (key, value) "
                                                    "VALUES (:key, :value)");

  heed_db_statement_bind_text (stmt, ":key", key);
  heed_db_statement_bind_text (stmt, "value", value);
  heed_db_statement_execute (stmt, error);
}

static char *
dup_setting (HeedDb     *db,
             const char *key)
{
  g_autoptr(HeedDbStatement) stmt = prepare_ok (db, "SELECT value FROM settings WHERE key = :key");
  g_autoptr(GError) error = NULL;
  HeedDbStep step;

  heed_db_statement_bind_text (stmt, ":key", key);
  step = heed_db_statement_step (stmt, &error);
  g_assert_no_error (error);
  return step == HEED_DB_STEP_ROW ? heed_db_statement_dup_column_text (stmt, 0) : NULL;
}

/* Named parameters */

static void
test_named_parameters (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DB (f);

  /* A name used twice is one parameter; a colon in a string or comment is not one. */
  stmt = prepare_ok (f->db, "SELECT CAST (:first AS TEXT) || ' :not_a_parameter ' || "
                            "CAST (:second AS TEXT) AS joined, /* :nor_this */ "
                            "CAST (:first AS TEXT) AS again -- nor :this\n");
  g_assert_cmpuint (heed_db_statement_get_parameter_count (stmt), ==, 2);
  heed_db_statement_bind_text (stmt, ":first", "one");
  heed_db_statement_bind_text (stmt, "second", "two");
  g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_ROW);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_db_statement_text_named (stmt, "joined"), ==,
                   "one :not_a_parameter two");
  g_assert_cmpstr (heed_db_statement_column_text (stmt, 1), ==, "one");
  g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_DONE);

  /* Binding again starts the statement afresh. */
  heed_db_statement_bind_text (stmt, ":first", "uno");
  g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_ROW);
  g_assert_cmpstr (heed_db_statement_column_text (stmt, 0), ==, "uno :not_a_parameter two");
  heed_db_statement_reset (stmt);
  g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_ROW);
  g_assert_cmpstr (heed_db_statement_column_text (stmt, 1), ==, "uno");

  /* An unbound parameter is NULL on both. */
  heed_db_statement_clear_bindings (stmt);
  heed_db_statement_bind_text (stmt, ":second", "two");
  g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_ROW);
  g_assert_true (heed_db_statement_column_is_null (stmt, 0));
  g_assert_true (heed_db_statement_column_is_null (stmt, 1));

  /* A name the statement does not have is a programming error. */
  g_test_expect_message ("heed-db", G_LOG_LEVEL_CRITICAL, "*no parameter :missing*");
  g_assert_false (heed_db_statement_bind_int64 (stmt, ":missing", 1));
  g_test_assert_expected_messages ();

  if (f->engine == HEED_DB_ENGINE_POSTGRES)
    {
      g_autoptr(HeedDbStatement) pg = NULL;

      /* PostgreSQL's own syntax around parameters: casts and dollar quotes. */
      pg = prepare_ok (f->db, "SELECT :n::integer + 1 AS next, $$:x$$ AS quoted, "
                              "E'it\\'s :y' AS escaped");
      g_assert_cmpuint (heed_db_statement_get_parameter_count (pg), ==, 1);
      heed_db_statement_bind_int64 (pg, ":n", 41);
      g_assert_cmpint (heed_db_statement_step (pg, &error), ==, HEED_DB_STEP_ROW);
      g_assert_no_error (error);
      g_assert_cmpint (heed_db_statement_int64_named (pg, "next"), ==, 42);
      g_assert_cmpstr (heed_db_statement_text_named (pg, "quoted"), ==, ":x");
      g_assert_cmpstr (heed_db_statement_text_named (pg, "escaped"), ==, "it's :y");
    }
}

/* Column types */

static const guint8 blob_with_nuls[] = { 0, 'a', 0, 0xff, 0, 'z', 0x5c, 0 };

static void
test_column_types (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(HeedDbStatement) insert = NULL;
  g_autoptr(HeedDbStatement) select = NULL;
  g_autoptr(HeedDbStatement) returning = NULL;
  g_autoptr(HeedDbStatement) update = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id1 = 0, id2 = 0, id3 = 0, id4 = 0;
  const guint8 *blob;
  gsize length = 99;

  SKIP_WITHOUT_DB (f);

  if (f->engine == HEED_DB_ENGINE_SQLITE)
    exec_ok (f->db, "CREATE TABLE t (id INTEGER PRIMARY KEY, s TEXT, i INTEGER, d REAL, b BLOB)");
  else
    exec_ok (f->db, "CREATE TABLE t (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                    "s text, i bigint, d double precision, b bytea)");

  insert = prepare_ok (f->db, "INSERT INTO t (s, i, d, b) VALUES (:s, :i, :d, :b)");
  heed_db_statement_bind_text (insert, ":s", "Siân’s ŵ café");
  heed_db_statement_bind_int64 (insert, ":i", G_MAXINT64);
  heed_db_statement_bind_double (insert, ":d", 0.1);
  heed_db_statement_bind_blob (insert, ":b", blob_with_nuls, sizeof blob_with_nuls);
  g_assert_true (heed_db_statement_insert (insert, &id1, &error));
  g_assert_no_error (error);

  heed_db_statement_clear_bindings (insert);
  g_assert_true (heed_db_statement_insert (insert, &id2, &error));
  g_assert_no_error (error);

  heed_db_statement_bind_text (insert, ":s", "");
  heed_db_statement_bind_int64 (insert, ":i", G_MININT64);
  heed_db_statement_bind_double (insert, ":d", -1.5e300);
  heed_db_statement_bind_blob (insert, ":b", NULL, 0);
  g_assert_true (heed_db_statement_insert (insert, &id3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id1, <, id2);
  g_assert_cmpint (id2, <, id3);

  /* RETURNING written out works on both. */
  returning = prepare_ok (f->db, "INSERT INTO t (s) VALUES (:s) RETURNING id");
  heed_db_statement_bind_text (returning, ":s", "four");
  g_assert_cmpint (heed_db_statement_step (returning, &error), ==, HEED_DB_STEP_ROW);
  id4 = heed_db_statement_column_int64 (returning, 0);
  g_assert_cmpint (id4, >, id3);
  g_assert_cmpint (heed_db_statement_step (returning, &error), ==, HEED_DB_STEP_DONE);

  select = prepare_ok (f->db, "SELECT s, i, d, b FROM t WHERE id <= :last ORDER BY id");
  heed_db_statement_bind_int64 (select, ":last", id3);

  g_assert_cmpint (heed_db_statement_step (select, &error), ==, HEED_DB_STEP_ROW);
  g_assert_no_error (error);
  g_assert_cmpint (heed_db_statement_get_column_count (select), ==, 4);
  g_assert_cmpstr (heed_db_statement_get_column_name (select, 2), ==, "d");
  g_assert_cmpint (heed_db_statement_find_column (select, "b"), ==, 3);
  g_assert_cmpint (heed_db_statement_find_column (select, "nope"), ==, -1);
  g_assert_cmpstr (heed_db_statement_column_text (select, 0), ==, "Siân’s ŵ café");
  g_assert_cmpint (heed_db_statement_column_int64 (select, 1), ==, G_MAXINT64);
  g_assert_cmpstr (heed_db_statement_column_text (select, 1), ==, "9223372036854775807");
  g_assert_cmpfloat (heed_db_statement_column_double (select, 2), ==, 0.1);
  blob = heed_db_statement_column_blob (select, 3, &length);
  g_assert_cmpmem (blob, length, blob_with_nuls, sizeof blob_with_nuls);
  {
    g_autoptr(GBytes) bytes = heed_db_statement_dup_column_bytes (select, 3);

    g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                     blob_with_nuls, sizeof blob_with_nuls);
  }
  g_assert_false (heed_db_statement_is_null_named (select, "b"));

  /* All NULL. */
  g_assert_cmpint (heed_db_statement_step (select, &error), ==, HEED_DB_STEP_ROW);
  for (int column = 0; column < 4; column++)
    g_assert_true (heed_db_statement_column_is_null (select, column));
  g_assert_null (heed_db_statement_column_text (select, 0));
  g_assert_cmpint (heed_db_statement_column_int64 (select, 1), ==, 0);
  g_assert_null (heed_db_statement_blob_named (select, "b", &length));
  g_assert_cmpuint (length, ==, 0);

  /* Empty is not NULL. */
  g_assert_cmpint (heed_db_statement_step (select, &error), ==, HEED_DB_STEP_ROW);
  g_assert_false (heed_db_statement_column_is_null (select, 0));
  g_assert_cmpstr (heed_db_statement_column_text (select, 0), ==, "");
  g_assert_cmpint (heed_db_statement_column_int64 (select, 1), ==, G_MININT64);
  g_assert_cmpfloat (heed_db_statement_double_named (select, "d"), ==, -1.5e300);
  g_assert_false (heed_db_statement_column_is_null (select, 3));
  length = 99;
  g_assert_nonnull (heed_db_statement_column_blob (select, 3, &length));
  g_assert_cmpuint (length, ==, 0);
  g_assert_cmpint (heed_db_statement_step (select, &error), ==, HEED_DB_STEP_DONE);
  g_assert_no_error (error);

  update = prepare_ok (f->db, "UPDATE t SET s = :s WHERE i IS NULL");
  heed_db_statement_bind_text (update, ":s", "changed");
  g_assert_true (heed_db_statement_execute (update, &error));
  g_assert_cmpint (heed_db_statement_get_changes (update), ==, 2);
}

/* A list of statements, as a migration is: all of it, or in a transaction none of it. */
static void
test_exec_list (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DB (f);

  exec_ok (f->db, "CREATE TABLE l (x INTEGER NOT NULL); INSERT INTO l VALUES (1);\n"
                  "-- a comment; with a semicolon\nINSERT INTO l VALUES (2);");
  g_assert_cmpint (query_int (f->db, "SELECT sum (x) FROM l"), ==, 3);

  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  g_assert_false (heed_db_exec (f->db, "INSERT INTO l VALUES (4); INSERT INTO l VALUES (NULL); "
                                       "INSERT INTO l VALUES (8)", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  assert_readable (error);
  heed_db_rollback (f->db);
  g_assert_cmpint (query_int (f->db, "SELECT sum (x) FROM l"), ==, 3);
}

/* Transactions */

static void
test_nested_transactions (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *g = NULL;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  set_setting (f->db, "a", "1", &error);
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  g_assert_cmpuint (heed_db_get_transaction_depth (f->db), ==, 2);
  set_setting (f->db, "b", "2", &error);
  heed_db_rollback (f->db);                   /* only b's part */
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  set_setting (f->db, "c", "3", &error);
  g_assert_true (heed_db_commit (f->db, &error));
  g_assert_cmpuint (heed_db_get_transaction_depth (f->db), ==, 1);
  g_assert_true (heed_db_commit (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heed_db_get_transaction_depth (f->db), ==, 0);

  /* A step that fails inside its own savepoint leaves the rest to go on, on both engines
   * (a server would otherwise refuse everything after it). */
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  set_setting (f->db, "d", "4", &error);
  g_assert_no_error (error);
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  set_setting (f->db, "a", "again", &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  heed_db_rollback (f->db);
  set_setting (f->db, "e", "5", &error);
  g_assert_no_error (error);
  g_assert_true (heed_db_commit (f->db, &error));
  g_assert_no_error (error);

  /* The outermost rollback undoes all. */
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  set_setting (f->db, "g", "7", &error);
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  g_assert_true (heed_db_commit (f->db, &error));
  heed_db_rollback (f->db);
  g_assert_no_error (error);

  /* As a second connection sees it. */
  {
    g_autoptr(HeedDb) other = open_again (f, HEED_DB_OPEN_DEFAULT);

    a = dup_setting (other, "a");
    b = dup_setting (other, "b");
    c = dup_setting (other, "c");
    d = dup_setting (other, "d");
    e = dup_setting (other, "e");
    g = dup_setting (other, "g");
  }
  g_assert_cmpstr (a, ==, "1");
  g_assert_null (b);
  g_assert_cmpstr (c, ==, "3");
  g_assert_cmpstr (d, ==, "4");
  g_assert_cmpstr (e, ==, "5");
  g_assert_null (g);

  g_test_expect_message ("heed-db", G_LOG_LEVEL_CRITICAL, "*depth > 0*");
  g_assert_false (heed_db_commit (f->db, &error));
  g_test_assert_expected_messages ();
}

/* Errors */

static void
insert_case (HeedDb      *db,
             const char  *reference,
             const char  *kind,
             const char  *summary,
             gint64       complainant,
             const char  *description,
             gint64      *id,
             GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 dummy;

  stmt = prepare_ok (db, "INSERT INTO cases (reference, kind, channel, status, received_at, "
                         "summary, complainant, description, created_at, updated_at) "
                         "VALUES (:reference, :kind, 'phone', 'open', '2025-05-01T10:00:00', "
                         ":summary, :complainant, :description, '2025-05-01T10:00:00', "
                         "'2025-05-01T10:00:00')");
  heed_db_statement_bind_text (stmt, ":reference", reference);
  heed_db_statement_bind_text (stmt, ":kind", kind);
  heed_db_statement_bind_text (stmt, ":summary", summary);
  if (complainant > 0)
    heed_db_statement_bind_int64 (stmt, ":complainant", complainant);
  heed_db_statement_bind_text (stmt, ":description", description);
  heed_db_statement_insert (stmt, id != NULL ? id : &dummy, error);
}

static gint64
insert_person (HeedDb     *db,
               const char *first_name,
               const char *last_name,
               const char *email)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  stmt = prepare_ok (db, "INSERT INTO people (first_name, last_name, email) "
                         "VALUES (:first, :last, :email)");
  heed_db_statement_bind_text (stmt, ":first", first_name);
  heed_db_statement_bind_text (stmt, ":last", last_name);
  heed_db_statement_bind_text (stmt, ":email", email);
  g_assert_true (heed_db_statement_insert (stmt, &id, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_constraint_errors (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 id = 0;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  insert_case (f->db, "C-2025-0001", "complaint", "First", 0, NULL, &id, &error);
  g_assert_no_error (error);

  /* Unique */
  insert_case (f->db, "C-2025-0001", "complaint", "Again", 0, NULL, NULL, &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  assert_readable (error);
  g_assert_nonnull (strstr (error->message, "only one"));
  g_clear_error (&error);

  /* A check */
  insert_case (f->db, "C-2025-0002", "rant", "Unknown kind", 0, NULL, NULL, &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  assert_readable (error);
  g_clear_error (&error);

  /* Not null */
  insert_case (f->db, "C-2025-0003", "complaint", NULL, 0, NULL, NULL, &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  assert_readable (error);
  g_clear_error (&error);

  /* A missing record */
  insert_case (f->db, "C-2025-0004", "complaint", "Nobody", 4242, NULL, NULL, &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  assert_readable (error);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  /* Nothing of the refused rows was kept. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases"), ==, 1);

  /* A mistake in Heed's own SQL: no SQL in the message. */
  stmt = heed_db_prepare (f->db, "SELEC reference FROM cases", &error);
  g_assert_null (stmt);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED);
  assert_readable (error);
  g_clear_error (&error);

  /* One statement at a time, on both. */
  stmt = heed_db_prepare (f->db, "SELECT 1; DELETE FROM cases", &error);
  g_assert_null (stmt);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases;"), ==, 1);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HeedDb) reader = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);
  heed_db_close (f->db);

  reader = open_again (f, HEED_DB_OPEN_READ_ONLY);
  g_assert_true (heed_db_is_read_only (reader));
  /* Only the practice identity migration 5 gives every practice. */
  g_assert_cmpint (query_int (reader,
                              "SELECT count(*) FROM settings WHERE key <> 'practice-id'"),
                   ==, 0);
  set_setting (reader, "name", "Riverside", &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED);
  assert_readable (error);
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(HeedLocation) missing = NULL;
  g_autoptr(HeedDb) db = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DB (f);

  if (f->engine == HEED_DB_ENGINE_SQLITE)
    {
      g_autofree char *path = g_build_filename (f->dir, "missing.heed", NULL);

      missing = heed_location_new_for_path (path);
    }
  else
    {
      g_autoptr(HeedLocation) no_database = NULL;
      g_autofree char *name = g_strdup_printf ("heed_missing_%d", (int) getpid ());
      g_autofree char *uri = NULL;
      g_autofree char *host = g_uri_escape_string (g_getenv ("HEED_TEST_PG_HOST"), "/", FALSE);

      /* The cluster trusts its socket, so the password is never asked for: it must not be
       * shown either way. */
      uri = g_strdup_printf ("postgresql://heed:s3cret-word@/%s?host=%s", name, host);
      missing = heed_location_parse (uri, &error);
      g_assert_no_error (error);
    }

  db = heed_db_open (missing, HEED_DB_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND);
  g_assert_null (strstr (error->message, "s3cret"));
  assert_readable (error);
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(HeedDb) other = NULL;
  g_autoptr(HeedDbStatement) update = NULL;
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);
  set_setting (f->db, "name", "Riverside", &error);
  g_assert_no_error (error);

  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  exec_ok (f->db, "UPDATE settings SET value = 'Mine' WHERE key = 'name'");

  other = open_again (f, HEED_DB_OPEN_DEFAULT);
  g_assert_true (heed_db_set_lock_timeout (other, 50, &error));
  /* A file refuses the second writer's transaction; a server its change to the locked row. */
  if (heed_db_begin (other, HEED_DB_BEGIN_WRITE, &error))
    {
      update = prepare_ok (other, "UPDATE settings SET value = 'Theirs' WHERE key = 'name'");
      g_assert_false (heed_db_statement_execute (update, &error));
      heed_db_rollback (other);
    }
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_BUSY);
  assert_readable (error);
  g_clear_error (&error);

  g_assert_true (heed_db_commit (f->db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *name = dup_setting (other, "name");

    g_assert_cmpstr (name, ==, "Mine");
  }
}

/* Migrations */

static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int version = -1, applied = -1;

  SKIP_WITHOUT_DB (f);

  g_assert_true (heed_db_read_schema_version (f->db, &version, &error));
  g_assert_cmpint (version, ==, 0);
  g_assert_true (heed_db_migrate (f->db, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, HEED_STORE_SCHEMA_VERSION);
  g_assert_true (heed_db_read_schema_version (f->db, &version, &error));
  g_assert_cmpint (version, ==, HEED_STORE_SCHEMA_VERSION);

  /* Every table of the schema is there, the last migration's drafts included. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM form_drafts"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM case_search"), ==, 0);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM reference_counters"), ==, 0);
  set_setting (f->db, "name", "Riverside Surgery", &error);
  g_assert_no_error (error);
  heed_db_close (f->db);
  g_clear_object (&f->db);

  /* Opened again: the version read back, nothing run twice. */
  f->db = open_again (f, HEED_DB_OPEN_DEFAULT);
  g_assert_true (heed_db_read_schema_version (f->db, &version, &error));
  g_assert_cmpint (version, ==, HEED_STORE_SCHEMA_VERSION);
  g_assert_true (heed_db_migrate (f->db, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpint (applied, ==, 0);
  {
    g_autofree char *name = dup_setting (f->db, "name");

    g_assert_cmpstr (name, ==, "Riverside Surgery");
  }
  if (f->engine == HEED_DB_ENGINE_POSTGRES)
    g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM heed_schema"), ==,
                     HEED_STORE_SCHEMA_VERSION);

  /* A practice from a newer Heed is refused and left as it was. */
  if (f->engine == HEED_DB_ENGINE_SQLITE)
    exec_ok (f->db, "PRAGMA user_version = 99");
  else
    exec_ok (f->db, "INSERT INTO heed_schema (version, applied_at) VALUES (99, 'later')");
  g_assert_false (heed_db_migrate (f->db, &applied, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Heed"));
  assert_readable (error);
  g_clear_error (&error);
  g_assert_true (heed_db_read_schema_version (f->db, &version, &error));
  g_assert_cmpint (version, ==, 99);
}

static void
test_not_heed (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int applied = -1;

  SKIP_WITHOUT_DB (f);

  exec_ok (f->db, "CREATE TABLE invoices (number INTEGER PRIMARY KEY, total INTEGER)");
  g_assert_false (heed_db_migrate (f->db, &applied, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED);
  assert_readable (error);
  g_assert_cmpint (applied, ==, 0);
  /* Untouched: no Heed table was made beside it. */
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM invoices"), ==, 0);
  {
    g_autoptr(HeedDbStatement) stmt = NULL;

    g_clear_error (&error);
    stmt = heed_db_prepare (f->db, "SELECT count(*) FROM settings", &error);
    g_assert_null (stmt);
    g_assert_nonnull (error);
  }
}

/* The practice's rules in the schema */

static void
test_trail_refuses_update (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  stmt = prepare_ok (f->db, "INSERT INTO audit (at, os_user, action, tbl, row_id, prev_hash, "
                            "hash) VALUES ('2025-05-01T10:00:00', 'ann', 'add', 'cases', 1, '', "
                            ":hash)");
  heed_db_statement_bind_text (stmt, ":hash", "abc");
  g_assert_true (heed_db_statement_insert (stmt, &id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = prepare_ok (f->db, "UPDATE audit SET os_user = 'mallory' WHERE id = :id");
  heed_db_statement_bind_int64 (stmt, ":id", id);
  g_assert_false (heed_db_statement_execute (stmt, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "the audit trail cannot be changed"));
  assert_readable (error);
  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = prepare_ok (f->db, "SELECT os_user FROM audit WHERE id = :id");
  heed_db_statement_bind_int64 (stmt, ":id", id);
  g_assert_cmpint (heed_db_statement_step (stmt, NULL), ==, HEED_DB_STEP_ROW);
  g_assert_cmpstr (heed_db_statement_column_text (stmt, 0), ==, "ann");
}

static void
test_sent_letter_frozen (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 case_id = 0, letter = 0;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);
  insert_case (f->db, "C-2025-0001", "complaint", "Letter", 0, NULL, &case_id, &error);
  g_assert_no_error (error);

  stmt = prepare_ok (f->db, "INSERT INTO letters (\"case\", template, created_at, sent_at, pdf) "
                            "VALUES (:case, 'acknowledgement', '2025-05-01', '2025-05-02', :pdf)");
  heed_db_statement_bind_int64 (stmt, ":case", case_id);
  heed_db_statement_bind_blob (stmt, ":pdf", "%PDF-1.5\0", 9);
  g_assert_true (heed_db_statement_insert (stmt, &letter, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = prepare_ok (f->db, "UPDATE letters SET title = 'Changed' WHERE id = :id");
  heed_db_statement_bind_int64 (stmt, ":id", letter);
  g_assert_false (heed_db_statement_execute (stmt, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "a sent letter cannot be changed"));
  g_clear_error (&error);
  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = prepare_ok (f->db, "DELETE FROM letters WHERE id = :id");
  heed_db_statement_bind_int64 (stmt, ":id", letter);
  g_assert_false (heed_db_statement_execute (stmt, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "a sent letter cannot be deleted"));
  g_clear_error (&error);
  g_clear_pointer (&stmt, heed_db_statement_unref);

  /* Destroying the whole case (retention) takes the letter with it. */
  stmt = prepare_ok (f->db, "DELETE FROM cases WHERE id = :id");
  heed_db_statement_bind_int64 (stmt, ":id", case_id);
  g_assert_true (heed_db_statement_execute (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM letters"), ==, 0);
}

/* Full-text search */

static char *
dup_search (Fixture    *f,
            const char *typed)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GString) found = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;

  if (f->engine == HEED_DB_ENGINE_SQLITE)
    {
      query = heed_case_query_dup_fts (typed);
      stmt = prepare_ok (f->db, "SELECT c.reference FROM case_search s "
                                "JOIN cases c ON c.id = s.rowid "
                                "WHERE case_search MATCH :query ORDER BY c.reference");
    }
  else
    {
      query = heed_case_query_dup_tsquery (typed);
      stmt = prepare_ok (f->db, "SELECT c.reference FROM case_search s "
                                "JOIN cases c ON c.id = s.case_id "
                                "WHERE s.document @@ to_tsquery ('heed_search', :query) "
                                "ORDER BY c.reference");
    }
  g_assert_nonnull (query);
  heed_db_statement_bind_text (stmt, ":query", query);
  while (heed_db_statement_step (stmt, &error) == HEED_DB_STEP_ROW)
    {
      if (found->len > 0)
        g_string_append_c (found, ' ');
      g_string_append (found, heed_db_statement_column_text (stmt, 0));
    }
  g_assert_no_error (error);
  return g_string_free (g_steal_pointer (&found), FALSE);
}

#define assert_search(f, typed, expected) \
  G_STMT_START { \
    g_autofree char *found_ = dup_search ((f), (typed)); \
    if (g_strcmp0 (found_, (expected)) != 0) \
      g_error ("Searching for “%s” found “%s”, not “%s”", (typed), found_, \
               (expected)); \
  } G_STMT_END

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 sian, emile, john;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  sian = insert_person (f->db, "Siân", "O’Brien", "sian@example.org");
  emile = insert_person (f->db, "Émile", "Zola", NULL);
  john = insert_person (f->db, "John", "Smith", NULL);
  insert_case (f->db, "C-2025-0001", "complaint", "Appointment cancelled twice", sian,
               "Please reply to ann@example.com about the follow-up", NULL, &error);
  insert_case (f->db, "C-2025-0002", "concern", "Rude receptionist", emile,
               "The receptionist was rude on the phone, 3.5 minutes in", NULL, &error);
  insert_case (f->db, "C-2025-0003", "complaint", "Prescription delayed", john,
               "Repeat prescriptions not ready; Straße", NULL, &error);
  insert_case (f->db, "P-2025-0004", "compliment", "Thank you to Dr Ng", 0, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The same rows on both engines, for what a receptionist types. */
  assert_search (f, "appoint", "C-2025-0001");
  assert_search (f, "Appointment CANCELLED", "C-2025-0001");
  assert_search (f, "sian", "C-2025-0001");             /* accents fold away */
  assert_search (f, "SIÂN", "C-2025-0001");
  assert_search (f, "brien", "C-2025-0001");            /* ’ splits words */
  assert_search (f, "example", "C-2025-0001");          /* each part of an e-mail address */
  assert_search (f, "com", "C-2025-0001");
  assert_search (f, "follow up", "C-2025-0001");
  assert_search (f, "recep rude", "C-2025-0002");
  assert_search (f, "emile zol", "C-2025-0002");
  assert_search (f, "5", "C-2025-0002");                /* 3.5 is 3 and 5 */
  assert_search (f, "prescri", "C-2025-0003");
  assert_search (f, "smith prescription", "C-2025-0003");
  assert_search (f, "2025", "C-2025-0001 C-2025-0002 C-2025-0003 P-2025-0004");
  assert_search (f, "C-2025-0003", "C-2025-0003");
  assert_search (f, "P-2025-0004", "P-2025-0004");
  assert_search (f, "p 2025", "C-2025-0001 C-2025-0002 C-2025-0003 P-2025-0004");
  assert_search (f, "ng", "P-2025-0004");
  assert_search (f, "rude zebra", "");
  assert_search (f, "zzz", "");

  /* A person's new name finds their cases, the old one no longer does. */
  exec_ok (f->db, "UPDATE people SET first_name = 'Mary' WHERE last_name = 'Smith'");
  assert_search (f, "mary", "C-2025-0003");
  assert_search (f, "john", "");

  /* A case changed or removed. */
  exec_ok (f->db, "UPDATE cases SET summary = 'Reception queue' WHERE reference = 'C-2025-0002'");
  assert_search (f, "rude", "C-2025-0002");             /* still in its description */
  assert_search (f, "queue", "C-2025-0002");
  exec_ok (f->db, "DELETE FROM cases WHERE reference = 'C-2025-0001'");
  assert_search (f, "appoint", "");
  assert_search (f, "2025", "C-2025-0002 C-2025-0003 P-2025-0004");
}

/* Many writers */

typedef struct {
  HeedLocation *location;
  const char   *prefix;
  guint         count;
  gint64       *numbers;
  char         *failure;
} Writer;

#define WRITES_EACH 60

static gpointer
writer_thread (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDb) db = heed_db_open (writer->location, HEED_DB_OPEN_DEFAULT, &error);

  if (db == NULL)
    {
      writer->failure = g_strdup (error->message);
      return NULL;
    }
  heed_db_set_lock_timeout (db, 30000, NULL);

  while (writer->count < WRITES_EACH)
    {
      g_autoptr(HeedDbStatement) next = NULL;
      g_autofree char *reference = NULL;
      gint64 number;

      /* The store's pattern: the series' row is locked from taking the number to commit. */
      if (!heed_db_begin (db, HEED_DB_BEGIN_WRITE, &error))
        break;
      next = heed_db_prepare (db, "INSERT INTO reference_counters (prefix, last) "
                                  "VALUES (:prefix, 1) ON CONFLICT (prefix) DO UPDATE "
                                  "SET last = reference_counters.last + 1 RETURNING last",
                              &error);
      if (next == NULL)
        break;
      heed_db_statement_bind_text (next, ":prefix", writer->prefix);
      if (heed_db_statement_step (next, &error) != HEED_DB_STEP_ROW)
        break;
      number = heed_db_statement_column_int64 (next, 0);
      heed_db_statement_reset (next);
      reference = g_strdup_printf ("%s%04" G_GINT64_FORMAT, writer->prefix, number);
      insert_case (db, reference, "complaint", "Logged at reception", 0, NULL, NULL, &error);
      if (error != NULL)
        break;
      if (!heed_db_commit (db, &error))
        break;
      writer->numbers[writer->count++] = number;
    }
  if (error != NULL)
    {
      if (heed_db_get_transaction_depth (db) > 0)
        heed_db_rollback (db);
      writer->failure = g_strdup (error->message);
    }
  return NULL;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
test_concurrent_references (Fixture       *f,
                            gconstpointer  data)
{
  Writer writers[2];
  GThread *threads[2];
  gint64 all[2 * WRITES_EACH];
  guint n = 0;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i] = (Writer) { f->location, "C-2025-", 0, g_new0 (gint64, WRITES_EACH), NULL };
      threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_thread_join (threads[i]);
      if (writers[i].failure != NULL)
        g_error ("A writer failed: %s", writers[i].failure);
      g_assert_cmpuint (writers[i].count, ==, WRITES_EACH);
      memcpy (all + n, writers[i].numbers, WRITES_EACH * sizeof (gint64));
      n += WRITES_EACH;
      g_free (writers[i].numbers);
    }

  /* Distinct numbers, none skipped: exactly 1 … 2N. */
  qsort (all, n, sizeof (gint64), compare_int64);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (all[i], ==, (gint64) i + 1);
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM cases"), ==, n);
  g_assert_cmpint (query_int (f->db, "SELECT last FROM reference_counters"), ==, n);
}

/* A practice file made by the store as it is today opens through the seam as it is. */
static void
test_store_file (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "store.heed", NULL);
  g_autoptr(HeedLocation) location = heed_location_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDb) db = NULL;
  int version = -1, applied = -1;

  {
    g_autoptr(HeedStore) store = heed_store_create (path, "Riverside Surgery",
                                                    HEED_NATION_WALES, &error);

    g_assert_no_error (error);
    heed_store_close (store);
  }

  db = heed_db_open (location, HEED_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (heed_db_read_schema_version (db, &version, &error));
  g_assert_cmpint (version, ==, HEED_STORE_SCHEMA_VERSION);
  g_assert_true (heed_db_migrate (db, &applied, &error));
  g_assert_cmpint (applied, ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM risk_matrix"), >, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit"), >, 0);
  heed_db_close (db);
  heed_test_remove_dir (dir);
}

/* Server only */

static void
test_connection_lost (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(HeedDb) other = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 pid;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  pid = query_int (f->db, "SELECT pg_backend_pid ()");
  g_assert_true (heed_db_begin (f->db, HEED_DB_BEGIN_WRITE, &error));
  set_setting (f->db, "name", "Lost", &error);
  g_assert_no_error (error);

  other = open_again (f, HEED_DB_OPEN_DEFAULT);
  stmt = prepare_ok (other, "SELECT pg_terminate_backend (CAST (:pid AS integer))");
  heed_db_statement_bind_int64 (stmt, ":pid", pid);
  g_assert_true (heed_db_statement_execute (stmt, &error));
  g_assert_no_error (error);

  /* The server has gone from under the transaction: its commit cannot be known to have
   * happened, and says so. */
  g_assert_false (heed_db_commit (f->db, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CONNECTION_LOST);
  assert_readable (error);
  g_clear_error (&error);

  g_assert_null (heed_db_prepare (f->db, "SELECT 1", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CONNECTION_LOST);
  assert_readable (error);

  {
    g_autofree char *name = dup_setting (other, "name");

    g_assert_null (name);
  }
}

static void
test_permission_denied (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *role = g_strdup_printf ("heed_test_reader_%d", (int) getpid ());
  g_autofree char *sql = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *host = NULL;
  g_autoptr(HeedLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  SKIP_WITHOUT_DB (f);
  migrate (f->db);

  sql = g_strdup_printf ("CREATE ROLE %s LOGIN", role);
  maintenance_exec (sql);
  host = g_uri_escape_string (g_getenv ("HEED_TEST_PG_HOST"), "/", FALSE);
  uri = g_strdup_printf ("postgresql:///%s?host=%s&user=%s", f->database, host, role);
  location = heed_location_parse (uri, &error);
  g_assert_no_error (error);

  {
    g_autoptr(HeedDb) reader = heed_db_open (location, HEED_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    /* Refused when run (a server checks rights then, not when preparing). */
    stmt = prepare_ok (reader, "SELECT count(*) FROM audit");
    g_assert_cmpint (heed_db_statement_step (stmt, &error), ==, HEED_DB_STEP_ERROR);
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED);
    assert_readable (error);
    g_clear_pointer (&stmt, heed_db_statement_unref);
    heed_db_close (reader);
  }

  g_free (sql);
  sql = g_strdup_printf ("DROP ROLE %s", role);
  maintenance_exec (sql);
}

typedef struct {
  GPtrArray *payloads;
} Received;

static gboolean
on_notification (const char *channel,
                 const char *payload,
                 gpointer    user_data)
{
  Received *received = user_data;

  g_assert_cmpstr (channel, ==, "heed_changes");
  g_ptr_array_add (received->payloads, g_strdup (payload));
  return G_SOURCE_CONTINUE;
}

static gboolean
on_time_up (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs CONTEXT until RECEIVED holds COUNT payloads, or a generous bound passes. */
static void
wait_for (GMainContext *context,
          Received     *received,
          guint         count)
{
  gboolean time_up = FALSE;
  GSource *bound = g_timeout_source_new_seconds (20);

  g_source_set_callback (bound, on_time_up, &time_up, NULL);
  g_source_attach (bound, context);
  while (received->payloads->len < count && !time_up)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (bound);
  g_source_unref (bound);
}

static void
test_notifications (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(HeedDb) seat = NULL;
  g_autoptr(GError) error = NULL;
  Received received = { g_ptr_array_new_with_free_func (g_free) };
  GSource *source;

  SKIP_WITHOUT_DB (f);
  g_assert_true (heed_db_supports_notifications (f->db));

  g_assert_true (heed_db_listen (f->db, "heed_changes", &error));
  g_assert_no_error (error);
  source = heed_db_create_notification_source (f->db);
  g_assert_nonnull (source);
  g_source_set_callback (source, (GSourceFunc) (void (*) (void)) on_notification, &received,
                         NULL);
  g_source_attach (source, context);

  seat = open_again (f, HEED_DB_OPEN_DEFAULT);

  /* A change rolled back is never announced; one committed is, once. */
  g_assert_true (heed_db_begin (seat, HEED_DB_BEGIN_WRITE, &error));
  g_assert_true (heed_db_notify (seat, "heed_changes", "case-added 1", &error));
  heed_db_rollback (seat);
  g_assert_true (heed_db_begin (seat, HEED_DB_BEGIN_WRITE, &error));
  g_assert_true (heed_db_notify (seat, "heed_changes", "case-added 2", &error));
  g_assert_true (heed_db_commit (seat, &error));
  g_assert_no_error (error);

  wait_for (context, &received, 1);
  g_assert_cmpuint (received.payloads->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (received.payloads, 0), ==, "case-added 2");

  /* One that arrives while the listener is busy with a query of its own is read with that
   * query's result, and still delivered. */
  g_assert_true (heed_db_notify (seat, "heed_changes", "case-changed 2", &error));
  g_assert_cmpint (query_int (f->db, "SELECT count(*) FROM pg_stat_activity"), >, 0);
  g_assert_cmpint (query_int (f->db, "SELECT 1"), ==, 1);
  wait_for (context, &received, 2);
  g_assert_cmpuint (received.payloads->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (received.payloads, 1), ==, "case-changed 2");

  g_source_destroy (source);
  g_source_unref (source);
  g_ptr_array_unref (received.payloads);
}

static void
test_file_has_no_notifications (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  SKIP_WITHOUT_DB (f);
  g_assert_false (heed_db_supports_notifications (f->db));
  g_assert_true (heed_db_listen (f->db, "heed_changes", &error));
  g_assert_true (heed_db_notify (f->db, "heed_changes", "nothing", &error));
  g_assert_no_error (error);
  g_assert_null (heed_db_create_notification_source (f->db));
}

/* Locations (no engine needed) */

static HeedLocation *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  HeedLocation *location = heed_location_parse (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (location);
  return location;
}

static void
assert_display (const char *text,
                const char *expected)
{
  g_autoptr(HeedLocation) location = parse_ok (text);
  g_autofree char *display = heed_location_dup_display (location);

  g_assert_cmpstr (display, ==, expected);
  g_assert_null (strstr (display, "s3cret"));
  g_assert_null (strstr (display, "password"));
}

static void
assert_refused (const char *text,
                const char *must_not_show)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLocation) location = heed_location_parse (text, &error);

  g_assert_null (location);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  if (must_not_show != NULL && strstr (error->message, must_not_show) != NULL)
    g_error ("The message “%s” shows “%s”", error->message, must_not_show);
}

static void
test_location_server (void)
{
  g_autoptr(HeedLocation) location = NULL;

  location = parse_ok ("postgresql://heed:s3cret@db.example.org:5433/practice1");
  g_assert_true (heed_location_is_server (location));
  g_assert_cmpstr (heed_location_get_database (location), ==, "practice1");
  g_assert_cmpstr (heed_location_get_user (location), ==, "heed");
  g_assert_cmpstr (heed_location_get_host (location), ==, "db.example.org");
  g_assert_cmpstr (heed_location_get_port (location), ==, "5433");
  g_assert_true (heed_location_has_password (location));
  g_assert_null (heed_location_get_path (location));

  /* The password however written: in the user part, as a parameter, percent-encoded. */
  assert_display ("postgresql://heed:s3cret@db.example.org:5433/practice1",
                  "postgresql://heed@db.example.org:5433/practice1");
  assert_display ("postgres://db.example.org/practice1?password=s3cret&user=heed",
                  "postgresql://heed@db.example.org/practice1");
  assert_display ("postgresql://heed:%73%33cret%40home@db.example.org/practice1",
                  "postgresql://heed@db.example.org/practice1");
  assert_display ("postgresql://db.example.org/practice1?sslpassword=s3cret&sslmode=require",
                  "postgresql://db.example.org/practice1");
  assert_display ("postgresql://db.example.org/practice1?options=-c%20password%3Ds3cret",
                  "postgresql://db.example.org/practice1");

  /* A Unix-socket folder as host=, or percent-encoded in the host's place. */
  assert_display ("postgresql:///practice1?host=/run/postgresql&user=heed",
                  "postgresql://heed@/practice1?host=/run/postgresql");
  assert_display ("postgres://heed@%2Fvar%2Frun%2Fpostgresql/practice1",
                  "postgresql://heed@/practice1?host=/var/run/postgresql");
  assert_display ("POSTGRESQL://heed@localhost/practice1",
                  "postgresql://heed@localhost/practice1");
  assert_display ("postgresql://[::1]:5433/practice1",
                  "postgresql:///practice1?host=::1&port=5433");
  assert_display ("postgresql://ann%20lee@db/practice%20two",
                  "postgresql://ann%20lee@db/practice%20two");
  /* A service file may name the database. */
  assert_display ("postgresql://?service=riverside", "postgresql:///?service=riverside");
  /* Nothing that would break a title or a log line. */
  assert_display ("postgresql://db/practice%0Aone", "postgresql://db/practice%0Aone");

  {
    g_autoptr(HeedLocation) other = heed_location_dup_for_database (location, "postgres");
    g_autofree char *display = heed_location_dup_display (other);

    g_assert_cmpstr (display, ==, "postgresql://heed@db.example.org:5433/postgres");
    g_assert_true (heed_location_has_password (other));
  }
}

static void
test_location_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLocation) location = NULL;

  /* Unknown schemes are refused, naming the scheme alone. */
  assert_refused ("mysql://root:s3cret@db.example.org/practice", "s3cret");
  assert_refused ("http://example.org/practice.heed", "example.org");
  assert_refused ("", NULL);
  /* A server address must name the practice's database. */
  assert_refused ("postgresql://heed:s3cret@db.example.org", "s3cret");
  assert_refused ("postgresql://heed:s3cret@db.example.org/", "s3cret");
  /* libpq would quote the bad part, password and all; Heed does not. */
  assert_refused ("postgresql://heed:s3cr%zzet@db.example.org/practice1", "s3cr");
  assert_refused ("postgresql://db.example.org/practice1?password=s3cr%zz", "s3cr");
  /* A database name that is a connection string of its own. */
  assert_refused ("postgresql://db/host%3Devil%20password%3Ds3cret", "s3cret");
  assert_refused ("postgresql://db/postgresql%3A%2F%2Fevil%2Fdb", "evil");

  /* An encoded keyword is decoded by libpq, or refused: never shown. */
  location = heed_location_parse ("postgresql://db/practice1?pass%77ord=s3cret", &error);
  if (location != NULL)
    {
      g_autofree char *display = heed_location_dup_display (location);

      g_assert_null (strstr (display, "s3cret"));
      g_assert_true (heed_location_has_password (location));
    }
  else
    g_assert_null (strstr (error->message, "s3cret"));
}

static void
test_location_file (void)
{
  const char *paths[] = {
    "practice.heed", "postgres-backup.heed", "postgresql.heed", "postgres/practice.heed",
    "postgresql:practice.heed", "./postgresql://practice.heed", "C:practice.heed",
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(HeedLocation) location = parse_ok (paths[i]);
      g_autofree char *display = heed_location_dup_display (location);

      g_assert_false (heed_location_is_server (location));
      g_assert_cmpint (heed_location_get_kind (location), ==, HEED_LOCATION_FILE);
      g_assert_cmpstr (heed_location_get_path (location), ==, paths[i]);
      g_assert_cmpstr (display, ==, paths[i]);
      g_assert_null (heed_location_get_database (location));
    }

  {
    g_autoptr(HeedLocation) location = parse_ok ("file:///srv/practices/Riverside%20Surgery.heed");

    g_assert_cmpstr (heed_location_get_path (location), ==,
                     "/srv/practices/Riverside Surgery.heed");
  }
  assert_refused ("file://elsewhere.example.org/practice.heed", NULL);
}

/* Nothing listening in an empty folder: the server cannot be reached, and the message names
 * it without the password. */
static void
test_location_unreachable (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *host = g_uri_escape_string (dir, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("postgresql://heed:s3cret@/practice1?host=%s", host);
  g_autoptr(HeedLocation) location = parse_ok (uri);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDb) db = heed_db_open (location, HEED_DB_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CONNECTION_LOST);
  g_assert_null (strstr (error->message, "s3cret"));
  g_assert_nonnull (strstr (error->message, "postgresql://heed@/practice1?host="));
  heed_test_remove_dir (dir);
}

static void
test_tsquery (void)
{
  char *query;

  query = heed_case_query_dup_tsquery ("smi  appoint");
  g_assert_cmpstr (query, ==, "smi:* & appoint:*");
  g_free (query);
  /* tsquery's operators are not words. */
  query = heed_case_query_dup_tsquery ("a&b|!c:*(d) 'e'");
  g_assert_cmpstr (query, ==, "a:* & b:* & c:* & d:* & e:*");
  g_free (query);
  query = heed_case_query_dup_tsquery ("Siân");
  g_assert_cmpstr (query, ==, "Siân:*");
  g_free (query);
  g_assert_null (heed_case_query_dup_tsquery (" &|! "));
  g_assert_null (heed_case_query_dup_tsquery (NULL));
}

#define ADD_BOTH(name, func) \
  G_STMT_START { \
    g_test_add ("/core/db/sqlite/" name, Fixture, &sqlite_engine, fixture_setup, func, \
                fixture_teardown); \
    g_test_add ("/core/db/postgres/" name, Fixture, &postgres_engine, fixture_setup, func, \
                fixture_teardown); \
  } G_STMT_END

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_BOTH ("named-parameters", test_named_parameters);
  ADD_BOTH ("column-types", test_column_types);
  ADD_BOTH ("exec-list", test_exec_list);
  ADD_BOTH ("nested-transactions", test_nested_transactions);
  ADD_BOTH ("constraint-errors", test_constraint_errors);
  ADD_BOTH ("read-only", test_read_only);
  ADD_BOTH ("not-found", test_not_found);
  ADD_BOTH ("busy", test_busy);
  ADD_BOTH ("migrations", test_migrations);
  ADD_BOTH ("not-heed", test_not_heed);
  ADD_BOTH ("trail-refuses-update", test_trail_refuses_update);
  ADD_BOTH ("sent-letter-frozen", test_sent_letter_frozen);
  ADD_BOTH ("search", test_search);
  ADD_BOTH ("concurrent-references", test_concurrent_references);

  g_test_add ("/core/db/postgres/connection-lost", Fixture, &postgres_engine, fixture_setup,
              test_connection_lost, fixture_teardown);
  g_test_add ("/core/db/postgres/permission-denied", Fixture, &postgres_engine, fixture_setup,
              test_permission_denied, fixture_teardown);
  g_test_add ("/core/db/postgres/notifications", Fixture, &postgres_engine, fixture_setup,
              test_notifications, fixture_teardown);
  g_test_add ("/core/db/sqlite/no-notifications", Fixture, &sqlite_engine, fixture_setup,
              test_file_has_no_notifications, fixture_teardown);

  g_test_add_func ("/core/db/sqlite/store-file", test_store_file);
  g_test_add_func ("/core/location/server", test_location_server);
  g_test_add_func ("/core/location/hostile", test_location_hostile);
  g_test_add_func ("/core/location/file", test_location_file);
  g_test_add_func ("/core/location/unreachable-server", test_location_unreachable);
  g_test_add_func ("/core/case-query/tsquery", test_tsquery);

  return g_test_run ();
}
