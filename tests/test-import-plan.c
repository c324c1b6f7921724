/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-import-plan"

#include "config.h"

#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-import-batch.h"
#include "cohort-import-plan.h"
#include "cohort-lookup.h"
#include "cohort-organisation.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"

/* The import planner over the real feeds of the shared data folder: what it plans, what commit
 * writes, and that a refused file, a cancelled import or a dry run leave the database as it
 * was. */

typedef struct
{
  const char *name;
  guint       n_courses;
  guint       n_runs;
  guint       n_rejected_courses;
  guint       n_rejected_runs;
} Feed;

/* The reader's numbers (tests/test-xcri-reader.c); the rejected runs end before they start. */
static const Feed feeds[] = {
  { "adamsmith.xcricap.xml", 326, 748, 0, 1 },
  { "UniversityOfSheffield_20120406.xml", 320, 320, 0, 0 },
  { "ou-example.xml", 2, 4, 0, 0 },
  { "NorthLindseyCollege_20120223.xml", 1, 1, 0, 1 },
  { "PG_Generic_XCRI-CAP-1.2.xml", 1, 1, 0, 0 },
};

static CohortImportPlan *
build_plan (CohortTestFixture *fixture,
            const char        *feed)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", feed, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = cohort_import_plan_new_for_xcri (file, COHORT_XCRI_READER_DEFAULT);
  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&plan);
}

static void
import_feed (CohortTestFixture *fixture,
             const char        *feed)
{
  g_autoptr(CohortImportPlan) plan = build_plan (fixture, feed);
  g_autoptr(GError) error = NULL;

  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
}

static guint
kind_total (CohortImportPlan       *plan,
            CohortImportRecordKind  kind)
{
  guint n = 0;

  for (CohortImportOutcome o = 0; o < COHORT_IMPORT_N_OUTCOMES; o++)
    n += cohort_import_plan_get_count (plan, kind, o);

  return n;
}

static guint
count_items (CohortImportPlan    *plan,
             CohortImportOutcome  outcome)
{
  GPtrArray *items = cohort_import_plan_get_items (plan);
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (((CohortImportItem *) g_ptr_array_index (items, i))->outcome == outcome)
      n++;

  return n;
}

static void
test_feed (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  const Feed *feed = user_data;
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(CohortImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CohortRecord) batch = NULL;
  GPtrArray *items;
  guint n_new_courses = feed->n_courses - feed->n_rejected_courses;
  guint n_new_runs = feed->n_runs - feed->n_rejected_runs;
  gint64 n_audit;

  /* The plan writes nothing. */
  before = cohort_test_dup_database_checksum (fixture->path);
  plan = build_plan (fixture, feed->name);
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpuint (kind_total (plan, COHORT_IMPORT_RECORD_COURSE), ==, feed->n_courses);
  g_assert_cmpuint (kind_total (plan, COHORT_IMPORT_RECORD_COURSE_RUN), ==, feed->n_runs);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, n_new_courses);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, n_new_runs);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_ORGANISATION,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_REJECTED), ==,
                    feed->n_rejected_courses + feed->n_rejected_runs);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_UPDATED), ==, 0);
  g_assert_true (cohort_import_plan_has_changes (plan));
  g_assert_cmpuint (strlen (cohort_import_plan_get_sha256 (plan)), ==, 64);

  /* Every rejection is listed, explained and placed. */
  items = cohort_import_plan_get_items (plan);
  g_assert_cmpuint (items->len, ==, 1 + feed->n_courses + feed->n_runs);
  g_assert_cmpuint (count_items (plan, COHORT_IMPORT_OUTCOME_REJECTED), ==,
                    feed->n_rejected_courses + feed->n_rejected_runs);
  for (guint i = 0; i < items->len; i++)
    {
      CohortImportItem *item = g_ptr_array_index (items, i);

      g_assert_cmpuint (item->line, >, 0);
      if (item->outcome == COHORT_IMPORT_OUTCOME_REJECTED)
        {
          g_assert_nonnull (item->reason);
          g_assert_cmpstr (item->reason, ==, "The end date is before the start date");
          g_assert_cmpstr (item->field, ==, "end_date");
        }
      else
        {
          g_assert_null (item->reason);
        }
    }

  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, n_new_courses);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course_run"), ==, n_new_runs);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "organisation"), ==, 1);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);

  batch = cohort_store_load (fixture->db, COHORT_TYPE_IMPORT_BATCH,
                             cohort_import_plan_get_batch_id (plan), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_import_batch_get_format (COHORT_IMPORT_BATCH (batch)), ==, "xcri");
  g_assert_cmpstr (cohort_import_batch_get_outcome (COHORT_IMPORT_BATCH (batch)), ==,
                   "committed");
  g_assert_cmpstr (cohort_import_batch_get_sha256 (COHORT_IMPORT_BATCH (batch)), ==,
                   cohort_import_plan_get_sha256 (plan));
  g_assert_true (g_str_has_suffix (cohort_import_batch_get_file_name (COHORT_IMPORT_BATCH (batch)),
                                   feed->name));
  g_assert_cmpint (cohort_import_batch_get_n_new (COHORT_IMPORT_BATCH (batch)), ==,
                   1 + n_new_courses + n_new_runs);
  g_assert_cmpint (cohort_import_batch_get_n_rejected (COHORT_IMPORT_BATCH (batch)), ==,
                   feed->n_rejected_courses + feed->n_rejected_runs);
  g_assert_nonnull (cohort_import_batch_get_finished_at (COHORT_IMPORT_BATCH (batch)));

  /* The same file again changes nothing: no row, no audit entry, no import batch. */
  g_free (before);
  before = cohort_test_dup_database_checksum (fixture->path);
  n_audit = cohort_test_count_rows (fixture->path, "audit_log");
  again = build_plan (fixture, feed->name);
  g_assert_false (cohort_import_plan_has_changes (again));
  g_assert_cmpuint (cohort_import_plan_get_total (again, COHORT_IMPORT_OUTCOME_UNCHANGED), ==,
                    1 + n_new_courses + n_new_runs);
  g_assert_cmpuint (cohort_import_plan_get_total (again, COHORT_IMPORT_OUTCOME_REJECTED), ==,
                    feed->n_rejected_courses + feed->n_rejected_runs);
  g_assert_true (cohort_import_plan_commit (again, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cohort_import_plan_get_batch_id (again), ==, 0);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "audit_log"), ==, n_audit);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);
  g_free (after);
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refused (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", "controllers-xcri.xml",
                                                        NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint line = 0, column = 0;

  import_feed (fixture, "ou-example.xml");
  before = cohort_test_dup_database_checksum (fixture->path);

  plan = cohort_import_plan_new_for_xcri (file, COHORT_XCRI_READER_DEFAULT);
  g_assert_false (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  g_assert_nonnull (strstr (error->message, "controllers-xcri.xml:121:51: "));
  g_assert_true (cohort_import_plan_get_error_location (plan, &line, &column));
  g_assert_cmpuint (line, ==, 121);
  g_assert_cmpuint (column, ==, 51);
  /* Whatever came before the error is not offered either. */
  g_assert_cmpuint (cohort_import_plan_get_items (plan)->len, ==, 0);

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static GBytes *
read_feed_replacing (const char *feed,
                     const char *old_text,
                     const char *new_text)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", feed, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  gsize length = 0;
  char *at;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  text = g_string_new_len (contents, length);
  at = strstr (text->str, old_text);
  g_assert_nonnull (at);
  g_string_erase (text, at - text->str, strlen (old_text));
  g_string_insert (text, at - text->str, new_text);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
test_updated_title (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(CohortRecord) course = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  CohortImportItem *updated = NULL;
  CohortImportChange *change;
  gint64 n_audit;

  import_feed (fixture, "adamsmith.xcricap.xml");
  n_audit = cohort_test_count_rows (fixture->path, "audit_log");

  bytes = read_feed_replacing ("adamsmith.xcricap.xml", ">European Computer Driving Licence<",
                               ">European Computer Driving Licence (ECDL)<");
  plan = cohort_import_plan_new_for_xcri_bytes (bytes, "adamsmith.xcricap.xml",
                                                COHORT_XCRI_READER_DEFAULT);
  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_UPDATED), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_UPDATED), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_NEW), ==, 0);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_UNCHANGED), ==,
                    1 + 325 + 747);

  items = cohort_import_plan_get_items (plan);
  for (guint i = 0; i < items->len; i++)
    {
      CohortImportItem *item = g_ptr_array_index (items, i);

      if (item->outcome == COHORT_IMPORT_OUTCOME_UPDATED)
        updated = item;
    }
  g_assert_nonnull (updated);
  g_assert_cmpint (updated->kind, ==, COHORT_IMPORT_RECORD_COURSE);
  g_assert_cmpstr (updated->code, ==, "ADVECDL");
  g_assert_cmpuint (updated->changes->len, ==, 1);
  change = g_ptr_array_index (updated->changes, 0);
  g_assert_cmpstr (change->field, ==, "title");
  g_assert_cmpstr (change->old_value, ==, "European Computer Driving Licence");
  g_assert_cmpstr (change->new_value, ==, "European Computer Driving Licence (ECDL)");

  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 2);
  /* One update of one row, and the batch is not audited. */
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "audit_log"), ==, n_audit + 1);

  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_COURSE, "ADVECDL", &course,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpstr (cohort_course_get_title (COHORT_COURSE (course)), ==,
                   "European Computer Driving Licence (ECDL)");
}

/* A file changed between the plan and the commit is not imported unseen. */
static void
test_changed_file (CohortTestFixture *fixture,
                   gconstpointer      user_data)
{
  g_autofree char *source = cohort_test_dup_shared_data ("xml", "feeds", "ou-example.xml",
                                                          NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "ou-example.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  plan = cohort_import_plan_new_for_xcri (file, COHORT_XCRI_READER_DEFAULT);
  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_set_contents (path, contents, length - 1, NULL));
  before = cohort_test_dup_database_checksum (fixture->path);
  g_assert_false (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "changed"));
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 0);
}

typedef struct
{
  GCancellable *cancellable;
  guint         cancel_at;
  guint         n_calls;
  guint         last_total;
} Cancel;

static void
on_progress_cancel_cb (CohortImportPlan *plan,
                       guint             n_done,
                       guint             n_total,
                       gpointer          user_data)
{
  Cancel *cancel = user_data;

  cancel->n_calls++;
  cancel->last_total = n_total;
  if (n_done == cancel->cancel_at)
    g_cancellable_cancel (cancel->cancellable);
}

static void
test_cancel (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  Cancel cancel = { cancellable, 500, 0, 0 };

  import_feed (fixture, "ou-example.xml");
  plan = build_plan (fixture, "adamsmith.xcricap.xml");
  before = cohort_test_dup_database_checksum (fixture->path);

  cohort_import_plan_set_progress_func (plan, on_progress_cancel_cb, &cancel, NULL);
  g_assert_false (cohort_import_plan_commit (plan, fixture->db, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (cancel.n_calls, ==, 500);
  g_assert_cmpuint (cancel.last_total, ==, 1 + 326 + 748);
  g_assert_false (cohort_database_in_transaction (fixture->db));

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 2);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "import_batch"), ==, 1);

  /* The same plan imports in full once not cancelled. */
  g_clear_error (&error);
  cohort_import_plan_set_progress_func (plan, NULL, NULL, NULL);
  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cohort_test_count_rows (fixture->path, "course"), ==, 2 + 326);
}

/* A provider whose name follows its courses; a run with only a month for its start. */
static const char late_provider_feed[] =
  "<?xml version='1.0' encoding='UTF-8'?>\n"
  "<catalog xmlns='http://xcri.org/profiles/1.2/catalog'\n"
  "         xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:mlo='http://purl.org/net/mlo'>\n"
  " <provider>\n"
  "  <course>\n"
  "   <dc:identifier>LATE1</dc:identifier>\n"
  "   <dc:title>Late course</dc:title>\n"
  "   <presentation>\n"
  "    <dc:identifier>LATE1-A</dc:identifier>\n"
  "    <mlo:start dtf='2024-04-01'>1 April 2024</mlo:start>\n"
  "   </presentation>\n"
  "   <presentation>\n"
  "    <dc:identifier>LATE1-B</dc:identifier>\n"
  "    <mlo:start>September 2024</mlo:start>\n"
  "   </presentation>\n"
  "  </course>\n"
  "  <dc:title>Late Provider</dc:title>\n"
  "  <mlo:location><mlo:town>Hiroshima</mlo:town></mlo:location>\n"
  " </provider>\n"
  "</catalog>\n";

static void
test_provider_after_courses (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (late_provider_feed,
                                                strlen (late_provider_feed));
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(CohortOrganisation) provider = NULL;
  g_autoptr(CohortRecord) course = NULL;
  g_autoptr(CohortRecord) run = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *issues;
  gboolean warned = FALSE;

  plan = cohort_import_plan_new_for_xcri_bytes (bytes, "late.xml", COHORT_XCRI_READER_DEFAULT);
  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_NEW), ==, 4);

  issues = cohort_import_plan_get_issues (plan);
  for (guint i = 0; i < issues->len; i++)
    {
      CohortImportIssue *issue = g_ptr_array_index (issues, i);

      if (strstr (issue->message, "“2024-09”") != NULL && strstr (issue->message, "LATE1-B"))
        warned = TRUE;
    }
  g_assert_true (warned);

  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (cohort_lookup_organisation_by_name (fixture->db, "Late Provider", &provider,
                                                     &error));
  g_assert_no_error (error);
  g_assert_nonnull (provider);
  g_assert_cmpstr (cohort_organisation_get_city (provider), ==, "Hiroshima");

  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_COURSE, "LATE1", &course,
                                            &error));
  g_assert_nonnull (course);
  g_assert_cmpint (cohort_course_get_provider_id (COHORT_COURSE (course)), ==,
                   cohort_record_get_id (COHORT_RECORD (provider)));
  g_assert_cmpstr (cohort_course_get_source (COHORT_COURSE (course)), ==, "xcri:late.xml");

  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_COURSE_RUN, "LATE1-B", &run,
                                            &error));
  g_assert_nonnull (run);
  g_assert_null (cohort_course_run_get_start_date (COHORT_COURSE_RUN (run)));
  g_assert_cmpint (cohort_course_run_get_course_id (COHORT_COURSE_RUN (run)), ==,
                   cohort_record_get_id (course));
}

/* Codes used twice in one file: the second course and the second run are rejected, with the
 * line of the first. */
static const char duplicates_feed[] =
  "<?xml version='1.0' encoding='UTF-8'?>\n"
  "<catalog xmlns='http://xcri.org/profiles/1.2/catalog'\n"
  "         xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:mlo='http://purl.org/net/mlo'>\n"
  " <provider>\n"
  "  <dc:title>Twice Provider</dc:title>\n"
  "  <course>\n"
  "   <dc:identifier>TWICE</dc:identifier>\n"
  "   <dc:title>First</dc:title>\n"
  "   <presentation><dc:identifier>RUN-1</dc:identifier></presentation>\n"
  "  </course>\n"
  "  <course>\n"
  "   <dc:identifier>TWICE</dc:identifier>\n"
  "   <dc:title>Second</dc:title>\n"
  "  </course>\n"
  "  <course>\n"
  "   <dc:identifier>OTHER</dc:identifier>\n"
  "   <dc:title>Other</dc:title>\n"
  "   <presentation><dc:identifier>RUN-1</dc:identifier></presentation>\n"
  "  </course>\n"
  " </provider>\n"
  "</catalog>\n";

static void
test_duplicates (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (duplicates_feed, strlen (duplicates_feed));
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(CohortRecord) course = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;
  guint n_rejected = 0;

  plan = cohort_import_plan_new_for_xcri_bytes (bytes, "twice.xml", COHORT_XCRI_READER_DEFAULT);
  g_assert_true (cohort_import_plan_build (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 2);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_NEW), ==, 1);
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);

  items = cohort_import_plan_get_items (plan);
  for (guint i = 0; i < items->len; i++)
    {
      CohortImportItem *item = g_ptr_array_index (items, i);

      if (item->outcome != COHORT_IMPORT_OUTCOME_REJECTED)
        continue;
      n_rejected++;
      if (item->kind == COHORT_IMPORT_RECORD_COURSE)
        {
          g_assert_cmpuint (item->line, ==, 11);
          g_assert_nonnull (strstr (item->reason, "at line 6, has the same identifier “TWICE”"));
        }
      else
        {
          g_assert_cmpuint (item->line, ==, 18);
          g_assert_nonnull (strstr (item->reason, "at line 9, has the same identifier “RUN-1”"));
        }
    }
  g_assert_cmpuint (n_rejected, ==, 2);

  /* The commit finds the same, and keeps the first. */
  g_assert_true (cohort_import_plan_commit (plan, fixture->db, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cohort_import_plan_get_total (plan, COHORT_IMPORT_OUTCOME_REJECTED), ==, 2);
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_COURSE, "TWICE", &course,
                                            &error));
  g_assert_cmpstr (cohort_course_get_title (COHORT_COURSE (course)), ==, "First");
}

/* A course deleted in Cohort is not brought back by an import. */
static void
test_deleted_course (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(CohortRecord) course = NULL;
  g_autoptr(GError) error = NULL;

  import_feed (fixture, "PG_Generic_XCRI-CAP-1.2.xml");
  g_assert_true (cohort_store_find_by_code (fixture->db, COHORT_TYPE_COURSE, "PG064", &course,
                                            &error));
  g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_COURSE,
                                      cohort_record_get_id (course), &error));
  g_assert_no_error (error);

  plan = build_plan (fixture, "PG_Generic_XCRI-CAP-1.2.xml");
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  /* Its run goes with it. */
  g_assert_cmpuint (cohort_import_plan_get_count (plan, COHORT_IMPORT_RECORD_COURSE_RUN,
                                                  COHORT_IMPORT_OUTCOME_REJECTED), ==, 1);
  g_assert_false (cohort_import_plan_has_changes (plan));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/cohort/import-plan/feed/%s", feeds[i].name);

      g_test_add (path, CohortTestFixture, &feeds[i], cohort_test_fixture_set_up, test_feed,
                  cohort_test_fixture_tear_down);
    }
  cohort_test_add ("/cohort/import-plan/refused", test_refused);
  cohort_test_add ("/cohort/import-plan/updated-title", test_updated_title);
  cohort_test_add ("/cohort/import-plan/changed-file", test_changed_file);
  cohort_test_add ("/cohort/import-plan/cancel", test_cancel);
  cohort_test_add ("/cohort/import-plan/provider-after-courses", test_provider_after_courses);
  cohort_test_add ("/cohort/import-plan/deleted-course", test_deleted_course);
  cohort_test_add ("/cohort/import-plan/duplicates", test_duplicates);

  return g_test_run ();
}
