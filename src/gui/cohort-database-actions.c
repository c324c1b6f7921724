/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-database-actions.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "cohort-demo.h"
#include "cohort-format.h"

/* How often the progress of Load Demo Data is shown, and after how long: a demo written
 * sooner than that needs no dialog that flashes by. */
#define DEMO_PROGRESS_INTERVAL_MSEC 100
#define DEMO_DIALOG_DELAY_MSEC 400
/* The seed `cohort demo` uses when not told otherwise: the same programme as the command's. */
#define DEMO_SEED 1

/* Load Demo Data, seen from the main thread.  Freed by the task's callback. */
typedef struct
{
  CohortWindow     *window;
  AdwMessageDialog *dialog;      /* weak */
  GtkProgressBar   *progress;    /* owned by dialog */
  GCancellable     *cancellable;
  guint             timeout_id;
  guint             present_id;
  guint             n_trainees;
  int               n_done;      /* atomic: written by the worker */
} DemoLoad;

/* What the worker needs; no GTK object in it, as the worker may drop the last reference. */
typedef struct
{
  char  *path;
  char  *today;
  guint  n_trainees;
  int   *n_done;                 /* DemoLoad's, which outlives the worker */
} DemoWork;

static const char *demo_load_key = "cohort-demo-load";

static void
demo_work_free (gpointer data)
{
  DemoWork *work = data;

  g_free (work->path);
  g_free (work->today);
  g_free (work);
}

static void
demo_load_free (DemoLoad *load)
{
  g_clear_handle_id (&load->timeout_id, g_source_remove);
  g_clear_handle_id (&load->present_id, g_source_remove);
  if (load->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (load->dialog), (gpointer *) &load->dialog);
      gtk_window_destroy (GTK_WINDOW (load->dialog));
    }
  g_clear_object (&load->cancellable);
  g_clear_object (&load->window);
  g_free (load);
}

/* What went wrong, in a dialog over @parent; cancelling is not a failure. */
static void
show_failure (GtkWindow    *parent,
              const char   *heading,
              const GError *error,
              const char   *advice)
{
  g_autofree char *message = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  message = cohort_format_sentence (error->message);
  body = advice != NULL ? g_strdup_printf ("%s\n\n%s", message, advice) : g_strdup (message);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkApplication *
window_application (GtkWindow *window)
{
  return window != NULL ? gtk_window_get_application (window) : NULL;
}

/* Whether @canonical_path is the database of a window of Cohort (or of @window). */
static gboolean
is_open_database (GtkWindow  *window,
                  const char *canonical_path)
{
  GtkApplication *application = window_application (window);
  g_autoptr(GList) windows = NULL;

  if (application != NULL)
    windows = g_list_copy (gtk_application_get_windows (application));
  else if (window != NULL)
    windows = g_list_prepend (NULL, window);

  for (GList *l = windows; l != NULL; l = l->next)
    {
      g_autofree char *path = NULL;

      if (!COHORT_IS_WINDOW (l->data))
        continue;

      path = g_canonicalize_filename (
        cohort_database_get_path (cohort_window_get_database (l->data)), NULL);
      if (strcmp (path, canonical_path) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
set_up_chooser (GtkFileChooser *chooser,
                CohortDatabase *near)
{
  cohort_database_actions_add_filter (chooser);

  if (near != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cohort_database_get_path (near));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (chooser, folder, NULL);
    }
}

/* New */

static gboolean
remove_if_there (const char  *path,
                 GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* TRANSLATORS: a file name, then why it could not be removed */
                   _("Could not replace “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Makes way for a new, empty database at @path: refuses a file in use or, unless @replace, a
 * file with something in it; a file to be replaced goes, with what SQLite keeps beside it. */
static gboolean
make_way_for_new (GtkWindow   *window,
                  const char  *path,
                  gboolean     replace,
                  GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;

  if (is_open_database (window, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” is a database open in Cohort, and cannot be replaced by a new one"),
                   display);
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    return TRUE;

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("“%s” is a folder, not a file"), display);
      return FALSE;
    }

  if (!replace && st.st_size > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A file named “%s” already exists"), display);
      return FALSE;
    }

  if (!replace)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    {
      g_autofree char *companion = g_strconcat (path, companions[i], NULL);

      if (!remove_if_there (companion, error))
        return FALSE;
    }

  return remove_if_there (path, error);
}

static void
on_new_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            gpointer         user_data)
{
  CohortApplication *application = user_data;
  GtkWindow *parent = g_object_get_data (G_OBJECT (chooser), "cohort-parent");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The chooser asked before it let a file be replaced. */
      if (file != NULL)
        cohort_database_actions_create (application, parent, file, TRUE);
    }

  g_application_release (G_APPLICATION (application));
  g_object_unref (chooser);
}

/**
 * cohort_database_actions_choose_new:
 * @parent: (nullable): the window that asks; the new database takes its place
 *
 * Asks where to create a new, empty database, then shows it instead of @parent's.
 */
void
cohort_database_actions_choose_new (CohortApplication *application,
                                    GtkWindow         *parent)
{
  GtkFileChooserNative *chooser;

  g_return_if_fail (COHORT_IS_APPLICATION (application));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  chooser = gtk_file_chooser_native_new (_("New Database"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("C_reate"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_up_chooser (GTK_FILE_CHOOSER (chooser),
                  COHORT_IS_WINDOW (parent) ?
                  cohort_window_get_database (COHORT_WINDOW (parent)) : NULL);
  /* TRANSLATORS: the file name offered for a new database */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Programme.db"));
  if (parent != NULL)
    g_object_set_data_full (G_OBJECT (chooser), "cohort-parent", g_object_ref (parent),
                            g_object_unref);

  g_application_hold (G_APPLICATION (application));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_chooser_response_cb), application);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * cohort_database_actions_create:
 * @window: (nullable): the window that asked; the new database takes its place
 * @file: where to create the database
 * @replace: whether a file already there is to be replaced (the person confirmed it)
 *
 * Creates an empty database at @file and shows it as cohort_application_switch_database()
 * does.  A file that is in use, or that has something in it when @replace is %FALSE, is left
 * alone, and a dialog says why.
 *
 * Returns: (transfer none) (nullable): the window on the new database, or %NULL
 */
CohortWindow *
cohort_database_actions_create (CohortApplication *application,
                                GtkWindow         *window,
                                GFile             *file,
                                gboolean           replace)
{
  g_autofree char *path = NULL;
  g_autofree char *canonical = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (COHORT_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (window == NULL || GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cohort keeps databases in files on this computer, and “%s” is not one"),
                   uri);
    }
  else
    {
      canonical = g_canonicalize_filename (path, NULL);
      make_way_for_new (window, canonical, replace, &error);
    }

  if (error != NULL)
    {
      show_failure (window, _("Could Not Create the Database"), error,
                    _("Choose another name or folder for the new database."));
      return NULL;
    }

  return cohort_application_switch_database (application, window, canonical);
}

/* Save a Copy */

static void
save_copy_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  const char * const *paths = task_data;  /* the database, the copy */
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A connection of its own: the window's belongs to the main thread, and copying a large
   * database takes longer than a frame. */
  database = cohort_database_open (paths[0],
                                   COHORT_DATABASE_OPEN_READ_ONLY |
                                   COHORT_DATABASE_OPEN_NO_CREATE,
                                   &error);
  if (database == NULL || !cohort_database_backup_to (database, paths[1], &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * cohort_database_actions_save_copy:
 * @file: where to write the copy; replaced if it exists
 *
 * Writes a consistent copy of the window's database to @file, in a worker thread.  The
 * database itself, and any other database open in Cohort, are refused as the copy.
 */
void
cohort_database_actions_save_copy (CohortWindow        *window,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *canonical = NULL;
  char **paths;

  g_return_if_fail (COHORT_IS_WINDOW (window));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (window, cancellable, callback, user_data);
  g_task_set_source_tag (task, cohort_database_actions_save_copy);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Cohort writes copies to files on this computer, and “%s” "
                                 "is not one"), uri);
      return;
    }

  canonical = g_canonicalize_filename (path, NULL);
  if (is_open_database (GTK_WINDOW (window), canonical))
    {
      g_autofree char *display = g_filename_display_name (canonical);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("“%s” is a database open in Cohort: a copy cannot replace it"),
                               display);
      return;
    }

  paths = g_new0 (char *, 3);
  paths[0] = g_strdup (cohort_database_get_path (cohort_window_get_database (window)));
  paths[1] = g_steal_pointer (&canonical);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, save_copy_thread);
}

gboolean
cohort_database_actions_save_copy_finish (CohortWindow  *window,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (COHORT_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, window), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_save_copy_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  CohortWindow *window = COHORT_WINDOW (source_object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  GtkWidget *content;

  if (!cohort_database_actions_save_copy_finish (window, result, &error))
    {
      show_failure (GTK_WINDOW (window), _("Could Not Save a Copy"), error,
                    _("The database itself is unchanged. Choose another name or folder for "
                      "the copy."));
      return;
    }

  /* Said in a toast where the window has room for toasts. */
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_TOAST_OVERLAY (content))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *display = g_filename_display_name (name);
      g_autofree char *title = NULL;

      /* TRANSLATORS: %s is the file name of the copy */
      title = g_strdup_printf (_("Copy saved as “%s”"), display);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (title));
    }
}

static void
on_save_copy_chooser_response_cb (GtkNativeDialog *chooser,
                                  int              response,
                                  gpointer         user_data)
{
  CohortWindow *window = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        cohort_database_actions_save_copy (window, file, NULL, on_save_copy_cb,
                                           g_object_ref (file));
    }

  g_object_unref (window);
  g_object_unref (chooser);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CohortWindow *window = COHORT_WINDOW (widget);
  CohortDatabase *database = cohort_window_get_database (window);
  g_autofree char *basename = g_path_get_basename (cohort_database_get_path (database));
  g_autofree char *name = NULL;
  const char *dot = strrchr (basename, '.');
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save a Copy of the Database"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  set_up_chooser (GTK_FILE_CHOOSER (chooser), database);

  if (dot != NULL && dot != basename)
    {
      g_autofree char *stem = g_strndup (basename, dot - basename);

      /* TRANSLATORS: the file name offered for a copy of a database, e.g. "cohort copy"; the
       * extension (".db") follows */
      g_autofree char *copy = g_strdup_printf (_("%s copy"), stem);

      name = g_strconcat (copy, dot, NULL);
    }
  else
    name = g_strdup_printf (_("%s copy"), basename);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_copy_chooser_response_cb),
                    g_object_ref (window));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Load Demo Data */

static void
on_demo_progress_cb (guint    n_done,
                     guint    n_total,
                     gpointer user_data)
{
  DemoWork *work = user_data;

  g_atomic_int_set (work->n_done, (int) n_done);
}

static void
load_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DemoWork *work = task_data;
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A writer of its own beside the window's connection: the pages keep reading meanwhile,
   * and see nothing of the demo until it is committed whole. */
  database = cohort_database_open (work->path, COHORT_DATABASE_OPEN_NO_CREATE, &error);
  if (database == NULL ||
      !cohort_demo_generate (database, work->n_trainees, DEMO_SEED, work->today,
                             on_demo_progress_cb, work, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_demo_progress (DemoLoad *load)
{
  guint n_done = (guint) g_atomic_int_get (&load->n_done);
  g_autofree char *done = g_strdup_printf ("%'u", n_done);
  g_autofree char *total = g_strdup_printf ("%'u", load->n_trainees);
  g_autofree char *text = NULL;

  /* TRANSLATORS: how far Load Demo Data has got, e.g. "1,200 of 1,600 trainees" */
  text = g_strdup_printf (g_dngettext (NULL, "%s of %s trainee", "%s of %s trainees",
                                       load->n_trainees),
                          done, total);
  gtk_progress_bar_set_text (load->progress, text);
  gtk_progress_bar_set_fraction (load->progress,
                                 load->n_trainees > 0 ? (double) n_done / load->n_trainees : 0);
}

static gboolean
on_demo_progress_timeout_cb (gpointer user_data)
{
  show_demo_progress (user_data);

  return G_SOURCE_CONTINUE;
}

static gboolean
on_demo_present_timeout_cb (gpointer user_data)
{
  DemoLoad *load = user_data;

  load->present_id = 0;
  if (load->dialog != NULL)
    gtk_window_present (GTK_WINDOW (load->dialog));

  return G_SOURCE_REMOVE;
}

static void
on_load_demo_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DemoLoad *load = user_data;
  CohortWindow *window = load->window;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);

  g_object_set_data (G_OBJECT (window), demo_load_key, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.load-demo", TRUE);

  /* Every page reads its lists again, as after a change by another program. */
  if (ok && cohort_window_get_database (window) != NULL)
    cohort_database_check_external_changes (cohort_window_get_database (window));
  else if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    show_failure (GTK_WINDOW (window), _("Could Not Load the Demo Data"), error,
                  g_error_matches (error, COHORT_DEMO_ERROR, COHORT_DEMO_ERROR_NOT_EMPTY) ?
                  _("Demo data goes only into an empty database. Create a new database "
                    "with New Database, then load the demo data into it.") :
                  _("The database was left as it was."));

  demo_load_free (load);
}

static void
on_demo_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            gpointer          user_data)
{
  DemoLoad *load = user_data;

  /* Nothing is written then: the demo is one transaction. */
  g_cancellable_cancel (load->cancellable);
}

static AdwMessageDialog *
new_demo_dialog (DemoLoad *load)
{
  CohortDatabase *database = cohort_window_get_database (load->window);
  g_autofree char *display = g_filename_display_basename (cohort_database_get_path (database));
  g_autofree char *total = g_strdup_printf ("%'u", load->n_trainees);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* TRANSLATORS: a number of trainees, then a database file name */
  body = g_strdup_printf (g_dngettext (NULL,
                                       "Writing a demonstration programme of %s trainee into "
                                       "“%s”: courses and intakes since 2007, placements at "
                                       "field offices and careers.",
                                       "Writing a demonstration programme of %s trainees into "
                                       "“%s”: courses and intakes since 2007, placements at "
                                       "field offices and careers.",
                                       load->n_trainees),
                          total, display);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (load->window),
                                                       _("Loading Demo Data"), body));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  load->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_show_text (load->progress, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (load->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Demo data written"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, GTK_WIDGET (load->progress));

  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_demo_dialog_response_cb), load);

  return dialog;
}

/**
 * cohort_database_actions_load_demo:
 * @n_trainees: how many trainees the demo programme has
 *
 * Fills the window's database, which must be empty, with the demo programme of `cohort demo`,
 * in a worker thread with its own connection.  A dialog shows the progress, when it takes
 * more than a moment, and can cancel; then nothing is written.  The pages show the demo when it is written; a failure is shown in
 * a dialog.  Does nothing while a demo is being written.
 *
 * Returns: (transfer none) (nullable): the progress dialog (shown after a moment), destroyed
 *   when the work is over
 */
AdwMessageDialog *
cohort_database_actions_load_demo (CohortWindow *window,
                                   guint         n_trainees)
{
  CohortDatabase *database;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTask) task = NULL;
  DemoWork *work;
  DemoLoad *load;

  g_return_val_if_fail (COHORT_IS_WINDOW (window), NULL);
  g_return_val_if_fail (n_trainees > 0 && n_trainees <= COHORT_DEMO_MAX_TRAINEES, NULL);

  load = g_object_get_data (G_OBJECT (window), demo_load_key);
  if (load != NULL)
    return load->dialog;

  database = cohort_window_get_database (window);
  if (cohort_database_is_read_only (database))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *display = g_filename_display_name (cohort_database_get_path (database));

      g_set_error (&error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_READ_ONLY,
                   _("“%s” is open read-only"), display);
      show_failure (GTK_WINDOW (window), _("Could Not Load the Demo Data"), error,
                    _("Create a new database with New Database, then load the demo data "
                      "into it."));
      return NULL;
    }

  load = g_new0 (DemoLoad, 1);
  load->window = g_object_ref (window);
  load->cancellable = g_cancellable_new ();
  load->n_trainees = n_trainees;
  load->dialog = new_demo_dialog (load);
  g_object_add_weak_pointer (G_OBJECT (load->dialog), (gpointer *) &load->dialog);
  /* Closing the window stops the work. */
  g_signal_connect_object (load->dialog, "destroy", G_CALLBACK (g_cancellable_cancel),
                           load->cancellable, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (window), demo_load_key, load);
  gtk_widget_action_set_enabled (GTK_WIDGET (window), "win.load-demo", FALSE);

  work = g_new0 (DemoWork, 1);
  work->path = g_strdup (cohort_database_get_path (database));
  now = g_date_time_new_now_local ();
  work->today = g_date_time_format (now, "%Y-%m-%d");
  work->n_trainees = n_trainees;
  work->n_done = &load->n_done;

  /* No source object: the worker may drop the task's last reference, and the window must not
   * be released there. */
  task = g_task_new (NULL, load->cancellable, on_load_demo_cb, load);
  g_task_set_source_tag (task, cohort_database_actions_load_demo);
  g_task_set_task_data (task, work, demo_work_free);
  g_task_run_in_thread (task, load_demo_thread);

  show_demo_progress (load);
  load->timeout_id = g_timeout_add (DEMO_PROGRESS_INTERVAL_MSEC, on_demo_progress_timeout_cb,
                                    load);
  load->present_id = g_timeout_add (DEMO_DIALOG_DELAY_MSEC, on_demo_present_timeout_cb, load);

  return load->dialog;
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  cohort_database_actions_load_demo (COHORT_WINDOW (widget), COHORT_DEMO_DEFAULT_TRAINEES);
}

/**
 * cohort_database_actions_class_init:
 * @window_class: #CohortWindow's class
 *
 * Installs win.save-copy (Ctrl+Shift+S) and win.load-demo.
 */
void
cohort_database_actions_class_init (GtkWidgetClass *window_class)
{
  gtk_widget_class_install_action (window_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (window_class, "win.load-demo", NULL, load_demo_action);

  /* Listed in gtk/help-overlay.ui. */
  gtk_widget_class_add_binding_action (window_class, GDK_KEY_s,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-copy", NULL);
}

/**
 * cohort_database_actions_add_filter:
 * @chooser: a file chooser
 *
 * Adds to @chooser the filter that shows Cohort's databases (SQLite files).
 */
void
cohort_database_actions_add_filter (GtkFileChooser *chooser)
{
  GtkFileFilter *filter;

  g_return_if_fail (GTK_IS_FILE_CHOOSER (chooser));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Cohort Databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");
  gtk_file_filter_add_suffix (filter, "sqlite3");
  gtk_file_filter_add_mime_type (filter, "application/vnd.sqlite3");
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}
