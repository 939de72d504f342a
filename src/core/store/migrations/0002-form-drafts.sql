-- SPDX-License-Identifier: GPL-3.0-or-later
-- What someone is typing into a form that has not been saved yet, kept as they type so that
-- a crash or power cut loses nothing. Not a record of the practice: never audited, exported
-- or reported, and removed once the form is saved or the typing is thrown away.

CREATE TABLE form_drafts (
  id         INTEGER PRIMARY KEY,
  form       TEXT NOT NULL,                         -- which form: "feedback", "case", ...
  case_id    INTEGER REFERENCES cases (id) ON DELETE CASCADE,
  title      TEXT NOT NULL DEFAULT '',              -- how to offer it back: "Complaint from Ann Lee"
  content    TEXT NOT NULL,                         -- the fields, as a GKeyFile
  os_user    TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE INDEX form_drafts_case ON form_drafts (case_id);
