/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-report-document"

#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cohort-report-document.h"
#include "cohort-test-utils.h"

#define FILTER_TEXT "Programme PRIMARY, fiscal years 2019–2024"

typedef struct
{
  char *dir;
  char *pdf_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = cohort_test_make_tmp_dir ();
  fixture->pdf_path = g_build_filename (fixture->dir, "report.pdf", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  cohort_test_remove_tree (fixture->dir);
  g_free (fixture->pdf_path);
  g_free (fixture->dir);
}

static CohortReportFilter *
make_filter (void)
{
  CohortReportFilter *filter = cohort_report_filter_new ();

  filter->programme_code = g_strdup ("PRIMARY");
  filter->from_year = 2019;
  filter->to_year = 2024;
  filter->today = g_strdup ("2026-11-27");

  return filter;
}

/* A report like the programme's: trainees by year (bars), where they come from (horizontal bars,
 * in Japanese and Arabic too) with @n_countries rows, and lengths (a table only). */
static CohortReport *
make_report (guint n_countries)
{
  g_autoptr(CohortReportFilter) filter = make_filter ();
  CohortReport *report = cohort_report_new (filter, 2019, 2024);
  g_autoptr(CohortReportFigure) pipeline = NULL;
  g_autoptr(CohortReportFigure) nationalities = NULL;
  g_autoptr(CohortReportFigure) lengths = NULL;
  guint row;

  pipeline = cohort_report_figure_new ("pipeline", "Trainees by fiscal year",
                                       COHORT_REPORT_CHART_BARS);
  cohort_report_figure_set_note (pipeline, "Counting enrolments that were not withdrawn.");
  cohort_report_figure_add_column (pipeline, "year", "Fiscal year", COHORT_REPORT_VALUE_COUNT,
                                   FALSE);
  cohort_report_figure_add_column (pipeline, "applied", "Applied", COHORT_REPORT_VALUE_COUNT,
                                   TRUE);
  cohort_report_figure_add_column (pipeline, "completed", "Completed", COHORT_REPORT_VALUE_COUNT,
                                   TRUE);
  cohort_report_figure_add_column (pipeline, "share_female", "Women (share)",
                                   COHORT_REPORT_VALUE_PERCENT, FALSE);
  for (int year = 2019; year <= 2024; year++)
    {
      g_autofree char *label = g_strdup_printf ("%d", year);

      row = cohort_report_figure_add_row (pipeline, label, FALSE);
      cohort_report_figure_set_value (pipeline, row, 1, 40 + year % 7 * 5);
      cohort_report_figure_set_value (pipeline, row, 2, 20 + year % 5);
      cohort_report_figure_set_value (pipeline, row, 3, year == 2020 ? NAN : 48.5);
    }
  row = cohort_report_figure_add_row (pipeline, "Total", TRUE);
  cohort_report_figure_set_value (pipeline, row, 1, 300);
  cohort_report_figure_set_value (pipeline, row, 2, 130);
  cohort_report_add_figure (report, pipeline);

  nationalities = cohort_report_figure_new ("nationalities", "Trainees by nationality",
                                            COHORT_REPORT_CHART_HBARS);
  cohort_report_figure_add_column (nationalities, "country", "Nationality",
                                   COHORT_REPORT_VALUE_COUNT, FALSE);
  cohort_report_figure_add_column (nationalities, "trainees", "Trainees",
                                   COHORT_REPORT_VALUE_COUNT, TRUE);
  for (guint i = 0; i < n_countries; i++)
    {
      g_autofree char *label = NULL;

      if (i == 0)
        label = g_strdup ("日本 (東京)");
      else if (i == 1)
        label = g_strdup ("العراق");
      else
        label = g_strdup_printf ("Country %u", i);
      row = cohort_report_figure_add_row (nationalities, label, FALSE);
      cohort_report_figure_set_value (nationalities, row, 1, n_countries * 2 - i);
    }
  cohort_report_add_figure (report, nationalities);

  lengths = cohort_report_figure_new ("placement-length", "Length of placements",
                                      COHORT_REPORT_CHART_NONE);
  cohort_report_figure_add_column (lengths, "host", "Host", COHORT_REPORT_VALUE_COUNT, FALSE);
  cohort_report_figure_add_column (lengths, "median", "Median (days)", COHORT_REPORT_VALUE_DAYS,
                                   FALSE);
  row = cohort_report_figure_add_row (lengths, "UNDP", FALSE);
  cohort_report_figure_set_value (lengths, row, 1, 365);
  cohort_report_add_figure (report, lengths);

  return report;
}

static void
test_pdf_short (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(CohortReport) report = make_report (5);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->pdf_path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  g_assert_true (cohort_report_document_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);

  /* A cover, then a page for each figure. */
  n_pages = cohort_test_pdf_count_pages (fixture->pdf_path);
  g_assert_cmpuint (n_pages, ==, 4);

  pages = cohort_test_pdf_dup_pages (fixture->pdf_path);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_n = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (cohort_test_text_contains (pages[i], page_n));
      g_assert_true (cohort_test_text_contains (pages[i], FILTER_TEXT));
      g_assert_true (cohort_test_text_contains (pages[i], "2026"));
    }

  g_assert_true (cohort_test_text_contains (pages[0], "Programme report"));
  g_assert_true (cohort_test_text_contains (pages[0], "Fiscal years 2019–2024"));
  g_assert_true (cohort_test_text_contains (pages[1], "Trainees by fiscal year"));
  g_assert_true (cohort_test_text_contains (pages[1], "Counting enrolments that were not withdrawn."));
  /* The table: every column, the total row, a missing value */
  g_assert_true (cohort_test_text_contains (pages[1], "Women (share)"));
  g_assert_true (cohort_test_text_contains (pages[1], "48.5 %"));
  g_assert_true (cohort_test_text_contains (pages[1], "—"));
  g_assert_true (cohort_test_text_contains (pages[1], "Total"));
  g_assert_true (cohort_test_text_contains (pages[2], "Trainees by nationality"));
  g_assert_true (cohort_test_text_contains (pages[2], "日本 (東京)"));
  g_assert_true (cohort_test_text_contains (pages[2], "العراق"));
  g_assert_true (cohort_test_text_contains (pages[3], "Length of placements"));
  g_assert_true (cohort_test_text_contains (pages[3], "Median (days)"));
}

/* A table longer than a page goes on over the next pages, its header repeated on each. */
static void
test_pdf_long_table (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CohortReport) report = make_report (150);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->pdf_path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint with_header = 0;
  gboolean last_row_seen = FALSE;

  g_assert_true (cohort_report_document_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);

  n_pages = cohort_test_pdf_count_pages (fixture->pdf_path);
  g_assert_cmpuint (n_pages, >, 5);
  pages = cohort_test_pdf_dup_pages (fixture->pdf_path);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_n = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (cohort_test_text_contains (pages[i], page_n));
      g_assert_true (cohort_test_text_contains (pages[i], FILTER_TEXT));
      if (i >= 2 && i < n_pages - 1)
        {
          /* Every page of the nationalities holds the table's header */
          g_assert_true (cohort_test_text_contains (pages[i], "Nationality"));
          with_header++;
        }
      if (cohort_test_text_contains (pages[i], "Country 149"))
        last_row_seen = TRUE;
    }
  g_assert_cmpuint (with_header, >=, 3);
  g_assert_true (last_row_seen);
  g_assert_true (cohort_test_text_contains (pages[n_pages - 1], "Length of placements"));
}

static void
test_pdf_cancelled (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CohortReport) report = make_report (3);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->pdf_path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (cohort_report_document_write_pdf (report, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (fixture->pdf_path, G_FILE_TEST_EXISTS));
}

static void
test_pdf_bad_folder (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(CohortReport) report = make_report (3);
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (cohort_report_document_write_pdf (report, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.pdf"));
}

static void
test_pdf_empty_report (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(CohortReport) report = cohort_report_new (NULL, 0, 0);
  g_autoptr(CohortReportFigure) figure = cohort_report_figure_new ("regions", "Regions",
                                                                   COHORT_REPORT_CHART_BARS);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->pdf_path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  cohort_report_figure_add_column (figure, "region", "Region", COHORT_REPORT_VALUE_COUNT, FALSE);
  cohort_report_figure_add_column (figure, "n", "Trainees", COHORT_REPORT_VALUE_COUNT, TRUE);
  cohort_report_add_figure (report, figure);

  g_assert_true (cohort_report_document_write_pdf (report, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_test_pdf_count_pages (fixture->pdf_path), ==, 2);
  pages = cohort_test_pdf_dup_pages (fixture->pdf_path);
  g_assert_true (cohort_test_text_contains (pages[0], "All programmes, all fiscal years"));
  g_assert_true (cohort_test_text_contains (pages[1], "No data for this selection"));
}

/* How much ink a band of a page has left and right of its middle. */
static void
measure_ink (cairo_surface_t *surface,
             int              y0,
             int              y1,
             guint           *out_left,
             guint           *out_right)
{
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int width = cairo_image_surface_get_width (surface);

  *out_left = *out_right = 0;
  for (int y = y0; y < y1; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (gconstpointer) (data + y * stride))[x] != 0xffffffffu)
        {
          if (x < width / 2)
            (*out_left)++;
          else
            (*out_right)++;
        }
}

/* The pages drawn for a printer, on any paper, right to left when the language is: the cover's
 * title starts at the right. */
static void
test_draw_pages_rtl (void)
{
  g_autoptr(CohortReport) report = make_report (8);
  g_autoptr(CohortReportDocument) document = cohort_report_document_new (report);
  guint left = 0, right = 0;

  for (guint direction = 0; direction < 2; direction++)
    {
      /* US Letter, in points */
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
      cairo_t *cr = cairo_create (surface);
      guint n_pages;

      cohort_report_document_set_direction (document, direction == 0 ? PANGO_DIRECTION_LTR
                                                                     : PANGO_DIRECTION_RTL);
      g_assert_cmpuint (cohort_report_document_get_n_pages (document), ==, 0);
      n_pages = cohort_report_document_paginate (document, cr, 612, 792);
      g_assert_cmpuint (n_pages, ==, 4);
      g_assert_cmpuint (cohort_report_document_get_n_pages (document), ==, n_pages);

      for (guint page = 0; page < n_pages; page++)
        {
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cohort_report_document_draw_page (document, cr, page);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_surface_flush (surface);

          if (page == 0)
            {
              /* The title, 28 points high, a little over a quarter of the way down */
              measure_ink (surface, 792 * 0.28, 792 * 0.28 + 34, &left, &right);
              if (direction == 0)
                g_assert_cmpuint (left, >, right * 3);
              else
                g_assert_cmpuint (right, >, left * 3);
            }
        }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* The database's name on the cover, when it is known. */
static void
test_database_name (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(CohortReport) report = make_report (3);
  g_autoptr(CohortReportDocument) document = cohort_report_document_new (report);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->pdf_path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) pages = NULL;

  cohort_report_document_set_database_name (document, "programme-2024.db");
  g_assert_true (cohort_report_document_save_pdf (document, file, NULL, &error));
  g_assert_no_error (error);
  pages = cohort_test_pdf_dup_pages (fixture->pdf_path);
  g_assert_true (cohort_test_text_contains (pages[0], "programme-2024.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cohort/report-document/pdf/short", Fixture, NULL, fixture_set_up,
              test_pdf_short, fixture_tear_down);
  g_test_add ("/cohort/report-document/pdf/long-table", Fixture, NULL, fixture_set_up,
              test_pdf_long_table, fixture_tear_down);
  g_test_add ("/cohort/report-document/pdf/cancelled", Fixture, NULL, fixture_set_up,
              test_pdf_cancelled, fixture_tear_down);
  g_test_add ("/cohort/report-document/pdf/bad-folder", Fixture, NULL, fixture_set_up,
              test_pdf_bad_folder, fixture_tear_down);
  g_test_add ("/cohort/report-document/pdf/empty-report", Fixture, NULL, fixture_set_up,
              test_pdf_empty_report, fixture_tear_down);
  g_test_add ("/cohort/report-document/pdf/database-name", Fixture, NULL, fixture_set_up,
              test_database_name, fixture_tear_down);
  g_test_add_func ("/cohort/report-document/draw-pages-rtl", test_draw_pages_rtl);

  return g_test_run ();
}
