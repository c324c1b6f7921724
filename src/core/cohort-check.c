/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-check"

#include "config.h"

#include "cohort-check.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-import-batch.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-run-trainer.h"
#include "cohort-validation.h"

/*
 * The integrity check looks at a database as it is, however it was written (by Cohort, by an
 * older version, by hand with sqlite3 and its CHECK constraints switched off):
 *
 *  1. SQLite's own checks: the file (PRAGMA integrity_check) and the references between tables
 *     (PRAGMA foreign_key_check);
 *  2. the search indexes, which triggers keep in step with their tables: every row indexed,
 *     nothing indexed that is gone, and FTS5's own integrity check (what text is indexed is
 *     the triggers' business and changes with the schema, so it is not compared here);
 *  3. every row against the rules the editors and importers enforce (cohort_record_validate():
 *     real dates, ends not before starts, codes from their lists, the fields a status
 *     requires, …), so that the check and the editors never disagree;
 *  4. the rules that span rows, as cohort-store.c enforces them on save: overlapping
 *     placements of one person, a placement linked to another person's enrolment, an
 *     organisation inside itself, records added to a person or run after it was deleted,
 *     anonymised people who still have identifying details.
 *
 * Each problem names its row in words ("placement 12 (person P-0042)"), then says what is
 * wrong.  A damaged file ends the check early: what follows would only repeat it.
 */

typedef enum
{
  STYLE_LABEL,       /* "course run 3 (PC-FY2015)" */
  STYLE_PERSON,      /* "placement 12 (person P-0042)" */
  STYLE_PERSON_RUN,  /* "enrolment 5 (person P-0042, run PC-FY2015)" */
} Style;

typedef struct
{
  const char *table;
  GType     (*get_type) (void);
  const char *noun;          /* NC_("row", …) */
  Style       style;
  const char *scan_sql;      /* every row, then two label columns */
  const char *describe_sql;  /* :id -> the two labels */
} CheckedTable;

static const CheckedTable checked_tables[] = {
  { "person", cohort_person_get_type, NC_("row", "person"), STYLE_LABEL,
    "SELECT *, code AS check_label_a, NULL AS check_label_b FROM person ORDER BY id",
    "SELECT code, NULL FROM person WHERE id = :id" },
  { "organisation", cohort_organisation_get_type, NC_("row", "organisation"), STYLE_LABEL,
    "SELECT *, name AS check_label_a, NULL AS check_label_b FROM organisation ORDER BY id",
    "SELECT name, NULL FROM organisation WHERE id = :id" },
  { "programme", cohort_programme_get_type, NC_("row", "programme"), STYLE_LABEL,
    "SELECT *, code AS check_label_a, NULL AS check_label_b FROM programme ORDER BY id",
    "SELECT code, NULL FROM programme WHERE id = :id" },
  { "course", cohort_course_get_type, NC_("row", "course"), STYLE_LABEL,
    "SELECT *, code AS check_label_a, NULL AS check_label_b FROM course ORDER BY id",
    "SELECT code, NULL FROM course WHERE id = :id" },
  { "course_run", cohort_course_run_get_type, NC_("row", "course run"), STYLE_LABEL,
    "SELECT *, code AS check_label_a, NULL AS check_label_b FROM course_run ORDER BY id",
    "SELECT code, NULL FROM course_run WHERE id = :id" },
  { "enrolment", cohort_enrolment_get_type, NC_("row", "enrolment"), STYLE_PERSON_RUN,
    "SELECT e.*, p.code AS check_label_a, r.code AS check_label_b FROM enrolment e "
    "LEFT JOIN person p ON p.id = e.person_id LEFT JOIN course_run r ON r.id = e.run_id "
    "ORDER BY e.id",
    "SELECT p.code, r.code FROM enrolment e LEFT JOIN person p ON p.id = e.person_id "
    "LEFT JOIN course_run r ON r.id = e.run_id WHERE e.id = :id" },
  { "run_trainer", cohort_run_trainer_get_type, NC_("row", "trainer assignment"),
    STYLE_PERSON_RUN,
    "SELECT t.*, p.code AS check_label_a, r.code AS check_label_b FROM run_trainer t "
    "LEFT JOIN person p ON p.id = t.person_id LEFT JOIN course_run r ON r.id = t.run_id "
    "ORDER BY t.id",
    "SELECT p.code, r.code FROM run_trainer t LEFT JOIN person p ON p.id = t.person_id "
    "LEFT JOIN course_run r ON r.id = t.run_id WHERE t.id = :id" },
  { "placement", cohort_placement_get_type, NC_("row", "placement"), STYLE_PERSON,
    "SELECT x.*, p.code AS check_label_a, NULL AS check_label_b FROM placement x "
    "LEFT JOIN person p ON p.id = x.person_id ORDER BY x.id",
    "SELECT p.code, NULL FROM placement x LEFT JOIN person p ON p.id = x.person_id "
    "WHERE x.id = :id" },
  { "career_record", cohort_career_record_get_type, NC_("row", "career record"), STYLE_PERSON,
    "SELECT x.*, p.code AS check_label_a, NULL AS check_label_b FROM career_record x "
    "LEFT JOIN person p ON p.id = x.person_id ORDER BY x.id",
    "SELECT p.code, NULL FROM career_record x LEFT JOIN person p ON p.id = x.person_id "
    "WHERE x.id = :id" },
  { "import_batch", cohort_import_batch_get_type, NC_("row", "import"), STYLE_LABEL,
    "SELECT *, file_name AS check_label_a, NULL AS check_label_b FROM import_batch "
    "ORDER BY id",
    "SELECT file_name, NULL FROM import_batch WHERE id = :id" },
};

/* A rule across rows: a query returning (id, label a, label b, detail) for each row at fault. */
typedef struct
{
  const char *table;    /* a table of checked_tables, naming the row */
  const char *sql;
  const char *message;  /* a sentence; "%s" stands for the detail */
  gboolean    bare;     /* the message alone, without naming a row (the row does not exist) */
} Rule;

static const Rule search_index_rules[] = {
  { "person",
    "SELECT p.id, p.code, NULL, NULL FROM person p "
    "WHERE NOT EXISTS (SELECT 1 FROM person_fts f WHERE f.rowid = p.id) ORDER BY p.id",
    N_("This person is missing from the search index"), FALSE },
  { "person",
    "SELECT f.rowid, NULL, NULL, f.rowid FROM person_fts f "
    "WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = f.rowid) ORDER BY f.rowid",
    N_("The search index has an entry for person %s, which does not exist"), TRUE },
  { "course",
    "SELECT c.id, c.code, NULL, NULL FROM course c "
    "WHERE NOT EXISTS (SELECT 1 FROM course_fts f WHERE f.rowid = c.id) ORDER BY c.id",
    N_("This course is missing from the search index"), FALSE },
  { "course",
    "SELECT f.rowid, NULL, NULL, f.rowid FROM course_fts f "
    "WHERE NOT EXISTS (SELECT 1 FROM course c WHERE c.id = f.rowid) ORDER BY f.rowid",
    N_("The search index has an entry for course %s, which does not exist"), TRUE },
  { "organisation",
    "SELECT o.id, o.name, NULL, NULL FROM organisation o "
    "WHERE NOT EXISTS (SELECT 1 FROM organisation_fts f WHERE f.rowid = o.id) ORDER BY o.id",
    N_("This organisation is missing from the search index"), FALSE },
  { "organisation",
    "SELECT f.rowid, NULL, NULL, f.rowid FROM organisation_fts f "
    "WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = f.rowid) ORDER BY f.rowid",
    N_("The search index has an entry for organisation %s, which does not exist"), TRUE },
};

static const Rule cross_row_rules[] = {
  /* As the store sees an overlap: from the start to the actual (or else planned) end, cancelled
   * and deleted placements aside, a handover on the same day allowed. */
  { "placement",
    "SELECT b.id, p.code, NULL, a.id FROM placement a "
    "JOIN placement b ON b.person_id = a.person_id AND b.id > a.id "
    "LEFT JOIN person p ON p.id = b.person_id "
    "WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL "
    "AND a.status <> 'cancelled' AND b.status <> 'cancelled' "
    "AND a.start_date IS NOT NULL AND b.start_date IS NOT NULL "
    "AND a.start_date < coalesce(b.actual_end_date, b.end_date, '9999-12-31') "
    "AND b.start_date < coalesce(a.actual_end_date, a.end_date, '9999-12-31') "
    "ORDER BY b.id, a.id",
    N_("This placement overlaps placement %s of the same person"), FALSE },
  { "placement",
    "SELECT x.id, p.code, NULL, e.id FROM placement x "
    "JOIN enrolment e ON e.id = x.enrolment_id LEFT JOIN person p ON p.id = x.person_id "
    "WHERE e.person_id IS NOT x.person_id ORDER BY x.id",
    N_("This placement follows from enrolment %s, which is another person’s"), FALSE },
  { "organisation",
    "WITH RECURSIVE walk (origin, id, depth) AS ("
    "  SELECT id, parent_id, 1 FROM organisation WHERE parent_id IS NOT NULL"
    "  UNION ALL"
    "  SELECT w.origin, o.parent_id, w.depth + 1 FROM walk w JOIN organisation o ON o.id = w.id"
    "  WHERE o.parent_id IS NOT NULL AND w.id <> w.origin AND w.depth < 100) "
    "SELECT DISTINCT o.id, o.name, NULL, NULL FROM walk w JOIN organisation o ON o.id = w.origin "
    "WHERE w.id = w.origin ORDER BY o.id",
    N_("This organisation is part of itself, through the organisations it belongs to"), FALSE },
  /* The store refuses a new link to a deleted row (a link made before the deletion stays). */
  { "enrolment",
    "SELECT x.id, p.code, r.code, NULL FROM enrolment x JOIN person p ON p.id = x.person_id "
    "LEFT JOIN course_run r ON r.id = x.run_id WHERE x.deleted_at IS NULL "
    "AND p.deleted_at IS NOT NULL AND x.created_at > p.deleted_at ORDER BY x.id",
    N_("This enrolment was added after its person was deleted"), FALSE },
  { "enrolment",
    "SELECT x.id, p.code, r.code, NULL FROM enrolment x JOIN course_run r ON r.id = x.run_id "
    "LEFT JOIN person p ON p.id = x.person_id WHERE x.deleted_at IS NULL "
    "AND r.deleted_at IS NOT NULL AND x.created_at > r.deleted_at ORDER BY x.id",
    N_("This enrolment was added after its course run was deleted"), FALSE },
  { "placement",
    "SELECT x.id, p.code, NULL, NULL FROM placement x JOIN person p ON p.id = x.person_id "
    "WHERE x.deleted_at IS NULL AND p.deleted_at IS NOT NULL AND x.created_at > p.deleted_at "
    "ORDER BY x.id",
    N_("This placement was added after its person was deleted"), FALSE },
  { "career_record",
    "SELECT x.id, p.code, NULL, NULL FROM career_record x JOIN person p ON p.id = x.person_id "
    "WHERE x.deleted_at IS NULL AND p.deleted_at IS NOT NULL AND x.created_at > p.deleted_at "
    "ORDER BY x.id",
    N_("This career record was added after its person was deleted"), FALSE },
  { "run_trainer",
    "SELECT x.id, p.code, r.code, NULL FROM run_trainer x JOIN person p ON p.id = x.person_id "
    "LEFT JOIN course_run r ON r.id = x.run_id WHERE x.deleted_at IS NULL "
    "AND p.deleted_at IS NOT NULL AND x.created_at > p.deleted_at ORDER BY x.id",
    N_("This trainer assignment was added after its person was deleted"), FALSE },
  { "person",
    "SELECT id, code, NULL, NULL FROM person WHERE anonymised_at IS NOT NULL "
    "AND (family_name IS NOT NULL OR given_name IS NOT NULL OR family_name_local IS NOT NULL "
    "OR given_name_local IS NOT NULL OR gender_self IS NOT NULL OR birth_date IS NOT NULL "
    "OR email IS NOT NULL OR phone IS NOT NULL OR notes IS NOT NULL) ORDER BY id",
    N_("This person was anonymised but still has a name, a birth date or other details that "
       "identify them"), FALSE },
  { "person",
    "SELECT n.person_id, p.code, NULL, n.country FROM person_nationality n "
    "LEFT JOIN person p ON p.id = n.person_id "
    "WHERE NOT (n.country GLOB '[A-Z][A-Z]') ORDER BY n.person_id, n.country",
    N_("“%s” in the list of nationalities is not a country code"), FALSE },
  { "person",
    "SELECT n.person_id, NULL, NULL, n.country FROM person_nationality n "
    "WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.id = n.person_id) "
    "ORDER BY n.person_id, n.country",
    N_("A nationality (%s) is recorded for a person who does not exist"), TRUE },
};

static const struct {
  const char *table;
  const char *sql;
  const char *message;
} search_index_checks[] = {
  { "person_fts", "INSERT INTO person_fts (person_fts) VALUES ('integrity-check')",
    N_("The search index of people is damaged") },
  { "course_fts", "INSERT INTO course_fts (course_fts) VALUES ('integrity-check')",
    N_("The search index of courses is damaged") },
  { "organisation_fts",
    "INSERT INTO organisation_fts (organisation_fts) VALUES ('integrity-check')",
    N_("The search index of organisations is damaged") },
};

typedef struct
{
  CohortDatabase *db;
  GPtrArray      *problems;
  GPtrArray      *constraints;  /* what integrity_check said about CHECK and NOT NULL */
  gboolean        damaged;      /* the file itself: stop */
} Check;

G_DEFINE_BOXED_TYPE (CohortProblem, cohort_problem, cohort_problem_copy, cohort_problem_free)

/**
 * cohort_problem_new:
 * @table: (nullable): the table of the row at fault
 * @row_id: its id, or 0
 * @message: the problem in words, naming the row
 *
 * Returns: (transfer full): a new problem
 */
CohortProblem *
cohort_problem_new (const char *table,
                    gint64      row_id,
                    const char *message)
{
  CohortProblem *problem;

  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (CohortProblem, 1);
  problem->table = g_strdup (table);
  problem->row_id = row_id;
  problem->message = g_strdup (message);

  return problem;
}

CohortProblem *
cohort_problem_copy (const CohortProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return cohort_problem_new (problem->table, problem->row_id, problem->message);
}

void
cohort_problem_free (CohortProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->table);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (Check      *check,
             const char *table,
             gint64      row_id,
             const char *message)
{
  g_ptr_array_add (check->problems, cohort_problem_new (table, row_id, message));
}

static const CheckedTable *
find_checked_table (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked_tables); i++)
    if (g_strcmp0 (checked_tables[i].table, table) == 0)
      return &checked_tables[i];

  return NULL;
}

/* Puts @detail where a message has "%s" (messages come from the tables above, so the format is
 * not a literal the compiler could check). */
static char *
dup_with_detail (const char *format,
                 const char *detail)
{
  const char *slot = strstr (format, "%s");

  if (slot == NULL)
    return g_strdup (format);

  return g_strdup_printf ("%.*s%s%s", (int) (slot - format), format, detail ? detail : "",
                          slot + 2);
}

/* "placement 12 (person P-0042)" */
static char *
dup_row_name (const CheckedTable *table,
              gint64              row_id,
              const char         *label_a,
              const char         *label_b)
{
  const char *noun = g_dpgettext2 (GETTEXT_PACKAGE, "row", table->noun);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, row_id);

  if (label_a == NULL)
    /* Translators: a row of the database, its kind and id: "placement 12" */
    return g_strdup_printf (_("%s %s"), noun, id);

  switch (table->style)
    {
    case STYLE_PERSON_RUN:
      if (label_b != NULL)
        /* Translators: a row of the database: "enrolment 5 (person P-0042, run PC-FY2015)" */
        return g_strdup_printf (_("%s %s (person %s, run %s)"), noun, id, label_a, label_b);
      G_GNUC_FALLTHROUGH;
    case STYLE_PERSON:
      /* Translators: a row of the database: "placement 12 (person P-0042)" */
      return g_strdup_printf (_("%s %s (person %s)"), noun, id, label_a);

    case STYLE_LABEL:
    default:
      /* Translators: a row of the database and its code or name: "course run 3 (PC-FY2015)" */
      return g_strdup_printf (_("%s %s (%s)"), noun, id, label_a);
    }
}

static void
add_row_problem (Check              *check,
                 const CheckedTable *table,
                 gint64              row_id,
                 const char         *label_a,
                 const char         *label_b,
                 const char         *message)
{
  g_autofree char *row = dup_row_name (table, row_id, label_a, label_b);
  /* Translators: a problem found by the check: "placement 12 (person P-0042): The end date
   * is before the start date" */
  g_autofree char *line = g_strdup_printf (_("%s: %s"), row, message);

  add_problem (check, table->table, row_id, line);
}

/* A damaged file is a finding, not a failure of the check. */
static gboolean
note_damage (Check   *check,
             GError **error,
             GError  *local_error)
{
  if (g_error_matches (local_error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_CORRUPT) ||
      g_error_matches (local_error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_NOT_A_DATABASE))
    {
      g_autofree char *message = g_strdup_printf (_("The database file is damaged: %s"),
                                                  local_error->message);

      add_problem (check, NULL, 0, message);
      check->damaged = TRUE;
      g_error_free (local_error);
      return TRUE;
    }

  g_propagate_error (error, local_error);
  return FALSE;
}

static const char *
column_text (CohortStatement *stmt,
                 int              column)
{
  return cohort_statement_is_null (stmt, column) ? NULL : cohort_statement_get_text (stmt, column);
}

static gboolean
check_file (Check   *check,
            GError **error)
{
  GError *local_error = NULL;
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  stmt = cohort_database_prepare (check->db, "PRAGMA integrity_check", &local_error);
  while (stmt != NULL && cohort_statement_step (stmt, &has_row, &local_error) && has_row)
    {
      const char *result = cohort_statement_get_text (stmt, 0);

      /* Rows written with the constraints switched off are not damage to the file: the rules
       * below name them; what they miss is reported at the end. */
      if (g_str_has_prefix (result, "CHECK constraint failed in ") ||
          g_str_has_prefix (result, "NULL value in "))
        g_ptr_array_add (check->constraints, g_strdup (result));
      else if (g_strcmp0 (result, "ok") != 0)
        {
          g_autofree char *message = g_strdup_printf (_("The database file is damaged: %s"),
                                                      result);

          add_problem (check, NULL, 0, message);
          check->damaged = TRUE;
        }
    }
  if (stmt != NULL)
    cohort_statement_reset (stmt);

  if (local_error != NULL)
    return note_damage (check, error, local_error);

  return TRUE;
}

typedef struct
{
  const CheckedTable *table;
  gint64              row_id;
  char               *parent;
} BrokenReference;

static void
broken_reference_clear (gpointer data)
{
  BrokenReference *broken = data;

  g_free (broken->parent);
}

static gboolean
check_references (Check   *check,
                  GError **error)
{
  g_autoptr(GArray) broken = g_array_new (FALSE, FALSE, sizeof (BrokenReference));
  GError *local_error = NULL;
  CohortStatement *stmt;
  gboolean has_row = FALSE;

  g_array_set_clear_func (broken, broken_reference_clear);

  stmt = cohort_database_prepare (check->db, "PRAGMA foreign_key_check", &local_error);
  while (stmt != NULL && cohort_statement_step (stmt, &has_row, &local_error) && has_row)
    {
      const CheckedTable *table = find_checked_table (cohort_statement_get_text (stmt, 0));
      BrokenReference reference;

      /* Nationalities have no row id: a rule of their own names them. */
      if (table == NULL || cohort_statement_is_null (stmt, 1))
        continue;

      reference.table = table;
      reference.row_id = cohort_statement_get_int64 (stmt, 1);
      reference.parent = g_strdup (cohort_statement_get_text (stmt, 2));
      g_array_append_val (broken, reference);
    }
  if (stmt != NULL)
    cohort_statement_reset (stmt);

  if (local_error != NULL)
    return note_damage (check, error, local_error);

  for (guint i = 0; i < broken->len; i++)
    {
      BrokenReference *reference = &g_array_index (broken, BrokenReference, i);
      const CheckedTable *parent = find_checked_table (reference->parent);
      g_autofree char *label_a = NULL;
      g_autofree char *label_b = NULL;
      g_autofree char *message = NULL;
      gboolean found = FALSE;

      stmt = cohort_database_prepare (check->db, reference->table->describe_sql, &local_error);
      if (stmt == NULL)
        return note_damage (check, error, local_error);
      cohort_statement_bind_int64 (stmt, ":id", reference->row_id);
      if (!cohort_statement_step (stmt, &found, &local_error))
        return note_damage (check, error, local_error);
      if (found)
        {
          label_a = g_strdup (column_text (stmt, 0));
          label_b = g_strdup (column_text (stmt, 1));
        }
      cohort_statement_reset (stmt);

      /* Translators: %s is the kind of row referred to, e.g. "organisation" */
      message = g_strdup_printf (_("The %s it refers to does not exist"),
                                 parent != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, "row",
                                                                parent->noun)
                                                : reference->parent);
      add_row_problem (check, reference->table, reference->row_id, label_a, label_b, message);
    }

  return TRUE;
}

static gboolean
run_rules (Check       *check,
           const Rule  *rules,
           guint        n_rules,
           GError     **error)
{
  for (guint i = 0; i < n_rules && !check->damaged; i++)
    {
      const CheckedTable *table = find_checked_table (rules[i].table);
      GError *local_error = NULL;
      CohortStatement *stmt;
      gboolean has_row = FALSE;

      g_assert (table != NULL);

      stmt = cohort_database_prepare (check->db, rules[i].sql, &local_error);
      while (stmt != NULL && cohort_statement_step (stmt, &has_row, &local_error) && has_row)
        {
          gint64 row_id = cohort_statement_get_int64 (stmt, 0);
          g_autofree char *message = dup_with_detail (_(rules[i].message),
                                                      column_text (stmt, 3));

          if (rules[i].bare)
            add_problem (check, table->table, row_id, message);
          else
            add_row_problem (check, table, row_id, column_text (stmt, 1),
                             column_text (stmt, 2), message);
        }
      if (stmt != NULL)
        cohort_statement_reset (stmt);

      if (local_error != NULL && !note_damage (check, error, local_error))
        return FALSE;
    }

  return TRUE;
}

/* FTS5 compares its index with the text it stores. */
static gboolean
check_search_indexes (Check   *check,
                      GError **error)
{
  if (cohort_database_is_read_only (check->db))
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (search_index_checks) && !check->damaged; i++)
    {
      GError *local_error = NULL;
      CohortStatement *stmt;

      stmt = cohort_database_prepare (check->db, search_index_checks[i].sql, &local_error);
      if (stmt != NULL && cohort_statement_execute (stmt, &local_error))
        continue;

      if (g_error_matches (local_error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_CORRUPT))
        {
          add_problem (check, search_index_checks[i].table, 0,
                       _(search_index_checks[i].message));
          g_error_free (local_error);
          continue;
        }

      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Every row against the rules of its type, as an editor would judge it. */
static gboolean
validate_rows (Check   *check,
               GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (checked_tables) && !check->damaged; i++)
    {
      const CheckedTable *table = &checked_tables[i];
      g_autoptr(GObject) record = g_object_new (table->get_type (), NULL);
      GError *local_error = NULL;
      CohortStatement *stmt;
      gboolean has_row = FALSE;
      int label_column;

      stmt = cohort_database_prepare (check->db, table->scan_sql, &local_error);
      if (stmt == NULL)
        return note_damage (check, error, local_error);

      label_column = cohort_statement_get_n_columns (stmt) - 2;
      while (cohort_statement_step (stmt, &has_row, &local_error) && has_row)
        {
          g_autoptr(GError) invalid = NULL;

          cohort_statement_fill_object (stmt, record);
          if (cohort_record_validate (COHORT_RECORD (record), &invalid))
            continue;

          add_row_problem (check, table, cohort_statement_get_int64 (stmt, 0),
                           column_text (stmt, label_column),
                           column_text (stmt, label_column + 1), invalid->message);
        }
      cohort_statement_reset (stmt);

      if (local_error != NULL)
        return note_damage (check, error, local_error);
    }

  return TRUE;
}

static const char *
constraint_table (const char *result,
                  char       *buffer,
                  gsize       size)
{
  const char *start = strstr (result, " in ") + strlen (" in ");
  gsize length = strcspn (start, ". ");

  g_strlcpy (buffer, start, MIN (size, length + 1));
  return buffer;
}

/* A broken constraint that no rule named a row for (a table whose rows all passed). */
static void
report_unnamed_constraints (Check *check)
{
  for (guint i = 0; i < check->constraints->len; i++)
    {
      const char *result = g_ptr_array_index (check->constraints, i);
      g_autofree char *message = NULL;
      gboolean named = FALSE;
      char table[64];

      constraint_table (result, table, sizeof table);
      for (guint j = 0; j < check->problems->len && !named; j++)
        named = g_strcmp0 (((CohortProblem *) g_ptr_array_index (check->problems, j))->table,
                           table) == 0;
      if (named)
        continue;

      /* Translators: the first %s is a table, the second what SQLite said */
      message = g_strdup_printf (_("A row of the table “%s” breaks a rule of the database: %s"),
                                 table, result);
      add_problem (check, table, 0, message);
    }
}

/**
 * cohort_check_run:
 * @db: a database
 * @error: return location for a #GError
 *
 * Looks for damage and rule violations in @db, however they were written: the file's
 * integrity, references between tables, the search indexes, every row against the rules of
 * its type, and the rules across rows (overlapping placements of one person, organisations
 * inside themselves, …).  Nothing is changed.
 *
 * Returns: (transfer container) (element-type CohortProblem): the problems found, in the order
 *   above, empty when there are none; or %NULL with @error set when the check itself could not
 *   run (a damaged file is reported as a problem, not as an error).
 */
GPtrArray *
cohort_check_run (CohortDatabase  *db,
                  GError         **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) constraints = g_ptr_array_new_with_free_func (g_free);
  Check check = { 0 };

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_problem_free);
  check.db = db;
  check.problems = problems;
  check.constraints = constraints;

  if (!check_file (&check, error))
    return NULL;

  if (!check.damaged &&
      (!check_references (&check, error) ||
       !run_rules (&check, search_index_rules, G_N_ELEMENTS (search_index_rules), error) ||
       !check_search_indexes (&check, error) ||
       !validate_rows (&check, error) ||
       !run_rules (&check, cross_row_rules, G_N_ELEMENTS (cross_row_rules), error)))
    return NULL;

  report_unnamed_constraints (&check);

  return g_steal_pointer (&problems);
}
