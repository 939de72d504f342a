/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-event.h"
#include "heed-status.h"
#include "heed-store-exchange.h"
#include "heed-procedure.h"
#include "heed-store-private.h"
#include "heed-validate.h"

/* Saving and loading records. Each record class lists its fields once; the statements for a
 * class are put together from that list the first time the class is used. Only column names
 * from those compile-time tables go into the SQL text: every value is a bound parameter. */

/* The schema from which records carry a version (migration 0007). */
#define RECORD_VERSIONS_SCHEMA 7

typedef struct {
  char *insert_sql;
  char *update_sql;
  char *select_sql;
  char *list_by_case_sql;
  char *list_all_sql;
  char *list_page_sql;   /* ids after :after, :page of them */
} ClassSql;

void
_heed_store_class_sql_free (gpointer data)
{
  ClassSql *sql = data;

  g_free (sql->insert_sql);
  g_free (sql->update_sql);
  g_free (sql->select_sql);
  g_free (sql->list_by_case_sql);
  g_free (sql->list_all_sql);
  g_free (sql->list_page_sql);
  g_free (sql);
}

static ClassSql *
get_class_sql (HeedStore *self,
               GType      type)
{
  ClassSql *sql = g_hash_table_lookup (self->class_sql, GSIZE_TO_POINTER (type));
  g_autoptr(GTypeClass) type_class = NULL;
  HeedRecordClass *klass;
  GString *columns, *values, *sets;
  const char *version;
  gboolean has_case = FALSE;

  if (sql != NULL)
    return sql;

  type_class = g_type_class_ref (type);
  klass = HEED_RECORD_CLASS (type_class);
  columns = g_string_new (NULL);
  values = g_string_new (NULL);
  sets = g_string_new (NULL);

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *column = klass->fields[i].column;

      g_string_append_printf (columns, "%s\"%s\"", i > 0 ? ", " : "", column);
      g_string_append_printf (values, "%s:%s", i > 0 ? ", " : "", column);
      g_string_append_printf (sets, "%s\"%s\" = :%s", i > 0 ? ", " : "", column, column);
      if (strcmp (column, "case") == 0)
        has_case = TRUE;
    }

  sql = g_new0 (ClassSql, 1);
  sql->insert_sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", klass->table,
                                     columns->str, values->str);
  /* Only the version read is overwritten: a row changed since (by another seat) is left as
   * it is, and heed_store_save() says who changed it. */
  sql->update_sql = g_strdup_printf ("UPDATE %s SET %s, version = version + 1 "
                                     "WHERE id = :id AND version = :version",
                                     klass->table, sets->str);
  /* The version comes last, after the fields, so a row reads as "id, <every field>" first.
   * A file of an earlier schema, opened as it is to be checked or restored, has none. */
  version = self->schema_version >= RECORD_VERSIONS_SCHEMA ? "version" : "1";
  sql->select_sql = g_strdup_printf ("SELECT id, %s, %s FROM %s WHERE id = :id",
                                     columns->str, version, klass->table);
  if (has_case)
    sql->list_by_case_sql = g_strdup_printf ("SELECT id, %s, %s FROM %s "
                                             "WHERE \"case\" = :case ORDER BY id",
                                             columns->str, version, klass->table);
  sql->list_all_sql = g_strdup_printf ("SELECT id, %s, %s FROM %s ORDER BY id",
                                       columns->str, version, klass->table);
  sql->list_page_sql = g_strdup_printf ("SELECT id, %s, %s FROM %s WHERE id > :after "
                                        "ORDER BY id LIMIT :page",
                                        columns->str, version, klass->table);
  g_string_free (columns, TRUE);
  g_string_free (values, TRUE);
  g_string_free (sets, TRUE);

  g_hash_table_insert (self->class_sql, GSIZE_TO_POINTER (type), sql);
  return sql;
}

/* Binds every field of @record to a statement naming its parameters after the columns. */
void
_heed_store_bind_record_to (HeedDbStatement *stmt,
                            HeedRecord      *record)
{
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (record, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      const char *column = fields[i].column;

      switch (fields[i].type)
        {
        case HEED_VALUE_BOOL:
        case HEED_VALUE_INT:
        case HEED_VALUE_MONEY:
          heed_db_statement_bind_int64 (stmt, column, heed_record_get_int (record, i));
          break;
        case HEED_VALUE_ID:
          if (heed_record_is_set (record, i))
            heed_db_statement_bind_int64 (stmt, column, heed_record_get_int (record, i));
          else
            heed_db_statement_bind_null (stmt, column);
          break;
        case HEED_VALUE_TEXT:
        case HEED_VALUE_DATE:
        case HEED_VALUE_DATETIME:
        case HEED_VALUE_CHOICE:
        default:
          heed_db_statement_bind_text (stmt, column, heed_record_get_text (record, i));
          break;
        }
    }
}

HeedRecord *
_heed_store_record_from_statement (GType            type,
                                   HeedDbStatement *stmt)
{
  HeedRecord *record = g_object_new (type, NULL);
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (record, &n_fields);

  g_object_freeze_notify (G_OBJECT (record));
  heed_record_set_id (record, heed_db_statement_column_int64 (stmt, 0));
  for (guint i = 0; i < n_fields; i++)
    {
      int column = (int) i + 1;

      if (heed_db_statement_column_is_null (stmt, column))
        continue;
      switch (fields[i].type)
        {
        case HEED_VALUE_BOOL:
        case HEED_VALUE_INT:
        case HEED_VALUE_MONEY:
        case HEED_VALUE_ID:
          heed_record_set_int (record, i, heed_db_statement_column_int64 (stmt, column));
          break;
        case HEED_VALUE_TEXT:
        case HEED_VALUE_DATE:
        case HEED_VALUE_DATETIME:
        case HEED_VALUE_CHOICE:
        default:
          heed_record_set_text (record, i, heed_db_statement_column_text (stmt, column));
          break;
        }
    }
  /* The store's own statements end with the row's version; an export's walk does not. */
  if (heed_db_statement_get_column_count (stmt) > (int) n_fields + 1)
    heed_record_set_version (record, heed_db_statement_column_int64 (stmt, (int) n_fields + 1));
  g_object_thaw_notify (G_OBJECT (record));
  return record;
}

/* Gives a new case the next reference of its kind and year: C-2025-041. */
static gboolean
assign_reference (HeedStore   *self,
                  HeedCase    *kase,
                  GError     **error)
{
  HeedRecord *record = HEED_RECORD (kase);
  const char *received = heed_record_get_text (record, HEED_CASE_RECEIVED_AT);
  g_autofree char *prefix = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  gboolean got_number;
  gint64 number = 1;
  HeedDbStep step;

  prefix = g_strdup_printf ("%s-%.4s-", heed_case_kind_get_prefix (heed_case_get_kind (kase)),
                            received);
  /* One statement, so that two seats saving at once never get the same number: on a server
   * the update locks the series' row until the saving transaction ends, and the other waits
   * for it and then counts on from its number (a file has one writer at a time). The table
   * is named in DO UPDATE, where a bare `last` could be the row proposed (excluded). */
  stmt = _heed_store_query (self,
                            "INSERT INTO reference_counters (prefix, last) VALUES (:prefix, 1) "
                            "ON CONFLICT (prefix) DO UPDATE "
                            "SET last = reference_counters.last + 1 "
                            "WHERE reference_counters.last >= 0 "
                            "AND reference_counters.last < :max RETURNING last",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "prefix", prefix);
  heed_db_statement_bind_int64 (stmt, "max", HEED_REFERENCE_COUNTER_MAX);
  step = heed_db_statement_step (stmt, error);
  got_number = step == HEED_DB_STEP_ROW;
  if (got_number)
    number = heed_db_statement_column_int64 (stmt, 0);
  /* Step to the end, so RETURNING's statement is finished before anything else runs. */
  while (step == HEED_DB_STEP_ROW)
    step = heed_db_statement_step (stmt, error);
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;
  if (!got_number)
    {
      /* A counter Heed would never reach (set by hand, or by an old import). */
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The references %s… have run out (the counter is past %d), so no new "
                     "reference can be given. Check the practice file with heed-cli check."),
                   prefix, HEED_REFERENCE_COUNTER_MAX);
      return FALSE;
    }
  reference = g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, number);
  heed_record_set_text (record, HEED_CASE_REFERENCE, reference);
  return TRUE;
}

static char *
describe_changes (HeedRecord *before,
                  HeedRecord *after)
{
  GString *detail = g_string_new (NULL);
  guint n_fields;
  const HeedFieldSpec *fields = heed_record_get_fields (after, &n_fields);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (fields[i].flags & HEED_FIELD_SYSTEM)
        continue;
      if (before == NULL && !heed_record_is_set (after, i))
        continue;
      a = before != NULL ? heed_record_dup_string (before, i) : g_strdup ("");
      b = heed_record_dup_string (after, i);
      if (strcmp (a, b) == 0)
        continue;
      if (detail->len > 0)
        g_string_append (detail, ", ");
      /* Field names only: the trail must not keep personal details after a record is
       * destroyed at the end of its retention period. */
      g_string_append (detail, fields[i].name);
    }
  return g_string_free (detail, FALSE);
}

/* Who last changed a record and when, from the trail's newest entry for its row: "Morgan
 * Manager, 7 December 2026 at 14:02". NULL when the trail has none. */
char *
heed_store_dup_last_change (HeedStore  *self,
                            const char *table,
                            gint64      row_id)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autofree char *when = NULL;
  char *described = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT coalesce (nullif (staff, ''), os_user), at FROM audit "
                            "WHERE tbl = :tbl AND row_id = :row ORDER BY id DESC LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "tbl", table);
  heed_db_statement_bind_int64 (stmt, "row", row_id);
  if (heed_db_statement_step (stmt, NULL) == HEED_DB_STEP_ROW)
    {
      when = heed_format_date_time_long (heed_db_statement_column_text (stmt, 1));
      /* Translators: who changed a record, and when: "Morgan Manager, 7 December 2026 at 14:02" */
      described = g_strdup_printf (_("%s, %s"), heed_db_statement_column_text (stmt, 0),
                                   when != NULL ? when : heed_db_statement_column_text (stmt, 1));
    }
  heed_db_statement_reset (stmt);
  return described;
}

/* Refuses a save over a row changed since @record was read, saying who changed it and when,
 * so the person knows whom to ask. */
static void
set_changed_elsewhere (HeedStore   *self,
                       HeedRecord  *record,
                       GError     **error)
{
  g_autofree char *last = heed_store_dup_last_change (self, heed_record_get_table (record),
                                                      heed_record_get_id (record));

  if (last != NULL && HEED_IS_CASE (record))
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE,
                 /* Translators: %s is who changed it and when ("Morgan Manager, 7 December
                  * 2026 at 14:02") */
                 _("This case was changed by %s, after you opened it. Your changes were not "
                   "saved over theirs: what you typed is still here."),
                 last);
  else if (last != NULL)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE,
                 _("This record was changed by %s, after you opened it. Your changes were "
                   "not saved over theirs: what you typed is still here."),
                 last);
  else
    g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CHANGED_ELSEWHERE,
                         _("This record was changed by someone else after you opened it. "
                           "Your changes were not saved over theirs: what you typed is still "
                           "here."));
}

/* What a record must be before it is written: a case's defaults and time limit, every
 * field valid. */
static gboolean
prepare_record (HeedStore   *self,
                HeedRecord  *record,
                const char  *now,
                GError     **error)
{
  g_autoptr(GError) invalid = NULL;
  GDate today;

  if (HEED_IS_CASE (record))
    {
      gint64 own_handler = _heed_store_default_handler (self);

      if (!heed_record_is_set (record, HEED_CASE_STATUS))
        heed_record_set_text (record, HEED_CASE_STATUS, "draft");
      if (!heed_record_is_set (record, HEED_CASE_RECEIVED_AT))
        heed_record_set_text (record, HEED_CASE_RECEIVED_AT, now);
      /* The server lets a handler add only a case of their own. */
      if (own_handler != 0 && heed_record_get_id (record) == 0
          && !heed_record_is_set (record, HEED_CASE_HANDLER))
        heed_record_set_int (record, HEED_CASE_HANDLER, own_handler);
      heed_procedure_apply_time_limit (heed_store_get_nation (self), HEED_CASE (record));
    }
  _heed_store_today (&today);
  if (!heed_record_check (record, &today, &invalid))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID, invalid->message);
      return FALSE;
    }
  return TRUE;
}

/* The rules a change to a stored record must keep, against @before as stored: the version
 * read is the latest (nobody else saved since), and a case's status moves only as allowed. */
static gboolean
allow_change (HeedStore   *self,
              HeedRecord  *record,
              HeedRecord  *before,
              GError     **error)
{
  /* A record made in code with a stored id (0: its version unknown) is taken as read now;
   * one read from the store must still be the row's latest version. */
  if (heed_record_get_version (record) == 0)
    heed_record_set_version (record, heed_record_get_version (before));
  else if (heed_record_get_version (record) != heed_record_get_version (before))
    {
      set_changed_elsewhere (self, record, error);
      return FALSE;
    }
  if (HEED_IS_CASE (record) && !self->undoing_status
      && g_strcmp0 (heed_record_get_text (before, HEED_CASE_STATUS),
                    heed_record_get_text (record, HEED_CASE_STATUS)) != 0
      && !heed_status_can_change (heed_record_get_text (record, HEED_CASE_KIND),
                                  heed_record_get_text (before, HEED_CASE_STATUS),
                                  heed_record_get_text (record, HEED_CASE_STATUS), error))
    return FALSE;
  return TRUE;
}

/* The stamps a save gives: when it was made and changed, a new case's reference. */
static gboolean
stamp_record (HeedStore   *self,
              HeedRecord  *record,
              gboolean     is_new,
              const char  *now,
              GError     **error)
{
  if (!HEED_IS_CASE (record))
    {
      /* Letters and the like carry when they were made. */
      int created = heed_record_find_field (record, "created-at");

      if (is_new && created >= 0 && !heed_record_is_set (record, (guint) created))
        heed_record_set_text (record, (guint) created, now);
      return TRUE;
    }
  if (is_new)
    {
      heed_record_set_text (record, HEED_CASE_CREATED_AT, now);
      if (!assign_reference (self, HEED_CASE (record), error))
        return FALSE;
    }
  heed_record_set_text (record, HEED_CASE_UPDATED_AT, now);
  return TRUE;
}

/* The row itself: inserted with the new id given to @record, or updated only where it is
 * still the version read, which the record then moves on from. */
static gboolean
write_row (HeedStore   *self,
           HeedRecord  *record,
           gboolean     is_new,
           GError     **error)
{
  ClassSql *sql = get_class_sql (self, G_OBJECT_TYPE (record));
  g_autoptr(HeedDbStatement) stmt = NULL;

  stmt = _heed_store_query (self, is_new ? sql->insert_sql : sql->update_sql, error);
  if (stmt == NULL)
    return FALSE;
  _heed_store_bind_record_to (stmt, record);
  if (is_new)
    {
      gint64 id = 0;

      if (!heed_db_statement_insert (stmt, &id, error))
        return FALSE;
      heed_db_statement_reset (stmt);
      heed_record_set_id (record, id);
      heed_record_set_version (record, 1);
      return TRUE;
    }
  heed_db_statement_bind_int64 (stmt, "id", heed_record_get_id (record));
  heed_db_statement_bind_int64 (stmt, "version", heed_record_get_version (record));
  if (!_heed_store_run (stmt, error))
    return FALSE;
  /* Changed by another seat between reading it and writing it. */
  if (heed_db_statement_get_changes (stmt) == 0)
    {
      set_changed_elsewhere (self, record, error);
      return FALSE;
    }
  heed_record_set_version (record, heed_record_get_version (record) + 1);
  return TRUE;
}

/* The trail's entry: the digest of what was written and the names of the fields changed. */
static gboolean
audit_save (HeedStore   *self,
            HeedRecord  *record,
            HeedRecord  *before,
            GError     **error)
{
  g_autofree char *detail = describe_changes (before, record);
  g_autofree char *content_hash = heed_record_dup_content_hash (record);
  g_autofree char *audit_detail = g_strdup_printf ("%s|%s", content_hash, detail);

  return _heed_store_audit (self, before == NULL ? "add" : "change",
                            heed_record_get_table (record), heed_record_get_id (record),
                            audit_detail, error);
}

/* Whoever shows the record, or the case it belongs to, is told (after the commit). */
static void
announce_save (HeedStore  *self,
               HeedRecord *record,
               gboolean    is_new)
{
  int case_field;

  _heed_store_announce (self, SIGNAL_RECORD_SAVED, record, 0);
  if (HEED_IS_CASE (record))
    {
      _heed_store_announce (self, is_new ? SIGNAL_CASE_ADDED : SIGNAL_CASE_CHANGED, NULL,
                            heed_record_get_id (record));
      return;
    }
  case_field = heed_record_find_field (record, "case");
  if (case_field >= 0 && heed_record_is_set (record, (guint) case_field))
    _heed_store_announce (self, SIGNAL_CASE_CHANGED, NULL,
                          heed_record_get_int (record, (guint) case_field));
}

gboolean
heed_store_save (HeedStore   *self,
                 HeedRecord  *record,
                 GError     **error)
{
  g_autoptr(HeedRecord) before = NULL;
  g_autofree char *now = NULL;
  gboolean is_new;
  gint64 version_read;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_RECORD (record), FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  is_new = heed_record_get_id (record) == 0;
  version_read = heed_record_get_version (record);
  now = _heed_store_now_text ();
  if (!prepare_record (self, record, now, error) || !heed_store_begin (self, error))
    return FALSE;

  if (!is_new)
    {
      before = heed_store_load (self, G_OBJECT_TYPE (record), heed_record_get_id (record), error);
      if (before == NULL || !allow_change (self, record, before, error))
        goto failed;
    }
  if (!stamp_record (self, record, is_new, now, error) || !write_row (self, record, is_new, error)
      || !audit_save (self, record, before, error))
    goto failed;
  /* A commit that fails has rolled back already. */
  if (!heed_store_commit (self, error))
    goto given_back;

  announce_save (self, record, is_new);
  return TRUE;

failed:
  heed_store_rollback (self);
given_back:
  /* As it was given, to be saved again: no id or reference of a row rolled back, and the
   * version it was read at. */
  heed_record_set_version (record, version_read);
  if (is_new)
    {
      heed_record_set_id (record, 0);
      if (HEED_IS_CASE (record))
        heed_record_clear (record, HEED_CASE_REFERENCE);
    }
  return FALSE;
}

gpointer
heed_store_load (HeedStore   *self,
                 GType        type,
                 gint64       id,
                 GError     **error)
{
  ClassSql *sql;
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedRecord *record = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HEED_TYPE_RECORD), NULL);

  sql = get_class_sql (self, type);
  stmt = _heed_store_query (self, sql->select_sql, error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_int64 (stmt, "id", id);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ROW)
    record = _heed_store_record_from_statement (type, stmt);
  heed_db_statement_reset (stmt);
  if (record != NULL && HEED_IS_CASE (record))
    heed_procedure_apply_time_limit (heed_store_get_nation (self), HEED_CASE (record));

  if (step == HEED_DB_STEP_DONE)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                 _("There is no such record (number %lld) in this practice "
                   "file."),
                 (long long) id);
  return record;
}

/* Records of @type belonging to case @case_id (events, elements…), or all of them when the
 * type has no case (staff) or @case_id is 0. */
GPtrArray *
heed_store_list (HeedStore   *self,
                 GType        type,
                 gint64       case_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  ClassSql *sql;
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (type, HEED_TYPE_RECORD), NULL);

  sql = get_class_sql (self, type);
  if (case_id > 0 && sql->list_by_case_sql != NULL)
    {
      stmt = _heed_store_query (self, sql->list_by_case_sql, error);
      if (stmt == NULL)
        return NULL;
      heed_db_statement_bind_int64 (stmt, "case", case_id);
    }
  else
    {
      stmt = _heed_store_query (self, sql->list_all_sql, error);
      if (stmt == NULL)
        return NULL;
    }

  records = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    g_ptr_array_add (records, _heed_store_record_from_statement (type, stmt));
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&records);
}

HeedCase *
heed_store_find_case (HeedStore   *self,
                      const char  *reference,
                      GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 id = 0;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (reference == NULL || reference[0] == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Give a case reference, such as C-2025-041."));
      return NULL;
    }
  if (!heed_text_is_one_line (reference))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A case reference is one line of capital letters, digits and hyphens, such "
                     "as C-2025-041, without line breaks or control characters."));
      return NULL;
    }
  stmt = _heed_store_query (self, "SELECT id FROM cases WHERE reference = upper (:reference)",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "reference", reference);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ROW)
    id = heed_db_statement_column_int64 (stmt, 0);
  heed_db_statement_reset (stmt);
  if (step == HEED_DB_STEP_DONE)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                   _("There is no case with the reference “%s”."), reference);
      return NULL;
    }
  if (step != HEED_DB_STEP_ROW)
    return NULL;
  return heed_store_load (self, HEED_TYPE_CASE, id, error);
}

/* Moves a case along its way and writes the step on its timeline; dates that belong to the
 * step (acknowledged, responded, closed) are filled in if they are not yet. */
gboolean
heed_store_change_status (HeedStore   *self,
                          HeedCase    *kase,
                          const char  *status,
                          const char  *reason,
                          GError     **error)
{
  HeedRecord *record = HEED_RECORD (kase);
  g_autoptr(HeedEvent) event = NULL;
  g_autoptr(HeedRecord) saved = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *old_status = NULL;
  GDate today;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (heed_record_get_id (record) > 0, FALSE);

  /* A copy: setting the new status frees the old text. */
  old_status = g_strdup (heed_case_get_status (kase));
  if (!heed_status_can_change (heed_case_get_kind (kase), old_status, status, error))
    return FALSE;
  if (heed_case_status_from_id (old_status) == HEED_STATUS_LOGGED
      && heed_case_status_from_id (status) == HEED_STATUS_CLOSED
      && heed_status_next (heed_case_get_kind (kase), "acknowledged")[0] != NULL
      && !heed_record_get_bool (record, HEED_CASE_ORAL_RESOLVED))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("A complaint is closed once it has been answered. Only an oral complaint "
                     "resolved by the next working day can be closed straight away."));
      return FALSE;
    }
  if (heed_status_needs_reason (old_status, status) && (reason == NULL || reason[0] == '\0'))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Give the reason for this change; it is kept with the case."));
      return FALSE;
    }

  saved = heed_record_copy (record);
  _heed_store_today (&today);
  now = _heed_store_now_text ();
  summary = g_strdup_printf (_("%s → %s"), heed_case_status_get_label (old_status),
                             heed_case_status_get_label (status));

  heed_record_set_text (record, HEED_CASE_STATUS, status);
  if (heed_case_status_from_id (status) == HEED_STATUS_ACKNOWLEDGED
      && !heed_record_is_set (record, HEED_CASE_ACKNOWLEDGED_ON))
    heed_record_set_date (record, HEED_CASE_ACKNOWLEDGED_ON, &today);
  else if (heed_case_status_from_id (status) == HEED_STATUS_RESPONDED
           && !heed_record_is_set (record, HEED_CASE_RESPONDED_ON))
    heed_record_set_date (record, HEED_CASE_RESPONDED_ON, &today);
  else if (!heed_case_status_is_open (status)
           && !heed_record_is_set (record, HEED_CASE_CLOSED_ON))
    heed_record_set_date (record, HEED_CASE_CLOSED_ON, &today);
  else if (heed_case_status_is_open (status) && !heed_case_status_is_open (old_status))
    heed_record_clear (record, HEED_CASE_CLOSED_ON);
  if (heed_case_status_from_id (status) == HEED_STATUS_OUT_OF_SCOPE && reason != NULL)
    heed_record_set_text (record, HEED_CASE_OUT_OF_SCOPE_REASON, reason);

  event = g_object_new (HEED_TYPE_EVENT, NULL);
  heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE, heed_record_get_id (record));
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND, "status");
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, now);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_SUMMARY, summary);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_DETAIL, reason);

  if (!heed_store_begin (self, error))
    goto restore;
  if (!heed_store_save (self, record, error) || !heed_store_save (self, HEED_RECORD (event), error))
    {
      heed_store_rollback (self);
      goto restore;
    }
  if (!heed_store_commit (self, error))
    goto restore;
  return TRUE;

restore:
  /* Leave the caller's copy as it was, matching the file. */
  {
    guint n_fields;

    heed_record_get_fields (record, &n_fields);
    for (guint i = 0; i < n_fields; i++)
      {
        g_autofree char *value = heed_record_dup_string (saved, i);

        heed_record_set_from_string (record, i, value, NULL);
      }
  }
  return FALSE;
}

/* The staff a case involves (seed 001: "who was involved"), replaced as a whole. */
gboolean
heed_store_set_case_staff (HeedStore     *self,
                           gint64         case_id,
                           const gint64  *staff_ids,
                           guint          n_staff,
                           GError       **error)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  g_autoptr(HeedDbStatement) remove = NULL;
  g_autoptr(HeedDbStatement) add = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_staff == 0 || staff_ids != NULL, FALSE);

  if (!_heed_store_check_writable (self, error) || !heed_store_begin (self, error))
    return FALSE;
  remove = _heed_store_query (self, "DELETE FROM case_staff WHERE case_id = :case", error);
  if (remove == NULL)
    goto failed;
  heed_db_statement_bind_int64 (remove, "case", case_id);
  if (!_heed_store_run (remove, error))
    goto failed;
  /* A member named twice is kept once. */
  if (n_staff > 0
      && (add = _heed_store_query (self,
                                   "INSERT INTO case_staff (case_id, staff_id) "
                                   "VALUES (:case, :staff) "
                                   "ON CONFLICT (case_id, staff_id) DO NOTHING",
                                   error)) == NULL)
    goto failed;
  for (guint i = 0; i < n_staff; i++)
    {
      heed_db_statement_bind_int64 (add, "case", case_id);
      heed_db_statement_bind_int64 (add, "staff", staff_ids[i]);
      if (!_heed_store_run (add, error))
        goto failed;
      g_string_append_printf (detail, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", staff_ids[i]);
    }
  if (!_heed_store_audit (self, "staff", "case_staff", case_id, detail->str, error)
      || !heed_store_commit (self, error))
    goto failed;
  _heed_store_announce (self, SIGNAL_CASE_CHANGED, NULL, case_id);
  return TRUE;

failed:
  heed_store_rollback (self);
  return FALSE;
}

/* Closes an oral complaint resolved by the next working day, marked as such. */
gboolean
heed_store_close_as_oral (HeedStore  *self,
                          HeedCase   *kase,
                          GError    **error)
{
  GDate today;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);

  _heed_store_today (&today);
  if (!heed_status_can_close_as_oral (kase, self->calendar, &today))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("Only a complaint made by phone or in person, not yet acknowledged, can be "
                     "closed as resolved by the next working day, and only until the end of "
                     "that day; in Scotland and Northern Ireland, use early resolution."));
      return FALSE;
    }
  if (!heed_store_begin (self, error))
    return FALSE;
  heed_record_set_bool (HEED_RECORD (kase), HEED_CASE_ORAL_RESOLVED, TRUE);
  if (!heed_store_change_status (self, kase, "closed",
                                 _("Resolved by the next working day"), error)
      || !heed_store_commit (self, error))
    {
      heed_store_rollback (self);
      heed_record_set_bool (HEED_RECORD (kase), HEED_CASE_ORAL_RESOLVED, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* Puts a case back to the status it had before a change made by mistake, with the dates
 * that change filled in; the undoing is itself on the case's timeline and in the audit. */
gboolean
heed_store_undo_status_change (HeedStore  *self,
                               HeedCase   *kase,
                               HeedCase   *before,
                               GError    **error)
{
  static const guint fields[] = {
    HEED_CASE_STATUS, HEED_CASE_ACKNOWLEDGED_ON, HEED_CASE_RESPONDED_ON, HEED_CASE_CLOSED_ON,
    HEED_CASE_OUT_OF_SCOPE_REASON, HEED_CASE_ORAL_RESOLVED,
  };
  HeedRecord *record = HEED_RECORD (kase);
  g_autoptr(HeedRecord) saved = NULL;
  g_autoptr(HeedEvent) event = NULL;
  g_autofree char *now = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (before), FALSE);

  if (heed_record_get_id (record) <= 0
      || heed_record_get_id (record) != heed_record_get_id (HEED_RECORD (before))
      || g_strcmp0 (heed_case_get_status (kase), heed_case_get_status (before)) == 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("There is no change of status to undo on this case."));
      return FALSE;
    }

  saved = heed_record_copy (record);
  now = _heed_store_now_text ();
  summary = g_strdup_printf (_("%s → %s (undone)"),
                             heed_case_status_get_label (heed_case_get_status (kase)),
                             heed_case_status_get_label (heed_case_get_status (before)));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = heed_record_dup_string (HEED_RECORD (before), fields[i]);

      heed_record_set_from_string (record, fields[i], value, NULL);
    }

  event = g_object_new (HEED_TYPE_EVENT, NULL);
  heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE, heed_record_get_id (record));
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND, "status");
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, now);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_SUMMARY, summary);

  if (heed_store_begin (self, error))
    {
      gboolean saved_case;

      /* The way back need not be a way forward in the state machine. */
      self->undoing_status = TRUE;
      saved_case = heed_store_save (self, record, error);
      self->undoing_status = FALSE;
      if (saved_case && heed_store_save (self, HEED_RECORD (event), error)
          && heed_store_commit (self, error))
        return TRUE;
      heed_store_rollback (self);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = heed_record_dup_string (saved, fields[i]);

      heed_record_set_from_string (record, fields[i], value, NULL);
    }
  return FALSE;
}

/* The records that belong to a case and go with it, by their foreign keys. */
static const struct {
  const char *table;
  const char *sql;
} case_children[] = {
  { "events", "SELECT id FROM events WHERE \"case\" = :id ORDER BY id" },
  { "case_elements", "SELECT id FROM case_elements WHERE \"case\" = :id ORDER BY id" },
  { "actions", "SELECT id FROM actions WHERE \"case\" = :id ORDER BY id" },
  { "letters", "SELECT id FROM letters WHERE \"case\" = :id ORDER BY id" },
  { "restrictions", "SELECT id FROM restrictions WHERE \"case\" = :id ORDER BY id" },
  { "survey_responses", "SELECT id FROM survey_responses WHERE \"case\" = :id ORDER BY id" },
  { "attachments", "SELECT id FROM attachments WHERE \"case\" = :id ORDER BY id" },
};

/* Writes @action to the trail for each record of the case, before the case is deleted: the
 * foreign keys take them with it, and a check of the file would otherwise take them for rows
 * removed behind Heed's back. */
gboolean
_heed_store_audit_case_children (HeedStore   *self,
                                 gint64       case_id,
                                 const char  *action,
                                 const char  *detail,
                                 GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (case_children); i++)
    {
      g_autoptr(GArray) ids = _heed_store_ids (self, case_children[i].sql, case_id, error);

      if (ids == NULL)
        return FALSE;
      for (guint j = 0; j < ids->len; j++)
        if (!_heed_store_audit (self, action, case_children[i].table,
                                g_array_index (ids, gint64, j), detail, error))
          return FALSE;
    }
  return TRUE;
}

gboolean
heed_store_delete_draft (HeedStore   *self,
                         HeedCase    *kase,
                         GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(HeedCase) current = NULL;
  g_autofree char *detail = NULL;
  gint64 id;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  id = heed_record_get_id (HEED_RECORD (kase));
  current = heed_store_load (self, HEED_TYPE_CASE, id, error);
  if (current == NULL)
    return FALSE;
  /* Records of feedback are kept (retention rules); only an unsent draft may go. */
  if (heed_case_get_status_value (current) != HEED_STATUS_DRAFT)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("Only a draft can be deleted. Logged feedback is kept; withdraw or close "
                     "it instead."));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  if (!_heed_store_audit_case_children (self, id, "delete", "draft", error))
    goto failed;
  stmt = _heed_store_query (self, "DELETE FROM cases WHERE id = :id", error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_int64 (stmt, "id", id);
  /* With its reference, which stays given (heed-store-check.c counts it). */
  detail = g_strdup_printf ("draft %s", heed_case_get_reference (current));
  if (!_heed_store_run (stmt, error)
      || !_heed_store_audit (self, "delete", "cases", id, detail, error))
    goto failed;
  if (!heed_store_commit (self, error))
    return FALSE;
  _heed_store_announce (self, SIGNAL_CASE_REMOVED, NULL, id);
  return TRUE;

failed:
  heed_store_rollback (self);
  return FALSE;
}

gboolean
heed_store_add_attachment (HeedStore   *self,
                           gint64       case_id,
                           gint64       event_id,
                           const char  *filename,
                           const char  *mime,
                           GBytes      *data,
                           gint64      *attachment_id,
                           GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autofree char *now = _heed_store_now_text ();
  g_autofree char *digest = NULL;
  gint64 id = 0;
  gsize size;
  gconstpointer bytes;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (filename == NULL || filename[0] == '\0' || !g_utf8_validate (filename, -1, NULL))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("An attachment needs a file name."));
      return FALSE;
    }
  bytes = g_bytes_get_data (data, &size);
  /* Scans and letters, not videos: keep the practice file a size that backs up easily. */
  if (size > 50 * 1024 * 1024)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is larger than 50 MB, too large to keep in the practice file."),
                   filename);
      return FALSE;
    }
  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO attachments (\"case\", event, filename, mime, added_at,"
                            " data) VALUES (:case, :event, :filename, :mime, :added, :data)",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_int64 (stmt, "case", case_id);
  if (event_id > 0)
    heed_db_statement_bind_int64 (stmt, "event", event_id);
  else
    heed_db_statement_bind_null (stmt, "event");
  heed_db_statement_bind_text (stmt, "filename", filename);
  heed_db_statement_bind_text (stmt, "mime", mime != NULL ? mime : "application/octet-stream");
  heed_db_statement_bind_text (stmt, "added", now);
  /* An empty file is an empty blob, not a missing one. */
  heed_db_statement_bind_blob (stmt, "data", size > 0 ? bytes : "", size);
  if (!heed_db_statement_insert (stmt, &id, error))
    goto failed;
  heed_db_statement_reset (stmt);
  if (attachment_id != NULL)
    *attachment_id = id;
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, size > 0 ? bytes : (gconstpointer) "",
                                        size);
  if (!_heed_store_audit (self, "add", "attachments", id, digest, error))
    goto failed;
  if (!heed_store_commit (self, error))
    return FALSE;
  _heed_store_announce (self, SIGNAL_CASE_CHANGED, NULL, case_id);
  return TRUE;

failed:
  heed_store_rollback (self);
  return FALSE;
}

GBytes *
heed_store_dup_attachment (HeedStore   *self,
                           gint64       attachment_id,
                           char       **filename,
                           char       **mime,
                           GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  GBytes *bytes = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self,
                            "SELECT filename, mime, data FROM attachments WHERE id = :id",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_int64 (stmt, "id", attachment_id);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ROW)
    {
      gsize size = 0;
      const void *data = heed_db_statement_column_blob (stmt, 2, &size);

      if (filename != NULL)
        *filename = heed_db_statement_dup_column_text (stmt, 0);
      if (mime != NULL)
        *mime = heed_db_statement_dup_column_text (stmt, 1);
      bytes = g_bytes_new (data, size);
    }
  heed_db_statement_reset (stmt);
  if (step == HEED_DB_STEP_DONE)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                 _("There is no such attachment."));
  return bytes;
}

/* Calls @func on every record of @type, one at a time, without holding them all. A file
 * streams the rows; a server gives a result whole, so it is read a page at a time, in id
 * order either way. */
#define RECORD_PAGE 1000

gboolean
_heed_store_foreach_record (HeedStore            *self,
                            GType                 type,
                            HeedStoreRecordFunc   func,
                            gpointer              user_data,
                            GError              **error)
{
  ClassSql *sql = get_class_sql (self, type);
  gboolean paged = _heed_store_is_server (self);
  gint64 after = 0;
  guint n_rows;

  do
    {
      /* The statement stays this function's while the callback runs, so the callback may use
       * the store (even this same statement's text) as it likes. */
      g_autoptr(HeedDbStatement) stmt =
        _heed_store_query (self, paged ? sql->list_page_sql : sql->list_all_sql, error);
      HeedDbStep step;

      if (stmt == NULL)
        return FALSE;
      if (paged)
        {
          heed_db_statement_bind_int64 (stmt, "after", after);
          heed_db_statement_bind_int64 (stmt, "page", RECORD_PAGE);
        }
      n_rows = 0;
      while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
        {
          g_autoptr(HeedRecord) record = _heed_store_record_from_statement (type, stmt);

          after = heed_record_get_id (record);
          n_rows++;
          func (record, user_data);
        }
      if (step != HEED_DB_STEP_DONE)
        return FALSE;
    }
  while (paged && n_rows == RECORD_PAGE);
  return TRUE;
}
