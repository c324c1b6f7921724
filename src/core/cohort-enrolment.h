/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_ENROLMENT (cohort_enrolment_get_type ())

G_DECLARE_FINAL_TYPE (CohortEnrolment, cohort_enrolment, COHORT, ENROLMENT, CohortRecord)

CohortEnrolment *cohort_enrolment_new                    (void);
gint64           cohort_enrolment_get_person_id          (CohortEnrolment *self);
void             cohort_enrolment_set_person_id          (CohortEnrolment *self,
                                                          gint64           person_id);
gint64           cohort_enrolment_get_run_id             (CohortEnrolment *self);
void             cohort_enrolment_set_run_id             (CohortEnrolment *self,
                                                          gint64           run_id);
const char      *cohort_enrolment_get_status             (CohortEnrolment *self);
void             cohort_enrolment_set_status             (CohortEnrolment *self,
                                                          const char      *status);
int              cohort_enrolment_get_reserve_rank       (CohortEnrolment *self);
void             cohort_enrolment_set_reserve_rank       (CohortEnrolment *self,
                                                          int              reserve_rank);
const char      *cohort_enrolment_get_decided_on         (CohortEnrolment *self);
void             cohort_enrolment_set_decided_on         (CohortEnrolment *self,
                                                          const char      *decided_on);
const char      *cohort_enrolment_get_completed_on       (CohortEnrolment *self);
void             cohort_enrolment_set_completed_on       (CohortEnrolment *self,
                                                          const char      *completed_on);
const char      *cohort_enrolment_get_certificate_number (CohortEnrolment *self);
void             cohort_enrolment_set_certificate_number (CohortEnrolment *self,
                                                          const char      *certificate_number);
const char      *cohort_enrolment_get_withdrawal_reason  (CohortEnrolment *self);
void             cohort_enrolment_set_withdrawal_reason  (CohortEnrolment *self,
                                                          const char      *withdrawal_reason);

G_END_DECLS
