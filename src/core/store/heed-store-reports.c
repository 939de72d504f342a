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
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (!check_period (from, to, NULL))
    return NULL;
  first = heed_format_date_iso (from);
  last = heed_format_date_iso (to);
  stmt = _heed_store_prepare (self,
                              "SELECT general_importance FROM report_summaries"
                              " WHERE period_from = :from AND period_to = :to",
                              NULL);
  if (stmt == NULL)
    return NULL;
  _heed_store_bind_text (stmt, ":from", first);
  _heed_store_bind_text (stmt, ":to", last);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = _heed_store_column_dup (stmt, 0);
  sqlite3_reset (stmt);
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
  sqlite3_stmt *stmt;
  int rc;

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
  stmt = _heed_store_prepare (self, stripped[0] == '\0'
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
  _heed_store_bind_text (stmt, ":from", first);
  _heed_store_bind_text (stmt, ":to", last);
  if (stripped[0] != '\0')
    {
      _heed_store_bind_text (stmt, ":text", stripped);
      _heed_store_bind_text (stmt, ":now", now);
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _heed_store_set_sqlite_error (self, rc, error);
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
