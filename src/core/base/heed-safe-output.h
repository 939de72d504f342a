/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file Heed writes — letters, reports, timelines, exports, backups — goes through here,
 * and every file it is given to read is opened here.
 *
 * An output is refused, before anything is written, when its name is a practice file, the
 * journal (-wal, -shm, -journal) or lock (.lock) of one, a link, a folder, a device, a pipe or
 * anything else that is not a plain file. It is written to a new file beside the target,
 * created exclusively without following links and readable by its owner only (outputs hold
 * personal data), flushed to the disk, and only then renamed over the target; on any failure
 * the new file is removed and nothing is left under the target's name. */

#define HEED_OUTPUT_ERROR (heed_output_error_quark ())

typedef enum {
  HEED_OUTPUT_ERROR_REFUSED,  /* the target is a practice file, a link, a device, … */
  HEED_OUTPUT_ERROR_IO,       /* the disk said no: full, read-only, not permitted */
} HeedOutputError;

GQuark heed_output_error_quark (void);

typedef enum {
  HEED_SAFE_OUTPUT_DEFAULT = 0,
  /* Restoring a backup replaces a practice file on purpose. */
  HEED_SAFE_OUTPUT_MAY_REPLACE_PRACTICE = 1 << 0,
} HeedSafeOutputFlags;

typedef struct _HeedSafeOutput HeedSafeOutput;

/* FALSE, with a sentence a practice manager can act on, when @path may not be written. */
gboolean        heed_safe_output_check_target   (const char           *path,
                                                 HeedSafeOutputFlags   flags,
                                                 GError              **error);

/* Checks @path and makes the temporary file beside it. */
HeedSafeOutput *heed_safe_output_new            (const char           *path,
                                                 HeedSafeOutputFlags   flags,
                                                 GError              **error);
const char     *heed_safe_output_get_path       (HeedSafeOutput       *self);
/* The temporary file's name, for writers (SQLite) that open a file by name. */
const char     *heed_safe_output_get_temp_path  (HeedSafeOutput       *self);
int             heed_safe_output_get_fd         (HeedSafeOutput       *self);
gboolean        heed_safe_output_write          (HeedSafeOutput       *self,
                                                 const void           *data,
                                                 gsize                 size,
                                                 GError              **error);
/* A stream onto the temporary file, owned by @self. */
GOutputStream  *heed_safe_output_get_stream     (HeedSafeOutput       *self);
/* Flushes the file to the disk, checks the target again and renames the file over it, then
 * flushes the folder. On failure the temporary file is gone and the target untouched. */
gboolean        heed_safe_output_commit         (HeedSafeOutput       *self,
                                                 GError              **error);
/* Removes the temporary file unless committed. */
void            heed_safe_output_free           (HeedSafeOutput       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedSafeOutput, heed_safe_output_free)

/* The whole of @data to @path, all of it or nothing. */
gboolean        heed_safe_output_write_file     (const char           *path,
                                                 const void           *data,
                                                 gsize                 size,
                                                 GError              **error);

/* Whether @path (followed if a link) is a Heed practice file, by its SQLite header. */
gboolean        heed_file_is_practice           (const char           *path);

/* Opens @path for reading only if it is a plain file: a pipe or a device is refused at once
 * rather than waited on. Returns the descriptor (close it), or -1 with @error set; @what names
 * the file for the message ("The practice file", "The import file", …). */
int             heed_open_regular_file          (const char           *path,
                                                 const char           *what,
                                                 GError              **error);
/* The whole of a plain file of at most @max_size bytes. */
GBytes         *heed_load_regular_file          (const char           *path,
                                                 const char           *what,
                                                 gsize                 max_size,
                                                 GError              **error);

G_END_DECLS
