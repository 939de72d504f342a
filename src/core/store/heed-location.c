/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libpq-fe.h>
#include <string.h>

#include "heed-location.h"
#include "heed-store.h"
#include "heed-validate.h"

struct _HeedLocation
{
  gatomicrefcount  ref_count;
  HeedLocationKind kind;
  char            *path;      /* a file */
  GStrv            keywords;  /* a server: libpq's keywords and values, in step */
  GStrv            values;
};

G_DEFINE_BOXED_TYPE (HeedLocation, heed_location, heed_location_ref, heed_location_unref)

static HeedLocation *
location_new (HeedLocationKind kind)
{
  HeedLocation *location = g_new0 (HeedLocation, 1);

  g_atomic_ref_count_init (&location->ref_count);
  location->kind = kind;
  return location;
}

HeedLocation *
heed_location_new_for_path (const char *path)
{
  HeedLocation *location;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);

  location = location_new (HEED_LOCATION_FILE);
  location->path = g_strdup (path);
  return location;
}

static gsize scheme_length (const char *text);

/* A server from its parts, as typed in the Connect dialog; an empty part is left to libpq's
 * defaults (its environment, a service file). */
HeedLocation *
heed_location_new_for_server (const char  *host,
                              const char  *port,
                              const char  *database,
                              const char  *user,
                              GError     **error)
{
  const char *names[] = { "host", "port", "dbname", "user" };
  const char *parts[] = { host, port, database, user };
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(HeedLocation) location = NULL;

  if (database == NULL || *database == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Name the practice’s database on the server."));
      return NULL;
    }
  if (strchr (database, '=') != NULL || scheme_length (database) > 0
      || !g_utf8_validate (database, -1, NULL))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is not a database name Heed can use."), database);
      return NULL;
    }
  if (port != NULL && *port != '\0'
      && !g_ascii_string_to_unsigned (port, 10, 1, 65535, NULL, NULL))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The port is a number from 1 to 65535, such as 5432."));
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (!g_utf8_validate (parts[i], -1, NULL) || !heed_text_is_one_line (parts[i]))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("The server’s details must be plain text on one line."));
          return NULL;
        }
      g_ptr_array_add (keywords, g_strdup (names[i]));
      g_ptr_array_add (values, g_strdup (parts[i]));
    }
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);
  location = location_new (HEED_LOCATION_SERVER);
  location->keywords = (GStrv) g_ptr_array_steal (keywords, NULL);
  location->values = (GStrv) g_ptr_array_steal (values, NULL);
  return g_steal_pointer (&location);
}

HeedLocation *
heed_location_dup_with_password (HeedLocation *location,
                                 const char   *password)
{
  HeedLocation *copy;
  guint n, i, j = 0;

  g_return_val_if_fail (location != NULL && location->kind == HEED_LOCATION_SERVER, NULL);
  g_return_val_if_fail (password != NULL, NULL);

  n = g_strv_length (location->keywords);
  copy = location_new (HEED_LOCATION_SERVER);
  copy->keywords = g_new0 (char *, n + 2);
  copy->values = g_new0 (char *, n + 2);
  for (i = 0; i < n; i++)
    {
      if (strcmp (location->keywords[i], "password") == 0)
        continue;
      copy->keywords[j] = g_strdup (location->keywords[i]);
      copy->values[j++] = g_strdup (location->values[i]);
    }
  copy->keywords[j] = g_strdup ("password");
  copy->values[j] = g_strdup (password);
  return copy;
}

HeedLocation *
heed_location_ref (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_atomic_ref_count_inc (&location->ref_count);
  return location;
}

void
heed_location_unref (HeedLocation *location)
{
  g_return_if_fail (location != NULL);
  if (!g_atomic_ref_count_dec (&location->ref_count))
    return;
  g_free (location->path);
  if (location->values != NULL)
    {
      /* The password was in here: leave nothing of it in freed memory. */
      for (guint i = 0; location->values[i] != NULL; i++)
        memset (location->values[i], 0, strlen (location->values[i]));
    }
  g_strfreev (location->keywords);
  g_strfreev (location->values);
  g_free (location);
}

/* The length of a URI scheme followed by "//" at the start of TEXT, or 0. */
static gsize
scheme_length (const char *text)
{
  gsize n = 0;

  if (!g_ascii_isalpha (text[0]))
    return 0;
  while (g_ascii_isalnum (text[n]) || text[n] == '+' || text[n] == '-' || text[n] == '.')
    n++;
  if (text[n] == ':' && text[n + 1] == '/' && text[n + 2] == '/')
    return n;
  return 0;
}

static const char *
lookup (HeedLocation *location,
        const char   *keyword)
{
  if (location->keywords == NULL)
    return NULL;
  for (guint i = 0; location->keywords[i] != NULL; i++)
    if (strcmp (location->keywords[i], keyword) == 0)
      return location->values[i];
  return NULL;
}

static HeedLocation *
parse_server (const char  *uri,
              GError     **error)
{
  g_autoptr(HeedLocation) location = NULL;
  g_autoptr(GPtrArray) keywords = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  PQconninfoOption *options;
  char *message = NULL;
  const char *database;

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      /* libpq's message may quote the part it could not read, the password included: it is
       * neither shown nor logged. */
      PQfreemem (message);
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("This is not a server address Heed can read. It is written like "
                     "postgresql://user@server/database."));
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL)
        continue;
      g_ptr_array_add (keywords, g_strdup (option->keyword));
      g_ptr_array_add (values, g_strdup (option->val));
    }
  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    if (option->val != NULL)
      memset (option->val, 0, strlen (option->val));
  PQconninfoFree (options);
  g_ptr_array_add (keywords, NULL);
  g_ptr_array_add (values, NULL);

  location = location_new (HEED_LOCATION_SERVER);
  location->keywords = (GStrv) g_ptr_array_steal (keywords, NULL);
  location->values = (GStrv) g_ptr_array_steal (values, NULL);

  database = lookup (location, "dbname");
  /* A service file (service=) may name the database itself. */
  if ((database == NULL || *database == '\0') && lookup (location, "service") == NULL)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("This server address names no database. One practice is one database: "
                     "postgresql://server/DATABASE."));
      return NULL;
    }
  /* libpq can read a database name as a whole connection string of its own; Heed never asks
   * it to, and refuses names that look like one rather than show them. */
  if (database != NULL && (strchr (database, '=') != NULL || scheme_length (database) > 0))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The database named in this server address is not one Heed can use."));
      return NULL;
    }
  return g_steal_pointer (&location);
}

HeedLocation *
heed_location_parse (const char  *text,
                     GError     **error)
{
  gsize scheme;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("No practice was given: name a practice file or a server address."));
      return NULL;
    }
  if (!g_utf8_validate (text, -1, NULL) && scheme_length (text) > 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("This is not a server address Heed can read. It is written like "
                     "postgresql://user@server/database."));
      return NULL;
    }

  scheme = scheme_length (text);
  if (scheme == 0)
    return heed_location_new_for_path (text);

  if (g_ascii_strncasecmp (text, "postgresql", scheme) == 0 && scheme == strlen ("postgresql"))
    {
      g_autofree char *uri = g_strconcat ("postgresql", text + scheme, NULL);

      return parse_server (uri, error);
    }
  if (g_ascii_strncasecmp (text, "postgres", scheme) == 0 && scheme == strlen ("postgres"))
    {
      g_autofree char *uri = g_strconcat ("postgres", text + scheme, NULL);

      return parse_server (uri, error);
    }
  if (g_ascii_strncasecmp (text, "file", scheme) == 0 && scheme == strlen ("file"))
    {
      g_autofree char *hostname = NULL;
      g_autofree char *path = g_filename_from_uri (text, &hostname, NULL);

      /* A file on another computer is not one to open as if it were here. */
      if (path == NULL || (hostname != NULL && g_ascii_strcasecmp (hostname, "localhost") != 0))
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("This file address cannot be read as a practice file on this "
                         "computer."));
          return NULL;
        }
      return heed_location_new_for_path (path);
    }

  {
    g_autofree char *name = g_ascii_strdown (text, MIN (scheme, 20));

    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                 _("Heed opens practice files and PostgreSQL servers (postgresql://…), not "
                   "“%s:” addresses."),
                 name);
  }
  return NULL;
}

HeedLocationKind
heed_location_get_kind (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, HEED_LOCATION_FILE);
  return location->kind;
}

gboolean
heed_location_is_server (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, FALSE);
  return location->kind == HEED_LOCATION_SERVER;
}

const char *
heed_location_get_path (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  return location->path;
}

const char *
heed_location_get_database (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  return lookup (location, "dbname");
}

const char *
heed_location_get_user (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  return lookup (location, "user");
}

const char *
heed_location_get_host (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  return lookup (location, "host");
}

const char *
heed_location_get_port (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  return lookup (location, "port");
}

gboolean
heed_location_has_password (HeedLocation *location)
{
  const char *password;

  g_return_val_if_fail (location != NULL, FALSE);
  password = lookup (location, "password");
  return password != NULL && *password != '\0';
}

const char * const *
heed_location_get_connection_keywords (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (location->kind == HEED_LOCATION_SERVER, NULL);
  return (const char * const *) location->keywords;
}

const char * const *
heed_location_get_connection_values (HeedLocation *location)
{
  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (location->kind == HEED_LOCATION_SERVER, NULL);
  return (const char * const *) location->values;
}

/* A host name that can stand in a URI's authority as it is. */
static gboolean
is_plain_host (const char *host)
{
  if (*host == '\0')
    return FALSE;
  for (const char *p = host; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

static void
append_query (GString    *text,
              gboolean   *first,
              const char *keyword,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, "/,:", FALSE);

  g_string_append_c (text, *first ? '?' : '&');
  g_string_append_printf (text, "%s=%s", keyword, escaped);
  *first = FALSE;
}

/* Rebuilt from what was parsed, naming only what says which server and database: the
 * password and every other parameter (options, sslpassword, …) are left out by construction,
 * however they were written. */
char *
heed_location_dup_display (HeedLocation *location)
{
  GString *text;
  const char *user, *host, *hostaddr, *port, *database, *service;
  gboolean first = TRUE;
  gboolean host_in_authority;

  g_return_val_if_fail (location != NULL, NULL);

  if (location->kind == HEED_LOCATION_FILE)
    return g_filename_display_name (location->path);

  user = lookup (location, "user");
  host = lookup (location, "host");
  hostaddr = lookup (location, "hostaddr");
  port = lookup (location, "port");
  database = lookup (location, "dbname");
  service = lookup (location, "service");
  host_in_authority = host != NULL && is_plain_host (host);

  text = g_string_new ("postgresql://");
  if (user != NULL && *user != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (user, NULL, FALSE);

      g_string_append_printf (text, "%s@", escaped);
    }
  if (host_in_authority)
    {
      g_string_append (text, host);
      if (port != NULL && is_plain_host (port))
        g_string_append_printf (text, ":%s", port);
    }
  g_string_append_c (text, '/');
  if (database != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (database, NULL, FALSE);

      g_string_append (text, escaped);
    }
  if (host != NULL && !host_in_authority)
    append_query (text, &first, "host", host);
  if (hostaddr != NULL)
    append_query (text, &first, "hostaddr", hostaddr);
  if (port != NULL && (!host_in_authority || !is_plain_host (port)))
    append_query (text, &first, "port", port);
  if (service != NULL)
    append_query (text, &first, "service", service);
  return g_string_free (text, FALSE);
}

HeedLocation *
heed_location_dup_for_database (HeedLocation *location,
                                const char   *database)
{
  HeedLocation *copy;
  gboolean found = FALSE;
  guint n;

  g_return_val_if_fail (location != NULL, NULL);
  g_return_val_if_fail (location->kind == HEED_LOCATION_SERVER, NULL);
  g_return_val_if_fail (database != NULL && *database != '\0', NULL);

  copy = location_new (HEED_LOCATION_SERVER);
  n = g_strv_length (location->keywords);
  copy->keywords = g_new0 (char *, n + 2);
  copy->values = g_new0 (char *, n + 2);
  for (guint i = 0; i < n; i++)
    {
      copy->keywords[i] = g_strdup (location->keywords[i]);
      if (strcmp (location->keywords[i], "dbname") == 0)
        {
          copy->values[i] = g_strdup (database);
          found = TRUE;
        }
      else
        copy->values[i] = g_strdup (location->values[i]);
    }
  if (!found)
    {
      copy->keywords[n] = g_strdup ("dbname");
      copy->values[n] = g_strdup (database);
    }
  return copy;
}
