/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cli/cohort-cli.h"
#include "gui/cohort-gui.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir;

  setlocale (LC_ALL, "");

  /* COHORT_LOCALEDIR points at the build tree's compiled catalogues, so that an uninstalled
   * build (build-aux/run, the tests) speaks the user's language too. */
  localedir = g_getenv ("COHORT_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A known sub-command (or --help, --version, anything that is not a database to open) goes to
   * the command line, which needs no display; nothing else opens the window. */
  if (cohort_cli_wants (argc, argv))
    return cohort_cli_run (argc, argv);

  return cohort_gui_run (argc, argv);
}
