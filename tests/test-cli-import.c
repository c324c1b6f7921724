/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-cli-import"

#include "config.h"

#include <string.h>

#include "cohort-test-utils.h"

/* `cohort import` as a user meets it: the built executable, its output and exit status. */

typedef CohortTestDirFixture Fixture;  /* its database is created by the first import */

static void
run (Fixture            *fixture,
     CohortTestResult   *result,
     const char * const *args)
{
  cohort_test_result_clear (result);
  cohort_test_run_cohort (args, fixture->path, &result->out, &result->err, &result->status);
}

static char *
feed (const char *name)
{
  return cohort_test_dup_shared_data ("xml", "feeds", name, NULL);
}

static void
test_import_and_again (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = feed ("adamsmith.xcricap.xml");
  const char *args[] = { "import", path, NULL };
  g_auto(CohortTestResult) result = { 0 };

  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "326 courses: 326 new, 0 updated, 0 unchanged, "
                                        "0 rejected"));
  g_assert_nonnull (strstr (result.out, "748 course runs: 747 new, 0 updated, 0 unchanged, "
                                        "1 rejected"));
  g_assert_nonnull (strstr (result.out, "1 organisation: 1 new"));
  /* Warnings and the rejection, each as FILE:LINE:COLUMN: message. */
  g_assert_nonnull (strstr (result.err, "adamsmith.xcricap.xml:1:"));
  g_assert_nonnull (strstr (result.err, "cannot be imported: The end date is before the start "
                                        "date"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 326);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course_run"), ==, 747);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);

  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "326 courses: 0 new, 0 updated, 326 unchanged, "
                                        "0 rejected"));
  g_assert_nonnull (strstr (result.out, "Nothing to import"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);
}

static void
test_dry_run (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *first = feed ("ou-example.xml");
  g_autofree char *path = feed ("UniversityOfSheffield_20120406.xml");
  const char *create[] = { "import", first, NULL };
  const char *dry[] = { "import", "--dry-run", path, NULL };
  g_auto(CohortTestResult) result = { 0 };
  gint64 n_audit;

  run (fixture, &result, create);
  g_assert_cmpint (result.status, ==, 0);
  n_audit = cohort_test_count_rows (fixture->path, "audit_log");

  run (fixture, &result, dry);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "320 courses: 320 new"));
  g_assert_nonnull (strstr (result.out, "--dry-run"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 2);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "audit_log"), ==, n_audit);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);
}

static void
test_refused (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *first = feed ("ou-example.xml");
  g_autofree char *path = feed ("controllers-xcri.xml");
  const char *create[] = { "import", first, NULL };
  const char *args[] = { "import", path, NULL };
  g_auto(CohortTestResult) result = { 0 };
  gint64 n_audit;

  run (fixture, &result, create);
  n_audit = cohort_test_count_rows (fixture->path, "audit_log");

  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "controllers-xcri.xml:121:51: "));
  g_assert_cmpstr (result.out, ==, "");
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "audit_log"), ==, n_audit);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 2);
}

static void
test_formats (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *path = feed ("ou-example.xml");
  g_autofree char *csv = g_build_filename (fixture->dir, "people.csv", NULL);
  const char *as_ims[] = { "import", "--format", "ims", path, NULL };
  const char *as_csv[] = { "import", csv, NULL };
  const char *unknown[] = { "import", "--format", "pdf", path, NULL };
  const char *as_xcri[] = { "import", "--format", "xcri", path, NULL };
  const char *missing[] = { "import", NULL };
  g_auto(CohortTestResult) result = { 0 };

  /* An XCRI-CAP file read as IMS Enterprise is refused, with its place. */
  run (fixture, &result, as_ims);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "ou-example.xml:"));
  g_assert_nonnull (strstr (result.err, "not an IMS Enterprise file"));

  /* CSV is told apart by its content, and trainees by the header. */
  g_assert_true (g_file_set_contents (csv, "code,family_name,given_name\nT-1,Tanaka,Hanako\n",
                                      -1, NULL));
  run (fixture, &result, as_csv);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "1 person: 1 new, 0 updated, 0 unchanged, 0 rejected"));

  run (fixture, &result, unknown);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "“pdf”"));

  run (fixture, &result, missing);
  g_assert_cmpint (result.status, ==, 2);

  run (fixture, &result, as_xcri);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 courses: 2 new"));
}

/* IMS Enterprise (Moodle's example, in ISO-8859-1) found by its root element. */
static void
test_ims (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "ims-enterprise", "example.xml",
                                                       NULL);
  const char *args[] = { "import", path, NULL };
  const char *wrong_target[] = { "import", "--csv-target", "trainees", path, NULL };
  g_auto(CohortTestResult) result = { 0 };

  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "5 people: 5 new, 0 updated, 0 unchanged, 0 rejected"));
  g_assert_nonnull (strstr (result.out, "1 course: 1 new"));
  g_assert_nonnull (strstr (result.out, "1 group (course run): 1 new"));
  g_assert_nonnull (strstr (result.out, "5 memberships: 5 new, 0 updated, 0 unchanged, "
                                        "0 rejected"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 5);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "enrolment"), ==, 4);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "run_trainer"), ==, 1);

  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "5 people: 0 new, 0 updated, 5 unchanged"));
  g_assert_nonnull (strstr (result.out, "Nothing to import"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);

  run (fixture, &result, wrong_target);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "--csv-target"));
}

/* CSV organisations, trainees and placements, each found from the header. */
static void
test_csv_targets (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *organisations = g_test_build_filename (G_TEST_DIST, "data", "csv",
                                                          "organisations.csv", NULL);
  g_autofree char *trainees = g_test_build_filename (G_TEST_DIST, "data", "csv",
                                                     "trainees-intl.csv", NULL);
  g_autofree char *placements = g_test_build_filename (G_TEST_DIST, "data", "csv",
                                                       "placements.csv", NULL);
  g_autofree char *overlap = g_test_build_filename (G_TEST_DIST, "data", "csv",
                                                    "placements-overlap.csv", NULL);
  const char *import_organisations[] = { "import", organisations, NULL };
  const char *import_trainees[] = { "import", trainees, NULL };
  const char *import_placements[] = { "import", placements, NULL };
  const char *import_overlap[] = { "import", "--format", "csv", "--csv-target", "placements",
                                   overlap, NULL };
  const char *bad_target[] = { "import", "--csv-target", "courses", trainees, NULL };
  g_auto(CohortTestResult) result = { 0 };

  run (fixture, &result, import_organisations);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 organisations: 2 new"));

  run (fixture, &result, import_trainees);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "3 people: 3 new"));

  run (fixture, &result, import_placements);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 placements: 2 new"));

  run (fixture, &result, import_overlap);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "4 placements: 1 new, 0 updated, 0 unchanged, "
                                        "3 rejected"));
  g_assert_nonnull (strstr (result.err, "placements-overlap.csv:2: Placement “T-001” cannot be "
                                        "imported: This placement overlaps"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "placement"), ==, 3);

  run (fixture, &result, bad_target);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "“courses”"));
}

/* --validate checks against the schemas: with them it imports, without them it refuses. */
static void
test_validate (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autofree char *path = feed ("ou-example.xml");
  g_autofree char *saved = g_strdup (g_getenv ("COHORT_XSD_DIR"));
  const char *args[] = { "import", "--validate", path, NULL };
  g_auto(CohortTestResult) result = { 0 };

  g_setenv ("COHORT_XSD_DIR", fixture->dir, TRUE);
  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 0);

  g_setenv ("COHORT_XSD_DIR", saved, TRUE);
  run (fixture, &result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "2 courses: 2 new"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 2);
}

static void
test_help (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *help[] = { "--help", NULL };
  const char *import_help[] = { "import", "--help", NULL };
  g_auto(CohortTestResult) result = { 0 };

  run (fixture, &result, help);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "  import "));

  run (fixture, &result, import_help);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--dry-run"));
  g_assert_nonnull (strstr (result.out, "--format"));
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, cohort_test_dir_fixture_set_up, func, \
              cohort_test_dir_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cohort_test_use_source_schemas ();

  add_test ("/cohort/cli/import/import-and-again", test_import_and_again);
  add_test ("/cohort/cli/import/dry-run", test_dry_run);
  add_test ("/cohort/cli/import/refused", test_refused);
  add_test ("/cohort/cli/import/formats", test_formats);
  add_test ("/cohort/cli/import/ims", test_ims);
  add_test ("/cohort/cli/import/csv-targets", test_csv_targets);
  add_test ("/cohort/cli/import/validate", test_validate);
  add_test ("/cohort/cli/import/help", test_help);

  return g_test_run ();
}
