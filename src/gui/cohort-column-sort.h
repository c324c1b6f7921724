/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Sorting a list in SQL by the column a GtkColumnView shows as sorted.
 *
 * GTK 4.8 does not say which column a GtkColumnView sorts by.  Its sorter compares with the
 * primary column's sorter first, inverting it when descending: each column gets a probe sorter
 * that names its CohortQuerySort, and comparing two things with the view's sorter shows which
 * column answered, and how. */

#include <gtk/gtk.h>

#include "cohort-query-model.h"

G_BEGIN_DECLS

void     cohort_column_sort_attach (GtkColumnViewColumn *column,
                                    CohortQuerySort      sort);
gboolean cohort_column_sort_probe  (GtkSorter           *view_sorter,
                                    CohortQuerySort     *sort,
                                    gboolean            *descending);
void     cohort_column_sort_apply  (GtkSorter           *view_sorter,
                                    CohortQueryModel    *model);

G_END_DECLS
