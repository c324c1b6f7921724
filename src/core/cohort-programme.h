/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_PROGRAMME (cohort_programme_get_type ())

G_DECLARE_FINAL_TYPE (CohortProgramme, cohort_programme, COHORT, PROGRAMME, CohortRecord)

CohortProgramme *cohort_programme_new      (void);
const char      *cohort_programme_get_code (CohortProgramme *self);
void             cohort_programme_set_code (CohortProgramme *self,
                                            const char      *code);
const char      *cohort_programme_get_name (CohortProgramme *self);
void             cohort_programme_set_name (CohortProgramme *self,
                                            const char      *name);

G_END_DECLS
