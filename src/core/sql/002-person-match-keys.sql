-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cohort schema version 2: keys for finding a person who was entered twice.
--
-- match_name and match_name_local hold a person's romanised and original-script names folded for
-- comparison (Unicode NFKC, case-folded, without spaces, hyphens, dots or apostrophes: see
-- cohort_dup_normalised_name()), family name then given name, run together; '' when the person
-- has no such name.  SQL cannot fold Unicode, so the store fills both on every save of a person,
-- and cohort_store_refresh_match_keys() fills those still NULL (rows written before this version,
-- or inserted by anything other than the store), finding them through these same indexes.  They
-- are not audited: they are derived from audited columns.

ALTER TABLE person ADD COLUMN match_name TEXT;
ALTER TABLE person ADD COLUMN match_name_local TEXT;

CREATE INDEX person_match_name_idx ON person (match_name, birth_date);
CREATE INDEX person_match_name_local_idx ON person (match_name_local, birth_date);

PRAGMA user_version = 2;
