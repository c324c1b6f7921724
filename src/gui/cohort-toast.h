/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The toasts of the list pages: what was done (with Undo), and what went wrong. */

#include <adwaita.h>

G_BEGIN_DECLS

void cohort_toast_show         (AdwToastOverlay *overlay,
                                const char      *title,
                                const char      *undo_action);
void cohort_toast_show_failure (AdwToastOverlay *overlay,
                                const GError    *error);

G_END_DECLS
