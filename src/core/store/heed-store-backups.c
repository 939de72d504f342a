/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "heed-store-private.h"

/* Backups into a folder, named by the practice (its file, or its database on a server) and
 * the time, keeping the newest few: what a practice needs to come back from a dead disk or a
 * stolen PC. */

static char *
dup_stem (HeedStore *self)
{
  g_autofree char *base = NULL;
  char *dot;

  /* A server's location is no path: its last part may be the socket's folder
   * (?host=/run/postgresql), the same for every practice on the server, and pruning one
   * practice's backups would remove another's. */
  if (heed_location_is_server (self->location))
    {
      const char *database = heed_location_get_database (self->location);

      /* Without one given, libpq's database is the user's name. */
      if (database == NULL || *database == '\0')
        database = heed_location_get_user (self->location);
      if (database == NULL || *database == '\0')
        database = g_get_user_name ();
      return g_strdelimit (g_strdup (database), "/\\", '_');
    }
  base = g_path_get_basename (self->path);
  dot = g_str_has_suffix (base, ".heed") ? strrchr (base, '.') : NULL;
  if (dot != NULL)
    *dot = '\0';
  return g_steal_pointer (&base);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
heed_store_list_backups (HeedStore   *self,
                         const char  *folder,
                         GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stem = NULL;
  g_autofree char *prefix = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return NULL;
  stem = dup_stem (self);
  prefix = g_strconcat (stem, "-backup-", NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".heed"))
      g_ptr_array_add (names, g_strdup (name));
  /* The time in the name sorts as text: oldest first. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (folder, g_ptr_array_index (names, i), NULL));
  return g_steal_pointer (&paths);
}

gboolean
heed_store_backup_to_folder (HeedStore   *self,
                             const char  *folder,
                             guint        keep,
                             char       **written,
                             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (folder == NULL || folder[0] == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Choose a folder for the backups first."));
      return FALSE;
    }
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_IO,
                   _("The backup folder “%s” cannot be found. Is the disk or USB stick "
                     "plugged in?"),
                   folder);
      return FALSE;
    }
  stem = dup_stem (self);
  name = g_strdup_printf ("%s-backup-%s.heed", stem, stamp);
  path = g_build_filename (folder, name, NULL);
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_EXISTS,
                   _("A backup was made this very second; try again in a moment."));
      return FALSE;
    }
  if (!heed_store_backup (self, path, error))
    return FALSE;

  /* Only once the new copy is known good do the oldest go. */
  backups = heed_store_list_backups (self, folder, NULL);
  for (guint i = 0; backups != NULL && keep > 0 && i + keep < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
  if (written != NULL)
    *written = g_steal_pointer (&path);
  return TRUE;
}
