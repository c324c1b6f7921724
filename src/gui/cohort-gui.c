/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-gui.h"

#include <adwaita.h>

int
cohort_gui_run (int    argc,
                char **argv)
{
  g_autoptr(AdwApplication) app = adw_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
