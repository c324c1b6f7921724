/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-xcri"

#include "config.h"

#include "cohort-xcri-text.h"

#include <stdlib.h>
#include <string.h>

/* Renders a stream of text and (X)HTML element events as plain text: paragraphs separated by
 * an empty line, list items on their own line after a bullet, white space collapsed as a
 * browser would. */
struct _CohortXcriText
{
  GString  *out;
  guint     pending_break;   /* 0: none, 1: a new line, 2: a new paragraph */
  gboolean  pending_space;
  gboolean  pending_bullet;
  guint     pre_depth;
  guint     skip_depth;
};

typedef enum
{
  HTML_INLINE,
  HTML_BLOCK,      /* a paragraph of its own */
  HTML_PRE,        /* a paragraph whose white space counts */
  HTML_LINE,       /* a line of its own */
  HTML_ITEM,       /* a line of its own, after a bullet */
  HTML_BREAK,      /* <br> */
  HTML_CELL,       /* separated by a space */
  HTML_HIDDEN,     /* <script>, <style>: not text at all */
} HtmlKind;

typedef struct
{
  const char *name;
  HtmlKind    kind;
} HtmlElement;

/* Sorted by name, for bsearch(). */
static const HtmlElement html_elements[] = {
  { "address", HTML_BLOCK }, { "article", HTML_BLOCK }, { "aside", HTML_BLOCK },
  { "blockquote", HTML_BLOCK }, { "br", HTML_BREAK }, { "caption", HTML_BLOCK },
  { "center", HTML_BLOCK }, { "dd", HTML_LINE }, { "div", HTML_BLOCK }, { "dl", HTML_BLOCK },
  { "dt", HTML_LINE }, { "fieldset", HTML_BLOCK }, { "figure", HTML_BLOCK },
  { "footer", HTML_BLOCK }, { "form", HTML_BLOCK }, { "h1", HTML_BLOCK }, { "h2", HTML_BLOCK },
  { "h3", HTML_BLOCK }, { "h4", HTML_BLOCK }, { "h5", HTML_BLOCK }, { "h6", HTML_BLOCK },
  { "header", HTML_BLOCK }, { "hr", HTML_BLOCK }, { "li", HTML_ITEM }, { "main", HTML_BLOCK },
  { "nav", HTML_BLOCK }, { "ol", HTML_BLOCK }, { "p", HTML_BLOCK }, { "pre", HTML_PRE },
  { "script", HTML_HIDDEN }, { "section", HTML_BLOCK }, { "style", HTML_HIDDEN },
  { "table", HTML_BLOCK }, { "tbody", HTML_BLOCK }, { "td", HTML_CELL },
  { "tfoot", HTML_BLOCK }, { "th", HTML_CELL }, { "thead", HTML_BLOCK }, { "tr", HTML_LINE },
  { "ul", HTML_BLOCK },
};

static int
compare_html_element (const void *key,
                      const void *element)
{
  return g_ascii_strcasecmp (key, ((const HtmlElement *) element)->name);
}

static HtmlKind
classify_html (const char *name)
{
  const HtmlElement *found;

  found = bsearch (name, html_elements, G_N_ELEMENTS (html_elements), sizeof (HtmlElement),
                   compare_html_element);

  return found != NULL ? found->kind : HTML_INLINE;
}

/* Tags whose presence in a text says it is HTML written as text. */
static const char * const html_tags[] = {
  "a", "b", "big", "blockquote", "br", "center", "dd", "div", "dl", "dt", "em", "font", "h1",
  "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "small", "span",
  "strong", "sub", "sup", "table", "td", "th", "tr", "u", "ul",
};

static const struct
{
  const char *name;
  const char *text;
} html_entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" }, { "apos", "'" },
  { "nbsp", "\xc2\xa0" }, { "ndash", "\xe2\x80\x93" }, { "mdash", "\xe2\x80\x94" },
  { "lsquo", "\xe2\x80\x98" }, { "rsquo", "\xe2\x80\x99" }, { "ldquo", "\xe2\x80\x9c" },
  { "rdquo", "\xe2\x80\x9d" }, { "hellip", "\xe2\x80\xa6" }, { "bull", "\xe2\x80\xa2" },
  { "middot", "\xc2\xb7" }, { "copy", "\xc2\xa9" }, { "reg", "\xc2\xae" },
  { "trade", "\xe2\x84\xa2" }, { "pound", "\xc2\xa3" }, { "euro", "\xe2\x82\xac" },
  { "eacute", "\xc3\xa9" }, { "egrave", "\xc3\xa8" }, { "aacute", "\xc3\xa1" },
  { "agrave", "\xc3\xa0" }, { "uuml", "\xc3\xbc" }, { "ouml", "\xc3\xb6" },
  { "auml", "\xc3\xa4" }, { "ccedil", "\xc3\xa7" },
};

static gboolean
name_in (const char         *name,
         const char * const *names,
         gsize               n_names)
{
  for (gsize i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (name, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

CohortXcriText *
cohort_xcri_text_new (void)
{
  CohortXcriText *self = g_new0 (CohortXcriText, 1);

  self->out = g_string_new (NULL);

  return self;
}

void
cohort_xcri_text_free (CohortXcriText *self)
{
  if (self == NULL)
    return;

  g_string_free (self->out, TRUE);
  g_free (self);
}

static void
trim_trailing_blanks (GString *out)
{
  while (out->len > 0 && (out->str[out->len - 1] == ' ' || out->str[out->len - 1] == '\t'))
    g_string_truncate (out, out->len - 1);
}

/* Appends one byte of visible text, after the break, space or bullet waiting for it. */
static void
emit (CohortXcriText *self,
      char            c)
{
  if (self->out->len > 0 && self->pending_break > 0)
    {
      trim_trailing_blanks (self->out);
      if (self->out->len > 0 && self->out->str[self->out->len - 1] == '\n')
        {
          if (self->pending_break >= 2 &&
              (self->out->len < 2 || self->out->str[self->out->len - 2] != '\n'))
            g_string_append_c (self->out, '\n');
        }
      else
        {
          g_string_append (self->out, self->pending_break >= 2 ? "\n\n" : "\n");
        }
    }
  else if (self->pending_space && self->out->len > 0 &&
           self->out->str[self->out->len - 1] != ' ' &&
           self->out->str[self->out->len - 1] != '\n')
    {
      g_string_append_c (self->out, ' ');
    }

  self->pending_break = 0;
  self->pending_space = FALSE;

  if (self->pending_bullet)
    {
      g_string_append (self->out, "\xe2\x80\xa2 ");
      self->pending_bullet = FALSE;
    }

  g_string_append_c (self->out, c);
}

void
cohort_xcri_text_append (CohortXcriText *self,
                         const char     *text,
                         gssize          len)
{
  g_return_if_fail (self != NULL);

  if (text == NULL || self->skip_depth > 0)
    return;
  if (len < 0)
    len = (gssize) strlen (text);

  for (gssize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c == '\0')
        break;

      if (self->pre_depth > 0)
        {
          if (c == '\r')
            continue;
          if (c == '\n')
            {
              if (self->out->len > 0 && self->pending_break == 0)
                g_string_append_c (self->out, '\n');
              continue;
            }
          emit (self, c);
          continue;
        }

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          self->pending_space = TRUE;
          continue;
        }

      emit (self, c);
    }
}

void
cohort_xcri_text_start_element (CohortXcriText *self,
                                const char     *name)
{
  g_return_if_fail (self != NULL);

  if (name == NULL)
    return;

  switch (classify_html (name))
    {
    case HTML_HIDDEN:
      self->skip_depth++;
      break;

    case HTML_BREAK:
      self->pending_break = MIN (self->pending_break + 1, 2);
      break;

    case HTML_PRE:
      self->pre_depth++;
      self->pending_break = 2;
      break;

    case HTML_BLOCK:
      self->pending_break = 2;
      break;

    case HTML_ITEM:
      self->pending_bullet = TRUE;
      self->pending_break = MAX (self->pending_break, 1);
      break;

    case HTML_LINE:
      self->pending_break = MAX (self->pending_break, 1);
      break;

    case HTML_CELL:
      self->pending_space = TRUE;
      break;

    case HTML_INLINE:
    default:
      break;
    }
}

void
cohort_xcri_text_end_element (CohortXcriText *self,
                              const char     *name)
{
  g_return_if_fail (self != NULL);

  if (name == NULL)
    return;

  switch (classify_html (name))
    {
    case HTML_HIDDEN:
      if (self->skip_depth > 0)
        self->skip_depth--;
      break;

    case HTML_PRE:
      if (self->pre_depth > 0)
        self->pre_depth--;
      self->pending_break = 2;
      break;

    case HTML_BLOCK:
      self->pending_break = 2;
      break;

    case HTML_ITEM:
    case HTML_LINE:
      self->pending_break = MAX (self->pending_break, 1);
      self->pending_bullet = FALSE;
      break;

    case HTML_CELL:
      self->pending_space = TRUE;
      break;

    case HTML_BREAK:
    case HTML_INLINE:
    default:
      break;
    }
}

/**
 * cohort_xcri_text_finish:
 * @self: a renderer
 *
 * Returns: (transfer full): the plain text rendered so far, without leading or trailing white
 *   space
 */
char *
cohort_xcri_text_finish (CohortXcriText *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new_len (self->out->str, (gssize) self->out->len);
  while (out->len > 0 && g_ascii_isspace (out->str[out->len - 1]))
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/**
 * cohort_xcri_text_dup_line:
 * @text: (nullable): a text
 *
 * Returns: (transfer full) (nullable): @text on one line: every run of white space made one
 *   space, none at either end; %NULL for %NULL
 */
char *
cohort_xcri_text_dup_line (const char *text)
{
  GString *out;
  gboolean space = FALSE;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/**
 * cohort_xcri_text_dup_paragraphs:
 * @text: (nullable): plain text as an XML editor may lay it out
 *
 * Returns: (transfer full) (nullable): @text with each line trimmed and its white space
 *   collapsed, its lines kept, and its blank lines made one empty line between paragraphs
 */
char *
cohort_xcri_text_dup_paragraphs (const char *text)
{
  g_auto(GStrv) lines = NULL;
  GString *out;
  gboolean blank = FALSE;

  if (text == NULL)
    return NULL;

  out = g_string_new (NULL);
  lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = cohort_xcri_text_dup_line (lines[i]);

      if (line[0] == '\0')
        {
          blank = TRUE;
          continue;
        }
      if (out->len > 0)
        g_string_append (out, blank ? "\n\n" : "\n");
      blank = FALSE;
      g_string_append (out, line);
    }

  return g_string_free (out, FALSE);
}

/* The length of the tag name at @p, 0 if there is none. */
static gsize
tag_name_length (const char *p)
{
  gsize len = 0;

  if (!g_ascii_isalpha (p[0]))
    return 0;
  while (g_ascii_isalnum (p[len]))
    len++;

  return len;
}

/* Decodes the HTML character reference at @p (just after '&'); returns its length up to and
 * with the ';', and its text in @out, or 0. */
static gsize
decode_entity (const char *p,
               char        out[8])
{
  const char *semicolon = NULL;
  gsize len;

  for (len = 0; len < 12 && p[len] != '\0'; len++)
    {
      if (p[len] == ';')
        {
          semicolon = p + len;
          break;
        }
    }
  if (semicolon == NULL || len == 0)
    return 0;

  if (p[0] == '#')
    {
      guint64 code = 0;
      g_autofree char *digits = NULL;
      gboolean ok;
      int n;

      if (p[1] == 'x' || p[1] == 'X')
        {
          digits = g_strndup (p + 2, len - 2);
          ok = g_ascii_string_to_unsigned (digits, 16, 1, 0x10FFFF, &code, NULL);
        }
      else
        {
          digits = g_strndup (p + 1, len - 1);
          ok = g_ascii_string_to_unsigned (digits, 10, 1, 0x10FFFF, &code, NULL);
        }
      if (!ok || !g_unichar_validate ((gunichar) code))
        return 0;

      n = g_unichar_to_utf8 ((gunichar) code, out);
      out[n] = '\0';
      return len + 1;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (html_entities); i++)
    {
      if (strlen (html_entities[i].name) == len && strncmp (p, html_entities[i].name, len) == 0)
        {
          g_strlcpy (out, html_entities[i].text, 8);
          return len + 1;
        }
    }

  return 0;
}

/**
 * cohort_xcri_text_looks_like_html:
 * @text: (nullable): a text
 *
 * Returns: %TRUE if @text holds HTML tags (`<p>`, `<br />`, `<a href=…>`) or HTML character
 *   references (`&nbsp;`) written as text
 */
gboolean
cohort_xcri_text_looks_like_html (const char *text)
{
  if (text == NULL)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '<')
        {
          const char *name = p + 1 + (p[1] == '/' ? 1 : 0);
          gsize len = tag_name_length (name);
          g_autofree char *tag = NULL;

          if (len == 0 || (name[len] != '>' && name[len] != '/' && name[len] != ' ' &&
                           name[len] != '\t' && name[len] != '\n' && name[len] != '\r'))
            continue;

          tag = g_strndup (name, len);
          if (name_in (tag, html_tags, G_N_ELEMENTS (html_tags)))
            return TRUE;
        }
      else if (*p == '&')
        {
          char decoded[8];

          if (decode_entity (p + 1, decoded) > 0)
            return TRUE;
        }
    }

  return FALSE;
}

/**
 * cohort_xcri_text_dup_from_html:
 * @text: HTML written as text
 *
 * Returns: (transfer full): @text as plain text: tags turned into paragraph and line breaks or
 *   left out, character references decoded, comments and scripts left out
 */
char *
cohort_xcri_text_dup_from_html (const char *text)
{
  g_autoptr(CohortXcriText) renderer = cohort_xcri_text_new ();
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while (*p != '\0')
    {
      if (*p == '<')
        {
          gboolean closing = p[1] == '/';
          const char *name = p + 1 + (closing ? 1 : 0);
          gsize len;
          const char *q;
          char quote = 0;

          if (g_str_has_prefix (p, "<!--"))
            {
              const char *end = strstr (p + 4, "-->");

              p = end != NULL ? end + 3 : p + strlen (p);
              continue;
            }

          len = tag_name_length (name);
          if (len == 0 && p[1] != '!' && p[1] != '?')
            {
              cohort_xcri_text_append (renderer, "<", 1);
              p++;
              continue;
            }

          /* Find the end of the tag, minding quoted attribute values. */
          for (q = name + len; *q != '\0'; q++)
            {
              if (quote != 0)
                {
                  if (*q == quote)
                    quote = 0;
                }
              else if (*q == '"' || *q == '\'')
                {
                  quote = *q;
                }
              else if (*q == '>')
                {
                  break;
                }
            }

          if (*q == '\0')
            {
              /* Not a tag after all: the rest is text. */
              cohort_xcri_text_append (renderer, p, -1);
              break;
            }

          if (len > 0)
            {
              g_autofree char *tag = g_ascii_strdown (name, (gssize) len);

              if (closing)
                cohort_xcri_text_end_element (renderer, tag);
              else
                cohort_xcri_text_start_element (renderer, tag);
            }

          p = q + 1;
        }
      else if (*p == '&')
        {
          char decoded[8];
          gsize len = decode_entity (p + 1, decoded);

          if (len > 0)
            {
              cohort_xcri_text_append (renderer, decoded, -1);
              p += len + 1;
            }
          else
            {
              cohort_xcri_text_append (renderer, "&", 1);
              p++;
            }
        }
      else
        {
          gsize run = strcspn (p, "<&");

          cohort_xcri_text_append (renderer, p, (gssize) run);
          p += run;
        }
    }

  return cohort_xcri_text_finish (renderer);
}

/* Dates */

static gboolean
read_digits (const char **p,
             guint        n_digits,
             guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + (guint) ((*p)[i] - '0');
    }
  if (g_ascii_isdigit ((*p)[n_digits]))
    return FALSE;

  *p += n_digits;
  *value = v;
  return TRUE;
}

static gboolean
is_time_text (const char *p)
{
  guint hours, minutes;

  if (!read_digits (&p, 2, &hours) || *p != ':' || hours > 24)
    return FALSE;
  p++;
  if (!read_digits (&p, 2, &minutes) || minutes > 59)
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p) && *p != ':' && *p != '.' && *p != '+' && *p != '-' &&
          *p != 'Z' && *p != 'z')
        return FALSE;
    }

  return TRUE;
}

static char *
format_date (guint year,
             guint month,
             guint day)
{
  if (day > 0)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  if (month > 0)
    return g_strdup_printf ("%04u-%02u", year, month);
  return g_strdup_printf ("%04u", year);
}

/**
 * cohort_xcri_text_parse_iso_date:
 * @text: (nullable): a text
 *
 * Reads an ISO 8601 date (`2012-09-30`), date-time with or without zone
 * (`2013-09-30T00:00:00`, `2012-08-22T00:00:00+01:00`: the date as written, not moved to UTC),
 * year-month (`2014-09`) or year.
 *
 * Returns: (transfer full) (nullable): `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or %NULL if @text is
 *   none of those or not a real date
 */
char *
cohort_xcri_text_parse_iso_date (const char *text)
{
  g_autofree char *copy = NULL;
  const char *p;
  guint year = 0, month = 0, day = 0;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  p = copy;

  if (!read_digits (&p, 4, &year) || year == 0)
    return NULL;
  if (*p == '\0')
    return format_date (year, 0, 0);

  if (*p != '-')
    return NULL;
  p++;
  if (!read_digits (&p, 2, &month) || month < 1 || month > 12)
    return NULL;
  if (*p == '\0')
    return format_date (year, month, 0);

  if (*p != '-')
    return NULL;
  p++;
  if (!read_digits (&p, 2, &day) || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month,
                                                       (GDateYear) year))
    return NULL;

  if (*p != '\0' && !((*p == 'T' || *p == 't' || *p == ' ') && is_time_text (p + 1)))
    return NULL;

  return format_date (year, month, day);
}

static const struct
{
  const char *name;
  guint       month;
} month_names[] = {
  { "january", 1 }, { "february", 2 }, { "march", 3 }, { "april", 4 }, { "may", 5 },
  { "june", 6 }, { "july", 7 }, { "august", 8 }, { "september", 9 }, { "october", 10 },
  { "november", 11 }, { "december", 12 }, { "jan", 1 }, { "feb", 2 }, { "mar", 3 },
  { "apr", 4 }, { "jun", 6 }, { "jul", 7 }, { "aug", 8 }, { "sep", 9 }, { "sept", 9 },
  { "oct", 10 }, { "nov", 11 }, { "dec", 12 },
};

/* Words that may stand around a date without changing it. */
static const char * const filler_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
  "of", "the", "on", "in", "from", "start", "starts", "starting", "begins", "beginning",
};

static char *
parse_numeric_date (const char        *text,
                    CohortXcriDateHow *how)
{
  g_auto(GStrv) parts = NULL;
  guint values[3];
  gsize lengths[3];

  if (strchr (text, ' ') != NULL)
    return NULL;

  parts = g_regex_split_simple ("[/.-]", text, 0, 0);
  if (g_strv_length (parts) != 3)
    return NULL;

  for (guint i = 0; i < 3; i++)
    {
      guint64 value;

      lengths[i] = strlen (parts[i]);
      if (lengths[i] == 0 || lengths[i] > 4 ||
          !g_ascii_string_to_unsigned (parts[i], 10, 0, 9999, &value, NULL))
        return NULL;
      values[i] = (guint) value;
    }

  if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2)
    {
      if (!g_date_valid_dmy ((GDateDay) values[2], (GDateMonth) values[1], (GDateYear) values[0]))
        return NULL;
      *how = COHORT_XCRI_DATE_TEXT;
      return format_date (values[0], values[1], values[2]);
    }

  if (lengths[2] == 4 && lengths[0] <= 2 && lengths[1] <= 2)
    {
      if (!g_date_valid_dmy ((GDateDay) values[0], (GDateMonth) values[1], (GDateYear) values[2]))
        return NULL;
      *how = COHORT_XCRI_DATE_DAY_MONTH_YEAR;
      return format_date (values[2], values[1], values[0]);
    }

  return NULL;
}

/**
 * cohort_xcri_text_parse_date:
 * @text: (nullable): a date as a feed writes it
 * @how: (out): how it was read
 *
 * Reads @text as an ISO date (see cohort_xcri_text_parse_iso_date()), as English words
 * ("September 2012", "1 October 2011", "Monday 30 September 2013", "30th Sept 2013") or as
 * numbers (`30/09/2013` read day/month/year, `2013/09/30`).
 *
 * Returns: (transfer full) (nullable): `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or %NULL
 */
char *
cohort_xcri_text_parse_date (const char        *text,
                             CohortXcriDateHow *how)
{
  g_autofree char *iso = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *lower = NULL;
  const char *p;
  guint year = 0, month = 0, day = 0;

  g_return_val_if_fail (how != NULL, NULL);

  *how = COHORT_XCRI_DATE_ISO;
  if (text == NULL)
    return NULL;

  iso = cohort_xcri_text_parse_iso_date (text);
  if (iso != NULL)
    return g_steal_pointer (&iso);

  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0' || strlen (copy) > 64)
    return NULL;

  if (g_ascii_isdigit (copy[0]))
    {
      char *numeric = parse_numeric_date (copy, how);

      if (numeric != NULL)
        return numeric;
    }

  lower = g_ascii_strdown (copy, -1);
  p = lower;

  while (*p != '\0')
    {
      gsize len;

      if (!g_ascii_isalnum (*p))
        {
          if (*p != ' ' && *p != ',' && *p != '.' && *p != '-' && *p != '/')
            return NULL;
          p++;
          continue;
        }

      for (len = 0; g_ascii_isalnum (p[len]); len++)
        ;

      if (g_ascii_isdigit (*p))
        {
          gsize digits = 0;
          guint value = 0;

          while (digits < len && g_ascii_isdigit (p[digits]))
            {
              value = value * 10 + (guint) (p[digits] - '0');
              digits++;
              if (digits > 4)
                return NULL;
            }

          if (digits < len)
            {
              /* 1st, 2nd, 3rd, 30th */
              const char *suffix = p + digits;
              gsize suffix_len = len - digits;

              if (digits > 2 || suffix_len != 2 ||
                  (strncmp (suffix, "st", 2) != 0 && strncmp (suffix, "nd", 2) != 0 &&
                   strncmp (suffix, "rd", 2) != 0 && strncmp (suffix, "th", 2) != 0))
                return NULL;
            }

          if (digits == 4 && year == 0)
            year = value;
          else if (digits <= 2 && day == 0 && value >= 1 && value <= 31)
            day = value;
          else
            return NULL;
        }
      else
        {
          gboolean known = FALSE;

          for (gsize i = 0; i < G_N_ELEMENTS (month_names) && !known; i++)
            {
              if (strlen (month_names[i].name) == len &&
                  strncmp (p, month_names[i].name, len) == 0)
                {
                  if (month != 0)
                    return NULL;
                  month = month_names[i].month;
                  known = TRUE;
                }
            }
          for (gsize i = 0; i < G_N_ELEMENTS (filler_words) && !known; i++)
            {
              if (strlen (filler_words[i]) == len && strncmp (p, filler_words[i], len) == 0)
                known = TRUE;
            }
          if (!known)
            return NULL;
        }

      p += len;
    }

  if (year == 0 || month == 0)
    return NULL;
  if (day != 0 && !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  *how = COHORT_XCRI_DATE_TEXT;
  return format_date (year, month, day);
}
