/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The window's Import and Export: actions, dropping a file, and writing lists. */

#include "cohort-import-dialog.h"
#include "cohort-window.h"

G_BEGIN_DECLS

/**
 * CohortExportFormat:
 * @COHORT_EXPORT_LIST_CSV: the list of the visible page, after its search, filters and sort,
 *   as CSV
 * @COHORT_EXPORT_CATALOGUE_XCRI: the course catalogue, as XCRI-CAP 1.2
 * @COHORT_EXPORT_ENROLMENTS_IMS: the runs and enrolments, as IMS Enterprise 1.1
 *
 * What the window exports.
 */
typedef enum
{
  COHORT_EXPORT_LIST_CSV,
  COHORT_EXPORT_CATALOGUE_XCRI,
  COHORT_EXPORT_ENROLMENTS_IMS,
} CohortExportFormat;

void                cohort_window_exchange_class_init (GtkWidgetClass      *widget_class);
void                cohort_window_exchange_init       (CohortWindow        *self);
CohortImportDialog *cohort_window_import_file         (CohortWindow        *self,
                                                       GFile               *file);
void                cohort_window_export_async        (CohortWindow        *self,
                                                       CohortExportFormat   format,
                                                       GFile               *file,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean            cohort_window_export_finish       (CohortWindow        *self,
                                                       GAsyncResult        *result,
                                                       guint               *out_rows,
                                                       GError             **error);

G_END_DECLS
