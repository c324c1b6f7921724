-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cohort schema version 5: a large import indexes what it wrote for search once, at its end.
--
-- SQLite's full-text index writes out what it holds at the end of every statement inside a
-- transaction.  An import writes one row per statement, so it wrote one tiny index segment per
-- row, and merging them took most of its time.  Now, while search_deferral holds a row, adding or
-- changing a person, course or organisation notes the row in search_pending instead of indexing
-- it; cohort_database_update_search_index() then indexes the noted rows in one statement per
-- index and empties both tables.  Both happen inside the import's transaction, so no other
-- connection ever sees a row in either table, and a rollback or a crash takes them away with the
-- rest of the import.  Deleting a row still takes it out of the index at once.
--
-- What each index holds is now written once, in the views *_search, for the triggers and for the
-- deferred indexing alike.
--
-- The audit entry of an insert is the same as before (every column given, none of the empty
-- ones), built with json_patch(), which drops the empty members in one call, rather than by
-- taking the row's object apart with json_each() and putting it back together.

CREATE TABLE search_deferral (id INTEGER PRIMARY KEY CHECK (id = 1));
CREATE TABLE search_pending (
  table_name TEXT NOT NULL CHECK (table_name IN ('person', 'course', 'organisation')),
  row_id INTEGER NOT NULL,
  PRIMARY KEY (table_name, row_id)
) WITHOUT ROWID;

CREATE VIEW person_search AS
SELECT p.id AS id, p.affiliation_id AS affiliation_id,
       trim(coalesce(p.family_name, '') || ' ' || coalesce(p.given_name, '')) AS name,
       trim(coalesce(p.family_name_local, '') || ' ' || coalesce(p.given_name_local, '')
            || ' ' || coalesce(p.family_name_local, '') || coalesce(p.given_name_local, ''))
         AS name_local,
       p.email AS email,
       (SELECT trim(coalesce(o.name, '') || ' ' || coalesce(o.acronym, '')) FROM organisation o
        WHERE o.id = p.affiliation_id) AS organisation
FROM person p;

CREATE VIEW course_search AS
SELECT id, code, title, description, subject FROM course;

CREATE VIEW organisation_search AS
SELECT id, name, acronym, city FROM organisation;

DROP TRIGGER person_fts_insert;
DROP TRIGGER person_fts_update;
DROP TRIGGER course_fts_insert;
DROP TRIGGER course_fts_update;
DROP TRIGGER organisation_fts_insert;
DROP TRIGGER organisation_fts_update;

CREATE TRIGGER person_fts_insert AFTER INSERT ON person
WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  SELECT id, name, name_local, email, organisation FROM person_search WHERE id = new.id;
END;
CREATE TRIGGER person_fts_update AFTER UPDATE OF family_name, given_name, family_name_local,
  given_name_local, email, affiliation_id ON person
WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
  DELETE FROM person_fts WHERE rowid = old.id;
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  SELECT id, name, name_local, email, organisation FROM person_search WHERE id = new.id;
END;

CREATE TRIGGER course_fts_insert AFTER INSERT ON course
WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT INTO course_fts (rowid, code, title, description, subject)
  SELECT id, code, title, description, subject FROM course_search WHERE id = new.id;
END;
CREATE TRIGGER course_fts_update AFTER UPDATE OF code, title, description, subject ON course
WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
  DELETE FROM course_fts WHERE rowid = old.id;
  INSERT INTO course_fts (rowid, code, title, description, subject)
  SELECT id, code, title, description, subject FROM course_search WHERE id = new.id;
END;

CREATE TRIGGER organisation_fts_insert AFTER INSERT ON organisation
WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT INTO organisation_fts (rowid, name, acronym, city)
  SELECT id, name, acronym, city FROM organisation_search WHERE id = new.id;
END;
-- The people who work there are found by its name too.
CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name, acronym, city ON organisation
WHEN NOT EXISTS (SELECT 1 FROM search_deferral) BEGIN
  DELETE FROM organisation_fts WHERE rowid = old.id;
  INSERT INTO organisation_fts (rowid, name, acronym, city)
  SELECT id, name, acronym, city FROM organisation_search WHERE id = new.id;
  DELETE FROM person_fts WHERE rowid IN (SELECT id FROM person WHERE affiliation_id = new.id);
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  SELECT id, name, name_local, email, organisation FROM person_search
  WHERE affiliation_id = new.id;
END;

CREATE TRIGGER person_search_defer_insert AFTER INSERT ON person
WHEN EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT OR IGNORE INTO search_pending (table_name, row_id) VALUES ('person', new.id);
END;
CREATE TRIGGER person_search_defer_update AFTER UPDATE OF family_name, given_name,
  family_name_local, given_name_local, email, affiliation_id ON person
WHEN EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT OR IGNORE INTO search_pending (table_name, row_id) VALUES ('person', new.id);
END;

CREATE TRIGGER course_search_defer_insert AFTER INSERT ON course
WHEN EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT OR IGNORE INTO search_pending (table_name, row_id) VALUES ('course', new.id);
END;
CREATE TRIGGER course_search_defer_update AFTER UPDATE OF code, title, description, subject
  ON course
WHEN EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT OR IGNORE INTO search_pending (table_name, row_id) VALUES ('course', new.id);
END;

CREATE TRIGGER organisation_search_defer_insert AFTER INSERT ON organisation
WHEN EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT OR IGNORE INTO search_pending (table_name, row_id) VALUES ('organisation', new.id);
END;
CREATE TRIGGER organisation_search_defer_update AFTER UPDATE OF name, acronym, city
  ON organisation
WHEN EXISTS (SELECT 1 FROM search_deferral) BEGIN
  INSERT OR IGNORE INTO search_pending (table_name, row_id) VALUES ('organisation', new.id);
END;

-- Audit entries of inserts.

DROP TRIGGER organisation_audit_insert;
CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'organisation', new.id, 'insert',
          json_patch('{}', json_object('name', new.name, 'acronym', new.acronym, 'kind', new.kind, 'parent_id', new.parent_id, 'country', new.country, 'city', new.city)));
END;

DROP TRIGGER person_audit_insert;
CREATE TRIGGER person_audit_insert AFTER INSERT ON person BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'person', new.id, 'insert',
          json_patch('{}', json_object('code', new.code, 'family_name', new.family_name, 'given_name', new.given_name, 'family_name_local', new.family_name_local, 'given_name_local', new.given_name_local, 'name_order', new.name_order, 'gender', new.gender, 'gender_self', new.gender_self, 'birth_date', new.birth_date, 'nationality', new.nationality, 'email', new.email, 'phone', new.phone, 'affiliation_id', new.affiliation_id, 'notes', new.notes, 'anonymised_at', new.anonymised_at)));
END;

DROP TRIGGER programme_audit_insert;
CREATE TRIGGER programme_audit_insert AFTER INSERT ON programme BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'programme', new.id, 'insert',
          json_patch('{}', json_object('code', new.code, 'name', new.name)));
END;

DROP TRIGGER course_audit_insert;
CREATE TRIGGER course_audit_insert AFTER INSERT ON course BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course', new.id, 'insert',
          json_patch('{}', json_object('code', new.code, 'title', new.title, 'programme_id', new.programme_id, 'description', new.description, 'subject', new.subject, 'provider_id', new.provider_id, 'url', new.url, 'source', new.source)));
END;

DROP TRIGGER course_run_audit_insert;
CREATE TRIGGER course_run_audit_insert AFTER INSERT ON course_run BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course_run', new.id, 'insert',
          json_patch('{}', json_object('course_id', new.course_id, 'code', new.code, 'start_date', new.start_date, 'end_date', new.end_date, 'mode', new.mode, 'venue', new.venue, 'capacity', new.capacity, 'status', new.status, 'fiscal_year', new.fiscal_year)));
END;

DROP TRIGGER enrolment_audit_insert;
CREATE TRIGGER enrolment_audit_insert AFTER INSERT ON enrolment BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'enrolment', new.id, 'insert',
          json_patch('{}', json_object('person_id', new.person_id, 'run_id', new.run_id, 'status', new.status, 'reserve_rank', new.reserve_rank, 'decided_on', new.decided_on, 'completed_on', new.completed_on, 'certificate_number', new.certificate_number, 'withdrawal_reason', new.withdrawal_reason)));
END;

DROP TRIGGER run_trainer_audit_insert;
CREATE TRIGGER run_trainer_audit_insert AFTER INSERT ON run_trainer BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'run_trainer', new.id, 'insert',
          json_patch('{}', json_object('run_id', new.run_id, 'person_id', new.person_id, 'role', new.role)));
END;

DROP TRIGGER placement_audit_insert;
CREATE TRIGGER placement_audit_insert AFTER INSERT ON placement BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'placement', new.id, 'insert',
          json_patch('{}', json_object('person_id', new.person_id, 'enrolment_id', new.enrolment_id, 'host_id', new.host_id, 'office_id', new.office_id, 'duty_station', new.duty_station, 'country', new.country, 'position_title', new.position_title, 'modality', new.modality, 'funded_by', new.funded_by, 'supervisor_id', new.supervisor_id, 'start_date', new.start_date, 'end_date', new.end_date, 'actual_end_date', new.actual_end_date, 'status', new.status, 'evaluation', new.evaluation)));
END;

DROP TRIGGER career_record_audit_insert;
CREATE TRIGGER career_record_audit_insert AFTER INSERT ON career_record BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'career_record', new.id, 'insert',
          json_patch('{}', json_object('person_id', new.person_id, 'organisation_id', new.organisation_id, 'position_title', new.position_title, 'sector', new.sector, 'country', new.country, 'start_date', new.start_date, 'end_date', new.end_date, 'source', new.source, 'verified_on', new.verified_on)));
END;

PRAGMA user_version = 5;
