/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a practice lives: a practice file, or a database on a PostgreSQL server given as a
 * libpq URI (postgresql://USER@HOST:PORT/DATABASE?host=/run/postgresql&…, or postgres://…).
 *
 * The display form (heed_location_dup_display) is what titles, recent lists, logs and error
 * messages show: never the password, whichever way it was written (user:password@, a
 * password= parameter, percent-encoded), and none of the other parameters but the host and
 * port. The connection itself uses everything that was given. */

typedef enum {
  HEED_LOCATION_FILE,
  HEED_LOCATION_SERVER,
} HeedLocationKind;

typedef struct _HeedLocation HeedLocation;

#define HEED_TYPE_LOCATION (heed_location_get_type ())
GType          heed_location_get_type       (void) G_GNUC_CONST;

HeedLocation  *heed_location_new_for_path   (const char    *path);
/* A path, a file:// URI or a postgresql:// / postgres:// URI; anything else with a scheme
 * (mysql://, http://) is refused with HEED_STORE_ERROR_INVALID. */
HeedLocation  *heed_location_parse          (const char    *text,
                                             GError       **error);
/* A server from its parts (each may be NULL or empty but the database). */
HeedLocation  *heed_location_new_for_server (const char    *host,
                                             const char    *port,
                                             const char    *database,
                                             const char    *user,
                                             GError       **error);
/* The same server with @password, which is used and never shown. */
HeedLocation  *heed_location_dup_with_password (HeedLocation *location,
                                                const char   *password);
HeedLocation  *heed_location_ref            (HeedLocation  *location);
void           heed_location_unref          (HeedLocation  *location);

HeedLocationKind heed_location_get_kind     (HeedLocation  *location);
gboolean       heed_location_is_server      (HeedLocation  *location);
/* A file's path (NULL for a server). */
const char    *heed_location_get_path       (HeedLocation  *location);
/* A server's database, user, host and port as given (NULL when not given: libpq's
 * defaults then apply). */
const char    *heed_location_get_database   (HeedLocation  *location);
const char    *heed_location_get_user       (HeedLocation  *location);
const char    *heed_location_get_host       (HeedLocation  *location);
const char    *heed_location_get_port       (HeedLocation  *location);
/* Whether the location itself carries a password (it is then used, never shown). */
gboolean       heed_location_has_password   (HeedLocation  *location);

char          *heed_location_dup_display    (HeedLocation  *location);

/* The libpq keywords and values to connect with, NULL-terminated and in step, the
 * password included: for the PostgreSQL driver only, never to be shown or logged. */
const char * const *heed_location_get_connection_keywords (HeedLocation *location);
const char * const *heed_location_get_connection_values   (HeedLocation *location);

/* A copy that names another database on the same server, with the same credentials (a
 * maintenance connection to "postgres", or a new practice's database). */
HeedLocation  *heed_location_dup_for_database (HeedLocation *location,
                                               const char   *database);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeedLocation, heed_location_unref)

G_END_DECLS
