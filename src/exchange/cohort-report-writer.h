/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cohort-report.h"

G_BEGIN_DECLS

gboolean cohort_report_write_text       (CohortReport        *report,
                                         GOutputStream       *stream,
                                         GError             **error);
gboolean cohort_report_write_csv        (CohortReport        *report,
                                         GOutputStream       *stream,
                                         GError             **error);
gboolean cohort_report_write_csv_figure (CohortReportFigure  *figure,
                                         GOutputStream       *stream,
                                         GError             **error);
gboolean cohort_report_write_json       (CohortReport        *report,
                                         GOutputStream       *stream,
                                         GError             **error);

G_END_DECLS
