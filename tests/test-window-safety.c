/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-window-safety"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cohort-database-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-test-utils.h"
#include "cohort-window-private.h"
#include "cohort-window-safety.h"

/* The window keeps the data safe: Make Private, a file moved away, Restore a Backup. */

static void
test_make_private (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortWindow *window;
  GtkInfoBar *bar;
  GStatBuf st;

  /* A private database shows no bar. */
  window = cohort_gui_test_open_window (fixture->db, "overview");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (cohort_window_get_privacy_bar (window))));
  cohort_gui_test_close_window (window);

  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  window = cohort_gui_test_open_window (fixture->db, "overview");
  bar = cohort_window_get_privacy_bar (window);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));

  /* Its button makes the file private and the bar goes. */
  gtk_info_bar_response (bar, GTK_RESPONSE_ACCEPT);
  cohort_gui_test_drain_main_context ();
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  cohort_gui_test_close_window (window);
}

static void
test_file_lost (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.db", NULL);
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  GtkInfoBar *bar = cohort_window_get_file_lost_bar (window);

  cohort_database_check_external_changes (fixture->db);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));

  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  cohort_database_check_external_changes (fixture->db);
  cohort_gui_test_drain_main_context ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));

  cohort_gui_test_close_window (window);
  g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);
}

static void
test_restore (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (copy);
  g_autofree char *backups = NULL;
  CohortWindow *window;
  AdwMessageDialog *dialog;
  const char *body;

  cohort_gui_test_insert_person (fixture->db, "P-1");
  cohort_database_backup_to (fixture->db, copy, &error);
  g_assert_no_error (error);
  cohort_gui_test_insert_person (fixture->db, "P-2");
  cohort_gui_test_insert_person (fixture->db, "P-3");

  window = cohort_gui_test_open_window (fixture->db, "overview");
  g_assert_cmpstr (gtk_label_get_text (cohort_window_get_count_label (window, "person")), ==,
                   "3");

  /* The question says what is replaced by what. */
  dialog = cohort_window_restore_dialog_new (window, file);
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("%s", body);
  g_assert_nonnull (strstr (body, "all 3 people"));
  g_assert_nonnull (strstr (body, "“cohort.db”"));
  g_assert_nonnull (strstr (body, "the 1 person"));
  g_assert_nonnull (strstr (body, "“copy.db”"));
  g_assert_nonnull (strstr (body, "kept as a backup first"));
  g_assert_cmpstr (adw_message_dialog_get_close_response (dialog), ==, "cancel");

  /* Cancel changes nothing. */
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (dialog, "cancel");
  cohort_gui_test_drain_main_context ();
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 3);

  dialog = cohort_window_restore_dialog_new (window, file);
  gtk_window_present (GTK_WINDOW (dialog));
  adw_message_dialog_response (dialog, "restore");
  cohort_gui_test_wait_until_loaded (window);

  /* Restored, the pages refreshed, and the data it replaced kept. */
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (cohort_window_get_count_label (window, "person")), ==,
                   "1");
  backups = cohort_database_dup_backups_folder (fixture->db);
  g_assert_true (g_file_test (backups, G_FILE_TEST_IS_DIR));

  cohort_gui_test_close_window (window);
}

static void
test_restore_refused (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (text);
  CohortWindow *window;
  AdwMessageDialog *dialog;

  cohort_gui_test_insert_person (fixture->db, "P-1");
  g_assert_true (g_file_set_contents (text, "Not a database at all", -1, &error));
  g_assert_no_error (error);

  window = cohort_gui_test_open_window (fixture->db, "overview");
  dialog = cohort_window_restore_dialog_new (window, file);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "This File Cannot Be Restored");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a Cohort database"));
  g_assert_false (adw_message_dialog_has_response (dialog, "restore"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 1);

  cohort_gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/window/safety/make-private", test_make_private);
  cohort_test_add ("/cohort/window/safety/file-lost", test_file_lost);
  cohort_test_add ("/cohort/window/safety/restore", test_restore);
  cohort_test_add ("/cohort/window/safety/restore-refused", test_restore_refused);

  return g_test_run ();
}
