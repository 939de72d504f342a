/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-case.h"
#include "heed-letter.h"
#include "heed-store-exchange.h"
#include "heed-store-private.h"
#include "heed-validate.h"

/* The practice file as the exchange sees it: every table read one row at a time, and rows
 * written back exactly as they were exported. As in heed-store-records.c, only column names
 * from the record classes' compile-time field tables go into SQL text; every value is bound. */

/* The same limit heed_store_add_attachment() keeps. */
#define MAX_ATTACHMENT_SIZE (50 * 1024 * 1024)

#define READ_TRANSACTION_KEY "heed-store-exchange-read"

/* Statements made from a class's field table, once per class and kept (interned) for the life
 * of the program; the connection caches what it prepares from them by their text. */
typedef struct {
  const char *select_all;
  const char *select_without_case;  /* NULL when the class has no case */
  const char *insert;
  const char *insert_with_pdf;      /* letters only */
} ExchangeSql;

G_LOCK_DEFINE_STATIC (exchange_sql);
static GHashTable *exchange_sql_by_type;

static const ExchangeSql *
get_exchange_sql (GType type)
{
  g_autoptr(GTypeClass) type_class = g_type_class_ref (type);
  HeedRecordClass *klass = HEED_RECORD_CLASS (type_class);
  g_autoptr(GString) columns = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *text = NULL;
  ExchangeSql *sql;
  gboolean has_case = FALSE;

  G_LOCK (exchange_sql);
  if (exchange_sql_by_type == NULL)
    exchange_sql_by_type = g_hash_table_new (NULL, NULL);
  sql = g_hash_table_lookup (exchange_sql_by_type, GSIZE_TO_POINTER (type));
  if (sql != NULL)
    {
      G_UNLOCK (exchange_sql);
      return sql;
    }

  for (guint i = 0; i < klass->n_fields; i++)
    {
      const char *column = klass->fields[i].column;

      g_string_append_printf (columns, "%s\"%s\"", i > 0 ? ", " : "", column);
      g_string_append_printf (values, "%s:%s", i > 0 ? ", " : "", column);
      if (strcmp (column, "case") == 0)
        has_case = TRUE;
    }

  /* Kept for the life of the program, like the interned strings it points to. */
  sql = g_new0 (ExchangeSql, 1);
  text = g_strdup_printf ("SELECT id, %s FROM %s ORDER BY id", columns->str, klass->table);
  sql->select_all = g_intern_string (text);
  g_clear_pointer (&text, g_free);
  if (has_case)
    {
      text = g_strdup_printf ("SELECT id, %s FROM %s WHERE \"case\" IS NULL ORDER BY id",
                              columns->str, klass->table);
      sql->select_without_case = g_intern_string (text);
      g_clear_pointer (&text, g_free);
    }
  text = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s)", klass->table, columns->str,
                          values->str);
  sql->insert = g_intern_string (text);
  g_clear_pointer (&text, g_free);
  if (g_type_is_a (type, HEED_TYPE_LETTER))
    {
      /* The PDF goes in with the rest: the letters_frozen trigger forbids adding it to a sent
       * letter afterwards. */
      text = g_strdup_printf ("INSERT INTO %s (%s, pdf) VALUES (%s, :pdf)", klass->table,
                              columns->str, values->str);
      sql->insert_with_pdf = g_intern_string (text);
    }
  g_hash_table_insert (exchange_sql_by_type, GSIZE_TO_POINTER (type), sql);
  G_UNLOCK (exchange_sql);
  return sql;
}

void
heed_category_clear (HeedCategory *category)
{
  g_clear_pointer (&category->scheme, g_free);
  g_clear_pointer (&category->code, g_free);
  g_clear_pointer (&category->label, g_free);
  g_clear_pointer (&category->collection, g_free);
}

void
heed_tombstone_clear (HeedTombstone *tombstone)
{
  g_clear_pointer (&tombstone->reference, g_free);
  g_clear_pointer (&tombstone->kind, g_free);
  g_clear_pointer (&tombstone->closed_on, g_free);
  g_clear_pointer (&tombstone->destroyed_at, g_free);
  g_clear_pointer (&tombstone->destroyed_by, g_free);
  g_clear_pointer (&tombstone->reason, g_free);
}

void
heed_attachment_info_free (HeedAttachmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->filename);
  g_free (info->mime);
  g_free (info->added_at);
  g_free (info);
}

/* Helpers */

/* The first column of the row @stmt gives, as a flag (a boolean on a server, 0 or 1 in a
 * file); FALSE when it gives no row. */
static gboolean
query_bool (HeedDbStatement  *stmt,
            gboolean         *result,
            GError          **error)
{
  HeedDbStep step = heed_db_statement_step (stmt, error);

  *result = step == HEED_DB_STEP_ROW && heed_db_statement_column_int64 (stmt, 0) != 0;
  return step != HEED_DB_STEP_ERROR;
}

static void
bind_blob (HeedDbStatement *stmt,
           const char      *name,
           GBytes          *data)
{
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  /* An empty blob, not NULL: the column may be NOT NULL. */
  heed_db_statement_bind_blob (stmt, name, size > 0 ? bytes : "", size);
}

/* A blob column's bytes; empty bytes for NULL. */
static GBytes *
column_bytes (HeedDbStatement *stmt,
              int              column)
{
  GBytes *bytes = heed_db_statement_dup_column_bytes (stmt, column);

  return bytes != NULL ? bytes : g_bytes_new (NULL, 0);
}

/* An audit entry for a row written by an import: a digest of what was written, then
 * "imported", in the "<digest>|<what>" form heed_store_check() reads for records. */
static gboolean
audit_imported (HeedStore   *self,
                const char  *action,
                const char  *table,
                gint64       row_id,
                const char  *digest,
                GError     **error)
{
  g_autofree char *detail = g_strconcat (digest, "|imported", NULL);

  return _heed_store_audit (self, action, table, row_id, detail, error);
}

/* Prefixes of references: capitals, digits and hyphens, ending in a hyphen, as
 * assign_reference() makes them ("C-2025-") and a practice's own log may have them
 * ("2024-"); nothing that could break a line or act on a terminal. */
static gboolean
is_counter_prefix (const char *prefix)
{
  gsize length = strlen (prefix);

  if (length < 2 || length > 40 || prefix[length - 1] != '-')
    return FALSE;
  for (const char *p = prefix; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* "C-2025-041" raises the counter of "C-2025-" to at least 41, so Heed never gives that
 * reference again. References of another shape leave the counters alone. */
static gboolean
raise_counter_for (HeedStore   *self,
                   const char  *reference,
                   GError     **error)
{
  const char *dash = strrchr (reference, '-');
  g_autofree char *prefix = NULL;
  guint64 number;

  if (dash == NULL || dash[1] == '\0' || strlen (dash + 1) > 12)
    return TRUE;
  for (const char *p = dash + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return TRUE;
  number = g_ascii_strtoull (dash + 1, NULL, 10);
  prefix = g_strndup (reference, dash - reference + 1);
  /* Nor does a number past what Heed would reach: a counter raised there would leave no
   * reference to give. */
  if (!is_counter_prefix (prefix) || number > HEED_REFERENCE_COUNTER_MAX)
    return TRUE;
  return heed_store_raise_reference_counter (self, prefix, (gint64) number, error);
}

/* Reading */

gboolean
heed_store_begin_read (HeedStore  *self,
                       GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (self->conn == NULL || !heed_db_is_open (self->conn))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                   _("The practice file is closed."));
      return FALSE;
    }
  /* Inside a change already: that transaction gives the same view. */
  if (self->depth > 0 || heed_db_get_transaction_depth (self->conn) > 0)
    return TRUE;
  if (!heed_db_begin (self->conn, HEED_DB_BEGIN_SNAPSHOT, error))
    return FALSE;
  g_object_set_data (G_OBJECT (self), READ_TRANSACTION_KEY, GINT_TO_POINTER (1));
  return TRUE;
}

void
heed_store_end_read (HeedStore *self)
{
  g_return_if_fail (HEED_IS_STORE (self));

  if (g_object_get_data (G_OBJECT (self), READ_TRANSACTION_KEY) == NULL)
    return;
  g_object_set_data (G_OBJECT (self), READ_TRANSACTION_KEY, NULL);
  if (self->conn != NULL && heed_db_is_open (self->conn)
      && heed_db_get_transaction_depth (self->conn) > 0)
    heed_db_commit (self->conn, NULL);
}

/* Reads a row of "SELECT id, <every field>" into a new record of @type. Each walk has a
 * statement of its own, so visitors may use the store's statements, even the same SQL. */
gboolean
heed_store_foreach_record (HeedStore               *self,
                           GType                    type,
                           HeedStoreRecordFilter    filter,
                           HeedStoreRecordVisitor   visitor,
                           gpointer                 user_data,
                           GError                 **error)
{
  const ExchangeSql *sql;
  const char *text;
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (type, HEED_TYPE_RECORD), FALSE);
  g_return_val_if_fail (visitor != NULL, FALSE);

  sql = get_exchange_sql (type);
  text = filter == HEED_STORE_RECORDS_WITHOUT_CASE ? sql->select_without_case : sql->select_all;
  g_return_val_if_fail (text != NULL, FALSE);

  stmt = _heed_store_query (self, text, error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      g_autoptr(HeedRecord) record = _heed_store_record_from_statement (type, stmt);

      if (!visitor (record, user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_store_foreach_setting (HeedStore                *self,
                            HeedStoreSettingVisitor   visitor,
                            gpointer                  user_data,
                            GError                  **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  stmt = _heed_store_query (self,
                            "SELECT key, value FROM settings WHERE key != 'practice-id'"
                            " ORDER BY key",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      if (!visitor (heed_db_statement_column_text (stmt, 0),
                    heed_db_statement_column_text (stmt, 1), user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_store_foreach_setting_blob (HeedStore             *self,
                                 HeedStoreBlobVisitor   visitor,
                                 gpointer               user_data,
                                 GError               **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  stmt = _heed_store_query (self, "SELECT key, mime, data FROM setting_blobs ORDER BY key",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      g_autoptr(GBytes) data = column_bytes (stmt, 2);

      if (!visitor (heed_db_statement_column_text (stmt, 0),
                    heed_db_statement_column_text (stmt, 1), data, user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_store_foreach_category (HeedStore                 *self,
                             HeedStoreCategoryVisitor   visitor,
                             gpointer                   user_data,
                             GError                   **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  stmt = _heed_store_query (self,
                            "SELECT scheme, code, label, year_from, year_to, position, min_age, "
                            "max_age, collection FROM categories ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      HeedCategory category = {
        .scheme = (char *) heed_db_statement_column_text (stmt, 0),
        .code = (char *) heed_db_statement_column_text (stmt, 1),
        .label = (char *) heed_db_statement_column_text (stmt, 2),
        .year_from = heed_db_statement_column_int64 (stmt, 3),
        .year_to = heed_db_statement_column_int64 (stmt, 4),
        .position = heed_db_statement_column_int64 (stmt, 5),
        .has_min_age = !heed_db_statement_column_is_null (stmt, 6),
        .min_age = heed_db_statement_column_int64 (stmt, 6),
        .has_max_age = !heed_db_statement_column_is_null (stmt, 7),
        .max_age = heed_db_statement_column_int64 (stmt, 7),
        .collection = (char *) heed_db_statement_column_text (stmt, 8),
      };

      if (!visitor (&category, user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_store_foreach_risk (HeedStore             *self,
                         HeedStoreRiskVisitor   visitor,
                         gpointer               user_data,
                         GError               **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  /* By seriousness, then likelihood, each from the least to the most (the order the seed
   * writes them in), whichever order the rows were written in. */
  stmt = _heed_store_query (self,
                            "SELECT seriousness, likelihood, risk FROM risk_matrix ORDER BY"
                            " CASE seriousness WHEN 'low' THEN 1 WHEN 'medium' THEN 2"
                            " WHEN 'high' THEN 3 WHEN 'extreme' THEN 4 ELSE 5 END, seriousness,"
                            " CASE likelihood WHEN 'rare' THEN 1 WHEN 'unlikely' THEN 2"
                            " WHEN 'possible' THEN 3 WHEN 'likely' THEN 4"
                            " WHEN 'almost-certain' THEN 5 ELSE 6 END, likelihood",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      if (!visitor (heed_db_statement_column_text (stmt, 0),
                    heed_db_statement_column_text (stmt, 1),
                    heed_db_statement_column_text (stmt, 2), user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_store_foreach_reference_counter (HeedStore                *self,
                                      HeedStoreCounterVisitor   visitor,
                                      gpointer                  user_data,
                                      GError                  **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  stmt = _heed_store_query (self, "SELECT prefix, last FROM reference_counters ORDER BY prefix",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      if (!visitor (heed_db_statement_column_text (stmt, 0),
                    heed_db_statement_column_int64 (stmt, 1), user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_store_foreach_tombstone (HeedStore                  *self,
                              HeedStoreTombstoneVisitor   visitor,
                              gpointer                    user_data,
                              GError                    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  stmt = _heed_store_query (self,
                            "SELECT reference, kind, closed_on, destroyed_at, destroyed_by,"
                            " reason FROM destroyed ORDER BY reference",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      HeedTombstone tombstone = {
        .reference = (char *) heed_db_statement_column_text (stmt, 0),
        .kind = (char *) heed_db_statement_column_text (stmt, 1),
        .closed_on = (char *) heed_db_statement_column_text (stmt, 2),
        .destroyed_at = (char *) heed_db_statement_column_text (stmt, 3),
        .destroyed_by = (char *) heed_db_statement_column_text (stmt, 4),
        .reason = (char *) heed_db_statement_column_text (stmt, 5),
      };

      if (!visitor (&tombstone, user_data, error))
        return FALSE;
    }
  return step == HEED_DB_STEP_DONE;
}

/* The staff named in a case, as gint64 ids in order. */
GArray *
heed_store_list_case_staff (HeedStore  *self,
                            gint64      case_id,
                            GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  return _heed_store_ids (self,
                          "SELECT staff_id FROM case_staff WHERE case_id = :id ORDER BY staff_id",
                          case_id, error);
}

/* A case's attachments without their data (heed_store_dup_attachment() reads that), as
 * HeedAttachmentInfo in id order. */
GPtrArray *
heed_store_list_attachments (HeedStore  *self,
                             gint64      case_id,
                             GError    **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self,
                            "SELECT id, \"case\", event, filename, mime, added_at "
                            "FROM attachments WHERE \"case\" = :case ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_int64 (stmt, "case", case_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_attachment_info_free);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      HeedAttachmentInfo *info = g_new0 (HeedAttachmentInfo, 1);

      info->id = heed_db_statement_column_int64 (stmt, 0);
      info->case_id = heed_db_statement_column_int64 (stmt, 1);
      info->event_id = heed_db_statement_column_int64 (stmt, 2);
      info->filename = heed_db_statement_dup_column_text (stmt, 3);
      info->mime = heed_db_statement_dup_column_text (stmt, 4);
      info->added_at = heed_db_statement_dup_column_text (stmt, 5);
      g_ptr_array_add (list, info);
    }
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&list);
}

/* The PDF kept with a letter; NULL without an error when it has none. */
GBytes *
heed_store_dup_letter_pdf (HeedStore  *self,
                           gint64      letter_id,
                           GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self, "SELECT pdf FROM letters WHERE id = :id", error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_int64 (stmt, "id", letter_id);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_DONE)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                 _("There is no such letter."));
  if (step != HEED_DB_STEP_ROW || heed_db_statement_column_is_null (stmt, 0))
    return NULL;
  return column_bytes (stmt, 0);
}

/* A binary setting such as the logo; NULL without an error when there is none. */
GBytes *
heed_store_dup_setting_blob (HeedStore   *self,
                             const char  *key,
                             char       **mime,
                             GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = _heed_store_query (self, "SELECT mime, data FROM setting_blobs WHERE key = :key",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "key", key);
  if (heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
    return NULL;
  if (mime != NULL)
    *mime = heed_db_statement_dup_column_text (stmt, 0);
  return column_bytes (stmt, 1);
}

/* Questions */

/* Empty: nothing but what heed_store_create() put there (settings, categories, the risk
 * matrix and built-in templates). */
gboolean
heed_store_is_empty_practice (HeedStore  *self,
                              gboolean   *empty,
                              GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  gboolean has_content;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  stmt = _heed_store_query (self,
                            "SELECT EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM people)"
                            " OR EXISTS (SELECT 1 FROM staff) OR EXISTS (SELECT 1 FROM actions)"
                            " OR EXISTS (SELECT 1 FROM survey_responses)"
                            " OR EXISTS (SELECT 1 FROM destroyed)"
                            " OR EXISTS (SELECT 1 FROM templates WHERE NOT builtin)",
                            error);
  if (stmt == NULL || !query_bool (stmt, &has_content, error))
    return FALSE;
  *empty = !has_content;
  return TRUE;
}

/* Taken by a case in the file, or by a case that was destroyed: references are never reused. */
gboolean
heed_store_reference_is_taken (HeedStore   *self,
                               const char  *reference,
                               gboolean    *taken,
                               GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (taken != NULL, FALSE);

  stmt = _heed_store_query (self,
                            "SELECT EXISTS (SELECT 1 FROM cases WHERE reference = :reference)"
                            " OR EXISTS (SELECT 1 FROM destroyed WHERE reference = :reference)",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "reference", reference);
  return query_bool (stmt, taken, error);
}

/* Who holds @reference: the row id of the case that has it (0 for none), and whether a
 * destroyed case had it. */
gboolean
heed_store_find_reference (HeedStore   *self,
                           const char  *reference,
                           gint64      *case_id,
                           gboolean    *destroyed,
                           GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);
  g_return_val_if_fail (case_id != NULL && destroyed != NULL, FALSE);

  stmt = _heed_store_query (self,
                            "SELECT coalesce ((SELECT id FROM cases WHERE reference = :reference),"
                            " 0), EXISTS (SELECT 1 FROM destroyed WHERE reference = :reference)",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "reference", reference);
  step = heed_db_statement_step (stmt, error);
  *case_id = step == HEED_DB_STEP_ROW ? heed_db_statement_column_int64 (stmt, 0) : 0;
  *destroyed = step == HEED_DB_STEP_ROW && heed_db_statement_column_int64 (stmt, 1) != 0;
  return step != HEED_DB_STEP_ERROR;
}

/* The newest row id of the cases: cases added after it (inside an import's transaction) are
 * the import's own. */
gboolean
heed_store_get_last_case_id (HeedStore  *self,
                             gint64     *last_case_id,
                             GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (last_case_id != NULL, FALSE);

  stmt = _heed_store_query (self, "SELECT coalesce (max (id), 0) FROM cases", error);
  if (stmt == NULL)
    return FALSE;
  step = heed_db_statement_step (stmt, error);
  *last_case_id = step == HEED_DB_STEP_ROW ? heed_db_statement_column_int64 (stmt, 0) : 0;
  return step != HEED_DB_STEP_ERROR;
}

gboolean
heed_store_has_template (HeedStore   *self,
                         const char  *code,
                         const char  *language,
                         gboolean    *has,
                         GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (has != NULL, FALSE);

  stmt = _heed_store_query (self,
                            "SELECT EXISTS (SELECT 1 FROM templates WHERE code = :code"
                            " AND language IS NOT DISTINCT FROM CAST (:language AS TEXT))",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "code", code);
  heed_db_statement_bind_text (stmt, "language", language);
  return query_bool (stmt, has, error);
}

/* Writing */

/* Takes out what a new practice file starts with (settings and the logo, categories, the risk
 * matrix, built-in templates), the @parts asked for, so that an import can put the exported
 * practice's own in. Only for an empty practice (heed_store_is_empty_practice()). */
gboolean
heed_store_clear_practice_setup (HeedStore            *self,
                                 HeedStoreSetupParts   parts,
                                 GError              **error)
{
  static const struct {
    HeedStoreSetupParts part;
    const char *sql;
    const char *table;
  } clears[] = {
    /* The practice's identity stays: it names this file's trail in the anchor log. */
    { HEED_STORE_SETUP_SETTINGS, "DELETE FROM settings WHERE key != 'practice-id'", "settings" },
    { HEED_STORE_SETUP_SETTINGS, "DELETE FROM setting_blobs", "setting_blobs" },
    { HEED_STORE_SETUP_CATEGORIES, "DELETE FROM categories", "categories" },
    { HEED_STORE_SETUP_RISK, "DELETE FROM risk_matrix", "risk_matrix" },
  };
  g_autoptr(GArray) template_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean empty = FALSE;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  /* The settings only in a practice that holds nothing else yet; the templates while it has
   * none of its own wording (an import streams its staff and people in before them). */
  if (parts & ~HEED_STORE_SETUP_TEMPLATES)
    {
      if (!heed_store_is_empty_practice (self, &empty, error))
        return FALSE;
    }
  else
    {
      g_autoptr(HeedDbStatement) stmt = NULL;

      stmt = _heed_store_query (self,
                                "SELECT NOT EXISTS (SELECT 1 FROM templates WHERE NOT builtin)",
                                error);
      if (stmt == NULL || !query_bool (stmt, &empty, error))
        return FALSE;
    }
  if (!empty)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("The practice’s settings can only be replaced in a practice file that "
                     "holds nothing else yet."));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (clears); i++)
    {
      g_autoptr(HeedDbStatement) stmt = NULL;

      if (!(parts & clears[i].part))
        continue;
      stmt = _heed_store_query (self, clears[i].sql, error);
      if (stmt == NULL || !_heed_store_run (stmt, error)
          || !_heed_store_audit (self, "delete", clears[i].table, 0, "replaced by an import",
                                 error)
          || (strcmp (clears[i].table, "settings") == 0
              && !_heed_store_audit_keyed (self, "setting", "settings", "practice-id", error)))
        goto failed;
    }

  if (parts & HEED_STORE_SETUP_TEMPLATES)
    {
      g_autoptr(HeedDbStatement) stmt = NULL;
      HeedDbStep step;

      stmt = _heed_store_query (self, "SELECT id FROM templates ORDER BY id", error);
      if (stmt == NULL)
        goto failed;
      while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
        {
          gint64 id = heed_db_statement_column_int64 (stmt, 0);

          g_array_append_val (template_ids, id);
        }
      if (step != HEED_DB_STEP_DONE)
        goto failed;
    }
  for (guint i = 0; i < template_ids->len; i++)
    {
      g_autoptr(HeedDbStatement) stmt = NULL;
      gint64 id = g_array_index (template_ids, gint64, i);

      stmt = _heed_store_query (self, "DELETE FROM templates WHERE id = :id", error);
      if (stmt == NULL)
        goto failed;
      heed_db_statement_bind_int64 (stmt, "id", id);
      if (!_heed_store_run (stmt, error)
          || !_heed_store_audit (self, "delete", "templates", id, "replaced by an import", error))
        goto failed;
    }
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

gboolean
heed_store_insert_setting (HeedStore   *self,
                           const char  *key,
                           const char  *value,
                           GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!_heed_store_check_setting (key, value, error))
    return FALSE;
  if (value != NULL && value[0] == '\0')
    value = NULL;
  /* Another practice's identity is not this file's: its trail is this file's own. */
  if (strcmp (key, "practice-id") == 0)
    return TRUE;

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO settings (key, value) VALUES (:key, :value) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_text (stmt, "key", key);
  heed_db_statement_bind_text (stmt, "value", value);
  if (!_heed_store_run (stmt, error)
      || !_heed_store_audit_keyed (self, "setting", "settings", key, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

gboolean
heed_store_insert_setting_blob (HeedStore   *self,
                                const char  *key,
                                const char  *mime,
                                GBytes      *data,
                                GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (key[0] == '\0' || mime == NULL || mime[0] == '\0' || !g_utf8_validate (key, -1, NULL)
      || !g_utf8_validate (mime, -1, NULL))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A picture or file kept with the settings needs a name and a type."));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO setting_blobs (key, mime, data) VALUES (:key, :mime,"
                            " :data) ON CONFLICT (key) DO UPDATE SET mime = excluded.mime,"
                            " data = excluded.data",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_text (stmt, "key", key);
  heed_db_statement_bind_text (stmt, "mime", mime);
  bind_blob (stmt, "data", data);
  if (!_heed_store_run (stmt, error)
      || !_heed_store_audit_keyed (self, "setting", "setting_blobs", key, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

gboolean
heed_store_insert_category (HeedStore           *self,
                            const HeedCategory  *category,
                            GError             **error)
{
  g_autofree char *id_text = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (category != NULL, FALSE);

  if (category->code == NULL || category->code[0] == '\0' || category->label == NULL
      || category->label[0] == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A category needs a code and a label."));
      return FALSE;
    }
  if (!_heed_store_text_is_plain (category->code, TRUE, 256)
      || !_heed_store_text_is_plain (category->label, TRUE, 1024))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A category’s code and label must each be one line of plain text, "
                     "without control characters."));
      return FALSE;
    }
  if (category->collection != NULL && g_strcmp0 (category->collection, "gp") != 0
      && g_strcmp0 (category->collection, "dental") != 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The category “%s” is for the gp or the dental collection, not “%s”."),
                   category->code, category->collection);
      return FALSE;
    }
  if (category->year_from > category->year_to)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The category “%s” ends before it starts."), category->code);
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO categories (scheme, code, label, year_from, year_to,"
                            " position, min_age, max_age, collection) VALUES (:scheme, :code,"
                            " :label, :from, :to, :position, :min, :max, :collection)",
                            error);
  if (stmt == NULL)
    goto failed;
  if (category->collection != NULL)
    heed_db_statement_bind_text (stmt, "collection", category->collection);
  heed_db_statement_bind_text (stmt, "scheme", category->scheme);
  heed_db_statement_bind_text (stmt, "code", category->code);
  heed_db_statement_bind_text (stmt, "label", category->label);
  heed_db_statement_bind_int64 (stmt, "from", category->year_from);
  heed_db_statement_bind_int64 (stmt, "to", category->year_to);
  heed_db_statement_bind_int64 (stmt, "position", category->position);
  if (category->has_min_age)
    heed_db_statement_bind_int64 (stmt, "min", category->min_age);
  if (category->has_max_age)
    heed_db_statement_bind_int64 (stmt, "max", category->max_age);
  if (!heed_db_statement_insert (stmt, &id, error))
    goto failed;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (!_heed_store_audit_keyed (self, "add", "categories", id_text, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

gboolean
heed_store_insert_risk (HeedStore   *self,
                        const char  *seriousness,
                        const char  *likelihood,
                        const char  *risk,
                        GError     **error)
{
  static const char *const risks[] = { "low", "moderate", "high", "extreme", NULL };
  g_autofree char *key = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (seriousness == NULL || likelihood == NULL || risk == NULL
      || !g_strv_contains (heed_seriousness_levels, seriousness)
      || !g_strv_contains (heed_likelihood_levels, likelihood)
      || !g_strv_contains (risks, risk))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A risk grade must pair a seriousness (low, medium, high, extreme) and a "
                     "likelihood (rare, unlikely, possible, likely, almost-certain) with a risk "
                     "(low, moderate, high, extreme)."));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO risk_matrix (seriousness, likelihood, risk) VALUES"
                            " (:s, :l, :r) ON CONFLICT (seriousness, likelihood) DO UPDATE"
                            " SET risk = excluded.risk",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_text (stmt, "s", seriousness);
  heed_db_statement_bind_text (stmt, "l", likelihood);
  heed_db_statement_bind_text (stmt, "r", risk);
  key = g_strdup_printf ("%s/%s", seriousness, likelihood);
  if (!_heed_store_run (stmt, error)
      || !_heed_store_audit_keyed (self, "setting", "risk_matrix", key, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

/* The counter of a reference series never goes down. */
gboolean
heed_store_raise_reference_counter (HeedStore   *self,
                                    const char  *prefix,
                                    gint64       last,
                                    GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (prefix != NULL, FALSE);

  if (!is_counter_prefix (prefix))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A reference counter’s prefix is written like C-2025- (capital letters, "
                     "digits and hyphens, ending in a hyphen)."));
      return FALSE;
    }
  if (last < 0 || last > HEED_REFERENCE_COUNTER_MAX)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The reference counter %s must be from 0 to %d."), prefix,
                   HEED_REFERENCE_COUNTER_MAX);
      return FALSE;
    }
  if (!_heed_store_check_writable (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO reference_counters (prefix, last) VALUES (:prefix,"
                            " :last) ON CONFLICT (prefix) DO UPDATE SET"
                            " last = CASE WHEN excluded.last > reference_counters.last"
                            " THEN excluded.last ELSE reference_counters.last END",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "prefix", prefix);
  heed_db_statement_bind_int64 (stmt, "last", last);
  return _heed_store_run (stmt, error)
         && _heed_store_audit_counter (self, "counter", prefix, error);
}

gboolean
heed_store_insert_tombstone (HeedStore            *self,
                             const HeedTombstone  *tombstone,
                             GError              **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  gboolean taken = FALSE;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (tombstone != NULL, FALSE);

  if (tombstone->reference == NULL || tombstone->reference[0] == '\0'
      || !_heed_store_text_is_plain (tombstone->reference, TRUE, 64)
      || tombstone->kind == NULL || !g_strv_contains (heed_case_kinds, tombstone->kind)
      || tombstone->destroyed_at == NULL || tombstone->destroyed_by == NULL
      || tombstone->reason == NULL
      || !_heed_store_text_is_plain (tombstone->destroyed_at, TRUE, 64)
      || !_heed_store_text_is_plain (tombstone->destroyed_by, TRUE, 1024)
      || !_heed_store_text_is_plain (tombstone->reason, FALSE, 64 * 1024)
      || (tombstone->closed_on != NULL
          && !_heed_store_text_is_plain (tombstone->closed_on, TRUE, 64)))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The record of a destroyed case needs its reference, kind, when and by "
                     "whom it was destroyed, and why."));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  if (!heed_store_reference_is_taken (self, tombstone->reference, &taken, error))
    goto failed;
  if (taken)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("The reference %s is already used in this practice file."),
                   tombstone->reference);
      goto failed;
    }
  stmt = _heed_store_query (self,
                            "INSERT INTO destroyed (reference, kind, closed_on, destroyed_at,"
                            " destroyed_by, reason) VALUES (:reference, :kind, :closed,"
                            " :at, :by, :reason)",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_text (stmt, "reference", tombstone->reference);
  heed_db_statement_bind_text (stmt, "kind", tombstone->kind);
  heed_db_statement_bind_text (stmt, "closed", tombstone->closed_on);
  heed_db_statement_bind_text (stmt, "at", tombstone->destroyed_at);
  heed_db_statement_bind_text (stmt, "by", tombstone->destroyed_by);
  heed_db_statement_bind_text (stmt, "reason", tombstone->reason);
  if (!_heed_store_run (stmt, error)
      || !_heed_store_audit_keyed (self, "add", "destroyed", tombstone->reference, error)
      || !raise_counter_for (self, tombstone->reference, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

/* Fills a NOT NULL time Heed itself keeps, when a hand-made file leaves it out. */
static void
ensure_time (HeedRecord  *record,
             const char  *field,
             const char  *now)
{
  int index = heed_record_find_field (record, field);

  if (index >= 0 && !heed_record_is_set (record, (guint) index))
    heed_record_set_text (record, (guint) index, now);
}

/* Adds @record as it is: its reference, created and updated times and a letter's sent state
 * are kept, not stamped afresh as heed_store_save() would. @letter_pdf, for a letter only, is
 * the PDF kept with it. The record must be new (id 0); it gets its id in the file. */
gboolean
heed_store_insert_record (HeedStore   *self,
                          HeedRecord  *record,
                          GBytes      *letter_pdf,
                          GError     **error)
{
  g_autoptr(GError) invalid = NULL;
  g_autofree char *now = NULL;
  g_autofree char *digest = NULL;
  const ExchangeSql *sql;
  g_autoptr(HeedDbStatement) stmt = NULL;
  gboolean is_case;
  gint64 id = 0;
  GDate today;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_RECORD (record), FALSE);
  g_return_val_if_fail (heed_record_get_id (record) == 0, FALSE);
  g_return_val_if_fail (letter_pdf == NULL || HEED_IS_LETTER (record), FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;

  is_case = HEED_IS_CASE (record);
  now = _heed_store_now_text ();
  if (is_case)
    {
      const char *reference = heed_record_get_text (record, HEED_CASE_REFERENCE);

      if (reference == NULL)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("A case needs its reference."));
          return FALSE;
        }
      if (!heed_text_is_one_line (reference))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("A case reference is one line of capital letters, digits and hyphens, "
                         "such as C-2025-041, without line breaks or control characters."));
          return FALSE;
        }
      ensure_time (record, "created-at", now);
      ensure_time (record, "updated-at", now);
    }
  else if (HEED_IS_LETTER (record))
    ensure_time (record, "created-at", now);

  _heed_store_today (&today);
  if (!heed_record_check (record, &today, &invalid))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID, invalid->message);
      return FALSE;
    }

  sql = get_exchange_sql (G_OBJECT_TYPE (record));
  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self, letter_pdf != NULL ? sql->insert_with_pdf : sql->insert,
                              error);
  if (stmt == NULL)
    goto failed;
  _heed_store_bind_record_to (stmt, record);
  if (letter_pdf != NULL)
    bind_blob (stmt, "pdf", letter_pdf);
  if (!heed_db_statement_insert (stmt, &id, error))
    goto failed;
  heed_record_set_id (record, id);

  if (is_case
      && !raise_counter_for (self, heed_record_get_text (record, HEED_CASE_REFERENCE), error))
    goto failed;
  digest = heed_record_dup_content_hash (record);
  if (!audit_imported (self, "add", heed_record_get_table (record), heed_record_get_id (record),
                       digest, error))
    goto failed;
  /* The PDF of a letter sent, as it came: the check compares it with this. */
  if (letter_pdf != NULL)
    {
      g_autofree char *pdf_digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, letter_pdf);

      if (!_heed_store_audit (self, "pdf", "letters", heed_record_get_id (record), pdf_digest,
                              error))
        goto failed;
    }
  if (!heed_store_commit (self, error))
    {
      heed_record_set_id (record, 0);
      return FALSE;
    }
  return TRUE;

failed:
  heed_store_rollback (self);
  heed_record_set_id (record, 0);
  return FALSE;
}

gboolean
heed_store_insert_attachment (HeedStore                 *self,
                              const HeedAttachmentInfo  *info,
                              GBytes                    *data,
                              gint64                    *attachment_id,
                              GError                   **error)
{
  g_autofree char *digest = NULL;
  g_autofree char *now = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (info->filename == NULL || info->filename[0] == '\0'
      || !g_utf8_validate (info->filename, -1, NULL))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("An attachment needs a file name."));
      return FALSE;
    }
  if (!_heed_store_text_is_plain (info->filename, TRUE, 1024))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("An attachment’s file name must be one line of plain text, without "
                     "control characters."));
      return FALSE;
    }
  if (g_bytes_get_size (data) > MAX_ATTACHMENT_SIZE)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is larger than 50 MB, too large to keep in the practice file."),
                   info->filename);
      return FALSE;
    }
  if (info->mime != NULL && !_heed_store_text_is_plain (info->mime, TRUE, 256))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The type of “%s” is not plain text."), info->filename);
      return FALSE;
    }
  if (!_heed_store_check_writable (self, error))
    return FALSE;
  now = _heed_store_now_text ();

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO attachments (\"case\", event, filename, mime, added_at,"
                            " data) VALUES (:case, :event, :filename, :mime, :added, :data)",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_int64 (stmt, "case", info->case_id);
  if (info->event_id > 0)
    heed_db_statement_bind_int64 (stmt, "event", info->event_id);
  heed_db_statement_bind_text (stmt, "filename", info->filename);
  heed_db_statement_bind_text (stmt, "mime",
                         info->mime != NULL && info->mime[0] != '\0'
                         ? info->mime : "application/octet-stream");
  heed_db_statement_bind_text (stmt, "added", info->added_at != NULL ? info->added_at : now);
  bind_blob (stmt, "data", data);
  if (!heed_db_statement_insert (stmt, &id, error))
    goto failed;
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  if (!audit_imported (self, "add", "attachments", id, digest, error))
    goto failed;
  if (!heed_store_commit (self, error))
    return FALSE;
  if (attachment_id != NULL)
    *attachment_id = id;
  return TRUE;

failed:
  heed_store_rollback (self);
  return FALSE;
}

gboolean
heed_store_add_case_staff (HeedStore   *self,
                           gint64       case_id,
                           gint64       staff_id,
                           GError     **error)
{
  g_autofree char *digest = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self,
                            "INSERT INTO case_staff (case_id, staff_id) VALUES (:case, :staff)",
                            error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_int64 (stmt, "case", case_id);
  heed_db_statement_bind_int64 (stmt, "staff", staff_id);
  digest = _heed_store_case_staff_digest (case_id, staff_id);
  if (!_heed_store_run (stmt, error)
      || !audit_imported (self, "add", "case_staff", case_id, digest, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

/* After settings or the risk matrix were replaced: what the store keeps in memory from them. */
gboolean
heed_store_reload_setup (HeedStore  *self,
                         GError    **error)
{
  g_autofree char *nation_id = NULL;
  HeedNation nation = HEED_NATION_ENGLAND;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!_heed_store_load_risk (self, error))
    return FALSE;
  nation_id = heed_store_dup_setting (self, "nation");
  heed_nation_from_id (nation_id, &nation);
  if (self->calendar == NULL || heed_calendar_get_nation (self->calendar) != nation)
    {
      g_clear_object (&self->calendar);
      self->calendar = heed_calendar_new (nation);
    }
  return TRUE;
}
