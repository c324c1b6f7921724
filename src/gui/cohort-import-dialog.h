/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"

G_BEGIN_DECLS

#define COHORT_TYPE_IMPORT_DIALOG (cohort_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CohortImportDialog, cohort_import_dialog, COHORT, IMPORT_DIALOG, AdwWindow)

CohortImportDialog *cohort_import_dialog_new          (GtkWindow          *parent,
                                                       CohortDatabase     *database);
CohortImportDialog *cohort_import_dialog_new_for_file (GtkWindow          *parent,
                                                       CohortDatabase     *database,
                                                       GFile              *file);
void                cohort_import_dialog_open_file    (CohortImportDialog *self,
                                                       GFile              *file);

G_END_DECLS
