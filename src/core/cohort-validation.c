/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-validation.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cohort-career-record.h"
#include "cohort-course-run.h"
#include "cohort-course.h"
#include "cohort-enrolment.h"
#include "cohort-import-batch.h"
#include "cohort-organisation.h"
#include "cohort-person.h"
#include "cohort-placement.h"
#include "cohort-programme.h"
#include "cohort-properties.h"
#include "cohort-run-trainer.h"
#include "cohort-utils.h"
#include "cohort-vocabulary.h"

/*
 * The rules a record must satisfy that need no database.  The rules that do (unique codes,
 * referenced rows, overlapping placements) are in cohort-store.c.  Every rule fails with a
 * COHORT_VALIDATION_ERROR naming the column it concerns, so an editor can show the message
 * beside the right field.
 */

typedef struct
{
  char *field;
} CohortValidationErrorPrivate;

static void
cohort_validation_error_private_init (CohortValidationErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  priv->field = NULL;
}

static void
cohort_validation_error_private_copy (const CohortValidationErrorPrivate *src_priv,
                                      CohortValidationErrorPrivate       *dest_priv)
{
  if (src_priv == NULL || dest_priv == NULL)
    return;
  dest_priv->field = g_strdup (src_priv->field);
}

static void
cohort_validation_error_private_clear (CohortValidationErrorPrivate *priv)
{
  if (priv == NULL)
    return;
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (CohortValidationError, cohort_validation_error)

/* What the user sees as the name of each column, for messages that are not specific. */
static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "acronym", N_("Acronym") },
  { "actual_end_date", N_("Actual end date") },
  { "affiliation_id", N_("Affiliation") },
  { "anonymised_at", N_("Anonymised") },
  { "birth_date", N_("Date of birth") },
  { "capacity", N_("Capacity") },
  { "certificate_number", N_("Certificate number") },
  { "city", N_("City") },
  { "code", N_("Code") },
  { "completed_on", N_("Completion date") },
  { "country", N_("Country") },
  { "course_id", N_("Course") },
  { "decided_on", N_("Decision date") },
  { "description", N_("Description") },
  { "duty_station", N_("Duty station") },
  { "email", N_("Email") },
  { "end_date", N_("End date") },
  { "enrolment_id", N_("Enrolment") },
  { "evaluation", N_("Evaluation") },
  { "family_name", N_("Family name") },
  { "family_name_local", N_("Family name in own script") },
  { "file_name", N_("File name") },
  { "finished_at", N_("Finished") },
  { "fiscal_year", N_("Fiscal year") },
  { "format", N_("Format") },
  { "funded_by", N_("Funded by") },
  { "gender", N_("Gender") },
  { "gender_self", N_("Gender in own words") },
  { "given_name", N_("Given name") },
  { "given_name_local", N_("Given name in own script") },
  { "host_id", N_("Host organisation") },
  { "id", N_("Record") },
  { "kind", N_("Kind") },
  { "mode", N_("Mode") },
  { "modality", N_("Modality") },
  { "n_new", N_("New records") },
  { "n_rejected", N_("Rejected records") },
  { "n_unchanged", N_("Unchanged records") },
  { "n_updated", N_("Updated records") },
  { "name", N_("Name") },
  { "name_order", N_("Name order") },
  { "nationality", N_("Nationality") },
  { "notes", N_("Notes") },
  { "office_id", N_("Field office") },
  { "organisation_id", N_("Organisation") },
  { "outcome", N_("Outcome") },
  { "parent_id", N_("Part of") },
  { "person_id", N_("Person") },
  { "phone", N_("Phone") },
  { "position_title", N_("Position") },
  { "programme_id", N_("Programme") },
  { "provider_id", N_("Provider") },
  { "reserve_rank", N_("Reserve rank") },
  { "role", N_("Role") },
  { "run_id", N_("Course run") },
  { "sector", N_("Sector") },
  { "sha256", N_("Checksum") },
  { "source", N_("Source") },
  { "start_date", N_("Start date") },
  { "started_at", N_("Started") },
  { "status", N_("Status") },
  { "subject", N_("Subject") },
  { "supervisor_id", N_("Supervisor") },
  { "title", N_("Title") },
  { "url", N_("Web address") },
  { "venue", N_("Venue") },
  { "verified_on", N_("Last verified") },
  { "withdrawal_reason", N_("Reason for withdrawal") },
};

/* Free text that may span lines: newlines and tabs are allowed here and nowhere else. */
static const char * const multiline_fields[] = {
  "description", "evaluation", "notes", "withdrawal_reason",
};

/**
 * cohort_validation_error_get_field:
 * @error: (nullable): an error
 *
 * Returns: (nullable): the column the error concerns (`end_date`, `host_id`, …), or %NULL if
 *   @error is not a #COHORT_VALIDATION_ERROR or names no field.
 */
const char *
cohort_validation_error_get_field (const GError *error)
{
  CohortValidationErrorPrivate *priv;

  if (error == NULL || error->domain != COHORT_VALIDATION_ERROR)
    return NULL;

  priv = cohort_validation_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

/**
 * cohort_validation_set_error:
 * @error: (nullable): return location for a #GError
 * @code: the kind of failure
 * @field: the column the failure concerns
 * @format: the message, in words the user understands
 *
 * Sets a #COHORT_VALIDATION_ERROR carrying @field.
 */
void
cohort_validation_set_error (GError                **error,
                             CohortValidationError   code,
                             const char             *field,
                             const char             *format,
                             ...)
{
  CohortValidationErrorPrivate *priv;
  GError *new_error;
  va_list args;

  g_return_if_fail (field != NULL);
  g_return_if_fail (format != NULL);

  if (error == NULL)
    return;

  va_start (args, format);
  new_error = g_error_new_valist (COHORT_VALIDATION_ERROR, code, format, args);
  va_end (args);

  priv = cohort_validation_error_get_private (new_error);
  if (priv != NULL)
    priv->field = g_strdup (field);

  g_propagate_error (error, new_error);
}

/**
 * cohort_validation_get_field_label:
 * @field: a column name such as `end_date`
 *
 * Returns: the translated name of the field as a user sees it ("End date"), or @field itself
 *   if it is not known.
 */
const char *
cohort_validation_get_field_label (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].field, field) == 0)
      return _(field_labels[i].label);

  return field;
}

/* Helpers.  Each returns FALSE with @error set when the rule fails. */

static gboolean
is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

static gboolean
is_multiline_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (multiline_fields); i++)
    if (strcmp (multiline_fields[i], field) == 0)
      return TRUE;

  return FALSE;
}

/* Text is stored exactly as given (any script, bidirectional marks, quotes, anything that
 * looks like SQL), except what cannot be text: invalid UTF-8 and control characters.  Free-text
 * fields may contain newlines (LF, or CR LF from pasted text) and tabs. */
static gboolean
check_text (const char  *field,
            const char  *value,
            GError     **error)
{
  gboolean multiline;

  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                                   _("%s: the text is damaged (it is not valid UTF-8)"),
                                   cohort_validation_get_field_label (field));
      return FALSE;
    }

  multiline = is_multiline_field (field);

  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar) *p;
      gunichar c;

      /* Printable ASCII, most of any text, is no control character. */
      if (byte >= 0x20 && byte < 0x7f)
        continue;

      c = g_utf8_get_char (p);
      if (!g_unichar_iscntrl (c))
        continue;
      if (multiline && (c == '\n' || c == '\t' || c == '\r'))
        continue;

      if (c == '\n' || c == '\r')
        cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                                     _("%s must fit on one line"),
                                     cohort_validation_get_field_label (field));
      else
        cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                                     _("%s contains an invisible control character "
                                       "(U+%04X) that cannot be stored"),
                                     cohort_validation_get_field_label (field), c);
      return FALSE;
    }

  return TRUE;
}

/* Every string property of the record is a text column. */
static gboolean
check_all_text (CohortRecord  *record,
                GError       **error)
{
  const CohortProperties *properties = cohort_properties_for_type (G_OBJECT_TYPE (record));

  for (guint i = 0; i < properties->n_pspecs; i++)
    {
      GParamSpec *pspec = properties->pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec->value_type != G_TYPE_STRING || !(pspec->flags & G_PARAM_READABLE))
        continue;

      g_value_init (&value, G_TYPE_STRING);
      cohort_properties_get_value (G_OBJECT (record), pspec, &value);

      if (!check_text (properties->columns[i], g_value_get_string (&value), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_vocabulary (CohortVocabulary   vocabulary,
                  const char        *field,
                  const char        *value,
                  GError           **error)
{
  /* Empty means "not given": the column's default (or nothing) is stored. */
  if (cohort_str_empty_to_null (value) == NULL)
    return TRUE;

  if (cohort_vocabulary_contains (vocabulary, value))
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("%s: “%s” is not one of the choices"),
                               cohort_validation_get_field_label (field), value);
  return FALSE;
}

static gboolean
check_date (const char  *field,
            const char  *value,
            GError     **error)
{
  if (cohort_str_empty_to_null (value) == NULL || cohort_date_is_valid (value))
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("%s: “%s” is not a real date; write it as year-month-day, "
                                 "such as 2024-04-01"),
                               cohort_validation_get_field_label (field), value);
  return FALSE;
}

static gboolean
check_partial_date (const char  *field,
                    const char  *value,
                    GError     **error)
{
  if (cohort_str_empty_to_null (value) == NULL || cohort_partial_date_is_valid (value))
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("%s: “%s” is not a date; write a year (2019), a month "
                                 "(2019-04) or a day (2019-04-01)"),
                               cohort_validation_get_field_label (field), value);
  return FALSE;
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* For dates that record what already happened (a birth, a verification). */
static gboolean
check_not_future (const char  *field,
                  const char  *value,
                  GError     **error)
{
  g_autofree char *today = NULL;

  if (cohort_str_empty_to_null (value) == NULL)
    return TRUE;

  today = dup_today ();
  if (strcmp (value, today) <= 0)
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("%s: %s is in the future"),
                               cohort_validation_get_field_label (field), value);
  return FALSE;
}

static gboolean
check_country (const char  *field,
               const char  *value,
               GError     **error)
{
  if (cohort_str_empty_to_null (value) == NULL || cohort_country_is_valid (value))
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("“%s” is not a country code"), value);
  return FALSE;
}

/* Compares two dates written YYYY, YYYY-MM or YYYY-MM-DD at the precision they share, so
 * that "2019" and "2019-05" are the same time, and "2019-05" is before "2019-06-01". */
static int
compare_partial_dates (const char *a,
                       const char *b)
{
  size_t len = MIN (strlen (a), strlen (b));

  return strncmp (a, b, len);
}

static gboolean
check_order (const char  *start,
             const char  *end,
             const char  *end_field,
             const char  *message,
             GError     **error)
{
  if (cohort_str_empty_to_null (start) == NULL || cohort_str_empty_to_null (end) == NULL)
    return TRUE;

  if (compare_partial_dates (end, start) >= 0)
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_ORDER, end_field, "%s", message);
  return FALSE;
}

static gboolean
check_required (const char  *value,
                const char  *field,
                const char  *message,
                GError     **error)
{
  if (!is_blank (value))
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_REQUIRED, field, "%s", message);
  return FALSE;
}

static gboolean
check_required_id (gint64       id,
                   const char  *field,
                   const char  *message,
                   GError     **error)
{
  if (id > 0)
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_REQUIRED, field, "%s", message);
  return FALSE;
}

static gboolean
check_not_negative (int          value,
                    const char  *field,
                    GError     **error)
{
  if (value >= 0)
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("%s cannot be negative"),
                               cohort_validation_get_field_label (field));
  return FALSE;
}

/* An email address has one @ with something before it and a domain with a dot after it, and
 * no spaces.  Anything stricter refuses real addresses. */
static gboolean
email_is_valid (const char *email)
{
  const char *at = strchr (email, '@');
  const char *domain;
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
      return FALSE;

  domain = at + 1;
  dot = strrchr (domain, '.');
  if (domain[0] == '\0' || domain[0] == '.' || dot == NULL || dot[1] == '\0' ||
      strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

static gboolean
check_email (const char  *field,
             const char  *value,
             GError     **error)
{
  if (cohort_str_empty_to_null (value) == NULL || email_is_valid (value))
    return TRUE;

  cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, field,
                               _("“%s” is not an email address"), value);
  return FALSE;
}

static const char *
effective_code (const char       *value,
                CohortVocabulary  vocabulary)
{
  if (cohort_str_empty_to_null (value) != NULL)
    return value;

  return cohort_vocabulary_get_default (vocabulary);
}

static gboolean
code_is_one_of (const char *code,
                ...)
{
  const char *candidate;
  gboolean found = FALSE;
  va_list args;

  if (code == NULL)
    return FALSE;

  va_start (args, code);
  while (!found && (candidate = va_arg (args, const char *)) != NULL)
    found = strcmp (code, candidate) == 0;
  va_end (args);

  return found;
}

/* Per type */

static gboolean
validate_person (CohortPerson  *person,
                 GError       **error)
{
  /* A code identifies the person across imports and exports. */
  if (!check_required (cohort_person_get_code (person), "code",
                       _("A person needs a code"), error))
    return FALSE;

  /* A name, romanised or in the person's own script: either is enough.  An anonymised
   * person has none. */
  if (cohort_person_get_anonymised_at (person) == NULL &&
      is_blank (cohort_person_get_family_name (person)) &&
      is_blank (cohort_person_get_given_name (person)) &&
      is_blank (cohort_person_get_family_name_local (person)) &&
      is_blank (cohort_person_get_given_name_local (person)))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_REQUIRED, "family_name",
                                   _("A person needs a name, in Latin letters or in their "
                                     "own script"));
      return FALSE;
    }

  return check_vocabulary (COHORT_VOCABULARY_NAME_ORDER, "name_order",
                           cohort_person_get_name_order (person), error) &&
         check_vocabulary (COHORT_VOCABULARY_GENDER, "gender",
                           cohort_person_get_gender (person), error) &&
         /* A birth date is a real day, and not one still to come. */
         check_date ("birth_date", cohort_person_get_birth_date (person), error) &&
         check_not_future ("birth_date", cohort_person_get_birth_date (person), error) &&
         check_country ("nationality", cohort_person_get_nationality (person), error) &&
         check_email ("email", cohort_person_get_email (person), error);
}

static gboolean
validate_organisation (CohortOrganisation  *organisation,
                       GError             **error)
{
  gint64 id = cohort_record_get_id (COHORT_RECORD (organisation));

  if (!check_required (cohort_organisation_get_name (organisation), "name",
                       _("An organisation needs a name"), error) ||
      !check_vocabulary (COHORT_VOCABULARY_ORGANISATION_KIND, "kind",
                         cohort_organisation_get_kind (organisation), error) ||
      !check_country ("country", cohort_organisation_get_country (organisation), error))
    return FALSE;

  /* The hierarchy (agency, country office, field office) has no loops; the shortest loop
   * needs no database.  Longer ones are found by the store. */
  if (id > 0 && cohort_organisation_get_parent_id (organisation) == id)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "parent_id",
                                   _("An organisation cannot be part of itself"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_programme (CohortProgramme  *programme,
                    GError          **error)
{
  return check_required (cohort_programme_get_code (programme), "code",
                         _("A programme needs a code"), error) &&
         check_required (cohort_programme_get_name (programme), "name",
                         _("A programme needs a name"), error);
}

static gboolean
validate_course (CohortCourse  *course,
                 GError       **error)
{
  return check_required (cohort_course_get_code (course), "code",
                         _("A course needs a code"), error) &&
         check_required (cohort_course_get_title (course), "title",
                         _("A course needs a title"), error);
}

static gboolean
validate_course_run (CohortCourseRun  *run,
                     GError          **error)
{
  const char *status = effective_code (cohort_course_run_get_status (run),
                                       COHORT_VOCABULARY_RUN_STATUS);
  const char *start_date = cohort_course_run_get_start_date (run);
  int fiscal_year = cohort_course_run_get_fiscal_year (run);

  if (!check_required_id (cohort_course_run_get_course_id (run), "course_id",
                          _("A course run belongs to a course: choose one"), error) ||
      !check_required (cohort_course_run_get_code (run), "code",
                       _("A course run needs a code"), error) ||
      !check_date ("start_date", start_date, error) ||
      !check_date ("end_date", cohort_course_run_get_end_date (run), error) ||
      !check_order (start_date, cohort_course_run_get_end_date (run), "end_date",
                    _("The end date is before the start date"), error) ||
      !check_vocabulary (COHORT_VOCABULARY_RUN_MODE, "mode",
                         cohort_course_run_get_mode (run), error) ||
      !check_vocabulary (COHORT_VOCABULARY_RUN_STATUS, "status",
                         cohort_course_run_get_status (run), error) ||
      /* 0 means "no limit given". */
      !check_not_negative (cohort_course_run_get_capacity (run), "capacity", error))
    return FALSE;

  /* 0 means "not given"; otherwise a plausible year. */
  if (fiscal_year != 0 && (fiscal_year < 1900 || fiscal_year > 2200))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "fiscal_year",
                                   _("%d is not a fiscal year"), fiscal_year);
      return FALSE;
    }

  /* A run that is running or over has started on some day. */
  if (code_is_one_of (status, "running", "completed", NULL) &&
      !check_required (start_date, "start_date",
                       _("A course run that has started needs a start date"), error))
    return FALSE;

  return TRUE;
}

static gboolean
validate_enrolment (CohortEnrolment  *enrolment,
                    GError          **error)
{
  const char *status = effective_code (cohort_enrolment_get_status (enrolment),
                                       COHORT_VOCABULARY_ENROLMENT_STATUS);
  gboolean finished = code_is_one_of (status, "completed", "participated", NULL);
  int reserve_rank = cohort_enrolment_get_reserve_rank (enrolment);

  if (!check_required_id (cohort_enrolment_get_person_id (enrolment), "person_id",
                          _("An enrolment needs a person"), error) ||
      !check_required_id (cohort_enrolment_get_run_id (enrolment), "run_id",
                          _("An enrolment needs a course run"), error) ||
      !check_vocabulary (COHORT_VOCABULARY_ENROLMENT_STATUS, "status",
                         cohort_enrolment_get_status (enrolment), error) ||
      !check_not_negative (reserve_rank, "reserve_rank", error) ||
      !check_date ("decided_on", cohort_enrolment_get_decided_on (enrolment), error) ||
      !check_date ("completed_on", cohort_enrolment_get_completed_on (enrolment), error) ||
      /* The course is completed after the applicant was selected. */
      !check_order (cohort_enrolment_get_decided_on (enrolment),
                    cohort_enrolment_get_completed_on (enrolment), "completed_on",
                    _("The completion date is before the decision date"), error))
    return FALSE;

  /* A reserve has a place on the reserve list (1 is called first) … */
  if (g_strcmp0 (status, "reserve") == 0 && reserve_rank == 0)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_REQUIRED, "reserve_rank",
                                   _("A reserve needs a rank on the reserve list"));
      return FALSE;
    }

  /* … and nobody else has one. */
  if (g_strcmp0 (status, "reserve") != 0 && reserve_rank != 0)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "reserve_rank",
                                   _("Only a reserve has a rank on the reserve list"));
      return FALSE;
    }

  /* A completion date and a certificate belong to an enrolment that was completed (or, for
   * courses without assessment, participated in). */
  if (!finished && !is_blank (cohort_enrolment_get_completed_on (enrolment)))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "completed_on",
                                   _("Only a completed enrolment has a completion date"));
      return FALSE;
    }

  if (!finished && !is_blank (cohort_enrolment_get_certificate_number (enrolment)))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "certificate_number",
                                   _("Only a completed enrolment has a certificate"));
      return FALSE;
    }

  /* A reason for withdrawal belongs to a withdrawn enrolment. */
  if (g_strcmp0 (status, "withdrawn") != 0 &&
      !is_blank (cohort_enrolment_get_withdrawal_reason (enrolment)))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "withdrawal_reason",
                                   _("Only a withdrawn enrolment has a reason for withdrawal"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_run_trainer (CohortRunTrainer  *trainer,
                      GError           **error)
{
  return check_required_id (cohort_run_trainer_get_run_id (trainer), "run_id",
                            _("A trainer assignment needs a course run"), error) &&
         check_required_id (cohort_run_trainer_get_person_id (trainer), "person_id",
                            _("A trainer assignment needs a person"), error) &&
         check_vocabulary (COHORT_VOCABULARY_TRAINER_ROLE, "role",
                           cohort_run_trainer_get_role (trainer), error);
}

static gboolean
validate_placement (CohortPlacement  *placement,
                    GError          **error)
{
  const char *status = effective_code (cohort_placement_get_status (placement),
                                       COHORT_VOCABULARY_PLACEMENT_STATUS);
  const char *start_date = cohort_placement_get_start_date (placement);
  gint64 person_id = cohort_placement_get_person_id (placement);

  if (!check_required_id (person_id, "person_id",
                          _("A placement needs a person"), error) ||
      !check_vocabulary (COHORT_VOCABULARY_PLACEMENT_STATUS, "status",
                         cohort_placement_get_status (placement), error) ||
      !check_vocabulary (COHORT_VOCABULARY_PLACEMENT_MODALITY, "modality",
                         cohort_placement_get_modality (placement), error) ||
      !check_country ("country", cohort_placement_get_country (placement), error) ||
      !check_date ("start_date", start_date, error) ||
      !check_date ("end_date", cohort_placement_get_end_date (placement), error) ||
      !check_date ("actual_end_date", cohort_placement_get_actual_end_date (placement), error) ||
      !check_order (start_date, cohort_placement_get_end_date (placement), "end_date",
                    _("The end date is before the start date"), error) ||
      !check_order (start_date, cohort_placement_get_actual_end_date (placement),
                    "actual_end_date", _("The actual end date is before the start date"), error))
    return FALSE;

  /* A placement that has begun (or is over) happened somewhere: at a host organisation, in
   * a country, from a day. */
  if (code_is_one_of (status, "on_assignment", "extended", "completed", "ended_early", NULL))
    {
      if (!check_required_id (cohort_placement_get_host_id (placement), "host_id",
                              _("A placement that has begun needs a host organisation"),
                              error) ||
          !check_required (cohort_placement_get_country (placement), "country",
                           _("A placement that has begun needs a country"), error) ||
          !check_required (start_date, "start_date",
                           _("A placement that has begun needs a start date"), error))
        return FALSE;
    }

  /* Ending early is a fact with a date. */
  if (g_strcmp0 (status, "ended_early") == 0 &&
      !check_required (cohort_placement_get_actual_end_date (placement), "actual_end_date",
                       _("A placement that ended early needs the date it ended"), error))
    return FALSE;

  /* The supervisor is someone else. */
  if (person_id > 0 && cohort_placement_get_supervisor_id (placement) == person_id)
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "supervisor_id",
                                   _("A person cannot supervise their own placement"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
validate_career_record (CohortCareerRecord  *career,
                        GError             **error)
{
  const char *start_date = cohort_career_record_get_start_date (career);
  const char *end_date = cohort_career_record_get_end_date (career);

  return check_required_id (cohort_career_record_get_person_id (career), "person_id",
                            _("A career record needs a person"), error) &&
         check_vocabulary (COHORT_VOCABULARY_CAREER_SECTOR, "sector",
                           cohort_career_record_get_sector (career), error) &&
         check_vocabulary (COHORT_VOCABULARY_CAREER_SOURCE, "source",
                           cohort_career_record_get_source (career), error) &&
         check_country ("country", cohort_career_record_get_country (career), error) &&
         /* Careers are often known only to the year or month. */
         check_partial_date ("start_date", start_date, error) &&
         check_partial_date ("end_date", end_date, error) &&
         check_order (start_date, end_date, "end_date",
                      _("The end date is before the start date"), error) &&
         /* Verified on a real day, not yet to come. */
         check_date ("verified_on", cohort_career_record_get_verified_on (career), error) &&
         check_not_future ("verified_on", cohort_career_record_get_verified_on (career), error);
}

static gboolean
sha256_is_valid (const char *sha256)
{
  if (strlen (sha256) != 64)
    return FALSE;

  for (const char *p = sha256; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;

  return TRUE;
}

static gboolean
validate_import_batch (CohortImportBatch  *batch,
                       GError            **error)
{
  const char *sha256 = cohort_import_batch_get_sha256 (batch);

  if (!check_required (cohort_import_batch_get_file_name (batch), "file_name",
                       _("An import needs the name of its file"), error) ||
      !check_required (sha256, "sha256", _("An import needs the checksum of its file"), error) ||
      !check_required (cohort_import_batch_get_format (batch), "format",
                       _("An import needs a format"), error) ||
      !check_vocabulary (COHORT_VOCABULARY_IMPORT_FORMAT, "format",
                         cohort_import_batch_get_format (batch), error) ||
      !check_required (cohort_import_batch_get_outcome (batch), "outcome",
                       _("An import needs an outcome"), error) ||
      !check_vocabulary (COHORT_VOCABULARY_IMPORT_OUTCOME, "outcome",
                         cohort_import_batch_get_outcome (batch), error) ||
      !check_not_negative (cohort_import_batch_get_n_new (batch), "n_new", error) ||
      !check_not_negative (cohort_import_batch_get_n_updated (batch), "n_updated", error) ||
      !check_not_negative (cohort_import_batch_get_n_unchanged (batch), "n_unchanged", error) ||
      !check_not_negative (cohort_import_batch_get_n_rejected (batch), "n_rejected", error) ||
      !check_order (cohort_import_batch_get_started_at (batch),
                    cohort_import_batch_get_finished_at (batch), "finished_at",
                    _("The import finished before it started"), error))
    return FALSE;

  /* A SHA-256 digest in hexadecimal, as sha256sum writes it. */
  if (!sha256_is_valid (sha256))
    {
      cohort_validation_set_error (error, COHORT_VALIDATION_ERROR_INVALID, "sha256",
                                   _("“%s” is not a SHA-256 checksum"), sha256);
      return FALSE;
    }

  return TRUE;
}

/**
 * cohort_record_validate:
 * @record: a model object
 * @error: return location for a #GError
 *
 * Checks the rules of @record's type that need no database: required fields (also those
 * required by a status), real calendar dates, ends not before starts, country codes, codes
 * from their vocabulary, email addresses, numbers in range, and text that can be stored
 * (valid UTF-8, no control characters).  Empty strings count as not given.  The store checks
 * this before every write, then the rules that need the database.
 *
 * Returns: %TRUE if @record is valid, or %FALSE with a #COHORT_VALIDATION_ERROR naming the
 *   first field at fault.
 */
gboolean
cohort_record_validate (CohortRecord  *record,
                        GError       **error)
{
  g_return_val_if_fail (COHORT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_all_text (record, error))
    return FALSE;

  if (COHORT_IS_PERSON (record))
    return validate_person (COHORT_PERSON (record), error);
  if (COHORT_IS_ORGANISATION (record))
    return validate_organisation (COHORT_ORGANISATION (record), error);
  if (COHORT_IS_PROGRAMME (record))
    return validate_programme (COHORT_PROGRAMME (record), error);
  if (COHORT_IS_COURSE (record))
    return validate_course (COHORT_COURSE (record), error);
  if (COHORT_IS_COURSE_RUN (record))
    return validate_course_run (COHORT_COURSE_RUN (record), error);
  if (COHORT_IS_ENROLMENT (record))
    return validate_enrolment (COHORT_ENROLMENT (record), error);
  if (COHORT_IS_RUN_TRAINER (record))
    return validate_run_trainer (COHORT_RUN_TRAINER (record), error);
  if (COHORT_IS_PLACEMENT (record))
    return validate_placement (COHORT_PLACEMENT (record), error);
  if (COHORT_IS_CAREER_RECORD (record))
    return validate_career_record (COHORT_CAREER_RECORD (record), error);
  if (COHORT_IS_IMPORT_BATCH (record))
    return validate_import_batch (COHORT_IMPORT_BATCH (record), error);

  return TRUE;
}
