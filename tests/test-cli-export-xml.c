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

typedef struct
{
  char *out;
  char *err;
  int   status;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
run (Result     *result,
     const char *database,
     ...) G_GNUC_NULL_TERMINATED;

static void
run (Result     *result,
     const char *database,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  va_start (ap, database);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  result_clear (result);
  cohort_test_run_cohort ((const char * const *) args->pdata, database, &result->out,
                          &result->err, &result->status);
}

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
  g_auto(Result) result = { 0 };

  run (&result, fixture->path, "demo", "--trainees", "30", "--seed", "4", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_ims (CohortTestFixture *fixture,
          gconstpointer      user_data)
{
  g_auto(Result) result = { 0 };
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
  run (&result, fixture->path, "export", "enrolments", "--format", "ims", NULL);
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

    run (&result, fixture->path, "export", "runs", "--format", "ims", "--filter", filter,
         "-o", path, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_file_get_contents (path, &contents, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_text (contents, "<group>"), ==, 1);
    g_assert_nonnull (strstr (contents, id));

    /* Not over an existing file without --force. */
    run (&result, fixture->path, "export", "runs", "--format", "ims", "-o", path, NULL);
    g_assert_cmpint (result.status, ==, 1);
    run (&result, fixture->path, "export", "runs", "--format", "ims", "-o", path, "--force",
         NULL);
    g_assert_cmpint (result.status, ==, 0);
  }

  run (&result, fixture->path, "export", "runs", "--format", "ims", "--filter", "run=NO-SUCH",
       NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "NO-SUCH"));

  /* Usage errors. */
  run (&result, fixture->path, "export", "trainees", "--format", "ims", NULL);
  g_assert_cmpint (result.status, ==, 2);
  run (&result, fixture->path, "export", "runs", "--format", "ims", "--sort", "code", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_xcri (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) courses = NULL;

  make_demo (fixture);
  runs = cohort_export_query_list_runs (fixture->db, 0, &error);
  g_assert_no_error (error);
  courses = cohort_export_query_list_courses (fixture->db, &error);
  g_assert_no_error (error);

  run (&result, fixture->path, "export", "catalogue", "--format", "xcri", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out,
                            "<catalog xmlns=\"http://xcri.org/profiles/1.2/catalog\""));
  g_assert_cmpuint (count_text (result.out, "<course>"), ==, courses->len);
  g_assert_cmpuint (count_text (result.out, "<presentation>"), ==, runs->len);

  run (&result, fixture->path, "export", "enrolments", "--format", "xcri", NULL);
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
