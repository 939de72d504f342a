/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-store-private.h"
#include "heed-validate.h"

/* Retention (DOMAIN.md, UK GDPR): complaint records are kept for the practice's retention
 * period after they close, then reviewed and destroyed. What is left is a tombstone saying
 * that the case existed and was destroyed, when, by whom and why, and the audit trail. */

static int
retention_years (HeedStore *self)
{
  g_autofree char *value = heed_store_dup_setting (self, "retention-years");
  gint64 years = 10;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, 1, 100, &years, NULL))
    years = 10;
  return (int) years;
}

/* The last day a case closed on @closed may still be kept: the retention period after it. */
static gboolean
is_due (HeedStore   *self,
        const char  *closed_on,
        const GDate *today)
{
  g_autofree char *day = closed_on != NULL ? g_strndup (closed_on, 10) : NULL;
  GDate until;

  if (day == NULL || !heed_date_from_iso (day, &until))
    return FALSE;
  g_date_add_years (&until, (guint) retention_years (self));
  return g_date_compare (&until, today) < 0;
}

GArray *
heed_store_list_due_for_destruction (HeedStore    *self,
                                     const GDate  *today,
                                     GError      **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;
  GDate now;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (today == NULL)
    {
      _heed_store_today (&now);
      today = &now;
    }
  stmt = _heed_store_query (self,
                            "SELECT id, closed_on FROM cases WHERE status IN ('closed', "
                            "'withdrawn', 'out-of-scope') AND closed_on IS NOT NULL "
                            "ORDER BY closed_on, id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    if (is_due (self, heed_db_statement_column_text (stmt, 1), today))
      {
        gint64 id = heed_db_statement_column_int64 (stmt, 0);

        g_array_append_val (ids, id);
      }
  if (step != HEED_DB_STEP_DONE)
    return NULL;
  return g_steal_pointer (&ids);
}

gboolean
heed_store_destroy_case (HeedStore   *self,
                         gint64       case_id,
                         const char  *reason,
                         GError     **error)
{
  /* People no other case refers to go with it. */
  static const char *const only_its_people =
    "SELECT p.id FROM people p JOIN cases c ON c.id = :id "
    "AND p.id IN (c.complainant, c.affected) "
    "WHERE NOT EXISTS (SELECT 1 FROM cases o WHERE o.id <> :id "
    "AND p.id IN (o.complainant, o.affected)) ORDER BY p.id";
  g_autoptr(GArray) people = NULL;
  g_autoptr(HeedCaseRow) row = NULL;
  g_autofree char *now = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  GDate today;
  gboolean begun = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  if (clean[0] == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Give the reason the record is destroyed, such as “Retention period "
                     "over, reviewed by the practice manager”."));
      return FALSE;
    }
  row = heed_store_load_case_row (self, case_id, error);
  if (row == NULL)
    return FALSE;
  _heed_store_today (&today);
  if (heed_case_status_is_open (row->status) || !is_due (self, row->closed_on, &today))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("%s cannot be destroyed yet: records are kept for %d years after the "
                     "case is closed."),
                   row->reference, retention_years (self));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;
  begun = TRUE;
  if ((people = _heed_store_ids (self, only_its_people, case_id, error)) == NULL)
    goto out;

  now = _heed_store_now_text ();
  {
    g_autoptr(HeedDbStatement) stmt =
      _heed_store_query (self,
                         "INSERT INTO destroyed (reference, kind, closed_on, destroyed_at, "
                         "destroyed_by, reason) VALUES (:reference, :kind, :closed, :now, "
                         ":by, :reason)",
                         error);

    if (stmt == NULL)
      goto out;
    heed_db_statement_bind_text (stmt, "reference", row->reference);
    heed_db_statement_bind_text (stmt, "kind", row->kind);
    heed_db_statement_bind_text (stmt, "closed", row->closed_on);
    heed_db_statement_bind_text (stmt, "now", now);
    heed_db_statement_bind_text (stmt, "by", self->staff_name != NULL
                                               ? self->staff_name
                                               : heed_store_get_account (self));
    heed_db_statement_bind_text (stmt, "reason", clean);
    if (!_heed_store_run (stmt, error)
        || !_heed_store_audit_keyed (self, "add", "destroyed", row->reference, error))
      goto out;
  }

  /* The case and, by its foreign keys, its records; then the people only it named. */
  if (!_heed_store_audit_case_children (self, case_id, "destroy", row->reference, error))
    goto out;
  {
    g_autoptr(HeedDbStatement) stmt =
      _heed_store_query (self, "DELETE FROM cases WHERE id = :case", error);

    if (stmt == NULL)
      goto out;
    heed_db_statement_bind_int64 (stmt, "case", case_id);
    if (!_heed_store_run (stmt, error)
        || !_heed_store_audit (self, "destroy", "cases", case_id, row->reference, error))
      goto out;
  }
  for (guint j = 0; j < people->len; j++)
    {
      gint64 id = g_array_index (people, gint64, j);
      g_autoptr(HeedDbStatement) stmt =
        _heed_store_query (self, "DELETE FROM people WHERE id = :id", error);

      if (stmt == NULL)
        goto out;
      heed_db_statement_bind_int64 (stmt, "id", id);
      if (!_heed_store_run (stmt, error)
          || !_heed_store_audit (self, "destroy", "people", id, row->reference, error))
        goto out;
    }
  ok = heed_store_commit (self, error);

out:
  if (!ok && begun)
    heed_store_rollback (self);
  if (ok)
    _heed_store_announce (self, SIGNAL_CASE_REMOVED, NULL, case_id);
  return ok;
}
