/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-action.h"
#include "heed-event.h"
#include "heed-person.h"
#include "heed-staff.h"
#include "heed-status.h"
#include "heed-case-list-model.h"
#include "heed-case-item.h"
#include "heed-demo.h"
#include "heed-case-element.h"
#include "heed-store.h"
#include "heed-store-exchange.h"
#include "heed-test-location.h"
#include "heed-test-util.h"

/* The practice file: creating, opening, refusing, locking, migrating, backing up, and the
 * audit trail that proves nothing changed behind Heed's back. */

typedef struct {
  HeedTestPlace place;
  char         *dir;    /* the place's folder, for the test's other files */
  char         *path;   /* the practice's location: a file, or a database on the test server */
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
  fixture->path = fixture->place.where;
  fixture->store = heed_store_create (fixture->path, "Test Surgery", HEED_NATION_ENGLAND, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  heed_test_place_clear (&fixture->place);
}

static HeedCase *
make_complaint (const char *received,
                const char *summary)
{
  HeedCase *kase = heed_case_new ("complaint");

  g_object_set (kase, "channel", "phone", "received-at", received, "summary", summary, NULL);
  return kase;
}

static HeedCase *
save_complaint (HeedStore  *store,
                const char *received,
                const char *summary)
{
  g_autoptr(GError) error = NULL;
  HeedCase *kase = make_complaint (received, summary);

  heed_store_save (store, HEED_RECORD (kase), &error);
  g_assert_no_error (error);
  return kase;
}

static int
sql_int (const char *where,
         const char *sql)
{
  return (int) heed_test_sql_int (where, sql);
}

static char *
sql_text (const char *where,
          const char *sql)
{
  return heed_test_sql_text (where, sql);
}

static void
sql_exec (const char *where,
          const char *sql)
{
  g_autoptr(GError) error = heed_test_sql_try (where, sql);

  g_assert_no_error (error);
}

/* @sql is refused, with @expected in the message. */
static void
sql_exec_refused (const char *where,
                  const char *sql,
                  const char *expected)
{
  g_autoptr(GError) error = heed_test_sql_try (where, sql);

  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, expected));
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) again = NULL;
  g_autofree char *name = NULL;
  struct stat st;

  if (!heed_test_on_server ())
    {
      g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    }
  name = heed_store_dup_setting (fixture->store, "name");
  g_assert_cmpstr (name, ==, "Test Surgery");
  g_assert_cmpint (heed_store_get_schema_version (fixture->store), ==, HEED_STORE_SCHEMA_VERSION);
  g_assert_cmpint (heed_store_get_nation (fixture->store), ==, HEED_NATION_ENGLAND);
  g_assert_false (heed_store_is_read_only (fixture->store));

  g_clear_object (&fixture->store);
  if (!heed_test_on_server ())
    {
      g_assert_cmpint (sql_int (fixture->path, "PRAGMA application_id"), ==,
                       HEED_STORE_APPLICATION_ID);
      g_assert_cmpint (sql_int (fixture->path, "PRAGMA user_version"), ==,
                       HEED_STORE_SCHEMA_VERSION);
    }
  else
    g_assert_cmpint (sql_int (fixture->path, "SELECT max (version) FROM heed_schema"), ==,
                     HEED_STORE_SCHEMA_VERSION);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM risk_matrix"), ==, 20);
  g_assert_cmpint (sql_int (fixture->path,
                            "SELECT count(*) FROM categories WHERE scheme = 'subject'"), >=, 18);

  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  if (!heed_test_on_server ())
    {
      g_autofree char *mode = sql_text (fixture->path, "PRAGMA journal_mode");

      g_assert_cmpstr (mode, ==, "wal");
    }

  /* Never over an existing file. */
  again = heed_store_create (fixture->path, "Other", HEED_NATION_WALES, &error);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS);
  g_assert_null (again);
}

static void
test_wal_and_foreign_keys (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Rude");
  g_autoptr(GError) error = NULL;

  /* A WAL file exists while the store is open and writing (a file's own). */
  if (!heed_test_on_server ())
    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* A case pointing at a person who does not exist is refused by a foreign key. */
  heed_record_set_int (HEED_RECORD (kase), HEED_CASE_COMPLAINANT, 4242);
  g_assert_false (heed_store_save (fixture->store, HEED_RECORD (kase), &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
}

typedef void (*MakeBadFile) (const char *path);

static void
bad_empty (const char *path)
{
  g_file_set_contents (path, "", 0, NULL);
}

static void
bad_text (const char *path)
{
  g_file_set_contents (path, "Dear Sir, I wish to complain.\n", -1, NULL);
}

static void
bad_other_sqlite (const char *path)
{
  sql_exec (path, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
}

static void
bad_too_new (const char *path)
{
  g_autoptr(HeedStore) store = heed_store_create (path, "Future", HEED_NATION_ENGLAND, NULL);

  heed_store_close (store);
  sql_exec (path, "PRAGMA user_version = 99");
}

static void
bad_damaged (const char *path)
{
  g_autoptr(HeedStore) store = heed_store_create (path, "Broken", HEED_NATION_ENGLAND, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  heed_store_close (store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Scribble over the pages after the first: the header still says Heed. */
  for (gsize i = 4096; i < length; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
}

static void
test_refusals (void)
{
  const struct {
    const char *name;
    MakeBadFile make;
    int         code;
    const char *message;
  } cases[] = {
    { "empty", bad_empty, HEED_STORE_ERROR_NOT_HEED, "is not a Heed practice file" },
    { "text", bad_text, HEED_STORE_ERROR_NOT_HEED, "is not a Heed practice file" },
    { "other-sqlite", bad_other_sqlite, HEED_STORE_ERROR_NOT_HEED,
      "a database, but not a Heed practice file" },
    { "too-new", bad_too_new, HEED_STORE_ERROR_TOO_NEW, "newer version of Heed" },
    { "damaged", bad_damaged, HEED_STORE_ERROR_DAMAGED, "damaged" },
  };
  g_autofree char *dir = heed_test_make_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *lock = g_strconcat (path, ".lock", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(HeedStore) store = NULL;
      g_autoptr(GError) error = NULL;

      cases[i].make (path);
      before = heed_test_file_digest (path);
      store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, &error);
      g_assert_null (store);
      g_assert_error (error, HEED_STORE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      after = heed_test_file_digest (path);
      /* Untouched, and nothing left beside it. */
      g_assert_cmpstr (before, ==, after);
      g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }

  {
    g_autofree char *missing = g_build_filename (dir, "missing.heed", NULL);
    g_autoptr(GError) error = NULL;

    g_assert_null (heed_store_open (missing, HEED_STORE_OPEN_DEFAULT, &error));
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND);
  }
  heed_test_remove_dir (dir);
}

static void
test_lock (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) second = NULL;
  g_autoptr(HeedStore) third = NULL;
  g_autoptr(HeedCase) kase = NULL;
  const HeedLockHolder *holder;

  /* The file is held: a second writer is told who has it. */
  second = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, g_get_user_name ()));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  g_clear_error (&error);

  /* …and may open it read-only, knowing who holds it, but not write. */
  second = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY_IF_LOCKED, &error);
  g_assert_no_error (error);
  g_assert_true (heed_store_is_read_only (second));
  holder = heed_store_get_lock_holder (second);
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder->user, ==, g_get_user_name ());
  g_assert_cmpstr (holder->host, ==, g_get_host_name ());
  g_assert_nonnull (holder->since);

  kase = make_complaint ("2025-06-03T10:00:00", "Written by the second");
  g_assert_false (heed_store_save (second, HEED_RECORD (kase), &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "in use by"));
  g_clear_error (&error);

  /* What the holder writes, the reader sees. */
  g_clear_object (&kase);
  kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Written by the holder");
  g_assert_cmpint (heed_store_count_cases (second, NULL, NULL), ==, 1);

  /* Once the holder closes, the file is free again. */
  g_clear_object (&fixture->store);
  third = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (heed_store_is_read_only (third));
}

static void
test_migration_backup (void)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.heed", NULL);
  g_autofree char *backup = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* A Heed file from before the first schema: only the application id. */
  sql_exec (path, "PRAGMA application_id = 1212499268; CREATE TABLE settings (key TEXT PRIMARY "
                  "KEY, value TEXT); DROP TABLE settings;");
  store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_get_schema_version (store), ==, HEED_STORE_SCHEMA_VERSION);
  g_assert_nonnull (heed_store_get_last_backup (store));
  backup = g_strdup (heed_store_get_last_backup (store));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (sql_int (backup, "PRAGMA user_version"), ==, 0);
  g_clear_object (&store);

  /* Opening again runs nothing: the version is current. */
  g_unlink (backup);
  store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_null (heed_store_get_last_backup (store));
  g_clear_object (&store);
  heed_test_remove_dir (dir);
}

static void
test_backup_restore (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.heed", NULL);
  g_autofree char *restored = g_build_filename (fixture->dir, "restored.heed", NULL);
  g_autoptr(HeedCase) first = save_complaint (fixture->store, "2025-06-03T10:00:00", "First");
  g_autoptr(HeedCase) second = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_assert_true (heed_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Later work is not in the backup. */
  second = save_complaint (fixture->store, "2025-06-04T10:00:00", "Second");
  store = heed_store_open (backup, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (store, NULL, NULL), ==, 1);
  g_clear_object (&store);

  g_assert_false (heed_store_backup (fixture->store, fixture->path, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (heed_store_restore (backup, restored, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (heed_store_restore (backup, restored, FALSE, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  if (heed_test_on_server ())
    {
      /* Onto a server: into an empty database; over the practice only with --force, and
       * never while anyone is connected to it (they would lose what they save). */
      HeedTestPlace *empty = heed_test_place_for_test ("restored.heed");

      g_assert_true (heed_store_restore (backup, empty->where, FALSE, &error));
      g_assert_no_error (error);
      store = heed_store_open (empty->where, HEED_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (heed_store_count_cases (store, NULL, NULL), ==, 1);
      g_clear_object (&store);
      g_assert_false (heed_store_restore (backup, fixture->path, FALSE, &error));
      g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS);
      g_clear_error (&error);
      g_assert_false (heed_store_restore (backup, fixture->path, TRUE, &error));
      g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_BUSY);
      g_clear_error (&error);
      g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 2);
      g_clear_object (&fixture->store);
      g_assert_true (heed_store_restore (backup, fixture->path, TRUE, &error));
      g_assert_no_error (error);
      fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 1);
      return;
    }
  /* Restoring over the open practice is refused while it is open… */
  g_assert_false (heed_store_restore (backup, fixture->path, TRUE, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  /* …and with --force once it is closed. */
  g_clear_object (&fixture->store);
  g_assert_true (heed_store_restore (backup, fixture->path, TRUE, &error));
  g_assert_no_error (error);
  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 1);
}

static void
test_references (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeedCase) a = save_complaint (fixture->store, "2025-06-03T10:00:00", "One");
  g_autoptr(HeedCase) b = save_complaint (fixture->store, "2025-07-03T10:00:00", "Two");
  g_autoptr(HeedCase) c = save_complaint (fixture->store, "2024-02-01T10:00:00", "Old");
  g_autoptr(HeedCase) found = NULL;
  g_autoptr(HeedCase) compliment = heed_case_new ("compliment");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (heed_case_get_reference (a), ==, "C-2025-001");
  g_assert_cmpstr (heed_case_get_reference (b), ==, "C-2025-002");
  g_assert_cmpstr (heed_case_get_reference (c), ==, "C-2024-001");
  g_object_set (compliment, "channel", "letter", "received-at", "2025-08-01T09:00:00",
                "summary", "Thank you", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (compliment), &error));
  g_assert_cmpstr (heed_case_get_reference (compliment), ==, "CP-2025-001");

  found = heed_store_find_case (fixture->store, "c-2025-002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_case_get_summary (found), ==, "Two");
  g_assert_true (heed_record_equal (HEED_RECORD (found), HEED_RECORD (b)));

  /* A counter Heed would never reach (put there behind its back) gives a message, not a raw
   * SQL error, and nothing is saved. */
  {
    g_autoptr(HeedCase) refused = make_complaint ("2025-09-01T10:00:00", "Three");
    gint64 cases = heed_store_count_cases (fixture->store, NULL, NULL);

    g_clear_object (&fixture->store);
    sql_exec (fixture->path, "UPDATE reference_counters SET last = 9223372036854775807 "
                             "WHERE prefix = 'C-2025-'");
    fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_false (heed_store_save (fixture->store, HEED_RECORD (refused), &error));
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "C-2025-"));
    g_assert_nonnull (strstr (error->message, "run out"));
    g_clear_error (&error);
    g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, cases);
    /* Other kinds and years still get theirs. */
    g_clear_object (&refused);
    refused = make_complaint ("2024-09-01T10:00:00", "Four");
    g_assert_true (heed_store_save (fixture->store, HEED_RECORD (refused), &error));
    g_assert_cmpstr (heed_case_get_reference (refused), ==, "C-2024-002");
  }
}

static void
test_status_machine (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Walk");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  const char *path[] = { "logged", "acknowledged", "in-progress", "responded", "closed" };

  g_assert_cmpstr (heed_case_get_status (kase), ==, "draft");
  g_assert_false (heed_store_change_status (fixture->store, kase, "closed", NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (heed_case_get_status (kase), ==, "draft");
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_assert_true (heed_store_change_status (fixture->store, kase, path[i], NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_ACKNOWLEDGED_ON));
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_CLOSED_ON));

  /* Reopening needs a reason. */
  g_assert_false (heed_store_change_status (fixture->store, kase, "in-progress", NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (heed_store_change_status (fixture->store, kase, "in-progress",
                                           "New information from the family", &error));
  g_assert_false (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_CLOSED_ON));

  /* Every step is on the timeline. */
  events = heed_store_list (fixture->store, HEED_TYPE_EVENT, heed_record_get_id (HEED_RECORD (kase)),
                            &error);
  g_assert_cmpuint (events->len, ==, G_N_ELEMENTS (path) + 1);

  /* Only drafts may be deleted. */
  g_assert_false (heed_store_delete_draft (fixture->store, kase, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
}

static void
test_delete_draft (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Draft");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_autoptr(HeedCaseElement) element = heed_case_element_new ();
  g_autoptr(HeedEvent) note = heed_event_new ();
  HeedRecord *record;
  int index;

  /* A draft may already have the parts of the complaint, a note and a document. */
  record = HEED_RECORD (element);
  heed_record_set_int (record, (guint) heed_record_find_field (record, "case"),
                       heed_record_get_id (HEED_RECORD (kase)));
  index = heed_record_find_field (record, "description");
  g_assert_true (heed_record_set_from_string (record, (guint) index, "Rude receptionist", &error));
  g_assert_true (heed_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  record = HEED_RECORD (note);
  heed_record_set_int (record, (guint) heed_record_find_field (record, "case"),
                       heed_record_get_id (HEED_RECORD (kase)));
  g_assert_true (heed_record_set_from_string (record, (guint) heed_record_find_field (record, "kind"),
                                              "note", &error));
  g_assert_true (heed_record_set_from_string (record,
                                              (guint) heed_record_find_field (record, "occurred-at"),
                                              "2025-06-03T10:05:00", &error));
  g_assert_true (heed_record_set_from_string (record,
                                              (guint) heed_record_find_field (record, "summary"),
                                              "Called back, no answer", &error));
  heed_store_save (fixture->store, record, &error);
  g_assert_no_error (error);
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static ("Dear Sir", 8);

    g_assert_true (heed_store_add_attachment (fixture->store,
                                              heed_record_get_id (HEED_RECORD (kase)), 0,
                                              "letter.txt", "text/plain", bytes, NULL, &error));
  }
  g_assert_no_error (error);

  g_assert_true (heed_store_delete_draft (fixture->store, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 0);
  /* What went with the draft went through Heed: the check must not call it tampering. */
  g_assert_true (heed_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
  g_assert_null (strstr (report->str, "outside Heed"));
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(HeedCase) kase = make_complaint ("2025-06-03T10:00:00", "Receptionist was abrupt");
  g_autoptr(HeedCase) other = save_complaint (fixture->store, "2025-06-04T10:00:00",
                                              "Prescription not ready");
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (person, "first-name", "Ada", "last-name", "Quennell", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (person), &error));
  heed_record_set_int (HEED_RECORD (kase), HEED_CASE_COMPLAINANT,
                       heed_record_get_id (HEED_RECORD (person)));
  heed_record_set_text (HEED_RECORD (kase), HEED_CASE_DESCRIPTION,
                        "Asked for an urgent appointment for my daughter");
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (kase), &error));

  query->search = g_strdup ("quenn");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
  g_free (query->search);
  query->search = g_strdup ("urgent daughter");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
  g_free (query->search);
  /* FTS operators typed by a person are just words. */
  query->search = g_strdup ("\"prescrip*( -:");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
  g_free (query->search);
  query->search = g_strdup ("nothing-like-this");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 0);

  /* A name changed later is found under the new name. */
  heed_record_set_text (HEED_RECORD (person), HEED_PERSON_LAST_NAME, "Marchbank");
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (person), &error));
  g_free (query->search);
  query->search = g_strdup ("marchbank");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
}

/* Changes the closed practice file with @sql behind Heed's back; the check then fails, saying
 * @expected. */
static void
check_fails_with (Fixture    *fixture,
                  const char *sql,
                  const char *expected)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_object (&fixture->store);
  sql_exec (fixture->path, sql);
  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (heed_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  g_assert_nonnull (strstr (report->str, expected));
  g_clear_object (&fixture->store);
}

static void
test_audit_tamper (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Audited");
  g_autoptr(HeedCase) other = save_complaint (fixture->store, "2025-06-04T10:00:00", "Also");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (report->str, "unbroken"));

  /* A case edited behind Heed's back. */
  check_fails_with (fixture, "UPDATE cases SET summary = 'Nothing to see' WHERE reference = "
                             "'C-2025-001'", "changed outside Heed");
  /* An audit entry removed from the middle: refused by the file itself, and once its trigger
   * is dropped, seen by the check. */
  g_clear_object (&fixture->store);
  sql_exec_refused (fixture->path, "DELETE FROM audit WHERE id = 3",
                    "the audit trail cannot be changed");
  check_fails_with (fixture, "UPDATE cases SET summary = 'Audited' WHERE reference = "
                             "'C-2025-001'; DROP TRIGGER audit_no_delete; "
                             "DELETE FROM audit WHERE id = 3",
                    "broken before entry");
  /* An audit entry rewritten (its trigger dropped first). */
  check_fails_with (fixture, "DROP TRIGGER audit_no_update; UPDATE audit SET os_user = 'nobody' "
                             "WHERE id = 2", "was altered");
}

/* A change of nation undone by the transaction around it must not leave the deadlines counted
 * in the other nation's working days. */
static void
test_setting_rolled_back (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (heed_store_get_nation (fixture->store), ==, HEED_NATION_ENGLAND);
  g_assert_true (heed_store_begin (fixture->store, &error));
  g_assert_true (heed_store_set_setting (fixture->store, "nation", "scotland", &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_get_nation (fixture->store), ==, HEED_NATION_SCOTLAND);
  heed_store_rollback (fixture->store);
  g_assert_cmpint (heed_store_get_nation (fixture->store), ==, HEED_NATION_ENGLAND);
  g_assert_cmpint (heed_calendar_get_nation (heed_store_get_calendar (fixture->store)), ==,
                   HEED_NATION_ENGLAND);

  /* Kept when it is committed. */
  g_assert_true (heed_store_set_setting (fixture->store, "nation", "scotland", &error));
  g_assert_cmpint (heed_store_get_nation (fixture->store), ==, HEED_NATION_SCOTLAND);
}

/* Documents kept with a case are evidence: the check compares each with the digest the
 * trail took when it was added. */
static void
test_audit_attachments (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Scanned");
  g_autoptr(GBytes) letter = g_bytes_new_static ("Dear Practice Manager", 21);
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  g_autofree char *sql = NULL;

  g_assert_true (heed_store_add_attachment (fixture->store,
                                            heed_record_get_id (HEED_RECORD (kase)), 0,
                                            "letter.txt", "text/plain", letter, &id, &error));
  g_assert_no_error (error);
  g_assert_true (heed_store_check (fixture->store, report, &error));
  g_assert_nonnull (strstr (report->str, "unbroken"));

  /* A document's bytes changed. */
  sql = g_strdup_printf ("UPDATE attachments SET data = CAST ('Dear Sir' AS BLOB) "
                         "WHERE id = %" G_GINT64_FORMAT, id);
  check_fails_with (fixture, sql, "of attachments was changed outside Heed");
  g_free (sql);
  /* One slipped in. */
  sql = g_strdup_printf ("UPDATE attachments SET data = CAST ('Dear Practice Manager' AS BLOB) "
                         "WHERE id = %" G_GINT64_FORMAT ";"
                         "INSERT INTO attachments (\"case\", filename, mime, added_at, data) "
                         "SELECT \"case\", 'extra.txt', mime, added_at, data FROM attachments "
                         "WHERE id = %" G_GINT64_FORMAT, id, id);
  check_fails_with (fixture, sql, "of attachments was added outside Heed");
  g_free (sql);
  /* One taken away. */
  sql = g_strdup_printf ("DELETE FROM attachments WHERE filename = 'extra.txt';"
                         "DELETE FROM attachments WHERE id = %" G_GINT64_FORMAT, id);
  check_fails_with (fixture, sql, "of attachments was removed outside Heed");
}

/* Bad input, each with its message, and the file unchanged afterwards. */

typedef gboolean (*BadStep) (HeedStore *store, GError **error);

static gboolean
save_case_with (HeedStore   *store,
                GError     **error,
                const char  *first_property,
                ...)
{
  g_autoptr(HeedCase) kase = make_complaint ("2025-06-03T10:00:00", "A complaint");
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (kase), first_property, args);
  va_end (args);
  return heed_store_save (store, HEED_RECORD (kase), error);
}

static gboolean
save_person_with (HeedStore   *store,
                  GError     **error,
                  const char  *first_property,
                  ...)
{
  g_autoptr(HeedPerson) person = heed_person_new ();
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (person), first_property, args);
  va_end (args);
  return heed_store_save (store, HEED_RECORD (person), error);
}

#define CASE_WITH(name, ...) \
  static gboolean name (HeedStore *s, GError **e) { return save_case_with (s, e, __VA_ARGS__, NULL); }
#define PERSON_WITH(name, ...) \
  static gboolean name (HeedStore *s, GError **e) { return save_person_with (s, e, __VA_ARGS__, NULL); }

CASE_WITH (bad_kind, "kind", "complaynt")
CASE_WITH (bad_channel, "channel", "pigeon")
CASE_WITH (no_summary, "summary", "")
CASE_WITH (future, "received-at", "2999-01-01T10:00:00")
CASE_WITH (bad_received, "received-at", "yesterday")
CASE_WITH (incident_after, "incident-date", "2025-07-01")
CASE_WITH (aware_before_incident, "incident-date", "2025-05-01", "aware-date", "2025-04-01")
CASE_WITH (late_no_reason, "incident-date", "2023-01-10")
CASE_WITH (behalf_no_relationship, "on-behalf", TRUE, "behalf-reason", "died")
CASE_WITH (behalf_other_no_text, "on-behalf", TRUE, "relationship", "other", "behalf-reason",
           "died")
CASE_WITH (behalf_no_reason, "on-behalf", TRUE, "relationship", "carer")
CASE_WITH (best_interests_no_why, "on-behalf", TRUE, "relationship", "carer", "behalf-reason",
           "prefers", "best-interests", "no")
CASE_WITH (bad_care, "care", "insured")
CASE_WITH (consent_order, "consent-requested", "2025-06-10", "consent-received", "2025-06-05")
CASE_WITH (ack_before, "acknowledged-on", "2025-05-01")
CASE_WITH (out_of_scope_no_reason, "status", "out-of-scope")
CASE_WITH (bad_seriousness, "seriousness", "catastrophic")
CASE_WITH (bad_date_text, "agreed-response-date", "31/02/2025")
PERSON_WITH (bad_nhs, "nhs-number", "943 476 5918")
PERSON_WITH (short_nhs, "nhs-number", "943 476 591")
PERSON_WITH (bad_postcode, "postcode", "SW1A 1A")
PERSON_WITH (bad_email, "email", "ada at example.com")
PERSON_WITH (bad_phone, "phone", "0161 496")
PERSON_WITH (birth_future, "date-of-birth", "2999-01-01")
PERSON_WITH (email_wanted, "contact-method", "email")
PERSON_WITH (phone_wanted, "contact-method", "phone")

static gboolean
staff_no_name (HeedStore *store, GError **error)
{
  g_autoptr(HeedStaff) staff = heed_staff_new ();

  return heed_store_save (store, HEED_RECORD (staff), error);
}

static gboolean
action_due_before_start (HeedStore *store, GError **error)
{
  g_autoptr(HeedAction) action = heed_action_new ();

  g_object_set (action, "description", "Train reception", "start-date", "2025-06-10",
                "due-date", "2025-06-01", NULL);
  return heed_store_save (store, HEED_RECORD (action), error);
}

static gboolean
bad_nation (HeedStore *store, GError **error)
{
  return heed_store_set_setting (store, "nation", "cornwall", error);
}

static gboolean
bad_setting_text (HeedStore *store, GError **error)
{
  return heed_store_set_setting (store, "name", "Bad \xff\xfe name", error);
}

static gboolean
draft_to_closed (HeedStore *store, GError **error)
{
  g_autoptr(HeedCase) kase = heed_store_find_case (store, "C-2025-001", NULL);

  return heed_store_change_status (store, kase, "closed", NULL, error);
}

static gboolean
unknown_status (HeedStore *store, GError **error)
{
  g_autoptr(HeedCase) kase = heed_store_find_case (store, "C-2025-001", NULL);

  return heed_store_change_status (store, kase, "finished", NULL, error);
}

static gboolean
unknown_reference (HeedStore *store, GError **error)
{
  g_autoptr(HeedCase) kase = heed_store_find_case (store, "C-1999-999", error);

  return kase != NULL;
}

static gboolean
attachment_no_name (HeedStore *store, GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);

  return heed_store_add_attachment (store, 1, 0, "", "text/plain", bytes, NULL, error);
}

static gboolean
withdraw_no_reason (HeedStore *store, GError **error)
{
  g_autoptr(HeedCase) kase = heed_store_find_case (store, "C-2025-001", NULL);

  if (!heed_store_change_status (store, kase, "logged", NULL, error))
    return TRUE; /* not the step under test; make the test fail on the message */
  return heed_store_change_status (store, kase, "withdrawn", "", error);
}

static gboolean
create_no_name (HeedStore *store, GError **error)
{
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "x.heed", NULL);
  g_autoptr(HeedStore) other = heed_store_create (path, "   ", HEED_NATION_ENGLAND, error);

  heed_test_remove_dir (dir);
  return other != NULL;
}

static void
test_bad_inputs (Fixture       *fixture,
                 gconstpointer  data)
{
  const struct {
    const char *name;
    BadStep     step;
    const char *message;
  } cases[] = {
    { "kind", bad_kind, "Kind: This is not one of the choices" },
    { "channel", bad_channel, "This is not one of the choices" },
    { "summary", no_summary, "Summary: This needs to be filled in" },
    { "future", future, "cannot be in the future" },
    { "received-text", bad_received, "not a date Heed can read" },
    { "incident-after", incident_after, "cannot have happened after the day it was received" },
    { "aware-before", aware_before_incident, "before it happened" },
    { "late", late_no_reason, "more than 12 months after the event" },
    { "behalf-relationship", behalf_no_relationship, "how the complainant is related" },
    { "behalf-other", behalf_other_no_text, "Describe the relationship" },
    { "behalf-reason", behalf_no_reason, "why the person affected is not complaining" },
    { "best-interests", best_interests_no_why, "do not act in the patient’s best interests" },
    { "care", bad_care, "NHS or private care: This is not one of the choices" },
    { "consent-order", consent_order, "before it was asked for" },
    { "ack-before", ack_before, "before the day it was received" },
    { "out-of-scope", out_of_scope_no_reason, "why it is out of scope" },
    { "seriousness", bad_seriousness, "not one of the choices" },
    { "agreed-date", bad_date_text, "Response date agreed: This is not a date Heed can read" },
    { "nhs-check", bad_nhs, "last digit does not match" },
    { "nhs-short", short_nhs, "has 10 digits; this has 9" },
    { "postcode", bad_postcode, "Postcode" },
    { "email", bad_email, "Email" },
    { "phone", bad_phone, "Daytime phone" },
    { "birth", birth_future, "date of birth cannot be in the future" },
    { "email-wanted", email_wanted, "an email address is needed" },
    { "phone-wanted", phone_wanted, "a phone number is needed" },
    { "staff", staff_no_name, "Name: This needs to be filled in" },
    { "action", action_due_before_start, "cannot be due before it starts" },
    { "nation", bad_nation, "england, wales, scotland or northern-ireland" },
    { "setting-text", bad_setting_text, "plain text" },
    { "draft-closed", draft_to_closed, "cannot become “Closed”" },
    { "unknown-status", unknown_status, "not a status Heed knows" },
    { "unknown-reference", unknown_reference, "no case with the reference “C-1999-999”" },
    { "attachment", attachment_no_name, "needs a file name" },
    { "withdraw", withdraw_no_reason, "Give the reason" },
    { "practice-name", create_no_name, "needs a name" },
  };
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Base");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) check_error = NULL;
  int audit_rows;

  g_assert_cmpuint (G_N_ELEMENTS (cases), >=, 30);
  g_clear_object (&fixture->store);
  audit_rows = sql_int (fixture->path, "SELECT count(*) FROM audit");
  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("bad input: %s", cases[i].name);
      g_assert_false (cases[i].step (fixture->store, &error));
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("%s: expected “%s” in “%s”", cases[i].name, cases[i].message, error->message);
    }

  /* Nothing was written by any of them, except the status step of "withdraw". */
  g_assert_cmpint (heed_store_count_cases (fixture->store, NULL, NULL), ==, 1);
  g_assert_true (heed_store_check (fixture->store, report, &check_error));
  g_clear_object (&fixture->store);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM audit"), ==, audit_rows + 2);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM people"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM staff"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM actions"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM attachments"), ==, 0);
}

static void
test_form_drafts (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(HeedStore) reader = NULL;
  g_autoptr(HeedCase) kase = NULL;
  HeedFormDraft *draft;
  gint64 first = 0, second = 0;
  gint64 audit_rows;

  audit_rows = sql_int (fixture->path, "SELECT count(*) FROM audit");
  g_assert_true (heed_store_keep_form_draft (fixture->store, &first, "feedback", 0,
                                             "Complaint from Ann", "[form]\nsummary=Rude\n",
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, >, 0);

  /* Typing on updates the same draft rather than adding one per keystroke. */
  g_assert_true (heed_store_keep_form_draft (fixture->store, &first, "feedback", 0,
                                             "Complaint from Ann Lee",
                                             "[form]\nsummary=Rude on the phone\n", &error));
  g_assert_no_error (error);

  kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Waiting time");
  g_assert_true (heed_store_keep_form_draft (fixture->store, &second, "case",
                                             heed_record_get_id (HEED_RECORD (kase)), "C",
                                             "[form]\nplan=Meet\n", &error));
  g_assert_no_error (error);

  /* A second process finds the typing after a crash of the first. */
  reader = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  drafts = heed_store_list_form_drafts (reader, "feedback", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  draft = g_ptr_array_index (drafts, 0);
  g_assert_cmpint (draft->id, ==, first);
  g_assert_cmpstr (draft->title, ==, "Complaint from Ann Lee");
  g_assert_cmpstr (draft->content, ==, "[form]\nsummary=Rude on the phone\n");
  /* Whoever typed it: the computer's account on a file, the role signed in on a server. */
  g_assert_cmpstr (draft->os_user, ==, heed_test_on_server () ? g_getenv ("HEED_TEST_PG_USER")
                                                              : g_get_user_name ());
  g_assert_cmpstr (draft->os_user, ==, heed_store_get_account (reader));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = heed_store_list_form_drafts (reader, NULL, &error);
  g_assert_cmpuint (drafts->len, ==, 2);
  g_clear_pointer (&drafts, g_ptr_array_unref);

  /* A read-only window cannot keep drafts. */
  {
    gint64 none = 0;

    g_assert_false (heed_store_keep_form_draft (reader, &none, "feedback", 0, "", "x", &error));
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
    g_clear_error (&error);
  }

  /* Dropped once saved; a later keep with the stale id starts a new draft, losing nothing. */
  g_assert_true (heed_store_drop_form_draft (fixture->store, first, &error));
  g_assert_no_error (error);
  drafts = heed_store_list_form_drafts (fixture->store, "feedback", &error);
  g_assert_cmpuint (drafts->len, ==, 0);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  g_assert_true (heed_store_keep_form_draft (fixture->store, &first, "feedback", 0, "Again",
                                             "[form]\n", &error));
  g_assert_no_error (error);
  drafts = heed_store_list_form_drafts (fixture->store, "feedback", &error);
  g_assert_cmpuint (drafts->len, ==, 1);

  /* Drafts are typing, not records: the audit trail only grew by the one saved case. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM audit"), ==, audit_rows + 1);
}

static char *
ordered_summaries (HeedStore     *store,
                   HeedCaseQuery *query)
{
  g_autoptr(GArray) ids = heed_store_query_case_ids (store, query, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(HeedCaseRow) row = heed_store_load_case_row (store,
                                                             g_array_index (ids, gint64, i),
                                                             NULL);

      g_string_append_printf (text, "%s%s", i > 0 ? "|" : "", row->summary);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(HeedCase) bravo = save_complaint (fixture->store, "2025-06-02T10:00:00", "bravo");
  g_autoptr(HeedCase) alpha = save_complaint (fixture->store, "2025-06-03T10:00:00", "Alpha");
  g_autoptr(HeedCase) charlie = save_complaint (fixture->store, "2025-06-04T10:00:00",
                                                "charlie");
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(HeedPerson) zoe = heed_person_new ();
  g_autoptr(GError) error = NULL;
  char *order;

  /* Risks: charlie extreme, alpha low, bravo not graded. */
  g_object_set (charlie, "seriousness", "extreme", "likelihood", "almost-certain", NULL);
  g_object_set (alpha, "seriousness", "low", "likelihood", "rare", NULL);
  g_object_set (zoe, "first-name", "Zoe", "last-name", "Abbot", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (zoe), &error));
  g_object_set (bravo, "complainant", heed_record_get_id (HEED_RECORD (zoe)), NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (charlie), &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (alpha), &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (bravo), &error));
  /* Alpha acknowledged: its next deadline is later than the others' acknowledgement. */
  g_assert_true (heed_store_change_status (fixture->store, alpha, "logged", NULL, &error));
  g_assert_true (heed_store_change_status (fixture->store, alpha, "acknowledged", NULL, &error));
  g_assert_true (heed_store_change_status (fixture->store, bravo, "logged", NULL, &error));
  g_assert_true (heed_store_change_status (fixture->store, charlie, "logged", NULL, &error));
  g_assert_no_error (error);

  query->newest_first = TRUE;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "charlie|Alpha|bravo");
  g_free (order);

  /* Letters before case, the way people read. */
  query->sort = HEED_CASE_SORT_SUMMARY;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "Alpha|bravo|charlie");
  g_free (order);
  query->descending = TRUE;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "charlie|bravo|Alpha");
  g_free (order);

  /* Ungraded after every grade; descending puts the worst first. */
  query->sort = HEED_CASE_SORT_RISK;
  query->descending = FALSE;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "Alpha|charlie|bravo");
  g_free (order);

  /* Anonymous or unnamed after every name. */
  query->sort = HEED_CASE_SORT_NAME;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "bravo|charlie|Alpha");
  g_free (order);

  query->sort = HEED_CASE_SORT_STATUS;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "charlie|bravo|Alpha");
  g_free (order);

  /* The soonest deadline first: the two waiting for acknowledgement, oldest first. */
  query->sort = HEED_CASE_SORT_NEXT_DEADLINE;
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "bravo|charlie|Alpha");
  g_free (order);

  /* Sorting keeps the filter. */
  query->search = g_strdup ("charlie");
  order = ordered_summaries (fixture->store, query);
  g_assert_cmpstr (order, ==, "charlie");
  g_free (order);
}

static void
test_logo (Fixture       *fixture,
           gconstpointer  data)
{
  const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr(GBytes) picture = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) letter = g_bytes_new_static ("Dear Sir", 8);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;

  g_assert_false (heed_store_set_logo (fixture->store, letter, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "PNG or JPEG"));
  g_clear_error (&error);

  g_assert_true (heed_store_set_logo (fixture->store, picture, &error));
  g_assert_no_error (error);
  back = heed_store_dup_setting_blob (fixture->store, "logo", &mime, &error);
  g_assert_nonnull (back);
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_true (g_bytes_equal (back, picture));
  g_clear_pointer (&back, g_bytes_unref);

  g_assert_true (heed_store_set_logo (fixture->store, NULL, &error));
  back = heed_store_dup_setting_blob (fixture->store, "logo", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (back);
  g_assert_true (heed_store_check (fixture->store, report, &error));
}

static void
test_backup_folder (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "usb", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "not-plugged-in", NULL);
  /* Backups are named by the practice: its file, or its database on a server (never the
   * server's socket folder, which every practice there shares). */
  const char *stem = heed_test_on_server () ? fixture->place.database : "practice";
  g_autofree char *newest_old = g_strdup_printf ("%s-backup-20200103-120000.heed", stem);
  g_autofree char *written_name = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Kept");

  g_assert_false (heed_store_backup_to_folder (fixture->store, missing, 3, NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "plugged in"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  /* Older backups of this practice, and a file of something else that must be left alone. */
  for (guint i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-backup-2020010%u-120000.heed", stem, i);
      g_autofree char *old = g_build_filename (folder, name, NULL);

      g_assert_true (g_file_set_contents (old, "old", -1, NULL));
    }
  {
    g_autofree char *other = g_build_filename (folder, "holiday-photos.heed", NULL);

    g_assert_true (g_file_set_contents (other, "not ours", -1, NULL));
  }

  {
    g_autofree char *written = NULL;
    g_autoptr(HeedStore) copy = NULL;

    g_assert_true (heed_store_backup_to_folder (fixture->store, folder, 2, &written, &error));
    g_assert_no_error (error);
    written_name = g_path_get_basename (written);
    g_assert_true (g_str_has_prefix (written_name, stem));
    g_assert_true (g_str_has_prefix (written_name + strlen (stem), "-backup-"));
    copy = heed_store_open (written, HEED_STORE_OPEN_READ_ONLY, &error);
    g_assert_no_error (error);
    g_assert_cmpint (heed_store_count_cases (copy, NULL, NULL), ==, 1);
  }

  /* The two newest remain: the new backup and the newest old one. */
  backups = heed_store_list_backups (fixture->store, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), newest_old));
  {
    g_autofree char *other = g_build_filename (folder, "holiday-photos.heed", NULL);

    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  }
  for (guint i = 0; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
  {
    g_autofree char *other = g_build_filename (folder, "holiday-photos.heed", NULL);

    g_unlink (other);
  }
  g_rmdir (folder);
}

static void
test_undo_status (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Undo me");
  g_autoptr(HeedCase) before = NULL;
  g_autoptr(HeedCase) reloaded = NULL;
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (heed_store_change_status (fixture->store, kase, "logged", NULL, &error));

  /* Nothing to undo yet: the copy and the case agree. */
  before = HEED_CASE (heed_record_copy (HEED_RECORD (kase)));
  g_assert_false (heed_store_undo_status_change (fixture->store, kase, before, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_true (heed_store_change_status (fixture->store, kase, "acknowledged", NULL, &error));
  g_assert_true (heed_record_is_set (HEED_RECORD (kase), HEED_CASE_ACKNOWLEDGED_ON));
  g_assert_true (heed_store_undo_status_change (fixture->store, kase, before, &error));
  g_assert_no_error (error);

  /* Back as it was, in the file too, with the date the mistaken step filled in cleared. */
  reloaded = heed_store_load (fixture->store, HEED_TYPE_CASE,
                              heed_record_get_id (HEED_RECORD (kase)), &error);
  g_assert_cmpstr (heed_case_get_status (reloaded), ==, "logged");
  g_assert_false (heed_record_is_set (HEED_RECORD (reloaded), HEED_CASE_ACKNOWLEDGED_ON));
  g_assert_cmpint (sql_int (fixture->path,
                            "SELECT count(*) FROM events WHERE kind = 'status' AND "
                            "summary LIKE '%undone%'"), ==, 1);
  g_assert_true (heed_store_check (fixture->store, report, &error));

  /* A hidden case (a draft about to go) is left out of lists and counts. */
  query->hidden_id = heed_record_get_id (HEED_RECORD (kase));
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 0);
  query->hidden_id = 0;
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
}

static void
test_oral_close (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -10);
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%dT%H:%M:00");
  g_autofree char *earlier = g_date_time_format (long_ago, "%Y-%m-%dT%H:%M:00");
  g_autoptr(HeedCase) call = save_complaint (fixture->store, today, "Rude on the phone");
  g_autoptr(HeedCase) old_call = save_complaint (fixture->store, earlier, "Old phone call");
  g_autoptr(HeedCase) letter = save_complaint (fixture->store, today, "By letter");
  g_autoptr(GError) error = NULL;

  g_object_set (letter, "channel", "letter", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (letter), &error));
  g_assert_true (heed_store_change_status (fixture->store, call, "logged", NULL, &error));
  g_assert_true (heed_store_change_status (fixture->store, old_call, "logged", NULL, &error));
  g_assert_true (heed_store_change_status (fixture->store, letter, "logged", NULL, &error));
  g_assert_no_error (error);

  /* Not by a plain close: that is for answered complaints. */
  g_assert_false (heed_store_change_status (fixture->store, call, "closed", NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);

  g_assert_false (heed_store_close_as_oral (fixture->store, letter, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (heed_store_close_as_oral (fixture->store, old_call, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_cmpstr (heed_case_get_status (old_call), ==, "logged");

  /* Not in Scotland: early resolution is its way for this. */
  g_assert_true (heed_store_set_setting (fixture->store, "nation", "scotland", &error));
  g_assert_false (heed_store_close_as_oral (fixture->store, call, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (heed_store_set_setting (fixture->store, "nation", "wales", &error));

  g_assert_true (heed_store_close_as_oral (fixture->store, call, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (heed_case_get_status (call), ==, "closed");
  g_assert_true (heed_record_get_bool (HEED_RECORD (call), HEED_CASE_ORAL_RESOLVED));
  g_assert_cmpint (sql_int (fixture->path, "SELECT oral_resolved FROM cases WHERE summary = "
                                           "'Rude on the phone'"), ==, 1);
}

static void
test_list_model (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeedCase) older = save_complaint (fixture->store, "2025-06-02T10:00:00",
                                              "Waiting room too cold");
  g_autoptr(HeedCase) newer = save_complaint (fixture->store, "2025-06-03T10:00:00",
                                              "Waiting time too long");
  g_autoptr(HeedCaseListModel) model = heed_case_list_model_new (fixture->store);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(HeedCaseQuery) narrower = heed_case_query_new ();
  g_autoptr(HeedCaseItem) first = NULL;
  g_autoptr(HeedCaseItem) again = NULL;
  g_autoptr(HeedCaseItem) changed = NULL;
  g_autoptr(GError) error = NULL;

  query->newest_first = narrower->newest_first = TRUE;
  query->search = g_strdup ("waiting");
  narrower->search = g_strdup ("waiting time");
  g_assert_true (heed_case_list_model_set_query (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (heed_case_item_get_summary (first), ==, "Waiting time too long");

  /* Typing on: the row both lists share is kept, not read again. */
  g_assert_true (heed_case_list_model_set_query (model, narrower, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again == first);

  /* Once the case changes in the file, its row is read again, even for the same search. */
  g_assert_true (heed_store_change_status (fixture->store, newer, "logged", NULL, &error));
  g_assert_true (heed_case_list_model_set_query (model, narrower, &error));
  changed = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (changed != first);
  g_assert_cmpstr (heed_case_item_get_status (changed), ==, heed_case_status_get_label ("logged"));
}

static void
test_case_staff (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Staff");
  g_autoptr(HeedStaff) first = heed_staff_new ();
  g_autoptr(HeedStaff) second = heed_staff_new ();
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 id = heed_record_get_id (HEED_RECORD (kase));
  gint64 ids[3];

  g_object_set (first, "name", "Jo Marsh", NULL);
  g_object_set (second, "name", "Sam Okafor", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (first), &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (second), &error));
  ids[0] = heed_record_get_id (HEED_RECORD (first));
  ids[1] = heed_record_get_id (HEED_RECORD (second));
  ids[2] = 999999;

  g_assert_true (heed_store_set_case_staff (fixture->store, id, ids, 2, &error));
  listed = heed_store_list_case_staff (fixture->store, id, &error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_clear_pointer (&listed, g_array_unref);

  /* Replaced as a whole. */
  g_assert_true (heed_store_set_case_staff (fixture->store, id, ids + 1, 1, &error));
  listed = heed_store_list_case_staff (fixture->store, id, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (g_array_index (listed, gint64, 0), ==, ids[1]);
  g_clear_pointer (&listed, g_array_unref);

  /* Someone not on the staff list: refused, and the old set is kept. */
  g_assert_false (heed_store_set_case_staff (fixture->store, id, ids, 3, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  listed = heed_store_list_case_staff (fixture->store, id, &error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_true (heed_store_check (fixture->store, report, &error));

  /* Who was involved, changed behind Heed's back, is found by the check. */
  {
    g_autofree char *add = g_strdup_printf ("INSERT INTO case_staff (case_id, staff_id) "
                                            "VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                            id, ids[0]);
    g_autofree char *put_back = g_strdup_printf ("DELETE FROM case_staff WHERE staff_id = %"
                                                 G_GINT64_FORMAT, ids[0]);
    g_autofree char *remove = g_strdup_printf ("%s; DELETE FROM case_staff", put_back);
    g_autoptr(HeedCase) other = save_complaint (fixture->store, "2025-06-04T10:00:00", "Other");
    g_autofree char *slip_in = NULL;

    slip_in = g_strdup_printf ("INSERT INTO case_staff (case_id, staff_id) VALUES (%"
                               G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                               heed_record_get_id (HEED_RECORD (other)), ids[1]);
    check_fails_with (fixture, add, "of case_staff was changed outside Heed");
    check_fails_with (fixture, remove, "of case_staff was removed outside Heed");
    sql_exec (fixture->path, put_back);
    {
      g_autofree char *restore = g_strdup_printf ("INSERT INTO case_staff (case_id, staff_id) "
                                                  "VALUES (%" G_GINT64_FORMAT ", %"
                                                  G_GINT64_FORMAT ")", id, ids[1]);
      g_autofree char *both = g_strdup_printf ("%s; %s", restore, slip_in);

      check_fails_with (fixture, both, "of case_staff was added outside Heed");
    }
  }
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) before = heed_store_list_categories (fixture->store, "subject", 2026);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *second = NULL;
  g_autofree char *label = NULL;

  g_assert_true (heed_store_add_category (fixture->store, "subject", "  Car park & parking ",
                                          &code, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "practice-car-park-parking");
  label = heed_store_dup_category_label (fixture->store, "subject", code);
  g_assert_cmpstr (label, ==, "Car park & parking");
  after = heed_store_list_categories (fixture->store, "subject", 2026);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpstr (g_ptr_array_index (after, after->len - 1), ==, code);
  g_clear_pointer (&after, g_ptr_array_unref);

  /* The same words twice, or none, are refused. */
  g_assert_false (heed_store_add_category (fixture->store, "subject", "car park & PARKING", NULL,
                                           &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (heed_store_add_category (fixture->store, "subject", "   ", NULL, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (heed_store_add_category (fixture->store, "age-band", "Teenagers", NULL,
                                           &error));
  g_clear_error (&error);

  /* A slug already used gets a number. */
  g_assert_true (heed_store_add_category (fixture->store, "subject", "Car park / parking",
                                          &second, &error));
  g_assert_cmpstr (second, ==, "practice-car-park-parking-2");

  /* Retired from 2027: gone from the list then, still counted before. */
  g_assert_true (heed_store_retire_category (fixture->store, "subject", code, 2027, &error));
  after = heed_store_list_categories (fixture->store, "subject", 2027);
  earlier = heed_store_list_categories (fixture->store, "subject", 2026);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_cmpuint (earlier->len, ==, before->len + 2);

  /* The national ones stay. */
  g_assert_false (heed_store_retire_category (fixture->store, "subject",
                                              g_ptr_array_index (before, 0), 2027, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_true (heed_store_check (fixture->store, report, &error));
}

/* Someone who may only read the file is not given the lock, so they cannot keep out the
 * person who may write; they are told why nothing can be changed. */
static void
test_read_only_permission (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeedStore) reader = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autofree char *lock_path = heed_lock_dup_lock_path (fixture->path);
  HeedStore *refused;

  if (geteuid () == 0)
    {
      /* Root may write whatever the permissions say; tests/test-stress.py covers this as a
       * plain user when run as root. */
      g_test_skip ("file permissions do not bind root");
      return;
    }

  g_clear_object (&kase);
  kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Saved before");
  g_clear_object (&fixture->store);
  g_assert_cmpint (g_chmod (fixture->path, 0400), ==, 0);

  refused = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_null (refused);
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "may not write to the practice file"));
  g_clear_error (&error);

  reader = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY_IF_LOCKED, &error);
  g_assert_no_error (error);
  g_assert_true (heed_store_is_read_only (reader));
  g_assert_null (heed_store_get_lock_holder (reader));
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  g_assert_cmpint (heed_store_count_cases (reader, NULL, NULL), ==, 1);

  g_clear_object (&kase);
  kase = make_complaint ("2025-06-04T10:00:00", "Saved by the reader");
  g_assert_false (heed_store_save (reader, HEED_RECORD (kase), &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "you may not write to it"));
  g_clear_error (&error);

  /* The lock is free for whoever may write. */
  g_assert_null (heed_lock_query (fixture->path));
}

static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(HeedCase) old = save_complaint (fixture->store, "2010-03-01T10:00:00", "Long ago");
  g_autoptr(HeedCase) recent = save_complaint (fixture->store, "2024-03-01T10:00:00", "Lately");
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(HeedEvent) note = g_object_new (HEED_TYPE_EVENT, NULL);
  g_autoptr(GArray) due = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 old_id = heed_record_get_id (HEED_RECORD (old));

  g_object_set (person, "first-name", "Gwen", "last-name", "Hughes", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (person), &error));
  g_object_set (old, "complainant", heed_record_get_id (HEED_RECORD (person)),
                "outcome", "upheld", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (old), &error));
  for (const char *const *step = (const char *const[]) { "logged", "acknowledged", "responded",
                                                         "closed", NULL };
       *step != NULL; step++)
    {
      g_assert_true (heed_store_change_status (fixture->store, old, *step, NULL, &error));
      g_assert_true (heed_store_change_status (fixture->store, recent, *step, NULL, &error));
    }
  g_assert_no_error (error);
  /* Closed in 2011; the other stays closed today. */
  g_object_set (old, "closed-on", "2011-04-01", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (old), &error));
  heed_record_set_int (HEED_RECORD (note), HEED_EVENT_CASE, old_id);
  heed_record_set_text (HEED_RECORD (note), HEED_EVENT_KIND, "note");
  heed_record_set_text (HEED_RECORD (note), HEED_EVENT_OCCURRED_AT, "2010-03-02T10:00:00");
  heed_record_set_text (HEED_RECORD (note), HEED_EVENT_SUMMARY, "Called her back");
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (note), &error));

  /* Ten years after closing, the old one is due; the recent one is kept. */
  due = heed_store_list_due_for_destruction (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (due->len, ==, 1);
  g_assert_cmpint (g_array_index (due, gint64, 0), ==, old_id);
  g_assert_false (heed_store_destroy_case (fixture->store,
                                           heed_record_get_id (HEED_RECORD (recent)),
                                           "Tidying up", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED);
  g_clear_error (&error);
  g_assert_false (heed_store_destroy_case (fixture->store, old_id, "  ", &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (heed_store_destroy_case (fixture->store, old_id,
                                          "Retention period over; reviewed", &error));
  g_assert_no_error (error);
  /* Gone with its entries and the person only it named; a tombstone and the trail remain. */
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM events WHERE \"case\" IS NULL "
                                           "OR \"case\" NOT IN (SELECT id FROM cases)"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM people WHERE first_name = "
                                           "'Gwen'"), ==, 0);
  g_assert_cmpint (sql_int (fixture->path, "SELECT count(*) FROM destroyed WHERE reason = "
                                           "'Retention period over; reviewed'"), ==, 1);
  g_assert_true (heed_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
}

static void
test_attention_paths (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(HeedCaseQuery) newest = heed_case_query_new ();
  g_autoptr(HeedCaseQuery) oldest = heed_case_query_new ();
  g_autoptr(GArray) fast = NULL;
  g_autoptr(GArray) full = NULL;
  g_autoptr(GError) error = NULL;
  HeedDemoOptions options;

  heed_demo_options_init (&options);
  options.n_cases = 200;
  options.seed = 5;
  g_assert_true (heed_demo_fill (fixture->store, &options, &error));
  g_assert_no_error (error);

  /* Newest first reads only the dates; oldest first reads whole rows: the same cases. */
  newest->view = oldest->view = HEED_CASE_VIEW_ATTENTION;
  newest->newest_first = TRUE;
  oldest->newest_first = FALSE;
  fast = heed_store_query_case_ids (fixture->store, newest, &error);
  full = heed_store_query_case_ids (fixture->store, oldest, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fast->len, >, 0);
  g_assert_cmpuint (fast->len, ==, full->len);
  for (guint i = 0; i < fast->len; i++)
    g_assert_cmpint (g_array_index (fast, gint64, i), ==,
                     g_array_index (full, gint64, full->len - 1 - i));
}

/* Change signals are held until the outermost commit and dropped by a rollback, so a list
 * that refreshes on them never shows a case a rollback then took away (the feedback dialog
 * saves inside a transaction of its own). */
typedef struct {
  HeedCaseListModel *model;
  guint              added;
  guint              changed;
  guint              saved;
  guint              n_items;   /* what the list showed when it was last told */
} Heard;

static void
on_heard_added_cb (HeedStore *store,
                   gint64     id,
                   Heard     *heard)
{
  g_autoptr(GError) error = NULL;

  heard->added++;
  /* As the window does: read the list again on the signal. */
  g_assert_true (heed_case_list_model_refresh (heard->model, &error));
  g_assert_no_error (error);
  heard->n_items = g_list_model_get_n_items (G_LIST_MODEL (heard->model));
}

static void
on_heard_changed_cb (HeedStore *store,
                     gint64     id,
                     Heard     *heard)
{
  heard->changed++;
}

static void
on_heard_saved_cb (HeedStore  *store,
                   HeedRecord *record,
                   Heard      *heard)
{
  heard->saved++;
}

static void
test_signals_after_commit (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeedCaseListModel) model = heed_case_list_model_new (fixture->store);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(HeedCase) kept = make_complaint ("2025-06-02T10:00:00", "Kept");
  g_autoptr(HeedCase) undone = make_complaint ("2025-06-03T10:00:00", "Undone");
  g_autoptr(HeedEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  Heard heard = { model, 0, 0, 0, 0 };

  query->newest_first = TRUE;
  g_assert_true (heed_case_list_model_set_query (model, query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect (fixture->store, "case-added", G_CALLBACK (on_heard_added_cb), &heard);
  g_signal_connect (fixture->store, "case-changed", G_CALLBACK (on_heard_changed_cb), &heard);
  g_signal_connect (fixture->store, "record-saved", G_CALLBACK (on_heard_saved_cb), &heard);

  /* Saved inside an outer transaction: nothing is said until that commits. */
  g_assert_true (heed_store_begin (fixture->store, &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (kept), &error));
  g_assert_no_error (error);
  event = heed_event_new ();
  g_object_set (event, "case", heed_record_get_id (HEED_RECORD (kept)), "kind", "note",
                "occurred-at", "2025-06-02T11:00:00", "summary", "Called back", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (event), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.added, ==, 0);
  g_assert_cmpuint (heard.changed, ==, 0);
  g_assert_cmpuint (heard.saved, ==, 0);
  g_assert_true (heed_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.added, ==, 1);
  g_assert_cmpuint (heard.changed, ==, 1);
  g_assert_cmpuint (heard.saved, ==, 2);
  g_assert_cmpuint (heard.n_items, ==, 1);

  /* Rolled back: never said, and the list does not show it. */
  g_assert_true (heed_store_begin (fixture->store, &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (undone), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (heard.added, ==, 1);
  heed_store_rollback (fixture->store);
  g_assert_cmpuint (heard.added, ==, 1);
  g_assert_cmpuint (heard.saved, ==, 2);
  g_assert_cmpuint (heard.n_items, ==, 1);
  g_assert_true (heed_case_list_model_refresh (model, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  /* A save that fails inside the outer transaction dooms it: nothing is said either. */
  g_clear_object (&undone);
  undone = make_complaint ("2025-06-04T10:00:00", "Doomed");
  g_assert_true (heed_store_begin (fixture->store, &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (undone), &error));
  g_assert_true (heed_store_begin (fixture->store, &error));
  heed_store_rollback (fixture->store);
  g_assert_false (heed_store_commit (fixture->store, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED);
  g_assert_cmpuint (heard.added, ==, 1);
  g_assert_cmpuint (heard.n_items, ==, 1);

  /* Outside any transaction a save is announced at once, as before. */
  g_clear_object (&undone);
  undone = save_complaint (fixture->store, "2025-06-05T10:00:00", "At once");
  g_assert_cmpuint (heard.added, ==, 2);
  g_assert_cmpuint (heard.n_items, ==, 2);

  g_signal_handlers_disconnect_by_data (fixture->store, &heard);
}

/* A check of @path with @options; the report, and whether it passed in @ok. */
static char *
check_file (const char              *path,
            const HeedCheckOptions  *options,
            gboolean                *ok)
{
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  *ok = heed_store_check_with (store, options, report, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  return g_string_free (g_steal_pointer (&report), FALSE);
}

static char *
check_file_any_version (const char *path,
                        gboolean   *ok)
{
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY | HEED_STORE_OPEN_ANY_VERSION,
                           &error);
  g_assert_no_error (error);
  *ok = heed_store_check (store, report, &error);
  g_assert_no_error (error);
  g_test_message ("%s", report->str);
  return g_string_free (g_steal_pointer (&report), FALSE);
}

/* The head of the trail, kept in the anchor log on close; a trail cut short behind Heed's
 * back, consistent inside the file, no longer matches it; a restore sets it aside. */
static void
test_trail_anchors (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *log = g_build_filename (fixture->dir, "anchors", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *practice_id = NULL;
  g_autofree char *report = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  HeedCheckOptions options = { .anchor_log = log, .is_practice = TRUE };
  gint64 entry = 0, before = 0;
  gboolean ok;

  practice_id = heed_store_dup_practice_id (fixture->store);
  g_assert_nonnull (practice_id);
  g_assert_cmpuint (strlen (practice_id), ==, 32);
  g_assert_true (heed_store_get_head (fixture->store, &before, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (before, >, 0);

  /* Nothing changed since it was opened: closing anchors nothing. */
  heed_store_set_anchor_log (fixture->store, log);
  g_clear_object (&fixture->store);
  g_assert_false (g_file_test (log, G_FILE_TEST_EXISTS));

  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  heed_store_set_anchor_log (fixture->store, log);
  kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Anchored");
  g_assert_true (heed_store_set_setting (fixture->store, "phone", "01632 960001", &error));
  g_assert_true (heed_store_get_head (fixture->store, &entry, &hash, &error));
  g_assert_cmpint (entry, >, before);
  g_assert_cmpuint (strlen (hash), ==, 64);
  g_clear_object (&fixture->store);

  g_assert_true (g_file_get_contents (log, &contents, NULL, &error));
  {
    g_autofree char *expected = g_strdup_printf ("%s\t", practice_id);
    g_autofree char *head = g_strdup_printf ("\t%" G_GINT64_FORMAT "\t%s\tclose\t", entry, hash);

    g_assert_true (g_str_has_prefix (contents, expected));
    g_assert_nonnull (strstr (contents, head));
    g_assert_cmpuint (strlen (contents), ==, strchr (contents, '\n') - contents + 1);
  }

  report = check_file (fixture->path, &options, &ok);
  g_assert_true (ok);
  g_assert_nonnull (strstr (report, "Compared with the anchor log"));
  g_clear_pointer (&report, g_free);

  /* The newest entry taken out with the setting it recorded: the file agrees with itself,
   * and only the anchor shows what went. */
  sql_exec (fixture->path, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id = "
                           "(SELECT max (id) FROM audit); DELETE FROM settings WHERE key = "
                           "'phone'");
  report = check_file (fixture->path, NULL, &ok);
  g_assert_true (ok);
  g_clear_pointer (&report, g_free);
  report = check_file (fixture->path, &options, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "but this file’s trail ends at entry"));
  g_clear_pointer (&report, g_free);

  /* A copy somewhere else may be older than what was anchored for the practice. */
  {
    g_autofree char *copy = g_build_filename (fixture->dir, "copy.heed", NULL);
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (fixture->path, &bytes, &length, &error));
    g_assert_true (g_file_set_contents (copy, bytes, length, &error));
    report = check_file (copy, &options, &ok);
    g_assert_true (ok);
    g_assert_nonnull (strstr (report, "set aside"));
    g_clear_pointer (&report, g_free);
  }

  /* Put in place on purpose (a restore): what was anchored beyond it is set aside. */
  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_true (heed_store_write_anchor (fixture->store, log, "restore", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->store);
  report = check_file (fixture->path, &options, &ok);
  g_assert_true (ok);
  g_assert_nonnull (strstr (report, "set aside"));
}

/* check --against: the trail extends an older copy's unchanged, or the first entry that
 * differs is named. */
static void
test_check_against (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.heed", NULL);
  g_autofree char *report = NULL;
  g_autoptr(HeedCase) first = save_complaint (fixture->store, "2025-06-03T10:00:00", "First");
  g_autoptr(HeedCase) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *older[] = { backup, NULL };
  const char *newer[] = { fixture->path, NULL };
  HeedCheckOptions options = { .older = older };
  gint64 entries = 0;
  gboolean ok;

  g_assert_true (heed_store_backup (fixture->store, backup, &error));
  g_assert_no_error (error);
  g_assert_true (heed_store_get_head (fixture->store, &entries, NULL, &error));
  second = save_complaint (fixture->store, "2025-06-04T10:00:00", "Second");
  g_clear_object (&fixture->store);

  report = check_file (fixture->path, &options, &ok);
  g_assert_true (ok);
  {
    g_autofree char *expected = g_strdup_printf ("this trail begins with its %" G_GINT64_FORMAT
                                                 " audit entries, unchanged", entries);

    g_assert_nonnull (strstr (report, expected));
  }
  g_clear_pointer (&report, g_free);

  /* The backup does not hold what the file holds after it. */
  options.older = newer;
  report = check_file (backup, &options, &ok);
  g_assert_false (ok);
  {
    g_autofree char *expected = g_strdup_printf ("differs from it at entry %" G_GINT64_FORMAT,
                                                 entries + 1);

    g_assert_nonnull (strstr (report, expected));
  }
  g_clear_pointer (&report, g_free);

  /* An entry of the older copy rewritten: named. */
  sql_exec (backup, "DROP TRIGGER audit_no_update; UPDATE audit SET hash = 'x' WHERE id = 3");
  options.older = older;
  report = check_file (fixture->path, &options, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "differs from it at entry 3,"));
  g_clear_pointer (&report, g_free);

  /* Something that is no practice file cannot be compared with. */
  {
    g_autofree char *junk = g_build_filename (fixture->dir, "junk.heed", NULL);
    g_autoptr(HeedStore) store = NULL;
    g_autoptr(GString) text = g_string_new (NULL);
    const char *bad[] = { junk, NULL };
    HeedCheckOptions junk_options = { .older = bad };

    g_assert_true (g_file_set_contents (junk, "not a practice", -1, &error));
    store = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY, &error);
    g_assert_false (heed_store_check_with (store, &junk_options, text, &error));
    g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID);
  }
}

/* A case taken out of the search index is seen by the check and found again after a
 * rebuild. */
static void
test_rebuild_search_index (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(HeedCase) kase = save_complaint (fixture->store, "2025-06-03T10:00:00",
                                             "Leaking waiting room roof");
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *statement = NULL;
  gboolean ok;

  query->search = g_strdup ("leaking");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
  g_clear_object (&fixture->store);
  statement = g_strdup_printf ("DELETE FROM case_search WHERE rowid = %" G_GINT64_FORMAT,
                               heed_record_get_id (HEED_RECORD (kase)));
  sql_exec (fixture->path, statement);

  report = check_file (fixture->path, NULL, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "is missing from the search index"));
  g_clear_pointer (&report, g_free);

  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 0);
  g_assert_true (heed_store_rebuild_search_index (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
  g_clear_object (&fixture->store);
  report = check_file (fixture->path, NULL, &ok);
  g_assert_true (ok);

  /* Read-only, nothing is rebuilt. */
  fixture->store = heed_store_open (fixture->path, HEED_STORE_OPEN_READ_ONLY, &error);
  g_assert_false (heed_store_rebuild_search_index (fixture->store, &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY);
}

/* A file of schema version 4 is given its baseline when it is migrated: its settings, risk
 * matrix and counters as they were are covered from then on, and its trail refuses DELETE. */
static void
test_migration_baseline (void)
{
  const char *const old[] = { "0001-initial", "0002-form-drafts", "0003-audit-by-record",
                              "0004-cases-by-date" };
  g_autofree char *dir = heed_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "version-4.heed", NULL);
  g_autofree char *report = NULL;
  g_autofree char *practice_id = NULL;
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  for (guint i = 0; i < G_N_ELEMENTS (old); i++)
    {
      g_autofree char *name = g_strdup_printf (RESOURCE_BASE "/core/migrations/%s.sql", old[i]);
      g_autoptr(GBytes) sql = g_resources_lookup_data (name, 0, &error);

      g_assert_no_error (error);
      sql_exec (path, g_bytes_get_data (sql, NULL));
    }
  sql_exec (path, "INSERT INTO settings VALUES ('name', 'Old Surgery'), ('nation', 'wales'); "
                  "INSERT INTO risk_matrix VALUES ('high', 'likely', 'high'); "
                  "INSERT INTO reference_counters VALUES ('C-2020-', 4); "
                  "PRAGMA application_id = 1212499268; PRAGMA user_version = 4");

  /* A backup an earlier Heed made: checked as it is, and restored, then migrated. */
  {
    g_autofree char *restored = g_build_filename (dir, "restored.heed", NULL);
    g_autoptr(HeedStore) old_store = NULL;

    g_assert_true (heed_store_check_backup (path, &error));
    g_assert_no_error (error);
    report = check_file_any_version (path, &ok);
    g_assert_true (ok);
    g_assert_nonnull (strstr (report, "written by an earlier Heed (file version 4)"));
    g_clear_pointer (&report, g_free);
    g_assert_true (heed_store_restore (path, restored, FALSE, &error));
    g_assert_no_error (error);
    old_store = heed_store_open (restored, HEED_STORE_OPEN_DEFAULT, &error);
    g_assert_no_error (error);
    g_assert_cmpint (heed_store_get_schema_version (old_store), ==, HEED_STORE_SCHEMA_VERSION);
  }

  store = heed_store_open (path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (heed_store_get_schema_version (store), ==, HEED_STORE_SCHEMA_VERSION);
  practice_id = heed_store_dup_practice_id (store);
  g_assert_nonnull (practice_id);
  g_clear_object (&store);

  report = check_file (path, NULL, &ok);
  g_assert_true (ok);
  g_clear_pointer (&report, g_free);
  sql_exec_refused (path, "DELETE FROM audit", "the audit trail cannot be changed");

  sql_exec (path, "UPDATE settings SET value = 'england' WHERE key = 'nation'");
  report = check_file (path, NULL, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "The setting “nation” was changed outside Heed"));
  g_clear_pointer (&report, g_free);
  sql_exec (path, "UPDATE settings SET value = 'wales' WHERE key = 'nation'; "
                  "UPDATE reference_counters SET last = 2");
  report = check_file (path, NULL, &ok);
  g_assert_false (ok);
  g_assert_nonnull (strstr (report, "The reference counter for C-2020- was changed outside "
                                    "Heed: it says 2, where the audit trail and the records "
                                    "account for 4."));
  heed_test_remove_dir (dir);
}

/* The newest backup in a folder that passes its check. */
static void
test_find_clean_backup (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *written = NULL;
  g_autofree char *found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_null (heed_store_find_clean_backup (fixture->store, folder));
  g_assert_null (heed_store_find_clean_backup (fixture->store, NULL));
  g_assert_true (heed_store_backup_to_folder (fixture->store, folder, 0, &written, &error));
  g_assert_no_error (error);
  found = heed_store_find_clean_backup (fixture->store, folder);
  g_assert_cmpstr (found, ==, written);
  sql_exec (written, "UPDATE settings SET value = 'scotland' WHERE key = 'nation'");
  g_assert_null (heed_store_find_clean_backup (fixture->store, folder));
}

/* Another seat's changes: heard on this one without reopening (LISTEN/NOTIFY). */
typedef struct {
  gint64 added;
  gint64 changed;
} Overheard;

static void
on_overheard_added_cb (HeedStore *store,
                       gint64     id,
                       Overheard *heard)
{
  heard->added = id;
}

static void
on_overheard_changed_cb (HeedStore *store,
                         gint64     id,
                         Overheard *heard)
{
  heard->changed = id;
}

/* Runs the main context until @value is set; a bound of many seconds, never a timing test. */
static void
wait_for (gint64 *value)
{
  for (guint i = 0; *value == 0 && i < 3000; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (*value == 0)
        g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
}

static void
test_other_seats_live (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(HeedStore) reception = NULL;
  g_autoptr(HeedCase) kase = NULL;
  g_autoptr(HeedCaseListModel) managers_list = heed_case_list_model_new (fixture->store);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;
  Overheard heard = { 0, 0 };
  guint before;

  g_assert_true (heed_case_list_model_set_query (managers_list, query, &error));
  g_assert_no_error (error);
  before = g_list_model_get_n_items (G_LIST_MODEL (managers_list));
  g_signal_connect (fixture->store, "case-added", G_CALLBACK (on_overheard_added_cb), &heard);
  g_signal_connect (fixture->store, "case-changed", G_CALLBACK (on_overheard_changed_cb), &heard);

  /* Reception, at another seat, logs a call. */
  reception = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  kase = save_complaint (reception, "2025-06-02T10:00:00", "Logged at reception");
  wait_for (&heard.added);
  g_assert_cmpint (heard.added, ==, heed_record_get_id (HEED_RECORD (kase)));
  g_assert_true (heed_case_list_model_refresh (managers_list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (managers_list)), ==, before + 1);

  /* And changes it: the manager's open page hears of it. */
  heard.changed = 0;
  g_object_set (kase, "summary", "Logged at reception, then corrected", NULL);
  g_assert_true (heed_store_save (reception, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
  wait_for (&heard.changed);
  g_assert_cmpint (heard.changed, ==, heed_record_get_id (HEED_RECORD (kase)));

  /* Its own changes are not heard again as another seat's. */
  heard.added = 0;
  g_clear_object (&kase);
  kase = save_complaint (fixture->store, "2025-06-03T10:00:00", "Logged in the office");
  g_assert_cmpint (heard.added, ==, heed_record_get_id (HEED_RECORD (kase)));
  heard.added = 0;
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10 * G_TIME_SPAN_MILLISECOND);
    }
  g_assert_cmpint (heard.added, ==, 0);
}

/* Two seats (or two windows) with one case open: the second save over the first is refused,
 * naming who changed it and when, and nothing of either is lost. On a server the second seat
 * is a connection of its own; a file has one writer, so there it is a second copy read from
 * the same store. */
static void
test_changed_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(HeedStore) office = NULL;
  g_autoptr(HeedCase) logged = NULL;
  g_autoptr(HeedCase) at_reception = NULL;
  g_autoptr(HeedCase) in_office = NULL;
  g_autoptr(HeedCase) stored = NULL;
  g_autoptr(HeedPerson) person = heed_person_new ();
  g_autoptr(HeedPerson) person_again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = NULL;
  HeedStore *reception = fixture->store;
  gint64 id;

  logged = save_complaint (reception, "2025-06-02T10:00:00", "Logged at reception");
  id = heed_record_get_id (HEED_RECORD (logged));
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (logged)), ==, 1);
  if (heed_test_on_server ())
    {
      office = heed_store_open (fixture->path, HEED_STORE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
    }
  else
    office = g_object_ref (reception);

  at_reception = heed_store_load (reception, HEED_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  in_office = heed_store_load (office, HEED_TYPE_CASE, id, &error);
  g_assert_no_error (error);

  /* The manager saves first. */
  heed_store_set_staff_name (office, "Morgan Manager");
  g_object_set (in_office, "summary", "Manager's summary", NULL);
  g_assert_true (heed_store_save (office, HEED_RECORD (in_office), &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (in_office)), ==, 2);

  /* Reception's save over it is refused, naming the manager; what reception typed stays in
   * its copy, and the stored case is the manager's. */
  heed_store_set_staff_name (reception, "Rhian Reception");
  g_object_set (at_reception, "summary", "Reception's summary", NULL);
  g_assert_false (heed_store_save (reception, HEED_RECORD (at_reception), &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE);
  g_assert_nonnull (strstr (error->message, "Morgan Manager"));
  g_clear_error (&error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (at_reception), HEED_CASE_SUMMARY), ==,
                   "Reception's summary");
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (at_reception)), ==, 1);
  stored = heed_store_load (reception, HEED_TYPE_CASE, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (heed_record_get_text (HEED_RECORD (stored), HEED_CASE_SUMMARY), ==,
                   "Manager's summary");
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (stored)), ==, 2);

  /* Read again, reception's change goes in over the manager's, knowingly. */
  g_object_set (stored, "summary", "Reception's summary", NULL);
  g_assert_true (heed_store_save (reception, HEED_RECORD (stored), &error));
  g_assert_no_error (error);
  g_assert_cmpint (heed_record_get_version (HEED_RECORD (stored)), ==, 3);
  /* The manager's copy is now the stale one. */
  heed_store_set_staff_name (office, "Morgan Manager");
  g_object_set (in_office, "summary", "Manager again", NULL);
  g_assert_false (heed_store_save (office, HEED_RECORD (in_office), &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE);
  g_assert_nonnull (strstr (error->message, "Rhian Reception"));
  g_clear_error (&error);

  /* Every kind of record, not only cases: a person. */
  g_object_set (person, "first-name", "Ann", "last-name", "Jones", NULL);
  g_assert_true (heed_store_save (reception, HEED_RECORD (person), &error));
  g_assert_no_error (error);
  person_again = heed_store_load (office, HEED_TYPE_PERSON,
                                  heed_record_get_id (HEED_RECORD (person)), &error);
  g_assert_no_error (error);
  g_object_set (person_again, "phone", "01234 567890", NULL);
  g_assert_true (heed_store_save (office, HEED_RECORD (person_again), &error));
  g_object_set (person, "last-name", "Jones-Evans", NULL);
  g_assert_false (heed_store_save (reception, HEED_RECORD (person), &error));
  g_assert_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE);
  g_clear_error (&error);

  /* A refused save is a save that did not happen: the trail checks. */
  g_clear_object (&office);
  report = g_string_new (NULL);
  g_assert_true (heed_store_check (reception, report, &error));
  g_assert_no_error (error);
}

/* A case's search document names the person complaining and the person affected; a change to
 * either that does not touch their names (a new phone number) leaves the index as check
 * expects it. On a server the names once came in the order the rows lay, which such a change
 * altered, and check then took the index for one changed outside Heed. */
static void
test_search_names_stay_checked (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(HeedPerson) complainant = heed_person_new ();
  g_autoptr(HeedPerson) affected = heed_person_new ();
  g_autoptr(HeedCase) kase = make_complaint ("2025-06-02T10:00:00", "Missed diagnosis");
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(HeedCaseQuery) query = heed_case_query_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (complainant, "first-name", "Amanda", "last-name", "Kowalski", NULL);
  g_object_set (affected, "first-name", "Lily", "last-name", "Kowalski", NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (complainant), &error));
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (affected), &error));
  g_object_set (kase, "complainant", heed_record_get_id (HEED_RECORD (complainant)), "affected",
                heed_record_get_id (HEED_RECORD (affected)), NULL);
  g_assert_true (heed_store_save (fixture->store, HEED_RECORD (kase), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *phone = g_strdup_printf ("01632 96000%u", i);

      g_object_set (complainant, "phone", phone, NULL);
      g_assert_true (heed_store_save (fixture->store, HEED_RECORD (complainant), &error));
      g_assert_no_error (error);
    }
  g_assert_true (heed_store_check (fixture->store, report, &error));
  g_assert_no_error (error);
  query->search = g_strdup ("lily");
  g_assert_cmpint (heed_store_count_cases (fixture->store, query, NULL), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (heed_test_server_missing ("/core/store/on-a-server"))
    return g_test_run ();

/* Every test runs on a practice file; those not about the file itself on a server too
 * (HEED_TEST_ENGINE=postgres). */
#define ADD(path, func) \
  g_test_add ("/core/store/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
#define ADD_FILE(path, func) \
  if (!heed_test_on_server ()) ADD (path, func)
/* The tests that tamper with the practice do it with a file's own SQL (its triggers, FTS5's
 * rowid, blobs): on a server the trail's triggers refuse such changes to any Heed role, and
 * tampering as the database's owner is tested with the append-only trail. */
#define ADD_SERVER(path, func) \
  if (heed_test_on_server ()) ADD (path, func)

  ADD ("create", test_create);
  ADD ("signals-after-commit", test_signals_after_commit);
  ADD_SERVER ("other-seats-live", test_other_seats_live);
  ADD ("wal-and-foreign-keys", test_wal_and_foreign_keys);
  if (!heed_test_on_server ())
    g_test_add_func ("/core/store/refusals", test_refusals);
  ADD_FILE ("lock", test_lock);
  ADD_FILE ("read-only-permission", test_read_only_permission);
  if (!heed_test_on_server ())
    g_test_add_func ("/core/store/migration-backup", test_migration_backup);
  ADD ("backup-restore", test_backup_restore);
  ADD ("references", test_references);
  ADD ("changed-elsewhere", test_changed_elsewhere);
  ADD ("status-machine", test_status_machine);
  ADD ("delete-draft", test_delete_draft);
  ADD ("search", test_search);
  ADD ("search-names-stay-checked", test_search_names_stay_checked);
  ADD_FILE ("audit-tamper", test_audit_tamper);
  ADD_FILE ("audit-attachments", test_audit_attachments);
  ADD ("setting-rolled-back", test_setting_rolled_back);
  ADD ("bad-inputs", test_bad_inputs);
  ADD ("form-drafts", test_form_drafts);
  ADD ("sort", test_sort);
  ADD ("logo", test_logo);
  ADD ("backup-folder", test_backup_folder);
  ADD ("undo-status", test_undo_status);
  ADD ("oral-close", test_oral_close);
  ADD ("list-model", test_list_model);
  ADD ("case-staff", test_case_staff);
  ADD ("categories", test_categories);
  ADD ("retention", test_retention);
  ADD ("attention-paths", test_attention_paths);
  ADD_FILE ("trail-anchors", test_trail_anchors);
  ADD ("check-against", test_check_against);
  ADD_FILE ("rebuild-search-index", test_rebuild_search_index);
  if (!heed_test_on_server ())
    g_test_add_func ("/core/store/migration-baseline", test_migration_baseline);
  ADD ("find-clean-backup", test_find_clean_backup);

  return g_test_run ();
}
