/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-graduates-page"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "cohort-database-private.h"
#include "cohort-graduates-page-private.h"
#include "cohort-gui-test-utils.h"
#include "cohort-list-view.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* The columns of the view, as cohort_graduates_page_dup_cell_text() counts them. */
enum
{
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_POSITION,
  COLUMN_SECTOR,
  COLUMN_COUNTRY,
  COLUMN_VERIFIED,
};

/* Helpers */

static void
exec_sql (CohortDatabase *db,
          const char     *sql)
{
  cohort_gui_test_exec_sql (db, sql);
}

/* Three graduates (one confirmed lately, one long ago, one never) and one trainee still
 * enrolled. */
static void
fill_database (CohortDatabase *db)
{
  exec_sql (db, "INSERT INTO programme (id, code, name, created_at, updated_at) "
                "VALUES (1, 'PC', 'Primary Course', :now, :now)");
  exec_sql (db, "INSERT INTO course (id, code, title, programme_id, created_at, updated_at) "
                "VALUES (1, 'C1', 'Peacebuilding', 1, :now, :now)");
  exec_sql (db, "INSERT INTO course_run (id, course_id, code, fiscal_year, created_at, "
                "updated_at) VALUES (1, 1, 'R1', 2020, :now, :now)");
  exec_sql (db, "INSERT INTO person (id, code, family_name, given_name, name_order, "
                "created_at, updated_at) VALUES "
                "(1, 'P-001', 'Tanaka', 'Aiko', 'family_first', :now, :now), "
                "(2, 'P-002', 'Okafor', 'Chinedu', 'given_first', :now, :now), "
                "(3, 'P-003', 'Silva', 'Maria', 'given_first', :now, :now), "
                "(4, 'P-004', 'Andersson', 'Lars', 'given_first', :now, :now)");
  exec_sql (db, "INSERT INTO enrolment (person_id, run_id, status, created_at, updated_at) "
                "VALUES (1, 1, 'completed', :now, :now), (2, 1, 'completed', :now, :now), "
                "(3, 1, 'completed', :now, :now), (4, 1, 'enrolled', :now, :now)");
  exec_sql (db, "INSERT INTO organisation (id, name, created_at, updated_at) VALUES "
                "(1, 'Ministry of Foreign Affairs', :now, :now), (2, 'Oxfam', :now, :now)");
  exec_sql (db, "INSERT INTO career_record (person_id, organisation_id, position_title, sector, "
                "country, start_date, verified_on, created_at, updated_at) VALUES "
                "(1, 1, 'Desk officer', 'government', 'JP', '2021-04-01', date('now'), :now, "
                ":now), "
                "(2, 2, 'Field coordinator', 'ngo', 'NG', '2021-01-01', '2020-06-01', :now, "
                ":now)");
}

typedef struct
{
  GtkWindow           *window;
  CohortGraduatesPage *page;
} Shown;

static Shown
show_page (CohortDatabase *db)
{
  Shown shown;

  shown.window = cohort_gui_test_new_window ();
  shown.page = COHORT_GRADUATES_PAGE (cohort_graduates_page_new (db));
  cohort_gui_test_present_page (shown.window, GTK_WIDGET (shown.page));

  return shown;
}

static void
close_page (Shown *shown)
{
  cohort_gui_test_close_page (shown->window, shown->page);
}

static GObject *
page_child (CohortGraduatesPage *page,
            const char          *name)
{
  return cohort_gui_test_page_child (page, name);
}

static guint
n_listed (CohortGraduatesPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (cohort_graduates_page_get_model (page)));
}

static void
assert_cell (CohortGraduatesPage *page,
             guint                position,
             guint                column,
             const char          *expected)
{
  g_autofree char *text = cohort_graduates_page_dup_cell_text (page, position, column);

  g_assert_cmpstr (text, ==, expected);
}

static void
set_text (CohortGraduatesPage *page,
          const char          *child,
          const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (page_child (page, child)), text);
}

static void
select_position (CohortGraduatesPage *page,
                 guint                position)
{
  gtk_single_selection_set_selected (cohort_graduates_page_get_selection (page), position);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Tests */

static void
test_list (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autofree char *today = dup_today ();
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Graduates only, by family name, with their latest position. */
  g_assert_cmpstr (cohort_graduates_page_get_visible_state (shown.page), ==, "list");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);
  assert_cell (shown.page, 0, COLUMN_NAME, "Chinedu Okafor");
  assert_cell (shown.page, 0, COLUMN_ORGANISATION, "Oxfam");
  assert_cell (shown.page, 0, COLUMN_POSITION, "Field coordinator");
  assert_cell (shown.page, 0, COLUMN_COUNTRY, "NG");
  assert_cell (shown.page, 0, COLUMN_VERIFIED, "2020-06-01");
  assert_cell (shown.page, 1, COLUMN_NAME, "Maria Silva");
  assert_cell (shown.page, 1, COLUMN_ORGANISATION, "");
  assert_cell (shown.page, 1, COLUMN_VERIFIED, "Never");
  assert_cell (shown.page, 2, COLUMN_NAME, "Tanaka Aiko");
  assert_cell (shown.page, 2, COLUMN_VERIFIED, today);
  {
    g_autofree char *sector = cohort_graduates_page_dup_cell_text (shown.page, 2, COLUMN_SECTOR);

    g_assert_cmpstr (sector, !=, "government");
    g_assert_cmpstr (sector, !=, "");
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "3 graduates");

  close_page (&shown);
}

static void
test_search_and_filters (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  GtkDropDown *sector;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  cohort_query_model_set_search (cohort_graduates_page_get_model (shown.page), "Tanaka");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_cell (shown.page, 0, COLUMN_NAME, "Tanaka Aiko");
  cohort_query_model_set_search (cohort_graduates_page_get_model (shown.page), NULL);
  cohort_gui_test_wait_until_idle (shown.page);

  /* Not confirmed for over a year: the one verified long ago, and the one never verified. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (shown.page,
                                                             "not_confirmed_check")), TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 2);
  assert_cell (shown.page, 0, COLUMN_NAME, "Chinedu Okafor");
  assert_cell (shown.page, 1, COLUMN_NAME, "Maria Silva");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (shown.page,
                                                             "not_confirmed_check")), FALSE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  /* Sector of the latest position: "Any sector", then the vocabulary's order. */
  sector = GTK_DROP_DOWN (page_child (shown.page, "sector_dropdown"));
  {
    GListModel *labels = gtk_drop_down_get_model (sector);
    guint n = g_list_model_get_n_items (labels);
    g_autofree char *ngo = NULL;

    /* Find the NGO label through the list's own cell. */
    ngo = cohort_graduates_page_dup_cell_text (shown.page, 0, COLUMN_SECTOR);
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(GtkStringObject) label = g_list_model_get_item (labels, i);

        if (strcmp (gtk_string_object_get_string (label), ngo) == 0)
          gtk_drop_down_set_selected (sector, i);
      }
  }
  g_assert_cmpuint (gtk_drop_down_get_selected (sector), >, 0);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_cell (shown.page, 0, COLUMN_NAME, "Chinedu Okafor");

  /* No match, then everything back. */
  cohort_query_model_set_search (cohort_graduates_page_get_model (shown.page), "Tanaka");
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 0);
  g_assert_cmpstr (cohort_graduates_page_get_visible_state (shown.page), ==, "no-match");
  cohort_gui_test_activate (shown.page, "graduates.clear-filters");
  g_assert_cmpuint (n_listed (shown.page), ==, 3);

  close_page (&shown);
}

static void
test_sort (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Last verified: never first, then the oldest. */
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (page_child (shown.page, "column_view")),
                                  GTK_COLUMN_VIEW_COLUMN (page_child (shown.page,
                                                                      "verified_column")),
                                  GTK_SORT_ASCENDING);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (cohort_query_model_get_sort (cohort_graduates_page_get_model (shown.page)),
                   ==, COHORT_QUERY_SORT_LAST_VERIFIED);
  assert_cell (shown.page, 0, COLUMN_NAME, "Maria Silva");
  assert_cell (shown.page, 1, COLUMN_NAME, "Chinedu Okafor");
  assert_cell (shown.page, 2, COLUMN_NAME, "Tanaka Aiko");

  close_page (&shown);
}

static void
test_log_follow_up (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autofree char *today = dup_today ();
  g_autoptr(GListStore) records = NULL;
  g_autoptr(GError) error = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);

  /* Nobody chosen: nothing to log. */
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page_child (shown.page, "log_button"))));

  /* Silva, never followed up. */
  select_position (shown.page, 1);
  assert_cell (shown.page, 1, COLUMN_NAME, "Maria Silva");
  cohort_gui_test_activate (shown.page, "graduates.log-follow-up");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_child (shown.page, "log_popover"))));
  /* Verified today unless said otherwise. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (shown.page,
                                                                    "log_verified_entry"))),
                   ==, today);

  /* A country that is none: refused in words, nothing saved. */
  set_text (shown.page, "log_organisation_entry", "Red Cross");
  set_text (shown.page, "log_position_entry", "Delegate");
  set_text (shown.page, "log_country_entry", "X1");
  set_text (shown.page, "log_start_entry", "2024-02-01");
  cohort_gui_test_activate (shown.page, "graduates.save-follow-up");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (page_child (shown.page,
                                                                 "log_error_label"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "log_error_label"))),
                   !=, "");
  records = cohort_store_list_career_records (fixture->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (records)), ==, 0);
  g_clear_object (&records);

  /* Corrected: saved, with a new organisation, and shown as the latest. */
  set_text (shown.page, "log_country_entry", "ch");
  cohort_gui_test_activate (shown.page, "graduates.save-follow-up");
  records = cohort_store_list_career_records (fixture->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (records)), ==, 1);
  assert_cell (shown.page, 1, COLUMN_NAME, "Maria Silva");
  assert_cell (shown.page, 1, COLUMN_ORGANISATION, "Red Cross");
  assert_cell (shown.page, 1, COLUMN_POSITION, "Delegate");
  assert_cell (shown.page, 1, COLUMN_COUNTRY, "CH");
  assert_cell (shown.page, 1, COLUMN_VERIFIED, today);

  /* Confirmed now: no longer among those not confirmed for over a year. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (page_child (shown.page,
                                                             "not_confirmed_check")), TRUE);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  assert_cell (shown.page, 0, COLUMN_NAME, "Chinedu Okafor");

  close_page (&shown);
}

static void
test_empty (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  Shown shown = show_page (fixture->db);

  g_assert_cmpuint (n_listed (shown.page), ==, 0);
  g_assert_cmpstr (cohort_graduates_page_get_visible_state (shown.page), ==, "empty");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page_child (shown.page, "results_label"))),
                   ==, "0 graduates");

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
      page = G_OBJECT (cohort_graduates_page_new (fixture->db));
      g_object_ref_sink (page);
      cohort_gui_test_assert_finalized (page);
      cohort_gui_test_drain_main_context ();
    }
}

static gint64
chosen_id (CohortGraduatesPage *page)
{
  CohortPerson *person = cohort_list_view_get_selected (cohort_graduates_page_get_selection (page));

  return person != NULL ? cohort_record_get_id (COHORT_RECORD (person)) : 0;
}

static void
search (CohortGraduatesPage *page,
        const char          *text)
{
  cohort_query_model_set_search (cohort_graduates_page_get_model (page), text);
  cohort_gui_test_wait_until_idle (page);
}

/* A search's results take the rows in place, at once after each keystroke; the graduate chosen
 * stays chosen wherever she is listed, until the reader unchooses her. */
static void
test_chosen_stays (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  GtkSingleSelection *selection;
  GtkSearchEntry *entry;
  g_autoptr(GObject) first_row = NULL;
  Shown shown;

  fill_database (fixture->db);
  shown = show_page (fixture->db);
  selection = cohort_graduates_page_get_selection (shown.page);
  entry = GTK_SEARCH_ENTRY (page_child (shown.page, "search_entry"));
  g_assert_cmpuint (gtk_search_entry_get_search_delay (entry), ==, COHORT_LIST_SEARCH_DELAY);

  /* Silva, the second of three. */
  first_row = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  select_position (shown.page, 1);
  g_assert_cmpint (chosen_id (shown.page), ==, 3);

  /* Alone in the list: in the first row, the row that was there, and still chosen. */
  search (shown.page, "Silva");
  g_assert_cmpuint (n_listed (shown.page), ==, 1);
  {
    g_autoptr(GObject) row = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    g_assert_true (row == first_row);
  }
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  g_assert_cmpint (chosen_id (shown.page), ==, 3);

  /* Not listed: nobody chosen, so nobody to log a follow-up for; back, chosen again. */
  search (shown.page, "Tanaka");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpint (chosen_id (shown.page), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (page_child (shown.page, "log_button"))));
  search (shown.page, NULL);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 1);
  g_assert_cmpint (chosen_id (shown.page), ==, 3);

  /* Unchosen by the reader: not chosen again by a search. */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  search (shown.page, "Silva");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  close_page (&shown);
}

/* The inscription below @widget that shows @text, or NULL. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Where the baseline of @cell's text is drawn, from the top of the cell, as GtkInscription 4.8
 * draws it: laid out as wide and as high as the cell, at the top of the cell when the text is
 * ellipsized, in the middle of it otherwise. */
static int
cell_baseline (GtkWidget *cell)
{
  GtkInscription *inscription = GTK_INSCRIPTION (cell);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (cell,
                                                                  gtk_inscription_get_text (inscription));
  PangoRectangle logical;
  int height = gtk_widget_get_height (cell);

  pango_layout_set_attributes (layout, gtk_inscription_get_attributes (inscription));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_width (layout, gtk_widget_get_width (cell) * PANGO_SCALE);
  pango_layout_set_height (layout, height * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  if (pango_layout_is_ellipsized (layout))
    return pango_layout_get_baseline (layout) / PANGO_SCALE;

  return (int) floor ((height - logical.height) * gtk_inscription_get_yalign (inscription)) +
         pango_layout_get_baseline (layout) / PANGO_SCALE;
}

/* A text too long for its column is ellipsized on the same line as the rest of its row, not at
 * the top of its cell. */
static void
test_ellipsized_in_line (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  static const char long_name[] = "United Nations Multidimensional Integrated Stabilization "
                                  "Mission in the Central African Republic";
  GtkWidget *view;
  GtkWidget *name_cell;
  GtkWidget *long_cell;
  Shown shown;

  fill_database (fixture->db);
  exec_sql (fixture->db, "UPDATE organisation SET name = 'United Nations Multidimensional "
                         "Integrated Stabilization Mission in the Central African Republic', "
                         "updated_at = :now WHERE id = 1");
  shown = show_page (fixture->db);
  cohort_gui_test_wait_until_idle (shown.page);
  view = GTK_WIDGET (page_child (shown.page, "column_view"));
  gtk_widget_queue_draw (view);
  cohort_gui_test_drain_main_context ();

  long_cell = find_cell (view, long_name);
  name_cell = find_cell (view, "Tanaka Aiko");
  g_assert_nonnull (long_cell);
  g_assert_nonnull (name_cell);
  g_assert_cmpint (gtk_widget_get_height (long_cell), ==, gtk_widget_get_height (name_cell));

  /* Ellipsized, and on the line of the name beside it. */
  {
    g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (long_cell, long_name);
    PangoRectangle logical;

    pango_layout_get_pixel_extents (layout, NULL, &logical);
    g_assert_cmpint (logical.width, >, gtk_widget_get_width (long_cell));
  }
  g_assert_cmpint (ABS (cell_baseline (long_cell) - cell_baseline (name_cell)), <=, 1);

  close_page (&shown);
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/graduates/list", test_list);
  cohort_test_add ("/cohort/graduates/search-and-filters", test_search_and_filters);
  cohort_test_add ("/cohort/graduates/sort", test_sort);
  cohort_test_add ("/cohort/graduates/log-follow-up", test_log_follow_up);
  cohort_test_add ("/cohort/graduates/empty", test_empty);
  cohort_test_add ("/cohort/graduates/dispose-while-loading", test_dispose_while_loading);
  cohort_test_add ("/cohort/graduates/chosen-stays", test_chosen_stays);
  cohort_test_add ("/cohort/graduates/ellipsized-in-line", test_ellipsized_in_line);

  return g_test_run ();
}
