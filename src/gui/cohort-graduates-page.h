/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

#define COHORT_TYPE_GRADUATES_PAGE (cohort_graduates_page_get_type ())

G_DECLARE_FINAL_TYPE (CohortGraduatesPage, cohort_graduates_page, COHORT, GRADUATES_PAGE, AdwBin)

GtkWidget        *cohort_graduates_page_new          (CohortDatabase      *database);
CohortDatabase   *cohort_graduates_page_get_database (CohortGraduatesPage *self);
CohortQueryModel *cohort_graduates_page_get_model    (CohortGraduatesPage *self);

G_END_DECLS
