/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-format.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

/* Whether dates are shown in the C locale: then a date stays ISO 8601, which says
 * the same to everyone, rather than C's two-digit-year "%x". */
static gboolean
locale_is_c (int category)
{
  const char *name = setlocale (category, NULL);

  return name == NULL || g_str_equal (name, "C") || g_str_equal (name, "POSIX") ||
         g_str_has_prefix (name, "C.");
}

/* The number of @length digits at @text, or -1. */
static int
parse_digits (const char *text,
              gsize       length)
{
  int value = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return -1;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }

  return value;
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
  int year;
  int month = 1;
  int day = 1;

  if (iso == NULL)
    return g_strdup ("");

  length = strlen (iso);
  if (locale_is_c (LC_TIME) || (length != 4 && length != 7 && length != 10))
    return g_strdup (iso);

  year = parse_digits (iso, 4);
  if (length >= 7)
    month = iso[4] == '-' ? parse_digits (iso + 5, 2) : -1;
  if (length == 10)
    day = iso[7] == '-' ? parse_digits (iso + 8, 2) : -1;
  if (year < 1 || month < 1 || day < 1)
    return g_strdup (iso);

  date = g_date_time_new_local (year, month, day, 12, 0, 0);
  if (date == NULL || g_date_time_get_month (date) != month ||
      g_date_time_get_day_of_month (date) != day)
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

/**
 * cohort_format_sentence:
 * @message: a message, e.g. an error's
 *
 * Returns: (transfer full): @message ending as a sentence does: with a full stop, unless it
 *   already ends with one, a question or exclamation mark, an ellipsis or an ideographic stop
 */
char *
cohort_format_sentence (const char *message)
{
  gsize len;

  g_return_val_if_fail (message != NULL, NULL);

  len = strlen (message);
  if (len == 0 || strchr (".!?", message[len - 1]) != NULL || g_str_has_suffix (message, "…") ||
      g_str_has_suffix (message, "。"))
    return g_strdup (message);

  return g_strconcat (message, ".", NULL);
}
