/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-about-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* A text in the best language seen so far: the lower the rank, the better the language
 * (its position in g_get_language_names (), where the untranslated text counts as "C"). */
typedef struct
{
  char  *text;
  guint  rank;
} LocalText;

typedef struct
{
  const char * const *languages;
  GPtrArray          *stack;           /* element names, owned */

  char               *id;
  LocalText           name;
  LocalText           summary;
  LocalText           developer_name;
  char               *license;
  GHashTable         *urls;            /* type -> address */

  const char         *wanted_release;
  char               *latest_release;
  gboolean            found_wanted_release;
  gboolean            in_wanted_release;
  gboolean            in_notes;
  GString            *notes;

  /* The text of the element being read, whitespace collapsed. */
  gboolean            collecting;
  GString            *text;
  char               *text_lang;
  char               *url_type;

  /* In release notes, one paragraph or list item and its translations. */
  char               *slot_element;
  char               *slot_best;
  guint               slot_rank;
} AppdataReader;

static const struct
{
  const char *spdx;
  GtkLicense  license;
} licenses[] = {
  { "GPL-2.0", GTK_LICENSE_GPL_2_0_ONLY },
  { "GPL-2.0-only", GTK_LICENSE_GPL_2_0_ONLY },
  { "GPL-2.0+", GTK_LICENSE_GPL_2_0 },
  { "GPL-2.0-or-later", GTK_LICENSE_GPL_2_0 },
  { "GPL-3.0", GTK_LICENSE_GPL_3_0_ONLY },
  { "GPL-3.0-only", GTK_LICENSE_GPL_3_0_ONLY },
  { "GPL-3.0+", GTK_LICENSE_GPL_3_0 },
  { "GPL-3.0-or-later", GTK_LICENSE_GPL_3_0 },
  { "LGPL-2.1", GTK_LICENSE_LGPL_2_1_ONLY },
  { "LGPL-2.1-only", GTK_LICENSE_LGPL_2_1_ONLY },
  { "LGPL-2.1+", GTK_LICENSE_LGPL_2_1 },
  { "LGPL-2.1-or-later", GTK_LICENSE_LGPL_2_1 },
  { "LGPL-3.0", GTK_LICENSE_LGPL_3_0_ONLY },
  { "LGPL-3.0-only", GTK_LICENSE_LGPL_3_0_ONLY },
  { "LGPL-3.0+", GTK_LICENSE_LGPL_3_0 },
  { "LGPL-3.0-or-later", GTK_LICENSE_LGPL_3_0 },
  { "AGPL-3.0", GTK_LICENSE_AGPL_3_0_ONLY },
  { "AGPL-3.0-only", GTK_LICENSE_AGPL_3_0_ONLY },
  { "AGPL-3.0+", GTK_LICENSE_AGPL_3_0 },
  { "AGPL-3.0-or-later", GTK_LICENSE_AGPL_3_0 },
  { "MIT", GTK_LICENSE_MIT_X11 },
  { "BSD-2-Clause", GTK_LICENSE_BSD },
  { "BSD-3-Clause", GTK_LICENSE_BSD_3 },
  { "Artistic-2.0", GTK_LICENSE_ARTISTIC },
  { "Apache-2.0", GTK_LICENSE_APACHE_2_0 },
  { "MPL-2.0", GTK_LICENSE_MPL_2_0 },
};

/* AppStream link types that AdwAboutWindow has no property for. */
static const struct
{
  const char *type;
  const char *title;
} extra_links[] = {
  { "donation", N_("_Donate") },
  { "translate", N_("_Translate") },
  { "contribute", N_("_Contribute") },
  { "vcs-browser", N_("_Source Code") },
  { "contact", N_("_Contact") },
};

static void
appdata_reader_clear (AppdataReader *self)
{
  g_clear_pointer (&self->stack, g_ptr_array_unref);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name.text, g_free);
  g_clear_pointer (&self->summary.text, g_free);
  g_clear_pointer (&self->developer_name.text, g_free);
  g_clear_pointer (&self->license, g_free);
  g_clear_pointer (&self->urls, g_hash_table_unref);
  g_clear_pointer (&self->latest_release, g_free);
  if (self->notes != NULL)
    g_string_free (g_steal_pointer (&self->notes), TRUE);
  if (self->text != NULL)
    g_string_free (g_steal_pointer (&self->text), TRUE);
  g_clear_pointer (&self->text_lang, g_free);
  g_clear_pointer (&self->url_type, g_free);
  g_clear_pointer (&self->slot_element, g_free);
  g_clear_pointer (&self->slot_best, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AppdataReader, appdata_reader_clear)

static guint
language_rank (AppdataReader *self,
               const char    *lang)
{
  const char *wanted = lang != NULL ? lang : "C";

  for (guint i = 0; self->languages[i] != NULL; i++)
    if (strcmp (self->languages[i], wanted) == 0)
      return i;

  return G_MAXUINT;
}

static void
local_text_offer (LocalText  *local,
                  const char *text,
                  guint       rank)
{
  if (local->text == NULL || rank < local->rank)
    {
      g_free (local->text);
      local->text = g_strdup (text);
      local->rank = rank;
    }
}

/* Appends @text with every run of white space made one space; in release notes the text is
 * escaped again, because it becomes markup. */
static void
append_collapsed (GString    *out,
                  const char *text,
                  gsize       len,
                  gboolean    escape)
{
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (g_ascii_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else if (escape && c == '&')
        g_string_append (out, "&amp;");
      else if (escape && c == '<')
        g_string_append (out, "&lt;");
      else if (escape && c == '>')
        g_string_append (out, "&gt;");
      else
        g_string_append_c (out, c);
    }
}

static void
start_collecting (AppdataReader *self,
                  const char    *lang)
{
  self->collecting = TRUE;
  g_string_truncate (self->text, 0);
  g_free (self->text_lang);
  self->text_lang = g_strdup (lang);
}

static const char *
finish_collecting (AppdataReader *self)
{
  self->collecting = FALSE;
  while (self->text->len > 0 && self->text->str[self->text->len - 1] == ' ')
    g_string_truncate (self->text, self->text->len - 1);

  return self->text->str;
}

static void
flush_slot (AppdataReader *self)
{
  if (self->slot_element != NULL && self->slot_best != NULL && self->slot_best[0] != '\0')
    g_string_append_printf (self->notes, "<%s>%s</%s>\n",
                            self->slot_element, self->slot_best, self->slot_element);

  g_clear_pointer (&self->slot_element, g_free);
  g_clear_pointer (&self->slot_best, g_free);
  self->slot_rank = G_MAXUINT;
}

static const char *
parent_element (AppdataReader *self)
{
  if (self->stack->len == 0)
    return "";

  return g_ptr_array_index (self->stack, self->stack->len - 1);
}

static gboolean
is (const char *a,
    const char *b)
{
  return strcmp (a, b) == 0;
}

static void
start_notes_element (AppdataReader *self,
                     const char    *element_name,
                     const char    *lang)
{
  if (is (element_name, "p") || is (element_name, "li"))
    {
      /* An untranslated element starts a slot; its translations follow it. */
      if (lang == NULL || g_strcmp0 (self->slot_element, element_name) != 0)
        {
          flush_slot (self);
          self->slot_element = g_strdup (element_name);
        }
      start_collecting (self, lang);
    }
  else if (is (element_name, "ul") || is (element_name, "ol"))
    {
      flush_slot (self);
      g_string_append_printf (self->notes, "<%s>\n", element_name);
    }
  else if ((is (element_name, "em") || is (element_name, "code")) && self->collecting)
    {
      g_string_append_printf (self->text, "<%s>", element_name);
    }
}

static void
end_notes_element (AppdataReader *self,
                   const char    *element_name)
{
  if (is (element_name, "description"))
    {
      flush_slot (self);
      self->in_notes = FALSE;
    }
  else if ((is (element_name, "p") || is (element_name, "li")) && self->collecting)
    {
      guint rank = language_rank (self, self->text_lang);
      const char *text = finish_collecting (self);

      if (self->slot_best == NULL || rank < self->slot_rank)
        {
          g_free (self->slot_best);
          self->slot_best = g_strdup (text);
          self->slot_rank = rank;
        }
    }
  else if (is (element_name, "ul") || is (element_name, "ol"))
    {
      flush_slot (self);
      g_string_append_printf (self->notes, "</%s>\n", element_name);
    }
  else if ((is (element_name, "em") || is (element_name, "code")) && self->collecting)
    {
      g_string_append_printf (self->text, "</%s>", element_name);
    }
}

static void
on_start_element_cb (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  AppdataReader *self = user_data;
  const char *parent = parent_element (self);
  const char *lang = NULL;
  const char *type = NULL;
  const char *version = NULL;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (is (attribute_names[i], "xml:lang"))
        lang = attribute_values[i];
      else if (is (attribute_names[i], "type"))
        type = attribute_values[i];
      else if (is (attribute_names[i], "version"))
        version = attribute_values[i];
    }

  if (self->in_notes)
    {
      start_notes_element (self, element_name, lang);
    }
  else if (is (parent, "component") &&
           (is (element_name, "id") || is (element_name, "name") ||
            is (element_name, "summary") || is (element_name, "developer_name") ||
            is (element_name, "project_license")))
    {
      start_collecting (self, lang);
    }
  else if (is (parent, "component") && is (element_name, "url") && type != NULL)
    {
      start_collecting (self, lang);
      g_free (self->url_type);
      self->url_type = g_strdup (type);
    }
  else if (is (parent, "developer") && is (element_name, "name"))
    {
      start_collecting (self, lang);
    }
  else if (is (parent, "releases") && is (element_name, "release") && version != NULL)
    {
      /* AppStream lists releases newest first. */
      if (self->latest_release == NULL)
        self->latest_release = g_strdup (version);
      if (self->wanted_release != NULL && is (version, self->wanted_release))
        {
          self->in_wanted_release = TRUE;
          self->found_wanted_release = TRUE;
        }
    }
  else if (is (parent, "release") && is (element_name, "description") && self->in_wanted_release)
    {
      self->in_notes = TRUE;
    }

  g_ptr_array_add (self->stack, g_strdup (element_name));
}

static void
on_end_element_cb (GMarkupParseContext  *context,
                   const char           *element_name,
                   gpointer              user_data,
                   GError              **error)
{
  AppdataReader *self = user_data;
  const char *parent;
  const char *text;
  guint rank;

  g_ptr_array_remove_index (self->stack, self->stack->len - 1);
  parent = parent_element (self);

  if (self->in_notes)
    {
      end_notes_element (self, element_name);
      return;
    }

  if (is (element_name, "release"))
    self->in_wanted_release = FALSE;

  if (!self->collecting)
    return;

  rank = language_rank (self, self->text_lang);
  text = finish_collecting (self);

  if (is (parent, "developer"))
    local_text_offer (&self->developer_name, text, rank);
  else if (is (element_name, "name"))
    local_text_offer (&self->name, text, rank);
  else if (is (element_name, "summary"))
    local_text_offer (&self->summary, text, rank);
  else if (is (element_name, "developer_name"))
    local_text_offer (&self->developer_name, text, rank);
  else if (is (element_name, "id") && self->id == NULL)
    self->id = g_strdup (text);
  else if (is (element_name, "project_license") && self->license == NULL)
    self->license = g_strdup (text);
  else if (is (element_name, "url") && self->url_type != NULL)
    g_hash_table_insert (self->urls, g_steal_pointer (&self->url_type), g_strdup (text));
}

static void
on_text_cb (GMarkupParseContext  *context,
            const char           *text,
            gsize                 text_len,
            gpointer              user_data,
            GError              **error)
{
  AppdataReader *self = user_data;

  if (self->collecting)
    append_collapsed (self->text, text, text_len, self->in_notes);
}

static const GMarkupParser appdata_parser = {
  .start_element = on_start_element_cb,
  .end_element = on_end_element_cb,
  .text = on_text_cb,
};

static void
set_license (AdwAboutWindow *window,
             const char     *spdx)
{
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (licenses); i++)
    {
      if (strcmp (licenses[i].spdx, spdx) == 0)
        {
          adw_about_window_set_license_type (window, licenses[i].license);
          return;
        }
    }

  /* Not one GTK knows: name it, as AppStream does. */
  escaped = g_markup_escape_text (spdx, -1);
  adw_about_window_set_license (window, escaped);
}

/**
 * cohort_about_window_new_from_appdata_data:
 * @data: AppStream metainfo
 * @size: its length in bytes
 * @languages: the languages to prefer, best first, ending with "C" (as g_get_language_names())
 * @release_notes_version: (nullable): the release whose notes to show
 * @error: return location for a #GError
 *
 * Returns: (transfer none): a new #AdwAboutWindow (GTK keeps it until it is destroyed), or
 *   %NULL with @error set.
 */
GtkWidget *
cohort_about_window_new_from_appdata_data (const char          *data,
                                           gsize                size,
                                           const char * const  *languages,
                                           const char          *release_notes_version,
                                           GError             **error)
{
  g_auto(AppdataReader) reader = { 0 };
  g_autoptr(GMarkupParseContext) context = NULL;
  AdwAboutWindow *window;
  const char *url;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (languages != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader.languages = languages;
  reader.stack = g_ptr_array_new_with_free_func (g_free);
  reader.urls = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  reader.wanted_release = release_notes_version;
  reader.notes = g_string_new (NULL);
  reader.text = g_string_new (NULL);
  reader.slot_rank = G_MAXUINT;

  context = g_markup_parse_context_new (&appdata_parser, G_MARKUP_TREAT_CDATA_AS_TEXT,
                                        &reader, NULL);
  if (!g_markup_parse_context_parse (context, data, size, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return NULL;

  if (reader.id == NULL || reader.name.text == NULL)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT,
                           "The metainfo has no <id> or no <name>");
      return NULL;
    }

  window = ADW_ABOUT_WINDOW (adw_about_window_new ());
  adw_about_window_set_application_name (window, reader.name.text);
  adw_about_window_set_application_icon (window, reader.id);

  if (reader.summary.text != NULL)
    adw_about_window_set_comments (window, reader.summary.text);
  if (reader.developer_name.text != NULL)
    adw_about_window_set_developer_name (window, reader.developer_name.text);
  if (reader.license != NULL)
    set_license (window, reader.license);
  if (reader.latest_release != NULL)
    adw_about_window_set_version (window, reader.latest_release);

  if (reader.found_wanted_release)
    {
      adw_about_window_set_release_notes_version (window, release_notes_version);
      adw_about_window_set_release_notes (window, reader.notes->str);
    }

  if ((url = g_hash_table_lookup (reader.urls, "homepage")) != NULL)
    adw_about_window_set_website (window, url);
  if ((url = g_hash_table_lookup (reader.urls, "bugtracker")) != NULL)
    adw_about_window_set_issue_url (window, url);
  if ((url = g_hash_table_lookup (reader.urls, "help")) != NULL)
    adw_about_window_set_support_url (window, url);

  for (guint i = 0; i < G_N_ELEMENTS (extra_links); i++)
    if ((url = g_hash_table_lookup (reader.urls, extra_links[i].type)) != NULL)
      adw_about_window_add_link (window, _(extra_links[i].title), url);

  return GTK_WIDGET (window);
}

/**
 * cohort_about_window_new_from_appdata:
 * @resource_path: the resource holding the (merged, translated) AppStream metainfo
 * @release_notes_version: (nullable): the release whose notes to show
 * @error: return location for a #GError
 *
 * Creates an About window from the metainfo, as adw_about_window_new_from_appdata() does in
 * libadwaita 1.4: the name, summary, developer, licence, links and the release notes of
 * @release_notes_version, each in the best of the user's languages the file has; the version
 * is that of the newest release.
 *
 * Returns: (transfer none): a new #AdwAboutWindow (GTK keeps it until it is destroyed), or
 *   %NULL with @error set.
 */
GtkWidget *
cohort_about_window_new_from_appdata (const char  *resource_path,
                                      const char  *release_notes_version,
                                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  GtkWidget *window;
  gsize size;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  window = cohort_about_window_new_from_appdata_data (data, size, g_get_language_names (),
                                                      release_notes_version, error);
  if (window == NULL)
    g_prefix_error (error, "%s: ", resource_path);

  return window;
}

/**
 * cohort_about_window_new:
 * @transient_for: (nullable): the window it is about
 *
 * Creates Cohort's About window, from the metainfo embedded in the program.
 *
 * Returns: (transfer none): a new #AdwAboutWindow, kept by GTK until it is destroyed
 */
GtkWidget *
cohort_about_window_new (GtkWindow *transient_for)
{
  static const char *developers[] = { "The Cohort Developers", NULL };
  g_autoptr(GError) error = NULL;
  const char *translators;
  GtkWidget *about;

  g_return_val_if_fail (transient_for == NULL || GTK_IS_WINDOW (transient_for), NULL);

  about = cohort_about_window_new_from_appdata (RESOURCE_BASE "/" APP_ID ".metainfo.xml",
                                                PACKAGE_VERSION, &error);
  if (about == NULL)
    {
      /* The metainfo is compiled in: only a broken build gets here. */
      g_critical ("Could not read the embedded metainfo: %s", error->message);
      about = adw_about_window_new ();
      adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Cohort"));
      adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APP_ID);
    }

  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_developers (ADW_ABOUT_WINDOW (about), developers);
  if (g_strcmp0 (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), "") == 0)
    adw_about_window_set_developer_name (ADW_ABOUT_WINDOW (about), developers[0]);
  adw_about_window_set_copyright (ADW_ABOUT_WINDOW (about), _("© The Cohort Developers"));

  /* Only a translation has translators to thank. */
  /* TRANSLATORS: your names, one a line, e.g. "Ana Pérez <ana@example.org>" */
  translators = _("translator-credits");
  if (strcmp (translators, "translator-credits") != 0)
    adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), translators);

  if (transient_for != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), transient_for);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  return about;
}
