/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"

G_BEGIN_DECLS

#define COHORT_TYPE_WINDOW (cohort_window_get_type ())

G_DECLARE_FINAL_TYPE (CohortWindow, cohort_window, COHORT, WINDOW, AdwApplicationWindow)

CohortWindow   *cohort_window_new          (GtkApplication *application,
                                            CohortDatabase *database);
CohortDatabase *cohort_window_get_database (CohortWindow   *self);

G_END_DECLS
