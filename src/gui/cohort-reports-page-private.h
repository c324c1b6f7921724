/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For tests: what the page shows, without walking its widget tree. */

#include "cohort-reports-page.h"

G_BEGIN_DECLS

typedef enum
{
  COHORT_REPORTS_PAGE_SAVE_PNG,
  COHORT_REPORTS_PAGE_SAVE_SVG,
  COHORT_REPORTS_PAGE_SAVE_CSV,
} CohortReportsPageSave;

gboolean    cohort_reports_page_is_busy           (CohortReportsPage     *self);
/* "loading", "empty", "error" or "report" */
const char *cohort_reports_page_get_visible_state (CohortReportsPage     *self);
guint       cohort_reports_page_get_n_sections    (CohortReportsPage     *self);
/* The chart view of section @index, or NULL when its figure is a table only. */
GtkWidget  *cohort_reports_page_get_chart         (CohortReportsPage     *self,
                                                   guint                  index);
GtkGrid    *cohort_reports_page_get_table         (CohortReportsPage     *self,
                                                   guint                  index);
/* What the per-figure menu's items save, without the file chooser. */
gboolean    cohort_reports_page_save_figure       (CohortReportsPage     *self,
                                                   const char            *figure_id,
                                                   CohortReportsPageSave  what,
                                                   GFile                 *file,
                                                   GError               **error);

/* Runs the print operation of Print…, exporting to a PDF at @path instead of a printer. */
gboolean    cohort_reports_page_print_to_file     (CohortReportsPage     *self,
                                                   const char            *path,
                                                   GError               **error);

G_END_DECLS
