/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "cohort-database.h"
#include "cohort-statistics.h"
#include "cohort-test-utils.h"

/* The command line as a user meets it: the built `cohort` executable, its output and its exit
 * status (0 success, 1 failure, 2 usage), on databases in a temporary folder. */

static const char * const subcommands[] = { "backup", "check", "demo", "stats" };

typedef CohortTestDirFixture Fixture;  /* its database is not created */

/* An error is one line on stderr: "cohort: …". */
static void
assert_one_error_line (const CohortTestResult *result)
{
  g_assert_true (g_str_has_prefix (result->err, "cohort: "));
  g_assert_true (g_str_has_suffix (result->err, "\n"));
  g_assert_true (strchr (result->err, '\n') == result->err + strlen (result->err) - 1);
}

static char *
dup_file_contents (const char *path,
                   gsize      *out_length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_length, &error);
  g_assert_no_error (error);
  return contents;
}

static void
make_demo (Fixture *fixture)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, fixture->path, "demo", "--trainees", "200", "--seed", "7",
                   "--today", "2025-06-15", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "200"));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, NULL, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  /* Every sub-command, each on its own line with what it does. */
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", subcommands[i]);

      g_assert_nonnull (strstr (result.out, line));
    }
  g_assert_nonnull (strstr (result.out, "--database"));

  cohort_test_run (&result, NULL, "-h", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "demo"));
}

static void
test_subcommand_help (Fixture       *fixture,
                      gconstpointer  user_data)
{
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      g_auto(CohortTestResult) result = { 0 };
      g_autofree char *usage = g_strdup_printf ("cohort %s", subcommands[i]);

      cohort_test_run (&result, fixture->path, subcommands[i], "--help", NULL);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");
      g_assert_nonnull (strstr (result.out, usage));
      g_assert_nonnull (strstr (result.out, "--help"));
    }

  /* Nothing was written: asking for help touches no database. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_version (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, NULL, "--version", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, "cohort " PACKAGE_VERSION "\n");
}

static void
test_unknown_subcommand (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, fixture->path, "frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_cmpstr (result.out, ==, "");
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "frobnicate"));
  g_assert_nonnull (strstr (result.err, "cohort --help"));
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_bad_option (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, fixture->path, "demo", "--frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "--frobnicate"));
  g_assert_nonnull (strstr (result.err, "cohort demo --help"));

  cohort_test_run (&result, fixture->path, "--frobnicate", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_one_error_line (&result);

  cohort_test_run (&result, fixture->path, "stats", "--format", "xml", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_one_error_line (&result);

  cohort_test_run (&result, fixture->path, "check", "extra", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_one_error_line (&result);

  /* A missing argument is a usage error too. */
  cohort_test_run (&result, fixture->path, "backup", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_one_error_line (&result);

  cohort_test_run (&result, NULL, "--database", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_one_error_line (&result);

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_bad_numbers (Fixture       *fixture,
                  gconstpointer  user_data)
{
  const char *bad[] = { "abc", "0", "-5", "12x", "", "99999999999" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(CohortTestResult) result = { 0 };

      cohort_test_run (&result, fixture->path, "demo", "--trainees", bad[i], NULL);
      g_assert_cmpint (result.status, ==, 2);
      assert_one_error_line (&result);
      g_assert_nonnull (strstr (result.err, "--trainees"));
    }

  {
    g_auto(CohortTestResult) result = { 0 };

    cohort_test_run (&result, fixture->path, "demo", "--seed", "seven", NULL);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_nonnull (strstr (result.err, "--seed"));

    cohort_test_run (&result, fixture->path, "demo", "--today", "2026-02-30", NULL);
    g_assert_cmpint (result.status, ==, 2);
    g_assert_nonnull (strstr (result.err, "--today"));
  }

  /* A usage error writes nothing. */
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_demo_stats_check (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(GArray) counts = NULL;
  g_autofree char *people_line = NULL;
  g_autofree char *json_people = NULL;

  make_demo (fixture);
  counts = cohort_test_count_tables (fixture->path);
  g_assert_cmpint (cohort_test_live_count (counts, "person"), >=, 200);

  cohort_test_run (&result, fixture->path, "stats", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);
      g_autofree char *number = g_strdup_printf (" %" G_GINT64_FORMAT " ", count->live);
      const char *line = strstr (result.out, count->label);
      const char *end;

      g_assert_nonnull (line);
      end = strchr (line, '\n');
      g_assert_nonnull (end);
      g_assert_nonnull (g_strstr_len (line, end - line, number));
    }

  cohort_test_run (&result, fixture->path, "stats", "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  json_people = g_strdup_printf ("\"person\": { \"live\": %" G_GINT64_FORMAT ", \"deleted\": 0 }",
                                 cohort_test_live_count (counts, "person"));
  g_assert_nonnull (strstr (result.out, json_people));
  g_assert_nonnull (strstr (result.out, "\"schema_version\": "));

  cohort_test_run (&result, fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_nonnull (strstr (result.out, "No problems"));
}

static void
test_check_finds_problems (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *placement = NULL;
  g_autofree char *person = NULL;
  gint64 placement_id, person_id;
  char **lines;

  make_demo (fixture);

  /* Rows no editor would write, written around the database's own constraints. */
  cohort_test_exec_sql (fixture->path,
                        "PRAGMA ignore_check_constraints = 1;"
                        "UPDATE placement SET end_date = '2001-01-01', actual_end_date = NULL "
                        "  WHERE id = (SELECT min(id) FROM placement);"
                        "UPDATE person SET birth_date = '1990-02-30' "
                        "  WHERE id = (SELECT max(id) FROM person);");
  placement_id = cohort_test_query_int64 (fixture->path, "SELECT min(id) FROM placement");
  person_id = cohort_test_query_int64 (fixture->path, "SELECT max(id) FROM person");

  cohort_test_run (&result, fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 1);

  /* One line per problem, naming the row. */
  placement = g_strdup_printf ("placement %" G_GINT64_FORMAT " (person P-", placement_id);
  person = g_strdup_printf ("person %" G_GINT64_FORMAT " (P-", person_id);
  lines = g_strsplit (result.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], person) || g_str_has_prefix (lines[1], person));
  g_assert_true (g_str_has_prefix (lines[0], placement) || g_str_has_prefix (lines[1], placement));
  g_assert_nonnull (strstr (result.out, "1990-02-30"));
  g_assert_nonnull (strstr (result.out, "end date is before the start date"));
  g_strfreev (lines);

  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "2 problems"));

  /* An overlap between two placements of one person is a rule across rows. */
  cohort_test_exec_sql (fixture->path,
                        "UPDATE placement SET end_date = NULL "
                        "WHERE id = (SELECT min(id) FROM placement);"
                        "UPDATE person SET birth_date = '1990-02-28' "
                        "WHERE id = (SELECT max(id) FROM person);"
                        "INSERT INTO placement (person_id, host_id, country, start_date, status, "
                        "  created_at, updated_at) "
                        "SELECT person_id, host_id, country, start_date, 'on_assignment', "
                        "created_at, "
                        "  updated_at FROM placement WHERE id = (SELECT min(id) FROM placement);");
  cohort_test_run (&result, fixture->path, "check", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.out, "overlaps placement"));
  g_assert_nonnull (strstr (result.err, "1 problem "));
}

static void
test_backup (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *backup = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GArray) backup_counts = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length, after_length;

  make_demo (fixture);

  cohort_test_run (&result, fixture->path, "backup", backup, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  /* The copy is a Cohort database holding the same. */
  counts = cohort_test_count_tables (fixture->path);
  backup_counts = cohort_test_count_tables (backup);
  g_assert_cmpuint (counts->len, ==, backup_counts->len);
  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *a = &g_array_index (counts, CohortTableCount, i);
      CohortTableCount *b = &g_array_index (backup_counts, CohortTableCount, i);

      g_assert_cmpstr (a->table, ==, b->table);
      g_assert_cmpint (a->live, ==, b->live);
      g_assert_cmpint (a->deleted, ==, b->deleted);
    }

  cohort_test_run (&result, backup, "check", NULL);
  g_assert_cmpint (result.status, ==, 0);

  /* An existing file is left alone … */
  before = dup_file_contents (backup, &before_length);
  cohort_test_run (&result, fixture->path, "backup", backup, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "--force"));
  after = dup_file_contents (backup, &after_length);
  g_assert_cmpmem (before, before_length, after, after_length);

  /* … unless asked, and the database itself never. */
  cohort_test_run (&result, fixture->path, "backup", "--force", backup, NULL);
  g_assert_cmpint (result.status, ==, 0);

  cohort_test_run (&result, fixture->path, "backup", "--force", fixture->path, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_error_line (&result);
}

static void
test_not_a_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  const char *commands[] = { "stats", "check", "demo" };
  const char contents[] = "name,email\nAiko Tanaka,aiko@example.org\n";
  g_autofree char *path = g_build_filename (fixture->dir, "trainees.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CohortTestResult) result = { 0 };
      g_autofree char *after = NULL;
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      gsize length;

      cohort_test_run (&result, path, commands[i], NULL);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_error_line (&result);
      g_assert_nonnull (strstr (result.err, "trainees.csv"));
      g_assert_nonnull (strstr (result.err, "not a Cohort database"));

      after = dup_file_contents (path, &length);
      g_assert_cmpmem (after, length, contents, strlen (contents));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *commands[] = { "stats", "check" };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CohortTestResult) result = { 0 };

      cohort_test_run (&result, fixture->path, commands[i], NULL);
      g_assert_cmpint (result.status, ==, 1);
      assert_one_error_line (&result);
      /* Reading a database never creates one. */
      g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
    }
}

static void
test_demo_refuses_non_empty (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  gint64 people;

  make_demo (fixture);
  people = cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person");

  cohort_test_run (&result, fixture->path, "demo", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_one_error_line (&result);
  g_assert_nonnull (strstr (result.err, "--database"));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person"), ==,
                   people);
}

/* The same seed and day give the same programme, through the command line too. */
static void
test_demo_deterministic (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  const char *sql = "SELECT group_concat(code || family_name || coalesce(given_name_local, '') "
                    "|| coalesce(email, ''), '|') FROM (SELECT * FROM person ORDER BY id)";
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  make_demo (fixture);
  cohort_test_run (&result, other, "demo", "--trainees", "200", "--seed", "7",
                   "--today", "2025-06-15", NULL);
  g_assert_cmpint (result.status, ==, 0);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_cmpint (sqlite3_open_v2 (i == 0 ? fixture->path : other, &db,
                                        SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      if (i == 0)
        first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      else
        second = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }

  g_assert_nonnull (first);
  g_assert_cmpstr (first, ==, second);
}

/* --database may also follow the sub-command. */
static void
test_database_after_subcommand (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  make_demo (fixture);
  cohort_test_run (&result, NULL, "stats", "--database", fixture->path, "--format", "json", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\"person\""));
}

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, cohort_test_dir_fixture_set_up, func, \
              cohort_test_dir_fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/cohort/cli/help", test_help);
  add_test ("/cohort/cli/help/subcommands", test_subcommand_help);
  add_test ("/cohort/cli/version", test_version);
  add_test ("/cohort/cli/usage/unknown-subcommand", test_unknown_subcommand);
  add_test ("/cohort/cli/usage/bad-option", test_bad_option);
  add_test ("/cohort/cli/usage/bad-numbers", test_bad_numbers);
  add_test ("/cohort/cli/demo/stats-check", test_demo_stats_check);
  add_test ("/cohort/cli/demo/refuses-non-empty", test_demo_refuses_non_empty);
  add_test ("/cohort/cli/demo/deterministic", test_demo_deterministic);
  add_test ("/cohort/cli/check/finds-problems", test_check_finds_problems);
  add_test ("/cohort/cli/backup", test_backup);
  add_test ("/cohort/cli/refuse/not-a-database", test_not_a_database);
  add_test ("/cohort/cli/refuse/missing-database", test_missing_database);
  add_test ("/cohort/cli/database-after-subcommand", test_database_after_subcommand);

  return g_test_run ();
}
