/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cohort-enums.h"

G_BEGIN_DECLS

/**
 * CohortVocabulary:
 * @COHORT_VOCABULARY_GENDER: `person.gender`, the reporting category
 * @COHORT_VOCABULARY_NAME_ORDER: `person.name_order`
 * @COHORT_VOCABULARY_ORGANISATION_KIND: `organisation.kind`
 * @COHORT_VOCABULARY_RUN_MODE: `course_run.mode`
 * @COHORT_VOCABULARY_RUN_STATUS: `course_run.status`
 * @COHORT_VOCABULARY_ENROLMENT_STATUS: `enrolment.status`
 * @COHORT_VOCABULARY_TRAINER_ROLE: `run_trainer.role`
 * @COHORT_VOCABULARY_PLACEMENT_MODALITY: `placement.modality`
 * @COHORT_VOCABULARY_PLACEMENT_STATUS: `placement.status`
 * @COHORT_VOCABULARY_CAREER_SECTOR: `career_record.sector`, the ministry's classes
 * @COHORT_VOCABULARY_CAREER_SOURCE: `career_record.source`
 * @COHORT_VOCABULARY_IMPORT_FORMAT: `import_batch.format`
 * @COHORT_VOCABULARY_IMPORT_OUTCOME: `import_batch.outcome`
 *
 * The closed lists of the data model.  Each term is stored as a short stable text code
 * (`on_assignment`) and shown with a translated label.
 */
typedef enum
{
  COHORT_VOCABULARY_GENDER,
  COHORT_VOCABULARY_NAME_ORDER,
  COHORT_VOCABULARY_ORGANISATION_KIND,
  COHORT_VOCABULARY_RUN_MODE,
  COHORT_VOCABULARY_RUN_STATUS,
  COHORT_VOCABULARY_ENROLMENT_STATUS,
  COHORT_VOCABULARY_TRAINER_ROLE,
  COHORT_VOCABULARY_PLACEMENT_MODALITY,
  COHORT_VOCABULARY_PLACEMENT_STATUS,
  COHORT_VOCABULARY_CAREER_SECTOR,
  COHORT_VOCABULARY_CAREER_SOURCE,
  COHORT_VOCABULARY_IMPORT_FORMAT,
  COHORT_VOCABULARY_IMPORT_OUTCOME,
} CohortVocabulary;

/**
 * CohortVocabularyTerm:
 * @code: the stable code stored in the database
 * @context: the message context of @label (the vocabulary's name)
 * @label: the untranslated label; translate with cohort_vocabulary_term_get_label()
 */
typedef struct
{
  const char *code;
  const char *context;
  const char *label;
} CohortVocabularyTerm;

const CohortVocabularyTerm *cohort_vocabulary_get_terms      (CohortVocabulary  vocabulary,
                                                              guint            *n_terms);
const char                 *cohort_vocabulary_get_default    (CohortVocabulary  vocabulary);
gboolean                    cohort_vocabulary_contains       (CohortVocabulary  vocabulary,
                                                              const char       *code);
const char                 *cohort_vocabulary_get_label      (CohortVocabulary  vocabulary,
                                                              const char       *code);
const char                 *cohort_vocabulary_get_title      (CohortVocabulary  vocabulary);
const char                 *cohort_vocabulary_term_get_label (const CohortVocabularyTerm *term);

G_END_DECLS
