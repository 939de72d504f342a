-- SPDX-License-Identifier: GPL-3.0-or-later
-- The same schema as ../0007-record-versions.sql: every record carries a version, counted up
-- by each save, so that a save over another seat's change is refused.

ALTER TABLE cases ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE people ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE events ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE case_elements ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE letters ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE actions ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE staff ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE templates ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE survey_responses ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
ALTER TABLE restrictions ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);

-- And the names in a case's search document come in one order, the person complaining first:
-- without ORDER BY the server gave them in the order it found the rows, which changes when a
-- person's row is rewritten, so that check took a document made earlier for one changed
-- outside Heed (seen after copying a practice of 100,000 cases onto a server). The schema is
-- otherwise that of 0001; a file's FTS5 index has no such order to keep.
CREATE OR REPLACE FUNCTION case_search_vector (c public.cases) RETURNS tsvector
LANGUAGE plpgsql STABLE
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  names text;
BEGIN
  SELECT string_agg (trim (coalesce (p.first_name, '') || ' ' || coalesce (p.last_name, '')
                           || ' ' || coalesce (p.known_as, '')), ' '
                     ORDER BY p.id IS DISTINCT FROM c.complainant, p.id)
    INTO names
    FROM public.people p
   WHERE p.id IN (c.complainant, c.affected);
  RETURN to_tsvector ('public.heed_search',
           regexp_replace (c.reference || ' ' || c.summary || ' '
                             || coalesce (c.description, '') || ' '
                             || coalesce (c.how_affected, '') || ' '
                             || coalesce (c.outcome_wanted, '') || ' '
                             || coalesce (c.people_involved, '') || ' '
                             || coalesce (c.lessons, '') || ' ' || coalesce (names, ''),
                           '[[:punct:]‘’‚“”„–—…«»‹›•·¡¿]', ' ', 'g'));
END
$$;

UPDATE case_search s SET document = case_search_vector (c)
  FROM cases c
 WHERE c.id = s.case_id AND s.document IS DISTINCT FROM case_search_vector (c);
