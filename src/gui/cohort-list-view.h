/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A column view over a list of the whole database, as fast as it can be: see
 * cohort-list-view.c. */

#include <gtk/gtk.h>

#include "cohort-query-model.h"

G_BEGIN_DECLS

/* How long a list's search waits after a keystroke before it looks, in milliseconds (GTK's
 * default is 150): results should show within 50 ms of the last keystroke.  Each search runs in
 * a worker, a newer one interrupting the older, and the rows take the results in place. */
#define COHORT_LIST_SEARCH_DELAY 0

GtkSingleSelection *cohort_list_view_set_query_model (GtkColumnView    *view,
                                                      CohortQueryModel *model);
gpointer            cohort_list_view_get_selected    (GtkSingleSelection *selection);
gboolean            cohort_list_view_is_pacing       (GtkSingleSelection *selection);

G_END_DECLS
