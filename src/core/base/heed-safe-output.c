/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "heed-safe-output.h"

G_DEFINE_QUARK (heed-output-error-quark, heed_output_error)

/* The first 16 bytes of every SQLite database, and where its header keeps the application id
 * (PRAGMA application_id) that marks a Heed practice: "HEED". */
static const char sqlite_magic[16] = "SQLite format 3";
#define APPLICATION_ID_OFFSET 68
#define HEED_APPLICATION_ID 0x48454544u

/* The files SQLite and Heed keep beside a practice file. */
static const char *const companions[] = { "-wal", "-shm", "-journal", ".lock" };

struct _HeedSafeOutput
{
  char                *path;
  char                *temp_path;
  int                  fd;
  HeedSafeOutputFlags  flags;
  GOutputStream       *stream;
  gboolean             committed;
};

typedef enum {
  FILE_NOT_HEED,
  FILE_PRACTICE,
  FILE_JOURNAL,
} FileKind;

/* What the first bytes of the plain file @fd say it is. */
static FileKind
kind_of_fd (int fd)
{
  guint8 header[100];
  ssize_t n;

  n = pread (fd, header, sizeof header, 0);
  if (n >= (ssize_t) sizeof header && memcmp (header, sqlite_magic, sizeof sqlite_magic) == 0)
    {
      guint32 id = ((guint32) header[APPLICATION_ID_OFFSET] << 24)
                   | ((guint32) header[APPLICATION_ID_OFFSET + 1] << 16)
                   | ((guint32) header[APPLICATION_ID_OFFSET + 2] << 8)
                   | (guint32) header[APPLICATION_ID_OFFSET + 3];

      return id == HEED_APPLICATION_ID ? FILE_PRACTICE : FILE_NOT_HEED;
    }
  /* A write-ahead log: its magic number, either byte order. */
  if (n >= 4 && header[0] == 0x37 && header[1] == 0x7f && header[2] == 0x06
      && (header[3] == 0x82 || header[3] == 0x83))
    return FILE_JOURNAL;
  return FILE_NOT_HEED;
}

/* Follows links; a pipe or device is never opened. */
static FileKind
kind_of_path (const char *path)
{
  struct stat info;
  FileKind kind;
  int fd;

  if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
    return FILE_NOT_HEED;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    return FILE_NOT_HEED;
  kind = fstat (fd, &info) == 0 && S_ISREG (info.st_mode) ? kind_of_fd (fd) : FILE_NOT_HEED;
  close (fd);
  return kind;
}

gboolean
heed_file_is_practice (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);
  return kind_of_path (path) == FILE_PRACTICE;
}

/* The practice file @path belongs to, by its name, when there is one. */
static char *
dup_companion_of (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      if (g_str_has_suffix (path, companions[i]) && strlen (path) > strlen (companions[i]))
        {
          g_autofree char *stem = g_strndup (path, strlen (path) - strlen (companions[i]));

          if (kind_of_path (stem) == FILE_PRACTICE)
            return g_steal_pointer (&stem);
        }
    }
  return NULL;
}

/* Inside heed_safe_output_check_target(): the refusal, naming @path. */
#define REFUSE(message)                                                                   \
  G_STMT_START                                                                            \
  {                                                                                       \
    g_autofree char *display_ = g_filename_display_name (path);                          \
    g_set_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED, message, display_); \
  }                                                                                       \
  G_STMT_END

gboolean
heed_safe_output_check_target (const char           *path,
                               HeedSafeOutputFlags   flags,
                               GError              **error)
{
  g_autofree char *owner = NULL;
  struct stat info;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path[0] == '\0')
    {
      g_set_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED,
                   _("Give the name of the file to write."));
      return FALSE;
    }

  owner = dup_companion_of (path);
  if (owner != NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *owner_display = g_filename_display_name (owner);

      g_set_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_REFUSED,
                   _("“%s” belongs to the practice file “%s” (its journal or its lock), so "
                     "Heed will not write over it. Choose another name."),
                   display, owner_display);
      return FALSE;
    }

  /* Not there (or not to be looked at: then the write fails and says why). */
  if (g_lstat (path, &info) != 0)
    return TRUE;

  if (S_ISLNK (info.st_mode))
    {
      FileKind kind = kind_of_path (path);

      if (kind == FILE_PRACTICE || kind == FILE_JOURNAL)
        REFUSE (_("“%s” is a link to a practice file or its journal; Heed will not "
                              "write over it. Choose another name."));
      else
        REFUSE (_("“%s” is a link to another file; Heed writes only plain files, "
                              "so choose another name."));
      return FALSE;
    }
  if (S_ISDIR (info.st_mode))
    {
      REFUSE (_("“%s” is a folder; give the name of the file to write in it."));
      return FALSE;
    }
  if (!S_ISREG (info.st_mode))
    {
      REFUSE (_("“%s” is a device, a pipe or another special file, not a plain "
                            "file; Heed will not write to it. Choose another name."));
      return FALSE;
    }

  switch (kind_of_path (path))
    {
    case FILE_PRACTICE:
      if (flags & HEED_SAFE_OUTPUT_MAY_REPLACE_PRACTICE)
        return TRUE;
      REFUSE (_("“%s” is a Heed practice file; Heed will not write over it. Choose "
                            "another name."));
      return FALSE;
    case FILE_JOURNAL:
      REFUSE (_("“%s” is the journal of a database; Heed will not write over it. "
                            "Choose another name."));
      return FALSE;
    case FILE_NOT_HEED:
    default:
      return TRUE;
    }
}

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT || saved_errno == EFBIG)
    g_set_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_IO,
                 _("Could not write “%s”: %s. The disk is full or the file too big; nothing "
                   "was saved under that name."),
                 display, g_strerror (saved_errno));
  else
    g_set_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_IO,
                 _("Could not write “%s”: %s. Nothing was saved under that name."), display,
                 g_strerror (saved_errno));
}

HeedSafeOutput *
heed_safe_output_new (const char           *path,
                      HeedSafeOutputFlags   flags,
                      GError              **error)
{
  g_autoptr(HeedSafeOutput) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!heed_safe_output_check_target (path, flags, error))
    return NULL;

  self = g_new0 (HeedSafeOutput, 1);
  self->path = g_strdup (path);
  self->flags = flags;
  self->fd = -1;

  /* NAME.partial-PID, or with a random ending when something is already there under that
   * name (a leftover, or a link planted to catch the copy): never opened, never followed. */
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      int saved;

      g_free (self->temp_path);
      if (attempt == 0)
        self->temp_path = g_strdup_printf ("%s.partial-%d", path, (int) getpid ());
      else
        self->temp_path = g_strdup_printf ("%s.partial-%d-%08x", path, (int) getpid (),
                                           g_random_int ());
      self->fd = g_open (self->temp_path,
                         O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0600);
      if (self->fd >= 0)
        break;
      saved = errno;
      if (saved != EEXIST)
        {
          g_clear_pointer (&self->temp_path, g_free);
          set_io_error (error, path, saved);
          return NULL;
        }
    }
  if (self->fd < 0)
    {
      g_clear_pointer (&self->temp_path, g_free);
      set_io_error (error, path, EEXIST);
      return NULL;
    }
  /* Whatever the umask, outputs hold personal data: the owner alone reads them. */
  if (fchmod (self->fd, 0600) != 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
heed_safe_output_get_path (HeedSafeOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

const char *
heed_safe_output_get_temp_path (HeedSafeOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->temp_path;
}

int
heed_safe_output_get_fd (HeedSafeOutput *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

gboolean
heed_safe_output_write (HeedSafeOutput  *self,
                        const void      *data,
                        gsize            size,
                        GError         **error)
{
  const guint8 *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || size == 0, FALSE);
  g_return_val_if_fail (!self->committed && self->fd >= 0, FALSE);

  while (size > 0)
    {
      ssize_t written = write (self->fd, p, MIN (size, (gsize) G_MAXSSIZE));

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          set_io_error (error, self->path, written < 0 ? errno : ENOSPC);
          return FALSE;
        }
      p += written;
      size -= (gsize) written;
    }
  return TRUE;
}

GOutputStream *
heed_safe_output_get_stream (HeedSafeOutput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->fd >= 0, NULL);

  if (self->stream == NULL)
    self->stream = g_unix_output_stream_new (self->fd, FALSE);
  return self->stream;
}

static void
sync_folder (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  /* The rename itself is kept only once the folder is on the disk; a file system that cannot
   * flush a folder (EINVAL) has nothing more to do. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
heed_safe_output_commit (HeedSafeOutput  *self,
                         GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed && self->fd >= 0, FALSE);

  if (self->stream != NULL && !g_output_stream_close (self->stream, NULL, &local_error))
    {
      g_autofree char *display = g_filename_display_name (self->path);

      g_set_error (error, HEED_OUTPUT_ERROR, HEED_OUTPUT_ERROR_IO,
                   _("Could not write “%s”: %s. Nothing was saved under that name."), display,
                   local_error->message);
      return FALSE;
    }
  fd = self->fd;
  self->fd = -1;
  if (fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      set_io_error (error, self->path, saved);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  /* Again: a practice or a link may have been put there while we wrote. */
  if (!heed_safe_output_check_target (self->path, self->flags, error))
    return FALSE;
  if (g_rename (self->temp_path, self->path) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  self->committed = TRUE;
  sync_folder (self->path);
  return TRUE;
}

void
heed_safe_output_free (HeedSafeOutput *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->stream);
  if (self->fd >= 0)
    close (self->fd);
  if (!self->committed && self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_free (self);
}

gboolean
heed_safe_output_write_file (const char  *path,
                             const void  *data,
                             gsize        size,
                             GError     **error)
{
  g_autoptr(HeedSafeOutput) output = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  output = heed_safe_output_new (path, HEED_SAFE_OUTPUT_DEFAULT, error);
  return output != NULL && heed_safe_output_write (output, data, size, error)
         && heed_safe_output_commit (output, error);
}

/* Reading ---------------------------------------------------------------------------------- */

int
heed_open_regular_file (const char  *path,
                        const char  *what,
                        GError     **error)
{
  g_autofree char *display = NULL;
  struct stat info;
  int fd, flags;

  g_return_val_if_fail (path != NULL, -1);
  g_return_val_if_fail (what != NULL, -1);

  display = g_filename_display_name (path);
  /* Non-blocking, so opening a pipe returns at once instead of waiting for a writer. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* TRANSLATORS: "The import file “in.xml” could not be opened: …" */
                   _("%s “%s” could not be opened: %s."), what, display, g_strerror (saved));
      return -1;
    }
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   /* TRANSLATORS: "The import file “in.xml” is a folder, …" */
                   _("%s “%s” is a folder, a pipe or a device, not a plain file, so Heed will "
                     "not read it."),
                   what, display);
      return -1;
    }
  flags = fcntl (fd, F_GETFL);
  if (flags >= 0)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);
  return fd;
}

GBytes *
heed_load_regular_file (const char  *path,
                        const char  *what,
                        gsize        max_size,
                        GError     **error)
{
  g_autofree guint8 *data = NULL;
  struct stat info;
  gsize done = 0;
  int fd;

  fd = heed_open_regular_file (path, what, error);
  if (fd < 0)
    return NULL;
  if (fstat (fd, &info) != 0 || (guint64) info.st_size > (guint64) max_size)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *limit = g_format_size (max_size);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   /* TRANSLATORS: "The logo “a.png” is larger than 2.1 MB." */
                   _("%s “%s” is larger than %s."), what, display, limit);
      return NULL;
    }
  data = g_malloc ((gsize) info.st_size + 1);
  while (done < (gsize) info.st_size)
    {
      ssize_t n = read (fd, data + done, (gsize) info.st_size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (path);

          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                       _("%s “%s” could not be read: %s."), what, display, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  close (fd);
  return g_bytes_new_take (g_steal_pointer (&data), done);
}
