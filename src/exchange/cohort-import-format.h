/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-csv-reader.h"

G_BEGIN_DECLS

/**
 * CohortImportFormat:
 * @COHORT_IMPORT_FORMAT_XCRI: an XCRI-CAP 1.2 course catalogue
 * @COHORT_IMPORT_FORMAT_IMS: IMS Enterprise 1.1 persons, groups and memberships
 * @COHORT_IMPORT_FORMAT_CSV: a CSV file of trainees, organisations or placements
 *
 * The formats Cohort imports.
 */
typedef enum
{
  COHORT_IMPORT_FORMAT_XCRI,
  COHORT_IMPORT_FORMAT_IMS,
  COHORT_IMPORT_FORMAT_CSV,
} CohortImportFormat;

gboolean        cohort_import_format_detect     (GFile               *file,
                                                 CohortImportFormat  *out_format,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
CohortCsvTarget cohort_import_format_detect_csv_target (GFile        *file);

G_END_DECLS
