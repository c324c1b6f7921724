/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-import"

#include "config.h"

#include "cohort-import-plan.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-import-batch.h"
#include "cohort-lookup.h"
#include "cohort-organisation.h"
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
#define N_KINDS 3
#define PLANNED_NEW_ID G_MAXINT64  /* a row the plan would add: it has no id yet */

struct _CohortImportPlan
{
  GObject                   parent_instance;

  GFile                    *file;
  GBytes                   *bytes;
  char                     *file_name;
  char                     *source;
  CohortXcriReaderFlags     flags;

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
  switch ((int) kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      return 0;
    case COHORT_IMPORT_RECORD_COURSE:
      return 1;
    case COHORT_IMPORT_RECORD_COURSE_RUN:
      return 2;
    default:
      return G_MAXUINT;
    }
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

/* The pass */

static gboolean
handle_record (Walk                *walk,
               CohortImportRecord  *record,
               GError             **error)
{
  switch ((int) record->kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      return handle_organisation (walk, COHORT_IMPORT_ORGANISATION (record), error);
    case COHORT_IMPORT_RECORD_COURSE:
      return handle_course (walk, COHORT_IMPORT_COURSE (record), error);
    case COHORT_IMPORT_RECORD_COURSE_RUN:
      return handle_course_run (walk, COHORT_IMPORT_COURSE_RUN (record), error);
    default:
      /* An XCRI-CAP catalogue holds no other kind of record. */
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

static CohortXcriReader *
new_reader (CohortImportPlan *self)
{
  /* Codes used twice in the file are found through the database (see CohortCodeSet), so that
   * memory does not grow with the file. */
  CohortXcriReaderFlags flags = self->flags | COHORT_XCRI_READER_NO_DUPLICATE_CHECK;

  if (self->file != NULL)
    return cohort_xcri_reader_new (self->file, flags);

  return cohort_xcri_reader_new_for_bytes (self->bytes, self->file_name, flags);
}

static gboolean
walk_file (Walk      *walk,
           GError   **error)
{
  CohortImportPlan *self = walk->self;
  g_autoptr(CohortXcriReader) reader = new_reader (self);
  GError *local_error = NULL;
  CohortImportRecord *record;
  gboolean ok = TRUE;

  walk->providers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, provider_free);
  walk->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_record_free);

  while (ok && (record = cohort_xcri_reader_next (reader, walk->cancellable, &local_error)))
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
      self->has_error_location = cohort_xcri_reader_get_error_location (reader,
                                                                         &self->error_line,
                                                                         &self->error_column);
      g_propagate_error (error, g_steal_pointer (&local_error));
      ok = FALSE;
    }

  if (ok)
    ok = flush_pending (walk, TRUE, error);

  if (!walk->apply)
    {
      GPtrArray *issues = cohort_xcri_reader_get_issues (reader);

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
          CohortXcriReaderFlags  flags)
{
  CohortImportPlan *self = g_object_new (COHORT_TYPE_IMPORT_PLAN, NULL);

  self->file_name = g_strdup (file_name);
  self->source = g_strconcat ("xcri:", base_name, NULL);
  self->flags = flags;

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
  CohortImportPlan *self;
  g_autofree char *name = NULL;
  g_autofree char *base_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_parse_name (file);
  base_name = g_path_get_basename (name);

  self = plan_new (name, base_name, flags);
  self->file = g_object_ref (file);

  return self;
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
  CohortImportPlan *self;
  g_autofree char *base_name = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  base_name = g_path_get_basename (file_name);
  self = plan_new (file_name, base_name, flags);
  self->bytes = g_bytes_ref (bytes);

  return self;
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
 * fails, or when @cancellable is cancelled, nothing is written at all.
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

  walk.self = self;
  walk.db = db;
  walk.apply = TRUE;
  walk.cancellable = cancellable;
  walk.n_total = self->n_records;

  if (!walk_file (&walk, error))
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
      cohort_import_batch_set_format (batch, "xcri");
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
