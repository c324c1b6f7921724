/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-application.h"

#include <glib/gi18n.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cohort-about.h"
#include "cohort-database-actions.h"
#include "cohort-database.h"
#include "cohort-format.h"
#include "cohort-window.h"

#define WATCH_INTERVAL_MSEC 1000

struct _CohortApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

/* What a failed open tried, so that the error dialog can try it again. */
typedef struct
{
  char                    *path;
  CohortDatabaseOpenFlags  flags;
} OpenRequest;

G_DEFINE_FINAL_TYPE (CohortApplication, cohort_application, ADW_TYPE_APPLICATION)

static CohortWindow *open_database   (CohortApplication       *self,
                                      const char              *path,
                                      CohortDatabaseOpenFlags  flags);
static CohortWindow *switch_database (CohortApplication       *self,
                                      GtkWindow               *replace,
                                      const char              *path,
                                      CohortDatabaseOpenFlags  flags);

static void
open_request_free (gpointer data)
{
  OpenRequest *request = data;

  g_free (request->path);
  g_free (request);
}

static char *
dup_canonical_default_path (void)
{
  g_autofree char *path = cohort_database_dup_default_path ();

  return g_canonicalize_filename (path, NULL);
}

/* The database to open when nothing was asked for: the last one, if it is still there, else
 * the default one in the user's data folder. */
static char *
dup_startup_path (CohortApplication *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&last);

  return cohort_database_dup_default_path ();
}

static void
remember_database (CohortApplication *self,
                   const char        *canonical_path)
{
  g_autofree char *default_path = dup_canonical_default_path ();

  /* The schema's empty string means "the default database", wherever the data folder is. */
  g_settings_set_string (self->settings, "last-database",
                         strcmp (canonical_path, default_path) == 0 ? "" : canonical_path);
}

static CohortWindow *
find_window (CohortApplication *self,
             const char        *canonical_path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      CohortDatabase *database;
      g_autofree char *path = NULL;

      if (!COHORT_IS_WINDOW (l->data))
        continue;

      database = cohort_window_get_database (l->data);
      path = g_canonicalize_filename (cohort_database_get_path (database), NULL);
      if (strcmp (path, canonical_path) == 0)
        return l->data;
    }

  return NULL;
}

/* What the person can do about it, in addition to what the error itself says. */
static const char *
advice_for_error (const GError *error,
                  gboolean      have_window)
{
  if (error->domain == COHORT_DATABASE_ERROR)
    {
      switch ((CohortDatabaseError) error->code)
        {
        case COHORT_DATABASE_ERROR_NOT_A_DATABASE:
        case COHORT_DATABASE_ERROR_NOT_COHORT:
          return _("Choose a database made by Cohort instead.");
        case COHORT_DATABASE_ERROR_READ_ONLY:
          return _("You can open it read-only to look at it, or choose a database in a folder "
                   "you can write to.");
        case COHORT_DATABASE_ERROR_LOCKED:
          return _("When the other program has finished, try again.");
        case COHORT_DATABASE_ERROR_FULL:
          return _("Free some space on the disk, then try again.");
        case COHORT_DATABASE_ERROR_CORRUPT:
        case COHORT_DATABASE_ERROR_TOO_NEW:
        case COHORT_DATABASE_ERROR_NEEDS_UPGRADE:
        case COHORT_DATABASE_ERROR_MIGRATION:
          return _("The file was left as it was. You can choose another database.");
        case COHORT_DATABASE_ERROR_FAILED:
        case COHORT_DATABASE_ERROR_NOT_FOUND:
        case COHORT_DATABASE_ERROR_CONSTRAINT:
        default:
          break;
        }
    }

  if (have_window)
    return _("Try again, or choose another database.");

  return _("Try again, choose another database, or quit Cohort.");
}

/* Whether trying the same again may work, once the person has done something about it. */
static gboolean
error_can_be_retried (const GError *error)
{
  if (error->domain != COHORT_DATABASE_ERROR)
    return FALSE;

  switch ((CohortDatabaseError) error->code)
    {
    case COHORT_DATABASE_ERROR_FAILED:
    case COHORT_DATABASE_ERROR_NOT_FOUND:
    case COHORT_DATABASE_ERROR_READ_ONLY:
    case COHORT_DATABASE_ERROR_LOCKED:
    case COHORT_DATABASE_ERROR_FULL:
    case COHORT_DATABASE_ERROR_MIGRATION:
      return TRUE;
    case COHORT_DATABASE_ERROR_NOT_A_DATABASE:
    case COHORT_DATABASE_ERROR_NOT_COHORT:
    case COHORT_DATABASE_ERROR_TOO_NEW:
    case COHORT_DATABASE_ERROR_CORRUPT:
    case COHORT_DATABASE_ERROR_CONSTRAINT:
    case COHORT_DATABASE_ERROR_NEEDS_UPGRADE:
    default:
      return FALSE;
    }
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        gpointer         user_data)
{
  CohortApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      /* A database chosen from a window takes that window's place. */
      if (path != NULL)
        switch_database (self, gtk_native_dialog_get_transient_for (chooser), path,
                         COHORT_DATABASE_OPEN_DEFAULT);
    }

  /* Opening has shown a window or another dialog by now, which keeps the application. */
  g_application_release (G_APPLICATION (self));
  g_object_unref (chooser);
}

static void
choose_database (CohortApplication *self,
                 GtkWindow         *parent,
                 const char        *near_path)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Choose a Database"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  cohort_database_actions_add_filter (GTK_FILE_CHOOSER (chooser));

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All Files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  if (near_path != NULL)
    {
      g_autofree char *folder_path = g_path_get_dirname (near_path);

      if (g_file_test (folder_path, G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GFile) folder = g_file_new_for_path (folder_path);
          gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
        }
    }

  /* Nothing else may be open while the person chooses: keep the application running. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  CohortApplication *self = user_data;
  OpenRequest *request = g_object_get_data (G_OBJECT (dialog), "cohort-open-request");

  if (strcmp (response, "choose") == 0)
    choose_database (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), request->path);
  else if (strcmp (response, "retry") == 0)
    switch_database (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), request->path,
                     request->flags);
  else if (strcmp (response, "read-only") == 0)
    switch_database (self, gtk_window_get_transient_for (GTK_WINDOW (dialog)), request->path,
                     COHORT_DATABASE_OPEN_READ_ONLY | COHORT_DATABASE_OPEN_NO_CREATE);
}

static void
show_open_error (CohortApplication       *self,
                 const char              *path,
                 CohortDatabaseOpenFlags  flags,
                 const GError            *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *message = cohort_format_sentence (error->message);
  g_autofree char *body = NULL;
  OpenRequest *request;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Open the Database"), NULL);
  body = g_strdup_printf ("%s\n\n%s", message, advice_for_error (error, parent != NULL));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);

  /* Without a window, closing this dialog ends Cohort: say so. */
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close",
                                   parent != NULL ? _("_Cancel") : _("_Quit"));
  if (error_can_be_retried (error))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "retry", _("_Try Again"));
  if (g_error_matches (error, COHORT_DATABASE_ERROR, COHORT_DATABASE_ERROR_READ_ONLY) &&
      !(flags & COHORT_DATABASE_OPEN_READ_ONLY))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                     _("Open _Read-Only"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "choose",
                                   _("Choose _Another Database…"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  request = g_new0 (OpenRequest, 1);
  request->path = g_strdup (path);
  request->flags = flags;
  g_object_set_data_full (G_OBJECT (dialog), "cohort-open-request", request, open_request_free);

  /* The dialog belongs to the application, so that Cohort stays open while it is shown. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_open_error_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static CohortWindow *
open_database (CohortApplication       *self,
               const char              *path,
               CohortDatabaseOpenFlags  flags)
{
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  CohortWindow *window;

  window = find_window (self, canonical);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  /* The copies kept before an upgrade, an import or a restore: as many as the user wants. */
  cohort_database_set_default_backups_to_keep ((guint) MAX (1, g_settings_get_int (self->settings,
                                                                  "backups-to-keep")));
  database = cohort_database_open (canonical, flags, &error);
  if (database == NULL)
    {
      show_open_error (self, canonical, flags, error);
      return NULL;
    }

  /* Notice what other programs (the command line) write while the window is open. */
  cohort_database_watch (database, WATCH_INTERVAL_MSEC);
  remember_database (self, canonical);

  window = cohort_window_new (GTK_APPLICATION (self), database);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Opens @path; when it opens, its window takes the place of @replace (when that is a window
 * on another database).  When it does not, @replace stays as it was. */
static CohortWindow *
switch_database (CohortApplication       *self,
                 GtkWindow               *replace,
                 const char              *path,
                 CohortDatabaseOpenFlags  flags)
{
  g_autoptr(GtkWindow) old = replace != NULL ? g_object_ref (replace) : NULL;
  CohortWindow *window = open_database (self, path, flags);

  if (window != NULL && COHORT_IS_WINDOW (old) && GTK_WINDOW (window) != old)
    gtk_window_destroy (old);

  return window;
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CohortApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  choose_database (self, parent,
                   COHORT_IS_WINDOW (parent) ?
                   cohort_database_get_path (cohort_window_get_database (COHORT_WINDOW (parent))) :
                   NULL);
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  CohortApplication *self = user_data;

  cohort_database_actions_choose_new (self,
                                      gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing every window closes every database properly; then Cohort ends by itself. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free (windows);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about = cohort_about_window_new (parent);

  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "about", .activate = about_action },
  { .name = "open", .activate = open_action },
  { .name = "new", .activate = new_action },
};

static int
cohort_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  const char *path = NULL;

  /* --database goes the way of a file given on the command line, so that a Cohort already
   * running opens it. */
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) error = NULL;

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      g_application_open (application, &file, 1, "database");
      return EXIT_SUCCESS;
    }

  return G_APPLICATION_CLASS (cohort_application_parent_class)->handle_local_options (application,
                                                                                      options);
}

static void
cohort_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Primary>q", NULL };
  static const char *open_accels[] = { "<Primary>o", NULL };
  static const char *new_accels[] = { "<Primary><Shift>n", NULL };
  g_autofree char *actor = NULL;

#ifdef __GLIBC__
  /* The lists' queries run in worker threads, whose SQLite page caches glibc would keep in an
   * arena per thread, each holding on to what it freed: two arenas, the window's and the
   * workers', keep the window's memory some 7 MiB smaller at 100,000 trainees. */
  mallopt (M_ARENA_MAX, 2);
#endif

  G_APPLICATION_CLASS (cohort_application_parent_class)->startup (application);

  /* Every connection the window opens, its workers' too, names the user in the history.
   * Translators: how the history names the window as the way a change was made */
  actor = cohort_database_dup_user_actor (C_("actor", "window"));
  cohort_database_set_default_actor (actor);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.open",
                                         open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.new",
                                         new_accels);
}

static void
cohort_application_activate (GApplication *application)
{
  CohortApplication *self = COHORT_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = dup_startup_path (self);
  open_database (self, path, COHORT_DATABASE_OPEN_DEFAULT);
}

static void
cohort_application_open (GApplication  *application,
                         GFile        **files,
                         int            n_files,
                         const char    *hint)
{
  CohortApplication *self = COHORT_APPLICATION (application);

  /* One database at a time: the first file that is one on this computer. */
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL)
        {
          open_database (self, path, COHORT_DATABASE_OPEN_DEFAULT);
          return;
        }
    }

  if (n_files > 0)
    {
      g_autofree char *uri = g_file_get_uri (files[0]);
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Cohort opens database files on this computer, and “%s” is not one"), uri);
      show_open_error (self, uri, COHORT_DATABASE_OPEN_DEFAULT, error);
    }
}

static void
cohort_application_dispose (GObject *object)
{
  CohortApplication *self = (CohortApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (cohort_application_parent_class)->dispose (object);
}

static void
cohort_application_class_init (CohortApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = cohort_application_dispose;

  application_class->handle_local_options = cohort_application_handle_local_options;
  application_class->startup = cohort_application_startup;
  application_class->activate = cohort_application_activate;
  application_class->open = cohort_application_open;
}

static void
cohort_application_init (CohortApplication *self)
{
  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option (G_APPLICATION (self), "database", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open the database in PATH instead of the last one"),
                                 /* TRANSLATORS: the placeholder of --database in --help */
                                 _("PATH"));
}

CohortApplication *
cohort_application_new (void)
{
  return g_object_new (COHORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/**
 * cohort_application_open_database:
 * @path: the database file; created when missing
 *
 * Shows the database in a window: the one already showing it, or a new one.  When it cannot be
 * opened, a dialog says why and offers to choose another.  A database that opens is
 * remembered as the one to open next time.
 */
void
cohort_application_open_database (CohortApplication *self,
                                  const char        *path)
{
  g_return_if_fail (COHORT_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  open_database (self, path, COHORT_DATABASE_OPEN_DEFAULT);
}

/**
 * cohort_application_switch_database:
 * @window: (nullable): the window the person asked from
 * @path: the database file; created when missing
 *
 * Shows the database instead of @window's: in the window already showing it, or in a new
 * one, and @window closes.  When the database cannot be opened, a dialog says why and @window
 * keeps its database.  A database that opens is remembered as the one to open next time.
 *
 * Returns: (transfer none) (nullable): the window that shows the database, or %NULL
 */
CohortWindow *
cohort_application_switch_database (CohortApplication *self,
                                    GtkWindow         *window,
                                    const char        *path)
{
  g_return_val_if_fail (COHORT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (window == NULL || GTK_IS_WINDOW (window), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return switch_database (self, window, path, COHORT_DATABASE_OPEN_DEFAULT);
}
