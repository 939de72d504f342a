/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "heed-store-private.h"

/* Anchors: the audit trail's head (its newest entry's number and hash) kept outside the
 * practice file, so that a trail rewritten whole inside the file — every hash recomputed, as
 * anyone may who can write to the file — no longer matches what was seen before.
 *
 * The anchor log is a text file in the user's data folder, one line per anchor:
 *
 *   PRACTICE-ID <tab> TIME <tab> ENTRY <tab> HASH <tab> EVENT <tab> PATH
 *
 * EVENT is "close" (a practice closed after a change), "backup" (the head of a backup just
 * made, PATH being the backup) or "restore" (a backup put in place on purpose: what was
 * anchored beyond its end before is set aside). PATH is escaped as a C string. Backups carry
 * the head too (it is their own trail's last entry), and the annual report and the CQC
 * summary print it. */

char *
heed_anchor_log_dup_default (void)
{
  return g_build_filename (g_get_user_data_dir (), "heed", "anchors", NULL);
}

gboolean
heed_store_get_head (HeedStore   *self,
                     gint64      *entry,
                     char       **hash,
                     GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  stmt = _heed_store_query (self, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  step = heed_db_statement_step (stmt, error);
  if (entry != NULL)
    *entry = step == HEED_DB_STEP_ROW ? heed_db_statement_column_int64 (stmt, 0) : 0;
  if (hash != NULL)
    *hash = step == HEED_DB_STEP_ROW ? heed_db_statement_dup_column_text (stmt, 1)
                                     : g_strdup ("");
  heed_db_statement_reset (stmt);
  return step != HEED_DB_STEP_ERROR;
}

char *
heed_store_dup_practice_id (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return heed_store_dup_setting (self, "practice-id");
}

static gboolean
append_line (const char  *log,
             const char  *line,
             GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (log);
  gsize length = strlen (line);
  ssize_t written;
  int fd, saved;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      saved = errno;
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The anchor log cannot be kept in %s: %s."), folder, g_strerror (saved));
      return FALSE;
    }
  /* One write of a short line to a file opened for appending: lines of two Heeds closing at
   * once do not mix. A link planted in its place is not followed. */
  fd = g_open (log, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The anchor log %s cannot be written: %s."), log, g_strerror (saved));
      return FALSE;
    }
  written = write (fd, line, length);
  saved = errno;
  if (written == (ssize_t) length && fsync (fd) != 0)
    {
      saved = errno;
      written = -1;
    }
  close (fd);
  if (written != (ssize_t) length)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The anchor log %s cannot be written: %s."), log, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
heed_store_write_anchor (HeedStore   *self,
                         const char  *anchor_log,
                         const char  *event,
                         const char  *path,
                         GError     **error)
{
  g_autofree char *practice_id = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *line = NULL;
  g_autofree char *absolute = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%d %H:%M:%S");
  gint64 entry = 0;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (anchor_log != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  practice_id = heed_store_dup_practice_id (self);
  if (practice_id == NULL)
    return TRUE;  /* a file from before anchors: nothing to anchor it by */
  if (!heed_store_get_head (self, &entry, &hash, error))
    return FALSE;
  absolute = g_canonicalize_filename (path != NULL ? path : self->path, NULL);
  escaped = g_strescape (absolute, NULL);
  line = g_strdup_printf ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", practice_id, at, entry,
                          hash, event, escaped);
  if (!append_line (anchor_log, line, error))
    return FALSE;
  if (path == NULL || g_strcmp0 (path, self->path) == 0)
    {
      g_free (self->anchored_hash);
      self->anchored_hash = g_steal_pointer (&hash);
    }
  return TRUE;
}

void
heed_store_set_anchor_log (HeedStore  *self,
                           const char *path)
{
  g_return_if_fail (HEED_IS_STORE (self));

  g_free (self->anchor_log);
  self->anchor_log = g_strdup (path);
  /* Only a change made from now on needs a new anchor at close. */
  g_free (self->anchored_hash);
  self->anchored_hash = g_strdup (self->last_hash);
}

/* Called by heed_store_close() while the file is still open. */
void
_heed_store_anchor_on_close (HeedStore *self)
{
  g_autoptr(GError) error = NULL;

  if (self->anchor_log == NULL || self->read_only || self->conn == NULL
      || g_strcmp0 (self->anchored_hash, self->last_hash) == 0)
    return;
  if (!heed_store_write_anchor (self, self->anchor_log, "close", NULL, &error))
    g_warning ("%s", error->message);
}

/* Called by heed_store_backup() once the copy at @destination is made and checked. */
void
_heed_store_anchor_backup (HeedStore  *self,
                           const char *destination)
{
  g_autoptr(HeedStore) copy = NULL;
  g_autoptr(GError) error = NULL;

  if (self->anchor_log == NULL)
    return;
  copy = heed_store_open (destination, HEED_STORE_OPEN_READ_ONLY, &error);
  if (copy == NULL
      || !heed_store_write_anchor (copy, self->anchor_log, "backup", destination, &error))
    g_warning ("%s", error->message);
}
