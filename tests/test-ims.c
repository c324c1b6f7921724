/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-demo.h"
#include "cohort-enrolment.h"
#include "cohort-export-query.h"
#include "cohort-ims-reader.h"
#include "cohort-ims-writer.h"
#include "cohort-person.h"
#include "cohort-record.h"
#include "cohort-run-trainer.h"
#include "cohort-test-utils.h"

typedef struct
{
  CohortImsReader *reader;
  GPtrArray       *records;
  guint            n_persons;
  guint            n_groups;
  guint            n_memberships;
} Read;

static void
read_clear (Read *read)
{
  g_clear_object (&read->reader);
  g_clear_pointer (&read->records, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Read, read_clear)

static void
count (Read *read)
{
  read->n_persons = read->n_groups = read->n_memberships = 0;
  for (guint i = 0; i < read->records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (read->records, i);

      g_assert_cmpuint (record->line, >, 0);
      if (record->kind == COHORT_IMPORT_RECORD_IMS_PERSON)
        read->n_persons++;
      else if (record->kind == COHORT_IMPORT_RECORD_IMS_GROUP)
        read->n_groups++;
      else if (record->kind == COHORT_IMPORT_RECORD_IMS_MEMBERSHIP)
        read->n_memberships++;
      else
        g_assert_not_reached ();
    }
}

static void
read_bytes (Read       *read,
            GBytes     *bytes,
            const char *name)
{
  g_autoptr(GError) error = NULL;

  read->reader = cohort_ims_reader_new_for_bytes (bytes, name);
  cohort_ims_reader_read_all (read->reader, &read->records, NULL, &error);
  g_assert_no_error (error);
  count (read);
}

static void
read_shared (Read       *read,
             const char *name)
{
  g_autofree char *path = cohort_test_dup_shared_data ("xml", "ims-enterprise", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  read->reader = cohort_ims_reader_new (file);
  cohort_ims_reader_read_all (read->reader, &read->records, NULL, &error);
  g_assert_no_error (error);
  count (read);

  for (guint i = 0; i < cohort_ims_reader_get_issues (read->reader)->len; i++)
    {
      g_autofree char *line = NULL;

      line = cohort_import_issue_format (g_ptr_array_index (cohort_ims_reader_get_issues
                                                              (read->reader), i), name);
      g_test_message ("%s", line);
    }
}

static GError *
refuse_text (const char *text,
             int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(CohortImsReader) reader = cohort_ims_reader_new_for_bytes (bytes, "hostile.xml");
  g_autoptr(GPtrArray) records = NULL;
  GError *error = NULL;

  g_assert_false (cohort_ims_reader_read_all (reader, &records, NULL, &error));
  g_assert_null (records);
  g_assert_error (error, COHORT_IMPORT_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "hostile.xml:"));

  return error;
}

static gpointer
find (GPtrArray              *records,
      CohortImportRecordKind  kind,
      const char             *code,
      const char             *role)
{
  for (guint i = 0; i < records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (records, i);

      if (record->kind != kind)
        continue;
      if (kind == COHORT_IMPORT_RECORD_IMS_PERSON &&
          g_strcmp0 (((CohortImportImsPerson *) record)->code, code) == 0)
        return record;
      if (kind == COHORT_IMPORT_RECORD_IMS_GROUP &&
          g_strcmp0 (((CohortImportImsGroup *) record)->code, code) == 0)
        return record;
      if (kind == COHORT_IMPORT_RECORD_IMS_MEMBERSHIP &&
          g_strcmp0 (((CohortImportImsMembership *) record)->person_code, code) == 0 &&
          (role == NULL || g_strcmp0 (((CohortImportImsMembership *) record)->role, role) == 0))
        return record;
    }

  g_error ("No record for %s", code);
  return NULL;
}

static gboolean
has_issue (CohortImsReader *reader,
           const char      *words)
{
  GPtrArray *issues = cohort_ims_reader_get_issues (reader);

  for (guint i = 0; i < issues->len; i++)
    {
      CohortImportIssue *issue = g_ptr_array_index (issues, i);

      if (strstr (issue->message, words) != NULL)
        return TRUE;
    }

  return FALSE;
}

/* Moodle's examples, ISO-8859-1 and without a namespace.  The numbers are what
 * `xmllint --xpath` counts: count(/enterprise/person) = 5, count(/enterprise/group) = 1,
 * count(/enterprise/membership/member/role) = 5, in each of the three files. */
static void
test_moodle_examples (void)
{
  const char *files[] = { "example.xml", "example-oneline.xml", "example-grouped.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_auto(Read) read = { 0 };
      CohortImportImsPerson *person;
      CohortImportImsGroup *group;
      CohortImportImsMembership *membership;

      read_shared (&read, files[i]);
      g_assert_cmpuint (read.n_persons, ==, 5);
      g_assert_cmpuint (read.n_groups, ==, 1);
      g_assert_cmpuint (read.n_memberships, ==, 5);

      person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "91046433", NULL);
      g_assert_cmpstr (person->family_name, ==, "SHIKALISLAMI");
      g_assert_cmpstr (person->given_name, ==, "SIMON");
      g_assert_cmpstr (person->full_name, ==, "Simon Shikalislami");
      g_assert_cmpstr (person->source, ==, "sits:vision");
      g_assert_null (person->userid);
      g_assert_null (person->record.rejected);
      person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "90078058", NULL);
      g_assert_cmpstr (person->userid, ==, "IMGBY26");

      group = find (read.records, COHORT_IMPORT_RECORD_IMS_GROUP, "PHRE1001A2005/06T1/2", NULL);
      g_assert_cmpstr (group->title, ==, "Phrenology");

      /* " 91046433  " in the file. */
      membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "91046433", NULL);
      g_assert_cmpstr (membership->group_code, ==, "PHRE1001A2005/06T1/2");
      g_assert_cmpstr (membership->role, ==, "learner");
      g_assert_cmpstr (membership->status, ==, "enrolled");
      g_assert_true (membership->active);
      g_assert_null (membership->record.rejected);

      membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "DSTOW61", NULL);
      g_assert_cmpstr (membership->role, ==, "trainer");
      g_assert_cmpstr (membership->roletype, ==, "02");
      g_assert_null (membership->status);
      g_assert_true (membership->active);

      if (g_str_equal (files[i], "example-grouped.xml"))
        {
          /* recstatus="3": the group is to be deleted, the role removed. */
          g_assert_nonnull (group->record.rejected);
          g_assert_true (group->deleted);
          membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "90078058",
                             NULL);
          g_assert_cmpstr (membership->status, ==, "withdrawn");
          g_assert_false (membership->active);
          membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "90528553",
                             NULL);
          g_assert_cmpstr (membership->start_date, ==, "2005-12-25");
          g_assert_cmpstr (membership->end_date, ==, "2005-12-31");
        }
      else
        {
          g_assert_null (group->record.rejected);
          g_assert_true (has_issue (read.reader, "<extension>"));
        }
    }
}

/* The PIFU-IMS example: count(/enterprise/person) by local name and so on, as direct children of
 * <enterprise>: 5 persons, 9 groups, 18 roles of members. */
static void
test_pifu (void)
{
  g_auto(Read) read = { 0 };
  CohortImportImsPerson *person;
  CohortImportImsGroup *group;
  CohortImportImsMembership *membership;

  read_shared (&read, "PIFU-IMS_SAS_eksempel.xml");
  g_assert_cmpuint (read.n_persons, ==, 5);
  g_assert_cmpuint (read.n_groups, ==, 9);
  g_assert_cmpuint (read.n_memberships, ==, 18);

  /* Two sourcedids: the "New" one wins over the "Old" one. */
  person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "global_ID_01235", NULL);
  g_assert_cmpstr (person->family_name, ==, "Stor");
  g_assert_cmpstr (person->given_name, ==, "Janne");
  g_assert_cmpstr (person->full_name, ==, "Dr Janne A. Stor");
  g_assert_cmpstr (person->gender, ==, "female");
  g_assert_cmpstr (person->birth_date, ==, "1970-09-17");
  g_assert_cmpstr (person->email, ==, "janne.stor@måne.kommune.no");
  g_assert_cmpstr (person->userid, ==, "jannest");
  g_assert_cmpstr (person->source, ==, "mitt-sas@måne.kommune.no");
  g_assert_null (person->record.rejected);
  g_assert_cmpuint (person->record.line, ==, 55);

  /* The contact person inside <extension> is not the person's identifier. */
  person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "global_ID_02772", NULL);
  g_assert_cmpstr (person->given_name, ==, "Morten");

  person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "global_ID_01236", NULL);
  g_assert_cmpstr (person->family_name, ==, "Nordmann");
  g_assert_cmpstr (person->given_name, ==, "Ola Tobias");
  g_assert_cmpuint (person->record.line, ==, 242);
  for (guint i = 0; i < read.records->len; i++)
    g_assert_null (((CohortImportRecord *) g_ptr_array_index (read.records, i))->rejected);

  group = find (read.records, COHORT_IMPORT_RECORD_IMS_GROUP, "global_ID_basis_Måneflekken_7A",
                NULL);
  g_assert_cmpstr (group->title, ==, "7A");
  g_assert_cmpstr (group->long_title, ==, "Basisgruppe 7A");
  g_assert_cmpstr (group->description, ==, "Basisgruppe 7A ved Måneflekken skole");
  g_assert_cmpstr (group->start_date, ==, "2006-08-20");
  g_assert_cmpstr (group->end_date, ==, "2007-07-09");
  g_assert_null (group->record.rejected);

  /* Janne Stor teaches at Måne kommune and learns there too: two records. */
  membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "global_ID_01235",
                     "trainer");
  g_assert_cmpstr (membership->group_code, ==, "global_ID_org_2");
  membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "global_ID_01235",
                     "learner");
  g_assert_cmpstr (membership->group_code, ==, "global_ID_org_2");
  g_assert_cmpstr (membership->status, ==, "enrolled");

  g_assert_true (has_issue (read.reader, "<extension>"));
}

/* Accented Norwegian and French names in ISO-8859-1 come out as UTF-8. */
static void
test_latin1 (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
    "<enterprise>\n"
    "<person><sourcedid><source>x</source><id>N-1</id></sourcedid>\n"
    "<name><fn>Bj\xf8rn \xc6r\xf8</fn><n><family>\xc6r\xf8</family>"
    "<given>Bj\xf8rn</given></n></name>\n"
    "<demographics><gender>2</gender></demographics></person>\n"
    "<person><sourcedid><source>x</source><id>F-1</id></sourcedid>\n"
    "<name><n><family>L\xe9vesque</family><given>Fran\xe7oise</given></n></name>\n"
    "<demographics><gender>1</gender><bday>31/02/1990</bday></demographics></person>\n"
    "<group><sourcedid><source>x</source><id>G-\xe5</id></sourcedid>\n"
    "<description><short>Kurs p\xe5 \xf8ya</short></description></group>\n"
    "</enterprise>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_auto(Read) read = { 0 };
  CohortImportImsPerson *person;
  CohortImportImsGroup *group;

  read_bytes (&read, bytes, "latin1.xml");
  g_assert_cmpuint (read.n_persons, ==, 2);
  g_assert_cmpuint (read.n_groups, ==, 1);

  person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "N-1", NULL);
  g_assert_cmpstr (person->family_name, ==, "Ærø");
  g_assert_cmpstr (person->given_name, ==, "Bjørn");
  g_assert_cmpstr (person->full_name, ==, "Bjørn Ærø");
  g_assert_cmpstr (person->gender, ==, "male");
  g_assert_cmpuint (person->record.line, ==, 3);

  person = find (read.records, COHORT_IMPORT_RECORD_IMS_PERSON, "F-1", NULL);
  g_assert_cmpstr (person->family_name, ==, "Lévesque");
  g_assert_cmpstr (person->given_name, ==, "Françoise");
  g_assert_cmpstr (person->gender, ==, "female");
  /* Not a date: left out, with a warning. */
  g_assert_null (person->birth_date);
  g_assert_true (has_issue (read.reader, "31/02/1990"));

  group = find (read.records, COHORT_IMPORT_RECORD_IMS_GROUP, "G-å", NULL);
  g_assert_cmpstr (group->title, ==, "Kurs på øya");
}

static void
test_records_rejected (void)
{
  const char *text =
    "<enterprise>\n"
    "<person><sourcedid><id>P-1</id></sourcedid><name><fn>A</fn></name></person>\n"
    "<person><sourcedid><id>P-1</id></sourcedid><name><fn>B</fn></name></person>\n"
    "<person><name><fn>No id</fn></name></person>\n"
    "<group><sourcedid><id>G-1</id></sourcedid>"
    "<timeframe><begin>2024-05-01</begin><end>2024-04-01</end></timeframe></group>\n"
    "<membership><sourcedid><id>G-1</id></sourcedid>\n"
    "<member><sourcedid><id>P-1</id></sourcedid><role roletype=\"03\"><status>1</status></role>"
    "</member>\n"
    "<member><sourcedid><id>P-2</id></sourcedid><role roletype=\"01\"><status>0</status></role>"
    "</member>\n"
    "<member><sourcedid><id>P-3</id></sourcedid></member>\n"
    "</membership>\n"
    "</enterprise>\n";
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_auto(Read) read = { 0 };
  CohortImportRecord *record;
  CohortImportImsMembership *membership;
  CohortImportImsGroup *group;

  read_bytes (&read, bytes, "rejects.xml");
  g_assert_cmpuint (read.n_persons, ==, 3);
  g_assert_cmpuint (read.n_memberships, ==, 3);

  record = g_ptr_array_index (read.records, 0);
  g_assert_null (record->rejected);
  record = g_ptr_array_index (read.records, 1);
  g_assert_nonnull (strstr (record->rejected, "line 2"));
  record = g_ptr_array_index (read.records, 2);
  g_assert_nonnull (record->rejected);

  group = find (read.records, COHORT_IMPORT_RECORD_IMS_GROUP, "G-1", NULL);
  g_assert_cmpstr (group->start_date, ==, "2024-05-01");
  g_assert_null (group->end_date);
  g_assert_true (has_issue (read.reader, "ends before"));

  membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "P-1", NULL);
  g_assert_null (membership->role);
  g_assert_nonnull (strstr (membership->record.rejected, "03"));
  g_assert_cmpuint (membership->record.line, ==, 7);
  membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "P-2", NULL);
  g_assert_cmpstr (membership->status, ==, "withdrawn");
  membership = find (read.records, COHORT_IMPORT_RECORD_IMS_MEMBERSHIP, "P-3", NULL);
  g_assert_cmpstr (membership->role, ==, "learner");
  g_assert_cmpstr (membership->status, ==, "enrolled");
}

static void
test_hostile (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autofree char *secret_path = g_build_filename (fixture->dir, "secret.txt", NULL);
  g_autofree char *token = g_strdup_printf ("SECRET-%08x", g_random_int ());
  g_autofree char *uri = g_filename_to_uri (secret_path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *xxe = NULL;
  g_autoptr(GString) deep = g_string_new ("<enterprise><person>");
  const char *laughs =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE enterprise [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    "]>\n"
    "<enterprise><person><sourcedid><id>&lol3;</id></sourcedid></person></enterprise>\n";

  g_file_set_contents (secret_path, token, -1, &error);
  g_assert_no_error (error);

  xxe = g_strdup_printf ("<?xml version=\"1.0\"?>\n"
                         "<!DOCTYPE enterprise [<!ENTITY s SYSTEM \"%s\">]>\n"
                         "<enterprise><person><sourcedid><id>&s;</id></sourcedid>"
                         "<name><fn>&s;</fn></name></person></enterprise>\n", uri);
  {
    g_autoptr(GError) refusal = refuse_text (xxe, COHORT_IMPORT_ERROR_UNSAFE);

    g_assert_null (strstr (refusal->message, token));
  }
  {
    g_autoptr(GError) refusal = refuse_text (laughs, COHORT_IMPORT_ERROR_UNSAFE);

    g_assert_null (strstr (refusal->message, "lollol"));
  }

  for (guint i = 0; i < 300; i++)
    g_string_append (deep, "<extension>");
  {
    g_autoptr(GError) refusal = refuse_text (deep->str, COHORT_IMPORT_ERROR_TOO_DEEP);
  }
  {
    g_autoptr(GError) refusal = NULL;

    refusal = refuse_text ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<enterprise><person>"
                           "<name><fn>Bad \xff\xfe bytes</fn></name></person></enterprise>\n",
                           COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
  }
  {
    g_autoptr(GError) refusal = NULL;

    refusal = refuse_text ("<enterprise>\n<person>\n</group>\n</enterprise>\n",
                           COHORT_IMPORT_ERROR_NOT_WELL_FORMED);
    /* FILE:LINE:COLUMN: message, at the mismatched end tag on line 3. */
    g_assert_true (g_str_has_prefix (refusal->message, "hostile.xml:3:"));
  }
  {
    g_autoptr(GError) refusal = NULL;

    refusal = refuse_text ("<catalog xmlns=\"http://xcri.org/profiles/1.2/catalog\"/>",
                           COHORT_IMPORT_ERROR_WRONG_FORMAT);
  }
}

/* The writer, read back by the reader: the same persons, groups and memberships. */
static void
check_round_trip (CohortTestFixture *fixture,
                  gint64             run_id)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GPtrArray) trainers = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Read) read = { 0 };
  guint n_person = 0;
  guint n_group = 0;
  guint n_membership = 0;

  g_assert_true (cohort_ims_writer_write (fixture->db, run_id, out, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "encoding=\"UTF-8\""));
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "<source>Cohort</source>"));

  persons = cohort_export_query_list_members (fixture->db, run_id, &error);
  g_assert_no_error (error);
  runs = cohort_export_query_list_runs (fixture->db, run_id, &error);
  g_assert_no_error (error);
  enrolments = cohort_export_query_list_enrolments (fixture->db, run_id, &error);
  g_assert_no_error (error);
  trainers = cohort_export_query_list_trainers (fixture->db, run_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, >, 0);
  g_assert_cmpuint (enrolments->len, >, 0);

  read_bytes (&read, bytes, "export.xml");
  g_assert_cmpuint (read.n_persons, ==, persons->len);
  g_assert_cmpuint (read.n_groups, ==, runs->len);
  g_assert_cmpuint (read.n_memberships, ==, enrolments->len + trainers->len);

  for (guint i = 0; i < read.records->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (read.records, i);

      if (record->kind == COHORT_IMPORT_RECORD_IMS_PERSON)
        {
          CohortImportImsPerson *imported = (CohortImportImsPerson *) record;
          CohortPerson *person = g_ptr_array_index (persons, n_person++);

          g_assert_cmpstr (imported->code, ==, cohort_person_get_code (person));
          g_assert_cmpstr (imported->family_name, ==, cohort_person_get_family_name (person));
          g_assert_cmpstr (imported->given_name, ==, cohort_person_get_given_name (person));
          g_assert_cmpstr (imported->email, ==, cohort_person_get_email (person));
          g_assert_cmpstr (imported->birth_date, ==, cohort_person_get_birth_date (person));
          if (g_str_equal (cohort_person_get_gender (person), "female") ||
              g_str_equal (cohort_person_get_gender (person), "male"))
            g_assert_cmpstr (imported->gender, ==, cohort_person_get_gender (person));
          else
            g_assert_null (imported->gender);
          g_assert_null (record->rejected);
        }
      else if (record->kind == COHORT_IMPORT_RECORD_IMS_GROUP)
        {
          CohortImportImsGroup *imported = (CohortImportImsGroup *) record;
          CohortCourseRun *run = g_ptr_array_index (runs, n_group++);

          g_assert_cmpstr (imported->code, ==, cohort_course_run_get_code (run));
          g_assert_cmpstr (imported->start_date, ==, cohort_course_run_get_start_date (run));
          g_assert_cmpstr (imported->end_date, ==, cohort_course_run_get_end_date (run));
          g_assert_nonnull (imported->title);
          g_assert_null (record->rejected);
        }
      else
        {
          CohortImportImsMembership *imported = (CohortImportImsMembership *) record;

          g_assert_null (record->rejected);
          g_assert_nonnull (imported->group_code);
          g_assert_nonnull (imported->person_code);
          n_membership++;
        }
    }

  /* The enrolments, in order, with their status as IMS can say it. */
  {
    guint e = 0;

    for (guint i = 0; i < read.records->len; i++)
      {
        CohortImportImsMembership *imported = g_ptr_array_index (read.records, i);
        CohortEnrolment *enrolment;
        const char *status;
        gboolean active;

        if (imported->record.kind != COHORT_IMPORT_RECORD_IMS_MEMBERSHIP ||
            g_strcmp0 (imported->role, "learner") != 0)
          continue;

        enrolment = g_ptr_array_index (enrolments, e++);
        status = cohort_enrolment_get_status (enrolment);
        active = g_str_equal (status, "selected") || g_str_equal (status, "enrolled") ||
                 g_str_equal (status, "completed") || g_str_equal (status, "participated");
        g_assert_cmpint (imported->active, ==, active);
        g_assert_cmpstr (imported->status, ==, active ? "enrolled" : "withdrawn");
      }
    g_assert_cmpuint (e, ==, enrolments->len);
  }

  /* The trainers, in order, with their role. */
  {
    guint t = 0;

    for (guint i = 0; i < read.records->len; i++)
      {
        CohortImportImsMembership *imported = g_ptr_array_index (read.records, i);
        const char *role;

        if (imported->record.kind != COHORT_IMPORT_RECORD_IMS_MEMBERSHIP ||
            g_strcmp0 (imported->role, "learner") == 0)
          continue;

        role = cohort_run_trainer_get_role (g_ptr_array_index (trainers, t++));
        if (g_str_equal (role, "facilitator") || g_str_equal (role, "mentor") ||
            g_str_equal (role, "coordinator"))
          g_assert_cmpstr (imported->role, ==, role);
        else
          g_assert_cmpstr (imported->role, ==, "trainer");
        g_assert_true (imported->active);
        g_assert_null (imported->status);
      }
    g_assert_cmpuint (t, ==, trainers->len);
  }

  g_assert_cmpuint (n_person, ==, persons->len);
  g_assert_cmpuint (n_group, ==, runs->len);
  g_assert_cmpuint (n_membership, ==, enrolments->len + trainers->len);
}

static void
test_writer_round_trip (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = NULL;

  g_assert_true (cohort_demo_generate (fixture->db, 60, 7, "2024-04-01", NULL, NULL, NULL,
                                       &error));
  g_assert_no_error (error);

  /* Every run, then one. */
  check_round_trip (fixture, 0);

  runs = cohort_export_query_list_runs (fixture->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, >, 1);
  check_round_trip (fixture, cohort_record_get_id (g_ptr_array_index (runs, 0)));
}

static void
test_writer_file (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "runs.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_auto(Read) read = { 0 };

  /* An unknown run is an error, and no file is written. */
  g_assert_false (cohort_ims_writer_write_file (fixture->db, 999, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_true (cohort_demo_generate (fixture->db, 20, 3, "2024-04-01", NULL, NULL, NULL,
                                       &error));
  g_assert_true (cohort_ims_writer_write_file (fixture->db, 0, file, NULL, &error));
  g_assert_no_error (error);

  read.reader = cohort_ims_reader_new (file);
  cohort_ims_reader_read_all (read.reader, &read.records, NULL, &error);
  g_assert_no_error (error);
  count (&read);
  g_assert_cmpuint (read.n_persons, >, 0);
  g_assert_cmpuint (read.n_groups, >, 0);
  g_assert_cmpuint (read.n_memberships, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/ims/reader/moodle-examples", test_moodle_examples);
  g_test_add_func ("/cohort/ims/reader/pifu", test_pifu);
  g_test_add_func ("/cohort/ims/reader/latin1", test_latin1);
  g_test_add_func ("/cohort/ims/reader/rejected", test_records_rejected);
  cohort_test_add ("/cohort/ims/reader/hostile", test_hostile);
  cohort_test_add ("/cohort/ims/writer/round-trip", test_writer_round_trip);
  cohort_test_add ("/cohort/ims/writer/file", test_writer_file);

  return g_test_run ();
}
