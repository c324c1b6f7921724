/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cohort-cli-private.h"

/*
 * `cohort [--database PATH] SUBCOMMAND [OPTION…]`: the command line is the second face of the
 * same core.  Each sub-command parses its own options (and --help) and returns an exit status:
 * 0 for success, 1 when the work failed, 2 when the command line itself was wrong.  Errors go to
 * stderr, as "FILE:LINE:COLUMN: message" when they have a place in a file and as "cohort:
 * message" otherwise; results go to stdout.
 */

static const struct {
  const char           *name;
  CohortCliCommandFunc  run;
  const char           *summary;
} commands[] = {
  { "backup", cohort_cli_backup,
    N_("Copy the database to a file with SQLite’s online backup") },
  { "check", cohort_cli_check,
    N_("Look for damage and broken rules in the database") },
  { "demo", cohort_cli_demo,
    N_("Fill an empty database with a realistic demo programme") },
  { "export", cohort_cli_export,
    N_("Write a list as CSV, the catalogue as XCRI-CAP, runs as IMS Enterprise") },
  { "import", cohort_cli_import,
    N_("Import a course catalogue (XCRI-CAP 1.2)") },
  { "person", cohort_cli_person,
    N_("Export, anonymise or erase what is held on one person") },
  { "report", cohort_cli_report,
    N_("Write the programme’s report as text, CSV, JSON or PDF") },
  { "restore", cohort_cli_restore,
    N_("Replace the database with a backup, keeping a copy of it first") },
  { "stats", cohort_cli_stats,
    N_("Count the records in each table") },
};

/* A command-line writer waits this long for another one (the window, another import) to
 * finish, rather than failing because the database is busy. */
#define WRITER_WAIT_MSEC (10 * 60 * 1000)

/* Set by the options every sub-command shares. */
static char *sub_database;
static gboolean help_wanted;

static const GOptionEntry common_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &sub_database,
    N_("The database to use (by default the one the window opens)"), N_("PATH") },
  { "help", 'h', 0, G_OPTION_ARG_NONE, &help_wanted, N_("Show this help"), NULL },
  G_OPTION_ENTRY_NULL
};

static gboolean
is_command (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, word) == 0)
      return TRUE;

  return FALSE;
}

static void
vprint_error (const char *prefix,
              const char *format,
              va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  /* One line per error, whatever the message held. */
  g_strdelimit (message, "\n\r", ' ');
  g_printerr ("%s: %s\n", prefix, message);
}

void
cohort_cli_printerr (const char *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  vprint_error ("cohort", format, args);
  va_end (args);
}

void
cohort_cli_printerr_at (const char *file,
                        guint       line,
                        guint       column,
                        const char *format,
                        ...)
{
  g_autofree char *place = NULL;
  va_list args;

  if (line == 0)
    place = g_strdup (file);
  else if (column == 0)
    place = g_strdup_printf ("%s:%u", file, line);
  else
    place = g_strdup_printf ("%s:%u:%u", file, line, column);

  va_start (args, format);
  vprint_error (place, format, args);
  va_end (args);
}

/**
 * cohort_cli_usage_error:
 * @command: (nullable): the sub-command, to point at its help
 *
 * Reports a mistake in the command line.
 *
 * Returns: %COHORT_EXIT_USAGE
 */
int
cohort_cli_usage_error (const char *command,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    help = g_strdup_printf ("cohort %s --help", command);
  else
    help = g_strdup ("cohort --help");

  /* Translators: the first %s is what was wrong, the second a command such as
   * "cohort demo --help" */
  cohort_cli_printerr (_("%s (see “%s”)"), message, help);
  return COHORT_EXIT_USAGE;
}

/**
 * cohort_cli_option_context_new:
 * @command: the sub-command
 * @parameters: (nullable): what follows the options in the usage line, e.g. "FILE"
 * @summary: one line: what the sub-command does
 * @description: (nullable): more, shown after the options
 * @entries: (nullable): the sub-command's own options
 *
 * Returns: (transfer full): a context that also knows --database and --help
 */
GOptionContext *
cohort_cli_option_context_new (const char         *command,
                               const char         *parameters,
                               const char         *summary,
                               const char         *description,
                               const GOptionEntry *entries)
{
  GOptionContext *context = g_option_context_new (parameters);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context, summary);
  if (description != NULL)
    g_option_context_set_description (context, description);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  return context;
}

/**
 * cohort_cli_parse:
 * @out_status: (out): the exit status when parsing ends the command
 *
 * Parses a sub-command's options, leaving its other arguments in @argv.  Shows the help when
 * asked (status 0) and reports a mistake (status 2).
 *
 * Returns: %TRUE if the sub-command should go on
 */
gboolean
cohort_cli_parse (GOptionContext   *context,
                  const char       *command,
                  int              *argc,
                  char           ***argv,
                  int              *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("cohort %s", command);

  g_set_prgname (prgname);
  help_wanted = FALSE;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *out_status = cohort_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (help_wanted)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      *out_status = COHORT_EXIT_SUCCESS;
      return FALSE;
    }

  return TRUE;
}

/* The database a sub-command works on: its own --database, else the global one. */
const char *
cohort_cli_get_database (const char *database)
{
  return sub_database != NULL ? sub_database : database;
}

/* The file holds personal data: say so when other users of the computer can read it, and how
 * to close it to them. */
static void
warn_if_shared (CohortDatabase *db)
{
  g_autofree char *folder = g_path_get_dirname (cohort_database_get_path (db));
  g_autofree char *quoted_file = g_shell_quote (cohort_database_get_path (db));
  g_autofree char *quoted_folder = g_shell_quote (folder);
  g_autofree char *display = g_filename_display_name (cohort_database_get_path (db));
  g_autofree char *fix = NULL;
  gboolean file_shared = FALSE;
  gboolean folder_shared = FALSE;

  if (cohort_database_is_private (db, &file_shared, &folder_shared))
    return;

  if (file_shared && folder_shared)
    fix = g_strdup_printf ("chmod 600 %s && chmod 700 %s", quoted_file, quoted_folder);
  else if (file_shared)
    fix = g_strdup_printf ("chmod 600 %s", quoted_file);
  else
    fix = g_strdup_printf ("chmod 700 %s", quoted_folder);

  /* Translators: the first %s is the database file, the second a shell command such as
   * "chmod 600 '/home/ana/cohort.db'" */
  cohort_cli_printerr (_("warning: other users of this computer can read “%s” or its folder, "
                         "which hold personal data; to make them private, run: %s"),
                       display, fix);
}

/* The settings the window keeps and the command line honours, when they are installed. */
static void
apply_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "backups-to-keep"))
    return;

  settings = g_settings_new_full (schema, NULL, NULL);
  cohort_database_set_default_backups_to_keep ((guint) MAX (1, g_settings_get_int (settings,
                                                                  "backups-to-keep")));
}

/**
 * cohort_cli_open_database:
 *
 * Opens @path, or says why it cannot be opened.
 *
 * Returns: (transfer full) (nullable): the database
 */
CohortDatabase *
cohort_cli_open_database (const char              *path,
                          CohortDatabaseOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  CohortDatabase *db;

  db = cohort_database_open (path, flags, &error);
  if (db == NULL)
    cohort_cli_printerr ("%s", error->message);
  else
    warn_if_shared (db);

  return db;
}

/**
 * cohort_cli_open_existing:
 *
 * Opens the database at @path for a sub-command that reads it: never creates one, and falls
 * back to reading a database that cannot be written.
 *
 * Returns: (transfer full) (nullable): the database
 */
CohortDatabase *
cohort_cli_open_existing (const char *path)
{
  g_autoptr(GError) error = NULL;
  CohortDatabase *db;

  db = cohort_database_open (path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  if (db == NULL && g_error_matches (error, COHORT_DATABASE_ERROR,
                                     COHORT_DATABASE_ERROR_READ_ONLY))
    {
      g_clear_error (&error);
      db = cohort_database_open (path, COHORT_DATABASE_OPEN_READ_ONLY, &error);
    }

  if (db == NULL)
    cohort_cli_printerr ("%s", error->message);
  else
    warn_if_shared (db);

  return db;
}

/**
 * cohort_cli_output_file:
 * @output: the file named with `-o`
 * @force: whether `--force` allows replacing it
 *
 * Returns: (transfer full) (nullable): the file to write, or %NULL (said on stderr) when it
 *   exists and @force is not set
 */
GFile *
cohort_cli_output_file (const char *output,
                        gboolean    force)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

  if (!force && g_file_query_exists (file, NULL))
    {
      g_autofree char *display = g_filename_display_name (output);

      cohort_cli_printerr (_("%s already exists; add --force to replace it"), display);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/**
 * cohort_cli_replace_file:
 * @file: the file to write
 *
 * Opens a stream that writes beside @file and renames the copy over it when closed, so that
 * @file is replaced only once it is complete; cohort_cli_abort_file() drops the copy.
 *
 * Returns: (transfer full) (nullable): the stream, or %NULL (said on stderr)
 */
GOutputStream *
cohort_cli_replace_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GFileOutputStream *stream;

  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           NULL, &error);
  if (stream == NULL)
    cohort_cli_printerr ("%s", error->message);

  return G_OUTPUT_STREAM (stream);
}

/**
 * cohort_cli_abort_file:
 * @stream: a stream from cohort_cli_replace_file()
 *
 * Closes @stream without replacing its file: the half-written copy is dropped.
 */
void
cohort_cli_abort_file (GOutputStream *stream)
{
  g_autoptr(GCancellable) abort_write = g_cancellable_new ();

  /* Closing with a cancelled cancellable drops the half-written copy. */
  g_cancellable_cancel (abort_write);
  g_output_stream_close (stream, abort_write, NULL);
}

static void
print_help (void)
{
  g_autofree char *default_path = cohort_database_dup_default_path ();
  guint width = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, strlen (commands[i].name));

  g_print ("%s\n  cohort [--database %s] [%s [%s…]]\n\n", _("Usage:"), _("PATH"),
           _("SUBCOMMAND"), _("OPTION"));
  g_print ("%s\n\n", _("Keeps the records of a peacebuilding training programme: trainees, "
                       "courses, placements and careers. Without a sub-command, opens the "
                       "window."));
  g_print ("%s\n", _("Sub-commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_print ("  %-*s  %s\n", (int) width, commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Options:"));
  g_print ("  --database %-8s%s\n", _("PATH"), _("The database to use"));
  g_print ("                     (%s)\n", default_path);
  g_print ("  -h, --help         %s\n", _("Show this help"));
  g_print ("  --version          %s\n\n", _("Show the version"));
  g_print ("%s\n", _("“cohort SUBCOMMAND --help” explains a sub-command and its options."));
}

/* Splits off the global options: --database PATH (or --database=PATH).  Returns the index of
 * the first other argument, or -1 after a mistake. */
static int
parse_global_options (int          argc,
                      char       **argv,
                      const char **out_database,
                      gboolean     report)
{
  int i;

  for (i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--database") == 0)
        {
          if (i + 1 >= argc || argv[i + 1][0] == '\0')
            {
              if (report)
                cohort_cli_usage_error (NULL, _("--database needs the path of a database"));
              return -1;
            }
          *out_database = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--database="))
        {
          if (argv[i][strlen ("--database=")] == '\0')
            {
              if (report)
                cohort_cli_usage_error (NULL, _("--database needs the path of a database"));
              return -1;
            }
          *out_database = argv[i] + strlen ("--database=");
        }
      else
        break;
    }

  return i;
}

/**
 * cohort_cli_wants:
 * @argc: the number of arguments
 * @argv: the program's arguments
 *
 * Decides who handles this invocation.  The window takes no arguments, `--database PATH`
 * alone, a single existing file (a database to open), and GApplication's own options (the
 * D-Bus service starts Cohort with --gapplication-service).  Everything else — a sub-command,
 * --help, --version, or a word that is none of these (a usage error) — is the command line's.
 *
 * Returns: %TRUE if cohort_cli_run() should handle it
 */
gboolean
cohort_cli_wants (int    argc,
                  char **argv)
{
  const char *database = NULL;
  int first;

  g_return_val_if_fail (argc >= 0, FALSE);

  first = parse_global_options (argc, argv, &database, FALSE);
  if (first < 0)
    return TRUE;
  if (first >= argc)
    return FALSE;

  if (g_str_has_prefix (argv[first], "--gapplication-"))
    return FALSE;

  if (first == argc - 1 && argv[first][0] != '-' && !is_command (argv[first]) &&
      g_file_test (argv[first], G_FILE_TEST_IS_REGULAR))
    return FALSE;

  return TRUE;
}

/**
 * cohort_cli_run:
 * @argc: the number of arguments
 * @argv: the program's arguments
 *
 * Runs the sub-command named on the command line.
 *
 * Returns: the exit status: %COHORT_EXIT_SUCCESS, %COHORT_EXIT_FAILURE or %COHORT_EXIT_USAGE
 */
int
cohort_cli_run (int    argc,
                char **argv)
{
  g_autofree char *default_database = NULL;
  const char *database = NULL;
  const char *word;
  int first;

  g_set_prgname ("cohort");

  first = parse_global_options (argc, argv, &database, TRUE);
  if (first < 0)
    return COHORT_EXIT_USAGE;

  if (first >= argc)
    return cohort_cli_usage_error (NULL, _("Name a sub-command"));

  word = argv[first];

  if (strcmp (word, "--help") == 0 || strcmp (word, "-h") == 0 || strcmp (word, "-?") == 0 ||
      strcmp (word, "help") == 0)
    {
      print_help ();
      return COHORT_EXIT_SUCCESS;
    }

  if (strcmp (word, "--version") == 0)
    {
      g_print ("cohort %s\n", PACKAGE_VERSION);
      return COHORT_EXIT_SUCCESS;
    }

  if (database == NULL)
    {
      default_database = cohort_database_dup_default_path ();
      database = default_database;
    }

  cohort_database_set_default_busy_timeout (WRITER_WAIT_MSEC);
  apply_settings ();

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (commands[i].name, word) == 0)
      {
        /* Translators: how the history names the way a change was made; %s is a sub-command
         * such as "import" */
        g_autofree char *face = g_strdup_printf (_("command line: %s"), word);
        g_autofree char *actor = cohort_database_dup_user_actor (face);
        int status;

        cohort_database_set_default_actor (actor);
        status = commands[i].run (database, argc - first, argv + first);

        g_clear_pointer (&sub_database, g_free);
        return status;
      }

  if (word[0] == '-')
    return cohort_cli_usage_error (NULL, _("Unknown option “%s”"), word);

  if (strchr (word, G_DIR_SEPARATOR) != NULL || strchr (word, '.') != NULL)
    return cohort_cli_usage_error (NULL, _("“%s” is neither a sub-command nor a file that "
                                           "exists"), word);

  return cohort_cli_usage_error (NULL, _("“%s” is not a sub-command"), word);
}
