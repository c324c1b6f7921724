/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

#define COHORT_TYPE_COURSES_PAGE (cohort_courses_page_get_type ())

G_DECLARE_FINAL_TYPE (CohortCoursesPage, cohort_courses_page, COHORT, COURSES_PAGE, AdwBin)

GtkWidget        *cohort_courses_page_new          (CohortDatabase    *database);
CohortDatabase   *cohort_courses_page_get_database (CohortCoursesPage *self);
CohortQueryModel *cohort_courses_page_get_model    (CohortCoursesPage *self);

G_END_DECLS
