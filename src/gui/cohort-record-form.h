/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_RECORD_FORM (cohort_record_form_get_type ())

G_DECLARE_FINAL_TYPE (CohortRecordForm, cohort_record_form, COHORT, RECORD_FORM, AdwBin)

GtkWidget    *cohort_record_form_new             (void);
void          cohort_record_form_build           (CohortRecordForm  *self,
                                                  CohortDatabase    *database,
                                                  GType              type,
                                                  gboolean           choose_person);
CohortRecord *cohort_record_form_get_record      (CohortRecordForm  *self);
void          cohort_record_form_set_record      (CohortRecordForm  *self,
                                                  CohortRecord      *record);
CohortRecord *cohort_record_form_dup_edited      (CohortRecordForm  *self,
                                                  GError           **error);
void          cohort_record_form_show_error      (CohortRecordForm  *self,
                                                  const GError      *error);
void          cohort_record_form_clear_error     (CohortRecordForm  *self);
GtkWidget    *cohort_record_form_get_field_row   (CohortRecordForm  *self,
                                                  const char        *field);
const char   *cohort_record_form_get_error_field (CohortRecordForm  *self);
const char   *cohort_record_form_get_error_text  (CohortRecordForm  *self);
void          cohort_record_form_focus_first     (CohortRecordForm  *self);
CohortRecord *cohort_record_copy                 (CohortRecord      *record);

GtkWidget    *cohort_record_form_mark_row        (GtkWidget         *row,
                                                  const char        *message);
void          cohort_record_form_unmark_row      (GtkWidget         *row,
                                                  GtkWidget         *message_row);

G_END_DECLS
