/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Who holds a practice file open for writing. */
typedef struct {
  char      *user;
  char      *host;
  GDateTime *since;
  gint64     pid;
} HeedLockHolder;

HeedLockHolder *heed_lock_holder_copy     (const HeedLockHolder *holder);
void            heed_lock_holder_free     (HeedLockHolder *holder);
char           *heed_lock_holder_describe (const HeedLockHolder *holder);
GType           heed_lock_holder_get_type (void) G_GNUC_CONST;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedLockHolder, heed_lock_holder_free)

#define HEED_TYPE_LOCK (heed_lock_get_type ())
G_DECLARE_FINAL_TYPE (HeedLock, heed_lock, HEED, LOCK, GObject)

/* Takes the lock beside @path ("FILE.heed.lock"). When someone else holds it, returns NULL and
 * sets @holder (if given) to who, with an error saying so. */
HeedLock *heed_lock_acquire      (const char      *path,
                                  HeedLockHolder **holder,
                                  GError         **error);
/* Reads who holds the lock on @path, if anyone; NULL when the file is free. */
HeedLockHolder *heed_lock_query  (const char *path);
void      heed_lock_release      (HeedLock *self);
char     *heed_lock_dup_lock_path (const char *path);

G_END_DECLS
