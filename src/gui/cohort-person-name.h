/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cohort-person.h"

G_BEGIN_DECLS

char *cohort_dup_person_display_name            (CohortPerson       *person);
char *cohort_dup_person_display_name_for_reader (CohortPerson       *person,
                                                 const char * const *languages);

G_END_DECLS
