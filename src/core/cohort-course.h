/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_COURSE (cohort_course_get_type ())

G_DECLARE_FINAL_TYPE (CohortCourse, cohort_course, COHORT, COURSE, CohortRecord)

CohortCourse *cohort_course_new              (void);
const char   *cohort_course_get_code         (CohortCourse *self);
void          cohort_course_set_code         (CohortCourse *self,
                                              const char   *code);
const char   *cohort_course_get_title        (CohortCourse *self);
void          cohort_course_set_title        (CohortCourse *self,
                                              const char   *title);
gint64        cohort_course_get_programme_id (CohortCourse *self);
void          cohort_course_set_programme_id (CohortCourse *self,
                                              gint64        programme_id);
const char   *cohort_course_get_description  (CohortCourse *self);
void          cohort_course_set_description  (CohortCourse *self,
                                              const char   *description);
const char   *cohort_course_get_subject      (CohortCourse *self);
void          cohort_course_set_subject      (CohortCourse *self,
                                              const char   *subject);
gint64        cohort_course_get_provider_id  (CohortCourse *self);
void          cohort_course_set_provider_id  (CohortCourse *self,
                                              gint64        provider_id);
const char   *cohort_course_get_url          (CohortCourse *self);
void          cohort_course_set_url          (CohortCourse *self,
                                              const char   *url);
const char   *cohort_course_get_source       (CohortCourse *self);
void          cohort_course_set_source       (CohortCourse *self,
                                              const char   *source);

G_END_DECLS
