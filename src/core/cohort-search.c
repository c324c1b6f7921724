/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-search"

#include "config.h"

#include "cohort-search.h"

#include <string.h>

/*
 * Search text never becomes SQL or FTS5 syntax.  A search of three characters or more is bound
 * as FTS5 strings (quoted), so `"`, `*`, `AND`, `NEAR`, `(` and `:` are matched literally;
 * a shorter one is bound as a LIKE pattern whose own `%`, `_` and `\` are escaped for
 * `LIKE :prefix ESCAPE '\'`.
 */

/**
 * cohort_search_dup_normalised:
 * @text: (nullable): what the user typed
 *
 * Returns: (transfer full) (nullable): @text in Unicode NFC, each run of white space (of any
 *   kind: the ideographic space of Japanese input too) made one ASCII space, without leading or
 *   trailing space; %NULL when nothing is left (or @text is not UTF-8)
 */
char *
cohort_search_dup_normalised (const char *text)
{
  g_autofree char *nfc = NULL;
  GString *normalised;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return NULL;

  normalised = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }

      if (space && normalised->len > 0)
        g_string_append_c (normalised, ' ');
      space = FALSE;
      g_string_append_unichar (normalised, c);
    }

  if (normalised->len == 0)
    {
      g_string_free (normalised, TRUE);
      return NULL;
    }

  return g_string_free (normalised, FALSE);
}

/**
 * cohort_search_get_mode:
 * @normalised: (nullable): a text from cohort_search_dup_normalised()
 *
 * Returns: how @normalised is matched: the trigram index needs three characters (not bytes:
 *   "田中" is two).
 */
CohortSearchMode
cohort_search_get_mode (const char *normalised)
{
  if (normalised == NULL || normalised[0] == '\0')
    return COHORT_SEARCH_MODE_NONE;

  if (g_utf8_strlen (normalised, -1) < COHORT_SEARCH_MIN_FULL_TEXT_CHARS)
    return COHORT_SEARCH_MODE_PREFIX;

  return COHORT_SEARCH_MODE_FULL_TEXT;
}

static void
append_fts_string (GString    *query,
                   const char *text,
                   gsize       length)
{
  g_string_append_c (query, '"');
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '"')
        g_string_append_c (query, '"');
      g_string_append_c (query, text[i]);
    }
  g_string_append_c (query, '"');
}

/**
 * cohort_search_dup_fts_query:
 * @normalised: a text from cohort_search_dup_normalised()
 *
 * Turns @normalised into an FTS5 query made only of FTS5 strings: each is quoted (`"` around
 * it, every `"` inside doubled), so `"`, `*`, `AND`, `NEAR`, `(` and `:` are matched literally.
 * When @normalised has several words and each has three characters or more, each word is a
 * string of its own and a row must contain all of them, in any order ("Taro Tanaka" finds
 * "Tanaka Taro"; "محمد عبد الله" finds a family name "عبد الله" with a given name "محمد");
 * otherwise @normalised is one string.  Bound to `MATCH :match` on a trigram index, each string
 * matches as a substring.
 *
 * Returns: (transfer full): the FTS5 query
 */
char *
cohort_search_dup_fts_query (const char *normalised)
{
  g_auto(GStrv) words = NULL;
  gboolean split = TRUE;
  GString *query;

  g_return_val_if_fail (normalised != NULL, NULL);

  /* cohort_search_dup_normalised() left single ASCII spaces between words. */
  words = g_strsplit (normalised, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) < COHORT_SEARCH_MIN_FULL_TEXT_CHARS)
      split = FALSE;

  query = g_string_sized_new (strlen (normalised) + 8);
  if (split && g_strv_length (words) > 1)
    {
      for (guint i = 0; words[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (query, ' ');
          append_fts_string (query, words[i], strlen (words[i]));
        }
    }
  else
    {
      append_fts_string (query, normalised, strlen (normalised));
    }

  return g_string_free (query, FALSE);
}

/**
 * cohort_search_dup_like_prefix:
 * @normalised: a text from cohort_search_dup_normalised()
 *
 * Escapes `\`, `%` and `_` in @normalised with `\` and appends `%`: a pattern for
 * `column LIKE :prefix ESCAPE '\'` that matches the values starting with @normalised (ASCII
 * letters in either case).  Bound whole, the pattern lets SQLite answer from a NOCASE index.
 *
 * Returns: (transfer full): the LIKE pattern
 */
char *
cohort_search_dup_like_prefix (const char *normalised)
{
  GString *pattern;

  g_return_val_if_fail (normalised != NULL, NULL);

  pattern = g_string_sized_new (strlen (normalised) + 2);
  for (const char *p = normalised; *p != '\0'; p++)
    {
      if (*p == '\\' || *p == '%' || *p == '_')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}
