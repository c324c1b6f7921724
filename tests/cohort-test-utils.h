/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-database.h"

G_BEGIN_DECLS

/* A fresh database in its own temporary folder, for g_test_add(). */
typedef struct
{
  char           *dir;   /* a g_dir_make_tmp() folder, removed at tear-down */
  char           *path;  /* dir/cohort.db */
  CohortDatabase *db;
} CohortTestFixture;

void  cohort_test_fixture_set_up    (CohortTestFixture *fixture,
                                     gconstpointer      user_data);
void  cohort_test_fixture_tear_down (CohortTestFixture *fixture,
                                     gconstpointer      user_data);

char *cohort_test_make_tmp_dir      (void);
void  cohort_test_remove_tree       (const char        *path);
char *cohort_test_dup_shared_data   (const char        *first_element,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean cohort_test_run_cohort     (const char * const *args,
                                     const char        *database,
                                     char             **out_stdout,
                                     char             **out_stderr,
                                     int               *out_exit_status);

#define cohort_test_add(path, func) \
  g_test_add (path, CohortTestFixture, NULL, cohort_test_fixture_set_up, func, \
              cohort_test_fixture_tear_down)

G_END_DECLS
