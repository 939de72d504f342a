/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The storage seam: one connection to a practice, on either engine.
 *
 * HeedDb is what the store's files talk to; HeedDbSqlite (a practice file) and
 * HeedDbPostgres (a database on a PostgreSQL server, through libpq) are its two drivers.
 * Nothing above the store sees this header.
 *
 * Writing SQL that runs on both:
 *
 * - Parameters are named, `:name`, on both engines (the PostgreSQL driver rewrites them to
 *   `$n`; a name used twice is one parameter). Values are bound, never formatted into SQL.
 *   On PostgreSQL a parameter's type is inferred from where it is used: one that only
 *   appears in `:p IS NULL` needs `CAST (:p AS TEXT)`.
 * - Write `coalesce` rather than `ifnull`, `RETURNING id` or heed_db_statement_insert()
 *   rather than last_insert_rowid(), `INSERT … ON CONFLICT (…) DO NOTHING / DO UPDATE`
 *   rather than `INSERT OR IGNORE / OR REPLACE` — and in DO UPDATE name the table
 *   (`SET last = reference_counters.last + 1`: a bare `last` is ambiguous to PostgreSQL) —,
 *   CASE rather than SQLite's two-argument min()/max(), and dates as the ISO text the store
 *   already keeps (no strftime, no date functions, no json_each).
 * - Flags are 0/1 integers in a file and booleans on a server: test them bare (`WHERE c.extended`), compare them with TRUE/FALSE, count them
 *   with `count (*) FILTER (WHERE …)`; the driver reads a boolean back as 1 or 0.
 * - Text compares byte by byte on both (COLLATE "C" on the server, like SQLite's BINARY).
 *   LIKE is case-insensitive for ASCII in SQLite and case-sensitive in PostgreSQL: write
 *   `lower (x) LIKE lower (:p)`. GLOB, PRAGMA, rowid and FTS5's MATCH are SQLite's alone.
 * - A failed statement inside a transaction leaves a file's transaction usable but aborts a
 *   server's: run a step that may fail inside its own heed_db_begin() (a savepoint) and roll
 *   that back.
 * - Column names come back lower-case from a server unless quoted: name result columns in
 *   lower case.
 *
 * Transactions nest. The outermost heed_db_begin() starts a transaction (BEGIN IMMEDIATE on
 * a file: the write lock is taken at once; BEGIN ISOLATION LEVEL READ COMMITTED on a server),
 * inner ones are savepoints, so rolling back an inner one undoes only its own part.
 *
 * On a server, Heed runs READ COMMITTED and takes the locks it needs explicitly, rather than
 * SERIALIZABLE: a serialisable transaction may fail at any statement or at commit with a
 * serialisation error and must then be re-run from the start, which a save that has already
 * emitted signals and shown messages cannot do, and under contention (ten seats at reception)
 * such failures are common. Explicit locks make the writers wait in turn instead:
 *   - reference numbers: `INSERT INTO reference_counters … ON CONFLICT (prefix) DO UPDATE SET
 *     last = reference_counters.last + 1 RETURNING last` locks the series' row until commit;
 *   - a record's version: `UPDATE … SET version = version + 1 WHERE id = :id AND version =
 *     :version` (no row changed: someone else saved first);
 *   - the audit trail: the writing transaction takes heed_db_lock_trail() first, so its
 *     appends and the chain's head are read and written by one writer at a time.
 * A deadlock or a lock that cannot be had within the lock timeout is HEED_STORE_ERROR_BUSY.
 *
 * Errors are GErrors in HEED_STORE_ERROR with a message a practice manager can read:
 *   BUSY               busy or locked by another writer; try again in a moment
 *   NOT_ALLOWED        a rule of the practice refused the change (unique, missing record,
 *                      a sent letter, the trail)
 *   NOT_FOUND          no practice file there, or no such database on the server
 *   PERMISSION_DENIED  this user (or server role) may not do that
 *   CONNECTION_LOST    the server cannot be reached, or the connection broke
 *   TOO_NEW            the practice's schema is newer than this Heed (version mismatch)
 *   NOT_HEED, DAMAGED, IO, FAILED as for the store.
 * The message never holds a password or the SQL; the engine's own text goes to the debug log
 * (G_MESSAGES_DEBUG=heed-db), the values in it included, so that log is for the practice's IT.
 *
 * A statement is a cursor too: bind by name, then heed_db_statement_step() until
 * HEED_DB_STEP_DONE. Column values are valid until the next step. On a server all rows of a
 * result come at once; page long lists (LIMIT / keyset) rather than reading 100,000 rows.
 * Statements are cached per connection by their SQL text; two in use at once with the same
 * text are fine.
 *
 * A connection belongs to one thread at a time, and its notification source to the main
 * context of that thread. */

#include <gio/gio.h>

#include "heed-location.h"

G_BEGIN_DECLS

typedef enum {
  HEED_DB_ENGINE_SQLITE,
  HEED_DB_ENGINE_POSTGRES,
} HeedDbEngine;

typedef enum {
  HEED_DB_OPEN_DEFAULT   = 0,
  HEED_DB_OPEN_READ_ONLY = 1 << 0, /* a file opened read-only; a server session read-only */
  HEED_DB_OPEN_CREATE    = 1 << 1, /* a file: make it (mode 0600), failing if it exists; a
                                    * server's database is made with createdb beforehand */
} HeedDbOpenFlags;

typedef enum {
  HEED_DB_BEGIN_WRITE    = 0,      /* a change */
  HEED_DB_BEGIN_SNAPSHOT = 1 << 0, /* reading only, all from one moment (backups, reports) */
} HeedDbBeginFlags;

typedef enum {
  HEED_DB_STEP_ERROR,
  HEED_DB_STEP_ROW,
  HEED_DB_STEP_DONE,
} HeedDbStep;

typedef struct _HeedDbStatement HeedDbStatement;

/* A change notification from another connection (LISTEN/NOTIFY on a server). */
typedef gboolean (*HeedDbNotificationFunc) (const char *channel,
                                            const char *payload,
                                            gpointer    user_data);

#define HEED_TYPE_DB (heed_db_get_type ())
G_DECLARE_DERIVABLE_TYPE (HeedDb, heed_db, HEED, DB, GObject)

struct _HeedDbClass
{
  GObjectClass parent_class;

  HeedDbEngine engine;
  const char  *begin_write_sql;
  const char  *begin_snapshot_sql;

  HeedDbStatement *(*prepare)             (HeedDb      *self,
                                           const char  *sql,
                                           GError     **error);
  gboolean         (*exec)                (HeedDb      *self,
                                           const char  *sql,
                                           GError     **error);
  void             (*close)               (HeedDb      *self);
  gboolean         (*is_open)             (HeedDb      *self);
  gboolean         (*set_lock_timeout)    (HeedDb      *self,
                                           guint        milliseconds,
                                           GError     **error);
  gboolean         (*lock_trail)          (HeedDb      *self,
                                           GError     **error);
  gboolean         (*listen)              (HeedDb      *self,
                                           const char  *channel,
                                           GError     **error);
  gboolean         (*notify)              (HeedDb      *self,
                                           const char  *channel,
                                           const char  *payload,
                                           GError     **error);
  GSource         *(*create_notification_source) (HeedDb *self);
  char            *(*dup_server_version)  (HeedDb      *self);

  gpointer padding[8];
};

HeedDb         *heed_db_open                 (HeedLocation     *location,
                                              HeedDbOpenFlags   flags,
                                              GError          **error);
void            heed_db_close                (HeedDb           *self);
gboolean        heed_db_is_open              (HeedDb           *self);
HeedDbEngine    heed_db_get_engine           (HeedDb           *self);
HeedLocation   *heed_db_get_location         (HeedDb           *self);
gboolean        heed_db_is_read_only         (HeedDb           *self);
char           *heed_db_dup_server_version   (HeedDb           *self);

HeedDbStatement *heed_db_prepare             (HeedDb           *self,
                                              const char       *sql,
                                              GError          **error);
gboolean        heed_db_exec                 (HeedDb           *self,
                                              const char       *sql,
                                              GError          **error);

gboolean        heed_db_begin                (HeedDb           *self,
                                              HeedDbBeginFlags  flags,
                                              GError          **error);
gboolean        heed_db_commit               (HeedDb           *self,
                                              GError          **error);
void            heed_db_rollback             (HeedDb           *self);
guint           heed_db_get_transaction_depth (HeedDb          *self);

gboolean        heed_db_set_lock_timeout     (HeedDb           *self,
                                              guint             milliseconds,
                                              GError          **error);
gboolean        heed_db_lock_trail           (HeedDb           *self,
                                              GError          **error);

gboolean        heed_db_supports_notifications (HeedDb         *self);
gboolean        heed_db_listen               (HeedDb           *self,
                                              const char       *channel,
                                              GError          **error);
gboolean        heed_db_notify               (HeedDb           *self,
                                              const char       *channel,
                                              const char       *payload,
                                              GError          **error);
GSource        *heed_db_create_notification_source (HeedDb     *self);

/* Statements */

#define HEED_TYPE_DB_STATEMENT (heed_db_statement_get_type ())
GType            heed_db_statement_get_type  (void) G_GNUC_CONST;
HeedDbStatement *heed_db_statement_ref       (HeedDbStatement  *stmt);
void             heed_db_statement_unref     (HeedDbStatement  *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedDbStatement, heed_db_statement_unref)

/* NAME is written as in the SQL, with or without its colon. */
gboolean   heed_db_statement_bind_text       (HeedDbStatement  *stmt,
                                              const char       *name,
                                              const char       *value);
gboolean   heed_db_statement_bind_int64      (HeedDbStatement  *stmt,
                                              const char       *name,
                                              gint64            value);
gboolean   heed_db_statement_bind_double     (HeedDbStatement  *stmt,
                                              const char       *name,
                                              double            value);
gboolean   heed_db_statement_bind_blob       (HeedDbStatement  *stmt,
                                              const char       *name,
                                              const void       *data,
                                              gsize             length);
gboolean   heed_db_statement_bind_null       (HeedDbStatement  *stmt,
                                              const char       *name);
void       heed_db_statement_clear_bindings  (HeedDbStatement  *stmt);
guint      heed_db_statement_get_parameter_count (HeedDbStatement *stmt);

HeedDbStep heed_db_statement_step            (HeedDbStatement  *stmt,
                                              GError          **error);
/* Runs a statement to its end, rows or none. */
gboolean   heed_db_statement_execute         (HeedDbStatement  *stmt,
                                              GError          **error);
/* Runs an INSERT (without RETURNING) into a table with an `id` key and gives the new row's
 * id: last_insert_rowid() on a file, RETURNING id on a server. */
gboolean   heed_db_statement_insert          (HeedDbStatement  *stmt,
                                              gint64           *id,
                                              GError          **error);
/* Ready to run again with the same bindings. */
void       heed_db_statement_reset           (HeedDbStatement  *stmt);
/* Rows changed by the last run of an INSERT, UPDATE or DELETE. */
gint64     heed_db_statement_get_changes     (HeedDbStatement  *stmt);

int        heed_db_statement_get_column_count (HeedDbStatement *stmt);
const char *heed_db_statement_get_column_name (HeedDbStatement *stmt,
                                              int               column);
/* -1 when there is no such column. */
int        heed_db_statement_find_column     (HeedDbStatement  *stmt,
                                              const char       *name);
gboolean   heed_db_statement_column_is_null  (HeedDbStatement  *stmt,
                                              int               column);
const char *heed_db_statement_column_text    (HeedDbStatement  *stmt,
                                              int               column);
char      *heed_db_statement_dup_column_text (HeedDbStatement  *stmt,
                                              int               column);
gint64     heed_db_statement_column_int64    (HeedDbStatement  *stmt,
                                              int               column);
double     heed_db_statement_column_double   (HeedDbStatement  *stmt,
                                              int               column);
/* NULL for a NULL value; an empty blob is a non-NULL pointer with length 0. */
const void *heed_db_statement_column_blob    (HeedDbStatement  *stmt,
                                              int               column,
                                              gsize            *length);
GBytes    *heed_db_statement_dup_column_bytes (HeedDbStatement *stmt,
                                              int               column);

/* The same, by the column's name (a programming error when there is none). */
gboolean   heed_db_statement_is_null_named   (HeedDbStatement  *stmt,
                                              const char       *name);
const char *heed_db_statement_text_named     (HeedDbStatement  *stmt,
                                              const char       *name);
gint64     heed_db_statement_int64_named     (HeedDbStatement  *stmt,
                                              const char       *name);
double     heed_db_statement_double_named    (HeedDbStatement  *stmt,
                                              const char       *name);
const void *heed_db_statement_blob_named     (HeedDbStatement  *stmt,
                                              const char       *name,
                                              gsize            *length);

G_END_DECLS
