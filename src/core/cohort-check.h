/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cohort-database.h"

G_BEGIN_DECLS

/**
 * CohortProblem:
 * @table: (nullable): the table of the row at fault (`placement`), or %NULL when the problem
 *   concerns the file as a whole
 * @row_id: the row's id, or 0 when the problem is not about one row
 * @message: the problem in words, naming the row: "placement 12 (person P-0042): The end date
 *   is before the start date"
 *
 * One thing cohort_check_run() found wrong.
 */
typedef struct
{
  char   *table;
  gint64  row_id;
  char   *message;
} CohortProblem;

#define COHORT_TYPE_PROBLEM (cohort_problem_get_type ())

GType          cohort_problem_get_type (void) G_GNUC_CONST;
CohortProblem *cohort_problem_new      (const char          *table,
                                        gint64               row_id,
                                        const char          *message);
CohortProblem *cohort_problem_copy     (const CohortProblem *problem);
void           cohort_problem_free     (CohortProblem       *problem);

GPtrArray     *cohort_check_run        (CohortDatabase      *db,
                                        GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortProblem, cohort_problem_free)

G_END_DECLS
