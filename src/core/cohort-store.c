/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-store"

#include "config.h"

#include "cohort-store.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-database-private.h"
#include "cohort-enrolment.h"
#include "cohort-import-batch.h"
#include "cohort-organisation.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-properties.h"
#include "cohort-run-trainer.h"
#include "cohort-utils.h"
#include "cohort-validation.h"
#include "cohort-vocabulary.h"

/*
 * Persistence of the model objects.  Each type has fixed SQL whose `:column` parameters and
 * result columns are mapped to the object's properties by cohort_statement_bind_object() and
 * cohort_statement_fill_object(); the few values that are not properties (`:now`, the match
 * keys) are bound here.  Every write runs in a transaction after every rule has passed, so a
 * refused record leaves the database exactly as it was.
 */

typedef enum
{
  KIND_PERSON,
  KIND_ORGANISATION,
  KIND_PROGRAMME,
  KIND_COURSE,
  KIND_COURSE_RUN,
  KIND_ENROLMENT,
  KIND_RUN_TRAINER,
  KIND_PLACEMENT,
  KIND_CAREER_RECORD,
  KIND_IMPORT_BATCH,
} Kind;

/* A column holding the id of a row of another table. */
typedef struct
{
  const char *field;       /* the column, e.g. "host_id" */
  const char *exists_sql;  /* one row with `deleted_at IS NOT NULL` if the row :id exists */
} Reference;

typedef struct
{
  Kind              kind;
  GType           (*get_type) (void);
  const char       *table;
  const char       *select_sql;    /* :id; every column */
  const char       *insert_sql;    /* the columns and :now */
  const char       *update_sql;    /* :id, the columns and :now */
  const char       *delete_sql;    /* :id, :now; NULL when rows cannot be deleted */
  const char       *undelete_sql;  /* :id */
  const char       *code_sql;      /* :code; NULL for types without a code */
  const char       *unique_sql;    /* bound from the record: (id, deleted) of a row in the way */
  const char       *unique_field;
  const Reference  *references;    /* NULL-terminated */
} StoreType;

#define ORGANISATION_EXISTS_SQL \
  "SELECT deleted_at IS NOT NULL FROM organisation WHERE id = :id"
#define PERSON_EXISTS_SQL "SELECT deleted_at IS NOT NULL FROM person WHERE id = :id"
#define PROGRAMME_EXISTS_SQL "SELECT deleted_at IS NOT NULL FROM programme WHERE id = :id"
#define COURSE_EXISTS_SQL "SELECT deleted_at IS NOT NULL FROM course WHERE id = :id"
#define COURSE_RUN_EXISTS_SQL "SELECT deleted_at IS NOT NULL FROM course_run WHERE id = :id"
#define ENROLMENT_EXISTS_SQL "SELECT deleted_at IS NOT NULL FROM enrolment WHERE id = :id"

static const Reference person_references[] = {
  { "affiliation_id", ORGANISATION_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference organisation_references[] = {
  { "parent_id", ORGANISATION_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference no_references[] = {
  { NULL, NULL },
};

static const Reference course_references[] = {
  { "programme_id", PROGRAMME_EXISTS_SQL },
  { "provider_id", ORGANISATION_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference course_run_references[] = {
  { "course_id", COURSE_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference enrolment_references[] = {
  { "person_id", PERSON_EXISTS_SQL },
  { "run_id", COURSE_RUN_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference run_trainer_references[] = {
  { "run_id", COURSE_RUN_EXISTS_SQL },
  { "person_id", PERSON_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference placement_references[] = {
  { "person_id", PERSON_EXISTS_SQL },
  { "enrolment_id", ENROLMENT_EXISTS_SQL },
  { "host_id", ORGANISATION_EXISTS_SQL },
  { "office_id", ORGANISATION_EXISTS_SQL },
  { "supervisor_id", PERSON_EXISTS_SQL },
  { NULL, NULL },
};

static const Reference career_record_references[] = {
  { "person_id", PERSON_EXISTS_SQL },
  { "organisation_id", ORGANISATION_EXISTS_SQL },
  { NULL, NULL },
};

/* Enumerations with a column DEFAULT are written with coalesce(): an object that leaves them
 * empty gets the default, as a row inserted without them would. */
static const StoreType store_types[] = {
  {
    KIND_PERSON, cohort_person_get_type, "person",
    "SELECT * FROM person WHERE id = :id",
    "INSERT INTO person (code, family_name, given_name, family_name_local, given_name_local, "
    "name_order, gender, gender_self, birth_date, nationality, email, phone, affiliation_id, "
    "notes, anonymised_at, match_name, match_name_local, created_at, updated_at) "
    "VALUES (:code, :family_name, :given_name, :family_name_local, :given_name_local, "
    "coalesce(:name_order, 'given_first'), coalesce(:gender, 'undisclosed'), :gender_self, "
    ":birth_date, :nationality, :email, :phone, :affiliation_id, :notes, :anonymised_at, "
    ":match_name, :match_name_local, :now, :now)",
    /* anonymised_at is set only by cohort_store_anonymise_person(), never cleared. */
    "UPDATE person SET code = :code, family_name = :family_name, given_name = :given_name, "
    "family_name_local = :family_name_local, given_name_local = :given_name_local, "
    "name_order = coalesce(:name_order, 'given_first'), "
    "gender = coalesce(:gender, 'undisclosed'), gender_self = :gender_self, "
    "birth_date = :birth_date, nationality = :nationality, email = :email, phone = :phone, "
    "affiliation_id = :affiliation_id, notes = :notes, match_name = :match_name, "
    "match_name_local = :match_name_local, updated_at = :now WHERE id = :id",
    "UPDATE person SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE person SET deleted_at = NULL WHERE id = :id",
    "SELECT * FROM person WHERE code = :code",
    "SELECT id, deleted_at IS NOT NULL FROM person WHERE code = :code AND id IS NOT :id",
    "code",
    person_references,
  },
  {
    KIND_ORGANISATION, cohort_organisation_get_type, "organisation",
    "SELECT * FROM organisation WHERE id = :id",
    "INSERT INTO organisation (name, acronym, kind, parent_id, country, city, created_at, "
    "updated_at) VALUES (:name, :acronym, coalesce(:kind, 'other'), :parent_id, :country, "
    ":city, :now, :now)",
    "UPDATE organisation SET name = :name, acronym = :acronym, kind = coalesce(:kind, 'other'), "
    "parent_id = :parent_id, country = :country, city = :city, updated_at = :now "
    "WHERE id = :id",
    "UPDATE organisation SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE organisation SET deleted_at = NULL WHERE id = :id",
    NULL,
    NULL,
    NULL,
    organisation_references,
  },
  {
    KIND_PROGRAMME, cohort_programme_get_type, "programme",
    "SELECT * FROM programme WHERE id = :id",
    "INSERT INTO programme (code, name, created_at, updated_at) "
    "VALUES (:code, :name, :now, :now)",
    "UPDATE programme SET code = :code, name = :name, updated_at = :now WHERE id = :id",
    "UPDATE programme SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE programme SET deleted_at = NULL WHERE id = :id",
    "SELECT * FROM programme WHERE code = :code",
    "SELECT id, deleted_at IS NOT NULL FROM programme WHERE code = :code AND id IS NOT :id",
    "code",
    no_references,
  },
  {
    KIND_COURSE, cohort_course_get_type, "course",
    "SELECT * FROM course WHERE id = :id",
    "INSERT INTO course (code, title, programme_id, description, subject, provider_id, url, "
    "source, created_at, updated_at) VALUES (:code, :title, :programme_id, :description, "
    ":subject, :provider_id, :url, :source, :now, :now)",
    "UPDATE course SET code = :code, title = :title, programme_id = :programme_id, "
    "description = :description, subject = :subject, provider_id = :provider_id, url = :url, "
    "source = :source, updated_at = :now WHERE id = :id",
    "UPDATE course SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE course SET deleted_at = NULL WHERE id = :id",
    "SELECT * FROM course WHERE code = :code",
    "SELECT id, deleted_at IS NOT NULL FROM course WHERE code = :code AND id IS NOT :id",
    "code",
    course_references,
  },
  {
    KIND_COURSE_RUN, cohort_course_run_get_type, "course_run",
    "SELECT * FROM course_run WHERE id = :id",
    "INSERT INTO course_run (course_id, code, start_date, end_date, mode, venue, capacity, "
    "status, fiscal_year, created_at, updated_at) VALUES (:course_id, :code, :start_date, "
    ":end_date, :mode, :venue, :capacity, coalesce(:status, 'planned'), :fiscal_year, :now, "
    ":now)",
    "UPDATE course_run SET course_id = :course_id, code = :code, start_date = :start_date, "
    "end_date = :end_date, mode = :mode, venue = :venue, capacity = :capacity, "
    "status = coalesce(:status, 'planned'), fiscal_year = :fiscal_year, updated_at = :now "
    "WHERE id = :id",
    "UPDATE course_run SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE course_run SET deleted_at = NULL WHERE id = :id",
    "SELECT * FROM course_run WHERE code = :code",
    "SELECT id, deleted_at IS NOT NULL FROM course_run WHERE code = :code AND id IS NOT :id",
    "code",
    course_run_references,
  },
  {
    KIND_ENROLMENT, cohort_enrolment_get_type, "enrolment",
    "SELECT * FROM enrolment WHERE id = :id",
    "INSERT INTO enrolment (person_id, run_id, status, reserve_rank, decided_on, "
    "completed_on, certificate_number, withdrawal_reason, created_at, updated_at) "
    "VALUES (:person_id, :run_id, coalesce(:status, 'applied'), :reserve_rank, :decided_on, "
    ":completed_on, :certificate_number, :withdrawal_reason, :now, :now)",
    "UPDATE enrolment SET person_id = :person_id, run_id = :run_id, "
    "status = coalesce(:status, 'applied'), reserve_rank = :reserve_rank, "
    "decided_on = :decided_on, completed_on = :completed_on, "
    "certificate_number = :certificate_number, withdrawal_reason = :withdrawal_reason, "
    "updated_at = :now WHERE id = :id",
    "UPDATE enrolment SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE enrolment SET deleted_at = NULL WHERE id = :id",
    NULL,
    "SELECT id, deleted_at IS NOT NULL FROM enrolment "
    "WHERE person_id = :person_id AND run_id = :run_id AND id IS NOT :id",
    "run_id",
    enrolment_references,
  },
  {
    KIND_RUN_TRAINER, cohort_run_trainer_get_type, "run_trainer",
    "SELECT * FROM run_trainer WHERE id = :id",
    "INSERT INTO run_trainer (run_id, person_id, role, created_at, updated_at) "
    "VALUES (:run_id, :person_id, coalesce(:role, 'trainer'), :now, :now)",
    "UPDATE run_trainer SET run_id = :run_id, person_id = :person_id, "
    "role = coalesce(:role, 'trainer'), updated_at = :now WHERE id = :id",
    "UPDATE run_trainer SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE run_trainer SET deleted_at = NULL WHERE id = :id",
    NULL,
    "SELECT id, deleted_at IS NOT NULL FROM run_trainer WHERE run_id = :run_id "
    "AND person_id = :person_id AND role = coalesce(:role, 'trainer') AND id IS NOT :id",
    "person_id",
    run_trainer_references,
  },
  {
    KIND_PLACEMENT, cohort_placement_get_type, "placement",
    "SELECT * FROM placement WHERE id = :id",
    "INSERT INTO placement (person_id, enrolment_id, host_id, office_id, duty_station, "
    "country, position_title, modality, funded_by, supervisor_id, start_date, end_date, "
    "actual_end_date, status, evaluation, created_at, updated_at) VALUES (:person_id, "
    ":enrolment_id, :host_id, :office_id, :duty_station, :country, :position_title, "
    ":modality, :funded_by, :supervisor_id, :start_date, :end_date, :actual_end_date, "
    "coalesce(:status, 'proposed'), :evaluation, :now, :now)",
    "UPDATE placement SET person_id = :person_id, enrolment_id = :enrolment_id, "
    "host_id = :host_id, office_id = :office_id, duty_station = :duty_station, "
    "country = :country, position_title = :position_title, modality = :modality, "
    "funded_by = :funded_by, supervisor_id = :supervisor_id, start_date = :start_date, "
    "end_date = :end_date, actual_end_date = :actual_end_date, "
    "status = coalesce(:status, 'proposed'), evaluation = :evaluation, updated_at = :now "
    "WHERE id = :id",
    "UPDATE placement SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE placement SET deleted_at = NULL WHERE id = :id",
    NULL,
    NULL,
    NULL,
    placement_references,
  },
  {
    KIND_CAREER_RECORD, cohort_career_record_get_type, "career_record",
    "SELECT * FROM career_record WHERE id = :id",
    "INSERT INTO career_record (person_id, organisation_id, position_title, sector, country, "
    "start_date, end_date, source, verified_on, created_at, updated_at) VALUES (:person_id, "
    ":organisation_id, :position_title, coalesce(:sector, 'other'), :country, :start_date, "
    ":end_date, :source, :verified_on, :now, :now)",
    "UPDATE career_record SET person_id = :person_id, organisation_id = :organisation_id, "
    "position_title = :position_title, sector = coalesce(:sector, 'other'), "
    "country = :country, start_date = :start_date, end_date = :end_date, source = :source, "
    "verified_on = :verified_on, updated_at = :now WHERE id = :id",
    "UPDATE career_record SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL",
    "UPDATE career_record SET deleted_at = NULL WHERE id = :id",
    NULL,
    NULL,
    NULL,
    career_record_references,
  },
  {
    /* The record of an import: no timestamps of its own and never deleted. */
    KIND_IMPORT_BATCH, cohort_import_batch_get_type, "import_batch",
    "SELECT * FROM import_batch WHERE id = :id",
    "INSERT INTO import_batch (file_name, sha256, format, started_at, finished_at, n_new, "
    "n_updated, n_unchanged, n_rejected, outcome) VALUES (:file_name, :sha256, :format, "
    ":started_at, :finished_at, coalesce(:n_new, 0), coalesce(:n_updated, 0), "
    "coalesce(:n_unchanged, 0), coalesce(:n_rejected, 0), :outcome)",
    "UPDATE import_batch SET file_name = :file_name, sha256 = :sha256, format = :format, "
    "started_at = :started_at, finished_at = :finished_at, n_new = coalesce(:n_new, 0), "
    "n_updated = coalesce(:n_updated, 0), n_unchanged = coalesce(:n_unchanged, 0), "
    "n_rejected = coalesce(:n_rejected, 0), outcome = :outcome WHERE id = :id",
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    no_references,
  },
};

/* What anonymising blanks: everything that identifies the person.  Gender, nationality,
 * affiliation and all participation stay, so that statistics stay true. */
static const char * const identity_fields[] = {
  "family-name", "given-name", "family-name-local", "given-name-local", "gender-self",
  "birth-date", "email", "phone", "notes",
};

static const StoreType *
store_type_for (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (store_types); i++)
    if (store_types[i].get_type () == type)
      return &store_types[i];

  return NULL;
}

static char *
column_to_property (const char *column)
{
  char *name = g_strdup (column);

  g_strdelimit (name, "_", '-');
  return name;
}

static gint64
get_id_property (CohortRecord *record,
                 const char   *column)
{
  g_autofree char *property = column_to_property (column);
  gint64 value = 0;

  g_object_get (record, property, &value, NULL);
  return value;
}

static void
set_not_found_error (GError **error)
{
  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND, "id",
                               _("The record no longer exists"));
}

/* Steps @stmt for at most one row and fills @object from it.  @stmt is reset. */
static gboolean
fetch_into (CohortStatement  *stmt,
            GObject          *object,
            gboolean         *out_found,
            GError          **error)
{
  gboolean has_row = FALSE;

  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  if (has_row)
    cohort_statement_fill_object (stmt, object);
  cohort_statement_reset (stmt);

  *out_found = has_row;
  return TRUE;
}

/* Returns FALSE on a database error; TRUE with *out_record NULL when the row does not exist. */
static gboolean
load_row (CohortDatabase     *db,
          const StoreType    *st,
          gint64              id,
          CohortRecord      **out_record,
          GError            **error)
{
  g_autoptr(CohortRecord) record = NULL;
  CohortStatement *stmt;
  gboolean found = FALSE;

  *out_record = NULL;

  stmt = cohort_database_prepare (db, st->select_sql, error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":id", id);
  record = g_object_new (st->get_type (), NULL);
  if (!fetch_into (stmt, G_OBJECT (record), &found, error))
    return FALSE;

  if (found)
    *out_record = g_steal_pointer (&record);

  return TRUE;
}

/* Runs a query whose first row's first column is an integer. */
static gboolean
query_int64 (CohortStatement  *stmt,
             gboolean         *out_found,
             gint64           *out_value,
             GError          **error)
{
  gboolean has_row = FALSE;

  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  *out_found = has_row;
  *out_value = has_row ? cohort_statement_get_int64 (stmt, 0) : 0;
  cohort_statement_reset (stmt);

  return TRUE;
}

static gboolean
is_column_property (const GParamSpec *pspec)
{
  static const char * const bookkeeping[] = {
    "id", "created-at", "updated-at", "deleted-at", "anonymised-at",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bookkeeping); i++)
    if (strcmp (pspec->name, bookkeeping[i]) == 0)
      return FALSE;

  return (pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE;
}

/* TRUE if saving @record over @stored would change no column a user edits ("" and NULL are
 * the same: both are stored as NULL). */
static gboolean
records_equal (CohortRecord *stored,
               CohortRecord *record)
{
  const CohortProperties *properties = cohort_properties_for_type (G_OBJECT_TYPE (record));

  for (guint i = 0; i < properties->n_pspecs; i++)
    {
      GParamSpec *pspec = properties->pspecs[i];
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      if (!is_column_property (pspec))
        continue;

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      cohort_properties_get_value (G_OBJECT (stored), pspec, &a);
      cohort_properties_get_value (G_OBJECT (record), pspec, &b);

      if (pspec->value_type == G_TYPE_STRING)
        {
          if (g_strcmp0 (cohort_str_empty_to_null (g_value_get_string (&a)),
                         cohort_str_empty_to_null (g_value_get_string (&b))) != 0)
            return FALSE;
        }
      else if (g_param_values_cmp (pspec, &a, &b) != 0)
        {
          return FALSE;
        }
    }

  return TRUE;
}

static void
copy_properties (CohortRecord *from,
                 CohortRecord *to)
{
  const CohortProperties *properties = cohort_properties_for_type (G_OBJECT_TYPE (from));

  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < properties->n_pspecs; i++)
    {
      GParamSpec *pspec = properties->pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspec->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE ||
          (pspec->flags & G_PARAM_CONSTRUCT_ONLY))
        continue;

      g_value_init (&value, pspec->value_type);
      cohort_properties_get_value (G_OBJECT (from), pspec, &value);
      cohort_properties_set_value (G_OBJECT (to), pspec, &value);
    }
  g_object_thaw_notify (G_OBJECT (to));
}

/* Match keys: a person's names folded with cohort_dup_normalised_name() and run together,
 * family name first. */
static char *
dup_match_key (const char *first,
               const char *second)
{
  g_autofree char *a = cohort_dup_normalised_name (first);
  g_autofree char *b = cohort_dup_normalised_name (second);

  if (a == NULL && b == NULL)
    return NULL;

  return g_strconcat (a ? a : "", b ? b : "", NULL);
}

static const char *
first_identity_field (CohortPerson *person)
{
  for (guint i = 0; i < G_N_ELEMENTS (identity_fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (person, identity_fields[i], &value, NULL);
      if (cohort_str_empty_to_null (value) != NULL)
        return identity_fields[i];
    }

  return NULL;
}

/* Rules that need the database */

static void
set_duplicate_error (const StoreType  *st,
                     CohortRecord     *record,
                     gboolean          other_deleted,
                     GError          **error)
{
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "code") != NULL)
    g_object_get (record, "code", &code, NULL);

  switch (st->kind)
    {
    case KIND_PERSON:
      message = g_strdup_printf (_("The code “%s” is already used by another person"), code);
      break;
    case KIND_PROGRAMME:
      message = g_strdup_printf (_("The code “%s” is already used by another programme"), code);
      break;
    case KIND_COURSE:
      message = g_strdup_printf (_("The code “%s” is already used by another course"), code);
      break;
    case KIND_COURSE_RUN:
      message = g_strdup_printf (_("The code “%s” is already used by another course run"),
                                 code);
      break;
    case KIND_ENROLMENT:
      message = g_strdup (_("This person is already enrolled in this course run"));
      break;
    case KIND_RUN_TRAINER:
      message = g_strdup (_("This person already has this role in this course run"));
      break;
    case KIND_ORGANISATION:
    case KIND_PLACEMENT:
    case KIND_CAREER_RECORD:
    case KIND_IMPORT_BATCH:
    default:
      g_assert_not_reached ();
    }

  if (other_deleted)
    cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_DUPLICATE, st->unique_field,
                                 "%s. %s", message,
                                 _("That record is deleted: restore it instead of adding a "
                                   "new one."));
  else
    cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_DUPLICATE, st->unique_field,
                                 "%s", message);
}

/* Codes (and the natural keys of enrolments and trainer assignments) are unique among all
 * rows, deleted ones included: a deleted row can be restored. */
static gboolean
check_unique (CohortDatabase   *db,
              const StoreType  *st,
              CohortRecord     *record,
              GError          **error)
{
  CohortStatement *stmt;
  gboolean has_row = FALSE;
  gboolean other_deleted;

  if (st->unique_sql == NULL)
    return TRUE;

  stmt = cohort_database_prepare (db, st->unique_sql, error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_object (stmt, G_OBJECT (record));
  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;

  other_deleted = has_row && cohort_statement_get_int64 (stmt, 1) != 0;
  cohort_statement_reset (stmt);

  if (!has_row)
    return TRUE;

  set_duplicate_error (st, record, other_deleted, error);
  return FALSE;
}

/* A referenced row must exist and, when the reference is new or changed, not be deleted.  A
 * reference that was already stored stays valid when its target is deleted later: deleting
 * never cascades, and editing a graduate's placement must not fail because their host office
 * was retired. */
static gboolean
check_references (CohortDatabase   *db,
                  const StoreType  *st,
                  CohortRecord     *record,
                  CohortRecord     *stored,
                  GError          **error)
{
  for (const Reference *ref = st->references; ref->field != NULL; ref++)
    {
      gint64 target = get_id_property (record, ref->field);
      CohortStatement *stmt;
      gboolean found = FALSE;
      gint64 deleted = 0;

      if (target <= 0)
        continue;
      if (stored != NULL && get_id_property (stored, ref->field) == target)
        continue;

      stmt = cohort_database_prepare (db, ref->exists_sql, error);
      if (stmt == NULL)
        return FALSE;

      cohort_statement_bind_int64 (stmt, ":id", target);
      if (!query_int64 (stmt, &found, &deleted, error))
        return FALSE;

      if (!found)
        {
          cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND, ref->field,
                                       _("%s: the record chosen does not exist"),
                                       cohort_validation_get_field_label (ref->field));
          return FALSE;
        }

      if (deleted)
        {
          cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND, ref->field,
                                       _("%s: the record chosen has been deleted; restore it "
                                         "or choose another"),
                                       cohort_validation_get_field_label (ref->field));
          return FALSE;
        }
    }

  return TRUE;
}

/* Agency -> country office -> field office: no organisation may be placed under itself or
 * under one of the offices below it. */
static gboolean
check_organisation_cycle (CohortDatabase      *db,
                          CohortOrganisation  *organisation,
                          GError             **error)
{
  gint64 id = cohort_record_get_id (COHORT_RECORD (organisation));
  gint64 parent_id = cohort_organisation_get_parent_id (organisation);
  CohortStatement *stmt;
  gboolean found = FALSE;
  gint64 value = 0;

  if (id <= 0 || parent_id <= 0)
    return TRUE;

  stmt = cohort_database_prepare (db,
                                  "WITH RECURSIVE ancestor (id) AS ("
                                  "  SELECT :parent_id"
                                  "  UNION"
                                  "  SELECT o.parent_id FROM organisation o"
                                  "  JOIN ancestor a ON o.id = a.id"
                                  "  WHERE o.parent_id IS NOT NULL)"
                                  "SELECT 1 FROM ancestor WHERE id = :id LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":parent_id", parent_id);
  cohort_statement_bind_int64 (stmt, ":id", id);
  if (!query_int64 (stmt, &found, &value, error))
    return FALSE;

  if (found)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_CONFLICT, "parent_id",
                                   _("An organisation cannot be part of one of its own "
                                     "offices"));
      return FALSE;
    }

  return TRUE;
}

static const char *
placement_end (CohortPlacement *placement)
{
  const char *actual = cohort_placement_get_actual_end_date (placement);

  if (cohort_str_empty_to_null (actual) != NULL)
    return actual;

  return cohort_str_empty_to_null (cohort_placement_get_end_date (placement));
}

/* One person is on one placement at a time.  A placement lasts from its start date to its
 * actual end date (or, until that is known, its planned end date); one without an end runs on
 * for ever.  Cancelled and deleted placements do not count, nor do placements without a start
 * date (proposals not yet dated).  A placement may start on the day another ends: a handover
 * is not an overlap. */
static gboolean
check_placement_overlap (CohortDatabase   *db,
                         CohortPlacement  *placement,
                         GError          **error)
{
  const char *start = cohort_str_empty_to_null (cohort_placement_get_start_date (placement));
  const char *status = cohort_placement_get_status (placement);
  CohortStatement *stmt;
  gboolean has_row = FALSE;
  g_autofree char *other_start = NULL;
  g_autofree char *other_end = NULL;

  if (start == NULL || g_strcmp0 (status, "cancelled") == 0 ||
      cohort_record_is_deleted (COHORT_RECORD (placement)))
    return TRUE;

  stmt = cohort_database_prepare (db,
                                  "SELECT start_date, coalesce(actual_end_date, end_date) "
                                  "FROM placement "
                                  "WHERE person_id = :person_id AND id IS NOT :placement_id "
                                  "AND deleted_at IS NULL AND status <> 'cancelled' "
                                  "AND start_date IS NOT NULL "
                                  "AND start_date < coalesce(:range_end, '9999-12-31') "
                                  "AND coalesce(actual_end_date, end_date, '9999-12-31') "
                                  "    > :range_start "
                                  "ORDER BY start_date LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":person_id", cohort_placement_get_person_id (placement));
  cohort_statement_bind_id (stmt, ":placement_id",
                            cohort_record_get_id (COHORT_RECORD (placement)));
  cohort_statement_bind_text (stmt, ":range_start", start);
  cohort_statement_bind_text (stmt, ":range_end", placement_end (placement));

  if (!cohort_statement_step (stmt, &has_row, error))
    return FALSE;
  if (has_row)
    {
      other_start = g_strdup (cohort_statement_get_text (stmt, 0));
      other_end = g_strdup (cohort_statement_get_text (stmt, 1));
    }
  cohort_statement_reset (stmt);

  if (!has_row)
    return TRUE;

  if (other_end != NULL)
    cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_OVERLAP, "start_date",
                                 _("This placement overlaps another placement of the same "
                                   "person, from %s to %s"), other_start, other_end);
  else
    cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_OVERLAP, "start_date",
                                 _("This placement overlaps another placement of the same "
                                   "person, from %s with no end date"), other_start);
  return FALSE;
}

/* A placement that follows from an enrolment follows from that person's enrolment. */
static gboolean
check_placement_enrolment (CohortDatabase   *db,
                           CohortPlacement  *placement,
                           CohortPlacement  *stored,
                           GError          **error)
{
  gint64 enrolment_id = cohort_placement_get_enrolment_id (placement);
  gint64 person_id = cohort_placement_get_person_id (placement);
  CohortStatement *stmt;
  gboolean found = FALSE;
  gint64 enrolled_person = 0;

  if (enrolment_id <= 0)
    return TRUE;
  if (stored != NULL && cohort_placement_get_enrolment_id (stored) == enrolment_id &&
      cohort_placement_get_person_id (stored) == person_id)
    return TRUE;

  stmt = cohort_database_prepare (db, "SELECT person_id FROM enrolment WHERE id = :id", error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":id", enrolment_id);
  if (!query_int64 (stmt, &found, &enrolled_person, error))
    return FALSE;

  if (found && enrolled_person != person_id)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_CONFLICT, "enrolment_id",
                                   _("The enrolment chosen is another person’s"));
      return FALSE;
    }

  return TRUE;
}

/* An anonymised person stays anonymous: saving a name (or any other identity) for them again
 * is refused, whatever the object being saved says. */
static gboolean
check_anonymised (CohortPerson  *person,
                  CohortPerson  *stored,
                  GError       **error)
{
  const char *anonymised_at = cohort_person_get_anonymised_at (person);
  const char *field;
  g_autofree char *column = NULL;

  if (stored != NULL && cohort_person_get_anonymised_at (stored) != NULL)
    anonymised_at = cohort_person_get_anonymised_at (stored);

  if (anonymised_at == NULL)
    return TRUE;

  field = first_identity_field (person);
  if (field == NULL)
    return TRUE;

  column = g_strdup (field);
  g_strdelimit (column, "-", '_');
  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_CONFLICT, column,
                               _("This person has been anonymised: %s can no longer be "
                                 "recorded"),
                               cohort_validation_get_field_label (column));
  return FALSE;
}

static gboolean
check_rules (CohortDatabase   *db,
             const StoreType  *st,
             CohortRecord     *record,
             CohortRecord     *stored,
             GError          **error)
{
  if (st->kind == KIND_PERSON &&
      !check_anonymised (COHORT_PERSON (record), stored ? COHORT_PERSON (stored) : NULL, error))
    return FALSE;

  if (!check_unique (db, st, record, error) ||
      !check_references (db, st, record, stored, error))
    return FALSE;

  switch (st->kind)
    {
    case KIND_ORGANISATION:
      if (stored == NULL ||
          cohort_organisation_get_parent_id (COHORT_ORGANISATION (stored)) !=
          cohort_organisation_get_parent_id (COHORT_ORGANISATION (record)))
        return check_organisation_cycle (db, COHORT_ORGANISATION (record), error);
      return TRUE;

    case KIND_PLACEMENT:
      return check_placement_enrolment (db, COHORT_PLACEMENT (record),
                                        stored ? COHORT_PLACEMENT (stored) : NULL, error) &&
             check_placement_overlap (db, COHORT_PLACEMENT (record), error);

    case KIND_PERSON:
    case KIND_PROGRAMME:
    case KIND_COURSE:
    case KIND_COURSE_RUN:
    case KIND_ENROLMENT:
    case KIND_RUN_TRAINER:
    case KIND_CAREER_RECORD:
    case KIND_IMPORT_BATCH:
    default:
      return TRUE;
    }
}

static void
bind_match_keys (CohortStatement *stmt,
                 CohortPerson    *person)
{
  g_autofree char *match_name = NULL;
  g_autofree char *match_name_local = NULL;

  match_name = dup_match_key (cohort_person_get_family_name (person),
                              cohort_person_get_given_name (person));
  match_name_local = dup_match_key (cohort_person_get_family_name_local (person),
                                    cohort_person_get_given_name_local (person));

  /* '' for "no name": NULL is left for rows whose keys were never computed. */
  cohort_statement_bind_text (stmt, ":match_name", match_name ? match_name : "");
  cohort_statement_bind_text (stmt, ":match_name_local", match_name_local ? match_name_local : "");
}

/* Inside a transaction: checks, writes, and reads back the stored row into *out_saved. */
static gboolean
save_in_transaction (CohortDatabase   *db,
                     const StoreType  *st,
                     CohortRecord     *record,
                     CohortRecord    **out_saved,
                     GError          **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  g_autofree char *now = NULL;
  CohortStatement *stmt;
  gint64 id = cohort_record_get_id (record);

  if (id > 0)
    {
      if (!load_row (db, st, id, &stored, error))
        return FALSE;
      if (stored == NULL)
        {
          set_not_found_error (error);
          return FALSE;
        }
    }

  if (!check_rules (db, st, record, stored, error))
    return FALSE;

  /* Saving what is already stored writes nothing, not even a new updated_at: re-importing a
   * file changes nothing. */
  if (stored != NULL && records_equal (stored, record))
    {
      *out_saved = g_steal_pointer (&stored);
      return TRUE;
    }

  stmt = cohort_database_prepare (db, id > 0 ? st->update_sql : st->insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_object (stmt, G_OBJECT (record));
  if (st->kind != KIND_IMPORT_BATCH)
    {
      now = cohort_dup_timestamp_now ();
      cohort_statement_bind_text (stmt, ":now", now);
    }
  if (st->kind == KIND_PERSON)
    bind_match_keys (stmt, COHORT_PERSON (record));

  if (!cohort_statement_execute (stmt, error))
    return FALSE;

  if (id <= 0)
    id = cohort_database_last_insert_id (db);

  if (!load_row (db, st, id, out_saved, error))
    return FALSE;

  g_assert (*out_saved != NULL);
  return TRUE;
}

/**
 * cohort_store_save:
 * @db: a database
 * @record: a #CohortPerson, #CohortOrganisation, #CohortProgramme, #CohortCourse,
 *   #CohortCourseRun, #CohortEnrolment, #CohortRunTrainer, #CohortPlacement,
 *   #CohortCareerRecord or #CohortImportBatch
 * @error: return location for a #GError
 *
 * Writes @record: inserts it when its id is 0, updates the row with its id otherwise.
 *
 * First the rules of cohort_record_validate(), then those that need the database: codes are
 * unique (%COHORT_VALIDATION_ERROR_DUPLICATE on `code`), referenced rows exist and, if newly
 * referenced, are not deleted (%COHORT_VALIDATION_ERROR_NOT_FOUND on e.g. `host_id`), one
 * person's placements do not overlap (%COHORT_VALIDATION_ERROR_OVERLAP on `start_date`), the
 * organisation hierarchy has no loop, an anonymised person gets no identity back
 * (%COHORT_VALIDATION_ERROR_CONFLICT).  Then one transaction (nested in the caller's, if one
 * is open) writes the row, and @record is refreshed from it: id, created-at and updated-at,
 * and the defaults of enumerations left empty.  Saving a record identical to the stored row
 * writes nothing.  Deletion and anonymisation have their own functions; saving never changes
 * deleted-at or anonymised-at.
 *
 * An import batch without a start time is given the current time.
 *
 * Returns: %TRUE on success; %FALSE with @error set, the database unchanged and @record as it
 *   was.
 */
gboolean
cohort_store_save (CohortDatabase  *db,
                   CohortRecord    *record,
                   GError         **error)
{
  g_autoptr(CohortRecord) saved = NULL;
  const StoreType *st;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (COHORT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = store_type_for (G_OBJECT_TYPE (record));
  g_return_val_if_fail (st != NULL, FALSE);

  if (st->kind == KIND_IMPORT_BATCH)
    {
      CohortImportBatch *batch = COHORT_IMPORT_BATCH (record);

      if (cohort_str_empty_to_null (cohort_import_batch_get_started_at (batch)) == NULL)
        {
          g_autofree char *now = cohort_dup_timestamp_now ();

          cohort_import_batch_set_started_at (batch, now);
        }
    }

  if (!cohort_record_validate (record, error))
    return FALSE;

  if (!cohort_database_begin (db, error))
    return FALSE;

  if (!save_in_transaction (db, st, record, &saved, error))
    {
      cohort_database_rollback (db);
      return FALSE;
    }

  if (!cohort_database_commit (db, error))
    return FALSE;

  copy_properties (saved, record);
  return TRUE;
}

/**
 * cohort_store_load:
 * @db: a database
 * @type: the record's type, e.g. %COHORT_TYPE_PLACEMENT
 * @id: the row's id
 * @error: return location for a #GError
 *
 * Loads one row, deleted or not (see cohort_record_is_deleted()).
 *
 * Returns: (transfer full): the record, or %NULL with @error set:
 *   %COHORT_VALIDATION_ERROR_NOT_FOUND (field `id`) when there is no such row.
 */
CohortRecord *
cohort_store_load (CohortDatabase  *db,
                   GType            type,
                   gint64           id,
                   GError         **error)
{
  CohortRecord *record = NULL;
  const StoreType *st;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  st = store_type_for (type);
  g_return_val_if_fail (st != NULL, NULL);

  if (!load_row (db, st, id, &record, error))
    return NULL;

  if (record == NULL)
    set_not_found_error (error);

  return record;
}

/**
 * cohort_store_find_by_code:
 * @db: a database
 * @type: %COHORT_TYPE_PERSON, %COHORT_TYPE_PROGRAMME, %COHORT_TYPE_COURSE or
 *   %COHORT_TYPE_COURSE_RUN
 * @code: (nullable): the code, compared exactly
 * @out_record: (out) (transfer full) (nullable): the record with @code, or %NULL
 * @error: return location for a #GError
 *
 * Looks a record up by its code, as importers match rows by identifier.  Deleted rows are
 * found too (codes stay taken while a row is deleted); check cohort_record_is_deleted().
 *
 * Returns: %FALSE with @error set only when the database fails.  %TRUE otherwise, with
 *   *@out_record the record, or %NULL when no row has @code (or @code is empty).
 */
gboolean
cohort_store_find_by_code (CohortDatabase  *db,
                           GType            type,
                           const char      *code,
                           CohortRecord   **out_record,
                           GError         **error)
{
  g_autoptr(CohortRecord) record = NULL;
  const StoreType *st;
  CohortStatement *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = store_type_for (type);
  g_return_val_if_fail (st != NULL && st->code_sql != NULL, FALSE);

  *out_record = NULL;

  if (cohort_str_empty_to_null (code) == NULL)
    return TRUE;

  stmt = cohort_database_prepare (db, st->code_sql, error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_text (stmt, ":code", code);
  record = g_object_new (type, NULL);
  if (!fetch_into (stmt, G_OBJECT (record), &found, error))
    return FALSE;

  if (found)
    *out_record = g_steal_pointer (&record);

  return TRUE;
}

static gboolean
run_with_id (CohortDatabase  *db,
             const char      *sql,
             gint64           id,
             gboolean         with_now,
             GError         **error)
{
  CohortStatement *stmt = cohort_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":id", id);
  if (with_now)
    {
      g_autofree char *now = cohort_dup_timestamp_now ();

      cohort_statement_bind_text (stmt, ":now", now);
    }

  return cohort_statement_execute (stmt, error);
}

static gboolean
set_deleted (CohortDatabase   *db,
             const StoreType  *st,
             gint64            id,
             gboolean          deleted,
             GError          **error)
{
  g_autoptr(CohortRecord) stored = NULL;

  if (st->delete_sql == NULL)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_CONFLICT, "id",
                                   _("The record of an import is kept and cannot be deleted"));
      return FALSE;
    }

  if (!cohort_database_begin (db, error))
    return FALSE;

  if (!load_row (db, st, id, &stored, error))
    goto failed;

  if (stored == NULL)
    {
      set_not_found_error (error);
      goto failed;
    }

  /* Deleting a deleted row, or restoring a live one, changes nothing. */
  if (cohort_record_is_deleted (stored) == deleted)
    return cohort_database_commit (db, error);

  if (deleted)
    {
      if (!run_with_id (db, st->delete_sql, id, TRUE, error))
        goto failed;
    }
  else
    {
      /* While it was deleted, another placement may have taken its time. */
      cohort_record_set_deleted_at (stored, NULL);
      if (st->kind == KIND_PLACEMENT &&
          !check_placement_overlap (db, COHORT_PLACEMENT (stored), error))
        goto failed;

      if (!run_with_id (db, st->undelete_sql, id, FALSE, error))
        goto failed;
    }

  return cohort_database_commit (db, error);

failed:
  cohort_database_rollback (db);
  return FALSE;
}

/**
 * cohort_store_delete:
 * @db: a database
 * @type: the record's type
 * @id: the row's id
 * @error: return location for a #GError
 *
 * Deletes a row softly: sets its deleted_at, which cohort_store_undelete() clears again.
 * Nothing else is touched: deleting a person keeps their enrolments, placements and career
 * records.  Deleting a deleted row succeeds and changes nothing.  Imports cannot be deleted
 * (%COHORT_VALIDATION_ERROR_CONFLICT).
 *
 * Returns: %TRUE on success, %FALSE with @error set (%COHORT_VALIDATION_ERROR_NOT_FOUND when
 *   there is no such row).
 */
gboolean
cohort_store_delete (CohortDatabase  *db,
                     GType            type,
                     gint64           id,
                     GError         **error)
{
  const StoreType *st;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = store_type_for (type);
  g_return_val_if_fail (st != NULL, FALSE);

  return set_deleted (db, st, id, TRUE, error);
}

/**
 * cohort_store_undelete:
 * @db: a database
 * @type: the record's type
 * @id: the row's id
 * @error: return location for a #GError
 *
 * Restores a softly deleted row (the Undo of a deletion).  A placement that would now overlap
 * another of the same person is refused (%COHORT_VALIDATION_ERROR_OVERLAP).  Restoring a row
 * that is not deleted succeeds and changes nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
cohort_store_undelete (CohortDatabase  *db,
                       GType            type,
                       gint64           id,
                       GError         **error)
{
  const StoreType *st;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  st = store_type_for (type);
  g_return_val_if_fail (st != NULL, FALSE);

  return set_deleted (db, st, id, FALSE, error);
}

static gboolean
anonymise_in_transaction (CohortDatabase  *db,
                          gint64           person_id,
                          GError         **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  g_autofree char *code = NULL;
  g_autofree char *now = NULL;
  CohortStatement *stmt;

  if (!load_row (db, store_type_for (COHORT_TYPE_PERSON), person_id, &stored, error))
    return FALSE;

  if (stored == NULL)
    {
      set_not_found_error (error);
      return FALSE;
    }

  if (cohort_person_get_anonymised_at (COHORT_PERSON (stored)) != NULL)
    return TRUE;

  /* A neutral code that says nothing about the person; in the unlikely case that someone
   * already uses it, the next free one. */
  for (guint n = 0; code == NULL; n++)
    {
      g_autofree char *candidate = NULL;
      gboolean taken = FALSE;
      gint64 other = 0;

      if (n == 0)
        candidate = g_strdup_printf ("ANON-%" G_GINT64_FORMAT, person_id);
      else
        candidate = g_strdup_printf ("ANON-%" G_GINT64_FORMAT "-%u", person_id, n);

      stmt = cohort_database_prepare (db,
                                      "SELECT id FROM person WHERE code = :code AND id <> :id",
                                      error);
      if (stmt == NULL)
        return FALSE;

      cohort_statement_bind_text (stmt, ":code", candidate);
      cohort_statement_bind_int64 (stmt, ":id", person_id);
      if (!query_int64 (stmt, &taken, &other, error))
        return FALSE;

      if (!taken)
        code = g_steal_pointer (&candidate);
    }

  /* The schema's triggers do the rest: the audit entry of this change records no values, the
   * values of earlier entries about this person are scrubbed, and the search index is
   * rewritten without the names. */
  stmt = cohort_database_prepare (db,
                                  "UPDATE person SET code = :code, family_name = NULL, "
                                  "given_name = NULL, family_name_local = NULL, "
                                  "given_name_local = NULL, gender_self = NULL, "
                                  "birth_date = NULL, email = NULL, phone = NULL, notes = NULL, "
                                  "match_name = '', match_name_local = '', "
                                  "anonymised_at = :now, updated_at = :now "
                                  "WHERE id = :id AND anonymised_at IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;

  now = cohort_dup_timestamp_now ();
  cohort_statement_bind_text (stmt, ":code", code);
  cohort_statement_bind_text (stmt, ":now", now);
  cohort_statement_bind_int64 (stmt, ":id", person_id);

  return cohort_statement_execute (stmt, error);
}

/**
 * cohort_store_anonymise_person:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * Removes what identifies a person, for good: names (romanised and in their own script),
 * gender in their own words, date of birth, email, phone and notes are blanked, the code is
 * replaced by a neutral `ANON-<id>`, and anonymised_at is set.  Their gender category,
 * nationalities, affiliation and all participation (enrolments, placements, career records)
 * stay, so statistics stay true.  The audit log keeps that the changes happened but none of the
 * values.  Anonymising an anonymised person changes nothing.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
cohort_store_anonymise_person (CohortDatabase  *db,
                               gint64           person_id,
                               GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cohort_database_begin (db, error))
    return FALSE;

  if (!anonymise_in_transaction (db, person_id, error))
    {
      cohort_database_rollback (db);
      return FALSE;
    }

  return cohort_database_commit (db, error);
}

/* Nationalities */

static gboolean
read_nationalities (CohortDatabase  *db,
                    gint64           person_id,
                    GPtrArray       *out,
                    GError         **error)
{
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  stmt = cohort_database_prepare (db,
                                  "SELECT country FROM person_nationality "
                                  "WHERE person_id = :person_id ORDER BY country",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  for (;;)
    {
      if (!cohort_statement_step (stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;
      g_ptr_array_add (out, g_strdup (cohort_statement_get_text (stmt, 0)));
    }
  cohort_statement_reset (stmt);

  return TRUE;
}

/**
 * cohort_store_dup_person_nationalities:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * The nationalities a person has besides the one in #CohortPerson:nationality (the rows of
 * `person_nationality`).
 *
 * Returns: (transfer full) (array zero-terminated=1): the ISO 3166 codes in alphabetical order
 *   (an empty array when there are none), or %NULL with @error set.
 */
char **
cohort_store_dup_person_nationalities (CohortDatabase  *db,
                                       gint64           person_id,
                                       GError         **error)
{
  g_autoptr(GPtrArray) countries = NULL;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  countries = g_ptr_array_new_with_free_func (g_free);
  if (!read_nationalities (db, person_id, countries, error))
    return NULL;

  g_ptr_array_set_free_func (countries, NULL);
  g_ptr_array_add (countries, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&countries), FALSE);
}

static gboolean
set_nationalities_in_transaction (CohortDatabase  *db,
                                  gint64           person_id,
                                  GPtrArray       *wanted,
                                  GError         **error)
{
  g_autoptr(GPtrArray) current = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CohortRecord) person = NULL;
  CohortStatement *stmt;
  gboolean same;

  if (!load_row (db, store_type_for (COHORT_TYPE_PERSON), person_id, &person, error))
    return FALSE;

  if (person == NULL)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_NOT_FOUND, "person_id",
                                   _("The person no longer exists"));
      return FALSE;
    }

  if (!read_nationalities (db, person_id, current, error))
    return FALSE;

  same = current->len == wanted->len;
  for (guint i = 0; same && i < current->len; i++)
    same = strcmp (g_ptr_array_index (current, i), g_ptr_array_index (wanted, i)) == 0;
  if (same)
    return TRUE;

  stmt = cohort_database_prepare (db,
                                  "DELETE FROM person_nationality WHERE person_id = :person_id",
                                  error);
  if (stmt == NULL)
    return FALSE;
  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  if (!cohort_statement_execute (stmt, error))
    return FALSE;

  for (guint i = 0; i < wanted->len; i++)
    {
      stmt = cohort_database_prepare (db,
                                      "INSERT INTO person_nationality (person_id, country) "
                                      "VALUES (:person_id, :country)",
                                      error);
      if (stmt == NULL)
        return FALSE;
      cohort_statement_bind_int64 (stmt, ":person_id", person_id);
      cohort_statement_bind_text (stmt, ":country", g_ptr_array_index (wanted, i));
      if (!cohort_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * cohort_store_set_person_nationalities:
 * @db: a database
 * @person_id: the person's id
 * @countries: (array zero-terminated=1) (nullable): ISO 3166 codes; %NULL or empty for none
 * @error: return location for a #GError
 *
 * Replaces the nationalities a person has besides #CohortPerson:nationality.  Repeated codes
 * are stored once.  A code that is not a country code is refused
 * (%COHORT_VALIDATION_ERROR_INVALID on `nationality`) and nothing is changed.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
cohort_store_set_person_nationalities (CohortDatabase      *db,
                                       gint64               person_id,
                                       const char * const  *countries,
                                       GError             **error)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; countries != NULL && countries[i] != NULL; i++)
    {
      if (!cohort_country_is_valid (countries[i]))
        {
          g_autofree char *shown = g_utf8_make_valid (countries[i], -1);

          cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "nationality",
                                       _("“%s” is not a country code"), shown);
          return FALSE;
        }
      g_ptr_array_add (wanted, (gpointer) countries[i]);
    }

  g_ptr_array_sort (wanted, compare_strings);
  for (guint i = 1; i < wanted->len; )
    {
      if (strcmp (g_ptr_array_index (wanted, i - 1), g_ptr_array_index (wanted, i)) == 0)
        g_ptr_array_remove_index (wanted, i);
      else
        i++;
    }

  if (!cohort_database_begin (db, error))
    return FALSE;

  if (!set_nationalities_in_transaction (db, person_id, wanted, error))
    {
      cohort_database_rollback (db);
      return FALSE;
    }

  return cohort_database_commit (db, error);
}

/* Duplicates */

/**
 * cohort_store_find_similar_persons:
 * @db: a database
 * @candidate: a person about to be saved (or already saved)
 * @error: return location for a #GError
 *
 * Finds people who may be @candidate entered a second time: those not deleted (other than
 * @candidate itself) who have
 *
 * - the same romanised name (family and given name, in either order) and the same date of
 *   birth, or
 * - the same name in their own script (either order) and the same date of birth, or
 * - the same email address, ignoring case.
 *
 * Names are compared folded (cohort_dup_normalised_name()): case, spaces, hyphens, dots and
 * full-width forms make no difference.  The lookups use indexes, so this is fast at any size.
 *
 * Returns: (transfer full) (element-type CohortPerson): the matches in the order they were
 *   created (empty when there are none), or %NULL with @error set.
 */
GPtrArray *
cohort_store_find_similar_persons (CohortDatabase  *db,
                                   CohortPerson    *candidate,
                                   GError         **error)
{
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_swapped = NULL;
  g_autofree char *local = NULL;
  g_autofree char *local_swapped = NULL;
  const char *birth_date;
  const char *email;
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (COHORT_IS_PERSON (candidate), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  matches = g_ptr_array_new_with_free_func (g_object_unref);

  birth_date = cohort_str_empty_to_null (cohort_person_get_birth_date (candidate));
  email = cohort_str_empty_to_null (cohort_person_get_email (candidate));
  if (birth_date != NULL)
    {
      name = dup_match_key (cohort_person_get_family_name (candidate),
                            cohort_person_get_given_name (candidate));
      name_swapped = dup_match_key (cohort_person_get_given_name (candidate),
                                    cohort_person_get_family_name (candidate));
      local = dup_match_key (cohort_person_get_family_name_local (candidate),
                             cohort_person_get_given_name_local (candidate));
      local_swapped = dup_match_key (cohort_person_get_given_name_local (candidate),
                                     cohort_person_get_family_name_local (candidate));
    }

  if (name == NULL && local == NULL && email == NULL)
    return g_steal_pointer (&matches);

  /* Three indexed lookups (person_match_name_idx, person_match_name_local_idx,
   * person_email_idx), merged. */
  stmt = cohort_database_prepare (db,
                                  "SELECT * FROM person "
                                  "WHERE match_name IN (:name, :name_swapped) "
                                  "AND birth_date = :birth_date "
                                  "AND deleted_at IS NULL AND id IS NOT :id "
                                  "UNION "
                                  "SELECT * FROM person "
                                  "WHERE match_name_local IN (:local, :local_swapped) "
                                  "AND birth_date = :birth_date "
                                  "AND deleted_at IS NULL AND id IS NOT :id "
                                  "UNION "
                                  "SELECT * FROM person "
                                  "WHERE lower(email) = lower(:email) AND email IS NOT NULL "
                                  "AND deleted_at IS NULL AND id IS NOT :id "
                                  "ORDER BY id",
                                  error);
  if (stmt == NULL)
    return NULL;

  cohort_statement_bind_text (stmt, ":name", name);
  cohort_statement_bind_text (stmt, ":name_swapped", name_swapped);
  cohort_statement_bind_text (stmt, ":local", local);
  cohort_statement_bind_text (stmt, ":local_swapped", local_swapped);
  cohort_statement_bind_text (stmt, ":birth_date", birth_date);
  cohort_statement_bind_text (stmt, ":email", email);
  cohort_statement_bind_id (stmt, ":id", cohort_record_get_id (COHORT_RECORD (candidate)));

  for (;;)
    {
      CohortPerson *person;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      person = cohort_person_new ();
      cohort_statement_fill_object (stmt, G_OBJECT (person));
      g_ptr_array_add (matches, person);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&matches);
}

typedef struct
{
  gint64  id;
  char   *match_name;
  char   *match_name_local;
} MatchKeys;

static void
match_keys_clear (gpointer data)
{
  MatchKeys *keys = data;

  g_free (keys->match_name);
  g_free (keys->match_name_local);
}

static gboolean
refresh_match_keys_in_transaction (CohortDatabase  *db,
                                   GError         **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (MatchKeys));
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  g_array_set_clear_func (rows, match_keys_clear);

  stmt = cohort_database_prepare (db,
                                  /* Two halves, so that each can use its key's index. */
                                  "SELECT id, family_name, given_name, family_name_local, "
                                  "given_name_local FROM person WHERE match_name IS NULL "
                                  "UNION "
                                  "SELECT id, family_name, given_name, family_name_local, "
                                  "given_name_local FROM person WHERE match_name_local IS NULL",
                                  error);
  if (stmt == NULL)
    return FALSE;

  for (;;)
    {
      MatchKeys keys;

      if (!cohort_statement_step (stmt, &has_row, error))
        return FALSE;
      if (!has_row)
        break;

      keys.id = cohort_statement_get_int64 (stmt, 0);
      keys.match_name = dup_match_key (cohort_statement_get_text (stmt, 1),
                                       cohort_statement_get_text (stmt, 2));
      keys.match_name_local = dup_match_key (cohort_statement_get_text (stmt, 3),
                                             cohort_statement_get_text (stmt, 4));
      g_array_append_val (rows, keys);
    }
  cohort_statement_reset (stmt);

  for (guint i = 0; i < rows->len; i++)
    {
      const MatchKeys *keys = &g_array_index (rows, MatchKeys, i);

      stmt = cohort_database_prepare (db,
                                      "UPDATE person SET match_name = :match_name, "
                                      "match_name_local = :match_name_local WHERE id = :id",
                                      error);
      if (stmt == NULL)
        return FALSE;

      cohort_statement_bind_text (stmt, ":match_name", keys->match_name ? keys->match_name : "");
      cohort_statement_bind_text (stmt, ":match_name_local",
                                  keys->match_name_local ? keys->match_name_local : "");
      cohort_statement_bind_int64 (stmt, ":id", keys->id);
      if (!cohort_statement_execute (stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * cohort_store_refresh_match_keys:
 * @db: a database
 * @error: return location for a #GError
 *
 * Fills the match keys (schema version 2) of people whose keys were never computed: those
 * written before the upgrade, or inserted by anything other than cohort_store_save().  Call it
 * after opening a database; when every key is present it only looks them up in an index.
 *
 * Returns: %TRUE on success, %FALSE with @error set.
 */
gboolean
cohort_store_refresh_match_keys (CohortDatabase  *db,
                                 GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!cohort_database_begin (db, error))
    return FALSE;

  if (!refresh_match_keys_in_transaction (db, error))
    {
      cohort_database_rollback (db);
      return FALSE;
    }

  return cohort_database_commit (db, error);
}

/* Per-person lists */

static GListStore *
list_for_person (CohortDatabase  *db,
                 GType            type,
                 const char      *sql,
                 gint64           person_id,
                 GError         **error)
{
  g_autoptr(GListStore) store = g_list_store_new (type);
  CohortStatement *stmt;
  gboolean has_row = TRUE;

  stmt = cohort_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;

  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  for (;;)
    {
      g_autoptr(GObject) item = NULL;

      if (!cohort_statement_step (stmt, &has_row, error))
        return NULL;
      if (!has_row)
        break;

      item = g_object_new (type, NULL);
      cohort_statement_fill_object (stmt, item);
      g_list_store_append (store, item);
    }
  cohort_statement_reset (stmt);

  return g_steal_pointer (&store);
}

/**
 * cohort_store_list_enrolments:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the person's enrolments that are not deleted, by the start date of
 *   their course run (undated runs last), as #CohortEnrolment items; or %NULL with @error set.
 */
GListStore *
cohort_store_list_enrolments (CohortDatabase  *db,
                              gint64           person_id,
                              GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_for_person (db, COHORT_TYPE_ENROLMENT,
                          "SELECT e.* FROM enrolment e "
                          "LEFT JOIN course_run r ON r.id = e.run_id "
                          "WHERE e.person_id = :person_id AND e.deleted_at IS NULL "
                          "ORDER BY r.start_date IS NULL, r.start_date, e.id",
                          person_id, error);
}

/**
 * cohort_store_list_placements:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the person's placements that are not deleted, by start date
 *   (undated ones last), as #CohortPlacement items; or %NULL with @error set.
 */
GListStore *
cohort_store_list_placements (CohortDatabase  *db,
                              gint64           person_id,
                              GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_for_person (db, COHORT_TYPE_PLACEMENT,
                          "SELECT * FROM placement "
                          "WHERE person_id = :person_id AND deleted_at IS NULL "
                          "ORDER BY start_date IS NULL, start_date, id",
                          person_id, error);
}

/**
 * cohort_store_list_career_records:
 * @db: a database
 * @person_id: the person's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the person's career records that are not deleted, by start date
 *   (`2019` before `2019-04`; undated ones last), as #CohortCareerRecord items; or %NULL with
 *   @error set.
 */
GListStore *
cohort_store_list_career_records (CohortDatabase  *db,
                                  gint64           person_id,
                                  GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_for_person (db, COHORT_TYPE_CAREER_RECORD,
                          "SELECT * FROM career_record "
                          "WHERE person_id = :person_id AND deleted_at IS NULL "
                          "ORDER BY start_date IS NULL, start_date, id",
                          person_id, error);
}

/**
 * cohort_store_get_latest_career_record:
 * @db: a database
 * @person_id: the person's id
 * @out_record: (out) (transfer full) (nullable): the latest record, or %NULL
 * @error: return location for a #GError
 *
 * The person's most recent position: the career record (not deleted) with the latest start
 * date (`2019-04` is later than `2019`; undated records only when there is nothing else, and
 * the last entered first among equals).
 *
 * Returns: %FALSE with @error set only when the database fails; %TRUE otherwise, with
 *   *@out_record %NULL when the person has no career record.
 */
gboolean
cohort_store_get_latest_career_record (CohortDatabase       *db,
                                       gint64                person_id,
                                       CohortCareerRecord  **out_record,
                                       GError              **error)
{
  g_autoptr(CohortCareerRecord) record = NULL;
  CohortStatement *stmt;
  gboolean found = FALSE;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (out_record != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  *out_record = NULL;

  stmt = cohort_database_prepare (db,
                                  "SELECT * FROM career_record "
                                  "WHERE person_id = :person_id AND deleted_at IS NULL "
                                  "ORDER BY start_date IS NULL, start_date DESC, id DESC "
                                  "LIMIT 1",
                                  error);
  if (stmt == NULL)
    return FALSE;

  cohort_statement_bind_int64 (stmt, ":person_id", person_id);
  record = cohort_career_record_new ();
  if (!fetch_into (stmt, G_OBJECT (record), &found, error))
    return FALSE;

  if (found)
    *out_record = g_steal_pointer (&record);

  return TRUE;
}
