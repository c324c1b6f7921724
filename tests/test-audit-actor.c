/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cohort-database-private.h"
#include "cohort-history.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* Who made each change: the audit log records the actor of the connection that wrote it, the
 * history lists it, and entries from before the log recorded it say "Unknown". */

static gint64
save_person (CohortDatabase *db,
             const char     *code,
             const char     *family_name)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(GError) error = NULL;

  cohort_person_set_code (person, code);
  cohort_person_set_family_name (person, family_name);
  cohort_person_set_given_name (person, "Amina");
  g_assert_true (cohort_store_save (db, COHORT_RECORD (person), &error));
  g_assert_no_error (error);

  return cohort_record_get_id (COHORT_RECORD (person));
}

static void
rename_person (CohortDatabase *db,
               gint64          id,
               const char     *family_name)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt;

  stmt = cohort_database_prepare (db, "UPDATE person SET family_name = :name WHERE id = :id",
                                  &error);
  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":name", family_name);
  cohort_statement_bind_int64 (stmt, ":id", id);
  g_assert_true (cohort_statement_execute (stmt, &error));
  g_assert_no_error (error);
}

static char *
query_text (CohortDatabase *db,
            const char     *sql)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);
  gboolean has_row = FALSE;
  char *text;

  g_assert_no_error (error);
  g_assert_true (cohort_statement_step (stmt, &has_row, &error));
  g_assert_no_error (error);
  g_assert_true (has_row);
  text = g_strdup (cohort_statement_get_text (stmt, 0));
  cohort_statement_reset (stmt);

  return text;
}

static void
test_actor_recorded (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(CohortHistoryEntry) created = NULL;
  g_autoptr(CohortHistoryEntry) changed = NULL;
  g_autoptr(CohortHistoryEntry) changed_elsewhere = NULL;
  g_autoptr(CohortDatabase) other = NULL;
  gint64 id;

  cohort_database_set_actor (fixture->db, "amina (window)");
  g_assert_cmpstr (cohort_database_get_actor (fixture->db), ==, "amina (window)");
  id = save_person (fixture->db, "P-1", "Diallo");

  cohort_database_set_actor (fixture->db, "kenji (command line: import)");
  rename_person (fixture->db, id, "Diallo-Sow");

  /* Another connection to the same file names its own actor. */
  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  cohort_database_set_actor (other, "sofia (window)");
  rename_person (other, id, "Sow");

  history = cohort_history_list_person (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  created = g_list_model_get_item (history, 0);
  changed = g_list_model_get_item (history, 1);
  changed_elsewhere = g_list_model_get_item (history, 2);
  g_assert_cmpstr (cohort_history_entry_get_action (created), ==, "insert");
  g_assert_cmpstr (cohort_history_entry_get_actor (created), ==, "amina (window)");
  g_assert_cmpstr (cohort_history_entry_get_who (created), ==, "amina (window)");
  g_assert_cmpstr (cohort_history_entry_get_actor (changed), ==, "kenji (command line: import)");
  g_assert_cmpstr (cohort_history_entry_get_actor (changed_elsewhere), ==, "sofia (window)");

  /* The property the History window shows. */
  {
    g_autofree char *who = NULL;

    g_object_get (changed, "who", &who, NULL);
    g_assert_cmpstr (who, ==, "kenji (command line: import)");
  }
}

static void
test_default_actor (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  g_autofree char *user = cohort_database_dup_user_actor (NULL);
  g_autofree char *window = cohort_database_dup_user_actor ("window");
  g_autofree char *recorded = NULL;
  g_autofree char *expected = NULL;
  CohortDatabase *db;

  /* The user's login name, and the face in brackets. */
  g_assert_nonnull (strstr (user, g_get_user_name ()));
  expected = g_strdup_printf ("%s (window)", user);
  g_assert_cmpstr (window, ==, expected);

  /* Without a default, a connection names the user. */
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_database_get_actor (db), ==, user);
  g_assert_finalize_object (db);

  /* With one, every connection opened from then on names it, and writes it. */
  cohort_database_set_default_actor ("amina (command line: demo)");
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_database_get_actor (db), ==, "amina (command line: demo)");
  save_person (db, "P-1", "Diallo");
  recorded = query_text (db, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (recorded, ==, "amina (command line: demo)");
  g_assert_finalize_object (db);

  cohort_database_set_default_actor (NULL);
  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_database_get_actor (db), ==, user);
  g_assert_finalize_object (db);

  cohort_test_remove_tree (dir);
}

/* The actor names a member of staff, not the trainee: anonymising scrubs the values of the
 * trainee's entries and keeps who made them. */
static void
test_anonymise_keeps_actor (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  cohort_database_set_actor (fixture->db, "amina (window)");
  id = save_person (fixture->db, "P-1", "Qwertyzuk");
  g_assert_true (cohort_store_anonymise_person (fixture->db, id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM audit_log "
                                            "WHERE changes LIKE '%Qwertyzuk%'"), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM audit_log "
                                            "WHERE table_name = 'person' "
                                            "AND actor <> 'amina (window)'"), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'anonymise'"), ==, 1);
}

/* A program other than Cohort that does not define cohort_actor() cannot write to an audited
 * table: no entry is written that names no one. */
static void
test_other_program_without_actor (CohortTestFixture *fixture,
                                  gconstpointer      user_data)
{
  sqlite3 *raw = NULL;
  char *errmsg = NULL;
  int rc;

  save_person (fixture->db, "P-1", "Diallo");

  g_assert_cmpint (sqlite3_open (fixture->path, &raw), ==, SQLITE_OK);
  rc = sqlite3_exec (raw, "UPDATE person SET family_name = 'Sow'", NULL, NULL, &errmsg);
  g_assert_cmpint (rc, !=, SQLITE_OK);
  g_assert_nonnull (strstr (errmsg, "cohort_actor"));
  sqlite3_free (errmsg);
  sqlite3_close (raw);

  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM person "
                                            "WHERE family_name = 'Diallo'"), ==, 1);
}

static void
check_migration (int from_version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cohort_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "cohort.db", NULL);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(CohortHistoryEntry) old_entry = NULL;
  g_autoptr(CohortHistoryEntry) new_entry = NULL;
  CohortDatabase *db;
  gint64 id;
  guint n;

  cohort_test_write_old_database (path, from_version);
  g_assert_cmpint (cohort_test_query_int64 (path, "PRAGMA user_version"), ==, from_version);
  g_assert_cmpint (cohort_test_query_int64 (path, "SELECT count(*) FROM "
                                                  "pragma_table_info('audit_log') "
                                                  "WHERE name = 'actor'"), ==, 0);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cohort_database_get_schema_version (db), ==,
                   cohort_database_get_latest_schema_version ());
  g_assert_cmpint (cohort_test_query_int64 (path, "SELECT count(*) FROM "
                                                  "pragma_table_info('audit_log') "
                                                  "WHERE name = 'actor'"), ==, 1);

  /* The entries written before say nobody: "Unknown". */
  g_assert_cmpint (cohort_test_query_int64 (path, "SELECT count(*) FROM audit_log"), >, 0);
  g_assert_cmpint (cohort_test_query_int64 (path, "SELECT count(*) FROM audit_log "
                                                  "WHERE actor <> ''"), ==, 0);
  id = cohort_test_query_int64 (path, "SELECT id FROM person WHERE code = 'P-0002'");
  history = cohort_history_list_person (db, id, &error);
  g_assert_no_error (error);
  n = g_list_model_get_n_items (history);
  g_assert_cmpuint (n, >, 0);
  old_entry = g_list_model_get_item (history, 0);
  g_assert_cmpstr (cohort_history_entry_get_actor (old_entry), ==, "");
  g_assert_cmpstr (cohort_history_entry_get_who (old_entry), ==, "Unknown");

  /* A change made now names who made it. */
  cohort_database_set_actor (db, "amina (window)");
  rename_person (db, id, "Changed");
  g_clear_object (&history);
  history = cohort_history_list_person (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, n + 1);
  new_entry = g_list_model_get_item (history, n);
  g_assert_cmpstr (cohort_history_entry_get_who (new_entry), ==, "amina (window)");

  g_assert_finalize_object (db);
  cohort_test_remove_tree (dir);
}

static void
test_migrate_from_v1 (void)
{
  check_migration (1);
}

static void
test_migrate_from_v3 (void)
{
  check_migration (3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/audit-actor/recorded", test_actor_recorded);
  g_test_add_func ("/cohort/audit-actor/default", test_default_actor);
  cohort_test_add ("/cohort/audit-actor/anonymise-keeps-actor", test_anonymise_keeps_actor);
  cohort_test_add ("/cohort/audit-actor/other-program", test_other_program_without_actor);
  g_test_add_func ("/cohort/audit-actor/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/cohort/audit-actor/migrate/from-v3", test_migrate_from_v3);

  return g_test_run ();
}
