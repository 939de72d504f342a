/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-location.h"

G_BEGIN_DECLS

/* A practice server's password, kept in the GNOME keyring (libsecret) under the server's
 * host, port, database and user: never in Heed's settings, its recent list or a log. */
gboolean  heed_server_keyring_store  (HeedLocation  *location,
                                      const char    *password,
                                      GError       **error);
/* The kept password, or NULL (none kept, or no keyring on this computer). */
char     *heed_server_keyring_lookup (HeedLocation  *location);

G_END_DECLS
