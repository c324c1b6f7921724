/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <gio/gio.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-demo.h"
#include "cohort-export-query.h"
#include "cohort-import-plan.h"
#include "cohort-organisation.h"
#include "cohort-record.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-xcri-reader.h"
#include "cohort-xcri-schema.h"
#include "cohort-xcri-writer.h"
#include "cohort-xml-safety.h"

static GBytes *
write_catalogue (CohortDatabase *db)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_xcri_writer_write (db, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
on_schema_error (void        *user_data,
                 xmlErrorPtr  error)
{
  GPtrArray *errors = user_data;

  if (error != NULL && error->level >= XML_ERR_ERROR)
    g_ptr_array_add (errors, g_strdup_printf ("%d: %s", error->line, error->message));
}

/* Validates with the schemas Cohort's own loader loads (local copies only). */
static void
assert_valid (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func (g_free);
  xmlSchemaPtr schema = cohort_xcri_schema_get (&error);
  xmlSchemaValidCtxtPtr ctxt;
  xmlDocPtr doc;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  int rc;

  g_assert_no_error (error);
  g_assert_nonnull (schema);

  doc = xmlReadMemory (data, (int) size, "catalogue.xml", NULL, COHORT_XML_PARSE_OPTIONS);
  g_assert_nonnull (doc);

  ctxt = xmlSchemaNewValidCtxt (schema);
  xmlSchemaSetValidStructuredErrors (ctxt, on_schema_error, errors);
  rc = xmlSchemaValidateDoc (ctxt, doc);
  for (guint i = 0; i < errors->len; i++)
    g_test_message ("schema: %s", (const char *) g_ptr_array_index (errors, i));
  g_assert_cmpint (rc, ==, 0);
  g_assert_cmpuint (errors->len, ==, 0);

  xmlSchemaFreeValidCtxt (ctxt);
  xmlFreeDoc (doc);
}

static GPtrArray *
read_catalogue (GBytes               *bytes,
                CohortXcriReaderFlags flags)
{
  g_autoptr(CohortXcriReader) reader = cohort_xcri_reader_new_for_bytes (bytes, "catalogue.xml",
                                                                         flags);
  g_autoptr(GError) error = NULL;
  GPtrArray *records = NULL;
  GPtrArray *issues;

  g_assert_true (cohort_xcri_reader_read_all (reader, &records, NULL, &error));
  g_assert_no_error (error);

  /* Cohort's own catalogue needs no interpreting. */
  issues = cohort_xcri_reader_get_issues (reader);
  for (guint i = 0; i < issues->len; i++)
    {
      CohortImportIssue *issue = g_ptr_array_index (issues, i);

      g_test_message ("%u: %s", issue->line, issue->message);
    }
  g_assert_cmpuint (issues->len, ==, 0);

  return records;
}

static CohortCourse *
find_course (GPtrArray  *courses,
             const char *code)
{
  for (guint i = 0; i < courses->len; i++)
    {
      if (g_strcmp0 (cohort_course_get_code (g_ptr_array_index (courses, i)), code) == 0)
        return g_ptr_array_index (courses, i);
    }

  return NULL;
}

static CohortCourseRun *
find_run (GPtrArray  *runs,
          const char *code)
{
  for (guint i = 0; i < runs->len; i++)
    {
      if (g_strcmp0 (cohort_course_run_get_code (g_ptr_array_index (runs, i)), code) == 0)
        return g_ptr_array_index (runs, i);
    }

  return NULL;
}

static void
assert_same_catalogue (CohortDatabase *db,
                       GPtrArray      *records)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) courses = cohort_export_query_list_courses (db, &error);
  g_autoptr(GPtrArray) runs = cohort_export_query_list_runs (db, 0, &error);
  guint n_courses = 0;
  guint n_runs = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (records, i);

      if (record->kind == COHORT_IMPORT_RECORD_COURSE)
        {
          CohortImportCourse *imported = (CohortImportCourse *) record;
          CohortCourse *course = find_course (courses, imported->code);
          g_autofree char *subject = cohort_import_course_dup_subject (imported);

          g_assert_nonnull (course);
          g_assert_null (record->rejected);
          g_assert_cmpstr (imported->title, ==, cohort_course_get_title (course));
          g_assert_cmpstr (imported->description, ==, cohort_course_get_description (course));
          g_assert_cmpstr (subject, ==, cohort_course_get_subject (course));
          g_assert_cmpstr (imported->url, ==, cohort_course_get_url (course));
          n_courses++;
        }
      else if (record->kind == COHORT_IMPORT_RECORD_COURSE_RUN)
        {
          CohortImportCourseRun *imported = (CohortImportCourseRun *) record;
          CohortCourseRun *run = find_run (runs, imported->code);
          CohortCourse *course;

          g_assert_nonnull (run);
          g_assert_null (record->rejected);
          g_assert_false (imported->code_derived);
          g_assert_cmpstr (imported->start_date, ==, cohort_course_run_get_start_date (run));
          g_assert_cmpstr (imported->end_date, ==, cohort_course_run_get_end_date (run));
          g_assert_cmpstr (imported->mode, ==, cohort_course_run_get_mode (run));
          g_assert_cmpstr (imported->venue, ==, cohort_course_run_get_venue (run));
          g_assert_cmpint (imported->capacity, ==, cohort_course_run_get_capacity (run));
          course = find_course (courses, imported->course_code);
          g_assert_nonnull (course);
          g_assert_cmpint (cohort_record_get_id (COHORT_RECORD (course)), ==,
                           cohort_course_run_get_course_id (run));
          n_runs++;
        }
    }

  g_assert_cmpuint (n_courses, ==, courses->len);
  g_assert_cmpuint (n_runs, ==, runs->len);
}

static void
test_demo (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  const char *text;

  g_assert_true (cohort_demo_generate (fixture->db, 40, 11, "2024-04-01", NULL, NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  courses = cohort_export_query_list_courses (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (courses->len, >, 0);

  bytes = write_catalogue (fixture->db);
  text = g_bytes_get_data (bytes, NULL);
  g_assert_nonnull (strstr (text, "xmlns=\"http://xcri.org/profiles/1.2/catalog\""));
  g_assert_nonnull (strstr (text, "xmlns:dc=\"http://purl.org/dc/elements/1.1/\""));
  g_assert_nonnull (strstr (text, "xmlns:dcterms=\"http://purl.org/dc/terms/\""));
  g_assert_nonnull (strstr (text, "xmlns:mlo=\"http://purl.org/net/mlo\""));
  g_assert_nonnull (strstr (text, "generated=\""));
  g_assert_nonnull (strstr (text, "dtf=\""));

  assert_valid (bytes);

  records = read_catalogue (bytes, COHORT_XCRI_READER_VALIDATE);
  assert_same_catalogue (fixture->db, records);
}

/* Text that needs escaping, other scripts, a course without a provider, a run without dates. */
static void
test_awkward (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortOrganisation) provider = cohort_organisation_new ();
  g_autoptr(CohortCourse) course = cohort_course_new ();
  g_autoptr(CohortCourse) orphan = cohort_course_new ();
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();
  g_autoptr(CohortCourseRun) bare = cohort_course_run_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint n_organisations = 0;

  g_object_set (provider, "name", "Hiroshima Peacebuilders & Co: 5 < 6 \"Center\"",
                "city", "広島", NULL);
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (provider), &error));
  g_assert_no_error (error);

  g_object_set (course, "code", "PC&1", "title", "平和構築 \"Primary\" <Course>",
                "description", "First paragraph & more.\n\nSecond <paragraph>.",
                "subject", "Peacebuilding; Development", "url", "https://example.org/pc?a=1&b=2",
                "provider-id", cohort_record_get_id (COHORT_RECORD (provider)), NULL);
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (course), &error));
  g_assert_no_error (error);
  g_object_set (orphan, "code", "ORPHAN", "title", "A course without a provider", NULL);
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (orphan), &error));
  g_assert_no_error (error);

  g_object_set (run, "course-id", cohort_record_get_id (COHORT_RECORD (course)),
                "code", "PC&1-2024", "start-date", "2024-08-19", "end-date", "2024-09-13",
                "mode", "hybrid", "venue", "Tokyo & Hiroshima", "capacity", 23, NULL);
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (run), &error));
  g_assert_no_error (error);
  g_object_set (bare, "course-id", cohort_record_get_id (COHORT_RECORD (orphan)),
                "code", "ORPHAN-1", NULL);
  g_assert_true (cohort_store_save (fixture->db, COHORT_RECORD (bare), &error));
  g_assert_no_error (error);

  bytes = write_catalogue (fixture->db);
  assert_valid (bytes);
  records = read_catalogue (bytes, COHORT_XCRI_READER_DEFAULT);
  assert_same_catalogue (fixture->db, records);

  for (guint i = 0; i < records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (records, i);

      if (record->kind == COHORT_IMPORT_RECORD_ORGANISATION)
        {
          CohortImportOrganisation *organisation = (CohortImportOrganisation *) record;

          if (organisation->name != NULL)
            {
              g_assert_cmpstr (organisation->name, ==,
                               "Hiroshima Peacebuilders & Co: 5 < 6 \"Center\"");
              g_assert_cmpstr (organisation->city, ==, "広島");
            }
          n_organisations++;
        }
    }
  g_assert_cmpuint (n_organisations, ==, 2);
}

static void
test_empty (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  g_autoptr(GBytes) bytes = write_catalogue (fixture->db);
  g_autoptr(GPtrArray) records = NULL;

  assert_valid (bytes);
  records = read_catalogue (bytes, COHORT_XCRI_READER_DEFAULT);
  g_assert_cmpuint (records->len, ==, 0);
}

static void
test_file (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "catalogue.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(CohortXcriReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_assert_true (cohort_demo_generate (fixture->db, 10, 5, "2024-04-01", NULL, NULL, NULL,
                                       &error));
  g_assert_true (cohort_xcri_writer_write_file (fixture->db, file, NULL, &error));
  g_assert_no_error (error);

  reader = cohort_xcri_reader_new (file, COHORT_XCRI_READER_VALIDATE);
  g_assert_true (cohort_xcri_reader_read_all (reader, &records, NULL, &error));
  g_assert_no_error (error);
  assert_same_catalogue (fixture->db, records);
}

/* Export, import into an empty database, export again: the same catalogue; and importing it
 * again changes nothing. */
static char *
dup_without_generated (GBytes *bytes)
{
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (bytes, NULL),
                                              (gssize) g_bytes_get_size (bytes));
  const char *start = strstr (text->str, " generated=\"");
  const char *end;

  g_assert_nonnull (start);
  end = strchr (start + strlen (" generated=\""), '"');
  g_assert_nonnull (end);
  g_string_erase (text, start - text->str, end + 1 - start);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
import_bytes (CohortDatabase *db,
              GBytes         *bytes,
              gboolean        expect_changes)
{
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = cohort_import_plan_new_for_xcri_bytes (bytes, "catalogue.xml",
                                                COHORT_XCRI_READER_VALIDATE);
  g_assert_true (cohort_import_plan_build (plan, db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_REJECTED), ==, 0);
  g_assert_cmpint (cohort_import_plan_has_changes (plan), ==, expect_changes);
  g_assert_true (cohort_import_plan_commit (plan, db, NULL, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autoptr(CohortDatabase) empty = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;

  g_assert_true (cohort_demo_generate (fixture->db, 30, 9, "2024-04-01", NULL, NULL, NULL,
                                       &error));
  g_assert_no_error (error);
  first = write_catalogue (fixture->db);

  empty = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  import_bytes (empty, first, TRUE);
  second = write_catalogue (empty);

  first_text = dup_without_generated (first);
  second_text = dup_without_generated (second);
  g_assert_cmpstr (second_text, ==, first_text);

  import_bytes (empty, second, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cohort_test_use_source_schemas ();

  cohort_test_add ("/cohort/xcri-writer/demo", test_demo);
  cohort_test_add ("/cohort/xcri-writer/awkward", test_awkward);
  cohort_test_add ("/cohort/xcri-writer/empty", test_empty);
  cohort_test_add ("/cohort/xcri-writer/file", test_file);
  cohort_test_add ("/cohort/xcri-writer/round-trip", test_round_trip);

  return g_test_run ();
}
