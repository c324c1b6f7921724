/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-person-privacy.h"

#include <glib/gi18n.h>
#include <string.h>

#include "cohort-history-dialog.h"
#include "cohort-person-data-pdf.h"
#include "cohort-person-data.h"
#include "cohort-store.h"
#include "cohort-toast.h"

/*
 * The person editor's privacy actions, on the person shown:
 *
 *   person.export-data   "Export Personal Data…": everything held on them, as PDF or JSON,
 *                        read and written in a worker with its own connection
 *   person.show-history  the audit log of their record, in a window
 *   person.anonymise     blank what identifies them, after a message saying what goes
 *   person.erase         delete them and all that is theirs, after a message with the counts
 *
 * All four are disabled for a new person (nothing stored yet).
 */

static const char * const privacy_actions[] = {
  "person.export-data", "person.show-history", "person.anonymise", "person.erase",
};

static gint64
stored_id (CohortPersonEditor *editor)
{
  CohortPerson *person = cohort_person_editor_get_person (editor);

  return person != NULL ? cohort_record_get_id (COHORT_RECORD (person)) : 0;
}

static GtkWindow *
editor_window (CohortPersonEditor *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (editor));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
report (CohortPersonEditor *editor,
        const char         *done,
        const GError       *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (editor), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL && error != NULL)
    cohort_toast_show_failure (ADW_TOAST_OVERLAY (overlay), error);
  else if (overlay != NULL)
    cohort_toast_show (ADW_TOAST_OVERLAY (overlay), done, NULL);
  else if (error != NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (editor_window (editor), done, error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

/* Export */

typedef struct
{
  char     *database_path;
  gint64    person_id;
  char     *path;
  gboolean  pdf;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->database_path);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(CohortDatabase) db = NULL;
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;

  /* A connection of the worker's own: the window's stays free. */
  db = cohort_database_open (job->database_path, COHORT_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    data = cohort_person_data_collect (db, job->person_id, &error);

  if (data != NULL && job->pdf)
    cohort_person_data_write_pdf (data, job->path, &error);
  else if (data != NULL)
    {
      g_autofree char *json = cohort_person_data_to_json (data);

      g_file_set_contents_full (job->path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                &error);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CohortPersonEditor *editor = COHORT_PERSON_EDITOR (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    report (editor, _("Personal Data Not Exported"), error);
  else
    report (editor, _("Personal data exported"), NULL);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               gpointer         user_data)
{
  g_autoptr(CohortPersonEditor) editor = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  GtkFileFilter *filter;
  ExportJob *job;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL || g_file_peek_path (file) == NULL || stored_id (editor) == 0)
    goto out;

  job = g_new0 (ExportJob, 1);
  job->database_path =
    g_strdup (cohort_database_get_path (cohort_person_editor_get_database (editor)));
  job->person_id = stored_id (editor);
  job->path = g_file_get_path (file);
  /* The kind of file: its extension, or else the filter chosen. */
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (g_str_has_suffix (job->path, ".json") || g_str_has_suffix (job->path, ".JSON"))
    job->pdf = FALSE;
  else if (g_str_has_suffix (job->path, ".pdf") || g_str_has_suffix (job->path, ".PDF"))
    job->pdf = TRUE;
  else
    {
      job->pdf = filter == NULL ||
                 g_strcmp0 (g_object_get_data (G_OBJECT (filter), "cohort-format"), "json") != 0;
      g_free (job->path);
      job->path = g_strconcat (g_file_peek_path (file), job->pdf ? ".pdf" : ".json", NULL);
    }

  task = g_task_new (editor, NULL, on_export_done_cb, NULL);
  g_task_set_source_tag (task, on_export_chooser_response_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type,
            const char *format)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime_type);
  g_object_set_data (G_OBJECT (filter), "cohort-format", (gpointer) format);

  return filter;
}

static void
export_data_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CohortPersonEditor *editor = COHORT_PERSON_EDITOR (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) pdf = NULL;
  g_autoptr(GtkFileFilter) json = NULL;
  g_autofree char *name = NULL;

  if (stored_id (editor) == 0 || cohort_person_editor_get_database (editor) == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Personal Data"), editor_window (editor),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  pdf = new_filter (_("PDF document, for the person to read"), "*.pdf", "application/pdf",
                    "pdf");
  json = new_filter (_("JSON, for another program"), "*.json", "application/json", "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), pdf);
  /* The code, not the name: the file name may be seen by others. */
  name = g_strconcat (cohort_person_get_code (cohort_person_editor_get_person (editor)), ".pdf",
                      NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_chooser_response_cb),
                    g_object_ref (editor));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* History */

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CohortPersonEditor *editor = COHORT_PERSON_EDITOR (widget);
  CohortPerson *person = cohort_person_editor_get_person (editor);
  CohortHistoryDialog *dialog;

  if (stored_id (editor) == 0 || cohort_person_editor_get_database (editor) == NULL)
    return;

  /* The code, not the name, in the subtitle: the name may have been anonymised since. */
  dialog = cohort_history_dialog_new (editor_window (editor),
                                      cohort_person_editor_get_database (editor),
                                      stored_id (editor), cohort_person_get_code (person));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Anonymise and erase */

static void
reload_person (CohortPersonEditor *editor,
               gint64              id)
{
  g_autoptr(CohortRecord) record = NULL;

  record = cohort_store_load (cohort_person_editor_get_database (editor), COHORT_TYPE_PERSON, id,
                              NULL);
  cohort_person_editor_set_person (editor, record != NULL ? COHORT_PERSON (record) : NULL);
}

static void
on_anonymise_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          gpointer          user_data)
{
  CohortPersonEditor *editor = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cohort-person-id"));

  if (strcmp (response, "anonymise") != 0 || stored_id (editor) != id)
    return;

  if (!cohort_store_anonymise_person (cohort_person_editor_get_database (editor), id, &error))
    {
      report (editor, _("Person Not Anonymised"), error);
      return;
    }

  reload_person (editor, id);
  report (editor, _("Person anonymised"), NULL);
}

static void
on_erase_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  CohortPersonEditor *editor = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_cleaned = NULL;
  g_autofree char *done = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "cohort-person-id"));
  guint n_cleaned = 0;

  if (strcmp (response, "erase") != 0 || stored_id (editor) != id)
    return;

  if (!cohort_person_data_erase_full (cohort_person_editor_get_database (editor), id,
                                      &n_cleaned, &not_cleaned, &error))
    {
      report (editor, _("Person Not Erased"), error);
      return;
    }

  cohort_person_editor_set_person (editor, NULL);
  if (n_cleaned == 0)
    done = g_strdup (_("Person erased"));
  else
    /* Translators: %u is a number of backup files that held the person and no longer do */
    done = g_strdup_printf (g_dngettext (NULL, "Person erased, from %u backup too",
                                         "Person erased, from %u backups too", n_cleaned),
                            n_cleaned);
  report (editor, done, NULL);

  /* The backups that still hold the person: the user decides what to do with them. */
  if (not_cleaned[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("\n", not_cleaned);
      g_autofree char *folder = NULL;
      g_autofree char *display = NULL;
      guint n = g_strv_length (not_cleaned);
      g_autofree char *body = NULL;
      GtkWidget *message;

      folder = cohort_database_dup_backups_folder (cohort_person_editor_get_database (editor));
      display = g_filename_display_name (folder);
      /* Translators: the first %s is a folder, the second a list of backup files in it, one a
       * line, each with the reason */
      body = g_strdup_printf (g_dngettext (NULL,
                                           "This backup in “%s” could not be cleaned and may "
                                           "still hold the person:\n\n%s",
                                           "These backups in “%s” could not be cleaned and may "
                                           "still hold the person:\n\n%s", n),
                              display, list);
      message = adw_message_dialog_new (editor_window (editor),
                                        g_dngettext (NULL, "A Backup Still Holds the Person",
                                                     "Backups Still Hold the Person", n),
                                        body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (message));
    }
}

static GtkWidget *
new_confirmation (CohortPersonEditor *editor,
                  const char         *heading,
                  const char         *body,
                  const char         *response,
                  const char         *label,
                  GCallback           callback)
{
  GtkWidget *dialog = adw_message_dialog_new (editor_window (editor), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response,
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "cohort-person-id",
                     GSIZE_TO_POINTER (stored_id (editor)));
  g_signal_connect_object (dialog, "response", callback, editor, 0);

  return dialog;
}

static void
anonymise_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CohortPersonEditor *editor = COHORT_PERSON_EDITOR (widget);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (stored_id (editor) == 0 || cohort_person_editor_get_database (editor) == NULL ||
      cohort_person_get_anonymised_at (cohort_person_editor_get_person (editor)) != NULL)
    return;

  /* Translators: %s is a person's code */
  heading = g_strdup_printf (_("Anonymise %s?"),
                             cohort_person_get_code (cohort_person_editor_get_person (editor)));
  dialog = new_confirmation (editor, heading,
                             _("Their names, gender in their own words, date of birth, email, "
                               "phone and notes are removed for good, and the code becomes "
                               "a neutral one. Gender, nationality, enrolments, placements and "
                               "career records stay, so the statistics stay true. The history "
                               "keeps that the changes happened, without the values."),
                             "anonymise", _("_Anonymise"),
                             G_CALLBACK (on_anonymise_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A line of the list of what erasing removes, for a count that is not zero; takes @line. */
static void
append_line (GString *body,
             guint    n,
             char    *line)
{
  if (n > 0)
    g_string_append_printf (body, "\n• %s", line);
  g_free (line);
}

static char *
dup_erase_body (CohortPersonData *data)
{
  GString *body = g_string_new (_("This removes for good, and cannot be undone:"));
  guint n_nationalities = cohort_person_data_count (data, "nationalities");
  guint n_enrolments = cohort_person_data_count (data, "enrolments");
  guint n_placements = cohort_person_data_count (data, "placements");
  guint n_career_records = cohort_person_data_count (data, "career_records");
  guint n_teaching = cohort_person_data_count (data, "teaching");
  guint n_supervision = cohort_person_data_count (data, "supervision");
  guint n_history = cohort_person_data_count (data, "history");

  g_string_append_printf (body, "\n• %s", _("their personal details"));
  append_line (body, n_nationalities,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u other nationality",
                                             "%u other nationalities", n_nationalities),
                                n_nationalities));
  append_line (body, n_enrolments,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u enrolment",
                                             "%u enrolments", n_enrolments),
                                n_enrolments));
  append_line (body, n_placements,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u placement",
                                             "%u placements", n_placements),
                                n_placements));
  append_line (body, n_career_records,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u career record",
                                             "%u career records", n_career_records),
                                n_career_records));
  append_line (body, n_teaching,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u run taught",
                                             "%u runs taught", n_teaching),
                                n_teaching));
  append_line (body, n_supervision,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "their name as supervisor of %u other placement",
                                             "their name as supervisor of %u other placements",
                                             n_supervision),
                                n_supervision));
  append_line (body, n_history,
               g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "the values in %u history entry",
                                             "the values in %u history entries", n_history),
                                n_history));
  g_string_append_printf (body, "\n\n%s",
                          _("The history keeps only that a person was erased, and when, and "
                            "the statistics no longer count them. To keep the statistics "
                            "true, anonymise instead."));

  return g_string_free (body, FALSE);
}

static void
erase_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  CohortPersonEditor *editor = COHORT_PERSON_EDITOR (widget);
  g_autoptr(CohortPersonData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (stored_id (editor) == 0 || cohort_person_editor_get_database (editor) == NULL)
    return;

  data = cohort_person_data_collect (cohort_person_editor_get_database (editor),
                                     stored_id (editor), &error);
  if (data == NULL)
    {
      report (editor, _("Person Not Erased"), error);
      return;
    }

  /* Translators: %s is a person's code */
  heading = g_strdup_printf (_("Erase %s?"),
                             cohort_person_get_code (cohort_person_editor_get_person (editor)));
  body = dup_erase_body (data);
  dialog = new_confirmation (editor, heading, body, "erase", _("_Erase"),
                             G_CALLBACK (on_erase_response_cb));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * cohort_person_privacy_install_actions:
 * @widget_class: #CohortPersonEditor's class
 *
 * Installs the person.export-data, person.show-history, person.anonymise and person.erase
 * actions.
 */
void
cohort_person_privacy_install_actions (GtkWidgetClass *widget_class)
{
  g_type_ensure (COHORT_TYPE_HISTORY_DIALOG);

  gtk_widget_class_install_action (widget_class, "person.export-data", NULL,
                                   export_data_action);
  gtk_widget_class_install_action (widget_class, "person.show-history", NULL,
                                   show_history_action);
  gtk_widget_class_install_action (widget_class, "person.anonymise", NULL, anonymise_action);
  gtk_widget_class_install_action (widget_class, "person.erase", NULL, erase_action);
}

/**
 * cohort_person_privacy_update_actions:
 *
 * Enables the actions for a stored person, disables them otherwise (and anonymise for a
 * person already anonymised).
 */
void
cohort_person_privacy_update_actions (CohortPersonEditor *editor)
{
  CohortPerson *person = cohort_person_editor_get_person (editor);
  gboolean stored = stored_id (editor) != 0;

  for (guint i = 0; i < G_N_ELEMENTS (privacy_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (editor), privacy_actions[i], stored);

  if (stored && cohort_person_get_anonymised_at (person) != NULL)
    gtk_widget_action_set_enabled (GTK_WIDGET (editor), "person.anonymise", FALSE);
}
