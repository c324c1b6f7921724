/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include "cohort-test-utils.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/wait.h>

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
