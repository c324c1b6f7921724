/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-person.h"
#include "cohort-record-editor.h"

G_BEGIN_DECLS

/**
 * CohortPersonHistory:
 * @COHORT_PERSON_HISTORY_ENROLMENT: an enrolment in a course run
 * @COHORT_PERSON_HISTORY_PLACEMENT: a placement
 * @COHORT_PERSON_HISTORY_CAREER: a career record
 *
 * The records of a person the editor lists under the person's fields, each opening its
 * editor.
 */
typedef enum
{
  COHORT_PERSON_HISTORY_ENROLMENT,
  COHORT_PERSON_HISTORY_PLACEMENT,
  COHORT_PERSON_HISTORY_CAREER,
} CohortPersonHistory;

#define COHORT_TYPE_PERSON_EDITOR (cohort_person_editor_get_type ())

G_DECLARE_FINAL_TYPE (CohortPersonEditor, cohort_person_editor, COHORT, PERSON_EDITOR, AdwBin)

GtkWidget    *cohort_person_editor_new            (void);
CohortPerson *cohort_person_editor_get_person     (CohortPersonEditor *self);
void          cohort_person_editor_set_person     (CohortPersonEditor *self,
                                                   CohortPerson       *person);
CohortPerson *cohort_person_editor_dup_edited     (CohortPersonEditor *self);
gboolean      cohort_person_editor_get_modified   (CohortPersonEditor *self);
void          cohort_person_editor_show_error     (CohortPersonEditor *self,
                                                   const GError       *error);
void          cohort_person_editor_clear_error    (CohortPersonEditor *self);
GtkWidget    *cohort_person_editor_get_field_row  (CohortPersonEditor *self,
                                                   const char         *field);
const char   *cohort_person_editor_get_error_text (CohortPersonEditor *self);
void          cohort_person_editor_focus_first    (CohortPersonEditor *self);
GtkWidget    *cohort_person_editor_get_back_button (CohortPersonEditor *self);
guint         cohort_person_editor_get_n_history  (CohortPersonEditor  *self,
                                                   CohortPersonHistory  kind);
CohortDatabase *cohort_person_editor_get_database (CohortPersonEditor *self);
void          cohort_person_editor_set_database   (CohortPersonEditor *self,
                                                   CohortDatabase     *database);
void          cohort_person_editor_reload_records (CohortPersonEditor *self);
CohortRecord *cohort_person_editor_get_history_record (CohortPersonEditor  *self,
                                                       CohortPersonHistory  kind,
                                                       guint                position);
CohortRecordEditor *cohort_person_editor_add_record    (CohortPersonEditor  *self,
                                                        CohortPersonHistory  kind);
CohortRecordEditor *cohort_person_editor_edit_record   (CohortPersonEditor  *self,
                                                        CohortPersonHistory  kind,
                                                        guint                position);
gboolean      cohort_person_editor_delete_record  (CohortPersonEditor   *self,
                                                   CohortPersonHistory   kind,
                                                   guint                 position,
                                                   GError              **error);

G_END_DECLS
