/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-core"

#include "config.h"

#include "cohort-run-stats.h"

#include <glib/gi18n-lib.h>

#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-programme.h"
#include "cohort-store.h"
#include "cohort-validation.h"

/**
 * cohort_run_stats_count_taken:
 * @db: a database
 * @run_id: a course run's id
 * @out_taken: (out): the number of places taken
 * @error: return location for a #GError
 *
 * Counts the places taken in a run: its enrolments (not deleted) that are selected, enrolled,
 * completed or participated.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
cohort_run_stats_count_taken (CohortDatabase  *db,
                              gint64           run_id,
                              guint           *out_taken,
                              GError         **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;
  gint64 taken;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_taken != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = cohort_database_prepare (db,
                                  "SELECT count(*) AS taken FROM enrolment "
                                  "WHERE run_id = :run_id AND deleted_at IS NULL "
                                  "AND status IN ('enrolled', 'completed', 'participated', "
                                  "'selected')",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":run_id", run_id);
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  taken = has_row ? cohort_statement_get_int64 (stmt, 0) : 0;
  cohort_statement_reset (stmt);
  *out_taken = (guint) MAX (taken, 0);

  return TRUE;
}

/**
 * cohort_run_stats_list_programmes:
 * @db: a database
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the programmes that are not deleted, by name, as #CohortProgramme
 *   items; or %NULL with @error set
 */
GListStore *
cohort_run_stats_list_programmes (CohortDatabase  *db,
                                  GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (COHORT_TYPE_PROGRAMME);
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = cohort_database_prepare (db,
                                  "SELECT * FROM programme WHERE deleted_at IS NULL "
                                  "ORDER BY name COLLATE NOCASE, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(CohortProgramme) programme = NULL;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      programme = cohort_programme_new ();
      cohort_statement_fill_object (stmt, G_OBJECT (programme));
      g_list_store_append (store, programme);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&store);
}

static GPtrArray *
list_reserves (CohortDatabase  *db,
               gint64           run_id,
               GError         **error)
{
  g_autoptr(GPtrArray) reserves = g_ptr_array_new_with_free_func (g_object_unref);
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  stmt = cohort_database_prepare (db,
                                  "SELECT * FROM enrolment "
                                  "WHERE run_id = :run_id AND deleted_at IS NULL "
                                  "AND status = 'reserve' "
                                  "ORDER BY reserve_rank IS NULL, reserve_rank, id",
                                  error);
  if (stmt == NULL)
    return NULL;

  cohort_statement_bind_int64 (stmt, ":run_id", run_id);
  for (;;)
    {
      CohortEnrolment *enrolment;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      enrolment = cohort_enrolment_new ();
      cohort_statement_fill_object (stmt, G_OBJECT (enrolment));
      g_ptr_array_add (reserves, enrolment);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&reserves);
}

static gboolean
promote_in_transaction (CohortDatabase  *db,
                        gint64           run_id,
                        gint64          *out_enrolment_id,
                        GError         **error)
{
  g_autoptr(GPtrArray) reserves = list_reserves (db, run_id, error);
  CohortEnrolment *first;

  if (reserves == NULL)
    return FALSE;

  if (reserves->len == 0)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND, "reserve_rank",
                                   _("Nobody is on the reserve list of this course run"));
      return FALSE;
    }

  first = g_ptr_array_index (reserves, 0);
  cohort_enrolment_set_status (first, "selected");
  cohort_enrolment_set_reserve_rank (first, 0);
  if (!cohort_store_save (db, COHORT_RECORD (first), error))
    return FALSE;

  /* The others move up one place each: 1, 2, 3, … */
  for (guint i = 1; i < reserves->len; i++)
    {
      CohortEnrolment *reserve = g_ptr_array_index (reserves, i);

      if (cohort_enrolment_get_reserve_rank (reserve) == (int) i)
        continue;

      cohort_enrolment_set_reserve_rank (reserve, (int) i);
      if (!cohort_store_save (db, COHORT_RECORD (reserve), error))
        return FALSE;
    }

  if (out_enrolment_id != NULL)
    *out_enrolment_id = cohort_record_get_id (COHORT_RECORD (first));

  return TRUE;
}

/**
 * cohort_run_stats_promote_reserve:
 * @db: a database
 * @run_id: a course run's id
 * @out_enrolment_id: (out) (optional): the id of the enrolment promoted
 * @error: return location for a #GError
 *
 * Promotes the first of a run's reserve list (the lowest rank): their enrolment becomes
 * `selected`, and the ranks of the others close up from 1.  All in one transaction.
 *
 * Returns: %TRUE, or %FALSE with @error set (nothing changed)
 */
gboolean
cohort_run_stats_promote_reserve (CohortDatabase  *db,
                                  gint64           run_id,
                                  gint64          *out_enrolment_id,
                                  GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (run_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cohort_database_begin (db, error))
    return FALSE;

  if (!promote_in_transaction (db, run_id, out_enrolment_id, error))
    {
      cohort_database_rollback (db);
      return FALSE;
    }

  return cohort_database_commit (db, error);
}
