/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cohort-xcri-reader.h"
#include "cohort-xcri-text.h"

/* Feeds bytes to the XCRI-CAP reader, without and with the schema check, and to the text
 * helpers it uses.  Besides the sanitizers, it checks the reader's promises: a refused file
 * gives an error whose message starts with the file name and no records; an accepted one gives
 * records that are complete. */

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical warning is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  if (g_getenv ("COHORT_XSD_DIR") == NULL)
    g_setenv ("COHORT_XSD_DIR", COHORT_FUZZ_XSD_DIR, TRUE);

  return 0;
}

static void
check_record (CohortImportRecord *record)
{
  if (record->line == 0)
    abort ();

  switch (record->kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      {
        CohortImportOrganisation *organisation = COHORT_IMPORT_ORGANISATION (record);

        if (organisation->index == 0 || (organisation->name == NULL) != (record->rejected != NULL))
          abort ();
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE:
      {
        CohortImportCourse *course = COHORT_IMPORT_COURSE (record);
        g_autofree char *subject = cohort_import_course_dup_subject (course);

        if (record->rejected == NULL && (course->code == NULL || course->title == NULL))
          abort ();
        if (course->title != NULL && course->title[0] == '\0')
          abort ();
        if (course->description != NULL && !g_utf8_validate (course->description, -1, NULL))
          abort ();
        if (subject != NULL && !g_utf8_validate (subject, -1, NULL))
          abort ();
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE_RUN:
      {
        CohortImportCourseRun *run = COHORT_IMPORT_COURSE_RUN (record);

        if (run->start_date != NULL && strlen (run->start_date) != 4 &&
            strlen (run->start_date) != 7 && strlen (run->start_date) != 10)
          abort ();
        if (run->mode != NULL && strcmp (run->mode, "in_person") != 0 &&
            strcmp (run->mode, "online") != 0 && strcmp (run->mode, "hybrid") != 0)
          abort ();
        if (record->rejected == NULL && run->code == NULL)
          abort ();
      }
      break;

    default:
      abort ();
    }
}

static void
read_bytes (GBytes                *bytes,
            CohortXcriReaderFlags  flags)
{
  g_autoptr(CohortXcriReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *issues;

  reader = cohort_xcri_reader_new_for_bytes (bytes, "fuzz.xml", flags);

  if (!cohort_xcri_reader_read_all (reader, &records, NULL, &error))
    {
      if (error == NULL || records != NULL || !g_str_has_prefix (error->message, "fuzz.xml"))
        abort ();
    }
  else
    {
      for (guint i = 0; i < records->len; i++)
        check_record (g_ptr_array_index (records, i));
    }

  issues = cohort_xcri_reader_get_issues (reader);
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = cohort_import_issue_format (g_ptr_array_index (issues, i),
                                                          "fuzz.xml");

      if (!g_utf8_validate (line, -1, NULL))
        abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, size);

  read_bytes (bytes, COHORT_XCRI_READER_DEFAULT);
  read_bytes (bytes, COHORT_XCRI_READER_VALIDATE | COHORT_XCRI_READER_NO_DUPLICATE_CHECK);

  /* The text helpers, on whatever the bytes are (the reader only gives them valid UTF-8). */
  if (size < 4096 && g_utf8_validate (text, -1, NULL))
    {
      CohortXcriDateHow how;
      g_autofree char *html = cohort_xcri_text_dup_from_html (text);
      g_autofree char *paragraphs = cohort_xcri_text_dup_paragraphs (text);
      g_autofree char *date = cohort_xcri_text_parse_date (text, &how);

      if (!g_utf8_validate (html, -1, NULL) || !g_utf8_validate (paragraphs, -1, NULL))
        abort ();
      if (date != NULL && strlen (date) != 4 && strlen (date) != 7 && strlen (date) != 10)
        abort ();
      (void) cohort_xcri_text_looks_like_html (text);
    }

  return 0;
}
