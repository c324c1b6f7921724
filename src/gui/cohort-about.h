/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.2 has no adw_about_window_new_from_appdata() (it came in 1.4): this reads the
 * AppStream metainfo from a resource in the user's language and fills an AdwAboutWindow. */
GtkWidget *cohort_about_window_new_from_appdata (const char  *resource_path,
                                                 const char  *release_notes_version,
                                                 GError     **error);
GtkWidget *cohort_about_window_new               (GtkWindow   *transient_for);

G_END_DECLS
