/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-format.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

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
