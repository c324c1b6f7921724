/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"

G_BEGIN_DECLS

#define COHORT_TYPE_HISTORY_DIALOG (cohort_history_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CohortHistoryDialog, cohort_history_dialog, COHORT, HISTORY_DIALOG,
                      AdwWindow)

CohortHistoryDialog *cohort_history_dialog_new       (GtkWindow           *parent,
                                                      CohortDatabase      *database,
                                                      gint64               person_id,
                                                      const char          *subtitle);
GListModel          *cohort_history_dialog_get_model (CohortHistoryDialog *self);

G_END_DECLS
