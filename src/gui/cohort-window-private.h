/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the window shows, without walking its widget tree. */

#include "cohort-window.h"

G_BEGIN_DECLS

gboolean      cohort_window_is_loading           (CohortWindow *self);
const char   *cohort_window_get_visible_state    (CohortWindow *self);
GtkWidget    *cohort_window_get_state_page       (CohortWindow *self,
                                                  const char   *state);
AdwActionRow *cohort_window_get_count_row        (CohortWindow *self,
                                                  const char   *table);
GtkLabel     *cohort_window_get_count_label      (CohortWindow *self,
                                                  const char   *table);

G_END_DECLS
