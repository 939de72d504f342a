/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Where a test's practice lives. The same tests run on both engines: by default on a practice
 * file in a fresh folder; with HEED_TEST_ENGINE=postgres on a fresh database of the run's
 * PostgreSQL cluster (build-aux/heed-dev test starts one and exports HEED_TEST_PG_HOST and
 * HEED_TEST_PG_USER). Without a cluster a server test is skipped, and says so. */

#include <string.h>
#include <unistd.h>

#include "heed-db.h"
#include "heed-location.h"
#include "heed-test-util.h"

typedef struct {
  char    *dir;       /* a folder for the test's other files, on either engine */
  char    *where;     /* the practice's location: a path, or a postgresql:// URI */
  char    *database;  /* on a server, the database made for the test */
} HeedTestPlace;

static inline gboolean
heed_test_on_server (void)
{
  return g_strcmp0 (g_getenv ("HEED_TEST_ENGINE"), "postgres") == 0;
}

static inline gboolean
heed_test_have_server (void)
{
  return g_getenv ("HEED_TEST_PG_HOST") != NULL && *g_getenv ("HEED_TEST_PG_HOST") != '\0';
}

static inline void
heed_test_skip_without_server (void)
{
  g_test_skip ("No PostgreSQL for this run: build-aux/heed-dev test starts one when "
               "PostgreSQL 15 is installed, and exports HEED_TEST_PG_HOST");
}

/* For a test program's main(): on a server run without a server, one skipped test stands for
 * all of them. TRUE when that is so (run the tests and return). */
static inline gboolean
heed_test_server_missing (const char *test_path)
{
  if (!heed_test_on_server () || heed_test_have_server ())
    return FALSE;
  g_test_add_func (test_path, heed_test_skip_without_server);
  return TRUE;
}

/* The URI of @database on the run's cluster, signed in as @role. */
static inline char *
heed_test_server_uri_as (const char *database,
                         const char *role)
{
  g_autofree char *host = g_uri_escape_string (g_getenv ("HEED_TEST_PG_HOST"), "/", FALSE);
  g_autofree char *user = g_uri_escape_string (role, NULL, FALSE);

  return g_strdup_printf ("postgresql:///%s?host=%s&user=%s", database, host, user);
}

static inline char *
heed_test_server_uri (const char *database)
{
  return heed_test_server_uri_as (database, g_getenv ("HEED_TEST_PG_USER") != NULL
                                              ? g_getenv ("HEED_TEST_PG_USER")
                                              : "heed");
}

/* Runs @sql on the cluster's maintenance database (making and dropping test databases). */
static inline void
heed_test_server_maintenance (const char *sql)
{
  g_autofree char *uri = heed_test_server_uri ("postgres");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLocation) location = heed_location_parse (uri, &error);
  g_autoptr(HeedDb) db = NULL;

  g_assert_no_error (error);
  db = heed_db_open (location, HEED_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  heed_db_exec (db, sql, &error);
  g_assert_no_error (error);
  heed_db_close (db);
}

/* A new, empty place for a practice called @name (no practice is made in it). FALSE, with the
 * test marked skipped, when the test is for a server and this run has none. */
static inline gboolean
heed_test_place_init (HeedTestPlace *place,
                      const char    *name)
{
  static guint counter;

  memset (place, 0, sizeof *place);
  place->dir = heed_test_make_dir ();
  if (!heed_test_on_server ())
    {
      place->where = g_build_filename (place->dir, name, NULL);
      return TRUE;
    }
  if (!heed_test_have_server ())
    {
      heed_test_skip_without_server ();
      return FALSE;
    }
  {
    /* Names of the test's own making (pid and counter), not values: formatted, in a test. */
    g_autofree char *sql = NULL;

    place->database = g_strdup_printf ("heed_t_%d_%u", (int) getpid (), ++counter);
    sql = g_strdup_printf ("CREATE DATABASE %s", place->database);
    heed_test_server_maintenance (sql);
    place->where = heed_test_server_uri (place->database);
  }
  return TRUE;
}

static inline void
heed_test_place_clear (HeedTestPlace *place)
{
  if (place->database != NULL)
    {
      g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)",
                                              place->database);

      heed_test_server_maintenance (sql);
    }
  if (place->dir != NULL)
    heed_test_remove_dir (place->dir);
  g_clear_pointer (&place->dir, g_free);
  g_clear_pointer (&place->where, g_free);
  g_clear_pointer (&place->database, g_free);
}

static inline void
heed_test_place_free (gpointer data)
{
  HeedTestPlace *place = data;

  heed_test_place_clear (place);
  g_free (place);
}

/* A new place for a practice called @name that lasts until the running test function has
 * returned (its stores closed), for tests that make several practices or make one in a helper.
 * GLib clears it before a fixture's teardown: a fixture keeps a HeedTestPlace of its own. For
 * programs whose main() called heed_test_server_missing(), so that a server test has its
 * server. */
static inline HeedTestPlace *
heed_test_place_for_test (const char *name)
{
  HeedTestPlace *place = g_new0 (HeedTestPlace, 1);

  g_assert_true (heed_test_place_init (place, name));
  g_test_queue_destroy (heed_test_place_free, place);
  return place;
}

/* Straight to the practice's tables, behind Heed's back, as an attacker with the file or the
 * database owner's rights would. */
static inline HeedDb *
heed_test_open_raw (const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedLocation) location = heed_location_parse (where, &error);
  HeedDb *db;

  g_assert_no_error (error);
  /* A file that is not there yet is made: a test's own "not a practice" files. */
  db = heed_db_open (location,
                     !heed_location_is_server (location)
                         && !g_file_test (heed_location_get_path (location), G_FILE_TEST_EXISTS)
                       ? HEED_DB_OPEN_CREATE
                       : HEED_DB_OPEN_DEFAULT,
                     &error);
  g_assert_no_error (error);
  return db;
}

static inline gint64
heed_test_sql_int (const char *where,
                   const char *sql)
{
  g_autoptr(HeedDb) db = heed_test_open_raw (where);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDbStatement) stmt = heed_db_prepare (db, sql, &error);
  gint64 value = -1;

  g_assert_no_error (error);
  if (heed_db_statement_step (stmt, &error) == HEED_DB_STEP_ROW)
    value = heed_db_statement_column_int64 (stmt, 0);
  g_assert_no_error (error);
  g_clear_pointer (&stmt, heed_db_statement_unref);
  heed_db_close (db);
  return value;
}

static inline char *
heed_test_sql_text (const char *where,
                    const char *sql)
{
  g_autoptr(HeedDb) db = heed_test_open_raw (where);
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedDbStatement) stmt = heed_db_prepare (db, sql, &error);
  char *value = NULL;

  g_assert_no_error (error);
  if (heed_db_statement_step (stmt, &error) == HEED_DB_STEP_ROW)
    value = heed_db_statement_dup_column_text (stmt, 0);
  g_assert_no_error (error);
  g_clear_pointer (&stmt, heed_db_statement_unref);
  heed_db_close (db);
  return value;
}

/* Runs @sql (one statement or several) and gives the error, if any. */
static inline GError *
heed_test_sql_try (const char *where,
                   const char *sql)
{
  g_autoptr(HeedDb) db = heed_test_open_raw (where);
  GError *error = NULL;

  heed_db_exec (db, sql, &error);
  heed_db_close (db);
  return error;
}
