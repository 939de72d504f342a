/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-action.h"
#include "heed-case-element.h"
#include "heed-event.h"
#include "heed-letter.h"
#include "heed-person.h"
#include "heed-restriction.h"
#include "heed-staff.h"
#include "heed-store-exchange.h"
#include "heed-store-private.h"
#include "heed-survey-response.h"
#include "heed-template.h"

/* The audit trail: one row per change, each row's hash covering the row before it, so that
 * a row altered or taken out of the middle breaks the chain. Each row also carries a digest of
 * the record as saved, so a record changed behind Heed's back no longer matches. */

static char *
compute_hash (const char *prev_hash,
              const char *at,
              const char *os_user,
              const char *staff,
              const char *action,
              const char *table,
              gint64      row_id,
              const char *detail)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);
  const char *parts[] = { prev_hash, at, os_user, staff, action, table, row, detail };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *part = parts[i] != NULL ? parts[i] : "";

      g_checksum_update (checksum, (const guchar *) part, -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
_heed_store_load_last_hash (HeedStore  *self,
                            GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  stmt = _heed_store_query (self, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  step = heed_db_statement_step (stmt, error);
  g_free (self->last_hash);
  self->last_hash = step == HEED_DB_STEP_ROW ? heed_db_statement_dup_column_text (stmt, 0)
                                             : g_strdup ("");
  heed_db_statement_reset (stmt);
  return step != HEED_DB_STEP_ERROR;
}

gboolean
_heed_store_audit (HeedStore   *self,
                   const char  *action,
                   const char  *table,
                   gint64       row_id,
                   const char  *detail,
                   GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *at = g_date_time_format_iso8601 (now);
  g_autofree char *hash = NULL;
  const char *os_user = heed_store_get_account (self);
  g_autoptr(HeedDbStatement) stmt = NULL;

  /* On a server other seats append too: this transaction becomes the trail's only writer
   * and reads the chain's head under that lock, so two appends never share one head. (A
   * file's write transaction already is the only writer.) Taken at each append, since a
   * savepoint rolled back gives its locks back. */
  if (_heed_store_is_server (self)
      && (!heed_db_lock_trail (self->conn, error) || !_heed_store_load_last_hash (self, error)))
    return FALSE;
  hash = compute_hash (self->last_hash, at, os_user, self->staff_name, action, table, row_id,
                       detail);
  stmt = _heed_store_query (self,
                            "INSERT INTO audit (at, os_user, staff, action, tbl, row_id, detail,"
                            " prev_hash, hash) VALUES (:at, :user, :staff, :action, :tbl, :row,"
                            " :detail, :prev, :hash)",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "at", at);
  heed_db_statement_bind_text (stmt, "user", os_user);
  heed_db_statement_bind_text (stmt, "staff", self->staff_name);
  heed_db_statement_bind_text (stmt, "action", action);
  heed_db_statement_bind_text (stmt, "tbl", table);
  heed_db_statement_bind_int64 (stmt, "row", row_id);
  heed_db_statement_bind_text (stmt, "detail", detail);
  heed_db_statement_bind_text (stmt, "prev", self->last_hash);
  heed_db_statement_bind_text (stmt, "hash", hash);
  if (!_heed_store_run (stmt, error))
    return FALSE;
  g_free (self->last_hash);
  self->last_hash = g_steal_pointer (&hash);
  return TRUE;
}

typedef struct {
  GHashTable     *expected;  /* row id -> content digest the trail last recorded */
  GString        *report;
  const char     *table;
  guint           problems;
  HeedCheckState *state;
} ContentCheck;

/* Which case a record belongs to, to name it beside the row: ": case C-2025-041." */
static void
end_with_case (ContentCheck *check,
               HeedRecord   *record)
{
  int field = heed_record_find_field (record, "case");
  const char *reference = NULL;

  if (HEED_IS_CASE (record))
    reference = heed_record_get_text (record, HEED_CASE_REFERENCE);
  else if (field >= 0 && heed_record_is_set (record, (guint) field))
    reference = _heed_check_state_case_reference (check->state,
                                                  heed_record_get_int (record, (guint) field));
  if (reference != NULL && check->report->len > 2
      && check->report->str[check->report->len - 2] == '.')
    {
      g_string_truncate (check->report, check->report->len - 2);
      /* TRANSLATORS: ends a line of the check that names a row, with the case it is part of */
      g_string_append_printf (check->report, _(": case %s.\n"), reference);
    }
}

static void
check_record (HeedRecord *record,
              gpointer    user_data)
{
  ContentCheck *check = user_data;
  gint64 id = heed_record_get_id (record);
  const char *expected;
  g_autofree char *actual = NULL;

  if (HEED_IS_CASE (record))
    _heed_check_state_case (check->state, id, heed_record_get_text (record, HEED_CASE_REFERENCE));
  expected = g_hash_table_lookup (check->expected, &id);
  if (expected == NULL)
    {
      if (check->problems++ < 20)
        {
          g_string_append_printf (check->report,
                                  _("Row %lld of %s was added outside Heed "
                                    "(it is not in the audit trail).\n"),
                                  (long long) id, check->table);
          end_with_case (check, record);
        }
      return;
    }
  actual = heed_record_dup_content_hash (record);
  if (strcmp (actual, expected) != 0 && check->problems++ < 20)
    {
      g_string_append_printf (check->report,
                              _("Row %lld of %s was changed outside Heed "
                                "(it differs from what the audit trail recorded).\n"),
                              (long long) id, check->table);
      end_with_case (check, record);
    }
  g_hash_table_remove (check->expected, &id);
}

/* ": case C-2025-041." at the end of the line just written, when the case is known. */
static void
name_case (HeedCheckState *state,
           GString        *report,
           gint64          case_id)
{
  const char *reference = _heed_check_state_case_reference (state, case_id);

  if (reference != NULL && report->len > 2 && report->str[report->len - 2] == '.')
    {
      g_string_truncate (report, report->len - 2);
      g_string_append_printf (report, _(": case %s.\n"), reference);
    }
}

/* Keeps what the audit trail says each row should hold, as the trail is read: a row's digest
 * by its table and id, or nothing once it was deleted or destroyed. */
static void
expect_row (GHashTable *expected_by_table,
            const char *table,
            gint64      row,
            const char *action,
            const char *detail)
{
  const char *bar = detail != NULL ? strchr (detail, '|') : NULL;
  GHashTable *expected;

  if (table == NULL)
    return;
  expected = g_hash_table_lookup (expected_by_table, table);
  if (expected == NULL)
    {
      expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (expected_by_table, g_strdup (table), expected);
    }
  if (g_strcmp0 (action, "delete") == 0 || g_strcmp0 (action, "destroy") == 0)
    g_hash_table_remove (expected, &row);
  else if (strcmp (table, "attachments") == 0 && detail != NULL)
    /* A document's entry holds the SHA-256 of its bytes (and "|imported" after it when it
     * came in an import). */
    g_hash_table_insert (expected, g_memdup2 (&row, sizeof row),
                         bar != NULL ? g_strndup (detail, bar - detail) : g_strdup (detail));
  else if (bar != NULL)
    g_hash_table_insert (expected, g_memdup2 (&row, sizeof row), g_strndup (detail, bar - detail));
}

static gboolean
check_table_contents (HeedStore       *self,
                      HeedCheckState  *state,
                      GType            type,
                      GHashTable      *expected_by_table,
                      GString         *report,
                      guint           *problems,
                      GError         **error)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  ContentCheck check = { 0 };
  GHashTableIter iter;
  gpointer key;

  check.table = HEED_RECORD_CLASS (klass)->table;
  check.report = report;
  check.state = state;
  check.expected = g_hash_table_lookup (expected_by_table, check.table);
  if (check.expected == NULL)
    {
      check.expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (expected_by_table, g_strdup (check.table), check.expected);
    }

  if (!_heed_store_foreach_record (self, type, check_record, &check, error))
    return FALSE;

  g_hash_table_iter_init (&iter, check.expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      /* Cases deleted with their children leave the children's rows in the trail. */
      if (check.problems++ < 20)
        g_string_append_printf (report,
                                _("Row %lld of %s was removed outside Heed.\n"),
                                (long long) *(gint64 *) key, check.table);
    }
  *problems += check.problems;
  return TRUE;
}

/* How the trail names one member of staff involved in one case. */
char *
_heed_store_case_staff_digest (gint64 case_id,
                               gint64 staff_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *pair = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, case_id,
                                           staff_id);

  g_checksum_update (checksum, (const guchar *) pair, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  return g_strdup (g_checksum_get_string (checksum));
}

/* Keeps who the trail says was involved in each case, as the trail is read: the window writes
 * the whole list ("staff", "3,7"), an import one member at a time ("add", a digest). */
static void
expect_staff (GHashTable *expected,
              const char *table,
              gint64      row,
              const char *action,
              const char *detail)
{
  GHashTable *members;

  if (g_strcmp0 (table, "cases") == 0
      && (g_strcmp0 (action, "delete") == 0 || g_strcmp0 (action, "destroy") == 0))
    {
      g_hash_table_remove (expected, &row);
      return;
    }
  if (g_strcmp0 (table, "case_staff") != 0)
    return;
  members = g_hash_table_lookup (expected, &row);
  if (members == NULL || g_strcmp0 (action, "staff") == 0)
    {
      members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (expected, g_memdup2 (&row, sizeof row), members);
    }
  if (g_strcmp0 (action, "staff") == 0)
    {
      g_auto(GStrv) ids = g_strsplit (detail != NULL ? detail : "", ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        if (ids[i][0] != '\0')
          g_hash_table_add (members,
                            _heed_store_case_staff_digest (row, g_ascii_strtoll (ids[i], NULL,
                                                                                  10)));
    }
  else if (g_strcmp0 (action, "add") == 0 && detail != NULL)
    {
      const char *bar = strchr (detail, '|');

      g_hash_table_add (members, bar != NULL ? g_strndup (detail, bar - detail)
                                             : g_strdup (detail));
    }
}

/* Who was involved in each case must be who the trail says: a name added or taken away behind
 * Heed's back changes whom the practice told and asked for an account. */
static gboolean
check_case_staff (HeedStore       *self,
                  HeedCheckState  *state,
                  GHashTable      *expected,
                  GString     *report,
                  guint       *problems,
                  GError     **error)
{
  g_autoptr(GHashTable) actual =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                           (GDestroyNotify) g_hash_table_unref);
  g_autoptr(HeedDbStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  guint found = 0;
  HeedDbStep step;

  stmt = _heed_store_query (self, "SELECT case_id, staff_id FROM case_staff", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      gint64 case_id = heed_db_statement_column_int64 (stmt, 0);
      GHashTable *members = g_hash_table_lookup (actual, &case_id);

      if (members == NULL)
        {
          members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (actual, g_memdup2 (&case_id, sizeof case_id), members);
        }
      g_hash_table_add (members,
                        _heed_store_case_staff_digest (case_id,
                                                       heed_db_statement_column_int64 (stmt, 1)));
    }
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;

  g_hash_table_iter_init (&iter, actual);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GHashTable *members = value;
      GHashTable *recorded = g_hash_table_lookup (expected, key);
      gboolean same = recorded != NULL
                      && g_hash_table_size (recorded) == g_hash_table_size (members);
      GHashTableIter each;
      gpointer digest;

      g_hash_table_iter_init (&each, members);
      while (same && g_hash_table_iter_next (&each, &digest, NULL))
        same = g_hash_table_contains (recorded, digest);
      if (same)
        continue;
      if (found++ >= 20)
        continue;
      if (recorded == NULL || g_hash_table_size (recorded) == 0)
        g_string_append_printf (report,
                                _("Row %lld of %s was added outside Heed "
                                  "(it is not in the audit trail).\n"),
                                (long long) *(gint64 *) key, "case_staff");
      else
        g_string_append_printf (report,
                                _("Row %lld of %s was changed outside Heed "
                                  "(it differs from what the audit trail recorded).\n"),
                                (long long) *(gint64 *) key, "case_staff");
      name_case (state, report, *(gint64 *) key);
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_size (value) > 0 && !g_hash_table_contains (actual, key) && found++ < 20)
      g_string_append_printf (report, _("Row %lld of %s was removed outside Heed.\n"),
                              (long long) *(gint64 *) key, "case_staff");
  *problems += found;
  return TRUE;
}

/* Documents kept with cases are evidence: each must be byte for byte what was added. */
static gboolean
check_attachments (HeedStore       *self,
                   HeedCheckState  *state,
                   GHashTable      *expected_by_table,
                   GString     *report,
                   guint       *problems,
                   GError     **error)
{
  GHashTable *expected = g_hash_table_lookup (expected_by_table, "attachments");
  g_autoptr(GHashTable) none = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(HeedDbStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer key;
  guint found = 0;
  HeedDbStep step;

  if (expected == NULL)
    expected = none;
  stmt = _heed_store_query (self, "SELECT id, data, \"case\" FROM attachments ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      gint64 id = heed_db_statement_column_int64 (stmt, 0);
      gsize size = 0;
      const void *data = heed_db_statement_column_blob (stmt, 1, &size);
      const char *digest = g_hash_table_lookup (expected, &id);
      g_autofree char *actual = NULL;

      if (digest == NULL)
        {
          if (found++ < 20)
            {
              g_string_append_printf (report,
                                      _("Row %lld of %s was added outside Heed "
                                        "(it is not in the audit trail).\n"),
                                      (long long) id, "attachments");
              name_case (state, report, heed_db_statement_column_int64 (stmt, 2));
            }
          continue;
        }
      actual = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data != NULL ? data
                                                                          : (gconstpointer) "",
                                            size);
      if (strcmp (actual, digest) != 0 && found++ < 20)
        {
          g_string_append_printf (report,
                                  _("Row %lld of %s was changed outside Heed "
                                    "(it differs from what the audit trail recorded).\n"),
                                  (long long) id, "attachments");
          name_case (state, report, heed_db_statement_column_int64 (stmt, 2));
        }
      g_hash_table_remove (expected, &id);
    }
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (found++ < 20)
      g_string_append_printf (report, _("Row %lld of %s was removed outside Heed.\n"),
                              (long long) *(gint64 *) key, "attachments");
  *problems += found;
  return TRUE;
}

gboolean
_heed_store_check_audit (HeedStore  *self,
                         GString    *report,
                         GError    **error)
{
  HeedCheckState *state = _heed_check_state_new (self, NULL, report, error);
  gboolean ok;

  if (state == NULL)
    return FALSE;
  ok = _heed_store_check_audit_with (self, state, report, error);
  _heed_check_state_free (state);
  return ok;
}

gboolean
_heed_store_check_audit_with (HeedStore       *self,
                              HeedCheckState  *state,
                              GString         *report,
                              GError         **error)
{
  const GType types[] = {
    HEED_TYPE_CASE, HEED_TYPE_PERSON, HEED_TYPE_STAFF, HEED_TYPE_EVENT, HEED_TYPE_CASE_ELEMENT,
    HEED_TYPE_ACTION, HEED_TYPE_LETTER, HEED_TYPE_TEMPLATE, HEED_TYPE_SURVEY_RESPONSE,
    HEED_TYPE_RESTRICTION,
  };
  g_autofree char *expected_prev = g_strdup ("");
  /* One reading of the trail serves both checks: at 100,000 cases it is the largest table. */
  g_autoptr(GHashTable) expected_by_table =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GHashTable) expected_staff =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                           (GDestroyNotify) g_hash_table_unref);
  g_autoptr(HeedDbStatement) stmt = NULL;
  /* In id order, a page at a time on a server (keyset paging keeps each result small); a
   * file reads it in one go. */
  gint64 page = _heed_store_is_server (self) ? 10000 : G_MAXINT64;
  guint problems = 0;
  gint64 rows = 0, last_id = 0, in_page;

  stmt = _heed_store_query (self,
                            "SELECT id, at, os_user, staff, action, tbl, row_id, detail, "
                            "prev_hash, hash FROM audit WHERE id > :after ORDER BY id "
                            "LIMIT :page",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_int64 (stmt, "page", page);
  do
    {
      HeedDbStep step;

      in_page = 0;
      heed_db_statement_bind_int64 (stmt, "after", last_id);
      while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
        {
          gint64 id = heed_db_statement_column_int64 (stmt, 0);
          const char *prev = heed_db_statement_column_text (stmt, 8);
          const char *hash = heed_db_statement_column_text (stmt, 9);
          const char *action = heed_db_statement_column_text (stmt, 4);
          const char *tbl = heed_db_statement_column_text (stmt, 5);
          gint64 row_id = heed_db_statement_column_int64 (stmt, 6);
          const char *detail = heed_db_statement_column_text (stmt, 7);
          g_autofree char *computed = NULL;

          rows++;
          in_page++;
          computed = compute_hash (prev, heed_db_statement_column_text (stmt, 1),
                                   heed_db_statement_column_text (stmt, 2),
                                   heed_db_statement_column_text (stmt, 3), action, tbl, row_id,
                                   detail);
          if (g_strcmp0 (prev, expected_prev) != 0)
            {
              if (problems++ < 20)
                g_string_append_printf (report,
                                        _("The audit trail is broken before entry %lld: "
                                          "an entry was removed or replaced.\n"),
                                        (long long) id);
            }
          if (g_strcmp0 (computed, hash) != 0)
            {
              if (problems++ < 20)
                g_string_append_printf (report, _("Audit entry %lld was altered.\n"),
                                        (long long) id);
            }
          expect_row (expected_by_table, tbl, row_id, action, detail);
          expect_staff (expected_staff, tbl, row_id, action, detail);
          _heed_check_state_entry (state, id, action, tbl, row_id, detail, hash);
          last_id = id;
          g_free (expected_prev);
          expected_prev = g_strdup (hash);
        }
      heed_db_statement_reset (stmt);
      if (step != HEED_DB_STEP_DONE)
        return FALSE;
    }
  while (in_page == page);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    if (!check_table_contents (self, state, types[i], expected_by_table, report, &problems,
                               error))
      return FALSE;
  if (!check_attachments (self, state, expected_by_table, report, &problems, error)
      || !check_case_staff (self, state, expected_staff, report, &problems, error)
      || !_heed_check_state_finish (state, last_id, &problems, error))
    return FALSE;

  if (problems == 0)
    g_string_append_printf (report,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Audit trail: %lld entry, unbroken, "
                                         "and every record matches it.\n",
                                         "Audit trail: %lld entries, unbroken, "
                                         "and every record matches them.\n",
                                         rows),
                            (long long) rows);
  return problems == 0;
}

gboolean
heed_store_check (HeedStore   *self,
                  GString     *report,
                  GError     **error)
{
  return heed_store_check_with (self, NULL, report, error);
}

/* SQLite's own checks of a practice file: its pages, and links between records (a file's
 * foreign keys are checked here, not only at each change). */
static gboolean
check_file_integrity (HeedStore  *self,
                      GString    *report,
                      gboolean   *integrity_ok,
                      GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(HeedDbStatement) keys = NULL;
  HeedDbStep step;

  stmt = _heed_store_query (self, "PRAGMA integrity_check(20)", error);
  if (stmt == NULL)
    return FALSE;
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      const char *line = heed_db_statement_column_text (stmt, 0);

      if (g_strcmp0 (line, "ok") == 0)
        g_string_append (report, _("Database integrity: ok.\n"));
      else
        {
          *integrity_ok = FALSE;
          g_string_append_printf (report, _("Database integrity: %s\n"), line);
        }
    }
  heed_db_statement_reset (stmt);
  if (step != HEED_DB_STEP_DONE)
    return FALSE;

  keys = _heed_store_query (self, "PRAGMA foreign_key_check", NULL);
  if (keys != NULL && heed_db_statement_step (keys, NULL) == HEED_DB_STEP_ROW)
    {
      *integrity_ok = FALSE;
      g_string_append_printf (report, _("A record in %s points to one that does not exist.\n"),
                              heed_db_statement_column_text (keys, 0));
    }
  if (keys != NULL)
    heed_db_statement_reset (keys);
  return TRUE;
}

static gboolean
check_in_transaction (HeedStore               *self,
                      const HeedCheckOptions  *options,
                      GString                 *report,
                      GError                 **error)
{
  HeedCheckState *state;
  gboolean integrity_ok = TRUE;
  gboolean audit_ok;

  if (_heed_store_is_server (self))
    {
      /* The server keeps its own pages whole, and its foreign keys are constraints it
       * enforces at every change: no record can point to one that does not exist. */
      g_string_append (report, _("Database integrity: ok (kept by the server; every link "
                                 "between records is enforced by it).\n"));
    }
  else if (!check_file_integrity (self, report, &integrity_ok, error))
    return FALSE;

  state = _heed_check_state_new (self, options, report, error);
  if (state == NULL)
    return FALSE;
  audit_ok = _heed_store_check_audit_with (self, state, report, error);
  _heed_check_state_free (state);
  if (!audit_ok)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      integrity_ok = FALSE;
    }
  return integrity_ok;
}

gboolean
heed_store_check_with (HeedStore               *self,
                       const HeedCheckOptions  *options,
                       GString                 *report,
                       GError                 **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  /* One read transaction: every table is read as it was at one moment (WAL keeps that moment
   * for this connection), so a change another Heed commits meanwhile — a record and its audit
   * entry together — is either wholly seen or not at all, never half. */
  if (!heed_store_begin_read (self, error))
    return FALSE;
  ok = check_in_transaction (self, options, report, &local_error);
  heed_store_end_read (self);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return ok;
}

char *
heed_store_find_clean_backup (HeedStore  *self,
                              const char *folder)
{
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (folder == NULL || folder[0] == '\0')
    return NULL;
  backups = heed_store_list_backups (self, folder, NULL);
  for (guint i = backups != NULL ? backups->len : 0; i-- > 0;)
    {
      const char *path = g_ptr_array_index (backups, i);
      g_autoptr(HeedStore) copy = heed_store_open (path, HEED_STORE_OPEN_READ_ONLY
                                                         | HEED_STORE_OPEN_ANY_VERSION, NULL);
      g_autoptr(GString) report = g_string_new (NULL);

      if (copy != NULL && heed_store_check (copy, report, NULL))
        return g_strdup (path);
    }
  return NULL;
}
