/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-bench"

#include "config.h"

/*
 * cohort-import-bench: how an XCRI-CAP import scales.
 *
 *   cohort-import-bench                 20,000 courses and 200,000 courses
 *   cohort-import-bench --courses N     N and 10 × N courses
 *
 * Writes an XCRI-CAP 1.2 catalogue of N courses with 2 presentations each (about 15 MB for
 * 20,000) and one ten times larger into a temporary folder, and for each, in a process of its
 * own: the time to walk the file with xmlTextReader alone; the time to import it into an empty
 * database (plan, then commit); their ratio (target: at most 3); and the peak resident memory
 * (target: the larger file within 1.2 × the smaller).  Not run by CI: figures depend on the
 * machine.
 */

#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cohort-database.h"
#include "cohort-import-plan.h"
#include "cohort-xcri-reader.h"

#define N_RUNS_PER_COURSE 2

static const char * const subjects[] = {
  "Peacebuilding", "Mediation", "Humanitarian logistics", "Disarmament, demobilisation and "
  "reintegration", "Gender and security", "Project management", "Monitoring and evaluation",
};

static const char * const venues[] = { "Hiroshima", "Tokyo", "Online", "Nairobi", "Amman" };

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* Writes the catalogue as a stream: memory does not depend on @n_courses. */
static void
generate (const char *path,
          guint       n_courses)
{
  FILE *out = g_fopen (path, "w");
  g_autoptr(GString) course = g_string_new (NULL);

  g_assert (out != NULL);

  fputs ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<catalog xmlns=\"http://xcri.org/profiles/1.2/catalog\"\n"
         "         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         "         xmlns:mlo=\"http://purl.org/net/mlo\"\n"
         "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "         generated=\"2024-04-01T00:00:00Z\">\n"
         " <provider>\n"
         "  <dc:identifier>http://training.example.org/</dc:identifier>\n"
         "  <dc:title>Peace Training Centre</dc:title>\n", out);

  for (guint i = 1; i <= n_courses; i++)
    {
      g_string_truncate (course, 0);
      g_string_append_printf (course,
                              "  <course>\n"
                              "   <dc:identifier>C%07u</dc:identifier>\n"
                              "   <dc:title>%s, module %u</dc:title>\n"
                              "   <dc:subject>%s</dc:subject>\n"
                              "   <dc:description>Case studies from field offices and exercises "
                              "in small groups, module %u.</dc:description>\n"
                              "   <mlo:url>http://training.example.org/C%07u</mlo:url>\n",
                              i, subjects[i % G_N_ELEMENTS (subjects)], i,
                              subjects[i % G_N_ELEMENTS (subjects)], i, i);
      for (guint r = 1; r <= N_RUNS_PER_COURSE; r++)
        {
          guint month = 1 + (i + r) % 12;

          g_string_append_printf (course,
                                  "   <presentation>\n"
                                  "    <dc:identifier>C%07u-%u</dc:identifier>\n"
                                  "    <mlo:start dtf=\"2025-%02u-01\">1/%u/2025</mlo:start>\n"
                                  "    <end dtf=\"2025-%02u-28\">28/%u/2025</end>\n"
                                  "    <venue><provider><dc:title>%s</dc:title></provider>"
                                  "</venue>\n"
                                  "    <mlo:places>%u</mlo:places>\n"
                                  "   </presentation>\n",
                                  i, r, month, month, month, month,
                                  venues[(i + r) % G_N_ELEMENTS (venues)], 12 + (i % 20));
        }
      g_string_append (course, "  </course>\n");
      fwrite (course->str, 1, course->len, out);
    }

  fputs (" </provider>\n</catalog>\n", out);
  g_assert (fclose (out) == 0);
}

static guint64
walk (const char *path)
{
  xmlTextReaderPtr reader = xmlReaderForFile (path, NULL, XML_PARSE_NONET);
  guint64 n_nodes = 0;
  int rc;

  g_assert (reader != NULL);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    n_nodes++;
  g_assert (rc == 0);
  xmlFreeTextReader (reader);

  return n_nodes;
}

/* The reader alone, as the import uses it (codes met twice are found through the database, so
 * the reader keeps none): the records it makes of the file, with nothing done with them. */
static guint
read_records (GFile *file)
{
  g_autoptr(CohortXcriReader) reader =
    cohort_xcri_reader_new (file, COHORT_XCRI_READER_NO_DUPLICATE_CHECK);
  g_autoptr(GError) error = NULL;
  CohortImportRecord *record;
  guint n_records = 0;

  while ((record = cohort_xcri_reader_next (reader, NULL, &error)) != NULL)
    {
      n_records++;
      cohort_import_record_free (record);
    }
  g_assert_no_error (error);

  return n_records;
}

/* In a child process, so that its peak memory is its own. */
static void
measure (const char *dir,
         const char *feed,
         guint       n_courses)
{
  g_autofree char *db_path = NULL;
  g_autofree char *name = g_strdup_printf ("cohort-%u.db", n_courses);
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (feed);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  double t0, t_walk, t_read, t_plan, t_commit;
  long rss_walk, rss_read, rss_plan;
  guint64 n_nodes;

  db_path = g_build_filename (dir, name, NULL);
  db = cohort_database_open (db_path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  t0 = now_ms ();
  n_nodes = walk (feed);
  t_walk = now_ms () - t0;
  rss_walk = peak_rss_kib ();

  t0 = now_ms ();
  g_assert (read_records (file) > n_courses);
  t_read = now_ms () - t0;
  rss_read = peak_rss_kib ();

  /* Flags as `cohort import` uses them. */
  plan = cohort_import_plan_new_for_xcri (file, COHORT_XCRI_READER_DEFAULT);
  t0 = now_ms ();
  if (!cohort_import_plan_build (plan, db, NULL, &error))
    g_error ("%s", error->message);
  t_plan = now_ms () - t0;
  rss_plan = peak_rss_kib ();

  t0 = now_ms ();
  if (!cohort_import_plan_commit (plan, db, NULL, &error))
    g_error ("%s", error->message);
  t_commit = now_ms () - t0;

  g_assert (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                          COHORT_IMPORT_OUTCOME_NEW) == n_courses);
  g_assert (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                          COHORT_IMPORT_OUTCOME_NEW) ==
            n_courses * N_RUNS_PER_COURSE);
  g_assert (g_stat (feed, &st) == 0);

  g_print ("%u courses, %u runs, %.1f MB, %" G_GUINT64_FORMAT " nodes\n", n_courses,
           n_courses * N_RUNS_PER_COURSE, st.st_size / 1e6, n_nodes);
  g_print ("  xmlTextReader walk    %9.0f ms\n", t_walk);
  g_print ("  XCRI reader alone     %9.0f ms\n", t_read);
  g_print ("  import: plan          %9.0f ms\n", t_plan);
  g_print ("  import: commit        %9.0f ms\n", t_commit);
  g_print ("  import: plan + commit %9.0f ms   (%.2f x the walk; target <= 3)\n",
           t_plan + t_commit, (t_plan + t_commit) / t_walk);
  g_print ("  peak RSS              %9ld KiB   (after the walk %ld, the reader %ld, the plan "
           "%ld)\n", peak_rss_kib (), rss_walk, rss_read, rss_plan);
}

static long
measure_in_child (const char *dir,
                  const char *feed,
                  guint       n_courses)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  long rss = 0;

  g_assert (pipe (fds) == 0);
  fflush (stdout);
  pid = fork ();
  g_assert (pid >= 0);

  if (pid == 0)
    {
      close (fds[0]);
      measure (dir, feed, n_courses);
      rss = peak_rss_kib ();
      fflush (stdout);
      if (write (fds[1], &rss, sizeof rss) != sizeof rss)
        _exit (1);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], &rss, sizeof rss) != sizeof rss)
    rss = 0;
  close (fds[0]);
  waitpid (pid, &status, 0);
  g_assert (WIFEXITED (status) && WEXITSTATUS (status) == 0);

  return rss;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *small = NULL;
  g_autofree char *large = NULL;
  int n_courses = 20000;
  gboolean keep = FALSE;
  const GOptionEntry entries[] = {
    { "courses", 0, 0, G_OPTION_ARG_INT, &n_courses, "Courses in the smaller file", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the generated files", NULL },
    G_OPTION_ENTRY_NULL
  };
  long rss_small, rss_large;
  double t0;

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n_courses <= 0)
    {
      g_printerr ("%s\n", error ? error->message : "--courses must be positive");
      return 2;
    }

  dir = g_dir_make_tmp ("cohort-import-bench-XXXXXX", &error);
  g_assert_no_error (error);
  small = g_build_filename (dir, "small.xml", NULL);
  large = g_build_filename (dir, "large.xml", NULL);

  t0 = now_ms ();
  generate (small, (guint) n_courses);
  generate (large, (guint) n_courses * 10);
  g_print ("generated both files in %.0f ms (%s)\n\n", now_ms () - t0, dir);

  rss_small = measure_in_child (dir, small, (guint) n_courses);
  rss_large = measure_in_child (dir, large, (guint) n_courses * 10);
  g_print ("\npeak RSS, larger / smaller: %.2f (target <= 1.2)\n",
           rss_small > 0 ? (double) rss_large / rss_small : 0.0);

  if (!keep)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *entry;

      while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, entry, NULL);

          g_unlink (path);
        }
      g_rmdir (dir);
    }

  return 0;
}
