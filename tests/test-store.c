/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-import-batch.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-properties.h"
#include "cohort-run-trainer.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-validation.h"

/* The store: saving with the rules that need the database, loading, soft deletion,
 * anonymisation, duplicates.  Each test has its own fresh database. */

#define assert_save_fails(db, record, code, field) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    g_autofree char *_before = dup_row_counts (db); \
    g_autofree char *_after = NULL; \
    gboolean _ok = cohort_store_save (db, COHORT_RECORD (record), &_error); \
    g_assert_false (_ok); \
    g_assert_error (_error, COHORT_VALIDATION_ERROR, code); \
    g_assert_cmpstr (cohort_validation_error_get_field (_error), ==, field); \
    _after = dup_row_counts (db); \
    g_assert_cmpstr (_after, ==, _before); \
    g_assert_false (cohort_database_in_transaction (db)); \
  } G_STMT_END

#define assert_save_ok(db, record) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    gboolean _ok = cohort_store_save (db, COHORT_RECORD (record), &_error); \
    g_assert_no_error (_error); \
    g_assert_true (_ok); \
    g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (record)), >, 0); \
  } G_STMT_END

/* Direct SQL, for looking at what the store wrote.  @arg binds ?1 when not NULL. */
static gint64
sql_int (CohortDatabase *db,
         const char     *sql,
         const char     *arg)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (cohort_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static gint64
sql_int_id (CohortDatabase *db,
            const char     *sql,
            gint64          id)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (cohort_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
sql_text_id (CohortDatabase *db,
             const char     *sql,
             gint64          id)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (cohort_database_get_handle (db), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

/* Every table's row count, to compare before and after something that must write nothing. */
static char *
dup_row_counts (CohortDatabase *db)
{
  static const char * const tables[] = {
    "person", "person_nationality", "organisation", "programme", "course", "course_run",
    "enrolment", "run_trainer", "placement", "career_record", "import_batch", "audit_log",
  };
  GString *counts = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) || ':' || "
                                              "coalesce(max(%s), '') FROM %s",
                                              strcmp (tables[i], "person_nationality") == 0
                                                ? "person_id" : "rowid",
                                              tables[i]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (cohort_database_get_handle (db), sql, -1, &stmt,
                                           NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (counts, "%s=%s ", tables[i], sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }

  /* Updates leave counts alone: the audit log's newest row catches those. */
  return g_string_free (counts, FALSE);
}

/* Builders */

static CohortPerson *
add_person (CohortDatabase *db,
            const char     *code,
            const char     *family_name,
            const char     *given_name)
{
  CohortPerson *person = cohort_person_new ();

  cohort_person_set_code (person, code);
  cohort_person_set_family_name (person, family_name);
  cohort_person_set_given_name (person, given_name);
  assert_save_ok (db, person);

  return person;
}

static CohortOrganisation *
add_organisation (CohortDatabase     *db,
                  const char         *name,
                  CohortOrganisation *parent)
{
  CohortOrganisation *organisation = cohort_organisation_new ();

  cohort_organisation_set_name (organisation, name);
  if (parent != NULL)
    cohort_organisation_set_parent_id (organisation,
                                       cohort_record_get_id (COHORT_RECORD (parent)));
  assert_save_ok (db, organisation);

  return organisation;
}

static CohortCourseRun *
add_run (CohortDatabase *db,
         const char     *code,
         const char     *start_date)
{
  g_autoptr(CohortCourse) course = cohort_course_new ();
  g_autofree char *course_code = g_strconcat ("C-", code, NULL);
  CohortCourseRun *run = cohort_course_run_new ();

  cohort_course_set_code (course, course_code);
  cohort_course_set_title (course, "Primary Course");
  assert_save_ok (db, course);

  cohort_course_run_set_course_id (run, cohort_record_get_id (COHORT_RECORD (course)));
  cohort_course_run_set_code (run, code);
  cohort_course_run_set_start_date (run, start_date);
  assert_save_ok (db, run);

  return run;
}

static CohortEnrolment *
add_enrolment (CohortDatabase  *db,
               CohortPerson    *person,
               CohortCourseRun *run)
{
  CohortEnrolment *enrolment = cohort_enrolment_new ();

  cohort_enrolment_set_person_id (enrolment, cohort_record_get_id (COHORT_RECORD (person)));
  cohort_enrolment_set_run_id (enrolment, cohort_record_get_id (COHORT_RECORD (run)));
  cohort_enrolment_set_status (enrolment, "completed");
  assert_save_ok (db, enrolment);

  return enrolment;
}

static CohortPlacement *
new_placement (CohortPerson *person,
               const char   *start_date,
               const char   *end_date)
{
  CohortPlacement *placement = cohort_placement_new ();

  cohort_placement_set_person_id (placement, cohort_record_get_id (COHORT_RECORD (person)));
  cohort_placement_set_status (placement, "confirmed");
  cohort_placement_set_start_date (placement, start_date);
  cohort_placement_set_end_date (placement, end_date);
  return placement;
}

static CohortPlacement *
add_placement (CohortDatabase *db,
               CohortPerson   *person,
               const char     *start_date,
               const char     *end_date)
{
  CohortPlacement *placement = new_placement (person, start_date, end_date);

  assert_save_ok (db, placement);
  return placement;
}

static CohortCareerRecord *
add_career (CohortDatabase *db,
            CohortPerson   *person,
            const char     *start_date,
            const char     *position)
{
  CohortCareerRecord *career = cohort_career_record_new ();

  cohort_career_record_set_person_id (career, cohort_record_get_id (COHORT_RECORD (person)));
  cohort_career_record_set_start_date (career, start_date);
  cohort_career_record_set_position_title (career, position);
  cohort_career_record_set_sector (career, "un_international");
  assert_save_ok (db, career);

  return career;
}

/* Tests */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n_notified)
{
  (*n_notified)++;
}

/* The store reads and writes records through the properties looked up once per class: by
 * column name, with the values and notifications of GObject's own accessors. */
static void
test_properties (void)
{
  const CohortProperties *properties = cohort_properties_for_type (COHORT_TYPE_COURSE_RUN);
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec;
  guint n_notified = 0;

  g_assert_true (cohort_properties_for_type (COHORT_TYPE_COURSE_RUN) == properties);
  g_assert_null (cohort_properties_find (properties, "no_such_column"));
  pspec = cohort_properties_find (properties, "start_date");
  g_assert_nonnull (pspec);
  g_assert_cmpstr (pspec->name, ==, "start-date");
  for (guint i = 0; i < properties->n_pspecs; i++)
    g_assert_true (cohort_properties_find (properties, properties->columns[i]) ==
                   properties->pspecs[i]);

  g_signal_connect (run, "notify::start-date", G_CALLBACK (count_notify), &n_notified);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "2026-04-01");
  cohort_properties_set_value (G_OBJECT (run), pspec, &value);
  g_assert_cmpstr (cohort_course_run_get_start_date (run), ==, "2026-04-01");
  g_assert_cmpuint (n_notified, ==, 1);
  cohort_properties_set_value (G_OBJECT (run), pspec, &value);
  g_assert_cmpuint (n_notified, ==, 1);

  g_value_unset (&value);
  g_value_init (&value, G_TYPE_STRING);
  cohort_properties_get_value (G_OBJECT (run), pspec, &value);
  g_assert_cmpstr (g_value_get_string (&value), ==, "2026-04-01");

  /* The base class's properties too. */
  pspec = cohort_properties_find (properties, "id");
  g_assert_nonnull (pspec);
  g_value_unset (&value);
  g_value_init (&value, G_TYPE_INT64);
  cohort_properties_get_value (G_OBJECT (run), pspec, &value);
  g_assert_cmpint (g_value_get_int64 (&value), ==, 0);
}

static void
test_schema_version (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  /* The match keys of duplicate detection come with schema version 2. */
  g_assert_cmpint (cohort_database_get_schema_version (fixture->db), >=, 2);
  g_assert_cmpint (sql_int (fixture->db,
                            "SELECT count(*) FROM pragma_table_info('person') "
                            "WHERE name IN ('match_name', 'match_name_local')", NULL), ==, 2);
}

static void
test_insert_and_load (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(CohortRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  cohort_person_set_code (person, "JP-2019-001");
  cohort_person_set_family_name (person, "Tanaka");
  cohort_person_set_given_name (person, "Hanako");
  cohort_person_set_birth_date (person, "1990-05-17");
  cohort_person_set_nationality (person, "JP");
  cohort_person_set_email (person, "hanako@example.org");
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (person)), ==, 0);

  assert_save_ok (fixture->db, person);
  id = cohort_record_get_id (COHORT_RECORD (person));

  /* The object now shows what was stored: timestamps and the defaults. */
  g_assert_nonnull (cohort_record_get_created_at (COHORT_RECORD (person)));
  g_assert_cmpstr (cohort_record_get_created_at (COHORT_RECORD (person)), ==,
                   cohort_record_get_updated_at (COHORT_RECORD (person)));
  g_assert_null (cohort_record_get_deleted_at (COHORT_RECORD (person)));
  g_assert_cmpstr (cohort_person_get_gender (person), ==, "undisclosed");
  g_assert_cmpstr (cohort_person_get_name_order (person), ==, "given_first");

  loaded = cohort_store_load (fixture->db, COHORT_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_true (COHORT_IS_PERSON (loaded));
  g_assert_cmpint (cohort_record_get_id (loaded), ==, id);
  g_assert_cmpstr (cohort_person_get_code (COHORT_PERSON (loaded)), ==, "JP-2019-001");
  g_assert_cmpstr (cohort_person_get_family_name (COHORT_PERSON (loaded)), ==, "Tanaka");
  g_assert_cmpstr (cohort_person_get_birth_date (COHORT_PERSON (loaded)), ==, "1990-05-17");
  g_assert_cmpstr (cohort_person_get_email (COHORT_PERSON (loaded)), ==, "hanako@example.org");
  g_assert_cmpstr (cohort_record_get_created_at (loaded), ==,
                   cohort_record_get_created_at (COHORT_RECORD (person)));

  /* A missing row. */
  g_clear_object (&loaded);
  loaded = cohort_store_load (fixture->db, COHORT_TYPE_PERSON, id + 100, &error);
  g_assert_null (loaded);
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "id");
}

static void
test_every_type (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Okafor", "Ngozi");
  g_autoptr(CohortPerson) trainer = add_person (fixture->db, "T1", "Sato", "Ken");
  g_autoptr(CohortOrganisation) agency = add_organisation (fixture->db, "UNDP", NULL);
  g_autoptr(CohortOrganisation) office = add_organisation (fixture->db, "UNDP Juba", agency);
  g_autoptr(CohortProgramme) programme = cohort_programme_new ();
  g_autoptr(CohortCourseRun) run = add_run (fixture->db, "PC-2024", "2024-01-15");
  g_autoptr(CohortEnrolment) enrolment = add_enrolment (fixture->db, person, run);
  g_autoptr(CohortRunTrainer) run_trainer = cohort_run_trainer_new ();
  g_autoptr(CohortPlacement) placement = new_placement (person, "2024-04-01", "2025-03-31");
  g_autoptr(CohortCareerRecord) career = add_career (fixture->db, person, "2025-05", "Officer");
  g_autoptr(CohortImportBatch) batch = cohort_import_batch_new ();
  g_autoptr(CohortRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;

  cohort_programme_set_code (programme, "PRIMARY");
  cohort_programme_set_name (programme, "Primary Course");
  assert_save_ok (fixture->db, programme);

  cohort_run_trainer_set_run_id (run_trainer, cohort_record_get_id (COHORT_RECORD (run)));
  cohort_run_trainer_set_person_id (run_trainer, cohort_record_get_id (COHORT_RECORD (trainer)));
  assert_save_ok (fixture->db, run_trainer);
  g_assert_cmpstr (cohort_run_trainer_get_role (run_trainer), ==, "trainer");

  cohort_placement_set_status (placement, "on_assignment");
  cohort_placement_set_host_id (placement, cohort_record_get_id (COHORT_RECORD (agency)));
  cohort_placement_set_office_id (placement, cohort_record_get_id (COHORT_RECORD (office)));
  cohort_placement_set_supervisor_id (placement, cohort_record_get_id (COHORT_RECORD (trainer)));
  cohort_placement_set_enrolment_id (placement,
                                     cohort_record_get_id (COHORT_RECORD (enrolment)));
  cohort_placement_set_country (placement, "SS");
  cohort_placement_set_modality (placement, "un_volunteer");
  assert_save_ok (fixture->db, placement);

  g_assert_cmpstr (cohort_organisation_get_kind (agency), ==, "other");
  g_assert_cmpstr (cohort_course_run_get_status (run), ==, "planned");
  g_assert_cmpstr (cohort_enrolment_get_status (enrolment), ==, "completed");
  g_assert_cmpstr (cohort_career_record_get_start_date (career), ==, "2025-05");

  /* An import batch: counts of 0 are stored as 0, and the start time is filled in. */
  cohort_import_batch_set_file_name (batch, "feed.xml");
  cohort_import_batch_set_sha256 (batch,
                                  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  cohort_import_batch_set_format (batch, "xcri");
  cohort_import_batch_set_outcome (batch, "committed");
  cohort_import_batch_set_n_new (batch, 3);
  assert_save_ok (fixture->db, batch);
  g_assert_nonnull (cohort_import_batch_get_started_at (batch));
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT n_updated FROM import_batch WHERE id = ?1",
                               cohort_record_get_id (COHORT_RECORD (batch))), ==, 0);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT n_new FROM import_batch WHERE id = ?1",
                               cohort_record_get_id (COHORT_RECORD (batch))), ==, 3);
  cohort_import_batch_set_n_rejected (batch, 1);
  assert_save_ok (fixture->db, batch);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT n_rejected FROM import_batch WHERE id = ?1",
                               cohort_record_get_id (COHORT_RECORD (batch))), ==, 1);

  loaded = cohort_store_load (fixture->db, COHORT_TYPE_PLACEMENT,
                              cohort_record_get_id (COHORT_RECORD (placement)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_placement_get_country (COHORT_PLACEMENT (loaded)), ==, "SS");
  g_assert_cmpint (cohort_placement_get_office_id (COHORT_PLACEMENT (loaded)), ==,
                   cohort_record_get_id (COHORT_RECORD (office)));

  /* Imports are kept. */
  g_assert_false (cohort_store_delete (fixture->db, COHORT_TYPE_IMPORT_BATCH,
                                       cohort_record_get_id (COHORT_RECORD (batch)), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_CONFLICT);
}

static void
test_update_and_audit (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Tanaka", "Hanako");
  gint64 id = cohort_record_get_id (COHORT_RECORD (person));
  g_autofree char *created_at = g_strdup (cohort_record_get_created_at (COHORT_RECORD (person)));
  g_autofree char *updated_at = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit;

  /* Insert: one entry with the values given. */
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM audit_log "
                               "WHERE table_name = 'person' AND row_id = ?1 "
                               "AND action = 'insert'", id), ==, 1);
  changes = sql_text_id (fixture->db, "SELECT changes FROM audit_log WHERE table_name = "
                         "'person' AND row_id = ?1 AND action = 'insert'", id);
  g_assert_nonnull (strstr (changes, "\"family_name\":\"Tanaka\""));
  g_clear_pointer (&changes, g_free);

  /* Update: only the columns that changed, old and new. */
  cohort_person_set_family_name (person, "Suzuki");
  cohort_person_set_gender (person, "female");
  assert_save_ok (fixture->db, person);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (person)), ==, id);
  g_assert_cmpstr (cohort_record_get_created_at (COHORT_RECORD (person)), ==, created_at);
  g_assert_cmpstr (cohort_record_get_updated_at (COHORT_RECORD (person)), >=, created_at);

  changes = sql_text_id (fixture->db, "SELECT changes FROM audit_log WHERE table_name = "
                         "'person' AND row_id = ?1 AND action = 'update'", id);
  g_assert_cmpstr (changes, ==,
                   "{\"family_name\":[\"Tanaka\",\"Suzuki\"],"
                   "\"gender\":[\"undisclosed\",\"female\"]}");

  /* Saving it again unchanged writes nothing at all. */
  n_audit = sql_int (fixture->db, "SELECT count(*) FROM audit_log", NULL);
  updated_at = g_strdup (cohort_record_get_updated_at (COHORT_RECORD (person)));
  assert_save_ok (fixture->db, person);
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log", NULL), ==, n_audit);
  g_assert_cmpstr (cohort_record_get_updated_at (COHORT_RECORD (person)), ==, updated_at);

  /* Soft delete and restore are audited as such. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM audit_log "
                               "WHERE table_name = 'person' AND row_id = ?1 "
                               "AND action = 'delete'", id), ==, 1);
  g_assert_true (cohort_store_undelete (fixture->db, COHORT_TYPE_PERSON, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM audit_log "
                               "WHERE table_name = 'person' AND row_id = ?1 "
                               "AND action = 'restore'", id), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM audit_log "
                               "WHERE table_name = 'person' AND row_id = ?1", id), ==, 4);

  /* Updating a row that does not exist. */
  cohort_record_set_id (COHORT_RECORD (person), id + 50);
  assert_save_fails (fixture->db, person, COHORT_VALIDATION_ERROR_NOT_FOUND, "id");
}

static void
test_unique_codes (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autoptr(CohortPerson) first = add_person (fixture->db, "P-1", "Tanaka", "Hanako");
  g_autoptr(CohortPerson) second = cohort_person_new ();
  g_autoptr(CohortPerson) third = add_person (fixture->db, "P-3", "Mwangi", "Grace");
  g_autoptr(CohortProgramme) programme = cohort_programme_new ();
  g_autoptr(CohortProgramme) programme2 = cohort_programme_new ();
  g_autoptr(CohortCourseRun) run = add_run (fixture->db, "PC-2024", NULL);
  g_autoptr(CohortCourseRun) run2 = cohort_course_run_new ();
  g_autoptr(CohortCourse) course2 = cohort_course_new ();
  g_autoptr(CohortEnrolment) enrolment = add_enrolment (fixture->db, first, run);
  g_autoptr(CohortEnrolment) enrolment2 = cohort_enrolment_new ();
  g_autoptr(GError) error = NULL;

  cohort_person_set_code (second, "P-1");
  cohort_person_set_family_name (second, "Suzuki");
  assert_save_fails (fixture->db, second, COHORT_VALIDATION_ERROR_DUPLICATE, "code");
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (second)), ==, 0);

  /* Renaming another to a taken code. */
  cohort_person_set_code (third, "P-1");
  assert_save_fails (fixture->db, third, COHORT_VALIDATION_ERROR_DUPLICATE, "code");
  cohort_person_set_code (third, "P-3");

  /* A record keeps its own code when saved again. */
  cohort_person_set_given_name (first, "Hana");
  assert_save_ok (fixture->db, first);

  /* A deleted row keeps its code: the message says so. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON,
                                      cohort_record_get_id (COHORT_RECORD (first)), &error));
  g_assert_no_error (error);
  g_assert_false (cohort_store_save (fixture->db, COHORT_RECORD (second), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "deleted"));
  g_clear_error (&error);

  cohort_person_set_code (second, "P-2");
  assert_save_ok (fixture->db, second);

  cohort_programme_set_code (programme, "PRIMARY");
  cohort_programme_set_name (programme, "Primary Course");
  assert_save_ok (fixture->db, programme);
  cohort_programme_set_code (programme2, "PRIMARY");
  cohort_programme_set_name (programme2, "Mid-Career Course");
  assert_save_fails (fixture->db, programme2, COHORT_VALIDATION_ERROR_DUPLICATE, "code");

  cohort_course_set_code (course2, "C-PC-2024");
  cohort_course_set_title (course2, "Another course");
  assert_save_fails (fixture->db, course2, COHORT_VALIDATION_ERROR_DUPLICATE, "code");

  cohort_course_run_set_course_id (run2, cohort_course_run_get_course_id (run));
  cohort_course_run_set_code (run2, "PC-2024");
  assert_save_fails (fixture->db, run2, COHORT_VALIDATION_ERROR_DUPLICATE, "code");
  cohort_course_run_set_code (run2, "PC-2025");
  assert_save_ok (fixture->db, run2);

  /* One enrolment per person and run. */
  cohort_enrolment_set_person_id (enrolment2, cohort_record_get_id (COHORT_RECORD (first)));
  cohort_enrolment_set_run_id (enrolment2, cohort_record_get_id (COHORT_RECORD (run)));
  assert_save_fails (fixture->db, enrolment2, COHORT_VALIDATION_ERROR_DUPLICATE, "run_id");
  cohort_enrolment_set_run_id (enrolment2, cohort_record_get_id (COHORT_RECORD (run2)));
  /* … and its person was deleted after being referenced elsewhere; a new reference is not
   * allowed. */
  assert_save_fails (fixture->db, enrolment2, COHORT_VALIDATION_ERROR_NOT_FOUND, "person_id");
  cohort_enrolment_set_person_id (enrolment2, cohort_record_get_id (COHORT_RECORD (second)));
  assert_save_ok (fixture->db, enrolment2);
}

static void
test_references (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Haile", "Meron");
  g_autoptr(CohortPerson) other = add_person (fixture->db, "P2", "Bekele", "Abebe");
  g_autoptr(CohortOrganisation) host = add_organisation (fixture->db, "WFP", NULL);
  g_autoptr(CohortOrganisation) closed = add_organisation (fixture->db, "Closed office", NULL);
  g_autoptr(CohortPlacement) placement = new_placement (person, "2024-04-01", NULL);
  g_autoptr(CohortCourseRun) run = add_run (fixture->db, "PC-2024", NULL);
  g_autoptr(CohortEnrolment) others_enrolment = add_enrolment (fixture->db, other, run);
  g_autoptr(CohortCareerRecord) career = cohort_career_record_new ();
  g_autoptr(GError) error = NULL;

  cohort_placement_set_status (placement, "on_assignment");
  cohort_placement_set_country (placement, "ET");

  cohort_placement_set_host_id (placement, 9999);
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_NOT_FOUND, "host_id");

  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_ORGANISATION,
                                      cohort_record_get_id (COHORT_RECORD (closed)), &error));
  g_assert_no_error (error);
  cohort_placement_set_host_id (placement, cohort_record_get_id (COHORT_RECORD (closed)));
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_NOT_FOUND, "host_id");

  cohort_placement_set_host_id (placement, cohort_record_get_id (COHORT_RECORD (host)));
  cohort_placement_set_supervisor_id (placement, 4242);
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_NOT_FOUND,
                     "supervisor_id");
  cohort_placement_set_supervisor_id (placement, 0);

  /* The enrolment of someone else. */
  cohort_placement_set_enrolment_id (placement,
                                     cohort_record_get_id (COHORT_RECORD (others_enrolment)));
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_CONFLICT, "enrolment_id");
  cohort_placement_set_enrolment_id (placement, 0);
  assert_save_ok (fixture->db, placement);

  /* The host is retired later: the placement can still be edited. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_ORGANISATION,
                                      cohort_record_get_id (COHORT_RECORD (host)), &error));
  g_assert_no_error (error);
  cohort_placement_set_position_title (placement, "Programme Officer");
  assert_save_ok (fixture->db, placement);

  cohort_career_record_set_person_id (career, 777);
  assert_save_fails (fixture->db, career, COHORT_VALIDATION_ERROR_NOT_FOUND, "person_id");
}

static void
test_placement_overlap (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Nakamura", "Yui");
  g_autoptr(CohortPerson) other = add_person (fixture->db, "P2", "Ochieng", "Brian");
  g_autoptr(CohortPlacement) first = add_placement (fixture->db, person, "2024-01-01",
                                                    "2024-12-31");
  g_autoptr(CohortPlacement) overlapping = new_placement (person, "2024-06-01", "2025-05-31");
  g_autoptr(CohortPlacement) inside = new_placement (person, "2024-03-01", "2024-04-01");
  g_autoptr(CohortPlacement) around = new_placement (person, "2023-01-01", "2025-01-01");
  g_autoptr(CohortPlacement) touching = NULL;
  g_autoptr(CohortPlacement) open_ended = NULL;
  g_autoptr(CohortPlacement) later = new_placement (person, "2027-01-01", "2027-06-30");
  g_autoptr(CohortPlacement) before_open = new_placement (person, "2025-07-01", NULL);
  g_autoptr(CohortPlacement) cancelled = new_placement (person, "2024-02-01", "2024-03-01");
  g_autoptr(CohortPlacement) others = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cohort_store_save (fixture->db, COHORT_RECORD (overlapping), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_OVERLAP);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "start_date");
  /* The message names the other placement's dates. */
  g_assert_nonnull (strstr (error->message, "2024-01-01"));
  g_assert_nonnull (strstr (error->message, "2024-12-31"));
  g_clear_error (&error);

  assert_save_fails (fixture->db, overlapping, COHORT_VALIDATION_ERROR_OVERLAP, "start_date");
  assert_save_fails (fixture->db, inside, COHORT_VALIDATION_ERROR_OVERLAP, "start_date");
  assert_save_fails (fixture->db, around, COHORT_VALIDATION_ERROR_OVERLAP, "start_date");

  /* Starting the day the other ends (a handover) is fine, and so is the day after. */
  touching = add_placement (fixture->db, person, "2024-12-31", "2025-06-30");
  open_ended = add_placement (fixture->db, person, "2025-07-01", NULL);

  /* An open-ended placement runs for ever. */
  assert_save_fails (fixture->db, later, COHORT_VALIDATION_ERROR_OVERLAP, "start_date");
  assert_save_fails (fixture->db, before_open, COHORT_VALIDATION_ERROR_OVERLAP, "start_date");

  /* The one that ended early ends on its actual end date. */
  cohort_placement_set_end_date (open_ended, "2027-12-31");
  cohort_placement_set_actual_end_date (open_ended, "2026-06-30");
  assert_save_ok (fixture->db, open_ended);
  assert_save_ok (fixture->db, later);

  /* Saving a placement again does not collide with itself. */
  cohort_placement_set_duty_station (first, "Kampala");
  assert_save_ok (fixture->db, first);

  /* Cancelled placements do not count, either way. */
  cohort_placement_set_status (cancelled, "cancelled");
  assert_save_ok (fixture->db, cancelled);
  cohort_placement_set_status (cancelled, "confirmed");
  assert_save_fails (fixture->db, cancelled, COHORT_VALIDATION_ERROR_OVERLAP, "start_date");
  cohort_placement_set_status (first, "cancelled");
  assert_save_ok (fixture->db, first);
  assert_save_ok (fixture->db, cancelled);

  /* Another person may be anywhere at any time. */
  others = add_placement (fixture->db, other, "2024-01-01", NULL);

  /* Restoring a deleted placement whose time has been taken meanwhile. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PLACEMENT,
                                      cohort_record_get_id (COHORT_RECORD (later)), &error));
  g_assert_no_error (error);
  cohort_placement_set_start_date (open_ended, "2025-07-01");
  cohort_placement_set_actual_end_date (open_ended, NULL);
  cohort_placement_set_end_date (open_ended, NULL);
  assert_save_ok (fixture->db, open_ended);
  g_assert_false (cohort_store_undelete (fixture->db, COHORT_TYPE_PLACEMENT,
                                         cohort_record_get_id (COHORT_RECORD (later)), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_OVERLAP);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "start_date");
  g_assert_nonnull (strstr (error->message, "no end date"));
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT deleted_at IS NOT NULL FROM placement "
                               "WHERE id = ?1", cohort_record_get_id (COHORT_RECORD (later))),
                   ==, 1);
}

static void
test_required_per_status (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Ali", "Amina");
  g_autoptr(CohortOrganisation) host = add_organisation (fixture->db, "UNHCR", NULL);
  g_autoptr(CohortPlacement) placement = new_placement (person, NULL, NULL);
  g_autoptr(CohortEnrolment) enrolment = cohort_enrolment_new ();
  g_autoptr(CohortCourseRun) run = add_run (fixture->db, "PC-2024", NULL);

  cohort_placement_set_status (placement, "on_assignment");
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_REQUIRED, "host_id");
  cohort_placement_set_host_id (placement, cohort_record_get_id (COHORT_RECORD (host)));
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_REQUIRED, "country");
  cohort_placement_set_country (placement, "JO");
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_REQUIRED, "start_date");
  cohort_placement_set_start_date (placement, "2024-04-01");
  assert_save_ok (fixture->db, placement);

  cohort_placement_set_end_date (placement, "2024-03-31");
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_ORDER, "end_date");
  cohort_placement_set_end_date (placement, "2026-02-30");
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_INVALID, "end_date");
  cohort_placement_set_end_date (placement, "0000-00-00");
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_INVALID, "end_date");
  cohort_placement_set_status (placement, "finished");
  cohort_placement_set_end_date (placement, NULL);
  assert_save_fails (fixture->db, placement, COHORT_VALIDATION_ERROR_INVALID, "status");

  cohort_enrolment_set_person_id (enrolment, cohort_record_get_id (COHORT_RECORD (person)));
  cohort_enrolment_set_run_id (enrolment, cohort_record_get_id (COHORT_RECORD (run)));
  cohort_enrolment_set_status (enrolment, "reserve");
  assert_save_fails (fixture->db, enrolment, COHORT_VALIDATION_ERROR_REQUIRED, "reserve_rank");
  cohort_enrolment_set_reserve_rank (enrolment, 1);
  assert_save_ok (fixture->db, enrolment);
  cohort_enrolment_set_status (enrolment, "selected");
  assert_save_fails (fixture->db, enrolment, COHORT_VALIDATION_ERROR_INVALID, "reserve_rank");
}

static void
test_nothing_written_on_failure (CohortTestFixture *fixture,
                                 gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Tanaka", "Hanako");
  g_autoptr(CohortPerson) copy = cohort_person_new ();
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dup_row_counts (fixture->db);
  g_autofree char *after = NULL;

  /* A failed update leaves the row as it was (and the object too). */
  cohort_person_set_family_name (person, "Suzuki");
  cohort_person_set_birth_date (person, "1990-02-30");
  g_assert_false (cohort_store_save (fixture->db, COHORT_RECORD (person), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "birth_date");
  g_clear_error (&error);
  stored = cohort_store_load (fixture->db, COHORT_TYPE_PERSON,
                              cohort_record_get_id (COHORT_RECORD (person)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_person_get_family_name (COHORT_PERSON (stored)), ==, "Tanaka");

  cohort_person_set_code (copy, "P1");
  cohort_person_set_family_name (copy, "Someone");
  g_assert_false (cohort_store_save (fixture->db, COHORT_RECORD (copy), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_DUPLICATE);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (copy)), ==, 0);
  g_assert_null (cohort_record_get_created_at (COHORT_RECORD (copy)));

  after = dup_row_counts (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_nested_transaction (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(CohortPerson) duplicate = cohort_person_new ();
  g_autoptr(GError) error = NULL;

  /* Saves inside the caller's transaction are undone with it; a failed save inside it
   * undoes only itself. */
  g_assert_true (cohort_database_begin (fixture->db, &error));
  cohort_person_set_code (person, "P1");
  cohort_person_set_family_name (person, "Osei");
  assert_save_ok (fixture->db, person);
  cohort_person_set_code (duplicate, "P1");
  cohort_person_set_family_name (duplicate, "Mensah");
  g_assert_false (cohort_store_save (fixture->db, COHORT_RECORD (duplicate), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (cohort_database_in_transaction (fixture->db));
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person", NULL), ==, 1);
  cohort_database_rollback (fixture->db);

  g_assert_false (cohort_database_in_transaction (fixture->db));
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person", NULL), ==, 0);
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log", NULL), ==, 0);
}

static void
test_soft_delete (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Diallo", "Fatou");
  g_autoptr(CohortCourseRun) run = add_run (fixture->db, "PC-2024", "2024-01-15");
  g_autoptr(CohortEnrolment) enrolment = add_enrolment (fixture->db, person, run);
  g_autoptr(CohortPlacement) placement = add_placement (fixture->db, person, "2024-04-01",
                                                        "2025-03-31");
  g_autoptr(CohortCareerRecord) career = add_career (fixture->db, person, "2025", "Officer");
  g_autoptr(CohortRecord) loaded = NULL;
  g_autoptr(GListStore) placements = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = cohort_record_get_id (COHORT_RECORD (person));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON, id, &error));
  g_assert_no_error (error);

  /* Loaded, but marked deleted. */
  loaded = cohort_store_load (fixture->db, COHORT_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_true (cohort_record_is_deleted (loaded));
  g_clear_object (&loaded);

  /* Nothing cascades: participation stays, live. */
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM enrolment "
                               "WHERE person_id = ?1 AND deleted_at IS NULL", id), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM placement "
                               "WHERE person_id = ?1 AND deleted_at IS NULL", id), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM career_record "
                               "WHERE person_id = ?1 AND deleted_at IS NULL", id), ==, 1);

  /* Deleting again changes nothing. */
  before = dup_row_counts (fixture->db);
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON, id, &error));
  g_assert_no_error (error);
  after = dup_row_counts (fixture->db);
  g_assert_cmpstr (after, ==, before);

  /* Undo. */
  g_assert_true (cohort_store_undelete (fixture->db, COHORT_TYPE_PERSON, id, &error));
  g_assert_no_error (error);
  loaded = cohort_store_load (fixture->db, COHORT_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  g_assert_false (cohort_record_is_deleted (loaded));

  /* A deleted placement leaves the person's list, and comes back. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PLACEMENT,
                                      cohort_record_get_id (COHORT_RECORD (placement)),
                                      &error));
  g_assert_no_error (error);
  placements = cohort_store_list_placements (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (placements)), ==, 0);
  g_clear_object (&placements);
  g_assert_true (cohort_store_undelete (fixture->db, COHORT_TYPE_PLACEMENT,
                                        cohort_record_get_id (COHORT_RECORD (placement)),
                                        &error));
  g_assert_no_error (error);
  placements = cohort_store_list_placements (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (placements)), ==, 1);

  /* Rows that do not exist. */
  g_assert_false (cohort_store_delete (fixture->db, COHORT_TYPE_CAREER_RECORD, 9999, &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (cohort_store_undelete (fixture->db, COHORT_TYPE_ENROLMENT, 9999, &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
  g_assert_false (cohort_database_in_transaction (fixture->db));
}

static void
test_anonymise (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  static const char * const nationalities[] = { "US", NULL };
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(CohortPerson) bystander = add_person (fixture->db, "P2", "Yamamoto", "Jiro");
  g_autoptr(CohortCourseRun) run = NULL;
  g_autoptr(CohortEnrolment) enrolment = NULL;
  g_autoptr(CohortPlacement) placement = NULL;
  g_autoptr(CohortCareerRecord) career = NULL;
  g_autoptr(CohortRecord) loaded = NULL;
  g_auto(GStrv) extra = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *anonymous_code = NULL;
  CohortPerson *anonymous;
  gint64 id;

  cohort_person_set_code (person, "JP-2019-007");
  cohort_person_set_family_name (person, "Tanaka");
  cohort_person_set_given_name (person, "Hanako");
  cohort_person_set_family_name_local (person, "田中");
  cohort_person_set_given_name_local (person, "花子");
  cohort_person_set_gender (person, "female");
  cohort_person_set_gender_self (person, "woman");
  cohort_person_set_birth_date (person, "1990-05-17");
  cohort_person_set_nationality (person, "JP");
  cohort_person_set_email (person, "hanako.tanaka@example.org");
  cohort_person_set_phone (person, "+81 90 1234 5678");
  cohort_person_set_notes (person, "Prefers Hana");
  assert_save_ok (fixture->db, person);
  id = cohort_record_get_id (COHORT_RECORD (person));
  g_assert_true (cohort_store_set_person_nationalities (fixture->db, id, nationalities,
                                                        &error));
  g_assert_no_error (error);

  /* An update, so that the audit log holds old and new values. */
  cohort_person_set_given_name (person, "Hana");
  assert_save_ok (fixture->db, person);

  run = add_run (fixture->db, "PC-2019", "2019-05-20");
  enrolment = add_enrolment (fixture->db, person, run);
  placement = add_placement (fixture->db, person, "2019-08-01", "2020-07-31");
  career = add_career (fixture->db, person, "2021-01", "Protection Officer");

  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log "
                            "WHERE changes LIKE '%Tanaka%'", NULL), >, 0);

  g_assert_true (cohort_store_anonymise_person (fixture->db, id, &error));
  g_assert_no_error (error);

  loaded = cohort_store_load (fixture->db, COHORT_TYPE_PERSON, id, &error);
  g_assert_no_error (error);
  anonymous = COHORT_PERSON (loaded);
  g_assert_nonnull (cohort_person_get_anonymised_at (anonymous));
  anonymous_code = g_strdup_printf ("ANON-%" G_GINT64_FORMAT, id);
  g_assert_cmpstr (cohort_person_get_code (anonymous), ==, anonymous_code);
  g_assert_null (cohort_person_get_family_name (anonymous));
  g_assert_null (cohort_person_get_given_name (anonymous));
  g_assert_null (cohort_person_get_family_name_local (anonymous));
  g_assert_null (cohort_person_get_given_name_local (anonymous));
  g_assert_null (cohort_person_get_gender_self (anonymous));
  g_assert_null (cohort_person_get_birth_date (anonymous));
  g_assert_null (cohort_person_get_email (anonymous));
  g_assert_null (cohort_person_get_phone (anonymous));
  g_assert_null (cohort_person_get_notes (anonymous));

  /* What statistics need stays. */
  g_assert_cmpstr (cohort_person_get_gender (anonymous), ==, "female");
  g_assert_cmpstr (cohort_person_get_nationality (anonymous), ==, "JP");
  extra = cohort_store_dup_person_nationalities (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (extra, nationalities);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM enrolment "
                               "WHERE person_id = ?1 AND status = 'completed'", id), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM placement "
                               "WHERE person_id = ?1", id), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM career_record "
                               "WHERE person_id = ?1 AND sector = 'un_international'", id),
                   ==, 1);

  /* No trace of who they were: not in the row, the search index or the audit log. */
  {
    static const char * const traces[] = {
      "Tanaka", "Hanako", "Hana", "田中", "花子", "1990-05-17", "example.org", "1234",
      "JP-2019-007", "woman",
    };

    for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
      {
        g_autofree char *like = g_strdup_printf ("%%%s%%", traces[i]);

        g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log "
                                  "WHERE changes LIKE ?1", like), ==, 0);
        g_assert_cmpint (sql_int (fixture->db,
                                  "SELECT count(*) FROM person WHERE "
                                  "(code || coalesce(family_name, '') || "
                                  "coalesce(given_name, '') || coalesce(family_name_local, '') "
                                  "|| coalesce(given_name_local, '') || "
                                  "coalesce(gender_self, '') || coalesce(birth_date, '') || "
                                  "coalesce(email, '') || coalesce(phone, '') || "
                                  "coalesce(notes, '') || coalesce(match_name, '') || "
                                  "coalesce(match_name_local, '')) LIKE ?1", like), ==, 0);
        g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person_fts WHERE "
                                  "(name || name_local || "
                                  "coalesce(email, '')) LIKE ?1", like), ==, 0);
      }
  }
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person_fts "
                            "WHERE person_fts MATCH 'Hanako'", NULL), ==, 0);
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person_fts "
                            "WHERE person_fts MATCH '田中'", NULL), ==, 0);
  /* Nobody else is touched. */
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person_fts "
                            "WHERE person_fts MATCH 'Yamamoto'", NULL), ==, 1);
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log "
                            "WHERE changes LIKE '%Yamamoto%'", NULL), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM person WHERE id = ?1 "
                               "AND family_name = 'Yamamoto' AND code = 'P2'",
                               cohort_record_get_id (COHORT_RECORD (bystander))), ==, 1);
  g_assert_cmpint (sql_int_id (fixture->db, "SELECT count(*) FROM audit_log WHERE "
                               "table_name = 'person' AND row_id = ?1 AND "
                               "action = 'anonymise'", id), ==, 1);

  /* Once anonymised, always: the old object cannot bring the name back. */
  assert_save_fails (fixture->db, person, COHORT_VALIDATION_ERROR_CONFLICT, "family_name");
  /* The anonymous record itself can still be corrected. */
  cohort_person_set_gender (anonymous, "undisclosed");
  assert_save_ok (fixture->db, anonymous);
  g_assert_nonnull (cohort_person_get_anonymised_at (anonymous));

  /* Again: nothing changes. */
  g_assert_true (cohort_store_anonymise_person (fixture->db, id, &error));
  g_assert_no_error (error);
  g_assert_false (cohort_store_anonymise_person (fixture->db, 9999, &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
}

static void
assert_round_trip (CohortDatabase *db,
                   const char     *code,
                   const char     *family_name,
                   const char     *given_name)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(CohortRecord) loaded = NULL;
  g_autoptr(CohortRecord) found = NULL;
  g_autoptr(GError) error = NULL;
  const char *stored;

  cohort_person_set_code (person, code);
  cohort_person_set_family_name_local (person, family_name);
  cohort_person_set_given_name_local (person, given_name);
  cohort_person_set_notes (person, family_name);
  assert_save_ok (db, person);

  loaded = cohort_store_load (db, COHORT_TYPE_PERSON,
                              cohort_record_get_id (COHORT_RECORD (person)), &error);
  g_assert_no_error (error);
  stored = cohort_person_get_family_name_local (COHORT_PERSON (loaded));
  g_assert_cmpuint (strlen (stored), ==, strlen (family_name));
  g_assert_cmpmem (stored, strlen (stored), family_name, strlen (family_name));
  g_assert_cmpstr (cohort_person_get_given_name_local (COHORT_PERSON (loaded)), ==, given_name);
  g_assert_cmpstr (cohort_person_get_notes (COHORT_PERSON (loaded)), ==, family_name);

  g_assert_true (cohort_store_find_by_code (db, COHORT_TYPE_PERSON, code, &found, &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (cohort_record_get_id (found), ==, cohort_record_get_id (loaded));
}

static void
test_scripts (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  /* Japanese; Arabic with right-to-left marks; Khmer with subscript consonants; Amharic;
   * combining accents left decomposed; quotes; SQL. */
  assert_round_trip (fixture->db, "JP-1", "田中", "花子");
  assert_round_trip (fixture->db, "AR-1", "\u200F\u0627\u0644\u0639\u0644\u064A\u200F",
                     "\u0641\u0627\u0637\u0645\u0629");
  assert_round_trip (fixture->db, "KH-1", "សុខ", "ចាន់\u200Bណា");
  assert_round_trip (fixture->db, "ET-1", "ታደሰ", "መሰረት");
  assert_round_trip (fixture->db, "VN-1", "Nguye\u0302\u0303n", "Thi\u0323 Mai");
  assert_round_trip (fixture->db, "IE-1", "O'Brien", "\"Siobhán\"");
  assert_round_trip (fixture->db, "'); DROP TABLE person;--",
                     "'); DROP TABLE person;--", "Robert'); DELETE FROM audit_log;--");

  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person", NULL), ==, 7);
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log "
                            "WHERE action = 'insert'", NULL), ==, 7);
}

static void
test_find_by_code (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P-7", "Kamau", "Wanjiru");
  g_autoptr(CohortCourseRun) run = add_run (fixture->db, "PC-2024", NULL);
  g_autoptr(CohortRecord) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_COURSE_RUN, "PC-2024",
                                            &found, &error));
  g_assert_no_error (error);
  g_assert_true (COHORT_IS_COURSE_RUN (found));
  g_assert_cmpint (cohort_record_get_id (found), ==, cohort_record_get_id (COHORT_RECORD (run)));
  g_clear_object (&found);

  /* Absent: TRUE, no record, no error. */
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "p-7", &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_null (found);
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "", &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_null (found);

  /* Deleted rows are found, marked. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON,
                                      cohort_record_get_id (COHORT_RECORD (person)), &error));
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "P-7", &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_true (cohort_record_is_deleted (found));
}

static CohortPerson *
new_candidate (const char *family_name,
               const char *given_name,
               const char *birth_date)
{
  CohortPerson *candidate = cohort_person_new ();

  cohort_person_set_code (candidate, "NEW");
  cohort_person_set_family_name (candidate, family_name);
  cohort_person_set_given_name (candidate, given_name);
  cohort_person_set_birth_date (candidate, birth_date);
  return candidate;
}

static guint
count_similar (CohortDatabase *db,
               CohortPerson   *candidate,
               gint64          expected_id)
{
  g_autoptr(GPtrArray) similar = NULL;
  g_autoptr(GError) error = NULL;

  similar = cohort_store_find_similar_persons (db, candidate, &error);
  g_assert_no_error (error);
  g_assert_nonnull (similar);

  for (guint i = 0; i < similar->len; i++)
    g_assert_true (COHORT_IS_PERSON (g_ptr_array_index (similar, i)));
  if (similar->len == 1)
    g_assert_cmpint (cohort_record_get_id (g_ptr_array_index (similar, 0)), ==, expected_id);

  return similar->len;
}

static void
test_similar_persons (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortPerson) hanako = cohort_person_new ();
  g_autoptr(CohortPerson) deleted = NULL;
  g_autoptr(CohortPerson) candidate = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  cohort_person_set_code (hanako, "JP-1");
  cohort_person_set_family_name (hanako, "Tanaka");
  cohort_person_set_given_name (hanako, "Hanako");
  cohort_person_set_family_name_local (hanako, "田中");
  cohort_person_set_given_name_local (hanako, "花子");
  cohort_person_set_birth_date (hanako, "1990-05-17");
  cohort_person_set_email (hanako, "Hanako.Tanaka@example.org");
  assert_save_ok (fixture->db, hanako);
  id = cohort_record_get_id (COHORT_RECORD (hanako));

  /* Same romanised name, any case, either order, with spaces or hyphens. */
  candidate = new_candidate ("TANAKA", "hanako", "1990-05-17");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  g_clear_object (&candidate);
  candidate = new_candidate ("Hanako", "Tanaka", "1990-05-17");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  g_clear_object (&candidate);
  candidate = new_candidate ("Ta-naka", "Ha nako", "1990-05-17");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  g_clear_object (&candidate);

  /* A different birth date is a different person. */
  candidate = new_candidate ("Tanaka", "Hanako", "1991-05-17");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 0);
  g_clear_object (&candidate);
  /* No birth date: names alone prove nothing. */
  candidate = new_candidate ("Tanaka", "Hanako", NULL);
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 0);
  g_clear_object (&candidate);

  /* Same name in the local script, with a full-width space, no romanised name. */
  candidate = new_candidate (NULL, NULL, "1990-05-17");
  cohort_person_set_family_name_local (candidate, "田中　花子");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  cohort_person_set_family_name_local (candidate, "花子");
  cohort_person_set_given_name_local (candidate, "田中");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  cohort_person_set_given_name_local (candidate, "太郎");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 0);
  g_clear_object (&candidate);

  /* Same email, any case, whatever the name and birth date. */
  candidate = new_candidate ("Suzuki", "Hana", "1985-01-01");
  cohort_person_set_email (candidate, "hanako.tanaka@EXAMPLE.ORG");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  cohort_person_set_email (candidate, "hanako.tanaka@example.com");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 0);
  g_clear_object (&candidate);

  /* A person is not their own duplicate. */
  g_assert_cmpuint (count_similar (fixture->db, hanako, 0), ==, 0);

  /* Two matches, by name and by email, each listed once; deleted persons are not matched. */
  deleted = cohort_person_new ();
  cohort_person_set_code (deleted, "JP-2");
  cohort_person_set_family_name (deleted, "Hanako");
  cohort_person_set_given_name (deleted, "TANAKA");
  cohort_person_set_birth_date (deleted, "1990-05-17");
  cohort_person_set_email (deleted, "other@example.org");
  assert_save_ok (fixture->db, deleted);
  candidate = new_candidate ("Tanaka", "Hanako", "1990-05-17");
  cohort_person_set_email (candidate, "hanako.tanaka@example.org");
  g_assert_cmpuint (count_similar (fixture->db, candidate, 0), ==, 2);
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON,
                                      cohort_record_get_id (COHORT_RECORD (deleted)), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
  g_clear_object (&candidate);

  /* Renaming updates the keys. */
  cohort_person_set_family_name (hanako, "Yamada");
  assert_save_ok (fixture->db, hanako);
  candidate = new_candidate ("Tanaka", "Hanako", "1990-05-17");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 0);
  cohort_person_set_family_name (candidate, "YAMADA");
  g_assert_cmpuint (count_similar (fixture->db, candidate, id), ==, 1);
}

static void
test_refresh_match_keys (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(CohortPerson) candidate = new_candidate ("Mwangi", "Grace", "1988-03-03");
  g_autoptr(GError) error = NULL;
  char *errmsg = NULL;
  int rc;

  /* A row written without the store (as before schema version 2) has no keys. */
  rc = sqlite3_exec (cohort_database_get_handle (fixture->db),
                     "INSERT INTO person (code, family_name, given_name, birth_date, "
                     "created_at, updated_at) VALUES ('KE-1', 'Mwangi', 'Grace', '1988-03-03', "
                     "'2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')",
                     NULL, NULL, &errmsg);
  g_assert_cmpstr (errmsg, ==, NULL);
  g_assert_cmpint (rc, ==, SQLITE_OK);
  g_assert_cmpuint (count_similar (fixture->db, candidate, 0), ==, 0);

  g_assert_true (cohort_store_refresh_match_keys (fixture->db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_similar (fixture->db, candidate, 1), ==, 1);
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM person "
                            "WHERE match_name = 'mwangigrace'", NULL), ==, 1);

  /* Filling keys is not an edit. */
  g_assert_cmpint (sql_int (fixture->db, "SELECT count(*) FROM audit_log "
                            "WHERE action = 'update'", NULL), ==, 0);
  g_assert_true (cohort_store_refresh_match_keys (fixture->db, &error));
  g_assert_no_error (error);
}

static void
test_nationalities (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  static const char * const wanted[] = { "US", "GB", "US", NULL };
  static const char * const expected[] = { "GB", "US", NULL };
  static const char * const invalid[] = { "FR", "usa", NULL };
  static const char * const none[] = { NULL };
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Smith", "Alex");
  gint64 id = cohort_record_get_id (COHORT_RECORD (person));
  g_auto(GStrv) countries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  countries = cohort_store_dup_person_nationalities (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (countries, none);
  g_clear_pointer (&countries, g_strfreev);

  g_assert_true (cohort_store_set_person_nationalities (fixture->db, id, wanted, &error));
  g_assert_no_error (error);
  countries = cohort_store_dup_person_nationalities (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (countries, expected);
  g_clear_pointer (&countries, g_strfreev);

  before = dup_row_counts (fixture->db);
  g_assert_false (cohort_store_set_person_nationalities (fixture->db, id, invalid, &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "nationality");
  g_clear_error (&error);
  g_assert_false (cohort_store_set_person_nationalities (fixture->db, 9999, expected, &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dup_row_counts (fixture->db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (cohort_store_set_person_nationalities (fixture->db, id, NULL, &error));
  g_assert_no_error (error);
  countries = cohort_store_dup_person_nationalities (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (countries, none);
}

static void
test_organisation_cycle (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  g_autoptr(CohortOrganisation) agency = add_organisation (fixture->db, "UNICEF", NULL);
  g_autoptr(CohortOrganisation) country = add_organisation (fixture->db, "UNICEF Nepal",
                                                            agency);
  g_autoptr(CohortOrganisation) field = add_organisation (fixture->db, "UNICEF Biratnagar",
                                                          country);

  cohort_organisation_set_parent_id (agency, cohort_record_get_id (COHORT_RECORD (field)));
  assert_save_fails (fixture->db, agency, COHORT_VALIDATION_ERROR_CONFLICT, "parent_id");
  cohort_organisation_set_parent_id (agency, cohort_record_get_id (COHORT_RECORD (agency)));
  assert_save_fails (fixture->db, agency, COHORT_VALIDATION_ERROR_INVALID, "parent_id");
  cohort_organisation_set_parent_id (agency, 0);
  assert_save_ok (fixture->db, agency);

  /* Moving a field office to another branch is fine. */
  cohort_organisation_set_parent_id (field, cohort_record_get_id (COHORT_RECORD (agency)));
  assert_save_ok (fixture->db, field);
}

static void
test_person_lists (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db, "P1", "Rahman", "Nadia");
  g_autoptr(CohortPerson) nobody = add_person (fixture->db, "P2", "Khan", "Imran");
  g_autoptr(CohortCourseRun) later_run = add_run (fixture->db, "MC-2023", "2023-09-01");
  g_autoptr(CohortCourseRun) earlier_run = add_run (fixture->db, "PC-2019", "2019-05-20");
  g_autoptr(CohortEnrolment) later = add_enrolment (fixture->db, person, later_run);
  g_autoptr(CohortEnrolment) earlier = add_enrolment (fixture->db, person, earlier_run);
  g_autoptr(CohortPlacement) second = add_placement (fixture->db, person, "2021-01-01", NULL);
  g_autoptr(CohortPlacement) first = add_placement (fixture->db, person, "2019-08-01",
                                                    "2020-07-31");
  g_autoptr(CohortCareerRecord) job2 = add_career (fixture->db, person, "2022-04", "Analyst");
  g_autoptr(CohortCareerRecord) job1 = add_career (fixture->db, person, "2021", "Associate");
  g_autoptr(CohortCareerRecord) job3 = add_career (fixture->db, person, "2024-02-01", "Head");
  g_autoptr(CohortCareerRecord) latest = NULL;
  g_autoptr(GListStore) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = cohort_record_get_id (COHORT_RECORD (person));
  g_autoptr(CohortEnrolment) e0 = NULL;
  g_autoptr(CohortPlacement) p0 = NULL;
  g_autoptr(CohortCareerRecord) c0 = NULL;
  g_autoptr(CohortCareerRecord) c2 = NULL;

  list = cohort_store_list_enrolments (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == COHORT_TYPE_ENROLMENT);
  e0 = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (e0)), ==,
                   cohort_record_get_id (COHORT_RECORD (earlier)));
  g_clear_object (&list);

  list = cohort_store_list_placements (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  p0 = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (cohort_placement_get_start_date (p0), ==, "2019-08-01");
  g_clear_object (&list);

  list = cohort_store_list_career_records (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  c0 = g_list_model_get_item (G_LIST_MODEL (list), 0);
  c2 = g_list_model_get_item (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (cohort_career_record_get_position_title (c0), ==, "Associate");
  g_assert_cmpstr (cohort_career_record_get_position_title (c2), ==, "Head");
  g_clear_object (&list);

  g_assert_true (cohort_store_get_latest_career_record (fixture->db, id, &latest, &error));
  g_assert_no_error (error);
  g_assert_nonnull (latest);
  g_assert_cmpstr (cohort_career_record_get_position_title (latest), ==, "Head");
  g_clear_object (&latest);

  /* Without the newest (deleted), the one before. */
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_CAREER_RECORD,
                                      cohort_record_get_id (COHORT_RECORD (job3)), &error));
  g_assert_true (cohort_store_get_latest_career_record (fixture->db, id, &latest, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_career_record_get_position_title (latest), ==, "Analyst");
  g_clear_object (&latest);

  /* Nobody's lists are empty. */
  g_assert_true (cohort_store_get_latest_career_record (fixture->db,
                                                        cohort_record_get_id (COHORT_RECORD (nobody)),
                                                        &latest, &error));
  g_assert_no_error (error);
  g_assert_null (latest);
  list = cohort_store_list_enrolments (fixture->db, cohort_record_get_id (COHORT_RECORD (nobody)),
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  (void) later;
  (void) second;
  (void) first;
  (void) job1;
  (void) job2;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/store/schema-version", test_schema_version);
  g_test_add_func ("/cohort/store/properties", test_properties);
  cohort_test_add ("/cohort/store/save/insert-and-load", test_insert_and_load);
  cohort_test_add ("/cohort/store/save/every-type", test_every_type);
  cohort_test_add ("/cohort/store/save/update-and-audit", test_update_and_audit);
  cohort_test_add ("/cohort/store/rules/unique-codes", test_unique_codes);
  cohort_test_add ("/cohort/store/rules/references", test_references);
  cohort_test_add ("/cohort/store/rules/placement-overlap", test_placement_overlap);
  cohort_test_add ("/cohort/store/rules/required-per-status", test_required_per_status);
  cohort_test_add ("/cohort/store/rules/organisation-cycle", test_organisation_cycle);
  cohort_test_add ("/cohort/store/rules/nothing-written", test_nothing_written_on_failure);
  cohort_test_add ("/cohort/store/transaction/nested", test_nested_transaction);
  cohort_test_add ("/cohort/store/delete/soft-and-undo", test_soft_delete);
  cohort_test_add ("/cohort/store/anonymise", test_anonymise);
  cohort_test_add ("/cohort/store/text/scripts-and-sql", test_scripts);
  cohort_test_add ("/cohort/store/find-by-code", test_find_by_code);
  cohort_test_add ("/cohort/store/similar/persons", test_similar_persons);
  cohort_test_add ("/cohort/store/similar/refresh-keys", test_refresh_match_keys);
  cohort_test_add ("/cohort/store/nationalities", test_nationalities);
  cohort_test_add ("/cohort/store/lists", test_person_lists);

  return g_test_run ();
}
