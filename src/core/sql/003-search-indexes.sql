-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cohort schema version 3: what the list models need to search and sort 100,000 people fast, and
-- the original-script name indexed as it is written.
--
-- A search of one or two characters cannot use the trigram index, so the query models match it as
-- a prefix with `column LIKE :prefix ESCAPE '\'`.  SQLite answers such a LIKE from an index only
-- when the index uses the NOCASE collation (LIKE ignores ASCII case), so each column searched that
-- way gets one; the romanised names and the organisation and course titles already have theirs in
-- version 1.  Without these a one-letter search reads every person.

CREATE INDEX person_family_name_local_nocase_idx ON person (family_name_local COLLATE NOCASE);
CREATE INDEX person_given_name_local_nocase_idx ON person (given_name_local COLLATE NOCASE);
CREATE INDEX person_code_nocase_idx ON person (code COLLATE NOCASE);
CREATE INDEX course_code_nocase_idx ON course (code COLLATE NOCASE);
CREATE INDEX course_run_code_nocase_idx ON course_run (code COLLATE NOCASE);
CREATE INDEX organisation_acronym_nocase_idx ON organisation (acronym COLLATE NOCASE);

-- The people lists (everyone, trainees, graduates) are read in family-name order straight from
-- this index; with the columns their filters test (deleted, gender, nationality) in it too, the
-- whole list is read from the index alone, without a look-up in the table for each person.  It
-- replaces version 1's index of the same name, which had only the two names.
DROP INDEX person_family_name_idx;
CREATE INDEX person_family_name_idx ON person (family_name COLLATE NOCASE,
                                               given_name COLLATE NOCASE,
                                               deleted_at, gender, nationality);

-- "Has an enrolment (of this status, in these runs)" for every person in a list, from the index.
CREATE INDEX enrolment_person_idx ON enrolment (person_id, deleted_at, status, run_id);

-- A graduate's latest career record (latest start, newest among equals) and what the Graduates
-- list shows and filters of it, from the index.
CREATE INDEX career_record_latest_idx ON career_record (person_id, start_date, id, deleted_at,
                                                        verified_on, sector);

-- A name in Japanese, Chinese or Korean is written without a space ("田中太郎"), but version 1
-- indexed family and given name with one between them ("田中 太郎"), so a search for "田中太郎"
-- or "中太郎" found nobody.  person_fts.name_local now holds both forms: "田中 太郎 田中太郎".
-- The triggers that fill it are replaced (same names, same columns otherwise) and the index is
-- rebuilt.

DROP TRIGGER person_fts_insert;
DROP TRIGGER person_fts_update;
DROP TRIGGER organisation_fts_update;

CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  VALUES (new.id,
          trim(coalesce(new.family_name, '') || ' ' || coalesce(new.given_name, '')),
          trim(coalesce(new.family_name_local, '') || ' ' || coalesce(new.given_name_local, '')
               || ' ' || coalesce(new.family_name_local, '')
               || coalesce(new.given_name_local, '')),
          new.email,
          (SELECT trim(coalesce(o.name, '') || ' ' || coalesce(o.acronym, '')) FROM organisation o
           WHERE o.id = new.affiliation_id));
END;
CREATE TRIGGER person_fts_update AFTER UPDATE OF family_name, given_name, family_name_local,
  given_name_local, email, affiliation_id ON person BEGIN
  DELETE FROM person_fts WHERE rowid = old.id;
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  VALUES (new.id,
          trim(coalesce(new.family_name, '') || ' ' || coalesce(new.given_name, '')),
          trim(coalesce(new.family_name_local, '') || ' ' || coalesce(new.given_name_local, '')
               || ' ' || coalesce(new.family_name_local, '')
               || coalesce(new.given_name_local, '')),
          new.email,
          (SELECT trim(coalesce(o.name, '') || ' ' || coalesce(o.acronym, '')) FROM organisation o
           WHERE o.id = new.affiliation_id));
END;
CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name, acronym, city ON organisation BEGIN
  DELETE FROM organisation_fts WHERE rowid = old.id;
  INSERT INTO organisation_fts (rowid, name, acronym, city)
  VALUES (new.id, new.name, new.acronym, new.city);
  DELETE FROM person_fts WHERE rowid IN (SELECT id FROM person WHERE affiliation_id = new.id);
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  SELECT p.id, trim(coalesce(p.family_name, '') || ' ' || coalesce(p.given_name, '')),
         trim(coalesce(p.family_name_local, '') || ' ' || coalesce(p.given_name_local, '')
              || ' ' || coalesce(p.family_name_local, '') || coalesce(p.given_name_local, '')),
         p.email, trim(coalesce(new.name, '') || ' ' || coalesce(new.acronym, ''))
  FROM person p WHERE p.affiliation_id = new.id;
END;

DELETE FROM person_fts;
INSERT INTO person_fts (rowid, name, name_local, email, organisation)
SELECT p.id, trim(coalesce(p.family_name, '') || ' ' || coalesce(p.given_name, '')),
       trim(coalesce(p.family_name_local, '') || ' ' || coalesce(p.given_name_local, '')
            || ' ' || coalesce(p.family_name_local, '') || coalesce(p.given_name_local, '')),
       p.email,
       (SELECT trim(coalesce(o.name, '') || ' ' || coalesce(o.acronym, '')) FROM organisation o
        WHERE o.id = p.affiliation_id)
FROM person p;

PRAGMA user_version = 3;
