/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort-person-data.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* Erasing a person reaches the copies in the database's backups folder: each copy of the same
 * schema that holds them is erased the same way and rewritten, and the copies that cannot be
 * cleaned (an older schema, unreadable) are named. */

#define FAMILY "Qwertyzuk"
#define EMAIL "hanako.qwertyzuk@example.org"

static gint64
save_person (CohortDatabase *db,
             const char     *code,
             const char     *family_name,
             const char     *email)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(GError) error = NULL;

  cohort_person_set_code (person, code);
  cohort_person_set_family_name (person, family_name);
  cohort_person_set_given_name (person, "Hanako");
  cohort_person_set_email (person, email);
  g_assert_true (cohort_store_save (db, COHORT_RECORD (person), &error));
  g_assert_no_error (error);

  return cohort_record_get_id (COHORT_RECORD (person));
}

/* Every byte of the file, searched for @needle. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static gint64
mtime_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
}

/* Puts the version-1 fixture in the backups folder, named as a backup of this database. */
static char *
add_old_backup (CohortTestFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "data", "cohort-v1.db", NULL);
  g_autofree char *folder = cohort_database_dup_backups_folder (fixture->db);
  g_autofree char *contents = NULL;
  char *path = g_build_filename (folder, "cohort.db.v1-20240101T000000.000.bak", NULL);
  gsize length = 0;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  return path;
}

static void
test_erase_cleans_backups (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_cleaned = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *early = NULL;
  g_autofree char *early_before = NULL;
  g_autofree char *early_after = NULL;
  g_autofree char *old_backup = NULL;
  g_autofree char *old_before = NULL;
  g_autofree char *old_after = NULL;
  gint64 id;
  gint64 mtime;
  guint n_cleaned = 0;

  save_person (fixture->db, "P-0002", "Keepme", "keep@example.org");

  /* A copy made before the person joined does not hold them: left as it was, not counted. */
  early = cohort_database_make_backup (fixture->db, "import", &error);
  g_assert_no_error (error);
  early_before = cohort_test_dup_database_checksum (early);

  /* A copy made before the erase (as an import makes one) holds the person. */
  id = save_person (fixture->db, "P-0001", FAMILY, EMAIL);
  backup = cohort_database_make_backup (fixture->db, "import", &error);
  g_assert_no_error (error);
  g_assert_true (file_contains (backup, FAMILY));
  g_assert_true (file_contains (backup, EMAIL));
  mtime = mtime_of (backup);

  old_backup = add_old_backup (fixture);
  old_before = cohort_test_dup_database_checksum (old_backup);

  g_assert_true (cohort_person_data_erase_full (fixture->db, id, &n_cleaned, &not_cleaned,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cleaned, ==, 1);
  early_after = cohort_test_dup_database_checksum (early);
  g_assert_cmpstr (early_before, ==, early_after);

  /* Nothing of the person in any byte of the copy; the other person is still there, the copy
   * still opens and keeps the time it was written (the backups are kept by that time). */
  g_assert_false (file_contains (backup, FAMILY));
  g_assert_false (file_contains (backup, EMAIL));
  g_assert_true (file_contains (backup, "Keepme"));
  g_assert_cmpint (mtime_of (backup), ==, mtime);
  g_assert_cmpint (cohort_test_query_int64 (backup, "SELECT count(*) FROM person "
                                                    "WHERE code = 'P-0001'"), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (backup, "SELECT count(*) FROM audit_log "
                                                    "WHERE table_name = 'person' "
                                                    "AND action = 'erase'"), ==, 1);
  /* A single file again, not in write-ahead-log mode (bytes 18 and 19 of the header say 1). */
  {
    g_autofree char *wal = g_strconcat (backup, "-wal", NULL);
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 20);
    g_assert_cmpint (contents[18], ==, 1);
    g_assert_cmpint (contents[19], ==, 1);
  }
  {
    g_autoptr(CohortDatabase) copy = cohort_database_open_backup (backup, &error);

    g_assert_no_error (error);
    g_assert_nonnull (copy);
  }

  /* The copy from an older Cohort is left as it was, and named. */
  g_assert_nonnull (not_cleaned);
  g_assert_cmpuint (g_strv_length (not_cleaned), ==, 1);
  g_assert_nonnull (strstr (not_cleaned[0], "cohort.db.v1-20240101T000000.000.bak"));
  g_assert_nonnull (strstr (not_cleaned[0], "older version of Cohort"));
  old_after = cohort_test_dup_database_checksum (old_backup);
  g_assert_cmpstr (old_before, ==, old_after);
}

static void
test_erase_unreadable_backup (CohortTestFixture *fixture,
                              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_cleaned = NULL;
  g_autofree char *folder = cohort_database_dup_backups_folder (fixture->db);
  g_autofree char *broken = g_build_filename (folder, "cohort.db.import-20240101T000000.000.bak",
                                              NULL);
  g_autofree char *other_db = g_build_filename (folder, "notes.db.import-20240101T000000.000.bak",
                                                NULL);
  guint n_cleaned = 99;
  gint64 id;

  id = save_person (fixture->db, "P-0001", FAMILY, EMAIL);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "not a database at all", -1, NULL));
  /* A backup of another database in the same folder is not this database's: left alone. */
  g_assert_true (g_file_set_contents (other_db, "not a database at all", -1, NULL));

  g_assert_true (cohort_person_data_erase_full (fixture->db, id, &n_cleaned, &not_cleaned,
                                                &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_cleaned, ==, 0);
  g_assert_cmpuint (g_strv_length (not_cleaned), ==, 1);
  g_assert_nonnull (strstr (not_cleaned[0], "cohort.db.import-20240101T000000.000.bak"));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person"),
                   ==, 0);
}

static void
test_cli_erase_reports_backups (CohortTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_auto(CohortTestResult) result = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *old_backup = NULL;
  g_autofree char *actor = NULL;

  save_person (fixture->db, "P-0001", FAMILY, EMAIL);
  backup = cohort_database_make_backup (fixture->db, "import", &error);
  g_assert_no_error (error);
  old_backup = add_old_backup (fixture);

  cohort_test_run (&result, fixture->path, "person", "erase", "P-0001", "--yes", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Erased P-0001."));
  g_assert_nonnull (strstr (result.out, "Erased from 1 backup too."));
  g_assert_nonnull (strstr (result.out, "1 backup could not be cleaned and may still hold "
                                        "P-0001 (in "));
  g_assert_nonnull (strstr (result.out, G_DIR_SEPARATOR_S "backups”):\n"));
  g_assert_nonnull (strstr (result.out, "cohort.db.v1-20240101T000000.000.bak"));
  g_assert_false (file_contains (backup, FAMILY));

  /* The command line names itself in the history of the database and of the copy. */
  actor = cohort_database_dup_user_actor ("command line: person");
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'erase' AND actor LIKE "
                                            "'%(command line: person)'"), ==, 1);
  g_assert_cmpint (cohort_test_query_int64 (backup,
                                            "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'erase' AND actor LIKE "
                                            "'%(command line: person)'"), ==, 1);
  g_assert_nonnull (strstr (actor, g_get_user_name ()));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/erase-backups/cleaned", test_erase_cleans_backups);
  cohort_test_add ("/cohort/erase-backups/unreadable", test_erase_unreadable_backup);
  cohort_test_add ("/cohort/erase-backups/cli", test_cli_erase_reports_backups);

  return g_test_run ();
}
