/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "heed-store-exchange.h"
#include "heed-store-intake.h"
#include "heed-store-private.h"

gboolean
heed_store_note_intake (HeedStore   *self,
                        gint64       case_id,
                        const char  *action,
                        const char  *detail,
                        GError     **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);
  g_return_val_if_fail (case_id > 0, FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  /* A '|' in a case's trail entry separates the record's digest from the rest: a file name
   * must not look like one. */
  clean = g_strdup (detail != NULL ? detail : "");
  g_strdelimit (clean, "|\n\r", '/');
  return _heed_store_audit (self, action, "cases", case_id, clean, error);
}

gboolean
heed_store_add_intake_case (HeedStore   *self,
                            HeedCase    *kase,
                            const char  *source,
                            GError     **error)
{
  const char *reference;
  gboolean own_reference;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (HEED_IS_CASE (kase), FALSE);
  g_return_val_if_fail (heed_record_get_id (HEED_RECORD (kase)) == 0, FALSE);

  if (!_heed_store_check_writable (self, error))
    return FALSE;
  reference = heed_case_get_reference (kase);
  own_reference = reference != NULL && reference[0] != '\0';
  if (!heed_store_begin (self, error))
    return FALSE;
  if (own_reference)
    {
      gboolean taken = FALSE;

      if (!heed_store_reference_is_taken (self, reference, &taken, error))
        goto failed;
      if (taken)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                       _("The reference %s is already used in this practice file."), reference);
          goto failed;
        }
      if (!heed_store_insert_record (self, HEED_RECORD (kase), NULL, error))
        goto failed;
    }
  else if (!heed_store_save (self, HEED_RECORD (kase), error))
    goto failed;
  if (source != NULL
      && !heed_store_note_intake (self, heed_record_get_id (HEED_RECORD (kase)), "import",
                                  source, error))
    goto failed;
  if (!heed_store_commit (self, error))
    goto unsaved;
  /* heed_store_save() announces the case itself; a case inserted as given is announced here. */
  if (own_reference)
    _heed_store_announce (self, SIGNAL_CASE_ADDED, NULL, heed_record_get_id (HEED_RECORD (kase)));
  return TRUE;

failed:
  heed_store_rollback (self);
unsaved:
  heed_record_set_id (HEED_RECORD (kase), 0);
  if (!own_reference)
    heed_record_clear (HEED_RECORD (kase), HEED_CASE_REFERENCE);
  return FALSE;
}

/* An import writes thousands of rows in one transaction: with SQLite's small default cache
 * the same pages are spilled to the write-ahead log again and again. A server sizes its own
 * buffers, and has no PRAGMA. */
void
heed_store_set_bulk (HeedStore *self,
                     gboolean   bulk)
{
  g_return_if_fail (HEED_IS_STORE (self));

  if (self->conn == NULL || _heed_store_is_server (self))
    return;
  _heed_store_exec (self, bulk ? "PRAGMA cache_size = -131072" : "PRAGMA cache_size = -2000",
                    NULL);
}
