-- SPDX-License-Identifier: GPL-3.0-or-later
-- The dates of every case in the order the window lists them, with what decides whether a
-- case needs attention, so that the lists and counts read these narrow indexes rather than
-- every whole case; the second holds open cases only, for Needs Attention.
-- (../0004-cases-by-date.sql on a practice file.)

CREATE INDEX cases_by_date ON cases (received_at, id, status, kind, track, acknowledged_on,
                                     agreed_response_date, responded_on, closed_on, stage2_on,
                                     extended, subject);

CREATE INDEX cases_open_by_date ON cases (received_at, id, status, kind, track,
                                          acknowledged_on, agreed_response_date, responded_on,
                                          closed_on, stage2_on, extended, subject)
  WHERE status NOT IN ('closed', 'withdrawn', 'out-of-scope');
