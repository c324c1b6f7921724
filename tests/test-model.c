/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-import-batch.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-run-trainer.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/* The vocabularies and the rules that need no database. */

#define assert_valid(record) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    gboolean _ok = cohort_record_validate (COHORT_RECORD (record), &_error); \
    g_assert_no_error (_error); \
    g_assert_true (_ok); \
  } G_STMT_END

#define assert_invalid(record, code, field) \
  G_STMT_START { \
    g_autoptr(GError) _error = NULL; \
    gboolean _ok = cohort_record_validate (COHORT_RECORD (record), &_error); \
    g_assert_false (_ok); \
    g_assert_error (_error, COHORT_VALIDATION_ERROR, code); \
    g_assert_cmpstr (cohort_validation_error_get_field (_error), ==, field); \
    g_assert_true (g_utf8_validate (_error->message, -1, NULL)); \
    g_assert_cmpuint (strlen (_error->message), >, 10); \
  } G_STMT_END

/* Vocabularies */

static const struct {
  CohortVocabulary  vocabulary;
  const char       *table;
  const char       *column;
} vocabulary_columns[] = {
  { COHORT_VOCABULARY_GENDER, "person", "gender" },
  { COHORT_VOCABULARY_NAME_ORDER, "person", "name_order" },
  { COHORT_VOCABULARY_ORGANISATION_KIND, "organisation", "kind" },
  { COHORT_VOCABULARY_RUN_MODE, "course_run", "mode" },
  { COHORT_VOCABULARY_RUN_STATUS, "course_run", "status" },
  { COHORT_VOCABULARY_ENROLMENT_STATUS, "enrolment", "status" },
  { COHORT_VOCABULARY_TRAINER_ROLE, "run_trainer", "role" },
  { COHORT_VOCABULARY_PLACEMENT_MODALITY, "placement", "modality" },
  { COHORT_VOCABULARY_PLACEMENT_STATUS, "placement", "status" },
  { COHORT_VOCABULARY_CAREER_SECTOR, "career_record", "sector" },
  { COHORT_VOCABULARY_CAREER_SOURCE, "career_record", "source" },
  { COHORT_VOCABULARY_IMPORT_FORMAT, "import_batch", "format" },
  { COHORT_VOCABULARY_IMPORT_OUTCOME, "import_batch", "outcome" },
};

static char *
dup_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  bytes = g_resources_lookup_data ("/org/peacetraining/Cohort/sql/001-initial.sql",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The text of `CREATE TABLE table (…);` in the schema. */
static char *
dup_table_definition (const char *schema,
                      const char *table)
{
  g_autofree char *start_text = g_strdup_printf ("CREATE TABLE %s (", table);
  const char *start = strstr (schema, start_text);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start, "\n);");
  g_assert_nonnull (end);

  return g_strndup (start, (gsize) (end - start));
}

static void
test_vocabulary_matches_schema (void)
{
  g_autofree char *schema = dup_schema ();
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (COHORT_TYPE_VOCABULARY);

  /* Every vocabulary is checked against its column. */
  g_assert_cmpuint (enum_class->n_values, ==, G_N_ELEMENTS (vocabulary_columns));

  for (guint i = 0; i < G_N_ELEMENTS (vocabulary_columns); i++)
    {
      g_autofree char *definition = dup_table_definition (schema, vocabulary_columns[i].table);
      g_autofree char *pattern = NULL;
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *list = NULL;
      g_auto(GStrv) items = NULL;
      const CohortVocabularyTerm *terms;
      const char *default_code;
      guint n_terms = 0;
      guint n_items = 0;

      terms = cohort_vocabulary_get_terms (vocabulary_columns[i].vocabulary, &n_terms);
      g_assert_nonnull (terms);

      /* The CHECK (column IN (…)) list, with or without "column IS NULL OR". */
      pattern = g_strdup_printf ("CHECK \\((?:%s IS NULL OR )?%s IN \\(([^)]*)\\)\\)",
                                 vocabulary_columns[i].column, vocabulary_columns[i].column);
      regex = g_regex_new (pattern, G_REGEX_DOTALL, 0, &error);
      g_assert_no_error (error);
      if (!g_regex_match (regex, definition, 0, &match))
        g_error ("No CHECK list for %s.%s", vocabulary_columns[i].table,
                 vocabulary_columns[i].column);

      list = g_match_info_fetch (match, 1);
      items = g_regex_split_simple ("[\\s,']+", list, 0, 0);
      for (guint j = 0; items[j] != NULL; j++)
        {
          if (items[j][0] == '\0')
            continue;
          n_items++;
          if (!cohort_vocabulary_contains (vocabulary_columns[i].vocabulary, items[j]))
            g_error ("%s.%s allows “%s”, which the vocabulary lacks",
                     vocabulary_columns[i].table, vocabulary_columns[i].column, items[j]);
        }
      g_assert_cmpuint (n_items, ==, n_terms);

      /* The default is the column's DEFAULT. */
      default_code = cohort_vocabulary_get_default (vocabulary_columns[i].vocabulary);
      if (default_code != NULL)
        {
          g_autofree char *expected = g_strdup_printf ("%s TEXT NOT NULL DEFAULT '%s'",
                                                       vocabulary_columns[i].column,
                                                       default_code);
          g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
          g_autofree char *flat = g_regex_replace_literal (spaces, definition, -1, 0, " ", 0,
                                                           NULL);

          if (strstr (flat, expected) == NULL)
            g_error ("%s.%s: expected “%s”", vocabulary_columns[i].table,
                     vocabulary_columns[i].column, expected);
        }
    }
}

static void
test_vocabulary_gtype (void)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (COHORT_TYPE_VOCABULARY);
  GEnumValue *value;

  g_assert_true (G_TYPE_IS_ENUM (COHORT_TYPE_VOCABULARY));
  value = g_enum_get_value (enum_class, COHORT_VOCABULARY_PLACEMENT_STATUS);
  g_assert_nonnull (value);
  g_assert_cmpstr (value->value_nick, ==, "placement-status");
  value = g_enum_get_value_by_nick (enum_class, "career-sector");
  g_assert_nonnull (value);
  g_assert_cmpint (value->value, ==, COHORT_VOCABULARY_CAREER_SECTOR);
}

static void
test_vocabulary_contains (void)
{
  g_assert_true (cohort_vocabulary_contains (COHORT_VOCABULARY_GENDER, "female"));
  g_assert_true (cohort_vocabulary_contains (COHORT_VOCABULARY_PLACEMENT_STATUS,
                                             "on_assignment"));
  g_assert_false (cohort_vocabulary_contains (COHORT_VOCABULARY_GENDER, "Female"));
  g_assert_false (cohort_vocabulary_contains (COHORT_VOCABULARY_GENDER, "on_assignment"));
  g_assert_false (cohort_vocabulary_contains (COHORT_VOCABULARY_GENDER, ""));
  g_assert_false (cohort_vocabulary_contains (COHORT_VOCABULARY_GENDER, NULL));
  g_assert_false (cohort_vocabulary_contains (COHORT_VOCABULARY_GENDER, "female "));
}

static void
test_vocabulary_labels (void)
{
  static const char * const sectors[] = {
    "un_international", "government", "development_agency", "ngo", "academia",
    "private_sector", "student", "other",
  };
  const CohortVocabularyTerm *terms;
  guint n_terms = 0;

  /* The ministry's classes, in its order. */
  terms = cohort_vocabulary_get_terms (COHORT_VOCABULARY_CAREER_SECTOR, &n_terms);
  g_assert_cmpuint (n_terms, ==, G_N_ELEMENTS (sectors));
  for (guint i = 0; i < n_terms; i++)
    g_assert_cmpstr (terms[i].code, ==, sectors[i]);

  g_assert_cmpstr (cohort_vocabulary_get_label (COHORT_VOCABULARY_CAREER_SECTOR,
                                                "un_international"),
                   ==, "UN or other international organisation");
  g_assert_cmpstr (cohort_vocabulary_get_label (COHORT_VOCABULARY_PLACEMENT_STATUS,
                                                "ended_early"), ==, "Ended early");
  g_assert_null (cohort_vocabulary_get_label (COHORT_VOCABULARY_PLACEMENT_STATUS, "finished"));
  g_assert_null (cohort_vocabulary_get_label (COHORT_VOCABULARY_PLACEMENT_STATUS, NULL));

  /* Every term of every list has a label and a context; codes are unique in their list. */
  for (guint v = 0; v < G_N_ELEMENTS (vocabulary_columns); v++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      terms = cohort_vocabulary_get_terms (vocabulary_columns[v].vocabulary, &n_terms);
      g_assert_cmpuint (n_terms, >, 1);
      g_assert_cmpstr (cohort_vocabulary_get_title (vocabulary_columns[v].vocabulary), !=, "");
      for (guint i = 0; i < n_terms; i++)
        {
          g_assert_true (g_hash_table_add (seen, (gpointer) terms[i].code));
          g_assert_nonnull (terms[i].context);
          g_assert_cmpstr (cohort_vocabulary_term_get_label (&terms[i]), !=, "");
          g_assert_cmpstr (cohort_vocabulary_get_label (vocabulary_columns[v].vocabulary,
                                                        terms[i].code),
                           ==, cohort_vocabulary_term_get_label (&terms[i]));
        }
    }
}

/* Validation errors */

static void
test_error_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = NULL;

  cohort_validation_set_error (&error, COHORT_VALIDATION_ERROR_ORDER, "end_date",
                               "The end date is before the start date");
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_ORDER);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "end_date");
  g_assert_cmpstr (error->message, ==, "The end date is before the start date");

  /* The field survives a copy and a prefix. */
  copy = g_error_copy (error);
  g_assert_cmpstr (cohort_validation_error_get_field (copy), ==, "end_date");
  g_prefix_error (&copy, "Row 3: ");
  g_assert_cmpstr (cohort_validation_error_get_field (copy), ==, "end_date");

  /* Other domains have no field. */
  g_set_error_literal (&other, G_IO_ERROR, G_IO_ERROR_FAILED, "no");
  g_assert_null (cohort_validation_error_get_field (other));
  g_assert_null (cohort_validation_error_get_field (NULL));

  /* Nothing is set when the caller does not want the error. */
  cohort_validation_set_error (NULL, COHORT_VALIDATION_ERROR_INVALID, "code", "ignored");

  g_assert_cmpstr (cohort_validation_get_field_label ("end_date"), ==, "End date");
  g_assert_cmpstr (cohort_validation_get_field_label ("no_such_column"), ==, "no_such_column");
}

/* Persons */

static CohortPerson *
new_person (void)
{
  CohortPerson *person = cohort_person_new ();

  cohort_person_set_code (person, "P-001");
  cohort_person_set_family_name (person, "Tanaka");
  cohort_person_set_given_name (person, "Hanako");
  return person;
}

static void
test_person_required (void)
{
  g_autoptr(CohortPerson) person = new_person ();
  g_autoptr(GError) error = NULL;

  assert_valid (person);

  cohort_person_set_code (person, NULL);
  g_assert_false (cohort_record_validate (COHORT_RECORD (person), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_REQUIRED);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "code");
  g_assert_cmpstr (error->message, ==, "A person needs a code");

  cohort_person_set_code (person, "   ");
  assert_invalid (person, COHORT_VALIDATION_ERROR_REQUIRED, "code");
  cohort_person_set_code (person, "");
  assert_invalid (person, COHORT_VALIDATION_ERROR_REQUIRED, "code");
  cohort_person_set_code (person, "P-001");

  /* No name at all. */
  cohort_person_set_family_name (person, NULL);
  cohort_person_set_given_name (person, "");
  assert_invalid (person, COHORT_VALIDATION_ERROR_REQUIRED, "family_name");

  /* One name is enough, romanised or local. */
  cohort_person_set_given_name (person, "Madonna");
  assert_valid (person);
  cohort_person_set_given_name (person, NULL);
  cohort_person_set_family_name_local (person, "田中");
  assert_valid (person);
  cohort_person_set_family_name_local (person, NULL);
  cohort_person_set_given_name_local (person, "አበበ");
  assert_valid (person);

  /* An anonymised person has no name. */
  cohort_person_set_given_name_local (person, NULL);
  assert_invalid (person, COHORT_VALIDATION_ERROR_REQUIRED, "family_name");
  cohort_person_set_anonymised_at (person, "2026-01-01T00:00:00.000Z");
  assert_valid (person);
}

static void
test_person_values (void)
{
  g_autoptr(CohortPerson) person = new_person ();
  g_autoptr(GError) error = NULL;

  cohort_person_set_gender (person, "female");
  cohort_person_set_name_order (person, "family_first");
  cohort_person_set_birth_date (person, "1990-02-28");
  cohort_person_set_nationality (person, "JP");
  cohort_person_set_email (person, "hanako.tanaka+cohort@example.org");
  assert_valid (person);

  cohort_person_set_gender (person, "woman");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "gender");
  cohort_person_set_gender (person, NULL);
  assert_valid (person);

  cohort_person_set_name_order (person, "surname_first");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "name_order");
  cohort_person_set_name_order (person, "given_first");

  cohort_person_set_birth_date (person, "1990-02-30");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "birth_date");
  cohort_person_set_birth_date (person, "0000-00-00");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "birth_date");
  cohort_person_set_birth_date (person, "1990");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "birth_date");
  cohort_person_set_birth_date (person, "2999-01-01");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "birth_date");
  cohort_person_set_birth_date (person, "1992-02-29");
  assert_valid (person);

  cohort_person_set_nationality (person, "XYZ");
  g_assert_false (cohort_record_validate (COHORT_RECORD (person), &error));
  g_assert_error (error, COHORT_VALIDATION_ERROR, COHORT_VALIDATION_ERROR_INVALID);
  g_assert_cmpstr (cohort_validation_error_get_field (error), ==, "nationality");
  g_assert_cmpstr (error->message, ==, "“XYZ” is not a country code");
  cohort_person_set_nationality (person, "jp");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "nationality");
  cohort_person_set_nationality (person, "KE");
  assert_valid (person);

  {
    static const char * const bad_emails[] = {
      "hanako", "hanako@", "@example.org", "hanako@example", "hanako@@example.org",
      "hanako tanaka@example.org", "hanako@example..org", "hanako@.example.org",
      "hanako@example.org.",
    };
    static const char * const good_emails[] = {
      "h@example.org", "HANAKO@EXAMPLE.ORG", "o'brien@example.ie", "名前@例え.jp",
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
      {
        cohort_person_set_email (person, bad_emails[i]);
        assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "email");
      }
    for (guint i = 0; i < G_N_ELEMENTS (good_emails); i++)
      {
        cohort_person_set_email (person, good_emails[i]);
        assert_valid (person);
      }
  }
}

static void
test_text (void)
{
  static const char * const names[] = {
    "田中", "عبد الله", "\u200F\u0645\u0631\u064A\u0645\u200F", "សុខ", "አበበ", "O'Brien",
    "\"Quoted\"", "'); DROP TABLE person;--", "Nguyễn Thị", "Ⅻ\u200D",
  };
  g_autoptr(CohortPerson) person = new_person ();
  g_autoptr(CohortCourse) course = cohort_course_new ();

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      cohort_person_set_family_name (person, names[i]);
      assert_valid (person);
    }

  /* Not text. */
  cohort_person_set_family_name (person, "Tan\xff" "aka");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "family_name");
  cohort_person_set_family_name (person, "Tan\x01" "aka");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "family_name");
  cohort_person_set_family_name (person, "Tan\x7f" "aka");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "family_name");
  cohort_person_set_family_name (person, "Tanaka");

  /* Names fit on one line; notes may have lines and tabs, but no other control. */
  cohort_person_set_given_name (person, "Hana\nko");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "given_name");
  cohort_person_set_given_name (person, "Hana\tko");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "given_name");
  cohort_person_set_given_name (person, "Hanako");
  cohort_person_set_notes (person, "First line\n\tindented\r\nthird");
  assert_valid (person);
  cohort_person_set_notes (person, "Bell\a");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "notes");
  cohort_person_set_notes (person, NULL);
  cohort_person_set_code (person, "P\x1b[31m");
  assert_invalid (person, COHORT_VALIDATION_ERROR_INVALID, "code");

  cohort_course_set_code (course, "C-1");
  cohort_course_set_title (course, "Peacebuilding");
  cohort_course_set_description (course, "Week 1\tonline\nWeeks 2–4\tHiroshima");
  assert_valid (course);
  cohort_course_set_description (course, "bad \x0c form feed");
  assert_invalid (course, COHORT_VALIDATION_ERROR_INVALID, "description");
}

/* Dates */

static void
test_run_dates (void)
{
  static const struct {
    const char *date;
    gboolean    valid;
  } dates[] = {
    { "2024-02-29", TRUE },
    { "2023-02-29", FALSE },
    { "2026-02-30", FALSE },
    { "2026-04-31", FALSE },
    { "0000-00-00", FALSE },
    { "2026-00-10", FALSE },
    { "2026-13-01", FALSE },
    { "2026-1-01", FALSE },
    { "2026-01-01T10:00", FALSE },
    { "01/04/2026", FALSE },
    { "2026-12-31", TRUE },
  };
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();

  cohort_course_run_set_course_id (run, 1);
  cohort_course_run_set_code (run, "PC-2026");
  assert_valid (run);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      cohort_course_run_set_start_date (run, dates[i].date);
      if (dates[i].valid)
        assert_valid (run);
      else
        assert_invalid (run, COHORT_VALIDATION_ERROR_INVALID, "start_date");
    }

  /* End not before start; the same day is fine. */
  cohort_course_run_set_start_date (run, "2026-04-01");
  cohort_course_run_set_end_date (run, "2026-04-01");
  assert_valid (run);
  cohort_course_run_set_end_date (run, "2026-04-28");
  assert_valid (run);
  cohort_course_run_set_end_date (run, "2026-03-31");
  assert_invalid (run, COHORT_VALIDATION_ERROR_ORDER, "end_date");
  cohort_course_run_set_end_date (run, "2026-02-30");
  assert_invalid (run, COHORT_VALIDATION_ERROR_INVALID, "end_date");
  cohort_course_run_set_end_date (run, "2026-04-28");
}

static void
test_run_rules (void)
{
  g_autoptr(CohortCourseRun) run = cohort_course_run_new ();

  cohort_course_run_set_code (run, "PC-2026");
  assert_invalid (run, COHORT_VALIDATION_ERROR_REQUIRED, "course_id");
  cohort_course_run_set_course_id (run, 1);
  cohort_course_run_set_code (run, NULL);
  assert_invalid (run, COHORT_VALIDATION_ERROR_REQUIRED, "code");
  cohort_course_run_set_code (run, "PC-2026");

  cohort_course_run_set_mode (run, "hybrid");
  cohort_course_run_set_status (run, "open");
  cohort_course_run_set_capacity (run, 23);
  cohort_course_run_set_fiscal_year (run, 2026);
  assert_valid (run);

  cohort_course_run_set_mode (run, "remote");
  assert_invalid (run, COHORT_VALIDATION_ERROR_INVALID, "mode");
  cohort_course_run_set_mode (run, NULL);
  cohort_course_run_set_status (run, "finished");
  assert_invalid (run, COHORT_VALIDATION_ERROR_INVALID, "status");

  /* Capacity ≥ 0 (0: not given). */
  cohort_course_run_set_status (run, "open");
  cohort_course_run_set_capacity (run, -1);
  assert_invalid (run, COHORT_VALIDATION_ERROR_INVALID, "capacity");
  cohort_course_run_set_capacity (run, 0);
  assert_valid (run);

  cohort_course_run_set_fiscal_year (run, 1800);
  assert_invalid (run, COHORT_VALIDATION_ERROR_INVALID, "fiscal_year");
  cohort_course_run_set_fiscal_year (run, 0);
  assert_valid (run);

  /* A run that is running or completed has a start date. */
  cohort_course_run_set_status (run, "running");
  assert_invalid (run, COHORT_VALIDATION_ERROR_REQUIRED, "start_date");
  cohort_course_run_set_status (run, "completed");
  assert_invalid (run, COHORT_VALIDATION_ERROR_REQUIRED, "start_date");
  cohort_course_run_set_start_date (run, "2026-04-01");
  assert_valid (run);
}

static void
test_enrolment_rules (void)
{
  g_autoptr(CohortEnrolment) enrolment = cohort_enrolment_new ();

  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_REQUIRED, "person_id");
  cohort_enrolment_set_person_id (enrolment, 1);
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_REQUIRED, "run_id");
  cohort_enrolment_set_run_id (enrolment, 1);
  assert_valid (enrolment);

  cohort_enrolment_set_status (enrolment, "accepted");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_INVALID, "status");

  /* A reserve has a rank, and only a reserve. */
  cohort_enrolment_set_status (enrolment, "reserve");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_REQUIRED, "reserve_rank");
  cohort_enrolment_set_reserve_rank (enrolment, 2);
  assert_valid (enrolment);
  cohort_enrolment_set_status (enrolment, "selected");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_INVALID, "reserve_rank");
  cohort_enrolment_set_reserve_rank (enrolment, 0);
  assert_valid (enrolment);

  /* Completion date and certificate for completed enrolments. */
  cohort_enrolment_set_decided_on (enrolment, "2026-02-15");
  cohort_enrolment_set_completed_on (enrolment, "2026-04-28");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_INVALID, "completed_on");
  cohort_enrolment_set_status (enrolment, "completed");
  assert_valid (enrolment);
  cohort_enrolment_set_status (enrolment, "participated");
  assert_valid (enrolment);
  cohort_enrolment_set_completed_on (enrolment, "2026-02-14");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_ORDER, "completed_on");
  cohort_enrolment_set_completed_on (enrolment, "2026-02-31");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_INVALID, "completed_on");
  cohort_enrolment_set_completed_on (enrolment, NULL);
  cohort_enrolment_set_certificate_number (enrolment, "C-2026-7");
  assert_valid (enrolment);
  cohort_enrolment_set_status (enrolment, "withdrawn");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_INVALID, "certificate_number");
  cohort_enrolment_set_certificate_number (enrolment, NULL);

  /* A reason for withdrawal for withdrawn enrolments. */
  cohort_enrolment_set_withdrawal_reason (enrolment, "Family reasons");
  assert_valid (enrolment);
  cohort_enrolment_set_status (enrolment, "enrolled");
  assert_invalid (enrolment, COHORT_VALIDATION_ERROR_INVALID, "withdrawal_reason");
}

static CohortPlacement *
new_placement (void)
{
  CohortPlacement *placement = cohort_placement_new ();

  cohort_placement_set_person_id (placement, 1);
  return placement;
}

static void
test_placement_rules (void)
{
  static const char * const begun[] = { "on_assignment", "extended", "completed", "ended_early" };
  g_autoptr(CohortPlacement) placement = new_placement ();

  /* A proposal needs nothing but a person. */
  assert_valid (placement);
  cohort_placement_set_person_id (placement, 0);
  assert_invalid (placement, COHORT_VALIDATION_ERROR_REQUIRED, "person_id");
  cohort_placement_set_person_id (placement, 1);

  cohort_placement_set_status (placement, "active");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_INVALID, "status");
  cohort_placement_set_status (placement, "confirmed");
  cohort_placement_set_modality (placement, "volunteer");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_INVALID, "modality");
  cohort_placement_set_modality (placement, "un_volunteer");
  cohort_placement_set_country (placement, "Kenya");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_INVALID, "country");
  cohort_placement_set_country (placement, NULL);
  assert_valid (placement);

  /* Begun: host, country and start date. */
  for (guint i = 0; i < G_N_ELEMENTS (begun); i++)
    {
      g_autoptr(CohortPlacement) p = new_placement ();

      cohort_placement_set_status (p, begun[i]);
      cohort_placement_set_actual_end_date (p, "2025-03-31");
      assert_invalid (p, COHORT_VALIDATION_ERROR_REQUIRED, "host_id");
      cohort_placement_set_host_id (p, 3);
      assert_invalid (p, COHORT_VALIDATION_ERROR_REQUIRED, "country");
      cohort_placement_set_country (p, "KE");
      assert_invalid (p, COHORT_VALIDATION_ERROR_REQUIRED, "start_date");
      cohort_placement_set_start_date (p, "2024-04-01");
      assert_valid (p);
    }

  /* Ended early: the day it ended. */
  cohort_placement_set_status (placement, "ended_early");
  cohort_placement_set_host_id (placement, 3);
  cohort_placement_set_country (placement, "KE");
  cohort_placement_set_start_date (placement, "2024-04-01");
  cohort_placement_set_end_date (placement, "2025-03-31");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_REQUIRED, "actual_end_date");
  cohort_placement_set_actual_end_date (placement, "2024-10-15");
  assert_valid (placement);

  /* Ends not before the start. */
  cohort_placement_set_end_date (placement, "2024-03-31");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_ORDER, "end_date");
  cohort_placement_set_end_date (placement, "2024-04-01");
  assert_valid (placement);
  cohort_placement_set_actual_end_date (placement, "2024-03-01");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_ORDER, "actual_end_date");
  cohort_placement_set_actual_end_date (placement, "2024-02-30");
  assert_invalid (placement, COHORT_VALIDATION_ERROR_INVALID, "actual_end_date");
  cohort_placement_set_actual_end_date (placement, "2024-10-15");

  cohort_placement_set_supervisor_id (placement, 1);
  assert_invalid (placement, COHORT_VALIDATION_ERROR_INVALID, "supervisor_id");
  cohort_placement_set_supervisor_id (placement, 2);
  assert_valid (placement);
}

static void
test_career_rules (void)
{
  static const struct {
    const char *start;
    const char *end;
    int         expected; /* -1 valid, else the error code */
    const char *field;
  } cases[] = {
    { "2019", "2019-05", -1, NULL },
    { "2019-06", "2019", -1, NULL },       /* the same year: cannot tell */
    { "2019-06-15", "2019-06", -1, NULL },
    { "2019-06", "2019-05", COHORT_VALIDATION_ERROR_ORDER, "end_date" },
    { "2020", "2019-12-31", COHORT_VALIDATION_ERROR_ORDER, "end_date" },
    { "2019-06-15", "2019-06-14", COHORT_VALIDATION_ERROR_ORDER, "end_date" },
    { "2019-13", NULL, COHORT_VALIDATION_ERROR_INVALID, "start_date" },
    { "0000", NULL, COHORT_VALIDATION_ERROR_INVALID, "start_date" },
    { "2019-02-30", NULL, COHORT_VALIDATION_ERROR_INVALID, "start_date" },
    { "19", NULL, COHORT_VALIDATION_ERROR_INVALID, "start_date" },
    { NULL, "2019-5", COHORT_VALIDATION_ERROR_INVALID, "end_date" },
    { NULL, "2019", -1, NULL },
  };
  g_autoptr(CohortCareerRecord) career = cohort_career_record_new ();

  assert_invalid (career, COHORT_VALIDATION_ERROR_REQUIRED, "person_id");
  cohort_career_record_set_person_id (career, 1);
  cohort_career_record_set_sector (career, "un_international");
  cohort_career_record_set_source (career, "survey");
  cohort_career_record_set_country (career, "SS");
  assert_valid (career);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cohort_career_record_set_start_date (career, cases[i].start);
      cohort_career_record_set_end_date (career, cases[i].end);
      if (cases[i].expected < 0)
        assert_valid (career);
      else
        assert_invalid (career, cases[i].expected, cases[i].field);
    }
  cohort_career_record_set_start_date (career, NULL);
  cohort_career_record_set_end_date (career, NULL);

  cohort_career_record_set_sector (career, "united_nations");
  assert_invalid (career, COHORT_VALIDATION_ERROR_INVALID, "sector");
  cohort_career_record_set_sector (career, "ngo");
  cohort_career_record_set_source (career, "linkedin");
  assert_invalid (career, COHORT_VALIDATION_ERROR_INVALID, "source");
  cohort_career_record_set_source (career, "web");

  /* Verified on a day, not in the future. */
  cohort_career_record_set_verified_on (career, "2025");
  assert_invalid (career, COHORT_VALIDATION_ERROR_INVALID, "verified_on");
  cohort_career_record_set_verified_on (career, "2999-01-01");
  assert_invalid (career, COHORT_VALIDATION_ERROR_INVALID, "verified_on");
  cohort_career_record_set_verified_on (career, "2025-06-30");
  assert_valid (career);
}

static void
test_other_rules (void)
{
  g_autoptr(CohortOrganisation) organisation = cohort_organisation_new ();
  g_autoptr(CohortProgramme) programme = cohort_programme_new ();
  g_autoptr(CohortCourse) course = cohort_course_new ();
  g_autoptr(CohortRunTrainer) trainer = cohort_run_trainer_new ();
  g_autoptr(CohortImportBatch) batch = cohort_import_batch_new ();

  assert_invalid (organisation, COHORT_VALIDATION_ERROR_REQUIRED, "name");
  cohort_organisation_set_name (organisation, "UNHCR");
  cohort_organisation_set_kind (organisation, "un_agency");
  assert_valid (organisation);
  cohort_organisation_set_kind (organisation, "agency");
  assert_invalid (organisation, COHORT_VALIDATION_ERROR_INVALID, "kind");
  cohort_organisation_set_kind (organisation, "field_office");
  cohort_organisation_set_country (organisation, "XYZ");
  assert_invalid (organisation, COHORT_VALIDATION_ERROR_INVALID, "country");
  cohort_organisation_set_country (organisation, "UG");
  cohort_record_set_id (COHORT_RECORD (organisation), 5);
  cohort_organisation_set_parent_id (organisation, 5);
  assert_invalid (organisation, COHORT_VALIDATION_ERROR_INVALID, "parent_id");
  cohort_organisation_set_parent_id (organisation, 4);
  assert_valid (organisation);

  assert_invalid (programme, COHORT_VALIDATION_ERROR_REQUIRED, "code");
  cohort_programme_set_code (programme, "PRIMARY");
  assert_invalid (programme, COHORT_VALIDATION_ERROR_REQUIRED, "name");
  cohort_programme_set_name (programme, "Primary Course");
  assert_valid (programme);

  assert_invalid (course, COHORT_VALIDATION_ERROR_REQUIRED, "code");
  cohort_course_set_code (course, "PC");
  assert_invalid (course, COHORT_VALIDATION_ERROR_REQUIRED, "title");
  cohort_course_set_title (course, "Primary Course");
  assert_valid (course);

  assert_invalid (trainer, COHORT_VALIDATION_ERROR_REQUIRED, "run_id");
  cohort_run_trainer_set_run_id (trainer, 1);
  assert_invalid (trainer, COHORT_VALIDATION_ERROR_REQUIRED, "person_id");
  cohort_run_trainer_set_person_id (trainer, 2);
  assert_valid (trainer);
  cohort_run_trainer_set_role (trainer, "teacher");
  assert_invalid (trainer, COHORT_VALIDATION_ERROR_INVALID, "role");
  cohort_run_trainer_set_role (trainer, "guest_speaker");
  assert_valid (trainer);

  assert_invalid (batch, COHORT_VALIDATION_ERROR_REQUIRED, "file_name");
  cohort_import_batch_set_file_name (batch, "trainees.csv");
  assert_invalid (batch, COHORT_VALIDATION_ERROR_REQUIRED, "sha256");
  cohort_import_batch_set_sha256 (batch, "abc");
  assert_invalid (batch, COHORT_VALIDATION_ERROR_REQUIRED, "format");
  cohort_import_batch_set_format (batch, "xlsx");
  assert_invalid (batch, COHORT_VALIDATION_ERROR_INVALID, "format");
  cohort_import_batch_set_format (batch, "csv");
  assert_invalid (batch, COHORT_VALIDATION_ERROR_REQUIRED, "outcome");
  cohort_import_batch_set_outcome (batch, "committed");
  assert_invalid (batch, COHORT_VALIDATION_ERROR_INVALID, "sha256");
  cohort_import_batch_set_sha256 (batch,
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  assert_valid (batch);
  cohort_import_batch_set_n_rejected (batch, -2);
  assert_invalid (batch, COHORT_VALIDATION_ERROR_INVALID, "n_rejected");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/cohort/model/vocabulary/matches-schema", test_vocabulary_matches_schema);
  g_test_add_func ("/cohort/model/vocabulary/gtype", test_vocabulary_gtype);
  g_test_add_func ("/cohort/model/vocabulary/contains", test_vocabulary_contains);
  g_test_add_func ("/cohort/model/vocabulary/labels", test_vocabulary_labels);
  g_test_add_func ("/cohort/model/validation/error-field", test_error_field);
  g_test_add_func ("/cohort/model/validation/person/required", test_person_required);
  g_test_add_func ("/cohort/model/validation/person/values", test_person_values);
  g_test_add_func ("/cohort/model/validation/text", test_text);
  g_test_add_func ("/cohort/model/validation/run/dates", test_run_dates);
  g_test_add_func ("/cohort/model/validation/run/rules", test_run_rules);
  g_test_add_func ("/cohort/model/validation/enrolment", test_enrolment_rules);
  g_test_add_func ("/cohort/model/validation/placement", test_placement_rules);
  g_test_add_func ("/cohort/model/validation/career", test_career_rules);
  g_test_add_func ("/cohort/model/validation/other", test_other_rules);

  return g_test_run ();
}
