/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-csv"

#include "config.h"

#include <gio/gio.h>

#include "cohort-csv-writer.h"

static void
test_cells (void)
{
  struct { const char *in; const char *out; } cases[] = {
    { NULL, "" },
    { "", "" },
    { "Tanaka", "Tanaka" },
    { "田中 太郎", "田中 太郎" },
    { "عبد الله", "عبد الله" },
    { "Cox's Bazar, BD", "\"Cox's Bazar, BD\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "a;b", "\"a;b\"" },
    /* Anything a spreadsheet would run as a formula is neutralised. */
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
    { "+81 3 1234", "\"'+81 3 1234\"" },
    { "-5", "\"'-5\"" },
    { "@SUM(A1)", "\"'@SUM(A1)\"" },
    { "\tx", "\"'\tx\"" },
    { "\rx", "\"'\rx\"" },
    { "a=b", "a=b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = cohort_csv_dup_cell (cases[i].in);
      g_assert_cmpstr (cell, ==, cases[i].out);
    }
}

static void
test_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(CohortCsvWriter) writer = cohort_csv_writer_new (stream);
  const char *header[] = { "code", "family_name", "note", NULL };
  const char *row[] = { "P-1", "Tanaka", NULL };
  const char *row2[] = { "P-2", "=1+1", "x,y" };

  g_assert_true (cohort_csv_writer_write_row (writer, header, -1, NULL, &error));
  g_assert_true (cohort_csv_writer_write_row (writer, row, 3, NULL, &error));
  g_assert_true (cohort_csv_writer_write_row (writer, row2, 3, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), ==,
                   "code,family_name,note\r\n"
                   "P-1,Tanaka,\r\n"
                   "P-2,\"'=1+1\",\"x,y\"\r\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/csv-writer/cells", test_cells);
  g_test_add_func ("/cohort/csv-writer/rows", test_rows);

  return g_test_run ();
}
