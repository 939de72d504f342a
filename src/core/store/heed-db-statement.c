/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-db"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-db-private.h"

/* A prepared statement and its cursor, the part both drivers share: values bound by name,
 * kept until the driver runs the statement. */

G_DEFINE_BOXED_TYPE (HeedDbStatement, heed_db_statement, heed_db_statement_ref,
                     heed_db_statement_unref)

gpointer
_heed_db_statement_new (const HeedDbStatementClass *klass,
                        gsize                       size,
                        HeedDb                     *db,
                        const char * const         *names,
                        guint                       n_params)
{
  HeedDbStatement *stmt;

  g_assert (size >= sizeof (HeedDbStatement));

  stmt = g_malloc0 (size);
  stmt->klass = klass;
  g_atomic_ref_count_init (&stmt->ref_count);
  stmt->db = g_object_ref (db);
  stmt->names = names;
  stmt->n_params = n_params;
  stmt->values = g_new0 (HeedDbValue, n_params);
  return stmt;
}

static void
value_clear (HeedDbValue *value)
{
  g_clear_pointer (&value->data, g_free);
  value->length = 0;
  value->type = HEED_DB_VALUE_NULL;
}

HeedDbStatement *
heed_db_statement_ref (HeedDbStatement *stmt)
{
  g_return_val_if_fail (stmt != NULL, NULL);
  g_atomic_ref_count_inc (&stmt->ref_count);
  return stmt;
}

void
heed_db_statement_unref (HeedDbStatement *stmt)
{
  HeedDb *db;

  g_return_if_fail (stmt != NULL);
  if (!g_atomic_ref_count_dec (&stmt->ref_count))
    return;

  for (guint i = 0; i < stmt->n_params; i++)
    value_clear (&stmt->values[i]);
  g_free (stmt->values);
  db = stmt->db;
  stmt->klass->free (stmt);
  g_free (stmt);
  g_object_unref (db);
}

static HeedDbValue *
lookup_parameter (HeedDbStatement *stmt,
                  const char      *name)
{
  if (name[0] == ':')
    name++;
  for (guint i = 0; i < stmt->n_params; i++)
    if (stmt->names[i] != NULL && strcmp (stmt->names[i], name) == 0)
      {
        if (stmt->started)
          heed_db_statement_reset (stmt);
        value_clear (&stmt->values[i]);
        return &stmt->values[i];
      }
  g_critical ("The statement has no parameter :%s", name);
  return NULL;
}

gboolean
heed_db_statement_bind_text (HeedDbStatement *stmt,
                             const char      *name,
                             const char      *value)
{
  HeedDbValue *slot;

  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((slot = lookup_parameter (stmt, name)) == NULL)
    return FALSE;
  if (value == NULL)
    return TRUE;
  slot->type = HEED_DB_VALUE_TEXT;
  slot->length = strlen (value);
  slot->data = g_strndup (value, slot->length);
  return TRUE;
}

gboolean
heed_db_statement_bind_int64 (HeedDbStatement *stmt,
                              const char      *name,
                              gint64           value)
{
  HeedDbValue *slot;

  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((slot = lookup_parameter (stmt, name)) == NULL)
    return FALSE;
  slot->type = HEED_DB_VALUE_INT64;
  slot->i = value;
  return TRUE;
}

gboolean
heed_db_statement_bind_double (HeedDbStatement *stmt,
                               const char      *name,
                               double           value)
{
  HeedDbValue *slot;

  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if ((slot = lookup_parameter (stmt, name)) == NULL)
    return FALSE;
  slot->type = HEED_DB_VALUE_DOUBLE;
  slot->d = value;
  return TRUE;
}

gboolean
heed_db_statement_bind_blob (HeedDbStatement *stmt,
                             const char      *name,
                             const void      *data,
                             gsize            length)
{
  HeedDbValue *slot;

  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if ((slot = lookup_parameter (stmt, name)) == NULL)
    return FALSE;
  slot->type = HEED_DB_VALUE_BLOB;
  slot->length = length;
  /* One byte more, so that an empty blob is not NULL. */
  slot->data = g_malloc (length + 1);
  if (length > 0)
    memcpy (slot->data, data, length);
  slot->data[length] = '\0';
  return TRUE;
}

gboolean
heed_db_statement_bind_null (HeedDbStatement *stmt,
                             const char      *name)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return lookup_parameter (stmt, name) != NULL;
}

void
heed_db_statement_clear_bindings (HeedDbStatement *stmt)
{
  g_return_if_fail (stmt != NULL);

  heed_db_statement_reset (stmt);
  for (guint i = 0; i < stmt->n_params; i++)
    value_clear (&stmt->values[i]);
}

guint
heed_db_statement_get_parameter_count (HeedDbStatement *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->n_params;
}

HeedDbStep
heed_db_statement_step (HeedDbStatement  *stmt,
                        GError          **error)
{
  g_return_val_if_fail (stmt != NULL, HEED_DB_STEP_ERROR);
  g_return_val_if_fail (error == NULL || *error == NULL, HEED_DB_STEP_ERROR);

  if (!heed_db_is_open (stmt->db))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                           _("The practice is closed."));
      return HEED_DB_STEP_ERROR;
    }
  stmt->started = TRUE;
  return stmt->klass->step (stmt, error);
}

gboolean
heed_db_statement_execute (HeedDbStatement  *stmt,
                           GError          **error)
{
  HeedDbStep step;

  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    ;
  return step == HEED_DB_STEP_DONE;
}

gboolean
heed_db_statement_insert (HeedDbStatement  *stmt,
                          gint64           *id,
                          GError          **error)
{
  g_return_val_if_fail (stmt != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!heed_db_is_open (stmt->db))
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                           _("The practice is closed."));
      return FALSE;
    }
  if (stmt->started)
    heed_db_statement_reset (stmt);
  stmt->started = TRUE;
  return stmt->klass->insert (stmt, id, error);
}

void
heed_db_statement_reset (HeedDbStatement *stmt)
{
  g_return_if_fail (stmt != NULL);

  if (stmt->started)
    stmt->klass->reset (stmt);
  stmt->started = FALSE;
}

gint64
heed_db_statement_get_changes (HeedDbStatement *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->klass->changes (stmt);
}

int
heed_db_statement_get_column_count (HeedDbStatement *stmt)
{
  g_return_val_if_fail (stmt != NULL, 0);
  return stmt->klass->column_count (stmt);
}

#define CHECK_COLUMN(stmt, column, value) \
  G_STMT_START { \
    g_return_val_if_fail ((stmt) != NULL, value); \
    g_return_val_if_fail ((column) >= 0 && (column) < (stmt)->klass->column_count (stmt), \
                          value); \
  } G_STMT_END

const char *
heed_db_statement_get_column_name (HeedDbStatement *stmt,
                                   int              column)
{
  CHECK_COLUMN (stmt, column, NULL);
  return stmt->klass->column_name (stmt, column);
}

int
heed_db_statement_find_column (HeedDbStatement *stmt,
                               const char      *name)
{
  int n;

  g_return_val_if_fail (stmt != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  n = stmt->klass->column_count (stmt);
  for (int i = 0; i < n; i++)
    {
      const char *column = stmt->klass->column_name (stmt, i);

      if (column != NULL && g_ascii_strcasecmp (column, name) == 0)
        return i;
    }
  return -1;
}

gboolean
heed_db_statement_column_is_null (HeedDbStatement *stmt,
                                  int              column)
{
  CHECK_COLUMN (stmt, column, TRUE);
  return stmt->klass->column_is_null (stmt, column);
}

const char *
heed_db_statement_column_text (HeedDbStatement *stmt,
                               int              column)
{
  CHECK_COLUMN (stmt, column, NULL);
  return stmt->klass->column_text (stmt, column);
}

char *
heed_db_statement_dup_column_text (HeedDbStatement *stmt,
                                   int              column)
{
  CHECK_COLUMN (stmt, column, NULL);
  return g_strdup (stmt->klass->column_text (stmt, column));
}

gint64
heed_db_statement_column_int64 (HeedDbStatement *stmt,
                                int              column)
{
  CHECK_COLUMN (stmt, column, 0);
  return stmt->klass->column_int64 (stmt, column);
}

double
heed_db_statement_column_double (HeedDbStatement *stmt,
                                 int              column)
{
  CHECK_COLUMN (stmt, column, 0.0);
  return stmt->klass->column_double (stmt, column);
}

const void *
heed_db_statement_column_blob (HeedDbStatement *stmt,
                               int              column,
                               gsize           *length)
{
  gsize dummy;

  if (length == NULL)
    length = &dummy;
  *length = 0;
  CHECK_COLUMN (stmt, column, NULL);
  return stmt->klass->column_blob (stmt, column, length);
}

GBytes *
heed_db_statement_dup_column_bytes (HeedDbStatement *stmt,
                                    int              column)
{
  const void *data;
  gsize length = 0;

  CHECK_COLUMN (stmt, column, NULL);
  data = stmt->klass->column_blob (stmt, column, &length);
  if (data == NULL)
    return NULL;
  return g_bytes_new (data, length);
}

static int
named_column (HeedDbStatement *stmt,
              const char      *name)
{
  int column = heed_db_statement_find_column (stmt, name);

  if (column < 0)
    g_critical ("The statement has no column %s", name);
  return column;
}

gboolean
heed_db_statement_is_null_named (HeedDbStatement *stmt,
                                 const char      *name)
{
  int column = named_column (stmt, name);

  return column < 0 || stmt->klass->column_is_null (stmt, column);
}

const char *
heed_db_statement_text_named (HeedDbStatement *stmt,
                              const char      *name)
{
  int column = named_column (stmt, name);

  return column < 0 ? NULL : stmt->klass->column_text (stmt, column);
}

gint64
heed_db_statement_int64_named (HeedDbStatement *stmt,
                               const char      *name)
{
  int column = named_column (stmt, name);

  return column < 0 ? 0 : stmt->klass->column_int64 (stmt, column);
}

double
heed_db_statement_double_named (HeedDbStatement *stmt,
                                const char      *name)
{
  int column = named_column (stmt, name);

  return column < 0 ? 0.0 : stmt->klass->column_double (stmt, column);
}

const void *
heed_db_statement_blob_named (HeedDbStatement *stmt,
                              const char      *name,
                              gsize           *length)
{
  int column = named_column (stmt, name);

  if (column < 0)
    {
      if (length != NULL)
        *length = 0;
      return NULL;
    }
  return heed_db_statement_column_blob (stmt, column, length);
}

/* Rewriting `:name` to `$n` */

static gboolean
is_name_start (char c)
{
  return g_ascii_isalpha (c) || c == '_';
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

char *
_heed_db_rewrite_named (const char *sql,
                        GPtrArray  *names)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;

  while (*p != '\0')
    {
      /* A string, standard or with backslash escapes (E'…'). */
      if (*p == '\'')
        {
          gboolean backslashes = p > sql && (p[-1] == 'E' || p[-1] == 'e')
                                 && (p - 1 == sql || !is_name_char (p[-2]));
          const char *start = p++;

          while (*p != '\0')
            {
              if (backslashes && *p == '\\' && p[1] != '\0')
                p += 2;
              else if (*p == '\'' && p[1] == '\'')
                p += 2;
              else if (*p == '\'')
                {
                  p++;
                  break;
                }
              else
                p++;
            }
          g_string_append_len (out, start, p - start);
        }
      /* A quoted name. */
      else if (*p == '"')
        {
          const char *start = p++;

          while (*p != '\0')
            {
              if (*p == '"' && p[1] == '"')
                p += 2;
              else if (*p++ == '"')
                break;
            }
          g_string_append_len (out, start, p - start);
        }
      /* Comments. */
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      /* A dollar-quoted string: $tag$ … $tag$. */
      else if (*p == '$' && (p[1] == '$' || is_name_start (p[1])))
        {
          const char *tag_end = p + 1;
          const char *end;
          g_autofree char *tag = NULL;

          while (is_name_char (*tag_end))
            tag_end++;
          if (*tag_end != '$')
            {
              g_string_append_c (out, *p++);
              continue;
            }
          tag = g_strndup (p, tag_end - p + 1);
          end = strstr (tag_end + 1, tag);
          end = end != NULL ? end + strlen (tag) : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      /* A cast (x::text) stays as it is. */
      else if (p[0] == ':' && p[1] == ':')
        {
          const char *start = p;

          while (*p == ':')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == ':' && is_name_start (p[1]))
        {
          const char *start = ++p;
          g_autofree char *name = NULL;
          guint number = 0;

          while (is_name_char (*p))
            p++;
          name = g_strndup (start, p - start);
          for (guint i = 0; i < names->len; i++)
            if (strcmp (g_ptr_array_index (names, i), name) == 0)
              number = i + 1;
          if (number == 0)
            {
              g_ptr_array_add (names, g_strdup (name));
              number = names->len;
            }
          g_string_append_printf (out, "$%u", number);
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}
