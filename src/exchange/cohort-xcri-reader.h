/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-import-record.h"

G_BEGIN_DECLS

/**
 * CohortXcriReaderFlags:
 * @COHORT_XCRI_READER_DEFAULT: read only
 * @COHORT_XCRI_READER_VALIDATE: also check the file against the XCRI-CAP 1.2 XML schemas
 *   (Cohort's local copies, never the network); what does not follow them becomes a
 *   %COHORT_IMPORT_ISSUE_SCHEMA warning, since usable feeds in the wild often fail the schema
 * @COHORT_XCRI_READER_NO_DUPLICATE_CHECK: do not remember identifiers to reject a course or run
 *   whose identifier an earlier one in the file already had.  Checking keeps every identifier
 *   in memory; a consumer that finds duplicates itself (in the database) can turn it off so
 *   that memory stays the same whatever the size of the file.
 */
typedef enum
{
  COHORT_XCRI_READER_DEFAULT            = 0,
  COHORT_XCRI_READER_VALIDATE           = 1 << 0,
  COHORT_XCRI_READER_NO_DUPLICATE_CHECK = 1 << 1,
} CohortXcriReaderFlags;

#define COHORT_TYPE_XCRI_READER (cohort_xcri_reader_get_type ())

G_DECLARE_FINAL_TYPE (CohortXcriReader, cohort_xcri_reader, COHORT, XCRI_READER, GObject)

CohortXcriReader   *cohort_xcri_reader_new                (GFile                 *file,
                                                           CohortXcriReaderFlags  flags);
CohortXcriReader   *cohort_xcri_reader_new_for_stream     (GInputStream          *stream,
                                                           const char            *file_name,
                                                           CohortXcriReaderFlags  flags);
CohortXcriReader   *cohort_xcri_reader_new_for_bytes      (GBytes                *bytes,
                                                           const char            *file_name,
                                                           CohortXcriReaderFlags  flags);
const char         *cohort_xcri_reader_get_file_name      (CohortXcriReader      *self);
CohortImportRecord *cohort_xcri_reader_next               (CohortXcriReader      *self,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
gboolean            cohort_xcri_reader_read_all           (CohortXcriReader      *self,
                                                           GPtrArray            **out_records,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
GPtrArray          *cohort_xcri_reader_get_issues         (CohortXcriReader      *self);
gboolean            cohort_xcri_reader_get_error_location (CohortXcriReader      *self,
                                                           guint                 *line,
                                                           guint                 *column);

G_END_DECLS
