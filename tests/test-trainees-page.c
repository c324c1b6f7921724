/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-trainees-page"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cohort-chooser-row.h"
#include "cohort-database-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-list-view.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-trainees-page-private.h"

/* Helpers */

static void
exec_sql (CohortDatabase *db,
          const char     *sql)
{
  cohort_gui_test_exec_sql (db, sql);
}

/* Three trainees enrolled in one run, and one person who is no trainee. */
static void
fill_database (CohortDatabase *db)
{
  exec_sql (db, "INSERT INTO programme (id, code, name, created_at, updated_at) "
                "VALUES (1, 'PC', 'Primary Course', :now, :now)");
  exec_sql (db, "INSERT INTO course (id, code, title, programme_id, created_at, updated_at) "
                "VALUES (1, 'C1', 'Peacebuilding', 1, :now, :now)");
  exec_sql (db, "INSERT INTO course_run (id, course_id, code, fiscal_year, created_at, "
                "updated_at) VALUES (1, 1, 'R1', 2024, :now, :now)");
  exec_sql (db, "INSERT INTO person (id, code, family_name, given_name, family_name_local, "
                "given_name_local, name_order, gender, birth_date, nationality, created_at, "
                "updated_at) VALUES "
                "(1, 'P-001', 'Tanaka', 'Aiko', '田中', '愛子', 'family_first', 'female', "
                "'1990-04-01', 'JP', :now, :now), "
                "(2, 'P-002', 'Okafor', 'Chinedu', NULL, NULL, 'given_first', 'male', "
                "'1988-01-15', 'NG', :now, :now), "
                "(3, 'P-003', 'Silva', 'Maria', NULL, NULL, 'given_first', 'female', "
                "'1992-07-30', 'BR', :now, :now), "
                "(4, 'P-004', 'Andersson', 'Lars', NULL, NULL, 'given_first', 'male', "
                "NULL, 'SE', :now, :now)");
  exec_sql (db, "INSERT INTO enrolment (person_id, run_id, status, created_at, updated_at) "
                "VALUES (1, 1, 'completed', :now, :now), (2, 1, 'enrolled', :now, :now), "
                "(3, 1, 'enrolled', :now, :now)");

  /* Rows written in SQL get the keys duplicate detection looks up. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (cohort_store_refresh_match_keys (db, &error));
    g_assert_no_error (error);
  }
}

typedef struct
{
  GtkWindow          *window;
  CohortTraineesPage *page;
} Shown;

static Shown
show_page (CohortDatabase *db)
{
  Shown shown;

  shown.window = cohort_gui_test_new_window ();
  shown.page = COHORT_TRAINEES_PAGE (cohort_trainees_page_new (db));
  cohort_gui_test_present_page (shown.window, GTK_WIDGET (shown.page));

  return shown;
}

static void
close_page (Shown *shown)
{
  cohort_gui_test_close_page (shown->window, shown->page);
}

static GObject *
page_child (CohortTraineesPage *page,
            const char         *name)
{
  return cohort_gui_test_page_child (page, name);
}

static guint
n_listed (CohortTraineesPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (cohort_trainees_page_get_model (page)));
}

static char *
dup_listed (CohortTraineesPage *page,
            guint               position,
            const char         *property)
{
  GListModel *model = G_LIST_MODEL (cohort_trainees_page_get_model (page));
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  char *value = NULL;

  g_assert_nonnull (item);
  g_object_get (item, property, &value, NULL);
  return value;
}

static void
assert_listed (CohortTraineesPage *page,
               guint               position,
               const char         *family_name)
{
  g_autofree char *value = dup_listed (page, position, "family-name");

  g_assert_cmpstr (value, ==, family_name);
}

static void
set_field (CohortTraineesPage *page,
           const char         *field,
           const char         *text)
{
  GtkWidget *row = cohort_person_editor_get_field_row (cohort_trainees_page_get_editor (page),
                                                       field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
field_text (CohortTraineesPage *page,
            const char         *field)
{
  GtkWidget *row = cohort_person_editor_get_field_row (cohort_trainees_page_get_editor (page),
                                                       field);

  g_assert_nonnull (row);
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static CohortPerson *
load_person (CohortDatabase *db,
             const char     *code)
{
  g_autoptr(GError) error = NULL;
  CohortRecord *record = NULL;

  g_assert_true (cohort_store_find_by_code (db, COHORT_TYPE_PERSON, code, &record, &error));
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return COHORT_PERSON (record);
}

static void
select_code (CohortTraineesPage *page,
             const char         *code)
{
  GtkSingleSelection *selection = cohort_trainees_page_get_selection (page);
  CohortPersonEditor *editor = cohort_trainees_page_get_editor (page);

  for (guint i = 0; i < n_listed (page); i++)
    {
      g_autofree char *listed = dup_listed (page, i, "code");

      if (strcmp (listed, code) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          g_assert_cmpstr (cohort_person_get_code (cohort_person_editor_get_person (editor)), ==,
                           code);
          return;
        }
    }

  g_assert_not_reached ();
}

/* The first button below @widget that activates @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Tests */

static void
test_list (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Trainees only, by family name; the one without an enrolment is no trainee. */
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "list");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  assert_listed (shown.page, 0, "Okafor");
  assert_listed (shown.page, 1, "Silva");
  assert_listed (shown.page, 2, "Tanaka");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "3 trainees");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page_child (shown.page, "column_view"))));

  /* Nothing chosen yet: nothing to save or delete, and the editor's New Person can be used. */
  g_assert_null (cohort_person_editor_get_person (cohort_trainees_page_get_editor (shown.page)));
  {
    GtkWidget *new_button = find_action_button (
      GTK_WIDGET (cohort_trainees_page_get_editor (shown.page)), "trainees.new");

    g_assert_nonnull (new_button);
    g_assert_true (gtk_widget_get_mapped (new_button));
    g_assert_true (gtk_widget_is_sensitive (new_button));
  }
  cohort_gui_test_activate (shown.page, "trainees.delete");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  close_page (&shown);
}

static void
test_search_and_filters (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  CohortQueryModel *model;
  GtkEditable *search;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  model = cohort_trainees_page_get_model (shown.page);

  /* Typing searches the database (after the entry's short pause). */
  search = GTK_EDITABLE (page_child (shown.page, "search_entry"));
  gtk_editable_set_text (search, "tana");
  while (g_strcmp0 (cohort_query_model_get_search (model), "tana") != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_listed (shown.page, 0, "Tanaka");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "1 trainee");

  gtk_editable_set_text (search, "");
  while (cohort_query_model_get_search (model) != NULL &&
         cohort_query_model_get_search (model)[0] != '\0')
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  /* A nationality, typed in either case. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "nationality_entry")), "ng");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpstr (cohort_query_model_get_filter (model, COHORT_QUERY_FILTER_NATIONALITY), ==,
                   "NG");
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_listed (shown.page, 0, "Okafor");

  /* And a gender no Nigerian trainee has: nothing matches, and the page says so. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (shown.page, "gender_dropdown")), 1);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpstr (cohort_query_model_get_filter (model, COHORT_QUERY_FILTER_GENDER), ==,
                   "female");
  g_assert_cmpuint (n_listed (shown.page), ==, 0);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "no-match");

  cohort_gui_test_activate (shown.page, "trainees.clear-filters");
  g_assert_null (cohort_query_model_get_filter (model, COHORT_QUERY_FILTER_GENDER));
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "list");

  /* The status, the fiscal year and the programme come from the database. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (shown.page, "status_dropdown")), 6);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpstr (cohort_query_model_get_filter (model, COHORT_QUERY_FILTER_STATUS), ==,
                   "completed");
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_listed (shown.page, 0, "Tanaka");
  cohort_gui_test_activate (shown.page, "trainees.clear-filters");

  g_assert_cmpuint (g_list_model_get_n_items (
                      gtk_drop_down_get_model (GTK_DROP_DOWN (page_child (shown.page,
                                                                          "year_dropdown")))),
                    ==, 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (shown.page, "year_dropdown")), 1);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpstr (cohort_query_model_get_filter (model, COHORT_QUERY_FILTER_FISCAL_YEAR), ==,
                   "2024");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (page_child (shown.page, "programme_dropdown")), 1);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpstr (cohort_query_model_get_filter (model, COHORT_QUERY_FILTER_PROGRAMME), ==,
                   "1");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  close_page (&shown);
}

static void
test_sort (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  CohortQueryModel *model;
  GtkColumnView *view;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  model = cohort_trainees_page_get_model (shown.page);
  view = GTK_COLUMN_VIEW (page_child (shown.page, "column_view"));

  g_assert_cmpint (cohort_query_model_get_sort (model), ==, COHORT_QUERY_SORT_FAMILY_NAME);

  /* A column header sorts the list in the database. */
  gtk_column_view_sort_by_column (view,
                                  GTK_COLUMN_VIEW_COLUMN (page_child (shown.page, "code_column")),
                                  GTK_SORT_DESCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (cohort_query_model_get_sort (model), ==, COHORT_QUERY_SORT_CODE);
  g_assert_true (cohort_query_model_get_descending (model));
  assert_listed (shown.page, 0, "Silva");
  assert_listed (shown.page, 2, "Tanaka");

  gtk_column_view_sort_by_column (view,
                                  GTK_COLUMN_VIEW_COLUMN (page_child (shown.page,
                                                                      "nationality_column")),
                                  GTK_SORT_ASCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (cohort_query_model_get_sort (model), ==, COHORT_QUERY_SORT_NATIONALITY);
  g_assert_false (cohort_query_model_get_descending (model));
  assert_listed (shown.page, 0, "Silva");    /* BR */
  assert_listed (shown.page, 1, "Tanaka");   /* JP */
  assert_listed (shown.page, 2, "Okafor");   /* NG */

  gtk_column_view_sort_by_column (view,
                                  GTK_COLUMN_VIEW_COLUMN (page_child (shown.page, "name_column")),
                                  GTK_SORT_DESCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (cohort_query_model_get_sort (model), ==, COHORT_QUERY_SORT_FAMILY_NAME);
  assert_listed (shown.page, 0, "Tanaka");
  assert_listed (shown.page, 2, "Okafor");

  close_page (&shown);
}

static void
test_edit_and_undo (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  CohortPersonEditor *editor;
  g_autoptr(CohortPerson) stored = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  editor = cohort_trainees_page_get_editor (shown.page);

  select_code (shown.page, "P-002");
  g_assert_cmpstr (field_text (shown.page, "given_name"), ==, "Chinedu");
  g_assert_cmpstr (field_text (shown.page, "nationality"), ==, "NG");
  g_assert_false (cohort_person_editor_get_modified (editor));

  /* The person's enrolment is listed under the fields. */
  g_assert_cmpuint (cohort_person_editor_get_n_history (editor, COHORT_PERSON_HISTORY_ENROLMENT),
                    ==, 1);
  g_assert_cmpuint (cohort_person_editor_get_n_history (editor, COHORT_PERSON_HISTORY_PLACEMENT),
                    ==, 0);

  set_field (shown.page, "given_name", "Chidi");
  g_assert_true (cohort_person_editor_get_modified (editor));
  cohort_gui_test_activate (shown.page, "trainees.save");
  g_assert_false (cohort_person_editor_get_modified (editor));

  stored = load_person (fixture->db, "P-002");
  g_assert_cmpstr (cohort_person_get_given_name (stored), ==, "Chidi");
  g_assert_cmpstr (cohort_person_get_birth_date (stored), ==, "1988-01-15");
  g_clear_object (&stored);

  /* The list shows the change, and keeps the person chosen. */
  {
    g_autofree char *given = dup_listed (shown.page, 0, "given-name");

    g_assert_cmpstr (given, ==, "Chidi");
  }
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      cohort_trainees_page_get_selection (shown.page)), ==, 0);

  /* Ctrl+Z puts the previous state back. */
  cohort_gui_test_activate (shown.page, "trainees.undo");
  stored = load_person (fixture->db, "P-002");
  g_assert_cmpstr (cohort_person_get_given_name (stored), ==, "Chinedu");
  g_assert_cmpstr (field_text (shown.page, "given_name"), ==, "Chinedu");
  g_clear_object (&stored);

  /* Once: there is nothing more to undo. */
  cohort_gui_test_activate (shown.page, "trainees.undo");
  stored = load_person (fixture->db, "P-002");
  g_assert_cmpstr (cohort_person_get_given_name (stored), ==, "Chinedu");
  g_clear_object (&stored);

  close_page (&shown);
}

static void
test_create_and_undo (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  CohortPersonEditor *editor;
  g_autoptr(CohortPerson) stored = NULL;
  g_autoptr(GError) error = NULL;
  CohortRecord *found = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  editor = cohort_trainees_page_get_editor (shown.page);

  cohort_gui_test_activate (shown.page, "trainees.new");
  g_assert_nonnull (cohort_person_editor_get_person (editor));
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_person_editor_get_person (editor))),
                   ==, 0);
  g_assert_cmpstr (field_text (shown.page, "code"), ==, "");

  set_field (shown.page, "code", "P-100");
  set_field (shown.page, "family_name", "Novak");
  set_field (shown.page, "given_name", "Eva");
  set_field (shown.page, "nationality", "CZ");
  cohort_gui_test_activate (shown.page, "trainees.save");
  g_assert_null (cohort_person_editor_get_error_text (editor));

  stored = load_person (fixture->db, "P-100");
  g_assert_cmpstr (cohort_person_get_family_name (stored), ==, "Novak");
  g_assert_cmpstr (cohort_person_get_nationality (stored), ==, "CZ");
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_person_editor_get_person (editor))),
                   ==, cohort_record_get_id (COHORT_RECORD (stored)));
  g_clear_object (&stored);

  /* Undoing a creation deletes the new person. */
  cohort_gui_test_activate (shown.page, "trainees.undo");
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "P-100", &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (cohort_record_is_deleted (found));
  g_clear_object (&found);
  g_assert_null (cohort_person_editor_get_person (editor));

  close_page (&shown);
}

static void
test_duplicate (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  CohortPersonEditor *editor;
  AdwMessageDialog *dialog;
  CohortRecord *found = NULL;
  g_autoptr(GError) error = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  editor = cohort_trainees_page_get_editor (shown.page);

  /* The same name and date of birth as P-001. */
  cohort_gui_test_activate (shown.page, "trainees.new");
  set_field (shown.page, "code", "P-101");
  set_field (shown.page, "family_name", "TANAKA");
  set_field (shown.page, "given_name", "aiko");
  set_field (shown.page, "birth_date", "1990-04-01");
  cohort_gui_test_activate (shown.page, "trainees.save");

  dialog = cohort_trainees_page_get_duplicate_dialog (shown.page);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "P-001"));
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "P-101", &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_null (found);

  /* "Open Existing Record" shows the one already there. */
  adw_message_dialog_response (dialog, "open");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_null (cohort_trainees_page_get_duplicate_dialog (shown.page));
  g_assert_cmpstr (cohort_person_get_code (cohort_person_editor_get_person (editor)), ==,
                   "P-001");
  g_assert_cmpstr (field_text (shown.page, "given_name"), ==, "Aiko");

  /* "Save Anyway" saves. */
  cohort_gui_test_activate (shown.page, "trainees.new");
  set_field (shown.page, "code", "P-101");
  set_field (shown.page, "family_name", "Tanaka");
  set_field (shown.page, "given_name", "Aiko");
  set_field (shown.page, "birth_date", "1990-04-01");
  cohort_gui_test_activate (shown.page, "trainees.save");
  dialog = cohort_trainees_page_get_duplicate_dialog (shown.page);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_PERSON, "P-101", &found,
                                            &error));
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_object (&found);

  close_page (&shown);
}

static void
test_delete_and_undo (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortPerson) stored = NULL;
  CohortPersonEditor *editor;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  select_code (shown.page, "P-003");
  cohort_gui_test_activate (shown.page, "trainees.delete");

  stored = load_person (fixture->db, "P-003");
  g_assert_true (cohort_record_is_deleted (COHORT_RECORD (stored)));
  g_clear_object (&stored);
  g_assert_cmpuint (n_listed (shown.page), ==, 2);
  g_assert_null (cohort_person_editor_get_person (cohort_trainees_page_get_editor (shown.page)));

  /* The toast's Undo and Ctrl+Z are one action. */
  cohort_gui_test_activate (shown.page, "trainees.undo");
  stored = load_person (fixture->db, "P-003");
  g_assert_false (cohort_record_is_deleted (COHORT_RECORD (stored)));
  g_clear_object (&stored);
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  editor = cohort_trainees_page_get_editor (shown.page);
  g_assert_cmpstr (cohort_person_get_code (cohort_person_editor_get_person (editor)), ==, "P-003");
  assert_listed (shown.page,
                 gtk_single_selection_get_selected (
                   cohort_trainees_page_get_selection (shown.page)),
                 "Silva");

  close_page (&shown);
}

static void
test_rule_violation (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  CohortPersonEditor *editor;
  g_autoptr(CohortPerson) stored = NULL;
  GtkWidget *row;
  GtkWidget *message;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  editor = cohort_trainees_page_get_editor (shown.page);

  select_code (shown.page, "P-001");
  set_field (shown.page, "given_name", "Aiko-chan");
  set_field (shown.page, "birth_date", "2026-02-30");
  cohort_gui_test_activate (shown.page, "trainees.save");

  /* The row of the date says what is wrong, right under it. */
  row = cohort_person_editor_get_field_row (editor, "birth_date");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (cohort_person_editor_get_error_text (editor));
  message = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (message);
  g_assert_cmpstr (gtk_widget_get_name (message), ==, "error-message");
  g_assert_true (gtk_widget_get_mapped (message));
  g_assert_false (gtk_widget_has_css_class (cohort_person_editor_get_field_row (editor,
                                                                                "given_name"),
                                            "error"));

  /* Nothing was saved, and the form keeps what was typed. */
  stored = load_person (fixture->db, "P-001");
  g_assert_cmpstr (cohort_person_get_birth_date (stored), ==, "1990-04-01");
  g_assert_cmpstr (cohort_person_get_given_name (stored), ==, "Aiko");
  g_clear_object (&stored);
  g_assert_cmpstr (field_text (shown.page, "birth_date"), ==, "2026-02-30");

  /* Corrected, it saves and the message goes. */
  set_field (shown.page, "birth_date", "1990-04-02");
  cohort_gui_test_activate (shown.page, "trainees.save");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_null (cohort_person_editor_get_error_text (editor));
  stored = load_person (fixture->db, "P-001");
  g_assert_cmpstr (cohort_person_get_birth_date (stored), ==, "1990-04-02");

  close_page (&shown);
}

static void
test_empty (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  Shown shown = show_page (fixture->db);
  GObject *empty = page_child (shown.page, "empty_page");

  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (empty)));
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (empty)),
                            "demo"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "0 trainees");

  close_page (&shown);
}

/* The first person of an empty database, then the first trainee: the list goes from nothing
 * to one row while the editor shows that person, and selects it. */
static void
test_first_person (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  CohortPersonEditor *editor;
  CohortRecordEditor *enrolment;
  CohortPerson *person;
  GtkWidget *run_row;
  gint64 id;
  Shown shown;

  shown = show_page (fixture->db);
  editor = cohort_trainees_page_get_editor (shown.page);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "empty");

  cohort_gui_test_activate (shown.page, "trainees.new");
  set_field (shown.page, "code", "P-001");
  set_field (shown.page, "family_name", "Mensah");
  set_field (shown.page, "given_name", "Ama");
  cohort_gui_test_activate (shown.page, "trainees.save");
  g_assert_null (cohort_person_editor_get_error_text (editor));
  person = cohort_person_editor_get_person (editor);
  g_assert_nonnull (person);
  id = cohort_record_get_id (COHORT_RECORD (person));
  g_assert_cmpint (id, !=, 0);

  /* Not a trainee yet: the list stays empty and the editor keeps the person. */
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 0);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "empty");
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_person_editor_get_person (editor))),
                   ==, id);

  /* Enrolled from the editor, the person is listed and selected. */
  exec_sql (fixture->db, "INSERT INTO programme (id, code, name, created_at, updated_at) "
                         "VALUES (1, 'PC', 'Primary Course', :now, :now)");
  exec_sql (fixture->db, "INSERT INTO course (id, code, title, programme_id, created_at, "
                         "updated_at) VALUES (1, 'C1', 'Peacebuilding', 1, :now, :now)");
  exec_sql (fixture->db, "INSERT INTO course_run (id, course_id, code, fiscal_year, created_at, "
                         "updated_at) VALUES (1, 1, 'R1', 2024, :now, :now)");
  enrolment = cohort_person_editor_add_record (editor, COHORT_PERSON_HISTORY_ENROLMENT);
  g_assert_nonnull (enrolment);
  run_row = cohort_record_form_get_field_row (cohort_record_editor_get_form (enrolment), "run_id");
  cohort_chooser_row_set_id (COHORT_CHOOSER_ROW (run_row), 1);
  g_assert_true (cohort_record_editor_save (enrolment));
  cohort_gui_test_wait_until_idle (shown.page);

  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  g_assert_cmpstr (cohort_trainees_page_get_visible_state (shown.page), ==, "list");
  g_assert_cmpuint (gtk_single_selection_get_selected (cohort_trainees_page_get_selection
                                                       (shown.page)), ==, 0);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_person_editor_get_person (editor))),
                   ==, id);
  g_assert_cmpuint (cohort_person_editor_get_n_history (editor, COHORT_PERSON_HISTORY_ENROLMENT),
                    ==, 1);

  close_page (&shown);
}

static void
test_external_change (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  assert_listed (shown.page, 0, "Okafor");

  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exec_sql (other, "UPDATE person SET family_name = 'Abara', updated_at = :now WHERE id = 2");

  g_assert_true (cohort_database_check_external_changes (fixture->db));
  cohort_gui_test_wait_until_idle (shown.page);
  assert_listed (shown.page, 0, "Abara");

  close_page (&shown);
}

static void
test_find (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;
  GtkWidget *search;
  GtkWidget *column_view;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* From the list, Ctrl+F goes to the search entry. */
  column_view = GTK_WIDGET (page_child (shown.page, "column_view"));
  g_assert_true (gtk_widget_grab_focus (column_view) ||
                 gtk_widget_child_focus (column_view, GTK_DIR_TAB_FORWARD));
  search = GTK_WIDGET (page_child (shown.page, "search_entry"));
  g_assert_false (gtk_widget_is_focus (search) || gtk_widget_get_focus_child (search) != NULL);

  cohort_gui_test_activate (shown.page, "trainees.find");
  g_assert_true (gtk_widget_is_focus (search) || gtk_widget_get_focus_child (search) != NULL);

  close_page (&shown);
}

/* Types @text in the search entry and waits for its results. */
static void
search_for (CohortTraineesPage *page,
            const char         *text)
{
  CohortQueryModel *model = cohort_trainees_page_get_model (page);

  gtk_editable_set_text (GTK_EDITABLE (page_child (page, "search_entry")), text);
  while (g_strcmp0 (cohort_query_model_get_search (model), text[0] != '\0' ? text : NULL) != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (page);
}

/* The text a label or a list cell (an inscription) shows, or NULL for other widgets. */
static const char *
shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

/* The label or cell below @widget that shows @text, or NULL. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (g_strcmp0 (shown_text (widget), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A name in its own script fits its cell (the stacked marks of Myanmar reach well above and
 * below a line of Latin text, and a cell as tall as that line cuts them off) and starts where
 * the window's text does. */
static void
test_cells_fit_own_script (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  static const char * const names[] = { "အောင် နိုင်ထွန်း", "田中 愛子", "سيلفا ماريا" };
  GtkWidget *view;
  Shown shown;

  fill_database (fixture->db);
  exec_sql (fixture->db, "UPDATE person SET family_name_local = 'အောင်', "
                         "given_name_local = 'နိုင်ထွန်း', updated_at = :now WHERE code = 'P-002'");
  exec_sql (fixture->db, "UPDATE person SET family_name_local = 'سيلفا', "
                         "given_name_local = 'ماريا', updated_at = :now WHERE code = 'P-003'");
  shown = show_page (fixture->db);
  view = GTK_WIDGET (page_child (shown.page, "column_view"));
  cohort_gui_test_wait_until_idle (shown.page);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *cell = find_label (view, names[i]);
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle ink;

      g_assert_nonnull (cell);
      layout = gtk_widget_create_pango_layout (cell, names[i]);
      pango_layout_get_pixel_extents (layout, &ink, NULL);
      g_assert_cmpint (ink.height, >, 0);
      g_assert_cmpint (ink.height, <=, gtk_widget_get_height (cell));
    }

  /* Every cell starts where the window's text starts (the left, here), as a label would,
   * whichever way its own text reads: an inscription aligns to the text's own start. */
  g_assert_cmpfloat (gtk_inscription_get_xalign (GTK_INSCRIPTION (find_label (view,
                                                                               names[0]))),
                     ==, 0.0);
  g_assert_cmpfloat (gtk_inscription_get_xalign (GTK_INSCRIPTION (find_label (view,
                                                                               names[2]))),
                     ==, 1.0);

  close_page (&shown);
}

/* A new search's results take the rows the list shows: the same widgets show the new people,
 * and the chosen row is always the person in the editor, or none. */
static void
test_rows_in_place (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  GtkWidget *view;
  GtkSingleSelection *selection;
  CohortPersonEditor *editor;
  GtkWidget *name_cell;
  g_autoptr(GObject) first_row = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  view = GTK_WIDGET (page_child (shown.page, "column_view"));
  selection = cohort_trainees_page_get_selection (shown.page);
  editor = cohort_trainees_page_get_editor (shown.page);

  name_cell = find_label (view, "Okafor Chinedu");
  g_assert_nonnull (name_cell);
  g_object_add_weak_pointer (G_OBJECT (name_cell), (gpointer *) &name_cell);
  first_row = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  select_code (shown.page, "P-002");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* Another person in the first row: the same row and label show her; Okafor, in the editor,
   * is no longer listed, so no row is chosen. */
  search_for (shown.page, "Tanaka");
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  {
    g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    g_assert_true (row == first_row);
  }
  g_assert_nonnull (name_cell);
  g_assert_cmpstr (shown_text (name_cell), ==, "Tanaka Aiko");
  g_assert_nonnull (find_label (view, "田中 愛子"));
  g_assert_nonnull (find_label (view, "Female"));
  g_assert_null (find_label (view, "Male"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (cohort_person_get_code (cohort_person_editor_get_person (editor)), ==,
                   "P-002");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "1 trainee");

  /* Everyone back: Okafor is in the first row again, and chosen again. */
  search_for (shown.page, "");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  g_assert_nonnull (name_cell);
  g_assert_cmpstr (shown_text (name_cell), ==, "Okafor Chinedu");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);

  /* The same number of rows in another order: the view hears of no change in the rows, and
   * the choice follows Okafor to the last row rather than stay with the first. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (view),
                                  GTK_COLUMN_VIEW_COLUMN (page_child (shown.page,
                                                                      "name_column")),
                                  GTK_SORT_DESCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  assert_listed (shown.page, 0, "Tanaka");
  g_assert_nonnull (name_cell);
  g_assert_cmpstr (shown_text (name_cell), ==, "Tanaka Aiko");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_cmpstr (cohort_person_get_code (cohort_person_editor_get_person (editor)), ==,
                   "P-002");

  /* Choosing the first row now opens the person it shows. */
  gtk_single_selection_set_selected (selection, 0);
  g_assert_cmpstr (cohort_person_get_code (cohort_person_editor_get_person (editor)), ==,
                   "P-001");

  g_object_remove_weak_pointer (G_OBJECT (name_cell), (gpointer *) &name_cell);
  close_page (&shown);
}

/* Results follow the typing without GTK's pause of 150 ms. */
static void
test_search_delay (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  Shown shown = show_page (fixture->db);
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (page_child (shown.page, "search_entry"));

  g_assert_cmpuint (gtk_search_entry_get_search_delay (entry), ==, COHORT_LIST_SEARCH_DELAY);
  g_assert_cmpuint (gtk_search_entry_get_search_delay (entry), <, 50);

  close_page (&shown);
}

static void
on_after_paint_cb (GdkFrameClock *frame_clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Runs the main loop until @widget's window has painted a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (frame_clock);
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (on_after_paint_cb),
                              &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (frame_clock, handler);
}

/* Whether every name cell below @widget that shows one of the added people shows one whose
 * number starts with @prefix. */
static gboolean
people_shown_start_with (GtkWidget  *widget,
                         const char *prefix)
{
  if (shown_text (widget) != NULL && gtk_widget_get_mapped (widget))
    {
      const char *text = shown_text (widget);

      if (g_str_has_prefix (text, "Person") && !g_str_has_prefix (text, prefix))
        return FALSE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!people_shown_start_with (child, prefix))
      return FALSE;

  return TRUE;
}

/* 300 more trainees, Person100 to Person399 (ids 100 to 399, codes P-100…), after those of
 * fill_database(). */
static void
add_300_people (CohortDatabase *db)
{
  exec_sql (db,
            "WITH RECURSIVE n (i) AS (SELECT 100 UNION ALL SELECT i + 1 FROM n WHERE i < 399) "
            "INSERT INTO person (id, code, family_name, given_name, name_order, gender, "
            "nationality, created_at, updated_at) SELECT i, 'P-' || i, 'Person' || i, 'Given', "
            "'given_first', 'female', 'KE', :now, :now FROM n");
  exec_sql (db,
            "INSERT INTO enrolment (person_id, run_id, status, created_at, updated_at) "
            "SELECT id, 1, 'enrolled', :now, :now FROM person WHERE id >= 100");
}

/* Another search starts at the top of its results; the same list refreshed stays where it
 * was. */
static void
test_new_search_from_top (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  g_autoptr(CohortDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  GtkAdjustment *vadjustment;
  double bottom;
  Shown shown;

  fill_database (fixture->db);
  add_300_people (fixture->db);
  shown = show_page (fixture->db);
  g_assert_cmpuint (n_listed (shown.page), ==, 303);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (page_child (shown.page,
                                                                            "column_view")));
  bottom = gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment);
  g_assert_cmpfloat (bottom, >, 0);
  gtk_adjustment_set_value (vadjustment, bottom);
  cohort_gui_test_drain_main_context ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* The same list, refreshed after a change elsewhere: still at the bottom. */
  other = cohort_database_open (fixture->path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  exec_sql (other, "UPDATE person SET given_name = 'Renamed', updated_at = :now WHERE id = 399");
  g_assert_true (cohort_database_check_external_changes (fixture->db));
  cohort_gui_test_wait_until_idle (shown.page);
  cohort_gui_test_drain_main_context ();
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* A search: its first results at the top. */
  search_for (shown.page, "Person2");
  cohort_gui_test_drain_main_context ();
  g_assert_cmpuint (n_listed (shown.page), ==, 100);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==,
                     gtk_adjustment_get_lower (vadjustment));
  assert_listed (shown.page, 0, "Person200");

  /* The rows out of sight took the search's results too: scrolled to, they show them in the
   * first frame they are seen. */
  wait_for_frame (GTK_WIDGET (shown.page));
  bottom = gtk_adjustment_get_upper (vadjustment) - gtk_adjustment_get_page_size (vadjustment);
  g_assert_cmpfloat (bottom, >, 0);
  gtk_adjustment_set_value (vadjustment, bottom);
  wait_for_frame (GTK_WIDGET (shown.page));
  g_assert_nonnull (find_label (GTK_WIDGET (page_child (shown.page, "column_view")),
                                "Person299 Given"));
  g_assert_true (people_shown_start_with (GTK_WIDGET (page_child (shown.page, "column_view")),
                                          "Person2"));

  close_page (&shown);
}

typedef struct
{
  guint   n_frames;     /* frames begun so far */
  GArray *added;        /* rows each change told the view of */
  GArray *frames;       /* the frame each change came in */
  double  value_when_loading;
  GtkAdjustment *vadjustment;
} Steps;

static void
on_step_frame_cb (GdkFrameClock *frame_clock,
                  Steps         *steps)
{
  steps->n_frames++;
}

static void
on_view_rows_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Steps      *steps)
{
  int rows = (int) added - (int) removed;

  g_array_append_val (steps->added, rows);
  g_array_append_val (steps->frames, steps->n_frames);
}

static void
on_loading_cb (CohortQueryModel *model,
               GParamSpec       *pspec,
               Steps            *steps)
{
  if (cohort_query_model_get_loading (model))
    steps->value_when_loading = gtk_adjustment_get_value (steps->vadjustment);
}

/* Many rows coming into the view, or going: the rows in sight first, then a step a frame, so
 * that no frame builds the widgets of 200 rows.  The person in the editor is chosen again
 * when the view has her row; a new search moves the view to the top before its results. */
static void
test_paced_rows (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  CohortQueryModel *model;
  GtkSingleSelection *selection;
  GdkFrameClock *frame_clock;
  guint position;
  Steps steps = { 0, g_array_new (FALSE, FALSE, sizeof (int)),
                  g_array_new (FALSE, FALSE, sizeof (guint)), -1, NULL };
  Shown shown;

  fill_database (fixture->db);
  add_300_people (fixture->db);
  shown = show_page (fixture->db);
  model = cohort_trainees_page_get_model (shown.page);
  selection = cohort_trainees_page_get_selection (shown.page);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 303);

  search_for (shown.page, "Person250");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  select_code (shown.page, "P-250");

  frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (shown.page));
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (on_step_frame_cb), &steps);
  g_signal_connect (selection, "items-changed", G_CALLBACK (on_view_rows_changed_cb), &steps);

  /* Everyone back: 24 rows at once, then the others, one step a frame. */
  search_for (shown.page, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 303);
  g_assert_cmpuint (steps.added->len, >=, 3);
  g_assert_cmpint (g_array_index (steps.added, int, 0), ==, 24);
  for (guint i = 1; i < steps.added->len; i++)
    {
      g_assert_cmpint (g_array_index (steps.added, int, i), >, 0);
      g_assert_cmpuint (g_array_index (steps.frames, guint, i), >,
                        g_array_index (steps.frames, guint, i - 1));
    }

  /* Her row came in a later step: chosen again then. */
  g_assert_true (cohort_query_model_find_id (model, 250, &position));
  g_assert_cmpuint (position, >, 24);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);

  /* Down to one: 60 rows' widgets go a frame, the rows past the end blank until they go. */
  g_array_set_size (steps.added, 0);
  g_array_set_size (steps.frames, 0);
  search_for (shown.page, "Person399");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 1);
  g_assert_cmpuint (steps.added->len, >=, 3);
  for (guint i = 1; i < steps.added->len; i++)
    {
      g_assert_cmpint (g_array_index (steps.added, int, i), >=, -60);
      g_assert_cmpuint (g_array_index (steps.frames, guint, i), >,
                        g_array_index (steps.frames, guint, i - 1));
    }

  /* Scrolled down, a new search: the view is at the top before the results come, so that it
   * takes them in the rows it has there rather than build others. */
  search_for (shown.page, "");
  steps.vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (page_child (shown.page,
                                                                                  "column_view")));
  gtk_adjustment_set_value (steps.vadjustment, gtk_adjustment_get_upper (steps.vadjustment));
  wait_for_frame (GTK_WIDGET (shown.page));
  g_assert_cmpfloat (gtk_adjustment_get_value (steps.vadjustment), >, 0);
  g_signal_connect_after (model, "notify::loading", G_CALLBACK (on_loading_cb), &steps);
  search_for (shown.page, "Person3");
  g_assert_cmpfloat (steps.value_when_loading, ==,
                     gtk_adjustment_get_lower (steps.vadjustment));

  g_signal_handlers_disconnect_by_data (frame_clock, &steps);
  g_signal_handlers_disconnect_by_data (selection, &steps);
  g_signal_handlers_disconnect_by_data (model, &steps);
  g_array_unref (steps.added);
  g_array_unref (steps.frames);
  close_page (&shown);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/trainees/list", test_list);
  cohort_test_add ("/cohort/trainees/search-and-filters", test_search_and_filters);
  cohort_test_add ("/cohort/trainees/sort", test_sort);
  cohort_test_add ("/cohort/trainees/edit-and-undo", test_edit_and_undo);
  cohort_test_add ("/cohort/trainees/create-and-undo", test_create_and_undo);
  cohort_test_add ("/cohort/trainees/duplicate", test_duplicate);
  cohort_test_add ("/cohort/trainees/delete-and-undo", test_delete_and_undo);
  cohort_test_add ("/cohort/trainees/rule-violation", test_rule_violation);
  cohort_test_add ("/cohort/trainees/empty", test_empty);
  cohort_test_add ("/cohort/trainees/first-person", test_first_person);
  cohort_test_add ("/cohort/trainees/external-change", test_external_change);
  cohort_test_add ("/cohort/trainees/find", test_find);
  cohort_test_add ("/cohort/trainees/rows-in-place", test_rows_in_place);
  cohort_test_add ("/cohort/trainees/cells-fit-own-script", test_cells_fit_own_script);
  cohort_test_add ("/cohort/trainees/search-delay", test_search_delay);
  cohort_test_add ("/cohort/trainees/new-search-from-top", test_new_search_from_top);
  cohort_test_add ("/cohort/trainees/paced-rows", test_paced_rows);

  return g_test_run ();
}
