/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cohort-csv-reader.h"

/* Feeds bytes to the CSV reader, as plain rows and as records of each import target.  Besides
 * the sanitizers, it checks the reader's promises: a refused file gives an error whose message
 * starts with the file name; rows and records are UTF-8 with a line; a record that is not
 * rejected has what its kind needs. */

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

  return 0;
}

static void
check_text (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}

static void
check_error (GError *error)
{
  if (error == NULL || !g_str_has_prefix (error->message, "fuzz.csv"))
    abort ();
}

static void
check_record (CohortImportRecord *record)
{
  if (record->line == 0)
    abort ();
  check_text (record->rejected);

  switch (record->kind)
    {
    case COHORT_IMPORT_RECORD_PERSON:
      {
        CohortImportPerson *person = COHORT_IMPORT_PERSON (record);

        check_text (person->family_name);
        check_text (person->given_name);
        check_text (person->family_name_local);
        check_text (person->given_name_local);
        check_text (person->notes);
        if (record->rejected == NULL &&
            person->family_name == NULL && person->given_name == NULL &&
            person->family_name_local == NULL && person->given_name_local == NULL)
          abort ();
        if (record->rejected == NULL && person->birth_date != NULL &&
            strlen (person->birth_date) != 10)
          abort ();
        if (record->rejected == NULL && person->nationality != NULL &&
            strlen (person->nationality) != 2)
          abort ();
      }
      break;

    case COHORT_IMPORT_RECORD_ORGANISATION:
      {
        CohortImportOrganisation *organisation = COHORT_IMPORT_ORGANISATION (record);

        check_text (organisation->name);
        if (record->rejected == NULL && organisation->name == NULL)
          abort ();
      }
      break;

    case COHORT_IMPORT_RECORD_PLACEMENT:
      {
        CohortImportPlacement *placement = COHORT_IMPORT_PLACEMENT (record);

        check_text (placement->person_code);
        check_text (placement->host);
        if (record->rejected == NULL && placement->person_code == NULL &&
            placement->person_email == NULL)
          abort ();
      }
      break;

    case COHORT_IMPORT_RECORD_COURSE:
    case COHORT_IMPORT_RECORD_COURSE_RUN:
    default:
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);

  {
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
    g_autoptr(CohortCsvReader) reader = cohort_csv_reader_new (stream, "fuzz.csv",
                                                               COHORT_CSV_TARGET_TRAINEES);
    g_autoptr(GError) error = NULL;
    char **row;
    guint line;

    while ((row = cohort_csv_reader_next_row (reader, &line, NULL, &error)) != NULL)
      {
        if (line == 0 || row[0] == NULL)
          abort ();
        for (guint i = 0; row[i] != NULL; i++)
          check_text (row[i]);
        g_strfreev (row);
      }
    if (error != NULL)
      check_error (error);
  }

  for (CohortCsvTarget target = COHORT_CSV_TARGET_TRAINEES;
       target <= COHORT_CSV_TARGET_PLACEMENTS; target++)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      g_autoptr(CohortCsvReader) reader = cohort_csv_reader_new (stream, "fuzz.csv", target);
      g_autoptr(GPtrArray) records = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *issues;

      if (cohort_csv_reader_read_all (reader, &records, NULL, &error))
        {
          for (guint i = 0; i < records->len; i++)
            check_record (g_ptr_array_index (records, i));
        }
      else
        {
          check_error (error);
        }

      issues = cohort_csv_reader_get_issues (reader);
      for (guint i = 0; i < issues->len; i++)
        check_text (((CohortImportIssue *) g_ptr_array_index (issues, i))->message);
    }

  return 0;
}
