/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-person-name.h"

#include <string.h>

#include "cohort-utils.h"

/* The scripts a reader of a language reads besides the Latin alphabet, by ISO 639 code. */
static const struct
{
  const char    *language;
  GUnicodeScript scripts[3];
} reader_scripts[] = {
  { "am", { G_UNICODE_SCRIPT_ETHIOPIC } },
  { "ar", { G_UNICODE_SCRIPT_ARABIC } },
  { "be", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "bg", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "bn", { G_UNICODE_SCRIPT_BENGALI } },
  { "el", { G_UNICODE_SCRIPT_GREEK } },
  { "fa", { G_UNICODE_SCRIPT_ARABIC } },
  { "he", { G_UNICODE_SCRIPT_HEBREW } },
  { "hi", { G_UNICODE_SCRIPT_DEVANAGARI } },
  { "hy", { G_UNICODE_SCRIPT_ARMENIAN } },
  { "ja", { G_UNICODE_SCRIPT_HAN, G_UNICODE_SCRIPT_HIRAGANA, G_UNICODE_SCRIPT_KATAKANA } },
  { "ka", { G_UNICODE_SCRIPT_GEORGIAN } },
  { "kk", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "km", { G_UNICODE_SCRIPT_KHMER } },
  { "ko", { G_UNICODE_SCRIPT_HANGUL, G_UNICODE_SCRIPT_HAN } },
  { "ky", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "lo", { G_UNICODE_SCRIPT_LAO } },
  { "mk", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "mn", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "mr", { G_UNICODE_SCRIPT_DEVANAGARI } },
  { "my", { G_UNICODE_SCRIPT_MYANMAR } },
  { "ne", { G_UNICODE_SCRIPT_DEVANAGARI } },
  { "ps", { G_UNICODE_SCRIPT_ARABIC } },
  { "ru", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "si", { G_UNICODE_SCRIPT_SINHALA } },
  { "sr", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "ta", { G_UNICODE_SCRIPT_TAMIL } },
  { "tg", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "th", { G_UNICODE_SCRIPT_THAI } },
  { "ti", { G_UNICODE_SCRIPT_ETHIOPIC } },
  { "uk", { G_UNICODE_SCRIPT_CYRILLIC } },
  { "ur", { G_UNICODE_SCRIPT_ARABIC } },
  { "zh", { G_UNICODE_SCRIPT_HAN } },
};

/* Whether a reader of @languages (locale names, "ja_JP.UTF-8" or "ja") reads @script. */
static gboolean
reads_script (const char * const *languages,
              GUnicodeScript      script)
{
  if (script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_COMMON ||
      script == G_UNICODE_SCRIPT_INHERITED)
    return TRUE;

  for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
    {
      gsize length = strcspn (languages[i], "_.@");

      for (guint j = 0; j < G_N_ELEMENTS (reader_scripts); j++)
        if (strlen (reader_scripts[j].language) == length &&
            strncmp (reader_scripts[j].language, languages[i], length) == 0)
          for (guint k = 0; k < G_N_ELEMENTS (reader_scripts[j].scripts); k++)
            if (reader_scripts[j].scripts[k] == script)
              return TRUE;
    }

  return FALSE;
}

/* Whether a reader of @languages reads every letter of @text. */
static gboolean
reads_text (const char * const *languages,
            const char         *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!reads_script (languages, g_unichar_get_script (g_utf8_get_char (p))))
      return FALSE;

  return TRUE;
}

/* The two names in the person's order, one alone when the other is missing. */
static char *
join_names (const char *family,
            const char *given,
            gboolean    family_first)
{
  if (family == NULL || given == NULL)
    return g_strdup (family != NULL ? family : given);

  return family_first ? g_strdup_printf ("%s %s", family, given)
                      : g_strdup_printf ("%s %s", given, family);
}

/**
 * cohort_dup_person_display_name_for_reader:
 * @person: a person
 * @languages: (array zero-terminated=1): the reader's languages, as g_get_language_names()
 *   gives them
 *
 * A person's name as a reader of @languages says it: in the person's own script when they
 * have one that the reader reads (田中 愛子 to a reader of Japanese, محمد علي to a reader of
 * Arabic), otherwise romanised as in their passport; either way in the order of their culture
 * (family name first when their name order says so). One of the names alone when the other is
 * empty, and the code when all are.
 *
 * Returns: (transfer full): the name
 */
char *
cohort_dup_person_display_name_for_reader (CohortPerson       *person,
                                           const char * const *languages)
{
  const char *family;
  const char *given;
  const char *family_local;
  const char *given_local;
  gboolean family_first;

  g_return_val_if_fail (COHORT_IS_PERSON (person), NULL);

  family = cohort_str_empty_to_null (cohort_person_get_family_name (person));
  given = cohort_str_empty_to_null (cohort_person_get_given_name (person));
  family_local = cohort_str_empty_to_null (cohort_person_get_family_name_local (person));
  given_local = cohort_str_empty_to_null (cohort_person_get_given_name_local (person));
  family_first = g_strcmp0 (cohort_person_get_name_order (person), "family_first") == 0;

  if ((family_local != NULL || given_local != NULL) &&
      ((family == NULL && given == NULL) ||
       (reads_text (languages, family_local) && reads_text (languages, given_local))))
    return join_names (family_local, given_local, family_first);

  if (family == NULL && given == NULL)
    return g_strdup (cohort_person_get_code (person));

  return join_names (family, given, family_first);
}

/**
 * cohort_dup_person_display_name:
 * @person: a person
 *
 * A person's name as the user of the application reads it: see
 * cohort_dup_person_display_name_for_reader().
 *
 * Returns: (transfer full): the name
 */
char *
cohort_dup_person_display_name (CohortPerson *person)
{
  g_return_val_if_fail (COHORT_IS_PERSON (person), NULL);

  return cohort_dup_person_display_name_for_reader (person, g_get_language_names ());
}
