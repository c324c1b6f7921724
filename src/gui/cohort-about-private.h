/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: the metainfo reader with the languages given, not the user's. */

#include "cohort-about.h"

G_BEGIN_DECLS

GtkWidget *cohort_about_window_new_from_appdata_data (const char          *data,
                                                      gsize                size,
                                                      const char * const  *languages,
                                                      const char          *release_notes_version,
                                                      GError             **error);

G_END_DECLS
