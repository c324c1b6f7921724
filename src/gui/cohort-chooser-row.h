/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-database.h"
#include "cohort-query-model.h"

G_BEGIN_DECLS

#define COHORT_TYPE_CHOOSER_ROW (cohort_chooser_row_get_type ())

G_DECLARE_FINAL_TYPE (CohortChooserRow, cohort_chooser_row, COHORT, CHOOSER_ROW, AdwActionRow)

GtkWidget        *cohort_chooser_row_new            (CohortDatabase   *database,
                                                     CohortQueryKind   kind,
                                                     const char       *title);
CohortDatabase   *cohort_chooser_row_get_database   (CohortChooserRow *self);
CohortQueryKind   cohort_chooser_row_get_kind       (CohortChooserRow *self);
gint64            cohort_chooser_row_get_id         (CohortChooserRow *self);
void              cohort_chooser_row_set_id         (CohortChooserRow *self,
                                                     gint64            id);
CohortQueryModel *cohort_chooser_row_get_model      (CohortChooserRow *self);
GtkWidget        *cohort_chooser_row_get_form_row   (CohortChooserRow *self,
                                                     const char       *field);
const char       *cohort_chooser_row_get_error_text (CohortChooserRow *self);
char             *cohort_chooser_row_dup_label      (CohortDatabase   *database,
                                                     GObject          *item);

G_END_DECLS
