/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-import-record.h"

G_BEGIN_DECLS

/**
 * CohortCsvTarget:
 * @COHORT_CSV_TARGET_TRAINEES: rows of people (#CohortImportPerson)
 * @COHORT_CSV_TARGET_ORGANISATIONS: rows of organisations (#CohortImportOrganisation)
 * @COHORT_CSV_TARGET_PLACEMENTS: rows of placements (#CohortImportPlacement)
 *
 * What the rows of a CSV file are, which decides how its header is read.
 */
typedef enum
{
  COHORT_CSV_TARGET_TRAINEES,
  COHORT_CSV_TARGET_ORGANISATIONS,
  COHORT_CSV_TARGET_PLACEMENTS,
} CohortCsvTarget;

/* Limits on what a CSV file may hold; beyond them the file is refused. */
#define COHORT_CSV_MAX_FIELD_SIZE   (1024 * 1024)
#define COHORT_CSV_MAX_COLUMNS      1000
#define COHORT_CSV_MAX_FILE_SIZE    ((goffset) 256 * 1024 * 1024)

#define COHORT_TYPE_CSV_READER (cohort_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (CohortCsvReader, cohort_csv_reader, COHORT, CSV_READER, GObject)

CohortCsvReader    *cohort_csv_reader_new                (GInputStream     *stream,
                                                          const char       *file_name,
                                                          CohortCsvTarget   target);
CohortCsvReader    *cohort_csv_reader_new_for_file       (GFile            *file,
                                                          CohortCsvTarget   target,
                                                          GError          **error);
const char         *cohort_csv_reader_get_file_name      (CohortCsvReader  *self);
CohortCsvTarget     cohort_csv_reader_get_target         (CohortCsvReader  *self);
char                cohort_csv_reader_get_delimiter      (CohortCsvReader  *self);
gboolean            cohort_csv_reader_get_had_bom        (CohortCsvReader  *self);
char              **cohort_csv_reader_next_row           (CohortCsvReader  *self,
                                                          guint            *out_line,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
gboolean            cohort_csv_reader_read_header        (CohortCsvReader  *self,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
const char         *cohort_csv_reader_get_column_field   (CohortCsvReader  *self,
                                                          guint             column);
CohortImportRecord *cohort_csv_reader_next               (CohortCsvReader  *self,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
gboolean            cohort_csv_reader_read_all           (CohortCsvReader  *self,
                                                          GPtrArray       **out_records,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
GPtrArray          *cohort_csv_reader_get_issues         (CohortCsvReader  *self);

char               *cohort_csv_dup_country_code          (const char       *text);

G_END_DECLS
