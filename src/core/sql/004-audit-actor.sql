-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cohort schema version 4: who made each change.
--
-- Every audit entry now says who wrote it: the text of the application-defined function
-- cohort_actor(), which Cohort registers on each connection it opens (the user's name and the
-- face they used: "amina (window)", "amina (command line: import)").  Entries written before this
-- version have an empty actor.  The actor is the member of staff, never the trainee, so
-- anonymising or erasing a person leaves it in place.  A program other than Cohort that writes
-- to an audited table must define cohort_actor() itself; without it the write fails rather than
-- leaving an entry that names no one.

ALTER TABLE audit_log ADD COLUMN actor TEXT NOT NULL DEFAULT '';

DROP TRIGGER organisation_audit_insert;
DROP TRIGGER organisation_audit_update;
DROP TRIGGER organisation_audit_delete;
DROP TRIGGER person_audit_insert;
DROP TRIGGER person_audit_update;
DROP TRIGGER person_audit_delete;
DROP TRIGGER programme_audit_insert;
DROP TRIGGER programme_audit_update;
DROP TRIGGER programme_audit_delete;
DROP TRIGGER course_audit_insert;
DROP TRIGGER course_audit_update;
DROP TRIGGER course_audit_delete;
DROP TRIGGER course_run_audit_insert;
DROP TRIGGER course_run_audit_update;
DROP TRIGGER course_run_audit_delete;
DROP TRIGGER enrolment_audit_insert;
DROP TRIGGER enrolment_audit_update;
DROP TRIGGER enrolment_audit_delete;
DROP TRIGGER run_trainer_audit_insert;
DROP TRIGGER run_trainer_audit_update;
DROP TRIGGER run_trainer_audit_delete;
DROP TRIGGER placement_audit_insert;
DROP TRIGGER placement_audit_update;
DROP TRIGGER placement_audit_delete;
DROP TRIGGER career_record_audit_insert;
DROP TRIGGER career_record_audit_update;
DROP TRIGGER career_record_audit_delete;

CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'organisation', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('name', new.name, 'acronym', new.acronym, 'kind', new.kind, 'parent_id', new.parent_id, 'country', new.country, 'city', new.city)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER organisation_audit_update AFTER UPDATE ON organisation BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'organisation', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('name', json_array(old.name, new.name), 'acronym', json_array(old.acronym, new.acronym), 'kind', json_array(old.kind, new.kind), 'parent_id', json_array(old.parent_id, new.parent_id), 'country', json_array(old.country, new.country), 'city', json_array(old.city, new.city), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER organisation_audit_delete AFTER DELETE ON organisation BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'organisation', old.id, 'erase', '{}');
END;

CREATE TRIGGER person_audit_insert AFTER INSERT ON person BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'person', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('code', new.code, 'family_name', new.family_name, 'given_name', new.given_name, 'family_name_local', new.family_name_local, 'given_name_local', new.given_name_local, 'name_order', new.name_order, 'gender', new.gender, 'gender_self', new.gender_self, 'birth_date', new.birth_date, 'nationality', new.nationality, 'email', new.email, 'phone', new.phone, 'affiliation_id', new.affiliation_id, 'notes', new.notes, 'anonymised_at', new.anonymised_at)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER person_audit_update AFTER UPDATE ON person BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'person', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' WHEN old.anonymised_at IS NULL AND new.anonymised_at IS NOT NULL THEN 'anonymise' ELSE 'update' END,
         json_group_object(key, CASE WHEN new.anonymised_at IS NOT NULL THEN NULL ELSE json(value) END)
  FROM json_each(json_object('code', json_array(old.code, new.code), 'family_name', json_array(old.family_name, new.family_name), 'given_name', json_array(old.given_name, new.given_name), 'family_name_local', json_array(old.family_name_local, new.family_name_local), 'given_name_local', json_array(old.given_name_local, new.given_name_local), 'name_order', json_array(old.name_order, new.name_order), 'gender', json_array(old.gender, new.gender), 'gender_self', json_array(old.gender_self, new.gender_self), 'birth_date', json_array(old.birth_date, new.birth_date), 'nationality', json_array(old.nationality, new.nationality), 'email', json_array(old.email, new.email), 'phone', json_array(old.phone, new.phone), 'affiliation_id', json_array(old.affiliation_id, new.affiliation_id), 'notes', json_array(old.notes, new.notes), 'anonymised_at', json_array(old.anonymised_at, new.anonymised_at), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER person_audit_delete AFTER DELETE ON person BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'person', old.id, 'erase', '{}');
END;

CREATE TRIGGER programme_audit_insert AFTER INSERT ON programme BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'programme', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('code', new.code, 'name', new.name)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER programme_audit_update AFTER UPDATE ON programme BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'programme', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('code', json_array(old.code, new.code), 'name', json_array(old.name, new.name), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER programme_audit_delete AFTER DELETE ON programme BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'programme', old.id, 'erase', '{}');
END;

CREATE TRIGGER course_audit_insert AFTER INSERT ON course BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('code', new.code, 'title', new.title, 'programme_id', new.programme_id, 'description', new.description, 'subject', new.subject, 'provider_id', new.provider_id, 'url', new.url, 'source', new.source)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER course_audit_update AFTER UPDATE ON course BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('code', json_array(old.code, new.code), 'title', json_array(old.title, new.title), 'programme_id', json_array(old.programme_id, new.programme_id), 'description', json_array(old.description, new.description), 'subject', json_array(old.subject, new.subject), 'provider_id', json_array(old.provider_id, new.provider_id), 'url', json_array(old.url, new.url), 'source', json_array(old.source, new.source), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER course_audit_delete AFTER DELETE ON course BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course', old.id, 'erase', '{}');
END;

CREATE TRIGGER course_run_audit_insert AFTER INSERT ON course_run BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course_run', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('course_id', new.course_id, 'code', new.code, 'start_date', new.start_date, 'end_date', new.end_date, 'mode', new.mode, 'venue', new.venue, 'capacity', new.capacity, 'status', new.status, 'fiscal_year', new.fiscal_year)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER course_run_audit_update AFTER UPDATE ON course_run BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course_run', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('course_id', json_array(old.course_id, new.course_id), 'code', json_array(old.code, new.code), 'start_date', json_array(old.start_date, new.start_date), 'end_date', json_array(old.end_date, new.end_date), 'mode', json_array(old.mode, new.mode), 'venue', json_array(old.venue, new.venue), 'capacity', json_array(old.capacity, new.capacity), 'status', json_array(old.status, new.status), 'fiscal_year', json_array(old.fiscal_year, new.fiscal_year), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER course_run_audit_delete AFTER DELETE ON course_run BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'course_run', old.id, 'erase', '{}');
END;

CREATE TRIGGER enrolment_audit_insert AFTER INSERT ON enrolment BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'enrolment', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('person_id', new.person_id, 'run_id', new.run_id, 'status', new.status, 'reserve_rank', new.reserve_rank, 'decided_on', new.decided_on, 'completed_on', new.completed_on, 'certificate_number', new.certificate_number, 'withdrawal_reason', new.withdrawal_reason)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER enrolment_audit_update AFTER UPDATE ON enrolment BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'enrolment', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('person_id', json_array(old.person_id, new.person_id), 'run_id', json_array(old.run_id, new.run_id), 'status', json_array(old.status, new.status), 'reserve_rank', json_array(old.reserve_rank, new.reserve_rank), 'decided_on', json_array(old.decided_on, new.decided_on), 'completed_on', json_array(old.completed_on, new.completed_on), 'certificate_number', json_array(old.certificate_number, new.certificate_number), 'withdrawal_reason', json_array(old.withdrawal_reason, new.withdrawal_reason), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER enrolment_audit_delete AFTER DELETE ON enrolment BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'enrolment', old.id, 'erase', '{}');
END;

CREATE TRIGGER run_trainer_audit_insert AFTER INSERT ON run_trainer BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'run_trainer', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('run_id', new.run_id, 'person_id', new.person_id, 'role', new.role)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER run_trainer_audit_update AFTER UPDATE ON run_trainer BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'run_trainer', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('run_id', json_array(old.run_id, new.run_id), 'person_id', json_array(old.person_id, new.person_id), 'role', json_array(old.role, new.role), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER run_trainer_audit_delete AFTER DELETE ON run_trainer BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'run_trainer', old.id, 'erase', '{}');
END;

CREATE TRIGGER placement_audit_insert AFTER INSERT ON placement BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'placement', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('person_id', new.person_id, 'enrolment_id', new.enrolment_id, 'host_id', new.host_id, 'office_id', new.office_id, 'duty_station', new.duty_station, 'country', new.country, 'position_title', new.position_title, 'modality', new.modality, 'funded_by', new.funded_by, 'supervisor_id', new.supervisor_id, 'start_date', new.start_date, 'end_date', new.end_date, 'actual_end_date', new.actual_end_date, 'status', new.status, 'evaluation', new.evaluation)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER placement_audit_update AFTER UPDATE ON placement BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'placement', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('person_id', json_array(old.person_id, new.person_id), 'enrolment_id', json_array(old.enrolment_id, new.enrolment_id), 'host_id', json_array(old.host_id, new.host_id), 'office_id', json_array(old.office_id, new.office_id), 'duty_station', json_array(old.duty_station, new.duty_station), 'country', json_array(old.country, new.country), 'position_title', json_array(old.position_title, new.position_title), 'modality', json_array(old.modality, new.modality), 'funded_by', json_array(old.funded_by, new.funded_by), 'supervisor_id', json_array(old.supervisor_id, new.supervisor_id), 'start_date', json_array(old.start_date, new.start_date), 'end_date', json_array(old.end_date, new.end_date), 'actual_end_date', json_array(old.actual_end_date, new.actual_end_date), 'status', json_array(old.status, new.status), 'evaluation', json_array(old.evaluation, new.evaluation), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER placement_audit_delete AFTER DELETE ON placement BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'placement', old.id, 'erase', '{}');
END;

CREATE TRIGGER career_record_audit_insert AFTER INSERT ON career_record BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'career_record', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('person_id', new.person_id, 'organisation_id', new.organisation_id, 'position_title', new.position_title, 'sector', new.sector, 'country', new.country, 'start_date', new.start_date, 'end_date', new.end_date, 'source', new.source, 'verified_on', new.verified_on)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER career_record_audit_update AFTER UPDATE ON career_record BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'career_record', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('person_id', json_array(old.person_id, new.person_id), 'organisation_id', json_array(old.organisation_id, new.organisation_id), 'position_title', json_array(old.position_title, new.position_title), 'sector', json_array(old.sector, new.sector), 'country', json_array(old.country, new.country), 'start_date', json_array(old.start_date, new.start_date), 'end_date', json_array(old.end_date, new.end_date), 'source', json_array(old.source, new.source), 'verified_on', json_array(old.verified_on, new.verified_on), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER career_record_audit_delete AFTER DELETE ON career_record BEGIN
  INSERT INTO audit_log (at, actor, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), cohort_actor(), 'career_record', old.id, 'erase', '{}');
END;

PRAGMA user_version = 4;
