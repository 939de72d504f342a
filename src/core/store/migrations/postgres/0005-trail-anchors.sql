-- SPDX-License-Identifier: GPL-3.0-or-later
-- The same schema as ../0005-trail-anchors.sql: the audit trail refuses DELETE (and, on a
-- server, TRUNCATE) as it refuses UPDATE, and the practice gets an identity of its own for
-- the anchor log outside it.

CREATE FUNCTION audit_no_delete () RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'HE001', MESSAGE = 'the audit trail cannot be changed';
END
$$;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  FOR EACH ROW EXECUTE FUNCTION audit_no_delete ();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_no_delete ();

INSERT INTO settings (key, value)
  VALUES ('practice-id', replace (CAST (gen_random_uuid () AS text), '-', ''))
  ON CONFLICT (key) DO NOTHING;
