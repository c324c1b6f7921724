/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-placements-page"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "cohort-database-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-list-view.h"
#include "cohort-placements-page-private.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* The columns of the view, as cohort_placements_page_dup_cell_text() counts them. */
enum
{
  COLUMN_PERSON,
  COLUMN_HOST,
  COLUMN_OFFICE,
  COLUMN_DUTY_STATION,
  COLUMN_COUNTRY,
  COLUMN_MODALITY,
  COLUMN_START,
  COLUMN_END,
  COLUMN_STATUS,
};

/* Helpers */

static void
exec_sql (CohortDatabase *db,
          const char     *sql)
{
  cohort_gui_test_exec_sql (db, sql);
}

/* Three people, three organisations, three placements. */
static void
fill_database (CohortDatabase *db)
{
  exec_sql (db, "INSERT INTO person (id, code, family_name, given_name, name_order, "
                "created_at, updated_at) VALUES "
                "(1, 'P-001', 'Tanaka', 'Aiko', 'family_first', :now, :now), "
                "(2, 'P-002', 'Okafor', 'Chinedu', 'given_first', :now, :now), "
                "(3, 'P-003', 'Silva', 'Maria', 'given_first', :now, :now)");
  exec_sql (db, "INSERT INTO organisation (id, name, kind, country, created_at, updated_at) "
                "VALUES (1, 'UNDP', 'un_agency', NULL, :now, :now), "
                "(2, 'WFP', 'un_agency', NULL, :now, :now), "
                "(3, 'Nairobi Office', 'field_office', 'KE', :now, :now)");
  exec_sql (db, "INSERT INTO placement (id, person_id, host_id, office_id, duty_station, "
                "country, modality, start_date, end_date, status, created_at, updated_at) VALUES "
                "(1, 1, 1, 3, 'Nairobi', 'KE', 'un_volunteer', '2023-01-10', '2023-06-30', "
                "'completed', :now, :now), "
                "(2, 2, 2, NULL, 'Kampala', 'UG', 'secondment', '2024-02-01', '2024-12-31', "
                "'on_assignment', :now, :now), "
                "(3, 3, 1, NULL, NULL, 'KE', NULL, '2024-03-01', NULL, 'proposed', :now, :now)");
}

typedef struct
{
  GtkWindow            *window;
  CohortPlacementsPage *page;
} Shown;

static Shown
show_page (CohortDatabase *db)
{
  Shown shown;

  shown.window = cohort_gui_test_new_window ();
  shown.page = COHORT_PLACEMENTS_PAGE (cohort_placements_page_new (db));
  cohort_gui_test_present_page (shown.window, GTK_WIDGET (shown.page));

  return shown;
}

static void
close_page (Shown *shown)
{
  cohort_gui_test_close_page (shown->window, shown->page);
}

static GObject *
page_child (CohortPlacementsPage *page,
            const char           *name)
{
  return cohort_gui_test_page_child (page, name);
}

static guint
n_listed (CohortPlacementsPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (cohort_placements_page_get_model (page)));
}

static void
assert_cell (CohortPlacementsPage *page,
             guint                 position,
             guint                 column,
             const char           *expected)
{
  g_autofree char *text = cohort_placements_page_dup_cell_text (page, position, column);

  g_assert_cmpstr (text, ==, expected);
}

static void
set_field (CohortPlacementsPage *page,
           const char           *field,
           const char           *text)
{
  GtkWidget *row = cohort_placements_page_get_field_row (page, field);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
select_id (CohortPlacementsPage *page,
           gint64                id)
{
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_true (cohort_query_model_find_id (cohort_placements_page_get_model (page), id,
                                             &position));
  gtk_single_selection_set_selected (cohort_placements_page_get_selection (page), position);
  g_assert_nonnull (cohort_placements_page_get_placement (page));
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_placements_page_get_placement
                                                          (page))), ==, id);
}

static CohortPlacement *
load_placement (CohortDatabase *db,
                gint64          id)
{
  g_autoptr(GError) error = NULL;
  CohortRecord *record = cohort_store_load (db, COHORT_TYPE_PLACEMENT, id, &error);

  g_assert_no_error (error);
  return COHORT_PLACEMENT (record);
}

/* Tests */

static void
test_list (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Newest start first, with names and translated terms. */
  g_assert_cmpstr (cohort_placements_page_get_visible_state (shown.page), ==, "list");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  assert_cell (shown.page, 0, COLUMN_PERSON, "Maria Silva");
  assert_cell (shown.page, 0, COLUMN_END, "");
  assert_cell (shown.page, 1, COLUMN_PERSON, "Chinedu Okafor");
  assert_cell (shown.page, 1, COLUMN_HOST, "WFP");
  assert_cell (shown.page, 1, COLUMN_DUTY_STATION, "Kampala");
  assert_cell (shown.page, 2, COLUMN_PERSON, "Tanaka Aiko");
  assert_cell (shown.page, 2, COLUMN_HOST, "UNDP");
  assert_cell (shown.page, 2, COLUMN_OFFICE, "Nairobi Office");
  assert_cell (shown.page, 2, COLUMN_COUNTRY, "KE");
  assert_cell (shown.page, 2, COLUMN_START, "2023-01-10");
  assert_cell (shown.page, 2, COLUMN_END, "2023-06-30");
  {
    g_autofree char *modality = cohort_placements_page_dup_cell_text (shown.page, 2,
                                                                       COLUMN_MODALITY);
    g_autofree char *status = cohort_placements_page_dup_cell_text (shown.page, 2,
                                                                     COLUMN_STATUS);

    /* Labels, not codes. */
    g_assert_cmpstr (modality, !=, "un_volunteer");
    g_assert_cmpstr (modality, !=, "");
    g_assert_cmpstr (status, !=, "completed");
    g_assert_cmpstr (status, !=, "");
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "3 placements");

  close_page (&shown);
}

static void
test_search_and_filters (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  Shown shown;
  GtkDropDown *host;
  GtkDropDown *status;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* A person's name. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "search_entry")), "Okafor");
  cohort_query_model_set_search (cohort_placements_page_get_model (shown.page), "Okafor");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_cell (shown.page, 0, COLUMN_HOST, "WFP");
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "search_entry")), "");
  cohort_query_model_set_search (cohort_placements_page_get_model (shown.page), NULL);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  /* Country: a whole code filters, half of one does not. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "country_entry")), "u");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "country_entry")), "ug");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_cell (shown.page, 0, COLUMN_PERSON, "Chinedu Okafor");
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "country_entry")), "");
  cohort_gui_test_wait_until_idle (shown.page);

  /* Year. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "year_entry")), "2024");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "year_entry")), "");
  cohort_gui_test_wait_until_idle (shown.page);

  /* Host: the drop-down lists the organisations by name after "Any host". */
  host = GTK_DROP_DOWN (page_child (shown.page, "host_dropdown"));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (host)), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (host), i);

      if (strcmp (gtk_string_object_get_string (item), "UNDP") == 0)
        gtk_drop_down_set_selected (host, i);
    }
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 2);
  gtk_drop_down_set_selected (host, 0);
  cohort_gui_test_wait_until_idle (shown.page);

  /* Status: the vocabulary's order after "Any status"; proposed comes first. */
  status = GTK_DROP_DOWN (page_child (shown.page, "status_dropdown"));
  gtk_drop_down_set_selected (status, 1);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_cell (shown.page, 0, COLUMN_PERSON, "Maria Silva");

  /* Nothing matches: the no-match state, and its button clears it all. */
  gtk_editable_set_text (GTK_EDITABLE (page_child (shown.page, "country_entry")), "UG");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 0);
  g_assert_cmpstr (cohort_placements_page_get_visible_state (shown.page), ==, "no-match");
  cohort_gui_test_activate (shown.page, "placements.clear-filters");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  g_assert_cmpstr (cohort_placements_page_get_visible_state (shown.page), ==, "list");

  close_page (&shown);
}

static void
test_sort (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;
  GtkColumnView *view;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  view = GTK_COLUMN_VIEW (page_child (shown.page, "column_view"));

  gtk_column_view_sort_by_column (view, GTK_COLUMN_VIEW_COLUMN (page_child (shown.page,
                                                                            "person_column")),
                                  GTK_SORT_ASCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (cohort_query_model_get_sort (cohort_placements_page_get_model (shown.page)),
                   ==, COHORT_QUERY_SORT_PERSON);
  assert_cell (shown.page, 0, COLUMN_PERSON, "Chinedu Okafor");
  assert_cell (shown.page, 1, COLUMN_PERSON, "Maria Silva");
  assert_cell (shown.page, 2, COLUMN_PERSON, "Tanaka Aiko");

  gtk_column_view_sort_by_column (view, GTK_COLUMN_VIEW_COLUMN (page_child (shown.page,
                                                                            "host_column")),
                                  GTK_SORT_DESCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  assert_cell (shown.page, 0, COLUMN_HOST, "WFP");

  gtk_column_view_sort_by_column (view, GTK_COLUMN_VIEW_COLUMN (page_child (shown.page,
                                                                            "start_column")),
                                  GTK_SORT_ASCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  assert_cell (shown.page, 0, COLUMN_START, "2023-01-10");
  assert_cell (shown.page, 2, COLUMN_START, "2024-03-01");

  close_page (&shown);
}

static void
test_create_edit_delete_undo (CohortTestFixture *fixture,
                              gconstpointer      user_data)
{
  g_autoptr(CohortPlacement) stored = NULL;
  Shown shown;
  gint64 id;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Create: Tanaka again, at WFP, after the first placement ended. */
  cohort_gui_test_activate (shown.page, "placements.new");
  cohort_placements_page_choose (shown.page, "person_id", 1);
  cohort_placements_page_choose (shown.page, "host_id", 2);
  set_field (shown.page, "country", "ug");
  set_field (shown.page, "duty_station", "Gulu");
  set_field (shown.page, "start_date", "2024-01-15");
  set_field (shown.page, "end_date", "2024-07-15");
  cohort_gui_test_activate (shown.page, "placements.save");
  g_assert_null (cohort_placements_page_get_error_text (shown.page));
  g_assert_cmpuint (n_listed (shown.page), ==, 4);
  id = cohort_record_get_id (COHORT_RECORD (cohort_placements_page_get_placement (shown.page)));
  g_assert_cmpint (id, >, 3);
  stored = load_placement (fixture->db, id);
  g_assert_cmpstr (cohort_placement_get_country (stored), ==, "UG");
  g_assert_cmpint (cohort_placement_get_host_id (stored), ==, 2);
  g_assert_cmpint (cohort_placement_get_person_id (stored), ==, 1);
  g_clear_object (&stored);

  /* Undo the creation. */
  cohort_gui_test_activate (shown.page, "placements.undo");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  /* Edit placement 2, then undo the edit. */
  select_id (shown.page, 2);
  set_field (shown.page, "duty_station", "Entebbe");
  cohort_gui_test_activate (shown.page, "placements.save");
  stored = load_placement (fixture->db, 2);
  g_assert_cmpstr (cohort_placement_get_duty_station (stored), ==, "Entebbe");
  g_clear_object (&stored);
  cohort_gui_test_activate (shown.page, "placements.undo");
  stored = load_placement (fixture->db, 2);
  g_assert_cmpstr (cohort_placement_get_duty_station (stored), ==, "Kampala");
  g_clear_object (&stored);

  /* Delete placement 2, then undo the deletion. */
  select_id (shown.page, 2);
  cohort_gui_test_activate (shown.page, "placements.delete");
  g_assert_cmpuint (n_listed (shown.page), ==, 2);
  g_assert_null (cohort_placements_page_get_placement (shown.page));
  cohort_gui_test_activate (shown.page, "placements.undo");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  g_assert_nonnull (cohort_placements_page_get_placement (shown.page));

  close_page (&shown);
}

static void
test_rule_violations (CohortTestFixture *fixture,
                      gconstpointer      user_data)
{
  g_autoptr(CohortPlacement) stored = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Overlapping Okafor's placement of 2024: refused, the message next to the start date. */
  cohort_gui_test_activate (shown.page, "placements.new");
  cohort_placements_page_choose (shown.page, "person_id", 2);
  cohort_placements_page_choose (shown.page, "host_id", 1);
  set_field (shown.page, "country", "KE");
  set_field (shown.page, "start_date", "2024-06-01");
  cohort_gui_test_activate (shown.page, "placements.save");
  g_assert_cmpstr (cohort_placements_page_get_error_field (shown.page), ==, "start_date");
  g_assert_nonnull (strstr (cohort_placements_page_get_error_text (shown.page), "overlaps"));
  g_assert_true (gtk_widget_has_css_class (cohort_placements_page_get_field_row (shown.page,
                                                                               "start_date"),
                                           "error"));
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  /* An end before the start: next to the end date, nothing saved. */
  select_id (shown.page, 1);
  set_field (shown.page, "end_date", "2022-12-31");
  cohort_gui_test_activate (shown.page, "placements.save");
  g_assert_cmpstr (cohort_placements_page_get_error_field (shown.page), ==, "end_date");
  g_assert_false (gtk_widget_has_css_class (cohort_placements_page_get_field_row (shown.page,
                                                                                "start_date"),
                                            "error"));
  stored = load_placement (fixture->db, 1);
  g_assert_cmpstr (cohort_placement_get_end_date (stored), ==, "2023-06-30");

  close_page (&shown);
}

static void
test_empty (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  Shown shown = show_page (fixture->db);

  g_assert_cmpuint (n_listed (shown.page), ==, 0);
  g_assert_cmpstr (cohort_placements_page_get_visible_state (shown.page), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "0 placements");

  close_page (&shown);
}

/* A page let go while its list is still being read goes at once. */
static void
test_dispose_while_loading (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  GObject *page;

  fill_database (fixture->db);
  for (guint i = 0; i < 20; i++)
    {
      page = G_OBJECT (cohort_placements_page_new (fixture->db));
      g_object_ref_sink (page);
      cohort_gui_test_assert_finalized (page);
      cohort_gui_test_drain_main_context ();
    }
}

/* A search's results take the rows in place, at once after each keystroke; the placement in the
 * form is chosen wherever it is listed, and none while it is not. */
static void
test_rows_in_place (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  GtkSingleSelection *selection;
  GtkSearchEntry *entry;
  g_autoptr(GObject) first_row = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  selection = cohort_placements_page_get_selection (shown.page);
  entry = GTK_SEARCH_ENTRY (page_child (shown.page, "search_entry"));
  g_assert_cmpuint (gtk_search_entry_get_search_delay (entry), ==, COHORT_LIST_SEARCH_DELAY);

  first_row = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  select_id (shown.page, 3);

  /* Silva's placement alone: in the first row, the row that was there. */
  cohort_query_model_set_search (cohort_placements_page_get_model (shown.page), "Silva");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  {
    g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    g_assert_true (row == first_row);
  }
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_list_view_get_selected (selection))),
                   ==, 3);

  /* Not listed: nothing chosen, and the form keeps it. */
  cohort_query_model_set_search (cohort_placements_page_get_model (shown.page), "Okafor");
  cohort_gui_test_wait_until_idle (shown.page);
  assert_cell (shown.page, 0, COLUMN_HOST, "WFP");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (cohort_placements_page_get_placement
                                                          (shown.page))), ==, 3);

  /* Everyone back: chosen again, where it is. */
  cohort_query_model_set_search (cohort_placements_page_get_model (shown.page), NULL);
  cohort_gui_test_wait_until_idle (shown.page);
  {
    guint position;

    g_assert_true (cohort_query_model_find_id (cohort_placements_page_get_model (shown.page), 3,
                                               &position));
    g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, position);
  }

  close_page (&shown);
}

/* Right to left, a list wider than its place shows its first column (the person, at the
 * right), not its last. */
static void
test_right_to_left_start (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  GtkWindow *window;
  CohortPlacementsPage *page;
  GtkAdjustment *hadjustment;
  double end;

  fill_database (fixture->db);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);
  window = cohort_gui_test_new_window ();
  gtk_window_set_default_size (window, 700, 500);
  page = COHORT_PLACEMENTS_PAGE (cohort_placements_page_new (fixture->db));
  cohort_gui_test_present_page (window, GTK_WIDGET (page));
  cohort_gui_test_drain_main_context ();

  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (page_child (page,
                                                                            "column_view")));
  end = gtk_adjustment_get_upper (hadjustment) - gtk_adjustment_get_page_size (hadjustment);
  g_assert_cmpfloat (end, >, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, end);

  /* Scrolled sideways by the reader: it stays where it is put. */
  gtk_adjustment_set_value (hadjustment, 0);
  cohort_gui_test_drain_main_context ();
  g_assert_cmpfloat (gtk_adjustment_get_value (hadjustment), ==, 0);

  cohort_gui_test_close_page (window, page);
  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/placements/list", test_list);
  cohort_test_add ("/cohort/placements/search-and-filters", test_search_and_filters);
  cohort_test_add ("/cohort/placements/sort", test_sort);
  cohort_test_add ("/cohort/placements/create-edit-delete-undo", test_create_edit_delete_undo);
  cohort_test_add ("/cohort/placements/rule-violations", test_rule_violations);
  cohort_test_add ("/cohort/placements/empty", test_empty);
  cohort_test_add ("/cohort/placements/dispose-while-loading", test_dispose_while_loading);
  cohort_test_add ("/cohort/placements/rows-in-place", test_rows_in_place);
  cohort_test_add ("/cohort/placements/right-to-left-start", test_right_to_left_start);

  return g_test_run ();
}
