-- SPDX-License-Identifier: GPL-3.0-or-later
-- Heed practice file, schema version 1. Applied in one transaction by HeedStore.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT
) STRICT;

-- A practice's logo and other binary settings.
CREATE TABLE setting_blobs (
  key  TEXT PRIMARY KEY NOT NULL,
  mime TEXT NOT NULL,
  data BLOB NOT NULL
) STRICT;

-- Categories for reports and the KO41(b) return: data, not code, since they change by year.
CREATE TABLE categories (
  id         INTEGER PRIMARY KEY,
  scheme     TEXT NOT NULL CHECK (scheme IN ('subject', 'staff-group', 'age-band',
                                             'complainant-status')),
  code       TEXT NOT NULL,
  label      TEXT NOT NULL,
  year_from  INTEGER NOT NULL DEFAULT 0,
  year_to    INTEGER NOT NULL DEFAULT 9999,
  position   INTEGER NOT NULL DEFAULT 0,
  min_age    INTEGER,
  max_age    INTEGER,
  UNIQUE (scheme, code, year_from)
) STRICT;

-- seriousness x likelihood -> risk; a practice may adopt its own matrix.
CREATE TABLE risk_matrix (
  seriousness TEXT NOT NULL,
  likelihood  TEXT NOT NULL,
  risk        TEXT NOT NULL CHECK (risk IN ('low', 'moderate', 'high', 'extreme')),
  PRIMARY KEY (seriousness, likelihood)
) STRICT;

CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  role        TEXT,
  staff_group TEXT,
  email       TEXT,
  phone       TEXT,
  active      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE people (
  id             INTEGER PRIMARY KEY,
  title          TEXT,
  first_name     TEXT,
  last_name      TEXT,
  known_as       TEXT,
  house          TEXT,
  street         TEXT,
  town           TEXT,
  country        TEXT,
  postcode       TEXT,
  phone          TEXT,
  phone_alt      TEXT,
  email          TEXT,
  nhs_number     TEXT,
  date_of_birth  TEXT,
  contact_method TEXT,
  contact_times  TEXT,
  answerphone_ok INTEGER NOT NULL DEFAULT 0,
  access_format  TEXT,
  language       TEXT,
  advocate       TEXT,
  deceased       INTEGER NOT NULL DEFAULT 0,
  notes          TEXT
) STRICT;

CREATE TABLE cases (
  id                        INTEGER PRIMARY KEY,
  reference                 TEXT NOT NULL UNIQUE,
  kind                      TEXT NOT NULL CHECK (kind IN ('complaint', 'concern', 'comment',
                                                          'compliment')),
  channel                   TEXT NOT NULL,
  status                    TEXT NOT NULL,
  track                     TEXT,
  received_at               TEXT NOT NULL,
  received_by               INTEGER REFERENCES staff (id),
  handler                   INTEGER REFERENCES staff (id),
  complainant               INTEGER REFERENCES people (id),
  affected                  INTEGER REFERENCES people (id),
  on_behalf                 INTEGER NOT NULL DEFAULT 0,
  relationship              TEXT,
  relationship_other        TEXT,
  behalf_reason             TEXT,
  behalf_reason_other       TEXT,
  anonymous                 INTEGER NOT NULL DEFAULT 0,
  confidential              INTEGER NOT NULL DEFAULT 0,
  summary                   TEXT NOT NULL,
  incident_date             TEXT,
  aware_date                TEXT,
  description               TEXT,
  people_involved           TEXT,
  how_affected              TEXT,
  outcome_wanted            TEXT,
  outcome_notes             TEXT,
  late_reason               TEXT,
  late_decision             TEXT,
  subject                   TEXT,
  service_area              TEXT,
  callback_offered          INTEGER NOT NULL DEFAULT 0,
  meeting_offered           INTEGER NOT NULL DEFAULT 0,
  advocacy_offered          INTEGER NOT NULL DEFAULT 0,
  copy_offered              INTEGER NOT NULL DEFAULT 0,
  needs                     TEXT,
  consent_status            TEXT,
  consent_requested         TEXT,
  consent_received          TEXT,
  authorised_on             TEXT,
  seriousness               TEXT,
  likelihood                TEXT,
  seriousness_after         TEXT,
  likelihood_after          TEXT,
  safeguarding              INTEGER NOT NULL DEFAULT 0,
  safeguarding_note         TEXT,
  safeguarding_referred     TEXT,
  out_of_scope_reason       TEXT,
  other_organisations       TEXT,
  lead_organisation         TEXT,
  consent_to_share          INTEGER NOT NULL DEFAULT 0,
  plan                      TEXT,
  update_arrangements       TEXT,
  agreed_response_date      TEXT,
  acknowledged_on           TEXT,
  stage2_on                 TEXT,
  extended                  INTEGER NOT NULL DEFAULT 0,
  responded_on              TEXT,
  closed_on                 TEXT,
  oral_resolved             INTEGER NOT NULL DEFAULT 0,
  outcome                   TEXT,
  remedy_apology            INTEGER NOT NULL DEFAULT 0,
  remedy_explanation        INTEGER NOT NULL DEFAULT 0,
  remedy_action             INTEGER NOT NULL DEFAULT 0,
  remedy_financial          INTEGER NOT NULL DEFAULT 0 CHECK (remedy_financial >= 0),
  ombudsman_referred        TEXT,
  ombudsman_reference       TEXT,
  ombudsman_status          TEXT,
  ombudsman_decision        TEXT,
  ombudsman_decided         TEXT,
  ombudsman_recommendations TEXT,
  ombudsman_complied        TEXT,
  general_importance        INTEGER NOT NULL DEFAULT 0,
  lessons                   TEXT,
  in_report                 INTEGER NOT NULL DEFAULT 0,
  you_said                  TEXT,
  we_did                    TEXT,
  publication_approved      INTEGER NOT NULL DEFAULT 0,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL
) STRICT;

CREATE INDEX cases_received ON cases (received_at);
CREATE INDEX cases_status ON cases (status, received_at);
CREATE INDEX cases_kind ON cases (kind, received_at);
CREATE INDEX cases_complainant ON cases (complainant);
CREATE INDEX cases_affected ON cases (affected);

-- Staff named in a complaint.
CREATE TABLE case_staff (
  case_id  INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  staff_id INTEGER NOT NULL REFERENCES staff (id),
  PRIMARY KEY (case_id, staff_id)
) STRICT;

CREATE TABLE case_elements (
  id          INTEGER PRIMARY KEY,
  "case"      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL DEFAULT 0,
  description TEXT NOT NULL,
  subject     TEXT,
  staff_group TEXT,
  finding     TEXT,
  outcome     TEXT,
  response    TEXT,
  apology     INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX case_elements_case ON case_elements ("case", position);

CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  "case"      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  staff       INTEGER REFERENCES staff (id),
  summary     TEXT NOT NULL,
  detail      TEXT
) STRICT;
CREATE INDEX events_case ON events ("case", occurred_at);

CREATE TABLE attachments (
  id        INTEGER PRIMARY KEY,
  "case"    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  event     INTEGER REFERENCES events (id) ON DELETE CASCADE,
  filename  TEXT NOT NULL,
  mime      TEXT NOT NULL,
  added_at  TEXT NOT NULL,
  data      BLOB NOT NULL
) STRICT;
CREATE INDEX attachments_case ON attachments ("case");

CREATE TABLE actions (
  id                      INTEGER PRIMARY KEY,
  "case"                  INTEGER REFERENCES cases (id) ON DELETE CASCADE,
  description             TEXT NOT NULL,
  owner                   INTEGER REFERENCES staff (id),
  start_date              TEXT,
  due_date                TEXT,
  standard                TEXT,
  complainant_involvement TEXT,
  review_date             TEXT,
  completed_on            TEXT,
  monitoring              TEXT,
  impact                  TEXT
) STRICT;
CREATE INDEX actions_case ON actions ("case");
CREATE INDEX actions_due ON actions (completed_on, due_date);

CREATE TABLE templates (
  id         INTEGER PRIMARY KEY,
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  language   TEXT,
  body       TEXT NOT NULL,
  builtin    INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT,
  UNIQUE (code, language)
) STRICT;

CREATE TABLE letters (
  id          INTEGER PRIMARY KEY,
  "case"      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  template    TEXT NOT NULL,
  recipient   INTEGER REFERENCES people (id),
  title       TEXT,
  created_at  TEXT NOT NULL,
  sent_at     TEXT,
  sent_by     TEXT,
  large_print INTEGER NOT NULL DEFAULT 0,
  language    TEXT,
  free_text   TEXT,
  merged_text TEXT,
  pdf         BLOB
) STRICT;
CREATE INDEX letters_case ON letters ("case");

-- A sent letter is a record of what the practice said: it cannot change afterwards.
CREATE TRIGGER letters_frozen BEFORE UPDATE ON letters
  WHEN OLD.sent_at IS NOT NULL
BEGIN
  SELECT RAISE (ABORT, 'a sent letter cannot be changed');
END;
CREATE TRIGGER letters_frozen_delete BEFORE DELETE ON letters
  WHEN OLD.sent_at IS NOT NULL
       AND (SELECT count(*) FROM cases WHERE id = OLD."case") > 0
BEGIN
  SELECT RAISE (ABORT, 'a sent letter cannot be deleted');
END;

CREATE TABLE survey_responses (
  id           INTEGER PRIMARY KEY,
  "case"       INTEGER REFERENCES cases (id) ON DELETE SET NULL,
  responded_on TEXT NOT NULL,
  answers      TEXT,
  comment      TEXT
) STRICT;

CREATE TABLE restrictions (
  id          INTEGER PRIMARY KEY,
  "case"      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  measure     TEXT NOT NULL,
  detail      TEXT,
  reason      TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  review_date TEXT,
  told_on     TEXT
) STRICT;

-- Who did what and when; each row's hash covers the previous row's, so a row changed or
-- removed outside Heed breaks the chain (heed-cli check).
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  os_user   TEXT NOT NULL,
  staff     TEXT,
  action    TEXT NOT NULL,
  tbl       TEXT NOT NULL,
  row_id    INTEGER,
  detail    TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
) STRICT;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

-- Destroyed records (retention) leave a tombstone saying they were destroyed and when.
CREATE TABLE destroyed (
  reference    TEXT PRIMARY KEY NOT NULL,
  kind         TEXT NOT NULL,
  closed_on    TEXT,
  destroyed_at TEXT NOT NULL,
  destroyed_by TEXT NOT NULL,
  reason       TEXT NOT NULL
) STRICT;

-- Full-text search over a case and the names of its people.
CREATE VIRTUAL TABLE case_search USING fts5 (
  reference, summary, body, names,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER cases_search_insert AFTER INSERT ON cases
BEGIN
  INSERT INTO case_search (rowid, reference, summary, body, names)
  VALUES (NEW.id, NEW.reference, NEW.summary,
          ifnull (NEW.description, '') || ' ' || ifnull (NEW.how_affected, '') || ' '
            || ifnull (NEW.outcome_wanted, '') || ' ' || ifnull (NEW.people_involved, '')
            || ' ' || ifnull (NEW.lessons, ''),
          (SELECT group_concat (trim (ifnull (first_name, '') || ' ' || ifnull (last_name, '') || ' ' || ifnull (known_as, '')), ' ')
             FROM people WHERE id IN (NEW.complainant, NEW.affected)));
END;

CREATE TRIGGER cases_search_update AFTER UPDATE ON cases
BEGIN
  DELETE FROM case_search WHERE rowid = OLD.id;
  INSERT INTO case_search (rowid, reference, summary, body, names)
  VALUES (NEW.id, NEW.reference, NEW.summary,
          ifnull (NEW.description, '') || ' ' || ifnull (NEW.how_affected, '') || ' '
            || ifnull (NEW.outcome_wanted, '') || ' ' || ifnull (NEW.people_involved, '')
            || ' ' || ifnull (NEW.lessons, ''),
          (SELECT group_concat (trim (ifnull (first_name, '') || ' ' || ifnull (last_name, '') || ' ' || ifnull (known_as, '')), ' ')
             FROM people WHERE id IN (NEW.complainant, NEW.affected)));
END;

CREATE TRIGGER cases_search_delete AFTER DELETE ON cases
BEGIN
  DELETE FROM case_search WHERE rowid = OLD.id;
END;

-- A person's name changes what finds their cases.
CREATE TRIGGER people_search_update AFTER UPDATE OF first_name, last_name, known_as ON people
BEGIN
  UPDATE case_search
     SET names = (SELECT group_concat (trim (ifnull (p.first_name, '') || ' ' || ifnull (p.last_name, '')
                                         || ' ' || ifnull (p.known_as, '')), ' ')
                    FROM people p, cases c
                   WHERE c.id = case_search.rowid AND p.id IN (c.complainant, c.affected))
   WHERE rowid IN (SELECT id FROM cases WHERE NEW.id IN (complainant, affected));
END;

-- The last number given to each reference series ("C-2025-"), so references are never reused.
CREATE TABLE reference_counters (
  prefix TEXT PRIMARY KEY NOT NULL,
  last   INTEGER NOT NULL
) STRICT;
