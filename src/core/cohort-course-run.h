/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_COURSE_RUN (cohort_course_run_get_type ())

G_DECLARE_FINAL_TYPE (CohortCourseRun, cohort_course_run, COHORT, COURSE_RUN, CohortRecord)

CohortCourseRun *cohort_course_run_new             (void);
gint64           cohort_course_run_get_course_id   (CohortCourseRun *self);
void             cohort_course_run_set_course_id   (CohortCourseRun *self,
                                                    gint64           course_id);
const char      *cohort_course_run_get_code        (CohortCourseRun *self);
void             cohort_course_run_set_code        (CohortCourseRun *self,
                                                    const char      *code);
const char      *cohort_course_run_get_start_date  (CohortCourseRun *self);
void             cohort_course_run_set_start_date  (CohortCourseRun *self,
                                                    const char      *start_date);
const char      *cohort_course_run_get_end_date    (CohortCourseRun *self);
void             cohort_course_run_set_end_date    (CohortCourseRun *self,
                                                    const char      *end_date);
const char      *cohort_course_run_get_mode        (CohortCourseRun *self);
void             cohort_course_run_set_mode        (CohortCourseRun *self,
                                                    const char      *mode);
const char      *cohort_course_run_get_venue       (CohortCourseRun *self);
void             cohort_course_run_set_venue       (CohortCourseRun *self,
                                                    const char      *venue);
int              cohort_course_run_get_capacity    (CohortCourseRun *self);
void             cohort_course_run_set_capacity    (CohortCourseRun *self,
                                                    int              capacity);
const char      *cohort_course_run_get_status      (CohortCourseRun *self);
void             cohort_course_run_set_status      (CohortCourseRun *self,
                                                    const char      *status);
int              cohort_course_run_get_fiscal_year (CohortCourseRun *self);
void             cohort_course_run_set_fiscal_year (CohortCourseRun *self,
                                                    int              fiscal_year);

G_END_DECLS
