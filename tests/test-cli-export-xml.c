/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-export-query.h"
#include "cohort-test-utils.h"

/* `cohort export … --format ims|xcri`: the built executable on a small demo database.  The
 * exchange tests check the files in depth (schema, round trip); these check the command. */

static guint
count_text (const char *haystack,
            const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static void
make_demo (CohortTestFixture *fixture)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, fixture->path, "demo", "--trainees", "30", "--seed", "4", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_ims (CohortTestFixture *fixture,
          gconstpointer      user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GPtrArray) trainers = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "runs.xml", NULL);
  g_autofree char *contents = NULL;
  const char *code;

  make_demo (fixture);
  runs = cohort_export_query_list_runs (fixture->db, 0, &error);
  g_assert_no_error (error);
  persons = cohort_export_query_list_members (fixture->db, 0, &error);
  g_assert_no_error (error);
  enrolments = cohort_export_query_list_enrolments (fixture->db, 0, &error);
  g_assert_no_error (error);
  trainers = cohort_export_query_list_trainers (fixture->db, 0, &error);
  g_assert_no_error (error);

  /* To the standard output. */
  cohort_test_run (&result, fixture->path, "export", "enrolments", "--format", "ims", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_str_has_prefix (result.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  g_assert_cmpuint (count_text (result.out, "<person>"), ==, persons->len);
  g_assert_cmpuint (count_text (result.out, "<group>"), ==, runs->len);
  g_assert_cmpuint (count_text (result.out, "<member>"), ==, enrolments->len + trainers->len);

  /* One run, to a file. */
  code = cohort_course_run_get_code (g_ptr_array_index (runs, 0));
  {
    g_autofree char *filter = g_strconcat ("run=", code, NULL);
    g_autofree char *id = g_strdup_printf ("<id>%s</id>", code);

    cohort_test_run (&result, fixture->path, "export", "runs", "--format", "ims",
                     "--filter", filter, "-o", path, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_text (contents, "<group>"), ==, 1);
    g_assert_nonnull (strstr (contents, id));

    /* Not over an existing file without --force. */
    cohort_test_run (&result, fixture->path, "export", "runs", "--format", "ims", "-o", path,
                     NULL);
    g_assert_cmpint (result.status, ==, 1);
    cohort_test_run (&result, fixture->path, "export", "runs", "--format", "ims", "-o", path,
                     "--force", NULL);
    g_assert_cmpint (result.status, ==, 0);
  }

  cohort_test_run (&result, fixture->path, "export", "runs", "--format", "ims",
                   "--filter", "run=NO-SUCH", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "NO-SUCH"));

  /* Usage errors. */
  cohort_test_run (&result, fixture->path, "export", "trainees", "--format", "ims", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "runs", "--format", "ims", "--sort", "code",
                   NULL);
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_xcri (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) courses = NULL;

  make_demo (fixture);
  runs = cohort_export_query_list_runs (fixture->db, 0, &error);
  g_assert_no_error (error);
  courses = cohort_export_query_list_courses (fixture->db, &error);
  g_assert_no_error (error);

  cohort_test_run (&result, fixture->path, "export", "catalogue", "--format", "xcri", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out,
                            "<catalog xmlns=\"http://xcri.org/profiles/1.2/catalog\""));
  g_assert_cmpuint (count_text (result.out, "<course>"), ==, courses->len);
  g_assert_cmpuint (count_text (result.out, "<presentation>"), ==, runs->len);

  cohort_test_run (&result, fixture->path, "export", "enrolments", "--format", "xcri", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/cli/export/ims", test_ims);
  cohort_test_add ("/cohort/cli/export/xcri", test_xcri);

  return g_test_run ();
}
