/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "cohort-demo.h"
#include "cohort-utils.h"

/* `cohort demo [--trainees N] [--seed S] [--today DATE]` */

#define DEFAULT_SEED 1

typedef struct
{
  guint percent;
  gboolean shown;
} Progress;

static void
on_demo_progress_cb (guint    n_done,
                     guint    n_total,
                     gpointer user_data)
{
  Progress *progress = user_data;
  g_autofree char *line = NULL;
  guint percent = n_total > 0 ? (guint) ((guint64) n_done * 100 / n_total) : 100;

  if (progress->shown && percent == progress->percent)
    return;

  progress->percent = percent;
  progress->shown = TRUE;
  /* Translators: progress on the terminal; %u is a percentage */
  line = g_strdup_printf (_("Writing the demo programme… %u %%"), percent);
  g_printerr ("\r%s", line);
}

static gboolean
parse_number (const char  *command,
              const char  *option,
              const char  *text,
              guint64      min,
              guint64      max,
              guint64     *out_value,
              int         *out_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  if (g_ascii_string_to_unsigned (text, 10, min, max, out_value, &error))
    return TRUE;

  min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
  max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);
  /* Translators: "--trainees needs a whole number from 1 to 1000000, not “abc”" */
  *out_status = cohort_cli_usage_error (command, _("%s needs a whole number from %s to %s, "
                                                   "not “%s”"),
                                        option, min_text, max_text, text);
  return FALSE;
}

int
cohort_cli_demo (const char  *database,
                 int          argc,
                 char       **argv)
{
  g_autofree char *trainees_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *today_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *display = NULL;
  /* Translators: %u is a number of people */
  g_autofree char *trainees_help = g_strdup_printf (_("How many people apply over the years "
                                                      "(default %u, the size of the real "
                                                      "programme)"),
                                                    COHORT_DEMO_DEFAULT_TRAINEES);
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = NULL;
  const GOptionEntry entries[] = {
    { "trainees", 0, 0, G_OPTION_ARG_STRING, &trainees_text,
      trainees_help, N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed of the random choices (default 1): the same seed gives the same programme"),
      N_("S") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("The day that counts as today for every status (default: today)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  Progress progress = { 0 };
  guint64 n_trainees = COHORT_DEMO_DEFAULT_TRAINEES;
  guint64 seed = DEFAULT_SEED;
  const char *path;
  int status = COHORT_EXIT_SUCCESS;
  gboolean ok;

  description = g_strdup (_("Writes UN agencies with their country and field offices, "
                            "governments, NGOs and universities; a Primary Course and a "
                            "Mid-Career Course with an intake every fiscal year since 2007; "
                            "trainees from Japan and each year's eligible countries, with "
                            "names in Latin letters and in their own script; applications, "
                            "selections, reserves and withdrawals; placements at field offices "
                            "in real duty stations; careers with sectors and verification "
                            "dates. The database must be empty: choose a new file with "
                            "--database."));
  context = cohort_cli_option_context_new ("demo", NULL,
                                           _("Fill an empty database with a realistic demo "
                                             "programme."),
                                           description, entries);
  if (!cohort_cli_parse (context, "demo", &argc, &argv, &status))
    return status;

  if (argc > 1)
    return cohort_cli_usage_error ("demo", _("demo takes no arguments, but was given “%s”"),
                                   argv[1]);

  if (trainees_text != NULL &&
      !parse_number ("demo", "--trainees", trainees_text, 1, COHORT_DEMO_MAX_TRAINEES,
                     &n_trainees, &status))
    return status;

  if (seed_text != NULL &&
      !parse_number ("demo", "--seed", seed_text, 0, G_MAXUINT64, &seed, &status))
    return status;
  g_clear_pointer (&seed_text, g_free);

  if (today_text == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today_text = g_date_time_format (now, "%Y-%m-%d");
    }
  else if (!cohort_date_is_valid (today_text))
    return cohort_cli_usage_error ("demo", _("--today needs a date written like 2025-04-01, "
                                             "not “%s”"), today_text);

  path = cohort_cli_get_database (database);
  display = g_filename_display_name (path);

  db = cohort_cli_open_database (path, COHORT_DATABASE_OPEN_DEFAULT);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  timer = g_timer_new ();
  ok = cohort_demo_generate (db, (guint) n_trainees, seed, today_text,
                             isatty (STDERR_FILENO) ? on_demo_progress_cb : NULL, &progress,
                             NULL, &error);
  if (progress.shown)
    g_printerr ("\n");

  if (!ok)
    {
      if (g_error_matches (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_NOT_EMPTY))
        cohort_cli_printerr (_("%s; choose a new file with --database"), error->message);
      else
        cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  g_print (_("Wrote a demo programme of %u trainees (seed %s, as of %s) to “%s” in %.1f s.\n"),
           (guint) n_trainees, seed_text, today_text, display, g_timer_elapsed (timer, NULL));

  return COHORT_EXIT_SUCCESS;
}
