/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_ORGANISATION (cohort_organisation_get_type ())

G_DECLARE_FINAL_TYPE (CohortOrganisation, cohort_organisation, COHORT, ORGANISATION, CohortRecord)

CohortOrganisation *cohort_organisation_new           (void);
const char         *cohort_organisation_get_name      (CohortOrganisation *self);
void                cohort_organisation_set_name      (CohortOrganisation *self,
                                                       const char         *name);
const char         *cohort_organisation_get_acronym   (CohortOrganisation *self);
void                cohort_organisation_set_acronym   (CohortOrganisation *self,
                                                       const char         *acronym);
const char         *cohort_organisation_get_kind      (CohortOrganisation *self);
void                cohort_organisation_set_kind      (CohortOrganisation *self,
                                                       const char         *kind);
gint64              cohort_organisation_get_parent_id (CohortOrganisation *self);
void                cohort_organisation_set_parent_id (CohortOrganisation *self,
                                                       gint64              parent_id);
const char         *cohort_organisation_get_country   (CohortOrganisation *self);
void                cohort_organisation_set_country   (CohortOrganisation *self,
                                                       const char         *country);
const char         *cohort_organisation_get_city      (CohortOrganisation *self);
void                cohort_organisation_set_city      (CohortOrganisation *self,
                                                       const char         *city);

G_END_DECLS
