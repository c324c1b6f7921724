/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-import"

#include "config.h"

#include "cohort-import-record.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (cohort-import-error-quark, cohort_import_error)

/**
 * cohort_import_issue_new:
 * @kind: what the warning is about
 * @line: the line in the file, or 0
 * @column: the column in the file, or 0
 * @message: the warning
 *
 * Returns: (transfer full): a new warning; free with cohort_import_issue_free()
 */
CohortImportIssue *
cohort_import_issue_new (CohortImportIssueKind  kind,
                         guint                  line,
                         guint                  column,
                         const char            *message)
{
  CohortImportIssue *issue;

  g_return_val_if_fail (message != NULL, NULL);

  issue = g_new0 (CohortImportIssue, 1);
  issue->kind = kind;
  issue->line = line;
  issue->column = column;
  issue->message = g_strdup (message);

  return issue;
}

void
cohort_import_issue_free (CohortImportIssue *issue)
{
  if (issue == NULL)
    return;

  g_free (issue->message);
  g_free (issue);
}

/**
 * cohort_import_issue_format:
 * @issue: a warning
 * @file_name: the file's name as the user gave it
 *
 * Returns: (transfer full): the warning as `FILE:LINE:COLUMN: message` (`FILE:LINE: message`
 *   when the column is not known, `FILE: message` when neither is)
 */
char *
cohort_import_issue_format (const CohortImportIssue *issue,
                            const char              *file_name)
{
  g_return_val_if_fail (issue != NULL, NULL);
  g_return_val_if_fail (file_name != NULL, NULL);

  if (issue->line > 0 && issue->column > 0)
    return g_strdup_printf ("%s:%u:%u: %s", file_name, issue->line, issue->column, issue->message);
  if (issue->line > 0)
    return g_strdup_printf ("%s:%u: %s", file_name, issue->line, issue->message);
  return g_strdup_printf ("%s: %s", file_name, issue->message);
}

/**
 * cohort_import_issue_compare:
 * @a: a pointer to a `CohortImportIssue *` (as g_ptr_array_sort() passes)
 * @b: a pointer to a `CohortImportIssue *`
 *
 * Orders warnings by their place in the file.
 */
int
cohort_import_issue_compare (gconstpointer a,
                             gconstpointer b)
{
  const CohortImportIssue *ia = *(const CohortImportIssue * const *) a;
  const CohortImportIssue *ib = *(const CohortImportIssue * const *) b;

  if (ia->line != ib->line)
    return ia->line < ib->line ? -1 : 1;
  if (ia->column != ib->column)
    return ia->column < ib->column ? -1 : 1;
  return 0;
}

/**
 * cohort_import_identifier_new:
 *
 * Returns: (transfer full): a new identifier; free with cohort_import_identifier_free()
 */
CohortImportIdentifier *
cohort_import_identifier_new (const char *value,
                              const char *scheme,
                              gboolean    is_url,
                              guint       line,
                              guint       column)
{
  CohortImportIdentifier *identifier;

  g_return_val_if_fail (value != NULL, NULL);

  identifier = g_new0 (CohortImportIdentifier, 1);
  identifier->value = g_strdup (value);
  identifier->scheme = g_strdup (scheme);
  identifier->is_url = is_url;
  identifier->line = line;
  identifier->column = column;

  return identifier;
}

void
cohort_import_identifier_free (CohortImportIdentifier *identifier)
{
  if (identifier == NULL)
    return;

  g_free (identifier->value);
  g_free (identifier->scheme);
  g_free (identifier);
}

/**
 * cohort_import_record_new:
 * @kind: which record to make
 * @line: the line of its element
 * @column: the column of its element, or 0
 *
 * Returns: (transfer full): a new, empty record of @kind; free with cohort_import_record_free()
 */
CohortImportRecord *
cohort_import_record_new (CohortImportRecordKind kind,
                          guint                  line,
                          guint                  column)
{
  CohortImportRecord *record = NULL;

  switch (kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      {
        CohortImportOrganisation *organisation = g_new0 (CohortImportOrganisation, 1);

        organisation->identifiers =
          g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_identifier_free);
        record = &organisation->record;
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE:
      {
        CohortImportCourse *course = g_new0 (CohortImportCourse, 1);

        course->identifiers =
          g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_identifier_free);
        course->subjects = g_ptr_array_new_with_free_func (g_free);
        record = &course->record;
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE_RUN:
      {
        CohortImportCourseRun *run = g_new0 (CohortImportCourseRun, 1);

        run->identifiers =
          g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_identifier_free);
        record = &run->record;
      }
      break;

    case COHORT_IMPORT_RECORD_IMS_PERSON:
      record = (CohortImportRecord *) g_new0 (CohortImportImsPerson, 1);
      break;

    case COHORT_IMPORT_RECORD_IMS_GROUP:
      record = (CohortImportRecord *) g_new0 (CohortImportImsGroup, 1);
      break;

    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      record = (CohortImportRecord *) g_new0 (CohortImportImsMembership, 1);
      break;

    case COHORT_IMPORT_RECORD_PERSON:
      record = (CohortImportRecord *) g_new0 (CohortImportPerson, 1);
      break;

    case COHORT_IMPORT_RECORD_PLACEMENT:
      record = (CohortImportRecord *) g_new0 (CohortImportPlacement, 1);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  record->kind = kind;
  record->line = line;
  record->column = column;

  return record;
}

void
cohort_import_record_free (CohortImportRecord *record)
{
  if (record == NULL)
    return;

  switch (record->kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      {
        CohortImportOrganisation *organisation = (CohortImportOrganisation *) record;

        g_free (organisation->code);
        g_free (organisation->name);
        g_ptr_array_unref (organisation->identifiers);
        g_free (organisation->url);
        g_free (organisation->city);
        g_free (organisation->postcode);
        g_free (organisation->country);
        g_free (organisation->acronym);
        g_free (organisation->kind);
        g_free (organisation->parent);
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE:
      {
        CohortImportCourse *course = (CohortImportCourse *) record;

        g_free (course->code);
        g_free (course->url_identifier);
        g_ptr_array_unref (course->identifiers);
        g_free (course->title);
        g_ptr_array_unref (course->subjects);
        g_free (course->description);
        g_free (course->description_lang);
        g_free (course->url);
        g_free (course->provider_code);
        g_free (course->provider_name);
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE_RUN:
      {
        CohortImportCourseRun *run = (CohortImportCourseRun *) record;

        g_free (run->code);
        g_ptr_array_unref (run->identifiers);
        g_free (run->course_code);
        g_free (run->start_date);
        g_free (run->end_date);
        g_free (run->mode);
        g_free (run->study_mode);
        g_free (run->attendance_mode);
        g_free (run->attendance_pattern);
        g_free (run->venue);
        g_free (run->cost);
        g_free (run->apply_to);
      }
      break;

    case COHORT_IMPORT_RECORD_IMS_PERSON:
      {
        CohortImportImsPerson *person = (CohortImportImsPerson *) record;

        g_free (person->code);
        g_free (person->source);
        g_free (person->userid);
        g_free (person->family_name);
        g_free (person->given_name);
        g_free (person->full_name);
        g_free (person->email);
        g_free (person->gender);
        g_free (person->birth_date);
      }
      break;

    case COHORT_IMPORT_RECORD_IMS_GROUP:
      {
        CohortImportImsGroup *group = (CohortImportImsGroup *) record;

        g_free (group->code);
        g_free (group->source);
        g_free (group->title);
        g_free (group->long_title);
        g_free (group->description);
        g_free (group->start_date);
        g_free (group->end_date);
      }
      break;

    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      {
        CohortImportImsMembership *membership = (CohortImportImsMembership *) record;

        g_free (membership->group_code);
        g_free (membership->person_code);
        g_free (membership->roletype);
        g_free (membership->role);
        g_free (membership->status);
        g_free (membership->start_date);
        g_free (membership->end_date);
      }
      break;

    case COHORT_IMPORT_RECORD_PERSON:
      {
        CohortImportPerson *person = (CohortImportPerson *) record;

        g_free (person->code);
        g_free (person->family_name);
        g_free (person->given_name);
        g_free (person->family_name_local);
        g_free (person->given_name_local);
        g_free (person->name_order);
        g_free (person->gender);
        g_free (person->gender_self);
        g_free (person->birth_date);
        g_free (person->nationality);
        g_free (person->email);
        g_free (person->phone);
        g_free (person->affiliation);
        g_free (person->notes);
      }
      break;

    case COHORT_IMPORT_RECORD_PLACEMENT:
      {
        CohortImportPlacement *placement = (CohortImportPlacement *) record;

        g_free (placement->person_code);
        g_free (placement->person_email);
        g_free (placement->host);
        g_free (placement->office);
        g_free (placement->duty_station);
        g_free (placement->country);
        g_free (placement->position_title);
        g_free (placement->modality);
        g_free (placement->funded_by);
        g_free (placement->start_date);
        g_free (placement->end_date);
        g_free (placement->actual_end_date);
        g_free (placement->status);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  g_free (record->rejected);
  g_free (record);
}

/**
 * cohort_import_record_check:
 * @record: (nullable): a #CohortImportRecord
 * @kind: the kind it should be
 *
 * The checked cast behind COHORT_IMPORT_COURSE() and its siblings.
 *
 * Returns: (nullable): @record, or %NULL (with a critical warning) if it is of another kind
 */
gpointer
cohort_import_record_check (gpointer               record,
                            CohortImportRecordKind kind)
{
  CohortImportRecord *self = record;

  if (self == NULL)
    return NULL;

  g_return_val_if_fail (self->kind == kind, NULL);

  return self;
}

/**
 * cohort_import_record_reject:
 * @record: a record
 * @reason: why it cannot be imported
 *
 * Marks @record as rejected.  The first reason given is kept.
 */
void
cohort_import_record_reject (CohortImportRecord *record,
                             const char         *reason)
{
  g_return_if_fail (record != NULL);
  g_return_if_fail (reason != NULL);

  if (record->rejected == NULL)
    record->rejected = g_strdup (reason);
}

/**
 * cohort_import_course_dup_subject:
 * @course: a course record
 *
 * Returns: (transfer full) (nullable): the subjects joined with `; `, the form of
 *   `course.subject`, or %NULL when there are none
 */
char *
cohort_import_course_dup_subject (const CohortImportCourse *course)
{
  GString *joined;

  g_return_val_if_fail (course != NULL, NULL);

  if (course->subjects->len == 0)
    return NULL;

  joined = g_string_new (NULL);
  for (guint i = 0; i < course->subjects->len; i++)
    {
      if (i > 0)
        g_string_append (joined, "; ");
      g_string_append (joined, g_ptr_array_index (course->subjects, i));
    }

  return g_string_free (joined, FALSE);
}

/**
 * cohort_import_read_all:
 * @reader: a reader
 * @next: its next()
 * @out_records: (out) (transfer container) (element-type CohortImportRecord): every record;
 *   left as it was on failure
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the rest of the file with @next: all of it, or (when the file is refused) none of it.
 *
 * Returns: %TRUE if the whole file was read
 */
gboolean
cohort_import_read_all (gpointer               reader,
                        CohortImportNextFunc   next,
                        GPtrArray            **out_records,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GError *local_error = NULL;
  CohortImportRecord *record;

  g_return_val_if_fail (next != NULL, FALSE);
  g_return_val_if_fail (out_records != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  records = g_ptr_array_new_with_free_func ((GDestroyNotify) cohort_import_record_free);
  while ((record = next (reader, cancellable, &local_error)) != NULL)
    g_ptr_array_add (records, record);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  *out_records = g_steal_pointer (&records);
  return TRUE;
}

/**
 * cohort_import_record_kind_get_label:
 * @kind: a kind of record in a file
 *
 * Returns: what the record is, in words, translated ("Course run")
 */
const char *
cohort_import_record_kind_get_label (CohortImportRecordKind kind)
{
  switch ((int) kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      return _("Organisation");
    case COHORT_IMPORT_RECORD_COURSE:
      return _("Course");
    case COHORT_IMPORT_RECORD_IMS_PERSON:
    case COHORT_IMPORT_RECORD_PERSON:
      return _("Person");
    case COHORT_IMPORT_RECORD_IMS_GROUP:
      return _("Group");
    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      return _("Membership");
    case COHORT_IMPORT_RECORD_PLACEMENT:
      return _("Placement");
    case COHORT_IMPORT_RECORD_COURSE_RUN:
    default:
      return _("Course run");
    }
}
