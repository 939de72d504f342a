/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-event.h"
#include "heed-store-letters.h"
#include "heed-store-private.h"

gboolean
heed_store_send_letter (HeedStore   *self,
                        HeedLetter  *letter,
                        GBytes      *pdf,
                        const char  *how,
                        GError     **error)
{
  HeedRecord *record = HEED_RECORD (letter);
  g_autoptr(HeedEvent) event = NULL;
  g_autofree char *now = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  const char *title;
  gsize size = 0;
  gconstpointer bytes;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_LETTER (letter), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  if (heed_record_is_set (record, HEED_LETTER_SENT_AT))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("This letter was already sent and cannot be sent again. Make a new letter "
                     "instead."));
      return FALSE;
    }
  if (g_strcmp0 (how, "post") != 0 && g_strcmp0 (how, "email") != 0
      && g_strcmp0 (how, "by-hand") != 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Say how the letter was sent: by post, by email or by hand."));
      return FALSE;
    }
  bytes = g_bytes_get_data (pdf, &size);
  if (size < 5 || memcmp (bytes, "%PDF-", 5) != 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The letter to keep is not a PDF."));
      return FALSE;
    }

  if (!heed_store_begin (self, error))
    return FALSE;

  /* Saved unsent first, so the PDF can be written before the trigger freezes the row. */
  if (!heed_store_save (self, record, error))
    goto failed;
  stmt = _heed_store_query (self, "UPDATE letters SET pdf = :pdf WHERE id = :id", error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_blob (stmt, "pdf", bytes, size);
  heed_db_statement_bind_int64 (stmt, "id", heed_record_get_id (record));
  if (!_heed_store_run (stmt, error))
    goto failed;

  now = _heed_store_now_text ();
  heed_record_set_text (record, HEED_LETTER_SENT_AT, now);
  heed_record_set_text (record, HEED_LETTER_SENT_BY, how);
  if (!heed_store_save (self, record, error))
    goto failed;

  title = heed_record_get_text (record, HEED_LETTER_TITLE);
  summary = g_strcmp0 (how, "email") == 0
            ? g_strdup_printf (_("Letter sent by email: %s"), title != NULL ? title : "")
            : g_strcmp0 (how, "by-hand") == 0
            ? g_strdup_printf (_("Letter given by hand: %s"), title != NULL ? title : "")
            : g_strdup_printf (_("Letter sent by post: %s"), title != NULL ? title : "");
  event = heed_event_new ();
  heed_record_set_int (HEED_RECORD (event), HEED_EVENT_CASE,
                       heed_record_get_int (record, HEED_LETTER_CASE));
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_KIND,
                        g_strcmp0 (how, "email") == 0 ? "email-out" : "letter-out");
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_OCCURRED_AT, now);
  heed_record_set_text (HEED_RECORD (event), HEED_EVENT_SUMMARY, summary);
  if (!heed_store_save (self, HEED_RECORD (event), error))
    goto failed;

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  if (!_heed_store_audit (self, "send", "letters", heed_record_get_id (record), digest, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  /* Nothing was kept: the letter is as it was, unsent. */
  heed_record_clear (record, HEED_LETTER_SENT_AT);
  heed_record_clear (record, HEED_LETTER_SENT_BY);
  return FALSE;
}

gboolean
heed_store_delete_template (HeedStore   *self,
                            gint64       template_id,
                            GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!_heed_store_check_writable (self, error) || !heed_store_begin (self, error))
    return FALSE;
  stmt = _heed_store_query (self, "DELETE FROM templates WHERE id = :id", error);
  if (stmt == NULL)
    goto failed;
  heed_db_statement_bind_int64 (stmt, "id", template_id);
  if (!_heed_store_run (stmt, error)
      || !_heed_store_audit (self, "delete", "templates", template_id, NULL, error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}
