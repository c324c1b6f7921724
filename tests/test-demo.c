/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-test-demo"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "cohort-check.h"
#include "cohort-database-private.h"
#include "cohort-demo.h"
#include "cohort-statistics.h"
#include "cohort-test-utils.h"

/* Statuses are decided against this day, so every run of the tests sees the same programme. */
#define REFERENCE_DATE "2025-09-10"

static void
generate (CohortDatabase *db,
          guint           n_trainees,
          guint64         seed)
{
  g_autoptr(GError) error = NULL;

  cohort_demo_generate (db, n_trainees, seed, REFERENCE_DATE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gint64
query_int64 (CohortDatabase *db,
             const char     *sql)
{
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt = cohort_database_prepare (db, sql, &error);
  gboolean has_row = FALSE;
  gint64 value;

  g_assert_no_error (error);
  cohort_statement_step (stmt, &has_row, &error);
  g_assert_no_error (error);
  g_assert_true (has_row);
  value = cohort_statement_get_int64 (stmt, 0);
  cohort_statement_reset (stmt);

  return value;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A SHA-256 over every row of every table in the file (the search indexes' own tables too),
 * rows sorted so that the order a table is read in does not matter.  The one value left out is
 * audit_log.at: the schema's triggers take it from the clock. */
static char *
dup_database_digest (CohortDatabase *db)
{
  sqlite3 *handle = cohort_database_get_handle (db);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_assert_cmpuint (tables->len, >, 10);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      gboolean is_audit = strcmp (table, "audit_log") == 0;

      g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);

              if (is_audit && strcmp (sqlite3_column_name (stmt, c), "at") == 0)
                continue;

              g_string_append_printf (row, "%d:", type);
              if (type == SQLITE_BLOB)
                {
                  const guchar *blob = sqlite3_column_blob (stmt, c);
                  gsize size = (gsize) sqlite3_column_bytes (stmt, c);
                  g_autofree char *hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                      blob, size);
                  g_string_append (row, hex);
                }
              else if (type != SQLITE_NULL)
                g_string_append (row, (const char *) sqlite3_column_text (stmt, c));
              g_string_append_c (row, '\x1f');
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      sqlite3_finalize (stmt);

      g_ptr_array_sort (rows, compare_strings);
      g_checksum_update (checksum, (const guchar *) table, -1);
      g_checksum_update (checksum, (const guchar *) "\x1e", 1);
      for (guint r = 0; r < rows->len; r++)
        {
          const char *row = g_ptr_array_index (rows, r);

          g_checksum_update (checksum, (const guchar *) row, -1);
          g_checksum_update (checksum, (const guchar *) "\x1e", 1);
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static CohortDatabase *
open_beside (CohortTestFixture *fixture,
             const char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  CohortDatabase *db = cohort_database_open (path, COHORT_DATABASE_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  return db;
}

static void
test_deterministic (CohortTestFixture *fixture,
                    gconstpointer      user_data)
{
  g_autoptr(CohortDatabase) same = open_beside (fixture, "same.db");
  g_autoptr(CohortDatabase) other = open_beside (fixture, "other.db");
  g_autofree char *digest = NULL;
  g_autofree char *same_digest = NULL;
  g_autofree char *other_digest = NULL;

  generate (fixture->db, 300, 7);
  generate (same, 300, 7);
  generate (other, 300, 8);

  digest = dup_database_digest (fixture->db);
  same_digest = dup_database_digest (same);
  other_digest = dup_database_digest (other);

  g_assert_cmpstr (digest, ==, same_digest);
  g_assert_cmpstr (digest, !=, other_digest);

  /* Not a trivial equality: there is something in it. */
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), >=, 300);
}

static void
test_reference_date_matters (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  g_autoptr(CohortDatabase) later = open_beside (fixture, "later.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *later_digest = NULL;

  generate (fixture->db, 300, 7);
  cohort_demo_generate (later, 300, 7, "2026-09-10", NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  digest = dup_database_digest (fixture->db);
  later_digest = dup_database_digest (later);
  g_assert_cmpstr (digest, !=, later_digest);
}

static void
test_people (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  gint64 trainees, women, bad_emails;

  generate (fixture->db, COHORT_DEMO_DEFAULT_TRAINEES, 1);

  /* The trainees are the people who applied; trainers and supervisors come on top. */
  trainees = query_int64 (fixture->db,
                          "SELECT count(DISTINCT person_id) FROM enrolment");
  g_assert_cmpint (trainees, ==, COHORT_DEMO_DEFAULT_TRAINEES);

  women = query_int64 (fixture->db,
                       "SELECT count(*) FROM person WHERE gender = 'female' "
                       "AND id IN (SELECT person_id FROM enrolment)");
  g_assert_cmpfloat ((double) women / trainees, >=, 0.40);
  g_assert_cmpfloat ((double) women / trainees, <=, 0.60);

  /* A few describe themselves otherwise or say nothing. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM person WHERE gender = 'other' "
                                "AND gender_self IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM person WHERE gender = 'undisclosed'"), >, 0);

  /* Japanese and the year's eligible countries. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM person WHERE nationality = 'JP'"), >,
                   trainees / 3);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(DISTINCT nationality) FROM person"),
                   >=, 30);
  /* Ukraine is eligible from FY2022 only. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment e "
                                "JOIN person p ON p.id = e.person_id "
                                "JOIN course_run r ON r.id = e.run_id "
                                "WHERE p.nationality = 'UA' AND r.fiscal_year < 2022 "
                                "AND e.created_at = p.created_at"), ==, 0);

  /* Lower-case ASCII addresses at the example domains, one person each. */
  bad_emails = query_int64 (fixture->db,
                            "SELECT count(*) FROM person WHERE email IS NOT NULL AND "
                            "(email GLOB '*[^a-z0-9.@]*' OR NOT (email LIKE '%@example.org' "
                            "OR email LIKE '%@example.net'))");
  g_assert_cmpint (bad_emails, ==, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) - count(DISTINCT email) FROM person "
                                "WHERE email IS NOT NULL"), ==, 0);

  /* Japanese names are written family name first, in kanji too. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM person WHERE nationality = 'JP' AND "
                                "(name_order <> 'family_first' OR family_name_local IS NULL)"),
                   ==, 0);
  /* Duplicate detection can see them: the store's match keys are filled. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM person WHERE match_name IS NULL"), ==, 0);
}

static void
test_scripts (CohortTestFixture *fixture,
              gconstpointer      user_data)
{
  const GUnicodeScript wanted[] = {
    G_UNICODE_SCRIPT_HAN, G_UNICODE_SCRIPT_ARABIC, G_UNICODE_SCRIPT_CYRILLIC,
    G_UNICODE_SCRIPT_ETHIOPIC, G_UNICODE_SCRIPT_KHMER, G_UNICODE_SCRIPT_THAI,
    G_UNICODE_SCRIPT_DEVANAGARI, G_UNICODE_SCRIPT_MYANMAR, G_UNICODE_SCRIPT_BENGALI,
  };
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  CohortStatement *stmt;
  gboolean has_row = FALSE;
  guint n_found = 0;

  generate (fixture->db, COHORT_DEMO_DEFAULT_TRAINEES, 1);

  stmt = cohort_database_prepare (fixture->db,
                                  "SELECT given_name_local, given_name FROM person "
                                  "WHERE given_name_local IS NOT NULL",
                                  &error);
  g_assert_no_error (error);
  while (cohort_statement_step (stmt, &has_row, &error) && has_row)
    {
      const char *local = cohort_statement_get_text (stmt, 0);

      g_assert_true (g_utf8_validate (local, -1, NULL));
      /* Every local name has its romanised form. */
      g_assert_false (cohort_statement_is_null (stmt, 1));
      g_hash_table_add (seen, GINT_TO_POINTER (g_unichar_get_script (g_utf8_get_char (local))));
    }
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (g_hash_table_contains (seen, GINT_TO_POINTER (wanted[i])))
      n_found++;

  g_assert_true (g_hash_table_contains (seen, GINT_TO_POINTER (G_UNICODE_SCRIPT_HAN)));
  g_assert_cmpuint (n_found, >=, 6);
}

static void
test_programme (CohortTestFixture *fixture,
                gconstpointer      user_data)
{
  generate (fixture->db, COHORT_DEMO_DEFAULT_TRAINEES, 1);

  /* Both courses, every fiscal year from 2007 to the reference date's (2025) and the next. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(DISTINCT fiscal_year) FROM course_run "
                                "WHERE fiscal_year BETWEEN 2007 AND 2026"), ==, 20);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM course_run"), ==, 40);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM course_run r "
                                "WHERE r.fiscal_year < 2025 AND NOT EXISTS (SELECT 1 FROM "
                                "enrolment e WHERE e.run_id = r.id AND e.status = 'completed')"),
                   ==, 0);

  /* The real programme's size at the default: about 23 per Primary intake, over 1,000
   * participants since 2007. */
  g_assert_cmpfloat (query_int64 (fixture->db,
                                  "SELECT count(*) FROM enrolment e "
                                  "JOIN course_run r ON r.id = e.run_id "
                                  "WHERE r.code LIKE 'PC-%' AND r.status = 'completed' AND "
                                  "e.status IN ('completed', 'participated', 'withdrawn')") /
                     (double) query_int64 (fixture->db,
                                           "SELECT count(*) FROM course_run "
                                           "WHERE code LIKE 'PC-%' AND status = 'completed'"),
                     >=, 19.0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment "
                                "WHERE status IN ('completed', 'participated')"), >=, 1000);

  /* Statuses as of the reference date: the Primary intake of FY2025 is in its coursework,
   * the next year's intakes are planned, the past ones completed. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM course_run WHERE code = 'PC-FY2025' "
                                "AND status = 'running'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM course_run WHERE fiscal_year = 2026 "
                                "AND status = 'planned'"), ==, 2);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM course_run WHERE end_date < '"
                                REFERENCE_DATE "' AND status <> 'completed'"), ==, 0);

  /* Selection: reserves ranked, rejections, withdrawals with a reason. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment WHERE status = 'reserve'"), >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment WHERE status = 'reserve' "
                                "AND reserve_rank IS NULL"), ==, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment WHERE status = 'rejected'"), >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment WHERE status = 'withdrawn' "
                                "AND withdrawal_reason IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM enrolment WHERE status = 'enrolled'"), >, 0);

  /* Trainers through run_trainer. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM course_run r WHERE NOT EXISTS "
                                "(SELECT 1 FROM run_trainer t WHERE t.run_id = r.id)"), ==, 0);
}

static void
test_placements_and_careers (CohortTestFixture *fixture,
                             gconstpointer      user_data)
{
  gint64 placements, volunteers;

  generate (fixture->db, COHORT_DEMO_DEFAULT_TRAINEES, 1);

  /* Mostly UN Volunteers at field offices of UN agencies, in many countries. */
  placements = query_int64 (fixture->db, "SELECT count(*) FROM placement");
  volunteers = query_int64 (fixture->db,
                            "SELECT count(*) FROM placement WHERE modality = 'un_volunteer'");
  g_assert_cmpint (placements, >, 200);
  g_assert_cmpfloat ((double) volunteers / placements, >, 0.7);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM placement p "
                                "JOIN organisation office ON office.id = p.office_id "
                                "JOIN organisation host ON host.id = p.host_id "
                                "WHERE office.kind <> 'field_office' OR host.kind <> 'un_agency' "
                                "OR p.country IS NOT office.country"), ==, 0);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(DISTINCT country) FROM placement"),
                   >=, 15);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM organisation WHERE name = "
                                "'UNHCR Cox''s Bazar' AND country = 'BD' AND kind = "
                                "'field_office'"), ==, 1);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM organisation WHERE name = "
                                "'African Union Commission'"), ==, 1);

  /* Extended, ended early, and still on assignment on the reference date. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM placement WHERE status = 'ended_early' "
                                "AND actual_end_date < end_date"), >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM placement WHERE funded_by LIKE "
                                "'%extension%'"), >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM placement WHERE status IN "
                                "('on_assignment', 'extended') AND start_date <= '"
                                REFERENCE_DATE "'"), >, 0);

  /* Careers in every sector of the ministry, verified recently, long ago, or never. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(DISTINCT sector) FROM career_record"), >=, 7);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM career_record "
                                "WHERE verified_on < date('" REFERENCE_DATE "', '-1 year')"),
                   >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM career_record "
                                "WHERE verified_on >= date('" REFERENCE_DATE "', '-1 year')"),
                   >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM career_record WHERE verified_on IS NULL"),
                   >, 0);
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM career_record "
                                "WHERE verified_on > '" REFERENCE_DATE "'"), ==, 0);
  /* Dated to the day, the month or the year. */
  g_assert_cmpint (query_int64 (fixture->db,
                                "SELECT count(*) FROM career_record "
                                "WHERE length(start_date) = 7"), >, 0);
}

static void
assert_no_problems (CohortDatabase *db)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  problems = cohort_check_run (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len && i < 20; i++)
    g_test_message ("%s", ((CohortProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_check_finds_nothing (CohortTestFixture *fixture,
                          gconstpointer      user_data)
{
  guint n_trainees = GPOINTER_TO_UINT (user_data);

  generate (fixture->db, n_trainees, 42);
  assert_no_problems (fixture->db);
}

/* The check is not blind: a row written around the rules is found and named. */
static void
test_check_finds_problems (CohortTestFixture *fixture,
                           gconstpointer      user_data)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  sqlite3 *handle = cohort_database_get_handle (fixture->db);
  gint64 placement_id;
  gboolean found = FALSE;

  generate (fixture->db, 300, 42);

  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA ignore_check_constraints = 1;"
                                 "UPDATE placement SET end_date = '2001-01-01' "
                                 "WHERE id = (SELECT min(id) FROM placement);"
                                 "PRAGMA ignore_check_constraints = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  placement_id = query_int64 (fixture->db, "SELECT min(id) FROM placement");
  expected = g_strdup_printf ("placement %" G_GINT64_FORMAT " (person P-", placement_id);

  problems = cohort_check_run (fixture->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >=, 1);

  for (guint i = 0; i < problems->len; i++)
    {
      CohortProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem->message);
      if (g_strcmp0 (problem->table, "placement") == 0 && problem->row_id == placement_id &&
          g_str_has_prefix (problem->message, expected) &&
          strstr (problem->message, "end date is before the start date") != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

/* Each kind of damage, written behind the store's back, is found and named. */
static void
test_check_finds_each_kind (CohortTestFixture *fixture,
                            gconstpointer      user_data)
{
  static const struct {
    const char *sql;
    const char *expected;
  } cases[] = {
    { "UPDATE person SET birth_date = '1990-02-30' WHERE id = 200",
      "person 200 (P-0200): Date of birth: “1990-02-30” is not a real date" },
    { "UPDATE enrolment SET status = 'reserve', reserve_rank = NULL WHERE id = 10",
      "A reserve needs a rank" },
    { "UPDATE placement SET host_id = NULL WHERE id = 3", "needs a host organisation" },
    { "UPDATE course_run SET status = 'postponed' WHERE id = 5", "“postponed” is not one of" },
    { "INSERT INTO placement (person_id, start_date, status, created_at, updated_at) "
      "VALUES (999999, '2020-01-01', 'proposed', '2020-01-01T00:00:00.000Z', "
      "'2020-01-01T00:00:00.000Z')",
      "The person it refers to does not exist" },
    { "DELETE FROM person_fts WHERE rowid = 150", "person 150 (P-0150): This person is missing "
      "from the search index" },
    { "INSERT INTO organisation_fts (rowid, name) VALUES (99999, 'Ghost office')",
      "The search index has an entry for organisation 99999, which does not exist" },
    { "UPDATE organisation SET parent_id = (SELECT max(id) FROM organisation "
      "WHERE parent_id = 1) WHERE id = 1",
      "This organisation is part of itself" },
    { "INSERT INTO placement (person_id, host_id, country, start_date, end_date, status, "
      "created_at, updated_at) SELECT person_id, host_id, country, start_date, end_date, "
      "'completed', created_at, updated_at FROM placement WHERE id = 4",
      "overlaps placement 4 of the same person" },
    /* Deleted before the enrolment was added: the store would have refused it. */
    { "UPDATE person SET deleted_at = '2000-01-01T00:00:00.000Z' "
      "WHERE id = (SELECT person_id FROM enrolment WHERE id = 20)",
      "This enrolment was added after its person was deleted" },
    { "UPDATE person SET anonymised_at = '2024-01-01T00:00:00.000Z' WHERE id = 201",
      "was anonymised but still has a name" },
  };
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = cohort_database_get_handle (fixture->db);
  g_autoptr(GString) all = g_string_new (NULL);

  generate (fixture->db, 300, 42);
  assert_no_problems (fixture->db);

  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char *errmsg = NULL;

      if (sqlite3_exec (handle, cases[i].sql, NULL, NULL, &errmsg) != SQLITE_OK)
        g_error ("%s: %s", cases[i].sql, errmsg);
      g_assert_cmpint (sqlite3_changes (handle), ==, 1);
    }
  g_assert_cmpint (sqlite3_exec (handle,
                                 "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  problems = cohort_check_run (fixture->db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    {
      CohortProblem *problem = g_ptr_array_index (problems, i);

      g_test_message ("%s", problem->message);
      g_string_append_printf (all, "%s\n", problem->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (strstr (all->str, cases[i].expected) == NULL)
        g_error ("Not found: %s", cases[i].expected);
    }
}

static void
on_progress_cancel_cb (guint    n_done,
                       guint    n_total,
                       gpointer user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_cmpuint (n_done, <=, n_total);
  if (n_done >= n_total / 3)
    g_cancellable_cancel (cancellable);
}

static void
assert_empty (CohortDatabase *db)
{
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;

  counts = cohort_statistics_count_tables (db, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);

      g_test_message ("%s: %" G_GINT64_FORMAT, count->table, count->live);
      g_assert_cmpint (count->live, ==, 0);
      g_assert_cmpint (count->deleted, ==, 0);
    }
}

static void
test_cancel (CohortTestFixture *fixture,
             gconstpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = cohort_demo_generate (fixture->db, 2000, 3, REFERENCE_DATE, on_progress_cancel_cb,
                             cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ok);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_false (cohort_database_in_transaction (fixture->db));

  assert_empty (fixture->db);

  /* And the database is still usable: the same call, not cancelled, succeeds. */
  g_clear_error (&error);
  generate (fixture->db, 100, 3);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM enrolment"), >=, 100);
}

typedef struct
{
  guint calls;
  guint last_done;
  guint total;
} Progress;

static void
on_progress_cb (guint    n_done,
                guint    n_total,
                gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpuint (n_done, >=, progress->last_done);
  g_assert_cmpuint (n_done, <=, n_total);
  progress->calls++;
  progress->last_done = n_done;
  progress->total = n_total;
}

static void
test_progress (CohortTestFixture *fixture,
               gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };

  cohort_demo_generate (fixture->db, 1000, 3, REFERENCE_DATE, on_progress_cb, &progress, NULL,
                        &error);
  g_assert_no_error (error);

  g_assert_cmpuint (progress.calls, >, 10);
  g_assert_cmpuint (progress.total, ==, 1000);
  g_assert_cmpuint (progress.last_done, ==, 1000);
}

static void
test_refuses_non_empty (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 people, audit;

  generate (fixture->db, 100, 1);
  people = query_int64 (fixture->db, "SELECT count(*) FROM person");
  audit = query_int64 (fixture->db, "SELECT count(*) FROM audit_log");

  g_assert_false (cohort_demo_generate (fixture->db, 100, 2, REFERENCE_DATE, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM person"), ==, people);
  g_assert_cmpint (query_int64 (fixture->db, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_invalid_arguments (CohortTestFixture *fixture,
                        gconstpointer      user_data)
{
  const char *bad_dates[] = { "2026-02-30", "yesterday", "2001-01-01", "" };
  g_autoptr(GError) error = NULL;

  g_assert_false (cohort_demo_generate (fixture->db, 0, 1, REFERENCE_DATE, NULL, NULL, NULL,
                                        &error));
  g_assert_error (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_INVALID_ARGUMENT);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_clear_error (&error);
      g_assert_false (cohort_demo_generate (fixture->db, 10, 1, bad_dates[i], NULL, NULL, NULL,
                                            &error));
      g_assert_error (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_INVALID_ARGUMENT);
    }

  assert_empty (fixture->db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cohort_test_add ("/cohort/demo/deterministic", test_deterministic);
  cohort_test_add ("/cohort/demo/reference-date", test_reference_date_matters);
  cohort_test_add ("/cohort/demo/people", test_people);
  cohort_test_add ("/cohort/demo/scripts", test_scripts);
  cohort_test_add ("/cohort/demo/programme", test_programme);
  cohort_test_add ("/cohort/demo/placements-and-careers", test_placements_and_careers);
  g_test_add ("/cohort/demo/check/300", CohortTestFixture, GUINT_TO_POINTER (300),
              cohort_test_fixture_set_up, test_check_finds_nothing,
              cohort_test_fixture_tear_down);
  g_test_add ("/cohort/demo/check/3000", CohortTestFixture, GUINT_TO_POINTER (3000),
              cohort_test_fixture_set_up, test_check_finds_nothing,
              cohort_test_fixture_tear_down);
  cohort_test_add ("/cohort/demo/check/finds-problems", test_check_finds_problems);
  cohort_test_add ("/cohort/demo/check/finds-each-kind", test_check_finds_each_kind);
  cohort_test_add ("/cohort/demo/cancel", test_cancel);
  cohort_test_add ("/cohort/demo/progress", test_progress);
  cohort_test_add ("/cohort/demo/refuses-non-empty", test_refuses_non_empty);
  cohort_test_add ("/cohort/demo/invalid-arguments", test_invalid_arguments);

  return g_test_run ();
}
