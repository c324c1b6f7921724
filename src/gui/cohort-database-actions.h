/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What a person does with database files: New, Save a Copy, and Load Demo Data into an empty
 * one.  Open is the application's (cohort_application_switch_database()). */

#include <adwaita.h>

#include "cohort-application.h"
#include "cohort-window.h"

G_BEGIN_DECLS

void              cohort_database_actions_class_init     (GtkWidgetClass       *window_class);

void              cohort_database_actions_choose_new     (CohortApplication    *application,
                                                          GtkWindow            *parent);
CohortWindow     *cohort_database_actions_create         (CohortApplication    *application,
                                                          GtkWindow            *window,
                                                          GFile                *file,
                                                          gboolean              replace);

void              cohort_database_actions_save_copy      (CohortWindow         *window,
                                                          GFile                *file,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
gboolean          cohort_database_actions_save_copy_finish (CohortWindow       *window,
                                                          GAsyncResult         *result,
                                                          GError              **error);

AdwMessageDialog *cohort_database_actions_load_demo      (CohortWindow         *window,
                                                          guint                 n_trainees);

void              cohort_database_actions_add_filter     (GtkFileChooser       *chooser);

G_END_DECLS
