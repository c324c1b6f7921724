/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the page shows, without walking its widget tree. */

#include "cohort-courses-page.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

CohortQueryModel   *cohort_courses_page_get_runs            (CohortCoursesPage *self);
CohortQueryModel   *cohort_courses_page_get_enrolments      (CohortCoursesPage *self);
CohortQueryModel   *cohort_courses_page_get_persons         (CohortCoursesPage *self);
GtkSingleSelection *cohort_courses_page_get_selection       (CohortCoursesPage *self);
GtkSingleSelection *cohort_courses_page_get_run_selection   (CohortCoursesPage *self);
GtkSingleSelection *cohort_courses_page_get_enrolment_selection (CohortCoursesPage *self);
GtkWidget          *cohort_courses_page_get_field_row       (CohortCoursesPage *self,
                                                             const char        *editor,
                                                             const char        *field);
const char         *cohort_courses_page_get_error_text      (CohortCoursesPage *self,
                                                             const char        *editor);
const char         *cohort_courses_page_get_visible_state   (CohortCoursesPage *self);
void                cohort_courses_page_enrol_person        (CohortCoursesPage *self,
                                                             gint64             person_id);
gboolean            cohort_courses_page_is_busy             (CohortCoursesPage *self);

G_END_DECLS
