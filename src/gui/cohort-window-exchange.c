/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cohort-gui"

#include "config.h"

#include "cohort-window-exchange.h"

#include <glib/gi18n.h>

#include "cohort-courses-page.h"
#include "cohort-graduates-page.h"
#include "cohort-ims-writer.h"
#include "cohort-list-writer.h"
#include "cohort-placements-page.h"
#include "cohort-trainees-page.h"
#include "cohort-xcri-writer.h"

/*
 * Import (win.import, Ctrl+I, or a file dropped on the window) opens a #CohortImportDialog;
 * Export (win.export, Ctrl+E) writes the list of the visible page as it shows it (search,
 * filters, sort) as CSV, and on the Courses page the catalogue as XCRI-CAP
 * (win.export-xcri) and the runs and enrolments as IMS Enterprise (win.export-ims).  Files
 * are written in a worker with a connection of its own.
 */

#define N_FILTERS (COHORT_QUERY_FILTER_ORGANISATION_KIND + 1)
#define EXCHANGE_KEY "cohort-window-exchange"

/* What the exchange adds to a window. */
typedef struct
{
  AdwToastOverlay *toast_overlay;  /* owned by the window */
} Exchange;

/* An export, for its worker. */
typedef struct
{
  CohortExportFormat  format;
  char               *database_path;
  GFile              *file;
  CohortQueryKind     kind;
  char               *search;
  char               *filters[N_FILTERS];
  CohortQuerySort     sort;
  gboolean            descending;
  gboolean            show_deleted;
} Export;

static Exchange *
get_exchange (CohortWindow *self)
{
  return g_object_get_data (G_OBJECT (self), EXCHANGE_KEY);
}

static void
export_free (Export *export)
{
  g_free (export->database_path);
  g_clear_object (&export->file);
  g_free (export->search);
  for (guint i = 0; i < N_FILTERS; i++)
    g_free (export->filters[i]);
  g_free (export);
}

static AdwViewStack *
get_view_stack (CohortWindow *self)
{
  return ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (self), COHORT_TYPE_WINDOW,
                                                        "view_stack"));
}

/* The list the visible page shows, or %NULL on a page without one. */
static CohortQueryModel *
get_visible_list (CohortWindow  *self,
                  const char   **out_name)
{
  AdwViewStack *stack = get_view_stack (self);
  GtkWidget *bin = adw_view_stack_get_visible_child (stack);
  GtkWidget *page = ADW_IS_BIN (bin) ? adw_bin_get_child (ADW_BIN (bin)) : NULL;

  if (out_name != NULL)
    *out_name = adw_view_stack_get_visible_child_name (stack);

  if (COHORT_IS_TRAINEES_PAGE (page))
    return cohort_trainees_page_get_model (COHORT_TRAINEES_PAGE (page));
  if (COHORT_IS_COURSES_PAGE (page))
    return cohort_courses_page_get_model (COHORT_COURSES_PAGE (page));
  if (COHORT_IS_PLACEMENTS_PAGE (page))
    return cohort_placements_page_get_model (COHORT_PLACEMENTS_PAGE (page));
  if (COHORT_IS_GRADUATES_PAGE (page))
    return cohort_graduates_page_get_model (COHORT_GRADUATES_PAGE (page));

  return NULL;
}

static void
show_toast (CohortWindow *self,
            AdwToast     *toast)
{
  Exchange *exchange = get_exchange (self);

  adw_toast_overlay_add_toast (exchange->toast_overlay, toast);
}

static void
show_failure (CohortWindow *self,
              const char   *what,
              const GError *error)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* Translators: "Could not export: Permission denied" */
  title = g_strdup_printf (C_("failure", "%s: %s"), what, error->message);
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 10);
  show_toast (self, toast);
}

/* Importing */

static void
on_imported_cb (CohortImportDialog *dialog,
                const char         *page,
                const char         *message,
                CohortWindow       *self)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target_value (toast, g_variant_new_string (page));
  show_toast (self, toast);
}

static CohortImportDialog *
new_import_dialog (CohortWindow *self)
{
  CohortImportDialog *dialog;

  dialog = cohort_import_dialog_new (GTK_WINDOW (self), cohort_window_get_database (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), self,
                           G_CONNECT_DEFAULT);

  return dialog;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortImportDialog *dialog = new_import_dialog (COHORT_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.choose", NULL);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AdwViewStack *stack = get_view_stack (COHORT_WINDOW (widget));
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (stack, name) != NULL)
    adw_view_stack_set_visible_child_name (stack, name);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CohortWindow  *self)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      file = g_value_get_object (value);
    }

  if (file == NULL)
    return FALSE;

  gtk_window_present (GTK_WINDOW (cohort_window_import_file (self, file)));
  return TRUE;
}

/* Exporting */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(CohortDatabase) database = NULL;
  g_autoptr(CohortQueryModel) model = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  /* A connection of its own: the window's belongs to the main thread. */
  database = cohort_database_open (export->database_path,
                                   COHORT_DATABASE_OPEN_READ_ONLY |
                                   COHORT_DATABASE_OPEN_NO_CREATE,
                                   &error);
  if (database == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (export->format == COHORT_EXPORT_CATALOGUE_XCRI)
    {
      if (!cohort_xcri_writer_write_file (database, export->file, cancellable, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_int (task, 0);
      return;
    }
  if (export->format == COHORT_EXPORT_ENROLMENTS_IMS)
    {
      if (!cohort_ims_writer_write_file (database, 0, export->file, cancellable, &error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_int (task, 0);
      return;
    }

  /* The list as the page shows it, read again through this connection. */
  model = cohort_query_model_new (database, export->kind);
  cohort_query_model_set_search (model, export->search);
  for (guint i = 0; i < N_FILTERS; i++)
    if (export->filters[i] != NULL)
      cohort_query_model_set_filter (model, i, export->filters[i]);
  cohort_query_model_set_sort (model, export->sort, export->descending);
  cohort_query_model_set_show_deleted (model, export->show_deleted);
  if (!cohort_query_model_refresh_sync (model, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Written beside the file and renamed over it when complete. */
  stream = g_file_replace (export->file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!cohort_list_writer_write_csv (model, G_OUTPUT_STREAM (stream), NULL, NULL, cancellable,
                                     &rows, &error))
    {
      g_autoptr(GCancellable) abort_write = g_cancellable_new ();

      /* Closing with a cancelled cancellable drops the half-written copy. */
      g_cancellable_cancel (abort_write);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abort_write, NULL);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, rows);
}

static void
on_export_cb (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  CohortWindow *self = COHORT_WINDOW (source_object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);
  g_autofree char *title = NULL;
  guint rows = 0;

  if (!cohort_window_export_finish (self, result, &rows, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        /* Translators: the start of a message that ends with what went wrong */
        show_failure (self, _("Could not export"), error);
      return;
    }

  if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (result), "format")) ==
      COHORT_EXPORT_LIST_CSV)
    /* Translators: "120 rows written to trainees-2026-11-27.csv" */
    title = g_strdup_printf (ngettext ("%u row written to %s", "%u rows written to %s", rows),
                             rows, display);
  else
    /* Translators: %s is a file name */
    title = g_strdup_printf (_("Written to %s"), display);

  show_toast (self, adw_toast_new (title));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               gpointer         user_data)
{
  CohortWindow *self = COHORT_WINDOW (user_data);
  CohortExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        cohort_window_export_async (self, format, file, NULL, on_export_cb,
                                    g_object_ref (file));
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  g_object_unref (self);
}

static void
choose_export_file (CohortWindow       *self,
                    CohortExportFormat  format,
                    const char         *what)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  /* A file name: the list (not translated, like the CLI's), and today's date. */
  name = g_strdup_printf ("%s-%s.%s", what, date,
                          format == COHORT_EXPORT_LIST_CSV ? "csv" : "xml");

  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  if (format == COHORT_EXPORT_LIST_CSV)
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("XML files"));
      gtk_file_filter_add_pattern (filter, "*.xml");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "format", GINT_TO_POINTER (format));
  g_signal_connect (native, "response", G_CALLBACK (on_export_chooser_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CohortWindow *self = COHORT_WINDOW (widget);
  const char *name = NULL;

  if (g_strcmp0 (action_name, "win.export-xcri") == 0)
    choose_export_file (self, COHORT_EXPORT_CATALOGUE_XCRI, "catalogue");
  else if (g_strcmp0 (action_name, "win.export-ims") == 0)
    choose_export_file (self, COHORT_EXPORT_ENROLMENTS_IMS, "enrolments");
  else if (get_visible_list (self, &name) != NULL)
    choose_export_file (self, COHORT_EXPORT_LIST_CSV, name);
}

static void
update_export_actions (CohortWindow *self)
{
  const char *name = NULL;
  gboolean has_list = get_visible_list (self, &name) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_list);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-xcri",
                                 g_strcmp0 (name, "courses") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-ims",
                                 g_strcmp0 (name, "courses") == 0);
}

static void
on_visible_child_changed_cb (AdwViewStack *stack,
                             GParamSpec   *pspec,
                             CohortWindow *self)
{
  update_export_actions (self);
}

/* Public */

/**
 * cohort_window_exchange_class_init:
 * @widget_class: the window's class
 *
 * Installs win.import, win.export, win.export-xcri, win.export-ims and win.show-page, and the
 * shortcuts Ctrl+I and Ctrl+E (listed in gtk/help-overlay.ui).
 */
void
cohort_window_exchange_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (COHORT_TYPE_IMPORT_DIALOG);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-xcri", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-ims", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
}

/**
 * cohort_window_exchange_init:
 * @self: a window, with its pages
 *
 * Puts the window's content in a toast overlay, and lets a file dropped on it be imported.
 */
void
cohort_window_exchange_init (CohortWindow *self)
{
  Exchange *exchange = g_new0 (Exchange, 1);
  g_autoptr(GtkWidget) content = NULL;
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_return_if_fail (COHORT_IS_WINDOW (self));

  content = g_object_ref (adw_application_window_get_content (ADW_APPLICATION_WINDOW (self)));
  exchange->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), NULL);
  adw_toast_overlay_set_child (exchange->toast_overlay, content);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self),
                                      GTK_WIDGET (exchange->toast_overlay));
  g_object_set_data_full (G_OBJECT (self), EXCHANGE_KEY, exchange,
                          g_free);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_DEFAULT);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (get_view_stack (self), "notify::visible-child",
                           G_CALLBACK (on_visible_child_changed_cb), self, G_CONNECT_DEFAULT);
  update_export_actions (self);
}

/**
 * cohort_window_import_file:
 * @self: a window
 * @file: the file to import
 *
 * Opens the import dialog on @file (not yet shown: present it).
 *
 * Returns: (transfer none): the dialog, kept by GTK until it is destroyed
 */
CohortImportDialog *
cohort_window_import_file (CohortWindow *self,
                           GFile        *file)
{
  CohortImportDialog *dialog;

  g_return_val_if_fail (COHORT_IS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  dialog = new_import_dialog (self);
  cohort_import_dialog_open_file (dialog, file);

  return dialog;
}

/**
 * cohort_window_export_async:
 * @self: a window
 * @format: what to write
 * @file: where to write it (replaced if it exists)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: the data for @callback
 *
 * Writes, in a worker, the list of the visible page as it shows it (its search, filters and
 * sort), the catalogue or the runs and enrolments.  A file is complete or not written at all.
 */
void
cohort_window_export_async (CohortWindow        *self,
                            CohortExportFormat   format,
                            GFile               *file,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Export *export;

  g_return_if_fail (COHORT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, cohort_window_export_async);
  g_object_set_data (G_OBJECT (task), "format", GINT_TO_POINTER (format));

  export = g_new0 (Export, 1);
  export->format = format;
  export->database_path = g_strdup (cohort_database_get_path (cohort_window_get_database (self)));
  export->file = g_object_ref (file);

  if (format == COHORT_EXPORT_LIST_CSV)
    {
      CohortQueryModel *model = get_visible_list (self, NULL);

      if (model == NULL)
        {
          export_free (export);
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                                   _("This page has no list to export"));
          return;
        }

      export->kind = cohort_query_model_get_kind (model);
      export->search = g_strdup (cohort_query_model_get_search (model));
      for (guint i = 0; i < N_FILTERS; i++)
        export->filters[i] = g_strdup (cohort_query_model_get_filter (model, i));
      export->sort = cohort_query_model_get_sort (model);
      export->descending = cohort_query_model_get_descending (model);
      export->show_deleted = cohort_query_model_get_show_deleted (model);
    }

  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * cohort_window_export_finish:
 * @self: a window
 * @result: the result given to the callback
 * @out_rows: (out) (optional): for a list, the rows written
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the file is written
 */
gboolean
cohort_window_export_finish (CohortWindow  *self,
                             GAsyncResult  *result,
                             guint         *out_rows,
                             GError       **error)
{
  gssize rows;

  g_return_val_if_fail (COHORT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  rows = g_task_propagate_int (G_TASK (result), error);
  if (rows < 0)
    return FALSE;

  if (out_rows != NULL)
    *out_rows = (guint) rows;
  return TRUE;
}
