/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-import-plan-ims-csv"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cohort-course.h"
#include "cohort-import-plan.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* The import planner over IMS Enterprise files (the Moodle and PIFU examples of the shared
 * data folder) and CSV files (tests/data/csv): what it plans, what commit writes, that the
 * same file again changes nothing and that a cancelled import leaves the database as it was. */

typedef struct
{
  const char *name;
  guint       n_persons;
  guint       n_courses;
  guint       n_groups;
  guint       n_groups_rejected;
  guint       n_memberships;
  guint       n_memberships_rejected;
  gint64      n_enrolments;
  gint64      n_trainers;
} ImsFile;

/* example-grouped.xml asks for its one group to be deleted (recstatus 3), so its memberships
 * have no group; four memberships of the PIFU example name groups the file does not hold. */
static const ImsFile ims_files[] = {
  { "example.xml", 5, 1, 1, 0, 5, 0, 4, 1 },
  { "example-oneline.xml", 5, 1, 1, 0, 5, 0, 4, 1 },
  { "example-grouped.xml", 5, 0, 0, 1, 0, 5, 0, 0 },
  { "PIFU-IMS_SAS_eksempel.xml", 5, 9, 9, 0, 14, 4, 7, 7 },
};

static sqlite3 *
open_readonly (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

/* The first column of the first row of @sql, as text. */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = open_readonly (path);
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

static guint
kind_total (CohortImportPlan       *plan,
            CohortImportRecordKind  kind)
{
  guint n = 0;

  for (CohortImportOutcome o = 0; o < COHORT_IMPORT_N_OUTCOMES; o++)
    n += cohort_import_plan_get_count (plan, kind, o);

  return n;
}

static CohortImportPlan *
build_ims (CohortTestFixture *fixture,
           const char        *name)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "ims-enterprise", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortImportPlan) plan = cohort_import_plan_new_for_ims (file);
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&plan);
}

static CohortImportPlan *
build_csv (CohortTestFixture *fixture,
           const char        *name,
           CohortCsvTarget    target)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortImportPlan) plan = cohort_import_plan_new_for_csv (file, target);
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&plan);
}

static void
commit (CohortTestFixture *fixture,
        CohortImportPlan  *plan)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
}

static void
import_csv (CohortTestFixture *fixture,
            const char        *name,
            CohortCsvTarget    target)
{
  g_autoptr(CohortImportPlan) plan = build_csv (fixture, name, target);

  commit (fixture, plan);
}

/* The rejected item at @line; the test fails when there is none. */
static CohortImportItem *
find_rejected (CohortImportPlan *plan,
               guint             line)
{
  GPtrArray *items = cohort_import_plan_get_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      CohortImportItem *item = g_ptr_array_index (items, i);

      if (item->outcome == COHORT_IMPORT_OUTCOME_REJECTED && item->line == line)
        return item;
    }

  g_error ("No record at line %u is rejected", line);
}

static void
test_ims_file (CohortTestFixture *fixture,
               gconstpointer      user_data)
{
  const ImsFile *ims = user_data;
  g_autoptr(CohortImportPlan) plan = build_ims (fixture, ims->name);
  g_autoptr(CohortImportPlan) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *format = NULL;

  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_PERSON,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==,
                    ims->n_persons);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==,
                    ims->n_courses);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_GROUP,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==,
                    ims->n_groups);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_GROUP,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==,
                    ims->n_groups_rejected);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==,
                    ims->n_memberships);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==,
                    ims->n_memberships_rejected);

  /* Nothing is written by planning. */
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 0);

  commit (fixture, plan);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, ims->n_persons);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, ims->n_courses);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course_run"), ==, ims->n_groups);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "enrolment"), ==, ims->n_enrolments);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "run_trainer"), ==, ims->n_trainers);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);
  format = query_text (fixture->path, "SELECT format FROM import_batch");
  g_assert_cmpstr (format, ==, "ims");

  /* The same file again changes nothing. */
  before = cohort_test_dup_database_checksum (fixture->path);
  again = build_ims (fixture, ims->name);
  g_assert_false (cohort_import_plan_has_changes (again));
  g_assert_cmpuint (cohort_import_plan_get_count (again, COHORT_IMPORT_RECORD_IMS_PERSON,
                                                  COHORT_IMPORT_OUTCOME_UNCHANGED), ==,
                    ims->n_persons);
  g_assert_cmpuint (cohort_import_plan_get_count (again, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
                                                  COHORT_IMPORT_OUTCOME_UNCHANGED), ==,
                    ims->n_memberships);
  commit (fixture, again);
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_ims_latin1_names (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = build_ims (fixture, "PIFU-IMS_SAS_eksempel.xml");
  g_autofree char *title = NULL;

  commit (fixture, plan);
  title = query_text (fixture->path, "SELECT title FROM course WHERE code = 'global_ID_org_2'");
  g_assert_cmpstr (title, ==, "Måne kommune");
}

static void
cancel_after_three (CohortImportPlan *plan,
                    guint             n_done,
                    guint             n_total,
                    gpointer          user_data)
{
  if (n_done == 3)
    g_cancellable_cancel (user_data);
}

static void
test_ims_cancel (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = build_ims (fixture, "example.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
  g_autofree char *after = NULL;

  cohort_import_plan_set_progress_func (plan, cancel_after_three, cancellable, NULL);
  g_assert_false (cohort_import_plan_commit (plan, fixture->db, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 0);
}

static void
test_ims_unknown_member (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  static const char ims[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<enterprise>\n"
    "  <group><sourcedid><source>t</source><id>ECON-2025</id></sourcedid>\n"
    "    <description><short>Economics</short></description></group>\n"
    "  <membership><sourcedid><source>t</source><id>ECON-2025</id></sourcedid>\n"
    "    <member><sourcedid><source>t</source><id>NOBODY</id></sourcedid>\n"
    "      <idtype>1</idtype>\n"
    "      <role roletype=\"01\"><status>1</status></role>\n"
    "    </member>\n"
    "  </membership>\n"
    "</enterprise>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (ims, sizeof ims - 1);
  g_autoptr(CohortImportPlan) plan = cohort_import_plan_new_for_ims_bytes (bytes, "m.xml");
  g_autoptr(CohortCourse) course = cohort_course_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *course_code = NULL;
  CohortImportItem *item;

  /* The group's run belongs to the course whose code its code begins with. */
  cohort_course_set_code (course, "ECON");
  cohort_course_set_title (course, "Economics");
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (course), &error));
  g_assert_no_error (error);

  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (kind_total (plan, COHORT_IMPORT_RECORD_COURSE), ==, 0);

  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_GROUP,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  item = find_rejected (plan, 8);
  g_assert_nonnull (strstr (item->reason, "NOBODY"));

  commit (fixture, plan);
  course_code = query_text (fixture->path, "SELECT c.code FROM course_run r JOIN course c "
                                           "ON c.id = r.course_id WHERE r.code = 'ECON-2025'");
  g_assert_cmpstr (course_code, ==, "ECON");
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "enrolment"), ==, 0);
}

/* A person under a new code who looks like one already in Cohort (the same e-mail address)
 * is rejected, naming the existing person's code; their memberships are rejected too. */
static void
test_ims_duplicate_person (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  static const char ims[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<enterprise>\n"
    "  <person><sourcedid><source>t</source><id>S-77</id></sourcedid>\n"
    "    <name><fn>Amina Yusuf</fn><n><family>Yusuf</family><given>Amina</given></n></name>\n"
    "    <email>Amina.Yusuf@example.org</email></person>\n"
    "</enterprise>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (ims, sizeof ims - 1);
  g_autoptr(CohortImportPlan) plan = cohort_import_plan_new_for_ims_bytes (bytes, "d.xml");
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(GError) error = NULL;
  CohortImportItem *item;

  cohort_person_set_code (person, "P-0042");
  cohort_person_set_family_name (person, "Yusuf");
  cohort_person_set_given_name (person, "Amina");
  cohort_person_set_email (person, "amina.yusuf@example.org");
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (person), &error));
  g_assert_no_error (error);

  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_IMS_PERSON,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  item = find_rejected (plan, 3);
  g_assert_cmpstr (item->code, ==, "S-77");
  g_assert_nonnull (strstr (item->reason, "P-0042"));
  g_assert_false (cohort_import_plan_has_changes (plan));
}

static void
test_csv_international (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = build_csv (fixture, "trainees-intl.csv",
                                                COHORT_CSV_TARGET_TRAINEES);
  g_autoptr(CohortImportPlan) again = NULL;
  g_autoptr(CohortRecord) yamada = NULL;
  g_autoptr(CohortRecord) layla = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;

  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 3);
  commit (fixture, plan);

  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "T-001", &yamada,
                                            &error));
  g_assert_no_error (error);
  g_assert_nonnull (yamada);
  g_assert_cmpstr (cohort_person_get_family_name_local (COHORT_PERSON (yamada)), ==, "山田");
  g_assert_cmpstr (cohort_person_get_given_name_local (COHORT_PERSON (yamada)), ==, "花子");

  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "T-002", &layla,
                                            &error));
  g_assert_nonnull (layla);
  g_assert_cmpstr (cohort_person_get_family_name_local (COHORT_PERSON (layla)), ==, "الراشد");
  g_assert_cmpstr (cohort_person_get_given_name_local (COHORT_PERSON (layla)), ==, "ليلى");
  g_assert_cmpstr (cohort_person_get_nationality (COHORT_PERSON (layla)), ==, "JO");

  format = query_text (fixture->path, "SELECT format FROM import_batch");
  g_assert_cmpstr (format, ==, "csv");

  again = build_csv (fixture, "trainees-intl.csv", COHORT_CSV_TARGET_TRAINEES);
  g_assert_false (cohort_import_plan_has_changes (again));
  g_assert_cmpuint (cohort_import_plan_get_count (again, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_UNCHANGED), ==, 3);
}

/* A row that cannot be imported is rejected with its line; the plan shows it, and commit
 * imports the other rows (as for XCRI-CAP). */
static void
test_csv_bad_row (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = build_csv (fixture, "trainees-bad-row.csv",
                                                COHORT_CSV_TARGET_TRAINEES);
  CohortImportItem *item;

  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 2);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  item = find_rejected (plan, 3);
  g_assert_cmpstr (item->code, ==, "T-102");
  g_assert_nonnull (strstr (item->reason, "1990-02-30"));

  commit (fixture, plan);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 2);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
}

/* A code twice in the file: the second row is rejected, in the plan and in the commit. */
static void
test_csv_same_code_twice (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  static const char csv[] =
    "code,family_name,given_name\n"
    "T-1,Tanaka,Hanako\n"
    "T-1,Tanaka,Hana\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  CohortImportItem *item;

  plan = cohort_import_plan_new_for_csv_bytes (bytes, "twice.csv", COHORT_CSV_TARGET_TRAINEES);
  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  item = find_rejected (plan, 3);
  g_assert_nonnull (strstr (item->reason, "T-1"));

  commit (fixture, plan);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 1);
}

static void
test_csv_duplicate_person (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = NULL;
  CohortImportItem *item;

  import_csv (fixture, "trainees-intl.csv", COHORT_CSV_TARGET_TRAINEES);

  plan = build_csv (fixture, "trainees-duplicate.csv", COHORT_CSV_TARGET_TRAINEES);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PERSON,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  item = find_rejected (plan, 2);
  g_assert_cmpstr (item->code, ==, "T-900");
  g_assert_nonnull (strstr (item->reason, "T-001"));

  commit (fixture, plan);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 4);
}

static void
test_csv_organisations (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = build_csv (fixture, "organisations.csv",
                                                COHORT_CSV_TARGET_ORGANISATIONS);
  g_autoptr(CohortImportPlan) again = NULL;
  g_autofree char *parent = NULL;

  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_ORGANISATION,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 2);
  commit (fixture, plan);

  parent = query_text (fixture->path,
                       "SELECT p.acronym FROM organisation o JOIN organisation p "
                       "ON p.id = o.parent_id WHERE o.name = 'UNDP Kenya'");
  g_assert_cmpstr (parent, ==, "UNDP");

  again = build_csv (fixture, "organisations.csv", COHORT_CSV_TARGET_ORGANISATIONS);
  g_assert_false (cohort_import_plan_has_changes (again));
}

static void
test_csv_placements (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(CohortImportPlan) overlap = NULL;
  CohortImportItem *item;

  import_csv (fixture, "organisations.csv", COHORT_CSV_TARGET_ORGANISATIONS);
  import_csv (fixture, "trainees-intl.csv", COHORT_CSV_TARGET_TRAINEES);

  plan = build_csv (fixture, "placements.csv", COHORT_CSV_TARGET_PLACEMENTS);
  g_assert_cmpuint (kind_total (plan, COHORT_IMPORT_RECORD_PLACEMENT), ==, 2);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_PLACEMENT,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 2);
  commit (fixture, plan);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "placement"), ==, 2);

  /* A placement overlapping one in the database, one at an unknown host, and one overlapping
   * an earlier row of the same file are rejected in the plan; the third row is imported. */
  overlap = build_csv (fixture, "placements-overlap.csv", COHORT_CSV_TARGET_PLACEMENTS);
  g_assert_cmpuint (cohort_import_plan_get_count (overlap, COHORT_IMPORT_RECORD_PLACEMENT,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 3);
  g_assert_cmpuint (cohort_import_plan_get_count (overlap, COHORT_IMPORT_RECORD_PLACEMENT,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  item = find_rejected (overlap, 2);
  g_assert_cmpstr (item->field, ==, "start_date");
  g_assert_nonnull (strstr (item->reason, "2024-01-01"));
  item = find_rejected (overlap, 4);
  g_assert_nonnull (strstr (item->reason, "Unknown Agency"));
  item = find_rejected (overlap, 5);
  g_assert_nonnull (strstr (item->reason, "from 2024-09-01 to 2025-02-28"));

  /* Commit does what the plan said. */
  commit (fixture, overlap);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "placement"), ==, 3);
  g_assert_cmpuint (cohort_import_plan_get_count (overlap, COHORT_IMPORT_RECORD_PLACEMENT,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ims_files); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cohort/import-plan/ims/%s", ims_files[i].name);

      g_test_add (path, CohortTestFixture, &ims_files[i], cohort_test_fixture_set_up,
                  test_ims_file, cohort_test_fixture_tear_down);
    }
  cohort_test_add ("/cohort/import-plan/ims/latin1-names", test_ims_latin1_names);
  cohort_test_add ("/cohort/import-plan/ims/cancel", test_ims_cancel);
  cohort_test_add ("/cohort/import-plan/ims/unknown-member", test_ims_unknown_member);
  cohort_test_add ("/cohort/import-plan/ims/duplicate-person", test_ims_duplicate_person);
  cohort_test_add ("/cohort/import-plan/csv/international", test_csv_international);
  cohort_test_add ("/cohort/import-plan/csv/bad-row", test_csv_bad_row);
  cohort_test_add ("/cohort/import-plan/csv/duplicate-person", test_csv_duplicate_person);
  cohort_test_add ("/cohort/import-plan/csv/same-code-twice", test_csv_same_code_twice);
  cohort_test_add ("/cohort/import-plan/csv/organisations", test_csv_organisations);
  cohort_test_add ("/cohort/import-plan/csv/placements", test_csv_placements);

  return g_test_run ();
}
