/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define COHORT_IMPORT_ERROR (cohort_import_error_quark ())

/**
 * CohortImportError:
 * @COHORT_IMPORT_ERROR_NOT_WELL_FORMED: the file is not well-formed XML (or not proper text)
 * @COHORT_IMPORT_ERROR_WRONG_FORMAT: the file is well-formed but not of the expected kind
 * @COHORT_IMPORT_ERROR_TOO_LARGE: the file, or a text in it, is larger than Cohort reads
 * @COHORT_IMPORT_ERROR_TOO_DEEP: elements are nested deeper than Cohort reads
 * @COHORT_IMPORT_ERROR_UNSAFE: the file declares entities (a DOCTYPE with `<!ENTITY>`), which
 *   can be used to attack the computer that reads it
 * @COHORT_IMPORT_ERROR_SCHEMA: the XML schemas needed to check the file could not be loaded
 *
 * Why a whole file was refused.  The message of an error that has a place in the file reads
 * `FILE:LINE:COLUMN: message`.
 */
typedef enum
{
  COHORT_IMPORT_ERROR_NOT_WELL_FORMED,
  COHORT_IMPORT_ERROR_WRONG_FORMAT,
  COHORT_IMPORT_ERROR_TOO_LARGE,
  COHORT_IMPORT_ERROR_TOO_DEEP,
  COHORT_IMPORT_ERROR_UNSAFE,
  COHORT_IMPORT_ERROR_SCHEMA,
} CohortImportError;

GQuark cohort_import_error_quark (void);

/**
 * CohortImportIssueKind:
 * @COHORT_IMPORT_ISSUE_VALUE: a value Cohort had to interpret (a free-text date, HTML in a
 *   description, zero places) or could not read
 * @COHORT_IMPORT_ISSUE_NAMESPACE: an element in a wrong, near-miss or undeclared namespace
 * @COHORT_IMPORT_ISSUE_SCHEMA: the file does not follow the format's XML schema here
 * @COHORT_IMPORT_ISSUE_STRUCTURE: an element in a place where it cannot be used, or spelt
 *   with the wrong case
 * @COHORT_IMPORT_ISSUE_UNUSED: something in the file that Cohort has no place for
 * @COHORT_IMPORT_ISSUE_UNSAFE: something ignored for safety (a DOCTYPE, an entity reference)
 *
 * What kind of thing a warning is about, so that a view can group them.  (A record that cannot
 * be imported, such as a course whose identifier an earlier one already had, is not a warning:
 * it comes back with #CohortImportRecord.rejected set.)
 */
typedef enum
{
  COHORT_IMPORT_ISSUE_VALUE,
  COHORT_IMPORT_ISSUE_NAMESPACE,
  COHORT_IMPORT_ISSUE_SCHEMA,
  COHORT_IMPORT_ISSUE_STRUCTURE,
  COHORT_IMPORT_ISSUE_UNUSED,
  COHORT_IMPORT_ISSUE_UNSAFE,
} CohortImportIssueKind;

/**
 * CohortImportIssue:
 * @kind: what the warning is about
 * @line: the line in the file (1-based), or 0 when not known
 * @column: the column (1-based, in characters), or 0 when not known
 * @message: the warning, in words a programme administrator understands
 *
 * A warning about a file: something a reader had to interpret or could not use.
 */
typedef struct
{
  CohortImportIssueKind  kind;
  guint                  line;
  guint                  column;
  char                  *message;
} CohortImportIssue;

CohortImportIssue *cohort_import_issue_new    (CohortImportIssueKind    kind,
                                               guint                    line,
                                               guint                    column,
                                               const char              *message);
void               cohort_import_issue_free   (CohortImportIssue       *issue);
char              *cohort_import_issue_format (const CohortImportIssue *issue,
                                               const char              *file_name);
int                cohort_import_issue_compare (gconstpointer           a,
                                                gconstpointer           b);

/**
 * CohortImportIdentifier:
 * @value: the identifier as written (without a `LABEL: ` prefix)
 * @scheme: (nullable): what kind of identifier it is: the local part of its `xsi:type`
 *   (`internalID`, `ucasCode`, `ukprn`) or the label of a text such as `UCAS: G403`
 * @is_url: whether @value is a web address
 * @line: where it is in the file
 * @column: where it is in the file
 */
typedef struct
{
  char     *value;
  char     *scheme;
  gboolean  is_url;
  guint     line;
  guint     column;
} CohortImportIdentifier;

CohortImportIdentifier *cohort_import_identifier_new  (const char             *value,
                                                       const char             *scheme,
                                                       gboolean                is_url,
                                                       guint                   line,
                                                       guint                   column);
void                    cohort_import_identifier_free (CohortImportIdentifier *identifier);

/**
 * CohortImportRecordKind:
 * @COHORT_IMPORT_RECORD_ORGANISATION: a #CohortImportOrganisation (an XCRI provider)
 * @COHORT_IMPORT_RECORD_COURSE: a #CohortImportCourse
 * @COHORT_IMPORT_RECORD_COURSE_RUN: a #CohortImportCourseRun (an XCRI presentation)
 */
typedef enum
{
  COHORT_IMPORT_RECORD_ORGANISATION,
  COHORT_IMPORT_RECORD_COURSE,
  COHORT_IMPORT_RECORD_COURSE_RUN,
} CohortImportRecordKind;

/**
 * CohortImportRecord:
 * @kind: which record this is; the record is the first member of the struct of that kind
 * @line: the line of the record's element in the file
 * @column: the column of the record's element (the end of its start tag), or 0
 * @rejected: (nullable): %NULL, or why the record cannot be imported
 *
 * A plain record read from a file, before it is matched against the database.
 */
typedef struct
{
  CohortImportRecordKind  kind;
  guint                   line;
  guint                   column;
  char                   *rejected;
} CohortImportRecord;

/**
 * CohortImportOrganisation:
 * @record: the common part
 * @index: 1 for the first provider in the file, 2 for the second, …
 * @code: (nullable): the provider's own identifier (a UKPRN, an internal code), never a URL
 * @name: (nullable): its name; a provider without one is rejected
 * @identifiers: (element-type CohortImportIdentifier): every identifier, in file order
 * @url: (nullable): its web site
 * @city: (nullable): its town, from its address
 * @postcode: (nullable): its postcode
 * @country: (nullable): an ISO 3166-1 alpha-2 code, only where the file gives one
 */
typedef struct
{
  CohortImportRecord  record;
  guint               index;
  char               *code;
  char               *name;
  GPtrArray          *identifiers;
  char               *url;
  char               *city;
  char               *postcode;
  char               *country;
} CohortImportOrganisation;

/**
 * CohortImportCourse:
 * @record: the common part
 * @code: (nullable): the identifier Cohort stores as `course.code`: the provider's own code
 *   where there is one, else a URL identifier
 * @url_identifier: (nullable): the identifier that is a web address, kept beside @code
 * @identifiers: (element-type CohortImportIdentifier): every identifier, in file order
 * @title: (nullable): the title; a course without one is rejected
 * @subjects: (element-type utf8): the subjects, without repeats, in file order
 * @description: (nullable): plain text, paragraphs separated by an empty line
 * @description_lang: (nullable): the `xml:lang` of the description
 * @url: (nullable): the course's web page
 * @provider_index: the @index of the provider the course belongs to (0 for none)
 * @provider_code: (nullable): that provider's code, when the file gave it before the course
 * @provider_name: (nullable): that provider's name, when the file gave it before the course
 */
typedef struct
{
  CohortImportRecord  record;
  char               *code;
  char               *url_identifier;
  GPtrArray          *identifiers;
  char               *title;
  GPtrArray          *subjects;
  char               *description;
  char               *description_lang;
  char               *url;
  guint               provider_index;
  char               *provider_code;
  char               *provider_name;
} CohortImportCourse;

/**
 * CohortImportCourseRun:
 * @record: the common part
 * @code: (nullable): the identifier Cohort stores as `course_run.code`
 * @code_derived: %TRUE when the file gave none and @code was made from the course's code and
 *   the run's position in the course (`CODE#2`)
 * @identifiers: (element-type CohortImportIdentifier): every identifier, in file order
 * @course_code: (nullable): the @code of the course the run belongs to
 * @course_line: the line of that course
 * @start_date: (nullable): `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` where the file gave no more
 * @end_date: (nullable): as @start_date
 * @mode: (nullable): `in_person`, `online` or `hybrid`, where the file says which
 * @study_mode: (nullable): the file's words for the study mode (`Full time`)
 * @attendance_mode: (nullable): the file's words for the attendance mode (`Campus`)
 * @attendance_pattern: (nullable): the file's words for the attendance pattern (`Daytime`)
 * @venue: (nullable): where it takes place
 * @capacity: the number of places, 0 when not known
 * @cost: (nullable): the cost, as free text
 * @apply_to: (nullable): where to apply (usually a web address)
 */
typedef struct
{
  CohortImportRecord  record;
  char               *code;
  gboolean            code_derived;
  GPtrArray          *identifiers;
  char               *course_code;
  guint               course_line;
  char               *start_date;
  char               *end_date;
  char               *mode;
  char               *study_mode;
  char               *attendance_mode;
  char               *attendance_pattern;
  char               *venue;
  guint               capacity;
  char               *cost;
  char               *apply_to;
} CohortImportCourseRun;

#define COHORT_IMPORT_ORGANISATION(r) \
  ((CohortImportOrganisation *) cohort_import_record_check ((r), \
                                                            COHORT_IMPORT_RECORD_ORGANISATION))
#define COHORT_IMPORT_COURSE(r) \
  ((CohortImportCourse *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_COURSE))
#define COHORT_IMPORT_COURSE_RUN(r) \
  ((CohortImportCourseRun *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_COURSE_RUN))

CohortImportRecord *cohort_import_record_new     (CohortImportRecordKind  kind,
                                                  guint                   line,
                                                  guint                   column);
void                cohort_import_record_free    (CohortImportRecord     *record);
gpointer            cohort_import_record_check   (gpointer                record,
                                                  CohortImportRecordKind  kind);
void                cohort_import_record_reject  (CohortImportRecord     *record,
                                                  const char             *reason);
char               *cohort_import_course_dup_subject (const CohortImportCourse *course);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportRecord, cohort_import_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportIssue, cohort_import_issue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportIdentifier, cohort_import_identifier_free)

G_END_DECLS
