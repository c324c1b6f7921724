/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-database-actions"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cohort-application.h"
#include "cohort-database-actions.h"
#include "cohort-demo.h"
#include "cohort-gui-test-utils.h"
#include "cohort-statistics.h"
#include "cohort-test-utils.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window-private.h"

/* Helpers */

/* A registered application, as after startup: its actions are there, and windows can join it.
 * Not unique, so that no other Cohort (or D-Bus) takes the requests. */
static CohortApplication *
new_application (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  CohortApplication *app;

  g_settings_reset (settings, "last-database");

  app = g_object_new (COHORT_TYPE_APPLICATION,
                      "application-id", APP_ID,
                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                      "resource-base-path", RESOURCE_BASE,
                      NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  return app;
}

static GtkWidget *
window_child (CohortWindow *window,
              const char   *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static CohortTraineesPage *
trainees_page (CohortWindow *window)
{
  return COHORT_TRAINEES_PAGE (adw_bin_get_child (ADW_BIN (window_child (window,
                                                                          "trainees_bin"))));
}

static void
wait_until_loaded (CohortWindow *window)
{
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (window));
  while (cohort_window_is_loading (window) ||
         cohort_trainees_page_is_busy (trainees_page (window)))
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_drain_main_context ();
}

static guint
n_trainees_listed (CohortWindow *window)
{
  wait_until_loaded (window);

  return g_list_model_get_n_items (G_LIST_MODEL (cohort_trainees_page_get_model (
                                                   trainees_page (window))));
}

/* The one window of the application; there is exactly one. */
static CohortWindow *
only_window (CohortApplication *app)
{
  CohortWindow *found = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (COHORT_IS_WINDOW (l->data))
      {
        g_assert_null (found);
        found = l->data;
      }

  g_assert_nonnull (found);
  return found;
}

/* The Load Demo Data button of the Trainees page's empty state. */
static GtkWidget *
demo_button (CohortTraineesPage *page)
{
  GtkWidget *empty = GTK_WIDGET (cohort_gui_test_page_child (page, "empty_page"));
  GtkWidget *box = adw_status_page_get_child (ADW_STATUS_PAGE (empty));

  for (GtkWidget *child = gtk_widget_get_first_child (box);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BUTTON (child) &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)),
                   "win.load-demo") == 0)
      return child;

  g_assert_not_reached ();
}

/* The message dialog on screen with this heading, or NULL. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)),
                     heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  cohort_gui_test_drain_main_context ();
}

/* Closes every window, as Ctrl+Q does. */
static void
quit_application (CohortApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; )
    {
      GList *next = l->next;

      if (COHORT_IS_WINDOW (l->data))
        wait_until_loaded (l->data);
      gtk_window_destroy (l->data);
      l = next;
    }

  cohort_gui_test_drain_main_context ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Registered without g_application_run(), the application is never shut down: GTK keeps
   * a reference of its own. */
  g_object_unref (app);
}

static CohortWindow *
open_first (CohortApplication *app,
            const char        *path)
{
  CohortWindow *window;

  cohort_application_open_database (app, path);
  window = only_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  wait_until_loaded (window);

  return window;
}

/* A demo programme of about @n trainees in the database at @path (created when missing). */
static void
insert_people (const char *path,
               guint       n)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (cohort_demo_generate (db, n, 7, "2024-05-01", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* How many trainees the Trainees list of a database holds, read without the window. */
static guint
count_trainees (const char *path)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortQueryModel) model = NULL;
  g_autoptr(GError) error = NULL;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  model = cohort_query_model_new (db, COHORT_QUERY_KIND_TRAINEES);
  g_assert_true (cohort_query_model_refresh_sync (model, &error));
  g_assert_no_error (error);

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
assert_last_database (const char *path)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-database");
  g_autofree char *expected = g_canonicalize_filename (path, NULL);

  g_assert_cmpstr (last, ==, expected);
}

/* Open */

static void
test_open (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  CohortWindow *window;
  CohortWindow *switched;
  guint n_first, n_other;

  insert_people (fixture->path, 5);
  insert_people (other, 30);
  n_first = count_trainees (fixture->path);
  n_other = count_trainees (other);
  g_assert_cmpuint (n_first, >, 0);
  g_assert_cmpuint (n_other, >, n_first);

  window = open_first (app, fixture->path);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpuint (n_trainees_listed (window), ==, n_first);
  assert_last_database (fixture->path);

  /* The window gives way to one on the other database: its pages list that one's people. */
  switched = cohort_application_switch_database (app, GTK_WINDOW (window), other);
  g_assert_nonnull (switched);
  cohort_gui_test_drain_main_context ();
  g_assert_null (window);
  g_assert_true (only_window (app) == switched);
  g_assert_cmpstr (cohort_database_get_path (cohort_window_get_database (switched)), ==, other);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (switched)), ==, "other.db — Cohort");
  g_assert_cmpuint (n_trainees_listed (switched), ==, n_other);
  assert_last_database (other);

  /* Opening the database it already shows keeps the window. */
  g_assert_true (cohort_application_switch_database (app, GTK_WINDOW (switched), other) ==
                 switched);
  g_assert_true (only_window (app) == switched);

  quit_application (g_steal_pointer (&app));
}

static void
test_open_not_cohort (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  const char *text = "Shopping list: rice, miso, tea.\n";
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  CohortWindow *window;
  guint n_first;

  insert_people (fixture->path, 5);
  n_first = count_trainees (fixture->path);
  g_file_set_contents (notes, text, -1, &error);
  g_assert_no_error (error);

  window = open_first (app, fixture->path);
  g_assert_cmpuint (n_trainees_listed (window), ==, n_first);
  g_assert_null (cohort_application_switch_database (app, GTK_WINDOW (window), notes));
  cohort_gui_test_drain_main_context ();

  /* A dialog says why, in words; the window keeps its database and its list. */
  dialog = find_dialog ("Could Not Open the Database");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Choose a database made by Cohort instead."));
  g_assert_true (only_window (app) == window);
  g_assert_cmpstr (cohort_database_get_path (cohort_window_get_database (window)), ==,
                   fixture->path);
  g_assert_cmpuint (n_trainees_listed (window), ==, n_first);
  assert_last_database (fixture->path);

  g_file_get_contents (notes, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);

  close_dialog (dialog);
  quit_application (g_steal_pointer (&app));
}

/* New */

static void
test_new (CohortTestFixture *fixture,
          gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  g_autofree char *fresh = g_build_filename (fixture->dir, "fresh.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fresh);
  CohortTraineesPage *page;
  CohortWindow *window;
  GtkWidget *button;
  gint64 n_people;

  insert_people (fixture->path, 5);
  n_people = cohort_test_count_rows (fixture->path, "person");
  window = open_first (app, fixture->path);

  window = cohort_database_actions_create (app, GTK_WINDOW (window), file, FALSE);
  g_assert_nonnull (window);
  g_assert_true (only_window (app) == window);
  g_assert_true (g_file_test (fresh, G_FILE_TEST_IS_REGULAR));
  assert_last_database (fresh);

  /* An empty database: the empty state, which offers the demo data. */
  g_assert_cmpuint (n_trainees_listed (window), ==, 0);
  page = trainees_page (window);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (page), ==, "empty");
  button = demo_button (page);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.load-demo");
  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "empty");

  /* The old database is as it was. */
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, n_people);

  quit_application (g_steal_pointer (&app));
}

static void
test_new_refuses (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  g_autofree char *keep = g_build_filename (fixture->dir, "keep.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) keep_file = g_file_new_for_path (keep);
  g_autoptr(GFile) open_file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  const char *text = "Minutes of the selection committee\n";
  AdwMessageDialog *dialog;
  CohortWindow *window;
  gint64 n_people;
  guint n_listed;

  insert_people (fixture->path, 5);
  n_people = cohort_test_count_rows (fixture->path, "person");
  n_listed = count_trainees (fixture->path);
  g_file_set_contents (keep, text, -1, &error);
  g_assert_no_error (error);
  window = open_first (app, fixture->path);

  /* A file with something in it, not confirmed to be replaced: left alone. */
  g_assert_null (cohort_database_actions_create (app, GTK_WINDOW (window), keep_file, FALSE));
  dialog = find_dialog ("Could Not Create the Database");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
  close_dialog (dialog);
  g_file_get_contents (keep, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);
  g_assert_true (only_window (app) == window);

  /* The open database cannot be replaced by a new one, even when confirmed. */
  g_assert_null (cohort_database_actions_create (app, GTK_WINDOW (window), open_file, TRUE));
  dialog = find_dialog ("Could Not Create the Database");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "open in Cohort"));
  close_dialog (dialog);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, n_people);
  g_assert_cmpuint (n_trainees_listed (window), ==, n_listed);

  /* Confirmed: the file is replaced by a fresh, empty database. */
  window = cohort_database_actions_create (app, GTK_WINDOW (window), keep_file, TRUE);
  g_assert_nonnull (window);
  g_assert_cmpuint (n_trainees_listed (window), ==, 0);
  g_assert_cmpint (cohort_test_count_rows (keep, "person"), ==, 0);
  assert_last_database (keep);

  quit_application (g_steal_pointer (&app));
}

/* Save a Copy */

static void
on_saved_cb (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
save_copy (CohortWindow  *window,
           const char    *path,
           GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  cohort_database_actions_save_copy (window, file, NULL, on_saved_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return cohort_database_actions_save_copy_finish (window, result, error);
}

static void
test_save_copy (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  CohortWindow *window;
  gint64 n_people;
  guint n_listed;

  insert_people (fixture->path, 5);
  n_people = cohort_test_count_rows (fixture->path, "person");
  n_listed = count_trainees (fixture->path);
  window = open_first (app, fixture->path);

  g_assert_true (save_copy (window, copy, &error));
  g_assert_no_error (error);

  /* The copy opens, with the same records. */
  before = cohort_test_count_tables (fixture->path);
  after = cohort_test_count_tables (copy);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      const CohortTableCount *a = &g_array_index (before, CohortTableCount, i);
      const CohortTableCount *b = &g_array_index (after, CohortTableCount, i);

      g_assert_cmpstr (a->table, ==, b->table);
      g_assert_cmpint (a->live, ==, b->live);
      g_assert_cmpint (a->deleted, ==, b->deleted);
    }
  g_assert_cmpint (cohort_test_live_count (after, "person"), ==, n_people);
  g_assert_cmpuint (count_trainees (copy), ==, n_listed);

  /* Not over the database itself: it stays as it was. */
  g_assert_false (save_copy (window, fixture->path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_BUSY);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, n_people);
  g_assert_cmpuint (n_trainees_listed (window), ==, n_listed);

  /* The window still shows its own database. */
  g_assert_cmpstr (cohort_database_get_path (cohort_window_get_database (window)), ==,
                   fixture->path);

  quit_application (g_steal_pointer (&app));
}

/* Load Demo Data */

static void
wait_until_destroyed (AdwMessageDialog **dialog)
{
  g_object_add_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
  while (*dialog != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_load_demo (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  CohortTraineesPage *page;
  AdwMessageDialog *dialog;
  CohortWindow *window;
  GtkProgressBar *progress;

  window = open_first (app, fixture->path);
  page = trainees_page (window);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (page), ==, "empty");

  dialog = cohort_database_actions_load_demo (window, 40);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Loading Demo Data");
  progress = GTK_PROGRESS_BAR (adw_message_dialog_get_extra_child (dialog));
  g_assert_true (GTK_IS_PROGRESS_BAR (progress));
  g_assert_nonnull (strstr (gtk_progress_bar_get_text (progress), "of 40 trainees"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));

  /* While it is written, it cannot be started twice. */
  g_assert_false (gtk_widget_is_sensitive (demo_button (page)));
  g_assert_true (cohort_database_actions_load_demo (window, 40) == dialog);

  wait_until_destroyed (&dialog);

  /* The pages read the database again and list the demo's people. */
  g_assert_cmpuint (n_trainees_listed (window), >=, 40);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (page), ==, "list");
  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "counts");
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), >, 0);
  g_assert_true (gtk_widget_is_sensitive (demo_button (page)));

  /* Into a database with records, it is refused, and nothing changes. */
  {
    gint64 n_people = cohort_test_count_rows (fixture->path, "person");

    dialog = cohort_database_actions_load_demo (window, 40);
    wait_until_destroyed (&dialog);
    dialog = find_dialog ("Could Not Load the Demo Data");
    g_assert_nonnull (dialog);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "empty database"));
    close_dialog (dialog);
    g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, n_people);
  }

  quit_application (g_steal_pointer (&app));
}

static void
test_load_demo_cancel (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  AdwMessageDialog *dialog;
  CohortWindow *window;

  window = open_first (app, fixture->path);

  /* Cancel, as the dialog's button or Escape does: nothing is written, nothing is said. */
  dialog = cohort_database_actions_load_demo (window, 5000);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  wait_until_destroyed (&dialog);

  g_assert_null (find_dialog ("Could Not Load the Demo Data"));
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "person"), ==, 0);
  g_assert_cmpuint (n_trainees_listed (window), ==, 0);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (trainees_page (window)), ==, "empty");

  quit_application (g_steal_pointer (&app));
}

/* Actions and shortcuts */

static void
test_actions (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(CohortApplication) app = new_application ();
  g_autoptr(GtkBuilder) builder = NULL;
  g_auto(GStrv) open_accels = NULL;
  g_auto(GStrv) new_accels = NULL;
  CohortWindow *window;
  GMenuModel *menu;
  gboolean has_open = FALSE, has_new = FALSE, has_copy = FALSE;

  window = open_first (app, fixture->path);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "open"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "new"));
  open_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.open");
  new_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.new");
  g_assert_cmpstr (open_accels[0], ==, "<Control>o");
  g_assert_cmpstr (new_accels[0], ==, "<Shift><Control>n");

  /* The primary menu names the three. */
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (window_child (window,
                                                                        "primary_menu_button")));
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *action = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action);
          has_open |= g_strcmp0 (action, "app.open") == 0;
          has_new |= g_strcmp0 (action, "app.new") == 0;
          has_copy |= g_strcmp0 (action, "win.save-copy") == 0;
        }
    }
  g_assert_true (has_open && has_new && has_copy);

  /* Ctrl+Shift+S is the window's, and in the shortcuts window with the others. */
  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  {
    g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
    guint found = 0;

    for (GSList *l = objects; l != NULL; l = l->next)
      {
        g_autofree char *accelerator = NULL;

        if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
          continue;
        g_object_get (l->data, "accelerator", &accelerator, NULL);
        if (g_strcmp0 (accelerator, "<Primary><Shift>s") == 0 ||
            g_strcmp0 (accelerator, "<Primary><Shift>n") == 0 ||
            g_strcmp0 (accelerator, "<Primary>o") == 0)
          found++;
      }
    g_assert_cmpuint (found, ==, 3);
  }
  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  quit_application (g_steal_pointer (&app));
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/database-actions/open", test_open);
  cohort_test_add ("/cohort/database-actions/open/not-cohort", test_open_not_cohort);
  cohort_test_add ("/cohort/database-actions/new", test_new);
  cohort_test_add ("/cohort/database-actions/new/refuses", test_new_refuses);
  cohort_test_add ("/cohort/database-actions/save-copy", test_save_copy);
  cohort_test_add ("/cohort/database-actions/load-demo", test_load_demo);
  cohort_test_add ("/cohort/database-actions/load-demo/cancel", test_load_demo_cancel);
  cohort_test_add ("/cohort/database-actions/actions", test_actions);

  return g_test_run ();
}
