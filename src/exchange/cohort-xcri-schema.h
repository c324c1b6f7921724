/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The XCRI-CAP 1.2 XML schemas, loaded from Cohort's local copies (data/xsd/).  Uses libxml2
 * types: only src/exchange includes it. */

#include <glib.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

char         *cohort_xcri_schema_dup_dir (void);
xmlSchemaPtr  cohort_xcri_schema_get     (GError **error);

G_END_DECLS
