/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-xcri-reader"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "cohort-test-utils.h"
#include "cohort-xcri-reader.h"
#include "cohort-xcri-text.h"
#include "cohort-xml-safety.h"

/* Helpers */

typedef struct
{
  CohortXcriReader *reader;
  GPtrArray        *records;
  guint             n[3];
  guint             n_rejected[3];
} Read;

static void
read_clear (Read *read)
{
  g_clear_object (&read->reader);
  g_clear_pointer (&read->records, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Read, read_clear)

static void
count_records (Read *read)
{
  memset (read->n, 0, sizeof read->n);
  memset (read->n_rejected, 0, sizeof read->n_rejected);

  for (guint i = 0; i < read->records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (read->records, i);

      read->n[record->kind]++;
      if (record->rejected != NULL)
        read->n_rejected[record->kind]++;
    }
}

/* Reads @path, which must be accepted. */
static void
read_path (Read                  *read,
           const char            *path,
           CohortXcriReaderFlags  flags)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  read->reader = cohort_xcri_reader_new (file, flags);
  g_assert_true (cohort_xcri_reader_read_all (read->reader, &read->records, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (read->records);
  count_records (read);
}

static void
read_shared (Read                  *read,
             CohortXcriReaderFlags  flags,
             const char            *first_element,
             ...) G_GNUC_NULL_TERMINATED;

static void
read_shared (Read                  *read,
             CohortXcriReaderFlags  flags,
             const char            *first_element,
             ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  const char *root = g_getenv ("COHORT_SHARED_DATA");
  const char *element;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) "xml");
  va_start (args, first_element);
  for (element = first_element; element != NULL; element = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) element);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  read_path (read, path, flags);
}

static char *
dup_test_data (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xcri", name, NULL);
}

/* Reads @path, which must be refused with @code; returns the error. */
static GError *
refuse_path (const char            *path,
             CohortXcriReaderFlags  flags,
             int                    code,
             guint                 *out_line,
             guint                 *out_column)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortXcriReader) reader = cohort_xcri_reader_new (file, flags);
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;
  guint line = 0, column = 0;
  gboolean has_location;
  g_autofree char *name = g_file_get_path (file);

  g_assert_false (cohort_xcri_reader_read_all (reader, &records, NULL, &error));
  g_assert_error (error, COHORT_IMPORT_ERROR, code);
  g_assert_null (records);
  /* FILE:LINE:COLUMN: message, or FILE: message */
  g_assert_true (g_str_has_prefix (error->message, name));
  g_assert_cmpint (error->message[strlen (name)], ==, ':');

  has_location = cohort_xcri_reader_get_error_location (reader, &line, &column);
  if (out_line != NULL)
    *out_line = has_location ? line : 0;
  if (out_column != NULL)
    *out_column = has_location ? column : 0;

  /* Once refused, always refused. */
  {
    g_autoptr(GError) again = NULL;

    g_assert_null (cohort_xcri_reader_next (reader, NULL, &again));
    g_assert_nonnull (again);
  }

  return error;
}

static CohortImportCourse *
find_course (GPtrArray  *records,
             const char *code,
             guint       nth)
{
  for (guint i = 0; i < records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (records, i);

      if (record->kind == COHORT_IMPORT_RECORD_COURSE &&
          g_strcmp0 (COHORT_IMPORT_COURSE (record)->code, code) == 0 && nth-- == 0)
        return COHORT_IMPORT_COURSE (record);
    }

  g_error ("no course %s", code);
}

static CohortImportCourseRun *
find_run (GPtrArray  *records,
          const char *code)
{
  for (guint i = 0; i < records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (records, i);

      if (record->kind == COHORT_IMPORT_RECORD_COURSE_RUN &&
          g_strcmp0 (COHORT_IMPORT_COURSE_RUN (record)->code, code) == 0)
        return COHORT_IMPORT_COURSE_RUN (record);
    }

  g_error ("no run %s", code);
}

static CohortImportOrganisation *
find_provider (GPtrArray *records,
               guint      index)
{
  for (guint i = 0; i < records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (records, i);

      if (record->kind == COHORT_IMPORT_RECORD_ORGANISATION &&
          COHORT_IMPORT_ORGANISATION (record)->index == index)
        return COHORT_IMPORT_ORGANISATION (record);
    }

  g_error ("no provider %u", index);
}

/* The warning of @kind containing @text (and at @line unless 0), or NULL. */
static CohortImportIssue *
find_issue (CohortXcriReader      *reader,
            CohortImportIssueKind  kind,
            guint                  line,
            const char            *text)
{
  GPtrArray *issues = cohort_xcri_reader_get_issues (reader);

  for (guint i = 0; i < issues->len; i++)
    {
      CohortImportIssue *issue = g_ptr_array_index (issues, i);

      if (issue->kind == kind && (line == 0 || issue->line == line) &&
          (text == NULL || strstr (issue->message, text) != NULL))
        return issue;
    }

  return NULL;
}

static guint
count_issues (CohortXcriReader      *reader,
              CohortImportIssueKind  kind)
{
  GPtrArray *issues = cohort_xcri_reader_get_issues (reader);
  guint n = 0;

  for (guint i = 0; i < issues->len; i++)
    {
      if (((CohortImportIssue *) g_ptr_array_index (issues, i))->kind == kind)
        n++;
    }

  return n;
}

static void
assert_issue (CohortXcriReader      *reader,
              CohortImportIssueKind  kind,
              guint                  line,
              const char            *text)
{
  if (find_issue (reader, kind, line, text) == NULL)
    {
      GPtrArray *issues = cohort_xcri_reader_get_issues (reader);

      for (guint i = 0; i < issues->len; i++)
        {
          CohortImportIssue *issue = g_ptr_array_index (issues, i);

          g_test_message ("issue %d %u:%u %s", issue->kind, issue->line, issue->column,
                          issue->message);
        }
      g_error ("no warning of kind %d at line %u containing “%s”", kind, line, text);
    }
}

static gboolean
string_has (const char *value,
            const char *token)
{
  return value != NULL && strstr (value, token) != NULL;
}

static gboolean
identifiers_have (GPtrArray  *identifiers,
                  const char *token)
{
  for (guint i = 0; i < identifiers->len; i++)
    {
      CohortImportIdentifier *identifier = g_ptr_array_index (identifiers, i);

      if (string_has (identifier->value, token) || string_has (identifier->scheme, token))
        return TRUE;
    }

  return FALSE;
}

/* Whether any text of @record contains @token. */
static gboolean
record_has (CohortImportRecord *record,
            const char         *token)
{
  if (string_has (record->rejected, token))
    return TRUE;

  switch (record->kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      {
        CohortImportOrganisation *o = COHORT_IMPORT_ORGANISATION (record);

        return string_has (o->code, token) || string_has (o->name, token) ||
               string_has (o->url, token) || string_has (o->city, token) ||
               string_has (o->postcode, token) || string_has (o->country, token) ||
               identifiers_have (o->identifiers, token);
      }

    case COHORT_IMPORT_RECORD_COURSE:
      {
        CohortImportCourse *c = COHORT_IMPORT_COURSE (record);
        g_autofree char *subject = cohort_import_course_dup_subject (c);

        return string_has (c->code, token) || string_has (c->url_identifier, token) ||
               string_has (c->title, token) || string_has (subject, token) ||
               string_has (c->description, token) || string_has (c->url, token) ||
               string_has (c->provider_code, token) || string_has (c->provider_name, token) ||
               identifiers_have (c->identifiers, token);
      }

    case COHORT_IMPORT_RECORD_COURSE_RUN:
      {
        CohortImportCourseRun *r = COHORT_IMPORT_COURSE_RUN (record);

        return string_has (r->code, token) || string_has (r->course_code, token) ||
               string_has (r->start_date, token) || string_has (r->end_date, token) ||
               string_has (r->study_mode, token) || string_has (r->attendance_mode, token) ||
               string_has (r->attendance_pattern, token) || string_has (r->venue, token) ||
               string_has (r->cost, token) || string_has (r->apply_to, token) ||
               identifiers_have (r->identifiers, token);
      }

    default:
      g_assert_not_reached ();
    }
}

/* Reads @path in any way it can be read, and asserts that @token appears nowhere: not in a
 * record, not in a warning, not in an error. */
static void
assert_never_leaks (const char *path,
                    const char *token)
{
  for (int validate = 0; validate <= 1; validate++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(CohortXcriReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      CohortImportRecord *record;
      GPtrArray *issues;

      reader = cohort_xcri_reader_new (file, validate ? COHORT_XCRI_READER_VALIDATE
                                                      : COHORT_XCRI_READER_DEFAULT);
      while ((record = cohort_xcri_reader_next (reader, NULL, &error)) != NULL)
        {
          g_assert_false (record_has (record, token));
          cohort_import_record_free (record);
        }
      if (error != NULL)
        g_assert_null (strstr (error->message, token));

      issues = cohort_xcri_reader_get_issues (reader);
      for (guint i = 0; i < issues->len; i++)
        g_assert_null (strstr (((CohortImportIssue *) g_ptr_array_index (issues, i))->message,
                               token));
    }
}

/* The feeds */

static void
test_feed_adam_smith (void)
{
  g_auto(Read) read = { 0 };
  CohortImportCourse *course;
  CohortImportCourseRun *run;
  CohortImportOrganisation *provider;

  read_shared (&read, COHORT_XCRI_READER_DEFAULT, "feeds", "adamsmith.xcricap.xml", NULL);

  /* The README's numbers. */
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_ORGANISATION], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 326);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 748);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_ORGANISATION], ==, 0);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 0);

  /* Records come course, its runs, …, and the provider after its courses. */
  course = COHORT_IMPORT_COURSE (g_ptr_array_index (read.records, 0));
  g_assert_cmpstr (course->code, ==, "ADVECDL");
  g_assert_cmpstr (course->title, ==, "European Computer Driving Licence");
  g_assert_cmpstr (course->url, ==, "http://www.adamsmith.ac.uk/student/courses/course/ADVECDL");
  g_assert_cmpuint (course->subjects->len, ==, 15);
  g_assert_cmpstr (g_ptr_array_index (course->subjects, 0), ==,
                   "Information Technology & Information");
  g_assert_true (g_str_has_prefix (course->description,
                                   "Customised Courses - Training courses can be devised"));
  g_assert_nonnull (strstr (course->description, "\n\n• Word Processing\n• Spreadsheets\n"));
  g_assert_cmpstr (course->description_lang, ==, "en");
  g_assert_cmpuint (course->provider_index, ==, 1);
  g_assert_cmpstr (course->provider_code, ==, "1304A08UN1");
  g_assert_cmpstr (course->provider_name, ==, "Adam Smith College");
  /* The whole feed is one line: the column tells the courses apart. */
  g_assert_cmpuint (course->record.line, ==, 1);
  g_assert_cmpuint (course->record.column, >, 1000);

  run = COHORT_IMPORT_COURSE_RUN (g_ptr_array_index (read.records, 1));
  g_assert_cmpstr (run->code, ==, "2012/2013/ADVECDL/O1/A7/12");
  g_assert_false (run->code_derived);
  g_assert_cmpstr (run->course_code, ==, "ADVECDL");
  g_assert_cmpuint (run->course_line, ==, 1);
  /* An ISO date-time in the text, without dtf. */
  g_assert_cmpstr (run->start_date, ==, "2012-08-22");
  g_assert_cmpstr (run->end_date, ==, "2013-07-26");
  g_assert_cmpstr (run->study_mode, ==, "Other open learning");
  g_assert_cmpstr (run->attendance_mode, ==, "Flexible");
  g_assert_null (run->mode);
  g_assert_cmpstr (run->venue, ==, "Glenrothes (Stenton Campus)");
  g_assert_cmpstr (run->cost, ==, "0.0000");
  g_assert_cmpuint (run->capacity, ==, 0);
  g_assert_cmpuint (run->record.column, >, course->record.column);

  provider = find_provider (read.records, 1);
  g_assert_true (g_ptr_array_index (read.records, read.records->len - 1) == provider);
  g_assert_cmpstr (provider->name, ==, "Adam Smith College");
  g_assert_cmpstr (provider->code, ==, "1304A08UN1");
  g_assert_cmpstr (provider->url, ==, "http://www.adamsmith.ac.uk");

  /* What could not be used is said, once per cause. */
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 1,
                "“Part Time Day” whether a run is in person, online or both");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 1, "282 times");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 1,
                "starts on 2013-12-10 but ends on 2012-12-10");
  g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE), ==, 0);
}

static void
test_feed_sheffield (void)
{
  g_auto(Read) read = { 0 };
  CohortImportCourse *course;
  CohortImportCourseRun *run;
  CohortImportOrganisation *provider;
  CohortImportIdentifier *identifier;

  read_shared (&read, COHORT_XCRI_READER_DEFAULT, "feeds", "UniversityOfSheffield_20120406.xml",
               NULL);

  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_ORGANISATION], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 320);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 320);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 0);

  /* Three identifiers: the provider's internal ID wins over the UCAS code and the URL. */
  course = find_course (read.records, "504995", 0);
  g_assert_cmpstr (course->title, ==, "Medicine");
  g_assert_cmpuint (course->record.line, ==, 11);
  g_assert_cmpstr (course->url_identifier, ==,
                   "http://www.sheffield.ac.uk/prospectus/courseDetails.do?id=5049952013");
  g_assert_cmpuint (course->identifiers->len, ==, 3);
  identifier = g_ptr_array_index (course->identifiers, 0);
  g_assert_cmpstr (identifier->value, ==, "A100");
  g_assert_cmpstr (identifier->scheme, ==, "ucasCode");
  g_assert_false (identifier->is_url);
  g_assert_cmpuint (identifier->line, ==, 12);
  identifier = g_ptr_array_index (course->identifiers, 2);
  g_assert_true (identifier->is_url);
  g_assert_null (identifier->scheme);

  run = COHORT_IMPORT_COURSE_RUN (g_ptr_array_index (read.records, 1));
  g_assert_cmpstr (run->code, ==, "504995");
  /* dtf as a date-time without zone. */
  g_assert_cmpstr (run->start_date, ==, "2013-09-30");
  g_assert_null (run->end_date);
  g_assert_cmpstr (run->study_mode, ==, "Full time");
  g_assert_cmpstr (run->apply_to, ==, "http://www.ucas.com");
  g_assert_cmpstr (run->venue, ==, "University of Sheffield");

  provider = find_provider (read.records, 1);
  g_assert_cmpstr (provider->name, ==, "University of Sheffield");
  g_assert_cmpstr (provider->code, ==, "10007157");
  g_assert_cmpstr (provider->url, ==, "http://www.sheffield.ac.uk/");
  g_assert_cmpuint (provider->identifiers->len, ==, 3);
}

static void
test_feed_open_university (void)
{
  g_auto(Read) read = { 0 };
  CohortImportCourse *course;
  CohortImportCourseRun *run;
  CohortImportOrganisation *provider;

  /* UTF-8 with a byte-order mark. */
  read_shared (&read, COHORT_XCRI_READER_DEFAULT, "feeds", "ou-example.xml", NULL);

  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_ORGANISATION], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 2);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 4);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);

  /* Only a URL identifier: it is the code, and kept as the URL identifier too. */
  course = find_course (read.records, "http://data.open.ac.uk/course/a174", 0);
  g_assert_cmpstr (course->url_identifier, ==, "http://data.open.ac.uk/course/a174");
  g_assert_cmpstr (course->title, ==, "Start writing fiction");
  g_assert_true (g_str_has_prefix (course->description, "If you've ever considered writing"));

  run = find_run (read.records, "A1742011E");
  g_assert_cmpstr (run->start_date, ==, "2011-05-07");
  g_assert_cmpstr (run->end_date, ==, "2011-08-31");
  g_assert_cmpstr (run->mode, ==, "online");
  g_assert_cmpstr (run->attendance_mode, ==, "Self-study");
  g_assert_true (g_str_has_prefix (run->cost, "UK fee: GBP155.00"));

  /* 1900-01-01 means "no date". */
  run = find_run (read.records, "B01");
  g_assert_null (run->start_date);
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 117, "1900-01-01");

  /* "NLD: 3900010611": a labelled identifier. */
  course = find_course (read.records, "B01", 0);
  g_assert_true (identifiers_have (course->identifiers, "3900010611"));
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 98, "“NLD: 3900010611”");

  provider = find_provider (read.records, 1);
  g_assert_cmpstr (provider->name, ==, "The Open University");
  g_assert_cmpstr (provider->city, ==, "Milton Keynes");
  g_assert_cmpstr (provider->postcode, ==, "MK7 6BJ");
  g_assert_null (provider->code);
}

static void
test_feed_north_lindsey (void)
{
  g_auto(Read) read = { 0 };
  CohortImportCourse *course;
  CohortImportCourseRun *run;
  CohortImportOrganisation *provider;

  read_shared (&read, COHORT_XCRI_READER_DEFAULT, "feeds", "NorthLindseyCollege_20120223.xml",
               NULL);

  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_ORGANISATION], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 1);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);

  /* Dublin Core without its final slash is accepted, with a warning. */
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE, 2,
                "“http://purl.org/dc/elements/1.1”");
  course = find_course (read.records, "PF12001", 0);
  g_assert_cmpstr (course->title, ==, "LEVEL 1 DIPLOMA IN ART, DESIGN & MEDIA");
  /* <description> in the XCRI namespace, with XHTML from another prefix. */
  g_assert_true (g_str_has_prefix (course->description, "If you love drawing"));
  g_assert_nonnull (strstr (course->description, "also required.\n\nThis exciting one-year"));
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE, 3, "<description>");
  g_assert_cmpuint (course->subjects->len, ==, 3);

  run = find_run (read.records, "PF12001");
  /* <dc:start> where mlo:start belongs, and a start after the end: both kept. */
  g_assert_cmpstr (run->start_date, ==, "2013-06-30");
  g_assert_cmpstr (run->end_date, ==, "2012-09-05");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE, 72, "<dc:start>");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 59, "before it starts");
  /* <applyto> in lower case. */
  g_assert_cmpstr (run->apply_to, ==, "http://www.northlindsey.ac.uk/");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_STRUCTURE, 62, "<applyto>");
  g_assert_cmpstr (run->mode, ==, "in_person");
  g_assert_cmpstr (run->cost, ==, "UK Fees: 16-18 exempt, 19+ to be advised");

  provider = find_provider (read.records, 1);
  g_assert_cmpstr (provider->code, ==, "10004695");
  /* <town> in the XCRI namespace inside mlo:location. */
  g_assert_cmpstr (provider->city, ==, "Scunthorpe");
  g_assert_cmpstr (provider->postcode, ==, "DN17 1AJ");
}

static void
test_feed_generic_postgraduate (void)
{
  g_auto(Read) read = { 0 };
  CohortImportCourse *course;
  CohortImportCourseRun *run;
  CohortImportOrganisation *provider;
  g_autofree char *subject = NULL;

  read_shared (&read, COHORT_XCRI_READER_DEFAULT, "feeds", "PG_Generic_XCRI-CAP-1.2.xml", NULL);

  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_ORGANISATION], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 1);
  g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 1);

  course = find_course (read.records, "PG064", 0);
  g_assert_cmpstr (course->url_identifier, ==, "http://www.poppleton.ac.uk/postgraduate/mba");
  g_assert_cmpstr (course->title, ==, "Business and Marketing");
  subject = cohort_import_course_dup_subject (course);
  g_assert_cmpstr (subject, ==,
                   "Management studies; Marketing; Business Administration and Management");
  /* The untyped XHTML description, in paragraphs; not the typed one. */
  g_assert_true (g_str_has_prefix (course->description,
                                   "MBA in Business and Marketing\n\nThis professional masters"));
  g_assert_null (strstr (course->description, "specialise"));

  run = COHORT_IMPORT_COURSE_RUN (g_ptr_array_index (read.records, 1));
  g_assert_cmpstr (run->code, ==, "http://www.poppleton.ac.uk/postgraduate/mba");
  g_assert_cmpstr (run->start_date, ==, "2015-09-01");
  g_assert_cmpstr (run->end_date, ==, "2017-07-01");
  g_assert_cmpuint (run->capacity, ==, 50);
  g_assert_cmpstr (run->cost, ==, "GBP6,000 per stage");
  g_assert_cmpstr (run->venue, ==, "Main Campus");
  g_assert_cmpstr (run->mode, ==, "in_person");
  g_assert_cmpstr (run->study_mode, ==, "Part time");
  g_assert_cmpstr (run->attendance_pattern, ==, "Daytime");

  /* Its address comes after its courses. */
  provider = find_provider (read.records, 1);
  g_assert_cmpstr (provider->code, ==, "10099999");
  g_assert_cmpstr (provider->city, ==, "Poppleton");
}

static void
test_feed_not_well_formed (void)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", "controllers-xcri.xml",
                                                        NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *name = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  guint line, column;

  error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
                       &line, &column);

  /* <identifier>UCAS: D490</dc:identifier>, the first fatal error. */
  g_assert_cmpuint (line, ==, 121);
  g_assert_cmpuint (column, ==, 51);
  expected = g_strdup_printf ("%s:121:51: ", name);
  g_assert_true (g_str_has_prefix (error->message, expected));
  g_assert_nonnull (strstr (error->message, "not well-formed"));
  g_assert_nonnull (strstr (error->message, "dc:identifier"));

  /* The same with the schema check on. */
  g_clear_error (&error);
  error = refuse_path (path, COHORT_XCRI_READER_VALIDATE, COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
                       &line, &column);
  g_assert_cmpuint (line, ==, 121);
}

/* Streaming: a record comes long before the end of the file. */

typedef struct
{
  GFilterInputStream parent_instance;
  gsize              n_read;
} CountingStream;

typedef GFilterInputStreamClass CountingStreamClass;

static GType counting_stream_get_type (void);
G_DEFINE_TYPE (CountingStream, counting_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
counting_stream_read (GInputStream  *stream,
                      void          *buffer,
                      gsize          count,
                      GCancellable  *cancellable,
                      GError       **error)
{
  CountingStream *self = (CountingStream *) stream;
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n = g_input_stream_read (base, buffer, count, cancellable, error);

  if (n > 0)
    self->n_read += (gsize) n;

  return n;
}

static void
counting_stream_class_init (CountingStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = counting_stream_read;
}

static void
counting_stream_init (CountingStream *self)
{
}

static void
test_streaming (void)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", "adamsmith.xcricap.xml",
                                                        NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) base = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  g_autoptr(GInputStream) counting = NULL;
  g_autoptr(CohortXcriReader) reader = NULL;
  g_autoptr(CohortImportRecord) first = NULL;
  g_autoptr(GFileInfo) info = NULL;
  CohortImportRecord *record;
  guint n = 1;
  goffset size;

  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &error);
  g_assert_no_error (error);
  size = g_file_info_get_size (info);
  g_assert_cmpint (size, ==, 1265436);
  counting = g_object_new (counting_stream_get_type (), "base-stream", base, NULL);
  reader = cohort_xcri_reader_new_for_stream (counting, "adamsmith.xcricap.xml",
                                              COHORT_XCRI_READER_NO_DUPLICATE_CHECK);

  first = cohort_xcri_reader_next (reader, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpint (first->kind, ==, COHORT_IMPORT_RECORD_COURSE);
  /* The first course is read from the first few kilobytes of a 1.2 MB file. */
  g_assert_cmpuint (((CountingStream *) counting)->n_read, <, (gsize) size / 10);

  while ((record = cohort_xcri_reader_next (reader, NULL, &error)) != NULL)
    {
      n++;
      cohort_import_record_free (record);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1 + 326 + 748);
  g_assert_cmpuint (((CountingStream *) counting)->n_read, ==, (gsize) size);

  /* At the end it stays at the end. */
  g_assert_null (cohort_xcri_reader_next (reader, NULL, &error));
  g_assert_no_error (error);
}

static void
test_cancel (void)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "feeds", "adamsmith.xcricap.xml",
                                                        NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CohortXcriReader) reader = cohort_xcri_reader_new (file, COHORT_XCRI_READER_DEFAULT);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CohortImportRecord) first = NULL;

  first = cohort_xcri_reader_next (reader, cancellable, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);

  g_cancellable_cancel (cancellable);
  g_assert_false (cohort_xcri_reader_read_all (reader, &records, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (records);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/cohort/catalogue.xml");
  g_autoptr(CohortXcriReader) reader = cohort_xcri_reader_new (file, COHORT_XCRI_READER_DEFAULT);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (cohort_xcri_reader_read_all (reader, &records, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/cohort/catalogue.xml: "));
  g_assert_false (cohort_xcri_reader_get_error_location (reader, NULL, NULL));
}

/* The parser library's tests: CDATA, XHTML, UTF-16 big-endian, a bad file. */

static void
test_fixtures_xcri4j (void)
{
  const char *same_text[] = { "cdata_plain_test.xml", "cdata_test.xml", "xhtml_test.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (same_text); i++)
    {
      g_auto(Read) read = { 0 };
      CohortImportCourse *course;

      read_shared (&read, COHORT_XCRI_READER_DEFAULT, "fixtures", "xcri4j", same_text[i], NULL);
      g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 1);
      g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 1);
      course = find_course (read.records,
                            "http://www.craighawker.co.uk/courses/hnd-business-computing/", 0);
      g_assert_cmpstr (course->title, ==, "HND Business Computing");
      /* Plain text, HTML inside CDATA and XHTML all give the same text. */
      g_assert_cmpstr (course->description, ==, "This is a computing course, its great!");
      g_assert_true ((find_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 21, "HTML") != NULL) ==
                     (i == 1));
    }

  {
    g_auto(Read) read = { 0 };
    CohortImportCourseRun *run;
    CohortImportCourse *course;

    read_shared (&read, COHORT_XCRI_READER_DEFAULT, "fixtures", "xcri4j", "test.xml", NULL);
    course = find_course (read.records,
                          "http://www.craighawker.co.uk/courses/hnd-business-computing/", 0);
    g_assert_cmpstr (course->url,
                     ==, "http://www.craighawker.co.uk/courses/hnd-business-computing/");
    run = COHORT_IMPORT_COURSE_RUN (g_ptr_array_index (read.records, 1));
    /* No identifier: named after its course. */
    g_assert_true (run->code_derived);
    g_assert_cmpstr (run->code, ==,
                     "http://www.craighawker.co.uk/courses/hnd-business-computing/#1");
    g_assert_cmpstr (run->start_date, ==, "2011-09-30");
    g_assert_cmpstr (run->end_date, ==, "2012-09-30");
    g_assert_cmpstr (run->study_mode, ==, "Part-time");
    g_assert_cmpstr (run->mode, ==, "in_person");
    g_assert_cmpstr (run->apply_to, ==, "http://ucas.ac.uk/");
  }

  {
    g_auto(Read) read = { 0 };
    CohortImportCourse *course;

    /* No namespace at all, a <TITLE>, a course without an identifier. */
    read_shared (&read, COHORT_XCRI_READER_DEFAULT, "fixtures", "xcri4j", "really_bad_xcri.xml",
                 NULL);
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE, 1, "no namespace");
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_STRUCTURE, 4, "<TITLE>");
    g_assert_cmpstr (find_provider (read.records, 1)->name, ==, "A provider");
    course = COHORT_IMPORT_COURSE (g_ptr_array_index (read.records, 0));
    g_assert_cmpstr (course->title, ==, "A Course");
    g_assert_null (course->code);
    g_assert_nonnull (strstr (course->record.rejected, "no identifier"));
    g_assert_nonnull (strstr (course->record.rejected, "line 5"));
    g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 1);
  }
}

/* The XCRI-CAP validator's own cases: what their names say, where the schema can tell. */

static const char * const validation_valid[] = {
  "Formatting/GeneratedAttribute.xml",
  "Namespaces/Description.xml",
  "Namespaces/Identifier.xml",
  "Namespaces/Title.xml",
  "Structure/BasicCatalog.xml",
  "Structure/OfficialTestFromSchemas.xml",
};

static const char * const validation_invalid_namespaces[] = {
  "Namespaces/Description.xml",
  "Namespaces/Identifier.xml",
  "Namespaces/NoDocumentNamespace.xml",
  "Namespaces/Title.xml",
  "Namespaces/UndeclaredPrefix.xml",
};

static char *
dup_validation_path (const char *kind,
                     const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", 2);

  return cohort_test_dup_shared_data ("xml", "fixtures", "xcricap-validator-standalone-2012-01",
                                      "IValidationService", kind, parts[0], parts[1], NULL);
}

static void
test_validator_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validation_valid); i++)
    {
      g_autofree char *path = dup_validation_path ("Valid", validation_valid[i]);

      for (int validate = 0; validate <= 1; validate++)
        {
          g_auto(Read) read = { 0 };

          g_test_message ("%s%s", validation_valid[i], validate ? " (validated)" : "");
          read_path (&read, path, validate ? COHORT_XCRI_READER_VALIDATE
                                           : COHORT_XCRI_READER_DEFAULT);
          g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE), ==, 0);
          g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_SCHEMA), ==, 0);
          g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_STRUCTURE), ==, 0);
          g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);
        }
    }

  /* The UTF-16 ones are read right. */
  {
    g_autofree char *path = dup_validation_path ("Valid", "Namespaces/Title.xml");
    g_auto(Read) read = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpstr (find_provider (read.records, 1)->name, ==, "Example provider");
  }
  {
    g_autofree char *path = dup_validation_path ("Valid", "Structure/OfficialTestFromSchemas.xml");
    g_auto(Read) read = { 0 };
    CohortImportCourse *course;

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    course = COHORT_IMPORT_COURSE (g_ptr_array_index (read.records, 0));
    g_assert_cmpstr (course->title, ==, "HND Business Computing");
    g_assert_cmpuint (course->record.line, ==, 22);
    g_assert_cmpstr (find_provider (read.records, 1)->url, ==, "http://www.craighawker.co.uk/");
  }
}

static void
test_validator_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (validation_invalid_namespaces); i++)
    {
      g_autofree char *path = dup_validation_path ("Invalid", validation_invalid_namespaces[i]);
      g_auto(Read) read = { 0 };
      g_auto(Read) validated = { 0 };

      g_test_message ("%s", validation_invalid_namespaces[i]);

      /* Without the schema: a namespace warning. */
      read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
      g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE), >, 0);

      /* With it: the schema's objection too. */
      read_path (&validated, path, COHORT_XCRI_READER_VALIDATE);
      g_assert_cmpuint (count_issues (validated.reader, COHORT_IMPORT_ISSUE_SCHEMA), >, 0);
    }

  /* <title> in the catalog namespace is still read as the title, with a warning. */
  {
    g_autofree char *path = dup_validation_path ("Invalid", "Namespaces/Title.xml");
    g_auto(Read) read = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpstr (find_provider (read.records, 1)->name, ==, "Example provider");
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE, 15, "<title>");
  }

  /* An undeclared prefix: libxml2 only warns; Cohort says so and leaves the element out. */
  {
    g_autofree char *path = dup_validation_path ("Invalid", "Namespaces/UndeclaredPrefix.xml");
    g_auto(Read) read = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_NAMESPACE, 6, "prefix dc");
  }

  /* A generated attribute that is not a date-time: only the schema can tell. */
  {
    g_autofree char *path = dup_validation_path ("Invalid", "Formatting/GeneratedAttribute.xml");
    g_auto(Read) read = { 0 };
    g_auto(Read) validated = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_SCHEMA), ==, 0);
    read_path (&validated, path, COHORT_XCRI_READER_VALIDATE);
    assert_issue (validated.reader, COHORT_IMPORT_ISSUE_SCHEMA, 7, "2011-03-21 20:00:23");
  }

  /* Wrong nesting: not well-formed, refused with its place. */
  {
    g_autofree char *path = dup_validation_path ("Invalid", "Structure/XmlNesting.xml");
    g_autoptr(GError) error = NULL;
    guint line, column;

    error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
                         &line, &column);
    g_assert_cmpuint (line, ==, 1);
    g_assert_cmpuint (column, >, 800);
  }
}

static void
test_validator_unique (void)
{
  g_autofree char *dir = cohort_test_dup_shared_data ("xml", "fixtures",
                                                       "xcricap-validator-standalone-2012-01",
                                                       "ContentValidation", "UniqueValidator",
                                                       NULL);
  g_autofree char *invalid = g_build_filename (dir, "Invalid", "NotUniqueIdentifiers.xml", NULL);
  g_autofree char *valid = g_build_filename (dir, "Valid", "UniqueIdentifiers.xml", NULL);
  g_autofree char *valid_typed = NULL;

  valid_typed = g_build_filename (dir, "Valid", "UniqueIdentifiersWithXsiType.xml", NULL);

  {
    g_auto(Read) read = { 0 };
    CohortImportCourse *second;

    read_path (&read, invalid, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 2);
    g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 1);
    second = find_course (read.records,
                          "http://www.craighawker.co.uk/courses/hnd-business-computing/", 1);
    g_assert_cmpstr (second->title, ==, "HND Business Computing (Part time)");
    g_assert_nonnull (strstr (second->record.rejected, "at line 10"));
  }

  {
    g_auto(Read) read = { 0 };

    /* Turned off, for a consumer that finds duplicates itself. */
    read_path (&read, invalid, COHORT_XCRI_READER_NO_DUPLICATE_CHECK);
    g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);
  }

  {
    g_auto(Read) read = { 0 };

    read_path (&read, valid, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 1);
    g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);
  }

  {
    g_auto(Read) read = { 0 };
    CohortImportCourse *second;

    /* The untyped identifier is the code; the typed one (the other course's URL) is kept. */
    read_path (&read, valid_typed, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 2);
    g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 0);
    second = find_course (read.records,
                          "http://www.craighawker.co.uk/courses/hnd-business-computing/part-time/",
                          0);
    g_assert_cmpuint (second->identifiers->len, ==, 2);
    g_assert_cmpstr (((CohortImportIdentifier *)
                      g_ptr_array_index (second->identifiers, 1))->scheme, ==, "another");
  }
}

static void
test_validator_url (void)
{
  const char *names[] = {
    "Invalid/SingleNotAUrl.xml", "Invalid/SingleNotAUrlSingleValid.xml",
    "Invalid/SingleRelativeUrl.xml", "Invalid/TwoNotAUrl.xml", "Valid/SingleUrl.xml",
    "Valid/SingleUrlWithNamespace.xml",
  };

  /* Fragments for a URL checker, not catalogues: refused as such, with their place. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) parts = g_strsplit (names[i], "/", 2);
      g_autofree char *path = NULL;
      g_autoptr(GError) error = NULL;
      guint line;

      path = cohort_test_dup_shared_data ("xml", "fixtures",
                                          "xcricap-validator-standalone-2012-01",
                                          "ContentValidation", "UrlValidator", parts[0], parts[1],
                                          NULL);
      error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_WRONG_FORMAT,
                           &line, NULL);
      g_assert_cmpuint (line, ==, 1);
      g_assert_nonnull (strstr (error->message, "<xml>"));
    }
}

/* Validation against the schemas */

static void
test_validate_feeds (void)
{
  struct {
    const char *name;
    guint       n_courses;
    gboolean    valid;
  } feeds[] = {
    { "adamsmith.xcricap.xml", 326, TRUE },
    { "ou-example.xml", 2, TRUE },
    { "UniversityOfSheffield_20120406.xml", 320, FALSE },
    { "NorthLindseyCollege_20120223.xml", 1, FALSE },
    { "PG_Generic_XCRI-CAP-1.2.xml", 1, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (feeds); i++)
    {
      g_auto(Read) read = { 0 };

      read_shared (&read, COHORT_XCRI_READER_VALIDATE, "feeds", feeds[i].name, NULL);
      /* Schema errors never stop the reading. */
      g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, feeds[i].n_courses);
      g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_SCHEMA) == 0, ==,
                        feeds[i].valid);
    }

  {
    g_auto(Read) read = { 0 };
    CohortImportIssue *issue;

    /* xsi:type in a namespace whose schema is lost: said once, with the number of times. */
    read_shared (&read, COHORT_XCRI_READER_VALIDATE, "feeds",
                 "UniversityOfSheffield_20120406.xml", NULL);
    issue = find_issue (read.reader, COHORT_IMPORT_ISSUE_SCHEMA, 13, "internalID");
    g_assert_nonnull (issue);
    g_assert_nonnull (strstr (issue->message, "640 times"));
    g_assert_nonnull (strstr (issue->message, "dc:identifier"));
  }
}

static void
test_validate_offline (CohortTestFixture *fixture,
                       gconstpointer      user_data)
{
  g_autofree char *xsd = g_build_filename (fixture->dir, "remote.xsd", NULL);
  g_autoptr(GError) error = NULL;
  xmlSchemaPtr schema;

  /* Any attempt at the network would go through this dead proxy and fail. */
  g_setenv ("http_proxy", "http://127.0.0.1:9/", TRUE);
  g_setenv ("HTTP_PROXY", "http://127.0.0.1:9/", TRUE);
  g_setenv ("no_proxy", "", TRUE);

  {
    g_auto(Read) read = { 0 };

    read_shared (&read, COHORT_XCRI_READER_VALIDATE, "feeds", "ou-example.xml", NULL);
    g_assert_cmpuint (count_issues (read.reader, COHORT_IMPORT_ISSUE_SCHEMA), ==, 0);
  }

  /* A schema that needs something that is only on the network is refused, not fetched. */
  g_file_set_contents (xsd,
                       "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema' "
                       "targetNamespace='urn:cohort:test'>\n"
                       "  <xs:import namespace='urn:cohort:remote' "
                       "schemaLocation='http://127.0.0.1:9/remote.xsd'/>\n"
                       "</xs:schema>\n", -1, &error);
  g_assert_no_error (error);
  schema = cohort_xml_schema_load (xsd, &error);
  g_assert_null (schema);
  g_assert_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_SCHEMA);
  g_assert_nonnull (strstr (error->message, "http://127.0.0.1:9/remote.xsd"));
  g_assert_nonnull (strstr (error->message, "network"));

  g_unsetenv ("http_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("no_proxy");
}

static void
test_validate_missing_schemas (CohortTestFixture *fixture,
                               gconstpointer      user_data)
{
  g_autofree char *saved = g_strdup (g_getenv ("COHORT_XSD_DIR"));
  g_autofree char *path = dup_test_data ("quirks.xml");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (saved);

  /* Checking against schemas that are not there is an error, not a silent pass. */
  g_setenv ("COHORT_XSD_DIR", fixture->dir, TRUE);
  error = refuse_path (path, COHORT_XCRI_READER_VALIDATE, COHORT_IMPORT_ERROR_SCHEMA, NULL, NULL);
  g_assert_nonnull (strstr (error->message, fixture->dir));
  g_setenv ("COHORT_XSD_DIR", saved, TRUE);

  {
    g_auto(Read) read = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_VALIDATE);
  }
}

/* The quirks, one of each (tests/data/xcri/quirks.xml) */

static void
test_quirks (void)
{
  g_autofree char *path = dup_test_data ("quirks.xml");
  g_auto(Read) read = { 0 };
  CohortImportCourse *course;
  CohortImportCourseRun *run;
  CohortImportOrganisation *provider;
  CohortImportIdentifier *identifier;
  CohortImportRecordKind order[] = {
    COHORT_IMPORT_RECORD_COURSE, COHORT_IMPORT_RECORD_COURSE_RUN,
    COHORT_IMPORT_RECORD_COURSE_RUN, COHORT_IMPORT_RECORD_COURSE_RUN,
    COHORT_IMPORT_RECORD_COURSE, COHORT_IMPORT_RECORD_COURSE_RUN, COHORT_IMPORT_RECORD_COURSE,
    COHORT_IMPORT_RECORD_COURSE, COHORT_IMPORT_RECORD_COURSE_RUN, COHORT_IMPORT_RECORD_COURSE,
    COHORT_IMPORT_RECORD_COURSE_RUN, COHORT_IMPORT_RECORD_ORGANISATION,
  };

  read_path (&read, path, COHORT_XCRI_READER_DEFAULT);

  g_assert_cmpuint (read.records->len, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    g_assert_cmpint (((CohortImportRecord *) g_ptr_array_index (read.records, i))->kind, ==,
                     order[i]);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE], ==, 2);
  g_assert_cmpuint (read.n_rejected[COHORT_IMPORT_RECORD_COURSE_RUN], ==, 1);

  /* Several identifiers: the provider's own (internalID) is the code; the URL is kept;
   * "UCAS: G403" is read as a UCAS code. */
  course = COHORT_IMPORT_COURSE (g_ptr_array_index (read.records, 0));
  g_assert_cmpstr (course->code, ==, "PBC-01");
  g_assert_cmpuint (course->record.line, ==, 17);
  g_assert_cmpuint (course->record.column, ==, 14);
  g_assert_cmpstr (course->url_identifier, ==, "https://www.peace-training.example/courses/pbc");
  g_assert_cmpuint (course->identifiers->len, ==, 3);
  identifier = g_ptr_array_index (course->identifiers, 1);
  g_assert_cmpstr (identifier->value, ==, "G403");
  g_assert_cmpstr (identifier->scheme, ==, "UCAS");
  identifier = g_ptr_array_index (course->identifiers, 2);
  g_assert_cmpstr (identifier->scheme, ==, "internalID");
  /* The title from Dublin Core, whatever its prefix; "dc:" is bound to another namespace. */
  g_assert_cmpstr (course->title, ==, "Peacebuilding Core Course");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_UNUSED, 21, "<dc:title>");
  g_assert_cmpuint (course->subjects->len, ==, 2);
  /* HTML escaped into text. */
  g_assert_cmpstr (course->description, ==,
                   "First paragraph with & ampersand.\n\nSecond\nline.");
  g_assert_cmpstr (course->description_lang, ==, "en");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 27, "HTML");
  g_assert_null (course->url);
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 28, "“hello world”");
  g_assert_cmpstr (course->provider_code, ==, "10000001");

  /* "September 2012" -> 2012-09; places empty; several venues; a vocabulary identifier. */
  run = find_run (read.records, "PBC-01-2012");
  g_assert_cmpstr (run->start_date, ==, "2012-09");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 31, "“September 2012” as 2012-09");
  g_assert_cmpstr (run->end_date, ==, "2012-12-14");
  g_assert_cmpstr (run->mode, ==, "hybrid");
  g_assert_cmpuint (run->capacity, ==, 0);
  g_assert_cmpstr (run->venue, ==, "Tokyo; Hiroshima");
  g_assert_cmpstr (run->apply_to, ==, "https://apply.peace-training.example/");
  g_assert_cmpstr (run->cost, ==, "Free for nominated participants; others USD 1,200");
  g_assert_cmpstr (run->course_code, ==, "PBC-01");
  g_assert_cmpuint (run->course_line, ==, 17);

  /* dtf year-month; day/month/year text; start after end; 0 places; no identifier. */
  run = find_run (read.records, "PBC-01#2");
  g_assert_true (run->code_derived);
  g_assert_cmpstr (run->start_date, ==, "2013-09");
  g_assert_cmpstr (run->end_date, ==, "2013-06-30");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 42, "day/month/year");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 40, "before it starts");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 43, "0 places");
  g_assert_cmpuint (run->capacity, ==, 0);
  g_assert_cmpstr (run->mode, ==, "online");
  g_assert_cmpstr (run->study_mode, ==, "Full time");

  /* A date-time with a zone keeps its own date; 1900-01-01 is no date; places in words. */
  run = find_run (read.records, "PBC-01-2014");
  g_assert_cmpstr (run->start_date, ==, "2014-01-15");
  g_assert_null (run->end_date);
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 50, "1900-01-01");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 51, "“twenty”");
  g_assert_cmpstr (run->mode, ==, "in_person");

  /* An empty title: rejected with the reason and the line; its run with it. */
  course = COHORT_IMPORT_COURSE (g_ptr_array_index (read.records, 4));
  g_assert_cmpstr (course->code, ==, "EMPTY-TITLE");
  g_assert_null (course->title);
  g_assert_cmpstr (course->record.rejected, ==, "The course at line 55 has no title (dc:title).");
  run = find_run (read.records, "EMPTY-TITLE-1");
  g_assert_nonnull (strstr (run->record.rejected, "line 55"));

  /* The same identifier twice. */
  course = find_course (read.records, "PBC-01", 1);
  g_assert_nonnull (strstr (course->record.rejected, "at line 17"));

  /* Elements in an order the schema forbids; CDATA; the untyped description over the typed
   * one and over the abstract; xml:lang. */
  course = find_course (read.records, "MCC", 0);
  g_assert_null (course->record.rejected);
  g_assert_cmpstr (course->title, ==, "Mid-Career Course");
  g_assert_cmpstr (course->description, ==, "Cours de mi-carrière.");
  g_assert_cmpstr (course->description_lang, ==, "fr");
  run = find_run (read.records, "MCC-2020");
  g_assert_cmpstr (run->course_code, ==, "MCC");
  g_assert_cmpstr (run->start_date, ==, "2020-02-03");
  g_assert_cmpuint (run->capacity, ==, 24);

  /* XHTML with a list. */
  course = find_course (read.records, "XH-1", 0);
  g_assert_cmpstr (course->description, ==, "Intro bold text.\n\n• One\n• Two");
  run = find_run (read.records, "XH-1-A");
  g_assert_cmpstr (run->start_date, ==, "2013-09-30");
  g_assert_null (run->end_date);
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 84, "“31 Sept 2013”");

  provider = find_provider (read.records, 1);
  g_assert_cmpuint (provider->record.line, ==, 12);
  g_assert_cmpstr (provider->name, ==, "Peace Training Centre");
  g_assert_cmpstr (provider->code, ==, "10000001");
  g_assert_cmpstr (provider->url, ==, "http://www.peace-training.example");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 16, "has no “http://”");
  g_assert_cmpstr (provider->city, ==, "Hiroshima");
  g_assert_cmpstr (provider->postcode, ==, "730-0011");
  g_assert_cmpstr (provider->country, ==, "JP");
  assert_issue (read.reader, COHORT_IMPORT_ISSUE_UNUSED, 90, "<m:address>");

  /* Warnings are in file order, and print as FILE:LINE:COLUMN: message. */
  {
    GPtrArray *issues = cohort_xcri_reader_get_issues (read.reader);
    g_autofree char *formatted = NULL;

    for (guint i = 1; i < issues->len; i++)
      g_assert_cmpint (cohort_import_issue_compare (&issues->pdata[i - 1], &issues->pdata[i]),
                       <=, 0);
    formatted = cohort_import_issue_format (find_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE,
                                                        28, NULL), "quirks.xml");
    g_assert_true (g_str_has_prefix (formatted, "quirks.xml:28:13: "));
  }
}

/* Encodings */

static void
test_encodings (void)
{
  {
    g_autofree char *path = dup_test_data ("latin1.xml");
    g_auto(Read) read = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpstr (find_course (read.records, "LAT-1", 0)->title, ==,
                     "Café et crème à Zürich");
    g_assert_cmpstr (find_provider (read.records, 1)->name, ==, "École supérieure");
  }

  {
    g_autofree char *path = dup_test_data ("no-declaration.xml");
    g_auto(Read) read = { 0 };
    CohortImportCourse *course;

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    course = find_course (read.records, "JP-1", 0);
    g_assert_cmpstr (course->title, ==, "平和構築・開発におけるグローバル人材育成事業");
    g_assert_cmpstr (course->description, ==, "本コースは東京と広島で行われます。");
    g_assert_cmpstr (course->description_lang, ==, "ja");
  }

  {
    g_auto(Read) read = { 0 };

    /* UTF-16 big-endian with a byte-order mark. */
    read_shared (&read, COHORT_XCRI_READER_DEFAULT, "fixtures", "xcri4j", "test.xml", NULL);
    g_assert_cmpstr (find_provider (read.records, 1)->name, ==, "Example provider");
  }

  {
    g_autofree char *path = dup_test_data ("invalid-utf8.xml");
    g_autoptr(GError) error = NULL;
    guint line, column;

    error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
                         &line, &column);
    g_assert_cmpuint (line, ==, 7);
    g_assert_cmpuint (column, >, 0);
    g_assert_nonnull (strstr (error->message, "UTF-8"));
  }
}

/* Hostile files */

static void
test_hostile_entities (void)
{
  const char *refused[] = { "xxe-file.xml", "xxe-http.xml", "xxe-parameter.xml" };
  g_autofree char *passwd = NULL;

  g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = dup_test_data (refused[i]);
      g_autoptr(GError) error = NULL;
      guint line;

      error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_UNSAFE, &line,
                           NULL);
      g_assert_cmpuint (line, >, 0);
      g_assert_nonnull (strstr (error->message, "DOCTYPE"));
      /* /etc/passwd starts with root's line. */
      if (passwd != NULL && g_str_has_prefix (passwd, "root:"))
        {
          assert_never_leaks (path, "root:");
          g_assert_null (strstr (error->message, "root:"));
        }
    }

  {
    g_autofree char *path = dup_test_data ("billion-laughs.xml");
    g_autoptr(GError) error = NULL;

    error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_UNSAFE, NULL, NULL);
    assert_never_leaks (path, "lollollol");
  }

  {
    g_autofree char *path = dup_test_data ("doctype-internal.xml");
    g_auto(Read) read = { 0 };

    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpstr (find_course (read.records, "DT-1", 0)->title, ==,
                     "Course in a file with a DOCTYPE");
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_UNSAFE, 0, "DOCTYPE");
  }

  {
    g_autofree char *path = dup_test_data ("external-dtd.xml");
    g_auto(Read) read = { 0 };

    /* The external DTD is not loaded, the undeclared entity not expanded. */
    read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
    g_assert_cmpstr (find_course (read.records, "DTD-1", 0)->title, ==, "Course with entity");
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_UNSAFE, 0, "DOCTYPE");
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_UNSAFE, 8, "&undeclared;");
  }
}

/* A secret in a file of its own: no way of referring to it brings it into what is read. */
static void
test_hostile_secret (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autofree char *secret_path = g_build_filename (fixture->dir, "secret.txt", NULL);
  g_autofree char *token = g_strdup_printf ("SECRET-%08x%08x", g_random_int (), g_random_int ());
  g_autofree char *uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  /* @URI@ and @PATH@ stand for the secret file. */
  struct {
    const char *name;
    const char *doctype;
    const char *title;
    const char *description;
    gboolean    refused;
  } cases[] = {
    { "entity-uri.xml", "<!DOCTYPE catalog [<!ENTITY s SYSTEM '@URI@'>]>", "&s;", "x", TRUE },
    { "entity-path.xml", "<!DOCTYPE catalog [<!ENTITY s SYSTEM '@PATH@'>]>", "&s;", "&s;",
      TRUE },
    { "parameter.xml", "<!DOCTYPE catalog [<!ENTITY % s SYSTEM '@URI@'> %s;]>", "x", "x", TRUE },
    { "dtd.xml", "<!DOCTYPE catalog SYSTEM '@URI@'>", "&s;", "x", FALSE },
    { "dtd-path.xml", "<!DOCTYPE catalog SYSTEM '@PATH@'>", "x", "&s;", FALSE },
    { "xinclude.xml", "", "x", "<xi:include href='@URI@' parse='text'/>", FALSE },
  };

  g_file_set_contents (secret_path, token, -1, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, cases[i].name, NULL);
      g_autoptr(GString) doctype = g_string_new (cases[i].doctype);
      g_autoptr(GString) description = g_string_new (cases[i].description);
      g_autofree char *body = NULL;
      g_autofree char *document = NULL;

      g_string_replace (doctype, "@URI@", uri, 0);
      g_string_replace (doctype, "@PATH@", secret_path, 0);
      g_string_replace (description, "@URI@", uri, 0);
      body = g_strdup_printf ("<catalog xmlns='http://xcri.org/profiles/1.2/catalog' "
                              "xmlns:dc='http://purl.org/dc/elements/1.1/' "
                              "xmlns:xi='http://www.w3.org/2001/XInclude' "
                              "generated='2024-01-01T00:00:00Z'>\n"
                              "<provider><dc:title>P</dc:title><course>"
                              "<dc:identifier>S-1</dc:identifier>\n"
                              "<dc:title>Title %s</dc:title>"
                              "<dc:description>%s</dc:description></course></provider>\n"
                              "</catalog>\n",
                              cases[i].title, description->str);
      document = g_strconcat ("<?xml version='1.0'?>\n", doctype->str, "\n", body, NULL);
      g_file_set_contents (path, document, -1, &error);
      g_assert_no_error (error);

      g_test_message ("%s", document);
      if (cases[i].refused)
        {
          g_autoptr(GError) refusal = NULL;

          refusal = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_UNSAFE,
                                 NULL, NULL);
          g_assert_null (strstr (refusal->message, token));
        }
      else
        {
          g_auto(Read) read = { 0 };

          read_path (&read, path, COHORT_XCRI_READER_DEFAULT);
          g_assert_cmpuint (read.n[COHORT_IMPORT_RECORD_COURSE], ==, 1);
        }
      assert_never_leaks (path, token);
    }
}

static void
test_hostile_deep (void)
{
  g_autofree char *path = dup_test_data ("deep-nesting.xml");
  g_autoptr(GError) error = NULL;
  guint line;

  error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_TOO_DEEP, &line,
                       NULL);
  g_assert_cmpuint (line, ==, 5);
  g_assert_nonnull (strstr (error->message, "256"));
}

static void
write_catalog_with_description (const char *path,
                                gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                     &error);
  g_autofree char *chunk = g_strnfill (64 * 1024, 'x');
  const char *head =
    "<?xml version='1.0'?>\n"
    "<catalog xmlns='http://xcri.org/profiles/1.2/catalog' "
    "xmlns:dc='http://purl.org/dc/elements/1.1/' generated='2024-01-01T00:00:00Z'>\n"
    "<provider><dc:title>P</dc:title><course><dc:identifier>BIG-1</dc:identifier>"
    "<dc:title>Big</dc:title><dc:description>";
  const char *tail = "</dc:description></course></provider></catalog>\n";

  g_assert_no_error (error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), head, strlen (head), NULL, NULL, &error);
  for (gsize written = 0; written < length; written += 64 * 1024)
    g_output_stream_write_all (G_OUTPUT_STREAM (out), chunk, MIN (64 * 1024, length - written),
                               NULL, NULL, &error);
  g_output_stream_write_all (G_OUTPUT_STREAM (out), tail, strlen (tail), NULL, NULL, &error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
}

static void
test_hostile_huge_text (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *huge = g_build_filename (fixture->dir, "huge.xml", NULL);
  g_autofree char *long_field = g_build_filename (fixture->dir, "long.xml", NULL);

  /* One 20 MB text node: refused, with its place. */
  {
    g_autoptr(GError) error = NULL;
    guint line;

    write_catalog_with_description (huge, 20 * 1024 * 1024);
    error = refuse_path (huge, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_TOO_LARGE, &line,
                         NULL);
    g_assert_cmpuint (line, ==, 3);
    g_assert_nonnull (strstr (error->message, "10 MB"));
  }

  /* A 2 MB description: the course is read, the field is left out with a warning. */
  {
    g_auto(Read) read = { 0 };
    CohortImportCourse *course;

    write_catalog_with_description (long_field, 2 * 1024 * 1024);
    read_path (&read, long_field, COHORT_XCRI_READER_DEFAULT);
    course = find_course (read.records, "BIG-1", 0);
    g_assert_cmpstr (course->title, ==, "Big");
    g_assert_null (course->description);
    assert_issue (read.reader, COHORT_IMPORT_ISSUE_VALUE, 3, "longer than 1 MB");
  }
}

static void
test_hostile_too_large (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sparse.xml", NULL);
  g_autoptr(GError) error = NULL;
  FILE *file;

  /* A sparse file larger than the limit: refused before a byte is read. */
  file = g_fopen (path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseeko (file, COHORT_XML_MAX_FILE_SIZE + 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (' ', file), ==, ' ');
  g_assert_cmpint (fclose (file), ==, 0);

  error = refuse_path (path, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_TOO_LARGE, NULL,
                       NULL);
  g_assert_nonnull (strstr (error->message, "512 MB"));
}

static void
test_not_a_catalogue (void)
{
  g_autofree char *ims = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(CohortXcriReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  guint line;

  ims = cohort_test_dup_shared_data ("xml", "ims-enterprise", "example.xml", NULL);

  /* An IMS Enterprise file is well-formed, but not a catalogue. */
  error = refuse_path (ims, COHORT_XCRI_READER_DEFAULT, COHORT_IMPORT_ERROR_WRONG_FORMAT, &line,
                       NULL);
  g_assert_cmpuint (line, >, 0);
  g_assert_nonnull (strstr (error->message, "<enterprise>"));
  g_clear_error (&error);

  /* Nothing at all. */
  reader = cohort_xcri_reader_new_for_bytes (empty, "empty.xml", COHORT_XCRI_READER_DEFAULT);
  g_assert_false (cohort_xcri_reader_read_all (reader, &records, NULL, &error));
  g_assert_error (error, COHORT_IMPORT_ERROR, COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  g_assert_true (g_str_has_prefix (error->message, "empty.xml"));
}

/* Text and dates */

static void
test_text_dates (void)
{
  struct {
    const char        *text;
    const char        *date;
    CohortXcriDateHow  how;
  } cases[] = {
    { "2012-09-30", "2012-09-30", COHORT_XCRI_DATE_ISO },
    { " 2013-09-30T00:00:00 ", "2013-09-30", COHORT_XCRI_DATE_ISO },
    { "2012-08-22T00:00:00+01:00", "2012-08-22", COHORT_XCRI_DATE_ISO },
    { "2011-03-24T09:32:50.827Z", "2011-03-24", COHORT_XCRI_DATE_ISO },
    { "2014-09", "2014-09", COHORT_XCRI_DATE_ISO },
    { "2014", "2014", COHORT_XCRI_DATE_ISO },
    { "September 2012", "2012-09", COHORT_XCRI_DATE_TEXT },
    { "sept. 2012", "2012-09", COHORT_XCRI_DATE_TEXT },
    { "1 October 2011", "2011-10-01", COHORT_XCRI_DATE_TEXT },
    { "Monday 30 September 2013", "2013-09-30", COHORT_XCRI_DATE_TEXT },
    { "30th Sept, 2013", "2013-09-30", COHORT_XCRI_DATE_TEXT },
    { "June 2013", "2013-06", COHORT_XCRI_DATE_TEXT },
    { "30/06/2013", "2013-06-30", COHORT_XCRI_DATE_DAY_MONTH_YEAR },
    { "2013/06/30", "2013-06-30", COHORT_XCRI_DATE_TEXT },
    { "2012-02-30", NULL, 0 },
    { "2012-13", NULL, 0 },
    { "31 Sept 2013", NULL, 0 },
    { "Soon!", NULL, 0 },
    { "Whenever you want", NULL, 0 },
    { "Hell freezes over", NULL, 0 },
    { "Autumn 2013", NULL, 0 },
    { "12/06/13", NULL, 0 },
    { "", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CohortXcriDateHow how = COHORT_XCRI_DATE_ISO;
      g_autofree char *date = cohort_xcri_text_parse_date (cases[i].text, &how);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (date, ==, cases[i].date);
      if (date != NULL)
        g_assert_cmpint (how, ==, cases[i].how);
    }

  /* dtf is ISO only. */
  g_assert_null (cohort_xcri_text_parse_iso_date ("September 2012"));
  g_assert_null (cohort_xcri_text_parse_iso_date ("2011-03-21 20:00:23x"));
}

static void
test_text_html (void)
{
  struct {
    const char *html;
    const char *text;
  } cases[] = {
    { "<p>One</p><p>Two</p>", "One\n\nTwo" },
    { "Line<br />break<br/><br/>paragraph", "Line\nbreak\n\nparagraph" },
    { "<ul><li>a</li><li>b</li></ul>after", "• a\n• b\n\nafter" },
    { "Fish &amp; chips &lt;3 &#233;t&#xE9; &nbsp;x", "Fish & chips <3 été \xc2\xa0x" },
    { "<a href='http://x/?a=1&b=2'>link</a> and <b>bold</b>", "link and bold" },
    { "<!-- hidden --><script>alert(1)</script>shown", "shown" },
    { "a < b and c > d", "a < b and c > d" },
    { "<P CLASS=\"x\">Upper</P>", "Upper" },
    { "broken <p tag", "broken <p tag" },
    { "&unknown; &#0; &#x110000;", "&unknown; &#0; &#x110000;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cohort_xcri_text_dup_from_html (cases[i].html);

      g_test_message ("“%s”", cases[i].html);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  g_assert_true (cohort_xcri_text_looks_like_html ("a<br/>b"));
  g_assert_true (cohort_xcri_text_looks_like_html ("<p>x</p>"));
  g_assert_true (cohort_xcri_text_looks_like_html ("x&nbsp;y"));
  g_assert_false (cohort_xcri_text_looks_like_html ("a < b > c"));
  g_assert_false (cohort_xcri_text_looks_like_html ("Health & Safety"));
  g_assert_false (cohort_xcri_text_looks_like_html ("<unknown>"));

  {
    g_autofree char *paragraphs = NULL;
    g_autofree char *line = NULL;

    paragraphs = cohort_xcri_text_dup_paragraphs ("\n   First   line\n  second\n\n\n  Next  \n");
    g_assert_cmpstr (paragraphs, ==, "First line\nsecond\n\nNext");
    line = cohort_xcri_text_dup_line ("  a \t b\r\n c  ");
    g_assert_cmpstr (line, ==, "a b c");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  cohort_test_use_source_schemas ();

  g_test_add_func ("/cohort/xcri-reader/feed/adam-smith", test_feed_adam_smith);
  g_test_add_func ("/cohort/xcri-reader/feed/sheffield", test_feed_sheffield);
  g_test_add_func ("/cohort/xcri-reader/feed/open-university", test_feed_open_university);
  g_test_add_func ("/cohort/xcri-reader/feed/north-lindsey", test_feed_north_lindsey);
  g_test_add_func ("/cohort/xcri-reader/feed/generic-postgraduate",
                   test_feed_generic_postgraduate);
  g_test_add_func ("/cohort/xcri-reader/feed/not-well-formed", test_feed_not_well_formed);
  g_test_add_func ("/cohort/xcri-reader/streaming", test_streaming);
  g_test_add_func ("/cohort/xcri-reader/cancel", test_cancel);
  g_test_add_func ("/cohort/xcri-reader/missing-file", test_missing_file);
  g_test_add_func ("/cohort/xcri-reader/fixtures/xcri4j", test_fixtures_xcri4j);
  g_test_add_func ("/cohort/xcri-reader/fixtures/validator-valid", test_validator_valid);
  g_test_add_func ("/cohort/xcri-reader/fixtures/validator-invalid", test_validator_invalid);
  g_test_add_func ("/cohort/xcri-reader/fixtures/validator-unique", test_validator_unique);
  g_test_add_func ("/cohort/xcri-reader/fixtures/validator-url", test_validator_url);
  g_test_add_func ("/cohort/xcri-reader/validate/feeds", test_validate_feeds);
  cohort_test_add ("/cohort/xcri-reader/validate/offline", test_validate_offline);
  cohort_test_add ("/cohort/xcri-reader/validate/missing-schemas", test_validate_missing_schemas);
  g_test_add_func ("/cohort/xcri-reader/quirks", test_quirks);
  g_test_add_func ("/cohort/xcri-reader/encodings", test_encodings);
  g_test_add_func ("/cohort/xcri-reader/hostile/entities", test_hostile_entities);
  cohort_test_add ("/cohort/xcri-reader/hostile/secret", test_hostile_secret);
  g_test_add_func ("/cohort/xcri-reader/hostile/deep", test_hostile_deep);
  cohort_test_add ("/cohort/xcri-reader/hostile/huge-text", test_hostile_huge_text);
  cohort_test_add ("/cohort/xcri-reader/hostile/too-large", test_hostile_too_large);
  g_test_add_func ("/cohort/xcri-reader/not-a-catalogue", test_not_a_catalogue);
  g_test_add_func ("/cohort/xcri-reader/text/dates", test_text_dates);
  g_test_add_func ("/cohort/xcri-reader/text/html", test_text_html);

  return g_test_run ();
}
