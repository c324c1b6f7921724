/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-database"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cohort-database-private.h"
#include "cohort-person.h"
#include "cohort-test-utils.h"

static char *
dup_file_checksum (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
assert_no_sidecar_files (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
    }
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

/* cohort_actor() for a program other than Cohort that writes to the database. */
static void
other_program_actor (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  sqlite3_result_text (context, "another program", -1, SQLITE_STATIC);
}

static gint64
query_int64 (CohortDatabase *db,
             const char     *sql)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);
  gboolean has_row = FALSE;
  gint64 value;

  g_assert_no_error (error);
  cohort_statement_step (stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  value = cohort_statement_get_int64 (stmt, 0);
  cohort_statement_reset (stmt);

  return value;
}

static char *
query_text (CohortDatabase *db,
            const char     *sql)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);
  gboolean has_row = FALSE;
  char *value;

  g_assert_no_error (error);
  cohort_statement_step (stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  value = g_strdup (cohort_statement_get_text (stmt, 0));
  cohort_statement_reset (stmt);

  return value;
}

static void
insert_person (CohortDatabase *db,
               const char     *code,
               const char     *family_name)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt;

  stmt = cohort_database_prepare (db,
                                  "INSERT INTO person (code, family_name, created_at, updated_at) "
                                  "VALUES (:code, :family_name, '2026-01-01', '2026-01-01')",
                                  &error);
  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":code", code);
  cohort_statement_bind_text (stmt, ":family_name", family_name);
  cohort_statement_execute (stmt, &error);
  g_assert_no_error (error);
}

/* Creation */

static void
test_create_new (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "nested", "folder", NULL);
  g_autofree char *path = g_build_filename (folder, "cohort.db", NULL);
  g_autofree char *journal_mode = NULL;
  CohortDatabase *db;
  GStatBuf st;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);

  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int64 (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int64 (db, "PRAGMA application_id"), ==, 1131374706);
  g_assert_cmpint (query_int64 (db, "PRAGMA user_version"), ==,
                   cohort_database_get_latest_schema_version ());
  g_assert_cmpint (cohort_database_get_schema_version (db), ==,
                   cohort_database_get_latest_schema_version ());
  g_assert_cmpint (cohort_database_get_latest_schema_version (), >=, 1);
  /* A new database has nothing to keep aside. */
  g_assert_null (cohort_database_get_migration_backup_path (db));
  g_assert_cmpstr (cohort_database_get_path (db), ==, path);

  g_assert_finalize_object (db);
  cohort_test_remove_tree (dir);
}

static void
test_reopen_keeps_data (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  CohortDatabase *again;

  insert_person (fixture->db, "P-1", "Tanaka");

  again = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  name = query_text (again, "SELECT family_name FROM person WHERE code = 'P-1'");
  g_assert_cmpstr (name, ==, "Tanaka");
  g_assert_null (cohort_database_get_migration_backup_path (again));
  g_assert_finalize_object (again);
}

static void
test_foreign_keys_enforced (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt;

  stmt = cohort_database_prepare (fixture->db,
                                  "INSERT INTO enrolment (person_id, run_id, created_at, "
                                  "updated_at) VALUES (999, 999, 'x', 'x')",
                                  &error);
  g_assert_no_error (error);
  g_assert_false (cohort_statement_execute (stmt, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_CONSTRAINT);
}

/* Files that must be refused and left untouched */

static void
test_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CohortDatabase *db;

  g_file_set_contents (path, "Name,Country\nYuki Tanaka,JP\n", -1, &error);
  g_assert_no_error (error);
  before = dup_file_checksum (path);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "notes.db"));

  after = dup_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_sidecar_files (path);

  cohort_test_remove_tree (dir);
}

static void
test_directory_is_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  CohortDatabase *db;

  db = cohort_database_open (dir, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE);

  cohort_test_remove_tree (dir);
}

static void
test_other_programs_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "other.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CohortDatabase *db;

  raw_exec (path, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');");
  before = dup_file_checksum (path);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_COHORT);

  after = dup_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  assert_no_sidecar_files (path);

  cohort_test_remove_tree (dir);
}

static void
test_newer_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CohortDatabase *db;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  sql = g_strdup_printf ("PRAGMA user_version = %d",
                         cohort_database_get_latest_schema_version () + 1);
  raw_exec (path, sql);
  before = dup_file_checksum (path);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Cohort"));

  after = dup_file_checksum (path);
  g_assert_cmpstr (before, ==, after);

  cohort_test_remove_tree (dir);
}

static void
test_missing_file_no_create (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "absent.db", NULL);
  CohortDatabase *db;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_null (db);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  cohort_test_remove_tree (dir);
}

/* Read-only locations.  Root may write anywhere, so as root the check runs in a subprocess that
 * has given up its privileges. */

static void
drop_privileges_if_root (void)
{
  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }
}

static void
test_read_only_location (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      const char *dir = g_getenv ("COHORT_TEST_DIR");
      g_autofree char *new_path = g_build_filename (dir, "locked", "new.db", NULL);
      g_autofree char *old_path = g_build_filename (dir, "locked", "old.db", NULL);
      CohortDatabase *db;

      drop_privileges_if_root ();

      db = cohort_database_open (new_path, COHORT_DATABASE_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_READ_ONLY);
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
      g_clear_error (&error);

      db = cohort_database_open (old_path, COHORT_DATABASE_OPEN_DEFAULT, &error);
      g_assert_null (db);
      g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_READ_ONLY);
      g_assert_nonnull (strstr (error->message, "read-only"));
      assert_no_sidecar_files (old_path);
      return;
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = cohort_test_make_tmp_dir ();
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *old_path = g_build_filename (locked, "old.db", NULL);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_auto(GStrv) envp = g_get_environ ();
      CohortDatabase *db;

      g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
      db = cohort_database_open (old_path, COHORT_DATABASE_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_finalize_object (db);
      before = dup_file_checksum (old_path);

      g_assert_cmpint (g_chmod (old_path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);

      g_setenv ("COHORT_TEST_DIR", dir, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();

      after = dup_file_checksum (old_path);
      g_assert_cmpstr (before, ==, after);

      cohort_test_remove_tree (dir);
    }
}

static void
test_locked_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  sqlite3 *holder = NULL;
  CohortDatabase *db;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* Another program holds the file exclusively. */
  g_assert_cmpint (sqlite3_open (path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (holder, "cohort_actor", 0, SQLITE_UTF8, NULL,
                                            other_program_actor, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                                 "INSERT INTO programme (code, name, created_at, updated_at) "
                                 "VALUES ('X', 'X', 'x', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  cohort_database_set_default_busy_timeout (100);
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  cohort_database_set_default_busy_timeout (5000);
  g_assert_null (db);
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "another program"));

  g_clear_error (&error);
  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);

  /* Once the other program lets go, the file opens and holds nothing of the rolled-back write. */
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM programme"), ==, 0);
  g_assert_finalize_object (db);

  cohort_test_remove_tree (dir);
}

static void
test_locked_write_reports_locked (CohortTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CohortDatabase *other;

  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cohort_database_begin (other, &error);
  g_assert_no_error (error);

  cohort_database_set_busy_timeout (fixture->db, 50);
  g_assert_false (cohort_database_begin (fixture->db, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_LOCKED);
  g_assert_false (cohort_database_in_transaction (fixture->db));

  cohort_database_rollback (other);
  g_assert_finalize_object (other);
}

/* Migrations */

static void
test_migrate_from_v1 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "cohort-v1.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *local = NULL;
  gsize length;
  CohortDatabase *db;
  int latest = cohort_database_get_latest_schema_version ();

  g_file_get_contents (fixture, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cohort_database_get_schema_version (db), ==, latest);
  g_assert_cmpint (query_int64 (db, "PRAGMA user_version"), ==, latest);

  /* Everything version 1 held is still there. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM person"), ==, 3);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM enrolment"), ==, 3);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM placement"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM career_record"), ==, 1);
  name = query_text (db, "SELECT given_name_local FROM person WHERE code = 'P-0002'");
  g_assert_cmpstr (name, ==, "محمد");
  local = query_text (db, "SELECT family_name_local FROM person WHERE code = 'P-0003'");
  g_assert_cmpstr (local, ==, "សុខ");
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pragma_integrity_check "
                                    "WHERE integrity_check <> 'ok'"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* Later versions' additions are filled in for the rows version 1 wrote: the keys that find a
   * person entered twice, and the search index of names written without a space. */
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM person WHERE match_name IS NULL "
                                    "OR match_name_local IS NULL"), ==, 0);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM person WHERE match_name = "
                                    "'tanakayuki'"), ==, 1);
  g_assert_cmpint (query_int64 (db, "SELECT count(*) FROM person_fts WHERE person_fts MATCH "
                                    "'\"田中由紀\"'"), ==, 1);

  if (latest > 1)
    {
      const char *backup = cohort_database_get_migration_backup_path (db);
      CohortDatabase *copy;

      /* A copy of the version-1 file was kept aside before upgrading. */
      g_assert_nonnull (backup);
      g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
      g_assert_nonnull (strstr (backup, G_DIR_SEPARATOR_S "backups" G_DIR_SEPARATOR_S
                                        "cohort.db.v1-"));
      copy = cohort_database_open (backup, COHORT_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_null (copy);
      g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NEEDS_UPGRADE);
    }
  else
    {
      g_assert_null (cohort_database_get_migration_backup_path (db));
    }

  g_assert_finalize_object (db);
  cohort_test_remove_tree (dir);
}

/* Transactions and change notification */

typedef struct
{
  guint  n_emissions;
  GStrv  tables;
} ChangedRecorder;

static void
on_changed_cb (CohortDatabase     *db,
               const char * const *tables,
               ChangedRecorder    *recorder)
{
  recorder->n_emissions++;
  g_strfreev (recorder->tables);
  recorder->tables = g_strdupv ((char **) tables);
}

static void
test_changed_after_commit (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ChangedRecorder recorder = { 0 };

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), &recorder);

  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-1", "Tanaka");
  insert_person (fixture->db, "P-2", "Sato");
  g_assert_cmpuint (recorder.n_emissions, ==, 0);
  cohort_database_commit (fixture->db, &error);
  g_assert_no_error (error);

  /* One notification for the whole transaction, naming the entity tables only. */
  g_assert_cmpuint (recorder.n_emissions, ==, 1);
  g_assert_true (g_strv_contains ((const char * const *) recorder.tables, "person"));
  g_assert_false (g_strv_contains ((const char * const *) recorder.tables, "audit_log"));
  g_assert_false (g_strv_contains ((const char * const *) recorder.tables, "person_fts"));

  /* A statement outside a transaction notifies at once. */
  insert_person (fixture->db, "P-3", "Suzuki");
  g_assert_cmpuint (recorder.n_emissions, ==, 2);

  g_signal_handlers_disconnect_by_data (fixture->db, &recorder);
  g_strfreev (recorder.tables);
}

static void
test_rollback_forgets (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ChangedRecorder recorder = { 0 };

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), &recorder);

  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-1", "Tanaka");
  cohort_database_rollback (fixture->db);

  g_assert_cmpuint (recorder.n_emissions, ==, 0);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM audit_log"), ==, 0);

  g_signal_handlers_disconnect_by_data (fixture->db, &recorder);
  g_strfreev (recorder.tables);
}

static void
test_nested_transactions (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-1", "Tanaka");

  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-2", "Sato");
  cohort_database_rollback (fixture->db);

  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-3", "Suzuki");
  cohort_database_commit (fixture->db, &error);
  g_assert_no_error (error);

  g_assert_true (cohort_database_in_transaction (fixture->db));
  cohort_database_commit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_false (cohort_database_in_transaction (fixture->db));

  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, 2);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person WHERE code = 'P-2'"),
                   ==, 0);
}

static void
test_external_change_noticed (CohortTestFixture *fixture,
                              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  ChangedRecorder recorder = { 0 };
  CohortDatabase *other;

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), &recorder);
  g_assert_false (cohort_database_check_external_changes (fixture->db));

  /* Our own writes are not "external". */
  insert_person (fixture->db, "P-1", "Tanaka");
  recorder.n_emissions = 0;
  g_assert_false (cohort_database_check_external_changes (fixture->db));

  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  insert_person (other, "P-2", "Sato");

  g_assert_true (cohort_database_check_external_changes (fixture->db));
  g_assert_cmpuint (recorder.n_emissions, ==, 1);
  g_assert_cmpuint (g_strv_length (recorder.tables), ==, 0);
  g_assert_false (cohort_database_check_external_changes (fixture->db));
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, 2);

  g_assert_finalize_object (other);
  g_signal_handlers_disconnect_by_data (fixture->db, &recorder);
  g_strfreev (recorder.tables);
}

static void
test_read_only_connection (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  CohortDatabase *reader;
  CohortStatement *stmt;

  insert_person (fixture->db, "P-1", "Tanaka");

  reader = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (cohort_database_is_read_only (reader));
  g_assert_cmpint (query_int64 (reader, "SELECT count(*) FROM person"), ==, 1);

  /* While the main connection writes, the reader still reads (WAL). */
  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-2", "Sato");
  g_assert_cmpint (query_int64 (reader, "SELECT count(*) FROM person"), ==, 1);
  cohort_database_commit (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (reader, "SELECT count(*) FROM person"), ==, 2);

  stmt = cohort_database_prepare (reader, "DELETE FROM person", &error);
  g_assert_no_error (error);
  g_assert_false (cohort_statement_execute (stmt, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_READ_ONLY);

  g_assert_finalize_object (reader);
}

/* Backup */

static void
test_backup (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *partial = g_strconcat (dest, ".partial", NULL);
  CohortDatabase *copy;
  GStatBuf st;

  insert_person (fixture->db, "P-1", "Tanaka");
  insert_person (fixture->db, "P-2", "Sato");

  cohort_database_backup_to (fixture->db, dest, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = cohort_database_open (dest, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (copy, "SELECT count(*) FROM person"), ==, 2);
  g_assert_finalize_object (copy);
}

static void
test_backup_to_unwritable_place (CohortTestFixture *fixture,
                                 gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "no", "such", "folder", "copy.db",
                                            NULL);

  g_assert_false (cohort_database_backup_to (fixture->db, dest, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
}

/* Safety: backups kept automatically, restore, integrity, a lost file, privacy, a full disk */

static void
test_backups_kept (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = cohort_database_dup_backups_folder (fixture->db);
  g_autofree char *expected_folder = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *other = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GStatBuf st;

  g_assert_cmpstr (folder, ==, expected_folder);
  g_assert_cmpuint (cohort_database_get_backups_to_keep (fixture->db), ==,
                    COHORT_DATABASE_DEFAULT_BACKUPS_TO_KEEP);
  cohort_database_set_backups_to_keep (fixture->db, 3);

  /* Another database's backup in the same folder is not this database's to remove. */
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  other = g_build_filename (folder, "other.db.import-20200101T000000.bak", NULL);
  g_assert_true (g_file_set_contents (other, "x", -1, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *code = g_strdup_printf ("P-%u", i + 1);
      g_autoptr(CohortDatabase) copy = NULL;
      char *path;

      insert_person (fixture->db, code, "Tanaka");
      path = cohort_database_make_backup (fixture->db, "import", &error);
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (path, folder));
      g_assert_true (g_str_has_prefix (strrchr (path, G_DIR_SEPARATOR) + 1,
                                       "cohort.db.import-"));
      g_assert_true (g_str_has_suffix (path, ".bak"));
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      copy = cohort_database_open (path, COHORT_DATABASE_OPEN_READ_ONLY, &error);
      g_assert_no_error (error);
      g_assert_cmpint (query_int64 (copy, "SELECT count(*) FROM person"), ==, i + 1);
      g_ptr_array_add (paths, path);
    }

  /* The newest three are kept, the oldest two removed; the folder is private. */
  g_assert_cmpuint (cohort_test_count_files (folder, "cohort.db.", ".bak"), ==, 3);
  g_assert_false (g_file_test (g_ptr_array_index (paths, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (paths, 1), G_FILE_TEST_EXISTS));
  for (guint i = 2; i < 5; i++)
    g_assert_true (g_file_test (g_ptr_array_index (paths, i), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (folder, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* Inside a write transaction the copy is the state the transaction started from. */
static void
test_backup_in_transaction (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortDatabase) copy = NULL;
  g_autofree char *path = NULL;

  insert_person (fixture->db, "P-1", "Tanaka");
  cohort_database_begin (fixture->db, &error);
  g_assert_no_error (error);
  path = cohort_database_make_backup (fixture->db, "import", &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-2", "Sato");
  cohort_database_commit (fixture->db, &error);
  g_assert_no_error (error);

  copy = cohort_database_open (path, COHORT_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (copy, "SELECT count(*) FROM person"), ==, 1);
}

static void
test_restore (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autofree char *kept = NULL;
  g_autoptr(CohortDatabase) other = NULL;
  g_autofree char *journal_mode = NULL;
  ChangedRecorder recorder = { 0 };

  insert_person (fixture->db, "P-1", "Tanaka");
  cohort_database_backup_to (fixture->db, source, &error);
  g_assert_no_error (error);
  insert_person (fixture->db, "P-2", "Sato");
  insert_person (fixture->db, "P-3", "Ito");

  /* Another connection (a worker's, or the window's while the command line restores). */
  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (other, "SELECT count(*) FROM person"), ==, 3);

  g_signal_connect (fixture->db, "changed", G_CALLBACK (on_changed_cb), &recorder);
  cohort_database_restore_from (fixture->db, source, &kept, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recorder.n_emissions, ==, 1);
  g_assert_cmpstrv (recorder.tables, ((const char * const []) { NULL }));
  g_signal_handlers_disconnect_by_func (fixture->db, on_changed_cb, &recorder);
  g_strfreev (recorder.tables);

  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int64 (other, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person WHERE code = 'P-1'"),
                   ==, 1);
  journal_mode = query_text (fixture->db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  cohort_database_check_integrity (fixture->db, &error);
  g_assert_no_error (error);

  /* What it replaced was kept. */
  g_assert_nonnull (kept);
  g_assert_true (strstr (kept, "cohort.db.restore-") != NULL);
  {
    g_autoptr(CohortDatabase) copy = cohort_database_open (kept, COHORT_DATABASE_OPEN_READ_ONLY,
                                                           &error);

    g_assert_no_error (error);
    g_assert_cmpint (query_int64 (copy, "SELECT count(*) FROM person"), ==, 3);
  }

  /* The restored database is written to as usual. */
  insert_person (fixture->db, "P-4", "Mensah");
  g_assert_cmpint (query_int64 (other, "SELECT count(*) FROM person"), ==, 2);
}

static void
test_restore_refused (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *newer = g_build_filename (fixture->dir, "newer.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "text.db", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *backups = g_build_filename (fixture->dir, "backups", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  insert_person (fixture->db, "P-1", "Tanaka");
  cohort_database_backup_to (fixture->db, newer, &error);
  g_assert_no_error (error);
  raw_exec (newer, "PRAGMA user_version = 999");
  g_assert_true (g_file_set_contents (text, "not a database", -1, &error));
  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  g_assert_no_error (error);
  before = cohort_test_dup_database_checksum (fixture->path);

  g_assert_false (cohort_database_restore_from (fixture->db, newer, NULL, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_false (cohort_database_restore_from (fixture->db, text, NULL, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_false (cohort_database_restore_from (fixture->db, empty, NULL, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_COHORT);
  g_clear_error (&error);
  g_assert_false (cohort_database_restore_from (fixture->db, fixture->path, NULL, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_FAILED);
  g_clear_error (&error);

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (cohort_test_count_files (backups, "cohort.db.", ".bak"), ==, 0);
}

static void
test_integrity (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  CohortDatabase *db;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  /* Enough people that the last pages of the file hold them, not the schema that opening the
   * file reads. */
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *code = g_strdup_printf ("P-%u", i);

      insert_person (db, code, "Tanaka Nakamura Yamamoto Kobayashi Watanabe Takahashi");
    }
  g_assert_true (cohort_database_check_integrity (db, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  /* A page in the middle of the file overwritten, as a failing disk would leave it. */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_file_get_contents (path, &contents, &length, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (length, >, 8 * 4096);
    memset (contents + length - 2 * 4096, 0x5a, 4096);
    g_file_set_contents (path, contents, (gssize) length, &error);
    g_assert_no_error (error);
  }
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (cohort_database_check_integrity (db, &error));
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_CORRUPT);
  g_assert_finalize_object (db);
  cohort_test_remove_tree (dir);
}

static void
on_file_lost_cb (CohortDatabase *db,
                 guint          *n_lost)
{
  (*n_lost)++;
}

static void
test_file_lost (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.db", NULL);
  guint n_lost = 0;

  g_signal_connect (fixture->db, "file-lost", G_CALLBACK (on_file_lost_cb), &n_lost);
  cohort_database_check_external_changes (fixture->db);
  g_assert_cmpuint (n_lost, ==, 0);
  g_assert_false (cohort_database_is_file_lost (fixture->db));

  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  cohort_database_check_external_changes (fixture->db);
  g_assert_cmpuint (n_lost, ==, 1);
  g_assert_true (cohort_database_is_file_lost (fixture->db));

  /* Said once. */
  cohort_database_check_external_changes (fixture->db);
  g_assert_cmpuint (n_lost, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->db, on_file_lost_cb, &n_lost);
  g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);
}

static void
test_file_replaced (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  guint n_lost = 0;

  cohort_database_backup_to (fixture->db, copy, &error);
  g_assert_no_error (error);
  g_signal_connect (fixture->db, "file-lost", G_CALLBACK (on_file_lost_cb), &n_lost);

  /* Another file put in its place under the same name. */
  g_assert_cmpint (g_rename (copy, fixture->path), ==, 0);
  cohort_database_check_external_changes (fixture->db);
  g_assert_cmpuint (n_lost, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->db, on_file_lost_cb, &n_lost);
}

static void
test_file_deleted (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  guint n_lost = 0;

  g_signal_connect (fixture->db, "file-lost", G_CALLBACK (on_file_lost_cb), &n_lost);
  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  cohort_database_check_external_changes (fixture->db);
  g_assert_cmpuint (n_lost, ==, 1);
  g_signal_handlers_disconnect_by_func (fixture->db, on_file_lost_cb, &n_lost);
}

static void
test_private (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean file_shared = TRUE;
  gboolean folder_shared = TRUE;
  GStatBuf st;

  /* Created private. */
  g_assert_true (cohort_database_is_private (fixture->db, &file_shared, &folder_shared));
  g_assert_false (file_shared);
  g_assert_false (folder_shared);

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  g_assert_false (cohort_database_is_private (fixture->db, &file_shared, &folder_shared));
  g_assert_true (file_shared);
  g_assert_false (folder_shared);

  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0775), ==, 0);
  g_assert_false (cohort_database_is_private (fixture->db, &file_shared, &folder_shared));
  g_assert_false (file_shared);
  g_assert_true (folder_shared);

  /* A folder others may pass through but not list is private enough. */
  g_assert_cmpint (g_chmod (fixture->dir, 0711), ==, 0);
  g_assert_true (cohort_database_is_private (fixture->db, NULL, NULL));

  g_assert_cmpint (g_chmod (fixture->dir, 0757), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0666), ==, 0);
  cohort_database_make_private (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_true (cohort_database_is_private (fixture->db, NULL, NULL));
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (fixture->dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

/* COHORT_TEST_DISK_FULL makes the disk "full": a write that needs room fails with FULL and
 * the transaction leaves nothing behind. */
static void
test_disk_full (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CohortDatabase *db;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  insert_person (db, "P-1", "Tanaka");
  g_assert_finalize_object (db);
  before = cohort_test_dup_database_checksum (path);

  g_setenv ("COHORT_TEST_DISK_FULL", "1", TRUE);
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_unsetenv ("COHORT_TEST_DISK_FULL");
  g_assert_no_error (error);

  cohort_database_begin (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 2000 && error == NULL; i++)
    {
      CohortStatement *stmt = cohort_database_prepare (db, "INSERT INTO person (code, "
                                                           "family_name, created_at, updated_at) "
                                                           "VALUES (:code, :name, '2026-01-01', "
                                                           "'2026-01-01')",
                                                       &error);
      g_autofree char *code = g_strdup_printf ("Q-%u", i);

      g_assert_no_error (error);
      cohort_statement_bind_text (stmt, ":code", code);
      cohort_statement_bind_text (stmt, ":name", "A rather long family name to fill pages");
      cohort_statement_execute (stmt, &error);
    }
  g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "is full"));
  cohort_database_rollback (db);
  g_assert_finalize_object (db);

  after = cohort_test_dup_database_checksum (path);
  g_assert_cmpstr (before, ==, after);
  cohort_test_remove_tree (dir);
}

/* Statements, the schema's rules, triggers and search */

static void
test_bind_and_fill_object (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(CohortPerson) loaded = cohort_person_new ();
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  cohort_person_set_code (person, "P-7");
  cohort_person_set_family_name (person, "Abdullah");
  cohort_person_set_given_name_local (person, "محمد");
  cohort_person_set_gender (person, "male");
  cohort_person_set_email (person, "");  /* empty binds as NULL */

  stmt = cohort_database_prepare (fixture->db,
                                  "INSERT INTO person (code, family_name, given_name_local, "
                                  "gender, email, affiliation_id, created_at, updated_at) "
                                  "VALUES (:code, :family_name, :given_name_local, :gender, "
                                  ":email, :affiliation_id, :now, :now)",
                                  &error);
  g_assert_no_error (error);
  cohort_statement_bind_object (stmt, G_OBJECT (person));
  cohort_statement_bind_text (stmt, ":now", "2026-01-01T00:00:00.000Z");
  cohort_statement_execute (stmt, &error);
  g_assert_no_error (error);

  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person WHERE email IS NULL "
                                             "AND affiliation_id IS NULL"), ==, 1);

  stmt = cohort_database_prepare (fixture->db, "SELECT * FROM person WHERE code = :code", &error);
  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":code", "P-7");
  cohort_statement_step (stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  cohort_statement_fill_object (stmt, G_OBJECT (loaded));
  cohort_statement_reset (stmt);

  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (loaded)), >, 0);
  g_assert_cmpstr (cohort_person_get_family_name (loaded), ==, "Abdullah");
  g_assert_cmpstr (cohort_person_get_given_name_local (loaded), ==, "محمد");
  g_assert_cmpstr (cohort_person_get_name_order (loaded), ==, "given_first");
  g_assert_null (cohort_person_get_email (loaded));
  g_assert_cmpstr (cohort_record_get_created_at (COHORT_RECORD (loaded)), ==,
                   "2026-01-01T00:00:00.000Z");
}

static void
test_hostile_text_is_data (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autofree char *stored = NULL;

  insert_person (fixture->db, "P-1", "'); DROP TABLE person; --");
  insert_person (fixture->db, "P-2", "\u202Eevil\u202C");

  stored = query_text (fixture->db, "SELECT family_name FROM person WHERE code = 'P-1'");
  g_assert_cmpstr (stored, ==, "'); DROP TABLE person; --");
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, 2);
}

static void
test_schema_checks (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  const char *bad[] = {
    "INSERT INTO person (code, gender, created_at, updated_at) VALUES ('A', 'unknown', 'x', 'x')",
    "INSERT INTO person (code, birth_date, created_at, updated_at) VALUES ('A', '2026-02-30', 'x', 'x')",
    "INSERT INTO person (code, birth_date, created_at, updated_at) VALUES ('A', '0000-00-00', 'x', 'x')",
    "INSERT INTO person (code, nationality, created_at, updated_at) VALUES ('A', 'jp', 'x', 'x')",
    "INSERT INTO person (code, created_at, updated_at) VALUES ('  ', 'x', 'x')",
    "INSERT INTO programme (code, name, created_at, updated_at) VALUES ('P', 'P', 'x', 'x'), "
    "('P', 'Q', 'x', 'x')",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      CohortStatement *stmt = cohort_database_prepare (fixture->db, bad[i], &error);

      g_assert_no_error (error);
      g_assert_false (cohort_statement_execute (stmt, &error));
      g_assert_error (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_CONSTRAINT);
    }

  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM programme"), ==, 0);
}

static void
test_audit_triggers (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *insert_changes = NULL;
  g_autofree char *update_changes = NULL;
  g_autofree char *actions = NULL;

  insert_person (fixture->db, "P-1", "Tanaka");
  g_assert_true (cohort_database_exec (fixture->db,
                                       "UPDATE person SET email = 'y@example.org', "
                                       "updated_at = 'later' WHERE code = 'P-1';"
                                       "UPDATE person SET updated_at = 'later still';"
                                       "UPDATE person SET deleted_at = 'now';"
                                       "UPDATE person SET deleted_at = NULL;"
                                       "DELETE FROM person;",
                                       &error));
  g_assert_no_error (error);

  actions = query_text (fixture->db,
                        "SELECT group_concat(action, ',') FROM "
                        "(SELECT action FROM audit_log WHERE table_name = 'person' ORDER BY id)");
  /* A change of the timestamps alone is not a change worth a line. */
  g_assert_cmpstr (actions, ==, "insert,update,delete,restore,erase");

  /* An insert: every column given, in the table's order, none of the empty ones. */
  insert_changes = query_text (fixture->db, "SELECT changes FROM audit_log ORDER BY id LIMIT 1");
  g_assert_cmpstr (insert_changes, ==,
                   "{\"code\":\"P-1\",\"family_name\":\"Tanaka\",\"name_order\":\"given_first\","
                   "\"gender\":\"undisclosed\"}");
  update_changes = query_text (fixture->db, "SELECT changes FROM audit_log WHERE action = "
                                            "'update'");
  g_assert_cmpstr (update_changes, ==, "{\"email\":[null,\"y@example.org\"]}");
}

static void
test_anonymise_scrubs_audit (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  insert_person (fixture->db, "P-1", "Tanaka");
  g_assert_true (cohort_database_exec (fixture->db,
                                       "UPDATE person SET email = 'yuki@example.org';"
                                       "UPDATE person SET family_name = NULL, email = NULL, "
                                       "anonymised_at = '2026-11-27';",
                                       &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM audit_log WHERE changes "
                                             "LIKE '%Tanaka%' OR changes LIKE '%yuki@%'"), ==, 0);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM audit_log WHERE action = "
                                             "'anonymise'"), ==, 1);
}

static void
test_search_index (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  struct { const char *query; gint64 expected; } cases[] = {
    { "\"anak\"", 1 },           /* Latin substring, any case */
    { "\"ANAKA\"", 1 },
    { "\"中太郎\"", 1 },          /* Japanese substring */
    { "\"د الل\"", 1 },           /* Arabic substring across the space */
    { "\"example.org\"", 2 },    /* email */
    { "\"Refugee\"", 1 },        /* the affiliation's name */
    { "\"nobody\"", 0 },
  };

  g_assert_true (cohort_database_exec (fixture->db,
    "INSERT INTO organisation (id, name, acronym, created_at, updated_at) VALUES "
    "  (1, 'UN Refugee Agency', 'UNHCR', 'x', 'x');"
    "INSERT INTO person (code, family_name, given_name, family_name_local, given_name_local, "
    "  email, affiliation_id, created_at, updated_at) VALUES "
    "  ('P-1', 'Tanaka', 'Taro', '田中', '太郎', 't@example.org', NULL, 'x', 'x'),"
    "  ('P-2', 'Abdullah', 'Mohammed', 'عبد الله', 'محمد', 'm@example.org', 1, 'x', 'x');",
    &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortStatement *stmt;
      gboolean has_row;

      stmt = cohort_database_prepare (fixture->db,
                                      "SELECT count(*) FROM person_fts WHERE person_fts "
                                      "MATCH :q", &error);
      g_assert_no_error (error);
      cohort_statement_bind_text (stmt, ":q", cases[i].query);
      cohort_statement_step (stmt, &has_row, &error);
      g_assert_no_error (error);
      g_assert_cmpint (cohort_statement_get_int64 (stmt, 0), ==, cases[i].expected);
      cohort_statement_reset (stmt);
    }

  /* Renaming the organisation re-indexes its people. */
  g_assert_true (cohort_database_exec (fixture->db,
                                       "UPDATE organisation SET name = 'Haut Commissariat' "
                                       "WHERE id = 1", &error));
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person_fts WHERE person_fts "
                                             "MATCH '\"Commissariat\"'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person_fts WHERE person_fts "
                                             "MATCH '\"Refugee\"'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/database/create/new", test_create_new);
  cohort_test_add ("/cohort/database/create/reopen", test_reopen_keeps_data);
  cohort_test_add ("/cohort/database/create/foreign-keys", test_foreign_keys_enforced);
  g_test_add_func ("/cohort/database/refuse/not-a-database", test_not_a_database);
  g_test_add_func ("/cohort/database/refuse/directory", test_directory_is_not_a_database);
  g_test_add_func ("/cohort/database/refuse/other-program", test_other_programs_database);
  g_test_add_func ("/cohort/database/refuse/newer-schema", test_newer_schema);
  g_test_add_func ("/cohort/database/refuse/missing", test_missing_file_no_create);
  g_test_add_func ("/cohort/database/refuse/read-only", test_read_only_location);
  g_test_add_func ("/cohort/database/refuse/locked", test_locked_database);
  cohort_test_add ("/cohort/database/locked-write", test_locked_write_reports_locked);
  g_test_add_func ("/cohort/database/migrate/from-v1", test_migrate_from_v1);
  cohort_test_add ("/cohort/database/transaction/changed", test_changed_after_commit);
  cohort_test_add ("/cohort/database/transaction/rollback", test_rollback_forgets);
  cohort_test_add ("/cohort/database/transaction/nested", test_nested_transactions);
  cohort_test_add ("/cohort/database/external-change", test_external_change_noticed);
  cohort_test_add ("/cohort/database/read-only-connection", test_read_only_connection);
  cohort_test_add ("/cohort/database/backup/copy", test_backup);
  cohort_test_add ("/cohort/database/backup/unwritable", test_backup_to_unwritable_place);
  cohort_test_add ("/cohort/database/backup/kept", test_backups_kept);
  cohort_test_add ("/cohort/database/backup/in-transaction", test_backup_in_transaction);
  cohort_test_add ("/cohort/database/restore/replace", test_restore);
  cohort_test_add ("/cohort/database/restore/refused", test_restore_refused);
  g_test_add_func ("/cohort/database/integrity", test_integrity);
  cohort_test_add ("/cohort/database/file/moved", test_file_lost);
  cohort_test_add ("/cohort/database/file/replaced", test_file_replaced);
  cohort_test_add ("/cohort/database/file/deleted", test_file_deleted);
  cohort_test_add ("/cohort/database/private", test_private);
  g_test_add_func ("/cohort/database/disk-full", test_disk_full);
  cohort_test_add ("/cohort/database/statement/bind-fill", test_bind_and_fill_object);
  cohort_test_add ("/cohort/database/statement/hostile-text", test_hostile_text_is_data);
  cohort_test_add ("/cohort/database/schema/checks", test_schema_checks);
  cohort_test_add ("/cohort/database/schema/audit", test_audit_triggers);
  cohort_test_add ("/cohort/database/schema/anonymise-audit", test_anonymise_scrubs_audit);
  cohort_test_add ("/cohort/database/schema/search-index", test_search_index);

  return g_test_run ();
}
