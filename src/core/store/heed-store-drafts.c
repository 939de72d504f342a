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
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft_id != NULL, FALSE);
  g_return_val_if_fail (form != NULL && content != NULL, FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;

  now = _heed_store_now_text ();
  if (*draft_id > 0)
    stmt = _heed_store_query (self,
                              "UPDATE form_drafts SET title = :title, content = :content, "
                              "updated_at = :now WHERE id = :id",
                              error);
  else
    stmt = _heed_store_query (self,
                              "INSERT INTO form_drafts (form, case_id, title, content, os_user,"
                              " updated_at) VALUES (:form, nullif (:case, 0), :title, "
                              ":content, :user, :now)",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (*draft_id > 0)
    heed_db_statement_bind_int64 (stmt, "id", *draft_id);
  else
    {
      heed_db_statement_bind_text (stmt, "form", form);
      heed_db_statement_bind_int64 (stmt, "case", case_id);
      heed_db_statement_bind_text (stmt, "user", heed_store_get_account (self));
    }
  heed_db_statement_bind_text (stmt, "title", title != NULL ? title : "");
  heed_db_statement_bind_text (stmt, "content", content);
  heed_db_statement_bind_text (stmt, "now", now);
  if (*draft_id > 0)
    {
      if (!_heed_store_run (stmt, error))
        return FALSE;
      if (heed_db_statement_get_changes (stmt) == 0)
        {
          /* Thrown away meanwhile (by another window, say): keep the typing as a new draft. */
          *draft_id = 0;
          return heed_store_keep_form_draft (self, draft_id, form, case_id, title, content,
                                             error);
        }
      return TRUE;
    }
  return heed_db_statement_insert (stmt, draft_id, error);
}

GPtrArray *
heed_store_list_form_drafts (HeedStore   *self,
                             const char  *form,
                             GError     **error)
{
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) heed_form_draft_free);
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self,
                            "SELECT id, form, coalesce (case_id, 0), title, content, os_user, "
                            "updated_at FROM form_drafts "
                            "WHERE CAST (:form AS TEXT) IS NULL OR form = :form "
                            "ORDER BY updated_at DESC, id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "form", form);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      HeedFormDraft *draft = g_new0 (HeedFormDraft, 1);

      draft->id = heed_db_statement_column_int64 (stmt, 0);
      draft->form = heed_db_statement_dup_column_text (stmt, 1);
      draft->case_id = heed_db_statement_column_int64 (stmt, 2);
      draft->title = heed_db_statement_dup_column_text (stmt, 3);
      draft->content = heed_db_statement_dup_column_text (stmt, 4);
      draft->os_user = heed_db_statement_dup_column_text (stmt, 5);
      draft->updated_at = heed_db_statement_dup_column_text (stmt, 6);
      g_ptr_array_add (drafts, draft);
    }
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&drafts);
}

gboolean
heed_store_drop_form_draft (HeedStore   *self,
                            gint64       draft_id,
                            GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (draft_id <= 0)
    return TRUE;
  if (!_heed_store_check_writable (self, error))
    return FALSE;
  stmt = _heed_store_query (self, "DELETE FROM form_drafts WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_int64 (stmt, "id", draft_id);
  return _heed_store_run (stmt, error);
}
