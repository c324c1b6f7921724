/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the dialog shows, without walking its widget tree. */

#include "cohort-import-dialog.h"
#include "cohort-import-plan.h"

G_BEGIN_DECLS

const char       *cohort_import_dialog_get_visible_state (CohortImportDialog *self);
gboolean          cohort_import_dialog_is_busy           (CohortImportDialog *self);
CohortImportPlan *cohort_import_dialog_get_plan          (CohortImportDialog *self);
const char       *cohort_import_dialog_get_error_text    (CohortImportDialog *self);
const char       *cohort_import_dialog_get_summary       (CohortImportDialog *self);
GListModel       *cohort_import_dialog_get_items         (CohortImportDialog *self);

G_END_DECLS
