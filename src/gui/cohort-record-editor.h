/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-record-form.h"
#include "cohort-record.h"

G_BEGIN_DECLS

#define COHORT_TYPE_RECORD_EDITOR (cohort_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (CohortRecordEditor, cohort_record_editor, COHORT, RECORD_EDITOR, AdwWindow)

GtkWidget        *cohort_record_editor_new      (GtkWindow          *parent,
                                                 CohortDatabase     *database,
                                                 CohortRecord       *record);
CohortRecordForm *cohort_record_editor_get_form (CohortRecordEditor *self);
gboolean          cohort_record_editor_save     (CohortRecordEditor *self);

G_END_DECLS
