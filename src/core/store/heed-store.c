/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-core-resources.h"
#include "heed-db-migrations.h"
#include "heed-db-private.h"
#include "heed-safe-output.h"
#include "heed-store-duties.h"
#include "heed-store-private.h"
#include "heed-validate.h"

/* The practice: a practice file (SQLite) or a database on a PostgreSQL server, reached
 * through one connection (heed-db.h) whichever it is. This file opens, creates, migrates,
 * backs up and restores it; records, cases and the audit trail have files of their own. */

G_DEFINE_QUARK (heed-store-error-quark, heed_store_error)
G_DEFINE_FINAL_TYPE (HeedStore, heed_store, G_TYPE_OBJECT)

guint _heed_store_signals[N_SIGNALS];

/* Each migration's resource, and the statement that records its version (PRAGMA takes no
 * bound parameters, so the statement is written out rather than formatted). */
static const struct {
  const char *resource;
  const char *set_version;
} migrations[] = {
  { RESOURCE_BASE "/core/migrations/0001-initial.sql", "PRAGMA user_version = 1" },
  { RESOURCE_BASE "/core/migrations/0002-form-drafts.sql", "PRAGMA user_version = 2" },
  { RESOURCE_BASE "/core/migrations/0003-audit-by-record.sql", "PRAGMA user_version = 3" },
  { RESOURCE_BASE "/core/migrations/0004-cases-by-date.sql", "PRAGMA user_version = 4" },
  { RESOURCE_BASE "/core/migrations/0005-trail-anchors.sql", "PRAGMA user_version = 5" },
  { RESOURCE_BASE "/core/migrations/0006-care-and-rules.sql", "PRAGMA user_version = 6" },
  { RESOURCE_BASE "/core/migrations/0007-record-versions.sql", "PRAGMA user_version = 7" },
  { RESOURCE_BASE "/core/migrations/0008-duties.sql", "PRAGMA user_version = 8" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HEED_STORE_SCHEMA_VERSION);

/* Where the seats of a server practice tell each other of their changes. */
#define HEED_STORE_CHANGES_CHANNEL "heed_changes"

static const char sqlite_magic[16] = "SQLite format 3";

void
heed_case_row_free (HeedCaseRow *row)
{
  if (row == NULL)
    return;
  g_free (row->reference);
  g_free (row->kind);
  g_free (row->channel);
  g_free (row->status);
  g_free (row->received);
  g_free (row->name);
  g_free (row->summary);
  g_free (row->seriousness);
  g_free (row->likelihood);
  g_free (row->risk);
  g_free (row->subject);
  g_free (row->acknowledged_on);
  g_free (row->agreed_response_date);
  g_free (row->responded_on);
  g_free (row->closed_on);
  g_free (row->stage2_on);
  g_free (row->track);
  g_free (row);
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
heed_store_dispose (GObject *object)
{
  heed_store_close (HEED_STORE (object));

  G_OBJECT_CLASS (heed_store_parent_class)->dispose (object);
}

static void
heed_store_finalize (GObject *object)
{
  HeedStore *self = HEED_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->class_sql, g_hash_table_unref);
  g_clear_pointer (&self->risk, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->holder, heed_lock_holder_free);
  g_free (self->path);
  g_free (self->seat);
  g_clear_pointer (&self->location, heed_location_unref);
  g_free (self->last_backup);
  g_free (self->staff_name);
  g_free (self->signed_in_role);
  g_free (self->last_hash);
  g_free (self->anchor_log);
  g_free (self->anchored_hash);

  G_OBJECT_CLASS (heed_store_parent_class)->finalize (object);
}

static void
heed_store_class_init (HeedStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = heed_store_dispose;
  object_class->finalize = heed_store_finalize;

  /* Referencing the resource links it in from the static library, which registers it. */
  g_assert (heed_core_get_resource () != NULL);

  /**
   * HeedStore::record-saved:
   * A record (case, person, event…) was added or changed.
   */
  _heed_store_signals[SIGNAL_RECORD_SAVED] =
    g_signal_new ("record-saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, HEED_TYPE_RECORD);
  _heed_store_signals[SIGNAL_CASE_ADDED] =
    g_signal_new ("case-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  _heed_store_signals[SIGNAL_CASE_CHANGED] =
    g_signal_new ("case-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  _heed_store_signals[SIGNAL_CASE_REMOVED] =
    g_signal_new ("case-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
heed_store_init (HeedStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, finalize_statement);
  self->class_sql = g_hash_table_new_full (NULL, NULL, NULL, _heed_store_class_sql_free);
  self->risk = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->last_hash = g_strdup ("");
}

/* Helpers shared by the store's files. */

void
_heed_store_set_sqlite_error (HeedStore  *self,
                              int         rc,
                              GError    **error)
{
  int primary = rc & 0xff;
  const char *detail = self != NULL && self->db != NULL ? sqlite3_errmsg (self->db)
                                                       : sqlite3_errstr (rc);

  switch (primary)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                   _("The practice file is damaged (%s). Restore it from a backup."), detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The disk is full, so nothing was saved. Make some room and try again."));
      break;
    case SQLITE_READONLY:
      /* Even reading needs the small working files beside a practice file (-wal, -shm); in a
       * folder nobody may write to, SQLite cannot make them. Saying "nothing was saved" to
       * someone who only wanted to look would be wrong. */
      if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                       _("Heed cannot open the practice file in this folder, because it may "
                         "not make its working files beside it. Copy the file to a folder you "
                         "may write to, or ask for permission to write to this one."));
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Heed may not write to the practice file (%s), so nothing was saved."),
                   detail);
      break;
    case SQLITE_IOERR:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The practice file could not be read or written (%s). Nothing was saved."),
                   detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_LOCKED,
                   _("The practice file is busy. Try again in a moment."));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("This change is not allowed: %s."), detail);
      break;
    default:
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice file gave an error: %s."), detail);
      break;
    }
}

gboolean
_heed_store_is_server (HeedStore *self)
{
  return self->location != NULL && heed_location_is_server (self->location);
}

HeedDbStatement *
_heed_store_query (HeedStore   *self,
                   const char  *sql,
                   GError     **error)
{
  if (self->conn == NULL || !heed_db_is_open (self->conn))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice is closed."));
      return NULL;
    }
  return heed_db_prepare (self->conn, sql, error);
}

gboolean
_heed_store_run (HeedDbStatement  *stmt,
                 GError          **error)
{
  gboolean done = heed_db_statement_execute (stmt, error);

  heed_db_statement_reset (stmt);
  return done;
}

sqlite3_stmt *
_heed_store_prepare (HeedStore   *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->db == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice file is closed."));
      return NULL;
    }

  /* Statements are cached by the address of their text, which is a constant or a string the
   * store keeps, so each is prepared once per store. */
  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _heed_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
_heed_store_exec (HeedStore   *self,
                  const char  *sql,
                  GError     **error)
{
  if (self->conn == NULL || !heed_db_is_open (self->conn))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice is closed."));
      return FALSE;
    }
  return heed_db_exec (self->conn, sql, error);
}

void
_heed_store_bind_text (sqlite3_stmt *stmt,
                       const char   *name,
                       const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_return_if_fail (index > 0);
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

void
_heed_store_bind_int (sqlite3_stmt *stmt,
                      const char   *name,
                      gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  g_return_if_fail (index > 0);
  sqlite3_bind_int64 (stmt, index, value);
}

char *
_heed_store_column_dup (sqlite3_stmt *stmt,
                        int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

char *
_heed_store_now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
}

void
_heed_store_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_time_t (today, time (NULL));
}

gboolean
_heed_store_check_writable (HeedStore  *self,
                            GError    **error)
{
  if (self->conn == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice file is closed."));
      return FALSE;
    }
  if (self->read_only)
    {
      if (_heed_store_is_server (self))
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                     _("The practice is open read-only. Nothing can be changed."));
      else if (self->not_permitted)
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                     _("The practice file is open read-only because you may not write to it. "
                       "Nothing can be changed; ask for permission to change it."));
      else if (self->holder != NULL)
        {
          g_autofree char *who = heed_lock_holder_describe (self->holder);

          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                       _("The practice file is open read-only because it is in use by %s. "
                         "Nothing can be changed until they close it."),
                       who);
        }
      else
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                     _("The practice file is open read-only. Nothing can be changed."));
      return FALSE;
    }
  return TRUE;
}

/* Transactions nest: only the outermost begin and commit reach SQLite, and any failure inside
 * makes the outer commit roll everything back, so a change is saved whole or not at all. */

/* What the store keeps in memory from the file: read again after a rollback, which may have
 * undone a change to the nation or the risk matrix made inside the transaction. */
static void
load_cached_settings (HeedStore *self)
{
  g_autofree char *nation_id = heed_store_dup_setting (self, "nation");
  HeedNation nation = HEED_NATION_ENGLAND;

  heed_nation_from_id (nation_id, &nation);
  if (self->calendar == NULL || heed_calendar_get_nation (self->calendar) != nation)
    {
      g_clear_object (&self->calendar);
      self->calendar = heed_calendar_new (nation);
    }
}

/* Change signals wait for the outermost commit, so that nobody is told of a change that a
 * rollback then undoes (a list showing a case that does not exist). */
typedef struct {
  guint       signal;
  HeedRecord *record;
  gint64      id;
} PendingSignal;

static void
pending_signal_clear (gpointer data)
{
  PendingSignal *pending = data;

  g_clear_object (&pending->record);
}

static void
emit_now (HeedStore     *self,
          PendingSignal *pending)
{
  if (pending->signal == SIGNAL_RECORD_SAVED)
    g_signal_emit (self, _heed_store_signals[pending->signal], 0, pending->record);
  else
    g_signal_emit (self, _heed_store_signals[pending->signal], 0, pending->id);
}

void
_heed_store_announce (HeedStore  *self,
                      guint       signal,
                      HeedRecord *record,
                      gint64      id)
{
  PendingSignal pending = { signal, record, id };

  g_return_if_fail (signal < N_SIGNALS);

  /* Other seats are told in the same transaction: the server delivers it at the commit, and
   * not at all if the change is rolled back. */
  if (self->changes != NULL && signal != SIGNAL_RECORD_SAVED)
    {
      g_autofree char *payload = g_strdup_printf ("%s %u %" G_GINT64_FORMAT, self->seat,
                                                  signal, id);
      g_autoptr(GError) local_error = NULL;

      if (!heed_db_notify (self->conn, HEED_STORE_CHANGES_CHANNEL, payload, &local_error))
        g_debug ("Other seats were not told of a change: %s", local_error->message);
    }

  if (self->depth == 0)
    {
      emit_now (self, &pending);
      return;
    }
  /* Nobody to tell now, nobody to tell at the commit (a demo of 100,000 cases, an import):
   * nothing is held, so a long transaction does not keep every record it saved. */
  if (!g_signal_has_handler_pending (self, _heed_store_signals[signal], 0, TRUE))
    return;
  if (self->pending == NULL)
    {
      self->pending = g_array_new (FALSE, FALSE, sizeof (PendingSignal));
      g_array_set_clear_func (self->pending, pending_signal_clear);
    }
  if (record != NULL)
    pending.record = g_object_ref (record);
  g_array_append_val (self->pending, pending);
}

/* After the outermost commit: the held signals, in the order the changes were made. A handler
 * may open a transaction of its own, whose signals then wait for its commit. */
static void
flush_pending (HeedStore *self)
{
  g_autoptr(GArray) pending = g_steal_pointer (&self->pending);

  if (pending == NULL)
    return;
  g_object_ref (self);
  for (guint i = 0; i < pending->len; i++)
    emit_now (self, &g_array_index (pending, PendingSignal, i));
  g_object_unref (self);
}

static void
drop_pending (HeedStore *self)
{
  g_clear_pointer (&self->pending, g_array_unref);
}

void
heed_store_announce_case_added (HeedStore *self,
                                gint64     case_id)
{
  g_return_if_fail (HEED_IS_STORE (self));
  g_return_if_fail (case_id > 0);

  _heed_store_announce (self, SIGNAL_CASE_ADDED, NULL, case_id);
}

static void
roll_back (HeedStore *self)
{
  drop_pending (self);
  if (self->conn != NULL && heed_db_get_transaction_depth (self->conn) > 0)
    heed_db_rollback (self->conn);
  _heed_store_load_last_hash (self, NULL);
  _heed_store_load_risk (self, NULL);
  load_cached_settings (self);
}

gboolean
heed_store_begin (HeedStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  if (self->depth == 0)
    {
      if (!heed_db_begin (self->conn, HEED_DB_BEGIN_WRITE, error))
        return FALSE;
      /* On a server every change is written to the trail: the trail's lock comes first, before
       * any row's, so that two seats' changes wait in turn and never for each other. */
      if (_heed_store_is_server (self) && !heed_db_lock_trail (self->conn, error))
        {
          heed_db_rollback (self->conn);
          return FALSE;
        }
      self->failed = FALSE;
    }
  self->depth++;
  return TRUE;
}

gboolean
heed_store_commit (HeedStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (self->failed)
    {
      roll_back (self);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("A step of this change failed, so none of it was saved."));
      return FALSE;
    }
  if (!heed_db_commit (self->conn, error))
    {
      roll_back (self);
      return FALSE;
    }
  flush_pending (self);
  return TRUE;
}

void
heed_store_rollback (HeedStore *self)
{
  g_return_if_fail (HEED_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    {
      self->failed = TRUE;
      return;
    }
  roll_back (self);
}

/* Opening */

typedef struct {
  gboolean is_sqlite;
  guint32  application_id;
  guint32  user_version;
} FileHeader;

static guint32
read_be32 (const guint8 *bytes)
{
  return ((guint32) bytes[0] << 24) | ((guint32) bytes[1] << 16) | ((guint32) bytes[2] << 8)
         | (guint32) bytes[3];
}

/* Reads the SQLite header without SQLite, so a file we refuse is not touched at all. */
static gboolean
read_header (const char  *path,
             FileHeader  *header,
             GError     **error)
{
  guint8 bytes[100];
  struct stat info;
  ssize_t n;
  int fd;

  memset (header, 0, sizeof *header);
  /* Non-blocking: a pipe put where the practice should be is refused at once, not waited on. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == ENOENT)
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND,
                     _("There is no practice file at “%s”."), path);
      else
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                     _("The practice file could not be read: %s."), g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                   _("“%s” is a folder, a pipe or a device, not a practice file."), path);
      return FALSE;
    }
  n = read (fd, bytes, sizeof bytes);
  close (fd);

  if (n == (ssize_t) sizeof bytes && memcmp (bytes, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      header->is_sqlite = TRUE;
      header->user_version = read_be32 (bytes + 60);
      header->application_id = read_be32 (bytes + 68);
    }
  return TRUE;
}

static gboolean
check_header (const char        *path,
              const FileHeader  *header,
              GError           **error)
{
  if (!header->is_sqlite)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                   _("“%s” is not a Heed practice file."), path);
      return FALSE;
    }
  if (header->application_id != HEED_STORE_APPLICATION_ID)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                   _("“%s” is a database, but not a Heed practice file."), path);
      return FALSE;
    }
  if (header->user_version > HEED_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_TOO_NEW,
                   _("This practice file was saved by a newer version of Heed (file version "
                     "%u; this Heed reads up to %d). Update Heed to open it; the file has not "
                     "been changed."),
                   header->user_version, HEED_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* HEED_DEBUG_SQL=1: every statement and how long it took, on standard error, to see where
 * the time goes in a large practice. */
static int
trace_statement_cb (unsigned int  type,
                    void         *context,
                    void         *statement,
                    void         *nanoseconds)
{
  char *sql = sqlite3_expanded_sql (statement);

  g_printerr ("heed-sql: %8.2f ms  %s\n", *(sqlite3_int64 *) nanoseconds / 1e6,
              sql != NULL ? sql : sqlite3_sql (statement));
  sqlite3_free (sql);
  return 0;
}

/* The connection to the file at @path (which exists: heed_store_create() made it). */
static gboolean
open_connection (HeedStore   *self,
                 const char  *path,
                 gboolean     read_only,
                 GError     **error)
{
  g_autoptr(HeedLocation) location = heed_location_new_for_path (path);

  self->conn = heed_db_open (location, read_only ? HEED_DB_OPEN_READ_ONLY : HEED_DB_OPEN_DEFAULT,
                             error);
  if (self->conn == NULL)
    return FALSE;
  self->db = _heed_db_sqlite_get_handle (self->conn);
  if (g_getenv ("HEED_DEBUG_SQL") != NULL)
    sqlite3_trace_v2 (self->db, SQLITE_TRACE_PROFILE, trace_statement_cb, NULL);
  return TRUE;
}

static gboolean
apply_migrations (HeedStore  *self,
                  int         from_version,
                  GError    **error)
{
  for (int version = from_version; version < HEED_STORE_SCHEMA_VERSION; version++)
    {
      g_autoptr(GBytes) sql = NULL;
      g_autoptr(GError) local_error = NULL;

      sql = g_resources_lookup_data (migrations[version].resource, 0, &local_error);
      if (sql == NULL)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                       _("Heed is missing its own migration %d: %s"), version + 1,
                       local_error->message);
          return FALSE;
        }
      if (!_heed_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Version 5 begins to cover the small tables (heed-store-check.c): what they hold
       * now is the trail's baseline for them. */
      if (!_heed_store_exec (self, g_bytes_get_data (sql, NULL), error)
          || (version + 1 == 5 && !_heed_store_audit_baseline (self, error))
          || !_heed_store_exec (self, migrations[version].set_version, error))
        {
          _heed_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      if (!_heed_store_exec (self, "COMMIT", error))
        {
          _heed_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
      self->schema_version = version + 1;
    }
  /* The statements made for records follow the schema (heed-store-records.c). */
  g_hash_table_remove_all (self->class_sql);
  return TRUE;
}

typedef enum {
  COPY_QUICK = 0,        /* the copy as it is (before a migration, which cannot wait) */
  COPY_CHECKED = 1 << 0, /* the copy passes heed_store_check() before it is put in place */
  COPY_OVER_PRACTICE = 1 << 1,
} CopyFlags;

static gboolean
copy_database (sqlite3     *source,
               const char  *destination,
               CopyFlags    flags,
               GError     **error);

static gboolean
migrate (HeedStore  *self,
         GError    **error)
{
  g_autofree char *backup = NULL;

  if (self->schema_version >= HEED_STORE_SCHEMA_VERSION)
    return TRUE;

  /* A copy first, so a migration that goes wrong can never cost the practice its records. */
  backup = g_strdup_printf ("%s.before-v%d.heed", self->path, HEED_STORE_SCHEMA_VERSION);
  /* An earlier attempt's copy holds the same records: it is replaced. */
  if (!copy_database (self->db, backup, COPY_QUICK | COPY_OVER_PRACTICE, error))
    return FALSE;
  g_free (self->last_backup);
  self->last_backup = g_steal_pointer (&backup);

  return apply_migrations (self, self->schema_version, error);
}

/* Reads the schema and the small tables every session needs, so a damaged file is refused at
 * the door. A full check reads every page, which at 100,000 cases takes seconds: that is
 * heed-cli check's job, not every open's. */
static gboolean
probe_readable (HeedStore  *self,
                GError    **error)
{
  const char *probes[] = {
    "SELECT count(*) FROM sqlite_schema",
    "SELECT count(*), max(length(value)) FROM settings",
    "SELECT count(*) FROM risk_matrix",
    "SELECT count(*) FROM categories",
  };

  for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      /* Before the first migration there are no tables to read. */
      if (i > 0 && self->schema_version == 0)
        break;
      rc = sqlite3_prepare_v2 (self->db, probes[i], -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            ;
          sqlite3_finalize (stmt);
        }
      if (rc != SQLITE_DONE)
        {
          if ((rc & 0xff) == SQLITE_ERROR)
            g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                         _("The practice file is damaged (%s). Restore it from a backup."),
                         sqlite3_errmsg (self->db));
          else
            _heed_store_set_sqlite_error (self, rc, error);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
read_pragma_int (HeedStore   *self,
                 const char  *sql,
                 int         *value,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        *value = sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      _heed_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
finish_open (HeedStore  *self,
             GError    **error)
{
  int application_id = 0;

  if (!read_pragma_int (self, "PRAGMA application_id", &application_id, error)
      || !read_pragma_int (self, "PRAGMA user_version", &self->schema_version, error)
      || !probe_readable (self, error))
    return FALSE;

  /* The header said so too, but a file can change between the two reads. */
  if ((guint32) application_id != HEED_STORE_APPLICATION_ID
      || self->schema_version > HEED_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                   _("“%s” is not a Heed practice file this Heed can open."), self->path);
      return FALSE;
    }

  if (!self->read_only)
    {
      if (!_heed_store_exec (self, "PRAGMA journal_mode = WAL", error)
          || !_heed_store_exec (self, "PRAGMA synchronous = FULL", error)
          || !migrate (self, error))
        return FALSE;
    }
  else if (self->schema_version < HEED_STORE_SCHEMA_VERSION && !self->any_version)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                   _("This practice file needs updating to this version of Heed, which cannot "
                     "be done while it is open read-only."));
      return FALSE;
    }

  if (!_heed_store_load_last_hash (self, error) || !_heed_store_load_risk (self, error))
    return FALSE;

  load_cached_settings (self);
  return TRUE;
}

/* Another seat's change: "SEAT SIGNAL ID", emitted here as if made here, so lists and pages
 * follow it. A seat's own changes come back too, and are already known. */
static gboolean
on_change_notified (const char *channel,
                    const char *payload,
                    gpointer    user_data)
{
  HeedStore *self = user_data;
  g_auto(GStrv) parts = g_strsplit (payload != NULL ? payload : "", " ", 3);
  guint64 signal = 0;
  gint64 id = 0;

  if (g_strcmp0 (channel, HEED_STORE_CHANGES_CHANNEL) != 0 || g_strv_length (parts) != 3
      || g_strcmp0 (parts[0], self->seat) == 0)
    return G_SOURCE_CONTINUE;
  if (!g_ascii_string_to_unsigned (parts[1], 10, 0, N_SIGNALS - 1, &signal, NULL)
      || !g_ascii_string_to_signed (parts[2], 10, 1, G_MAXINT64, &id, NULL)
      || signal == SIGNAL_RECORD_SAVED)
    return G_SOURCE_CONTINUE;
  self->from_elsewhere = TRUE;
  g_signal_emit (self, _heed_store_signals[signal], 0, id);
  self->from_elsewhere = FALSE;
  return G_SOURCE_CONTINUE;
}

/* In a handler of a change signal: whether the change was made at another seat (heard from
 * the server) rather than through this store, whose own callers already know of it. */
gboolean
heed_store_is_change_from_elsewhere (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  return self->from_elsewhere;
}

static void
listen_for_changes (HeedStore *self)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMainContext) context = g_main_context_ref_thread_default ();

  self->seat = g_uuid_string_random ();
  if (!heed_db_listen (self->conn, HEED_STORE_CHANGES_CHANNEL, &local_error))
    {
      g_debug ("Other seats' changes will not be seen live: %s", local_error->message);
      return;
    }
  self->changes = heed_db_create_notification_source (self->conn);
  if (self->changes == NULL)
    return;
  g_source_set_callback (self->changes, (GSourceFunc) (void (*) (void)) on_change_notified,
                         self, NULL);
  g_source_set_name (self->changes, "heed-store-changes");
  g_source_attach (self->changes, context);
}

/* A practice on a server: no file, no lock (several seats writing at once is what a server is
 * for), the schema brought up to date by whichever seat opens it first. */
static HeedStore *
open_server (HeedLocation        *location,
             HeedStoreOpenFlags   flags,
             GError             **error)
{
  g_autoptr(HeedStore) self = g_object_new (HEED_TYPE_STORE, NULL);

  self->location = heed_location_ref (location);
  self->path = heed_location_dup_display (location);
  self->read_only = (flags & HEED_STORE_OPEN_READ_ONLY) != 0;
  self->any_version = self->read_only && (flags & HEED_STORE_OPEN_ANY_VERSION) != 0;

  self->conn = heed_db_open (location,
                             self->read_only ? HEED_DB_OPEN_READ_ONLY : HEED_DB_OPEN_DEFAULT,
                             error);
  if (self->conn == NULL)
    return NULL;
  if (!heed_db_read_schema_version (self->conn, &self->schema_version, error))
    {
      heed_store_close (self);
      return NULL;
    }
  if (self->schema_version == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                   _("The database “%s” holds no Heed practice yet. Make one there with "
                     "heed-cli create."),
                   self->path);
      heed_store_close (self);
      return NULL;
    }
  if (self->schema_version > HEED_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_TOO_NEW,
                   _("This practice was saved by a newer version of Heed (version %d; this "
                     "Heed reads up to %d). Update Heed to open it; nothing has been "
                     "changed."),
                   self->schema_version, HEED_STORE_SCHEMA_VERSION);
      heed_store_close (self);
      return NULL;
    }
  if (self->schema_version < HEED_STORE_SCHEMA_VERSION)
    {
      if (self->read_only && !self->any_version)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                       _("This practice needs updating to this version of Heed, which cannot "
                         "be done while it is open read-only."));
          heed_store_close (self);
          return NULL;
        }
      if (!self->read_only
          && (!heed_db_migrate (self->conn, NULL, error)
              || !heed_db_read_schema_version (self->conn, &self->schema_version, error)))
        {
          heed_store_close (self);
          return NULL;
        }
    }
  if (!_heed_store_load_session (self, error) || !_heed_store_load_last_hash (self, error)
      || !_heed_store_load_risk (self, error))
    {
      heed_store_close (self);
      return NULL;
    }
  load_cached_settings (self);
  listen_for_changes (self);
  return g_steal_pointer (&self);
}

HeedStore *
heed_store_open (const char         *where,
                 HeedStoreOpenFlags  flags,
                 GError            **error)
{
  g_autoptr(HeedLocation) location = NULL;

  g_return_val_if_fail (where != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  location = heed_location_parse (where, error);
  if (location == NULL)
    return NULL;
  return _heed_store_open_at (location, flags, error);
}

HeedStore *
heed_store_open_location (HeedLocation        *location,
                          HeedStoreOpenFlags   flags,
                          GError             **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _heed_store_open_at (location, flags, error);
}

HeedStore *
_heed_store_open_at (HeedLocation        *location,
                     HeedStoreOpenFlags   flags,
                     GError             **error)
{
  g_autoptr(HeedStore) self = NULL;
  FileHeader header;
  gboolean read_only = (flags & HEED_STORE_OPEN_READ_ONLY) != 0;
  const char *path;

  if (heed_location_is_server (location))
    return open_server (location, flags, error);
  path = heed_location_get_path (location);

  if (!read_header (path, &header, error) || !check_header (path, &header, error))
    return NULL;

  self = g_object_new (HEED_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->location = heed_location_ref (location);

  /* Someone who may only read the file (its permissions, or a read-only drive) must not take
   * the lock: it would keep out the person who may write, for nothing. */
  if (!read_only && g_access (path, W_OK) != 0
      && (errno == EACCES || errno == EPERM || errno == EROFS))
    {
      int saved = errno;

      if (!(flags & HEED_STORE_OPEN_READ_ONLY_IF_LOCKED))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                       _("Heed may not write to the practice file “%s” (%s), so nothing can "
                         "be changed in it. Ask for permission to change it, or work on a "
                         "copy."),
                       path, g_strerror (saved));
          return NULL;
        }
      self->not_permitted = TRUE;
      read_only = TRUE;
    }

  if (!read_only)
    {
      g_autoptr(GError) lock_error = NULL;
      HeedLockHolder *holder = NULL;

      self->lock = heed_lock_acquire (path, &holder, &lock_error);
      if (self->lock == NULL)
        {
          if (holder == NULL || !(flags & HEED_STORE_OPEN_READ_ONLY_IF_LOCKED))
            {
              heed_lock_holder_free (holder);
              g_propagate_error (error, g_steal_pointer (&lock_error));
              return NULL;
            }
          self->holder = holder;
          read_only = TRUE;
        }
    }
  else
    self->holder = heed_lock_query (path);

  self->read_only = read_only;
  self->any_version = read_only && (flags & HEED_STORE_OPEN_ANY_VERSION) != 0;
  if (!open_connection (self, path, read_only, error) || !finish_open (self, error))
    {
      heed_store_close (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* A new practice in a database made beforehand with createdb: the schema, then the practice's
 * settings. A database that already holds a practice is refused; one where an earlier attempt
 * made the schema and stopped before the settings is finished. */
static HeedStore *
create_on_server (HeedLocation  *location,
                  const char    *practice_name,
                  HeedNation     nation,
                  GError       **error)
{
  g_autoptr(HeedStore) self = g_object_new (HEED_TYPE_STORE, NULL);
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 settings = 0;

  self->location = heed_location_ref (location);
  self->path = heed_location_dup_display (location);
  self->conn = heed_db_open (location, HEED_DB_OPEN_DEFAULT, error);
  if (self->conn == NULL)
    return NULL;
  if (!heed_db_migrate (self->conn, NULL, error)
      || !heed_db_read_schema_version (self->conn, &self->schema_version, error))
    {
      heed_store_close (self);
      return NULL;
    }
  /* A migration gives every practice its id; a practice made here has its name. */
  stmt = _heed_store_query (self, "SELECT count(*) FROM settings WHERE key = 'name'", error);
  if (stmt == NULL || heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
    {
      g_clear_pointer (&stmt, heed_db_statement_unref);
      heed_store_close (self);
      return NULL;
    }
  settings = heed_db_statement_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (settings > 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                   _("The database “%s” already holds a practice; Heed will not make another "
                     "over it."),
                   self->path);
      heed_store_close (self);
      return NULL;
    }
  /* As a new file's migration 5 does: the trail's baseline of what the migrations wrote (the
   * practice's id), then the new practice's own data. */
  if (!_heed_store_load_session (self, error) || !heed_store_begin (self, error))
    {
      heed_store_close (self);
      return NULL;
    }
  if (!_heed_store_audit_baseline (self, error) || !heed_store_commit (self, error))
    {
      heed_store_close (self);
      return NULL;
    }
  if (!_heed_store_load_last_hash (self, error) || !_heed_store_load_risk (self, error)
      || !_heed_store_seed (self, practice_name, nation, error))
    {
      heed_store_close (self);
      return NULL;
    }
  heed_store_close (self);
  g_clear_object (&self);
  return open_server (location, HEED_STORE_OPEN_DEFAULT, error);
}

HeedStore *
heed_store_create (const char  *where,
                   const char  *practice_name,
                   HeedNation   nation,
                   GError     **error)
{
  g_autoptr(HeedStore) self = NULL;
  g_autoptr(HeedLocation) location = NULL;
  g_autofree char *temp_path = NULL;
  g_autofree char *stripped = NULL;
  const char *path;
  int fd;

  g_return_val_if_fail (where != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stripped = g_strstrip (g_strdup (practice_name != NULL ? practice_name : ""));
  if (stripped[0] == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The practice needs a name."));
      return NULL;
    }
  if (!g_utf8_validate (practice_name, -1, NULL) || strlen (practice_name) > 200)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The practice name must be plain text of at most 200 characters."));
      return NULL;
    }
  if (!heed_text_is_one_line (practice_name))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The practice name must be one line, without line breaks, tabs or other "
                     "control characters."));
      return NULL;
    }

  location = heed_location_parse (where, error);
  if (location == NULL)
    return NULL;
  if (heed_location_is_server (location))
    return create_on_server (location, stripped, nation, error);
  path = heed_location_get_path (location);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                   _("There is already a file at “%s”; Heed will not overwrite it."), path);
      return NULL;
    }

  /* Build the file under a temporary name and move it into place only when complete, so a
   * crash never leaves a half-made practice file behind. */
  temp_path = g_strdup_printf ("%s.creating-%d", path, (int) getpid ());
  fd = g_open (temp_path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Heed could not make a file there: %s."), g_strerror (saved));
      return NULL;
    }
  close (fd);

  self = g_object_new (HEED_TYPE_STORE, NULL);
  self->path = g_strdup (temp_path);

  if (!open_connection (self, temp_path, FALSE, error)
      || !_heed_store_exec (self, "PRAGMA journal_mode = DELETE", error)
      || !_heed_store_exec (self, "PRAGMA synchronous = FULL", error)
      || !_heed_store_exec (self, "PRAGMA application_id = 1212499268", error)
      || !apply_migrations (self, 0, error)
      || !_heed_store_load_risk (self, error)
      || !_heed_store_seed (self, stripped, nation, error))
    {
      heed_store_close (self);
      g_unlink (temp_path);
      return NULL;
    }
  heed_store_close (self);
  g_clear_object (&self);

  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (temp_path);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Heed could not put the new practice file in place: %s."),
                   g_strerror (saved));
      return NULL;
    }

  return heed_store_open (path, HEED_STORE_OPEN_DEFAULT, error);
}

G_STATIC_ASSERT (HEED_STORE_APPLICATION_ID == 1212499268);

void
heed_store_close (HeedStore *self)
{
  g_return_if_fail (HEED_IS_STORE (self));

  if (self->depth > 0)
    {
      g_warning ("Practice file closed with a change half made; it was not saved");
      self->depth = 1;
      heed_store_rollback (self);
    }
  if (self->changes != NULL)
    {
      g_source_destroy (self->changes);
      g_clear_pointer (&self->changes, g_source_unref);
    }
  if (self->conn != NULL)
    _heed_store_anchor_on_close (self);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL && !self->read_only)
    {
      /* Fold the WAL back in so the file stands alone when copied to another PC. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }
  self->db = NULL;
  if (self->conn != NULL)
    {
      heed_db_close (self->conn);
      g_clear_object (&self->conn);
    }
  if (self->lock != NULL)
    {
      heed_lock_release (self->lock);
      g_clear_object (&self->lock);
    }
  g_clear_object (&self->calendar);
}

const char *
heed_store_get_path (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->path;
}

HeedLocation *
heed_store_get_location (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->location;
}

gboolean
heed_store_is_on_server (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  return _heed_store_is_server (self);
}

gboolean
heed_store_is_read_only (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), TRUE);
  return self->read_only;
}

const HeedLockHolder *
heed_store_get_lock_holder (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->holder;
}

int
heed_store_get_schema_version (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), 0);
  return self->schema_version;
}

const char *
heed_store_get_last_backup (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->last_backup;
}

void
heed_store_set_staff_name (HeedStore  *self,
                           const char *name)
{
  g_return_if_fail (HEED_IS_STORE (self));
  g_free (self->staff_name);
  self->staff_name = g_strdup (name);
}

const char *
heed_store_get_account (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  /* On a server, the role the server says is signed in: the trail refuses another. */
  return self->signed_in_role != NULL ? self->signed_in_role : g_get_user_name ();
}

const char *
heed_store_get_staff_name (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->staff_name;
}

HeedCalendar *
heed_store_get_calendar (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->calendar;
}

HeedNation
heed_store_get_nation (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), HEED_NATION_ENGLAND);
  if (self->calendar == NULL)
    return HEED_NATION_ENGLAND;
  return heed_calendar_get_nation (self->calendar);
}

/* Settings */

/* What every setting must be, however it arrives (typed in, or imported). */
/* Text Heed would write itself: UTF-8, at most @max_bytes, and no control characters but
 * tabs and line ends (and the vertical tab and form feed a word processor leaves) — none at
 * all when it is @one_line (a name, a file name, a code). */
gboolean
_heed_store_text_is_plain (const char *text,
                           gboolean    one_line,
                           gsize       max_bytes)
{
  if (text == NULL || !g_utf8_validate (text, -1, NULL) || strlen (text) > max_bytes)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 && (one_line || !(c == '\t' || c == '\n' || c == '\r' || c == '\v'
                                     || c == '\f')))
        return FALSE;
      if (c >= 0x7f && c <= 0x9f)
        return FALSE;
    }
  return TRUE;
}

gboolean
_heed_store_check_setting (const char  *key,
                           const char  *value,
                           GError     **error)
{
  if (key[0] == '\0' || !_heed_store_text_is_plain (key, TRUE, 256))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A setting needs a name, and its value must be plain text."));
      return FALSE;
    }
  if (value != NULL && !_heed_store_text_is_plain (value, FALSE, 64 * 1024))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The setting “%s” must be plain text, without control characters, and "
                     "at most 64 KB."),
                   key);
      return FALSE;
    }
  if (g_strcmp0 (key, "retention-years") == 0
      && (value == NULL || !g_ascii_string_to_signed (value, 10, 1, 100, NULL, NULL)))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The retention period must be a whole number of years from 1 to 100."));
      return FALSE;
    }
  if (g_strcmp0 (key, "sign-out-minutes") == 0
      && (value == NULL
          || !g_ascii_string_to_unsigned (value, 10, 0, HEED_STORE_MAX_SIGN_OUT_MINUTES, NULL,
                                          NULL)))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The time before signing out must be a whole number of minutes from 0 "
                     "(never) to %d."),
                   HEED_STORE_MAX_SIGN_OUT_MINUTES);
      return FALSE;
    }
  /* The practice's name heads every letter and report, on one line. */
  if (g_strcmp0 (key, "name") == 0 && value != NULL && !heed_text_is_one_line (value))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The practice name must be one line, without line breaks, tabs or other "
                     "control characters."));
      return FALSE;
    }
  if (g_strcmp0 (key, "nation") == 0)
    {
      HeedNation nation;

      if (!heed_nation_from_id (value, &nation))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("The nation must be england, wales, scotland or northern-ireland."));
          return FALSE;
        }
    }
  if (g_strcmp0 (key, "practice-type") == 0 && g_strcmp0 (value, "gp") != 0
      && g_strcmp0 (value, "dental") != 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The type of practice must be gp or dental."));
      return FALSE;
    }
  return TRUE;
}

/* The first column of every row @sql gives, as gint64s, with @id bound to its one parameter
 * (which may appear more than once). */
GArray *
_heed_store_list_ids (HeedStore   *self,
                      const char  *sql,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _heed_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 value = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _heed_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
_heed_store_ids (HeedStore   *self,
                 const char  *sql,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HeedDbStatement) stmt = _heed_store_query (self, sql, error);
  HeedDbStep step;

  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_int64 (stmt, "id", id);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      gint64 value = heed_db_statement_column_int64 (stmt, 0);

      g_array_append_val (ids, value);
    }
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
_heed_store_step_done (HeedStore     *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _heed_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

char *
heed_store_dup_setting (HeedStore  *self,
                        const char *key)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _heed_store_query (self, "SELECT value FROM settings WHERE key = :key", NULL);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "key", key);
  if (heed_db_statement_step (stmt, NULL) == HEED_DB_STEP_ROW)
    return heed_db_statement_dup_column_text (stmt, 0);
  return NULL;
}

/* The letterhead logo: a PNG or JPEG picture of at most 2 MB, or NULL to remove it. */
gboolean
heed_store_set_logo (HeedStore  *self,
                     GBytes     *picture,
                     GError    **error)
{
  const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  const guchar jpeg[] = { 0xff, 0xd8, 0xff };
  const guchar *data = NULL;
  const char *mime = NULL;
  gsize size = 0;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (picture != NULL)
    {
      data = g_bytes_get_data (picture, &size);
      if (size >= sizeof png && memcmp (data, png, sizeof png) == 0)
        mime = "image/png";
      else if (size >= sizeof jpeg && memcmp (data, jpeg, sizeof jpeg) == 0)
        mime = "image/jpeg";
      if (mime == NULL)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("The logo must be a PNG or JPEG picture."));
          return FALSE;
        }
      if (size > 2 * 1024 * 1024)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("The logo is too big: choose a picture of 2 MB or less."));
          return FALSE;
        }
    }
  if (!_heed_store_check_writable (self, error) || !heed_store_begin (self, error))
    return FALSE;
  if (picture != NULL)
    {
      stmt = _heed_store_query (self,
                                "INSERT INTO setting_blobs (key, mime, data) VALUES ('logo', "
                                ":mime, :data) ON CONFLICT (key) DO UPDATE SET "
                                "mime = excluded.mime, data = excluded.data",
                                error);
      if (stmt != NULL)
        {
          heed_db_statement_bind_text (stmt, "mime", mime);
          heed_db_statement_bind_blob (stmt, "data", data, size);
        }
    }
  else
    stmt = _heed_store_query (self, "DELETE FROM setting_blobs WHERE key = 'logo'", error);
  if (stmt == NULL || !_heed_store_run (stmt, error)
      || !_heed_store_audit_keyed (self, "setting", "setting_blobs", "logo", error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  return heed_store_commit (self, error);
}

gboolean
heed_store_set_setting (HeedStore   *self,
                        const char  *key,
                        const char  *value,
                        GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_heed_store_check_setting (key, value, error))
    return FALSE;

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO settings (key, value) VALUES (:key, :value) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    {
      heed_store_rollback (self);
      return FALSE;
    }
  heed_db_statement_bind_text (stmt, "key", key);
  heed_db_statement_bind_text (stmt, "value", value);
  if (!_heed_store_run (stmt, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  if (!_heed_store_audit_keyed (self, "setting", "settings", key, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  if (!heed_store_commit (self, error))
    return FALSE;

  /* Inside an outer transaction too: a rollback there reads the nation again. */
  if (g_strcmp0 (key, "nation") == 0 && self->calendar != NULL)
    load_cached_settings (self);
  return TRUE;
}

/* Backup and restore */

/* The first thing @report says is wrong, for a one-line message. */
static char *
dup_first_problem (const char *report)
{
  g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
  const char *ok = _("Database integrity: ok.\n");
  g_autofree char *ok_line = g_strndup (ok, strcspn (ok, "\n"));

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && g_strcmp0 (lines[i], ok_line) != 0)
      return g_strdup (lines[i]);
  return g_strdup (report);
}

/* Opens @path as a practice and runs the full check (SQLite's integrity check and the audit
 * trail's chain) over it. FALSE with @error when it is damaged or cannot be opened. */
static gboolean
check_practice_file (const char  *path,
                     char       **problem,
                     GError     **error)
{
  g_autoptr(HeedStore) store = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  /* A backup an earlier Heed made is checked as it is: restoring it migrates it. */
  store = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY | HEED_STORE_OPEN_ANY_VERSION,
                           &local_error);
  if (store == NULL)
    {
      *problem = g_strdup (local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!heed_store_check (store, report, &local_error))
    {
      if (local_error != NULL)
        *problem = g_strdup (local_error->message);
      else
        *problem = dup_first_problem (report->str);
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED, *problem);
      return FALSE;
    }
  return TRUE;
}

/* Copies @source into a new file beside @destination (made exclusively, never through a link,
 * readable by the owner only), checks the copy and only then renames it into place: a copy
 * that fails leaves nothing under @destination, and whatever was there untouched. */
static gboolean
copy_database (sqlite3     *source,
               const char  *destination,
               CopyFlags    flags,
               GError     **error)
{
  g_autoptr(HeedSafeOutput) output = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *temp_path;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int rc;

  output = heed_safe_output_new (destination,
                                 (flags & COPY_OVER_PRACTICE)
                                   ? HEED_SAFE_OUTPUT_MAY_REPLACE_PRACTICE
                                   : HEED_SAFE_OUTPUT_DEFAULT,
                                 &local_error);
  if (output == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR,
                   g_error_matches (local_error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED)
                     ? HEED_STORE_ERROR_INVALID
                     : HEED_STORE_ERROR_IO,
                   "%s", local_error->message);
      return FALSE;
    }
  temp_path = heed_safe_output_get_temp_path (output);

  rc = sqlite3_open_v2 (temp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", source, "main");
      if (backup != NULL)
        {
          rc = sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        }
      else
        rc = sqlite3_errcode (dest);
    }
  /* The copy stands alone: no WAL beside it. */
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (rc != SQLITE_OK)
    {
      if ((rc & 0xff) == SQLITE_FULL)
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                     _("The disk is full, so the copy to “%s” was not made."), destination);
      else if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB)
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                     _("The practice file is damaged (%s), so no copy was made at “%s”. Run "
                       "heed-cli check on it, and restore it from a backup that checks "
                       "clean."),
                     sqlite3_errstr (rc), destination);
      else
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                     _("The copy to “%s” could not be made: %s."), destination,
                     sqlite3_errstr (rc));
      return FALSE;
    }

  if (flags & COPY_CHECKED)
    {
      g_autofree char *problem = NULL;

      if (!check_practice_file (temp_path, &problem, NULL))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                       _("The practice file failed its check (%s), so no copy was made at "
                         "“%s”. Run heed-cli check on it, and restore it from a backup that "
                         "checks clean."),
                       problem, destination);
          return FALSE;
        }
    }
  if (!heed_safe_output_commit (output, &local_error))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The copy could not be put in place at “%s”: %s"), destination,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
heed_store_backup (HeedStore   *self,
                   const char  *destination,
                   GError     **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (self->conn == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice file is closed."));
      return FALSE;
    }
  /* A server's practice is backed up as a practice file, copied row by row and checked. */
  if (_heed_store_is_server (self))
    {
      g_autoptr(HeedLocation) target = heed_location_parse (destination, error);

      if (target == NULL)
        return FALSE;
      if (heed_location_is_server (target))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("A backup is written to a file; to copy a practice to another "
                         "server, use heed-cli copy."));
          return FALSE;
        }
      if (g_file_test (destination, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("“%s” is a folder; give the name of the backup file to write."),
                       destination);
          return FALSE;
        }
      if (!heed_store_copy (self, destination, error))
        return FALSE;
      _heed_store_anchor_backup (self, destination);
      return TRUE;
    }
  if (g_strcmp0 (destination, self->path) == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A backup cannot be written over the practice file itself."));
      return FALSE;
    }
  if (g_file_test (destination, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is a folder; give the name of the backup file to write."),
                   destination);
      return FALSE;
    }
  /* The copy, not the file it came from, is what is checked: it is what will be restored. */
  if (!copy_database (self->db, destination, COPY_CHECKED, error))
    return FALSE;
  _heed_store_anchor_backup (self, destination);
  return TRUE;
}

gboolean
heed_store_keep_copy (HeedStore   *self,
                      const char  *destination,
                      GError     **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  if (self->db == NULL || g_strcmp0 (destination, self->path) == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A backup cannot be written over the practice file itself."));
      return FALSE;
    }
  return copy_database (self->db, destination, COPY_QUICK, error);
}

gboolean
heed_store_check_backup (const char  *backup,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_practice_file (backup, &problem, &local_error))
    {
      int code = HEED_STORE_ERROR_DAMAGED;

      if (g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND))
        code = HEED_STORE_ERROR_NOT_FOUND;
      else if (local_error->domain == HEED_STORE_ERROR
               && local_error->code != HEED_STORE_ERROR_DAMAGED)
        code = HEED_STORE_ERROR_INVALID;
      g_set_error (error, HEED_STORE_ERROR, code,
                   _("The backup cannot be restored: %s"), problem);
      return FALSE;
    }
  return TRUE;
}

static void
remove_sidecars (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      g_unlink (sidecar);
    }
}

/* Puts @source back over the server practice @self has open, through its own connection. */
static gboolean
restore_over_from (HeedStore  *self,
                   HeedStore  *source,
                   GError    **error)
{
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean had_duties = FALSE;

  if (!_heed_store_is_server (self) || !self->owner)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED,
                           _("Only the owner of the practice’s database may put a backup back "
                             "over it."));
      return FALSE;
    }
  if (!_heed_store_check_writable (self, error)
      || !_heed_store_has_duty_roles (self, &had_duties, error)
      || !_heed_store_replace_in (self->conn, source, self->location, error))
    return FALSE;
  /* What this store keeps of the practice, read again from the restored one. */
  if (!heed_db_read_schema_version (self->conn, &self->schema_version, error)
      || !_heed_store_load_session (self, error) || !_heed_store_load_last_hash (self, error)
      || !_heed_store_load_risk (self, error))
    return FALSE;
  load_cached_settings (self);
  if (had_duties && !heed_store_setup_duties (self, &local_error))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The backup was restored, but its duties were not given again (%s); "
                     "heed-cli grant, run by a role that may make roles, gives them."),
                   local_error->message);
      return FALSE;
    }
  if (!heed_store_check (self, report, &local_error))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                   _("The copy does not check as the practice does: %s"),
                   local_error != NULL ? local_error->message : report->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
heed_store_restore_over (HeedStore   *self,
                         const char  *backup,
                         GError     **error)
{
  g_autoptr(HeedStore) source = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!heed_store_check_backup (backup, error))
    return FALSE;
  source = heed_store_open (backup, HEED_STORE_OPEN_READ_ONLY, error);
  return source != NULL && restore_over_from (self, source, error);
}

gboolean
heed_store_restore (const char  *backup,
                    const char  *destination,
                    gboolean     force,
                    GError     **error)
{
  g_autoptr(HeedStore) source = NULL;
  g_autoptr(HeedLocation) target = NULL;
  g_autoptr(HeedLock) lock = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (backup != NULL, FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* A backup that fails its check never replaces anything, --force or not. */
  if (!heed_store_check_backup (backup, error))
    return FALSE;
  target = heed_location_parse (destination, error);
  if (target == NULL)
    return FALSE;
  /* Onto a server: into an empty database, or with --force over its practice, by the
   * database's owner once no seat is connected (what every seat saved since is lost). */
  if (heed_location_is_server (target))
    {
      source = heed_store_open (backup, HEED_STORE_OPEN_READ_ONLY, error);
      if (source == NULL)
        return FALSE;
      if (!heed_store_copy (source, destination, &local_error))
        {
          g_autofree char *display = heed_location_dup_display (target);
          g_autoptr(HeedStore) practice = NULL;

          if (!g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          /* The practice there, opened to be put back over through its own connection. */
          if (force)
            {
              practice = _heed_store_open_at (target, HEED_STORE_OPEN_DEFAULT, error);
              return practice != NULL && restore_over_from (practice, source, error);
            }
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                       _("“%s” already holds a practice. Restoring would replace it, and what "
                         "everyone saved since the backup; once everyone has closed Heed, "
                         "the database’s owner may use --force."),
                       display);
          return FALSE;
        }
      return TRUE;
    }
  source = heed_store_open (backup, HEED_STORE_OPEN_READ_ONLY | HEED_STORE_OPEN_ANY_VERSION,
                            &local_error);
  if (source == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, g_error_matches (local_error, HEED_STORE_ERROR,
                                                             HEED_STORE_ERROR_NOT_FOUND)
                                            ? HEED_STORE_ERROR_NOT_FOUND
                                            : HEED_STORE_ERROR_INVALID,
                   _("The backup cannot be restored: %s"), local_error->message);
      return FALSE;
    }
  if (g_file_test (destination, G_FILE_TEST_EXISTS) && !force)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                   _("There is already a practice file at “%s”. Restoring would replace it; "
                     "use --force if that is what you want."),
                   destination);
      return FALSE;
    }
  if (!heed_safe_output_check_target (destination, HEED_SAFE_OUTPUT_MAY_REPLACE_PRACTICE,
                                      &local_error))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID, "%s",
                   local_error->message);
      return FALSE;
    }

  /* Nobody may have the practice open while it is replaced under them. */
  lock = heed_lock_acquire (destination, NULL, error);
  if (lock == NULL)
    return FALSE;

  if (!copy_database (source->db, destination, COPY_CHECKED | COPY_OVER_PRACTICE, error))
    return FALSE;
  /* An old WAL beside the restored file would be replayed into it: remove it. */
  remove_sidecars (destination);
  return TRUE;
}
