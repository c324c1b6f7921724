/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Only for src/core: the statement layer.  No other layer sees SQL. */

#include <sqlite3.h>

#include "cohort-database.h"

G_BEGIN_DECLS

sqlite3         *cohort_database_get_handle       (CohortDatabase   *self);
gboolean         cohort_database_exec             (CohortDatabase   *self,
                                                   const char       *sql,
                                                   GError          **error);
CohortStatement *cohort_database_prepare          (CohortDatabase   *self,
                                                   const char       *sql,
                                                   GError          **error);
void             cohort_database_note_changed     (CohortDatabase   *self,
                                                   const char       *table);
gboolean         cohort_database_set_error        (CohortDatabase   *self,
                                                   int               rc,
                                                   GError          **error);

void             cohort_statement_bind_text       (CohortStatement  *stmt,
                                                   const char       *name,
                                                   const char       *value);
void             cohort_statement_bind_int64      (CohortStatement  *stmt,
                                                   const char       *name,
                                                   gint64            value);
void             cohort_statement_bind_id         (CohortStatement  *stmt,
                                                   const char       *name,
                                                   gint64            id);
void             cohort_statement_bind_double     (CohortStatement  *stmt,
                                                   const char       *name,
                                                   double            value);
void             cohort_statement_bind_null       (CohortStatement  *stmt,
                                                   const char       *name);
void             cohort_statement_bind_object     (CohortStatement  *stmt,
                                                   GObject          *object);
gboolean         cohort_statement_step            (CohortStatement  *stmt,
                                                   gboolean         *out_has_row,
                                                   GError          **error);
gboolean         cohort_statement_execute         (CohortStatement  *stmt,
                                                   GError          **error);
void             cohort_statement_reset           (CohortStatement  *stmt);
int              cohort_statement_get_n_columns   (CohortStatement  *stmt);
const char      *cohort_statement_get_column_name (CohortStatement  *stmt,
                                                   int               column);
gboolean         cohort_statement_is_null         (CohortStatement  *stmt,
                                                   int               column);
const char      *cohort_statement_get_text        (CohortStatement  *stmt,
                                                   int               column);
gint64           cohort_statement_get_int64       (CohortStatement  *stmt,
                                                   int               column);
double           cohort_statement_get_double      (CohortStatement  *stmt,
                                                   int               column);
void             cohort_statement_fill_object     (CohortStatement  *stmt,
                                                   GObject          *object);
gint64           cohort_database_last_insert_id   (CohortDatabase   *self);
int              cohort_database_changes          (CohortDatabase   *self);

G_END_DECLS
