/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-db.h"

G_BEGIN_DECLS

#define HEED_TYPE_DB_SQLITE (heed_db_sqlite_get_type ())
G_DECLARE_FINAL_TYPE (HeedDbSqlite, heed_db_sqlite, HEED, DB_SQLITE, HeedDb)

G_END_DECLS
