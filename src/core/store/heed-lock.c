/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-lock.h"
#include "heed-store.h"

/* The lock is a small file beside the practice file (PRACTICE.lock), locked with flock() and
 * holding who took it, so the second person can be told. flock() locks belong to the open
 * file description, so two stores in one process exclude each other too. A crashed holder's
 * lock disappears with its process; the stale file is then simply taken over.
 *
 * The lock file is never followed through a link and must be a plain file with one name: a
 * link, a pipe or a device planted there is refused, so the lock can neither truncate another
 * file nor hang Heed.
 *
 * On a network share the lock is only as good as the share. On NFS, Linux (since 2.6.12)
 * turns flock() into a byte-range lock on the whole file kept by the server, which other
 * computers see only when the server and every client support NFS locking, and not at all on
 * a share mounted with local_lock. On SMB/CIFS, Linux before 5.5 keeps a flock() lock on the
 * one computer; later kernels make it an SMB byte-range lock, which the server enforces on
 * every reader of the lock file. Either way SQLite's write-ahead log needs memory shared
 * between the programs using the file, which no network share gives. So a practice file
 * belongs on a disk of the computer that uses it; several computers use a server. */

struct _HeedLock
{
  GObject parent_instance;

  char *lock_path;
  int   fd;
};

G_DEFINE_FINAL_TYPE (HeedLock, heed_lock, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (HeedLockHolder, heed_lock_holder, heed_lock_holder_copy,
                     heed_lock_holder_free)

HeedLockHolder *
heed_lock_holder_copy (const HeedLockHolder *holder)
{
  HeedLockHolder *copy = g_new0 (HeedLockHolder, 1);

  copy->user = g_strdup (holder->user);
  copy->host = g_strdup (holder->host);
  copy->since = holder->since != NULL ? g_date_time_ref (holder->since) : NULL;
  copy->pid = holder->pid;
  return copy;
}

void
heed_lock_holder_free (HeedLockHolder *holder)
{
  if (holder == NULL)
    return;
  g_free (holder->user);
  g_free (holder->host);
  g_clear_pointer (&holder->since, g_date_time_unref);
  g_free (holder);
}

char *
heed_lock_holder_describe (const HeedLockHolder *holder)
{
  g_autofree char *since = NULL;

  g_return_val_if_fail (holder != NULL, NULL);

  if (holder->since != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (holder->since);

      since = g_date_time_format (local, "%d %b %Y %H:%M");
    }
  /* TRANSLATORS: "alice on RECEPTION-PC since 23 Nov 2026 09:12" */
  return g_strdup_printf (_("%s on %s since %s"),
                          holder->user != NULL ? holder->user : _("someone"),
                          holder->host != NULL ? holder->host : _("another computer"),
                          since != NULL ? since : _("an unknown time"));
}

static void
heed_lock_finalize (GObject *object)
{
  HeedLock *self = HEED_LOCK (object);

  heed_lock_release (self);
  g_free (self->lock_path);

  G_OBJECT_CLASS (heed_lock_parent_class)->finalize (object);
}

static void
heed_lock_class_init (HeedLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = heed_lock_finalize;
}

static void
heed_lock_init (HeedLock *self)
{
  self->fd = -1;
}

char *
heed_lock_dup_lock_path (const char *path)
{
  return g_strconcat (path, ".lock", NULL);
}

static gboolean
try_lock (int      fd,
          gboolean exclusive)
{
  return flock (fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0;
}

/* Opens the existing lock file, or makes it exclusively when there is none, never through a
 * link; then makes sure it is a plain file with no other name. */
static int
open_lock_file (const char  *lock_path,
                gboolean     create,
                GError     **error)
{
  struct stat info;
  int fd = -1, saved;

  /* The holder may remove the file between the two opens: then make it again. */
  for (guint attempt = 0; fd < 0 && attempt < 5; attempt++)
    {
      if (create)
        {
          fd = g_open (lock_path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY,
                       0600);
          if (fd >= 0)
            break;
          if (errno != EEXIST)
            goto failed;
        }
      fd = g_open (lock_path,
                   (create ? O_RDWR : O_RDONLY) | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY,
                   0);
      if (fd < 0 && (errno != ENOENT || !create))
        goto failed;
    }
  if (fd < 0)
    goto failed;
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode) || info.st_nlink != 1)
    {
      close (fd);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The lock file “%s” beside the practice file is not a plain file (a link, "
                     "a pipe or a device was put there). Heed will not use it: remove it, then "
                     "open the practice again."),
                   lock_path);
      return -1;
    }
  return fd;

failed:
  saved = errno;
  if (saved == ENOENT && !create)
    return -1;
  if (saved == ELOOP || saved == EMLINK)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                 _("The lock file “%s” beside the practice file is a link. Heed will not use "
                   "it: remove it, then open the practice again."),
                 lock_path);
  else
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                 _("Heed could not make the lock file beside the practice file (%s). "
                   "Check that you may write to that folder."),
                 g_strerror (saved));
  return -1;
}

static HeedLockHolder *
read_holder (int fd)
{
  char buf[1024];
  ssize_t n;
  g_auto(GStrv) lines = NULL;
  HeedLockHolder *holder;

  n = pread (fd, buf, sizeof buf - 1, 0);
  if (n < 0)
    n = 0;
  buf[n] = '\0';

  holder = g_new0 (HeedLockHolder, 1);
  lines = g_strsplit (buf, "\n", 5);
  if (lines[0] != NULL && g_utf8_validate (lines[0], -1, NULL) && lines[0][0] != '\0')
    holder->user = g_strdup (lines[0]);
  if (lines[0] != NULL && lines[1] != NULL && g_utf8_validate (lines[1], -1, NULL)
      && lines[1][0] != '\0')
    holder->host = g_strdup (lines[1]);
  if (lines[0] != NULL && lines[1] != NULL && lines[2] != NULL)
    holder->since = g_date_time_new_from_iso8601 (lines[2], NULL);
  if (lines[0] != NULL && lines[1] != NULL && lines[2] != NULL && lines[3] != NULL)
    g_ascii_string_to_signed (lines[3], 10, 0, G_MAXINT64, &holder->pid, NULL);
  return holder;
}

HeedLockHolder *
heed_lock_query (const char *path)
{
  g_autofree char *lock_path = heed_lock_dup_lock_path (path);
  HeedLockHolder *holder = NULL;
  int fd;

  fd = open_lock_file (lock_path, FALSE, NULL);
  if (fd < 0)
    return NULL;
  if (!try_lock (fd, FALSE))
    holder = read_holder (fd);
  close (fd);
  return holder;
}

HeedLock *
heed_lock_acquire (const char      *path,
                   HeedLockHolder **holder,
                   GError         **error)
{
  g_autofree char *lock_path = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *now_text = NULL;
  g_autofree char *contents = NULL;
  HeedLock *self;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);

  lock_path = heed_lock_dup_lock_path (path);

  /* The holder may remove the lock file between our open and our lock; then we locked a file
   * nobody else will look at, so try again on the one that is there now. */
  for (guint attempt = 0; attempt < 5; attempt++)
    {
      struct stat by_fd, by_path;

      fd = open_lock_file (lock_path, TRUE, error);
      if (fd < 0)
        return NULL;
      if (!try_lock (fd, TRUE))
        {
          g_autoptr(HeedLockHolder) who = read_holder (fd);
          g_autofree char *description = heed_lock_holder_describe (who);

          close (fd);
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_LOCKED,
                       _("This practice file is in use by %s. It can be opened read-only "
                         "until they close it."),
                       description);
          if (holder != NULL)
            *holder = g_steal_pointer (&who);
          return NULL;
        }
      if (fstat (fd, &by_fd) == 0 && g_lstat (lock_path, &by_path) == 0
          && by_fd.st_ino == by_path.st_ino && by_fd.st_dev == by_path.st_dev)
        break;
      close (fd);
      fd = -1;
    }

  if (fd < 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_LOCKED,
                   _("This practice file is being opened and closed by someone else. "
                     "Try again in a moment."));
      return NULL;
    }

  now = g_date_time_new_now_utc ();
  now_text = g_date_time_format_iso8601 (now);
  contents = g_strdup_printf ("%s\n%s\n%s\n%" G_GINT64_FORMAT "\n", g_get_user_name (),
                              g_get_host_name (), now_text, (gint64) getpid ());
  if (ftruncate (fd, 0) != 0
      || pwrite (fd, contents, strlen (contents), 0) != (ssize_t) strlen (contents))
    {
      int saved = errno;

      close (fd);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("Heed could not write the lock file beside the practice file (%s)."),
                   g_strerror (saved));
      return NULL;
    }

  self = g_object_new (HEED_TYPE_LOCK, NULL);
  self->lock_path = g_steal_pointer (&lock_path);
  self->fd = fd;
  return self;
}

void
heed_lock_release (HeedLock *self)
{
  g_return_if_fail (HEED_IS_LOCK (self));

  if (self->fd < 0)
    return;
  /* Remove the file while still holding the lock, so nobody reads a stale holder. */
  g_unlink (self->lock_path);
  close (self->fd);
  self->fd = -1;
}
