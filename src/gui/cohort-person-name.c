/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-person-name.h"

#include "cohort-utils.h"

/**
 * cohort_dup_person_display_name:
 * @person: a person
 *
 * A person's name as it is said: in the order of their culture; one of the names alone when the
 * other is empty, and the code when both are.
 *
 * Returns: (transfer full): the name
 */
char *
cohort_dup_person_display_name (CohortPerson *person)
{
  const char *family;
  const char *given;

  g_return_val_if_fail (COHORT_IS_PERSON (person), NULL);

  family = cohort_str_empty_to_null (cohort_person_get_family_name (person));
  given = cohort_str_empty_to_null (cohort_person_get_given_name (person));

  if (family == NULL || given == NULL)
    return g_strdup (family != NULL ? family :
                     given != NULL ? given : cohort_person_get_code (person));

  if (g_strcmp0 (cohort_person_get_name_order (person), "family_first") == 0)
    return g_strdup_printf ("%s %s", family, given);

  return g_strdup_printf ("%s %s", given, family);
}
