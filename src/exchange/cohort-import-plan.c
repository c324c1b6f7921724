/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-import"

#include "config.h"

#include "cohort-import-plan.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-csv-reader.h"
#include "cohort-enrolment.h"
#include "cohort-import-batch.h"
#include "cohort-ims-reader.h"
#include "cohort-lookup.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-run-trainer.h"
#include "cohort-store.h"
#include "cohort-utils.h"
#include "cohort-validation.h"

/**
 * CohortImportPlan:
 *
 * What importing a file would do, and then doing it.
 *
 * cohort_import_plan_build() reads the file as a stream and matches each record against the
 * database: courses and course runs by their code, providers by their exact name.  Each record
 * is new, updated (with the fields that change), unchanged, or rejected (with the reason, in
 * the store's own words where a rule of the store refuses it).  Nothing is written.
 *
 * cohort_import_plan_commit() reads the file again and applies the new and updated records in
 * one transaction, with an `import_batch` row.  Any failure, and cancelling, rolls the whole
 * transaction back: the database is as it was.  Reading twice instead of keeping every record
 * keeps memory the same whatever the size of the file; the file's SHA-256 is checked so that a
 * file changed in between is refused rather than imported unseen.
 *
 * A plan lists every updated and rejected record; new and unchanged ones are listed up to
 * %MAX_LISTED and counted beyond (a person reviews the first thousands, not a million).
 */

#define MAX_LISTED 10000
#define N_KINDS (COHORT_IMPORT_RECORD_PLACEMENT + 1)
#define PLANNED_NEW_ID G_MAXINT64  /* a row the plan would add: it has no id yet */

/* The formats a plan reads; the reader is behind a small table of functions (see Source). */
typedef enum
{
  PLAN_FORMAT_XCRI,
  PLAN_FORMAT_IMS,
  PLAN_FORMAT_CSV,
} PlanFormat;

static const char * const format_names[] = { "xcri", "ims", "csv" };

struct _CohortImportPlan
{
  GObject                   parent_instance;

  GFile                    *file;
  GBytes                   *bytes;
  char                     *file_name;
  char                     *source;
  CohortXcriReaderFlags     flags;
  PlanFormat                format;
  CohortCsvTarget           csv_target;

  gboolean                  built;
  char                     *sha256;
  guint                     counts[N_KINDS][COHORT_IMPORT_N_OUTCOMES];
  guint                     n_records;
  GPtrArray                *items;
  guint                     n_listed_plain;
  guint                     n_unlisted;
  GPtrArray                *issues;
  GArray                   *duplicates;      /* Duplicate, by ordinal */
  gboolean                  has_error_location;
  guint                     error_line;
  guint                     error_column;
  gint64                    batch_id;
  char                     *backup_path;

  CohortImportProgressFunc  progress_func;
  gpointer                  progress_data;
  GDestroyNotify            progress_destroy;
};

G_DEFINE_FINAL_TYPE (CohortImportPlan, cohort_import_plan, G_TYPE_OBJECT)

/* A record whose code an earlier record of the file already had: found while planning, and
 * found again while committing by its place among the records (the file is the same, as its
 * SHA-256 shows), so that only the duplicates are kept in memory, not every code. */
typedef struct
{
  guint  ordinal;
  char  *reason;
} Duplicate;

/* A provider met in this pass, by its index in the file. */
typedef struct
{
  gint64    id;            /* 0: none (rejected); PLANNED_NEW_ID: to be added (planning) */
  char     *name;
  gboolean  added_here;    /* added (or to be added) by this import */
  gboolean  record_seen;   /* its own record has been handled */
} Provider;

/* One pass over the file: planning (apply FALSE) or committing (apply TRUE). */
typedef struct
{
  CohortImportPlan  *self;
  CohortDatabase    *db;
  gboolean           apply;
  GCancellable      *cancellable;

  CohortCodeSet     *codes;           /* planning: the course and run codes met so far */
  guint              n_read;          /* records read from the file */
  guint              next_duplicate;  /* committing: the next of the plan's duplicates */
  gboolean           course_refused;  /* the last course read was rejected as it was read */
  GHashTable        *providers;       /* GUINT_TO_POINTER (index) -> Provider */
  GPtrArray         *pending;         /* courses (and their runs) waiting for their provider */
  gboolean           course_pending;  /* the last course is in @pending */

  char              *course_code;     /* the last course handled, for its runs */
  gint64             course_id;       /* 0 when it was rejected */
  guint              course_line;

  GHashTable        *persons;         /* IMS, CSV: person code -> gint64 id met in this pass */
  GHashTable        *runs;            /* IMS: group code -> gint64 course run id */
  GHashTable        *names;           /* CSV: organisation name -> gint64 id */
  GHashTable        *placements;      /* CSV, planning: person id -> GListStore of the
                                       * placements this file adds */

  guint              counts[N_KINDS][COHORT_IMPORT_N_OUTCOMES];
  guint              n_done;
  guint              n_total;
} Walk;

static void
provider_free (gpointer data)
{
  Provider *provider = data;

  g_free (provider->name);
  g_free (provider);
}

static void
change_free (gpointer data)
{
  CohortImportChange *change = data;

  g_free (change->field);
  g_free (change->old_value);
  g_free (change->new_value);
  g_free (change);
}

/**
 * cohort_import_item_free:
 * @item: (transfer full): an item
 */
void
cohort_import_item_free (CohortImportItem *item)
{
  if (item == NULL)
    return;

  g_free (item->code);
  g_free (item->label);
  g_free (item->reason);
  g_free (item->field);
  g_clear_pointer (&item->changes, g_ptr_array_unref);
  g_free (item);
}

static void
add_change (GPtrArray  **changes,
            const char  *field,
            const char  *old_value,
            const char  *new_value)
{
  CohortImportChange *change = g_new0 (CohortImportChange, 1);

  if (*changes == NULL)
    *changes = g_ptr_array_new_with_free_func (change_free);

  change->field = g_strdup (field);
  change->old_value = g_strdup (cohort_str_empty_to_null (old_value));
  change->new_value = g_strdup (cohort_str_empty_to_null (new_value));
  g_ptr_array_add (*changes, change);
}

/* Compares a text column, "" and NULL being the same (both are stored as NULL). */
static void
diff_text (GPtrArray  **changes,
           const char  *field,
           const char  *old_value,
           const char  *new_value)
{
  if (g_strcmp0 (cohort_str_empty_to_null (old_value), cohort_str_empty_to_null (new_value)) != 0)
    add_change (changes, field, old_value, new_value);
}

static guint
kind_index (CohortImportRecordKind kind)
{
  return (guint) kind < N_KINDS ? (guint) kind : G_MAXUINT;
}

static void
add_issue (Walk       *walk,
           guint       line,
           guint       column,
           const char *message)
{
  if (walk->apply)
    return;

  g_ptr_array_add (walk->self->issues,
                   cohort_import_issue_new (COHORT_IMPORT_ISSUE_VALUE, line, column, message));
}

/* Counts a record's outcome and, when planning, lists it.  Takes @changes. */
static void
note (Walk                *walk,
      CohortImportRecord  *record,
      CohortImportOutcome  outcome,
      const char          *code,
      const char          *label,
      const char          *reason,
      const char          *field,
      GPtrArray           *changes)
{
  CohortImportPlan *self = walk->self;
  CohortImportItem *item;
  guint k = kind_index (record->kind);

  g_assert (k < N_KINDS);
  walk->counts[k][outcome]++;

  if (walk->apply)
    {
      g_clear_pointer (&changes, g_ptr_array_unref);
      return;
    }

  if (outcome == COHORT_IMPORT_OUTCOME_NEW || outcome == COHORT_IMPORT_OUTCOME_UNCHANGED)
    {
      if (self->n_listed_plain >= MAX_LISTED)
        {
          self->n_unlisted++;
          g_clear_pointer (&changes, g_ptr_array_unref);
          return;
        }
      self->n_listed_plain++;
    }

  item = g_new0 (CohortImportItem, 1);
  item->kind = record->kind;
  item->outcome = outcome;
  item->code = g_strdup (code);
  item->label = g_strdup (label);
  item->line = record->line;
  item->column = record->column;
  item->reason = g_strdup (reason);
  item->field = g_strdup (field);
  item->changes = changes;
  g_ptr_array_add (self->items, item);
}

static void
reject (Walk               *walk,
        CohortImportRecord *record,
        const char         *code,
        const char         *label,
        const char         *reason,
        const char         *field)
{
  note (walk, record, COHORT_IMPORT_OUTCOME_REJECTED, code, label, reason, field, NULL);
}

/* Rejects @record with a validation error (the store's own words and field); other errors are
 * failures of the whole import and are passed on.  Returns FALSE when @error was set. */
static gboolean
reject_or_fail (Walk                *walk,
                CohortImportRecord  *record,
                const char          *code,
                const char          *label,
                GError              *local_error,
                GError             **error)
{
  if (local_error->domain == COHORT_VALIDATION_ERROR)
    {
      reject (walk, record, code, label, local_error->message,
              cohort_validation_error_get_field (local_error));
      g_error_free (local_error);
      return TRUE;
    }

  g_propagate_error (error, local_error);
  return FALSE;
}

static CohortImportOutcome
outcome_for (CohortRecord *stored,
             GPtrArray    *changes)
{
  if (stored == NULL)
    return COHORT_IMPORT_OUTCOME_NEW;
  if (changes != NULL && changes->len > 0)
    return COHORT_IMPORT_OUTCOME_UPDATED;
  return COHORT_IMPORT_OUTCOME_UNCHANGED;
}

static gboolean
is_change (CohortImportOutcome outcome)
{
  return outcome == COHORT_IMPORT_OUTCOME_NEW || outcome == COHORT_IMPORT_OUTCOME_UPDATED;
}

/* The name of organisation @id, for a change of provider. */
static char *
dup_organisation_name (CohortDatabase *db,
                       gint64          id)
{
  g_autoptr(CohortRecord) record = NULL;

  if (id <= 0 || id == PLANNED_NEW_ID)
    return NULL;

  record = cohort_store_load (db, COHORT_TYPE_ORGANISATION, id, NULL);
  if (record == NULL)
    return NULL;

  return g_strdup (cohort_organisation_get_name (COHORT_ORGANISATION (record)));
}

static char *
dup_course_code (CohortDatabase *db,
                 gint64          id)
{
  g_autoptr(CohortRecord) record = NULL;

  if (id <= 0 || id == PLANNED_NEW_ID)
    return NULL;

  record = cohort_store_load (db, COHORT_TYPE_COURSE, id, NULL);
  if (record == NULL)
    return NULL;

  return g_strdup (cohort_course_get_code (COHORT_COURSE (record)));
}

/* Providers */

/* Finds or adds (plans to add) the organisation of provider @index named @name. */
static Provider *
resolve_provider (Walk        *walk,
                  guint        index,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(CohortOrganisation) organisation = NULL;
  Provider *provider;

  provider = g_hash_table_lookup (walk->providers, GUINT_TO_POINTER (index));
  if (provider != NULL)
    return provider;

  provider = g_new0 (Provider, 1);
  provider->name = g_strdup (name);

  if (cohort_str_empty_to_null (name) != NULL)
    {
      if (!cohort_lookup_organisation_by_name (walk->db, name, &organisation, error))
        {
          provider_free (provider);
          return NULL;
        }

      if (organisation != NULL)
        {
          provider->id = cohort_record_get_id (COHORT_RECORD (organisation));
        }
      else if (walk->apply)
        {
          organisation = cohort_organisation_new ();
          cohort_organisation_set_name (organisation, name);
          if (!cohort_store_save (walk->db, COHORT_RECORD (organisation), error))
            {
              provider_free (provider);
              return NULL;
            }
          provider->id = cohort_record_get_id (COHORT_RECORD (organisation));
          provider->added_here = TRUE;
        }
      else
        {
          provider->id = PLANNED_NEW_ID;
          provider->added_here = TRUE;
        }
    }

  g_hash_table_insert (walk->providers, GUINT_TO_POINTER (index), provider);
  return provider;
}

static gboolean
handle_organisation (Walk                      *walk,
                     CohortImportOrganisation  *record,
                     GError                   **error)
{
  g_autoptr(CohortOrganisation) organisation = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;
  Provider *provider;

  if (record->record.rejected != NULL)
    {
      provider = g_new0 (Provider, 1);
      provider->record_seen = TRUE;
      g_hash_table_replace (walk->providers, GUINT_TO_POINTER (record->index), provider);
      reject (walk, &record->record, record->code, record->name, record->record.rejected, NULL);
      return TRUE;
    }

  provider = resolve_provider (walk, record->index, record->name, error);
  if (provider == NULL)
    return FALSE;
  provider->record_seen = TRUE;

  if (provider->id > 0 && provider->id != PLANNED_NEW_ID)
    {
      g_autoptr(CohortRecord) stored = cohort_store_load (walk->db, COHORT_TYPE_ORGANISATION,
                                                          provider->id, error);

      if (stored == NULL)
        return FALSE;
      organisation = COHORT_ORGANISATION (g_steal_pointer (&stored));
    }
  else
    {
      organisation = cohort_organisation_new ();
      cohort_organisation_set_name (organisation, record->name);
    }

  /* Only what the file gives replaces what is stored: an organisation entered by hand keeps
   * its kind, acronym and place in the hierarchy. */
  if (record->city != NULL)
    {
      diff_text (&changes, "city", cohort_organisation_get_city (organisation), record->city);
      cohort_organisation_set_city (organisation, record->city);
    }
  if (record->country != NULL)
    {
      diff_text (&changes, "country", cohort_organisation_get_country (organisation),
                 record->country);
      cohort_organisation_set_country (organisation, record->country);
    }

  if (!cohort_record_validate (COHORT_RECORD (organisation), &local_error))
    return reject_or_fail (walk, &record->record, record->code, record->name, local_error,
                           error);

  /* Added earlier in this import for the courses that named it: it is new all the same. */
  if (provider->added_here)
    outcome = COHORT_IMPORT_OUTCOME_NEW;
  else
    outcome = changes != NULL ? COHORT_IMPORT_OUTCOME_UPDATED : COHORT_IMPORT_OUTCOME_UNCHANGED;

  if (walk->apply && is_change (outcome))
    {
      if (!cohort_store_save (walk->db, COHORT_RECORD (organisation), &local_error))
        return reject_or_fail (walk, &record->record, record->code, record->name, local_error,
                               error);
      provider->id = cohort_record_get_id (COHORT_RECORD (organisation));
    }

  note (walk, &record->record, outcome, record->name, record->name, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

/* Courses */

static void
end_course (Walk       *walk,
            const char *code,
            gint64      id,
            guint       line)
{
  cohort_set_str (&walk->course_code, code);
  walk->course_id = id;
  walk->course_line = line;
}

static gboolean
handle_course (Walk                *walk,
               CohortImportCourse  *record,
               GError             **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(CohortCourse) course = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *subject = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;
  const char *url;
  Provider *provider = NULL;

  end_course (walk, record->code, 0, record->record.line);

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, record->code, record->title, record->record.rejected,
              NULL);
      return TRUE;
    }

  if (record->provider_index > 0)
    {
      provider = resolve_provider (walk, record->provider_index, record->provider_name, error);
      if (provider == NULL)
        return FALSE;
    }

  if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_COURSE, record->code, &stored, error))
    return FALSE;

  if (stored != NULL && cohort_record_is_deleted (stored))
    {
      g_autofree char *reason =
        g_strdup_printf (_("The course “%s” was deleted in Cohort; restore it to import it "
                           "again"), record->code);

      reject (walk, &record->record, record->code, record->title, reason, "code");
      return TRUE;
    }

  course = stored != NULL ? COHORT_COURSE (g_object_ref (stored)) : cohort_course_new ();
  subject = cohort_import_course_dup_subject (record);
  url = record->url != NULL ? record->url : record->url_identifier;

  if (stored != NULL)
    {
      diff_text (&changes, "title", cohort_course_get_title (course), record->title);
      diff_text (&changes, "description", cohort_course_get_description (course),
                 record->description);
      diff_text (&changes, "subject", cohort_course_get_subject (course), subject);
      diff_text (&changes, "url", cohort_course_get_url (course), url);
      diff_text (&changes, "source", cohort_course_get_source (course), walk->self->source);
    }

  /* A course the file gives no provider keeps the one it has. */
  if (provider != NULL && provider->id > 0 &&
      provider->id != cohort_course_get_provider_id (course))
    {
      if (stored != NULL)
        {
          g_autofree char *old_name =
            dup_organisation_name (walk->db, cohort_course_get_provider_id (course));

          add_change (&changes, "provider_id", old_name, provider->name);
        }
      cohort_course_set_provider_id (course, provider->id == PLANNED_NEW_ID ? 0 : provider->id);
    }

  cohort_course_set_code (course, record->code);
  cohort_course_set_title (course, record->title);
  cohort_course_set_description (course, record->description);
  cohort_course_set_subject (course, subject);
  cohort_course_set_url (course, url);
  cohort_course_set_source (course, walk->self->source);

  if (!cohort_record_validate (COHORT_RECORD (course), &local_error))
    return reject_or_fail (walk, &record->record, record->code, record->title, local_error,
                           error);

  outcome = outcome_for (stored, changes);

  if (walk->apply && is_change (outcome))
    {
      if (!cohort_store_save (walk->db, COHORT_RECORD (course), &local_error))
        return reject_or_fail (walk, &record->record, record->code, record->title,
                               local_error, error);
    }

  end_course (walk, record->code,
              cohort_record_get_id (COHORT_RECORD (course)) > 0
                ? cohort_record_get_id (COHORT_RECORD (course)) : PLANNED_NEW_ID,
              record->record.line);

  note (walk, &record->record, outcome, record->code, record->title, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

/* Course runs */

/* Course runs hold whole days; a month or a year from a free-text date is left out, with a
 * warning, rather than turned into a day the file does not give. */
static const char *
run_date (Walk                  *walk,
          CohortImportCourseRun *record,
          const char            *date,
          gboolean               is_start)
{
  g_autofree char *message = NULL;

  if (date == NULL || cohort_date_is_valid (date))
    return date;

  if (is_start)
    /* Translators: the first %s is a run's code, the second a month (2012-09) or a year */
    message = g_strdup_printf (_("The course run “%s” gives only “%s” as its start date; "
                                 "Cohort keeps whole days, so the start date is left empty"),
                               record->code, date);
  else
    /* Translators: the first %s is a run's code, the second a month (2012-09) or a year */
    message = g_strdup_printf (_("The course run “%s” gives only “%s” as its end date; "
                                 "Cohort keeps whole days, so the end date is left empty"),
                               record->code, date);
  add_issue (walk, record->record.line, record->record.column, message);
  return NULL;
}

static gboolean
handle_course_run (Walk                   *walk,
                   CohortImportCourseRun  *record,
                   GError                **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(CohortCourseRun) run = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;
  const char *start_date;
  const char *end_date;
  gint64 course_id;
  int capacity;
  gboolean valid;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, record->code, record->start_date, record->record.rejected,
              NULL);
      return TRUE;
    }

  if (walk->course_id == 0 || g_strcmp0 (walk->course_code, record->course_code) != 0)
    {
      g_autofree char *reason = NULL;

      reason = g_strdup_printf (_("Its course (line %u) cannot be imported, so neither can "
                                  "this run"), record->course_line);
      reject (walk, &record->record, record->code, record->start_date, reason, "course_id");
      return TRUE;
    }

  if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_COURSE_RUN, record->code, &stored,
                                  error))
    return FALSE;

  if (stored != NULL && cohort_record_is_deleted (stored))
    {
      g_autofree char *reason =
        g_strdup_printf (_("The course run “%s” was deleted in Cohort; restore it to import "
                           "it again"), record->code);

      reject (walk, &record->record, record->code, record->start_date, reason, "code");
      return TRUE;
    }

  run = stored != NULL ? COHORT_COURSE_RUN (g_object_ref (stored)) : cohort_course_run_new ();
  course_id = walk->course_id;
  start_date = run_date (walk, record, record->start_date, TRUE);
  end_date = run_date (walk, record, record->end_date, FALSE);
  capacity = (int) MIN (record->capacity, (guint) G_MAXINT);

  if (stored != NULL)
    {
      if (cohort_course_run_get_course_id (run) != course_id)
        {
          g_autofree char *old_code =
            dup_course_code (walk->db, cohort_course_run_get_course_id (run));

          add_change (&changes, "course_id", old_code, walk->course_code);
        }
      diff_text (&changes, "start_date", cohort_course_run_get_start_date (run), start_date);
      diff_text (&changes, "end_date", cohort_course_run_get_end_date (run), end_date);
      diff_text (&changes, "mode", cohort_course_run_get_mode (run), record->mode);
      diff_text (&changes, "venue", cohort_course_run_get_venue (run), record->venue);
      if (cohort_course_run_get_capacity (run) != capacity)
        {
          g_autofree char *old_value = NULL;
          g_autofree char *new_value = NULL;

          if (cohort_course_run_get_capacity (run) > 0)
            old_value = g_strdup_printf ("%d", cohort_course_run_get_capacity (run));
          if (capacity > 0)
            new_value = g_strdup_printf ("%d", capacity);
          add_change (&changes, "capacity", old_value, new_value);
        }
    }

  cohort_course_run_set_code (run, record->code);
  cohort_course_run_set_course_id (run, course_id);
  cohort_course_run_set_start_date (run, start_date);
  cohort_course_run_set_end_date (run, end_date);
  cohort_course_run_set_mode (run, record->mode);
  cohort_course_run_set_venue (run, record->venue);
  cohort_course_run_set_capacity (run, capacity);

  /* While planning, a new course has no id yet: PLANNED_NEW_ID stands for it, and passes the
   * rule that a run has a course. */
  valid = cohort_record_validate (COHORT_RECORD (run), &local_error);
  if (!valid)
    return reject_or_fail (walk, &record->record, record->code, record->start_date, local_error,
                           error);

  outcome = outcome_for (stored, changes);

  if (walk->apply && is_change (outcome))
    {
      g_assert (course_id != PLANNED_NEW_ID);
      if (!cohort_store_save (walk->db, COHORT_RECORD (run), &local_error))
        return reject_or_fail (walk, &record->record, record->code, record->start_date,
                               local_error, error);
    }

  note (walk, &record->record, outcome, record->code, record->start_date, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

/* Persons, groups, memberships (IMS Enterprise) and CSV rows */

/* Sets a text property to the file's value (a value the file does not give leaves what is
 * stored), noting the change on a stored record. */
static void
merge_text (GPtrArray  **changes,
            GObject     *object,
            gboolean     is_stored,
            const char  *property,
            const char  *value)
{
  g_autofree char *old_value = NULL;

  if (cohort_str_empty_to_null (value) == NULL)
    return;

  g_object_get (object, property, &old_value, NULL);
  if (is_stored)
    {
      g_autofree char *field = g_strdelimit (g_strdup (property), "-", '_');

      diff_text (changes, field, old_value, value);
    }
  g_object_set (object, property, value, NULL);
}

/* Sets an id property, noting the change (by @new_label) on a stored record. */
static void
merge_id (GPtrArray  **changes,
          GObject     *object,
          gboolean     is_stored,
          const char  *property,
          gint64       id,
          const char  *new_label)
{
  gint64 old_id = 0;

  if (id == 0)
    return;

  g_object_get (object, property, &old_id, NULL);
  if (old_id == id)
    return;
  if (is_stored)
    {
      g_autofree char *field = g_strdelimit (g_strdup (property), "-", '_');
      g_autofree char *old_value = old_id > 0 ? g_strdup_printf ("#%" G_GINT64_FORMAT, old_id)
                                              : NULL;

      add_change (changes, field, old_value, new_label);
    }
  g_object_set (object, property, id == PLANNED_NEW_ID ? (gint64) 0 : id, NULL);
}

static char *
dup_person_label (CohortPerson *person)
{
  const char *given = cohort_str_empty_to_null (cohort_person_get_given_name (person));
  const char *family = cohort_str_empty_to_null (cohort_person_get_family_name (person));

  if (given == NULL && family == NULL)
    {
      given = cohort_str_empty_to_null (cohort_person_get_given_name_local (person));
      family = cohort_str_empty_to_null (cohort_person_get_family_name_local (person));
    }
  if (given != NULL && family != NULL)
    return g_strdup_printf ("%s %s", given, family);

  return g_strdup (given != NULL ? given : family);
}

/* The id of the person with @code: one this import adds or has added, else one in the
 * database.  0 when there is none. */
static gboolean
find_person_id (Walk        *walk,
                const char  *code,
                gint64      *out_id,
                GError     **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  gpointer value;

  *out_id = 0;
  if (code == NULL)
    return TRUE;

  if (g_hash_table_lookup_extended (walk->persons, code, NULL, &value))
    {
      *out_id = *(gint64 *) value;
      return TRUE;
    }

  if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_PERSON, code, &stored, error))
    return FALSE;
  if (stored != NULL && !cohort_record_is_deleted (stored))
    *out_id = cohort_record_get_id (stored);

  return TRUE;
}

static void
remember_id (GHashTable *table,
             const char *code,
             gint64      id)
{
  if (code != NULL)
    g_hash_table_replace (table, g_strdup (code), g_memdup2 (&id, sizeof id));
}

/* The person whose e-mail address is @email, ignoring case, through core's duplicate
 * detection (which compares addresses that way). */
static gboolean
find_person_by_email (Walk           *walk,
                      const char     *email,
                      CohortPerson  **out_person,
                      GError        **error)
{
  g_autoptr(CohortPerson) candidate = cohort_person_new ();
  g_autoptr(GPtrArray) similar = NULL;

  *out_person = NULL;
  if (cohort_str_empty_to_null (email) == NULL)
    return TRUE;

  cohort_person_set_email (candidate, email);
  similar = cohort_store_find_similar_persons (walk->db, candidate, error);
  if (similar == NULL)
    return FALSE;

  for (guint i = 0; i < similar->len; i++)
    {
      CohortPerson *person = g_ptr_array_index (similar, i);
      const char *other = cohort_person_get_email (person);
      g_autofree char *folded = NULL;
      g_autofree char *other_folded = NULL;

      if (other == NULL)
        continue;
      folded = g_utf8_casefold (email, -1);
      other_folded = g_utf8_casefold (other, -1);
      if (strcmp (folded, other_folded) == 0)
        {
          *out_person = g_object_ref (person);
          return TRUE;
        }
    }

  return TRUE;
}

static const char * const person_properties[] = {
  "family-name", "given-name", "family-name-local", "given-name-local", "name-order",
  "gender", "gender-self", "birth-date", "nationality", "email", "phone", "notes",
};

/* A person from the file (@incoming, with its fields set): matched by code; with no code, by
 * e-mail address; a new person who looks like one already in Cohort (core's duplicate
 * detection) is rejected rather than entered twice. */
static gboolean
plan_person (Walk                *walk,
             CohortImportRecord  *record,
             CohortPerson        *incoming,
             gint64               affiliation_id,
             const char          *affiliation,
             GError             **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(CohortPerson) person = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *label = dup_person_label (incoming);
  const char *code = cohort_str_empty_to_null (cohort_person_get_code (incoming));
  GError *local_error = NULL;
  CohortImportOutcome outcome;

  /* Checked in both passes, so that commit does what the plan said. */
  if (code != NULL && g_hash_table_contains (walk->persons, code))
    {
      g_autofree char *reason =
        g_strdup_printf (_("Another person in this file has the same code “%s”"), code);

      reject (walk, record, code, label, reason, "code");
      return TRUE;
    }

  if (code != NULL &&
      !cohort_store_find_by_code (walk->db, COHORT_TYPE_PERSON, code, &stored, error))
    return FALSE;

  if (stored != NULL && cohort_record_is_deleted (stored))
    {
      g_autofree char *reason =
        g_strdup_printf (_("The person “%s” was deleted in Cohort; restore them to import "
                           "them again"), code);

      reject (walk, record, code, label, reason, "code");
      return TRUE;
    }

  if (stored == NULL && code == NULL)
    {
      CohortPerson *by_email = NULL;

      if (!find_person_by_email (walk, cohort_person_get_email (incoming), &by_email, error))
        return FALSE;
      stored = COHORT_RECORD (by_email);
      if (stored != NULL)
        code = cohort_person_get_code (by_email);
    }

  if (stored == NULL)
    {
      g_autoptr(GPtrArray) similar = NULL;

      similar = cohort_store_find_similar_persons (walk->db, incoming, error);
      if (similar == NULL)
        return FALSE;
      if (similar->len > 0)
        {
          CohortPerson *other = g_ptr_array_index (similar, 0);
          g_autofree char *other_label = dup_person_label (other);
          g_autofree char *reason = NULL;

          /* Translators: "looks like P-0042 (Amina Yusuf) already in Cohort: …" */
          reason = g_strdup_printf (_("This person looks like %s (%s) already in Cohort: add "
                                      "the code %s to the file or merge them by hand"),
                                    cohort_person_get_code (other),
                                    other_label != NULL ? other_label : "",
                                    cohort_person_get_code (other));
          reject (walk, record, code, label, reason, "code");
          return TRUE;
        }
    }

  person = stored != NULL ? COHORT_PERSON (g_object_ref (stored)) : cohort_person_new ();
  if (stored == NULL)
    cohort_person_set_code (person, code);

  for (guint i = 0; i < G_N_ELEMENTS (person_properties); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (incoming, person_properties[i], &value, NULL);
      merge_text (&changes, G_OBJECT (person), stored != NULL, person_properties[i], value);
    }
  merge_id (&changes, G_OBJECT (person), stored != NULL, "affiliation-id", affiliation_id,
            affiliation);

  if (!cohort_record_validate (COHORT_RECORD (person), &local_error))
    return reject_or_fail (walk, record, code, label, local_error, error);

  outcome = outcome_for (stored, changes);

  if (walk->apply && is_change (outcome))
    {
      if (!cohort_store_save (walk->db, COHORT_RECORD (person), &local_error))
        return reject_or_fail (walk, record, code, label, local_error, error);
    }

  remember_id (walk->persons, code,
               cohort_record_get_id (COHORT_RECORD (person)) > 0
                 ? cohort_record_get_id (COHORT_RECORD (person)) : PLANNED_NEW_ID);

  note (walk, record, outcome, code, label, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

static gboolean
handle_ims_person (Walk                   *walk,
                   CohortImportImsPerson  *record,
                   GError                **error)
{
  g_autoptr(CohortPerson) incoming = NULL;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, record->code, record->full_name, record->record.rejected,
              NULL);
      return TRUE;
    }

  if (record->deleted)
    {
      reject (walk, &record->record, record->code, record->full_name,
              _("The file asks for this person to be deleted; Cohort does not delete people "
                "on import: delete them by hand if that is meant"), NULL);
      return TRUE;
    }

  incoming = cohort_person_new ();
  cohort_person_set_code (incoming, record->code);
  cohort_person_set_family_name (incoming, record->family_name);
  cohort_person_set_given_name (incoming, record->given_name);
  if (record->family_name == NULL && record->given_name == NULL)
    cohort_person_set_given_name (incoming, record->full_name);
  cohort_person_set_email (incoming, record->email);
  cohort_person_set_birth_date (incoming, record->birth_date);
  if (record->gender != NULL)
    cohort_person_set_gender (incoming, record->gender);
  else
    g_object_set (incoming, "gender", NULL, NULL);
  g_object_set (incoming, "name-order", NULL, NULL);

  return plan_person (walk, &record->record, incoming, 0, NULL, error);
}

static gboolean
handle_csv_person (Walk                *walk,
                   CohortImportPerson  *record,
                   GError             **error)
{
  g_autoptr(CohortPerson) incoming = NULL;
  g_autoptr(CohortOrganisation) affiliation = NULL;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, record->code, record->family_name, record->record.rejected,
              NULL);
      return TRUE;
    }

  if (record->affiliation != NULL)
    {
      if (!cohort_lookup_organisation_by_name (walk->db, record->affiliation, &affiliation,
                                               error))
        return FALSE;
      if (affiliation == NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("No organisation is named “%s” in Cohort, so the affiliation "
                               "is left out; import the organisations first"),
                             record->affiliation);

          add_issue (walk, record->record.line, record->record.column, message);
        }
    }

  incoming = cohort_person_new ();
  g_object_set (incoming,
                "code", record->code, "family-name", record->family_name,
                "given-name", record->given_name, "family-name-local", record->family_name_local,
                "given-name-local", record->given_name_local, "name-order", record->name_order,
                "gender", record->gender, "gender-self", record->gender_self,
                "birth-date", record->birth_date, "nationality", record->nationality,
                "email", record->email, "phone", record->phone, "notes", record->notes,
                NULL);

  return plan_person (walk, &record->record, incoming,
                      affiliation != NULL
                        ? cohort_record_get_id (COHORT_RECORD (affiliation)) : 0,
                      record->affiliation, error);
}

/* The course of a group's run: an existing course whose code the group's code begins with
 * (at a separator: "ECON101" for "ECON101-2024", longest first), else a course of its own
 * with the group's code, made here. */
static gboolean
find_group_course (Walk          *walk,
                   const char    *code,
                   CohortCourse **out_course,
                   GError       **error)
{
  g_autofree char *prefix = g_strdup (code);
  char *end;

  *out_course = NULL;
  for (;;)
    {
      g_autoptr(CohortRecord) stored = NULL;

      if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_COURSE, prefix, &stored, error))
        return FALSE;
      if (stored != NULL && !cohort_record_is_deleted (stored))
        {
          *out_course = COHORT_COURSE (g_steal_pointer (&stored));
          return TRUE;
        }

      end = NULL;
      for (char *p = prefix; *p != '\0'; p++)
        if (strchr ("-_./: ", *p) != NULL)
          end = p;
      if (end == NULL || end == prefix)
        return TRUE;
      *end = '\0';
    }
}

static const char *
group_date (Walk                 *walk,
            CohortImportImsGroup *record,
            const char           *date)
{
  g_autofree char *message = NULL;

  if (date == NULL || cohort_date_is_valid (date))
    return date;

  /* Translators: the first %s is a group's code, the second what the file gives as a date */
  message = g_strdup_printf (_("The group “%s” gives “%s” as a date, which is not a whole day; "
                               "it is left empty"), record->code, date);
  add_issue (walk, record->record.line, record->record.column, message);
  return NULL;
}

static gboolean
handle_ims_group (Walk                  *walk,
                  CohortImportImsGroup  *record,
                  GError               **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(CohortCourseRun) run = NULL;
  g_autoptr(CohortCourse) course = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;
  const char *label = record->title != NULL ? record->title : record->description;
  gint64 course_id;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, record->code, label, record->record.rejected, NULL);
      return TRUE;
    }

  if (record->deleted)
    {
      reject (walk, &record->record, record->code, label,
              _("The file asks for this group to be deleted; Cohort does not delete course "
                "runs on import: delete it by hand if that is meant"), NULL);
      return TRUE;
    }

  if (g_hash_table_contains (walk->runs, record->code))
    {
      g_autofree char *reason =
        g_strdup_printf (_("Another group in this file has the same identifier “%s”"),
                         record->code);

      reject (walk, &record->record, record->code, label, reason, "code");
      return TRUE;
    }

  if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_COURSE_RUN, record->code, &stored,
                                  error))
    return FALSE;

  if (stored != NULL && cohort_record_is_deleted (stored))
    {
      g_autofree char *reason =
        g_strdup_printf (_("The course run “%s” was deleted in Cohort; restore it to import "
                           "it again"), record->code);

      reject (walk, &record->record, record->code, label, reason, "code");
      return TRUE;
    }

  if (stored != NULL)
    {
      run = COHORT_COURSE_RUN (g_object_ref (stored));
      course_id = cohort_course_run_get_course_id (run);
    }
  else
    {
      run = cohort_course_run_new ();
      if (!find_group_course (walk, record->code, &course, error))
        return FALSE;

      if (course != NULL)
        {
          course_id = cohort_record_get_id (COHORT_RECORD (course));
        }
      else
        {
          CohortImportRecord course_record = {
            COHORT_IMPORT_RECORD_COURSE, record->record.line, record->record.column, NULL
          };
          const char *title = record->description;

          if (title == NULL)
            title = record->long_title != NULL ? record->long_title : record->title;
          if (title == NULL)
            title = record->code;

          course = cohort_course_new ();
          cohort_course_set_code (course, record->code);
          cohort_course_set_title (course, title);
          cohort_course_set_source (course, walk->self->source);

          if (!cohort_record_validate (COHORT_RECORD (course), &local_error))
            return reject_or_fail (walk, &record->record, record->code, label, local_error,
                                   error);
          if (walk->apply &&
              !cohort_store_save (walk->db, COHORT_RECORD (course), &local_error))
            return reject_or_fail (walk, &record->record, record->code, label, local_error,
                                   error);

          course_id = walk->apply ? cohort_record_get_id (COHORT_RECORD (course))
                                  : PLANNED_NEW_ID;
          note (walk, &course_record, COHORT_IMPORT_OUTCOME_NEW, record->code, title, NULL,
                NULL, NULL);
        }
    }

  merge_text (&changes, G_OBJECT (run), stored != NULL, "start-date",
              group_date (walk, record, record->start_date));
  merge_text (&changes, G_OBJECT (run), stored != NULL, "end-date",
              group_date (walk, record, record->end_date));
  cohort_course_run_set_code (run, record->code);
  cohort_course_run_set_course_id (run, course_id);

  if (!cohort_record_validate (COHORT_RECORD (run), &local_error))
    return reject_or_fail (walk, &record->record, record->code, label, local_error, error);

  outcome = outcome_for (stored, changes);

  if (walk->apply && is_change (outcome))
    {
      if (!cohort_store_save (walk->db, COHORT_RECORD (run), &local_error))
        return reject_or_fail (walk, &record->record, record->code, label, local_error, error);
    }

  remember_id (walk->runs, record->code,
               cohort_record_get_id (COHORT_RECORD (run)) > 0
                 ? cohort_record_get_id (COHORT_RECORD (run)) : PLANNED_NEW_ID);

  note (walk, &record->record, outcome, record->code, label, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

static gboolean
find_run_id (Walk        *walk,
             const char  *code,
             gint64      *out_id,
             GError     **error)
{
  g_autoptr(CohortRecord) stored = NULL;
  gpointer value;

  *out_id = 0;
  if (code == NULL)
    return TRUE;

  if (g_hash_table_lookup_extended (walk->runs, code, NULL, &value))
    {
      *out_id = *(gint64 *) value;
      return TRUE;
    }

  if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_COURSE_RUN, code, &stored, error))
    return FALSE;
  if (stored != NULL && !cohort_record_is_deleted (stored))
    *out_id = cohort_record_get_id (stored);

  return TRUE;
}

static gboolean
handle_ims_membership (Walk                       *walk,
                       CohortImportImsMembership  *record,
                       GError                    **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(CohortRecord) stored = NULL;
  g_autoptr(CohortRecord) saved = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;
  const char *code = record->person_code;
  const char *label = record->group_code;
  gint64 person_id;
  gint64 run_id;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, code, label, record->record.rejected, NULL);
      return TRUE;
    }

  if (!find_person_id (walk, record->person_code, &person_id, error) ||
      !find_run_id (walk, record->group_code, &run_id, error))
    return FALSE;

  if (person_id == 0)
    {
      g_autofree char *reason =
        g_strdup_printf (_("No person “%s” is in this file or in Cohort"), record->person_code);

      reject (walk, &record->record, code, label, reason, "person_id");
      return TRUE;
    }
  if (run_id == 0)
    {
      g_autofree char *reason =
        g_strdup_printf (_("No group “%s” is in this file or in Cohort"), record->group_code);

      reject (walk, &record->record, code, label, reason, "run_id");
      return TRUE;
    }

  if (g_strcmp0 (record->role, "learner") == 0)
    {
      CohortEnrolment *enrolment = NULL;

      if (person_id != PLANNED_NEW_ID && run_id != PLANNED_NEW_ID)
        {
          g_autoptr(GListStore) enrolments = cohort_store_list_enrolments (walk->db, person_id,
                                                                          error);
          guint n;

          if (enrolments == NULL)
            return FALSE;
          n = g_list_model_get_n_items (G_LIST_MODEL (enrolments));
          for (guint i = 0; i < n && stored == NULL; i++)
            {
              g_autoptr(CohortEnrolment) item =
                g_list_model_get_item (G_LIST_MODEL (enrolments), i);

              if (cohort_enrolment_get_run_id (item) == run_id &&
                  !cohort_record_is_deleted (COHORT_RECORD (item)))
                stored = COHORT_RECORD (g_steal_pointer (&item));
            }
        }

      enrolment = stored != NULL ? COHORT_ENROLMENT (g_object_ref (stored))
                                 : cohort_enrolment_new ();
      saved = COHORT_RECORD (enrolment);
      cohort_enrolment_set_person_id (enrolment, person_id);
      cohort_enrolment_set_run_id (enrolment, run_id);
      merge_text (&changes, G_OBJECT (enrolment), stored != NULL, "status", record->status);
      outcome = outcome_for (stored, changes);
    }
  else
    {
      CohortRunTrainer *trainer = cohort_run_trainer_new ();
      gboolean found = FALSE;

      saved = COHORT_RECORD (trainer);
      if (person_id != PLANNED_NEW_ID && run_id != PLANNED_NEW_ID &&
          !cohort_lookup_run_trainer (walk->db, run_id, person_id, record->role, &found,
                                      error))
        return FALSE;
      cohort_run_trainer_set_person_id (trainer, person_id);
      cohort_run_trainer_set_run_id (trainer, run_id);
      cohort_run_trainer_set_role (trainer, record->role);
      outcome = found ? COHORT_IMPORT_OUTCOME_UNCHANGED : COHORT_IMPORT_OUTCOME_NEW;
    }

  if (!cohort_record_validate (saved, &local_error))
    return reject_or_fail (walk, &record->record, code, label, local_error, error);

  if (walk->apply && is_change (outcome))
    {
      g_assert (person_id != PLANNED_NEW_ID && run_id != PLANNED_NEW_ID);
      if (!cohort_store_save (walk->db, saved, &local_error))
        return reject_or_fail (walk, &record->record, code, label, local_error, error);
    }

  note (walk, &record->record, outcome, code, label, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

/* An organisation named in a CSV row: by its exact name, or NULL with a reason. */
static gboolean
find_named_organisation (Walk                *walk,
                         const char          *name,
                         CohortOrganisation **out_organisation,
                         char               **out_reason,
                         GError             **error)
{
  *out_reason = NULL;
  if (!cohort_lookup_organisation_by_name (walk->db, name, out_organisation, error))
    return FALSE;
  if (*out_organisation == NULL)
    *out_reason = g_strdup_printf (_("No organisation is named “%s” in Cohort; import the "
                                     "organisations first"), name);
  return TRUE;
}

static gboolean
handle_csv_organisation (Walk                      *walk,
                         CohortImportOrganisation  *record,
                         GError                   **error)
{
  g_autoptr(CohortOrganisation) stored = NULL;
  g_autoptr(CohortOrganisation) organisation = NULL;
  g_autoptr(CohortOrganisation) parent = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, record->name, record->name, record->record.rejected, NULL);
      return TRUE;
    }

  if (record->parent != NULL)
    {
      g_autofree char *reason = NULL;

      if (!find_named_organisation (walk, record->parent, &parent, &reason, error))
        return FALSE;
      /* A parent earlier in the same file, still to be added while planning. */
      if (parent == NULL && g_hash_table_contains (walk->names, record->parent))
        {
          g_clear_pointer (&reason, g_free);
          parent = cohort_organisation_new ();
          cohort_record_set_id (COHORT_RECORD (parent), PLANNED_NEW_ID);
        }
      if (parent == NULL)
        {
          reject (walk, &record->record, record->name, record->name, reason, "parent_id");
          return TRUE;
        }
    }

  if (!cohort_lookup_organisation_by_name (walk->db, record->name, &stored, error))
    return FALSE;

  organisation = stored != NULL ? g_object_ref (stored) : cohort_organisation_new ();
  cohort_organisation_set_name (organisation, record->name);
  merge_text (&changes, G_OBJECT (organisation), stored != NULL, "acronym", record->acronym);
  merge_text (&changes, G_OBJECT (organisation), stored != NULL, "kind", record->kind);
  merge_text (&changes, G_OBJECT (organisation), stored != NULL, "city", record->city);
  merge_text (&changes, G_OBJECT (organisation), stored != NULL, "country", record->country);
  if (parent != NULL)
    merge_id (&changes, G_OBJECT (organisation), stored != NULL, "parent-id",
              cohort_record_get_id (COHORT_RECORD (parent)), record->parent);

  if (!cohort_record_validate (COHORT_RECORD (organisation), &local_error))
    return reject_or_fail (walk, &record->record, record->name, record->name, local_error,
                           error);

  outcome = outcome_for (COHORT_RECORD (stored), changes);

  if (walk->apply && is_change (outcome))
    {
      if (!cohort_store_save (walk->db, COHORT_RECORD (organisation), &local_error))
        return reject_or_fail (walk, &record->record, record->name, record->name, local_error,
                               error);
    }
  remember_id (walk->names, record->name,
               cohort_record_get_id (COHORT_RECORD (organisation)) > 0
                 ? cohort_record_get_id (COHORT_RECORD (organisation)) : PLANNED_NEW_ID);

  note (walk, &record->record, outcome, record->name, record->name, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

static const char *
placement_end (CohortPlacement *placement)
{
  const char *end = cohort_str_empty_to_null (cohort_placement_get_actual_end_date (placement));

  return end != NULL ? end : cohort_str_empty_to_null (cohort_placement_get_end_date (placement));
}

/* The store's rule (see cohort_store_save()), checked while planning against the person's
 * placements so that an overlap shows in the plan rather than at commit: one placement at a
 * time; cancelled and undated ones do not count; a handover on the same day is not an
 * overlap. */
static char *
dup_overlap (CohortPlacement *placement,
             GListModel      *others,
             CohortRecord    *stored)
{
  const char *start = cohort_str_empty_to_null (cohort_placement_get_start_date (placement));
  const char *end = placement_end (placement);
  guint n = g_list_model_get_n_items (others);

  if (start == NULL || g_strcmp0 (cohort_placement_get_status (placement), "cancelled") == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortPlacement) other = g_list_model_get_item (others, i);
      const char *other_start = cohort_str_empty_to_null (cohort_placement_get_start_date (other));
      const char *other_end = placement_end (other);

      if ((stored != NULL && cohort_record_get_id (stored) ==
                             cohort_record_get_id (COHORT_RECORD (other))) ||
          cohort_record_is_deleted (COHORT_RECORD (other)) || other_start == NULL ||
          g_strcmp0 (cohort_placement_get_status (other), "cancelled") == 0)
        continue;

      if (strcmp (other_start, end != NULL ? end : "9999-12-31") < 0 &&
          strcmp (other_end != NULL ? other_end : "9999-12-31", start) > 0)
        {
          if (other_end != NULL)
            return g_strdup_printf (_("This placement overlaps another placement of the same "
                                      "person, from %s to %s"), other_start, other_end);
          return g_strdup_printf (_("This placement overlaps another placement of the same "
                                    "person, from %s with no end date"), other_start);
        }
    }

  return NULL;
}

static gboolean
handle_csv_placement (Walk                   *walk,
                      CohortImportPlacement  *record,
                      GError                **error)
{
  g_autoptr(CohortRecord) person = NULL;
  g_autoptr(CohortOrganisation) host = NULL;
  g_autoptr(CohortOrganisation) office = NULL;
  g_autoptr(CohortPlacement) placement = NULL;
  g_autoptr(GListStore) others = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *reason = NULL;
  CohortRecord *stored = NULL;
  GError *local_error = NULL;
  CohortImportOutcome outcome;
  const char *code = record->person_code != NULL ? record->person_code : record->person_email;
  const char *label = record->start_date;
  guint n;

  if (record->record.rejected != NULL)
    {
      reject (walk, &record->record, code, label, record->record.rejected, NULL);
      return TRUE;
    }

  if (record->person_code != NULL)
    {
      if (!cohort_store_find_by_code (walk->db, COHORT_TYPE_PERSON, record->person_code,
                                      &person, error))
        return FALSE;
    }
  else
    {
      CohortPerson *by_email = NULL;

      if (!find_person_by_email (walk, record->person_email, &by_email, error))
        return FALSE;
      person = COHORT_RECORD (by_email);
    }
  if (person == NULL || cohort_record_is_deleted (person))
    {
      reason = g_strdup_printf (_("No person “%s” is in Cohort; import the trainees first"),
                                code != NULL ? code : "");
      reject (walk, &record->record, code, label, reason, "person_id");
      return TRUE;
    }

  if (record->host != NULL &&
      !find_named_organisation (walk, record->host, &host, &reason, error))
    return FALSE;
  if (reason == NULL && record->office != NULL &&
      !find_named_organisation (walk, record->office, &office, &reason, error))
    return FALSE;
  if (reason != NULL)
    {
      reject (walk, &record->record, code, label, reason, host == NULL ? "host_id" : "office_id");
      return TRUE;
    }

  others = cohort_store_list_placements (walk->db, cohort_record_get_id (person), error);
  if (others == NULL)
    return FALSE;

  /* The same placement: the same person, host and start date. */
  n = g_list_model_get_n_items (G_LIST_MODEL (others));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CohortPlacement) other = g_list_model_get_item (G_LIST_MODEL (others), i);

      if (!cohort_record_is_deleted (COHORT_RECORD (other)) &&
          cohort_placement_get_host_id (other) ==
            (host != NULL ? cohort_record_get_id (COHORT_RECORD (host)) : 0) &&
          g_strcmp0 (cohort_placement_get_start_date (other), record->start_date) == 0)
        {
          placement = g_steal_pointer (&other);
          stored = COHORT_RECORD (placement);
          break;
        }
    }

  if (placement == NULL)
    {
      placement = cohort_placement_new ();
      cohort_placement_set_person_id (placement, cohort_record_get_id (person));
    }

  if (host != NULL)
    merge_id (&changes, G_OBJECT (placement), stored != NULL, "host-id",
              cohort_record_get_id (COHORT_RECORD (host)), record->host);
  if (office != NULL)
    merge_id (&changes, G_OBJECT (placement), stored != NULL, "office-id",
              cohort_record_get_id (COHORT_RECORD (office)), record->office);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "duty-station",
              record->duty_station);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "country", record->country);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "position-title",
              record->position_title);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "modality", record->modality);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "funded-by", record->funded_by);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "start-date", record->start_date);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "end-date", record->end_date);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "actual-end-date",
              record->actual_end_date);
  merge_text (&changes, G_OBJECT (placement), stored != NULL, "status", record->status);

  if (!cohort_record_validate (COHORT_RECORD (placement), &local_error))
    return reject_or_fail (walk, &record->record, code, label, local_error, error);

  outcome = outcome_for (stored, changes);

  /* Against the person's placements in Cohort and those added by earlier rows of the file. */
  if (!walk->apply)
    {
      gint64 person_id = cohort_record_get_id (person);
      GListStore *planned = g_hash_table_lookup (walk->placements, &person_id);
      g_autofree char *overlap = dup_overlap (placement, G_LIST_MODEL (others), stored);

      if (overlap == NULL && planned != NULL)
        overlap = dup_overlap (placement, G_LIST_MODEL (planned), stored);
      if (overlap != NULL)
        {
          reject (walk, &record->record, code, label, overlap, "start_date");
          return TRUE;
        }

      if (is_change (outcome))
        {
          if (planned == NULL)
            {
              planned = g_list_store_new (COHORT_TYPE_PLACEMENT);
              g_hash_table_insert (walk->placements, g_memdup2 (&person_id, sizeof person_id),
                                   planned);
            }
          g_list_store_append (planned, placement);
        }
    }

  /* Committing, the store checks the same rule. */
  if (walk->apply && is_change (outcome))
    {
      if (!cohort_store_save (walk->db, COHORT_RECORD (placement), &local_error))
        return reject_or_fail (walk, &record->record, code, label, local_error, error);
    }

  note (walk, &record->record, outcome, code, label, NULL, NULL,
        outcome == COHORT_IMPORT_OUTCOME_UPDATED ? g_steal_pointer (&changes) : NULL);
  return TRUE;
}

/* The pass */

static gboolean
handle_record (Walk                *walk,
               CohortImportRecord  *record,
               GError             **error)
{
  switch ((int) record->kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      if (walk->self->format == PLAN_FORMAT_CSV)
        return handle_csv_organisation (walk, COHORT_IMPORT_ORGANISATION (record), error);
      return handle_organisation (walk, COHORT_IMPORT_ORGANISATION (record), error);
    case COHORT_IMPORT_RECORD_COURSE:
      return handle_course (walk, COHORT_IMPORT_COURSE (record), error);
    case COHORT_IMPORT_RECORD_COURSE_RUN:
      return handle_course_run (walk, COHORT_IMPORT_COURSE_RUN (record), error);
    case COHORT_IMPORT_RECORD_IMS_PERSON:
      return handle_ims_person (walk, COHORT_IMPORT_IMS_PERSON (record), error);
    case COHORT_IMPORT_RECORD_IMS_GROUP:
      return handle_ims_group (walk, COHORT_IMPORT_IMS_GROUP (record), error);
    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      return handle_ims_membership (walk, COHORT_IMPORT_IMS_MEMBERSHIP (record), error);
    case COHORT_IMPORT_RECORD_PERSON:
      return handle_csv_person (walk, COHORT_IMPORT_PERSON (record), error);
    case COHORT_IMPORT_RECORD_PLACEMENT:
      return handle_csv_placement (walk, COHORT_IMPORT_PLACEMENT (record), error);
    default:
      g_return_val_if_reached (TRUE);
    }
}

static gboolean
report_progress (Walk     *walk,
                 GError  **error)
{
  CohortImportPlan *self = walk->self;

  walk->n_done++;
  if (self->progress_func != NULL)
    self->progress_func (self, walk->n_done, walk->n_total, self->progress_data);

  return !g_cancellable_set_error_if_cancelled (walk->cancellable, error);
}

/* A course whose provider has not been met yet (a provider whose name follows its courses in
 * the file) waits, with its runs, until it is. */
static gboolean
must_wait (Walk               *walk,
           CohortImportRecord *record)
{
  if (record->kind == COHORT_IMPORT_RECORD_COURSE)
    {
      CohortImportCourse *course = COHORT_IMPORT_COURSE (record);

      walk->course_pending = record->rejected == NULL && course->provider_index > 0 &&
                             course->provider_name == NULL &&
                             !g_hash_table_contains (walk->providers,
                                                     GUINT_TO_POINTER (course->provider_index));
      return walk->course_pending;
    }

  if (record->kind == COHORT_IMPORT_RECORD_COURSE_RUN)
    return walk->course_pending;

  walk->course_pending = FALSE;
  return FALSE;
}

static gboolean
flush_pending (Walk      *walk,
               gboolean   at_end,
               GError   **error)
{
  g_autoptr(GPtrArray) pending = NULL;

  if (walk->pending->len == 0)
    return TRUE;

  pending = g_steal_pointer (&walk->pending);
  walk->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_record_free);
  walk->course_pending = FALSE;

  for (guint i = 0; i < pending->len; i++)
    {
      CohortImportRecord *record = g_ptr_array_index (pending, i);

      if (!at_end && must_wait (walk, record))
        {
          g_ptr_array_add (walk->pending, g_steal_pointer (&pending->pdata[i]));
          continue;
        }

      /* At the end a provider never met is none. */
      if (at_end && record->kind == COHORT_IMPORT_RECORD_COURSE)
        COHORT_IMPORT_COURSE (record)->provider_index = 0;

      if (!handle_record (walk, record, error) || !report_progress (walk, error))
        return FALSE;
    }

  return TRUE;
}

static void
duplicate_clear (gpointer data)
{
  Duplicate *duplicate = data;

  g_free (duplicate->reason);
}

/* Rejects a course or a run whose code an earlier one in the file had, as the records are
 * read (and so in file order, before any waits for its provider).  Returns FALSE on a
 * database error. */
static gboolean
check_duplicate (Walk                *walk,
                 CohortImportRecord  *record,
                 GError             **error)
{
  CohortImportPlan *self = walk->self;
  g_autofree char *reason = NULL;
  GError *local_error = NULL;
  const char *code;
  guint first_line = 0;

  if (walk->apply)
    {
      Duplicate *next;

      if (walk->next_duplicate >= self->duplicates->len)
        return TRUE;

      next = &g_array_index (self->duplicates, Duplicate, walk->next_duplicate);
      if (next->ordinal == walk->n_read)
        {
          cohort_import_record_reject (record, next->reason);
          walk->next_duplicate++;
        }
      return TRUE;
    }

  if (record->kind == COHORT_IMPORT_RECORD_COURSE)
    {
      walk->course_refused = record->rejected != NULL;
      code = COHORT_IMPORT_COURSE (record)->code;
    }
  else if (record->kind == COHORT_IMPORT_RECORD_COURSE_RUN && !walk->course_refused)
    {
      code = COHORT_IMPORT_COURSE_RUN (record)->code;
    }
  else
    {
      return TRUE;
    }

  if (record->rejected != NULL || code == NULL)
    return TRUE;

  if (cohort_code_set_add (walk->codes,
                           record->kind == COHORT_IMPORT_RECORD_COURSE ? "course" : "course_run",
                           code, record->line, &first_line, &local_error))
    return TRUE;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (record->kind == COHORT_IMPORT_RECORD_COURSE)
    {
      reason = g_strdup_printf (_("Another course in this file, at line %u, has the same "
                                  "identifier “%s”."), first_line, code);
      walk->course_refused = TRUE;
    }
  else
    {
      reason = g_strdup_printf (_("Another presentation in this file, at line %u, has the "
                                  "same identifier “%s”."), first_line, code);
    }

  cohort_import_record_reject (record, reason);
  g_array_append_vals (self->duplicates,
                       &(Duplicate) { walk->n_read, g_steal_pointer (&reason) }, 1);
  return TRUE;
}

/* The reader of a pass, whatever the format: the one step that differs between them. */
typedef struct
{
  GObject             *reader;
  CohortImportRecord *(*next)               (GObject       *reader,
                                             GCancellable  *cancellable,
                                             GError       **error);
  GPtrArray          *(*get_issues)         (GObject       *reader);
  gboolean            (*get_error_location) (GObject       *reader,
                                             guint         *line,
                                             guint         *column);
} Source;

static CohortImportRecord *
xcri_next (GObject       *reader,
           GCancellable  *cancellable,
           GError       **error)
{
  return cohort_xcri_reader_next (COHORT_XCRI_READER (reader), cancellable, error);
}

static GPtrArray *
xcri_get_issues (GObject *reader)
{
  return cohort_xcri_reader_get_issues (COHORT_XCRI_READER (reader));
}

static gboolean
xcri_get_error_location (GObject *reader,
                         guint   *line,
                         guint   *column)
{
  return cohort_xcri_reader_get_error_location (COHORT_XCRI_READER (reader), line, column);
}

static CohortImportRecord *
ims_next (GObject       *reader,
          GCancellable  *cancellable,
          GError       **error)
{
  return cohort_ims_reader_next (COHORT_IMS_READER (reader), cancellable, error);
}

static GPtrArray *
ims_get_issues (GObject *reader)
{
  return cohort_ims_reader_get_issues (COHORT_IMS_READER (reader));
}

static gboolean
ims_get_error_location (GObject *reader,
                        guint   *line,
                        guint   *column)
{
  return cohort_ims_reader_get_error_location (COHORT_IMS_READER (reader), line, column);
}

static CohortImportRecord *
csv_next (GObject       *reader,
          GCancellable  *cancellable,
          GError       **error)
{
  return cohort_csv_reader_next (COHORT_CSV_READER (reader), cancellable, error);
}

static GPtrArray *
csv_get_issues (GObject *reader)
{
  return cohort_csv_reader_get_issues (COHORT_CSV_READER (reader));
}

/* A CSV reader's errors name their line in the message itself. */
static gboolean
csv_get_error_location (GObject *reader,
                        guint   *line,
                        guint   *column)
{
  return FALSE;
}

static gboolean
source_open (CohortImportPlan  *self,
             Source            *source,
             GError           **error)
{
  switch (self->format)
    {
    case PLAN_FORMAT_IMS:
      if (self->file != NULL)
        source->reader = G_OBJECT (cohort_ims_reader_new (self->file));
      else
        source->reader = G_OBJECT (cohort_ims_reader_new_for_bytes (self->bytes,
                                                                    self->file_name));
      source->next = ims_next;
      source->get_issues = ims_get_issues;
      source->get_error_location = ims_get_error_location;
      return TRUE;

    case PLAN_FORMAT_CSV:
      if (self->file != NULL)
        {
          source->reader = G_OBJECT (cohort_csv_reader_new_for_file (self->file,
                                                                     self->csv_target, error));
          if (source->reader == NULL)
            return FALSE;
        }
      else
        {
          g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (self->bytes);

          source->reader = G_OBJECT (cohort_csv_reader_new (stream, self->file_name,
                                                            self->csv_target));
        }
      source->next = csv_next;
      source->get_issues = csv_get_issues;
      source->get_error_location = csv_get_error_location;
      return TRUE;

    case PLAN_FORMAT_XCRI:
    default:
      {
        /* Codes used twice in the file are found through the database (see CohortCodeSet),
         * so that memory does not grow with the file. */
        CohortXcriReaderFlags flags = self->flags | COHORT_XCRI_READER_NO_DUPLICATE_CHECK;

        if (self->file != NULL)
          source->reader = G_OBJECT (cohort_xcri_reader_new (self->file, flags));
        else
          source->reader = G_OBJECT (cohort_xcri_reader_new_for_bytes (self->bytes,
                                                                       self->file_name, flags));
        source->next = xcri_next;
        source->get_issues = xcri_get_issues;
        source->get_error_location = xcri_get_error_location;
        return TRUE;
      }
    }
}

static gboolean
walk_file (Walk      *walk,
           GError   **error)
{
  CohortImportPlan *self = walk->self;
  Source source = { 0 };
  GError *local_error = NULL;
  CohortImportRecord *record;
  gboolean ok = TRUE;

  if (!source_open (self, &source, error))
    return FALSE;

  walk->persons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk->runs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  walk->placements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            g_object_unref);
  walk->providers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, provider_free);
  walk->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_record_free);

  while (ok && (record = source.next (source.reader, walk->cancellable, &local_error)))
    {
      if (kind_index (record->kind) >= N_KINDS)
        {
          cohort_import_record_free (record);
          continue;
        }

      walk->n_read++;
      if (!check_duplicate (walk, record, error))
        {
          cohort_import_record_free (record);
          ok = FALSE;
          break;
        }

      if (must_wait (walk, record))
        {
          g_ptr_array_add (walk->pending, record);
          continue;
        }

      ok = handle_record (walk, record, error) && report_progress (walk, error);
      if (ok && record->kind == COHORT_IMPORT_RECORD_ORGANISATION)
        ok = flush_pending (walk, FALSE, error);
      cohort_import_record_free (record);
    }

  if (ok && local_error != NULL)
    {
      self->has_error_location = source.get_error_location (source.reader, &self->error_line,
                                                            &self->error_column);
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  if (ok)
    ok = flush_pending (walk, TRUE, error);

  if (!walk->apply)
    {
      GPtrArray *issues = source.get_issues (source.reader);

      for (guint i = 0; i < issues->len; i++)
        {
          CohortImportIssue *issue = g_ptr_array_index (issues, i);

          g_ptr_array_add (self->issues, cohort_import_issue_new (issue->kind, issue->line,
                                                                  issue->column,
                                                                  issue->message));
        }
      g_ptr_array_sort (self->issues, cohort_import_issue_compare);
    }

  g_clear_pointer (&walk->providers, g_hash_table_unref);
  g_clear_pointer (&walk->persons, g_hash_table_unref);
  g_clear_pointer (&walk->runs, g_hash_table_unref);
  g_clear_pointer (&walk->names, g_hash_table_unref);
  g_clear_pointer (&walk->placements, g_hash_table_unref);
  g_clear_object (&source.reader);
  g_clear_pointer (&walk->pending, g_ptr_array_unref);
  g_clear_pointer (&walk->course_code, g_free);
  g_clear_error (&local_error);

  return ok;
}

/* The SHA-256 of the file's bytes, read as a stream. */
static char *
dup_sha256 (CohortImportPlan  *self,
            GCancellable      *cancellable,
            GError           **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GInputStream) stream = NULL;
  g_autofree guint8 *buffer = NULL;

  if (self->bytes != NULL)
    {
      gsize size = 0;
      gconstpointer data = g_bytes_get_data (self->bytes, &size);

      g_checksum_update (checksum, data, size);
      return g_strdup (g_checksum_get_string (checksum));
    }

  stream = G_INPUT_STREAM (g_file_read (self->file, cancellable, error));
  if (stream == NULL)
    {
      g_prefix_error (error, "%s: ", self->file_name);
      return NULL;
    }

  buffer = g_malloc (64 * 1024);
  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, 64 * 1024, cancellable, error);

      if (n < 0)
        {
          g_prefix_error (error, "%s: ", self->file_name);
          return NULL;
        }
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static void
clear_results (CohortImportPlan *self)
{
  memset (self->counts, 0, sizeof self->counts);
  self->n_records = 0;
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->issues, 0);
  g_array_set_size (self->duplicates, 0);
  self->n_listed_plain = 0;
  self->n_unlisted = 0;
  self->has_error_location = FALSE;
  self->error_line = 0;
  self->error_column = 0;
  self->built = FALSE;
  self->batch_id = 0;
}

static guint
walk_total (Walk                *walk,
            CohortImportOutcome  outcome)
{
  guint n = 0;

  for (guint k = 0; k < N_KINDS; k++)
    n += walk->counts[k][outcome];

  return n;
}

static void
cohort_import_plan_finalize (GObject *object)
{
  CohortImportPlan *self = (CohortImportPlan *)object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->file_name);
  g_free (self->source);
  g_free (self->sha256);
  g_free (self->backup_path);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->issues);
  g_array_unref (self->duplicates);

  G_OBJECT_CLASS (cohort_import_plan_parent_class)->finalize (object);
}

static void
cohort_import_plan_class_init (CohortImportPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cohort_import_plan_finalize;
}

static void
cohort_import_plan_init (CohortImportPlan *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_item_free);
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_issue_free);
  self->duplicates = g_array_new (FALSE, FALSE, sizeof (Duplicate));
  g_array_set_clear_func (self->duplicates, duplicate_clear);
}

static CohortImportPlan *
plan_new (const char            *file_name,
          const char            *base_name,
          PlanFormat             format,
          CohortXcriReaderFlags  flags)
{
  CohortImportPlan *self = g_object_new (COHORT_TYPE_IMPORT_PLAN, NULL);

  self->file_name = g_strdup (file_name);
  self->format = format;
  self->source = g_strconcat (format_names[format], ":", base_name, NULL);
  self->flags = flags;

  return self;
}

static CohortImportPlan *
plan_new_for_file (GFile                 *file,
                   PlanFormat             format,
                   CohortXcriReaderFlags  flags)
{
  CohortImportPlan *self;
  g_autofree char *name = NULL;
  g_autofree char *base_name = NULL;

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);
  base_name = g_path_get_basename (name);

  self = plan_new (name, base_name, format, flags);
  self->file = g_object_ref (file);

  return self;
}

static CohortImportPlan *
plan_new_for_bytes (GBytes                *bytes,
                    const char            *file_name,
                    PlanFormat             format,
                    CohortXcriReaderFlags  flags)
{
  CohortImportPlan *self;
  g_autofree char *base_name = g_path_get_basename (file_name);

  self = plan_new (file_name, base_name, format, flags);
  self->bytes = g_bytes_ref (bytes);

  return self;
}

/**
 * cohort_import_plan_new_for_ims:
 * @file: an IMS Enterprise 1.1 file (as Moodle's IMS Enterprise plugin reads)
 *
 * Persons are matched by their code (`sourcedid/id`) and, when no person has it, against
 * core's duplicate detection: a likely duplicate is rejected with the existing person's code.
 * Groups are course runs, matched by code; a new run belongs to the existing course whose
 * code the group's code begins with (up to a `-`, `_`, `.`, `/`, `:` or space, longest
 * first), and, when there is none, to a course made for it with the group's code and its
 * description as title (a group names no course in IMS Enterprise).  Learners' memberships are
 * enrolments (status enrolled or withdrawn), instructors' ones trainers of the run; a member
 * or group neither in the file nor in Cohort is rejected.  Groups and people the file asks to
 * delete are rejected: an import does not delete.
 *
 * Returns: (transfer full): a plan, to build with cohort_import_plan_build()
 */
CohortImportPlan *
cohort_import_plan_new_for_ims (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return plan_new_for_file (file, PLAN_FORMAT_IMS, COHORT_XCRI_READER_DEFAULT);
}

/**
 * cohort_import_plan_new_for_ims_bytes:
 * @bytes: an IMS Enterprise 1.1 file
 * @file_name: a name for it, for messages and the import's record
 *
 * Returns: (transfer full): a plan, to build with cohort_import_plan_build()
 */
CohortImportPlan *
cohort_import_plan_new_for_ims_bytes (GBytes     *bytes,
                                      const char *file_name)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  return plan_new_for_bytes (bytes, file_name, PLAN_FORMAT_IMS, COHORT_XCRI_READER_DEFAULT);
}

/**
 * cohort_import_plan_new_for_csv:
 * @file: a CSV file
 * @target: what its rows are
 *
 * Trainees are matched by code, or by e-mail address when the row has no code, then against
 * core's duplicate detection as for IMS Enterprise; organisations by their exact name (the
 * parent by its name, in Cohort or in an earlier row); placements by person (code or e-mail),
 * host and start date, the host and office by name (rejected when unknown).  A placement that
 * would overlap another of the same person, in Cohort or in an earlier row of the file, is
 * rejected in the plan (the store's rule, which commit applies again).  Rows that cannot be
 * imported are rejected with their line; the others are imported.
 *
 * Two new rows that are the same person under different codes are both new in the plan (the
 * duplicate detection looks in the database); committing, the second is rejected as a likely
 * duplicate of the first, and the commit's counts say so.
 *
 * Returns: (transfer full): a plan, to build with cohort_import_plan_build()
 */
CohortImportPlan *
cohort_import_plan_new_for_csv (GFile           *file,
                                CohortCsvTarget  target)
{
  CohortImportPlan *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = plan_new_for_file (file, PLAN_FORMAT_CSV, COHORT_XCRI_READER_DEFAULT);
  self->csv_target = target;

  return self;
}

/**
 * cohort_import_plan_new_for_csv_bytes:
 * @bytes: a CSV file
 * @file_name: a name for it, for messages and the import's record
 * @target: what its rows are
 *
 * Returns: (transfer full): a plan, to build with cohort_import_plan_build()
 */
CohortImportPlan *
cohort_import_plan_new_for_csv_bytes (GBytes          *bytes,
                                      const char      *file_name,
                                      CohortCsvTarget  target)
{
  CohortImportPlan *self;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  self = plan_new_for_bytes (bytes, file_name, PLAN_FORMAT_CSV,
                             COHORT_XCRI_READER_DEFAULT);
  self->csv_target = target;

  return self;
}

/**
 * cohort_import_plan_new_for_xcri:
 * @file: an XCRI-CAP 1.2 catalogue
 * @flags: how to read it
 *
 * Returns: (transfer full): a plan, to build with cohort_import_plan_build()
 */
CohortImportPlan *
cohort_import_plan_new_for_xcri (GFile                 *file,
                                 CohortXcriReaderFlags  flags)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return plan_new_for_file (file, PLAN_FORMAT_XCRI, flags);
}

/**
 * cohort_import_plan_new_for_xcri_bytes:
 * @bytes: an XCRI-CAP 1.2 catalogue
 * @file_name: a name for it, for messages and the import's record
 * @flags: how to read it
 *
 * Returns: (transfer full): a plan, to build with cohort_import_plan_build()
 */
CohortImportPlan *
cohort_import_plan_new_for_xcri_bytes (GBytes                *bytes,
                                       const char            *file_name,
                                       CohortXcriReaderFlags  flags)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  return plan_new_for_bytes (bytes, file_name, PLAN_FORMAT_XCRI, flags);
}

/**
 * cohort_import_plan_set_progress_func:
 * @self: a plan
 * @func: (nullable): called after each record of cohort_import_plan_build() and
 *   cohort_import_plan_commit()
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data
 */
void
cohort_import_plan_set_progress_func (CohortImportPlan         *self,
                                      CohortImportProgressFunc  func,
                                      gpointer                  user_data,
                                      GDestroyNotify            destroy)
{
  g_return_if_fail (COHORT_IS_IMPORT_PLAN (self));

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);

  self->progress_func = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

/**
 * cohort_import_plan_build:
 * @self: a plan
 * @db: the database to match the records against
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the file and works out what importing it would do.  Writes nothing (it holds the
 * database's write lock while it reads, to see one state of it throughout).  A file that
 * cannot be read, or is refused as a whole (not well-formed, not XCRI-CAP, too large, unsafe),
 * fails with a %COHORT_IMPORT_ERROR (or %G_IO_ERROR) whose message reads
 * `FILE:LINE:COLUMN: message` where the problem has a place (see
 * cohort_import_plan_get_error_location()); single records that cannot be imported are not
 * errors but rejected items.  The warnings about the file are in
 * cohort_import_plan_get_issues().
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_import_plan_build (CohortImportPlan  *self,
                          CohortDatabase    *db,
                          GCancellable      *cancellable,
                          GError           **error)
{
  Walk walk = { 0 };
  g_autofree char *sha256 = NULL;
  gboolean in_transaction;
  gboolean ok;

  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_results (self);

  sha256 = dup_sha256 (self, cancellable, error);
  if (sha256 == NULL)
    return FALSE;

  walk.self = self;
  walk.db = db;
  walk.apply = FALSE;
  walk.cancellable = cancellable;

  /* One transaction, rolled back (the plan writes nothing to the database): the plan sees one
   * state of the database throughout, and the codes it remembers (see CohortCodeSet) are
   * written in one go rather than one transaction each.  A database that cannot be written
   * (opened read-only for a dry run) is read without one. */
  walk.codes = cohort_code_set_new (db, error);
  if (walk.codes == NULL)
    return FALSE;
  in_transaction = cohort_database_begin (db, NULL);
  ok = walk_file (&walk, error);
  if (in_transaction)
    cohort_database_rollback (db);
  cohort_code_set_free (walk.codes);

  if (!ok)
    {
      g_ptr_array_set_size (self->items, 0);
      return FALSE;
    }

  cohort_set_str (&self->sha256, sha256);
  memcpy (self->counts, walk.counts, sizeof self->counts);
  self->n_records = walk.n_done;
  self->built = TRUE;

  return TRUE;
}

/**
 * cohort_import_plan_commit:
 * @self: a plan built with cohort_import_plan_build()
 * @db: the database the plan was built against
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Imports the file: adds the new records and updates the updated ones in one transaction,
 * and records the import in an `import_batch` row (see cohort_import_plan_get_batch_id()).
 * The counts are then those of the import itself (the same as the plan's unless the database
 * changed in between).  When the file has changed since the plan was built, when the database
 * fails, or when @cancellable is cancelled, nothing is written at all.  Before it writes, a
 * copy of the database is kept with cohort_database_make_backup() (see
 * cohort_import_plan_get_backup_path()).
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_import_plan_commit (CohortImportPlan  *self,
                           CohortDatabase    *db,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autoptr(CohortImportBatch) batch = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *finished_at = NULL;
  Walk walk = { 0 };

  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), FALSE);
  g_return_val_if_fail (self->built, FALSE);
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->batch_id = 0;
  started_at = cohort_dup_timestamp_now ();

  sha256 = dup_sha256 (self, cancellable, error);
  if (sha256 == NULL)
    return FALSE;

  if (g_strcmp0 (sha256, self->sha256) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%s: The file has changed since it was checked; check it again before "
                     "importing it"), self->file_name);
      return FALSE;
    }

  if (!cohort_database_begin (db, error))
    return FALSE;

  /* A copy of the database as it is just before the import (taken inside the transaction, so
   * nothing can come in between), in the backups folder beside it. */
  g_clear_pointer (&self->backup_path, g_free);
  if (cohort_import_plan_has_changes (self))
    {
      self->backup_path = cohort_database_make_backup (db, "import", error);
      if (self->backup_path == NULL)
        goto failed;
    }

  walk.self = self;
  walk.db = db;
  walk.apply = TRUE;
  walk.cancellable = cancellable;
  walk.n_total = self->n_records;

  /* Indexed for search once, at the end, rather than row by row. */
  if (!cohort_database_defer_search_index (db, error) ||
      !walk_file (&walk, error) ||
      !cohort_database_update_search_index (db, error))
    goto failed;

  /* Importing a file that changes nothing (the same file again) writes nothing, not even the
   * record of an import: "importing the same file again changes nothing". */
  if (walk_total (&walk, COHORT_IMPORT_OUTCOME_NEW) > 0 ||
      walk_total (&walk, COHORT_IMPORT_OUTCOME_UPDATED) > 0)
    {
      finished_at = cohort_dup_timestamp_now ();
      batch = cohort_import_batch_new ();
      cohort_import_batch_set_file_name (batch, self->file_name);
      cohort_import_batch_set_sha256 (batch, sha256);
      cohort_import_batch_set_format (batch, format_names[self->format]);
      cohort_import_batch_set_started_at (batch, started_at);
      cohort_import_batch_set_finished_at (batch, finished_at);
      cohort_import_batch_set_n_new (batch, walk_total (&walk, COHORT_IMPORT_OUTCOME_NEW));
      cohort_import_batch_set_n_updated (batch,
                                         walk_total (&walk, COHORT_IMPORT_OUTCOME_UPDATED));
      cohort_import_batch_set_n_unchanged (batch,
                                           walk_total (&walk, COHORT_IMPORT_OUTCOME_UNCHANGED));
      cohort_import_batch_set_n_rejected (batch,
                                          walk_total (&walk, COHORT_IMPORT_OUTCOME_REJECTED));
      cohort_import_batch_set_outcome (batch, "committed");

      if (!cohort_store_save (db, COHORT_RECORD (batch), error))
        goto failed;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  if (!cohort_database_commit (db, error))
    return FALSE;

  memcpy (self->counts, walk.counts, sizeof self->counts);
  if (batch != NULL)
    self->batch_id = cohort_record_get_id (COHORT_RECORD (batch));

  return TRUE;

failed:
  cohort_database_rollback (db);
  return FALSE;
}

/**
 * cohort_import_plan_get_backup_path:
 *
 * Returns: (nullable): the copy of the database kept by the last cohort_import_plan_commit()
 *   before it changed anything (%NULL when it had nothing to change)
 */
const char *
cohort_import_plan_get_backup_path (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), NULL);

  return self->backup_path;
}

const char *
cohort_import_plan_get_file_name (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), NULL);

  return self->file_name;
}

/**
 * cohort_import_plan_get_sha256:
 *
 * Returns: (nullable): the SHA-256 of the file, in hexadecimal, once the plan is built
 */
const char *
cohort_import_plan_get_sha256 (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), NULL);

  return self->sha256;
}

/**
 * cohort_import_plan_get_count:
 *
 * Returns: how many records of @kind have @outcome
 */
guint
cohort_import_plan_get_count (CohortImportPlan       *self,
                              CohortImportRecordKind  kind,
                              CohortImportOutcome     outcome)
{
  guint k;

  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (outcome < COHORT_IMPORT_N_OUTCOMES, 0);

  k = kind_index (kind);
  if (k >= N_KINDS)
    return 0;

  return self->counts[k][outcome];
}

/**
 * cohort_import_plan_get_total:
 *
 * Returns: how many records of any kind have @outcome
 */
guint
cohort_import_plan_get_total (CohortImportPlan    *self,
                              CohortImportOutcome  outcome)
{
  guint n = 0;

  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), 0);
  g_return_val_if_fail (outcome < COHORT_IMPORT_N_OUTCOMES, 0);

  for (guint k = 0; k < N_KINDS; k++)
    n += self->counts[k][outcome];

  return n;
}

/**
 * cohort_import_plan_has_changes:
 *
 * Returns: whether committing the plan would write anything
 */
gboolean
cohort_import_plan_has_changes (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), FALSE);

  return cohort_import_plan_get_total (self, COHORT_IMPORT_OUTCOME_NEW) > 0 ||
         cohort_import_plan_get_total (self, COHORT_IMPORT_OUTCOME_UPDATED) > 0;
}

/**
 * cohort_import_plan_get_items:
 *
 * The records of the plan, in file order (a course whose provider follows it in the file
 * comes after that provider): every updated and rejected record, and the new and unchanged
 * ones up to a limit (see cohort_import_plan_get_n_unlisted()).
 *
 * Returns: (transfer none) (element-type CohortImportItem): the items
 */
GPtrArray *
cohort_import_plan_get_items (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), NULL);

  return self->items;
}

/**
 * cohort_import_plan_get_n_unlisted:
 *
 * Returns: how many new and unchanged records are counted but not among the items
 */
guint
cohort_import_plan_get_n_unlisted (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), 0);

  return self->n_unlisted;
}

/**
 * cohort_import_plan_get_issues:
 *
 * Returns: (transfer none) (element-type CohortImportIssue): the warnings about the file, in
 *   file order
 */
GPtrArray *
cohort_import_plan_get_issues (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), NULL);

  return self->issues;
}

/**
 * cohort_import_plan_get_error_location:
 * @line: (out) (optional): the line of the error that refused the file
 * @column: (out) (optional): its column, or 0 when not known
 *
 * Returns: %TRUE if the file was refused for an error that has a place in it
 */
gboolean
cohort_import_plan_get_error_location (CohortImportPlan *self,
                                       guint            *line,
                                       guint            *column)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), FALSE);

  if (line != NULL)
    *line = self->error_line;
  if (column != NULL)
    *column = self->error_column;

  return self->has_error_location;
}

/**
 * cohort_import_plan_get_batch_id:
 *
 * Returns: the id of the `import_batch` row the last commit wrote, or 0 when it wrote none
 *   (nothing changed)
 */
gint64
cohort_import_plan_get_batch_id (CohortImportPlan *self)
{
  g_return_val_if_fail (COHORT_IS_IMPORT_PLAN (self), 0);

  return self->batch_id;
}
