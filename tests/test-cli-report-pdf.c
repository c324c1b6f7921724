/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-cli-report-pdf"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort-database.h"
#include "cohort-report.h"
#include "cohort-test-utils.h"

/* `cohort report --format pdf -o FILE`: the document of the window's Export Report as PDF, from
 * the command line, checked with poppler's pdfinfo and pdftotext. */

typedef CohortTestDirFixture Fixture;  /* its database is not created */

static void
make_demo (Fixture *fixture)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, fixture->path, "demo", "--trainees", "80", "--seed", "3",
                   "--today", "2026-11-27", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_autoptr(CohortReport) report = NULL;
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autofree char *description = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  guint page = 1;

  make_demo (fixture);
  cohort_test_run (&result, fixture->path, "report", "--format", "pdf", "--from", "2015",
                   "--to", "2024", "--today", "2026-11-27", "-o", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  report = cohort_test_compute_report_at_path (fixture->path, NULL, 2015, 2024, "2026-11-27");
  filter->from_year = 2015;
  filter->to_year = 2024;
  description = cohort_report_filter_describe (filter);

  /* A cover and at least a page for each figure */
  n_pages = cohort_test_pdf_count_pages (pdf);
  g_assert_cmpuint (n_pages, >=, 1 + cohort_report_get_n_figures (report));
  pages = cohort_test_pdf_dup_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), >=, n_pages);

  g_assert_true (cohort_test_text_contains (pages[0], "Programme report"));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page_n = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      g_assert_true (cohort_test_text_contains (pages[i], page_n));
      g_assert_true (cohort_test_text_contains (pages[i], description));
    }

  /* Each figure's title, in order, each on a page of its own or later */
  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    {
      const char *title = cohort_report_figure_get_title (cohort_report_get_figure (report, i));

      while (page < n_pages && !cohort_test_text_contains (pages[page], title))
        page++;
      if (page >= n_pages)
        g_error ("“%s” is on no page after the previous figure's", title);
      page++;
    }

  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add_dir ("/cohort/cli/report/pdf", test_pdf);

  return g_test_run ();
}
