/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"


#include "heed-store-private.h"
#include "heed-subject-access.h"

/* What a subject access export needs from the practice file beyond the everyday API: which
 * cases name a person, the audit entries about a row, and the record that an export was made. */

void
heed_audit_entry_free (HeedAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->staff);
  g_free (entry->action);
  g_free (entry->table);
  g_free (entry->detail);
  g_free (entry);
}

GArray *
heed_store_list_cases_of_person (HeedStore  *self,
                                 gint64      person_id,
                                 GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _heed_store_ids (self,
                          "SELECT id FROM cases WHERE complainant = :id OR affected = :id"
                          " ORDER BY received_at, id",
                          person_id, error);
}

GPtrArray *
heed_store_list_audit_entries (HeedStore   *self,
                               const char  *table,
                               gint64       row_id,
                               GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT id, at, os_user, staff, action, tbl, row_id, detail"
                            " FROM audit WHERE tbl = :tbl AND row_id = :row ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "tbl", table);
  heed_db_statement_bind_int64 (stmt, "row", row_id);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_audit_entry_free);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      HeedAuditEntry *entry = g_new0 (HeedAuditEntry, 1);

      entry->id = heed_db_statement_column_int64 (stmt, 0);
      entry->at = heed_db_statement_dup_column_text (stmt, 1);
      entry->os_user = heed_db_statement_dup_column_text (stmt, 2);
      entry->staff = heed_db_statement_dup_column_text (stmt, 3);
      entry->action = heed_db_statement_dup_column_text (stmt, 4);
      entry->table = heed_db_statement_dup_column_text (stmt, 5);
      entry->row_id = heed_db_statement_column_int64 (stmt, 6);
      entry->detail = heed_db_statement_dup_column_text (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&entries);
}

gboolean
heed_store_check_can_record_export (HeedStore  *self,
                                    GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  return _heed_store_check_writable (self, error);
}

gboolean
heed_store_record_subject_access_export (HeedStore   *self,
                                         gint64       person_id,
                                         GError     **error)
{
  g_autofree char *detail = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  /* Not translated: the audit trail reads the same whatever the language of the window. */
  detail = g_strdup_printf ("subject access export made for person %" G_GINT64_FORMAT,
                            person_id);
  if (!heed_store_begin (self, error))
    return FALSE;
  if (!_heed_store_audit (self, "subject-access-export", "people", person_id, detail, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  return heed_store_commit (self, error);
}
