/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* The search indexes: kept current row by row, or, inside a transaction that defers them (as an
 * import does), brought up to date at once by cohort_database_update_search_index(). */

#define PERSON_MATCHES "SELECT count(*) FROM person_fts WHERE person_fts MATCH :q"
#define COURSE_MATCHES "SELECT count(*) FROM course_fts WHERE course_fts MATCH :q"
#define ORGANISATION_MATCHES \
  "SELECT count(*) FROM organisation_fts WHERE organisation_fts MATCH :q"

/* How many rows one of the indexes finds for @text, as this connection sees them. */
static gint64
count_matches (CohortDatabase *db,
               const char     *sql,
               const char     *text)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);
  gboolean has_row = FALSE;
  gint64 value;

  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":q", text);
  g_assert_true (cohort_statement_step (stmt, &has_row, &error));
  g_assert_no_error (error);
  g_assert_true (has_row);
  value = cohort_statement_get_int64 (stmt, 0);
  cohort_statement_reset (stmt);

  return value;
}

#define count_persons(db, text) count_matches ((db), PERSON_MATCHES, (text))
#define count_courses(db, text) count_matches ((db), COURSE_MATCHES, (text))
#define count_organisations(db, text) count_matches ((db), ORGANISATION_MATCHES, (text))

static CohortOrganisation *
save_organisation (CohortDatabase *db,
                   const char     *name)
{
  CohortOrganisation *organisation = cohort_organisation_new ();

  cohort_organisation_set_name (organisation, name);
  cohort_test_save (db, organisation);
  return organisation;
}

static CohortPerson *
save_person (CohortDatabase *db,
             const char     *code,
             const char     *family_name,
             const char     *family_name_local,
             gint64          affiliation_id)
{
  CohortPerson *person = cohort_person_new ();

  cohort_person_set_code (person, code);
  cohort_person_set_family_name (person, family_name);
  cohort_person_set_given_name (person, "Aiko");
  cohort_person_set_family_name_local (person, family_name_local);
  cohort_person_set_given_name_local (person, family_name_local != NULL ? "愛子" : NULL);
  cohort_person_set_affiliation_id (person, affiliation_id);
  cohort_test_save (db, person);
  return person;
}

static CohortCourse *
save_course (CohortDatabase *db,
             const char     *code,
             const char     *title)
{
  CohortCourse *course = cohort_course_new ();

  cohort_course_set_code (course, code);
  cohort_course_set_title (course, title);
  cohort_course_set_description (course, "Negotiation exercises in small groups");
  cohort_test_save (db, course);
  return course;
}

static void
assert_nothing_pending (CohortDatabase *db)
{
  g_assert_cmpint (cohort_test_db_query_int64 (db, "SELECT count(*) FROM search_deferral"), ==, 0);
  g_assert_cmpint (cohort_test_db_query_int64 (db, "SELECT count(*) FROM search_pending"), ==, 0);
}

/* Without deferral, each row is indexed as it is written. */
static void
test_row_by_row (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autoptr(CohortOrganisation) organisation = save_organisation (fixture->db, "Relief Agency");
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortCourse) course = save_course (fixture->db, "MED-1", "Mediation basics");
  gint64 organisation_id = cohort_record_get_id (COHORT_RECORD (organisation));

  person = save_person (fixture->db, "P-1", "Tanaka", "田中", organisation_id);

  g_assert_cmpint (count_persons (fixture->db, "\"Tanaka\""), ==, 1);
  g_assert_cmpint (count_persons (fixture->db, "\"田中愛子\""), ==, 1);
  g_assert_cmpint (count_persons (fixture->db, "\"Relief\""), ==, 1);
  g_assert_cmpint (count_courses (fixture->db, "\"diation\""), ==, 1);
  g_assert_cmpint (count_organisations (fixture->db, "\"Relief\""), ==, 1);

  /* Renaming the organisation re-indexes its people under the new name. */
  cohort_organisation_set_name (organisation, "Refugee Support Office");
  cohort_test_save (fixture->db, organisation);
  g_assert_cmpint (count_persons (fixture->db, "\"Relief\""), ==, 0);
  g_assert_cmpint (count_persons (fixture->db, "\"Refugee\""), ==, 1);
  g_assert_cmpint (count_organisations (fixture->db, "\"Refugee\""), ==, 1);

  assert_nothing_pending (fixture->db);
}

/* Deferred: nothing is indexed until the update, then everything is, as row by row would
 * have; the tables that note it are empty again, inside the same transaction. */
static void
test_deferred (CohortTestFixture *fixture,
               gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortOrganisation) organisation = save_organisation (fixture->db, "Relief Agency");
  g_autoptr(CohortOrganisation) added = NULL;
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortPerson) other = NULL;
  g_autoptr(CohortPerson) member = NULL;
  g_autoptr(CohortCourse) course = NULL;
  gint64 organisation_id = cohort_record_get_id (COHORT_RECORD (organisation));

  other = save_person (fixture->db, "P-0", "Okafor", NULL, 0);
  /* Indexed before, and not changed itself: it follows its organisation's new name. */
  member = save_person (fixture->db, "P-2", "Silva", NULL, organisation_id);

  g_assert_true (cohort_database_begin (fixture->db, &error));
  g_assert_true (cohort_database_defer_search_index (fixture->db, &error));
  g_assert_no_error (error);

  person = save_person (fixture->db, "P-1", "Tanaka", "田中", organisation_id);
  course = save_course (fixture->db, "MED-1", "Mediation basics");
  added = save_organisation (fixture->db, "Field Office Amman");
  cohort_organisation_set_name (organisation, "Refugee Support Office");
  cohort_test_save (fixture->db, organisation);
  cohort_person_set_family_name (other, "Mensah");
  cohort_test_save (fixture->db, other);

  /* Noted, not indexed. */
  g_assert_cmpint (count_persons (fixture->db, "\"Tanaka\""), ==, 0);
  g_assert_cmpint (count_courses (fixture->db, "\"diation\""), ==, 0);
  g_assert_cmpint (count_organisations (fixture->db, "\"Amman\""), ==, 0);
  g_assert_cmpint (count_organisations (fixture->db, "\"Refugee\""), ==, 0);
  g_assert_cmpint (count_persons (fixture->db, "\"Relief\""), ==, 1);
  g_assert_cmpint (count_persons (fixture->db, "\"Okafor\""), ==, 1);
  g_assert_cmpint (cohort_test_db_query_int64 (fixture->db,
                                               "SELECT count(*) FROM search_pending"), ==, 5);

  g_assert_true (cohort_database_update_search_index (fixture->db, &error));
  g_assert_no_error (error);
  assert_nothing_pending (fixture->db);

  g_assert_cmpint (count_persons (fixture->db, "\"Tanaka\""), ==, 1);
  g_assert_cmpint (count_persons (fixture->db, "\"田中愛子\""), ==, 1);
  g_assert_cmpint (count_persons (fixture->db, "\"Refugee\""), ==, 2);
  g_assert_cmpint (count_persons (fixture->db, "\"Relief\""), ==, 0);
  g_assert_cmpint (count_persons (fixture->db, "\"Okafor\""), ==, 0);
  g_assert_cmpint (count_persons (fixture->db, "\"Mensah\""), ==, 1);
  g_assert_cmpint (count_courses (fixture->db, "\"diation\""), ==, 1);
  g_assert_cmpint (count_organisations (fixture->db, "\"Amman\""), ==, 1);
  g_assert_cmpint (count_organisations (fixture->db, "\"Refugee\""), ==, 1);
  g_assert_cmpint (count_organisations (fixture->db, "\"Relief\""), ==, 0);

  g_assert_true (cohort_database_commit (fixture->db, &error));
  g_assert_no_error (error);

  /* Back to row by row. */
  g_clear_object (&course);
  course = save_course (fixture->db, "NEG-1", "Negotiation in the field");
  g_assert_cmpint (count_courses (fixture->db, "\"Negotiation in\""), ==, 1);
  assert_nothing_pending (fixture->db);

  /* The indexes agree with the tables, as `cohort check` sees them. */
  g_assert_cmpint (cohort_test_db_query_int64 (fixture->db, "SELECT count(*) FROM person_fts"), ==,
                   cohort_test_db_query_int64 (fixture->db, "SELECT count(*) FROM person"));
  g_assert_cmpint (cohort_test_db_query_int64 (fixture->db, "SELECT count(*) FROM course_fts"), ==,
                   cohort_test_db_query_int64 (fixture->db, "SELECT count(*) FROM course"));
  g_assert_cmpint (cohort_test_db_query_int64 (fixture->db,
                                               "SELECT count(*) FROM organisation_fts"), ==,
                   cohort_test_db_query_int64 (fixture->db, "SELECT count(*) FROM organisation"));
}

/* A rollback forgets the deferral with the rows: what comes next is indexed at once. */
static void
test_rollback (CohortTestFixture *fixture,
               gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortCourse) course = NULL;

  g_assert_true (cohort_database_begin (fixture->db, &error));
  g_assert_true (cohort_database_defer_search_index (fixture->db, &error));
  g_assert_no_error (error);
  course = save_course (fixture->db, "MED-1", "Mediation basics");
  cohort_database_rollback (fixture->db);

  assert_nothing_pending (fixture->db);
  g_assert_cmpint (cohort_test_db_query_int64 (fixture->db, "SELECT count(*) FROM course"), ==, 0);
  g_assert_cmpint (cohort_test_db_query_int64 (fixture->db,
                                               "SELECT count(*) FROM course_fts"), ==, 0);

  g_clear_object (&course);
  course = save_course (fixture->db, "MED-2", "Mediation advanced");
  g_assert_cmpint (count_courses (fixture->db, "\"diation adv\""), ==, 1);
}

/* Another connection never sees a deferral under way (it is undone in the same transaction),
 * and a row deleted while indexing is deferred leaves the index at once. */
static void
test_deferral_private (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortCourse) kept = save_course (fixture->db, "MED-1", "Mediation basics");
  g_autoptr(CohortCourse) course = NULL;
  CohortStatement *stmt;

  g_assert_true (cohort_database_begin (fixture->db, &error));
  g_assert_true (cohort_database_defer_search_index (fixture->db, &error));
  g_assert_no_error (error);
  course = save_course (fixture->db, "NEG-1", "Negotiation in the field");

  stmt = cohort_database_prepare (fixture->db, "DELETE FROM course WHERE code = 'MED-1'", &error);
  g_assert_no_error (error);
  g_assert_true (cohort_statement_execute (stmt, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_courses (fixture->db, "\"diation\""), ==, 0);

  /* Committed state only, through a connection of its own. */
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM search_deferral"), ==, 0);

  g_assert_true (cohort_database_update_search_index (fixture->db, &error));
  g_assert_true (cohort_database_commit (fixture->db, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM course_fts "
                                            "WHERE course_fts MATCH '\"Negotiation\"'"), ==, 1);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM course_fts"), ==, 1);
  assert_nothing_pending (fixture->db);
}

/* A database of version 4 moves to the views and deferrable triggers of version 5 and keeps
 * its index: its people are found as before, and new ones as they are added. */
static void
test_migrate_from_v4 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  g_autoptr(CohortPerson) person = NULL;
  CohortDatabase *db;
  gint64 n_indexed;

  cohort_test_write_old_database (path, 4);
  g_assert_cmpint (cohort_test_query_int64 (path, "PRAGMA user_version"), ==, 4);
  n_indexed = cohort_test_query_int64 (path, "SELECT count(*) FROM person_fts");
  g_assert_cmpint (n_indexed, >, 0);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cohort_database_get_schema_version (db), >=, 5);
  g_assert_cmpint (cohort_test_db_query_int64 (db, "SELECT count(*) FROM person_fts"), ==,
                   n_indexed);
  g_assert_cmpint (cohort_test_db_query_int64 (db, "SELECT count(*) FROM sqlite_schema "
                                    "WHERE type = 'view' AND name LIKE '%\\_search' ESCAPE '\\'"),
                   ==, 3);

  person = save_person (db, "P-NEW", "Haddad", NULL, 0);
  g_assert_cmpint (count_persons (db, "\"Haddad\""), ==, 1);
  g_assert_cmpint (cohort_test_db_query_int64 (db, "SELECT count(*) FROM person_fts"), ==,
                   n_indexed + 1);

  g_clear_object (&person);
  g_assert_finalize_object (db);
  cohort_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/search-index/row-by-row", test_row_by_row);
  cohort_test_add ("/cohort/search-index/deferred", test_deferred);
  cohort_test_add ("/cohort/search-index/rollback", test_rollback);
  cohort_test_add ("/cohort/search-index/deferral-private", test_deferral_private);
  g_test_add_func ("/cohort/search-index/migrate/from-v4", test_migrate_from_v4);

  return g_test_run ();
}
