/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pango.h>

#include "cohort-report.h"

G_BEGIN_DECLS

/*
 * The programme report as a printed document: a cover page, then one section per figure (its
 * title, note, chart and table), with the filter, the date and "Page N of M" at the foot of every
 * page.  The same pages go to a PDF file and, through the window's print dialog, to a printer.
 */

#define COHORT_TYPE_REPORT_DOCUMENT (cohort_report_document_get_type ())

G_DECLARE_FINAL_TYPE (CohortReportDocument, cohort_report_document, COHORT, REPORT_DOCUMENT,
                      GObject)

CohortReportDocument *cohort_report_document_new               (CohortReport          *report);
CohortReport         *cohort_report_document_get_report        (CohortReportDocument  *self);
/* What the cover calls the database ("cohort.db"), or NULL to leave it out. */
void                  cohort_report_document_set_database_name (CohortReportDocument  *self,
                                                                const char            *name);
/* PANGO_DIRECTION_LTR or _RTL; by default the direction of the user's language. */
void                  cohort_report_document_set_direction     (CohortReportDocument  *self,
                                                                PangoDirection         direction);
/*
 * Lays the document out on pages of @width × @height points, measuring text with @cr's font
 * settings, and returns the number of pages.  Must be called before drawing a page.
 */
guint                 cohort_report_document_paginate          (CohortReportDocument  *self,
                                                                cairo_t               *cr,
                                                                double                 width,
                                                                double                 height);
guint                 cohort_report_document_get_n_pages       (CohortReportDocument  *self);
/* Draws page @page (from 0) of the laid-out document onto @cr, at its origin, in points. */
void                  cohort_report_document_draw_page         (CohortReportDocument  *self,
                                                                cairo_t               *cr,
                                                                guint                  page);

/* Lays the document out on A4 pages and writes it as a PDF to @file. */
gboolean              cohort_report_document_save_pdf          (CohortReportDocument  *self,
                                                                GFile                 *file,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

/* Writes @report as an A4 PDF to @file. */
gboolean              cohort_report_document_write_pdf         (CohortReport          *report,
                                                                GFile                 *file,
                                                                GCancellable          *cancellable,
                                                                GError               **error);

G_END_DECLS
