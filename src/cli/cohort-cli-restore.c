/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "cohort-statistics.h"

/* `cohort restore FILE [--force]` */

static gint64
total_live (GArray *counts)
{
  gint64 total = 0;

  for (guint i = 0; counts != NULL && i < counts->len; i++)
    total += g_array_index (counts, CohortTableCount, i).live;

  return total;
}

static gint64
live_count (GArray     *counts,
            const char *table)
{
  for (guint i = 0; counts != NULL && i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);

      if (g_strcmp0 (count->table, table) == 0)
        return count->live;
    }

  return 0;
}

static char *
dup_file_date (const char *path)
{
  g_autoptr(GDateTime) time = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;

  time = g_date_time_new_from_unix_local (st.st_mtime);
  if (time == NULL)
    return NULL;

  return g_date_time_format (time, "%Y-%m-%d %H:%M");
}

int
cohort_cli_restore (const char  *database,
                    int          argc,
                    char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortDatabase) source = NULL;
  g_autoptr(GArray) before = NULL;
  g_autoptr(GArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  g_autofree char *source_display = NULL;
  g_autofree char *backup_path = NULL;
  g_autofree char *backup_display = NULL;
  g_autofree char *made_on = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace a database that holds records"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const char *path;
  const char *source_path;
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("restore", _("FILE"),
                                           _("Replace everything in the database with the "
                                             "content of FILE, a backup."),
                                           _("FILE must be a Cohort database (a backup written "
                                             "by “cohort backup” or kept in the backups folder "
                                             "beside the database) from this version of Cohort "
                                             "or an older one. The database is copied into "
                                             "the backups folder first, then replaced with "
                                             "SQLite’s online backup, so the window, if it is "
                                             "open, sees the restored records. A database that "
                                             "holds records is replaced only with --force."),
                                           entries);
  if (!cohort_cli_parse (context, "restore", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return cohort_cli_usage_error ("restore", _("restore needs the name of the backup to "
                                                "restore"));
  if (argc > 2)
    return cohort_cli_usage_error ("restore", _("restore reads one file, but was given “%s” "
                                                "too"), argv[2]);

  path = cohort_cli_get_database (database);
  source_path = argv[1];
  display = g_filename_display_name (path);
  source_display = g_filename_display_name (source_path);

  /* The backup is checked before anything else is opened or created. */
  source = cohort_database_open_backup (source_path, &error);
  if (source == NULL)
    {
      cohort_cli_printerr (_("Nothing was restored: %s"), error->message);
      return COHORT_EXIT_FAILURE;
    }
  g_clear_object (&source);

  db = cohort_cli_open_database (path, COHORT_DATABASE_OPEN_DEFAULT);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  before = cohort_statistics_count_tables (db, &error);
  if (before == NULL)
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  if (total_live (before) > 0 && !force)
    {
      cohort_cli_printerr (_("“%s” already holds records; add --force to replace them with "
                             "the backup (a copy of them is kept first)"), display);
      return COHORT_EXIT_FAILURE;
    }

  if (!cohort_database_restore_from (db, source_path, &backup_path, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  after = cohort_statistics_count_tables (db, &error);
  if (after == NULL)
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  made_on = dup_file_date (source_path);
  backup_display = g_filename_display_name (backup_path);

  if (made_on != NULL)
    /* Translators: "Restored “copy.db” (made on 2026-11-02 17:40) into “cohort.db”." */
    g_print (_("Restored “%s” (made on %s) into “%s”.\n"), source_display, made_on, display);
  else
    g_print (_("Restored “%s” into “%s”.\n"), source_display, display);

  for (guint i = 0; i < after->len; i++)
    {
      CohortTableCount *count = &g_array_index (after, CohortTableCount, i);
      gint64 old_count = live_count (before, count->table);

      if (old_count == 0 && count->live == 0)
        continue;

      /* Translators: "  Trainees: 1234 before, 1100 now" */
      g_print (_("  %s: %lld before, %lld now\n"),
               count->label, (long long) old_count, (long long) count->live);
    }

  g_print (_("The records it replaced were kept in “%s”.\n"), backup_display);
  return COHORT_EXIT_SUCCESS;
}
