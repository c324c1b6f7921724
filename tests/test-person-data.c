/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-history.h"
#include "cohort-json.h"
#include "cohort-organisation.h"
#include "cohort-person-data-pdf.h"
#include "cohort-person-data.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-validation.h"

/* "Everything we hold on this person": collecting it, writing it as JSON and PDF, the history
 * in words, erasing, and the `cohort person` sub-commands. */

/* Distinctive values, so that a trace of them anywhere is found. */
#define FAMILY       "Qwertyzuk"
#define GIVEN        "Amina \"Robert'); DROP TABLE person;--\""
#define FAMILY_LOCAL "القاسمي"
#define GIVEN_LOCAL  "アミナ"
#define EMAIL        "amina.qwertyzuk@example.org"
#define NOTES        "Line one\nline two\ttabbed \\ \xe2\x80\xae reversed \xe2\x80\xa8 end"
#define COURSE_TITLE "Peacebuilding Primary Course"
#define HOST         "Office for the Coordination of Humanitarian Affairs"
#define POSITION     "Protection Officer"

typedef struct
{
  gint64 person_id;
  gint64 other_id;
  gint64 enrolment_id;
  gint64 placement_id;
  gint64 other_placement_id;
} People;

static gint64
id_of (gpointer record)
{
  return cohort_record_get_id (COHORT_RECORD (record));
}

/* A person with an enrolment, a placement, a career record, another nationality and a change
 * of name; and another person whose placement they supervise. */
static void
add_people (CohortDatabase *db,
            People         *out)
{
  g_autoptr(CohortPerson) person = cohort_person_new ();
  g_autoptr(CohortPerson) other = cohort_person_new ();
  g_autoptr(CohortOrganisation) host = cohort_organisation_new ();
  g_autoptr(CohortCourse) course = cohort_course_new ();
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();
  g_autoptr(CohortEnrolment) enrolment = cohort_enrolment_new ();
  g_autoptr(CohortPlacement) placement = cohort_placement_new ();
  g_autoptr(CohortPlacement) other_placement = cohort_placement_new ();
  g_autoptr(CohortCareerRecord) career = cohort_career_record_new ();
  g_autoptr(GError) error = NULL;
  const char * const countries[] = { "JP", NULL };

  cohort_organisation_set_name (host, HOST);
  cohort_test_save (db, host);

  cohort_course_set_code (course, "PRIMARY");
  cohort_course_set_title (course, COURSE_TITLE);
  cohort_test_save (db, course);
  cohort_course_run_set_course_id (run, id_of (course));
  cohort_course_run_set_code (run, "PRIMARY-2024");
  cohort_course_run_set_start_date (run, "2024-08-01");
  cohort_test_save (db, run);

  cohort_person_set_code (person, "P-0001");
  cohort_person_set_family_name (person, "Firstname-before");
  cohort_person_set_given_name (person, GIVEN);
  cohort_person_set_family_name_local (person, FAMILY_LOCAL);
  cohort_person_set_given_name_local (person, GIVEN_LOCAL);
  cohort_person_set_gender (person, "female");
  cohort_person_set_nationality (person, "EG");
  cohort_person_set_email (person, EMAIL);
  cohort_person_set_notes (person, NOTES);
  cohort_person_set_birth_date (person, "1994-03-05");
  cohort_test_save (db, person);
  cohort_person_set_family_name (person, FAMILY);
  cohort_test_save (db, person);
  g_assert_true (cohort_store_set_person_nationalities (db, id_of (person), countries, &error));
  g_assert_no_error (error);

  cohort_person_set_code (other, "P-0002");
  cohort_person_set_family_name (other, "Other");
  cohort_person_set_given_name (other, "Person");
  cohort_test_save (db, other);

  cohort_enrolment_set_person_id (enrolment, id_of (person));
  cohort_enrolment_set_run_id (enrolment, id_of (run));
  cohort_enrolment_set_status (enrolment, "completed");
  cohort_enrolment_set_certificate_number (enrolment, "CERT-77");
  cohort_test_save (db, enrolment);

  cohort_placement_set_person_id (placement, id_of (person));
  cohort_placement_set_enrolment_id (placement, id_of (enrolment));
  cohort_placement_set_host_id (placement, id_of (host));
  cohort_placement_set_country (placement, "SS");
  cohort_placement_set_position_title (placement, POSITION);
  cohort_placement_set_status (placement, "completed");
  cohort_placement_set_start_date (placement, "2024-10-01");
  cohort_placement_set_end_date (placement, "2025-09-30");
  cohort_test_save (db, placement);

  cohort_placement_set_person_id (other_placement, id_of (other));
  cohort_placement_set_supervisor_id (other_placement, id_of (person));
  cohort_placement_set_status (other_placement, "confirmed");
  cohort_placement_set_start_date (other_placement, "2025-01-01");
  cohort_test_save (db, other_placement);

  cohort_career_record_set_person_id (career, id_of (person));
  cohort_career_record_set_organisation_id (career, id_of (host));
  cohort_career_record_set_position_title (career, "Humanitarian Affairs Officer");
  cohort_career_record_set_sector (career, "un_international");
  cohort_career_record_set_start_date (career, "2025-11");
  cohort_test_save (db, career);

  out->person_id = id_of (person);
  out->other_id = id_of (other);
  out->enrolment_id = id_of (enrolment);
  out->placement_id = id_of (placement);
  out->other_placement_id = id_of (other_placement);
}

static guint
section_index (CohortPersonData *data,
               const char       *name)
{
  for (guint s = 0; s < cohort_person_data_get_n_sections (data); s++)
    if (strcmp (cohort_person_data_get_section_name (data, s), name) == 0)
      return s;

  g_assert_not_reached ();
}

static const char *
value_of (CohortPersonData *data,
          const char       *section_name,
          guint             row,
          const char       *column)
{
  guint s = section_index (data, section_name);

  for (guint c = 0; c < cohort_person_data_get_n_columns (data, s); c++)
    if (strcmp (cohort_person_data_get_column_name (data, s, c), column) == 0)
      return cohort_person_data_get_value (data, s, row, c);

  g_assert_not_reached ();
}

static void
test_collect (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_local = NULL;
  People people;

  add_people (fixture->db, &people);
  data = cohort_person_data_collect (fixture->db, people.person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (data);

  g_assert_cmpstr (value_of (data, "person", 0, "family_name"), ==, FAMILY);
  g_assert_cmpstr (value_of (data, "person", 0, "given_name"), ==, GIVEN);
  g_assert_cmpstr (value_of (data, "person", 0, "notes"), ==, NOTES);
  g_assert_cmpstr (value_of (data, "nationalities", 0, "country"), ==, "JP");
  g_assert_cmpuint (cohort_person_data_count (data, "enrolments"), ==, 1);
  g_assert_cmpstr (value_of (data, "enrolments", 0, "course_title"), ==, COURSE_TITLE);
  g_assert_cmpstr (value_of (data, "enrolments", 0, "run_code"), ==, "PRIMARY-2024");
  g_assert_cmpstr (value_of (data, "placements", 0, "host"), ==, HOST);
  g_assert_cmpstr (value_of (data, "placements", 0, "run_code"), ==, "PRIMARY-2024");
  g_assert_cmpstr (value_of (data, "career_records", 0, "organisation"), ==, HOST);
  g_assert_cmpuint (cohort_person_data_count (data, "supervision"), ==, 1);
  g_assert_cmpuint (cohort_person_data_count (data, "teaching"), ==, 0);

  /* The history: the person's insert and change of name, and their own rows' entries, but not
   * the other person's placement. */
  g_assert_cmpuint (cohort_person_data_count (data, "history"), ==, 5);
  g_assert_cmpstr (value_of (data, "history", 1, "action"), ==, "update");
  g_assert_nonnull (strstr (value_of (data, "history", 1, "changes"), FAMILY));

  name = cohort_person_data_dup_name (data);
  g_assert_cmpstr (name, ==, "Amina \"Robert'); DROP TABLE person;--\" " FAMILY);
  name_local = cohort_person_data_dup_name_local (data);
  g_assert_cmpstr (name_local, ==, GIVEN_LOCAL " " FAMILY_LOCAL);

  g_clear_object (&data);
  data = cohort_person_data_collect (fixture->db, 9999, &error);
  g_assert_null (data);
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
}

/* Runs python3's json module over @path and compares what it reads with the expected values:
 * argv pairs of a Python expression over `d` and the text it must equal. */
static void
assert_json (const char         *path,
             const char * const *checks)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, (gpointer) "-c");
  g_ptr_array_add (argv, (gpointer)
                   "import json, sys\n"
                   "d = json.load(open(sys.argv[1], encoding='utf-8'))\n"
                   "args = sys.argv[2:]\n"
                   "for expr, want in zip(args[::2], args[1::2]):\n"
                   "    got = str(eval(expr))\n"
                   "    if got != want:\n"
                   "        sys.exit('%s is %r, not %r' % (expr, got, want))\n");
  g_ptr_array_add (argv, (gpointer) path);
  for (guint i = 0; checks[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) checks[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 rejected %s: %s", path, err);
}

static const char * const json_checks[] = {
  "d['format']", "cohort-person-data",
  "d['person']['code']", "P-0001",
  "d['person']['family_name']", FAMILY,
  "d['person']['given_name']", GIVEN,
  "d['person']['family_name_local']", FAMILY_LOCAL,
  "d['person']['given_name_local']", GIVEN_LOCAL,
  "d['person']['email']", EMAIL,
  "d['person']['notes']", NOTES,
  "d['person']['phone']", "None",
  "d['nationalities'][0]['country']", "JP",
  "d['enrolments'][0]['course_title']", COURSE_TITLE,
  "d['enrolments'][0]['certificate_number']", "CERT-77",
  "type(d['enrolments'][0]['id']).__name__", "int",
  "d['placements'][0]['host']", HOST,
  "d['placements'][0]['position_title']", POSITION,
  "d['career_records'][0]['start_date']", "2025-11",
  "len(d['history'])", "5",
  "d['history'][1]['changes']['family_name'][1]", FAMILY,
  "d['teaching']", "[]",
  NULL
};

static void
test_json (CohortTestFixture *fixture,
           gconstpointer      user_data)
{
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "person.json", NULL);
  People people;

  add_people (fixture->db, &people);
  data = cohort_person_data_collect (fixture->db, people.person_id, &error);
  g_assert_no_error (error);

  json = cohort_person_data_to_json (data);
  g_assert_true (g_utf8_validate (json, -1, NULL));
  /* The line break, the tab, the separator and the quotes are escaped. */
  g_assert_nonnull (strstr (json, "one\\nline two\\ttabbed \\\\ "));
  g_assert_nonnull (strstr (json, "\\u2028"));
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);

  assert_json (path, json_checks);
}

/* A history entry whose values are not JSON (a damaged or hand-edited file) still gives JSON. */
static void
test_json_damaged_history (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  static const char * const checks[] = {
    "len(d['history'])", "5",
    "d['history'][0]['changes']", "\"not JSON \\\" {\"",
    "d['history'][1]['changes']['family_name'][1]", FAMILY,
    NULL
  };
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "person.json", NULL);
  People people;

  add_people (fixture->db, &people);
  cohort_test_exec_sql (fixture->path,
                        "UPDATE audit_log SET changes = 'not JSON \" {' "
                        "WHERE id = (SELECT min(id) FROM audit_log WHERE table_name = 'person')");
  data = cohort_person_data_collect (fixture->db, people.person_id, &error);
  g_assert_no_error (error);

  json = cohort_person_data_to_json (data);
  g_assert_true (g_file_set_contents (path, json, -1, &error));
  g_assert_no_error (error);
  assert_json (path, checks);
}

static void
test_json_string (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  cohort_json_append_string (out, "a\"b\\c\n\x7f\xff" "d\xe2\x80\xa9");
  g_assert_cmpstr (out->str, ==, "\"a\\\"b\\\\c\\n\\u007f\\ufffdd\\u2029\"");

  g_string_truncate (out, 0);
  cohort_json_append_string (out, NULL);
  g_assert_cmpstr (out->str, ==, "null");
}

static char *
run_tool (const char *tool,
          const char *arg1,
          const char *arg2)
{
  const char *argv[] = { tool, arg1, arg2, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static void
test_pdf (CohortTestFixture *fixture,
          gconstpointer      user_data)
{
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "person.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  People people;
  GStatBuf st;

  add_people (fixture->db, &people);
  data = cohort_person_data_collect (fixture->db, people.person_id, &error);
  g_assert_no_error (error);

  g_assert_true (cohort_person_data_write_pdf (data, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  info = run_tool ("pdfinfo", path, NULL);
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Pages:"));

  text = run_tool ("pdftotext", path, "-");
  g_assert_nonnull (strstr (text, FAMILY));
  g_assert_nonnull (strstr (text, GIVEN_LOCAL));
  g_assert_nonnull (strstr (text, COURSE_TITLE));
  g_assert_nonnull (strstr (text, POSITION));
  g_assert_nonnull (strstr (text, "Page 1 of "));

  /* A file that cannot be written is an error, not a crash. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "no-such-folder", "person.pdf", NULL);
  g_assert_false (cohort_person_data_write_pdf (data, path, &error));
  g_assert_nonnull (error);
}

/* A value of a megabyte is printed in part, saying how much is left out; the whole of it is in
 * the JSON. */
static void
test_pdf_huge_value (CohortTestFixture *fixture,
                     gconstpointer      user_data)
{
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "person.pdf", NULL);
  g_autofree char *huge = g_strnfill (1024 * 1024, 'N');
  g_autofree char *lines = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  People people;

  add_people (fixture->db, &people);
  {
    g_autoptr(CohortRecord) person = cohort_store_load (fixture->db, COHORT_TYPE_PERSON,
                                                        people.person_id, &error);

    g_assert_no_error (error);
    cohort_person_set_notes (COHORT_PERSON (person), huge);
    cohort_test_save (fixture->db, person);
  }

  data = cohort_person_data_collect (fixture->db, people.person_id, &error);
  g_assert_no_error (error);
  json = cohort_person_data_to_json (data);
  g_assert_nonnull (strstr (json, huge));

  g_assert_true (cohort_person_data_write_pdf (data, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path, "-");
  g_assert_nonnull (strstr (text, "(1047576 more"));

  /* Many lines are cut too: the cell fits on a page. */
  g_clear_object (&data);
  g_clear_pointer (&text, g_free);
  {
    g_autoptr(CohortRecord) person = cohort_store_load (fixture->db, COHORT_TYPE_PERSON,
                                                        people.person_id, &error);
    g_auto(GStrv) many = g_new0 (char *, 501);

    for (guint i = 0; i < 500; i++)
      many[i] = g_strdup_printf ("line %u", i);
    lines = g_strjoinv ("\n", many);
    cohort_person_set_notes (COHORT_PERSON (person), lines);
    cohort_test_save (fixture->db, person);
  }
  data = cohort_person_data_collect (fixture->db, people.person_id, &error);
  g_assert_no_error (error);
  g_assert_true (cohort_person_data_write_pdf (data, path, &error));
  g_assert_no_error (error);
  text = run_tool ("pdftotext", path, "-");
  g_assert_nonnull (strstr (text, "line 38\n"));
  g_assert_null (strstr (text, "line 41\n"));
  g_assert_null (strstr (text, "line 499"));
  g_assert_nonnull (strstr (text, "(460 more lines)"));
}

static void
test_history (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  g_autoptr(GListModel) history = NULL;
  g_autoptr(CohortHistoryEntry) first = NULL;
  g_autoptr(CohortHistoryEntry) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *details = NULL;
  g_autofree char *first_details = NULL;
  People people;

  add_people (fixture->db, &people);
  history = cohort_history_list_person (fixture->db, people.person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 5);

  first = g_list_model_get_item (history, 0);
  g_assert_cmpstr (cohort_history_entry_get_action (first), ==, "insert");
  first_details = cohort_history_entry_dup_details (first);
  g_assert_nonnull (strstr (first_details, "Email: " EMAIL));

  second = g_list_model_get_item (history, 1);
  title = cohort_history_entry_dup_title (second);
  g_assert_cmpstr (title, ==, "Personal details changed");
  details = cohort_history_entry_dup_details (second);
  g_assert_cmpstr (details, ==, "Family name: Firstname-before → " FAMILY);

  g_clear_pointer (&details, g_free);
  details = cohort_history_format_details ("person",
                                           "{\"phone\":[null,\"+81 \\\"3\\\"\"],"
                                           "\"notes\":null}");
  g_assert_cmpstr (details, ==, "Phone: (empty) → +81 \"3\"\nNotes");

  /* A code from a list is shown by its label. */
  g_clear_pointer (&details, g_free);
  details = cohort_history_format_details ("person",
                                           "{\"gender\":[\"undisclosed\",\"female\"]}");
  g_assert_cmpstr (details, ==, "Gender: Not disclosed → Female");

  /* A long value is shortened, saying by how much. */
  {
    g_autofree char *long_value = g_strnfill (5000, 'x');
    g_autofree char *changes = g_strdup_printf ("{\"notes\":[null,\"%s\"]}", long_value);
    g_autofree char *expected = NULL;
    g_autofree char *start = g_strnfill (300, 'x');

    g_clear_pointer (&details, g_free);
    details = cohort_history_format_details ("person", changes);
    expected = g_strdup_printf ("Notes: (empty) → %s… (4700 more characters)", start);
    g_assert_cmpstr (details, ==, expected);
  }
}

/* Every byte of the database file and its log, searched for @needle. */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static void
test_erase (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  static const char * const traces[] = {
    FAMILY, "Firstname-before", FAMILY_LOCAL, GIVEN_LOCAL, EMAIL, "DROP TABLE", "CERT-77",
    POSITION, "Humanitarian Affairs Officer",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  People people;

  add_people (fixture->db, &people);
  g_assert_true (cohort_person_data_erase (fixture->db, people.person_id, &error));
  g_assert_no_error (error);

  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM person"), ==, 1);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM enrolment"),
                   ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM placement"),
                   ==, 1);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM placement "
                                            "WHERE supervisor_id IS NULL"), ==, 1);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM career_record"), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM person_nationality"), ==, 0);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM person_fts "
                                            "WHERE person_fts MATCH 'Qwertyzuk'"), ==, 0);

  /* The audit log says a person was erased, and when, and nothing else. */
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM audit_log "
                                            "WHERE table_name = 'person' AND action = 'erase' "
                                            "AND changes = '{}'"), ==, 1);
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM audit_log, "
                                            "json_each(audit_log.changes) AS j "
                                            "WHERE table_name IN ('person', 'enrolment', "
                                            "'career_record') AND j.value IS NOT NULL "
                                            "AND row_id <> 2"), ==, 0);

  /* Nowhere in the file: not in a table, an index, the search index, a free page or the log. */
  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    {
      g_test_message ("looking for %s", traces[i]);
      g_assert_false (file_contains (fixture->path, traces[i]));
      g_assert_false (file_contains (wal, traces[i]));
    }
  /* The other person is still there. */
  g_assert_true (file_contains (fixture->path, "P-0002"));
}

static void
test_erase_missing (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  People people;

  add_people (fixture->db, &people);
  before = cohort_test_dup_database_checksum (fixture->path);
  g_assert_false (cohort_person_data_erase (fixture->db, 9999, &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_NOT_FOUND);
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* The command line */

static void
test_cli_export (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  g_auto(CohortTestResult) result = { NULL, };
  g_autofree char *json_path = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "out.pdf", NULL);
  People people;

  add_people (fixture->db, &people);

  cohort_test_run (&result, fixture->path, "person", "export", "P-0001", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_set_contents (json_path, result.out, -1, NULL));
  assert_json (json_path, json_checks);

  cohort_test_run (&result, fixture->path, "person", "export", "P-0001", "--format", "pdf",
                   "-o", pdf_path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "P-0001"));
  g_assert_null (strstr (result.out, FAMILY));
  g_assert_true (file_contains (pdf_path, "%PDF-"));

  cohort_test_run (&result, fixture->path, "person", "export", "P-0001", "-o", json_path, NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_json (json_path, json_checks);

  cohort_test_run (&result, fixture->path, "person", "export", "NOBODY", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_nonnull (strstr (result.err, "No person has the code “NOBODY”"));

  cohort_test_run (&result, fixture->path, "person", "export", "P-0001", "--format", "xml",
                   NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "person", "export", "P-0001", "--format", "pdf",
                   NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "person", "delete", "P-0001", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "person", NULL);
  g_assert_cmpint (result.status, ==, 2);
  cohort_test_run (&result, fixture->path, "person", "--help", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "erase"));
}

static void
test_cli_anonymise (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_auto(CohortTestResult) result = { NULL, };
  g_autofree char *anon_code = NULL;
  People people;

  add_people (fixture->db, &people);
  anon_code = g_strdup_printf ("ANON-%" G_GINT64_FORMAT, people.person_id);

  cohort_test_run (&result, fixture->path, "person", "anonymise", "P-0001", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, anon_code));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM person "
                                            "WHERE family_name IS NULL AND email IS NULL "
                                            "AND anonymised_at IS NOT NULL AND gender = 'female'"),
                   ==, 1);
  /* Participation stays. */
  g_assert_cmpint (cohort_test_query_int64 (fixture->path, "SELECT count(*) FROM enrolment"),
                   ==, 1);

  cohort_test_run (&result, fixture->path, "person", "anonymise", anon_code, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "already"));

  cohort_test_run (&result, fixture->path, "person", "anonymise", "P-0001", NULL);
  g_assert_cmpint (result.status, ==, 1);
}

/* `cohort person erase` with its standard input not a terminal. */
static void
run_erase_without_terminal (const char  *database,
                            const char  *code,
                            gboolean     yes,
                            char       **out_stdout,
                            char       **out_stderr,
                            int         *out_status)
{
  const char *exe = g_getenv ("COHORT_EXE");
  const char *argv[] = { exe, "--database", database, "person", "erase", code,
                         yes ? "--yes" : NULL, NULL };
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDIN_FROM_DEV_NULL, NULL,
                               NULL, out_stdout, out_stderr, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  *out_status = WEXITSTATUS (wait_status);
}

static void
test_cli_erase (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int status = 0;
  People people;

  add_people (fixture->db, &people);
  before = cohort_test_dup_database_checksum (fixture->path);

  run_erase_without_terminal (fixture->path, "P-0001", FALSE, &out, &err, &status);
  g_test_message ("%s%s", out, err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "1 enrolment\n"));
  g_assert_nonnull (strstr (out, "1 placement\n"));
  g_assert_nonnull (strstr (out, "1 career record\n"));
  g_assert_nonnull (strstr (out, "1 other nationality\n"));
  g_assert_nonnull (strstr (out, "5 history entries"));
  g_assert_nonnull (strstr (err, "--yes"));
  g_assert_null (strstr (out, FAMILY));
  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_erase_without_terminal (fixture->path, "P-0001", TRUE, &out, &err, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Erased P-0001"));
  g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                            "SELECT count(*) FROM person WHERE code = 'P-0001'"),
                   ==, 0);
  g_assert_false (file_contains (fixture->path, FAMILY));
  g_assert_false (file_contains (fixture->path, EMAIL));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_erase_without_terminal (fixture->path, "P-0001", TRUE, &out, &err, &status);
  g_assert_cmpint (status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/person-data/collect", test_collect);
  cohort_test_add ("/cohort/person-data/json", test_json);
  cohort_test_add ("/cohort/person-data/json-damaged-history", test_json_damaged_history);
  g_test_add_func ("/cohort/person-data/json-string", test_json_string);
  cohort_test_add ("/cohort/person-data/pdf", test_pdf);
  cohort_test_add ("/cohort/person-data/pdf-huge-value", test_pdf_huge_value);
  cohort_test_add ("/cohort/person-data/history", test_history);
  cohort_test_add ("/cohort/person-data/erase", test_erase);
  cohort_test_add ("/cohort/person-data/erase-missing", test_erase_missing);
  cohort_test_add ("/cohort/person-data/cli/export", test_cli_export);
  cohort_test_add ("/cohort/person-data/cli/anonymise", test_cli_anonymise);
  cohort_test_add ("/cohort/person-data/cli/erase", test_cli_erase);

  return g_test_run ();
}
