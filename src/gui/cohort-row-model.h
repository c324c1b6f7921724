/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COHORT_TYPE_ROW_MODEL (cohort_row_model_get_type ())

G_DECLARE_FINAL_TYPE (CohortRowModel, cohort_row_model, COHORT, ROW_MODEL, GObject)

CohortRowModel *cohort_row_model_new       (GListModel     *model);
GListModel     *cohort_row_model_get_model (CohortRowModel *self);

G_END_DECLS
