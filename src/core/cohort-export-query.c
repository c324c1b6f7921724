/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-export"

#include "config.h"

#include "cohort-export-query.h"

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-run-trainer.h"

/**
 * SECTION:cohort-export-query
 *
 * What the writers of src/exchange (XCRI-CAP, IMS Enterprise) read from the database: the rows
 * that are not deleted, as model objects, in a stable order so that two exports of the same
 * database are the same.  A run whose course is deleted is left out, and so is everything in it.
 * Where a function takes a run id, 0 means every run.
 */

#define PROVIDERS_SQL \
  "SELECT o.* FROM organisation AS o WHERE o.deleted_at IS NULL AND o.id IN " \
  "(SELECT provider_id FROM course WHERE deleted_at IS NULL AND provider_id IS NOT NULL) " \
  "ORDER BY o.name COLLATE NOCASE, o.id"

#define COURSES_SQL \
  "SELECT * FROM course WHERE deleted_at IS NULL ORDER BY code, id"

#define RUNS_SQL \
  "SELECT r.* FROM course_run AS r JOIN course AS c ON c.id = r.course_id " \
  "WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL " \
  "AND (:run_id IS NULL OR r.id = :run_id) " \
  "ORDER BY c.code, r.start_date, r.code, r.id"

#define MEMBERS_SQL \
  "SELECT p.* FROM person AS p WHERE p.deleted_at IS NULL AND p.id IN (" \
  "SELECT e.person_id FROM enrolment AS e JOIN course_run AS r ON r.id = e.run_id " \
  "JOIN course AS c ON c.id = r.course_id WHERE e.deleted_at IS NULL " \
  "AND r.deleted_at IS NULL AND c.deleted_at IS NULL AND (:run_id IS NULL OR r.id = :run_id) " \
  "UNION SELECT t.person_id FROM run_trainer AS t JOIN course_run AS r ON r.id = t.run_id " \
  "JOIN course AS c ON c.id = r.course_id WHERE t.deleted_at IS NULL " \
  "AND r.deleted_at IS NULL AND c.deleted_at IS NULL AND (:run_id IS NULL OR r.id = :run_id)) " \
  "ORDER BY p.code"

#define ENROLMENTS_SQL \
  "SELECT e.* FROM enrolment AS e JOIN course_run AS r ON r.id = e.run_id " \
  "JOIN course AS c ON c.id = r.course_id JOIN person AS p ON p.id = e.person_id " \
  "WHERE e.deleted_at IS NULL AND r.deleted_at IS NULL AND c.deleted_at IS NULL " \
  "AND p.deleted_at IS NULL AND (:run_id IS NULL OR r.id = :run_id) " \
  "ORDER BY c.code, r.start_date, r.code, r.id, p.code"

#define TRAINERS_SQL \
  "SELECT t.* FROM run_trainer AS t JOIN course_run AS r ON r.id = t.run_id " \
  "JOIN course AS c ON c.id = r.course_id JOIN person AS p ON p.id = t.person_id " \
  "WHERE t.deleted_at IS NULL AND r.deleted_at IS NULL AND c.deleted_at IS NULL " \
  "AND p.deleted_at IS NULL AND (:run_id IS NULL OR r.id = :run_id) " \
  "ORDER BY c.code, r.start_date, r.code, r.id, p.code, t.role"

static GPtrArray *
list_objects (CohortDatabase  *db,
              GType            type,
              const char      *sql,
              gboolean         by_run,
              gint64           run_id,
              GError         **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  stmt = cohort_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (by_run)
    cohort_statement_bind_id (stmt, ":run_id", run_id);

  for (;;)
    {
      GObject *object;

      if (!cohort_statement_step (stmt, &has_row, error))
        {
          cohort_statement_reset (stmt);
          return NULL;
        }
      if (!has_row)
        break;

      object = g_object_new (type, NULL);
      cohort_statement_fill_object (stmt, object);
      g_ptr_array_add (objects, object);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&objects);
}

/**
 * cohort_export_query_list_providers:
 * @db: a database
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type CohortOrganisation): the organisations that
 *   provide at least one course, by name; %NULL on error
 */
GPtrArray *
cohort_export_query_list_providers (CohortDatabase  *db,
                                    GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_objects (db, COHORT_TYPE_ORGANISATION, PROVIDERS_SQL, FALSE, 0, error);
}

/**
 * cohort_export_query_list_courses:
 * @db: a database
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type CohortCourse): every course, by code; %NULL on
 *   error
 */
GPtrArray *
cohort_export_query_list_courses (CohortDatabase  *db,
                                  GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_objects (db, COHORT_TYPE_COURSE, COURSES_SQL, FALSE, 0, error);
}

/**
 * cohort_export_query_list_runs:
 * @db: a database
 * @run_id: one run, or 0 for every run
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type CohortCourseRun): the runs, by course code and
 *   start date; %NULL on error
 */
GPtrArray *
cohort_export_query_list_runs (CohortDatabase  *db,
                               gint64           run_id,
                               GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (run_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_objects (db, COHORT_TYPE_COURSE_RUN, RUNS_SQL, TRUE, run_id, error);
}

/**
 * cohort_export_query_list_members:
 * @db: a database
 * @run_id: one run, or 0 for every run
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type CohortPerson): the persons enrolled in or
 *   teaching the run (or any run), by code; %NULL on error
 */
GPtrArray *
cohort_export_query_list_members (CohortDatabase  *db,
                                  gint64           run_id,
                                  GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (run_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_objects (db, COHORT_TYPE_PERSON, MEMBERS_SQL, TRUE, run_id, error);
}

/**
 * cohort_export_query_list_enrolments:
 * @db: a database
 * @run_id: one run, or 0 for every run
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type CohortEnrolment): the enrolments in the run (or
 *   in every run), by run and person code; %NULL on error
 */
GPtrArray *
cohort_export_query_list_enrolments (CohortDatabase  *db,
                                     gint64           run_id,
                                     GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (run_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_objects (db, COHORT_TYPE_ENROLMENT, ENROLMENTS_SQL, TRUE, run_id, error);
}

/**
 * cohort_export_query_list_trainers:
 * @db: a database
 * @run_id: one run, or 0 for every run
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type CohortRunTrainer): who teaches the run (or every
 *   run), by run and person code; %NULL on error
 */
GPtrArray *
cohort_export_query_list_trainers (CohortDatabase  *db,
                                   gint64           run_id,
                                   GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (run_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_objects (db, COHORT_TYPE_RUN_TRAINER, TRAINERS_SQL, TRUE, run_id, error);
}
