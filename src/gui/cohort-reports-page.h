/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-report.h"

G_BEGIN_DECLS

#define COHORT_TYPE_REPORTS_PAGE (cohort_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (CohortReportsPage, cohort_reports_page, COHORT, REPORTS_PAGE, AdwBin)

GtkWidget      *cohort_reports_page_new          (CohortDatabase    *database);
CohortDatabase *cohort_reports_page_get_database (CohortReportsPage *self);
/* The report shown, or NULL while the first one is counted. */
CohortReport   *cohort_reports_page_get_report   (CohortReportsPage *self);

G_END_DECLS
