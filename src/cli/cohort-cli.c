/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli.h"

gboolean
cohort_cli_wants (int    argc,
                  char **argv)
{
  return argc > 1;
}

int
cohort_cli_run (int    argc,
                char **argv)
{
  return COHORT_EXIT_USAGE;
}
