/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_RUN_TRAINER (cohort_run_trainer_get_type ())

G_DECLARE_FINAL_TYPE (CohortRunTrainer, cohort_run_trainer, COHORT, RUN_TRAINER, CohortRecord)

CohortRunTrainer *cohort_run_trainer_new           (void);
gint64            cohort_run_trainer_get_run_id    (CohortRunTrainer *self);
void              cohort_run_trainer_set_run_id    (CohortRunTrainer *self,
                                                    gint64            run_id);
gint64            cohort_run_trainer_get_person_id (CohortRunTrainer *self);
void              cohort_run_trainer_set_person_id (CohortRunTrainer *self,
                                                    gint64            person_id);
const char       *cohort_run_trainer_get_role      (CohortRunTrainer *self);
void              cohort_run_trainer_set_role      (CohortRunTrainer *self,
                                                    const char       *role);

G_END_DECLS
