/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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
 * @COHORT_IMPORT_RECORD_IMS_PERSON: a #CohortImportImsPerson (an IMS Enterprise person)
 * @COHORT_IMPORT_RECORD_IMS_GROUP: a #CohortImportImsGroup (an IMS Enterprise group: a run)
 * @COHORT_IMPORT_RECORD_IMS_MEMBERSHIP: a #CohortImportImsMembership (one role of one member
 *   of an IMS Enterprise group: an enrolment, or a trainer of a run)
 * @COHORT_IMPORT_RECORD_PERSON: a #CohortImportPerson (a CSV row of trainees)
 * @COHORT_IMPORT_RECORD_PLACEMENT: a #CohortImportPlacement (a CSV row of placements)
 */
typedef enum
{
  COHORT_IMPORT_RECORD_ORGANISATION,
  COHORT_IMPORT_RECORD_COURSE,
  COHORT_IMPORT_RECORD_COURSE_RUN,
  COHORT_IMPORT_RECORD_IMS_PERSON,
  COHORT_IMPORT_RECORD_IMS_GROUP,
  COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
  COHORT_IMPORT_RECORD_PERSON,
  COHORT_IMPORT_RECORD_PLACEMENT,
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
 * @acronym: (nullable): its acronym (`UNHCR`), from a CSV file
 * @kind: (nullable): an `organisation.kind` code (`un_agency`, …), from a CSV file
 * @parent: (nullable): the name, acronym or code of the organisation it belongs to (the agency
 *   of a field office), from a CSV file
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
  char               *acronym;
  char               *kind;
  char               *parent;
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

/**
 * CohortImportPerson:
 * @record: the common part
 * @code: (nullable): the person's code in the file
 * @family_name: (nullable): the family name (romanised, as in the passport)
 * @given_name: (nullable): the given name (romanised)
 * @family_name_local: (nullable): the family name in its original script
 * @given_name_local: (nullable): the given name in its original script
 * @name_order: (nullable): `family_first` or `given_first`
 * @gender: (nullable): a gender code (`female`, `male`, `other`, `undisclosed`)
 * @gender_self: (nullable): the file's words for the gender when they were not one of the codes
 * @birth_date: (nullable): `YYYY-MM-DD`
 * @nationality: (nullable): an ISO 3166-1 alpha-2 code
 * @email: (nullable): the e-mail address
 * @phone: (nullable): the telephone number
 * @affiliation: (nullable): the name, acronym or code of the organisation the person works for
 * @notes: (nullable): free text
 *
 * A person: a row of a CSV file of trainees.  A row with neither a family nor a given name is
 * rejected.
 */
typedef struct
{
  CohortImportRecord  record;
  char               *code;
  char               *family_name;
  char               *given_name;
  char               *family_name_local;
  char               *given_name_local;
  char               *name_order;
  char               *gender;
  char               *gender_self;
  char               *birth_date;
  char               *nationality;
  char               *email;
  char               *phone;
  char               *affiliation;
  char               *notes;
} CohortImportPerson;

/**
 * CohortImportPlacement:
 * @record: the common part
 * @person_code: (nullable): the code of the person placed
 * @person_email: (nullable): the e-mail address of the person placed, where the file names
 *   them that way
 * @host: (nullable): the name, acronym or code of the host organisation (the agency)
 * @office: (nullable): the name or code of the field office
 * @duty_station: (nullable): the town of the duty station
 * @country: (nullable): an ISO 3166-1 alpha-2 code
 * @position_title: (nullable): the position
 * @modality: (nullable): a `placement.modality` code (`un_volunteer`, …)
 * @funded_by: (nullable): who pays
 * @start_date: (nullable): `YYYY-MM-DD`
 * @end_date: (nullable): `YYYY-MM-DD`
 * @actual_end_date: (nullable): `YYYY-MM-DD`
 * @status: (nullable): a `placement.status` code (`on_assignment`, …)
 *
 * A placement: a row of a CSV file of placements.  A row that names no person is rejected.
 */
typedef struct
{
  CohortImportRecord  record;
  char               *person_code;
  char               *person_email;
  char               *host;
  char               *office;
  char               *duty_station;
  char               *country;
  char               *position_title;
  char               *modality;
  char               *funded_by;
  char               *start_date;
  char               *end_date;
  char               *actual_end_date;
  char               *status;
} CohortImportPlacement;

/**
 * CohortImportImsPerson:
 * @record: the common part
 * @code: (nullable): the person's `sourcedid/id`, stored as `person.code`; a person without
 *   one is rejected
 * @source: (nullable): the `sourcedid/source` (the system that gave the identifier)
 * @userid: (nullable): the person's user name in the file's system
 * @family_name: (nullable): `name/n/family`
 * @given_name: (nullable): `name/n/given`
 * @full_name: (nullable): `name/fn`, the formatted name
 * @email: (nullable): the e-mail address
 * @gender: (nullable): `female` or `male` (IMS `1` and `2`), %NULL when the file does not say
 * @birth_date: (nullable): `YYYY-MM-DD`
 * @deleted: the file asks for the person to be deleted (`recstatus="3"`)
 */
typedef struct
{
  CohortImportRecord  record;
  char               *code;
  char               *source;
  char               *userid;
  char               *family_name;
  char               *given_name;
  char               *full_name;
  char               *email;
  char               *gender;
  char               *birth_date;
  gboolean            deleted;
} CohortImportImsPerson;

/**
 * CohortImportImsGroup:
 * @record: the common part
 * @code: (nullable): the group's `sourcedid/id`, stored as `course_run.code`; a group without
 *   one is rejected
 * @source: (nullable): the `sourcedid/source`
 * @title: (nullable): `description/short`
 * @long_title: (nullable): `description/long`
 * @description: (nullable): `description/full`
 * @start_date: (nullable): `timeframe/begin` as `YYYY-MM-DD`
 * @end_date: (nullable): `timeframe/end` as `YYYY-MM-DD`
 * @deleted: the file asks for the group to be deleted (`recstatus="3"`)
 */
typedef struct
{
  CohortImportRecord  record;
  char               *code;
  char               *source;
  char               *title;
  char               *long_title;
  char               *description;
  char               *start_date;
  char               *end_date;
  gboolean            deleted;
} CohortImportImsGroup;

/**
 * CohortImportImsMembership:
 * @record: the common part (the line of the member's `role`)
 * @group_code: (nullable): the `sourcedid/id` of the group (the run)
 * @person_code: (nullable): the `sourcedid/id` of the member (the person)
 * @roletype: (nullable): the IMS role type as written (`01`, `02`, …)
 * @role: (nullable): `learner` for an enrolment, or a `run_trainer.role` (`trainer`,
 *   `facilitator`, `mentor`, `coordinator`); %NULL (and the record rejected) for a role
 *   Cohort has no place for
 * @status: (nullable): for a learner, the `enrolment.status`: `enrolled` (IMS status 1) or
 *   `withdrawn` (IMS status 0, or the role deleted with `recstatus="3"`)
 * @active: whether the member is active in the group
 * @start_date: (nullable): the role's `timeframe/begin`
 * @end_date: (nullable): the role's `timeframe/end`
 */
typedef struct
{
  CohortImportRecord  record;
  char               *group_code;
  char               *person_code;
  char               *roletype;
  char               *role;
  char               *status;
  gboolean            active;
  char               *start_date;
  char               *end_date;
} CohortImportImsMembership;

#define COHORT_IMPORT_ORGANISATION(r) \
  ((CohortImportOrganisation *) cohort_import_record_check ((r), \
                                                            COHORT_IMPORT_RECORD_ORGANISATION))
#define COHORT_IMPORT_COURSE(r) \
  ((CohortImportCourse *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_COURSE))
#define COHORT_IMPORT_COURSE_RUN(r) \
  ((CohortImportCourseRun *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_COURSE_RUN))
#define COHORT_IMPORT_IMS_PERSON(r) \
  ((CohortImportImsPerson *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_IMS_PERSON))
#define COHORT_IMPORT_IMS_GROUP(r) \
  ((CohortImportImsGroup *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_IMS_GROUP))
#define COHORT_IMPORT_IMS_MEMBERSHIP(r) \
  ((CohortImportImsMembership *) cohort_import_record_check ((r), \
                                                             COHORT_IMPORT_RECORD_IMS_MEMBERSHIP))
#define COHORT_IMPORT_PERSON(r) \
  ((CohortImportPerson *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_PERSON))
#define COHORT_IMPORT_PLACEMENT(r) \
  ((CohortImportPlacement *) cohort_import_record_check ((r), COHORT_IMPORT_RECORD_PLACEMENT))

CohortImportRecord *cohort_import_record_new     (CohortImportRecordKind  kind,
                                                  guint                   line,
                                                  guint                   column);
void                cohort_import_record_free    (CohortImportRecord     *record);
gpointer            cohort_import_record_check   (gpointer                record,
                                                  CohortImportRecordKind  kind);
void                cohort_import_record_reject  (CohortImportRecord     *record,
                                                  const char             *reason);
char               *cohort_import_course_dup_subject (const CohortImportCourse *course);
const char         *cohort_import_record_kind_get_label (CohortImportRecordKind kind);

/* A reader's next(): the next record, or %NULL at the end or (with @error set) on failure. */
typedef CohortImportRecord *(*CohortImportNextFunc) (gpointer       reader,
                                                     GCancellable  *cancellable,
                                                     GError       **error);

gboolean            cohort_import_read_all       (gpointer                reader,
                                                  CohortImportNextFunc    next,
                                                  GPtrArray             **out_records,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportRecord, cohort_import_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportIssue, cohort_import_issue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CohortImportIdentifier, cohort_import_identifier_free)

G_END_DECLS
