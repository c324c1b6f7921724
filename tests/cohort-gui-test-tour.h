/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A walk through the whole window for the tests that check every widget (translations,
 * accessibility): each page on an empty database and on a small demonstration programme, with
 * a row of each list selected, and the windows the actions open (record editors, the history
 * of a person, the import dialog). */

#include <adwaita.h>

#include "cohort-database.h"

G_BEGIN_DECLS

/**
 * CohortGuiTestVisitFunc:
 * @root: a window, shown and done loading
 * @where: what is shown, e.g. `demo/trainees`
 * @user_data: the data given to cohort_gui_test_tour()
 */
typedef void (*CohortGuiTestVisitFunc) (GtkWidget  *root,
                                        const char *where,
                                        gpointer    user_data);

void cohort_gui_test_tour (const char             *dir,
                           CohortGuiTestVisitFunc  visit,
                           gpointer                user_data);

G_END_DECLS
