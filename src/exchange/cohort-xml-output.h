/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Writing XML to a GOutputStream with libxml2's xmlTextWriter, for the writers of src/exchange.
 * Every call after a failure does nothing; cohort_xml_output_finish() reports the first one. */

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CohortXmlOutput CohortXmlOutput;

CohortXmlOutput *cohort_xml_output_new           (GOutputStream    *stream,
                                                  GCancellable     *cancellable);
void             cohort_xml_output_free          (CohortXmlOutput  *self);
void             cohort_xml_output_start         (CohortXmlOutput  *self,
                                                  const char       *name);
void             cohort_xml_output_end           (CohortXmlOutput  *self);
void             cohort_xml_output_attribute     (CohortXmlOutput  *self,
                                                  const char       *name,
                                                  const char       *value);
void             cohort_xml_output_text          (CohortXmlOutput  *self,
                                                  const char       *text);
void             cohort_xml_output_element       (CohortXmlOutput  *self,
                                                  const char       *name,
                                                  const char       *text);
gboolean         cohort_xml_output_has_failed    (CohortXmlOutput  *self);
gboolean         cohort_xml_output_finish        (CohortXmlOutput  *self,
                                                  GError          **error);

/* Writes a whole document to @stream; for cohort_xml_output_write_file(). */
typedef gboolean (*CohortXmlWriteFunc) (GOutputStream  *stream,
                                        gpointer        user_data,
                                        GCancellable   *cancellable,
                                        GError        **error);

gboolean         cohort_xml_output_write_file    (GFile              *file,
                                                  CohortXmlWriteFunc  write,
                                                  gpointer            user_data,
                                                  GCancellable       *cancellable,
                                                  GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortXmlOutput, cohort_xml_output_free)

G_END_DECLS
