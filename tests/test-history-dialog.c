/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <string.h>

#include "cohort-gui-test-utils.h"
#include "cohort-history-dialog.h"
#include "cohort-history.h"
#include "cohort-person-editor.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* The person editor's privacy menu: the History window lists a change in words; anonymising
 * and erasing ask first, then do it; none of it is offered for a person not yet saved. */

static CohortPerson *
add_person (CohortDatabase *db)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  cohort_person_set_code (person, "P-0100");
  cohort_person_set_family_name (person, "Tanaka");
  cohort_person_set_given_name (person, "Hanako");
  cohort_person_set_family_name_local (person, "田中");
  cohort_person_set_given_name_local (person, "花子");
  ok = cohort_store_save (db, COHORT_RECORD (person), &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  cohort_person_set_family_name (person, "Suzuki");
  cohort_person_set_given_name_local (person, "ليلى");
  ok = cohort_store_save (db, COHORT_RECORD (person), &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  return g_steal_pointer (&person);
}

static CohortPersonEditor *
show_editor (GtkWindow      *window,
             CohortDatabase *db,
             CohortPerson   *person)
{
  GtkWidget *editor = g_object_ref_sink (cohort_person_editor_new ());

  cohort_person_editor_set_database (COHORT_PERSON_EDITOR (editor), db);
  cohort_person_editor_set_person (COHORT_PERSON_EDITOR (editor), person);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  cohort_gui_test_wait_until_mapped (editor);

  return COHORT_PERSON_EDITOR (editor);
}

/* Closes the window of cohort_gui_test_new_window() and asserts that it and @editor are
 * freed. */
static void
close_editor (GtkWindow          *window,
              CohortPersonEditor *editor)
{
  gtk_window_destroy (window);
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (window);
  cohort_gui_test_assert_finalized (editor);
}

/* The toplevel of @type that is showing, or NULL. */
static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

/* Activates @action of @editor and returns the question it asks. */
static AdwMessageDialog *
ask (CohortPersonEditor *editor,
     const char         *action)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);

  return ADW_MESSAGE_DIALOG (dialog);
}

/* Gives @response to @dialog and closes it. */
static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0 &&
      gtk_widget_get_mapped (widget))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static void
save_snapshot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("COHORT_TEST_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  /* Only when asked: a picture of the window, to look at. */
  if (dir == NULL)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node, NULL);
  path = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
test_history_lists_change (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db);
  GtkWindow *window = cohort_gui_test_new_window ();
  CohortPersonEditor *editor = show_editor (window, fixture->db, person);
  CohortHistoryDialog *dialog;
  g_autoptr(CohortHistoryEntry) change = NULL;
  GListModel *model;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.show-history", NULL));
  dialog = COHORT_HISTORY_DIALOG (find_toplevel (COHORT_TYPE_HISTORY_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window);

  model = cohort_history_dialog_get_model (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  change = g_list_model_get_item (model, 1);
  g_assert_cmpstr (cohort_history_entry_get_action (change), ==, "update");

  /* What a person sees: the change in words, with the old and new values. */
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (dialog));
  cohort_gui_test_drain_main_context ();
  g_assert_true (has_label (GTK_WIDGET (dialog), "Personal details changed"));
  g_assert_true (has_label (GTK_WIDGET (dialog),
                            "Family name: Tanaka → Suzuki\n"
                            "Given name in own script: 花子 → ليلى"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Personal details created"));
  save_snapshot (GTK_WIDGET (dialog), "history-dialog.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_editor (window, editor);
}

/* Each entry says who made the change: the actor of the connection that wrote it, or
 * "Unknown" for an entry written before the log recorded it. */
static void
test_history_shows_who (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortHistoryEntry) change = NULL;
  GtkWindow *window;
  CohortPersonEditor *editor;
  CohortHistoryDialog *dialog;

  cohort_database_set_actor (fixture->db, "amina (window)");
  person = add_person (fixture->db);
  /* As a database upgraded from before the log recorded who: the first entry names no one. */
  cohort_test_exec_sql (fixture->path, "UPDATE audit_log SET actor = '' "
                                       "WHERE id = (SELECT min(id) FROM audit_log)");

  window = cohort_gui_test_new_window ();
  editor = show_editor (window, fixture->db, person);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "person.show-history", NULL));
  dialog = COHORT_HISTORY_DIALOG (find_toplevel (COHORT_TYPE_HISTORY_DIALOG));
  g_assert_nonnull (dialog);

  change = g_list_model_get_item (cohort_history_dialog_get_model (dialog), 1);
  g_assert_cmpstr (cohort_history_entry_get_actor (change), ==, "amina (window)");

  cohort_gui_test_wait_until_mapped (GTK_WIDGET (dialog));
  cohort_gui_test_drain_main_context ();
  g_assert_true (has_label (GTK_WIDGET (dialog), "amina (window)"));
  g_assert_true (has_label (GTK_WIDGET (dialog), "Unknown"));
  save_snapshot (GTK_WIDGET (dialog), "history-dialog-who.png");

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_editor (window, editor);
}

static void
test_new_person_has_no_actions (CohortTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  GtkWindow *window = cohort_gui_test_new_window ();
  CohortPersonEditor *editor = show_editor (window, fixture->db, person);

  gtk_widget_activate_action (GTK_WIDGET (editor), "person.show-history", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "person.erase", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "person.anonymise", NULL);
  gtk_widget_activate_action (GTK_WIDGET (editor), "person.export-data", NULL);
  cohort_gui_test_drain_main_context ();
  g_assert_null (find_toplevel (COHORT_TYPE_HISTORY_DIALOG));
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_editor (window, editor);
}

static void
test_anonymise_asks_first (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db);
  GtkWindow *window = cohort_gui_test_new_window ();
  CohortPersonEditor *editor = show_editor (window, fixture->db, person);
  AdwMessageDialog *dialog;
  CohortPerson *shown;

  dialog = ask (editor, "person.anonymise");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Anonymise P-0100?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "anonymise"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);

  /* Cancelling changes nothing. */
  answer (dialog, "cancel");
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person "
                                            "WHERE family_name = 'Suzuki'"), ==, 1);

  answer (ask (editor, "person.anonymise"), "anonymise");

  shown = cohort_person_editor_get_person (editor);
  g_assert_nonnull (shown);
  g_assert_nonnull (cohort_person_get_anonymised_at (shown));
  g_assert_null (cohort_person_get_family_name (shown));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person "
                                            "WHERE family_name IS NOT NULL"), ==, 0);
  /* Anonymised once is anonymised for good: not offered again. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "person.anonymise", NULL);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  close_editor (window, editor);
}

static void
test_erase_states_what_goes (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db);
  GtkWindow *window = cohort_gui_test_new_window ();
  CohortPersonEditor *editor = show_editor (window, fixture->db, person);
  AdwMessageDialog *dialog;

  dialog = ask (editor, "person.erase");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Erase P-0100?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "the values in 2 history entries"));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "erase"), ==,
                   ADW_RESPONSE_DESTRUCTIVE);
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (dialog));
  cohort_gui_test_drain_main_context ();
  save_snapshot (GTK_WIDGET (dialog), "erase-dialog.png");

  answer (dialog, "erase");

  g_assert_null (cohort_person_editor_get_person (editor));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person"), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM audit_log "
                                            "WHERE action = 'erase'"), ==, 1);

  close_editor (window, editor);
}

/* Whether the bytes of the file at @path hold @needle anywhere. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  gsize n = strlen (needle);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* Erasing reaches the backups: the copy made before no longer holds the name, and a copy
 * from an older Cohort, which is left as it was, is named in a message. */
static void
test_erase_reaches_backups (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(CohortPerson) person = add_person (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = cohort_database_make_backup (fixture->db, "import", &error);
  g_autofree char *folder = cohort_database_dup_backups_folder (fixture->db);
  g_autofree char *v1 = g_test_build_filename (G_TEST_DIST, "data", "cohort-v1.db", NULL);
  g_autofree char *old = g_build_filename (folder, "cohort.db.v1-20240101T000000.000.bak", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GtkWindow *window;
  CohortPersonEditor *editor;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (v1, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (old, contents, (gssize) length, NULL));
  g_assert_true (file_contains (backup, "Suzuki"));

  window = cohort_gui_test_new_window ();
  editor = show_editor (window, fixture->db, person);
  answer (ask (editor, "person.erase"), "erase");

  g_assert_false (file_contains (backup, "Suzuki"));
  g_assert_false (file_contains (backup, "Tanaka"));

  dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "A Backup Still Holds the Person");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "cohort.db.v1-20240101T000000.000.bak"));
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (dialog));
  cohort_gui_test_drain_main_context ();
  save_snapshot (GTK_WIDGET (dialog), "erase-backups-dialog.png");
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_editor (window, editor);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/history-dialog/lists-change", test_history_lists_change);
  cohort_test_add ("/cohort/history-dialog/shows-who", test_history_shows_who);
  cohort_test_add ("/cohort/history-dialog/new-person", test_new_person_has_no_actions);
  cohort_test_add ("/cohort/history-dialog/anonymise", test_anonymise_asks_first);
  cohort_test_add ("/cohort/history-dialog/erase", test_erase_states_what_goes);
  cohort_test_add ("/cohort/history-dialog/erase-backups", test_erase_reaches_backups);

  return g_test_run ();
}
