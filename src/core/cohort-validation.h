/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "cohort-types.h"

G_BEGIN_DECLS

#define COHORT_VALIDATION_ERROR (cohort_validation_error_quark ())

/**
 * CohortValidationError:
 * @COHORT_VALIDATION_ERROR_REQUIRED: a value that must be given is missing
 * @COHORT_VALIDATION_ERROR_INVALID: a value is not of the right shape or not from its list
 * @COHORT_VALIDATION_ERROR_ORDER: an end comes before its start
 * @COHORT_VALIDATION_ERROR_DUPLICATE: a code (or another unique value) is already used
 * @COHORT_VALIDATION_ERROR_OVERLAP: two placements of one person at the same time
 * @COHORT_VALIDATION_ERROR_NOT_FOUND: a referenced row does not exist or was deleted
 * @COHORT_VALIDATION_ERROR_CONFLICT: the change contradicts what is stored
 *
 * Why a record was refused.  Every error of this domain names the field (the column, e.g.
 * `end_date`) it concerns: see cohort_validation_error_get_field().
 */
typedef enum
{
  COHORT_VALIDATION_ERROR_REQUIRED,
  COHORT_VALIDATION_ERROR_INVALID,
  COHORT_VALIDATION_ERROR_ORDER,
  COHORT_VALIDATION_ERROR_DUPLICATE,
  COHORT_VALIDATION_ERROR_OVERLAP,
  COHORT_VALIDATION_ERROR_NOT_FOUND,
  COHORT_VALIDATION_ERROR_CONFLICT,
} CohortValidationError;

GQuark      cohort_validation_error_quark      (void);
const char *cohort_validation_error_get_field  (const GError          *error);
void        cohort_validation_set_error        (GError               **error,
                                                CohortValidationError  code,
                                                const char            *field,
                                                const char            *format,
                                                ...) G_GNUC_PRINTF (4, 5);
const char *cohort_validation_get_field_label  (const char            *field);

gboolean    cohort_record_validate             (CohortRecord          *record,
                                                GError               **error);

G_END_DECLS
