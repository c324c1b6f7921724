/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-json.h"
#include "cohort-statistics.h"

/* `cohort stats [--format text|json]`: the number of records in each table. */

static void
print_json (const char *path,
            int         schema_version,
            GArray     *counts)
{
  g_autoptr(GString) out = g_string_new ("{\n  \"database\": ");
  g_autofree char *utf8_path = g_filename_display_name (path);

  cohort_json_append_string (out, utf8_path);
  g_string_append_printf (out, ",\n  \"schema_version\": %d,\n  \"tables\": {", schema_version);
  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);

      g_string_append_printf (out, "%s\n    ", i == 0 ? "" : ",");
      cohort_json_append_string (out, count->table);
      g_string_append_printf (out, ": { \"live\": %" G_GINT64_FORMAT ", \"deleted\": %"
                              G_GINT64_FORMAT " }", count->live, count->deleted);
    }
  g_string_append (out, "\n  }\n}\n");

  g_print ("%s", out->str);
}

static void
print_padded (const char *text,
              guint       width,
              gboolean    right)
{
  glong length = g_utf8_strlen (text, -1);
  guint padding = length < (glong) width ? width - (guint) length : 0;

  if (right)
    g_print ("%*s%s", (int) padding, "", text);
  else
    g_print ("%s%*s", text, (int) padding, "");
}

static void
print_text (GArray *counts)
{
  const char *headers[3] = { _("Table"), _("Records"), _("Deleted") };
  guint widths[3] = { 0, 0, 0 };

  for (guint c = 0; c < 3; c++)
    widths[c] = (guint) g_utf8_strlen (headers[c], -1);

  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);
      g_autofree char *live = g_strdup_printf ("%" G_GINT64_FORMAT, count->live);
      g_autofree char *deleted = g_strdup_printf ("%" G_GINT64_FORMAT, count->deleted);

      widths[0] = MAX (widths[0], (guint) g_utf8_strlen (count->label, -1));
      widths[1] = MAX (widths[1], strlen (live));
      widths[2] = MAX (widths[2], strlen (deleted));
    }

  print_padded (headers[0], widths[0], FALSE);
  g_print ("  ");
  print_padded (headers[1], widths[1], TRUE);
  g_print ("  ");
  print_padded (headers[2], widths[2], TRUE);
  g_print ("\n");

  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);
      g_autofree char *live = g_strdup_printf ("%" G_GINT64_FORMAT, count->live);
      g_autofree char *deleted = g_strdup_printf ("%" G_GINT64_FORMAT, count->deleted);

      print_padded (count->label, widths[0], FALSE);
      g_print ("  ");
      print_padded (live, widths[1], TRUE);
      g_print ("  ");
      print_padded (deleted, widths[2], TRUE);
      g_print ("\n");
    }
}

int
cohort_cli_stats (const char  *database,
                  int          argc,
                  char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("text (aligned columns, the default) or json"), N_("FORMAT") },
    G_OPTION_ENTRY_NULL
  };
  const char *path;
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("stats", NULL,
                                           _("Count the records in each table."),
                                           _("Shows, for each table, the records in use and "
                                             "those deleted (which can still be restored)."),
                                           entries);
  if (!cohort_cli_parse (context, "stats", &argc, &argv, &status))
    return status;

  if (argc > 1)
    return cohort_cli_usage_error ("stats", _("stats takes no arguments, but was given “%s”"),
                                   argv[1]);

  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    return cohort_cli_usage_error ("stats", _("--format is text or json, not “%s”"), format);

  path = cohort_cli_get_database (database);
  db = cohort_cli_open_existing (path);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  counts = cohort_statistics_count_tables (db, &error);
  if (counts == NULL)
    {
      cohort_cli_printerr ("%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  if (g_strcmp0 (format, "json") == 0)
    print_json (path, cohort_database_get_schema_version (db), counts);
  else
    print_text (counts);

  return COHORT_EXIT_SUCCESS;
}
