/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-window.h"

G_BEGIN_DECLS

#define COHORT_TYPE_APPLICATION (cohort_application_get_type ())

G_DECLARE_FINAL_TYPE (CohortApplication, cohort_application, COHORT, APPLICATION, AdwApplication)

CohortApplication *cohort_application_new             (void);
void               cohort_application_open_database   (CohortApplication *self,
                                                       const char        *path);
CohortWindow      *cohort_application_switch_database (CohortApplication *self,
                                                       GtkWindow         *window,
                                                       const char        *path);

G_END_DECLS
