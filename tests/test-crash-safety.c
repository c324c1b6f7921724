/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-crash-safety"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cohort-statistics.h"
#include "cohort-test-utils.h"

/* Nothing lost, nothing exposed: `cohort import` killed at any moment, two imports and a reader
 * at once, a full disk, a read-only file, a file from a newer Cohort.  Each runs the built
 * executable on a database of its own and looks at the file afterwards. */

#define N_KILLS 24
#define N_KILL_TRAINEES 3000
#define N_CONCURRENT_TRAINEES 1500

typedef CohortTestDirFixture Fixture;

typedef struct
{
  gint64 people;
  gint64 batches;
} Counts;

/* A CSV file of @n trainees whose codes start with @prefix. */
static char *
write_trainees (const char *dir,
                const char *name,
                const char *prefix,
                guint       n)
{
  static const char * const family[] = { "Tanaka", "Nguyen", "Haddad", "Okafor", "Silva",
                                         "Kowalski", "Sato", "Mensah", "Rahman", "Ito" };
  static const char * const given[] = { "Yuki", "Amina", "Kenji", "Lan", "Omar", "Grace",
                                        "Hana", "Tomas", "Nadia", "Kofi" };
  static const char * const countries[] = { "JP", "VN", "LB", "NG", "BR", "PL", "GH", "BD" };
  g_autoptr(GString) csv = g_string_new ("code,family_name,given_name,gender,nationality,"
                                         "birth_date,email\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *middle = g_ascii_strdown (prefix, -1);

  /* Files with other prefixes hold other people: a middle name made of the prefix keeps them
   * apart from everyone in other files. */
  for (char *p = middle; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      *p = (char) ('a' + (*p - '0'));
  middle[0] = g_ascii_toupper (middle[0]);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%s-%05u,%s,%s %s,%s,%s,19%02u-%02u-%02u,%s%u@example.org\n",
                            prefix, i, family[i % G_N_ELEMENTS (family)],
                            given[(i / 10) % G_N_ELEMENTS (given)], middle,
                            i % 2 ? "female" : "male",
                            countries[i % G_N_ELEMENTS (countries)],
                            60 + i % 40, 1 + i % 12, 1 + i % 28, prefix, i);

  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, &error));
  g_assert_no_error (error);
  return path;
}

static void
count (const char *path,
       Counts     *counts)
{
  counts->people = cohort_test_count_rows (path, "person");
  counts->batches = cohort_test_count_rows (path, "import_batch");
}

/* Opens @path as Cohort does (recovering what a killed writer left) and checks the file. */
static void
assert_sound (const char *path)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  cohort_database_check_integrity (db, &error);
  g_assert_no_error (error);
}

/* A copy of @source at @dest, made with Cohort's own backup, after removing what a previous
 * run left at @dest. */
static void
copy_database (const char *source,
               const char *dest)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);
  g_autofree char *shm = g_strconcat (dest, "-shm", NULL);

  g_unlink (dest);
  g_unlink (wal);
  g_unlink (shm);

  db = cohort_database_open (source, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  cohort_database_backup_to (db, dest, &error);
  g_assert_no_error (error);
}

static GPid
spawn_cohort (const char  *database,
              const char  *arg1,
              const char  *arg2,
              int         *out_stderr)
{
  const char *argv[] = { g_getenv ("COHORT_EXE"), "--database", database, arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_nonnull (argv[0]);
  g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                            G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                              (out_stderr == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                            NULL, NULL, &pid, NULL, NULL, out_stderr, &error);
  g_assert_no_error (error);

  return pid;
}

static int
wait_for (GPid pid)
{
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

static char *
read_all (int fd)
{
  g_autoptr(GString) text = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    g_string_append_len (text, buffer, n);
  close (fd);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A database that already holds an import, so that "absent" is not simply "empty". */
static void
make_base (Fixture *fixture)
{
  g_autofree char *first = write_trainees (fixture->dir, "first.csv", "F", 25);
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, fixture->path, "import", first, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_kill_during_import (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *big = write_trainees (fixture->dir, "big.csv", "K", N_KILL_TRAINEES);
  g_autofree char *run_path = g_build_filename (fixture->dir, "run.db", NULL);
  Counts before, full;
  gint64 start, duration;
  guint n_absent = 0, n_present = 0;
  int status;

  make_base (fixture);
  count (fixture->path, &before);

  /* One whole import, to know how long one takes. */
  copy_database (fixture->path, run_path);
  start = g_get_monotonic_time ();
  status = wait_for (spawn_cohort (run_path, "import", big, NULL));
  duration = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  count (run_path, &full);
  g_assert_cmpint (full.people, ==, before.people + N_KILL_TRAINEES);
  g_assert_cmpint (full.batches, ==, before.batches + 1);
  g_test_message ("one import of %d trainees: %" G_GINT64_FORMAT " ms", N_KILL_TRAINEES,
                  duration / 1000);

  /* Then kill it at random moments across that time: each time the file is sound and holds
   * the import entirely or not at all. */
  for (guint i = 0; i < N_KILLS; i++)
    {
      double fraction = g_test_rand_double_range (0.0, 1.0);
      Counts after;
      GPid pid;

      copy_database (fixture->path, run_path);
      pid = spawn_cohort (run_path, "import", big, NULL);
      g_usleep ((gulong) (fraction * (double) duration));
      kill (pid, SIGKILL);
      wait_for (pid);
      g_spawn_close_pid (pid);

      assert_sound (run_path);
      count (run_path, &after);
      g_test_message ("killed at %.0f%%: %" G_GINT64_FORMAT " people, %" G_GINT64_FORMAT
                      " imports", fraction * 100, after.people, after.batches);

      if (after.people == before.people)
        {
          g_assert_cmpint (after.batches, ==, before.batches);
          n_absent++;
        }
      else
        {
          g_assert_cmpint (after.people, ==, full.people);
          g_assert_cmpint (after.batches, ==, full.batches);
          n_present++;
        }
    }

  g_test_message ("%u kills: the import was absent %u times, present %u times", N_KILLS,
                  n_absent, n_present);
}

static void
test_concurrent_imports (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *a = write_trainees (fixture->dir, "a.csv", "A", N_CONCURRENT_TRAINEES);
  g_autofree char *b = write_trainees (fixture->dir, "b.csv", "B", N_CONCURRENT_TRAINEES);
  g_autoptr(CohortDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err_a = NULL;
  g_autofree char *err_b = NULL;
  GPid pid_a, pid_b;
  int fd_a = -1, fd_b = -1;
  int status_a = 0, status_b = 0;
  gboolean done_a = FALSE, done_b = FALSE;
  guint n_reads = 0;
  Counts before, after;

  make_base (fixture);
  count (fixture->path, &before);

  /* The window's part: a connection that keeps reading while both imports write. */
  reader = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);

  pid_a = spawn_cohort (fixture->path, "import", a, &fd_a);
  pid_b = spawn_cohort (fixture->path, "import", b, &fd_b);

  while (!done_a || !done_b)
    {
      g_autoptr(GArray) counts = NULL;

      counts = cohort_statistics_count_tables (reader, &error);
      g_assert_no_error (error);
      n_reads++;
      cohort_database_check_external_changes (reader);

      if (!done_a && waitpid (pid_a, &status_a, WNOHANG) == pid_a)
        done_a = TRUE;
      if (!done_b && waitpid (pid_b, &status_b, WNOHANG) == pid_b)
        done_b = TRUE;
      g_usleep (10 * 1000);
    }

  err_a = read_all (fd_a);
  err_b = read_all (fd_b);
  g_test_message ("%u reads while importing; stderr:\n%s\n%s", n_reads, err_a, err_b);
  g_assert_true (WIFEXITED (status_a) && WEXITSTATUS (status_a) == 0);
  g_assert_true (WIFEXITED (status_b) && WEXITSTATUS (status_b) == 0);
  g_assert_null (strstr (err_a, "busy"));
  g_assert_null (strstr (err_b, "busy"));
  g_assert_null (strstr (err_a, "locked"));
  g_assert_null (strstr (err_b, "locked"));

  count (fixture->path, &after);
  g_assert_cmpint (after.people, ==, before.people + 2 * N_CONCURRENT_TRAINEES);
  g_assert_cmpint (after.batches, ==, before.batches + 2);
  assert_sound (fixture->path);
}

/* The window holding the write lock longer than a connection's default wait: the import waits
 * for it instead of failing with "busy". */
static void
test_import_waits_for_writer (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autofree char *a = write_trainees (fixture->dir, "a.csv", "A", 100);
  g_autoptr(CohortDatabase) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  Counts before, after;
  GPid pid;
  int fd = -1;
  int status;

  make_base (fixture);
  count (fixture->path, &before);

  writer = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  cohort_database_begin (writer, &error);
  g_assert_no_error (error);

  pid = spawn_cohort (fixture->path, "import", a, &fd);
  /* Longer than a connection's default wait of 5 s, twice over: once for planning, once for
   * importing. */
  g_usleep (11 * G_USEC_PER_SEC);
  g_assert_cmpint (waitpid (pid, &status, WNOHANG), ==, 0);
  cohort_database_commit (writer, &error);
  g_assert_no_error (error);

  status = wait_for (pid);
  err = read_all (fd);
  g_test_message ("stderr: %s", err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  count (fixture->path, &after);
  g_assert_cmpint (after.people, ==, before.people + 100);
}

static void
test_disk_full (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *big = write_trainees (fixture->dir, "big.csv", "D", 2000);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CohortTestResult) result = { 0 };

  make_base (fixture);
  before = cohort_test_dup_database_checksum (fixture->path);

  /* No room for 2,000 more trainees. */
  g_setenv ("COHORT_TEST_DISK_FULL", "1", TRUE);
  cohort_test_run (&result, fixture->path, "import", big, NULL);
  g_unsetenv ("COHORT_TEST_DISK_FULL");

  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "is full"));
  g_assert_null (strstr (result.out, "Imported"));
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  assert_sound (fixture->path);

  /* With room again, the same import goes through. */
  cohort_test_run (&result, fixture->path, "import", big, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
drop_privileges (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
    _exit (125);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *csv = write_trainees (fixture->dir, "few.csv", "R", 10);
  g_autofree char *locked = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "cohort.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("COHORT_EXE"), "--database", path, "import", csv, NULL };
  int status = 0;

  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  make_base (fixture);
  copy_database (fixture->path, path);
  before = cohort_test_dup_database_checksum (path);

  /* Readable by everyone (so that the import can run as another user when the tests run as
   * root), writable by no one. */
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, drop_privileges, NULL, &out,
                &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout: %s\nstderr: %s", out, err);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 1);
  g_assert_nonnull (strstr (err, "cannot be written"));
  g_assert_nonnull (strstr (err, "read-only"));

  g_assert_cmpint (g_chmod (locked, 0700), ==, 0);
  after = cohort_test_dup_database_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *csv = write_trainees (fixture->dir, "few.csv", "N", 10);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(CohortTestResult) result = { 0 };

  make_base (fixture);
  cohort_test_exec_sql (fixture->path, "PRAGMA user_version = 999");
  before = cohort_test_dup_database_checksum (fixture->path);

  cohort_test_run (&result, fixture->path, "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "newer version of Cohort"));
  g_assert_cmpstr (result.out, ==, "");

  cohort_test_run (&result, fixture->path, "backup", copy, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "newer version of Cohort"));

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "PRAGMA user_version"), ==, 999);
}

static guint
count_backups (const char *dir,
               const char *reason)
{
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *prefix = g_strdup_printf ("cohort.db.%s-", reason);

  return cohort_test_count_files (folder, prefix, ".bak");
}

/* Every import that changes something keeps a copy first, as many as the setting says. */
static void
test_import_backups (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *config = g_build_filename (fixture->dir, "config", NULL);
  g_autofree char *settings_dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *old_backend = g_strdup (g_getenv ("GSETTINGS_BACKEND"));
  g_autofree char *old_config = g_strdup (g_getenv ("XDG_CONFIG_HOME"));

  make_base (fixture);
  g_assert_cmpuint (count_backups (fixture->dir, "import"), ==, 1);

  /* The same file again changes nothing and keeps no copy. */
  {
    g_autofree char *first = g_build_filename (fixture->dir, "first.csv", NULL);

    cohort_test_run (&result, fixture->path, "import", first, NULL);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_cmpuint (count_backups (fixture->dir, "import"), ==, 1);
  }

  /* backups-to-keep = 2, through the settings the window writes. */
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[org/peacetraining/Cohort]\n"
                                               "backups-to-keep=2\n", -1, &error));
  g_assert_no_error (error);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("more%u.csv", i);
      g_autofree char *prefix = g_strdup_printf ("M%u", i);
      g_autofree char *csv = write_trainees (fixture->dir, name, prefix, 5);
      g_autofree char *kept = NULL;
      g_autoptr(CohortDatabase) copy = NULL;
      const char *line;

      cohort_test_run (&result, fixture->path, "import", csv, NULL);
      g_assert_cmpint (result.status, ==, 0);

      /* The copy named in the output is the database as it was before this import. */
      line = strstr (result.out, "is kept in “");
      g_assert_nonnull (line);
      kept = g_strndup (line + strlen ("is kept in “"),
                        strstr (line, "”") - line - strlen ("is kept in “"));
      g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (cohort_test_count_rows (kept, "person"), ==, 25 + 5 * i);
      copy = cohort_database_open (kept, COHORT_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
    }

  g_assert_cmpuint (count_backups (fixture->dir, "import"), ==, 2);

  if (old_backend != NULL)
    g_setenv ("GSETTINGS_BACKEND", old_backend, TRUE);
  if (old_config != NULL)
    g_setenv ("XDG_CONFIG_HOME", old_config, TRUE);
  else
    g_unsetenv ("XDG_CONFIG_HOME");
}

/* A file others can read is reported with the commands that close it. */
static void
test_private_warning (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  make_base (fixture);

  cohort_test_run (&result, fixture->path, "stats", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_null (strstr (result.err, "warning"));

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  cohort_test_run (&result, fixture->path, "stats", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.err, "warning: other users"));
  g_assert_nonnull (strstr (result.err, "chmod 600 "));
  g_assert_null (strstr (result.err, "chmod 700"));

  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  cohort_test_run (&result, fixture->path, "stats", NULL);
  g_assert_nonnull (strstr (result.err, "chmod 700 "));

  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  cohort_test_run (&result, fixture->path, "stats", NULL);
  g_assert_null (strstr (result.err, "warning"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add_dir ("/cohort/safety/kill-during-import", test_kill_during_import);
  cohort_test_add_dir ("/cohort/safety/concurrent-imports", test_concurrent_imports);
  cohort_test_add_dir ("/cohort/safety/import-waits-for-writer", test_import_waits_for_writer);
  cohort_test_add_dir ("/cohort/safety/disk-full", test_disk_full);
  cohort_test_add_dir ("/cohort/safety/read-only-file", test_read_only_file);
  cohort_test_add_dir ("/cohort/safety/newer-database", test_newer_database);
  cohort_test_add_dir ("/cohort/safety/import-backups", test_import_backups);
  cohort_test_add_dir ("/cohort/safety/private-warning", test_private_warning);

  return g_test_run ();
}
