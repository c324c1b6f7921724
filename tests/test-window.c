/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cohort-about-private.h"
#include "cohort-application.h"
#include "cohort-courses-page-private.h"
#include "cohort-database-private.h"
#include "cohort-graduates-page-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-placements-page-private.h"
#include "cohort-test-utils.h"
#include "cohort-trainees-page-private.h"
#include "cohort-window-private.h"

#define NOW "2024-05-01T09:00:00Z"

/* Helpers */

static void
exec_sql (CohortDatabase *db,
          const char     *sql,
          const char     *code)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  cohort_statement_bind_text (stmt, ":code", code);
  cohort_statement_bind_text (stmt, ":now", NOW);
  g_assert_true (cohort_statement_execute (stmt, &error));
  g_assert_no_error (error);
}

static void
insert_programme (CohortDatabase *db,
                  const char     *code)
{
  exec_sql (db,
            "INSERT INTO programme (code, name, created_at, updated_at) "
            "VALUES (:code, 'Primary Course', :now, :now)",
            code);
}

static void
delete_person (CohortDatabase *db,
               const char     *code)
{
  exec_sql (db, "UPDATE person SET deleted_at = :now, updated_at = :now WHERE code = :code",
            code);
}

static GtkWidget *
template_child (CohortWindow *window,
                const char   *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static const char *
count_text (CohortWindow *window,
            const char   *table)
{
  GtkLabel *label = cohort_window_get_count_label (window, table);

  g_assert_nonnull (label);
  return gtk_label_get_text (label);
}

/* The accelerators the shortcuts window lists. */
static GArray *
dup_overlay_accelerators (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GSList) objects = NULL;
  GArray *accels = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  builder = gtk_builder_new_from_resource (RESOURCE_BASE "/gtk/help-overlay.ui");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) each = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      g_assert_nonnull (accelerator);

      each = g_strsplit (accelerator, " ", -1);
      for (guint i = 0; each[i] != NULL; i++)
        {
          guint pair[2] = { 0, 0 };

          g_assert_true (gtk_accelerator_parse (each[i], &pair[0], (GdkModifierType *) &pair[1]));
          g_array_append_val (accels, pair);
        }
    }

  gtk_window_destroy (GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay")));

  return accels;
}

static gboolean
overlay_lists (GArray     *accels,
               const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType mods = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &mods));

  for (guint i = 0; i < accels->len; i++)
    {
      guint *pair = &g_array_index (accels, guint, i * 2);

      if (pair[0] == keyval && pair[1] == mods)
        return TRUE;
    }

  return FALSE;
}

/* The window */

static void
test_window_empty (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  GtkWidget *empty = cohort_window_get_state_page (window, "empty");
  AdwViewSwitcherTitle *title;
  const char *description;

  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (empty)), ==, "No Records Yet");

  /* Not the default database: the commands to fill it name it. */
  description = adw_status_page_get_description (ADW_STATUS_PAGE (empty));
  g_assert_nonnull (strstr (description, "cohort --database"));
  g_assert_nonnull (strstr (description, "cohort.db"));

  /* The header names the database file. */
  title = ADW_VIEW_SWITCHER_TITLE (template_child (window, "switcher_title"));
  g_assert_cmpstr (adw_view_switcher_title_get_title (title), ==, "Cohort");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (title), ==, "cohort.db");

  g_assert_true (cohort_window_get_database (window) == fixture->db);

  cohort_gui_test_close_window (window);
}

static void
test_window_pages (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortWindow *window = g_object_ref (cohort_window_new (NULL, fixture->db));
  AdwViewStack *view_stack;
  GtkWidget *bar;
  GtkWidget *trainees;

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (window));
  cohort_gui_test_wait_until_loaded (window);

  /* It opens on the Trainees page; the counts are the Overview page. */
  view_stack = ADW_VIEW_STACK (template_child (window, "view_stack"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (view_stack), ==, "trainees");
  trainees = adw_bin_get_child (ADW_BIN (template_child (window, "trainees_bin")));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (trainees, g_type_from_name ("CohortTraineesPage")));
  g_assert_true (gtk_widget_get_mapped (trainees));
  g_assert_nonnull (adw_view_stack_get_child_by_name (view_stack, "overview"));
  g_assert_cmpstr (adw_view_stack_page_get_title (
                     adw_view_stack_get_page (view_stack,
                                              template_child (window, "trainees_bin"))),
                   ==, "Trainees");

  adw_view_stack_set_visible_child_name (view_stack, "overview");
  cohort_gui_test_drain_main_context ();
  g_assert_true (gtk_widget_get_mapped (cohort_window_get_state_page (window, "empty")));
  g_assert_false (gtk_widget_get_mapped (trainees));

  /* Wide, the switcher is in the header; the bar at the bottom is hidden. */
  bar = template_child (window, "switcher_bar");
  g_assert_false (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));

  /* Every page fits a window 360 pixels wide (a phone, or a quarter of a screen). */
  {
    const char *pages[] = { "trainees", "courses", "placements", "graduates", "reports" };

    for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
      {
        GtkWidget *page = adw_view_stack_get_child_by_name (view_stack, pages[i]);
        int minimum = 0;

        g_assert_nonnull (page);
        gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
        if (minimum > 360)
          g_error ("the %s page needs %d pixels", pages[i], minimum);
      }
  }

  cohort_gui_test_close_window (window);
}

static void
test_window_external_change (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortDatabase) other = NULL;
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  AdwActionRow *people;

  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "empty");

  /* Another program (a second connection) writes. */
  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  cohort_gui_test_insert_person (other, "P-1");
  cohort_gui_test_insert_person (other, "P-2");
  cohort_gui_test_insert_person (other, "P-3");
  insert_programme (other, "PC");

  /* Nothing noticed it yet: the window still says the database is empty. */
  cohort_gui_test_drain_main_context ();
  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "empty");

  g_assert_true (cohort_database_check_external_changes (fixture->db));
  g_assert_true (cohort_window_is_loading (window));
  cohort_gui_test_wait_until_loaded (window);

  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "counts");
  g_assert_true (gtk_widget_get_mapped (cohort_window_get_state_page (window, "counts")));
  g_assert_cmpstr (count_text (window, "person"), ==, "3");
  g_assert_cmpstr (count_text (window, "programme"), ==, "1");
  g_assert_cmpstr (count_text (window, "course"), ==, "0");

  /* The history of changes is counted apart from the records. */
  g_assert_cmpstr (count_text (window, "audit_log"), !=, "0");
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (cohort_window_get_count_row (window,
                                                                                 "audit_log"))) ==
                 template_child (window, "history_list"));
  g_assert_true (gtk_widget_get_parent (GTK_WIDGET (cohort_window_get_count_row (window,
                                                                                 "person"))) ==
                 template_child (window, "counts_list"));

  people = cohort_window_get_count_row (window, "person");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (people)), ==, "People");
  g_assert_cmpstr (adw_action_row_get_subtitle (people), ==, "");

  /* A soft deletion elsewhere: one fewer, and one deleted. */
  delete_person (other, "P-2");
  g_assert_true (cohort_database_check_external_changes (fixture->db));
  cohort_gui_test_wait_until_loaded (window);
  g_assert_cmpstr (count_text (window, "person"), ==, "2");
  g_assert_cmpstr (adw_action_row_get_subtitle (people), ==, "1 deleted");
  g_assert_true (cohort_window_get_count_row (window, "person") == people);

  cohort_gui_test_close_window (window);
}

static void
test_window_own_change (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");

  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "empty");

  /* A commit on the window's own connection signals the change at once. */
  insert_programme (fixture->db, "MCC");
  g_assert_true (cohort_window_is_loading (window));
  cohort_gui_test_wait_until_loaded (window);

  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "counts");
  g_assert_cmpstr (count_text (window, "programme"), ==, "1");
  g_assert_cmpstr (count_text (window, "person"), ==, "0");

  cohort_gui_test_close_window (window);
}

static void
test_window_error (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  g_autofree char *moved = g_build_filename (fixture->dir, "moved.db", NULL);
  GtkWidget *error_page;
  GtkWidget *button;

  /* The file goes away under the window: it says so, and offers to try again. */
  g_assert_cmpint (g_rename (fixture->path, moved), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  cohort_gui_test_wait_until_loaded (window);

  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "error");
  error_page = cohort_window_get_state_page (window, "error");
  g_assert_true (gtk_widget_get_mapped (error_page));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (error_page)),
                            "cohort.db"));

  /* Put back, "Try Again" shows the records again. */
  g_assert_cmpint (g_rename (moved, fixture->path), ==, 0);
  button = template_child (window, "reload_button");
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (cohort_window_is_loading (window));
  cohort_gui_test_wait_until_loaded (window);
  g_assert_cmpstr (cohort_window_get_visible_state (window), ==, "empty");

  cohort_gui_test_close_window (window);
}

static void
test_window_size_remembered (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  CohortWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 800);
  g_settings_set_int (settings, "window-height", 600);

  window = cohort_gui_test_open_window (fixture->db, "overview");
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 800);
  g_assert_cmpint (height, ==, 600);

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 480);

  cohort_gui_test_close_window (window);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_window_accessible (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  GtkWidget *menu_button;
  GtkWidget *list;

  menu_button = template_child (window, "primary_menu_button");
  g_assert_true (gtk_widget_get_focusable (menu_button) ||
                 gtk_widget_get_focusable (gtk_widget_get_first_child (menu_button)));
  g_assert_true (gtk_menu_button_get_primary (GTK_MENU_BUTTON (menu_button)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (menu_button), ==, "Main Menu");

  /* The counts are rows a keyboard reaches. */
  cohort_gui_test_insert_person (fixture->db, "P-1");
  cohort_gui_test_wait_until_loaded (window);
  list = template_child (window, "counts_list");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (cohort_window_get_count_row (window,
                                                                                   "person"))));
  g_assert_true (gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD));

  cohort_gui_test_close_window (window);
}

static void
test_window_shortcuts (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(GArray) overlay = dup_overlay_accelerators ();
  CohortWindow *window = cohort_gui_test_open_window (fixture->db, "overview");
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  gboolean found_close = FALSE;

  g_assert_true (overlay_lists (overlay, "<Primary>q"));
  g_assert_true (overlay_lists (overlay, "<Primary>w"));
  g_assert_true (overlay_lists (overlay, "<Primary>question"));
  g_assert_true (overlay_lists (overlay, "F10"));
  /* The Trainees page's. */
  g_assert_true (overlay_lists (overlay, "<Primary>f"));
  g_assert_true (overlay_lists (overlay, "<Primary>n"));
  g_assert_true (overlay_lists (overlay, "<Primary>s"));
  g_assert_true (overlay_lists (overlay, "<Primary>z"));
  g_assert_true (overlay_lists (overlay, "Delete"));

  /* Ctrl+W closes the window, and the shortcuts window says so. */
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = NULL;

          if (!GTK_IS_NAMED_ACTION (action) ||
              strcmp (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                      "window.close") != 0)
            continue;

          trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_assert_true (overlay_lists (overlay, trigger));
          found_close = TRUE;
        }
    }
  g_assert_true (found_close);

  g_clear_object (&controllers);
  cohort_gui_test_close_window (window);
}

/* Every .ui in the resource builds without a warning (G_DEBUG=fatal-warnings). */
static void
instantiate_ui_files (const char     *folder,
                      CohortDatabase *db,
                      guint          *n_files)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = g_resources_enumerate_children (folder, 0, &error);

  g_assert_no_error (error);

  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = g_strconcat (folder, children[i], NULL);
      g_autoptr(GBytes) bytes = NULL;
      const char *xml;
      const char *template;

      if (g_str_has_suffix (children[i], "/"))
        {
          instantiate_ui_files (path, db, n_files);
          continue;
        }
      if (!g_str_has_suffix (children[i], ".ui"))
        continue;

      (*n_files)++;
      bytes = g_resources_lookup_data (path, 0, &error);
      g_assert_no_error (error);
      xml = g_bytes_get_data (bytes, NULL);

      template = strstr (xml, "<template class=\"");
      if (template != NULL)
        {
          g_autofree char *class_name = NULL;
          GObjectClass *klass;
          GObject *object;
          GType type;

          template += strlen ("<template class=\"");
          class_name = g_strndup (template, strcspn (template, "\""));
          type = g_type_from_name (class_name);
          g_assert_cmpuint (type, !=, G_TYPE_INVALID);

          klass = g_type_class_ref (type);
          if (g_object_class_find_property (klass, "database") != NULL)
            object = g_object_new (type, "database", db, NULL);
          else
            object = g_object_new (type, NULL);
          g_type_class_unref (klass);

          g_object_ref_sink (object);
          if (COHORT_IS_WINDOW (object))
            cohort_gui_test_wait_until_loaded (COHORT_WINDOW (object));
          if (GTK_IS_WINDOW (object))
            gtk_window_destroy (GTK_WINDOW (object));
          g_assert_finalize_object (object);
        }
      else
        {
          g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (path);
          g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

          for (GSList *l = objects; l != NULL; l = l->next)
            if (GTK_IS_WINDOW (l->data))
              gtk_window_destroy (l->data);
        }
    }
}

static void
test_ui_files (CohortTestFixture *fixture,
               gconstpointer      user_data)
{
  guint n_files = 0;

  g_type_ensure (COHORT_TYPE_WINDOW);
  instantiate_ui_files (RESOURCE_BASE "/", fixture->db, &n_files);
  g_assert_cmpuint (n_files, >=, 2);
}

/* About */

static void
test_about_window (void)
{
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (cohort_about_window_new (NULL));

  g_object_ref (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Cohort");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Cohort Developers");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_comments (about), !=, "");
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_true (g_str_has_prefix (adw_about_window_get_release_notes (about), "<p>"));
  /* Untranslated, nobody is thanked for a translation. */
  g_assert_cmpstr (adw_about_window_get_translator_credits (about), ==, NULL);

  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_finalize_object (about);
}

static const char test_appdata[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<component type=\"desktop-application\">\n"
  "  <id>org.example.Test</id>\n"
  "  <name>Test</name>\n"
  "  <name xml:lang=\"fr\">Essai</name>\n"
  "  <summary>Tests\n    things</summary>\n"
  "  <summary xml:lang=\"fr\">Teste des choses</summary>\n"
  "  <summary xml:lang=\"ja\">テスト</summary>\n"
  "  <project_license>LGPL-2.1-or-later</project_license>\n"
  "  <developer id=\"org.example\"><name>Example &amp; Co</name></developer>\n"
  "  <url type=\"homepage\">https://example.org/</url>\n"
  "  <url type=\"bugtracker\">https://example.org/issues</url>\n"
  "  <url type=\"help\">https://example.org/help</url>\n"
  "  <releases>\n"
  "    <release version=\"2.0\" date=\"2025-01-01\">\n"
  "      <description>\n"
  "        <p>Second &lt;release&gt;</p>\n"
  "        <p xml:lang=\"fr\">Deuxième</p>\n"
  "        <ul>\n"
  "          <li>One <em>thing</em></li>\n"
  "          <li xml:lang=\"fr\">Une chose</li>\n"
  "          <li>Two</li>\n"
  "        </ul>\n"
  "      </description>\n"
  "    </release>\n"
  "    <release version=\"1.0\" date=\"2024-01-01\">\n"
  "      <description><p>First</p></description>\n"
  "    </release>\n"
  "  </releases>\n"
  "</component>\n";

static void
test_about_appdata_languages (void)
{
  const char * const english[] = { "C", NULL };
  const char * const french[] = { "fr_FR.UTF-8", "fr_FR", "fr", "C", NULL };
  g_autoptr(GError) error = NULL;
  AdwAboutWindow *about;

  about = ADW_ABOUT_WINDOW (cohort_about_window_new_from_appdata_data (
    test_appdata, strlen (test_appdata), english, "2.0", &error));
  g_assert_no_error (error);
  g_object_ref (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Test");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, "org.example.Test");
  g_assert_cmpstr (adw_about_window_get_comments (about), ==, "Tests things");
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "Example & Co");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, "2.0");
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://example.org/");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://example.org/issues");
  g_assert_cmpstr (adw_about_window_get_support_url (about), ==, "https://example.org/help");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_LGPL_2_1);
  g_assert_cmpstr (adw_about_window_get_release_notes (about), ==,
                   "<p>Second &lt;release&gt;</p>\n"
                   "<ul>\n<li>One <em>thing</em></li>\n<li>Two</li>\n</ul>\n");
  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_finalize_object (about);

  about = ADW_ABOUT_WINDOW (cohort_about_window_new_from_appdata_data (
    test_appdata, strlen (test_appdata), french, "2.0", &error));
  g_assert_no_error (error);
  g_object_ref (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Essai");
  g_assert_cmpstr (adw_about_window_get_comments (about), ==, "Teste des choses");
  g_assert_cmpstr (adw_about_window_get_release_notes (about), ==,
                   "<p>Deuxième</p>\n"
                   "<ul>\n<li>Une chose</li>\n<li>Two</li>\n</ul>\n");
  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_finalize_object (about);

  /* The notes of an older release; the version is still the newest. */
  about = ADW_ABOUT_WINDOW (cohort_about_window_new_from_appdata_data (
    test_appdata, strlen (test_appdata), english, "1.0", &error));
  g_assert_no_error (error);
  g_object_ref (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, "2.0");
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, "1.0");
  g_assert_cmpstr (adw_about_window_get_release_notes (about), ==, "<p>First</p>\n");
  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_finalize_object (about);
}

static void
test_about_appdata_broken (void)
{
  const char * const english[] = { "C", NULL };
  const char broken[] = "<component><id>x</id><name>X</component>";
  const char nameless[] = "<component><id>x</id></component>";
  g_autoptr(GError) error = NULL;

  g_assert_null (cohort_about_window_new_from_appdata_data (broken, strlen (broken), english,
                                                            NULL, &error));
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (cohort_about_window_new_from_appdata_data (nameless, strlen (nameless), english,
                                                            NULL, &error));
  g_assert_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT);
  g_clear_error (&error);

  g_assert_null (cohort_about_window_new_from_appdata (RESOURCE_BASE "/missing.xml", NULL,
                                                       &error));
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

/* The application */

typedef struct
{
  GtkApplication *app;
  char           *database_path;   /* what the first window showed */
  gboolean        had_help_overlay;
  char           *dialog_heading;
  char           *dialog_body;
  char          **dialog_responses;
} AppRun;

/* What a person does to end it: Ctrl+Q (app.quit) in a window, Escape in the dialog. */
static gboolean
quit_cb (gpointer user_data)
{
  GtkWindow *window = user_data;
  GtkApplication *app = gtk_window_get_application (window);

  if (ADW_IS_MESSAGE_DIALOG (window))
    gtk_window_close (window);
  else if (app != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);

  g_object_unref (window);
  return G_SOURCE_REMOVE;
}

/* Every accelerator the application sets is in the shortcuts window. */
static void
check_app_accels (AppRun *run)
{
  g_autoptr(GArray) overlay = dup_overlay_accelerators ();
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (run->app);
  guint n_accels = 0;

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (run->app, actions[i]);

      for (guint j = 0; accels[j] != NULL; j++, n_accels++)
        if (!overlay_lists (overlay, accels[j]))
          g_test_fail_printf ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
    }

  /* At least Ctrl+Q and Ctrl+? */
  g_assert_cmpuint (n_accels, >=, 2);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  AppRun *run = user_data;

  if (COHORT_IS_WINDOW (window) && run->database_path == NULL)
    {
      CohortDatabase *db = cohort_window_get_database (COHORT_WINDOW (window));

      run->database_path = g_strdup (cohort_database_get_path (db));
      run->had_help_overlay =
        gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) != NULL;
      check_app_accels (run);
    }
  else if (ADW_IS_MESSAGE_DIALOG (window) && run->dialog_heading == NULL)
    {
      AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (window);
      g_autoptr(GPtrArray) responses = g_ptr_array_new ();
      const char *ids[] = { "close", "retry", "read-only", "choose" };

      run->dialog_heading = g_strdup (adw_message_dialog_get_heading (dialog));
      run->dialog_body = g_strdup (adw_message_dialog_get_body (dialog));
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        if (adw_message_dialog_has_response (dialog, ids[i]))
          g_ptr_array_add (responses, g_strdup (ids[i]));
      g_ptr_array_add (responses, NULL);
      run->dialog_responses = (char **) g_ptr_array_free (g_steal_pointer (&responses), FALSE);
    }

  g_idle_add (quit_cb, g_object_ref (window));
}

static void
app_run_clear (AppRun *run)
{
  g_clear_pointer (&run->database_path, g_free);
  g_clear_pointer (&run->dialog_heading, g_free);
  g_clear_pointer (&run->dialog_body, g_free);
  g_clear_pointer (&run->dialog_responses, g_strfreev);
}

/* Runs a CohortApplication with these arguments until its windows are closed again. */
static int
run_application (AppRun             *run,
                 const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int status;

  /* Not unique, so that no other Cohort (or D-Bus) takes the request. */
  run->app = g_object_new (COHORT_TYPE_APPLICATION,
                           "application-id", APP_ID,
                           "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                           "resource-base-path", RESOURCE_BASE,
                           NULL);
  g_signal_connect (run->app, "window-added", G_CALLBACK (on_window_added_cb), run);

  g_ptr_array_add (argv, (gpointer) "cohort");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  status = g_application_run (G_APPLICATION (run->app), (int) argv->len - 1,
                              (char **) argv->pdata);

  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (run->app);
  run->app = NULL;

  return status;
}

static void
assert_same_file (const char *a,
                  const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);

  g_assert_cmpstr (ca, ==, cb);
}

static void
test_application_database_option (CohortTestFixture *fixture,
                                  gconstpointer      user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *last = NULL;
  const char *args[] = { "--database", fixture->path, other, NULL };
  AppRun run = { 0 };

  g_settings_reset (settings, "last-database");

  /* --database wins over a file given after it. */
  g_assert_cmpint (run_application (&run, args), ==, 0);
  g_assert_nonnull (run.database_path);
  assert_same_file (run.database_path, fixture->path);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (run.had_help_overlay);

  /* It is the one opened next time. */
  last = g_settings_get_string (settings, "last-database");
  assert_same_file (last, fixture->path);

  app_run_clear (&run);
  g_settings_reset (settings, "last-database");
}

static void
test_application_open_file (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *last = NULL;
  const char *args[] = { other, NULL };
  AppRun run = { 0 };

  g_settings_set_string (settings, "last-database", fixture->path);

  /* A file on the command line wins over the last database, and is created. */
  g_assert_cmpint (run_application (&run, args), ==, 0);
  assert_same_file (run.database_path, other);
  g_assert_true (g_file_test (other, G_FILE_TEST_IS_REGULAR));

  last = g_settings_get_string (settings, "last-database");
  assert_same_file (last, other);

  app_run_clear (&run);
  g_settings_reset (settings, "last-database");
}

static void
test_application_last_database (CohortTestFixture *fixture,
                                gconstpointer      user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *default_path = cohort_database_dup_default_path ();
  g_autofree char *gone = g_build_filename (fixture->dir, "gone.db", NULL);
  g_autofree char *last = NULL;
  const char *no_args[] = { NULL };
  AppRun run = { 0 };

  /* No arguments: the last database. */
  g_settings_set_string (settings, "last-database", fixture->path);
  g_assert_cmpint (run_application (&run, no_args), ==, 0);
  assert_same_file (run.database_path, fixture->path);
  app_run_clear (&run);

  /* The last one is gone: the default one, which is then remembered as "the default". */
  g_settings_set_string (settings, "last-database", gone);
  g_assert_cmpint (run_application (&run, no_args), ==, 0);
  assert_same_file (run.database_path, default_path);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, "");
  app_run_clear (&run);

  g_settings_reset (settings, "last-database");
}

static void
test_application_open_error (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *notes = g_build_filename (fixture->dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *last = NULL;
  const char *text = "Shopping list: rice, miso, tea.\n";
  const char *args[] = { "--database", notes, NULL };
  g_autoptr(GError) expected = NULL;
  g_autoptr(GError) error = NULL;
  AppRun run = { 0 };

  g_settings_set_string (settings, "last-database", fixture->path);
  g_file_set_contents (notes, text, -1, &error);
  g_assert_no_error (error);

  g_assert_null (cohort_database_open (notes, COHORT_DATABASE_OPEN_DEFAULT, &expected));
  g_assert_error (expected, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE);

  g_assert_cmpint (run_application (&run, args), ==, 0);

  /* No window on it: a dialog that says why and what to do. */
  g_assert_null (run.database_path);
  g_assert_cmpstr (run.dialog_heading, ==, "Could Not Open the Database");
  g_assert_true (g_str_has_prefix (run.dialog_body, expected->message));
  g_assert_nonnull (strstr (run.dialog_body, "Choose a database made by Cohort instead."));
  g_assert_true (g_strv_contains ((const char * const *) run.dialog_responses, "choose"));
  g_assert_true (g_strv_contains ((const char * const *) run.dialog_responses, "close"));
  g_assert_false (g_strv_contains ((const char * const *) run.dialog_responses, "retry"));

  /* The file is as it was, and the last database is still the last good one. */
  g_file_get_contents (notes, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, text);
  last = g_settings_get_string (settings, "last-database");
  g_assert_cmpstr (last, ==, fixture->path);

  app_run_clear (&run);
  g_settings_reset (settings, "last-database");
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/window/empty", test_window_empty);
  cohort_test_add ("/cohort/window/pages", test_window_pages);
  cohort_test_add ("/cohort/window/external-change", test_window_external_change);
  cohort_test_add ("/cohort/window/own-change", test_window_own_change);
  cohort_test_add ("/cohort/window/error", test_window_error);
  cohort_test_add ("/cohort/window/size-remembered", test_window_size_remembered);
  cohort_test_add ("/cohort/window/accessible", test_window_accessible);
  cohort_test_add ("/cohort/window/shortcuts", test_window_shortcuts);
  cohort_test_add ("/cohort/window/ui-files", test_ui_files);
  g_test_add_func ("/cohort/window/about", test_about_window);
  g_test_add_func ("/cohort/window/about/languages", test_about_appdata_languages);
  g_test_add_func ("/cohort/window/about/broken", test_about_appdata_broken);
  cohort_test_add ("/cohort/application/database-option", test_application_database_option);
  cohort_test_add ("/cohort/application/open-file", test_application_open_file);
  cohort_test_add ("/cohort/application/last-database", test_application_last_database);
  cohort_test_add ("/cohort/application/open-error", test_application_open_error);

  return g_test_run ();
}
