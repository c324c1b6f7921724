/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define COHORT_TYPE_SWAP_MODEL (cohort_swap_model_get_type ())

G_DECLARE_FINAL_TYPE (CohortSwapModel, cohort_swap_model, COHORT, SWAP_MODEL, GObject)

CohortSwapModel *cohort_swap_model_new       (GListModel      *model);
GListModel      *cohort_swap_model_get_model (CohortSwapModel *self);

G_END_DECLS
