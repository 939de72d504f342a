/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-db-private.h"

/* The connection both drivers derive from: opening by location, nested transactions as
 * savepoints, and the calls that go straight to the driver. */

typedef struct
{
  HeedLocation *location;
  gboolean      read_only;
  guint         depth;
} HeedDbPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HeedDb, heed_db, G_TYPE_OBJECT)

static void
heed_db_finalize (GObject *object)
{
  HeedDbPrivate *priv = heed_db_get_instance_private (HEED_DB (object));

  g_clear_pointer (&priv->location, heed_location_unref);

  G_OBJECT_CLASS (heed_db_parent_class)->finalize (object);
}

static gboolean
default_set_lock_timeout (HeedDb      *self,
                          guint        milliseconds,
                          GError     **error)
{
  return TRUE;
}

static gboolean
default_lock_trail (HeedDb  *self,
                    GError **error)
{
  return TRUE;
}

static void
heed_db_class_init (HeedDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = heed_db_finalize;
  klass->set_lock_timeout = default_set_lock_timeout;
  klass->lock_trail = default_lock_trail;
}

static void
heed_db_init (HeedDb *self)
{
}

void
_heed_db_set_location (HeedDb       *self,
                       HeedLocation *location,
                       gboolean      read_only)
{
  HeedDbPrivate *priv = heed_db_get_instance_private (self);

  g_clear_pointer (&priv->location, heed_location_unref);
  priv->location = heed_location_ref (location);
  priv->read_only = read_only;
}

void
_heed_db_set_error (GError         **error,
                    HeedStoreError   code,
                    const char      *message,
                    const char      *raw)
{
  if (raw != NULL && *raw != '\0')
    g_debug ("%s", raw);
  g_set_error_literal (error, HEED_STORE_ERROR, code, message);
}

/**
 * heed_db_open:
 * @location: a practice file or a server database
 * @flags: how to open it
 * @error: where to say what went wrong
 *
 * Returns: (transfer full): the connection, or %NULL
 */
HeedDb *
heed_db_open (HeedLocation     *location,
              HeedDbOpenFlags   flags,
              GError          **error)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (heed_location_is_server (location))
    return _heed_db_postgres_open (location, flags, error);
  return _heed_db_sqlite_open (location, flags, error);
}

void
heed_db_close (HeedDb *self)
{
  HeedDbPrivate *priv;

  g_return_if_fail (HEED_IS_DB (self));

  priv = heed_db_get_instance_private (self);
  priv->depth = 0;
  HEED_DB_GET_CLASS (self)->close (self);
}

gboolean
heed_db_is_open (HeedDb *self)
{
  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  return HEED_DB_GET_CLASS (self)->is_open (self);
}

HeedDbEngine
heed_db_get_engine (HeedDb *self)
{
  g_return_val_if_fail (HEED_IS_DB (self), HEED_DB_ENGINE_SQLITE);
  return HEED_DB_GET_CLASS (self)->engine;
}

HeedLocation *
heed_db_get_location (HeedDb *self)
{
  HeedDbPrivate *priv;

  g_return_val_if_fail (HEED_IS_DB (self), NULL);
  priv = heed_db_get_instance_private (self);
  return priv->location;
}

gboolean
heed_db_is_read_only (HeedDb *self)
{
  HeedDbPrivate *priv;

  g_return_val_if_fail (HEED_IS_DB (self), TRUE);
  priv = heed_db_get_instance_private (self);
  return priv->read_only;
}

/* The engine's name and version, e.g. "SQLite 3.40.1" or "PostgreSQL 15.18". */
char *
heed_db_dup_server_version (HeedDb *self)
{
  g_return_val_if_fail (HEED_IS_DB (self), NULL);
  return HEED_DB_GET_CLASS (self)->dup_server_version (self);
}

static gboolean
check_open (HeedDb  *self,
            GError **error)
{
  if (!HEED_DB_GET_CLASS (self)->is_open (self))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                           _("The practice is closed."));
      return FALSE;
    }
  return TRUE;
}

/**
 * heed_db_prepare:
 * @self: a connection
 * @sql: one statement, its parameters written `:name`
 * @error: where to say what went wrong
 *
 * Returns: (transfer full): a new statement, or %NULL
 */
HeedDbStatement *
heed_db_prepare (HeedDb      *self,
                 const char  *sql,
                 GError     **error)
{
  g_return_val_if_fail (HEED_IS_DB (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_open (self, error))
    return NULL;
  return HEED_DB_GET_CLASS (self)->prepare (self, sql, error);
}

/* Runs a list of statements without parameters (a migration, a PRAGMA, SET). */
gboolean
heed_db_exec (HeedDb      *self,
              const char  *sql,
              GError     **error)
{
  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  return HEED_DB_GET_CLASS (self)->exec (self, sql, error);
}

/* One savepoint name for every level: both engines release and roll back to the most recent
 * savepoint of a name, so nesting needs no numbering. */
#define SAVEPOINT_SQL "SAVEPOINT heed_nested"
#define RELEASE_SQL "RELEASE SAVEPOINT heed_nested"
#define ROLLBACK_TO_SQL "ROLLBACK TO SAVEPOINT heed_nested; RELEASE SAVEPOINT heed_nested"

gboolean
heed_db_begin (HeedDb            *self,
               HeedDbBeginFlags   flags,
               GError           **error)
{
  HeedDbPrivate *priv;
  HeedDbClass *klass;
  const char *sql;

  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = heed_db_get_instance_private (self);
  klass = HEED_DB_GET_CLASS (self);
  if (priv->depth > 0)
    sql = SAVEPOINT_SQL;
  else if ((flags & HEED_DB_BEGIN_SNAPSHOT) != 0 || priv->read_only)
    sql = klass->begin_snapshot_sql;
  else
    sql = klass->begin_write_sql;

  if (!heed_db_exec (self, sql, error))
    return FALSE;
  priv->depth++;
  return TRUE;
}

gboolean
heed_db_commit (HeedDb  *self,
                GError **error)
{
  HeedDbPrivate *priv;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = heed_db_get_instance_private (self);
  g_return_val_if_fail (priv->depth > 0, FALSE);

  if (priv->depth > 1)
    {
      if (!heed_db_exec (self, RELEASE_SQL, error))
        return FALSE;
      priv->depth--;
      return TRUE;
    }

  priv->depth = 0;
  if (heed_db_exec (self, "COMMIT", &local_error))
    return TRUE;

  /* A file whose commit failed (busy) is still in its transaction; end it. */
  if (HEED_DB_GET_CLASS (self)->is_open (self))
    heed_db_exec (self, "ROLLBACK", NULL);
  if (g_error_matches (local_error, HEED_STORE_ERROR, HEED_STORE_ERROR_CONNECTION_LOST))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_CONNECTION_LOST,
                           _("The connection to the practice server broke as the change was "
                             "being saved, so it is not known whether it was. Connect again "
                             "and look before saving it once more."));
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

void
heed_db_rollback (HeedDb *self)
{
  HeedDbPrivate *priv;

  g_return_if_fail (HEED_IS_DB (self));

  priv = heed_db_get_instance_private (self);
  g_return_if_fail (priv->depth > 0);

  if (!HEED_DB_GET_CLASS (self)->is_open (self))
    {
      priv->depth = 0;
      return;
    }
  if (priv->depth > 1)
    {
      priv->depth--;
      heed_db_exec (self, ROLLBACK_TO_SQL, NULL);
      return;
    }
  priv->depth = 0;
  heed_db_exec (self, "ROLLBACK", NULL);
}

guint
heed_db_get_transaction_depth (HeedDb *self)
{
  HeedDbPrivate *priv;

  g_return_val_if_fail (HEED_IS_DB (self), 0);
  priv = heed_db_get_instance_private (self);
  return priv->depth;
}

/* How long a writer waits for another's lock before giving up with HEED_STORE_ERROR_BUSY. */
gboolean
heed_db_set_lock_timeout (HeedDb   *self,
                          guint     milliseconds,
                          GError  **error)
{
  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_open (self, error))
    return FALSE;
  return HEED_DB_GET_CLASS (self)->set_lock_timeout (self, milliseconds, error);
}

/* Makes this transaction the trail's only writer until it ends. A file's write transaction
 * already is; on a server the trail's table is locked against other appenders (readers are
 * not held up). Take it before any other change in the transaction, so that two writers
 * never hold each other's locks. */
gboolean
heed_db_lock_trail (HeedDb  *self,
                    GError **error)
{
  HeedDbPrivate *priv;

  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv = heed_db_get_instance_private (self);
  g_return_val_if_fail (priv->depth > 0, FALSE);
  if (!check_open (self, error))
    return FALSE;
  return HEED_DB_GET_CLASS (self)->lock_trail (self, error);
}

gboolean
heed_db_supports_notifications (HeedDb *self)
{
  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  return HEED_DB_GET_CLASS (self)->listen != NULL;
}

/* CHANNEL is lower-case letters, digits and underscores. On a file, where this connection
 * is the only writer, there is nothing to listen to and these do nothing. */
static gboolean
channel_is_valid (const char *channel)
{
  if (channel == NULL || *channel == '\0' || strlen (channel) > 63)
    return FALSE;
  for (const char *p = channel; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;
  return TRUE;
}

gboolean
heed_db_listen (HeedDb      *self,
                const char  *channel,
                GError     **error)
{
  HeedDbClass *klass;

  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (channel_is_valid (channel), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = HEED_DB_GET_CLASS (self);
  if (klass->listen == NULL)
    return TRUE;
  if (!check_open (self, error))
    return FALSE;
  return klass->listen (self, channel, error);
}

/* Sent when the transaction it is in commits (at once outside one); PAYLOAD under 8000
 * bytes. */
gboolean
heed_db_notify (HeedDb      *self,
                const char  *channel,
                const char  *payload,
                GError     **error)
{
  HeedDbClass *klass;

  g_return_val_if_fail (HEED_IS_DB (self), FALSE);
  g_return_val_if_fail (channel_is_valid (channel), FALSE);
  g_return_val_if_fail (payload != NULL && strlen (payload) < 8000, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  klass = HEED_DB_GET_CLASS (self);
  if (klass->notify == NULL)
    return TRUE;
  if (!check_open (self, error))
    return FALSE;
  return klass->notify (self, channel, payload, error);
}

/**
 * heed_db_create_notification_source:
 * @self: a connection
 *
 * A source that calls its #HeedDbNotificationFunc (set with g_source_set_callback()) for each
 * notification on the channels this connection listens to, from the main context it is
 * attached to. Its callback returning %G_SOURCE_REMOVE removes it, as does the connection
 * closing or breaking.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL on a file
 */
GSource *
heed_db_create_notification_source (HeedDb *self)
{
  HeedDbClass *klass;

  g_return_val_if_fail (HEED_IS_DB (self), NULL);

  klass = HEED_DB_GET_CLASS (self);
  if (klass->create_notification_source == NULL || !klass->is_open (self))
    return NULL;
  return klass->create_notification_source (self);
}
