/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What HeedDb's two drivers share: the statement's common part, bound values, errors. */

#include "heed-db.h"
#include "heed-store.h"

G_BEGIN_DECLS

typedef enum {
  HEED_DB_VALUE_NULL,
  HEED_DB_VALUE_TEXT,
  HEED_DB_VALUE_INT64,
  HEED_DB_VALUE_DOUBLE,
  HEED_DB_VALUE_BLOB,
} HeedDbValueType;

typedef struct {
  HeedDbValueType type;
  gint64          i;
  double          d;
  char           *data;    /* text (NUL-terminated) or blob */
  gsize           length;
} HeedDbValue;

typedef struct {
  void        (*free)           (HeedDbStatement *stmt);
  HeedDbStep  (*step)           (HeedDbStatement *stmt,
                                 GError         **error);
  void        (*reset)          (HeedDbStatement *stmt);
  gboolean    (*insert)         (HeedDbStatement *stmt,
                                 gint64          *id,
                                 GError         **error);
  gint64      (*changes)        (HeedDbStatement *stmt);
  int         (*column_count)   (HeedDbStatement *stmt);
  const char *(*column_name)    (HeedDbStatement *stmt,
                                 int              column);
  gboolean    (*column_is_null) (HeedDbStatement *stmt,
                                 int              column);
  const char *(*column_text)    (HeedDbStatement *stmt,
                                 int              column);
  gint64      (*column_int64)   (HeedDbStatement *stmt,
                                 int              column);
  double      (*column_double)  (HeedDbStatement *stmt,
                                 int              column);
  const void *(*column_blob)    (HeedDbStatement *stmt,
                                 int              column,
                                 gsize           *length);
} HeedDbStatementClass;

struct _HeedDbStatement
{
  const HeedDbStatementClass *klass;
  gatomicrefcount             ref_count;
  HeedDb                     *db;          /* a reference */
  const char * const         *names;       /* parameter i + 1 is names[i], without colon;
                                            * kept by the driver as long as the statement */
  guint                       n_params;
  HeedDbValue                *values;      /* n_params of them */
  gboolean                    started;     /* stepped since the last reset */
};

/* Fills the common part; SIZE is the driver's whole statement struct. */
gpointer  _heed_db_statement_new       (const HeedDbStatementClass *klass,
                                        gsize                       size,
                                        HeedDb                     *db,
                                        const char * const         *names,
                                        guint                       n_params);

/* Reports an error with MESSAGE for the person and RAW (the engine's words, maybe holding
 * values) for the debug log only. */
void      _heed_db_set_error           (GError                    **error,
                                        HeedStoreError              code,
                                        const char                 *message,
                                        const char                 *raw);

/* `:name` → `$n` for PostgreSQL, outside quotes, comments and `::` casts. NAMES receives each
 * distinct name once (without colon), in the order of their numbers. */
char     *_heed_db_rewrite_named       (const char                 *sql,
                                        GPtrArray                  *names);

void      _heed_db_set_location        (HeedDb                     *self,
                                        HeedLocation               *location,
                                        gboolean                    read_only);

HeedDb   *_heed_db_sqlite_open         (HeedLocation               *location,
                                        HeedDbOpenFlags             flags,
                                        GError                    **error);
/* A practice file's own SQLite handle, for what only SQLite has (the online backup, PRAGMAs);
 * the connection keeps it. */
struct sqlite3;
struct sqlite3 *_heed_db_sqlite_get_handle (HeedDb                    *db);

HeedDb   *_heed_db_postgres_open       (HeedLocation               *location,
                                        HeedDbOpenFlags             flags,
                                        GError                    **error);

/* The duties of the role signed in, named in refusals ("Your duty (reception) does not let
 * you…"); NULL for the database's owner, whose refusals stay general. */
void      _heed_db_postgres_set_duties (HeedDb                     *db,
                                        const char                 *duties);
/* An identifier (a role's name) quoted for SQL by libpq; NULL when it cannot be. */
char     *_heed_db_postgres_dup_quoted_identifier (HeedDb          *db,
                                                   const char      *name);

G_END_DECLS
