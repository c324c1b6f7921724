/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_IMPORT_BATCH (cohort_import_batch_get_type ())

G_DECLARE_FINAL_TYPE (CohortImportBatch, cohort_import_batch, COHORT, IMPORT_BATCH, CohortRecord)

CohortImportBatch *cohort_import_batch_new             (void);
const char        *cohort_import_batch_get_file_name   (CohortImportBatch *self);
void               cohort_import_batch_set_file_name   (CohortImportBatch *self,
                                                        const char        *file_name);
const char        *cohort_import_batch_get_sha256      (CohortImportBatch *self);
void               cohort_import_batch_set_sha256      (CohortImportBatch *self,
                                                        const char        *sha256);
const char        *cohort_import_batch_get_format      (CohortImportBatch *self);
void               cohort_import_batch_set_format      (CohortImportBatch *self,
                                                        const char        *format);
const char        *cohort_import_batch_get_started_at  (CohortImportBatch *self);
void               cohort_import_batch_set_started_at  (CohortImportBatch *self,
                                                        const char        *started_at);
const char        *cohort_import_batch_get_finished_at (CohortImportBatch *self);
void               cohort_import_batch_set_finished_at (CohortImportBatch *self,
                                                        const char        *finished_at);
int                cohort_import_batch_get_n_new       (CohortImportBatch *self);
void               cohort_import_batch_set_n_new       (CohortImportBatch *self,
                                                        int                n_new);
int                cohort_import_batch_get_n_updated   (CohortImportBatch *self);
void               cohort_import_batch_set_n_updated   (CohortImportBatch *self,
                                                        int                n_updated);
int                cohort_import_batch_get_n_unchanged (CohortImportBatch *self);
void               cohort_import_batch_set_n_unchanged (CohortImportBatch *self,
                                                        int                n_unchanged);
int                cohort_import_batch_get_n_rejected  (CohortImportBatch *self);
void               cohort_import_batch_set_n_rejected  (CohortImportBatch *self,
                                                        int                n_rejected);
const char        *cohort_import_batch_get_outcome     (CohortImportBatch *self);
void               cohort_import_batch_set_outcome     (CohortImportBatch *self,
                                                        const char        *outcome);

G_END_DECLS
