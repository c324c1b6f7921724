/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the page shows, without walking its widget tree. */

#include "cohort-person-editor.h"
#include "cohort-query-model.h"
#include "cohort-trainees-page.h"

G_BEGIN_DECLS

GtkSingleSelection *cohort_trainees_page_get_selection        (CohortTraineesPage *self);
CohortPersonEditor *cohort_trainees_page_get_editor           (CohortTraineesPage *self);
const char         *cohort_trainees_page_get_visible_state    (CohortTraineesPage *self);
AdwMessageDialog   *cohort_trainees_page_get_duplicate_dialog (CohortTraineesPage *self);
gboolean            cohort_trainees_page_is_busy              (CohortTraineesPage *self);

G_END_DECLS
