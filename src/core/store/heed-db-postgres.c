/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "heed-db-postgres.h"
#include "heed-db-private.h"

/* A practice on a PostgreSQL server, through libpq.
 *
 * Statements are prepared on the server once per connection (PQprepare) under a name of
 * their own, their `:name` parameters rewritten to `$n` with the types the server infers;
 * values go as text, blobs as binary (bytea); results come back as text, booleans read as
 * 1 and 0 and bytea decoded. Transactions are READ COMMITTED with explicit locks (see
 * heed-db.h for why). Change notifications (LISTEN/NOTIFY) reach a GSource watching the
 * connection's socket. */

#define BOOL_OID 16
#define BYTEA_OID 17

/* The oldest server Heed's SQL is written for (identity columns, EXECUTE FUNCTION, …). */
#define OLDEST_SERVER 120000

typedef struct
{
  gatomicrefcount ref_count;
  char           *name;      /* the server's name for it */
  char           *sql;       /* rewritten, with $n */
  GStrv           names;
  guint           n_params;
  gboolean        prepared;
} Plan;

typedef struct
{
  char *channel;
  char *payload;
} Notification;

struct _HeedDbPostgres
{
  HeedDb      parent_instance;

  PGconn     *conn;
  GHashTable *plans;         /* SQL as written -> Plan */
  guint       next_plan;
  GQueue      notifications; /* Notification, read from the connection and not yet given */
  char       *duties;        /* the signed-in role's duties, for refusals; NULL: the owner */
  gboolean    trail_function; /* the practice has heed_lock_trail() (migration 8) */
};

G_DEFINE_FINAL_TYPE (HeedDbPostgres, heed_db_postgres, HEED_TYPE_DB)

static Plan *
plan_ref (Plan *plan)
{
  g_atomic_ref_count_inc (&plan->ref_count);
  return plan;
}

static void
plan_unref (Plan *plan)
{
  if (!g_atomic_ref_count_dec (&plan->ref_count))
    return;
  g_free (plan->name);
  g_free (plan->sql);
  g_strfreev (plan->names);
  g_free (plan);
}

static void
notification_free (Notification *notification)
{
  g_free (notification->channel);
  g_free (notification->payload);
  g_free (notification);
}

/* Errors */

static gboolean
sqlstate_is (const char *state,
             const char *prefix)
{
  return state != NULL && g_str_has_prefix (state, prefix);
}

/* What a duty was refused, by table: the server's words name it ("permission denied for
 * table events", "new row violates row-level security policy for table "cases""), in
 * English at least; in another language the refusal stays general. */
static const char *const refused_tables[] = {
  "events", "attachments", "letters", "case_elements", "actions", "cases", "people", "staff",
  "templates", "settings", "audit",
};

static char *
dup_table_refusal (guint       table,
                   gboolean    read,
                   const char *duties)
{
  switch (table * 2 + (read ? 0 : 1))
    {
    case 0:
      return g_strdup_printf (_("Your duty (%s) does not let you read investigation notes."),
                              duties);
    case 1:
      return g_strdup_printf (_("Your duty (%s) does not let you add to or change "
                                "investigation notes."), duties);
    case 2:
      return g_strdup_printf (_("Your duty (%s) does not let you read attachments."), duties);
    case 3:
      return g_strdup_printf (_("Your duty (%s) does not let you add or change attachments."),
                              duties);
    case 4:
      return g_strdup_printf (_("Your duty (%s) does not let you read letters."), duties);
    case 5:
      return g_strdup_printf (_("Your duty (%s) does not let you write or change letters."),
                              duties);
    case 6:
      return g_strdup_printf (_("Your duty (%s) does not let you read findings and outcomes."),
                              duties);
    case 7:
      return g_strdup_printf (_("Your duty (%s) does not let you change findings and "
                                "outcomes."), duties);
    case 8:
      return g_strdup_printf (_("Your duty (%s) does not let you read action plans."), duties);
    case 9:
      return g_strdup_printf (_("Your duty (%s) does not let you change action plans."), duties);
    case 10:
      return g_strdup_printf (_("Your duty (%s) does not let you read a case in full, only the "
                                "list’s one-line summaries."), duties);
    case 11:
      return g_strdup_printf (_("Your duty (%s) does not let you make this change to a case."),
                              duties);
    case 12:
      return g_strdup_printf (_("Your duty (%s) does not let you read people’s details."),
                              duties);
    case 13:
      return g_strdup_printf (_("Your duty (%s) does not let you change people’s details."),
                              duties);
    case 14:
      return g_strdup_printf (_("Your duty (%s) does not let you read the staff list."), duties);
    case 15:
      return g_strdup_printf (_("Your duty (%s) does not let you change the staff list."),
                              duties);
    case 16:
      return g_strdup_printf (_("Your duty (%s) does not let you read letter templates."),
                              duties);
    case 17:
      return g_strdup_printf (_("Your duty (%s) does not let you change letter templates."),
                              duties);
    case 18:
      return g_strdup_printf (_("Your duty (%s) does not let you read the practice’s "
                                "settings."), duties);
    case 19:
      return g_strdup_printf (_("Your duty (%s) does not let you change the practice’s "
                                "settings."), duties);
    case 20:
      return g_strdup_printf (_("Your duty (%s) does not let you read the whole audit trail."),
                              duties);
    default:
      return g_strdup (_("Nobody may change or remove the audit trail’s entries, whatever "
                         "their duty."));
    }
}

/* The first word of SQL, past spaces: SELECT and WITH read, anything else changes. */
static gboolean
sql_reads (const char *sql)
{
  while (sql != NULL && g_ascii_isspace (*sql))
    sql++;
  return sql != NULL && (g_ascii_strncasecmp (sql, "SELECT", 6) == 0
                         || g_ascii_strncasecmp (sql, "WITH", 4) == 0);
}

static char *
dup_refusal (HeedDbPostgres *self,
             const char     *primary,
             const char     *sql)
{
  if (self->duties == NULL)
    return g_strdup (_("The practice server does not allow you to do this. Ask the "
                       "practice’s administrator for the right to do it."));
  for (guint i = 0; primary != NULL && i < G_N_ELEMENTS (refused_tables); i++)
    {
      g_autofree char *table = g_strconcat ("table ", refused_tables[i], NULL);
      g_autofree char *quoted = g_strconcat ("table \"", refused_tables[i], "\"", NULL);
      const char *end = NULL;

      if ((end = strstr (primary, table)) != NULL)
        end += strlen (table);
      else if ((end = strstr (primary, quoted)) != NULL)
        end += strlen (quoted);
      if (end == NULL || g_ascii_isalnum (*end) || *end == '_')
        continue;
      if (strcmp (self->duties, "reader") == 0 && sql_reads (sql))
        return g_strdup (_("Your duty (reader) gives the reports’ counts only: no cases, and no "
                           "names."));
      return dup_table_refusal (i, sql_reads (sql), self->duties);
    }
  return g_strdup_printf (_("Your duty (%s) does not let you do this. Ask the practice’s "
                            "manager if you need to."),
                          self->duties);
}

static void
set_result_error (HeedDbPostgres  *self,
                  PGresult        *result,
                  const char      *sql,
                  GError         **error)
{
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result != NULL ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY)
                                       : NULL;
  const char *raw = result != NULL && *PQresultErrorMessage (result) != '\0'
                      ? PQresultErrorMessage (result)
                      : PQerrorMessage (self->conn);
  g_autofree char *message = NULL;
  HeedStoreError code;

  if (PQstatus (self->conn) == CONNECTION_BAD || state == NULL || sqlstate_is (state, "08")
      || sqlstate_is (state, "57P0"))
    {
      code = HEED_STORE_ERROR_CONNECTION_LOST;
      message = g_strdup (_("The connection to the practice server was lost, so this change "
                            "was not saved. Connect again and try once more."));
    }
  else if (g_strcmp0 (state, "HE001") == 0)
    {
      /* The practice's own rules, whose words are Heed's (see the migrations). */
      code = HEED_STORE_ERROR_NOT_ALLOWED;
      message = g_strdup_printf (_("This change is not allowed: %s."), primary);
    }
  else if (g_strcmp0 (state, "23505") == 0)
    {
      code = HEED_STORE_ERROR_NOT_ALLOWED;
      message = g_strdup (_("This change is not allowed: it would make a second record where "
                            "there may be only one."));
    }
  else if (g_strcmp0 (state, "23503") == 0)
    {
      code = HEED_STORE_ERROR_NOT_ALLOWED;
      message = g_strdup (_("This change is not allowed: it refers to a record that does not "
                            "exist, or removes one that others refer to."));
    }
  else if (sqlstate_is (state, "23"))
    {
      code = HEED_STORE_ERROR_NOT_ALLOWED;
      message = g_strdup (_("This change is not allowed: a value is missing or not one the "
                            "practice accepts."));
    }
  else if (g_strcmp0 (state, "40001") == 0 || g_strcmp0 (state, "40P01") == 0
           || sqlstate_is (state, "55") || g_strcmp0 (state, "57014") == 0)
    {
      code = HEED_STORE_ERROR_BUSY;
      message = g_strdup (_("The practice server is busy with someone else’s change to the "
                            "same records. Try again in a moment."));
    }
  else if (g_strcmp0 (state, "25006") == 0)
    {
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = g_strdup (_("The practice is open read-only, so nothing can be changed."));
    }
  else if (g_strcmp0 (state, "42501") == 0)
    {
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = dup_refusal (self, primary, sql);
    }
  else if (sqlstate_is (state, "28"))
    {
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = g_strdup (_("The practice server does not allow you to do this. Ask the "
                            "practice’s administrator for the right to do it."));
    }
  else if (g_strcmp0 (state, "3D000") == 0)
    {
      code = HEED_STORE_ERROR_NOT_FOUND;
      message = g_strdup (_("There is no such practice database on the server."));
    }
  else if (sqlstate_is (state, "53") || sqlstate_is (state, "58"))
    {
      code = HEED_STORE_ERROR_IO;
      message = g_strdup (_("The practice server could not store this change (it may be out "
                            "of disk space). Nothing was saved; tell the practice’s IT."));
    }
  else if (sqlstate_is (state, "XX00"))
    {
      code = HEED_STORE_ERROR_DAMAGED;
      message = g_strdup (_("The practice server found its data damaged. Tell the practice’s "
                            "IT before going on."));
    }
  else if (g_strcmp0 (state, "25P02") == 0)
    {
      code = HEED_STORE_ERROR_FAILED;
      message = g_strdup (_("An earlier step of this change failed, so none of it can be "
                            "saved. Start the change again."));
    }
  else
    {
      code = HEED_STORE_ERROR_FAILED;
      message = g_strdup (_("The practice server gave an error Heed did not expect. Nothing "
                            "was saved."));
    }
  _heed_db_set_error (error, code, message, raw);
}

/* Notifications read along with a result wait in the queue for the notification source. */
static void
drain_notifications (HeedDbPostgres *self)
{
  PGnotify *notify;

  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      Notification *notification = g_new0 (Notification, 1);

      notification->channel = g_strdup (notify->relname);
      notification->payload = g_strdup (notify->extra != NULL ? notify->extra : "");
      g_queue_push_tail (&self->notifications, notification);
      PQfreemem (notify);
    }
}

/* Takes RESULT; FALSE (with ERROR set) unless it reports success. */
static gboolean
check_result (HeedDbPostgres  *self,
              PGresult        *result,
              const char      *sql,
              GError         **error)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  drain_notifications (self);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    return TRUE;
  set_result_error (self, result, sql, error);
  return FALSE;
}

/* Statements */

typedef struct
{
  HeedDbStatement  parent;
  Plan            *plan;
  PGresult        *result;
  int              row;
  gint64           changes;
  char           **decoded;   /* bytea and boolean columns of the current row, as read */
  gsize           *decoded_length;
  int              n_decoded;
} PgStatement;

static void
clear_decoded (PgStatement *self)
{
  for (int i = 0; i < self->n_decoded; i++)
    g_clear_pointer (&self->decoded[i], g_free);
}

static void
clear_result (PgStatement *self)
{
  clear_decoded (self);
  g_clear_pointer (&self->decoded, g_free);
  g_clear_pointer (&self->decoded_length, g_free);
  self->n_decoded = 0;
  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

static void
pg_statement_free (HeedDbStatement *base)
{
  PgStatement *self = (PgStatement *) base;

  clear_result (self);
  plan_unref (self->plan);
}

static gboolean
ensure_prepared (HeedDbPostgres  *self,
                 Plan            *plan,
                 GError         **error)
{
  PGresult *result;

  if (plan->prepared)
    return TRUE;
  result = PQprepare (self->conn, plan->name, plan->sql, (int) plan->n_params, NULL);
  if (!check_result (self, result, plan->sql, error))
    {
      PQclear (result);
      return FALSE;
    }
  PQclear (result);
  plan->prepared = TRUE;
  return TRUE;
}

static PGresult *
run_plan (PgStatement  *stmt,
          Plan         *plan,
          GError      **error)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (stmt->parent.db);
  HeedDbStatement *base = &stmt->parent;
  g_autofree const char **values = g_new0 (const char *, base->n_params + 1);
  g_autofree int *lengths = g_new0 (int, base->n_params + 1);
  g_autofree int *formats = g_new0 (int, base->n_params + 1);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  PGresult *result;

  if (!ensure_prepared (self, plan, error))
    return NULL;

  for (guint i = 0; i < base->n_params; i++)
    {
      HeedDbValue *value = &base->values[i];

      switch (value->type)
        {
        case HEED_DB_VALUE_NULL:
          values[i] = NULL;
          break;
        case HEED_DB_VALUE_TEXT:
          values[i] = value->data;
          break;
        case HEED_DB_VALUE_INT64:
          {
            char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value->i);

            g_ptr_array_add (texts, text);
            values[i] = text;
          }
          break;
        case HEED_DB_VALUE_DOUBLE:
          {
            char *text = g_malloc (G_ASCII_DTOSTR_BUF_SIZE);

            g_ascii_dtostr (text, G_ASCII_DTOSTR_BUF_SIZE, value->d);
            g_ptr_array_add (texts, text);
            values[i] = text;
          }
          break;
        case HEED_DB_VALUE_BLOB:
          if (value->length > G_MAXINT)
            {
              g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                                   _("This file is too large to keep in the practice."));
              return NULL;
            }
          values[i] = value->data;
          lengths[i] = (int) value->length;
          formats[i] = 1;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  result = PQexecPrepared (self->conn, plan->name, (int) base->n_params, values, lengths,
                           formats, 0);
  if (!check_result (self, result, plan->sql, error))
    {
      PQclear (result);
      return NULL;
    }
  return result;
}

static void
take_result (PgStatement *self,
             PGresult    *result)
{
  const char *tuples;

  clear_result (self);
  self->result = result;
  tuples = PQcmdTuples (result);
  self->changes = tuples != NULL && *tuples != '\0' ? g_ascii_strtoll (tuples, NULL, 10) : 0;
  self->n_decoded = PQnfields (result);
  self->decoded = g_new0 (char *, self->n_decoded);
  self->decoded_length = g_new0 (gsize, self->n_decoded);
}

static HeedDbStep
pg_statement_step (HeedDbStatement  *base,
                   GError          **error)
{
  PgStatement *self = (PgStatement *) base;

  if (self->result == NULL)
    {
      PGresult *result = run_plan (self, self->plan, error);

      if (result == NULL)
        return HEED_DB_STEP_ERROR;
      take_result (self, result);
    }
  clear_decoded (self);
  if (self->row + 1 < PQntuples (self->result))
    {
      self->row++;
      return HEED_DB_STEP_ROW;
    }
  self->row = PQntuples (self->result);
  return HEED_DB_STEP_DONE;
}

static void
pg_statement_reset (HeedDbStatement *base)
{
  clear_result ((PgStatement *) base);
}

static Plan *lookup_plan (HeedDbPostgres *self,
                          const char     *sql);

static gboolean
pg_statement_insert (HeedDbStatement  *base,
                     gint64           *id,
                     GError          **error)
{
  PgStatement *self = (PgStatement *) base;
  HeedDbPostgres *db = HEED_DB_POSTGRES (base->db);
  g_autofree char *sql = NULL;
  g_autofree char *key = NULL;
  PGresult *result;
  Plan *plan;
  gsize length;

  /* The same INSERT, with RETURNING id: libpq has no last_insert_rowid. */
  sql = g_strdup (self->plan->sql);
  length = strlen (sql);
  while (length > 0 && (g_ascii_isspace (sql[length - 1]) || sql[length - 1] == ';'))
    sql[--length] = '\0';
  key = g_strconcat ("\001returning ", sql, NULL);
  plan = lookup_plan (db, key);
  if (plan == NULL)
    {
      g_autofree char *returning = g_strconcat (sql, " RETURNING id", NULL);

      plan = g_new0 (Plan, 1);
      g_atomic_ref_count_init (&plan->ref_count);
      plan->name = g_strdup_printf ("heed_%u", ++db->next_plan);
      plan->sql = g_steal_pointer (&returning);
      plan->names = g_strdupv (self->plan->names);
      plan->n_params = self->plan->n_params;
      g_hash_table_insert (db->plans, g_steal_pointer (&key), plan);
    }

  result = run_plan (self, plan, error);
  if (result == NULL)
    return FALSE;
  take_result (self, result);
  if (PQntuples (result) != 1 || PQnfields (result) < 1 || PQgetisnull (result, 0, 0))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                           _("The practice server did not say which record it made."));
      return FALSE;
    }
  *id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  self->row = 0;
  return TRUE;
}

static gint64
pg_statement_changes (HeedDbStatement *base)
{
  return ((PgStatement *) base)->changes;
}

static int
pg_statement_column_count (HeedDbStatement *base)
{
  PgStatement *self = (PgStatement *) base;

  return self->result != NULL ? PQnfields (self->result) : 0;
}

static const char *
pg_statement_column_name (HeedDbStatement *base,
                          int              column)
{
  return PQfname (((PgStatement *) base)->result, column);
}

static gboolean
on_row (PgStatement *self)
{
  return self->result != NULL && self->row >= 0 && self->row < PQntuples (self->result);
}

static gboolean
pg_statement_column_is_null (HeedDbStatement *base,
                             int              column)
{
  PgStatement *self = (PgStatement *) base;

  return !on_row (self) || PQgetisnull (self->result, self->row, column);
}

/* The value as SQLite would give it: booleans as 1 and 0, bytea as its bytes. */
static const char *
column_value (PgStatement *self,
              int          column,
              gsize       *length)
{
  const char *text;
  Oid type;

  if (pg_statement_column_is_null (&self->parent, column))
    return NULL;

  text = PQgetvalue (self->result, self->row, column);
  type = PQftype (self->result, column);
  if (type == BOOL_OID)
    {
      *length = 1;
      return text[0] == 't' ? "1" : "0";
    }
  if (type == BYTEA_OID)
    {
      if (self->decoded[column] == NULL)
        {
          size_t n = 0;
          unsigned char *bytes = PQunescapeBytea ((const unsigned char *) text, &n);

          if (bytes == NULL)
            return NULL;
          self->decoded[column] = g_malloc (n + 1);
          memcpy (self->decoded[column], bytes, n);
          self->decoded[column][n] = '\0';
          self->decoded_length[column] = n;
          PQfreemem (bytes);
        }
      *length = self->decoded_length[column];
      return self->decoded[column];
    }
  *length = PQgetlength (self->result, self->row, column);
  return text;
}

static const char *
pg_statement_column_text (HeedDbStatement *base,
                          int              column)
{
  gsize length;

  return column_value ((PgStatement *) base, column, &length);
}

static gint64
pg_statement_column_int64 (HeedDbStatement *base,
                           int              column)
{
  gsize length;
  const char *text = column_value ((PgStatement *) base, column, &length);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static double
pg_statement_column_double (HeedDbStatement *base,
                            int              column)
{
  gsize length;
  const char *text = column_value ((PgStatement *) base, column, &length);

  return text != NULL ? g_ascii_strtod (text, NULL) : 0.0;
}

static const void *
pg_statement_column_blob (HeedDbStatement *base,
                          int              column,
                          gsize           *length)
{
  return column_value ((PgStatement *) base, column, length);
}

static const HeedDbStatementClass pg_statement_class = {
  .free = pg_statement_free,
  .step = pg_statement_step,
  .reset = pg_statement_reset,
  .insert = pg_statement_insert,
  .changes = pg_statement_changes,
  .column_count = pg_statement_column_count,
  .column_name = pg_statement_column_name,
  .column_is_null = pg_statement_column_is_null,
  .column_text = pg_statement_column_text,
  .column_int64 = pg_statement_column_int64,
  .column_double = pg_statement_column_double,
  .column_blob = pg_statement_column_blob,
};

static Plan *
lookup_plan (HeedDbPostgres *self,
             const char     *sql)
{
  return g_hash_table_lookup (self->plans, sql);
}

static HeedDbStatement *
heed_db_postgres_prepare (HeedDb      *db,
                          const char  *sql,
                          GError     **error)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);
  PgStatement *stmt;
  Plan *plan = lookup_plan (self, sql);

  if (plan == NULL)
    {
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      plan = g_new0 (Plan, 1);
      g_atomic_ref_count_init (&plan->ref_count);
      plan->name = g_strdup_printf ("heed_%u", ++self->next_plan);
      plan->sql = _heed_db_rewrite_named (sql, names);
      plan->n_params = names->len;
      g_ptr_array_add (names, NULL);
      plan->names = (GStrv) g_ptr_array_steal (names, NULL);
      g_hash_table_insert (self->plans, g_strdup (sql), plan);
    }
  /* At once, so a mistake in the SQL shows here, as it does on a file. */
  if (!ensure_prepared (self, plan, error))
    return NULL;

  stmt = _heed_db_statement_new (&pg_statement_class, sizeof (PgStatement), db,
                                 (const char * const *) plan->names, plan->n_params);
  stmt->plan = plan_ref (plan);
  stmt->row = -1;
  return &stmt->parent;
}

static gboolean
heed_db_postgres_exec (HeedDb      *db,
                       const char  *sql,
                       GError     **error)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);
  PGresult *result = PQexec (self->conn, sql);
  gboolean ok = check_result (self, result, sql, error);

  PQclear (result);
  return ok;
}

static void
heed_db_postgres_close (HeedDb *db)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);

  g_hash_table_remove_all (self->plans);
  g_queue_clear_full (&self->notifications, (GDestroyNotify) notification_free);
  g_clear_pointer (&self->conn, PQfinish);
}

static gboolean
heed_db_postgres_is_open (HeedDb *db)
{
  return HEED_DB_POSTGRES (db)->conn != NULL;
}

static gboolean
run_simple (HeedDb      *db,
            const char  *sql,
            const char  *name,
            const char  *value,
            const char  *name2,
            const char  *value2,
            GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = heed_db_postgres_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (name != NULL)
    heed_db_statement_bind_text (stmt, name, value);
  if (name2 != NULL)
    heed_db_statement_bind_text (stmt, name2, value2);
  return heed_db_statement_execute (stmt, error);
}

static gboolean
heed_db_postgres_set_lock_timeout (HeedDb   *db,
                                   guint     milliseconds,
                                   GError  **error)
{
  g_autofree char *value = g_strdup_printf ("%ums", milliseconds);

  return run_simple (db, "SELECT set_config ('lock_timeout', :value, false)", ":value", value,
                     NULL, NULL, error);
}

/* SHARE ROW EXCLUSIVE conflicts with itself and with every writer of the table, not with
 * readers: appenders queue, `check` and the history go on reading. */
static gboolean
heed_db_postgres_lock_trail (HeedDb  *db,
                             GError **error)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);

  /* A duty may not lock the trail itself (LOCK in this mode needs rights to change it, which
   * no duty has): from migration 8 the owner's heed_lock_trail() takes it for them. */
  if (!self->trail_function)
    {
      g_autoptr(HeedDbStatement) stmt = NULL;

      stmt = heed_db_postgres_prepare (db, "SELECT to_regprocedure ('public.heed_lock_trail()') "
                                           "IS NOT NULL", error);
      if (stmt == NULL || heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
        return FALSE;
      self->trail_function = heed_db_statement_column_int64 (stmt, 0) != 0;
    }
  if (self->trail_function)
    return heed_db_postgres_exec (db, "SELECT public.heed_lock_trail ()", error);
  return heed_db_postgres_exec (db, "LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE", error);
}

static gboolean
heed_db_postgres_listen (HeedDb      *db,
                         const char  *channel,
                         GError     **error)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);
  char *quoted = PQescapeIdentifier (self->conn, channel, strlen (channel));
  g_autofree char *sql = NULL;

  if (quoted == NULL)
    {
      set_result_error (self, NULL, NULL, error);
      return FALSE;
    }
  sql = g_strconcat ("LISTEN ", quoted, NULL);
  PQfreemem (quoted);
  return heed_db_postgres_exec (db, sql, error);
}

static gboolean
heed_db_postgres_notify (HeedDb      *db,
                         const char  *channel,
                         const char  *payload,
                         GError     **error)
{
  return run_simple (db, "SELECT pg_notify (:channel, :payload)", ":channel", channel,
                     ":payload", payload, error);
}

/* The notification source */

typedef struct
{
  GSource         source;
  HeedDbPostgres *db;
  gpointer        tag;
} NotificationSource;

static gboolean
notification_source_prepare (GSource *source,
                             int     *timeout)
{
  NotificationSource *self = (NotificationSource *) source;

  *timeout = -1;
  return self->db->conn == NULL || !g_queue_is_empty (&self->db->notifications);
}

static gboolean
notification_source_check (GSource *source)
{
  NotificationSource *self = (NotificationSource *) source;

  if (self->db->conn == NULL || !g_queue_is_empty (&self->db->notifications))
    return TRUE;
  return g_source_query_unix_fd (source, self->tag) != 0;
}

static gboolean
notification_source_dispatch (GSource     *source,
                              GSourceFunc  callback,
                              gpointer     user_data)
{
  NotificationSource *self = (NotificationSource *) source;
  HeedDbNotificationFunc func = (HeedDbNotificationFunc) (void (*) (void)) callback;
  Notification *notification;

  if (self->db->conn == NULL)
    return G_SOURCE_REMOVE;
  if (g_source_query_unix_fd (source, self->tag) != 0)
    {
      if (!PQconsumeInput (self->db->conn))
        {
          g_debug ("The practice server's connection broke: %s",
                   PQerrorMessage (self->db->conn));
          return G_SOURCE_REMOVE;
        }
      drain_notifications (self->db);
    }
  if (func == NULL)
    {
      g_queue_clear_full (&self->db->notifications, (GDestroyNotify) notification_free);
      return G_SOURCE_CONTINUE;
    }
  while ((notification = g_queue_pop_head (&self->db->notifications)) != NULL)
    {
      gboolean keep = func (notification->channel, notification->payload, user_data);

      notification_free (notification);
      if (!keep)
        return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
notification_source_finalize (GSource *source)
{
  NotificationSource *self = (NotificationSource *) source;

  g_clear_object (&self->db);
}

static GSourceFuncs notification_source_funcs = {
  .prepare = notification_source_prepare,
  .check = notification_source_check,
  .dispatch = notification_source_dispatch,
  .finalize = notification_source_finalize,
};

static GSource *
heed_db_postgres_create_notification_source (HeedDb *db)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);
  NotificationSource *source;

  source = (NotificationSource *) g_source_new (&notification_source_funcs,
                                                sizeof (NotificationSource));
  source->db = g_object_ref (self);
  source->tag = g_source_add_unix_fd (&source->source, PQsocket (self->conn),
                                      G_IO_IN | G_IO_HUP | G_IO_ERR);
  g_source_set_static_name (&source->source, "HeedDb notifications");
  return &source->source;
}

static char *
heed_db_postgres_dup_server_version (HeedDb *db)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);
  const char *version = self->conn != NULL ? PQparameterStatus (self->conn, "server_version")
                                           : NULL;

  return g_strdup_printf ("PostgreSQL %s", version != NULL ? version : "?");
}

static void
heed_db_postgres_finalize (GObject *object)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (object);

  heed_db_postgres_close (HEED_DB (self));
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->duties, g_free);

  G_OBJECT_CLASS (heed_db_postgres_parent_class)->finalize (object);
}

static void
heed_db_postgres_class_init (HeedDbPostgresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HeedDbClass *db_class = HEED_DB_CLASS (klass);

  object_class->finalize = heed_db_postgres_finalize;

  db_class->engine = HEED_DB_ENGINE_POSTGRES;
  db_class->begin_write_sql = "BEGIN ISOLATION LEVEL READ COMMITTED";
  db_class->begin_snapshot_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  db_class->prepare = heed_db_postgres_prepare;
  db_class->exec = heed_db_postgres_exec;
  db_class->close = heed_db_postgres_close;
  db_class->is_open = heed_db_postgres_is_open;
  db_class->set_lock_timeout = heed_db_postgres_set_lock_timeout;
  db_class->lock_trail = heed_db_postgres_lock_trail;
  db_class->listen = heed_db_postgres_listen;
  db_class->notify = heed_db_postgres_notify;
  db_class->create_notification_source = heed_db_postgres_create_notification_source;
  db_class->dup_server_version = heed_db_postgres_dup_server_version;
}

static void
heed_db_postgres_init (HeedDbPostgres *self)
{
  self->plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) plan_unref);
  g_queue_init (&self->notifications);
}

/* Server notices (a NOTICE from a migration) belong in the debug log, not on stderr. */
static void
notice_cb (void       *user_data,
           const char *message)
{
  g_debug ("%s", message);
}

static void
set_connect_error (PGconn        *conn,
                   HeedLocation  *location,
                   GError       **error)
{
  const char *raw = PQerrorMessage (conn);
  g_autofree char *display = heed_location_dup_display (location);
  const char *database = heed_location_get_database (location);
  g_autofree char *message = NULL;
  HeedStoreError code;

  /* libpq's words say what happened, in the server's language; they go to the debug log
   * only. They never hold the password, and the display form never does either. */
  if (PQconnectionNeedsPassword (conn))
    {
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = g_strdup_printf (_("The practice server at %s asks for a password, and none "
                                   "was given."),
                                 display);
    }
  else if (strstr (raw, "password authentication failed") != NULL
           || strstr (raw, "authentication failed") != NULL)
    {
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = g_strdup_printf (_("The practice server at %s did not accept the user name or "
                                   "password."),
                                 display);
    }
  else if (strstr (raw, "database") != NULL && strstr (raw, "does not exist") != NULL)
    {
      code = HEED_STORE_ERROR_NOT_FOUND;
      message = g_strdup_printf (_("There is no practice database “%s” on the server at %s."),
                                 database, display);
    }
  else if ((strstr (raw, "role") != NULL && strstr (raw, "does not exist") != NULL)
           || strstr (raw, "pg_hba.conf") != NULL
           || strstr (raw, "permission denied") != NULL)
    {
      code = HEED_STORE_ERROR_PERMISSION_DENIED;
      message = g_strdup_printf (_("The practice server at %s does not let this user in. Ask "
                                   "the practice’s administrator for access."),
                                 display);
    }
  else
    {
      code = HEED_STORE_ERROR_CONNECTION_LOST;
      message = g_strdup_printf (_("Heed could not reach the practice server at %s. Check that "
                                   "the server is running and that this computer may reach "
                                   "it."),
                                 display);
    }
  _heed_db_set_error (error, code, message, raw);
}

HeedDb *
_heed_db_postgres_open (HeedLocation     *location,
                        HeedDbOpenFlags   flags,
                        GError          **error)
{
  g_autoptr(HeedDbPostgres) self = NULL;
  const char * const *given_keywords = heed_location_get_connection_keywords (location);
  const char * const *given_values = heed_location_get_connection_values (location);
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  gboolean read_only = (flags & HEED_DB_OPEN_READ_ONLY) != 0;
  gboolean named = FALSE, timeout = FALSE;
  g_autofree char *display = heed_location_dup_display (location);

  /* HEED_DB_OPEN_CREATE: a server's database is made with createdb beforehand, and an empty
   * one is what the migrations start from, so there is nothing more to make here. */

  for (guint i = 0; given_keywords[i] != NULL; i++)
    {
      /* Heed's text is UTF-8, whatever the location says. */
      if (strcmp (given_keywords[i], "client_encoding") == 0)
        continue;
      named |= strcmp (given_keywords[i], "application_name") == 0;
      timeout |= strcmp (given_keywords[i], "connect_timeout") == 0;
      g_ptr_array_add (keywords, (gpointer) given_keywords[i]);
      g_ptr_array_add (values, (gpointer) given_values[i]);
    }
  g_ptr_array_add (keywords, (gpointer) "client_encoding");
  g_ptr_array_add (values, (gpointer) "UTF8");
  if (!named)
    {
      g_ptr_array_add (keywords, (gpointer) "application_name");
      g_ptr_array_add (values, (gpointer) "Heed");
    }
  if (!timeout)
    {
      g_ptr_array_add (keywords, (gpointer) "connect_timeout");
      g_ptr_array_add (values, (gpointer) "10");
    }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);

  self = g_object_new (HEED_TYPE_DB_POSTGRES, NULL);
  _heed_db_set_location (HEED_DB (self), location, read_only);

  /* expand_dbname 0: the database name is a name, never a connection string. */
  self->conn = PQconnectdbParams ((const char * const *) keywords->pdata,
                                  (const char * const *) values->pdata, 0);
  if (self->conn == NULL)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                           _("Heed ran out of memory connecting to the practice server."));
      return NULL;
    }
  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      set_connect_error (self->conn, location, error);
      g_clear_pointer (&self->conn, PQfinish);
      return NULL;
    }
  PQsetNoticeProcessor (self->conn, notice_cb, NULL);

  if (PQserverVersion (self->conn) < OLDEST_SERVER)
    {
      int version = PQserverVersion (self->conn);

      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice server at %s runs PostgreSQL %d; Heed needs version 12 or "
                     "newer."),
                   display, version / 10000);
      return NULL;
    }

  /* Objects are looked for in the practice's own schema only, never one a user could put in
   * front of it; a writer waits five seconds for another's lock, as on a file. */
  if (!heed_db_postgres_exec (HEED_DB (self),
                              "SET search_path = public; SET lock_timeout = '5s'; "
                              "SET DateStyle = ISO; SET standard_conforming_strings = on",
                              error))
    return NULL;
  if (read_only
      && !heed_db_postgres_exec (HEED_DB (self), "SET default_transaction_read_only = on",
                                 error))
    return NULL;

  return HEED_DB (g_steal_pointer (&self));
}

void
_heed_db_postgres_set_duties (HeedDb     *db,
                              const char *duties)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);

  g_free (self->duties);
  self->duties = g_strdup (duties);
}

char *
_heed_db_postgres_dup_quoted_identifier (HeedDb     *db,
                                         const char *name)
{
  HeedDbPostgres *self = HEED_DB_POSTGRES (db);
  char *quoted;
  char *copy;

  g_return_val_if_fail (self->conn != NULL, NULL);
  quoted = PQescapeIdentifier (self->conn, name, strlen (name));
  if (quoted == NULL)
    return NULL;
  copy = g_strdup (quoted);
  PQfreemem (quoted);
  return copy;
}
