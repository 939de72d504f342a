-- SPDX-License-Identifier: GPL-3.0-or-later
-- The same schema as ../0006-care-and-rules.sql: NHS or private care, the best-interests
-- decision on a representative's complaint, the annual report's matters of general importance
-- by period, and the KO41(b) collection of each category.

ALTER TABLE cases ADD COLUMN care text COLLATE "C"
  CHECK (care IS NULL OR care IN ('nhs', 'private'));
ALTER TABLE cases ADD COLUMN best_interests text COLLATE "C"
  CHECK (best_interests IS NULL OR best_interests IN ('yes', 'no'));
ALTER TABLE cases ADD COLUMN best_interests_note text COLLATE "C";

CREATE TABLE report_summaries (
  period_from          text COLLATE "C" NOT NULL,
  period_to            text COLLATE "C" NOT NULL,
  general_importance   text COLLATE "C",
  updated_at           text COLLATE "C" NOT NULL,
  PRIMARY KEY (period_from, period_to)
);

ALTER TABLE categories ADD COLUMN collection text COLLATE "C"
  CHECK (collection IS NULL OR collection IN ('gp', 'dental'));

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
