/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the sub-commands of the command line (src/cli only). */

#include <gio/gio.h>

#include "cohort-cli.h"
#include "cohort-database.h"

G_BEGIN_DECLS

/**
 * CohortCliCommandFunc:
 * @database: the database to work on (from `--database`, or the default)
 * @argc: the number of arguments from the sub-command's name on
 * @argv: the arguments; argv[0] is the sub-command's name
 *
 * Returns: %COHORT_EXIT_SUCCESS, %COHORT_EXIT_FAILURE or %COHORT_EXIT_USAGE
 */
typedef int (*CohortCliCommandFunc) (const char  *database,
                                     int          argc,
                                     char       **argv);

int   cohort_cli_backup       (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_check        (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_demo         (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_export       (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_import       (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_person       (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_report       (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_restore      (const char  *database,
                               int          argc,
                               char       **argv);
int   cohort_cli_stats        (const char  *database,
                               int          argc,
                               char       **argv);

/* "cohort: MESSAGE" on stderr. */
void  cohort_cli_printerr     (const char  *format,
                               ...) G_GNUC_PRINTF (1, 2);
/* "FILE:LINE:COLUMN: MESSAGE" on stderr, for errors that have a place in a file. */
void  cohort_cli_printerr_at  (const char  *file,
                               guint        line,
                               guint        column,
                               const char  *format,
                               ...) G_GNUC_PRINTF (4, 5);

GOptionContext *cohort_cli_option_context_new (const char          *command,
                                               const char          *parameters,
                                               const char          *summary,
                                               const char          *description,
                                               const GOptionEntry  *entries);
gboolean        cohort_cli_parse              (GOptionContext      *context,
                                               const char          *command,
                                               int                 *argc,
                                               char              ***argv,
                                               int                 *out_status);
int             cohort_cli_usage_error        (const char          *command,
                                               const char          *format,
                                               ...) G_GNUC_PRINTF (2, 3);

const char     *cohort_cli_get_database       (const char          *database);
CohortDatabase *cohort_cli_open_database      (const char          *path,
                                               CohortDatabaseOpenFlags flags);
CohortDatabase *cohort_cli_open_existing      (const char          *path);

GFile          *cohort_cli_output_file        (const char          *output,
                                               gboolean             force);
GOutputStream  *cohort_cli_replace_file       (GFile               *file);
void            cohort_cli_abort_file         (GOutputStream       *stream);

G_END_DECLS
