/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-database.h"

G_BEGIN_DECLS

typedef struct
{
  const char *table;  /* the table's name, e.g. "course_run" */
  const char *label;  /* what it holds, translated, e.g. "Course runs" */
  gint64      live;   /* rows not deleted */
  gint64      deleted;/* soft-deleted rows (0 for tables without soft delete) */
} CohortTableCount;

GArray *cohort_statistics_count_tables (CohortDatabase  *db,
                                        GError         **error);

G_END_DECLS
