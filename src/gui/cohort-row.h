/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COHORT_TYPE_ROW (cohort_row_get_type ())

G_DECLARE_FINAL_TYPE (CohortRow, cohort_row, COHORT, ROW, GObject)

CohortRow *cohort_row_new          (gpointer    item,
                                    guint       position);
gpointer   cohort_row_get_item     (CohortRow  *self);
void       cohort_row_invalidate   (CohortRow  *self,
                                    GListModel *source);
guint      cohort_row_get_position (CohortRow  *self);
void       cohort_row_set_position (CohortRow  *self,
                                    guint       position);

G_END_DECLS
