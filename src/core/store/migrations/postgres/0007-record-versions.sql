-- SPDX-License-Identifier: GPL-3.0-or-later
-- A placeholder keeping the numbering: migration 7 (record versions) comes from the work on
-- saving records (wip/engines), which replaces this file when the two meet.
SELECT 1;
