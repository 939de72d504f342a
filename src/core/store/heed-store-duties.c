/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "heed-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "heed-db-private.h"
#include "heed-store-duties.h"
#include "heed-store-private.h"

/* Duties on a server: the practice's group roles, their privileges, and who holds them.
 * Role names cannot be bound as values, so they go into GRANT and CREATE ROLE quoted by
 * libpq (_heed_db_postgres_dup_quoted_identifier), after being checked here; everything
 * else is bound. The rows each duty may see are the migration's policies
 * (migrations/postgres/0008-duties.sql). */

static const char *const duty_ids[] = { "reception", "handler", "manager", "reader" };

/* PostgreSQL's longest identifier, in bytes. */
#define MAX_ROLE_NAME 63

gboolean
heed_duty_from_id (const char *id, HeedDuties *duty)
{
  g_return_val_if_fail (duty != NULL, FALSE);

  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (duty_ids); i++)
    if (strcmp (id, duty_ids[i]) == 0)
      {
        *duty = 1 << i;
        return TRUE;
      }
  return FALSE;
}

const char *
heed_duty_get_id (HeedDuties duty)
{
  for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
    if (duty == (HeedDuties) (1 << i))
      return duty_ids[i];
  g_return_val_if_reached (NULL);
}

char *
heed_duties_dup_ids (HeedDuties duties)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
    if ((duties & (1 << i)) != 0)
      g_string_append_printf (ids, "%s%s", ids->len > 0 ? ", " : "", duty_ids[i]);
  return g_string_free (ids, FALSE);
}

void
heed_duty_holder_free (HeedDutyHolder *holder)
{
  if (holder == NULL)
    return;
  g_free (holder->role);
  g_free (holder->staff_name);
  g_free (holder);
}

/* The session: who the server says is signed in */

gboolean
heed_duties_allow (HeedDuties duties, HeedTask task)
{
  HeedDuties allowed = HEED_DUTY_MANAGER;

  switch (task)
    {
    case HEED_TASK_SEE_LIST:
      allowed |= HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER;
      break;
    case HEED_TASK_LOG_FEEDBACK:
      /* A handler's own call is theirs to handle (_heed_store_default_handler). */
      allowed |= HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER;
      break;
    case HEED_TASK_OPEN_CASES:
    case HEED_TASK_SEE_PRACTICE_WORK:
      allowed |= HEED_DUTY_HANDLER;
      break;
    case HEED_TASK_SEE_REPORTS:
      /* A handler sees only their own cases: a report of those would mislead. */
      allowed |= HEED_DUTY_READER;
      break;
    case HEED_TASK_RUN_PRACTICE:
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return (duties & allowed) != 0;
}

gboolean
heed_store_may (HeedStore *self, HeedTask task)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  if (!_heed_store_is_server (self) || self->owner)
    return TRUE;
  return heed_duties_allow (self->duties, task);
}

gint64
_heed_store_default_handler (HeedStore *self)
{
  if (!_heed_store_is_server (self) || self->owner
      || (self->duties & (HEED_DUTY_MANAGER | HEED_DUTY_RECEPTION)) != 0
      || (self->duties & HEED_DUTY_HANDLER) == 0)
    return 0;
  return self->session_staff;
}

guint
heed_store_get_sign_out_minutes (HeedStore *self)
{
  g_autofree char *value = NULL;
  guint64          minutes = 0;

  g_return_val_if_fail (HEED_IS_STORE (self), 0);
  if (!_heed_store_is_server (self))
    return 0;
  value = heed_store_dup_setting (self, "sign-out-minutes");
  if (value == NULL
      || !g_ascii_string_to_unsigned (value, 10, 0, HEED_STORE_MAX_SIGN_OUT_MINUTES, &minutes,
                                      NULL))
    return 0;
  return (guint) minutes;
}

/* The staff member mapped to the role signed in, named in the trail beside the role. */
static gboolean
load_session_staff (HeedStore *self, GError **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  if (self->schema_version < 8
      || (!self->owner && (self->duties & (HEED_DUTY_ALL & ~HEED_DUTY_READER)) == 0))
    return TRUE;
  stmt = _heed_store_query (self,
                            "SELECT name, id FROM staff "
                            "WHERE login_role = CAST (session_user AS text)",
                            error);
  if (stmt == NULL)
    return FALSE;
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  if (step == HEED_DB_STEP_ROW)
    {
      g_free (self->staff_name);
      self->staff_name = heed_db_statement_dup_column_text (stmt, 0);
      self->session_staff = heed_db_statement_column_int64 (stmt, 1);
    }
  heed_db_statement_reset (stmt);
  return TRUE;
}

gboolean
_heed_store_load_session (HeedStore *self, GError **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  g_clear_pointer (&self->signed_in_role, g_free);
  self->session_staff = 0;
  self->owner = FALSE;
  self->duties = HEED_DUTY_NONE;
  if (!_heed_store_is_server (self))
    return TRUE;

  stmt = _heed_store_query (self,
                            "SELECT CAST (session_user AS text), "
                            "pg_has_role (session_user, d.datdba, 'MEMBER'), "
                            "(SELECT count (*) FROM pg_roles r "
                            "  WHERE r.rolname = 'heed_' || current_database () || '_' || :duty0 "
                            "  AND pg_has_role (current_user, r.oid, 'USAGE')), "
                            "(SELECT count (*) FROM pg_roles r "
                            "  WHERE r.rolname = 'heed_' || current_database () || '_' || :duty1 "
                            "  AND pg_has_role (current_user, r.oid, 'USAGE')), "
                            "(SELECT count (*) FROM pg_roles r "
                            "  WHERE r.rolname = 'heed_' || current_database () || '_' || :duty2 "
                            "  AND pg_has_role (current_user, r.oid, 'USAGE')), "
                            "(SELECT count (*) FROM pg_roles r "
                            "  WHERE r.rolname = 'heed_' || current_database () || '_' || :duty3 "
                            "  AND pg_has_role (current_user, r.oid, 'USAGE')) "
                            "FROM pg_database d WHERE d.datname = current_database ()",
                            error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "duty0", duty_ids[0]);
  heed_db_statement_bind_text (stmt, "duty1", duty_ids[1]);
  heed_db_statement_bind_text (stmt, "duty2", duty_ids[2]);
  heed_db_statement_bind_text (stmt, "duty3", duty_ids[3]);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  if (step == HEED_DB_STEP_ROW)
    {
      self->signed_in_role = heed_db_statement_dup_column_text (stmt, 0);
      self->owner = heed_db_statement_column_int64 (stmt, 1) != 0;
      for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
        if (heed_db_statement_column_int64 (stmt, 2 + (int) i) > 0)
          self->duties |= 1 << i;
    }
  heed_db_statement_reset (stmt);

  if (self->owner)
    _heed_db_postgres_set_duties (self->conn, NULL);
  else
    {
      g_autofree char *ids = heed_duties_dup_ids (self->duties);

      _heed_db_postgres_set_duties (self->conn, *ids != '\0' ? ids : _("none"));
    }
  return load_session_staff (self, error);
}

const char *
heed_store_get_signed_in_role (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  return self->signed_in_role;
}

HeedDuties
heed_store_get_duties (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), HEED_DUTY_NONE);
  return self->duties;
}

gboolean
heed_store_is_owner (HeedStore *self)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  return self->owner;
}

static gboolean
require_server (HeedStore *self, GError **error)
{
  if (self->conn == NULL)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_FAILED,
                           _("The practice is closed."));
      return FALSE;
    }
  if (_heed_store_is_server (self))
    return TRUE;
  g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                       _("A practice file has no duties: the computer’s account is the only "
                         "gate to it. Duties are given on a practice server."));
  return FALSE;
}

/* The group role of @duty in this database, quoted for SQL. */
static char *
dup_duty_role (HeedStore *self, HeedDuties duty, gboolean quoted, GError **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autofree char *name = NULL;
  char            *result;

  stmt = _heed_store_query (self, "SELECT 'heed_' || current_database () || '_' || :duty", error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "duty", heed_duty_get_id (duty));
  if (heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
    return NULL;
  name = heed_db_statement_dup_column_text (stmt, 0);
  heed_db_statement_reset (stmt);
  if (strlen (name) > MAX_ROLE_NAME)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("The practice database’s name is too long for its duties’ roles (“%s” "
                     "would be over %d bytes): give the database a shorter name."),
                      name, MAX_ROLE_NAME);
      return NULL;
    }
  if (!quoted)
    return g_steal_pointer (&name);
  result = _heed_db_postgres_dup_quoted_identifier (self->conn, name);
  if (result == NULL)
    g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                 _("“%s” cannot be a role’s name."), name);
  return result;
}

static gboolean
role_exists (HeedStore  *self,
             const char *role,
             gboolean   *can_login,
             gboolean   *exists,
             GError    **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  HeedDbStep step;

  stmt = _heed_store_query (self, "SELECT rolcanlogin FROM pg_roles WHERE rolname = :role", error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "role", role);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  *exists = step == HEED_DB_STEP_ROW;
  if (can_login != NULL)
    *can_login = *exists && heed_db_statement_column_int64 (stmt, 0) != 0;
  heed_db_statement_reset (stmt);
  return TRUE;
}

/* Heed's own statement @sql with a role's name (quoted by libpq) for {role}, {group} and
 * {person}:
 * the only SQL not given as it stands, since an identifier cannot be bound. */
static gboolean
exec_for_role (HeedStore *self, const char *sql, const char *quoted_role, GError **error)
{
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "{role}", quoted_role, 0);
  return heed_db_exec (self->conn, text->str, error);
}

static gboolean
exec_membership (HeedStore  *self,
                 const char *sql,
                 const char *quoted_group,
                 const char *quoted_person,
                 GError    **error)
{
  g_autoptr(GString) text = g_string_new (sql);

  /* {person} first: a person's name is checked to hold no braces, a group's may. */
  g_string_replace (text, "{person}", quoted_person, 0);
  g_string_replace (text, "{group}", quoted_group, 0);
  return heed_db_exec (self->conn, text->str, error);
}

/* A statement run for the group role ({role}) of each duty in @to. */
typedef struct {
  HeedDuties  to;
  const char *sql;
} DutySql;

static gboolean
exec_for_duties (HeedStore     *self,
                 const DutySql *statements,
                 guint          n_statements,
                 char         **quoted_roles,
                 GError       **error)
{
  for (guint p = 0; p < n_statements; p++)
    for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
      if ((statements[p].to & (1 << i)) != 0
          && !exec_for_role (self, statements[p].sql, quoted_roles[i], error))
        return FALSE;
  return TRUE;
}

/* What each duty's group role ({role}) is given. */
static const DutySql privileges[] = {
  { HEED_DUTY_ALL, "GRANT SELECT ON heed_schema, settings, setting_blobs, categories, "
                   "risk_matrix TO {role}" },
  { HEED_DUTY_ALL, "GRANT SELECT (id, hash) ON audit TO {role}" },
  { HEED_DUTY_ALL, "GRANT INSERT ON audit TO {role}" },
  { HEED_DUTY_ALL, "GRANT EXECUTE ON FUNCTION heed_lock_trail () TO {role}" },
  { HEED_DUTY_ALL, "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}" },
  { HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT SELECT ON staff TO {role}" },
  { HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT SELECT, INSERT, UPDATE ON reference_counters TO {role}" },
  { HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT SELECT, INSERT, UPDATE, DELETE ON form_drafts TO {role}" },
  { HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT INSERT ON cases, people, events TO {role}" },
  { HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT SELECT ON case_search TO {role}" },
  /* The list's one-line summaries and what decides their deadlines: not the complaint's
   * words, its investigation, letters or outcome. */
  { HEED_DUTY_RECEPTION,
    "GRANT SELECT (id, reference, kind, channel, status, received_at, anonymous, complainant, "
    "summary, seriousness, likelihood, seriousness_after, likelihood_after, subject, "
    "acknowledged_on, agreed_response_date, responded_on, closed_on, stage2_on, track, "
    "extended, consent_status, confidential, handler) ON cases TO {role}" },
  { HEED_DUTY_RECEPTION, "GRANT SELECT (id, title, first_name, last_name) ON people TO {role}" },
  { HEED_DUTY_RECEPTION, "GRANT SELECT (id, \"case\") ON events TO {role}" },
  { HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT SELECT, INSERT, UPDATE, DELETE ON people, case_staff, case_elements, events, "
    "attachments, actions, letters, survey_responses, restrictions TO {role}" },
  { HEED_DUTY_HANDLER | HEED_DUTY_MANAGER, "GRANT SELECT, UPDATE ON cases TO {role}" },
  { HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT SELECT ON templates, destroyed, report_summaries TO {role}" },
  { HEED_DUTY_MANAGER, "GRANT DELETE ON cases TO {role}" },
  { HEED_DUTY_MANAGER, "GRANT INSERT, UPDATE, DELETE ON settings, setting_blobs, categories, "
                       "risk_matrix, staff, templates, report_summaries TO {role}" },
  { HEED_DUTY_MANAGER, "GRANT INSERT ON destroyed TO {role}" },
  { HEED_DUTY_MANAGER, "GRANT SELECT ON audit TO {role}" },
  { HEED_DUTY_READER, "GRANT EXECUTE ON FUNCTION heed_report_counts (text, text) TO {role}" },
  /* What the annual report and the returns count, and the learning they publish: no name, no
   * words of a complaint, no investigation. The date of birth of the person affected gives
   * the report's age bands. */
  { HEED_DUTY_READER,
    "GRANT SELECT (id, kind, channel, status, track, received_at, acknowledged_on, "
    "agreed_response_date, responded_on, closed_on, stage2_on, extended, oral_resolved, "
    "outcome, ombudsman_referred, ombudsman_status, ombudsman_decision, ombudsman_decided, "
    "ombudsman_complied, general_importance, on_behalf, subject, publication_approved, "
    "in_report, you_said, we_did, lessons, care, remedy_apology, remedy_explanation, "
    "remedy_action, remedy_financial, affected, complainant) ON cases TO {role}" },
  { HEED_DUTY_READER, "GRANT SELECT (id, date_of_birth) ON people TO {role}" },
  { HEED_DUTY_READER,
    "GRANT SELECT (id, \"case\", position, subject, staff_group) ON case_elements TO {role}" },
  { HEED_DUTY_READER, "GRANT SELECT (id, answers, responded_on) ON survey_responses TO {role}" },
  { HEED_DUTY_READER,
    "GRANT SELECT (id, \"case\", description, due_date, start_date, completed_on, owner, "
    "impact) ON actions TO {role}" },
  { HEED_DUTY_READER, "GRANT SELECT (id, role) ON staff TO {role}" },
  { HEED_DUTY_READER, "GRANT SELECT ON report_summaries TO {role}" },
};

/* Rows, beyond those the migration limits (migrations/postgres/0008-duties.sql). Made again
 * each time, so a practice set up before they existed gets them.
 *
 * The reader counts every case (a confidential one too, by the columns granted above alone),
 * and the practice's own actions and survey answers.
 *
 * Someone's typing (form_drafts) is theirs alone: another person at the same computer, even
 * with the same duty, is never offered it.
 *
 * An entry added to the trail by anyone but the owner must name the role signed in and
 * chain onto the trail's head with the hash Heed would give it (heed-store-audit.c), so no
 * duty can break the chain for everyone after them.
 *
 * A person's row is seen with the cases it belongs to; one that belongs to none yet (just
 * added, before its case) by whoever may log feedback, so that adding it can read back its
 * id. */
static const char *const row_policies[] = {
  "DROP POLICY IF EXISTS cases_reader ON cases",
  "CREATE POLICY cases_reader ON cases FOR SELECT USING ((SELECT public.heed_has_duty "
  "('reader')))",
  "DROP POLICY IF EXISTS actions_reader ON actions",
  "CREATE POLICY actions_reader ON actions FOR SELECT USING ((SELECT public.heed_has_duty "
  "('reader')))",
  "DROP POLICY IF EXISTS survey_responses_reader ON survey_responses",
  "CREATE POLICY survey_responses_reader ON survey_responses FOR SELECT USING ((SELECT "
  "public.heed_has_duty ('reader')))",
  "CREATE OR REPLACE FUNCTION audit_signed () RETURNS trigger LANGUAGE plpgsql "
  "SET search_path = pg_catalog, pg_temp AS $$ "
  "DECLARE head record; "
  "BEGIN "
  "  IF pg_has_role (session_user, (SELECT d.datdba FROM pg_database d "
  "                                  WHERE d.datname = current_database ()), 'MEMBER') THEN "
  "    RETURN NEW; "
  "  END IF; "
  "  IF NEW.os_user IS DISTINCT FROM CAST (session_user AS text) THEN "
  "    RAISE EXCEPTION USING ERRCODE = 'HE001', "
  "      MESSAGE = 'a trail entry must name the role signed in'; "
  "  END IF; "
  "  SELECT a.id, a.hash INTO head FROM public.audit a ORDER BY a.id DESC LIMIT 1; "
  "  IF NEW.id <= coalesce (head.id, 0) OR NEW.prev_hash IS DISTINCT FROM coalesce (head.hash, '') "
  "     OR NEW.hash IS DISTINCT FROM encode (sha256 (convert_to ("
  "          coalesce (NEW.prev_hash, '') || chr (31) || coalesce (NEW.at, '') || chr (31) "
  "          || coalesce (NEW.os_user, '') || chr (31) || coalesce (NEW.staff, '') || chr (31) "
  "          || coalesce (NEW.action, '') || chr (31) || coalesce (NEW.tbl, '') || chr (31) "
  "          || CAST (coalesce (NEW.row_id, 0) AS text) || chr (31) "
  "          || coalesce (NEW.detail, '') || chr (31), 'UTF8')), 'hex') THEN "
  "    RAISE EXCEPTION USING ERRCODE = 'HE001', "
  "      MESSAGE = 'a trail entry must chain onto the trail''s head'; "
  "  END IF; "
  "  RETURN NEW; "
  "END $$",
  "DROP POLICY IF EXISTS form_drafts_with_case ON form_drafts",
  "DROP POLICY IF EXISTS form_drafts_own ON form_drafts",
  "CREATE POLICY form_drafts_own ON form_drafts USING (os_user = CAST (session_user AS text) "
  "AND (case_id IS NULL OR case_id IN (SELECT id FROM cases)))",
  "CREATE OR REPLACE FUNCTION heed_person_in_use (person bigint) RETURNS boolean LANGUAGE sql "
  "STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$ "
  "SELECT EXISTS (SELECT 1 FROM public.cases c WHERE c.complainant = person) "
  "OR EXISTS (SELECT 1 FROM public.cases c WHERE c.affected = person) "
  "OR EXISTS (SELECT 1 FROM public.letters l WHERE l.recipient = person) $$",
  "REVOKE ALL ON FUNCTION heed_person_in_use (bigint) FROM PUBLIC",
  "ALTER TABLE people ENABLE ROW LEVEL SECURITY",
  "DROP POLICY IF EXISTS people_manager ON people",
  "DROP POLICY IF EXISTS people_handler ON people",
  "DROP POLICY IF EXISTS people_reception ON people",
  "DROP POLICY IF EXISTS people_reader ON people",
};

/* The people policies, one for each duty's role ({role}), since each may read only some of
 * the columns that say which cases a person belongs to. */
static const DutySql people_policies[] = {
  { HEED_DUTY_RECEPTION | HEED_DUTY_HANDLER | HEED_DUTY_MANAGER,
    "GRANT EXECUTE ON FUNCTION heed_person_in_use (bigint) TO {role}" },
  { HEED_DUTY_MANAGER, "CREATE POLICY people_manager ON people TO {role} USING (true)" },
  { HEED_DUTY_HANDLER,
    "CREATE POLICY people_handler ON people TO {role} USING (id IN (SELECT complainant FROM "
    "cases) OR id IN (SELECT affected FROM cases) OR id IN (SELECT recipient FROM letters) "
    "OR NOT public.heed_person_in_use (id))" },
  { HEED_DUTY_RECEPTION,
    "CREATE POLICY people_reception ON people TO {role} USING (id IN (SELECT complainant FROM "
    "cases) OR NOT public.heed_person_in_use (id))" },
  { HEED_DUTY_READER,
    "CREATE POLICY people_reader ON people FOR SELECT TO {role} USING (id IN (SELECT affected "
    "FROM cases) OR id IN (SELECT complainant FROM cases))" },
};

static gboolean
setup_duties (HeedStore *self, GError **error)
{
  g_auto(GStrv) quoted = g_new0 (char *, G_N_ELEMENTS (duty_ids) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
    {
      g_autofree char *name = dup_duty_role (self, 1 << i, FALSE, error);
      gboolean         exists = FALSE;

      if (name == NULL || !role_exists (self, name, NULL, &exists, error))
        return FALSE;
      quoted[i] = _heed_db_postgres_dup_quoted_identifier (self->conn, name);
      if (quoted[i] == NULL)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("“%s” cannot be a role’s name."), name);
          return FALSE;
        }
      if (!exists && !exec_for_role (self, "CREATE ROLE {role} NOLOGIN", quoted[i], error))
        return FALSE;
    }

  if (!exec_for_duties (self, privileges, G_N_ELEMENTS (privileges), quoted, error))
    return FALSE;
  for (guint p = 0; p < G_N_ELEMENTS (row_policies); p++)
    if (!heed_db_exec (self->conn, row_policies[p], error))
      return FALSE;
  if (!exec_for_duties (self, people_policies, G_N_ELEMENTS (people_policies), quoted, error))
    return FALSE;

  /* A manager gives and takes the other duties; only the owner gives the manager's. */
  for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
    if ((1 << i) != HEED_DUTY_MANAGER
        && !exec_membership (self, "GRANT {group} TO {person} WITH ADMIN OPTION", quoted[i],
                             quoted[2], error))
      return FALSE;
  return TRUE;
}

gboolean
_heed_store_has_duty_roles (HeedStore *self, gboolean *any, GError **error)
{
  *any = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (duty_ids) && !*any; i++)
    {
      g_autofree char *name = dup_duty_role (self, 1 << i, FALSE, error);

      if (name == NULL || !role_exists (self, name, NULL, any, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
heed_store_setup_duties (HeedStore *self, GError **error)
{
  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_server (self, error))
    return FALSE;
  if (!self->owner)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED,
                           _("Only the practice database’s owner may set up its duties."));
      return FALSE;
    }
  if (!heed_store_begin (self, error))
    return FALSE;
  if (!setup_duties (self, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  return heed_store_commit (self, error);
}

/* A role a person signs in as: letters, digits and _ . @ -, up to 63 bytes. */
static gboolean
check_role_name (const char *role, GError **error)
{
  gboolean ok = role != NULL && *role != '\0' && strlen (role) <= MAX_ROLE_NAME;

  for (const char *p = role; ok && *p != '\0'; p++)
    ok = g_ascii_isalnum (*p) || strchr ("_.@-", *p) != NULL;
  if (!ok)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is not a role name Heed accepts: use letters, digits and _ . @ - "
                     "only, up to %d of them."),
                      role != NULL ? role : "", MAX_ROLE_NAME);
      return FALSE;
    }
  if (g_str_has_prefix (role, "pg_") || g_str_has_prefix (role, "heed_"))
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("“%s” is one of the server’s or Heed’s own roles, not a person’s."), role);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_person_role (HeedStore *self, const char *role, GError **error)
{
  gboolean exists = FALSE, can_login = FALSE;

  if (!check_role_name (role, error) || !role_exists (self, role, &can_login, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND,
                   _("There is no role “%s” on the practice server: make it first (createuser "
                     "%s)."),
                      role, role);
      return FALSE;
    }
  if (!can_login)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                   _("Nobody can sign in as “%s”: duties are given to a person’s own role."),
                      role);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_may_give (HeedStore *self, HeedDuties duty, GError **error)
{
  if (self->owner)
    return TRUE;
  if ((self->duties & HEED_DUTY_MANAGER) == 0)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED,
                           _("Only the practice database’s owner or a manager may give or take "
                             "duties."));
      return FALSE;
    }
  if (duty == HEED_DUTY_MANAGER)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED,
                           _("Only the practice database’s owner may give or take the manager "
                             "duty."));
      return FALSE;
    }
  return TRUE;
}

/* Whether the group role of every duty exists yet. */
static gboolean
duties_exist (HeedStore *self, gboolean *all, GError **error)
{
  *all = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (duty_ids) && *all; i++)
    {
      g_autofree char *name = dup_duty_role (self, 1 << i, FALSE, error);

      if (name == NULL || !role_exists (self, name, NULL, all, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
map_staff (HeedStore *self, const char *role, HeedDuties duty, gint64 staff_id, GError **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autofree char *mapped = NULL;
  HeedDbStep       step;

  if (staff_id <= 0)
    {
      gint64 count = 0;

      if (duty != HEED_DUTY_HANDLER)
        return TRUE;
      stmt =
        _heed_store_query (self, "SELECT count (*) FROM staff WHERE login_role = :role", error);
      if (stmt == NULL)
        return FALSE;
      heed_db_statement_bind_text (stmt, "role", role);
      if (heed_db_statement_step (stmt, error) != HEED_DB_STEP_ROW)
        return FALSE;
      count = heed_db_statement_column_int64 (stmt, 0);
      heed_db_statement_reset (stmt);
      if (count == 0)
        {
          g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_INVALID,
                       _("A handler works the cases assigned to their staff member, and “%s” "
                         "is nobody on the staff list yet: say who with --staff ID."),
                          role);
          return FALSE;
        }
      return TRUE;
    }

  stmt = _heed_store_query (self, "SELECT login_role FROM staff WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_int64 (stmt, "id", staff_id);
  step = heed_db_statement_step (stmt, error);
  if (step == HEED_DB_STEP_ERROR)
    return FALSE;
  if (step == HEED_DB_STEP_DONE)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NO_RECORD,
                   _("There is no member of staff with id %lld."), (long long) staff_id);
      return FALSE;
    }
  mapped = heed_db_statement_dup_column_text (stmt, 0);
  heed_db_statement_reset (stmt);
  if (mapped != NULL && strcmp (mapped, role) != 0)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_ALLOWED,
                   _("Staff member %lld already signs in as “%s”: take that role’s duties "
                     "away first."),
                      (long long) staff_id, mapped);
      return FALSE;
    }
  g_clear_pointer (&stmt, heed_db_statement_unref);

  stmt =
    _heed_store_query (self, "UPDATE staff SET login_role = NULL WHERE login_role = :role", error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "role", role);
  if (!_heed_store_run (stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, heed_db_statement_unref);
  stmt = _heed_store_query (self, "UPDATE staff SET login_role = :role WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;
  heed_db_statement_bind_text (stmt, "role", role);
  heed_db_statement_bind_int64 (stmt, "id", staff_id);
  return _heed_store_run (stmt, error);
}

gboolean
heed_store_grant_duty (HeedStore  *self,
                       const char *role,
                       HeedDuties  duty,
                       gint64      staff_id,
                       GError    **error)
{
  g_autofree char *group = NULL;
  g_autofree char *person = NULL;
  g_autofree char *detail = NULL;
  gboolean         ready = FALSE;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_server (self, error) || !check_person_role (self, role, error)
      || !check_may_give (self, duty, error) || !duties_exist (self, &ready, error))
    return FALSE;
  if (!heed_store_begin (self, error))
    return FALSE;
  /* A practice made before duties, or whose roles were dropped, gets them first. */
  if (!ready && !self->owner)
    {
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_PERMISSION_DENIED,
                           _("This practice’s duties are not set up yet: its database’s owner "
                             "gives the first ones."));
      heed_store_rollback (self);
      return FALSE;
    }
  /* The owner puts the duties' roles and privileges right each time (a practice made before
   * duties, a role dropped, a migration's new table). */
  if (self->owner && !setup_duties (self, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  group = dup_duty_role (self, duty, TRUE, error);
  person = group != NULL ? _heed_db_postgres_dup_quoted_identifier (self->conn, role) : NULL;
  detail = g_strdup_printf ("%s %s", heed_duty_get_id (duty), role);
  if (group == NULL || person == NULL || !map_staff (self, role, duty, staff_id, error)
      || !exec_membership (self, "GRANT {group} TO {person}", group, person, error)
      || !_heed_store_audit (self, "grant", "duties", MAX (staff_id, 0), detail, error))
    {
      heed_store_rollback (self);
      return FALSE;
    }
  return heed_store_commit (self, error);
}

gboolean
heed_store_revoke_duty (HeedStore *self, const char *role, HeedDuties duty, GError **error)
{
  g_autofree char *person = NULL;
  gboolean         ready = FALSE;
  guint            taken = 0;

  g_return_val_if_fail (HEED_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!require_server (self, error) || !check_person_role (self, role, error)
      || !check_may_give (self, duty, error) || !duties_exist (self, &ready, error))
    return FALSE;
  if (!ready)
    {
      g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND,
                   _("“%s” has no duty in this practice: its duties are not set up yet."), role);
      return FALSE;
    }
  person = _heed_db_postgres_dup_quoted_identifier (self->conn, role);
  if (person == NULL || !heed_store_begin (self, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (duty_ids); i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *group = NULL;
      g_autofree char *detail = NULL;
      g_autoptr(HeedDbStatement) stmt = NULL;
      gboolean member = FALSE;

      if (duty != HEED_DUTY_NONE && duty != (HeedDuties) (1 << i))
        continue;
      name = dup_duty_role (self, 1 << i, FALSE, error);
      if (name == NULL)
        goto failed;
      stmt = _heed_store_query (self,
                                "SELECT 1 FROM pg_auth_members m "
                                "JOIN pg_roles g ON g.oid = m.roleid "
                                "JOIN pg_roles p ON p.oid = m.member "
                                "WHERE g.rolname = :group AND p.rolname = :person",
                                error);
      if (stmt == NULL)
        goto failed;
      heed_db_statement_bind_text (stmt, "group", name);
      heed_db_statement_bind_text (stmt, "person", role);
      switch (heed_db_statement_step (stmt, error))
        {
        case HEED_DB_STEP_ERROR:
          goto failed;
        case HEED_DB_STEP_ROW:
          member = TRUE;
          break;
        default:
          break;
        }
      heed_db_statement_reset (stmt);
      if (!member)
        continue;
      if ((1 << i) == HEED_DUTY_MANAGER && !check_may_give (self, HEED_DUTY_MANAGER, error))
        goto failed;
      group = _heed_db_postgres_dup_quoted_identifier (self->conn, name);
      detail = g_strdup_printf ("%s %s", duty_ids[i], role);
      if (group == NULL
          || !exec_membership (self, "REVOKE {group} FROM {person}", group, person, error)
          || !_heed_store_audit (self, "revoke", "duties", 0, detail, error))
        goto failed;
      taken++;
    }
  if (taken == 0)
    {
      if (duty == HEED_DUTY_NONE)
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND,
                     _("“%s” has no duty in this practice."), role);
      else
        g_set_error (error, HEED_STORE_ERROR, HEED_STORE_ERROR_NOT_FOUND,
                     _("“%s” does not have the %s duty in this practice."), role,
                        heed_duty_get_id (duty));
      goto failed;
    }
  return heed_store_commit (self, error);

failed:
  heed_store_rollback (self);
  return FALSE;
}

GPtrArray *
heed_store_list_duties (HeedStore *self, GError **error)
{
  g_autoptr(GPtrArray) holders =
               g_ptr_array_new_with_free_func ((GDestroyNotify) heed_duty_holder_free);
  g_autoptr(HeedDbStatement) stmt = NULL;
  g_autoptr(GHashTable) by_role = g_hash_table_new (g_str_hash, g_str_equal);
  HeedDbStep step;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_server (self, error))
    return NULL;
  stmt = _heed_store_query (self,
                            "SELECT p.rolname, substr (g.rolname, length ("
                            "'heed_' || current_database () || '_') + 1) "
                            "FROM pg_auth_members m "
                            "JOIN pg_roles g ON g.oid = m.roleid "
                            "JOIN pg_roles p ON p.oid = m.member "
                            "WHERE g.rolname IN ('heed_' || current_database () || '_' || :d0, "
                            "'heed_' || current_database () || '_' || :d1, "
                            "'heed_' || current_database () || '_' || :d2, "
                            "'heed_' || current_database () || '_' || :d3) "
                            "ORDER BY p.rolname",
                            error);
  if (stmt == NULL)
    return NULL;
  heed_db_statement_bind_text (stmt, "d0", duty_ids[0]);
  heed_db_statement_bind_text (stmt, "d1", duty_ids[1]);
  heed_db_statement_bind_text (stmt, "d2", duty_ids[2]);
  heed_db_statement_bind_text (stmt, "d3", duty_ids[3]);
  while ((step = heed_db_statement_step (stmt, error)) == HEED_DB_STEP_ROW)
    {
      const char     *role = heed_db_statement_column_text (stmt, 0);
      HeedDutyHolder *holder = g_hash_table_lookup (by_role, role);
      HeedDuties      duty = HEED_DUTY_NONE;

      /* The manager role holds the others, to give them: not a person. */
      if (g_str_has_prefix (role, "heed_"))
        continue;
      if (holder == NULL)
        {
          holder = g_new0 (HeedDutyHolder, 1);
          holder->role = g_strdup (role);
          g_ptr_array_add (holders, holder);
          g_hash_table_insert (by_role, holder->role, holder);
        }
      if (heed_duty_from_id (heed_db_statement_column_text (stmt, 1), &duty))
        holder->duties |= duty;
    }
  if (step == HEED_DB_STEP_ERROR)
    return NULL;
  g_clear_pointer (&stmt, heed_db_statement_unref);

  for (guint i = 0; i < holders->len; i++)
    {
      HeedDutyHolder *holder = g_ptr_array_index (holders, i);

      stmt = _heed_store_query (self, "SELECT id, name FROM staff WHERE login_role = :role", error);
      if (stmt == NULL)
        return NULL;
      heed_db_statement_bind_text (stmt, "role", holder->role);
      step = heed_db_statement_step (stmt, error);
      if (step == HEED_DB_STEP_ERROR)
        return NULL;
      if (step == HEED_DB_STEP_ROW)
        {
          holder->staff_id = heed_db_statement_column_int64 (stmt, 0);
          holder->staff_name = heed_db_statement_dup_column_text (stmt, 1);
        }
      g_clear_pointer (&stmt, heed_db_statement_unref);
    }
  return g_steal_pointer (&holders);
}

char *
heed_store_dup_trail_owner (HeedStore *self, GError **error)
{
  g_autoptr(HeedDbStatement) stmt = NULL;
  char *owner = NULL;

  g_return_val_if_fail (HEED_IS_STORE (self), NULL);

  if (!_heed_store_is_server (self))
    return NULL;
  stmt = _heed_store_query (self,
                            "SELECT pg_get_userbyid (c.relowner) FROM pg_class c "
                            "JOIN pg_namespace n ON n.oid = c.relnamespace "
                            "WHERE n.nspname = 'public' AND c.relname = 'audit'",
                            error);
  if (stmt == NULL)
    return NULL;
  switch (heed_db_statement_step (stmt, error))
    {
    case HEED_DB_STEP_ROW:
      owner = heed_db_statement_dup_column_text (stmt, 0);
      break;
    case HEED_DB_STEP_DONE:
      g_set_error_literal (error, HEED_STORE_ERROR, HEED_STORE_ERROR_DAMAGED,
                           _("The practice has no audit trail."));
      break;
    default:
      break;
    }
  heed_db_statement_reset (stmt);
  return owner;
}
