/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cohort-cli-private.h"
#include "cohort-report-document.h"
#include "cohort-report-writer.h"
#include "cohort-report.h"
#include "cohort-utils.h"

/*
 * `cohort report [--programme CODE] [--from YEAR] [--to YEAR] [--today DATE]
 *  [--format text|csv|json|pdf] [-o FILE] [--force]`: the programme's report, as the window's
 * Reports page shows it.
 */

#define FIRST_YEAR 1900
#define LAST_YEAR  2200

static gboolean
parse_year (const char  *text,
            const char  *option,
            int         *out_year,
            int         *out_status)
{
  gint64 year = 0;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_signed (text, 10, FIRST_YEAR, LAST_YEAR, &year, NULL))
    {
      /* Translators: the first %s is an option (--from), the second what was given */
      *out_status = cohort_cli_usage_error ("report", _("%s takes a fiscal year such as 2024, "
                                                        "not “%s”"), option, text);
      return FALSE;
    }

  *out_year = (int) year;
  return TRUE;
}

static gboolean
write_report (CohortReport   *report,
              const char     *format,
              GOutputStream  *stream,
              GError        **error)
{
  if (strcmp (format, "csv") == 0)
    return cohort_report_write_csv (report, stream, error);
  if (strcmp (format, "json") == 0)
    return cohort_report_write_json (report, stream, error);

  return cohort_report_write_text (report, stream, error);
}

static int
write_to_stdout (CohortReport *report,
                 const char   *format)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);
  gsize size;

  if (!write_report (report, format, stream, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  size = g_memory_output_stream_get_data_size (memory);
  if (fwrite (g_memory_output_stream_get_data (memory), 1, size, stdout) != size ||
      fflush (stdout) != 0)
    {
      cohort_cli_printerr (_("The report could not be written to the standard output"));
      return COHORT_EXIT_FAILURE;
    }

  return COHORT_EXIT_SUCCESS;
}

static int
write_to_file (CohortReport *report,
               const char   *format,
               GFile        *file)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;

  if (strcmp (format, "pdf") == 0)
    {
      if (!cohort_report_document_write_pdf (report, file, NULL, &error))
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }
      return COHORT_EXIT_SUCCESS;
    }

  /* Written beside the file and renamed over it when complete. */
  stream = cohort_cli_replace_file (file);
  if (stream == NULL)
    return COHORT_EXIT_FAILURE;

  if (!write_report (report, format, stream, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      cohort_cli_abort_file (stream);
      return COHORT_EXIT_FAILURE;
    }

  if (!g_output_stream_close (stream, NULL, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  return COHORT_EXIT_SUCCESS;
}

int
cohort_cli_report (const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortReportFilter) filter = cohort_report_filter_new ();
  g_autoptr(CohortReport) report = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *programme = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *today = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "programme", 0, 0, G_OPTION_ARG_STRING, &programme,
      N_("Only the programme with this code (by default every programme)"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("From this fiscal year on (by default the first)"), N_("YEAR") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("Up to this fiscal year (by default the last)"), N_("YEAR") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today,
      N_("Count careers as confirmed when verified in the year before DATE (by default "
         "today)"), N_("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("text (the default), csv, json or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output (needed for pdf)"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    G_OPTION_ENTRY_NULL
  };
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("report", NULL,
                                           _("Write the programme’s report: applicants to "
                                             "graduates by fiscal year, women and men at each "
                                             "stage, nationalities and regions, placements, "
                                             "graduates by career sector, participants since "
                                             "the start."),
                                           _("text is a set of aligned tables in your "
                                             "language; csv has one block per figure (a line "
                                             "with the figure’s id and title, a header of "
                                             "stable column keys, numbers in the C locale); "
                                             "json has the filter, the fiscal years and every "
                                             "figure with its columns and rows; pdf is the "
                                             "printed report with its charts."),
                                           entries);
  if (!cohort_cli_parse (context, "report", &argc, &argv, &status))
    return status;

  if (argc > 1)
    return cohort_cli_usage_error ("report", _("report takes no arguments, but was given “%s”"),
                                   argv[1]);

  if (format == NULL)
    format = g_strdup ("text");
  if (strcmp (format, "text") != 0 && strcmp (format, "csv") != 0 &&
      strcmp (format, "json") != 0 && strcmp (format, "pdf") != 0)
    return cohort_cli_usage_error ("report", _("--format is text, csv, json or pdf, not “%s”"),
                                   format);
  if (strcmp (format, "pdf") == 0 && output == NULL)
    return cohort_cli_usage_error ("report", _("A PDF report needs a file: add -o FILE"));

  if (!parse_year (from, "--from", &filter->from_year, &status) ||
      !parse_year (to, "--to", &filter->to_year, &status))
    return status;
  if (filter->from_year > 0 && filter->to_year > 0 && filter->from_year > filter->to_year)
    return cohort_cli_usage_error ("report", _("--from %d is after --to %d"),
                                   filter->from_year, filter->to_year);

  if (today != NULL && !cohort_date_is_valid (today))
    return cohort_cli_usage_error ("report", _("--today takes a date such as 2024-03-31, "
                                               "not “%s”"), today);
  if (programme != NULL && g_strstrip (programme)[0] == '\0')
    return cohort_cli_usage_error ("report", _("--programme needs a programme’s code"));

  filter->programme_code = g_strdup (programme);
  filter->today = g_strdup (today);

  if (output != NULL)
    {
      file = cohort_cli_output_file (output, force);
      if (file == NULL)
        return COHORT_EXIT_FAILURE;
    }

  db = cohort_cli_open_existing (cohort_cli_get_database (database));
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  report = cohort_report_compute (db, filter, NULL, &error);
  if (report == NULL)
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  if (file != NULL)
    return write_to_file (report, format, file);

  return write_to_stdout (report, format);
}
