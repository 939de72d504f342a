/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "heed-db.h"
#include "heed-store.h"

G_BEGIN_DECLS

struct _HeedStore
{
  GObject         parent_instance;

  char           *path;         /* a file's path, or a server location's display (no password) */
  HeedLocation   *location;
  HeedDb         *conn;         /* the connection, on either engine (heed-db.h) */
  sqlite3        *db;           /* a file's own handle, for what only SQLite has (backup, PRAGMA);
                                 * NULL on a server */
  HeedLock       *lock;
  HeedLockHolder *holder;       /* who holds the file, when we opened it read-only for that */
  gboolean        read_only;
  gboolean        any_version;  /* read-only, and perhaps of an earlier schema, unmigrated */
  gboolean        not_permitted; /* read-only because this user may not write to the file */
  int             schema_version;
  char           *last_backup;  /* the copy made before a migration, if any */

  GHashTable     *statements;   /* SQL text -> sqlite3_stmt* */
  GHashTable     *class_sql;    /* GType -> ClassSql* */
  guint           depth;        /* nesting of heed_store_begin() */
  gboolean        failed;       /* an inner step failed: the outer commit must roll back */
  gboolean        undoing_status; /* heed_store_undo_status_change() is saving */
  GArray         *pending;      /* change signals held until the outermost commit */
  GSource        *changes;      /* other seats' changes, on a server (LISTEN/NOTIFY) */
  char           *seat;         /* this connection's mark on the changes it tells others of */
  gboolean        from_elsewhere; /* while telling of another seat's change */

  char           *staff_name;
  gint64          session_staff; /* on a server, the staff member mapped to the role, or 0 */
  char           *signed_in_role; /* on a server, session_user: whom the trail names */
  gboolean        owner;        /* the signed-in role owns the practice's database */
  guint           duties;       /* HeedDuties of the signed-in role */
  char           *last_hash;    /* the newest audit row's hash */
  char           *anchor_log;   /* where the trail's head is kept on close, or NULL */
  char           *anchored_hash; /* the head last written there (or found at open) */
  HeedCalendar   *calendar;
  GHashTable     *risk;         /* "seriousness/likelihood" -> risk */
};

enum {
  SIGNAL_RECORD_SAVED,
  SIGNAL_CASE_ADDED,
  SIGNAL_CASE_CHANGED,
  SIGNAL_CASE_REMOVED,
  N_SIGNALS
};

extern guint _heed_store_signals[N_SIGNALS];

/* Announces a change: at once when no transaction is open, else when the outermost commit
 * succeeds; a rollback drops it. @record is for SIGNAL_RECORD_SAVED, @id for the others. */
void          _heed_store_announce         (HeedStore   *self,
                                            guint        signal,
                                            HeedRecord  *record,
                                            gint64       id);

/* A statement on the practice's connection, whichever engine it is (heed-db.h says how to
 * write SQL for both); NULL with @error when the practice is closed or the SQL is refused.
 * Free it with g_autoptr: it goes back to the connection's cache. */
HeedDbStatement *_heed_store_query         (HeedStore   *self,
                                            const char  *sql,
                                            GError     **error);
/* Runs @stmt to its end and makes it ready to run again. */
gboolean      _heed_store_run              (HeedDbStatement *stmt,
                                            GError         **error);
gboolean      _heed_store_is_server        (HeedStore   *self);
/* The handler a new case takes when the person logging it may see only their own cases (a
 * handler with no other duty): their own staff member; 0 for everyone else. */
gint64        _heed_store_default_handler  (HeedStore   *self);
/* Replaces the practice in the server database that @dest is connected to (at @location) with
 * @source's, all or nothing, refused while anyone else is connected to it. The caller makes
 * sure the owner asks, and gives the duties their privileges again. */
gboolean      _heed_store_replace_in       (HeedDb       *dest,
                                            HeedStore    *source,
                                            HeedLocation *location,
                                            GError      **error);
/* Whether the practice's duty group roles exist (heed_store_setup_duties() made them). */
gboolean      _heed_store_has_duty_roles   (HeedStore    *self,
                                            gboolean     *any,
                                            GError      **error);
/* heed_store_open() of a location already parsed (a server's password kept in it). */
HeedStore    *_heed_store_open_at          (HeedLocation        *location,
                                            HeedStoreOpenFlags   flags,
                                            GError             **error);
/* The first column of every row of @sql, whose one parameter is `:id`, as gint64s. */
GArray       *_heed_store_ids              (HeedStore   *self,
                                            const char  *sql,
                                            gint64       id,
                                            GError     **error);
/* Binds every field of @record by its column's name (`:column`); reads a row of
 * "SELECT id, <every field in order>" into a new record of @type. */
void          _heed_store_bind_record_to   (HeedDbStatement *stmt,
                                            HeedRecord      *record);
HeedRecord   *_heed_store_record_from_statement (GType            type,
                                                 HeedDbStatement *stmt);

sqlite3_stmt *_heed_store_prepare          (HeedStore   *self,
                                            const char  *sql,
                                            GError     **error);
gboolean      _heed_store_exec             (HeedStore   *self,
                                            const char  *sql,
                                            GError     **error);
void          _heed_store_set_sqlite_error (HeedStore   *self,
                                            int          rc,
                                            GError     **error);
GArray       *_heed_store_list_ids          (HeedStore   *self,
                                             const char  *sql,
                                             gint64       id,
                                             GError     **error);
char         *_heed_store_case_staff_digest (gint64       case_id,
                                             gint64       staff_id);
gboolean      _heed_store_audit_case_children (HeedStore   *self,
                                               gint64       case_id,
                                               const char  *action,
                                               const char  *detail,
                                               GError     **error);
gboolean      _heed_store_step_done        (HeedStore     *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
gboolean      _heed_store_text_is_plain    (const char  *text,
                                            gboolean     one_line,
                                            gsize        max_bytes);
gboolean      _heed_store_check_setting    (const char  *key,
                                            const char  *value,
                                            GError     **error);
gboolean      _heed_store_check_writable   (HeedStore   *self,
                                            GError     **error);
void          _heed_store_bind_text        (sqlite3_stmt *stmt,
                                            const char   *name,
                                            const char   *value);
void          _heed_store_bind_int         (sqlite3_stmt *stmt,
                                            const char   *name,
                                            gint64        value);
char         *_heed_store_column_dup       (sqlite3_stmt *stmt,
                                            int           column);
char         *_heed_store_now_text         (void);
void          _heed_store_today            (GDate *today);

gboolean      _heed_store_audit            (HeedStore   *self,
                                            const char  *action,
                                            const char  *table,
                                            gint64       row_id,
                                            const char  *detail,
                                            GError     **error);
/* Who the server says is signed in, and their duties (heed-store-duties.c). */
gboolean      _heed_store_load_session     (HeedStore   *self,
                                            GError     **error);
gboolean      _heed_store_load_last_hash   (HeedStore   *self,
                                            GError     **error);
gboolean      _heed_store_check_audit      (HeedStore   *self,
                                            GString     *report,
                                            GError     **error);

/* heed-store-check.c: what the check covers beyond the records, and what it compares with */
typedef struct _HeedCheckState HeedCheckState;

gboolean        _heed_store_audit_keyed          (HeedStore               *self,
                                                  const char              *action,
                                                  const char              *table,
                                                  const char              *key,
                                                  GError                 **error);
gboolean        _heed_store_audit_keyed_all      (HeedStore               *self,
                                                  const char              *action,
                                                  const char              *table,
                                                  GError                 **error);
gboolean        _heed_store_audit_counter        (HeedStore               *self,
                                                  const char              *action,
                                                  const char              *prefix,
                                                  GError                 **error);
gboolean        _heed_store_audit_baseline       (HeedStore               *self,
                                                  GError                 **error);
HeedCheckState *_heed_check_state_new            (HeedStore               *self,
                                                  const HeedCheckOptions  *options,
                                                  GString                 *report,
                                                  GError                 **error);
void            _heed_check_state_free           (HeedCheckState          *state);
void            _heed_check_state_entry          (HeedCheckState          *state,
                                                  gint64                   id,
                                                  const char              *action,
                                                  const char              *table,
                                                  gint64                   row_id,
                                                  const char              *detail,
                                                  const char              *hash);
void            _heed_check_state_case           (HeedCheckState          *state,
                                                  gint64                   id,
                                                  const char              *reference);
const char     *_heed_check_state_case_reference (HeedCheckState          *state,
                                                  gint64                   case_id);
gboolean        _heed_check_state_finish         (HeedCheckState          *state,
                                                  gint64                   last_id,
                                                  guint                   *problems,
                                                  GError                 **error);
void            _heed_store_anchor_on_close      (HeedStore               *self);
void            _heed_store_anchor_backup        (HeedStore               *self,
                                                  const char              *destination);
gboolean        _heed_store_check_audit_with     (HeedStore               *self,
                                                  HeedCheckState          *state,
                                                  GString                 *report,
                                                  GError                 **error);

typedef void (*HeedStoreRecordFunc) (HeedRecord *record,
                                     gpointer    user_data);

gboolean      _heed_store_foreach_record   (HeedStore            *self,
                                            GType                 type,
                                            HeedStoreRecordFunc   func,
                                            gpointer              user_data,
                                            GError              **error);
void          _heed_store_class_sql_free   (gpointer data);
gboolean      _heed_store_seed             (HeedStore   *self,
                                            const char  *practice_name,
                                            HeedNation   nation,
                                            GError     **error);
gboolean      _heed_store_load_risk        (HeedStore   *self,
                                            GError     **error);

G_END_DECLS
