/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

#define COHORT_TYPE_PLACEMENTS_PAGE (cohort_placements_page_get_type ())

G_DECLARE_FINAL_TYPE (CohortPlacementsPage, cohort_placements_page, COHORT, PLACEMENTS_PAGE,
                      AdwBin)

GtkWidget        *cohort_placements_page_new          (CohortDatabase       *database);
CohortDatabase   *cohort_placements_page_get_database (CohortPlacementsPage *self);
CohortQueryModel *cohort_placements_page_get_model    (CohortPlacementsPage *self);

G_END_DECLS
