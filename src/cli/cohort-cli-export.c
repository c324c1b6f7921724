/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-csv-reader.h"
#include "cohort-csv-writer.h"
#include "cohort-enrolment.h"
#include "cohort-ims-writer.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
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
#define MAX_CACHED_NAMES 4096

typedef GType (*TypeFunc) (void);

/* One column: a property of the item (the header with '_' as '-'), or, with @ref_type, a
 * property (@ref_property) of the record that the item's @id_property points to. */
typedef struct
{
  const char *header;
  TypeFunc    ref_type;
  const char *id_property;
  const char *ref_property;
} Column;

#define REF(header, type, id, prop) { header, type, id, prop }
#define PROP(header) { header, NULL, NULL, NULL }

static const Column person_columns[] = {
  PROP ("id"), PROP ("code"), PROP ("family_name"), PROP ("given_name"),
  PROP ("family_name_local"), PROP ("given_name_local"), PROP ("name_order"), PROP ("gender"),
  PROP ("gender_self"), PROP ("birth_date"), PROP ("nationality"), PROP ("email"),
  PROP ("phone"), PROP ("affiliation_id"),
  REF ("affiliation", cohort_organisation_get_type, "affiliation-id", "name"),
  PROP ("notes"), PROP ("anonymised_at"), PROP ("created_at"), PROP ("updated_at"),
};

static const Column organisation_columns[] = {
  PROP ("id"), PROP ("name"), PROP ("acronym"), PROP ("kind"), PROP ("parent_id"),
  REF ("parent", cohort_organisation_get_type, "parent-id", "name"),
  PROP ("country"), PROP ("city"), PROP ("created_at"), PROP ("updated_at"),
};

static const Column course_columns[] = {
  PROP ("id"), PROP ("code"), PROP ("title"), PROP ("programme_id"),
  REF ("programme", cohort_programme_get_type, "programme-id", "code"),
  PROP ("description"), PROP ("subject"), PROP ("provider_id"),
  REF ("provider", cohort_organisation_get_type, "provider-id", "name"),
  PROP ("url"), PROP ("source"), PROP ("created_at"), PROP ("updated_at"),
};

static const Column run_columns[] = {
  PROP ("id"), PROP ("course_id"),
  REF ("course_code", cohort_course_get_type, "course-id", "code"),
  REF ("course_title", cohort_course_get_type, "course-id", "title"),
  PROP ("code"), PROP ("start_date"), PROP ("end_date"), PROP ("mode"), PROP ("venue"),
  PROP ("capacity"), PROP ("status"), PROP ("fiscal_year"), PROP ("created_at"),
  PROP ("updated_at"),
};

static const Column enrolment_columns[] = {
  PROP ("id"), PROP ("person_id"),
  REF ("person_code", cohort_person_get_type, "person-id", "code"),
  REF ("family_name", cohort_person_get_type, "person-id", "family-name"),
  REF ("given_name", cohort_person_get_type, "person-id", "given-name"),
  PROP ("run_id"),
  REF ("run_code", cohort_course_run_get_type, "run-id", "code"),
  PROP ("status"), PROP ("reserve_rank"), PROP ("decided_on"), PROP ("completed_on"),
  PROP ("certificate_number"), PROP ("withdrawal_reason"), PROP ("created_at"),
  PROP ("updated_at"),
};

static const Column placement_columns[] = {
  PROP ("id"), PROP ("person_id"),
  REF ("person_code", cohort_person_get_type, "person-id", "code"),
  REF ("family_name", cohort_person_get_type, "person-id", "family-name"),
  REF ("given_name", cohort_person_get_type, "person-id", "given-name"),
  PROP ("enrolment_id"), PROP ("host_id"),
  REF ("host", cohort_organisation_get_type, "host-id", "name"),
  PROP ("office_id"),
  REF ("office", cohort_organisation_get_type, "office-id", "name"),
  PROP ("duty_station"), PROP ("country"), PROP ("position_title"), PROP ("modality"),
  PROP ("funded_by"), PROP ("supervisor_id"), PROP ("start_date"), PROP ("end_date"),
  PROP ("actual_end_date"), PROP ("status"), PROP ("evaluation"), PROP ("created_at"),
  PROP ("updated_at"),
};

static const Column career_columns[] = {
  PROP ("id"), PROP ("person_id"),
  REF ("person_code", cohort_person_get_type, "person-id", "code"),
  REF ("family_name", cohort_person_get_type, "person-id", "family-name"),
  REF ("given_name", cohort_person_get_type, "person-id", "given-name"),
  PROP ("organisation_id"),
  REF ("organisation", cohort_organisation_get_type, "organisation-id", "name"),
  PROP ("position_title"), PROP ("sector"), PROP ("country"), PROP ("start_date"),
  PROP ("end_date"), PROP ("source"), PROP ("verified_on"), PROP ("created_at"),
  PROP ("updated_at"),
};

static const struct {
  const char      *name;
  CohortQueryKind  kind;
  const Column    *columns;
  guint            n_columns;
} lists[] = {
  { "trainees", COHORT_QUERY_KIND_TRAINEES, person_columns, G_N_ELEMENTS (person_columns) },
  { "people", COHORT_QUERY_KIND_PERSONS, person_columns, G_N_ELEMENTS (person_columns) },
  { "graduates", COHORT_QUERY_KIND_GRADUATES, person_columns, G_N_ELEMENTS (person_columns) },
  { "organisations", COHORT_QUERY_KIND_ORGANISATIONS, organisation_columns,
    G_N_ELEMENTS (organisation_columns) },
  { "courses", COHORT_QUERY_KIND_COURSES, course_columns, G_N_ELEMENTS (course_columns) },
  { "catalogue", COHORT_QUERY_KIND_COURSES, course_columns, G_N_ELEMENTS (course_columns) },
  { "runs", COHORT_QUERY_KIND_COURSE_RUNS, run_columns, G_N_ELEMENTS (run_columns) },
  { "enrolments", COHORT_QUERY_KIND_ENROLMENTS, enrolment_columns,
    G_N_ELEMENTS (enrolment_columns) },
  { "placements", COHORT_QUERY_KIND_PLACEMENTS, placement_columns,
    G_N_ELEMENTS (placement_columns) },
  { "careers", COHORT_QUERY_KIND_CAREER_RECORDS, career_columns,
    G_N_ELEMENTS (career_columns) },
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

/* The names of referenced records, so that a list of 10,000 placements at 20 hosts loads each
 * host once.  Emptied when it grows past MAX_CACHED_NAMES, so memory stays bounded. */
typedef struct
{
  CohortDatabase *db;
  GHashTable     *names;  /* "TYPE:ID:PROPERTY" -> value ("" for none) */
} Resolver;

static char *
dup_value_text (const GValue *value)
{
  switch (G_TYPE_FUNDAMENTAL (G_VALUE_TYPE (value)))
    {
    case G_TYPE_STRING:
      return g_value_dup_string (value);
    case G_TYPE_INT64:
      return g_value_get_int64 (value) == 0 ?
             NULL : g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
    case G_TYPE_INT:
      return g_value_get_int (value) == 0 ? NULL : g_strdup_printf ("%d", g_value_get_int (value));
    case G_TYPE_UINT:
      return g_value_get_uint (value) == 0 ?
             NULL : g_strdup_printf ("%u", g_value_get_uint (value));
    case G_TYPE_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? "true" : "false");
    default:
      {
        GValue text = G_VALUE_INIT;
        char *result = NULL;

        g_value_init (&text, G_TYPE_STRING);
        if (g_value_transform (value, &text))
          result = g_value_dup_string (&text);
        g_value_unset (&text);
        return result;
      }
    }
}

static char *
dup_property_text (GObject    *object,
                   const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  GValue value = G_VALUE_INIT;
  char *text;

  g_assert (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (object, property, &value);
  text = dup_value_text (&value);
  g_value_unset (&value);

  return text;
}

static char *
resolve (Resolver      *resolver,
         GObject       *item,
         const Column  *column)
{
  g_autofree char *key = NULL;
  g_autoptr(CohortRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *cached;
  char *value = NULL;
  gint64 id = 0;
  GType type = column->ref_type ();

  g_object_get (item, column->id_property, &id, NULL);
  if (id == 0)
    return NULL;

  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT ":%s", g_type_name (type), id,
                         column->ref_property);
  cached = g_hash_table_lookup (resolver->names, key);
  if (cached != NULL)
    return g_strdup (cached);

  record = cohort_store_load (resolver->db, type, id, &error);
  if (record != NULL)
    value = dup_property_text (G_OBJECT (record), column->ref_property);
  else
    g_debug ("%s %" G_GINT64_FORMAT ": %s", g_type_name (type), id, error->message);

  if (g_hash_table_size (resolver->names) >= MAX_CACHED_NAMES)
    g_hash_table_remove_all (resolver->names);
  g_hash_table_insert (resolver->names, g_steal_pointer (&key), g_strdup (value ? value : ""));

  return value;
}

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
write_csv (CohortDatabase    *db,
           CohortQueryModel  *model,
           const Column      *columns,
           guint              n_columns,
           GOutputStream     *stream,
           gboolean           to_stdout,
           guint             *out_rows,
           GError           **error)
{
  g_autoptr(CohortCsvWriter) writer = cohort_csv_writer_new (stream);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Resolver resolver = { db, names };
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (columns[c].header));
  if (!cohort_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len,
                                    NULL, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item == NULL)
        continue;

      g_ptr_array_set_size (cells, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          if (columns[c].ref_type != NULL)
            {
              g_ptr_array_add (cells, resolve (&resolver, item, &columns[c]));
            }
          else
            {
              g_autofree char *property = g_strdelimit (g_strdup (columns[c].header), "_", '-');

              g_ptr_array_add (cells, dup_property_text (item, property));
            }
        }

      if (!cohort_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len,
                                        NULL, error))
        return FALSE;

      if (to_stdout &&
          g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)) > FLUSH_SIZE &&
          !flush_to_stdout (G_MEMORY_OUTPUT_STREAM (stream), error))
        return FALSE;
    }

  if (to_stdout)
    {
      if (!flush_to_stdout (G_MEMORY_OUTPUT_STREAM (stream), error))
        return FALSE;
      fflush (stdout);
    }

  *out_rows = n_items;
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

      file = g_file_new_for_commandline_arg (output);
      if (!force && g_file_query_exists (file, NULL))
        {
          cohort_cli_printerr (_("%s already exists; add --force to replace it"), display);
          return COHORT_EXIT_FAILURE;
        }

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
  g_autoptr(GCancellable) abort_write = NULL;
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
  const Column *columns = NULL;
  guint n_columns = 0;
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
  columns = lists[index].columns;
  n_columns = lists[index].n_columns;

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
      g_autofree char *display = g_filename_display_name (output);

      file = g_file_new_for_commandline_arg (output);
      if (!force && g_file_query_exists (file, NULL))
        {
          cohort_cli_printerr (_("%s already exists; add --force to replace it"), display);
          return COHORT_EXIT_FAILURE;
        }

      /* Written beside the file and renamed over it when complete. */
      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE,
                                                G_FILE_CREATE_PRIVATE |
                                                G_FILE_CREATE_REPLACE_DESTINATION,
                                                NULL, &error));
      if (stream == NULL)
        {
          cohort_cli_printerr ("%s", error->message);
          return COHORT_EXIT_FAILURE;
        }
    }
  else
    {
      stream = g_memory_output_stream_new_resizable ();
    }

  if (!write_csv (db, model, columns, n_columns, stream, output == NULL, &rows, &error))
    {
      cohort_cli_printerr ("%s", error->message);
      if (output != NULL)
        {
          /* Closing with a cancelled cancellable drops the half-written copy. */
          abort_write = g_cancellable_new ();
          g_cancellable_cancel (abort_write);
          g_output_stream_close (stream, abort_write, NULL);
        }
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
