/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-csv-reader.h"
#include "cohort-ims-writer.h"
#include "cohort-list-writer.h"
#include "cohort-person.h"
#include "cohort-programme.h"
#include "cohort-query-model.h"
#include "cohort-store.h"
#include "cohort-xcri-writer.h"

/*
 * `cohort export WHAT --format csv [-o FILE] [--search TEXT] [--filter KEY=VALUE …]
 * [--sort KEY[:desc]]`: a list, as the window shows it after a search and filters, as a CSV
 * file with a header of stable column names.  The rows come from a #CohortQueryModel, which
 * builds them a page at a time, so a list of any length is written in little memory.
 */

#define FLUSH_SIZE 65536

typedef GType (*TypeFunc) (void);

static const struct {
  const char      *name;
  CohortQueryKind  kind;
} lists[] = {
  { "trainees", COHORT_QUERY_KIND_TRAINEES },
  { "people", COHORT_QUERY_KIND_PERSONS },
  { "graduates", COHORT_QUERY_KIND_GRADUATES },
  { "organisations", COHORT_QUERY_KIND_ORGANISATIONS },
  { "courses", COHORT_QUERY_KIND_COURSES },
  { "catalogue", COHORT_QUERY_KIND_COURSES },
  { "runs", COHORT_QUERY_KIND_COURSE_RUNS },
  { "enrolments", COHORT_QUERY_KIND_ENROLMENTS },
  { "placements", COHORT_QUERY_KIND_PLACEMENTS },
  { "careers", COHORT_QUERY_KIND_CAREER_RECORDS },
};

static const struct {
  const char        *key;
  CohortQueryFilter  filter;
  TypeFunc           code_type;  /* a code may stand for the id of a record of this type */
} filter_keys[] = {
  { "nationality", COHORT_QUERY_FILTER_NATIONALITY, NULL },
  { "gender", COHORT_QUERY_FILTER_GENDER, NULL },
  { "programme", COHORT_QUERY_FILTER_PROGRAMME, cohort_programme_get_type },
  { "fiscal_year", COHORT_QUERY_FILTER_FISCAL_YEAR, NULL },
  { "status", COHORT_QUERY_FILTER_STATUS, NULL },
  { "host", COHORT_QUERY_FILTER_HOST, NULL },
  { "country", COHORT_QUERY_FILTER_COUNTRY, NULL },
  { "year", COHORT_QUERY_FILTER_YEAR, NULL },
  { "course", COHORT_QUERY_FILTER_COURSE, cohort_course_get_type },
  { "run", COHORT_QUERY_FILTER_RUN, cohort_course_run_get_type },
  { "person", COHORT_QUERY_FILTER_PERSON, cohort_person_get_type },
  { "sector", COHORT_QUERY_FILTER_SECTOR, NULL },
  { "not_confirmed", COHORT_QUERY_FILTER_NOT_CONFIRMED, NULL },
  { "kind", COHORT_QUERY_FILTER_ORGANISATION_KIND, NULL },
};

static const struct {
  const char      *key;
  CohortQuerySort  sort;
} sort_keys[] = {
  { "family_name", COHORT_QUERY_SORT_FAMILY_NAME },
  { "given_name", COHORT_QUERY_SORT_GIVEN_NAME },
  { "local_name", COHORT_QUERY_SORT_LOCAL_NAME },
  { "nationality", COHORT_QUERY_SORT_NATIONALITY },
  { "gender", COHORT_QUERY_SORT_GENDER },
  { "created", COHORT_QUERY_SORT_CREATED },
  { "updated", COHORT_QUERY_SORT_UPDATED },
  { "code", COHORT_QUERY_SORT_CODE },
  { "title", COHORT_QUERY_SORT_TITLE },
  { "name", COHORT_QUERY_SORT_NAME },
  { "start_date", COHORT_QUERY_SORT_START_DATE },
  { "fiscal_year", COHORT_QUERY_SORT_FISCAL_YEAR },
  { "status", COHORT_QUERY_SORT_STATUS },
  { "person", COHORT_QUERY_SORT_PERSON },
  { "host", COHORT_QUERY_SORT_HOST },
  { "country", COHORT_QUERY_SORT_COUNTRY },
  { "sector", COHORT_QUERY_SORT_SECTOR },
  { "verified_on", COHORT_QUERY_SORT_VERIFIED_ON },
  { "last_verified", COHORT_QUERY_SORT_LAST_VERIFIED },
  { "reserve_rank", COHORT_QUERY_SORT_RESERVE_RANK },
};

/* Writes what the memory stream holds to stdout and empties it. */
static gboolean
flush_to_stdout (GMemoryOutputStream  *memory,
                 GError              **error)
{
  gsize size = g_memory_output_stream_get_data_size (memory);

  if (size > 0 &&
      fwrite (g_memory_output_stream_get_data (memory), 1, size, stdout) != size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The list could not be written to the standard output"));
      return FALSE;
    }

  return g_seekable_seek (G_SEEKABLE (memory), 0, G_SEEK_SET, NULL, error) &&
         g_seekable_truncate (G_SEEKABLE (memory), 0, NULL, error);
}

static gboolean
on_row_written_cb (GOutputStream  *stream,
                   guint           n_rows,
                   guint           n_total,
                   gpointer        user_data,
                   GError        **error)
{
  GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (stream);

  if (g_memory_output_stream_get_data_size (memory) > FLUSH_SIZE)
    return flush_to_stdout (memory, error);

  return TRUE;
}

static gboolean
write_csv (CohortQueryModel  *model,
           GOutputStream     *stream,
           gboolean           to_stdout,
           guint             *out_rows,
           GError           **error)
{
  if (!cohort_list_writer_write_csv (model, stream, to_stdout ? on_row_written_cb : NULL, NULL,
                                     NULL, out_rows, error))
    return FALSE;

  if (to_stdout)
    {
      if (!flush_to_stdout (G_MEMORY_OUTPUT_STREAM (stream), error))
        return FALSE;
      fflush (stdout);
    }

  return TRUE;
}

/* Applies one --filter KEY=VALUE; reports a mistake and returns FALSE. */
static gboolean
apply_filter (CohortDatabase   *db,
              CohortQueryModel *model,
              const char       *list,
              const char       *spec,
              int              *out_status)
{
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;
  const char *equals = strchr (spec, '=');
  CohortQueryKind kind = cohort_query_model_get_kind (model);

  if (equals == NULL || equals == spec)
    {
      *out_status = cohort_cli_usage_error ("export", _("--filter takes KEY=VALUE, not “%s”"),
                                            spec);
      return FALSE;
    }

  key = g_strndup (spec, (gsize) (equals - spec));
  g_strdelimit (key, "-", '_');
  value = g_strdup (equals + 1);

  for (guint i = 0; i < G_N_ELEMENTS (filter_keys); i++)
    {
      if (strcmp (filter_keys[i].key, key) != 0)
        continue;

      if (!cohort_query_kind_supports_filter (kind, filter_keys[i].filter))
        {
          *out_status = cohort_cli_usage_error ("export", _("The list of %s cannot be filtered "
                                                            "by %s"), list, key);
          return FALSE;
        }

      /* A code where an id is wanted, and a country's name where its code is. */
      if (filter_keys[i].code_type != NULL && value[0] != '\0' &&
          strspn (value, "0123456789") != strlen (value))
        {
          g_autoptr(CohortRecord) record = NULL;
          g_autoptr(GError) error = NULL;

          if (!cohort_store_find_by_code (db, filter_keys[i].code_type (), value, &record,
                                          &error))
            {
              cohort_cli_printerr ("%s", error->message);
              *out_status = COHORT_EXIT_FAILURE;
              return FALSE;
            }
          if (record == NULL)
            {
              cohort_cli_printerr (_("No %s has the code “%s”"), key, value);
              *out_status = COHORT_EXIT_FAILURE;
              return FALSE;
            }
          g_free (value);
          value = g_strdup_printf ("%" G_GINT64_FORMAT, cohort_record_get_id (record));
        }
      else if (filter_keys[i].filter == COHORT_QUERY_FILTER_NATIONALITY ||
               filter_keys[i].filter == COHORT_QUERY_FILTER_COUNTRY)
        {
          g_autofree char *code = cohort_csv_dup_country_code (value);

          if (code == NULL)
            {
              *out_status = cohort_cli_usage_error ("export", _("“%s” is not a country"),
                                                    value);
              return FALSE;
            }
          g_free (value);
          value = g_steal_pointer (&code);
        }

      cohort_query_model_set_filter (model, filter_keys[i].filter, value);
      return TRUE;
    }

  *out_status = cohort_cli_usage_error ("export", _("“%s” is not a filter"), key);
  return FALSE;
}

static gboolean
apply_sort (CohortQueryModel *model,
            const char       *list,
            const char       *spec,
            int              *out_status)
{
  g_autofree char *key = g_strdup (spec);
  char *colon = strchr (key, ':');
  gboolean descending = FALSE;

  if (colon != NULL)
    {
      *colon = '\0';
      if (g_ascii_strcasecmp (colon + 1, "desc") == 0)
        descending = TRUE;
      else if (g_ascii_strcasecmp (colon + 1, "asc") != 0)
        {
          *out_status = cohort_cli_usage_error ("export", _("--sort takes KEY, KEY:asc or "
                                                            "KEY:desc, not “%s”"), spec);
          return FALSE;
        }
    }
  g_strdelimit (key, "-", '_');

  for (guint i = 0; i < G_N_ELEMENTS (sort_keys); i++)
    {
      if (strcmp (sort_keys[i].key, key) != 0)
        continue;

      if (!cohort_query_kind_supports_sort (cohort_query_model_get_kind (model),
                                            sort_keys[i].sort))
        {
          *out_status = cohort_cli_usage_error ("export", _("The list of %s cannot be sorted "
                                                            "by %s"), list, key);
          return FALSE;
        }

      cohort_query_model_set_sort (model, sort_keys[i].sort, descending);
      return TRUE;
    }

  *out_status = cohort_cli_usage_error ("export", _("“%s” is not a sort order"), key);
  return FALSE;
}

/* `--format xcri` (the catalogue, as XCRI-CAP 1.2) and `--format ims` (runs and enrolments, as
 * IMS Enterprise 1.1; `--filter run=CODE` for one run).  These write whole sets, not a list
 * page: a search, other filters and a sort do not apply. */
static int
export_xml (const char  *database,
            const char  *list,
            const char  *format,
            const char  *output,
            gboolean     force,
            const char  *search,
            char       **filters,
            const char  *sort)
{
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ims = strcmp (format, "ims") == 0;
  const char *run_code = NULL;
  gint64 run_id = 0;
  gboolean ok;

  if (!ims && strcmp (list, "catalogue") != 0 && strcmp (list, "courses") != 0)
    return cohort_cli_usage_error ("export", _("--format xcri exports the catalogue (or "
                                               "courses), not %s"), list);
  if (ims && strcmp (list, "runs") != 0 && strcmp (list, "enrolments") != 0)
    return cohort_cli_usage_error ("export", _("--format ims exports runs or enrolments, not "
                                               "%s"), list);
  if (search != NULL || sort != NULL)
    return cohort_cli_usage_error ("export", _("--search and --sort are for --format csv"));
  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      if (!ims || !g_str_has_prefix (filters[i], "run=") || run_code != NULL)
        return cohort_cli_usage_error ("export", _("With --format %s, the only filter is one "
                                                   "run=CODE (with ims), not “%s”"),
                                       format, filters[i]);
      run_code = filters[i] + strlen ("run=");
    }

  db = cohort_cli_open_existing (cohort_cli_get_database (database));
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  if (run_code != NULL)
    {
      g_autoptr(CohortRecord) run = NULL;

      if (!cohort_store_find_by_code (db, COHORT_TYPE_COURSE_RUN, run_code, &run, &error))
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }
      if (run == NULL)
        {
          cohort_cli_printerr (_("No run has the code “%s”"), run_code);
          return COHORT_EXIT_FAILURE;
        }
      run_id = cohort_record_get_id (run);
    }

  if (output != NULL)
    {
      g_autofree char *display = g_filename_display_name (output);

      file = cohort_cli_output_file (output, force);
      if (file == NULL)
        return COHORT_EXIT_FAILURE;

      /* Written beside the file and renamed over it when complete. */
      if (ims)
        ok = cohort_ims_writer_write_file (db, run_id, file, NULL, &error);
      else
        ok = cohort_xcri_writer_write_file (db, file, NULL, &error);
      if (!ok)
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }

      /* Translators: %s is a file name */
      g_print (_("Written to %s\n"), display);
      return COHORT_EXIT_SUCCESS;
    }

  stream = g_memory_output_stream_new_resizable ();
  if (ims)
    ok = cohort_ims_writer_write (db, run_id, stream, NULL, &error);
  else
    ok = cohort_xcri_writer_write (db, stream, NULL, &error);
  if (!ok || !flush_to_stdout (G_MEMORY_OUTPUT_STREAM (stream), &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }
  fflush (stdout);

  return COHORT_EXIT_SUCCESS;
}

int
cohort_cli_export (const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortQueryModel) model = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *search = NULL;
  g_autofree char *sort = NULL;
  g_auto(GStrv) filters = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("csv (the default); xcri for the catalogue, ims for runs or enrolments"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only what matches TEXT, as the search entry of the window"), N_("TEXT") },
    { "filter", 0, 0, G_OPTION_ARG_STRING_ARRAY, &filters,
      N_("Only what has VALUE for KEY (nationality, gender, programme, fiscal_year, status, "
         "host, country, year, course, run, person, sector, not_confirmed, kind); repeatable"),
      N_("KEY=VALUE") },
    { "sort", 0, 0, G_OPTION_ARG_STRING, &sort,
      N_("The order (family_name, code, start_date, status, …), descending with :desc"),
      N_("KEY[:desc]") },
    G_OPTION_ENTRY_NULL
  };
  const char *path;
  const char *list;
  guint rows = 0;
  int status = COHORT_EXIT_SUCCESS;
  int index = -1;

  context = cohort_cli_option_context_new ("export", _("WHAT"),
                                           _("Write a list as a file."),
                                           _("WHAT is trainees, people, graduates, "
                                             "organisations, courses, runs, enrolments, "
                                             "placements or careers. The CSV file has a header "
                                             "of stable column names and one row for each "
                                             "item of the list, after the search and filters, "
                                             "in UTF-8; a cell that a spreadsheet would take "
                                             "for a formula starts with '."),
                                           entries);
  if (!cohort_cli_parse (context, "export", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return cohort_cli_usage_error ("export", _("Name the list to export (trainees, courses, "
                                               "runs, enrolments, placements, careers, …)"));
  if (argc > 2)
    return cohort_cli_usage_error ("export", _("export takes one list, but was also given "
                                               "“%s”"), argv[2]);

  list = argv[1];
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (strcmp (lists[i].name, list) == 0)
      index = (int) i;
  if (index < 0)
    return cohort_cli_usage_error ("export", _("“%s” is not a list Cohort exports"), list);

  if (format != NULL && strcmp (format, "xcri") != 0 && strcmp (format, "ims") != 0 &&
      strcmp (format, "csv") != 0)
    return cohort_cli_usage_error ("export", _("--format is csv, xcri or ims, not “%s”"),
                                   format);
  if (format != NULL && strcmp (format, "csv") != 0)
    return export_xml (database, list, format, output, force, search, filters, sort);

  path = cohort_cli_get_database (database);
  db = cohort_cli_open_existing (path);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  model = cohort_query_model_new (db, lists[index].kind);
  if (search != NULL)
    cohort_query_model_set_search (model, search);
  for (guint i = 0; filters != NULL && filters[i] != NULL; i++)
    if (!apply_filter (db, model, list, filters[i], &status))
      return status;
  if (sort != NULL && !apply_sort (model, list, sort, &status))
    return status;

  if (!cohort_query_model_refresh_sync (model, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  if (output != NULL)
    {
      file = cohort_cli_output_file (output, force);
      if (file == NULL)
        return COHORT_EXIT_FAILURE;

      /* Written beside the file and renamed over it when complete. */
      stream = cohort_cli_replace_file (file);
      if (stream == NULL)
        return COHORT_EXIT_FAILURE;
    }
  else
    {
      stream = g_memory_output_stream_new_resizable ();
    }

  if (!write_csv (model, stream, output == NULL, &rows, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      if (output != NULL)
        cohort_cli_abort_file (stream);
      return COHORT_EXIT_FAILURE;
    }

  if (output != NULL)
    {
      g_autofree char *display = g_filename_display_name (output);

      if (!g_output_stream_close (stream, NULL, &error))
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }

      /* Translators: the first %u is a number of rows, %s a file name */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%u row written to %s\n",
                            "%u rows written to %s\n", rows), rows, display);
    }

  return COHORT_EXIT_SUCCESS;
}
