/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define COHORT_TYPE_ROW_MODEL (cohort_row_model_get_type ())

G_DECLARE_FINAL_TYPE (CohortRowModel, cohort_row_model, COHORT, ROW_MODEL, GObject)

CohortRowModel *cohort_row_model_new       (GListModel     *model);
GListModel     *cohort_row_model_get_model (CohortRowModel *self);
void            cohort_row_model_set_pace  (CohortRowModel *self,
                                            GtkWidget      *view,
                                            guint           rows_kept,
                                            guint           built_per_frame,
                                            guint           dropped_per_frame);
gboolean        cohort_row_model_step      (CohortRowModel *self);

G_END_DECLS
