/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-deadlines.h"
#include "heed-store-private.h"
#include "heed-validate.h"

/* Lists of cases: what the case list, heed-cli list and the reports read. Rows stream from
 * a file one at a time, so 100,000 cases cost no more memory than ten. */

#define CASE_ROW_COLUMNS \
  "c.id, c.reference, c.kind, c.channel, c.status, c.received_at, " \
  "CASE WHEN c.anonymous THEN NULL ELSE nullif (trim (coalesce (p.title, '') || ' ' || " \
  "coalesce (p.first_name, '') || ' ' || coalesce (p.last_name, '')), '') END, " \
  "c.summary, coalesce (c.seriousness_after, c.seriousness), " \
  "coalesce (c.likelihood_after, c.likelihood), r.risk, c.subject, c.acknowledged_on, " \
  "c.agreed_response_date, c.responded_on, c.closed_on, c.stage2_on, c.track, c.extended, " \
  "c.consent_status = 'requested' "

#define CASE_ROW_FROM \
  "FROM cases c LEFT JOIN people p ON p.id = c.complainant " \
  "LEFT JOIN risk_matrix r ON r.seriousness = coalesce (c.seriousness_after, c.seriousness) " \
  "AND r.likelihood = coalesce (c.likelihood_after, c.likelihood) "

#define CASE_FILTER "WHERE " CASE_FILTER_TERMS
/* A parameter tested only for NULL is cast, so that PostgreSQL knows its type. */
#define CASE_FILTER_TERMS \
  "(CAST (:kind AS TEXT) IS NULL OR c.kind = :kind) " \
  "AND (CAST (:status AS TEXT) IS NULL OR c.status = :status) " \
  "AND (CAST (:subject AS TEXT) IS NULL OR c.subject = :subject) " \
  "AND (CAST (:from AS TEXT) IS NULL OR c.received_at >= :from) " \
  "AND (CAST (:before AS TEXT) IS NULL OR c.received_at < :before) " \
  "AND (:view = 0 " \
  "     OR (:view IN (1, 4) AND c.status NOT IN ('closed', 'withdrawn', 'out-of-scope')) " \
  "     OR (:view = 2 AND c.status IN ('closed', 'withdrawn', 'out-of-scope')) " \
  "     OR (:view = 3 AND c.kind = 'compliment')) " \
  "AND (CAST (:fts AS TEXT) IS NULL OR CAST (:fts AS TEXT) IS NOT NULL) "

/* With words to find, the search index leads: it names the few matching cases, rather than
 * every case being read and tested against it. */
#define CASE_SEARCH_FROM(search_id) \
  "FROM case_search s JOIN cases c ON c.id = " search_id " " \
  "LEFT JOIN people p ON p.id = c.complainant " \
  "LEFT JOIN risk_matrix r ON r.seriousness = coalesce (c.seriousness_after, c.seriousness) " \
  "AND r.likelihood = coalesce (c.likelihood_after, c.likelihood) "

/* The search index: FTS5 on a file, a tsvector with its GIN index on a server; the words to
 * find are bound as :fts, built for each by heed_case_query_dup_fts() / _dup_tsquery(). */
#define FILE_SEARCH_ID "s.rowid"
#define FILE_MATCH "AND case_search MATCH :fts "
#define SERVER_SEARCH_ID "s.case_id"
#define SERVER_MATCH "AND s.document @@ to_tsquery ('public.heed_search', :fts) "

static const char rows_newest_sql[] =
  "SELECT " CASE_ROW_COLUMNS CASE_ROW_FROM CASE_FILTER "ORDER BY c.received_at DESC, c.id DESC";
static const char rows_oldest_sql[] =
  "SELECT " CASE_ROW_COLUMNS CASE_ROW_FROM CASE_FILTER "ORDER BY c.received_at, c.id";
static const char one_row_sql[] =
  "SELECT " CASE_ROW_COLUMNS CASE_ROW_FROM "WHERE c.id = :id";
static const char count_sql[] =
  "SELECT count(*) FROM cases c " CASE_FILTER;
static const char *const search_newest_sql[2] = {
  "SELECT " CASE_ROW_COLUMNS CASE_SEARCH_FROM (FILE_SEARCH_ID) CASE_FILTER FILE_MATCH
    "ORDER BY c.received_at DESC, c.id DESC",
  "SELECT " CASE_ROW_COLUMNS CASE_SEARCH_FROM (SERVER_SEARCH_ID) CASE_FILTER SERVER_MATCH
    "ORDER BY c.received_at DESC, c.id DESC",
};
static const char *const search_oldest_sql[2] = {
  "SELECT " CASE_ROW_COLUMNS CASE_SEARCH_FROM (FILE_SEARCH_ID) CASE_FILTER FILE_MATCH
    "ORDER BY c.received_at, c.id",
  "SELECT " CASE_ROW_COLUMNS CASE_SEARCH_FROM (SERVER_SEARCH_ID) CASE_FILTER SERVER_MATCH
    "ORDER BY c.received_at, c.id",
};
/* Only the ids, for lists that need no row to decide (every view but Needs Attention, in
 * received order): a quarter of the time at 100,000 cases. */
static const char ids_newest_sql[] =
  "SELECT c.id FROM cases c " CASE_FILTER "ORDER BY c.received_at DESC, c.id DESC";
static const char ids_oldest_sql[] =
  "SELECT c.id FROM cases c " CASE_FILTER "ORDER BY c.received_at, c.id";
static const char *const search_ids_newest_sql[2] = {
  "SELECT c.id FROM case_search s JOIN cases c ON c.id = " FILE_SEARCH_ID " " CASE_FILTER
    FILE_MATCH "ORDER BY c.received_at DESC, c.id DESC",
  "SELECT c.id FROM case_search s JOIN cases c ON c.id = " SERVER_SEARCH_ID " " CASE_FILTER
    SERVER_MATCH "ORDER BY c.received_at DESC, c.id DESC",
};
static const char *const search_ids_oldest_sql[2] = {
  "SELECT c.id FROM case_search s JOIN cases c ON c.id = " FILE_SEARCH_ID " " CASE_FILTER
    FILE_MATCH "ORDER BY c.received_at, c.id",
  "SELECT c.id FROM case_search s JOIN cases c ON c.id = " SERVER_SEARCH_ID " " CASE_FILTER
    SERVER_MATCH "ORDER BY c.received_at, c.id",
};
/* Needs Attention decides from each open case's dates alone: no names, no risk. The first
 * term, written as the open-cases index (migration 4) is, lets SQLite read only that. */
static const char attention_facts_sql[] =
  "SELECT c.id, c.kind, c.status, c.track, c.received_at, c.acknowledged_on, "
  "c.agreed_response_date, c.responded_on, c.closed_on, c.stage2_on, c.extended "
  "FROM cases c WHERE c.status NOT IN ('closed', 'withdrawn', 'out-of-scope') "
  "AND " CASE_FILTER_TERMS "ORDER BY c.received_at DESC, c.id DESC";
static const char *const search_count_sql[2] = {
  "SELECT count(*) FROM case_search s JOIN cases c ON c.id = " FILE_SEARCH_ID " " CASE_FILTER
    FILE_MATCH,
  "SELECT count(*) FROM case_search s JOIN cases c ON c.id = " SERVER_SEARCH_ID " " CASE_FILTER
    SERVER_MATCH,
};

G_STATIC_ASSERT (HEED_CASE_VIEW_ALL == 0 && HEED_CASE_VIEW_OPEN == 1
                 && HEED_CASE_VIEW_CLOSED == 2 && HEED_CASE_VIEW_COMPLIMENTS == 3
                 && HEED_CASE_VIEW_ATTENTION == 4);

static HeedCaseRow *
row_from_statement (HeedDbStatement *stmt)
{
  HeedCaseRow *row = g_new0 (HeedCaseRow, 1);

  row->id = heed_db_statement_column_int64 (stmt, 0);
  row->reference = heed_db_statement_dup_column_text (stmt, 1);
  row->kind = heed_db_statement_dup_column_text (stmt, 2);
  row->channel = heed_db_statement_dup_column_text (stmt, 3);
  row->status = heed_db_statement_dup_column_text (stmt, 4);
  row->received = heed_db_statement_dup_column_text (stmt, 5);
  row->name = heed_db_statement_dup_column_text (stmt, 6);
  row->summary = heed_db_statement_dup_column_text (stmt, 7);
  row->seriousness = heed_db_statement_dup_column_text (stmt, 8);
  row->likelihood = heed_db_statement_dup_column_text (stmt, 9);
  row->risk = heed_db_statement_dup_column_text (stmt, 10);
  row->subject = heed_db_statement_dup_column_text (stmt, 11);
  row->acknowledged_on = heed_db_statement_dup_column_text (stmt, 12);
  row->agreed_response_date = heed_db_statement_dup_column_text (stmt, 13);
  row->responded_on = heed_db_statement_dup_column_text (stmt, 14);
  row->closed_on = heed_db_statement_dup_column_text (stmt, 15);
  row->stage2_on = heed_db_statement_dup_column_text (stmt, 16);
  row->track = heed_db_statement_dup_column_text (stmt, 17);
  row->extended = heed_db_statement_column_int64 (stmt, 18) != 0;
  row->awaiting_consent = heed_db_statement_column_int64 (stmt, 19) != 0;
  return row;
}

void
heed_case_row_get_facts (const HeedCaseRow *row,
                         HeedDeadlineFacts *facts)
{
  memset (facts, 0, sizeof *facts);
  facts->kind = row->kind;
  facts->status = row->status;
  facts->track = row->track;
  facts->received = row->received;
  facts->acknowledged_on = row->acknowledged_on;
  facts->agreed_response_date = row->agreed_response_date;
  facts->responded_on = row->responded_on;
  facts->closed_on = row->closed_on;
  facts->stage2_on = row->stage2_on;
  facts->extended = row->extended;
}

/* Open feedback needs attention when it is still a draft (a phone log to complete) or a
 * deadline falls within the next five working days or has passed. */
gboolean
heed_case_row_needs_attention (const HeedCaseRow *row,
                               HeedCalendar      *calendar,
                               const GDate       *today)
{
  g_autoptr(GArray) deadlines = NULL;
  const HeedDeadline *next;
  HeedDeadlineFacts facts;

  if (!heed_case_status_is_open (row->status))
    return FALSE;
  if (heed_case_status_from_id (row->status) == HEED_STATUS_DRAFT)
    return TRUE;
  heed_case_row_get_facts (row, &facts);
  deadlines = heed_deadlines_compute (calendar, &facts, today);
  next = heed_deadlines_next (deadlines);
  return next != NULL && next->working_days <= 5;
}

static gboolean
has_search (HeedCaseQuery *query)
{
  g_autofree char *fts = heed_case_query_dup_fts (query->search);

  return fts != NULL;
}

/* The engine's own text of a search statement. */
static const char *
search_sql (HeedStore         *self,
            const char *const  sql[2])
{
  return sql[_heed_store_is_server (self) ? 1 : 0];
}

static HeedDbStatement *
prepare_query (HeedStore      *self,
               const char     *sql,
               HeedCaseQuery  *query,
               GError        **error)
{
  HeedDbStatement *stmt;
  g_autofree char *fts = NULL;
  g_autofree char *from = NULL;
  g_autofree char *before = NULL;

  stmt = _heed_store_query (self, sql, error);
  if (stmt == NULL)
    return NULL;

  fts = _heed_store_is_server (self) ? heed_case_query_dup_tsquery (query->search)
                                     : heed_case_query_dup_fts (query->search);
  if (g_date_valid (&query->from))
    from = heed_format_date_iso (&query->from);
  if (g_date_valid (&query->to))
    {
      GDate next = query->to;

      g_date_add_days (&next, 1);
      before = heed_format_date_iso (&next);
    }
  heed_db_statement_bind_text (stmt, ":kind", query->kind);
  heed_db_statement_bind_text (stmt, ":status", query->status);
  heed_db_statement_bind_text (stmt, ":subject", query->subject);
  heed_db_statement_bind_text (stmt, ":from", from);
  heed_db_statement_bind_text (stmt, ":before", before);
  heed_db_statement_bind_int64 (stmt, ":view", query->view);
  heed_db_statement_bind_text (stmt, ":fts", fts);
  return stmt;
}

gboolean
heed_store_foreach_case_row (HeedStore        *self,
                             HeedCaseQuery    *query,
                             HeedCaseRowFunc   func,
                             gpointer          user_data,
                             GError          **error)
{
  g_autoptr(HeedCaseQuery) all = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;
  GDate today;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (query == NULL)
    query = all = heed_case_query_new ();
  if (heed_case_query_finds_nothing (query))
    return TRUE;
  _heed_store_today (&today);

  if (has_search (query))
    stmt = prepare_query (self, search_sql (self, query->newest_first ? search_newest_sql
                                                                      : search_oldest_sql),
                          query, error);
  else
    stmt = prepare_query (self, query->newest_first ? rows_newest_sql : rows_oldest_sql, query,
                          error);
  if (stmt == NULL)
    return FALSE;

  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      g_autoptr(HeedCaseRow) row = row_from_statement (stmt);

      if (row->id == query->hidden_id && row->id != 0)
        continue;
      if (query->view == HEED_CASE_VIEW_ATTENTION
          && !heed_case_row_needs_attention (row, self->calendar, &today))
        continue;
      if (!func (row, user_data))
        {
          step = HEED_DB_STEP_DONE;
          break;
        }
    }
  heed_db_statement_reset (stmt);
  return step != HEED_DB_STEP_ERROR;
}

static gboolean
collect_id (const HeedCaseRow *row,
            gpointer           user_data)
{
  g_array_append_val ((GArray *) user_data, row->id);
  return TRUE;
}

typedef struct {
  gint64  id;
  guint   order;   /* position in received order, for ties */
  gint64  number;  /* numeric key: rank, or the julian day of the next deadline */
  char   *text;    /* collation key */
} SortKey;

typedef struct {
  HeedStore    *store;
  HeedCaseSort  sort;
  GArray       *keys;
  GDate         today;
} SortCollector;

static int
rank_of (const char *const *ranks,
         const char        *value)
{
  for (int i = 0; value != NULL && ranks[i] != NULL; i++)
    if (strcmp (ranks[i], value) == 0)
      return i;
  return G_MAXINT;
}

static const char *
text_or_empty (const char *text)
{
  return text != NULL ? text : "";
}

static gboolean
collect_sort_key (const HeedCaseRow *row,
                  gpointer           user_data)
{
  static const char *const risks[] = { "low", "moderate", "high", "extreme", NULL };
  SortCollector *collector = user_data;
  SortKey key = { row->id, collector->keys->len, 0, NULL };

  switch (collector->sort)
    {
    case HEED_CASE_SORT_REFERENCE:
      key.text = g_utf8_collate_key_for_filename (text_or_empty (row->reference), -1);
      break;
    case HEED_CASE_SORT_NAME:
      /* Anonymous feedback sorts after every name. */
      key.number = row->name == NULL;
      key.text = g_utf8_collate_key (text_or_empty (row->name), -1);
      break;
    case HEED_CASE_SORT_SUMMARY:
      key.text = g_utf8_collate_key (text_or_empty (row->summary), -1);
      break;
    case HEED_CASE_SORT_KIND:
      key.text = g_utf8_collate_key (heed_case_kind_get_label (row->kind), -1);
      break;
    case HEED_CASE_SORT_STATUS:
      key.number = rank_of (heed_case_statuses, row->status);
      break;
    case HEED_CASE_SORT_RISK:
      key.number = rank_of (risks, row->risk);
      break;
    case HEED_CASE_SORT_NEXT_DEADLINE:
      {
        g_autoptr(GArray) deadlines = NULL;
        const HeedDeadline *next;
        HeedDeadlineFacts facts;

        heed_case_row_get_facts (row, &facts);
        deadlines = heed_deadlines_compute (collector->store->calendar, &facts,
                                            &collector->today);
        next = heed_deadlines_next (deadlines);
        key.number = next != NULL ? (gint64) g_date_get_julian (&next->due) : G_MAXINT;
      }
      break;
    case HEED_CASE_SORT_RECEIVED:
    default:
      break;
    }
  g_array_append_val (collector->keys, key);
  return TRUE;
}

static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const SortKey *x = a;
  const SortKey *y = b;
  gboolean descending = GPOINTER_TO_INT (user_data);
  int result;

  if (x->number != y->number)
    result = x->number < y->number ? -1 : 1;
  else
    result = g_strcmp0 (x->text, y->text);
  if (descending)
    result = -result;
  if (result == 0)
    result = x->order < y->order ? -1 : x->order > y->order;
  return result;
}

static void
sort_key_clear (gpointer data)
{
  g_free (((SortKey *) data)->text);
}

GArray *
heed_store_query_case_ids (HeedStore      *self,
                           HeedCaseQuery  *query,
                           GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) keys = NULL;
  SortCollector collector;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (heed_case_query_finds_nothing (query))
    return g_steal_pointer (&ids);
  if (query != NULL && query->sort == HEED_CASE_SORT_RECEIVED
      && query->view != HEED_CASE_VIEW_ATTENTION)
    {
      g_autoptr(HeedDbStatement) stmt = NULL;
      const char *sql;
      HeedDbStep step;

      if (has_search (query))
        sql = search_sql (self, query->newest_first ? search_ids_newest_sql
                                                    : search_ids_oldest_sql);
      else
        sql = query->newest_first ? ids_newest_sql : ids_oldest_sql;
      stmt = prepare_query (self, sql, query, error);
      if (stmt == NULL)
        return NULL;
      while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
        {
          gint64 id = heed_db_statement_column_int64 (stmt, 0);

          if (id != query->hidden_id)
            g_array_append_val (ids, id);
        }
      heed_db_statement_reset (stmt);
      if (step == HEED_DB_STEP_ERROR)
        return NULL;
      return g_steal_pointer (&ids);
    }
  if (query != NULL && query->sort == HEED_CASE_SORT_RECEIVED && query->newest_first
      && query->view == HEED_CASE_VIEW_ATTENTION && !has_search (query))
    {
      g_autoptr(HeedDbStatement) stmt = prepare_query (self, attention_facts_sql, query, error);
      HeedDbStep step;
      GDate today;

      if (stmt == NULL)
        return NULL;
      _heed_store_today (&today);
      while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
        {
          HeedCaseRow row = { 0 };
          gint64 id = heed_db_statement_column_int64 (stmt, 0);

          /* The row's text stays the statement's until the next step: nothing is copied. */
          row.id = id;
          row.kind = (char *) heed_db_statement_column_text (stmt, 1);
          row.status = (char *) heed_db_statement_column_text (stmt, 2);
          row.track = (char *) heed_db_statement_column_text (stmt, 3);
          row.received = (char *) heed_db_statement_column_text (stmt, 4);
          row.acknowledged_on = (char *) heed_db_statement_column_text (stmt, 5);
          row.agreed_response_date = (char *) heed_db_statement_column_text (stmt, 6);
          row.responded_on = (char *) heed_db_statement_column_text (stmt, 7);
          row.closed_on = (char *) heed_db_statement_column_text (stmt, 8);
          row.stage2_on = (char *) heed_db_statement_column_text (stmt, 9);
          row.extended = heed_db_statement_column_int64 (stmt, 10) != 0;
          if (id != query->hidden_id
              && heed_case_row_needs_attention (&row, self->calendar, &today))
            g_array_append_val (ids, id);
        }
      heed_db_statement_reset (stmt);
      if (step == HEED_DB_STEP_ERROR)
        return NULL;
      return g_steal_pointer (&ids);
    }
  if (query == NULL || query->sort == HEED_CASE_SORT_RECEIVED)
    {
      /* Needs Attention decides from each row; the SQL's order, newest_first says which way. */
      if (!heed_store_foreach_case_row (self, query, collect_id, ids, error))
        return NULL;
      return g_steal_pointer (&ids);
    }

  keys = g_array_new (FALSE, FALSE, sizeof (SortKey));
  g_array_set_clear_func (keys, sort_key_clear);
  collector.store = self;
  collector.sort = query->sort;
  collector.keys = keys;
  _heed_store_today (&collector.today);
  if (!heed_store_foreach_case_row (self, query, collect_sort_key, &collector, error))
    return NULL;
  g_array_sort_with_data (keys, compare_sort_keys, GINT_TO_POINTER (query->descending));
  g_array_set_size (ids, keys->len);
  for (guint i = 0; i < keys->len; i++)
    g_array_index (ids, gint64, i) = g_array_index (keys, SortKey, i).id;
  return g_steal_pointer (&ids);
}

HeedCaseRow *
heed_store_load_case_row (HeedStore  *self,
                          gint64      id,
                          GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedCaseRow *row = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self, one_row_sql, error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_int64 (stmt, ":id", id);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ROW)
    row = row_from_statement (stmt);
  heed_db_statement_reset (stmt);
  if (step == HEED_DB_STEP_DONE)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                 _("There is no such case."));
  return row;
}

static gboolean
count_row (const HeedCaseRow *row,
           gpointer           user_data)
{
  (*(gint64 *) user_data)++;
  return TRUE;
}

char *
heed_store_dup_first_received (HeedStore  *self,
                               GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  char *first = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  stmt = _heed_store_query (self,
                            "SELECT min (received_at) FROM cases WHERE status != 'draft'",
                            error);
  if (stmt == NULL)
    return NULL;
  if (heed_db_statement_step (stmt, error) == HEED_DB_STEP_ROW)
    first = heed_db_statement_dup_column_text (stmt, 0);
  heed_db_statement_reset (stmt);
  return first;
}

gint64
heed_store_count_cases (HeedStore      *self,
                        HeedCaseQuery  *query,
                        GError        **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  gint64 count = -1;

  g_return_val_if_fail (HEED_IS_STORE (self), -1);

  if (heed_case_query_finds_nothing (query))
    return 0;
  if (query == NULL)
    {
      /* Every case: SQLite counts the smallest index, not the filter's every row. */
      stmt = _heed_store_query (self, "SELECT count(*) FROM cases", error);
      if (stmt == NULL)
        return -1;
      if (heed_db_statement_step (stmt, error) == HEED_DB_STEP_ROW)
        count = heed_db_statement_column_int64 (stmt, 0);
      heed_db_statement_reset (stmt);
      return count;
    }
  if (query->view == HEED_CASE_VIEW_ATTENTION || query->hidden_id > 0)
    {
      count = 0;
      return heed_store_foreach_case_row (self, query, count_row, &count, error) ? count : -1;
    }

  stmt = prepare_query (self, has_search (query) ? search_sql (self, search_count_sql) : count_sql,
                        query, error);
  if (stmt == NULL)
    return -1;
  if (heed_db_statement_step (stmt, error) == HEED_DB_STEP_ROW)
    count = heed_db_statement_column_int64 (stmt, 0);
  heed_db_statement_reset (stmt);
  return count;
}
