/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_PERSON (cohort_person_get_type ())

G_DECLARE_FINAL_TYPE (CohortPerson, cohort_person, COHORT, PERSON, CohortRecord)

CohortPerson *cohort_person_new                   (void);
const char   *cohort_person_get_code              (CohortPerson *self);
void          cohort_person_set_code              (CohortPerson *self,
                                                   const char   *code);
const char   *cohort_person_get_family_name       (CohortPerson *self);
void          cohort_person_set_family_name       (CohortPerson *self,
                                                   const char   *family_name);
const char   *cohort_person_get_given_name        (CohortPerson *self);
void          cohort_person_set_given_name        (CohortPerson *self,
                                                   const char   *given_name);
const char   *cohort_person_get_family_name_local (CohortPerson *self);
void          cohort_person_set_family_name_local (CohortPerson *self,
                                                   const char   *family_name_local);
const char   *cohort_person_get_given_name_local  (CohortPerson *self);
void          cohort_person_set_given_name_local  (CohortPerson *self,
                                                   const char   *given_name_local);
const char   *cohort_person_get_name_order        (CohortPerson *self);
void          cohort_person_set_name_order        (CohortPerson *self,
                                                   const char   *name_order);
const char   *cohort_person_get_gender            (CohortPerson *self);
void          cohort_person_set_gender            (CohortPerson *self,
                                                   const char   *gender);
const char   *cohort_person_get_gender_self       (CohortPerson *self);
void          cohort_person_set_gender_self       (CohortPerson *self,
                                                   const char   *gender_self);
const char   *cohort_person_get_birth_date        (CohortPerson *self);
void          cohort_person_set_birth_date        (CohortPerson *self,
                                                   const char   *birth_date);
const char   *cohort_person_get_nationality       (CohortPerson *self);
void          cohort_person_set_nationality       (CohortPerson *self,
                                                   const char   *nationality);
const char   *cohort_person_get_email             (CohortPerson *self);
void          cohort_person_set_email             (CohortPerson *self,
                                                   const char   *email);
const char   *cohort_person_get_phone             (CohortPerson *self);
void          cohort_person_set_phone             (CohortPerson *self,
                                                   const char   *phone);
gint64        cohort_person_get_affiliation_id    (CohortPerson *self);
void          cohort_person_set_affiliation_id    (CohortPerson *self,
                                                   gint64        affiliation_id);
const char   *cohort_person_get_notes             (CohortPerson *self);
void          cohort_person_set_notes             (CohortPerson *self,
                                                   const char   *notes);
const char   *cohort_person_get_anonymised_at     (CohortPerson *self);
void          cohort_person_set_anonymised_at     (CohortPerson *self,
                                                   const char   *anonymised_at);

G_END_DECLS
