/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-import-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_IMS_READER (cohort_ims_reader_get_type ())

G_DECLARE_FINAL_TYPE (CohortImsReader, cohort_ims_reader, COHORT, IMS_READER, GObject)

CohortImsReader    *cohort_ims_reader_new                (GFile            *file);
CohortImsReader    *cohort_ims_reader_new_for_stream     (GInputStream     *stream,
                                                          const char       *file_name);
CohortImsReader    *cohort_ims_reader_new_for_bytes      (GBytes           *bytes,
                                                          const char       *file_name);
const char         *cohort_ims_reader_get_file_name      (CohortImsReader  *self);
CohortImportRecord *cohort_ims_reader_next               (CohortImsReader  *self,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
gboolean            cohort_ims_reader_read_all           (CohortImsReader  *self,
                                                          GPtrArray       **out_records,
                                                          GCancellable     *cancellable,
                                                          GError          **error);
GPtrArray          *cohort_ims_reader_get_issues         (CohortImsReader  *self);
gboolean            cohort_ims_reader_get_error_location (CohortImsReader  *self,
                                                          guint            *line,
                                                          guint            *column);

G_END_DECLS
