/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>

#include "cohort-check.h"

/* `cohort check`: one line per problem on stdout; exit status 1 if there is any. */

int
cohort_cli_check (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  const char *path;
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("check", NULL,
                                           _("Look for damage and broken rules in the "
                                             "database."),
                                           _("Checks the file itself, the references between "
                                             "records, the search indexes, every record "
                                             "against the rules the editors enforce (real "
                                             "dates, ends after starts, the fields each status "
                                             "needs, …) and the rules across records "
                                             "(overlapping placements of one person, an "
                                             "organisation inside itself, …), however the "
                                             "database was written. "
                                             "Prints one line per problem and exits with "
                                             "status 1 if it found any. Changes nothing."),
                                           NULL);
  if (!cohort_cli_parse (context, "check", &argc, &argv, &status))
    return status;

  if (argc > 1)
    return cohort_cli_usage_error ("check", _("check takes no arguments, but was given “%s”"),
                                   argv[1]);

  path = cohort_cli_get_database (database);
  display = g_filename_display_name (path);

  db = cohort_cli_open_existing (path);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  problems = cohort_check_run (db, &error);
  if (problems == NULL)
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      CohortProblem *problem = g_ptr_array_index (problems, i);

      g_print ("%s\n", problem->message);
    }

  if (problems->len > 0)
    {
      cohort_cli_printerr (g_dngettext (GETTEXT_PACKAGE, "%u problem found in “%s”",
                                        "%u problems found in “%s”", problems->len),
                           problems->len, display);
      return COHORT_EXIT_FAILURE;
    }

  g_print (_("No problems found in “%s”.\n"), display);
  return COHORT_EXIT_SUCCESS;
}
