/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-cli-report"

#include "config.h"

#include <string.h>

#include "cohort-csv-reader.h"
#include "cohort-database.h"
#include "cohort-report-writer.h"
#include "cohort-report.h"
#include "cohort-test-utils.h"

/*
 * `cohort report`: the built executable on a small demo database.  What it writes (text, CSV
 * read back with Cohort's own CSV reader, JSON read by Python's json module) is compared with
 * the report core computes on the same database, cell by cell; what the numbers mean is tested
 * in test-report.c, and the PDF in test-cli-report-pdf.c.
 */

#define TODAY "2025-06-15"
#define PYTHON "/usr/bin/python3"

typedef CohortTestDirFixture Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };

  cohort_test_dir_fixture_set_up (fixture, user_data);

  cohort_test_run (&result, fixture->path, "demo", "--trainees", "120", "--seed", "5",
                   "--today", TODAY, NULL);
  g_assert_cmpint (result.status, ==, 0);
}

/* Every row of a CSV text; lines with nothing on them are skipped by the reader. */
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
  reader = cohort_csv_reader_new (stream, "report.csv", COHORT_CSV_TARGET_TRAINEES);
  while ((row = cohort_csv_reader_next_row (reader, NULL, NULL, &error)) != NULL)
    g_ptr_array_add (rows, row);
  g_assert_no_error (error);

  return rows;
}

static void
assert_row (char       **row,
            const char  *first,
            ...)
{
  va_list args;
  const char *cell = first;
  guint i = 0;

  va_start (args, first);
  for (; cell != NULL; cell = va_arg (args, const char *), i++)
    {
      g_assert_nonnull (row[i]);
      g_assert_cmpstr (row[i], ==, cell);
    }
  va_end (args);
  g_assert_null (row[i]);
}

/* The CSV of a whole report, block by block, against @report. */
static void
assert_csv_matches (const char   *text,
                    CohortReport *report)
{
  g_autoptr(GPtrArray) rows = parse_csv (text);
  guint next = 0;

  for (guint f = 0; f < cohort_report_get_n_figures (report); f++)
    {
      CohortReportFigure *figure = cohort_report_get_figure (report, f);
      guint n_columns = cohort_report_figure_get_n_columns (figure);
      char **row;

      g_assert_cmpuint (next, <, rows->len);
      assert_row (g_ptr_array_index (rows, next++), cohort_report_figure_get_id (figure),
                  cohort_report_figure_get_title (figure), NULL);

      row = g_ptr_array_index (rows, next++);
      g_assert_cmpuint (g_strv_length (row), ==, n_columns);
      for (guint c = 0; c < n_columns; c++)
        g_assert_cmpstr (row[c], ==, cohort_report_figure_get_column_key (figure, c));

      for (guint r = 0; r < cohort_report_figure_get_n_rows (figure); r++)
        {
          row = g_ptr_array_index (rows, next++);
          g_assert_cmpuint (g_strv_length (row), ==, n_columns);
          g_assert_cmpstr (row[0], ==, cohort_report_figure_get_row_label (figure, r));
          for (guint c = 1; c < n_columns; c++)
            {
              g_autofree char *expected = cohort_report_figure_format_value_c (figure, r, c);

              g_assert_cmpstr (row[c], ==, expected);
            }
        }
    }
  g_assert_cmpuint (next, ==, rows->len);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(CohortReport) report =
    cohort_test_compute_report_at_path (fixture->path, NULL, 0, 0, TODAY);
  g_autofree char *years = NULL;
  g_autofree char *flat = NULL;

  cohort_test_run (&result, fixture->path, "report", "--today", TODAY, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Programme report"));
  g_assert_nonnull (strstr (result.out, "All programmes, all fiscal years"));
  years = g_strdup_printf ("Data for fiscal years %d–%d", cohort_report_get_first_year (report),
                           cohort_report_get_last_year (report));
  g_assert_nonnull (strstr (result.out, years));

  /* Every figure, with its title, its column titles and its note (wrapped into lines). */
  flat = g_strdelimit (g_strdup (result.out), "\n", ' ');
  for (guint i = 0; i < cohort_report_get_n_figures (report); i++)
    {
      CohortReportFigure *figure = cohort_report_get_figure (report, i);

      g_assert_nonnull (strstr (result.out, cohort_report_figure_get_title (figure)));
      for (guint c = 0; c < cohort_report_figure_get_n_columns (figure); c++)
        g_assert_nonnull (strstr (result.out, cohort_report_figure_get_column_title (figure,
                                                                                     c)));
      if (cohort_report_figure_get_note (figure) != NULL)
        g_assert_nonnull (strstr (flat, cohort_report_figure_get_note (figure)));
    }

  /* The filter in words. */
  cohort_test_run (&result, fixture->path, "report", "--today", TODAY, "--from", "2020",
                   "--to", "2022", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "All programmes, fiscal years 2020–2022"));
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(CohortReport) everything =
    cohort_test_compute_report_at_path (fixture->path, NULL, 0, 0, TODAY);
  g_autoptr(CohortReport) some =
    cohort_test_compute_report_at_path (fixture->path, "PC", 2019, 2021, TODAY);
  g_autofree char *output = g_build_filename (fixture->dir, "report.csv", NULL);
  g_autofree char *written = NULL;

  cohort_test_run (&result, fixture->path, "report", "--format", "csv", "--today", TODAY, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");
  assert_csv_matches (result.out, everything);

  g_assert_true (g_str_has_prefix (result.out, "pipeline,"));

  /* A programme and years, to a file. */
  cohort_test_run (&result, fixture->path, "report", "--format", "csv", "--today", TODAY,
                   "--programme", "PC", "--from", "2019", "--to", "2021", "-o", output,
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  assert_csv_matches (written, some);
  g_assert_cmpint (cohort_report_get_first_year (some), ==, 2019);
  g_assert_cmpint (cohort_report_get_last_year (some), ==, 2021);

  /* An existing file is kept unless --force. */
  cohort_test_run (&result, fixture->path, "report", "--format", "csv", "-o", output, NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "--force"));
  cohort_test_run (&result, fixture->path, "report", "--format", "csv", "--today", TODAY,
                   "-o", output, "--force", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_clear_pointer (&written, g_free);
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  assert_csv_matches (written, everything);
}

/* What Python's json module reads from @json: one line per value, "figure|row|key|value". */
static char *
read_json_with_python (const char *json)
{
  static const char script[] =
    "import json, sys\n"
    "report = json.load(sys.stdin)\n"
    "print('filter', report['filter']['programme'], report['filter']['from_year'],\n"
    "      report['filter']['to_year'], report['filter']['today'], sep='|')\n"
    "print('years', report['years']['first'], report['years']['last'], sep='|')\n"
    "for figure in report['figures']:\n"
    "    print('figure', figure['id'], figure['title'], figure['chart'], sep='|')\n"
    "    keys = [column['key'] for column in figure['columns']]\n"
    "    for index, row in enumerate(figure['rows']):\n"
    "        for key in keys[1:]:\n"
    "            value = row['values'][key]\n"
    "            print(figure['id'], index, key, '' if value is None else value, sep='|')\n";
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;

  python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                             G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                             PYTHON, "-c", script, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (python, json, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_test_message ("python: %s", err);
  g_assert_true (g_subprocess_get_successful (python));

  return out;
}

static void
assert_json_matches (const char   *json,
                     CohortReport *report,
                     const char   *filter_line)
{
  g_autofree char *read = read_json_with_python (json);
  g_autoptr(GString) expected = g_string_new (NULL);

  g_string_append_printf (expected, "%s\n", filter_line);
  g_string_append_printf (expected, "years|%d|%d\n", cohort_report_get_first_year (report),
                          cohort_report_get_last_year (report));
  for (guint f = 0; f < cohort_report_get_n_figures (report); f++)
    {
      CohortReportFigure *figure = cohort_report_get_figure (report, f);
      static const char * const charts[] = { "none", "bars", "stacked-bars", "hbars", "lines" };

      g_string_append_printf (expected, "figure|%s|%s|%s\n", cohort_report_figure_get_id (figure),
                              cohort_report_figure_get_title (figure),
                              charts[cohort_report_figure_get_chart_kind (figure)]);
      for (guint r = 0; r < cohort_report_figure_get_n_rows (figure); r++)
        for (guint c = 1; c < cohort_report_figure_get_n_columns (figure); c++)
          {
            g_autofree char *value = cohort_report_figure_format_value_c (figure, r, c);

            g_string_append_printf (expected, "%s|%u|%s|%s\n",
                                    cohort_report_figure_get_id (figure), r,
                                    cohort_report_figure_get_column_key (figure, c), value);
          }
    }

  g_assert_cmpstr (read, ==, expected->str);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_auto(CohortTestResult) result = { 0 };
  g_autoptr(CohortReport) everything =
    cohort_test_compute_report_at_path (fixture->path, NULL, 0, 0, TODAY);
  g_autoptr(CohortReport) some =
    cohort_test_compute_report_at_path (fixture->path, "PC", 2020, 0, TODAY);

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("needs " PYTHON " to read JSON");
      return;
    }

  cohort_test_run (&result, fixture->path, "report", "--format", "json", "--today", TODAY,
                   NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_json_matches (result.out, everything, "filter|None|None|None|" TODAY);

  cohort_test_run (&result, fixture->path, "report", "--format", "json", "--today", TODAY,
                   "--programme", "PC", "--from", "2020", NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_json_matches (result.out, some, "filter|PC|2020|None|" TODAY);
}

/* A figure whose every text needs care: quotes, backslashes, control characters, the line
 * separator that JavaScript does not allow in strings, a cell that a spreadsheet would run. */
static CohortReport *
make_awkward_report (void)
{
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autoptr(CohortReportFigure) figure = NULL;
  CohortReport *report;
  guint row;

  filter->programme_code = g_strdup ("P\"1\\");
  report = cohort_report_new (filter, 2020, 2021);
  figure = cohort_report_figure_new ("awkward", "Quote \" backslash \\ newline \n tab \t "
                                     "bell \a separator \u2028 end", COHORT_REPORT_CHART_HBARS);
  cohort_report_figure_set_note (figure, "Note, with a comma");
  cohort_report_figure_add_column (figure, "label", "Label", COHORT_REPORT_VALUE_COUNT, FALSE);
  cohort_report_figure_add_column (figure, "count", "Count, all", COHORT_REPORT_VALUE_COUNT,
                                   TRUE);
  cohort_report_figure_add_column (figure, "share", "Share", COHORT_REPORT_VALUE_PERCENT,
                                   FALSE);
  row = cohort_report_figure_add_row (figure, "=1+1", FALSE);
  cohort_report_figure_set_value (figure, row, 1, 1234);
  cohort_report_figure_set_value (figure, row, 2, 100.0 / 3);
  row = cohort_report_figure_add_row (figure, "Total", TRUE);
  cohort_report_figure_set_value (figure, row, 1, 1234);
  cohort_report_add_figure (report, figure);

  return report;
}

static void
test_escaping (void)
{
  static const char script[] =
    "import json, sys\n"
    "report = json.load(sys.stdin)\n"
    "figure = report['figures'][0]\n"
    "print(json.dumps([report['filter']['programme'], figure['title'], figure['chart'],\n"
    "                  [c['kind'] for c in figure['columns']],\n"
    "                  [c['series'] for c in figure['columns']],\n"
    "                  [[r['label'], r['total'], r['values']] for r in figure['rows']]]))\n";
  g_autoptr(CohortReport) report = make_awkward_report ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GSubprocess) python = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (cohort_report_write_json (report, stream, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (stream, NULL, NULL);
  json = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));

  /* No raw control character or line separator reaches the JSON text. */
  g_assert_null (strchr (json, '\a'));
  g_assert_null (strchr (json, '\t'));
  g_assert_null (strstr (json, "\u2028"));

  if (g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      python = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                 G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                 PYTHON, "-c", script, NULL);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (python, json, NULL, &out, &err, &error);
      g_assert_no_error (error);
      g_test_message ("python: %s", err);
      g_assert_true (g_subprocess_get_successful (python));
      g_assert_cmpstr (out, ==,
                       "[\"P\\\"1\\\\\", "
                       "\"Quote \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 "
                       "separator \\u2028 end\", \"hbars\", [\"label\", \"count\", \"percent\"], "
                       "[false, true, false], "
                       "[[\"=1+1\", false, {\"count\": 1234, \"share\": 33.3}], "
                       "[\"Total\", true, {\"count\": 1234, \"share\": null}]]]\n");
    }

  /* The table as CSV: titles in the header, the formula neutralised, C-locale numbers. */
  g_assert_true (cohort_report_write_csv_figure (cohort_report_get_figure (report, 0), csv,
                                                 &error));
  g_assert_no_error (error);
  g_output_stream_write_all (csv, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (csv, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (csv));
  g_assert_cmpstr (text, ==, "Label,\"Count, all\",Share\r\n"
                             "\"'=1+1\",1234,33.3\r\n"
                             "Total,1234,\r\n");
  rows = parse_csv (text);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (g_ptr_array_index (rows, 1), "'=1+1", "1234", "33.3", NULL);
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  user_data)
{
  static const struct
  {
    const char *args[5];
    const char *message;
  } mistakes[] = {
    { { "--from", "twenty", NULL }, "twenty" },
    { { "--to", "99999", NULL }, "99999" },
    { { "--from", "2024", "--to", "2022", NULL }, "2024" },
    { { "--today", "2025-02-30", NULL }, "2025-02-30" },
    { { "--format", "xml", NULL }, "xml" },
    { { "--format", "pdf", NULL }, "-o FILE" },
    { { "--programme", " ", NULL }, "--programme" },
    { { "extra", NULL }, "extra" },
    { { "--no-such-option", NULL }, "no-such-option" },
  };
  g_auto(CohortTestResult) result = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (mistakes); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();

      g_ptr_array_add (args, (gpointer) "report");
      for (guint a = 0; mistakes[i].args[a] != NULL; a++)
        g_ptr_array_add (args, (gpointer) mistakes[i].args[a]);
      g_ptr_array_add (args, NULL);

      cohort_test_result_clear (&result);
      g_assert_true (cohort_test_run_cohort ((const char * const *) args->pdata, fixture->path,
                                             &result.out, &result.err, &result.status));
      g_assert_cmpint (result.status, ==, 2);
      g_assert_cmpstr (result.out, ==, "");
      g_assert_nonnull (strstr (result.err, mistakes[i].message));
      g_assert_nonnull (strstr (result.err, "cohort report --help"));
    }

  /* A programme that does not exist is not a usage error: the command was right. */
  cohort_test_run (&result, fixture->path, "report", "--programme", "NOPE", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "“NOPE”"));
  g_assert_cmpstr (result.out, ==, "");

  cohort_test_run (&result, fixture->path, "report", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--programme"));
  g_assert_nonnull (strstr (result.out, "--today"));

  cohort_test_run (&result, fixture->path, "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "report"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cohort/cli/report/text", Fixture, NULL, fixture_set_up, test_text,
              cohort_test_dir_fixture_tear_down);
  g_test_add ("/cohort/cli/report/csv", Fixture, NULL, fixture_set_up, test_csv,
              cohort_test_dir_fixture_tear_down);
  g_test_add ("/cohort/cli/report/json", Fixture, NULL, fixture_set_up, test_json,
              cohort_test_dir_fixture_tear_down);
  g_test_add_func ("/cohort/cli/report/escaping", test_escaping);
  g_test_add ("/cohort/cli/report/usage", Fixture, NULL, fixture_set_up, test_usage,
              cohort_test_dir_fixture_tear_down);

  return g_test_run ();
}
