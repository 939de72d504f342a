/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-db"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-db-migrations.h"
#include "heed-store.h"

/* The migration runner, over the driver interface: one series per engine, numbered alike and
 * meaning the same schema. */

static const struct {
  const char *sqlite;
  /* PRAGMA takes no bound parameters, so the statement is written out, not formatted. */
  const char *sqlite_set_version;
  const char *postgres;
} migrations[] = {
  { RESOURCE_BASE "/core/migrations/0001-initial.sql", "PRAGMA user_version = 1",
    RESOURCE_BASE "/core/migrations/postgres/0001-initial.sql" },
  { RESOURCE_BASE "/core/migrations/0002-form-drafts.sql", "PRAGMA user_version = 2",
    RESOURCE_BASE "/core/migrations/postgres/0002-form-drafts.sql" },
  { RESOURCE_BASE "/core/migrations/0003-audit-by-record.sql", "PRAGMA user_version = 3",
    RESOURCE_BASE "/core/migrations/postgres/0003-audit-by-record.sql" },
  { RESOURCE_BASE "/core/migrations/0004-cases-by-date.sql", "PRAGMA user_version = 4",
    RESOURCE_BASE "/core/migrations/postgres/0004-cases-by-date.sql" },
  { RESOURCE_BASE "/core/migrations/0005-trail-anchors.sql", "PRAGMA user_version = 5",
    RESOURCE_BASE "/core/migrations/postgres/0005-trail-anchors.sql" },
  { RESOURCE_BASE "/core/migrations/0006-care-and-rules.sql", "PRAGMA user_version = 6",
    RESOURCE_BASE "/core/migrations/postgres/0006-care-and-rules.sql" },
  { RESOURCE_BASE "/core/migrations/0007-record-versions.sql", "PRAGMA user_version = 7",
    RESOURCE_BASE "/core/migrations/postgres/0007-record-versions.sql" },
  { RESOURCE_BASE "/core/migrations/0008-duties.sql", "PRAGMA user_version = 8",
    RESOURCE_BASE "/core/migrations/postgres/0008-duties.sql" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == HEED_STORE_SCHEMA_VERSION);
G_STATIC_ASSERT (HEED_STORE_APPLICATION_ID == 1212499268);

/* Taken by a server migration's transaction, so two seats never migrate at once. */
#define MIGRATION_LOCK_SQL "SELECT pg_advisory_xact_lock (1212499268)"

static gboolean
query_int (HeedDb      *db,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = heed_db_prepare (db, sql, error);
  HeedDbStep step;

  if (stmt == NULL)
    return FALSE;
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  *value = step == HEED_DB_STEP_ROW ? heed_db_statement_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static void
set_not_heed (HeedDb  *db,
              GError **error)
{
  g_autofree char *display = heed_location_dup_display (heed_db_get_location (db));

  if (heed_db_get_engine (db) == HEED_DB_ENGINE_POSTGRES)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                 _("The database at %s holds something other than a Heed practice; Heed will "
                   "not change it."),
                 display);
  else
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_HEED,
                 _("“%s” is not a Heed practice file this Heed can open."), display);
}

gboolean
heed_db_read_schema_version (HeedDb   *db,
                             int      *version,
                             GError  **error)
{
  gint64 value = 0;

  g_return_val_if_fail (HEED_IS_DB (db), FALSE);
  g_return_val_if_fail (version != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *version = 0;
  if (heed_db_get_engine (db) == HEED_DB_ENGINE_SQLITE)
    {
      gint64 application_id = 0, objects = 0;

      if (!query_int (db, "PRAGMA application_id", &application_id, error)
          || !query_int (db, "PRAGMA user_version", &value, error)
          || !query_int (db, "SELECT count(*) FROM sqlite_schema", &objects, error))
        return FALSE;
      if ((application_id != HEED_STORE_APPLICATION_ID && (application_id != 0 || objects > 0))
          || value < 0)
        {
          set_not_heed (db, error);
          return FALSE;
        }
    }
  else
    {
      gint64 known = 0;

      if (!query_int (db, "SELECT count(*) FROM pg_catalog.pg_class c "
                          "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE n.nspname = 'public' AND c.relname = 'heed_schema'",
                      &known, error))
        return FALSE;
      if (known == 0)
        {
          gint64 objects = 0;

          if (!query_int (db, "SELECT count(*) FROM pg_catalog.pg_class c "
                              "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                              "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', "
                              "'m', 'f')",
                          &objects, error))
            return FALSE;
          if (objects > 0)
            {
              set_not_heed (db, error);
              return FALSE;
            }
          return TRUE;
        }
      if (!query_int (db, "SELECT coalesce (max (version), 0) FROM heed_schema", &value, error))
        return FALSE;
    }
  *version = (int) CLAMP (value, 0, G_MAXINT);
  return TRUE;
}

static gboolean
check_not_newer (HeedDb  *db,
                 int      version,
                 GError **error)
{
  g_autofree char *display = NULL;

  if (version <= HEED_STORE_SCHEMA_VERSION)
    return TRUE;
  display = heed_location_dup_display (heed_db_get_location (db));
  g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_TOO_NEW,
               _("The practice at %s was last used by a newer version of Heed (its records are "
                 "kept in form %d; this Heed knows up to %d). Nothing was changed: update Heed "
                 "on this computer."),
               display, version, HEED_STORE_SCHEMA_VERSION);
  return FALSE;
}

static gboolean
record_version (HeedDb  *db,
                int      version,
                GError **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *at = NULL;

  if (heed_db_get_engine (db) == HEED_DB_ENGINE_SQLITE)
    return heed_db_exec (db, migrations[version - 1].sqlite_set_version, error);

  stmt = heed_db_prepare (db, "INSERT INTO heed_schema (version, applied_at) "
                              "VALUES (:version, :at)", error);
  if (stmt == NULL)
    return FALSE;
  now = g_date_time_new_now_local ();
  at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  heed_db_statement_bind_int64 (stmt, ":version", version);
  heed_db_statement_bind_text (stmt, ":at", at);
  return heed_db_statement_execute (stmt, error);
}

static gboolean
apply_one (HeedDb   *db,
           int       version,
           gboolean *applied,
           GError  **error)
{
  gboolean server = heed_db_get_engine (db) == HEED_DB_ENGINE_POSTGRES;
  const char *resource = server ? migrations[version].postgres : migrations[version].sqlite;
  g_autoptr(GBytes) sql = NULL;
  g_autoptr(GError) local_error = NULL;
  int now = 0;

  *applied = FALSE;
  sql = g_resources_lookup_data (resource, 0, &local_error);
  if (sql == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("Heed is missing its own migration %d: %s"), version + 1,
                   local_error->message);
      return FALSE;
    }

  if (!heed_db_begin (db, HEED_DB_BEGIN_WRITE, error))
    return FALSE;
  /* Another seat may have applied it while this one waited for the lock. */
  if ((server && !heed_db_exec (db, MIGRATION_LOCK_SQL, error))
      || !heed_db_read_schema_version (db, &now, error)
      || !check_not_newer (db, now, error))
    {
      heed_db_rollback (db);
      return FALSE;
    }
  if (now > version)
    return heed_db_commit (db, error);

  if ((!server && version == 0
       && !heed_db_exec (db, "PRAGMA application_id = 1212499268", error))
      || !heed_db_exec (db, g_bytes_get_data (sql, NULL), error)
      || !record_version (db, version + 1, error))
    {
      heed_db_rollback (db);
      return FALSE;
    }
  if (!heed_db_commit (db, error))
    return FALSE;
  *applied = TRUE;
  return TRUE;
}

gboolean
heed_db_migrate (HeedDb   *db,
                 int      *applied,
                 GError  **error)
{
  int version = 0;
  int count = 0;

  g_return_val_if_fail (HEED_IS_DB (db), FALSE);
  /* On a server the migrations may run inside a larger change (a practice replaced from a
   * backup), each in a savepoint; a practice file's run on their own. */
  g_return_val_if_fail (heed_db_get_transaction_depth (db) == 0
                          || heed_db_get_engine (db) == HEED_DB_ENGINE_POSTGRES,
                        FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (applied != NULL)
    *applied = 0;
  if (!heed_db_read_schema_version (db, &version, error) || !check_not_newer (db, version, error))
    return FALSE;
  if (version < HEED_STORE_SCHEMA_VERSION && heed_db_is_read_only (db))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_READ_ONLY,
                           _("This practice needs updating to this version of Heed, which "
                             "cannot be done while it is open read-only."));
      return FALSE;
    }

  for (; version < HEED_STORE_SCHEMA_VERSION; version++)
    {
      gboolean ran = FALSE;

      if (!apply_one (db, version, &ran, error))
        return FALSE;
      count += ran ? 1 : 0;
    }
  if (applied != NULL)
    *applied = count;
  return TRUE;
}
