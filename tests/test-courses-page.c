/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-courses-page"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-courses-page-private.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-gui-test-utils.h"
#include "cohort-run-stats.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-utils.h"
#include "cohort-vocabulary.h"

/* Helpers */

static void
exec_sql (CohortDatabase *db,
          const char     *sql)
{
  cohort_gui_test_exec_sql (db, sql);
}

/* Two courses; the first has two runs, the first run one person enrolled and three on the
 * reserve list; a fifth person is enrolled nowhere. */
static void
fill_database (CohortDatabase *db)
{
  exec_sql (db, "INSERT INTO programme (id, code, name, created_at, updated_at) "
                "VALUES (1, 'PC', 'Primary Course', :now, :now)");
  exec_sql (db, "INSERT INTO course (id, code, title, programme_id, created_at, updated_at) "
                "VALUES (1, 'C1', 'Peacebuilding', 1, :now, :now), "
                "(2, 'C2', 'Mediation', 1, :now, :now)");
  exec_sql (db, "INSERT INTO course_run (id, course_id, code, start_date, end_date, mode, "
                "capacity, status, fiscal_year, created_at, updated_at) VALUES "
                "(1, 1, 'R1', '2024-01-10', '2024-03-20', 'in_person', 20, 'running', 2024, "
                ":now, :now), "
                "(2, 1, 'R2', '2024-09-01', NULL, 'online', NULL, 'planned', 2024, :now, :now)");
  exec_sql (db, "INSERT INTO person (id, code, family_name, given_name, name_order, "
                "created_at, updated_at) VALUES "
                "(1, 'P-001', 'Tanaka', 'Aiko', 'family_first', :now, :now), "
                "(2, 'P-002', 'Okafor', 'Chinedu', 'given_first', :now, :now), "
                "(3, 'P-003', 'Silva', 'Maria', 'given_first', :now, :now), "
                "(4, 'P-004', 'Andersson', 'Lars', 'given_first', :now, :now), "
                "(5, 'P-005', 'Haddad', 'Rania', 'given_first', :now, :now)");
  exec_sql (db, "INSERT INTO enrolment (id, person_id, run_id, status, reserve_rank, "
                "created_at, updated_at) VALUES "
                "(1, 1, 1, 'enrolled', NULL, :now, :now), "
                "(2, 2, 1, 'reserve', 1, :now, :now), "
                "(3, 3, 1, 'reserve', 2, :now, :now), "
                "(4, 4, 1, 'reserve', 3, :now, :now)");
}

typedef struct
{
  GtkWindow         *window;
  CohortCoursesPage *page;
} Shown;

static Shown
show_page (CohortDatabase *db)
{
  Shown shown;

  shown.window = cohort_gui_test_new_window ();
  shown.page = COHORT_COURSES_PAGE (cohort_courses_page_new (db));
  cohort_gui_test_present_page (shown.window, GTK_WIDGET (shown.page));

  return shown;
}

static void
close_page (Shown *shown)
{
  cohort_gui_test_close_page (shown->window, shown->page);
}

static GObject *
page_child (CohortCoursesPage *page,
            const char        *name)
{
  return cohort_gui_test_page_child (page, name);
}

static guint
n_items (CohortQueryModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
select_id (CohortCoursesPage  *page,
           GtkSingleSelection *selection,
           CohortQueryModel   *model,
           gint64              id)
{
  guint position = 0;

  g_assert_true (cohort_query_model_find_id (model, id, &position));
  gtk_single_selection_set_selected (selection, position);
  cohort_gui_test_wait_until_idle (page);
}

/* Shows course 1 and its run 1. */
static void
open_run (CohortCoursesPage *page)
{
  select_id (page, cohort_courses_page_get_selection (page),
             cohort_courses_page_get_model (page), 1);
  g_assert_cmpuint (n_items (cohort_courses_page_get_runs (page)), ==, 2);
  select_id (page, cohort_courses_page_get_run_selection (page),
             cohort_courses_page_get_runs (page), 1);
}

static CohortEnrolment *
load_enrolment (CohortDatabase *db,
                gint64          id)
{
  g_autoptr(GError) error = NULL;
  CohortRecord *record = cohort_store_load (db, COHORT_TYPE_ENROLMENT, id, &error);

  g_assert_no_error (error);
  return COHORT_ENROLMENT (record);
}

/* Tests */

static void
test_list (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;
  CohortQueryModel *model;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  model = cohort_courses_page_get_model (shown.page);

  g_assert_cmpuint (n_items (model), ==, 2);
  g_assert_cmpstr (cohort_courses_page_get_visible_state (shown.page), ==, "list");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))), ==,
                   "2 courses");

  close_page (&shown);
}

static void
test_search (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  Shown shown;
  CohortQueryModel *model;
  GtkEditable *search;
  g_autoptr(CohortCourse) course = NULL;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  model = cohort_courses_page_get_model (shown.page);

  search = GTK_EDITABLE (page_child (shown.page, "search_entry"));
  gtk_editable_set_text (search, "media");
  while (g_strcmp0 (cohort_query_model_get_search (model), "media") != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);

  g_assert_cmpuint (n_items (model), ==, 1);
  course = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (cohort_course_get_code (course), ==, "C2");

  gtk_editable_set_text (search, "nothing like this");
  while (g_strcmp0 (cohort_query_model_get_search (model), "nothing like this") != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_items (model), ==, 0);
  g_assert_cmpstr (cohort_courses_page_get_visible_state (shown.page), ==, "no-match");

  close_page (&shown);
}

static void
test_runs_and_enrolments (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  Shown shown;
  guint taken = 0;
  g_autoptr(GError) error = NULL;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* No course chosen: no runs. */
  g_assert_cmpuint (n_items (cohort_courses_page_get_runs (shown.page)), ==, 0);

  open_run (shown.page);
  g_assert_cmpuint (n_items (cohort_courses_page_get_enrolments (shown.page)), ==, 4);

  /* The second course has no runs. */
  select_id (shown.page, cohort_courses_page_get_selection (shown.page),
             cohort_courses_page_get_model (shown.page), 2);
  g_assert_cmpuint (n_items (cohort_courses_page_get_runs (shown.page)), ==, 0);

  /* One place taken: the reserves take none. */
  g_assert_true (cohort_run_stats_count_taken (fixture->db, 1, &taken, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (taken, ==, 1);

  close_page (&shown);
}

static void
test_enrol (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  Shown shown;
  CohortQueryModel *enrolments;
  CohortQueryModel *persons;
  GtkEditable *search;
  g_autoptr(CohortEnrolment) enrolment = NULL;
  gboolean found = FALSE;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  open_run (shown.page);
  enrolments = cohort_courses_page_get_enrolments (shown.page);

  /* The chooser lists everyone; searching narrows it; choosing enrols. */
  /* Nobody is read before the chooser is used. */
  g_assert_null (cohort_courses_page_get_persons (shown.page));
  search = GTK_EDITABLE (page_child (shown.page, "person_search"));
  gtk_editable_set_text (search, "haddad");
  while (cohort_courses_page_get_persons (shown.page) == NULL)
    g_main_context_iteration (NULL, TRUE);
  persons = cohort_courses_page_get_persons (shown.page);
  while (g_strcmp0 (cohort_query_model_get_search (persons), "haddad") != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_items (persons), ==, 1);
  g_assert_cmpint (cohort_query_model_get_id (persons, 0), ==, 5);

  gtk_editable_set_text (search, "");
  while (cohort_str_empty_to_null (cohort_query_model_get_search (persons)) != NULL)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_items (persons), ==, 5);

  gtk_editable_set_text (search, "haddad");
  while (g_strcmp0 (cohort_query_model_get_search (persons), "haddad") != 0)
    g_main_context_iteration (NULL, TRUE);
  cohort_gui_test_wait_until_idle (shown.page);

  g_signal_emit_by_name (page_child (shown.page, "person_view"), "activate", 0);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "enrolment"));
  g_assert_cmpuint (n_items (enrolments), ==, 5);

  for (guint i = 0; i < n_items (enrolments); i++)
    {
      g_autoptr(CohortEnrolment) item = g_list_model_get_item (G_LIST_MODEL (enrolments), i);

      if (cohort_enrolment_get_person_id (item) == 5)
        {
          found = TRUE;
          g_assert_cmpstr (cohort_enrolment_get_status (item), ==, "applied");
        }
    }
  g_assert_true (found);

  /* Twice in one run: refused, in words. */
  cohort_courses_page_enrol_person (shown.page, 5);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_nonnull (cohort_courses_page_get_error_text (shown.page, "enrolment"));
  g_assert_cmpuint (n_items (enrolments), ==, 5);

  /* Undo takes the enrolment back. */
  cohort_gui_test_activate (shown.page, "courses.undo");
  g_assert_cmpuint (n_items (enrolments), ==, 4);

  enrolment = load_enrolment (fixture->db, 1);
  g_assert_cmpstr (cohort_enrolment_get_status (enrolment), ==, "enrolled");

  close_page (&shown);
}

static void
test_change_status (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  Shown shown;
  g_autoptr(CohortEnrolment) enrolment = NULL;
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;
  GtkDropDown *dropdown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  open_run (shown.page);

  select_id (shown.page, cohort_courses_page_get_enrolment_selection (shown.page),
             cohort_courses_page_get_enrolments (shown.page), 1);
  dropdown = GTK_DROP_DOWN (page_child (shown.page, "status_dropdown"));
  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_ENROLMENT_STATUS, &n_terms);
  for (guint i = 0; i < n_terms; i++)
    if (strcmp (terms[i].code, "completed") == 0)
      gtk_drop_down_set_selected (dropdown, i);

  cohort_gui_test_activate (shown.page, "courses.change-status");
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "enrolment"));
  enrolment = load_enrolment (fixture->db, 1);
  g_assert_cmpstr (cohort_enrolment_get_status (enrolment), ==, "completed");
  g_clear_object (&enrolment);

  /* Onto the reserve list: at its end. */
  for (guint i = 0; i < n_terms; i++)
    if (strcmp (terms[i].code, "reserve") == 0)
      gtk_drop_down_set_selected (dropdown, i);
  select_id (shown.page, cohort_courses_page_get_enrolment_selection (shown.page),
             cohort_courses_page_get_enrolments (shown.page), 1);
  for (guint i = 0; i < n_terms; i++)
    if (strcmp (terms[i].code, "reserve") == 0)
      gtk_drop_down_set_selected (dropdown, i);
  cohort_gui_test_activate (shown.page, "courses.change-status");
  enrolment = load_enrolment (fixture->db, 1);
  g_assert_cmpstr (cohort_enrolment_get_status (enrolment), ==, "reserve");
  g_assert_cmpint (cohort_enrolment_get_reserve_rank (enrolment), ==, 4);

  close_page (&shown);
}

static void
test_promote (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  Shown shown;
  g_autoptr(CohortEnrolment) first = NULL;
  g_autoptr(CohortEnrolment) second = NULL;
  g_autoptr(CohortEnrolment) third = NULL;
  guint taken = 0;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  open_run (shown.page);

  cohort_gui_test_activate (shown.page, "courses.promote");
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "enrolment"));

  first = load_enrolment (fixture->db, 2);
  second = load_enrolment (fixture->db, 3);
  third = load_enrolment (fixture->db, 4);
  g_assert_cmpstr (cohort_enrolment_get_status (first), ==, "selected");
  g_assert_cmpint (cohort_enrolment_get_reserve_rank (first), ==, 0);
  g_assert_cmpstr (cohort_enrolment_get_status (second), ==, "reserve");
  g_assert_cmpint (cohort_enrolment_get_reserve_rank (second), ==, 1);
  g_assert_cmpstr (cohort_enrolment_get_status (third), ==, "reserve");
  g_assert_cmpint (cohort_enrolment_get_reserve_rank (third), ==, 2);

  g_assert_true (cohort_run_stats_count_taken (fixture->db, 1, &taken, NULL));
  g_assert_cmpuint (taken, ==, 2);

  /* The second run has nobody on its reserve list: said in words. */
  select_id (shown.page, cohort_courses_page_get_run_selection (shown.page),
             cohort_courses_page_get_runs (shown.page), 2);
  cohort_gui_test_activate (shown.page, "courses.promote");
  g_assert_nonnull (cohort_courses_page_get_error_text (shown.page, "enrolment"));

  close_page (&shown);
}

static void
test_rule_violation (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  Shown shown;
  GtkWidget *row;
  g_autoptr(CohortRecord) run = NULL;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  open_run (shown.page);

  row = cohort_courses_page_get_field_row (shown.page, "run", "end_date");
  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), "2023-12-31");
  cohort_gui_test_activate (shown.page, "courses.save-run");

  g_assert_nonnull (cohort_courses_page_get_error_text (shown.page, "run"));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  /* The message is the row right under the field. */
  g_assert_nonnull (gtk_widget_get_next_sibling (row));
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_widget_get_next_sibling (row)));
  g_assert_true (gtk_widget_has_css_class (
    gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (gtk_widget_get_next_sibling (row))),
    "error"));

  run = cohort_store_load (fixture->db, COHORT_TYPE_COURSE_RUN, 1, NULL);
  g_assert_nonnull (run);
  g_assert_cmpstr (cohort_course_run_get_end_date (COHORT_COURSE_RUN (run)), ==, "2024-03-20");

  /* A capacity that is not a number: refused before core. */
  gtk_editable_set_text (GTK_EDITABLE (row), "2024-03-21");
  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "run",
                                                                          "capacity")),
                         "many");
  cohort_gui_test_activate (shown.page, "courses.save-run");
  g_assert_nonnull (cohort_courses_page_get_error_text (shown.page, "run"));
  g_clear_object (&run);
  run = cohort_store_load (fixture->db, COHORT_TYPE_COURSE_RUN, 1, NULL);
  g_assert_cmpstr (cohort_course_run_get_end_date (COHORT_COURSE_RUN (run)), ==, "2024-03-20");

  /* Put right, it saves. */
  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "run",
                                                                          "capacity")),
                         "24");
  cohort_gui_test_activate (shown.page, "courses.save-run");
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "run"));
  g_clear_object (&run);
  run = cohort_store_load (fixture->db, COHORT_TYPE_COURSE_RUN, 1, NULL);
  g_assert_cmpstr (cohort_course_run_get_end_date (COHORT_COURSE_RUN (run)), ==, "2024-03-21");
  g_assert_cmpint (cohort_course_run_get_capacity (COHORT_COURSE_RUN (run)), ==, 24);

  close_page (&shown);
}

static void
test_create_delete_undo (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  Shown shown;
  CohortQueryModel *model;
  GtkWidget *provider;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  model = cohort_courses_page_get_model (shown.page);

  cohort_gui_test_activate (shown.page, "courses.new");
  /* A course needs a title: said next to it. */
  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "course",
                                                                          "code")),
                         "C3");
  cohort_gui_test_activate (shown.page, "courses.save");
  g_assert_nonnull (cohort_courses_page_get_error_text (shown.page, "course"));
  g_assert_cmpuint (n_items (model), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "course",
                                                                          "title")),
                         "Negotiation");

  /* A provider nobody recorded: said next to it. */
  provider = cohort_courses_page_get_field_row (shown.page, "course", "provider_id");
  gtk_editable_set_text (GTK_EDITABLE (provider), "Nobody Institute");
  cohort_gui_test_activate (shown.page, "courses.save");
  g_assert_nonnull (cohort_courses_page_get_error_text (shown.page, "course"));
  g_assert_true (gtk_widget_has_css_class (provider, "error"));
  g_assert_cmpuint (n_items (model), ==, 2);

  gtk_editable_set_text (GTK_EDITABLE (provider), "");
  cohort_gui_test_activate (shown.page, "courses.save");
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "course"));
  g_assert_cmpuint (n_items (model), ==, 3);

  cohort_gui_test_activate (shown.page, "courses.delete");
  g_assert_cmpuint (n_items (model), ==, 2);
  cohort_gui_test_activate (shown.page, "courses.undo");
  g_assert_cmpuint (n_items (model), ==, 3);

  close_page (&shown);
}

static void
test_empty (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  Shown shown = show_page (fixture->db);

  g_assert_cmpuint (n_items (cohort_courses_page_get_model (shown.page)), ==, 0);
  g_assert_cmpstr (cohort_courses_page_get_visible_state (shown.page), ==, "empty");

  /* The first course of the catalogue. */
  cohort_gui_test_activate (shown.page, "courses.new");
  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "course",
                                                                          "code")),
                         "C1");
  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "course",
                                                                          "title")),
                         "Peacebuilding");
  cohort_gui_test_activate (shown.page, "courses.save");
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "course"));
  g_assert_cmpuint (n_items (cohort_courses_page_get_model (shown.page)), ==, 1);
  g_assert_cmpstr (cohort_courses_page_get_visible_state (shown.page), ==, "list");
  g_assert_cmpuint (gtk_single_selection_get_selected (
                      cohort_courses_page_get_selection (shown.page)), ==, 0);

  close_page (&shown);
}

static void
test_new_run (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  Shown shown;
  GtkWidget *code;
  CohortQueryModel *runs;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  open_run (shown.page);
  runs = cohort_courses_page_get_runs (shown.page);

  cohort_gui_test_activate (shown.page, "courses.new-run");
  code = cohort_courses_page_get_field_row (shown.page, "run", "code");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (code)), ==, "");
  gtk_editable_set_text (GTK_EDITABLE (code), "R3");
  gtk_editable_set_text (GTK_EDITABLE (cohort_courses_page_get_field_row (shown.page, "run",
                                                                          "start_date")),
                         "2025-01-10");

  /* Ctrl+S saves the part of the page being edited: here the run. */
  gtk_widget_grab_focus (code);
  cohort_gui_test_activate (shown.page, "courses.save-focused");
  g_assert_null (cohort_courses_page_get_error_text (shown.page, "run"));
  g_assert_cmpuint (n_items (runs), ==, 3);
  g_assert_cmpint (gtk_single_selection_get_selected (
                     cohort_courses_page_get_run_selection (shown.page)), !=,
                   GTK_INVALID_LIST_POSITION);

  close_page (&shown);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/courses/list", test_list);
  cohort_test_add ("/cohort/courses/search", test_search);
  cohort_test_add ("/cohort/courses/runs-and-enrolments", test_runs_and_enrolments);
  cohort_test_add ("/cohort/courses/enrol", test_enrol);
  cohort_test_add ("/cohort/courses/change-status", test_change_status);
  cohort_test_add ("/cohort/courses/promote", test_promote);
  cohort_test_add ("/cohort/courses/rule-violation", test_rule_violation);
  cohort_test_add ("/cohort/courses/create-delete-undo", test_create_delete_undo);
  cohort_test_add ("/cohort/courses/empty", test_empty);
  cohort_test_add ("/cohort/courses/new-run", test_new_run);

  return g_test_run ();
}
