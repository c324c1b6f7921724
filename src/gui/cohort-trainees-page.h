/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

#define COHORT_TYPE_TRAINEES_PAGE (cohort_trainees_page_get_type ())

G_DECLARE_FINAL_TYPE (CohortTraineesPage, cohort_trainees_page, COHORT, TRAINEES_PAGE, AdwBin)

GtkWidget        *cohort_trainees_page_new          (CohortDatabase     *database);
CohortDatabase   *cohort_trainees_page_get_database (CohortTraineesPage *self);
CohortQueryModel *cohort_trainees_page_get_model    (CohortTraineesPage *self);

G_END_DECLS
