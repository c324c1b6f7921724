/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-import"

#include "config.h"

#include "cohort-import-format.h"

#include <string.h>

/**
 * SECTION:cohort-import-format
 *
 * What a file to import is, found from its content, as `cohort import` and the window's Import
 * find it when not told.
 */

/**
 * cohort_import_format_detect:
 * @file: the file to import
 * @out_format: (out): its format
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Tells the formats apart by the file's first few kilobytes: XML whose root is IMS
 * Enterprise's <enterprise>, other XML (taken for XCRI-CAP, whose reader says so if it is
 * not), or text (CSV).
 *
 * Returns: %TRUE with @out_format set, %FALSE when @file cannot be read
 */
gboolean
cohort_import_format_detect (GFile               *file,
                             CohortImportFormat  *out_format,
                             GCancellable        *cancellable,
                             GError             **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  char buffer[4096];
  gsize n = 0;
  const char *start;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (out_format != NULL, FALSE);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, sizeof buffer - 1, &n,
                                cancellable, error))
    return FALSE;
  buffer[n] = '\0';

  start = buffer;
  if (n >= 3 && memcmp (buffer, "\xef\xbb\xbf", 3) == 0)
    start += 3;
  while (g_ascii_isspace (*start))
    start++;

  /* UTF-16 (a byte-order mark, or NUL bytes) is XML here: CSV is read as UTF-8 only. */
  if (*start == '<' || (n >= 2 && ((guchar) buffer[0] == 0xff || (guchar) buffer[0] == 0xfe)) ||
      memchr (buffer, '\0', n) != NULL)
    {
      if (strstr (start, "<enterprise") != NULL || strstr (start, ":enterprise") != NULL)
        *out_format = COHORT_IMPORT_FORMAT_IMS;
      else
        *out_format = COHORT_IMPORT_FORMAT_XCRI;
    }
  else
    {
      *out_format = COHORT_IMPORT_FORMAT_CSV;
    }

  return TRUE;
}

/* Whether the header of @file, read for @target, has a column of @target at all and, when
 * @fields is given, one of those. */
static gboolean
csv_header_has (GFile              *file,
                CohortCsvTarget     target,
                const char * const *fields)
{
  g_autoptr(CohortCsvReader) reader = NULL;

  reader = cohort_csv_reader_new_for_file (file, target, NULL);
  if (reader == NULL || !cohort_csv_reader_read_header (reader, NULL, NULL))
    return FALSE;

  if (fields == NULL)
    return TRUE;

  for (guint i = 0; i < COHORT_CSV_MAX_COLUMNS; i++)
    {
      const char *field = cohort_csv_reader_get_column_field (reader, i);

      if (field != NULL && g_strv_contains (fields, field))
        return TRUE;
    }

  return FALSE;
}

/**
 * cohort_import_format_detect_csv_target:
 * @file: a CSV file
 *
 * What the rows of a CSV file are, from its header: placements if it has a host, office or
 * duty station column, trainees if it has a person's name, organisations otherwise.
 *
 * Returns: what the rows of @file are
 */
CohortCsvTarget
cohort_import_format_detect_csv_target (GFile *file)
{
  static const char * const placement_fields[] = { "host", "office", "duty_station", NULL };

  if (csv_header_has (file, COHORT_CSV_TARGET_PLACEMENTS, placement_fields))
    return COHORT_CSV_TARGET_PLACEMENTS;
  if (csv_header_has (file, COHORT_CSV_TARGET_TRAINEES, NULL))
    return COHORT_CSV_TARGET_TRAINEES;

  return COHORT_CSV_TARGET_ORGANISATIONS;
}
