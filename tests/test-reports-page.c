/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-reports-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cohort-chart-view.h"
#include "cohort-demo.h"
#include "cohort-gui-test-utils.h"
#include "cohort-programme.h"
#include "cohort-reports-page-private.h"
#include "cohort-run-stats.h"
#include "cohort-test-utils.h"
#include "cohort-window.h"

/* Helpers */

static void
fill_demo (CohortDatabase *db)
{
  g_autoptr(GError) error = NULL;

  /* Few trainees: enough for every figure, quick to count */
  g_assert_true (cohort_demo_generate (db, 60, 7, "2026-11-27", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  GtkWindow         *window;
  CohortReportsPage *page;
} Shown;

static Shown
show_page (CohortDatabase *db)
{
  Shown shown;

  shown.window = cohort_gui_test_new_window ();
  gtk_window_set_default_size (shown.window, 1100, 800);
  shown.page = COHORT_REPORTS_PAGE (cohort_reports_page_new (db));
  cohort_gui_test_present_page (shown.window, GTK_WIDGET (shown.page));

  return shown;
}

static void
close_page (Shown *shown)
{
  cohort_gui_test_close_page (shown->window, shown->page);
}

static gpointer
page_child (CohortReportsPage *page,
            const char        *name)
{
  return cohort_gui_test_page_child (page, name);
}

static guint
n_grid_children (GtkGrid *grid)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* Whether a label of @grid reads @text. */
static gboolean
grid_has_text (GtkGrid    *grid,
               const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (grid));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
      return TRUE;

  return FALSE;
}

/* Tests */

/* Each figure of the report has its title, its chart (unless it is a table only) and its table. */
static void
test_figures (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  Shown shown;
  CohortReport *report;
  guint n_figures;

  fill_demo (fixture->db);
  shown = show_page (fixture->db);

  g_assert_cmpstr (cohort_reports_page_get_visible_state (shown.page), ==, "report");
  report = cohort_reports_page_get_report (shown.page);
  g_assert_nonnull (report);
  n_figures = cohort_report_get_n_figures (report);
  g_assert_cmpuint (n_figures, >, 5);
  g_assert_cmpuint (cohort_reports_page_get_n_sections (shown.page), ==, n_figures);

  for (guint i = 0; i < n_figures; i++)
    {
      CohortReportFigure *figure = cohort_report_get_figure (report, i);
      GtkWidget *chart = cohort_reports_page_get_chart (shown.page, i);
      GtkGrid *table = cohort_reports_page_get_table (shown.page, i);
      guint n_cells = cohort_report_figure_get_n_columns (figure) *
                      (cohort_report_figure_get_n_rows (figure) + 1);

      if (cohort_report_figure_get_chart_kind (figure) == COHORT_REPORT_CHART_NONE)
        {
          g_assert_null (chart);
        }
      else
        {
          g_assert_true (COHORT_IS_CHART_VIEW (chart));
          g_assert_true (cohort_chart_view_get_figure (COHORT_CHART_VIEW (chart)) == figure);
          /* To screen readers an image; the table beside it is its text */
          g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                           GTK_ACCESSIBLE_ROLE_IMG);
        }

      g_assert_true (GTK_IS_GRID (table));
      if (cohort_report_figure_get_n_rows (figure) > 0)
        {
          g_autofree char *first_value = cohort_report_figure_format_value (figure, 0, 1);

          g_assert_cmpuint (n_grid_children (table), ==, n_cells);
          g_assert_true (grid_has_text (table, cohort_report_figure_get_column_title (figure, 1)));
          g_assert_true (grid_has_text (table, cohort_report_figure_get_row_label (figure, 0)));
          g_assert_true (grid_has_text (table, first_value));
        }
    }

  /* The first chart is laid out and drawn at a height its labels fit in */
  g_assert_cmpint (gtk_widget_get_height (cohort_reports_page_get_chart (shown.page, 0)), >, 150);

  g_assert_true (gtk_widget_is_sensitive (page_child (shown.page, "export_button")));
  g_assert_true (gtk_widget_is_sensitive (page_child (shown.page, "print_button")));

  close_page (&shown);
}

/* Choosing a programme counts that programme only; all programmes count at least as many. */
static void
test_programme_filter (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autoptr(GListStore) programmes = NULL;
  g_autoptr(CohortProgramme) programme = NULL;
  g_autoptr(CohortReport) all = NULL;
  g_autoptr(GError) error = NULL;
  CohortReport *one;
  const CohortReportFilter *filter;
  Shown shown;
  GtkDropDown *dropdown;

  fill_demo (fixture->db);
  programmes = cohort_run_stats_list_programmes (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (programmes)), >=, 1);
  programme = g_list_model_get_item (G_LIST_MODEL (programmes), 0);

  shown = show_page (fixture->db);
  all = g_object_ref (cohort_reports_page_get_report (shown.page));
  filter = cohort_report_get_filter (all);
  g_assert_true (filter->programme_code == NULL || filter->programme_code[0] == '\0');

  dropdown = page_child (shown.page, "programme_dropdown");
  /* "All programmes", then one entry per programme */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (programmes)) + 1);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (cohort_reports_page_is_busy (shown.page));
  cohort_gui_test_wait_until_idle (shown.page);

  one = cohort_reports_page_get_report (shown.page);
  g_assert_true (one != all);
  filter = cohort_report_get_filter (one);
  g_assert_cmpstr (filter->programme_code, ==, cohort_programme_get_code (programme));
  g_assert_cmpuint (cohort_reports_page_get_n_sections (shown.page), ==,
                    cohort_report_get_n_figures (one));
  g_assert_nonnull (strstr (gtk_label_get_text (page_child (shown.page, "filter_label")),
                            cohort_programme_get_code (programme)));

  close_page (&shown);
}

/* The years start as the data's; moving the first year past the last moves the last along. */
static void
test_year_filter (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  Shown shown;
  GtkSpinButton *from;
  GtkSpinButton *to;
  CohortReport *report;
  int first, last;

  fill_demo (fixture->db);
  shown = show_page (fixture->db);

  report = cohort_reports_page_get_report (shown.page);
  first = cohort_report_get_first_year (report);
  last = cohort_report_get_last_year (report);
  g_assert_cmpint (first, >, 2000);
  g_assert_cmpint (last, >, first);

  from = page_child (shown.page, "from_spin");
  to = page_child (shown.page, "to_spin");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (from), ==, first);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, last);

  gtk_spin_button_set_value (to, first + 1);
  cohort_gui_test_wait_until_idle (shown.page);
  report = cohort_reports_page_get_report (shown.page);
  g_assert_cmpint (cohort_report_get_filter (report)->to_year, ==, first + 1);
  g_assert_cmpint (cohort_report_get_last_year (report), <=, first + 1);

  gtk_spin_button_set_value (from, first + 3);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (to), ==, first + 3);
  report = cohort_reports_page_get_report (shown.page);
  g_assert_cmpint (cohort_report_get_filter (report)->from_year, ==, first + 3);
  g_assert_cmpint (cohort_report_get_filter (report)->to_year, ==, first + 3);

  close_page (&shown);
}

/* Two requests in a row: the newer one wins. */
static void
test_newer_request_wins (CohortTestFixture *fixture,
                         gconstpointer      user_data)
{
  Shown shown;
  GtkSpinButton *to;
  int first;

  fill_demo (fixture->db);
  shown = show_page (fixture->db);
  first = cohort_report_get_first_year (cohort_reports_page_get_report (shown.page));
  to = page_child (shown.page, "to_spin");

  gtk_spin_button_set_value (to, first + 4);
  gtk_spin_button_set_value (to, first + 2);
  cohort_gui_test_wait_until_idle (shown.page);
  g_assert_cmpint (cohort_report_get_filter (cohort_reports_page_get_report (shown.page))->to_year,
                   ==, first + 2);

  close_page (&shown);
}

static void
test_empty (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  Shown shown = show_page (fixture->db);
  AdwStatusPage *empty = page_child (shown.page, "empty_page");

  g_assert_cmpstr (cohort_reports_page_get_visible_state (shown.page), ==, "empty");
  g_assert_nonnull (strstr (adw_status_page_get_description (empty), "cohort demo"));
  g_assert_cmpuint (cohort_reports_page_get_n_sections (shown.page), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (page_child (shown.page, "export_button")));
  g_assert_false (gtk_widget_is_sensitive (page_child (shown.page, "print_button")));

  close_page (&shown);
}

/* What the figure menu saves: a chart as PNG and SVG, a table as CSV. */
static void
test_save_figure (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autofree char *png_path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *svg_path = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *csv_path = g_build_filename (fixture->dir, "table.csv", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) svg = g_file_new_for_path (svg_path);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *svg_text = NULL;
  g_autofree char *csv_text = NULL;
  CohortReportFigure *figure;
  cairo_surface_t *image;
  const char *id;
  Shown shown;

  fill_demo (fixture->db);
  shown = show_page (fixture->db);
  figure = cohort_report_get_figure (cohort_reports_page_get_report (shown.page), 0);
  id = cohort_report_figure_get_id (figure);

  g_assert_true (cohort_reports_page_save_figure (shown.page, id, COHORT_REPORTS_PAGE_SAVE_PNG,
                                                  png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png_path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), >, 200);
  cairo_surface_destroy (image);

  g_assert_true (cohort_reports_page_save_figure (shown.page, id, COHORT_REPORTS_PAGE_SAVE_SVG,
                                                  svg, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg_path, &svg_text, NULL, &error));
  g_assert_nonnull (strstr (svg_text, "<svg"));

  g_assert_true (cohort_reports_page_save_figure (shown.page, id, COHORT_REPORTS_PAGE_SAVE_CSV,
                                                  csv, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &csv_text, NULL, &error));
  g_assert_true (g_str_has_prefix (csv_text, cohort_report_figure_get_column_title (figure, 0)));

  g_assert_false (cohort_reports_page_save_figure (shown.page, "no-such-figure",
                                                   COHORT_REPORTS_PAGE_SAVE_PNG, png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  g_unlink (png_path);
  g_unlink (svg_path);
  g_unlink (csv_path);
  close_page (&shown);
}

/* Print… draws the pages of the PDF: a cover, the figures, and the footer on every page. */
static void
test_print (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  CohortReport *report;
  guint n_pages;
  Shown shown;

  fill_demo (fixture->db);
  shown = show_page (fixture->db);
  report = cohort_reports_page_get_report (shown.page);

  g_assert_true (cohort_reports_page_print_to_file (shown.page, path, &error));
  g_assert_no_error (error);

  n_pages = cohort_test_pdf_count_pages (path);
  g_assert_cmpuint (n_pages, >=, 1 + cohort_report_get_n_figures (report));
  pages = cohort_test_pdf_dup_pages (path);
  g_assert_true (cohort_test_text_contains (pages[0], "Programme report"));
  /* The database's name on the cover */
  g_assert_true (cohort_test_text_contains (pages[0], "cohort.db"));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_n = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (cohort_test_text_contains (pages[i], page_n));
    }

  g_unlink (path);
  close_page (&shown);
}

/* The window has a Reports page showing this page over its database. */
static void
test_in_window (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  CohortWindow *window;
  AdwViewStack *stack;
  GtkWidget *bin;
  GtkWidget *page;

  fill_demo (fixture->db);
  window = g_object_ref (cohort_window_new (NULL, fixture->db));
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), COHORT_TYPE_WINDOW,
                                                         "view_stack"));
  adw_view_stack_set_visible_child_name (stack, "reports");
  gtk_window_present (GTK_WINDOW (window));
  cohort_gui_test_wait_until_mapped (GTK_WIDGET (window));

  bin = adw_view_stack_get_child_by_name (stack, "reports");
  g_assert_true (ADW_IS_BIN (bin));
  page = adw_bin_get_child (ADW_BIN (bin));
  g_assert_true (COHORT_IS_REPORTS_PAGE (page));
  g_assert_true (cohort_reports_page_get_database (COHORT_REPORTS_PAGE (page)) == fixture->db);
  g_assert_cmpstr (adw_view_stack_page_get_title (adw_view_stack_get_page (stack, bin)), ==,
                   "_Reports");

  cohort_gui_test_wait_until_mapped (page);
  cohort_gui_test_wait_until_idle (page);
  g_assert_cmpstr (cohort_reports_page_get_visible_state (COHORT_REPORTS_PAGE (page)), ==,
                   "report");
  g_assert_cmpuint (cohort_reports_page_get_n_sections (COHORT_REPORTS_PAGE (page)), >, 5);

  gtk_window_destroy (GTK_WINDOW (window));
  cohort_gui_test_drain_main_context ();
  cohort_gui_test_assert_finalized (window);
}

/* A page let go while it counts goes at once. */
static void
test_dispose_while_counting (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  Shown shown;

  fill_demo (fixture->db);
  for (guint i = 0; i < 5; i++)
    {
      shown.window = cohort_gui_test_new_window ();
      shown.page = COHORT_REPORTS_PAGE (cohort_reports_page_new (fixture->db));
      g_object_ref (shown.page);
      gtk_window_set_child (shown.window, GTK_WIDGET (shown.page));
      gtk_window_present (shown.window);
      cohort_gui_test_wait_until_mapped (GTK_WIDGET (shown.page));
      g_assert_true (cohort_reports_page_is_busy (shown.page));
      gtk_window_destroy (shown.window);
      cohort_gui_test_assert_finalized (shown.window);
      cohort_gui_test_wait_until_idle (shown.page);
      cohort_gui_test_assert_finalized (shown.page);
    }
}

int
main (int   argc,
      char *argv[])
{
  cohort_gui_test_init (&argc, &argv);

  cohort_test_add ("/cohort/reports-page/figures", test_figures);
  cohort_test_add ("/cohort/reports-page/programme-filter", test_programme_filter);
  cohort_test_add ("/cohort/reports-page/year-filter", test_year_filter);
  cohort_test_add ("/cohort/reports-page/newer-request-wins", test_newer_request_wins);
  cohort_test_add ("/cohort/reports-page/empty", test_empty);
  cohort_test_add ("/cohort/reports-page/save-figure", test_save_figure);
  cohort_test_add ("/cohort/reports-page/print", test_print);
  cohort_test_add ("/cohort/reports-page/in-window", test_in_window);
  cohort_test_add ("/cohort/reports-page/dispose-while-counting", test_dispose_while_counting);

  return g_test_run ();
}
