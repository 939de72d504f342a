/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-store-private.h"
#include "heed-validate.h"

/* What the practice writes for a report's period: the matters of general importance, in its
 * own words (DOMAIN.md, "Annual report"). One text per period, kept in report_summaries. */

static gboolean
check_period (const GDate  *from,
              const GDate  *to,
              GError      **error)
{
  if (from == NULL || to == NULL || !g_date_valid (from) || !g_date_valid (to)
      || g_date_compare (from, to) > 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("A report’s summary needs its period: a first day on or before its last."));
      return FALSE;
    }
  return TRUE;
}

char *
heed_store_dup_report_summary (HeedStore   *self,
                               const GDate *from,
                               const GDate *to)
{
  g_autofree char *first = NULL, *last = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  char *text = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (!check_period (from, to, NULL))
    return NULL;
  first = heed_format_date_iso (from);
  last = heed_format_date_iso (to);
  stmt = _heed_store_query (self,
                            "SELECT general_importance FROM report_summaries"
                            " WHERE period_from = :from AND period_to = :to",
                            NULL);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "from", first);
  heed_db_statement_bind_text (stmt, "to", last);
  if (heed_db_statement_step (stmt, NULL) == HEED_DB_STEP_ROW)
    text = heed_db_statement_dup_column_text (stmt, 0);
  return text;
}

gboolean
heed_store_set_report_summary (HeedStore    *self,
                               const GDate  *from,
                               const GDate  *to,
                               const char   *text,
                               GError      **error)
{
  g_autofree char *first = NULL, *last = NULL, *now = NULL, *what = NULL;
  g_autofree char *stripped = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_period (from, to, error) || !_heed_store_check_writable (self, error))
    return FALSE;
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The summary must be plain text."));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  first = heed_format_date_iso (from);
  last = heed_format_date_iso (to);
  now = _heed_store_now_text ();

  if (!heed_store_begin (self, error))
    return FALSE;
  /* An empty summary is none: the report falls back to the approved matters themselves. */
  stmt = _heed_store_query (self, stripped[0] == '\0'
                            ? "DELETE FROM report_summaries WHERE period_from = :from"
                              " AND period_to = :to"
                            : "INSERT INTO report_summaries (period_from, period_to,"
                              " general_importance, updated_at) VALUES (:from, :to, :text,"
                              " :now) ON CONFLICT (period_from, period_to) DO UPDATE SET"
                              " general_importance = excluded.general_importance,"
                              " updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    {
      heed_store_rollback (self);
      return FALSE;
    }
  heed_db_statement_bind_text (stmt, "from", first);
  heed_db_statement_bind_text (stmt, "to", last);
  if (stripped[0] != '\0')
    {
      heed_db_statement_bind_text (stmt, "text", stripped);
      heed_db_statement_bind_text (stmt, "now", now);
    }
  if (!_heed_store_run (stmt, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  what = g_strdup_printf ("%s/%s", first, last);
  if (!_heed_store_audit (self, "summary", "report_summaries", 0, what, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  return heed_store_commit (self, error);
}

gboolean
heed_store_foreach_report_summary (HeedStore               *self,
                                   HeedStoreSummaryVisitor  visitor,
                                   gpointer                 user_data,
                                   GError                 **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (visitor != NULL, FALSE);

  stmt = _heed_store_query (self,
                            "SELECT period_from, period_to, general_importance"
                            " FROM report_summaries ORDER BY period_from, period_to",
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
