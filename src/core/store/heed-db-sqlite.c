/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-db"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "heed-db-private.h"
#include "heed-db-sqlite.h"

/* The practice file's driver: SQLite as the store has always used it — WAL journaling,
 * synchronous=FULL, foreign keys on, a busy timeout, prepared statements kept for reuse. */

struct _HeedDbSqlite
{
  HeedDb      parent_instance;

  sqlite3    *db;
  GHashTable *idle;       /* SQL text -> an sqlite3_stmt nobody is using */
};

G_DEFINE_FINAL_TYPE (HeedDbSqlite, heed_db_sqlite, HEED_TYPE_DB)

typedef struct
{
  HeedDbStatement  parent;
  sqlite3_stmt    *stmt;
  char            *sql;
  GStrv            names;
  gboolean         bound;
  gint64           changes;
} SqliteStatement;

static void
set_sqlite_error (sqlite3  *db,
                  int       rc,
                  GError  **error)
{
  int primary = rc & 0xff;
  const char *raw = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *message = NULL;
  HeedStoreError code;

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = HEED_STORE_ERROR_BUSY;
      message = g_strdup (_("The practice file is busy with another change. Try again in a "
                            "moment."));
      break;
    case SQLITE_CONSTRAINT:
      code = HEED_STORE_ERROR_NOT_ALLOWED;
      switch (rc)
        {
        case SQLITE_CONSTRAINT_TRIGGER:
          /* The practice's own rules, whose words are Heed's (see the migrations). */
          message = g_strdup_printf (_("This change is not allowed: %s."), raw);
          break;
        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          message = g_strdup (_("This change is not allowed: it would make a second record "
                                "where there may be only one."));
          break;
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          message = g_strdup (_("This change is not allowed: it refers to a record that does "
                                "not exist, or removes one that others refer to."));
          break;
        default:
          message = g_strdup (_("This change is not allowed: a value is missing or not one "
                                "the practice accepts."));
          break;
        }
      break;
    case SQLITE_CANTOPEN:
      code = HEED_STORE_ERROR_NOT_FOUND;
      message = g_strdup (_("The practice file could not be opened: it is not there, or its "
                            "folder cannot be read."));
      break;
    case SQLITE_READONLY:
      /* Even reading needs the small working files beside a practice file (-wal, -shm); in a
       * folder nobody may write to, SQLite cannot make them. Saying "nothing was saved" to
       * someone who only wanted to look would be wrong. */
      if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
        {
          code = HEED_STORE_ERROR_IO;
          message = g_strdup (_("Heed cannot open the practice file in this folder, because it "
                                "may not make its working files beside it. Copy the file to a "
                                "folder you may write to, or ask for permission to write to "
                                "this one."));
          break;
        }
      G_GNUC_FALLTHROUGH;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = g_strdup (_("Heed may not change this practice file, so nothing was saved."));
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = HEED_STORE_ERROR_DAMAGED;
      message = g_strdup (_("The practice file is damaged. Restore it from a backup."));
      break;
    case SQLITE_FULL:
      code = HEED_STORE_ERROR_IO;
      message = g_strdup (_("The disk is full, so nothing was saved. Make some room and try "
                            "again."));
      break;
    case SQLITE_IOERR:
      code = HEED_STORE_ERROR_IO;
      message = g_strdup (_("The practice file could not be read or written. Nothing was "
                            "saved."));
      break;
    default:
      code = HEED_STORE_ERROR_FAILED;
      message = g_strdup (_("The practice file gave an error Heed did not expect. Nothing "
                            "was saved."));
      break;
    }
  _heed_db_set_error (error, code, message, raw);
}

/* Statements */

static void
sqlite_statement_free (HeedDbStatement *base)
{
  SqliteStatement *self = (SqliteStatement *) base;
  HeedDbSqlite *db = HEED_DB_SQLITE (base->db);

  if (self->stmt != NULL)
    {
      if (db->db != NULL && !g_hash_table_contains (db->idle, self->sql))
        {
          sqlite3_reset (self->stmt);
          sqlite3_clear_bindings (self->stmt);
          g_hash_table_insert (db->idle, g_steal_pointer (&self->sql), self->stmt);
        }
      else
        sqlite3_finalize (self->stmt);
    }
  g_free (self->sql);
  g_strfreev (self->names);
}

static gboolean
bind_values (SqliteStatement  *self,
             GError          **error)
{
  HeedDbStatement *base = &self->parent;
  int rc = SQLITE_OK;

  for (guint i = 0; i < base->n_params && rc == SQLITE_OK; i++)
    {
      HeedDbValue *value = &base->values[i];
      int index = (int) i + 1;

      switch (value->type)
        {
        case HEED_DB_VALUE_NULL:
          rc = sqlite3_bind_null (self->stmt, index);
          break;
        case HEED_DB_VALUE_TEXT:
          rc = sqlite3_bind_text64 (self->stmt, index, value->data, value->length,
                                    SQLITE_STATIC, SQLITE_UTF8);
          break;
        case HEED_DB_VALUE_INT64:
          rc = sqlite3_bind_int64 (self->stmt, index, value->i);
          break;
        case HEED_DB_VALUE_DOUBLE:
          rc = sqlite3_bind_double (self->stmt, index, value->d);
          break;
        case HEED_DB_VALUE_BLOB:
          rc = sqlite3_bind_blob64 (self->stmt, index, value->data, value->length,
                                    SQLITE_STATIC);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (HEED_DB_SQLITE (base->db)->db, rc, error);
      return FALSE;
    }
  self->bound = TRUE;
  return TRUE;
}

static HeedDbStep
sqlite_statement_step (HeedDbStatement  *base,
                       GError          **error)
{
  SqliteStatement *self = (SqliteStatement *) base;
  sqlite3 *db = HEED_DB_SQLITE (base->db)->db;
  int rc;

  if (!self->bound && !bind_values (self, error))
    return HEED_DB_STEP_ERROR;

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return HEED_DB_STEP_ROW;
  if (rc == SQLITE_DONE)
    {
      self->changes = sqlite3_changes64 (db);
      return HEED_DB_STEP_DONE;
    }
  set_sqlite_error (db, rc, error);
  sqlite3_reset (self->stmt);
  return HEED_DB_STEP_ERROR;
}

static void
sqlite_statement_reset (HeedDbStatement *base)
{
  SqliteStatement *self = (SqliteStatement *) base;

  /* The values stay bound in HeedDbStatement; SQLite reads them again on the next step. */
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);
  self->bound = FALSE;
}

static gboolean
sqlite_statement_insert (HeedDbStatement  *base,
                         gint64           *id,
                         GError          **error)
{
  HeedDbStep step;

  while ((step = sqlite_statement_step (base, error)) == HEED_DB_STEP_ROW)
    ;
  if (step != HEED_DB_STEP_DONE)
    return FALSE;
  *id = sqlite3_last_insert_rowid (HEED_DB_SQLITE (base->db)->db);
  return TRUE;
}

static gint64
sqlite_statement_changes (HeedDbStatement *base)
{
  return ((SqliteStatement *) base)->changes;
}

static int
sqlite_statement_column_count (HeedDbStatement *base)
{
  return sqlite3_column_count (((SqliteStatement *) base)->stmt);
}

static const char *
sqlite_statement_column_name (HeedDbStatement *base,
                              int              column)
{
  return sqlite3_column_name (((SqliteStatement *) base)->stmt, column);
}

static gboolean
sqlite_statement_column_is_null (HeedDbStatement *base,
                                 int              column)
{
  return sqlite3_column_type (((SqliteStatement *) base)->stmt, column) == SQLITE_NULL;
}

static const char *
sqlite_statement_column_text (HeedDbStatement *base,
                              int              column)
{
  return (const char *) sqlite3_column_text (((SqliteStatement *) base)->stmt, column);
}

static gint64
sqlite_statement_column_int64 (HeedDbStatement *base,
                               int              column)
{
  return sqlite3_column_int64 (((SqliteStatement *) base)->stmt, column);
}

static double
sqlite_statement_column_double (HeedDbStatement *base,
                                int              column)
{
  return sqlite3_column_double (((SqliteStatement *) base)->stmt, column);
}

static const void *
sqlite_statement_column_blob (HeedDbStatement *base,
                              int              column,
                              gsize           *length)
{
  sqlite3_stmt *stmt = ((SqliteStatement *) base)->stmt;
  const void *data;

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  data = sqlite3_column_blob (stmt, column);
  *length = sqlite3_column_bytes (stmt, column);
  /* SQLite gives NULL for an empty blob; it is not a missing one. */
  return data != NULL ? data : "";
}

static const HeedDbStatementClass sqlite_statement_class = {
  .free = sqlite_statement_free,
  .step = sqlite_statement_step,
  .reset = sqlite_statement_reset,
  .insert = sqlite_statement_insert,
  .changes = sqlite_statement_changes,
  .column_count = sqlite_statement_column_count,
  .column_name = sqlite_statement_column_name,
  .column_is_null = sqlite_statement_column_is_null,
  .column_text = sqlite_statement_column_text,
  .column_int64 = sqlite_statement_column_int64,
  .column_double = sqlite_statement_column_double,
  .column_blob = sqlite_statement_column_blob,
};

static HeedDbStatement *
heed_db_sqlite_prepare (HeedDb      *db,
                        const char  *sql,
                        GError     **error)
{
  HeedDbSqlite *self = HEED_DB_SQLITE (db);
  SqliteStatement *stmt;
  sqlite3_stmt *prepared = NULL;
  gpointer key = NULL;
  GStrv names;
  int n;

  if (g_hash_table_steal_extended (self->idle, sql, &key, (gpointer *) &prepared))
    g_free (key);
  else
    {
      const char *tail = NULL;
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &prepared,
                                   &tail);

      if (rc != SQLITE_OK)
        {
          set_sqlite_error (self->db, rc, error);
          return NULL;
        }
      while (tail != NULL && (g_ascii_isspace (*tail) || *tail == ';'))
        tail++;
      if (tail != NULL && *tail != '\0')
        {
          /* One statement at a time, as on a server; heed_db_exec() runs lists. */
          sqlite3_finalize (prepared);
          g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                               _("The practice file gave an error Heed did not expect. Nothing "
                                 "was saved."));
          g_debug ("More than one statement to prepare: %s", sql);
          return NULL;
        }
      if (prepared == NULL)
        {
          g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                               _("Heed asked the practice file for nothing at all."));
          return NULL;
        }
    }

  n = sqlite3_bind_parameter_count (prepared);
  names = g_new0 (char *, n + 1);
  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_bind_parameter_name (prepared, i + 1);

      names[i] = name != NULL ? g_strdup (name + 1) : g_strdup ("");
    }

  stmt = _heed_db_statement_new (&sqlite_statement_class, sizeof (SqliteStatement), db,
                                 (const char * const *) names, n);
  stmt->stmt = prepared;
  stmt->sql = g_strdup (sql);
  stmt->names = names;
  return &stmt->parent;
}

static gboolean
heed_db_sqlite_exec (HeedDb      *db,
                     const char  *sql,
                     GError     **error)
{
  HeedDbSqlite *self = HEED_DB_SQLITE (db);
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
heed_db_sqlite_close (HeedDb *db)
{
  HeedDbSqlite *self = HEED_DB_SQLITE (db);

  g_hash_table_remove_all (self->idle);
  if (self->db != NULL)
    {
      /* Statements still held elsewhere keep the connection until they are freed. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
}

static gboolean
heed_db_sqlite_is_open (HeedDb *db)
{
  return HEED_DB_SQLITE (db)->db != NULL;
}

static gboolean
heed_db_sqlite_set_lock_timeout (HeedDb   *db,
                                 guint     milliseconds,
                                 GError  **error)
{
  sqlite3_busy_timeout (HEED_DB_SQLITE (db)->db, (int) MIN (milliseconds, G_MAXINT));
  return TRUE;
}

static char *
heed_db_sqlite_dup_server_version (HeedDb *db)
{
  return g_strdup_printf ("SQLite %s", sqlite3_libversion ());
}

static void
heed_db_sqlite_finalize (GObject *object)
{
  HeedDbSqlite *self = HEED_DB_SQLITE (object);

  heed_db_sqlite_close (HEED_DB (self));
  g_clear_pointer (&self->idle, g_hash_table_unref);

  G_OBJECT_CLASS (heed_db_sqlite_parent_class)->finalize (object);
}

static void
heed_db_sqlite_class_init (HeedDbSqliteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeedDbClass *db_class = HEED_DB_CLASS (klass);

  object_class->finalize = heed_db_sqlite_finalize;

  db_class->engine = HEED_DB_ENGINE_SQLITE;
  /* The write lock at once, so that two writers never deadlock over upgrading theirs. */
  db_class->begin_write_sql = "BEGIN IMMEDIATE";
  db_class->begin_snapshot_sql = "BEGIN DEFERRED";
  db_class->prepare = heed_db_sqlite_prepare;
  db_class->exec = heed_db_sqlite_exec;
  db_class->close = heed_db_sqlite_close;
  db_class->is_open = heed_db_sqlite_is_open;
  db_class->set_lock_timeout = heed_db_sqlite_set_lock_timeout;
  db_class->dup_server_version = heed_db_sqlite_dup_server_version;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
heed_db_sqlite_init (HeedDbSqlite *self)
{
  self->idle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

sqlite3 *
_heed_db_sqlite_get_handle (HeedDb *db)
{
  g_return_val_if_fail (HEED_IS_DB_SQLITE (db), NULL);
  return HEED_DB_SQLITE (db)->db;
}

HeedDb *
_heed_db_sqlite_open (HeedLocation     *location,
                      HeedDbOpenFlags   flags,
                      GError          **error)
{
  g_autoptr(HeedDbSqlite) self = NULL;
  const char *path = heed_location_get_path (location);
  gboolean read_only = (flags & HEED_DB_OPEN_READ_ONLY) != 0;
  int sqlite_flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE)
                     | SQLITE_OPEN_NOMUTEX;
  g_autofree char *display = heed_location_dup_display (location);
  int rc;

  if ((flags & HEED_DB_OPEN_CREATE) != 0)
    {
      int fd;

      g_return_val_if_fail (!read_only, NULL);
      fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0)
        {
          int saved = errno;

          if (saved == EEXIST)
            g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                         _("There is already a file at “%s”; Heed will not overwrite it."),
                         display);
          else if (saved == EACCES || saved == EPERM || saved == EROFS)
            g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED,
                         _("Heed may not make a file at “%s”."), display);
          else
            g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                         _("Heed could not make a file at “%s”: %s."), display,
                         g_strerror (saved));
          return NULL;
        }
      close (fd);
    }
  else if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND,
                   _("There is no practice file at “%s”."), display);
      return NULL;
    }

  self = g_object_new (HEED_TYPE_DB_SQLITE, NULL);
  _heed_db_set_location (HEED_DB (self), location, read_only);

  rc = sqlite3_open_v2 (path, &self->db, sqlite_flags, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->db, rc, error);
      sqlite3_close (self->db);
      self->db = NULL;
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!heed_db_sqlite_exec (HEED_DB (self), "PRAGMA foreign_keys = ON", error))
    return NULL;
  if (!read_only
      && (!heed_db_sqlite_exec (HEED_DB (self), "PRAGMA journal_mode = WAL", error)
          || !heed_db_sqlite_exec (HEED_DB (self), "PRAGMA synchronous = FULL", error)))
    return NULL;

  return HEED_DB (g_steal_pointer (&self));
}
