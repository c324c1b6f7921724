/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-ims"

#include "config.h"

#include "cohort-ims-writer.h"

#include <glib/gi18n-lib.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-export-query.h"
#include "cohort-person.h"
#include "cohort-record.h"
#include "cohort-run-trainer.h"
#include "cohort-xml-output.h"

/**
 * SECTION:cohort-ims-writer
 *
 * Writes runs and who is in them as IMS Enterprise 1.1, in the form Moodle's IMS Enterprise
 * enrolment plugin reads: UTF-8, no namespace, a `properties` block with the time of writing,
 * then every `person` (enrolled in or teaching a run written), every run as a `group`, and one
 * `membership` per run with a `member` per enrolment and per trainer.  Every `sourcedid` has
 * the source "Cohort" and the record's code as its id; a person's `userid` is its code too.
 *
 * An enrolment is active (IMS status 1) when it is selected, enrolled, completed or
 * participated, and inactive (0) when applied, on the reserve list, rejected or withdrawn.
 * Trainers are instructors (role type 02), except facilitators (08, teaching assistant), mentors
 * (06) and coordinators (05, manager).
 */

static const char *
roletype_for_trainer_role (const char *role)
{
  if (g_strcmp0 (role, "facilitator") == 0)
    return "08";
  if (g_strcmp0 (role, "mentor") == 0)
    return "06";
  if (g_strcmp0 (role, "coordinator") == 0)
    return "05";
  return "02";
}

static gboolean
enrolment_is_active (const char *status)
{
  static const char * const active[] = { "selected", "enrolled", "completed", "participated" };

  for (guint i = 0; i < G_N_ELEMENTS (active); i++)
    {
      if (g_strcmp0 (status, active[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
write_sourcedid (CohortXmlOutput *out,
                 const char      *id)
{
  cohort_xml_output_start (out, "sourcedid");
  cohort_xml_output_element (out, "source", COHORT_IMS_SOURCE);
  cohort_xml_output_element (out, "id", id);
  cohort_xml_output_end (out);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static void
write_person (CohortXmlOutput *out,
              CohortPerson    *person)
{
  const char *family = cohort_person_get_family_name (person);
  const char *given = cohort_person_get_given_name (person);
  const char *gender = cohort_person_get_gender (person);
  const char *birth_date = cohort_person_get_birth_date (person);

  cohort_xml_output_start (out, "person");
  write_sourcedid (out, cohort_person_get_code (person));
  cohort_xml_output_element (out, "userid", cohort_person_get_code (person));

  if (!is_blank (family) || !is_blank (given))
    {
      g_autofree char *full = NULL;

      if (is_blank (family))
        full = g_strdup (given);
      else if (is_blank (given))
        full = g_strdup (family);
      else if (g_strcmp0 (cohort_person_get_name_order (person), "family_first") == 0)
        full = g_strdup_printf ("%s %s", family, given);
      else
        full = g_strdup_printf ("%s %s", given, family);

      cohort_xml_output_start (out, "name");
      cohort_xml_output_element (out, "fn", full);
      cohort_xml_output_start (out, "n");
      cohort_xml_output_element (out, "family", family);
      cohort_xml_output_element (out, "given", given);
      cohort_xml_output_end (out);
      cohort_xml_output_end (out);
    }

  if (g_strcmp0 (gender, "female") == 0 || g_strcmp0 (gender, "male") == 0 ||
      !is_blank (birth_date))
    {
      cohort_xml_output_start (out, "demographics");
      if (g_strcmp0 (gender, "female") == 0)
        cohort_xml_output_element (out, "gender", "1");
      else if (g_strcmp0 (gender, "male") == 0)
        cohort_xml_output_element (out, "gender", "2");
      cohort_xml_output_element (out, "bday", birth_date);
      cohort_xml_output_end (out);
    }

  cohort_xml_output_element (out, "email", cohort_person_get_email (person));
  cohort_xml_output_end (out);
}

static void
write_group (CohortXmlOutput *out,
             CohortCourseRun *run,
             CohortCourse    *course)
{
  const char *start = cohort_course_run_get_start_date (run);
  const char *end = cohort_course_run_get_end_date (run);

  cohort_xml_output_start (out, "group");
  write_sourcedid (out, cohort_course_run_get_code (run));

  /* Moodle makes the course's full name from <short> and can take its short name from
   * <long>: the course's title, and its code. */
  cohort_xml_output_start (out, "description");
  cohort_xml_output_element (out, "short",
                             course != NULL ? cohort_course_get_title (course)
                                            : cohort_course_run_get_code (run));
  if (course != NULL)
    {
      cohort_xml_output_element (out, "long", cohort_course_get_code (course));
      cohort_xml_output_element (out, "full", cohort_course_get_description (course));
    }
  cohort_xml_output_end (out);

  if (!is_blank (start) || !is_blank (end))
    {
      cohort_xml_output_start (out, "timeframe");
      if (!is_blank (start))
        {
          cohort_xml_output_start (out, "begin");
          cohort_xml_output_attribute (out, "restrict", "0");
          cohort_xml_output_text (out, start);
          cohort_xml_output_end (out);
        }
      if (!is_blank (end))
        {
          cohort_xml_output_start (out, "end");
          cohort_xml_output_attribute (out, "restrict", "0");
          cohort_xml_output_text (out, end);
          cohort_xml_output_end (out);
        }
      cohort_xml_output_end (out);
    }

  cohort_xml_output_end (out);
}

static void
write_member (CohortXmlOutput *out,
              const char      *person_code,
              const char      *roletype,
              gboolean         active)
{
  cohort_xml_output_start (out, "member");
  write_sourcedid (out, person_code);
  cohort_xml_output_element (out, "idtype", "1");
  cohort_xml_output_start (out, "role");
  cohort_xml_output_attribute (out, "roletype", roletype);
  cohort_xml_output_element (out, "status", active ? "1" : "0");
  cohort_xml_output_end (out);
  cohort_xml_output_end (out);
}

static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < records->len; i++)
    {
      CohortRecord *record = g_ptr_array_index (records, i);
      gint64 *id = g_new (gint64, 1);

      *id = cohort_record_get_id (record);
      g_hash_table_insert (index, id, record);
    }

  return index;
}

/* Opens the run's <membership> before its first member. */
static void
start_membership (CohortXmlOutput *out,
                  CohortCourseRun *run,
                  gboolean        *started)
{
  if (*started)
    return;

  *started = TRUE;
  cohort_xml_output_start (out, "membership");
  write_sourcedid (out, cohort_course_run_get_code (run));
}

/**
 * cohort_ims_writer_write:
 * @db: a database
 * @run_id: one run, or 0 for every run
 * @output: where to write; it is not closed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the run (or every run), the persons in it and their enrolments and trainer roles as
 * IMS Enterprise 1.1.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_ims_writer_write (CohortDatabase  *db,
                         gint64           run_id,
                         GOutputStream   *output,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GPtrArray) persons = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) enrolments = NULL;
  g_autoptr(GPtrArray) trainers = NULL;
  g_autoptr(CohortXmlOutput) out = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *datetime = NULL;
  g_autoptr(GHashTable) person_index = NULL;
  g_autoptr(GHashTable) course_index = NULL;
  guint next_enrolment = 0;
  guint next_trainer = 0;
  gboolean ok;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (run_id >= 0, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  runs = cohort_export_query_list_runs (db, run_id, error);
  if (runs == NULL)
    return FALSE;
  if (run_id > 0 && runs->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The course run to export does not exist or was deleted."));
      return FALSE;
    }
  courses = cohort_export_query_list_courses (db, error);
  if (courses == NULL)
    return FALSE;
  persons = cohort_export_query_list_members (db, run_id, error);
  if (persons == NULL)
    return FALSE;
  enrolments = cohort_export_query_list_enrolments (db, run_id, error);
  if (enrolments == NULL)
    return FALSE;
  trainers = cohort_export_query_list_trainers (db, run_id, error);
  if (trainers == NULL)
    return FALSE;

  person_index = index_by_id (persons);
  course_index = index_by_id (courses);

  now = g_date_time_new_now_utc ();
  datetime = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  out = cohort_xml_output_new (output, cancellable);
  cohort_xml_output_start (out, "enterprise");
  cohort_xml_output_start (out, "properties");
  cohort_xml_output_attribute (out, "lang", "en");
  cohort_xml_output_element (out, "datasource", COHORT_IMS_SOURCE);
  cohort_xml_output_element (out, "datetime", datetime);
  cohort_xml_output_end (out);

  for (guint i = 0; i < persons->len && !cohort_xml_output_has_failed (out); i++)
    write_person (out, g_ptr_array_index (persons, i));

  for (guint i = 0; i < runs->len && !cohort_xml_output_has_failed (out); i++)
    {
      CohortCourseRun *run = g_ptr_array_index (runs, i);
      gint64 course_id = cohort_course_run_get_course_id (run);

      write_group (out, run, g_hash_table_lookup (course_index, &course_id));
    }

  /* Enrolments and trainers come in the order of the runs. */
  for (guint i = 0; i < runs->len && !cohort_xml_output_has_failed (out); i++)
    {
      CohortCourseRun *run = g_ptr_array_index (runs, i);
      gint64 id = cohort_record_get_id (COHORT_RECORD (run));
      gboolean started = FALSE;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      while (next_enrolment < enrolments->len)
        {
          CohortEnrolment *enrolment = g_ptr_array_index (enrolments, next_enrolment);
          gint64 person_id = cohort_enrolment_get_person_id (enrolment);
          CohortPerson *person;

          if (cohort_enrolment_get_run_id (enrolment) != id)
            break;
          next_enrolment++;

          person = g_hash_table_lookup (person_index, &person_id);
          if (person == NULL)
            continue;
          start_membership (out, run, &started);
          write_member (out, cohort_person_get_code (person), "01",
                        enrolment_is_active (cohort_enrolment_get_status (enrolment)));
        }

      while (next_trainer < trainers->len)
        {
          CohortRunTrainer *trainer = g_ptr_array_index (trainers, next_trainer);
          gint64 person_id = cohort_run_trainer_get_person_id (trainer);
          CohortPerson *person;

          if (cohort_run_trainer_get_run_id (trainer) != id)
            break;
          next_trainer++;

          person = g_hash_table_lookup (person_index, &person_id);
          if (person == NULL)
            continue;
          start_membership (out, run, &started);
          write_member (out, cohort_person_get_code (person),
                        roletype_for_trainer_role (cohort_run_trainer_get_role (trainer)), TRUE);
        }

      if (started)
        cohort_xml_output_end (out);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  ok = cohort_xml_output_finish (out, error);
  if (!ok)
    g_prefix_error (error, _("The IMS Enterprise file could not be written: "));

  return ok;
}

typedef struct
{
  CohortDatabase *db;
  gint64          run_id;
} WriteArgs;

static gboolean
write_to_stream (GOutputStream  *stream,
                 gpointer        user_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  WriteArgs *args = user_data;

  return cohort_ims_writer_write (args->db, args->run_id, stream, cancellable, error);
}

/**
 * cohort_ims_writer_write_file:
 * @db: a database
 * @run_id: one run, or 0 for every run
 * @file: the file to write; it is replaced only once everything is written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * As cohort_ims_writer_write(), into a file.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_ims_writer_write_file (CohortDatabase  *db,
                              gint64           run_id,
                              GFile           *file,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cohort_xml_output_write_file (file, write_to_stream,
                                       &(WriteArgs) { db, run_id }, cancellable, error);
}
