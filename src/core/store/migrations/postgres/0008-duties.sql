-- SPDX-License-Identifier: GPL-3.0-or-later
-- Duties, enforced by the server (the same schema as ../0008-duties.sql, and on a server the
-- rules that make it mean something). Each practice (database) has four group roles of its
-- own, heed_<database>_reception, _handler, _manager and _reader, made and given their
-- privileges by the store (heed-store-duties.c: heed_store_setup_duties(), with identifiers
-- quoted by libpq) since their names depend on the database's. A person signs in as their
-- own login role, a member of one or more of them; staff.login_role says which staff member
-- they are. The database's owner bypasses row-level security, as the owner of every table.
--
--   reception  adds feedback (cases, people, their events, reference numbers, the trail) and
--              reads the list's one-line summaries of cases that are not confidential; no
--              investigation notes, attachments, letters or outcomes (column privileges)
--   handler    reads and changes, in full, the cases whose handler is their staff member
--   manager    everything: every case, settings, templates, staff, duties
--   reader     the reports' counts only, through heed_report_counts() below
--
-- Every duty may add to the audit trail and read its head (id, hash) to chain onto it, and
-- nothing else: no UPDATE, DELETE or TRUNCATE is ever granted, and the triggers refusing
-- them (0001, 0005) belong to the owner. An entry names the role the server says is signed
-- in (session_user); only the owner may write another's (copying a practice's history in).

ALTER TABLE staff ADD COLUMN login_role text COLLATE "C";
CREATE UNIQUE INDEX staff_login_role ON staff (login_role) WHERE login_role IS NOT NULL;

-- The group role of a duty in this database.
CREATE FUNCTION heed_duty_role (duty text) RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$ SELECT 'heed_' || current_database () || '_' || duty $$;

-- Whether the current role has a duty's privileges (directly or through membership).
CREATE FUNCTION heed_has_duty (duty text) RETURNS boolean LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.rolname = public.heed_duty_role (duty)
                    AND pg_catalog.pg_has_role (current_user, r.oid, 'USAGE'))
$$;

-- The staff member the person signed in is, or NULL.
CREATE FUNCTION heed_my_staff () RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT s.id FROM public.staff s WHERE s.login_role = CAST (session_user AS text) $$;

-- Appending to the trail takes this lock first (heed-db-postgres.c): LOCK TABLE in this mode
-- needs UPDATE or DELETE rights, which no duty has, so the owner takes it for them.
CREATE FUNCTION heed_lock_trail () RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  LOCK TABLE public.audit IN SHARE ROW EXCLUSIVE MODE;
END
$$;
REVOKE ALL ON FUNCTION heed_lock_trail () FROM PUBLIC;

-- An entry names whoever the server says is signed in.
CREATE FUNCTION audit_signed () RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NEW.os_user IS DISTINCT FROM CAST (session_user AS text)
     AND NOT pg_catalog.pg_has_role (session_user,
                                     (SELECT d.datdba FROM pg_catalog.pg_database d
                                       WHERE d.datname = pg_catalog.current_database ()),
                                     'MEMBER') THEN
    RAISE EXCEPTION USING ERRCODE = 'HE001',
      MESSAGE = 'a trail entry must name the role signed in';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_signed BEFORE INSERT ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_signed ();

-- The search index is kept by the owner, whoever saves: reception may not read what it holds.
ALTER FUNCTION cases_search_changed () SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION people_search_changed () SECURITY DEFINER SET search_path = pg_catalog, pg_temp;

-- The reports' counts, with no names, for the reader duty: cases received in [from, before)
-- by kind and status.
CREATE FUNCTION heed_report_counts (from_date text, before_date text)
RETURNS TABLE (kind text, status text, cases bigint) LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT c.kind, c.status, count (*) FROM public.cases c
   WHERE c.received_at >= from_date AND c.received_at < before_date
   GROUP BY c.kind, c.status ORDER BY c.kind, c.status
$$;
REVOKE ALL ON FUNCTION heed_report_counts (text, text) FROM PUBLIC;

-- Rows. The duty tests are written as sub-selects so that each runs once per statement.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY cases_manager ON cases USING ((SELECT public.heed_has_duty ('manager')));
CREATE POLICY cases_handler ON cases
  USING ((SELECT public.heed_has_duty ('handler')) AND handler = (SELECT public.heed_my_staff ()));
CREATE POLICY cases_reception_read ON cases FOR SELECT
  USING ((SELECT public.heed_has_duty ('reception')) AND NOT confidential);
CREATE POLICY cases_reception_add ON cases FOR INSERT
  WITH CHECK ((SELECT public.heed_has_duty ('reception')) AND NOT confidential);

-- What belongs to a case is seen with it; a practice-wide row (no case) by managers and
-- handlers.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('case_elements', 'case', false), ('events', 'case', false),
                                 ('attachments', 'case', false), ('actions', 'case', true),
                                 ('letters', 'case', false), ('restrictions', 'case', false),
                                 ('survey_responses', 'case', true),
                                 ('case_staff', 'case_id', false),
                                 ('case_search', 'case_id', false),
                                 ('form_drafts', 'case_id', true))
                    AS v (tbl, col, practice_wide)
  LOOP
    EXECUTE format ('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', t.tbl);
    EXECUTE format ('CREATE POLICY %I ON public.%I USING (%I IN (SELECT id FROM public.cases)%s)',
                    t.tbl || '_with_case', t.tbl, t.col,
                    CASE WHEN t.practice_wide
                         THEN format (' OR (%I IS NULL AND ((SELECT public.heed_has_duty '
                                      '(''manager'')) OR (SELECT public.heed_has_duty '
                                      '(''handler'')) OR (SELECT public.heed_has_duty '
                                      '(''reception''))))', t.col)
                         ELSE '' END);
  END LOOP;
END
$$;
