/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-gui.h"

#include "cohort-application.h"

int
cohort_gui_run (int    argc,
                char **argv)
{
  g_autoptr(CohortApplication) app = cohort_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
