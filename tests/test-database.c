/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-database"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
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

  insert_changes = query_text (fixture->db, "SELECT changes FROM audit_log ORDER BY id LIMIT 1");
  g_assert_nonnull (strstr (insert_changes, "\"family_name\":\"Tanaka\""));
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
  cohort_test_add ("/cohort/database/statement/bind-fill", test_bind_and_fill_object);
  cohort_test_add ("/cohort/database/statement/hostile-text", test_hostile_text_is_data);
  cohort_test_add ("/cohort/database/schema/checks", test_schema_checks);
  cohort_test_add ("/cohort/database/schema/audit", test_audit_triggers);
  cohort_test_add ("/cohort/database/schema/anonymise-audit", test_anonymise_scrubs_audit);
  cohort_test_add ("/cohort/database/schema/search-index", test_search_index);

  return g_test_run ();
}
