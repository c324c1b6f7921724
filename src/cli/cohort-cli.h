/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every sub-command. */
#define COHORT_EXIT_SUCCESS 0
#define COHORT_EXIT_FAILURE 1
#define COHORT_EXIT_USAGE   2

gboolean cohort_cli_wants (int    argc,
                           char **argv);
int      cohort_cli_run   (int    argc,
                           char **argv);

G_END_DECLS
