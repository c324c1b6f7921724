/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cohort-vocabulary.h"

G_BEGIN_DECLS

void        cohort_vocabulary_combo_fill     (AdwComboRow      *row,
                                              CohortVocabulary  vocabulary,
                                              gboolean          optional);
void        cohort_vocabulary_combo_set_code (AdwComboRow      *row,
                                              CohortVocabulary  vocabulary,
                                              gboolean          optional,
                                              const char       *code);
const char *cohort_vocabulary_combo_get_code (AdwComboRow      *row,
                                              CohortVocabulary  vocabulary,
                                              gboolean          optional);

G_END_DECLS
