/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CohortSearchMode:
 * @COHORT_SEARCH_MODE_NONE: nothing to search for (empty or only spaces)
 * @COHORT_SEARCH_MODE_FULL_TEXT: three characters or more: a substring match through the
 *   FTS5 trigram indexes
 * @COHORT_SEARCH_MODE_PREFIX: one or two characters, too short for a trigram: a prefix match
 *   on the name, title and code columns
 *
 * How a search text is matched.
 */
typedef enum
{
  COHORT_SEARCH_MODE_NONE,
  COHORT_SEARCH_MODE_FULL_TEXT,
  COHORT_SEARCH_MODE_PREFIX,
} CohortSearchMode;

#define COHORT_SEARCH_MIN_FULL_TEXT_CHARS 3

char             *cohort_search_dup_normalised  (const char *text);
CohortSearchMode  cohort_search_get_mode        (const char *normalised);
char             *cohort_search_dup_fts_query   (const char *normalised);
char             *cohort_search_dup_like_prefix (const char *normalised);

G_END_DECLS
