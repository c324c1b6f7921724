/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-model"

#include "config.h"

#include "cohort-vocabulary.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/*
 * The codes are exactly those of the CHECK constraints in sql/001-initial.sql; a test compares
 * the two.  Every label carries the vocabulary's name as its message context, because the same
 * English word ("Completed", "Other", "Cancelled") is a different word in other languages
 * depending on what it describes.
 */

static const CohortVocabularyTerm gender_terms[] = {
  { "female", "gender", NC_("gender", "Female") },
  { "male", "gender", NC_("gender", "Male") },
  { "other", "gender", NC_("gender", "Other") },
  { "undisclosed", "gender", NC_("gender", "Not disclosed") },
};

static const CohortVocabularyTerm name_order_terms[] = {
  { "family_first", "name order", NC_("name order", "Family name first") },
  { "given_first", "name order", NC_("name order", "Given name first") },
};

static const CohortVocabularyTerm organisation_kind_terms[] = {
  { "un_agency", "organisation kind", NC_("organisation kind", "UN agency") },
  { "country_office", "organisation kind", NC_("organisation kind", "Country office") },
  { "field_office", "organisation kind", NC_("organisation kind", "Field office") },
  { "international_organisation", "organisation kind",
    NC_("organisation kind", "International organisation") },
  { "regional_body", "organisation kind", NC_("organisation kind", "Regional body") },
  { "government", "organisation kind", NC_("organisation kind", "Government") },
  { "ngo", "organisation kind", NC_("organisation kind", "NGO") },
  { "university", "organisation kind", NC_("organisation kind", "University") },
  { "development_agency", "organisation kind", NC_("organisation kind", "Development agency") },
  { "private_sector", "organisation kind", NC_("organisation kind", "Private sector") },
  { "other", "organisation kind", NC_("organisation kind", "Other") },
};

static const CohortVocabularyTerm run_mode_terms[] = {
  { "in_person", "course run mode", NC_("course run mode", "In person") },
  { "online", "course run mode", NC_("course run mode", "Online") },
  { "hybrid", "course run mode", NC_("course run mode", "Hybrid") },
};

static const CohortVocabularyTerm run_status_terms[] = {
  { "planned", "course run status", NC_("course run status", "Planned") },
  { "open", "course run status", NC_("course run status", "Open for applications") },
  { "selecting", "course run status", NC_("course run status", "Selecting") },
  { "running", "course run status", NC_("course run status", "Running") },
  { "completed", "course run status", NC_("course run status", "Completed") },
  { "cancelled", "course run status", NC_("course run status", "Cancelled") },
};

static const CohortVocabularyTerm enrolment_status_terms[] = {
  { "applied", "enrolment status", NC_("enrolment status", "Applied") },
  { "selected", "enrolment status", NC_("enrolment status", "Selected") },
  { "reserve", "enrolment status", NC_("enrolment status", "On the reserve list") },
  { "rejected", "enrolment status", NC_("enrolment status", "Not selected") },
  { "enrolled", "enrolment status", NC_("enrolment status", "Enrolled") },
  { "completed", "enrolment status", NC_("enrolment status", "Completed") },
  { "participated", "enrolment status", NC_("enrolment status", "Participated") },
  { "withdrawn", "enrolment status", NC_("enrolment status", "Withdrawn") },
};

static const CohortVocabularyTerm trainer_role_terms[] = {
  { "lead_trainer", "trainer role", NC_("trainer role", "Lead trainer") },
  { "trainer", "trainer role", NC_("trainer role", "Trainer") },
  { "facilitator", "trainer role", NC_("trainer role", "Facilitator") },
  { "guest_speaker", "trainer role", NC_("trainer role", "Guest speaker") },
  { "mentor", "trainer role", NC_("trainer role", "Mentor") },
  { "coordinator", "trainer role", NC_("trainer role", "Coordinator") },
};

static const CohortVocabularyTerm placement_modality_terms[] = {
  { "un_volunteer", "placement modality", NC_("placement modality", "UN Volunteer") },
  { "secondment", "placement modality", NC_("placement modality", "Secondment") },
  { "internship", "placement modality", NC_("placement modality", "Internship") },
  { "junior_professional_officer", "placement modality",
    NC_("placement modality", "Junior Professional Officer") },
  { "consultant", "placement modality", NC_("placement modality", "Consultant") },
  { "staff", "placement modality", NC_("placement modality", "Staff") },
  { "other", "placement modality", NC_("placement modality", "Other") },
};

static const CohortVocabularyTerm placement_status_terms[] = {
  { "proposed", "placement status", NC_("placement status", "Proposed") },
  { "confirmed", "placement status", NC_("placement status", "Confirmed") },
  { "on_assignment", "placement status", NC_("placement status", "On assignment") },
  { "extended", "placement status", NC_("placement status", "Extended") },
  { "completed", "placement status", NC_("placement status", "Completed") },
  { "ended_early", "placement status", NC_("placement status", "Ended early") },
  { "cancelled", "placement status", NC_("placement status", "Cancelled") },
};

/* The ministry's classes for reporting where graduates work. */
static const CohortVocabularyTerm career_sector_terms[] = {
  { "un_international", "career sector",
    NC_("career sector", "UN or other international organisation") },
  { "government", "career sector", NC_("career sector", "Government") },
  { "development_agency", "career sector", NC_("career sector", "Development agency") },
  { "ngo", "career sector", NC_("career sector", "NGO") },
  { "academia", "career sector", NC_("career sector", "Academia") },
  { "private_sector", "career sector", NC_("career sector", "Private sector") },
  { "student", "career sector", NC_("career sector", "Student") },
  { "other", "career sector", NC_("career sector", "Other") },
};

static const CohortVocabularyTerm career_source_terms[] = {
  { "survey", "career source", NC_("career source", "Survey") },
  { "self_report", "career source", NC_("career source", "Self-report") },
  { "cv", "career source", NC_("career source", "CV") },
  { "web", "career source", NC_("career source", "Web") },
  { "other", "career source", NC_("career source", "Other") },
};

static const CohortVocabularyTerm import_format_terms[] = {
  { "xcri", "import format", NC_("import format", "XCRI-CAP 1.2") },
  { "ims", "import format", NC_("import format", "IMS Enterprise 1.1") },
  { "csv", "import format", NC_("import format", "CSV") },
};

static const CohortVocabularyTerm import_outcome_terms[] = {
  { "committed", "import outcome", NC_("import outcome", "Imported") },
  { "failed", "import outcome", NC_("import outcome", "Failed") },
  { "cancelled", "import outcome", NC_("import outcome", "Cancelled") },
};

static const struct {
  const CohortVocabularyTerm *terms;
  guint                       n_terms;
  const char                 *default_code; /* the column's DEFAULT, or NULL when it has none */
  const char                 *title;
} vocabularies[] = {
  [COHORT_VOCABULARY_GENDER] =
    { gender_terms, G_N_ELEMENTS (gender_terms), "undisclosed", N_("Gender") },
  [COHORT_VOCABULARY_NAME_ORDER] =
    { name_order_terms, G_N_ELEMENTS (name_order_terms), "given_first", N_("Name order") },
  [COHORT_VOCABULARY_ORGANISATION_KIND] =
    { organisation_kind_terms, G_N_ELEMENTS (organisation_kind_terms), "other",
      N_("Kind of organisation") },
  [COHORT_VOCABULARY_RUN_MODE] =
    { run_mode_terms, G_N_ELEMENTS (run_mode_terms), NULL, N_("Mode") },
  [COHORT_VOCABULARY_RUN_STATUS] =
    { run_status_terms, G_N_ELEMENTS (run_status_terms), "planned", N_("Course run status") },
  [COHORT_VOCABULARY_ENROLMENT_STATUS] =
    { enrolment_status_terms, G_N_ELEMENTS (enrolment_status_terms), "applied",
      N_("Enrolment status") },
  [COHORT_VOCABULARY_TRAINER_ROLE] =
    { trainer_role_terms, G_N_ELEMENTS (trainer_role_terms), "trainer", N_("Role") },
  [COHORT_VOCABULARY_PLACEMENT_MODALITY] =
    { placement_modality_terms, G_N_ELEMENTS (placement_modality_terms), NULL,
      N_("Modality") },
  [COHORT_VOCABULARY_PLACEMENT_STATUS] =
    { placement_status_terms, G_N_ELEMENTS (placement_status_terms), "proposed",
      N_("Placement status") },
  [COHORT_VOCABULARY_CAREER_SECTOR] =
    { career_sector_terms, G_N_ELEMENTS (career_sector_terms), "other", N_("Sector") },
  [COHORT_VOCABULARY_CAREER_SOURCE] =
    { career_source_terms, G_N_ELEMENTS (career_source_terms), NULL, N_("Source") },
  [COHORT_VOCABULARY_IMPORT_FORMAT] =
    { import_format_terms, G_N_ELEMENTS (import_format_terms), NULL, N_("Format") },
  [COHORT_VOCABULARY_IMPORT_OUTCOME] =
    { import_outcome_terms, G_N_ELEMENTS (import_outcome_terms), NULL, N_("Outcome") },
};

static gboolean
vocabulary_is_valid (CohortVocabulary vocabulary)
{
  return (guint) vocabulary < G_N_ELEMENTS (vocabularies);
}

static const CohortVocabularyTerm *
find_term (CohortVocabulary  vocabulary,
           const char       *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0; i < vocabularies[vocabulary].n_terms; i++)
    if (strcmp (vocabularies[vocabulary].terms[i].code, code) == 0)
      return &vocabularies[vocabulary].terms[i];

  return NULL;
}

/**
 * cohort_vocabulary_get_terms:
 * @vocabulary: a vocabulary
 * @n_terms: (out) (optional): where to store the number of terms
 *
 * Returns: (transfer none) (array length=n_terms): the terms of @vocabulary in the order they
 *   are offered to the user.
 */
const CohortVocabularyTerm *
cohort_vocabulary_get_terms (CohortVocabulary  vocabulary,
                             guint            *n_terms)
{
  g_return_val_if_fail (vocabulary_is_valid (vocabulary), NULL);

  if (n_terms != NULL)
    *n_terms = vocabularies[vocabulary].n_terms;

  return vocabularies[vocabulary].terms;
}

/**
 * cohort_vocabulary_get_default:
 * @vocabulary: a vocabulary
 *
 * Returns: (nullable): the code the database stores when none is given (the column's
 *   `DEFAULT`), or %NULL when the column may stay empty.
 */
const char *
cohort_vocabulary_get_default (CohortVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary_is_valid (vocabulary), NULL);

  return vocabularies[vocabulary].default_code;
}

/**
 * cohort_vocabulary_contains:
 * @vocabulary: a vocabulary
 * @code: (nullable): a code
 *
 * Returns: %TRUE if @code is one of the codes of @vocabulary (compared exactly: codes are
 *   lower case).
 */
gboolean
cohort_vocabulary_contains (CohortVocabulary  vocabulary,
                            const char       *code)
{
  g_return_val_if_fail (vocabulary_is_valid (vocabulary), FALSE);

  return find_term (vocabulary, code) != NULL;
}

/**
 * cohort_vocabulary_get_label:
 * @vocabulary: a vocabulary
 * @code: (nullable): a code
 *
 * Returns: (nullable): the translated label of @code, or %NULL if @code is not in @vocabulary.
 */
const char *
cohort_vocabulary_get_label (CohortVocabulary  vocabulary,
                             const char       *code)
{
  const CohortVocabularyTerm *term;

  g_return_val_if_fail (vocabulary_is_valid (vocabulary), NULL);

  term = find_term (vocabulary, code);
  if (term == NULL)
    return NULL;

  return cohort_vocabulary_term_get_label (term);
}

/**
 * cohort_vocabulary_get_title:
 * @vocabulary: a vocabulary
 *
 * Returns: the translated name of the list, e.g. "Placement status", for column headers and
 *   filter menus.
 */
const char *
cohort_vocabulary_get_title (CohortVocabulary vocabulary)
{
  g_return_val_if_fail (vocabulary_is_valid (vocabulary), NULL);

  return _(vocabularies[vocabulary].title);
}

/**
 * cohort_vocabulary_term_get_label:
 * @term: a term from cohort_vocabulary_get_terms()
 *
 * Returns: the label of @term translated in its context.
 */
const char *
cohort_vocabulary_term_get_label (const CohortVocabularyTerm *term)
{
  g_return_val_if_fail (term != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, term->context, term->label);
}
