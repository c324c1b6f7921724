/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the page shows, without walking its widget tree. */

#include "cohort-placement.h"
#include "cohort-placements-page.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

GtkSingleSelection *cohort_placements_page_get_selection     (CohortPlacementsPage *self);
const char         *cohort_placements_page_get_visible_state (CohortPlacementsPage *self);
gboolean            cohort_placements_page_is_busy           (CohortPlacementsPage *self);
CohortPlacement    *cohort_placements_page_get_placement     (CohortPlacementsPage *self);
GtkWidget          *cohort_placements_page_get_field_row     (CohortPlacementsPage *self,
                                                              const char           *field);
void                cohort_placements_page_choose            (CohortPlacementsPage *self,
                                                              const char           *field,
                                                              gint64                id);
const char         *cohort_placements_page_get_error_field   (CohortPlacementsPage *self);
const char         *cohort_placements_page_get_error_text    (CohortPlacementsPage *self);
char               *cohort_placements_page_dup_cell_text     (CohortPlacementsPage *self,
                                                              guint                 position,
                                                              guint                 column);

G_END_DECLS
