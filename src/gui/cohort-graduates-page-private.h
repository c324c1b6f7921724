/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the page shows, without walking its widget tree. */

#include "cohort-graduates-page.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

GtkSingleSelection *cohort_graduates_page_get_selection     (CohortGraduatesPage *self);
const char         *cohort_graduates_page_get_visible_state (CohortGraduatesPage *self);
gboolean            cohort_graduates_page_is_busy           (CohortGraduatesPage *self);
char               *cohort_graduates_page_dup_cell_text     (CohortGraduatesPage *self,
                                                             guint                position,
                                                             guint                column);

G_END_DECLS
