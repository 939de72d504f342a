-- SPDX-License-Identifier: GPL-3.0-or-later
-- The audit entries about one record, found without reading the whole trail: a case's
-- history in the window and a subject access export read them record by record.
-- (../0003-audit-by-record.sql on a practice file.)

CREATE INDEX audit_record ON audit (tbl, row_id);
