/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-import-dialog"

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "cohort-database-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-import-dialog-private.h"
#include "cohort-test-utils.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window-exchange.h"
#include "cohort-window-private.h"

/* The window's Import dialog and Export: what a file would change is shown before anything is
 * written, importing writes all of it, a refused file or a cancel writes nothing, and an export
 * writes the list as the page shows it. */

/* Helpers */

static GFile *
shared_feed (const char *name)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", name, NULL);

  return g_file_new_for_path (path);
}

static void
wait_until_idle (CohortImportDialog *dialog)
{
  cohort_gui_test_drain_main_context ();
  while (cohort_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
}

/* A dialog on @name, shown, with a reference of ours to check that it is freed. */
static CohortImportDialog *
open_dialog (CohortDatabase *db,
             const char     *name)
{
  g_autoptr(GFile) file = shared_feed (name);
  CohortImportDialog *dialog;

  dialog = g_object_ref (cohort_import_dialog_new_for_file (NULL, db, file));
  gtk_window_present (GTK_WINDOW (dialog));
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (dialog));
  wait_until_idle (dialog);

  return dialog;
}

static void
close_dialog (CohortImportDialog *dialog)
{
  wait_until_idle (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);
}

typedef struct
{
  char *page;
  char *message;
} Imported;

static void
on_imported_cb (CohortImportDialog *dialog,
                const char         *page,
                const char         *message,
                Imported           *imported)
{
  g_assert_null (imported->page);
  imported->page = g_strdup (page);
  imported->message = g_strdup (message);
}

/* Tests */

/* The plan of a real catalogue: its counts, and a line for each record. */
static void
test_plan (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  CohortImportDialog *dialog = open_dialog (fixture->db, "ou-example.xml");
  CohortImportPlan *plan;
  GListModel *items;

  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "plan");
  plan = cohort_import_dialog_get_plan (dialog);
  g_assert_nonnull (plan);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 2);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 4);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_REJECTED), ==, 0);

  /* What the user reads: every new record counted, nothing else. */
  {
    guint n_new = cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_NEW);
    g_autofree char *expected = g_strdup_printf ("%u new, 0 updated, 0 unchanged, 0 rejected, ",
                                                 n_new);

    g_assert_cmpuint (n_new, >=, 6);
    g_assert_true (g_str_has_prefix (cohort_import_dialog_get_summary (dialog), expected));
  }

  /* One line for each record and warning, in a list view. */
  items = cohort_import_dialog_get_items (dialog);
  g_assert_true (GTK_IS_TREE_LIST_MODEL (items));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==,
                    cohort_import_plan_get_items (plan)->len +
                    cohort_import_plan_get_issues (plan)->len);

  /* Nothing is written by planning. */
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 0);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 0);

  close_dialog (dialog);
}

/* A large catalogue (326 courses, 748 runs, one of them rejected): every record counted and
 * listed, the rejected one first, expandable to its reason and line. */
static void
test_plan_large (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  CohortImportDialog *dialog = open_dialog (fixture->db, "adamsmith.xcricap.xml");
  CohortImportPlan *plan = cohort_import_dialog_get_plan (dialog);
  GListModel *items = cohort_import_dialog_get_items (dialog);
  g_autoptr(GtkTreeListRow) first = NULL;
  g_autoptr(GtkTreeListRow) reason = NULL;

  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "plan");
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 326);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 747);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==,
                    cohort_import_plan_get_items (plan)->len +
                    cohort_import_plan_get_issues (plan)->len);
  {
    g_autofree char *expected = g_strdup_printf ("%u new, 0 updated, 0 unchanged, 1 rejected, ",
                                                 cohort_import_plan_get_total (
                                                   plan, COHORT_IMPORT_OUTCOME_NEW));

    g_assert_true (g_str_has_prefix (cohort_import_dialog_get_summary (dialog), expected));
  }

  first = g_list_model_get_item (items, 0);
  g_assert_true (gtk_tree_list_row_is_expandable (first));
  gtk_tree_list_row_set_expanded (first, TRUE);
  reason = gtk_tree_list_row_get_child_row (first, 0);
  g_assert_nonnull (reason);

  close_dialog (dialog);
}

/* An updated record expands to its changes: field, old value, new value. */
static void
test_plan_changes (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortImportDialog *dialog;
  GListModel *items;
  gboolean found = FALSE;

  dialog = open_dialog (fixture->db, "ou-example.xml");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  g_assert_true (cohort_import_dialog_is_busy (dialog));
  while (cohort_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);

  cohort_test_exec_sql (fixture->path, "UPDATE course SET title = 'Old title' "
                                       "WHERE id = (SELECT MIN(id) FROM course)");
  dialog = open_dialog (fixture->db, "ou-example.xml");
  g_assert_cmpuint (cohort_import_plan_get_total (cohort_import_dialog_get_plan (dialog),
                                                  COHORT_IMPORT_OUTCOME_UPDATED), ==, 1);

  items = cohort_import_dialog_get_items (dialog);
  for (guint i = 0; i < g_list_model_get_n_items (items) && !found; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (items, i);

      if (!gtk_tree_list_row_is_expandable (row))
        continue;

      gtk_tree_list_row_set_expanded (row, TRUE);
      {
        g_autoptr(GtkTreeListRow) child = gtk_tree_list_row_get_child_row (row, 0);

        g_assert_nonnull (child);
        g_assert_cmpuint (gtk_tree_list_row_get_depth (child), ==, 1);
        found = TRUE;
      }
    }
  g_assert_true (found);

  close_dialog (dialog);
}

/* Import writes the courses, says what it imported, and where to see it. */
static void
test_commit (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  CohortImportDialog *dialog = open_dialog (fixture->db, "ou-example.xml");
  Imported imported = { NULL, NULL };

  g_signal_connect (dialog, "imported", G_CALLBACK (on_imported_cb), &imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));

  /* The dialog closes when the import is done. */
  while (imported.page == NULL)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);

  g_assert_cmpstr (imported.page, ==, "courses");
  g_assert_nonnull (strstr (imported.message, "2 courses"));
  g_assert_nonnull (strstr (imported.message, "4 course runs"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 2);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course_run"), ==, 4);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);

  /* The same file again: nothing to import, and Import does nothing. */
  dialog = open_dialog (fixture->db, "ou-example.xml");
  g_assert_false (cohort_import_plan_has_changes (cohort_import_dialog_get_plan (dialog)));
  g_assert_true (g_str_has_prefix (cohort_import_dialog_get_summary (dialog),
                                   "0 new, 0 updated, "));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  g_assert_false (cohort_import_dialog_is_busy (dialog));
  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "plan");
  close_dialog (dialog);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);

  g_free (imported.page);
  g_free (imported.message);
}

/* A file that is not well-formed is refused with where and what, and changes nothing. */
static void
test_not_well_formed (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
  g_autofree char *after = NULL;
  CohortImportDialog *dialog = open_dialog (fixture->db, "controllers-xcri.xml");

  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "error");
  g_assert_nonnull (strstr (cohort_import_dialog_get_error_text (dialog),
                            "controllers-xcri.xml:121:51: "));
  g_assert_null (cohort_import_dialog_get_plan (dialog));

  /* There is nothing to import: Import does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  g_assert_false (cohort_import_dialog_is_busy (dialog));
  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "error");

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);

  close_dialog (dialog);
}

/* Cancel (or Escape) before importing closes the dialog and writes nothing. */
static void
test_cancel (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
  g_autofree char *after = NULL;
  CohortImportDialog *dialog = open_dialog (fixture->db, "ou-example.xml");

  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "plan");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 0);
}

/* Cancel while importing: the import stops, the plan is shown again and nothing is written.
 * Another connection holds the database while Cancel is pressed, so the import is sure to be
 * running then. */
static void
test_cancel_commit (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
  g_autofree char *after = NULL;
  CohortImportDialog *dialog = open_dialog (fixture->db, "ou-example.xml");
  sqlite3 *other = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  g_assert_true (cohort_import_dialog_is_busy (dialog));
  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "working");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));

  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);

  while (cohort_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();

  /* Still open, on the plan, with nothing written. */
  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "plan");
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 0);

  close_dialog (dialog);
}

/* Window tests */

static CohortImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (COHORT_IS_IMPORT_DIALOG (toplevel))
        return COHORT_IMPORT_DIALOG (toplevel);
    }

  return NULL;
}

/* Import (Ctrl+I) opens the dialog, which asks for a file. */
static void
test_window_import_action (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "trainees");
  CohortImportDialog *dialog;

  g_assert_null (find_import_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  cohort_gui_test_drain_main_context ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "choose");

  g_object_ref (dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);

  cohort_gui_test_close_window (window);
}

static void
on_result_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

/* Importing from the window: its lists show what was imported, and the toast's button goes
 * to them. */
static void
test_window_import (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "trainees");
  g_autoptr(GFile) file = shared_feed ("ou-example.xml");
  CohortImportDialog *dialog = g_object_ref (cohort_window_import_file (window, file));

  gtk_window_present (GTK_WINDOW (dialog));
  wait_until_idle (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL));
  g_assert_true (cohort_import_dialog_is_busy (dialog));
  while (cohort_import_dialog_is_busy (dialog))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (dialog);

  /* The toast's button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "courses"));
  g_assert_cmpstr (cohort_gui_test_window_visible_page (window), ==, "courses");
  cohort_gui_test_wait_until_loaded (window);

  /* The Courses page exports the catalogue as XCRI-CAP and the runs as IMS Enterprise. */
  {
    g_autofree char *xcri_path = g_build_filename (fixture->dir, "catalogue.xml", NULL);
    g_autofree char *ims_path = g_build_filename (fixture->dir, "enrolments.xml", NULL);
    g_autoptr(GFile) xcri = g_file_new_for_path (xcri_path);
    g_autoptr(GFile) ims = g_file_new_for_path (ims_path);
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;

    cohort_window_export_async (window, COHORT_EXPORT_CATALOGUE_XCRI, xcri, NULL,
                                on_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (cohort_window_export_finish (window, result, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (xcri_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "http://xcri.org/profiles/1.2/catalog"));
    g_assert_nonnull (strstr (contents, "http://data.open.ac.uk/course/a174"));
    g_clear_object (&result);
    g_clear_pointer (&contents, g_free);

    cohort_window_export_async (window, COHORT_EXPORT_ENROLMENTS_IMS, ims, NULL,
                                on_result_cb, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (cohort_window_export_finish (window, result, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (ims_path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<enterprise"));
    g_assert_nonnull (strstr (contents, "A1742011E"));
  }

  cohort_gui_test_close_window (window);
}

/* A file dropped on the window opens the dialog on it. */
static void
test_window_drop (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "trainees");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_autoptr(GFile) file = shared_feed ("ou-example.xml");
  GtkDropTarget *target = NULL;
  CohortImportDialog *dialog;
  GValue value = G_VALUE_INIT;
  GSList *files = NULL;
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && target == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (files);
  g_assert_true (handled);

  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_object_ref (dialog);
  wait_until_idle (dialog);
  g_assert_cmpstr (cohort_import_dialog_get_visible_state (dialog), ==, "plan");
  g_assert_cmpuint (cohort_import_plan_get_count (cohort_import_dialog_get_plan (dialog),
                                                  COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 2);
  close_dialog (dialog);

  cohort_gui_test_close_window (window);
}

static void
on_export_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;
  guint rows = 0;

  if (cohort_window_export_finish (COHORT_WINDOW (source_object), result, &rows, error))
    g_assert_cmpuint (rows, ==, 1);
  else
    g_assert_nonnull (*error);
  g_object_set_data (G_OBJECT (source_object), "test-export-done", GINT_TO_POINTER (1));
}

/* Export writes the Trainees page's list as it shows it: only those the search matches. */
static void
test_export_search (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  CohortWindow *window;
  CohortTraineesPage *page;
  GtkEditable *search;
  g_autofree char *path = g_build_filename (fixture->dir, "trainees.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_auto(GStrv) row = NULL;
  int family_column = -1;

  cohort_gui_test_exec_sql (fixture->db,
                            "INSERT INTO programme (id, code, name, created_at, updated_at) "
                            "VALUES (1, 'PC', 'Primary Course', :now, :now)");
  cohort_gui_test_exec_sql (fixture->db,
                            "INSERT INTO course (id, code, title, programme_id, created_at, "
                            "updated_at) VALUES (1, 'C1', 'Peacebuilding', 1, :now, :now)");
  cohort_gui_test_exec_sql (fixture->db,
                            "INSERT INTO course_run (id, course_id, code, created_at, "
                            "updated_at) VALUES (1, 1, 'R1', :now, :now)");
  cohort_gui_test_exec_sql (fixture->db,
                            "INSERT INTO person (id, code, family_name, given_name, gender, "
                            "nationality, created_at, updated_at) VALUES "
                            "(1, 'P-001', 'Tanaka', 'Aiko', 'female', 'JP', :now, :now), "
                            "(2, 'P-002', 'Okafor', 'Chinedu', 'male', 'NG', :now, :now), "
                            "(3, 'P-003', 'Silva', 'Maria', 'female', 'BR', :now, :now)");
  cohort_gui_test_exec_sql (fixture->db,
                            "INSERT INTO enrolment (person_id, run_id, status, created_at, "
                            "updated_at) VALUES (1, 1, 'enrolled', :now, :now), "
                            "(2, 1, 'enrolled', :now, :now), (3, 1, 'enrolled', :now, :now)");

  window = cohort_gui_test_open_window (fixture->db, "trainees");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  page = COHORT_TRAINEES_PAGE (adw_bin_get_child (ADW_BIN (
    gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW, "trainees_bin"))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cohort_trainees_page_get_model (
                                                page))), ==, 3);

  /* Typing in the page's search entry. */
  search = GTK_EDITABLE (cohort_gui_test_page_child (page, "search_entry"));
  gtk_editable_set_text (search, "tana");
  while (g_strcmp0 (cohort_query_model_get_search (cohort_trainees_page_get_model (page)),
                    "tana") != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_loaded (window);

  cohort_window_export_async (window, COHORT_EXPORT_LIST_CSV, file, NULL, on_export_cb, &error);
  while (g_object_get_data (G_OBJECT (window), "test-export-done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);

  /* A header and one row: Tanaka's. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  if (g_strv_length (lines) < 2)
    {
      g_strfreev (lines);
      lines = g_strsplit (contents, "\n", -1);
    }
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  header = g_strsplit (lines[0], ",", -1);
  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], "family_name") == 0)
      family_column = (int) i;
  g_assert_cmpint (family_column, >=, 0);
  row = g_strsplit (lines[1], ",", -1);
  g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (header));
  g_assert_cmpstr (row[family_column], ==, "Tanaka");

  cohort_gui_test_close_window (window);
}

static void
on_export_refused_cb (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (cohort_window_export_finish (COHORT_WINDOW (source_object), result, NULL,
                                               error));
  g_assert_nonnull (*error);
}

/* Export is for list pages; the XCRI-CAP and IMS Enterprise exports for the Courses page.  A
 * button for each action shows whether it can be used. */
static void
test_export_actions (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  GObject *view_stack = gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW,
                                                       "view_stack");
  GObject *menu_button = gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW,
                                                        "primary_menu_button");
  GtkWidget *header_bar = gtk_widget_get_ancestor (GTK_WIDGET (menu_button), ADW_TYPE_HEADER_BAR);
  GtkWidget *export_button = gtk_button_new ();
  GtkWidget *xcri_button = gtk_button_new ();
  g_autofree char *path = g_build_filename (fixture->dir, "overview.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (export_button), "win.export");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (xcri_button), "win.export-xcri");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), export_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header_bar), xcri_button);
  cohort_gui_test_drain_main_context ();

  /* The Overview has no list. */
  g_assert_false (gtk_widget_get_sensitive (export_button));
  g_assert_false (gtk_widget_get_sensitive (xcri_button));
  cohort_window_export_async (window, COHORT_EXPORT_LIST_CSV, file, NULL, on_export_refused_cb,
                              &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (g_file_query_exists (file, NULL));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "trainees");
  cohort_gui_test_wait_until_loaded (window);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_false (gtk_widget_get_sensitive (xcri_button));

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "courses");
  cohort_gui_test_wait_until_loaded (window);
  g_assert_true (gtk_widget_get_sensitive (export_button));
  g_assert_true (gtk_widget_get_sensitive (xcri_button));

  /* The toast's button after an import. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "trainees"));
  cohort_gui_test_wait_until_loaded (window);
  g_assert_cmpstr (cohort_gui_test_window_visible_page (window), ==, "trainees");

  cohort_gui_test_close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/import-dialog/plan", test_plan);
  cohort_test_add ("/cohort/import-dialog/plan-large", test_plan_large);
  cohort_test_add ("/cohort/import-dialog/plan-changes", test_plan_changes);
  cohort_test_add ("/cohort/import-dialog/commit", test_commit);
  cohort_test_add ("/cohort/import-dialog/not-well-formed", test_not_well_formed);
  cohort_test_add ("/cohort/import-dialog/cancel", test_cancel);
  cohort_test_add ("/cohort/import-dialog/cancel-commit", test_cancel_commit);
  cohort_test_add ("/cohort/import-dialog/window-import", test_window_import);
  cohort_test_add ("/cohort/import-dialog/window-import-action", test_window_import_action);
  cohort_test_add ("/cohort/import-dialog/window-drop", test_window_drop);
  cohort_test_add ("/cohort/export/trainees-search", test_export_search);
  cohort_test_add ("/cohort/export/actions", test_export_actions);

  return g_test_run ();
}
