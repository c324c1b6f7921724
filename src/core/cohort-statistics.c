/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-statistics"

#include "config.h"

#include "cohort-statistics.h"

#include <glib/gi18n-lib.h>

#include "cohort-database-private.h"

static const struct {
  const char *table;
  const char *label;
  const char *sql;
} counted_tables[] = {
  { "person", N_("People"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM person" },
  { "organisation", N_("Organisations"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM organisation" },
  { "programme", N_("Programmes"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM programme" },
  { "course", N_("Courses"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM course" },
  { "course_run", N_("Course runs"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM course_run" },
  { "enrolment", N_("Enrolments"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM enrolment" },
  { "run_trainer", N_("Trainer assignments"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM run_trainer" },
  { "placement", N_("Placements"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM placement" },
  { "career_record", N_("Career records"),
    "SELECT count(*) FILTER (WHERE deleted_at IS NULL), count(deleted_at) FROM career_record" },
  { "import_batch", N_("Imports"),
    "SELECT count(*), 0 FROM import_batch" },
  { "audit_log", N_("History entries"),
    "SELECT count(*), 0 FROM audit_log" },
};

/**
 * cohort_statistics_count_tables:
 * @db: a database
 *
 * Counts the rows of every table, live and soft-deleted.
 *
 * Returns: (transfer full) (element-type CohortTableCount): one entry per table, or %NULL with
 *   @error set.
 */
GArray *
cohort_statistics_count_tables (CohortDatabase  *db,
                                GError         **error)
{
  g_autoptr(GArray) counts = NULL;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);

  counts = g_array_sized_new (FALSE, TRUE, sizeof (CohortTableCount),
                              G_N_ELEMENTS (counted_tables));

  for (guint i = 0; i < G_N_ELEMENTS (counted_tables); i++)
    {
      CohortTableCount count = { counted_tables[i].table, _(counted_tables[i].label), 0, 0 };
      CohortStatement *stmt;
      gboolean has_row;

      stmt = cohort_database_prepare (db, counted_tables[i].sql, error);
      if (stmt == NULL || !cohort_statement_step (stmt, &has_row, error))
        return NULL;

      if (has_row)
        {
          count.live = cohort_statement_get_int64 (stmt, 0);
          count.deleted = cohort_statement_get_int64 (stmt, 1);
        }
      cohort_statement_reset (stmt);

      g_array_append_val (counts, count);
    }

  return g_steal_pointer (&counts);
}
