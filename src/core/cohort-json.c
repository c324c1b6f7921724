/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-json"

#include "config.h"

#include "cohort-json.h"

#include <string.h>

/*
 * Writing JSON without a JSON library: the one thing that needs care is a string, and that is
 * here.  Numbers, objects and arrays are written by their callers with g_string_append().
 */

/**
 * cohort_json_append_string:
 * @out: where to write
 * @text: (nullable): UTF-8 text, or %NULL for JSON `null`
 *
 * Appends @text as a JSON string literal, quotes included.  Quotes, backslashes, control
 * characters (U+0000 to U+001F and U+007F), and the line and paragraph separators U+2028 and
 * U+2029 are escaped, so the result is valid JSON and valid JavaScript.  A byte that is not
 * part of valid UTF-8 is written as U+FFFD, so the output is always valid UTF-8.
 */
void
cohort_json_append_string (GString    *out,
                           const char *text)
{
  const char *p;
  const char *end;

  g_return_if_fail (out != NULL);

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  p = text;
  end = text + strlen (text);
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append (out, "\\ufffd");
          p++;
          continue;
        }

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
      p = g_utf8_next_char (p);
    }
  g_string_append_c (out, '"');
}
