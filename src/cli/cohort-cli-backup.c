/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

/* `cohort backup FILE [--force]` */

static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int
cohort_cli_backup (const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *dest_display = NULL;
  g_autofree char *size = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it already exists"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const char *path;
  const char *dest;
  GStatBuf st;
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("backup", _("FILE"),
                                           _("Copy the database to FILE with SQLite’s online "
                                             "backup."),
                                           _("The copy is consistent even while the window or "
                                             "another program is writing, and is itself a "
                                             "Cohort database: open it with --database FILE. "
                                             "An existing FILE is left alone unless --force "
                                             "is given."),
                                           entries);
  if (!cohort_cli_parse (context, "backup", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return cohort_cli_usage_error ("backup", _("backup needs the name of the file to write"));
  if (argc > 2)
    return cohort_cli_usage_error ("backup", _("backup writes one file, but was given “%s” "
                                               "too"), argv[2]);

  path = cohort_cli_get_database (database);
  dest = argv[1];
  display = g_filename_display_name (path);
  dest_display = g_filename_display_name (dest);

  if (same_file (path, dest))
    {
      cohort_cli_printerr (_("“%s” is the database itself; give another name for the copy"),
                           dest_display);
      return COHORT_EXIT_FAILURE;
    }

  if (!force && g_lstat (dest, &st) == 0)
    {
      cohort_cli_printerr (_("“%s” already exists; give another name, or add --force to "
                             "replace it"), dest_display);
      return COHORT_EXIT_FAILURE;
    }

  db = cohort_cli_open_existing (path);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  if (!cohort_database_backup_to (db, dest, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  if (g_stat (dest, &st) == 0)
    size = g_format_size ((guint64) st.st_size);
  else
    size = g_strdup ("?");

  g_print (_("Copied “%s” to “%s” (%s).\n"), display, dest_display, size);
  return COHORT_EXIT_SUCCESS;
}
