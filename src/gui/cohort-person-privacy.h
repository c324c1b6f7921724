/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-person-editor.h"

G_BEGIN_DECLS

void  cohort_person_privacy_install_actions  (GtkWidgetClass      *widget_class);
void  cohort_person_privacy_update_actions   (CohortPersonEditor  *editor);

G_END_DECLS
