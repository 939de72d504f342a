/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-store-exchange.h"
#include "heed-store-private.h"

/* What heed_store_check() covers beyond the records: the practice's settings, its logo, the
 * risk matrix, the categories, the records of destroyed cases, the reference counters, the
 * PDFs of sent letters and the search index; and what it compares the trail with outside the
 * file (older copies, the anchor log).
 *
 * The small tables are "keyed": each change writes an audit entry whose detail is
 * "<digest>|<key>", the digest of the row as it was written, read back from the file (an
 * empty digest: the row was removed). The check reads every row, computes the same digest,
 * and compares it with the newest entry for its key. Files from before schema version 5
 * had no such entries: migration 5 writes a baseline of every row as it then was. */

typedef struct {
  const char *table;
  const char *select_all;  /* key, row id, then the columns the digest covers */
  const char *select_key;  /* the same, for the row of one key (:key) */
  const char *types;       /* of the digest's columns: I integer, T text, B bytes */
} KeyedTable;

/* The key is text on both engines: a server joins text to text only with a cast. */
static const KeyedTable keyed_tables[] = {
  { "settings",
    "SELECT key, 0, key, value FROM settings ORDER BY key",
    "SELECT key, 0, key, value FROM settings WHERE key = :key", "TT" },
  { "setting_blobs",
    "SELECT key, 0, key, mime, data FROM setting_blobs ORDER BY key",
    "SELECT key, 0, key, mime, data FROM setting_blobs WHERE key = :key", "TTB" },
  { "risk_matrix",
    "SELECT seriousness || '/' || likelihood, 0, seriousness, likelihood, risk "
    "FROM risk_matrix ORDER BY 1",
    "SELECT seriousness || '/' || likelihood, 0, seriousness, likelihood, risk "
    "FROM risk_matrix WHERE seriousness || '/' || likelihood = :key", "TTT" },
  { "categories",
    "SELECT code, id, scheme, code, label, year_from, year_to, position, min_age, max_age "
    "FROM categories ORDER BY id",
    "SELECT code, id, scheme, code, label, year_from, year_to, position, min_age, max_age "
    "FROM categories WHERE id = CAST (CAST (:key AS TEXT) AS INTEGER)", "TTTIIIII" },
  { "destroyed",
    "SELECT reference, 0, reference, kind, closed_on, destroyed_at, destroyed_by, reason "
    "FROM destroyed ORDER BY reference",
    "SELECT reference, 0, reference, kind, closed_on, destroyed_at, destroyed_by, reason "
    "FROM destroyed WHERE reference = :key", "TTTTTT" },
};

static const KeyedTable *
find_keyed_table (const char *table)
{
  for (guint i = 0; table != NULL && i < G_N_ELEMENTS (keyed_tables); i++)
    if (strcmp (keyed_tables[i].table, table) == 0)
      return &keyed_tables[i];
  return NULL;
}

/* Only what _heed_store_audit_keyed() writes: SHA-256 in hex before the bar. */
static gboolean
is_digest (const char *text,
           gsize       length)
{
  if (length != 64)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

/* Every value of the row from column @first on, each with its type and length, so that no
 * two different rows give the same bytes. The types are the table's own, not the engine's:
 * both engines give the same digest of the same row. */
static char *
digest_columns (HeedDbStatement *stmt,
                int              first,
                const char      *types)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  int n = heed_db_statement_get_column_count (stmt);

  for (int i = first; i < n && types[i - first] != '\0'; i++)
    {
      char head[64];

      if (heed_db_statement_column_is_null (stmt, i))
        g_checksum_update (checksum, (const guchar *) "N;", 2);
      else if (types[i - first] == 'I')
        {
          g_snprintf (head, sizeof head, "I%" G_GINT64_FORMAT ";",
                      heed_db_statement_column_int64 (stmt, i));
          g_checksum_update (checksum, (const guchar *) head, -1);
        }
      else
        {
          gboolean blob = types[i - first] == 'B';
          gsize size = 0;
          const void *data = blob ? heed_db_statement_column_blob (stmt, i, &size)
                                  : heed_db_statement_column_text (stmt, i);

          if (!blob)
            size = strlen (data);

          g_snprintf (head, sizeof head, "%c%" G_GSIZE_FORMAT ":", blob ? 'B' : 'T', size);
          g_checksum_update (checksum, (const guchar *) head, -1);
          if (size > 0)
            g_checksum_update (checksum, data, size);
          g_checksum_update (checksum, (const guchar *) ";", 1);
        }
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* The entry for one row of a keyed table as it now is in the file (or, when it is gone, that
 * it was removed). */
gboolean
_heed_store_audit_keyed (HeedStore   *self,
                         const char  *action,
                         const char  *table,
                         const char  *key,
                         GError     **error)
{
  const KeyedTable *keyed = find_keyed_table (table);
  g_autofree char *detail = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 row_id = 0;
  HeedDbStep step;

  g_return_val_if_fail (keyed != NULL, FALSE);

  stmt = _heed_store_query (self, keyed->select_key, error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, ":key", key);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ROW)
    {
      g_autofree char *digest = digest_columns (stmt, 2, keyed->types);

      row_id = heed_db_statement_column_int64 (stmt, 1);
      detail = g_strdup_printf ("%s|%s", digest, heed_db_statement_column_text (stmt, 0));
      step = heed_db_statement_step (stmt, error);
    }
  else if (step == HEED_DB_STEP_DONE)
    {
      detail = g_strdup_printf ("|%s", key);
      if (strcmp (table, "categories") == 0)
        row_id = g_ascii_strtoll (key, NULL, 10);
    }
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;
  return _heed_store_audit (self, action, table, row_id, detail, error);
}

/* An entry for every row of a keyed table (a new practice's risk matrix and categories). */
gboolean
_heed_store_audit_keyed_all (HeedStore   *self,
                             const char  *action,
                             const char  *table,
                             GError     **error)
{
  const KeyedTable *keyed = find_keyed_table (table);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (keyed != NULL, FALSE);

  stmt = _heed_store_query (self, keyed->select_all, error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      g_autofree char *digest = digest_columns (stmt, 2, keyed->types);
      gint64 id = heed_db_statement_column_int64 (stmt, 1);

      g_ptr_array_add (rows, g_strdup_printf ("%s|%s", digest,
                                              heed_db_statement_column_text (stmt, 0)));
      g_array_append_val (ids, id);
    }
  heed_db_statement_reset (stmt);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    if (!_heed_store_audit (self, action, table, g_array_index (ids, gint64, i),
                            g_ptr_array_index (rows, i), error))
      return FALSE;
  return TRUE;
}

/* The counter of a reference series as it now is: the number is the entry's row. */
gboolean
_heed_store_audit_counter (HeedStore   *self,
                           const char  *action,
                           const char  *prefix,
                           GError     **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 last = 0;
  HeedDbStep step;

  stmt = _heed_store_query (self, "SELECT last FROM reference_counters WHERE prefix = :prefix",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, ":prefix", prefix);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ROW)
    {
      last = heed_db_statement_column_int64 (stmt, 0);
      step = heed_db_statement_step (stmt, error);
    }
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;
  return _heed_store_audit (self, action, "reference_counters", last, prefix, error);
}

/* Migration 5: what the small tables hold when this Heed first meets the file, and the PDFs
 * of letters sent before their digest was kept, so that from now on any change to them shows.
 * Earlier changes to them cannot be told apart: the trail did not cover them then. */
gboolean
_heed_store_audit_baseline (HeedStore  *self,
                            GError    **error)
{
  g_autoptr(GPtrArray) prefixes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) digests = g_ptr_array_new_with_free_func (g_free);
  HeedDbStep step;

  if (!_heed_store_load_last_hash (self, error)
      || !_heed_store_audit (self, "baseline", "audit", 0,
                             "the settings, risk matrix, categories, records of destroyed cases "
                             "and reference counters as they were when the trail began to "
                             "cover them",
                             error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    if (!_heed_store_audit_keyed_all (self, "baseline", keyed_tables[i].table, error))
      return FALSE;

  stmt = _heed_store_query (self, "SELECT prefix FROM reference_counters ORDER BY prefix", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    g_ptr_array_add (prefixes, heed_db_statement_dup_column_text (stmt, 0));
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < prefixes->len; i++)
    if (!_heed_store_audit_counter (self, "baseline", g_ptr_array_index (prefixes, i), error))
      return FALSE;

  /* Letters whose PDF came in an import had no digest in the trail. */
  stmt = _heed_store_query (self,
                            "SELECT l.id, l.pdf FROM letters l WHERE l.pdf IS NOT NULL AND NOT "
                            "EXISTS (SELECT 1 FROM audit a WHERE a.tbl = 'letters' AND "
                            "a.row_id = l.id AND a.action = 'send') ORDER BY l.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      gint64 id = heed_db_statement_column_int64 (stmt, 0);
      gsize size = 0;
      const void *data = heed_db_statement_column_blob (stmt, 1, &size);

      g_array_append_val (ids, id);
      g_ptr_array_add (digests,
                       g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                    data != NULL ? data : (gconstpointer) "",
                                                    size));
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!_heed_store_audit (self, "pdf", "letters", g_array_index (ids, gint64, i),
                            g_ptr_array_index (digests, i), error))
      return FALSE;
  return TRUE;
}

/* The check */

typedef struct {
  char     *label;       /* how the report names it */
  HeedStore *store;
  HeedDbStatement *walk;
  gboolean  done;
  gint64    id;          /* its current entry */
  char     *hash;
  gint64    entries;     /* how many it has */
  gint64    differs_at;  /* the first entry that differs, or 0 */
} OlderTrail;

typedef struct {
  gint64  entry;
  char   *hash;
  char   *at;
  char   *event;
  char   *path;
  gboolean reached;
} Anchor;

struct _HeedCheckState
{
  HeedStore   *store;
  GString     *report;
  gboolean     is_practice;
  char        *anchor_log;
  GHashTable  *keyed;       /* table -> (key -> digest, "" when removed) */
  GHashTable  *counters;    /* prefix -> gint64* the number the trail and records account for */
  GHashTable  *pdfs;        /* letter id -> digest of the PDF sent */
  GHashTable  *references;  /* case id -> reference */
  GPtrArray   *older;       /* OlderTrail* */
  GPtrArray   *anchors;     /* Anchor* of this practice, in the log's order */
  GHashTable  *anchors_by_entry; /* entry -> GPtrArray of Anchor* (not owned) */
  guint        problems;
};

static void
older_trail_free (gpointer data)
{
  OlderTrail *older = data;

  g_clear_pointer (&older->walk, heed_db_statement_unref);
  if (older->store != NULL)
    {
      heed_store_end_read (older->store);
      g_object_unref (older->store);
    }
  g_free (older->label);
  g_free (older->hash);
  g_free (older);
}

static void
anchor_free (gpointer data)
{
  Anchor *anchor = data;

  g_free (anchor->hash);
  g_free (anchor->at);
  g_free (anchor->event);
  g_free (anchor->path);
  g_free (anchor);
}

static void
older_step (OlderTrail *older)
{
  HeedDbStep rc = heed_db_statement_step (older->walk, NULL);

  g_clear_pointer (&older->hash, g_free);
  if (rc == HEED_DB_STEP_ROW)
    {
      older->id = heed_db_statement_column_int64 (older->walk, 0);
      older->hash = heed_db_statement_dup_column_text (older->walk, 1);
      older->entries++;
    }
  else
    older->done = TRUE;
}

static void
note (HeedCheckState *state,
      const char     *format,
      ...) G_GNUC_PRINTF (2, 3);

/* A problem: counted, and the first twenty of them said. */
static void
note (HeedCheckState *state,
      const char     *format,
      ...)
{
  va_list args;

  if (state->problems++ >= 20)
    return;
  va_start (args, format);
  g_string_append_vprintf (state->report, format, args);
  va_end (args);
}

/* "C-2025-041": the series "C-2025-" and 41. */
static gboolean
split_reference (const char  *reference,
                 char       **prefix,
                 gint64      *number)
{
  const char *dash = reference != NULL ? strrchr (reference, '-') : NULL;

  if (dash == NULL || dash[1] == '\0' || strlen (dash + 1) > 12)
    return FALSE;
  for (const char *p = dash + 1; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *number = (gint64) g_ascii_strtoull (dash + 1, NULL, 10);
  *prefix = g_strndup (reference, dash - reference + 1);
  return TRUE;
}

static void
account_counter (HeedCheckState *state,
                 const char     *prefix,
                 gint64          number)
{
  gint64 *known = g_hash_table_lookup (state->counters, prefix);

  if (known == NULL)
    g_hash_table_insert (state->counters, g_strdup (prefix), g_memdup2 (&number, sizeof number));
  else if (number > *known)
    *known = number;
}

static void
account_reference (HeedCheckState *state,
                   const char     *reference)
{
  g_autofree char *prefix = NULL;
  gint64 number;

  if (split_reference (reference, &prefix, &number))
    account_counter (state, prefix, number);
}

static gboolean
read_anchor_log (HeedCheckState *state,
                 const char     *practice_id)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (state->anchor_log, &contents, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_string_append_printf (state->report, _("The anchor log %s could not be read: %s\n"),
                                state->anchor_log, local_error->message);
      return FALSE;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 6);
      Anchor *anchor;
      gint64 entry;

      if (g_strv_length (fields) < 5 || g_strcmp0 (fields[0], practice_id) != 0
          || !g_ascii_string_to_signed (fields[2], 10, 0, G_MAXINT64, &entry, NULL))
        continue;
      anchor = g_new0 (Anchor, 1);
      anchor->entry = entry;
      anchor->at = g_strdup (fields[1]);
      anchor->hash = g_strdup (fields[3]);
      anchor->event = g_strdup (fields[4]);
      anchor->path = fields[5] != NULL ? g_strcompress (fields[5]) : g_strdup ("");
      g_ptr_array_add (state->anchors, anchor);
    }

  /* A restore through Heed puts an older copy in place on purpose: what was anchored beyond
   * the restored copy's end before it is no longer this practice's history. */
  for (guint i = state->anchors->len; i-- > 0;)
    {
      Anchor *restore = g_ptr_array_index (state->anchors, i);

      if (g_strcmp0 (restore->event, "restore") != 0)
        continue;
      for (guint j = 0; j < i; j++)
        {
          Anchor *earlier = g_ptr_array_index (state->anchors, j);

          if (earlier->entry > restore->entry)
            earlier->reached = TRUE;  /* set aside */
        }
    }
  for (guint i = 0; i < state->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (state->anchors, i);
      GPtrArray *same;

      if (anchor->reached || anchor->entry == 0)
        continue;
      same = g_hash_table_lookup (state->anchors_by_entry, &anchor->entry);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (state->anchors_by_entry,
                               g_memdup2 (&anchor->entry, sizeof anchor->entry), same);
        }
      g_ptr_array_add (same, anchor);
    }
  return TRUE;
}

HeedCheckState *
_heed_check_state_new (HeedStore               *self,
                       const HeedCheckOptions  *options,
                       GString                 *report,
                       GError                 **error)
{
  HeedCheckState *state = g_new0 (HeedCheckState, 1);

  state->store = self;
  state->report = report;
  state->keyed = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    g_hash_table_insert (state->keyed, (gpointer) keyed_tables[i].table,
                         g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free));
  state->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  state->pdfs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  state->references = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  state->older = g_ptr_array_new_with_free_func (older_trail_free);
  state->anchors = g_ptr_array_new_with_free_func (anchor_free);
  state->anchors_by_entry = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);

  if (options == NULL)
    return state;
  state->is_practice = options->is_practice;

  for (guint i = 0; options->older != NULL && options->older[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      OlderTrail *older = g_new0 (OlderTrail, 1);

      older->label = g_strdup (options->older[i]);
      /* A backup made by an earlier Heed too: its trail is read as it is, unmigrated. */
      older->store = heed_store_open (options->older[i], HEED_STORE_OPEN_READ_ONLY
                                                         | HEED_STORE_OPEN_ANY_VERSION,
                                      &local_error);
      if (older->store != NULL)
        heed_store_begin_read (older->store, &local_error);
      if (local_error == NULL)
        older->walk = _heed_store_query (older->store, "SELECT id, hash FROM audit ORDER BY id",
                                         &local_error);
      if (local_error != NULL)
        {
          if (options->skip_unreadable)
            {
              g_string_append_printf (report,
                                      _("The older copy %s was left out, as it cannot be "
                                        "read: %s\n"),
                                      options->older[i], local_error->message);
              older_trail_free (older);
              continue;
            }
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("The older copy %s cannot be compared with: %s"), options->older[i],
                       local_error->message);
          older_trail_free (older);
          _heed_check_state_free (state);
          return NULL;
        }
      older_step (older);
      g_ptr_array_add (state->older, older);
    }

  if (options->anchor_log != NULL)
    {
      g_autofree char *practice_id = heed_store_dup_setting (self, "practice-id");

      state->anchor_log = g_strdup (options->anchor_log);
      if (practice_id != NULL)
        read_anchor_log (state, practice_id);
    }
  return state;
}

void
_heed_check_state_free (HeedCheckState *state)
{
  if (state == NULL)
    return;
  g_hash_table_unref (state->keyed);
  g_hash_table_unref (state->counters);
  g_hash_table_unref (state->pdfs);
  g_hash_table_unref (state->references);
  g_ptr_array_unref (state->older);
  g_hash_table_unref (state->anchors_by_entry);
  g_ptr_array_unref (state->anchors);
  g_free (state->anchor_log);
  g_free (state);
}

void
_heed_check_state_case (HeedCheckState *state,
                        gint64          id,
                        const char     *reference)
{
  g_hash_table_insert (state->references, g_memdup2 (&id, sizeof id), g_strdup (reference));
  account_reference (state, reference);
}

const char *
_heed_check_state_case_reference (HeedCheckState *state,
                                  gint64          case_id)
{
  return g_hash_table_lookup (state->references, &case_id);
}

/* One entry of the trail, in order: what it says each covered row now holds, and whether it
 * is the entry older copies and anchors have at that place. */
void
_heed_check_state_entry (HeedCheckState *state,
                         gint64          id,
                         const char     *action,
                         const char     *table,
                         gint64          row_id,
                         const char     *detail,
                         const char     *hash)
{
  const KeyedTable *keyed = find_keyed_table (table);
  GPtrArray *anchored;

  for (guint i = 0; i < state->older->len; i++)
    {
      OlderTrail *older = g_ptr_array_index (state->older, i);

      if (older->differs_at != 0)
        continue;
      if (!older->done && older->id < id)
        older->differs_at = older->id;  /* an entry of the older copy this trail lacks */
      else if (!older->done && older->id == id)
        {
          if (g_strcmp0 (older->hash, hash) != 0)
            older->differs_at = id;
          else
            older_step (older);
        }
    }
  anchored = g_hash_table_lookup (state->anchors_by_entry, &id);
  for (guint i = 0; anchored != NULL && i < anchored->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (anchored, i);

      anchor->reached = TRUE;
      if (g_strcmp0 (anchor->hash, hash) != 0)
        note (state,
              _("Audit entry %lld is not the one the anchor log recorded on %s for %s: the "
                "audit trail was rewritten after that, or this file is another copy of the "
                "practice that has parted from it.\n"),
              (long long) id, anchor->at, anchor->path);
    }

  if (g_strcmp0 (action, "baseline") == 0 && g_strcmp0 (table, "audit") == 0)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, state->keyed);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_hash_table_remove_all (value);
      g_hash_table_remove_all (state->counters);
      return;
    }
  if (keyed != NULL)
    {
      GHashTable *expected = g_hash_table_lookup (state->keyed, keyed->table);
      const char *bar = detail != NULL ? strchr (detail, '|') : NULL;

      if (g_strcmp0 (action, "delete") == 0 && bar == NULL)
        g_hash_table_remove_all (expected);  /* the whole table, replaced by an import */
      else if (bar != NULL && (bar == detail || is_digest (detail, bar - detail)))
        g_hash_table_insert (expected,
                             strcmp (keyed->table, "categories") == 0
                             ? g_strdup_printf ("%" G_GINT64_FORMAT, row_id)
                             : g_strdup (bar + 1),
                             g_strndup (detail, bar - detail));
      return;
    }
  if (g_strcmp0 (table, "reference_counters") == 0)
    {
      if (detail != NULL)
        account_counter (state, detail, row_id);
      return;
    }
  if (g_strcmp0 (table, "letters") == 0)
    {
      if (g_strcmp0 (action, "delete") == 0 || g_strcmp0 (action, "destroy") == 0)
        g_hash_table_remove (state->pdfs, &row_id);
      else if ((g_strcmp0 (action, "send") == 0 || g_strcmp0 (action, "pdf") == 0)
               && detail != NULL)
        g_hash_table_insert (state->pdfs, g_memdup2 (&row_id, sizeof row_id), g_strdup (detail));
      return;
    }
  if (g_strcmp0 (table, "cases") == 0 && detail != NULL)
    {
      /* A destroyed case's reference, or a deleted draft's ("draft C-2025-043"): their
       * numbers were given and stay counted. */
      if (g_strcmp0 (action, "destroy") == 0)
        account_reference (state, detail);
      else if (g_strcmp0 (action, "delete") == 0 && g_str_has_prefix (detail, "draft "))
        account_reference (state, detail + strlen ("draft "));
    }
}

static const char *
describe_key (const char *table,
              const char *key,
              const char *label,
              char      **owned)
{
  if (strcmp (table, "settings") == 0 || strcmp (table, "setting_blobs") == 0)
    return *owned = g_strdup_printf (_("The setting “%s”"), key);
  if (strcmp (table, "risk_matrix") == 0)
    {
      g_auto(GStrv) parts = g_strsplit (key, "/", 2);

      return *owned = g_strdup_printf (_("The risk matrix cell for seriousness “%s” and "
                                         "likelihood “%s”"),
                                       parts[0], parts[1] != NULL ? parts[1] : "");
    }
  if (strcmp (table, "categories") == 0)
    return *owned = g_strdup_printf (_("Category %s (“%s”)"), key,
                                     label != NULL ? label : "");
  return *owned = g_strdup_printf (_("The record of the destroyed case %s"), key);
}

static gboolean
check_keyed_table (HeedCheckState    *state,
                   const KeyedTable  *keyed,
                   GError           **error)
{
  GHashTable *expected = g_hash_table_lookup (state->keyed, keyed->table);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(HeedDbStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  HeedDbStep rc;

  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = _heed_store_query (state->store, keyed->select_all, error);
  if (stmt == NULL)

    return FALSE;
  while ((rc = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      const char *label = heed_db_statement_column_text (stmt, 0);
      g_autofree char *row_key = strcmp (keyed->table, "categories") == 0
                                 ? g_strdup_printf ("%" G_GINT64_FORMAT,
                                                    heed_db_statement_column_int64 (stmt, 1))
                                 : g_strdup (label);
      g_autofree char *digest = digest_columns (stmt, 2, keyed->types);
      const char *recorded = g_hash_table_lookup (expected, row_key);
      g_autofree char *what = NULL;

      if (strcmp (keyed->table, "destroyed") == 0)
        account_reference (state, label);
      if (recorded != NULL && strcmp (recorded, digest) == 0)
        {
          g_hash_table_add (seen, g_steal_pointer (&row_key));
          continue;
        }
      describe_key (keyed->table, row_key, label, &what);
      if (recorded == NULL || recorded[0] == '\0')
        note (state, _("%s was added outside Heed (it is not in the audit trail).\n"), what);
      else
        note (state,
              _("%s was changed outside Heed (it differs from what the audit trail "
                "recorded).\n"),
              what);
      g_hash_table_add (seen, g_steal_pointer (&row_key));
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (rc == HEED_DB_STEP_ERROR)
    return FALSE;
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (((const char *) value)[0] != '\0' && !g_hash_table_contains (seen, key))
      {
        g_autofree char *what = NULL;

        describe_key (keyed->table, key, NULL, &what);
        note (state, _("%s was removed outside Heed.\n"), what);
      }
  return TRUE;
}

static gboolean
check_counters (HeedCheckState  *state,
                GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HeedDbStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  HeedDbStep rc;

  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = _heed_store_query (state->store,
                            "SELECT prefix, last FROM reference_counters ORDER BY prefix", error);
  if (stmt == NULL)

    return FALSE;
  while ((rc = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      const char *prefix = heed_db_statement_column_text (stmt, 0);
      gint64 last = heed_db_statement_column_int64 (stmt, 1);
      const gint64 *known = g_hash_table_lookup (state->counters, prefix);

      if (known != NULL)
        g_hash_table_add (seen, (gpointer) g_intern_string (prefix));
      if (known == NULL || *known != last)
        note (state,
              _("The reference counter for %s was changed outside Heed: it says %lld, where "
                "the audit trail and the records account for %lld.\n"),
              prefix, (long long) last, known != NULL ? (long long) *known : 0LL);
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (rc == HEED_DB_STEP_ERROR)
    return FALSE;
  g_hash_table_iter_init (&iter, state->counters);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, g_intern_string (key)) && *(gint64 *) value > 0)
      note (state,
            _("The reference counter for %s was removed outside Heed, so Heed would give "
              "its references again.\n"),
            (const char *) key);
  return TRUE;
}

static gboolean
check_letter_pdfs (HeedCheckState  *state,
                   GError         **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(HeedDbStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  HeedDbStep rc;

  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = _heed_store_query (state->store,
                            "SELECT l.id, l.pdf, l.title, c.reference FROM letters l LEFT JOIN "
                            "cases c ON c.id = l.\"case\" WHERE l.pdf IS NOT NULL ORDER BY l.id",
                            error);
  if (stmt == NULL)

    return FALSE;
  while ((rc = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      gint64 id = heed_db_statement_column_int64 (stmt, 0);
      const void *data = NULL;
      gsize size = 0;
      data = heed_db_statement_column_blob (stmt, 1, &size);
      const char *title = heed_db_statement_column_text (stmt, 2);
      const char *reference = heed_db_statement_column_text (stmt, 3);
      const char *recorded = g_hash_table_lookup (state->pdfs, &id);
      g_autofree char *actual = NULL;

      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                            data != NULL ? data : (gconstpointer) "", size);
      if (recorded == NULL)
        note (state,
              _("Letter %lld (“%s”, case %s) holds a PDF the audit trail never recorded "
                "being sent: it was added outside Heed.\n"),
              (long long) id, title != NULL ? title : "", reference != NULL ? reference : "?");
      else if (strcmp (recorded, actual) != 0)
        note (state,
              _("The sent letter %lld (“%s”, case %s) was changed outside Heed: its PDF is "
                "not the one that was sent.\n"),
              (long long) id, title != NULL ? title : "", reference != NULL ? reference : "?");
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (rc == HEED_DB_STEP_ERROR)
    return FALSE;

  /* A sent letter still there whose PDF is gone. (A letter gone altogether is reported with
   * the records.) */
  g_clear_pointer (&stmt, heed_db_statement_unref);
  stmt = _heed_store_query (state->store, "SELECT 1 FROM letters WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, state->pdfs);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (g_hash_table_contains (seen, key))
        continue;
      heed_db_statement_reset (stmt);
      heed_db_statement_bind_int64 (stmt, ":id", *(gint64 *) key);
      if (heed_db_statement_step (stmt, error) == HEED_DB_STEP_ROW)
        note (state, _("The PDF of the sent letter %lld was removed outside Heed.\n"),
              (long long) *(gint64 *) key);
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  return TRUE;
}

/* How the search index must hold a case: what cases_search_insert in migration 1 writes. The
 * names of its two people may come in either order. */
#define PERSON_NAME(field) \
  "(SELECT trim (coalesce (first_name, '') || ' ' || coalesce (last_name, '') || ' ' || " \
  "coalesce (known_as, '')) FROM people WHERE id = c." field ")"

static const char search_check_sql[] =
  "SELECT c.id, c.reference, s.rowid IS NULL FROM "
  "(SELECT c.id, c.reference, c.summary, "
  "coalesce (c.description, '') || ' ' || coalesce (c.how_affected, '') || ' ' "
  "|| coalesce (c.outcome_wanted, '') || ' ' || coalesce (c.people_involved, '') "
  "|| ' ' || coalesce (c.lessons, '') AS body, "
  PERSON_NAME ("complainant") " AS nc, "
  "CASE WHEN c.affected IS c.complainant THEN NULL ELSE " PERSON_NAME ("affected") " END AS na "
  "FROM cases c) c "
  "LEFT JOIN case_search s ON s.rowid = c.id "
  "WHERE s.rowid IS NULL OR s.reference IS NOT c.reference OR s.summary IS NOT c.summary "
  "OR s.body IS NOT c.body "
  "OR (s.names IS NOT (CASE WHEN c.nc IS NULL THEN c.na WHEN c.na IS NULL THEN c.nc "
  "ELSE c.nc || ' ' || c.na END) "
  "AND s.names IS NOT (CASE WHEN c.nc IS NULL OR c.na IS NULL THEN NULL "
  "ELSE c.na || ' ' || c.nc END)) "
  "ORDER BY c.id";

/* On a server the index is a tsvector made by case_search_vector (migration 1), compared
 * whole. */
static const char search_check_server_sql[] =
  "SELECT c.id, c.reference, s.case_id IS NULL FROM cases c "
  "LEFT JOIN case_search s ON s.case_id = c.id "
  "WHERE s.case_id IS NULL OR s.document <> public.case_search_vector (c) ORDER BY c.id";

static gboolean
check_search_index (HeedCheckState  *state,
                    GError         **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  guint found = 0;
  HeedDbStep rc;

  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = _heed_store_query (state->store,
                            _heed_store_is_server (state->store) ? search_check_server_sql
                                                                 : search_check_sql,
                            error);
  if (stmt == NULL)

    return FALSE;
  while ((rc = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      found++;
      if (heed_db_statement_column_int64 (stmt, 2))
        note (state,
              _("Case %s (row %lld of cases) is missing from the search index, so searching "
                "does not find it.\n"),
              heed_db_statement_column_text (stmt, 1),
              (long long) heed_db_statement_column_int64 (stmt, 0));
      else
        note (state,
              _("The search index entry of case %s (row %lld of cases) does not hold the "
                "case’s text: it was changed outside Heed.\n"),
              heed_db_statement_column_text (stmt, 1),
              (long long) heed_db_statement_column_int64 (stmt, 0));
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (rc == HEED_DB_STEP_ERROR)
    return FALSE;

  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt = _heed_store_query (state->store,
                            _heed_store_is_server (state->store)
                              ? "SELECT case_id FROM case_search WHERE case_id NOT IN "
                                "(SELECT id FROM cases) ORDER BY case_id"
                              : "SELECT rowid FROM case_search WHERE rowid NOT IN "
                                "(SELECT id FROM cases) ORDER BY rowid",
                            error);
  if (stmt == NULL)

    return FALSE;
  while ((rc = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      found++;
      note (state,
            _("The search index holds an entry (row %lld) for a case that does not exist: it "
              "was added outside Heed.\n"),
            (long long) heed_db_statement_column_int64 (stmt, 0));
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);
  if (rc == HEED_DB_STEP_ERROR)
    return FALSE;
  if (found > 0)
    g_string_append (state->report,
                     _("The search index can be rebuilt from the cases: heed-cli check FILE "
                       "--rebuild-index, or Rebuild the Search Index in the window’s menu.\n"));
  return TRUE;
}

static void
report_comparisons (HeedCheckState *state,
                    gint64          last_id)
{
  g_autofree char *here = g_canonicalize_filename (state->store->path, NULL);
  guint matched = 0, set_aside = 0;
  Anchor *newest = NULL;

  for (guint i = 0; i < state->older->len; i++)
    {
      OlderTrail *older = g_ptr_array_index (state->older, i);

      if (older->differs_at == 0 && !older->done)
        older->differs_at = older->id;  /* the older copy goes on beyond this trail's end */
      if (older->differs_at == 0)
        g_string_append_printf (state->report,
                                _("Compared with %s: this trail begins with its %lld audit "
                                  "entries, unchanged.\n"),
                                older->label, (long long) older->entries);
      else
        note (state,
              _("Compared with %s: this trail differs from it at entry %lld, so it does not "
                "extend that copy unchanged (entries were altered, removed or rewritten since "
                "the copy was made).\n"),
              older->label, (long long) older->differs_at);
    }

  if (state->anchor_log == NULL)
    return;
  for (guint i = 0; i < state->anchors->len; i++)
    {
      Anchor *anchor = g_ptr_array_index (state->anchors, i);

      if (anchor->entry > last_id && g_hash_table_contains (state->anchors_by_entry,
                                                            &anchor->entry))
        {
          /* Only the practice at its own place must have all that was anchored there: a copy
           * elsewhere may well be older than the file it was copied from. */
          if (state->is_practice && g_strcmp0 (anchor->path, here) == 0)
            note (state,
                  _("The anchor log recorded audit entry %lld on %s for %s, but this file’s "
                    "trail ends at entry %lld: its newest entries were removed, or an older "
                    "copy was put in place outside Heed.\n"),
                  (long long) anchor->entry, anchor->at, anchor->path, (long long) last_id);
          else
            set_aside++;
          continue;
        }
      if (!g_hash_table_contains (state->anchors_by_entry, &anchor->entry))
        {
          set_aside++;
          continue;
        }
      matched++;
      if (newest == NULL || anchor->entry >= newest->entry)
        newest = anchor;
    }
  if (state->anchors->len == 0)
    g_string_append_printf (state->report,
                            _("The anchor log (%s) holds nothing for this practice yet, so "
                              "there was nothing outside the file to compare the trail "
                              "with.\n"),
                            state->anchor_log);
  else if (newest != NULL)
    g_string_append_printf (state->report,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Compared with the anchor log (%s): %u anchor of "
                                         "this practice, the newest at entry %lld from %s.\n",
                                         "Compared with the anchor log (%s): %u anchors of "
                                         "this practice, the newest at entry %lld from %s.\n",
                                         matched),
                            state->anchor_log, matched, (long long) newest->entry, newest->at);
  if (set_aside > 0)
    g_string_append_printf (state->report,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u anchor was set aside: it is beyond a restored "
                                         "backup, or beyond the end of this copy, which is "
                                         "older than the file it was anchored for.\n",
                                         "%u anchors were set aside: they are beyond a "
                                         "restored backup, or beyond the end of this copy, "
                                         "which is older than the file they were anchored "
                                         "for.\n",
                                         set_aside),
                            set_aside);
}

gboolean
_heed_check_state_finish (HeedCheckState  *state,
                          gint64           last_id,
                          guint           *problems,
                          GError         **error)
{
  /* A copy an earlier Heed made, read as it is: its trail did not cover these yet. */
  if (state->store->schema_version < 5)
    {
      g_string_append_printf (state->report,
                              _("This file was written by an earlier Heed (file version %d): "
                                "its trail does not yet cover the settings, risk matrix, "
                                "categories, records of destroyed cases, reference counters or "
                                "the PDFs of sent letters.\n"),
                              state->store->schema_version);
      if (!check_search_index (state, error))
        return FALSE;
      report_comparisons (state, last_id);
      *problems += state->problems;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (keyed_tables); i++)
    if (!check_keyed_table (state, &keyed_tables[i], error))
      return FALSE;
  if (!check_counters (state, error) || !check_letter_pdfs (state, error)
      || !check_search_index (state, error))
    return FALSE;
  report_comparisons (state, last_id);
  *problems += state->problems;
  return TRUE;
}

/* The search index, made again from the cases: what a damaged or tampered index needs. */
gboolean
heed_store_rebuild_search_index (HeedStore  *self,
                                 GError    **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);

  if (!_heed_store_check_writable (self, error) || !heed_store_begin (self, error))
    return FALSE;
  /* On a server the index's rows are made again by the function its triggers use. */
  if (_heed_store_is_server (self))
    {
      if (!_heed_store_exec (self, "DELETE FROM case_search", error)
          || !_heed_store_exec (self,
                                "INSERT INTO case_search (case_id, document) "
                                "SELECT c.id, public.case_search_vector (c) FROM cases c "
                                "ORDER BY c.id",
                                error)
          || !_heed_store_audit (self, "rebuild", "case_search", 0, "made again from the cases",
                                 error))
        goto failed;
      return heed_store_commit (self, error);
    }
  /* Dropped and made anew, so that not only its rows but its own structure is sound. */
  if (!_heed_store_exec (self, "DROP TABLE case_search", error)
      || !_heed_store_exec (self,
                            "CREATE VIRTUAL TABLE case_search USING fts5 ("
                            "reference, summary, body, names, "
                            "tokenize = 'unicode61 remove_diacritics 2')",
                            error)
      || !_heed_store_exec (self,
                            "INSERT INTO case_search (rowid, reference, summary, body, names) "
                            "SELECT c.id, c.reference, c.summary, "
                            "coalesce (c.description, '') || ' ' || coalesce (c.how_affected, '') "
                            "|| ' ' || coalesce (c.outcome_wanted, '') || ' ' "
                            "|| coalesce (c.people_involved, '') || ' ' "
                            "|| coalesce (c.lessons, ''), "
                            "(SELECT group_concat (trim (coalesce (first_name, '') || ' ' "
                            "|| coalesce (last_name, '') || ' ' || coalesce (known_as, '')), ' ') "
                            "FROM people WHERE id IN (c.complainant, c.affected)) "
                            "FROM cases c ORDER BY c.id",
                            error)
      || !_heed_store_audit (self, "rebuild", "case_search", 0, "made again from the cases",
                             error))
    goto failed;
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}
