/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cohort-person-data-pdf.h"
#include "cohort-person-data.h"
#include "cohort-person.h"
#include "cohort-store.h"

/*
 * `cohort person export CODE [--format json|pdf] [-o FILE]`, `cohort person anonymise CODE`,
 * `cohort person erase CODE [--yes]`: what the programme holds on one person, and the two ways
 * to stop holding it.  Only codes are printed, never names: the output may end up in a log.
 */

static int
person_usage (const char *format,
              ...) G_GNUC_PRINTF (1, 2);

static int
person_usage (const char *format,
              ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return cohort_cli_usage_error ("person", "%s", message);
}

/* Opens the database and finds the person with @code; says why when it cannot. */
static gboolean
open_person (const char       *path,
             const char       *code,
             gboolean          write,
             CohortDatabase  **out_db,
             CohortPerson    **out_person)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  if (write)
    db = cohort_cli_open_database (path, COHORT_DATABASE_OPEN_NO_CREATE);
  else
    db = cohort_cli_open_existing (path);
  if (db == NULL)
    return FALSE;

  if (!cohort_store_find_by_code (db, COHORT_TYPE_PERSON, code, &record, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return FALSE;
    }

  if (record == NULL)
    {
      cohort_cli_printerr (_("No person has the code “%s”"), code);
      return FALSE;
    }

  *out_db = g_steal_pointer (&db);
  *out_person = COHORT_PERSON (g_steal_pointer (&record));
  return TRUE;
}

/* Everything held on @person; says why when it cannot be read. */
static CohortPersonData *
collect_data (CohortDatabase *db,
              CohortPerson   *person)
{
  g_autoptr(GError) error = NULL;
  CohortPersonData *data;

  data = cohort_person_data_collect (db, cohort_record_get_id (COHORT_RECORD (person)), &error);
  if (data == NULL)
    cohort_cli_printerr ("%s", error->message);

  return data;
}

static int
run_export (const char  *database,
            int          argc,
            char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("json (the default) or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (JSON goes to the standard output without it)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("person export", _("CODE"),
                                           _("Write everything the database holds on the "
                                             "person with CODE."),
                                           _("The personal details, other nationalities, "
                                             "enrolments, placements, career records, runs "
                                             "taught, placements supervised and the history "
                                             "of changes to them: as JSON for a program, or as "
                                             "a PDF document for the person to read."),
                                           entries);
  if (!cohort_cli_parse (context, "person export", &argc, &argv, &status))
    return status;

  if (format == NULL)
    format = g_strdup ("json");
  if (strcmp (format, "json") != 0 && strcmp (format, "pdf") != 0)
    return person_usage (_("--format is json or pdf, not “%s”"), format);
  if (argc < 2)
    return person_usage (_("person export needs the code of a person"));
  if (argc > 2)
    return person_usage (_("person export takes one code, but was given “%s” too"), argv[2]);
  if (strcmp (format, "pdf") == 0 && output == NULL)
    return person_usage (_("A PDF needs a file to go to: add -o FILE"));

  if (!open_person (cohort_cli_get_database (database), argv[1], FALSE, &db, &person))
    return COHORT_EXIT_FAILURE;

  data = collect_data (db, person);
  if (data == NULL)
    return COHORT_EXIT_FAILURE;

  if (strcmp (format, "pdf") == 0)
    {
      if (!cohort_person_data_write_pdf (data, output, &error))
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }
    }
  else
    {
      g_autofree char *json = cohort_person_data_to_json (data);

      if (output == NULL)
        {
          fputs (json, stdout);
          if (fflush (stdout) != 0)
            {
              cohort_cli_printerr (_("Could not write to the standard output"));
              return COHORT_EXIT_FAILURE;
            }
        }
      /* Personal data: readable by its owner only. */
      else if (!g_file_set_contents_full (output, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                          &error))
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }
    }

  if (output != NULL)
    {
      g_autofree char *display = g_filename_display_name (output);

      /* Translators: the first %s is a person's code, the second a file name */
      g_print (_("Wrote the data held on %s to “%s”.\n"),
               cohort_person_get_code (person), display);
    }

  return COHORT_EXIT_SUCCESS;
}

static int
run_anonymise (const char  *database,
               int          argc,
               char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortRecord) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  int status = COHORT_EXIT_SUCCESS;
  gint64 id;

  context = cohort_cli_option_context_new ("person anonymise", _("CODE"),
                                           _("Remove, for good, what identifies the person "
                                             "with CODE."),
                                           _("Names, gender in their own words, date of birth, "
                                             "email, phone and notes are blanked and the code "
                                             "becomes ANON-<number>. Gender, nationality and "
                                             "participation stay, so the statistics stay true. "
                                             "The history keeps that the changes happened but "
                                             "none of the values."),
                                           NULL);
  if (!cohort_cli_parse (context, "person anonymise", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return person_usage (_("person anonymise needs the code of a person"));
  if (argc > 2)
    return person_usage (_("person anonymise takes one code, but was given “%s” too"),
                         argv[2]);

  if (!open_person (cohort_cli_get_database (database), argv[1], TRUE, &db, &person))
    return COHORT_EXIT_FAILURE;

  code = g_strdup (cohort_person_get_code (person));
  id = cohort_record_get_id (COHORT_RECORD (person));
  if (cohort_person_get_anonymised_at (person) != NULL)
    {
      g_print (_("%s was already anonymised; nothing changed.\n"), code);
      return COHORT_EXIT_SUCCESS;
    }

  if (!cohort_store_anonymise_person (db, id, &error) ||
      (after = cohort_store_load (db, COHORT_TYPE_PERSON, id, &error)) == NULL)
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  /* Translators: the first %s is a person's old code, the second their new one */
  g_print (_("Anonymised %s; the record’s code is now %s.\n"), code,
           cohort_person_get_code (COHORT_PERSON (after)));
  return COHORT_EXIT_SUCCESS;
}

/* One line of the plan, for a count that is not zero; takes @line. */
static void
print_line (guint  n,
            char  *line)
{
  if (n > 0)
    g_print ("  %s\n", line);
  g_free (line);
}

static void
print_erase_plan (CohortPersonData *data,
                  const char       *code)
{
  guint n_nationalities = cohort_person_data_count (data, "nationalities");
  guint n_enrolments = cohort_person_data_count (data, "enrolments");
  guint n_placements = cohort_person_data_count (data, "placements");
  guint n_careers = cohort_person_data_count (data, "career_records");
  guint n_taught = cohort_person_data_count (data, "teaching");
  guint n_supervised = cohort_person_data_count (data, "supervision");
  guint n_history = cohort_person_data_count (data, "history");

  /* Translators: %s is a person's code */
  g_print (_("Erasing %s removes for good:\n"), code);
  g_print ("  %s\n", _("their personal details"));
  print_line (n_nationalities,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u other nationality",
                                            "%u other nationalities",
                                            n_nationalities),
                               n_nationalities));
  print_line (n_enrolments,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u enrolment",
                                            "%u enrolments",
                                            n_enrolments),
                               n_enrolments));
  print_line (n_placements,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u placement",
                                            "%u placements",
                                            n_placements),
                               n_placements));
  print_line (n_careers,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u career record",
                                            "%u career records",
                                            n_careers),
                               n_careers));
  print_line (n_taught,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u run taught",
                                            "%u runs taught",
                                            n_taught),
                               n_taught));
  print_line (n_supervised,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "them as supervisor of %u other person’s "
                                          "placement",
                                            "them as supervisor of %u other people’s "
                                          "placements",
                                            n_supervised),
                               n_supervised));
  print_line (n_history,
              g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "the values in %u history entry (the entry "
                                          "stays, without them)",
                                            "the values in %u history entries (the "
                                          "entries stay, without them)",
                                            n_history),
                               n_history));
  g_print ("%s\n", _("The history keeps only that a person was erased, and when. This cannot be "
                     "undone, and the statistics will no longer count them."));
}

static gboolean
ask_yes (const char *code)
{
  char answer[256] = "";
  g_autofree char *line = NULL;

  /* Translators: %s is a person's code; the user types it to confirm */
  g_print (_("Type %s to erase, anything else to stop: "), code);
  fflush (stdout);
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;

  line = g_strstrip (g_strdup (answer));
  return strcmp (line, code) == 0;
}


/* What the erase did to the copies in the backups folder. */
static void
print_backups_outcome (const char         *code,
                       const char         *folder,
                       guint               n_cleaned,
                       const char * const *not_cleaned)
{
  guint n_not_cleaned = not_cleaned != NULL ? g_strv_length ((char **) not_cleaned) : 0;

  /* Translators: %u is a number of backup files that held the person and no longer do */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Erased from %u backup too.\n",
                        "Erased from %u backups too.\n", n_cleaned), n_cleaned);
  if (n_not_cleaned == 0)
    return;

  /* Translators: %u is a number of backup files, the first %s a person's code, the second
   * the folder of the backups */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "%u backup could not be cleaned and may still hold %s (in “%s”):\n",
                        "%u backups could not be cleaned and may still hold %s (in “%s”):\n",
                        n_not_cleaned), n_not_cleaned, code, folder);
  for (guint i = 0; i < n_not_cleaned; i++)
    g_print ("  %s\n", not_cleaned[i]);
}

static int
run_erase (const char  *database,
           int          argc,
           char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  g_auto(GStrv) not_cleaned = NULL;
  g_autofree char *backups_folder = NULL;
  g_autofree char *folder_display = NULL;
  guint n_cleaned = 0;
  gboolean yes = FALSE;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes,
      N_("Erase without asking (needed when the input is not a terminal)"), NULL },
    G_OPTION_ENTRY_NULL
  };
  int status = COHORT_EXIT_SUCCESS;
  gint64 id;

  context = cohort_cli_option_context_new ("person erase", _("CODE"),
                                           _("Delete, for good, the person with CODE and "
                                             "every record that is theirs."),
                                           _("First says what will be removed. The history "
                                             "keeps only that a person was erased, and when; "
                                             "the values of earlier entries about them are "
                                             "removed. To keep the statistics true instead, "
                                             "use “cohort person anonymise”."),
                                           entries);
  if (!cohort_cli_parse (context, "person erase", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return person_usage (_("person erase needs the code of a person"));
  if (argc > 2)
    return person_usage (_("person erase takes one code, but was given “%s” too"), argv[2]);

  if (!open_person (cohort_cli_get_database (database), argv[1], TRUE, &db, &person))
    return COHORT_EXIT_FAILURE;

  code = g_strdup (cohort_person_get_code (person));
  id = cohort_record_get_id (COHORT_RECORD (person));
  data = collect_data (db, person);
  if (data == NULL)
    return COHORT_EXIT_FAILURE;

  print_erase_plan (data, code);

  if (!yes)
    {
      if (!isatty (STDIN_FILENO))
        {
          cohort_cli_printerr (_("Nothing was erased: add --yes to erase when the input is not "
                                 "a terminal"));
          return COHORT_EXIT_FAILURE;
        }
      if (!ask_yes (code))
        {
          g_print ("%s\n", _("Nothing was erased."));
          return COHORT_EXIT_FAILURE;
        }
    }

  if (!cohort_person_data_erase_full (db, id, &n_cleaned, &not_cleaned, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  /* Translators: %s is a person's code */
  g_print (_("Erased %s.\n"), code);
  backups_folder = cohort_database_dup_backups_folder (db);
  folder_display = g_filename_display_name (backups_folder);
  print_backups_outcome (code, folder_display, n_cleaned, (const char * const *) not_cleaned);
  return COHORT_EXIT_SUCCESS;
}

static void
print_help (void)
{
  g_print ("%s\n  cohort person export %s [--format json|pdf] [-o %s]\n"
           "  cohort person anonymise %s\n  cohort person erase %s [--yes]\n\n",
           _("Usage:"), _("CODE"), _("FILE"), _("CODE"), _("CODE"));
  g_print ("%s\n\n", _("What the programme holds on one person, and the two ways to stop "
                       "holding it."));
  g_print ("  export     %s\n", _("Write everything held on the person, as JSON or PDF"));
  g_print ("  anonymise  %s\n", _("Remove what identifies them; keep the statistics"));
  g_print ("  erase      %s\n\n", _("Delete them and every record that is theirs"));
  g_print ("%s\n", _("“cohort person ACTION --help” explains an action and its options."));
}

int
cohort_cli_person (const char  *database,
                   int          argc,
                   char       **argv)
{
  const char *action;

  if (argc < 2)
    return person_usage (_("person needs an action: export, anonymise or erase"));

  action = argv[1];
  if (strcmp (action, "--help") == 0 || strcmp (action, "-h") == 0 ||
      strcmp (action, "help") == 0)
    {
      print_help ();
      return COHORT_EXIT_SUCCESS;
    }

  if (strcmp (action, "export") == 0)
    return run_export (database, argc - 1, argv + 1);
  if (strcmp (action, "anonymise") == 0 || strcmp (action, "anonymize") == 0)
    return run_anonymise (database, argc - 1, argv + 1);
  if (strcmp (action, "erase") == 0)
    return run_erase (database, argc - 1, argv + 1);

  return person_usage (_("“%s” is not an action of person: use export, anonymise or erase"),
                       action);
}
