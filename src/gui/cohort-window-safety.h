/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's part in keeping the data safe: restoring a backup, a database others can read,
 * a database file moved or deleted while it is open. */

#include "cohort-window.h"

G_BEGIN_DECLS

void              cohort_window_safety_class_init     (GtkWidgetClass *widget_class);
void              cohort_window_safety_init           (CohortWindow   *self);

/* For tests, and for the file chooser of win.restore. */
AdwMessageDialog *cohort_window_restore_dialog_new    (CohortWindow   *self,
                                                       GFile          *backup);
GtkInfoBar       *cohort_window_get_privacy_bar       (CohortWindow   *self);
GtkInfoBar       *cohort_window_get_file_lost_bar     (CohortWindow   *self);

G_END_DECLS
