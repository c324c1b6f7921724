/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-window-safety.h"

#include <glib/gi18n.h>

#include "cohort-statistics.h"
#include "cohort-toast.h"

/*
 * Restore (win.restore, in the main menu) replaces the database with a backup: the user picks
 * the file, a dialog says what will be replaced by what, and core copies the backup into the
 * open database after keeping a copy of it.  A bar under the header says when others can read
 * the database (with Make Private, win.make-private), and when its file was moved or deleted
 * while the window was open.
 */

#define SAFETY_KEY "cohort-window-safety"

/* What this adds to a window. */
typedef struct
{
  GtkInfoBar *privacy_bar;    /* owned by the window's content */
  GtkLabel   *privacy_label;
  GtkInfoBar *file_lost_bar;  /* owned by the window's content */
  GtkLabel   *file_lost_label;
} Safety;

static Safety *
get_safety (CohortWindow *self)
{
  return g_object_get_data (G_OBJECT (self), SAFETY_KEY);
}

static char *
format_count (gint64 n)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, n);
}

static char *
dup_people (gint64 n)
{
  g_autofree char *number = format_count (n);

  /* Translators: part of the restore dialog: "1,234 people" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people", (gulong) n),
                          number);
}

static gboolean
count_people (CohortDatabase *database,
              gint64         *out_people)
{
  g_autoptr(GArray) counts = cohort_statistics_count_tables (database, NULL);

  if (counts == NULL)
    return FALSE;

  for (guint i = 0; i < counts->len; i++)
    {
      CohortTableCount *count = &g_array_index (counts, CohortTableCount, i);

      if (g_strcmp0 (count->table, "person") == 0)
        {
          *out_people = count->live;
          return TRUE;
        }
    }

  return FALSE;
}

static char *
dup_file_date (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL,
                            NULL);
  if (info == NULL)
    return NULL;

  utc = g_file_info_get_modification_date_time (info);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%x %H:%M");
}

static AdwToastOverlay *
get_toast_overlay (CohortWindow *self)
{
  GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (self));

  return ADW_IS_TOAST_OVERLAY (content) ? ADW_TOAST_OVERLAY (content) : NULL;
}

static void
show_error (CohortWindow *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore (CohortWindow *self,
         GFile        *backup)
{
  CohortDatabase *database = cohort_window_get_database (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (backup);
  g_autofree char *kept = NULL;
  g_autofree char *name = g_file_get_basename (backup);
  g_autofree char *title = NULL;
  AdwToastOverlay *overlay;

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a file on this computer"), name);
      show_error (self, _("Could Not Restore the Backup"), error);
      return;
    }

  if (!cohort_database_restore_from (database, path, &kept, &error))
    {
      show_error (self, _("Could Not Restore the Backup"), error);
      return;
    }

  overlay = get_toast_overlay (self);
  if (overlay != NULL)
    {
      g_autofree char *kept_name = g_path_get_basename (kept);

      /* Translators: the first %s is the backup restored, the second the copy of the data it
       * replaced, in the backups folder */
      title = g_strdup_printf (_("Restored “%s”; the replaced data is kept as “%s”"), name,
                               kept_name);
      cohort_toast_show (overlay, title, NULL);
    }
}

static void
on_restore_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CohortWindow     *self)
{
  GFile *backup = g_object_get_data (G_OBJECT (dialog), "cohort-backup");

  if (g_strcmp0 (response, "restore") == 0 && backup != NULL)
    restore (self, backup);
}

/**
 * cohort_window_restore_dialog_new:
 * @self: a window
 * @backup: the file to restore
 *
 * The question asked before restoring @backup into the window's database: what will be
 * replaced by what.  Its "restore" response restores; a file that cannot be restored gives a
 * dialog that says why, with only "close".
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
AdwMessageDialog *
cohort_window_restore_dialog_new (CohortWindow *self,
                                  GFile        *backup)
{
  CohortDatabase *database;
  g_autoptr(CohortDatabase) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *db_name = NULL;
  g_autofree char *made_on = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 current = 0;
  gint64 restored = 0;

  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (backup), NULL);

  database = cohort_window_get_database (self);
  path = g_file_get_path (backup);
  name = g_file_get_basename (backup);
  db_name = g_path_get_basename (cohort_database_get_path (database));

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” is not a file on this computer"), name);
  else
    source = cohort_database_open_backup (path, &error);

  if (source == NULL)
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("This File Cannot Be Restored"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      return ADW_MESSAGE_DIALOG (dialog);
    }

  made_on = dup_file_date (backup);

  if (count_people (database, &current) && count_people (source, &restored))
    {
      g_autofree char *current_people = dup_people (current);
      g_autofree char *restored_people = dup_people (restored);

      if (made_on != NULL)
        /* Translators: "This replaces all 1,234 people and every other record in “cohort.db”
         * with the 1,100 people and other records of the backup “copy.db”, made on 11/02/2026
         * 17:40. The current data is kept as a backup first." */
        body = g_strdup_printf (_("This replaces all %s and every other record in “%s” with the "
                                  "%s and other records of the backup “%s”, made on %s. The "
                                  "current data is kept as a backup first."),
                                current_people, db_name, restored_people, name, made_on);
      else
        /* Translators: as "This replaces all 1,234 people…", for a backup whose date is not known */
        body = g_strdup_printf (_("This replaces all %s and every other record in “%s” with the "
                                  "%s and other records of the backup “%s”. The current data is "
                                  "kept as a backup first."),
                                current_people, db_name, restored_people, name);
    }
  else if (made_on != NULL)
    {
      /* Translators: the backup is from an older version, whose records are not counted */
      body = g_strdup_printf (_("This replaces every record in “%s” with the records of the "
                                "backup “%s”, made on %s by an older version of Cohort. The "
                                "current data is kept as a backup first."),
                              db_name, name, made_on);
    }
  else
    {
      /* Translators: the backup is from an older version, and its date is not known */
      body = g_strdup_printf (_("This replaces every record in “%s” with the records of the "
                                "backup “%s”, made by an older version of Cohort. The current "
                                "data is kept as a backup first."),
                              db_name, name);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "cohort-backup", g_object_ref (backup),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_restore_response_cb), self,
                           G_CONNECT_DEFAULT);

  return ADW_MESSAGE_DIALOG (dialog);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        CohortWindow    *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtk_window_present (GTK_WINDOW (cohort_window_restore_dialog_new (self, file)));
    }

  g_object_unref (chooser);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CohortWindow *self = COHORT_WINDOW (widget);
  g_autofree char *folder = cohort_database_dup_backups_folder (cohort_window_get_database (self));
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Cohort databases and backups"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.bak");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) start = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
    }

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
update_privacy_bar (CohortWindow *self)
{
  Safety *safety = get_safety (self);
  gboolean file_shared = FALSE;
  gboolean folder_shared = FALSE;

  if (cohort_database_is_private (cohort_window_get_database (self), &file_shared,
                                  &folder_shared))
    {
      gtk_widget_set_visible (GTK_WIDGET (safety->privacy_bar), FALSE);
      return;
    }

  if (file_shared)
    gtk_label_set_text (safety->privacy_label,
                        _("Other users of this computer can open this database, which holds "
                          "personal data."));
  else
    gtk_label_set_text (safety->privacy_label,
                        _("Other users of this computer can see into the folder of this "
                          "database, which holds personal data."));
  gtk_widget_set_visible (GTK_WIDGET (safety->privacy_bar), TRUE);
}

static void
make_private_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CohortWindow *self = COHORT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!cohort_database_make_private (cohort_window_get_database (self), &error))
    show_error (self, _("Could Not Make the Database Private"), error);

  update_privacy_bar (self);
}

static void
on_privacy_bar_response_cb (GtkInfoBar   *bar,
                            int           response,
                            CohortWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.make-private", NULL);
}

static void
on_file_lost_bar_response_cb (GtkInfoBar   *bar,
                              int           response,
                              CohortWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-copy", NULL);
}

static void
on_file_lost_cb (CohortDatabase *database,
                 CohortWindow   *self)
{
  Safety *safety = get_safety (self);
  g_autofree char *display = g_filename_display_name (cohort_database_get_path (database));
  g_autofree char *text = NULL;

  /* Translators: %s is the path of the database file */
  text = g_strdup_printf (_("The database file “%s” was moved or deleted. What you change now "
                            "may be lost: save a copy to keep it."), display);
  gtk_label_set_text (safety->file_lost_label, text);
  gtk_widget_set_visible (GTK_WIDGET (safety->file_lost_bar), TRUE);
}

static GtkInfoBar *
new_bar (GtkMessageType   type,
         const char      *button_label,
         GtkLabel       **out_label)
{
  GtkInfoBar *bar = GTK_INFO_BAR (gtk_info_bar_new ());
  GtkWidget *label = gtk_label_new (NULL);

  gtk_info_bar_set_message_type (bar, type);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_info_bar_add_child (bar, label);
  gtk_info_bar_add_button (bar, button_label, GTK_RESPONSE_ACCEPT);
  gtk_widget_set_visible (GTK_WIDGET (bar), FALSE);

  *out_label = GTK_LABEL (label);
  return bar;
}

/**
 * cohort_window_safety_class_init:
 *
 * Installs win.restore and win.make-private.
 */
void
cohort_window_safety_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.make-private", NULL, make_private_action);
}

/**
 * cohort_window_safety_init:
 * @self: a window with its database
 *
 * Adds the bars under the header and follows the database file.
 */
void
cohort_window_safety_init (CohortWindow *self)
{
  Safety *safety = g_new0 (Safety, 1);
  CohortDatabase *database = cohort_window_get_database (self);
  GtkWidget *menu_button;
  GtkWidget *header_bar;
  GtkWidget *box;

  g_return_if_fail (COHORT_IS_WINDOW (self));

  menu_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self),
                                                           COHORT_TYPE_WINDOW,
                                                           "primary_menu_button"));
  header_bar = gtk_widget_get_ancestor (menu_button, ADW_TYPE_HEADER_BAR);
  box = gtk_widget_get_parent (header_bar);
  g_assert (GTK_IS_BOX (box));
  g_object_set_data_full (G_OBJECT (self), SAFETY_KEY, safety, g_free);

  safety->file_lost_bar = new_bar (GTK_MESSAGE_ERROR, _("Save a _Copy…"),
                                   &safety->file_lost_label);
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (safety->file_lost_bar), header_bar);
  safety->privacy_bar = new_bar (GTK_MESSAGE_WARNING, _("Make _Private"),
                                 &safety->privacy_label);
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (safety->privacy_bar), header_bar);

  g_signal_connect_object (safety->privacy_bar, "response",
                           G_CALLBACK (on_privacy_bar_response_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (safety->file_lost_bar, "response",
                           G_CALLBACK (on_file_lost_bar_response_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (database, "file-lost", G_CALLBACK (on_file_lost_cb), self,
                           G_CONNECT_DEFAULT);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore",
                                 !cohort_database_is_read_only (database));
  update_privacy_bar (self);
  if (cohort_database_is_file_lost (database))
    on_file_lost_cb (database, self);
}

GtkInfoBar *
cohort_window_get_privacy_bar (CohortWindow *self)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);

  return get_safety (self)->privacy_bar;
}

GtkInfoBar *
cohort_window_get_file_lost_bar (CohortWindow *self)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);

  return get_safety (self)->file_lost_bar;
}
