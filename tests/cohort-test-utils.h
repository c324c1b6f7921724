/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-database.h"
#include "cohort-report.h"

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
guint cohort_test_count_files      (const char        *folder,
                                     const char        *prefix,
                                     const char        *suffix);
char *cohort_test_dup_shared_data   (const char        *first_element,
                                     ...) G_GNUC_NULL_TERMINATED;
gboolean cohort_test_run_cohort     (const char * const *args,
                                     const char        *database,
                                     char             **out_stdout,
                                     char             **out_stderr,
                                     int               *out_exit_status);

/* A temporary folder and the path of a database in it that is not created, for g_test_add(). */
typedef struct
{
  char *dir;   /* a g_dir_make_tmp() folder, removed at tear-down */
  char *path;  /* dir/cohort.db */
} CohortTestDirFixture;

void  cohort_test_dir_fixture_set_up    (CohortTestDirFixture *fixture,
                                         gconstpointer         user_data);
void  cohort_test_dir_fixture_tear_down (CohortTestDirFixture *fixture,
                                         gconstpointer         user_data);

/* What a run of the `cohort` executable printed and how it ended. */
typedef struct
{
  char *out;
  char *err;
  int   status;
} CohortTestResult;

void  cohort_test_result_clear (CohortTestResult *result);
void  cohort_test_run          (CohortTestResult *result,
                                const char       *database,
                                ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CohortTestResult, cohort_test_result_clear)

gint64  cohort_test_save                  (CohortDatabase *db,
                                           gpointer        record);
void    cohort_test_use_source_schemas    (void);
void    cohort_test_write_old_database    (const char *path,
                                           int         to_version);
void    cohort_test_exec_sql              (const char *path,
                                           const char *sql);
char   *cohort_test_dup_database_checksum (const char *path);
gint64  cohort_test_count_rows            (const char *path,
                                           const char *table);
gint64  cohort_test_query_int64           (const char *path,
                                           const char *sql);
gint64  cohort_test_db_query_int64        (CohortDatabase *db,
                                           const char     *sql);
GArray *cohort_test_count_tables          (const char *path);
gint64  cohort_test_live_count            (GArray     *counts,
                                           const char *table);

/* The programme's report as of @today, for @programme (or all) and the fiscal years @from to
 * @to (0: no bound); asserts that it is computed. */
CohortReport *cohort_test_compute_report         (CohortDatabase *db,
                                                  const char     *programme,
                                                  int             from,
                                                  int             to,
                                                  const char     *today);
CohortReport *cohort_test_compute_report_at_path (const char     *path,
                                                  const char     *programme,
                                                  int             from,
                                                  int             to,
                                                  const char     *today);

/* PDF files, through poppler-utils: the number of pages (pdfinfo), the text of each page
 * (pdftotext), and whether a page's text holds a phrase wherever pdftotext broke its lines. */
guint     cohort_test_pdf_count_pages (const char *path);
char    **cohort_test_pdf_dup_pages   (const char *path);
gboolean  cohort_test_text_contains   (const char *text,
                                       const char *phrase);

#define cohort_test_add(path, func) \
  g_test_add (path, CohortTestFixture, NULL, cohort_test_fixture_set_up, func, \
              cohort_test_fixture_tear_down)

#define cohort_test_add_dir(path, func) \
  g_test_add (path, CohortTestDirFixture, NULL, cohort_test_dir_fixture_set_up, func, \
              cohort_test_dir_fixture_tear_down)

G_END_DECLS
