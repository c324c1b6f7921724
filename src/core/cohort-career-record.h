/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_CAREER_RECORD (cohort_career_record_get_type ())

G_DECLARE_FINAL_TYPE (CohortCareerRecord, cohort_career_record, COHORT, CAREER_RECORD, CohortRecord)

CohortCareerRecord *cohort_career_record_new                 (void);
gint64              cohort_career_record_get_person_id       (CohortCareerRecord *self);
void                cohort_career_record_set_person_id       (CohortCareerRecord *self,
                                                              gint64              person_id);
gint64              cohort_career_record_get_organisation_id (CohortCareerRecord *self);
void                cohort_career_record_set_organisation_id (CohortCareerRecord *self,
                                                              gint64              organisation_id);
const char         *cohort_career_record_get_position_title  (CohortCareerRecord *self);
void                cohort_career_record_set_position_title  (CohortCareerRecord *self,
                                                              const char         *position_title);
const char         *cohort_career_record_get_sector          (CohortCareerRecord *self);
void                cohort_career_record_set_sector          (CohortCareerRecord *self,
                                                              const char         *sector);
const char         *cohort_career_record_get_country         (CohortCareerRecord *self);
void                cohort_career_record_set_country         (CohortCareerRecord *self,
                                                              const char         *country);
const char         *cohort_career_record_get_start_date      (CohortCareerRecord *self);
void                cohort_career_record_set_start_date      (CohortCareerRecord *self,
                                                              const char         *start_date);
const char         *cohort_career_record_get_end_date        (CohortCareerRecord *self);
void                cohort_career_record_set_end_date        (CohortCareerRecord *self,
                                                              const char         *end_date);
const char         *cohort_career_record_get_source          (CohortCareerRecord *self);
void                cohort_career_record_set_source          (CohortCareerRecord *self,
                                                              const char         *source);
const char         *cohort_career_record_get_verified_on     (CohortCareerRecord *self);
void                cohort_career_record_set_verified_on     (CohortCareerRecord *self,
                                                              const char         *verified_on);

G_END_DECLS
