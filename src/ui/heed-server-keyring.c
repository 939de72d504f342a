/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "heed-server-keyring.h"

static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "io.github.heedapp.Heed.Server", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, 0, 0, 0, 0, 0, 0, 0,
  };

  return &schema;
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

gboolean
heed_server_keyring_store (HeedLocation  *location,
                           const char    *password,
                           GError       **error)
{
  g_autofree char *display = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (location != NULL && heed_location_is_server (location), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  display = heed_location_dup_display (location);
  /* Translators: the keyring's name for a kept password; %s is the server and database */
  label = g_strdup_printf (_("Heed practice server %s"), display);
  return secret_password_store_sync (server_schema (), SECRET_COLLECTION_DEFAULT, label,
                                     password, NULL, error,
                                     "host", or_empty (heed_location_get_host (location)),
                                     "port", or_empty (heed_location_get_port (location)),
                                     "database", or_empty (heed_location_get_database (location)),
                                     "user", or_empty (heed_location_get_user (location)),
                                     NULL);
}

char *
heed_server_keyring_lookup (HeedLocation *location)
{
  g_autoptr(GError) error = NULL;
  char *password;

  g_return_val_if_fail (location != NULL && heed_location_is_server (location), NULL);

  password = secret_password_lookup_sync (server_schema (), NULL, &error,
                                          "host", or_empty (heed_location_get_host (location)),
                                          "port", or_empty (heed_location_get_port (location)),
                                          "database",
                                          or_empty (heed_location_get_database (location)),
                                          "user", or_empty (heed_location_get_user (location)),
                                          NULL);
  if (error != NULL)
    g_debug ("No keyring to ask for the server's password: %s", error->message);
  if (password == NULL)
    return NULL;
  {
    /* libsecret's copy is wiped on free; ours is an ordinary string the caller frees. */
    char *copy = g_strdup (password);

    secret_password_free (password);
    return copy;
  }
}
