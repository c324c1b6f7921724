/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COHORT_TYPE_CSV_WRITER (cohort_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (CohortCsvWriter, cohort_csv_writer, COHORT, CSV_WRITER, GObject)

CohortCsvWriter *cohort_csv_writer_new        (GOutputStream    *stream);
gboolean         cohort_csv_writer_write_row  (CohortCsvWriter  *self,
                                               const char * const *cells,
                                               gssize            n_cells,
                                               GCancellable     *cancellable,
                                               GError          **error);
char            *cohort_csv_dup_cell          (const char       *value);

G_END_DECLS
