-- SPDX-License-Identifier: GPL-3.0-or-later
-- NHS or private care (private care goes to the Dental Complaints Service or ISCAS, not the
-- Ombudsman, and is left out of the KO41(b)); for a representative's complaint, whether they
-- act in the patient's best interests and why; and the annual report's matters of general
-- importance, written by the practice for each period.

ALTER TABLE cases ADD COLUMN care TEXT CHECK (care IS NULL OR care IN ('nhs', 'private'));
ALTER TABLE cases ADD COLUMN best_interests TEXT
  CHECK (best_interests IS NULL OR best_interests IN ('yes', 'no'));
ALTER TABLE cases ADD COLUMN best_interests_note TEXT;

CREATE TABLE report_summaries (
  period_from          TEXT NOT NULL,
  period_to            TEXT NOT NULL,
  general_importance   TEXT,
  updated_at           TEXT NOT NULL,
  PRIMARY KEY (period_from, period_to)
);
