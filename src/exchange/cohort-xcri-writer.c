/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-xcri"

#include "config.h"

#include "cohort-xcri-writer.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-export-query.h"
#include "cohort-organisation.h"
#include "cohort-record.h"
#include "cohort-xml-output.h"

/**
 * SECTION:cohort-xcri-writer
 *
 * Writes the catalogue as XCRI-CAP 1.2 (`http://xcri.org/profiles/1.2/catalog`), valid against
 * its XML schema: each organisation that provides courses is a `provider` (its name the
 * `dc:title`, its town an `mlo:location`), each of its courses a `course` (its code the
 * `dc:identifier`, with title, description, subjects and web address) and each run of the
 * course a `presentation` (its code the `dc:identifier`, its dates in `dtf` form, its mode as an
 * XCRI attendance mode, its places and its venue).  Courses without a provider come last, in
 * a provider without a name.  Deleted records are left out.
 */

#define XCRI_NS "http://xcri.org/profiles/1.2/catalog"
#define XCRI_TERMS_NS "http://xcri.org/profiles/1.2/catalog/terms"
#define DC_NS "http://purl.org/dc/elements/1.1/"
#define DCTERMS_NS "http://purl.org/dc/terms/"
#define MLO_NS "http://purl.org/net/mlo"
#define XSI_NS "http://www.w3.org/2001/XMLSchema-instance"

static void
write_date (CohortXmlOutput *out,
            const char      *name,
            const char      *date)
{
  if (date == NULL || date[0] == '\0')
    return;

  cohort_xml_output_start (out, name);
  cohort_xml_output_attribute (out, "dtf", date);
  cohort_xml_output_text (out, date);
  cohort_xml_output_end (out);
}

static void
write_mode (CohortXmlOutput *out,
            const char      *mode)
{
  const char *identifier = NULL;
  const char *words = NULL;

  if (g_strcmp0 (mode, "in_person") == 0)
    {
      identifier = "CM";
      words = "Campus";
    }
  else if (g_strcmp0 (mode, "online") == 0)
    {
      identifier = "ON";
      words = "Online (no attendance)";
    }
  else if (g_strcmp0 (mode, "hybrid") == 0)
    {
      identifier = "MM";
      words = "Mixed mode";
    }
  else
    {
      return;
    }

  cohort_xml_output_start (out, "attendanceMode");
  cohort_xml_output_attribute (out, "identifier", identifier);
  cohort_xml_output_text (out, words);
  cohort_xml_output_end (out);
}

static void
write_run (CohortXmlOutput *out,
           CohortCourseRun *run)
{
  const char *venue = cohort_course_run_get_venue (run);
  int capacity = cohort_course_run_get_capacity (run);

  cohort_xml_output_start (out, "presentation");
  cohort_xml_output_element (out, "dc:identifier", cohort_course_run_get_code (run));
  write_date (out, "mlo:start", cohort_course_run_get_start_date (run));
  write_date (out, "end", cohort_course_run_get_end_date (run));
  write_mode (out, cohort_course_run_get_mode (run));
  if (capacity > 0)
    {
      g_autofree char *places = g_strdup_printf ("%d", capacity);

      cohort_xml_output_element (out, "mlo:places", places);
    }
  if (venue != NULL && venue[0] != '\0')
    {
      cohort_xml_output_start (out, "venue");
      cohort_xml_output_start (out, "provider");
      cohort_xml_output_element (out, "dc:title", venue);
      cohort_xml_output_end (out);
      cohort_xml_output_end (out);
    }
  cohort_xml_output_end (out);
}

static void
write_course (CohortXmlOutput *out,
              CohortCourse    *course,
              GPtrArray       *runs)
{
  const char *subject = cohort_course_get_subject (course);

  cohort_xml_output_start (out, "course");
  cohort_xml_output_element (out, "dc:description", cohort_course_get_description (course));
  cohort_xml_output_element (out, "dc:identifier", cohort_course_get_code (course));
  if (subject != NULL)
    {
      g_auto(GStrv) subjects = g_strsplit (subject, ";", -1);

      for (guint i = 0; subjects[i] != NULL; i++)
        cohort_xml_output_element (out, "dc:subject", g_strstrip (subjects[i]));
    }
  cohort_xml_output_element (out, "dc:title", cohort_course_get_title (course));
  cohort_xml_output_element (out, "mlo:url", cohort_course_get_url (course));

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    write_run (out, g_ptr_array_index (runs, i));

  cohort_xml_output_end (out);
}

static void
write_provider (CohortXmlOutput    *out,
                CohortOrganisation *provider,
                GPtrArray          *courses,
                GHashTable         *runs_by_course)
{
  gint64 provider_id = provider != NULL ? cohort_record_get_id (COHORT_RECORD (provider)) : 0;
  const char *city = provider != NULL ? cohort_organisation_get_city (provider) : NULL;

  cohort_xml_output_start (out, "provider");
  if (provider != NULL)
    cohort_xml_output_element (out, "dc:title", cohort_organisation_get_name (provider));

  for (guint i = 0; i < courses->len; i++)
    {
      CohortCourse *course = g_ptr_array_index (courses, i);
      gint64 course_id = cohort_record_get_id (COHORT_RECORD (course));

      if (cohort_course_get_provider_id (course) == provider_id)
        write_course (out, course, g_hash_table_lookup (runs_by_course, &course_id));
    }

  if (city != NULL && city[0] != '\0')
    {
      cohort_xml_output_start (out, "mlo:location");
      cohort_xml_output_element (out, "mlo:town", city);
      cohort_xml_output_end (out);
    }

  cohort_xml_output_end (out);
}

/**
 * cohort_xcri_writer_write:
 * @db: a database
 * @output: where to write; it is not closed
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the whole catalogue (providers, courses, runs) as XCRI-CAP 1.2.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_xcri_writer_write (CohortDatabase  *db,
                          GOutputStream   *output,
                          GCancellable    *cancellable,
                          GError         **error)
{
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) courses = NULL;
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GHashTable) runs_by_course = NULL;
  g_autoptr(GHashTable) provider_ids = NULL;
  g_autoptr(CohortXmlOutput) out = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *generated = NULL;
  gboolean orphans = FALSE;
  gboolean ok;

  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  providers = cohort_export_query_list_providers (db, error);
  if (providers == NULL)
    return FALSE;
  courses = cohort_export_query_list_courses (db, error);
  if (courses == NULL)
    return FALSE;
  runs = cohort_export_query_list_runs (db, 0, error);
  if (runs == NULL)
    return FALSE;

  runs_by_course = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < runs->len; i++)
    {
      CohortCourseRun *run = g_ptr_array_index (runs, i);
      gint64 course_id = cohort_course_run_get_course_id (run);
      GPtrArray *list = g_hash_table_lookup (runs_by_course, &course_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (runs_by_course, g_memdup2 (&course_id, sizeof course_id), list);
        }
      g_ptr_array_add (list, run);
    }

  provider_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < providers->len; i++)
    {
      gint64 id = cohort_record_get_id (g_ptr_array_index (providers, i));

      g_hash_table_add (provider_ids, g_memdup2 (&id, sizeof id));
    }
  for (guint i = 0; i < courses->len && !orphans; i++)
    {
      gint64 provider_id = cohort_course_get_provider_id (g_ptr_array_index (courses, i));

      orphans = provider_id <= 0 || !g_hash_table_contains (provider_ids, &provider_id);
    }

  now = g_date_time_new_now_utc ();
  generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  out = cohort_xml_output_new (output, cancellable);
  cohort_xml_output_start (out, "catalog");
  cohort_xml_output_attribute (out, "xmlns", XCRI_NS);
  cohort_xml_output_attribute (out, "xmlns:xcriTerms", XCRI_TERMS_NS);
  cohort_xml_output_attribute (out, "xmlns:dc", DC_NS);
  cohort_xml_output_attribute (out, "xmlns:dcterms", DCTERMS_NS);
  cohort_xml_output_attribute (out, "xmlns:mlo", MLO_NS);
  cohort_xml_output_attribute (out, "xmlns:xsi", XSI_NS);
  cohort_xml_output_attribute (out, "generated", generated);

  for (guint i = 0; i < providers->len && !cohort_xml_output_has_failed (out); i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      write_provider (out, g_ptr_array_index (providers, i), courses, runs_by_course);
    }

  if (orphans && !g_cancellable_is_cancelled (cancellable))
    {
      g_autoptr(GPtrArray) orphan_courses = g_ptr_array_new ();

      for (guint i = 0; i < courses->len; i++)
        {
          CohortCourse *course = g_ptr_array_index (courses, i);
          gint64 provider_id = cohort_course_get_provider_id (course);

          if (provider_id <= 0 || !g_hash_table_contains (provider_ids, &provider_id))
            g_ptr_array_add (orphan_courses, course);
        }

      cohort_xml_output_start (out, "provider");
      for (guint i = 0; i < orphan_courses->len; i++)
        {
          CohortCourse *course = g_ptr_array_index (orphan_courses, i);
          gint64 course_id = cohort_record_get_id (COHORT_RECORD (course));

          write_course (out, course, g_hash_table_lookup (runs_by_course, &course_id));
        }
      cohort_xml_output_end (out);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  ok = cohort_xml_output_finish (out, error);
  if (!ok)
    g_prefix_error (error, _("The XCRI-CAP catalogue could not be written: "));

  return ok;
}

static gboolean
write_to_stream (GOutputStream  *stream,
                 gpointer        user_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  return cohort_xcri_writer_write (user_data, stream, cancellable, error);
}

/**
 * cohort_xcri_writer_write_file:
 * @db: a database
 * @file: the file to write; it is replaced only once everything is written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * As cohort_xcri_writer_write(), into a file.
 *
 * Returns: %TRUE on success
 */
gboolean
cohort_xcri_writer_write_file (CohortDatabase  *db,
                               GFile           *file,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_return_val_if_fail (COHORT_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return cohort_xml_output_write_file (file, write_to_stream, db, cancellable, error);
}
