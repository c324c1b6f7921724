/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The hardened libxml2 set-up every XML reader in src/exchange goes through.  This header uses
 * libxml2 types, so only src/exchange includes it. */

#include <gio/gio.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "cohort-import-record.h"

G_BEGIN_DECLS

/* The largest file Cohort reads. */
#define COHORT_XML_MAX_FILE_SIZE (G_GINT64_CONSTANT (512) * 1024 * 1024)
/* The deepest nesting of elements Cohort reads (libxml2's own limit without XML_PARSE_HUGE). */
#define COHORT_XML_MAX_DEPTH 256
/* The longest text a reader keeps for one field; libxml2 itself refuses a text node over 10 MB. */
#define COHORT_XML_MAX_FIELD_LENGTH (1024 * 1024)

/* No network, and none of XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR,
 * XML_PARSE_DTDVALID, XML_PARSE_XINCLUDE or XML_PARSE_HUGE: entities are never expanded,
 * no DTD is loaded, nothing is included and libxml2's size and depth limits stay on.
 * (libxml2 2.9.14 has no XML_PARSE_NO_XXE; without the options above it loads no external
 * entity, and cohort_xml_init()'s entity loader refuses them besides.) */
#define COHORT_XML_PARSE_OPTIONS (XML_PARSE_NONET)

void         cohort_xml_init                (void);
void         cohort_xml_add_url_mapping     (const char           *url,
                                             const char           *local_path);
xmlSchemaPtr cohort_xml_schema_load         (const char           *path,
                                             GError              **error);

/**
 * CohortXmlIssueFunc:
 * @kind: what the warning is about
 * @line: where, or 0
 * @column: where, or 0
 * @message: the warning
 * @user_data: the data given to cohort_xml_stream_new()
 *
 * Receives the warnings of a #CohortXmlStream: namespace errors, schema errors, an ignored
 * DOCTYPE, an entity reference that was not expanded.
 */
typedef void (*CohortXmlIssueFunc) (CohortImportIssueKind  kind,
                                    guint                  line,
                                    guint                  column,
                                    const char            *message,
                                    gpointer               user_data);

typedef struct _CohortXmlStream CohortXmlStream;

CohortXmlStream  *cohort_xml_stream_new                (GInputStream        *input,
                                                        const char          *file_name,
                                                        goffset              size_limit,
                                                        CohortXmlIssueFunc   issue_func,
                                                        gpointer             user_data);
void              cohort_xml_stream_free               (CohortXmlStream     *self);
gboolean          cohort_xml_stream_set_schema         (CohortXmlStream     *self,
                                                        xmlSchemaPtr         schema,
                                                        GError             **error);
void              cohort_xml_stream_enter              (CohortXmlStream     *self);
void              cohort_xml_stream_leave              (CohortXmlStream     *self);
int               cohort_xml_stream_read               (CohortXmlStream     *self,
                                                        gboolean             skip_subtree,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
xmlTextReaderPtr  cohort_xml_stream_get_reader         (CohortXmlStream     *self);
const char       *cohort_xml_stream_get_file_name      (CohortXmlStream     *self);
void              cohort_xml_stream_get_position       (CohortXmlStream     *self,
                                                        guint               *line,
                                                        guint               *column);
gboolean          cohort_xml_stream_get_error_location (CohortXmlStream     *self,
                                                        guint               *line,
                                                        guint               *column);
char             *cohort_xml_stream_dup_qname          (CohortXmlStream     *self,
                                                        const char          *qname,
                                                        char               **out_namespace);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortXmlStream, cohort_xml_stream_free)

G_END_DECLS
