-- SPDX-License-Identifier: GPL-3.0-or-later
-- The audit trail refuses DELETE as it refuses UPDATE: Heed never takes an entry out, and
-- retention destroys records, not the trail's entries about them.

CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN
  SELECT RAISE (ABORT, 'the audit trail cannot be changed');
END;

-- Who this practice is, whatever its file is called: the anchor log outside the file
-- (heed-store-anchors.c) keeps the trail's head by it. Copies and backups share it.
INSERT INTO settings (key, value) VALUES ('practice-id', lower (hex (randomblob (16))))
  ON CONFLICT (key) DO NOTHING;
