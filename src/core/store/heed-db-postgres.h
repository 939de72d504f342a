/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "heed-db.h"

G_BEGIN_DECLS

#define HEED_TYPE_DB_POSTGRES (heed_db_postgres_get_type ())
G_DECLARE_FINAL_TYPE (HeedDbPostgres, heed_db_postgres, HEED, DB_POSTGRES, HeedDb)

G_END_DECLS
