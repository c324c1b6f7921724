/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-bench"

#include "config.h"

/*
 * cohort-report-bench: how long the programme report takes on a big database.
 *
 *   cohort --database /tmp/demo.db demo --trainees 100000
 *   cohort-report-bench --database /tmp/demo.db [--runs 10] [--programme CODE]
 *                       [--from YEAR] [--to YEAR]
 *
 * Opens the database read-only, computes the whole report once to warm the page cache, then
 * --runs more times, and prints the median and the slowest of those (target: under 300 ms),
 * wall-clock and CPU time (the CPU time does not depend on what else the machine is doing),
 * with the number of figures and rows so the work is seen to be done.  Not run by CI: figures
 * depend on the machine.
 */

#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cohort-bench-utils.h"
#include "cohort-database.h"
#include "cohort-report.h"

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static CohortReport *
compute (CohortDatabase           *db,
         const CohortReportFilter *filter)
{
  g_autoptr(GError) error = NULL;
  CohortReport *report = cohort_report_compute (db, filter, NULL, &error);

  if (report == NULL)
    {
      g_printerr ("cohort-report-bench: %s\n", error->message);
      exit (1);
    }

  return report;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autoptr(CohortReport) report = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *programme = NULL;
  int runs = 10;
  int from = 0;
  int to = 0;
  guint n_rows = 0;
  double median;
  double cpu_median;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The database", "PATH" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "How many timed runs (10)", "N" },
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme, "Only this programme", "CODE" },
    { "from", 0, 0, G_OPTION_ARG_INT, &from, "First fiscal year", "YEAR" },
    { "to", 0, 0, G_OPTION_ARG_INT, &to, "Last fiscal year", "YEAR" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- time the programme report on a big database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("cohort-report-bench: %s\n", error->message);
      return 2;
    }
  if (database == NULL || runs < 1)
    {
      g_printerr ("cohort-report-bench: give --database PATH (and --runs N ≥ 1)\n");
      return 2;
    }

  db = cohort_database_open (database,
                             COHORT_DATABASE_OPEN_READ_ONLY | COHORT_DATABASE_OPEN_NO_CREATE,
                             &error);
  if (db == NULL)
    {
      g_printerr ("cohort-report-bench: %s\n", error->message);
      return 1;
    }

  filter->programme_code = g_strdup (programme);
  filter->from_year = from;
  filter->to_year = to;

  /* Warm-up: the file into the page cache, the statements prepared. */
  report = compute (db, filter);

  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      g_autoptr(CohortReport) timed = compute (db, filter);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu = cpu_ms () - cpu_start;

      g_array_append_val (times, ms);
      g_array_append_val (cpu_times, cpu);
    }

  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    n_rows += cohort_report_figure_get_n_rows (cohort_report_get_figure (report, i));

  g_print ("report: %u figures, %u rows, fiscal years %d–%d\n",
           cohort_report_get_n_figures (report), n_rows,
           cohort_report_get_first_year (report), cohort_report_get_last_year (report));
  median = cohort_bench_median (times);
  cpu_median = cohort_bench_median (cpu_times);
  g_print ("compute (%d runs): median %.1f ms, max %.1f ms (target < 300 ms)\n",
           runs, median, g_array_index (times, double, times->len - 1));
  g_print ("CPU time: median %.1f ms, max %.1f ms\n",
           cpu_median, g_array_index (cpu_times, double, cpu_times->len - 1));

  return 0;
}
