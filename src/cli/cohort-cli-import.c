/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-cli"

#include "config.h"

#include "cohort-cli-private.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "cohort-csv-reader.h"
#include "cohort-import-format.h"
#include "cohort-import-plan.h"
#include "cohort-validation.h"

/* `cohort import FILE [--dry-run] [--format xcri|ims|csv]
 *  [--csv-target trainees|organisations|placements] [--validate]` */

/* The formats, by shorter names. */
typedef CohortImportFormat Format;

#define FORMAT_XCRI COHORT_IMPORT_FORMAT_XCRI
#define FORMAT_IMS COHORT_IMPORT_FORMAT_IMS
#define FORMAT_CSV COHORT_IMPORT_FORMAT_CSV

typedef struct
{
  gint64      last_time;
  const char *verb;
} Progress;

static gboolean
parse_format (const char *word,
              Format     *out_format)
{
  if (g_ascii_strcasecmp (word, "xcri") == 0)
    *out_format = FORMAT_XCRI;
  else if (g_ascii_strcasecmp (word, "ims") == 0)
    *out_format = FORMAT_IMS;
  else if (g_ascii_strcasecmp (word, "csv") == 0)
    *out_format = FORMAT_CSV;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_csv_target (const char      *word,
                  CohortCsvTarget *out_target)
{
  if (g_ascii_strcasecmp (word, "trainees") == 0)
    *out_target = COHORT_CSV_TARGET_TRAINEES;
  else if (g_ascii_strcasecmp (word, "organisations") == 0 ||
           g_ascii_strcasecmp (word, "organizations") == 0)
    *out_target = COHORT_CSV_TARGET_ORGANISATIONS;
  else if (g_ascii_strcasecmp (word, "placements") == 0)
    *out_target = COHORT_CSV_TARGET_PLACEMENTS;
  else
    return FALSE;

  return TRUE;
}

static void
on_plan_progress_cb (CohortImportPlan *plan,
                     guint             n_done,
                     guint             n_total,
                     gpointer          user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  if (now - progress->last_time < G_USEC_PER_SEC / 10 && n_done != n_total)
    return;
  progress->last_time = now;

  if (n_total > 0)
    g_printerr ("\r%s: %u / %u", progress->verb, n_done, n_total);
  else
    g_printerr ("\r%s: %u", progress->verb, n_done);
}

static void
end_progress (gboolean shown)
{
  if (shown)
    g_printerr ("\r\033[K");
}

static const char *
kind_noun (CohortImportRecordKind kind,
           guint                  n)
{
  switch ((int) kind)
    {
    case COHORT_IMPORT_RECORD_ORGANISATION:
      return g_dngettext (GETTEXT_PACKAGE, "organisation", "organisations", n);
    case COHORT_IMPORT_RECORD_COURSE:
      return g_dngettext (GETTEXT_PACKAGE, "course", "courses", n);
    case COHORT_IMPORT_RECORD_IMS_PERSON:
    case COHORT_IMPORT_RECORD_PERSON:
      return g_dngettext (GETTEXT_PACKAGE, "person", "people", n);
    case COHORT_IMPORT_RECORD_IMS_GROUP:
      return g_dngettext (GETTEXT_PACKAGE, "group (course run)", "groups (course runs)", n);
    case COHORT_IMPORT_RECORD_IMS_MEMBERSHIP:
      return g_dngettext (GETTEXT_PACKAGE, "membership", "memberships", n);
    case COHORT_IMPORT_RECORD_PLACEMENT:
      return g_dngettext (GETTEXT_PACKAGE, "placement", "placements", n);
    case COHORT_IMPORT_RECORD_COURSE_RUN:
    default:
      return g_dngettext (GETTEXT_PACKAGE, "course run", "course runs", n);
    }
}

static void
print_summary (CohortImportPlan *plan,
               Format            format)
{
  static const CohortImportRecordKind xcri_kinds[] = {
    COHORT_IMPORT_RECORD_ORGANISATION,
    COHORT_IMPORT_RECORD_COURSE,
    COHORT_IMPORT_RECORD_COURSE_RUN,
  };
  static const CohortImportRecordKind other_kinds[] = {
    COHORT_IMPORT_RECORD_ORGANISATION,
    COHORT_IMPORT_RECORD_PERSON,
    COHORT_IMPORT_RECORD_PLACEMENT,
    COHORT_IMPORT_RECORD_IMS_PERSON,
    COHORT_IMPORT_RECORD_COURSE,
    COHORT_IMPORT_RECORD_IMS_GROUP,
    COHORT_IMPORT_RECORD_IMS_MEMBERSHIP,
  };
  const CohortImportRecordKind *kinds = format == FORMAT_XCRI ? xcri_kinds : other_kinds;
  guint n_kinds = format == FORMAT_XCRI ? G_N_ELEMENTS (xcri_kinds) : G_N_ELEMENTS (other_kinds);

  for (guint i = 0; i < n_kinds; i++)
    {
      guint n_new = cohort_import_plan_get_count (plan, kinds[i], COHORT_IMPORT_OUTCOME_NEW);
      guint n_updated = cohort_import_plan_get_count (plan, kinds[i],
                                                      COHORT_IMPORT_OUTCOME_UPDATED);
      guint n_unchanged = cohort_import_plan_get_count (plan, kinds[i],
                                                        COHORT_IMPORT_OUTCOME_UNCHANGED);
      guint n_rejected = cohort_import_plan_get_count (plan, kinds[i],
                                                       COHORT_IMPORT_OUTCOME_REJECTED);
      guint n = n_new + n_updated + n_unchanged + n_rejected;

      /* IMS Enterprise and CSV: only the kinds the file holds (or the import adds). */
      if (n == 0 && format != FORMAT_XCRI)
        continue;

      /* Translators: "326 courses: 320 new, 2 updated, 0 unchanged, 4 rejected"; the second
       * %s is "course" or "courses" */
      g_print (_("%u %s: %u new, %u updated, %u unchanged, %u rejected\n"),
               n, kind_noun (kinds[i], n), n_new, n_updated, n_unchanged, n_rejected);
    }
}

static void
print_updates (CohortImportPlan *plan)
{
  GPtrArray *items = cohort_import_plan_get_items (plan);

  for (guint i = 0; i < items->len; i++)
    {
      CohortImportItem *item = g_ptr_array_index (items, i);

      if (item->outcome != COHORT_IMPORT_OUTCOME_UPDATED || item->changes == NULL)
        continue;

      /* Translators: "Course “ADVECDL” changes:" */
      g_print (_("%s “%s” changes:\n"), cohort_import_record_kind_get_label (item->kind), item->code);
      for (guint j = 0; j < item->changes->len; j++)
        {
          CohortImportChange *change = g_ptr_array_index (item->changes, j);

          /* Translators: "  Title: “Old” → “New”"; an empty value is shown as "(none)" */
          g_print (_("  %s: “%s” → “%s”\n"), cohort_validation_get_field_label (change->field),
                   change->old_value ? change->old_value : _("(none)"),
                   change->new_value ? change->new_value : _("(none)"));
        }
    }
}

static void
print_issues (CohortImportPlan *plan,
              const char       *file_name)
{
  GPtrArray *issues = cohort_import_plan_get_issues (plan);
  GPtrArray *items = cohort_import_plan_get_items (plan);

  for (guint i = 0; i < issues->len; i++)
    {
      g_autofree char *text = cohort_import_issue_format (g_ptr_array_index (issues, i),
                                                          file_name);

      g_strdelimit (text, "\n\r", ' ');
      g_printerr ("%s\n", text);
    }

  for (guint i = 0; i < items->len; i++)
    {
      CohortImportItem *item = g_ptr_array_index (items, i);

      if (item->outcome != COHORT_IMPORT_OUTCOME_REJECTED)
        continue;

      if (item->code != NULL)
        /* Translators: "Course “ADVECDL” cannot be imported: The end date is before …" */
        cohort_cli_printerr_at (file_name, item->line, item->column,
                                _("%s “%s” cannot be imported: %s"), cohort_import_record_kind_get_label (item->kind),
                                item->code, item->reason);
      else
        /* Translators: "Course cannot be imported: it has no identifier" */
        cohort_cli_printerr_at (file_name, item->line, item->column,
                                _("%s cannot be imported: %s"), cohort_import_record_kind_get_label (item->kind),
                                item->reason);
    }
}

int
cohort_cli_import (const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortImportPlan) plan = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_word = NULL;
  g_autofree char *target_word = NULL;
  g_autofree char *display = NULL;
  gboolean dry_run = FALSE;
  gboolean validate = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what importing would do, without writing anything"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_word,
      N_("The file’s format: xcri, ims or csv (by default, found from its content)"),
      N_("FORMAT") },
    { "csv-target", 0, 0, G_OPTION_ARG_STRING, &target_word,
      N_("What the rows of a CSV file are: trainees, organisations or placements (by default, "
         "found from its header)"), N_("TARGET") },
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Also check an XCRI-CAP file against the XCRI-CAP 1.2 schemas"), NULL },
    G_OPTION_ENTRY_NULL
  };
  Progress progress = { 0 };
  gboolean show_progress;
  Format format = FORMAT_XCRI;
  CohortCsvTarget csv_target = COHORT_CSV_TARGET_TRAINEES;
  const char *path;
  int status = COHORT_EXIT_SUCCESS;

  context = cohort_cli_option_context_new ("import", _("FILE"),
                                           _("Import a course catalogue (XCRI-CAP 1.2), "
                                             "people, course runs and enrolments (IMS "
                                             "Enterprise 1.1) or trainees, organisations or "
                                             "placements (CSV) into the database."),
                                           _("First the whole file is read and matched "
                                             "against the database: what is new, what "
                                             "changes, what is already there, and what cannot "
                                             "be imported and why. Then, unless --dry-run is "
                                             "given, it is imported in one go: all of it or, "
                                             "if anything fails, nothing. Warnings and records "
                                             "that cannot be imported are reported as "
                                             "FILE:LINE:COLUMN: message. A file that is not "
                                             "well-formed is refused as a whole."),
                                           entries);
  if (!cohort_cli_parse (context, "import", &argc, &argv, &status))
    return status;

  if (argc < 2)
    return cohort_cli_usage_error ("import", _("import needs the name of the file to read"));
  if (argc > 2)
    return cohort_cli_usage_error ("import", _("import reads one file, but was given “%s” "
                                               "too"), argv[2]);
  if (format_word != NULL && !parse_format (format_word, &format))
    return cohort_cli_usage_error ("import", _("“%s” is not a format Cohort imports; use xcri, "
                                               "ims or csv"), format_word);

  if (target_word != NULL && !parse_csv_target (target_word, &csv_target))
    return cohort_cli_usage_error ("import", _("“%s” is not something Cohort imports from CSV; "
                                               "use trainees, organisations or placements"),
                                   target_word);

  file = g_file_new_for_commandline_arg (argv[1]);
  display = g_filename_display_name (argv[1]);

  if (format_word == NULL && !cohort_import_format_detect (file, &format, NULL, &error))
    {
      cohort_cli_printerr_at (display, 0, 0, "%s", error->message);
      return COHORT_EXIT_FAILURE;
    }

  if (target_word != NULL && format != FORMAT_CSV)
    return cohort_cli_usage_error ("import", _("--csv-target is for CSV files only"));
  if (format == FORMAT_CSV && target_word == NULL)
    csv_target = cohort_import_format_detect_csv_target (file);

  path = cohort_cli_get_database (database);
  if (dry_run)
    db = cohort_cli_open_existing (path);
  else
    db = cohort_cli_open_database (path, COHORT_DATABASE_OPEN_DEFAULT);
  if (db == NULL)
    return COHORT_EXIT_FAILURE;

  if (format == FORMAT_IMS)
    plan = cohort_import_plan_new_for_ims (file);
  else if (format == FORMAT_CSV)
    plan = cohort_import_plan_new_for_csv (file, csv_target);
  else
    plan = cohort_import_plan_new_for_xcri (file, validate ? COHORT_XCRI_READER_VALIDATE
                                                           : COHORT_XCRI_READER_DEFAULT);

  show_progress = isatty (STDERR_FILENO);
  if (show_progress)
    cohort_import_plan_set_progress_func (plan, on_plan_progress_cb, &progress, NULL);

  /* Translators: shown while reading a file: "Reading: 1,200 records" */
  progress.verb = _("Reading");
  if (!cohort_import_plan_build (plan, db, NULL, &error))
    {
      end_progress (show_progress);
      g_strdelimit (error->message, "\n\r", ' ');
      g_printerr ("%s\n", error->message);
      return COHORT_EXIT_FAILURE;
    }
  end_progress (show_progress);

  if (!dry_run && cohort_import_plan_has_changes (plan))
    {
      progress.verb = _("Importing");
      progress.last_time = 0;
      if (!cohort_import_plan_commit (plan, db, NULL, &error))
        {
          end_progress (show_progress);
          print_issues (plan, display);
          cohort_cli_printerr (_("Nothing was imported: %s"), error->message);
          return COHORT_EXIT_FAILURE;
        }
      end_progress (show_progress);
    }

  print_issues (plan, display);
  print_summary (plan, format);
  print_updates (plan);

  if (dry_run)
    g_print ("%s\n", _("Nothing was written (--dry-run)."));
  else if (!cohort_import_plan_has_changes (plan))
    g_print ("%s\n", _("Nothing to import: the database already holds everything in this "
                       "file."));
  else
    {
      g_autofree char *backup = g_filename_display_name (cohort_import_plan_get_backup_path (plan));

      g_print ("%s\n", _("Imported."));
      /* Translators: %s is a file in the backups folder */
      g_print (_("The database as it was before is kept in “%s”.\n"), backup);
    }

  return COHORT_EXIT_SUCCESS;
}
