/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_PLACEMENT (cohort_placement_get_type ())

G_DECLARE_FINAL_TYPE (CohortPlacement, cohort_placement, COHORT, PLACEMENT, CohortRecord)

CohortPlacement *cohort_placement_new                 (void);
gint64           cohort_placement_get_person_id       (CohortPlacement *self);
void             cohort_placement_set_person_id       (CohortPlacement *self,
                                                       gint64           person_id);
gint64           cohort_placement_get_enrolment_id    (CohortPlacement *self);
void             cohort_placement_set_enrolment_id    (CohortPlacement *self,
                                                       gint64           enrolment_id);
gint64           cohort_placement_get_host_id         (CohortPlacement *self);
void             cohort_placement_set_host_id         (CohortPlacement *self,
                                                       gint64           host_id);
gint64           cohort_placement_get_office_id       (CohortPlacement *self);
void             cohort_placement_set_office_id       (CohortPlacement *self,
                                                       gint64           office_id);
const char      *cohort_placement_get_duty_station    (CohortPlacement *self);
void             cohort_placement_set_duty_station    (CohortPlacement *self,
                                                       const char      *duty_station);
const char      *cohort_placement_get_country         (CohortPlacement *self);
void             cohort_placement_set_country         (CohortPlacement *self,
                                                       const char      *country);
const char      *cohort_placement_get_position_title  (CohortPlacement *self);
void             cohort_placement_set_position_title  (CohortPlacement *self,
                                                       const char      *position_title);
const char      *cohort_placement_get_modality        (CohortPlacement *self);
void             cohort_placement_set_modality        (CohortPlacement *self,
                                                       const char      *modality);
const char      *cohort_placement_get_funded_by       (CohortPlacement *self);
void             cohort_placement_set_funded_by       (CohortPlacement *self,
                                                       const char      *funded_by);
gint64           cohort_placement_get_supervisor_id   (CohortPlacement *self);
void             cohort_placement_set_supervisor_id   (CohortPlacement *self,
                                                       gint64           supervisor_id);
const char      *cohort_placement_get_start_date      (CohortPlacement *self);
void             cohort_placement_set_start_date      (CohortPlacement *self,
                                                       const char      *start_date);
const char      *cohort_placement_get_end_date        (CohortPlacement *self);
void             cohort_placement_set_end_date        (CohortPlacement *self,
                                                       const char      *end_date);
const char      *cohort_placement_get_actual_end_date (CohortPlacement *self);
void             cohort_placement_set_actual_end_date (CohortPlacement *self,
                                                       const char      *actual_end_date);
const char      *cohort_placement_get_status          (CohortPlacement *self);
void             cohort_placement_set_status          (CohortPlacement *self,
                                                       const char      *status);
const char      *cohort_placement_get_evaluation      (CohortPlacement *self);
void             cohort_placement_set_evaluation      (CohortPlacement *self,
                                                       const char      *evaluation);

G_END_DECLS
