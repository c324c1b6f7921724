/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-bench"

#include "config.h"

/*
 * cohort-bench: how fast the core is on a big database.
 *
 *   cohort --database /tmp/demo.db demo --trainees 100000
 *   cohort-bench --database /tmp/demo.db
 *   cohort-bench --generate 100000            (times the generator too, in a temporary file)
 *
 * Prints the file size; the time to open the database; the first page of the people list after
 * a search; a full re-sort by family name, ascending and descending; search times over 200
 * queries drawn from the database's own names, emails and organisations; the time per page when
 * paging through the whole list; and the peak resident memory.  Targets: open < 100 ms, search
 * p95 < 10 ms, re-sort < 100 ms.  Not run by CI: figures depend on the machine.
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "cohort-bench-utils.h"
#include "cohort-demo.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-query-model.h"
#include "cohort-record.h"

#define PAGE 64
#define N_SEARCHES 200
#define N_REPEATS 7
#define SEED 20240401

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
print_times (const char *label,
             GArray     *times)
{
  g_assert (times->len > 0);
  g_print ("%-44s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (n = %u)\n",
           label, cohort_bench_percentile (times, 50), cohort_bench_percentile (times, 95),
           cohort_bench_percentile (times, 100), times->len);
}

static double
file_size_mib (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return 0;

  return st.st_size / (1024.0 * 1024.0);
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0; /* kilobytes on Linux */
}

static void
refresh_or_die (CohortQueryModel *model)
{
  g_autoptr(GError) error = NULL;

  if (!cohort_query_model_refresh_sync (model, &error))
    g_error ("Query failed: %s", error->message);
}

/* Builds the objects of the first page, as a list view would on showing the result. */
static void
touch_first_page (CohortQueryModel *model)
{
  guint n = MIN (PAGE, g_list_model_get_n_items (G_LIST_MODEL (model)));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));
}

static void
on_generate_progress_cb (guint    n_done,
                         guint    n_total,
                         gpointer user_data)
{
}

static char *
generate (guint n_trainees)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autofree char *reference_date = g_date_time_format (today, "%Y-%m-%d");
  char *path;
  double start;

  dir = g_dir_make_tmp ("cohort-bench-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "demo.db", NULL);

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    g_error ("%s", error->message);

  start = now_ms ();
  if (!cohort_demo_generate (db, n_trainees, 42, reference_date, on_generate_progress_cb, NULL,
                             NULL, &error))
    g_error ("Generation failed: %s", error->message);
  g_print ("%-44s %.0f ms (%u trainees, seed 42, reference date %s)\n",
           "demo generation (cohort_demo_generate)", now_ms () - start, n_trainees,
           reference_date);

  return path;
}

static void
bench_open (const char *path)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      CohortDatabase *db;
      double start = now_ms ();
      double elapsed;

      db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
      elapsed = now_ms () - start;
      if (db == NULL)
        g_error ("%s", error->message);
      g_object_unref (db);

      if (i == 0)
        g_print ("%-44s %7.2f ms\n", "open (first in this process)", elapsed);
      else
        g_array_append_val (times, elapsed);
    }

  print_times ("open (cohort_database_open, again)", times);
}

static void
bench_first_page (CohortDatabase *db,
                  CohortQueryKind kind,
                  const char     *kind_name)
{
  static const char * const searches[] = {
    "Tanaka", "tanaka.taro", "Mohammed", "田中", "小林舞", "Nguyen", "UNDP", "Sa", "K",
  };
  g_autoptr(CohortQueryModel) model = cohort_query_model_new (db, kind);

  refresh_or_die (model);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autofree char *label = g_strdup_printf ("first page, %s, search “%s”", kind_name,
                                                searches[i]);
      double start = now_ms ();
      double query_ms;

      cohort_query_model_set_search (model, searches[i]);
      refresh_or_die (model);
      query_ms = now_ms () - start;
      touch_first_page (model);
      g_print ("%-44s %7.2f ms (query %.2f ms, %u rows)\n", label, now_ms () - start, query_ms,
               g_list_model_get_n_items (G_LIST_MODEL (model)));
    }
}

static void
bench_sort (CohortDatabase  *db,
            CohortQueryKind  kind,
            const char      *kind_name,
            CohortQuerySort  sort,
            const char      *sort_name)
{
  g_autoptr(CohortQueryModel) model = cohort_query_model_new (db, kind);
  g_autoptr(GArray) ascending = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) descending = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *label_asc = g_strdup_printf ("re-sort %s by %s, ascending", kind_name,
                                                sort_name);
  g_autofree char *label_desc = g_strdup_printf ("re-sort %s by %s, descending", kind_name,
                                                 sort_name);
  CohortQuerySort other = cohort_query_kind_get_default_sort (kind);

  /* Start each round from another order, so that the timed query really re-sorts. */
  for (CohortQuerySort candidate = 0;
       other == sort && candidate <= COHORT_QUERY_SORT_RESERVE_RANK;
       candidate++)
    if (candidate != sort && cohort_query_kind_supports_sort (kind, candidate))
      other = candidate;

  for (guint i = 0; i < N_REPEATS; i++)
    {
      double start;
      double elapsed;

      cohort_query_model_set_sort (model, other, FALSE);
      refresh_or_die (model);

      start = now_ms ();
      cohort_query_model_set_sort (model, sort, FALSE);
      refresh_or_die (model);
      touch_first_page (model);
      elapsed = now_ms () - start;
      g_array_append_val (ascending, elapsed);

      start = now_ms ();
      cohort_query_model_set_sort (model, sort, TRUE);
      refresh_or_die (model);
      touch_first_page (model);
      elapsed = now_ms () - start;
      g_array_append_val (descending, elapsed);
    }

  g_print ("%-44s %u rows\n", kind_name, g_list_model_get_n_items (G_LIST_MODEL (model)));
  print_times (label_asc, ascending);
  print_times (label_desc, descending);
}

/* The first 1 or 2 characters of @text (what someone starts typing), or a substring of 3 to 6
 * characters from anywhere in it. */
static char *
draw_substring (GRand      *rand,
                const char *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  glong length = g_rand_int_range (rand, 1, 7);
  glong start = 0;

  if (n_chars == 0)
    return NULL;

  length = MIN (length, n_chars);
  if (length >= 3)
    start = g_rand_int_range (rand, 0, (gint32) (n_chars - length + 1));

  return g_utf8_substring (text, start, start + length);
}

typedef enum
{
  QUERY_ROMANISED,
  QUERY_LOCAL,
  QUERY_EMAIL,
  QUERY_ORGANISATION,
  N_QUERY_KINDS
} QueryKind;

static const char * const query_kind_names[N_QUERY_KINDS] = {
  "romanised name, 1-6 chars", "local-script name, 1-6 chars", "email", "organisation name",
};

typedef struct
{
  QueryKind  kind;
  char      *text;
} Query;

static void
query_clear (gpointer data)
{
  Query *query = data;

  g_free (query->text);
}

/* Draws @n queries from the database's own people and organisations, deterministically (the
 * same database gives the same queries). */
static GArray *
draw_queries (CohortDatabase *db,
              guint           n)
{
  g_autoptr(CohortQueryModel) persons = cohort_query_model_new (db, COHORT_QUERY_KIND_PERSONS);
  g_autoptr(CohortQueryModel) organisations = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GArray *queries = g_array_new (FALSE, TRUE, sizeof (Query));
  guint n_persons;
  guint n_organisations;

  g_array_set_clear_func (queries, query_clear);

  organisations = cohort_query_model_new (db, COHORT_QUERY_KIND_ORGANISATIONS);
  cohort_query_model_set_sort (persons, COHORT_QUERY_SORT_CODE, FALSE);
  refresh_or_die (persons);
  refresh_or_die (organisations);
  n_persons = g_list_model_get_n_items (G_LIST_MODEL (persons));
  n_organisations = g_list_model_get_n_items (G_LIST_MODEL (organisations));
  if (n_persons == 0 || n_organisations == 0)
    g_error ("The database has no people or no organisations to draw searches from");

  while (queries->len < n)
    {
      Query query = { (QueryKind) (queries->len % 10 < 3 ? QUERY_ROMANISED :
                                   queries->len % 10 < 6 ? QUERY_LOCAL :
                                   queries->len % 10 < 8 ? QUERY_EMAIL : QUERY_ORGANISATION),
                      NULL };
      guint position = g_rand_int_range (rand, 0, (gint32) n_persons);
      g_autoptr(CohortPerson) person = g_list_model_get_item (G_LIST_MODEL (persons), position);
      const char *text = NULL;

      switch (query.kind)
        {
        case QUERY_ROMANISED:
          text = g_rand_boolean (rand) ? cohort_person_get_family_name (person)
                                       : cohort_person_get_given_name (person);
          break;

        case QUERY_LOCAL:
          text = g_rand_boolean (rand) ? cohort_person_get_family_name_local (person)
                                       : cohort_person_get_given_name_local (person);
          break;

        case QUERY_EMAIL:
          query.text = g_strdup (cohort_person_get_email (person));
          break;

        case QUERY_ORGANISATION:
          {
            guint i = g_rand_int_range (rand, 0, (gint32) n_organisations);
            g_autoptr(CohortOrganisation) organisation =
              g_list_model_get_item (G_LIST_MODEL (organisations), i);

            query.text = g_strdup (cohort_organisation_get_name (organisation));
          }
          break;

        case N_QUERY_KINDS:
        default:
          g_assert_not_reached ();
        }

      if (text != NULL && text[0] != '\0')
        query.text = draw_substring (rand, text);

      if (query.text == NULL || query.text[0] == '\0')
        {
          g_free (query.text);
          continue;
        }

      g_array_append_val (queries, query);
    }

  return queries;
}

static void
bench_search (CohortDatabase  *db,
              GArray          *queries,
              CohortQueryKind  kind,
              const char      *kind_name,
              gboolean         verbose)
{
  g_autoptr(CohortQueryModel) model = cohort_query_model_new (db, kind);
  g_autoptr(GArray) query_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full_text = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) prefix = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *by_kind[N_QUERY_KINDS];
  g_autofree char *label = NULL;
  guint64 n_rows = 0;

  for (guint k = 0; k < N_QUERY_KINDS; k++)
    by_kind[k] = g_array_new (FALSE, FALSE, sizeof (double));

  refresh_or_die (model);

  for (guint i = 0; i < queries->len; i++)
    {
      const Query *query = &g_array_index (queries, Query, i);
      double start = now_ms ();
      double query_ms;
      double total_ms;

      cohort_query_model_set_search (model, query->text);
      refresh_or_die (model);
      query_ms = now_ms () - start;
      touch_first_page (model);
      total_ms = now_ms () - start;

      g_array_append_val (query_times, query_ms);
      g_array_append_val (page_times, total_ms);
      g_array_append_val (by_kind[query->kind], total_ms);
      if (g_utf8_strlen (query->text, -1) < 3)
        g_array_append_val (prefix, total_ms);
      else
        g_array_append_val (full_text, total_ms);
      n_rows += g_list_model_get_n_items (G_LIST_MODEL (model));

      if (verbose)
        g_print ("  %7.2f ms %6u rows  %s\n", total_ms,
                 g_list_model_get_n_items (G_LIST_MODEL (model)), query->text);
    }

  g_print ("search, %s: %u queries, %.0f rows on average\n", kind_name, queries->len,
           (double) n_rows / queries->len);
  print_times ("  query (ids in order)", query_times);
  print_times ("  query + first page of objects", page_times);
  print_times ("    3+ characters (trigram index)", full_text);
  print_times ("    1-2 characters (prefix)", prefix);
  for (guint k = 0; k < N_QUERY_KINDS; k++)
    {
      g_clear_pointer (&label, g_free);
      label = g_strdup_printf ("    %s", query_kind_names[k]);
      print_times (label, by_kind[k]);
      g_array_unref (by_kind[k]);
    }
}

/* The way the window searches: the query runs in a worker thread, the main loop waits. */
static void
bench_search_async (CohortDatabase *db,
                    GArray         *queries)
{
  g_autoptr(CohortQueryModel) model = cohort_query_model_new (db, COHORT_QUERY_KIND_TRAINEES);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  while (cohort_query_model_get_loading (model))
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < queries->len; i++)
    {
      const Query *query = &g_array_index (queries, Query, i);
      double start = now_ms ();
      double elapsed;

      cohort_query_model_set_search (model, query->text);
      while (cohort_query_model_get_loading (model))
        g_main_context_iteration (NULL, TRUE);
      touch_first_page (model);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
    }

  print_times ("search in a worker, to first page shown", times);
}

static void
bench_paging (CohortDatabase  *db,
              CohortQueryKind  kind,
              const char      *kind_name)
{
  g_autoptr(CohortQueryModel) model = cohort_query_model_new (db, kind);
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *label = g_strdup_printf ("paging %s top to bottom, per page of %d",
                                            kind_name, PAGE);
  double rss_before;
  double start;
  guint n;

  refresh_or_die (model);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  rss_before = peak_rss_mib ();

  start = now_ms ();
  for (guint page = 0; page * PAGE < n; page++)
    {
      double page_start = now_ms ();
      double elapsed;

      for (guint i = page * PAGE; i < MIN (n, (page + 1) * PAGE); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (model), i));

      elapsed = now_ms () - page_start;
      g_array_append_val (times, elapsed);
    }

  print_times (label, times);
  g_print ("%-44s %.0f ms for %u rows; peak RSS %.1f MiB before, %.1f MiB after\n",
           "  whole list", now_ms () - start, n, rss_before, peak_rss_mib ());
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GArray) queries = NULL;
  g_autofree char *database = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *wal = NULL;
  int n_generate = 0;
  gboolean verbose = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      "The database to measure (made by `cohort demo --trainees 100000`)", "PATH" },
    { "generate", 'g', 0, G_OPTION_ARG_INT, &n_generate,
      "Time cohort_demo_generate() for N trainees in a temporary file (measured next, unless "
      "--database is given)", "N" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every search", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("- measure Cohort's core on a big database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (database == NULL && n_generate <= 0)
    {
      g_printerr ("Give --database PATH or --generate N\n");
      return 2;
    }

  if (n_generate > 0)
    {
      generated = generate ((guint) n_generate);
      g_print ("%-44s %.1f MiB\n", "generated file size", file_size_mib (generated));
      if (database == NULL)
        database = g_strdup (generated);
    }

  wal = g_strconcat (database, "-wal", NULL);
  g_print ("%-44s %s\n", "database", database);
  g_print ("%-44s %.1f MiB (WAL %.1f MiB)\n", "file size", file_size_mib (database),
           file_size_mib (wal));

  bench_open (database);

  db = cohort_database_open (database, COHORT_DATABASE_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  bench_first_page (db, COHORT_QUERY_KIND_TRAINEES, "trainees");

  bench_sort (db, COHORT_QUERY_KIND_PERSONS, "people", COHORT_QUERY_SORT_FAMILY_NAME,
              "family name");
  bench_sort (db, COHORT_QUERY_KIND_TRAINEES, "trainees", COHORT_QUERY_SORT_FAMILY_NAME,
              "family name");
  bench_sort (db, COHORT_QUERY_KIND_TRAINEES, "trainees", COHORT_QUERY_SORT_LOCAL_NAME,
              "local name");
  bench_sort (db, COHORT_QUERY_KIND_GRADUATES, "graduates", COHORT_QUERY_SORT_LAST_VERIFIED,
              "last verified");
  bench_sort (db, COHORT_QUERY_KIND_PLACEMENTS, "placements", COHORT_QUERY_SORT_PERSON,
              "person");

  queries = draw_queries (db, N_SEARCHES);
  bench_search (db, queries, COHORT_QUERY_KIND_PERSONS, "people", verbose);
  bench_search (db, queries, COHORT_QUERY_KIND_TRAINEES, "trainees", FALSE);
  bench_search_async (db, queries);

  bench_paging (db, COHORT_QUERY_KIND_TRAINEES, "trainees");

  g_print ("%-44s %.1f MiB\n", "peak RSS (getrusage ru_maxrss)", peak_rss_mib ());

  g_clear_object (&db);
  if (generated != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (generated);
      g_autofree char *generated_wal = g_strconcat (generated, "-wal", NULL);
      g_autofree char *generated_shm = g_strconcat (generated, "-shm", NULL);

      g_unlink (generated);
      g_unlink (generated_wal);
      g_unlink (generated_shm);
      g_rmdir (dir);
    }

  return 0;
}
