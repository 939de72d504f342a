/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-calendar.h"
#include "heed-case-query.h"
#include "heed-safe-output.h"
#include "heed-store.h"
#include "heed-test-location.h"

/* The one way Heed writes an output, and what it refuses; the store's backups and restores
 * that go through it; the small refusals of issue 14 at the level of the core. The practice is
 * a file, or (HEED_TEST_ENGINE=postgres) a server's database; outputs are files on both. */

typedef struct {
  HeedTestPlace place;
  char         *dir;       /* the place's folder, where the outputs go */
  char         *practice;  /* the practice's location */
  HeedStore    *store;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  if (!heed_test_place_init (&fixture->place, "practice.heed"))
    return;
  fixture->dir = fixture->place.dir;
  fixture->practice = fixture->place.where;
  fixture->store = heed_store_create (fixture->practice, "Safe Output Surgery",
                                      HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static char *
in_dir (Fixture    *fixture,
        const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static gboolean
has_partial (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    if (strstr (name, ".partial-") != NULL)
      return TRUE;
  return FALSE;
}

static void
assert_digest (const char *path,
               const char *expected)
{
  g_autofree char *digest = heed_test_file_digest (path);

  g_assert_cmpstr (digest, ==, expected);
}

static void
assert_refused (const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (heed_safe_output_check_target (path, HEED_SAFE_OUTPUT_DEFAULT, &error));
  g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_false (heed_safe_output_write_file (path, "x", 1, &error));
  g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *before = heed_test_file_digest (fixture->practice);
  g_autofree char *wal = g_strconcat (fixture->practice, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->practice, "-shm", NULL);
  g_autofree char *journal = g_strconcat (fixture->practice, "-journal", NULL);
  g_autofree char *lock = g_strconcat (fixture->practice, ".lock", NULL);
  g_autofree char *link = in_dir (fixture, "link.pdf");
  g_autofree char *other_link = in_dir (fixture, "other-link.pdf");
  g_autofree char *other = in_dir (fixture, "other.txt");
  g_autofree char *folder = in_dir (fixture, "folder.pdf");
  g_autofree char *fifo = in_dir (fixture, "pipe.pdf");
  g_autofree char *fresh = in_dir (fixture, "fresh.pdf");
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_file_is_practice (fixture->practice));
  g_assert_true (g_file_set_contents (other, "other\n", -1, NULL));
  g_assert_cmpint (symlink (fixture->practice, link), ==, 0);
  g_assert_cmpint (symlink (other, other_link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  assert_refused (fixture->practice);
  assert_refused (wal);
  assert_refused (shm);
  assert_refused (journal);
  assert_refused (lock);
  assert_refused (link);
  assert_refused (other_link);
  assert_refused (folder);
  assert_refused (fifo);
  assert_refused ("/dev/null");
  assert_refused ("/dev/full");
  assert_refused ("");

  /* A plain file and a new name may be written; a practice only when asked for (restore). */
  g_assert_true (heed_safe_output_check_target (other, HEED_SAFE_OUTPUT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (heed_safe_output_check_target (fresh, HEED_SAFE_OUTPUT_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_true (heed_safe_output_check_target (fixture->practice,
                                                HEED_SAFE_OUTPUT_MAY_REPLACE_PRACTICE, &error));
  g_assert_no_error (error);

  /* None of it touched. */
  assert_digest (fixture->practice, before);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_false (has_partial (fixture->dir));
  g_unlink (link);
  g_unlink (other_link);
  g_unlink (fifo);
  g_rmdir (folder);
}

static void
test_private_and_whole (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = in_dir (fixture, "letter.pdf");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat info;
  mode_t old_umask = umask (022);

  g_assert_true (heed_safe_output_write_file (path, "%PDF-1.5\n", 9, &error));
  g_assert_no_error (error);
  umask (old_umask);
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-1.5\n");
  g_assert_false (has_partial (fixture->dir));

  /* Given up half way: the old file stays whole and no temporary file is left. */
  {
    g_autoptr(HeedSafeOutput) output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT,
                                                             &error);

    g_assert_no_error (error);
    g_assert_true (heed_safe_output_write (output, "half", 4, &error));
    g_assert_true (g_file_test (heed_safe_output_get_temp_path (output), G_FILE_TEST_EXISTS));
  }
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "%PDF-1.5\n");
  g_assert_false (has_partial (fixture->dir));
}

/* A disk that fills half way, as a file size limit makes it for this process. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = in_dir (fixture, "export.xml");
  g_autofree char *big = g_malloc0 (256 * 1024);
  g_autoptr(GError) error = NULL;
  struct rlimit old, small;
  guint before = count_entries (fixture->dir);
  gboolean ok;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small = old;
  small.rlim_cur = 16 * 1024;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  ok = heed_safe_output_write_file (path, big, 256 * 1024, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, SIG_DFL);

  g_assert_false (ok);
  g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (has_partial (fixture->dir));
  g_assert_cmpuint (count_entries (fixture->dir), ==, before);
}

/* A link planted under the temporary file's first name never receives the output. */
static void
test_planted_temporary (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = in_dir (fixture, "report.html");
  g_autofree char *victim = in_dir (fixture, "victim.txt");
  g_autofree char *planted = g_strdup_printf ("%s.partial-%d", path, (int) getpid ());
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (victim, "precious\n", -1, NULL));
  g_assert_cmpint (symlink (victim, planted), ==, 0);
  g_assert_true (heed_safe_output_write_file (path, "<html></html>\n", 14, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious\n");
  g_assert_true (g_file_test (planted, G_FILE_TEST_IS_SYMLINK));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "<html></html>\n");
  g_unlink (planted);
}

/* Checked again before the rename: a practice put there meanwhile (a backup of the practice,
 * a practice file on either engine) is not replaced. */
static void
test_checked_at_commit (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = in_dir (fixture, "copy.heed");
  g_autofree char *before = NULL;
  g_autoptr(HeedSafeOutput) output = NULL;
  g_autoptr(GError) error = NULL;

  output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (heed_safe_output_write (output, "not a practice", 14, &error));
  g_assert_true (heed_store_backup (fixture->store, path, &error));
  g_assert_no_error (error);
  g_assert_true (heed_file_is_practice (path));
  before = heed_test_file_digest (path);
  g_assert_false (heed_safe_output_commit (output, &error));
  g_assert_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED);
  g_clear_pointer (&output, heed_safe_output_free);
  assert_digest (path, before);
  g_assert_false (has_partial (fixture->dir));
}

static void
test_reading (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *fifo = in_dir (fixture, "pipe.png");
  g_autofree char *picture = in_dir (fixture, "logo.png");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) store = NULL;

  /* A pipe is refused at once: were it waited on, this test would never end. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (heed_open_regular_file (fifo, "The picture", &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_null (heed_load_regular_file (fixture->dir, "The picture", 1024, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  /* Nor is a pipe opened as a practice file. */
  store = heed_store_open (fifo, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_null (store);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (picture, "0123456789", 10, NULL));
  bytes = heed_load_regular_file (picture, "The picture", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 10);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_assert_null (heed_load_regular_file (picture, "The picture", 9, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_unlink (fifo);
}

/* The lock file: a link or a pipe planted there is refused, never followed or waited on. */
static void
test_planted_lock (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *lock = g_strconcat (fixture->practice, ".lock", NULL);
  g_autofree char *victim = in_dir (fixture, "victim.txt");
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  before = heed_test_file_digest (fixture->practice);
  g_assert_true (g_file_set_contents (victim, "precious\n", -1, NULL));
  g_assert_cmpint (symlink (victim, lock), ==, 0);
  store = heed_store_open (fixture->practice, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious\n");
  g_unlink (lock);

  /* A second name for the practice file itself as the lock would be truncated by it. */
  g_assert_cmpint (link (victim, lock), ==, 0);
  store = heed_store_open (fixture->practice, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (victim, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious\n");
  g_unlink (lock);

  g_assert_cmpint (mkfifo (lock, 0600), ==, 0);
  store = heed_store_open (fixture->practice, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_null (store);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_clear_error (&error);
  /* Reading needs no lock: it works beside a planted one. */
  store = heed_store_open (fixture->practice, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_unlink (lock);
  assert_digest (fixture->practice, before);
}

/* A backup is a practice file on either engine: its trail rewritten with a file's own SQL. */
static void
tamper_trail (const char *path)
{
  g_autoptr(GError) error = heed_test_sql_try (path, "DROP TRIGGER audit_no_update; "
                                                     "UPDATE audit SET detail = 'nothing "
                                                     "happened' WHERE id = 1");

  g_assert_no_error (error);
}

/* What the practice is, to see that nothing changed it: a file's bytes, a server's trail. */
static char *
practice_state (Fixture *fixture)
{
  if (!heed_test_on_server ())
    return heed_test_file_digest (fixture->practice);
  return heed_test_sql_text (fixture->practice,
                             "SELECT count(*) || ' ' || coalesce(max(hash), '') FROM audit");
}

/* A backup checks the copy, and a restore the backup: damage goes neither way. */
static void
test_backups_checked (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *good = in_dir (fixture, "good-backup.heed");
  g_autofree char *damaged = in_dir (fixture, "damaged.heed");
  g_autofree char *copy = in_dir (fixture, "copy-of-damaged.heed");
  g_autofree char *restored = in_dir (fixture, "restored.heed");
  g_autofree char *before = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct stat info;

  g_assert_true (heed_store_backup (fixture->store, good, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (good, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (heed_store_check_backup (good, &error));
  g_assert_no_error (error);

  g_assert_true (heed_store_backup (fixture->store, damaged, &error));
  tamper_trail (damaged);
  store = heed_store_open (damaged, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (heed_store_backup (store, copy, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  g_assert_false (has_partial (fixture->dir));
  g_clear_object (&store);

  g_assert_false (heed_store_check_backup (damaged, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED);
  g_clear_error (&error);

  g_clear_object (&fixture->store);
  before = practice_state (fixture);
  g_assert_false (heed_store_restore (damaged, fixture->practice, TRUE, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED);
  g_clear_error (&error);
  {
    g_autofree char *after = practice_state (fixture);

    g_assert_cmpstr (after, ==, before);
  }
  g_assert_false (heed_store_restore (damaged, restored, FALSE, &error));
  g_clear_error (&error);
  g_assert_false (g_file_test (restored, G_FILE_TEST_EXISTS));
  g_assert_false (has_partial (fixture->dir));

  /* The good one restores. */
  g_assert_true (heed_store_restore (good, restored, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (heed_store_check_backup (restored, &error));
  g_assert_no_error (error);
}

static void
test_small_refusals (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HeedCalendar) calendar = heed_calendar_new (HEED_NATION_ENGLAND);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(HeedStore) named = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *other = heed_test_place_for_test ("named.heed")->where;
  GDate from, result;

  /* The calendar's edges. */
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 30, G_DATE_DECEMBER, 9999);
  g_assert_false (heed_calendar_try_add_working_days (calendar, &from, 5, &result, &error));
  g_assert_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_date_set_dmy (&from, 30, G_DATE_DECEMBER, HEED_CALENDAR_LAST_YEAR);
  g_assert_false (heed_calendar_try_add_working_days (calendar, &from, 5, &result, &error));
  g_assert_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_date_set_dmy (&from, 2, G_DATE_JANUARY, HEED_CALENDAR_FIRST_YEAR);
  g_assert_false (heed_calendar_try_add_working_days (calendar, &from, -3, &result, &error));
  g_assert_error (error, HEED_CALENDAR_ERROR, HEED_CALENDAR_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_date_set_dmy (&from, 3, G_DATE_JUNE, 2025);
  g_assert_true (heed_calendar_try_add_working_days (calendar, &from, 20, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_day (&result), ==, 1);
  g_assert_cmpint (g_date_get_month (&result), ==, G_DATE_JULY);

  /* A search of no words finds nothing rather than everything. */
  query->search = g_strdup ("!!! 😀 …");
  g_assert_true (heed_case_query_finds_nothing (query));
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, &error), ==, 0);
  g_assert_no_error (error);
  g_free (query->search);
  query->search = g_strdup ("   ");
  g_assert_false (heed_case_query_finds_nothing (query));
  g_free (query->search);
  query->search = g_strdup ("smith!");
  g_assert_false (heed_case_query_finds_nothing (query));

  /* A practice name on one line, however it arrives. */
  g_assert_false (heed_store_set_setting (fixture->store, "name", "Two\nLines", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (heed_store_set_setting (fixture->store, "name", "Esc\033[2J", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  name = heed_store_dup_setting (fixture->store, "name");
  g_assert_cmpstr (name, ==, "Safe Output Surgery");
  named = heed_store_create (other, "Tab\tSurgery", HEED_NATION_ENGLAND, &error);
  g_assert_null (named);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* Nothing made: no file, or a database still without a practice. */
  if (heed_test_on_server ())
    {
      named = heed_store_open (other, HEED_STORE_OPEN_READ_ONLY, &error);
      g_assert_null (named);
      g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED);
      g_clear_error (&error);
    }
  else
    g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_null (heed_store_find_case (fixture->store, "C-2025-001\n", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/safe-output/on-a-server"))
    return g_test_run ();

#define ADD(path, func) \
  g_test_add ("/core/safe-output/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
/* About a practice file itself (its journal, its lock, its bytes as an output's target, a pipe
 * in its place), or about outputs alone with no practice in them: on the file run only. */
#define ADD_FILE(path, func) \
  if (!heed_test_on_server ()) ADD (path, func)
  ADD_FILE ("refusals", test_refusals);
  ADD_FILE ("private-and-whole", test_private_and_whole);
  ADD_FILE ("disk-full", test_disk_full);
  ADD_FILE ("planted-temporary", test_planted_temporary);
  ADD ("checked-at-commit", test_checked_at_commit);
  ADD_FILE ("reading", test_reading);
  ADD_FILE ("planted-lock", test_planted_lock);
  ADD ("backups-checked", test_backups_checked);
  ADD ("small-refusals", test_small_refusals);
#undef ADD_FILE
#undef ADD
  return g_test_run ();
}
