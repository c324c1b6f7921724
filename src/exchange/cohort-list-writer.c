/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-export"

#include "config.h"

#include "cohort-list-writer.h"

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-csv-writer.h"
#include "cohort-enrolment.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-store.h"

/**
 * SECTION:cohort-list-writer
 *
 * A list, as the window shows it after a search and filters, as a CSV file with a header of
 * stable column names: what `cohort export WHAT --format csv` and the window's Export write.
 * The rows come from a #CohortQueryModel, which builds them a page at a time, so a list of any
 * length is written in little memory.
 */

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
/* Who a record is about, after its person_id. */
#define PERSON_REFS \
  REF ("person_code", cohort_person_get_type, "person-id", "code"), \
  REF ("family_name", cohort_person_get_type, "person-id", "family-name"), \
  REF ("given_name", cohort_person_get_type, "person-id", "given-name")

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
  PERSON_REFS,
  PROP ("run_id"),
  REF ("run_code", cohort_course_run_get_type, "run-id", "code"),
  PROP ("status"), PROP ("reserve_rank"), PROP ("decided_on"), PROP ("completed_on"),
  PROP ("certificate_number"), PROP ("withdrawal_reason"), PROP ("created_at"),
  PROP ("updated_at"),
};

static const Column placement_columns[] = {
  PROP ("id"), PROP ("person_id"),
  PERSON_REFS,
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
  PERSON_REFS,
  PROP ("organisation_id"),
  REF ("organisation", cohort_organisation_get_type, "organisation-id", "name"),
  PROP ("position_title"), PROP ("sector"), PROP ("country"), PROP ("start_date"),
  PROP ("end_date"), PROP ("source"), PROP ("verified_on"), PROP ("created_at"),
  PROP ("updated_at"),
};

static const Column *
get_columns (CohortQueryKind  kind,
             guint           *n_columns)
{
  switch (kind)
    {
    case COHORT_QUERY_KIND_PERSONS:
    case COHORT_QUERY_KIND_TRAINEES:
    case COHORT_QUERY_KIND_GRADUATES:
      *n_columns = G_N_ELEMENTS (person_columns);
      return person_columns;
    case COHORT_QUERY_KIND_ORGANISATIONS:
      *n_columns = G_N_ELEMENTS (organisation_columns);
      return organisation_columns;
    case COHORT_QUERY_KIND_COURSES:
      *n_columns = G_N_ELEMENTS (course_columns);
      return course_columns;
    case COHORT_QUERY_KIND_COURSE_RUNS:
      *n_columns = G_N_ELEMENTS (run_columns);
      return run_columns;
    case COHORT_QUERY_KIND_ENROLMENTS:
      *n_columns = G_N_ELEMENTS (enrolment_columns);
      return enrolment_columns;
    case COHORT_QUERY_KIND_PLACEMENTS:
      *n_columns = G_N_ELEMENTS (placement_columns);
      return placement_columns;
    case COHORT_QUERY_KIND_CAREER_RECORDS:
    default:
      *n_columns = G_N_ELEMENTS (career_columns);
      return career_columns;
    }
}

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

/**
 * cohort_list_writer_write_csv:
 * @model: a list, already read (cohort_query_model_refresh_sync()); its rows are loaded from
 *   its database on this thread
 * @stream: where to write
 * @row_func: (nullable): called after each row
 * @user_data: the data for @row_func
 * @cancellable: (nullable): a #GCancellable
 * @out_rows: (out) (optional): the rows written, not counting the header
 * @error: return location for a #GError
 *
 * Writes the header, then one row for each item of @model in its order, in UTF-8; a cell that
 * a spreadsheet would take for a formula starts with `'`.  The stream is not closed.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_list_writer_write_csv (CohortQueryModel         *model,
                              GOutputStream            *stream,
                              CohortListWriterRowFunc   row_func,
                              gpointer                  user_data,
                              GCancellable             *cancellable,
                              guint                    *out_rows,
                              GError                  **error)
{
  g_autoptr(CohortCsvWriter) writer = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  Resolver resolver = { NULL, names };
  const Column *columns;
  guint n_columns = 0;
  guint n_items;

  g_return_val_if_fail (COHORT_IS_QUERY_MODEL (model), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  writer = cohort_csv_writer_new (stream);
  resolver.db = cohort_query_model_get_database (model);
  columns = get_columns (cohort_query_model_get_kind (model), &n_columns);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (cells, g_strdup (columns[c].header));
  if (!cohort_csv_writer_write_row (writer, (const char * const *) cells->pdata, cells->len,
                                    cancellable, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

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
                                        cancellable, error))
        return FALSE;

      if (row_func != NULL && !row_func (stream, i + 1, n_items, user_data, error))
        return FALSE;
    }

  if (out_rows != NULL)
    *out_rows = n_items;
  return TRUE;
}
