/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-test-utils.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include "cohort-database-private.h"
#include "cohort-statistics.h"
#include "cohort-store.h"

char *
cohort_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cohort-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
cohort_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          cohort_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

void
cohort_test_fixture_set_up (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = cohort_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "cohort.db", NULL);
  fixture->db = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->db);
}

void
cohort_test_fixture_tear_down (CohortTestFixture *fixture,
                               gconstpointer      user_data)
{
  g_assert_finalize_object (fixture->db);
  cohort_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* The files in @folder whose name starts with @prefix and ends with @suffix (%NULL: any end);
 * 0 when there is no such folder. */
guint
cohort_test_count_files (const char *folder,
                         const char *prefix,
                         const char *suffix)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && (suffix == NULL || g_str_has_suffix (name, suffix)))
      n++;

  return n;
}

/**
 * cohort_test_dup_shared_data:
 *
 * Returns: (transfer full): a path under the project's shared third-party data
 *   (`../shared/data/` beside the checkout), e.g. ("xml", "feeds", "ou-example.xml").
 */
char *
cohort_test_dup_shared_data (const char *first_element,
                             ...)
{
  const char *root = g_getenv ("COHORT_SHARED_DATA");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *element;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) element);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

/**
 * cohort_test_run_cohort:
 * @args: the arguments after `cohort [--database PATH]`
 * @database: (nullable): passed as `--database`
 *
 * Runs the built `cohort` executable ($COHORT_EXE) and collects what it printed.
 */
gboolean
cohort_test_run_cohort (const char * const  *args,
                        const char          *database,
                        char               **out_stdout,
                        char               **out_stderr,
                        int                 *out_exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *exe = g_getenv ("COHORT_EXE");
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (gpointer) exe);
  if (database != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--database");
      g_ptr_array_add (argv, (gpointer) database);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                out_stdout, out_stderr, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    *out_exit_status = WEXITSTATUS (wait_status);
  else
    *out_exit_status = -1;

  return TRUE;
}

void
cohort_test_dir_fixture_set_up (CohortTestDirFixture *fixture,
                                gconstpointer         user_data)
{
  fixture->dir = cohort_test_make_tmp_dir ();
  fixture->path = g_build_filename (fixture->dir, "cohort.db", NULL);
}

void
cohort_test_dir_fixture_tear_down (CohortTestDirFixture *fixture,
                                   gconstpointer         user_data)
{
  cohort_test_remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

void
cohort_test_result_clear (CohortTestResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

/* Runs `cohort [--database DATABASE] ARGS…` into @result. */
void
cohort_test_run (CohortTestResult *result,
                 const char       *database,
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

  cohort_test_result_clear (result);
  g_assert_true (cohort_test_run_cohort ((const char * const *) args->pdata, database,
                                         &result->out, &result->err, &result->status));
  g_test_message ("status %d\nstdout:\n%s\nstderr:\n%s", result->status, result->out,
                  result->err);
}

/* A checksum of every row of every table, read through a connection of its own. */
char *
cohort_test_dup_database_checksum (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                           "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >, 10);

  for (guint i = 0; i < tables->len; i++)
    {
      /* Test code: the table names come from the database itself. */
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"",
                                              (char *) g_ptr_array_index (tables, i));

      g_checksum_update (checksum, g_ptr_array_index (tables, i), -1);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const unsigned char *text = sqlite3_column_text (stmt, c);

            g_checksum_update (checksum, text ? text : (const guchar *) "\x01NULL", -1);
            g_checksum_update (checksum, (const guchar *) "\x02", 1);
          }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_strdup (g_checksum_get_string (checksum));
}

/* The first column of the first row of @sql, read through a connection of its own. */
gint64
cohort_test_query_int64 (const char *path,
                         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

/* The number of rows of @table (deleted ones too), read through a connection of its own. */
gint64
cohort_test_count_rows (const char *path,
                        const char *table)
{
  /* Test code: @table is one of the schema's names, written in the test. */
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);

  return cohort_test_query_int64 (path, sql);
}

/* cohort_statistics_count_tables() of the existing database at @path. */
GArray *
cohort_test_count_tables (const char *path)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  GArray *counts;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  counts = cohort_statistics_count_tables (db, &error);
  g_assert_no_error (error);

  return counts;
}

/* The live rows of @table in @counts, from cohort_test_count_tables(). */
gint64
cohort_test_live_count (GArray     *counts,
                        const char *table)
{
  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);

      if (strcmp (count->table, table) == 0)
        return count->live;
    }

  g_assert_not_reached ();
}

CohortReport *
cohort_test_compute_report (CohortDatabase *db,
                            const char     *programme,
                            int             from,
                            int             to,
                            const char     *today)
{
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autoptr(GError) error = NULL;
  CohortReport *report;

  filter->programme_code = g_strdup (programme);
  filter->from_year = from;
  filter->to_year = to;
  filter->today = g_strdup (today);

  report = cohort_report_compute (db, filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_false (cohort_database_in_transaction (db));

  return report;
}

/* The same, on the database at @path opened read-only. */
CohortReport *
cohort_test_compute_report_at_path (const char *path,
                                    const char *programme,
                                    int         from,
                                    int         to,
                                    const char *today)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);

  return cohort_test_compute_report (db, programme, from, to, today);
}

/* Saves @record (a CohortRecord), asserting that it is saved; returns its id. */
gint64
cohort_test_save (CohortDatabase *db,
                  gpointer        record)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = cohort_store_save (db, COHORT_RECORD (record), &error);

  g_assert_no_error (error);
  g_assert_true (ok);

  return cohort_record_get_id (COHORT_RECORD (record));
}

/* Points COHORT_XSD_DIR at the schemas of the source tree, not an installed copy. */
void
cohort_test_use_source_schemas (void)
{
  const char *source_root = g_getenv ("COHORT_SOURCE_ROOT");

  if (source_root != NULL)
    {
      g_autofree char *xsd_dir = g_build_filename (source_root, "data", "xsd", NULL);

      g_setenv ("COHORT_XSD_DIR", xsd_dir, TRUE);
    }
}

/* What the audit log records as who wrote through a connection other than Cohort's. */
static void
other_program_actor (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  sqlite3_result_text (context, "another program", -1, SQLITE_STATIC);
}

/* Runs @sql on the database at @path through a connection of its own, behind Cohort's back
 * (defining cohort_actor(), which the audit triggers call, as a program would have to). */
void
cohort_test_exec_sql (const char *path,
                      const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "cohort_actor", 0, SQLITE_UTF8, NULL,
                                            other_program_actor, NULL, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", sql, errmsg);
  sqlite3_close (db);
}

static char *
run_pdf_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  /* poppler-utils is one of the test packages (build-aux/deps): missing, the test fails */
  if (program == NULL)
    g_error ("%s is missing: install poppler-utils", argv[0]);

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);

  return g_steal_pointer (&out);
}

guint
cohort_test_pdf_count_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = run_pdf_tool (argv);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);

  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* The text of each page: pdftotext ends every page with a form feed. */
char **
cohort_test_pdf_dup_pages (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *text = run_pdf_tool (argv);

  return g_strsplit (text, "\f", -1);
}

/* @text without white space and without the marks of direction that pdftotext puts around
 * right-to-left text. */
static GString *
flatten_text (const char *text)
{
  GString *flat = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || (c >= 0x202A && c <= 0x202E) || c == 0x200E || c == 0x200F ||
          (c >= 0x2066 && c <= 0x2069))
        continue;
      g_string_append_unichar (flat, c);
    }

  return flat;
}

gboolean
cohort_test_text_contains (const char *text,
                           const char *phrase)
{
  g_autoptr(GString) flat = flatten_text (text);
  g_autoptr(GString) flat_phrase = flatten_text (phrase);

  return strstr (flat->str, flat_phrase->str) != NULL;
}

/* Copies the version-1 fixture to @path, and upgrades it to @to_version with the migrations' own
 * SQL when not 1, as an older Cohort would have left it. */
void
cohort_test_write_old_database (const char *path,
                                int         to_version)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "data", "cohort-v1.db", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (fixture, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, contents, (gssize) length, &error);
  g_assert_no_error (error);

  for (int version = 2; version <= to_version; version++)
    {
      g_autofree char *prefix = g_strdup_printf ("%03d-", version);
      g_auto(GStrv) names = g_resources_enumerate_children (RESOURCE_BASE "/sql/",
                                                            G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                            &error);
      gboolean found = FALSE;

      g_assert_no_error (error);
      for (guint i = 0; names[i] != NULL; i++)
        if (g_str_has_prefix (names[i], prefix))
          {
            g_autofree char *resource = g_strconcat (RESOURCE_BASE "/sql/", names[i], NULL);
            g_autoptr(GBytes) bytes = g_resources_lookup_data (resource,
                                                               G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                               &error);
            g_autofree char *sql = NULL;

            g_assert_no_error (error);
            sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
            cohort_test_exec_sql (path, sql);
            found = TRUE;
          }
      g_assert_true (found);
    }
}

/* The integer in the first column of the first row of @sql, read through @db's own connection
 * (inside its transaction, if one is open). */
gint64
cohort_test_db_query_int64 (CohortDatabase *db,
                            const char     *sql)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);
  gboolean has_row = FALSE;
  gint64 value;

  g_assert_no_error (error);
  g_assert_true (cohort_statement_step (stmt, &has_row, &error));
  g_assert_no_error (error);
  g_assert_true (has_row);
  value = cohort_statement_get_int64 (stmt, 0);
  cohort_statement_reset (stmt);

  return value;
}
