/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-store-figures.h"
#include "heed-store-private.h"

/* The rows the reports and timelines count, read here so that no SQL is outside the store. */

static const char *
text_at (HeedDbStatement *stmt, int column)
{
  return heed_db_statement_column_text (stmt, column);
}

static gboolean
flag_at (HeedDbStatement *stmt, int column)
{
  return heed_db_statement_column_int64 (stmt, column) != 0;
}

/* Steps @stmt to its end, handing each row to @row_func. */
static gboolean
step_all (HeedDbStatement *stmt,
          void (*row_func) (HeedDbStatement *stmt, gpointer data),
          gpointer data,
          GError **error)
{
  HeedDbStep step;

  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    row_func (stmt, data);
  return step == HEED_DB_STEP_DONE;
}

/* Drafts are not yet feedback; everything else received up to the end of the period counts
 * somewhere (open at the end, brought forward). */
static const char figures_case_sql[] =
  "SELECT c.id, c.kind, c.channel, c.status, c.track, c.received_at, c.acknowledged_on,"
  " c.agreed_response_date, c.responded_on, c.closed_on, c.stage2_on, c.extended,"
  " c.oral_resolved, c.outcome, c.ombudsman_referred, c.ombudsman_status,"
  " c.ombudsman_decision, c.ombudsman_decided, c.ombudsman_complied, c.general_importance,"
  " c.on_behalf, c.subject, c.publication_approved, c.in_report, c.you_said, c.we_did,"
  " c.lessons, p.date_of_birth, c.care, c.remedy_apology, c.remedy_explanation,"
  " c.remedy_action, c.remedy_financial"
  " FROM cases c LEFT JOIN people p ON p.id = CASE WHEN c.affected > 0 THEN c.affected"
  " ELSE c.complainant END"
  " WHERE c.status != 'draft' AND c.received_at < :end"
  /* A case that ended before the first day we look at cannot count, unless the Ombudsman
   * took it up later. */
  " AND (c.received_at >= :start OR coalesce (c.responded_on, c.closed_on) IS NULL"
  "      OR coalesce (c.responded_on, c.closed_on) >= :start OR c.ombudsman_referred >= :start"
  "      OR c.ombudsman_decided >= :start)"
  " ORDER BY c.received_at, c.id";

typedef struct {
  HeedFiguresCaseFunc func;
  gpointer            user_data;
} CaseVisit;

static void
visit_case (HeedDbStatement *stmt, gpointer data)
{
  CaseVisit      *visit = data;
  HeedFiguresCase row = {
    .id = heed_db_statement_column_int64 (stmt, 0),
    .kind = text_at (stmt, 1),
    .channel = text_at (stmt, 2),
    .status = text_at (stmt, 3),
    .track = text_at (stmt, 4),
    .received_at = text_at (stmt, 5),
    .acknowledged_on = text_at (stmt, 6),
    .agreed_response_date = text_at (stmt, 7),
    .responded_on = text_at (stmt, 8),
    .closed_on = text_at (stmt, 9),
    .stage2_on = text_at (stmt, 10),
    .extended = flag_at (stmt, 11),
    .oral_resolved = flag_at (stmt, 12),
    .outcome = text_at (stmt, 13),
    .ombudsman_referred = text_at (stmt, 14),
    .ombudsman_status = text_at (stmt, 15),
    .ombudsman_decision = text_at (stmt, 16),
    .ombudsman_decided = text_at (stmt, 17),
    .ombudsman_complied = text_at (stmt, 18),
    .general_importance = flag_at (stmt, 19),
    .on_behalf = flag_at (stmt, 20),
    .subject = text_at (stmt, 21),
    .publication_approved = flag_at (stmt, 22),
    .in_report = flag_at (stmt, 23),
    .you_said = text_at (stmt, 24),
    .we_did = text_at (stmt, 25),
    .lessons = text_at (stmt, 26),
    .date_of_birth = text_at (stmt, 27),
    .care = text_at (stmt, 28),
    .remedy_apology = flag_at (stmt, 29),
    .remedy_explanation = flag_at (stmt, 30),
    .remedy_action = flag_at (stmt, 31),
    .remedy_financial = heed_db_statement_column_int64 (stmt, 32),
  };

  visit->func (&row, visit->user_data);
}

gboolean
heed_store_foreach_figures_case (HeedStore          *self,
                                 const char         *start,
                                 const char         *end,
                                 HeedFiguresCaseFunc func,
                                 gpointer            user_data,
                                 GError            **error)
{
  CaseVisit visit = { func, user_data };
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = _heed_store_query (self, figures_case_sql, error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "start", start);
  heed_db_statement_bind_text (stmt, "end", end);
  return step_all (stmt, visit_case, &visit, error);
}

static void
aspect_free (HeedFiguresAspect *aspect)
{
  g_free (aspect->subject);
  g_free (aspect->staff_group);
  g_free (aspect);
}

static void
add_aspect (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresAspect *aspect = g_new0 (HeedFiguresAspect, 1);

  aspect->case_id = heed_db_statement_column_int64 (stmt, 0);
  aspect->subject = heed_db_statement_dup_column_text (stmt, 1);
  aspect->staff_group = heed_db_statement_dup_column_text (stmt, 2);
  g_ptr_array_add (data, aspect);
}

GPtrArray *
heed_store_list_complaint_aspects (HeedStore  *self,
                                   const char *start,
                                   const char *end,
                                   GError    **error)
{
  g_autoptr(GPtrArray) aspects = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT e.\"case\", e.subject, e.staff_group FROM case_elements e"
                            " JOIN cases c ON c.id = e.\"case\""
                            " WHERE c.kind = 'complaint' AND c.received_at >= :start"
                            " AND c.received_at < :end ORDER BY e.\"case\", e.position, e.id",
                            error);
  if (stmt == NULL)
    return NULL;
  aspects = g_ptr_array_new_with_free_func ((GDestroyNotify) aspect_free);
  heed_db_statement_bind_text (stmt, "start", start);
  heed_db_statement_bind_text (stmt, "end", end);
  if (!step_all (stmt, add_aspect, aspects, error))
    return NULL;
  return g_steal_pointer (&aspects);
}

void
heed_figures_log_detail_free (HeedFiguresLogDetail *detail)
{
  if (detail == NULL)
    return;
  g_ptr_array_unref (detail->names);
  g_ptr_array_unref (detail->subjects);
  g_ptr_array_unref (detail->actions);
  g_free (detail);
}

static HeedFiguresLogDetail *
log_detail_for (GHashTable *details, gint64 case_id)
{
  HeedFiguresLogDetail *detail = g_hash_table_lookup (details, &case_id);

  if (detail == NULL)
    {
      detail = g_new0 (HeedFiguresLogDetail, 1);
      detail->names = g_ptr_array_new_with_free_func (g_free);
      detail->subjects = g_ptr_array_new_with_free_func (g_free);
      detail->actions = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (details, g_memdup2 (&case_id, sizeof case_id), detail);
    }
  return detail;
}

static void
add_log_names (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresLogDetail *detail = log_detail_for (data, heed_db_statement_column_int64 (stmt, 0));

  for (int column = 2; column <= 4; column++)
    g_ptr_array_add (detail->names, heed_db_statement_dup_column_text (stmt, column));
}

static void
add_log_subject (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresLogDetail *detail = log_detail_for (data, heed_db_statement_column_int64 (stmt, 0));

  g_ptr_array_add (detail->subjects, heed_db_statement_dup_column_text (stmt, 1));
}

static void
add_log_action (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresLogDetail *detail = log_detail_for (data, heed_db_statement_column_int64 (stmt, 0));

  g_ptr_array_add (detail->actions, heed_db_statement_dup_column_text (stmt, 1));
}

GHashTable *
heed_store_map_log_details (HeedStore *self, const char *start, const char *end, GError **error)
{
  static const struct {
    const char *sql;
    void (*row_func) (HeedDbStatement *stmt, gpointer data);
  } parts[] = {
    /* The complainant's names before the affected person's, as the line scrubs them. */
    { "SELECT c.id, 0, p.first_name, p.last_name, p.known_as FROM cases c"
      " JOIN people p ON p.id = c.complainant"
      " WHERE c.received_at >= :start AND c.received_at < :end"
      " UNION ALL SELECT c.id, 1, p.first_name, p.last_name, p.known_as FROM cases c"
      " JOIN people p ON p.id = c.affected"
      " WHERE c.received_at >= :start AND c.received_at < :end ORDER BY 1, 2",
      add_log_names },
    { "SELECT e.\"case\", e.subject FROM case_elements e JOIN cases c ON c.id = e.\"case\""
      " WHERE c.received_at >= :start AND c.received_at < :end ORDER BY e.\"case\", e.id",
      add_log_subject },
    { "SELECT a.\"case\", a.description FROM actions a JOIN cases c ON c.id = a.\"case\""
      " WHERE c.received_at >= :start AND c.received_at < :end ORDER BY a.\"case\", a.id",
      add_log_action },
  };
  g_autoptr(GHashTable) details = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (start != NULL && end != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  details = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                   (GDestroyNotify) heed_figures_log_detail_free);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autoptr(HeedDbStatement) stmt = _heed_store_query (self, parts[i].sql, error);

      if (stmt == NULL)
        return NULL;
      heed_db_statement_bind_text (stmt, "start", start);
      heed_db_statement_bind_text (stmt, "end", end);
      if (!step_all (stmt, parts[i].row_func, details, error))
        return NULL;
    }
  return g_steal_pointer (&details);
}

static void
add_answers (HeedDbStatement *stmt, gpointer data)
{
  const char *answers = text_at (stmt, 0);

  g_ptr_array_add (data, g_strdup (answers != NULL ? answers : ""));
}

GPtrArray *
heed_store_list_survey_answers (HeedStore *self, const char *from, const char *to, GError **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT answers FROM survey_responses WHERE responded_on >= :start"
                            " AND responded_on <= :end ORDER BY responded_on, id",
                            error);
  if (stmt == NULL)
    return NULL;
  answers = g_ptr_array_new_with_free_func (g_free);
  heed_db_statement_bind_text (stmt, "start", from);
  heed_db_statement_bind_text (stmt, "end", to);
  if (!step_all (stmt, add_answers, answers, error))
    return NULL;
  return g_steal_pointer (&answers);
}

static void
report_action_free (HeedFiguresAction *action)
{
  g_free (action->description);
  g_free (action->due_date);
  g_free (action->completed_on);
  g_free (action->owner_role);
  g_free (action->impact);
  g_free (action);
}

static void
add_report_action (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresAction *action = g_new0 (HeedFiguresAction, 1);

  action->description = heed_db_statement_dup_column_text (stmt, 0);
  action->due_date = heed_db_statement_dup_column_text (stmt, 1);
  action->completed_on = heed_db_statement_dup_column_text (stmt, 2);
  action->publishable = flag_at (stmt, 3);
  action->owner_role = heed_db_statement_dup_column_text (stmt, 4);
  action->impact = heed_db_statement_dup_column_text (stmt, 5);
  g_ptr_array_add (data, action);
}

GPtrArray *
heed_store_list_report_actions (HeedStore *self, const char *from, const char *to, GError **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT a.description, a.due_date, a.completed_on,"
                            " CASE WHEN a.\"case\" IS NULL OR c.publication_approved THEN 1"
                            " ELSE 0 END, s.role, a.impact"
                            " FROM actions a LEFT JOIN cases c ON c.id = a.\"case\""
                            " LEFT JOIN staff s ON s.id = a.owner"
                            " WHERE (a.completed_on >= :start AND a.completed_on <= :end)"
                            " OR (a.completed_on IS NULL AND coalesce (a.start_date, :end) <= :end)"
                            " OR (a.completed_on > :end AND coalesce (a.start_date, :end) <= :end)"
                            " ORDER BY a.completed_on IS NULL, a.completed_on,"
                            " a.due_date NULLS FIRST, a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) report_action_free);
  heed_db_statement_bind_text (stmt, "start", from);
  heed_db_statement_bind_text (stmt, "end", to);
  if (!step_all (stmt, add_report_action, actions, error))
    return NULL;
  return g_steal_pointer (&actions);
}

static void
age_band_free (HeedFiguresAgeBand *band)
{
  g_free (band->code);
  g_free (band);
}

static void
add_age_band (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresAgeBand *band = g_new0 (HeedFiguresAgeBand, 1);

  band->code = heed_db_statement_dup_column_text (stmt, 0);
  band->min_age = (int) heed_db_statement_column_int64 (stmt, 1);
  band->max_age = (int) heed_db_statement_column_int64 (stmt, 2);
  g_ptr_array_add (data, band);
}

GPtrArray *
heed_store_list_age_bands (HeedStore *self, int year, GError **error)
{
  g_autoptr(GPtrArray) bands = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT code, coalesce (min_age, -1), coalesce (max_age, 1000)"
                            " FROM categories WHERE scheme = 'age-band'"
                            " AND :year BETWEEN year_from AND year_to"
                            " AND (min_age IS NOT NULL OR max_age IS NOT NULL)"
                            " ORDER BY position, id",
                            error);
  if (stmt == NULL)
    return NULL;
  bands = g_ptr_array_new_with_free_func ((GDestroyNotify) age_band_free);
  heed_db_statement_bind_int64 (stmt, "year", year);
  if (!step_all (stmt, add_age_band, bands, error))
    return NULL;
  return g_steal_pointer (&bands);
}

static void
plan_action_free (HeedFiguresPlanAction *action)
{
  g_free (action->case_reference);
  g_free (action->description);
  g_free (action->owner);
  g_free (action->start_date);
  g_free (action->due_date);
  g_free (action->review_date);
  g_free (action->completed_on);
  g_free (action);
}

static void
add_plan_action (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresPlanAction *action = g_new0 (HeedFiguresPlanAction, 1);

  action->id = heed_db_statement_column_int64 (stmt, 0);
  action->case_id = heed_db_statement_column_int64 (stmt, 1);
  action->case_reference = heed_db_statement_dup_column_text (stmt, 2);
  action->description = heed_db_statement_dup_column_text (stmt, 3);
  action->owner = heed_db_statement_dup_column_text (stmt, 4);
  action->start_date = heed_db_statement_dup_column_text (stmt, 5);
  action->due_date = heed_db_statement_dup_column_text (stmt, 6);
  action->review_date = heed_db_statement_dup_column_text (stmt, 7);
  action->completed_on = heed_db_statement_dup_column_text (stmt, 8);
  g_ptr_array_add (data, action);
}

GPtrArray *
heed_store_list_plan_actions (HeedStore *self, GError **error)
{
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT a.id, coalesce (a.\"case\", 0), c.reference, a.description,"
                            " s.name, a.start_date, a.due_date, a.review_date, a.completed_on"
                            " FROM actions a LEFT JOIN cases c ON c.id = a.\"case\""
                            " LEFT JOIN staff s ON s.id = a.owner ORDER BY a.id",
                            error);
  if (stmt == NULL)
    return NULL;
  actions = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_action_free);
  if (!step_all (stmt, add_plan_action, actions, error))
    return NULL;
  return g_steal_pointer (&actions);
}

static void
open_case_free (HeedFiguresOpenCase *item)
{
  g_free (item->reference);
  g_free (item->kind);
  g_free (item->status);
  g_free (item->handler);
  g_free (item->received_at);
  g_free (item);
}

static void
add_open_case (HeedDbStatement *stmt, gpointer data)
{
  HeedFiguresOpenCase *item = g_new0 (HeedFiguresOpenCase, 1);

  item->case_id = heed_db_statement_column_int64 (stmt, 0);
  item->reference = heed_db_statement_dup_column_text (stmt, 1);
  item->kind = heed_db_statement_dup_column_text (stmt, 2);
  item->status = heed_db_statement_dup_column_text (stmt, 3);
  item->handler = heed_db_statement_dup_column_text (stmt, 4);
  item->received_at = heed_db_statement_dup_column_text (stmt, 5);
  g_ptr_array_add (data, item);
}

GPtrArray *
heed_store_list_long_open_cases (HeedStore *self, const char *before, GError **error)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(HeedDbStatement) stmt = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (before != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = _heed_store_query (self,
                            "SELECT c.id, c.reference, c.kind, c.status, s.name, c.received_at"
                            " FROM cases c LEFT JOIN staff s ON s.id = c.handler"
                            " WHERE c.kind IN ('complaint', 'concern')"
                            " AND c.status NOT IN ('draft', 'closed', 'withdrawn',"
                            " 'out-of-scope') AND c.responded_on IS NULL"
                            " AND c.closed_on IS NULL AND NOT c.oral_resolved"
                            " AND c.received_at < :before"
                            " ORDER BY c.received_at, c.id",
                            error);
  if (stmt == NULL)
    return NULL;
  cases = g_ptr_array_new_with_free_func ((GDestroyNotify) open_case_free);
  heed_db_statement_bind_text (stmt, "before", before);
  if (!step_all (stmt, add_open_case, cases, error))
    return NULL;
  return g_steal_pointer (&cases);
}

static const char events_of_case_sql[] =
  "SELECT \"case\", id, kind, occurred_at, summary FROM events WHERE \"case\" = :case "
  "ORDER BY occurred_at, id";
static const char actions_of_case_sql[] =
  "SELECT \"case\", id, description, due_date, start_date, completed_on FROM actions "
  "WHERE \"case\" = :case ORDER BY due_date NULLS FIRST, id";
/* The events (or actions) of many cases in one statement: the list of ids goes in as one JSON
 * array, read by json_each in a file and by jsonb_array_elements_text on a server; the
 * events_case (actions_case) index finds each case's rows. */
static const char events_of_cases_sql[] =
  "SELECT e.\"case\", e.id, e.kind, e.occurred_at, e.summary "
  "FROM json_each (:ids) j JOIN events e ON e.\"case\" = j.value ORDER BY e.\"case\", e.id";
static const char actions_of_cases_sql[] =
  "SELECT a.\"case\", a.id, a.description, a.due_date, a.start_date, a.completed_on "
  "FROM json_each (:ids) j JOIN actions a ON a.\"case\" = j.value ORDER BY a.\"case\", a.id";
static const char events_of_cases_server_sql[] =
  "SELECT e.\"case\", e.id, e.kind, e.occurred_at, e.summary "
  "FROM jsonb_array_elements_text (CAST (:ids AS jsonb)) j"
  " JOIN events e ON e.\"case\" = CAST (j.value AS bigint) ORDER BY e.\"case\", e.id";
static const char actions_of_cases_server_sql[] =
  "SELECT a.\"case\", a.id, a.description, a.due_date, a.start_date, a.completed_on "
  "FROM jsonb_array_elements_text (CAST (:ids AS jsonb)) j"
  " JOIN actions a ON a.\"case\" = CAST (j.value AS bigint) ORDER BY a.\"case\", a.id";

typedef struct {
  gboolean            actions;
  HeedTimelineRowFunc func;
  gpointer            user_data;
} TimelineVisit;

static void
visit_timeline_row (HeedDbStatement *stmt, gpointer data)
{
  TimelineVisit  *visit = data;
  HeedTimelineRow row = { 0 };

  row.case_id = heed_db_statement_column_int64 (stmt, 0);
  row.id = heed_db_statement_column_int64 (stmt, 1);
  if (visit->actions)
    {
      row.text = text_at (stmt, 2);
      row.due_date = text_at (stmt, 3);
      row.start_date = text_at (stmt, 4);
      row.completed_on = text_at (stmt, 5);
    }
  else
    {
      row.kind = text_at (stmt, 2);
      row.occurred_at = text_at (stmt, 3);
      row.text = text_at (stmt, 4);
    }
  visit->func (&row, visit->user_data);
}

gboolean
heed_store_foreach_timeline_row (HeedStore          *self,
                                 gboolean            actions,
                                 gint64              case_id,
                                 const char         *case_ids,
                                 HeedTimelineRowFunc func,
                                 gpointer            user_data,
                                 GError            **error)
{
  TimelineVisit visit = { actions, func, user_data };
  g_autoptr(HeedDbStatement) stmt = NULL;
  const char *sql;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (case_ids != NULL && _heed_store_is_server (self))
    sql = actions ? actions_of_cases_server_sql : events_of_cases_server_sql;
  else if (case_ids != NULL)
    sql = actions ? actions_of_cases_sql : events_of_cases_sql;
  else
    sql = actions ? actions_of_case_sql : events_of_case_sql;
  stmt = _heed_store_query (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (case_ids != NULL)
    heed_db_statement_bind_text (stmt, "ids", case_ids);
  else
    heed_db_statement_bind_int64 (stmt, "case", case_id);
  return step_all (stmt, visit_timeline_row, &visit, error);
}

gboolean
heed_store_load_case_milestones (HeedStore          *self,
                                 gint64              case_id,
                                 HeedCaseMilestones *milestones,
                                 GError            **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (milestones != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (milestones, 0, sizeof *milestones);
  stmt = _heed_store_query (self,
                            "SELECT consent_requested, consent_received, stage2_on,"
                            " ombudsman_referred, ombudsman_decided, safeguarding_referred"
                            " FROM cases WHERE id = :case",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_int64 (stmt, "case", case_id);
  step = heed_db_statement_step (stmt, error);
  if (step != HEED_DB_STEP_ROW)
    {
      if (step == HEED_DB_STEP_DONE)
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                     _("There is no such case."));
      return FALSE;
    }
  milestones->consent_requested = heed_db_statement_dup_column_text (stmt, 0);
  milestones->consent_received = heed_db_statement_dup_column_text (stmt, 1);
  milestones->stage2_on = heed_db_statement_dup_column_text (stmt, 2);
  milestones->ombudsman_referred = heed_db_statement_dup_column_text (stmt, 3);
  milestones->ombudsman_decided = heed_db_statement_dup_column_text (stmt, 4);
  milestones->safeguarding_referred = heed_db_statement_dup_column_text (stmt, 5);
  return TRUE;
}

void
heed_case_milestones_clear (HeedCaseMilestones *milestones)
{
  g_return_if_fail (milestones != NULL);

  g_clear_pointer (&milestones->consent_requested, g_free);
  g_clear_pointer (&milestones->consent_received, g_free);
  g_clear_pointer (&milestones->stage2_on, g_free);
  g_clear_pointer (&milestones->ombudsman_referred, g_free);
  g_clear_pointer (&milestones->ombudsman_decided, g_free);
  g_clear_pointer (&milestones->safeguarding_referred, g_free);
}
