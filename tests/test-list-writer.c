/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-list-writer"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cohort-import-format.h"
#include "cohort-list-writer.h"
#include "cohort-test-utils.h"

/* A list as CSV, as the window's Export and `cohort export` write it, and what a file to import
 * is found to be. */

#define ROWS_SQL \
  "INSERT INTO organisation (id, name, country, created_at, updated_at) VALUES " \
  "(1, 'UNHCR', 'CH', '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z'), " \
  "(2, 'UNDP', 'US', '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z'), " \
  "(3, '=WFP', 'IT', '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z');" \
  "INSERT INTO person (id, code, family_name, given_name, affiliation_id, created_at, " \
  "updated_at) VALUES " \
  "(1, 'P-1', 'Tanaka', 'Aiko', 1, '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z'), " \
  "(2, 'P-2', 'Okafor', 'Chinedu', NULL, '2024-05-01T09:00:00Z', '2024-05-01T09:00:00Z')"

static char *
write_list (CohortQueryModel *model,
            guint            *out_rows)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_query_model_refresh_sync (model, &error));
  g_assert_no_error (error);
  g_assert_true (cohort_list_writer_write_csv (model, stream, NULL, NULL, NULL, out_rows,
                                               &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (stream, NULL, NULL));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

/* The header names the columns; rows follow the list's order, with referenced names resolved
 * and formulas neutralised. */
static void
test_write (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  g_autoptr(CohortQueryModel) model = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint rows = 0;

  cohort_test_exec_sql (fixture->path, ROWS_SQL);

  model = cohort_query_model_new (fixture->db, COHORT_QUERY_KIND_ORGANISATIONS);
  cohort_query_model_set_sort (model, COHORT_QUERY_SORT_NAME, FALSE);
  text = write_list (model, &rows);
  g_assert_cmpuint (rows, ==, 3);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "id,name,acronym,kind,parent_id,parent,country,"));
  g_assert_true (g_str_has_prefix (lines[1], "3,'=WFP,,") ||
                 g_str_has_prefix (lines[1], "3,\"'=WFP\",,"));
  g_assert_true (g_str_has_prefix (lines[2], "2,UNDP,"));
  g_assert_true (g_str_has_prefix (lines[3], "1,UNHCR,"));
  g_assert_cmpstr (lines[4], ==, "");
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_object (&model);

  /* A search keeps only what it matches; a reference is written by name. */
  model = cohort_query_model_new (fixture->db, COHORT_QUERY_KIND_PERSONS);
  cohort_query_model_set_search (model, "Tanaka");
  text = write_list (model, &rows);
  g_assert_cmpuint (rows, ==, 1);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "1,P-1,Tanaka,Aiko,"));
  g_assert_nonnull (strstr (lines[1], ",1,UNHCR,"));
}

static gboolean
stop_after_one_cb (GOutputStream  *stream,
                   guint           n_rows,
                   guint           n_total,
                   gpointer        user_data,
                   GError        **error)
{
  guint *calls = user_data;

  (*calls)++;
  g_assert_cmpuint (n_total, ==, 3);
  g_assert_cmpuint (n_rows, ==, *calls);
  if (n_rows == 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop");
      return FALSE;
    }

  return TRUE;
}

/* The row function sees each row and can stop the writing; so can a cancellable. */
static void
test_stop (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autoptr(CohortQueryModel) model = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  guint calls = 0;

  cohort_test_exec_sql (fixture->path, ROWS_SQL);
  model = cohort_query_model_new (fixture->db, COHORT_QUERY_KIND_ORGANISATIONS);
  g_assert_true (cohort_query_model_refresh_sync (model, &error));

  g_assert_false (cohort_list_writer_write_csv (model, stream, stop_after_one_cb, &calls, NULL,
                                                NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (calls, ==, 1);
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (cohort_list_writer_write_csv (model, stream, NULL, NULL, cancellable, NULL,
                                                &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GFile *
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* XML with an IMS Enterprise root, other XML, and text; a CSV's rows by its header. */
static void
test_detect (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autoptr(GFile) xcri = write_file (fixture->dir, "a.xml",
                                      "\xef\xbb\xbf<?xml version='1.0'?>\n<catalog/>");
  g_autoptr(GFile) ims = write_file (fixture->dir, "b.xml",
                                     "  <enterprise><person/></enterprise>");
  g_autoptr(GFile) trainees = write_file (fixture->dir, "c.csv",
                                          "family_name,given_name\nTanaka,Aiko\n");
  g_autoptr(GFile) placements = write_file (fixture->dir, "d.csv",
                                            "person_code,host,duty_station\nP-1,UNHCR,Goma\n");
  g_autoptr(GFile) missing = g_file_new_build_filename (fixture->dir, "none.xml", NULL);
  g_autoptr(GError) error = NULL;
  CohortImportFormat format = COHORT_IMPORT_FORMAT_CSV;

  g_assert_true (cohort_import_format_detect (xcri, &format, NULL, &error));
  g_assert_cmpint (format, ==, COHORT_IMPORT_FORMAT_XCRI);
  g_assert_true (cohort_import_format_detect (ims, &format, NULL, &error));
  g_assert_cmpint (format, ==, COHORT_IMPORT_FORMAT_IMS);
  g_assert_true (cohort_import_format_detect (trainees, &format, NULL, &error));
  g_assert_cmpint (format, ==, COHORT_IMPORT_FORMAT_CSV);
  g_assert_no_error (error);

  g_assert_cmpint (cohort_import_format_detect_csv_target (trainees), ==,
                   COHORT_CSV_TARGET_TRAINEES);
  g_assert_cmpint (cohort_import_format_detect_csv_target (placements), ==,
                   COHORT_CSV_TARGET_PLACEMENTS);

  g_assert_false (cohort_import_format_detect (missing, &format, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/list-writer/write", test_write);
  cohort_test_add ("/cohort/list-writer/stop", test_stop);
  cohort_test_add ("/cohort/import-format/detect", test_detect);

  return g_test_run ();
}
