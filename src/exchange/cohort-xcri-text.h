/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain text from what catalogues put in their elements: XHTML, HTML written as text, text
 * laid out by an XML editor; and dates written in the ways real feeds write them. */

typedef struct _CohortXcriText CohortXcriText;

CohortXcriText *cohort_xcri_text_new               (void);
void            cohort_xcri_text_free              (CohortXcriText *self);
void            cohort_xcri_text_append            (CohortXcriText *self,
                                                    const char     *text,
                                                    gssize          len);
void            cohort_xcri_text_start_element     (CohortXcriText *self,
                                                    const char     *name);
void            cohort_xcri_text_end_element       (CohortXcriText *self,
                                                    const char     *name);
char           *cohort_xcri_text_finish            (CohortXcriText *self);

char           *cohort_xcri_text_dup_line          (const char     *text);
char           *cohort_xcri_text_dup_paragraphs    (const char     *text);
gboolean        cohort_xcri_text_looks_like_html   (const char     *text);
char           *cohort_xcri_text_dup_from_html     (const char     *text);

/**
 * CohortXcriDateHow:
 * @COHORT_XCRI_DATE_ISO: the text was an ISO 8601 date or date-time
 * @COHORT_XCRI_DATE_TEXT: the text was words, such as "September 2012" or "1 October 2011"
 * @COHORT_XCRI_DATE_DAY_MONTH_YEAR: the text was numbers read as day/month/year (30/09/2013)
 */
typedef enum
{
  COHORT_XCRI_DATE_ISO,
  COHORT_XCRI_DATE_TEXT,
  COHORT_XCRI_DATE_DAY_MONTH_YEAR,
} CohortXcriDateHow;

char           *cohort_xcri_text_parse_iso_date    (const char        *text);
char           *cohort_xcri_text_parse_date        (const char        *text,
                                                    CohortXcriDateHow *how);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortXcriText, cohort_xcri_text_free)

G_END_DECLS
