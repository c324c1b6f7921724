/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cohort-csv-reader.h"
#include "cohort-database-private.h"
#include "cohort-ims-reader.h"
#include "cohort-person.h"
#include "cohort-store.h"
#include "cohort-test-utils.h"
#include "cohort-validation.h"
#include "cohort-xcri-reader.h"

/*
 * Hostile input at every door: the CSV, IMS Enterprise and XCRI-CAP readers and `cohort
 * import`, the command line's arguments, and the store that the editors save through.  Each
 * value either is refused with a clear error, leaving the database as it was, or is stored and
 * read back exactly as given; nothing crashes, and nothing else changes.
 */

typedef struct
{
  const char *name;
  char       *value;
} Hostile;

static GArray *hostile_values;

static void
hostile_clear (gpointer data)
{
  g_free (((Hostile *) data)->value);
}

static void
add_hostile (const char *name,
             char       *value)
{
  Hostile h = { name, value };

  g_array_append_val (hostile_values, h);
}

static void
make_hostile_values (void)
{
  hostile_values = g_array_new (FALSE, FALSE, sizeof (Hostile));
  g_array_set_clear_func (hostile_values, hostile_clear);

  add_hostile ("sql", g_strdup ("Robert'); DROP TABLE person;--"));
  add_hostile ("sql-quotes", g_strdup ("O\"Brien' OR '1'='1"));
  add_hostile ("control", g_strdup ("Bad\001Na\007me\033[31m"));
  add_hostile ("nul-like", g_strdup ("Tab\there"));
  add_hostile ("invalid-utf8", g_strdup ("Bad\xff\xfeName\xc3"));
  add_hostile ("overlong-utf8", g_strdup ("Slash\xc0\xafName"));
  add_hostile ("rtl-override", g_strdup ("\xe2\x80\xae" "fdp.exe Ahmed"));
  add_hostile ("big", g_strnfill (1024 * 1024, 'N'));
  add_hostile ("formula", g_strdup ("=HYPERLINK(\"http://evil.example\")"));
}

/* The rows that must never change: a person, a course and a run written before. */
#define BASELINE_SQL \
  "SELECT * FROM person WHERE code = 'BASE-1' UNION ALL " \
  "SELECT id, code, title, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, " \
  "NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM course WHERE code = 'BASE-C'"

static void
add_baseline (CohortDatabase *db)
{
  g_autoptr(GError) error = NULL;

  cohort_database_exec (db,
                        "INSERT INTO person (code, family_name, given_name, created_at, "
                        "updated_at) VALUES ('BASE-1', 'Baseline', 'Person', "
                        "'2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');"
                        "INSERT INTO course (code, title, created_at, updated_at) VALUES "
                        "('BASE-C', 'Baseline Course', '2024-01-01T00:00:00.000Z', "
                        "'2024-01-01T00:00:00.000Z')",
                        &error);
  g_assert_no_error (error);
}

static char *
dup_baseline (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_rows = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, BASELINE_SQL, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n_rows++;
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, c);

          g_checksum_update (checksum, text ? text : (const guchar *) "\001NULL", -1);
          g_checksum_update (checksum, (const guchar *) "\002", 1);
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n_rows, ==, 2);

  return g_strdup (g_checksum_get_string (checksum));
}

/* How many rows of @table have @column exactly @value (compared as bytes). */
static gint64
count_exact (const char *path,
             const char *sql,
             const char *value)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (stmt, 1, value, (int) strlen (value), SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* Nothing in the output says that a programming error was hit. */
static void
assert_no_criticals (const CohortTestResult *result)
{
  g_assert_null (strstr (result->err, "CRITICAL"));
  g_assert_null (strstr (result->err, "WARNING **"));
  g_assert_null (strstr (result->err, "runtime error"));
  g_assert_null (strstr (result->err, "AddressSanitizer"));
}

/* XML text for @value: the five markup characters escaped, every other byte as it is. */
static char *
xml_escape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\'': g_string_append (out, "&apos;"); break;
      default: g_string_append_c (out, *p);
      }

  return g_string_free (out, FALSE);
}

/* A CSV cell for @value, quoted as RFC 4180 says. */
static char *
csv_cell (const char *value)
{
  GString *out = g_string_new ("\"");

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');

  return g_string_free (out, FALSE);
}

typedef enum
{
  FORMAT_CSV,
  FORMAT_IMS,
  FORMAT_XCRI,
} Format;

static char *
make_file (Format      format,
           const char *name,
           const char *birth_date)
{
  switch (format)
    {
    case FORMAT_CSV:
      {
        g_autofree char *cell = csv_cell (name);

        return g_strdup_printf ("code,family_name,given_name,gender,birth_date\r\n"
                                "H-1,%s,Given,female,%s\r\n", cell, birth_date);
      }
    case FORMAT_IMS:
      {
        g_autofree char *text = xml_escape (name);

        return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<enterprise>\n"
                                "<person><sourcedid><source>x</source><id>H-1</id></sourcedid>"
                                "<name><fn>%s Given</fn><n><family>%s</family>"
                                "<given>Given</given></n></name>"
                                "<demographics><bday>%s</bday></demographics></person>\n"
                                "</enterprise>\n", text, text, birth_date);
      }
    case FORMAT_XCRI:
      {
        g_autofree char *text = xml_escape (name);

        return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<catalog xmlns=\"http://xcri.org/profiles/1.2/catalog\" "
                                "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
                                "xmlns:mlo=\"http://purl.org/net/mlo\" "
                                "generated=\"2024-01-01T00:00:00Z\">\n"
                                "<provider><dc:identifier>https://p.example/</dc:identifier>"
                                "<dc:title>Provider</dc:title>\n"
                                "<course><dc:identifier>H-C</dc:identifier>"
                                "<dc:title>%s</dc:title>\n"
                                "<presentation><dc:identifier>H-R</dc:identifier>"
                                "<mlo:start dtf=\"%s\">start</mlo:start></presentation>\n"
                                "</course></provider></catalog>\n", text, birth_date);
      }
    default:
      g_assert_not_reached ();
    }
}

/* @value with each run of white space made one space, and none at either end. */
static const char *
collapsed (const char *value)
{
  static char *last;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = value; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  g_free (last);
  last = g_string_free (out, FALSE);
  return last;
}

static const char * const file_names[] = { "hostile.csv", "hostile.xml", "hostile.xml" };
static const char * const stored_sql[] = {
  "SELECT count(*) FROM person WHERE CAST(family_name AS BLOB) = ?1",
  "SELECT count(*) FROM person WHERE CAST(family_name AS BLOB) = ?1",
  "SELECT count(*) FROM course WHERE CAST(title AS BLOB) = ?1",
};

/* Reads @contents with the exchange reader of @format: it returns records or an error, and
 * says so consistently. */
static void
read_directly (Format      format,
               const char *contents)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (format)
    {
    case FORMAT_CSV:
      {
        g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
        g_autoptr(CohortCsvReader) reader =
          cohort_csv_reader_new (stream, "hostile.csv", COHORT_CSV_TARGET_TRAINEES);

        ok = cohort_csv_reader_read_all (reader, &records, NULL, &error);
        break;
      }
    case FORMAT_IMS:
      {
        g_autoptr(CohortImsReader) reader = cohort_ims_reader_new_for_bytes (bytes, "hostile.xml");

        ok = cohort_ims_reader_read_all (reader, &records, NULL, &error);
        break;
      }
    case FORMAT_XCRI:
      {
        g_autoptr(CohortXcriReader) reader =
          cohort_xcri_reader_new_for_bytes (bytes, "hostile.xml", COHORT_XCRI_READER_DEFAULT);

        ok = cohort_xcri_reader_read_all (reader, &records, NULL, &error);
        break;
      }
    default:
      g_assert_not_reached ();
    }

  if (ok)
    {
      g_assert_no_error (error);
      g_assert_nonnull (records);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
import_each (CohortTestFixture *fixture,
             Format             format)
{
  static const char * const dates[] = { "1990-01-01", "0000-00-00", "2026-02-30" };
  g_autofree char *file = g_build_filename (fixture->dir, file_names[format], NULL);

  add_baseline (fixture->db);

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    for (guint i = 0; i < hostile_values->len; i++)
      {
        Hostile *h = &g_array_index (hostile_values, Hostile, i);
        g_auto(CohortTestResult) result = { NULL, };
        g_autofree char *contents = make_file (format, h->value, dates[d]);
        g_autofree char *baseline = dup_baseline (fixture->path);
        g_autofree char *baseline_after = NULL;
        g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
        g_autofree char *after = NULL;

        g_test_message ("%s with date %s", h->name, dates[d]);
        read_directly (format, contents);

        g_assert_true (g_file_set_contents (file, contents, -1, NULL));
        cohort_test_run (&result, fixture->path, "import", file, NULL);
        assert_no_criticals (&result);
        g_assert_cmpint (result.status, >=, 0);
        g_assert_cmpint (result.status, <=, 1);

        baseline_after = dup_baseline (fixture->path);
        g_assert_cmpstr (baseline, ==, baseline_after);

        if (result.status == 0 && count_exact (fixture->path, stored_sql[format], h->value) > 0)
          {
            /* Stored: exactly as given, and no impossible date came with it. */
            g_assert_true (g_utf8_validate (h->value, -1, NULL));
            g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                                      "SELECT count(*) FROM person "
                                                      "WHERE birth_date IN ('0000-00-00', "
                                                      "'2026-02-30')"), ==, 0);
            g_assert_cmpint (cohort_test_query_int64 (fixture->path,
                                                      "SELECT count(*) FROM course_run "
                                                      "WHERE start_date IN ('0000-00-00', "
                                                      "'2026-02-30')"), ==, 0);
            /* Clean up for the next value. */
            cohort_test_exec_sql (fixture->path,
                                  "DELETE FROM person_nationality WHERE person_id IN "
                                  "(SELECT id FROM person WHERE code = 'H-1');"
                                  "DELETE FROM enrolment WHERE person_id IN "
                                  "(SELECT id FROM person WHERE code = 'H-1');"
                                  "DELETE FROM person WHERE code = 'H-1';"
                                  "DELETE FROM course_run WHERE code = 'H-R';"
                                  "DELETE FROM course WHERE code = 'H-C';");
          }
        else if (result.status == 0 && format != FORMAT_CSV &&
                 count_exact (fixture->path, stored_sql[format], collapsed (h->value)) > 0)
          {
            /* XML text: stored with its white space collapsed, as names and titles in XML
             * are read, and otherwise exactly. */
            cohort_test_exec_sql (fixture->path,
                                  "DELETE FROM person WHERE code = 'H-1';"
                                  "DELETE FROM course_run WHERE code = 'H-R';"
                                  "DELETE FROM course WHERE code = 'H-C';");
          }
        else
          {
            /* Refused, or imported without the bad value: said so, where. */
            g_assert_cmpstr (result.err, !=, "");
            if (result.status == 1)
              {
                after = cohort_test_dup_database_checksum (fixture->path);
                g_assert_cmpstr (before, ==, after);
              }
            g_assert_cmpint (count_exact (fixture->path, stored_sql[format], h->value), ==, 0);
            cohort_test_exec_sql (fixture->path,
                                  "DELETE FROM person WHERE code = 'H-1';"
                                  "DELETE FROM course_run WHERE code = 'H-R';"
                                  "DELETE FROM course WHERE code = 'H-C';");
          }
      }
}

static void
test_import_csv (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  import_each (fixture, FORMAT_CSV);
}

static void
test_import_ims (CohortTestFixture *fixture,
                 gconstpointer      user_data)
{
  import_each (fixture, FORMAT_IMS);
}

static void
test_import_xcri (CohortTestFixture *fixture,
                  gconstpointer      user_data)
{
  import_each (fixture, FORMAT_XCRI);
}

/* The store, as the editors save through it. */
static void
test_store (CohortTestFixture *fixture,
            gconstpointer      user_data)
{
  static const char * const fields[] = {
    "family-name", "given-name-local", "email", "notes", "gender-self", "code",
  };
  static const char * const dates[] = { "0000-00-00", "2026-02-30", "2026-2-3", "99999-01-01" };

  add_baseline (fixture->db);

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint i = 0; i < hostile_values->len; i++)
      {
        Hostile *h = &g_array_index (hostile_values, Hostile, i);
        g_autoptr(CohortPerson) person = cohort_person_new ();
        g_autoptr(GError) error = NULL;
        g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
        g_autofree char *after = NULL;
        g_autofree char *value = NULL;
        gboolean ok;

        g_test_message ("%s in %s", h->name, fields[f]);
        cohort_person_set_code (person, "H-1");
        cohort_person_set_family_name (person, "Hostile");
        g_object_set (person, fields[f], h->value, NULL);

        ok = cohort_store_save (fixture->db, COHORT_RECORD (person), &error);
        g_assert_false (cohort_database_in_transaction (fixture->db));
        if (!ok)
          {
            g_assert_nonnull (error);
            g_assert_true (g_utf8_validate (error->message, -1, NULL));
            after = cohort_test_dup_database_checksum (fixture->path);
            g_assert_cmpstr (before, ==, after);
            continue;
          }

        {
          g_autoptr(CohortRecord) loaded = NULL;

          g_assert_no_error (error);
          loaded = cohort_store_load (fixture->db, COHORT_TYPE_PERSON,
                                      cohort_record_get_id (COHORT_RECORD (person)), &error);
          g_assert_no_error (error);
          g_object_get (loaded, fields[f], &value, NULL);
          g_assert_cmpstr (value, ==, h->value);
          g_assert_true (cohort_store_delete (fixture->db, COHORT_TYPE_PERSON,
                                              cohort_record_get_id (COHORT_RECORD (person)),
                                              &error));
          g_assert_no_error (error);
          cohort_test_exec_sql (fixture->path, "DELETE FROM person WHERE code = 'H-1'");
        }
      }

  for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
    {
      g_autoptr(CohortPerson) person = cohort_person_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *before = cohort_test_dup_database_checksum (fixture->path);
      g_autofree char *after = NULL;

      cohort_person_set_code (person, "H-2");
      cohort_person_set_family_name (person, "Dated");
      cohort_person_set_birth_date (person, dates[d]);
      g_assert_false (cohort_store_save (fixture->db, COHORT_RECORD (person), &error));
      g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_INVALID);
      g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "birth_date");
      after = cohort_test_dup_database_checksum (fixture->path);
      g_assert_cmpstr (before, ==, after);
    }
}

/* The command line's own arguments. */
static void
test_arguments (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  g_auto(CohortTestResult) result = { NULL, };
  g_autofree char *not_a_db = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *odd = g_build_filename (fixture->dir, "odd\nname \xe2\x80\xae" "bd.db", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no", "such", "folder", "x.db",
                                               NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_baseline (fixture->db);
  before = cohort_test_dup_database_checksum (fixture->path);
  g_assert_true (g_file_set_contents (not_a_db, "Robert'); DROP TABLE person;--\n", -1, NULL));

  cohort_test_run (&result, NULL, "--database", "", "stats", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);

  cohort_test_run (&result, fixture->dir, "stats", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, !=, "");
  assert_no_criticals (&result);

  cohort_test_run (&result, not_a_db, "stats", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, !=, "");
  assert_no_criticals (&result);

  cohort_test_run (&result, missing, "stats", NULL);
  g_assert_cmpint (result.status, ==, 1);
  g_assert_cmpstr (result.err, !=, "");
  assert_no_criticals (&result);

  cohort_test_run (&result, odd, "demo", "--trainees", "3", NULL);
  g_assert_cmpint (result.status, ==, 0);
  assert_no_criticals (&result);
  g_assert_true (g_file_test (odd, G_FILE_TEST_IS_REGULAR));

  cohort_test_run (&result, fixture->path, "demo", "--trainees", "-5", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "demo", "--trainees", "99999999999999999999999",
                   NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "demo", "--trainees", "1e9", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "demo", "--seed", "-99999999999999999999", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);

  cohort_test_run (&result, fixture->path, "export", "everything", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "export", "Robert'); DROP TABLE person;--", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "stats", "--format", "\xff\xfe", NULL);
  g_assert_cmpint (result.status, ==, 2);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "import", "/no/such/file.xml", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "import", fixture->dir, NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "person", "export", "Robert'); DROP TABLE person;--",
                   NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_no_criticals (&result);
  cohort_test_run (&result, fixture->path, "person", "erase", "BASE-1\xff", "--yes", NULL);
  g_assert_cmpint (result.status, ==, 1);
  assert_no_criticals (&result);

  after = cohort_test_dup_database_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* The lines of @output that GLib's log handler wrote (any level, any domain). */
static void
append_log_lines (GString    *out,
                  const char *output)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "-DEBUG") != NULL || strstr (lines[i], "-INFO") != NULL ||
        strstr (lines[i], "-WARNING") != NULL || strstr (lines[i], "-CRITICAL") != NULL ||
        strstr (lines[i], "-Message") != NULL || strstr (lines[i], "** (") != NULL ||
        strstr (lines[i], "-MESSAGE") != NULL)
      {
        g_string_append (out, lines[i]);
        g_string_append_c (out, '\n');
      }
}

/* With every debug message on, what the command line prints on stderr names nobody: ids and
 * codes only.  (The plan of an import, on stdout, is for the user and may show names.) */
static void
test_no_personal_data_in_logs (CohortTestFixture *fixture,
                               gconstpointer      user_data)
{
  static const char * const secrets[] = {
    "Zanzibarova", "Xiomelda", "ザンジバロワ", "زنجبار", "xiomelda.z@example.org", "1977-07-17",
    "Oyelaranova", "t.oyelaranova@example.org",
  };
  g_auto(CohortTestResult) result = { NULL, };
  g_autofree char *csv = g_build_filename (fixture->dir, "trainees.csv", NULL);
  g_autofree char *ims = g_build_filename (fixture->dir, "people.xml", NULL);
  g_autofree char *json = g_build_filename (fixture->dir, "out.json", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autoptr(GString) logged = g_string_new (NULL);
  const char *old_debug = g_getenv ("G_MESSAGES_DEBUG");
  g_autofree char *saved_debug = g_strdup (old_debug);

  g_assert_true (g_file_set_contents (csv,
                                      "code,family_name,given_name,family_name_local,"
                                      "given_name_local,gender,birth_date,email\n"
                                      "S-1,Zanzibarova,Xiomelda,ザンジバロワ,زنجبار,female,"
                                      "1977-07-17,xiomelda.z@example.org\n"
                                      "S-2,Zanzibarova,Xiomelda,,,female,1977-02-30,"
                                      "xiomelda.z@example.org\n", -1, NULL));
  g_assert_true (g_file_set_contents (ims,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<enterprise><person><sourcedid><source>x</source>"
                                      "<id>S-3</id></sourcedid><name><fn>Temitope "
                                      "Oyelaranova</fn><n><family>Oyelaranova</family>"
                                      "<given>Temitope</given></n></name>"
                                      "<email>t.oyelaranova@example.org</email></person>"
                                      "</enterprise>\n", -1, NULL));

  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);

  /* An import's plan and its rejections are for the user and may name people: only the log
   * lines of those runs are looked at. */
  cohort_test_run (&result, fixture->path, "import", csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  append_log_lines (logged, result.out);
  append_log_lines (logged, result.err);
  cohort_test_run (&result, fixture->path, "import", ims, NULL);
  g_assert_cmpint (result.status, ==, 0);
  append_log_lines (logged, result.out);
  append_log_lines (logged, result.err);

  /* These print only codes, whatever they do. */
  cohort_test_run (&result, fixture->path, "person", "export", "S-1", "-o", json, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_string_append (logged, result.err);
  g_string_append (logged, result.out);
  cohort_test_run (&result, fixture->path, "person", "export", "S-1", "--format", "pdf",
                   "-o", pdf, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_string_append (logged, result.err);
  g_string_append (logged, result.out);
  cohort_test_run (&result, fixture->path, "person", "anonymise", "S-3", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_string_append (logged, result.err);
  g_string_append (logged, result.out);
  cohort_test_run (&result, fixture->path, "person", "erase", "S-1", "--yes", NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_string_append (logged, result.err);
  g_string_append (logged, result.out);

  if (saved_debug != NULL)
    g_setenv ("G_MESSAGES_DEBUG", saved_debug, TRUE);
  else
    g_unsetenv ("G_MESSAGES_DEBUG");

  /* The debug messages were on: something was logged. */
  g_assert_nonnull (strstr (logged->str, "-DEBUG"));
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_test_message ("looking for %s", secrets[i]);
      g_assert_null (strstr (logged->str, secrets[i]));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  make_hostile_values ();

  cohort_test_add ("/cohort/hostile-input/store", test_store);
  cohort_test_add ("/cohort/hostile-input/arguments", test_arguments);
  cohort_test_add ("/cohort/hostile-input/no-personal-data-in-logs",
                   test_no_personal_data_in_logs);
  cohort_test_add ("/cohort/hostile-input/import/csv", test_import_csv);
  cohort_test_add ("/cohort/hostile-input/import/ims", test_import_ims);
  cohort_test_add ("/cohort/hostile-input/import/xcri", test_import_xcri);

  status = g_test_run ();
  g_array_unref (hostile_values);

  return status;
}
