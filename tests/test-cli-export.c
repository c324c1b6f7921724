/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-cli-export"

#include "config.h"

#include <string.h>

#include "cohort-csv-reader.h"
#include "cohort-database.h"
#include "cohort-query-model.h"
#include "cohort-statistics.h"
#include "cohort-test-utils.h"
#include "cohort-utils.h"

/* `cohort export`: the built executable on a small demo database; what it writes is read back
 * with Cohort's own CSV reader and compared with the database. */

typedef CohortTestDirFixture Fixture;


static const struct {
  const char      *name;
  CohortQueryKind  kind;
  const char      *table;  /* whose live rows the list holds all of, or NULL */
} lists[] = {
  { "trainees", COHORT_QUERY_KIND_TRAINEES, NULL },
  { "people", COHORT_QUERY_KIND_PERSONS, "person" },
  { "graduates", COHORT_QUERY_KIND_GRADUATES, NULL },
  { "organisations", COHORT_QUERY_KIND_ORGANISATIONS, "organisation" },
  { "courses", COHORT_QUERY_KIND_COURSES, "course" },
  { "runs", COHORT_QUERY_KIND_COURSE_RUNS, "course_run" },
  { "enrolments", COHORT_QUERY_KIND_ENROLMENTS, "enrolment" },
  { "placements", COHORT_QUERY_KIND_PLACEMENTS, "placement" },
  { "careers", COHORT_QUERY_KIND_CAREER_RECORDS, "career_record" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_dir_fixture_set_up (fixture, user_data);

  cohort_test_run (&result, fixture->path, "demo", "--trainees", "50", "--seed", "3",
                   "--today", "2025-06-15", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

/* The rows of a CSV text, header first, each checked to have the header's width. */
static GPtrArray *
parse_csv (const char *text)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  char **row;

  stream = g_memory_input_stream_new_from_data (g_strdup (text), (gssize) strlen (text),
                                                g_free);
  reader = cohort_csv_reader_new (stream, "export.csv", COHORT_CSV_TARGET_TRAINEES);
  while ((row = cohort_csv_reader_next_row (reader, NULL, NULL, &error)) != NULL)
    {
      if (rows->len > 0)
        g_assert_cmpuint (g_strv_length (row), ==,
                          g_strv_length (g_ptr_array_index (rows, 0)));
      g_ptr_array_add (rows, row);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, >=, 1);
  g_assert_cmpint (cohort_csv_reader_get_delimiter (reader), ==, ',');

  return rows;
}

static guint
column_of (GPtrArray  *rows,
           const char *name)
{
  char **header = g_ptr_array_index (rows, 0);

  for (guint i = 0; header[i] != NULL; i++)
    if (strcmp (header[i], name) == 0)
      return i;

  g_assert_not_reached ();
}

static const char *
cell (GPtrArray  *rows,
      guint       row,
      const char *column)
{
  return ((char **) g_ptr_array_index (rows, row))[column_of (rows, column)];
}

/* The ids the query model lists, in its order, after @setup. */
static GArray *
model_ids (const char      *path,
           CohortQueryKind  kind,
           void           (*setup) (CohortQueryModel *model))
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortQueryModel) model = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  g_assert_no_error (error);
  model = cohort_query_model_new (db, kind);
  if (setup != NULL)
    setup (model);
  g_assert_true (cohort_query_model_refresh_sync (model, &error));
  g_assert_no_error (error);

  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  for (guint i = 0; i < n; i++)
    {
      gint64 id = cohort_query_model_get_id (model, i);

      g_array_append_val (ids, id);
    }

  return ids;
}

static gint64
live_count (const char *path,
            const char *table)
{
  g_autoptr(GArray) counts = cohort_test_count_tables (path);

  return cohort_test_live_count (counts, table);
}

static void
assert_rows_are_ids (GPtrArray *rows,
                     GArray    *ids)
{
  g_assert_cmpuint (rows->len - 1, ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             g_array_index (ids, gint64, i));

      g_assert_cmpstr (cell (rows, i + 1, "id"), ==, id);
    }
}

static void
test_each_list (Fixture       *fixture,
                gconstpointer  user_data)
{
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      g_auto(CohortTestResult) result = { 0 };
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GArray) ids = NULL;

      g_test_message ("export %s", lists[l].name);
      cohort_test_run (&result, fixture->path, "export", lists[l].name, "--format", "csv", NULL);
      g_assert_cmpint (result.status, ==, 0);
      g_assert_cmpstr (result.err, ==, "");

      rows = parse_csv (result.out);
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "id");

      /* One row for each item of the list, in the list's order. */
      ids = model_ids (fixture->path, lists[l].kind, NULL);
      g_assert_cmpuint (ids->len, >, 0);
      assert_rows_are_ids (rows, ids);

      if (lists[l].table != NULL)
        g_assert_cmpint (rows->len - 1, ==, live_count (fixture->path, lists[l].table));
    }
}

static void
test_columns (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) placements = NULL;

  cohort_test_run (&result, fixture->path, "export", "trainees", NULL);
  g_assert_cmpint (result.status, ==, 0);
  rows = parse_csv (result.out);
  for (guint i = 1; i < rows->len; i++)
    {
      g_assert_cmpstr (cell (rows, i, "code"), !=, "");
      g_assert_true (cell (rows, i, "nationality")[0] == '\0' ||
                     cohort_country_is_valid (cell (rows, i, "nationality")));
    }

  /* Placements name the person and the host, as a placements import reads them. */
  cohort_test_run (&result, fixture->path, "export", "placements", NULL);
  g_assert_cmpint (result.status, ==, 0);
  placements = parse_csv (result.out);
  g_assert_cmpuint (placements->len, >, 1);
  for (guint i = 1; i < placements->len; i++)
    {
      g_assert_true (g_str_has_prefix (cell (placements, i, "person_code"), "P-"));
      if (cell (placements, i, "host_id")[0] != '\0')
        g_assert_cmpstr (cell (placements, i, "host"), !=, "");
    }
}

static void
filter_female (CohortQueryModel *model)
{
  cohort_query_model_set_filter (model, COHORT_QUERY_FILTER_GENDER, "female");
}

static void
sort_desc (CohortQueryModel *model)
{
  cohort_query_model_set_sort (model, COHORT_QUERY_SORT_FAMILY_NAME, TRUE);
}

static char *search_text;

static void
search (CohortQueryModel *model)
{
  cohort_query_model_set_search (model, search_text);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) women = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GPtrArray) in_country = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *country_filter = NULL;

  cohort_test_run (&result, fixture->path, "export", "trainees", NULL);
  all = parse_csv (result.out);

  cohort_test_run (&result, fixture->path, "export", "trainees", "--filter", "gender=female",
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  women = parse_csv (result.out);
  g_assert_cmpuint (women->len, >, 1);
  g_assert_cmpuint (women->len, <, all->len);
  for (guint i = 1; i < women->len; i++)
    g_assert_cmpstr (cell (women, i, "gender"), ==, "female");
  ids = model_ids (fixture->path, COHORT_QUERY_KIND_TRAINEES, filter_female);
  assert_rows_are_ids (women, ids);
  g_clear_pointer (&ids, g_array_unref);

  /* A search narrows the list to those that match. */
  for (guint i = 1; i < all->len && search_text == NULL; i++)
    if (g_utf8_strlen (cell (all, i, "family_name"), -1) >= 3)
      search_text = g_strdup (cell (all, i, "family_name"));
  g_assert_nonnull (search_text);
  cohort_test_run (&result, fixture->path, "export", "trainees", "--search", search_text, NULL);
  g_assert_cmpint (result.status, ==, 0);
  found = parse_csv (result.out);
  g_assert_cmpuint (found->len, >, 1);
  g_assert_cmpuint (found->len, <, all->len);
  ids = model_ids (fixture->path, COHORT_QUERY_KIND_TRAINEES, search);
  assert_rows_are_ids (found, ids);
  g_clear_pointer (&ids, g_array_unref);
  g_clear_pointer (&search_text, g_free);

  cohort_test_run (&result, fixture->path, "export", "trainees", "--sort", "family_name:desc",
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  sorted = parse_csv (result.out);
  ids = model_ids (fixture->path, COHORT_QUERY_KIND_TRAINEES, sort_desc);
  assert_rows_are_ids (sorted, ids);

  /* Placements in one country. */
  cohort_test_run (&result, fixture->path, "export", "placements", NULL);
  placements = parse_csv (result.out);
  country_filter = g_strdup_printf ("country=%s", cell (placements, 1, "country"));
  cohort_test_run (&result, fixture->path, "export", "placements", "--filter", country_filter,
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  in_country = parse_csv (result.out);
  g_assert_cmpuint (in_country->len, >, 1);
  for (guint i = 1; i < in_country->len; i++)
    g_assert_cmpstr (cell (in_country, i, "country"), ==, cell (placements, 1, "country"));

  /* Mistakes in the command line. */
  cohort_test_run (&result, fixture->path, "export", "trainees", "--filter", "colour=blue", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "courses", "--filter", "gender=female", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "trainees", "--filter", "gender", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "trainees", "--sort", "title", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "trainees", "--sort", "family_name:up", NULL);
  g_assert_cmpint (result.status, ==, 2);
}

static void
test_output_file (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->dir, "runs.csv", NULL);
  g_autofree char *stdout_copy = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  cohort_test_run (&result, fixture->path, "export", "runs", NULL);
  stdout_copy = g_strdup (result.out);

  cohort_test_run (&result, fixture->path, "export", "runs", "-o", file, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, stdout_copy);

  /* An existing file is kept unless --force says otherwise. */
  g_assert_true (g_file_set_contents (file, "precious", -1, &error));
  cohort_test_run (&result, fixture->path, "export", "runs", "-o", file, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--force"));
  g_assert_true (g_file_get_contents (file, &after, NULL, &error));
  g_assert_cmpstr (after, ==, "precious");
  g_clear_pointer (&after, g_free);

  cohort_test_run (&result, fixture->path, "export", "runs", "--output", file, "--force", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (file, &after, NULL, &error));
  g_assert_cmpstr (after, ==, stdout_copy);
}

static void
test_neutralised (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autofree char *file = g_build_filename (fixture->dir, "people.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CohortCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  guint found = 0;

  cohort_test_exec_sql (fixture->path,
                        "UPDATE person SET family_name = '=HYPERLINK(\"http://x\",\"y\")', "
                        "given_name = '@SUM(A1)', phone = '+81 3 1234', notes = '-2+3' "
                        "WHERE id = (SELECT min(id) FROM person)");

  cohort_test_run (&result, fixture->path, "export", "people", "-o", file, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_no_error (error);

  /* No cell of the file starts what a spreadsheet would run. */
  rows = parse_csv (contents);
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; row[c] != NULL; c++)
        g_assert_false (row[c][0] != '\0' && strchr ("=+-@\t\r", row[c][0]) != NULL);
    }

  for (guint i = 1; i < rows->len; i++)
    if (strcmp (cell (rows, i, "given_name"), "'@SUM(A1)") == 0)
      {
        g_assert_cmpstr (cell (rows, i, "family_name"), ==, "'=HYPERLINK(\"http://x\",\"y\")");
        g_assert_cmpstr (cell (rows, i, "phone"), ==, "'+81 3 1234");
        g_assert_cmpstr (cell (rows, i, "notes"), ==, "'-2+3");
        found++;
      }
  g_assert_cmpuint (found, ==, 1);

  /* Imported again, the cells are what they were in the database. */
  stream = g_memory_input_stream_new_from_data (g_strdup (contents), (gssize) strlen (contents),
                                                g_free);
  reader = cohort_csv_reader_new (stream, "people.csv", COHORT_CSV_TARGET_TRAINEES);
  g_assert_true (cohort_csv_reader_read_all (reader, &records, NULL, &error));
  g_assert_no_error (error);
  found = 0;
  for (guint i = 0; i < records->len; i++)
    {
      CohortImportPerson *person = COHORT_IMPORT_PERSON (g_ptr_array_index (records, i));

      if (g_strcmp0 (person->given_name, "@SUM(A1)") == 0)
        {
          g_assert_cmpstr (person->family_name, ==, "=HYPERLINK(\"http://x\",\"y\")");
          g_assert_cmpstr (person->phone, ==, "+81 3 1234");
          g_assert_cmpstr (person->notes, ==, "-2+3");
          found++;
        }
    }
  g_assert_cmpuint (found, ==, 1);
}

/* What Cohort exports, its CSV reader imports: the same people and placements, by code. */
static void
test_reads_back (Fixture       *fixture,
                 gconstpointer  user_data)
{
  const struct { const char *list; CohortCsvTarget target; } cases[] = {
    { "trainees", COHORT_CSV_TARGET_TRAINEES },
    { "placements", COHORT_CSV_TARGET_PLACEMENTS },
    { "organisations", COHORT_CSV_TARGET_ORGANISATIONS },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(CohortTestResult) result = { 0 };
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(CohortCsvReader) reader = NULL;
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;

      cohort_test_run (&result, fixture->path, "export", cases[c].list, NULL);
      g_assert_cmpint (result.status, ==, 0);
      rows = parse_csv (result.out);

      stream = g_memory_input_stream_new_from_data (g_strdup (result.out),
                                                    (gssize) strlen (result.out), g_free);
      reader = cohort_csv_reader_new (stream, "export.csv", cases[c].target);
      g_assert_true (cohort_csv_reader_read_all (reader, &records, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (records->len, ==, rows->len - 1);

      for (guint i = 0; i < records->len; i++)
        {
          CohortImportRecord *record = g_ptr_array_index (records, i);

          g_assert_cmpstr (record->rejected, ==, NULL);
          if (cases[c].target == COHORT_CSV_TARGET_TRAINEES)
            {
              CohortImportPerson *person = COHORT_IMPORT_PERSON (record);

              g_assert_cmpstr (person->code, ==, cell (rows, i + 1, "code"));
              g_assert_cmpstr (person->family_name, ==,
                               cohort_str_empty_to_null (cell (rows, i + 1, "family_name")));
              g_assert_cmpstr (person->given_name_local, ==,
                               cohort_str_empty_to_null (cell (rows, i + 1,
                                                               "given_name_local")));
              g_assert_cmpstr (person->nationality, ==,
                               cohort_str_empty_to_null (cell (rows, i + 1, "nationality")));
            }
          else if (cases[c].target == COHORT_CSV_TARGET_PLACEMENTS)
            {
              CohortImportPlacement *placement = COHORT_IMPORT_PLACEMENT (record);

              g_assert_cmpstr (placement->person_code, ==, cell (rows, i + 1, "person_code"));
              g_assert_cmpstr (placement->status, ==, cell (rows, i + 1, "status"));
              g_assert_cmpstr (placement->host, ==,
                               cohort_str_empty_to_null (cell (rows, i + 1, "host")));
            }
          else
            {
              CohortImportOrganisation *organisation = COHORT_IMPORT_ORGANISATION (record);

              g_assert_cmpstr (organisation->name, ==, cell (rows, i + 1, "name"));
              g_assert_cmpstr (organisation->kind, ==,
                               cohort_str_empty_to_null (cell (rows, i + 1, "kind")));
            }
        }
    }
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_run (&result, NULL, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "\n  export "));

  cohort_test_run (&result, fixture->path, "export", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--filter"));

  cohort_test_run (&result, fixture->path, "export", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "spaceships", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "export", "trainees", "--format", "pdf", NULL);
  g_assert_cmpint (result.status, ==, 2);

  /* XCRI-CAP is for the catalogue only (see test-cli-export-xml.c): nothing is written. */
  cohort_test_run (&result, fixture->path, "export", "trainees", "--format", "xcri", NULL);
  g_assert_cmpint (result.status, ==, 2);
  g_assert_nonnull (strstr (result.err, "xcri"));
  g_assert_cmpstr (result.out, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define add_test(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, \
              cohort_test_dir_fixture_tear_down)

  add_test ("/cohort/cli/export/each-list", test_each_list);
  add_test ("/cohort/cli/export/columns", test_columns);
  add_test ("/cohort/cli/export/filters", test_filters);
  add_test ("/cohort/cli/export/output-file", test_output_file);
  add_test ("/cohort/cli/export/neutralised", test_neutralised);
  add_test ("/cohort/cli/export/reads-back", test_reads_back);
  add_test ("/cohort/cli/export/usage", test_usage);

  return g_test_run ();
}
