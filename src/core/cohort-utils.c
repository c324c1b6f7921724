/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-utils"

#include "config.h"

#include "cohort-utils.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include <string.h>

/**
 * cohort_set_str:
 * @str_pointer: a pointer to an owned string
 * @new_str: (nullable): the new value
 *
 * Replaces *@str_pointer with a copy of @new_str.
 *
 * Returns: %TRUE if the value changed (GLib 2.76's g_set_str, for the 2.74 floor).
 */
gboolean
cohort_set_str (char       **str_pointer,
                const char  *new_str)
{
  char *copy;

  g_return_val_if_fail (str_pointer != NULL, FALSE);

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/**
 * cohort_dup_timestamp_now:
 *
 * Returns: (transfer full): the current UTC time as `YYYY-MM-DDTHH:MM:SS.mmmZ`, the form
 *   SQLite's `strftime('%Y-%m-%dT%H:%M:%fZ')` writes, so the two sort together.
 */
char *
cohort_dup_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *base = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", base, g_date_time_get_microsecond (now) / 1000);
}

static gboolean
parse_digits (const char *str,
              guint       n_digits,
              guint      *out_value)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (guint) (str[i] - '0');
    }

  *out_value = value;
  return TRUE;
}

/**
 * cohort_date_is_valid:
 * @date: (nullable): a string
 *
 * Returns: %TRUE if @date is a real calendar date written `YYYY-MM-DD` (no 2026-02-30, no
 *   0000-00-00).
 */
gboolean
cohort_date_is_valid (const char *date)
{
  guint year, month, day;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;

  if (!parse_digits (date, 4, &year) ||
      !parse_digits (date + 5, 2, &month) ||
      !parse_digits (date + 8, 2, &day))
    return FALSE;

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

/**
 * cohort_partial_date_is_valid:
 * @date: (nullable): a string
 *
 * Career records may be dated to the year or month: accepts `YYYY`, `YYYY-MM` and `YYYY-MM-DD`.
 */
gboolean
cohort_partial_date_is_valid (const char *date)
{
  guint year, month;
  gsize len;

  if (date == NULL)
    return FALSE;

  len = strlen (date);
  if (len == 10)
    return cohort_date_is_valid (date);
  if (len != 4 && len != 7)
    return FALSE;
  if (!parse_digits (date, 4, &year) || year < 1)
    return FALSE;
  if (len == 4)
    return TRUE;

  return date[4] == '-' && parse_digits (date + 5, 2, &month) && month >= 1 && month <= 12;
}

/**
 * cohort_country_is_valid:
 * @code: (nullable): a string
 *
 * Returns: %TRUE if @code has the shape of an ISO 3166-1 alpha-2 code (two capital letters).
 */
gboolean
cohort_country_is_valid (const char *code)
{
  return code != NULL &&
         g_ascii_isupper (code[0]) && g_ascii_isupper (code[1]) && code[2] == '\0';
}

/**
 * cohort_dup_normalised_name:
 * @name: (nullable): a name in any script
 *
 * Folds a name for comparison: Unicode NFKC, case-folded, with spaces, hyphens, dots and
 * apostrophes removed, so "Nguyễn Thị  Mai", "NGUYỄN THỊ MAI" and "Nguyễn-Thị Mai" compare equal,
 * and full-width and half-width Japanese agree.
 *
 * Returns: (transfer full) (nullable): the folded name, or %NULL when nothing is left.
 */
char *
cohort_dup_normalised_name (const char *name)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;

  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return NULL;
  folded = g_utf8_casefold (nfkc, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '-' || c == '.' || c == '\'' || c == 0x2019 ||
          c == 0x30FB /* katakana middle dot */ || c == 0x00B7)
        continue;
      g_string_append_unichar (out, c);
    }

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

/**
 * cohort_str_empty_to_null:
 * @str: (nullable): a string
 *
 * Returns: (nullable): @str, or %NULL if it is %NULL or empty.
 */
const char *
cohort_str_empty_to_null (const char *str)
{
  return (str == NULL || str[0] == '\0') ? NULL : str;
}

/* Whether dates are shown in the C locale: then a date stays ISO 8601, which says
 * the same to everyone, rather than C's two-digit-year "%x". */
static gboolean
locale_is_c (int category)
{
  const char *name = setlocale (category, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/**
 * cohort_format_date:
 * @iso: (nullable): a date as the database keeps it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 *
 * A date in the reader's language and the customs of their locale, for the window to show as
 * text (`27/11/2026`, `2026年11月27日`; a month as `novembre 2026`; a year as itself). Fields
 * that edit a date keep ISO 8601, as do files and the command line. A date that is not one of
 * these forms, and any date in the C locale, is given back as it is.
 *
 * Returns: (transfer full): the text, empty when @iso is %NULL
 */
char *
cohort_format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  gsize length;
  guint year = 0;
  guint month = 1;
  guint day = 1;

  if (iso == NULL)
    return g_strdup ("");

  length = strlen (iso);
  if (locale_is_c (LC_TIME) || (length != 4 && length != 7 && length != 10) ||
      !cohort_partial_date_is_valid (iso))
    return g_strdup (iso);

  parse_digits (iso, 4, &year);
  if (length >= 7)
    parse_digits (iso + 5, 2, &month);
  if (length == 10)
    parse_digits (iso + 8, 2, &day);

  date = g_date_time_new_local ((int) year, (int) month, (int) day, 12, 0, 0);
  if (date == NULL)
    return g_strdup (iso);

  if (length == 4)
    return g_strdup (iso);
  if (length == 7)
    /* Translators: a month of a year, as strftime() writes it: "%B %Y" is "November 2026";
     * write it as your language does, e.g. "%Y年%-m月" */
    /* xgettext:no-c-format */
    return g_date_time_format (date, C_("month and year", "%B %Y"));

  /* Translators: a day, as strftime() writes it; "%x" is the locale's short date (27/11/2026
   * in France); "%e %B %Y" would be "27 November 2026" */
  /* xgettext:no-c-format */
  return g_date_time_format (date, C_("day", "%x"));
}
