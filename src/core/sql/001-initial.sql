-- SPDX-License-Identifier: GPL-3.0-or-later
-- Cohort schema version 1.
--
-- Conventions: one table per entity, singular names; ids are INTEGER PRIMARY KEY; dates are ISO 8601
-- text; enumerations are short stable codes checked here and in core; timestamps are UTC
-- 'YYYY-MM-DDTHH:MM:SS.SSSZ'.  The audit log is written only by the triggers at the end of this file.

PRAGMA application_id = 1131374706; -- 'Cohr'

CREATE TABLE organisation (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  acronym     TEXT,
  kind        TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('un_agency', 'country_office',
                'field_office', 'international_organisation', 'regional_body', 'government', 'ngo',
                'university', 'development_agency', 'private_sector', 'other')),
  parent_id   INTEGER REFERENCES organisation (id),
  country     TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  city        TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX organisation_name_idx ON organisation (name COLLATE NOCASE);
CREATE INDEX organisation_parent_idx ON organisation (parent_id);
CREATE INDEX organisation_kind_idx ON organisation (kind);

CREATE TABLE person (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  family_name       TEXT,
  given_name        TEXT,
  family_name_local TEXT,
  given_name_local  TEXT,
  name_order        TEXT NOT NULL DEFAULT 'given_first'
                      CHECK (name_order IN ('family_first', 'given_first')),
  gender            TEXT NOT NULL DEFAULT 'undisclosed'
                      CHECK (gender IN ('female', 'male', 'other', 'undisclosed')),
  gender_self       TEXT,
  birth_date        TEXT CHECK (birth_date IS NULL OR date(birth_date, '+0 days') IS birth_date),
  nationality       TEXT CHECK (nationality IS NULL OR
                                (length(nationality) = 2 AND nationality GLOB '[A-Z][A-Z]')),
  email             TEXT,
  phone             TEXT,
  affiliation_id    INTEGER REFERENCES organisation (id),
  notes             TEXT,
  anonymised_at     TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  deleted_at        TEXT
);
CREATE INDEX person_family_name_idx ON person (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
CREATE INDEX person_given_name_idx ON person (given_name COLLATE NOCASE, family_name COLLATE NOCASE);
CREATE INDEX person_family_name_local_idx ON person (family_name_local, given_name_local);
CREATE INDEX person_nationality_idx ON person (nationality);
CREATE INDEX person_gender_idx ON person (gender);
CREATE INDEX person_birth_date_idx ON person (birth_date);
CREATE INDEX person_email_idx ON person (lower(email)) WHERE email IS NOT NULL;
CREATE INDEX person_affiliation_idx ON person (affiliation_id);
CREATE INDEX person_updated_idx ON person (updated_at);

CREATE TABLE person_nationality (
  person_id INTEGER NOT NULL REFERENCES person (id),
  country   TEXT NOT NULL CHECK (length(country) = 2 AND country GLOB '[A-Z][A-Z]'),
  PRIMARY KEY (person_id, country)
) WITHOUT ROWID;
CREATE INDEX person_nationality_country_idx ON person_nationality (country);

CREATE TABLE programme (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);

CREATE TABLE course (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
  programme_id INTEGER REFERENCES programme (id),
  description  TEXT,
  subject      TEXT,
  provider_id  INTEGER REFERENCES organisation (id),
  url          TEXT,
  source       TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
);
CREATE INDEX course_title_idx ON course (title COLLATE NOCASE);
CREATE INDEX course_programme_idx ON course (programme_id);
CREATE INDEX course_provider_idx ON course (provider_id);

CREATE TABLE course_run (
  id          INTEGER PRIMARY KEY,
  course_id   INTEGER NOT NULL REFERENCES course (id),
  code        TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  start_date  TEXT CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),
  end_date    TEXT CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),
  mode        TEXT CHECK (mode IS NULL OR mode IN ('in_person', 'online', 'hybrid')),
  venue       TEXT,
  capacity    INTEGER CHECK (capacity IS NULL OR capacity > 0),
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'open', 'selecting',
                'running', 'completed', 'cancelled')),
  fiscal_year INTEGER CHECK (fiscal_year IS NULL OR fiscal_year BETWEEN 1900 AND 2200),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX course_run_course_idx ON course_run (course_id, start_date);
CREATE INDEX course_run_start_idx ON course_run (start_date);
CREATE INDEX course_run_fiscal_year_idx ON course_run (fiscal_year);
CREATE INDEX course_run_status_idx ON course_run (status);

CREATE TABLE enrolment (
  id                 INTEGER PRIMARY KEY,
  person_id          INTEGER NOT NULL REFERENCES person (id),
  run_id             INTEGER NOT NULL REFERENCES course_run (id),
  status             TEXT NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'selected',
                       'reserve', 'rejected', 'enrolled', 'completed', 'participated',
                       'withdrawn')),
  reserve_rank       INTEGER CHECK (reserve_rank IS NULL OR reserve_rank > 0),
  decided_on         TEXT CHECK (decided_on IS NULL OR date(decided_on, '+0 days') IS decided_on),
  completed_on       TEXT CHECK (completed_on IS NULL OR date(completed_on, '+0 days') IS completed_on),
  certificate_number TEXT,
  withdrawal_reason  TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  deleted_at         TEXT,
  UNIQUE (person_id, run_id)
);
CREATE INDEX enrolment_run_idx ON enrolment (run_id, status);
CREATE INDEX enrolment_status_idx ON enrolment (status);

CREATE TABLE run_trainer (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES course_run (id),
  person_id   INTEGER NOT NULL REFERENCES person (id),
  role        TEXT NOT NULL DEFAULT 'trainer' CHECK (role IN ('lead_trainer', 'trainer',
                'facilitator', 'guest_speaker', 'mentor', 'coordinator')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  UNIQUE (run_id, person_id, role)
);
CREATE INDEX run_trainer_person_idx ON run_trainer (person_id);

CREATE TABLE placement (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES person (id),
  enrolment_id    INTEGER REFERENCES enrolment (id),
  host_id         INTEGER REFERENCES organisation (id),
  office_id       INTEGER REFERENCES organisation (id),
  duty_station    TEXT,
  country         TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  position_title  TEXT,
  modality        TEXT CHECK (modality IS NULL OR modality IN ('un_volunteer', 'secondment',
                    'internship', 'junior_professional_officer', 'consultant', 'staff', 'other')),
  funded_by       TEXT,
  supervisor_id   INTEGER REFERENCES person (id),
  start_date      TEXT CHECK (start_date IS NULL OR date(start_date, '+0 days') IS start_date),
  end_date        TEXT CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),
  actual_end_date TEXT CHECK (actual_end_date IS NULL OR date(actual_end_date, '+0 days') IS actual_end_date),
  status          TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed',
                    'on_assignment', 'extended', 'completed', 'ended_early', 'cancelled')),
  evaluation      TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT,
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
  CHECK (actual_end_date IS NULL OR start_date IS NULL OR actual_end_date >= start_date)
);
CREATE INDEX placement_person_idx ON placement (person_id, start_date);
CREATE INDEX placement_host_idx ON placement (host_id);
CREATE INDEX placement_office_idx ON placement (office_id);
CREATE INDEX placement_country_idx ON placement (country);
CREATE INDEX placement_status_idx ON placement (status);
CREATE INDEX placement_start_idx ON placement (start_date);
CREATE INDEX placement_enrolment_idx ON placement (enrolment_id);

CREATE TABLE career_record (
  id              INTEGER PRIMARY KEY,
  person_id       INTEGER NOT NULL REFERENCES person (id),
  organisation_id INTEGER REFERENCES organisation (id),
  position_title  TEXT,
  sector          TEXT NOT NULL DEFAULT 'other' CHECK (sector IN ('un_international',
                    'government', 'development_agency', 'ngo', 'academia', 'private_sector',
                    'student', 'other')),
  country         TEXT CHECK (country IS NULL OR (length(country) = 2 AND country GLOB '[A-Z][A-Z]')),
  start_date      TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]'
                    OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
                    OR date(start_date, '+0 days') IS start_date),
  end_date        TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]'
                    OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'
                    OR date(end_date, '+0 days') IS end_date),
  source          TEXT CHECK (source IS NULL OR source IN ('survey', 'self_report', 'cv', 'web',
                    'other')),
  verified_on     TEXT CHECK (verified_on IS NULL OR date(verified_on, '+0 days') IS verified_on),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  deleted_at      TEXT
);
CREATE INDEX career_record_person_idx ON career_record (person_id, start_date);
CREATE INDEX career_record_organisation_idx ON career_record (organisation_id);
CREATE INDEX career_record_sector_idx ON career_record (sector);
CREATE INDEX career_record_verified_idx ON career_record (verified_on);

CREATE TABLE import_batch (
  id          INTEGER PRIMARY KEY,
  file_name   TEXT NOT NULL,
  sha256      TEXT NOT NULL,
  format      TEXT NOT NULL CHECK (format IN ('xcri', 'ims', 'csv')),
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  n_new       INTEGER NOT NULL DEFAULT 0,
  n_updated   INTEGER NOT NULL DEFAULT 0,
  n_unchanged INTEGER NOT NULL DEFAULT 0,
  n_rejected  INTEGER NOT NULL DEFAULT 0,
  outcome     TEXT NOT NULL CHECK (outcome IN ('committed', 'failed', 'cancelled'))
);
CREATE INDEX import_batch_sha256_idx ON import_batch (sha256);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'restore', 'anonymise',
               'erase')),
  changes    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_row_idx ON audit_log (table_name, row_id, id);

-- Full-text search: trigram tokenizer so that every script matches by substring.
CREATE VIRTUAL TABLE person_fts USING fts5 (name, name_local, email, organisation,
                                            tokenize = 'trigram');
CREATE VIRTUAL TABLE course_fts USING fts5 (code, title, description, subject,
                                            tokenize = 'trigram');
CREATE VIRTUAL TABLE organisation_fts USING fts5 (name, acronym, city, tokenize = 'trigram');

-- Audit: every insert, update, soft delete, restore and erase, written only here.
-- An update records the changed columns as {"column": [old, new]}; an anonymised person's
-- values are never recorded (only the names of the columns that changed).

CREATE TRIGGER organisation_audit_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'organisation', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('name', new.name, 'acronym', new.acronym, 'kind', new.kind, 'parent_id', new.parent_id, 'country', new.country, 'city', new.city)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER organisation_audit_update AFTER UPDATE ON organisation BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'organisation', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('name', json_array(old.name, new.name), 'acronym', json_array(old.acronym, new.acronym), 'kind', json_array(old.kind, new.kind), 'parent_id', json_array(old.parent_id, new.parent_id), 'country', json_array(old.country, new.country), 'city', json_array(old.city, new.city), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER organisation_audit_delete AFTER DELETE ON organisation BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'organisation', old.id, 'erase', '{}');
END;

CREATE TRIGGER person_audit_insert AFTER INSERT ON person BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'person', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('code', new.code, 'family_name', new.family_name, 'given_name', new.given_name, 'family_name_local', new.family_name_local, 'given_name_local', new.given_name_local, 'name_order', new.name_order, 'gender', new.gender, 'gender_self', new.gender_self, 'birth_date', new.birth_date, 'nationality', new.nationality, 'email', new.email, 'phone', new.phone, 'affiliation_id', new.affiliation_id, 'notes', new.notes, 'anonymised_at', new.anonymised_at)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER person_audit_update AFTER UPDATE ON person BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'person', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' WHEN old.anonymised_at IS NULL AND new.anonymised_at IS NOT NULL THEN 'anonymise' ELSE 'update' END,
         json_group_object(key, CASE WHEN new.anonymised_at IS NOT NULL THEN NULL ELSE json(value) END)
  FROM json_each(json_object('code', json_array(old.code, new.code), 'family_name', json_array(old.family_name, new.family_name), 'given_name', json_array(old.given_name, new.given_name), 'family_name_local', json_array(old.family_name_local, new.family_name_local), 'given_name_local', json_array(old.given_name_local, new.given_name_local), 'name_order', json_array(old.name_order, new.name_order), 'gender', json_array(old.gender, new.gender), 'gender_self', json_array(old.gender_self, new.gender_self), 'birth_date', json_array(old.birth_date, new.birth_date), 'nationality', json_array(old.nationality, new.nationality), 'email', json_array(old.email, new.email), 'phone', json_array(old.phone, new.phone), 'affiliation_id', json_array(old.affiliation_id, new.affiliation_id), 'notes', json_array(old.notes, new.notes), 'anonymised_at', json_array(old.anonymised_at, new.anonymised_at), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER person_audit_delete AFTER DELETE ON person BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'person', old.id, 'erase', '{}');
END;

CREATE TRIGGER programme_audit_insert AFTER INSERT ON programme BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('code', new.code, 'name', new.name)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER programme_audit_update AFTER UPDATE ON programme BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('code', json_array(old.code, new.code), 'name', json_array(old.name, new.name), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER programme_audit_delete AFTER DELETE ON programme BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'programme', old.id, 'erase', '{}');
END;

CREATE TRIGGER course_audit_insert AFTER INSERT ON course BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'course', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('code', new.code, 'title', new.title, 'programme_id', new.programme_id, 'description', new.description, 'subject', new.subject, 'provider_id', new.provider_id, 'url', new.url, 'source', new.source)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER course_audit_update AFTER UPDATE ON course BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'course', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('code', json_array(old.code, new.code), 'title', json_array(old.title, new.title), 'programme_id', json_array(old.programme_id, new.programme_id), 'description', json_array(old.description, new.description), 'subject', json_array(old.subject, new.subject), 'provider_id', json_array(old.provider_id, new.provider_id), 'url', json_array(old.url, new.url), 'source', json_array(old.source, new.source), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER course_audit_delete AFTER DELETE ON course BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'course', old.id, 'erase', '{}');
END;

CREATE TRIGGER course_run_audit_insert AFTER INSERT ON course_run BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'course_run', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('course_id', new.course_id, 'code', new.code, 'start_date', new.start_date, 'end_date', new.end_date, 'mode', new.mode, 'venue', new.venue, 'capacity', new.capacity, 'status', new.status, 'fiscal_year', new.fiscal_year)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER course_run_audit_update AFTER UPDATE ON course_run BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'course_run', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('course_id', json_array(old.course_id, new.course_id), 'code', json_array(old.code, new.code), 'start_date', json_array(old.start_date, new.start_date), 'end_date', json_array(old.end_date, new.end_date), 'mode', json_array(old.mode, new.mode), 'venue', json_array(old.venue, new.venue), 'capacity', json_array(old.capacity, new.capacity), 'status', json_array(old.status, new.status), 'fiscal_year', json_array(old.fiscal_year, new.fiscal_year), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER course_run_audit_delete AFTER DELETE ON course_run BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'course_run', old.id, 'erase', '{}');
END;

CREATE TRIGGER enrolment_audit_insert AFTER INSERT ON enrolment BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'enrolment', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('person_id', new.person_id, 'run_id', new.run_id, 'status', new.status, 'reserve_rank', new.reserve_rank, 'decided_on', new.decided_on, 'completed_on', new.completed_on, 'certificate_number', new.certificate_number, 'withdrawal_reason', new.withdrawal_reason)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER enrolment_audit_update AFTER UPDATE ON enrolment BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'enrolment', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('person_id', json_array(old.person_id, new.person_id), 'run_id', json_array(old.run_id, new.run_id), 'status', json_array(old.status, new.status), 'reserve_rank', json_array(old.reserve_rank, new.reserve_rank), 'decided_on', json_array(old.decided_on, new.decided_on), 'completed_on', json_array(old.completed_on, new.completed_on), 'certificate_number', json_array(old.certificate_number, new.certificate_number), 'withdrawal_reason', json_array(old.withdrawal_reason, new.withdrawal_reason), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER enrolment_audit_delete AFTER DELETE ON enrolment BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'enrolment', old.id, 'erase', '{}');
END;

CREATE TRIGGER run_trainer_audit_insert AFTER INSERT ON run_trainer BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'run_trainer', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('run_id', new.run_id, 'person_id', new.person_id, 'role', new.role)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER run_trainer_audit_update AFTER UPDATE ON run_trainer BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'run_trainer', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('run_id', json_array(old.run_id, new.run_id), 'person_id', json_array(old.person_id, new.person_id), 'role', json_array(old.role, new.role), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER run_trainer_audit_delete AFTER DELETE ON run_trainer BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'run_trainer', old.id, 'erase', '{}');
END;

CREATE TRIGGER placement_audit_insert AFTER INSERT ON placement BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'placement', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('person_id', new.person_id, 'enrolment_id', new.enrolment_id, 'host_id', new.host_id, 'office_id', new.office_id, 'duty_station', new.duty_station, 'country', new.country, 'position_title', new.position_title, 'modality', new.modality, 'funded_by', new.funded_by, 'supervisor_id', new.supervisor_id, 'start_date', new.start_date, 'end_date', new.end_date, 'actual_end_date', new.actual_end_date, 'status', new.status, 'evaluation', new.evaluation)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER placement_audit_update AFTER UPDATE ON placement BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'placement', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('person_id', json_array(old.person_id, new.person_id), 'enrolment_id', json_array(old.enrolment_id, new.enrolment_id), 'host_id', json_array(old.host_id, new.host_id), 'office_id', json_array(old.office_id, new.office_id), 'duty_station', json_array(old.duty_station, new.duty_station), 'country', json_array(old.country, new.country), 'position_title', json_array(old.position_title, new.position_title), 'modality', json_array(old.modality, new.modality), 'funded_by', json_array(old.funded_by, new.funded_by), 'supervisor_id', json_array(old.supervisor_id, new.supervisor_id), 'start_date', json_array(old.start_date, new.start_date), 'end_date', json_array(old.end_date, new.end_date), 'actual_end_date', json_array(old.actual_end_date, new.actual_end_date), 'status', json_array(old.status, new.status), 'evaluation', json_array(old.evaluation, new.evaluation), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER placement_audit_delete AFTER DELETE ON placement BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'placement', old.id, 'erase', '{}');
END;

CREATE TRIGGER career_record_audit_insert AFTER INSERT ON career_record BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'career_record', new.id, 'insert', json_group_object(key, value)
  FROM json_each(json_object('person_id', new.person_id, 'organisation_id', new.organisation_id, 'position_title', new.position_title, 'sector', new.sector, 'country', new.country, 'start_date', new.start_date, 'end_date', new.end_date, 'source', new.source, 'verified_on', new.verified_on)) WHERE value IS NOT NULL;
END;

CREATE TRIGGER career_record_audit_update AFTER UPDATE ON career_record BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'career_record', new.id,
         CASE WHEN old.deleted_at IS NULL AND new.deleted_at IS NOT NULL THEN 'delete' WHEN old.deleted_at IS NOT NULL AND new.deleted_at IS NULL THEN 'restore' ELSE 'update' END,
         json_group_object(key, json(value))
  FROM json_each(json_object('person_id', json_array(old.person_id, new.person_id), 'organisation_id', json_array(old.organisation_id, new.organisation_id), 'position_title', json_array(old.position_title, new.position_title), 'sector', json_array(old.sector, new.sector), 'country', json_array(old.country, new.country), 'start_date', json_array(old.start_date, new.start_date), 'end_date', json_array(old.end_date, new.end_date), 'source', json_array(old.source, new.source), 'verified_on', json_array(old.verified_on, new.verified_on), 'deleted_at', json_array(old.deleted_at, new.deleted_at)))
  WHERE json_extract(value, '$[0]') IS NOT json_extract(value, '$[1]')
  HAVING count(*) > 0;
END;

CREATE TRIGGER career_record_audit_delete AFTER DELETE ON career_record BEGIN
  INSERT INTO audit_log (at, table_name, row_id, action, changes)
  VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'career_record', old.id, 'erase', '{}');
END;

-- Anonymising a person also removes the values that earlier audit rows kept about them.
CREATE TRIGGER person_anonymise_scrub_audit AFTER UPDATE OF anonymised_at ON person
WHEN old.anonymised_at IS NULL AND new.anonymised_at IS NOT NULL BEGIN
  UPDATE audit_log
  SET changes = (SELECT json_group_object(key, NULL) FROM json_each(audit_log.changes))
  WHERE table_name = 'person' AND row_id = new.id;
END;

-- Search indexes, kept current by triggers.  Soft-deleted rows stay indexed; queries filter them.
CREATE TRIGGER person_fts_insert AFTER INSERT ON person BEGIN
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  VALUES (new.id,
          trim(coalesce(new.family_name, '') || ' ' || coalesce(new.given_name, '')),
          trim(coalesce(new.family_name_local, '') || ' ' || coalesce(new.given_name_local, '')),
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
          trim(coalesce(new.family_name_local, '') || ' ' || coalesce(new.given_name_local, '')),
          new.email,
          (SELECT trim(coalesce(o.name, '') || ' ' || coalesce(o.acronym, '')) FROM organisation o
           WHERE o.id = new.affiliation_id));
END;
CREATE TRIGGER person_fts_delete AFTER DELETE ON person BEGIN
  DELETE FROM person_fts WHERE rowid = old.id;
END;

CREATE TRIGGER course_fts_insert AFTER INSERT ON course BEGIN
  INSERT INTO course_fts (rowid, code, title, description, subject)
  VALUES (new.id, new.code, new.title, new.description, new.subject);
END;
CREATE TRIGGER course_fts_update AFTER UPDATE OF code, title, description, subject ON course BEGIN
  DELETE FROM course_fts WHERE rowid = old.id;
  INSERT INTO course_fts (rowid, code, title, description, subject)
  VALUES (new.id, new.code, new.title, new.description, new.subject);
END;
CREATE TRIGGER course_fts_delete AFTER DELETE ON course BEGIN
  DELETE FROM course_fts WHERE rowid = old.id;
END;

CREATE TRIGGER organisation_fts_insert AFTER INSERT ON organisation BEGIN
  INSERT INTO organisation_fts (rowid, name, acronym, city)
  VALUES (new.id, new.name, new.acronym, new.city);
END;
CREATE TRIGGER organisation_fts_update AFTER UPDATE OF name, acronym, city ON organisation BEGIN
  DELETE FROM organisation_fts WHERE rowid = old.id;
  INSERT INTO organisation_fts (rowid, name, acronym, city)
  VALUES (new.id, new.name, new.acronym, new.city);
  DELETE FROM person_fts WHERE rowid IN (SELECT id FROM person WHERE affiliation_id = new.id);
  INSERT INTO person_fts (rowid, name, name_local, email, organisation)
  SELECT p.id, trim(coalesce(p.family_name, '') || ' ' || coalesce(p.given_name, '')),
         trim(coalesce(p.family_name_local, '') || ' ' || coalesce(p.given_name_local, '')), p.email,
         trim(coalesce(new.name, '') || ' ' || coalesce(new.acronym, ''))
  FROM person p WHERE p.affiliation_id = new.id;
END;
CREATE TRIGGER organisation_fts_delete AFTER DELETE ON organisation BEGIN
  DELETE FROM organisation_fts WHERE rowid = old.id;
END;

PRAGMA user_version = 1;
