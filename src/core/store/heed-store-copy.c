/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-db-migrations.h"
#include "heed-db-private.h"
#include "heed-safe-output.h"
#include "heed-store-private.h"

/* A whole practice copied from one location to another — a file to a server, a server to a
 * file (its backup), a file to a file — row by row through the storage seam, so each side
 * keeps its own engine's schema. Everything is copied as it is, the audit trail and its chain
 * included: the copy is the same practice (its practice-id too), and checks as the original
 * does. Derived data (the search index) is rebuilt on the far side by its own triggers. */

/* The tables in an order that puts every row after the rows it refers to. */
static const char * const copied_tables[] = {
  "settings", "setting_blobs", "categories", "risk_matrix", "staff", "people", "cases",
  "case_staff", "case_elements", "events", "attachments", "actions", "templates", "letters",
  "survey_responses", "restrictions", "audit", "destroyed", "reference_counters",
  "form_drafts", "report_summaries",
};

typedef enum {
  COLUMN_TEXT,
  COLUMN_INTEGER,
  COLUMN_REAL,
  COLUMN_BLOB,
} ColumnKind;

typedef struct {
  char       *name;
  ColumnKind  kind;
} Column;

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->name);
}

static ColumnKind
kind_of_declared_type (const char *declared)
{
  g_autofree char *type = g_ascii_strdown (declared != NULL ? declared : "", -1);

  if (strstr (type, "int") != NULL || strstr (type, "bool") != NULL)
    return COLUMN_INTEGER;
  if (strstr (type, "blob") != NULL || strstr (type, "bytea") != NULL)
    return COLUMN_BLOB;
  if (strstr (type, "real") != NULL || strstr (type, "double") != NULL
      || strstr (type, "numeric") != NULL || strstr (type, "float") != NULL)
    return COLUMN_REAL;
  return COLUMN_TEXT;
}

/* The columns @table has at @db, with the kind of value each holds there. */
static GArray *
list_columns (HeedDb      *db,
              const char  *table,
              GError     **error)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_array_set_clear_func (columns, column_clear);
  if (heed_db_get_engine (db) == HEED_DB_ENGINE_SQLITE)
    stmt = heed_db_prepare (db, "SELECT name, type FROM pragma_table_info (:name) ORDER BY cid",
                            error);
  else
    stmt = heed_db_prepare (db,
                            "SELECT column_name, data_type FROM information_schema.columns "
                            "WHERE table_schema = 'public' AND table_name = :name "
                            "ORDER BY ordinal_position",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "name", table);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      Column column = {
        heed_db_statement_dup_column_text (stmt, 0),
        kind_of_declared_type (heed_db_statement_column_text (stmt, 1)),
      };

      g_array_append_val (columns, column);
    }
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&columns);
}

static const Column *
find_column (GArray     *columns,
             const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (strcmp (g_array_index (columns, Column, i).name, name) == 0)
      return &g_array_index (columns, Column, i);
  return NULL;
}

/* Keywords of either engine that are also column names here. */
static char *
quoted (const char *name)
{
  return g_strdup_printf ("\"%s\"", name);
}

static void
bind_value (HeedDbStatement *insert,
            const char      *parameter,
            const Column    *column,
            HeedDbStatement *row,
            int              index)
{
  if (heed_db_statement_column_is_null (row, index))
    {
      heed_db_statement_bind_null (insert, parameter);
      return;
    }
  switch (column->kind)
    {
    case COLUMN_INTEGER:
      heed_db_statement_bind_int64 (insert, parameter,
                                    heed_db_statement_column_int64 (row, index));
      break;
    case COLUMN_REAL:
      heed_db_statement_bind_double (insert, parameter,
                                     heed_db_statement_column_double (row, index));
      break;
    case COLUMN_BLOB:
      {
        gsize length = 0;
        const void *data = heed_db_statement_column_blob (row, index, &length);

        heed_db_statement_bind_blob (insert, parameter, data, length);
      }
      break;
    case COLUMN_TEXT:
    default:
      heed_db_statement_bind_text (insert, parameter, heed_db_statement_column_text (row, index));
      break;
    }
}

static gboolean
copy_table (HeedDb      *source,
            HeedDb      *dest,
            const char  *table,
            gint64      *rows,
            GError     **error)
{
  g_autoptr(GArray) from = NULL;
  g_autoptr(GArray) to = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GPtrArray) parameters = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();
  g_autoptr(HeedDbStatement) select = NULL;
  g_autoptr(HeedDbStatement) insert = NULL;
  g_autofree char *select_sql = NULL;
  g_autofree char *insert_sql = NULL;
  HeedDbStep step;

  from = list_columns (source, table, error);
  if (from == NULL)
    return FALSE;
  to = list_columns (dest, table, error);
  if (to == NULL)
    return FALSE;
  if (from->len == 0 || to->len == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice has no table “%s” on one side, so it was not copied."),
                   table);
      return FALSE;
    }

  for (guint i = 0; i < from->len; i++)
    {
      const Column *column = &g_array_index (from, Column, i);
      const Column *target = find_column (to, column->name);
      g_autofree char *name = quoted (column->name);

      /* Nothing may be left behind: a column the far side lacks is a schema that differs. */
      if (target == NULL)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                       _("The practice could not be copied: its “%s” records have a “%s” "
                         "that the destination has no place for."),
                       table, column->name);
          return FALSE;
        }
      if (names->len > 0)
        {
          g_string_append (names, ", ");
          g_string_append (values, ", ");
        }
      g_string_append (names, name);
      g_string_append_printf (values, ":c%u", i);
      g_ptr_array_add (parameters, g_strdup_printf ("c%u", i));
      g_ptr_array_add (kinds, (gpointer) target);
    }

  select_sql = g_strdup_printf ("SELECT %s FROM %s ORDER BY 1", names->str, table);
  insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", table, names->str,
                                values->str);
  select = heed_db_prepare (source, select_sql, error);
  if (select == NULL)
    return FALSE;
  insert = heed_db_prepare (dest, insert_sql, error);
  if (insert == NULL)
    return FALSE;

  while ((step = heed_db_statement_step (select, error)) == HEED_DB_STEP_ROW)
    {
      for (guint i = 0; i < parameters->len; i++)
        bind_value (insert, g_ptr_array_index (parameters, i), g_ptr_array_index (kinds, i),
                    select, (int) i);
      if (!heed_db_statement_execute (insert, error))
        return FALSE;
      heed_db_statement_reset (insert);
      (*rows)++;
    }
  return step == HEED_DB_STEP_DONE;
}

/* A server numbers new rows from a sequence, which the copied ids have overtaken. */
static gboolean
move_sequences_on (HeedDb  *dest,
                   GError **error)
{
  if (heed_db_get_engine (dest) != HEED_DB_ENGINE_POSTGRES)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (copied_tables); i++)
    {
      g_autoptr(GArray) columns = list_columns (dest, copied_tables[i], error);
      g_autofree char *sql = NULL;

      if (columns == NULL)
        return FALSE;
      if (find_column (columns, "id") == NULL)
        continue;
      sql = g_strdup_printf ("SELECT setval (pg_get_serial_sequence ('%s', 'id'), "
                             "coalesce (max (id), 0) + 1, false) FROM %s",
                             copied_tables[i], copied_tables[i]);
      if (!heed_db_exec (dest, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
copy_rows (HeedDb      *source,
           HeedDb      *dest,
           GError     **error)
{
  gint64 rows = 0;

  /* One moment of the source, whoever else writes to it meanwhile. */
  if (!heed_db_begin (source, HEED_DB_BEGIN_SNAPSHOT, error))
    return FALSE;
  if (!heed_db_begin (dest, HEED_DB_BEGIN_WRITE, error))
    {
      heed_db_rollback (source);
      return FALSE;
    }
  /* The migrations of a new destination may have left rows the copy replaces; the trail
   * refuses DELETE, so it must be empty to begin with. */
  for (guint i = G_N_ELEMENTS (copied_tables); i-- > 0;)
    {
      g_autofree char *sql = NULL;

      if (strcmp (copied_tables[i], "audit") == 0)
        continue;
      sql = g_strdup_printf ("DELETE FROM %s", copied_tables[i]);
      if (!heed_db_exec (dest, sql, error))
        goto failed;
    }
  for (guint i = 0; i < G_N_ELEMENTS (copied_tables); i++)
    if (!copy_table (source, dest, copied_tables[i], &rows, error))
      goto failed;
  if (!move_sequences_on (dest, error) || !heed_db_commit (dest, error))
    goto failed;
  heed_db_rollback (source);
  g_debug ("Copied %" G_GINT64_FORMAT " rows", rows);
  return TRUE;

failed:
  if (heed_db_get_transaction_depth (dest) > 0)
    heed_db_rollback (dest);
  heed_db_rollback (source);
  return FALSE;
}

/* The destination, made ready for a copy: a file's schema made in @path (a new, empty file),
 * or a server database that holds no practice yet. */
static HeedDb *
open_destination (HeedLocation  *location,
                  GError       **error)
{
  g_autoptr(HeedDb) dest = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  int version = 0;

  dest = heed_db_open (location, HEED_DB_OPEN_DEFAULT, error);
  if (dest == NULL)
    return NULL;
  if (!heed_db_read_schema_version (dest, &version, error))
    return NULL;
  if (version > 0)
    {
      gint64 audit = 0;

      stmt = heed_db_prepare (dest, "SELECT count(*) FROM audit", error);
      if (stmt == NULL || heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
        return NULL;
      audit = heed_db_statement_column_int64 (stmt, 0);
      g_clear_pointer (&stmt, heed_db_statement_unref);
      if (audit > 0)
        {
          g_autofree char *display = heed_location_dup_display (location);

          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                       _("“%s” already holds a practice; Heed copies a practice only into an "
                         "empty database or a new file."),
                       display);
          return NULL;
        }
    }
  if (heed_db_get_engine (dest) == HEED_DB_ENGINE_SQLITE
      && !heed_db_exec (dest, "PRAGMA journal_mode = DELETE", error))
    return NULL;
  if (!heed_db_migrate (dest, NULL, error))
    return NULL;
  return g_steal_pointer (&dest);
}

static gboolean
check_copy (HeedLocation  *location,
            GError       **error)
{
  g_autoptr(HeedStore) copy = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  copy = _heed_store_open_at (location, HEED_STORE_OPEN_READ_ONLY, &local_error);
  if (copy == NULL || !heed_store_check (copy, report, &local_error))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                   _("The copy does not check as the practice does: %s"),
                   local_error != NULL ? local_error->message : report->str);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_to_file (HeedStore   *self,
              const char  *path,
              GError     **error)
{
  g_autoptr(HeedSafeOutput) output = NULL;
  g_autoptr(HeedLocation) temp = NULL;
  g_autoptr(HeedDb) dest = NULL;
  g_autoptr(GError) local_error = NULL;

  output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT, &local_error);
  if (output == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR,
                   g_error_matches (local_error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED)
                     ? HEED_STORE_ERROR_INVALID
                     : HEED_STORE_ERROR_IO,
                   "%s", local_error->message);
      return FALSE;
    }
  temp = heed_location_new_for_path (heed_safe_output_get_temp_path (output));
  dest = open_destination (temp, error);
  if (dest == NULL || !copy_rows (self->conn, dest, error))
    return FALSE;
  heed_db_close (dest);
  if (!check_copy (temp, error))
    return FALSE;
  if (!heed_safe_output_commit (output, &local_error))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The copy could not be put in place at “%s”: %s"), path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
copy_to_server (HeedStore     *self,
                HeedLocation  *location,
                GError       **error)
{
  g_autoptr(HeedDb) dest = open_destination (location, error);

  if (dest == NULL || !copy_rows (self->conn, dest, error))
    return FALSE;
  heed_db_close (dest);
  return check_copy (location, error);
}

/* How many others are connected to the database of @dest, which a replacement would leave
 * working in a practice that is no longer there. */
static gboolean
count_other_seats (HeedDb  *dest,
                   gint64  *others,
                   GError **error)
{
  g_autoptr(HeedDbStatement) stmt =
    heed_db_prepare (dest,
                     "SELECT count (*) FROM pg_stat_activity WHERE datname = current_database () "
                     "AND pid <> pg_backend_pid () AND backend_type = 'client backend'",
                     error);

  if (stmt == NULL || heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
    return FALSE;
  *others = heed_db_statement_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
_heed_store_replace_in (HeedDb        *dest,
                        HeedStore     *source,
                        HeedLocation  *location,
                        GError       **error)
{
  gint64 others = 0;

  if (!count_other_seats (dest, &others, error))
    return FALSE;
  if (others > 0)
    {
      g_autofree char *display = heed_location_dup_display (location);

      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_BUSY,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Someone is still connected to “%s” (%d connection). Restoring "
                                "would throw away what they save: everyone closes Heed first. "
                                "Nothing was changed.",
                                "Someone is still connected to “%s” (%d connections). Restoring "
                                "would throw away what they save: everyone closes Heed first. "
                                "Nothing was changed.",
                                (gulong) others),
                   display, (int) others);
      return FALSE;
    }
  /* All or nothing: the practice's schema made again and filled from the backup in one
   * transaction, so a failure leaves the practice as it was. The duties' group roles are the
   * server's, not the schema's, and outlive it. */
  if (!heed_db_begin (dest, HEED_DB_BEGIN_WRITE, error))
    return FALSE;
  if (!heed_db_exec (dest, "DROP SCHEMA public CASCADE", error)
      || !heed_db_exec (dest, "CREATE SCHEMA public", error)
      || !heed_db_exec (dest, "GRANT USAGE ON SCHEMA public TO PUBLIC", error)
      || !heed_db_migrate (dest, NULL, error) || !copy_rows (source->conn, dest, error)
      || !heed_db_commit (dest, error))
    {
      if (heed_db_get_transaction_depth (dest) > 0)
        heed_db_rollback (dest);
      return FALSE;
    }
  return TRUE;
}

gboolean
heed_store_copy (HeedStore   *self,
                 const char  *destination,
                 GError     **error)
{
  g_autoptr(HeedLocation) location = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->conn == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice is closed."));
      return FALSE;
    }
  location = heed_location_parse (destination, error);
  if (location == NULL)
    return FALSE;
  if (heed_location_is_server (location))
    return copy_to_server (self, location, error);
  if (g_file_test (heed_location_get_path (location), G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                   _("There is already a file at “%s”; Heed will not copy over it."),
                   heed_location_get_path (location));
      return FALSE;
    }
  return copy_to_file (self, heed_location_get_path (location), error);
}
