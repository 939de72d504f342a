-- SPDX-License-Identifier: GPL-3.0-or-later
-- Who may do what (../postgres/0008-duties.sql on a server): each person's server role maps to
-- a staff member. A practice file has no roles (the computer's account is its only gate), so
-- here the column only keeps the two engines' schemas alike, and a copy keeps the mapping.

ALTER TABLE staff ADD COLUMN login_role TEXT;
CREATE UNIQUE INDEX staff_login_role ON staff (login_role) WHERE login_role IS NOT NULL;
