/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-db.h"

G_BEGIN_DECLS

/* The schema version of the practice behind DB: PRAGMA user_version on a file, the newest
 * row of heed_schema on a server; 0 for an empty file or database. A file or database that
 * holds something other than a Heed practice is HEED_STORE_ERROR_NOT_HEED. */
gboolean heed_db_read_schema_version (HeedDb   *db,
                                      int      *version,
                                      GError  **error);

/* Brings the schema up to HEED_STORE_SCHEMA_VERSION with the engine's own series
 * (migrations/NNNN-*.sql or migrations/postgres/NNNN-*.sql), one transaction per migration,
 * each recorded with its version in the same transaction, so none is ever applied twice, even
 * by two seats opening a new server practice at once. A practice from a newer Heed is refused
 * (HEED_STORE_ERROR_TOO_NEW) and left untouched. APPLIED (optional) gets how many ran. */
gboolean heed_db_migrate             (HeedDb   *db,
                                      int      *applied,
                                      GError  **error);

G_END_DECLS
