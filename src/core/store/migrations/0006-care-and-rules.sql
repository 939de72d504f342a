-- SPDX-License-Identifier: GPL-3.0-or-later
-- NHS or private care (private care goes to the Dental Complaints Service or ISCAS, not the
-- Ombudsman, and is left out of the KO41(b)); for a representative's complaint, whether they
-- act in the patient's best interests and why; and the annual report's matters of general
-- importance, written by the practice for each period; and the KO41(b) collection each
-- category belongs to (GP or dental; none: both), as in data/categories.xml.

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

ALTER TABLE categories ADD COLUMN collection TEXT
  CHECK (collection IS NULL OR collection IN ('gp', 'dental'));

-- A practice file made before this keeps its own categories: mark the GP-only ones and add
-- the dental ones. A new file is empty here and gets them all from data/categories.xml.
UPDATE categories SET collection = 'gp'
  WHERE year_from = 0 AND scheme = 'staff-group' AND code = 'nursing';
INSERT INTO categories (scheme, code, label, position, collection)
  SELECT n.scheme, n.code, n.label, n.position, 'dental'
  FROM (SELECT 'staff-group' AS scheme, 'dental-nurse' AS code, 'Dental nurse' AS label,
               100 AS position
        UNION ALL SELECT 'staff-group', 'hygienist-therapist', 'Dental hygienist or therapist',
               101
        UNION ALL SELECT 'subject', 'charges', 'NHS charges', 100) AS n
  WHERE EXISTS (SELECT 1 FROM categories)
    AND NOT EXISTS (SELECT 1 FROM categories c WHERE c.scheme = n.scheme AND c.code = n.code);
