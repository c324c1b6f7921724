/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-cli-restore"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort-statistics.h"
#include "cohort-test-utils.h"

/* `cohort restore FILE [--force]`: a backup replaces the database, after a copy of it is kept;
 * anything that is not a backup Cohort can read is refused and changes nothing. */

typedef CohortTestDirFixture Fixture;

static void
add_trainees (Fixture    *fixture,
              const char *name,
              const char *rows)
{
  g_autofree char *csv = g_build_filename (fixture->dir, name, NULL);
  g_autofree char *contents = g_strconcat ("code,family_name,given_name\n", rows, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(CohortTestResult) result = { 0 };

  g_assert_true (g_file_set_contents (csv, contents, -1, &error));
  g_assert_no_error (error);
  cohort_test_run (&result, fixture->path, "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *kept = NULL;
  g_autofree char *copy_sum = NULL;
  g_autoptr(CohortDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CohortTestResult) result = { 0 };
  const char *line;

  add_trainees (fixture, "a.csv", "T-1,Tanaka,Hanako\nT-2,Haddad,Omar\n");
  cohort_test_run (&result, fixture->path, "backup", copy, NULL);
  g_assert_cmpint (result.status, ==, 0);
  copy_sum = cohort_test_dup_database_checksum (copy);

  add_trainees (fixture, "b.csv", "T-3,Nguyen,Lan\nT-4,Okafor,Grace\nT-5,Silva,Ana\n");
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 5);

  /* A connection open before the restore (the window's) sees the restored records. */
  reader = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);

  /* A database with records is replaced only when asked to. */
  cohort_test_run (&result, fixture->path, "restore", copy, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--force"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 5);

  cohort_test_run (&result, fixture->path, "restore", "--force", copy, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Restored “"));
  g_assert_nonnull (strstr (result.out, "People: 5 before, 2 now"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 2);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==,
                   cohort_test_count_rows (copy, "person"));
  g_assert_cmpstr (copy_sum, ==, cohort_test_dup_database_checksum (copy));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person "
                                                           "WHERE code = 'T-3'"), ==, 0);

  /* The records it replaced are kept, in the backups folder, named in the output. */
  g_assert_cmpuint (cohort_test_count_files (backups, "cohort.db.restore-", NULL), ==, 1);
  line = strstr (result.out, "were kept in “");
  g_assert_nonnull (line);
  line += strlen ("were kept in “");
  kept = g_strndup (line, strstr (line, "”") - line);
  g_assert_cmpint (cohort_test_count_rows (kept, "person"), ==, 5);

  /* The database is still in WAL mode, sound, and seen by the other connection. */
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT journal_mode = 'wal' "
                                                           "FROM pragma_journal_mode"), ==, 1);
  cohort_test_run (&result, fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 0);
  {
    g_autoptr(GArray) counts = cohort_statistics_count_tables (reader, &error);

    g_assert_no_error (error);
    g_assert_cmpint (cohort_test_live_count (counts, "person"), ==, 2);
  }

  /* Restoring the kept copy undoes the restore. */
  cohort_test_run (&result, fixture->path, "restore", "--force", kept, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 5);
}

static void
test_restore_into_new (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_auto(CohortTestResult) result = { 0 };

  add_trainees (fixture, "a.csv", "T-1,Tanaka,Hanako\n");
  cohort_test_run (&result, fixture->path, "backup", copy, NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* A new database has nothing to lose: no --force needed. */
  cohort_test_run (&result, other, "restore", copy, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpint (cohort_test_count_rows (other, "person"), ==, 1);
}

static void
test_restore_refused (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(CohortTestResult) result = { 0 };
  struct {
    const char *path;
    const char *message;
  } cases[] = {
    { text, "not a Cohort database" },
    { empty, "not a Cohort database" },
    { newer, "newer version of Cohort" },
    { foreign, "another program" },
    { missing, "There is no database" },
    { fixture->path, "is the database itself" },
  };

  add_trainees (fixture, "a.csv", "T-1,Tanaka,Hanako\nT-2,Haddad,Omar\n");
  before = cohort_test_dup_database_checksum (fixture->path);

  g_assert_true (g_file_set_contents (text, "code,name\n1,2\n", -1, &error));
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_assert_no_error (error);
  cohort_test_run (&result, fixture->path, "backup", newer, NULL);
  g_assert_cmpint (result.status, ==, 0);
  cohort_test_exec_sql (newer, "PRAGMA user_version = 999");
  cohort_test_exec_sql (foreign, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;

      cohort_test_run (&result, fixture->path, "restore", "--force", cases[i].path, NULL);
      g_assert_cmpint (result.status, ==, 1);
      g_assert_nonnull (strstr (result.err, cases[i].message));
      g_assert_cmpstr (result.out, ==, "");
      after = cohort_test_dup_database_checksum (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }

  /* Nothing was replaced, so nothing was kept either. */
  {
    g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);

    g_assert_cmpuint (cohort_test_count_files (backups, "cohort.db.restore-", NULL), ==, 0);
  }

  cohort_test_run (&result, fixture->path, "restore", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add_dir ("/cohort/cli/restore/replace", test_restore);
  cohort_test_add_dir ("/cohort/cli/restore/into-new", test_restore_into_new);
  cohort_test_add_dir ("/cohort/cli/restore/refused", test_restore_refused);

  return g_test_run ();
}
