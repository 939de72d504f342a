/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-store-private.h"

/* Form drafts: what is typed into a form before it is saved, written as it is typed so that a
 * crash loses nothing. They are not records of the practice, so they bypass the audit trail;
 * each write is still one statement, so a draft is either the old or the new one, whole. */

void
heed_form_draft_free (HeedFormDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->form);
  g_free (draft->title);
  g_free (draft->content);
  g_free (draft->os_user);
  g_free (draft->updated_at);
  g_free (draft);
}

gboolean
heed_store_keep_form_draft (HeedStore   *self,
                            gint64      *draft_id,
                            const char  *form,
                            gint64       case_id,
                            const char  *title,
                            const char  *content,
                            GError     **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);
  g_return_val_if_fail (form != NULL && content != NULL, FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;

  now = _heed_store_now_text ();
  if (*draft_id > 0)
    stmt = _heed_store_prepare (self,
                                "UPDATE form_drafts SET title = :title, content = :content, "
                                "updated_at = :now WHERE id = :id",
                                error);
  else
    stmt = _heed_store_prepare (self,
                                "INSERT INTO form_drafts (form, case_id, title, content, os_user,"
                                " updated_at) VALUES (:form, nullif (:case, 0), :title, "
                                ":content, :user, :now)",
                                error);
  if (stmt == NULL)
    return FALSE;
  if (*draft_id > 0)
    _heed_store_bind_int (stmt, ":id", *draft_id);
  else
    {
      _heed_store_bind_text (stmt, ":form", form);
      _heed_store_bind_int (stmt, ":case", case_id);
      _heed_store_bind_text (stmt, ":user", g_get_user_name ());
    }
  _heed_store_bind_text (stmt, ":title", title != NULL ? title : "");
  _heed_store_bind_text (stmt, ":content", content);
  _heed_store_bind_text (stmt, ":now", now);
  if (!_heed_store_step_done (self, stmt, error))
    return FALSE;
  if (*draft_id > 0 && sqlite3_changes (self->db) == 0)
    {
      /* Thrown away meanwhile (by another window, say): keep the typing as a new draft. */
      *draft_id = 0;
      return heed_store_keep_form_draft (self, draft_id, form, case_id, title, content, error);
    }
  if (*draft_id <= 0)
    *draft_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

GPtrArray *
heed_store_list_form_drafts (HeedStore   *self,
                             const char  *form,
                             GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_form_draft_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_prepare (self,
                              "SELECT id, form, coalesce (case_id, 0), title, content, os_user, "
                              "updated_at FROM form_drafts "
                              "WHERE :form IS NULL OR form = :form ORDER BY updated_at DESC, id DESC",
                              error);
  if (stmt == NULL)
    return NULL;
  _heed_store_bind_text (stmt, ":form", form);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HeedFormDraft *draft = g_new0 (HeedFormDraft, 1);

      draft->id = sqlite3_column_int64 (stmt, 0);
      draft->form = _heed_store_column_dup (stmt, 1);
      draft->case_id = sqlite3_column_int64 (stmt, 2);
      draft->title = _heed_store_column_dup (stmt, 3);
      draft->content = _heed_store_column_dup (stmt, 4);
      draft->os_user = _heed_store_column_dup (stmt, 5);
      draft->updated_at = _heed_store_column_dup (stmt, 6);
      g_ptr_array_add (drafts, draft);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _heed_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&drafts);
}

gboolean
heed_store_drop_form_draft (HeedStore   *self,
                            gint64       draft_id,
                            GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (draft_id <= 0)
    return TRUE;
  if (!_heed_store_check_writable (self, error))
    return FALSE;
  stmt = _heed_store_prepare (self, "DELETE FROM form_drafts WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  _heed_store_bind_int (stmt, ":id", draft_id);
  return _heed_store_step_done (self, stmt, error);
}
