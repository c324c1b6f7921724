/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-fuzz"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cohort-ims-reader.h"

/* Feeds bytes to the IMS Enterprise reader.  Besides the sanitizers, it checks the reader's
 * promises: a refused file gives an error whose message starts with the file name and no
 * records; an accepted one gives records that are complete, in UTF-8, with their place. */

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
  if (text != NULL && (text[0] == '\0' || !g_utf8_validate (text, -1, NULL)))
    abort ();
}

static void
check_date (const char *date)
{
  if (date != NULL && (strlen (date) != 10 || date[4] != '-' || date[7] != '-'))
    abort ();
}

static void
check_record (CohortImportRecord *record)
{
  if (record->line == 0)
    abort ();

  switch (record->kind)
    {
    case COHORT_IMPORT_RECORD_IMS_PERSON:
      {
        CohortImportImsPerson *person = COHORT_IMPORT_IMS_PERSON (record);

        if (record->rejected == NULL && person->code == NULL)
          abort ();
        if (person->gender != NULL && strcmp (person->gender, "female") != 0 &&
            strcmp (person->gender, "male") != 0)
          abort ();
        check_text (person->code);
        check_text (person->family_name);
        check_text (person->given_name);
        check_text (person->full_name);
        check_text (person->email);
        check_date (person->birth_date);
      }
      break;

    case COHORT_IMPORT_RECORD_IMS_GROUP:
      {
        CohortImportImsGroup *group = COHORT_IMPORT_IMS_GROUP (record);

        if (record->rejected == NULL && group->code == NULL)
          abort ();
        check_text (group->code);
        check_text (group->title);
        check_date (group->start_date);
        check_date (group->end_date);
        if (group->start_date != NULL && group->end_date != NULL &&
            strcmp (group->end_date, group->start_date) < 0)
          abort ();
      }
      break;

    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      {
        CohortImportImsMembership *membership = COHORT_IMPORT_IMS_MEMBERSHIP (record);

        if (record->rejected == NULL &&
            (membership->group_code == NULL || membership->person_code == NULL ||
             membership->role == NULL))
          abort ();
        if (g_strcmp0 (membership->role, "learner") == 0 &&
            g_strcmp0 (membership->status, membership->active ? "enrolled" : "withdrawn") != 0)
          abort ();
        if (g_strcmp0 (membership->role, "learner") != 0 && membership->status != NULL)
          abort ();
        check_text (membership->group_code);
        check_text (membership->person_code);
        check_date (membership->start_date);
        check_date (membership->end_date);
      }
      break;

    default:
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(CohortImsReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *issues;

  reader = cohort_ims_reader_new_for_bytes (bytes, "fuzz.xml");

  if (!cohort_ims_reader_read_all (reader, &records, NULL, &error))
    {
      if (error == NULL || records != NULL || !g_str_has_prefix (error->message, "fuzz.xml"))
        abort ();
    }
  else
    {
      for (guint i = 0; i < records->len; i++)
        check_record (g_ptr_array_index (records, i));
    }

  issues = cohort_ims_reader_get_issues (reader);
  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *line = cohort_import_issue_format (g_ptr_array_index (issues, i),
                                                          "fuzz.xml");

      if (!g_utf8_validate (line, -1, NULL))
        abort ();
    }

  return 0;
}
